#include <limits>
#include <memory>

#include "command_registry.hpp"
#include "dbmig/commands/rollback.hpp"
#include "lock_timeout_option.hpp"
#include "statement_lock_options.hpp"
#include "value_checks.hpp"

namespace dbmig::cli {

void add_rollback_command(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<RollbackOptions>();
  auto* command =
      app.add_subcommand("rollback", "Undo the last batch of migrations, or the last N");
  command->footer(
      "Examples:\n  dbmig rollback            undo everything the last `dbmig migrate` applied\n  "
      "dbmig rollback --step 2   undo the last two migrations");
  command
      ->add_option_function<int>(
          "--step", [options](int step) { options->step = step; },
          "Undo the last N migrations instead of the last batch")
      ->check(whole_number(1, std::numeric_limits<int>::max()));
  command->add_flag("--accept-changed", options->accept_changed,
                    "Accept applied migrations whose file was edited since");
  add_lock_timeout_option(*command, options->lock_timeout);
  add_statement_lock_options(*command, options->statement_lock);
  command->callback([options, &context] {
    context.result = rollback(context.global, *options, context.console);
  });
}

}  // namespace dbmig::cli
