#include "dbmig/literal_text.hpp"

#include <charconv>
#include <cstdlib>
#include <limits>

#include "core/text.hpp"
#include "dbmig/schema_limits.hpp"

namespace dbmig {

namespace {

template <typename Integer>
std::optional<Literal> parse_integer(const std::string& text) {
  using Wide = std::conditional_t<std::is_signed_v<Integer>, std::int64_t, std::uint64_t>;
  Wide value{};
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (value < static_cast<Wide>(std::numeric_limits<Integer>::min()) ||
      value > static_cast<Wide>(std::numeric_limits<Integer>::max()))
    return std::nullopt;
  return Literal{value};
}

std::string unquote(const std::string& text) {
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') &&
      text.back() == text.front())
    return text.substr(1, text.size() - 2);
  return text;
}

// `text` read as a value of the field's type, before the databases' limits.
std::optional<Literal> parse_typed_literal(const std::string& text, const Field& field) {
  switch (field.type) {
    case FieldType::boolean:
      if (text == "true" || text == "1") return Literal{true};
      if (text == "false" || text == "0") return Literal{false};
      return std::nullopt;
    case FieldType::int8:
      return parse_integer<std::int8_t>(text);
    case FieldType::int16:
      return parse_integer<std::int16_t>(text);
    case FieldType::int32:
      return parse_integer<std::int32_t>(text);
    case FieldType::int64:
      return parse_integer<std::int64_t>(text);
    case FieldType::uint8:
      return parse_integer<std::uint8_t>(text);
    case FieldType::uint16:
      return parse_integer<std::uint16_t>(text);
    case FieldType::uint32:
      return parse_integer<std::uint32_t>(text);
    case FieldType::uint64:
      return parse_integer<std::uint64_t>(text);
    case FieldType::float32:
    case FieldType::float64: {
      char* end = nullptr;
      double value = std::strtod(text.c_str(), &end);
      if (end != text.c_str() + text.size()) return std::nullopt;
      return Literal{value};
    }
    default:
      return Literal{unquote(text)};
  }
}

}  // namespace

std::optional<Literal> parse_literal(const std::string& typed, const Field& field) {
  std::string text(trim(typed));
  if (text.empty()) return std::nullopt;
  Field filled = field;
  filled.default_value = parse_typed_literal(text, field);
  if (!filled.default_value || !schema_limits::default_problem(filled).empty()) return std::nullopt;
  return filled.default_value;
}

std::string literal_text(const Literal& value) {
  if (const auto* number = std::get_if<double>(&value)) {
    char buffer[64];
    auto written = std::to_chars(buffer, buffer + sizeof buffer, *number);
    return std::string(buffer, written.ptr);
  }
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  if (const auto* number = std::get_if<std::uint64_t>(&value)) return std::to_string(*number);
  if (const auto* text = std::get_if<std::string>(&value)) return "\"" + *text + "\"";
  return std::get<bool>(value) ? "true" : "false";
}

std::string decimal_text(const Literal& value) {
  std::string text;
  if (const double* number = std::get_if<double>(&value)) {
    char buffer[400];
    auto [end, error] =
        std::to_chars(buffer, buffer + sizeof buffer, *number, std::chars_format::fixed);
    text = error == std::errc() ? std::string(buffer, end) : std::to_string(*number);
  } else if (const std::string* digits = std::get_if<std::string>(&value)) {
    text = *digits;
  } else if (const std::int64_t* integer = std::get_if<std::int64_t>(&value)) {
    text = std::to_string(*integer);
  } else if (const std::uint64_t* natural = std::get_if<std::uint64_t>(&value)) {
    text = std::to_string(*natural);
  }
  if (text.find('.') != std::string::npos) {
    text.erase(text.find_last_not_of('0') + 1);
    if (text.ends_with('.')) text.pop_back();
  }
  return text == "-0" ? "0" : text;
}

}  // namespace dbmig
