// scan_models: the generated translation unit, the cache, and the problems of a run.
#include <algorithm>
#include <future>
#include <iterator>
#include <optional>
#include <set>
#include <thread>

#include "core/text.hpp"
#include "dbmig/scanner.hpp"
#include "scanner/app_files.hpp"
#include "scanner/compile_flags.hpp"
#include "scanner/libclang.hpp"
#include "scanner/model_builder.hpp"
#include "scanner/model_reader.hpp"
#include "scanner/models_parse.hpp"
#include "scanner/scan_cache.hpp"

namespace dbmig {

namespace fs = std::filesystem;

namespace {

using scanner::AppScan;
using scanner::DeclaredModel;

// The app's files; its models come with take_models(), which needs no translation unit.
AppScan app_files(const scanner::TranslationUnit& unit, const ProjectConfig& config,
                  const AppConfig& app) {
  AppScan scan{app.name, {}, {}};
  for (const auto& file : scanner::files_of_app(unit, app, config.root))
    scan.files.push_back(file.string());
  std::sort(scan.files.begin(), scan.files.end());
  return scan;
}

// Moves the app's models out of `declared`, keeping their order.
void take_models(AppScan& scan, std::vector<DeclaredModel>& declared) {
  auto others =
      std::stable_partition(declared.begin(), declared.end(),
                            [&](const DeclaredModel& model) { return model.app != scan.app; });
  std::move(others, declared.end(), std::back_inserter(scan.models));
  declared.erase(others, declared.end());
}

// Reads the apps marked in `read` again from `parse`: their files, then, with the translation
// unit freed (its memory serves what follows: a lower peak), their models out of `declared`.
void read_apps(scanner::ModelsParse& parse, const ProjectConfig& config,
               const std::vector<bool>& read, std::vector<DeclaredModel>& declared,
               std::vector<AppScan>& apps) {
  for (std::size_t i = 0; i < read.size(); ++i)
    if (read[i]) apps[i] = app_files(*parse.unit, config, config.apps[i]);
  parse.unit.reset();
  for (std::size_t i = 0; i < read.size(); ++i)
    if (read[i]) take_models(apps[i], declared);
}

// The models in app order, whichever apps were read again, so that a partial and a full scan
// report the same problems in the same order; then those no app claims (build_models reports
// them).
ScanResult built(const std::vector<AppScan>& apps, const std::vector<DeclaredModel>& unclaimed) {
  std::vector<const DeclaredModel*> models;
  for (const auto& app : apps)
    for (const auto& model : app.models) models.push_back(&model);
  for (const auto& model : unclaimed) models.push_back(&model);
  std::vector<std::string> problems;
  ScanResult result = scanner::build_models(models, problems);
  if (!problems.empty()) throw ScanError(problems);
  return result;
}

// built() after an edit, with the models of the apps not read again taken as the previous
// scan built them when that gives the same (scanner::rebuild_models); `unchanged` then marks
// those apps, whose models are the previous scan's both as built and as declared.
ScanResult built_again(const std::vector<AppScan>& apps, const std::vector<bool>& read,
                       const std::vector<DeclaredModel>& unclaimed,
                       std::optional<scanner::PreviousBuild> previous,
                       std::vector<bool>& unchanged) {
  if (unclaimed.empty() && previous)
    if (auto result = scanner::rebuild_models(apps, read, std::move(*previous))) {
      unchanged = read;
      unchanged.flip();  // the apps not read
      return std::move(*result);
    }
  return built(apps, unclaimed);
}

bool shares_a_file(const AppScan& one, const AppScan& other) {
  return std::any_of(one.files.begin(), one.files.end(), [&](const std::string& file) {
    return std::binary_search(other.files.begin(), other.files.end(), file);
  });
}

// Which apps to read again: those that read a changed file, and then every app that shares a
// file with one of them, because which app a struct in a shared header belongs to depends on
// which app includes it first. Empty when a changed file belongs to no app (the standard
// library, a header outside the project): then every app is read again.
std::vector<bool> apps_to_read(const std::vector<AppScan>& previous,
                               const std::set<std::string>& changed_paths) {
  std::set<std::string> changed;
  for (const auto& file : changed_paths) changed.insert(scanner::file_identity(file).string());
  std::set<std::string> owned;
  std::vector<bool> dirty(previous.size(), false);
  for (std::size_t i = 0; i < previous.size(); ++i) {
    for (const auto& file : previous[i].files) {
      owned.insert(file);
      if (changed.count(file)) dirty[i] = true;
    }
  }
  if (!std::includes(owned.begin(), owned.end(), changed.begin(), changed.end())) return {};
  for (bool grew = true; grew;) {
    grew = false;
    for (std::size_t i = 0; i < dirty.size(); ++i)
      for (std::size_t j = 0; j < dirty.size() && !dirty[i]; ++j)
        if (dirty[j] && shares_a_file(previous[i], previous[j])) dirty[i] = grew = true;
  }
  return dirty;
}

// The files the new result depends on whatever this parse reads: the previous run's files that
// no app owned (the prelude's, headers outside the project) and the files of the apps not read
// again. Worked out beside the parse (scan_changed_apps): resolving ~200 names is ~1.5 ms of
// system calls (docs/benchmark.md).
std::set<fs::path> files_kept(const std::vector<StampedFile>& previous_files,
                              const std::vector<AppScan>& previous_apps,
                              const std::vector<bool>& read) {
  std::set<std::string> owned;
  for (const auto& app : previous_apps) owned.insert(app.files.begin(), app.files.end());
  std::vector<fs::path> paths;
  for (const auto& file : previous_files) paths.emplace_back(file.path);
  std::vector<fs::path> identities = scanner::file_identities(paths);
  std::set<fs::path> files;
  for (std::size_t i = 0; i < paths.size(); ++i)
    if (!owned.count(identities[i].string())) files.insert(paths[i]);
  for (std::size_t i = 0; i < read.size(); ++i)
    if (!read[i]) files.insert(previous_apps[i].files.begin(), previous_apps[i].files.end());
  return files;
}

// What a parse found, and what the scan cache keeps of it besides the result.
struct Parsed {
  ScanResult result;
  std::vector<fs::path> files;  // every file the result depends on
  std::vector<AppScan> apps;
  fs::file_time_type started;
  std::vector<StampedFile> prelude_files;  // ModelsParse::prelude_files
  std::vector<bool> unchanged;  // per app: as the previous scan cache holds it (empty: none)
};

// The models with only the apps whose files changed read again, in a translation unit of
// their headers alone; std::nullopt when that might not give what reading every app gives:
// a changed file no app owns, a C++ error (a header may rely on another app's header included
// before it), a struct that belongs to no app, or one that a kept app declares too (a
// redefinition, or a shared header newly included first by an app read). Reading every app
// then decides. `apps`: the previous scan's, with their files (ScanCacheFile::app_files); the
// models of those not read again are decoded beside the parse.
std::optional<Parsed> scan_changed_apps(const ProjectConfig& config,
                                        const scanner::ScanCache& cache, std::string& note,
                                        const scanner::ScanCacheFile& previous,
                                        const std::set<std::string>& changed,
                                        std::vector<AppScan> apps) {
  if (apps.size() != config.apps.size()) return std::nullopt;  // a damaged cache
  std::vector<bool> read = apps_to_read(apps, changed);
  if (read.empty()) return std::nullopt;
  std::vector<AppConfig> headers;
  for (std::size_t i = 0; i < read.size(); ++i)
    if (read[i]) headers.push_back(config.apps[i]);
  // What only follows the parse is worked out beside it, on the core libclang leaves idle:
  // before it, it would slow libclang's load down; after it, the command would wait for it.
  scanner::wait_for_libclang();
  struct Kept {
    std::optional<scanner::PreviousBuild> result;
    std::set<fs::path> files;
    bool models_read = true;  // the kept apps' declared models, into `apps`
  };
  std::future<Kept> kept_later = std::async(std::launch::async, [&] {
    Kept kept{{}, files_kept(previous.files(), apps, read)};
    if (auto result = previous.result()) kept.result = scanner::previous_build(std::move(*result));
    for (std::size_t i = 0; i < read.size() && kept.models_read; ++i)
      if (!read[i]) {
        auto models = previous.declared_models(i);
        kept.models_read = models.has_value();
        if (models) apps[i].models = std::move(*models);
      }
    return kept;
  });

  auto started = fs::file_time_type::clock::now();
  scanner::ModelsParse parse =
      scanner::parse_models(config, scanner::models_source(headers), cache.arguments(), true);
  note = parse.why_not_shipped_prelude;
  if (!parse.unit->errors(config.root).empty()) return std::nullopt;
  std::vector<DeclaredModel> declared = scanner::read_models(*parse.unit, config);

  Kept kept = kept_later.get();                // before `apps` is read here
  if (!kept.models_read) return std::nullopt;  // a damaged cache
  std::set<std::string> kept_structs;
  for (std::size_t i = 0; i < read.size(); ++i)
    if (!read[i])
      for (const auto& model : apps[i].models) kept_structs.insert(model.cpp_name);
  for (const auto& model : declared)
    if (model.app.empty() || kept_structs.count(model.cpp_name)) return std::nullopt;

  std::set<fs::path>& files = kept.files;
  files.insert(parse.files.begin(), parse.files.end());
  read_apps(parse, config, read, declared, apps);
  std::vector<bool> unchanged;
  ScanResult result = built_again(apps, read, declared, std::move(kept.result), unchanged);
  return Parsed{.result = std::move(result),
                .files = {files.begin(), files.end()},
                .apps = std::move(apps),
                .started = started,
                .prelude_files = std::move(parse.prelude_files),
                .unchanged = std::move(unchanged)};
}

// `previously_scanned`: whether this configuration was scanned before (its cache is stale).
Parsed scan_every_app(const ProjectConfig& config, const scanner::ScanCache& cache,
                      std::string& note, bool previously_scanned) {
  // The project's own precompiled prelude is built only when this configuration was scanned
  // before (its cache entry is stale): a first scan (a fresh checkout, a CI job) would pay for
  // writing it and may never parse again, while a project being edited gets it on its first
  // edit. Both use the prelude shipped with dbmig when it fits.
  auto started = fs::file_time_type::clock::now();
  scanner::ModelsParse parse =
      scanner::parse_models(config, cache.source(), cache.arguments(), previously_scanned);
  note = parse.why_not_shipped_prelude;
  // C++ errors first and alone: after one, libclang guesses types (an unknown type becomes
  // int), so nothing it says about the models can be trusted.
  if (auto errors = parse.unit->errors(config.root); !errors.empty()) throw ScanError(errors);
  std::vector<DeclaredModel> declared = scanner::read_models(*parse.unit, config);
  std::vector<AppScan> apps(config.apps.size());
  read_apps(parse, config, std::vector<bool>(apps.size(), true), declared, apps);
  ScanResult result = built(apps, declared);
  return Parsed{.result = std::move(result),
                .files = std::move(parse.files),
                .apps = std::move(apps),
                .started = started,
                .prelude_files = std::move(parse.prelude_files),
                .unchanged = {}};
}

}  // namespace

scanner::ScanCache scanner::scan_cache_for(const ProjectConfig& config) {
  return ScanCache(config, models_source(config.apps), scan_arguments(config));
}

ScanError::ScanError(std::vector<std::string> problems)
    : InputError(join(problems, "\n")), problems_(std::move(problems)) {}

// The scan runs on a thread of its own when it parses (PendingScan's constructor) and answers
// before it stores the scan cache, which the command's own work then overlaps: the command
// reads the result while the store encodes it (both only read it).
struct PendingScan::State {
  State(const ProjectConfig& project, scanner::ScanCache scan_cache)
      : config(project), cache(std::move(scan_cache)) {}

  const ProjectConfig& config;
  scanner::ScanCache cache;
  std::optional<scanner::ScanCacheFile> previous;
  std::set<std::string> changed;
  std::string why_not_shipped_prelude;
  std::vector<std::string> files;                  // set before the answer
  std::optional<ScanResult> result;                // set before the answer
  std::optional<std::vector<StampedFile>> cached;  // what the scan cache holds, once written
  std::promise<void> answer;
  std::shared_future<void> answered_future = answer.get_future().share();
  bool answered = false;
  std::jthread libclang_loading;
  std::future<void> scanning;  // last: waited for before the rest is destroyed

  bool parses() const { return !previous || !changed.empty(); }

  void run() {
    try {
      scan();
    } catch (...) {
      if (!answered) answer.set_exception(std::current_exception());
    }
  }

  void scan() {
    std::string& note = why_not_shipped_prelude;
    if (!previous) return answer_then_store(scan_every_app(config, cache, note, false), {});
    if (changed.empty())
      if ((result = previous->result())) {
        for (const StampedFile& file : previous->files()) files.push_back(file.path);
        cached = previous->files();
        return answer.set_value();
      }
    const std::vector<StampedFile>& files = previous->files();
    if (auto apps = previous->app_files())
      if (auto parsed =
              scan_changed_apps(config, cache, note, *previous, changed, std::move(*apps)))
        return answer_then_store(std::move(*parsed), files);
    answer_then_store(scan_every_app(config, cache, note, true), files);
  }

  // `previous_files`: those of the stale cache, if any, whose stamps the new one may take, as
  // it may those of the prelude's record.
  void answer_then_store(Parsed parsed, const std::vector<StampedFile>& previous_files) {
    for (const fs::path& file : parsed.files) files.push_back(file.string());
    result = std::move(parsed.result);
    answer.set_value();
    answered = true;
    std::vector<StampedFile> known = std::move(parsed.prelude_files);
    known.insert(known.end(), previous_files.begin(), previous_files.end());
    std::vector<std::optional<scanner::EncodedApp>> unchanged(parsed.unchanged.size());
    for (std::size_t i = 0; i < unchanged.size(); ++i)
      if (parsed.unchanged[i]) unchanged[i] = previous->app(i);
    cached = cache.store(*result, parsed.files, parsed.apps, known, parsed.started, unchanged);
  }
};

PendingScan::PendingScan(const ProjectConfig& config) {
  check_apps_exist(config);
  state_ = std::make_unique<State>(config, scanner::scan_cache_for(config));
  state_->previous = state_->cache.load();
  if (state_->previous) state_->changed = scanner::changed_files(state_->previous->files());
  if (!state_->parses()) {
    state_->run();  // answers from the cache, on this thread
    return;
  }
  // Loading libclang (~15 ms) overlaps with reading the previous scan on the scan thread.
  state_->libclang_loading = scanner::load_libclang_in_background();
  state_->scanning = std::async(std::launch::async, [state = state_.get()] { state->run(); });
}

PendingScan::~PendingScan() = default;

const std::optional<std::vector<StampedFile>>& PendingScan::cached_files() const {
  if (state_->scanning.valid()) state_->scanning.wait();
  return state_->cached;
}

const ScanResult& PendingScan::finish() {
  state_->answered_future.get();
  return *state_->result;
}

std::vector<std::string> PendingScan::files() const {
  return state_->files;
}

std::vector<std::string> PendingScan::notes() const {
  const std::string& why = state_->why_not_shipped_prelude;
  if (why.empty()) return {};
  return {"the models were not parsed with the precompiled prelude shipped with dbmig: " + why};
}

ScanResult scan_models(const ProjectConfig& config) {
  PendingScan scan(config);
  return scan.finish();
}

}  // namespace dbmig
