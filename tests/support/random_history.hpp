// A random history of migrations for the seeded property tests: the random project
// (random_project.hpp) edited step by step, with makemigrations' migrations after each edit
// and, now and then, a hand-written RunSQL migration.
#pragma once

#include <vector>

#include "dbmig/autodetector.hpp"
#include "dbmig/graph.hpp"
#include "dbmig/questioner.hpp"
#include "random_project.hpp"

namespace dbmig::test {

// Answers like a careful user: never a rename it was not told about, and for existing rows a
// zero of the field's type that every database takes (a date or time is not a number there).
class FillingQuestioner : public Questioner {
 public:
  bool ask_rename_field(const ModelKey&, const Field&, const Field&) override { return false; }
  bool ask_rename_model(const Model&, const Model&) override { return false; }
  Literal ask_fill_value_for_added_field(const Model&, const Field& field) override {
    switch (field.type) {
      case FieldType::boolean:
        return *parse_literal("false", field);
      case FieldType::date:
        return *parse_literal("2000-01-01", field);
      case FieldType::timestamp:
        return *parse_literal("2000-01-01 00:00:00", field);
      default:
        return *parse_literal("0", field);
    }
  }
  std::optional<Literal> ask_fill_value_for_altered_field(const Model& model,
                                                          const Field& field) override {
    return ask_fill_value_for_added_field(model, field);
  }
};

// The new migrations from `history` to the project's models.
inline std::vector<Migration> generate(const MigrationGraph& history,
                                       const RandomProject& project) {
  FillingQuestioner questioner;
  auto planned = detect_changes(history.state_at(), project.state, project.sources, questioner);
  return arrange_migrations(planned, arrange_options(history, planned));
}

// `steps` edits of a random project from `seed`, each followed by its migrations (or, one
// step in `run_sql_percent`, a RunSQL migration instead), in an order they apply in.
inline std::vector<Migration> random_history(unsigned seed, int steps, int run_sql_percent) {
  SeededRandom random(seed);
  RandomProject project(random);
  std::vector<Migration> history;
  for (int step = 0; step < steps; ++step) {
    MigrationGraph graph(history);
    if (random.chance(run_sql_percent)) {
      if (auto custom = project.custom_sql(graph)) {
        history.push_back(std::move(*custom));
        continue;
      }
    }
    project.edit();
    for (auto& migration : generate(graph, project)) history.push_back(std::move(migration));
  }
  return history;
}

}  // namespace dbmig::test
