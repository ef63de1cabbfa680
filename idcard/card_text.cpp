#include "idcard/card_text.h"

#include <array>
#include <boost/locale/encoding_utf.hpp>

namespace idcard {
namespace {

/// A field of the text block: byte offset and size.
struct Field
{
    std::size_t offset;
    std::size_t size;
};

// Resident ID and 'J' permit (§1.4).
constexpr Field kName{0, 30}, kSex{30, 2}, kEthnic{32, 4}, kBirth{36, 16}, kAddress{52, 70}, kNumber{122, 36},
    kAuthority{158, 30}, kFrom{188, 16}, kTo{204, 16}, kPass{220, 18}, kIssues{238, 4};
// 'I' foreigner card (2017).
constexpr Field kIEnglish{0, 120}, kISex{120, 2}, kINumber{122, 30}, kINationality{152, 6}, kIName{158, 30},
    kIBirth{220, 16}, kIVersion{236, 4}, kIAuthority{240, 8};
// 'Y' foreigner card (2023).
constexpr Field kYRenewals{32, 4}, kYEnglish1{52, 70}, kYEnglish2{220, 22}, kYNationality{242, 6}, kYPrevious{250, 6};
constexpr std::size_t kTypeOffset = 248;

constexpr std::array<std::string_view, 56> kEthnicNames{
    "汉",   "蒙古",   "回",   "藏",     "维吾尔",   "苗",   "彝",       "壮",     "布依",   "朝鲜", "满",   "侗",
    "瑶",   "白",     "土家", "哈尼",   "哈萨克",   "傣",   "黎",       "傈僳",   "佤",     "畲",   "高山", "拉祜",
    "水",   "东乡",   "纳西", "景颇",   "柯尔克孜", "土",   "达斡尔",   "仫佬",   "羌",     "布朗", "撒拉", "毛南",
    "仡佬", "锡伯",   "阿昌", "普米",   "塔吉克",   "怒",   "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固",
    "京",   "塔塔尔", "独龙", "鄂伦春", "赫哲",     "门巴", "珞巴",     "基诺"};

std::string field(std::span<const std::uint8_t> block, Field f)
{
    return decode_ucs2le(block.subspan(f.offset, f.size));
}

void put(Bytes& block, Field f, std::string_view utf8)
{
    const Bytes encoded = encode_ucs2le(utf8, f.size);
    std::copy(encoded.begin(), encoded.end(), block.begin() + static_cast<std::ptrdiff_t>(f.offset));
}

} // namespace

std::string_view to_string(CardType type)
{
    switch (type) {
    case CardType::resident:
        return "resident";
    case CardType::hmt_permit:
        return "J";
    case CardType::foreign_2017:
        return "I";
    case CardType::foreign_2023:
        return "Y";
    }
    return "resident";
}

std::string decode_ucs2le(std::span<const std::uint8_t> bytes)
{
    std::u16string units;
    units.reserve(bytes.size() / 2);
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        units.push_back(static_cast<char16_t>(bytes[i] | (bytes[i + 1] << 8)));
    }
    while (!units.empty() && (units.back() == u' ' || units.back() == u'\0')) {
        units.pop_back();
    }
    // Boost.Locale's UTF converter replaces what cannot be decoded (unpaired surrogates) instead of throwing.
    return boost::locale::conv::utf_to_utf<char>(units);
}

Bytes encode_ucs2le(std::string_view utf8, std::size_t field_bytes)
{
    const std::u16string units = boost::locale::conv::utf_to_utf<char16_t>(utf8.data(), utf8.data() + utf8.size());
    Bytes out;
    out.reserve(field_bytes);
    for (char16_t u : units) {
        if (out.size() + 2 > field_bytes) {
            break;
        }
        out.push_back(static_cast<std::uint8_t>(u & 0xFF));
        out.push_back(static_cast<std::uint8_t>(u >> 8));
    }
    while (out.size() + 2 <= field_bytes) {
        out.push_back(0x20);
        out.push_back(0x00);
    }
    return out;
}

std::string_view ethnic_name(std::string_view code)
{
    if (code == "97") {
        return "其他";
    }
    if (code == "98") {
        return "外国血统中国籍人士";
    }
    if (code.size() != 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') {
        return {};
    }
    const int n = (code[0] - '0') * 10 + (code[1] - '0');
    return n >= 1 && n <= 56 ? kEthnicNames[static_cast<std::size_t>(n - 1)] : std::string_view{};
}

std::string ethnic_code_of(std::string_view name)
{
    for (const char* code : {"97", "98"}) {
        if (ethnic_name(code) == name) {
            return code;
        }
    }
    for (std::size_t i = 0; i < kEthnicNames.size(); ++i) {
        if (kEthnicNames[i] == name) {
            const std::size_t n = i + 1;
            return {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
        }
    }
    return {};
}

std::string_view sex_name(std::string_view code)
{
    if (code == "1") {
        return "男";
    }
    if (code == "2") {
        return "女";
    }
    if (code == "0") {
        return "未知的性别";
    }
    if (code == "9") {
        return "未说明的性别";
    }
    return {};
}

ReaderResult<CardText> decode_card_text(std::span<const std::uint8_t> block)
{
    if (block.size() != 256) {
        return status_error(0x3F, "text block of " + std::to_string(block.size()) + " bytes");
    }
    CardText t;
    const std::uint8_t type_low = block[kTypeOffset];
    const std::uint8_t type_high = block[kTypeOffset + 1];
    if (type_high != 0 || (type_low != ' ' && type_low != 'J' && type_low != 'I' && type_low != 'Y')) {
        return status_error(0x40, "type character " + std::to_string(type_low | (type_high << 8)));
    }
    if (type_low == 'I') {
        t.type = CardType::foreign_2017;
        t.english_name = field(block, kIEnglish);
        t.sex_code = field(block, kISex);
        t.id_number = field(block, kINumber);
        t.nationality = field(block, kINationality);
        t.name = field(block, kIName);
        t.valid_from = field(block, kFrom);
        t.valid_to = field(block, kTo);
        t.birth = field(block, kIBirth);
        t.card_version = field(block, kIVersion);
        t.authority = field(block, kIAuthority);
        return t;
    }
    t.name = field(block, kName);
    t.sex_code = field(block, kSex);
    t.birth = field(block, kBirth);
    t.id_number = field(block, kNumber);
    t.valid_from = field(block, kFrom);
    t.valid_to = field(block, kTo);
    if (type_low == 'Y') {
        t.type = CardType::foreign_2023;
        t.issue_count = field(block, kYRenewals);
        t.english_name = field(block, kYEnglish1) + field(block, kYEnglish2);
        t.nationality = field(block, kYNationality);
        t.previous_number = field(block, kYPrevious);
        return t;
    }
    t.address = field(block, kAddress);
    t.authority = field(block, kAuthority);
    if (type_low == 'J') {
        t.type = CardType::hmt_permit;
        t.pass_number = field(block, kPass);
        t.issue_count = field(block, kIssues);
    } else {
        t.ethnic_code = field(block, kEthnic);
    }
    return t;
}

std::string decode_appended_address(std::span<const std::uint8_t> bytes)
{
    return decode_ucs2le(bytes.first(std::min<std::size_t>(bytes.size(), 70)));
}

Bytes encode_card_text(const CardText& t)
{
    Bytes block = encode_ucs2le("", 256);
    switch (t.type) {
    case CardType::foreign_2017:
        put(block, kIEnglish, t.english_name);
        put(block, kISex, t.sex_code);
        put(block, kINumber, t.id_number);
        put(block, kINationality, t.nationality);
        put(block, kIName, t.name);
        put(block, kFrom, t.valid_from);
        put(block, kTo, t.valid_to);
        put(block, kIBirth, t.birth);
        put(block, kIVersion, t.card_version);
        put(block, kIAuthority, t.authority);
        block[kTypeOffset] = 'I';
        return block;
    case CardType::foreign_2023:
        put(block, kName, t.name);
        put(block, kSex, t.sex_code);
        put(block, kYRenewals, t.issue_count);
        put(block, kBirth, t.birth);
        put(block, kYEnglish1, t.english_name.substr(0, std::min<std::size_t>(t.english_name.size(), 35)));
        if (t.english_name.size() > 35) {
            put(block, kYEnglish2, t.english_name.substr(35));
        }
        put(block, kNumber, t.id_number);
        put(block, kFrom, t.valid_from);
        put(block, kTo, t.valid_to);
        put(block, kYNationality, t.nationality);
        put(block, kYPrevious, t.previous_number);
        block[kTypeOffset] = 'Y';
        return block;
    case CardType::resident:
    case CardType::hmt_permit:
        break;
    }
    put(block, kName, t.name);
    put(block, kSex, t.sex_code);
    put(block, kBirth, t.birth);
    put(block, kAddress, t.address);
    put(block, kNumber, t.id_number);
    put(block, kAuthority, t.authority);
    put(block, kFrom, t.valid_from);
    put(block, kTo, t.valid_to);
    if (t.type == CardType::hmt_permit) {
        put(block, kPass, t.pass_number);
        put(block, kIssues, t.issue_count);
        block[kTypeOffset] = 'J';
    } else {
        put(block, kEthnic, t.ethnic_code);
    }
    return block;
}

} // namespace idcard
