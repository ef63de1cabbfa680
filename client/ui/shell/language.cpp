#include "client/ui/shell/language.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <string_view>
#include <wx/translation.h>
#include <wx/uilocale.h>

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

wxLanguage requested_language(const wxString& command_line, const wxString& stored)
{
    return language_from_code(command_line.empty() ? stored : command_line);
}

wxLanguage system_language()
{
    for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(variable);
        if (value == nullptr || *value == '\0') {
            continue;
        }
        const std::string_view name(value);
        if (name == "C" || name == "POSIX" || name.starts_with("C.")) {
            return wxLANGUAGE_UNKNOWN;
        }
        const wxLanguageInfo* info = wxLocale::FindLanguageInfo(wxString(value).BeforeFirst('.'));
        return info ? static_cast<wxLanguage>(info->Language) : wxLANGUAGE_UNKNOWN;
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
    // English variants (en_GB, en_AU) use the English catalog; every other language, Chinese variants included,
    // gets Simplified Chinese.
    if (wxLocale::GetLanguageCanonicalName(system).StartsWith("en")) {
        return wxLANGUAGE_ENGLISH;
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

bool use_locale_formats(wxLanguage language)
{
    const wxLanguageInfo* info = wxUILocale::GetLanguageInfo(language);
    if (info == nullptr) {
        return false;
    }
    if (wxUILocale::UseLocaleName(info->CanonicalName + ".UTF-8")) {
        return true;
    }
    // English reads well enough in the C formats. C.UTF-8 rather than C, which would make the C library's
    // character set ASCII under a Chinese desktop (GTK set its locale from the environment).
    return language == wxLANGUAGE_ENGLISH &&
           (wxUILocale::UseLocaleName("en_US.UTF-8") || wxUILocale::UseLocaleName("C.UTF-8"));
}

} // namespace ui
