#include <memory>

#include "command_registry.hpp"
#include "dbmig/commands/migrate.hpp"
#include "jobs_option.hpp"
#include "lock_timeout_option.hpp"
#include "statement_lock_options.hpp"

namespace dbmig::cli {

void add_migrate_command(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<MigrateOptions>();
  auto* command = app.add_subcommand(
      "migrate", "Apply (or unapply down to a target) migrations in dependency order");
  command->footer(
      "Examples:\n  dbmig migrate                  apply everything not applied yet\n  dbmig "
      "migrate blog 0002        move blog forwards or backwards to 0002\n  dbmig migrate blog zero "
      "       unapply all of blog\n  dbmig migrate --check          in a deploy: exit 1 when "
      "migrations are unapplied\n  dbmig migrate --database all -j 4   every alias of dbmig.json, "
      "4 at a time");
  command->add_option("app", options->app, "Only this app (and what it depends on)");
  command->add_option("migration", options->target,
                      "Move the app forwards or backwards to this migration (a unique prefix "
                      "works), or 'zero' to unapply all of it");
  command->add_flag("--plan", options->plan, "Print what would run and change nothing");
  command->add_flag("--check", options->check,
                    "Exit 1 when migrations are unapplied (listing them), 0 when none are; "
                    "change nothing");
  command->add_flag("--fake", options->fake, "Record the migrations without running their SQL");
  command->add_flag("--fake-initial", options->fake_initial,
                    "Record an initial migration without running it when all its tables exist");
  command->add_flag("--accept-changed", options->accept_changed,
                    "Accept applied migrations whose file was edited since, recording the new "
                    "checksum");
  add_lock_timeout_option(*command, options->lock_timeout);
  add_statement_lock_options(*command, options->statement_lock);
  add_jobs_option(*command, context.global.jobs);
  context.many_databases.insert(command);
  command->callback(
      [options, &context] { context.result = migrate(context.global, *options, context.console); });
}

}  // namespace dbmig::cli
