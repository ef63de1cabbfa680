#pragma once
/// Where a workstation keeps its files on a desktop: the cache, the training data and the archive of printed forms
/// in the data folder (~/.local/share/counter), the settings in the config folder (~/.config/counter), as the XDG
/// base directories say (wx's XDG file layout finds them; Windows keeps both under %APPDATA%). Workstations before
/// this kept everything in one folder, ~/.counter: the first start that finds it moves it, so nothing is lost —
/// not the queued writes, not the archive, not the workstation's id that every idempotency key carries.

#include <filesystem>
#include <string>

namespace workflows {

struct WorkstationFolders
{
    std::filesystem::path data;
    std::filesystem::path config;
};

enum class LegacyMove
{
    none,   ///< no old folder, or the data folder already holds a cache: nothing to do
    moved,  ///< the old folder became the data folder
    copied, ///< another file system: copied, and the old folder left as it was
};

/// Moves `legacy` (the old single folder) to `folders.data` when the data folder holds no cache yet. The settings
/// in the moved cache are adopted into the config folder when the Workstation opens it. Throws
/// std::filesystem::filesystem_error when neither a move nor a copy is possible (then nothing was changed).
LegacyMove adopt_legacy_folder(const std::filesystem::path& legacy, const WorkstationFolders& folders);

} // namespace workflows
