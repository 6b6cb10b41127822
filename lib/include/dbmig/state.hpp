// The project state: every model of every app as the migrations (or the scanner) describe it.
// Pure data, no I/O. Mirrors Django's ProjectState / ModelState.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace dbmig {

enum class FieldType {
  boolean,
  int8,
  int16,
  int32,
  int64,
  uint8,
  uint16,
  uint32,
  uint64,
  float32,
  float64,
  string,
  bytes,
  timestamp,
  date,
  decimal,
};

// The spelling used in migration files ("bool", "int64", "uint16", "float", "double",
// "string", "bytes", "timestamp", "date", "decimal").
std::string_view to_string(FieldType type);
std::optional<FieldType> field_type_from_string(std::string_view name);
// Every spelling, in enum order, for error messages that list what is accepted.
const std::vector<std::string_view>& field_type_names();
bool is_integral(FieldType type);
bool is_unsigned(FieldType type);  // uint8 ... uint64

enum class OnDelete { cascade, restrict, set_null, set_default, no_action };

std::string_view to_string(OnDelete action);
std::optional<OnDelete> on_delete_from_string(std::string_view name);
// Every on_delete name, in declaration order (for messages listing the choices).
const std::vector<std::string_view>& on_delete_names();

// A literal column default. Integers keep their signedness so uint64 values above INT64_MAX
// and negative numbers both survive a round trip.
using Literal = std::variant<bool, std::int64_t, std::uint64_t, double, std::string>;

struct ModelKey {
  std::string app;
  std::string name;

  // "app.Model", the spelling used in references and messages.
  std::string str() const { return app + "." + name; }
  auto operator<=>(const ModelKey&) const = default;
};

struct Reference {
  ModelKey target;
  OnDelete on_delete = OnDelete::no_action;
  auto operator<=>(const Reference&) const = default;
};

struct Field {
  std::string name;    // the C++ member name
  std::string column;  // database column name when it differs from name, else empty
  FieldType type = FieldType::int64;
  bool null = false;
  std::optional<int> max_length;  // strings: VARCHAR(n); none => TEXT
  int precision = 0;              // decimals only
  int scale = 0;                  // decimals only
  bool primary_key = false;
  bool auto_increment = false;  // integral primary keys
  bool unique = false;
  bool index = false;
  std::optional<Literal> default_value;
  std::optional<Reference> references;
  std::string comment;

  const std::string& column_name() const { return column.empty() ? name : column; }
  bool operator==(const Field&) const = default;
};

// A model-level index over one or more fields; field-level `index` lives on Field.
struct Index {
  std::string name;
  std::vector<std::string> fields;
  bool operator==(const Index&) const = default;
};

enum class ConstraintKind { unique, check };

// unique_together is a unique constraint; `check` a check constraint with its SQL expression.
struct Constraint {
  std::string name;
  ConstraintKind kind = ConstraintKind::unique;
  std::vector<std::string> fields;  // unique
  std::string check;                // check
  bool operator==(const Constraint&) const = default;
};

struct Model {
  std::string app;
  std::string name;
  std::string table;
  std::vector<Field> fields;  // declaration order
  std::vector<Index> indexes;
  std::vector<Constraint> constraints;
  std::string comment;

  ModelKey key() const { return {app, name}; }
  const Field* find_field(std::string_view field_name) const;
  Field* find_field(std::string_view field_name);
  const Field* primary_key() const;
  const Index* find_index(std::string_view index_name) const;
  const Constraint* find_constraint(std::string_view constraint_name) const;
  bool operator==(const Model&) const = default;
};

struct ProjectState {
  std::map<ModelKey, Model> models;  // ordered, so every walk is deterministic

  const Model* find(const ModelKey& key) const;
  Model* find(const ModelKey& key);
  // Throws InputError naming the model when it is absent.
  const Model& get(const ModelKey& key) const;
  Model& get(const ModelKey& key);
  const Model* find_by_table(std::string_view table) const;
  // The models of one app, in name order.
  std::vector<const Model*> app_models(std::string_view app) const;
  bool operator==(const ProjectState&) const = default;
};

}  // namespace dbmig
