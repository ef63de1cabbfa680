#pragma once
/// The workstation's own settings (this machine, not this clerk): where the back office is and how to trust it,
/// the ID-card reader's port, the language, and per-printer offsets. A typed facade over the `settings` table so
/// callers never spell keys; values are checked by whoever knows their meaning (the endpoint parser, the printing
/// calibration parser) before they are stored.

#include <filesystem>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <string_view>

namespace store {

class Settings
{
public:
    explicit Settings(soci::session& sql) : m_sql(sql) {}

    /// The back office's base URL; empty means none configured (the workstation starts in training mode).
    [[nodiscard]] std::string back_office_url() const { return text("backoffice.url"); }
    void set_back_office_url(std::string_view url) { set("backoffice.url", url); }
    /// PEM bundle the back office's certificate must chain to.
    [[nodiscard]] std::string ca_file() const { return text("backoffice.ca_file"); }
    void set_ca_file(std::string_view path) { set("backoffice.ca_file", path); }
    /// The certificate and key the operator issued to this workstation (optional).
    [[nodiscard]] std::string client_cert() const { return text("backoffice.client_cert"); }
    void set_client_cert(std::string_view path) { set("backoffice.client_cert", path); }
    [[nodiscard]] std::string client_key() const { return text("backoffice.client_key"); }
    void set_client_key(std::string_view path) { set("backoffice.client_key", path); }
    /// Plain http to a loopback back office (development only).
    [[nodiscard]] bool allow_loopback_http() const { return text("backoffice.allow_loopback_http") == "1"; }
    void set_allow_loopback_http(bool allow) { set("backoffice.allow_loopback_http", allow ? "1" : "0"); }

    /// The ID-card reader: a serial device ("/dev/ttyUSB0", "COM3") or "sdk:<library>" for a vendor library.
    [[nodiscard]] std::string reader_port() const { return text("reader.port"); }
    void set_reader_port(std::string_view port) { set("reader.port", port); }

    /// "zh_CN" or "en"; empty: follow the system.
    [[nodiscard]] std::string language() const { return text("ui.language"); }
    void set_language(std::string_view language) { set("ui.language", language); }

    /// The business hall's name as printed on forms (the back office knows halls by id only).
    [[nodiscard]] std::string hall_name() const { return text("hall.name"); }
    void set_hall_name(std::string_view name) { set("hall.name", name); }

    /// The hall's 区号 (e.g. 0755): local numbers typed without one get it, group members must be local to it.
    [[nodiscard]] std::string area_code() const { return text("hall.area_code"); }
    void set_area_code(std::string_view code) { set("hall.area_code", code); }

    /// Minutes without keyboard or mouse before the screen locks: 1–240, 10 when unset or not a number (a
    /// hand-edited value must never keep the screen from locking).
    [[nodiscard]] int lock_minutes() const;
    void set_lock_minutes(int minutes);
    static constexpr int kDefaultLockMinutes = 10;

    /// The printer the forms go to (its name as the system knows it); empty: the system's default.
    [[nodiscard]] std::string printer() const { return text("print.printer"); }
    void set_printer(std::string_view printer) { set("print.printer", printer); }

    /// This installation's id, made once; part of every idempotency key so two workstations never collide.
    [[nodiscard]] std::string workstation_id();

    /// Any other setting by key (e.g. printing's per-printer offsets, whose keys printing makes).
    [[nodiscard]] std::optional<std::string> get(std::string_view key) const;
    void set(std::string_view key, std::string_view value);
    void erase(std::string_view key);

    /// Copies the settings of an older workstation's cache (where they lived before they moved to the settings
    /// folder) into this one, when this one holds none yet: the back office, the printer's offsets and the
    /// workstation's id (part of every idempotency key) survive the move. True when something was copied.
    bool adopt(const std::filesystem::path& old_cache);

private:
    [[nodiscard]] std::string text(std::string_view key) const { return get(key).value_or(std::string()); }

    soci::session& m_sql;
};

} // namespace store
