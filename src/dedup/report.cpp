#include "dedup/report.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "dedup/normalize.hpp"

namespace qbank::dedup {

namespace {

std::string quote_list(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "'" : " '") + w + "'";
  return out;
}

std::string differs(const WordDiff& diff) {
  if (diff.only_a.empty() && diff.only_b.empty()) return "the same words in another order";
  std::string a = diff.only_a.empty() ? "nothing" : quote_list(diff.only_a);
  std::string b = diff.only_b.empty() ? "nothing" : quote_list(diff.only_b);
  return fmt::format("{} here instead of {}", b, a);
}

std::string where(const Entry& e) { return fmt::format("{}:{}", e.question->where.file, e.question->where.line); }

nlohmann::ordered_json question_json(const Entry& e) {
  return {{"id", e.question->id}, {"file", e.question->where.file}, {"line", e.question->where.line}};
}

std::string score_text(double score) { return fmt::format("{:.2f}", score); }

nlohmann::ordered_json side_json(const Entry& first, const Entry& last) {
  return {{"file", first.question->where.file},
          {"first_line", first.question->where.line},
          {"last_line", std::max(last.question->last_line, last.question->where.line)},
          {"first_id", first.question->id},
          {"last_id", last.question->id}};
}

}  // namespace

WordDiff word_diff(const std::string& a, const std::string& b) {
  std::string ka = exact_key(a), kb = exact_key(b);
  auto wa = split_words(ka), wb = split_words(kb);
  std::set<std::string_view> sa(wa.begin(), wa.end()), sb(wb.begin(), wb.end());
  WordDiff diff;
  std::set<std::string_view> done;
  for (auto w : wa)
    if (!sb.count(w) && done.insert(w).second) diff.only_a.emplace_back(w);
  done.clear();
  for (auto w : wb)
    if (!sa.count(w) && done.insert(w).second) diff.only_b.emplace_back(w);
  return diff;
}

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
    std::string evidence = pair.answer_score < 0 ? "no answer to compare"
                                                 : "answers " + score_text(pair.answer_score);
    d.message = fmt::format("question '{}' looks like a rewording of '{}' ({}): score {} (question {}, {}); differs: {}",
                            b.question->id, a.question->id, where(a), score_text(pair.score), score_text(pair.question_score),
                            evidence, differs(word_diff(a.question->question, b.question->question)));
    d.hint = "merge them if they ask the same thing; if not, " + ack;
  }
  d.related.push_back({a.question->question_at, fmt::format("question '{}' is here", a.question->id)});
  return d;
}

Diagnostic run_diagnostic(const Findings& findings, const Run& run) {
  const Entry& a0 = findings.entries[run.pairs.front().a];
  const Entry& a1 = findings.entries[run.pairs.back().a];
  const Entry& b0 = findings.entries[run.pairs.front().b];
  const Entry& b1 = findings.entries[run.pairs.back().b];
  auto exact = static_cast<std::size_t>(std::count_if(run.pairs.begin(), run.pairs.end(), [](const Pair& p) { return p.exact; }));
  Diagnostic d;
  d.rule = k_repeated_section;
  d.where = b0.question->where;
  d.message = fmt::format("lines {}-{} of {} repeat lines {}-{} of {}: {} questions ({} exact, {} reworded), '{}' .. '{}'",
                          b0.question->where.line, std::max(b1.question->last_line, b1.question->where.line),
                          b0.question->where.file, a0.question->where.line,
                          std::max(a1.question->last_line, a1.question->where.line), a0.question->where.file,
                          run.pairs.size(), exact, run.pairs.size() - exact, b0.question->id, b1.question->id);
  d.hint = "a copy-pasted block: delete the repeated questions (merge any answers the copy adds first)";
  d.related.push_back({a0.question->where, "the first copy starts here"});
  return d;
}

nlohmann::ordered_json pair_to_json(const Findings& findings, const Pair& pair) {
  const Entry& a = findings.entries[pair.a];
  const Entry& b = findings.entries[pair.b];
  WordDiff diff = word_diff(a.question->question, b.question->question);
  nlohmann::ordered_json out;
  out["a"] = question_json(a);
  out["b"] = question_json(b);
  out["score"] = std::round(pair.score * 1000) / 1000;
  out["kind"] = pair.exact ? "exact" : "near";
  out["question_score"] = std::round(pair.question_score * 1000) / 1000;
  out["answer_score"] = pair.answer_score < 0 ? nlohmann::ordered_json(nullptr)
                                              : nlohmann::ordered_json(std::round(pair.answer_score * 1000) / 1000);
  out["only_in_a"] = diff.only_a;
  out["only_in_b"] = diff.only_b;
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
