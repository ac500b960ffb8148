#include "links/types.hpp"

#include <array>

namespace qbank::links {

namespace {
constexpr std::array<std::pair<Verdict, std::string_view>, 6> k_names{{{Verdict::ok, "ok"},
                                                                      {Verdict::redirected, "redirected"},
                                                                      {Verdict::dead, "dead"},
                                                                      {Verdict::error, "error"},
                                                                      {Verdict::blocked, "blocked"},
                                                                      {Verdict::excluded, "excluded"}}};
}  // namespace

std::string_view to_string(Verdict verdict) {
  for (auto [value, name] : k_names)
    if (value == verdict) return name;
  return "?";
}

std::optional<Verdict> parse_verdict(std::string_view text) {
  for (auto [value, name] : k_names)
    if (name == text) return value;
  return std::nullopt;
}

}  // namespace qbank::links
