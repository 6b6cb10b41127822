#include "dbmig/commands/rollback.hpp"

#include <algorithm>

#include "commands/migration_context.hpp"
#include "dbmig/executor.hpp"
#include "dbmig/graph_records.hpp"

namespace dbmig {

namespace {

// The entries with records, most recent first: by batch, then by graph order within a batch
// (the order migrate applied them in). A squashed migration counts with every record it stands
// for (graph_records.hpp). Records missing on disk count as the most recent of their batch, so
// rolling them back names the missing file.
std::vector<GraphEntry> most_recent_first(const MigrationContext& context) {
  std::vector<GraphEntry> recorded;
  for (auto& entry :
       graph_entries(context.loaded.graph, context.loaded.replacements, context.records))
    if (!entry.records().empty()) recorded.push_back(std::move(entry));
  // graph_entries lists the graph's migrations in order, then those missing on disk: reversed,
  // a stable sort by batch keeps the latest of each batch first.
  std::reverse(recorded.begin(), recorded.end());
  std::stable_sort(recorded.begin(), recorded.end(),
                   [](const auto& a, const auto& b) { return a.batch() > b.batch(); });
  return recorded;
}

}  // namespace

ExitCode rollback(const GlobalOptions& global, const RollbackOptions& options, Console& console) {
  if (options.step && *options.step < 1)
    throw InputError("--step must be 1 or more, not " + std::to_string(*options.step));
  auto opened = open_migration_context(global, options.lock_timeout);
  const MigrationContext& context = opened.context;
  MigrationExecutor executor = context.executor(console);
  executor.check_checksums(options.accept_changed);
  executor.check_interrupted();
  auto entries = most_recent_first(context);
  if (entries.empty()) {
    if (console.verbosity >= 1) console.out << "No migrations to roll back.\n";
    return ExitCode::ok;
  }

  std::vector<MigrationKey> undo;
  for (const auto& entry : entries) {
    bool wanted = options.step ? static_cast<int>(undo.size()) < *options.step
                               : entry.batch() == entries.front().batch();
    if (wanted) undo.push_back(entry.key);
  }
  MigrationPlan plan = executor.plan_unapply(undo);
  executor.check_reversible(plan);
  if (console.verbosity >= 1) {
    if (options.step)
      console.out << "Rolling back the last " << undo.size() << " migration"
                  << (undo.size() == 1 ? "" : "s") << ":\n";
    else
      console.out << "Rolling back batch " << entries.front().batch() << ":\n";
  }
  executor.run(plan, {.statement_lock = options.statement_lock.over(context.config.statement_lock)},
               0);
  return ExitCode::ok;
}

}  // namespace dbmig
