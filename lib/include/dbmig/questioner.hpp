// The questions makemigrations may have to ask (Django's MigrationQuestioner): whether a removed
// and an added field (or model) with the same definition are a rename, and which one-off value
// fills existing rows when a NOT NULL column without default is added. On a terminal the user
// answers; with --noinput or no terminal nothing blocks: renames come only from `renamed_from`
// and a missing default is an InputError that shows what to write in the model.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dbmig/literal_text.hpp"  // parse_literal, for what the user types
#include "dbmig/model_source.hpp"
#include "dbmig/state.hpp"

namespace dbmig {

struct Console;  // dbmig/console.hpp: only the interactive questioner talks to it

class Questioner {
 public:
  virtual ~Questioner() = default;

  // `old_field` was removed from `model` and `new_field` added with the same definition.
  virtual bool ask_rename_field(const ModelKey& model, const Field& old_field,
                                const Field& new_field) = 0;
  // `old_model` was removed and `new_model` added in the same app with the same fields.
  virtual bool ask_rename_model(const Model& old_model, const Model& new_model) = 0;
  // `field` is NOT NULL without default and added to the existing `model`: the value that
  // fills the existing rows (AddField::fill_value). Throws InputError when there is none.
  virtual Literal ask_fill_value_for_added_field(const Model& model, const Field& field) = 0;
  // `field` of `model` becomes NOT NULL without default: the value that replaces existing
  // NULLs (AlterField::fill_value), or nullopt to leave them (the database then refuses NULLs).
  virtual std::optional<Literal> ask_fill_value_for_altered_field(const Model& model,
                                                                  const Field& field) = 0;
};

// --noinput or no terminal: never asks, never blocks.
class NonInteractiveQuestioner : public Questioner {
 public:
  // `sources` (from the scanner) locate the model and field in the error messages.
  explicit NonInteractiveQuestioner(const ModelSources& sources) : sources_(sources) {}

  bool ask_rename_field(const ModelKey&, const Field&, const Field&) override { return false; }
  bool ask_rename_model(const Model&, const Model&) override { return false; }
  // Always throws: the InputError names file:line:col and the line to add.
  Literal ask_fill_value_for_added_field(const Model& model, const Field& field) override;
  std::optional<Literal> ask_fill_value_for_altered_field(const Model&, const Field&) override {
    return std::nullopt;
  }

 protected:
  const ModelSources& sources_;
};

// Asks on console.out and reads the answers from console.in. End of input counts as "no".
class InteractiveQuestioner : public NonInteractiveQuestioner {
 public:
  InteractiveQuestioner(Console& console, const ModelSources& sources)
      : NonInteractiveQuestioner(sources), console_(console) {}

  bool ask_rename_field(const ModelKey& model, const Field& old_field,
                        const Field& new_field) override;
  bool ask_rename_model(const Model& old_model, const Model& new_model) override;
  Literal ask_fill_value_for_added_field(const Model& model, const Field& field) override;
  std::optional<Literal> ask_fill_value_for_altered_field(const Model& model,
                                                          const Field& field) override;

 private:
  // Reads a literal for `field` until one parses; nullopt at end of input.
  std::optional<Literal> read_literal(const Field& field);
  // Shows `problem` and a numbered menu as Django does; the chosen option (1-based), or 0 at
  // end of input.
  int choose(const std::string& problem, const std::vector<std::string>& options);

  Console& console_;
};

// Asks `question` with " [y/N]" and reads the answer; only "y", "Y" or "yes" is yes, end of
// input is no. For interactive consoles only (the caller checks console.interactive).
bool ask_yes_no(Console& console, const std::string& question);

// "TEXT", "VARCHAR(200)", "BIGINT NULL": how a field is shown in questions.
std::string describe_field_type(const Field& field);

}  // namespace dbmig
