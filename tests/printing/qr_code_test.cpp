#include "printing/qr_code.h"

#include <catch2/catch.hpp>
#include <string>

using printing::QrMatrix;

namespace {

/// The 7×7 finder pattern: dark ring, light ring, dark 3×3 centre.
bool finder_at(const QrMatrix& m, int ox, int oy)
{
    for (int y = 0; y < 7; ++y) {
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (m.dark(ox + x, oy + y) != (ring || centre)) {
                return false;
            }
        }
    }
    return true;
}

} // namespace

TEST_CASE("an order number becomes a QR symbol with its finder patterns", "[qr]")
{
    const auto qr = QrMatrix::encode("DD20261123000123");
    REQUIRE(qr);
    CHECK(qr->size() >= 21);
    CHECK((qr->size() - 21) % 4 == 0);
    CHECK(finder_at(*qr, 0, 0));
    CHECK(finder_at(*qr, qr->size() - 7, 0));
    CHECK(finder_at(*qr, 0, qr->size() - 7));
    CHECK_FALSE(finder_at(*qr, qr->size() - 7, qr->size() - 7));
}

TEST_CASE("longer text needs a larger symbol and too long is refused", "[qr]")
{
    const auto small = QrMatrix::encode("1");
    const auto large = QrMatrix::encode(std::string(500, 'A'));
    REQUIRE(small);
    REQUIRE(large);
    CHECK(large->size() > small->size());
    CHECK_FALSE(QrMatrix::encode(std::string(8000, 'A')));
}
