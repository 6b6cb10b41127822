// Reading what several operations' JSON forms hold. Each reader refuses what the scanner would
// refuse in a model, at the JSON path of what is wrong.
#pragma once

#include <memory>
#include <optional>

#include "dbmig/operations.hpp"
#include "io/json_reader.hpp"

namespace dbmig::operations {

// The created model: the keys of model_from_json beside "op".
Model model_at(JsonReader& reader);
// "field": the field of a FieldDefinitionOperation.
Field field_at(JsonReader& reader);
// "fill_value", when there is one, as a value the column of `field` holds as it is.
std::optional<Literal> fill_value_at(JsonReader& reader, const Field& field);

// AddField and AlterField: "model", "field" and an optional "fill_value".
template <class Definition>
OperationPtr read_field_definition(JsonReader& reader) {
  std::string model = reader.string("model");
  auto operation = std::make_shared<Definition>(model, field_at(reader));
  operation->fill_value = fill_value_at(reader, operation->field);
  return operation;
}

}  // namespace dbmig::operations
