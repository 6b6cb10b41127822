// A `dbmig` run in the background, for tests that act on the database while it runs (kill it,
// write to the tables it changes).
#pragma once

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace dbmig::test {

// Starts the binary without waiting; its stdout goes to `out`.
inline pid_t spawn_dbmig(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                         const std::filesystem::path& out) {
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(cwd.c_str()) != 0) _exit(127);
    int fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    std::vector<char*> argv{const_cast<char*>(DBMIG_BINARY)};
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(DBMIG_BINARY, argv.data());
    _exit(127);
  }
  return pid;
}

// Polls `happened` until it is true, for at most 30 s: false if it never was.
inline bool eventually(const std::function<bool()>& happened) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!happened()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

}  // namespace dbmig::test
