// Result elements from the network: any bytes decode to a fault or a decode error, and a decoded fault encodes and
// decodes back to itself.
#include "services/contract/fault_xml.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto decoded = contract::decode_fault(std::string_view(reinterpret_cast<const char*>(data), size));
    if (const auto* fault = std::get_if<contract::Fault>(&decoded)) {
        const auto again = contract::decode_fault(contract::encode_fault(*fault));
        const auto* fault_again = std::get_if<contract::Fault>(&again);
        if (fault_again == nullptr || fault_again->code != fault->code) {
            std::abort();
        }
    }
    return 0;
}
