#pragma once
/// The 综合受理 page's "ID card" box: the card as read, its fields masked, whether it can be relied on, and the chip's
/// photo beside them for comparing with the person (人证比对) when the counter can decode it.

#include "idcard/verification.h"

#include <wx/panel.h>

class wxStaticBitmap;
class wxStaticText;

namespace ui {

class IdCardBox : public wxPanel
{
public:
    explicit IdCardBox(wxWindow* parent);

    /// Shows what was read: green when verified (with the photo when it decodes), red with every reason when not.
    void show(const idcard::Verification& verification);

private:
    wxStaticText* m_card = nullptr;
    wxStaticBitmap* m_photo = nullptr;
};

} // namespace ui
