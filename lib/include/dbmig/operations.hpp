// The concrete operations, on the bases that share their answers to the optimizer. Their JSON
// forms are documented in docs/migration-files.md; adding one is walked through in
// docs/architecture.md ("Adding an operation"). Implementations: lib/src/operations/*.cpp, one
// file per family.
#pragma once

#include <string>
#include <tuple>
#include <vector>

#include "dbmig/operation.hpp"

namespace dbmig {

class JsonReader;  // the internal reader of lib/src/io/json_reader.hpp

// What every concrete operation declares: its kind, which is its class name and its "op" in
// migration files, its reader of that JSON form (defined beside its members_to_json), and the
// overrides only it can give. A concrete operation also lists its members for the binary cache
// (`members`) and has a line in the registry, lib/src/operations/operation_registry.hpp.
#define DBMIG_OPERATION(Name)                                                                      \
  static constexpr std::string_view kind_name = #Name;                                             \
  std::string_view kind() const override {                                                         \
    return kind_name;                                                                              \
  }                                                                                                \
  static OperationPtr from_json(JsonReader& reader);                                               \
  void apply(ProjectState& state, std::string_view app) const override;                            \
  std::string describe() const override;                                                           \
  std::string name_fragment() const override;                                                      \
  Statements forwards(const SchemaEditor& editor, std::string_view app, const StateChange& change) \
      const override;                                                                              \
  Statements backwards(const SchemaEditor& editor, std::string_view app,                           \
                       const StateChange& change) const override;

// --- bases (lib/src/operations/operation_bases.cpp), as Django's ModelOperation and
// FieldOperation: the optimizer's questions answered once for each shape of operation ---

// An operation on one model of its app: it references that model, and may trade places with
// any operation that does not.
struct ModelOperation : Operation {
  // The model's name before this operation.
  virtual const std::string& model_name() const = 0;
  bool references_model(const ModelKey& model, std::string_view app) const override;
  bool can_reduce_through(const Operation& other, std::string_view app) const override;
};

// An operation on something inside model `model`: a field, an index or a constraint.
struct InModelOperation : ModelOperation {
  std::string model;
  explicit InModelOperation(std::string on) : model(std::move(on)) {}
  InModelOperation() = default;
  const std::string& model_name() const override { return model; }
};

// An operation on one field: it references that field, and may trade places with any operation
// that leaves the field alone.
struct FieldOperation : InModelOperation {
  using InModelOperation::InModelOperation;
  // The field's name before this operation.
  virtual const std::string& field_name() const = 0;
  bool references_field(const ModelKey& model, std::string_view field,
                        std::string_view app) const override;
  bool can_reduce_through(const Operation& other, std::string_view app) const override;
};

// A field operation carrying the field's whole definition (AddField, AlterField).
struct FieldDefinitionOperation : FieldOperation {
  Field field;  // field.name names the field
  // A one-off value for the existing rows, never kept as the column default: AddField fills
  // them with it when `field` is NOT NULL without a default (Django's preserve_default=False),
  // AlterField replaces their NULLs with it when the field becomes NOT NULL.
  std::optional<Literal> fill_value;
  FieldDefinitionOperation(std::string on, Field defined)
      : FieldOperation(std::move(on)), field(std::move(defined)) {}
  FieldDefinitionOperation() = default;
  static auto members(auto& self) { return std::tie(self.model, self.field, self.fill_value); }
  const std::string& field_name() const override { return field.name; }
  bool has_online_form() const override { return true; }
  // Also the model its reference targets; that model's other fields are not referenced (a
  // reference holds the target's primary key).
  bool references_model(const ModelKey& model, std::string_view app) const override;
  void members_to_json(nlohmann::ordered_json& json) const override;
};

// --- models (lib/src/operations/model_operations.cpp) ---

struct CreateModel : ModelOperation {
  Model model;  // app is taken from the migration
  explicit CreateModel(Model created) : model(std::move(created)) {}
  CreateModel() = default;  // for decoding a cached migration
  static auto members(auto& self) { return std::tie(self.model); }
  DBMIG_OPERATION(CreateModel)
  void members_to_json(nlohmann::ordered_json& json) const override;
  const std::string& model_name() const override { return model.name; }
  bool references_model(const ModelKey& model, std::string_view app) const override;
  bool references_field(const ModelKey& model, std::string_view field,
                        std::string_view app) const override;
  std::optional<Operations> reduce(const Operation& next, std::string_view app) const override;
};

struct DeleteModel : ModelOperation {
  std::string name;
  explicit DeleteModel(std::string deleted) : name(std::move(deleted)) {}
  DeleteModel() = default;  // for decoding a cached migration
  static auto members(auto& self) { return std::tie(self.name); }
  DBMIG_OPERATION(DeleteModel)
  void members_to_json(nlohmann::ordered_json& json) const override;
  const std::string& model_name() const override { return name; }
};

struct RenameModel : ModelOperation {
  std::string old_name;
  std::string new_name;
  RenameModel(std::string from, std::string to)
      : old_name(std::move(from)), new_name(std::move(to)) {}
  RenameModel() = default;  // for decoding a cached migration
  static auto members(auto& self) { return std::tie(self.old_name, self.new_name); }
  DBMIG_OPERATION(RenameModel)
  void members_to_json(nlohmann::ordered_json& json) const override;
  const std::string& model_name() const override { return old_name; }
  // Under either name.
  bool references_model(const ModelKey& model, std::string_view app) const override;
  bool can_reduce_through(const Operation& other, std::string_view app) const override;
  std::optional<Operations> reduce(const Operation& next, std::string_view app) const override;
};

struct AlterModelTable : ModelOperation {
  std::string name;
  std::string table;
  AlterModelTable(std::string model, std::string new_table)
      : name(std::move(model)), table(std::move(new_table)) {}
  AlterModelTable() = default;  // for decoding a cached migration
  static auto members(auto& self) { return std::tie(self.name, self.table); }
  DBMIG_OPERATION(AlterModelTable)
  void members_to_json(nlohmann::ordered_json& json) const override;
  const std::string& model_name() const override { return name; }
};

// Django's AlterModelTableComment: the table's comment ("" for none).
struct AlterModelComment : ModelOperation {
  std::string name;
  std::string comment;
  AlterModelComment(std::string model, std::string new_comment)
      : name(std::move(model)), comment(std::move(new_comment)) {}
  AlterModelComment() = default;  // for decoding a cached migration
  static auto members(auto& self) { return std::tie(self.name, self.comment); }
  DBMIG_OPERATION(AlterModelComment)
  void members_to_json(nlohmann::ordered_json& json) const override;
  const std::string& model_name() const override { return name; }
};

// --- fields (lib/src/operations/field_operations.cpp) ---

struct AddField : FieldDefinitionOperation {
  using FieldDefinitionOperation::FieldDefinitionOperation;
  DBMIG_OPERATION(AddField)
  std::optional<Operations> reduce(const Operation& next, std::string_view app) const override;
};

struct RemoveField : FieldOperation {
  std::string name;
  RemoveField(std::string on, std::string removed)
      : FieldOperation(std::move(on)), name(std::move(removed)) {}
  RemoveField() = default;  // for decoding a cached migration
  static auto members(auto& self) { return std::tie(self.model, self.name); }
  DBMIG_OPERATION(RemoveField)
  void members_to_json(nlohmann::ordered_json& json) const override;
  const std::string& field_name() const override { return name; }
};

struct AlterField : FieldDefinitionOperation {
  using FieldDefinitionOperation::FieldDefinitionOperation;
  DBMIG_OPERATION(AlterField)
  std::optional<Operations> reduce(const Operation& next, std::string_view app) const override;
};

struct RenameField : FieldOperation {
  std::string old_name;
  std::string new_name;
  RenameField(std::string on, std::string from, std::string to)
      : FieldOperation(std::move(on)), old_name(std::move(from)), new_name(std::move(to)) {}
  RenameField() = default;  // for decoding a cached migration
  static auto members(auto& self) { return std::tie(self.model, self.old_name, self.new_name); }
  DBMIG_OPERATION(RenameField)
  void members_to_json(nlohmann::ordered_json& json) const override;
  const std::string& field_name() const override { return old_name; }
  // Under either name.
  bool references_field(const ModelKey& model, std::string_view field,
                        std::string_view app) const override;
  bool can_reduce_through(const Operation& other, std::string_view app) const override;
  std::optional<Operations> reduce(const Operation& next, std::string_view app) const override;
};

// --- indexes and constraints (lib/src/operations/index_operations.cpp) ---

// The two additions reference the fields they list; the removals, which do not know them, the
// whole model.

struct AddIndex : InModelOperation {
  Index index;
  AddIndex(std::string on, Index added)
      : InModelOperation(std::move(on)), index(std::move(added)) {}
  AddIndex() = default;  // for decoding a cached migration
  static auto members(auto& self) { return std::tie(self.model, self.index); }
  DBMIG_OPERATION(AddIndex)
  bool has_online_form() const override { return true; }
  void members_to_json(nlohmann::ordered_json& json) const override;
  bool references_field(const ModelKey& model, std::string_view field,
                        std::string_view app) const override;
};

struct RemoveIndex : InModelOperation {
  std::string name;
  RemoveIndex(std::string on, std::string removed)
      : InModelOperation(std::move(on)), name(std::move(removed)) {}
  RemoveIndex() = default;  // for decoding a cached migration
  static auto members(auto& self) { return std::tie(self.model, self.name); }
  DBMIG_OPERATION(RemoveIndex)
  bool has_online_form() const override { return true; }
  void members_to_json(nlohmann::ordered_json& json) const override;
};

struct AddConstraint : InModelOperation {
  Constraint constraint;
  AddConstraint(std::string on, Constraint added)
      : InModelOperation(std::move(on)), constraint(std::move(added)) {}
  AddConstraint() = default;  // for decoding a cached migration
  static auto members(auto& self) { return std::tie(self.model, self.constraint); }
  DBMIG_OPERATION(AddConstraint)
  bool has_online_form() const override { return true; }
  void members_to_json(nlohmann::ordered_json& json) const override;
  bool references_field(const ModelKey& model, std::string_view field,
                        std::string_view app) const override;
};

struct RemoveConstraint : InModelOperation {
  std::string name;
  RemoveConstraint(std::string on, std::string removed)
      : InModelOperation(std::move(on)), name(std::move(removed)) {}
  RemoveConstraint() = default;  // for decoding a cached migration
  static auto members(auto& self) { return std::tie(self.model, self.name); }
  DBMIG_OPERATION(RemoveConstraint)
  void members_to_json(nlohmann::ordered_json& json) const override;
};

// --- custom SQL (lib/src/operations/run_sql.cpp) ---

struct RunSQL : Operation {
  std::vector<std::string> sql;
  std::optional<std::vector<std::string>> reverse_sql;  // none => irreversible
  RunSQL(std::vector<std::string> forward, std::optional<std::vector<std::string>> reverse)
      : sql(std::move(forward)), reverse_sql(std::move(reverse)) {}
  RunSQL() = default;  // for decoding a cached migration
  static auto members(auto& self) { return std::tie(self.sql, self.reverse_sql); }
  DBMIG_OPERATION(RunSQL)
  void members_to_json(nlohmann::ordered_json& json) const override;
  bool reversible() const override;
  // Its SQL may touch anything, so nothing may be moved across it.
  bool references_model(const ModelKey& model, std::string_view app) const override;
};

}  // namespace dbmig
