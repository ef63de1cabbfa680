#pragma once
/// 亲情1+ in the 综合受理 page: the line as the bundle's main number and up to eight family numbers (mobile or
/// fixed) with a name each for the form; the numbers are checked as phone numbers, none twice and not the main line,
/// before anything is queued.
/// Keyboard: Enter moves from a number to its name and on to the next row, Alt+A accepts, Alt+P prints, Alt+N
/// finishes, Esc leaves.

#include "client/ui/changes/change_panel.h"

#include <array>

class wxTextCtrl;

namespace ui {

class FamilyBundlePanel : public ChangePanel
{
public:
    static constexpr std::size_t kRows = 8;

    FamilyBundlePanel(wxWindow* parent, std::shared_ptr<PageBackend> backend, PageWorker& worker,
                      workflows::LineRef line, std::function<void(bool accepted)> finished, std::function<void()> wake);

    /// Fills row `index` (0-based) as if typed.
    void set_member(std::size_t index, const wxString& number, const wxString& name);

private:
    Change change() override;
    [[nodiscard]] wxString accepted_text(const std::string& local_id) const override;

    std::array<wxTextCtrl*, kRows> m_numbers{};
    std::array<wxTextCtrl*, kRows> m_names{};
};

} // namespace ui
