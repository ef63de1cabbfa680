#pragma once
/// Training mode (培训模式): what the workstation runs when no back office is configured. The reference back office
/// in this process on a loopback port over real HTTPS, with demo data in its own folder, and the simulated ID-card
/// reader behind a real pseudo-terminal. Same code paths as production; nothing is mocked.

#include "client/ui/shell/session.h"
#include "idcard/card_simulator.h"
#include "idcard/pty_simulator.h"
#include "services/backoffice/embedded.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace app {

class TrainingMode
{
public:
    /// Uses `dir` (<user data>/training) for the back office's database and certificate and the training cache.
    explicit TrainingMode(std::filesystem::path dir);
    /// Stops the back office, then the reader simulator.
    ~TrainingMode();
    TrainingMode(const TrainingMode&) = delete;
    TrainingMode& operator=(const TrainingMode&) = delete;

    [[nodiscard]] const std::filesystem::path& dir() const { return m_dir; }
    /// The demo login shown to the trainee.
    [[nodiscard]] static ui::TrainingLogin login();

    /// Starts the back office (seconds on a first start: demo data and a certificate are made). Call off the UI
    /// thread, once; throws what the back office throws.
    ui::BackOfficeLink start_back_office();

    /// Starts the simulated reader; its device path, or nothing when the system has no pseudo-terminal left.
    std::optional<std::string> start_reader();
    /// The simulated reader, to place and remove sample cards.
    [[nodiscard]] idcard::CardSimulator& cards() { return *m_cards; }

private:
    std::filesystem::path m_dir;
    std::unique_ptr<backoffice::EmbeddedBackoffice> m_back_office;
    std::unique_ptr<idcard::CardSimulator> m_cards;
    std::unique_ptr<idcard::PtySimulator> m_pty;
};

} // namespace app
