// PostgreSQL: identity primary keys, timestamptz, CHECKs for unsigned and 8-bit integers (it has
// no such types), ALTER COLUMN ... TYPE ... USING, SET/DROP NOT NULL and DEFAULT.
#pragma once

#include "db/backends/base_schema_editor.hpp"

namespace dbmig::schema {

class PostgresSchemaEditor : public BaseSchemaEditor {
 public:
  Dialect dialect() const override { return Dialect::postgresql; }
  bool transactional_ddl() const override { return true; }
  std::string quote_name(std::string_view identifier) const override;
  // Indexes built and dropped CONCURRENTLY, foreign keys and checks added NOT VALID and then
  // validated, NOT NULL through a validated check, each after dropping what an earlier attempt
  // may have left (docs/online-schema-changes.md).
  std::unique_ptr<SchemaEditor> online_editor() const override { return online_copy(*this); }
  bool online_forms_rerunnable() const override { return true; }
  Statements rename_model(const StateChange& change, const ModelKey& old_key,
                          const ModelKey& new_key) const override;
  // Public for the catalog reader (postgres_introspection.cpp), which reads a column back as
  // the field type whose type and range check these would have written.
  std::string column_type(const Field& field) const override;
  std::optional<std::string> range_check(const Field& field) const override;

 protected:
  std::string auto_increment_definition(const Field& field, bool with_key) const override;
  Statements comment_on_table(const Model& model, const Model* old_model) const override;
  Statements comment_on_column(const Model& model, const Field* old_field,
                               const Field& field) const override;
  Statements rename_index_sql(const Model& model, std::string_view old_name,
                              std::string_view new_name, const std::vector<std::string>& columns,
                              bool unique) const override;
  Statements create_index(std::string_view table, std::string_view name,
                          const std::vector<std::string>& columns, bool unique) const override;
  std::string drop_index_sql(std::string_view table, std::string_view name) const override;
  Statements add_unique(std::string_view table, std::string_view name,
                        const std::vector<std::string>& columns) const override;
  Statements add_checked_constraint(std::string_view table, std::string_view name,
                                    std::string_view definition) const override;
  std::string drop_constraint_sql(std::string_view table, std::string_view name) const override;
  std::string add_column_sql(std::string_view table, std::string_view definition) const override;
  Statements alter_column(const FieldInState& before, const FieldInState& after,
                          const std::optional<Literal>& fill_value) const override;
  std::string converted_value(const std::string& expression, const Field& from,
                              const Field& to) const override;
  Statements refuse_rows(std::string_view table, const std::string& condition,
                         const std::string& message) const override;
  TableCosts column_change_costs(const FieldInState& before,
                                 const FieldInState& after) const override;
  TableCosts create_object_costs(const FieldObject& object) const override;

 private:
  // SET NOT NULL; online, after a validated CHECK (col IS NOT NULL) that lets PostgreSQL 12+
  // skip the scan under its exclusive lock.
  Statements set_not_null(std::string_view table, const std::string& column) const;
};

}  // namespace dbmig::schema
