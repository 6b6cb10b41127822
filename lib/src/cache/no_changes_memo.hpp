// makemigrations' answer "No changes detected", remembered with everything it was computed
// from: the files the model scan read (the scan cache's own list), every migration file, and
// the dbmig executable itself. While none of them changed, the next run gives the same answer
// without decoding the models or parsing a single migration: a build that runs
// `makemigrations --check` on every compile pays a few stat calls, whatever the project size.
// The memo is one file in ProjectConfig::cache_dir; deleting it is always safe.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cache/file_stamp.hpp"
#include "dbmig/project_config.hpp"

namespace dbmig {

class NoChangesMemo {
 public:
  // `apps` is makemigrations' app filter: a memo only answers a run with the same filter.
  NoChangesMemo(const ProjectConfig& config, const std::vector<std::string>& apps);

  // True when a run with this filter found no changes and no input has changed since.
  bool holds() const;

  // Stamps the migration files. Called before they are read, so an edit made while this run
  // reads them makes what it remembers stale on arrival, never wrong.
  void stamp_migrations();

  // After a run that found no changes, with the files the scan cache records (their stamps
  // were taken when the cache was written: a header edited since fails the next check).
  // Best effort: a memo that cannot be written only costs the next run a full check.
  void remember(const std::optional<std::vector<StampedFile>>& models) const;

 private:
  const ProjectConfig& config_;
  std::string key_;  // the app filter and the scan cache file (compiler arguments, headers)
  std::filesystem::path file_;
  std::vector<StampedFile> migrations_;
  bool migrations_stamped_ = false;
};

}  // namespace dbmig
