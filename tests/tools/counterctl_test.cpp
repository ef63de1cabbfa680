// counterctl as its users run it: the real binary, its stdout and exit code.
#include "client/workflows/workstation/local_clock.h"
#include "domain/id_number.h"
#include "idcard/card_simulator.h"
#include "idcard/pty_simulator.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

namespace {

struct Output
{
    int exit_code;
    std::string text;
};

Output run(const std::string& args)
{
    const std::string command = std::string(COUNTERCTL_PATH) + " " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string text;
    char buf[4096];
    while (const std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) {
        text.append(buf, n);
    }
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text};
}

} // namespace

TEST_CASE("counterctl check answers valid or invalid with the reason", "[counterctl]")
{
    struct Row
    {
        const char* args;
        int exit_code;
        const char* first_line;
    };
    const Row rows[] = {
        {"check id 11010519491231002X", 0, "valid"},
        {"check id 11010519491231002x", 1, "invalid: E_ID_LOWERCASE_X"},
        {"check id 110105194912310021", 1, "invalid: E_ID_CHECK_CHAR expected=X"},
        {"check id 1101051949123100", 1, "invalid: E_BAD_LENGTH length=16 expected=18"},
        {"check uscc 91110000600037341L", 0, "valid"},
        {"check uscc 91110000600037341M", 1, "invalid: E_USCC_CHECK_CHAR expected=L"},
        {"check orgcode 60003734-1", 0, "valid"},
        {"check orgcode D2143569-1", 1, "invalid: E_ORG_CHECK_CHAR expected=X"},
        {"check phone 13812345678", 0, "valid"},
        {"check phone 010-1234567", 1, "invalid: E_PHONE_SUBSCRIBER subscriber=1234567"},
        {"check short 6101", 0, "valid"},
        {"--today 20261123 check id 110105202611240011", 2, ""},
        {"check --today 20261123 id 11010520261124001X", 1, "invalid: E_ID_BIRTH_FUTURE birth=20261124"},
        {"amount 1234.50", 0, "壹仟贰佰叁拾肆元伍角整"},
        {"amount 1.005", 1, "invalid: E_MONEY_PRECISION text=1.005"},
    };
    for (const auto& row : rows) {
        INFO("counterctl " << row.args);
        const auto out = run(row.args);
        CHECK(out.exit_code == row.exit_code);
        if (*row.first_line != '\0') {
            CHECK(out.text.substr(0, out.text.find('\n')) == row.first_line);
        }
    }
}

TEST_CASE("counterctl check reports a 15-digit number's conversion", "[counterctl]")
{
    const auto out = run("check id 110105491231002");
    CHECK(out.exit_code == 0);
    CHECK(out.text == "valid\ncanonical: 11010519491231002X\n");
}

TEST_CASE("counterctl check validates a CSV column", "[counterctl]")
{
    const auto path = std::filesystem::temp_directory_path() / "counterctl_test_ids.csv";
    {
        std::ofstream csv(path);
        csv << "name,id\n张三,11010519491231002X\n李四,110105194912310021\n王五,440524188001010014\n";
    }
    const auto out = run(path.string() + " --kind id --column 2 --header");
    CHECK(out.exit_code == 2); // "check" missing: usage error
    const auto checked = run("check " + path.string() + " --kind id --column 2 --header");
    CHECK(checked.exit_code == 1);
    CHECK(checked.text == "line 3: 110105********0021: invalid: E_ID_CHECK_CHAR expected=X\n"
                          "3 rows checked: 2 valid, 1 invalid, 0 valid with warnings\n");
    const auto no_kind = run("check " + path.string());
    CHECK(no_kind.exit_code == 2);
    const auto missing = run("check /nonexistent/file.csv --kind id");
    CHECK(missing.exit_code == 2);
    CHECK(missing.text.find("cannot read") != std::string::npos);
    std::filesystem::remove(path);
}

TEST_CASE("counterctl idcard reads a card through a serial port", "[counterctl][idcard]")
{
    idcard::CardSimulator sim(idcard::sample_deck(workflows::local_today()));
    auto pty = idcard::PtySimulator::start(sim);
    REQUIRE(pty);
    sim.place("valid");
    const auto out = run("idcard read --port " + pty->device_path() + " --wait 2");
    CHECK(out.exit_code == 0);
    CHECK(out.text.find("SAM 05.01-20101012-0000123456-0000012345") != std::string::npos);
    CHECK(out.text.find("name: 张*\n") != std::string::npos); // masked unless --full
    CHECK(out.text.find("appended address: 北京市海淀区****") != std::string::npos);
    CHECK(out.text.find("verified: yes") != std::string::npos);

    sim.place("expired");
    const auto expired = run("idcard read --port " + pty->device_path() + " --full");
    CHECK(expired.exit_code == 1);
    CHECK(expired.text.find("name: 李娜\n") != std::string::npos);
    CHECK(expired.text.find("invalid: E_CARD_EXPIRED") != std::string::npos);

    sim.remove();
    const auto empty = run("idcard read --port " + pty->device_path() + " --wait 0");
    CHECK(empty.exit_code == 1);
    CHECK(empty.text.find("error: E_READER_NO_CARD") != std::string::npos);

    const auto missing = run("idcard read --port /dev/no-such-reader");
    CHECK(missing.exit_code == 2);
    CHECK(missing.text.find("error: E_READER_PORT") != std::string::npos);
}

TEST_CASE("counterctl idcard decodes captured frames in hex or binary", "[counterctl][idcard]")
{
    const auto deck = idcard::sample_deck(workflows::local_today());
    const idcard::Bytes frame = idcard::encode_response(0x90, idcard::join_read_response(deck[0].raw, false));
    const auto dir = std::filesystem::temp_directory_path();
    {
        std::ofstream hex(dir / "counterctl_capture.hex");
        for (std::size_t i = 0; i < frame.size(); ++i) {
            char b[4];
            std::snprintf(b, sizeof b, "%02X", frame[i]);
            hex << b << (i % 16 == 15 ? '\n' : ' ');
        }
        std::ofstream bin(dir / "counterctl_capture.bin", std::ios::binary);
        bin.write(reinterpret_cast<const char*>(frame.data()), static_cast<std::streamsize>(frame.size()));
        idcard::Bytes broken = frame;
        broken[100] ^= 0xFF;
        std::ofstream bad(dir / "counterctl_broken.bin", std::ios::binary);
        bad.write(reinterpret_cast<const char*>(broken.data()), static_cast<std::streamsize>(broken.size()));
    }
    for (const char* name : {"counterctl_capture.hex", "counterctl_capture.bin"}) {
        INFO(name);
        const auto out = run("idcard decode " + (dir / name).string());
        CHECK(out.exit_code == 0);
        CHECK(out.text.find("status: 90 OK") != std::string::npos);
        CHECK(out.text.find("number: 110105********") != std::string::npos);
        CHECK(out.text.find("verified: yes") != std::string::npos);
    }
    const auto broken = run("idcard decode " + (dir / "counterctl_broken.bin").string());
    CHECK(broken.exit_code == 1);
    CHECK(broken.text.find("error: E_READER_FRAME bad_checksum") != std::string::npos);
    std::filesystem::remove(dir / "counterctl_capture.hex");
    std::filesystem::remove(dir / "counterctl_capture.bin");
    std::filesystem::remove(dir / "counterctl_broken.bin");
}
