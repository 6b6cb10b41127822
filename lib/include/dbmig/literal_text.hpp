// A field's literal value read from text (what a user types at the questioner's prompt, a
// column default as a database catalog prints it back) and written as text.
#pragma once

#include <optional>
#include <string>

#include "dbmig/state.hpp"

namespace dbmig {

// Parses `text` as a value for `field`: true/false, an integer in range, a number, or a string
// (quotes optional). nullopt when it does not fit the type or a database would refuse it
// (dbmig/schema_limits.hpp: not finite, a uint64 beyond BIGINT, ...).
std::optional<Literal> parse_literal(const std::string& text, const Field& field);

// `value` as messages show it: true/false, a number as written (a double in the shortest form
// that reads back the same), text in double quotes.
std::string literal_text(const Literal& value);

// A decimal value's digits as SQL writes them, without the trailing zeros of the fraction
// ("12.50" and 12.5 alike); "" for a boolean.
std::string decimal_text(const Literal& value);

}  // namespace dbmig
