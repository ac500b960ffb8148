// qbank export FORMAT [PATH] -o FILE: the bank as an Anki package, Anki text, CSV or Markdown.
// A bank with lint errors is refused unless --force, since a broken question would be
// published. The output goes through AtomicFile (temp file beside the target, renamed on
// success); `-o -` writes to a private temp file first and streams it to stdout. Every export
// ends with one line on stderr saying what it wrote (and, with --force, what it left out).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <set>

#include <unistd.h>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/usage.hpp"
#include "config/suggest.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "exporters/exporter.hpp"
#include "lint/lint.hpp"

namespace qbank::cli {

namespace {

struct ExportCommandOptions {
  std::string format;
  std::string path;
  std::string output;
  std::string previous;
  std::string config_file;
  std::string max_file_size;
  bool force = false;
  bool bom = false;
  bool raw = false;
  bool no_progress = false;
};

// SOURCE_DATE_EPOCH (reproducible builds convention) when set, else the current time.
std::int64_t export_time() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value || !*value) return static_cast<std::int64_t>(std::time(nullptr));
  char* end = nullptr;
  errno = 0;
  long long seconds = std::strtoll(value, &end, 10);
  if (*end != '\0' || errno != 0 || seconds < 0)
    throw Error(fmt::format("SOURCE_DATE_EPOCH must be a number of seconds, not '{}'", value));
  return seconds;
}

// qbank.yaml's `export:` section: defaults for --bom and --raw.
void apply_config(const config::Config& config, exporters::ExportOptions& options) {
  const nlohmann::json& section = config.stage("export");
  const std::vector<std::string> known{"bom", "raw"};
  for (const auto& [key, value] : section.items()) {
    if (key != "bom" && key != "raw") {
      std::string message = fmt::format("{}: export: unknown key '{}'", config.file.string(), key);
      if (auto close = config::closest_match(key, known)) message += fmt::format(" (did you mean '{}'?)", *close);
      throw Error(message);
    }
    if (!value.is_boolean()) throw Error(fmt::format("{}: export.{} must be true or false", config.file.string(), key));
    (key == "bom" ? options.bom : options.raw) = value.get<bool>();
  }
}

void stream_to_stdout(const std::filesystem::path& file) {
  std::unique_ptr<FILE, int (*)(FILE*)> in(std::fopen(file.c_str(), "rb"), std::fclose);
  if (!in) throw Error(fmt::format("cannot read '{}'", file.string()));
  // Unlinked while open: nothing is left behind even if a closed pipe kills us mid-stream.
  std::error_code ignored;
  std::filesystem::remove(file, ignored);
  char buffer[1 << 16];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, in.get())) > 0;)
    if (std::fwrite(buffer, 1, n, stdout) != n) throw Error(fmt::format("cannot write to stdout: {}", std::strerror(errno)));
  if (std::fflush(stdout) != 0) throw Error(fmt::format("cannot write to stdout: {}", std::strerror(errno)));
}

// With --force: the files that failed to load (their section and questions are not in the
// bank, so not in the output), each with its first error.
std::vector<std::string> files_left_out(const bank::Bank& bank, const std::vector<Diagnostic>& diagnostics) {
  std::set<std::string> loaded;
  if (!bank.info.file.empty()) loaded.insert(bank.info.file);
  for (const auto& section : bank.sections) loaded.insert(section.file);
  std::vector<std::string> out;
  std::set<std::string> named;
  for (const auto& diagnostic : diagnostics) {
    const std::string& file = diagnostic.where.file;
    if (diagnostic.severity != Severity::error || file.empty() || loaded.count(file) || !named.insert(file).second) continue;
    out.push_back(fmt::format("{}: the whole file, which does not load ({}:{}: {} [{}])", file, file, diagnostic.where.line,
                              diagnostic.message, diagnostic.rule));
  }
  return out;
}

// Error messages name the file the user asked for, never the temp file beside it.
[[noreturn]] void rethrow_for_target(const Error& error, const std::filesystem::path& temp, const std::string& target) {
  std::string message = error.what();
  const std::string temp_name = temp.string();
  for (std::size_t at; !temp_name.empty() && (at = message.find(temp_name)) != std::string::npos;)
    message.replace(at, temp_name.size(), target);
  throw Error(message);
}

void print_summary(const std::string& target, const exporters::ExportReport& report, bool force) {
  auto plural = [](std::size_t n, std::string_view word) {
    return fmt::format("{} {}", n, n == 1 ? word.substr(0, word.size() - 1) : word);
  };
  std::string line = fmt::format("qbank: wrote {}: {} in {}", target, plural(report.items, report.item_word),
                                 plural(report.groups, report.group_word));
  if (report.changed) line += fmt::format(" ({} changed since --previous)", *report.changed);
  std::fprintf(stderr, "%s\n", line.c_str());
  if (force && !report.left_out.empty()) {
    std::fprintf(stderr, "qbank: left out (--force):\n");
    for (const auto& what : report.left_out) std::fprintf(stderr, "  %s\n", what.c_str());
  }
}

int run_export(const ExportCommandOptions& options) {
  const exporters::Exporter* exporter = exporters::find_exporter(options.format);
  if (!exporter) throw Error(fmt::format("unknown export format '{}'", options.format));
  if (!options.previous.empty() && !exporter->uses_previous)
    throw Error(fmt::format("--previous is for the anki format (it keeps unchanged notes' times); {} has no use for it",
                            exporter->name));
  // Checked before the work: a package's bytes on a terminal are garbage and can leave it in a
  // strange state (as gzip and zstd refuse to).
  if (options.output == "-" && exporter->binary && ::isatty(STDOUT_FILENO))
    throw Error(fmt::format("refusing to write a binary .{} package to a terminal: redirect stdout or use -o FILE",
                            exporter->extension));
  InputOptions input;
  if (!options.path.empty()) input.paths.push_back(options.path);
  input.config_file = options.config_file;
  input.max_file_size = options.max_file_size;
  config::Config config = load_config(input);

  exporters::ExportOptions export_options;
  apply_config(config, export_options);
  export_options.timestamp = export_time();
  if (!options.previous.empty()) export_options.previous = options.previous;
  export_options.bom = export_options.bom || options.bom;
  export_options.raw = export_options.raw || options.raw;

  // The lint run before an export loads the bank and searches it for duplicates: seconds on a
  // large bank, shown as lint shows them.
  lint::LintRun run = run_lint_with_progress(input_paths(input), config, !options.no_progress);
  if (has_errors(run.diagnostics)) {
    std::vector<Diagnostic> errors;
    for (const auto& diagnostic : run.diagnostics)
      if (diagnostic.severity == Severity::error) errors.push_back(diagnostic);
    output::RenderContext context;
    context.color = output::use_color(output::ColorChoice::automatic, stderr);
    context.summary = run.summary;
    std::string report = output::render_text(errors, context);
    std::fwrite(report.data(), 1, report.size(), stderr);
    if (!options.force) {
      std::fprintf(stderr, "qbank: error: export refused: the bank has %zu lint error%s (fix %s, or export anyway with --force)\n",
                   errors.size(), errors.size() == 1 ? "" : "s", errors.size() == 1 ? "it" : "them");
      return 1;
    }
    std::fprintf(stderr, "qbank: warning: exporting despite %zu lint error%s (--force)\n", errors.size(),
                 errors.size() == 1 ? "" : "s");
  }
  if (run.banks.size() != 1) throw Error("qbank export takes one bank folder or file");
  const bank::Bank& bank = run.banks.front().bank;
  // The notes' identity in Anki (their GUIDs) follows the deck name: without bank.yaml it is the
  // folder's name or "qbank", and a later export with bank.yaml would duplicate every note.
  if (exporter->deck_identity && bank.info.file.empty())
    std::fprintf(stderr, "qbank: warning: no bank.yaml in this export: the deck is '%s' and the notes' GUIDs follow it; %s\n",
                 bank.deck_name().c_str(),
                 bank.root.empty() ? "export the bank folder so that a re-import updates the same notes"
                                   : "add a bank.yaml with 'deck:' so that the notes keep their identity");

  exporters::ExportReport report;
  if (options.output == "-") {
    // Exporters write files (SQLite needs one); stdout gets the bytes of a file in a private
    // folder (mkdtemp: no name in the shared temp folder that another user could plant).
    remove_stale_temp_files(std::filesystem::temp_directory_path());
    struct Folder {
      std::filesystem::path path;
      ~Folder() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
      }
    } folder{make_temp_folder(std::filesystem::temp_directory_path() / "qbank-export")};
    std::filesystem::path file = folder.path / fmt::format("export.{}", exporter->extension);
    try {
      report = exporter->write(bank, export_options, file);
    } catch (const Error& error) {
      rethrow_for_target(error, file, "stdout");
    }
    stream_to_stdout(file);
  } else {
    AtomicFile file(options.output);
    try {
      report = exporter->write(bank, export_options, file.temp_path());
    } catch (const Error& error) {
      rethrow_for_target(error, file.temp_path(), options.output);
    }
    file.commit();
  }
  auto left_out = files_left_out(bank, run.diagnostics);
  report.left_out.insert(report.left_out.begin(), left_out.begin(), left_out.end());
  print_summary(options.output == "-" ? "stdout" : options.output, report, options.force);
  return 0;
}

}  // namespace

Runner configure_export(CLI::App& command) {
  auto options = std::make_shared<ExportCommandOptions>();
  std::vector<std::string> names;
  std::string formats = "Formats:\n";
  for (const auto& exporter : exporters::all_exporters()) {
    names.emplace_back(exporter.name);
    if (!exporter.alias.empty()) names.emplace_back(exporter.alias);
    std::string name = exporter.alias.empty() ? std::string(exporter.name) : fmt::format("{} ({})", exporter.name, exporter.alias);
    formats += fmt::format("  {:<16} {}\n", name, exporter.summary);
  }
  choices(command.add_option("format", options->format, "Output format")->required(), names);
  command.add_option("path", options->path, "Bank folder or YAML file (default: questions/)")->type_name("PATH");
  command.add_option("-o,--output", options->output, "Write to FILE ('-' for stdout)")->required()->type_name("FILE");
  command.add_flag("--force", options->force, "Export even if the bank has lint errors");
  command.add_option("--previous", options->previous,
                     "anki: the last published .apkg; unchanged notes keep its modification times")
      ->type_name("OLD.apkg");
  command.add_flag("--bom", options->bom, "csv: start with a UTF-8 byte order mark (for spreadsheets)");
  command.add_flag("--raw", options->raw, "csv: do not guard cells a spreadsheet would run as a formula (= + @, - before a digit or '(')");
  command.add_option("-c,--config", options->config_file, "Config file (default: the nearest qbank.yaml from the bank folder up to the repository root)")
      ->type_name("FILE");
  command.add_option("--max-file-size", options->max_file_size, "Skip and report YAML files larger than this (default 16MiB)")
      ->type_name("SIZE");
  command.add_flag("--no-progress", options->no_progress, "No progress line on stderr (shown only on a TTY anyway)");
  command.footer(formats +
                 "\nSOURCE_DATE_EPOCH, when set, is the export time stamped into the output (reproducible packages).\n"
                 "Re-importing a new .apkg into Anki updates the edited notes; pass --previous with the last\n"
                 "published package so that unchanged notes are left alone.");
  return [options]() { return run_export(*options); };
}

}  // namespace qbank::cli
