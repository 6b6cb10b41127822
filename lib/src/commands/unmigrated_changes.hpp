// Model changes that no migration holds yet: what makemigrations writes, and what migrate warns
// about (as Django's migrate does) since it cannot apply them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cache/no_changes_memo.hpp"
#include "dbmig/console.hpp"
#include "dbmig/graph.hpp"
#include "dbmig/migration.hpp"
#include "dbmig/project_config.hpp"
#include "dbmig/questioner.hpp"
#include "dbmig/scanner.hpp"

namespace dbmig {

// The new migrations that take `graph`'s state (`current`: graph.state_at(), which a caller
// replays while the models are scanned) to the scanned models, named `name` if given, kept to
// `apps` and what they need (all when empty).
std::vector<Migration> new_migrations(const MigrationGraph& graph, const ProjectState& current,
                                      const ScanResult& scanned, Questioner& questioner,
                                      const std::optional<std::string>& name,
                                      const std::vector<std::string>& apps);

// migrate's check. Costs a few stat calls while makemigrations' "no changes" memo holds; else
// the scan overlaps with migrate's work. Never fails migrate: when the models cannot be read
// (no libclang, headers that do not compile) one line says the check was skipped.
class UnmigratedChangesCheck {
 public:
  // Before the migrations are read, like makemigrations (the memo stamps them first).
  explicit UnmigratedChangesCheck(const ProjectConfig& config);

  // Prints Django's warning naming the apps whose models changed (at verbosity 1 and up).
  void report(const MigrationGraph& graph, Console& console);

 private:
  NoChangesMemo memo_;
  bool unchanged_ = false;  // the memo holds, or the project has no apps to check
  std::optional<PendingScan> scan_;
  std::string skipped_because_;
};

}  // namespace dbmig
