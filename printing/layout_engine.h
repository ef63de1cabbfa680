#pragma once
/// Template + order data → pages. Pure: the same inputs give the same layout, and nothing is drawn or read here.

#include "printing/form_data.h"
#include "printing/form_template.h"
#include "printing/layout.h"
#include "printing/print_error.h"
#include "printing/text_measure.h"

namespace printing {

struct LayoutOptions
{
    /// A second print of the same order: 补打 on every page (the caller logs it).
    bool reprint = false;
    /// ID and phone numbers masked. Turning it off is for the clerk's own copy, and the caller audits it.
    bool mask_personal_data = true;
};

/// Lays out `data` on `form`. E_DATA_MISSING {form, field, line} for a bound field absent from the data (unless the
/// template marks it optional); E_DATA_VALUE for a value that cannot be shown (e.g. too long for a QR symbol).
PrintResult<Layout> lay_out(const FormTemplate& form, const FormData& data, const TextMeasure& measure,
                            const LayoutOptions& options = {});

} // namespace printing
