// ScanResult as JSON: the `dbmig inspectmodels --format json` output (docs/models.md).
#pragma once

#include <nlohmann/json.hpp>

#include "dbmig/project_config.hpp"
#include "dbmig/scanner.hpp"

namespace dbmig::scanner {

// Apps in `config` order (only those in `apps` when not empty), models by name, fields in
// declaration order. Every key is always present, so consumers need no defaults.
nlohmann::ordered_json scan_result_to_json(const ScanResult& result, const ProjectConfig& config,
                                           const std::vector<std::string>& apps = {});

}  // namespace dbmig::scanner
