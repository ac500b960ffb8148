#include "dedup/finder.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/parallel.hpp"
#include "dedup/normalize.hpp"
#include "dedup/runs.hpp"
#include "dedup/similarity.hpp"

namespace qbank::dedup {

namespace {

// A copied answer is evidence the questions were meant as one: a pair whose questions score at
// least this much and whose answers are the same text scores halfway between its question score
// and 1. Short answers ("Yes.", "TODO") prove nothing, and an answer shared by many questions
// is boilerplate.
constexpr double k_same_answer_floor = 0.5;
constexpr std::size_t k_same_answer_min_words = 8;
constexpr std::size_t k_same_answer_max_group = 16;

bool acknowledged(const bank::Question& a, const bank::Question& b) {
  auto names = [](const bank::Question& q, const std::string& id) {
    return std::find(q.distinct_from.begin(), q.distinct_from.end(), id) != q.distinct_from.end();
  };
  return names(a, b.id) || names(b, a.id);
}

void add_entries(const bank::Bank& bank, std::size_t side, std::vector<Entry>& out, std::size_t& group,
                 const std::unordered_set<const bank::Question*>* skip) {
  for (const auto& section : bank.sections) {
    ++group;
    for (std::size_t p = 0; p < section.questions.size(); ++p) {
      const auto& q = section.questions[p];
      if (skip && skip->count(&q)) continue;
      out.push_back({&q, &section, group, p, side == 0, side});
    }
  }
}

// --against: a question of the bank under review is old when the reference holds the same id
// with the same question and answer; reference questions the bank no longer holds (by id) join
// as old entries so new content is compared with them too.
std::vector<Entry> make_entries(const bank::Bank& bank, const bank::Bank* reference) {
  std::vector<Entry> entries;
  std::size_t group = 0;
  add_entries(bank, 0, entries, group, nullptr);
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
  add_entries(*reference, 1, all, group, &present);
  all.insert(all.end(), entries.begin(), entries.end());
  return all;
}

// A hash of an answer's letters and digits (ASCII case folded, runs of anything else as one
// space) and its word count, without building the folded text. Every answer of the bank passes
// through here: a table says what each byte is.
std::pair<std::uint64_t, std::size_t> answer_fingerprint(std::string_view answer) {
  static const std::array<unsigned char, 256> k_folded = [] {
    std::array<unsigned char, 256> table{};  // 0: not part of a word
    for (int c = 0; c < 256; ++c) {
      if (c >= 'A' && c <= 'Z') table[c] = static_cast<unsigned char>(c + 32);
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) table[c] = static_cast<unsigned char>(c);
    }
    return table;
  }();
  std::uint64_t h = k_fnv_offset;
  std::size_t words = 0;
  bool in_word = false;
  for (char raw : answer) {
    unsigned char c = k_folded[static_cast<unsigned char>(raw)];
    if (c == 0) {
      if (in_word) h = fnv_step(h, ' ');
      in_word = false;
      continue;
    }
    words += !in_word;
    in_word = true;
    h = fnv_step(h, c);
  }
  return {h, words};
}

template <typename T>
void append_unique(std::vector<std::string>& out, const T& word) {
  if (std::find(out.begin(), out.end(), word) == out.end()) out.emplace_back(word);
}

Difference difference(const detail::Reading& a, const detail::Reading& b) {
  auto has = [](const detail::Reading& r, std::uint64_t h) {
    return std::find(r.subject_hashes.begin(), r.subject_hashes.end(), h) != r.subject_hashes.end() ||
           std::find(r.follow_up_hashes.begin(), r.follow_up_hashes.end(), h) != r.follow_up_hashes.end();
  };
  Difference d;
  for (std::size_t k = 0; k < a.subject.size(); ++k)
    if (!has(b, a.subject_hashes[k])) append_unique(d.only_a, a.subject[k]);
  for (std::size_t k = 0; k < b.subject.size(); ++k)
    if (!has(a, b.subject_hashes[k])) append_unique(d.only_b, b.subject[k]);
  for (std::size_t k = 0; k < a.follow_up.size(); ++k)
    if (!has(b, a.follow_up_hashes[k])) append_unique(d.follow_up_a, a.follow_up[k]);
  for (std::size_t k = 0; k < b.follow_up.size(); ++k)
    if (!has(a, b.follow_up_hashes[k])) append_unique(d.follow_up_b, b.follow_up[k]);
  return d;
}

// Groups the entries not left out by hash, and offers each later entry of a group to its earlier
// ones: same(first, i) says whether i is first's copy (a hash collision is not). Entries no earlier
// one claims are firsts themselves. Sorting (hash, index) pairs is cheaper than a hash map of 100k
// keys filled on one thread, and visits in a fixed order.
template <class Same>
void for_each_first_of_group(const std::vector<std::uint64_t>& hashes, const std::vector<bool>& left_out, Same same) {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> order;
  order.reserve(hashes.size());
  for (std::size_t i = 0; i < hashes.size(); ++i)
    if (!left_out[i]) order.emplace_back(hashes[i], static_cast<std::uint32_t>(i));
  parallel_sort(order);
  std::vector<std::uint32_t> firsts;
  for (std::size_t begin = 0, end = 0; begin < order.size(); begin = end) {
    while (end < order.size() && order[end].first == order[begin].first) ++end;
    if (end - begin == 1) continue;
    firsts.assign(1, order[begin].second);
    for (std::size_t k = begin + 1; k < end; ++k) {
      std::uint32_t i = order[k].second;
      if (std::none_of(firsts.begin(), firsts.end(), [&](std::uint32_t first) { return same(first, i); })) firsts.push_back(i);
    }
  }
}

}  // namespace

Findings find_duplicates(const bank::Bank& bank, const Settings& settings, const bank::Bank* reference) {
  Findings findings;
  findings.entries = make_entries(bank, reference);
  const auto& entries = findings.entries;
  std::size_t n = entries.size();
  std::vector<Pair> pairs;
  std::unordered_set<std::uint64_t> paired;  // a * n + b of every pair so far
  auto reportable = [&](std::size_t a, std::size_t b) {
    return (entries[a].fresh || entries[b].fresh) && !acknowledged(*entries[a].question, *entries[b].question) &&
           !paired.count(static_cast<std::uint64_t>(a) * n + b);
  };
  auto add = [&](Pair p) {
    paired.insert(static_cast<std::uint64_t>(p.a) * n + p.b);
    pairs.push_back(std::move(p));
  };

  // Exact: the same key; each later question pairs with the first one holding the key, and only
  // that first one takes part in the near-duplicate search (a thousand copies would otherwise make
  // a thousand-fold search, and each copy is reported already).
  std::vector<std::string> keys(n);
  std::vector<std::uint64_t> key_hashes(n);
  parallel_chunks(n, [&](std::size_t begin, std::size_t end, unsigned) {
    for (std::size_t i = begin; i < end; ++i) {
      keys[i] = exact_key(entries[i].question->question);
      key_hashes[i] = std::hash<std::string>{}(keys[i]);
    }
  });
  std::vector<bool> skip(n, false);
  for (std::size_t i = 0; i < n; ++i) skip[i] = keys[i].empty();  // blank questions are empty-question's business
  for_each_first_of_group(key_hashes, skip, [&](std::size_t first, std::size_t i) {
    if (keys[first] != keys[i]) return false;  // a hash collision
    skip[i] = true;
    if (reportable(first, i)) add({first, i, true, 1.0, 1.0, -1.0, false, {}});
    return true;
  });
  std::vector<std::string_view> fields{bank.info.title, bank.info.deck};
  if (reference) fields.insert(fields.end(), {reference->info.title, reference->info.deck});
  detail::Profiles profiles(entries, fields, settings.progress);
  const auto& questions = profiles.questions();

  // The same subject words in another frame ("What is X?" / "Explain X."): each later one pairs
  // with the first, as exact copies do.
  {
    std::vector<std::uint64_t> subject_hashes(n);
    parallel_chunks(n, [&](std::size_t begin, std::size_t end, unsigned) {
      for (std::size_t i = begin; i < end; ++i) {
        std::uint64_t h = k_fnv_offset;
        for (std::size_t k = 0; k < questions[i].hashes.size(); ++k)
          h = fnv_step(h, questions[i].hashes[k] + static_cast<std::uint64_t>(questions[i].factors[k] * 1000));
        subject_hashes[i] = h;
      }
    });
    std::vector<bool> left_out = skip;
    for (std::size_t i = 0; i < n; ++i) left_out[i] = left_out[i] || questions[i].hashes.empty();
    for_each_first_of_group(subject_hashes, left_out, [&](std::size_t first, std::size_t i) {
      if (detail::score(questions[first], questions[i]) < 1.0 - 1e-9) return false;
      skip[i] = true;
      if (reportable(first, i)) add({first, i, false, 1.0, 1.0, -1.0, false, {}});
      return true;
    });
  }
  // Near: candidates from the prefix index, scored on two threads.
  std::vector<std::vector<Pair>> found(2);
  detail::for_each_candidate(questions, settings.threshold, skip, [&](std::size_t a, std::size_t b, double q, unsigned worker) {
    found[worker].push_back({a, b, false, q, q, -1.0, false, {}});
  });
  for (auto& part : found)
    for (auto& p : part)
      if (reportable(p.a, p.b)) add(std::move(p));
  // The same subject words but for one: what the prefix index misses where words are common.
  {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> candidates;
    detail::for_each_core_candidate(questions, skip, [&](std::size_t a, std::size_t b) {
      if (a > b) std::swap(a, b);
      candidates.emplace_back(static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b));
    });
    parallel_sort(candidates);
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::vector<std::vector<Pair>> near(2);
    parallel_chunks(candidates.size(), [&](std::size_t begin, std::size_t end, unsigned worker) {
      for (std::size_t k = begin; k < end; ++k) {
        auto [a, b] = candidates[k];
        if (!reportable(a, b)) continue;  // reads `paired` only: nothing is added meanwhile
        double q = detail::score(questions[a], questions[b]);
        if (q + 1e-9 >= settings.threshold) near[worker].push_back({a, b, false, q, q, -1.0, false, {}});
      }
    });
    for (auto& part : near)
      for (auto& p : part) add(std::move(p));
  }
  // Copied answers raise borderline pairs.
  {
    std::vector<std::pair<std::uint64_t, std::size_t>> fingerprints(n);
    parallel_chunks(n, [&](std::size_t begin, std::size_t end, unsigned) {
      for (std::size_t i = begin; i < end; ++i)
        if (!keys[i].empty()) fingerprints[i] = answer_fingerprint(entries[i].question->answer);
    });
    // (fingerprint, entry), sorted: each run of one fingerprint is a group of equal answers.
    std::vector<std::pair<std::uint64_t, std::size_t>> by_answer;
    for (std::size_t i = 0; i < n; ++i)
      if (fingerprints[i].second >= k_same_answer_min_words) by_answer.emplace_back(fingerprints[i].first, i);
    parallel_sort(by_answer);
    for (std::size_t begin = 0, end = 0; begin < by_answer.size(); begin = end) {
      while (end < by_answer.size() && by_answer[end].first == by_answer[begin].first) ++end;
      if (end - begin < 2 || end - begin > k_same_answer_max_group) continue;
      for (std::size_t x = begin; x < end; ++x) {
        for (std::size_t y = x + 1; y < end; ++y) {
          std::size_t a = by_answer[x].second, b = by_answer[y].second;
          if (keys[a] == keys[b] || !reportable(a, b)) continue;
          double q = detail::score(questions[a], questions[b]);
          double raised = 0.5 + 0.5 * q;
          if (q < k_same_answer_floor || raised + 1e-9 < settings.threshold) continue;
          add({a, b, false, raised, q, 1.0, true, {}});
        }
      }
    }
  }

  // What the report shows of each pair: tens of microseconds each (both questions read again, both
  // answers' words compared), so two threads pay off from a hundred pairs; exact pairs (nothing to
  // explain) come first, so the threads take every other pair rather than a half each.
  auto explain = [&](std::size_t k, unsigned) {
    Pair& p = pairs[k];
    if (p.exact) return;
    const auto& qa = *entries[p.a].question;
    const auto& qb = *entries[p.b].question;
    p.difference = difference(profiles.read(qa.question), profiles.read(qb.question));
    if (!p.same_answer) p.answer_score = detail::answer_overlap(opening(qa.answer), opening(qb.answer));
  };
  parallel_interleaved(pairs.size(), explain, 100);
  std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) { return x.b != y.b ? x.b < y.b : x.a < y.a; });
  split_runs(entries, std::move(pairs), settings.min_run, findings.pairs, findings.runs);
  return findings;
}

}  // namespace qbank::dedup
