// Normalisation: what counts as "the same question" for duplicate-question, and the words
// near-duplicate-question weighs.
#include <catch2/catch.hpp>

#include "dedup/normalize.hpp"

using namespace qbank::dedup;

TEST_CASE("exact_key folds case, punctuation and white space") {
  CHECK(exact_key("What is AUC - ROC?") == "what is auc roc");
  CHECK(exact_key("What is AUC-ROC?") == "what is auc roc");
  CHECK(exact_key("What is Random Forest?") == exact_key("What is random forest?"));
  CHECK(exact_key("  What  is\tthe **bias**-variance trade-off?\n") == "what is the bias variance trade off");
  CHECK(exact_key("What's `PCA`?") == "what s pca");
  CHECK(exact_key("...") == "");
}

TEST_CASE("exact_key keeps the words that differ") {
  CHECK(exact_key("What is silhouette score?") != exact_key("What is the silhouette score?"));
  CHECK(exact_key("L1 regularization") != exact_key("L2 regularization"));
  CHECK(exact_key("tradeoff") != exact_key("trade-off"));  // a word joined is another word
}

TEST_CASE("exact_key applies NFKC and Unicode case folding") {
  CHECK(exact_key("\xEF\xBC\xA1\xEF\xBC\xB5\xEF\xBC\xA3") == "auc");             // fullwidth ＡＵＣ
  CHECK(exact_key("Stra\xC3\x9F" "e") == exact_key("STRASSE"));                   // ß folds to ss
  CHECK(exact_key("\xEF\xAC\x81tting") == "fitting");                              // ﬁ ligature
  CHECK(exact_key("Caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAFve") == "caf\xC3\xA9 na\xC3\xAFve");  // em dash folds, letters stay
  CHECK(exact_key("41\xE2\x80\x93" "100") == "41 100");                           // en dash is punctuation
}

TEST_CASE("stem reduces inflections to one form") {
  CHECK(stem("difference") == "differ");
  CHECK(stem("differences") == "differ");
  CHECK(stem("differ") == "differ");
  CHECK(stem("works") == stem("work"));
  CHECK(stem("learning") == stem("learned"));
  CHECK(stem("probabilities") == "probability");
  CHECK(stem("loss") == "loss");
  CHECK(stem("analysis") == "analysis");
  CHECK(stem("boxes") == "box");
}

TEST_CASE("words drops question stems and articles but keeps what is asked") {
  using V = std::vector<std::string>;
  CHECK(words("What is the silhouette score?") == V{"silhouette", "score"});
  CHECK(words("Explain silhouette score.") == V{"silhouette", "score"});
  CHECK(words("Define a silhouette score") == V{"silhouette", "score"});
  CHECK(words("What is the difference between L1 and L2?") == V{"differ", "l1", "l2"});
  CHECK(words("How do L1 and L2 differ?") == V{"how", "l1", "l2", "differ"});
  CHECK(words("Why is dropout used?") == V{"why", "dropout", "used"});
}

TEST_CASE("word_hashes matches words") {
  std::vector<std::uint64_t> hashes;
  word_hashes("The differences between bagging and boosting", hashes);
  std::vector<std::uint64_t> expected;
  for (const auto& w : words("The differences between bagging and boosting")) expected.push_back(hash_word(w));
  CHECK(hashes == expected);
}
