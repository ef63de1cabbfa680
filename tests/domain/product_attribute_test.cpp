#include "domain/product_attribute.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace domain;

TEST_CASE("a product's attribute takes a value, one of its allowed ones, and a forwarding target is a phone number",
          "[attribute]")
{
    const std::vector<std::string> scopes{"国内", "港澳台", "国际"};
    const std::vector<std::string> free_text;
    struct Row
    {
        const char* name;
        const char* attribute;
        const std::vector<std::string>* allowed;
        const char* value;
        std::optional<Errc> expected;
        const char* reason;
    };
    const Row rows[] = {
        {"an allowed scope", "scope", &scopes, "国际", std::nullopt, ""},
        {"a scope the catalog does not list", "scope", &scopes, "全球", Errc::order_attribute_value, "not_allowed"},
        {"an allowed value with a trailing space", "scope", &scopes, "国内 ", Errc::order_attribute_value,
         "not_allowed"},
        {"nothing chosen", "scope", &scopes, "", Errc::order_attribute_missing, ""},
        {"a mobile to forward to", "forwardTo", &free_text, "13800138000", std::nullopt, ""},
        {"a fixed line to forward to", "forwardTo", &free_text, "0755-23456789", std::nullopt, ""},
        {"a number too short to forward to", "forwardTo", &free_text, "1380013800", Errc::order_attribute_value,
         "E_BAD_LENGTH"},
        {"blanks only", "forwardTo", &free_text, "   ", Errc::order_attribute_missing, ""},
        {"free text of another attribute", "greeting", &free_text, "您好", std::nullopt, ""},
    };
    for (const auto& row : rows) {
        INFO(row.name);
        const auto problem = check_attribute("VAS-X", row.attribute, *row.allowed, row.value);
        REQUIRE(problem.has_value() == row.expected.has_value());
        if (problem) {
            CHECK(problem->code == *row.expected);
            CHECK(problem->param("offering") == "VAS-X");
            CHECK(problem->param("attribute") == row.attribute);
            CHECK(problem->param("reason") == row.reason);
        }
    }
}

TEST_CASE("every value outside an attribute's allowed list is refused, and every listed one taken", "[attribute]")
{
    const std::vector<std::string> allowed{"国内", "港澳台", "国际"};
    for (const auto& value : allowed) {
        CHECK_FALSE(check_attribute("VAS-DDD", "scope", allowed, value));
        // Mutated: cut short, doubled, or with a character added, none of them is an allowed value.
        for (const auto& mutated : {value.substr(0, 3), value + value, value + "X", "X" + value}) {
            INFO(mutated);
            const auto problem = check_attribute("VAS-DDD", "scope", allowed, mutated);
            REQUIRE(problem);
            CHECK(problem->code == Errc::order_attribute_value);
        }
    }
}
