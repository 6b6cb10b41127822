// The scan cache trusts an unchanged size and modification time only for files that settled
// before the cache was written; anything else is decided by the content hash.
#include <gtest/gtest.h>

#include "scanner_fixture.hpp"

namespace dbmig {

namespace fs = std::filesystem;

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
  std::string marked = project.mark_cached_table("catalog_everything");
  fs::last_write_time(aliases, fs::file_time_type::clock::now());
  EXPECT_EQ(project.scan().state.get({"catalog", "Everything"}).table, marked);
}

}  // namespace dbmig
