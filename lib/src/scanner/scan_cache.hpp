// The scan cache: when no file the last parse read has changed (content, not time), the
// previous result is the answer and libclang does not run at all; when some did, it tells
// which apps must be read again (scan_models.cpp). One file per project
// configuration in ProjectConfig::cache_dir (scan_cache_codec.hpp); deleting the folder is
// always safe.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "dbmig/project_config.hpp"
#include "dbmig/scanner.hpp"
#include "file_stamp.hpp"
#include "scanner/scan_cache_codec.hpp"

namespace dbmig::scanner {

class ScanCache {
 public:
  // `source` (the generated translation unit) and `arguments` (the compiler's) are everything
  // besides file contents that shapes the result: they choose the cache file.
  ScanCache(const ProjectConfig& config, std::string source, std::vector<std::string> arguments);

  // The stored contents, whether or not their files changed since: what a scan that reads
  // only the changed apps again starts from. std::nullopt when there is no intact cache.
  std::optional<ScanCacheContents> load_stored() const;
  // The stored result when every file it was read from still has the same content.
  std::optional<ScanResult> load() const;
  // Those files, under the same condition: what the stored result depends on.
  std::optional<std::vector<StampedFile>> fresh_files() const;

  // Best effort: a cache that cannot be written only costs the next run a parse. Stamps
  // `files`, taking the stamps of `previous` that still hold instead of reading those files.
  void store(ScanResult result, const std::vector<std::filesystem::path>& files,
             std::vector<AppScan> apps, const ScanCacheContents* previous) const;

  const std::filesystem::path& path() const { return path_; }
  const std::string& source() const { return source_; }
  const std::vector<std::string>& arguments() const { return arguments_; }

 private:
  std::optional<ScanCacheContents> load_fresh() const;

  const ProjectConfig& config_;
  std::string source_;
  std::vector<std::string> arguments_;
  std::filesystem::path path_;
};

// The paths of `contents`' files whose content is not what it was when they were stamped.
std::set<std::string> changed_files(const ScanCacheContents& contents);

// The cache scan_models(config) reads and writes (scan_models.cpp).
ScanCache scan_cache_for(const ProjectConfig& config);

}  // namespace dbmig::scanner
