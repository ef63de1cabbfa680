#include "client/ui/admin/staff_admin_tab.h"

#include "client/ui/base/page_widgets.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace ui {

workflows::StaffAdministration staff_administration(PageBackend& backend)
{
    return workflows::StaffAdministration(backend);
}

StaffAdminTab::StaffAdminTab(wxWindow* parent, StaffAdminHooks hooks, const wxString& name, const std::string& prefix,
                             std::span<const Column> columns, std::span<const Button> buttons,
                             std::function<void()> edit)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, name), m_hooks(std::move(hooks))
{
    const auto named = [&prefix](const char* suffix) { return wxString::FromUTF8(prefix + suffix); };
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL,
                            wxDefaultValidator, named("_list"));
    for (const auto& column : columns) {
        m_list->AppendColumn(wxGetTranslation(column.label), static_cast<wxListColumnFormat>(column.format),
                             column.width);
    }
    fill_last_column(m_list);
    sizer->Add(m_list, 1, wxEXPAND | wxALL, 6);

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    for (std::size_t i = 0; i < buttons.size(); ++i) {
        auto* made = new wxButton(this, buttons[i].command, wxGetTranslation(buttons[i].label), wxDefaultPosition,
                                  wxDefaultSize, 0, wxDefaultValidator, buttons[i].name);
        row->Add(made, 0, i + 1 < buttons.size() ? wxRIGHT : 0, 6);
        m_buttons.push_back(made);
    }
    sizer->Add(row, 0, wxLEFT | wxRIGHT | wxBOTTOM, 6);
    m_note = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, named("_note"));
    sizer->Add(m_note, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
    SetSizer(sizer);

    Bind(wxEVT_BUTTON, [this](wxCommandEvent& event) { m_hooks.command(event.GetId()); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { m_hooks.changed(); });
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { m_hooks.changed(); });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [edit = std::move(edit)](wxListEvent&) { edit(); });
    m_list->Bind(wxEVT_LIST_KEY_DOWN, [this](wxListEvent& event) {
        if (event.GetKeyCode() == WXK_DELETE) {
            m_hooks.command(kStaffAdminDelete);
            return;
        }
        event.Skip();
    });
}

void StaffAdminTab::focus_list()
{
    m_list->SetFocus();
}

long StaffAdminTab::selected_row() const
{
    return m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
}

void StaffAdminTab::select_row(long row)
{
    m_list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                         wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    m_list->EnsureVisible(row);
}

} // namespace ui
