#include "idcard/sample_cards.h"

#include "domain/id_number.h"

#include <chrono>

namespace idcard {
namespace {

using namespace std::chrono;

domain::Date shift_years(domain::Date d, int years)
{
    domain::Date out{d.year() + std::chrono::years{years}, d.month(), d.day()};
    return out.ok() ? out : domain::Date{out.year(), out.month(), std::chrono::day{28}};
}

domain::Date shift_days(domain::Date d, int n)
{
    return domain::Date{sys_days{d} + days{n}};
}

std::string with_check(const std::string& first17)
{
    return first17 + domain::IdNumber::check_character(first17);
}

Bytes pattern(std::size_t size, std::uint8_t seed)
{
    Bytes out(size);
    for (std::size_t i = 0; i < size; ++i) {
        out[i] = static_cast<std::uint8_t>((i * 31 + seed) & 0xFF);
    }
    return out;
}

SampleCard resident(std::string key, std::string name, std::string sex, domain::Date birth, const std::string& sequence,
                    domain::Date from, std::string to)
{
    SampleCard c;
    c.key = std::move(key);
    c.text.name = std::move(name);
    c.text.sex_code = std::move(sex);
    c.text.ethnic_code = "01";
    c.text.birth = domain::format_yyyymmdd(birth);
    c.text.address = "北京市朝阳区建国路88号院3号楼1单元1201号";
    c.text.id_number = with_check("110105" + c.text.birth + sequence);
    c.text.authority = "北京市公安局朝阳分局";
    c.text.valid_from = domain::format_yyyymmdd(from);
    c.text.valid_to = std::move(to);
    return c;
}

} // namespace

std::vector<SampleCard> sample_deck(domain::Date today)
{
    const domain::Date issued = shift_years(today, -5);
    const std::string valid_to = domain::format_yyyymmdd(shift_years(today, 5));
    std::vector<SampleCard> deck;

    deck.push_back(resident("valid", "张伟", "1", domain::make_date(1985, 3, 12), "001", issued, valid_to));
    deck.back().appended_address = "北京市海淀区中关村大街1号";
    deck.back().raw.fingerprint = pattern(1024, 7);

    deck.push_back(resident("long_term", "王秀英", "2", domain::make_date(1958, 7, 1), "002",
                            domain::make_date(2010, 5, 4), "长期"));
    deck.push_back(resident("expired", "李娜", "2", domain::make_date(1992, 11, 2), "004", shift_years(today, -10),
                            domain::format_yyyymmdd(shift_days(today, -1))));
    deck.push_back(resident("minor", "陈小明", "1", shift_years(today, -12), "013", issued, valid_to));

    SampleCard hmt = resident("hmt_permit", "陈大文", "1", domain::make_date(1990, 1, 1), "003", issued, valid_to);
    hmt.text.type = CardType::hmt_permit;
    hmt.text.ethnic_code.clear();
    hmt.text.id_number = with_check("810000" + hmt.text.birth + "003");
    hmt.text.address = "广东省深圳市福田区福华路1号";
    hmt.text.authority = "深圳市公安局";
    hmt.text.pass_number = "H12345678";
    hmt.text.issue_count = "01";
    deck.push_back(hmt);

    SampleCard i_card;
    i_card.key = "foreign_2017";
    i_card.text.type = CardType::foreign_2017;
    i_card.text.english_name = "SMITH, JOHN";
    i_card.text.name = "约翰";
    i_card.text.sex_code = "1";
    i_card.text.id_number = "USA110085061521";
    i_card.text.nationality = "USA";
    i_card.text.birth = "19850615";
    i_card.text.valid_from = domain::format_yyyymmdd(issued);
    i_card.text.valid_to = valid_to;
    i_card.text.card_version = "01";
    i_card.text.authority = "1500";
    deck.push_back(i_card);

    SampleCard y_card;
    y_card.key = "foreign_2023";
    y_card.text.type = CardType::foreign_2023;
    y_card.text.name = "简";
    y_card.text.english_name = "SMITH, JANE ELIZABETH";
    y_card.text.sex_code = "2";
    y_card.text.birth = "19800101";
    y_card.text.id_number = with_check("931840198001010"
                                       "02");
    y_card.text.nationality = "USA";
    y_card.text.issue_count = "00";
    y_card.text.valid_from = domain::format_yyyymmdd(issued);
    y_card.text.valid_to = valid_to;
    deck.push_back(y_card);

    SampleCard damaged = resident("damaged", "赵磊", "1", domain::make_date(1979, 9, 9), "005", issued, valid_to);
    damaged.corrupt_read = true;
    deck.push_back(damaged);

    std::uint8_t seed = 1;
    for (auto& card : deck) {
        card.raw.text = encode_card_text(card.text);
        card.raw.photo = pattern(1024, seed++);
    }
    return deck;
}

} // namespace idcard
