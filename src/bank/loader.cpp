#include "bank/loader.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>

#include "bank/model_builder.hpp"
#include "bank/yaml_explain.hpp"
#include "bank/yaml_json.hpp"
#include "core/atomic_file.hpp"
#include "core/diagnostic_limit.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "schema/validator.hpp"

namespace qbank::bank {

namespace fs = std::filesystem;

namespace {

Diagnostic make(const std::string& file, int line, int column, std::string rule, std::string message, std::string hint = {}) {
  Diagnostic d;
  d.where = {file, line, column};
  d.rule = std::move(rule);
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

// The first tab in a line's leading white space at or before `last_line` (1-based), if any.
std::optional<text::LineColumn> tab_in_indentation(std::string_view content, int last_line) {
  int line = 1;
  std::size_t start = 0;
  while (start <= content.size() && line <= last_line) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    for (std::size_t i = start; i < end && (content[i] == ' ' || content[i] == '\t'); ++i)
      if (content[i] == '\t') return text::LineColumn{line, static_cast<int>(i - start) + 1};
    start = end + 1;
    ++line;
  }
  return std::nullopt;
}

LoadedFile load_unlimited(const std::string& file_name, std::string content, bool is_bank_yaml, const LoadOptions& options) {
  LoadedFile result;
  auto report = [&](int line, int column, std::string rule, std::string message, std::string hint = {}) {
    result.diagnostics.push_back(make(file_name, line, column, std::move(rule), std::move(message), std::move(hint)));
  };

  if (content.size() > options.max_file_bytes) {
    report(0, 0, "input-limit", fmt::format("file is {} bytes, over the limit of {} bytes", content.size(), options.max_file_bytes),
           "split it into several section files, or raise limits.max-file-size in qbank.yaml");
    return result;
  }
  if (auto bad = text::find_invalid_utf8(content)) {
    auto at = text::line_column_at(content, *bad);
    report(at.line, at.column, "invalid-utf8",
           fmt::format("invalid UTF-8 (byte 0x{:02X}); the file must be UTF-8 encoded", static_cast<unsigned char>(content[*bad])),
           "re-save the file as UTF-8");
    return result;
  }
  // A UTF-8 byte order mark is harmless; drop it so columns on line 1 stay right.
  if (content.starts_with("\xEF\xBB\xBF")) content.erase(0, 3);
  if (content.find('\0') != std::string::npos) {
    auto at = text::line_column_at(content, content.find('\0'));
    report(at.line, at.column, "invalid-utf8", "NUL byte in a text file", "is this a binary file?");
    return result;
  }

  YamlDocument document;
  try {
    document = YamlDocument::parse(content);
  } catch (const YAML::Exception& error) {
    int error_line = error.mark.is_null() ? 0 : error.mark.line + 1;
    if (auto tab = tab_in_indentation(content, error_line > 0 ? error_line : 1 << 30)) {
      report(tab->line, tab->column, "yaml-syntax", "tab character in indentation: YAML allows only spaces there",
             "replace the tab with spaces");
    } else if (dynamic_cast<const YAML::DeepRecursion*>(&error) != nullptr) {
      report(error_line, error.mark.column + 1, "input-limit", "nesting is too deep for the YAML parser");
    } else {
      Explanation plain = explain_yaml_error(error, content);
      report(plain.line, plain.column, "yaml-syntax", plain.message, plain.hint);
    }
    return result;
  }
  // Every document is parsed (so a later one's syntax errors are found), but qbank reads one.
  if (document.document_count() > 1) {
    report(location_of(document.root(1), file_name).line, 1, "yaml-syntax",
           fmt::format("{} YAML documents in one file ('---' separators); qbank reads one document per file",
                       document.document_count()),
           "move each document into a file of its own");
    return result;
  }
  YamlNode root = document.root();
  if (!root.present() || root.is_null()) {
    report(0, 0, "empty-file", is_bank_yaml ? "bank.yaml is empty" : "file is empty: a section file needs 'section' and 'questions'");
    return result;
  }

  ConversionLimits limits;
  limits.max_depth = options.max_depth;
  // A node needs at least a byte or two of text; far more nodes than bytes can only come from
  // aliases expanding, so the budget scales with the file instead of being one fixed number.
  limits.max_nodes = 2 * content.size() + 1024;
  // Only checked here (duplicate keys, limits); the validator converts the tree in parts.
  Conversion conversion = check_yaml(root, file_name, limits);
  for (auto& d : conversion.diagnostics) result.diagnostics.push_back(std::move(d));
  if (!conversion.complete) return result;
  // Mistakes the parser accepts but that lose text (an unclosed quote, '&' or '!' at the
  // start of a value): errors like a parse failure, and the file is read no further.
  if (auto silent = find_silent_mistakes(root, content); !silent.empty()) {
    for (auto& e : silent) report(e.line, e.column, "yaml-syntax", std::move(e.message), std::move(e.hint));
    return result;
  }

  if (options.validate_schema) {
    auto kind = is_bank_yaml ? schema::DocumentKind::bank : schema::DocumentKind::section;
    for (auto& d : schema::validate(kind, root, file_name)) result.diagnostics.push_back(std::move(d));
  }
  if (!root.is_mapping()) return result;  // the schema has said what is wrong
  if (is_bank_yaml)
    result.info = build_bank_info(root, file_name);
  else
    result.section = build_section(root, file_name, content);
  return result;
}

}  // namespace

LoadedFile load_document(const std::string& file_name, std::string content, bool is_bank_yaml, const LoadOptions& options) {
  LoadedFile result = load_unlimited(file_name, std::move(content), is_bank_yaml, options);
  limit_diagnostics(result.diagnostics);
  return result;
}

std::vector<fs::path> bank_files(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code error;
  fs::recursive_directory_iterator it(folder, fs::directory_options::none, error), end;
  if (error) throw Error(fmt::format("cannot read folder '{}': {}", folder.string(), error.message()));
  for (; it != end; it.increment(error)) {
    if (error) throw Error(fmt::format("cannot read folder '{}': {}", folder.string(), error.message()));
    const auto& path = it->path();
    std::string name = path.filename().string();
    if (name.starts_with(".")) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    auto extension = path.extension().string();
    if (extension != ".yaml" && extension != ".yml") continue;
    if (name == "qbank.yaml" || name == "qbank.yml") continue;
    files.push_back(path);
  }
  std::sort(files.begin(), files.end(), [&](const fs::path& a, const fs::path& b) {
    bool a_bank = a.parent_path() == folder && a.stem() == "bank";
    bool b_bank = b.parent_path() == folder && b.stem() == "bank";
    if (a_bank != b_bank) return a_bank;
    return a < b;
  });
  return files;
}

namespace {

LoadedBank load_file_list(const std::vector<fs::path>& files, const fs::path& root, const LoadOptions& options) {
  std::vector<LoadedFile> loaded(files.size());
  std::vector<std::exception_ptr> failures(files.size());
  std::atomic<std::size_t> next{0}, done{0};
  auto bank_yaml = [&](const fs::path& file) {
    return file.stem() == "bank" && (root.empty() || file.parent_path() == root);
  };
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      try {
        std::error_code error;
        auto size = fs::file_size(files[i], error);
        if (!error && size > options.max_file_bytes) {
          // Do not even read a file that is over the limit.
          loaded[i].diagnostics.push_back(make(files[i].string(), 0, 0, "input-limit",
              fmt::format("file is {} bytes, over the limit of {} bytes", size, options.max_file_bytes),
              "split it into several section files, or raise limits.max-file-size in qbank.yaml"));
        } else {
          loaded[i] = load_document(files[i].string(), read_file(files[i]), bank_yaml(files[i]), options);
        }
      } catch (...) {
        failures[i] = std::current_exception();
      }
      if (options.progress) options.progress(++done, files.size());
    }
  };
  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, files.size()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();
  for (auto& failure : failures)
    if (failure) std::rethrow_exception(failure);

  LoadedBank result;
  result.bank.root = root;
  result.files = files.size();
  for (auto& file : loaded) {
    for (auto& d : file.diagnostics) result.diagnostics.push_back(std::move(d));
    if (file.info) result.bank.info = std::move(*file.info);
    if (file.section) {
      auto index = result.bank.sections.size();
      for (auto& question : file.section->questions) question.section_index = index;
      result.bank.sections.push_back(std::move(*file.section));
    }
  }
  return result;
}

}  // namespace

LoadedBank load_bank(const fs::path& given, const LoadOptions& options) {
  // "questions/" and "questions" are one folder: drop a trailing separator before comparing.
  fs::path folder = given.has_filename() ? given : given.parent_path();
  auto files = bank_files(folder);
  if (files.empty()) throw Error(fmt::format("no YAML files in '{}'", folder.string()));
  return load_file_list(files, folder, options);
}

LoadedBank load_files(const std::vector<fs::path>& files, const LoadOptions& options) {
  return load_file_list(files, {}, options);
}

std::vector<LoadedBank> load_paths(const std::vector<fs::path>& paths, const LoadOptions& options) {
  std::vector<LoadedBank> banks;
  std::vector<fs::path> loose;
  for (const auto& path : paths) {
    std::error_code error;
    auto status = fs::status(path, error);
    if (error || !fs::exists(status)) throw Error(fmt::format("'{}' does not exist", path.string()));
    if (fs::is_directory(status))
      banks.push_back(load_bank(path, options));
    else
      loose.push_back(path);
  }
  if (!loose.empty()) banks.push_back(load_files(loose, options));
  return banks;
}

}  // namespace qbank::bank
