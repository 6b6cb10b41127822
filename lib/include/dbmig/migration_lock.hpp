// The database-wide lock that keeps two `migrate` or `rollback` runs from interleaving:
// PostgreSQL a transaction-level advisory lock held on a connection of its own (it holds behind a
// transaction pooler too), MySQL/MariaDB GET_LOCK, SQLite an exclusive lock on a file next to
// the database. All three are released by the server or the kernel when the process dies.
// On a node of a Galera cluster, a replicated row instead (db/galera_lock.hpp), which a later
// run removes once the holder's run is gone.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "dbmig/connection.hpp"

namespace dbmig {

class MigrationLock {
 public:
  virtual ~MigrationLock() = default;

  // Waits up to `timeout` for the lock of the connected database and holds it until the
  // returned object is destroyed. Throws DatabaseError when the wait times out, saying that
  // another run holds the lock and how to wait longer.
  static std::unique_ptr<MigrationLock> acquire(Connection& connection,
                                                std::chrono::milliseconds timeout);

 protected:
  // One attempt that does not wait: true when the lock is now held.
  virtual bool try_lock() = 0;
  // What the timeout message adds about the holder and how to clear a stale lock; "" when the
  // message says it all.
  virtual std::string holder() const { return ""; }
};

inline constexpr std::chrono::seconds default_lock_timeout{60};

}  // namespace dbmig
