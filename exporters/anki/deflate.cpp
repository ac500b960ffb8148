#include "exporters/anki/deflate.hpp"

#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>
#include <zlib.h>

#include <algorithm>
#include <new>

#include "core/error.hpp"
#include "exporters/anki/ordered_work.hpp"

namespace qbank::exporters::anki {

namespace {
constexpr std::size_t k_chunk = std::size_t{1} << 20;
constexpr std::size_t k_window = std::size_t{1} << 15;  // deflate's dictionary: 32 KiB
// igzip's work memory: its suggested size for level 3, enough for levels 1 and 2 too.
constexpr std::size_t k_level_buffer = ISAL_DEF_LVL3_DEFAULT;

struct DeflatedChunk {
  std::string compressed;
  std::uint32_t crc = 0;  // of the chunk's input
  bool ok = false;
};

std::size_t chunk_count(std::size_t size) { return std::max<std::size_t>(1, (size + k_chunk - 1) / k_chunk); }

// Chunk `index` of `data`: raw deflate, primed with the window before it, ending with a sync
// flush (more chunks follow) or the final block (the last one). The output and work buffers
// are the calling thread's, reused from chunk to chunk: fresh ones per chunk cost more (page
// faults) than the copy of the result.
DeflatedChunk deflate_chunk(std::string_view data, std::size_t index, int level) try {
  thread_local std::vector<std::uint8_t> output;
  thread_local std::vector<std::uint8_t> level_buffer(k_level_buffer);
  DeflatedChunk chunk;
  const std::size_t begin = index * k_chunk;
  const std::string_view input = data.substr(begin, k_chunk);
  const bool last = begin + input.size() == data.size();
  auto* input_bytes = reinterpret_cast<std::uint8_t*>(const_cast<char*>(input.data()));  // igzip only reads it
  chunk.crc = crc32_gzip_refl(0, input_bytes, input.size());

  isal_zstream z;
  isal_deflate_init(&z);
  z.level = static_cast<std::uint32_t>(level);
  z.level_buf = level_buffer.data();
  z.level_buf_size = static_cast<std::uint32_t>(level_buffer.size());
  if (begin > 0) {
    std::size_t primed = std::min(begin, k_window);
    if (isal_deflate_set_dict(&z, input_bytes - primed, static_cast<std::uint32_t>(primed)) != COMP_OK) return chunk;
  }
  // At levels 1-3 incompressible input becomes stored blocks (5 bytes of header per 64 KiB at
  // most; measured: at most 121 bytes over a 1 MiB chunk); the margin also holds the flush's
  // empty stored block or the final block's end.
  const std::size_t bound = input.size() + input.size() / 8192 + 1024;
  if (output.size() < bound) output.resize(bound);
  z.next_in = input_bytes;
  z.avail_in = static_cast<std::uint32_t>(input.size());
  z.next_out = output.data();
  z.avail_out = static_cast<std::uint32_t>(output.size());
  z.end_of_stream = last ? 1 : 0;
  z.flush = last ? NO_FLUSH : SYNC_FLUSH;
  int rc = isal_deflate(&z);
  // Done when all input is consumed and the final block (or the flush) is out.
  chunk.ok = rc == COMP_OK && z.avail_in == 0 &&
             z.internal_state.state == (last ? ZSTATE_END : ZSTATE_NEW_HDR);
  chunk.compressed.assign(reinterpret_cast<const char*>(output.data()), z.total_out);
  return chunk;
} catch (const std::bad_alloc&) {
  return {};  // not ok: deflate_parallel throws
}
}  // namespace

std::uint64_t DeflatedData::compressed_size() const {
  std::uint64_t total = 0;
  for (const auto& chunk : chunks) total += chunk.size();
  return total;
}

DeflatedData deflate_parallel(std::string_view data, int level) {
  if (level < k_min_deflate_level || level > k_max_deflate_level)
    throw Error("deflate level " + std::to_string(level) + " is not in 1-3");
  const std::size_t count = chunk_count(data.size());
  std::vector<DeflatedChunk> chunks(count);
  parallel_for(count, [&](std::size_t i) { chunks[i] = deflate_chunk(data, i, level); }, 2);

  DeflatedData out;
  out.size = data.size();
  out.chunks.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    if (!chunks[i].ok) throw Error("cannot deflate the package (igzip failed or memory ran out)");
    std::size_t length = std::min(k_chunk, data.size() - std::min(data.size(), i * k_chunk));
    out.crc = i == 0 ? chunks[i].crc
                     : static_cast<std::uint32_t>(crc32_combine(out.crc, chunks[i].crc, static_cast<z_off_t>(length)));
    out.chunks.push_back(std::move(chunks[i].compressed));
  }
  return out;
}

}  // namespace qbank::exporters::anki
