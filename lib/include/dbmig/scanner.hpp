// The model scanner: reads the annotated structs of every app with libclang (DESIGN.md §2).
#pragma once

#include <map>
#include <string>
#include <thread>
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

// Loads libclang (~70 ms and most of the fixed cost of a parse: relocating libLLVM) on a
// thread of its own, for a command about to scan, so that the load overlaps with reading the
// migrations and the caches; with a fresh scan cache it is wasted. Joined when destroyed; a
// failed load is reported by the scan.
std::jthread load_libclang_in_background();

}  // namespace dbmig
