#include "services/contract/xml_reader.h"

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

pugi::xml_node XmlReader::single(const char* name)
{
    const auto node = m_parent.child(name);
    if (node && node.next_sibling(name)) {
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

void XmlReader::operator()(const char* name, std::string& value, Limit limit)
{
    if (const auto node = required(name)) {
        read_scalar(node, join(name), value, limit);
    }
}

void XmlReader::operator()(const char* name, std::int64_t& value)
{
    if (const auto node = required(name)) {
        read_scalar(node, join(name), value, kText);
    }
}

void XmlReader::operator()(const char* name, bool& value)
{
    if (const auto node = required(name)) {
        read_scalar(node, join(name), value, kText);
    }
}

void XmlReader::operator()(const char* name, domain::Money& value)
{
    if (const auto node = required(name)) {
        read_scalar(node, join(name), value, kText);
    }
}

void XmlReader::operator()(const char* name, domain::Date& value)
{
    if (const auto node = required(name)) {
        read_scalar(node, join(name), value, kText);
    }
}

void XmlReader::operator()(const char* name, Timestamp& value)
{
    if (const auto node = required(name)) {
        read_scalar(node, join(name), value, kText);
    }
}

void XmlReader::read_scalar(pugi::xml_node node, const std::string& path, std::string& value, Limit limit)
{
    if (node.first_child().type() == pugi::node_element) {
        fail_path(path, "invalid");
        return;
    }
    const std::string_view text = node.text().get();
    const auto length = utf8_length(text);
    if (!length) {
        fail_path(path, "not_utf8");
    } else if (*length == 0) {
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
