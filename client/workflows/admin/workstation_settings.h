#pragma once
/// 工作站设置 as a use case: this workstation's own settings (never the training cache's), read and written through
/// store::Settings in one write transaction, and checked before anything is written: the back office's URL, the
/// certificate files (which go in pairs), the reader's address, the hall's area code and the print offsets of each
/// calibrated form. One refusal keeps everything as it was; the first problem found is returned, naming its field.

#include "client/workflows/workstation/desk.h"
#include "printing/calibration.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace workflows {

/// The values the settings page shows and saves.
struct WorkstationSettings
{
    std::string url;
    std::string ca_file;
    std::string client_cert;
    std::string client_key;
    std::string reader;   ///< a serial device or "sdk:<library>[@port]" (idcard/reader_address.h)
    std::string language; ///< "", "zh_CN" or "en"
    std::string hall_name;
    std::string area_code; ///< the hall's 区号, e.g. 0755: group members must be local to it
    int lock_minutes = 10;
    std::string printer;
    std::map<std::string, std::string> offsets; ///< form → "x,y" in mm

    friend bool operator==(const WorkstationSettings&, const WorkstationSettings&) = default;
};

/// The fields a problem can name, so the page puts the cursor there.
enum class SettingsField
{
    url,
    ca_file,
    client_cert,
    client_key,
    reader,
    area_code,
    offsets,
};

/// What is wrong with a setting: the field, a code and its parameters (worded by the page's catalog).
///  - url: the endpoint parser's E_URL_SYNTAX, E_URL_SCHEME, E_URL_INSECURE, E_URL_CREDENTIALS {url}
///  - ca_file, client_cert, client_key: E_NO_FILE {path}; client_cert: E_CERT_PAIR (one of certificate and key)
///  - reader: E_READER_ADDRESS {address}
///  - area_code: E_AREA_CODE {code}
///  - offsets: printing's E_OFFSET_SYNTAX, E_OFFSET_RANGE {form}
struct SettingsProblem
{
    SettingsField field = SettingsField::url;
    std::string code;
    std::vector<std::pair<std::string, std::string>> params;

    [[nodiscard]] std::string param(const std::string& name) const;
};

/// The forms that can be calibrated, in the order offered.
const std::vector<std::string>& calibrated_forms();
/// The interface languages offered, in order: "" (follow the system), "zh_CN", "en".
const std::vector<std::string>& offered_languages();

class SettingsDesk
{
public:
    explicit SettingsDesk(Desk& desk) : m_desk(desk) {}

    /// What is stored (the lock time clamped to 1–240 minutes, offsets for the stored printer).
    WorkstationSettings load();
    /// The hall's area code (区号): the stored one, else the default this workstation assumes (training's city);
    /// empty when neither is set.
    std::string hall_area_code();
    /// The offsets to print `form` with on the configured printer (none calibrated: zero).
    printing::Offsets printer_offsets(const std::string& form);
    /// The first problem with `settings`, or nothing. Reads the file system (certificate files), nothing else.
    static std::optional<SettingsProblem> check(const WorkstationSettings& settings);
    /// Checks, then writes everything in one transaction (offsets normalised, an emptied offset erased); the
    /// problem when refused, and then nothing is written.
    std::optional<SettingsProblem> save(const WorkstationSettings& settings);

private:
    Desk& m_desk;
};

} // namespace workflows
