#include "command_registry.hpp"
#include "dbmig/commands/build_prelude.hpp"

namespace dbmig::cli {

void add_build_prelude_command(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<BuildPreludeOptions>();
  auto* command = app.add_subcommand(
      "build-prelude",
      "Build the precompiled standard headers that a first scan of the models parses with (the "
      "build and the install run it)");
  command->footer("Examples:\n  dbmig build-prelude\n  dbmig build-prelude /usr/local/lib/dbmig");
  command->add_option("dir", options->dir,
                      "The folder (default: $DBMIG_PRELUDE_DIR, else lib/dbmig beside dbmig's "
                      "folder, where dbmig looks for it)");
  command->callback(
      [options, &context] { context.result = build_prelude(*options, context.console); });
}

}  // namespace dbmig::cli
