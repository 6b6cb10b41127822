#include "dbmig/graph_records.hpp"

#include <algorithm>
#include <tuple>

#include "dbmig/error.hpp"

namespace dbmig {

std::vector<const MigrationRecord*> GraphEntry::records() const {
  std::vector<const MigrationRecord*> all;
  if (own) all.push_back(own);
  all.insert(all.end(), replaced.begin(), replaced.end());
  return all;
}

bool GraphEntry::applied() const {
  if (own) return !own->interrupted();
  return replaces > 0 && replaced.size() == replaces &&
         std::none_of(replaced.begin(), replaced.end(),
                      [](const MigrationRecord* record) { return record->interrupted(); });
}

bool GraphEntry::interrupted() const {
  auto all = records();
  return std::any_of(all.begin(), all.end(),
                     [](const MigrationRecord* record) { return record->interrupted(); });
}

const MigrationRecord* GraphEntry::latest() const {
  const MigrationRecord* result = nullptr;
  for (const auto* record : records())
    if (!result ||
        std::tie(record->batch, record->applied_at) > std::tie(result->batch, result->applied_at))
      result = record;
  return result;
}

int GraphEntry::batch() const {
  const MigrationRecord* record = latest();
  return record ? record->batch : 0;
}

std::vector<GraphEntry> graph_entries(
    const MigrationGraph& graph,
    const std::map<MigrationKey, std::vector<MigrationKey>>& replacements,
    const std::vector<MigrationRecord>& records) {
  std::map<MigrationKey, const MigrationRecord*> unclaimed;
  for (const auto& record : records) unclaimed[record.key] = &record;
  auto claim = [&](const MigrationKey& key) -> const MigrationRecord* {
    auto it = unclaimed.find(key);
    if (it == unclaimed.end()) return nullptr;
    const MigrationRecord* record = it->second;
    unclaimed.erase(it);
    return record;
  };
  std::vector<GraphEntry> entries;
  for (const auto* migration : graph.order()) {
    GraphEntry entry{migration->key(), migration, claim(migration->key()), {}, 0};
    if (auto squashed = replacements.find(entry.key); squashed != replacements.end()) {
      entry.replaces = squashed->second.size();
      for (const auto& key : squashed->second)
        if (const auto* record = claim(key)) entry.replaced.push_back(record);
    }
    entries.push_back(std::move(entry));
  }
  for (const auto& [key, record] : unclaimed) entries.push_back({key, nullptr, record, {}, 0});
  return entries;
}

MigrationKey resolve_migration(
    const MigrationGraph& graph,
    const std::map<MigrationKey, std::vector<MigrationKey>>& replacements, const std::string& app,
    const std::string& name) {
  try {
    return graph.resolve(app, name);
  } catch (const InputError&) {
    for (const auto& [squashed, replaced] : replacements)
      for (const auto& key : replaced)
        if (key.app == app && key.name.starts_with(name))
          throw InputError("migration " + key.str() + " is replaced by the squashed migration " +
                           squashed.str() +
                           ", which stands for it here (none or all of the migrations it "
                           "replaces are applied); name " +
                           squashed.name + " instead, or a migration outside the squashed range");
    throw;
  }
}

}  // namespace dbmig
