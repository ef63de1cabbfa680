#pragma once
/// The SAM identifier (12 FF answer: 16 bytes) in the form readers print on their label and SDKs return from
/// SDT_GetSAMIDToStr: "05.01-20101012-0000123456-0000012345" (two 2-byte and three 4-byte little-endian numbers).

#include "idcard/frame.h"

#include <optional>
#include <string>

namespace idcard {

/// Nothing unless exactly 16 bytes.
std::optional<std::string> format_sam_id(const Bytes& raw);

} // namespace idcard
