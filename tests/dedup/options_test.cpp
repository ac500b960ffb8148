// The dedup rules' options from qbank.yaml: validated, with a did-you-mean for typos.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "dedup/options.hpp"

using namespace qbank;
using nlohmann::json;

TEST_CASE("settings come from the two rules' options, defaults otherwise") {
  dedup::Settings defaults = dedup::settings_from(nullptr, nullptr);
  CHECK(defaults.threshold == 0.7);
  CHECK(defaults.min_run == 3);
  dedup::Settings set = dedup::settings_from(json{{"threshold", 0.9}}, json{{"min-run", 5}});
  CHECK(set.threshold == 0.9);
  CHECK(set.min_run == 5);
}

TEST_CASE("bad options are tool errors that say what is wrong") {
  auto message = [](const json& near, const json& run) {
    try {
      dedup::settings_from(near, run);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message(json{{"treshold", 0.9}}, nullptr) ==
        "rules.near-duplicate-question: unknown option 'treshold' (did you mean 'threshold'?)");
  CHECK(message(json{{"threshold", 1.5}}, nullptr) == "rules.near-duplicate-question: threshold must be a number from 0 to 1, not 1.5");
  CHECK(message(json{{"threshold", "high"}}, nullptr) == "rules.near-duplicate-question: threshold must be a number from 0 to 1");
  CHECK(message(nullptr, json{{"min-run", 1}}) == "rules.repeated-section: min-run must be a whole number of at least 2");
  CHECK(message(nullptr, json{{"min-run", 2.5}}) == "rules.repeated-section: min-run must be a whole number of at least 2");
  CHECK(message(nullptr, json{{"minrun", 3}}) == "rules.repeated-section: unknown option 'minrun' (did you mean 'min-run'?)");
  CHECK_THROWS_AS(dedup::validate_options("duplicate-resource", json{{"threshold", 0.5}}), Error);
  CHECK_THROWS_AS(dedup::checked_threshold(-0.1, "--threshold"), Error);
}
