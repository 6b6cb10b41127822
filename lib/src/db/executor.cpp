#include "dbmig/executor.hpp"

#include <algorithm>
#include <chrono>
#include <set>

#include "core/text.hpp"
#include "db/backends/backend.hpp"
#include "db/lock_retries.hpp"
#include "dbmig/error.hpp"
#include "dbmig/graph_records.hpp"
#include "dbmig/live_schema.hpp"
#include "dbmig/migration_json.hpp"
#include "dbmig/schema_drift.hpp"

namespace dbmig {

namespace {

// Statements [begin, end) of `statements`, one numbered line each.
std::string numbered(const std::vector<std::string>& statements, std::size_t begin,
                     std::size_t end) {
  std::string text;
  for (std::size_t i = begin; i < end && i < statements.size(); ++i)
    text += "\n  " + std::to_string(i + 1) + ". " + statements[i];
  return text;
}

// What the record of an interrupted migration tells: the statements known to have completed,
// and the one that was running, which may have completed too (the server finishes a statement
// whose client was killed).
std::string interrupted_progress(const std::vector<std::string>& statements, std::size_t done,
                                 bool applying) {
  std::string total = std::to_string(statements.size());
  if (done >= statements.size())
    return "all " + total + " of its statements completed:" + numbered(statements, 0, done) +
           "\nIt stopped before it was recorded as " + (applying ? "applied" : "unapplied") + ".";
  std::string running = std::to_string(done + 1);
  return std::to_string(done) + " of its " + total + " statements completed" +
         (done == 0 ? "" : ":" + numbered(statements, 0, done)) + "\nStatement " + running +
         " was running when it stopped:" + numbered(statements, done, done + 1) +
         "\nIt may have completed: the database finishes a statement whose client was killed or "
         "lost its connection (a statement that failed with an error did not). Check in the "
         "database whether statement " +
         running + " took effect (are the tables, columns, indexes or rows it makes there?).";
}

// The tables whose model differs between the two states (added, removed or changed).
std::set<std::string> changed_tables(const ProjectState& before, const ProjectState& after) {
  std::set<std::string> tables;
  for (const auto& [key, model] : before.models)
    if (const Model* now = after.find(key); !now || !(*now == model)) tables.insert(model.table);
  for (const auto& [key, model] : after.models)
    if (const Model* was = before.find(key); !was || !(*was == model)) tables.insert(model.table);
  return tables;
}

// Rows of the integrity check, for the failure message: which table, row and parent.
std::string integrity_problems(const std::vector<std::string>& rows) {
  constexpr std::size_t kShown = 10;
  std::string text = std::to_string(rows.size()) + " row(s) break a foreign key:";
  for (std::size_t i = 0; i < rows.size() && i < kShown; ++i) text += "\n    " + rows[i];
  if (rows.size() > kShown) text += "\n    and " + std::to_string(rows.size() - kShown) + " more";
  return text +
         "\n  Delete or correct those rows (e.g. with a RunSQL at the start of the migration), "
         "then run it again.";
}

std::string elapsed_ms(std::chrono::steady_clock::time_point start) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  start)
                .count();
  return std::to_string(ms) + " ms";
}

// A lock timeout inside a migration's transaction, carried out of it (rolled back) so that the
// migration runs again whole.
class TransactionLockTimeout : public LockTimeoutError {
 public:
  TransactionLockTimeout(const std::string& message, std::string sql)
      : LockTimeoutError(message), sql(std::move(sql)) {}
  std::string sql;
};

// What runs again after a lock timeout outside a transaction, for the retry's warning.
std::string retried_unit(const RenderedOperation& operation, std::size_t operation_index,
                         bool from_first_statement) {
  if (!from_first_statement) return "the statement";
  return "operation " + std::to_string(operation_index + 1) + " (" +
         operation.operation->describe() + ") from its first statement";
}

}  // namespace

bool is_initial(const Migration& migration) {
  return std::none_of(
      migration.dependencies.begin(), migration.dependencies.end(),
      [&](const MigrationKey& dependency) { return dependency.app == migration.app; });
}

MigrationExecutor::MigrationExecutor(Connection& connection, const ProjectConfig& config,
                                     const MigrationGraph& graph,
                                     std::map<MigrationKey, std::vector<MigrationKey>> replacements,
                                     std::vector<MigrationRecord> records, Console& console)
    : connection_(connection),
      config_(config),
      graph_(graph),
      replacements_(std::move(replacements)),
      recorder_(connection),
      console_(console) {
  for (auto& record : records) records_[record.key] = std::move(record);
}

bool MigrationExecutor::is_applied(const MigrationKey& key) const {
  if (auto it = records_.find(key); it != records_.end()) return !it->second.interrupted();
  auto squashed = replacements_.find(key);
  return squashed != replacements_.end() &&
         std::all_of(squashed->second.begin(), squashed->second.end(),
                     [&](const MigrationKey& replaced) { return is_applied(replaced); });
}

bool MigrationExecutor::has_record(const MigrationKey& key) const {
  return records_.count(key) > 0 || is_applied(key);
}

// --- planning ---

MigrationPlan MigrationExecutor::plan_all() const {
  MigrationPlan plan;
  for (const auto* migration : graph_.order())
    if (!is_applied(migration->key())) plan.push_back({migration, Direction::forwards});
  return plan;
}

MigrationPlan MigrationExecutor::backwards_steps(const std::vector<MigrationKey>& roots) const {
  std::set<MigrationKey> undo;
  for (const auto& root : roots)
    for (const auto* migration : graph_.backwards_plan(root)) undo.insert(migration->key());
  MigrationPlan plan;
  const auto& order = graph_.order();
  for (auto it = order.rbegin(); it != order.rend(); ++it)
    if (undo.count((*it)->key()) && has_record((*it)->key()))
      plan.push_back({*it, Direction::backwards});
  return plan;
}

MigrationPlan MigrationExecutor::plan_to(const MigrationKey& target) const {
  graph_.get(target);  // names the migration when it does not exist
  MigrationPlan plan;
  if (!is_applied(target)) {
    for (const auto* migration : graph_.forwards_plan(target))
      if (!is_applied(migration->key())) plan.push_back({migration, Direction::forwards});
    return plan;
  }
  // Backwards: the migrations of its app that follow it, and everything depending on them.
  std::vector<MigrationKey> later_in_app;
  for (const auto* migration : graph_.app_migrations(target.app))
    if (std::count(migration->dependencies.begin(), migration->dependencies.end(), target))
      later_in_app.push_back(migration->key());
  return backwards_steps(later_in_app);
}

MigrationPlan MigrationExecutor::plan_zero(const std::string& app) const {
  std::vector<MigrationKey> all_of_app;
  for (const auto* migration : graph_.app_migrations(app)) all_of_app.push_back(migration->key());
  if (all_of_app.empty())
    throw InputError("app '" + app + "' has no migrations in " +
                     migration_file(config_, {app, "*"}));
  return backwards_steps(all_of_app);
}

MigrationPlan MigrationExecutor::plan_unapply(const std::vector<MigrationKey>& keys) const {
  std::set<MigrationKey> wanted(keys.begin(), keys.end());
  for (const auto& key : keys)
    if (!graph_.find(key))
      throw InputError("cannot unapply " + key.str() + ": it is recorded as applied but " +
                       migration_file(config_, key) +
                       " is missing; restore the file from version control");
  MigrationPlan plan;
  const auto& order = graph_.order();
  for (auto it = order.rbegin(); it != order.rend(); ++it)
    if (wanted.count((*it)->key())) plan.push_back({*it, Direction::backwards});
  return plan;
}

// --- checks before anything runs ---

void MigrationExecutor::check_checksums(bool accept) {
  for (auto& [key, record] : records_) {
    const Migration* migration = graph_.find(key);
    if (!migration) continue;
    std::string checksum = migration_checksum(*migration);
    if (checksum == record.checksum) continue;
    if (!accept)
      throw InputError(migration_file(config_, key) + " was edited after " + key.str() +
                       " was applied (checksum " + record.checksum + ", now " + checksum +
                       "); the database does not have the edited operations. Restore the file, "
                       "or put the change in a new migration, or run again with "
                       "--accept-changed if the database already matches the edited file");
    recorder_.update_checksum(key, checksum);
    record.checksum = checksum;
    if (console_.verbosity >= 1)
      console_.out << "Accepted the edited " << migration_file(config_, key) << "\n";
  }
}

void MigrationExecutor::check_interrupted(const MigrationPlan& plan) const {
  for (const auto& [key, record] : records_) {
    if (!record.interrupted()) continue;
    bool plan_applies = std::any_of(plan.begin(), plan.end(), [&](const PlanStep& step) {
      return step.migration->key() == key && step.direction == Direction::forwards;
    });
    const Migration* migration = graph_.find(key);
    bool applying = record.state == RecordState::applying;
    std::string what = key.str() + " was interrupted while being " +
                       (applying ? "applied" : "unapplied") +
                       " outside a transaction (the database commits DDL at once, or the "
                       "migration is not atomic)";
    if (!migration)
      throw DatabaseError(what + ", and " + migration_file(config_, key) +
                          " is missing; restore it from version control");
    ProjectState state = applied_state({key});
    RenderedStep rendered =
        render({migration, applying ? Direction::forwards : Direction::backwards}, state);
    bool resumable = resume_statement(record, rendered).has_value();
    if (plan_applies && resumable) continue;  // the plan resumes it
    auto statements = rendered.statements();
    std::string previous = "zero";
    for (const auto& dependency : migration->dependencies)
      if (dependency.app == key.app) previous = dependency.name;
    throw DatabaseError(
        what + "; " +
        interrupted_progress(statements, static_cast<std::size_t>(record.statements_done),
                             applying) +
        "\nFinish the migration by hand (the statements not in effect) and run `dbmig migrate " +
        key.app + " " + (applying ? key.name : previous) +
        " --fake`, or undo the statements in effect and run `dbmig migrate " + key.app + " " +
        (applying ? previous : key.name) + " --fake`." +
        (resumable ? "\nOr run `dbmig migrate " + key.app + " " + key.name +
                         "`: it resumes the interrupted online operation from its first "
                         "statement."
                   : ""));
  }
}

void MigrationExecutor::check_reversible(const MigrationPlan& plan) const {
  for (const auto& step : plan) {
    if (step.direction != Direction::backwards) continue;
    const auto& operations = step.migration->operations;
    for (std::size_t i = 0; i < operations.size(); ++i)
      if (!operations[i]->reversible())
        throw InputError("cannot unapply " + step.migration->key().str() + " (" +
                         migration_file(config_, step.migration->key()) + "): operation " +
                         std::to_string(i + 1) + " (" + operations[i]->describe() +
                         ") cannot be reversed; nothing was changed. Give it a reverse (e.g. "
                         "\"reverse_sql\" for RunSQL) to make it reversible");
  }
}

// --- resuming an interrupted online operation ---

namespace {

// The retry unit of a step run outside a transaction (docs/online-schema-changes.md
// "Interruptions"): where it runs again after statement `statement` (0-based) failed or was
// interrupted. An online operation's statements run again from its first with the same result
// however far an earlier attempt got, so: its first statement; nullopt for a statement of any
// other operation, whose effect this cannot tell.
std::optional<std::size_t> restart_statement(const RenderedStep& rendered, std::size_t statement) {
  std::size_t first = 0;
  for (const auto& operation : rendered.operations) {
    std::size_t end = first + operation.statements.size();
    if (statement < end)
      return operation.operation->options.online ? std::optional(first) : std::nullopt;
    first = end;
  }
  return std::nullopt;
}

}  // namespace

// A forwards migration interrupted in an online operation resumes at the operation's first
// statement (the statements before it are in effect), where the dialect's online forms rerun;
// interrupted in any other operation, where the tables show how far the operation got.
std::optional<std::size_t> MigrationExecutor::resume_statement(const MigrationRecord& record,
                                                               const RenderedStep& rendered) const {
  if (record.state != RecordState::applying) return std::nullopt;
  auto running = static_cast<std::size_t>(record.statements_done);
  if (online_forms_rerun())
    if (auto restart = restart_statement(rendered, running)) return restart;
  return resume_by_catalog(record.key, rendered, running);
}

// The statement `running` (0-based) of an operation that changes tables was interrupted: the
// statements before it are in effect, it may be too (docs/databases.md "Galera cluster"). When
// the live tables the operation changes are exactly as before the operation and `running` is
// its first statement, the migration resumes there; exactly as after it and `running` is its
// last, after it. Anything else (both or neither, a statement in the middle, an operation
// whose effect the tables do not show, like RunSQL) is left to the user.
std::optional<std::size_t> MigrationExecutor::resume_by_catalog(const MigrationKey& key,
                                                                const RenderedStep& rendered,
                                                                std::size_t running) const {
  const Migration* migration = graph_.find(key);
  if (!migration) return std::nullopt;
  ProjectState state = applied_state({key});
  auto states = apply_migration(state, *migration);
  std::size_t first = 0;
  for (std::size_t o = 0; o < rendered.operations.size(); ++o) {
    std::size_t end = first + rendered.operations[o].statements.size();
    if (running < end) {
      const auto& [before, after] = states[o];
      std::set<std::string> tables = changed_tables(before, after);
      if (tables.empty()) return std::nullopt;
      LiveSchema live = read_live_schema(connection_);
      auto matches = [&](const ProjectState& expected) {
        return differences_in(schema_differences(expected, live, connection_.dialect()), tables)
            .empty();
      };
      bool as_before = matches(before), as_after = matches(after);
      if (as_before && !as_after && running == first) return first;
      if (as_after && !as_before && running + 1 == end) return end;
      return std::nullopt;
    }
    first = end;
  }
  return std::nullopt;
}

bool MigrationExecutor::online_forms_rerun() const {
  return make_schema_editor(connection_.dialect())->online_forms_rerunnable();
}

// Statement `statement` of a step outside a transaction timed out waiting for a lock, so it did
// not take effect: it runs again by itself, or from its operation's first statement when that is
// an online operation whose form reruns (PostgreSQL's CREATE INDEX CONCURRENTLY leaves an
// INVALID index behind that the form's first statement drops). An atomic migration is retried
// whole instead (execute_retrying).
std::size_t MigrationExecutor::retry_statement(const RenderedStep& rendered,
                                               std::size_t statement) const {
  if (!online_forms_rerun()) return statement;
  return restart_statement(rendered, statement).value_or(statement);
}

// The statements of an interrupted step already in effect when it resumes, with a line saying
// where it resumes; nullopt when the step does not resume.
std::optional<Statements> MigrationExecutor::resumed_statements(
    const PlanStep& step, const RenderedStep& rendered) const {
  auto found = records_.find(step.migration->key());
  if (step.direction != Direction::forwards || found == records_.end()) return std::nullopt;
  auto resume = resume_statement(found->second, rendered);
  if (!resume) return std::nullopt;
  Statements all = rendered.statements();
  auto running = static_cast<std::size_t>(found->second.statements_done);
  if (*resume > running) {
    console_.out << "\n    Statement " << running + 1 << " of " << all.size()
                 << ", running when the migration was interrupted, completed (the tables show "
                    "it):"
                 << numbered(all, running, running + 1) << "\n    Resuming after it\n  "
                 << std::flush;
  } else {
    std::size_t operation = 0;
    for (std::size_t first = 0; first < *resume; ++operation)
      first += rendered.operations[operation].statements.size();
    while (rendered.operations[operation].statements.empty()) ++operation;
    console_.out << "\n    Resuming the interrupted "
                 << (rendered.operations[operation].operation->options.online ? "online " : "")
                 << "operation " << operation + 1 << " ("
                 << rendered.operations[operation].operation->describe() << ") from statement "
                 << *resume + 1 << " of " << all.size() << ":"
                 << numbered(all, *resume, *resume + 1) << "\n  " << std::flush;
  }
  return Statements(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(*resume));
}

// --- state and SQL ---

ProjectState MigrationExecutor::applied_state(const std::set<MigrationKey>& except) const {
  std::vector<const Migration*> applied;
  for (const auto* migration : graph_.order())
    if (is_applied(migration->key()) && !except.count(migration->key()))
      applied.push_back(migration);
  return replay(applied);
}

RenderedStep MigrationExecutor::render(const PlanStep& step, ProjectState& state,
                                       bool with_sql) const {
  return render_step(step, state, *make_schema_editor(connection_.dialect()), with_sql);
}

// --- running ---

void MigrationExecutor::print_plan(const MigrationPlan& plan) const {
  console_.out << "Planned operations:\n";
  if (plan.empty()) console_.out << "  No planned migration operations.\n";
  for (const auto& step : plan) {
    console_.out << step.migration->key().str() << "\n";
    for (const auto& operation : step.migration->operations) {
      bool backwards = step.direction == Direction::backwards;
      console_.out << "    " << (backwards ? "Undo " : "") << operation->describe()
                   << (backwards && !operation->reversible() ? " -> IRREVERSIBLE" : "") << "\n";
    }
  }
}

// Every step is rendered before the first one runs, so SQL that cannot be rendered (a RunSQL
// string that cannot be split into statements) stops the run before it changes anything.
// Forwards, each step renders on the state its predecessors leave; backwards, on the applied
// state without it and the steps undone before it.
std::vector<RenderedStep> MigrationExecutor::render_plan(
    const MigrationPlan& plan, bool with_sql,
    const std::function<void(const ProjectState&, const ProjectState&)>& visit) const {
  std::vector<RenderedStep> rendered;
  ProjectState state = applied_state();
  std::set<MigrationKey> undone;
  for (const auto& step : plan) {
    ProjectState before = state;
    if (step.direction == Direction::forwards) {
      rendered.push_back(render(step, state, with_sql));
    } else {
      undone.insert(step.migration->key());
      state = applied_state(undone);
      ProjectState without = state;
      rendered.push_back(render(step, without, with_sql));
    }
    if (visit) visit(before, state);
  }
  return rendered;
}

std::set<std::string> MigrationExecutor::tables_changed_by(const MigrationPlan& plan) const {
  std::set<std::string> tables;
  auto changed = [&](const ProjectState& before, const ProjectState& after) {
    tables.merge(changed_tables(before, after));
  };
  render_plan(plan, false, changed);
  return tables;
}

// The commands check reversibility before they print anything; checked here too, because a
// rendered irreversible operation has no statements to run.
void MigrationExecutor::run(const MigrationPlan& plan, const ExecutionOptions& options, int batch) {
  check_reversible(plan);
  auto rendered = render_plan(plan, !options.fake);
  // Each transaction sets its own (begin_transaction); the session's setting is for the
  // statements outside one, and left alone without them: behind a transaction pooler it would
  // stay on a server connection other clients get next (docs/databases.md "Behind a
  // connection pooler (PgBouncer)").
  bool outside_transaction = std::any_of(plan.begin(), plan.end(), [&](const PlanStep& step) {
    return !runs_in_transaction(*step.migration);
  });
  if (!options.fake && outside_transaction) set_statement_lock_timeout(options.statement_lock);
  for (std::size_t i = 0; i < plan.size(); ++i) run_step(plan[i], rendered[i], options, batch);
}

void MigrationExecutor::set_statement_lock_timeout(const StatementLockTimeout& lock) {
  if (!lock.enabled()) return;
  for (const auto& sql :
       backend_for(connection_.dialect()).statement_lock_timeout_setup(lock.timeout))
    connection_.execute(sql);
}

bool MigrationExecutor::runs_in_transaction(const Migration& migration) const {
  return migration.atomic && make_schema_editor(connection_.dialect())->transactional_ddl();
}

void MigrationExecutor::begin_transaction(const StatementLockTimeout& lock) {
  connection_.begin();
  if (!lock.enabled()) return;
  for (const auto& sql :
       backend_for(connection_.dialect()).transaction_lock_timeout_setup(lock.timeout))
    connection_.execute(sql);
}

// An atomic migration whose statement timed out waiting for a lock was rolled back: it runs
// again whole after the backoff, until its attempts run out.
void MigrationExecutor::execute_retrying(const PlanStep& step, const RenderedStep& rendered,
                                         int batch, const StatementLockTimeout& lock) {
  LockRetries retries(lock, console_.err);
  for (;;) {
    try {
      execute(step, rendered, batch, retries);
      return;
    } catch (const TransactionLockTimeout& timeout) {
      if (!retries.can_retry()) throw LockTimeoutError(gave_up_waiting(timeout.what(), retries));
      retries.wait_before_retry(step.migration->key().str(), timeout.sql,
                                "the whole migration (rolled back)");
    }
  }
}

// The failure message of a statement whose last attempt timed out, with what to do.
std::string MigrationExecutor::gave_up_waiting(const std::string& failure,
                                               const LockRetries& retries) const {
  return failure + "\n" + retries.gave_up() + "\n" +
         backend_for(connection_.dialect()).find_blocking_transactions();
}

void MigrationExecutor::run_step(const PlanStep& step, const RenderedStep& rendered,
                                 const ExecutionOptions& options, int batch) {
  const MigrationKey key = step.migration->key();
  bool forwards = step.direction == Direction::forwards;
  if (console_.verbosity >= 1)
    console_.out << "  " << (forwards ? "Applying " : "Unapplying ") << key.str() << "..."
                 << std::flush;
  auto start = std::chrono::steady_clock::now();
  bool faked = options.fake || (forwards && options.fake_initial && is_initial(*step.migration) &&
                                tables_exist_for_fake_initial(step, rendered));
  try {
    if (faked)
      record(step, batch);
    else
      execute_retrying(step, rendered, batch, options.statement_lock);
  } catch (const Error&) {
    if (console_.verbosity >= 1) console_.out << " FAILED\n" << std::flush;
    throw;
  }
  if (console_.verbosity >= 1)
    console_.out << (faked ? " FAKED" : " OK (" + elapsed_ms(start) + ")") << "\n" << std::flush;
}

bool MigrationExecutor::tables_exist_for_fake_initial(const PlanStep& step,
                                                      const RenderedStep& rendered) {
  std::vector<std::string> existing, missing;
  for (const auto& table : rendered.created_tables)
    (connection_.has_table(table) ? existing : missing).push_back(table);
  if (existing.empty() || rendered.created_tables.empty()) return false;
  if (missing.empty()) return true;
  throw DatabaseError("--fake-initial: " + step.migration->key().str() + " creates tables " +
                      join(existing) + " (which exist) and " + join(missing) +
                      " (which do not); nothing was changed. Create or drop tables so that "
                      "either all or none of them exist, then run again");
}

void MigrationExecutor::record_squashes() {
  std::vector<MigrationRecord> records;
  for (const auto& [key, record] : records_) records.push_back(record);
  for (const auto& entry : graph_entries(graph_, replacements_, records)) {
    if (entry.own || entry.replaces == 0 || !entry.applied()) continue;
    int batch = entry.batch();
    connection_.begin();
    try {
      recorder_.record_applied(*entry.migration, batch);
      for (const auto* replaced : entry.replaced) recorder_.remove(replaced->key);
      connection_.commit();
    } catch (...) {
      connection_.rollback();
      throw;
    }
    for (const auto* replaced : entry.replaced) records_.erase(replaced->key);
    records_[entry.key] = {
        entry.key, "", batch, migration_checksum(*entry.migration), RecordState::applied, 0};
    if (console_.verbosity >= 1)
      console_.out << "  Recorded " << entry.key.str() << " as applied in place of the "
                   << entry.replaces << " migrations it replaces\n";
  }
}

// The record that a step completed, as it changes the recorder table and our view of it.
void MigrationExecutor::record(const PlanStep& step, int batch) {
  const Migration& migration = *step.migration;
  auto existing = records_.find(migration.key());
  if (step.direction == Direction::backwards) {
    // A squashed migration takes the records of the migrations it replaced with it.
    std::vector<MigrationKey> forget{migration.key()};
    if (auto squashed = replacements_.find(migration.key()); squashed != replacements_.end())
      forget.insert(forget.end(), squashed->second.begin(), squashed->second.end());
    for (const auto& key : forget)
      if (records_.count(key)) {
        recorder_.remove(key);
        records_.erase(key);
      }
  } else if (existing != records_.end()) {  // an interrupted run, resolved
    recorder_.mark_applied(migration.key());
    existing->second.state = RecordState::applied;
  } else {
    recorder_.record_applied(migration, batch);
    records_[migration.key()] = {migration.key(),      "", batch, migration_checksum(migration),
                                 RecordState::applied, 0};
  }
}

// A step that runs outside a transaction is recorded before its first statement, so a failure
// or a crash leaves a record of how far it got.
void MigrationExecutor::mark_started(const PlanStep& step, int batch) {
  const Migration& migration = *step.migration;
  bool forwards = step.direction == Direction::forwards;
  RecordState state = forwards ? RecordState::applying : RecordState::unapplying;
  recorder_.record_started(migration, batch, state);
  if (forwards) {
    records_[migration.key()] = {migration.key(), "", batch, migration_checksum(migration),
                                 state,           0};
  } else {
    records_[migration.key()].state = state;
    records_[migration.key()].statements_done = 0;
  }
}

// Undoes mark_started when nothing of the step took effect: a migration of which nothing ran is
// simply not applied (or, backwards, still applied). False when the record cannot be changed
// (the connection broke), so it stays interrupted.
bool MigrationExecutor::forget_started(const PlanStep& step) {
  const MigrationKey key = step.migration->key();
  try {
    if (step.direction == Direction::forwards) {
      recorder_.remove(key);
      records_.erase(key);
    } else {
      recorder_.mark_applied(key);
      records_[key].state = RecordState::applied;
    }
    return true;
  } catch (const DatabaseError&) {
    return false;
  }
}

// How a failed step left the database and its record, for the end of the failure message.
std::string MigrationExecutor::failure_outcome(const PlanStep& step, bool atomic,
                                               const std::vector<std::string>& ran) {
  if (atomic)
    return step.direction == Direction::forwards
               ? "It was rolled back and is not recorded; the migrations before it stay applied."
               : "It was rolled back, so it stays applied.";
  if (ran.empty() && forget_started(step))
    return step.direction == Direction::forwards
               ? "It ran outside a transaction, but nothing of it took effect, so it is not "
                 "recorded: the database is as before it."
               : "It ran outside a transaction, but nothing of it was undone, so it stays "
                 "applied.";
  return "It ran outside a transaction, so " + std::to_string(ran.size()) +
         " statement(s) before the failing one stay in effect:" + numbered(ran, 0, ran.size()) +
         "\nIt is recorded as interrupted; the next migrate says how to resolve it.";
}

void MigrationExecutor::execute(const PlanStep& step, const RenderedStep& rendered, int batch,
                                LockRetries& retries) {
  const Migration& migration = *step.migration;
  auto editor = make_schema_editor(connection_.dialect());
  bool atomic = runs_in_transaction(migration);
  auto resumed = resumed_statements(step, rendered);
  std::vector<std::string> ran = resumed.value_or(Statements{});
  std::size_t skip = ran.size();
  auto failure = [&](const std::string& operation, const std::string& sql,
                     const std::string& message) {
    return "migration " + migration.key().str() + " (" + migration_file(config_, migration.key()) +
           ") failed\n  operation: " + operation + "\n  SQL: " + sql + "\n  database: " + message +
           "\n" + failure_outcome(step, atomic, ran);
  };

  for (const auto& sql : editor->before_migration(rendered.statements())) connection_.execute(sql);
  try {
    if (atomic)
      begin_transaction(retries.policy());
    else if (!resumed)
      mark_started(step, batch);
    std::size_t first = 0;  // the index in the step of operation o's first statement
    for (std::size_t o = 0; o < rendered.operations.size(); ++o) {
      const RenderedOperation& operation = rendered.operations[o];
      for (std::size_t i = 0; i < operation.statements.size();) {
        const std::string& sql = operation.statements[i];
        if (first + i < skip) {  // in effect: resumed after them
          ++i;
          continue;
        }
        try {
          connection_.execute(sql);
        } catch (const LockTimeoutError& e) {
          std::string describe = operation.operation->describe();
          if (atomic) throw TransactionLockTimeout(failure(describe, sql, e.what()), sql);
          if (!retries.can_retry())
            throw LockTimeoutError(gave_up_waiting(failure(describe, sql, e.what()), retries));
          std::size_t restart = retry_statement(rendered, first + i);
          retries.wait_before_retry(migration.key().str(), sql,
                                    retried_unit(operation, o, restart < first + i));
          i = restart - first;
          ran.resize(restart);
          continue;
        } catch (const DatabaseError& e) {
          throw DatabaseError(failure(operation.operation->describe(), sql, e.what()));
        }
        ran.push_back(sql);
        if (!atomic) recorder_.record_progress(migration.key(), static_cast<int>(ran.size()));
        if (!atomic && !operation.operation->options.online) retries.reset();
        ++i;
      }
      if (!atomic) retries.reset();
      first += operation.statements.size();
    }
    if (auto check = editor->integrity_check()) {
      auto problems = connection_.rows_as_text(*check);
      if (!problems.empty())
        throw DatabaseError(failure("integrity check after the last operation", *check,
                                    integrity_problems(problems)));
    }
    record(step, batch);
    if (atomic) {
      try {
        connection_.commit();
      } catch (const DatabaseError& e) {
        throw DatabaseError(failure("the commit after the last operation", "COMMIT", e.what()));
      }
    }
  } catch (...) {
    if (atomic) {
      try {
        connection_.rollback();
      } catch (const std::exception&) {
        // The connection broke; the server rolls the transaction back itself.
      }
    }
    for (const auto& sql : editor->after_migration()) {
      try {
        connection_.execute(sql);
      } catch (const std::exception&) {
        // Report the migration's own error, not this follow-up.
      }
    }
    throw;
  }
  for (const auto& sql : editor->after_migration()) connection_.execute(sql);
}

}  // namespace dbmig
