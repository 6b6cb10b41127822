// The scan cache answers only while every file the parse read is unchanged.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "dbmig/project_config.hpp"
#include "scanner_fixture.hpp"

namespace dbmig {

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> cache_files(const fs::path& root) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(root / "build" / "dbmig-cache"))
    files.push_back(entry.path());
  return files;
}

}  // namespace

TEST(ScannerCache, ASecondScanIsServedFromTheCache) {
  test::ScannerProject project("demo");
  ScanResult first = project.scan();
  auto files = cache_files(project.root());
  ASSERT_EQ(files.size(), 1u);
  // Prove the answer comes from the cache: change the stored table, scan again.
  nlohmann::json cache = nlohmann::json::parse(test::read_file(files[0]));
  cache["result"]["apps"][0]["models"][0]["table"] = "from_the_cache";
  test::write_file(files[0], cache.dump());
  ScanResult second = project.scan();
  EXPECT_EQ(second.state.get({"accounts", "User"}).table, "from_the_cache");
  EXPECT_EQ(second.state.get({"blog", "Blog"}), first.state.get({"blog", "Blog"}));
  EXPECT_EQ(second.sources.at({"blog", "Blog"}).fields.at("user_id").location,
            first.sources.at({"blog", "Blog"}).fields.at("user_id").location);
}

TEST(ScannerCache, RoundTripGivesTheSameStateAndSources) {
  test::ScannerProject project("types");
  ScanResult first = project.scan();
  ScanResult second = project.scan();
  EXPECT_EQ(second.state, first.state);
  const auto& a = first.sources.at({"catalog", "Everything"});
  const auto& b = second.sources.at({"catalog", "Everything"});
  EXPECT_EQ(a.cpp_name, b.cpp_name);
  EXPECT_EQ(a.location, b.location);
  for (const auto& [name, field] : a.fields) {
    EXPECT_EQ(b.fields.at(name).cpp_type, field.cpp_type);
    EXPECT_EQ(b.fields.at(name).location, field.location);
  }
}

TEST(ScannerCache, EditingAnIncludedHeaderIsSeen) {
  test::ScannerProject project("types");
  EXPECT_EQ(project.scan().state.get({"catalog", "Everything"}).find_field("alias_money")->type,
            FieldType::int64);
  fs::path aliases = project.root() / "apps/catalog/types.hpp";
  std::string text = test::read_file(aliases);
  text.replace(text.find("using Money = std::int64_t;"), 27, "using Money = std::int32_t;");
  test::write_file(aliases, text);
  EXPECT_EQ(project.scan().state.get({"catalog", "Everything"}).find_field("alias_money")->type,
            FieldType::int32);
}

TEST(ScannerCache, DamagedOrDeletedCacheIsAMissNotAnError) {
  test::ScannerProject project("demo");
  ScanResult first = project.scan();
  test::write_file(cache_files(project.root())[0], "{not json");
  EXPECT_EQ(project.scan().state, first.state);
  fs::remove_all(project.root() / "build");
  EXPECT_EQ(project.scan().state, first.state);
}

TEST(ScannerCache, AFailedScanIsNotCached) {
  test::ScannerProject project;
  project.write("apps/bad/models.hpp", "struct DBMIG_MODEL() A { int x; };\n");
  project.scan_errors();
  project.scan_errors();
  EXPECT_FALSE(fs::exists(project.root() / "build" / "dbmig-cache"));
}

}  // namespace dbmig
