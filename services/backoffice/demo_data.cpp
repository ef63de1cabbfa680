// Demo data (`--demo-data`). Deterministic from the seed: std::mt19937 is specified to the bit, and values are taken
// from it with modulo rather than with <random>'s distributions, whose results differ between standard libraries.
//
// Demo logins (also kDemoLogins in the header): 1001 / Clerk#1001 and 1002 / Clerk#1002 (营业员), 2001 / Super#2001
// (班长), 3001 / Manager#3001 and 3002 / Manager#3002 (客户经理).
#include "services/backoffice/demo_data.h"

#include "domain/civil_date.h"
#include "domain/credit_code.h"
#include "domain/id_number.h"
#include "domain/org_code.h"
#include "domain/phone_number.h"
#include "domain/region_codes.h"
#include "domain/short_number.h"
#include "services/backoffice/password_hasher.h"
#include "services/backoffice/permissions.h"
#include "services/backoffice/sql_util.h"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace backoffice {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

constexpr const char* kMarker = "demo_data"; // settings row written with the data: its presence means "seeded"
constexpr std::size_t kGroups = 20;
constexpr std::size_t kFreeNumbersPerExchange = 200;

// ---- what is seeded ----------------------------------------------------------------------------------------------

struct HallSeed
{
    const char* hall_id;
    const char* name;
};
constexpr std::array<HallSeed, 3> kHalls{{{"H01", "南山营业厅"}, {"H02", "福田营业厅"}, {"H03", "罗湖营业厅"}}};

struct StaffSeed
{
    const char* staff_id;
    const char* name;
    const char* hall_id;
};
// In the order of kDemoLogins, which holds their passwords and roles.
/// The holders of the simulator's valid sample cards (idcard/sample_cards.cpp): name and the first 17 characters of
/// the ID number. Kept equal by tests/backoffice/demo_data_test.cpp.
struct CardHolder
{
    const char* name;
    const char* first17;
};
constexpr std::array<CardHolder, 2> kCardHolders{{{"张伟", "11010519850312001"}, {"王秀英", "11010519580701002"}}};

constexpr std::array<StaffSeed, kDemoLogins.size()> kStaff{{{"1001", "李晓梅", "H01"},
                                                            {"1002", "王志强", "H02"},
                                                            {"2001", "陈建华", "H01"},
                                                            {"3001", "刘思远", "H03"},
                                                            {"3002", "黄丽娟", "H03"}}};
constexpr std::array<const char*, 2> kClerks{"1001", "1002"};
constexpr std::array<const char*, 2> kManagers{"3001", "3002"};

enum class Window
{
    current,
    retired,
    expired
};

struct OfferingSeed
{
    const char* offering_id;
    const char* name;
    const char* kind;
    Window window;
    long long one_off_fen;
    long long monthly_fen;
};
constexpr std::array<OfferingSeed, 10> kOfferings{{
    {"PSTN-BASIC", "市话", "basic", Window::current, 10000, 1800},
    {"PSTN-BIZ", "商务固话", "basic", Window::current, 20000, 3800},
    {"VAS-CLIP", "来电显示", "vas", Window::current, 0, 600},
    {"VAS-CW", "呼叫等待", "vas", Window::current, 0, 300},
    {"VAS-CFU", "呼叫转移", "vas", Window::current, 0, 500},
    {"VAS-3WAY", "三方通话", "vas", Window::current, 0, 500},
    {"VAS-DDD", "长途权限", "vas", Window::current, 0, 0},
    {"VAS-ALARM", "闹钟服务", "vas", Window::current, 0, 200},
    // Never to be sold: withdrawn, and a promotion whose time is over.
    {"PSTN-ISDN", "ISDN一线通", "basic", Window::retired, 30000, 4800},
    {"VAS-CLIP-PROMO", "来电显示半价促销", "vas", Window::expired, 0, 300},
}};

struct AttributeSeed
{
    const char* offering_id;
    int position;
    const char* name;
    const char* allowed;       ///< '|'-separated; empty for free text
    const char* default_value; ///< nullptr for none
};
constexpr std::array<AttributeSeed, 2> kAttributes{{
    {"VAS-CFU", 1, "forwardTo", "", nullptr},
    {"VAS-DDD", 1, "scope", "国内|港澳台|国际", "国内"},
}};

/// The county-level divisions of 广东省 in force (GB/T 2260, 2023): 122 codes. The table in domain/ is the union of
/// every revision, so it alone would also offer abolished ones (东山区, 花县, 海口市 when Hainan was Guangdong's).
constexpr std::array<int, 122> kGuangdongCounties{
    440103, 440104, 440105, 440106, 440111, 440112, 440113, 440114, 440115, 440117, 440118, 440203, 440204, 440205,
    440222, 440224, 440229, 440232, 440233, 440281, 440282, 440303, 440304, 440305, 440306, 440307, 440308, 440309,
    440310, 440311, 440402, 440403, 440404, 440507, 440511, 440512, 440513, 440514, 440515, 440523, 440604, 440605,
    440606, 440607, 440608, 440703, 440704, 440705, 440781, 440783, 440784, 440785, 440802, 440803, 440804, 440811,
    440823, 440825, 440881, 440882, 440883, 440902, 440904, 440981, 440982, 440983, 441202, 441203, 441204, 441223,
    441224, 441225, 441226, 441284, 441302, 441303, 441322, 441323, 441324, 441402, 441403, 441422, 441423, 441424,
    441426, 441427, 441481, 441502, 441521, 441523, 441581, 441602, 441621, 441622, 441623, 441624, 441625, 441702,
    441704, 441721, 441781, 441802, 441803, 441821, 441823, 441825, 441826, 441881, 441882, 445102, 445103, 445122,
    445202, 445203, 445222, 445224, 445281, 445302, 445303, 445321, 445322, 445381,
};
/// Prefecture-level cities without districts (东莞市, 中山市): towns sit directly under them.
constexpr std::array<int, 2> kGuangdongCitiesWithoutDistricts{441900, 442000};
constexpr int kGuangdong = 440000;

/// Shenzhen's districts with their exchange (局向), the first digits of its numbers and three of its roads.
struct DistrictSeed
{
    int code;
    const char* exchange;
    const char* grid; ///< prefix of the sales grids (网格) there
    const char* number_prefix;
    std::array<const char*, 3> streets;
};
constexpr std::array<DistrictSeed, 9> kShenzhen{{
    {440303, "LH01", "LH", "25", {"东门中路", "人民南路", "深南东路"}},
    {440304, "FT01", "FT", "83", {"深南中路", "福华一路", "益田路"}},
    {440305, "NS01", "NS", "26", {"科技园路", "南海大道", "后海大道"}},
    {440306, "BA01", "BA", "27", {"宝安大道", "新安六路", "前进一路"}},
    {440307, "LG01", "LG", "28", {"龙岗大道", "布吉路", "龙城大道"}},
    {440308, "YT01", "YT", "22", {"深盐路", "海山路", "盐田路"}},
    {440309, "MZ01", "MZ", "23", {"民治大道", "人民路", "梅龙大道"}},
    {440310, "PS01", "PS", "84", {"坪山大道", "东纵路", "深汕路"}},
    {440311, "GM01", "GM", "21", {"光明大道", "华夏路", "观光路"}},
}};
constexpr std::size_t kBuildingsPerStreet = 4;
constexpr std::array<const char*, 18> kEstates{"华润", "中信", "海岸", "汇金",   "星河", "卓越",
                                               "招商", "天安", "金地", "华侨城", "财富", "国际",
                                               "科兴", "阳光", "东方", "锦绣",   "碧海", "长城"};

constexpr std::array<const char*, 80> kSurnames{
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",   "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭",   "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕",   "丁",
    "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾",   "夏",
    "韦", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "段", "雷", "侯", "欧阳", "司马",
};
constexpr std::array<const char*, 40> kMaleGiven{
    "伟",   "强",   "磊",   "军",   "洋",   "勇",   "杰",   "涛",   "明",   "超",   "斌",   "辉",   "鹏",   "华",
    "飞",   "刚",   "建国", "志强", "文博", "浩然", "俊杰", "子轩", "宇航", "家豪", "国华", "建华", "永强", "海峰",
    "振宇", "晓东", "伟民", "立新", "嘉伟", "思远", "天佑", "志明", "卫东", "锦辉", "梓豪", "承志",
};
constexpr std::array<const char*, 40> kFemaleGiven{
    "芳",   "娜",   "敏",   "静",   "丽",   "艳",   "娟",   "霞",   "燕",   "玲",   "婷",   "慧",   "萍",   "红",
    "琳",   "颖",   "秀英", "桂英", "晓梅", "丽娟", "雅琪", "欣怡", "梓涵", "诗琪", "思彤", "佳慧", "美玲", "淑珍",
    "雪梅", "晓燕", "海燕", "秋菊", "嘉欣", "紫琳", "婉婷", "雨萱", "慧敏", "玉兰", "凤英", "翠华",
};

/// Mobile prefixes in domain/data/mobile_prefixes.tsv (cmcc, cucc, ctcc).
constexpr std::array<const char*, 24> kMobilePrefixes{"135", "136", "137", "138", "139", "150", "151", "152",
                                                      "158", "159", "182", "187", "188", "130", "131", "132",
                                                      "155", "156", "186", "133", "153", "180", "189", "199"};

constexpr std::array<const char*, 20> kCompanyWords{"华信", "鹏程", "前海", "腾达", "海纳", "天越", "博远",
                                                    "嘉禾", "宏图", "恒达", "瑞丰", "锦程", "新锐", "启明",
                                                    "同创", "卓远", "德信", "云帆", "星辉", "汇通"};
constexpr std::array<const char*, 10> kIndustries{"科技",     "电子",     "贸易",     "物流",     "建筑工程",
                                                  "餐饮管理", "信息技术", "医疗器械", "投资咨询", "文化传播"};
constexpr std::array<const char*, 3> kBlacklistReasons{"恶意欠费", "冒用他人证件办理业务", "涉嫌通讯信息诈骗"};

// ---- helpers -----------------------------------------------------------------------------------------------------

class Dice
{
public:
    explicit Dice(std::uint32_t seed) : m_rng(seed) {}

    /// 0 ≤ result < n.
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(m_rng() % n); }
    /// lo ≤ result ≤ hi.
    long long between(long long lo, long long hi)
    {
        return lo + static_cast<long long>(m_rng() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    bool percent(std::size_t p) { return below(100) < p; }
    template <typename T, std::size_t N> T pick(const std::array<T, N>& values) { return values[below(N)]; }
    std::string digits(std::size_t count)
    {
        std::string text;
        for (std::size_t i = 0; i < count; ++i) {
            text += static_cast<char>('0' + below(10));
        }
        return text;
    }

private:
    std::mt19937 m_rng;
};

std::string padded(long long value, int width)
{
    char text[32];
    std::snprintf(text, sizeof text, "%0*lld", width, value);
    return text;
}

std::string name_of(int code)
{
    const auto name = domain::region_name(code);
    if (!name) {
        throw std::logic_error("division code " + std::to_string(code) + " is not in the table");
    }
    return std::string(*name);
}

int count_rows(soci::session& sql, const std::string& query)
{
    int count = 0;
    sql << query, soci::into(count);
    return count;
}

/// Whether `query` ("SELECT COUNT(*) … WHERE key = :k") finds a row for `key`.
bool exists(soci::session& sql, const char* query, const std::string& key)
{
    int count = 0;
    sql << query, soci::use(key), soci::into(count);
    return count > 0;
}

long long counter_value(soci::session& sql, const std::string& name)
{
    long long value = 0;
    sql << "SELECT value FROM counters WHERE name = :n", soci::use(name), soci::into(value);
    if (!sql.got_data()) {
        throw std::runtime_error("counter " + name + " is missing");
    }
    return value;
}

/// Lucky numbers cost extra (选号费).
long long number_fee(const std::string& number)
{
    const auto ends = [&](std::string_view tail) { return number.ends_with(tail); };
    return ends("8888") ? 50000 : ends("666") ? 20000 : ends("88") ? 10000 : 0;
}

// ---- the rows, gathered column by column for bulk inserts --------------------------------------------------------

struct AddressRows
{
    std::vector<std::string> id, level, name, full_name, parent, exchange;
    std::vector<soci::indicator> parent_ind, exchange_ind;
    std::vector<int> total, used;

    void add(std::string address_id, const char* address_level, std::string address_name, std::string full,
             std::string parent_id)
    {
        id.push_back(std::move(address_id));
        level.emplace_back(address_level);
        name.push_back(std::move(address_name));
        full_name.push_back(std::move(full));
        parent_ind.push_back(parent_id.empty() ? soci::i_null : soci::i_ok);
        parent.push_back(std::move(parent_id));
        exchange.emplace_back();
        exchange_ind.push_back(soci::i_null);
        total.push_back(0);
        used.push_back(0);
    }
};

struct CustomerRows
{
    std::vector<std::string> id, kind, name, grade, address, phone, group_type, grid, served_by, updated_at;
    std::vector<soci::indicator> group_type_ind, grid_ind;
    std::vector<int> blacklisted;
    std::vector<long long> arrears, change;
};

struct CertificateRows
{
    std::vector<std::string> customer, type, number, valid_to;
    std::vector<soci::indicator> valid_to_ind;
};

struct AccountRows
{
    std::vector<std::string> id, customer, name, method;
    std::vector<long long> balance;
};

struct ServiceRows
{
    std::vector<std::string> number, customer, offering, address, account;
};

struct NumberRows
{
    std::vector<std::string> number, exchange, status;
    std::vector<long long> fee;
};

struct MemberRows
{
    std::vector<std::string> group, number, short_number, added_at;
};

struct Building
{
    std::size_t row;      ///< index in AddressRows
    std::size_t district; ///< index in kShenzhen
    std::string full_name;
    int lines = 0; ///< demo services installed there
};

class Seeder
{
public:
    Seeder(soci::session& sql, const DemoOptions& options)
        : m_sql(sql), m_options(options), m_dice(options.seed),
          m_today(std::chrono::floor<days>(options.now + std::chrono::hours{8})), m_now(iso(options.now))
    {
    }

    void run()
    {
        roles();
        halls_and_staff();
        offerings();
        address_tree();
        free_numbers();
        individuals();
        groups();
        ports();
        write();
    }

private:
    [[nodiscard]] std::string date_in(long long from_today) const
    {
        return domain::format_iso(domain::Date{sys_days{m_today} + days{from_today}});
    }

    std::string mobile()
    {
        for (;;) {
            // Each draw in its own statement: the operands of + are evaluated in an unspecified order.
            auto number = std::string(m_dice.pick(kMobilePrefixes));
            number += m_dice.digits(8);
            if (m_mobiles.insert(number).second) {
                assert(domain::PhoneNumber::parse(number));
                return number;
            }
        }
    }

    std::string person_name(bool male)
    {
        std::string name = m_dice.pick(kSurnames);
        name += male ? m_dice.pick(kMaleGiven) : m_dice.pick(kFemaleGiven);
        return name;
    }

    std::string number_in(std::size_t district, const std::string& tail = {})
    {
        const auto& seed = kShenzhen[district];
        for (;;) {
            auto number = std::string(seed.number_prefix) + m_dice.digits(6 - tail.size()) + tail;
            if (m_fixed.insert(number).second) {
                return number;
            }
        }
    }

    void roles()
    {
        for (const auto& role : built_in_roles()) {
            const std::string id(role.role_id);
            if (exists(m_sql, "SELECT COUNT(*) FROM roles WHERE role_id = :k", id)) {
                continue;
            }
            const std::string name(role.name);
            m_sql << "INSERT INTO roles (role_id, name, built_in) VALUES (:r, :n, 1)", soci::use(id), soci::use(name);
            for (const auto permission : role.permissions) {
                const std::string p(permission);
                m_sql << "INSERT INTO role_permissions (role_id, permission) VALUES (:r, :p)", soci::use(id),
                    soci::use(p);
            }
        }
    }

    void halls_and_staff()
    {
        for (const auto& hall : kHalls) {
            const std::string id(hall.hall_id);
            const std::string name(hall.name);
            if (!exists(m_sql, "SELECT COUNT(*) FROM halls WHERE hall_id = :k", id)) {
                m_sql << "INSERT INTO halls (hall_id, name) VALUES (:h, :n)", soci::use(id), soci::use(name);
            }
        }
        const PasswordHasher hasher(PasswordHasher::minimum());
        for (std::size_t i = 0; i < kStaff.size(); ++i) {
            const std::string id(kStaff[i].staff_id);
            const std::string name(kStaff[i].name);
            const std::string hall(kStaff[i].hall_id);
            const std::string role(kDemoLogins[i].role_id);
            if (exists(m_sql, "SELECT COUNT(*) FROM staff WHERE staff_id = :k", id)) {
                continue;
            }
            const auto hash = hasher.hash(kDemoLogins[i].password);
            if (!hash) {
                throw std::runtime_error("could not hash a demo password (out of memory)");
            }
            m_sql << "INSERT INTO staff (staff_id, name, hall_id, password_hash, enabled, built_in, must_change) "
                     "VALUES (:s, :n, :h, :p, 1, 0, 0)",
                soci::use(id), soci::use(name), soci::use(hall), soci::use(*hash);
            m_sql << "INSERT INTO staff_roles (staff_id, role_id) VALUES (:s, :r)", soci::use(id), soci::use(role);
        }
    }

    void offerings()
    {
        // Sellable since 2024 (or a year before `now`, for a clock set earlier); the promotion ended a month ago.
        const auto since = std::min(domain::format_iso(domain::make_date(2024, 1, 1)), date_in(-365));
        for (const auto& o : kOfferings) {
            const std::string id(o.offering_id);
            if (exists(m_sql, "SELECT COUNT(*) FROM offerings WHERE offering_id = :k", id)) {
                continue;
            }
            const std::string name(o.name);
            const std::string kind(o.kind);
            const std::string status = o.window == Window::retired ? "Retired" : "Launched";
            const std::string from = o.window == Window::expired ? date_in(-200) : since;
            const std::string to = o.window == Window::expired ? date_in(-30) : "";
            auto to_ind = to.empty() ? soci::i_null : soci::i_ok;
            m_sql << "INSERT INTO offerings (offering_id, name, kind, lifecycle_status, valid_from, valid_to, "
                     "one_off_fen, monthly_fen) VALUES (:o, :n, :k, :s, :f, :t, :one, :m)",
                soci::use(id), soci::use(name), soci::use(kind), soci::use(status), soci::use(from),
                soci::use(to, to_ind), soci::use(o.one_off_fen), soci::use(o.monthly_fen);
        }
        for (const auto& a : kAttributes) {
            const std::string id(a.offering_id);
            if (exists(m_sql, "SELECT COUNT(*) FROM offering_attributes WHERE offering_id = :k", id)) {
                continue;
            }
            const std::string name(a.name);
            const std::string allowed(a.allowed);
            const std::string value(a.default_value != nullptr ? a.default_value : "");
            auto value_ind = a.default_value != nullptr ? soci::i_ok : soci::i_null;
            m_sql << "INSERT INTO offering_attributes (offering_id, position, name, allowed, default_value) "
                     "VALUES (:o, :p, :n, :a, :d)",
                soci::use(id), soci::use(a.position), soci::use(name), soci::use(allowed), soci::use(value, value_ind);
        }
    }

    void address_tree()
    {
        domain::for_each_region([&](int code, std::string_view name) {
            if (code % 10000 == 0) {
                m_addresses.add(std::to_string(code), "province", std::string(name), std::string(name), {});
            }
        });
        const auto province = name_of(kGuangdong);
        std::set<int> cities(kGuangdongCitiesWithoutDistricts.begin(), kGuangdongCitiesWithoutDistricts.end());
        for (const int county : kGuangdongCounties) {
            cities.insert(county / 100 * 100);
        }
        for (const int city : cities) {
            m_addresses.add(std::to_string(city), "city", name_of(city), province + name_of(city),
                            std::to_string(kGuangdong));
        }
        for (const int county : kGuangdongCounties) {
            const int city = county / 100 * 100;
            m_addresses.add(std::to_string(county), "district", name_of(county),
                            province + name_of(city) + name_of(county), std::to_string(city));
        }
        for (std::size_t d = 0; d < kShenzhen.size(); ++d) {
            const auto& district = kShenzhen[d];
            const auto district_id = std::to_string(district.code);
            const auto district_name = province + name_of(district.code / 100 * 100) + name_of(district.code);
            for (std::size_t s = 0; s < district.streets.size(); ++s) {
                const auto street_id = district_id + "S" + padded(static_cast<long long>(s) + 1, 2);
                const auto street_name = district_name + district.streets[s];
                m_addresses.add(street_id, "street", district.streets[s], street_name, district_id);
                std::set<std::string> names;
                for (std::size_t b = 0; b < kBuildingsPerStreet; ++b) {
                    std::string name;
                    do {
                        const auto style = m_dice.below(3);
                        if (style == 0) {
                            name = std::to_string(m_dice.between(1, 300)) + "号";
                        } else {
                            name = m_dice.pick(kEstates);
                            if (style == 1) {
                                name += "大厦";
                            } else {
                                name += "花园" + std::to_string(m_dice.between(1, 12)) + "栋";
                            }
                        }
                    } while (!names.insert(name).second);
                    const auto building_id = street_id + "B" + padded(static_cast<long long>(b) + 1, 2);
                    m_buildings.push_back({m_addresses.id.size(), d, street_name + name, 0});
                    m_addresses.add(building_id, "building", name, street_name + name, street_id);
                    m_addresses.exchange.back() = district.exchange;
                    m_addresses.exchange_ind.back() = soci::i_ok;
                }
            }
        }
    }

    void free_numbers()
    {
        for (std::size_t d = 0; d < kShenzhen.size(); ++d) {
            std::vector<std::string> pool;
            pool.reserve(kFreeNumbersPerExchange);
            for (int i = 0; i < 2; ++i) {
                pool.push_back(number_in(d, "8888"));
            }
            for (int i = 0; i < 3; ++i) {
                pool.push_back(number_in(d, "666"));
            }
            for (int i = 0; i < 5; ++i) {
                pool.push_back(number_in(d, "88"));
            }
            while (pool.size() < kFreeNumbersPerExchange) {
                pool.push_back(number_in(d));
            }
            for (auto& number : pool) {
                add_number(std::move(number), d, "free");
            }
        }
    }

    void add_number(std::string number, std::size_t district, const char* status)
    {
        m_numbers.fee.push_back(number_fee(number));
        m_numbers.number.push_back(std::move(number));
        m_numbers.exchange.emplace_back(kShenzhen[district].exchange);
        m_numbers.status.emplace_back(status);
    }

    std::string room_at(const Building& building)
    {
        const auto floor = m_dice.between(1, 32);
        const auto door = m_dice.between(1, 12);
        return building.full_name + std::to_string(floor) + padded(door, 2) + "室";
    }

    std::string next_customer_id() { return "C" + padded(++m_customer_no, 8); }

    std::string add_account(const std::string& customer, const std::string& name, const char* method, long long balance)
    {
        auto id = "A" + padded(++m_account_no, 8);
        m_accounts.id.push_back(id);
        m_accounts.customer.push_back(customer);
        m_accounts.name.push_back(name);
        m_accounts.method.emplace_back(method);
        m_accounts.balance.push_back(balance);
        return id;
    }

    void add_customer(const std::string& id, const char* kind, const std::string& name, const char* grade,
                      std::string address, const char* group_type, std::string grid, const char* served_by,
                      int blacklisted, long long arrears)
    {
        m_customers.id.push_back(id);
        m_customers.kind.emplace_back(kind);
        m_customers.name.push_back(name);
        m_customers.grade.emplace_back(grade);
        m_customers.address.push_back(std::move(address));
        m_customers.phone.push_back(mobile());
        m_customers.group_type_ind.push_back(group_type != nullptr ? soci::i_ok : soci::i_null);
        m_customers.group_type.emplace_back(group_type != nullptr ? group_type : "");
        m_customers.grid_ind.push_back(grid.empty() ? soci::i_null : soci::i_ok);
        m_customers.grid.push_back(std::move(grid));
        m_customers.served_by.emplace_back(served_by);
        m_customers.updated_at.push_back(m_now);
        m_customers.blacklisted.push_back(blacklisted);
        m_customers.arrears.push_back(arrears);
        m_customers.change.push_back(++m_change_no);
    }

    void add_certificate(const std::string& customer, const char* type, std::string number, std::string valid_to)
    {
        m_certificates.customer.push_back(customer);
        m_certificates.type.emplace_back(type);
        m_certificates.number.push_back(std::move(number));
        m_certificates.valid_to_ind.push_back(valid_to.empty() ? soci::i_null : soci::i_ok);
        m_certificates.valid_to.push_back(std::move(valid_to));
    }

    std::string id_number(bool male)
    {
        // Born 1940 to 2008, and at least 17 on the demo's day whatever it is.
        const auto first = sys_days{domain::make_date(1940, 1, 1)}.time_since_epoch().count();
        const auto last = std::min(sys_days{domain::make_date(2008, 12, 31)}, sys_days{m_today} - days{17LL * 366})
                              .time_since_epoch()
                              .count();
        for (;;) {
            const domain::Date birth{sys_days{days{m_dice.between(first, last)}}};
            const auto sequence = m_dice.between(0, 499) * 2 + (male ? 1 : 0); // odd for men (GB 11643)
            const auto first17 =
                std::to_string(m_dice.pick(kGuangdongCounties)) + domain::format_yyyymmdd(birth) + padded(sequence, 3);
            auto number = first17 + domain::IdNumber::check_character(first17);
            if (m_id_numbers.insert(number).second) {
                assert(domain::IdNumber::parse(number, m_today));
                return number;
            }
        }
    }

    void individuals()
    {
        m_customer_no = counter_value(m_sql, "customer");
        m_account_no = counter_value(m_sql, "account");
        m_change_no = counter_value(m_sql, "change");
        for (std::size_t i = 0; i < m_options.customers; ++i) {
            const bool male = m_dice.percent(50);
            auto name = person_name(male);
            const auto id = next_customer_id();
            auto id_no = id_number(male);
            // Customers 5 and 6 are the holders of the simulated reader's valid cards (idcard::sample_deck: 张伟 and
            // 王秀英), so a trainee goes from placing a card to an order. The dice are thrown as for anyone else, so
            // the rest of the data does not move.
            const bool card_holder = i == 4 || i == 5;
            if (card_holder) {
                const auto& holder = kCardHolders[i - 4];
                name = holder.name;
                id_no = std::string(holder.first17) + domain::IdNumber::check_character(holder.first17);
                m_id_numbers.insert(id_no);
            }
            const auto roll = m_dice.below(100);
            const char* grade = roll < 1 ? "diamond" : roll < 5 ? "gold" : roll < 14 ? "silver" : "ordinary";
            // The first customers of each clerk include one in arrears and one on the blacklist, so even a small
            // demo (training, tests) shows both refusals.
            const bool in_arrears = i == 0 || i == 1 || (m_dice.percent(1) && !card_holder);
            const bool listed = i == 2 || i == 3 || (m_dice.percent(1) && m_dice.percent(50) && !card_holder);
            const long long arrears = in_arrears ? m_dice.between(20, 800) * 100 : 0;
            const auto method = m_dice.below(100);
            const auto account = add_account(id, name,
                                             method < 60   ? "cash"
                                             : method < 75 ? "collection"
                                                           : "directDebit",
                                             in_arrears ? -arrears : m_dice.between(0, 300) * 100);
            auto& home = m_buildings[m_dice.below(m_buildings.size())];
            if (m_dice.percent(30)) {
                // An installed line at home: a number of that building's exchange, in use.
                ++home.lines;
                auto number = number_in(home.district);
                m_services.number.push_back(number);
                m_services.customer.push_back(id);
                m_services.offering.emplace_back(m_dice.percent(90) ? "PSTN-BASIC" : "PSTN-BIZ");
                m_services.address.push_back(m_addresses.id[home.row]);
                m_services.account.push_back(account);
                add_number(std::move(number), home.district, "inUse");
            }
            auto address = room_at(home);
            const char* clerk = i < 4 ? kClerks[i % 2] : m_dice.pick(kClerks);
            add_customer(id, "individual", name, grade, std::move(address), nullptr, {}, clerk, listed ? 1 : 0,
                         arrears);
            add_certificate(id, "idCard", id_no, date_in(m_dice.between(180, 20LL * 365)));
            if (listed) {
                const char* reason = m_dice.pick(kBlacklistReasons);
                m_blacklist.push_back({id_no, reason, date_in(-m_dice.between(30, 1000))});
            }
        }
    }

    std::string credit_code(const DistrictSeed& district)
    {
        // 9 (工商) 1 (企业), the district, then the organisation code: newer ones begin MA5, older ones are digits.
        constexpr std::string_view kSymbols = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        std::string body = m_dice.percent(50) ? "MA5" : "";
        while (body.size() < 8) {
            body += body.empty()              ? static_cast<char>('1' + m_dice.below(9))
                    : body.starts_with("MA5") ? kSymbols[m_dice.below(kSymbols.size())]
                                              : static_cast<char>('0' + m_dice.below(10));
        }
        const auto first17 = "91" + std::to_string(district.code) + body + domain::OrgCode::check_character(body);
        return first17 + domain::CreditCode::check_character(first17);
    }

    void groups()
    {
        std::set<std::string> names;
        std::set<std::string> codes;
        for (std::size_t g = 0; g < kGroups; ++g) {
            const char* type = g % 4 == 0 ? "keyAccount" : g % 4 == 3 ? "other" : "sme";
            std::string name;
            do {
                name = "深圳市" + std::string(m_dice.pick(kCompanyWords));
                name += m_dice.pick(kIndustries);
                name += "有限公司";
            } while (!names.insert(name).second);
            const auto d = m_dice.below(kShenzhen.size());
            const auto& district = kShenzhen[d];
            std::string code;
            do {
                code = credit_code(district);
            } while (!codes.insert(code).second);
            // Key accounts are never in a grid; SMEs always are.
            const bool key = g % 4 == 0;
            const bool sme = std::string_view(type) == "sme";
            auto grid = sme ? std::string(district.grid) + "-G" + padded(m_dice.between(1, 3), 2) : std::string();
            const char* grade =
                key ? (m_dice.percent(30) ? "diamond" : "gold") : (sme && m_dice.percent(40) ? "silver" : "ordinary");
            std::vector<const char*> managers;
            if (key) {
                managers.assign(kManagers.begin(), kManagers.end());
            } else {
                managers.push_back(m_dice.pick(kManagers));
            }
            std::vector<std::size_t> here;
            for (std::size_t b = 0; b < m_buildings.size(); ++b) {
                if (m_buildings[b].district == d) {
                    here.push_back(b);
                }
            }
            const auto& office = m_buildings[here[m_dice.below(here.size())]];
            const auto id = next_customer_id();
            add_customer(id, "group", name, grade, office.full_name + std::to_string(m_dice.between(2, 40)) + "楼",
                         type, std::move(grid), managers.front(), 0, 0);
            add_certificate(id, "businessLicence", code, {}); // 营业执照: 长期
            for (const char* manager : managers) {
                m_managers.emplace_back(id, manager);
            }
            add_account(id, name, m_dice.percent(50) ? "collection" : "directDebit", m_dice.between(0, 2000) * 100);
            const auto members = m_dice.between(5, 30);
            std::set<std::string> shorts;
            for (long long k = 0; k < members; ++k) {
                std::string short_number;
                do {
                    short_number = "6" + std::to_string(m_dice.between(1, 9));
                    short_number += m_dice.digits(2);
                } while (!shorts.insert(short_number).second);
                assert(domain::ShortNumber::parse(short_number));
                m_members.group.push_back(id);
                m_members.number.push_back(mobile());
                m_members.short_number.push_back(std::move(short_number));
                m_members.added_at.push_back(iso(m_options.now - days{m_dice.between(1, 400)}));
            }
        }
    }

    void ports()
    {
        // 8 to 64 ports, at least as many in use as demo lines installed there (so with many customers a building
        // may have more). About one building in ten is full, so that resource checks can fail; the others keep at
        // least one port free, some only a few, so that a check for several lines can be partial.
        for (std::size_t b = 0; b < m_buildings.size(); ++b) {
            const auto& building = m_buildings[b];
            auto total = static_cast<int>(m_dice.between(8, 64));
            int used = 0;
            if (b % 10 == 3) {
                total = std::max(total, building.lines);
                used = total;
            } else {
                if (total < building.lines + 4) {
                    total = building.lines + static_cast<int>(m_dice.between(4, 16));
                }
                used = building.lines + static_cast<int>(m_dice.between(0, (total - building.lines - 1) / 2));
            }
            m_addresses.total[building.row] = total;
            m_addresses.used[building.row] = used;
        }
    }

    void write()
    {
        auto& a = m_addresses;
        m_sql << "INSERT INTO addresses (address_id, level, name, full_name, parent_id, exchange, ports_total, "
                 "ports_used) VALUES (:i, :l, :n, :f, :p, :e, :t, :u)",
            soci::use(a.id), soci::use(a.level), soci::use(a.name), soci::use(a.full_name),
            soci::use(a.parent, a.parent_ind), soci::use(a.exchange, a.exchange_ind), soci::use(a.total),
            soci::use(a.used);
        auto& n = m_numbers;
        m_sql << "INSERT INTO numbers (number, exchange, status, fee_fen) VALUES (:n, :e, :s, :f)", soci::use(n.number),
            soci::use(n.exchange), soci::use(n.status), soci::use(n.fee);
        auto& c = m_customers;
        if (!c.id.empty()) {
            m_sql << "INSERT INTO customers (customer_id, kind, name, grade, status, address, contact_phone, "
                     "group_type, grid, blacklisted, arrears_fen, version, change_seq, served_by, updated_at) "
                     "VALUES (:i, :k, :n, :g, 'active', :a, :p, :t, :gr, :b, :ar, 1, :ch, :by, :u)",
                soci::use(c.id), soci::use(c.kind), soci::use(c.name), soci::use(c.grade), soci::use(c.address),
                soci::use(c.phone), soci::use(c.group_type, c.group_type_ind), soci::use(c.grid, c.grid_ind),
                soci::use(c.blacklisted), soci::use(c.arrears), soci::use(c.change), soci::use(c.served_by),
                soci::use(c.updated_at);
            auto& cert = m_certificates;
            m_sql << "INSERT INTO certificates (customer_id, type, number, main, valid_to) VALUES (:c, :t, :n, 1, :v)",
                soci::use(cert.customer), soci::use(cert.type), soci::use(cert.number),
                soci::use(cert.valid_to, cert.valid_to_ind);
            auto& acc = m_accounts;
            m_sql << "INSERT INTO accounts (account_id, customer_id, name, payment_method, balance_fen, state) "
                     "VALUES (:a, :c, :n, :m, :b, 'active')",
                soci::use(acc.id), soci::use(acc.customer), soci::use(acc.name), soci::use(acc.method),
                soci::use(acc.balance);
        }
        auto& s = m_services;
        if (!s.number.empty()) {
            m_sql << "INSERT INTO services (service_number, customer_id, offering_id, kind, status, address_id, "
                     "account_id) VALUES (:n, :c, :o, 'fixedLine', 'active', :a, :ac)",
                soci::use(s.number), soci::use(s.customer), soci::use(s.offering), soci::use(s.address),
                soci::use(s.account);
        }
        for (const auto& [id_no, reason, since] : m_blacklist) {
            m_sql << "INSERT INTO blacklist (id_number, reason, since) VALUES (:i, :r, :s)", soci::use(id_no),
                soci::use(reason), soci::use(since);
        }
        for (const auto& [customer, staff] : m_managers) {
            m_sql << "INSERT INTO customer_managers (customer_id, staff_id) VALUES (:c, :s)", soci::use(customer),
                soci::use(staff);
        }
        auto& m = m_members;
        if (!m.group.empty()) {
            m_sql << "INSERT INTO group_members (group_id, number, short_number, state, added_at) "
                     "VALUES (:g, :n, :s, 'active', :a)",
                soci::use(m.group), soci::use(m.number), soci::use(m.short_number), soci::use(m.added_at);
        }
        m_sql << "UPDATE counters SET value = :v WHERE name = 'customer'", soci::use(m_customer_no);
        m_sql << "UPDATE counters SET value = :v WHERE name = 'account'", soci::use(m_account_no);
        m_sql << "UPDATE counters SET value = :v WHERE name = 'change'", soci::use(m_change_no);
    }

    soci::session& m_sql;
    const DemoOptions& m_options;
    Dice m_dice;
    domain::Date m_today;
    std::string m_now;

    long long m_customer_no = 0;
    long long m_account_no = 0;
    long long m_change_no = 0;
    std::set<std::string> m_id_numbers;
    std::set<std::string> m_mobiles;
    std::set<std::string> m_fixed;

    AddressRows m_addresses;
    std::vector<Building> m_buildings;
    NumberRows m_numbers;
    CustomerRows m_customers;
    CertificateRows m_certificates;
    AccountRows m_accounts;
    ServiceRows m_services;
    MemberRows m_members;
    struct Listed
    {
        std::string id_number;
        std::string reason;
        std::string since;
    };
    std::vector<Listed> m_blacklist;
    std::vector<std::pair<std::string, std::string>> m_managers;
};

DemoSummary present(soci::session& sql)
{
    const auto count = [&](const char* query) { return static_cast<std::size_t>(count_rows(sql, query)); };
    DemoSummary summary;
    summary.staff = count("SELECT COUNT(*) FROM staff");
    summary.offerings = count("SELECT COUNT(*) FROM offerings");
    summary.addresses = count("SELECT COUNT(*) FROM addresses");
    summary.buildings = count("SELECT COUNT(*) FROM addresses WHERE level = 'building'");
    summary.numbers = count("SELECT COUNT(*) FROM numbers");
    summary.customers = count("SELECT COUNT(*) FROM customers WHERE kind = 'individual'");
    summary.groups = count("SELECT COUNT(*) FROM customers WHERE kind = 'group'");
    summary.members = count("SELECT COUNT(*) FROM group_members");
    return summary;
}

} // namespace

DemoSummary seed_demo_data(soci::session& sql, const DemoOptions& options)
{
    if (options.now == contract::Timestamp{}) {
        throw std::invalid_argument("seed_demo_data: options.now is not set");
    }
    soci::transaction transaction(sql);
    const std::string name(kMarker);
    if (exists(sql, "SELECT COUNT(*) FROM settings WHERE name = :k", name)) {
        const auto summary = present(sql);
        transaction.commit();
        return summary;
    }
    Seeder(sql, options).run();
    const auto marker = "seed=" + std::to_string(options.seed) + " customers=" + std::to_string(options.customers);
    sql << "INSERT INTO settings (name, value) VALUES (:n, :v)", soci::use(name), soci::use(marker);
    const auto summary = present(sql);
    transaction.commit();
    return summary;
}

} // namespace backoffice
