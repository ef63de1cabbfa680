#pragma once
/// Chooses the interface language and loads our gettext catalogs through wxTranslations. Clerks read Chinese first:
/// when neither a setting nor the system asks for a language we ship, the workstation speaks Chinese.

#include <vector>
#include <wx/intl.h>
#include <wx/string.h>

namespace ui {

/// The languages we ship catalogs for.
inline constexpr wxLanguage kShippedLanguages[] = {wxLANGUAGE_CHINESE_SIMPLIFIED, wxLANGUAGE_ENGLISH};

/// "zh_CN" → Chinese, "en" → English; anything else → wxLANGUAGE_UNKNOWN.
wxLanguage language_from_code(const wxString& code);

/// The language the user's environment asks for (LC_ALL, LC_MESSAGES, LANG), or wxLANGUAGE_UNKNOWN when it asks
/// for none (unset, C or POSIX), which wx would otherwise report as US English.
wxLanguage system_language();

/// The language asked for: the command line's `--lang` if given, else the one stored from the settings page (each
/// "zh_CN", "en" or empty); wxLANGUAGE_UNKNOWN when neither names one we know.
wxLanguage requested_language(const wxString& command_line, const wxString& stored);

/// The language to use: `requested` if we ship it, else the system's if we ship it, else Chinese.
wxLanguage choose_language(wxLanguage requested, wxLanguage system);

/// Installs a wxTranslations for `language` that looks for counter.mo under each of `locale_dirs`
/// (<dir>/<lang>/LC_MESSAGES/counter.mo). Returns false when the catalog was not found (English still works: the
/// source strings are English).
bool install_translations(wxLanguage language, const std::vector<wxString>& locale_dirs);

/// Makes dates, weekday and month names follow `language` (wxUILocale: the date pickers show 2026年12月04日 and a
/// Chinese calendar rather than 12/04/2026). Returns false, changing nothing, when the system lacks that locale
/// (Debian generates zh_CN.UTF-8 only on request; scripts/install-deps.sh does).
bool use_locale_formats(wxLanguage language);

} // namespace ui
