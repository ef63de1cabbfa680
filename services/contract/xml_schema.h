#pragma once
/// Generates the XSD of a message from the same `visit` that reads and writes it, so the published schema cannot
/// drift from the code. services/contract/xsd/ holds the generated files; a test checks they are current.

#include "services/contract/field_types.h"
#include "services/contract/message_codec.h"

#include <pugixml.hpp>
#include <string>
#include <vector>

namespace contract {

class XmlSchemaWriter
{
public:
    explicit XmlSchemaWriter(pugi::xml_node sequence) : m_sequence(sequence) {}

    void operator()(const char* name, const std::string&, Limit limit = kText);
    void operator()(const char* name, const std::int64_t&);
    void operator()(const char* name, const bool&);
    void operator()(const char* name, const domain::Money&);
    void operator()(const char* name, const domain::Date&);
    void operator()(const char* name, const Timestamp&);

    template <typename T> void operator()(const char* name, const std::optional<T>&, Limit limit = kText)
    {
        element_of<T>(name, limit);
        last().append_attribute("minOccurs") = "0";
    }

    template <typename T> void operator()(const char* name, const std::vector<T>&, Limit limit = kText)
    {
        element_of<T>(name, limit);
        last().append_attribute("minOccurs") = "0";
        last().append_attribute("maxOccurs") = std::to_string(XmlReader::kMaxListItems).c_str();
    }

    template <typename T>
    requires requires(T& t, XmlSchemaWriter& w) { t.visit(w); }
    void operator()(const char* name, const T&)
    {
        auto sequence = complex_element(name);
        T sample{};
        XmlSchemaWriter nested{sequence};
        sample.visit(nested);
    }

    /// The fields of a whole message, as the sequence of its root element.
    template <typename T> void fields()
    {
        T sample{};
        sample.visit(*this);
    }

    /// The <result code="OK"/> every successful response starts with.
    void result_element();

private:
    template <typename T> void element_of(const char* name, Limit limit)
    {
        if constexpr (std::is_same_v<T, std::string>) {
            (*this)(name, T{}, limit);
        } else {
            (*this)(name, T{});
        }
    }

    pugi::xml_node complex_element(const char* name);
    pugi::xml_node simple_element(const char* name, const char* type);
    pugi::xml_node last() { return m_sequence.last_child(); }

    pugi::xml_node m_sequence;
};

namespace detail {
/// A schema document for one root element; returns the root's sequence to fill.
pugi::xml_node start_schema(pugi::xml_document& doc, const char* root);
std::string finish_schema(const pugi::xml_document& doc);
} // namespace detail

template <Message T> std::string xsd_for_request()
{
    pugi::xml_document doc;
    XmlSchemaWriter{detail::start_schema(doc, T::kRoot)}.template fields<T>();
    return detail::finish_schema(doc);
}

template <Message T> std::string xsd_for_response()
{
    pugi::xml_document doc;
    XmlSchemaWriter writer{detail::start_schema(doc, T::kRoot)};
    writer.result_element();
    writer.template fields<T>();
    return detail::finish_schema(doc);
}

} // namespace contract
