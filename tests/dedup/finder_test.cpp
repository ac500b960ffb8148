// The finder: exact and near pairs, look-alikes that must not pair, answers as evidence,
// acknowledgement, repeated runs and --against. Look-alikes are tested inside the real bank so
// word weights are realistic.
#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>

#include <catch2/catch.hpp>

#include "bank_builder.hpp"
#include "dedup/finder.hpp"
#include "dedup/normalize.hpp"
#include "dedup/report.hpp"

using namespace qbank;
using namespace qbank::dedup;
using qbank::test::Q;

namespace {

struct Found {
  std::string a, b;
  bool exact;
  double score;
};

std::vector<Found> all_pairs(const Findings& f) {
  std::vector<Found> out;
  for (const auto& p : f.pairs) out.push_back({f.entries[p.a].question->id, f.entries[p.b].question->id, p.exact, p.score});
  for (const auto& run : f.runs)
    for (const auto& p : run.pairs) out.push_back({f.entries[p.a].question->id, f.entries[p.b].question->id, p.exact, p.score});
  return out;
}

std::optional<Found> pair_of(const Findings& f, const std::string& a, const std::string& b) {
  for (const auto& p : all_pairs(f))
    if ((p.a == a && p.b == b) || (p.a == b && p.b == a)) return p;
  return std::nullopt;
}

// The real bank plus one extra section; the findings of the whole (they point into the bank,
// so it lives as long as the test).
Findings with_real(const std::vector<Q>& extra, Settings settings = {}) {
  static std::vector<std::unique_ptr<bank::Bank>> banks;
  banks.push_back(std::make_unique<bank::Bank>(test::real_bank()));
  test::add_section(*banks.back(), "extra.yaml", extra);
  return find_duplicates(*banks.back(), settings);
}

}  // namespace

TEST_CASE("the real bank has no duplicates at the default threshold, with a wide margin") {
  bank::Bank bank = test::real_bank();
  REQUIRE(bank.question_count() == 100);
  CHECK(all_pairs(find_duplicates(bank, {})).empty());
  // Its closest look-alikes (precision and recall / precision-recall trade-offs, cross-validation /
  // cross-validation types) stay below 0.67.
  CHECK(all_pairs(find_duplicates(bank, {0.67, 3})).empty());
  CHECK_FALSE(all_pairs(find_duplicates(bank, {0.6, 3})).empty());  // and the check above can fail
}

TEST_CASE("exact duplicates differ only in case, punctuation and spacing") {
  auto f = with_real({{"auc-copy", "What is  auc-roc ?", ""}, {"forest-copy", "WHAT ARE DECISION TREES?", "x"}});
  auto auc = pair_of(f, "auc-roc", "auc-copy");
  REQUIRE(auc);
  CHECK(auc->exact);
  CHECK(auc->score == 1.0);
  auto trees = pair_of(f, "decision-trees", "forest-copy");
  REQUIRE(trees);
  CHECK(trees->exact);
}

TEST_CASE("rewordings are near-duplicates") {
  const std::string answer = "A metric measuring how similar an object is to its own cluster versus other clusters, "
                             "ranging from -1 to 1; higher is better.";
  auto f = with_real({
      {"silhouette-explain", "Explain silhouette score.", answer},                       // stem + article
      {"pca-reversed", "Explain principal component analysis (PCA).", ""},               // acronym order
      {"pca-spelled", "What is principal component analysis?", ""},                      // acronym spelled out
      {"l1-l2-differ", "How do L2 and L1 regularization differ?",                        // order + inflection
       "L1 (Lasso) can shrink coefficients to zero (feature selection); L2 (Ridge) shrinks coefficients "
       "uniformly but keeps all features."},
  });
  for (auto [a, b] : std::vector<std::pair<std::string, std::string>>{{"silhouette-score", "silhouette-explain"},
                                                                       {"pca", "pca-reversed"},
                                                                       {"pca", "pca-spelled"},
                                                                       {"l1-vs-l2-regularization", "l1-l2-differ"}}) {
    INFO(a << " / " << b);
    auto p = pair_of(f, a, b);
    REQUIRE(p);
    CHECK_FALSE(p->exact);
    CHECK(p->score >= 0.7);
  }
  // "pca-reversed" and "pca-spelled" have the same subject words as "pca": each pairs with the
  // first of them, not with each other too.
  CHECK_FALSE(pair_of(f, "pca-reversed", "pca-spelled"));
  CHECK(all_pairs(f).size() == 4);
}

TEST_CASE("look-alikes that differ in the word that matters are not pairs") {
  auto f = with_real({
      {"what-is-precision", "What is precision?", "The share of predicted positives that are truly positive: TP / (TP + FP)."},
      {"what-is-recall", "What is recall?", "The share of actual positives the model finds: TP / (TP + FN)."},
      {"l1-reg", "What is L1 regularization?", "A penalty on the absolute values of the weights (Lasso); it drives some to zero."},
      {"l2-reg", "What is L2 regularization?", "A penalty on the squared weights (Ridge); it shrinks all of them smoothly."},
      {"bag-boost", "Difference between bagging and boosting?",
       "Bagging trains models in parallel on bootstrap samples; boosting trains them in sequence on the errors."},
      {"bag-paste", "Difference between bagging and pasting?",
       "Both train models on random subsets; bagging samples with replacement, pasting without."},
  });
  for (auto [a, b] : std::vector<std::pair<std::string, std::string>>{{"what-is-precision", "what-is-recall"},
                                                                       {"l1-reg", "l2-reg"},
                                                                       {"bag-boost", "bag-paste"},
                                                                       {"bagging-vs-boosting", "bag-paste"},
                                                                       {"precision-and-recall", "what-is-precision"}}) {
    INFO(a << " / " << b);
    CHECK_FALSE(pair_of(f, a, b));
  }
  // The only pair: the copy of the bank's own "Difference between bagging and boosting?".
  auto pairs = all_pairs(f);
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0].a == "bagging-vs-boosting");
  CHECK(pairs[0].b == "bag-boost");
}

TEST_CASE("in a bank where every word is common, rewordings still meet and replaced words stay apart") {
  // 600 questions over a few terms: the prefix index leaves such common words out, so the pairs
  // come from the subject-word keys (interrogatives left out: "How do X and Y differ?" and "What
  // is the difference between X and Y?" have one subject).
  const std::vector<std::string> terms = {"dropout", "batch normalization", "data leakage", "target leakage",
                                          "weight decay", "early stopping", "label smoothing", "gradient clipping"};
  std::vector<Q> questions;
  for (std::size_t i = 0; i < terms.size(); ++i)
    for (std::size_t j = 0; j < terms.size(); ++j)
      for (std::size_t k = 0; k < terms.size(); ++k)
        if (i != j && j != k && i != k && questions.size() < 300)
          questions.push_back({"t" + std::to_string(questions.size()),
                               "How is " + terms[i] + " related to " + terms[j] + " in " + terms[k] + "?", ""});
  questions.push_back({"differ-how", "How do label smoothing and weight decay differ in dropout?", ""});
  questions.push_back({"differ-what", "What is the difference between label smoothing and weight decay in dropout?", ""});
  questions.push_back({"role-1", "What is the role of early stopping and gradient clipping in dropout?", ""});
  questions.push_back({"role-2", "What role do early stopping and gradient clipping play in dropout?", ""});
  questions.push_back({"one-1", "When would you use early stopping instead of dropout for data leakage?", ""});
  questions.push_back({"one-2", "When would one use early stopping instead of dropout for data leakage?", ""});
  bank::Bank bank;
  test::add_section(bank, "a.yaml", questions);
  Findings f = find_duplicates(bank, {});
  CHECK(pair_of(f, "differ-how", "differ-what"));
  CHECK(pair_of(f, "role-1", "role-2"));
  CHECK(pair_of(f, "one-1", "one-2"));
  // "data leakage" and "target leakage" in otherwise equal questions: a replaced word.
  auto index = [&](const std::string& a, const std::string& b, const std::string& c) {
    for (const auto& q : questions)
      if (q.question == "How is " + a + " related to " + b + " in " + c + "?") return q.id;
    return std::string();
  };
  std::string with_data = index("data leakage", "dropout", "weight decay");
  std::string with_target = index("target leakage", "dropout", "weight decay");
  REQUIRE_FALSE(with_data.empty());
  REQUIRE_FALSE(with_target.empty());
  CHECK_FALSE(pair_of(f, with_data, with_target));
}

TEST_CASE("a whole added phrase is a new subject, a word added inside a shared phrase is not") {
  auto f = with_real({
      {"role", "What is the role of embeddings in collaborative filtering?", ""},
      {"role-and", "What is the role of embeddings and collaborative filtering in recommender systems?", ""},
      {"combine", "How do you combine DBSCAN with batch inference?", ""},
      {"combine-in", "How do you combine DBSCAN with the EM algorithm in batch inference?", ""},
  });
  CHECK_FALSE(pair_of(f, "role", "role-and"));
  CHECK_FALSE(pair_of(f, "combine", "combine-in"));
  // The same added word, as a modifier and as a phrase of its own: the phrase costs more.
  Settings low;
  low.threshold = 0.3;
  const Q base{"base", "How does label smoothing interact with weight decay?", ""};
  auto modifier = pair_of(with_real({base, {"modifier", "How does label smoothing interact with transformer weight decay?", ""}}, low),
                          "base", "modifier");
  auto phrase = pair_of(with_real({base, {"phrase", "How does label smoothing interact with weight decay in transformers?", ""}}, low),
                        "base", "phrase");
  REQUIRE(modifier);
  REQUIRE(phrase);
  CHECK(modifier->score >= k_default_threshold);
  CHECK(phrase->score < modifier->score - 0.05);
}

TEST_CASE("'in machine learning' in a machine learning bank places a question and asks nothing") {
  // The real bank is titled "Machine Learning Interview Questions", its deck "ML Interview Questions".
  auto f = with_real({{"epoch", "What is an epoch?", ""},
                      {"epoch-in-ml", "What does epoch mean in machine learning?", ""},
                      {"bias", "What is inductive bias?", ""},
                      {"bias-in-ml", "What is inductive bias in ML?", ""},
                      {"ensemble", "What is ensemble learning?", ""},
                      {"stacking", "What is stacking in ensemble learning?", ""}});
  CHECK(pair_of(f, "epoch", "epoch-in-ml"));
  CHECK(pair_of(f, "bias", "bias-in-ml"));
  // Not the field: a scope of its own.
  CHECK_FALSE(pair_of(f, "stacking", "ensemble"));

  // In a bank about something else, "in machine learning" is a subject like any other.
  bank::Bank statistics;
  statistics.info.title = "Statistics questions";
  test::add_section(statistics, "a.yaml",
                    {{"epoch", "What is an epoch?", ""}, {"epoch-in-ml", "What is an epoch in machine learning?", ""},
                     {"mean", "What is the mean?", ""}, {"median", "What is the median?", ""}});
  CHECK_FALSE(pair_of(find_duplicates(statistics, {}), "epoch", "epoch-in-ml"));
}

TEST_CASE("look-alikes stay apart without answers too, on the rare word alone") {
  auto f = with_real({{"p", "What is precision?", ""}, {"r", "What is recall?", ""}, {"l1", "What is L1 regularization?", ""},
                      {"l2", "What is L2 regularization?", ""}, {"bb", "Why use bagging over boosting?", ""},
                      {"bp", "Why use bagging over pasting?", ""}});
  CHECK(all_pairs(f).empty());
}

TEST_CASE("a question is read up to its first 4 KiB: what differs after that is not weighed") {
  std::string pasted, tail_a, tail_b;
  for (int i = 0; pasted.size() < k_question_read_bytes; ++i) pasted += "gradient descent step " + std::to_string(i) + " ";
  // Past the part read, as many words again, all different: read whole, the two would not pair.
  for (int i = 0; tail_a.size() < k_question_read_bytes; ++i) {
    tail_a += "dropout layer " + std::to_string(i) + "a ";
    tail_b += "batch normalization " + std::to_string(i) + "b ";
  }
  auto f = with_real({{"long-a", "What is this? " + pasted + tail_a, ""}, {"long-b", "What is this? " + pasted + tail_b, ""}});
  auto pair = pair_of(f, "long-a", "long-b");
  REQUIRE(pair);
  CHECK_FALSE(pair->exact);  // exact copies still compare the whole text
}

TEST_CASE("an answer never sinks a matching question") {
  // The same question as the bank's "Difference between bagging and boosting?", with an answer of
  // its own: the most common duplicate there is.
  bank::Bank bank = test::real_bank();
  test::add_section(bank, "extra.yaml",
                    {{"other-answer", "How do bagging and boosting differ?",
                      "Customer lifetime value forecasting with gradient descent on quarterly revenue cohorts."}});
  Findings f = find_duplicates(bank, {});
  auto p = pair_of(f, "bagging-vs-boosting", "other-answer");
  REQUIRE(p);
  CHECK(p->score >= 0.9);
}

TEST_CASE("a copied answer raises a borderline pair, and only a copied one") {
  const std::string answer = "Bagging trains models independently on bootstrap samples and averages them to reduce "
                             "variance; boosting trains them in sequence on the errors so far to reduce bias.";
  // The score of the pair, or nothing when it is not reported.
  auto with = [&](const std::string& copy_answer) -> std::optional<double> {
    bank::Bank bank;
    test::add_section(bank, "a.yaml",
                      {{"bag-boost", "What is the difference between bagging and boosting ensembles?", answer},
                       {"entropy", "What is entropy?", "Expected surprise."}});
    test::add_section(bank, "b.yaml",
                      {{"bag-boost-trees", "Bagging versus boosting: how do they differ?", copy_answer},
                       {"gini", "What is Gini impurity?", "Chance of mislabelling."}});
    auto p = pair_of(find_duplicates(bank, {}), "bag-boost", "bag-boost-trees");
    return p ? std::optional<double>(p->score) : std::nullopt;
  };
  auto copied = with(answer);
  REQUIRE(copied);
  CHECK(*copied >= 0.8);
  // The same two questions with an answer written separately: the questions alone stay apart.
  CHECK_FALSE(with("Bagging averages independent models; boosting fits each new one to the errors of the last."));
}

TEST_CASE("distinct-from acknowledges a pair on either side") {
  bank::Bank bank;
  test::add_section(bank, "a.yaml",
                    {{"one", "What is the silhouette score?", "", {"two"}},
                     {"two", "What is silhouette score?", ""},
                     {"three", "What is a silhouette score?", ""},
                     {"four", "What is the silhouette score?", ""},
                     {"five", "what is the silhouette score", "", {}}});
  bank.sections[0].questions[4].distinct_from = {"one"};
  Findings f = find_duplicates(bank, {});
  CHECK_FALSE(pair_of(f, "one", "two"));    // acknowledged by one
  CHECK_FALSE(pair_of(f, "one", "five"));   // acknowledged by five
  CHECK(pair_of(f, "one", "three"));        // not acknowledged
  CHECK(pair_of(f, "one", "four")->exact);  // exact pairs too
}

TEST_CASE("a block of repeated questions is one run, not pairs") {
  std::vector<Q> first{{"a1", "What is entropy?", ""}, {"a2", "What is information gain?", ""},
                       {"a3", "What is pruning in decision trees?", ""}, {"a4", "What is a random forest?", ""},
                       {"a5", "Explain XGBoost.", ""}};
  std::vector<Q> second{{"b0", "What is a ROC curve?", ""}, {"b1", "What is entropy?", ""}, {"b2", "What is the information gain?", ""},
                        {"b3", "What is pruning in decision trees?", ""}, {"b4", "What is random forest?", ""},
                        {"b5", "What is gradient boosting?", ""}};
  bank::Bank bank;
  test::add_section(bank, "01.yaml", first);
  test::add_section(bank, "02.yaml", second);
  Findings f = find_duplicates(bank, {});
  REQUIRE(f.runs.size() == 1);
  CHECK(f.pairs.empty());
  const Run& run = f.runs[0];
  REQUIRE(run.pairs.size() == 4);
  CHECK(f.entries[run.pairs.front().a].question->id == "a1");
  CHECK(f.entries[run.pairs.front().b].question->id == "b1");
  CHECK(f.entries[run.pairs.back().b].question->id == "b4");
  CHECK_FALSE(run.pairs[1].exact);  // "the information gain": reworded

  Diagnostic d = run_diagnostic(f, run);
  CHECK(d.rule == "repeated-section");
  CHECK(d.where == SourceLocation{"02.yaml", 8, 5});
  CHECK(d.message == "lines 8-27 of 02.yaml repeat lines 3-22 of 01.yaml: 4 questions (2 exact, 2 reworded), 'b1' .. 'b4'");

  // Shorter than min-run: the pairs are reported one by one.
  Findings strict = find_duplicates(bank, {0.8, 5});
  CHECK(strict.runs.empty());
  CHECK(strict.pairs.size() == 4);
}

TEST_CASE("a block copied across sections is one run, which ends where a section does not follow") {
  std::vector<Q> basics{{"a1", "What is entropy?", ""}, {"a2", "What is information gain?", ""},
                        {"a3", "What is pruning in decision trees?", ""}};
  std::vector<Q> advanced{{"a4", "What is a random forest?", ""}, {"a5", "Explain XGBoost.", ""}};
  std::vector<Q> other{{"c1", "What is a ROC curve?", ""}};
  std::vector<Q> basics_copy{{"b1", "What is entropy?", ""}, {"b2", "What is the information gain?", ""},
                             {"b3", "What is pruning in decision trees?", ""}};
  std::vector<Q> advanced_copy{{"b4", "What is random forest?", ""}, {"b5", "Explain XGBoost.", ""}};
  bank::Bank bank;
  test::add_section(bank, "01.yaml", basics);
  test::add_section(bank, "02.yaml", advanced);
  test::add_section(bank, "03.yaml", other);
  test::add_section(bank, "04.yaml", basics_copy);
  test::add_section(bank, "05.yaml", advanced_copy);
  Findings f = find_duplicates(bank, {});
  REQUIRE(f.runs.size() == 1);
  CHECK(f.pairs.empty());
  CHECK(f.runs[0].pairs.size() == 5);
  CHECK(run_diagnostic(f, f.runs[0]).message ==
        "lines 3-17 of 04.yaml and 3-12 of 05.yaml repeat lines 3-17 of 01.yaml and 3-12 of 02.yaml: 5 questions (3 exact, 2 "
        "reworded), 'b1' .. 'b5'");

  // With a section between the copies of 01 and 02, they are two runs (min-run 2).
  bank::Bank apart;
  test::add_section(apart, "01.yaml", basics);
  test::add_section(apart, "02.yaml", advanced);
  test::add_section(apart, "04.yaml", basics_copy);
  test::add_section(apart, "03.yaml", other);
  test::add_section(apart, "05.yaml", advanced_copy);
  Findings g = find_duplicates(apart, {k_default_threshold, 2});
  CHECK(g.runs.size() == 2);
}

TEST_CASE("dedup --against reports only pairs with new or changed questions") {
  bank::Bank reference;
  test::add_section(reference, "01.yaml", {{"x", "What is entropy?", "e"}, {"x-again", "Explain entropy.", "e"}});
  bank::Bank proposed = reference;  // the pull request keeps the old pair and adds one question
  test::add_section(proposed, "02.yaml", {{"new", "What is the entropy?", "e"}});
  Findings f = find_duplicates(proposed, {}, &reference);
  CHECK_FALSE(pair_of(f, "x", "x-again"));  // old pair, already on main
  CHECK(pair_of(f, "x", "new"));
  CHECK(all_pairs(f).size() == 1);  // "x-again" asks the same as "x": one finding is enough

  // New content alone, compared with the bank it will join.
  bank::Bank only_new;
  test::add_section(only_new, "02.yaml", {{"new", "What is the entropy?", "e"}});
  Findings g = find_duplicates(only_new, {}, &reference);
  auto p = pair_of(g, "x", "new");
  REQUIRE(p);
  CHECK(g.entries[g.pairs.front().a].question->where.file == "01.yaml");
}

TEST_CASE("pair diagnostics say what differs and how to acknowledge") {
  bank::Bank bank;
  test::add_section(bank, "a.yaml", {{"s1", "What is silhouette score?", ""}, {"s2", "What is the silhouette score?", ""}});
  Findings f = find_duplicates(bank, {});
  REQUIRE(f.pairs.size() == 1);
  Diagnostic d = pair_diagnostic(f, f.pairs[0]);
  CHECK(d.rule == "near-duplicate-question");
  CHECK(d.where == SourceLocation{"a.yaml", 9, 15});
  CHECK(d.message ==
        "question 's2' looks like a rewording of 's1' (a.yaml:3): score 1.00 (question 1.00, no answer to compare); "
        "differs: only in wording (the same subject words)");
  CHECK(d.hint == "merge them if they ask the same thing; if not, add 'distinct-from: [s1]' to question 's2'");
  REQUIRE(d.related.size() == 1);
  CHECK(d.related[0].where == SourceLocation{"a.yaml", 4, 15});

  auto json = pair_to_json(f, f.pairs[0]);
  CHECK(json.dump() ==
        R"({"a":{"id":"s1","file":"a.yaml","line":3},"b":{"id":"s2","file":"a.yaml","line":8},"score":1.0,"kind":"near",)"
        R"("question_score":1.0,"answer_score":null,"same_answer":false,"only_in_a":[],"only_in_b":[],"follow_up_in_a":[],)"
        R"("follow_up_in_b":[]})");
}

TEST_CASE("degenerate banks stay linear: thousands of copies and of one template") {
  std::vector<Q> copies, template_questions;
  for (int i = 0; i < 3000; ++i) {
    copies.push_back({"copy-" + std::to_string(i), "What is the bias-variance tradeoff?", "The same answer."});
    template_questions.push_back({"item-" + std::to_string(i), "What is item " + std::to_string(i) + " of the list?", ""});
  }
  bank::Bank bank;
  test::add_section(bank, "copies.yaml", copies);
  test::add_section(bank, "template.yaml", template_questions);
  Findings f = find_duplicates(bank, {});
  // Every copy pairs with the first one (not with each other); one exact pair per copy.
  std::size_t exact = 0;
  for (const auto& p : all_pairs(f)) {
    CHECK(p.a == "copy-0");
    exact += p.exact;
  }
  CHECK(exact == 2999);
  CHECK(all_pairs(f).size() == 2999);  // "item 7" and "item 8" differ in the word that matters
}

TEST_CASE("the explanation names the subject words and follow-ups that differ, never the frame") {
  Findings f = with_real({{"gd", "What is gradient descent?", ""},
                          {"sgd", "Can you explain stochastic gradient descent?", ""},
                          {"smote", "What is SMOTE?", ""},
                          {"smote-how", "Explain SMOTE. How does it create new samples?", ""}},
                         {0.3, 3});
  // The real bank asks "What is gradient descent?" too: whichever question "sgd" pairs with.
  auto find = [&](const std::string& b) -> const Pair* {
    for (const auto& p : f.pairs)
      if (f.entries[p.b].question->id == b) return &p;
    return nullptr;
  };
  const Pair* sgd = find("sgd");
  const Pair* smote = find("smote-how");
  REQUIRE(sgd);
  REQUIRE(smote);
  CHECK_THAT(pair_diagnostic(f, *sgd).message, Catch::EndsWith("differs: 'stochastic' only here"));
  CHECK_THAT(pair_diagnostic(f, *smote).message, Catch::EndsWith("differs: a follow-up here ('create' 'new' 'samples')"));
  // The subject word costs its full weight, the follow-up a tenth of it.
  CHECK(sgd->score < 0.7);
  CHECK(smote->score >= 0.7);
}

TEST_CASE("progress is reported as the questions are read, reaching the number of questions once") {
  // Enough questions for both threads; each is read twice and counted half each time.
  std::vector<Q> questions;
  const char* topics[] = {"gradient descent", "dropout", "batch normalization", "ridge regression", "k-means"};
  for (int i = 0; i < 5000; ++i)
    questions.push_back({"q" + std::to_string(i), std::string("How does ") + topics[i % 5] + " behave in setting " + std::to_string(i) + "?",
                         "It depends on the data."});
  bank::Bank bank;
  test::add_section(bank, "many.yaml", questions);
  std::mutex mutex;
  std::vector<std::pair<std::size_t, std::size_t>> reports;
  Settings settings;
  settings.progress = [&](std::size_t done, std::size_t total) {
    std::lock_guard lock(mutex);
    reports.emplace_back(done, total);
  };
  find_duplicates(bank, settings);
  REQUIRE(reports.size() >= 4);  // at least two reports per pass
  std::size_t at_total = 0, largest = 0;
  for (auto [done, total] : reports) {
    CHECK(total == 5000);
    CHECK(done <= total);
    at_total += done == total;
    largest = std::max(largest, done);
  }
  CHECK(largest == 5000);
  CHECK(at_total == 1);  // every question counted, none twice
}
