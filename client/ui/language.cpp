#include "client/ui/language.h"

#include <wx/translation.h>

#include <algorithm>
#include <iterator>

namespace ui {

wxLanguage language_from_code(const wxString& code)
{
    if (code == "zh_CN" || code == "zh") {
        return wxLANGUAGE_CHINESE_SIMPLIFIED;
    }
    if (code == "en" || code.StartsWith("en_")) {
        return wxLANGUAGE_ENGLISH;
    }
    return wxLANGUAGE_UNKNOWN;
}

wxLanguage choose_language(wxLanguage requested, wxLanguage system)
{
    const auto shipped = [](wxLanguage lang) {
        return std::find(std::begin(kShippedLanguages), std::end(kShippedLanguages), lang) !=
               std::end(kShippedLanguages);
    };
    if (shipped(requested)) {
        return requested;
    }
    // Regional variants of a language we ship (en_GB, zh_SG) use its catalog.
    const wxString system_name = wxLocale::GetLanguageCanonicalName(system);
    if (system_name.StartsWith("en")) {
        return wxLANGUAGE_ENGLISH;
    }
    if (system_name.StartsWith("zh_CN") || system_name.StartsWith("zh_SG") || system_name == "zh") {
        return wxLANGUAGE_CHINESE_SIMPLIFIED;
    }
    return wxLANGUAGE_CHINESE_SIMPLIFIED;
}

bool install_translations(wxLanguage language, const std::vector<wxString>& locale_dirs)
{
    for (const auto& dir : locale_dirs) {
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(dir);
    }
    auto* translations = new wxTranslations(); // owned by wx once Set() is called
    translations->SetLanguage(language);
    wxTranslations::Set(translations);
    return translations->AddCatalog("counter");
}

} // namespace ui
