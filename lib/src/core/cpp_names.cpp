// The C++ spellings inspectdb writes: names that compile anywhere, literals that read back.
#include "core/cpp_names.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <limits>
#include <set>
#include <variant>

#include "dbmig/naming.hpp"

namespace dbmig {

namespace {

// C++20 keywords and alternative tokens, `std` (a member named so would hide the namespace for
// the members after it), and the object-like macros the standard headers of a model header
// define (a member named `errno` would expand).
const std::set<std::string_view>& unusable_names() {
  static constexpr std::string_view words =
      "alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t "
      "char16_t char32_t class compl concept const consteval constexpr constinit const_cast "
      "continue co_await co_return co_yield decltype default delete do double dynamic_cast "
      "else enum explicit export extern false final float for friend goto if import inline int "
      "long module mutable namespace new noexcept not not_eq nullptr operator or or_eq "
      "override private protected public register reinterpret_cast requires return short "
      "signed sizeof static static_assert static_cast struct switch template this thread_local "
      "throw true try typedef typeid typename union unsigned using virtual void volatile "
      "wchar_t while xor xor_eq std NULL EOF errno assert stdin stdout stderr offsetof setjmp "
      "va_arg va_copy va_end va_start unix linux i386 CHAR_BIT SIZE_MAX PTRDIFF_MIN "
      "PTRDIFF_MAX INTMAX_MIN INTMAX_MAX UINTMAX_MAX INTPTR_MIN INTPTR_MAX UINTPTR_MAX "
      "WCHAR_MIN WCHAR_MAX WINT_MIN WINT_MAX SIG_ATOMIC_MIN SIG_ATOMIC_MAX EXIT_SUCCESS "
      "EXIT_FAILURE RAND_MAX MB_CUR_MAX CLOCKS_PER_SEC TIME_UTC NAN INFINITY HUGE_VAL EDOM "
      "ERANGE EILSEQ BUFSIZ FILENAME_MAX";
  static const std::set<std::string_view> names = [] {
    std::set<std::string_view> split;
    for (std::size_t start = 0; start < words.size();) {
      std::size_t end = std::min(words.find(' ', start), words.size());
      split.insert(words.substr(start, end - start));
      start = end + 1;
    }
    return split;
  }();
  return names;
}

// INT8_MIN ... UINT64_MAX and their least/fast forms: the <cstdint> limit macros.
bool is_integer_limit_macro(std::string_view name) {
  for (std::string_view prefix : {"INT", "UINT"}) {
    if (!name.starts_with(prefix)) continue;
    std::string_view rest = name.substr(prefix.size());
    for (std::string_view kind : {"", "_LEAST", "_FAST"})
      for (std::string_view bits : {"8", "16", "32", "64"})
        for (std::string_view end : {"_MIN", "_MAX"})
          if (rest == std::string(kind) + std::string(bits) + std::string(end)) return true;
  }
  return false;
}

bool is_reserved_identifier(std::string_view name) {
  return name.find("__") != std::string_view::npos ||
         (name.size() > 1 && name[0] == '_' && std::isupper(static_cast<unsigned char>(name[1])));
}

bool is_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// The shortest spelling that reads back as the same double, always a floating literal.
std::string double_literal(double value) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string text(buffer, result.ptr);
  if (text.find_first_of(".en") == std::string::npos) text += ".0";
  return text;
}

}  // namespace

bool is_plain_cpp_name(std::string_view name) {
  return is_identifier(name) && !is_reserved_identifier(name) && !name.starts_with("DBMIG_") &&
         !unusable_names().count(name) && !is_integer_limit_macro(name);
}

std::string struct_name_for_table(std::string_view table, std::string_view app) {
  std::string prefix = std::string(app) + "_";
  if (table.size() > prefix.size() && table.starts_with(prefix)) table.remove_prefix(prefix.size());
  std::string name;
  bool word_start = true;
  for (char c : table) {
    if (!is_alnum(c)) {
      word_start = true;
      continue;
    }
    auto byte = static_cast<unsigned char>(c);
    name += static_cast<char>(word_start ? std::toupper(byte) : std::tolower(byte));
    word_start = false;
  }
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) name = "Table" + name;
  return name;
}

std::string member_name_for_column(std::string_view column) {
  std::string name;
  for (char c : column) {
    if (is_alnum(c))
      name += c;
    else if (!name.empty() && name.back() != '_')
      name += '_';
  }
  while (!name.empty() && name.back() == '_') name.pop_back();
  if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) name = "field_" + name;
  if (name.back() == '_') name.pop_back();
  if (!is_plain_cpp_name(name)) name += "_";             // class -> class_
  if (!is_plain_cpp_name(name)) name = "field_" + name;  // DBMIG_X -> field_DBMIG_X_
  return name;
}

// Quotes and backslashes escaped, \n \t \r, other control bytes as three-digit octal (never
// followed by a digit the escape would swallow), `??` as `?\?` (no compiler reads a trigraph, none
// warns), other bytes (UTF-8) as they are.
std::string cpp_string_literal(std::string_view text) {
  std::string literal = "\"";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\' || (c == '?' && literal.back() == '?')) {
      literal += '\\';
      literal += c;
    } else if (c == '\n' || c == '\t' || c == '\r') {
      literal += c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\r";
    } else if (byte < 0x20 || byte == 0x7f) {
      literal += '\\';
      literal += static_cast<char>('0' + (byte >> 6));
      literal += static_cast<char>('0' + ((byte >> 3) & 7));
      literal += static_cast<char>('0' + (byte & 7));
    } else {
      literal += c;
    }
  }
  return literal + "\"";
}

std::string cpp_literal(const Literal& value) {
  if (const auto* flag = std::get_if<bool>(&value)) return *flag ? "true" : "false";
  if (const auto* number = std::get_if<std::int64_t>(&value)) {
    // -9223372036854775808 is the negation of a literal too large for any signed type.
    if (*number == std::numeric_limits<std::int64_t>::min()) return "INT64_MIN";
    return std::to_string(*number);
  }
  if (const auto* number = std::get_if<std::uint64_t>(&value)) return std::to_string(*number) + "u";
  if (const auto* number = std::get_if<double>(&value)) return double_literal(*number);
  return cpp_string_literal(std::get<std::string>(value));
}

}  // namespace dbmig
