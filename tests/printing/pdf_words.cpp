#include "pdf_words.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <pugixml.hpp>
#include <sys/wait.h>

namespace testing {
namespace {

constexpr double kMmPerPt = 25.4 / 72.0;

std::string without_spaces(std::string text)
{
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    return text;
}

} // namespace

std::vector<PdfWord> pdf_words(const std::filesystem::path& pdf)
{
    const std::string tool = PDFTOTEXT_PATH;
    INFO("pdftotext from poppler-utils (scripts/deps.txt) is needed; CMake found: " << tool);
    REQUIRE(tool.find("NOTFOUND") == std::string::npos);
    REQUIRE(std::filesystem::exists(tool));
    const std::string command = "'" + tool + "' -bbox -enc UTF-8 '" + pdf.string() + "' - 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string html;
    char buf[4096];
    while (const std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) {
        html.append(buf, n);
    }
    const int status = pclose(pipe);
    INFO("pdftotext said: " << html.substr(0, 400));
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);

    pugi::xml_document doc;
    REQUIRE(doc.load_string(html.c_str()));
    std::vector<PdfWord> words;
    int page_number = 0;
    for (const auto& page : doc.select_nodes("//*[local-name()='page']")) {
        ++page_number;
        for (const auto word : page.node().children()) {
            if (std::string_view(word.name()) != "word") {
                continue;
            }
            words.push_back({page_number, word.attribute("xMin").as_double() * kMmPerPt,
                             word.attribute("yMin").as_double() * kMmPerPt,
                             word.attribute("xMax").as_double() * kMmPerPt,
                             word.attribute("yMax").as_double() * kMmPerPt, word.child_value()});
        }
    }
    return words;
}

std::string text_in_box(const std::vector<PdfWord>& words, int page, double x, double y, double w, double h,
                        double slack)
{
    std::vector<const PdfWord*> inside;
    for (const auto& word : words) {
        if (word.page == page && word.centre_x() >= x - slack && word.centre_x() <= x + w + slack &&
            word.centre_y() >= y - slack && word.centre_y() <= y + h + slack) {
            inside.push_back(&word);
        }
    }
    // Reading order: lines top to bottom (a word within 1 mm of the line's first centre joins it), then left to right.
    std::sort(inside.begin(), inside.end(),
              [](const PdfWord* a, const PdfWord* b) { return a->centre_y() < b->centre_y(); });
    std::string text;
    for (std::size_t start = 0; start < inside.size();) {
        std::size_t end = start + 1;
        while (end < inside.size() && inside[end]->centre_y() - inside[start]->centre_y() <= 1.0) {
            ++end;
        }
        std::sort(inside.begin() + static_cast<std::ptrdiff_t>(start),
                  inside.begin() + static_cast<std::ptrdiff_t>(end),
                  [](const PdfWord* a, const PdfWord* b) { return a->x_min < b->x_min; });
        for (std::size_t i = start; i < end; ++i) {
            text += inside[i]->text;
        }
        start = end;
    }
    return without_spaces(text);
}

std::string all_text(const std::vector<PdfWord>& words)
{
    std::string text;
    for (const auto& word : words) {
        text += word.text;
    }
    return without_spaces(text);
}

} // namespace testing
