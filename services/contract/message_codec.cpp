#include "services/contract/message_codec.h"

#include "services/contract/xml_text.h"

namespace contract::detail {

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
    return save_document(doc);
}

pugi::xml_node open_document(pugi::xml_document& doc, std::string_view xml, const char* root,
                             std::optional<DecodeError>& error, std::optional<DecodeError>& deferred)
{
    if (auto refused = load_document(doc, xml, &deferred)) {
        error = std::move(refused);
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

std::optional<DecodeError> settle(const std::optional<FieldError>& field, const std::optional<DecodeError>& deferred)
{
    // The reader met the bad character in a field's text (the same kind of problem the byte scan found): its path
    // tells the clerk which field to correct. A NUL, which ends pugixml's text early, or a bad character anywhere
    // else (an attribute, a foreign element, between elements) is reported for the body with its byte offset.
    if (field && deferred && field->reason == deferred->reason) {
        return field_error(*field);
    }
    if (deferred) {
        return deferred;
    }
    if (field) {
        return field_error(*field);
    }
    return std::nullopt;
}

bool is_fault(std::string_view xml)
{
    pugi::xml_document doc;
    return doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8) &&
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
