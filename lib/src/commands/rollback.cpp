#include "dbmig/commands/rollback.hpp"

#include <algorithm>
#include <map>

#include "commands/migration_context.hpp"
#include "dbmig/executor.hpp"

namespace dbmig {

namespace {

// The applied migrations, most recent first: by batch, then by graph order within a batch
// (the order migrate applied them in). Records missing on disk count as the most recent of
// their batch, so rolling them back names the missing file.
std::vector<MigrationRecord> most_recent_first(std::vector<MigrationRecord> records,
                                               const MigrationGraph& graph) {
  std::map<MigrationKey, std::size_t> position;
  for (const auto* migration : graph.order()) position[migration->key()] = position.size();
  auto position_of = [&](const MigrationKey& key) {
    auto it = position.find(key);
    return it == position.end() ? position.size() : it->second;
  };
  std::sort(records.begin(), records.end(), [&](const auto& a, const auto& b) {
    if (a.batch != b.batch) return a.batch > b.batch;
    return position_of(a.key) > position_of(b.key);
  });
  return records;
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
  auto records = most_recent_first(context.records, context.loaded.graph);
  if (records.empty()) {
    if (console.verbosity >= 1) console.out << "No migrations to roll back.\n";
    return ExitCode::ok;
  }

  std::vector<MigrationKey> undo;
  for (const auto& record : records) {
    bool wanted = options.step ? static_cast<int>(undo.size()) < *options.step
                               : record.batch == records.front().batch;
    if (wanted) undo.push_back(record.key);
  }
  MigrationPlan plan = executor.plan_unapply(undo);
  executor.check_reversible(plan);
  if (console.verbosity >= 1) {
    if (options.step)
      console.out << "Rolling back the last " << undo.size() << " migration"
                  << (undo.size() == 1 ? "" : "s") << ":\n";
    else
      console.out << "Rolling back batch " << records.front().batch << ":\n";
  }
  executor.run(plan, {.statement_lock = options.statement_lock.over(context.config.statement_lock)},
               0);
  return ExitCode::ok;
}

}  // namespace dbmig
