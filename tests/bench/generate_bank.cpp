// qbank-generate-bank: writes a large synthetic question bank for the benchmarks (dedup, lint,
// export), with known injected duplicates whose ground truth goes to a JSON file.
//
//   qbank-generate-bank --questions N --files F --out DIR [--duplicates K] [--seed S]
//                       [--lookalikes L] [--blocks B] [--truth FILE]
//
// Words come from a large made-up vocabulary so unrelated questions share few rare tokens;
// every choice comes from one seeded SplitMix64 stream, so a seed always gives the same bank.
// Injected pairs: K duplicates (about a third exact copies, differing at most in case,
// punctuation or spacing; the rest reworded: "What is" / "Explain", articles, plurals,
// "difference" / "differ", swapped word order) plus L look-alikes that differ in one rare word
// and have their own answer (pairs a finder must NOT report; kind "distinct" in the truth).
// --blocks B places 5*B of the K duplicates as B copy-pasted blocks of 5 consecutive questions
// (repeated sections).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

// SplitMix64: tiny, and unlike std:: distributions its output is the same on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : m_state(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool chance(unsigned percent) { return below(100) < percent; }

 private:
  std::uint64_t m_state;
};

constexpr std::size_t k_block = 5;  // questions per copy-pasted block

struct Options {
  std::size_t questions = 0, files = 0, duplicates = 0, lookalikes = 0, blocks = 0;
  std::uint64_t seed = 1;
  std::filesystem::path out, truth;
};

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "qbank-generate-bank: " << why << "\nusage: qbank-generate-bank --questions N --files F --out DIR"
            << " [--duplicates K] [--lookalikes L] [--blocks B] [--seed S] [--truth FILE]\n";
  std::exit(2);
}

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (i + 1 >= argc) usage("missing value for " + std::string(arg));
    std::string value = argv[++i];
    auto number = [&]() -> std::uint64_t {
      char* end = nullptr;
      auto n = std::strtoull(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0') usage("not a number: " + value);
      return n;
    };
    if (arg == "--questions") options.questions = number();
    else if (arg == "--files") options.files = number();
    else if (arg == "--duplicates") options.duplicates = number();
    else if (arg == "--lookalikes") options.lookalikes = number();
    else if (arg == "--blocks") options.blocks = number();
    else if (arg == "--seed") options.seed = number();
    else if (arg == "--out") options.out = value;
    else if (arg == "--truth") options.truth = value;
    else usage("unknown option " + std::string(arg));
  }
  if (options.questions == 0 || options.files == 0 || options.out.empty()) usage("--questions, --files and --out are required");
  if (options.duplicates + options.lookalikes > options.questions / 2) usage("too many injected pairs for the bank size");
  if (options.blocks * k_block > options.duplicates) usage("--blocks needs 5 duplicates per block");
  return options;
}

// Made-up words of 2-4 consonant-vowel syllables (plus a closing consonant), all distinct.
std::vector<std::string> make_vocabulary(Random& random, std::size_t count) {
  static constexpr std::string_view consonants = "bcdfghklmnprstvz", vowels = "aeiou", finals = "klmnrtx";
  std::set<std::string> seen;
  std::vector<std::string> words;
  while (words.size() < count) {
    std::string word;
    std::size_t syllables = 2 + random.below(3);
    for (std::size_t s = 0; s < syllables; ++s) {
      word += consonants[random.below(consonants.size())];
      word += vowels[random.below(vowels.size())];
    }
    word += finals[random.below(finals.size())];
    if (seen.insert(word).second) words.push_back(word);
  }
  return words;
}

// A question's content, kept apart from its wording so copies can be reworded.
struct Content {
  int form = 0;                    // which question template
  std::vector<std::string> terms;  // the rare words the question is about
  std::string answer;
  std::vector<std::string> tags, urls;
  std::string difficulty;
};

struct Item {
  std::string id, question;
  const Content* content;
};

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : m_random(seed), m_words(make_vocabulary(m_random, 60000)) {
    m_common = std::vector<std::string>(m_words.begin(), m_words.begin() + 300);
  }

  Content content() {
    Content c;
    c.form = static_cast<int>(m_random.below(5));
    for (int i = 0; i < 4; ++i) c.terms.push_back(rare());
    c.answer = answer(c.terms);
    std::set<std::string> tags;
    for (std::size_t i = 0, n = 1 + m_random.below(3); i < n; ++i) tags.insert(m_common[m_random.below(40)]);
    c.tags.assign(tags.begin(), tags.end());
    for (std::size_t i = 0, n = m_random.below(3); i < n; ++i)
      c.urls.push_back("https://docs" + std::to_string(i) + ".example.org/" + rare() + "/" + rare());
    static const char* const levels[] = {"basic", "intermediate", "advanced"};
    c.difficulty = levels[m_random.below(3)];
    return c;
  }

  // The same content with one rare term swapped and a fresh answer: looks alike, is distinct.
  Content lookalike(const Content& original) {
    Content c = original;
    c.terms[m_random.below(2)] = rare();
    c.answer = answer(c.terms);
    return c;
  }

  // The canonical wording of each template.
  static std::string wording(const Content& c) {
    const auto& t = c.terms;
    switch (c.form) {
      case 0: return "What is " + t[0] + " " + t[1] + " in " + t[2] + "?";
      case 1: return "What is the difference between " + t[0] + " " + t[1] + " and " + t[2] + "?";
      case 2: return "How does " + t[0] + " " + t[1] + " work with " + t[2] + "?";
      case 3: return "Why is the " + t[0] + " " + t[1] + " used for " + t[2] + " " + t[3] + "?";
      default: return "Define " + t[0] + " " + t[1] + " and its role in " + t[2] + ".";
    }
  }

  // Same words after case folding and punctuation/space folding.
  std::string exact_variant(std::string text) {
    switch (m_random.below(3)) {
      case 0: text[0] = static_cast<char>(text[0] + 32); text.insert(text.size() - 1, " "); break;
      case 1: text.insert(text.find(' '), " "); break;
      default: for (auto& ch : text) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch); break;
    }
    return text;
  }

  // The same question in other words, as people reword when they copy and paste.
  std::string near_variant(const Content& c) {
    const auto& t = c.terms;
    auto plural = [](const std::string& w) { return w + "s"; };
    switch (c.form * 2 + static_cast<int>(m_random.below(2))) {
      case 0: return "Explain " + t[1] + " " + t[0] + " in " + t[2] + ".";
      case 1: return "What is the " + t[0] + " " + plural(t[1]) + " in " + t[2] + "?";
      case 2: return "How do " + t[0] + " " + t[1] + " and " + t[2] + " differ?";
      case 3: return "What's the difference between " + t[2] + " and " + t[0] + " " + t[1] + "?";
      case 4: return "Explain how " + t[0] + " " + t[1] + " works with " + t[2] + ".";
      case 5: return "How does the " + t[0] + " " + t[1] + " work with a " + t[2] + "?";
      case 6: return "Why are " + t[0] + " " + plural(t[1]) + " used for " + t[2] + " " + t[3] + "?";
      case 7: return "Why is " + t[0] + " " + t[1] + " used for the " + t[2] + " " + t[3] + "?";
      case 8: return "Describe " + t[0] + " " + t[1] + " and its role in " + t[2] + ".";
      default: return "What is " + t[0] + " " + t[1] + " and its role in " + t[2] + "?";
    }
  }

  // A copied answer, sometimes with one sentence edited.
  std::string copied_answer(const std::string& answer) {
    if (m_random.chance(50)) return answer;
    auto end = answer.find(". ");
    if (end == std::string::npos) return answer;
    return "In short, " + sentence({}) + answer.substr(end + 1);
  }

  Random& random() { return m_random; }
  std::string id_word() { return m_words[m_random.below(m_words.size())]; }

 private:
  std::string rare() { return m_words[300 + m_random.below(m_words.size() - 300)]; }
  // Common words follow a rough Zipf curve; a few rare ones make each answer its own.
  std::string common() {
    std::size_t r = m_random.below(300);
    return m_common[r * r / 300];
  }
  std::string sentence(const std::vector<std::string>& terms) {
    std::string s;
    std::size_t n = 9 + m_random.below(6);
    for (std::size_t i = 0; i < n; ++i) {
      std::string w = !terms.empty() && m_random.chance(12) ? terms[m_random.below(terms.size())]
                      : m_random.chance(15)                 ? rare()
                                                            : common();
      if (i == 0) w[0] = static_cast<char>(w[0] - 32);
      s += (i ? " " : "") + w;
      if (i + 1 < n && m_random.chance(8)) s += ",";
    }
    return s + ".";
  }
  std::string answer(const std::vector<std::string>& terms) {
    std::string text;
    for (std::size_t line = 0, lines = 2 + m_random.below(3); line < lines; ++line) {
      for (int s = 0; s < 2; ++s) {
        if (s) text += ' ';
        text += sentence(terms);  // appended in two steps: GCC 12 -O3 warns falsely on "" + string
      }
      text += "\n";
    }
    return text;
  }

  Random m_random;
  std::vector<std::string> m_words, m_common;
};

void write_question(std::ostream& out, const Item& item) {
  const Content& c = *item.content;
  out << "  - id: " << item.id << "\n    question: \"" << item.question << "\"\n    answer: |\n";
  std::size_t start = 0;
  while (start < c.answer.size()) {
    auto end = c.answer.find('\n', start);
    out << "      " << c.answer.substr(start, end - start) << "\n";
    start = end + 1;
  }
  out << "    difficulty: " << c.difficulty << "\n    tags: [";
  for (std::size_t i = 0; i < c.tags.size(); ++i) out << (i ? ", " : "") << c.tags[i];
  out << "]\n";
  if (!c.urls.empty()) {
    out << "    resources:\n";
    for (const auto& url : c.urls) out << "      - " << url << "\n";
  }
}

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out.flush()) {
    std::cerr << "qbank-generate-bank: cannot write " << path << "\n";
    std::exit(2);
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options options = parse(argc, argv);
  Generator gen(options.seed);
  std::size_t originals = options.questions - options.duplicates - options.lookalikes;

  std::vector<Content> contents;
  contents.reserve(options.questions);  // stable addresses for Item::content
  std::vector<Item> items;
  for (std::size_t i = 0; i < originals; ++i) {
    contents.push_back(gen.content());
    items.push_back({gen.id_word() + "-" + std::to_string(i + 1), Generator::wording(contents.back()), &contents.back()});
  }

  // Injected pairs go to random places in the bank; the truth names both ids.
  struct Truth { std::string a, b, kind; };
  std::vector<Truth> truth;
  std::vector<bool> used(originals, false);
  auto pick_original = [&]() {
    for (;;) {
      std::size_t i = gen.random().below(originals);
      if (!used[i]) { used[i] = true; return i; }
    }
  };
  // A block copies k_block consecutive unused originals to one place.
  auto pick_block = [&]() {
    for (;;) {
      std::size_t start = gen.random().below(originals - k_block);
      bool free = true;
      for (std::size_t i = start; i < start + k_block; ++i) free = free && !used[i];
      if (!free) continue;
      for (std::size_t i = start; i < start + k_block; ++i) used[i] = true;
      return start;
    }
  };
  std::vector<std::pair<std::size_t, Item>> injected;  // (position among the originals, item)
  std::size_t block_start = 0, block_position = 0;
  for (std::size_t k = 0; k < options.duplicates + options.lookalikes; ++k) {
    bool in_block = k < options.blocks * k_block;
    if (in_block && k % k_block == 0) {
      block_start = pick_block();
      block_position = gen.random().below(originals + 1);
    }
    std::size_t source = in_block ? block_start + k % k_block : pick_original();
    auto position = [&]() { return in_block ? block_position : gen.random().below(originals + 1); };
    const Content& original = *items[source].content;
    std::string id = gen.id_word() + "-" + std::to_string(originals + k + 1);
    if (k >= options.duplicates) {
      contents.push_back(gen.lookalike(original));
      injected.push_back({position(), {id, Generator::wording(contents.back()), &contents.back()}});
      truth.push_back({items[source].id, id, "distinct"});
    } else if (k % 3 == 0) {
      contents.push_back(original);
      injected.push_back({position(), {id, gen.exact_variant(items[source].question), &contents.back()}});
      truth.push_back({items[source].id, id, "exact"});
    } else {
      contents.push_back(original);
      contents.back().answer = gen.copied_answer(original.answer);
      injected.push_back({position(), {id, gen.near_variant(original), &contents.back()}});
      truth.push_back({items[source].id, id, "near"});
    }
  }
  std::stable_sort(injected.begin(), injected.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<Item> bank;
  bank.reserve(options.questions);
  for (std::size_t i = 0, next = 0; i <= originals; ++i) {
    for (; next < injected.size() && injected[next].first == i; ++next) bank.push_back(injected[next].second);
    if (i < originals) bank.push_back(items[i]);
  }
  items = std::move(bank);

  std::error_code ec;
  std::filesystem::create_directories(options.out, ec);
  if (ec) {
    std::cerr << "qbank-generate-bank: cannot create " << options.out << ": " << ec.message() << "\n";
    return 2;
  }
  write_file(options.out / "bank.yaml",
             "title: Synthetic benchmark bank\ndeck: Synthetic\ndescription: Generated by qbank-generate-bank (seed " +
                 std::to_string(options.seed) + ").\nresources:\n  - url: https://www.example.org/bench\n    title: Benchmark\n");
  std::size_t per_file = (items.size() + options.files - 1) / options.files;
  for (std::size_t f = 0; f < options.files; ++f) {
    std::string number = std::to_string(f + 1);
    std::string name = "section-" + std::string(number.size() < 4 ? 4 - number.size() : 0, '0') + number + ".yaml";
    std::ostringstream out;
    out << "section: Section " << f + 1 << "\nquestions:\n";
    std::size_t begin = std::min(items.size(), f * per_file), end = std::min(items.size(), begin + per_file);
    if (begin == end) out.str("section: Section " + std::to_string(f + 1) + "\nquestions: []\n");
    for (std::size_t i = begin; i < end; ++i) write_question(out, items[i]);
    write_file(options.out / name, out.str());
  }
  if (!options.truth.empty()) {
    std::ostringstream out;
    out << "{\"pairs\": [";
    for (std::size_t i = 0; i < truth.size(); ++i)
      out << (i ? ",\n  " : "\n  ") << "{\"id_a\": \"" << truth[i].a << "\", \"id_b\": \"" << truth[i].b << "\", \"kind\": \""
          << truth[i].kind << "\"}";
    out << "\n]}\n";
    write_file(options.truth, out.str());
  }
  return 0;
}
