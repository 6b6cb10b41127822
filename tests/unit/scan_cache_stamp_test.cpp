// The scan cache trusts an unchanged size and modification time only for files that settled
// before the cache was written; anything else is decided by the content hash.
#include <gtest/gtest.h>

#include "cache/file_stamp.hpp"
#include "scanner_fixture.hpp"

namespace dbmig {

namespace fs = std::filesystem;

namespace {

// Rewrites `path` with `from` replaced by `to` (of the same length), keeping its size and
// giving it `time`: an edit no size and modification time can tell from the original.
void edit_keeping_size_and_time(const fs::path& path, const std::string& from,
                                const std::string& to, fs::file_time_type time) {
  ASSERT_EQ(from.size(), to.size());
  std::string text = test::read_file(path);
  ASSERT_NE(text.find(from), std::string::npos) << path;
  text.replace(text.find(from), from.size(), to);
  test::write_file(path, text);
  fs::last_write_time(path, time);
}

}  // namespace

// A header written just before the scan and edited in the same file-time tick right after it.
// The tick is forged: the edit puts back the very modification time the scan stamped, so only
// the content hash can see it, whatever the file system's time resolution. The scan measures
// "too recent to trust" from the start of its parse, which follows `written` by the time it
// takes to find the cache stale, not by the parse: how long libclang takes does not matter.
TEST(ScanCacheStamp, ASameSizeEditRightAfterAScanIsSeen) {
  test::ScannerProject project("types");
  fs::path aliases = project.root() / "apps/catalog/types.hpp";
  auto written = fs::file_time_type::clock::now();
  fs::last_write_time(aliases, written);
  project.scan();
  edit_keeping_size_and_time(aliases, "using Money = std::int64_t;", "using Money = std::int32_t;",
                             written);
  EXPECT_EQ(project.scan().state.get({"catalog", "Everything"}).find_field("alias_money")->type,
            FieldType::int32);
}

// The rule itself, free of any timing: a file whose modification time is too recent (now, or
// in the future: a clock that moved back) is stamped as untrusted, so an edit keeping its size
// and time is found by the content hash.
TEST(ScanCacheStamp, ARecentModificationTimeIsNeverTrustedAlone) {
  test::TempDir dir;
  fs::path file = dir.path() / "types.hpp";
  auto now = fs::file_time_type::clock::now();
  for (auto time : {now, now + std::chrono::hours(1)}) {
    test::write_file(file, "using Money = std::int64_t;");
    fs::last_write_time(file, time);
    auto stamped = stamp_file(file);
    ASSERT_TRUE(stamped);
    EXPECT_EQ(stamped->stamp, "");
    edit_keeping_size_and_time(file, "int64", "int32", time);
    EXPECT_FALSE(unchanged(*stamped));
  }
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
