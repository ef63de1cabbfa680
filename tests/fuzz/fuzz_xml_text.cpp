// XML text from the network and from the store (issue 23): any bytes as a document, and the same bytes as a text
// the writer must carry. What the strict reader accepts holds only XML characters in every name, attribute value and
// text node (pugixml decodes references, so this checks the byte scan saw every one), and a request decoded from it
// has only such characters in its fields. Whatever the writer makes of arbitrary bytes is accepted by the reader and
// reads back as the writer's U+FFFD-repaired text. Seeds hold one document per character class.
#include "services/contract/message_codec.h"
#include "services/contract/operations.h"
#include "services/contract/xml_text.h"

#include <cstdlib>

namespace {

void require(bool condition)
{
    if (!condition) {
        std::abort();
    }
}

bool xml_text(const char* text)
{
    return !contract::check_text(text).has_value();
}

/// Every name, attribute and text node of an accepted document is XML text.
void check_accepted(pugi::xml_document& doc)
{
    struct Walker : pugi::xml_tree_walker
    {
        bool for_each(pugi::xml_node& node) override
        {
            require(xml_text(node.name()) && xml_text(node.value()));
            for (auto attribute : node.attributes()) {
                require(xml_text(attribute.name()) && xml_text(attribute.value()));
            }
            return true;
        }
    } walker;
    doc.traverse(walker);
}

bool has_content(std::string_view text)
{
    return text.find_first_not_of(" \t\r\n") != std::string_view::npos;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    // The bytes as a document.
    pugi::xml_document doc;
    std::optional<contract::DecodeError> deferred;
    if (!contract::load_document(doc, bytes, &deferred) && !deferred) {
        require(!contract::check_document_bytes(bytes).has_value());
        check_accepted(doc);
    }
    const auto login = contract::decode_request<contract::LoginRequest>(bytes);
    if (const auto* request = std::get_if<contract::LoginRequest>(&login)) {
        require(!contract::check_document_bytes(bytes).has_value());
        require(!contract::check_text(request->staff_id) && !contract::check_text(request->password));
    }
    const auto fault = contract::decode_fault(bytes);
    if (const auto* decoded = std::get_if<contract::Fault>(&fault)) {
        for (const auto& [name, value] : decoded->params) {
            require(!contract::check_text(name) && !contract::check_text(value));
        }
    }

    // The bytes as text the writer must carry: in a request's field, and in a fault's parameter name and value.
    const auto repaired = contract::to_xml_text(bytes);
    require(!contract::check_text(repaired));
    contract::OrderSubmitRequest request;
    request.order.external_id = "k1";
    request.order.order_type = "install";
    request.order.customer_id = "C1";
    request.order.note = std::string(bytes);
    const auto xml = contract::encode_request(request);
    require(!contract::check_document_bytes(xml));
    const auto again = contract::decode_request<contract::OrderSubmitRequest>(xml);
    if (const auto* decoded = std::get_if<contract::OrderSubmitRequest>(&again)) {
        require(!has_content(repaired) || decoded->order.note == repaired);
    } else {
        // Only the note's own limits may refuse it: nothing about its characters.
        const auto& error = std::get<contract::DecodeError>(again);
        require(error.reason == "field" && (error.detail == "too_long" || error.detail == "empty"));
    }
    const auto fault_xml =
        contract::encode_fault({contract::ResultCode::validation, {{std::string(bytes), std::string(bytes)}}});
    const auto fault_again = contract::decode_fault(fault_xml);
    const auto* fault_decoded = std::get_if<contract::Fault>(&fault_again);
    require(fault_decoded != nullptr && fault_decoded->params.size() == 1);
    require(fault_decoded->params.front().first == repaired);
    require(!has_content(repaired) || fault_decoded->params.front().second == repaired);
    return 0;
}
