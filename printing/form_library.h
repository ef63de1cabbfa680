#pragma once
/// The forms folder as the workstation uses it: templates loaded by name once and kept, laid out with the metrics of
/// the font the PDF embeds. One instance per process is enough; it is not thread-safe (the UI thread prints).
///
///   printing::FormLibrary forms(data_dir / "forms");
///   auto layout = forms.lay_out("acceptance", data, {.reprint = false});
///   printing::archive_pdf(std::get<printing::Layout>(layout), data_dir / "archive");
///   printing::print_layout(parent, layout, offsets, printer);    // printing/wx/form_print.h

#include "printing/form_data.h"
#include "printing/form_template.h"
#include "printing/layout.h"
#include "printing/layout_engine.h"
#include "printing/print_error.h"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace printing {

class FormLibrary
{
public:
    explicit FormLibrary(std::filesystem::path folder);
    ~FormLibrary();

    /// The template forms/NAME.xml (E_FILE_READ, or the parser's refusal). NAME is letters, digits and '_' only.
    PrintResult<std::shared_ptr<const FormTemplate>> form(std::string_view name);

    /// Loads the template and lays out `data` on it (E_FONT_MISSING when the template's font is not installed).
    PrintResult<Layout> lay_out(std::string_view name, const FormData& data, const LayoutOptions& options = {});

private:
    std::filesystem::path m_folder;
    std::map<std::string, std::shared_ptr<const FormTemplate>, std::less<>> m_forms;
};

} // namespace printing
