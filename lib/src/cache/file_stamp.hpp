// Telling whether a file changed since it was last seen, cheaply: caches (the scan cache, the
// makemigrations memo) keep a StampedFile for every input they were computed from.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "cache/content_hash.hpp"

namespace dbmig {

// The whole file, or std::nullopt when it cannot be read.
std::optional<std::string> read_file_bytes(const std::filesystem::path& path);

struct StampedFile {
  std::string path;
  std::uint64_t hash = 0;  // content_hash of the file
  std::string stamp;       // size and modification time; empty when too recent to trust
  bool operator==(const StampedFile&) const = default;
};

// std::nullopt when the file cannot be read. The stamp is empty when the file was modified less
// than 2 s before `read_from`: when its content began to be read (the start of the parse that
// read it), not later, so that a slow reader does not narrow that window.
std::optional<StampedFile> stamp_file(
    const std::filesystem::path& path,
    std::filesystem::file_time_type read_from = std::filesystem::file_time_type::clock::now());

// StampedFile::stamp alone, for files too big to hash on every run (an executable): size and
// modification time, empty when modified too recently to trust (less than 2 s before
// `read_from`); std::nullopt when missing.
std::optional<std::string> size_and_time(
    const std::filesystem::path& path,
    std::filesystem::file_time_type read_from = std::filesystem::file_time_type::clock::now());

// True when the file still has the content it had when stamped: an unchanged size and
// modification time answer without reading it; otherwise its content hash decides.
bool unchanged(const StampedFile& file);

}  // namespace dbmig
