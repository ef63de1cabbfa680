#pragma once
/// The last step of every business that ends on paper, written once: the form built from the stored record for the
/// counter printing it, archived as PDF through PrintDesk (which logs the print and spots a 补打), laid out, and
/// paired with the offsets calibrated for the workstation's printer. On a desk's worker thread.

#include "client/workflows/forms/form_document.h"
#include "client/workflows/workstation/desk.h"
#include "printing/calibration.h"

#include <filesystem>
#include <functional>

namespace workflows {

/// A form ready for the preview and the printer.
struct ArchivedForm
{
    printing::Layout layout;
    printing::Offsets offsets;     ///< for the workstation's printer and this form
    std::filesystem::path archive; ///< the PDF copy written
};

/// Builds a form from the desk's cache for the counter printing it.
using FormBuilder = std::function<FormResult(Desk& desk, const PrintingCounter& counter)>;

/// The archived form, or why it could not be made (the builder's refusal or printing's error: a bug or a damaged
/// cache, never the clerk's doing).
printing::PrintResult<ArchivedForm> archive_form(Desk& desk, const FormBuilder& build);

/// The order's acceptance form (受理单), by local id or order number.
printing::PrintResult<ArchivedForm> archive_acceptance_form(Desk& desk, const std::string& order);

} // namespace workflows
