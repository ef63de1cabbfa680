// Printing at the counter without a printer: the archive copy, the audit of prints and reprints, and the
// calibration offsets kept in the workstation's settings.

#include "client/store/audit_log.h"
#include "client/store/database.h"
#include "client/store/settings.h"
#include "client/workflows/forms/print_desk.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

namespace {

const std::filesystem::path kForms = COUNTER_FORMS_DIR;

printing::FormData sample(const std::string& form)
{
    const auto file = kForms / "samples" / (form + ".xml");
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = printing::parse_form_data(text.str(), file.string());
    REQUIRE(printing::error_of(parsed) == nullptr);
    return std::get<printing::FormData>(std::move(parsed));
}

} // namespace

TEST_CASE("a printed form is archived under its order number and logged, a reprint as 补打", "[workflows][print]")
{
    testing::TempDir dir("counter-print");
    auto sql = store::open_database(dir.path() / "cache.db");
    workflows::PrintDesk desk(*sql, kForms, dir.path() / "archive", "1001");

    auto first = desk.prepare("acceptance", sample("acceptance"));
    REQUIRE(printing::error_of(first) == nullptr);
    const auto& printed = std::get<workflows::PreparedForm>(first);
    CHECK(std::filesystem::exists(printed.archive));
    CHECK(printed.archive.filename().string().find(printed.layout.order_number) == 0);

    auto again = desk.prepare("acceptance", sample("acceptance"), {.reprint = true});
    REQUIRE(printing::error_of(again) == nullptr);
    const auto& reprinted = std::get<workflows::PreparedForm>(again);
    CHECK(reprinted.archive != printed.archive); // the first copy is never overwritten
    CHECK(std::filesystem::exists(reprinted.archive));

    auto unmasked = desk.prepare("receipt", sample("receipt"), {.reprint = false, .mask_personal_data = false});
    REQUIRE(printing::error_of(unmasked) == nullptr);

    const auto log = store::AuditLog(*sql).recent("", 10);
    REQUIRE(log.size() == 4);
    CHECK(log[3].action == "print.form");
    CHECK(log[3].subject == printed.layout.order_number);
    CHECK(log[2].action == "print.reprint");
    CHECK(log[1].action == "print.form");
    CHECK(log[0].action == "print.unmasked");
    CHECK(log[0].staff == "1001");
}

TEST_CASE("a form that cannot be laid out is refused and nothing is archived or logged", "[workflows][print]")
{
    testing::TempDir dir("counter-print");
    auto sql = store::open_database(dir.path() / "cache.db");
    workflows::PrintDesk desk(*sql, kForms, dir.path() / "archive", "1001");
    auto missing = desk.prepare("no_such_form", sample("acceptance"));
    REQUIRE(printing::error_of(missing) != nullptr);
    CHECK(printing::error_of(missing)->code == "E_FILE_READ");
    CHECK_FALSE(std::filesystem::exists(dir.path() / "archive"));
    CHECK(store::AuditLog(*sql).recent("", 10).empty());
}

TEST_CASE("calibration offsets are kept per printer and form in the workstation's settings", "[workflows][print]")
{
    testing::TempDir dir("counter-print");
    auto sql = store::open_database(dir.path() / "cache.db");
    workflows::PrintDesk desk(*sql, kForms, dir.path() / "archive", "2001");
    CHECK(desk.offsets("EPSON LQ-1900K", "receipt") == printing::Offsets{});
    CHECK_FALSE(desk.save_offsets("EPSON LQ-1900K", "receipt", {1.5, -0.8}));
    CHECK(desk.offsets("EPSON LQ-1900K", "receipt") == printing::Offsets{1.5, -0.8});
    CHECK(desk.offsets("EPSON LQ-1900K", "acceptance") == printing::Offsets{}); // per form
    CHECK(desk.offsets("HP LaserJet", "receipt") == printing::Offsets{});       // per printer

    const auto refused = desk.save_offsets("EPSON LQ-1900K", "receipt", {45, 0});
    REQUIRE(refused);
    CHECK(refused->code == "E_OFFSET_RANGE");
    CHECK(desk.offsets("EPSON LQ-1900K", "receipt") == printing::Offsets{1.5, -0.8}); // unchanged

    // A value spoilt by hand prints uncalibrated rather than not at all.
    store::Settings(*sql).set(printing::offset_setting_key("EPSON LQ-1900K", "receipt"), "left a bit");
    CHECK(desk.offsets("EPSON LQ-1900K", "receipt") == printing::Offsets{});
}
