#include "printing/text_fit.h"

#include "printing/text_metrics.h"

#include <algorithm>
#include <cmath>

namespace printing {
namespace {

constexpr double kSlackMm = 1e-6;
/// Step by which wrapped text is made smaller until its lines fit the box's height.
constexpr double kShrinkStepPt = 0.25;
constexpr std::string_view kEllipsis = "…";

std::vector<std::string_view> characters(std::string_view text)
{
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        len = std::min(len, text.size() - i);
        out.push_back(text.substr(i, len));
        i += len;
    }
    return out;
}

char32_t code_point(std::string_view ch)
{
    const auto byte = [ch](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(ch[i])); };
    switch (ch.size()) {
    case 2:
        return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
    case 3:
        return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    case 4:
        return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
    default:
        return byte(0);
    }
}

/// Punctuation that may not begin a line (避头尾: 。，、）》」 …).
bool is_closing(char32_t c)
{
    constexpr char32_t kClosing[] = {U'、', U'。', U'，', U'；', U'：', U'？', U'！', U'）', U'》', U'」', U'』', U'’',
                                     U'”',  U'】', U'…',  U',',  U'.',  U';',  U':',  U'!',  U'?',  U')',  U']',  U'%'};
    return std::find(std::begin(kClosing), std::end(kClosing), c) != std::end(kClosing);
}

/// Punctuation that may not end a line.
bool is_opening(char32_t c)
{
    constexpr char32_t kOpening[] = {U'（', U'《', U'「', U'『', U'‘', U'“', U'【', U'(', U'[', U'¥'};
    return std::find(std::begin(kOpening), std::end(kOpening), c) != std::end(kOpening);
}

/// Ideographs, kana, full-width forms: a line may break on either side of each.
bool is_wide(char32_t c)
{
    return c >= 0x2E80;
}

std::string without_trailing_spaces(std::string text)
{
    while (!text.empty() && text.back() == ' ') {
        text.pop_back();
    }
    return text;
}

std::string trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) {
        return {};
    }
    return std::string(text.substr(first, text.find_last_not_of(" \t\r") - first + 1));
}

std::vector<std::string> paragraphs(std::string_view text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        out.push_back(trimmed(text.substr(start, end - start)));
        start = end + 1;
    }
    while (!out.empty() && out.back().empty()) {
        out.pop_back();
    }
    const auto first = std::find_if(out.begin(), out.end(), [](const std::string& p) { return !p.empty(); });
    out.erase(out.begin(), first);
    return out;
}

double block_height(std::size_t lines, double size_pt)
{
    return lines == 0 ? 0 : em_mm(size_pt) * (1 + kLineSpacing * static_cast<double>(lines - 1));
}

/// Lines of `size_pt` text that fit a box `height` mm high (at least one).
std::size_t lines_that_fit(double height, double size_pt)
{
    const double extra = (height / em_mm(size_pt) - 1) / kLineSpacing;
    return 1 + static_cast<std::size_t>(std::max(0.0, std::floor(extra + kSlackMm)));
}

class Wrapper
{
public:
    Wrapper(const TextMeasure& measure, double width, double size_pt, bool bold)
        : m_measure(measure), m_width(width), m_size(size_pt), m_bold(bold)
    {
    }

    void add_paragraph(const std::string& paragraph)
    {
        if (paragraph.empty()) {
            m_lines.emplace_back();
            return;
        }
        for (const auto& unit : break_units(paragraph)) {
            add_unit(unit);
        }
        end_line();
    }

    std::vector<std::string> take() { return std::move(m_lines); }

private:
    [[nodiscard]] double width(std::string_view text) const { return m_measure.width_mm(text, m_size, m_bold); }

    void add_unit(const std::string& unit)
    {
        const double visible = width(without_trailing_spaces(unit));
        if (!m_line.empty() && m_line_w + visible <= m_width + kSlackMm) {
            m_line += unit;
            m_line_w += width(unit);
            return;
        }
        end_line();
        if (visible <= m_width + kSlackMm) {
            m_line = unit;
            m_line_w = width(unit);
            return;
        }
        // A word longer than the line (an account number, a URL): break it between characters.
        for (const auto ch : characters(unit)) {
            const double w = width(ch);
            if (!m_line.empty() && m_line_w + w > m_width + kSlackMm) {
                end_line();
            }
            m_line += ch;
            m_line_w += w;
        }
    }

    void end_line()
    {
        if (!m_line.empty()) {
            m_lines.push_back(without_trailing_spaces(std::move(m_line)));
        }
        m_line.clear();
        m_line_w = 0;
    }

    const TextMeasure& m_measure;
    double m_width;
    double m_size;
    bool m_bold;
    std::vector<std::string> m_lines;
    std::string m_line;
    double m_line_w = 0;
};

std::vector<std::string> wrap(const std::vector<std::string>& paras, double width, double size_pt, bool bold,
                              const TextMeasure& measure)
{
    Wrapper wrapper(measure, width, size_pt, bold);
    for (const auto& p : paras) {
        wrapper.add_paragraph(p);
    }
    return wrapper.take();
}

/// Cuts `line` and appends … so that it fits `width`.
std::string ellipsize(const std::string& line, double width, double size_pt, bool bold, const TextMeasure& measure)
{
    auto chars = characters(line);
    while (!chars.empty()) {
        std::string candidate;
        for (const auto ch : chars) {
            candidate += ch;
        }
        candidate = without_trailing_spaces(std::move(candidate)) + std::string(kEllipsis);
        if (measure.width_mm(candidate, size_pt, bold) <= width + kSlackMm) {
            return candidate;
        }
        chars.pop_back();
    }
    return std::string(kEllipsis);
}

FittedText shrink_to_fit(const std::vector<std::string>& paras, const BoxMm& box, const TextStyle& style,
                         const TextMeasure& measure)
{
    const double min_size = std::min(style.min_size_pt, style.size_pt);
    double size = style.size_pt;
    for (const auto& p : paras) {
        const double w = measure.width_mm(p, size, style.bold);
        if (w > box.w) {
            size = size * box.w / w;
        }
    }
    const double height_limit = box.h / block_height(paras.size(), 1.0);
    size = std::min(size, height_limit);
    // Widths scale with the size only to the rounding of the font's metrics: step down until the measure agrees.
    while (size > min_size && std::any_of(paras.begin(), paras.end(), [&](const std::string& p) {
               return measure.width_mm(p, size, style.bold) > box.w + kSlackMm;
           })) {
        size *= 0.995;
    }
    FittedText fitted{std::max(size, min_size), paras, false};
    if (size >= min_size) {
        return fitted;
    }
    for (auto& line : fitted.lines) {
        if (measure.width_mm(line, fitted.size_pt, style.bold) > box.w + kSlackMm) {
            line = ellipsize(line, box.w, fitted.size_pt, style.bold, measure);
            fitted.cut = true;
        }
    }
    const auto room = lines_that_fit(box.h, fitted.size_pt);
    if (fitted.lines.size() > room) {
        fitted.lines.resize(room);
        fitted.cut = true;
    }
    return fitted;
}

FittedText wrap_to_fit(const std::vector<std::string>& paras, const BoxMm& box, const TextStyle& style,
                       const TextMeasure& measure)
{
    const double min_size = std::min(style.min_size_pt, style.size_pt);
    const int steps = static_cast<int>(std::floor((style.size_pt - min_size) / kShrinkStepPt + kSlackMm));
    for (int step = 0; step <= steps; ++step) {
        const double size = style.size_pt - step * kShrinkStepPt;
        auto lines = wrap(paras, box.w, size, style.bold, measure);
        if (block_height(lines.size(), size) <= box.h + kSlackMm) {
            return {size, std::move(lines), false};
        }
    }
    FittedText fitted{min_size, wrap(paras, box.w, min_size, style.bold, measure), true};
    const auto room = lines_that_fit(box.h, min_size);
    if (fitted.lines.size() > room) {
        fitted.lines.resize(room);
        fitted.lines.back() = ellipsize(fitted.lines.back(), box.w, min_size, style.bold, measure);
    }
    return fitted;
}

} // namespace

std::vector<std::string> break_units(std::string_view text)
{
    std::vector<std::string> units;
    std::string current;
    bool opening_only = false; // `current` holds only opening punctuation, which must stay with what follows
    const auto flush = [&] {
        if (!current.empty()) {
            units.push_back(std::move(current));
        }
        current.clear();
        opening_only = false;
    };
    for (const auto ch : characters(text)) {
        const char32_t c = code_point(ch);
        if (c == U' ') {
            current += ch;
            flush();
        } else if (is_closing(c)) {
            if (current.empty() && !units.empty()) {
                units.back() += ch;
            } else {
                current += ch;
            }
        } else if (is_opening(c)) {
            if (!opening_only) {
                flush();
            }
            current += ch;
            opening_only = true;
        } else if (is_wide(c)) {
            if (!opening_only) {
                flush();
            }
            current += ch;
            flush();
        } else {
            current += ch;
            opening_only = false;
        }
    }
    flush();
    return units;
}

FittedText fit_text(std::string_view text, const BoxMm& box, const TextStyle& style, const TextMeasure& measure)
{
    const auto paras = paragraphs(text);
    if (paras.empty()) {
        return {style.size_pt, {}, false};
    }
    return style.fit == Fit::wrap ? wrap_to_fit(paras, box, style, measure) : shrink_to_fit(paras, box, style, measure);
}

} // namespace printing
