#pragma once

#include <filesystem>

namespace dbmig::test {

// Copies the demo project at the repository root (apps/ and migrations/) into `to`, so a test
// can run dbmig on it without touching the repository.
void copy_demo_project(const std::filesystem::path& to);

}  // namespace dbmig::test
