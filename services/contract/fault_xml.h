#pragma once
/// The one place that writes and reads the result element of every response:
///   <result xmlns="urn:counter:bss:1" code="E_VALIDATION"><param name="field">idNumber</param></result>
/// Clients never parse errors anywhere else.

#include "services/contract/result_code.h"

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace contract {

struct Fault
{
    ResultCode code = ResultCode::ok;
    std::vector<std::pair<std::string, std::string>> params;

    friend bool operator==(const Fault&, const Fault&) = default;
};

/// Why bytes from the network could not be read as a message; `detail` is for logs, not for clerks.
struct DecodeError
{
    /// "malformed", "not_utf8", "character", "namespace", "element", "code", "field"
    std::string reason;
    std::string detail; ///< for "field": why the field was refused (see FieldError)
    std::string field;  ///< for "field": the path of the field
};

std::string encode_fault(const Fault& fault);
std::variant<Fault, DecodeError> decode_fault(std::string_view xml);

} // namespace contract
