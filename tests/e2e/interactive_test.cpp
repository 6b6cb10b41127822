// The questions `dbmig makemigrations` asks a person at a terminal (a likely rename, a value for
// a new NOT NULL column) and squashmigrations' confirmation, answered through a pseudo-terminal
// against the built binary; that --noinput and --no-input ask nothing even there; and that
// `error:` is coloured only there.
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <csignal>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "demo_project.hpp"
#include "output_checks.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;
using nlohmann::json;

// A cold scan under a loaded machine takes seconds; a question that never comes must still end
// the test.
constexpr auto kPatience = std::chrono::seconds(60);

// dbmig running with a pseudo-terminal as its stdin, stdout and stderr, so it believes a person
// is there. The terminal does not echo what is typed and does not turn "\n" into "\r\n", so the
// transcript is exactly what dbmig wrote.
class TerminalRun {
 public:
  TerminalRun(const Strings& args, const fs::path& cwd, bool no_color = true) {
    pid_ = forkpty(&terminal_, nullptr, nullptr, nullptr);
    if (pid_ == 0) run_child(args, cwd, no_color);
    if (pid_ < 0) ADD_FAILURE() << "forkpty failed";
  }
  ~TerminalRun() {
    if (!reaped_ && pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (terminal_ >= 0) close(terminal_);
  }
  TerminalRun(const TerminalRun&) = delete;
  TerminalRun& operator=(const TerminalRun&) = delete;

  // Waits for `prompt` after the previous one, then types `line` and Enter. False (and a
  // failure) when dbmig ended or went quiet without asking.
  bool answer(const std::string& prompt, const std::string& line) {
    if (!read_until(prompt)) {
      ADD_FAILURE() << "dbmig did not ask \"" << prompt << "\"; it wrote:\n" << transcript_;
      return false;
    }
    write_all(line + "\n");
    return true;
  }

  // Ctrl-D at the start of a line: the end of input.
  bool end_input(const std::string& prompt) {
    if (!read_until(prompt)) {
      ADD_FAILURE() << "dbmig did not ask \"" << prompt << "\"; it wrote:\n" << transcript_;
      return false;
    }
    write_all("\x04");
    return true;
  }

  // Reads what is left and returns the exit code.
  int finish() {
    read_until("");
    if (!closed_) {
      kill(pid_, SIGKILL);  // it went quiet without ending: waiting for input it should not need
      ADD_FAILURE() << "dbmig did not end; it wrote:\n" << transcript_;
    }
    int status = 0;
    waitpid(pid_, &status, 0);
    reaped_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  const std::string& transcript() const { return transcript_; }

 private:
  [[noreturn]] static void run_child(const Strings& args, const fs::path& cwd, bool no_color) {
    termios settings{};
    tcgetattr(STDIN_FILENO, &settings);
    settings.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    settings.c_oflag &= ~static_cast<tcflag_t>(ONLCR);
    tcsetattr(STDIN_FILENO, TCSANOW, &settings);
    if (chdir(cwd.c_str()) != 0) _exit(127);
    no_color ? setenv("NO_COLOR", "1", 1) : unsetenv("NO_COLOR");
    std::vector<char*> argv{const_cast<char*>(DBMIG_BINARY)};
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(DBMIG_BINARY, argv.data());
    _exit(127);
  }

  void write_all(const std::string& text) {
    for (std::size_t done = 0; done < text.size();) {
      ssize_t wrote = write(terminal_, text.data() + done, text.size() - done);
      if (wrote <= 0) return;
      done += static_cast<std::size_t>(wrote);
    }
  }

  // Reads until `text` appears after what earlier prompts consumed (an empty `text`: until
  // dbmig closes the terminal). False at the end of output or after kPatience.
  bool read_until(const std::string& text) {
    if (closed_) return false;
    auto deadline = std::chrono::steady_clock::now() + kPatience;
    for (;;) {
      if (!text.empty()) {
        if (auto at = transcript_.find(text, consumed_); at != std::string::npos) {
          consumed_ = at + text.size();
          return true;
        }
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      pollfd ready{terminal_, POLLIN, 0};
      if (poll(&ready, 1, static_cast<int>(left.count())) <= 0) continue;
      char buffer[4096];
      ssize_t got = read(terminal_, buffer, sizeof buffer);
      if (got <= 0) {  // EIO: every descriptor of the terminal's other side is closed
        closed_ = true;
        return false;
      }
      transcript_.append(buffer, static_cast<std::size_t>(got));
    }
  }

  pid_t pid_ = -1;
  int terminal_ = -1;
  bool closed_ = false;  // dbmig closed the terminal (it ended)
  bool reaped_ = false;
  std::string transcript_;
  std::size_t consumed_ = 0;
};

// The demo project with one edit to the blog model.
struct EditedProject {
  TempDir dir;
  EditedProject(const std::string& from, const std::string& to) {
    copy_demo_project(dir.path());
    fs::path header = dir.path() / "apps/blog/models.hpp";
    std::string text = read_file(header);
    text.replace(text.find(from), from.size(), to);
    write_file(header, text);
  }
  // The migration makemigrations wrote for blog (null when none), removed so that the next
  // run starts from the same history.
  json take_written_migration() const {
    json written;
    for (const auto& entry : fs::directory_iterator(dir.path() / "migrations/blog")) {
      if (entry.path().filename() == "0001_initial.json") continue;
      written = json::parse(read_file(entry.path()));
      fs::remove(entry.path());
    }
    return written;
  }
};

// The "op" of each operation of `migration`, sorted.
Strings operations_of(const json& migration) {
  Strings ops;
  if (migration.is_null()) return ops;
  for (const auto& operation : migration["operations"]) ops.push_back(operation["op"]);
  std::sort(ops.begin(), ops.end());
  return ops;
}

const char* kRenameQuestion = "Was blog.Blog.body renamed to blog.Blog.text (TEXT)? [y/N] ";
const char* kMenuPrompt = "Select an option: ";
const char* kValuePrompt = ">>> ";

}  // namespace

TEST(Interactive, RenameAnsweredYesWritesARenameAndNoARemoveAndAnAdd) {
  EditedProject project("std::string body;", "std::string text;");
  {
    TerminalRun run({"makemigrations"}, project.dir.path());
    run.answer(kRenameQuestion, "y");
    EXPECT_EQ(run.finish(), 0) << run.transcript();
    json written = project.take_written_migration();
    EXPECT_EQ(operations_of(written), Strings{"RenameField"}) << run.transcript();
    EXPECT_EQ(written["operations"][0]["old_name"], "body") << written.dump(2);
  }
  // "No": body goes, text comes, and text (NOT NULL, no default) needs a value for the
  // existing rows.
  TerminalRun run({"makemigrations"}, project.dir.path());
  run.answer(kRenameQuestion, "n");
  run.answer(kMenuPrompt, "1");
  run.answer(kValuePrompt, "'No text yet'");
  EXPECT_EQ(run.finish(), 0) << run.transcript();
  EXPECT_TRUE(contains(run.transcript(),
                       "It is impossible to add the NOT NULL field 'text' to "
                       "blog.Blog without a default"))
      << run.transcript();
  json written = project.take_written_migration();
  EXPECT_EQ(operations_of(written), (Strings{"AddField", "RemoveField"})) << run.transcript();
  for (const auto& operation : written["operations"]) {
    if (operation["op"] == "AddField") {
      EXPECT_EQ(operation["fill_value"], "No text yet") << operation.dump(2);
    }
  }
}

// A wrong menu choice and a value of the wrong type are asked again; the value given is what
// fills the existing rows.
TEST(Interactive, FillValueForANewNotNullFieldIsAskedUntilValid) {
  EditedProject project("  bool active", "  int views;\n  bool active");
  TerminalRun run({"makemigrations"}, project.dir.path());
  run.answer(kMenuPrompt, "3");
  run.answer("Please answer with the number of an option.\n" + std::string(kMenuPrompt), "1");
  run.answer(kValuePrompt, "many");
  run.answer("That is not a valid INTEGER value. Try again.\n" + std::string(kValuePrompt), "42");
  EXPECT_EQ(run.finish(), 0) << run.transcript();
  json written = project.take_written_migration();
  EXPECT_EQ(operations_of(written), Strings{"AddField"}) << run.transcript();
  EXPECT_EQ(written["operations"][0]["fill_value"], 42) << written.dump(2);
}

// Choosing to quit, or ending the input, writes nothing and says what to add to the model.
TEST(Interactive, QuittingTheFillValueQuestionWritesNothing) {
  EditedProject project("  bool active", "  int views;\n  bool active");
  for (bool quit_by_menu : {true, false}) {
    TerminalRun run({"makemigrations"}, project.dir.path());
    quit_by_menu ? run.answer(kMenuPrompt, "2") : run.end_input(kMenuPrompt);
    EXPECT_EQ(run.finish(), 2) << run.transcript();
    EXPECT_TRUE(contains(run.transcript(), "error: apps/blog/models.hpp:") &&
                contains(run.transcript(),
                         ": the new field blog.Blog.views is NOT NULL and has no "
                         "default"))
        << run.transcript();
    EXPECT_TRUE(project.take_written_migration().is_null());
  }
}

// Even on a terminal, both spellings of --noinput ask nothing: the error says what to add.
TEST(Interactive, NoinputAndNoDashInputAskNothingOnATerminal) {
  EditedProject project("  bool active", "  int views;\n  bool active");
  for (const char* flag : {"--noinput", "--no-input"}) {
    TerminalRun run({"makemigrations", flag}, project.dir.path());
    EXPECT_EQ(run.finish(), 2) << flag << ": " << run.transcript();
    EXPECT_FALSE(contains(run.transcript(), kMenuPrompt)) << run.transcript();
    EXPECT_TRUE(contains(run.transcript(),
                         "Add a default to the model:\n"
                         "    DBMIG_FIELD(default = 0) int views;\n"))
        << run.transcript();
    EXPECT_TRUE(project.take_written_migration().is_null());
  }
}

// squashmigrations asks before writing on a terminal: "n" (or the end of input) writes nothing,
// "y" writes the squash; --noinput asks nothing there.
TEST(Interactive, SquashAsksBeforeWritingUnlessNoinput) {
  TempDir project;
  copy_demo_project(project.path());
  const fs::path squash = project.path() / "migrations/blog/0001_squashed_0001_initial.json";
  const char* question = "Do you wish to proceed? [y/N] ";
  {
    TerminalRun run({"squashmigrations", "blog", "0001"}, project.path());
    run.answer(question, "n");
    EXPECT_EQ(run.finish(), 0) << run.transcript();
    EXPECT_TRUE(contains(run.transcript(), "Aborting: nothing was written.")) << run.transcript();
    EXPECT_FALSE(fs::exists(squash));
  }
  {
    TerminalRun run({"squashmigrations", "blog", "0001"}, project.path());
    run.answer(question, "y");
    EXPECT_EQ(run.finish(), 0) << run.transcript();
    EXPECT_TRUE(fs::exists(squash)) << run.transcript();
  }
  fs::remove(squash);
  TerminalRun run({"squashmigrations", "blog", "0001", "--noinput"}, project.path());
  EXPECT_EQ(run.finish(), 0) << run.transcript();
  EXPECT_FALSE(contains(run.transcript(), question)) << run.transcript();
  EXPECT_TRUE(fs::exists(squash)) << run.transcript();
}

// cli.md: `error:` is coloured only when stderr is a terminal and NO_COLOR is not set.
TEST(Interactive, ErrorIsColouredOnATerminalUnlessNoColor) {
  TempDir project;
  for (bool no_color : {false, true}) {
    TerminalRun run({"migrate", "--no-such-flag"}, project.path(), no_color);
    EXPECT_EQ(run.finish(), 2) << run.transcript();
    std::string expected = no_color ? "error: The following argument was not expected"
                                    : "\033[1;31merror:\033[0m The following argument";
    EXPECT_EQ(run.transcript().rfind(expected, 0), 0u) << run.transcript();
  }
}

}  // namespace dbmig::test
