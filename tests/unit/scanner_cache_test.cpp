// The scan cache answers only while every file the parse read is unchanged.
#include <gtest/gtest.h>

#include <chrono>

#include "dbmig/project_config.hpp"
#include "scanner_fixture.hpp"

namespace dbmig {

namespace fs = std::filesystem;

TEST(ScannerCache, ASecondScanIsServedFromTheCache) {
  test::ScannerProject project("demo");
  ScanResult first = project.scan();
  auto files = project.scan_cache_files();
  ASSERT_EQ(files.size(), 1u);
  // Prove the answer comes from the cache: change the stored table, scan again.
  std::string marked = project.mark_cached_table("users");
  ScanResult second = project.scan();
  EXPECT_EQ(second.state.get({"accounts", "User"}).table, marked);
  EXPECT_EQ(second.state.get({"blog", "Blog"}), first.state.get({"blog", "Blog"}));
  EXPECT_EQ(second.sources.at({"blog", "Blog"}).fields.at("user_id").location,
            first.sources.at({"blog", "Blog"}).fields.at("user_id").location);
}

// The second scan is answered by the cache (a table marked in it comes back marked) and,
// once the mark is undone, equals the first in every model, field and source location.
void expect_cache_round_trip(const test::ScannerProject& project) {
  ScanResult first = project.scan();
  ASSERT_FALSE(first.state.models.empty());
  ASSERT_EQ(project.scan_cache_files().size(), 1u);
  const auto& [key, model] = *first.state.models.begin();
  std::string marked = project.mark_cached_table(model.table);
  ScanResult second = project.scan();
  ASSERT_EQ(second.state.get(key).table, marked);
  second.state.get(key).table = model.table;
  EXPECT_EQ(second.state, first.state);
  EXPECT_EQ(second.sources, first.sources);
}

TEST(ScannerCache, RoundTripKeepsEveryType) {
  expect_cache_round_trip(test::ScannerProject("types"));
}

// Every model and field option that is not a type, set away from its default at least once.
TEST(ScannerCache, RoundTripKeepsEveryOption) {
  test::ScannerProject project;
  project.write("apps/shop/models.hpp", R"(
namespace shop {
struct DBMIG_MODEL(table = "customers", comment = "who buys", renamed_from = Client,
                   index(name, rank), index(note, name = "shop_note"),
                   unique_together(name, email, name = "one_name"),
                   check("rank >= -1", name = "rank_floor")) Customer {
  DBMIG_FIELD(primary_key, column = "customer_id") std::int64_t id;
  DBMIG_FIELD(max_length = 80, unique, comment = "shown on invoices") std::string name;
  DBMIG_FIELD(index) std::int32_t rank = -3;
  DBMIG_FIELD(default = "n/a", max_length = 40) std::string note;
  DBMIG_FIELD(renamed_from = mail, max_length = 200) std::optional<std::string> email;
  double ratio = 0.25;
  bool vip = true;
  std::uint64_t points = 9223372036854775807u;
  DBMIG_FIELD(references = Customer, on_delete = set_null) std::optional<std::int64_t> referrer;
};
}
)");
  expect_cache_round_trip(project);
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
  fs::path cache_file = project.scan_cache_files()[0];
  std::string bytes = test::read_file(cache_file);
  test::write_file(cache_file, "{not a cache");
  EXPECT_EQ(project.scan().state, first.state);
  test::write_file(cache_file, bytes.substr(0, bytes.size() / 2));
  EXPECT_EQ(project.scan().state, first.state);
  std::string flipped = bytes;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x80);
  test::write_file(cache_file, flipped);
  EXPECT_EQ(project.scan().state, first.state);
  fs::remove_all(project.root() / "build");
  EXPECT_EQ(project.scan().state, first.state);
}

// A header saved while libclang was reading it: its content may not be what the parse read,
// so nothing is cached and the next scan parses again. A modification time after the scan
// began stands for that save.
TEST(ScannerCache, AHeaderModifiedDuringTheParseIsNotCached) {
  test::ScannerProject project("demo");
  fs::path header = project.root() / "apps/blog/models.hpp";
  fs::last_write_time(header, fs::file_time_type::clock::now() + std::chrono::hours(1));
  project.scan();
  EXPECT_TRUE(project.scan_cache_files().empty());
  fs::last_write_time(header, fs::file_time_type::clock::now() - std::chrono::hours(1));
  project.scan();
  EXPECT_EQ(project.scan_cache_files().size(), 1u);
}

TEST(ScannerCache, AnAppRenamedInDbmigJsonIsAMiss) {
  test::ScannerProject project;
  project.write("src/models.hpp", R"(
namespace shop {
struct DBMIG_MODEL() Item {
  DBMIG_FIELD(primary_key) std::int64_t id;
};
}
)");
  project.write("dbmig.json", R"({"apps": {"shop": ["src/models.hpp"]}})", false);
  EXPECT_TRUE(project.scan().state.find({"shop", "Item"}));
  project.write("dbmig.json", R"({"apps": {"store": ["src/models.hpp"]}})", false);
  ScanResult renamed = project.scan();
  EXPECT_TRUE(renamed.state.find({"store", "Item"}));
  EXPECT_FALSE(renamed.state.find({"shop", "Item"}));
}

TEST(ScannerCache, AFailedScanIsNotCached) {
  test::ScannerProject project;
  project.write("apps/bad/models.hpp", "struct DBMIG_MODEL() A { int x; };\n");
  project.scan_errors();
  project.scan_errors();
  EXPECT_FALSE(fs::exists(project.root() / "build" / "dbmig-cache"));
}

}  // namespace dbmig
