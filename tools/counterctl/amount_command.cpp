/// counterctl amount 1234.50 → 壹仟贰佰叁拾肆元伍角整

#include "commands.h"
#include "domain/chinese_amount.h"
#include "domain/money.h"

#include <cstdio>
#include <memory>

namespace counterctl {

Command add_amount_command(CLI::App& app)
{
    auto amount = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("amount", "print an amount in upper-case Chinese, as on receipts");
    cmd->add_option("amount", *amount, "yuan, e.g. 1234.50")->required();
    return {cmd, [amount]() {
                const auto money = domain::Money::parse(*amount);
                if (!money) {
                    std::printf("invalid: %s\n", money.error().to_string().c_str());
                    return 1;
                }
                std::printf("%s\n", domain::chinese_uppercase(*money).c_str());
                return 0;
            }};
}

} // namespace counterctl
