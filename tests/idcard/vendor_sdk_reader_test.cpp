// VendorSdkReader and decode_wlt_photo against fake vendor libraries (tests/idcard/fake_sdtapi.cpp, fake_wlt.cpp):
// the real SDKs need a reader on the desk. The fakes' paths come from tests/idcard/vendor_sdk.cmake.
#include "idcard/vendor_sdk_reader.h"
#include "idcard/wlt_decoder.h"
#include "tests/idcard/fake_vendor_library.h"

#include <catch2/catch.hpp>
#include <string>

using namespace idcard;
using idcard::testing::error_of;
using idcard::testing::outcome;
using idcard::testing::value_of;

namespace {

/// fake_sdtapi's controls.
class FakeSdk : public testing::FakeVendorLibrary
{
public:
    explicit FakeSdk(const std::string& path) : FakeVendorLibrary(path, "fake_sdtapi") {}
};

std::unique_ptr<VendorSdkReader> open_reader(const std::string& library, int port = 1001)
{
    auto opened = VendorSdkReader::open(library, port);
    if (const auto* error = std::get_if<ReaderError>(&opened)) {
        FAIL("cannot open " << library << ": " << error->code << " (" << error->detail << ")");
    }
    return std::move(std::get<std::unique_ptr<VendorSdkReader>>(opened));
}

Bytes sample_wlt()
{
    Bytes wlt(kWltSize);
    for (std::size_t i = 0; i < wlt.size(); ++i) {
        wlt[i] = static_cast<std::uint8_t>((i * 31 + 17) & 0xFF);
    }
    return wlt;
}

} // namespace

TEST_CASE("a missing vendor library is unavailable, not a crash", "[idcard][vendor]")
{
    SECTION("by path")
    {
        const auto error = error_of(VendorSdkReader::open("/nonexistent/libsdtapi.so", 1001));
        CHECK(error.code == "E_READER_SDK_UNAVAILABLE");
        CHECK(error.status == 0);
        CHECK_THAT(error.detail, Catch::Contains("/nonexistent/libsdtapi.so"));
    }
    SECTION("by bare name")
    {
        const auto error = error_of(VendorSdkReader::open("libsdtapi_not_installed.so", 1));
        CHECK(error.code == "E_READER_SDK_UNAVAILABLE");
        CHECK_THAT(error.detail, Catch::Contains("libsdtapi_not_installed.so"));
    }
    SECTION("no name at all, which dlopen would take for the program itself")
    {
        CHECK(error_of(VendorSdkReader::open("", 1001)).code == "E_READER_SDK_UNAVAILABLE");
    }
}

TEST_CASE("a library without the SDT functions is unavailable", "[idcard][vendor]")
{
    const auto error = error_of(VendorSdkReader::open(FAKE_WLT_PATH, 1001));
    CHECK(error.code == "E_READER_SDK_UNAVAILABLE");
    CHECK_THAT(error.detail, Catch::Contains("SDT_OpenPort"));
}

TEST_CASE("only the SDK's COM and USB port numbers are opened", "[idcard][vendor]")
{
    FakeSdk fake(FAKE_SDTAPI_PATH);
    struct Row
    {
        int port;
        bool accepted;
    };
    const Row rows[] = {
        {1, true},   {16, true},    {1001, true},  {1016, true}, {0, false},
        {17, false}, {1000, false}, {1017, false}, {-1, false},  {-1001, false},
    };
    for (const auto& row : rows) {
        INFO("port " << row.port);
        const int opens_before = fake.calls("SDT_OpenPort");
        auto opened = VendorSdkReader::open(FAKE_SDTAPI_PATH, row.port);
        if (row.accepted) {
            CHECK(value_of(opened)->port() == row.port);
            CHECK(fake.get("port") == row.port);
            CHECK(fake.calls("SDT_OpenPort") == opens_before + 1);
        } else {
            CHECK(error_of(opened).code == "E_READER_PORT");
            // Refused before the SDK is asked to open anything.
            CHECK(fake.calls("SDT_OpenPort") == opens_before);
        }
    }
}

TEST_CASE("SDT_OpenPort failing is E_READER_PORT with the SDK's value", "[idcard][vendor]")
{
    FakeSdk fake(FAKE_SDTAPI_PATH);
    struct Row
    {
        int result;
        std::uint8_t status;
    };
    const Row rows[] = {{0x01, 0x01}, {0x02, 0x02}, {0x80, 0x80}, {-1, 0}, {0x1234, 0}};
    for (const auto& row : rows) {
        INFO("SDT_OpenPort returns " << row.result);
        fake.set("SDT_OpenPort", row.result);
        const auto error = error_of(VendorSdkReader::open(FAKE_SDTAPI_PATH, 1001));
        CHECK(error.code == "E_READER_PORT");
        CHECK(error.status == row.status);
        CHECK_THAT(error.detail, Catch::Contains("SDT_OpenPort(1001)"));
    }
    // A port that never opened is not closed.
    CHECK(fake.calls("SDT_ClosePort") == 0);
}

TEST_CASE("the port is opened once, used without reopening, and closed with the reader", "[idcard][vendor]")
{
    FakeSdk fake(FAKE_SDTAPI_PATH);
    auto reader = open_reader(FAKE_SDTAPI_PATH, 1003);
    CHECK(fake.calls("SDT_OpenPort") == 1);
    CHECK(fake.calls("SDT_ClosePort") == 0);

    fake.set("if_open", -1);
    CHECK(outcome(reader->sam_status()) == "OK");
    CHECK(fake.get("if_open") == 0);
    CHECK(fake.get("port") == 1003);

    reader.reset();
    CHECK(fake.calls("SDT_ClosePort") == 1);
    CHECK(fake.get("port") == 1003);
}

TEST_CASE("each ReaderPort call maps the SDK's return value", "[idcard][vendor]")
{
    using Call = std::string (*)(VendorSdkReader&);
    const Call sam_status = [](VendorSdkReader& r) { return outcome(r.sam_status()); };
    const Call sam_id = [](VendorSdkReader& r) { return outcome(r.sam_id()); };
    const Call find = [](VendorSdkReader& r) { return outcome(r.find_card()); };
    const Call select = [](VendorSdkReader& r) { return outcome(r.select_card()); };
    const Call read = [](VendorSdkReader& r) { return outcome(r.read_card(false)); };
    const Call read_fp = [](VendorSdkReader& r) { return outcome(r.read_card(true)); };
    const Call address = [](VendorSdkReader& r) { return outcome(r.read_appended_address()); };

    struct Row
    {
        const char* situation;
        const char* function;
        int result;
        Call call;
        const char* code;
    };
    const Row rows[] = {
        {"SAM ready", "SDT_GetSAMStatus", 0x90, sam_status, "OK"},
        {"SAM self-test failed", "SDT_GetSAMStatus", 0x60, sam_status, "E_READER_SAM_SELF_TEST"},
        {"SAM not authorised", "SDT_GetSAMStatus", 0x66, sam_status, "E_READER_SAM_UNAUTHORISED"},
        {"SAM ID read", "SDT_GetSAMIDToStr", 0x90, sam_id, "OK"},
        {"SAM ID timed out", "SDT_GetSAMIDToStr", 0x02, sam_id, "E_READER_TIMEOUT"},
        {"card present", "SDT_StartFindIDCard", 0x9F, find, "OK"},
        {"no card", "SDT_StartFindIDCard", 0x80, find, "E_READER_NO_CARD"},
        {"SAM failure while finding", "SDT_StartFindIDCard", 0x60, find, "E_READER_SAM_SELF_TEST"},
        {"card selected", "SDT_SelectIDCard", 0x90, select, "OK"},
        {"select failed", "SDT_SelectIDCard", 0x81, select, "E_READER_SELECT_FAILED"},
        {"read OK", "SDT_ReadBaseMsg", 0x90, read, "OK"},
        {"read failed", "SDT_ReadBaseMsg", 0x41, read, "E_READER_READ_FAILED"},
        {"not a genuine card", "SDT_ReadBaseMsg", 0x32, read, "E_READER_SAM_AUTH"},
        {"read with fingerprint OK", "SDT_ReadBaseFPMsg", 0x90, read_fp, "OK"},
        {"read with fingerprint failed", "SDT_ReadBaseFPMsg", 0x41, read_fp, "E_READER_READ_FAILED"},
        {"appended address read", "SDT_ReadNewAppMsg", 0x90, address, "OK"},
        {"no appended address", "SDT_ReadNewAppMsg", 0x91, address, "OK"},
        {"appended address read failed", "SDT_ReadNewAppMsg", 0x41, address, "E_READER_READ_FAILED"},
        {"unknown status byte", "SDT_SelectIDCard", 0x77, select, "E_READER_STATUS"},
        {"not a status byte", "SDT_GetSAMStatus", 0x190, sam_status, "E_READER_STATUS"},
        {"negative", "SDT_StartFindIDCard", -1, find, "E_READER_STATUS"},
    };
    FakeSdk fake(FAKE_SDTAPI_PATH);
    auto reader = open_reader(FAKE_SDTAPI_PATH);
    for (const auto& row : rows) {
        INFO(row.situation << ": " << row.function << " returns " << row.result);
        fake.reset_to_defaults();
        fake.set(row.function, row.result);
        const int calls_before = fake.calls(row.function);
        CHECK(row.call(*reader) == row.code);
        CHECK(fake.calls(row.function) == calls_before + 1);
    }
}

TEST_CASE("the SDK's status byte and function reach the error", "[idcard][vendor]")
{
    FakeSdk fake(FAKE_SDTAPI_PATH);
    auto reader = open_reader(FAKE_SDTAPI_PATH);
    SECTION("a status byte is kept")
    {
        fake.set("SDT_StartFindIDCard", 0x80);
        const auto error = error_of(reader->find_card());
        CHECK(error.status == 0x80);
        CHECK_THAT(error.detail, Catch::Contains("SDT_StartFindIDCard") && Catch::Contains("0x80"));
    }
    SECTION("a value that is no status byte is in the detail only")
    {
        fake.set("SDT_GetSAMStatus", 0x190);
        const auto error = error_of(reader->sam_status());
        CHECK(error.status == 0);
        CHECK_THAT(error.detail, Catch::Contains("0x190"));
    }
}

TEST_CASE("a read returns the SDK's text block and photo", "[idcard][vendor]")
{
    FakeSdk fake(FAKE_SDTAPI_PATH);
    auto reader = open_reader(FAKE_SDTAPI_PATH);

    SECTION("text and photo")
    {
        const auto card = value_of(reader->read_card(false));
        REQUIRE(card.text.size() == kTextBlockSize);
        CHECK(card.text[0] == 'F');
        CHECK(card.text[1] == 0x00);
        CHECK(card.text[16] == 'D');
        CHECK(card.text[254] == 0x20); // space padding
        CHECK(card.text[255] == 0x00);
        REQUIRE(card.photo.size() == kWltSize);
        CHECK(card.photo[0] == 3);
        CHECK(card.photo[1023] == ((1023 * 7 + 3) & 0xFF));
        CHECK(card.fingerprint.empty());
        CHECK(fake.calls("SDT_ReadBaseFPMsg") == 0);
    }
    SECTION("with the fingerprint")
    {
        const auto card = value_of(reader->read_card(true));
        CHECK(card.text.size() == kTextBlockSize);
        CHECK(card.photo.size() == kWltSize);
        REQUIRE(card.fingerprint.size() == 1024);
        CHECK(card.fingerprint[0] == 5);
        CHECK(card.fingerprint[1023] == ((1023 * 13 + 5) & 0xFF));
        CHECK(fake.calls("SDT_ReadBaseMsg") == 0);
    }
    SECTION("a card that holds no fingerprint")
    {
        fake.set("fingerprint_length", 0);
        const auto card = value_of(reader->read_card(true));
        CHECK(card.photo.size() == kWltSize);
        CHECK(card.fingerprint.empty());
    }
    SECTION("lengths the SDK should never report are refused")
    {
        struct Row
        {
            const char* key;
            int length;
            bool with_fingerprint;
        };
        const Row rows[] = {
            {"text_length", 200, false},   {"text_length", 257, false},        {"text_length", 0, true},
            {"photo_length", 1025, false}, {"fingerprint_length", 1025, true},
        };
        for (const auto& row : rows) {
            INFO(row.key << " = " << row.length << (row.with_fingerprint ? " with" : " without") << " fingerprint");
            fake.reset_to_defaults();
            fake.set(row.key, row.length);
            const auto error = error_of(reader->read_card(row.with_fingerprint));
            CHECK(error.code == "E_READER_INFO_LENGTH");
        }
    }
}

TEST_CASE("the SAM ID and the appended address come back as the SDK gives them", "[idcard][vendor]")
{
    FakeSdk fake(FAKE_SDTAPI_PATH);
    auto reader = open_reader(FAKE_SDTAPI_PATH);

    SECTION("SAM ID")
    {
        CHECK(value_of(reader->sam_id()) == "05.01-20101010-0000000123-1234567890");
    }
    SECTION("an appended address")
    {
        const auto address = value_of(reader->read_appended_address());
        REQUIRE(address.has_value());
        REQUIRE(address->size() == 70);
        CHECK((*address)[0] == 'N');
        CHECK((*address)[69] == 0x00);
        CHECK((*address)[68] == 0x20);
    }
    SECTION("no appended address (91) is nothing, not an error")
    {
        fake.set("SDT_ReadNewAppMsg", 0x91);
        CHECK_FALSE(value_of(reader->read_appended_address()).has_value());
    }
    SECTION("an address longer than 70 bytes is refused")
    {
        fake.set("address_length", 71);
        CHECK(error_of(reader->read_appended_address()).code == "E_READER_INFO_LENGTH");
    }
}

TEST_CASE("a library without SDT_ReadBaseFPMsg reads everything but fingerprints", "[idcard][vendor]")
{
    FakeSdk fake(FAKE_SDTAPI_NOFP_PATH);
    auto reader = open_reader(FAKE_SDTAPI_NOFP_PATH);
    CHECK_FALSE(reader->supports_fingerprint());

    const auto error = error_of(reader->read_card(true));
    CHECK(error.code == "E_READER_SDK_UNSUPPORTED");
    CHECK_THAT(error.detail, Catch::Contains("SDT_ReadBaseFPMsg"));

    CHECK(outcome(reader->sam_status()) == "OK");
    CHECK(outcome(reader->find_card()) == "OK");
    CHECK(outcome(reader->select_card()) == "OK");
    CHECK(value_of(reader->read_card(false)).photo.size() == kWltSize);
    CHECK(value_of(reader->read_appended_address()).has_value());

    CHECK(open_reader(FAKE_SDTAPI_PATH)->supports_fingerprint());
}

TEST_CASE("a WLT photo decodes to the 102 x 126 BMP", "[idcard][vendor]")
{
    const Bytes wlt = sample_wlt();
    const auto bmp = value_of(decode_wlt_photo(wlt, FAKE_WLT_PATH));
    REQUIRE(bmp.size() == kPhotoBmpSize);
    CHECK(bmp[0] == 'B');
    CHECK(bmp[1] == 'M');
    CHECK(bmp[18] == 102);
    CHECK(bmp[22] == 126);
    CHECK(bmp[28] == 24);
    // The fake's pixels are the WLT bytes XOR their index: proof the decoder got the photo and the whole BMP came back.
    CHECK(bmp[54] == wlt[0]);
    CHECK(bmp[54 + 1025] == (wlt[1] ^ (1025 & 0xFF)));
    CHECK(bmp[kPhotoBmpSize - 1] == (wlt[(38807) % 1024] ^ (38807 & 0xFF)));
}

TEST_CASE("a WLT photo of the wrong size never reaches the decoder", "[idcard][vendor]")
{
    for (const std::size_t size : {std::size_t{0}, std::size_t{1023}, std::size_t{1025}, kPhotoBmpSize}) {
        INFO(size << " bytes");
        const Bytes wlt(size, 0x42);
        // A library that does not exist: reaching it would give E_READER_SDK_UNAVAILABLE instead.
        CHECK(error_of(decode_wlt_photo(wlt, "/nonexistent/libwlt2bmp.so")).code == "E_READER_INFO_LENGTH");
        CHECK(error_of(decode_wlt_photo(wlt, FAKE_WLT_PATH)).code == "E_READER_INFO_LENGTH");
    }
}

TEST_CASE("a missing WLT decoder is unavailable", "[idcard][vendor]")
{
    SECTION("no library")
    {
        const auto error = error_of(decode_wlt_photo(sample_wlt(), "/nonexistent/libwlt2bmp.so"));
        CHECK(error.code == "E_READER_SDK_UNAVAILABLE");
        CHECK_THAT(error.detail, Catch::Contains("libwlt2bmp.so"));
    }
    SECTION("a library without unpack")
    {
        const auto error = error_of(decode_wlt_photo(sample_wlt(), FAKE_SDTAPI_PATH));
        CHECK(error.code == "E_READER_SDK_UNAVAILABLE");
        CHECK_THAT(error.detail, Catch::Contains("_Z6unpackPcS_i"));
    }
}

TEST_CASE("a decoder that fails or makes no BMP is a decode error", "[idcard][vendor]")
{
    Bytes wlt = sample_wlt();
    SECTION("unpack fails")
    {
        wlt[0] = 0xEE;
        CHECK(error_of(decode_wlt_photo(wlt, FAKE_WLT_PATH)).code == "E_READER_PHOTO_DECODE");
    }
    SECTION("unpack succeeds without a BMP")
    {
        wlt[0] = 0xBB;
        CHECK(error_of(decode_wlt_photo(wlt, FAKE_WLT_PATH)).code == "E_READER_PHOTO_DECODE");
    }
}
