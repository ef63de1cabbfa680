#include "services/backoffice/router.h"

#include "services/backoffice/handlers.h"
#include "services/backoffice/permissions.h"
#include "services/backoffice/sql_util.h"
#include "services/contract/message_codec.h"

#include <boost/asio/post.hpp>
#include <future>
#include <iostream>
#include <sodium.h>

namespace backoffice {

using contract::ResultCode;

unsigned http_status(ResultCode code)
{
    switch (code) {
    case ResultCode::ok:
        return 200;
    case ResultCode::validation:
        return 400;
    case ResultCode::session:
        return 401;
    case ResultCode::permission:
        return 403;
    case ResultCode::not_found:
        return 404;
    case ResultCode::idempotency:
    case ResultCode::number_taken:
        return 409;
    case ResultCode::internal:
        return 500;
    default:
        return 422; // a business rule said no: the request was understood and is refused
    }
}

namespace {

http::Response fault_response(const contract::Fault& fault)
{
    http::Response response;
    response.status = http_status(fault.code);
    response.body = contract::encode_fault(fault);
    return response;
}

http::Response fault_response(ResultCode code, std::vector<std::pair<std::string, std::string>> params = {})
{
    return fault_response(contract::Fault{code, std::move(params)});
}

Outcome fault_outcome(const contract::Fault& fault, bool keep)
{
    return Outcome{http_status(fault.code), contract::encode_fault(fault), keep};
}

std::string header(const http::Request& request, const std::string& name)
{
    const auto found = request.headers.find(name);
    return found == request.headers.end() ? std::string() : found->second;
}

std::string body_hash(std::string_view operation, std::string_view body)
{
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, 32);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(operation.data()), operation.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(body.data()), body.size());
    unsigned char digest[32];
    crypto_generichash_final(&state, digest, sizeof digest);
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

/// An Idempotency-Key is the client's own id for one write: printable ASCII, 1 to 64 characters.
bool valid_key(const std::string& key)
{
    return !key.empty() && key.size() <= 64 &&
           std::all_of(key.begin(), key.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

template <typename Request>
constexpr bool kUsesWriter = Request::kWrite || std::is_same_v<Request, contract::LoginRequest> ||
                             std::is_same_v<Request, contract::LogoutRequest>;

std::vector<std::pair<std::string, std::string>> decode_params(const contract::DecodeError& error)
{
    if (error.reason == "field") {
        return {{"field", error.field}, {"reason", error.detail}};
    }
    return {{"field", "body"}, {"reason", error.reason}, {"detail", error.detail}};
}

} // namespace

Router::Router(db::Database& database, RouterOptions options)
    : m_db(database), m_options(std::move(options)), m_hasher(m_options.password_cost), m_work(m_options.work_threads)
{
    if (sodium_init() < 0) {
        throw std::runtime_error("libsodium could not initialise");
    }
    m_statements = std::make_unique<db::StatementCache>(m_db.writer());
    m_writes = std::make_unique<WriteQueue>(m_db.writer(), [](const std::string& why) {
        std::cerr << "backoffice: write failed: " << why << "\n";
        return Outcome{500, contract::encode_fault({ResultCode::internal, {}}), false};
    });
    contract::for_each_operation([this](auto request) {
        using Request = decltype(request);
        m_routes.emplace(Request::kOperation, [](Router& router, Call& call) { router.serve<Request>(call); });
    });
}

Router::~Router()
{
    stop();
}

void Router::stop()
{
    m_work.join();
    m_writes->stop();
}

void Router::run_as_system(const std::string& who, const std::function<void(OpContext&)>& work)
{
    Caller system;
    system.staff_id = who;
    system.name = who;
    system.hall_id = "H00";
    system.permissions = {"workorder.complete"};
    const Prepared prepared;
    std::promise<void> done;
    auto finished = done.get_future();
    m_writes->submit(
        [&, at = now()](soci::session& sql) {
            OpContext ctx{sql, system, at, {}, prepared, m_statements.get()};
            work(ctx);
            return Outcome{};
        },
        [&done](const Outcome&) { done.set_value(); });
    finished.wait();
}

contract::Timestamp Router::now() const
{
    return m_options.clock ? m_options.clock()
                           : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

void Router::handle(http::Request request, http::Reply reply)
{
    const std::string_view target = request.target;
    const auto prefix = contract::kPathPrefix;
    const auto route =
        target.starts_with(prefix) ? m_routes.find(std::string(target.substr(prefix.size()))) : m_routes.end();
    if (route == m_routes.end()) {
        auto response = fault_response(ResultCode::not_found, {{"operation", request.target}});
        response.status = 404;
        reply(std::move(response));
        return;
    }
    if (request.method != "POST") {
        auto response = fault_response(ResultCode::validation, {{"field", "method"}, {"reason", "postOnly"}});
        response.status = 405;
        response.headers.emplace_back("Allow", "POST");
        reply(std::move(response));
        return;
    }
    if (!header(request, "content-type").starts_with("application/xml")) {
        auto response = fault_response(ResultCode::validation, {{"field", "Content-Type"}, {"reason", "xmlOnly"}});
        response.status = 415;
        reply(std::move(response));
        return;
    }
    auto call = std::make_shared<Call>(Call{std::move(request), std::move(reply)});
    boost::asio::post(m_work, [this, call, serve = route->second] { serve(*this, *call); });
}

template <typename Request> void Router::serve(Call& call)
{
    try {
        soci::session reader(m_db.pool());
        const auto at = now();
        Caller caller;
        const auto source = peer_address(call.request.remote);
        if constexpr (std::is_same_v<Request, contract::LoginRequest>) {
            const auto per_minute = static_cast<double>(setting_int(reader, "login_rate_per_minute", 60));
            if (const auto wait = m_logins.take(source, per_minute, LoginRateLimit::Clock::now())) {
                // Before the body is read or any password hashed: a flood costs this process next to nothing.
                auto response = fault_response(
                    ResultCode::session, {{"reason", "throttled"}, {"retryAfter", std::to_string(wait->count())}});
                response.status = 429;
                response.headers.emplace_back("Retry-After", std::to_string(wait->count()));
                call.reply(std::move(response));
                return;
            }
        } else {
            const auto authorization = header(call.request, "authorization");
            std::optional<Caller> found;
            if (authorization.starts_with("Bearer ")) {
                const auto token = authorization.substr(7);
                found = m_callers.find(token);
                if (!found) {
                    const auto generation = m_callers.generation();
                    found = find_caller(reader, token, at);
                    if (found) {
                        m_callers.put(token, *found, generation);
                    }
                }
            }
            if (!found) {
                call.reply(fault_response(ResultCode::session, {{"reason", "expired"}}));
                return;
            }
            caller = *found;
            // A first or reset password is a one-time secret: until it is changed, it opens nothing else.
            constexpr bool kAllowedBeforeChange = std::is_same_v<Request, contract::ChangePasswordRequest> ||
                                                  std::is_same_v<Request, contract::LogoutRequest>;
            if (caller.must_change_password && !kAllowedBeforeChange) {
                call.reply(fault_response(ResultCode::permission, {{"reason", "mustChangePassword"}}));
                return;
            }
            const auto permission = std::string(required_permission(Request::kOperation).value_or("admin.roles"));
            // A clerk who takes payments may ask for a refund that a supervisor approves in the same request (see
            // refundCreate); anyone else is refused here, before the body is read.
            const bool approval_possible =
                std::is_same_v<Request, contract::RefundCreateRequest> && caller.may("payment.take");
            if (!caller.may(permission) && !approval_possible) {
                call.reply(fault_response(ResultCode::permission, {{"permission", permission}}));
                return;
            }
        }
        // The body is read only for a caller allowed to send it.
        auto decoded = contract::decode_request<Request>(call.request.body);
        if (const auto* error = std::get_if<contract::DecodeError>(&decoded)) {
            call.reply(fault_response(ResultCode::validation, decode_params(*error)));
            return;
        }
        auto message = std::get<Request>(std::move(decoded));
        const auto key = header(call.request, "idempotency-key");
        if (Request::kWrite && !valid_key(key)) {
            call.reply(fault_response(ResultCode::validation,
                                      {{"field", "Idempotency-Key"}, {"reason", key.empty() ? "missing" : "invalid"}}));
            return;
        }
        auto prepared = prepare(reader, caller, message, m_hasher);
        prepared.source = source;

        if constexpr (!kUsesWriter<Request>) {
            OpContext ctx{reader, caller, at, {}, prepared, nullptr};
            try {
                call.reply({200,
                            "application/xml; charset=utf-8",
                            contract::encode_response(backoffice::handle(ctx, message)),
                            {}});
            } catch (const Refusal& refusal) {
                call.reply(fault_response(refusal.fault()));
            }
        } else {
            const auto hash = Request::kWrite ? body_hash(Request::kOperation, call.request.body) : std::string();
            auto job = [message = std::move(message), caller, at, key, hash, prepared,
                        statements = m_statements.get()](soci::session& sql) {
                OpContext ctx{sql, caller, at, key, prepared, statements};
                if constexpr (Request::kWrite) {
                    const auto first = query_one<std::string, std::string>(
                        ctx, "SELECT request_hash, response FROM idempotency WHERE staff_id = :s AND idem_key = :k",
                        caller.staff_id, key);
                    if (first) {
                        // A repeat gets the first answer; the same key with another body is a client bug.
                        return std::get<0>(*first) == hash
                                   ? Outcome{200, std::get<1>(*first), true}
                                   : fault_outcome({ResultCode::idempotency, {{"key", key}}}, false);
                    }
                }
                try {
                    auto body = contract::encode_response(backoffice::handle(ctx, message));
                    if constexpr (Request::kWrite) {
                        exec(ctx,
                             "INSERT INTO idempotency (staff_id, idem_key, operation, request_hash, response, "
                             "created_at) VALUES (:s, :k, :o, :h, :r, :c)",
                             caller.staff_id, key, std::string(Request::kOperation), hash, body,
                             contract::format_timestamp(at));
                    }
                    return Outcome{200, std::move(body), true};
                } catch (const Refusal& refusal) {
                    return fault_outcome(refusal.fault(), refusal.keep_changes());
                }
            };
            constexpr bool kChangesCallers = std::is_same_v<Request, contract::LogoutRequest> ||
                                             std::is_same_v<Request, contract::ChangePasswordRequest> ||
                                             std::is_same_v<Request, contract::StaffSaveRequest> ||
                                             std::is_same_v<Request, contract::StaffDeleteRequest> ||
                                             std::is_same_v<Request, contract::RoleSaveRequest> ||
                                             std::is_same_v<Request, contract::RoleDeleteRequest>;
            if constexpr (kChangesCallers) {
                m_writes->submit(std::move(job), [this, reply = call.reply](Outcome outcome) {
                    // Committed: the next request of anyone looks its session up again.
                    m_callers.clear();
                    reply({outcome.status, "application/xml; charset=utf-8", std::move(outcome.body), {}});
                });
            } else {
                m_writes->submit(std::move(job), [reply = call.reply](Outcome outcome) {
                    reply({outcome.status, "application/xml; charset=utf-8", std::move(outcome.body), {}});
                });
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "backoffice: " << Request::kOperation << ": " << e.what() << "\n";
        call.reply(fault_response(ResultCode::internal));
    }
}

} // namespace backoffice
