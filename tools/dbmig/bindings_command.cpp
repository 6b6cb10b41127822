#include <memory>

#include "command_registry.hpp"
#include "dbmig/commands/bindings.hpp"
#include "value_checks.hpp"

namespace dbmig::cli {

void add_bindings_command(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<BindingsOptions>();
  auto* command = app.add_subcommand(
      "bindings", "Write each app's SOCI bindings header, bindings/APP/models_soci.hpp");
  command->footer(
      "Examples:\n  dbmig bindings\n  dbmig bindings blog --output build/generated\n  dbmig "
      "bindings --check");
  command->add_option("apps", options->apps, "Only these apps (default: all)");
  command
      ->add_option(
          "--output", options->output,
          "Write APP/models_soci.hpp under this folder (default: bindings/ in the project)")
      ->check(not_empty("a folder"));
  command
      ->add_option(
          "--depfile", options->depfile,
          "Also write a Make-style depfile: the headers depend on every file the scan read")
      ->check(not_empty("a file"));
  command->add_flag("--check", options->check,
                    "Write nothing; exit 1 when a header is missing or out of date");
  command->add_flag("--list", options->list,
                    "Print the paths of the headers, one a line, without reading the models");
  command->callback([options, &context] {
    context.result = run_bindings(context.global, *options, context.console);
  });
}

}  // namespace dbmig::cli
