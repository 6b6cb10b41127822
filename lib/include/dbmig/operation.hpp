// One change to the project state, as written in a migration file. Like Django's operations,
// each knows how to change the state, render its SQL forwards and backwards through a
// SchemaEditor, describe itself, contribute to its migration's name, and fold with a following
// operation for the optimizer.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "dbmig/schema_editor.hpp"
#include "dbmig/state.hpp"

namespace dbmig {

class Operation;

// How an operation runs and how its review went, beside what it changes: keys any operation's
// JSON form may carry after its own (docs/migration-files.md "Operation options").
struct OperationOptions {
  // "online": change the table without blocking its readers and writers where the database can
  // (docs/online-schema-changes.md). Only operations with an online form accept it, and only in
  // a migration with "atomic": false, as the online forms run outside a transaction.
  bool online = false;
  // "acknowledged": lint codes (docs/lint.md) whose findings on this operation were reviewed and
  // accepted. Not part of the migration's checksum: acknowledging a finding of an applied
  // migration does not make it "edited".
  std::vector<std::string> acknowledged;
  bool operator==(const OperationOptions&) const = default;
};

using OperationPtr = std::shared_ptr<const Operation>;
using Operations = std::vector<OperationPtr>;

class Operation {
 public:
  virtual ~Operation() = default;

  // The "op" value in migration files ("CreateModel", "AddField", ...).
  virtual std::string_view kind() const = 0;
  // Changes `state` as applying this operation of app `app` does. Throws InputError when the
  // state does not allow it (the model or field is missing or already there).
  virtual void apply(ProjectState& state, std::string_view app) const = 0;
  // One line for console output and SQL comments, e.g. "Add field subtitle to Blog".
  virtual std::string describe() const = 0;
  // The fragment an automatic migration name is built from, e.g. "blog_subtitle".
  virtual std::string name_fragment() const = 0;
  // The JSON object: "op" (the kind) first, then members_to_json's keys, then the options that
  // are set.
  nlohmann::ordered_json to_json() const;
  // Adds the operation's own keys to `json`, in a fixed order.
  virtual void members_to_json(nlohmann::ordered_json& json) const = 0;

  virtual Statements forwards(const SchemaEditor& editor, std::string_view app,
                              const StateChange& change) const = 0;
  // `change` is still before -> after of the forwards direction.
  virtual Statements backwards(const SchemaEditor& editor, std::string_view app,
                               const StateChange& change) const = 0;
  // False when the operation cannot be undone (RunSQL without reverse SQL).
  virtual bool reversible() const { return true; }
  // Whether `options.online` means something for this operation (docs/online-schema-changes.md).
  virtual bool has_online_form() const { return false; }

  // Set by the reader before the operation is shared as const, like the members.
  OperationOptions options;

  // Optimizer: the operations that replace `this` followed by `next` (possibly none), or
  // nullopt when the two do not fold.
  virtual std::optional<Operations> reduce(const Operation& next, std::string_view app) const {
    (void)next;
    (void)app;
    return std::nullopt;
  }
  // Whether this operation touches `model` (so the optimizer may not move others across it).
  virtual bool references_model(const ModelKey& model, std::string_view app) const = 0;
  // Whether this operation touches field `field` of `model`; operations that do not know their
  // fields answer for the whole model.
  virtual bool references_field(const ModelKey& model, std::string_view field,
                                std::string_view app) const {
    (void)field;
    return references_model(model, app);
  }
  // Optimizer: whether `other` leaves alone what this operation changes (its model, or for a
  // field operation its field), so the two may trade places. False unless overridden.
  virtual bool can_reduce_through(const Operation& other, std::string_view app) const {
    (void)other;
    (void)app;
    return false;
  }
};

// Reads one operation from its JSON form. `where` is the JSON path of `json` in its file
// ("$.operations[2]"); errors are InputErrors naming that path (the caller adds the file).
OperationPtr operation_from_json(const nlohmann::json& json, const std::string& where);

// A copy of `operation` with `options` instead of its own (read back from its JSON form, as
// operations are shared as const). Throws InputError for "online" without an online form.
OperationPtr with_options(const Operation& operation, const OperationOptions& options);

}  // namespace dbmig
