// The lint's walk: each operation of each migration on the state before it, its destructive and
// backward-incompatible findings from the operation and the two states, its blocking findings
// from what each dialect's schema editor says the change costs (SchemaEditor::*_costs, the same
// rules that write its SQL), then the operation's acknowledgements.
#include <algorithm>
#include <map>
#include <set>

#include "dbmig/graph.hpp"
#include "dbmig/lint.hpp"
#include "dbmig/operations.hpp"
#include "dbmig/schema_limits.hpp"
#include "operations/operation_support.hpp"

namespace dbmig {

namespace {

using operations::key_in;

// The lint code of each cost, by kind (TableCost::Kind order).
constexpr std::string_view kCostCodes[] = {"PG101", "PG102", "PG103", "PG104",
                                           "PG105", "MY101", "MY102", "LT101"};

std::string cost_message(const TableCost& cost) {
  switch (cost.kind) {
    case TableCost::Kind::rewrite:
      return "changing the column type from " + cost.what +
             " rewrites the table and its indexes under an ACCESS EXCLUSIVE lock: no reads or "
             "writes until it is done";
    case TableCost::Kind::not_null_scan:
      return "SET NOT NULL reads every row under an ACCESS EXCLUSIVE lock";
    case TableCost::Kind::foreign_key_scan:
      return "adding foreign key " + cost.what +
             " validates every row while blocking writes to both tables";
    case TableCost::Kind::check_scan:
      return "adding check " + cost.what + " validates every row under an ACCESS EXCLUSIVE lock";
    case TableCost::Kind::index_build:
      return "building index " + cost.what + " blocks writes to the table until it is done";
    case TableCost::Kind::copy:
      return "cannot use ALGORITHM=INSTANT or INPLACE with LOCK=NONE (" + cost.what +
             "): the table is copied while writes wait";
    case TableCost::Kind::inplace:
      return "cannot use ALGORITHM=INSTANT (" + cost.what +
             "): INPLACE works through the whole table";
    case TableCost::Kind::rebuild:
      break;
  }
  return "rebuilds table " + cost.what + " (creates a copy, moves every row, drops the old one)";
}

// The costs of `operation` on `editor`'s database, asking the editor what operation.forwards
// asks it for SQL, with the same arguments.
TableCosts costs_of(const Operation& operation, std::string_view app, const StateChange& change,
                    const SchemaEditor& editor) {
  if (const auto* add = dynamic_cast<const AddField*>(&operation)) {
    ModelKey key = key_in(app, add->model);
    if (!add->fill_value) return editor.add_field_costs(change, key, add->field.name);
    // AddField::forwards: the column added with the fill value as its default, then dropped.
    ProjectState filled = change.after;
    filled.get(key).find_field(add->field.name)->default_value = add->fill_value;
    TableCosts costs = editor.add_field_costs({change.before, filled}, key, add->field.name);
    for (auto& cost :
         editor.alter_field_costs({filled, change.after}, key, add->field.name, add->field.name))
      costs.push_back(std::move(cost));
    return costs;
  }
  if (const auto* alter = dynamic_cast<const AlterField*>(&operation))
    return editor.alter_field_costs(change, key_in(app, alter->model), alter->field.name,
                                    alter->field.name);
  if (const auto* rename = dynamic_cast<const RenameField*>(&operation))
    return editor.alter_field_costs(change, key_in(app, rename->model), rename->old_name,
                                    rename->new_name);
  if (const auto* remove = dynamic_cast<const RemoveField*>(&operation))
    return editor.remove_field_costs(change, key_in(app, remove->model), remove->name);
  if (const auto* rename = dynamic_cast<const RenameModel*>(&operation))
    return editor.rename_model_costs(change, key_in(app, rename->old_name),
                                     key_in(app, rename->new_name));
  if (const auto* table = dynamic_cast<const AlterModelTable*>(&operation))
    return editor.rename_model_costs(change, key_in(app, table->name), key_in(app, table->name));
  if (const auto* index = dynamic_cast<const AddIndex*>(&operation))
    return editor.add_index_costs(change, key_in(app, index->model), index->index.name);
  if (const auto* index = dynamic_cast<const RemoveIndex*>(&operation))
    return editor.remove_index_costs(change, key_in(app, index->model), index->name);
  if (const auto* constraint = dynamic_cast<const AddConstraint*>(&operation))
    return editor.add_constraint_costs(change, key_in(app, constraint->model),
                                       constraint->constraint.name);
  if (const auto* constraint = dynamic_cast<const RemoveConstraint*>(&operation))
    return editor.remove_constraint_costs(change, key_in(app, constraint->model), constraint->name);
  return {};
}

// The table an operation changes, in the state before it; none for CreateModel and RunSQL.
std::optional<ModelKey> changed_model(const Operation& operation, std::string_view app) {
  if (dynamic_cast<const CreateModel*>(&operation)) return std::nullopt;
  if (const auto* model = dynamic_cast<const ModelOperation*>(&operation))
    return key_in(app, model->model_name());
  return std::nullopt;
}

// The models created by the migrations linted so far: no finding on their tables, which no
// running code uses yet. They follow renames.
void track_created(std::set<ModelKey>& created, const Operation& operation, std::string_view app) {
  if (const auto* create = dynamic_cast<const CreateModel*>(&operation))
    created.insert(key_in(app, create->model.name));
  if (const auto* rename = dynamic_cast<const RenameModel*>(&operation))
    if (created.erase(key_in(app, rename->old_name))) created.insert(key_in(app, rename->new_name));
  if (const auto* remove = dynamic_cast<const DeleteModel*>(&operation))
    created.erase(key_in(app, remove->name));
}

// The findings of one operation.
class OperationLint {
 public:
  OperationLint(const Migration& migration, std::size_t index, const StateChange& change,
                const LintOptions& options, std::map<std::string, std::optional<long long>>& rows)
      : migration_(migration),
        index_(index),
        operation_(*migration.operations[index]),
        change_(change),
        options_(options),
        rows_(rows) {}

  // `on_created_table`: the operation changes a table created earlier in the deployment, which
  // no running code uses yet and which has no rows: only its acknowledgements are findings.
  std::vector<LintFinding> findings(bool on_created_table) {
    if (!on_created_table) {
      destructive_findings();
      for (const SchemaEditor* editor : options_.editors)
        for (const TableCost& cost : costs_of(operation_, migration_.app, change_, *editor))
          cost_finding(cost, editor->dialect());
    }
    acknowledge();
    return std::move(findings_);
  }

 private:
  std::vector<Dialect> linted_dialects() const {
    std::vector<Dialect> dialects;
    for (const SchemaEditor* editor : options_.editors) dialects.push_back(editor->dialect());
    std::sort(dialects.begin(), dialects.end());
    return dialects;
  }

  // The rows of `table` before the operation, when a database was read and has the table.
  std::optional<long long> rows_of(const std::string& table) {
    if (!options_.rows) return std::nullopt;
    auto known = rows_.find(table);
    if (known == rows_.end()) known = rows_.emplace(table, options_.rows(table)).first;
    return known->second;
  }

  std::string with_rows(const std::string& message, const std::string& table) {
    auto rows = rows_of(table);
    return rows ? message + " (" + table + " has " + std::to_string(*rows) + " rows)" : message;
  }

  void add(std::string_view code, std::vector<Dialect> dialects, std::string message,
           std::optional<LintLevel> level = std::nullopt) {
    const LintRule* rule = find_lint_rule(code);
    if (rule->online_avoids && operation_.options.online) return;
    std::string file = migration_.file.empty() ? migration_.app + "/" + migration_.name + ".json"
                                               : migration_.file;
    findings_.push_back({rule, level.value_or(rule->level), migration_.key(), std::move(file),
                         index_, operation_.describe(), std::move(dialects), std::move(message)});
  }

  const Model& model_before(const std::string& name) const {
    return change_.before.get(key_in(migration_.app, name));
  }

  void destructive_findings() {
    if (const auto* remove = dynamic_cast<const DeleteModel*>(&operation_)) {
      const std::string& table = model_before(remove->name).table;
      add("DS101", linted_dialects(),
          with_rows("drops table " + table + " and every row in it", table));
    } else if (const auto* remove = dynamic_cast<const RemoveField*>(&operation_)) {
      const Model& model = model_before(remove->model);
      const Field* field = model.find_field(remove->name);
      add("DS102", linted_dialects(),
          with_rows("drops column " + model.table + "." + field->column_name() +
                        " and its values; code still running the old version fails on it",
                    model.table));
    } else if (const auto* alter = dynamic_cast<const AlterField*>(&operation_)) {
      alter_findings(*alter);
    } else if (const auto* rename = dynamic_cast<const RenameField*>(&operation_)) {
      const Model& model = model_before(rename->model);
      const Field& old_field = *model.find_field(rename->old_name);
      const Field& new_field =
          *change_.after.get(key_in(migration_.app, rename->model)).find_field(rename->new_name);
      column_rename(model, old_field, new_field);
    } else if (const auto* rename = dynamic_cast<const RenameModel*>(&operation_)) {
      table_rename(model_before(rename->old_name).table,
                   change_.after.get(key_in(migration_.app, rename->new_name)).table);
    } else if (const auto* table = dynamic_cast<const AlterModelTable*>(&operation_)) {
      table_rename(model_before(table->name).table, table->table);
    } else if (const auto* add = dynamic_cast<const AddField*>(&operation_)) {
      not_null_without_default(*add);
    }
  }

  void alter_findings(const AlterField& alter) {
    const Model& model = model_before(alter.model);
    const Field& old_field = *model.find_field(alter.field.name);
    std::string narrowing = schema_limits::narrowing_problem(old_field, alter.field);
    if (!narrowing.empty())
      add("DS103", linted_dialects(),
          with_rows("narrows column " + model.table + "." + old_field.column_name() + ": " +
                        narrowing + "; a value that does not fit makes the migration fail",
                    model.table));
    column_rename(model, old_field, alter.field);
  }

  void column_rename(const Model& model, const Field& old_field, const Field& new_field) {
    if (old_field.column_name() == new_field.column_name()) return;
    add("BC101", linted_dialects(),
        "renames column " + model.table + "." + old_field.column_name() + " to " +
            new_field.column_name() + ": code still running the old version fails on it");
  }

  void table_rename(const std::string& old_table, const std::string& new_table) {
    if (old_table == new_table) return;
    add("BC102", linted_dialects(),
        "renames table " + old_table + " to " + new_table +
            ": code still running the old version fails on it");
  }

  // NOT NULL without a default or fill value: the database has no value for the rows there are.
  void not_null_without_default(const AddField& add) {
    const Field& field = add.field;
    if (field.null || field.default_value || add.fill_value || field.auto_increment) return;
    const std::string& table = model_before(add.model).table;
    std::string column = table + "." + field.column_name();
    auto rows = rows_of(table);
    if (rows && *rows == 0) return;
    if (rows)
      this->add("NN101", linted_dialects(),
                "adds NOT NULL column " + column + " without a default: fails, as " + table +
                    " has " + std::to_string(*rows) + " rows");
    else
      this->add("NN101", linted_dialects(),
                "adds NOT NULL column " + column +
                    " without a default: fails if the table has rows (cannot tell without a "
                    "database: run with --database)",
                LintLevel::warning);
  }

  void cost_finding(const TableCost& cost, Dialect dialect) {
    std::string_view code = kCostCodes[static_cast<std::size_t>(cost.kind)];
    auto model = changed_model(operation_, migration_.app);
    std::string table = model ? model_before(model->name).table : cost.what;
    if (cost.kind != TableCost::Kind::rebuild) {
      add(code, {dialect}, with_rows(cost_message(cost), table));
      return;
    }
    auto rows = rows_of(table);
    bool large = rows && *rows > options_.sqlite_rebuild_warning_rows;
    add(code, {dialect}, with_rows(cost_message(cost), table),
        large ? LintLevel::warning : LintLevel::notice);
  }

  // Marks the findings whose code the operation acknowledges; an acknowledged code without a
  // finding here is itself one (AK101), unless it belongs only to dialects not linted.
  void acknowledge() {
    std::vector<Dialect> linted = linted_dialects();
    for (const std::string& code : operation_.options.acknowledged) {
      bool found = false;
      for (auto& finding : findings_)
        if (finding.rule->code == code) found = finding.acknowledged = true;
      if (found) continue;
      const LintRule* rule = find_lint_rule(code);
      bool linted_here =
          !rule || std::any_of(rule->dialects.begin(), rule->dialects.end(), [&](Dialect dialect) {
            return std::count(linted.begin(), linted.end(), dialect) > 0;
          });
      if (!linted_here) continue;
      add("AK101", linted,
          rule ? "acknowledges " + code + " (" + std::string(rule->title) +
                     "), which this operation does not have"
               : "acknowledges " + code + ", which is no lint code (docs/lint.md lists them)");
    }
  }

  const Migration& migration_;
  std::size_t index_;
  const Operation& operation_;
  const StateChange& change_;
  const LintOptions& options_;
  std::map<std::string, std::optional<long long>>& rows_;
  std::vector<LintFinding> findings_;
};

// One finding per code and message, with the dialects of the findings it stands for.
void merge_dialects(std::vector<LintFinding>& findings) {
  std::vector<LintFinding> merged;
  for (auto& finding : findings) {
    auto same = std::find_if(merged.begin(), merged.end(), [&](const LintFinding& other) {
      return other.rule == finding.rule && other.message == finding.message &&
             other.level == finding.level;
    });
    if (same == merged.end()) {
      merged.push_back(std::move(finding));
      continue;
    }
    for (Dialect dialect : finding.dialects)
      if (std::count(same->dialects.begin(), same->dialects.end(), dialect) == 0)
        same->dialects.push_back(dialect);
    std::sort(same->dialects.begin(), same->dialects.end());
  }
  std::stable_sort(merged.begin(), merged.end(), [](const LintFinding& a, const LintFinding& b) {
    return std::tie(a.rule->code, a.message) < std::tie(b.rule->code, b.message);
  });
  findings = std::move(merged);
}

}  // namespace

std::vector<LintFinding> lint_migrations(const std::vector<const Migration*>& migrations,
                                         ProjectState& state, const LintOptions& options) {
  std::vector<LintFinding> findings;
  std::set<ModelKey> created;
  std::map<std::string, std::optional<long long>> rows;
  for (const Migration* migration : migrations) {
    auto states = apply_migration(state, *migration);
    for (std::size_t index = 0; index < migration->operations.size(); ++index) {
      const Operation& operation = *migration->operations[index];
      auto model = changed_model(operation, migration->app);
      bool on_created_table = model && created.count(*model);
      track_created(created, operation, migration->app);
      StateChange change{states[index].before, states[index].after};
      std::vector<LintFinding> found =
          OperationLint(*migration, index, change, options, rows).findings(on_created_table);
      merge_dialects(found);
      findings.insert(findings.end(), found.begin(), found.end());
    }
  }
  return findings;
}

}  // namespace dbmig
