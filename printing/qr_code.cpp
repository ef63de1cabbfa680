#include "printing/qr_code.h"

#include <memory>
#include <qrencode.h>
#include <string>

namespace printing {

std::optional<QrMatrix> QrMatrix::encode(std::string_view text)
{
    const std::string owned(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(owned.c_str(), 0, QR_ECLEVEL_M),
                                                         &QRcode_free);
    if (!code) {
        return std::nullopt;
    }
    QrMatrix matrix;
    matrix.m_size = code->width;
    matrix.m_modules.resize(static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width));
    for (std::size_t i = 0; i < matrix.m_modules.size(); ++i) {
        matrix.m_modules[i] = (code->data[i] & 1) != 0; // bit 0 is the module colour
    }
    return matrix;
}

} // namespace printing
