// The table of lint codes (docs/lint.md lists the same, with the reasons at length). A code
// never changes meaning: a new rule takes a new code.
#include <algorithm>

#include "dbmig/lint.hpp"

namespace dbmig {

namespace {

constexpr std::string_view kLevelNames[] = {"notice", "warning", "error"};

const std::vector<Dialect> kAll{Dialect::sqlite, Dialect::postgresql, Dialect::mysql};
const std::vector<Dialect> kPostgresql{Dialect::postgresql};
const std::vector<Dialect> kMysql{Dialect::mysql};
const std::vector<Dialect> kSqlite{Dialect::sqlite};

}  // namespace

std::string_view to_string(LintLevel level) {
  return kLevelNames[static_cast<std::size_t>(level)];
}

std::optional<LintLevel> lint_level_from_string(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kLevelNames); ++i)
    if (kLevelNames[i] == name) return static_cast<LintLevel>(i);
  return std::nullopt;
}

const std::vector<LintRule>& lint_rules() {
  using enum LintLevel;
  static const std::vector<LintRule> rules{
      {"AK101", error, kAll, "stale acknowledgement",
       "remove the code from \"acknowledged\", or correct its spelling"},
      {"BC101", warning, kAll, "column rename",
       "add the new field, write both, backfill, move the readers, and remove the old field in a "
       "later deploy; or acknowledge when no running code uses the column"},
      {"BC102", warning, kAll, "table rename",
       "create the new model, write both, backfill, move the readers, and delete the old model in "
       "a later deploy; or acknowledge when no running code uses the table"},
      {"DS101", error, kAll, "drop table",
       "deploy code that no longer uses the model first, keep a backup, then acknowledge"},
      {"DS102", error, kAll, "drop column",
       "deploy code that no longer reads or writes the field first, then acknowledge"},
      {"DS103", warning, kAll, "narrowing type",
       "check that every stored value fits the new type (update those that do not first), then "
       "acknowledge; or add a new field of the new type and copy the values"},
      {"LT101", notice, kSqlite, "table rebuild",
       "expected on SQLite; on a large table run it when writers can wait for the copy"},
      {"MY101", warning, kMysql, "table copy",
       "run it in a maintenance window or with an online schema change tool (gh-ost, "
       "pt-online-schema-change); split a type change into a new column and a backfill"},
      {"MY102", notice, kMysql, "in-place rebuild",
       "writes go on meanwhile; \"online\": true makes the database refuse rather than fall back "
       "to locking",
       true},
      {"NN101", error, kAll, "NOT NULL column without a default",
       "give the field a default or a fill_value (makemigrations asks for one), or add it "
       "nullable, fill it, then make it NOT NULL"},
      {"PG101", warning, kPostgresql, "table rewrite",
       "add a new column of the new type, copy the values in batches and switch over, or run it "
       "in a maintenance window"},
      {"PG102", warning, kPostgresql, "SET NOT NULL scan",
       "\"online\": true: a NOT VALID check validated without blocking writes, then SET NOT NULL "
       "without the scan",
       true},
      {"PG103", warning, kPostgresql, "foreign key without NOT VALID",
       "\"online\": true: the key added NOT VALID, then validated without blocking writes", true},
      {"PG104", warning, kPostgresql, "check without NOT VALID",
       "\"online\": true: the check added NOT VALID, then validated without blocking writes", true},
      {"PG105", warning, kPostgresql, "index without CONCURRENTLY",
       "\"online\": true: CREATE INDEX CONCURRENTLY, which lets writes go on", true},
  };
  return rules;
}

const LintRule* find_lint_rule(std::string_view code) {
  const auto& rules = lint_rules();
  auto found = std::find_if(rules.begin(), rules.end(),
                            [&](const LintRule& rule) { return rule.code == code; });
  return found == rules.end() ? nullptr : &*found;
}

bool fails(const LintFinding& finding, std::optional<LintLevel> fail_on) {
  return fail_on && !finding.acknowledged && finding.level >= *fail_on;
}

}  // namespace dbmig
