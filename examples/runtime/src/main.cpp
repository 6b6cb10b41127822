// Writes a user and their blogs into the database `dbmig migrate` prepared, then reads them
// back as the same structs, through the bindings `dbmig bindings` generated from them at build
// time (dbmig's docs/runtime.md). The database: DATABASE_URL, else sqlite:///db.sqlite3.
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

#include <accounts/models_soci.hpp>
#include <blog/models_soci.hpp>

#include "src/database.hpp"

namespace {

using dbmig::rows::model;

// Running twice starts over: deleting Ada deletes her blogs too (on_delete = cascade).
void forget(soci::session& sql, const std::string& email) {
  std::string where = std::string(model<accounts::User>::columns::email) + " = :email";
  for (const accounts::User& user :
       dbmig::rows::select<accounts::User>(sql, where, soci::use(email, "email")))
    dbmig::rows::remove<accounts::User>(sql, user.id);
}

void print_user_and_blogs(soci::session& sql, std::int64_t id) {
  std::optional<accounts::User> user = dbmig::rows::get<accounts::User>(sql, id);
  std::cout << "user " << user->id << ": " << user->name << " <" << user->email << ">\n";
  std::string where = std::string(model<blog::Blog>::columns::user_id) + " = :user ORDER BY " +
                      std::string(model<blog::Blog>::columns::id);
  for (const blog::Blog& blog : dbmig::rows::select<blog::Blog>(sql, where, soci::use(id, "user")))
    std::cout << "  blog " << blog.id << ": " << blog.title
              << (blog.active ? " (active)" : " (hidden)") << "\n";
}

}  // namespace

int main() {
  const char* url = std::getenv("DATABASE_URL");
  try {
    soci::session sql;
    runtime::open_database(sql, url ? url : "sqlite:///db.sqlite3");
    auto now = std::chrono::system_clock::now();

    soci::transaction transaction(sql);
    forget(sql, "ada@example.org");
    accounts::User ada{
        .id = 0, .name = "Ada", .email = "ada@example.org", .created_at = now, .updated_at = now};
    ada.id = dbmig::rows::insert(sql, ada);
    for (std::string title : {"Notes on the Analytical Engine", "On Bernoulli numbers"})
      dbmig::rows::insert(sql, blog::Blog{.id = 0,
                                          .title = title,
                                          .body = "...",
                                          .active = true,
                                          .user_id = ada.id,
                                          .created_at = now,
                                          .updated_at = now});
    transaction.commit();

    print_user_and_blogs(sql, ada.id);
  } catch (const std::exception& error) {
    std::cerr << "error: " << error.what()
              << "\nIf the tables are missing, run `dbmig migrate` in this folder first (with the "
                 "same DATABASE_URL).\n";
    return 1;
  }
  return 0;
}
