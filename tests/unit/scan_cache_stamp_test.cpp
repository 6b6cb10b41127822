// The scan cache trusts an unchanged size and modification time only for files that settled
// before the cache was written; anything else is decided by the content hash.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "scanner_fixture.hpp"

namespace dbmig {

namespace fs = std::filesystem;

namespace {

fs::path only_cache_file(const fs::path& root) {
  return fs::directory_iterator(root / "build" / "dbmig-cache")->path();
}

}  // namespace

TEST(ScanCacheStamp, ASameSizeEditRightAfterAScanIsSeen) {
  test::ScannerProject project("types");
  fs::path aliases = project.root() / "apps/catalog/types.hpp";
  project.scan();
  std::string text = test::read_file(aliases);
  text.replace(text.find("using Money = std::int64_t;"), 27, "using Money = std::int32_t;");
  test::write_file(aliases, text);  // same size, likely within the same file-time tick
  EXPECT_EQ(project.scan().state.get({"catalog", "Everything"}).find_field("alias_money")->type,
            FieldType::int32);
}

TEST(ScanCacheStamp, ATouchedButUnchangedHeaderIsStillServedFromTheCache) {
  test::ScannerProject project("types");
  fs::path aliases = project.root() / "apps/catalog/types.hpp";
  fs::last_write_time(aliases, fs::file_time_type::clock::now() - std::chrono::hours(1));
  project.scan();
  // Mark the cached answer, then touch the header without changing it.
  fs::path cache_file = only_cache_file(project.root());
  nlohmann::json cache = nlohmann::json::parse(test::read_file(cache_file));
  cache["result"]["apps"][0]["models"][0]["table"] = "from_the_cache";
  test::write_file(cache_file, cache.dump());
  fs::last_write_time(aliases, fs::file_time_type::clock::now());
  EXPECT_EQ(project.scan().state.get({"catalog", "Everything"}).table, "from_the_cache");
}

}  // namespace dbmig
