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

#include "cache/file_stamp.hpp"
#include "dbmig/project_config.hpp"
#include "dbmig/scanner.hpp"
#include "scanner/scan_cache_codec.hpp"

namespace dbmig::scanner {

class ScanCache {
 public:
  // `source` (the generated translation unit), `arguments` (the compiler's) and the apps'
  // names are everything besides file contents that shapes the result: they choose the cache
  // file.
  ScanCache(const ProjectConfig& config, std::string source, std::vector<std::string> arguments);

  // The stored file, whether or not the files it was read from changed since: a fresh one
  // answers, a stale one tells which apps to read again. std::nullopt when there is no intact
  // cache.
  std::optional<ScanCacheFile> load() const;

  // Best effort: a cache that cannot be written only costs the next run a parse. Stamps
  // `files`, taking those of `previous` that still hold instead of reading the files again.
  // Writes nothing when a file was modified after `parse_started`: its content may not be
  // what the parse read. Returns the stamped files once written. `unchanged`: as
  // encode_scan_cache takes it.
  std::optional<std::vector<StampedFile>> store(
      const ScanResult& result, const std::vector<std::filesystem::path>& files,
      const std::vector<AppScan>& apps, const std::vector<StampedFile>& previous,
      std::filesystem::file_time_type parse_started,
      const std::vector<std::optional<EncodedApp>>& unchanged = {}) const;

  const std::filesystem::path& path() const { return path_; }
  const std::string& source() const { return source_; }
  const std::vector<std::string>& arguments() const { return arguments_; }

 private:
  const ProjectConfig& config_;
  std::string source_;
  std::vector<std::string> arguments_;
  std::filesystem::path path_;
};

// The paths of `files` whose content is not what it was when they were stamped.
std::set<std::string> changed_files(const std::vector<StampedFile>& files);

// The cache scan_models(config) reads and writes (scan_models.cpp).
ScanCache scan_cache_for(const ProjectConfig& config);

}  // namespace dbmig::scanner
