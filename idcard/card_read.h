#pragma once
/// One read of the card lying in the reader's field, as the workstation does it: select, read, decode the text
/// block, fetch the appended address, verify. Shared by the reader service and counterctl so both read the same way.

#include "idcard/reader_port.h"
#include "idcard/verification.h"

namespace idcard {

/// A reader error when the card cannot be read at all; otherwise the verification, which may still list problems.
/// A failed appended-address read is not fatal: the card's printed address stands.
ReaderResult<Verification> read_and_verify(ReaderPort& port, bool with_fingerprint, const ReadContext& context);

} // namespace idcard
