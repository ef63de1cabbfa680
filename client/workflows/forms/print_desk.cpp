#include "client/workflows/forms/print_desk.h"

#include "client/store/audit_log.h"
#include "client/store/settings.h"
#include "printing/pdf_writer.h"

namespace workflows {

PrintDesk::PrintDesk(Desk& desk)
    : PrintDesk(desk.sql(), desk.services().forms_folder, desk.services().archive_folder, desk.services().staff,
                desk.services().clock)
{
}

PrintDesk::PrintDesk(soci::session& sql, std::filesystem::path forms_folder, std::filesystem::path archive_folder,
                     std::string staff, std::function<store::UtcTime()> clock)
    : m_sql(sql), m_forms(std::move(forms_folder)), m_archive(std::move(archive_folder)), m_staff(std::move(staff)),
      m_clock(std::move(clock))
{
}

store::UtcTime PrintDesk::now() const
{
    return m_clock ? m_clock() : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

printing::PrintResult<PreparedForm> PrintDesk::prepare(const std::string& form, const printing::FormData& data,
                                                       const printing::LayoutOptions& options)
{
    auto laid_out = m_forms.lay_out(form, data, options);
    if (const auto* error = printing::error_of(laid_out)) {
        return *error;
    }
    PreparedForm prepared{std::get<printing::Layout>(std::move(laid_out)), {}};
    if (!prepared.layout.order_number.empty()) {
        auto archived = printing::archive_pdf(prepared.layout, m_archive);
        if (const auto* error = printing::error_of(archived)) {
            return *error;
        }
        prepared.archive = std::get<std::filesystem::path>(archived);
    }
    store::AuditLog audit(m_sql);
    const auto subject = prepared.layout.order_number.empty() ? form : prepared.layout.order_number;
    const auto at = now();
    audit.append(m_staff, options.reprint ? "print.reprint" : "print.form", subject, form, at);
    if (!options.mask_personal_data) {
        audit.append(m_staff, "print.unmasked", subject, form, at);
    }
    return prepared;
}

printing::Offsets PrintDesk::offsets(const std::string& printer, const std::string& form) const
{
    const auto text = store::Settings(m_sql).get(printing::offset_setting_key(printer, form));
    if (!text) {
        return {};
    }
    auto parsed = printing::parse_offsets(*text);
    // A value edited by hand into something unreadable prints uncalibrated rather than not at all.
    return printing::error_of(parsed) != nullptr ? printing::Offsets{} : std::get<printing::Offsets>(parsed);
}

std::optional<printing::PrintError> PrintDesk::save_offsets(const std::string& printer, const std::string& form,
                                                            const printing::Offsets& offsets)
{
    const auto text = printing::format_offsets(offsets);
    auto checked = printing::parse_offsets(text);
    if (const auto* error = printing::error_of(checked)) {
        return *error;
    }
    store::Settings(m_sql).set(printing::offset_setting_key(printer, form), text);
    store::AuditLog(m_sql).append(m_staff, "print.calibrate", printer, form + " " + text, now());
    return std::nullopt;
}

} // namespace workflows
