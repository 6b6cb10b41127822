// Plans and runs migrations against one database, like Django's MigrationExecutor: which
// migrations to apply or unapply for a target, then each one framed by its SchemaEditor
// (before_migration outside the transaction; BEGIN where DDL is transactional; the statements
// of every operation; the integrity check; the record; COMMIT; after_migration).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "dbmig/connection.hpp"
#include "dbmig/console.hpp"
#include "dbmig/graph.hpp"
#include "dbmig/migration.hpp"
#include "dbmig/migration_plan.hpp"
#include "dbmig/project_config.hpp"
#include "dbmig/recorder.hpp"
#include "dbmig/statement_lock_timeout.hpp"

namespace dbmig {

struct ExecutionOptions {
  bool fake = false;          // record (or forget) without running any SQL
  bool fake_initial = false;  // fake an initial migration whose tables all exist already
  StatementLockTimeout statement_lock{};  // each statement's wait for a lock, and the retries
};

class LockRetries;

// A migration is initial when it depends on no migration of its own app.
bool is_initial(const Migration& migration);

class MigrationExecutor {
 public:
  // `graph`: the migrations on disk with squashes resolved (load_migration_graph), whose
  // `replacements` are given too; `records`: what dbmig_migrations holds.
  MigrationExecutor(Connection& connection, const ProjectConfig& config,
                    const MigrationGraph& graph,
                    std::map<MigrationKey, std::vector<MigrationKey>> replacements,
                    std::vector<MigrationRecord> records, Console& console);

  // Every migration not yet applied, in graph order.
  MigrationPlan plan_all() const;
  // Forwards to `target` (it and its dependencies) when it is not applied; else backwards to
  // it: every applied migration after it in its app, and their dependents in any app, first.
  MigrationPlan plan_to(const MigrationKey& target) const;
  // Unapplies every migration of `app` and everything that depends on them.
  MigrationPlan plan_zero(const std::string& app) const;
  // Unapplies exactly `keys` (each must be applied and on disk), dependents first.
  MigrationPlan plan_unapply(const std::vector<MigrationKey>& keys) const;

  // Throws InputError naming the file when an applied migration was edited since (its
  // checksum differs), unless `accept` is set, which records the new checksums instead.
  void check_checksums(bool accept);
  // Throws DatabaseError when a migration that ran outside a transaction was interrupted,
  // saying which statements ran and how to resolve it. --fake runs resolve them, so skip it.
  // Not when `plan` applies it and it stopped in an online operation: the run resumes it
  // (docs/online-schema-changes.md "Interruptions").
  void check_interrupted(const MigrationPlan& plan = {}) const;
  // Throws InputError naming the migration and operation when a backwards step cannot be
  // reversed; run before anything touches the database.
  void check_reversible(const MigrationPlan& plan) const;

  // Runs the plan, recording forwards steps in `batch`. Prints one line per migration.
  void run(const MigrationPlan& plan, const ExecutionOptions& options, int batch);

  // Django's check_replacements, run by migrate: a squashed migration in use whose replaced
  // migrations are all applied but which has no record of its own is recorded, in one
  // transaction, in place of their records (in their highest batch), so that it stays applied
  // once the replaced files and its `replaces` are gone. Prints one line per squash.
  void record_squashes();

  // The operations of a plan, one line each (`--plan`).
  void print_plan(const MigrationPlan& plan) const;

  // Applied: recorded and complete, or squashed and everything it replaces is applied.
  bool is_applied(const MigrationKey& key) const;
  // The state of the applied migrations, without those of `except`: what the database should
  // hold (`dbmig check`).
  ProjectState applied_state(const std::set<MigrationKey>& except = {}) const;
  // The tables whose models the plan changes, under their names before and after it (a table
  // the plan creates too): where a drift would meet the plan's SQL.
  std::set<std::string> tables_changed_by(const MigrationPlan& plan) const;

 private:
  // render_step on this database's dialect.
  RenderedStep render(const PlanStep& step, ProjectState& state, bool with_sql = true) const;
  // Each step rendered on the state before it; `visit` (when given) sees the states before and
  // after each step.
  std::vector<RenderedStep> render_plan(
      const MigrationPlan& plan, bool with_sql,
      const std::function<void(const ProjectState&, const ProjectState&)>& visit = {}) const;
  bool has_record(const MigrationKey& key) const;
  MigrationPlan backwards_steps(const std::vector<MigrationKey>& roots) const;
  void run_step(const PlanStep& step, const RenderedStep& rendered, const ExecutionOptions& options,
                int batch);
  void execute(const PlanStep& step, const RenderedStep& rendered, int batch, LockRetries& retries);
  // Lock timeouts (docs/databases.md "Lock timeout"): the session's setting, and execute
  // retried whole while an atomic migration's statement times out.
  void set_statement_lock_timeout(const StatementLockTimeout& lock);
  // BEGIN, and the statement lock timeout for the transaction (it holds behind a pooler).
  void begin_transaction(const StatementLockTimeout& lock);
  // Whether `migration` runs in a transaction of its own (docs/databases.md "Atomicity").
  bool runs_in_transaction(const Migration& migration) const;
  void execute_retrying(const PlanStep& step, const RenderedStep& rendered, int batch,
                        const StatementLockTimeout& lock);
  std::string gave_up_waiting(const std::string& failure, const LockRetries& retries) const;
  void record(const PlanStep& step, int batch);
  void mark_started(const PlanStep& step, int batch);
  bool forget_started(const PlanStep& step);
  std::string failure_outcome(const PlanStep& step, bool atomic,
                              const std::vector<std::string>& ran);
  bool tables_exist_for_fake_initial(const PlanStep& step, const RenderedStep& rendered);
  // Whether this database's online forms run again from their first statement.
  bool online_forms_rerun() const;
  // Where a step outside a transaction runs again after `statement` timed out on a lock.
  std::size_t retry_statement(const RenderedStep& rendered, std::size_t statement) const;
  // Where an interrupted forwards step resumes: the first statement of the online operation
  // that was running, or where the live tables show the running operation got to; nullopt
  // when it must be resolved by hand (check_interrupted).
  std::optional<std::size_t> resume_statement(const MigrationRecord& record,
                                              const RenderedStep& rendered) const;
  std::optional<std::size_t> resume_by_catalog(const MigrationKey& key,
                                               const RenderedStep& rendered,
                                               std::size_t running) const;
  std::optional<Statements> resumed_statements(const PlanStep& step,
                                               const RenderedStep& rendered) const;

  Connection& connection_;
  const ProjectConfig& config_;
  const MigrationGraph& graph_;
  std::map<MigrationKey, std::vector<MigrationKey>> replacements_;
  std::map<MigrationKey, MigrationRecord> records_;
  MigrationRecorder recorder_;
  Console& console_;
};

}  // namespace dbmig
