#pragma once

#include <filesystem>
#include <string>

namespace dbmig::test {

// Copies the demo project at the repository root (apps/ and migrations/) into `to`, so a test
// can run dbmig on it without touching the repository.
void copy_demo_project(const std::filesystem::path& to);

// Writes migrations/blog/<name>.json in the demo project at `project`: a hand-written migration
// after blog.0001_initial holding `operations` (JSON objects separated by commas).
void write_blog_migration(const std::filesystem::path& project, const std::string& name,
                          const std::string& operations, bool atomic = true);

}  // namespace dbmig::test
