// Form templates: any bytes parse to a template or a refusal carrying a file and a line, and a parsed template lays
// out (with no order data) to pages or a data refusal, never a crash or a hang.
#include "printing/layout_engine.h"
#include "printing/template_parser.h"

#include <cstdlib>
#include <string>

namespace {

/// Ideographs one em wide, anything else half: the layout needs widths, not a font.
class FixedMeasure final : public printing::TextMeasure
{
public:
    [[nodiscard]] double width_mm(std::string_view text, double size_pt, bool /*bold*/) const override
    {
        double ems = 0;
        for (const char c : text) {
            const auto byte = static_cast<unsigned char>(c);
            ems += byte < 0x80 ? 0.5 : byte >= 0xE0 ? 1.0 : 0.0;
        }
        return ems * size_pt * 25.4 / 72;
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    // Images are looked up in a folder that does not exist, so the fuzzer never reads files.
    const auto parsed = printing::parse_template(xml, "fuzz.xml", "/nonexistent-counter-forms");
    if (const auto* error = printing::error_of(parsed)) {
        if (error->code.rfind("E_TEMPLATE_", 0) != 0 || error->param("file") != "fuzz.xml" ||
            error->param("line").empty()) {
            std::abort();
        }
        return 0;
    }
    const auto& form = std::get<printing::FormTemplate>(parsed);
    if (form.page_w <= 0 || form.page_h <= 0) {
        std::abort();
    }
    const auto layout = printing::lay_out(form, {}, FixedMeasure{}, {true, true});
    if (const auto* error = printing::error_of(layout)) {
        if (error->code.rfind("E_DATA_", 0) != 0) {
            std::abort();
        }
        return 0;
    }
    if (std::get<printing::Layout>(layout).pages.empty()) {
        std::abort();
    }
    return 0;
}
