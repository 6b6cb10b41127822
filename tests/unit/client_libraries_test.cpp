#include "db/client_libraries.hpp"

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

}  // namespace dbmig
