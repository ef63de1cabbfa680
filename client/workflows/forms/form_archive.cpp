#include "client/workflows/forms/form_archive.h"

#include "client/store/settings.h"
#include "client/workflows/admin/workstation_settings.h"
#include "client/workflows/forms/order_forms.h"
#include "client/workflows/forms/print_desk.h"

namespace workflows {

printing::PrintResult<ArchivedForm> archive_form(Desk& desk, const FormBuilder& build)
{
    const auto& services = desk.services();
    const PrintingCounter counter{store::Settings(desk.settings()).hall_name(), services.staff, services.staff_name,
                                  services.hall_id};
    auto built = build(desk, counter);
    if (const auto* error = printing::error_of(built)) {
        return *error;
    }
    const auto& document = std::get<FormDocument>(built);
    PrintDesk printer(desk.sql(), services.forms_folder, services.archive_folder, services.staff, services.clock);
    auto prepared = printer.prepare(document.form, document.data, document.options());
    if (const auto* error = printing::error_of(prepared)) {
        return *error;
    }
    auto& form = std::get<PreparedForm>(prepared);
    return ArchivedForm{std::move(form.layout), SettingsDesk(desk).printer_offsets(document.form),
                        std::move(form.archive)};
}

printing::PrintResult<ArchivedForm> archive_acceptance_form(Desk& desk, const std::string& order)
{
    return archive_form(
        desk, [&order](Desk& on, const PrintingCounter& counter) { return acceptance_form(on.sql(), counter, order); });
}

} // namespace workflows
