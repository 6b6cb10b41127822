#include "dbmig/migration_json.hpp"

#include <cstdint>
#include <cstdio>

#include "dbmig/error.hpp"
#include "dbmig/json_file.hpp"
#include "io/json_reader.hpp"

namespace dbmig {

namespace {

nlohmann::ordered_json keys_to_json(const std::vector<MigrationKey>& keys) {
  auto array = nlohmann::ordered_json::array();
  for (const auto& key : keys) array.push_back({key.app, key.name});
  return array;
}

std::vector<MigrationKey> keys_at(const nlohmann::json* json, const std::string& path) {
  std::vector<MigrationKey> keys;
  if (!json) return keys;
  if (!json->is_array()) throw_at(path, "expected an array of [\"app\", \"migration\"] pairs");
  for (std::size_t i = 0; i < json->size(); ++i) {
    std::string item_path = path + "[" + std::to_string(i) + "]";
    auto pair = strings_at((*json)[i], item_path);
    if (pair.size() != 2) throw_at(item_path, "expected an [\"app\", \"migration\"] pair");
    keys.push_back({pair[0], pair[1]});
  }
  return keys;
}

// A migration listing itself would be dropped from its own dependencies without a word, and
// replacing itself means nothing.
void refuse_self(const std::vector<MigrationKey>& keys, const MigrationKey& self,
                 const std::string& path, const std::string& verb) {
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == self)
      throw_at(path + "[" + std::to_string(i) + "]",
               "a migration cannot " + verb + " itself; remove this entry");
}

// The online forms run outside a transaction (CREATE INDEX CONCURRENTLY cannot run inside one,
// and a validation inside the transaction of its NOT VALID constraint would hold the table's
// lock throughout): an atomic migration cannot have them.
void refuse_online_in_transaction(const Migration& migration) {
  if (!migration.atomic) return;
  for (std::size_t i = 0; i < migration.operations.size(); ++i)
    if (migration.operations[i]->options.online)
      throw_at("$.operations[" + std::to_string(i) + "].online",
               "an online operation runs outside a transaction; set \"atomic\": false in this "
               "migration (docs/online-schema-changes.md)");
}

nlohmann::ordered_json operations_json(const Operations& operations) {
  auto array = nlohmann::ordered_json::array();
  for (const auto& operation : operations) array.push_back(operation->to_json());
  return array;
}

// The operations as the checksum sees them: without "acknowledged", which records a review, not
// a change.
nlohmann::ordered_json checksummed_json(const Operations& operations) {
  auto array = operations_json(operations);
  for (auto& operation : array) operation.erase("acknowledged");
  return array;
}

std::uint64_t fnv1a64(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

Migration read_migration(const nlohmann::json& json) {
  JsonReader reader(json, "$");
  const auto& version = reader.required("dbmig");
  if (version != migration_format_version)
    throw_at("$.dbmig", "unsupported format version " +
                            (version.is_number() ? version.dump()
                                                 : "(a " + std::string(version.type_name()) + ")") +
                            "; this dbmig reads " + std::to_string(migration_format_version) +
                            " (upgrade dbmig)");
  Migration migration;
  migration.app = reader.string("app");
  migration.name = reader.string("name");
  migration.dependencies = keys_at(&reader.required("dependencies"), "$.dependencies");
  migration.replaces = keys_at(reader.optional("replaces"), "$.replaces");
  refuse_self(migration.dependencies, migration.key(), "$.dependencies", "depend on");
  refuse_self(migration.replaces, migration.key(), "$.replaces", "replace");
  migration.atomic = reader.boolean_or("atomic", true);
  const auto& operations = reader.required("operations");
  if (!operations.is_array()) throw_at("$.operations", "expected an array of operations");
  for (std::size_t i = 0; i < operations.size(); ++i)
    migration.operations.push_back(
        operation_from_json(operations[i], "$.operations[" + std::to_string(i) + "]"));
  refuse_online_in_transaction(migration);
  reader.finish();
  return migration;
}

}  // namespace

nlohmann::ordered_json migration_to_json(const Migration& migration) {
  nlohmann::ordered_json json;
  json["dbmig"] = migration_format_version;
  json["app"] = migration.app;
  json["name"] = migration.name;
  json["dependencies"] = keys_to_json(migration.dependencies);
  if (!migration.replaces.empty()) json["replaces"] = keys_to_json(migration.replaces);
  json["atomic"] = migration.atomic;
  json["operations"] = operations_json(migration.operations);
  return json;
}

std::string format_migration(const Migration& migration) {
  return format_json(migration_to_json(migration));
}

Migration migration_from_json(const nlohmann::json& json, const std::string& file) {
  try {
    return read_migration(json);
  } catch (const InputError& e) {
    throw InputError(file + ": " + e.what());
  }
}

std::string migration_checksum(const Migration& migration) {
  if (!migration.checksum.empty()) return migration.checksum;
  char hex[17];
  std::snprintf(
      hex, sizeof hex, "%016llx",
      static_cast<unsigned long long>(fnv1a64(checksummed_json(migration.operations).dump())));
  return hex;
}

}  // namespace dbmig
