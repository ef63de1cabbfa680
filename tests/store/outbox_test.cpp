#include "client/store/database.h"
#include "client/store/outbox.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <soci/soci.h>

using namespace std::chrono_literals;

namespace {

const store::UtcTime kNow = std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} + 2h;

store::NewWrite write(const std::string& key, const std::string& subject, const std::string& staff = "1001")
{
    return {key, "orderSubmit", "<orderSubmitRequest/>", subject, staff};
}

std::vector<std::string> keys(const std::vector<store::OutboxItem>& items)
{
    std::vector<std::string> out;
    for (const auto& item : items) {
        out.push_back(item.idem_key);
    }
    return out;
}

} // namespace

TEST_CASE("the outbox hands out the oldest write of each subject, one per subject", "[store][outbox]")
{
    testing::TempDir dir("counter-outbox");
    auto db = store::open_database(dir.path() / "cache.db");
    store::Outbox outbox(*db);
    outbox.add(write("k1", "order:A"), kNow);
    outbox.add(write("k2", "order:B"), kNow);
    outbox.add(write("k3", "order:A"), kNow);         // waits for k1
    outbox.add(write("k4", "order:C", "1002"), kNow); // another clerk's

    CHECK(keys(outbox.due("1001", kNow, 10)) == std::vector<std::string>{"k1", "k2"});
    CHECK(keys(outbox.due("1001", kNow, 1)) == std::vector<std::string>{"k1"});
    CHECK(keys(outbox.due("1002", kNow, 10)) == std::vector<std::string>{"k4"});
    CHECK(outbox.pending_count() == 4);

    const auto k1 = outbox.find_by_key("k1");
    REQUIRE(k1);
    CHECK(outbox.mark_done(k1->id, "<answer/>"));
    CHECK(keys(outbox.due("1001", kNow, 10)) == std::vector<std::string>{"k2", "k3"});
    CHECK(outbox.find(k1->id)->state == "done");
    CHECK(outbox.pending_count() == 3);
}

TEST_CASE("a write waiting to be retried holds back its subject only, and keeps its key", "[store][outbox]")
{
    testing::TempDir dir("counter-outbox");
    auto db = store::open_database(dir.path() / "cache.db");
    store::Outbox outbox(*db);
    const auto first = outbox.add(write("k1", "order:A"), kNow);
    outbox.add(write("k2", "order:A"), kNow);
    outbox.add(write("k3", "order:B"), kNow);

    outbox.mark_retry(first, "E_TIMEOUT", kNow + 30s);
    CHECK(keys(outbox.due("1001", kNow, 10)) == std::vector<std::string>{"k3"});
    CHECK(keys(outbox.due("1001", kNow + 30s, 10)) == std::vector<std::string>{"k1", "k3"});
    const auto item = outbox.find(first);
    CHECK(item->attempts == 1);
    CHECK(item->last_error == "E_TIMEOUT");
    CHECK(item->idem_key == "k1");
}

TEST_CASE("a refused write goes to the sync error queue: retry uses a new key, discard ends it", "[store][outbox]")
{
    testing::TempDir dir("counter-outbox");
    auto db = store::open_database(dir.path() / "cache.db");
    store::Outbox outbox(*db);
    const auto id = outbox.add(write("k1", "order:A"), kNow);
    outbox.add(write("k2", "order:A"), kNow);
    const auto error_id = outbox.mark_rejected(id, "E_NUMBER_TAKEN", "number=075512345678", kNow);
    REQUIRE(error_id);

    auto errors = outbox.open_errors();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == "E_NUMBER_TAKEN");
    CHECK(errors[0].params == "number=075512345678");
    CHECK(errors[0].subject == "order:A");
    // The queue moves on: the next write on the subject is sent.
    CHECK(keys(outbox.due("1001", kNow, 10)) == std::vector<std::string>{"k2"});

    const auto again = outbox.retry(*error_id, "k1-retry", "<edited/>", kNow + 1min);
    CHECK(outbox.open_errors().empty());
    const auto retried = outbox.find(again);
    CHECK(retried->idem_key == "k1-retry");
    CHECK(retried->body == "<edited/>");
    CHECK(retried->state == "pending");
    // A refused write retried under its old key would get the old refusal back: the key must be new.
    CHECK_THROWS(outbox.retry(*error_id, "k2", "<x/>", kNow));

    const auto second = outbox.find_by_key("k2");
    const auto error2 = outbox.mark_rejected(second->id, "E_ARREARS", "", kNow);
    REQUIRE(error2);
    outbox.discard(*error2, kNow);
    CHECK(outbox.open_errors().empty());
    CHECK(outbox.find(second->id)->state == "discarded");
}

TEST_CASE("a write's answer is recorded once: a second answer for a settled write changes nothing", "[store][outbox]")
{
    testing::TempDir dir("counter-outbox");
    auto db = store::open_database(dir.path() / "cache.db");
    store::Outbox outbox(*db);
    const auto refused = outbox.add(write("k1", "order:A"), kNow);
    const auto accepted = outbox.add(write("k2", "order:B"), kNow);

    REQUIRE(outbox.mark_rejected(refused, "E_OPEN_ORDER", "", kNow));
    REQUIRE(outbox.mark_done(accepted, "<first/>"));
    // The same answers again (a write sent twice and answered twice by its key), and the other answer too.
    CHECK_FALSE(outbox.mark_rejected(refused, "E_OPEN_ORDER", "", kNow));
    CHECK_FALSE(outbox.mark_done(refused, "<late/>"));
    CHECK_FALSE(outbox.mark_rejected(accepted, "E_ARREARS", "", kNow));
    CHECK_FALSE(outbox.mark_done(accepted, "<second/>"));

    CHECK(outbox.open_errors().size() == 1);
    CHECK(outbox.find(refused)->state == "rejected");
    CHECK(outbox.find(refused)->attempts == 1);
    CHECK(outbox.find(accepted)->state == "done");
    CHECK(outbox.find(accepted)->attempts == 1);
}

TEST_CASE("an idempotency key is used once", "[store][outbox]")
{
    testing::TempDir dir("counter-outbox");
    auto db = store::open_database(dir.path() / "cache.db");
    store::Outbox outbox(*db);
    outbox.add(write("same", "order:A"), kNow);
    CHECK_THROWS(outbox.add(write("same", "order:B"), kNow));
    CHECK(outbox.pending_count() == 1);
}

TEST_CASE("a write added in a transaction that is rolled back is not queued", "[store][outbox]")
{
    testing::TempDir dir("counter-outbox");
    auto db = store::open_database(dir.path() / "cache.db");
    store::Outbox outbox(*db);
    {
        soci::transaction tx(*db);
        outbox.add(write("k1", "order:A"), kNow);
        // no commit: the local record failed, so must its write
    }
    CHECK(outbox.pending_count() == 0);
    {
        soci::transaction tx(*db);
        outbox.add(write("k1", "order:A"), kNow);
        tx.commit();
    }
    // Reopening the file (a restart) finds it.
    db.reset();
    auto reopened = store::open_database(dir.path() / "cache.db");
    CHECK(store::Outbox(*reopened).pending_count() == 1);
}
