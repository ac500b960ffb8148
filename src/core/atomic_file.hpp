// Writes an output file so that readers only ever see the old file or the complete new one:
// the content goes to a temp file beside the target, which is renamed over it on commit().
// Used by every exporter, the link cache, report writers and `lint --fix`.
//
// What the target is decides how it is written:
// - a regular file (or nothing yet): temp file beside it, renamed over it; a replaced file
//   keeps its mode, owner and group;
// - a symbolic link: the file it points to is written as above (the link stays a link); a
//   link to nothing is refused;
// - a character device, a FIFO, or anything under /dev or /proc (/dev/null, /dev/stdout, a
//   pipe): written in place, never replaced (as root, a rename would replace /dev/null);
// - a folder, a block device or a socket: refused.
// Temp files are named `.<name>.qbank-tmp-<pid>-XXXXXX`, so a run killed before it could clean
// up leaves names the next run recognises: remove_stale_temp_files() deletes those whose
// process is gone.
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace qbank {

class AtomicFile {
 public:
  // Creates an empty temp file (beside the target, or in the system temp folder when the target
  // is written in place) and removes stale temp files beside it. Throws Error if it cannot.
  explicit AtomicFile(std::filesystem::path target);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  // Removes the temp file unless commit() succeeded.
  ~AtomicFile();

  const std::filesystem::path& temp_path() const { return m_temp; }
  // The path as the caller gave it (what messages name).
  const std::filesystem::path& target() const { return m_target; }
  // Flushes the temp file to disk and renames it over the target (or copies its bytes into a
  // target written in place). Throws Error naming the target and the cause on failure.
  void commit();

 private:
  std::filesystem::path m_target;
  std::filesystem::path m_real;  // the file actually written: m_target with links resolved
  std::filesystem::path m_temp;
  bool m_in_place = false;
  bool m_committed = false;
};

// Convenience: the whole content at once, atomically (in place for devices and FIFOs).
void write_file_atomically(const std::filesystem::path& target, std::string_view content);
// The same, for content written piece by piece: `write` streams it into the temp file, so a
// large report never has to exist as one string. Throws Error if writing fails.
void write_file_atomically(const std::filesystem::path& target, const std::function<void(std::ostream&)>& write);

// Reads a whole file; throws Error naming the file when it cannot be read.
std::string read_file(const std::filesystem::path& path);

// A fresh private folder beside `beside` (named like a temp file, so a killed run's folder is
// swept by the next one). Throws Error if it cannot be made.
std::filesystem::path make_temp_folder(const std::filesystem::path& beside);

// Deletes the temp files and folders qbank left in `folder` from runs that no longer exist
// (killed, or the machine lost power). Never touches anything else; never throws.
void remove_stale_temp_files(const std::filesystem::path& folder);

}  // namespace qbank
