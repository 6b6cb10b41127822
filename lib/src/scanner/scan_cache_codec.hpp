// The scan cache's file format (binary_archive.hpp): the files a parse read, then per app the
// models as built (its part of the ScanResult) and as declared (the structs read and the files
// they came from). The cache used to hold the inspectmodels JSON; parsing 2 MB of it for 500
// models was most of a warm `makemigrations --check`. Each app's part is encoded on its own, so
// a scan that read one app again copies the bytes of the others instead of encoding them
// (~3 ms of an edit of the medium benchmark project, docs/benchmark.md).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cache/file_stamp.hpp"
#include "dbmig/scanner.hpp"
#include "scanner/declarations.hpp"

namespace dbmig::scanner {

// One app as the last parse read it: enough to build the models again with other apps read
// anew, while none of `files` changed.
struct AppScan {
  std::string app;
  std::vector<DeclaredModel> models;
  std::vector<std::string> files;  // files_of_app(), sorted
};

struct ScanCacheContents {
  std::vector<StampedFile> files;  // every file the result depends on, apps' and shared
  ScanResult result;
  std::vector<AppScan> apps;  // in ProjectConfig::apps order
};

// One app's part of a cache file, encoded: its models as built, its files (with its name), and
// its models as declared. Which apps to read again is decided from the files alone, before the
// parse; the rest is decoded beside it.
struct EncodedApp {
  std::string_view built;
  std::string_view files;
  std::string_view declared;
};

// Every model of `result` belongs to one of `apps` (ModelKey::app). An app whose
// `unchanged[i]` is set is written as those bytes (an earlier file's part for the same app,
// whose models `result` and `apps[i]` hold unchanged); `unchanged` may be empty.
std::string encode_scan_cache(const std::vector<StampedFile>& files, const ScanResult& result,
                              const std::vector<AppScan>& apps,
                              const std::vector<std::optional<EncodedApp>>& unchanged = {});

// A scan cache file, read in parts: the files at once, the result (which a fresh cache
// answers with) and the apps (which a stale one starts from) only when asked, so that a scan
// that does not parse decodes the result alone. A stale one keeps the models of the apps not
// read again from the result too (scanner::rebuild_models).
class ScanCacheFile {
 public:
  // std::nullopt when `bytes` are not one intact cache of this format: a damaged, truncated
  // or foreign file is a cache miss, never an answer.
  static std::optional<ScanCacheFile> read(std::string bytes);

  const std::vector<StampedFile>& files() const { return files_; }
  std::optional<ScanResult> result() const;
  std::optional<std::vector<AppScan>> apps() const;
  // The apps with their files, and no models yet: declared_models() reads those.
  std::optional<std::vector<AppScan>> app_files() const;
  std::optional<std::vector<DeclaredModel>> declared_models(std::size_t index) const;
  // The app's part, valid while this file is; apps in ProjectConfig::apps order.
  EncodedApp app(std::size_t index) const { return apps_.at(index); }

 private:
  std::shared_ptr<const std::string> bytes_;  // where it is, whatever moves the ScanCacheFile
  std::vector<StampedFile> files_;
  std::vector<EncodedApp> apps_;  // views into *bytes_
};

// Every part at once (tests).
std::optional<ScanCacheContents> decode_scan_cache(std::string bytes);

}  // namespace dbmig::scanner
