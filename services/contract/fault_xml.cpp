#include "services/contract/fault_xml.h"

#include <pugixml.hpp>
#include <sstream>

namespace contract {

std::string encode_fault(const Fault& fault)
{
    pugi::xml_document doc;
    auto result = doc.append_child("result");
    result.append_attribute("xmlns") = std::string(kNamespace).c_str();
    result.append_attribute("code") = std::string(to_string(fault.code)).c_str();
    for (const auto& [name, value] : fault.params) {
        auto param = result.append_child("param");
        param.append_attribute("name") = name.c_str();
        param.text() = value.c_str();
    }
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw);
    return out.str();
}

std::variant<Fault, DecodeError> decode_fault(std::string_view xml)
{
    pugi::xml_document doc;
    // No DOCTYPE or entity expansion from the network (pugixml never fetches external entities).
    const auto parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default & ~pugi::parse_doctype);
    if (!parsed) {
        return DecodeError{"malformed", parsed.description(), {}};
    }
    const auto result = doc.document_element();
    if (std::string_view(result.name()) != "result") {
        return DecodeError{"element", result.name(), {}};
    }
    if (std::string_view(result.attribute("xmlns").value()) != kNamespace) {
        return DecodeError{"namespace", result.attribute("xmlns").value(), {}};
    }
    const auto code = result_code_from_string(result.attribute("code").value());
    if (!code) {
        return DecodeError{"code", result.attribute("code").value(), {}};
    }
    Fault fault{*code, {}};
    for (auto param : result.children("param")) {
        fault.params.emplace_back(param.attribute("name").value(), param.text().get());
    }
    return fault;
}

} // namespace contract
