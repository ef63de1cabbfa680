#include "idcard/card_read.h"

#include "idcard/wlt_decoder.h"

namespace idcard {

ReaderResult<Verification> read_and_verify(ReaderPort& port, bool with_fingerprint, const ReadContext& context)
{
    if (auto selected = port.select_card(); auto* e = std::get_if<ReaderError>(&selected)) {
        return *e;
    }
    auto read = port.read_card(with_fingerprint);
    if (auto* e = std::get_if<ReaderError>(&read)) {
        return *e;
    }
    const RawCard& raw = std::get<RawCard>(read);
    auto text = decode_card_text(raw.text);
    if (auto* e = std::get_if<ReaderError>(&text)) {
        return *e;
    }
    std::string appended;
    auto address = port.read_appended_address();
    if (auto* bytes = std::get_if<std::optional<Bytes>>(&address); bytes && *bytes) {
        appended = decode_appended_address(**bytes);
    }
    Verification verification = verify_card(std::get<CardText>(text), raw.photo, appended, context);
    if (verification.identity) {
        verification.identity->photo_bmp = raw.photo_bmp;
        if (raw.photo_bmp.empty() && raw.photo.size() == kWltSize && !context.wlt_library.empty()) {
            // For the clerk's 人证比对 on screen; without a decoder (or when it fails) the card itself is looked at.
            if (auto bmp = decode_wlt_photo(raw.photo, context.wlt_library); auto* decoded = std::get_if<Bytes>(&bmp)) {
                verification.identity->photo_bmp = std::move(*decoded);
            }
        }
    }
    return verification;
}

} // namespace idcard
