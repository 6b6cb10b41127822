// The concrete operations; their JSON forms are in docs/migration-files.md. Implementations:
// lib/src/operations/*.cpp, one file per family.
#pragma once

#include <string>
#include <vector>

#include "dbmig/operation.hpp"

namespace dbmig {

// The overrides every concrete operation provides (reduce and reversible are optional).
#define DBMIG_OPERATION_OVERRIDES                                                                  \
  std::string_view kind() const override;                                                          \
  void apply(ProjectState& state, std::string_view app) const override;                            \
  std::string describe() const override;                                                           \
  std::string name_fragment() const override;                                                      \
  nlohmann::ordered_json to_json() const override;                                                 \
  Statements forwards(const SchemaEditor& editor, std::string_view app, const StateChange& change) \
      const override;                                                                              \
  Statements backwards(const SchemaEditor& editor, std::string_view app,                           \
                       const StateChange& change) const override;                                  \
  bool references_model(const ModelKey& model, std::string_view app) const override;               \
  bool can_reduce_through(const Operation& other, std::string_view app) const override;

// --- models (lib/src/operations/model_operations.cpp) ---

struct CreateModel : Operation {
  Model model;  // app is taken from the migration
  explicit CreateModel(Model created) : model(std::move(created)) {}
  CreateModel() = default;  // for decoding a cached migration
  DBMIG_OPERATION_OVERRIDES
  bool references_field(const ModelKey& model, std::string_view field,
                        std::string_view app) const override;
  std::optional<Operations> reduce(const Operation& next, std::string_view app) const override;
};

struct DeleteModel : Operation {
  std::string name;
  explicit DeleteModel(std::string deleted) : name(std::move(deleted)) {}
  DeleteModel() = default;  // for decoding a cached migration
  DBMIG_OPERATION_OVERRIDES
};

struct RenameModel : Operation {
  std::string old_name;
  std::string new_name;
  RenameModel(std::string from, std::string to)
      : old_name(std::move(from)), new_name(std::move(to)) {}
  RenameModel() = default;  // for decoding a cached migration
  DBMIG_OPERATION_OVERRIDES
  std::optional<Operations> reduce(const Operation& next, std::string_view app) const override;
};

struct AlterModelTable : Operation {
  std::string name;
  std::string table;
  AlterModelTable(std::string model, std::string new_table)
      : name(std::move(model)), table(std::move(new_table)) {}
  AlterModelTable() = default;  // for decoding a cached migration
  DBMIG_OPERATION_OVERRIDES
};

// Django's AlterModelTableComment: the table's comment ("" for none).
struct AlterModelComment : Operation {
  std::string name;
  std::string comment;
  AlterModelComment(std::string model, std::string new_comment)
      : name(std::move(model)), comment(std::move(new_comment)) {}
  AlterModelComment() = default;  // for decoding a cached migration
  DBMIG_OPERATION_OVERRIDES
};

// --- fields (lib/src/operations/field_operations.cpp) ---

struct AddField : Operation {
  std::string model;
  Field field;
  // A one-off value that fills existing rows when `field` is NOT NULL without a default
  // (Django's preserve_default=False); not kept as the column default.
  std::optional<Literal> fill_value;
  AddField(std::string on, Field added) : model(std::move(on)), field(std::move(added)) {}
  AddField() = default;  // for decoding a cached migration
  DBMIG_OPERATION_OVERRIDES
  std::optional<Operations> reduce(const Operation& next, std::string_view app) const override;
  bool references_field(const ModelKey& model, std::string_view field,
                        std::string_view app) const override;
};

struct RemoveField : Operation {
  std::string model;
  std::string name;
  RemoveField(std::string on, std::string removed)
      : model(std::move(on)), name(std::move(removed)) {}
  RemoveField() = default;  // for decoding a cached migration
  DBMIG_OPERATION_OVERRIDES
  bool references_field(const ModelKey& model, std::string_view field,
                        std::string_view app) const override;
};

struct AlterField : Operation {
  std::string model;
  Field field;                        // the new definition; field.name names the field
  std::optional<Literal> fill_value;  // replaces NULLs when a field becomes NOT NULL
  AlterField(std::string on, Field altered) : model(std::move(on)), field(std::move(altered)) {}
  AlterField() = default;  // for decoding a cached migration
  DBMIG_OPERATION_OVERRIDES
  std::optional<Operations> reduce(const Operation& next, std::string_view app) const override;
  bool references_field(const ModelKey& model, std::string_view field,
                        std::string_view app) const override;
};

struct RenameField : Operation {
  std::string model;
  std::string old_name;
  std::string new_name;
  RenameField(std::string on, std::string from, std::string to)
      : model(std::move(on)), old_name(std::move(from)), new_name(std::move(to)) {}
  RenameField() = default;  // for decoding a cached migration
  DBMIG_OPERATION_OVERRIDES
  std::optional<Operations> reduce(const Operation& next, std::string_view app) const override;
  bool references_field(const ModelKey& model, std::string_view field,
                        std::string_view app) const override;
};

// --- indexes and constraints (lib/src/operations/index_operations.cpp) ---

struct AddIndex : Operation {
  std::string model;
  Index index;
  AddIndex(std::string on, Index added) : model(std::move(on)), index(std::move(added)) {}
  AddIndex() = default;  // for decoding a cached migration
  DBMIG_OPERATION_OVERRIDES
  bool references_field(const ModelKey& model, std::string_view field,
                        std::string_view app) const override;
};

struct RemoveIndex : Operation {
  std::string model;
  std::string name;
  RemoveIndex(std::string on, std::string removed)
      : model(std::move(on)), name(std::move(removed)) {}
  RemoveIndex() = default;  // for decoding a cached migration
  DBMIG_OPERATION_OVERRIDES
};

struct AddConstraint : Operation {
  std::string model;
  Constraint constraint;
  AddConstraint(std::string on, Constraint added)
      : model(std::move(on)), constraint(std::move(added)) {}
  AddConstraint() = default;  // for decoding a cached migration
  DBMIG_OPERATION_OVERRIDES
  bool references_field(const ModelKey& model, std::string_view field,
                        std::string_view app) const override;
};

struct RemoveConstraint : Operation {
  std::string model;
  std::string name;
  RemoveConstraint(std::string on, std::string removed)
      : model(std::move(on)), name(std::move(removed)) {}
  RemoveConstraint() = default;  // for decoding a cached migration
  DBMIG_OPERATION_OVERRIDES
};

// --- custom SQL (lib/src/operations/run_sql.cpp) ---

struct RunSQL : Operation {
  std::vector<std::string> sql;
  std::optional<std::vector<std::string>> reverse_sql;  // none => irreversible
  RunSQL(std::vector<std::string> forward, std::optional<std::vector<std::string>> reverse)
      : sql(std::move(forward)), reverse_sql(std::move(reverse)) {}
  RunSQL() = default;  // for decoding a cached migration
  DBMIG_OPERATION_OVERRIDES
  bool reversible() const override;
};

}  // namespace dbmig
