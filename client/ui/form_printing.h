#pragma once
/// The last step of every business that ends on paper, written once: the form built from the stored record,
/// archived as PDF through PrintDesk (which logs the print and spots a 补打), laid out, and paired with the offsets
/// calibrated for the workstation's printer. On the page's worker thread; throws std::runtime_error with the
/// printing error's text when the form cannot be made (a bug or a damaged cache, never the clerk's doing).

#include "client/ui/form_preview_dialog.h"
#include "client/workflows/form_document.h"

#include <functional>
#include <memory>
#include <soci/soci.h>

namespace ui {

/// Builds a form from the page's cache for the counter printing it.
using FormBuilder = std::function<workflows::FormResult(soci::session& sql, const workflows::PrintingCounter& counter)>;

/// The archived form, ready for the preview.
std::shared_ptr<Printable> archive_form(PageBackend& backend, const FormBuilder& build);

} // namespace ui
