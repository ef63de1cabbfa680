#pragma once
/// The bar chart of the 报表 page: one horizontal bar per key (a day, a clerk, a hall), its label on the left and its
/// value at the bar's end, so labels never overlap however many keys there are: a row is always a line of text
/// high, and the chart scrolls when the rows do not fit. Drawn by hand (wxPaintDC), nothing but the bars to show.

#include <string>
#include <vector>
#include <wx/panel.h>
#include <wx/scrolwin.h>

namespace ui {

struct ChartBar
{
    wxString label;
    double value = 0;    ///< bars are drawn to scale against the largest value; negative ones as empty
    wxString value_text; ///< written at the bar's end, e.g. "12"
};

class VolumeChart : public wxScrolled<wxPanel>
{
public:
    VolumeChart(wxWindow* parent, const wxString& name);

    /// Replaces the bars and redraws; `empty_text` is shown when there are none.
    void set_bars(std::vector<ChartBar> bars, const wxString& empty_text = {});
    [[nodiscard]] const std::vector<ChartBar>& bars() const { return m_bars; }

    /// Where each bar is drawn and where its label is, in the chart's scrolled (virtual) coordinates; for the tests
    /// as much as for painting.
    struct Placed
    {
        wxRect label;
        wxRect bar;
        wxRect value;
    };
    [[nodiscard]] std::vector<Placed> placed() const;

private:
    void on_paint(wxPaintEvent& event);
    [[nodiscard]] int row_height() const;
    void update_virtual_size();

    std::vector<ChartBar> m_bars;
    wxString m_empty_text;
};

} // namespace ui
