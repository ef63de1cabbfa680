#pragma once
/// A folder of its own under the system's temporary folder, removed with everything in it when the test ends.
/// Shared by every test that needs files on disk.

#include <atomic>
#include <filesystem>
#include <random>
#include <string>
#include <system_error>

namespace testing {

class TempDir
{
public:
    explicit TempDir(const std::string& prefix = "counter-test")
    {
        static std::atomic<unsigned> counter{0};
        std::random_device random;
        m_path = std::filesystem::temp_directory_path() /
                 (prefix + "-" + std::to_string(random()) + "-" + std::to_string(counter++));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

} // namespace testing
