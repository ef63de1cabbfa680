// The wx print path under Xvfb: FormPrintout draws a page into a bitmap the way wxPrintPreview and a printer DC get
// it, with the DC's origin at the printable area (the paper rectangle reaching left of and above it), and the pixels
// are looked at.
#include "printing/cairo_text_measure.h"
#include "printing/form_library.h"
#include "printing/template_parser.h"
#include "printing/wx/form_print.h"
#include "printing/wx/form_printout.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <wx/bitmap.h>
#include <wx/cmndata.h>
#include <wx/dcmemory.h>
#include <wx/image.h>

using printing::Layout;
using printing::Offsets;
using printing::RenderPurpose;

namespace {

const std::filesystem::path kForms = FORMS_DIR;
constexpr int kDpi = 100;
/// The printer cannot print the first 30 px (7.6 mm) from the left edge and 20 px from the top.
const wxPoint kUnprintable(30, 20);

double px(double mm)
{
    return mm * kDpi / 25.4;
}

/// The page drawn as the print framework would draw it, as an image of the printable area.
wxImage draw(const Layout& layout, RenderPurpose purpose, const Offsets& offsets)
{
    const int paper_w = static_cast<int>(std::lround(px(layout.page_w)));
    const int paper_h = static_cast<int>(std::lround(px(layout.page_h)));
    wxBitmap bitmap(paper_w - kUnprintable.x, paper_h - kUnprintable.y, 24);
    {
        wxMemoryDC dc(bitmap);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        printing::FormPrintout printout(layout, purpose, offsets);
        printout.SetDC(&dc);
        printout.SetPPIPrinter(kDpi, kDpi);
        printout.SetPageSizePixels(bitmap.GetWidth(), bitmap.GetHeight());
        printout.SetPaperRectPixels(wxRect(-kUnprintable.x, -kUnprintable.y, paper_w, paper_h));
        REQUIRE(printout.HasPage(1));
        REQUIRE(printout.OnPrintPage(1));
        dc.SelectObject(wxNullBitmap);
    }
    // For review: PRINTING_WX_DUMP=/some/folder keeps every page drawn here as a PNG to look at.
    if (const char* dump = std::getenv("PRINTING_WX_DUMP")) {
        static int n = 0;
        if (wxImage::FindHandler(wxBITMAP_TYPE_PNG) == nullptr) {
            wxImage::AddHandler(new wxPNGHandler());
        }
        bitmap.SaveFile(wxString::Format("%s/%s-%d.png", dump, layout.form, ++n), wxBITMAP_TYPE_PNG);
    }
    return bitmap.ConvertToImage();
}

bool dark(const wxImage& image, int x, int y)
{
    return image.GetRed(x, y) < 128 && image.GetGreen(x, y) < 128 && image.GetBlue(x, y) < 128;
}

/// The first dark pixel along row `y` from the left, or -1.
int first_dark_in_row(const wxImage& image, int y)
{
    for (int x = 0; x < image.GetWidth(); ++x) {
        if (dark(image, x, y)) {
            return x;
        }
    }
    return -1;
}

int first_dark_in_column(const wxImage& image, int x)
{
    for (int y = 0; y < image.GetHeight(); ++y) {
        if (dark(image, x, y)) {
            return y;
        }
    }
    return -1;
}

Layout box_layout()
{
    auto form = printing::parse_template("<form name='box'><page width='120' height='80'/>"
                                         "<box x='20' y='15' w='60' h='40' width='0.5'/>"
                                         "<text x='25' y='20' w='50' h='10' size='12pt'>受理单</text></form>",
                                         "box.xml", kForms);
    REQUIRE(std::holds_alternative<printing::FormTemplate>(form));
    auto measure = printing::CairoTextMeasure::create("Noto Sans CJK SC");
    REQUIRE(std::holds_alternative<std::shared_ptr<const printing::CairoTextMeasure>>(measure));
    auto layout = printing::lay_out(std::get<printing::FormTemplate>(form), {},
                                    *std::get<std::shared_ptr<const printing::CairoTextMeasure>>(measure));
    REQUIRE(std::holds_alternative<Layout>(layout));
    return std::get<Layout>(std::move(layout));
}

} // namespace

TEST_CASE("millimetres are measured from the paper edge, not the printable area, and never scaled", "[wx][print]")
{
    const auto image = draw(box_layout(), RenderPurpose::print, {});
    const int row = static_cast<int>(px(35)) - kUnprintable.y; // halfway down the box
    const int column = static_cast<int>(px(50)) - kUnprintable.x;
    CHECK(first_dark_in_row(image, row) == Approx(px(20) - kUnprintable.x).margin(1.5));
    CHECK(first_dark_in_column(image, column) == Approx(px(15) - kUnprintable.y).margin(1.5));
    // The box's right edge: 60 mm wide at 100 dpi whatever the page size (no fit-to-page scaling).
    int right = -1;
    for (int x = image.GetWidth() - 1; x >= 0; --x) {
        if (dark(image, x, row)) {
            right = x;
            break;
        }
    }
    CHECK(right - first_dark_in_row(image, row) == Approx(px(60)).margin(2));
    // The text inside the box printed (ink between its left edge and the middle of the box).
    bool ink = false;
    for (int y = static_cast<int>(px(20)) - kUnprintable.y; y < static_cast<int>(px(30)) - kUnprintable.y; ++y) {
        for (int x = static_cast<int>(px(25)) - kUnprintable.x; x < static_cast<int>(px(50)) - kUnprintable.x; ++x) {
            ink = ink || dark(image, x, y);
        }
    }
    CHECK(ink);
}

TEST_CASE("the calibration offset moves the print by offset × dpi / 25.4 pixels, negative too", "[wx][print]")
{
    const auto layout = box_layout();
    const Offsets offsets{2.5, -1.5};
    const auto plain = draw(layout, RenderPurpose::print, {});
    const auto moved = draw(layout, RenderPurpose::print, offsets);
    const int row = static_cast<int>(px(35)) - kUnprintable.y;
    const int column = static_cast<int>(px(50)) - kUnprintable.x;
    CHECK(first_dark_in_row(moved, row) - first_dark_in_row(plain, row) == Approx(px(2.5)).margin(1));
    CHECK(first_dark_in_column(moved, column) - first_dark_in_column(plain, column) == Approx(px(-1.5)).margin(1));

    // Preview shows the form as designed: the offset is the printer's, not the form's.
    const auto preview = draw(layout, RenderPurpose::preview, offsets);
    CHECK(first_dark_in_row(preview, row) == first_dark_in_row(plain, row));
    printing::FormPrintout printout(layout, RenderPurpose::preview, offsets);
    CHECK(printout.device_mapping().offsets == Offsets{});
}

TEST_CASE("preview shows the stationery's background scan, print leaves it to the paper", "[wx][print]")
{
    printing::FormLibrary library(kForms);
    auto data = printing::load_form_data(kForms / "samples" / "receipt.xml");
    REQUIRE(std::holds_alternative<printing::FormData>(data));
    auto layout = library.lay_out("receipt", std::get<printing::FormData>(data));
    REQUIRE(std::holds_alternative<Layout>(layout));
    const auto& receipt = std::get<Layout>(layout);

    const auto red_pixels = [](const wxImage& image) {
        int count = 0;
        for (int y = 0; y < image.GetHeight(); ++y) {
            for (int x = 0; x < image.GetWidth(); ++x) {
                count += image.GetRed(x, y) > 150 && image.GetGreen(x, y) < 110 && image.GetBlue(x, y) < 110;
            }
        }
        return count;
    };
    const auto preview = draw(receipt, RenderPurpose::preview, {});
    const auto print = draw(receipt, RenderPurpose::print, {1, 1});
    CHECK(red_pixels(preview) > 1000); // the red frame and labels of the scan
    CHECK(red_pixels(print) == 0);
    // The values print in both: the customer's name in its box (38, 28, 60 × 7 mm).
    const auto ink_in = [](const wxImage& image, double x, double y, double w, double h) {
        int count = 0;
        for (int py = static_cast<int>(px(y)) - kUnprintable.y; py < static_cast<int>(px(y + h)) - kUnprintable.y;
             ++py) {
            for (int pxl = static_cast<int>(px(x)) - kUnprintable.x; pxl < static_cast<int>(px(x + w)) - kUnprintable.x;
                 ++pxl) {
                count += dark(image, pxl, py);
            }
        }
        return count;
    };
    CHECK(ink_in(preview, 38, 28, 60, 7) > 20);
    CHECK(ink_in(print, 39, 29, 60, 7) > 20);
}

TEST_CASE("paper: named sizes by id, multi-part forms by size", "[wx][print]")
{
    Layout layout;
    wxPrintData data;
    layout.page_w = 210;
    layout.page_h = 148;
    printing::set_paper(data, layout);
    CHECK(data.GetPaperId() == wxPAPER_A5);
    CHECK(data.GetOrientation() == wxLANDSCAPE);
    layout.page_w = 241;
    layout.page_h = 140;
    printing::set_paper(data, layout);
    CHECK(data.GetPaperId() == wxPAPER_NONE);
    CHECK(data.GetPaperSize() == wxSize(241, 140));
}
