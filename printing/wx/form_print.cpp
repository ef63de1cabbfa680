#include "printing/wx/form_print.h"

#include "printing/wx/form_printout.h"

#include <cmath>
#include <wx/print.h>

namespace printing {
namespace {

struct NamedPaper
{
    wxPaperSize id;
    double w;
    double h;
};

constexpr NamedPaper kNamedPapers[] = {{wxPAPER_A4, 210, 297}, {wxPAPER_A5, 148, 210}, {wxPAPER_A3, 297, 420}};

bool same(double a, double b)
{
    return std::fabs(a - b) < 0.5;
}

} // namespace

void set_paper(wxPrintData& data, const Layout& layout)
{
    for (const auto& paper : kNamedPapers) {
        const bool portrait = same(layout.page_w, paper.w) && same(layout.page_h, paper.h);
        const bool landscape = same(layout.page_w, paper.h) && same(layout.page_h, paper.w);
        if (portrait || landscape) {
            data.SetPaperId(paper.id);
            data.SetOrientation(portrait ? wxPORTRAIT : wxLANDSCAPE);
            return;
        }
    }
    data.SetPaperId(wxPAPER_NONE);
    data.SetPaperSize(
        wxSize(static_cast<int>(std::lround(layout.page_w)), static_cast<int>(std::lround(layout.page_h))));
    data.SetOrientation(wxPORTRAIT);
}

bool print_layout(wxWindow* parent, const Layout& layout, const Offsets& offsets, wxPrintData& data, bool prompt)
{
    set_paper(data, layout);
    wxPrintDialogData dialog_data(data);
    wxPrinter printer(&dialog_data);
    FormPrintout printout(layout, RenderPurpose::print, offsets);
    const bool printed = printer.Print(parent, &printout, prompt);
    if (printed) {
        data = printer.GetPrintDialogData().GetPrintData();
    }
    return printed;
}

} // namespace printing
