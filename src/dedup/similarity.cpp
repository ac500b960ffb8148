#include "dedup/similarity.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <numeric>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "core/parallel.hpp"
#include "dedup/normalize.hpp"
#include "dedup/stemmer.hpp"

namespace qbank::dedup::detail {

namespace {

constexpr float k_generic = 0.3f;
constexpr float k_follow_up = 0.1f;
constexpr float k_follow_up_vocabulary = 0.05f;
constexpr double k_min_weight = 1.0;
// What an unmatched phrase costs, times its words' weights (see score()).
constexpr double k_detached_phrase_cost = 2.0;
// What a term of one question costs the score when the other question lacks it.
double unmatched_cost(float idf, float factor) { return idf * factor; }

using Counts = std::unordered_map<std::uint64_t, std::uint32_t>;
struct WeightedTerm {
  std::uint64_t hash;
  float factor;
  std::uint8_t phrase;
};
using Weighted = std::vector<WeightedTerm>;

// Whether a term of a clause opens a phrase: one word, a linker ("of", "in", "with": words.hpp).
bool opens_phrase(ClauseView clause, const Term& term) {
  return term.count == 1 && !clause[term.first]->acronym && clause[term.first]->linker;
}

std::string surface(ClauseView clause, const Term& term) {
  std::string out;
  for (std::size_t k = term.first; k < term.first + term.count && k < clause.size(); ++k) out += (out.empty() ? "" : " ") + clause[k]->text;
  return out;
}

// What reading a question asks of each term's stem, worked out once per stem and thread: a bank
// repeats a few thousand stems in every question.
struct StemRoles {
  std::uint64_t hash = 0;
  bool frame = false, follow_up = false, generic = false;
};

// A term that is one word's own has its roles on the word; a compound's or a phrase's are
// worked out here.
StemRoles stem_roles(const Term& term) {
  if (term.word) return {term.hash, term.word->frame_stem, term.word->follow_up_stem, term.word->generic_stem};
  std::string stem(term.stem);
  return {term.hash, is_frame_stem(stem), is_follow_up_stem(stem), is_generic_stem(stem)};
}

// Whether term k of a clause is a frame word in context: "how does X work", "what does it mean
// (for, in)", and the frame list.
bool is_frame(ClauseView clause, const std::vector<Term>& terms, const std::vector<StemRoles>& roles, std::size_t k,
              bool asks_how) {
  const Term& t = terms[k];
  if (t.count != 1 || clause[t.first]->acronym) return false;
  if (clause[t.first]->stop || roles[k].frame) return true;
  if (t.stem == "work" && asks_how) return true;
  if (t.stem == "mean") {
    bool last = k + 1 == terms.size();
    bool before_for = !last && (terms[k + 1].stem == "for" || terms[k + 1].stem == "in");
    bool after_pronoun = k > 0 && (terms[k - 1].stem == "it" || terms[k - 1].stem == "this" || terms[k - 1].stem == "that");
    return last || before_for || after_pronoun;
  }
  return false;
}

// The weighted terms of a question (unsorted, may repeat), and optionally its reading.
void read_question(const Lexicon& lexicon, const Domain& domain, const std::vector<ClauseView>& clauses, Weighted& out,
                   Reading* reading) {
  out.clear();
  // Scratch, kept per thread: a question is read for every entry of the bank.
  thread_local std::vector<Term> terms;
  thread_local std::vector<StemRoles> roles;
  thread_local std::vector<std::uint64_t> first_clause;  // hashes of the first clause's terms
  thread_local std::vector<bool> frame;
  first_clause.clear();
  std::uint8_t phrase = 0;
  for (std::size_t c = 0; c < clauses.size(); ++c) {
    ClauseView clause = clauses[c];
    lexicon.terms(clause, terms);
    roles.resize(terms.size());
    for (std::size_t k = 0; k < terms.size(); ++k) roles[k] = stem_roles(terms[k]);
    bool asks_how = false, pronoun = false;
    for (const Word* w : clause) {
      asks_how |= w->text == "how";
      pronoun |= w->pronoun;
    }
    frame.assign(terms.size(), false);
    for (std::size_t k = 0; k < terms.size(); ++k) frame[k] = is_frame(clause, terms, roles, k, asks_how);
    bool follow_up = false;
    if (c == 0) {
      for (std::size_t k = 0; k < terms.size(); ++k)
        if (!frame[k]) first_clause.push_back(roles[k].hash);
    } else {
      // A later question about the same subject: by a pronoun ("Why is it needed?") or by adding
      // nothing but follow-up words to the first clause's ("Why is X important?").
      follow_up = pronoun;
      if (!follow_up) {
        follow_up = true;
        for (std::size_t k = 0; k < terms.size() && follow_up; ++k)
          follow_up = frame[k] || std::find(first_clause.begin(), first_clause.end(), roles[k].hash) != first_clause.end() ||
                      roles[k].follow_up ||
                      (terms[k].count == 1 && clause[terms[k].first]->interrogative);
      }
    }
    // "... in machine learning" in a bank titled "Machine Learning Interview Questions": a phrase
    // opened by "in" that names nothing but the bank's own field places the question, it asks
    // nothing, and is read as frame.
    if (!domain.empty()) {
      for (std::size_t k = 0; k < terms.size(); ++k) {
        const Term& t = terms[k];
        if (!opens_phrase(clause, t) || clause[t.first]->text != "in") continue;
        std::size_t end = k + 1;
        bool named = false, only_domain = true;
        for (; end < terms.size(); ++end) {
          const Term& u = terms[end];
          if (opens_phrase(clause, u)) break;
          if (frame[end]) continue;
          named = true;
          only_domain = only_domain && domain.count(u.stem) > 0;
        }
        if (named && only_domain)
          for (std::size_t j = k + 1; j < end; ++j) frame[j] = true;
        k = end - 1;
      }
    }
    if (c > 0 && phrase < k_max_phrase) ++phrase;
    for (std::size_t k = 0; k < terms.size(); ++k) {
      const Term& t = terms[k];
      if (opens_phrase(clause, t) && phrase < k_max_phrase) ++phrase;
      if (frame[k]) continue;
      float factor = 1.0f;
      if (follow_up) factor = roles[k].follow_up ? k_follow_up_vocabulary : k_follow_up;
      else if (roles[k].generic) factor = k_generic;
      std::uint64_t h = roles[k].hash;
      out.push_back({h, factor, phrase});
      // Interrogatives weigh little and explain nothing: left out of the reading.
      if (reading && !(t.count == 1 && clause[t.first]->interrogative)) {
        bool subject = !follow_up;
        (subject ? reading->subject : reading->follow_up).push_back(surface(clause, t));
        (subject ? reading->subject_hashes : reading->follow_up_hashes).push_back(h);
      }
    }
  }
}

// Sorted unique terms, each at its largest factor.
Profile to_profile(Weighted& terms) {
  std::sort(terms.begin(), terms.end(),
            [](const auto& x, const auto& y) { return x.hash != y.hash ? x.hash < y.hash : x.factor > y.factor; });
  // One allocation per array: every question of the bank is made into a profile.
  std::size_t unique = 0;
  for (std::size_t k = 0; k < terms.size(); ++k) unique += k == 0 || terms[k].hash != terms[k - 1].hash;
  Profile p;
  p.hashes.reserve(unique);
  p.factors.reserve(unique);
  p.phrases.reserve(unique);
  for (const auto& t : terms) {
    if (!p.hashes.empty() && p.hashes.back() == t.hash) continue;
    p.hashes.push_back(t.hash);
    p.factors.push_back(t.factor);
    p.phrases.push_back(t.phrase);
  }
  return p;
}

void answer_hashes(const Lexicon& lexicon, const std::vector<ClauseView>& answer, std::vector<std::uint64_t>& out) {
  out.clear();
  std::vector<Term> terms;
  for (ClauseView clause : answer) {
    lexicon.terms(clause, terms);
    for (const auto& t : terms)
      if (t.count != 1 || !clause[t.first]->stop) out.push_back(t.hash);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

// The hash of a word's stem, nothing for a stop word: answers repeat their words, so each is
// worked out once per thread.
std::optional<std::uint64_t> answer_word_hash(std::string_view word) {
  thread_local std::unordered_map<std::string, std::optional<std::uint64_t>, TransparentHash, std::equal_to<>> cache;
  if (auto it = cache.find(word); it != cache.end()) return it->second;
  if (cache.size() > 65536) cache.clear();  // random text: stay bounded (a bank uses far fewer words)
  std::optional<std::uint64_t> hash;
  if (!is_stop_word(word)) hash = hash_word(stem(word));
  cache.emplace(std::string(word), hash);
  return hash;
}

std::vector<std::uint64_t> interrogative_hashes() {
  std::vector<std::uint64_t> out;
  for (auto w : {"how", "when", "where", "which", "why"}) out.push_back(hash_word(stem(w)));
  return out;
}

}  // namespace

Profiles::Profiles(const std::vector<Entry>& entries, const std::vector<std::string_view>& fields,
                   const std::function<void(std::size_t, std::size_t)>& progress) {
  std::size_t n = entries.size();
  std::atomic<std::size_t> done{0};
  std::function<void(std::size_t)> advanced;
  if (progress) advanced = [&](std::size_t k) { progress((done += k) / 2, n); };  // two passes
  std::size_t stride = std::max<std::size_t>(1, n / k_answer_sample);
  std::vector<Lexicon::Text> texts(n);
  for (std::size_t i = 0; i < n; ++i)
    texts[i] = {opening(entries[i].question->question, k_question_read_bytes), entries[i].question->answer, i % stride == 0};
  Lexicon::Read read;
  m_lexicon.learn(texts, &read, advanced);
  // The bank's field: the terms of its title and deck name as the lexicon reads them (compounds
  // and acronyms it learned included), and each word's own stem.
  std::vector<Term> field_terms;
  for (auto name : fields) {
    for (const auto& clause : read_clauses(name)) {
      m_lexicon.terms(clause, field_terms);
      for (const auto& t : field_terms) m_domain.emplace(t.stem);
      for (const auto& w : clause)
        if (!w.stop) m_domain.insert(term_of(w));
    }
  }

  m_questions.resize(n);
  std::vector<Counts> question_df(2), answer_df(2);
  std::vector<std::size_t> sampled(2, 0);
  parallel_chunks(n, [&](std::size_t begin, std::size_t end, unsigned worker) {
    Weighted terms;
    std::vector<std::uint64_t> answer;
    std::vector<ClauseView> clauses;
    ProgressSteps steps(advanced);
    for (std::size_t i = begin; i < end; ++i) {
      steps.count();
      split_clauses(read.question(i), clauses);
      read_question(m_lexicon, m_domain, clauses, terms, nullptr);
      m_questions[i] = to_profile(terms);
      for (auto h : m_questions[i].hashes) ++question_df[worker][h];
      if (i % stride != 0) continue;
      // A document is the question with its answer: count the answer's terms the question lacks.
      split_clauses(read.answer(i), clauses);
      answer_hashes(m_lexicon, clauses, answer);
      ++sampled[worker];
      for (auto h : answer)
        if (!std::binary_search(m_questions[i].hashes.begin(), m_questions[i].hashes.end(), h)) ++answer_df[worker][h];
    }
    steps.finish();
  });
  for (auto& [h, c] : question_df[1]) question_df[0][h] += c;
  for (auto& [h, c] : answer_df[1]) answer_df[0][h] += c;
  double scale = sampled[0] + sampled[1] == 0 ? 0.0 : static_cast<double>(n) / static_cast<double>(sampled[0] + sampled[1]);
  static const std::vector<std::uint64_t> k_interrogatives = interrogative_hashes();
  parallel_chunks(n, [&](std::size_t begin, std::size_t end, unsigned) {
    for (std::size_t i = begin; i < end; ++i) {
      Profile& p = m_questions[i];
      p.idf.resize(p.hashes.size());
      p.effective = p.full = 0;
      for (std::size_t k = 0; k < p.hashes.size(); ++k) {
        double df = question_df[0].at(p.hashes[k]);
        if (auto it = answer_df[0].find(p.hashes[k]); it != answer_df[0].end()) df += it->second * scale;
        double idf = std::log(1.0 + static_cast<double>(n) / std::max(1.0, df));
        bool interrogative = std::find(k_interrogatives.begin(), k_interrogatives.end(), p.hashes[k]) != k_interrogatives.end();
        idf = interrogative ? std::min(idf, std::log(2.0)) : std::max(idf, k_min_weight);
        p.idf[k] = static_cast<float>(idf);
        p.full += p.idf[k];
        p.effective += p.idf[k] * p.factors[k];
      }
    }
  });
}

Reading Profiles::read(std::string_view question) const {
  std::vector<const Word*> words;
  read_words(opening(question, k_question_read_bytes), words);
  std::vector<ClauseView> clauses;
  split_clauses(words, clauses);
  Reading reading;
  Weighted terms;
  read_question(m_lexicon, m_domain, clauses, terms, &reading);
  return reading;
}

double score(const Profile& a, const Profile& b) {
  if (a.hashes.empty() || b.hashes.empty()) return 0;
  // Unmatched cost per phrase, and which phrases share a term with the other question.
  // Words of lesser roles (generic nouns, follow-ups) go to the last slot, which never costs more.
  std::array<double, k_max_phrase + 2> cost_a{}, cost_b{};
  constexpr std::size_t k_lesser = k_max_phrase + 1;
  std::uint32_t met_a = 1u << k_lesser, met_b = 1u << k_lesser;
  double shared = 0;
  std::size_t i = 0, j = 0;
  while (i < a.hashes.size() || j < b.hashes.size()) {
    if (j == b.hashes.size() || (i < a.hashes.size() && a.hashes[i] < b.hashes[j])) {
      cost_a[a.factors[i] < 1 ? k_lesser : a.phrases[i]] += unmatched_cost(a.idf[i], a.factors[i]);
      ++i;
    } else if (i == a.hashes.size() || b.hashes[j] < a.hashes[i]) {
      cost_b[b.factors[j] < 1 ? k_lesser : b.phrases[j]] += unmatched_cost(b.idf[j], b.factors[j]);
      ++j;
    } else {
      shared += a.idf[i] * std::max(a.factors[i], b.factors[j]);
      met_a |= 1u << a.phrases[i];
      met_b |= 1u << b.phrases[j];
      ++i;
      ++j;
    }
  }
  // A phrase with nothing in common with the other question is a new subject ("... in recommender
  // systems", "X and DBSCAN"), which costs twice; a word added inside a shared phrase ("TF-IDF
  // weighting") is a modifier and costs once.
  auto unmatched_of = [](const std::array<double, k_max_phrase + 2>& cost, std::uint32_t met) {
    double sum = 0;
    for (std::size_t p = 0; p < cost.size(); ++p) sum += cost[p] * ((met >> p) & 1u ? 1.0 : k_detached_phrase_cost);
    return sum;
  };
  double only_a = unmatched_of(cost_a, met_a), only_b = unmatched_of(cost_b, met_b);
  // A word replaced by another ("data leakage" / "target leakage", "L1" / "L2") costs more than a
  // word added ("TF-IDF" / "TF-IDF weighting"): siblings differ by replacement, so the smaller of
  // the two unmatched sides counts twice.
  double unmatched = only_a + only_b + std::min(only_a, only_b);
  return shared + unmatched > 0 ? shared / (shared + unmatched) : 0;
}

void for_each_candidate(const std::vector<Profile>& questions, double min_score, const std::vector<bool>& skip,
                        const std::function<void(std::size_t, std::size_t, double, unsigned)>& visit) {
  const double m = std::max(min_score, 1e-6);
  std::size_t n = questions.size();
  // The prefix of each question: its terms in the global order (heaviest first) until the rest,
  // even shared at full weight, could no longer reach m against the prefix left unmatched.
  std::vector<std::vector<std::uint64_t>> prefixes(n);
  parallel_chunks(n, [&](std::size_t begin, std::size_t end, unsigned) {
    std::vector<std::size_t> order;
    for (std::size_t i = begin; i < end; ++i) {
      if (skip[i]) continue;
      const Profile& p = questions[i];
      order.resize(p.hashes.size());
      std::iota(order.begin(), order.end(), 0);
      std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return p.idf[x] != p.idf[y] ? p.idf[x] > p.idf[y] : p.hashes[x] < p.hashes[y];
      });
      double rest = p.full, unmatched = 0;
      prefixes[i].reserve(order.size());
      for (std::size_t k : order) {
        if (rest < m * (rest + unmatched) - 1e-9) break;
        prefixes[i].push_back(p.hashes[k]);
        rest -= p.idf[k];
        unmatched += unmatched_cost(p.idf[k], p.factors[k]);
      }
    }
  });
  struct Posting {
    std::uint64_t hash;
    float effective;
    std::uint32_t question;
    bool operator<(const Posting& o) const {
      return hash != o.hash ? hash < o.hash : effective != o.effective ? effective < o.effective : question < o.question;
    }
  };
  std::vector<Posting> postings;
  for (std::size_t i = 0; i < n; ++i)
    for (auto h : prefixes[i]) postings.push_back({h, static_cast<float>(questions[i].effective), static_cast<std::uint32_t>(i)});
  parallel_sort(postings);
  // Per term: the largest full/effective ratio among its questions, for the lower end of windows
  // (postings are sorted by term: one entry per run).
  std::unordered_map<std::uint64_t, double> ratio;
  for (std::size_t begin = 0, end = 0; begin < postings.size(); begin = end) {
    double largest = 0;
    for (end = begin; end < postings.size() && postings[end].hash == postings[begin].hash; ++end) {
      const Profile& q = questions[postings[end].question];
      largest = std::max(largest, q.effective > 0 ? q.full / q.effective : 1.0);
    }
    ratio.emplace(postings[begin].hash, largest);
  }
  // Question i is compared with the earlier ones only, so the work grows with i: the threads take
  // every other question.
  // Per thread: seen[j] == i once question j is met for question i.
  std::vector<std::vector<std::uint32_t>> seen_by(2, std::vector<std::uint32_t>(n, UINT32_MAX));
  parallel_interleaved(n, [&](std::size_t i, unsigned worker) {
    std::vector<std::uint32_t>& seen = seen_by[worker];
    const Profile& a = questions[i];
    // Weights within reach: S >= m * E_b and S <= I_a give E_b <= I_a / m; symmetrically
    // I_b >= m * E_a, and I_b <= ratio * E_b bounds E_b from below.
    double high = a.full / m + 1e-6;
    for (auto h : prefixes[i]) {
      double low = m * a.effective / ratio.find(h)->second - 1e-6;  // read-only on both threads
      auto first = std::lower_bound(postings.begin(), postings.end(), Posting{h, static_cast<float>(low), 0});
      auto last = std::upper_bound(first, postings.end(), Posting{h, static_cast<float>(high), UINT32_MAX});
      if (last - first > static_cast<std::ptrdiff_t>(k_max_postings)) continue;
      for (auto it = first; it != last; ++it) {
        std::uint32_t j = it->question;
        if (j >= i || seen[j] == i) continue;
        seen[j] = static_cast<std::uint32_t>(i);
        if (a.effective > questions[j].full / m + 1e-6) continue;
        double q = score(questions[j], a);
        if (q + 1e-9 >= min_score) visit(j, i, q, worker);
      }
    }
  });
}

void for_each_core_candidate(const std::vector<Profile>& questions, const std::vector<bool>& skip,
                             const std::function<void(std::size_t, std::size_t)>& visit) {
  // Interrogatives ("how", "why") are weak words (at most ln 2): "How do X and Y differ?" and
  // "What is the difference between X and Y?" have the same subject.
  const float k_strong = static_cast<float>(std::log(2.0)) + 1e-4f;
  constexpr std::uint64_t k_whole = 0x9E3779B97F4A7C15ull;  // marks a key of all subject words
  auto mix = [](std::uint64_t h, std::uint64_t x) { return fnv_step(h, x) + (h >> 29); };
  // The keys of each question, made on two threads, then sorted: runs of one key are groups.
  std::vector<std::vector<std::pair<std::uint64_t, std::uint32_t>>> made(2);
  parallel_chunks(questions.size(), [&](std::size_t begin, std::size_t end, unsigned worker) {
    auto& keys = made[worker];
    std::vector<std::uint64_t> core;
    for (std::size_t i = begin; i < end; ++i) {
      if (skip[i]) continue;
      const Profile& p = questions[i];
      core.clear();
      for (std::size_t k = 0; k < p.hashes.size(); ++k)
        if (p.factors[k] >= 1.0f && p.idf[k] > k_strong) core.push_back(p.hashes[k]);  // already sorted
      if (core.empty()) continue;
      std::uint64_t whole = k_fnv_offset;
      for (auto h : core) whole = mix(whole, h);
      keys.emplace_back(whole ^ k_whole, static_cast<std::uint32_t>(i));
      if (core.size() > k_max_core_words) continue;
      // Unmarked, the whole key also meets the keys of questions with one subject word more.
      if (core.size() > 1) keys.emplace_back(whole, static_cast<std::uint32_t>(i));
      for (std::size_t drop = 0; drop < core.size(); ++drop) {
        std::uint64_t key = k_fnv_offset;
        for (std::size_t k = 0; k < core.size(); ++k)
          if (k != drop) key = mix(key, core[k]);
        // Without its one word, a one-word question says nothing: "What is X?" must not meet every
        // question about X and something else.
        if (core.size() > 1) keys.emplace_back(key, static_cast<std::uint32_t>(i));
      }
    }
  });
  auto& keys = made[0];
  keys.insert(keys.end(), made[1].begin(), made[1].end());
  parallel_sort(keys);
  for (std::size_t begin = 0; begin < keys.size();) {
    std::size_t end = begin;
    while (end < keys.size() && keys[end].first == keys[begin].first) ++end;
    std::size_t size = end - begin;
    // A key of all subject words: the questions ask about the same things, each meets the first
    // ones; a key with a word left out and too many questions tells nothing.
    for (std::size_t x = begin; x < end && size <= k_max_core_group; ++x)
      for (std::size_t y = x + 1; y < end; ++y) visit(keys[x].second, keys[y].second);
    if (size > k_max_core_group)
      for (std::size_t y = begin + 1; y < end; ++y) visit(keys[begin].second, keys[y].second);
    begin = end;
  }
}

double answer_overlap(std::string_view a, std::string_view b) {
  // Shown with each reported pair, so it runs for every pair: plain words, no clause reading.
  auto words = [](std::string_view text) {
    std::vector<std::uint64_t> out;
    std::string word;
    auto flush = [&] {
      if (!word.empty())
        if (auto h = answer_word_hash(word)) out.push_back(*h);
      word.clear();
    };
    for (char c : text) {
      if (c >= 'A' && c <= 'Z') word += static_cast<char>(c + 32);
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) word += c;
      else flush();
    }
    flush();
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  std::vector<std::uint64_t> x = words(a), y = words(b);
  if (x.empty() || y.empty()) return -1;
  std::vector<std::uint64_t> common;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(common));
  return static_cast<double>(common.size()) / static_cast<double>(x.size() + y.size() - common.size());
}

}  // namespace qbank::dedup::detail
