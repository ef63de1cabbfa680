#pragma once
/// Per-printer, per-form offsets that move everything printed so it lands in the boxes of pre-printed stationery
/// (套打). The operator prints forms/calibration.xml, measures where the crosshairs landed, and enters the difference.
/// Offsets apply to the printer only, never to the archive PDF or the preview.
///
/// The workstation's settings store keeps them as text under offset_setting_key(); this file owns that text form.

#include "printing/print_error.h"

#include <string>
#include <string_view>

namespace printing {

/// Millimetres to move the print right (x) and down (y); negative moves left and up.
struct Offsets
{
    double x_mm = 0;
    double y_mm = 0;

    friend bool operator==(const Offsets&, const Offsets&) = default;
};

/// Larger offsets are a wrong paper size or tray, not something calibration should hide.
constexpr double kMaxOffsetMm = 30;

/// "print.offset.<printer>.<form>". Names are kept readable: letters, digits, '_' and '-' stay, every
/// other byte (spaces, dots, Chinese) becomes %XX, so the key has exactly four dot-separated parts.
std::string offset_setting_key(std::string_view printer, std::string_view form);

/// "1.5,-0.8": x then y in millimetres, at most one decimal place more than a ruler reads (0.1 mm).
std::string format_offsets(const Offsets& offsets);

/// Reads the text form. Spaces around the numbers and a trailing "mm" on each are accepted. Refused:
/// E_OFFSET_FORMAT {text} (not two numbers), E_OFFSET_RANGE {axis, value, limit} (beyond ±kMaxOffsetMm).
PrintResult<Offsets> parse_offsets(std::string_view text);

} // namespace printing
