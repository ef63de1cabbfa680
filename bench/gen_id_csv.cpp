/// Writes a CSV of synthetic ID numbers (name,id) for benchmarks: valid numbers from real region codes, with a
/// chosen share of broken ones, reproducibly from a seed.
///   gen_id_csv ROWS OUT.csv [BAD_PER_MILLE] [SEED]

#include "domain/id_number.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: gen_id_csv ROWS OUT.csv [BAD_PER_MILLE] [SEED]\n");
        return 2;
    }
    const long rows = std::strtol(argv[1], nullptr, 10);
    const int bad_per_mille = argc > 3 ? std::atoi(argv[3]) : 1;
    const unsigned seed = argc > 4 ? static_cast<unsigned>(std::strtoul(argv[4], nullptr, 10)) : 2026u;
    FILE* out = std::fopen(argv[2], "w");
    if (!out) {
        std::perror(argv[2]);
        return 2;
    }
    static const int regions[] = {110105, 110108, 310104, 320102, 330106, 440305, 440524, 510107, 610113, 650102};
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::size_t> region(0, std::size(regions) - 1);
    std::uniform_int_distribution<int> days(0, 365 * 80);
    std::uniform_int_distribution<int> seq(0, 999);
    std::uniform_int_distribution<int> mille(0, 999);
    std::fputs("name,id\n", out);
    for (long i = 0; i < rows; ++i) {
        const auto birth = std::chrono::sys_days{domain::make_date(1940, 1, 1)} + std::chrono::days{days(rng)};
        char first17[18];
        std::snprintf(first17, sizeof first17, "%06d%s%03d", regions[region(rng)],
                      domain::format_yyyymmdd(domain::Date{birth}).c_str(), seq(rng));
        char check = domain::IdNumber::check_character(first17);
        if (mille(rng) < bad_per_mille) {
            check = check == '0' ? '1' : '0';
        }
        std::fprintf(out, "customer%ld,%s%c\n", i, first17, check);
    }
    return std::fclose(out) == 0 ? 0 : 2;
}
