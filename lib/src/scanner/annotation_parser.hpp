// The option list inside DBMIG_MODEL(...) / DBMIG_FIELD(...), e.g.
// `max_length = 200, unique, references = accounts::User, decimal(12, 2)`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dbmig::scanner {

// One value as written: an identifier (possibly qualified, `accounts::User`, or dotted,
// `accounts.User`), a string literal (unescaped), a number (with its sign), or true/false.
struct OptionValue {
  enum class Kind { identifier, string, number, boolean };
  Kind kind = Kind::identifier;
  std::string text;
};

// `name`, `name = value` or `name(arg, ..., key = value, ...)`.
struct Option {
  std::string name;
  std::optional<OptionValue> value;
  bool call = false;
  std::vector<OptionValue> arguments;
  std::vector<std::pair<std::string, OptionValue>> named_arguments;
};

struct ParsedOptions {
  std::vector<Option> options;
  std::string error;  // empty when the text parsed
};

ParsedOptions parse_options(std::string_view text);

// The characters a C++ string literal's body (between the quotes) stands for: \n, \t, \\, \",
// octal and \x escapes.
std::string unescape(std::string_view body);

// How a value reads in messages: strings quoted, everything else as written.
std::string describe(const OptionValue& value);

}  // namespace dbmig::scanner
