// The migration lock as a transaction (PostgreSQL, docs/databases.md "Locking"): a connection of
// its own to the same database holds a transaction open for the whole run with a
// transaction-level lock taken in it, while the run migrates on its connection. A transaction
// keeps its server connection behind a transaction pooler (PgBouncer), where a session-level
// lock does not; and when the process dies its connection drops, which ends the transaction
// and releases the lock.
#pragma once

#include <string>

#include "dbmig/connection.hpp"
#include "dbmig/migration_lock.hpp"

namespace dbmig {

class TransactionLock : public MigrationLock {
 public:
  // Opens the lock's connection to the database of `work`. `setup` runs first in each attempt's
  // transaction; `try_sql` returns 1 when it took the lock, without waiting.
  TransactionLock(const Connection& work, std::string setup, std::string try_sql);
  ~TransactionLock() override;  // ends the transaction: releases the lock

 protected:
  // An attempt that fails rolls its transaction back at once, so a waiting run does not keep a
  // server connection of the pool while it waits.
  bool try_lock() override;

 private:
  Connection connection_;
  std::string setup_;
  std::string try_sql_;
  bool held_ = false;
};

}  // namespace dbmig
