// Column defaults: a literal read from C++ (`= -1`) or from `default = ...`, checked against the
// column type.
#pragma once

#include <optional>
#include <string>

#include "dbmig/state.hpp"
#include "scanner/annotation_parser.hpp"

namespace dbmig::scanner {

// The literal an option value spells (a number, string or true/false), or nullopt for an
// identifier.
std::optional<Literal> literal_of(const OptionValue& value);

// `value` as a default of a `type` column, or a problem that says what is accepted.
struct CheckedDefault {
  std::optional<Literal> value;
  std::string problem;
};
CheckedDefault check_default(const Literal& value, FieldType type);

}  // namespace dbmig::scanner
