#include "dbmig/state.hpp"

#include <algorithm>
#include <array>

#include "dbmig/error.hpp"

namespace dbmig {

namespace {

constexpr std::array<std::string_view, 16> kFieldTypeNames = {
    "bool",   "int8",  "int16",  "int32",  "int64", "uint8",     "uint16", "uint32",
    "uint64", "float", "double", "string", "bytes", "timestamp", "date",   "decimal"};

constexpr std::array<std::string_view, 5> kOnDeleteNames = {"cascade", "restrict", "set_null",
                                                            "set_default", "no_action"};

template <typename Named>
auto find_named(Named& items, std::string_view name) -> decltype(&*items.begin()) {
  auto it =
      std::find_if(items.begin(), items.end(), [&](const auto& item) { return item.name == name; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

std::string_view to_string(FieldType type) {
  return kFieldTypeNames[static_cast<std::size_t>(type)];
}

std::optional<FieldType> field_type_from_string(std::string_view name) {
  auto it = std::find(kFieldTypeNames.begin(), kFieldTypeNames.end(), name);
  if (it == kFieldTypeNames.end()) return std::nullopt;
  return static_cast<FieldType>(it - kFieldTypeNames.begin());
}

const std::vector<std::string_view>& field_type_names() {
  static const std::vector<std::string_view> names(kFieldTypeNames.begin(), kFieldTypeNames.end());
  return names;
}

const std::vector<std::string_view>& on_delete_names() {
  static const std::vector<std::string_view> names(kOnDeleteNames.begin(), kOnDeleteNames.end());
  return names;
}

bool is_integral(FieldType type) {
  return type >= FieldType::int8 && type <= FieldType::uint64;
}

bool is_unsigned(FieldType type) {
  return type >= FieldType::uint8 && type <= FieldType::uint64;
}

std::string_view to_string(OnDelete action) {
  return kOnDeleteNames[static_cast<std::size_t>(action)];
}

std::optional<OnDelete> on_delete_from_string(std::string_view name) {
  auto it = std::find(kOnDeleteNames.begin(), kOnDeleteNames.end(), name);
  if (it == kOnDeleteNames.end()) return std::nullopt;
  return static_cast<OnDelete>(it - kOnDeleteNames.begin());
}

const Field* Model::find_field(std::string_view field_name) const {
  return find_named(fields, field_name);
}
Field* Model::find_field(std::string_view field_name) {
  return find_named(fields, field_name);
}

const Field* Model::primary_key() const {
  auto it =
      std::find_if(fields.begin(), fields.end(), [](const Field& f) { return f.primary_key; });
  return it == fields.end() ? nullptr : &*it;
}

const Index* Model::find_index(std::string_view index_name) const {
  return find_named(indexes, index_name);
}

const Constraint* Model::find_constraint(std::string_view constraint_name) const {
  return find_named(constraints, constraint_name);
}

const Model* ProjectState::find(const ModelKey& key) const {
  auto it = models.find(key);
  return it == models.end() ? nullptr : &it->second;
}

Model* ProjectState::find(const ModelKey& key) {
  auto it = models.find(key);
  return it == models.end() ? nullptr : &it->second;
}

const Model& ProjectState::get(const ModelKey& key) const {
  if (const Model* model = find(key)) return *model;
  throw InputError("model " + key.str() + " does not exist in the project state");
}

Model& ProjectState::get(const ModelKey& key) {
  if (Model* model = find(key)) return *model;
  throw InputError("model " + key.str() + " does not exist in the project state");
}

const Model* ProjectState::find_by_table(std::string_view table) const {
  for (const auto& [key, model] : models)
    if (model.table == table) return &model;
  return nullptr;
}

std::vector<const Model*> ProjectState::app_models(std::string_view app) const {
  std::vector<const Model*> result;
  for (const auto& [key, model] : models)
    if (key.app == app) result.push_back(&model);
  return result;
}

}  // namespace dbmig
