#pragma once
/// Writing a laid-out form as PDF: to a file, to memory, or as the archive copy named by order number. The archive
/// never carries the printer's calibration offset (it describes the form, not one printer's feed), and includes the
/// 补打 mark of a reprint like the paper does.

#include "printing/form_canvas.h"
#include "printing/layout.h"
#include "printing/print_error.h"

#include <filesystem>
#include <optional>
#include <string>

namespace printing {

/// Writes every page of `layout` to `file` (E_FONT_MISSING, E_PDF_WRITE {file, reason}).
std::optional<PrintError> write_pdf(const Layout& layout, const std::filesystem::path& file,
                                    RenderPurpose purpose = RenderPurpose::archive);

/// The same PDF as bytes (for tests and the benchmark).
PrintResult<std::string> pdf_bytes(const Layout& layout, RenderPurpose purpose = RenderPurpose::archive);

/// "DD20261123000123_acceptance.pdf"; a reprint gets the first free "…_acceptance_reprint2.pdf", never overwriting
/// an earlier copy. E_ARCHIVE_NAME {order} when the order number is empty or not [A-Za-z0-9_-] (it names a file).
PrintResult<std::filesystem::path> archive_path(const Layout& layout, const std::filesystem::path& folder);

/// Writes the archive copy into `folder` (created when missing) under archive_path(); written to a temporary name
/// and renamed, so a crash never leaves half a PDF under the order's name. Returns the file written.
PrintResult<std::filesystem::path> archive_pdf(const Layout& layout, const std::filesystem::path& folder);

} // namespace printing
