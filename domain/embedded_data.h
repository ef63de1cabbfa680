#pragma once
/// Data files compiled into the domain library (see cmake/embed_text.cmake), and the one reader for their format:
/// UTF-8 lines of tab-separated columns, '#' comments and blank lines ignored.

#include <string_view>

namespace domain {

std::string_view gb2260_regions_tsv();
std::string_view mobile_prefixes_tsv();

/// Calls fn(first_column, second_column) for every data line; a missing second column is passed as empty.
template <typename Fn> void for_each_data_line(std::string_view data, Fn&& fn)
{
    while (!data.empty()) {
        const auto eol = data.find('\n');
        std::string_view line = data.substr(0, eol);
        data = eol == std::string_view::npos ? std::string_view{} : data.substr(eol + 1);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const auto tab = line.find('\t');
        if (tab == std::string_view::npos) {
            fn(line, std::string_view{});
        } else {
            const auto rest = line.substr(tab + 1);
            fn(line.substr(0, tab), rest.substr(0, rest.find('\t')));
        }
    }
}

} // namespace domain
