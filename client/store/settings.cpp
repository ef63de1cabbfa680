#include "client/store/settings.h"

#include <algorithm>
#include <charconv>
#include <random>

namespace store {

std::optional<std::string> Settings::get(std::string_view key) const
{
    std::string value;
    soci::indicator found = soci::i_null;
    const std::string owned(key);
    m_sql << "SELECT value FROM settings WHERE key = :k", soci::use(owned), soci::into(value, found);
    if (!m_sql.got_data() || found != soci::i_ok) {
        return std::nullopt;
    }
    return value;
}

void Settings::set(std::string_view key, std::string_view value)
{
    const std::string k(key);
    const std::string v(value);
    m_sql << "INSERT INTO settings (key, value) VALUES (:k, :v) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        soci::use(k), soci::use(v);
}

void Settings::erase(std::string_view key)
{
    const std::string k(key);
    m_sql << "DELETE FROM settings WHERE key = :k", soci::use(k);
}

int Settings::lock_minutes() const
{
    constexpr int kMin = 1;
    constexpr int kMax = 240;
    const auto stored = get("ui.lock_minutes");
    if (!stored) {
        return kDefaultLockMinutes;
    }
    int minutes = 0;
    const auto* end = stored->data() + stored->size();
    const auto [stop, ec] = std::from_chars(stored->data(), end, minutes);
    if (ec != std::errc() || stop != end) {
        return kDefaultLockMinutes;
    }
    return std::clamp(minutes, kMin, kMax);
}

void Settings::set_lock_minutes(int minutes)
{
    set("ui.lock_minutes", std::to_string(minutes));
}

bool Settings::adopt(const std::filesystem::path& old_cache)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(old_cache, ec)) {
        return false;
    }
    int held = 0;
    m_sql << "SELECT COUNT(*) FROM settings", soci::into(held);
    if (held > 0) {
        return false;
    }
    const std::string path = old_cache.string();
    m_sql << "ATTACH DATABASE :path AS old_cache", soci::use(path);
    int copied = 0;
    try {
        m_sql << "INSERT OR IGNORE INTO settings (key, value) SELECT key, value FROM old_cache.settings";
        m_sql << "SELECT COUNT(*) FROM settings", soci::into(copied);
    } catch (const soci::soci_error&) {
        m_sql << "DETACH DATABASE old_cache";
        throw;
    }
    m_sql << "DETACH DATABASE old_cache";
    return copied > 0;
}

std::string Settings::workstation_id()
{
    if (auto id = get("workstation.id")) {
        return *id;
    }
    // Not a secret, only unique: 12 hex digits from the system's entropy source.
    std::random_device entropy;
    std::uniform_int_distribution<int> digit(0, 15);
    std::string id;
    for (int i = 0; i < 12; ++i) {
        id += "0123456789abcdef"[digit(entropy)];
    }
    // Two threads racing on a first start keep the first id written.
    m_sql << "INSERT OR IGNORE INTO settings (key, value) VALUES ('workstation.id', :v)", soci::use(id);
    return get("workstation.id").value_or(id);
}

} // namespace store
