// A field's literal value read from text: what a user types at the questioner's prompt, a
// column default as a database catalog prints it back (the live schema readers).
#pragma once

#include <optional>
#include <string>

#include "dbmig/state.hpp"

namespace dbmig {

// Parses `text` as a value for `field`: true/false, an integer in range, a number, or a string
// (quotes optional). nullopt when it does not fit the type or a database would refuse it
// (dbmig/schema_limits.hpp: not finite, a uint64 beyond BIGINT, ...).
std::optional<Literal> parse_literal(const std::string& text, const Field& field);

}  // namespace dbmig
