#pragma once
/// 移机 at the counter, in the 综合受理 page: the line being moved, the new standard address (checked for a free
/// port by the back office when the move is accepted; a full building is refused before anything is queued), an
/// optional appointment, then the order accepted and the move request (移机申请单) archived and previewed.
/// Offline the move is queued provisionally and the back office checks the port when it arrives.
/// Keyboard: Enter searches and chooses the building, Alt+A accepts, Alt+P prints, Alt+N finishes, Esc leaves.

#include "client/ui/page_services.h"
#include "client/ui/page_task.h"
#include "client/workflows/order_desk.h"
#include "services/contract/messages/customer.h"

#include <functional>
#include <memory>
#include <optional>
#include <wx/panel.h>

class wxButton;
class wxCheckBox;
class wxDatePickerCtrl;
class wxStaticText;

namespace ui {

class AddressSearchPanel;

class MovePanel : public wxPanel
{
public:
    MovePanel(wxWindow* parent, std::shared_ptr<PageBackend> backend, PageWorker& worker, std::string customer_id,
              contract::ServiceRecord line, std::function<void(bool accepted)> finished, std::function<void()> wake);
    ~MovePanel() override;
    MovePanel(const MovePanel&) = delete;
    MovePanel& operator=(const MovePanel&) = delete;

    void accept();
    void print();
    void leave();

    [[nodiscard]] bool busy() const;
    [[nodiscard]] const std::optional<contract::AddressNode>& address() const { return m_address; }
    [[nodiscard]] const std::optional<workflows::AcceptedOrder>& accepted() const { return m_accepted; }
    [[nodiscard]] AddressSearchPanel* address_search() const { return m_search; }

private:
    void set_message(const wxString& text, bool error = false);
    template <typename Work, typename Done> void run(Work work, Done done);

    std::shared_ptr<PageBackend> m_backend;
    PageWorker& m_worker;
    std::string m_customer_id;
    contract::ServiceRecord m_line;
    std::function<void(bool)> m_finished;
    std::function<void()> m_wake;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
    int m_pending = 0;
    std::optional<contract::AddressNode> m_address;
    std::optional<workflows::AcceptedOrder> m_accepted;

    wxStaticText* m_message = nullptr;
    wxStaticText* m_chosen = nullptr;
    AddressSearchPanel* m_search = nullptr;
    wxCheckBox* m_appointment_on = nullptr;
    wxDatePickerCtrl* m_appointment = nullptr;
    wxButton* m_accept = nullptr;
    wxButton* m_print = nullptr;
    wxButton* m_finish = nullptr;
};

} // namespace ui
