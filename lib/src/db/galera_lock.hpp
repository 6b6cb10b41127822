// The migration lock on a node of a MariaDB Galera cluster (docs/databases.md "Galera
// cluster"): GET_LOCK is local to one node, so the cluster-wide lock is a replicated row.
#pragma once

#include <memory>

#include "dbmig/migration_lock.hpp"

namespace dbmig {

// Whether the connection is to a node of a Galera cluster that is ready for queries (a
// wsrep provider loaded); false on a plain MySQL or MariaDB server.
bool is_galera_node(Connection& connection);

// The lock for a Galera node: the row of dbmig_migration_lock, held together with the node's
// own named lock `local_lock` (the GET_LOCK name a plain server uses), which tells whether the
// holder is still connected.
std::unique_ptr<MigrationLock> make_galera_lock(Connection& connection,
                                                const std::string& local_lock);

}  // namespace dbmig
