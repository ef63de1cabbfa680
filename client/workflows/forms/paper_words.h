#pragma once
/// How stored values read on paper. The forms are the operator's Chinese stationery whatever the screen's language,
/// so these are fixed Chinese words, not translations; an unknown code prints as itself rather than as nothing.

#include "client/store/utc_text.h"
#include "domain/civil_date.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace workflows {

/// install → 市话新装, move → 市话移机, vasChange → 改增值产品及属性, …
std::string order_type_words(std::string_view order_type);
/// idCard → 居民身份证, businessLicence → 营业执照, …
std::string certificate_words(std::string_view type);
/// cash → 现金, bankCard → 银行卡, collection → 托收, directDebit → 银行代扣, …
std::string payment_method_words(std::string_view method);
/// diamond → 钻石, gold → 金, silver → 银, ordinary → 普通.
std::string grade_words(std::string_view grade);
/// keyAccount → 大客户, sme → 中小企业.
std::string group_type_words(std::string_view type);

/// "YYYY-MM-DD HH:MM" on this machine's local clock: times are UTC in storage, local on paper.
std::string paper_time(store::UtcTime at);
/// "YYYY-MM-DD".
std::string paper_date(domain::Date date);
/// Integer fen as the forms' money text: 36000 → "360.00".
std::string paper_money(std::int64_t fen);

} // namespace workflows
