#include "services/contract/xml_schema.h"

#include <sstream>

namespace contract {

namespace {

void restrict_text(pugi::xml_node element, Limit limit)
{
    auto restriction = element.append_child("xs:simpleType").append_child("xs:restriction");
    restriction.append_attribute("base") = "xs:string";
    restriction.append_child("xs:minLength").append_attribute("value") = "1";
    restriction.append_child("xs:maxLength").append_attribute("value") = std::to_string(limit.max_chars).c_str();
}

} // namespace

pugi::xml_node XmlSchemaWriter::simple_element(const char* name, const char* type)
{
    auto element = m_sequence.append_child("xs:element");
    element.append_attribute("name") = name;
    if (type != nullptr) {
        element.append_attribute("type") = type;
    }
    return element;
}

pugi::xml_node XmlSchemaWriter::complex_element(const char* name)
{
    auto element = simple_element(name, nullptr);
    return element.append_child("xs:complexType").append_child("xs:sequence");
}

void XmlSchemaWriter::operator()(const char* name, const std::string&, Limit limit)
{
    restrict_text(simple_element(name, nullptr), limit);
}

void XmlSchemaWriter::operator()(const char* name, const std::int64_t&)
{
    simple_element(name, "xs:long");
}

void XmlSchemaWriter::operator()(const char* name, const bool&)
{
    simple_element(name, "xs:boolean");
}

void XmlSchemaWriter::operator()(const char* name, const domain::Money&)
{
    simple_element(name, "bss:amount");
}

void XmlSchemaWriter::operator()(const char* name, const domain::Date&)
{
    simple_element(name, "xs:date");
}

void XmlSchemaWriter::operator()(const char* name, const Timestamp&)
{
    simple_element(name, "bss:timestamp");
}

void XmlSchemaWriter::result_element()
{
    auto type = simple_element("result", nullptr).append_child("xs:complexType");
    auto code = type.append_child("xs:attribute");
    code.append_attribute("name") = "code";
    code.append_attribute("type") = "xs:string";
    code.append_attribute("fixed") = "OK";
    code.append_attribute("use") = "required";
}

namespace detail {

pugi::xml_node start_schema(pugi::xml_document& doc, const char* root)
{
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    doc.append_child(pugi::node_comment)
        .set_value(" Generated from the message's visit() by contract_xsd: do not edit, run tools/contract_xsd. ");
    auto schema = doc.append_child("xs:schema");
    const std::string ns(kNamespace);
    schema.append_attribute("xmlns:xs") = "http://www.w3.org/2001/XMLSchema";
    schema.append_attribute("xmlns:bss") = ns.c_str();
    schema.append_attribute("targetNamespace") = ns.c_str();
    schema.append_attribute("elementFormDefault") = "qualified";

    // Amounts are yuan with at most two decimals ("1234.50"); timestamps are UTC to the second with 'Z'.
    auto amount = schema.append_child("xs:simpleType");
    amount.append_attribute("name") = "amount";
    auto amount_rule = amount.append_child("xs:restriction");
    amount_rule.append_attribute("base") = "xs:string";
    amount_rule.append_child("xs:pattern").append_attribute("value") = "-?[0-9]{1,16}(\\.[0-9]{1,2})?";
    auto timestamp = schema.append_child("xs:simpleType");
    timestamp.append_attribute("name") = "timestamp";
    auto timestamp_rule = timestamp.append_child("xs:restriction");
    timestamp_rule.append_attribute("base") = "xs:dateTime";
    timestamp_rule.append_child("xs:pattern").append_attribute("value") =
        "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z";

    auto element = schema.append_child("xs:element");
    element.append_attribute("name") = root;
    return element.append_child("xs:complexType").append_child("xs:sequence");
}

std::string finish_schema(const pugi::xml_document& doc)
{
    std::ostringstream out;
    doc.save(out, "  ");
    return out.str();
}

} // namespace detail
} // namespace contract
