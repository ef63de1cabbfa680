#include "client/ui/acceptance/customer_finder.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace ui {

namespace {

/// In the order the key choice lists them.
constexpr workflows::CustomerKey kKeys[] = {workflows::CustomerKey::id_number, workflows::CustomerKey::service_number,
                                            workflows::CustomerKey::name, workflows::CustomerKey::order_id};

} // namespace

CustomerFinder::CustomerFinder(wxWindow* parent, std::shared_ptr<PageBackend> backend, PageWorker& worker,
                               std::function<void(Answer)> found,
                               std::function<void(const wxString& text, bool error)> say)
    : wxPanel(parent, wxID_ANY), m_backend(std::move(backend)), m_worker(worker), m_found(std::move(found)),
      m_say(std::move(say))
{
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("Find by:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_key = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                         "customer_key");
    m_key->Append(_("ID number (Alt+1)"));
    m_key->Append(_("Service number (Alt+2)"));
    m_key->Append(_("Name (Alt+3)"));
    m_key->Append(_("Pre-accepted order (Alt+4)"));
    m_key->SetSelection(0);
    row->Add(m_key, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_text = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(300, -1), wxTE_PROCESS_ENTER,
                            wxDefaultValidator, "customer_search");
    m_text->SetHint(_("Type, then Enter"));
    row->Add(m_text, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    auto* go = new wxButton(this, wxID_ANY, _("&Search"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                            "customer_search_button");
    row->Add(go, 0, wxALIGN_CENTER_VERTICAL);
    SetSizer(row);
    m_text->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { search(); });
    go->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { search(); });
    m_key->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { m_text->SetFocus(); });
}

void CustomerFinder::choose_key(int index)
{
    m_key->SetSelection(index);
    focus();
}

void CustomerFinder::focus(bool select)
{
    m_text->SetFocus();
    if (select) {
        m_text->SelectAll();
    }
}

void CustomerFinder::clear()
{
    m_text->Clear();
}

void CustomerFinder::search()
{
    const int index = m_key->GetSelection();
    find(kKeys[index < 0 ? 0 : index], m_text->GetValue());
}

void CustomerFinder::find(workflows::CustomerKey key, const wxString& text)
{
    m_key->SetSelection(static_cast<int>(key));
    if (m_text->GetValue() != text) {
        m_text->ChangeValue(text);
    }
    const std::string value = text.Strip(wxString::both).utf8_string();
    m_say(_("Searching..."), false);
    run_counted(
        m_worker, m_pending, nullptr,
        [backend = m_backend, key, value] {
            workflows::IdentifyCustomer identify(*backend);
            return identify.find(key, value);
        },
        [this](Answer answer) { m_found(std::move(answer)); },
        [this](const wxString& problem) { m_say(problem, true); });
}

} // namespace ui
