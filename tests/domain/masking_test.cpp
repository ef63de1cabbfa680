#include "domain/masking.h"

#include <catch2/catch.hpp>

using namespace domain;

TEST_CASE("personal data is masked for lists and paper", "[mask]")
{
    CHECK(mask_id_number("11010519491231002X") == "110105********002X");
    CHECK(mask_id_number("110105491231002") == "110105*****1002");
    CHECK(mask_phone("13812345678") == "138****5678");
    CHECK(mask_phone("0755-12345678") == "0755-****5678");
    CHECK(mask_phone("010-2345678") == "010-***5678");
    CHECK(mask_name("张三") == "张*");
    CHECK(mask_name("李小明") == "李*明");
    CHECK(mask_name("欧阳娜娜") == "欧**娜");
    CHECK(mask_name("王") == "王");
    CHECK(mask_address("北京市朝阳区建国路88号") == "北京市朝阳区****");
    CHECK(mask_id_number("") == "");
}
