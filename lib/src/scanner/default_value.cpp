#include "scanner/default_value.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "dbmig/literal_text.hpp"
#include "scanner/initializer.hpp"

namespace dbmig::scanner {

namespace {

struct IntegerRange {
  std::int64_t min;
  std::uint64_t max;
};

IntegerRange range_of(FieldType type) {
  switch (type) {
    case FieldType::int8:
      return {INT8_MIN, INT8_MAX};
    case FieldType::int16:
      return {INT16_MIN, INT16_MAX};
    case FieldType::int32:
      return {INT32_MIN, INT32_MAX};
    case FieldType::int64:
      return {INT64_MIN, INT64_MAX};
    case FieldType::uint8:
      return {0, UINT8_MAX};
    case FieldType::uint16:
      return {0, UINT16_MAX};
    case FieldType::uint32:
      return {0, UINT32_MAX};
    default:
      return {0, UINT64_MAX};
  }
}

bool fits(const Literal& value, FieldType type) {
  IntegerRange range = range_of(type);
  if (const auto* number = std::get_if<std::int64_t>(&value))
    return *number >= range.min &&
           (*number < 0 || static_cast<std::uint64_t>(*number) <= range.max);
  return std::get<std::uint64_t>(value) <= range.max;
}

bool is_integer(const Literal& value) {
  return std::holds_alternative<std::int64_t>(value) ||
         std::holds_alternative<std::uint64_t>(value);
}

double as_double(const Literal& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) return static_cast<double>(*number);
  if (const auto* number = std::get_if<std::uint64_t>(&value)) return static_cast<double>(*number);
  return std::get<double>(value);
}

std::string kind_of(const Literal& value) {
  if (std::holds_alternative<bool>(value)) return "a boolean";
  if (is_integer(value)) return "an integer";
  if (std::holds_alternative<double>(value)) return "a floating-point number";
  return "a string";
}

CheckedDefault mismatch(const Literal& value, FieldType type, const std::string& expected) {
  return {std::nullopt, "default " + literal_text(value) + " is " + kind_of(value) + ", but the " +
                            std::string(to_string(type)) + " column takes " + expected};
}

std::optional<Literal> number_literal(const std::string& text) {
  bool negative = !text.empty() && text[0] == '-';
  std::string digits = text.substr(negative ? 1 : 0);
  bool is_hex = digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X');
  if (!is_hex && digits.find_first_of(".eE") != std::string::npos) {
    while (!digits.empty() && (digits.back() == 'f' || digits.back() == 'F' ||
                               digits.back() == 'l' || digits.back() == 'L'))
      digits.pop_back();
    char* end = nullptr;
    double number = std::strtod(digits.c_str(), &end);
    if (end != digits.c_str() + digits.size()) return std::nullopt;
    return negative ? -number : number;
  }
  while (!digits.empty() && (digits.back() == 'u' || digits.back() == 'U' || digits.back() == 'l' ||
                             digits.back() == 'L'))
    digits.pop_back();
  std::uint64_t magnitude = 0;
  const char* begin = digits.data() + (is_hex ? 2 : 0);
  auto [end, error] =
      std::from_chars(begin, digits.data() + digits.size(), magnitude, is_hex ? 16 : 10);
  if (error != std::errc() || end != digits.data() + digits.size() || begin == end)
    return std::nullopt;
  if (!negative) return integer_literal(magnitude);
  if (magnitude > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1)
    return std::nullopt;
  return static_cast<std::int64_t>(0 - magnitude);
}

}  // namespace

std::optional<Literal> literal_of(const OptionValue& value) {
  switch (value.kind) {
    case OptionValue::Kind::string:
      return value.text;
    case OptionValue::Kind::boolean:
      return value.text == "true";
    case OptionValue::Kind::number:
      return number_literal(value.text);
    default:
      return std::nullopt;
  }
}

CheckedDefault check_default(const Literal& value, FieldType type) {
  switch (type) {
    case FieldType::boolean:
      if (std::holds_alternative<bool>(value)) return {value, {}};
      if (is_integer(value) && fits(value, FieldType::uint8) && as_double(value) <= 1)
        return {as_double(value) == 1, {}};
      return mismatch(value, type, "true or false");
    case FieldType::float32:
    case FieldType::float64:
      if (is_integer(value) || std::holds_alternative<double>(value)) return {as_double(value), {}};
      return mismatch(value, type, "a number");
    case FieldType::decimal:
      if (std::holds_alternative<bool>(value)) return mismatch(value, type, "a number");
      return {value, {}};
    case FieldType::string:
      if (std::holds_alternative<std::string>(value)) return {value, {}};
      return mismatch(value, type, "a string literal");
    case FieldType::bytes:
    case FieldType::timestamp:
    case FieldType::date:
      return {std::nullopt, "a " + std::string(to_string(type)) +
                                " column takes no default; remove it, or add "
                                "DBMIG_FIELD(default = none) to keep the C++ initializer out of "
                                "the schema"};
    default:
      if (!is_integer(value)) return mismatch(value, type, "an integer");
      if (!fits(value, type))
        return {std::nullopt, "default " + literal_text(value) + " is out of range for the " +
                                  std::string(to_string(type)) + " column"};
      return {value, {}};
  }
}

}  // namespace dbmig::scanner
