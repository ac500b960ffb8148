#include "exporters/anki/sqlite.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

#include <fmt/format.h>

#include "core/error.hpp"

namespace qbank::exporters::anki {

Database::Database(const std::filesystem::path& file, bool read_only) : m_name(file.string()) {
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(m_name.c_str(), &m_db, flags, nullptr) != SQLITE_OK) fail_to_open("cannot open");
}

namespace {
// Maps the pages of a fresh block in one system call: faulting them in one by one as SQLite
// writes them cost ~10 us per 4 KiB page on the benchmark's VM (28,000 faults for a 115 MB
// collection), the call a fraction of that. Advice only: an older kernel without
// MADV_POPULATE_WRITE (Linux < 5.14) just leaves the pages to be faulted.
void prefault(void* block, std::size_t size) {
#ifdef MADV_POPULATE_WRITE
  const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  const auto begin = (reinterpret_cast<std::uintptr_t>(block) + page - 1) / page * page;
  const auto end = (reinterpret_cast<std::uintptr_t>(block) + size) / page * page;
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
#else
  (void)block;
  (void)size;
#endif
}
}  // namespace

Database::Database(const InMemory& memory) : m_name(memory.name) {
  // No leading '/' in the memdb name: such names would be shared by every connection of the
  // process that uses the same one; this one is private to this connection.
  // NOMUTEX: one thread uses the connection, so SQLite need not lock it on every call.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2("file:qbank-memory?vfs=memdb", &m_db, flags, nullptr) != SQLITE_OK) fail_to_open("cannot open");
  if (memory.reserve > 0) {
    // An empty database in a block of `reserve` bytes; SQLite owns the block from here on,
    // even when deserialize fails.
    auto* block = static_cast<unsigned char*>(sqlite3_malloc64(memory.reserve));
    if (!block) fail_to_open("no memory to open");
    prefault(block, memory.reserve);
    if (sqlite3_deserialize(m_db, "main", block, 0, static_cast<sqlite3_int64>(memory.reserve),
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK)
      fail_to_open("cannot open");
  }
  // memdb stops at 1 GiB by default ("database or disk is full" past ~800k notes); a file had no
  // such limit, so neither does this: memory is the limit.
  sqlite3_int64 limit = k_memory_size_limit;
  if (sqlite3_file_control(m_db, "main", SQLITE_FCNTL_SIZE_LIMIT, &limit) != SQLITE_OK) fail_to_open("cannot size");
}

Database::~Database() { close(); }

void Database::close() {
  if (m_db) sqlite3_close(m_db);
  m_db = nullptr;
}

void Database::fail_to_open(std::string_view what) {
  try {
    fail(what);
  } catch (...) {
    close();  // SQLite hands out a connection even when opening fails; and no destructor runs
    throw;
  }
}

void Database::fail(std::string_view what) const {
  throw Error(fmt::format("{} '{}': {}", what, m_name, m_db ? sqlite3_errmsg(m_db) : "out of memory"));
}

void Database::exec(std::string_view sql) {
  std::string text(sql);
  if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail("SQLite failed on");
}

std::string_view Database::image() const {
  sqlite3_int64 size = 0;
  const unsigned char* bytes = sqlite3_serialize(m_db, "main", &size, SQLITE_SERIALIZE_NOCOPY);
  if (!bytes) fail("SQLite cannot give the bytes of");
  return {reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size)};
}

Statement::Statement(Database& db, std::string_view sql) : m_db(db) {
  if (sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr) != SQLITE_OK)
    db.fail("SQLite cannot prepare a statement for");
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

void Statement::bind(int index, std::int64_t value) { sqlite3_bind_int64(m_stmt, index, value); }

void Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void Statement::bind_static(int index, std::string_view text) {
  sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

void Statement::run() {
  if (sqlite3_step(m_stmt) != SQLITE_DONE) m_db.fail("SQLite cannot write to");
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);  // no pointer to a caller's text outlives the row
}

bool Statement::step() {
  int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) m_db.fail("SQLite cannot read");
  return false;
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(m_stmt, index); }

std::string Statement::column_text(int index) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, index));
  return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, index))) : std::string();
}

}  // namespace qbank::exporters::anki
