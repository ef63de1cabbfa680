#pragma once
/// A rule violation from `domain` (a code and its parameters) in the clerk's words and language, saying what is
/// wrong and, where it helps, what to do. One table for every screen, so the same problem always reads the same.

#include "domain/problem.h"

#include <wx/string.h>

namespace ui {

wxString problem_text(const domain::Problem& problem);

} // namespace ui
