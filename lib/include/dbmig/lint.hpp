// The safety lint (docs/lint.md): what in a migration is risky on a live database — what it
// destroys, what breaks code still running during a rolling deploy, what blocks a table's
// readers or writers — each finding with a stable code, the dialects it applies to, why, and
// the safe alternative. Pure: the schema editors price the changes (SchemaEditor::*_costs), the
// caller gives the row counts when it read a database.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dbmig/migration.hpp"
#include "dbmig/schema_editor.hpp"
#include "dbmig/state.hpp"

namespace dbmig {

enum class LintLevel { notice, warning, error };

std::string_view to_string(LintLevel level);
std::optional<LintLevel> lint_level_from_string(std::string_view name);

// One row of the table of codes in docs/lint.md.
struct LintRule {
  std::string_view code;  // "DS101"
  LintLevel level;        // its usual level (see LintFinding::level)
  std::vector<Dialect> dialects;
  std::string_view title;        // "drop table"
  std::string_view alternative;  // the safe way, one sentence
  // Whether "online": true (docs/online-schema-changes.md) is the alternative, so the finding
  // is not made for an online operation.
  bool online_avoids = false;
};

// Every rule, by code.
const std::vector<LintRule>& lint_rules();
const LintRule* find_lint_rule(std::string_view code);

struct LintFinding {
  const LintRule* rule;
  // The rule's level, except where the row count decides it (LT101, NN101: docs/lint.md).
  LintLevel level;
  MigrationKey migration;
  std::string file;               // as messages name it; app/name when the migration has no file
  std::size_t operation_index;    // in the file's "operations" (0-based, as its JSON path)
  std::string operation;          // the operation's describe()
  std::vector<Dialect> dialects;  // those linted that the finding applies to, in enum order
  std::string message;            // why it is risky here
  bool acknowledged = false;      // listed in the operation's "acknowledged"
};

// The rows of a table, when a database was read: nullopt when the table is not there. Asked once
// per table (the caller may count lazily).
using RowCounter = std::function<std::optional<long long>(const std::string& table)>;

struct LintOptions {
  // One per dialect linted.
  std::vector<const SchemaEditor*> editors;
  // None: no database (row counts unknown).
  RowCounter rows;
  // LT101 is a warning above this many rows, a notice below (docs/lint.md).
  long long sqlite_rebuild_warning_rows = 10000;
};

// The findings of `migrations`, each operation on the state the migrations before it leave
// (`state`: the state before the first; it becomes the state after the last). The migrations
// are one deployment: an operation on a table created earlier among them (or in the same
// migration) has no finding. Ordered by migration, operation, code, then message.
std::vector<LintFinding> lint_migrations(const std::vector<const Migration*>& migrations,
                                         ProjectState& state, const LintOptions& options);

// Whether a finding fails `--fail-on level`: not acknowledged and at or above it (nullopt:
// never).
bool fails(const LintFinding& finding, std::optional<LintLevel> fail_on);

// The findings as text, one block per finding (docs/lint.md "Output"), and a summary line.
std::string lint_text(const std::vector<LintFinding>& findings);
// The findings as JSON (docs/lint.md "JSON output"), indented by two, with a final newline.
std::string lint_json(const std::vector<LintFinding>& findings);

}  // namespace dbmig
