#include "dbmig/migration_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include "core/text.hpp"
#include "db/backends/backend.hpp"
#include "db/galera_lock.hpp"
#include "db/transaction_lock.hpp"
#include "dbmig/error.hpp"

namespace dbmig {

namespace {

// An exclusive flock on a file (which the backend chose, db/backends/).
class FileLock : public MigrationLock {
 public:
  explicit FileLock(std::string path) : path_(std::move(path)) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
      throw DatabaseError("cannot open the lock file " + path_ + ": " + std::strerror(errno) +
                          "; check the permissions of the database's folder");
  }
  ~FileLock() override { ::close(fd_); }  // closing releases the lock

 protected:
  bool try_lock() override { return ::flock(fd_, LOCK_EX | LOCK_NB) == 0; }

 private:
  std::string path_;
  int fd_ = -1;
};

// For a database nothing else can reach.
class NoLock : public MigrationLock {
 protected:
  bool try_lock() override { return true; }
};

// Session-level locks (MySQL named locks, db/backends/): held by the
// connection that runs the migrations, released explicitly or when the session ends.
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
    std::optional<int> acquired;
    try {
      acquired = connection_.query_int(try_sql_);
    } catch (const DatabaseError& e) {
      throw DatabaseError("cannot take the migration lock on " + connection_.url().redacted() +
                          ": " + e.what());
    }
    held_ = acquired == 1;
    return held_;
  }

 private:
  Connection& connection_;
  std::string try_sql_;
  std::string release_sql_;
  bool held_ = false;
};

std::unique_ptr<MigrationLock> make_lock(Connection& connection) {
  MigrationLockMethod method = backend_for(connection.dialect()).migration_lock(connection.url());
  switch (method.kind) {
    case MigrationLockMethod::Kind::none:
      break;
    case MigrationLockMethod::Kind::lock_file:
      return std::make_unique<FileLock>(method.lock_file);
    case MigrationLockMethod::Kind::session_lock:
      if (!method.galera_local_lock.empty() && is_galera_node(connection))
        return make_galera_lock(connection, method.galera_local_lock);
      return std::make_unique<SessionLock>(connection, method.try_sql, method.release_sql);
    case MigrationLockMethod::Kind::transaction_lock:
      return std::make_unique<TransactionLock>(connection, method.transaction_setup,
                                               method.try_sql);
  }
  return std::make_unique<NoLock>();
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
          " s; let it finish and run again, or wait longer with --lock-timeout SECONDS" +
          lock->holder());
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return lock;
}

}  // namespace dbmig
