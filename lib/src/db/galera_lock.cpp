#include "db/galera_lock.hpp"

#include <chrono>
#include <optional>

#include "dbmig/error.hpp"
#include "dbmig/recorder.hpp"

namespace dbmig {

namespace {

// One row per lock: which node (its Galera member UUID, which a restart renews, and the address
// clients reach it at) and which connection of that node holds it.
constexpr const char* kCreateTable =
    "CREATE TABLE IF NOT EXISTS dbmig_migration_lock ("
    "name VARCHAR(64) NOT NULL PRIMARY KEY, "
    "node_uuid VARCHAR(64) NOT NULL, "
    "node_address VARCHAR(255) NOT NULL, "
    "connection_id BIGINT NOT NULL, "
    "acquired_at DATETIME NOT NULL)";
constexpr const char* kLockName = "migrate";
constexpr auto kStaleCheckInterval = std::chrono::seconds(1);
constexpr int kMaxFailedAttempts = 20;

// A value of SHOW STATUS; "" when the server has no such variable.
std::string status_value(Connection& connection, const std::string& variable) {
  QueryResult result = connection.query("SHOW STATUS LIKE '" + variable + "'");
  if (result.rows.empty() || result.rows[0].size() < 2 || !result.rows[0][1]) return "";
  return *result.rows[0][1];
}

// Who holds a lock: a connection of a node.
struct Holder {
  std::string node_uuid;
  std::string node_address;
  std::string connection_id;
  std::string acquired_at;

  bool operator==(const Holder& other) const {
    return node_uuid == other.node_uuid && connection_id == other.connection_id;
  }
};

class GaleraLock : public MigrationLock {
 public:
  GaleraLock(Connection& connection, std::string local_lock)
      : connection_(connection), local_lock_(std::move(local_lock)) {
    try {
      // Created only when missing, so that a run usually runs no DDL here: Galera runs DDL on
      // every node in total order (docs/databases.md "Galera cluster").
      if (!connection_.has_table(cluster_lock_table)) connection_.execute(kCreateTable);
      self_.node_uuid = status_value(connection_, "wsrep_gcomm_uuid");
      self_.node_address = node_address();
      self_.connection_id = std::to_string(connection_.query_int("SELECT CONNECTION_ID()").value());
    } catch (const DatabaseError& e) {
      throw failure(e);
    }
  }

  ~GaleraLock() override {
    try {
      if (held_row_) connection_.execute(delete_row(self_));
      if (held_local_) connection_.execute("SELECT RELEASE_LOCK(" + local_lock_ + ")");
    } catch (const std::exception&) {
      // The connection is gone: its named lock with it, and the row is stale (try_lock).
    }
  }

 protected:
  // A statement of an attempt may fail when Galera aborts it for a conflicting write or DDL
  // replicated from another node (a deadlock error): the attempt counts as failed, and only
  // errors in kMaxFailedAttempts attempts in a row end the wait.
  bool try_lock() override {
    try {
      bool held = attempt();
      failed_attempts_ = 0;
      return held;
    } catch (const DatabaseError& e) {
      if (++failed_attempts_ >= kMaxFailedAttempts) throw failure(e);
      return false;
    }
  }

  std::string holder() const override {
    if (!holder_) return "";
    return "\nOn this Galera cluster the lock is the row of dbmig_migration_lock, held by "
           "connection " +
           holder_->connection_id + " of the node at " + holder_->node_address + " (member " +
           holder_->node_uuid + ") since " + holder_->acquired_at +
           " UTC. If that run is gone but its node could not be reached to check, remove the "
           "row by hand:\n    " +
           delete_row(*holder_) + ";";
  }

 private:
  // The address clients reach this node at: what the node announces to the cluster, else the
  // one this connection used.
  std::string node_address() {
    auto announced = connection_.query("SELECT @@wsrep_node_incoming_address");
    if (!announced.rows.empty() && announced.rows[0][0] && *announced.rows[0][0] != "AUTO")
      return *announced.rows[0][0];
    const DatabaseUrl& url = connection_.url();
    return url.host + ":" + std::to_string(url.port.value_or(3306));
  }

  bool attempt() {
    if (!held_local_)
      held_local_ = connection_.query_int("SELECT GET_LOCK(" + local_lock_ + ", 0)") == 1;
    if (!held_local_) return false;  // another run through this node holds or wants the lock
    insert_row();
    std::optional<Holder> holder = current_holder();
    if (holder && *holder == self_) return take_over();
    if (holder && is_stale(*holder)) remove_stale(*holder);
    holder_ = holder;
    return false;
  }

  // One insert in autocommit. A duplicate key (the lock is held) inserts nothing; a Galera
  // certification conflict (ER_LOCK_DEADLOCK, another node inserted the row first) fails the
  // commit, and so does any other error: what counts is the row read afterwards.
  void insert_row() {
    try {
      connection_.execute(
          "INSERT IGNORE INTO dbmig_migration_lock (name, node_uuid, node_address, "
          "connection_id, acquired_at) VALUES (:name, :uuid, :address, :id, UTC_TIMESTAMP())",
          {kLockName, self_.node_uuid, self_.node_address, self_.connection_id});
    } catch (const DatabaseError&) {
      // Read below whose row it is.
    }
  }

  std::optional<Holder> current_holder() {
    auto rows = connection_.query(
        "SELECT node_uuid, node_address, connection_id, "
        "DATE_FORMAT(acquired_at, '%Y-%m-%d %H:%i:%s') FROM dbmig_migration_lock "
        "WHERE name = :name",
        {kLockName});
    if (rows.rows.empty()) return std::nullopt;
    const auto& row = rows.rows[0];
    return Holder{row[0].value_or(""), row[1].value_or(""), row[2].value_or(""),
                  row[3].value_or("")};
  }

  // The lock is ours. Every read of the run waits until the node has applied what the cluster
  // committed before it (causal reads), so the records show what the previous holder wrote
  // through another node.
  bool take_over() {
    held_row_ = true;
    connection_.execute("SET SESSION wsrep_sync_wait = 1");
    return true;
  }

  // Whether the holder's run is gone: its node left the cluster, or its node's named lock is
  // no longer held by its connection. Checked at most once a second; unknown counts as alive.
  bool is_stale(const Holder& holder) {
    auto now = std::chrono::steady_clock::now();
    if (holder_ && *holder_ == holder && now - last_check_ < kStaleCheckInterval) return false;
    last_check_ = now;
    if (holder.node_uuid == self_.node_uuid) return !holds_local_lock(connection_, holder);
    if (std::optional<bool> member = is_member(holder.node_uuid); member && !*member) return true;
    return holder_gone_from_its_node(holder);
  }

  // Only that holder's row: another waiter may have removed it and taken the lock meanwhile.
  void remove_stale(const Holder& holder) {
    try {
      connection_.execute(delete_row(holder));
    } catch (const DatabaseError&) {
      // Another waiter's DELETE of the same row won the certification: the row is gone.
    }
  }

  bool holds_local_lock(Connection& node, const Holder& holder) {
    auto used = node.query_int("SELECT IS_USED_LOCK(" + local_lock_ + ")");
    return used && std::to_string(*used) == holder.connection_id;
  }

  // Whether the member is in the cluster (the node's view of its members); nullopt when this
  // connection may not read the view.
  std::optional<bool> is_member(const std::string& node_uuid) {
    try {
      return connection_.query_int(
                 "SELECT COUNT(*) FROM mysql.wsrep_cluster_members WHERE node_uuid = :uuid",
                 {node_uuid}) > 0;
    } catch (const DatabaseError&) {
      return std::nullopt;
    }
  }

  // Asks the holder's node, with this run's credentials, whether the holder's connection still
  // holds its named lock. False when the node cannot be reached or is not the holder's node.
  bool holder_gone_from_its_node(const Holder& holder) {
    DatabaseUrl url = connection_.url();
    auto colon = holder.node_address.rfind(':');
    if (colon == std::string::npos) return false;
    try {
      url.host = holder.node_address.substr(0, colon);
      url.port = std::stoi(holder.node_address.substr(colon + 1));
      Connection node(url);
      if (status_value(node, "wsrep_gcomm_uuid") != holder.node_uuid) return false;
      return !holds_local_lock(node, holder);
    } catch (const std::exception&) {
      return false;
    }
  }

  // The conditional DELETE of exactly that holder's row.
  static std::string delete_row(const Holder& holder) {
    return "DELETE FROM dbmig_migration_lock WHERE name = '" + std::string(kLockName) +
           "' AND node_uuid = '" + holder.node_uuid +
           "' AND connection_id = " + holder.connection_id;
  }

  DatabaseError failure(const DatabaseError& e) const {
    return DatabaseError("cannot take the migration lock on the Galera cluster node " +
                         connection_.url().redacted() + ": " + e.what());
  }

  Connection& connection_;
  std::string local_lock_;
  Holder self_;
  bool held_local_ = false;
  bool held_row_ = false;
  std::optional<Holder> holder_;  // the last holder seen, for the timeout message
  std::chrono::steady_clock::time_point last_check_;
  int failed_attempts_ = 0;
};

}  // namespace

bool is_galera_node(Connection& connection) {
  try {
    return status_value(connection, "wsrep_ready") == "ON";
  } catch (const DatabaseError&) {
    return false;  // a server without SHOW STATUS of that kind is no Galera node
  }
}

std::unique_ptr<MigrationLock> make_galera_lock(Connection& connection,
                                                const std::string& local_lock) {
  return std::make_unique<GaleraLock>(connection, local_lock);
}

}  // namespace dbmig
