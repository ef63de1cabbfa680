#include "client/ui/changes/account_change_panel.h"

#include "client/ui/base/error_text.h"
#include "client/ui/base/page_widgets.h"
#include "client/ui/money/payment_method_text.h"
#include "client/workflows/money/payment_desk.h"

#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace ui {

AccountChangePanel::AccountChangePanel(wxWindow* parent, std::shared_ptr<PageBackend> backend, PageWorker& worker,
                                       workflows::LineRef line, std::function<void(bool)> finished,
                                       std::function<void()> wake)
    : ChangePanel(parent, "account_panel", std::move(backend), worker, std::move(line), std::move(finished),
                  std::move(wake))
{
    auto* body = new wxBoxSizer(wxVERTICAL);
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 180), wxLC_REPORT | wxLC_SINGLE_SEL,
                            wxDefaultValidator, "account_list");
    m_list->AppendColumn(_("Account"), wxLIST_FORMAT_LEFT, 140);
    m_list->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, 200);
    m_list->AppendColumn(_("Paid by"), wxLIST_FORMAT_LEFT, 120);
    m_list->AppendColumn(_("Balance (yuan)"), wxLIST_FORMAT_RIGHT, 120);
    m_list->AppendColumn(_("Note"), wxLIST_FORMAT_LEFT, 120);
    fill_last_column(m_list);
    body->Add(m_list, 1, wxEXPAND | wxBOTTOM, 6);
    auto* grid = new wxFlexGridSizer(2, 6, 8);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Bill the line to account:")), 0, wxALIGN_CENTER_VERTICAL);
    m_account = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(220, -1), wxTE_PROCESS_ENTER,
                               wxDefaultValidator, "account_id");
    grid->Add(m_account, 0);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Way of &paying:")), 0, wxALIGN_CENTER_VERTICAL);
    m_method = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                            "account_method");
    m_method->Append(_("As the account pays now"));
    for (const auto method : domain::kBillPayments) {
        m_method->Append(bill_payment_text(method));
    }
    m_method->SetSelection(0);
    grid->Add(m_method, 0);
    body->Add(grid, 0);
    lay_out(wxString::Format(_("Account change: %s"), wxString::FromUTF8(this->line().service_number)), body,
            _("Asking the back office for the customer's accounts..."));

    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) {
        const auto index = static_cast<std::size_t>(event.GetIndex());
        if (index < m_accounts.size()) {
            m_account->ChangeValue(wxString::FromUTF8(m_accounts[index].account_id));
        }
    });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { m_method->SetFocus(); });
    m_account->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { m_method->SetFocus(); });
    m_list->SetFocus();
    load_accounts();
}

void AccountChangePanel::load_accounts()
{
    run(
        [backend = backend_ptr(), customer = line().customer_id] {
            workflows::OrderDesk orders(*backend);
            workflows::PaymentDesk payments(*backend, orders);
            return payments.accounts(customer);
        },
        [this](std::variant<std::vector<contract::BillingAccount>, bss::CallError> answer) {
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                set_message(wxString::Format(_("The accounts could not be listed (%s). Type the account number from "
                                               "the customer's papers; the back office checks it."),
                                             call_error_text(*error)),
                            true);
                m_account->SetFocus();
                return;
            }
            m_accounts = std::get<std::vector<contract::BillingAccount>>(std::move(answer));
            for (const auto& account : m_accounts) {
                const long row = m_list->InsertItem(m_list->GetItemCount(), wxString::FromUTF8(account.account_id));
                m_list->SetItem(row, 1, wxString::FromUTF8(account.name));
                m_list->SetItem(row, 2, payment_method_text(account.payment_method));
                m_list->SetItem(row, 3, yuan(account.balance));
                if (line().billing_account_id == account.account_id) {
                    m_list->SetItem(row, 4, _("billed now"));
                }
            }
            set_message(m_accounts.size() > 1
                            ? _("Choose the account to bill the line to, and the way of paying if it changes; Alt+A.")
                            : _("The customer has one account: change the way of paying, or open another account "
                                "under Payments (F6) first."));
            m_list->SetFocus();
            for (std::size_t i = 0; i < m_accounts.size(); ++i) {
                if (line().billing_account_id != m_accounts[i].account_id) {
                    m_list->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                         wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
                    break;
                }
            }
        });
}

void AccountChangePanel::choose_account(const std::string& account_id)
{
    m_account->ChangeValue(wxString::FromUTF8(account_id));
}

void AccountChangePanel::choose_method(const std::string& method)
{
    for (std::size_t i = 0; i < domain::kBillPayments.size(); ++i) {
        if (method == domain::wire_name(domain::kBillPayments[i])) {
            m_method->SetSelection(static_cast<int>(i) + 1);
            return;
        }
    }
    m_method->SetSelection(0);
}

ChangePanel::Change AccountChangePanel::change()
{
    const std::string account = m_account->GetValue().Strip(wxString::both).utf8_string();
    std::optional<domain::BillPayment> method;
    if (const int chosen = m_method->GetSelection(); chosen > 0) {
        method = domain::kBillPayments[static_cast<std::size_t>(chosen) - 1];
    }
    return [line = line(), account, method](workflows::ServiceChanges& changes) {
        return changes.change_account(line, account, method);
    };
}

wxString AccountChangePanel::accepted_text(const std::string& local_id) const
{
    return wxString::Format(_("Account change accepted as order %s and queued for the back office. Print the "
                              "acceptance form (Alt+P), then Alt+N."),
                            wxString::FromUTF8(local_id));
}

} // namespace ui
