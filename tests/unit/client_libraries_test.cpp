#include "db/client_libraries.hpp"

#include <dlfcn.h>
#include <soci/soci.h>
#include <sqlite3.h>

#include <string>

#include <gtest/gtest.h>

#include "dbmig/error.hpp"

namespace dbmig {

TEST(ClientLibraries, AMissingLibrarySaysWhatNeedsItAndWhichPackageToInstall) {
  try {
    open_client_library("libsoci_nosuchbackend.so.4.0", "PostgreSQL", "libsoci-postgresql4.0");
    FAIL() << "a library that does not exist was loaded";
  } catch (const DatabaseError& e) {
    std::string message = e.what();
    EXPECT_NE(message.find("cannot load libsoci_nosuchbackend.so.4.0, which connecting to "
                           "PostgreSQL needs: "),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("install it (Debian: libsoci-postgresql4.0)"), std::string::npos)
        << message;
  }
}

// SQLite's memory statistics, which make each of its allocations take a global mutex, are off
// from dbmig's first SQLite connection on (a test process of its own under ctest: nothing
// opened SQLite before).
TEST(ClientLibraries, SqliteKeepsNoMemoryStatisticsOnceLoaded) {
  soci::session session(soci_backend("sqlite3"), ":memory:");
  session << "CREATE TABLE counted (x INTEGER)";
  void* sqlite = dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_NOLOAD);  // loaded with the backend
  ASSERT_NE(sqlite, nullptr);
  auto status = reinterpret_cast<int (*)(int, sqlite3_int64*, sqlite3_int64*, int)>(
      dlsym(sqlite, "sqlite3_status64"));
  ASSERT_NE(status, nullptr);
  sqlite3_int64 used = -1;
  sqlite3_int64 highest = -1;
  ASSERT_EQ(status(SQLITE_STATUS_MEMORY_USED, &used, &highest, 0), SQLITE_OK);
  EXPECT_EQ(used, 0);
  dlclose(sqlite);
}

}  // namespace dbmig
