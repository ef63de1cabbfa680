#include "client/ui/changes/install_accepted_step.h"

#include "client/ui/forms/form_preview_dialog.h"
#include "client/workflows/forms/form_archive.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace ui {

namespace {

// The install panel's Next, Back and Accept are wxID_HIGHEST + 900 to 902.
constexpr int kIdPrint = wxID_HIGHEST + 903;

/// A form archived and laid out for the printer with its calibrated offsets, or why not (a printing error's code
/// and parameters, for IT).
struct Printed
{
    std::filesystem::path archive;
    std::shared_ptr<printing::Layout> layout;
    printing::Offsets offsets;
    std::string error;
};

} // namespace

InstallAcceptedStep::InstallAcceptedStep(wxWindow* parent, wxWindow* owner, std::shared_ptr<PageBackend> backend,
                                         PageWorker& worker, InstallSay say, std::function<void()> print_asked,
                                         std::function<void()> go_on)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "install_done"), m_owner(owner),
      m_backend(std::move(backend)), m_tasks(worker, [this](const wxString& text) { m_say(text, true); }),
      m_say(std::move(say)), m_go_on(std::move(go_on))
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(install_step_heading(this, _("5. Accepted")), 0, wxBOTTOM, 6);
    m_result = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "install_result");
    sizer->Add(m_result, 0, wxEXPAND | wxBOTTOM, 8);
    m_print = new wxButton(this, kIdPrint, _("&Print the acceptance form"), wxDefaultPosition, wxDefaultSize, 0,
                           wxDefaultValidator, "install_print");
    sizer->Add(m_print, 0);
    SetSizer(sizer);
    m_print->Bind(wxEVT_BUTTON, [print_asked = std::move(print_asked)](wxCommandEvent&) { print_asked(); });
}

void InstallAcceptedStep::focus()
{
    m_print->SetFocus();
}

void InstallAcceptedStep::show(const workflows::AcceptedOrder& order, const std::string& number)
{
    wxString text = wxString::Format(_("Order %s accepted for number %s."), wxString::FromUTF8(order.local_id),
                                     wxString::FromUTF8(number));
    text += "\n" + (order.awaiting_customer
                        ? _("It waits for the customer's opening to reach the back office, then goes.")
                        : _("It is queued and goes to the back office now; its number arrives with the answer."));
    m_result->SetLabel(text);
}

void InstallAcceptedStep::print(const std::string& local_id)
{
    m_say(_("Preparing the acceptance form..."), false);
    m_tasks.run(
        [backend = m_backend, order = local_id] {
            Printed printed;
            auto archived = workflows::archive_acceptance_form(*backend, order);
            if (const auto* error = printing::error_of(archived)) {
                printed.error = error->to_string();
                return printed;
            }
            auto& form = std::get<workflows::ArchivedForm>(archived);
            printed.archive = form.archive;
            printed.offsets = form.offsets;
            printed.layout = std::make_shared<printing::Layout>(std::move(form.layout));
            return printed;
        },
        [this](const Printed& answer) {
            if (!answer.error.empty()) {
                m_say(wxString::Format(_("The form could not be prepared (%s). Call IT."),
                                       wxString::FromUTF8(answer.error)),
                      true);
                return;
            }
            m_printed = answer.archive;
            m_say(wxString::Format(_("The acceptance form is archived as %s. Print it from the preview; "
                                     "Alt+N goes on."),
                                   wxString::FromUTF8(m_printed->string())),
                  false);
            m_go_on();
            page_preview(m_backend->services().prompts, m_owner, *answer.layout, answer.offsets);
        });
}

} // namespace ui
