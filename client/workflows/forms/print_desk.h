#pragma once
/// Printing at the counter, the part that needs no printer: every form printed is laid out once, archived as PDF
/// under its order number (without the printer's offset), and written to the audit log — a reprint as 补打, a copy
/// with personal data unmasked as such. The printer's calibration offsets live in the workstation's settings. The
/// print and the preview themselves (wx) belong to the screens, which take the layout and the offsets from here.

#include "client/store/utc_text.h"
#include "client/workflows/workstation/desk.h"
#include "printing/calibration.h"
#include "printing/form_data.h"
#include "printing/form_library.h"

#include <filesystem>
#include <functional>
#include <soci/soci.h>
#include <string>

namespace workflows {

struct PreparedForm
{
    printing::Layout layout;
    std::filesystem::path archive; ///< the archive copy written
};

class PrintDesk
{
public:
    /// As the desk's clerk, on its cache and back office: what a screen hands over.
    explicit PrintDesk(Desk& desk);
    PrintDesk(soci::session& sql, std::filesystem::path forms_folder, std::filesystem::path archive_folder,
              std::string staff, std::function<store::UtcTime()> clock = {});

    /// Lays out `form` with `data`, writes the archive PDF and logs the print (print.form, print.reprint, and
    /// print.unmasked when personal data is shown). Errors are the printing library's codes; nothing is logged then.
    printing::PrintResult<PreparedForm> prepare(const std::string& form, const printing::FormData& data,
                                                const printing::LayoutOptions& options = {});

    /// The offsets calibrated for `printer` and `form`; none (0, 0) when never calibrated.
    [[nodiscard]] printing::Offsets offsets(const std::string& printer, const std::string& form) const;
    /// Stores offsets measured on the calibration page (E_OFFSET_RANGE beyond ±30 mm; nothing stored then).
    std::optional<printing::PrintError> save_offsets(const std::string& printer, const std::string& form,
                                                     const printing::Offsets& offsets);

private:
    [[nodiscard]] store::UtcTime now() const;

    soci::session& m_sql;
    printing::FormLibrary m_forms;
    std::filesystem::path m_archive;
    std::string m_staff;
    std::function<store::UtcTime()> m_clock;
};

} // namespace workflows
