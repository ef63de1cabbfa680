#include "client/ui/reports/volume_chart.h"

#include <algorithm>
#include <cmath>
#include <wx/dcbuffer.h>
#include <wx/settings.h>

namespace ui {

namespace {

constexpr int kMargin = 8;
constexpr int kGap = 8;    ///< between a label and its bar, and a bar and its value
constexpr int kRowGap = 6; ///< between rows

/// The bars' colour, made when painted: a wxColour of static storage could throw before main.
wxColour bar_colour()
{
    return {0x3A, 0x7B, 0xD5};
}

} // namespace

VolumeChart::VolumeChart(wxWindow* parent, const wxString& name)
{
    Create(parent, wxID_ANY, wxDefaultPosition, wxSize(-1, 200), wxBORDER_THEME | wxVSCROLL, name);
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW));
    SetScrollRate(0, row_height());
    Bind(wxEVT_PAINT, &VolumeChart::on_paint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        update_virtual_size();
        Refresh();
    });
}

void VolumeChart::set_bars(std::vector<ChartBar> bars, const wxString& empty_text)
{
    m_bars = std::move(bars);
    m_empty_text = empty_text;
    update_virtual_size();
    Scroll(0, 0);
    Refresh();
}

int VolumeChart::row_height() const
{
    return GetCharHeight() + kRowGap;
}

void VolumeChart::update_virtual_size()
{
    const int height = m_bars.empty() ? 0 : 2 * kMargin + static_cast<int>(m_bars.size()) * row_height();
    SetVirtualSize(GetClientSize().GetWidth(), height);
}

std::vector<VolumeChart::Placed> VolumeChart::placed() const
{
    std::vector<Placed> out;
    if (m_bars.empty()) {
        return out;
    }
    int label_width = 0;
    int value_width = 0;
    double largest = 0;
    for (const auto& bar : m_bars) {
        label_width = std::max(label_width, GetTextExtent(bar.label).GetWidth());
        value_width = std::max(value_width, GetTextExtent(bar.value_text).GetWidth());
        largest = std::max(largest, bar.value);
    }
    const int width = GetClientSize().GetWidth();
    // A label longer than a third of the chart is cut there rather than squeezing the bars away.
    label_width = std::min(label_width, std::max(width / 3, 40));
    const int bar_left = kMargin + label_width + kGap;
    const int bar_room = std::max(0, width - bar_left - kGap - value_width - kMargin);
    const int height = row_height();
    const int text_height = GetCharHeight();
    int top = kMargin;
    for (const auto& bar : m_bars) {
        Placed place;
        place.label = wxRect(kMargin, top + kRowGap / 2, label_width, text_height);
        const int length = largest > 0 && bar.value > 0
                               ? std::max(2, static_cast<int>(std::lround(bar.value / largest * bar_room)))
                               : 0;
        place.bar = wxRect(bar_left, top + kRowGap / 2 + 1, length, std::max(1, text_height - 2));
        const int value_width_here = GetTextExtent(bar.value_text).GetWidth();
        place.value = wxRect(bar_left + length + kGap, top + kRowGap / 2, value_width_here, text_height);
        out.push_back(place);
        top += height;
    }
    return out;
}

void VolumeChart::on_paint(wxPaintEvent&)
{
    wxAutoBufferedPaintDC dc(this);
    DoPrepareDC(dc);
    dc.SetBackground(wxBrush(GetBackgroundColour()));
    dc.Clear();
    dc.SetFont(GetFont());
    dc.SetTextForeground(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
    if (m_bars.empty()) {
        if (!m_empty_text.empty()) {
            const wxSize size = GetClientSize();
            const wxSize text = dc.GetTextExtent(m_empty_text);
            dc.DrawText(m_empty_text, std::max(kMargin, (size.x - text.x) / 2),
                        std::max(kMargin, (size.y - text.y) / 2));
        }
        return;
    }
    const auto places = placed();
    // The axis the bars grow from.
    dc.SetPen(wxPen(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT)));
    const int axis = places.front().bar.GetLeft() - 1;
    dc.DrawLine(axis, places.front().label.GetTop() - kRowGap / 2, axis, places.back().label.GetBottom() + kRowGap / 2);
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(bar_colour()));
    for (std::size_t i = 0; i < places.size(); ++i) {
        const auto& place = places[i];
        const auto& bar = m_bars[i];
        {
            wxDCClipper clip(dc, place.label);
            dc.DrawText(bar.label, place.label.GetLeft(), place.label.GetTop());
        }
        if (place.bar.GetWidth() > 0) {
            dc.DrawRectangle(place.bar);
        }
        dc.DrawText(bar.value_text, place.value.GetLeft(), place.value.GetTop());
    }
}

} // namespace ui
