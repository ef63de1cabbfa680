#pragma once
/// The counterctl subcommands. Each registers itself on the CLI11 app and runs when chosen; exit codes are
/// 0 valid / done, 1 invalid input found, 2 usage or file error.

#include <CLI/CLI.hpp>
#include <functional>

namespace counterctl {

/// A registered subcommand and what it runs when chosen (returns the process exit code).
struct Command
{
    CLI::App* parser;
    std::function<int()> run;
};

Command add_check_command(CLI::App& app);
Command add_amount_command(CLI::App& app);
Command add_idcard_command(CLI::App& app);
Command add_print_command(CLI::App& app);
Command add_print_order_command(CLI::App& app);

} // namespace counterctl
