// The blog app: a blog belongs to a user (deleting the user deletes their blogs).
#pragma once

#include <dbmig/model.hpp>

#include <chrono>
#include <cstdint>
#include <string>

#include "../accounts/models.hpp"

namespace blog {

struct DBMIG_MODEL(table = "blogs", index(user_id, created_at)) Blog {
  DBMIG_FIELD(primary_key) std::int64_t id;
  DBMIG_FIELD(max_length = 250) std::string title;
  DBMIG_FIELD(renamed_from = body) std::string content;
  bool active = true;
  DBMIG_FIELD(references = accounts::User, on_delete = cascade) std::int64_t user_id;
  std::chrono::system_clock::time_point created_at;
  std::chrono::system_clock::time_point updated_at;
};

}  // namespace blog
