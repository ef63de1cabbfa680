#include "client/ui/forms/form_printing.h"

#include <stdexcept>

namespace ui {

std::shared_ptr<Printable> archive_form(PageBackend& backend, const FormBuilder& build)
{
    auto archived = workflows::archive_form(backend, build);
    if (const auto* error = printing::error_of(archived)) {
        throw std::runtime_error(error->to_string());
    }
    auto& form = std::get<workflows::ArchivedForm>(archived);
    return std::make_shared<Printable>(Printable{std::move(form.layout), form.offsets});
}

} // namespace ui
