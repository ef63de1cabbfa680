/// counterctl: the workstation's command-line tool for IT staff.

#include "commands.h"
#include "counter_version.h"

#include <vector>

int main(int argc, char** argv)
{
    CLI::App app{"counterctl: checks and conversions for the counter workstation"};
    app.set_version_flag("--version", "counterctl " COUNTER_VERSION);
    app.require_subcommand(1);

    const std::vector<counterctl::Command> commands{
        counterctl::add_check_command(app),       counterctl::add_amount_command(app),
        counterctl::add_idcard_command(app),      counterctl::add_print_command(app),
        counterctl::add_print_order_command(app),
    };

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    for (const auto& command : commands) {
        if (command.parser->parsed()) {
            return command.run();
        }
    }
    return 2;
}
