#pragma once
/// The simulated installer (装维): without a real dispatch system, it takes accepted orders into work after
/// `delay` and completes them after another `delay`, as a field team would report back. Training mode and
/// small operators use it; with delay 0 it is off and a supervisor completes work orders by hand.

#include "services/backoffice/router.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace backoffice {

class SimulatedInstaller
{
public:
    SimulatedInstaller(Router& router, std::chrono::seconds delay);
    ~SimulatedInstaller();
    SimulatedInstaller(const SimulatedInstaller&) = delete;
    SimulatedInstaller& operator=(const SimulatedInstaller&) = delete;

private:
    void run();

    Router& m_router;
    std::chrono::seconds m_delay;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace backoffice
