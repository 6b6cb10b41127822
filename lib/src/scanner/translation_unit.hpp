// One libclang parse of every app header at once: the generated translation unit that includes
// them all (one TU is ~40x faster than one per header: docs/benchmark.md), its diagnostics and the
// files it read.
#pragma once

#include "scanner/libclang.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "dbmig/source_location.hpp"

namespace dbmig::scanner {

// Owns a CXIndex and a CXTranslationUnit.
class TranslationUnit {
 public:
  // Parses `main_source` (kept in memory, never written) as `main_path` with `arguments`;
  // `options` adds CXTranslationUnit_* flags to the scanner's own. Throws InputError when
  // libclang cannot parse at all; C++ errors are in errors().
  TranslationUnit(const std::filesystem::path& main_path, const std::string& main_source,
                  const std::vector<std::string>& arguments, unsigned options = 0);
  // As the constructor, but null instead of the exception: for parses whose failure is dbmig's
  // own business (a precompiled header libclang refuses), answered by parsing another way.
  static std::unique_ptr<TranslationUnit> try_parse(const std::filesystem::path& main_path,
                                                    const std::string& main_source,
                                                    const std::vector<std::string>& arguments,
                                                    unsigned options = 0);
  ~TranslationUnit();
  TranslationUnit(const TranslationUnit&) = delete;
  TranslationUnit& operator=(const TranslationUnit&) = delete;

  CXTranslationUnit get() const { return unit_; }
  CXCursor cursor() const { return clang_getTranslationUnitCursor(unit_); }

  // Every error and fatal diagnostic as "file:line:col: error: message", files relative to
  // `root`.
  std::vector<std::string> errors(const std::filesystem::path& root) const;

  // Every file the parse read (headers included, the generated main file excluded), as clang
  // opened them, sorted: what the cache checks. Without the files of a precompiled header: its
  // inclusions are not the unit's own.
  std::vector<std::filesystem::path> included_files() const;

  // The files `file`'s own #include directives name, as clang opened them, in order; also
  // those already included before (which included_files() sees only once). Empty for a file
  // the unit did not read.
  std::vector<std::filesystem::path> files_included_by(const std::filesystem::path& file) const;

  // Writes the unit as a precompiled header (parsed with CXTranslationUnit_ForSerialization);
  // false when libclang cannot.
  bool save(const std::filesystem::path& path) const;

 private:
  TranslationUnit() = default;
  // libclang's answer; on anything but success, nothing is kept.
  CXErrorCode parse(const std::filesystem::path& main_path, const std::string& main_source,
                    const std::vector<std::string>& arguments, unsigned options);

  CXIndex index_ = nullptr;
  CXTranslationUnit unit_ = nullptr;
};

// Owns a CXString and hands out its text.
std::string to_string(CXString text);

// `location` as the user wrote it (macro uses, not macro bodies), relative to `root`.
SourceLocation source_location(CXSourceLocation location, const std::filesystem::path& root);

// source_location() for the many locations of one unit, each file's path worked out once: the
// paths were a third of reading the models of the 500-model benchmark project.
class SourceLocator {
 public:
  explicit SourceLocator(std::filesystem::path root) : root_(std::move(root)) {}
  SourceLocation operator()(CXSourceLocation location);

 private:
  std::filesystem::path root_;
  std::unordered_map<CXFile, std::string> shown_paths_;
};

// The normalized absolute path of the file `location` expands in, or empty.
std::filesystem::path file_of(CXSourceLocation location);

// Whether `path` is `root` or below it, lexically.
bool is_inside(const std::filesystem::path& path, const std::filesystem::path& root);

// `path` relative to `root` when inside it, else as given.
std::string display_path(const std::filesystem::path& path, const std::filesystem::path& root);

}  // namespace dbmig::scanner
