#include "scanner/prelude_pch.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>

#include "cache/file_stamp.hpp"
#include "dbmig/error.hpp"
#include "dbmig/json_file.hpp"
#include "scanner/translation_unit.hpp"

namespace dbmig::scanner {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kNamePrefix = "prelude-";

// std::hash is stable within one dbmig build, which is all that a file name and a checksum
// that the same build writes and reads need; another build at worst rebuilds the PCH.
std::string hash_hex(std::string_view bytes) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx",
                static_cast<unsigned long long>(std::hash<std::string_view>{}(bytes)));
  return text;
}

// In one read: the PCH is ~7 MB and is checked on every scan that uses it.
std::optional<std::string> read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  std::string bytes(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return std::nullopt;
  return bytes;
}

std::string pch_source() {
  return std::string(kPrelude) + std::string(kPchInstantiations);
}

// Bump when the record's format changes: a record of another format then has another name.
constexpr std::string_view kRecordFormat = "record-2";

// Everything a PCH's validity depends on besides the files it read (which clang checks).
std::string pch_key(const std::vector<std::string>& arguments) {
  std::string key = std::string(kRecordFormat) + '\0' + pch_source();
  key += '\0' + libclang_version();
  for (const auto& argument : arguments) key += '\0' + argument;
  return key;
}

// The files, stamped; std::nullopt unless each settled before the build began. clang accepts a
// PCH while every file it was built from keeps its size and modification time in whole
// seconds, so a same-size edit in the second a file was read would go unseen: a PCH is kept
// only when its files settled 2 s before (as in the scan cache, for file systems with coarse
// times), and then each has a stamp.
std::optional<std::vector<StampedFile>> stamped_if_settled(const std::vector<fs::path>& files,
                                                           fs::file_time_type started) {
  std::vector<StampedFile> stamped;
  for (const auto& file : files) {
    auto one = stamp_file(file, started);
    if (!one || one->stamp.empty()) return std::nullopt;
    stamped.push_back(std::move(*one));
  }
  return stamped;
}

}  // namespace

std::string libclang_version() {
  return to_string(clang_getClangVersion());
}

PreludePch::PreludePch(const fs::path& cache_dir, std::vector<std::string> arguments)
    : arguments_(std::move(arguments)) {
  std::string stem = std::string(kNamePrefix) + hash_hex(pch_key(arguments_));
  pch_ = cache_dir / (stem + ".pch");
  record_ = cache_dir / (stem + ".files");
}

PreludePch::Loaded PreludePch::load() {
  auto record = read_all(record_);
  if (!record) return Loaded::missing;
  std::string checksum;
  std::string stamp;
  if (!read_record(*record, checksum, stamp)) return Loaded::missing;
  if (!stamp.empty() && size_and_time(pch_) == stamp) return Loaded::intact;
  auto bytes = read_all(pch_);
  if (!bytes) return Loaded::missing;
  if (hash_hex(*bytes) != checksum) return Loaded::damaged;
  if (auto now = size_and_time(pch_); now && !now->empty()) write_record(checksum, *now, files_);
  return Loaded::intact;
}

bool PreludePch::build() {
  auto started = fs::file_time_type::clock::now();
  // The same arguments and options as the models parse, plus serialization: a PCH is only
  // accepted by a parse with the language options it was built with.
  auto unit = TranslationUnit::try_parse(pch_.parent_path() / "prelude.hpp", pch_source(),
                                         arguments_, CXTranslationUnit_ForSerialization);
  if (!unit || !unit->errors({}).empty()) return false;
  auto files = stamped_if_settled(unit->included_files(), started);
  if (!files || !write(*unit, *files)) return false;
  files_ = std::move(*files);
  remove_other_preludes();
  return true;
}

void PreludePch::discard() {
  std::error_code ignored;
  fs::remove(pch_, ignored);
  fs::remove(record_, ignored);
}

void PreludePch::backdate(std::chrono::seconds age) const {
  std::error_code ignored;
  fs::last_write_time(pch_, fs::file_time_type::clock::now() - age, ignored);
}

std::vector<std::string> PreludePch::arguments_using_it() const {
  std::vector<std::string> arguments = arguments_;
  // By default clang checks the standard headers a PCH was built from (size and time) only
  // when a parse reaches into one (the model reader's walk of the top-level declarations does);
  // this checks them all before the PCH is used, so a library upgrade is a refused PCH
  // (rebuilt), whatever the parse touches.
  arguments.insert(arguments.end(),
                   {"-fmodules-validate-system-headers", "-include-pch", pch_.string()});
  return arguments;
}

bool PreludePch::write(const TranslationUnit& unit, const std::vector<StampedFile>& files) const {
  std::error_code error;
  fs::create_directories(pch_.parent_path(), error);
  // Two scans building at once each rename a complete file into place.
  fs::path temporary = temporary_path_beside(pch_);
  std::optional<std::string> bytes;
  if (unit.save(temporary)) bytes = read_all(temporary);
  // The record first: a PCH in place always has one, and a record without its PCH (or with
  // another's) fails load().
  // No stamp yet: the file is too new to trust its time (file_stamp.hpp); the first load that
  // verifies the bytes records it.
  if (bytes && write_record(hash_hex(*bytes), "", files)) {
    fs::rename(temporary, pch_, error);
    if (!error) return true;
  }
  fs::remove(temporary, error);  // best effort: this run parses without the PCH
  return false;
}

// The record: "<checksum> <stamp>", then a line per file, "<hash>\t<stamp>\t<path>" (a path
// may hold spaces).
bool PreludePch::write_record(const std::string& checksum, const std::string& stamp,
                              const std::vector<StampedFile>& files) const {
  std::string text = checksum + " " + stamp + "\n";
  for (const auto& file : files)
    text += std::to_string(file.hash) + "\t" + file.stamp + "\t" + file.path + "\n";
  try {
    write_file_atomically(record_, text);
    return true;
  } catch (const Error&) {
    return false;
  }
}

// False for a record not of this format (a damaged one), which is then built again.
bool PreludePch::read_record(const std::string& record, std::string& checksum, std::string& stamp) {
  std::istringstream lines(record);
  lines >> checksum;
  std::getline(lines, stamp);
  if (!stamp.empty()) stamp.erase(0, 1);  // the separating space
  files_.clear();
  for (std::string line; std::getline(lines, line);) {
    std::size_t first_tab = line.find('\t');
    std::size_t second_tab = line.find('\t', first_tab + 1);
    if (first_tab == std::string::npos || second_tab == std::string::npos) return false;
    StampedFile file{line.substr(second_tab + 1), 0,
                     line.substr(first_tab + 1, second_tab - first_tab - 1)};
    auto [end, error] = std::from_chars(line.data(), line.data() + first_tab, file.hash);
    if (error != std::errc() || end != line.data() + first_tab) return false;
    files_.push_back(std::move(file));
  }
  return true;
}

void PreludePch::remove_other_preludes() const {
  std::vector<fs::path> others;
  std::error_code error;
  for (fs::directory_iterator it(pch_.parent_path(), error), end; !error && it != end;
       it.increment(error)) {
    const fs::path& file = it->path();
    if (file.filename().string().starts_with(kNamePrefix) && file != pch_ && file != record_)
      others.push_back(file);
  }
  for (const auto& file : others) fs::remove(file, error);
}

}  // namespace dbmig::scanner
