#include "dbmig/migration_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <thread>

#include <soci/soci.h>

#include "dbmig/error.hpp"

namespace dbmig {

namespace {

// flock on "<database>.dbmig-lock": the database file itself carries SQLite's own POSIX locks,
// which any close() of another descriptor on it would silently drop.
class SqliteFileLock : public MigrationLock {
 public:
  explicit SqliteFileLock(const DatabaseUrl& url) : path_(url.database + ".dbmig-lock") {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
      throw DatabaseError("cannot open the lock file " + path_ + ": " + std::strerror(errno) +
                          "; check the permissions of the database's folder");
  }
  ~SqliteFileLock() override { ::close(fd_); }  // closing releases the lock

 protected:
  bool try_lock() override { return ::flock(fd_, LOCK_EX | LOCK_NB) == 0; }

 private:
  std::string path_;
  int fd_ = -1;
};

// An in-memory database belongs to one connection: nothing can interleave.
class NoLock : public MigrationLock {
 protected:
  bool try_lock() override { return true; }
};

// Session-level locks (PostgreSQL advisory locks, MySQL named locks): held by the connection
// that runs the migrations, released explicitly or when the session ends.
class SessionLock : public MigrationLock {
 public:
  SessionLock(Connection& connection, std::string try_sql, std::string release_sql)
      : connection_(connection),
        try_sql_(std::move(try_sql)),
        release_sql_(std::move(release_sql)) {}
  ~SessionLock() override {
    if (!held_) return;
    try {
      connection_.execute(release_sql_);
    } catch (const std::exception&) {
      // The connection is gone, and with it the lock.
    }
  }

 protected:
  bool try_lock() override {
    int acquired = 0;
    soci::indicator null = soci::i_ok;
    try {
      connection_.session() << try_sql_, soci::into(acquired, null);
    } catch (const std::exception& e) {
      throw DatabaseError("cannot take the migration lock on " + connection_.url().redacted() +
                          ": " + connection_.clean_message(e));
    }
    held_ = null == soci::i_ok && acquired == 1;
    return held_;
  }

 private:
  Connection& connection_;
  std::string try_sql_;
  std::string release_sql_;
  bool held_ = false;
};

// Any fixed 64-bit number works; this one spells "dbmigrat".
constexpr const char* kAdvisoryKey = "7233188338618245492";

std::unique_ptr<MigrationLock> make_lock(Connection& connection) {
  switch (connection.dialect()) {
    case Dialect::sqlite:
      if (connection.url().database == ":memory:") return std::make_unique<NoLock>();
      return std::make_unique<SqliteFileLock>(connection.url());
    case Dialect::postgresql:  // advisory locks are per database already
      return std::make_unique<SessionLock>(
          connection,
          std::string("SELECT CASE WHEN pg_try_advisory_lock(") + kAdvisoryKey +
              ") THEN 1 ELSE 0 END",
          std::string("SELECT pg_advisory_unlock(") + kAdvisoryKey + ")");
    case Dialect::mysql:  // named locks are server-wide: name the database
      return std::make_unique<SessionLock>(
          connection, "SELECT GET_LOCK(LEFT(CONCAT('dbmig_migrate.', DATABASE()), 64), 0)",
          "SELECT RELEASE_LOCK(LEFT(CONCAT('dbmig_migrate.', DATABASE()), 64))");
  }
  return std::make_unique<NoLock>();
}

std::string seconds_text(std::chrono::milliseconds duration) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", static_cast<double>(duration.count()) / 1000.0);
  return text;
}

}  // namespace

std::unique_ptr<MigrationLock> MigrationLock::acquire(Connection& connection,
                                                      std::chrono::milliseconds timeout) {
  auto lock = make_lock(connection);
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!lock->try_lock()) {
    if (std::chrono::steady_clock::now() >= deadline)
      throw DatabaseError(
          "another dbmig migrate or rollback has held the migration lock on " +
          connection.url().redacted() + " for more than " + seconds_text(timeout) +
          " s; let it finish and run again, or wait longer with --lock-timeout SECONDS");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return lock;
}

}  // namespace dbmig
