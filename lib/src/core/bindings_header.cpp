// render_bindings_header: an app's models as dbmig::rows::model<T> specializations (docs/cli.md
// "dbmig bindings"), in the shape the support header <dbmig/soci_rows.hpp> reads.
#include "dbmig/bindings_header.hpp"

#include <algorithm>
#include <sstream>

#include "core/cpp_names.hpp"
#include "core/text.hpp"
#include "dbmig/error.hpp"

namespace dbmig {

namespace {

constexpr std::size_t kColumnLimit = 100;  // the repository's .clang-format
constexpr std::size_t kContinuationIndent = 4;

// Whether a code point takes two columns in a terminal, as clang-format counts it (East Asian
// wide and fullwidth ranges).
bool is_wide(char32_t code) {
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) ||
         (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) ||
         (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
         (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x20000 && code <= 0x3fffd);
}

// The columns `text` (UTF-8) takes.
std::size_t width(std::string_view text) {
  std::size_t columns = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80 ? 1 : byte < 0xe0 ? 2 : byte < 0xf0 ? 3 : 4;
    char32_t code = length == 1 ? byte : byte & (0x7f >> length);
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k)
      code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
    columns += is_wide(code) ? 2 : 1;
    i += length;
  }
  return columns;
}

bool fits(std::size_t indent, std::string_view text) {
  return indent + width(text) <= kColumnLimit;
}

std::string line(std::size_t indent, std::string_view text) {
  return std::string(indent, ' ') + std::string(text) + "\n";
}

// Lines no layout of clang-format's keeps within the column limit (a name too long): written
// as they are, and left so by clang-format, which indents the closing comment as the line after
// it.
std::string unformatted(std::size_t indent, std::string_view lines, std::size_t closing_indent) {
  return line(indent, "// clang-format off") + std::string(lines) +
         line(closing_indent, "// clang-format on");
}

// `declaration = value;` on one line, else broken after the `=`.
std::string assignment(std::size_t indent, const std::string& declaration,
                       const std::string& value) {
  std::string whole = declaration + " = " + value + ";";
  if (fits(indent, whole)) return line(indent, whole);
  std::size_t continued = indent + kContinuationIndent;
  if (fits(indent, declaration + " =") && fits(continued, value + ";"))
    return line(indent, declaration + " =") + line(continued, value + ";");
  return unformatted(indent, line(indent, whole), indent);
}

// `arguments` (the last followed by `end`) packed onto lines from `column` on, the first line
// starting at `first`, the others at `column`; empty when one does not fit.
std::string packed(std::size_t first, std::size_t column, const std::vector<std::string>& arguments,
                   const std::string& end) {
  std::string text;
  std::size_t at = first;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    std::string item = arguments[i] + (i + 1 < arguments.size() ? "," : end);
    bool breaks = i > 0 && at + 1 + width(item) > kColumnLimit;
    if (breaks) {
      text += "\n" + std::string(column, ' ');
      at = column;
    } else if (i > 0) {
      text += " ";
      ++at;
    }
    if (at + width(item) > kColumnLimit) return "";
    text += item;
    at += width(item);
  }
  return text + "\n";
}

// `head{argument, ...}end` on one line; else, of the arguments packed onto lines aligned after
// the `{` and packed onto lines after a break after it, the one with fewer lines, aligned on a
// tie (clang-format's choice).
std::string braced(std::size_t indent, const std::string& head,
                   const std::vector<std::string>& arguments, const std::string& end,
                   std::size_t closing_indent) {
  std::string whole = head + "{" + join(arguments) + "}" + end;
  if (fits(indent, whole)) return line(indent, whole);
  std::size_t after_brace = indent + width(head) + 1;
  std::size_t continued = indent + kContinuationIndent;
  std::string aligned = packed(after_brace, after_brace, arguments, "}" + end);
  std::string broken = packed(continued, continued, arguments, "}" + end);
  auto lines = [](const std::string& text) { return std::count(text.begin(), text.end(), '\n'); };
  if (!aligned.empty() && (broken.empty() || lines(aligned) <= lines(broken) + 1))
    return std::string(indent, ' ') + head + "{" + aligned;
  if (!broken.empty() && fits(indent, head + "{"))
    return line(indent, head + "{") + std::string(continued, ' ') + broken;
  return unformatted(indent, line(indent, whole), closing_indent);
}

// `text` as `// ` comment lines within the column limit, broken between words.
std::string comment(const std::string& text) {
  std::istringstream words(text);
  std::string lines, current;
  for (std::string word; words >> word;) {
    if (!current.empty() && !fits(0, "// " + current + " " + word)) {
      lines += "// " + current + "\n";
      current.clear();
    }
    current += (current.empty() ? "" : " ") + word;
  }
  return lines + "// " + current + "\n";
}

// The enumerator of dbmig::rows::sql_type for `type` (docs: the same order and names as
// FieldType's enumerators).
std::string_view sql_type(FieldType type) {
  switch (type) {
    case FieldType::boolean:
      return "boolean";
    case FieldType::int8:
      return "int8";
    case FieldType::int16:
      return "int16";
    case FieldType::int32:
      return "int32";
    case FieldType::int64:
      return "int64";
    case FieldType::uint8:
      return "uint8";
    case FieldType::uint16:
      return "uint16";
    case FieldType::uint32:
      return "uint32";
    case FieldType::uint64:
      return "uint64";
    case FieldType::float32:
      return "float32";
    case FieldType::float64:
      return "float64";
    case FieldType::string:
      return "string";
    case FieldType::bytes:
      return "bytes";
    case FieldType::timestamp:
      return "timestamp";
    case FieldType::date:
      return "date";
    case FieldType::decimal:
      return "decimal";
  }
  return "";
}

std::string_view key(const Field& field) {
  if (field.auto_increment) return "auto_increment";
  return field.primary_key ? "primary" : "none";
}

// The initializer of dbmig::rows::field: column, type, then key, precision and scale up to
// the last that differs from its default (none, 0, 0).
std::vector<std::string> field_arguments(const Field& field) {
  std::vector<std::string> arguments = {
      "columns::" + field.name, "dbmig::rows::sql_type::" + std::string(sql_type(field.type)),
      "dbmig::rows::key::" + std::string(key(field)), std::to_string(field.precision),
      std::to_string(field.scale)};
  std::size_t kept = field.scale != 0 ? 5 : field.precision != 0 ? 4 : key(field) != "none" ? 3 : 2;
  arguments.resize(kept);
  return arguments;
}

std::string columns_struct(const Model& model) {
  std::string text = line(2, "struct columns {");
  for (const Field& field : model.fields)
    text += assignment(4, "static constexpr std::string_view " + field.name,
                       cpp_string_literal(field.column_name()));
  return text + line(2, "};");
}

std::string field_head(const std::string& type, const Field& field) {
  return "dbmig::rows::field<&" + type + "::" + field.name + ">";
}

// clang-format lays out make_tuple's only argument otherwise than one of several: on the line of
// the `(` when all of it fits there; else below it when it fits on one line; else its opening
// `{` on the line of the `(` (which may break after the `=`) and its arguments packed below.
std::string only_field_tuple(const Model& model, const std::string& type) {
  const std::string declaration = "static constexpr auto fields =";
  std::string head = field_head(type, model.fields.front());
  std::vector<std::string> arguments = field_arguments(model.fields.front());
  std::string call = "std::make_tuple(" + head + "{";
  std::string whole = call + join(arguments) + "});";
  if (fits(2, declaration + " " + whole)) return line(2, declaration + " " + whole);
  std::string below = braced(6, head, arguments, ");", 2);
  std::string below_the_paren = line(2, declaration + " std::make_tuple(") + below;
  if (below.find('\n') + 1 == below.size()) return below_the_paren;
  if (std::string rest = packed(6, 6, arguments, "});");
      !rest.empty() && fits(2, declaration + " " + call))
    return line(2, declaration + " " + call) + std::string(6, ' ') + rest;
  if (std::string rest = packed(10, 10, arguments, "});"); !rest.empty() && fits(6, call))
    return line(2, declaration) + line(6, call) + std::string(10, ' ') + rest;
  return below_the_paren;
}

std::string fields_tuple(const Model& model, const std::string& type) {
  if (model.fields.size() == 1) return only_field_tuple(model, type);
  std::string text = line(2, "static constexpr auto fields = std::make_tuple(");
  for (std::size_t i = 0; i < model.fields.size(); ++i) {
    const Field& field = model.fields[i];
    bool last = i + 1 == model.fields.size();
    text +=
        braced(6, field_head(type, field), field_arguments(field), last ? ");" : ",", last ? 2 : 6);
  }
  return text;
}

std::string model_specialization(const Model& model, const std::string& type) {
  std::string opening = "template <>\nstruct dbmig::rows::model<" + type + "> {\n";
  return "\n" +
         (fits(0, opening.substr(opening.find('\n') + 1)) ? opening : unformatted(0, opening, 2)) +
         assignment(2, "static constexpr std::string_view table", cpp_string_literal(model.table)) +
         columns_struct(model) + fields_tuple(model, type) + "};\n";
}

// On one line; else the braces apart; else broken before the `:` of the base.
std::string type_conversion(const std::string& type) {
  std::string name = "struct soci::type_conversion<" + type + ">";
  std::string base = ": dbmig::rows::conversion<" + type + "> {";
  std::string text = "\ntemplate <>\n";
  if (fits(0, name + " " + base + "};")) return text + line(0, name + " " + base + "};");
  if (fits(0, name + " " + base)) return text + line(0, name + " " + base) + "};\n";
  if (fits(0, name) && fits(kContinuationIndent, base + "};"))
    return text + line(0, name) + line(kContinuationIndent, base + "};");
  return "\n" + unformatted(0, "template <>\n" + line(0, name + " " + base + "};"), 0);
}

// C++ forbids a static member named like its class, so `struct columns` cannot hold the
// constant of a member called `columns`.
void refuse_unbindable_members(const Model& model, const ModelSource& source) {
  for (const Field& field : model.fields) {
    if (field.name != "columns") continue;
    auto declared = source.fields.find(field.name);
    std::string where =
        declared == source.fields.end() ? source.location.str() : declared->second.location.str();
    throw InputError(where + ": the member `columns` of `" + source.cpp_name +
                     "` cannot be bound: its constant would be dbmig::rows::model<" +
                     source.cpp_name +
                     ">::columns::columns, which C++ does not allow. Rename the member; "
                     "DBMIG_FIELD(column = \"columns\") keeps the column's name.");
  }
}

std::string preamble(const BindingsHeaderInput& input) {
  std::string text =
      comment("Generated by `dbmig bindings` from " + join(input.headers) +
              ": SOCI bindings of the app's models (docs/runtime.md). Do not edit; run `dbmig "
              "bindings` again after changing a model.") +
      "#pragma once\n\n#include <dbmig/soci_rows.hpp>\n\n";
  // clang-format sorts the includes of a block.
  std::vector<std::string> includes = input.includes;
  std::sort(includes.begin(), includes.end());
  for (const std::string& include : includes) text += "#include \"" + include + "\"\n";
  return text;
}

}  // namespace

std::string render_bindings_header(const ScanResult& scan, const BindingsHeaderInput& input) {
  std::string text = preamble(input);
  for (const Model* model : scan.state.app_models(input.app)) {
    const ModelSource& source = scan.sources.at(model->key());
    refuse_unbindable_members(*model, source);
    // Named from the global namespace: inside dbmig::rows::model an app namespace called
    // `rows` or `detail` would otherwise name dbmig's own.
    std::string type = "::" + source.cpp_name;
    text += model_specialization(*model, type) + type_conversion(type);
  }
  return text;
}

}  // namespace dbmig
