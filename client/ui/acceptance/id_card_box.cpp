#include "client/ui/acceptance/id_card_box.h"

#include "client/ui/base/problem_text.h"
#include "client/ui/base/status_line.h"
#include "domain/masking.h"

#include <algorithm>
#include <wx/bitmap.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/mstream.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/statbox.h>
#include <wx/stattext.h>

namespace ui {

namespace {

/// A card's YYYYMMDD as YYYY-MM-DD; other text (长期) as it is.
wxString card_date(const std::string& text)
{
    if (text.size() == 8 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return wxString::FromUTF8(text.substr(0, 4) + "-" + text.substr(4, 2) + "-" + text.substr(6, 2));
    }
    return wxString::FromUTF8(text);
}

/// The card's decoded photo (a BMP), or an invalid bitmap when there is none or it does not read.
wxBitmap photo_bitmap(const idcard::Bytes& bmp)
{
    if (bmp.empty()) {
        return wxNullBitmap;
    }
    if (wxImage::FindHandler(wxBITMAP_TYPE_BMP) == nullptr) {
        wxImage::AddHandler(new wxBMPHandler);
    }
    wxMemoryInputStream stream(bmp.data(), bmp.size());
    // Loaded in two steps, as wxImage's constructor would: clang-tidy's VirtualCall check flags that constructor
    // for calling its own virtual LoadFile.
    wxImage image;
    image.LoadFile(stream, wxBITMAP_TYPE_BMP);
    return image.IsOk() ? wxBitmap(image) : wxNullBitmap;
}

} // namespace

IdCardBox::IdCardBox(wxWindow* parent) : wxPanel(parent, wxID_ANY)
{
    auto* card_box = new wxStaticBoxSizer(wxVERTICAL, this, _("ID card"));
    auto* card_row = new wxBoxSizer(wxHORIZONTAL);
    m_photo = new wxStaticBitmap(card_box->GetStaticBox(), wxID_ANY, wxNullBitmap, wxDefaultPosition, wxSize(102, 126),
                                 0, "customer_photo");
    m_photo->Hide();
    card_row->Add(m_photo, 0, wxRIGHT, 8);
    m_card = new wxStaticText(card_box->GetStaticBox(), wxID_ANY, _("No card read."), wxDefaultPosition, wxDefaultSize,
                              0, "customer_card");
    card_row->Add(m_card, 1, wxEXPAND);
    card_box->Add(card_row, 0, wxEXPAND | wxALL, 4);
    SetSizer(card_box);
}

void IdCardBox::show(const idcard::Verification& verification)
{
    const auto& card = verification.card;
    wxString text = wxString::Format(_("%s    ID %s"), wxString::FromUTF8(card.name),
                                     wxString::FromUTF8(domain::mask_id_number(card.id_number)));
    text += "\n" + wxString::Format(_("Valid %s to %s"), card_date(card.valid_from), card_date(card.valid_to));
    m_photo->Hide();
    if (verification.identity) {
        text += "\n" + _("Verified: the card is genuine and valid today.");
        m_card->SetForegroundColour(wxColour(0x1B, 0x5E, 0x20));
        if (const auto photo = photo_bitmap(verification.identity->photo_bmp); photo.IsOk()) {
            m_photo->SetBitmap(photo);
            m_photo->Show();
        } else {
            text += "\n" + _("No photo on screen (no decoder here): compare the card's own photo with the holder.");
        }
    } else {
        for (const auto& problem : verification.problems) {
            text += "\n" + problem_text(problem);
        }
        m_card->SetForegroundColour(problem_colour());
    }
    m_card->SetLabel(text);
    // The photo shown or hidden changes the box's size, which the page's layout asks for.
    InvalidateBestSize();
    Layout();
}

} // namespace ui
