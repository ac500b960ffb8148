#include "dedup/lexicon.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <set>
#include <span>

#include "core/parallel.hpp"
#include "dedup/normalize.hpp"
#include "dedup/stemmer.hpp"

namespace qbank::dedup {

namespace {

// Phrases in answers that state a synonym: "X, also called Y", "X (also known as Y)".
// Each after a space or an opening parenthesis: "X (also known as Y)".
constexpr std::string_view k_synonym_markers[] = {"also called ", "also known as ", "aka ", "a.k.a. ",
                                                  "otherwise known as ", "sometimes called ", "or simply "};

std::string stems_joined(const std::vector<std::string>& stems) {
  std::string out;
  for (const auto& s : stems) out += (out.empty() ? "" : "_") + s;
  return out;
}

bool ascii_lower_word(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// The content words right before `end` (at most 3) and right after `start` (at most 4) of a
// lowercase text, stopping at punctuation and at stop words.
std::vector<std::string> words_before(std::string_view text, std::size_t end) {
  std::vector<std::string> out;
  std::size_t i = end;
  while (out.size() < 3 && i > 0) {
    std::size_t e = i;
    while (e > 0 && text[e - 1] == ' ') --e;
    if (e == 0 || !ascii_lower_word(text[e - 1])) break;
    std::size_t s = e;
    while (s > 0 && (ascii_lower_word(text[s - 1]) || text[s - 1] == '-')) --s;
    std::string w(text.substr(s, e - s));
    if (is_stop_word(w)) break;
    out.insert(out.begin(), w);
    i = s;
  }
  return out;
}

std::vector<std::string> words_after(std::string_view text, std::size_t start) {
  std::vector<std::string> out;
  std::size_t i = start;
  bool first = true;
  while (out.size() < 4 && i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t e = i;
    while (e < text.size() && (ascii_lower_word(text[e]) || text[e] == '-')) ++e;
    if (e == i) break;
    std::string w(text.substr(i, e - i));
    i = e;
    if (first && (w == "the" || w == "a" || w == "an")) { first = false; continue; }
    first = false;
    if (is_stop_word(w)) break;
    out.push_back(w);
  }
  return out;
}

std::vector<std::string> stems_of_words(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const auto& w : words)
    for (const auto& clause : read_clauses(w))
      for (const auto& word : clause) out.push_back(stem(word.text));
  return out;
}

struct Learned {
  std::unordered_set<std::string> whole_words;
  std::vector<std::pair<std::vector<std::string>, std::string>> phrases;
};

// `words`: a text's words as Vocabulary::read leaves them (clauses ended by nullptr).
void learn_acronyms(std::span<const Word* const> words, Learned& out) {
  std::set<std::string> present;
  for (const Word* w : words)
    if (w && w->acronym) present.insert(w->text);
  if (present.empty()) return;
  // An expansion starts with an acronym's first letter: other words are passed over at once.
  std::array<bool, 256> first_letter{};
  for (const auto& acronym : present) first_letter[static_cast<unsigned char>(acronym[0])] = true;
  std::vector<std::string_view> run;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word* w = words[i];
    if (!w || w->acronym || w->stop || !first_letter[static_cast<unsigned char>(w->text[0])]) continue;
    run.clear();
    for (std::size_t n = 1; n <= 5 && i + n <= words.size(); ++n) {
      const Word* last = words[i + n - 1];
      if (!last || last->acronym) break;  // the clause ends, or an acronym
      run.push_back(last->text);
      if (n < 2 || last->stop) continue;
      for (const auto& acronym : present) {
        if (acronym[0] != run[0][0] || !acronym_matches(acronym, run)) continue;
        std::vector<std::string> stems;
        for (std::size_t k = i; k < i + n; ++k) stems.push_back(words[k]->stem);
        out.phrases.emplace_back(std::move(stems), acronym);
      }
    }
  }
}

// The parts of `answer` where the expansion of one of the question's acronyms is written: its
// opening, and a few words either side of each mention ("Long Short-Term Memory (LSTM)", "LSTM
// (long short-term memory)"); cut at spaces and merged where they overlap.
std::vector<std::string_view> acronym_windows(std::string_view answer, std::span<const Word* const> question) {
  constexpr std::size_t k_reach = 64;     // bytes either side: five words and their punctuation
  constexpr std::size_t k_opening = 160;  // bytes: the first sentence or so
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // [from, to) in answer
  // The opening, where a definition spells the term out ("Gated recurrent units are ...").
  if (!answer.empty()) {
    std::size_t to = std::min(answer.size(), k_opening);
    while (to < answer.size() && to > 0 && answer[to] != ' ' && answer[to] != '\n') --to;
    spans.emplace_back(0, to);
  }
  auto asked = [&](const std::string& acronym) {
    for (const Word* w : question)
      if (w && w->acronym && w->text == acronym) return true;
    return false;
  };
  auto space = [&](std::size_t k) { return answer[k] == ' ' || answer[k] == '\n'; };
  std::vector<std::string_view> written;
  acronyms_written_in(answer, written);
  std::string core;
  for (std::string_view acronym : written) {
    if (!acronym_shape(acronym, core) || !asked(core)) continue;
    std::size_t start = static_cast<std::size_t>(acronym.data() - answer.data()), i = start + acronym.size();
    // Cut at spaces, so no word (and no UTF-8 character) is split.
    std::size_t from = start > k_reach ? start - k_reach : 0;
    while (from > 0 && from < start && !space(from - 1)) ++from;
    std::size_t to = std::min(answer.size(), i + k_reach);
    while (to < answer.size() && to > i && !space(to)) --to;
    if (!spans.empty() && from <= spans.back().second) spans.back().second = std::max(spans.back().second, to);
    else spans.emplace_back(from, to);
  }
  std::vector<std::string_view> out;
  for (auto [from, to] : spans) out.push_back(answer.substr(from, to - from));
  return out;
}

void learn_synonyms(std::string_view answer, Learned& out) {
  std::string lower(answer.size() + 1, ' ');
  std::transform(answer.begin(), answer.end(), lower.begin() + 1,
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : (c == '\n' ? ' ' : c); });
  // A searcher that skips ahead by the marker's length rather than looking at every byte.
  using Searcher = std::boyer_moore_horspool_searcher<std::string_view::const_iterator>;
  static const std::vector<Searcher> k_searchers = [] {
    std::vector<Searcher> out;
    for (std::string_view marker : k_synonym_markers) out.emplace_back(marker.begin(), marker.end());
    return out;
  }();
  const std::string_view text = lower;
  for (std::size_t m = 0; m < std::size(k_synonym_markers); ++m) {
    std::string_view marker = k_synonym_markers[m];
    auto find_from = [&](std::size_t from) {
      auto it = std::search(text.begin() + static_cast<std::ptrdiff_t>(from), text.end(), k_searchers[m]);
      return it == text.end() ? std::string::npos : static_cast<std::size_t>(it - text.begin());
    };
    for (std::size_t at = find_from(0); at != std::string::npos; at = find_from(at + 1)) {
      if (at == 0 || (text[at - 1] != ' ' && text[at - 1] != '(')) continue;  // inside a word ("Alaska ")
      std::size_t before = at;
      while (before > 0 && (text[before - 1] == ',' || text[before - 1] == '(' || text[before - 1] == ' ')) --before;
      auto x = stems_of_words(words_before(text, before));
      auto y = stems_of_words(words_after(text, at + marker.size()));
      if (x.empty() || y.empty() || x.size() > 4 || y.size() > 4 || x == y) continue;
      std::string canonical = stems_joined(std::min(x, y));
      out.phrases.emplace_back(std::move(x), canonical);
      out.phrases.emplace_back(std::move(y), canonical);
    }
  }
}

}  // namespace

bool acronym_matches(std::string_view acronym, const std::vector<std::string_view>& words) {
  if (words.size() < 2 || acronym.size() < words.size()) return false;
  // Depth-first over the split points; acronyms are at most 6 letters, so this is tiny.
  auto match = [&](auto&& self, std::size_t at, std::size_t word) -> bool {
    if (word == words.size()) return at == acronym.size();
    std::string_view w = words[word];
    std::size_t left_for_rest = words.size() - word - 1;
    for (std::size_t len = 1; len <= w.size() && at + len + left_for_rest <= acronym.size(); ++len) {
      if (w[len - 1] != acronym[at + len - 1]) break;
      if (self(self, at + len, word + 1)) return true;
    }
    return false;
  };
  return match(match, 0, 0);
}

void Lexicon::add_phrase(std::vector<std::string> stems, std::string canonical) {
  auto& list = m_phrases[hash_word(stems.front())];
  for (auto& known : list) {
    if (known.stems != stems) continue;
    if (canonical < known.canonical) {  // the same result whatever the order learned
      known.canonical = std::move(canonical);
      known.canonical_hash = hash_word(known.canonical);
    }
    return;
  }
  std::uint64_t hash = hash_word(canonical);
  list.push_back({std::move(stems), std::move(canonical), hash});
}

std::span<const Word* const> Lexicon::Read::question(std::size_t i) const {
  const Span& at = m_texts[i];
  return std::span<const Word* const>(m_words[at.thread]).subspan(at.question_begin, at.question_end - at.question_begin);
}

std::span<const Word* const> Lexicon::Read::answer(std::size_t i) const {
  const Span& at = m_texts[i];
  return std::span<const Word* const>(m_words[at.thread]).subspan(at.question_end, at.answer_end - at.question_end);
}

void Lexicon::learn(const std::vector<Text>& texts, Read* read, const std::function<void(std::size_t)>& advanced) {
  Read local;
  Read& kept = read ? *read : local;
  kept.m_texts.assign(texts.size(), {});
  std::vector<Learned> learned(2);
  auto work = [&](std::size_t begin, std::size_t end, unsigned worker) {
    Learned& out = learned[worker];
    Vocabulary& vocabulary = kept.m_vocabularies[worker];
    std::vector<const Word*>& words = kept.m_words[worker];
    std::vector<bool> taught;  // by word id: its stem is in out.whole_words
    std::vector<std::string_view> acronyms;
    ProgressSteps steps(advanced);
    for (std::size_t i = begin; i < end; ++i) {
      steps.count();
      const Text& text = texts[i];
      std::size_t question_begin = words.size();
      vocabulary.read(text.question, words);
      std::size_t question_end = words.size();
      bool has_acronym = false;
      for (std::size_t k = question_begin; k < question_end; ++k) has_acronym |= words[k] && words[k]->acronym;
      // Answers are long: read whole only those in the sample (for compounds). Where the question
      // has an acronym, its expansion may be in the answer: only its opening and the text around
      // each mention are read. Elsewhere only the answer's acronyms are picked out, for the question's
      // own words to match.
      std::string_view answer_text = opening(text.answer);
      if (text.answer_in_sample) {
        vocabulary.read(answer_text, words);
      } else if (has_acronym) {
        auto question = std::span<const Word* const>(words).subspan(question_begin, question_end - question_begin);
        for (auto window : acronym_windows(answer_text, question)) vocabulary.read(window, words);
      } else {
        acronyms.clear();
        acronyms_written_in(answer_text, acronyms);
        for (auto a : acronyms) words.push_back(&vocabulary.word(a));
        if (!acronyms.empty()) words.push_back(nullptr);
      }
      std::size_t taught_end = text.answer_in_sample ? words.size() : question_end;
      taught.resize(vocabulary.size(), false);
      for (std::size_t k = question_begin; k < taught_end; ++k) {
        const Word* w = words[k];
        if (!w || w->acronym || w->stop || taught[w->id]) continue;
        taught[w->id] = true;
        out.whole_words.insert(w->stem);
      }
      learn_acronyms(std::span<const Word* const>(words).subspan(question_begin), out);
      // Synonyms stated in answers ("also known as") come from the same sample as compounds.
      if (text.answer_in_sample) learn_synonyms(answer_text, out);
      // Kept: the question, and the answer where it is in the sample (the profiles weigh its words).
      if (!read) words.resize(question_begin);
      else if (!text.answer_in_sample) words.resize(question_end);
      kept.m_texts[i] = {worker, question_begin, question_end, words.size()};
    }
    steps.finish();
  };
  parallel_chunks(texts.size(), work);
  for (auto& part : learned) {
    if (m_whole_words.empty()) m_whole_words = std::move(part.whole_words);
    else m_whole_words.insert(part.whole_words.begin(), part.whole_words.end());
    for (auto& [stems, canonical] : part.phrases) add_phrase(std::move(stems), std::move(canonical));
  }
  // Most pairs of neighbours are no compound: a look in the sorted stems comes first.
  m_whole_sorted.assign(m_whole_words.begin(), m_whole_words.end());
  std::sort(m_whole_sorted.begin(), m_whole_sorted.end());
  // Two bits per prefix in a table of at least 8 bits per prefix (a few percent of false "maybe").
  std::size_t prefixes = 0;
  for (const auto& w : m_whole_sorted) prefixes += w.size();
  std::size_t bits = 1024;
  while (bits < 8 * prefixes && bits < (std::size_t{1} << 27)) bits *= 2;
  m_prefix_bits.assign(bits / 64, 0);
  for (const auto& w : m_whole_sorted) {
    std::uint64_t h = k_fnv_offset;
    for (std::size_t k = 0; k < w.size(); ++k) {
      h = fnv_step(h, static_cast<unsigned char>(w[k]));
      if (k == 0) continue;
      for (std::uint64_t bit : {h & (bits - 1), (h >> 32) & (bits - 1)}) m_prefix_bits[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
  }
  // Longest phrase first, then a fixed order: replacement is greedy and deterministic.
  for (auto& [first, list] : m_phrases)
    std::sort(list.begin(), list.end(), [](const Phrase& x, const Phrase& y) {
      return x.stems.size() != y.stems.size() ? x.stems.size() > y.stems.size() : x.stems < y.stems;
    });
}

std::size_t Lexicon::phrase_count() const {
  std::size_t n = 0;
  for (const auto& [first, list] : m_phrases) n += list.size();
  return n;
}

bool Lexicon::may_join(const Word& first, const Word& second, std::string& key) const {
  // Stemming changes only the end of a word, so the stem of a compound of the two starts with
  // all of the first word and the first letter of the second.
  if (!m_prefix_bits.empty()) {
    std::uint64_t bits = m_prefix_bits.size() * 64;
    std::uint64_t h = fnv_step(first.text_fnv, static_cast<unsigned char>(second.text.front()));
    for (std::uint64_t bit : {h & (bits - 1), (h >> 32) & (bits - 1)})
      if (!(m_prefix_bits[bit / 64] >> (bit % 64) & 1u)) return false;
  }
  key.assign(first.text).push_back(second.text.front());
  auto it = std::lower_bound(m_whole_sorted.begin(), m_whole_sorted.end(), key);
  return it != m_whole_sorted.end() && std::string_view(*it).starts_with(key);
}

void Lexicon::terms(const Clause& clause, std::vector<Term>& out) const {
  std::vector<const Word*> words;
  for (const auto& w : clause) words.push_back(&w);
  terms(ClauseView(words), out);
}

void Lexicon::terms(ClauseView clause, std::vector<Term>& out) const {
  out.clear();
  std::string joined;
  for (std::size_t i = 0; i < clause.size(); ++i) {
    const Word& w = *clause[i];
    if (i + 1 < clause.size() && !w.acronym && !clause[i + 1]->acronym && !w.stop && !clause[i + 1]->stop &&
        may_join(w, *clause[i + 1], joined)) {
      joined.assign(w.text).append(clause[i + 1]->text);
      if (auto it = m_whole_words.find(stem_ref(joined)); it != m_whole_words.end()) {
        out.push_back({*it, hash_word(*it), nullptr, i, 2});
        ++i;
        continue;
      }
    }
    out.push_back({term_of(w), w.term_hash, &w, i, 1});
  }
  if (m_phrases.empty()) return;
  // The longest phrase starting at term i, if any.
  auto phrase_at = [&](std::size_t i) -> const Phrase* {
    auto it = m_phrases.find(out[i].hash);
    if (it == m_phrases.end()) return nullptr;
    for (const auto& phrase : it->second) {
      std::size_t n = phrase.stems.size();
      if (i + n > out.size()) continue;
      bool same = true;
      for (std::size_t k = 0; k < n && same; ++k) same = out[i + k].stem == phrase.stems[k];
      if (same) return &phrase;
    }
    return nullptr;
  };
  // Most clauses hold no phrase: they are left as they are.
  std::size_t i = 0;
  const Phrase* found = nullptr;
  while (i < out.size() && !(found = phrase_at(i))) ++i;
  if (!found) return;
  thread_local std::vector<Term> replaced;  // scratch, swapped with `out`: no allocation per clause
  replaced.assign(std::make_move_iterator(out.begin()), std::make_move_iterator(out.begin() + static_cast<std::ptrdiff_t>(i)));
  while (i < out.size()) {
    if (found || (found = phrase_at(i))) {
      std::size_t n = found->stems.size();
      std::size_t words = out[i + n - 1].first + out[i + n - 1].count - out[i].first;
      replaced.push_back({found->canonical, found->canonical_hash, nullptr, out[i].first, words});
      i += n;
      found = nullptr;
    } else {
      replaced.push_back(std::move(out[i++]));
    }
  }
  out.swap(replaced);
}

}  // namespace qbank::dedup
