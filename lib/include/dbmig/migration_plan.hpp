// A plan of migrations to apply or unapply, and the SQL of one step of it (Django's
// MigrationExecutor.collect_sql): the one render path that `migrate` runs and `sqlmigrate`
// prints. Pure: the schema editor gives statements, nothing runs them here.
#pragma once

#include <string>
#include <vector>

#include "dbmig/migration.hpp"
#include "dbmig/schema_editor.hpp"
#include "dbmig/state.hpp"

namespace dbmig {

enum class Direction { forwards, backwards };

struct PlanStep {
  const Migration* migration;
  Direction direction;
};
using MigrationPlan = std::vector<PlanStep>;

struct RenderedOperation {
  const Operation* operation;
  Statements statements;
  // Backwards, an operation that cannot be reversed has no statements; the executor refuses
  // such a plan before it runs (check_reversible), sqlmigrate marks it.
  bool irreversible = false;
};

struct RenderedStep {
  std::vector<RenderedOperation> operations;  // in the order they run
  std::vector<std::string> created_tables;    // CreateModel tables, for --fake-initial

  // Every statement, in the order they run.
  Statements statements() const;
};

// The SQL of `step` on `editor`'s database. `state`: the state without the step's migration,
// whichever the direction; it becomes the state with it. Without `with_sql` only the state is
// changed (a --fake step runs no SQL).
RenderedStep render_step(const PlanStep& step, ProjectState& state, const SchemaEditor& editor,
                         bool with_sql = true);

}  // namespace dbmig
