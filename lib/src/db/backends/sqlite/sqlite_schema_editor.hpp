// SQLite: INTEGER PRIMARY KEY (the rowid alias) for auto-increment keys, uniques as unique
// indexes, and a table rebuild (create, copy, drop, rename, re-index) for every change its
// ALTER TABLE cannot make, with foreign key enforcement off around the migration.
#pragma once

#include <map>

#include "db/backends/base_schema_editor.hpp"

namespace dbmig::schema {

class SqliteSchemaEditor : public BaseSchemaEditor {
 public:
  Dialect dialect() const override { return Dialect::sqlite; }
  bool transactional_ddl() const override { return true; }
  std::string quote_name(std::string_view identifier) const override;
  // SQLite has no online forms: a change takes the database's write lock whichever form it
  // has, and a rebuild copies the table (docs/online-schema-changes.md).
  std::unique_ptr<SchemaEditor> online_editor() const override {
    return std::make_unique<SqliteSchemaEditor>(*this);
  }

  Statements before_migration(const Statements& migration) const override;
  Statements after_migration() const override;
  std::optional<std::string> integrity_check() const override;

  Statements rename_model(const StateChange& change, const ModelKey& old_key,
                          const ModelKey& new_key) const override;
  Statements add_field(const StateChange& change, const ModelKey& model,
                       std::string_view field) const override;
  Statements remove_field(const StateChange& change, const ModelKey& model,
                          std::string_view field) const override;
  Statements alter_field(const StateChange& change, const ModelKey& model,
                         std::string_view old_field, std::string_view new_field,
                         const std::optional<Literal>& fill_value) const override;
  Statements add_constraint(const StateChange& change, const ModelKey& model,
                            std::string_view constraint) const override;
  Statements remove_constraint(const StateChange& change, const ModelKey& model,
                               std::string_view constraint) const override;

  // A rebuild where the statements above make one, from the same predicates.
  TableCosts add_field_costs(const StateChange& change, const ModelKey& model,
                             std::string_view field) const override;
  TableCosts remove_field_costs(const StateChange& change, const ModelKey& model,
                                std::string_view field) const override;
  TableCosts alter_field_costs(const StateChange& change, const ModelKey& model,
                               std::string_view old_field,
                               std::string_view new_field) const override;
  TableCosts rename_model_costs(const StateChange& change, const ModelKey& old_key,
                                const ModelKey& new_key) const override;
  TableCosts add_constraint_costs(const StateChange& change, const ModelKey& model,
                                  std::string_view constraint) const override;
  TableCosts remove_constraint_costs(const StateChange& change, const ModelKey& model,
                                     std::string_view constraint) const override;

 protected:
  std::string column_type(const Field& field) const override;
  std::string auto_increment_definition(const Field& field, bool with_key) const override;
  std::optional<std::string> range_check(const Field& field) const override;
  std::string quote_bool(bool value) const override;
  bool uniques_are_indexes() const override { return true; }
  std::string drop_unique_sql(std::string_view table, std::string_view name) const override;
  Statements rename_index_sql(const Model& model, std::string_view old_name,
                              std::string_view new_name, const std::vector<std::string>& columns,
                              bool unique) const override;
  Statements alter_column(const FieldInState& before, const FieldInState& after,
                          const std::optional<Literal>& fill_value) const override;
  std::string converted_value(const std::string& expression, const Field& from,
                              const Field& to) const override;
  Statements refuse_rows(std::string_view table, const std::string& condition,
                         const std::string& message) const override;

 private:
  // Whether each change needs a rebuild: what ALTER TABLE cannot do.
  bool add_field_rebuilds(const Field& field) const;
  bool remove_field_rebuilds(const Model& model, const Field& field) const;
  bool alter_field_rebuilds(const Field& old_field, const Field& new_field) const;
  bool rename_model_rebuilds(const Model& old_model, const Model& new_model) const;
  // Rebuilds `before_model`'s table as `after_model` describes it. Every column of the new
  // table is filled from the old column of the same field name unless `sources` gives an SQL
  // expression for it (by field name); new columns without a source take their default.
  Statements rebuild(const StateChange& change, const Model& before_model, const Model& after_model,
                     const std::map<std::string, std::string>& sources = {}) const;
};

}  // namespace dbmig::schema
