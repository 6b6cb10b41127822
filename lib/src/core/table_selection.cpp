#include "core/table_selection.hpp"

#include <set>

namespace dbmig {

TableSelection select_tables(const LiveSchema& schema, const std::vector<std::string>& tables) {
  if (tables.empty()) return {schema, {}};
  TableSelection selection;
  std::set<std::string> chosen(tables.begin(), tables.end());
  std::vector<std::string> pending(chosen.begin(), chosen.end());
  while (!pending.empty()) {
    const Model* table = schema.find(pending.back());
    pending.pop_back();
    if (!table) continue;
    for (const Field& field : table->fields) {
      if (!field.references) continue;
      const std::string& target = field.references->target.name;
      if (!schema.find(target) || !chosen.insert(target).second) continue;
      selection.included.push_back(
          {target, "included", "table " + table->table + " references it"});
      pending.push_back(target);
    }
  }
  for (const Model& table : schema.tables)
    if (chosen.count(table.table)) selection.schema.tables.push_back(table);
  for (const SchemaNote& note : schema.notes)
    if (chosen.count(note.table)) selection.schema.notes.push_back(note);
  return selection;
}

}  // namespace dbmig
