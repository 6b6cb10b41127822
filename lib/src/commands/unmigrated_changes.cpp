#include "commands/unmigrated_changes.hpp"

#include <set>

#include "commands/finish_scan.hpp"
#include "dbmig/autodetector.hpp"

namespace dbmig {

namespace {

// Never asks and never refuses: a NOT NULL field without default is a change all the same,
// and the placeholder fill value is never written anywhere.
class NoQuestionsAsked : public NonInteractiveQuestioner {
 public:
  using NonInteractiveQuestioner::NonInteractiveQuestioner;
  Literal ask_fill_value_for_added_field(const Model&, const Field&) override {
    return std::int64_t{0};
  }
};

// Why the models could not be read, in one line.
std::string reason(const std::exception& error) {
  if (dynamic_cast<const ScanError*>(&error))
    return "the model headers have problems (`dbmig makemigrations` lists them)";
  std::string text = error.what();
  return text.substr(0, text.find('\n'));
}

std::string quoted_apps(const std::vector<Migration>& migrations) {
  std::set<std::string> apps;
  for (const Migration& migration : migrations) apps.insert(migration.app);
  std::string text;
  for (const std::string& app : apps) text += (text.empty() ? "'" : ", '") + app + "'";
  return text;
}

}  // namespace

std::vector<Migration> new_migrations(const MigrationGraph& graph, const ProjectState& current,
                                      const ScanResult& scanned, Questioner& questioner,
                                      const std::optional<std::string>& name,
                                      const std::vector<std::string>& apps) {
  auto planned = detect_changes(current, scanned.state, scanned.sources, questioner);
  ArrangeOptions arrange = arrange_options(graph, planned);
  arrange.name = name;
  return trim_to_apps(arrange_migrations(planned, arrange), apps);
}

UnmigratedChangesCheck::UnmigratedChangesCheck(const ProjectConfig& config)
    : memo_(config, {}), unchanged_(config.apps.empty() || memo_.holds()) {
  if (unchanged_) return;
  try {
    scan_.emplace(config);
  } catch (const std::exception& e) {
    skipped_because_ = reason(e);
  }
  memo_.stamp_migrations();
}

void UnmigratedChangesCheck::report(const MigrationGraph& graph, Console& console) {
  if (unchanged_ || console.verbosity < 1) return;
  std::vector<Migration> migrations;
  if (skipped_because_.empty()) {
    try {
      ProjectState current = graph.state_at();  // while the scan runs on its thread
      const ScanResult& scanned = finish_scan(*scan_, console);
      NoQuestionsAsked questioner(scanned.sources);
      migrations = new_migrations(graph, current, scanned, questioner, std::nullopt, {});
    } catch (const std::exception& e) {
      skipped_because_ = reason(e);
    }
  }
  if (!skipped_because_.empty()) {
    console.out << "  Could not check the models for changes without a migration: "
                << skipped_because_ << ".\n";
    return;
  }
  if (migrations.empty()) {
    memo_.remember(scan_->cached_files());
    return;
  }
  console.out << "  Your models in app(s): " << quoted_apps(migrations)
              << " have changes that are not yet reflected in a migration, and so won't be "
                 "applied.\n  Run 'dbmig makemigrations' to make new migrations, and then "
                 "re-run 'dbmig migrate' to apply them.\n";
}

}  // namespace dbmig
