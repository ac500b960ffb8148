// CSV parsed back with a strict RFC 4180 reader: quoted fields, doubled quotes, CRLF after
// every record, nothing else. Checks the header, the values, --bom, and formula neutralisation.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "export_helpers.hpp"
#include "support/temp_dir.hpp"

using namespace qbank::test;

namespace {
using Records = std::vector<std::vector<std::string>>;

void expect(bool ok) {
  if (!ok) throw std::runtime_error("not RFC 4180");
}

// RFC 4180, strictly: a field is quoted ("" for a quote inside) or unquoted without quotes,
// CR or LF; fields end at ',' and records at CRLF, including the last one.
Records parse_csv(const std::string& text) {
  Records records;
  std::vector<std::string> record;
  std::size_t i = 0;
  while (i < text.size()) {
    std::string field;
    if (text[i] == '"') {
      for (++i;; ++i) {
        expect(i < text.size());  // unterminated quote
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            ++i;
            continue;
          }
          ++i;
          break;
        }
        field += text[i];
      }
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\r') {
        expect(text[i] != '"');
        expect(text[i] != '\n');
        field += text[i++];
      }
    }
    record.push_back(field);
    expect(i < text.size());  // every record ends with CRLF
    if (text[i] == ',') {
      ++i;
      continue;
    }
    expect(text.compare(i, 2, "\r\n") == 0);
    i += 2;
    records.push_back(std::move(record));
    record.clear();
  }
  return records;
}

const std::vector<std::string>& row_of(const Records& records, const std::string& id) {
  for (const auto& record : records)
    if (record[0] == id) return record;
  FAIL("no row " << id);
  return records.front();
}
}  // namespace

TEST_CASE("csv: the strict reader rejects what RFC 4180 does not allow") {
  CHECK_THROWS(parse_csv("a,b\n"));         // LF record end
  CHECK_THROWS(parse_csv("a,\"b\r\n"));     // unterminated quote
  CHECK_THROWS(parse_csv("a,b\"c\r\n"));    // quote in an unquoted field
  CHECK(parse_csv("\"a\"\"b\",\"x\ny\"\r\n") == Records{{"a\"b", "x\ny"}});
}

TEST_CASE("csv: header row, one record per question, values intact, formulas neutralised") {
  TempDir dir;
  REQUIRE(export_bank("csv", tricky_bank(), dir.path() / "bank.csv", 1700000000).exit_code == 0);
  std::string text = read_text(dir.path() / "bank.csv");
  CHECK(text.rfind("\xEF\xBB\xBF", 0) != 0);
  auto records = parse_csv(text);
  REQUIRE(records.size() == 7);
  CHECK(records[0] == std::vector<std::string>{"id", "section", "difficulty", "tags", "question", "answer", "resources"});
  for (const auto& record : records) CHECK(record.size() == 7);

  const auto& quotes = row_of(records, "quotes-and-newlines");
  CHECK(quotes[1] == "Spreadsheet Cells");
  CHECK(quotes[3] == "csv, quoting");
  CHECK(quotes[4] == "He said \"hello\", then wrote a second line?");
  CHECK(quotes[5] == "Line one with \"quotes\", a comma, and a semicolon;\nline two.\n\n@mention at the start of a paragraph.");

  const auto& formula = row_of(records, "formula-question");
  CHECK(formula[4] == "'=HYPERLINK(\"http://evil.example\",\"click\")");
  CHECK(formula[5] == "'+1 is a formula too, and so is this: -2");

  CHECK(row_of(records, "table-and-strike")[6] == "https://example.com/gfm\nhttps://example.com/bare");
  CHECK(row_of(records, "math-passthrough")[4] == "What is the softmax of \\(z_i\\)?");
}

TEST_CASE("csv: --raw keeps formulas as written, --bom prepends a byte order mark") {
  TempDir dir;
  REQUIRE(export_bank("csv", tricky_bank(), dir.path() / "raw.csv", 1700000000, {"--raw", "--bom"}).exit_code == 0);
  std::string text = read_text(dir.path() / "raw.csv");
  REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);
  auto records = parse_csv(text.substr(3));
  CHECK(row_of(records, "formula-question")[4] == "=HYPERLINK(\"http://evil.example\",\"click\")");
  CHECK(row_of(records, "formula-question")[5] == "+1 is a formula too, and so is this: -2");
}
