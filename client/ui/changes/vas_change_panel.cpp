#include "client/ui/changes/vas_change_panel.h"

#include "client/ui/base/error_text.h"
#include "client/ui/base/page_widgets.h"
#include "client/ui/base/problem_text.h"
#include "client/ui/changes/attribute_editor.h"
#include "client/ui/changes/fixed_line_call.h"
#include "client/workflows/changes/fixed_line_install.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/sizer.h>
#include <wx/statbox.h>

namespace ui {

VasChangePanel::VasChangePanel(wxWindow* parent, std::shared_ptr<PageBackend> backend, PageWorker& worker,
                               workflows::LineRef line, std::function<void(bool)> finished, std::function<void()> wake)
    : ChangePanel(parent, "vas_panel", std::move(backend), worker, std::move(line), std::move(finished),
                  std::move(wake))
{
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    auto* add_box = new wxStaticBoxSizer(wxVERTICAL, this, _("Add to the line"));
    m_add = new wxCheckListBox(add_box->GetStaticBox(), wxID_ANY, wxDefaultPosition, wxSize(-1, 220), 0, nullptr, 0,
                               wxDefaultValidator, "vas_add");
    add_box->Add(m_add, 1, wxEXPAND | wxALL, 4);
    m_attributes = new AttributeEditor(add_box->GetStaticBox(), "vas_attribute");
    add_box->Add(m_attributes, 0, wxEXPAND | wxALL, 4);
    body->Add(add_box, 1, wxEXPAND | wxRIGHT, 8);
    auto* remove_box = new wxStaticBoxSizer(wxVERTICAL, this, _("Cancel on the line"));
    m_remove = new wxCheckListBox(remove_box->GetStaticBox(), wxID_ANY, wxDefaultPosition, wxSize(-1, 220), 0, nullptr,
                                  0, wxDefaultValidator, "vas_remove");
    remove_box->Add(m_remove, 1, wxEXPAND | wxALL, 4);
    body->Add(remove_box, 1, wxEXPAND);
    lay_out(wxString::Format(_("Value-added change: %s"), wxString::FromUTF8(this->line().service_number)), body,
            _("Loading the catalog..."));
    accept_button()->Disable();
    const auto show = [this](wxCommandEvent& event) {
        const auto index = static_cast<std::size_t>(event.GetSelection());
        m_attributes->show(index < m_offered.size() ? &m_offered[index] : nullptr);
    };
    m_add->Bind(wxEVT_LISTBOX, show);
    m_add->Bind(wxEVT_CHECKLISTBOX, show);
    load_catalog();
}

void VasChangePanel::load_catalog()
{
    run(
        [backend = backend_ptr()] {
            return with_fixed_line(*backend, [&](workflows::FixedLineInstall& install) { return install.catalog(); });
        },
        [this](std::variant<contract::CatalogGetResponse, bss::CallError> answer) {
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                set_message(call_error_text(*error), true);
                return;
            }
            for (auto& offering : std::get<contract::CatalogGetResponse>(answer).offerings) {
                if (offering.kind == "vas") {
                    m_add->Append(offering_label(offering));
                    m_remove->Append(wxString::FromUTF8(offering.name));
                    m_offered.push_back(std::move(offering));
                }
            }
            accept_button()->Enable();
            set_message(_("Tick what to add and what to cancel (Space), then Alt+A."));
            m_add->SetFocus();
            if (!m_offered.empty()) {
                m_add->SetSelection(0);
                m_attributes->show(&m_offered.front());
            }
        });
}

void VasChangePanel::tick(std::size_t index, bool add, bool ticked)
{
    if (index < m_offered.size()) {
        (add ? m_add : m_remove)->Check(static_cast<unsigned>(index), ticked);
    }
}

ChangePanel::Change VasChangePanel::change()
{
    std::vector<contract::OrderItem> add;
    std::vector<std::string> remove;
    for (std::size_t i = 0; i < m_offered.size(); ++i) {
        const auto index = static_cast<unsigned>(i);
        if (m_add->IsChecked(index)) {
            contract::OrderItem item;
            item.offering_id = m_offered[i].offering_id;
            item.characteristics = m_attributes->values(m_offered[i]);
            if (const auto problem = workflows::check_characteristics(m_offered[i], item.characteristics)) {
                m_add->SetSelection(static_cast<int>(index));
                m_attributes->show(&m_offered[i]);
                set_message(attribute_problem_text(*problem, m_offered[i]), true);
                return {};
            }
            add.push_back(std::move(item));
        }
        if (m_remove->IsChecked(index)) {
            remove.push_back(m_offered[i].offering_id);
        }
    }
    // The workflow says what is wrong (nothing ticked, one product in both lists) before anything is queued.
    return [line = line(), add = std::move(add), remove = std::move(remove)](workflows::ServiceChanges& changes) {
        return changes.change_vas(line, add, remove);
    };
}

wxString VasChangePanel::problem_message(const domain::Problem& problem) const
{
    // The lists show products by name, so the refusal names the product as they do.
    auto named = problem;
    for (auto& [key, value] : named.params) {
        const auto offered = std::ranges::find(m_offered, value, &contract::Offering::offering_id);
        if (key == "offering" && offered != m_offered.end()) {
            value = offered->name;
        }
    }
    return problem_text(named);
}

wxString VasChangePanel::accepted_text(const std::string& local_id) const
{
    return wxString::Format(_("Value-added change accepted as order %s and queued for the back office. Print the "
                              "acceptance form (Alt+P), then Alt+N."),
                            wxString::FromUTF8(local_id));
}

} // namespace ui
