#include "client/ui/money/settlement_page.h"

#include "client/ui/base/error_text.h"
#include "client/ui/base/page_widgets.h"
#include "client/ui/money/payment_method_text.h"
#include "client/workflows/money/payment_desk.h"

#include <wx/button.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace ui {

namespace {

enum : int
{
    kIdShow = wxID_HIGHEST + 1200
};

wxString money_text(const domain::Money& money)
{
    return wxString::FromUTF8(money.format());
}

} // namespace

SettlementPage::SettlementPage(wxWindow* parent, PageServices services)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "settlement_page"),
      m_backend(std::make_shared<PageBackend>(std::move(services)))
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("Day:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_day = date_picker(this, wxDateTime::Today(), "settlement_day");
    row->Add(m_day, 0, wxRIGHT, 6);
    auto* show_button = new wxButton(this, kIdShow, _("&Show (F5)"), wxDefaultPosition, wxDefaultSize, 0,
                                     wxDefaultValidator, "settlement_show");
    row->Add(show_button, 0, wxRIGHT, 6);
    m_close = new wxButton(this, wxID_ANY, _("&Close the day..."), wxDefaultPosition, wxDefaultSize, 0,
                           wxDefaultValidator, "settlement_close");
    m_close->Disable();
    row->Add(m_close, 0);
    top->Add(row, 0, wxALL, 8);
    m_lines = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 180), wxLC_REPORT | wxLC_SINGLE_SEL,
                             wxDefaultValidator, "settlement_lines");
    m_lines->AppendColumn(_("Paid by"), wxLIST_FORMAT_LEFT, 160);
    m_lines->AppendColumn(_("Payments"), wxLIST_FORMAT_RIGHT, 100);
    m_lines->AppendColumn(_("Amount"), wxLIST_FORMAT_RIGHT, 160);
    fill_last_column(m_lines);
    top->Add(m_lines, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    m_totals = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "settlement_totals");
    m_totals->SetFont(m_totals->GetFont().Bold());
    top->Add(m_totals, 0, wxALL, 8);
    m_message = new StatusLine(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "settlement_message");
    top->Add(m_message, 0, wxEXPAND | wxALL, 8);
    SetSizer(top);

    show_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_day(); });
    m_close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { close_day(); });
    m_day->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { show_day(); });
    wxAcceleratorEntry keys[] = {{wxACCEL_NORMAL, WXK_F5, kIdShow}};
    SetAcceleratorTable(wxAcceleratorTable(static_cast<int>(std::size(keys)), keys));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { show_day(); }, kIdShow);
    m_day->SetFocus();
    show_day();
}

SettlementPage::~SettlementPage() = default;

domain::Date SettlementPage::day() const
{
    const wxDateTime chosen = m_day->GetValue();
    return domain::make_date(chosen.GetYear(), static_cast<unsigned>(chosen.GetMonth()) + 1,
                             static_cast<unsigned>(chosen.GetDay()));
}

template <typename Call> void SettlementPage::run_on_day(Call call, const wxString& done)
{
    run_counted(
        m_worker, m_pending, nullptr,
        [backend = m_backend, call = std::move(call), date = day()] {
            workflows::OrderDesk orders(*backend);
            workflows::PaymentDesk payments(*backend, orders);
            return call(payments, date);
        },
        [this, done](const auto& answer) {
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                set_message(call_error_text(*error), true);
                return;
            }
            show(std::get<0>(answer)); // settlementGet's or settlementClose's figures: both are a SettlementResponse
            set_message(done);
        },
        [this](const wxString& text) { set_message(text, true); });
}

void SettlementPage::show_day()
{
    set_message(_("Asking the back office..."));
    run_on_day([](workflows::PaymentDesk& payments, domain::Date date) { return payments.settlement(date); },
               wxString());
}

void SettlementPage::show(const contract::SettlementResponse& settlement)
{
    m_shown = settlement;
    m_lines->DeleteAllItems();
    domain::Money received;
    for (const auto& line : settlement.lines) {
        received += line.amount;
        const long row = m_lines->InsertItem(m_lines->GetItemCount(), payment_method_text(line.method));
        m_lines->SetItem(row, 1, wxString::Format("%lld", static_cast<long long>(line.count)));
        m_lines->SetItem(row, 2, money_text(line.amount));
    }
    // TRANSLATORS: all payments taken, the refunds, then the net the till must hold, then whether the day is closed.
    m_totals->SetLabel(wxString::Format(_("Received: %s    Refunds: %s    Net: %s    %s"), money_text(received),
                                        money_text(settlement.refunds), money_text(settlement.net),
                                        settlement.closed ? _("Day closed") : _("Day open")));
    m_close->Enable(!settlement.closed);
    Layout();
}

void SettlementPage::close_day()
{
    if (!m_shown || m_shown->closed || busy()) {
        return;
    }
    const auto& prompts = m_backend->services().prompts;
    if (!page_confirm(prompts, this, _("Daily settlement"),
                      wxString::Format(_("Close the day with a net of %s? Payments and refunds dated that day are "
                                         "refused afterwards."),
                                       money_text(m_shown->net)))) {
        set_message(_("The day stays open."));
        return;
    }
    set_message(_("Closing the day..."));
    run_on_day([](workflows::PaymentDesk& payments, domain::Date date) { return payments.close_day(date); },
               _("The day is closed. Hand the till over with the printed totals."));
}

void SettlementPage::set_message(const wxString& text, bool error)
{
    m_message->show(text, error);
}

} // namespace ui
