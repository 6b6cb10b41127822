// A migration file's JSON (docs/migration-files.md) both ways, and the checksum the recorder keeps
// to notice a migration edited after it was applied.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "dbmig/migration.hpp"

namespace dbmig {

// The migration format version this build reads and writes ("dbmig": 1).
inline constexpr int migration_format_version = 1;

// {"dbmig", "app", "name", "dependencies", "replaces" (only when non-empty), "atomic",
// "operations"}, in that order.
nlohmann::ordered_json migration_to_json(const Migration& migration);

// The exact text of the file: format_json(migration_to_json(migration)).
std::string format_migration(const Migration& migration);

// Reads a migration; `file` is the name shown in errors, which read
// "<file>: $.operations[2].field.type: unknown type ...". Unknown keys are errors.
Migration migration_from_json(const nlohmann::json& json, const std::string& file);

// A stable 16-hex-digit FNV-1a hash of the operations in their canonical JSON form, so
// reformatting a file does not change it but editing an operation does. Migration::checksum
// when the loader already computed it.
std::string migration_checksum(const Migration& migration);

}  // namespace dbmig
