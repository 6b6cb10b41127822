#include "dbmig/schema_limits.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <sstream>

#include "dbmig/check_expression.hpp"
#include "dbmig/literal_text.hpp"

namespace dbmig::schema_limits {

namespace {

// The code points of `text`, or nullopt when it is not valid UTF-8 (overlong forms and
// surrogates included).
std::optional<std::vector<char32_t>> code_points(std::string_view text) {
  std::vector<char32_t> points;
  for (std::size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80           ? 1
                         : (byte >> 5) == 0x6  ? 2
                         : (byte >> 4) == 0xE  ? 3
                         : (byte >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || i + length > text.size()) return std::nullopt;
    char32_t point = length == 1 ? byte : byte & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return std::nullopt;
      point = (point << 6) | (next & 0x3F);
    }
    constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (point < smallest[length] || point > 0x10FFFF || (point >= 0xD800 && point <= 0xDFFF))
      return std::nullopt;
    points.push_back(point);
    i += length;
  }
  return points;
}

// How many bytes MySQL reserves in an index key for a column.
std::size_t mysql_key_bytes(const Field& field) {
  switch (field.type) {
    case FieldType::string:
      return static_cast<std::size_t>(field.max_length.value_or(0)) * mysql_bytes_per_character;
    case FieldType::decimal:
      return static_cast<std::size_t>(field.precision) / 2 + 1;
    default:
      return 8;
  }
}

bool unbounded(const Field& field) {
  return (field.type == FieldType::string && !field.max_length) || field.type == FieldType::bytes;
}

// The values of an integral type, and the bits of its magnitude (a float holds integers of up to
// 24 bits exactly, a double 53).
struct IntegerRange {
  long double min;
  long double max;
  int bits;
};

IntegerRange integer_range(FieldType type) {
  switch (type) {
    case FieldType::boolean:
      return {0, 1, 1};
    case FieldType::int8:
      return {-128.0L, 127.0L, 7};
    case FieldType::int16:
      return {-32768.0L, 32767.0L, 15};
    case FieldType::int32:
      return {-2147483648.0L, 2147483647.0L, 31};
    case FieldType::uint8:
      return {0, 255.0L, 8};
    case FieldType::uint16:
      return {0, 65535.0L, 16};
    case FieldType::uint32:
      return {0, 4294967295.0L, 32};
    case FieldType::uint64:
      return {0, 18446744073709551615.0L, 64};
    default:
      return {-9223372036854775808.0L, 9223372036854775807.0L, 63};
  }
}

// The integer digits (before the point) a decimal keeps, and those of an integral type's
// largest magnitude.
int integer_digits(const Field& field) {
  if (field.type == FieldType::decimal) return field.precision - field.scale;
  IntegerRange range = integer_range(field.type);
  long double largest = std::max(-range.min, range.max);
  int digits = 1;
  for (long double limit = 10; limit <= largest; limit *= 10) ++digits;
  return digits;
}

bool integral_or_bool(FieldType type) {
  return is_integral(type) || type == FieldType::boolean;
}

std::string type_names(const Field& from, const Field& to) {
  return " (" + std::string(to_string(from.type)) + " to " + std::string(to_string(to.type)) + ")";
}

// Narrowing between two numeric types (integral, bool, float, double, decimal).
std::string number_narrowing(const Field& from, const Field& to) {
  bool from_integral = integral_or_bool(from.type);
  bool from_float = from.type == FieldType::float32 || from.type == FieldType::float64;
  if (integral_or_bool(to.type)) {
    if (from_float || (from.type == FieldType::decimal && from.scale > 0))
      return "drops the fractional part" + type_names(from, to);
    if (from.type == FieldType::decimal)
      return integer_digits(from) > integer_digits(to) ? "a smaller range" + type_names(from, to)
                                                       : "";
    IntegerRange a = integer_range(from.type), b = integer_range(to.type);
    return a.min < b.min || a.max > b.max ? "a smaller integer range" + type_names(from, to) : "";
  }
  if (to.type == FieldType::float32 || to.type == FieldType::float64) {
    int exact_bits = to.type == FieldType::float32 ? 24 : 53;
    if (from_integral) {
      return integer_range(from.type).bits > exact_bits
                 ? "integers beyond " + std::to_string(exact_bits) + " bits lose digits" +
                       type_names(from, to)
                 : "";
    }
    if (from.type == FieldType::decimal ||
        (from_float && from.type != to.type && to.type == FieldType::float32))
      return "loses precision" + type_names(from, to);
    return "";
  }
  // To a decimal.
  if (from_float) return "rounds floating-point values" + type_names(from, to);
  if (integer_digits(to) < integer_digits(from))
    return "fewer integer digits (" + std::to_string(integer_digits(from)) + " to " +
           std::to_string(integer_digits(to)) + ")";
  if (from.type == FieldType::decimal && to.scale < from.scale)
    return "a smaller scale (" + std::to_string(from.scale) + " to " + std::to_string(to.scale) +
           ")";
  return "";
}

// The digits of a decimal value before and after the point as SQL writes it (decimal_text;
// leading integer zeros do not count); nullopt when it is not a plain decimal
// number (an optional sign, digits, an optional point and digits).
std::optional<std::pair<int, int>> decimal_digits(const Literal& value) {
  std::string text = decimal_text(value);
  std::string_view digits(text);
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
  std::size_t point = digits.find('.');
  std::string_view whole = digits.substr(0, point);
  std::string_view fraction = point == std::string_view::npos ? "" : digits.substr(point + 1);
  auto all_digits = [](std::string_view part) {
    return part.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if ((whole.empty() && fraction.empty()) || !all_digits(whole) || !all_digits(fraction))
    return std::nullopt;
  whole.remove_prefix(std::min(whole.find_first_not_of('0'), whole.size()));
  return std::pair{static_cast<int>(whole.size()), static_cast<int>(fraction.size())};
}

std::string decimal_type(const Field& field) {
  return "decimal(" + std::to_string(field.precision) + ", " + std::to_string(field.scale) + ")";
}

// A value for a decimal column: a plain number with at most precision - scale digits before
// the point and scale after it (PostgreSQL and MariaDB round more digits after the point
// silently).
std::string decimal_value_problem(const Field& field, const Literal& value) {
  auto digits = decimal_digits(value);
  if (!digits) return "is not a decimal number; write it like \"12.50\"";
  int whole_limit = field.precision - field.scale;
  if (digits->first > whole_limit)
    return "has " + std::to_string(digits->first) + " digit(s) before the point, but a " +
           decimal_type(field) + " column holds " + std::to_string(whole_limit) +
           "; use a smaller value or a larger precision";
  if (digits->second > field.scale)
    return "has " + std::to_string(digits->second) + " digit(s) after the point, but a " +
           decimal_type(field) + " column keeps " + std::to_string(field.scale) +
           " (the databases would round it); write at most " + std::to_string(field.scale) +
           " or use a larger scale";
  return {};
}

// What value_problem says after the value.
std::string column_value_problem(const Field& field, const Literal& value) {
  if (field.type == FieldType::decimal) return decimal_value_problem(field, value);
  if (is_integral(field.type) && field.type != FieldType::boolean) {
    long double number = 0;
    if (const auto* signed_number = std::get_if<std::int64_t>(&value))
      number = static_cast<long double>(*signed_number);
    else if (const auto* unsigned_number = std::get_if<std::uint64_t>(&value))
      number = static_cast<long double>(*unsigned_number);
    else
      return {};
    IntegerRange range = integer_range(field.type);
    if (number < range.min || number > range.max)
      return "is outside the range of a " + std::string(to_string(field.type)) +
             " column; use a value from " + std::to_string(static_cast<long long>(range.min)) +
             " to " + std::to_string(static_cast<unsigned long long>(range.max)) +
             ", or a wider type";
    if (number > static_cast<long double>(std::numeric_limits<std::int64_t>::max()))
      return "is above 9223372036854775807, the largest value PostgreSQL's BIGINT (the uint64 "
             "column there) holds; use a smaller value";
    return {};
  }
  if (const auto* text = std::get_if<std::string>(&value);
      text && field.type == FieldType::string && field.max_length) {
    auto points = code_points(*text);
    if (points && points->size() > static_cast<std::size_t>(*field.max_length))
      return "is " + std::to_string(points->size()) + " characters long, more than max_length " +
             std::to_string(*field.max_length) + "; use a shorter value or a larger max_length";
  }
  return {};
}

bool is_numeric(FieldType type) {
  return integral_or_bool(type) || type == FieldType::float32 || type == FieldType::float64 ||
         type == FieldType::decimal;
}

}  // namespace

std::string narrowing_problem(const Field& from, const Field& to) {
  if (to.type == FieldType::string) {
    if (from.type == FieldType::bytes) return "bytes are not all valid text" + type_names(from, to);
    if (!to.max_length) return "";
    if (from.type != FieldType::string)
      return "a " + std::string(to_string(from.type)) + " value may not fit in max_length " +
             std::to_string(*to.max_length);
    if (!from.max_length)
      return "text becomes limited to max_length " + std::to_string(*to.max_length);
    if (*to.max_length < *from.max_length)
      return "a shorter max_length (" + std::to_string(*from.max_length) + " to " +
             std::to_string(*to.max_length) + ")";
    return "";
  }
  if (from.type == to.type && from.type != FieldType::decimal) return "";
  if (is_numeric(from.type) && is_numeric(to.type)) return number_narrowing(from, to);
  if (from.type == FieldType::date && to.type == FieldType::timestamp) return "";
  return "not every " + std::string(to_string(from.type)) + " value is a " +
         std::string(to_string(to.type)) + " value" + type_names(from, to);
}

std::string text_problem(std::string_view text) {
  if (!code_points(text))
    return "is not valid UTF-8; write it in UTF-8 (a \\x escape must form a UTF-8 character)";
  if (text.find('\0') != std::string_view::npos)
    return "contains a NUL character, which PostgreSQL cannot store";
  return {};
}

std::string postgresql_identifier_problem(std::string_view name) {
  if (name.size() <= postgresql_identifier_bytes) return {};
  return "is " + std::to_string(name.size()) + " bytes long; PostgreSQL accepts at most " +
         std::to_string(postgresql_identifier_bytes) + " bytes";
}

std::string mysql_identifier_problem(std::string_view name) {
  auto points = code_points(name);
  if (!points) return text_problem(name);
  if (points->size() > mysql_identifier_characters)
    return "is " + std::to_string(points->size()) + " characters long; MySQL accepts at most " +
           std::to_string(mysql_identifier_characters) + " characters";
  if (!points->empty() && points->back() == U' ')
    return "ends with a space, which MySQL does not accept";
  for (char32_t point : *points)
    if (point > 0xFFFF)
      return "holds a character beyond U+FFFF (such as an emoji), which MySQL does not accept "
             "in names";
  return {};
}

std::string identifier_problem(std::string_view name) {
  if (name.empty()) return "is empty";
  if (auto problem = text_problem(name); !problem.empty()) return problem;
  if (auto problem = postgresql_identifier_problem(name); !problem.empty()) return problem;
  return mysql_identifier_problem(name);
}

std::string case_folded(std::string_view name) {
  std::string folded(name);
  for (char& c : folded)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return folded;
}

std::string column_type_problem(const Field& field) {
  if (field.type == FieldType::string && field.max_length &&
      *field.max_length > mysql_max_varchar_length)
    return "max_length = " + std::to_string(*field.max_length) +
           " is longer than the VARCHAR MySQL creates (at most " +
           std::to_string(mysql_max_varchar_length) +
           " characters); use at most that, or drop max_length for TEXT";
  if (field.type == FieldType::decimal && field.scale > mysql_max_decimal_scale)
    return "decimal scale " + std::to_string(field.scale) + " is more than MySQL accepts (" +
           std::to_string(mysql_max_decimal_scale) + "); use a scale of at most " +
           std::to_string(mysql_max_decimal_scale);
  return {};
}

std::string default_problem(const Field& field) {
  if (!field.default_value) return {};
  const Literal& value = *field.default_value;
  if (const auto* number = std::get_if<double>(&value)) {
    if (!std::isfinite(*number))
      return "default is not a finite number (infinity or NaN), which neither JSON nor every "
             "database stores; use a finite number or DBMIG_FIELD(default = none)";
    if (field.type == FieldType::float32 && std::abs(*number) > std::numeric_limits<float>::max())
      return "default is beyond the range of a float column; use a double member or a smaller "
             "default";
  }
  if (const auto* text = std::get_if<std::string>(&value)) {
    auto problem = text_problem(*text);
    if (!problem.empty()) return "default " + problem;
  }
  if (auto problem = value_problem(field, value); !problem.empty()) return "default " + problem;
  return {};
}

std::string value_problem(const Field& field, const Literal& value) {
  std::string problem = column_value_problem(field, value);
  return problem.empty() ? problem : literal_text(value) + " " + problem;
}

std::string mysql_index_problem(const std::vector<const Field*>& fields) {
  std::size_t key_bytes = 0;
  for (const Field* field : fields) {
    if (unbounded(*field))
      return "MySQL cannot index " + field->name + " (" +
             (field->type == FieldType::bytes ? "BLOB" : "TEXT") +
             " without a length): give it a max_length, or drop the index or unique option";
    key_bytes += mysql_key_bytes(*field);
  }
  if (key_bytes > mysql_max_key_bytes)
    return "the key is " + std::to_string(key_bytes) +
           " bytes on MySQL (4 per VARCHAR character), more than its " +
           std::to_string(mysql_max_key_bytes) + "; use smaller max_length values";
  return {};
}

std::string check_expression_problem(const Model& model, std::string_view expression) {
  if (expression.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return "the check expression is empty; write the SQL condition, e.g. check = \"price >= 0\"";
  if (auto problem = text_problem(expression); !problem.empty())
    return "the check expression " + problem;
  std::istringstream words(normalized_check(expression));
  for (std::string word; words >> word;)
    for (const Field& field : model.fields)
      if (field.auto_increment && word == case_folded(field.column_name()))
        return "the check mentions the auto-increment column \"" + field.column_name() +
               "\", which MySQL and MariaDB refuse; check another column";
  return {};
}

}  // namespace dbmig::schema_limits
