#include "printing/pdf_writer.h"

#include "printing/font_set.h"
#include "printing/pdf_canvas.h"
#include "printing/text_metrics.h"

#include <algorithm>
#include <cairo-pdf.h>
#include <cctype>
#include <system_error>

namespace printing {
namespace {

constexpr std::size_t kMaxNameLength = 64;

std::optional<PrintError> render(cairo_surface_t* surface, const Layout& layout, RenderPurpose purpose,
                                 const std::string& target)
{
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> owned(surface, &cairo_surface_destroy);
    auto fonts = FontSet::shared(layout.font_family);
    if (const auto* error = error_of(fonts)) {
        return *error;
    }
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        return print_error("E_PDF_WRITE",
                           {{"file", target}, {"reason", cairo_status_to_string(cairo_surface_status(surface))}});
    }
    const std::string title = layout.order_number.empty() ? layout.title : layout.title + " " + layout.order_number;
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "counter workstation");
    cairo_t* cr = cairo_create(surface);
    {
        PdfCanvas canvas(cr, std::get<std::shared_ptr<const FontSet>>(fonts));
        for (const auto& page : layout.pages) {
            paint_page(page, canvas, purpose);
            cairo_show_page(cr);
        }
    }
    const auto drawn = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const auto status = drawn != CAIRO_STATUS_SUCCESS ? drawn : cairo_surface_status(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        return print_error("E_PDF_WRITE", {{"file", target}, {"reason", cairo_status_to_string(status)}});
    }
    return std::nullopt;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length)
{
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

bool safe_name(const std::string& name)
{
    return !name.empty() && name.size() <= kMaxNameLength && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
}

} // namespace

std::optional<PrintError> write_pdf(const Layout& layout, const std::filesystem::path& file, RenderPurpose purpose)
{
    return render(cairo_pdf_surface_create(file.string().c_str(), layout.page_w * kPtPerMm, layout.page_h * kPtPerMm),
                  layout, purpose, file.string());
}

PrintResult<std::string> pdf_bytes(const Layout& layout, RenderPurpose purpose)
{
    std::string out;
    auto* surface =
        cairo_pdf_surface_create_for_stream(&append, &out, layout.page_w * kPtPerMm, layout.page_h * kPtPerMm);
    if (auto error = render(surface, layout, purpose, "(memory)")) {
        return *error;
    }
    return out;
}

PrintResult<std::filesystem::path> archive_path(const Layout& layout, const std::filesystem::path& folder)
{
    if (!safe_name(layout.order_number)) {
        return print_error("E_ARCHIVE_NAME", {{"order", layout.order_number}});
    }
    if (!safe_name(layout.form)) {
        return print_error("E_ARCHIVE_NAME", {{"form", layout.form}});
    }
    const std::string base = layout.order_number + "_" + layout.form;
    if (!layout.reprint) {
        return folder / (base + ".pdf");
    }
    std::error_code ec;
    for (int n = 2;; ++n) {
        auto candidate = folder / (base + "_reprint" + std::to_string(n) + ".pdf");
        if (!std::filesystem::exists(candidate, ec)) {
            return candidate;
        }
    }
}

PrintResult<std::filesystem::path> archive_pdf(const Layout& layout, const std::filesystem::path& folder)
{
    auto path = archive_path(layout, folder);
    if (const auto* error = error_of(path)) {
        return *error;
    }
    const auto& target = std::get<std::filesystem::path>(path);
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        return print_error("E_PDF_WRITE", {{"file", folder.string()}, {"reason", ec.message()}});
    }
    auto partial = target;
    partial += ".partial";
    if (auto error = write_pdf(layout, partial, RenderPurpose::archive)) {
        std::filesystem::remove(partial, ec);
        return *error;
    }
    std::filesystem::rename(partial, target, ec);
    if (ec) {
        auto error = print_error("E_PDF_WRITE", {{"file", target.string()}, {"reason", ec.message()}});
        std::filesystem::remove(partial, ec);
        return error;
    }
    return target;
}

} // namespace printing
