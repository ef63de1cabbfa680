#include "printing/form_data.h"

#include "domain/money.h"
#include "printing/field_catalog.h"
#include "printing/field_value.h"
#include "printing/xml_position.h"

#include <fstream>
#include <iterator>
#include <pugixml.hpp>

namespace printing {
namespace {

PrintError at(const char* code, const std::string& file, int line,
              std::vector<std::pair<std::string, std::string>> params)
{
    params.insert(params.begin(), {{"file", file}, {"line", std::to_string(line)}});
    return print_error(code, std::move(params));
}

} // namespace

const std::string* FormData::field(std::string_view name) const
{
    const auto it = fields.find(name);
    return it == fields.end() ? nullptr : &it->second;
}

PrintResult<FormData> validate_form_data(FormData data)
{
    for (const auto& [name, value] : data.fields) {
        const auto kind = field_kind(name);
        if (!kind || is_builtin_field(name)) {
            return print_error("E_DATA_FIELD", {{"field", name}});
        }
        if (auto error = check_value(*kind, name, value)) {
            return *error;
        }
    }
    for (const auto& [table, rows] : data.tables) {
        if (!is_table(table)) {
            return print_error("E_DATA_FIELD", {{"field", table}});
        }
        for (std::size_t i = 0; i < rows.size(); ++i) {
            for (const auto& [column, value] : rows[i]) {
                std::string name = table;
                name.append(".").append(column);
                const auto kind = column_kind(table, column);
                if (!kind) {
                    return print_error("E_DATA_FIELD", {{"field", name}, {"row", std::to_string(i + 1)}});
                }
                if (auto error = check_value(*kind, name, value)) {
                    error->params.emplace_back("row", std::to_string(i + 1));
                    return *error;
                }
            }
        }
    }
    // A receipt must add up to the fen: a total that disagrees with its lines is a bug upstream, not a print.
    const auto fees = data.tables.find("fees");
    const auto* total = data.field("fees.total");
    if (fees != data.tables.end() && total != nullptr) {
        domain::Money sum;
        for (const auto& row : fees->second) {
            const auto amount = row.find("amount");
            if (amount != row.end()) {
                sum += domain::Money::parse(amount->second).value();
            }
        }
        const auto stated = domain::Money::parse(*total).value();
        if (sum != stated) {
            return print_error("E_DATA_TOTAL",
                               {{"field", "fees.total"}, {"expected", sum.plain()}, {"actual", stated.plain()}});
        }
    }
    return data;
}

PrintResult<FormData> parse_form_data(std::string_view xml, const std::string& file)
{
    pugi::xml_document doc;
    const auto parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        return at("E_DATA_SYNTAX", file, line_at(xml, parsed.offset), {{"reason", parsed.description()}});
    }
    const auto line = [xml](const pugi::xml_node& node) { return line_at(xml, node.offset_debug()); };
    const auto root = doc.document_element();
    if (std::string_view(root.name()) != "form-data") {
        return at("E_DATA_ELEMENT", file, line(root), {{"element", root.name()}});
    }
    FormData data;
    for (const auto node : root.children()) {
        if (node.type() != pugi::node_element) {
            continue;
        }
        const std::string_view kind = node.name();
        const std::string name = node.attribute("name").value();
        if (name.empty() || (kind != "field" && kind != "table")) {
            return at("E_DATA_ELEMENT", file, line(node), {{"element", node.name()}});
        }
        if (kind == "field") {
            if (!data.fields.emplace(name, node.child_value()).second) {
                return at("E_DATA_DUPLICATE", file, line(node), {{"field", name}});
            }
            continue;
        }
        if (data.tables.count(name) != 0) {
            return at("E_DATA_DUPLICATE", file, line(node), {{"field", name}});
        }
        auto& rows = data.tables[name];
        for (const auto row : node.children()) {
            if (row.type() != pugi::node_element) {
                continue;
            }
            if (std::string_view(row.name()) != "row") {
                return at("E_DATA_ELEMENT", file, line(row), {{"element", row.name()}});
            }
            FormRow cells;
            for (const auto attr : row.attributes()) {
                cells.emplace(attr.name(), attr.value());
            }
            rows.push_back(std::move(cells));
        }
    }
    auto validated = validate_form_data(std::move(data));
    if (auto* error = std::get_if<PrintError>(&validated)) {
        error->params.insert(error->params.begin(), {"file", file});
    }
    return validated;
}

PrintResult<FormData> load_form_data(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return print_error("E_FILE_READ", {{"file", file.string()}});
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse_form_data(text, file.filename().string());
}

} // namespace printing
