#include "services/contract/message_codec.h"

#include <sstream>

namespace contract::detail {

namespace {
// DOCTYPE is parsed only to be refused: pugixml never expands entities, but a message has no use for one and
// refusing it keeps entity tricks out entirely.
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_doctype;

bool has_doctype(const pugi::xml_document& doc)
{
    for (auto node : doc.children()) {
        if (node.type() == pugi::node_doctype) {
            return true;
        }
    }
    return false;
}
} // namespace

pugi::xml_node start_document(pugi::xml_document& doc, const char* root)
{
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    auto element = doc.append_child(root);
    element.append_attribute("xmlns") = std::string(kNamespace).c_str();
    return element;
}

std::string finish_document(const pugi::xml_document& doc)
{
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw);
    return out.str();
}

pugi::xml_node open_document(pugi::xml_document& doc, std::string_view xml, const char* root,
                             std::optional<DecodeError>& error)
{
    const auto parsed = doc.load_buffer(xml.data(), xml.size(), kParseOptions, pugi::encoding_utf8);
    if (!parsed) {
        error = DecodeError{"malformed", parsed.description(), {}};
        return {};
    }
    if (has_doctype(doc)) {
        error = DecodeError{"malformed", "DOCTYPE is not accepted", {}};
        return {};
    }
    const auto element = doc.document_element();
    if (std::string_view(element.name()) != root) {
        error = DecodeError{"element", element.name(), {}};
        return {};
    }
    if (std::string_view(element.attribute("xmlns").value()) != kNamespace) {
        error = DecodeError{"namespace", element.attribute("xmlns").value(), {}};
        return {};
    }
    return element;
}

DecodeError field_error(const FieldError& error)
{
    return DecodeError{"field", error.reason, error.field};
}

bool is_fault(std::string_view xml)
{
    pugi::xml_document doc;
    return doc.load_buffer(xml.data(), xml.size(), kParseOptions, pugi::encoding_utf8) &&
           std::string_view(doc.document_element().name()) == "result";
}

std::optional<DecodeError> check_ok_result(pugi::xml_node root)
{
    const auto code = std::string_view(root.child("result").attribute("code").value());
    if (code != "OK") {
        return DecodeError{"code", std::string(code), {}};
    }
    return std::nullopt;
}

} // namespace contract::detail
