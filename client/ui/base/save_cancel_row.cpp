#include "client/ui/base/save_cancel_row.h"

#include <wx/button.h>
#include <wx/intl.h>

namespace ui {

void add_save_cancel_row(wxDialog* dialog, wxSizer* sizer, const std::string& prefix, std::function<bool()> check)
{
    // Not wxID_CANCEL: GTK would show its own stock label in place of ours, untranslated where GTK is.
    auto* cancel = new wxButton(dialog, wxID_ANY, _("&Cancel"));
    cancel->SetName(prefix + "_cancel");
    dialog->SetEscapeId(cancel->GetId());
    auto* ok = new wxButton(dialog, wxID_OK, _("&Save"));
    ok->SetName(prefix + "_ok");
    ok->SetDefault();
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    buttons->Add(ok, 0, wxRIGHT, 8);
    buttons->Add(cancel);
    sizer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 16);

    cancel->Bind(wxEVT_BUTTON, [dialog](wxCommandEvent&) {
        if (dialog->IsModal()) {
            dialog->EndModal(wxID_CANCEL);
        } else {
            dialog->Hide();
        }
    });
    ok->Bind(wxEVT_BUTTON, [check = std::move(check)](wxCommandEvent& event) {
        if (check()) {
            event.Skip(); // the dialog's own handler closes it with wxID_OK
        }
    });
}

} // namespace ui
