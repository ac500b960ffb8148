// A thin RAII layer over the SQLite C API for the package writer and reader: open, exec,
// prepared statements. Every failure is a qbank::Error naming the file.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace qbank::exporters::anki {

class Database {
 public:
  Database(const std::filesystem::path& file, bool read_only);
  // How far an in-memory database may grow (64 TiB: in effect, memory is the limit; memdb's
  // own default is 1 GiB).
  static constexpr sqlite3_int64 k_memory_size_limit = sqlite3_int64{1} << 46;
  // A private read-write database that lives in one block of memory (SQLite's memdb VFS) and
  // never touches the disk; `name` is only for messages.
  struct InMemory {
    std::string name;
    // Bytes to reserve up front (0: none), and map at once (one system call instead of a page
    // fault per 4 KiB): so an overestimate costs real memory. Past it the database still
    // grows, by reallocation.
    std::size_t reserve = 0;
  };
  explicit Database(const InMemory& memory);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(std::string_view sql);
  // An in-memory database's bytes: exactly what its file would hold. Not a copy: valid until
  // the next change or close.
  std::string_view image() const;
  sqlite3* handle() const { return m_db; }
  [[noreturn]] void fail(std::string_view what) const;
  // Closes now (so the file is complete); the destructor does nothing afterwards.
  void close();

 private:
  // fail() for the constructors: closes the connection before throwing.
  [[noreturn]] void fail_to_open(std::string_view what);

  sqlite3* m_db = nullptr;
  std::string m_name;
};

class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int index, std::int64_t value);
  void bind(int index, std::string_view text);
  // Without SQLite's copy: `text` must stay valid until run() returns.
  void bind_static(int index, std::string_view text);
  // Runs an INSERT/UPDATE to completion and resets for the next row (clearing the bindings).
  void run();
  // For SELECT: true while a row is available.
  bool step();
  std::int64_t column_int(int index) const;
  std::string column_text(int index) const;

 private:
  Database& m_db;
  sqlite3_stmt* m_stmt = nullptr;
};

}  // namespace qbank::exporters::anki
