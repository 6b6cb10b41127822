// The lint's findings as the command line prints them: text for people, JSON for tools (both
// documented in docs/lint.md).
#include <array>

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "dbmig/lint.hpp"

namespace dbmig {

namespace {

std::string dialect_list(const std::vector<Dialect>& dialects) {
  return join(dialects, ", ", [](Dialect dialect) { return std::string(to_string(dialect)); });
}

// The findings not acknowledged, by level (LintLevel order), and those acknowledged.
struct Counts {
  std::array<std::size_t, 3> by_level{};
  std::size_t acknowledged = 0;
};

Counts count(const std::vector<LintFinding>& findings) {
  Counts counts;
  for (const auto& finding : findings) {
    if (finding.acknowledged)
      ++counts.acknowledged;
    else
      ++counts.by_level[static_cast<std::size_t>(finding.level)];
  }
  return counts;
}

// "2 errors, 1 warning, 0 notices (1 acknowledged)".
std::string summary(const std::vector<LintFinding>& findings) {
  Counts counts = count(findings);
  auto amount = [](std::size_t n, const std::string& what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
  };
  return amount(counts.by_level[2], "error") + ", " + amount(counts.by_level[1], "warning") + ", " +
         amount(counts.by_level[0], "notice") + " (" + std::to_string(counts.acknowledged) +
         " acknowledged)";
}

}  // namespace

std::string lint_text(const std::vector<LintFinding>& findings) {
  if (findings.empty()) return "No findings.\n";
  std::string text;
  for (const auto& finding : findings) {
    text += finding.file + ": operations[" + std::to_string(finding.operation_index) + "] (" +
            finding.operation + ")\n";
    text += "  " + std::string(finding.acknowledged ? "acknowledged " : "") +
            std::string(to_string(finding.level)) + " " + std::string(finding.rule->code) + " " +
            std::string(finding.rule->title) + " [" + dialect_list(finding.dialects) + "]\n";
    text += "  " + finding.message + "\n";
    text += "  safe alternative: " + std::string(finding.rule->alternative) + "\n";
  }
  return text + summary(findings) + "\n";
}

std::string lint_json(const std::vector<LintFinding>& findings) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& finding : findings) {
    nlohmann::ordered_json dialects = nlohmann::ordered_json::array();
    for (Dialect dialect : finding.dialects) dialects.push_back(std::string(to_string(dialect)));
    list.push_back({
        {"code", finding.rule->code},
        {"level", to_string(finding.level)},
        {"title", finding.rule->title},
        {"migration", finding.migration.str()},
        {"file", finding.file},
        {"operation", {{"index", finding.operation_index}, {"description", finding.operation}}},
        {"dialects", dialects},
        {"message", finding.message},
        {"alternative", finding.rule->alternative},
        {"acknowledged", finding.acknowledged},
    });
  }
  Counts counts = count(findings);
  nlohmann::ordered_json json{
      {"findings", list},
      {"summary",
       {{"errors", counts.by_level[2]},
        {"warnings", counts.by_level[1]},
        {"notices", counts.by_level[0]},
        {"acknowledged", counts.acknowledged}}},
  };
  return json.dump(2) + "\n";
}

}  // namespace dbmig
