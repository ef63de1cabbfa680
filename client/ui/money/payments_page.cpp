#include "client/ui/money/payments_page.h"

#include "client/ui/base/error_text.h"
#include "client/ui/base/page_widgets.h"
#include "client/ui/base/problem_text.h"
#include "client/ui/forms/form_preview_dialog.h"
#include "client/ui/forms/form_printing.h"
#include "client/ui/money/payment_method_text.h"
#include "client/workflows/forms/receipt_form.h"
#include "client/workflows/money/payment_desk.h"
#include "domain/money_limit.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace ui {

namespace {

wxString refund_error_text(const bss::CallError& error)
{
    if (error.kind == bss::FailureKind::transport || error.kind == bss::FailureKind::timeout) {
        return _("A refund needs the back office, which cannot be reached now: the supervisor's approval is checked "
                 "there. Try again when it is back.");
    }
    const auto code = error.code();
    if (code == "E_PERMISSION") {
        // The back office does not say which (a wrong password and a clerk's staff ID look the same from outside).
        return _("The approval was refused: the staff ID or password is wrong, or that staff member may not approve "
                 "refunds. Ask a supervisor.");
    }
    if (code == "E_SESSION") {
        return _("The approving password is wrong, or your session has ended.");
    }
    if (code == "E_NOT_FOUND") {
        return _("The back office knows no such payment. Check the payment number on the receipt.");
    }
    if (code == "E_VALIDATION") {
        return _("The refund is more than what is left of the payment, or the day is already settled.");
    }
    return call_error_text(error);
}

wxTextCtrl* entry(wxWindow* parent, const char* name, int width)
{
    return new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxSize(width, -1), wxTE_PROCESS_ENTER,
                          wxDefaultValidator, name);
}

} // namespace

PaymentsPage::PaymentsPage(wxWindow* parent, PageServices services, std::function<void()> wake)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "payments_page"),
      m_backend(std::make_shared<PageBackend>(std::move(services))), m_wake(std::move(wake))
{
    build();
    m_worker.set_on_stop([backend = m_backend] { backend->cancel(); });
    m_customer->SetFocus();
}

PaymentsPage::~PaymentsPage() = default;

template <typename Work, typename Done> void PaymentsPage::run(Work work, Done done)
{
    run_counted(m_worker, m_pending, nullptr, std::move(work), std::move(done),
                [this](const wxString& text) { set_message(text, true); });
}

void PaymentsPage::build()
{
    auto* top = new wxBoxSizer(wxVERTICAL);

    auto* pay_box = new wxStaticBoxSizer(wxVERTICAL, this, _("Payment into an account"));
    auto* box = pay_box->GetStaticBox();
    auto* find_row = new wxBoxSizer(wxHORIZONTAL);
    find_row->Add(new wxStaticText(box, wxID_ANY, _("Customer ID:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_customer = entry(box, "payment_customer", 200);
    m_customer->SetHint(_("then Enter"));
    find_row->Add(m_customer, 0);
    pay_box->Add(find_row, 0, wxALL, 4);
    m_account_list = new wxListCtrl(box, wxID_ANY, wxDefaultPosition, wxSize(-1, 120), wxLC_REPORT | wxLC_SINGLE_SEL,
                                    wxDefaultValidator, "payment_accounts");
    m_account_list->AppendColumn(_("Account"), wxLIST_FORMAT_LEFT, 140);
    m_account_list->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, 200);
    m_account_list->AppendColumn(_("Balance (yuan)"), wxLIST_FORMAT_RIGHT, 140);
    m_account_list->AppendColumn(_("Pays by"), wxLIST_FORMAT_LEFT, 120);
    fill_last_column(m_account_list);
    pay_box->Add(m_account_list, 1, wxEXPAND | wxALL, 4);
    auto* pay_row = new wxBoxSizer(wxHORIZONTAL);
    pay_row->Add(new wxStaticText(box, wxID_ANY, _("Amount (yuan):")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_amount = entry(box, "payment_amount", 120);
    pay_row->Add(m_amount, 0, wxRIGHT, 12);
    pay_row->Add(new wxStaticText(box, wxID_ANY, _("Paid by:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_method = new wxChoice(box, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                            "payment_method");
    offer_counter_tenders(*m_method);
    pay_row->Add(m_method, 0, wxRIGHT, 12);
    m_take = new wxButton(box, wxID_ANY, _("&Take the payment"), wxDefaultPosition, wxDefaultSize, 0,
                          wxDefaultValidator, "payment_take");
    pay_row->Add(m_take, 0, wxRIGHT, 6);
    m_print = new wxButton(box, wxID_ANY, _("&Print the receipt"), wxDefaultPosition, wxDefaultSize, 0,
                           wxDefaultValidator, "payment_print");
    m_print->Disable();
    pay_row->Add(m_print, 0);
    pay_box->Add(pay_row, 0, wxALL, 4);
    top->Add(pay_box, 1, wxEXPAND | wxALL, 8);

    auto* refund_box = new wxStaticBoxSizer(wxVERTICAL, this, _("Refund (needs a supervisor)"));
    box = refund_box->GetStaticBox();
    auto* refund_grid = new wxFlexGridSizer(2, 6, 8);
    refund_grid->Add(new wxStaticText(box, wxID_ANY, _("Payment number:")), 0, wxALIGN_CENTER_VERTICAL);
    m_refund_payment = entry(box, "refund_payment", 220);
    refund_grid->Add(m_refund_payment, 0);
    refund_grid->Add(new wxStaticText(box, wxID_ANY, _("Amount (yuan):")), 0, wxALIGN_CENTER_VERTICAL);
    m_refund_amount = entry(box, "refund_amount", 120);
    refund_grid->Add(m_refund_amount, 0);
    refund_grid->Add(new wxStaticText(box, wxID_ANY, _("Reason:")), 0, wxALIGN_CENTER_VERTICAL);
    m_refund_reason = entry(box, "refund_reason", 420);
    refund_grid->Add(m_refund_reason, 0);
    refund_box->Add(refund_grid, 0, wxALL, 4);
    auto* refund_button = new wxButton(box, wxID_ANY, _("&Refund..."), wxDefaultPosition, wxDefaultSize, 0,
                                       wxDefaultValidator, "refund_button");
    refund_box->Add(refund_button, 0, wxALL, 4);
    top->Add(refund_box, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);

    m_message = new StatusLine(this, wxID_ANY, _("Type the customer ID and press Enter to list the accounts."),
                               wxDefaultPosition, wxDefaultSize, 0, "payment_message");
    top->Add(m_message, 0, wxEXPAND | wxALL, 8);
    SetSizer(top);

    m_customer->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { list_accounts(); });
    m_account_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
        m_amount->SetFocus();
        m_amount->SelectAll();
    });
    m_amount->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { take_payment(); });
    m_take->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { take_payment(); });
    m_print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { print_receipt(); });
    refund_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { refund(); });
    m_refund_reason->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { refund(); });
}

void PaymentsPage::list_accounts()
{
    const std::string customer = m_customer->GetValue().Strip(wxString::both).utf8_string();
    if (customer.empty()) {
        set_message(problem_text(domain::problem(domain::Errc::empty)), true);
        return;
    }
    set_message(_("Listing the accounts..."));
    run(
        [backend = m_backend, customer] {
            workflows::OrderDesk orders(*backend);
            workflows::PaymentDesk payments(*backend, orders);
            return payments.accounts(customer);
        },
        [this](std::variant<std::vector<contract::BillingAccount>, bss::CallError> answer) {
            m_account_list->DeleteAllItems();
            m_accounts.clear();
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                set_message(call_error_text(*error), true);
                return;
            }
            m_accounts = std::get<std::vector<contract::BillingAccount>>(std::move(answer));
            for (const auto& account : m_accounts) {
                const long row =
                    m_account_list->InsertItem(m_account_list->GetItemCount(), wxString::FromUTF8(account.account_id));
                m_account_list->SetItem(row, 1, wxString::FromUTF8(account.name));
                m_account_list->SetItem(row, 2, wxString::FromUTF8(account.balance.format()));
                m_account_list->SetItem(row, 3, payment_method_text(account.payment_method));
            }
            if (m_accounts.empty()) {
                set_message(_("This customer has no billing account."), true);
                return;
            }
            m_account_list->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                         wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            set_message(_("Choose the account, type the amount, then Alt+T."));
            m_account_list->SetFocus();
        });
}

void PaymentsPage::take_payment()
{
    const long index = m_account_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (index < 0 || static_cast<std::size_t>(index) >= m_accounts.size()) {
        set_message(_("Choose the account first."), true);
        return;
    }
    const auto amount = domain::Money::parse(m_amount->GetValue().Strip(wxString::both).utf8_string());
    if (!amount) {
        set_message(problem_text(amount.error()), true);
        m_amount->SetFocus();
        return;
    }
    // The same bound the back office keeps (money_limit.h): a slip of the keyboard is caught before it queues.
    if (const auto problem = domain::check_amount(*amount)) {
        set_message(problem_text(*problem), true);
        m_amount->SetFocus();
        return;
    }
    const std::string account = m_accounts[static_cast<std::size_t>(index)].account_id;
    const auto method = chosen_tender(*m_method);
    run(
        [backend = m_backend, account, money = *amount, method] {
            workflows::OrderDesk orders(*backend);
            workflows::PaymentDesk payments(*backend, orders);
            return payments.pay_account(account, money, method);
        },
        [this, account, money = *amount](std::string local_id) {
            m_payment = std::move(local_id);
            if (m_wake) {
                m_wake();
            }
            set_message(wxString::Format(_("%s taken into account %s; it is queued for the back office. Print "
                                           "the receipt (Alt+P)."),
                                         wxString::FromUTF8(money.format()), wxString::FromUTF8(account)));
            m_amount->ChangeValue(wxString());
            m_print->Enable();
            m_print->SetFocus();
        });
}

void PaymentsPage::print_receipt()
{
    if (!m_payment || busy()) {
        return;
    }
    set_message(_("Preparing the receipt..."));
    run(
        [backend = m_backend, payment = *m_payment]() -> std::shared_ptr<Printable> {
            return archive_form(*backend, [&](workflows::Desk& desk, const workflows::PrintingCounter& counter) {
                return workflows::receipt_form(desk, counter, payment);
            });
        },
        [this](const std::shared_ptr<Printable>& printable) {
            set_message(_("The receipt is archived. Print it from the preview."));
            page_preview(m_backend->services().prompts, this, printable->layout, printable->offsets);
        });
}

void PaymentsPage::refund()
{
    const std::string payment = m_refund_payment->GetValue().Strip(wxString::both).utf8_string();
    const std::string reason = m_refund_reason->GetValue().Strip(wxString::both).utf8_string();
    const auto amount = domain::Money::parse(m_refund_amount->GetValue().Strip(wxString::both).utf8_string());
    if (payment.empty()) {
        set_message(_("Type the payment number printed on the receipt."), true);
        m_refund_payment->SetFocus();
        return;
    }
    const auto problem = amount ? domain::check_amount(*amount) : std::optional<domain::Problem>(amount.error());
    if (problem) {
        set_message(problem_text(*problem), true);
        m_refund_amount->SetFocus();
        return;
    }
    if (reason.empty()) {
        set_message(_("Type why the money is refunded: it is printed and audited."), true);
        m_refund_reason->SetFocus();
        return;
    }
    const auto& prompts = m_backend->services().prompts;
    const auto supervisor = page_ask_text(prompts, this, _("Supervisor's approval"), _("Supervisor's staff ID:"));
    if (!supervisor || supervisor->empty()) {
        set_message(_("Refund not made: a supervisor must approve it."), true);
        return;
    }
    const auto password = page_ask_password(prompts, this, _("Supervisor's approval"), _("Supervisor's password:"));
    if (!password) {
        set_message(_("Refund not made: a supervisor must approve it."), true);
        return;
    }
    set_message(_("Refunding..."));
    run(
        [backend = m_backend, payment, money = *amount, reason,
         approval = workflows::Approval{supervisor->utf8_string(), password->utf8_string()}] {
            workflows::OrderDesk orders(*backend);
            workflows::PaymentDesk payments(*backend, orders);
            return payments.refund(payment, money, reason, approval);
        },
        [this](std::variant<contract::RefundRecord, bss::CallError> answer) {
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                set_message(refund_error_text(*error), true);
                return;
            }
            m_refund = std::get<contract::RefundRecord>(std::move(answer));
            set_message(wxString::Format(_("Refunded %s (refund %s, approved by %s). Hand the money back."),
                                         wxString::FromUTF8(m_refund->amount.format()),
                                         wxString::FromUTF8(m_refund->refund_id),
                                         wxString::FromUTF8(m_refund->approved_by)));
            for (auto* field : {m_refund_payment, m_refund_amount, m_refund_reason}) {
                field->ChangeValue(wxString());
            }
        });
}

void PaymentsPage::set_message(const wxString& text, bool error)
{
    m_message->show(text, error);
}

} // namespace ui
