// A column's declared type in SQLite, read as a dbmig field type: the spellings SQLite's schema
// editor writes map exactly; any other declared type maps by SQLite's type affinity rules to the
// nearest field type, with a note saying so.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dbmig/state.hpp"

namespace dbmig::backends {

struct DeclaredType {
  // The type, max_length, precision and scale of the field; none when no dbmig type fits.
  std::optional<Field> field;
  // Empty for an exact spelling; else "declared INT, read as int64" or why none fits.
  std::string note;
};

DeclaredType read_declared_type(std::string_view declared);

// Whether `declared` makes an INTEGER PRIMARY KEY column the rowid alias (an auto-increment
// key): only the exact spelling INTEGER does.
bool is_rowid_alias_type(std::string_view declared);

// "int64", "string(100)", "decimal(10, 2)": a field's type as notes name it.
std::string describe_type(const Field& field);

}  // namespace dbmig::backends
