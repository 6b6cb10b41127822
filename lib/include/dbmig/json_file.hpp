// Reading and writing the JSON files users keep in git (dbmig.json, migrations).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace dbmig {

// Bounds on what the readers accept (docs/migration-files.md "Limits"): far beyond any real
// file, and low enough that a damaged one cannot exhaust the stack or the memory.
inline constexpr std::size_t kMaxJsonDepth = 64;
inline constexpr std::uintmax_t kMaxJsonFileBytes = std::uintmax_t{64} << 20;

// Parses `text`. Throws InputError "<file>:<line>:<col>: not valid JSON: ..." on a syntax
// error, and a located InputError for nesting deeper than kMaxJsonDepth, a key given twice in
// one object, a string holding \u0000 and a number out of a double's range.
nlohmann::json parse_json_text(const std::string& text, const std::string& file);

// Reads and parses a file; a missing, unreadable or oversized file, or a folder, is an
// InputError naming it.
nlohmann::json read_json_file(const std::filesystem::path& path, const std::string& shown_name);

// The canonical text of a file dbmig writes: two-space indent, keys in insertion order,
// one trailing newline, so regeneration is byte-identical and diffs review well.
std::string format_json(const nlohmann::ordered_json& json);

// Writes `text` to a temporary file beside `path` and renames it into place, so a crash never
// leaves a half-written file.
void write_file_atomically(const std::filesystem::path& path, const std::string& text);

// write_file_atomically for a file dbmig rebuilds when it is missing (a cache): the old file is
// removed before the new one is renamed into place, because on ext4 a rename over an existing
// file makes the kernel start writing the new one out at once (auto_da_alloc), which the
// command then waits for: ~1 ms for the 0.8 MB scan cache of the 500-model benchmark project,
// at times tens of ms (docs/benchmark.md). A run that stops in between leaves no file.
void replace_cache_file(const std::filesystem::path& path, const std::string& bytes);

// Where to write `path` before renaming it into place: beside it (a rename stays within one
// file system) and named after this process, so that two dbmig runs writing the same file
// never write into one temporary file.
std::filesystem::path temporary_path_beside(const std::filesystem::path& path);

// "<file>: <path>: <message>", the shape of every error about a value in a JSON file.
std::string json_error(const std::string& file, const std::string& json_path,
                       const std::string& message);

}  // namespace dbmig
