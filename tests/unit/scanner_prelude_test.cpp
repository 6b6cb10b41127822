// The precompiled prelude (lib/src/scanner/prelude_pch.hpp): a scan that uses it gives exactly
// what a scan without it gives, errors included; a damaged or stale one is rebuilt; another set
// of compiler arguments gets its own. A first scan never builds it, so each test scans, edits a
// header and scans again to get one. ScannerPrelude tests the project's own prelude, without
// the one shipped with dbmig; ShippedPrelude (lib/src/scanner/shipped_prelude.hpp) that one.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "cache/content_hash.hpp"
#include "cache/file_stamp.hpp"
#include "core/text.hpp"
#include "dbmig/project_config.hpp"
#include "scanner/compile_flags.hpp"
#include "scanner/models_parse.hpp"
#include "scanner/shipped_prelude.hpp"
#include "scanner_fixture.hpp"

namespace dbmig {

namespace fs = std::filesystem;

namespace {

constexpr const char* kNotes = R"(namespace notes {
struct DBMIG_MODEL() Note {
  DBMIG_FIELD(primary_key) std::int64_t id;
  DBMIG_FIELD(max_length = 80) std::string title;
  std::optional<std::string> body;
  std::chrono::system_clock::time_point created_at;
  std::vector<std::uint8_t> attachment;
};
}
)";

// The prelude PCHs in the project's cache folder.
std::vector<fs::path> pch_files(const fs::path& root) {
  std::vector<fs::path> files;
  std::error_code missing;
  for (const auto& entry : fs::directory_iterator(root / "build" / "dbmig-cache", missing))
    if (entry.path().extension() == ".pch") files.push_back(entry.path());
  return files;
}

// The one PCH a scan left; a scan that could not use the PCH it built deletes it.
fs::path only_pch(const fs::path& root) {
  auto files = pch_files(root);
  EXPECT_EQ(files.size(), 1u) << "expected one precompiled prelude in " << root;
  return files.empty() ? fs::path() : files.front();
}

void append(const fs::path& file, const std::string& text) {
  test::write_file(file, test::read_file(file) + text);
}

// Scans, edits `header` (a comment, so the result stays), and scans again: the second scan
// builds the PCH and parses with it.
void scan_until_the_pch_is_built(const test::ScannerProject& project, const std::string& header) {
  project.scan();
  append(project.root() / header, "// edited\n");
  project.scan();
}

// The same project files scanned in a fresh copy: a first scan, which parses without a PCH.
ScanResult scan_without_pch(const fs::path& root) {
  test::ScannerProject copy;
  fs::copy(root / "apps", copy.root() / "apps", fs::copy_options::recursive);
  if (fs::exists(root / "dbmig.json")) fs::copy(root / "dbmig.json", copy.root() / "dbmig.json");
  ScanResult result = copy.scan();
  EXPECT_TRUE(pch_files(copy.root()).empty());
  return result;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts(1);
  for (char c : text) {
    if (c == separator)
      parts.emplace_back();
    else
      parts.back() += c;
  }
  return parts;
}

bool has_file_named(const std::vector<fs::path>& files, const std::string& name) {
  return std::any_of(files.begin(), files.end(),
                     [&](const fs::path& file) { return file.filename() == name; });
}

// A time far enough back that a file rebuilt afterwards is newer whatever the clock does.
const fs::file_time_type kOld = fs::file_time_type::clock::now() - std::chrono::hours(3);

void mark_old(const fs::path& file) {
  fs::last_write_time(file, kOld);
}

// The PCH was written again since mark_old.
bool rebuilt(const fs::path& pch) {
  return fs::last_write_time(pch) > kOld;
}

// A project with the notes app and its own PCH built: the PCH and its record.
struct NotesWithPch {
  test::ScannerProject project;
  fs::path pch;
  fs::path record;
  NotesWithPch() {
    project.write("apps/notes/models.hpp", kNotes);
    scan_until_the_pch_is_built(project, "apps/notes/models.hpp");
    pch = only_pch(project.root());
    record = fs::path(pch).replace_extension(".files");
  }
};

// <include>/dbmig/model.hpp: a copy of <dbmig/model.hpp> that also declares notes_types::Level
// as `type` (std::int32_t or std::int64_t, so that the header keeps its size), modified at `time`.
void write_model_hpp_with_level(const fs::path& include, const std::string& type,
                                fs::file_time_type time) {
  fs::path model_hpp = include / "dbmig" / "model.hpp";
  test::write_file(
      model_hpp, test::read_file(fs::path(DBMIG_INCLUDE_DIR) / "dbmig/model.hpp") +
                     "#include <cstdint>\nnamespace notes_types { using Level = " + type + "; }\n");
  fs::last_write_time(model_hpp, time);
}

constexpr const char* kLevelNotes = R"(namespace notes {
struct DBMIG_MODEL() Note {
  DBMIG_FIELD(primary_key) std::int64_t id;
  notes_types::Level level;
};
}
)";

// The type a scan read for notes::Note::level.
FieldType level_type(const ScanResult& result) {
  return result.state.get({"notes", "Note"}).find_field("level")->type;
}

// A project whose model takes the type of a field from a copy of <dbmig/model.hpp> on the
// system include path: a header that goes into the PCH, which a test changes.
struct LevelProject {
  LevelProject() {
    project.write("dbmig.json",
                  R"({"clang_args": ["-isystem", ")" + include.path().string() + R"("]})", false);
    project.write("apps/notes/models.hpp", kLevelNotes);
  }

  void set_level_type(const std::string& type, fs::file_time_type time) const {
    write_model_hpp_with_level(include.path(), type, time);
  }

  FieldType scanned_level_type() const { return level_type(project.scan()); }

  test::TempDir include;
  test::TempDir no_include;  // the scanner's own -I folder, empty: -isystem finds the copy
  test::ScopedEnv include_dir{"DBMIG_INCLUDE_DIR", no_include.path().c_str()};
  test::ScannerProject project;
};

// A scan of `root`, and what it says at verbosity 2 of how it read the models.
struct NotedScan {
  ScanResult result;
  std::vector<std::string> notes;
};

NotedScan noted_scan(const fs::path& root) {
  ProjectConfig config = load_project_config(root);
  PendingScan scan(config);
  ScanResult result = scan.finish();
  return {std::move(result), scan.notes()};
}

// A project without compile flags of its own, whose <dbmig/model.hpp> is a copy
// (DBMIG_INCLUDE_DIR) declaring the type of a field, and the prelude shipped for it, built in a
// folder of its own (DBMIG_PRELUDE_DIR) as `dbmig build-prelude` builds it. Changing the copy
// with its size and time kept is unseen by clang, so the type a scan reads says whether it
// parsed with the shipped PCH (the type the PCH was built with) or without it.
struct ShippedPreludeProject {
  ShippedPreludeProject() {
    write_model_hpp_with_level(include.path(), "std::int32_t", kSettled);
    scanner::build_shipped_prelude(shipped.path());
    project.write("apps/notes/models.hpp", kLevelNotes);
  }

  fs::path pch() const {
    for (const auto& entry : fs::directory_iterator(shipped.path()))
      if (entry.path().extension() == ".pch") return entry.path();
    return {};
  }

  // The copy declares std::int64_t now, unseen by clang.
  void change_header_behind_clangs_back() const {
    write_model_hpp_with_level(include.path(), "std::int64_t", kSettled);
  }

  const fs::file_time_type kSettled = fs::file_time_type::clock::now() - std::chrono::hours(1);
  test::TempDir include;
  test::ScopedEnv include_dir{"DBMIG_INCLUDE_DIR", include.path().c_str()};
  test::TempDir shipped;
  test::ScopedEnv prelude_dir{"DBMIG_PRELUDE_DIR", shipped.path().c_str()};
  test::ScannerProject project;
};

bool says(const std::vector<std::string>& notes, const std::string& text) {
  return notes.size() == 1 && notes.front().find(text) != std::string::npos;
}

// A scan that could not use the shipped prelude: it read the header as it is now (int64), and its
// note says `why`.
void expect_parsed_without_it(const ShippedPreludeProject& shipped, const std::string& why) {
  NotedScan scan = noted_scan(shipped.project.root());
  EXPECT_EQ(level_type(scan.result), FieldType::int64);
  EXPECT_TRUE(says(scan.notes, why)) << join(scan.notes, "\n");
}

class ScannerPrelude : public ::testing::Test {
  test::ScopedEnv no_shipped_prelude_{"DBMIG_PRELUDE_DIR", ""};
};

}  // namespace

TEST_F(ScannerPrelude, AScanAfterAnEditUsesThePchAndGivesTheResultOfAScanWithoutIt) {
  test::ScannerProject project("demo");
  EXPECT_TRUE(project.scan().state.get({"blog", "Blog"}).find_field("subtitle") == nullptr);
  EXPECT_TRUE(pch_files(project.root()).empty());  // a first scan builds none
  fs::path blog = project.root() / "apps/blog/models.hpp";
  std::string text = test::read_file(blog);
  text.replace(text.find("  bool active"), 0, "  std::optional<std::string> subtitle;\n");
  test::write_file(blog, text);

  ScanResult with_pch = project.scan();
  fs::path pch = only_pch(project.root());
  EXPECT_NE(with_pch.state.get({"blog", "Blog"}).find_field("subtitle"), nullptr);
  EXPECT_EQ(with_pch, scan_without_pch(project.root()));

  // The next edit loads the same PCH instead of building it again.
  mark_old(pch);
  auto built_at = fs::last_write_time(pch);
  append(blog, "// edited\n");
  EXPECT_EQ(project.scan(), with_pch);
  EXPECT_EQ(only_pch(project.root()), pch);
  EXPECT_EQ(fs::last_write_time(pch), built_at);
}

// The unit parsed with the PCH does not list the standard headers (they are in the PCH), yet
// the scan cache must see them: the prelude's files are added back.
TEST_F(ScannerPrelude, TheFilesAParseDependsOnIncludeThoseInThePch) {
  test::ScannerProject project("demo");
  ProjectConfig config = load_project_config(project.root());
  std::vector<std::string> arguments = scanner::scan_arguments(config);
  std::string source = scanner::models_source(config.apps);
  scanner::ModelsParse plain = scanner::parse_models(config, source, arguments, false);
  scanner::ModelsParse with_pch = scanner::parse_models(config, source, arguments, true);
  ASSERT_EQ(pch_files(project.root()).size(), 1u);
  EXPECT_TRUE(has_file_named(plain.unit->included_files(), "string"));
  EXPECT_FALSE(has_file_named(with_pch.unit->included_files(), "string"));
  EXPECT_TRUE(has_file_named(with_pch.files, "string"));
  EXPECT_TRUE(has_file_named(with_pch.files, "model.hpp"));
  EXPECT_EQ(with_pch.files, plain.files);
}

TEST_F(ScannerPrelude, ADamagedPchIsNeverUsedAndIsRebuilt) {
  NotesWithPch notes;
  const test::ScannerProject& project = notes.project;
  const fs::path& pch = notes.pch;
  std::string bytes = test::read_file(pch);
  ScanResult expected = scan_without_pch(project.root());

  std::string flipped = bytes;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x5a);
  for (const std::string& damaged : {bytes.substr(0, bytes.size() / 2), flipped}) {
    test::write_file(pch, damaged);
    mark_old(pch);
    append(project.root() / "apps/notes/models.hpp", "// edited\n");
    EXPECT_EQ(project.scan(), expected);
    EXPECT_EQ(only_pch(project.root()), pch);
    EXPECT_EQ(test::read_file(pch).size(), bytes.size());
    EXPECT_TRUE(rebuilt(pch));
  }
}

// Reading 7 MB to check the PCH on every scan is a tenth of a scan after an edit: once its
// bytes have been checked, the record holds its size and time, and only a PCH that no longer
// has them is read again, and refused when damaged.
TEST_F(ScannerPrelude, ACheckedPchIsStampedAndAChangedOneIsCheckedAgain) {
  NotesWithPch notes;
  const test::ScannerProject& project = notes.project;
  const fs::path& pch = notes.pch;
  const fs::path& record = notes.record;
  mark_old(pch);
  append(project.root() / "apps/notes/models.hpp", "// edited\n");
  ScanResult expected = project.scan();
  std::string first_line = test::read_file(record).substr(0, test::read_file(record).find('\n'));
  EXPECT_NE(first_line.find(' ' + std::to_string(fs::file_size(pch)) + ':'), std::string::npos)
      << first_line;

  std::string bytes = test::read_file(pch);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x5a);
  test::write_file(pch, bytes);
  fs::last_write_time(pch, kOld - std::chrono::hours(1));  // not the time in the record
  append(project.root() / "apps/notes/models.hpp", "// edited again\n");
  EXPECT_EQ(project.scan(), expected);
  EXPECT_TRUE(rebuilt(pch));
}

// The record stamps every file the PCH was built from, so a scan with no scan cache (a fresh
// clone, with the prelude shipped with dbmig) takes those stamps instead of reading ~200
// standard headers again. A forged hash in the record shows where the cache's stamp came from.
TEST_F(ScannerPrelude, TheScanCacheTakesTheStampsOfThePreludesRecord) {
  NotesWithPch notes;
  const test::ScannerProject& project = notes.project;
  const fs::path& record = notes.record;
  std::vector<std::string> lines = split(test::read_file(record), '\n');
  std::string string_header;
  for (std::size_t i = 1; i + 1 < lines.size(); ++i) {  // the last is empty (after "\n")
    std::vector<std::string> fields = split(lines[i], '\t');
    ASSERT_EQ(fields.size(), 3u) << lines[i];
    EXPECT_EQ(fields[0], std::to_string(content_hash(test::read_file(fields[2])))) << lines[i];
    EXPECT_FALSE(fields[1].empty()) << lines[i];
    if (fs::path(fields[2]).filename() == "string") {
      string_header = fields[2];
      lines[i] = "12345\t" + fields[1] + "\t" + fields[2];
    }
  }
  ASSERT_FALSE(string_header.empty());
  test::write_file(record, join(lines, "\n"));
  for (const auto& cache : project.scan_cache_files()) fs::remove(cache);

  project.scan();
  auto cache = scanner::decode_scan_cache(test::read_file(project.scan_cache_files().at(0)));
  ASSERT_TRUE(cache);
  auto stamped = std::find_if(cache->files.begin(), cache->files.end(),
                              [&](const StampedFile& file) { return file.path == string_header; });
  ASSERT_NE(stamped, cache->files.end());
  EXPECT_EQ(stamped->hash, 12345u);
}

// A record whose file lines are not "<hash>\t<stamp>\t<path>" (damaged) is a missing PCH:
// it is built again, and the scan gives the same result.
TEST_F(ScannerPrelude, ARecordOfAnotherFormatIsBuiltAgain) {
  NotesWithPch notes;
  const test::ScannerProject& project = notes.project;
  const fs::path& pch = notes.pch;
  const fs::path& record = notes.record;
  std::vector<std::string> lines = split(test::read_file(record), '\n');
  for (std::size_t i = 1; i < lines.size(); ++i)
    if (!lines[i].empty()) lines[i] = split(lines[i], '\t').back();  // the path alone
  test::write_file(record, join(lines, "\n"));
  mark_old(pch);
  ScanResult expected = scan_without_pch(project.root());
  append(project.root() / "apps/notes/models.hpp", "// edited again\n");
  EXPECT_EQ(project.scan(), expected);
  EXPECT_TRUE(rebuilt(pch));
  EXPECT_EQ(split(split(test::read_file(record), '\n').at(1), '\t').size(), 3u);
}

// A header the PCH was built from changes, as in a standard library upgrade: clang refuses the
// PCH, it is rebuilt, and the scan cache, which never saw that header in the unit's own
// inclusions, still notices the change. The header is on the system include path, like the
// standard headers.
TEST_F(ScannerPrelude, AChangedSystemHeaderInThePchIsSeenAndThePchRebuilt) {
  LevelProject project;
  auto settled = fs::file_time_type::clock::now() - std::chrono::hours(1);
  project.set_level_type("std::int32_t", settled);
  scan_until_the_pch_is_built(project.project, "apps/notes/models.hpp");
  fs::path pch = only_pch(project.project.root());
  mark_old(pch);

  project.set_level_type("std::int64_t", settled + std::chrono::minutes(30));  // another time
  EXPECT_EQ(project.scanned_level_type(), FieldType::int64);
  EXPECT_EQ(only_pch(project.project.root()), pch);
  EXPECT_TRUE(rebuilt(pch));
}

// clang checks a PCH's files by size and modification time in whole seconds, so a same-size
// edit within the second a file was read would go unseen: a PCH is not kept when a file it
// read changed in the last seconds.
TEST_F(ScannerPrelude, NoPchIsKeptFromAHeaderThatJustChanged) {
  LevelProject project;
  project.set_level_type("std::int32_t", fs::file_time_type::clock::now() - std::chrono::hours(1));
  project.project.scan();
  // Changed "just now" for the scan that would build the PCH: a time ahead of the clock stays
  // recent however slow the scans are on a busy machine.
  auto now = fs::file_time_type::clock::now() + std::chrono::hours(1);
  project.set_level_type("std::int32_t", now);
  append(project.project.root() / "apps/notes/models.hpp", "// edited\n");
  project.project.scan();
  EXPECT_TRUE(pch_files(project.project.root()).empty());

  project.set_level_type("std::int64_t", now);  // same size, same time
  append(project.project.root() / "apps/notes/models.hpp", "// edited\n");
  EXPECT_EQ(project.scanned_level_type(), FieldType::int64);
}

TEST_F(ScannerPrelude, CppErrorsKeepTheirTextAndLocationWithThePch) {
  test::ScannerProject project;
  project.write("apps/bad/models.hpp", kNotes);
  project.scan();
  project.write("apps/bad/models.hpp", R"(namespace bad {
struct DBMIG_MODEL() A {
  DBMIG_FIELD(primary_key) std::int64_t id;
  Unknown first;
  std::strin second;
};
})");
  std::vector<std::string> errors = project.scan_errors();
  EXPECT_EQ(pch_files(project.root()).size(), 1u);
  auto at = [](unsigned line, unsigned column) {
    return "apps/bad/models.hpp:" + std::to_string(test::kPreludeLines + line) + ":" +
           std::to_string(column) + ": error: ";
  };
  EXPECT_EQ(errors,
            (std::vector<std::string>{at(4, 3) + "unknown type name 'Unknown'",
                                      at(5, 8) + "no type named 'strin' in namespace 'std'"}));
  test::ScannerProject plain;
  fs::copy(project.root() / "apps", plain.root() / "apps", fs::copy_options::recursive);
  EXPECT_EQ(plain.scan_errors(), errors);
}

// A PCH carries the defines it was built with, and clang accepts one built with a -D the
// parse lacks: reusing it across argument sets would define NOTE_LEVEL here.
TEST_F(ScannerPrelude, OtherCompilerArgumentsUseAnotherPch) {
  test::ScannerProject project;
  project.write("dbmig.json", R"({"clang_args": ["-DNOTE_LEVEL=7"]})", false);
  project.write("apps/notes/models.hpp", R"(namespace notes {
struct DBMIG_MODEL() Note {
  DBMIG_FIELD(primary_key) std::int64_t id;
#ifdef NOTE_LEVEL
  std::int32_t level = NOTE_LEVEL;
#endif
};
}
)");
  scan_until_the_pch_is_built(project, "apps/notes/models.hpp");
  fs::path first = only_pch(project.root());

  project.write("dbmig.json", R"({"clang_args": ["-DOTHER"]})", false);
  EXPECT_EQ(project.scan().state.get({"notes", "Note"}).find_field("level"), nullptr);
  append(project.root() / "apps/notes/models.hpp", "// edited\n");
  EXPECT_EQ(project.scan().state.get({"notes", "Note"}).find_field("level"), nullptr);
  fs::path second = only_pch(project.root());  // the first one is removed
  EXPECT_NE(second, first);
  EXPECT_FALSE(second.empty());
}

// The prelude comes first in every parse, with or without the PCH, so a header that forgot
// its standard includes (even <dbmig/model.hpp>) scans either way.
TEST_F(ScannerPrelude, AHeaderWithoutIncludesScansWithAndWithoutThePch) {
  test::ScannerProject project;
  project.write("apps/notes/models.hpp", kNotes, /*with_prelude=*/false);
  EXPECT_EQ(project.scan().state.get({"notes", "Note"}).fields.size(), 5u);
  append(project.root() / "apps/notes/models.hpp", "// edited\n");
  EXPECT_EQ(project.scan().state.get({"notes", "Note"}).fields.size(), 5u);
  EXPECT_EQ(pch_files(project.root()).size(), 1u);
}

// A fresh checkout: the first scan parses with the shipped prelude and writes no PCH of its own.
TEST(ShippedPrelude, AFirstScanParsesWithIt) {
  ShippedPreludeProject shipped;
  shipped.change_header_behind_clangs_back();
  NotedScan scan = noted_scan(shipped.project.root());
  EXPECT_EQ(level_type(scan.result), FieldType::int32);  // the PCH's declaration
  EXPECT_TRUE(scan.notes.empty()) << join(scan.notes, "\n");
  EXPECT_TRUE(pch_files(shipped.project.root()).empty());
}

TEST(ShippedPrelude, AnEditParsesWithItAndBuildsNoPreludeOfItsOwn) {
  ShippedPreludeProject shipped;
  ScanResult first = shipped.project.scan();
  append(shipped.project.root() / "apps/notes/models.hpp",
         "struct DBMIG_MODEL() Tag {\n"
         "  DBMIG_FIELD(primary_key) int id;\n"
         "};\n");
  shipped.change_header_behind_clangs_back();
  ScanResult edited = shipped.project.scan();
  EXPECT_TRUE(edited.state.find({"notes", "Tag"}) != nullptr);
  EXPECT_EQ(level_type(edited), FieldType::int32);
  EXPECT_TRUE(pch_files(shipped.project.root()).empty());
}

// The shipped prelude is for the arguments of a project without flags of its own; another set
// parses without it (a PCH carries its defines, ScannerPrelude.OtherCompilerArgumentsUseAnotherPch)
// and says which arguments differ; the project's first edit builds its own.
TEST(ShippedPrelude, OtherArgumentsParseWithoutItAndSayWhichDiffer) {
  ShippedPreludeProject shipped;
  shipped.project.write("dbmig.json", R"({"clang_args": ["-DNOTES=1"]})", false);
  shipped.change_header_behind_clangs_back();
  expect_parsed_without_it(shipped,
                           "is for the compiler arguments of a project without flags of its own; "
                           "this project's add '-DNOTES=1'");
  append(shipped.project.root() / "apps/notes/models.hpp", "// edited\n");
  shipped.project.scan();
  EXPECT_EQ(pch_files(shipped.project.root()).size(), 1u);
}

// A damaged shipped PCH never reaches libclang, and is left as it is: it is not the project's.
TEST(ShippedPrelude, ADamagedOneIsNotUsedAndLeftAlone) {
  ShippedPreludeProject shipped;
  std::string bytes = test::read_file(shipped.pch());
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x5a);
  test::write_file(shipped.pch(), bytes);
  mark_old(shipped.pch());  // not the time its record was stamped with
  shipped.change_header_behind_clangs_back();
  expect_parsed_without_it(
      shipped, "does not match its checksum (damaged); `dbmig build-prelude` builds it again");
  EXPECT_EQ(test::read_file(shipped.pch()), bytes);
}

// A header it was built from changed (here <dbmig/model.hpp>; in life, an upgraded libstdc++):
// libclang refuses it, the scan parses without it, and the note says how to build it again.
TEST(ShippedPrelude, OneLibclangRefusesIsKeptAndTheNoteSaysToBuildItAgain) {
  ShippedPreludeProject shipped;
  write_model_hpp_with_level(shipped.include.path(), "std::int64_t ", shipped.kSettled);
  expect_parsed_without_it(shipped, "libclang refused " + shipped.pch().string());
  EXPECT_TRUE(fs::exists(shipped.pch()));

  scanner::build_shipped_prelude(shipped.shipped.path());
  append(shipped.project.root() / "apps/notes/models.hpp", "// edited\n");
  EXPECT_TRUE(noted_scan(shipped.project.root()).notes.empty());
}

TEST(ShippedPrelude, OneBuiltByAnotherLibclangSaysWhichBuiltIt) {
  ShippedPreludeProject shipped;
  fs::path arguments = shipped.shipped.path() / "prelude.arguments";
  std::string text = test::read_file(arguments);
  test::write_file(arguments, "clang version 0.1" + text.substr(text.find('\n')));
  fs::remove(shipped.pch());  // as when its name, which hashes the version, differs
  auto notes = noted_scan(shipped.project.root()).notes;
  EXPECT_TRUE(says(notes, "was built by clang version 0.1, and this is ")) << join(notes, "\n");
}

TEST(ShippedPrelude, NoneWhereDbmigLooksSaysWhereAndHowToBuildIt) {
  test::TempDir empty;
  test::ScopedEnv prelude_dir{"DBMIG_PRELUDE_DIR", empty.path().c_str()};
  test::ScannerProject project;
  project.write("apps/notes/models.hpp", kNotes);
  auto notes = noted_scan(project.root()).notes;
  EXPECT_TRUE(says(notes, "there is none in " + empty.path().string() +
                              "; `dbmig build-prelude` builds it there"))
      << join(notes, "\n");
}

TEST(ShippedPrelude, BuildingItWhereNothingCanBeWrittenSaysSo) {
  test::TempDir dir;
  test::write_file(dir.path() / "file", "");
  fs::path inside_a_file = dir.path() / "file" / "prelude";
  try {
    scanner::build_shipped_prelude(inside_a_file);
    FAIL() << "built into " << inside_a_file;
  } catch (const Error& error) {
    EXPECT_EQ(std::string(error.what()),
              "cannot write the precompiled prelude into " + inside_a_file.string() +
                  ": the folder cannot be created or written; give a writable folder");
  }
}

}  // namespace dbmig
