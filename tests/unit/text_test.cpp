#include <catch2/catch.hpp>

#include "core/text.hpp"

using namespace qbank::text;

TEST_CASE("invalid UTF-8 is found at its first byte") {
  CHECK_FALSE(find_invalid_utf8("plain ascii"));
  CHECK_FALSE(find_invalid_utf8("caf\xC3\xA9 \xE2\x86\xB3"));
  CHECK(find_invalid_utf8("ab\xFF") == 2u);
  CHECK(find_invalid_utf8("ab\xC3") == 2u);              // truncated sequence
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0u);        // UTF-16 surrogate
  CHECK(find_invalid_utf8("x\xC0\xAF") == 1u);           // overlong '/'
}

TEST_CASE("line and column count code points and treat CRLF as one line end") {
  CHECK(line_column_at("ab\ncd", 4).line == 2);
  CHECK(line_column_at("ab\ncd", 4).column == 2);
  CHECK(line_column_at("a\r\nb", 3).line == 2);
  CHECK(line_column_at("\xC3\xA9x", 2).column == 2);
}

TEST_CASE("NFKC and case folding") {
  CHECK(fold_case_nfkc("ＡＵＣ") == "auc");       // full-width letters
  CHECK(fold_case_nfkc("Straße") == "strasse");
  CHECK(fold_case_nfkc("ﬁne") == "fine");         // ligature
}

TEST_CASE("blank text") {
  CHECK(is_blank(""));
  CHECK(is_blank(" \t\n\xC2\xA0\xE2\x80\x8B"));   // NBSP and zero-width space
  CHECK_FALSE(is_blank(" x "));
}
