#include "client/ui/acceptance/customer_text.h"

#include "domain/masking.h"

#include <wx/intl.h>

namespace ui {

wxString grade_text(const std::string& grade)
{
    if (grade == "diamond") {
        return _("Diamond");
    }
    if (grade == "gold") {
        return _("Gold");
    }
    if (grade == "silver") {
        return _("Silver");
    }
    if (grade == "ordinary") {
        return _("Ordinary");
    }
    return wxString::FromUTF8(grade);
}

wxString customer_status_text(const std::string& status)
{
    if (status == "active") {
        return _("Active");
    }
    if (status == "suspended") {
        return _("Suspended");
    }
    if (status == "closed") {
        return _("Closed");
    }
    return wxString::FromUTF8(status);
}

wxString shown_name(const contract::CustomerRecord& customer)
{
    return wxString::FromUTF8(customer.kind == "individual" ? domain::mask_name(customer.name) : customer.name);
}

wxString main_certificate(const contract::CustomerRecord& customer)
{
    for (const auto& certificate : customer.certificates) {
        if (certificate.main) {
            return wxString::FromUTF8(domain::mask_id_number(certificate.number));
        }
    }
    return customer.certificates.empty() ? wxString()
                                         : wxString::FromUTF8(domain::mask_id_number(customer.certificates[0].number));
}

} // namespace ui
