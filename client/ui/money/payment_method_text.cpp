#include "client/ui/money/payment_method_text.h"

#include <algorithm>
#include <wx/choice.h>
#include <wx/intl.h>

namespace ui {

wxString tender_text(domain::Tender tender)
{
    switch (tender) {
    case domain::Tender::cash:
        return _("Cash");
    case domain::Tender::bank_card:
        return _("Bank card");
    case domain::Tender::wechat:
        return _("WeChat Pay");
    case domain::Tender::alipay:
        return _("Alipay");
    case domain::Tender::cheque:
        return _("Cheque");
    }
    return wxString::FromUTF8(std::string(domain::wire_name(tender)));
}

wxString bill_payment_text(domain::BillPayment method)
{
    switch (method) {
    case domain::BillPayment::cash:
        return _("Cash");
    case domain::BillPayment::collection:
        return _("Bank collection");
    case domain::BillPayment::direct_debit:
        return _("Direct debit");
    }
    return wxString::FromUTF8(std::string(domain::wire_name(method)));
}

wxString payment_method_text(const std::string& method)
{
    if (const auto tender = domain::tender_named(method)) {
        return tender_text(*tender);
    }
    if (const auto bill = domain::bill_payment_named(method)) {
        return bill_payment_text(*bill);
    }
    return wxString::FromUTF8(method);
}

void offer_counter_tenders(wxChoice& choice)
{
    for (const auto tender : domain::kCounterTenders) {
        choice.Append(tender_text(tender));
    }
    choice.SetSelection(0);
}

domain::Tender chosen_tender(const wxChoice& choice)
{
    const auto last = static_cast<int>(domain::kCounterTenders.size()) - 1;
    return domain::kCounterTenders[static_cast<std::size_t>(std::clamp(choice.GetSelection(), 0, last))];
}

} // namespace ui
