#include "scanner_fixture.hpp"

#include "demo_project.hpp"

#include <gtest/gtest.h>

#include <cctype>

#include "dbmig/project_config.hpp"
#include "scanner/scan_cache_codec.hpp"

namespace dbmig::test {

namespace fs = std::filesystem;

namespace {

// Exactly kPreludeLines lines.
constexpr const char* kPrelude =
    "#pragma once\n"
    "#include <dbmig/model.hpp>\n"
    "#include <chrono>\n"
    "#include <cstdint>\n"
    "#include <ctime>\n"
    "#include <optional>\n"
    "#include <string>\n"
    "#include <vector>\n";

}  // namespace

ScannerProject::ScannerProject(const std::string& fixture) {
  // "demo" is the demo project at the repository root, so the tests read the real thing.
  if (fixture == "demo")
    copy_demo_project(dir_.path());
  else if (!fixture.empty())
    fs::copy(fs::path(DBMIG_FIXTURES_DIR) / "scanner" / fixture, dir_.path(),
             fs::copy_options::recursive);
}

void ScannerProject::write(const std::string& path, const std::string& text, bool with_prelude) {
  write_file(dir_.path() / path, (with_prelude ? kPrelude : "") + text);
}

ScanResult ScannerProject::scan() const {
  return scan_models(load_project_config(dir_.path()));
}

std::vector<std::string> ScannerProject::scan_errors() const {
  try {
    scan();
  } catch (const ScanError& e) {
    return e.problems();
  }
  ADD_FAILURE() << "the scan succeeded, expected errors";
  return {};
}

std::vector<std::filesystem::path> ScannerProject::scan_cache_files() const {
  std::vector<std::filesystem::path> files;
  std::error_code missing;
  for (const auto& entry :
       std::filesystem::directory_iterator(root() / "build" / "dbmig-cache", missing))
    if (entry.path().filename().string().starts_with("models-")) files.push_back(entry.path());
  return files;
}

namespace {

std::string upper_case(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

void ScannerProject::edit_scan_cache(
    const std::function<void(scanner::ScanCacheContents&)>& edit) const {
  auto files = scan_cache_files();
  ASSERT_EQ(files.size(), 1u) << "expected one scan cache file in " << root();
  const auto& cache_file = files.front();
  auto contents = scanner::decode_scan_cache(read_file(cache_file));
  ASSERT_TRUE(contents) << "not a scan cache: " << cache_file;
  edit(*contents);
  write_file(cache_file,
             scanner::encode_scan_cache(contents->files, contents->result, contents->apps));
}

std::string ScannerProject::mark_cached_table(const std::string& table) const {
  std::string marked = upper_case(table);
  edit_scan_cache([&](scanner::ScanCacheContents& contents) {
    for (auto& [key, model] : contents.result.state.models)
      if (model.table == table) model.table = marked;
  });
  return marked;
}

std::string ScannerProject::mark_cached_struct(const std::string& name) const {
  std::string marked = upper_case(name);
  edit_scan_cache([&](scanner::ScanCacheContents& contents) {
    for (auto& app : contents.apps)
      for (auto& model : app.models)
        if (model.name == name) model.name = marked;
    // The built model too, which a scan after an edit keeps for an app it does not read.
    std::vector<ModelKey> keys;
    for (const auto& [key, model] : contents.result.state.models)
      if (key.name == name) keys.push_back(key);
    for (const auto& key : keys) {
      auto model = contents.result.state.models.extract(key);
      auto source = contents.result.sources.extract(key);
      model.key().name = model.mapped().name = source.key().name = marked;
      contents.result.state.models.insert(std::move(model));
      contents.result.sources.insert(std::move(source));
    }
  });
  return marked;
}

}  // namespace dbmig::test
