#pragma once
/// 帐务关系变更 in the 综合受理 page: the line billed to another of the customer's accounts (合帐/分帐), or paid
/// another way (现金, 托收, 银行代扣). The customer's accounts come from the back office; offline the clerk types the
/// account number from the customer's paper and the back office checks it when the order arrives.
/// Keyboard: arrows choose the account, Alt+M the way of paying, Alt+A accepts, Alt+P prints, Alt+N finishes,
/// Esc leaves.

#include "client/ui/changes/change_panel.h"
#include "client/workflows/workstation/records.h"

#include <vector>

class wxChoice;
class wxListCtrl;
class wxTextCtrl;

namespace ui {

class AccountChangePanel : public ChangePanel
{
public:
    AccountChangePanel(wxWindow* parent, std::shared_ptr<PageBackend> backend, PageWorker& worker,
                       workflows::LineRef line, std::function<void(bool accepted)> finished,
                       std::function<void()> wake);

    /// The customer's accounts as listed (empty offline or until they arrive).
    [[nodiscard]] const std::vector<contract::BillingAccount>& accounts() const { return m_accounts; }
    /// Chooses the account to bill the line to (as if typed or picked from the list).
    void choose_account(const std::string& account_id);
    /// Chooses the way of paying: empty keeps the account's own, else cash | collection | directDebit.
    void choose_method(const std::string& method);

private:
    Change change() override;
    [[nodiscard]] wxString accepted_text(const std::string& local_id) const override;
    void load_accounts();

    std::vector<contract::BillingAccount> m_accounts;
    wxListCtrl* m_list = nullptr;
    wxTextCtrl* m_account = nullptr;
    wxChoice* m_method = nullptr;
};

} // namespace ui
