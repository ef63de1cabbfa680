/// counterctl check KIND VALUE | counterctl check FILE.csv --kind KIND --column N

#include "client/workflows/acceptance/identifier_check.h"
#include "client/workflows/import/import_file_check.h"
#include "client/workflows/workstation/local_clock.h"
#include "commands.h"
#include "domain/civil_date.h"

#include <cstdio>
#include <fstream>
#include <memory>

namespace counterctl {
namespace {

struct CheckOptions
{
    std::vector<std::string> args;
    std::string kind;
    std::size_t column = 1;
    bool header = false;
    std::string separator = ",";
    std::string today;
};

std::optional<domain::Date> resolve_today(const std::string& text)
{
    if (text.empty()) {
        return workflows::local_today();
    }
    return domain::parse_yyyymmdd(text);
}

int check_value(workflows::IdentifierKind kind, const std::string& value, domain::Date today)
{
    const auto verdict = workflows::check_identifier(kind, value, today);
    if (!verdict.valid()) {
        std::printf("invalid: %s\n", verdict.problem->to_string().c_str());
        return 1;
    }
    std::printf("valid\n");
    if (verdict.canonical != value) {
        std::printf("canonical: %s\n", verdict.canonical.c_str());
    }
    for (const auto& warning : verdict.warnings) {
        std::printf("warning: %s\n", warning.c_str());
    }
    return 0;
}

int check_file(const CheckOptions& o, domain::Date today)
{
    const auto kind = workflows::identifier_kind_from_string(o.kind);
    if (!kind) {
        std::fprintf(stderr, "counterctl check: --kind must be id, uscc, orgcode, phone or short\n");
        return 2;
    }
    if (o.separator.size() != 1 || o.column == 0) {
        std::fprintf(stderr, "counterctl check: --separator takes one character and --column counts from 1\n");
        return 2;
    }
    std::ifstream in(o.args[0], std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "counterctl check: cannot read %s\n", o.args[0].c_str());
        return 2;
    }
    // A large buffer: a million-row file is read in a few hundred system calls.
    std::vector<char> buffer(1 << 20);
    in.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));

    workflows::ImportCheckOptions options{*kind, o.column, o.header, o.separator[0]};
    const auto summary = workflows::check_import_file(in, options, today, [](const workflows::BadRow& row) {
        std::printf("line %zu: %s%sinvalid: %s\n", row.line, row.masked_value.c_str(),
                    row.masked_value.empty() ? "" : ": ", row.reason.c_str());
    });
    std::printf("%zu rows checked: %zu valid, %zu invalid, %zu valid with warnings\n", summary.rows, summary.valid,
                summary.invalid, summary.with_warnings);
    return summary.invalid == 0 ? 0 : 1;
}

} // namespace

Command add_check_command(CLI::App& app)
{
    auto options = std::make_shared<CheckOptions>();
    auto* cmd = app.add_subcommand("check", "validate one identifier, or one column of a CSV file");
    cmd->footer("Examples:\n  counterctl check id 11010519491231002X\n"
                "  counterctl check members.csv --kind phone --column 3 --header\n"
                "Kinds: id (resident ID, permits, foreigner PR), uscc, orgcode, phone, short (group short number).\n"
                "Prints 'valid' or 'invalid: <reason code>'; exit 0 when all valid, 1 otherwise, 2 on usage errors.");
    cmd->add_option("args", options->args, "KIND VALUE, or FILE.csv")->required()->expected(1, 2);
    cmd->add_option("--kind", options->kind, "with a file: what the column holds");
    cmd->add_option("--column", options->column, "with a file: the column to check, counting from 1");
    cmd->add_flag("--header", options->header, "with a file: the first line is a header");
    cmd->add_option("--separator", options->separator, "with a file: the field separator (default ,)");
    cmd->add_option("--today", options->today, "check dates as if today were YYYYMMDD (default: the local date)");

    return {cmd, [options]() {
                const auto today = resolve_today(options->today);
                if (!today) {
                    std::fprintf(stderr, "counterctl check: --today must be a real date as YYYYMMDD\n");
                    return 2;
                }
                if (options->args.size() == 2) {
                    const auto kind = workflows::identifier_kind_from_string(options->args[0]);
                    if (!kind) {
                        std::fprintf(stderr, "counterctl check: unknown kind '%s' (id, uscc, orgcode, phone, short)\n",
                                     options->args[0].c_str());
                        return 2;
                    }
                    return check_value(*kind, options->args[1], *today);
                }
                if (options->kind.empty()) {
                    std::fprintf(stderr, "counterctl check: checking a file needs --kind (and --column)\n");
                    return 2;
                }
                return check_file(*options, *today);
            }};
}

} // namespace counterctl
