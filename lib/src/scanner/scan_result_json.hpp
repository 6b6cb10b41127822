// ScanResult as JSON: the `dbmig inspectmodels --format json` output (docs/models.md) and the
// scan cache's payload, so both read and write one form.
#pragma once

#include <nlohmann/json.hpp>

#include "dbmig/project_config.hpp"
#include "dbmig/scanner.hpp"

namespace dbmig::scanner {

// Apps in `config` order (only those in `apps` when not empty), models by name, fields in
// declaration order. Every key is always present, so consumers need no defaults.
nlohmann::ordered_json scan_result_to_json(const ScanResult& result, const ProjectConfig& config,
                                           const std::vector<std::string>& apps = {});

// The inverse of scan_result_to_json over all apps; throws std::exception on a malformed
// document.
ScanResult scan_result_from_json(const nlohmann::json& json);

}  // namespace dbmig::scanner
