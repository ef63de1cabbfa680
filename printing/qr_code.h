#pragma once
/// QR codes on forms (the order number, so a reprint or a lookup is one scan). libqrencode makes the symbol; this
/// gives renderers a plain module matrix to draw in millimetres.

#include <optional>
#include <string_view>
#include <vector>

namespace printing {

class QrMatrix
{
public:
    /// Encodes UTF-8 text at error-correction level M (survives a smudge on thermal paper). Nothing if the text is
    /// too long for any QR version.
    static std::optional<QrMatrix> encode(std::string_view text);

    /// Modules per side (21 for version 1, +4 per version), without the quiet zone.
    [[nodiscard]] int size() const { return m_size; }
    [[nodiscard]] bool dark(int x, int y) const
    {
        return m_modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(m_size) + static_cast<std::size_t>(x)];
    }

private:
    int m_size = 0;
    std::vector<bool> m_modules;
};

} // namespace printing
