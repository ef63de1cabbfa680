#include "printing/font_set.h"

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <map>
#include <mutex>
#include <strings.h>

namespace printing {
namespace {

/// The scale of the reference fonts, in points.
constexpr double kReferenceSize = 100;

/// The matched face of `family` at `weight` (drawn `embolden`ed), or nullptr when fontconfig would substitute another
/// family.
cairo_font_face_t* match_face(const std::string& family, int weight, bool embolden = false)
{
    std::unique_ptr<FcPattern, decltype(&FcPatternDestroy)> pattern(FcPatternCreate(), &FcPatternDestroy);
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, weight);
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    std::unique_ptr<FcPattern, decltype(&FcPatternDestroy)> match(FcFontMatch(nullptr, pattern.get(), &result),
                                                                  &FcPatternDestroy);
    if (!match) {
        return nullptr;
    }
    bool same_family = false;
    FcChar8* name = nullptr;
    for (int i = 0; FcPatternGetString(match.get(), FC_FAMILY, i, &name) == FcResultMatch; ++i) {
        same_family = same_family || strcasecmp(reinterpret_cast<const char*>(name), family.c_str()) == 0;
    }
    if (embolden) {
        FcPatternDel(match.get(), FC_EMBOLDEN);
        FcPatternAddBool(match.get(), FC_EMBOLDEN, FcTrue);
    }
    return same_family ? cairo_ft_font_face_create_for_pattern(match.get()) : nullptr;
}

cairo_scaled_font_t* reference_font(cairo_font_face_t* face)
{
    cairo_matrix_t size;
    cairo_matrix_t identity;
    cairo_matrix_init_scale(&size, kReferenceSize, kReferenceSize);
    cairo_matrix_init_identity(&identity);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_scaled_font_t* font = cairo_scaled_font_create(face, &size, &identity, options);
    cairo_font_options_destroy(options);
    return font;
}

} // namespace

FontSet::~FontSet()
{
    cairo_scaled_font_destroy(m_regular_ref);
    cairo_scaled_font_destroy(m_bold_ref);
    cairo_font_face_destroy(m_regular);
    cairo_font_face_destroy(m_bold);
}

PrintResult<std::shared_ptr<const FontSet>> FontSet::shared(const std::string& family)
{
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const FontSet>> loaded;
    const std::lock_guard lock(mutex);
    if (const auto it = loaded.find(family); it != loaded.end()) {
        return it->second;
    }
    std::shared_ptr<FontSet> set(new FontSet());
    set->m_family = family;
    set->m_regular = match_face(family, FC_WEIGHT_REGULAR);
    // Bold is the regular face emboldened by FreeType, not the family's Bold file: cairo copies a CJK font's whole
    // CFF table (~16 MB for Noto Sans CJK) for every face it subsets, once per PDF, which made a one-page form take
    // 28 ms with two faces and 19 ms with one (bench/print_acceptance). The PDF still embeds the bold outlines.
    set->m_bold = match_face(family, FC_WEIGHT_REGULAR, true);
    if (set->m_regular == nullptr || set->m_bold == nullptr) {
        return print_error("E_FONT_MISSING", {{"family", family}});
    }
    set->m_regular_ref = reference_font(set->m_regular);
    set->m_bold_ref = reference_font(set->m_bold);
    if (cairo_scaled_font_status(set->m_regular_ref) != CAIRO_STATUS_SUCCESS ||
        cairo_scaled_font_status(set->m_bold_ref) != CAIRO_STATUS_SUCCESS) {
        return print_error("E_FONT_MISSING", {{"family", family}});
    }
    loaded.emplace(family, set);
    return std::shared_ptr<const FontSet>(set);
}

} // namespace printing
