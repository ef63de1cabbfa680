#include "client/ui/group/group_members_page.h"

#include "client/ui/base/error_text.h"
#include "client/ui/base/page_widgets.h"
#include "client/ui/base/problem_text.h"
#include "client/workflows/admin/workstation_settings.h"
#include "client/workflows/workstation/local_clock.h"
#include "domain/masking.h"

#include <fstream>
#include <iterator>
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace ui {

namespace {

/// The hall's area code is not set: members cannot be checked for being local.
struct NoArea
{
};

/// The file to import is not there (or cannot be read).
struct MissingFile
{
    std::string path;
};

wxString state_text(const std::string& state)
{
    if (state == "pendingConfirmation") {
        return _("Waiting for the member's SMS confirmation");
    }
    if (state == "active") {
        return _("Active");
    }
    if (state == "pendingRemoval") {
        return _("Being removed");
    }
    return wxString::FromUTF8(state);
}

/// Opens the workflow for `group` on the worker thread; null when the hall's area code is not set.
std::unique_ptr<workflows::GroupMembers> open_members(PageBackend& backend, workflows::OrderDesk& orders,
                                                      const std::string& group)
{
    const auto area = workflows::SettingsDesk(backend).hall_area_code();
    if (area.empty()) {
        return nullptr;
    }
    return std::make_unique<workflows::GroupMembers>(backend, orders, group, area);
}

wxString no_area_text()
{
    return _("Set this hall's area code in the workstation settings first: members must be local to it.");
}

template <typename Variant, typename Extra> struct WithAlternative;
template <typename... Ts, typename Extra> struct WithAlternative<std::variant<Ts...>, Extra>
{
    using type = std::variant<Ts..., Extra>;
};

/// The worker's side of every member call: the group's workflow opened, `work` run on it, and its answer widened by
/// NoArea (which is the answer when the hall has no area code).
template <typename Work> auto with_members(std::shared_ptr<PageBackend> backend, std::string group, Work work)
{
    using Answer = typename WithAlternative<std::invoke_result_t<Work&, workflows::GroupMembers&>, NoArea>::type;
    return [backend = std::move(backend), group = std::move(group), work = std::move(work)]() mutable -> Answer {
        workflows::OrderDesk orders(*backend);
        auto members = open_members(*backend, orders, group);
        if (!members) {
            return NoArea{};
        }
        return std::visit([](auto&& value) -> Answer { return std::forward<decltype(value)>(value); }, work(*members));
    };
}

/// What stopped a member call, as the clerk reads it: no area code, a rule, or the back office; none when nothing
/// did.
template <typename Answer> std::optional<wxString> refusal_text(const Answer& answer)
{
    return std::visit(
        [](const auto& value) -> std::optional<wxString> {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, NoArea>) {
                return no_area_text();
            } else if constexpr (std::is_same_v<T, workflows::MemberProblem>) {
                return member_problem_text(value);
            } else if constexpr (std::is_same_v<T, bss::CallError>) {
                return call_error_text(value);
            } else if constexpr (std::is_same_v<T, MissingFile>) {
                return wxString::Format(_("There is no file %s."), wxString::FromUTF8(value.path));
            } else {
                return std::nullopt;
            }
        },
        answer);
}

} // namespace

wxString member_problem_text(const workflows::MemberProblem& problem)
{
    // The domain's rules under their stable names read as everywhere else.
    for (int code = 0; code <= static_cast<int>(domain::Errc::member_added_this_month); ++code) {
        const auto errc = static_cast<domain::Errc>(code);
        if (domain::code_name(errc) == problem.code) {
            return problem_text(domain::Problem{errc, problem.params});
        }
    }
    if (problem.code == "E_MEMBER_NOT_FOUND") {
        return wxString::Format(_("%s is not a member of this group."),
                                wxString::FromUTF8(std::string(problem.param("number"))));
    }
    if (problem.code == "E_MEMBER_PENDING") {
        return wxString::Format(_("%s has a change under way; wait for it to finish."),
                                wxString::FromUTF8(std::string(problem.param("number"))));
    }
    if (problem.code == "E_IMPORT_DUPLICATE") {
        return wxString::Format(_("Already in the file at row %s."),
                                wxString::FromUTF8(std::string(problem.param("first_row"))));
    }
    if (problem.code.starts_with("E_CSV") || problem.code.starts_with("E_XLSX")) {
        return wxString::Format(_("The file cannot be read as a member list (%s). Save it again from the template."),
                                wxString::FromUTF8(problem.code));
    }
    return wxString::FromUTF8(problem.code);
}

GroupMembersPage::GroupMembersPage(wxWindow* parent, PageServices services, std::function<void()> wake)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "group_members_page"),
      m_backend(std::make_shared<PageBackend>(std::move(services))), m_wake(std::move(wake))
{
    build();
    m_worker.set_on_stop([backend = m_backend] { backend->cancel(); });
    m_group->SetFocus();
}

GroupMembersPage::~GroupMembersPage() = default;

template <typename Work, typename Done> void GroupMembersPage::run(Work work, Done done)
{
    run_counted(m_worker, m_pending, nullptr, std::move(work), std::move(done),
                [this](const wxString& text) { set_message(text, true); });
}

void GroupMembersPage::build()
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("Group customer ID:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_group = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(220, -1), wxTE_PROCESS_ENTER,
                             wxDefaultValidator, "members_group");
    m_group->SetHint(_("then Enter"));
    row->Add(m_group, 0);
    top->Add(row, 0, wxALL, 8);
    m_member_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 160), wxLC_REPORT | wxLC_SINGLE_SEL,
                                   wxDefaultValidator, "members_list");
    m_member_list->AppendColumn(_("Number"), wxLIST_FORMAT_LEFT, 160);
    m_member_list->AppendColumn(_("Short number"), wxLIST_FORMAT_LEFT, 110);
    m_member_list->AppendColumn(_("State"), wxLIST_FORMAT_LEFT, 260);
    fill_last_column(m_member_list);
    top->Add(m_member_list, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);

    auto* one = new wxStaticBoxSizer(wxHORIZONTAL, this, _("One member"));
    auto* box = one->GetStaticBox();
    one->Add(new wxStaticText(box, wxID_ANY, _("Number:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    m_number = new wxTextCtrl(box, wxID_ANY, wxString(), wxDefaultPosition, wxSize(150, -1), 0, wxDefaultValidator,
                              "members_number");
    one->Add(m_number, 0, wxRIGHT, 8);
    one->Add(new wxStaticText(box, wxID_ANY, _("Short number:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    m_short = new wxTextCtrl(box, wxID_ANY, wxString(), wxDefaultPosition, wxSize(80, -1), 0, wxDefaultValidator,
                             "members_short");
    one->Add(m_short, 0, wxRIGHT, 8);
    one->Add(new wxStaticText(box, wxID_ANY, _("Name:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    m_name = new wxTextCtrl(box, wxID_ANY, wxString(), wxDefaultPosition, wxSize(120, -1), 0, wxDefaultValidator,
                            "members_name");
    one->Add(m_name, 0, wxRIGHT, 8);
    auto* add_button =
        new wxButton(box, wxID_ANY, _("A&dd"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "members_add");
    one->Add(add_button, 0, wxRIGHT, 6);
    auto* remove_button = new wxButton(box, wxID_ANY, _("&Remove selected..."), wxDefaultPosition, wxDefaultSize, 0,
                                       wxDefaultValidator, "members_remove");
    one->Add(remove_button, 0);
    top->Add(one, 0, wxEXPAND | wxALL, 8);

    auto* batch = new wxStaticBoxSizer(wxVERTICAL, this, _("Batch import (CSV or XLSX: number, short number, name)"));
    box = batch->GetStaticBox();
    auto* file_row = new wxBoxSizer(wxHORIZONTAL);
    file_row->Add(new wxStaticText(box, wxID_ANY, _("File:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    m_file = new wxTextCtrl(box, wxID_ANY, wxString(), wxDefaultPosition, wxSize(420, -1), wxTE_PROCESS_ENTER,
                            wxDefaultValidator, "members_file");
    file_row->Add(m_file, 1, wxRIGHT, 6);
    auto* preview_button = new wxButton(box, wxID_ANY, _("Pre&view"), wxDefaultPosition, wxDefaultSize, 0,
                                        wxDefaultValidator, "members_preview");
    file_row->Add(preview_button, 0, wxRIGHT, 6);
    m_confirm = new wxButton(box, wxID_ANY, _("&Confirm the import"), wxDefaultPosition, wxDefaultSize, 0,
                             wxDefaultValidator, "members_confirm");
    m_confirm->Disable();
    file_row->Add(m_confirm, 0);
    batch->Add(file_row, 0, wxEXPAND | wxALL, 4);
    m_bad_rows = new wxListCtrl(box, wxID_ANY, wxDefaultPosition, wxSize(-1, 120), wxLC_REPORT | wxLC_SINGLE_SEL,
                                wxDefaultValidator, "members_bad_rows");
    m_bad_rows->AppendColumn(_("Row"), wxLIST_FORMAT_RIGHT, 60);
    m_bad_rows->AppendColumn(_("Number"), wxLIST_FORMAT_LEFT, 150);
    m_bad_rows->AppendColumn(_("Problem"), wxLIST_FORMAT_LEFT, 500);
    fill_last_column(m_bad_rows);
    batch->Add(m_bad_rows, 1, wxEXPAND | wxALL, 4);
    top->Add(batch, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);

    m_message = new StatusLine(this, wxID_ANY, _("Type the group's customer ID and press Enter."), wxDefaultPosition,
                               wxDefaultSize, 0, "members_message");
    top->Add(m_message, 0, wxEXPAND | wxALL, 8);
    SetSizer(top);

    m_group->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { list(); });
    add_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add(); });
    remove_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove_selected(); });
    preview_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { preview_import(); });
    m_file->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { preview_import(); });
    m_confirm->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { confirm_import(); });
}

void GroupMembersPage::list()
{
    const std::string group = m_group->GetValue().Strip(wxString::both).utf8_string();
    if (group.empty()) {
        set_message(problem_text(domain::problem(domain::Errc::empty)), true);
        return;
    }
    set_message(_("Listing the members..."));
    run(with_members(m_backend, group, [](workflows::GroupMembers& members) { return members.list(); }),
        [this](auto answer) {
            if (auto refused = refusal_text(answer)) {
                set_message(*refused, true);
                return;
            }
            show_members(std::get<std::vector<contract::GroupMember>>(std::move(answer)));
            // TRANSLATORS: %zu is how many members the group has.
            set_message(wxString::Format(_("%zu members."), m_members.size()));
        });
}

void GroupMembersPage::show_members(std::vector<contract::GroupMember> members)
{
    m_members = std::move(members);
    m_member_list->DeleteAllItems();
    for (const auto& member : m_members) {
        const long row = m_member_list->InsertItem(m_member_list->GetItemCount(),
                                                   wxString::FromUTF8(domain::mask_phone(member.number)));
        m_member_list->SetItem(row, 1, wxString::FromUTF8(member.short_number.value_or("")));
        m_member_list->SetItem(row, 2, state_text(member.state));
    }
}

void GroupMembersPage::add()
{
    const auto text = [](const wxTextCtrl* field) { return field->GetValue().Strip(wxString::both).utf8_string(); };
    workflows::MemberInput input;
    input.number = text(m_number);
    if (const auto short_number = text(m_short); !short_number.empty()) {
        input.short_number = short_number;
    }
    if (const auto name = text(m_name); !name.empty()) {
        input.name = name;
    }
    const std::string group = text(m_group);
    set_message(_("Adding the member..."));
    run(with_members(
            m_backend, group,
            [input](workflows::GroupMembers& members) { return members.add(input, workflows::local_today()); }),
        [this](auto answer) {
            if (auto refused = refusal_text(answer)) {
                set_message(*refused, true);
                if (std::holds_alternative<workflows::MemberProblem>(answer)) {
                    m_number->SetFocus();
                }
                return;
            }
            ++m_accepted;
            if (m_wake) {
                m_wake();
            }
            set_message(_("The member is added once they confirm by SMS; the order is queued for the back office."));
            for (auto* field : {m_number, m_short, m_name}) {
                field->ChangeValue(wxString());
            }
        });
}

void GroupMembersPage::remove_selected()
{
    const long index = m_member_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (index < 0 || static_cast<std::size_t>(index) >= m_members.size()) {
        set_message(_("Select the member to remove in the list first."), true);
        return;
    }
    const std::string number = m_members[static_cast<std::size_t>(index)].number;
    if (!page_confirm(
            m_backend->services().prompts, this, _("Remove a member"),
            wxString::Format(_("Remove %s from the group?"), wxString::FromUTF8(domain::mask_phone(number))))) {
        return;
    }
    const std::string group = m_group->GetValue().Strip(wxString::both).utf8_string();
    run(with_members(
            m_backend, group,
            [number](workflows::GroupMembers& members) { return members.remove(number, workflows::local_today()); }),
        [this](auto answer) {
            if (auto refused = refusal_text(answer)) {
                set_message(*refused, true);
                return;
            }
            ++m_accepted;
            if (m_wake) {
                m_wake();
            }
            set_message(_("The removal is queued for the back office."));
        });
}

void GroupMembersPage::preview_import()
{
    const std::string path = m_file->GetValue().Strip(wxString::both).utf8_string();
    const std::string group = m_group->GetValue().Strip(wxString::both).utf8_string();
    set_message(_("Checking the file..."));
    m_confirm->Disable();
    using Read = std::variant<workflows::MemberImportPreview, workflows::MemberProblem, bss::CallError, MissingFile>;
    run(with_members(m_backend, group,
                     [path](workflows::GroupMembers& members) -> Read {
                         std::ifstream file(path, std::ios::binary);
                         if (!file) {
                             return MissingFile{path};
                         }
                         workflows::MemberImport import(members);
                         const auto today = workflows::local_today();
                         auto preview = path.ends_with(".xlsx") || path.ends_with(".XLSX")
                                            ? [&] {
                                                  const std::vector<unsigned char> bytes(
                                                      (std::istreambuf_iterator<char>(file)),
                                                      std::istreambuf_iterator<char>());
                                                  return import.preview_xlsx(bytes, today);
                                              }()
                                            : import.preview_csv(file, today);
                         return std::visit([](auto&& value) -> Read { return std::forward<decltype(value)>(value); },
                                           std::move(preview));
                     }),
        [this](auto answer) {
            m_bad_rows->DeleteAllItems();
            m_preview.reset();
            if (auto refused = refusal_text(answer)) {
                set_message(*refused, true);
                return;
            }
            m_preview = std::get<workflows::MemberImportPreview>(std::move(answer));
            for (const auto& bad : m_preview->bad) {
                const long row = m_bad_rows->InsertItem(m_bad_rows->GetItemCount(), wxString::Format("%zu", bad.row));
                m_bad_rows->SetItem(row, 1, wxString::FromUTF8(bad.masked_number));
                m_bad_rows->SetItem(row, 2, member_problem_text(bad.problem));
            }
            // TRANSLATORS: first %zu is the rows that will be added, second the rows refused (listed below).
            set_message(wxString::Format(_("%zu rows can be added, %zu are refused (listed). Alt+C adds the good "
                                           "rows."),
                                         m_preview->good.size(), m_preview->bad.size()));
            m_confirm->Enable(!m_preview->good.empty());
        });
}

void GroupMembersPage::confirm_import()
{
    if (!m_preview || m_preview->good.empty() || busy()) {
        return;
    }
    const std::string group = m_group->GetValue().Strip(wxString::both).utf8_string();
    m_confirm->Disable();
    run(with_members(m_backend, group,
                     [preview = *m_preview](workflows::GroupMembers& members) {
                         return workflows::MemberImport(members).confirm(preview, workflows::local_today());
                     }),
        [this](auto answer) {
            if (auto refused = refusal_text(answer)) {
                set_message(*refused, true);
                return;
            }
            const auto& orders = std::get<std::vector<workflows::AcceptedOrder>>(answer);
            m_accepted += static_cast<int>(orders.size());
            if (m_wake) {
                m_wake();
            }
            // TRANSLATORS: first %zu is members, second the orders they were queued in.
            set_message(wxString::Format(_("%zu members queued in %zu orders. They are added once they confirm by "
                                           "SMS."),
                                         m_preview->good.size(), orders.size()));
            m_preview.reset();
        });
}

void GroupMembersPage::set_message(const wxString& text, bool error)
{
    m_message->show(text, error);
}

} // namespace ui
