#include "autodetector/online_operations.hpp"

#include "dbmig/operations.hpp"

namespace dbmig {

namespace {

bool changes_existing_table(const Operation& operation, const std::string& app,
                            const ProjectState& existing) {
  auto* in_model = dynamic_cast<const InModelOperation*>(&operation);
  return in_model && existing.find({app, in_model->model}) != nullptr;
}

}  // namespace

void make_online(std::vector<Migration>& migrations, const ProjectState& existing) {
  for (auto& migration : migrations) {
    for (auto& operation : migration.operations) {
      if (!operation->has_online_form() || operation->options.online ||
          !changes_existing_table(*operation, migration.app, existing))
        continue;
      OperationOptions options = operation->options;
      options.online = true;
      operation = with_options(*operation, options);
      migration.atomic = false;
    }
  }
}

}  // namespace dbmig
