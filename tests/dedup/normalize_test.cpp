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

