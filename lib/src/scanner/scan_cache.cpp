#include "scanner/scan_cache.hpp"

#include <cstdio>
#include <map>
#include <set>

#include "dbmig/json_file.hpp"

namespace dbmig::scanner {

namespace fs = std::filesystem;

namespace {

// Bump when the scanner reads models differently, so older caches are never used.
constexpr const char* kScannerVersion = "dbmig-scanner-1";

std::string hex(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

bool modified_since(const fs::path& file, fs::file_time_type time) {
  std::error_code error;
  return fs::last_write_time(file, error) > time || error;
}

}  // namespace

ScanCache::ScanCache(const ProjectConfig& config, std::string source,
                     std::vector<std::string> arguments)
    : config_(config), source_(std::move(source)), arguments_(std::move(arguments)) {
  std::string inputs = std::string(kScannerVersion) + "\n" + source_;
  for (const auto& argument : arguments_) inputs += argument + "\n";
  // The source names the headers, not the apps they belong to (dbmig.json may rename one).
  for (const auto& app : config.apps) inputs += "app " + app.name + "\n";
  path_ = config.cache_dir / ("models-" + hex(content_hash(inputs)) + ".bin");
}

std::optional<ScanCacheFile> ScanCache::load() const {
  auto bytes = read_file_bytes(path_);
  if (!bytes) return std::nullopt;
  return ScanCacheFile::read(std::move(*bytes));  // a damaged or foreign file is a miss
}

std::set<std::string> changed_files(const std::vector<StampedFile>& files) {
  std::set<std::string> changed;
  for (const auto& file : files)
    if (!unchanged(file)) changed.insert(file.path);
  return changed;
}

std::optional<std::vector<StampedFile>> ScanCache::store(
    const ScanResult& result, const std::vector<fs::path>& files, const std::vector<AppScan>& apps,
    const std::vector<StampedFile>& previous, fs::file_time_type parse_started,
    const std::vector<std::optional<EncodedApp>>& unchanged) const {
  std::map<std::string, const StampedFile*> previous_stamps;
  for (const auto& file : previous) previous_stamps.emplace(file.path, &file);
  std::vector<StampedFile> stamped_files;
  for (const auto& file : files) {
    auto known = previous_stamps.find(file.string());
    if (known != previous_stamps.end() && !known->second->stamp.empty() &&
        size_and_time(file) == known->second->stamp) {
      stamped_files.push_back(*known->second);
      continue;
    }
    auto stamped = stamp_file(file, parse_started);
    // Vanished, or edited while libclang read it: the result may not be its own.
    if (!stamped || modified_since(file, parse_started)) return std::nullopt;
    stamped_files.push_back(std::move(*stamped));
  }
  try {
    fs::create_directories(config_.cache_dir);
    replace_cache_file(path_, encode_scan_cache(stamped_files, result, apps, unchanged));
    return stamped_files;
  } catch (const std::exception&) {
    return std::nullopt;  // best effort (read-only checkout, full disk): the next run parses
  }
}

}  // namespace dbmig::scanner
