// The model scanner: reads the annotated structs of every app with libclang (DESIGN.md §2).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "dbmig/error.hpp"
#include "dbmig/project_config.hpp"
#include "dbmig/source_location.hpp"
#include "dbmig/state.hpp"

namespace dbmig {

// What the scanner read besides the state itself: where each model and field is declared and
// the hints that are not part of the schema.
struct FieldSource {
  SourceLocation location;
  std::string cpp_type;      // as written, e.g. "std::optional<std::string>"
  std::string renamed_from;  // DBMIG_FIELD(renamed_from = old), else empty
  bool operator==(const FieldSource&) const = default;
};

struct ModelSource {
  SourceLocation location;
  std::string cpp_name;      // qualified, e.g. "blog::Blog"
  std::string renamed_from;  // DBMIG_MODEL(renamed_from = Old), else empty
  std::map<std::string, FieldSource> fields;
  bool operator==(const ModelSource&) const = default;
};

struct ScanResult {
  ProjectState state;
  std::map<ModelKey, ModelSource> sources;
  bool operator==(const ScanResult&) const = default;
};

// Every problem found in one run, each "file:line:col: error: ..." (README "Model errors").
class ScanError : public InputError {
 public:
  explicit ScanError(std::vector<std::string> problems);
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::vector<std::string> problems_;
};

// Scans every app of `config` (all apps, so references across apps resolve).
ScanResult scan_models(const ProjectConfig& config);

// scan_models in two halves, for a command with other work to do before it needs the models
// (makemigrations loads the migration graph): the constructor reads the scan cache and, when
// libclang will have to parse, starts loading it on a thread (~70 ms of relocating libLLVM,
// the largest fixed cost of a parse), so that the caller's work overlaps with it; finish()
// does the rest.
class PendingScan {
 public:
  explicit PendingScan(const ProjectConfig& config);
  ~PendingScan();
  PendingScan(const PendingScan&) = delete;
  PendingScan& operator=(const PendingScan&) = delete;

  ScanResult finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace dbmig
