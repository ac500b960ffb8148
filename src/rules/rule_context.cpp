#include "rules/rule_context.hpp"

namespace qbank::rules {

void RuleContext::report(SourceLocation where, std::string message, std::string hint, std::vector<Related> related) {
  if (!m_limiter.offer(where, std::string(m_rule_id))) return;
  Diagnostic d;
  d.where = std::move(where);
  d.rule = std::string(m_rule_id);
  d.message = std::move(message);
  d.hint = std::move(hint);
  d.related = std::move(related);
  m_out.push_back(std::move(d));
}

}  // namespace qbank::rules
