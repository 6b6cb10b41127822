#include <memory>
#include <string>
#include <vector>

#include "command_registry.hpp"
#include "dbmig/commands/squashmigrations.hpp"
#include "value_checks.hpp"

namespace dbmig::cli {

void add_squashmigrations_command(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<SquashMigrationsOptions>();
  auto range = std::make_shared<std::vector<std::string>>();
  auto name = std::make_shared<std::string>();
  auto noinput = std::make_shared<bool>(false);
  auto* command = app.add_subcommand(
      "squashmigrations", "Write one migration that replaces a range of an app's migrations");
  command->footer(
      "Examples:\n  dbmig squashmigrations blog 0004             0001..0004 into one\n  dbmig "
      "squashmigrations blog 0002 0004        0002..0004 into one\n  dbmig squashmigrations "
      "blog 0004 --squashed-name compact --noinput");
  command->add_option("app", options->app, "The app whose migrations to squash")->required();
  command
      ->add_option("migrations", *range,
                   "[START] END: names or unique prefixes (0004); START defaults to the first")
      ->required()
      ->expected(1, 2);
  command->add_option("--squashed-name", *name, "Name of the squashed migration (after NNNN_)")
      ->check(not_empty("a name of letters, digits and underscores"));
  command->add_flag("--noinput,--no-input", *noinput, "Do not ask for confirmation");
  command->callback([&context, options, range, name, noinput] {
    options->end = range->back();
    if (range->size() == 2) options->start = range->front();
    if (!name->empty()) options->squashed_name = *name;
    if (*noinput) context.console.interactive = false;
    context.result = squashmigrations(context.global, *options, context.console);
  });
}

}  // namespace dbmig::cli
