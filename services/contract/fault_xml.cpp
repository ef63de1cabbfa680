#include "services/contract/fault_xml.h"

#include "services/contract/xml_text.h"

#include <pugixml.hpp>

namespace contract {

std::string encode_fault(const Fault& fault)
{
    pugi::xml_document doc;
    auto result = doc.append_child("result");
    result.append_attribute("xmlns") = std::string(kNamespace).c_str();
    result.append_attribute("code") = std::string(to_string(fault.code)).c_str();
    for (const auto& [name, value] : fault.params) {
        // Parameters echo what the client sent (a field path, an element name): written as XML can carry them.
        auto param = result.append_child("param");
        param.append_attribute("name") = to_xml_text(name).c_str();
        param.text() = to_xml_text(value).c_str();
    }
    return save_document(doc);
}

std::variant<Fault, DecodeError> decode_fault(std::string_view xml)
{
    pugi::xml_document doc;
    // As strict as messages: no DOCTYPE, and nothing that is not XML (pugixml never fetches external entities).
    if (auto refused = load_document(doc, xml)) {
        return *std::move(refused);
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
