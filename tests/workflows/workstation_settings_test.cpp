// 工作站设置 without a display: what is stored is read back as saved, each bad value is refused naming its field
// and writes nothing, offsets are normalised and erased per printer, and a hand-edited lock time cannot keep the
// screen from locking.

#include "client/store/database.h"
#include "client/store/settings.h"
#include "client/workflows/admin/workstation_settings.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <fstream>

using workflows::SettingsDesk;
using workflows::SettingsField;
using workflows::WorkstationSettings;

namespace {

struct Station
{
    testing::TempDir dir{"counter-settings"};
    std::filesystem::path cache = dir.path() / "cache.db";
    workflows::Desk desk{services()};

    workflows::DeskServices services() const
    {
        workflows::DeskServices services;
        services.open_cache = [cache = cache] { return store::open_database(cache); };
        services.default_area_code = "0755";
        return services;
    }

    std::filesystem::path file(const std::string& name)
    {
        const auto path = dir.path() / name;
        std::ofstream(path) << "-----BEGIN CERTIFICATE-----\n";
        return path;
    }
};

WorkstationSettings filled(Station& station)
{
    WorkstationSettings settings;
    settings.url = "https://bss.example.cn/bss/v1/";
    settings.ca_file = station.file("ca.pem").string();
    settings.client_cert = station.file("ws.pem").string();
    settings.client_key = station.file("ws.key").string();
    settings.reader = "sdk:libsdtapi.so@1";
    settings.language = "zh_CN";
    settings.hall_name = "福田营业厅";
    settings.area_code = "0755";
    settings.lock_minutes = 15;
    settings.printer = "EPSON LQ-630K";
    settings.offsets = {{"acceptance", "1.5,-0.8"}, {"receipt", "0,2"}};
    return settings;
}

} // namespace

TEST_CASE("workstation settings are saved together and read back", "[workflows][settings]")
{
    Station station;
    SettingsDesk desk(station.desk);
    const auto fresh = desk.load();
    CHECK(fresh.url.empty());
    CHECK(fresh.lock_minutes == store::Settings::kDefaultLockMinutes);
    CHECK(desk.hall_area_code() == "0755"); // nothing stored: the workstation's default

    auto settings = filled(station);
    REQUIRE_FALSE(desk.save(settings));
    auto loaded = desk.load();
    settings.offsets["acceptance"] = "1.5,-0.8"; // already in the normal form
    settings.offsets["receipt"] = loaded.offsets["receipt"];
    CHECK(loaded == settings);
    CHECK(desk.hall_area_code() == "0755");
    CHECK(desk.printer_offsets("acceptance").x_mm == Approx(1.5));

    SECTION("an emptied offset is erased for that printer only")
    {
        settings.offsets.erase("receipt");
        REQUIRE_FALSE(desk.save(settings));
        CHECK(desk.load().offsets.count("receipt") == 0);
        CHECK(desk.load().offsets.at("acceptance") == loaded.offsets.at("acceptance"));
    }
    SECTION("another printer has offsets of its own")
    {
        settings.printer = "OKI 5860SP";
        settings.offsets.clear();
        REQUIRE_FALSE(desk.save(settings));
        CHECK(desk.load().offsets.empty());
        CHECK(desk.printer_offsets("acceptance").x_mm == Approx(0));
    }
}

TEST_CASE("a bad setting is refused naming its field, and nothing is written", "[workflows][settings]")
{
    Station station;
    SettingsDesk desk(station.desk);
    const auto good = filled(station);
    REQUIRE_FALSE(desk.save(good));

    struct Row
    {
        const char* what;
        std::function<void(WorkstationSettings&)> spoil;
        SettingsField field;
        std::string code;
    };
    const std::vector<Row> rows{
        {"plain http", [](auto& s) { s.url = "http://bss.example.cn/"; }, SettingsField::url, "E_URL_INSECURE"},
        {"not a URL", [](auto& s) { s.url = "bss example"; }, SettingsField::url, ""},
        {"credentials in the URL", [](auto& s) { s.url = "https://u:p@bss.example.cn/"; }, SettingsField::url,
         "E_URL_CREDENTIALS"},
        {"missing CA file", [](auto& s) { s.ca_file = "/nonexistent/ca.pem"; }, SettingsField::ca_file, "E_NO_FILE"},
        {"a folder as the key", [&station](auto& s) { s.client_key = station.dir.path().string(); },
         SettingsField::client_key, "E_NO_FILE"},
        {"certificate without key", [](auto& s) { s.client_key.clear(); }, SettingsField::client_cert, "E_CERT_PAIR"},
        {"key without certificate", [](auto& s) { s.client_cert.clear(); }, SettingsField::client_cert, "E_CERT_PAIR"},
        {"reader port out of range", [](auto& s) { s.reader = "sdk:libsdtapi.so@17"; }, SettingsField::reader,
         "E_READER_ADDRESS"},
        {"sdk without library", [](auto& s) { s.reader = "sdk:"; }, SettingsField::reader, "E_READER_ADDRESS"},
        {"not an area code", [](auto& s) { s.area_code = "0211"; }, SettingsField::area_code, "E_AREA_CODE"},
        {"short area code", [](auto& s) { s.area_code = "075"; }, SettingsField::area_code, "E_AREA_CODE"},
        {"offsets not numbers", [](auto& s) { s.offsets["receipt"] = "left"; }, SettingsField::offsets,
         "E_OFFSET_FORMAT"},
        {"offsets too far", [](auto& s) { s.offsets["receipt"] = "31,0"; }, SettingsField::offsets, "E_OFFSET_RANGE"},
    };
    for (const auto& row : rows) {
        INFO(row.what);
        auto spoiled = good;
        spoiled.hall_name = "改过的名字"; // would be written if anything were
        row.spoil(spoiled);
        const auto refused = desk.save(spoiled);
        REQUIRE(refused);
        CHECK(refused->field == row.field);
        if (!row.code.empty()) {
            CHECK(refused->code == row.code);
        }
        if (row.field == SettingsField::offsets) {
            CHECK(refused->param("form") == "receipt");
        }
        CHECK(desk.load() == good);
    }
}

TEST_CASE("a hand-edited lock time never keeps the screen from locking", "[workflows][settings]")
{
    Station station;
    auto& sql = station.desk.settings();
    store::Settings settings(sql);
    for (const auto& [stored, minutes] : std::vector<std::pair<std::string, int>>{
             {"5", 5}, {"0", 1}, {"-3", 1}, {"999", 240}, {"abc", 10}, {"12abc", 10}, {"", 10}}) {
        INFO(stored);
        settings.set("ui.lock_minutes", stored);
        CHECK(settings.lock_minutes() == minutes);
        CHECK(SettingsDesk(station.desk).load().lock_minutes == minutes);
    }
}
