#include "command_registry.hpp"

namespace dbmig::cli {

void add_makemigrations_command(CLI::App& app, CommandContext& context) {
  (void)context;
  auto* command = app.add_subcommand(
      "makemigrations", "Scan the models and write the next migration of every changed app");
  command->callback([] {
    throw InputError("`dbmig makemigrations` is not available in this build yet (issue 4)");
  });
}

}  // namespace dbmig::cli
