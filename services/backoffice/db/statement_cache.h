#pragma once
/// Statements prepared once on a connection and run many times. Every order runs the same twenty-odd statements on
/// the writer's connection; compiling each of them every time cost more than running it. SOCI binds by reference,
/// so each cached statement owns the variables it is bound to: `run` copies the arguments in and executes.
/// A cache belongs to one connection and is used from the one thread that uses that connection.

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <tuple>

namespace backoffice::db {

/// A text parameter that may be NULL.
struct Nullable
{
    std::string value;
    soci::indicator indicator = soci::i_null;

    Nullable() = default;
    Nullable(const std::optional<std::string>& text) // NOLINT(google-explicit-constructor): reads like the column
        : value(text.value_or("")), indicator(text ? soci::i_ok : soci::i_null)
    {
    }
};

namespace detail {
struct Entry
{
    virtual ~Entry() = default;
};

template <typename T> void bind_in(soci::statement& statement, T& value)
{
    statement.exchange(soci::use(value));
}
inline void bind_in(soci::statement& statement, Nullable& value)
{
    statement.exchange(soci::use(value.value, value.indicator));
}
} // namespace detail

/// A statement with inputs only (INSERT, UPDATE, DELETE).
template <typename... In> class Command : public detail::Entry
{
public:
    Command(soci::session& sql, const std::string& text) : m_statement(sql)
    {
        std::apply([this](auto&... values) { (detail::bind_in(m_statement, values), ...); }, m_in);
        m_statement.alloc();
        m_statement.prepare(text);
        m_statement.define_and_bind();
    }

    /// Runs with these values; returns the rows changed.
    long long run(In... values)
    {
        m_in = std::make_tuple(std::move(values)...);
        m_statement.execute(true);
        return m_statement.get_affected_rows();
    }

private:
    std::tuple<In...> m_in; // bound by reference: declared before the statement, lives as long
    soci::statement m_statement;
};

/// A statement that reads at most one row of `Out` columns (std::string, int, long long); NULLs read as empty/0
/// and are reported by null().
template <typename Out, typename... In> class Query;

template <typename... Out, typename... In> class Query<std::tuple<Out...>, In...> : public detail::Entry
{
public:
    Query(soci::session& sql, const std::string& text) : m_statement(sql)
    {
        std::apply([this](auto&... values) { (detail::bind_in(m_statement, values), ...); }, m_in);
        bind_out(std::index_sequence_for<Out...>{});
        m_statement.alloc();
        m_statement.prepare(text);
        m_statement.define_and_bind();
    }

    /// The row, or nothing when there is none.
    std::optional<std::tuple<Out...>> one(In... values)
    {
        m_in = std::make_tuple(std::move(values)...);
        if (!m_statement.execute(true)) {
            return std::nullopt;
        }
        std::tuple<Out...> row = m_out;
        // Run it to its end: SQLite counts an unfinished statement as "in progress" and then refuses to release a
        // savepoint or commit.
        while (m_statement.fetch()) {
        }
        return row;
    }

    [[nodiscard]] bool null(std::size_t column) const { return m_indicators.at(column) != soci::i_ok; }

private:
    template <std::size_t... I> void bind_out(std::index_sequence<I...>)
    {
        (m_statement.exchange(soci::into(std::get<I>(m_out), m_indicators[I])), ...);
    }

    std::tuple<In...> m_in;
    std::tuple<Out...> m_out;
    std::array<soci::indicator, sizeof...(Out)> m_indicators{};
    soci::statement m_statement;
};

class StatementCache
{
public:
    explicit StatementCache(soci::session& sql) : m_sql(sql) {}

    /// The statement for `text`, prepared on first use. `T` is Command<…> or Query<…>; one text, one type.
    template <typename T> T& get(const std::string& text)
    {
        auto& entry = m_entries[text];
        if (!entry) {
            entry = std::make_unique<T>(m_sql, text);
        }
        return static_cast<T&>(*entry);
    }

    [[nodiscard]] soci::session& session() const { return m_sql; }

private:
    soci::session& m_sql;
    std::map<std::string, std::unique_ptr<detail::Entry>> m_entries;
};

} // namespace backoffice::db
