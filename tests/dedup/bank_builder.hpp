// Small in-memory banks for the finder's unit tests, optionally on top of the real questions/
// bank so word weights are those of a realistic bank.
#pragma once

#include <string>
#include <vector>

#include "bank/model.hpp"

namespace qbank::test {

struct Q {
  std::string id, question, answer;
  std::vector<std::string> distinct_from = {};
};

// Appends a section file `file` holding `questions` (lines 3, 8, 13, ...).
void add_section(bank::Bank& bank, const std::string& file, const std::vector<Q>& questions);
// The questions/ bank, loaded.
bank::Bank real_bank();

}  // namespace qbank::test
