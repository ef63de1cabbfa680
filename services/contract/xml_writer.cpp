#include "services/contract/xml_writer.h"

#include "services/contract/xml_text.h"

namespace contract {

void XmlWriter::operator()(const char* name, const std::string& value, Limit)
{
    // Never text XML does not allow (data stored before the reader was strict, for one): see to_xml_text.
    m_parent.append_child(name).text().set(to_xml_text(value).c_str());
}

void XmlWriter::operator()(const char* name, std::int64_t value)
{
    m_parent.append_child(name).text().set(std::to_string(value).c_str());
}

void XmlWriter::operator()(const char* name, bool value)
{
    m_parent.append_child(name).text().set(value ? "true" : "false");
}

void XmlWriter::operator()(const char* name, domain::Money value)
{
    m_parent.append_child(name).text().set(value.plain().c_str());
}

void XmlWriter::operator()(const char* name, domain::Date value)
{
    m_parent.append_child(name).text().set(domain::format_iso(value).c_str());
}

void XmlWriter::operator()(const char* name, Timestamp value)
{
    m_parent.append_child(name).text().set(format_timestamp(value).c_str());
}

} // namespace contract
