// Where each model and field of the scanned state is declared, and the hints the scanner read
// that are not part of the schema: what the questioner and the autodetector need of a scan,
// without the scanner itself.
#pragma once

#include <map>
#include <string>

#include "dbmig/source_location.hpp"
#include "dbmig/state.hpp"

namespace dbmig {

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

using ModelSources = std::map<ModelKey, ModelSource>;

}  // namespace dbmig
