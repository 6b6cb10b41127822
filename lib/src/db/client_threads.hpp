// Database client libraries used from several threads at once (a command run on many
// databases, docs/databases.md "Many databases"): each thread has its own connections, but the
// MariaDB/MySQL client library keeps global and per-thread state of its own.
#pragma once

namespace dbmig {

// Call once before the first thread connects: the MariaDB/MySQL client library's global set-up
// is not thread-safe, and mysql_init (which SOCI calls for every connection) would otherwise
// run it on whichever thread connects first, racing the others.
void prepare_clients_for_threads();

// Call at the end of a thread that connected: frees what the client library kept for it.
void end_client_thread();

}  // namespace dbmig
