#include "client/workflows/admin/workstation_settings.h"

#include "client/store/settings.h"
#include "client/store/write_transaction.h"
#include "client/workflows/forms/print_desk.h"
#include "domain/phone_number.h"
#include "idcard/reader_address.h"
#include "services/bssclient/endpoint.h"

#include <algorithm>
#include <filesystem>

namespace workflows {

namespace {

SettingsProblem problem(SettingsField field, std::string code, std::vector<std::pair<std::string, std::string>> params)
{
    return SettingsProblem{field, std::move(code), std::move(params)};
}

} // namespace

std::string SettingsProblem::param(const std::string& name) const
{
    const auto found = std::ranges::find(params, name, &std::pair<std::string, std::string>::first);
    return found == params.end() ? std::string() : found->second;
}

const std::vector<std::string>& calibrated_forms()
{
    static const std::vector<std::string> forms{"acceptance", "receipt", "move_request", "group_opening"};
    return forms;
}

const std::vector<std::string>& offered_languages()
{
    static const std::vector<std::string> languages{"", "zh_CN", "en"};
    return languages;
}

WorkstationSettings SettingsDesk::load()
{
    const store::Settings settings(m_desk.settings());
    WorkstationSettings out;
    out.url = settings.back_office_url();
    out.ca_file = settings.ca_file();
    out.client_cert = settings.client_cert();
    out.client_key = settings.client_key();
    out.reader = settings.reader_port();
    out.language = settings.language();
    out.hall_name = settings.hall_name();
    out.area_code = settings.area_code();
    out.lock_minutes = settings.lock_minutes();
    out.printer = settings.printer();
    for (const auto& form : calibrated_forms()) {
        if (auto text = settings.get(printing::offset_setting_key(out.printer, form))) {
            out.offsets[form] = *text;
        }
    }
    return out;
}

std::string SettingsDesk::hall_area_code()
{
    auto area = store::Settings(m_desk.settings()).area_code();
    return area.empty() ? m_desk.services().default_area_code : area;
}

printing::Offsets SettingsDesk::printer_offsets(const std::string& form)
{
    const auto& services = m_desk.services();
    auto& settings = m_desk.settings();
    return PrintDesk(settings, services.forms_folder, services.archive_folder, services.staff)
        .offsets(store::Settings(settings).printer(), form);
}

std::optional<SettingsProblem> SettingsDesk::check(const WorkstationSettings& settings)
{
    if (!settings.url.empty()) {
        const auto parsed = bss::parse_endpoint(settings.url, false);
        if (const auto* error = std::get_if<bss::EndpointError>(&parsed)) {
            return problem(SettingsField::url, error->code, {{"url", settings.url}});
        }
    }
    const std::pair<const std::string*, SettingsField> files[] = {{&settings.ca_file, SettingsField::ca_file},
                                                                  {&settings.client_cert, SettingsField::client_cert},
                                                                  {&settings.client_key, SettingsField::client_key}};
    for (const auto& [path, field] : files) {
        std::error_code ec;
        if (!path->empty() && !std::filesystem::is_regular_file(*path, ec)) {
            return problem(field, "E_NO_FILE", {{"path", *path}});
        }
    }
    if (!settings.reader.empty()) {
        const auto address = idcard::parse_reader_address(settings.reader);
        if (std::holds_alternative<idcard::ReaderError>(address)) {
            return problem(SettingsField::reader, "E_READER_ADDRESS", {{"address", settings.reader}});
        }
    }
    // The rule fixed lines are split by: local numbers typed without an area code get this one, so a code that
    // looks right but is not one (0211, 075) would make every such number wrong.
    if (!settings.area_code.empty() && domain::check_area_code(settings.area_code)) {
        return problem(SettingsField::area_code, "E_AREA_CODE", {{"code", settings.area_code}});
    }
    if (settings.client_cert.empty() != settings.client_key.empty()) {
        return problem(SettingsField::client_cert, "E_CERT_PAIR", {});
    }
    for (const auto& form : calibrated_forms()) {
        const auto found = settings.offsets.find(form);
        if (found == settings.offsets.end()) {
            continue;
        }
        const auto parsed = printing::parse_offsets(found->second);
        if (const auto* error = printing::error_of(parsed)) {
            return problem(SettingsField::offsets, error->code, {{"form", form}});
        }
    }
    return std::nullopt;
}

std::optional<SettingsProblem> SettingsDesk::save(const WorkstationSettings& settings)
{
    if (auto refused = check(settings)) {
        return refused;
    }
    auto& sql = m_desk.settings();
    store::WriteTransaction transaction(sql);
    store::Settings stored(sql);
    stored.set_back_office_url(settings.url);
    stored.set_ca_file(settings.ca_file);
    stored.set_client_cert(settings.client_cert);
    stored.set_client_key(settings.client_key);
    stored.set_reader_port(settings.reader);
    stored.set_language(settings.language);
    stored.set_hall_name(settings.hall_name);
    stored.set_area_code(settings.area_code);
    stored.set_lock_minutes(std::clamp(settings.lock_minutes, 1, 240));
    stored.set_printer(settings.printer);
    for (const auto& form : calibrated_forms()) {
        const auto key = printing::offset_setting_key(settings.printer, form);
        const auto found = settings.offsets.find(form);
        if (found == settings.offsets.end()) {
            stored.erase(key);
        } else {
            stored.set(key,
                       printing::format_offsets(std::get<printing::Offsets>(printing::parse_offsets(found->second))));
        }
    }
    transaction.commit();
    return std::nullopt;
}

} // namespace workflows
