// A document recognised part by part: a second thread parses the parts (document_parts.hpp)
// a few ahead of the main thread, which recognises them in order and hands each back to be
// freed on the thread whose heap holds it.
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "importer/document_parts.hpp"
#include "importer/recognize.hpp"
#include "importer/recognizer.hpp"

namespace qbank::importer {

namespace {

struct ParsedPart {
  std::unique_ptr<MarkdownSource> source;
  HeadingScan scan;
};

constexpr std::size_t k_parts_ahead = 2;  // parsed and waiting: bounds the memory held
constexpr int k_cut_retries = 8;          // cuts tried before the rest is parsed in one part

class PartParser {
 public:
  PartParser(std::shared_ptr<const MarkdownText> text, std::size_t part_bytes)
      : m_text(std::move(text)), m_part_bytes(part_bytes), m_thread([this] { run(); }) {}
  ~PartParser() {
    {
      std::lock_guard lock(m_mutex);
      m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
  }
  PartParser(const PartParser&) = delete;
  PartParser& operator=(const PartParser&) = delete;

  // The next part in document order; nullptr after the last. Rethrows what the parser threw.
  std::unique_ptr<ParsedPart> next() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return !m_ready.empty() || m_finished; });
    if (m_ready.empty()) {
      if (m_failure) std::rethrow_exception(m_failure);
      return nullptr;
    }
    auto part = std::move(m_ready.front());
    m_ready.pop_front();
    m_changed.notify_all();
    return part;
  }

  void done(std::unique_ptr<ParsedPart> part) {
    {
      std::lock_guard lock(m_mutex);
      m_done.push_back(std::move(part));
    }
    m_changed.notify_all();
  }

 private:
  void run() {
    try {
      parse_all();
    } catch (...) {
      std::lock_guard lock(m_mutex);
      m_failure = std::current_exception();
    }
    std::unique_lock lock(m_mutex);
    m_finished = true;
    m_changed.notify_all();
    while (!m_stop) {
      free_done(lock);
      m_changed.wait(lock, [&] { return m_stop || !m_done.empty(); });
    }
    free_done(lock);
    m_ready.clear();
  }

  // Frees the parts handed back, outside the lock.
  void free_done(std::unique_lock<std::mutex>& lock) {
    while (!m_done.empty()) {
      auto part = std::move(m_done.front());
      m_done.pop_front();
      lock.unlock();
      part.reset();
      lock.lock();
    }
  }

  // Waits for room in the queue; false when told to stop.
  bool wait_for_room() {
    std::unique_lock lock(m_mutex);
    for (;;) {
      free_done(lock);
      if (m_stop) return false;
      if (m_ready.size() < k_parts_ahead) return true;
      m_changed.wait(lock, [&] { return m_stop || !m_done.empty() || m_ready.size() < k_parts_ahead; });
    }
  }

  void parse_all() {
    std::vector<int> cuts = cut_lines(*m_text);
    int count = m_text->line_count();
    std::size_t cut = 0;
    int retries = k_cut_retries;
    for (int first = 1; first <= count;) {
      if (!wait_for_room()) return;
      // The first cut at least part_bytes after the part's start.
      std::size_t begin = m_text->line_start(first);
      while (cut < cuts.size() && (cuts[cut] <= first || m_text->line_start(cuts[cut]) - begin < m_part_bytes)) ++cut;
      auto part = std::make_unique<ParsedPart>();
      for (;;) {
        int last = cut < cuts.size() && retries > 0 ? cuts[cut] - 1 : count;
        part->source = std::make_unique<MarkdownSource>(m_text, first, last);
        if (last == count || ends_clean(*part->source)) break;
        // Something open at the cut (a fence with '#' lines in it, say): the next cut instead.
        part->source.reset();
        --retries;
        ++cut;
      }
      part->scan = Recognizer::scan_headings(*part->source);
      first = part->source->last_line() + 1;
      {
        std::lock_guard lock(m_mutex);
        m_ready.push_back(std::move(part));
      }
      m_changed.notify_all();
    }
  }

  std::shared_ptr<const MarkdownText> m_text;
  std::size_t m_part_bytes;
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<std::unique_ptr<ParsedPart>> m_ready, m_done;
  std::exception_ptr m_failure;
  bool m_finished = false, m_stop = false;
  std::thread m_thread;  // last: started once the rest is set up
};

}  // namespace

void recognize(const MarkdownSource& doc, ImportedBank& bank) { Recognizer(bank).run(doc); }

void recognize(const std::shared_ptr<const MarkdownText>& text, ImportedBank& bank, std::size_t part_bytes) {
  if (!may_cut(*text)) {
    recognize(MarkdownSource(text), bank);
    return;
  }
  // Which heading level holds questions is decided over the whole document, but a part is
  // recognised before the later ones are parsed: the first part's decision is used, and
  // checked at the end. Should it differ from the document's where a heading depends on it (a
  // heading of either level that does not read as a question by itself), the document is
  // recognised again, whole.
  ImportedBank before = bank;
  std::map<int, HeadingScan::Level> levels;
  int guess = -1;
  {
    PartParser parser(text, part_bytes);
    Recognizer recognizer(bank);
    while (auto part = parser.next()) {
      for (const auto& [level, counts] : part->scan.levels) {
        levels[level].questions += counts.questions;
        levels[level].total += counts.total;
      }
      if (guess < 0) guess = question_level(part->scan.levels);
      recognizer.walk(*part->source, part->scan, guess, false);
      parser.done(std::move(part));
    }
  }
  int level = question_level(levels);
  auto depends_on_level = [&](int l) {
    auto found = levels.find(l);
    return found != levels.end() && found->second.questions < found->second.total;
  };
  if (level != guess && (depends_on_level(level) || depends_on_level(guess))) {
    bank = std::move(before);
    recognize(MarkdownSource(text), bank);
  }
}

}  // namespace qbank::importer
