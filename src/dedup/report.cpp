#include "dedup/report.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace qbank::dedup {

namespace {

std::string quote_list(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "'" : " '") + w + "'";
  return out;
}

// The words that tell the two apart, never the frame ("what is" / "explain"): subject words
// first, then follow-up questions only one of them asks.
std::string differs(const Difference& d) {
  std::string out;
  if (!d.only_a.empty() && !d.only_b.empty()) out = fmt::format("{} here instead of {}", quote_list(d.only_b), quote_list(d.only_a));
  else if (!d.only_b.empty()) out = fmt::format("{} only here", quote_list(d.only_b));
  else if (!d.only_a.empty()) out = fmt::format("{} only there", quote_list(d.only_a));
  auto follow_up = [&](const std::vector<std::string>& words, std::string_view side) {
    if (words.empty()) return;
    if (!out.empty()) out += "; ";
    out += fmt::format("a follow-up {} ({})", side, quote_list(words));
  };
  follow_up(d.follow_up_b, "here");
  follow_up(d.follow_up_a, "there");
  return out.empty() ? "only in wording (the same subject words)" : out;
}

std::string where(const Entry& e) { return fmt::format("{}:{}", e.question->where.file, e.question->where.line); }

nlohmann::ordered_json question_json(const Entry& e) {
  return {{"id", e.question->id}, {"file", e.question->where.file}, {"line", e.question->where.line}};
}

std::string score_text(double score) { return fmt::format("{:.2f}", score); }

int end_line(const Entry& e) { return std::max(e.question->last_line, e.question->where.line); }

// The lines one side of a run covers, file by file (a run may go on into the next section):
// "lines 3-108 of a.yaml" or "lines 3-108 of a.yaml and 3-82 of b.yaml".
std::string run_lines(const Findings& findings, const Run& run, std::size_t Pair::*side) {
  std::vector<std::string> parts;
  const Entry* first = nullptr;
  const Entry* last = nullptr;
  auto flush = [&] {
    parts.push_back(fmt::format("{}-{} of {}", first->question->where.line, end_line(*last), first->question->where.file));
  };
  for (const auto& p : run.pairs) {
    const Entry& e = findings.entries[p.*side];
    if (first && e.question->where.file != first->question->where.file) {
      flush();
      first = nullptr;
    }
    if (!first) first = &e;
    last = &e;
  }
  if (first) flush();
  std::string out = "lines " + parts.front();
  for (std::size_t k = 1; k < parts.size(); ++k) out += (k + 1 == parts.size() ? " and " : ", ") + parts[k];
  return out;
}

nlohmann::ordered_json side_json(const Entry& first, const Entry& last) {
  return {{"file", first.question->where.file},
          {"first_line", first.question->where.line},
          {"last_file", last.question->where.file},
          {"last_line", end_line(last)},
          {"first_id", first.question->id},
          {"last_id", last.question->id}};
}

}  // namespace

Diagnostic pair_diagnostic(const Findings& findings, const Pair& pair) {
  const Entry& a = findings.entries[pair.a];
  const Entry& b = findings.entries[pair.b];
  Diagnostic d;
  d.where = b.question->question_at;
  std::string ack = fmt::format("add 'distinct-from: [{}]' to question '{}'", a.question->id, b.question->id);
  if (pair.exact) {
    d.rule = k_duplicate_question;
    d.message = fmt::format("question '{}' repeats question '{}' ({})", b.question->id, a.question->id, where(a));
    d.hint = "remove one of them; if they really ask different things, reword one or " + ack;
  } else {
    d.rule = k_near_duplicate;
    std::string evidence = pair.same_answer          ? "the same answer"
                           : pair.answer_score < 0 ? "no answer to compare"
                                                   : "answers share " + score_text(pair.answer_score) + " of their words";
    d.message = fmt::format("question '{}' looks like a rewording of '{}' ({}): score {} (question {}, {}); differs: {}",
                            b.question->id, a.question->id, where(a), score_text(pair.score), score_text(pair.question_score),
                            evidence, differs(pair.difference));
    d.hint = "merge them if they ask the same thing; if not, " + ack;
  }
  d.related.push_back({a.question->question_at, fmt::format("question '{}' is here", a.question->id)});
  return d;
}

Diagnostic run_diagnostic(const Findings& findings, const Run& run) {
  const Entry& a0 = findings.entries[run.pairs.front().a];
  const Entry& b0 = findings.entries[run.pairs.front().b];
  const Entry& b1 = findings.entries[run.pairs.back().b];
  auto exact = static_cast<std::size_t>(std::count_if(run.pairs.begin(), run.pairs.end(), [](const Pair& p) { return p.exact; }));
  Diagnostic d;
  d.rule = k_repeated_section;
  d.where = b0.question->where;
  d.message = fmt::format("{} repeat {}: {} questions ({} exact, {} reworded), '{}' .. '{}'", run_lines(findings, run, &Pair::b),
                          run_lines(findings, run, &Pair::a), run.pairs.size(), exact, run.pairs.size() - exact,
                          b0.question->id, b1.question->id);
  d.hint = "a copy-pasted block: delete the repeated questions (merge any answers the copy adds first)";
  d.related.push_back({a0.question->where, "the first copy starts here"});
  return d;
}

nlohmann::ordered_json pair_to_json(const Findings& findings, const Pair& pair) {
  const Entry& a = findings.entries[pair.a];
  const Entry& b = findings.entries[pair.b];
  nlohmann::ordered_json out;
  out["a"] = question_json(a);
  out["b"] = question_json(b);
  out["score"] = std::round(pair.score * 1000) / 1000;
  out["kind"] = pair.exact ? "exact" : "near";
  out["question_score"] = std::round(pair.question_score * 1000) / 1000;
  out["answer_score"] = pair.answer_score < 0 ? nlohmann::ordered_json(nullptr)
                                              : nlohmann::ordered_json(std::round(pair.answer_score * 1000) / 1000);
  out["same_answer"] = pair.same_answer;
  out["only_in_a"] = pair.difference.only_a;
  out["only_in_b"] = pair.difference.only_b;
  out["follow_up_in_a"] = pair.difference.follow_up_a;
  out["follow_up_in_b"] = pair.difference.follow_up_b;
  return out;
}

nlohmann::ordered_json run_to_json(const Findings& findings, const Run& run) {
  nlohmann::ordered_json out;
  out["a"] = side_json(findings.entries[run.pairs.front().a], findings.entries[run.pairs.back().a]);
  out["b"] = side_json(findings.entries[run.pairs.front().b], findings.entries[run.pairs.back().b]);
  out["questions"] = run.pairs.size();
  out["pairs"] = nlohmann::ordered_json::array();
  for (const auto& p : run.pairs) out["pairs"].push_back(pair_to_json(findings, p));
  return out;
}

}  // namespace qbank::dedup
