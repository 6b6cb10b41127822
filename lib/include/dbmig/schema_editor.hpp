// Turns schema changes into SQL for one database. Pure: it returns statements, it never runs
// them. One subclass per dialect (sqlite_schema_editor, postgres_schema_editor,
// mysql_schema_editor); what really is shared lives in the base.
//
// Every method receives the project state before and after the change and the names of what
// changed, and reads all it needs (tables, columns, referenced tables) from those states. A
// backwards migration calls the inverse method with the two states swapped: AddField backwards
// is remove_field({after, before}, ...).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dbmig/state.hpp"

namespace dbmig {

enum class Dialect { sqlite, postgresql, mysql };

std::string_view to_string(Dialect dialect);
std::optional<Dialect> dialect_from_string(std::string_view name);

struct StateChange {
  const ProjectState& before;
  const ProjectState& after;
};

using Statements = std::vector<std::string>;

// What a change costs a table that already has rows, beyond the time its statements take: the
// facts `dbmig lint` reports (docs/lint.md), given by the editor that writes the change's SQL.
struct TableCost {
  enum class Kind {
    rewrite,           // PostgreSQL rewrites the table and its indexes under ACCESS EXCLUSIVE
    not_null_scan,     // PostgreSQL SET NOT NULL reads every row under ACCESS EXCLUSIVE
    foreign_key_scan,  // PostgreSQL validates a new foreign key, blocking writes meanwhile
    check_scan,        // PostgreSQL validates a new check under ACCESS EXCLUSIVE
    index_build,       // PostgreSQL builds an index (or unique constraint), blocking writes
    copy,     // MySQL/MariaDB: neither ALGORITHM=INSTANT nor INPLACE with LOCK=NONE: copies the
              // table, blocking writes
    inplace,  // MySQL/MariaDB: INPLACE with LOCK=NONE but not INSTANT: works through the
              // table while writes go on
    rebuild,  // SQLite copies the table into a new one (create, copy, drop, rename)
  };
  Kind kind;
  std::string what;  // the part of the change that costs it, e.g. "VARCHAR(20) to TEXT"
  bool operator==(const TableCost&) const = default;
};
using TableCosts = std::vector<TableCost>;

class SchemaEditor {
 public:
  virtual ~SchemaEditor() = default;

  virtual Dialect dialect() const = 0;
  // Whether CREATE/ALTER/DROP roll back with the transaction (SQLite, PostgreSQL: yes).
  virtual bool transactional_ddl() const = 0;
  virtual std::string quote_name(std::string_view identifier) const = 0;
  virtual std::string quote_value(const Literal& value) const = 0;

  // The editor of the same database that writes the online forms of the operations that have
  // one (an operation whose options.online is set; docs/online-schema-changes.md): changes
  // that do not block the table's readers and writers where the database can make them so, or
  // fail rather than block. SQLite has none: its online editor writes the plain forms.
  virtual std::unique_ptr<SchemaEditor> online_editor() const = 0;
  // Whether every online form of this editor runs again from its first statement with the
  // same result, however far an earlier attempt got: the next migrate then resumes an
  // interrupted online operation instead of asking for it to be resolved by hand.
  virtual bool online_forms_rerunnable() const { return false; }

  // Statements run once per migration outside its transaction, before and after it, given the
  // migration's statements (SQLite turns foreign key enforcement off around table rebuilds and
  // checks integrity afterwards).
  virtual Statements before_migration(const Statements& migration) const {
    (void)migration;
    return {};
  }
  virtual Statements after_migration() const { return {}; }
  // A query run inside the migration's transaction just before it commits; any row it returns
  // means the migration broke integrity and must roll back (SQLite: PRAGMA foreign_key_check).
  virtual std::optional<std::string> integrity_check() const { return std::nullopt; }

  // `model` exists in change.after.
  virtual Statements create_model(const StateChange& change, const ModelKey& model) const = 0;
  // `model` exists in change.before.
  virtual Statements delete_model(const StateChange& change, const ModelKey& model) const = 0;
  // A model renamed and/or its table renamed: `old_key` in before, `new_key` in after.
  virtual Statements rename_model(const StateChange& change, const ModelKey& old_key,
                                  const ModelKey& new_key) const = 0;
  // `model` exists in both states, with another comment in change.after.
  virtual Statements alter_model_comment(const StateChange& change,
                                         const ModelKey& model) const = 0;
  // `field` exists on the model in change.after.
  virtual Statements add_field(const StateChange& change, const ModelKey& model,
                               std::string_view field) const = 0;
  // `field` exists on the model in change.before.
  virtual Statements remove_field(const StateChange& change, const ModelKey& model,
                                  std::string_view field) const = 0;
  // `old_field` in before, `new_field` in after: a changed definition, a rename, or both.
  // When the column becomes NOT NULL its NULLs become `fill_value` (AlterField's), else the
  // new default. Starts with the refusals of values the change would round (docs/sql.md), and
  // fills no NULL before the database has accepted the new type.
  virtual Statements alter_field(const StateChange& change, const ModelKey& model,
                                 std::string_view old_field, std::string_view new_field,
                                 const std::optional<Literal>& fill_value) const = 0;
  virtual Statements add_index(const StateChange& change, const ModelKey& model,
                               std::string_view index) const = 0;
  virtual Statements remove_index(const StateChange& change, const ModelKey& model,
                                  std::string_view index) const = 0;
  virtual Statements add_constraint(const StateChange& change, const ModelKey& model,
                                    std::string_view constraint) const = 0;
  virtual Statements remove_constraint(const StateChange& change, const ModelKey& model,
                                       std::string_view constraint) const = 0;

  // What the statements of the method of the same name without `_costs` cost on a table with
  // rows, from the same rules that write them (the dialects' editors answer; none here).
  virtual TableCosts add_field_costs(const StateChange&, const ModelKey& /*model*/,
                                     std::string_view /*field*/) const {
    return {};
  }
  virtual TableCosts remove_field_costs(const StateChange&, const ModelKey& /*model*/,
                                        std::string_view /*field*/) const {
    return {};
  }
  virtual TableCosts alter_field_costs(const StateChange&, const ModelKey& /*model*/,
                                       std::string_view /*old_field*/,
                                       std::string_view /*new_field*/) const {
    return {};
  }
  virtual TableCosts rename_model_costs(const StateChange&, const ModelKey& /*old_key*/,
                                        const ModelKey& /*new_key*/) const {
    return {};
  }
  virtual TableCosts add_index_costs(const StateChange&, const ModelKey& /*model*/,
                                     std::string_view /*index*/) const {
    return {};
  }
  virtual TableCosts remove_index_costs(const StateChange&, const ModelKey& /*model*/,
                                        std::string_view /*index*/) const {
    return {};
  }
  virtual TableCosts add_constraint_costs(const StateChange&, const ModelKey& /*model*/,
                                          std::string_view /*constraint*/) const {
    return {};
  }
  virtual TableCosts remove_constraint_costs(const StateChange&, const ModelKey& /*model*/,
                                             std::string_view /*constraint*/) const {
    return {};
  }
};

std::unique_ptr<SchemaEditor> make_schema_editor(Dialect dialect);

// What the NULLs of column `from` become when it turns into `to`: when it becomes NOT NULL,
// `fill_value` if given, else `to`'s default; otherwise nothing.
std::optional<Literal> null_replacement(const Field& from, const Field& to,
                                        const std::optional<Literal>& fill_value);

}  // namespace dbmig
