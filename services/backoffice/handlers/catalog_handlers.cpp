// Catalog, standard addresses, port resources and the number pool.
#include "services/backoffice/handlers.h"
#include "services/backoffice/handlers/records.h"
#include "services/backoffice/sql_util.h"
#include "services/contract/xml_reader.h"

namespace backoffice {

namespace {

long long bounded(const std::optional<std::int64_t>& value, long long fallback, long long most, const char* field)
{
    const long long v = value.value_or(fallback);
    if (v < 1 || v > most) {
        refuse_field(field, "range");
    }
    return v;
}

AddressNode address_from(const soci::row& row)
{
    AddressNode node{
        row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2), row.get<std::string>(3), {}};
    if (row.get_indicator(4) == soci::i_ok) {
        node.parent_id = row.get<std::string>(4);
    }
    return node;
}

NumberRecord number_record(soci::session& sql, const std::string& number)
{
    NumberRecord record;
    long long fee = 0;
    std::string until;
    soci::indicator until_ind = soci::i_null;
    sql << "SELECT number, exchange, status, fee_fen, reserved_until FROM numbers WHERE number = :n", soci::use(number),
        soci::into(record.number), soci::into(record.exchange), soci::into(record.status), soci::into(fee),
        soci::into(until, until_ind);
    if (!sql.got_data()) {
        refuse(ResultCode::no_resource, {{"number", number}});
    }
    record.fee = domain::Money::from_fen(fee);
    if (until_ind == soci::i_ok) {
        record.reserved_until = from_iso(until);
    }
    return record;
}

} // namespace

CatalogGetResponse handle(OpContext& ctx, const CatalogGetRequest& request)
{
    CatalogGetResponse response;
    long long version = 0;
    ctx.sql << "SELECT value FROM counters WHERE name = 'catalog'", soci::into(version);
    response.version = version;
    if (request.known_version && *request.known_version == version) {
        response.unchanged = true;
        return response;
    }
    // Only what may be sold today: Launched and inside its validity window (TMF620).
    const auto day = business_day(ctx.now);
    soci::rowset<soci::row> rows =
        (ctx.sql.prepare << "SELECT offering_id, name, kind, lifecycle_status, valid_from, valid_to, one_off_fen, "
                            "monthly_fen FROM offerings WHERE lifecycle_status = 'Launched' AND valid_from <= :d "
                            "AND (valid_to IS NULL OR valid_to >= :d2) ORDER BY kind, offering_id",
         soci::use(day), soci::use(day));
    for (const auto& row : rows) {
        Offering offering;
        offering.offering_id = row.get<std::string>(0);
        offering.name = row.get<std::string>(1);
        offering.kind = row.get<std::string>(2);
        offering.lifecycle_status = row.get<std::string>(3);
        offering.valid_from = *contract::parse_date(row.get<std::string>(4));
        if (row.get_indicator(5) == soci::i_ok) {
            offering.valid_to = contract::parse_date(row.get<std::string>(5));
        }
        offering.one_off_fee = domain::Money::from_fen(column_int(row, 6));
        offering.monthly_fee = domain::Money::from_fen(column_int(row, 7));
        response.offerings.push_back(std::move(offering));
    }
    for (auto& offering : response.offerings) {
        offering.attributes = offering_attributes(ctx.sql, offering.offering_id);
    }
    return response;
}

AddressSearchResponse handle(OpContext& ctx, const AddressSearchRequest& request)
{
    const auto limit = bounded(request.limit, 50, 500, "limit");
    AddressSearchResponse response;
    const char* columns = "SELECT address_id, level, name, full_name, parent_id FROM addresses ";
    if (request.text) {
        const auto pattern = contains_pattern(*request.text);
        soci::rowset<soci::row> rows =
            (ctx.sql.prepare << std::string(columns) + "WHERE level = 'building' AND full_name LIKE :p ESCAPE '\\' "
                                                       "ORDER BY address_id LIMIT :l",
             soci::use(pattern), soci::use(limit));
        for (const auto& row : rows) {
            response.addresses.push_back(address_from(row));
        }
    } else if (request.parent_id) {
        soci::rowset<soci::row> rows =
            (ctx.sql.prepare << std::string(columns) + "WHERE parent_id = :p ORDER BY address_id LIMIT :l",
             soci::use(*request.parent_id), soci::use(limit));
        for (const auto& row : rows) {
            response.addresses.push_back(address_from(row));
        }
    } else {
        soci::rowset<soci::row> rows =
            (ctx.sql.prepare << std::string(columns) + "WHERE level = 'province' ORDER BY address_id LIMIT :l",
             soci::use(limit));
        for (const auto& row : rows) {
            response.addresses.push_back(address_from(row));
        }
    }
    return response;
}

ResourceCheckResponse handle(OpContext& ctx, const ResourceCheckRequest& request)
{
    if (request.quantity < 1 || request.quantity > 100) {
        refuse_field("quantity", "range");
    }
    std::string level;
    std::string exchange;
    std::string parent;
    soci::indicator exchange_ind = soci::i_null;
    soci::indicator parent_ind = soci::i_null;
    long long total = 0;
    long long used = 0;
    ctx.sql << "SELECT level, exchange, parent_id, ports_total, ports_used FROM addresses WHERE address_id = :a",
        soci::use(request.address_id), soci::into(level), soci::into(exchange, exchange_ind),
        soci::into(parent, parent_ind), soci::into(total), soci::into(used);
    if (!ctx.sql.got_data()) {
        refuse(ResultCode::not_found, {{"addressId", request.address_id}});
    }
    if (level != "building") {
        refuse_field("addressId", "notBuilding"); // addresses are never typed: a resource lives at a building
    }
    ResourceCheckResponse response;
    response.free_ports = total - used;
    if (exchange_ind == soci::i_ok && !exchange.empty()) {
        response.exchange = exchange;
    }
    response.result = response.free_ports >= request.quantity ? "success"
                      : response.free_ports > 0               ? "partial"
                                                              : "fails";
    if (response.result != "success" && parent_ind == soci::i_ok) {
        // Alternatives: buildings on the same street with enough free ports, most free first (TMF673 alternates).
        const long long quantity = request.quantity; // bound by reference: must outlive the statement
        soci::rowset<soci::row> rows =
            (ctx.sql.prepare << "SELECT address_id, full_name, ports_total - ports_used FROM addresses "
                                "WHERE parent_id = :p AND address_id <> :a AND ports_total - ports_used >= :q "
                                "ORDER BY ports_total - ports_used DESC, address_id LIMIT 5",
             soci::use(parent), soci::use(request.address_id), soci::use(quantity));
        for (const auto& row : rows) {
            response.alternatives.push_back(
                {row.get<std::string>(0), row.get<std::string>(1), static_cast<std::int64_t>(column_int(row, 2))});
        }
    }
    return response;
}

NumberSearchResponse handle(OpContext& ctx, const NumberSearchRequest& request)
{
    const auto limit = bounded(request.limit, 20, 200, "limit");
    if (request.pattern && request.pattern->find_first_not_of("0123456789") != std::string::npos) {
        refuse_field("pattern", "digits");
    }
    const auto now = iso(ctx.now);
    const auto suffix = ends_with_pattern(request.pattern.value_or(""));
    const auto exchange = request.exchange.value_or("");
    // A reservation past its time counts as free: expiry needs no sweeper.
    soci::rowset<std::string> rows =
        (ctx.sql.prepare << "SELECT number FROM numbers WHERE (:e = '' OR exchange = :e2) AND number LIKE :p "
                            "ESCAPE '\\' AND (status = 'free' OR (status = 'reserved' AND reserved_until <= :n)) "
                            "ORDER BY number LIMIT :l",
         soci::use(exchange), soci::use(exchange), soci::use(suffix), soci::use(now), soci::use(limit));
    const std::vector<std::string> numbers(rows.begin(), rows.end());
    NumberSearchResponse response;
    for (const auto& number : numbers) {
        auto record = number_record(ctx.sql, number);
        record.status = "free";
        record.reserved_until.reset();
        response.numbers.push_back(std::move(record));
    }
    return response;
}

NumberReserveResponse handle(OpContext& ctx, const NumberReserveRequest& request)
{
    const auto now = iso(ctx.now);
    const auto until = iso(ctx.now + std::chrono::minutes{setting_int(ctx.sql, "reservation_minutes", 30)});
    // One statement decides: of two clerks reserving the same number, exactly one changes the row.
    soci::statement reserve =
        (ctx.sql.prepare << "UPDATE numbers SET status = 'reserved', reserved_by = :s, reserved_until = :u "
                            "WHERE number = :n AND (status = 'free' OR (status = 'reserved' AND "
                            "(reserved_until <= :now OR reserved_by = :s2)))",
         soci::use(ctx.caller.staff_id), soci::use(until), soci::use(request.number), soci::use(now),
         soci::use(ctx.caller.staff_id));
    reserve.execute(true);
    if (reserve.get_affected_rows() != 1) {
        const auto current = number_record(ctx.sql, request.number); // refuses no_resource for an unknown number
        refuse(ResultCode::number_taken, {{"number", request.number}, {"status", current.status}});
    }
    audit(ctx, "numberReserve", request.number);
    return {number_record(ctx.sql, request.number), ctx.now};
}

NumberReleaseResponse handle(OpContext& ctx, const NumberReleaseRequest& request)
{
    soci::statement release =
        (ctx.sql.prepare << "UPDATE numbers SET status = 'free', reserved_by = NULL, reserved_until = NULL "
                            "WHERE number = :n AND status = 'reserved' AND reserved_by = :s",
         soci::use(request.number), soci::use(ctx.caller.staff_id));
    release.execute(true);
    if (release.get_affected_rows() != 1) {
        const auto current = number_record(ctx.sql, request.number);
        refuse(ResultCode::number_taken, {{"number", request.number}, {"status", current.status}});
    }
    audit(ctx, "numberRelease", request.number);
    return {};
}

} // namespace backoffice
