#include "client/ui/changes/change_panel.h"

#include "client/ui/base/error_text.h"
#include "client/ui/base/problem_text.h"
#include "client/workflows/forms/order_forms.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace ui {

ChangePanel::ChangePanel(wxWindow* parent, const std::string& name, std::shared_ptr<PageBackend> backend,
                         PageWorker& worker, workflows::LineRef line, std::function<void(bool)> finished,
                         std::function<void()> wake)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, wxString::FromUTF8(name)),
      m_backend(std::move(backend)), m_tasks(worker, [this](const wxString& text) { set_message(text, true); }),
      m_line(std::move(line)), m_finished(std::move(finished)), m_wake(std::move(wake)), m_name(name)
{
}

void ChangePanel::lay_out(const wxString& title, wxSizer* body, const wxString& guidance, const wxString& print_label)
{
    const auto named = [this](const char* suffix) { return wxString::FromUTF8(m_name + "_" + suffix); };
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(this, wxID_ANY, title);
    heading->SetFont(heading->GetFont().Bold().Larger());
    top->Add(heading, 0, wxALL, 4);
    m_message = new StatusLine(this, wxID_ANY, guidance, wxDefaultPosition, wxDefaultSize, 0, named("message"));
    top->Add(m_message, 0, wxEXPAND | wxALL, 4);
    top->Add(body, 1, wxEXPAND | wxALL, 4);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* leave_button = new wxButton(this, wxID_ANY, _("Leave (Esc)"), wxDefaultPosition, wxDefaultSize, 0,
                                      wxDefaultValidator, named("leave"));
    m_print = new wxButton(this, wxID_ANY, print_label.empty() ? _("&Print the acceptance form") : print_label,
                           wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, named("print"));
    m_finish = new wxButton(this, wxID_ANY, _("Fi&nish"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                            named("finish"));
    m_accept = new wxButton(this, wxID_ANY, _("&Accept"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                            named("accept"));
    m_print->Disable();
    m_finish->Disable();
    buttons->Add(leave_button, 0);
    buttons->AddStretchSpacer();
    buttons->Add(m_print, 0, wxRIGHT, 6);
    buttons->Add(m_finish, 0, wxRIGHT, 6);
    buttons->Add(m_accept, 0);
    top->Add(buttons, 0, wxEXPAND | wxALL, 4);
    SetSizer(top);

    leave_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { leave(); });
    m_accept->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { accept(); });
    m_print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { print(); });
    m_finish->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_finished(true); });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) {
        if (event.GetKeyCode() == WXK_ESCAPE && !event.HasAnyModifiers()) {
            leave();
            return;
        }
        event.Skip();
    });
}

void ChangePanel::accept()
{
    if (m_accepted || busy()) {
        return;
    }
    auto work = change();
    if (!work) {
        return;
    }
    set_message(_("Accepting..."));
    m_accept->Disable();
    run(
        [backend = m_backend, work = std::move(work)] {
            workflows::OrderDesk orders(*backend);
            workflows::ServiceChanges changes(*backend, orders);
            return work(changes);
        },
        [this](workflows::ChangeResult answer) {
            if (const auto* problem = std::get_if<domain::Problem>(&answer)) {
                m_accept->Enable();
                set_message(problem_message(*problem), true);
                return;
            }
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                m_accept->Enable();
                set_message(refusal_message(*error), true);
                return;
            }
            m_accepted = std::get<workflows::AcceptedOrder>(answer);
            if (m_wake) {
                m_wake();
            }
            set_message(accepted_text(m_accepted->local_id));
            m_print->Enable();
            m_finish->Enable();
            m_print->SetFocus();
        });
}

void ChangePanel::print()
{
    if (!m_accepted || busy()) {
        return;
    }
    set_message(_("Preparing the form..."));
    // Built before the call: clang-analyzer loses a std::function made in a lambda's capture and reports it leaked.
    auto build = form(m_accepted->local_id);
    run([backend = m_backend, build = std::move(build)] { return archive_form(*backend, build); },
        [this](const std::shared_ptr<Printable>& printable) {
            set_message(printed_text());
            m_finish->SetFocus();
            page_preview(m_backend->services().prompts, this, printable->layout, printable->offsets);
        });
}

wxString ChangePanel::problem_message(const domain::Problem& problem) const
{
    return problem_text(problem);
}

wxString ChangePanel::refusal_message(const bss::CallError& error)
{
    return call_error_text(error);
}

FormBuilder ChangePanel::form(const std::string& order) const
{
    return [order](workflows::Desk& desk, const workflows::PrintingCounter& counter) {
        return workflows::acceptance_form(desk, counter, order);
    };
}

wxString ChangePanel::printed_text() const
{
    return _("The acceptance form is archived. Print it from the preview; Alt+N finishes.");
}

void ChangePanel::leave()
{
    m_finished(m_accepted.has_value());
}

wxString ChangePanel::message() const
{
    return m_message->GetLabel();
}

void ChangePanel::set_message(const wxString& text, bool error)
{
    m_message->show(text, error);
}

} // namespace ui
