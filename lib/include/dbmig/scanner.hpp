// The model scanner: reads the annotated structs of every app with libclang (docs/models.md).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dbmig/error.hpp"
#include "dbmig/model_source.hpp"
#include "dbmig/project_config.hpp"
#include "dbmig/state.hpp"

namespace dbmig {

struct ScanResult {
  ProjectState state;
  ModelSources sources;
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

struct StampedFile;  // cache/file_stamp.hpp

// scan_models in two halves, for a command with other work to do before it needs the models
// (makemigrations loads the migration graph): the constructor reads the scan cache and, when
// libclang will have to parse, starts the scan on a thread of its own (loading libclang,
// parsing, reading the models), so that the caller's work overlaps with it on a second core;
// when no file changed, it takes the result from the cache itself. finish() waits for the
// result (and throws what the scan threw).
class PendingScan {
 public:
  explicit PendingScan(const ProjectConfig& config);
  ~PendingScan();
  PendingScan(const PendingScan&) = delete;
  PendingScan& operator=(const PendingScan&) = delete;

  // The result stays valid for the life of the PendingScan.
  const ScanResult& finish();
  // After finish(): what a run at verbosity 2 says of how it read the models (why the
  // precompiled prelude shipped with dbmig was not used, docs/models.md).
  std::vector<std::string> notes() const;
  // After finish(): every file the models were read from (the apps' headers, what they
  // include, the prelude's headers), as the scan cache records them; sorted.
  std::vector<std::string> files() const;
  // After finish(): waits until the scan cache is written, which the scan does after it
  // answered finish(), and returns the files it records with their stamps (what the
  // makemigrations memo keeps); std::nullopt when it could not be written.
  const std::optional<std::vector<StampedFile>>& cached_files() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace dbmig
