// CvrSdkReader and open_sdk_reader against fake 华视 CVR libraries (tests/idcard/fake_cvr.cpp): a card read through
// the getters ends in the same verified identity as one read over the serial port, and every failure is an error,
// never a crash. The fakes' paths come from tests/idcard/vendor_sdk.cmake.
#include "idcard/card_read.h"
#include "idcard/cvr_sdk_reader.h"
#include "idcard/gb18030.h"
#include "idcard/reader_service.h"
#include "idcard/sample_cards.h"
#include "idcard/sdk_reader.h"
#include "idcard/wlt_decoder.h"
#include "tests/idcard/fake_vendor_library.h"

#include <catch2/catch.hpp>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>

using namespace idcard;
using idcard::testing::error_of;
using idcard::testing::outcome;
using idcard::testing::value_of;
using namespace std::chrono_literals;

namespace {

constexpr auto kToday = domain::make_date(2026, 11, 23);
constexpr const char* kSamId = "05.01-20101010-0000000456-1234567890";

/// fake_cvr's controls, and the text its getters hand out.
class FakeCvr : public testing::FakeVendorLibrary
{
public:
    explicit FakeCvr(const std::string& path = FAKE_CVR_PATH) : FakeVendorLibrary(path, "fake_cvr")
    {
        m_set_text = control<void (*)(const char*, const char*)>("fake_cvr_set_text");
    }

    /// The getter's raw bytes, as the library would write them.
    void set_bytes(const char* getter, const std::string& bytes) { m_set_text(getter, bytes.c_str()); }

    /// The getter's text, written in GB18030 as the real library does.
    void set_text(const char* getter, const std::string& utf8)
    {
        const auto encoded = utf8_to_gb18030(utf8);
        REQUIRE(encoded);
        set_bytes(getter, std::string(encoded->begin(), encoded->end()));
    }

    /// The getters of one of the simulator's sample cards, spelt as the CVR library spells them.
    void hold(const CardText& card)
    {
        const bool foreign = card.type == CardType::foreign_2017 || card.type == CardType::foreign_2023;
        set_text("GetCertType", card.type == CardType::resident ? " " : std::string(to_string(card.type)));
        set_text("GetPeopleName", foreign ? card.english_name : card.name);
        set_text("GetPeopleChineseName", foreign ? card.name : "");
        set_text("GetPeopleSex", std::string(sex_name(card.sex_code)));
        set_text("GetPeopleNation", foreign ? card.nationality : std::string(ethnic_name(card.ethnic_code)));
        set_text("GetPeopleBirthday", card.birth);
        set_text("GetPeopleAddress", card.address);
        set_text("GetPeopleIDCode", card.id_number);
        set_text("GetDepartment", card.authority);
        set_text("GetStartDate", card.valid_from);
        set_text("GetEndDate", card.valid_to);
        set_text("GetPassCheckID", card.pass_number);
        set_text("GetIssuesNum", card.issue_count);
        set_text("GetPeopleCertVersion", card.card_version);
    }

private:
    void (*m_set_text)(const char*, const char*) = nullptr;
};

std::unique_ptr<ReaderPort> open_port(const std::string& library = FAKE_CVR_PATH, int port = 1001)
{
    auto opened = open_sdk_reader(library, port);
    if (const auto* error = std::get_if<ReaderError>(&opened)) {
        FAIL("cannot open " << library << ": " << error->code << " (" << error->detail << ")");
    }
    return std::move(std::get<std::unique_ptr<ReaderPort>>(opened));
}

ReadContext context()
{
    return {kToday, {}, kSamId, "cvr:1001"};
}

/// A placed card read as the workstation reads it: find (CVR_Authenticate), then read_and_verify.
ReaderResult<Verification> read_placed(ReaderPort& port, bool with_fingerprint = false)
{
    if (auto found = port.find_card(); auto* error = std::get_if<ReaderError>(&found)) {
        return *error;
    }
    return read_and_verify(port, with_fingerprint, context());
}

SampleCard deck_card(std::string_view key)
{
    for (auto& card : sample_deck(kToday)) {
        if (card.key == key) {
            return card;
        }
    }
    FAIL("no sample card " << key);
    return {};
}

std::string repeated(const std::string& text, int times)
{
    std::string out;
    for (int i = 0; i < times; ++i) {
        out += text;
    }
    return out;
}

/// Collects the reader service's events (from its worker thread) for the test thread to wait on.
class EventQueue
{
public:
    void push(const ReaderEvent& e)
    {
        {
            std::lock_guard lock(m_mutex);
            m_events.push_back(e);
        }
        m_cv.notify_all();
    }
    ReaderEvent next(std::chrono::milliseconds timeout = 5s)
    {
        std::unique_lock lock(m_mutex);
        if (!m_cv.wait_for(lock, timeout, [&] { return !m_events.empty(); })) {
            FAIL("no reader event within " << timeout.count() << " ms");
        }
        ReaderEvent e = m_events.front();
        m_events.pop_front();
        return e;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<ReaderEvent> m_events;
};

} // namespace

TEST_CASE("GB18030 text converts both ways, and broken bytes are refused", "[idcard][cvr]")
{
    const Bytes li = {0xC0, 0xEE, 0xD0, 0xE3, 0xD3, 0xA2};
    CHECK(gb18030_to_utf8(li) == "李秀英");
    CHECK(utf8_to_gb18030("李秀英") == li);
    // A four-byte GB18030 character (outside GBK), as rare name characters are.
    const Bytes rare = {0x95, 0x32, 0x82, 0x36};
    CHECK(gb18030_to_utf8(rare) == "\xF0\xA0\x80\x80"); // U+20000
    CHECK(utf8_to_gb18030("\xF0\xA0\x80\x80") == rare);
    CHECK(gb18030_to_utf8(Bytes{}) == "");
    CHECK_FALSE(gb18030_to_utf8(Bytes{0xC0}));       // a lead byte cut off
    CHECK_FALSE(gb18030_to_utf8(Bytes{0x81, 0x7F})); // no such trail byte
    CHECK_FALSE(utf8_to_gb18030("\xC3"));
}

TEST_CASE("a CVR library is told from an sdtapi one by what it exports", "[idcard][cvr]")
{
    CHECK(value_of(detect_sdk_family(FAKE_CVR_PATH)) == SdkFamily::cvr);
    CHECK(value_of(detect_sdk_family(FAKE_CVR_OLD_PATH)) == SdkFamily::cvr);
    CHECK(value_of(detect_sdk_family(FAKE_SDTAPI_PATH)) == SdkFamily::sdt);
    const auto neither = error_of(detect_sdk_family(FAKE_WLT_PATH));
    CHECK(neither.code == "E_READER_SDK_UNAVAILABLE");
    CHECK_THAT(neither.detail, Catch::Contains("SDT_OpenPort") && Catch::Contains("CVR_InitComm"));
    CHECK(error_of(detect_sdk_family("/nonexistent/libtermb.so")).code == "E_READER_SDK_UNAVAILABLE");

    FakeCvr fake;
    CHECK(dynamic_cast<CvrSdkReader*>(open_port().get()) != nullptr);
    CHECK(fake.calls("CVR_InitComm") == 1);
    CHECK(fake.calls("CVR_CloseComm") == 1); // closed with the reader
}

TEST_CASE("a resident card read through a CVR library ends in a verified identity", "[idcard][cvr]")
{
    FakeCvr fake;
    auto port = open_port(FAKE_CVR_PATH, 1003);
    CHECK(fake.get("port") == 1003);
    CHECK(outcome(port->sam_status()) == "OK");
    CHECK(value_of(port->sam_id()) == kSamId);

    const auto verification = value_of(read_placed(*port));
    CHECK(fake.get("active") == 4);
    CHECK(verification.problems.empty());
    REQUIRE(verification.identity);
    const VerifiedIdentity& identity = *verification.identity;
    CHECK(identity.card.type == CardType::resident);
    CHECK(identity.card.name == "李秀英");
    CHECK(identity.card.sex_code == "2");
    CHECK(identity.card.ethnic_code == "01");
    CHECK(identity.card.birth == "19491231");
    CHECK(identity.card.address == "北京市东城区景山前街4号");
    CHECK(identity.card.id_number == "11010519491231002X");
    CHECK(identity.card.authority == "北京市公安局东城分局");
    CHECK(identity.card.valid_from == "20100101");
    CHECK(identity.card.valid_to == "长期");
    CHECK(identity.validity.long_term());
    CHECK(identity.age == 76);
    CHECK(identity.sam_id == kSamId);
    CHECK(identity.appended_address.empty());
    // No WLT from the getters: the library's BMP is the photo.
    CHECK(identity.photo.empty());
    REQUIRE(identity.photo_bmp.size() == kPhotoBmpSize);
    CHECK(identity.photo_bmp[0] == 'B');
    CHECK(identity.photo_bmp[kPhotoBmpSize - 1] == (((kPhotoBmpSize - 1) * 5 + 1) & 0xFF));
}

TEST_CASE("every card type reads through CVR into the block the chip holds", "[idcard][cvr]")
{
    FakeCvr fake;
    auto port = open_port();
    for (const char* key : {"valid", "long_term", "minor", "hmt_permit", "foreign_2017", "foreign_2023"}) {
        INFO(key);
        const SampleCard card = deck_card(key);
        fake.reset_to_defaults();
        fake.hold(card.text);
        REQUIRE(outcome(port->find_card()) == "OK");
        // Byte for byte what a serial read of the same card gives: from here on it is the same path.
        CHECK(value_of(port->read_card(false)).text == card.raw.text);
        const auto verification = value_of(read_placed(*port));
        CHECK(verification.problems.empty());
        REQUIRE(verification.identity);
        CHECK(verification.identity->card.type == card.text.type);
        CHECK(verification.identity->card.name == card.text.name);
        CHECK(verification.identity->card.english_name == card.text.english_name);
        CHECK(verification.identity->card.id_number == card.text.id_number);
        CHECK(verification.identity->card.nationality == card.text.nationality);
        CHECK(verification.identity->card.pass_number == card.text.pass_number);
    }
}

TEST_CASE("an older CVR library without the newer getters reads resident cards", "[idcard][cvr]")
{
    FakeCvr fake(FAKE_CVR_OLD_PATH);
    auto opened = CvrSdkReader::open(FAKE_CVR_OLD_PATH, 1);
    auto& reader = *value_of(opened);
    CHECK_FALSE(reader.supports_fingerprint());
    CHECK(error_of(reader.sam_id()).code == "E_READER_SDK_UNSUPPORTED");
    CHECK(error_of(reader.read_card(true)).code == "E_READER_SDK_UNSUPPORTED");
    const auto verification = value_of(read_placed(reader));
    REQUIRE(verification.identity);
    CHECK(verification.identity->card.name == "李秀英");
    CHECK(verification.identity->photo_bmp.empty()); // no photo getter: no photo, still a verified identity
}

TEST_CASE("a missing CVR library or function is unavailable, not a crash", "[idcard][cvr]")
{
    SECTION("no library")
    {
        const auto error = error_of(CvrSdkReader::open("/nonexistent/libtermb.so", 1001));
        CHECK(error.code == "E_READER_SDK_UNAVAILABLE");
        CHECK_THAT(error.detail, Catch::Contains("/nonexistent/libtermb.so"));
        CHECK(error_of(open_sdk_reader("/nonexistent/libtermb.so", 1001)).code == "E_READER_SDK_UNAVAILABLE");
    }
    SECTION("a library without GetPeopleAddress")
    {
        FakeCvr fake(FAKE_CVR_NOADDRESS_PATH);
        const auto error = error_of(open_sdk_reader(FAKE_CVR_NOADDRESS_PATH, 1001));
        CHECK(error.code == "E_READER_SDK_UNAVAILABLE");
        CHECK_THAT(error.detail, Catch::Contains("GetPeopleAddress"));
        CHECK(fake.calls("CVR_InitComm") == 0); // refused before the port is touched
    }
    SECTION("a library of neither family")
    {
        CHECK(error_of(open_sdk_reader(FAKE_WLT_PATH, 1001)).code == "E_READER_SDK_UNAVAILABLE");
        CHECK(error_of(CvrSdkReader::open(FAKE_SDTAPI_PATH, 1001)).code == "E_READER_SDK_UNAVAILABLE");
    }
}

TEST_CASE("CVR_InitComm failing (no reader) is E_READER_PORT", "[idcard][cvr]")
{
    FakeCvr fake;
    for (const int result : {2, 0, -1}) {
        INFO("CVR_InitComm returns " << result);
        fake.set("CVR_InitComm", result);
        const auto error = error_of(open_sdk_reader(FAKE_CVR_PATH, 1001));
        CHECK(error.code == "E_READER_PORT");
        CHECK_THAT(error.detail, Catch::Contains("CVR_InitComm(1001) returned " + std::to_string(result)));
    }
    CHECK(fake.calls("CVR_CloseComm") == 0); // a port that never opened is not closed
    const int inits = fake.calls("CVR_InitComm");
    CHECK(error_of(open_sdk_reader(FAKE_CVR_PATH, 17)).code == "E_READER_PORT");
    CHECK(fake.calls("CVR_InitComm") == inits);
}

TEST_CASE("CVR_Authenticate and CVR_Read_Content map to the reader's errors", "[idcard][cvr]")
{
    struct Row
    {
        const char* situation;
        const char* function;
        int result;
        const char* code;
    };
    const Row rows[] = {
        {"card found and selected", "CVR_Authenticate", 1, "OK"},
        {"no card placed", "CVR_Authenticate", 2, "E_READER_NO_CARD"},
        {"card not selected", "CVR_Authenticate", 3, "E_READER_SELECT_FAILED"},
        {"no reader connected", "CVR_Authenticate", 4, "E_READER_UNPLUGGED"},
        {"anything else", "CVR_Authenticate", 0, "E_READER_STATUS"},
        {"read failed", "CVR_Read_Content", 0, "E_READER_READ_FAILED"},
        {"read failed otherwise", "CVR_Read_Content", -5, "E_READER_READ_FAILED"},
    };
    FakeCvr fake;
    auto port = open_port();
    for (const auto& row : rows) {
        INFO(row.situation << ": " << row.function << " returns " << row.result);
        fake.reset_to_defaults();
        fake.set(row.function, row.result);
        CHECK(outcome(read_placed(*port)) == row.code);
        CHECK(fake.calls(row.function) == 1);
    }
    fake.reset_to_defaults();
    fake.set("CVR_Authenticate", 2);
    const auto no_card = error_of(port->find_card());
    CHECK(no_card.status == 0x80);
    CHECK_THAT(no_card.detail, Catch::Contains("CVR_Authenticate returned 2"));
}

TEST_CASE("a CVR getter that fails or gives what no card holds is a specific error", "[idcard][cvr]")
{
    struct Row
    {
        const char* situation;
        const char* getter;
        const char* key; ///< "result", "length" or "text"
        int value;
        std::string text;
        const char* code;
    };
    const Row rows[] = {
        {"name getter fails", "GetPeopleName", "result", 0, "", "E_READER_SDK_GETTER"},
        {"number getter fails", "GetPeopleIDCode", "result", 0, "", "E_READER_SDK_GETTER"},
        {"end date getter fails", "GetEndDate", "result", -1, "", "E_READER_SDK_GETTER"},
        {"type getter fails", "GetCertType", "result", 0, "", "E_READER_SDK_GETTER"},
        {"negative length", "GetPeopleName", "length", -1, "", "E_READER_INFO_LENGTH"},
        {"length past the buffer", "GetPeopleAddress", "length", 100000, "", "E_READER_INFO_LENGTH"},
        {"a cut-off GB18030 character", "GetPeopleName", "text", 0, "\xc0\xee\xd0", "E_READER_FIELD"},
        {"no such sex", "GetPeopleSex", "text", 0, "X", "E_READER_FIELD"},
        {"no such ethnic group", "GetPeopleNation", "text", 0, "\xbb\xf0\xd0\xc7", "E_READER_FIELD"}, // 火星
        {"no such card type", "GetCertType", "text", 0, "Z", "E_READER_CARD_TYPE"},
        {"a name longer than the card's 15 characters", "GetPeopleName", "text", 0, repeated("\xc0\xee", 16),
         "E_READER_INFO_LENGTH"}, // 李 16 times
        {"photo getter fails", "GetBMPData", "result", 0, "", "E_READER_PHOTO_DECODE"},
        {"photo that is no 38862-byte BMP", "GetBMPData", "length", 1000, "", "E_READER_PHOTO_DECODE"},
    };
    FakeCvr fake;
    auto port = open_port();
    for (const auto& row : rows) {
        INFO(row.situation);
        fake.reset_to_defaults();
        const std::string key = row.key;
        if (key == "result") {
            fake.set(row.getter, row.value);
        } else if (key == "length") {
            fake.set(("length " + std::string(row.getter)).c_str(), row.value);
        } else {
            fake.set_bytes(row.getter, row.text);
        }
        const auto error = error_of(read_placed(*port));
        CHECK(error.code == row.code);
        CHECK_THAT(error.detail, Catch::Contains(row.getter));
    }
}

TEST_CASE("bad field content from a CVR library reaches verification, not a crash", "[idcard][cvr]")
{
    FakeCvr fake;
    auto port = open_port();
    struct Row
    {
        const char* situation;
        const char* getter;
        const char* text;
        domain::Errc problem;
    };
    const Row rows[] = {
        {"wrong check character", "GetPeopleIDCode", "110105194912310021", domain::Errc::id_check_char},
        {"a number one character short", "GetPeopleIDCode", "11010519491231002", domain::Errc::bad_length},
        {"a start date that is no date", "GetStartDate", "20101340", domain::Errc::card_validity_format},
        {"an end date that is no date", "GetEndDate", "someday", domain::Errc::card_validity_format},
        {"a birthday the number disagrees with", "GetPeopleBirthday", "19491230", domain::Errc::card_birth_mismatch},
        {"a sex the number disagrees with", "GetPeopleSex", "\xc4\xd0", domain::Errc::card_sex_mismatch}, // 男
    };
    for (const auto& row : rows) {
        INFO(row.situation);
        fake.reset_to_defaults();
        fake.set_bytes(row.getter, row.text);
        const auto verification = value_of(read_placed(*port));
        CHECK_FALSE(verification.identity);
        REQUIRE_FALSE(verification.problems.empty());
        CHECK(verification.problems.front().code == row.problem);
        CHECK(verification.card.name == "李秀英"); // what was read is still there to show
    }
    SECTION("dates written with dashes are the card's dates")
    {
        fake.reset_to_defaults();
        fake.set_bytes("GetPeopleBirthday", "1949-12-31");
        fake.set_bytes("GetStartDate", "2010-01-01");
        const auto verification = value_of(read_placed(*port));
        REQUIRE(verification.identity);
        CHECK(verification.identity->card.birth == "19491231");
        CHECK(verification.identity->card.valid_from == "20100101");
    }
}

TEST_CASE("a CVR library reads the fingerprint when asked", "[idcard][cvr]")
{
    FakeCvr fake;
    auto port = open_port();
    REQUIRE(outcome(port->find_card()) == "OK");
    const auto card = value_of(port->read_card(true));
    CHECK(fake.calls("CVR_Read_FPContent") == 1);
    CHECK(fake.calls("CVR_Read_Content") == 0);
    REQUIRE(card.fingerprint.size() == 1024);
    CHECK(card.fingerprint[1023] == ((1023 * 13 + 5) & 0xFF));
    fake.set("CVR_Read_FPContent", 0);
    CHECK(error_of(port->read_card(true)).code == "E_READER_READ_FAILED");
    fake.reset_to_defaults();
    fake.set("length GetFPDate", 1025);
    CHECK(error_of(port->read_card(true)).code == "E_READER_INFO_LENGTH");
}

TEST_CASE("the reader service polls a CVR reader: placed, read, removed, unplugged", "[idcard][cvr][service]")
{
    FakeCvr fake;
    fake.set("CVR_Authenticate", 2); // no card yet
    EventQueue events;
    ReaderServiceOptions options;
    options.poll_interval = 20ms;
    options.reconnect_interval = 50ms;
    options.reader_id = "cvr:1001";
    options.today = [] { return kToday; };
    ReaderService service([] { return open_sdk_reader(FAKE_CVR_PATH, 1001); }, options,
                          [&](const ReaderEvent& e) { events.push(e); });
    service.start();

    auto e = events.next();
    REQUIRE(e.kind == ReaderEventKind::connected);
    CHECK(e.sam_id == kSamId);

    fake.set("CVR_Authenticate", 1);
    CHECK(events.next().kind == ReaderEventKind::card_placed);
    e = events.next();
    REQUIRE(e.kind == ReaderEventKind::card_read);
    REQUIRE(e.verification->identity);
    CHECK(e.verification->identity->card.name == "李秀英");
    CHECK(e.verification->identity->reader_id == "cvr:1001");

    std::this_thread::sleep_for(100ms); // the card stays: no second read
    CHECK(fake.calls("CVR_Read_Content") == 1);
    fake.set("CVR_Authenticate", 2);
    CHECK(events.next().kind == ReaderEventKind::card_removed);

    fake.set("CVR_Authenticate", 4);
    e = events.next();
    REQUIRE(e.kind == ReaderEventKind::unplugged);
    CHECK(e.error->code == "E_READER_UNPLUGGED");
    service.stop();
}
