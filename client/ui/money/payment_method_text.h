#pragma once
/// The clerk's words for the ways money changes hands (domain/payment_method.h): the tenders a payment is taken in and
/// the ways an account pays its bills, and a choice offering them in the table's order.

#include "domain/payment_method.h"

#include <optional>
#include <string>
#include <wx/string.h>

class wxChoice;

namespace ui {

wxString tender_text(domain::Tender tender);
wxString bill_payment_text(domain::BillPayment method);
/// A method as a record names it (a payment's tender or an account's bill payment); an unknown name as it came.
wxString payment_method_text(const std::string& method);

/// Fills `choice` with the tenders taken at the counter, cash first and chosen.
void offer_counter_tenders(wxChoice& choice);
/// The tender chosen in a choice filled by offer_counter_tenders.
domain::Tender chosen_tender(const wxChoice& choice);

} // namespace ui
