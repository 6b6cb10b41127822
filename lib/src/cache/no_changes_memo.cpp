#include "cache/no_changes_memo.hpp"

#include <algorithm>
#include <optional>

#include "cache/file_stamp_archive.hpp"
#include "dbmig/json_file.hpp"
#include "dbmig/loader.hpp"
#include "scanner/scan_cache.hpp"

namespace dbmig {

namespace fs = std::filesystem;

namespace {

// Bump on any change to what transfer() below writes.
constexpr std::string_view kMagic = "dbmig-no-changes-memo-2";

struct MemoContents {
  std::string key;
  std::string executable;  // size and time: a different dbmig may detect changes differently
  std::vector<StampedFile> models;
  std::vector<StampedFile> migrations;
};

DBMIG_BINARY_MEMBERS(MemoContents, memo, memo.key, memo.executable, memo.models, memo.migrations)

// The running dbmig's path, size and time; empty when unknown or just built.
std::string executable_stamp() {
  std::error_code error;
  fs::path path = fs::read_symlink("/proc/self/exe", error);
  if (error) return "";
  auto stamp = size_and_time(path);
  return stamp && !stamp->empty() ? path.string() + "\n" + *stamp : "";
}

bool all_unchanged(const std::vector<StampedFile>& files) {
  return std::all_of(files.begin(), files.end(),
                     [](const StampedFile& file) { return unchanged(file); });
}

// The migration files on disk now are exactly those remembered (none added or removed).
bool same_listing(const std::vector<StampedFile>& remembered,
                  const std::vector<fs::path>& on_disk) {
  return std::equal(
      remembered.begin(), remembered.end(), on_disk.begin(), on_disk.end(),
      [](const StampedFile& file, const fs::path& path) { return file.path == path.string(); });
}

}  // namespace

NoChangesMemo::NoChangesMemo(const ProjectConfig& config, const std::vector<std::string>& apps)
    : config_(config), file_(config.cache_dir / "makemigrations-no-changes.bin") {
  for (const auto& app : apps) key_ += app + ",";
  key_ += "\n" + scanner::scan_cache_for(config).path().string();
}

bool NoChangesMemo::holds() const {
  auto bytes = read_file_bytes(file_);
  if (!bytes) return false;
  auto memo = binary::decode_sealed<MemoContents>(kMagic, *bytes);
  return memo && memo->key == key_ && !memo->executable.empty() &&
         memo->executable == executable_stamp() &&
         same_listing(memo->migrations, migration_files(config_)) &&
         all_unchanged(memo->migrations) && all_unchanged(memo->models);
}

void NoChangesMemo::stamp_migrations() {
  migrations_.clear();
  migrations_stamped_ = false;
  for (const auto& path : migration_files(config_)) {
    auto stamped = stamp_file(path);
    if (!stamped) return;  // unreadable: loading will say so, and nothing is remembered
    migrations_.push_back(std::move(*stamped));
  }
  migrations_stamped_ = true;
}

void NoChangesMemo::remember(const std::optional<std::vector<StampedFile>>& models) const {
  if (!migrations_stamped_ || !models) return;
  std::string executable = executable_stamp();
  if (executable.empty()) return;
  MemoContents memo{key_, std::move(executable), *models, migrations_};
  try {
    fs::create_directories(config_.cache_dir);
    replace_cache_file(file_, binary::encode_sealed(kMagic, memo));
  } catch (const std::exception&) {
    // Best effort (read-only checkout, full disk).
  }
}

}  // namespace dbmig
