#pragma once
/// Answers are bounded in bytes as well as in rows. A row limit alone let 500 orders of ~0.78 MB each (long texts in
/// a thousand items) make a 390 MB orderList page; six such calls at once held the process at 820 MB. A page stops
/// before it would pass kAnswerBytes, always holding at least one record, and says hasMore so the client asks on.

#include "services/contract/xml_writer.h"

#include <cstddef>
#include <pugixml.hpp>

namespace backoffice {

/// 4 MiB: four times the largest request body, so any one record a request could create fits.
inline constexpr std::size_t kAnswerBytes = std::size_t{4} << 20;
/// customerFind by name: at most this many customers.
inline constexpr std::size_t kFindRows = 50;
/// memberList: members per page (the contract's list limit).
inline constexpr std::size_t kMemberPage = 1000;

/// The bytes `record` takes as the element `name` on the wire, counted without keeping the text.
template <typename T> std::size_t encoded_size(const char* name, const T& record)
{
    struct Counter final : pugi::xml_writer
    {
        std::size_t bytes = 0;
        void write(const void*, std::size_t size) override { bytes += size; }
    };
    pugi::xml_document doc;
    contract::XmlWriter{doc}(name, record);
    Counter counter;
    doc.save(counter, "", pugi::format_raw | pugi::format_no_declaration);
    return counter.bytes;
}

} // namespace backoffice
