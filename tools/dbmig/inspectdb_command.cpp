#include <memory>

#include "command_registry.hpp"
#include "dbmig/commands/inspectdb.hpp"
#include "value_checks.hpp"

namespace dbmig::cli {

void add_inspectdb_command(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<InspectDbOptions>();
  auto* command = app.add_subcommand(
      "inspectdb", "Write the database's tables as annotated model structs (apps/APP/models.hpp)");
  command->footer(
      "Examples:\n  dbmig inspectdb --app legacy\n  dbmig inspectdb --app legacy --table "
      "customers --table orders\n  dbmig --database postgres://host/db inspectdb --app legacy "
      "--output /tmp/adopt");
  command->add_option("--app", options->app, "The app (C++ namespace and folder) to write")
      ->required();
  command
      ->add_option("--table", options->tables,
                   "Only this table (repeat for more); the tables it references come too")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  command
      ->add_option("--output", options->output,
                   "Write under this folder instead of the project root")
      ->check(not_empty("a folder"));
  command->add_flag("--force", options->force, "Overwrite an existing models.hpp");
  command->callback([options, &context] {
    context.result = run_inspectdb(context.global, *options, context.console);
  });
}

}  // namespace dbmig::cli
