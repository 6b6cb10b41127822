// scan_models: the generated translation unit, the cache, and the problems of a run.
#include <algorithm>

#include "dbmig/scanner.hpp"
#include "scanner/compile_flags.hpp"
#include "scanner/model_builder.hpp"
#include "scanner/model_reader.hpp"
#include "scanner/models_parse.hpp"
#include "scanner/scan_cache.hpp"

namespace dbmig {

namespace fs = std::filesystem;

namespace {

std::string joined_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += (text.empty() ? "" : "\n") + line;
  return text;
}

}  // namespace

scanner::ScanCache scanner::scan_cache_for(const ProjectConfig& config) {
  return ScanCache(config, models_source(config), scan_arguments(config));
}

ScanError::ScanError(std::vector<std::string> problems)
    : InputError(joined_lines(problems)), problems_(std::move(problems)) {}

ScanResult scan_models(const ProjectConfig& config) {
  check_apps_exist(config);
  scanner::ScanCache cache = scanner::scan_cache_for(config);
  if (auto cached = cache.load()) return *cached;

  // The precompiled prelude is built only when this configuration was scanned before (its
  // cache entry is stale): a first scan (a fresh checkout, a CI job) would pay for writing it
  // and may never parse again, while a project being edited gets it on its first edit.
  scanner::ModelsParse parse =
      scanner::parse_models(config, cache.source(), cache.arguments(), fs::exists(cache.path()));
  const scanner::TranslationUnit& unit = *parse.unit;
  // C++ errors first and alone: after one, libclang guesses types (an unknown type becomes
  // int), so nothing it says about the models can be trusted.
  if (auto errors = unit.errors(config.root); !errors.empty()) throw ScanError(errors);
  std::vector<std::string> problems;
  ScanResult result = scanner::build_models(scanner::read_models(unit, config), problems);
  if (!problems.empty()) throw ScanError(problems);
  cache.store(result, parse.files);
  return result;
}

}  // namespace dbmig
