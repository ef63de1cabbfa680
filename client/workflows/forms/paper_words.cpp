#include "client/workflows/forms/paper_words.h"

#include "domain/money.h"

#include <array>
#include <ctime>
#include <utility>

namespace workflows {
namespace {

using Words = std::pair<std::string_view, std::string_view>;

template <std::size_t N> std::string look_up(const std::array<Words, N>& table, std::string_view code)
{
    for (const auto& [known, words] : table) {
        if (known == code) {
            return std::string(words);
        }
    }
    return std::string(code);
}

constexpr std::array<Words, 7> kOrderTypes{{
    {"install", "市话新装"},
    {"move", "市话移机"},
    {"vasChange", "改增值产品及属性"},
    {"accountChange", "改帐务关系"},
    {"familyBundle", "亲情1+"},
    {"memberAdd", "集团成员加入"},
    {"memberRemove", "集团成员退出"},
}};

constexpr std::array<Words, 10> kCertificates{{
    {"idCard", "居民身份证"},
    {"hmtPermit", "港澳台居民居住证"},
    {"foreignerPermit", "外国人永久居留身份证"},
    {"passport", "护照"},
    {"hkMacaoPass", "港澳居民来往内地通行证"},
    {"taiwanPass", "台湾居民来往大陆通行证"},
    {"businessLicence", "营业执照"},
    {"orgCode", "组织机构代码证"},
    {"introductionLetter", "介绍信"},
    {"institutionCertificate", "事业单位法人证书"},
}};

constexpr std::array<Words, 8> kMethods{{
    {"cash", "现金"},
    {"bankCard", "银行卡"},
    {"card", "银行卡"},
    {"wechat", "微信支付"},
    {"alipay", "支付宝"},
    {"cheque", "支票"},
    {"collection", "托收"},
    {"directDebit", "银行代扣"},
}};

constexpr std::array<Words, 4> kGrades{{
    {"diamond", "钻石"},
    {"gold", "金"},
    {"silver", "银"},
    {"ordinary", "普通"},
}};

constexpr std::array<Words, 2> kGroupTypes{{
    {"keyAccount", "大客户"},
    {"sme", "中小企业"},
}};

} // namespace

std::string order_type_words(std::string_view order_type)
{
    return look_up(kOrderTypes, order_type);
}

std::string certificate_words(std::string_view type)
{
    return look_up(kCertificates, type);
}

std::string payment_method_words(std::string_view method)
{
    return look_up(kMethods, method);
}

std::string grade_words(std::string_view grade)
{
    return look_up(kGrades, grade);
}

std::string group_type_words(std::string_view type)
{
    return look_up(kGroupTypes, type);
}

std::string paper_time(store::UtcTime at)
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
    std::tm local{};
    localtime_r(&seconds, &local);
    std::array<char, 32> text{};
    const auto length = std::strftime(text.data(), text.size(), "%Y-%m-%d %H:%M", &local);
    return {text.data(), length};
}

std::string paper_date(domain::Date date)
{
    return domain::format_iso(date);
}

std::string paper_money(std::int64_t fen)
{
    return domain::Money::from_fen(fen).plain();
}

} // namespace workflows
