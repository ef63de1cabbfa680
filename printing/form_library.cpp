#include "printing/form_library.h"

#include "printing/cairo_text_measure.h"
#include "printing/template_parser.h"

#include <algorithm>
#include <cctype>

namespace printing {

FormLibrary::FormLibrary(std::filesystem::path folder) : m_folder(std::move(folder)) {}

FormLibrary::~FormLibrary() = default;

PrintResult<std::shared_ptr<const FormTemplate>> FormLibrary::form(std::string_view name)
{
    if (const auto it = m_forms.find(name); it != m_forms.end()) {
        return it->second;
    }
    const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    });
    if (!plain) {
        return print_error("E_FORM_NAME", {{"form", std::string(name)}});
    }
    auto loaded = load_template(m_folder / (std::string(name) + ".xml"));
    if (const auto* error = error_of(loaded)) {
        return *error;
    }
    auto shared = std::make_shared<const FormTemplate>(std::get<FormTemplate>(std::move(loaded)));
    m_forms.emplace(std::string(name), shared);
    return shared;
}

PrintResult<Layout> FormLibrary::lay_out(std::string_view name, const FormData& data, const LayoutOptions& options)
{
    auto loaded = form(name);
    if (const auto* error = error_of(loaded)) {
        return *error;
    }
    const auto& form = *std::get<std::shared_ptr<const FormTemplate>>(loaded);
    auto measure = CairoTextMeasure::create(form.font_family);
    if (const auto* error = error_of(measure)) {
        return *error;
    }
    return printing::lay_out(form, data, *std::get<std::shared_ptr<const CairoTextMeasure>>(measure), options);
}

} // namespace printing
