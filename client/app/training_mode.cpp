#include "client/app/training_mode.h"

#include "client/workflows/workstation/local_clock.h"
#include "idcard/sample_cards.h"

#include <chrono>

namespace app {

TrainingMode::TrainingMode(std::filesystem::path dir) : m_dir(std::move(dir)) {}

TrainingMode::~TrainingMode()
{
    if (m_back_office) {
        m_back_office->stop();
    }
    m_pty.reset();
}

ui::TrainingLogin TrainingMode::login()
{
    // The first demo clerk: a counter clerk's permissions, a password that never needs changing.
    const auto& demo = backoffice::kDemoLogins.front();
    return {std::string(demo.staff_id), std::string(demo.password)};
}

ui::BackOfficeLink TrainingMode::start_back_office()
{
    m_back_office =
        std::make_unique<backoffice::EmbeddedBackoffice>(backoffice::EmbeddedOptions::training(m_dir / "backoffice"));
    ui::BackOfficeLink link;
    link.url = m_back_office->url();
    link.ca_file = m_back_office->ca_file();
    return link;
}

std::optional<std::string> TrainingMode::start_reader()
{
    m_cards = std::make_unique<idcard::CardSimulator>(idcard::sample_deck(workflows::local_today()));
    // About what a real reader takes, so the trainee sees the same pauses as at a real counter.
    m_cards->read_delay = std::chrono::milliseconds(1100);
    m_pty = idcard::PtySimulator::start(*m_cards);
    if (!m_pty) {
        return std::nullopt;
    }
    return m_pty->device_path();
}

} // namespace app
