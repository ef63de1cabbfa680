#pragma once
/// 工作站设置: this workstation's own settings, kept in its cache (never the training cache): the back office's URL
/// and the certificates to trust and present, the ID-card reader's port, the interface language, the hall's name
/// printed on forms, the idle lock, the printer forms go to and its calibration per form (print the calibration page,
/// measure, type the offsets). Everything typed is checked before anything is saved; one refusal keeps all as it
/// was. The back office, reader and language take effect at the next start.
/// Keyboard: Ctrl+S saves, Alt+letters reach the fields, Esc puts the stored values back.

#include "client/ui/base/page_services.h"
#include "client/ui/base/page_task.h"
#include "client/ui/base/status_line.h"
#include "client/workflows/admin/workstation_settings.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <wx/panel.h>

class wxChoice;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace ui {

using workflows::WorkstationSettings;

class SettingsPage : public wxPanel
{
public:
    SettingsPage(wxWindow* parent, PageServices services);
    ~SettingsPage() override;
    SettingsPage(const SettingsPage&) = delete;
    SettingsPage& operator=(const SettingsPage&) = delete;

    /// Checks what the fields hold and saves it; the first problem is shown (and returned) and nothing is saved.
    std::optional<wxString> save();
    /// Lays out the calibration page and shows it in the preview, to print on the chosen printer.
    void print_calibration();

    [[nodiscard]] bool busy() const { return m_pending > 0; }
    [[nodiscard]] const std::optional<WorkstationSettings>& stored() const { return m_stored; }

private:
    void build();
    void load();
    void show(const WorkstationSettings& settings);
    void show_offsets();
    [[nodiscard]] WorkstationSettings from_fields() const;
    void focus(const workflows::SettingsProblem& problem);
    void set_message(const wxString& text, bool error = false);

    std::shared_ptr<PageBackend> m_backend;
    std::optional<WorkstationSettings> m_stored;
    std::map<std::string, std::string> m_offsets; ///< as being edited
    int m_pending = 0;

    wxTextCtrl* m_url = nullptr;
    wxTextCtrl* m_ca = nullptr;
    wxTextCtrl* m_cert = nullptr;
    wxTextCtrl* m_key = nullptr;
    wxTextCtrl* m_reader = nullptr;
    wxChoice* m_language = nullptr;
    wxTextCtrl* m_hall = nullptr;
    wxTextCtrl* m_area = nullptr;
    wxSpinCtrl* m_lock = nullptr;
    wxTextCtrl* m_printer = nullptr;
    wxChoice* m_form = nullptr;
    wxTextCtrl* m_offset = nullptr;
    StatusLine* m_message = nullptr;

    PageWorker m_worker; ///< last: joined first
};

} // namespace ui
