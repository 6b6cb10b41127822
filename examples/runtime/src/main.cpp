// Writes a user and their blogs into the database `dbmig migrate` prepared, then reads them
// back as the same structs. Usage: blog_runtime [PATH.sqlite3] (default db.sqlite3).
#include <chrono>
#include <iostream>
#include <string>

#include "src/soci_mapping.hpp"

namespace {

long long insert_user(soci::session& sql, const accounts::User& user) {
  sql << "INSERT INTO users (name, email, created_at, updated_at)"
         " VALUES (:name, :email, :created_at, :updated_at)",
      soci::use(user);
  long long id = 0;
  sql << "SELECT last_insert_rowid()", soci::into(id);
  return id;
}

void insert_blog(soci::session& sql, const blog::Blog& blog) {
  sql << "INSERT INTO blogs (title, body, active, user_id, created_at, updated_at)"
         " VALUES (:title, :body, :active, :user_id, :created_at, :updated_at)",
      soci::use(blog);
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = argc > 1 ? argv[1] : "db.sqlite3";
  try {
    soci::session sql("sqlite3", "db=" + path);
    sql << "PRAGMA foreign_keys = ON";
    auto now = std::chrono::system_clock::now();

    soci::transaction transaction(sql);
    // Running twice starts over: the user's blogs go with them (on_delete = cascade).
    sql << "DELETE FROM users WHERE email = 'ada@example.org'";
    accounts::User ada{
        .id = 0, .name = "Ada", .email = "ada@example.org", .created_at = now, .updated_at = now};
    ada.id = insert_user(sql, ada);
    for (std::string title : {"Notes on the Analytical Engine", "On Bernoulli numbers"})
      insert_blog(sql, {.id = 0,
                        .title = title,
                        .body = "...",
                        .active = true,
                        .user_id = ada.id,
                        .created_at = now,
                        .updated_at = now});
    transaction.commit();

    accounts::User user;
    sql << "SELECT * FROM users WHERE id = :id", soci::use(ada.id), soci::into(user);
    std::cout << "user " << user.id << ": " << user.name << " <" << user.email << ">\n";
    soci::rowset<blog::Blog> blogs =
        (sql.prepare << "SELECT * FROM blogs WHERE user_id = :id ORDER BY id", soci::use(ada.id));
    for (const blog::Blog& blog : blogs)
      std::cout << "  blog " << blog.id << ": " << blog.title
                << (blog.active ? " (active)" : " (hidden)") << "\n";
  } catch (const std::exception& error) {
    std::cerr << "error: " << error.what()
              << "\nIf the tables are missing, run `dbmig migrate` in this folder first.\n";
    return 1;
  }
  return 0;
}
