// How the model builder reports a problem: at a place in a header, about a model or field.
#pragma once

#include <string>
#include <vector>

#include "dbmig/source_location.hpp"

namespace dbmig::scanner {

// Collects "file:line:col: error: <subject>: <message>".
class Reporter {
 public:
  Reporter(std::vector<std::string>& problems, SourceLocation where, std::string subject)
      : problems_(problems), where_(std::move(where)), subject_(std::move(subject)) {}

  void error(const std::string& message) const { at(where_, message); }
  void at(const SourceLocation& where, const std::string& message) const {
    problems_.push_back(where.str() + ": error: " + subject_ + ": " + message);
  }
  const std::string& subject() const { return subject_; }

 private:
  std::vector<std::string>& problems_;
  SourceLocation where_;
  std::string subject_;
};

}  // namespace dbmig::scanner
