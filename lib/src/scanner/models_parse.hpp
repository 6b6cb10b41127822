// The models translation unit, parsed with the precompiled prelude when it can be
// (prelude_pch.hpp) and plainly when not. Both parse the same code, so they give the same
// answer; the prelude only saves the time of parsing the standard headers again.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cache/file_stamp.hpp"
#include "dbmig/project_config.hpp"
#include "scanner/translation_unit.hpp"

namespace dbmig::scanner {

// The generated translation unit: kPrelude, then one #include per header of `apps` (every app
// in one parse, or those whose files changed).
std::string models_source(const std::vector<AppConfig>& apps);

struct ModelsParse {
  std::unique_ptr<TranslationUnit> unit;
  // Every file the result depends on: the unit's own inclusions and the prelude's.
  std::vector<std::filesystem::path> files;
  // The prelude's files as its record stamped them, for the scan cache to take while they
  // hold (empty without a prelude).
  std::vector<StampedFile> prelude_files;
  // Why the prelude shipped with dbmig was not used, when it was looked for and not used.
  std::string why_not_shipped_prelude;
};

// Parses `main_source` (models_source()) with `arguments`. Uses the precompiled prelude in
// config.cache_dir when it is intact and libclang accepts it, else the one shipped with dbmig
// when it fits; the project's own is built again (once) when libclang refused it, and built
// anew only when `may_build_prelude`. Throws InputError when libclang cannot parse at all.
ModelsParse parse_models(const ProjectConfig& config, const std::string& main_source,
                         const std::vector<std::string>& arguments, bool may_build_prelude);

}  // namespace dbmig::scanner
