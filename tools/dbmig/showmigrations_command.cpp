#include "command_registry.hpp"

namespace dbmig::cli {

void add_showmigrations_command(CLI::App& app, CommandContext& context) {
  (void)context;
  auto* command =
      app.add_subcommand("showmigrations", "List migrations per app with [X] for applied ones");
  command->callback([] {
    throw InputError("`dbmig showmigrations` is not available in this build yet (issue 6)");
  });
}

}  // namespace dbmig::cli
