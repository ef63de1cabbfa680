#pragma once
/// One physical reader, whatever carries its commands: the raw protocol over a serial port (SerialReader) or a
/// vendor's SDK loaded at run time (VendorSdkReader, CvrSdkReader; open_sdk_reader picks one). The reader service
/// polls through this interface and never knows which one it has. Every call blocks for at most its command's
/// time-out and is made from one worker thread.

#include "idcard/raw_card.h"

#include <optional>
#include <string>

namespace idcard {

struct Nothing
{
};

class ReaderPort
{
public:
    virtual ~ReaderPort() = default;

    /// SAM status (11 FF): OK when the security module accepts commands.
    virtual ReaderResult<Nothing> sam_status() = 0;
    /// The SAM's identifier as printed on the reader (for the audit log), e.g. "05.01-20101010-0000000123-1234567890".
    virtual ReaderResult<std::string> sam_id() = 0;
    /// Find (20 01): OK when a card is in the field (status 9F), E_READER_NO_CARD when not.
    virtual ReaderResult<Nothing> find_card() = 0;
    /// Select (20 02).
    virtual ReaderResult<Nothing> select_card() = 0;
    /// Read text and photo (30 01), or with the fingerprint (30 10).
    virtual ReaderResult<RawCard> read_card(bool with_fingerprint) = 0;
    /// The appended address (30 03): nothing when the card has none (status 91).
    virtual ReaderResult<std::optional<Bytes>> read_appended_address() = 0;
};

} // namespace idcard
