// How the finder reads a question (words.hpp), what the lexicon learns from a bank (lexicon.hpp)
// and the stemmer: each rule with a case that breaks if the rule does.
#include <catch2/catch.hpp>

#include "dedup/lexicon.hpp"
#include "dedup/normalize.hpp"
#include "dedup/stemmer.hpp"
#include "dedup/words.hpp"

using namespace qbank::dedup;

namespace {

// The clauses as text: words joined by spaces, clauses by " | ", acronyms in capitals.
std::string read(std::string_view text) {
  std::string out;
  for (const auto& clause : read_clauses(text)) {
    if (!out.empty()) out += " | ";
    std::string words;
    for (const auto& w : clause) {
      std::string t = w.text;
      if (w.acronym)
        for (char& c : t) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
      words += (words.empty() ? "" : " ") + t;
    }
    out += words;
  }
  return out;
}

std::string terms_of(const Lexicon& lexicon, std::string_view text) {
  std::string out;
  std::vector<Term> terms;
  for (const auto& clause : read_clauses(text)) {
    lexicon.terms(clause, terms);
    for (const auto& t : terms) out += (out.empty() ? "" : " ") + std::string(t.stem);
  }
  return out;
}

}  // namespace

TEST_CASE("contractions are expanded and possessives dropped") {
  CHECK(read("What's an SVM?") == "what is an SVM");
  CHECK(read("Why doesn't it converge?") == "why does not it converge");
  CHECK(read("Why can't we use it?") == "why can not we use it");
  CHECK(read("What is Bayes' theorem?") == "what is bayes theorem");
  CHECK(read("What is the model's bias?") == "what is the model bias");
  CHECK(read("What\xE2\x80\x99s ReLU?") == "what is RELU");  // a typographic apostrophe
}

TEST_CASE("a hyphen or slash joins a single character and separates words") {
  CHECK(read("k-means and t-SNE") == "kmeans and TSNE");  // "tSNE": two capitals, an acronym
  CHECK(read("A/B testing of a p-value") == "AB testing of a pvalue");
  CHECK(read("the bias/variance trade-off") == "the bias variance trade off");
  CHECK(read("41-100") == "41 100");
}

TEST_CASE("British spellings become American, Roman numerals after a word become digits") {
  CHECK(read("optimiser regularisation modelling behaviour centre analyse") ==
        "optimizer regularization modeling behavior center analyze");
  CHECK(read("rise wise our") == "rise wise our");  // too short to be a spelling variant
  CHECK(read("What is a Type I error? Type II?") == "what is a type 1 error | type 2");
  CHECK(read("How do I choose k?") == "how do i choose k");  // "I" after an auxiliary is the pronoun
}

TEST_CASE("the words for good and bad sides read as advantage and disadvantage") {
  CHECK(read("benefits pros strengths of X") == "advantages advantages advantages of x");
  CHECK(read("drawbacks, limitations and cons") == "disadvantages disadvantages and disadvantages");
  CHECK(read("a downside") == "a disadvantage");
}

TEST_CASE("comparing reads as asking the difference, and a bare X vs Y asks it too") {
  CHECK(read("Compare bagging and boosting.") == "difference bagging and boosting");
  CHECK(read("How does X perform compared to Y?") == "how does x perform difference to y");
  CHECK(read("Bagging vs boosting?") == "bagging vs boosting difference");
  CHECK(read("Bagging vs. boosting: which is better?") == "bagging vs boosting difference | which is better");
  // A question that asks something else of the two, or already asks the difference, gets nothing.
  CHECK(read("When would you use bagging vs boosting?") == "when would you use bagging vs boosting");
  CHECK(read("Difference: bagging vs boosting") == "difference | bagging vs boosting difference");
}

TEST_CASE("clauses split at sentence ends and at a second question") {
  CHECK(read("What is dropout? How does it work?") == "what is dropout | how does it work");
  CHECK(read("What is early stopping, and why does it reduce overfitting?") ==
        "what is early stopping | why does it reduce overfitting");
  CHECK(read("What is an autoencoder and what can it be used for?") == "what is an autoencoder | what can it be used for");
  CHECK(read("Compare bagging and boosting.") == "difference bagging and boosting");  // "and" inside one question
  CHECK(read("Is 0.5 a good threshold?") == "is 0 5 a good threshold");         // a decimal point ends nothing
}

TEST_CASE("words with two or more capitals are acronyms, a plural s dropped") {
  auto clauses = read_clauses("CNNs and ReLU vs Adam in PyTorch");
  REQUIRE(clauses.size() == 1);
  CHECK(read("CNNs and ReLU in Adam") == "CNN and RELU in adam");
  CHECK(read("PyTorch and IID") == "pytorch and IID");  // longer than six letters: a name, not an acronym
}

TEST_CASE("stop words, interrogatives and word lists") {
  CHECK(is_stop_word("the"));
  CHECK_FALSE(is_stop_word("not"));
  CHECK(is_interrogative("why"));
  CHECK(is_frame_stem(stem("explained")));
  CHECK(is_follow_up_stem(stem("needed")));
  CHECK(is_generic_stem(stem("models")));
  CHECK_FALSE(is_generic_stem(stem("types")));
  CHECK(is_stop_word("much"));  // "Why does X matter so much?"
  CHECK(is_frame_stem(stem("play")));  // "What role does X play in Y?"
}

TEST_CASE("'one' after an auxiliary is a pronoun, elsewhere a word") {
  auto clauses = read_clauses("When would one use one-hot encoding?");
  REQUIRE(clauses.size() == 1);
  std::vector<bool> stops;
  for (const auto& w : clauses[0]) stops.push_back(w.stop);
  // when would one use one hot encoding
  CHECK(stops == std::vector<bool>{false, true, true, false, false, false, false});
}

TEST_CASE("the Snowball stemmer reduces inflections and derivations to one stem") {
  CHECK(stem("differences") == stem("differ"));
  CHECK(stem("hyperparameters") == stem("hyperparameter"));
  CHECK(stem("trained") == stem("training"));
  CHECK(stem("recall") != stem("precision"));
}

TEST_CASE("acronyms match the initials or first letters of words") {
  using V = std::vector<std::string_view>;
  CHECK(acronym_matches("svm", V{"support", "vector", "machine"}));
  CHECK(acronym_matches("relu", V{"rectified", "linear", "unit"}));
  CHECK(acronym_matches("lstm", V{"long", "short", "term", "memory"}));
  CHECK_FALSE(acronym_matches("svm", V{"support", "machine"}));
  CHECK_FALSE(acronym_matches("pca", V{"principal", "analysis"}));
  CHECK_FALSE(acronym_matches("gan", V{"neural", "network"}));
  CHECK_FALSE(acronym_matches("ab", V{"absolute"}));  // one word is not an expansion
}

TEST_CASE("the lexicon learns compounds the bank writes as one word") {
  Lexicon lexicon;
  lexicon.learn({{"What is the bias-variance tradeoff?", "", true}, {"Why tune hyper-parameters?", "Every hyperparameter matters.", true}});
  CHECK(terms_of(lexicon, "the trade-off") == "the tradeoff");
  CHECK(terms_of(lexicon, "hyper parameters") == stem("hyperparameters"));
  Lexicon none;
  none.learn({{"What is a trade-off?", "", true}});
  CHECK(terms_of(none, "the trade-off") == "the trade off");  // never written as one word: stays two
}

TEST_CASE("an answer teaches from its first 64 KiB only: a pasted document or random text costs no more") {
  std::string filler;
  while (filler.size() < k_answer_read_bytes) filler += "lorem ipsum dolor ";
  Lexicon early, late;
  early.learn({{"What is a trade-off?", "A tradeoff. " + filler, true}});
  late.learn({{"What is a trade-off?", filler + "A tradeoff.", true}});
  CHECK(terms_of(early, "the trade-off") == "the tradeoff");
  CHECK(terms_of(late, "the trade-off") == "the trade off");  // written past the part read
}

TEST_CASE("opening() cuts a long text after a space, never inside a word or a UTF-8 character") {
  CHECK(opening("short text", 64) == "short text");
  CHECK(opening("alpha beta gamma", 12) == "alpha beta ");
  CHECK(opening("line one\nline two", 10) == "line one\n");
  std::string word(100, 'x');
  CHECK(opening(word, 10) == std::string(10, 'x'));  // one long word: cut at a character boundary
  std::string accents;
  for (int i = 0; i < 50; ++i) accents += "\xC3\xA9";  // é, two bytes each, no spaces
  CHECK(opening(accents, 11).size() == 10);
}

TEST_CASE("the lexicon learns an acronym where one question and its answer hold both") {
  Lexicon lexicon;
  lexicon.learn({{"What's an SVM?", "A support vector machine finds the widest margin.", true},
                 {"What is ReLU?", "ReLU, the rectified linear unit, outputs max(0, x).", true},
                 {"What is a GAN?", "Two neural networks, a generator and a discriminator.", true}});
  CHECK(terms_of(lexicon, "What is a support vector machine?") == "what is a svm");
  CHECK(terms_of(lexicon, "rectified linear units") == "relu");
  CHECK(terms_of(lexicon, "generative adversarial network") == "generat adversari network");  // never spelled out together
  CHECK(lexicon.phrase_count() == 2);
}

TEST_CASE("outside the answer sample, an acronym is learned from the answer's opening and around its mentions") {
  // Long answers not in the sample: only their openings and the words near each mention of the
  // question's acronym are read, which is where an expansion is written.
  std::string filler(3000, ' ');
  std::string lstm = "Recurrent networks forget." + filler + "Then came long short-term memory (LSTM) networks." + filler;
  std::string gru = "Gated recurrent units are a lighter variant of the LSTM." + filler;
  std::string cnn = "Filters slide over the input." + filler + "Convolutional neural networks share weights." + filler;
  Lexicon lexicon;
  lexicon.learn({{"What is an LSTM?", lstm, false}, {"What is a GRU?", gru, false}, {"What is a CNN?", cnn, false}});
  CHECK(terms_of(lexicon, "long short-term memory") == "lstm");
  CHECK(terms_of(lexicon, "gated recurrent units") == "gru");
  // Spelled out far into the answer and never next to "CNN": not read.
  CHECK(terms_of(lexicon, "convolutional neural networks") == "convolut neural network");
  CHECK(lexicon.phrase_count() == 2);
}

TEST_CASE("acronyms_in picks out a text's acronyms and nothing else") {
  // Every answer outside the sample passes through here, scanned byte by byte.
  std::string found;
  for (const auto& w : acronyms_in("An SVM, unlike kNN or CNNs, makes Type II errors (XGBoost: too long), as A Hello 'ReLU' said."))
    found += (found.empty() ? "" : " ") + w.text + (w.acronym ? "" : "?");
  CHECK(found == "svm knn cnn relu");
  CHECK(acronyms_in("").empty());
  CHECK(acronyms_in("no capitals at all, and Only one per Word").empty());
}

TEST_CASE("acronyms_written_in finds what a byte-by-byte reading finds, wherever the eight-byte steps fall") {
  // The scan jumps eight bytes at a time to the next capital: words across the steps, capitals in
  // the last few bytes, bytes next to 'A' and 'Z' ('@', '['), and UTF-8 bytes whose low seven bits
  // spell a capital must all read as a plain scan reads them.
  auto by_bytes = [](std::string_view text) {
    std::vector<std::string_view> out;
    std::string core;
    auto word_byte = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    for (std::size_t i = 0; i < text.size();) {
      if (!word_byte(text[i])) { ++i; continue; }
      std::size_t start = i;
      while (i < text.size() && word_byte(text[i])) ++i;
      if (i - start <= 7 && acronym_shape(text.substr(start, i - start), core)) out.push_back(text.substr(start, i - start));
    }
    return out;
  };
  const std::string alphabet[] = {"a", "s", "A", "Z", "V", "@", "[", "`", "{", "0", " ", ",", "-", "\xC1", "\xDA", "\xE2\x80\x99"};
  std::uint64_t seed = 42;
  auto next = [&] { seed = seed * 6364136223846793005ull + 1442695040888963407ull; return seed >> 33; };
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (std::size_t k = 0, n = next() % 40; k < n; ++k) text += alphabet[next() % std::size(alphabet)];
    std::vector<std::string_view> found;
    acronyms_written_in(text, found);
    INFO("text: " << text);
    REQUIRE(found == by_bytes(text));
  }
  std::vector<std::string_view> found;
  acronyms_written_in("abcdef SVMs and a long GRU", found);  // across a step; in the last bytes
  CHECK(found == std::vector<std::string_view>{"SVMs", "GRU"});
}

TEST_CASE("outside the answer sample, an acronym in the answer names the question's words") {
  // The question spells a term out, its answer (not in the sample) abbreviates it: the answer's
  // acronyms alone are picked out, and matched against the question's words.
  Lexicon lexicon;
  lexicon.learn({{"What is a support vector machine?", "An SVM finds the widest margin between two classes.", false},
                 {"What is gradient boosting?", "Trees fit one after another, as in XGB or LightGBM.", false}});
  CHECK(terms_of(lexicon, "support vector machine") == "svm");
  CHECK(terms_of(lexicon, "gradient boosting") == "gradient boost");  // "XGB" does not spell these words
  CHECK(lexicon.phrase_count() == 1);
}

TEST_CASE("the lexicon learns synonyms an answer states") {
  Lexicon lexicon;
  lexicon.learn({{"What is the step size?", "The step size, also called the learning rate, scales the gradient.", true}});
  CHECK(terms_of(lexicon, "learning rate") == terms_of(lexicon, "step size"));
  CHECK(terms_of(lexicon, "learning curve") == "learn curv");
  // Every statement in an answer, each marker found however often it is written, upper case too.
  Lexicon more;
  more.learn({{"What is regularization?",
               "Weight decay, also called L2 penalty, shrinks weights. Dropout, ALSO CALLED dilution, drops units. "
               "Early stopping (also known as patience) watches the validation loss.",
               true}});
  CHECK(terms_of(more, "weight decay") == terms_of(more, "L2 penalty"));
  CHECK(terms_of(more, "dropout") == terms_of(more, "dilution"));
  CHECK(terms_of(more, "early stopping") == terms_of(more, "patience"));
  CHECK(more.phrase_count() == 6);
}

TEST_CASE("the lexicon keeps what it read of each question and sampled answer, word for word") {
  // The profiles weigh these kept words instead of reading the texts again: they must be the words
  // a fresh read gives, clause by clause, each question's own.
  auto as_read = [](std::string_view text) {
    std::string out;
    for (const auto& clause : read_clauses(text)) {
      for (const auto& w : clause) out += w.text + (w.acronym ? "! " : w.stop ? "_ " : " ");
      out += "| ";
    }
    return out;
  };
  auto as_kept = [](std::span<const Word* const> words) {
    std::string out;
    for (const Word* w : words) out += w ? w->text + (w->acronym ? "! " : w->stop ? "_ " : " ") : std::string("| ");
    return out;
  };
  std::vector<Lexicon::Text> texts = {
      {"What is an SVM? When would one use it?", "An SVM (support vector machine) finds the widest margin.", false},
      {"Explain Type II errors vs. Type I errors.", "A false negative, also called a miss.", true},
      {"How do CNNs and RNNs differ?", "CNNs share weights; RNNs share them over time.", false},
      {"What's the bias/variance trade-off?", "", true}};
  // Enough texts for both threads to read some (parallel_chunks shares from 2000); Text holds views.
  std::vector<std::string> more;
  for (int k = 0; k < 2396; ++k) more.push_back("What is k-means clustering number " + std::to_string(k) + "?");
  for (std::size_t k = 0; k < more.size(); ++k) texts.push_back({more[k], k % 2 ? "Centroids of PCA." : "Centroids of t-SNE.", k % 3 == 0});
  Lexicon lexicon;
  Lexicon::Read read;
  lexicon.learn(texts, &read);
  for (std::size_t i : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{1300}, std::size_t{2399}}) {
    INFO("text " << i);
    CHECK(as_kept(read.question(i)) == as_read(texts[i].question));
    if (texts[i].answer_in_sample) CHECK(as_kept(read.answer(i)) == as_read(texts[i].answer));
    else CHECK(read.answer(i).empty());
  }
  CHECK(as_kept(read.question(0)) == "what_ is_ an_ svm! | when would_ one_ use it_ | ");  // "one" a pronoun
  CHECK(as_kept(read.question(1)) == "explain_ type 2 errors vs_ type 1 errors difference | ");
}
