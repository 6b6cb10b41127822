// What the shared statements of base_schema_editor.cpp cost a table with rows: the same walk
// over the objects a change drops, creates and renames, each priced by the dialect's hooks.
#include "db/backends/base_schema_editor.hpp"

namespace dbmig::schema {

namespace {

void append_costs(TableCosts& to, const TableCosts& more) {
  to.insert(to.end(), more.begin(), more.end());
}

}  // namespace

TableCosts BaseSchemaEditor::column_change_costs(const FieldInState& before,
                                                 const FieldInState& after) const {
  (void)before, (void)after;
  return {};
}

TableCosts BaseSchemaEditor::create_object_costs(const FieldObject& object) const {
  (void)object;
  return {};
}

TableCosts BaseSchemaEditor::drop_object_costs(const FieldObject& object) const {
  (void)object;
  return {};
}

TableCosts BaseSchemaEditor::rename_object_costs(const FieldObject& old_object,
                                                 const FieldObject& new_object) const {
  (void)old_object, (void)new_object;
  return {};
}

// As add_field: the column (its range check inside it), then its other objects.
TableCosts BaseSchemaEditor::add_field_costs(const StateChange& change, const ModelKey& key,
                                             std::string_view name) const {
  const Model& model = change.after.get(key);
  TableCosts costs;
  for (const auto& object : field_objects(change.after, model, field_of(model, name)))
    append_costs(costs, create_object_costs(object));
  return costs;
}

// As remove_field: its foreign key goes first, its indexes and check with the column.
TableCosts BaseSchemaEditor::remove_field_costs(const StateChange& change, const ModelKey& key,
                                                std::string_view name) const {
  const Model& model = change.before.get(key);
  TableCosts costs;
  for (const auto& object : field_objects(change.before, model, field_of(model, name)))
    append_costs(costs, drop_object_costs(object));
  return costs;
}

// As alter_field: drop_changed_objects, alter_column, create_changed_objects.
TableCosts BaseSchemaEditor::alter_field_costs(const StateChange& change, const ModelKey& key,
                                               std::string_view old_name,
                                               std::string_view new_name) const {
  const Model& before_model = change.before.get(key);
  const Model& after_model = change.after.get(key);
  FieldInState before{change.before, before_model, field_of(before_model, old_name)};
  FieldInState after{change.after, after_model, field_of(after_model, new_name)};
  auto existing = field_objects(change.before, before_model, before.field);
  auto wanted = field_objects(change.after, after_model, after.field);
  TableCosts costs;
  for (const auto& object : existing) {
    const FieldObject* kept = find_kind(wanted, object.kind);
    if (!kept || kept->identity != object.identity) append_costs(costs, drop_object_costs(object));
  }
  append_costs(costs, column_change_costs(before, after));
  for (const auto& object : wanted) {
    const FieldObject* old = find_kind(existing, object.kind);
    if (!old || old->identity != object.identity)
      append_costs(costs, create_object_costs(object));
    else if (old->name != object.name)
      append_costs(costs, rename_object_costs(*old, object));
  }
  return costs;
}

// As rename_model: the table is renamed, and the objects named after it with it.
TableCosts BaseSchemaEditor::rename_model_costs(const StateChange& change, const ModelKey& old_key,
                                                const ModelKey& new_key) const {
  const Model& old_model = change.before.get(old_key);
  const Model& new_model = change.after.get(new_key);
  TableCosts costs;
  if (old_model.table == new_model.table) return costs;
  for (const auto& field : new_model.fields) {
    const Field* old_field = old_model.find_field(field.name);
    if (!old_field) continue;
    auto existing = field_objects(change.before, old_model, *old_field);
    for (const auto& object : field_objects(change.after, new_model, field)) {
      const FieldObject* old = find_kind(existing, object.kind);
      if (old && old->name != object.name) append_costs(costs, rename_object_costs(*old, object));
    }
  }
  return costs;
}

TableCosts BaseSchemaEditor::add_index_costs(const StateChange& change, const ModelKey& key,
                                             std::string_view name) const {
  (void)change, (void)key;
  return create_object_costs({FieldObject::Kind::index, std::string(name), ""});
}

TableCosts BaseSchemaEditor::remove_index_costs(const StateChange& change, const ModelKey& key,
                                                std::string_view name) const {
  (void)change, (void)key;
  return drop_object_costs({FieldObject::Kind::index, std::string(name), ""});
}

namespace {

// The kind of field object a model-level constraint is created and dropped as.
FieldObject constraint_object(const Model& model, std::string_view name) {
  const Constraint* constraint = model.find_constraint(name);
  bool check = constraint && constraint->kind == ConstraintKind::check;
  return {check ? FieldObject::Kind::check : FieldObject::Kind::unique, std::string(name), ""};
}

}  // namespace

TableCosts BaseSchemaEditor::add_constraint_costs(const StateChange& change, const ModelKey& key,
                                                  std::string_view name) const {
  return create_object_costs(constraint_object(change.after.get(key), name));
}

TableCosts BaseSchemaEditor::remove_constraint_costs(const StateChange& change, const ModelKey& key,
                                                     std::string_view name) const {
  return drop_object_costs(constraint_object(change.before.get(key), name));
}

}  // namespace dbmig::schema
