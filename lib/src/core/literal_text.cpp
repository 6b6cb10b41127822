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

}  // namespace dbmig
