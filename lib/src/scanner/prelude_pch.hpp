// The precompiled prelude. Parsing <string>, <optional> and <chrono> is most of a models parse
// (~400 ms on the 2-core machine, docs/benchmark.md) and they do not change between two scans, so
// they are parsed once into a precompiled header (PCH) in the cache folder; a later parse loads
// it in ~10 ms and deserializes only the declarations it uses. A PCH is valid only for the
// language options and defines it was built with: each set of compiler arguments has its own.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "cache/file_stamp.hpp"

namespace dbmig::scanner {

class TranslationUnit;

// The version text of the libclang loaded, which a PCH is valid for ("Debian clang version 14…").
std::string libclang_version();

// What every models translation unit starts with, precompiled or not (scan_models.cpp), so
// both parse the same code: <dbmig/model.hpp> and the standard headers of the type mapping
// (docs/models.md "Types").
inline constexpr std::string_view kPrelude =
    "#include <dbmig/model.hpp>\n"
    "#include <chrono>\n"
    "#include <cstddef>\n"
    "#include <cstdint>\n"
    "#include <ctime>\n"
    "#include <optional>\n"
    "#include <string>\n"
    "#include <vector>\n";

// What the PCH holds besides kPrelude: a struct that instantiates the templates of the mapped
// types, once, where each parse with the PCH would instantiate them again (a third of the parse
// of one app's 25 models). A parse without the PCH (a first scan) would only pay for it:
// ~5 MiB and ~50 ms on the 500-model benchmark project.
inline constexpr std::string_view kPchInstantiations =
    "namespace dbmig_prelude {\n"
    "struct Instantiations {\n"
    "  std::string text = \"\";\n"
    "  std::optional<std::string> optional_text;\n"
    "  std::optional<std::int8_t> i8;\n"
    "  std::optional<std::int16_t> i16;\n"
    "  std::optional<std::int32_t> i32 = 0;\n"
    "  std::optional<std::int64_t> i64;\n"
    "  std::optional<std::uint8_t> u8;\n"
    "  std::optional<std::uint16_t> u16;\n"
    "  std::optional<std::uint32_t> u32;\n"
    "  std::optional<std::uint64_t> u64;\n"
    "  std::optional<bool> b;\n"
    "  std::optional<float> f;\n"
    "  std::optional<double> d;\n"
    "  std::optional<std::chrono::system_clock::time_point> t;\n"
    "  std::optional<std::chrono::year_month_day> ymd;\n"
    "  std::optional<std::tm> tm;\n"
    "  std::optional<std::vector<std::uint8_t>> bytes;\n"
    "};\n"
    "}  // namespace dbmig_prelude\n";

// The PCH of kPrelude and kPchInstantiations for one argument set:
// <cache>/prelude-<hash>.pch, the hash taken over the arguments, that source and the libclang
// version, and beside it prelude-<hash>.files, its record: the PCH's checksum and
// size-and-time stamp, then every file the prelude read with its content hash and stamp, which
// the scan cache takes instead of reading ~200 standard headers again (2.5 MB) on a first scan.
class PreludePch {
 public:
  PreludePch(const std::filesystem::path& cache_dir, std::vector<std::string> arguments);

  enum class Loaded { intact, missing, damaged };
  // Whether an intact PCH is in place: one whose bytes match the checksum of its record, so a
  // damaged file never reaches libclang (which may crash on it or read wrong declarations).
  // The bytes are read only when the PCH's size or time differs from the record's stamp;
  // once they match, the record takes the new stamp (when the folder is writable), so later
  // runs skip reading 7 MB.
  Loaded load();
  // Parses the prelude and writes its record and then the PCH, each through a temporary file
  // and a rename, and removes the PCHs of other argument sets (7 MB each) and the temporary
  // files of interrupted runs. False when libclang cannot (the prelude has errors under these
  // arguments), when a file it read changed in the last 2 s, or when the folder is not
  // writable.
  bool build();
  // Deletes the PCH and its record: libclang refused the PCH.
  void discard();
  // Gives the PCH a modification time `age` in the past, so that the next load() may stamp it
  // at once: a later write gives it the time of that write, which the stamp never matches.
  void backdate(std::chrono::seconds age) const;

  const std::filesystem::path& path() const { return pch_; }
  // After load() or build(): the arguments that parse with the PCH, and the files it was built
  // from as they were then, which a parse using it depends on although clang_getInclusions
  // does not list them.
  std::vector<std::string> arguments_using_it() const;
  const std::vector<StampedFile>& included_files() const { return files_; }

 private:
  bool write(const TranslationUnit& unit, const std::vector<StampedFile>& files) const;
  bool write_record(const std::string& checksum, const std::string& stamp,
                    const std::vector<StampedFile>& files) const;
  bool read_record(const std::string& record, std::string& checksum, std::string& stamp);
  void remove_other_preludes() const;

  std::vector<std::string> arguments_;
  std::filesystem::path pch_;
  std::filesystem::path record_;
  std::vector<StampedFile> files_;
};

}  // namespace dbmig::scanner
