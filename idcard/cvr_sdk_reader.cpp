#include "idcard/cvr_sdk_reader.h"

#include "idcard/card_text.h"
#include "idcard/gb18030.h"
#include "idcard/vendor_sdk_reader.h" // is_sdk_port
#include "idcard/wlt_decoder.h"       // kPhotoBmpSize

#include <algorithm>
#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace idcard {
namespace {

// The signatures. The reference (§1.6, after tomcat0506/readdll UTermb.cpp) gives CVR_InitComm, CVR_Authenticate,
// CVR_Read_Content(int), CVR_CloseComm, CVR_GetSAMID and the getters as `int Get…(unsigned char*, int*)`. Where it
// is silent we follow 华视's published SDK manual as we know it, unverified against a device: every call returns 1
// for success; CVR_Read_FPContent() reads with the fingerprint and GetFPDate (the vendor's spelling) hands it out;
// GetCertType, GetPeopleChineseName and GetPeopleCertVersion exist only in the newer builds that read the J, I and Y
// cards; the photo getter is GetBMPData, spelt GetBmpData in the reference, so both are tried.
using InitCommFn = int(IDCARD_CVR_CALL*)(int port);
using CloseCommFn = int(IDCARD_CVR_CALL*)();
using AuthenticateFn = int(IDCARD_CVR_CALL*)();
using ReadContentFn = int(IDCARD_CVR_CALL*)(int active);
using ReadFpContentFn = int(IDCARD_CVR_CALL*)();
using GetSamIdFn = int(IDCARD_CVR_CALL*)(char* sam_id);
// GetIssuesNum is called with this signature too, as the reference lists it: were it `int GetIssuesNum(int*)` in
// some build, it would write its number into our (large) buffer and leave the length alone, which is refused below;
// the other way round would have the library write through a pointer we never passed.
using GetterFn = int(IDCARD_CVR_CALL*)(unsigned char* data, int* length);

constexpr int kSuccess = 1;
// CVR_Read_Content's argument: every vendor sample passes 4 (text and photo).
constexpr int kReadTextAndPhoto = 4;
// CVR_Authenticate's failures per the vendor manual: no card, card not selected, no reader connected.
constexpr int kFindFailed = 2;
constexpr int kSelectFailed = 3;
constexpr int kNoReader = 4;

// The longest field is a foreigner's English name (60 characters); GB18030 needs at most 4 bytes a character.
constexpr std::size_t kFieldSize = 256;
constexpr std::size_t kFingerprintSize = 1024;
constexpr std::size_t kSamIdSize = 40;
// As for the sdtapi family: buffers larger than the library is told, so one that writes more than it says spoils
// bytes we throw away. The lengths it reports are checked afterwards.
constexpr std::size_t kSlack = 1024;

ReaderError unavailable(std::string detail)
{
    return ReaderError{"E_READER_SDK_UNAVAILABLE", 0, std::move(detail)};
}

std::string call_detail(const char* function, int result)
{
    return std::string(function) + " returned " + std::to_string(result);
}

template <typename Function>
std::optional<LoaderError> bind(const SharedLibrary& library, const char* name, Function& slot)
{
    auto found = library.function<Function>(name);
    if (auto* error = std::get_if<LoaderError>(&found)) {
        return std::move(*error);
    }
    slot = std::get<Function>(found);
    return std::nullopt;
}

/// An optional function: null when the library does not export it.
template <typename Function> void bind_optional(const SharedLibrary& library, const char* name, Function& slot)
{
    if (bind(library, name, slot)) {
        slot = nullptr;
    }
}

/// A getter the library has, with its name for the errors.
struct Getter
{
    GetterFn function = nullptr;
    const char* name = "";
};

/// Bytes from a getter: `documented` is what the library is told it may write (in the length argument, as the
/// vendor's samples do) and the most it may report.
ReaderResult<Bytes> get_bytes(const Getter& getter, std::size_t documented)
{
    Bytes data(documented + kSlack, 0);
    int length = static_cast<int>(documented);
    const int result = getter.function(data.data(), &length);
    if (result != kSuccess) {
        return ReaderError{"E_READER_SDK_GETTER", 0, call_detail(getter.name, result)};
    }
    if (length < 0 || static_cast<std::size_t>(length) > documented) {
        return status_error(0x3F, std::string(getter.name) + " length " + std::to_string(length));
    }
    data.resize(static_cast<std::size_t>(length));
    return data;
}

/// A getter's text as UTF-8, without the padding some builds leave after it.
ReaderResult<std::string> get_text(const Getter& getter)
{
    auto bytes = get_bytes(getter, kFieldSize);
    if (auto* error = std::get_if<ReaderError>(&bytes)) {
        return std::move(*error);
    }
    const Bytes& raw = std::get<Bytes>(bytes);
    // Some builds report the length of the buffer and terminate the text with a zero. GB18030 has no zero byte
    // inside a character, so the first one ends the text.
    const auto end = std::find(raw.begin(), raw.end(), std::uint8_t{0});
    auto text = gb18030_to_utf8(std::span<const std::uint8_t>(raw.data(), static_cast<std::size_t>(end - raw.begin())));
    if (!text) {
        return ReaderError{"E_READER_FIELD", 0, std::string(getter.name) + " text is not GB18030"};
    }
    while (!text->empty() && text->back() == ' ') {
        text->pop_back();
    }
    return std::move(*text);
}

/// The card's sex code for the getter's 男 / 女 (or the code itself, which some builds give).
std::optional<std::string> sex_code_for(std::string_view text)
{
    for (const char* code : {"1", "2", "0", "9"}) {
        if (text == code || text == sex_name(code)) {
            return std::string(code);
        }
    }
    return std::nullopt;
}

/// The card's ethnic code for the getter's group name (汉, also 汉族 as some builds write it, or the code itself).
std::optional<std::string> ethnic_code_for(std::string_view text)
{
    if (!ethnic_name(text).empty()) {
        return std::string(text);
    }
    std::string code = ethnic_code_of(text);
    constexpr std::string_view kZu = "族";
    if (code.empty() && text.size() > kZu.size() && text.substr(text.size() - kZu.size()) == kZu) {
        code = ethnic_code_of(text.substr(0, text.size() - kZu.size()));
    }
    return code.empty() ? std::nullopt : std::optional<std::string>(std::move(code));
}

/// YYYYMMDD as the card has it. Some builds format dates as YYYY-MM-DD (or with dots); the separators go, anything
/// else (长期 included) stays as given for verification to judge.
std::string card_date(std::string text)
{
    const bool separated = text.size() == 10 && text[4] == text[7] && (text[4] == '-' || text[4] == '.');
    return separated ? text.substr(0, 4) + text.substr(5, 2) + text.substr(8, 2) : text;
}

std::optional<CardType> card_type_for(std::string_view text)
{
    if (text.empty()) {
        return CardType::resident; // resident cards have a space, trimmed away
    }
    if (text == "J") {
        return CardType::hmt_permit;
    }
    if (text == "I") {
        return CardType::foreign_2017;
    }
    if (text == "Y") {
        return CardType::foreign_2023;
    }
    return std::nullopt;
}

} // namespace

struct CvrSdkReader::Cvr
{
    InitCommFn init_comm = nullptr;
    CloseCommFn close_comm = nullptr;
    AuthenticateFn authenticate = nullptr;
    ReadContentFn read_content = nullptr;
    GetterFn name = nullptr;
    GetterFn sex = nullptr;
    GetterFn nation = nullptr;
    GetterFn birthday = nullptr;
    GetterFn address = nullptr;
    GetterFn id_code = nullptr;
    GetterFn department = nullptr;
    GetterFn start_date = nullptr;
    GetterFn end_date = nullptr;
    // Optional, null when not exported:
    GetSamIdFn get_sam_id = nullptr;
    GetterFn bmp = nullptr; ///< GetBMPData or GetBmpData; null: no photo from this library
    const char* bmp_name = "";
    ReadFpContentFn read_fp_content = nullptr;
    GetterFn fingerprint = nullptr;
    GetterFn cert_type = nullptr;     ///< null in older builds, which read resident cards only
    GetterFn pass_check_id = nullptr; ///< J: the travel permit number
    GetterFn issues_num = nullptr;    ///< J: issues; Y: renewals
    GetterFn chinese_name = nullptr;  ///< I and Y: the Chinese name (GetPeopleName is then the English one)
    GetterFn cert_version = nullptr;  ///< I
};

ReaderResult<std::unique_ptr<CvrSdkReader>> CvrSdkReader::open(const std::string& library_path_or_name, int port)
{
    if (!is_sdk_port(port)) {
        return ReaderError{"E_READER_PORT", 0,
                           "port " + std::to_string(port) + " is neither COM 1-16 nor USB 1001-1016"};
    }
    auto opened = SharedLibrary::open(library_path_or_name);
    if (auto* error = std::get_if<LoaderError>(&opened)) {
        return unavailable(std::move(error->message));
    }
    SharedLibrary library = std::move(std::get<SharedLibrary>(opened));

    auto cvr = std::make_unique<Cvr>();
    std::optional<LoaderError> missing;
    const auto need = [&](const char* name, auto& slot) {
        if (!missing) {
            missing = bind(library, name, slot);
        }
    };
    need("CVR_InitComm", cvr->init_comm);
    need("CVR_CloseComm", cvr->close_comm);
    need("CVR_Authenticate", cvr->authenticate);
    need("CVR_Read_Content", cvr->read_content);
    need("GetPeopleName", cvr->name);
    need("GetPeopleSex", cvr->sex);
    need("GetPeopleNation", cvr->nation);
    need("GetPeopleBirthday", cvr->birthday);
    need("GetPeopleAddress", cvr->address);
    need("GetPeopleIDCode", cvr->id_code);
    need("GetDepartment", cvr->department);
    need("GetStartDate", cvr->start_date);
    need("GetEndDate", cvr->end_date);
    if (missing) {
        return unavailable(std::move(missing->message));
    }
    bind_optional(library, "CVR_GetSAMID", cvr->get_sam_id);
    for (const char* name : {"GetBMPData", "GetBmpData"}) {
        if (cvr->bmp == nullptr) {
            bind_optional(library, name, cvr->bmp);
            cvr->bmp_name = name;
        }
    }
    bind_optional(library, "CVR_Read_FPContent", cvr->read_fp_content);
    bind_optional(library, "GetFPDate", cvr->fingerprint);
    bind_optional(library, "GetCertType", cvr->cert_type);
    bind_optional(library, "GetPassCheckID", cvr->pass_check_id);
    bind_optional(library, "GetIssuesNum", cvr->issues_num);
    bind_optional(library, "GetPeopleChineseName", cvr->chinese_name);
    bind_optional(library, "GetPeopleCertVersion", cvr->cert_version);

    const int result = cvr->init_comm(port);
    if (result != kSuccess) {
        // Whatever the library says (2: the port would not open, …), the port is what the clerk has to check.
        return ReaderError{"E_READER_PORT", 0,
                           "CVR_InitComm(" + std::to_string(port) + ") returned " + std::to_string(result) + " in " +
                               library.name()};
    }
    return std::unique_ptr<CvrSdkReader>(new CvrSdkReader(std::move(library), std::move(cvr), port));
}

CvrSdkReader::CvrSdkReader(SharedLibrary library, std::unique_ptr<Cvr> cvr, int port)
    : m_library(std::move(library)), m_cvr(std::move(cvr)), m_port(port)
{
}

CvrSdkReader::~CvrSdkReader()
{
    // Nothing to do about a failure here: the port is ours to release and there is no one left to tell.
    m_cvr->close_comm();
}

bool CvrSdkReader::supports_fingerprint() const
{
    return m_cvr->read_fp_content != nullptr && m_cvr->fingerprint != nullptr;
}

ReaderResult<Nothing> CvrSdkReader::sam_status()
{
    return Nothing{};
}

ReaderResult<std::string> CvrSdkReader::sam_id()
{
    if (m_cvr->get_sam_id == nullptr) {
        return ReaderError{"E_READER_SDK_UNSUPPORTED", 0, m_library.name() + " does not export CVR_GetSAMID"};
    }
    std::array<char, kSamIdSize + kSlack> text{};
    const int result = m_cvr->get_sam_id(text.data());
    if (result != kSuccess) {
        return ReaderError{"E_READER_SDK_GETTER", 0, call_detail("CVR_GetSAMID", result)};
    }
    // Bounded: a library that forgets the terminator must not send us reading past the documented 40 characters.
    const char* end = std::find(text.data(), text.data() + kSamIdSize, '\0');
    return std::string(text.data(), static_cast<std::size_t>(end - text.data()));
}

ReaderResult<Nothing> CvrSdkReader::find_card()
{
    const int result = m_cvr->authenticate();
    std::string detail = call_detail("CVR_Authenticate", result);
    switch (result) {
    case kSuccess:
        return Nothing{};
    case kFindFailed:
        return status_error(0x80, std::move(detail));
    case kSelectFailed:
        return status_error(0x81, std::move(detail));
    // The transport error the reader service answers by reconnecting, as for a serial reader pulled out.
    case kNoReader:
        return ReaderError{"E_READER_UNPLUGGED", 0, std::move(detail)};
    default:
        return ReaderError{"E_READER_STATUS", 0, std::move(detail)};
    }
}

ReaderResult<Nothing> CvrSdkReader::select_card()
{
    return Nothing{};
}

ReaderResult<RawCard> CvrSdkReader::read_card(bool with_fingerprint)
{
    if (with_fingerprint && !supports_fingerprint()) {
        return ReaderError{"E_READER_SDK_UNSUPPORTED", 0,
                           m_library.name() + " does not export CVR_Read_FPContent and GetFPDate"};
    }
    const int result = with_fingerprint ? m_cvr->read_fp_content() : m_cvr->read_content(kReadTextAndPhoto);
    if (result != kSuccess) {
        return status_error(0x41, call_detail(with_fingerprint ? "CVR_Read_FPContent" : "CVR_Read_Content", result));
    }

    // Each field read, remembered with its getter so a field that does not fit the card's layout can be named.
    std::optional<ReaderError> failed;
    std::vector<std::pair<std::string CardText::*, const char*>> filled;
    CardText card;
    const auto text_of = [&](GetterFn function, const char* name) -> std::string {
        if (failed || function == nullptr) {
            return {};
        }
        auto text = get_text(Getter{function, name});
        if (auto* error = std::get_if<ReaderError>(&text)) {
            failed = std::move(*error);
            return {};
        }
        return std::move(std::get<std::string>(text));
    };
    const auto fill = [&](std::string CardText::*field, GetterFn function, const char* name) {
        card.*field = text_of(function, name);
        filled.emplace_back(field, name);
    };

    if (m_cvr->cert_type != nullptr) {
        const std::string type_text = text_of(m_cvr->cert_type, "GetCertType");
        if (failed) {
            return *failed;
        }
        const auto type = card_type_for(type_text);
        if (!type) {
            return status_error(0x40, "GetCertType gave an unknown type");
        }
        card.type = *type;
    }
    const bool foreign = card.type == CardType::foreign_2017 || card.type == CardType::foreign_2023;

    // On foreigner cards GetPeopleName is the English name and GetPeopleNation the nationality (alpha-3).
    fill(foreign ? &CardText::english_name : &CardText::name, m_cvr->name, "GetPeopleName");
    fill(&CardText::id_number, m_cvr->id_code, "GetPeopleIDCode");
    const std::string sex_text = text_of(m_cvr->sex, "GetPeopleSex");
    card.birth = card_date(text_of(m_cvr->birthday, "GetPeopleBirthday"));
    filled.emplace_back(&CardText::birth, "GetPeopleBirthday");
    card.valid_from = card_date(text_of(m_cvr->start_date, "GetStartDate"));
    filled.emplace_back(&CardText::valid_from, "GetStartDate");
    card.valid_to = card_date(text_of(m_cvr->end_date, "GetEndDate"));
    filled.emplace_back(&CardText::valid_to, "GetEndDate");
    std::string nation_text;
    switch (card.type) {
    case CardType::resident:
        nation_text = text_of(m_cvr->nation, "GetPeopleNation");
        [[fallthrough]];
    case CardType::hmt_permit:
        fill(&CardText::address, m_cvr->address, "GetPeopleAddress");
        fill(&CardText::authority, m_cvr->department, "GetDepartment");
        break;
    case CardType::foreign_2017:
        // The 2017 card holds the authority's 4-character code, not its name; a longer answer is refused below.
        fill(&CardText::authority, m_cvr->department, "GetDepartment");
        fill(&CardText::card_version, m_cvr->cert_version, "GetPeopleCertVersion");
        [[fallthrough]];
    case CardType::foreign_2023:
        fill(&CardText::name, m_cvr->chinese_name, "GetPeopleChineseName");
        fill(&CardText::nationality, m_cvr->nation, "GetPeopleNation");
        break;
    }
    if (card.type == CardType::hmt_permit) {
        fill(&CardText::pass_number, m_cvr->pass_check_id, "GetPassCheckID");
    }
    if (card.type == CardType::hmt_permit || card.type == CardType::foreign_2023) {
        fill(&CardText::issue_count, m_cvr->issues_num, "GetIssuesNum");
    }
    if (failed) {
        return *failed;
    }

    const auto sex = sex_code_for(sex_text);
    if (!sex) {
        return ReaderError{"E_READER_FIELD", 0, "GetPeopleSex gave no sex we know"};
    }
    card.sex_code = *sex;
    if (card.type == CardType::resident) {
        const auto ethnic = ethnic_code_for(nation_text);
        if (!ethnic) {
            return ReaderError{"E_READER_FIELD", 0, "GetPeopleNation gave no ethnic group we know"};
        }
        card.ethnic_code = *ethnic;
    }

    // One verification path for every transport: the fields go back into the 256-byte block the chip holds, and
    // read_and_verify decodes and verifies it exactly as a block read over the serial port or from the sdtapi
    // family. Building the CardText directly would skip decode_card_text, and with it the card's own field sizes:
    // decoding the block again proves that every field fitted the layout instead of being cut short unnoticed.
    Bytes block = encode_card_text(card);
    auto decoded = decode_card_text(block);
    if (auto* error = std::get_if<ReaderError>(&decoded)) {
        return std::move(*error);
    }
    const CardText& back = std::get<CardText>(decoded);
    for (const auto& [field, getter] : filled) {
        if (back.*field != card.*field) {
            return status_error(0x3F, std::string(getter) + " does not fit the " + std::string(to_string(card.type)) +
                                          " card's field");
        }
    }

    RawCard raw;
    raw.text = std::move(block);
    if (m_cvr->bmp != nullptr) {
        // The library decodes the WLT itself and gives out only the BMP: kept as the decoded photo; no WLT.
        auto bmp = get_bytes(Getter{m_cvr->bmp, m_cvr->bmp_name}, kPhotoBmpSize);
        if (auto* error = std::get_if<ReaderError>(&bmp)) {
            return ReaderError{"E_READER_PHOTO_DECODE", error->status, std::move(error->detail)};
        }
        raw.photo_bmp = std::move(std::get<Bytes>(bmp));
        if (raw.photo_bmp.size() != kPhotoBmpSize || raw.photo_bmp[0] != 'B' || raw.photo_bmp[1] != 'M') {
            return ReaderError{"E_READER_PHOTO_DECODE", 0,
                               std::string(m_cvr->bmp_name) + " gave no 38862-byte BMP (" +
                                   std::to_string(raw.photo_bmp.size()) + " bytes)"};
        }
    }
    if (with_fingerprint) {
        auto fingerprint = get_bytes(Getter{m_cvr->fingerprint, "GetFPDate"}, kFingerprintSize);
        if (auto* error = std::get_if<ReaderError>(&fingerprint)) {
            return std::move(*error);
        }
        raw.fingerprint = std::move(std::get<Bytes>(fingerprint));
    }
    return raw;
}

ReaderResult<std::optional<Bytes>> CvrSdkReader::read_appended_address()
{
    return std::optional<Bytes>{};
}

} // namespace idcard
