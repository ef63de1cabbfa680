#include "client/ui/changes/install_panel.h"

#include "client/ui/base/problem_text.h"
#include "client/ui/changes/fixed_line_call.h"
#include "client/ui/changes/install_accepted_step.h"
#include "client/ui/changes/install_address_step.h"
#include "client/ui/changes/install_fees_step.h"
#include "client/ui/changes/install_number_step.h"
#include "client/ui/changes/install_products_step.h"
#include "client/ui/changes/install_step.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace ui {

namespace {

enum : int
{
    kIdNext = wxID_HIGHEST + 900,
    kIdBack,
    kIdAccept // wxID_HIGHEST + 903 is the accepted step's Print
};

} // namespace

InstallPanel::InstallPanel(wxWindow* parent, std::shared_ptr<PageBackend> backend, PageWorker& worker,
                           contract::CustomerRecord customer, int lines, std::function<void(bool)> finished,
                           std::function<void()> wake)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "install_panel"),
      m_backend(std::move(backend)), m_tasks(worker, [this](const wxString& text) { set_message(text, true); }),
      m_customer(std::move(customer)), m_lines(std::max(lines, 1)), m_finished(std::move(finished)),
      m_wake(std::move(wake))
{
    build();
}

void InstallPanel::build()
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    m_title = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "install_title");
    m_title->SetFont(m_title->GetFont().Bold().Larger());
    top->Add(m_title, 0, wxALL, 4);
    m_message = new StatusLine(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "install_message");
    top->Add(m_message, 0, wxEXPAND | wxALL, 4);

    const InstallSay say = [this](const wxString& text, bool error) { set_message(text, error); };
    const auto go_on = [this] { m_next->SetFocus(); };
    m_book = new wxSimplebook(this, wxID_ANY);
    m_products = new InstallProductsStep(m_book);
    m_book->AddPage(m_products, wxString());
    m_address = new InstallAddressStep(m_book, m_backend, m_tasks.worker(), say, go_on);
    m_book->AddPage(m_address, wxString());
    m_number = new InstallNumberStep(
        m_book, m_backend, m_tasks.worker(), [this] { return m_address->exchange(); }, say, go_on,
        [this] {
            if (m_step == kFees) {
                show_step(kNumber);
            }
        });
    m_book->AddPage(m_number, wxString());
    m_fees = new InstallFeesStep(m_book, say, [this] { accept(); });
    m_book->AddPage(m_fees, wxString());
    m_done = new InstallAcceptedStep(
        m_book, this, m_backend, m_tasks.worker(), say, [this] { print(); }, go_on);
    m_book->AddPage(m_done, wxString());
    top->Add(m_book, 1, wxEXPAND | wxALL, 4);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* leave_button = new wxButton(this, wxID_CANCEL, _("Leave (Esc)"), wxDefaultPosition, wxDefaultSize, 0,
                                      wxDefaultValidator, "install_leave");
    m_back = new wxButton(this, kIdBack, _("&Back"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                          "install_back");
    m_next = new wxButton(this, kIdNext, _("&Next"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                          "install_next");
    m_accept = new wxButton(this, kIdAccept, _("&Accept"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                            "install_accept");
    buttons->Add(leave_button, 0, wxRIGHT, 6);
    buttons->AddStretchSpacer();
    buttons->Add(m_back, 0, wxRIGHT, 6);
    buttons->Add(m_next, 0, wxRIGHT, 6);
    buttons->Add(m_accept, 0);
    top->Add(buttons, 0, wxEXPAND | wxALL, 4);
    SetSizer(top);

    leave_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { leave(); });
    m_back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { back(); });
    m_next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { next(); });
    m_accept->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { accept(); });
    Bind(wxEVT_CHAR_HOOK, &InstallPanel::on_key, this);
}

void InstallPanel::start()
{
    show_step(kProducts);
    set_message(_("Loading the catalog..."));
    m_tasks.run(
        [backend = m_backend] {
            return with_fixed_line(*backend, [&](workflows::FixedLineInstall& install) { return install.catalog(); });
        },
        [this](std::variant<contract::CatalogGetResponse, bss::CallError> answer) {
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                set_message(install_step_error_text(*error), true);
                return;
            }
            m_catalog = std::get<contract::CatalogGetResponse>(std::move(answer));
            m_products->show_catalog(*m_catalog);
            set_message(_("Choose the basic product and tick the value-added services, then Alt+N."));
            m_products->focus();
        });
}

void InstallPanel::show_step(Step step)
{
    m_step = step;
    m_book->SetSelection(step);
    const int line = static_cast<int>(m_accepted.size()) + (step == kDone ? 0 : 1);
    m_title->SetLabel(m_lines > 1
                          ? wxString::Format(_("Fixed-line install, line %d of %d"), std::min(line, m_lines), m_lines)
                          : _("Fixed-line install"));
    m_back->Enable(step == kAddress || step == kNumber || step == kFees);
    m_next->Enable(step != kFees);
    m_next->SetLabel(step == kDone ? (static_cast<int>(m_accepted.size()) < m_lines ? _("&Next line") : _("&Finish"))
                                   : _("&Next"));
    m_accept->Enable(step == kFees);
    switch (step) {
    case kProducts:
        m_products->focus();
        break;
    case kAddress:
        m_address->focus();
        break;
    case kNumber:
        m_number->focus();
        break;
    case kFees:
        show_fees();
        m_fees->focus();
        break;
    case kDone:
        m_done->focus();
        break;
    }
    Layout();
}

void InstallPanel::next()
{
    switch (m_step) {
    case kProducts:
        if (!m_catalog || !m_products->has_basic()) {
            set_message(problem_text(domain::problem(domain::Errc::order_no_basic_product)), true);
            return;
        }
        if (const auto why = m_products->attribute_problem()) {
            set_message(*why, true);
            return;
        }
        set_message(_("Type part of the building's address and press Enter."));
        show_step(m_address->address() ? kNumber : kAddress);
        return;
    case kAddress:
        if (!m_address->address() || !m_address->resources_ok()) {
            set_message(_("Choose a building with a free port first."), true);
            return;
        }
        set_message(_("Type the digits the number should end with (or nothing) and press Enter."));
        show_step(kNumber);
        return;
    case kNumber:
        if (!m_number->number()) {
            set_message(problem_text(domain::problem(domain::Errc::order_no_number)), true);
            return;
        }
        set_message(_("Check the fees with the customer, type what was received, then Alt+A."));
        show_step(kFees);
        return;
    case kFees:
        return;
    case kDone:
        if (static_cast<int>(m_accepted.size()) < m_lines) {
            m_number->clear();
            m_done->forget_printed();
            set_message(_("Same products and address: choose the next line's number."));
            show_step(kNumber);
            return;
        }
        m_finished(true);
        return;
    }
}

void InstallPanel::back()
{
    if (m_step == kAddress) {
        show_step(kProducts);
    } else if (m_step == kNumber) {
        show_step(m_accepted.empty() ? kAddress : kNumber);
    } else if (m_step == kFees) {
        show_step(kNumber);
    }
}

bool InstallPanel::busy() const
{
    return m_tasks.busy() || m_address->busy() || m_number->busy() || m_done->busy();
}

const std::optional<std::filesystem::path>& InstallPanel::printed() const
{
    return m_done->printed();
}

void InstallPanel::search_addresses()
{
    m_address->search();
}

void InstallPanel::choose_address(long index, bool alternative)
{
    m_address->choose(index, alternative);
}

void InstallPanel::search_numbers()
{
    m_number->search();
}

void InstallPanel::reserve(long index)
{
    m_number->reserve(index);
}

std::optional<workflows::InstallChoice> InstallPanel::choice(wxString& why) const
{
    if (!m_catalog || !m_products->has_basic()) {
        why = problem_text(domain::problem(domain::Errc::order_no_basic_product));
        return std::nullopt;
    }
    workflows::InstallChoice choice;
    choice.customer_id = m_customer.customer_id;
    choice.address_id = m_address->address() ? m_address->address()->address_id : std::string();
    if (m_number->number()) {
        choice.number = *m_number->number();
    }
    choice.products = m_products->items();
    choice.appointment = m_fees->appointment();
    return choice;
}

void InstallPanel::show_fees()
{
    m_fees->clear();
    wxString why;
    const auto chosen = choice(why);
    if (!chosen) {
        set_message(why, true);
        return;
    }
    auto fees = workflows::FixedLineInstall::fees(*chosen, *m_catalog);
    if (const auto* problem = std::get_if<domain::Problem>(&fees)) {
        set_message(problem_text(*problem), true);
        return;
    }
    m_fees->show(std::get<std::vector<contract::Fee>>(std::move(fees)));
}

void InstallPanel::accept()
{
    if (m_step != kFees || busy()) {
        return;
    }
    wxString why;
    auto chosen = choice(why);
    if (!chosen) {
        set_message(why, true);
        return;
    }
    std::optional<workflows::PaymentTaken> payment;
    if (!m_fees->payment(payment)) {
        return;
    }
    set_message(_("Accepting..."));
    m_accept->Disable();
    m_tasks.run(
        [backend = m_backend, chosen = std::move(*chosen), catalog = *m_catalog, payment] {
            return with_fixed_line(*backend, [&](workflows::FixedLineInstall& install) {
                return install.accept(chosen, catalog, payment);
            });
        },
        [this](std::variant<workflows::AcceptedOrder, domain::Problem> answer) {
            if (const auto* problem = std::get_if<domain::Problem>(&answer)) {
                m_accept->Enable();
                set_message(problem_text(*problem), true);
                return;
            }
            m_number->stop_countdown();
            const auto& order = std::get<workflows::AcceptedOrder>(answer);
            m_accepted.push_back(order);
            if (m_wake) {
                m_wake();
            }
            m_done->show(order, m_number->number() ? m_number->number()->number : std::string());
            set_message(_("Print the acceptance form for the customer to sign (Alt+P), then Alt+N."));
            show_step(kDone);
        });
}

void InstallPanel::print()
{
    if (m_accepted.empty() || busy()) {
        return;
    }
    m_done->print(m_accepted.back().local_id);
}

void InstallPanel::leave()
{
    m_number->stop_countdown();
    if (m_step != kDone) {
        m_number->release();
    }
    m_finished(!m_accepted.empty());
}

wxString InstallPanel::message() const
{
    return m_message->GetLabel();
}

void InstallPanel::set_message(const wxString& text, bool error)
{
    m_message->show(text, error);
}

void InstallPanel::on_key(wxKeyEvent& event)
{
    if (event.GetKeyCode() == WXK_ESCAPE && !event.HasAnyModifiers()) {
        leave();
        return;
    }
    event.Skip();
}

} // namespace ui
