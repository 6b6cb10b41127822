// merge_migration (makemigrations --merge): the empty migration that joins the leaves of an
// app, written only when no two branches change the same field (or one of them the whole
// model), so that applying the branches in either order gives the same schema.
#include <algorithm>
#include <set>

#include "dbmig/autodetector.hpp"
#include "dbmig/error.hpp"
#include "dbmig/migration_names.hpp"
#include "dbmig/operations.hpp"

namespace dbmig {

namespace {

// Django limits the joined leaf names of a merge migration to 47 characters.
constexpr std::size_t max_merge_name_length = 47;

// What one operation changes: "Model.field", "Model#index", or "Model" for the whole model.
std::vector<std::string> touched(const Operation& operation) {
  if (auto* op = dynamic_cast<const CreateModel*>(&operation)) return {op->model.name};
  if (auto* op = dynamic_cast<const DeleteModel*>(&operation)) return {op->name};
  if (auto* op = dynamic_cast<const RenameModel*>(&operation)) return {op->old_name, op->new_name};
  if (auto* op = dynamic_cast<const AlterModelTable*>(&operation)) return {op->name};
  if (auto* op = dynamic_cast<const AlterModelComment*>(&operation)) return {op->name};
  if (auto* op = dynamic_cast<const AddField*>(&operation))
    return {op->model + "." + op->field.name};
  if (auto* op = dynamic_cast<const RemoveField*>(&operation)) return {op->model + "." + op->name};
  if (auto* op = dynamic_cast<const AlterField*>(&operation))
    return {op->model + "." + op->field.name};
  if (auto* op = dynamic_cast<const RenameField*>(&operation))
    return {op->model + "." + op->old_name, op->model + "." + op->new_name};
  if (auto* op = dynamic_cast<const AddIndex*>(&operation))
    return {op->model + "#" + op->index.name};
  if (auto* op = dynamic_cast<const RemoveIndex*>(&operation)) return {op->model + "#" + op->name};
  if (auto* op = dynamic_cast<const AddConstraint*>(&operation))
    return {op->model + "#" + op->constraint.name};
  if (auto* op = dynamic_cast<const RemoveConstraint*>(&operation))
    return {op->model + "#" + op->name};
  return {};  // RunSQL: its effect is unknown, as in Django
}

std::string model_of(const std::string& touch) {
  return touch.substr(0, touch.find_first_of(".#"));
}

// "Model.field" -> the first change of `branch` to it (or to its whole model), with the
// migration that makes it.
std::map<std::string, std::string> changes_of(const MergeBranch& branch) {
  std::map<std::string, std::string> changes;
  for (const Migration* migration : branch.migrations)
    for (const OperationPtr& operation : migration->operations)
      for (const std::string& touch : touched(*operation))
        changes.emplace(touch, migration->name + ": " + operation->describe());
  return changes;
}

void check_branches_independent(const std::string& app, const MergeBranch& a,
                                const MergeBranch& b) {
  auto a_changes = changes_of(a), b_changes = changes_of(b);
  auto overlap = [&](const std::string& x, const std::string& y) {
    return x == y || x == model_of(y) || y == model_of(x);
  };
  for (const auto& [x, x_change] : a_changes)
    for (const auto& [y, y_change] : b_changes)
      if (overlap(x, y))
        throw InputError("cannot merge the branches " + a.leaf + " and " + b.leaf + " of app '" +
                         app + "': both change " + app + "." + (x.size() < y.size() ? y : x) +
                         " (" + x_change + "; " + y_change +
                         "). Edit one branch so they do not conflict, or write the merge "
                         "migration by hand.");
}

}  // namespace

Migration merge_migration(const std::string& app, const std::vector<MergeBranch>& branches,
                          const std::optional<std::string>& name) {
  for (std::size_t i = 0; i < branches.size(); ++i)
    for (std::size_t j = i + 1; j < branches.size(); ++j)
      check_branches_independent(app, branches[i], branches[j]);

  Migration merge;
  merge.app = app;
  std::vector<std::string> leaves;
  int number = 0;
  for (const MergeBranch& branch : branches) {
    leaves.push_back(branch.leaf);
    number = std::max(number, migration_number(branch.leaf));
  }
  std::sort(leaves.begin(), leaves.end());
  std::string joined;
  for (const std::string& leaf : leaves) {
    merge.dependencies.push_back({app, leaf});
    joined += (joined.empty() ? "" : "_") + leaf;
  }
  std::string automatic = joined.size() > max_merge_name_length ? "merge" : "merge_" + joined;
  merge.name = numbered_migration_name(number + 1, name ? *name : automatic);
  return merge;
}

}  // namespace dbmig
