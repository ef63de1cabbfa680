#pragma once
/// Reads a form template (forms/NAME.xml; the format is described in docs/PRINTING.md). Anything it does not
/// understand is refused with the file, the line and a reason: malformed XML (E_TEMPLATE_SYNTAX), an unknown element
/// or attribute, a field or table the catalog does not know (E_TEMPLATE_FIELD), a bad number or unit, a negative size,
/// an item off the page, a missing page size or image.

#include "printing/form_template.h"
#include "printing/print_error.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace printing {

/// Parses template text. `file` names it in errors; images are looked up relative to `base_dir`.
PrintResult<FormTemplate> parse_template(std::string_view xml, const std::string& file,
                                         const std::filesystem::path& base_dir);

/// Reads and parses a template file (E_FILE_READ when it cannot be read).
PrintResult<FormTemplate> load_template(const std::filesystem::path& file);

} // namespace printing
