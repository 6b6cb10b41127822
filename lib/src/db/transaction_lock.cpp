#include "db/transaction_lock.hpp"

#include "dbmig/error.hpp"

namespace dbmig {

TransactionLock::TransactionLock(const Connection& work, std::string setup, std::string try_sql)
    : connection_(work.url()), setup_(std::move(setup)), try_sql_(std::move(try_sql)) {}

TransactionLock::~TransactionLock() {
  if (!held_) return;
  try {
    connection_.rollback();
  } catch (const std::exception&) {
    // The connection is gone, and with it the transaction and the lock.
  }
}

bool TransactionLock::try_lock() {
  try {
    connection_.begin();
    connection_.execute(setup_);
    held_ = connection_.query_int(try_sql_) == 1;
    if (!held_) connection_.rollback();
  } catch (const DatabaseError& e) {
    try {
      connection_.rollback();
    } catch (const DatabaseError&) {
      // The connection broke: the server ended the transaction.
    }
    throw DatabaseError("cannot take the migration lock on " + connection_.url().redacted() + ": " +
                        e.what());
  }
  return held_;
}

}  // namespace dbmig
