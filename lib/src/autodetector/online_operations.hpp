// dbmig.json's "online_schema_changes": the new migrations' changes to tables that already
// exist, in their online forms (docs/online-schema-changes.md "Asking for it").
#pragma once

#include <vector>

#include "dbmig/migration.hpp"
#include "dbmig/state.hpp"

namespace dbmig {

// Marks "online" every operation of `migrations` that has an online form and changes a model
// of `existing` (the state of the migrations already written: its tables exist once they are
// applied); a migration with such an operation becomes non-atomic, as the online forms run
// outside a transaction.
void make_online(std::vector<Migration>& migrations, const ProjectState& existing);

}  // namespace dbmig
