// The duplicate finder on ../shared/dedup-dev/, a labelled development set of two independently
// written banks (its README says how it is built and scored): at default settings, the floors of
// the duplicate finder's targets. The set lives beside the repository, as CI lays it out; without
// it this test says so and checks nothing.
#include <filesystem>
#include <map>
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/process.hpp"

using nlohmann::json;
using qbank::test::run_qbank;
using qbank::test::source_dir;

namespace {

using IdPair = std::set<std::string>;

std::filesystem::path dev_set() { return source_dir().parent_path() / "shared" / "dedup-dev"; }

// Every reported pair, from `pairs` and from each repeated section's `pairs`, as two ids.
std::set<IdPair> reported(const std::vector<std::string>& args) {
  auto r = run_qbank(args);
  INFO(r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  json report = json::parse(r.out);
  std::set<IdPair> out;
  auto add = [&](const json& pairs) {
    for (const auto& p : pairs) out.insert({p["a"]["id"].get<std::string>(), p["b"]["id"].get<std::string>()});
  };
  add(report["pairs"]);
  for (const auto& s : report["sections"]) add(s["pairs"]);
  return out;
}

std::map<IdPair, std::string> labelled(const json& truth, const char* key) {
  std::map<IdPair, std::string> out;
  for (const auto& p : truth[key]) out[{p["a"].get<std::string>(), p["b"].get<std::string>()}] = p["category"].get<std::string>();
  return out;
}

}  // namespace

TEST_CASE("on the development set, the finder meets its recall and false-positive floors") {
  if (!std::filesystem::exists(dev_set() / "truth.json")) {
    WARN("no " << dev_set().string() << ": the development set is not beside this checkout, nothing checked");
    return;
  }
  json truth = json::parse(qbank::test::read_text(dev_set() / "truth.json"));
  auto duplicates = labelled(truth, "duplicates");
  auto lookalikes = labelled(truth, "lookalikes");
  auto within = labelled(truth, "within_b");
  std::string a = (dev_set() / "a").string(), b = (dev_set() / "b").string();

  // A contributor's new material against the main bank.
  std::map<std::string, int> found, total;
  int lookalikes_reported = 0, other = 0;
  for (const auto& [pair, category] : duplicates) ++total[category];
  for (const auto& pair : reported({"dedup", b, "--against", a, "--format", "json", "--no-progress"})) {
    if (auto it = duplicates.find(pair); it != duplicates.end()) ++found[it->second];
    else if (lookalikes.count(pair)) ++lookalikes_reported;
    else if (!within.count(pair)) ++other;  // two new questions that repeat each other are a right answer
  }
  int all_found = 0;
  for (const auto& [category, n] : total) {
    INFO(category << ": " << found[category] << " of " << n);
    CHECK(found[category] >= 0.8 * n);
    all_found += found[category];
  }
  INFO("found " << all_found << " of " << duplicates.size());
  CHECK(all_found >= 0.9 * static_cast<double>(duplicates.size()));
  CHECK(lookalikes_reported <= 3);
  CHECK(other <= 2);

  // Duplicates inside the new material.
  int within_found = 0, within_other = 0;
  for (const auto& pair : reported({"dedup", b, "--format", "json", "--no-progress"})) (within.count(pair) ? within_found : within_other)++;
  CHECK(within_found == 3);
  CHECK(within_other <= 2);
}
