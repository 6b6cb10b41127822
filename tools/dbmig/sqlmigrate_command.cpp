#include <memory>

#include "command_registry.hpp"
#include "dbmig/commands/sqlmigrate.hpp"

namespace dbmig::cli {

void add_sqlmigrate_command(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<SqlmigrateOptions>();
  auto dialect = std::make_shared<std::string>();
  auto* command = app.add_subcommand(
      "sqlmigrate", "Print the SQL of a migration (no database connection needed)");
  command->footer(
      "Examples:\n  dbmig sqlmigrate blog 0001\n  dbmig sqlmigrate blog 0002 --backwards --dialect "
      "postgresql");
  command->add_option("app", options->app, "The migration's app")->required();
  command->add_option("migration", options->migration, "Migration name or unique prefix (0002)")
      ->required();
  command->add_flag("--backwards", options->backwards, "The SQL that unapplies the migration");
  command
      ->add_option("--dialect", *dialect,
                   "sqlite, postgresql or mysql (default: that of --database, DATABASE_URL, .env "
                   "or dbmig.json)")
      ->check(CLI::IsMember({"sqlite", "postgresql", "mysql"}));
  command->callback([&context, options, dialect] {
    if (!dialect->empty()) options->dialect = dialect_from_string(*dialect);
    context.result = sqlmigrate(context.global, *options, context.console);
  });
}

}  // namespace dbmig::cli
