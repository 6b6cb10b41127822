// The database client libraries, loaded when dbmig first connects with one. Linking them loaded
// libpq's and libmariadb's ~25 libraries (TLS, Kerberos, LDAP) into every process, a
// makemigrations or a run on SQLite included: ~5 ms of each start-up.
#pragma once

#include <string>

namespace soci {
class backend_factory;
}

namespace dbmig {

// SOCI's backend named `soci_name` ("sqlite3", "postgresql", "mysql"), its library (and the
// client library under it) loaded on the first call from any thread. A DatabaseError names the
// package to install when it cannot be loaded.
const soci::backend_factory& soci_backend(const std::string& soci_name);

// dlopen()s `soname`, a SOCI backend's library, for connecting to `database`; a DatabaseError
// names `package`, which provides it, when it cannot be loaded. soci_backend's first step,
// apart so that a test can name a library that is missing.
void* open_client_library(const std::string& soname, const std::string& database,
                          const std::string& package);

// Call at the end of a thread that connected: frees what the MariaDB/MySQL client library,
// when loaded, kept for it (each thread of a command run on many databases has connections of
// its own, docs/databases.md "Many databases").
void end_client_thread();

}  // namespace dbmig
