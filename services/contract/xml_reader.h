#pragma once
/// Reads a message's fields from child elements. The first problem stops the read and names the field by its path
/// ("items/2/offeringId") and a reason, which the back office returns as E_VALIDATION {field, reason}.
/// Unknown elements are ignored, so a newer peer may add optional fields without breaking this version.

#include "services/contract/field_types.h"

#include <pugixml.hpp>
#include <string>
#include <vector>

namespace contract {

struct FieldError
{
    std::string field;  ///< path of element names, list positions counted from 1
    std::string reason; ///< "missing", "empty", "too_long", "not_utf8", "invalid", "too_many", "duplicate"
};

class XmlReader
{
public:
    /// Lists longer than this are refused: no request needs more, and it bounds the work one message can cause.
    static constexpr std::size_t kMaxListItems = 1000;

    XmlReader(pugi::xml_node parent, std::string path, std::optional<FieldError>* error)
        : m_parent(parent), m_path(std::move(path)), m_error(error)
    {
    }

    void operator()(const char* name, std::string& value, Limit limit = kText);
    void operator()(const char* name, std::int64_t& value);
    void operator()(const char* name, bool& value);
    void operator()(const char* name, domain::Money& value);
    void operator()(const char* name, domain::Date& value);
    void operator()(const char* name, Timestamp& value);

    template <typename T>
    void operator()(const char* name, std::optional<T>& value, Limit limit = kText)
    {
        value.reset();
        const auto node = single(name);
        if (failed() || !node) {
            return;
        }
        T item{};
        read_one(node, name, item, limit);
        if (!failed()) {
            value = std::move(item);
        }
    }

    template <typename T>
    void operator()(const char* name, std::vector<T>& values, Limit limit = kText)
    {
        values.clear();
        std::size_t index = 0;
        for (auto node : m_parent.children(name)) {
            if (failed()) {
                return;
            }
            if (++index > kMaxListItems) {
                fail(name, "too_many");
                return;
            }
            T item{};
            read_one(node, std::string(name) + "/" + std::to_string(index), item, limit);
            values.push_back(std::move(item));
        }
    }

    template <typename T>
        requires requires(T& t, XmlReader& r) { t.visit(r); }
    void operator()(const char* name, T& value)
    {
        const auto node = required(name);
        if (node) {
            read_one(node, name, value, kText);
        }
    }

    [[nodiscard]] bool failed() const { return m_error->has_value(); }

private:
    template <typename T>
    void read_one(pugi::xml_node node, const std::string& name, T& value, Limit limit)
    {
        if constexpr (requires(XmlReader& r) { value.visit(r); }) {
            XmlReader child{node, join(name), m_error};
            value.visit(child);
        } else {
            read_scalar(node, join(name), value, limit);
        }
    }

    void read_scalar(pugi::xml_node node, const std::string& path, std::string& value, Limit limit);
    void read_scalar(pugi::xml_node node, const std::string& path, std::int64_t& value, Limit);
    void read_scalar(pugi::xml_node node, const std::string& path, bool& value, Limit);
    void read_scalar(pugi::xml_node node, const std::string& path, domain::Money& value, Limit);
    void read_scalar(pugi::xml_node node, const std::string& path, domain::Date& value, Limit);
    void read_scalar(pugi::xml_node node, const std::string& path, Timestamp& value, Limit);

    /// The one child called `name`, or null when absent; a second one is an error (a field is never repeated).
    pugi::xml_node single(const char* name);
    pugi::xml_node required(const char* name);
    [[nodiscard]] std::string join(const std::string& name) const;
    void fail(const std::string& name, const char* reason);
    void fail_path(const std::string& path, const char* reason);

    pugi::xml_node m_parent;
    std::string m_path;
    std::optional<FieldError>* m_error;
};

/// "2026-11-23" only.
std::optional<domain::Date> parse_date(std::string_view text);

} // namespace contract
