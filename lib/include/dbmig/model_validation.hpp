// The rules every model and field follows, whichever way it was written: the scanner checks the
// models it builds from C++ with them (and reports file:line:col), the migration reader checks
// the models and fields an operation carries (and reports the JSON path), and the operations
// check the state they leave behind. One function per rule, so a new rule is written once and
// holds for both. Pure: no I/O.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dbmig/state.hpp"

namespace dbmig {

struct ModelProblem {
  // The field concerned, by its position in Model::fields; std::nullopt for the model itself.
  std::optional<std::size_t> field;
  // The attribute concerned as migration files spell it ("on_delete", "precision"); empty for
  // the field or model as a whole.
  std::string attribute;
  std::string message;  // what is wrong, and what to do about it
};

using ModelProblems = std::vector<ModelProblem>;

// DECIMAL(p, s) that all three databases accept: 1 <= p <= 65 (MySQL's maximum), 0 <= s <= p.
inline constexpr int max_decimal_precision = 65;
bool valid_decimal(int precision, int scale);

// --- a field on its own; `index` is its position, copied into the problems ---

// The name is an identifier (it is the C++ member). An empty column means the name.
void check_field_names(const Field& field, std::size_t index, ModelProblems& problems);
// max_length only on strings and positive; precision and scale only on decimals and valid.
void check_type_options(const Field& field, std::size_t index, ModelProblems& problems);
// A primary key is NOT NULL; auto_increment only on an integral primary key.
void check_primary_key_options(const Field& field, std::size_t index, ModelProblems& problems);
// set_null needs a nullable field, set_default a default.
void check_on_delete(const Field& field, std::size_t index, ModelProblems& problems);
// What all three databases accept (schema_limits.hpp): the column's name, type, default and
// comment, and MySQL's key for a unique, indexed or primary key column. The scanner reports the
// same rules at file:line:col (scanner/model_limits.cpp).
void check_field_limits(const Field& field, std::size_t index, ModelProblems& problems);
// Every rule above.
void check_field(const Field& field, std::size_t index, ModelProblems& problems);

// --- a model on its own ---

enum class PrimaryKey {
  required,  // a model as declared or created: exactly one
  optional,  // a model between two operations (a key being replaced): at most one
};

// The name is an identifier.
void check_model_names(const Model& model, ModelProblems& problems);
// The table is not empty. Not part of check_model: in a migration an empty "table" of a
// CreateModel stands for the default table, which only the app decides.
void check_table_name(const Model& model, ModelProblems& problems);
// At least one field.
void check_has_fields(const Model& model, ModelProblems& problems);
// Exactly one primary key (PrimaryKey::required) or at most one.
void check_primary_key_count(const Model& model, PrimaryKey rule, ModelProblems& problems);
// No two fields share a name or a column.
void check_unique_columns(const Model& model, ModelProblems& problems);
// Index and constraint names are not empty and not used twice in the model.
void check_index_names(const Model& model, ModelProblems& problems);
// What all three databases accept of the model's own names and objects: table, comment, index
// and constraint names, MySQL's index keys, check expressions (schema_limits.hpp).
void check_model_limits(const Model& model, ModelProblems& problems);
// Every rule above but check_table_name, and every field rule.
ModelProblems check_model(const Model& model, PrimaryKey rule);

// --- a model among the others ---

// The tables and index/constraint names in use across a state, kept up to date model by model,
// so a replay checks each operation against every other model without walking them all.
class NamesInUse {
 public:
  void remove(const Model& model);
  // Adds `model`'s names; false when one of them is already in use (by another model).
  bool add(const Model& model);

 private:
  std::map<std::string, int, std::less<>> tables_, indexes_;
};

// Another model of `state` whose table is `model`'s, if any.
const Model* other_model_with_table(const ProjectState& state, const Model& model);
// An index or constraint name of `model` that another model of `state` also uses, if any:
// names are per database (per schema on PostgreSQL).
std::optional<std::string> index_name_used_elsewhere(const ProjectState& state, const Model& model);

}  // namespace dbmig
