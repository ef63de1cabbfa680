// The reader's address as the settings hold it (idcard/reader_address.h): a serial device, or "sdk:<library>[@port]"
// opened through the vendor's library, here the fake libraries of tests/idcard/vendor_sdk.cmake.
#include "idcard/reader_address.h"
#include "tests/idcard/fake_vendor_library.h"

#include <catch2/catch.hpp>

using namespace idcard;
using idcard::testing::error_of;
using idcard::testing::value_of;

TEST_CASE("reader addresses: serial devices, vendor libraries and their ports", "[idcard][address]")
{
    struct Row
    {
        std::string text;
        std::string serial;  ///< expected device, or empty
        std::string library; ///< expected library, or empty
        int port = 0;
    };
    const std::vector<Row> good{
        {"/dev/ttyUSB0", "/dev/ttyUSB0", "", 0},
        {"COM3", "COM3", "", 0},
        {"sdk:libsdtapi.so", "", "libsdtapi.so", 1001},
        {"sdk:Termb.dll@1", "", "Termb.dll", 1},
        {"sdk:/opt/vendor@2/libtermb.so@1016", "", "/opt/vendor@2/libtermb.so", 1016},
        {"sdk:libsdtapi.so@16", "", "libsdtapi.so", 16},
    };
    for (const auto& row : good) {
        INFO(row.text);
        const auto address = value_of(parse_reader_address(row.text));
        if (!row.serial.empty()) {
            REQUIRE(std::holds_alternative<SerialAddress>(address));
            CHECK(std::get<SerialAddress>(address).device == row.serial);
        } else {
            REQUIRE(std::holds_alternative<SdkAddress>(address));
            CHECK(std::get<SdkAddress>(address).library == row.library);
            CHECK(std::get<SdkAddress>(address).port == row.port);
        }
    }
    for (const std::string bad :
         {"", "sdk:", "sdk:@1001", "sdk:lib.so@", "sdk:lib.so@0", "sdk:lib.so@17", "sdk:lib.so@1000", "sdk:lib.so@1017",
          "sdk:lib.so@12a", "sdk:lib.so@-1", "sdk:lib.so@99999999999"}) {
        INFO(bad);
        CHECK(error_of(parse_reader_address(bad)).code == "E_READER_ADDRESS");
    }
}

TEST_CASE("an sdk: address opens the vendor's library on its port, whichever family", "[idcard][address][vendor]")
{
    SECTION("sdtapi")
    {
        testing::FakeVendorLibrary fake(FAKE_SDTAPI_PATH, "fake_sdtapi");
        auto opened = open_reader(std::string("sdk:") + FAKE_SDTAPI_PATH + "@3");
        REQUIRE(value_of(opened) != nullptr);
        CHECK(fake.calls("SDT_OpenPort") == 1);
        CHECK(fake.get("port") == 3);
    }
    SECTION("CVR, on the first USB port by default")
    {
        testing::FakeVendorLibrary fake(FAKE_CVR_PATH, "fake_cvr");
        auto opened = open_reader(std::string("sdk:") + FAKE_CVR_PATH);
        REQUIRE(value_of(opened) != nullptr);
        CHECK(fake.get("port") == 1001);
    }
    SECTION("a library that is not there is unavailable; a bad port never loads anything")
    {
        CHECK(error_of(open_reader("sdk:/nonexistent/libsdtapi.so")).code == "E_READER_SDK_UNAVAILABLE");
        CHECK(error_of(open_reader(std::string("sdk:") + FAKE_SDTAPI_PATH + "@99")).code == "E_READER_ADDRESS");
    }
    SECTION("a serial device that is not there")
    {
        CHECK(error_of(open_reader("/nonexistent/ttyUSB9")).code == "E_READER_PORT");
    }
}
