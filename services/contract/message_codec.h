#pragma once
/// The one place a message becomes XML and back. A request is
///   <customerFindRequest xmlns="urn:counter:bss:1"><idNumber>…</idNumber></customerFindRequest>
/// a successful response puts <result code="OK"/> first:
///   <customerFindResponse xmlns="urn:counter:bss:1"><result code="OK"/><customer>…</customer></customerFindResponse>
/// and a refused request is answered with the fault document alone (see fault_xml.h).

#include "services/contract/fault_xml.h"
#include "services/contract/xml_reader.h"
#include "services/contract/xml_writer.h"

#include <concepts>
#include <string>
#include <string_view>
#include <variant>

namespace contract {

template <typename T>
concept Message = std::default_initializable<T> && requires
{
    {
        T::kRoot
        } -> std::convertible_to<const char*>;
} && requires(T& t, XmlWriter& w, XmlReader& r)
{
    t.visit(w);
    t.visit(r);
};

namespace detail {
pugi::xml_node start_document(pugi::xml_document& doc, const char* root);
std::string finish_document(const pugi::xml_document& doc);
/// Parses `xml` strictly (see load_document) and checks the root element and namespace; `error` is set when it does
/// not fit, `deferred` when its bytes hold a character XML does not allow but it otherwise parsed.
pugi::xml_node open_document(pugi::xml_document& doc, std::string_view xml, const char* root,
                             std::optional<DecodeError>& error, std::optional<DecodeError>& deferred);
DecodeError field_error(const FieldError& error);
/// Once the reader is done: its not_utf8 or character problem when the byte scan deferred the same kind, else the
/// deferred problem, else the reader's. Nothing is decoded from a document with any of them.
std::optional<DecodeError> settle(const std::optional<FieldError>& field, const std::optional<DecodeError>& deferred);
/// Whether the document's root element is <result>, i.e. a fault rather than a response.
bool is_fault(std::string_view xml);
/// The root's <result> must say OK for a response to carry data.
std::optional<DecodeError> check_ok_result(pugi::xml_node root);
} // namespace detail

template <Message T> std::string encode_request(const T& message)
{
    pugi::xml_document doc;
    XmlWriter{detail::start_document(doc, T::kRoot)}.fields(message);
    return detail::finish_document(doc);
}

template <Message T> std::variant<T, DecodeError> decode_request(std::string_view xml)
{
    pugi::xml_document doc;
    std::optional<DecodeError> error;
    std::optional<DecodeError> deferred;
    const auto root = detail::open_document(doc, xml, T::kRoot, error, deferred);
    if (error) {
        return *error;
    }
    T message{};
    std::optional<FieldError> field;
    // A request is from a client of this version: an element of ours that the message does not have is refused.
    XmlReader reader{root, "", &field, XmlReader::Unknown::refuse};
    message.visit(reader);
    reader.finish();
    if (auto refused = detail::settle(field, deferred)) {
        return *refused;
    }
    return message;
}

template <Message T> std::string encode_response(const T& message)
{
    pugi::xml_document doc;
    auto root = detail::start_document(doc, T::kRoot);
    root.append_child("result").append_attribute("code") = "OK";
    XmlWriter{root}.fields(message);
    return detail::finish_document(doc);
}

/// A response is the message, or the fault the back office answered with, or bytes that are neither.
template <Message T> using Answer = std::variant<T, Fault, DecodeError>;

template <Message T> Answer<T> decode_response(std::string_view xml)
{
    if (detail::is_fault(xml)) {
        auto fault = decode_fault(xml);
        if (auto* decoded = std::get_if<Fault>(&fault)) {
            return std::move(*decoded);
        }
        return std::get<DecodeError>(std::move(fault));
    }
    pugi::xml_document doc;
    std::optional<DecodeError> error;
    std::optional<DecodeError> deferred;
    const auto root = detail::open_document(doc, xml, T::kRoot, error, deferred);
    if (!error) {
        error = detail::check_ok_result(root);
    }
    if (error) {
        return *error;
    }
    T message{};
    std::optional<FieldError> field;
    // A response may come from a newer back office with optional elements this version does not know: ignored.
    XmlReader reader{root, "", &field, XmlReader::Unknown::ignore};
    message.visit(reader);
    reader.finish();
    if (auto refused = detail::settle(field, deferred)) {
        return *refused;
    }
    return message;
}

} // namespace contract
