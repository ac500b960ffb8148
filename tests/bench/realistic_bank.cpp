// qbank-generate-realistic: a large question bank that looks like real ones, for the duplicate
// finder's scale benchmark. Real banks are written from a few templates over a few hundred
// technical terms, so the same words recur everywhere ("gradient" in thousands of questions);
// qbank-generate-bank's made-up words never show what that does to candidate generation.
//
//   qbank-generate-realistic --questions N --files F --out DIR [--duplicates K] [--lookalikes L]
//                            [--blocks B] [--seed S] [--truth FILE]
//
// Questions: one-, two- and three-term templates ("What are the limitations of X?", "How does X
// affect Y in Z?") over ~200 real machine-learning terms, each set of terms asked about once. Answers
// are sentences of ordinary words and terms, unrelated to the question. Injected: K duplicates
// (a third exact up to case and punctuation; the rest reworded as people do: another frame,
// swapped order, a contraction, a follow-up question, British spelling), L look-alikes (the same
// template with one term changed: must not be reported) and B copy-pasted blocks of 5 of the K.
// The truth file has the format of qbank-generate-bank's, so dedup_score.js scores both.
#include <algorithm>
#include <cstdint>
#include <tuple>
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

class Random {  // SplitMix64: the same stream on every platform
 public:
  explicit Random(std::uint64_t seed) : m_state(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

 private:
  std::uint64_t m_state;
};

constexpr std::string_view k_terms[] = {
    "gradient descent", "stochastic gradient descent", "learning rate", "momentum", "batch normalization",
    "layer normalization", "dropout", "weight decay", "L1 regularization", "L2 regularization", "early stopping",
    "cross-validation", "k-fold cross-validation", "the bias-variance tradeoff", "overfitting", "underfitting",
    "feature scaling", "standardization", "min-max scaling", "one-hot encoding", "target encoding",
    "feature selection", "feature engineering", "principal component analysis", "t-SNE", "UMAP",
    "k-means clustering", "hierarchical clustering", "DBSCAN", "Gaussian mixture models", "the EM algorithm",
    "linear regression", "logistic regression", "ridge regression", "lasso regression", "elastic net",
    "decision trees", "random forests", "gradient boosting", "XGBoost", "LightGBM", "AdaBoost", "bagging",
    "stacking", "support vector machines", "the kernel trick", "naive Bayes", "k-nearest neighbors",
    "neural networks", "convolutional neural networks", "recurrent neural networks", "LSTM networks", "GRUs",
    "transformers", "self-attention", "multi-head attention", "positional encoding", "word embeddings",
    "word2vec", "tokenization", "beam search", "perplexity", "BLEU score", "transfer learning", "fine-tuning",
    "data augmentation", "class imbalance", "SMOTE", "oversampling", "undersampling", "the confusion matrix",
    "precision", "recall", "the F1 score", "ROC curves", "AUC", "log loss", "cross-entropy loss",
    "mean squared error", "mean absolute error", "R-squared", "the p-value", "confidence intervals",
    "hypothesis testing", "A/B testing", "statistical power", "Type I errors", "Type II errors",
    "the central limit theorem", "Bayes' theorem", "maximum likelihood estimation", "MAP estimation",
    "Markov chains", "Monte Carlo methods", "bootstrapping", "the curse of dimensionality", "data leakage",
    "target leakage", "missing values", "outliers", "multicollinearity", "heteroscedasticity",
    "time series forecasting", "stationarity", "ARIMA models", "seasonality", "autocorrelation",
    "recommender systems", "collaborative filtering", "matrix factorization", "the cold-start problem",
    "embeddings", "autoencoders", "variational autoencoders", "generative adversarial networks",
    "diffusion models", "reinforcement learning", "Q-learning", "policy gradients", "the exploration-exploitation tradeoff",
    "activation functions", "ReLU", "the sigmoid function", "softmax", "vanishing gradients", "exploding gradients",
    "gradient clipping", "backpropagation", "the Adam optimizer", "RMSprop", "learning rate schedules",
    "hyperparameter tuning", "grid search", "random search", "Bayesian optimization", "model calibration",
    "ensemble learning", "semi-supervised learning", "self-supervised learning", "active learning",
    "online learning", "concept drift", "model monitoring", "feature stores", "model deployment",
    "batch inference", "knowledge distillation", "quantization", "pruning", "contrastive learning",
    "anomaly detection", "isolation forests", "survival analysis", "causal inference", "propensity scores",
    "instrumental variables", "difference-in-differences", "uplift modeling", "feature importance",
    "SHAP values", "partial dependence plots", "model interpretability", "fairness constraints",
    "differential privacy", "federated learning", "graph neural networks", "label smoothing", "mixup",
    "curriculum learning", "the learning curve", "the validation set", "the test set", "sampling bias",
    "selection bias", "simpson's paradox", "correlation", "covariance", "entropy", "information gain",
    "Gini impurity", "kernel density estimation", "the bootstrap confidence interval", "permutation tests"};

// {template, reworded forms}; {0} and {1} are the terms. One-term templates first.
struct Template {
  std::string_view text;
  std::vector<std::string_view> rewordings;
};
const std::vector<Template> k_templates = {
    {"What is {0}?", {"Explain {0}.", "Can you describe {0}?", "What is {0}? Why is it useful?", "What's {0}, and how does it work?"}},
    {"What are the limitations of {0}?", {"What limitations does {0} have?", "Explain the limitations of {0}."}},
    {"How do you tune {0}?", {"How would you tune {0}?", "Describe how you tune {0}."}},
    {"When should you avoid {0}?", {"When should one avoid {0}?", "Explain when you should avoid {0}."}},
    {"What are common mistakes with {0}?", {"Which mistakes are common with {0}?", "Describe common mistakes with {0}."}},
    {"What is the difference between {0} and {1}?", {"How do {0} and {1} differ?", "What's the difference between {1} and {0}?"}},
    {"How does {0} affect {1}?", {"How does {0} affect {1}? Why does it matter?", "Explain how {0} affects {1}."}},
    {"When would you use {0} instead of {1}?", {"When should you use {0} instead of {1}?", "When would one use {0} instead of {1}?"}},
    {"Why is {0} important for {1}?", {"Why is {0} so important for {1}?", "Explain why {0} is important for {1}."}},
    {"How do you combine {0} with {1}?", {"How can you combine {0} with {1}?", "How would you combine {1} with {0}?"}},
    {"What is the role of {0} in {1}?", {"What role does {0} play in {1}?", "Explain the role of {0} in {1}."}},
    {"How is {0} related to {1}?", {"How are {0} and {1} related?", "Explain how {0} is related to {1}."}},
    {"Can {0} replace {1}?", {"Can {1} be replaced by {0}?", "Could {0} replace {1}?"}},
    {"How does {0} affect {1} in {2}?", {"How does {0} affect {1} in {2}? Why does it matter?", "Explain how {0} affects {1} in {2}."}},
    {"When would you use {0} instead of {1} for {2}?", {"When should you use {0} instead of {1} for {2}?", "When would one use {0} instead of {1} for {2}?"}},
    {"How do you combine {0} with {1} in {2}?", {"How can you combine {0} with {1} in {2}?", "How would you combine {1} with {0} in {2}?"}},
    {"What is the role of {0} and {1} in {2}?", {"What role do {0} and {1} play in {2}?", "Explain the role of {1} and {0} in {2}."}},
    {"How do {0} and {1} differ in {2}?", {"What is the difference between {0} and {1} in {2}?", "How do {1} and {0} differ in {2}?"}},
    {"Why does {0} matter for {1} with {2}?", {"Why does {0} matter so much for {1} with {2}?", "Explain why {0} matters for {1} with {2}."}}};
constexpr std::size_t k_one_term_templates = 5, k_two_term_templates = 8;

constexpr std::string_view k_words[] = {
    "the", "model", "data", "it", "is", "a", "of", "to", "and", "in", "that", "when", "with", "each", "on", "can",
    "more", "than", "set", "training", "value", "error", "when", "which", "by", "for", "small", "large", "this",
    "makes", "uses", "between", "features", "samples", "over", "every", "step", "so", "not", "only", "also",
    "often", "usually", "without", "after", "before", "because", "rather", "fewer", "better", "worse", "faster",
    "common", "simple", "useful", "cost", "time", "memory", "space", "weights", "output", "input", "layer",
    "points", "class", "classes", "labels", "loss", "function", "distribution", "mean", "variance", "noise",
    "signal", "test", "validation", "results", "choice", "number", "size", "rate", "methods", "problem"};

std::string fill(std::string_view pattern, const std::string& a, const std::string& b, const std::string& c) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}') {
      out += pattern[i + 1] == '0' ? a : pattern[i + 1] == '1' ? b : c;
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

struct Options {
  std::size_t questions = 0, files = 0, duplicates = 0, lookalikes = 0, blocks = 0;
  std::uint64_t seed = 1;
  std::filesystem::path out, truth;
};

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "qbank-generate-realistic: " << why << "\nusage: qbank-generate-realistic --questions N --files F --out DIR"
            << " [--duplicates K] [--lookalikes L] [--blocks B] [--seed S] [--truth FILE]\n";
  std::exit(2);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view arg = argv[i];
    std::string value = argv[i + 1];
    auto number = [&] { return std::strtoull(value.c_str(), nullptr, 10); };
    if (arg == "--questions") o.questions = number();
    else if (arg == "--files") o.files = number();
    else if (arg == "--duplicates") o.duplicates = number();
    else if (arg == "--lookalikes") o.lookalikes = number();
    else if (arg == "--blocks") o.blocks = number();
    else if (arg == "--seed") o.seed = number();
    else if (arg == "--out") o.out = value;
    else if (arg == "--truth") o.truth = value;
    else usage("unknown option " + std::string(arg));
  }
  if (argc % 2 == 0) usage("every option takes a value");
  if (o.questions == 0 || o.files == 0 || o.out.empty()) usage("--questions, --files and --out are required");
  if (o.duplicates + o.lookalikes > o.questions / 2 || o.blocks * 5 > o.duplicates) usage("too many injected pairs");
  return o;
}

struct Question {
  std::size_t form = 0, a = 0, b = 0, c = 0;  // template and term indices
  std::string id, text, answer;
};

class Bank {
 public:
  explicit Bank(std::uint64_t seed) : m_random(seed) {}
  Random& random() { return m_random; }
  static constexpr std::size_t terms() { return std::size(k_terms); }

  static std::size_t arity(std::size_t form) { return form < k_one_term_templates ? 1 : form < k_one_term_templates + k_two_term_templates ? 2 : 3; }

  // A question about a set of terms no other question is about: two questions on the same terms
  // that differ only in their template word ("How does X affect Y?" / "What is the role of X in
  // Y?") would be near-duplicates by any reasonable measure, and the truth says they are not.
  Question original() {
    for (;;) {
      Question q;
      std::size_t roll = m_random.below(100);
      // One question in 20 asks about one term, one in 4 about two, while such combinations last.
      if (m_one_term_left > 0 && roll < 5) q.form = m_random.below(k_one_term_templates);
      else if (m_two_term_left > 0 && roll < 30) q.form = k_one_term_templates + m_random.below(k_two_term_templates);
      else q.form = k_one_term_templates + k_two_term_templates + m_random.below(k_templates.size() - k_one_term_templates - k_two_term_templates);
      if (!pick_terms(q)) continue;
      m_one_term_left -= arity(q.form) == 1;
      m_two_term_left -= arity(q.form) == 2;
      return q;
    }
  }
  // The same template with one term changed: a look-alike, with an answer of its own.
  Question lookalike(const Question& of) {
    for (;;) {
      Question q = of;
      std::size_t which = m_random.below(arity(q.form));
      (which == 0 ? q.a : which == 1 ? q.b : q.c) = m_random.below(terms());
      if (pick_terms(q, false)) return q;
    }
  }
  std::string exact_copy(const Question& of) {
    std::string text = of.text;
    switch (m_random.below(3)) {
      case 0: for (auto& c : text) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c); break;
      case 1: text.pop_back(); break;
      default: text.insert(text.find(' '), "  "); break;
    }
    return text;
  }
  std::string reworded(const Question& of) {
    const auto& forms = k_templates[of.form].rewordings;
    std::string text = fill(forms[m_random.below(forms.size())], term(of.a), term(of.b), term(of.c));
    // British spelling, as a contributor from the UK writes it.
    for (auto [us, uk] : {std::pair{"ization", "isation"}, std::pair{"optimizer", "optimiser"}, std::pair{"modeling", "modelling"}})
      if (auto at = text.find(us); at != std::string::npos && m_random.below(2)) text.replace(at, std::string_view(us).size(), uk);
    return capitalized(text);
  }
  std::string answer() {
    std::string text;
    for (std::size_t s = 0, sentences = 2 + m_random.below(3); s < sentences; ++s) {
      std::string sentence;
      for (std::size_t w = 0, words = 8 + m_random.below(10); w < words; ++w) {
        std::string word = m_random.below(6) == 0 ? term(m_random.below(terms())) : std::string(k_words[m_random.below(std::size(k_words))]);
        if (w) sentence += ' ';  // two appends: GCC 12 warns falsely on "" + string at -O3
        sentence += word;
      }
      if (s) text += ' ';
      text += capitalized(sentence);
      text += '.';
    }
    return text;
  }

 private:
  static std::string term(std::size_t i) { return std::string(k_terms[i]); }
  // Draws the terms (unless `draw` is false: they are set) and keeps them if their set is new.
  bool pick_terms(Question& q, bool draw = true) {
    std::size_t n = arity(q.form);
    if (draw) {
      q.a = m_random.below(terms());
      q.b = n > 1 ? m_random.below(terms()) : 0;
      q.c = n > 2 ? m_random.below(terms()) : 0;
    }
    std::vector<std::size_t> set{q.a};
    if (n > 1) set.push_back(q.b);
    if (n > 2) set.push_back(q.c);
    std::sort(set.begin(), set.end());
    if (std::adjacent_find(set.begin(), set.end()) != set.end()) return false;
    set.resize(3, terms());  // one key type for every arity
    if (!m_used.insert({set[0], set[1], set[2]}).second) return false;
    q.text = capitalized(fill(k_templates[q.form].text, term(q.a), term(q.b), term(q.c)));
    q.answer = answer();
    return true;
  }
  static std::string capitalized(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 32);
    return s;
  }
  Random m_random;
  // Half of the one-term combinations, so that finding an unused one stays quick.
  std::size_t m_one_term_left = std::size(k_terms) / 2;
  std::size_t m_two_term_left = std::size(k_terms) * std::size(k_terms) / 8;
  std::set<std::tuple<std::size_t, std::size_t, std::size_t>> m_used;
};

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out.flush()) {
    std::cerr << "qbank-generate-realistic: cannot write " << path << "\n";
    std::exit(2);
  }
}

std::string yaml_quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\\\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  Options o = parse(argc, argv);
  Bank gen(o.seed);
  std::size_t originals = o.questions - o.duplicates - o.lookalikes;
  std::vector<Question> bank;
  bank.reserve(o.questions);
  for (std::size_t i = 0; i < originals; ++i) {
    bank.push_back(gen.original());
    bank.back().id = "q-" + std::to_string(i + 1);
  }
  struct Truth { std::string a, b, kind; };
  std::vector<Truth> truth;
  std::vector<std::pair<std::size_t, Question>> injected;  // (position among originals, question)
  std::vector<bool> used(originals, false);
  auto pick = [&]() {
    for (;;)
      if (std::size_t i = gen.random().below(originals); !used[i]) return used[i] = true, i;
  };
  std::size_t block_start = 0, block_at = 0;
  for (std::size_t k = 0; k < o.duplicates + o.lookalikes; ++k) {
    bool in_block = k < o.blocks * 5;
    if (in_block && k % 5 == 0) {
      do block_start = gen.random().below(originals - 5);
      while (used[block_start] || used[block_start + 1] || used[block_start + 2] || used[block_start + 3] || used[block_start + 4]);
      for (std::size_t i = 0; i < 5; ++i) used[block_start + i] = true;
      block_at = gen.random().below(originals + 1);
    }
    std::size_t source = in_block ? block_start + k % 5 : pick();
    Question q = bank[source];
    q.id = "q-" + std::to_string(originals + k + 1);
    std::string kind = "near";
    if (k >= o.duplicates) {
      q = gen.lookalike(bank[source]);
      q.id = "q-" + std::to_string(originals + k + 1);
      kind = "distinct";
    } else if (k % 3 == 0) {
      q.text = gen.exact_copy(bank[source]);
      q.answer = gen.answer();
      kind = "exact";
    } else {
      q.text = gen.reworded(bank[source]);
      q.answer = gen.answer();
    }
    truth.push_back({bank[source].id, q.id, kind});
    injected.push_back({in_block ? block_at : gen.random().below(originals + 1), std::move(q)});
  }
  std::stable_sort(injected.begin(), injected.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<Question> all;
  all.reserve(o.questions);
  for (std::size_t i = 0, next = 0; i <= originals; ++i) {
    for (; next < injected.size() && injected[next].first == i; ++next) all.push_back(std::move(injected[next].second));
    if (i < originals) all.push_back(std::move(bank[i]));
  }

  std::filesystem::create_directories(o.out);
  write_file(o.out / "bank.yaml", "title: Realistic benchmark bank\ndeck: Realistic\n");
  std::size_t per_file = (all.size() + o.files - 1) / o.files;
  for (std::size_t f = 0; f < o.files; ++f) {
    std::ostringstream out;
    out << "section: Section " << f + 1 << "\nquestions:\n";
    std::size_t begin = std::min(all.size(), f * per_file), end = std::min(all.size(), begin + per_file);
    if (begin == end) out << "  []\n";
    for (std::size_t i = begin; i < end; ++i)
      out << "  - id: " << all[i].id << "\n    question: " << yaml_quoted(all[i].text) << "\n    answer: " << yaml_quoted(all[i].answer) << "\n";
    std::string number = std::to_string(f + 1);
    write_file(o.out / ("section-" + std::string(4 - std::min<std::size_t>(4, number.size()), '0') + number + ".yaml"), out.str());
  }
  if (!o.truth.empty()) {
    std::ostringstream out;
    out << "{\"pairs\": [";
    for (std::size_t i = 0; i < truth.size(); ++i)
      out << (i ? ",\n  " : "\n  ") << "{\"id_a\": \"" << truth[i].a << "\", \"id_b\": \"" << truth[i].b << "\", \"kind\": \"" << truth[i].kind << "\"}";
    out << "\n]}\n";
    write_file(o.truth, out.str());
  }
  return 0;
}
