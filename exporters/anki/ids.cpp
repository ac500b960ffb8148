#include "exporters/anki/ids.hpp"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "exporters/anki/sha1.hpp"

namespace qbank::exporters::anki {

namespace {
// The first 8 digest bytes as a big-endian integer.
std::uint64_t hash64(std::string_view text) {
  auto digest = sha1(text);
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | digest[i];
  return value;
}

// Ids in [2^40, 2^52): positive, JSON-safe, and clear of small ids such as the Default deck (1).
std::int64_t ranged_id(std::string_view kind, std::string_view key) {
  std::string text{kind};
  text += '\x1f';
  text += key;
  constexpr std::uint64_t low = std::uint64_t{1} << 40;
  constexpr std::uint64_t high = std::uint64_t{1} << 52;
  return static_cast<std::int64_t>(low + hash64(text) % (high - low));
}

std::int64_t past_id(std::string_view kind, std::string_view key) {
  std::string text{kind};
  text += '\x1f';
  text += key;
  constexpr auto width = static_cast<std::uint64_t>(k_past_window_end - k_past_window_start);
  return k_past_window_start + static_cast<std::int64_t>(hash64(text) % width);
}
}  // namespace

void make_ids_unique(std::vector<std::int64_t>& ids) {
  std::vector<std::size_t> order(ids.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return std::pair(ids[a], a) < std::pair(ids[b], b); });
  // In sorted order a collision is always with the id just before: it moves up past it.
  std::int64_t last = k_past_window_start - 1;
  std::vector<std::size_t> overflow;
  for (std::size_t i : order) {
    std::int64_t id = std::max(ids[i], last + 1);
    if (id >= k_past_window_end) {
      overflow.push_back(i);
      continue;
    }
    ids[i] = last = id;
  }
  // Only when ids crowd the window's very end: the rest take the lowest free ids.
  if (overflow.empty()) return;
  std::unordered_set<std::int64_t> taken(ids.begin(), ids.end());
  std::int64_t next = k_past_window_start;
  for (std::size_t i : overflow) {
    while (taken.count(next)) ++next;
    ids[i] = next++;
  }
}

std::string note_guid(std::string_view bank_deck, std::string_view question_id) {
  // The alphabet Anki's guid64() and genanki use.
  static constexpr std::string_view k_base91 =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~";
  std::string key{bank_deck};
  key += '\x1f';
  key += question_id;
  std::uint64_t value = hash64(key);
  std::string out;
  do {
    out.insert(out.begin(), k_base91[value % k_base91.size()]);
    value /= k_base91.size();
  } while (value != 0);
  return out;
}

std::int64_t note_id(std::string_view guid) { return past_id("note", guid); }
std::int64_t card_id(std::string_view guid) { return past_id("card", guid); }
std::int64_t deck_id(std::string_view deck_name) { return ranged_id("deck", deck_name); }

std::int64_t field_checksum(std::string_view stripped_sort_field) {
  return static_cast<std::int64_t>(hash64(stripped_sort_field) >> 32);
}

std::string anki_tag(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x1f')
      out += '_';
    else if (c == '"' || (static_cast<unsigned char>(c) < 0x20))
      continue;  // Anki strips quotes from tags; other control characters have no place there
    else
      out += c;
  }
  return out;
}

}  // namespace qbank::exporters::anki
