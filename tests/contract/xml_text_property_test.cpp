// Every class of code point (and of byte sequence that is not one) through the writer, then the strict reader:
// whatever the writer emits is accepted, a character XML allows comes back exactly, and anything else comes back as
// U+FFFD, one for each maximal subpart of a bad sequence (Unicode §3.9). The expected text is built unit by unit
// here, independently of the code under test.
#include "services/contract/message_codec.h"
#include "services/contract/operations.h"
#include "services/contract/xml_text.h"

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <unistd.h>

using namespace contract;

namespace {

const std::string kReplacement = "\xEF\xBF\xBD";

std::string utf8(char32_t c)
{
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        // Also encodes surrogates, which UTF-8 forbids: that is what the surrogate class needs.
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        // Up to U+1FFFFF, past Unicode's end when the class asks for it.
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

/// `c` in `bytes` bytes, more than it needs: an overlong form.
std::string overlong(char32_t c, int bytes)
{
    if (bytes == 2) {
        return {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
    }
    if (bytes == 3) {
        return {static_cast<char>(0xE0), static_cast<char>(0x80 | ((c >> 6) & 0x1F)),
                static_cast<char>(0x80 | (c & 0x3F))};
    }
    return {static_cast<char>(0xF0), static_cast<char>(0x80 | ((c >> 12) & 0x0F)),
            static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
}

/// One piece of input and what must come back for it.
struct Unit
{
    std::string bytes;
    std::string expected;
};

enum Class
{
    kControl,       ///< C0 controls but tab, LF and CR; NUL included
    kSpace,         ///< tab, LF, CR: allowed, and must come back exactly (CR is not turned into LF)
    kAscii,         ///< U+0020..U+007F, markup characters included
    kTwoByte,       ///< U+0080..U+07FF
    kBmp,           ///< U+0800..U+D7FF and U+E000..U+FFFD
    kNonCharacter,  ///< U+FFFE, U+FFFF
    kSurrogate,     ///< U+D800..U+DFFF encoded as if they were characters
    kSupplementary, ///< U+10000..U+10FFFF
    kBeyond,        ///< U+110000..U+1FFFFF in a four-byte form
    kOverlong,      ///< a character in more bytes than it needs
    kTruncated,     ///< a sequence missing its last byte (then an 'x', so the next unit cannot complete it)
    kStray,         ///< a continuation byte alone
    kNeverUtf8,     ///< 0xF8..0xFF
    kClassCount
};

class Generator
{
public:
    explicit Generator(std::uint32_t seed) : m_random(seed) {}

    Unit unit(Class type)
    {
        switch (type) {
        case kControl: {
            static constexpr std::array<char32_t, 29> kControls{
                0x0,  0x1,  0x2,  0x3,  0x4,  0x5,  0x6,  0x7,  0x8,  0xB,  0xC,  0xE,  0xF,  0x10, 0x11,
                0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F};
            return {utf8(kControls.at(pick(0, kControls.size() - 1))), kReplacement};
        }
        case kSpace: {
            const std::string space(1, "\t\n\r"[pick(0, 2)]);
            return {space, space};
        }
        case kAscii:
            return same(static_cast<char32_t>(pick(0x20, 0x7F)));
        case kTwoByte:
            return same(static_cast<char32_t>(pick(0x80, 0x7FF)));
        case kBmp: {
            const auto c = static_cast<char32_t>(pick(0x800, 0xFFFD - 0x800));
            return same(c < 0xD800 ? c : c + 0x800); // skips the surrogates
        }
        case kNonCharacter:
            return {utf8(pick(0, 1) == 0 ? 0xFFFE : 0xFFFF), kReplacement};
        case kSurrogate:
            // ED is refused alone (its second byte is out of range), then each continuation byte on its own.
            return {utf8(static_cast<char32_t>(pick(0xD800, 0xDFFF))), repeat(3)};
        case kSupplementary:
            return same(static_cast<char32_t>(pick(0x10000, 0x10FFFF)));
        case kBeyond:
            return {utf8(static_cast<char32_t>(pick(0x110000, 0x1FFFFF))), repeat(4)};
        case kOverlong: {
            const int bytes = static_cast<int>(pick(2, 4));
            const auto limit = bytes == 2 ? 0x7F : bytes == 3 ? 0x7FF : 0xFFFF;
            // Every byte of an overlong form is its own maximal subpart.
            return {overlong(static_cast<char32_t>(pick(0, static_cast<std::size_t>(limit))), bytes),
                    repeat(static_cast<std::size_t>(bytes))};
        }
        case kTruncated: {
            const auto whole = pick(0, 2) == 0 ? unit(kTwoByte) : pick(0, 1) == 0 ? unit(kBmp) : unit(kSupplementary);
            return {whole.bytes.substr(0, whole.bytes.size() - 1) + "x", kReplacement + "x"};
        }
        case kStray:
            return {std::string(1, static_cast<char>(pick(0x80, 0xBF))), kReplacement};
        case kNeverUtf8:
            return {std::string(1, static_cast<char>(pick(0xF8, 0xFF))), kReplacement};
        case kClassCount:
            break;
        }
        return {};
    }

    /// A random mix of `count` units, starting with a letter (whitespace-only text is no text to XML).
    Unit text(std::size_t count)
    {
        Unit all{"t", "t"};
        for (std::size_t i = 0; i < count; ++i) {
            const auto piece = unit(static_cast<Class>(pick(0, kClassCount - 1)));
            all.bytes += piece.bytes;
            all.expected += piece.expected;
        }
        return all;
    }

    std::size_t pick(std::size_t low, std::size_t high)
    {
        return std::uniform_int_distribution<std::size_t>{low, high}(m_random);
    }

private:
    static Unit same(char32_t c) { return {utf8(c), utf8(c)}; }
    static std::string repeat(std::size_t count)
    {
        std::string out;
        for (std::size_t i = 0; i < count; ++i) {
            out += kReplacement;
        }
        return out;
    }

    std::mt19937 m_random;
};

/// The text through an order's note (request), a staff name (response) and a fault parameter; each must be read
/// back by the strict reader as `expected`.
void round_trip(const Unit& text)
{
    CHECK(to_xml_text(text.bytes) == text.expected);

    OrderSubmitRequest request;
    request.order.external_id = "k1";
    request.order.order_type = "install";
    request.order.customer_id = "C1";
    request.order.note = text.bytes;
    const auto xml = encode_request(request);
    CHECK_FALSE(check_document_bytes(xml).has_value());
    const auto decoded = decode_request<OrderSubmitRequest>(xml);
    if (const auto* error = std::get_if<DecodeError>(&decoded)) {
        FAIL(error->reason << " " << error->detail << " " << error->field);
    }
    CHECK(std::get<OrderSubmitRequest>(decoded).order.note == text.expected);

    LoginResponse response;
    response.session_token = "t";
    response.staff = {"1001", text.bytes, "H1", {}, {}};
    const auto answer = decode_response<LoginResponse>(encode_response(response));
    REQUIRE(std::holds_alternative<LoginResponse>(answer));
    CHECK(std::get<LoginResponse>(answer).staff.name == text.expected);

    const auto fault = decode_fault(encode_fault({ResultCode::validation, {{text.bytes, text.bytes}}}));
    REQUIRE(std::holds_alternative<Fault>(fault));
    CHECK(std::get<Fault>(fault).params.front().second == text.expected);
    // Attribute values are normalised by every XML reader (tab, LF and CR become spaces) unless written as
    // references, which pugixml does; so the name comes back exactly too.
    CHECK(std::get<Fault>(fault).params.front().first == text.expected);
}

} // namespace

TEST_CASE("every class of code point survives the writer and the strict reader as XML allows", "[contract][xml]")
{
    Generator generate{20261123};
    SECTION("each class alone, many times")
    {
        for (int type = 0; type < kClassCount; ++type) {
            for (int i = 0; i < 200; ++i) {
                const Unit unit = generate.unit(static_cast<Class>(type));
                const Unit text{"t" + unit.bytes, "t" + unit.expected};
                INFO("class " << type << ": " << Catch::Detail::stringify(text.bytes));
                round_trip(text);
            }
        }
    }
    SECTION("random mixes")
    {
        for (int i = 0; i < 2000; ++i) {
            const auto text = generate.text(generate.pick(1, 40));
            INFO(Catch::Detail::stringify(text.bytes));
            round_trip(text);
        }
    }
    SECTION("the boundaries of every class")
    {
        for (const char32_t c : {0x8U, 0x9U, 0xAU, 0xBU, 0xCU, 0xDU, 0xEU, 0x1FU, 0x20U, 0x7FU, 0x80U, 0x7FFU, 0x800U,
                                 0xD7FFU, 0xE000U, 0xFFFDU, 0x10000U, 0x10FFFFU}) {
            INFO(static_cast<unsigned>(c));
            round_trip({"t" + utf8(c), "t" + (is_xml_char(c) ? utf8(c) : kReplacement)});
        }
        round_trip({"t" + utf8(0xD800), "t" + kReplacement + kReplacement + kReplacement});
        round_trip({"t" + utf8(0xDFFF), "t" + kReplacement + kReplacement + kReplacement});
        round_trip({"t" + utf8(0xFFFE), "t" + kReplacement});
        round_trip({"t" + utf8(0x110000), "t" + kReplacement + kReplacement + kReplacement + kReplacement});
        round_trip({std::string("t\0t", 3), "t" + kReplacement + "t"});
    }
}

TEST_CASE("xmllint reads whatever the writer emits", "[contract][xml]")
{
    // A second, independent strict parser, when the machine has it (Debian's libxml2-utils, which ./test.sh installs).
    if (std::system("command -v xmllint >/dev/null 2>&1") != 0) {
        WARN("xmllint is not installed; skipped");
        return;
    }
    const auto folder = std::filesystem::temp_directory_path() / ("contract_xmllint_" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    Generator generate{7};
    std::string files;
    for (int i = 0; i < 60; ++i) {
        OrderSubmitRequest request;
        request.order.external_id = "k1";
        request.order.order_type = "install";
        request.order.customer_id = "C1";
        request.order.note = generate.text(40).bytes;
        const auto path = folder / ("request" + std::to_string(i) + ".xml");
        std::ofstream(path, std::ios::binary) << encode_request(request);
        const auto fault_path = folder / ("fault" + std::to_string(i) + ".xml");
        const auto text = generate.text(20).bytes;
        std::ofstream(fault_path, std::ios::binary) << encode_fault({ResultCode::validation, {{text, text}}});
        files += " '" + path.string() + "' '" + fault_path.string() + "'";
    }
    const int status = std::system(("xmllint --noout" + files).c_str());
    std::filesystem::remove_all(folder);
    CHECK(status == 0);
}
