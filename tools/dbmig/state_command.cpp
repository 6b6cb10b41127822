#include "command_registry.hpp"
#include "dbmig/commands/state.hpp"
#include "value_checks.hpp"

namespace dbmig::cli {

void add_state_command(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<StateOptions>();
  auto* command =
      app.add_subcommand("state", "Print the JSON state snapshot rebuilt from the migrations");
  command->footer("Examples:\n  dbmig state\n  dbmig state blog --at blog.0002");
  command->add_option("apps", options->apps, "Only these apps (default: all)");
  command
      ->add_option("--at", options->at,
                   "Replay only up to this migration (APP.MIGRATION; a unique prefix will do)")
      ->check(not_empty("a migration as APP.MIGRATION, e.g. blog.0002"));
  command->callback([options, &context] {
    context.result = run_state(context.global, *options, context.console);
  });
}

}  // namespace dbmig::cli
