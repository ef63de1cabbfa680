// counterctl print as IT staff run it: the real binary, no display, its stdout, exit code and the PDF it writes.
#include "pdf_words.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

const std::string kForms = FORMS_DIR;

struct Output
{
    int exit_code;
    std::string text;
};

/// Runs counterctl with DISPLAY unset: printing to PDF must not need an X server.
Output run(const std::string& args)
{
    const std::string command =
        "env -u DISPLAY -u WAYLAND_DISPLAY " + std::string(COUNTERCTL_PATH) + " " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string text;
    char buf[4096];
    while (const std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) {
        text.append(buf, n);
    }
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text};
}

std::string sample(const std::string& form)
{
    return kForms + "/samples/" + form + ".xml";
}

} // namespace

TEST_CASE("counterctl print renders every form from its sample without a display", "[counterctl][print]")
{
    testing::TempDir dir("counterctl-print");
    for (const char* form :
         {"acceptance", "receipt", "billing_receipt", "move_request", "group_opening", "calibration"}) {
        INFO(form);
        const auto pdf = dir.path() / (std::string(form) + ".pdf");
        const auto out =
            run("print --forms " + kForms + " --form " + form + " --data " + sample(form) + " --pdf " + pdf.string());
        INFO(out.text);
        CHECK(out.exit_code == 0);
        CHECK(out.text.rfind("written: " + pdf.string(), 0) == 0);
        CHECK(fs::file_size(pdf) > 1000);
    }
    const auto words = testing::pdf_words(dir.path() / "billing_receipt.pdf");
    CHECK(testing::all_text(words).find("壹佰伍拾捌元肆角整") != std::string::npos);
    CHECK(run("print --forms " + kForms + " --form billing_receipt --data " + sample("billing_receipt") + " --pdf " +
              (dir.path() / "b.pdf").string())
              .text.find("(2 pages)") != std::string::npos);
}

TEST_CASE("counterctl print masks by default and prints in full on request", "[counterctl][print]")
{
    testing::TempDir dir("counterctl-print");
    const auto masked = dir.path() / "masked.pdf";
    const auto full = dir.path() / "full.pdf";
    REQUIRE(run("print --forms " + kForms + " --form acceptance --data " + sample("acceptance") + " --pdf " +
                masked.string())
                .exit_code == 0);
    REQUIRE(run("print --forms " + kForms + " --form acceptance --data " + sample("acceptance") + " --unmasked --pdf " +
                full.string())
                .exit_code == 0);
    const auto masked_text = testing::all_text(testing::pdf_words(masked));
    const auto full_text = testing::all_text(testing::pdf_words(full));
    CHECK(masked_text.find("110105********002X") != std::string::npos);
    CHECK(masked_text.find("11010519491231002X") == std::string::npos);
    CHECK(full_text.find("11010519491231002X") != std::string::npos);
}

TEST_CASE("counterctl print --archive names the copy by order number, and --reprint adds 补打", "[counterctl][print]")
{
    testing::TempDir dir("counterctl-print");
    const std::string base =
        "print --forms " + kForms + " --form receipt --data " + sample("receipt") + " --archive " + dir.path().string();
    const auto first = run(base);
    CHECK(first.exit_code == 0);
    CHECK(first.text == "written: " + (dir.path() / "DD20261123000123_receipt.pdf").string() + " (1 page)\n");
    const auto again = run(base + " --reprint");
    CHECK(again.exit_code == 0);
    const auto reprint = dir.path() / "DD20261123000123_receipt_reprint2.pdf";
    REQUIRE(fs::exists(reprint));
    CHECK(testing::all_text(testing::pdf_words(reprint)).find("补打") != std::string::npos);
}

TEST_CASE("counterctl print explains what is wrong", "[counterctl][print][errors]")
{
    testing::TempDir dir("counterctl-print");
    const auto write = [&](const char* name, const std::string& text) {
        const auto path = dir.path() / name;
        std::ofstream(path) << text;
        return path.string();
    };
    const auto bad_money = write("bad_money.xml", "<form-data>\n<field name='fees.total'>1.005</field>\n</form-data>");
    const auto missing = write("missing.xml", "<form-data><field name='order.number'>DD1</field></form-data>");
    fs::create_directories(dir.path() / "forms");
    std::ofstream(dir.path() / "forms" / "typo.xml")
        << "<form name='typo'>\n<page size='A4'/>\n<field name='customer.nmae' x='1' y='1' w='9' h='5'/>\n</form>\n";
    const std::string pdf = " --pdf " + (dir.path() / "out.pdf").string();

    struct Row
    {
        std::string args;
        int exit_code;
        std::string first_line;
    };
    const Row rows[] = {
        {"print --forms " + kForms + " --form acceptance --data " + bad_money + pdf, 1,
         "error: E_DATA_VALUE file=bad_money.xml field=fees.total value=1.005 reason=E_MONEY_PRECISION"},
        {"print --forms " + kForms + " --form receipt --data " + missing + pdf, 1,
         "error: E_DATA_MISSING form=receipt field=receipt.number line=11"},
        {"print --forms " + (dir.path() / "forms").string() + " --form typo --data " + missing + pdf, 1,
         "error: E_TEMPLATE_FIELD file=typo.xml line=3 field=customer.nmae"},
        {"print --forms " + kForms + " --form nosuchform --data " + missing + pdf, 2,
         "error: E_FILE_READ file=" + kForms + "/nosuchform.xml"},
        {"print --forms " + kForms + " --form ../receipt --data " + missing + pdf, 1,
         "error: E_FORM_NAME form=../receipt"},
        {"print --forms " + kForms + " --form receipt --data " + sample("receipt") +
             " --pdf /nonexistent-folder/out.pdf",
         2, "error: E_PDF_WRITE file=/nonexistent-folder/out.pdf reason="},
        {"print --forms " + kForms + " --form receipt --data " + sample("receipt"), 2, ""},
        {"print --forms " + kForms + " --form receipt --data /nonexistent.xml" + pdf, 2, ""},
    };
    for (const auto& row : rows) {
        INFO("counterctl " << row.args);
        const auto out = run(row.args);
        INFO(out.text);
        CHECK(out.exit_code == row.exit_code);
        if (!row.first_line.empty()) {
            CHECK(out.text.rfind(row.first_line, 0) == 0); // the reason cairo gives may change with its version
        }
    }
}
