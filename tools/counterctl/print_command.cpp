/// counterctl print --form NAME --data ORDER.xml (--pdf OUT.pdf | --archive DIR) [--forms DIR] [--reprint]
/// Renders a form from order data without a display: batch reprints, and checks of templates and sample data.

#include "commands.h"
#include "printing/form_data.h"
#include "printing/form_library.h"
#include "printing/pdf_writer.h"

#include <cstdio>
#include <filesystem>
#include <memory>
#include <system_error>

namespace counterctl {
namespace {

namespace fs = std::filesystem;

struct PrintOptions
{
    std::string form;
    std::string data;
    std::string pdf;
    std::string archive;
    std::string forms;
    bool reprint = false;
    bool unmasked = false;
};

/// The forms folder next to the binary: <prefix>/bin → <prefix>/share/counter/forms when installed,
/// build/tools/counterctl → build/share/counter/forms in the build tree.
fs::path default_forms_folder()
{
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) {
        return {};
    }
    for (const auto& candidate :
         {exe.parent_path() / "../share/counter/forms", exe.parent_path() / "../../share/counter/forms"}) {
        if (fs::is_directory(candidate, ec)) {
            return candidate.lexically_normal();
        }
    }
    return {};
}

/// File problems are exit code 2 (like a missing file anywhere in counterctl), refusals of the content 1.
int fail(const printing::PrintError& error)
{
    std::printf("error: %s\n", error.to_string().c_str());
    const bool file_problem =
        error.code == "E_FILE_READ" || error.code == "E_PDF_WRITE" || error.code == "E_FONT_MISSING";
    return file_problem ? 2 : 1;
}

int run_print(const PrintOptions& o)
{
    const fs::path folder = o.forms.empty() ? default_forms_folder() : fs::path(o.forms);
    if (folder.empty()) {
        std::fprintf(stderr, "counterctl print: no forms folder found next to the program; give --forms DIR\n");
        return 2;
    }
    auto data = printing::load_form_data(o.data);
    if (const auto* error = printing::error_of(data)) {
        return fail(*error);
    }
    printing::FormLibrary library(folder);
    printing::LayoutOptions options;
    options.reprint = o.reprint;
    options.mask_personal_data = !o.unmasked;
    auto layout = library.lay_out(o.form, std::get<printing::FormData>(data), options);
    if (const auto* error = printing::error_of(layout)) {
        return fail(*error);
    }
    const auto& laid_out = std::get<printing::Layout>(layout);
    fs::path written = o.pdf;
    if (!o.pdf.empty()) {
        if (auto error = printing::write_pdf(laid_out, o.pdf)) {
            return fail(*error);
        }
    } else {
        auto archived = printing::archive_pdf(laid_out, o.archive);
        if (const auto* error = printing::error_of(archived)) {
            return fail(*error);
        }
        written = std::get<fs::path>(archived);
    }
    std::printf("written: %s (%zu %s)\n", written.string().c_str(), laid_out.pages.size(),
                laid_out.pages.size() == 1 ? "page" : "pages");
    return 0;
}

} // namespace

Command add_print_command(CLI::App& app)
{
    auto o = std::make_shared<PrintOptions>();
    auto* cmd = app.add_subcommand("print", "render a form from order data to PDF, without a display");
    cmd->add_option("--form", o->form, "form name, e.g. acceptance (forms/NAME.xml)")->required();
    cmd->add_option("--data", o->data, "order data (XML, as forms/samples/NAME.xml)")
        ->required()
        ->check(CLI::ExistingFile);
    auto* pdf = cmd->add_option("--pdf", o->pdf, "write the PDF to this file");
    auto* archive = cmd->add_option("--archive", o->archive, "write the archive copy, named by order number, here");
    pdf->excludes(archive);
    cmd->add_option("--forms", o->forms, "forms folder (default: the one installed with counterctl)");
    cmd->add_flag("--reprint", o->reprint, "mark the pages 补打, as a reprint");
    cmd->add_flag("--unmasked", o->unmasked, "print ID and phone numbers in full");
    cmd->callback([pdf, archive]() {
        if (pdf->count() == 0 && archive->count() == 0) {
            throw CLI::RequiredError("--pdf or --archive");
        }
    });
    return {cmd, [o]() { return run_print(*o); }};
}

} // namespace counterctl
