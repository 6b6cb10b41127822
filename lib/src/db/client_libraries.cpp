#include "db/client_libraries.hpp"

#include <dlfcn.h>
#include <sqlite3.h>

#include <map>
#include <mutex>

#include "dbmig/error.hpp"

namespace dbmig {

namespace {

struct ClientLibrary {
  const char* soname;    // as the build found it (lib/CMakeLists.txt)
  const char* database;  // for the error
  const char* package;   // Debian's, which provides it and the client library it needs
};

const std::map<std::string, ClientLibrary> kClientLibraries = {
    {"sqlite3", {DBMIG_SOCI_SQLITE3_SONAME, "SQLite", "libsoci-sqlite3-4.0"}},
    {"postgresql", {DBMIG_SOCI_POSTGRESQL_SONAME, "PostgreSQL", "libsoci-postgresql4.0"}},
    {"mysql", {DBMIG_SOCI_MYSQL_SONAME, "MySQL/MariaDB", "libsoci-mysql4.0"}},
};

// Held while a library loads: the MariaDB/MySQL client's global set-up is not thread-safe, and
// mysql_init (which SOCI calls for every connection) would otherwise run it on whichever
// thread of a run on many databases connects first, racing the others.
std::mutex loading;
std::map<std::string, const soci::backend_factory*> loaded;  // guarded by `loading`
void (*mysql_thread_end)() = nullptr;                        // guarded by `loading`

void* symbol(void* library, const std::string& soname, const std::string& name) {
  void* found = dlsym(library, name.c_str());
  if (!found)
    throw DatabaseError(soname + " lacks " + name + ", which dbmig needs; install SOCI 4.0");
  return found;
}

// libmariadb came with libsoci_mysql: set it up before the first connection.
void start_mysql_client(void* library, const std::string& soname) {
  auto library_init =
      reinterpret_cast<int (*)(int, char**, char**)>(symbol(library, soname, "mysql_server_init"));
  library_init(0, nullptr, nullptr);
  mysql_thread_end = reinterpret_cast<void (*)()>(symbol(library, soname, "mysql_thread_end"));
}

// libsqlite3 came with libsoci_sqlite3: its memory statistics off before the first connection
// (SQLite then initializes). SQLite keeps them by default, and every allocation of its then
// takes a global mutex to count itself: 10-15 % of a `showmigrations` that loads a large
// schema (docs/benchmark.md, item 28). dbmig never reads them. Refused (SQLITE_MISUSE) in a
// process that opened SQLite before, as a test binary may: SQLite then keeps counting, no harm.
void start_sqlite_client(void* library, const std::string& soname) {
  auto configure = reinterpret_cast<int (*)(int, ...)>(symbol(library, soname, "sqlite3_config"));
  configure(SQLITE_CONFIG_MEMSTATUS, 0);
}

}  // namespace

void* open_client_library(const std::string& soname, const std::string& database,
                          const std::string& package) {
  void* library = dlopen(soname.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!library)
    throw DatabaseError("cannot load " + soname + ", which connecting to " + database +
                        " needs: " + dlerror() + "; install it (Debian: " + package + ")");
  return library;
}

const soci::backend_factory& soci_backend(const std::string& soci_name) {
  std::lock_guard lock(loading);
  if (auto known = loaded.find(soci_name); known != loaded.end()) return *known->second;
  const ClientLibrary& client = kClientLibraries.at(soci_name);
  void* library = open_client_library(client.soname, client.database, client.package);
  // Each SOCI backend library exports it for SOCI's own loader (soci::dynamic_backends).
  auto factory = reinterpret_cast<const soci::backend_factory* (*)()>(
      symbol(library, client.soname, "factory_" + soci_name));
  if (soci_name == "mysql") start_mysql_client(library, client.soname);
  if (soci_name == "sqlite3") start_sqlite_client(library, client.soname);
  return *loaded.emplace(soci_name, factory()).first->second;
}

void end_client_thread() {
  std::lock_guard lock(loading);
  if (mysql_thread_end) mysql_thread_end();
}

}  // namespace dbmig
