#include "command_registry.hpp"
#include "dbmig/commands/makemigrations.hpp"
#include "value_checks.hpp"

namespace dbmig::cli {

void add_makemigrations_command(CLI::App& app, CommandContext& context) {
  auto* command = app.add_subcommand(
      "makemigrations", "Scan the models and write the next migration of every changed app");
  command->footer(
      "Examples:\n  dbmig makemigrations                    write what changed\n  dbmig "
      "makemigrations blog --name add_subtitle\n  dbmig makemigrations --check --noinput  in CI: "
      "exit 1 when a migration is missing");
  auto options = std::make_shared<MakemigrationsOptions>();
  auto name = std::make_shared<std::string>();
  auto noinput = std::make_shared<bool>(false);
  command->add_option("apps", options->apps, "Only these apps (and what they depend on)");
  command->add_option("-n,--name", *name, "Name of the migration instead of an automatic one")
      ->check(not_empty("a name of letters, digits and underscores"));
  command->add_flag("--empty", options->empty,
                    "Write an empty migration per app, to fill by hand (e.g. with RunSQL)");
  command->add_flag("--dry-run", options->dry_run, "Show what would be written; write nothing");
  command->add_flag("--check", options->check,
                    "Exit 1 when the models and the migrations differ, listing the changes; "
                    "write nothing");
  command->add_flag("--merge", options->merge,
                    "Write a merge migration for an app with two leaf migrations");
  command->add_flag("--noinput,--no-input", *noinput,
                    "Never ask: renames only from renamed_from, a missing default is an error");
  command->callback([&context, options, name, noinput] {
    if (!name->empty()) options->name = *name;
    if (*noinput) context.console.interactive = false;
    context.result = makemigrations(context.global, *options, context.console);
  });
}

}  // namespace dbmig::cli
