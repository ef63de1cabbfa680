/// Time to render the acceptance form (营业受理单) from its sample order data to a PDF: layout with the embedded
/// font's metrics, then the cairo PDF with the font subset, in memory. The median of ROUNDS renders, per page; the
/// first render (fontconfig and font loading, once per process) is reported apart.
///   print_acceptance [ROUNDS] [FORMS_DIR] [OUT.pdf]   (OUT.pdf: keep the last render, to look at)

#include "printing/form_data.h"
#include "printing/form_library.h"
#include "printing/pdf_writer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <vector>

using Clock = std::chrono::steady_clock;

int main(int argc, char** argv)
{
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200;
    const std::filesystem::path forms = argc > 2 ? argv[2] : COUNTER_FORMS_DIR;
    auto data = printing::load_form_data(forms / "samples" / "acceptance.xml");
    if (const auto* error = printing::error_of(data)) {
        std::fprintf(stderr, "print_acceptance: %s\n", error->to_string().c_str());
        return 2;
    }
    printing::FormLibrary library(forms);
    std::size_t pages = 0;
    std::size_t bytes = 0;
    double layout_ms = 0;
    const auto render_once = [&]() -> bool {
        const auto start = Clock::now();
        auto layout = library.lay_out("acceptance", std::get<printing::FormData>(data));
        layout_ms += std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        if (const auto* error = printing::error_of(layout)) {
            std::fprintf(stderr, "print_acceptance: %s\n", error->to_string().c_str());
            return false;
        }
        const auto pdf = printing::pdf_bytes(std::get<printing::Layout>(layout));
        if (const auto* error = printing::error_of(pdf)) {
            std::fprintf(stderr, "print_acceptance: %s\n", error->to_string().c_str());
            return false;
        }
        pages = std::get<printing::Layout>(layout).pages.size();
        bytes = std::get<std::string>(pdf).size();
        if (argc > 3) {
            std::ofstream(argv[3], std::ios::binary) << std::get<std::string>(pdf);
        }
        return true;
    };

    const auto first_start = Clock::now();
    if (!render_once()) {
        return 2;
    }
    const double first_ms = std::chrono::duration<double, std::milli>(Clock::now() - first_start).count();
    layout_ms = 0;
    std::vector<double> times;
    times.reserve(static_cast<std::size_t>(rounds));
    for (int i = 0; i < rounds; ++i) {
        const auto start = Clock::now();
        if (!render_once()) {
            return 2;
        }
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    const double median = times[times.size() / 2] / static_cast<double>(pages);
    const double worst = times.back() / static_cast<double>(pages);
    std::printf("print_acceptance_pdf_ms_per_page: %.1f ms (target ≤ 30)\n", median);
    std::printf("  median of %d renders, worst %.1f ms, layout %.1f ms of it on average; %zu page(s), %zu bytes; "
                "first render %.0f ms (font loading)\n",
                rounds, worst, layout_ms / rounds, pages, bytes, first_ms);
    return 0;
}
