#pragma once
/// A page's way to the last step of a business that ends on paper (workflows/form_archive.h): the form built,
/// archived and laid out on the page's worker thread, ready for the preview. Throws std::runtime_error with the
/// printing error's text when the form cannot be made (a bug or a damaged cache, never the clerk's doing), which the
/// page's task reports.

#include "client/ui/forms/form_preview_dialog.h"
#include "client/workflows/forms/form_archive.h"

#include <memory>

namespace ui {

using workflows::FormBuilder;

/// The archived form, ready for the preview.
std::shared_ptr<Printable> archive_form(PageBackend& backend, const FormBuilder& build);

} // namespace ui
