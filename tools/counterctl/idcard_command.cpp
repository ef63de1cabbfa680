/// counterctl idcard read --port PATH | counterctl idcard decode FILE
/// For IT staff installing readers: read one card through the real serial code, or decode a captured answer.

#include "client/workflows/workstation/local_clock.h"
#include "commands.h"
#include "domain/masking.h"
#include "idcard/card_read.h"
#include "idcard/card_text.h"
#include "idcard/raw_card.h"
#include "idcard/serial_reader.h"
#include "idcard/verification.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <thread>

namespace counterctl {
namespace {

struct IdcardOptions
{
    std::string port;
    unsigned baud = 115200;
    int wait_seconds = 10;
    std::string file;
    bool full = false;
};

/// Hex dumps ("AA AA AA 96 69 …", any spacing or line breaks) or raw binary: hex if every byte is a hex digit or
/// white space.
idcard::Bytes load_capture(const std::string& path, bool& ok)
{
    std::ifstream in(path, std::ios::binary);
    ok = static_cast<bool>(in);
    const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const bool hex =
        !content.empty() && content.find_first_not_of("0123456789abcdefABCDEF \t\r\n") == std::string::npos;
    if (!hex) {
        return idcard::Bytes(content.begin(), content.end());
    }
    idcard::Bytes out;
    std::string digits;
    for (char c : content) {
        if (std::isxdigit(static_cast<unsigned char>(c))) {
            digits += c;
        }
    }
    if (digits.size() % 2 != 0) {
        ok = false;
        return {};
    }
    for (std::size_t i = 0; i < digits.size(); i += 2) {
        out.push_back(static_cast<std::uint8_t>(std::stoi(digits.substr(i, 2), nullptr, 16)));
    }
    return out;
}

void print_card(const idcard::CardText& t, const std::string& appended, bool full)
{
    const auto shown = [full](const std::string& v, std::string (*mask)(std::string_view)) {
        return full ? v : mask(v);
    };
    std::printf("type: %s\n", std::string(idcard::to_string(t.type)).c_str());
    std::printf("name: %s\n", shown(t.name, domain::mask_name).c_str());
    if (!t.english_name.empty()) {
        std::printf("english name: %s\n", shown(t.english_name, domain::mask_name).c_str());
    }
    std::printf("sex: %s\n", std::string(idcard::sex_name(t.sex_code)).c_str());
    if (!t.ethnic_code.empty()) {
        std::printf("ethnic group: %s\n", std::string(idcard::ethnic_name(t.ethnic_code)).c_str());
    }
    std::printf("birth: %s\n", t.birth.c_str());
    std::printf("number: %s\n", shown(t.id_number, domain::mask_id_number).c_str());
    if (!t.address.empty()) {
        std::printf("address: %s\n", shown(t.address, domain::mask_address).c_str());
    }
    if (!appended.empty()) {
        std::printf("appended address: %s\n", shown(appended, domain::mask_address).c_str());
    }
    if (!t.nationality.empty()) {
        std::printf("nationality: %s\n", t.nationality.c_str());
    }
    std::printf("authority: %s\n", t.authority.c_str());
    std::printf("valid: %s - %s\n", t.valid_from.c_str(), t.valid_to.c_str());
}

int report(const idcard::Verification& v, bool full)
{
    print_card(v.card, v.appended_address, full);
    if (v.identity) {
        std::printf("verified: yes (age %d%s)\n", v.identity->age,
                    v.identity->needs_guardian ? ", needs a guardian" : "");
        return 0;
    }
    for (const auto& p : v.problems) {
        std::printf("invalid: %s\n", p.to_string().c_str());
    }
    return 1;
}

int fail(const idcard::ReaderError& e)
{
    std::printf("error: %s %s\n", e.code.c_str(), e.detail.c_str());
    return e.code == "E_READER_NO_CARD" ? 1 : 2;
}

int read_once(const IdcardOptions& o)
{
    auto opened = idcard::SerialReader::open(o.port, {.baud = o.baud});
    if (auto* e = std::get_if<idcard::ReaderError>(&opened)) {
        return fail(*e);
    }
    auto& reader = *std::get<std::unique_ptr<idcard::SerialReader>>(opened);
    auto status = reader.sam_status();
    if (auto* e = std::get_if<idcard::ReaderError>(&status)) {
        return fail(*e);
    }
    auto sam = reader.sam_id();
    const std::string sam_id = std::holds_alternative<std::string>(sam) ? std::get<std::string>(sam) : "";
    std::printf("reader: %s SAM %s\n", o.port.c_str(), sam_id.c_str());
    // Wait for a card for a while, polling as the workstation does.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(o.wait_seconds);
    for (;;) {
        auto found = reader.find_card();
        if (std::holds_alternative<idcard::Nothing>(found)) {
            break;
        }
        if (std::get<idcard::ReaderError>(found).code != "E_READER_NO_CARD" ||
            std::chrono::steady_clock::now() > deadline) {
            return fail(std::get<idcard::ReaderError>(found));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
    }
    const auto result = idcard::read_and_verify(reader, false, {workflows::local_today(), {}, sam_id, o.port});
    if (const auto* e = std::get_if<idcard::ReaderError>(&result)) {
        return fail(*e);
    }
    return report(std::get<idcard::Verification>(result), o.full);
}

int decode_file(const IdcardOptions& o)
{
    bool ok = false;
    const idcard::Bytes bytes = load_capture(o.file, ok);
    if (!ok) {
        std::fprintf(stderr, "counterctl idcard decode: cannot read %s as hex or binary\n", o.file.c_str());
        return 2;
    }
    const auto parsed = idcard::parse_response(bytes);
    if (!parsed.response) {
        std::printf("error: E_READER_FRAME %s\n", std::string(idcard::to_string(*parsed.error)).c_str());
        return 1;
    }
    const auto& r = *parsed.response;
    std::printf("status: %02X %s\n", r.status, std::string(idcard::status_code_name(r.status)).c_str());
    if (r.status != 0x90 || r.data.size() < 4 + idcard::kTextBlockSize) {
        std::printf("data: %zu bytes\n", r.data.size());
        return r.status == 0x90 || r.status == 0x9F ? 0 : 1;
    }
    // 30 10 answers carry a third length word; try the plain layout first.
    auto raw = idcard::split_read_response(r.data, false);
    if (std::holds_alternative<idcard::ReaderError>(raw)) {
        raw = idcard::split_read_response(r.data, true);
    }
    if (auto* e = std::get_if<idcard::ReaderError>(&raw)) {
        return fail(*e);
    }
    auto text = idcard::decode_card_text(std::get<idcard::RawCard>(raw).text);
    if (auto* e = std::get_if<idcard::ReaderError>(&text)) {
        return fail(*e);
    }
    const auto v = idcard::verify_card(std::get<idcard::CardText>(text), std::get<idcard::RawCard>(raw).photo, "",
                                       {workflows::local_today(), {}, "", o.file});
    return report(v, o.full);
}

} // namespace

Command add_idcard_command(CLI::App& app)
{
    auto options = std::make_shared<IdcardOptions>();
    auto* cmd = app.add_subcommand("idcard", "read an ID card, or decode a captured reader answer");
    cmd->require_subcommand(1);
    auto* read = cmd->add_subcommand("read", "read one card through a serial reader and verify it");
    read->add_option("--port", options->port, "serial device, e.g. /dev/ttyUSB0")->required();
    read->add_option("--baud", options->baud, "115200 (default), 57600, 38400, 19200 or 9600");
    read->add_option("--wait", options->wait_seconds, "seconds to wait for a card (default 10)");
    read->add_flag("--full", options->full, "show personal data unmasked (the view is the operator's to audit)");
    auto* decode = cmd->add_subcommand("decode", "decode a captured response frame (hex text or binary)");
    decode->add_option("file", options->file, "the capture")->required();
    decode->add_flag("--full", options->full, "show personal data unmasked");
    return {cmd, [options, read]() { return read->parsed() ? read_once(*options) : decode_file(*options); }};
}

} // namespace counterctl
