// The accounts app: the people who write blogs.
#pragma once

#include <dbmig/model.hpp>

#include <chrono>
#include <cstdint>
#include <string>

namespace accounts {

struct DBMIG_MODEL(table = "users") User {
  DBMIG_FIELD(primary_key) std::int64_t id;
  DBMIG_FIELD(max_length = 100) std::string name;
  DBMIG_FIELD(max_length = 254, unique) std::string email;
  std::chrono::system_clock::time_point created_at;
  std::chrono::system_clock::time_point updated_at;
};

}  // namespace accounts
