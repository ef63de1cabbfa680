#include "services/backoffice/installer.h"

#include "services/backoffice/handlers.h"
#include "services/backoffice/sql_util.h"

#include <iostream>

namespace backoffice {

namespace {

/// Moves every order that waited `delay` in `from` one step on, each in its own savepoint-free try: one order that
/// cannot move (e.g. it was cancelled meanwhile) does not hold up the others.
void advance(OpContext& ctx, const std::string& from, const std::string& to, const std::string& reason,
             std::chrono::seconds delay)
{
    const auto before = iso(ctx.now - delay);
    soci::rowset<std::string> rows =
        (ctx.sql.prepare << "SELECT o.order_id FROM orders o WHERE o.state = :s AND (SELECT MAX(e.at) FROM "
                            "order_events e WHERE e.order_id = o.order_id) <= :b ORDER BY o.order_id LIMIT 200",
         soci::use(from), soci::use(before));
    const std::vector<std::string> ids(rows.begin(), rows.end());
    for (const auto& id : ids) {
        try {
            handle(ctx, contract::WorkOrderCompleteRequest{id, to, reason});
        } catch (const Refusal& refusal) {
            std::cerr << "backoffice: installer left " << id << ": " << refusal.what() << "\n";
        }
    }
}

} // namespace

SimulatedInstaller::SimulatedInstaller(Router& router, std::chrono::seconds delay)
    : m_router(router), m_delay(delay), m_thread([this] { run(); })
{
}

SimulatedInstaller::~SimulatedInstaller()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void SimulatedInstaller::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, std::chrono::seconds(1), [this] { return m_stopping; })) {
        lock.unlock();
        m_router.run_as_system("installer", [this](OpContext& ctx) {
            advance(ctx, "inProgress", "completed", "竣工（模拟装维）", m_delay);
            advance(ctx, "acknowledged", "inProgress", "派单（模拟装维）", m_delay);
        });
        lock.lock();
    }
}

} // namespace backoffice
