// Output files that are not what they seem, and writes that do not finish: devices and FIFOs
// are written in place (never replaced, also as root), symbolic links are followed, --fix
// keeps owner and group, kill -9 leaves the old or the new content and the next run removes
// the temp files, and a full disk is reported with its cause and the file's name.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "export_helpers.hpp"
#include "support/temp_dir.hpp"

using namespace qbank::test;
namespace fs = std::filesystem;

namespace {
constexpr std::int64_t k_epoch = 1700000000;

// Starts qbank (stdout and stderr to /dev/null, SOURCE_DATE_EPOCH fixed) after running
// `prepare` in the child; returns its pid.
template <typename Prepare>
pid_t start_qbank(const std::vector<std::string>& args, Prepare prepare) {
  std::vector<std::string> argv{QBANK_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> pointers;
  for (auto& arg : argv) pointers.push_back(arg.data());
  pointers.push_back(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_RDWR);
    dup2(null, 1);
    dup2(null, 2);
    prepare();
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    execv(pointers[0], pointers.data());
    _exit(127);
  }
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// A bank big enough that exporting or fixing it takes a while; every answer has a citation
// marker for --fix to remove.
fs::path big_bank(const TempDir& dir, int questions) {
  std::string yaml = "section: Big\nquestions:\n";
  for (int i = 0; i < questions; ++i) {
    yaml += "  - id: q" + std::to_string(i) + "\n    question: What is item " + std::to_string(i) +
            " of a long bank that takes a while to write?\n    answer: \"It is the answer \xEE\x88\x80" "cite\xEE\x88\x82"
            "turn0search" + std::to_string(i) + "\xEE\x88\x81 with **Markdown**, `code` and a [link](https://example.com/" +
            std::to_string(i) + ").\"\n";
  }
  dir.write("bank/bank.yaml", "title: Big\ndeck: Big\n");
  return dir.write("bank/01-big.yaml", yaml).parent_path();
}

std::vector<std::string> temp_files_in(const fs::path& folder) {
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().filename().string().find(".qbank-tmp-") != std::string::npos) found.push_back(entry.path().filename());
  return found;
}

// Kills `pid` with SIGKILL `delay` after its temp file appeared in `folder` (or when it exits
// first): the kill lands while the output is being written, not before.
void kill_while_writing(pid_t pid, const fs::path& folder, std::chrono::milliseconds delay) {
  auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (temp_files_in(folder).empty() && std::chrono::steady_clock::now() < give_up) {
    if (waitpid(pid, nullptr, WNOHANG) == pid) return;  // finished (and reaped) before
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  std::this_thread::sleep_for(delay);
  kill(pid, SIGKILL);
  wait_exit(pid);
}
}  // namespace

TEST_CASE("kill -9 during export leaves the old or the new file, and the next run removes the temp files") {
  TempDir dir;
  fs::path bank = big_bank(dir, 3000);
  fs::path out_dir = dir.path() / "out";
  fs::create_directories(out_dir);
  fs::path reference = dir.path() / "reference.apkg";
  REQUIRE(export_bank("anki", bank, reference, k_epoch, {"--force"}).exit_code == 0);
  const std::string new_content = read_text(reference);
  fs::path target = out_dir / "deck.apkg";
  std::ofstream(target) << "OLD";

  int leftovers_seen = 0;
  for (int round = 0; round < 12; ++round) {
    pid_t pid = start_qbank({"export", "anki", bank.string(), "-o", target.string(), "--force"}, [] {});
    kill_while_writing(pid, out_dir, std::chrono::milliseconds(5 * round));
    std::string now = read_text(target);
    INFO("round " << round);
    CHECK((now == "OLD" || now == new_content));
    leftovers_seen += !temp_files_in(out_dir).empty();
  }
  // Most kills land before the rename; a run that finishes sweeps what they left.
  CHECK(leftovers_seen > 0);
  REQUIRE(export_bank("anki", bank, target, k_epoch, {"--force"}).exit_code == 0);
  CHECK(read_text(target) == new_content);
  CHECK(folder_entries(out_dir) == std::vector<std::string>{"deck.apkg"});
}

TEST_CASE("kill -9 during lint --fix leaves the old or the fixed file, and the next run removes the temp files") {
  TempDir dir;
  fs::path bank = big_bank(dir, 3000);
  fs::path file = bank / "01-big.yaml";
  const std::string old_content = read_text(file);
  TempDir fixed_dir;
  fs::path fixed_bank = big_bank(fixed_dir, 3000);
  run_qbank({"lint", fixed_bank.string(), "--fix"});
  const std::string fixed_content = read_text(fixed_bank / "01-big.yaml");
  REQUIRE(fixed_content != old_content);
  int leftovers_seen = 0;

  for (int round = 0; round < 12; ++round) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << old_content;
    pid_t pid = start_qbank({"lint", bank.string(), "--fix", "--no-progress"}, [] {});
    kill_while_writing(pid, bank, std::chrono::milliseconds(round % 4));
    std::string now = read_text(file);
    INFO("round " << round);
    CHECK((now == old_content || now == fixed_content));
    leftovers_seen += !temp_files_in(bank).empty();
  }
  CHECK(leftovers_seen > 0);
  run_qbank({"lint", bank.string(), "--fix"});
  CHECK(read_text(file) == fixed_content);
  CHECK(temp_files_in(bank).empty());
}

TEST_CASE("a character device is written in place, never replaced, also as root") {
  TempDir dir;
  fs::path device = dir.path() / "null";
  if (mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
    WARN("mknod is not permitted here: the device-node part is skipped");
  } else {
    for (std::string format : {"anki", "csv", "markdown"}) {
      INFO(format);
      CHECK(export_bank(format, tricky_bank(), device, k_epoch).exit_code == 0);
      struct stat info {};
      REQUIRE(lstat(device.c_str(), &info) == 0);
      CHECK(S_ISCHR(info.st_mode));
    }
    CHECK(run_qbank({"lint", tricky_bank().string(), "-o", device.string()}).exit_code != 2);
    struct stat info {};
    REQUIRE(lstat(device.c_str(), &info) == 0);
    REQUIRE(S_ISCHR(info.st_mode));
    // The real one, now that a device node is known to survive.
    CHECK(export_bank("csv", tricky_bank(), "/dev/null", k_epoch).exit_code == 0);
    CHECK(run_qbank({"lint", tricky_bank().string(), "--format", "json", "-o", "/dev/null"}).err.empty());
    REQUIRE(lstat("/dev/null", &info) == 0);
    CHECK(S_ISCHR(info.st_mode));
  }
  CHECK(folder_entries(dir.path()) == std::vector<std::string>{"null"});
}

TEST_CASE("a FIFO gets the export streamed into it and stays a FIFO") {
  TempDir dir;
  fs::path fifo = dir.path() / "pipe";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  // Held open read-write, the FIFO never blocks its writer (the CSV fits in its buffer) and
  // this test cannot hang, whatever qbank does with the path.
  int fd = open(fifo.c_str(), O_RDWR | O_NONBLOCK);
  REQUIRE(fd >= 0);
  REQUIRE(export_bank("csv", tricky_bank(), fifo, k_epoch).exit_code == 0);
  std::string streamed;
  char buffer[4096];
  for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;) streamed.append(buffer, static_cast<std::size_t>(n));
  close(fd);
  REQUIRE(export_bank("csv", tricky_bank(), dir.path() / "file.csv", k_epoch).exit_code == 0);
  CHECK(streamed == read_text(dir.path() / "file.csv"));
  struct stat info {};
  REQUIRE(lstat(fifo.c_str(), &info) == 0);
  CHECK(S_ISFIFO(info.st_mode));
}

TEST_CASE("a symlinked output is followed: the link stays, its file gets the content") {
  TempDir dir;
  fs::create_directories(dir.path() / "real");
  fs::path real = dir.write("real/deck.csv", "old");
  fs::create_symlink("real/deck.csv", dir.path() / "link.csv");
  REQUIRE(export_bank("csv", tricky_bank(), dir.path() / "link.csv", k_epoch).exit_code == 0);
  CHECK(fs::is_symlink(dir.path() / "link.csv"));
  CHECK(read_text(real).starts_with("\"id\",\"section\""));
  CHECK(folder_entries(dir.path() / "real") == std::vector<std::string>{"deck.csv"});

  fs::create_symlink("real/nothing.csv", dir.path() / "dangling.csv");
  auto dangling = export_bank("csv", tricky_bank(), dir.path() / "dangling.csv", k_epoch);
  CHECK(dangling.exit_code == 2);
  CHECK(dangling.err.find("is a symbolic link to 'real/nothing.csv', which does not exist") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "real/nothing.csv"));

  auto folder = export_bank("csv", tricky_bank(), dir.path() / "real", k_epoch);
  CHECK(folder.exit_code == 2);
  CHECK(folder.err.find("it is a folder") != std::string::npos);
}

TEST_CASE("lint --fix on a symlinked section file fixes the real file and keeps the link, owner and group") {
  TempDir dir;
  fs::path real = dir.write("real/01.yaml",
                            "section: S\nquestions:\n  - id: a\n    question: Q?\n    answer: \"A \xEE\x88\x80"
                            "cite\xEE\x88\x82turn0search1\xEE\x88\x81.\"\n");
  dir.write("bank/bank.yaml", "title: T\ndeck: T\n");
  fs::create_symlink("../real/01.yaml", dir.path() / "bank/01.yaml");
  bool root = geteuid() == 0;
  if (root) REQUIRE(chown(real.c_str(), 4321, 8765) == 0);
  REQUIRE(chmod(real.c_str(), 0640) == 0);
  auto result = run_qbank({"lint", (dir.path() / "bank").string(), "--fix"});
  CHECK(result.exit_code == 0);
  CHECK(fs::is_symlink(dir.path() / "bank/01.yaml"));
  CHECK(read_text(real).find("turn0search1") == std::string::npos);
  struct stat info {};
  REQUIRE(stat(real.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0640);
  if (root) {
    CHECK(info.st_uid == 4321u);
    CHECK(info.st_gid == 8765u);
  }
  CHECK(temp_files_in(dir.path() / "real").empty());
}

namespace {
// Exports with the file size limited: a write past it fails with EFBIG ("File too large")
// instead of the signal, as a full disk fails with ENOSPC.
int export_with_size_limit(const std::vector<std::string>& args, const fs::path& err_file) {
  pid_t pid = start_qbank(args, [&] {
    int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(err, 2);
    signal(SIGXFSZ, SIG_IGN);
    rlimit limit{8192, 8192};
    setrlimit(RLIMIT_FSIZE, &limit);
  });
  return wait_exit(pid);
}

// An 8 KiB tmpfs mounted on a temp folder while it lives (needs root and mount rights).
struct SmallDisk {
  fs::path at;
  bool mounted = false;
  explicit SmallDisk(fs::path folder) : at(std::move(folder)) {
    fs::create_directories(at);
    mounted = mount("tmpfs", at.c_str(), "tmpfs", 0, "size=8k") == 0;
  }
  ~SmallDisk() {
    if (mounted) umount2(at.c_str(), MNT_DETACH);
  }
};
}  // namespace

TEST_CASE("a full disk is reported with its cause and the output's name, and leaves no temp file") {
  TempDir dir;
  fs::path bank = source_dir() / "questions";
  for (std::string format : {"anki", "anki-text", "csv", "markdown"}) {
    INFO(format);
    fs::path out = dir.path() / ("out." + format);
    fs::path err = dir.path() / "err.txt";
    CHECK(export_with_size_limit({"export", format, bank.string(), "-o", out.string()}, err) == 2);
    std::string message = read_text(err);
    CHECK(message.find("qbank: error: cannot write '" + out.string() + "': ") != std::string::npos);
    CHECK(message.find("File too large") != std::string::npos);
    CHECK(message.find(".qbank-tmp-") == std::string::npos);
    CHECK_FALSE(fs::exists(out));
    CHECK(temp_files_in(dir.path()).empty());
  }
  fs::path report = dir.path() / "report.json";
  CHECK(export_with_size_limit({"lint", (source_dir() / "tests/fixtures/seed-naive").string(), "--format", "json", "-o",
                                report.string()},
                               dir.path() / "err.txt") == 2);
  CHECK(read_text(dir.path() / "err.txt").find("cannot write '" + report.string() + "': File too large") != std::string::npos);

  SmallDisk disk(dir.path() / "small");
  if (!disk.mounted) {
    WARN("cannot mount a tmpfs here: the full-disk part ran with RLIMIT_FSIZE only");
    return;
  }
  for (std::string format : {"anki", "csv", "markdown"}) {
    INFO(format);
    fs::path out = disk.at / ("out." + format);
    auto result = export_bank(format, bank, out, k_epoch);
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("cannot write '" + out.string() + "': ") != std::string::npos);
    CHECK(result.err.find("No space left on device") != std::string::npos);
    CHECK(folder_entries(disk.at).empty());
  }
}

TEST_CASE("an output named /dev/stdout goes to whatever stdout is, here a pipe") {
  auto lint = run_qbank({"lint", tricky_bank().string(), "-o", "/dev/stdout"});
  CHECK(lint.exit_code == 0);
  CHECK(lint.out == "No problems in 3 files (6 questions)\n");
  auto csv = export_bank("csv", tricky_bank(), "/dev/stdout", k_epoch);
  CHECK(csv.exit_code == 0);
  CHECK(csv.out.starts_with("\"id\",\"section\""));
}
