// Turns the declared structs into the project state: interprets every option, maps defaults,
// resolves references across apps and checks what the database needs (docs/models.md
// "Errors").
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "dbmig/scanner.hpp"
#include "scanner/declarations.hpp"
#include "scanner/scan_cache_codec.hpp"

namespace dbmig::scanner {

// Every problem found is appended to `problems` as "file:line:col: error: ..."; the result is
// only meaningful when none was.
ScanResult build_models(const std::vector<const DeclaredModel*>& declared,
                        std::vector<std::string>& problems);

// The previous scan's result, with the index and constraint names each of its models takes
// (rebuild_models notes those of the models it keeps), worked out beside the parse
// (scan_models.cpp) instead of after it.
struct PreviousBuild {
  ScanResult result;
  std::map<ModelKey, std::set<std::string>> schema_names;
};
PreviousBuild previous_build(ScanResult result);

// After an edit, build_models of every app's models (in `apps`, in app order), building only
// those of the apps `read` again and taking the others' as `previous` built them: a scan
// after an edit built all 500 of the medium benchmark's models to change one app's. The
// others' were built beside the models of the apps read, as they were then: std::nullopt
// when building them again might give something else (an app read again has other models,
// other C++ names or primary key types, or takes other index and constraint names) or when a
// problem is found, and build_models then decides and reports.
std::optional<ScanResult> rebuild_models(const std::vector<AppScan>& apps,
                                         const std::vector<bool>& read, PreviousBuild previous);

}  // namespace dbmig::scanner
