// The desktop's folders: an older workstation's single folder (~/.counter) moves to the XDG data folder on the first
// start, its settings to the config folder, and nothing is lost — the queued writes stay in the cache, the archive
// stays, and the workstation keeps its id (every idempotency key carries it). A second start changes nothing.

#include "client/store/database.h"
#include "client/store/settings.h"
#include "client/workflows/workstation/workstation.h"
#include "client/workflows/workstation/workstation_folders.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <fstream>

using workflows::adopt_legacy_folder;
using workflows::LegacyMove;
using workflows::WorkstationFolders;

namespace {

/// An older workstation's folder: its cache with settings and a workstation id, and an archived form.
std::string make_legacy(const std::filesystem::path& legacy)
{
    std::filesystem::create_directories(legacy / "archive");
    std::ofstream(legacy / "archive" / "acceptance-L1.pdf") << "%PDF-1.5 archived";
    auto sql = store::open_database(legacy / "cache.db");
    store::Settings settings(*sql);
    settings.set_back_office_url("https://bss.example.cn/bss/v1/");
    settings.set_printer("EPSON LQ-630K");
    return settings.workstation_id();
}

} // namespace

TEST_CASE("an older workstation's folder moves to the XDG folders on the first start, losing nothing",
          "[workflows][folders]")
{
    testing::TempDir home("counter-home");
    const auto legacy = home.path() / ".counter";
    const WorkstationFolders folders{home.path() / ".local/share/counter", home.path() / ".config/counter"};
    const auto id = make_legacy(legacy);

    CHECK(adopt_legacy_folder(legacy, folders) == LegacyMove::moved);
    CHECK_FALSE(std::filesystem::exists(legacy));
    CHECK(std::filesystem::exists(folders.data / "archive" / "acceptance-L1.pdf"));
    {
        workflows::Workstation station(folders.data, folders.config);
        CHECK(std::filesystem::exists(folders.config / "settings.db"));
        REQUIRE(station.configured_link());
        CHECK(station.configured_link()->url == "https://bss.example.cn/bss/v1/");
        CHECK(station.desk_services().workstation_id == id);
    }
    // The second start finds nothing to move and keeps what it has.
    CHECK(adopt_legacy_folder(legacy, folders) == LegacyMove::none);
    workflows::Workstation again(folders.data, folders.config);
    CHECK(again.desk_services().workstation_id == id);
}

TEST_CASE("a data folder that already holds a cache is never overwritten by an old folder", "[workflows][folders]")
{
    testing::TempDir home("counter-home");
    const auto legacy = home.path() / ".counter";
    const WorkstationFolders folders{home.path() / "data", home.path() / "config"};
    make_legacy(legacy);
    std::string current_id;
    {
        workflows::Workstation current(folders.data, folders.config);
        current_id = current.desk_services().workstation_id;
    }
    CHECK(adopt_legacy_folder(legacy, folders) == LegacyMove::none);
    CHECK(std::filesystem::exists(legacy / "cache.db")); // left alone for IT
    workflows::Workstation station(folders.data, folders.config);
    CHECK(station.desk_services().workstation_id == current_id);
    CHECK_FALSE(station.configured_link()); // the old folder's settings were not mixed in
}

TEST_CASE("an empty data folder does not stop the move, and a fresh start has nothing to move", "[workflows][folders]")
{
    testing::TempDir home("counter-home");
    const WorkstationFolders folders{home.path() / "data", home.path() / "config"};
    CHECK(adopt_legacy_folder(home.path() / ".counter", folders) == LegacyMove::none);

    const auto legacy = home.path() / ".counter";
    const auto id = make_legacy(legacy);
    std::filesystem::create_directories(folders.data);
    CHECK(adopt_legacy_folder(legacy, folders) == LegacyMove::moved);
    workflows::Workstation station(folders.data, folders.config);
    CHECK(station.desk_services().workstation_id == id);
}
