// Reading stored values back in one spelling, so a value compares equal before and after a
// change of its column's type (1.50 and 1.5, TRUE and 1, a BLOB and its hex), for the tests
// that check every value a migration keeps (data_safety_test, sql_operations_test).
#pragma once

#include <algorithm>
#include <cctype>
#include <charconv>
#include <ctime>
#include <string>
#include <type_traits>
#include <variant>

#include <soci/soci.h>

#include "dbmig/schema_editor.hpp"

namespace dbmig::test {

// A decimal number without trailing zeros ("1.2300" and "1.23", "5.0" and "5" are one value).
inline std::string without_trailing_zeros(std::string text) {
  if (text.find_first_not_of("-0123456789.") != std::string::npos ||
      text.find('.') == std::string::npos)
    return text;
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text;
}

inline std::string shortest(double value) {
  char buffer[64];
  auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return without_trailing_zeros(std::string(buffer, end));
}

// Column `i` of `row` the same way whatever type the driver reads it as ("NULL" for NULL).
inline std::string canonical(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return "NULL";
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_double:
      return shortest(row.get<double>(i));
    case soci::dt_integer:
      return std::to_string(row.get<int>(i));
    case soci::dt_long_long:
      return std::to_string(row.get<long long>(i));
    case soci::dt_unsigned_long_long:
      return std::to_string(row.get<unsigned long long>(i));
    case soci::dt_date: {
      std::tm time = row.get<std::tm>(i);
      char buffer[32];
      std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S", &time);
      return buffer;
    }
    default:
      return without_trailing_zeros(row.get<std::string>(i));
  }
}

// A default or fill value as canonical() reads it back.
inline std::string canonical(const Literal& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>)
          return v;
        else if constexpr (std::is_same_v<T, bool>)
          return v ? "1" : "0";
        else if constexpr (std::is_same_v<T, double>)
          return shortest(v);
        else
          return std::to_string(v);
      },
      value);
}

// An expression selecting `field`'s stored value so that canonical() can read it: SQLite's
// driver reads a value as the column's declared type (1.5 in an INTEGER column as 1), so
// SQLite's is read as text; bytes are read as lowercase hex.
inline std::string stored_value(const SchemaEditor& editor, const Field& field) {
  std::string column = editor.quote_name(field.column_name());
  if (field.type == FieldType::bytes) {
    if (editor.dialect() == Dialect::postgresql) return "encode(" + column + ", 'hex')";
    // (SQLite's HEX(NULL) is '')
    return "CASE WHEN " + column + " IS NULL THEN NULL ELSE LOWER(HEX(" + column + ")) END";
  }
  return editor.dialect() == Dialect::sqlite ? "CAST(" + column + " AS TEXT)" : column;
}

// A literal of bytes given as hex digits, as each dialect writes one.
inline std::string bytes_literal(Dialect dialect, const std::string& hex) {
  return dialect == Dialect::postgresql ? "decode('" + hex + "', 'hex')" : "X'" + hex + "'";
}

}  // namespace dbmig::test
