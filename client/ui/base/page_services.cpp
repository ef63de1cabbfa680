#include "client/ui/base/page_services.h"

#include "client/ui/forms/form_preview_dialog.h"

#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/textdlg.h>

namespace ui {

bool page_confirm(const PagePrompts& prompts, wxWindow* parent, const wxString& title, const wxString& question)
{
    if (prompts.confirm) {
        return prompts.confirm(parent, title, question);
    }
    wxMessageDialog dialog(parent, question, title, wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    return dialog.ShowModal() == wxID_YES;
}

std::optional<wxString> page_ask_text(const PagePrompts& prompts, wxWindow* parent, const wxString& title,
                                      const wxString& prompt)
{
    if (prompts.ask_text) {
        return prompts.ask_text(parent, title, prompt);
    }
    wxTextEntryDialog dialog(parent, prompt, title);
    if (dialog.ShowModal() != wxID_OK) {
        return std::nullopt;
    }
    return dialog.GetValue();
}

std::optional<wxString> page_ask_password(const PagePrompts& prompts, wxWindow* parent, const wxString& title,
                                          const wxString& prompt)
{
    if (prompts.ask_password) {
        return prompts.ask_password(parent, title, prompt);
    }
    wxPasswordEntryDialog dialog(parent, prompt, title);
    if (dialog.ShowModal() != wxID_OK) {
        return std::nullopt;
    }
    return dialog.GetValue();
}

void page_tell(const PagePrompts& prompts, wxWindow* parent, const wxString& title, const wxString& message)
{
    if (prompts.tell) {
        prompts.tell(parent, title, message);
        return;
    }
    wxMessageDialog dialog(parent, message, title, wxOK | wxICON_INFORMATION);
    dialog.ShowModal();
}

void page_preview(const PagePrompts& prompts, wxWindow* parent, const printing::Layout& layout,
                  const printing::Offsets& offsets)
{
    if (prompts.preview) {
        prompts.preview(parent, layout, offsets);
        return;
    }
    (new FormPreviewDialog(parent, layout, offsets))->Show();
}

std::optional<wxString> page_choose_save_path(const PagePrompts& prompts, wxWindow* parent, const wxString& title,
                                              const wxString& default_name)
{
    if (prompts.choose_save_path) {
        return prompts.choose_save_path(parent, title, default_name);
    }
    wxFileDialog dialog(parent, title, wxString(), default_name, _("Excel workbooks (*.xlsx)|*.xlsx"),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) {
        return std::nullopt;
    }
    return dialog.GetPath();
}

} // namespace ui
