// MySQL/MariaDB (InnoDB): backquoted names, native UNSIGNED, AUTO_INCREMENT, DATETIME(6) for
// UTC instants, MODIFY/CHANGE COLUMN with the whole column definition, and no transactional DDL.
#pragma once

#include "db/backends/base_schema_editor.hpp"

namespace dbmig::schema {

class MysqlSchemaEditor : public BaseSchemaEditor {
 public:
  Dialect dialect() const override { return Dialect::mysql; }
  bool transactional_ddl() const override { return false; }
  std::string quote_name(std::string_view identifier) const override;
  // ALGORITHM=INPLACE, LOCK=NONE on each statement: MariaDB refuses a change it would make by
  // copying the table or while blocking writes (docs/online-schema-changes.md).
  std::unique_ptr<SchemaEditor> online_editor() const override { return online_copy(*this); }

 protected:
  std::string column_type(const Field& field) const override;
  std::string without_blocking(std::string statement) const override;
  Statements add_checked_constraint(std::string_view table, std::string_view name,
                                    std::string_view definition) const override;
  std::string auto_increment_definition(const Field& field, bool with_key) const override;
  std::string quote_string(std::string_view text) const override;
  std::string column_comment_clause(const Field& field) const override;
  std::string table_options(const Model& model) const override;
  Statements comment_on_table(const Model& model, const Model* old_model) const override;
  std::string index_column(const Model& model, const Field& field) const override;
  std::string on_delete_sql(OnDelete action) const override;
  std::string drop_index_sql(std::string_view table, std::string_view name) const override;
  std::string drop_unique_sql(std::string_view table, std::string_view name) const override;
  std::string drop_foreign_key_sql(std::string_view table, std::string_view name) const override;
  Statements rename_index_sql(const Model& model, std::string_view old_name,
                              std::string_view new_name, const std::vector<std::string>& columns,
                              bool unique) const override;
  std::vector<FieldObject> field_objects(const ProjectState& state, const Model& model,
                                         const Field& field) const override;
  Statements drop_field_object(const FieldInState& where, const FieldObject& object) const override;
  Statements rename_field_object(const FieldInState& where, const FieldObject& old_object,
                                 const FieldObject& new_object) const override;
  Statements alter_column(const FieldInState& before, const FieldInState& after,
                          const std::optional<Literal>& fill_value) const override;
  std::string converted_value(const std::string& expression, const Field& from,
                              const Field& to) const override;
  Statements refuse_rows(std::string_view table, const std::string& condition,
                         const std::string& message) const override;
  TableCosts column_change_costs(const FieldInState& before,
                                 const FieldInState& after) const override;
  TableCosts create_object_costs(const FieldObject& object) const override;
  TableCosts drop_object_costs(const FieldObject& object) const override;
  TableCosts rename_object_costs(const FieldObject& old_object,
                                 const FieldObject& new_object) const override;

 private:
  std::string change_column(const Model& model, const std::string& old_column,
                            const Field& field) const;
  // The type naming `field`'s column type in CAST.
  std::string cast_type(const Field& field) const;
};

}  // namespace dbmig::schema
