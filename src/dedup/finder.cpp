#include "dedup/finder.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/text.hpp"
#include "dedup/normalize.hpp"
#include "dedup/runs.hpp"
#include "dedup/similarity.hpp"

namespace qbank::dedup {

namespace {

// How much of the combined score the question line carries when both answers are there. The
// answers are evidence both ways: a reworded question with the same answer scores high; a
// look-alike question ("L1" / "L2 regularization") with its own answer scores low.
constexpr double k_question_share = 0.65;

bool acknowledged(const bank::Question& a, const bank::Question& b) {
  auto names = [](const bank::Question& q, const std::string& id) {
    return std::find(q.distinct_from.begin(), q.distinct_from.end(), id) != q.distinct_from.end();
  };
  return names(a, b.id) || names(b, a.id);
}

void add_entries(const bank::Bank& bank, bool fresh, std::vector<Entry>& out, std::size_t& group,
                 const std::unordered_set<const bank::Question*>* skip) {
  for (const auto& section : bank.sections) {
    ++group;
    for (std::size_t p = 0; p < section.questions.size(); ++p) {
      const auto& q = section.questions[p];
      if (skip && skip->count(&q)) continue;
      out.push_back({&q, &section, group, p, fresh});
    }
  }
}

// --against: a question of the bank under review is old when the reference holds the same id
// with the same question and answer; reference questions the bank no longer holds (by id) join
// as old entries so new content is compared with them too.
std::vector<Entry> make_entries(const bank::Bank& bank, const bank::Bank* reference) {
  std::vector<Entry> entries;
  std::size_t group = 0;
  add_entries(bank, true, entries, group, nullptr);
  if (!reference) return entries;
  std::unordered_map<std::string, const bank::Question*> by_id;
  for (const auto& section : reference->sections)
    for (const auto& q : section.questions) by_id.emplace(q.id, &q);
  std::unordered_set<const bank::Question*> present;
  for (auto& entry : entries) {
    auto it = by_id.find(entry.question->id);
    if (it == by_id.end()) continue;
    present.insert(it->second);
    entry.fresh = exact_key(it->second->question) != exact_key(entry.question->question) ||
                  exact_key(it->second->answer) != exact_key(entry.question->answer);
  }
  // Reference questions come first, so in a pair with one the reference question is `a`.
  std::vector<Entry> all;
  add_entries(*reference, false, all, group, &present);
  all.insert(all.end(), entries.begin(), entries.end());
  return all;
}

}  // namespace

Findings find_duplicates(const bank::Bank& bank, const Settings& settings, const bank::Bank* reference) {
  Findings findings;
  findings.entries = make_entries(bank, reference);
  const auto& entries = findings.entries;
  std::vector<Pair> pairs;

  // Exact: the same key; each later question pairs with the first one holding the key.
  std::vector<std::string> keys(entries.size());
  detail::parallel_chunks(entries.size(), [&](std::size_t begin, std::size_t end, unsigned) {
    for (std::size_t i = begin; i < end; ++i) keys[i] = exact_key(entries[i].question->question);
  });
  std::unordered_map<std::string_view, std::size_t> first;
  first.reserve(entries.size());
  // An exact copy with the same answer as well adds nothing to the near-duplicate search (it is
  // reported already), and a thousand of them would make a thousand-fold search: left out.
  std::vector<bool> skip(entries.size(), false);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    skip[i] = keys[i].empty();  // blank questions are empty-question's business
    if (keys[i].empty()) continue;
    auto [it, inserted] = first.emplace(keys[i], i);
    if (inserted) continue;
    skip[i] = exact_key(entries[i].question->answer) == exact_key(entries[it->second].question->answer);
    const Entry& a = entries[it->second];
    if ((a.fresh || entries[i].fresh) && !acknowledged(*a.question, *entries[i].question))
      pairs.push_back({it->second, i, true, 1.0, 1.0, -1.0});
  }

  // Near: candidates from the prefix index, then the exact score of each candidate only.
  detail::Profiles profiles(entries, keys);
  double min_question = std::max(0.0, (settings.threshold - (1 - k_question_share)) / k_question_share);
  detail::for_each_candidate(profiles.questions(), min_question, skip, [&](std::size_t a, std::size_t b) {
    const Entry& x = entries[a];
    const Entry& y = entries[b];
    if (!x.fresh && !y.fresh) return;
    if (keys[a].empty() || keys[b].empty() || keys[a] == keys[b]) return;
    double q = detail::overlap(profiles.questions()[a], profiles.questions()[b]);
    if (q < min_question) return;
    const auto& answer_a = profiles.answer(a);
    const auto& answer_b = profiles.answer(b);
    bool answers = !answer_a.hashes.empty() && !answer_b.hashes.empty();
    double ans = answers ? detail::overlap(answer_a, answer_b) : -1.0;
    double score = answers ? k_question_share * q + (1 - k_question_share) * ans : q;
    if (score + 1e-9 < settings.threshold) return;
    if (acknowledged(*x.question, *y.question)) return;
    pairs.push_back({a, b, false, score, q, ans});
  });

  split_runs(entries, std::move(pairs), settings.min_run, findings.pairs, findings.runs);
  return findings;
}

}  // namespace qbank::dedup
