// A URL's schema (PostgreSQL's ?schema=NAME): the connection keeps to it, or fails
// (docs/databases.md "Schema per tenant").
#pragma once

#include "dbmig/connection.hpp"

namespace dbmig {

// Checks that the session's search_path is the URL's schema alone (a connection pooler may
// drop the setting: then nothing must run in the default schema), and for Access::change
// creates the schema when missing, as migrate creates a SQLite file. A reader leaves a missing
// schema missing: every catalog query looks in current_schema() only, which is then NULL, so
// the database reads as empty. Does nothing for a URL without a schema; throws DatabaseError
// naming the redacted URL.
void enter_url_schema(Connection& connection, Access access);

}  // namespace dbmig
