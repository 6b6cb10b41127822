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

  MigrationKey key() const { return {app, name}; }
};

}  // namespace dbmig
