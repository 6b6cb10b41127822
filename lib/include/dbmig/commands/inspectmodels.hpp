// `dbmig inspectmodels [APP...] [--format text|json]`: what the scanner read (docs/models.md).
#pragma once

#include <string>
#include <vector>

#include "dbmig/console.hpp"
#include "dbmig/error.hpp"

namespace dbmig {

struct InspectModelsOptions {
  std::vector<std::string> apps;  // empty => every app
  std::string format = "text";    // "text" or "json"
};

ExitCode inspect_models(const GlobalOptions& global, const InspectModelsOptions& options,
                        Console& console);

}  // namespace dbmig
