// Errors carry the exit status the command line reports (docs/cli.md "Exit codes").
#pragma once

#include <stdexcept>
#include <string>

namespace dbmig {

enum class ExitCode : int {
  ok = 0,
  changes_found = 1,  // makemigrations --check found changes; migrate --check found unapplied
  input_error = 2,    // bad usage, models, migration files or configuration
  database_error = 3,
  internal_error = 70,  // a bug in dbmig (BSD sysexits' EX_SOFTWARE), never the user's input
};

// Base of every error dbmig reports to the user. The message is complete on its own: it names
// where the problem is (file:line:col, file and JSON path, or migration/operation/SQL) and what
// to do about it. The command line prefixes "error: ".
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

class InputError : public Error {
 public:
  explicit InputError(const std::string& message) : Error(ExitCode::input_error, message) {}
};

class DatabaseError : public Error {
 public:
  explicit DatabaseError(const std::string& message) : Error(ExitCode::database_error, message) {}
};

// A statement that gave up waiting for a lock (PostgreSQL SQLSTATE 55P03, MySQL/MariaDB error
// 1205): it did not take effect, and running it again later may succeed (docs/databases.md
// "Lock timeout").
class LockTimeoutError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// A state dbmig's own logic should never reach, whatever the input: the command line says it
// is a bug in dbmig and asks for a report. Invalid input is an InputError, never this.
class InternalError : public Error {
 public:
  explicit InternalError(const std::string& message) : Error(ExitCode::internal_error, message) {}
};

}  // namespace dbmig
