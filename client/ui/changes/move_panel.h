#pragma once
/// 移机 at the counter, in the 综合受理 page: the line being moved, the new standard address (checked for a free
/// port by the back office when the move is accepted; a full building is refused before anything is queued), an
/// optional appointment, then the order accepted and the move request (移机申请单) archived and previewed.
/// Offline the move is queued provisionally and the back office checks the port when it arrives.
/// Keyboard: Enter searches and chooses the building, Alt+A accepts, Alt+P prints, Alt+N finishes, Esc leaves.

#include "client/ui/changes/change_panel.h"
#include "client/workflows/workstation/records.h"

#include <optional>

class wxCheckBox;
class wxDatePickerCtrl;
class wxStaticText;

namespace ui {

class AddressSearchPanel;

class MovePanel : public ChangePanel
{
public:
    MovePanel(wxWindow* parent, std::shared_ptr<PageBackend> backend, PageWorker& worker, workflows::LineRef line,
              std::function<void(bool accepted)> finished, std::function<void()> wake);

    [[nodiscard]] bool busy() const override;
    [[nodiscard]] const std::optional<contract::AddressNode>& address() const { return m_address; }
    [[nodiscard]] AddressSearchPanel* address_search() const { return m_search; }

private:
    Change change() override;
    [[nodiscard]] wxString accepted_text(const std::string& local_id) const override;
    [[nodiscard]] wxString refusal_message(const bss::CallError& error) override;
    [[nodiscard]] FormBuilder form(const std::string& order) const override;
    [[nodiscard]] wxString printed_text() const override;

    std::optional<contract::AddressNode> m_address;
    wxStaticText* m_chosen = nullptr;
    AddressSearchPanel* m_search = nullptr;
    wxCheckBox* m_appointment_on = nullptr;
    wxDatePickerCtrl* m_appointment = nullptr;
};

} // namespace ui
