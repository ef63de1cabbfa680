#include "client/workflows/workstation/workstation_folders.h"

namespace workflows {

LegacyMove adopt_legacy_folder(const std::filesystem::path& legacy, const WorkstationFolders& folders)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (legacy.empty() || !fs::is_directory(legacy, ec) || fs::exists(folders.data / "cache.db", ec) ||
        fs::equivalent(legacy, folders.data, ec)) {
        return LegacyMove::none;
    }
    fs::create_directories(folders.data.parent_path());
    // An empty data folder (made by a start that found nothing to move) does not stop the move.
    if (fs::is_directory(folders.data, ec) && fs::is_empty(folders.data, ec)) {
        fs::remove(folders.data);
    }
    if (!fs::exists(folders.data, ec)) {
        fs::rename(legacy, folders.data, ec);
        if (!ec) {
            return LegacyMove::moved;
        }
    }
    // Another file system (a home folder on a network share), or a data folder with other files in it: copy, and
    // leave the old folder for IT to remove once the workstation has started on the copy.
    fs::create_directories(folders.data);
    fs::copy(legacy, folders.data, fs::copy_options::recursive | fs::copy_options::skip_existing);
    return LegacyMove::copied;
}

} // namespace workflows
