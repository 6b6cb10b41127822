// The JSON forms of the project state's parts, shared by the operations (migration files), the
// `state` command and anything else that prints models. Writers emit a fixed key order and
// leave out values that are at their default, so files stay small and byte-stable. Readers
// reject unknown keys and throw InputError naming the JSON path ("$.operations[0].fields[2]");
// the caller adds the file name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "dbmig/state.hpp"

namespace dbmig {

// A default written as JSON: true/false, a number or a string.
nlohmann::ordered_json literal_to_json(const Literal& value);
// Reads a literal for a field of `type`, so the variant alternative always matches the type:
// bool for bool, int64 for signed integers, uint64 for unsigned, double for float/double; a
// string stays a string (decimals, timestamps and dates may be written either way).
Literal literal_from_json(const nlohmann::json& json, FieldType type, const std::string& path);
// `value` as replaying a migration file would give it back for a field of `type` (an int64 5
// on a uint16 field becomes uint64 5, an integer on a double field a double), so scanned models
// compare equal to replayed ones. Throws InputError "<what>: ..." when it does not suit the type.
Literal canonical_literal(const Literal& value, FieldType type, const std::string& what);

nlohmann::ordered_json field_to_json(const Field& field);
Field field_from_json(const nlohmann::json& json, const std::string& path);

nlohmann::ordered_json index_to_json(const Index& index);
Index index_from_json(const nlohmann::json& json, const std::string& path);

nlohmann::ordered_json constraint_to_json(const Constraint& constraint);
Constraint constraint_from_json(const nlohmann::json& json, const std::string& path);

// {"name", "table", "fields", "indexes"?, "constraints"?, "comment"?}; the app is implied by
// the migration, so it is not written.
nlohmann::ordered_json model_to_json(const Model& model);
// Reads the keys of model_to_json (the app is left empty).
Model model_from_json(const nlohmann::json& json, const std::string& path);

// The `dbmig state` snapshot: {"dbmig": 1, "models": [{"app", "name", "table", ...}, ...]}
// ordered by app and model name. An empty `apps` means every app.
nlohmann::ordered_json project_state_to_json(const ProjectState& state,
                                             const std::vector<std::string>& apps = {});

}  // namespace dbmig
