// How SOCI reads and writes the model structs: one type_conversion per model, mapping each
// member to its column. The column names are the ones the migrations created.
#pragma once

#include <soci/soci.h>

#include <chrono>
#include <ctime>
#include <string>

#include "apps/accounts/models.hpp"
#include "apps/blog/models.hpp"

namespace runtime {

// Timestamps are UTC instants; SOCI exchanges them as std::tm.
inline std::tm to_tm(std::chrono::system_clock::time_point at) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  return utc;
}

inline std::chrono::system_clock::time_point from_tm(std::tm utc) {
  return std::chrono::system_clock::from_time_t(timegm(&utc));
}

// SOCI reports an SQLite INTEGER column as int and a BIGINT one as long long; accept both.
inline long long integer_column(const soci::values& row, const std::string& name) {
  if (row.get_properties(name).get_data_type() == soci::dt_long_long)
    return row.get<long long>(name);
  return row.get<int>(name);
}

}  // namespace runtime

namespace soci {

// The id is left out of what is written: the database assigns it (INTEGER PRIMARY KEY).
template <>
struct type_conversion<accounts::User> {
  using base_type = values;

  static void from_base(const values& row, indicator, accounts::User& user) {
    user.id = runtime::integer_column(row, "id");
    user.name = row.get<std::string>("name");
    user.email = row.get<std::string>("email");
    user.created_at = runtime::from_tm(row.get<std::tm>("created_at"));
    user.updated_at = runtime::from_tm(row.get<std::tm>("updated_at"));
  }

  static void to_base(const accounts::User& user, values& row, indicator& state) {
    row.set("name", user.name);
    row.set("email", user.email);
    row.set("created_at", runtime::to_tm(user.created_at));
    row.set("updated_at", runtime::to_tm(user.updated_at));
    state = i_ok;
  }
};

template <>
struct type_conversion<blog::Blog> {
  using base_type = values;

  static void from_base(const values& row, indicator, blog::Blog& blog) {
    blog.id = runtime::integer_column(row, "id");
    blog.title = row.get<std::string>("title");
    blog.body = row.get<std::string>("body");
    blog.active = runtime::integer_column(row, "active") != 0;
    blog.user_id = runtime::integer_column(row, "user_id");
    blog.created_at = runtime::from_tm(row.get<std::tm>("created_at"));
    blog.updated_at = runtime::from_tm(row.get<std::tm>("updated_at"));
  }

  static void to_base(const blog::Blog& blog, values& row, indicator& state) {
    row.set("title", blog.title);
    row.set("body", blog.body);
    row.set("active", blog.active ? 1 : 0);
    row.set("user_id", static_cast<long long>(blog.user_id));
    row.set("created_at", runtime::to_tm(blog.created_at));
    row.set("updated_at", runtime::to_tm(blog.updated_at));
    state = i_ok;
  }
};

}  // namespace soci
