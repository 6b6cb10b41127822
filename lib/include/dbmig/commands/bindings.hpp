// `dbmig bindings [APP...] [--output DIR] [--depfile FILE] [--check] [--list]`: each app's SOCI
// bindings header, <DIR>/<app>/models_soci.hpp (docs/cli.md "dbmig bindings").
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "dbmig/console.hpp"
#include "dbmig/error.hpp"

namespace dbmig {

struct BindingsOptions {
  std::vector<std::string> apps;  // empty => every app
  std::filesystem::path output;   // empty => <project root>/bindings
  std::filesystem::path depfile;  // empty => none; else a Make-style depfile of the outputs
  bool check = false;             // write nothing; changes_found when a file is out of date
  bool list = false;              // print the outputs' paths, without scanning the models
};

// Writes the headers whose content changed (none when a model has an error: the ScanError
// propagates), saying which on console.out. Throws InputError for an unknown app.
ExitCode run_bindings(const GlobalOptions& global, const BindingsOptions& options,
                      Console& console);

}  // namespace dbmig
