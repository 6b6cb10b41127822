#include "dbmig/migration_plan.hpp"

#include <set>

#include "dbmig/graph.hpp"

namespace dbmig {

RenderedStep render_step(const PlanStep& step, ProjectState& state, const SchemaEditor& editor,
                         bool with_sql) {
  const Migration& migration = *step.migration;
  bool backwards = step.direction == Direction::backwards;
  std::set<std::string> tables_before;
  for (const auto& [key, model] : state.models) tables_before.insert(model.table);
  auto states = apply_migration(state, migration, with_sql);
  RenderedStep rendered;
  std::size_t count = migration.operations.size();
  for (std::size_t i = 0; with_sql && i < count; ++i) {
    std::size_t index = backwards ? count - 1 - i : i;
    const Operation* operation = migration.operations[index].get();
    if (backwards && !operation->reversible()) {
      rendered.operations.push_back({operation, {}, true});
      continue;
    }
    StateChange change{states[index].before, states[index].after};
    rendered.operations.push_back(
        {operation, operation_sql(migration, index, editor, change, backwards)});
  }
  // The tables the migration creates: in the state after it, not before.
  for (const auto& [key, model] : state.models)
    if (!tables_before.count(model.table)) rendered.created_tables.push_back(model.table);
  return rendered;
}

Statements RenderedStep::statements() const {
  Statements all;
  for (const auto& operation : operations)
    all.insert(all.end(), operation.statements.begin(), operation.statements.end());
  return all;
}

}  // namespace dbmig
