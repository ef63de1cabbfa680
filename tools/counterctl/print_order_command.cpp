/// counterctl print-order --cache CACHE.db --staff ID (--order REF [--form F] | --payment ID | --group ID)
///                        --archive DIR [--forms DIR] [--hall NAME]
/// Prints a stored record's form from a workstation's cache, as the counter would (the same builders, the archive
/// copy, print.form or print.reprint in that cache's audit log under --staff): for IT staff reprinting a batch, or
/// looking at what a workstation would print.

#include "client/store/database.h"
#include "client/store/settings.h"
#include "client/workflows/forms/group_opening_form.h"
#include "client/workflows/forms/order_forms.h"
#include "client/workflows/forms/print_desk.h"
#include "client/workflows/forms/receipt_form.h"
#include "commands.h"

#include <cstdio>
#include <filesystem>
#include <memory>

namespace counterctl {
namespace {

namespace fs = std::filesystem;

struct PrintOrderOptions
{
    std::string cache;
    std::string staff;
    std::string order;
    std::string form = "acceptance";
    std::string payment;
    std::string group;
    std::string archive;
    std::string forms;
    std::string hall;
};

/// As `counterctl print`: the forms installed next to the program.
fs::path forms_folder(const PrintOrderOptions& o)
{
    if (!o.forms.empty()) {
        return o.forms;
    }
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    for (const auto& candidate :
         {exe.parent_path() / "../share/counter/forms", exe.parent_path() / "../../share/counter/forms"}) {
        if (!ec && fs::is_directory(candidate, ec)) {
            return candidate.lexically_normal();
        }
    }
    return {};
}

int run_print_order(const PrintOrderOptions& o)
{
    const auto folder = forms_folder(o);
    if (folder.empty()) {
        std::fprintf(stderr, "counterctl print-order: no forms folder found next to the program; give --forms DIR\n");
        return 2;
    }
    auto sql = store::open_database(o.cache);
    workflows::PrintingCounter counter{o.hall.empty() ? store::Settings(*sql).hall_name() : o.hall, o.staff, {}, {}};
    workflows::FormResult built;
    if (!o.payment.empty()) {
        built = workflows::receipt_form(*sql, counter, o.payment);
    } else if (!o.group.empty()) {
        built = workflows::group_opening_form(*sql, counter, o.group);
    } else if (o.form == "move_request") {
        built = workflows::move_request_form(*sql, counter, o.order);
    } else {
        built = workflows::acceptance_form(*sql, counter, o.order);
    }
    if (const auto* error = printing::error_of(built)) {
        std::printf("error: %s\n", error->to_string().c_str());
        return 1;
    }
    const auto& document = std::get<workflows::FormDocument>(built);
    workflows::PrintDesk desk(*sql, folder, o.archive, o.staff);
    auto prepared = desk.prepare(document.form, document.data, document.options());
    if (const auto* error = printing::error_of(prepared)) {
        std::printf("error: %s\n", error->to_string().c_str());
        return 1;
    }
    for (const auto& blank : document.unfilled) {
        std::printf("unfilled: %s (%s)\n", blank.field.c_str(), blank.reason.c_str());
    }
    std::printf("written: %s%s%s\n", std::get<workflows::PreparedForm>(prepared).archive.string().c_str(),
                document.reprint ? " (补打)" : "", document.pending_number ? " (pending number)" : "");
    return 0;
}

} // namespace

Command add_print_order_command(CLI::App& app)
{
    auto o = std::make_shared<PrintOrderOptions>();
    auto* cmd = app.add_subcommand("print-order", "print a stored order's, payment's or group's form from a cache");
    cmd->add_option("--cache", o->cache, "the workstation's cache (SQLite)")->required()->check(CLI::ExistingFile);
    cmd->add_option("--staff", o->staff, "staff number the print is logged under")->required();
    auto* order = cmd->add_option("--order", o->order, "order number or local id");
    cmd->add_option("--form", o->form, "acceptance (default) or move_request")
        ->check(CLI::IsMember({"acceptance", "move_request"}));
    auto* payment = cmd->add_option("--payment", o->payment, "payment local id: its receipt");
    auto* group = cmd->add_option("--group", o->group, "group customer id: its opening form");
    order->excludes(payment)->excludes(group);
    payment->excludes(group);
    cmd->add_option("--archive", o->archive, "folder for the archive PDF")->required();
    cmd->add_option("--forms", o->forms, "forms folder (default: the one installed with counterctl)");
    cmd->add_option("--hall", o->hall, "the hall's printed name (default: the cache's setting)");
    cmd->callback([order, payment, group]() {
        if (order->count() + payment->count() + group->count() == 0) {
            throw CLI::RequiredError("--order, --payment or --group");
        }
    });
    return {cmd, [o]() { return run_print_order(*o); }};
}

} // namespace counterctl
