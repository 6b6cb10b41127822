// The scan cache: when no file the last parse read has changed (content, not time), the
// previous result is the answer and libclang does not run at all. One file per project
// configuration in ProjectConfig::cache_dir (scan_cache_codec.hpp); deleting the folder is
// always safe.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "dbmig/project_config.hpp"
#include "dbmig/scanner.hpp"

namespace dbmig::scanner {

class ScanCache {
 public:
  // `inputs` is everything besides file contents that shapes the result: the compiler
  // arguments and the generated translation unit.
  ScanCache(const ProjectConfig& config, const std::string& inputs);

  // The stored result when every file it was read from still has the same content.
  std::optional<ScanResult> load() const;

  // Best effort: a cache that cannot be written only costs the next run a parse.
  void store(const ScanResult& result, const std::vector<std::filesystem::path>& files) const;

  const std::filesystem::path& path() const { return path_; }

 private:
  const ProjectConfig& config_;
  std::filesystem::path path_;
};

}  // namespace dbmig::scanner
