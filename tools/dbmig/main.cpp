// The dbmig command line: global flags, the commands, and the mapping of errors to exit codes.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "command_registry.hpp"
#include "dbmig/scanner.hpp"
#include "process_heap.hpp"
#include "value_checks.hpp"

namespace {

// Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org).
bool colour_on_stderr() {
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDERR_FILENO) && !(no_color && *no_color);
}

std::string error_prefix() {
  return colour_on_stderr() ? "\033[1;31merror:\033[0m " : "error: ";
}

// A scan reports every problem it found, each already "file:line:col: error: ...", so they go
// one per line under a summary rather than behind a second "error: ".
void print_scan_error(const dbmig::ScanError& error) {
  std::size_t count = error.problems().size();
  std::cerr << error_prefix() << "the model headers have " << count
            << (count == 1 ? " problem" : " problems") << "; fix them and run the command again:\n";
  for (const auto& problem : error.problems()) std::cerr << problem << "\n";
}

// CLI11's "--name: At Most 1 required but received 2", for an option given twice.
std::string repeated_option_message(const CLI::ArgumentMismatch& error) {
  std::string text = error.what();
  const std::string marker = ": At Most 1 required but received ";
  auto at = text.find(marker);
  if (at == std::string::npos) return text;
  return text.substr(0, at) + " was given " + text.substr(at + marker.size()) +
         " times; give it once";
}

// `dbmig foo`: CLI11 only says that a command is required.
std::string missing_command_message(const CLI::App& app) {
  std::string commands;
  for (const CLI::App* sub : app.get_subcommands({}))
    commands += (commands.empty() ? "" : ", ") + sub->get_name();
  auto remaining = app.remaining();
  auto word = std::find_if(remaining.begin(), remaining.end(),
                           [](const std::string& arg) { return !arg.starts_with("-"); });
  std::string what =
      word == remaining.end() ? "no command given" : "unknown command '" + *word + "'";
  return what + "; commands: " + commands;
}

std::string usage_message(const CLI::App& app, const CLI::ParseError& error) {
  if (const auto* mismatch = dynamic_cast<const CLI::ArgumentMismatch*>(&error))
    return repeated_option_message(*mismatch);
  if (dynamic_cast<const CLI::RequiredError*>(&error) && app.get_subcommands().empty())
    return missing_command_message(app);
  return error.what();
}

// A usage mistake says what was wrong and where the right flags are listed.
void print_usage_error(const CLI::App& app, const CLI::ParseError& error) {
  std::string command = "dbmig";
  for (const CLI::App* sub : app.get_subcommands()) command += " " + sub->get_name();
  std::cerr << error_prefix() << usage_message(app, error) << "\nRun `" << command
            << " --help` to see what it accepts.\n";
}

// Whatever the input, dbmig should have reported it as an Error; reaching here is a bug.
int print_internal_error(const std::string& what) {
  std::cerr << error_prefix() << "internal error (a bug in dbmig, not in your project): " << what
            << "\nPlease report it to the dbmig maintainers with the command you ran and, if "
               "you can, your models and migrations.\n";
  return static_cast<int>(dbmig::ExitCode::internal_error);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace dbmig;
  prepare_process_heap();
  CLI::App app{"dbmig: Django-style migrations for C++ models (SQLite, PostgreSQL, MySQL/MariaDB)",
               "dbmig"};
  app.require_subcommand(1);
  // Global flags work after the command too (`dbmig migrate -v 0`), as in Django.
  app.fallthrough();
  // An option given twice is an error rather than one value silently winning; set before any
  // option or command is added, which copy these defaults.
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::Throw);
  app.footer(
      "Example: dbmig makemigrations && dbmig migrate && dbmig showmigrations\n"
      "Exit codes: 0 ok, 1 changes found (--check) or drift (check), 2 usage or input error, 3 "
      "database error,\n"
      "70 internal error (a bug in dbmig).\n"
      "Run `dbmig COMMAND --help` for a command's flags.");

  cli::CommandContext context;
  context.console.interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
  app.add_option("--project", context.global.project,
                 "Project root (holds dbmig.json, apps/, migrations/)")
      ->check(cli::not_empty("the project folder, e.g. --project ."))
      ->default_str(".");
  // Collected wherever it is given; one_database_unless_many then allows several only on the
  // commands that run on each (docs/databases.md "Many databases").
  auto* database =
      app.add_option("--database,--connection", context.global.databases,
                     "Database alias from dbmig.json or URL (default: DATABASE_URL, .env, "
                     "sqlite:///db.sqlite3); migrate and showmigrations take several, or 'all'")
          ->check(cli::not_empty("an alias from dbmig.json or a URL such as sqlite:///db.sqlite3"))
          ->expected(1)
          ->allow_extra_args(false)
          ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("-v,--verbosity", context.console.verbosity,
                 "0 errors only, 1 normal, 2 verbose, 3 debug")
      ->check(cli::whole_number(0, 3))
      ->default_str("1");

  cli::add_makemigrations_command(app, context);
  cli::add_squashmigrations_command(app, context);
  cli::add_migrate_command(app, context);
  cli::add_rollback_command(app, context);
  cli::add_sqlmigrate_command(app, context);
  cli::add_showmigrations_command(app, context);
  cli::add_inspectmodels_command(app, context);
  cli::add_inspectdb_command(app, context);
  cli::add_state_command(app, context);
  cli::add_check_command(app, context);
  cli::add_lint_command(app, context);
  cli::add_build_prelude_command(app, context);
  cli::add_bindings_command(app, context);
  app.parse_complete_callback([&] { cli::one_database_unless_many(app, *database, context); });

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    print_usage_error(app, e);
    return static_cast<int>(ExitCode::input_error);
  } catch (const ScanError& e) {
    print_scan_error(e);
    return static_cast<int>(e.code());
  } catch (const InternalError& e) {
    return print_internal_error(e.what());
  } catch (const Error& e) {
    std::cerr << error_prefix() << e.what() << "\n";
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    return print_internal_error(e.what());
  }
  return static_cast<int>(context.result);
}
