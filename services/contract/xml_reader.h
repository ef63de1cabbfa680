#pragma once
/// Reads a message's fields from child elements. The first problem stops the read and names the field by its path
/// ("items/2/offeringId") and a reason, which the back office returns as E_VALIDATION {field, reason}.
/// Elements in another namespace are extensions and never read. An element in ours that visit() did not ask for is
/// refused when reading requests (a client bug or a probe, never a field we would act on) and ignored when reading
/// responses, so that an older workstation keeps working with a newer back office that added optional fields.

#include "services/contract/field_types.h"

#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace contract {

struct FieldError
{
    std::string field; ///< path of element names, list positions counted from 1
    /// "missing", "empty", "too_long", "not_utf8", "character" (not an XML character), "invalid", "too_many",
    /// "duplicate", "unknown" (an element of ours that the message does not have)
    std::string reason;
};

class XmlReader
{
public:
    /// Lists longer than this are refused: no request needs more, and it bounds the work one message can cause.
    static constexpr std::size_t kMaxListItems = 1000;

    /// What happens to an element in our namespace that visit() did not ask for.
    enum class Unknown
    {
        ignore, ///< responses: a newer back office may have added optional fields
        refuse, ///< requests: reason "unknown"
    };

    XmlReader(pugi::xml_node parent, std::string path, std::optional<FieldError>* error,
              Unknown unknown = Unknown::ignore)
        : m_parent(parent), m_path(std::move(path)), m_error(error), m_unknown(unknown)
    {
    }

    void operator()(const char* name, std::string& value, Limit limit = kText) { read_field(name, value, limit); }
    void operator()(const char* name, std::int64_t& value) { read_field(name, value, kText); }
    void operator()(const char* name, bool& value) { read_field(name, value, kText); }
    void operator()(const char* name, domain::Money& value) { read_field(name, value, kText); }
    void operator()(const char* name, domain::Date& value) { read_field(name, value, kText); }
    void operator()(const char* name, Timestamp& value) { read_field(name, value, kText); }

    template <typename T> void operator()(const char* name, std::optional<T>& value, Limit limit = kText)
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

    template <typename T> void operator()(const char* name, std::vector<T>& values, Limit limit = kText)
    {
        values.clear();
        m_asked.emplace_back(name);
        std::size_t index = 0;
        for (auto node = next_named(m_parent.first_child(), name); node; node = next_named(node.next_sibling(), name)) {
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

    /// Called once visit() is done: with Unknown::refuse, fails on the first child element in our namespace that
    /// visit() did not ask for.
    void finish();

private:
    template <typename T> void read_field(const char* name, T& value, Limit limit)
    {
        if (const auto node = required(name)) {
            read_one(node, name, value, limit);
        }
    }

    template <typename T> void read_one(pugi::xml_node node, const std::string& name, T& value, Limit limit)
    {
        if constexpr (requires(XmlReader & r) { value.visit(r); }) {
            XmlReader child{node, join(name), m_error, m_unknown};
            value.visit(child);
            child.finish();
        } else if (has_element_child(node)) {
            fail_path(join(name), "invalid"); // a scalar holds text only
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

    /// The first element from `from` on (`from` included) called `name` in our namespace.
    static pugi::xml_node next_named(pugi::xml_node from, const char* name);
    static bool has_element_child(pugi::xml_node node);
    /// The one child called `name`, or null when absent; a second one is an error (a field is never repeated).
    pugi::xml_node single(const char* name);
    pugi::xml_node required(const char* name);
    [[nodiscard]] std::string join(const std::string& name) const;
    void fail(const std::string& name, const char* reason);
    void fail_path(const std::string& path, const char* reason);

    pugi::xml_node m_parent;
    std::string m_path;
    std::optional<FieldError>* m_error;
    Unknown m_unknown;
    std::vector<std::string_view> m_asked; ///< names visit() asked for (string literals in the messages)
};

/// "2026-11-23" only.
std::optional<domain::Date> parse_date(std::string_view text);

} // namespace contract
