#include "client/workflows/import/xlsx_sheet.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <zip.h>

namespace workflows {
namespace {

constexpr const char* kWorkbook = "xl/workbook.xml";
constexpr const char* kWorkbookRels = "xl/_rels/workbook.xml.rels";
constexpr std::size_t kLastRow = 1048576; // Excel's last row; a file numbering past it was not written by a spreadsheet

/// Element names without a namespace prefix: producers other than Excel write "x:row" as readily as "row".
std::string_view local_name(const pugi::xml_node& node)
{
    const std::string_view name = node.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& parent, std::string_view name)
{
    for (auto node : parent.children()) {
        if (node.type() == pugi::node_element && local_name(node) == name) {
            return node;
        }
    }
    return {};
}

/// An attribute by its local name ("r:id" and "id" are both "id").
pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view name)
{
    for (auto attr : node.attributes()) {
        std::string_view full = attr.name();
        const auto colon = full.find(':');
        if ((colon == std::string_view::npos ? full : full.substr(colon + 1)) == name) {
            return attr;
        }
    }
    return {};
}

std::optional<pugi::xml_document> load(std::string_view xml)
{
    pugi::xml_document doc;
    // Whitespace-only text is a value in a cell (" "); no DOCTYPE or entities are ever expanded by pugixml.
    const auto parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!parsed) {
        return std::nullopt;
    }
    return doc;
}

/// The text of an <si> or <is>: its <t>, or its runs' <t>s joined; phonetic guides (<rPh>) are not the text.
std::string string_item(const pugi::xml_node& item)
{
    std::string text;
    for (auto node : item.children()) {
        if (node.type() != pugi::node_element) {
            continue;
        }
        if (local_name(node) == "t") {
            text += node.text().get();
        } else if (local_name(node) == "r") {
            if (auto t = child(node, "t")) {
                text += t.text().get();
            }
        }
    }
    return text;
}

/// "AB12" → column 27 (0-based); nothing when the reference has no letters or is absurdly wide.
std::optional<std::size_t> column_of(std::string_view reference)
{
    std::size_t column = 0;
    std::size_t letters = 0;
    for (const char c : reference) {
        if (c >= 'A' && c <= 'Z') {
            column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
        } else if (c >= 'a' && c <= 'z') {
            column = column * 26 + static_cast<std::size_t>(c - 'a' + 1);
        } else {
            break;
        }
        if (++letters > 3) { // XFD is the last column Excel has
            return std::nullopt;
        }
    }
    if (letters == 0) {
        return std::nullopt;
    }
    return column - 1;
}

/// All of `text` as a decimal number; nothing for anything else.
std::optional<std::size_t> index_number(std::string_view text)
{
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::size_t> positive_number(std::string_view text)
{
    const auto value = index_number(text);
    return value && *value > 0 ? value : std::nullopt;
}

/// A numeric cell as a clerk typed it: 13812345678 stays digits whether stored as "13812345678", "13812345678.0" or
/// "1.3812345678E10"; other numbers keep the file's text.
std::string number_text(std::string_view v)
{
    if (v.find_first_of("eE.") == std::string_view::npos) {
        return std::string(v);
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (ec != std::errc{} || end != v.data() + v.size() || !std::isfinite(value) || std::fabs(value) >= 1e15 ||
        value != std::floor(value)) {
        return std::string(v);
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    return buffer;
}

/// Resolves a relationship target against the xl/ folder the workbook lives in.
std::string part_path(std::string_view target)
{
    if (target.starts_with("/")) {
        return std::string(target.substr(1));
    }
    return "xl/" + std::string(target);
}

struct ZipDiscard
{
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
using Archive = std::unique_ptr<zip_t, ZipDiscard>;

struct ZipClose
{
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};

/// One entry's bytes, at most `limit` of them; nothing when absent.
std::variant<std::optional<std::string>, XlsxError> read_part(zip_t* archive, const std::string& name,
                                                              std::size_t limit)
{
    const zip_int64_t index = zip_name_locate(archive, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) {
        return std::optional<std::string>{};
    }
    std::unique_ptr<zip_file_t, ZipClose> file(zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0));
    if (!file) {
        return XlsxError{"E_XLSX_PART_CORRUPT", name};
    }
    // The size in the directory is the producer's claim; what counts is what inflates.
    std::string bytes;
    char buffer[65536];
    for (;;) {
        const zip_int64_t got = zip_fread(file.get(), buffer, sizeof buffer);
        if (got < 0) {
            return XlsxError{"E_XLSX_PART_CORRUPT", name};
        }
        if (got == 0) {
            break;
        }
        if (bytes.size() + static_cast<std::size_t>(got) > limit) {
            return XlsxError{"E_XLSX_TOO_LARGE", name};
        }
        bytes.append(buffer, static_cast<std::size_t>(got));
    }
    return std::optional<std::string>{std::move(bytes)};
}

/// The first sheet's part and the shared strings' part (if the workbook names one).
std::variant<std::pair<std::string, std::string>, XlsxError> locate_parts(zip_t* archive, const XlsxLimits& limits)
{
    auto workbook_bytes = read_part(archive, kWorkbook, limits.max_part_bytes);
    if (auto* error = std::get_if<XlsxError>(&workbook_bytes)) {
        return *error;
    }
    auto rels_bytes = read_part(archive, kWorkbookRels, limits.max_part_bytes);
    if (auto* error = std::get_if<XlsxError>(&rels_bytes)) {
        return *error;
    }
    const auto& workbook_text = std::get<std::optional<std::string>>(workbook_bytes);
    const auto& rels_text = std::get<std::optional<std::string>>(rels_bytes);
    if (!workbook_text) {
        return XlsxError{"E_XLSX_PART_MISSING", kWorkbook};
    }
    if (!rels_text) {
        return XlsxError{"E_XLSX_PART_MISSING", kWorkbookRels};
    }
    const auto workbook = load(*workbook_text);
    if (!workbook) {
        return XlsxError{"E_XLSX_XML", kWorkbook};
    }
    const auto rels = load(*rels_text);
    if (!rels) {
        return XlsxError{"E_XLSX_XML", kWorkbookRels};
    }
    const auto first_sheet = child(child(child(*workbook, "workbook"), "sheets"), "sheet");
    const std::string_view sheet_id = attribute(first_sheet, "id").value();
    std::string sheet;
    std::string shared = "xl/sharedStrings.xml";
    for (auto relationship : child(*rels, "Relationships").children()) {
        if (local_name(relationship) != "Relationship") {
            continue;
        }
        const std::string_view type = attribute(relationship, "Type").value();
        if (!sheet_id.empty() && sheet_id == attribute(relationship, "Id").value()) {
            sheet = part_path(attribute(relationship, "Target").value());
        } else if (type.ends_with("/sharedStrings")) {
            shared = part_path(attribute(relationship, "Target").value());
        }
    }
    if (sheet.empty()) {
        return XlsxError{"E_XLSX_PART_MISSING", "xl/worksheets/sheet1.xml"};
    }
    return std::pair{sheet, shared};
}

} // namespace

std::variant<std::vector<std::string>, XlsxError> parse_shared_strings(std::string_view xml)
{
    const auto doc = load(xml);
    if (!doc) {
        return XlsxError{"E_XLSX_XML", "xl/sharedStrings.xml"};
    }
    std::vector<std::string> strings;
    for (auto item : child(*doc, "sst").children()) {
        if (item.type() == pugi::node_element && local_name(item) == "si") {
            strings.push_back(string_item(item));
        }
    }
    return strings;
}

XlsxRows parse_sheet(std::string_view xml, const std::vector<std::string>& shared, const XlsxLimits& limits)
{
    const auto doc = load(xml);
    if (!doc) {
        return XlsxError{"E_XLSX_XML", "worksheet"};
    }
    std::vector<XlsxRow> rows;
    std::size_t previous = 0;
    for (auto row : child(child(*doc, "worksheet"), "sheetData").children()) {
        if (row.type() != pugi::node_element || local_name(row) != "row") {
            continue;
        }
        XlsxRow out;
        out.number = positive_number(attribute(row, "r").value()).value_or(previous + 1);
        if (out.number > kLastRow) {
            return XlsxError{"E_XLSX_ROW_NUMBER", "worksheet"};
        }
        previous = out.number;
        std::size_t next_column = 0;
        for (auto cell : row.children()) {
            if (cell.type() != pugi::node_element || local_name(cell) != "c") {
                continue;
            }
            const auto column = column_of(attribute(cell, "r").value()).value_or(next_column);
            next_column = column + 1;
            if (column >= limits.max_columns) {
                continue;
            }
            const std::string_view type = attribute(cell, "t").value();
            const std::string_view value = child(cell, "v").text().get();
            std::string text;
            if (type == "s") {
                const auto index = index_number(value);
                if (!index || *index >= shared.size()) {
                    return XlsxError{"E_XLSX_SHARED_STRING", "worksheet"};
                }
                text = shared[*index];
            } else if (type == "inlineStr") {
                text = string_item(child(cell, "is"));
            } else if (type == "str" || type == "b" || type == "e") {
                text = std::string(value);
            } else {
                text = number_text(value);
            }
            if (out.cells.size() <= column) {
                out.cells.resize(column + 1);
            }
            out.cells[column] = std::move(text);
        }
        if (out.cells.empty()) {
            continue;
        }
        if (rows.size() >= limits.max_rows) {
            return XlsxError{"E_XLSX_TOO_MANY_ROWS", "worksheet"};
        }
        rows.push_back(std::move(out));
    }
    return rows;
}

XlsxRows read_xlsx_first_sheet(std::span<const unsigned char> bytes, const XlsxLimits& limits)
{
    if (bytes.empty()) {
        return XlsxError{"E_XLSX_NOT_ZIP", {}}; // libzip would open it as a new, empty archive
    }
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
        zip_error_fini(&error);
        return XlsxError{"E_XLSX_NOT_ZIP", {}};
    }
    Archive archive(zip_open_from_source(source, ZIP_RDONLY, &error));
    zip_error_fini(&error);
    if (!archive) {
        zip_source_free(source); // not taken over by a failed open
        return XlsxError{"E_XLSX_NOT_ZIP", {}};
    }

    auto parts = locate_parts(archive.get(), limits);
    if (auto* failed = std::get_if<XlsxError>(&parts)) {
        return *failed;
    }
    const auto& [sheet_part, shared_part] = std::get<std::pair<std::string, std::string>>(parts);

    std::vector<std::string> shared;
    auto shared_bytes = read_part(archive.get(), shared_part, limits.max_part_bytes);
    if (auto* failed = std::get_if<XlsxError>(&shared_bytes)) {
        return *failed;
    }
    if (const auto& text = std::get<std::optional<std::string>>(shared_bytes)) {
        auto strings = parse_shared_strings(*text);
        if (auto* failed = std::get_if<XlsxError>(&strings)) {
            return XlsxError{failed->code, shared_part};
        }
        shared = std::get<std::vector<std::string>>(std::move(strings));
    }

    auto sheet_bytes = read_part(archive.get(), sheet_part, limits.max_part_bytes);
    if (auto* failed = std::get_if<XlsxError>(&sheet_bytes)) {
        return *failed;
    }
    const auto& sheet_text = std::get<std::optional<std::string>>(sheet_bytes);
    if (!sheet_text) {
        return XlsxError{"E_XLSX_PART_MISSING", sheet_part};
    }
    auto rows = parse_sheet(*sheet_text, shared, limits);
    if (auto* failed = std::get_if<XlsxError>(&rows)) {
        failed->part = sheet_part;
    }
    return rows;
}

} // namespace workflows
