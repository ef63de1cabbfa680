#pragma once
/// The workstation's own record of every view of personal data, print and order, with the staff number (the back
/// office keeps its own for writes; this one also covers what never reaches it, like a reprint or a look-up).

#include "client/store/utc_text.h"

#include <soci/soci.h>
#include <string>
#include <vector>

namespace store {

struct AuditEntry
{
    std::string at;
    std::string staff;
    std::string action; ///< e.g. customer.view, order.accept, print.reprint
    std::string subject;
    std::string detail;
};

class AuditLog
{
public:
    explicit AuditLog(soci::session& sql) : m_sql(sql) {}

    void append(const std::string& staff, const std::string& action, const std::string& subject,
                const std::string& detail, UtcTime now);
    /// The newest entries about `subject` (all subjects when empty), newest first.
    [[nodiscard]] std::vector<AuditEntry> recent(const std::string& subject, int limit) const;

private:
    soci::session& m_sql;
};

} // namespace store
