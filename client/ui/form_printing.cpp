#include "client/ui/form_printing.h"

#include "client/store/settings.h"
#include "client/workflows/print_desk.h"

#include <stdexcept>

namespace ui {

std::shared_ptr<Printable> archive_form(PageBackend& backend, const FormBuilder& build)
{
    const auto& services = backend.services();
    const workflows::PrintingCounter counter{store::Settings(backend.settings()).hall_name(), services.staff,
                                             services.staff_name, services.hall_id};
    auto built = build(backend.sql(), counter);
    if (const auto* error = printing::error_of(built)) {
        throw std::runtime_error(error->to_string());
    }
    const auto& document = std::get<workflows::FormDocument>(built);
    workflows::PrintDesk desk(backend.sql(), services.forms_folder, services.archive_folder, services.staff,
                              services.clock);
    auto prepared = desk.prepare(document.form, document.data, document.options());
    if (const auto* error = printing::error_of(prepared)) {
        throw std::runtime_error(error->to_string());
    }
    return std::make_shared<Printable>(Printable{std::get<workflows::PreparedForm>(std::move(prepared)).layout,
                                                 calibrated_offsets(backend, document.form)});
}

} // namespace ui
