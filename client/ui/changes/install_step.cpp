#include "client/ui/changes/install_step.h"

#include "client/ui/base/error_text.h"

#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>

namespace ui {

wxString install_step_error_text(const bss::CallError& error)
{
    if (error.kind == bss::FailureKind::fault) {
        const auto code = error.code();
        if (code == "E_NUMBER_TAKEN") {
            return _("Another counter has just taken this number. Choose another.");
        }
        if (code == "E_NO_RESOURCE") {
            return _("No free port at this building. Choose one of the alternatives.");
        }
        if (code == "E_NOT_FOUND" && error.param("reason") == "catalog") {
            return _("No catalog is known yet: the back office must be reached once to load it.");
        }
    }
    return call_error_text(error);
}

wxStaticText* install_step_heading(wxWindow* parent, const wxString& text)
{
    auto* heading = new wxStaticText(parent, wxID_ANY, text);
    heading->SetFont(heading->GetFont().Bold());
    return heading;
}

wxListCtrl* install_report_list(wxWindow* parent, const char* name, int height)
{
    return new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxSize(-1, height), wxLC_REPORT | wxLC_SINGLE_SEL,
                          wxDefaultValidator, name);
}

} // namespace ui
