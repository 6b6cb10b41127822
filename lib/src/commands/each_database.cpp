#include "commands/each_database.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "db/client_libraries.hpp"
#include "dbmig/connection.hpp"

namespace dbmig {

namespace {

constexpr const char* kAll = "all";

// A database as the user named it, and as the output names it.
struct NamedDatabase {
  std::string requested;  // the alias or URL, for the run
  std::string shown;      // the alias, or the URL redacted
};

std::vector<NamedDatabase> every_alias(const ProjectConfig& config) {
  if (config.databases.empty())
    throw InputError(
        "--database all stands for every alias of dbmig.json's \"databases\", and it defines "
        "none; add them there, or give each database with --database");
  std::vector<NamedDatabase> named;
  for (const auto& [alias, url] : config.databases) named.push_back({alias, alias});
  return named;
}

// Every database named, checked before any is touched: each resolves (an alias that exists, a
// well-formed URL) and none comes twice, as two runs on one database would wait for each
// other's migration lock.
std::vector<NamedDatabase> databases_named(const GlobalOptions& global,
                                           const ProjectConfig& config) {
  bool all =
      std::find(global.databases.begin(), global.databases.end(), kAll) != global.databases.end();
  if (all && global.databases.size() > 1)
    throw InputError("--database all stands for every alias of dbmig.json; give it alone");
  std::vector<NamedDatabase> named;
  if (all) named = every_alias(config);
  for (const auto& requested : all ? std::vector<std::string>{} : global.databases)
    named.push_back({requested, config.databases.count(requested)
                                    ? requested
                                    : resolve_database_url(requested, config).redacted()});
  std::map<std::string, std::string> seen;  // the URL redacted -> how it was named
  for (const auto& database : named) {
    std::string url = resolve_database_url(database.requested, config).redacted();
    auto [earlier, added] = seen.emplace(url, database.shown);
    if (!added)
      throw InputError("--database names " + url + " twice (" + earlier->second + ", " +
                       database.shown + "); give each database once");
  }
  return named;
}

// One database's run, as it goes and when done.
struct Outcome {
  std::ostringstream out;
  std::ostringstream err;
  DatabaseRun run;
  std::chrono::milliseconds time{0};
  bool done = false;
};

// Runs `run` on one database, turning an error into its exit code and message (a failed
// database never stops the others).
void run_one(const GlobalOptions& global, const NamedDatabase& database, int verbosity,
             const RunOnDatabase& run, Outcome& outcome) {
  Console console{outcome.out, outcome.err, std::cin, false, verbosity};
  GlobalOptions one = global;
  one.database = database.requested;
  one.databases = {};
  auto start = std::chrono::steady_clock::now();
  try {
    outcome.run = run(one, console);
  } catch (const InternalError& e) {
    outcome.err << "error: " << database.shown
                << ": internal error (a bug in dbmig, not in your project): " << e.what()
                << "\nPlease report it to the dbmig maintainers with the command you ran.\n";
    outcome.run = {ExitCode::internal_error, std::nullopt};
  } catch (const Error& e) {
    outcome.err << "error: " << database.shown << ": " << e.what() << "\n";
    outcome.run = {e.code(), std::nullopt};
  } catch (const std::exception& e) {
    outcome.err << "error: " << database.shown
                << ": internal error (a bug in dbmig, not in your project): " << e.what() << "\n";
    outcome.run = {ExitCode::internal_error, std::nullopt};
  }
  outcome.time = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
}

std::string padded(const std::string& text, std::size_t width) {
  return text + std::string(width > text.size() ? width - text.size() : 0, ' ');
}

std::string result_text(ExitCode code) {
  return code == ExitCode::ok ? "ok" : "exit " + std::to_string(static_cast<int>(code));
}

void print_summary(const std::vector<NamedDatabase>& databases,
                   const std::vector<Outcome>& outcomes, const EachDatabaseOutput& output,
                   Console& console) {
  std::vector<std::vector<std::string>> rows{{"database", output.count_title, "time", "result"}};
  for (std::size_t i = 0; i < databases.size(); ++i) {
    const DatabaseRun& run = outcomes[i].run;
    rows.push_back({databases[i].shown, run.count ? std::to_string(*run.count) : "-",
                    std::to_string(outcomes[i].time.count()) + " ms", result_text(run.result)});
  }
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows)
    for (std::size_t column = 0; column < row.size(); ++column)
      widths[column] = std::max(widths[column], row[column].size());
  console.out << "Summary:\n";
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t column = 0; column < row.size(); ++column)
      line += "  " + padded(row[column], column + 1 < row.size() ? widths[column] : 0);
    console.out << line << "\n";
  }
}

// The failed databases, named on stderr after the summary.
void print_failures(const std::vector<NamedDatabase>& databases,
                    const std::vector<Outcome>& outcomes, Console& console) {
  std::string failed;
  std::size_t count = 0;
  for (std::size_t i = 0; i < databases.size(); ++i)
    if (outcomes[i].run.result != ExitCode::ok &&
        outcomes[i].run.result != ExitCode::changes_found) {
      failed += (failed.empty() ? "" : ", ") + databases[i].shown;
      ++count;
    }
  if (count > 0)
    console.err << "error: " << count << " of " << databases.size()
                << " databases failed: " << failed << " (their errors are above)\n";
}

}  // namespace

bool several_databases(const GlobalOptions& global) {
  return global.databases.size() > 1 ||
         (global.databases.size() == 1 && global.databases.front() == kAll);
}

ExitCode run_on_each_database(const GlobalOptions& global, const ProjectConfig& config,
                              Console& console, const EachDatabaseOutput& output,
                              const RunOnDatabase& run) {
  std::vector<NamedDatabase> databases = databases_named(global, config);
  std::vector<Outcome> outcomes(databases.size());
  std::mutex mutex;
  std::condition_variable finished;
  std::size_t next = 0;
  auto worker = [&] {
    for (;;) {
      std::size_t i = 0;
      {
        std::lock_guard lock(mutex);
        if (next == databases.size()) break;
        i = next++;
      }
      run_one(global, databases[i], console.verbosity, run, outcomes[i]);
      {
        std::lock_guard lock(mutex);
        outcomes[i].done = true;
      }
      finished.notify_all();
    }
    end_client_thread();
  };
  std::vector<std::thread> workers;
  std::size_t threads = std::min<std::size_t>(std::max(global.jobs, 1), databases.size());
  for (std::size_t t = 0; t < threads; ++t) workers.emplace_back(worker);

  ExitCode result = ExitCode::ok;
  for (std::size_t i = 0; i < databases.size(); ++i) {
    {
      std::unique_lock lock(mutex);
      finished.wait(lock, [&] { return outcomes[i].done; });
    }
    std::string out = outcomes[i].out.str();
    // -v 0 prints nothing but errors and what was asked for: a header only above the latter.
    if (output.text && (console.verbosity >= 1 || !out.empty()))
      console.out << "== " << databases[i].shown << " ==\n";
    console.out << out << std::flush;
    console.err << outcomes[i].err.str() << std::flush;
    result = std::max(result, outcomes[i].run.result);
  }
  for (auto& thread : workers) thread.join();
  if (output.text && console.verbosity >= 1) print_summary(databases, outcomes, output, console);
  print_failures(databases, outcomes, console);
  return result;
}

}  // namespace dbmig
