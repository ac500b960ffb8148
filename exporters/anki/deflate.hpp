// Deflate on every core, as pigz does: the input is cut into fixed 1 MiB chunks, each chunk is
// compressed on its own as raw deflate (primed with the 32 KiB before it, so little ratio is
// lost), every chunk but the last ends with a sync flush (byte-aligned, not final) and the last
// with the final block, so the chunks joined in order are one valid deflate stream. The chunk
// size is fixed, so the bytes do not depend on the number of cores.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace qbank::exporters::anki {

struct DeflatedData {
  std::vector<std::string> chunks;  // joined in order: one raw deflate stream (RFC 1951)
  std::uint32_t crc = 0;            // CRC-32 of the uncompressed data, as zip stores it
  std::uint64_t size = 0;           // uncompressed bytes
  std::uint64_t compressed_size() const;
};

struct DeflatedChunk {
  std::string compressed;
  std::uint32_t crc = 0;  // of the chunk's input
  bool ok = false;
};

// Deflating ahead: while the package writer is still adding to the end of its collection, the
// beginning (all but its first chunk, whose bytes may still change) is deflated on background
// threads from a copy. deflate_parallel then uses those chunks only if the final data has
// exactly the copied bytes, so the output is the same as without it, whatever happened.
class EarlyDeflate {
 public:
  // `prefix`: the data's first bytes as they are now (copied). Starts the threads at once.
  EarlyDeflate(std::string_view prefix, int level);
  ~EarlyDeflate();
  EarlyDeflate(const EarlyDeflate&) = delete;
  EarlyDeflate& operator=(const EarlyDeflate&) = delete;

  // Deflates what is left on this thread too, joins the threads; then the chunks [1, end())
  // of `data`, or none (end() == 0) if `data` does not start with the same bytes.
  void finish(std::string_view data);
  std::size_t end() const { return m_end; }
  int level() const { return m_level; }
  DeflatedChunk& chunk(std::size_t index) { return m_chunks[index]; }

 private:
  void work();

  // The copy, in memory mapped with transparent huge pages where the kernel allows them: a
  // 100 MB copy into fresh 4 KiB pages cost more in page faults than in copying.
  struct Mapping {
    void* data = nullptr;
    std::size_t size = 0;
    ~Mapping();
  };
  Mapping m_copy;
  std::string_view m_prefix;
  int m_level;
  std::size_t m_end;  // chunks [1, m_end) are deflated ahead
  std::vector<DeflatedChunk> m_chunks;
  std::atomic<std::size_t> m_next{1};
  std::vector<std::thread> m_threads;
};

// `level` is zlib's (1 fastest .. 9 smallest). Throws Error if zlib fails.
DeflatedData deflate_parallel(std::string_view data, int level, EarlyDeflate* early = nullptr);

}  // namespace qbank::exporters::anki
