// The autodetector (Django's MigrationAutodetector): the difference between the state the
// migrations produce and the state the scanner read, as operations in an order in which the SQL
// works, then split into one or more new migrations per app with their dependencies. Pure: no
// files, no database; questions go through a Questioner.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "dbmig/graph.hpp"
#include "dbmig/migration.hpp"
#include "dbmig/questioner.hpp"
#include "dbmig/state.hpp"

namespace dbmig {

// One detected operation. Operations of one app run in list order; `after` names earlier
// operations of other apps that must have run first (a referenced model created or renamed, a
// referencing field removed before its target is deleted); `after_app_leaf` names apps whose
// existing migrations must have run first (a referenced model that this run does not touch);
// `after_mentions_of` is the model a RenameModel or DeleteModel takes away, which must happen
// after every existing migration of another app that mentions it.
struct PlannedOperation {
  std::string app;
  OperationPtr operation;
  std::vector<std::size_t> after;
  std::set<std::string> after_app_leaf;
  std::optional<ModelKey> after_mentions_of;
};

// Every change from `from` (replayed migrations) to `to` (scanned models). Renames come from
// the `renamed_from` hints in `sources`, else from the questioner. Throws InputError when the
// questioner refuses (a NOT NULL field without default under --noinput).
std::vector<PlannedOperation> detect_changes(const ProjectState& from, const ProjectState& to,
                                             const ModelSources& sources, Questioner& questioner);

struct ArrangeOptions {
  // The existing leaf migration of each app that has migrations ("0003_blog_subtitle").
  std::map<std::string, std::string> leaves;
  // --name: used instead of the automatic name for every migration written.
  std::optional<std::string> name;
  // For each model in an `after_mentions_of`: the other apps whose migrations mention it, by
  // its name or a name it had before a RenameModel.
  std::map<ModelKey, std::set<std::string>> mentioned_by;
};

// The leaves and mentions of the existing migrations that `operations` need.
ArrangeOptions arrange_options(const MigrationGraph& history,
                               const std::vector<PlannedOperation>& operations);

// Splits the operations into migrations per app (more than one per app only when the apps
// depend on each other in a circle), each depending on its app's previous migration and on the
// migrations of other apps it needs; numbers and names them and runs the optimizer over each.
// Returned in an order in which they can be applied.
std::vector<Migration> arrange_migrations(const std::vector<PlannedOperation>& operations,
                                          const ArrangeOptions& options);

// Only the migrations of `apps` and those they depend on (Django's _trim_to_apps). An empty
// `apps` keeps everything.
std::vector<Migration> trim_to_apps(std::vector<Migration> migrations,
                                    const std::vector<std::string>& apps);

// One branch of an app's migration graph that --merge joins: its leaf and the migrations of
// the app between the common ancestor and the leaf.
struct MergeBranch {
  std::string leaf;
  std::vector<const Migration*> migrations;
};

// The merge migration of `app` (no operations, depending on every leaf), named
// "NNNN_merge_<leaves>" or `name`. Throws InputError naming the field and the migrations when
// two branches change the same field or model.
Migration merge_migration(const std::string& app, const std::vector<MergeBranch>& branches,
                          const std::optional<std::string>& name);

// Whether two states describe the same schema: equal except for the order of fields, which a
// migration history cannot always reproduce (AddField appends) and the database ignores.
bool same_schema(const ProjectState& a, const ProjectState& b);

}  // namespace dbmig
