// The dbmig command line: global flags, the commands, and the mapping of errors to exit codes.
#include <unistd.h>

#include <iostream>

#include "command_registry.hpp"

int main(int argc, char** argv) {
  using namespace dbmig;
  CLI::App app{"dbmig: Django-style migrations for C++ models (SQLite, PostgreSQL, MySQL/MariaDB)",
               "dbmig"};
  app.require_subcommand(1);
  app.footer("Example: dbmig makemigrations && dbmig migrate && dbmig showmigrations");

  cli::CommandContext context;
  context.console.interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
  app.add_option("--project", context.global.project,
                 "Project root (holds dbmig.json, apps/, migrations/)")
      ->default_str(".");
  app.add_option(
      "--database,--connection", context.global.database,
      "Database alias from dbmig.json or URL (default: DATABASE_URL, .env, sqlite:///db.sqlite3)");
  app.add_option("-v,--verbosity", context.console.verbosity,
                 "0 quiet, 1 normal, 2 verbose, 3 debug")
      ->check(CLI::Range(0, 3))
      ->default_str("1");

  cli::add_makemigrations_command(app, context);
  cli::add_migrate_command(app, context);
  cli::add_rollback_command(app, context);
  cli::add_sqlmigrate_command(app, context);
  cli::add_showmigrations_command(app, context);
  cli::add_inspectmodels_command(app, context);
  cli::add_state_command(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return static_cast<int>(ExitCode::input_error);
  } catch (const Error& e) {
    std::cerr << "error: " << e.what() << "\n";
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "error: internal error: " << e.what()
              << "\nPlease report this with the command you ran.\n";
    return static_cast<int>(ExitCode::input_error);
  }
  return static_cast<int>(context.result);
}
