// A migration: one JSON file in migrations/<app>/, pure data once read.
#pragma once

#include <compare>
#include <string>
#include <vector>

#include "dbmig/operation.hpp"

namespace dbmig {

struct MigrationKey {
  std::string app;
  std::string name;

  // "app.name", as in messages and `state --at`.
  std::string str() const { return app + "." + name; }
  auto operator<=>(const MigrationKey&) const = default;
};

struct Migration {
  std::string app;
  std::string name;  // "0001_initial", without ".json"
  std::vector<MigrationKey> dependencies;
  std::vector<MigrationKey> replaces;  // squashed migrations this one stands for
  bool atomic = true;
  Operations operations;
  // migration_checksum of the operations, set by the loader when it reads the file (so the
  // migration cache keeps it too); empty for a migration built in code.
  std::string checksum;
  // The file as messages name it (relative to the project root), set by the loader; empty for
  // a migration built in code.
  std::string file;

  MigrationKey key() const { return {app, name}; }
};

}  // namespace dbmig
