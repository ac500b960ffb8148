#include "dedup/words.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <cstdint>
#include <forward_list>
#include <iterator>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <utf8proc.h>

#include "core/text.hpp"
#include "dedup/normalize.hpp"
#include "dedup/stemmer.hpp"

namespace qbank::dedup {

namespace {

// Word lists. Stop words and pronouns are compared as written; the rest by their stems, so
// "explained", "needed" and "models" count as "explain", "need" and "model".
constexpr std::string_view k_stop_words[] = {
    "a", "about", "an", "and", "any", "are", "as", "at", "be", "been", "being", "between", "briefly", "by",
    "can", "could", "define", "describe", "detail", "did", "do", "does", "explain", "for", "from", "give",
    "had", "has", "have", "i", "in", "into", "is", "it", "its", "may", "me", "might", "much", "must", "my",
    "of", "on", "or", "our", "please", "really", "shall", "should", "so", "some", "tell", "that", "the", "their", "them", "there",
    "these", "they", "this", "those", "to", "us", "versus", "very", "vs", "was", "we", "what", "whats", "which", "who",
    "whom", "whose", "will", "with", "would", "you", "your", "s"};
constexpr std::string_view k_frame_words[] = {"describe", "discuss", "elaborate", "explain", "know", "meant", "notion",
                                              "outline", "overview", "perform", "play", "summarize", "understand", "what", "who"};
// Words that open a new phrase: "the role of X [in Y]", "X [and Y]", "[with Y]".
constexpr std::string_view k_linkers[] = {"about", "across", "and", "as", "at", "between", "by", "during",
                                          "for", "from", "in", "instead", "into", "of", "on", "or", "over",
                                          "than", "through", "to", "under", "using", "versus", "via", "vs",
                                          "with", "within", "without"};
constexpr std::string_view k_interrogatives[] = {"how", "when", "where", "which", "why"};
constexpr std::string_view k_pronouns[] = {"it", "its", "one", "their", "them", "these", "they", "this", "those"};
constexpr std::string_view k_follow_up_words[] = {
    "address", "advantage", "application", "apply", "benefit", "con", "disadvantage", "drawback", "goal", "help",
    "important", "importance", "matter", "necessary", "need", "pro", "problem", "purpose", "solve", "use", "useful",
    "usefulness", "work"};
constexpr std::string_view k_generic_nouns[] = {"algorithm", "approach", "architecture", "concept", "framework", "function",
                                                "idea", "measure", "method", "metric", "model", "network", "problem",
                                                "procedure", "process", "score", "strategy", "system", "technique",
                                                "term", "tool"};

// is_pronoun is asked of every word of every question: the list holds words of 2-5 letters
// starting with i, o or t, and only words of that shape are looked up in it.
constexpr bool pronoun_shape(std::string_view w) { return w.size() >= 2 && w.size() <= 5 && (w[0] == 'i' || w[0] == 'o' || w[0] == 't'); }
static_assert(std::all_of(std::begin(k_pronouns), std::end(k_pronouns), pronoun_shape));

template <std::size_t N>
bool in(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// Every word of the text passes through this test: a hash set, not a scan of the list.
bool in_stop_words(std::string_view word) {
  static const std::unordered_set<std::string_view> set(std::begin(k_stop_words), std::end(k_stop_words));
  return word.size() <= 8 && set.count(word) > 0;
}

// The stems of a word list, made once.
template <std::size_t N>
std::unordered_set<std::string> stems_of(const std::string_view (&list)[N]) {
  std::unordered_set<std::string> out;
  for (auto w : list) out.insert(stem(w));
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) { return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix; }

// British -> American spelling, on whole lowercase words. Each rule keeps a stem of at least three
// letters, so short words ("rise", "wise") stay.
void americanize(std::string& w) {
  struct Rule {
    std::string_view from, to;
  };
  static constexpr Rule k_rules[] = {{"isations", "izations"}, {"isation", "ization"}, {"isers", "izers"}, {"ising", "izing"},
                                     {"iser", "izer"},         {"ised", "ized"},       {"ises", "izes"},   {"ise", "ize"},
                                     {"ysing", "yzing"},       {"ysed", "yzed"},       {"yse", "yze"}};
  if (w.size() >= 5) {
    for (const auto& rule : k_rules) {
      if (ends_with(w, rule.from) && w.size() - rule.from.size() >= 3) {
        w.replace(w.size() - rule.from.size(), rule.from.size(), rule.to);
        return;
      }
    }
  }
  if (w.size() >= 6 && ends_with(w, "our")) w.replace(w.size() - 3, 3, "or");        // behaviour, colour
  else if (w.size() >= 7 && ends_with(w, "ours")) w.replace(w.size() - 4, 4, "ors");
  else if (w.size() >= 8 && ends_with(w, "elling")) w.replace(w.size() - 6, 6, "eling");  // modelling
  else if (w.size() >= 7 && ends_with(w, "elled")) w.replace(w.size() - 5, 5, "eled");    // labelled
  else if (w.size() >= 5 && ends_with(w, "tre")) w.replace(w.size() - 3, 3, "ter");       // centre
}

// Words for the good and the bad sides of a thing, one word each: "What are the benefits of X?"
// asks what "What are the advantages of X?" asks, and "drawbacks", "limitations" and "cons" what
// "disadvantages" asks. Whole lowercase words, singular and plural.
void merge_pros_and_cons(std::string& w) {
  struct Same {
    std::string_view word, as;
  };
  static constexpr Same k_same[] = {
      {"benefit", "advantage"},       {"benefits", "advantages"},       {"pro", "advantage"},
      {"pros", "advantages"},         {"strength", "advantage"},        {"strengths", "advantages"},
      {"drawback", "disadvantage"},   {"drawbacks", "disadvantages"},   {"downside", "disadvantage"},
      {"downsides", "disadvantages"}, {"limitation", "disadvantage"},   {"limitations", "disadvantages"},
      {"weakness", "disadvantage"},   {"weaknesses", "disadvantages"},  {"shortcoming", "disadvantage"},
      {"shortcomings", "disadvantages"}, {"con", "disadvantage"},       {"cons", "disadvantages"}};
  for (const auto& same : k_same)
    if (w == same.word) {
      w = same.as;
      return;
    }
}

// "Compare X and Y", "X compared to Y" and "X vs Y?" ask what "What is the difference between X
// and Y?" asks: the comparing words read as "difference", and a bare "X vs Y" (no question word,
// nothing else asked) gets the "difference" it leaves unsaid.
void compare_as_difference(std::string& w) {
  if (w == "compare" || w == "compared" || w == "compares" || w == "comparing" || w == "comparison" || w == "comparisons")
    w = "difference";
}

bool is_wh(std::string_view w) {
  return w == "how" || w == "why" || w == "what" || w == "when" || w == "where" || w == "which" || w == "who" || w == "whats";
}

std::string_view roman_value(std::string_view w) {
  if (w == "i") return "1";
  if (w == "ii") return "2";
  if (w == "iii") return "3";
  if (w == "iv") return "4";
  return {};
}

bool is_auxiliary(std::string_view w) {
  return w == "do" || w == "does" || w == "did" || w == "should" || w == "would" || w == "could" || w == "can" || w == "will" ||
         w == "am" || w == "have" || w == "shall" || w == "may" || w == "might" || w == "must";
}

// A token of the text before clause splitting.
struct Token {
  enum Kind { word, comma, end } kind = word;
  std::string_view original;  // as written (NFKC), for the acronym test: in the text read, or a literal or a
                              // joined word kept by read_clauses
  char joiner = 0;        // '-' or '/' when glued to the previous word by it
};

// What an ASCII byte is to a word: every word of every question and answer passes through a
// lookup in this table (bytes from 0x80 are `other` here: UTF-8 is read by code point).
enum AsciiKind : unsigned char { other = 0, lower_or_digit = 1, capital = 2 };
constexpr std::array<AsciiKind, 256> k_ascii_kind = [] {
  std::array<AsciiKind, 256> table{};
  for (int c = 0; c < 128; ++c)
    table[c] = (c >= 'A' && c <= 'Z') ? capital : ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ? lower_or_digit : other;
  return table;
}();

bool is_word_char(utf8proc_int32_t cp) {
  if (cp < 0x80) return cp >= 0 && k_ascii_kind[static_cast<unsigned char>(cp)] != other;
  auto c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;  // letters, marks, numbers
}

std::string lower(std::string_view word) {
  bool ascii = std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) return text::fold_case_nfkc(word);
  std::string out(word);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

// Whether the last token is an abbreviation whose full stop ends no sentence: "X vs. Y", "e.g.",
// "i.e.", "etc.".
bool after_abbreviation(const std::vector<Token>& tokens) {
  if (tokens.empty() || tokens.back().kind != Token::word) return false;
  std::string w = lower(tokens.back().original);
  return w == "vs" || w == "v" || w == "e" || w == "g" || w == "i" || w == "etc" || w == "cf" || w == "approx";
}

// Splits NFKC text into words, commas and clause ends (into `tokens`); expands contractions.
void tokenize(std::string_view text, std::vector<Token>& tokens) {
  tokens.clear();
  const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t i = 0, n = text.size();
  tokens.reserve(std::min<std::size_t>(n / 5 + 4, 1024));
  auto next_cp = [&](std::size_t at, utf8proc_int32_t& cp) -> std::size_t {
    if (at >= n) return 0;
    if (data[at] < 0x80) {  // most text is ASCII: no call per character
      cp = data[at];
      return 1;
    }
    auto len = utf8proc_iterate(data + at, static_cast<utf8proc_ssize_t>(n - at), &cp);
    if (len <= 0) { cp = -1; return 1; }
    return static_cast<std::size_t>(len);
  };
  char pending_joiner = 0;
  std::size_t word_end = std::string_view::npos;  // where the last word ended
  while (i < n) {
    utf8proc_int32_t cp = 0;
    std::size_t len = next_cp(i, cp);
    if (is_word_char(cp)) {
      std::size_t start = i;
      while (i < n && k_ascii_kind[data[i]] != other) ++i;  // most words are ASCII letters and digits
      while (i < n) {
        std::size_t l = next_cp(i, cp);
        if (!is_word_char(cp)) break;
        i += l;
      }
      Token t;
      t.original = text.substr(start, i - start);
      t.joiner = pending_joiner;
      pending_joiner = 0;
      // A contraction or possessive: an apostrophe followed by letters.
      utf8proc_int32_t ap = 0;
      std::size_t al = next_cp(i, ap);
      if (ap == '\'' || ap == 0x2019) {
        std::size_t s = i + al, e = s;
        while (e < n && ((text[e] >= 'a' && text[e] <= 'z') || (text[e] >= 'A' && text[e] <= 'Z'))) ++e;
        if (e > s && e - s <= 2) {
          std::string base = lower(t.original);
          std::string suffix = lower(text.substr(s, e - s));
          std::string_view expansion;
          if (suffix == "s") {
            if (base == "what" || base == "it" || base == "that" || base == "there" || base == "who" || base == "how" ||
                base == "where" || base == "here" || base == "he" || base == "she")
              expansion = "is";
          } else if (suffix == "t" && !base.empty() && base.back() == 'n') {
            if (base == "won") t.original = "will";
            else if (base != "can") t.original.remove_suffix(1);
            expansion = "not";
          } else if (suffix == "re") expansion = "are";
          else if (suffix == "ve") expansion = "have";
          else if (suffix == "ll") expansion = "will";
          else if (suffix == "d") expansion = "would";
          else if (suffix == "m") expansion = "am";
          if (!suffix.empty() && (suffix == "s" || !expansion.empty())) {
            tokens.push_back(std::move(t));
            if (!expansion.empty()) tokens.push_back({Token::word, expansion, 0});
            i = e;
            word_end = i;
            continue;
          }
        }
      }
      tokens.push_back(std::move(t));
      word_end = i;
      continue;
    }
    // Punctuation between words.
    char c = cp >= 0 && cp < 0x80 ? static_cast<char>(cp) : 0;
    utf8proc_int32_t after = 0;
    next_cp(i + len, after);
    bool word_before = word_end == i;
    if ((c == '-' || c == '/' || cp == 0x2010 || cp == 0x2011) && word_before && is_word_char(after)) pending_joiner = c == '/' ? '/' : '-';
    else if (c == '?' || c == '!' || c == ';' || c == ':') tokens.push_back({Token::end, {}, 0});
    else if (c == '.' && !(is_word_char(after) && word_before) && !(word_before && after_abbreviation(tokens)))
      tokens.push_back({Token::end, {}, 0});
    else if (c == ',') tokens.push_back({Token::comma, {}, 0});
    i += len;
  }
}

}  // namespace

bool acronym_shape(std::string_view original, std::string& core_lower) {
  // Two or more capitals in 2-6 characters ("SVM", "ReLU"), not starting with a digit; a
  // trailing lowercase "s" is a plural ("CNNs").
  std::string_view core = original;
  if (core.size() > 2 && core.back() == 's') core.remove_suffix(1);
  if (core.size() < 2 || core.size() > 6 || !((core[0] >= 'A' && core[0] <= 'Z') || (core[0] >= 'a' && core[0] <= 'z'))) return false;
  int capitals = 0;
  for (char c : core) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    capitals += c >= 'A' && c <= 'Z';
  }
  if (capitals < 2) return false;
  core_lower = lower(core);
  return roman_value(core_lower).empty();  // "Type II" is a numeral
}

void acronyms_written_in(std::string_view text, std::vector<std::string_view>& out) {
  // Every answer of a bank passes through here, and an acronym has capitals where most words have
  // none: the capitals are looked for eight bytes at a time, and only their words read.
  std::string core;
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size(), i = 0, read_to = 0;  // words before read_to are read
  constexpr std::uint64_t k_ones = 0x0101010101010101ull, k_high = 0x8080808080808080ull;
  while (i < n) {
    std::size_t capital_at = n;
    for (; i + 8 <= n; i += 8) {
      std::uint64_t chunk;
      std::memcpy(&chunk, data + i, 8);
      // Per byte, without carries between bytes: the high bit of (b & 0x7f) + c is set when
      // (b & 0x7f) >= 0x80 - c; 'A'..'Z' are those >= 0x41 and < 0x5b, bytes >= 0x80 none.
      std::uint64_t low = chunk & ~k_high;
      std::uint64_t capitals = (low + (0x80 - 'A') * k_ones) & ~(low + (0x80 - 'Z' - 1) * k_ones) & ~chunk & k_high;
      if (capitals) {
        std::size_t byte = static_cast<std::size_t>(std::countr_zero(capitals)) / 8;
        if constexpr (std::endian::native == std::endian::big) byte = static_cast<std::size_t>(std::countl_zero(capitals)) / 8;
        capital_at = i + byte;
        break;
      }
    }
    if (capital_at == n)
      for (; i < n && capital_at == n; ++i)
        if (k_ascii_kind[data[i]] == capital) capital_at = i;
    if (capital_at == n) return;
    // The capital's word (no capital between read_to and capital_at: only those after it count).
    std::size_t start = capital_at, end = capital_at, capitals = 0;
    while (start > read_to && k_ascii_kind[data[start - 1]] != other) --start;
    for (AsciiKind kind; end < n && (kind = k_ascii_kind[data[end]]) != other; ++end) capitals += kind == capital;
    if (capitals >= 2 && end - start <= 7 && acronym_shape(text.substr(start, end - start), core)) out.push_back(text.substr(start, end - start));
    i = read_to = end;
  }
}

Clause acronyms_in(std::string_view text) {
  std::vector<std::string_view> written;
  acronyms_written_in(text, written);
  Vocabulary vocabulary;
  Clause out;
  for (auto w : written) out.push_back(vocabulary.word(w));
  return out;
}

namespace {

// What a word's text and kind imply, worked out once per distinct word.
void finish_word(Word& w) {
  if (!w.acronym && w.stem.empty()) w.stem = stem(w.text);
  const std::string& term = term_of(w);
  w.pronoun = !w.acronym && is_pronoun(w.text);
  w.interrogative = !w.acronym && is_interrogative(w.text);
  w.frame_stem = is_frame_stem(term);
  w.follow_up_stem = is_follow_up_stem(term);
  w.generic_stem = is_generic_stem(term);
  w.term_hash = hash_word(term);
  w.text_fnv = k_fnv_offset;
  for (char c : w.text) w.text_fnv = fnv_step(w.text_fnv, static_cast<unsigned char>(c));
}

// A word as written, read without its context: lowercase (or an acronym's core), American
// spelling, the pros/cons and comparing words merged, stop word, stem, linker.
Word read_word(std::string_view original) {
  Word out;
  std::string core;
  if (acronym_shape(original, core)) {
    out.acronym = true;
    out.text = std::move(core);
  } else {
    out.text = lower(original);
    americanize(out.text);
    merge_pros_and_cons(out.text);
    compare_as_difference(out.text);
    out.stop = is_stop_word(out.text);
    out.linker = is_linker(out.text);
  }
  finish_word(out);
  return out;
}

// Tags of variants in the vocabulary's keys: no word as written holds a control character.
constexpr char k_as_pronoun = '\x01';

}  // namespace

const Word* Vocabulary::find(std::string_view key, std::uint64_t hash) const {
  if (m_slots.empty()) return nullptr;
  std::size_t mask = m_slots.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = m_slots[i];
    if (!slot.word) return nullptr;
    if (slot.hash == hash && m_keys[slot.word->id] == key) return slot.word;
  }
}

const Word& Vocabulary::add(std::string_view key, std::uint64_t hash, Word word) {
  if (2 * (m_words.size() + 1) > m_slots.size()) {
    std::vector<Slot> old = std::exchange(m_slots, std::vector<Slot>(std::max<std::size_t>(1024, 2 * m_slots.size())));
    std::size_t mask = m_slots.size() - 1;
    for (const Slot& slot : old) {
      if (!slot.word) continue;
      std::size_t i = slot.hash & mask;
      while (m_slots[i].word) i = (i + 1) & mask;
      m_slots[i] = slot;
    }
  }
  Word& w = m_words.emplace_back(std::move(word));
  w.id = static_cast<std::uint32_t>(m_words.size() - 1);
  m_keys.emplace_back(key);
  std::size_t mask = m_slots.size() - 1;
  std::size_t i = hash & mask;
  while (m_slots[i].word) i = (i + 1) & mask;
  m_slots[i] = {hash, &w};
  return w;
}

const Word& Vocabulary::word(std::string_view original) {
  std::uint64_t hash = hash_word(original);
  if (const Word* known = find(original, hash)) return *known;
  return add(original, hash, read_word(original));
}

const Word& Vocabulary::variant(const Word& word, char tag) {
  std::string key(1, tag);
  key += word.text;
  std::uint64_t hash = hash_word(key);
  if (const Word* known = find(key, hash)) return *known;
  Word copy = word;
  if (tag == k_as_pronoun) copy.stop = true;
  return add(key, hash, std::move(copy));
}

void Vocabulary::read(std::string_view input, std::vector<const Word*>& out) {
  std::string normalized;
  bool ascii = std::all_of(input.begin(), input.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) {  // NFKC without case folding: capitals still tell acronyms
    utf8proc_uint8_t* mapped = nullptr;
    auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
    auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(input.data()), static_cast<utf8proc_ssize_t>(input.size()),
                               &mapped, options);
    if (length >= 0) normalized.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
    else normalized.assign(input);
    std::free(mapped);
    input = normalized;
  }
  thread_local std::vector<Token> joined;  // scratch: every question and answer passes through here
  std::forward_list<std::string> joined_words;  // "k-means" read as "kmeans": tokens point into these
  tokenize(input, joined);
  // Join single-character compounds: k-means, A/B, p-value, t-SNE (in place).
  std::size_t kept = 0;
  for (std::size_t k = 0; k < joined.size(); ++k) {
    Token& t = joined[k];
    if (t.kind == Token::word && t.joiner && kept > 0 && joined[kept - 1].kind == Token::word &&
        (t.original.size() == 1 || joined[kept - 1].original.size() == 1)) {
      std::string& word = joined_words.emplace_front(joined[kept - 1].original);
      word += t.original;
      joined[kept - 1].original = word;
      continue;
    }
    if (kept != k) joined[kept] = std::move(t);
    ++kept;
  }
  joined.resize(kept);
  std::size_t clause_start = out.size();  // where the clause being read starts in `out`
  bool versus = false;  // whether the clause has a "vs" or "versus"
  auto end_clause = [&] {
    if (out.size() == clause_start) return;
    // "X vs Y" asks what "the difference between X and Y" asks, unless the clause says so.
    if (versus) {
      bool asked = false;
      for (std::size_t k = clause_start; k < out.size() && !asked; ++k)
        asked = !out[k]->acronym && (is_wh(out[k]->text) || out[k]->text == "difference" || out[k]->text == "differ" ||
                                     out[k]->text == "differences");
      if (!asked) out.push_back(&word("difference"));
    }
    versus = false;
    out.push_back(nullptr);
    clause_start = out.size();
  };
  for (std::size_t k = 0; k < joined.size(); ++k) {
    const Token& t = joined[k];
    auto next_word = [&](std::size_t at) -> std::string {
      return at < joined.size() && joined[at].kind == Token::word ? lower(joined[at].original) : std::string();
    };
    if (t.kind == Token::end) {
      end_clause();
      continue;
    }
    if (t.kind == Token::comma) {
      std::string w = next_word(k + 1);
      if (w == "and" || w == "or" || w == "but") {
        end_clause();
        ++k;
      } else if (is_wh(w)) {
        end_clause();
      }
      continue;
    }
    const Word* read = &word(t.original);
    bool clause_empty = out.size() == clause_start;
    if ((read->text == "and" || read->text == "or") && is_wh(next_word(k + 1)) && !clause_empty) {
      end_clause();
      continue;
    }
    if (!read->acronym) {
      auto roman = roman_value(read->text);
      if (!roman.empty() && !clause_empty) {
        const std::string& prev = out.back()->text;
        if (read->text != "i" || (!is_stop_word(prev) && !is_auxiliary(prev))) read = &word(roman);  // a digit is its own stem
      }
      // "When would one use X?" is "When would you use X?": "one" after an auxiliary is a pronoun.
      if (read->text == "one" && !clause_empty && is_auxiliary(out.back()->text)) read = &variant(*read, k_as_pronoun);
    }
    versus = versus || (!read->acronym && (read->text == "vs" || read->text == "versus"));
    out.push_back(read);
  }
  end_clause();
  if (joined.capacity() > 4096) std::vector<Token>().swap(joined);  // a long text's scratch is not kept
}

void split_clauses(std::span<const Word* const> words, std::vector<ClauseView>& out) {
  out.clear();
  std::size_t start = 0;
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (words[k]) continue;
    out.push_back(words.subspan(start, k - start));
    start = k + 1;
  }
}

void read_words(std::string_view text, std::vector<const Word*>& out) {
  thread_local Vocabulary vocabulary;
  if (vocabulary.size() > 65536) vocabulary = Vocabulary();  // random text: stay bounded (a bank uses far fewer words)
  vocabulary.read(text, out);
}

std::vector<Clause> read_clauses(std::string_view text) {
  std::vector<const Word*> words;
  read_words(text, words);
  std::vector<Clause> out(1);
  for (const Word* w : words) {
    if (w) out.back().push_back(*w);
    else out.emplace_back();
  }
  out.pop_back();
  return out;
}

bool is_stop_word(std::string_view word) { return in_stop_words(word); }
bool is_linker(std::string_view word) { return in(k_linkers, word); }
bool is_interrogative(std::string_view word) { return in(k_interrogatives, word); }
bool is_pronoun(std::string_view word) {
  return pronoun_shape(word) && in(k_pronouns, word);
}
bool is_frame_stem(const std::string& stem) {
  static const auto stems = stems_of(k_frame_words);
  return stems.count(stem) > 0;
}
bool is_follow_up_stem(const std::string& stem) {
  static const auto stems = stems_of(k_follow_up_words);
  return stems.count(stem) > 0;
}
bool is_generic_stem(const std::string& stem) {
  static const auto stems = stems_of(k_generic_nouns);
  return stems.count(stem) > 0;
}

}  // namespace qbank::dedup
