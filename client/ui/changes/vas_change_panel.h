#pragma once
/// 增值业务变更 in the 综合受理 page: the sellable value-added products (来电显示, 呼叫等待, 呼叫转移, 闹钟 …) in two
/// lists, those to add and those to cancel on the line; a product to add is ordered with the attributes set under
/// its list (the catalog's defaults until changed; a 呼叫转移 needs the number calls go to). The
/// back office refuses a change while the line has another unfinished change.
/// Keyboard: Space ticks, Tab moves between the lists, Alt+A accepts, Alt+P prints, Alt+N finishes, Esc leaves.

#include "client/ui/changes/change_panel.h"
#include "client/workflows/workstation/records.h"

#include <optional>
#include <vector>

class wxCheckListBox;

namespace ui {

class AttributeEditor;

class VasChangePanel : public ChangePanel
{
public:
    VasChangePanel(wxWindow* parent, std::shared_ptr<PageBackend> backend, PageWorker& worker, workflows::LineRef line,
                   std::function<void(bool accepted)> finished, std::function<void()> wake);

    /// The value-added products offered, in list order (empty until the catalog has arrived).
    [[nodiscard]] const std::vector<contract::Offering>& offered() const { return m_offered; }
    /// Ticks or unticks product `index` of offered() in the add or the cancel list.
    void tick(std::size_t index, bool add, bool ticked = true);
    /// The attributes of the products to add.
    [[nodiscard]] AttributeEditor& attributes() const { return *m_attributes; }

private:
    Change change() override;
    [[nodiscard]] wxString accepted_text(const std::string& local_id) const override;
    [[nodiscard]] wxString problem_message(const domain::Problem& problem) const override;
    void load_catalog();

    std::vector<contract::Offering> m_offered;
    wxCheckListBox* m_add = nullptr;
    wxCheckListBox* m_remove = nullptr;
    AttributeEditor* m_attributes = nullptr;
};

} // namespace ui
