#pragma once
/// The words of a PDF with their positions, as `pdftotext -bbox` (poppler-utils) extracts them: what a reader of the
/// archive copy would find, and where. Positions are converted to millimetres from the top-left paper edge.

#include <filesystem>
#include <string>
#include <vector>

namespace testing {

struct PdfWord
{
    int page = 0;                                      ///< 1-based
    double x_min = 0, y_min = 0, x_max = 0, y_max = 0; ///< millimetres
    std::string text;

    [[nodiscard]] double centre_x() const { return (x_min + x_max) / 2; }
    [[nodiscard]] double centre_y() const { return (y_min + y_max) / 2; }
};

/// Runs pdftotext (its path compiled in as PDFTOTEXT_PATH) on `pdf`. Fails the test, saying why, when pdftotext is
/// missing or fails.
std::vector<PdfWord> pdf_words(const std::filesystem::path& pdf);

/// The words of `page` whose centre lies inside the box (with `slack` mm around it), in reading order, joined without
/// spaces (pdftotext splits CJK runs unpredictably; spaces carry no meaning on these forms).
std::string text_in_box(const std::vector<PdfWord>& words, int page, double x, double y, double w, double h,
                        double slack = 0.5);

/// Every word of the document joined without spaces.
std::string all_text(const std::vector<PdfWord>& words);

} // namespace testing
