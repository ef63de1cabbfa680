#pragma once
/// Writes a message's fields as child elements, in the order its `visit` names them. Absent optionals and empty lists
/// write nothing. Text is written as XML can carry it: a byte sequence that is not UTF-8 or a character outside XML's
/// Char production becomes U+FFFD (see to_xml_text), so nothing this writer emits is refused by a strict reader.

#include "services/contract/field_types.h"

#include <pugixml.hpp>
#include <vector>

namespace contract {

class XmlWriter
{
public:
    explicit XmlWriter(pugi::xml_node parent) : m_parent(parent) {}

    void operator()(const char* name, const std::string& value, Limit = kText);
    void operator()(const char* name, std::int64_t value);
    void operator()(const char* name, bool value);
    void operator()(const char* name, domain::Money value);
    void operator()(const char* name, domain::Date value);
    void operator()(const char* name, Timestamp value);

    template <typename T> void operator()(const char* name, const std::optional<T>& value, Limit limit = kText)
    {
        if (value) {
            write_one(name, *value, limit);
        }
    }

    template <typename T> void operator()(const char* name, const std::vector<T>& values, Limit limit = kText)
    {
        for (const auto& value : values) {
            write_one(name, value, limit);
        }
    }

    /// A nested record.
    template <typename T>
    requires requires(T& t, XmlWriter& w) { t.visit(w); }
    void operator()(const char* name, const T& value) { XmlWriter{m_parent.append_child(name)}.fields(value); }

    /// The fields of `record` as children of this writer's element.
    template <typename T> void fields(const T& record)
    {
        // visit() is shared by reading and writing, so it cannot be const; the writer only reads through it.
        const_cast<T&>(record).visit(*this);
    }

private:
    template <typename T> void write_one(const char* name, const T& value, Limit limit)
    {
        if constexpr (std::is_same_v<T, std::string>) {
            (*this)(name, value, limit);
        } else {
            (*this)(name, value);
        }
    }

    pugi::xml_node m_parent;
};

} // namespace contract
