// `dbmig squashmigrations APP [START] END [--squashed-name NAME] [--noinput]`
// (docs/squashing.md): writes one migration that replaces START..END of APP, with their
// operations folded by the optimizer, like Django's squashmigrations.
#pragma once

#include <optional>
#include <string>

#include "dbmig/console.hpp"
#include "dbmig/error.hpp"

namespace dbmig {

struct SquashMigrationsOptions {
  std::string app;
  std::optional<std::string> start;  // none: from the app's first migration
  std::string end;
  std::optional<std::string> squashed_name;  // --squashed-name
};

// Asks for confirmation only when console.interactive (a terminal, and no --noinput).
ExitCode squashmigrations(const GlobalOptions& global, const SquashMigrationsOptions& options,
                          Console& console);

}  // namespace dbmig
