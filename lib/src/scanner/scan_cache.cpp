#include "scanner/scan_cache.hpp"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "dbmig/json_file.hpp"
#include "scanner/scan_result_json.hpp"

namespace dbmig::scanner {

namespace fs = std::filesystem;

namespace {

// Bump when the scanner reads models differently, so older caches are never used.
constexpr const char* kScannerVersion = "dbmig-scanner-1";

// A fast 64-bit content hash (8 bytes a step, multiply-xorshift mixing). Not cryptographic:
// it tells edits apart, together with the file size.
std::uint64_t content_hash(const std::string& data) {
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;
  std::uint64_t hash = 0xCBF29CE484222325ull ^ data.size();
  std::size_t i = 0;
  for (; i + 8 <= data.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, data.data() + i, 8);
    hash = (hash ^ word) * kMultiplier;
    hash ^= hash >> 29;
  }
  for (; i < data.size(); ++i) hash = (hash ^ static_cast<unsigned char>(data[i])) * kMultiplier;
  return hash ^ (hash >> 32);
}

std::string hex(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

std::optional<std::string> read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::optional<std::string> file_hash(const fs::path& path) {
  auto data = read_all(path);
  if (!data) return std::nullopt;
  return hex(content_hash(*data));
}

// Size and modification time as one string: when both match what was stored, the file is
// taken as unchanged without reading it (hundreds of standard headers on every run). Empty for
// a file modified in the last seconds: file times are coarse, so an edit in the same tick with
// the same size would go unseen ("racy git"); such files are hashed on the next run.
std::optional<std::string> file_stamp(const fs::path& path) {
  constexpr auto kSettled = std::chrono::seconds(2);
  std::error_code error;
  auto size = fs::file_size(path, error);
  if (error) return std::nullopt;
  auto time = fs::last_write_time(path, error);
  if (error) return std::nullopt;
  if (time > fs::file_time_type::clock::now() - kSettled) return "";
  return std::to_string(size) + ":" + std::to_string(time.time_since_epoch().count());
}

// Unchanged when the stamp matches, else when the content hash does (a touched file).
bool unchanged(const nlohmann::json& file) {
  fs::path path = file.at("path").get<std::string>();
  auto stamp = file.find("stamp");
  if (stamp != file.end() && !stamp->get<std::string>().empty() &&
      file_stamp(path) == stamp->get<std::string>())
    return true;
  return file_hash(path) == file.at("hash").get<std::string>();
}

}  // namespace

ScanCache::ScanCache(const ProjectConfig& config, const std::string& inputs) : config_(config) {
  path_ = config.cache_dir /
          ("models-" + hex(content_hash(std::string(kScannerVersion) + "\n" + inputs)) + ".json");
}

std::optional<ScanResult> ScanCache::load() const {
  auto text = read_all(path_);
  if (!text) return std::nullopt;
  try {
    nlohmann::json cache = nlohmann::json::parse(*text);
    for (const auto& file : cache.at("files"))
      if (!unchanged(file)) return std::nullopt;
    return scan_result_from_json(cache.at("result"));
  } catch (const std::exception&) {
    return std::nullopt;  // a damaged or foreign cache file is a miss, never an answer
  }
}

void ScanCache::store(const ScanResult& result, const std::vector<fs::path>& files) const {
  nlohmann::ordered_json file_list = nlohmann::ordered_json::array();
  for (const auto& file : files) {
    auto stamp = file_stamp(file);
    auto hash = file_hash(file);
    if (!stamp || !hash) return;  // a file vanished mid-run: do not cache
    file_list.push_back({{"path", file.string()}, {"hash", *hash}, {"stamp", *stamp}});
  }
  nlohmann::ordered_json cache = {{"files", file_list},
                                  {"result", scan_result_to_json(result, config_)}};
  try {
    fs::create_directories(config_.cache_dir);
    write_file_atomically(path_, cache.dump() + "\n");
  } catch (const std::exception&) {
    // Best effort (read-only checkout, full disk): the next run parses again.
  }
}

}  // namespace dbmig::scanner
