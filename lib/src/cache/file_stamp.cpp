#include "cache/file_stamp.hpp"

#include <chrono>
#include <cstring>
#include <fstream>
#include <system_error>

namespace dbmig {

namespace fs = std::filesystem;

// Size and modification time as one string: when both match what was stored, the file is
// taken as unchanged without reading it (hundreds of standard headers on every run). Empty for
// a file modified in the seconds before it was read: file times are coarse, so an edit in the
// same tick with the same size would go unseen ("racy git"); such files are hashed on the next
// run.
std::optional<std::string> size_and_time(const fs::path& path, fs::file_time_type read_from) {
  constexpr auto kSettled = std::chrono::seconds(2);
  std::error_code error;
  auto size = fs::file_size(path, error);
  if (error) return std::nullopt;
  auto time = fs::last_write_time(path, error);
  if (error) return std::nullopt;
  if (time > read_from - kSettled) return "";
  return std::to_string(size) + ":" + std::to_string(time.time_since_epoch().count());
}

// 8 bytes a step, multiply-xorshift mixing.
std::optional<std::string> read_file_bytes(const fs::path& path) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return std::nullopt;  // a folder "opens" too
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  auto size = in.tellg();
  if (size < 0) return std::nullopt;
  std::string data(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(data.data(), static_cast<std::streamsize>(data.size()))) return std::nullopt;
  return data;
}

std::optional<StampedFile> stamp_file(const fs::path& path, fs::file_time_type read_from) {
  auto stamp = size_and_time(path, read_from);
  auto data = read_file_bytes(path);
  if (!stamp || !data) return std::nullopt;
  return StampedFile{path.string(), content_hash(*data), *stamp};
}

bool unchanged(const StampedFile& file) {
  if (!file.stamp.empty() && size_and_time(file.path) == file.stamp) return true;
  auto data = read_file_bytes(file.path);
  return data && content_hash(*data) == file.hash;
}

}  // namespace dbmig
