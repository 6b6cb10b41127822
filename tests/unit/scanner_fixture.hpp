// Scanner tests parse real headers: a fixture project under tests/fixtures/scanner/ copied
// into a temporary folder (so the scan cache never lands in the source tree), or headers
// written by the test itself.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "dbmig/scanner.hpp"
#include "scanner/scan_cache_codec.hpp"
#include "test_support.hpp"

namespace dbmig::test {

class ScannerProject {
 public:
  // An empty project, a copy of tests/fixtures/scanner/<fixture>, or with "demo" a copy of
  // the demo project at the repository root.
  explicit ScannerProject(const std::string& fixture = {});
  // Writes <root>/<path>; `text` gets `#include <dbmig/model.hpp>` and the usual std headers
  // prepended when `with_prelude` (then line 1 of `text` is line kPreludeLines + 1).
  void write(const std::string& path, const std::string& text, bool with_prelude = true);
  const std::filesystem::path& root() const { return dir_.path(); }
  ScanResult scan() const;
  // The problems of a scan that must fail.
  std::vector<std::string> scan_errors() const;
  // The scan cache's files (models-*.bin) in the project's cache folder.
  std::vector<std::filesystem::path> scan_cache_files() const;
  // Rewrites the one scan cache file so that the model stored with `table` has it in upper
  // case, and returns that name: a later scan that reports it was answered by the cache.
  std::string mark_cached_table(const std::string& table) const;
  // Renames the struct `name` in the cache's record of what each app declared (not in the
  // stored result), and returns the new name: a scan that reads some apps again and reports
  // it took that app from the cache.
  std::string mark_cached_struct(const std::string& name) const;

 private:
  void edit_scan_cache(const std::function<void(scanner::ScanCacheContents&)>& edit) const;

  TempDir dir_;
};

inline constexpr unsigned kPreludeLines = 8;

}  // namespace dbmig::test
