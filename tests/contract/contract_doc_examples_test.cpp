// docs/CONTRACT.md is what an operator's integrators build against: every XML example in it must be a message the
// codec reads, and every operation must have a request and a response example. A renamed field or a typo in the
// document fails here rather than in somebody else's back office.

#include "services/contract/fault_xml.h"
#include "services/contract/message_codec.h"
#include "services/contract/operations.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>

using namespace contract;

namespace {

struct Example
{
    int line = 0;
    std::string xml;
};

std::string read_contract()
{
    std::ifstream in(COUNTER_CONTRACT_DOC, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The ```xml blocks of the document, by root element name.
std::multimap<std::string, Example> examples_by_root(const std::string& doc)
{
    std::multimap<std::string, Example> found;
    std::istringstream lines(doc);
    std::string line;
    int number = 0;
    std::optional<Example> open;
    while (std::getline(lines, line)) {
        ++number;
        if (!open && line == "```xml") {
            open = Example{number + 1, {}};
        } else if (open && line == "```") {
            pugi::xml_document parsed;
            const auto loaded = parsed.load_string(open->xml.c_str());
            INFO("docs/CONTRACT.md line " << open->line);
            // Abbreviated examples ("…" for the elided part) are still well-formed XML.
            REQUIRE(loaded);
            found.emplace(parsed.document_element().name(), *open);
            open.reset();
        } else if (open) {
            open->xml += line + "\n";
        }
    }
    REQUIRE_FALSE(open);
    return found;
}

/// An example whose content elides something ("…") shows a shape, not a message to decode. A comment saying that
/// more elements follow (<!-- … -->) leaves a shorter message that must still decode.
bool abbreviated(const Example& example)
{
    std::string content = example.xml;
    for (auto open = content.find("<!--"); open != std::string::npos; open = content.find("<!--", open)) {
        const auto close = content.find("-->", open);
        content.erase(open, close == std::string::npos ? std::string::npos : close + 3 - open);
    }
    return content.find("…") != std::string::npos;
}

template <typename Decode>
int check_examples(const std::multimap<std::string, Example>& examples, const std::string& root, Decode decode)
{
    int decoded = 0;
    const auto [first, last] = examples.equal_range(root);
    for (auto it = first; it != last; ++it) {
        if (abbreviated(it->second)) {
            continue;
        }
        const std::string why = decode(it->second.xml);
        INFO("docs/CONTRACT.md line " << it->second.line << ": " << it->second.xml << why);
        CHECK(why.empty());
        ++decoded;
    }
    return decoded;
}

/// Why a decode did not give the message it was for (the variant's first type), or empty when it did. A response
/// example that reads as a fault is not a response.
template <typename T, typename... Others> std::string problem(const std::variant<T, Others...>& result)
{
    if (result.index() == 0) {
        return {};
    }
    const auto* error = std::get_if<DecodeError>(&result);
    return error ? error->reason + " " + error->detail + " " + error->field : std::string("a fault");
}

} // namespace

TEST_CASE("every operation in docs/CONTRACT.md has a request and a response example the codec reads", "[contract]")
{
    const auto examples = examples_by_root(read_contract());
    std::set<std::string> known{"result"};
    for_each_operation([&](auto request) {
        using Request = decltype(request);
        using Response = typename Request::Response;
        INFO(Request::kOperation);
        known.insert(Request::kRoot);
        known.insert(Response::kRoot);
        const auto requests = check_examples(
            examples, Request::kRoot, [](const std::string& xml) { return problem(decode_request<Request>(xml)); });
        const auto responses = check_examples(
            examples, Response::kRoot, [](const std::string& xml) { return problem(decode_response<Response>(xml)); });
        CHECK(requests >= 1);
        CHECK(responses >= 1);
    });

    const auto faults =
        check_examples(examples, "result", [](const std::string& xml) { return problem(decode_fault(xml)); });
    CHECK(faults >= 1);

    // An example of a message that does not exist is a document out of date.
    for (const auto& [root, example] : examples) {
        INFO("docs/CONTRACT.md line " << example.line << ": <" << root << ">");
        CHECK(known.contains(root));
    }
}
