#include "exporters/anki/deflate.hpp"

#include <sys/mman.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <new>
#include <thread>

#include "core/error.hpp"

namespace qbank::exporters::anki {

namespace {
constexpr std::size_t k_chunk = std::size_t{1} << 20;
constexpr std::size_t k_window = std::size_t{1} << 15;  // deflate's dictionary: 32 KiB

std::size_t chunk_count(std::size_t size) { return std::max<std::size_t>(1, (size + k_chunk - 1) / k_chunk); }

std::size_t default_threads() { return std::min<std::size_t>(8, std::max(1u, std::thread::hardware_concurrency())); }

// Chunk `index` of `data`: raw deflate, primed with the window before it, ending with a sync
// flush (more chunks follow) or the final block (the last one). `scratch` is the calling
// thread's output buffer, reused from chunk to chunk: a fresh zeroed one per chunk cost more
// (memset and page faults) than the copy of the result.
DeflatedChunk deflate_chunk(std::string_view data, std::size_t index, bool last, int level,
                            std::vector<unsigned char>& scratch) try {
  DeflatedChunk chunk;
  std::size_t begin = index * k_chunk;
  std::string_view input = data.substr(begin, k_chunk);
  chunk.crc = static_cast<std::uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(input.data()), static_cast<uInt>(input.size())));

  z_stream z{};
  if (deflateInit2(&z, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return chunk;
  if (begin > 0) {
    std::size_t primed = std::min(begin, k_window);
    if (deflateSetDictionary(&z, reinterpret_cast<const Bytef*>(data.data() + begin - primed), static_cast<uInt>(primed)) !=
        Z_OK) {
      deflateEnd(&z);
      return chunk;
    }
  }
  // deflateBound covers Z_FINISH; a sync flush adds at most a few bytes more.
  std::size_t bound = deflateBound(&z, static_cast<uLong>(input.size())) + 64;
  if (scratch.size() < bound) scratch.resize(bound);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
  z.avail_in = static_cast<uInt>(input.size());
  z.next_out = scratch.data();
  z.avail_out = static_cast<uInt>(bound);
  int rc = deflate(&z, last ? Z_FINISH : Z_SYNC_FLUSH);
  // Done when the final block is out, or (sync flush) all input is consumed with room to spare.
  chunk.ok = last ? rc == Z_STREAM_END : (rc == Z_OK && z.avail_in == 0 && z.avail_out > 0);
  chunk.compressed.assign(reinterpret_cast<const char*>(scratch.data()), z.total_out);
  deflateEnd(&z);
  return chunk;
} catch (const std::bad_alloc&) {
  return {};  // not ok: deflate_parallel throws on this thread
}
}  // namespace

std::uint64_t DeflatedData::compressed_size() const {
  std::uint64_t total = 0;
  for (const auto& chunk : chunks) total += chunk.size();
  return total;
}

EarlyDeflate::Mapping::~Mapping() {
  if (data) munmap(data, size);
}

EarlyDeflate::EarlyDeflate(std::string_view prefix, int level)
    : m_level(level), m_end(prefix.size() / k_chunk), m_chunks(m_end) {
  m_copy.size = std::max<std::size_t>(1, prefix.size());
  void* mapped = mmap(nullptr, m_copy.size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED) throw std::bad_alloc();
  m_copy.data = mapped;
  madvise(mapped, m_copy.size, MADV_HUGEPAGE);  // advice only: no error if refused
  std::memcpy(mapped, prefix.data(), prefix.size());
  m_prefix = {static_cast<const char*>(mapped), prefix.size()};
  // The other cores: this thread is still writing the rest of the data.
  try {
    for (std::size_t t = 1; t < default_threads() && t < m_end; ++t) m_threads.emplace_back([this] { work(); });
  } catch (...) {
    m_next.store(m_end);
    for (auto& thread : m_threads) thread.join();
    throw;
  }
}

EarlyDeflate::~EarlyDeflate() {
  m_next.store(m_end);
  for (auto& thread : m_threads) thread.join();
}

void EarlyDeflate::work() {
  std::vector<unsigned char> scratch;
  // Never the last chunk of the final data (finish() checks that the data is longer).
  for (std::size_t i; (i = m_next.fetch_add(1)) < m_end;) m_chunks[i] = deflate_chunk(m_prefix, i, false, m_level, scratch);
}

void EarlyDeflate::finish(std::string_view data) {
  work();
  for (auto& thread : m_threads) thread.join();
  m_threads.clear();
  // Chunk 1 is primed with the window before it, so the compared bytes start there.
  std::size_t from = k_chunk - k_window;
  bool same = m_end > 1 && data.size() > m_end * k_chunk &&
              m_prefix.substr(from, m_end * k_chunk - from) == data.substr(from, m_end * k_chunk - from);
  if (!same) m_end = 0;
  m_prefix = {};
}

DeflatedData deflate_parallel(std::string_view data, int level, EarlyDeflate* early) {
  const std::size_t count = chunk_count(data.size());
  std::vector<DeflatedChunk> chunks(count);
  std::size_t early_end = 0;
  if (early && early->level() == level) {
    early->finish(data);
    early_end = std::min(early->end(), count);
    for (std::size_t i = 1; i < early_end; ++i) chunks[i] = std::move(early->chunk(i));
  }
  // What is left: chunk 0, then those after the early ones.
  std::vector<std::size_t> todo{0};
  for (std::size_t i = std::max<std::size_t>(1, early_end); i < count; ++i) todo.push_back(i);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    std::vector<unsigned char> scratch;
    for (std::size_t k; (k = next.fetch_add(1)) < todo.size();)
      chunks[todo[k]] = deflate_chunk(data, todo[k], todo[k] + 1 == count, level, scratch);
  };
  std::size_t workers = std::min(todo.size(), default_threads());
  std::vector<std::thread> threads;
  for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work);
  work();
  for (auto& thread : threads) thread.join();

  DeflatedData out;
  out.size = data.size();
  out.chunks.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    if (!chunks[i].ok) throw Error("zlib failed to deflate (out of memory?)");
    std::size_t length = std::min(k_chunk, data.size() - std::min(data.size(), i * k_chunk));
    out.crc = i == 0 ? chunks[i].crc
                     : static_cast<std::uint32_t>(crc32_combine(out.crc, chunks[i].crc, static_cast<z_off_t>(length)));
    out.chunks.push_back(std::move(chunks[i].compressed));
  }
  return out;
}

}  // namespace qbank::exporters::anki
