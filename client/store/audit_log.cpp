#include "client/store/audit_log.h"

namespace store {

void AuditLog::append(const std::string& staff, const std::string& action, const std::string& subject,
                      const std::string& detail, UtcTime now)
{
    const auto at = utc_text(now);
    m_sql << "INSERT INTO audit_log (at, staff, action, subject, detail) VALUES (:a, :s, :c, :j, :d)", soci::use(at),
        soci::use(staff), soci::use(action), soci::use(subject), soci::use(detail);
}

std::vector<AuditEntry> AuditLog::recent(const std::string& subject, int limit) const
{
    std::vector<AuditEntry> entries;
    soci::rowset<soci::row> rows =
        (m_sql.prepare << "SELECT at, staff, action, subject, detail FROM audit_log WHERE (:s = '' OR subject = :s2) "
                          "ORDER BY id DESC LIMIT :l",
         soci::use(subject), soci::use(subject), soci::use(limit));
    for (const auto& row : rows) {
        entries.push_back({row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2),
                           row.get<std::string>(3), row.get<std::string>(4)});
    }
    return entries;
}

} // namespace store
