// contract_xsd: writes the XSD of every message of the contract into a folder, or with --check compares the folder
// with what the code would write (the ctest contract:xsd_current), so the published schemas never drift.

#include "services/contract/operations.h"
#include "services/contract/xml_schema.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

namespace {

std::map<std::string, std::string> all_schemas()
{
    std::map<std::string, std::string> files;
    contract::for_each_operation([&](auto request) {
        using Request = decltype(request);
        using Response = typename Request::Response;
        files[std::string(Request::kRoot) + ".xsd"] = contract::xsd_for_request<Request>();
        files[std::string(Response::kRoot) + ".xsd"] = contract::xsd_for_response<Response>();
    });
    return files;
}

std::string read_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

int main(int argc, char** argv)
{
    const bool check = argc == 3 && std::string_view(argv[1]) == "--check";
    if (argc != 2 && !check) {
        std::cerr << "usage: contract_xsd [--check] FOLDER\n";
        return 2;
    }
    const std::filesystem::path folder = argv[argc - 1];
    int stale = 0;
    for (const auto& [name, text] : all_schemas()) {
        const auto path = folder / name;
        if (check) {
            if (read_file(path) != text) {
                std::cerr << path.string() << " is out of date: run contract_xsd " << folder.string() << "\n";
                ++stale;
            }
        } else {
            std::ofstream(path, std::ios::binary) << text;
        }
    }
    return stale == 0 ? 0 : 1;
}
