#include "services/contract/xml_reader.h"

#include "services/contract/result_code.h"
#include "services/contract/xml_text.h"

#include <algorithm>
#include <cstring>

namespace contract {

std::optional<domain::Date> parse_date(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    std::string compact;
    compact.append(text.substr(0, 4)).append(text.substr(5, 2)).append(text.substr(8, 2));
    return domain::parse_yyyymmdd(compact);
}

std::string XmlReader::join(const std::string& name) const
{
    return m_path.empty() ? name : m_path + "/" + name;
}

void XmlReader::fail(const std::string& name, const char* reason)
{
    fail_path(join(name), reason);
}

void XmlReader::fail_path(const std::string& path, const char* reason)
{
    if (!failed()) {
        *m_error = FieldError{path, reason};
    }
}

namespace {

/// Whether an element belongs to another namespace: a prefix bound to another URI, or a default namespace other than
/// ours declared on the element itself. Everything above it was read as ours, so no other default can be in force.
/// A prefix bound to our namespace, or to nothing, is not foreign: such a name is simply not one of our fields.
bool foreign(pugi::xml_node element)
{
    const std::string_view name = element.name();
    const auto colon = name.find(':');
    if (colon == std::string_view::npos) {
        const auto xmlns = element.attribute("xmlns");
        return xmlns && std::string_view(xmlns.value()) != kNamespace;
    }
    const auto declaration = "xmlns:" + std::string(name.substr(0, colon));
    for (auto node = element; node.type() == pugi::node_element; node = node.parent()) {
        if (const auto bound = node.attribute(declaration.c_str())) {
            return std::string_view(bound.value()) != kNamespace;
        }
    }
    return false;
}

} // namespace

pugi::xml_node XmlReader::next_named(pugi::xml_node from, const char* name)
{
    for (auto node = from; node; node = node.next_sibling()) {
        if (node.type() == pugi::node_element && std::strcmp(node.name(), name) == 0 && !foreign(node)) {
            return node;
        }
    }
    return {};
}

bool XmlReader::has_element_child(pugi::xml_node node)
{
    return static_cast<bool>(node.find_child([](pugi::xml_node child) { return child.type() == pugi::node_element; }));
}

pugi::xml_node XmlReader::single(const char* name)
{
    m_asked.emplace_back(name);
    const auto node = next_named(m_parent.first_child(), name);
    if (node && next_named(node.next_sibling(), name)) {
        fail(name, "duplicate");
        return {};
    }
    return node;
}

pugi::xml_node XmlReader::required(const char* name)
{
    const auto node = single(name);
    if (!node && !failed()) {
        fail(name, "missing");
    }
    return node;
}

void XmlReader::finish()
{
    if (m_unknown == Unknown::ignore || failed()) {
        return;
    }
    for (auto node : m_parent.children()) {
        if (node.type() != pugi::node_element || foreign(node)) {
            continue;
        }
        if (std::find(m_asked.begin(), m_asked.end(), std::string_view(node.name())) == m_asked.end()) {
            fail(node.name(), "unknown");
            return;
        }
    }
}

void XmlReader::read_scalar(pugi::xml_node node, const std::string& path, std::string& value, Limit limit)
{
    const std::string_view text = node.text().get();
    if (const auto problem = check_text(text)) {
        fail_path(path, problem->kind == TextProblem::Kind::not_utf8 ? "not_utf8" : "character");
        return;
    }
    const auto length = utf8_length(text);
    if (!length || *length == 0) {
        // A required text that is present but empty is as good as missing; optional texts are simply left out.
        fail_path(path, "empty");
    } else if (*length > limit.max_chars) {
        fail_path(path, "too_long");
    } else {
        value.assign(text);
    }
}

void XmlReader::read_scalar(pugi::xml_node node, const std::string& path, std::int64_t& value, Limit)
{
    const auto parsed = parse_int(node.text().get());
    parsed ? void(value = *parsed) : fail_path(path, "invalid");
}

void XmlReader::read_scalar(pugi::xml_node node, const std::string& path, bool& value, Limit)
{
    const auto parsed = parse_bool(node.text().get());
    parsed ? void(value = *parsed) : fail_path(path, "invalid");
}

void XmlReader::read_scalar(pugi::xml_node node, const std::string& path, domain::Money& value, Limit)
{
    const std::string_view text = node.text().get();
    // The wire form is plain ("1234.50"): no currency sign or grouping, which are for people.
    const bool plain = !text.empty() && text.find_first_not_of("-0123456789.") == std::string_view::npos;
    if (!plain) {
        fail_path(path, "invalid");
        return;
    }
    const auto parsed = domain::Money::parse(text);
    parsed ? void(value = *parsed) : fail_path(path, "invalid");
}

void XmlReader::read_scalar(pugi::xml_node node, const std::string& path, domain::Date& value, Limit)
{
    const auto parsed = parse_date(node.text().get());
    parsed ? void(value = *parsed) : fail_path(path, "invalid");
}

void XmlReader::read_scalar(pugi::xml_node node, const std::string& path, Timestamp& value, Limit)
{
    const auto parsed = parse_timestamp(node.text().get());
    parsed ? void(value = *parsed) : fail_path(path, "invalid");
}

} // namespace contract
