#pragma once
/// The contract's HTTP face: POST /bss/v1/<operation> with an XML body. For each request it decodes the message,
/// checks the session and the permission, runs the handler on a work thread (reads on a pooled connection, writes
/// through the group-commit queue with their Idempotency-Key), and answers with the response or the fault. The io
/// threads never wait for the database or for a password hash.

#include "services/backoffice/caller_cache.h"
#include "services/backoffice/db/database.h"
#include "services/backoffice/db/statement_cache.h"
#include "services/backoffice/http/http_server.h"
#include "services/backoffice/login_rate_limit.h"
#include "services/backoffice/op_context.h"
#include "services/backoffice/password_hasher.h"
#include "services/backoffice/write_queue.h"
#include "services/contract/field_types.h"
#include "services/contract/result_code.h"

#include <boost/asio/thread_pool.hpp>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

namespace backoffice {

struct RouterOptions
{
    unsigned work_threads = 2;
    PasswordHasher::Cost password_cost = PasswordHasher::interactive();
    /// The back office's idea of now (tests move it, e.g. to a month's closing days).
    std::function<contract::Timestamp()> clock;
};

class Router
{
public:
    Router(db::Database& database, RouterOptions options);
    ~Router();
    Router(const Router&) = delete;
    Router& operator=(const Router&) = delete;

    /// The HttpServer handler.
    void handle(http::Request request, http::Reply reply);

    /// Finishes queued writes and stops the work threads (after the HTTP server stopped taking requests).
    void stop();

    [[nodiscard]] const WriteQueue& writes() const { return *m_writes; }

    /// Runs `work` as the back office itself (staff id `who`, may complete work orders) in the write queue, and
    /// waits for it to be committed.
    void run_as_system(const std::string& who, const std::function<void(OpContext&)>& work);

private:
    struct Call
    {
        http::Request request;
        http::Reply reply;
    };
    using Route = std::function<void(Router&, Call&)>;

    template <typename Request> void serve(Call& call);
    [[nodiscard]] contract::Timestamp now() const;

    db::Database& m_db;
    RouterOptions m_options;
    PasswordHasher m_hasher;
    std::unique_ptr<db::StatementCache> m_statements; ///< the writer's; used only on the writer thread
    std::unique_ptr<WriteQueue> m_writes;
    CallerCache m_callers;
    LoginRateLimit m_logins;
    boost::asio::thread_pool m_work;
    std::unordered_map<std::string, Route> m_routes;
};

/// The HTTP status that goes with a fault's code (the body always carries the code itself).
unsigned http_status(contract::ResultCode code);

} // namespace backoffice
