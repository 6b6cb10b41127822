// The files each app's models are read from: what decides which apps a changed file makes the
// scanner read again (scan_models.cpp).
#pragma once

#include <filesystem>
#include <vector>

#include "dbmig/project_config.hpp"
#include "scanner/translation_unit.hpp"

namespace dbmig::scanner {

// One name per file: clang names a file by the path it was last included by
// ("apps/blog/../accounts/models.hpp"), so a file has as many names as include paths lead to
// it; this resolves "..", "." and symbolic links.
std::filesystem::path file_identity(const std::filesystem::path& file);

// file_identity() of each of `files`, resolving each folder once: resolving a path costs a
// system call per component, and a scan's ~100 standard headers sit in a few folders (~1.5 ms
// of an edit of the medium benchmark project, docs/benchmark.md).
std::vector<std::filesystem::path> file_identities(const std::vector<std::filesystem::path>& files);

// The app's headers and every file under `root` they include, directly or through other such
// files (file_identity() names), sorted. A file outside `root` (the standard library, a
// third-party include path) ends the walk: no app owns it, so a change to it makes every app
// read again.
std::vector<std::filesystem::path> files_of_app(const TranslationUnit& unit, const AppConfig& app,
                                                const std::filesystem::path& root);

}  // namespace dbmig::scanner
