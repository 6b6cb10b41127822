// Reads a model's keys from an object that may hold more (CreateModel adds "op"), so the
// operation reader and model_from_json share one implementation.
#pragma once

#include "dbmig/state.hpp"
#include "io/json_reader.hpp"

namespace dbmig {

// Reads name, table, fields, indexes, constraints and comment; the caller calls finish().
Model read_model(JsonReader& reader);

}  // namespace dbmig
