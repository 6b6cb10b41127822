// What the three dialects share: CREATE TABLE from a model, indexes, the objects a field brings
// along (index, unique, foreign key, range check) and how they follow renames and changes, and
// the ALTER TABLE path PostgreSQL and MySQL take. SQLite overrides what its ALTER TABLE cannot
// do with table rebuilds. Dialect differences are virtual hooks, never `if (dialect)`.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"
#include "dbmig/schema_editor.hpp"

namespace dbmig::schema {

// A database object that exists because of one field, named with naming.hpp's constraint_name.
struct FieldObject {
  enum class Kind { index, unique, foreign_key, check };
  Kind kind;
  std::string name;
  // What the object enforces apart from its name and column name: objects of the same kind
  // and identity only need a rename when a table or column is renamed.
  std::string identity;
};

// The column and the table of a field in one of the two states of a change.
struct FieldInState {
  const ProjectState& state;
  const Model& model;
  const Field& field;
};

class BaseSchemaEditor : public SchemaEditor {
 public:
  std::string quote_value(const Literal& value) const override;

  Statements create_model(const StateChange& change, const ModelKey& model) const override;
  Statements delete_model(const StateChange& change, const ModelKey& model) const override;
  Statements rename_model(const StateChange& change, const ModelKey& old_key,
                          const ModelKey& new_key) const override;
  Statements alter_model_comment(const StateChange& change, const ModelKey& model) const override;
  Statements add_field(const StateChange& change, const ModelKey& model,
                       std::string_view field) const override;
  Statements remove_field(const StateChange& change, const ModelKey& model,
                          std::string_view field) const override;
  Statements alter_field(const StateChange& change, const ModelKey& model,
                         std::string_view old_field, std::string_view new_field,
                         const std::optional<Literal>& fill_value) const override;
  Statements add_index(const StateChange& change, const ModelKey& model,
                       std::string_view index) const override;
  Statements remove_index(const StateChange& change, const ModelKey& model,
                          std::string_view index) const override;
  Statements add_constraint(const StateChange& change, const ModelKey& model,
                            std::string_view constraint) const override;
  Statements remove_constraint(const StateChange& change, const ModelKey& model,
                               std::string_view constraint) const override;

  // --- what the changes above cost a table with rows (table_costs.cpp): the objects a change
  // creates or drops, as the statements above decide, priced by the dialect's hooks below ---
  TableCosts add_field_costs(const StateChange& change, const ModelKey& model,
                             std::string_view field) const override;
  TableCosts remove_field_costs(const StateChange& change, const ModelKey& model,
                                std::string_view field) const override;
  TableCosts alter_field_costs(const StateChange& change, const ModelKey& model,
                               std::string_view old_field,
                               std::string_view new_field) const override;
  TableCosts rename_model_costs(const StateChange& change, const ModelKey& old_key,
                                const ModelKey& new_key) const override;
  TableCosts add_index_costs(const StateChange& change, const ModelKey& model,
                             std::string_view index) const override;
  TableCosts remove_index_costs(const StateChange& change, const ModelKey& model,
                                std::string_view index) const override;
  TableCosts add_constraint_costs(const StateChange& change, const ModelKey& model,
                                  std::string_view constraint) const override;
  TableCosts remove_constraint_costs(const StateChange& change, const ModelKey& model,
                                     std::string_view constraint) const override;

 protected:
  // --- the dialect's prices (none by default) ---
  // Changing column `before` into `after` in place (alter_column's statements).
  virtual TableCosts column_change_costs(const FieldInState& before,
                                         const FieldInState& after) const;
  // Creating or dropping an index, unique, foreign key or check on a table.
  virtual TableCosts create_object_costs(const FieldObject& object) const;
  virtual TableCosts drop_object_costs(const FieldObject& object) const;
  // Renaming `old_object` of a field to `new_object`'s name (rename_field_object's statements).
  virtual TableCosts rename_object_costs(const FieldObject& old_object,
                                         const FieldObject& new_object) const;

  // Set in the editor online_editor() returns: the hooks below write their online forms.
  bool online_ = false;
  // A copy of `editor` that writes the online forms (each dialect's online_editor()).
  template <class Editor>
  static std::unique_ptr<SchemaEditor> online_copy(const Editor& editor) {
    auto copy = std::make_unique<Editor>(editor);
    copy->online_ = true;
    return copy;
  }
  // `statements` of an operation as its online form runs them: each statement with the
  // dialect's clause refusing a change that would block writers (MySQL), when online_.
  Statements online_form(Statements statements) const;
  virtual std::string without_blocking(std::string statement) const { return statement; }

  // --- column types and definitions ---
  // The column type of a field, e.g. "VARCHAR(200)", "BIGINT UNSIGNED", "timestamptz".
  virtual std::string column_type(const Field& field) const = 0;
  // The whole definition of an auto-increment primary key after its quoted name; `with_key`
  // false leaves out PRIMARY KEY.
  virtual std::string auto_increment_definition(const Field& field, bool with_key) const = 0;
  // A CHECK expression keeping values in the range of the field's C++ type where the column
  // type is wider (integer_range: every integer but int64 on SQLite, int8 and the unsigned
  // types on PostgreSQL), auto-increment keys too; none by default.
  virtual std::optional<std::string> range_check(const Field& field) const;
  virtual std::string quote_bool(bool value) const;
  // Standard SQL: the value in single quotes, quotes doubled.
  virtual std::string quote_string(std::string_view text) const;
  // Comments: inside the column definition and after CREATE TABLE's parentheses (MySQL), or
  // as statements of their own (PostgreSQL). None on SQLite.
  virtual std::string column_comment_clause(const Field& field) const;
  virtual std::string table_options(const Model& model) const;
  // The statements giving `model` its comment when it differs from `old_model`'s (none: new).
  virtual Statements comment_on_table(const Model& model, const Model* old_model) const;
  // The statements giving `field` its comment when it differs from `old_field`'s (none: new).
  virtual Statements comment_on_column(const Model& model, const Field* old_field,
                                       const Field& field) const;
  // A column as it appears in an index; MySQL refuses unbounded TEXT/BLOB here.
  virtual std::string index_column(const Model& model, const Field& field) const;

  // `"name" TYPE [NOT NULL] [DEFAULT v] [PRIMARY KEY] [CONSTRAINT c CHECK (...)]`.
  // `with_key` false leaves out PRIMARY KEY (MySQL MODIFY of an existing key column).
  std::string column_definition(const Model& model, const Field& field, bool with_key = true) const;
  std::string default_clause(const std::optional<Literal>& value) const;

  // --- tables ---
  // CREATE TABLE `table` with the model's columns and its table-level constraints.
  std::string create_table(const ProjectState& state, const Model& model,
                           std::string_view table) const;
  // Constraints written inside CREATE TABLE: foreign keys, checks, and (unless the dialect
  // makes them indexes) uniques.
  std::vector<std::string> table_constraints(const ProjectState& state, const Model& model) const;
  // Every index created after CREATE TABLE: field indexes, model indexes, and the uniques the
  // dialect keeps as indexes.
  Statements create_indexes(const Model& model) const;
  std::string rename_table(std::string_view from, std::string_view to) const;

  // --- uniques, indexes, foreign keys, checks ---
  // True when unique constraints are unique indexes (SQLite), so they can be added and dropped
  // without a rebuild.
  virtual bool uniques_are_indexes() const { return false; }
  // `how`: words between INDEX and the name (PostgreSQL's "CONCURRENTLY").
  std::string create_index_sql(std::string_view table, std::string_view name,
                               const std::vector<std::string>& columns, bool unique,
                               std::string_view how = "") const;
  // The statements creating an index: create_index_sql, or its online form.
  virtual Statements create_index(std::string_view table, std::string_view name,
                                  const std::vector<std::string>& columns, bool unique) const;
  // The statements adding a unique constraint (an index where uniques_are_indexes()).
  virtual Statements add_unique(std::string_view table, std::string_view name,
                                const std::vector<std::string>& columns) const;
  // The statements adding a foreign key or check named `name` with `definition`
  // (foreign_key_definition, check_definition): online, without a scan under a lock.
  virtual Statements add_checked_constraint(std::string_view table, std::string_view name,
                                            std::string_view definition) const;
  virtual std::string add_column_sql(std::string_view table, std::string_view definition) const;
  virtual std::string drop_index_sql(std::string_view table, std::string_view name) const;
  virtual Statements rename_index_sql(const Model& model, std::string_view old_name,
                                      std::string_view new_name,
                                      const std::vector<std::string>& columns,
                                      bool unique) const = 0;
  std::string unique_definition(std::string_view name,
                                const std::vector<std::string>& columns) const;
  std::string check_definition(std::string_view name, std::string_view expression) const;
  std::string foreign_key_definition(const ProjectState& state, const Model& model,
                                     const Field& field) const;
  virtual std::string on_delete_sql(OnDelete action) const;
  virtual std::string drop_unique_sql(std::string_view table, std::string_view name) const;
  virtual std::string drop_foreign_key_sql(std::string_view table, std::string_view name) const;
  virtual std::string drop_constraint_sql(std::string_view table, std::string_view name) const;
  std::string rename_constraint_sql(std::string_view table, std::string_view old_name,
                                    std::string_view new_name) const;
  std::string add_constraint_sql(std::string_view table, std::string_view definition) const;
  // Column names of `fields` of `model`, quoted for an index or constraint.
  std::vector<std::string> index_columns(const Model& model,
                                         const std::vector<std::string>& fields) const;

  // --- field objects ---
  // In creation order: the foreign key first, so MySQL drops it before the index it uses.
  virtual std::vector<FieldObject> field_objects(const ProjectState& state, const Model& model,
                                                 const Field& field) const;
  virtual Statements create_field_object(const FieldInState& where,
                                         const FieldObject& object) const;
  virtual Statements drop_field_object(const FieldInState& where, const FieldObject& object) const;
  virtual Statements rename_field_object(const FieldInState& where, const FieldObject& old_object,
                                         const FieldObject& new_object) const;
  // Drops what `before` has and `after` no longer has (or has differently) ...
  Statements drop_changed_objects(const FieldInState& before, const FieldInState& after) const;
  // ... and, once the column has changed, creates or renames what `after` needs.
  Statements create_changed_objects(const FieldInState& before, const FieldInState& after) const;
  // Renames the objects of `after` whose names differ from `before`'s (a renamed table or
  // column), leaving changed or new ones alone.
  Statements rename_objects(const FieldInState& before, const FieldInState& after) const;

  // --- altering a column in place (PostgreSQL, MySQL) ---
  // Statements turning column `before` into `after`: name, type, null, default, NULLs filled
  // with `fill_value` (see alter_field).
  virtual Statements alter_column(const FieldInState& before, const FieldInState& after,
                                  const std::optional<Literal>& fill_value) const = 0;
  // `expression`, a value of `from`'s column type, converted to `to`'s column type as the
  // column's type change converts it.
  virtual std::string converted_value(const std::string& expression, const Field& from,
                                      const Field& to) const = 0;
  // A statement making the database raise `message` when a row of `table` matches
  // `condition`, before anything is changed (none where no change rounds a value: SQLite).
  virtual Statements refuse_rows(std::string_view table, const std::string& condition,
                                 const std::string& message) const = 0;
  // Refuses turning column `before` into `after` when a value would come out rounded or
  // otherwise different (see can_round), which the ALTER itself would do without an error.
  Statements refuse_changed_values(const FieldInState& before, const FieldInState& after) const;
  // UPDATE setting the NULLs of the column to null_replacement(...), if any. `column` is the
  // column's name at the time the UPDATE runs.
  Statements fill_nulls(const FieldInState& before, const FieldInState& after,
                        std::string_view column, const std::optional<Literal>& fill_value) const;
};

// The field `name` of `model`; an InputError when the state has no such field.
const Field& field_of(const Model& model, std::string_view name);

// The object of `kind` among `objects` (a field has at most one of each), or null.
const FieldObject* find_kind(const std::vector<FieldObject>& objects, FieldObject::Kind kind);

// Throws InputError when `identifier` is longer than `limit` bytes: the database would shorten
// it silently, and later statements naming it in full would miss it.
void check_identifier_length(std::string_view identifier, std::size_t limit,
                             std::string_view database);

// `identifier` in double quotes, quotes doubled (SQLite, PostgreSQL).
std::string double_quoted(std::string_view identifier);

bool is_number(FieldType type);

// Whether changing a column of `from` into `to` can round or otherwise change a value which the
// databases then store without an error: a smaller decimal scale; a float or fractional decimal
// becoming an integer; an integer, decimal or double becoming a (narrower) float; a timestamp a
// date; a number a boolean; text becoming a decimal. Changes that overflow instead (length,
// precision, integer width) make the database raise by itself.
bool can_round(const Field& from, const Field& to);

// The CHECK expression keeping an integer column within its C++ type's range where the column
// type is wider (uint64: only `>= 0`, as no wider integer exists); none for int64 and for the
// other types. The range checks of the dialects are these, for the types they need them for.
std::optional<std::string> integer_range(const std::string& quoted_column, FieldType type);

}  // namespace dbmig::schema
