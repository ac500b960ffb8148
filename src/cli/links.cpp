// qbank links [PATH...]: check every URL the bank cites, once, and report dead links. The
// stages live in src/links/ (extract -> policy -> checker -> cache -> report); this file is
// options, loading and output only.
#include <iostream>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "bank/loader.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/usage.hpp"
#include "core/error.hpp"
#include "links/config.hpp"
#include "links/extract.hpp"
#include "links/report.hpp"
#include "links/run.hpp"
#include "lint/lint.hpp"

namespace qbank::cli {

namespace {

struct LinksCli {
  InputOptions input;
  OutputOptions output;
  std::optional<int> concurrency, per_host, retries;
  std::string timeout, max_age, cache, fail_on;
  bool no_cache = false;
  bool allow_private = false;
  std::vector<std::string> exclude;
  std::vector<std::string> against;
};

links::Millis duration_option(const std::string& name, const std::string& text) {
  auto parsed = links::parse_duration(text);
  if (!parsed) throw Error(fmt::format("{}: '{}' is not a duration such as 10, 10s or 500ms", name, text));
  return *parsed;
}

links::LinksSettings settings_from(const LinksCli& cli, const config::Config& config) {
  links::LinksSettings settings;
  links::apply_config(config.stage("links"), config.file.string(), settings);
  auto& check = settings.check;
  if (cli.concurrency) check.concurrency = *cli.concurrency;
  if (cli.per_host) check.per_host = *cli.per_host;
  if (cli.retries) check.retries = *cli.retries;
  if (!cli.timeout.empty()) check.timeout = duration_option("--timeout", cli.timeout);
  if (!cli.max_age.empty())
    settings.max_age = std::chrono::duration_cast<std::chrono::seconds>(duration_option("--max-age", cli.max_age));
  if (!cli.cache.empty()) settings.cache_file = cli.cache;
  // A cache path in qbank.yaml is relative to the config file, like every path in it.
  else if (settings.cache_file && settings.cache_file->is_relative() && !config.file.empty())
    settings.cache_file = config.file.parent_path() / *settings.cache_file;
  if (cli.no_cache) settings.cache_file.reset();
  if (cli.allow_private) check.policy.allow_private = true;
  check.policy.exclude_patterns.insert(check.policy.exclude_patterns.end(), cli.exclude.begin(), cli.exclude.end());
  if (!cli.fail_on.empty()) settings.fail_on = *links::parse_fail_on(cli.fail_on);
  return settings;
}

// Loads PATHs without schema validation (that is `qbank lint`'s job); files that do not
// load are named on stderr, since their links cannot be checked.
std::vector<bank::LoadedBank> load_banks(const std::vector<std::filesystem::path>& paths, const config::Config& config) {
  bank::LoadOptions options = lint::load_options(config);
  options.validate_schema = false;
  auto banks = bank::load_paths(paths, options);
  for (const auto& loaded : banks)
    for (const auto& d : loaded.diagnostics)
      if (d.severity == Severity::error)
        std::cerr << fmt::format("qbank: warning: {}:{}: {} (links in this file may be missed; run qbank lint)\n",
                                 d.where.file, d.where.line, d.message);
  return banks;
}

std::vector<const bank::Bank*> bank_pointers(const std::vector<bank::LoadedBank>& banks) {
  std::vector<const bank::Bank*> pointers;
  for (const auto& loaded : banks) pointers.push_back(&loaded.bank);
  return pointers;
}

}  // namespace

Runner configure_links(CLI::App& command) {
  auto cli = std::make_shared<LinksCli>();
  add_input_options(command, cli->input);
  add_output_options(command, cli->output, {"text", "json", "markdown", "github"});
  command.add_option("--concurrency", cli->concurrency, "Requests in flight at once (default 32)")->check(CLI::Range(1, 10000));
  command.add_option("--per-host", cli->per_host, "Requests in flight to one host (default 4)")->check(CLI::Range(1, 10000));
  command.add_option("--timeout", cli->timeout, "Per-request timeout, e.g. 10 or 10s or 500ms (default 10s)")->type_name("S");
  command.add_option("--retries", cli->retries, "Retries for timeouts, resets, 5xx and 429 (default 3)")->check(CLI::Range(0, 20));
  command.add_option("--cache", cli->cache, "Cache file: healthy URLs are not re-checked while fresh")->type_name("FILE");
  command.add_option("--max-age", cli->max_age, "How long a cached result stays fresh (default 1d)")->type_name("DURATION");
  command.add_flag("--no-cache", cli->no_cache, "Ignore the cache configured in qbank.yaml");
  command.add_option("--exclude", cli->exclude, "Do not check URLs matching this regex (repeatable)")->type_name("REGEX")
      ->allow_extra_args(false);  // one value per --exclude, so PATHs after it stay PATHs
  command.add_flag("--allow-private", cli->allow_private, "Allow private, loopback and link-local targets");
  command.add_option("--against", cli->against, "Check only URLs not already in this reference bank (for pull requests)")
      ->type_name("REF_PATH")
      ->allow_extra_args(false);
  choices(command.add_option("--fail-on", cli->fail_on, "Exit 1 on: dead (default), error (dead or unreachable), never"),
          {"dead", "error", "never"});
  command.footer(
      "Checks resources and Markdown links once per URL (HEAD, GET if HEAD is refused), with retries,\n"
      "a per-host limit and a refusal of private addresses. Formats: text, json, markdown (a report\n"
      "to paste into an issue), github (annotations). Settings: `links:` in qbank.yaml.");

  return [cli]() {
    config::Config config = load_config(cli->input);
    links::LinksSettings settings = settings_from(*cli, config);
    auto banks = load_banks(input_paths(cli->input), config);
    std::vector<links::Link> found = links::extract_links(bank_pointers(banks));

    std::set<std::string> skip;
    if (!cli->against.empty()) {
      std::vector<std::filesystem::path> reference_paths(cli->against.begin(), cli->against.end());
      auto reference = load_banks(reference_paths, config);
      for (const auto& link : links::extract_links(bank_pointers(reference))) skip.insert(link.url);
    }

    output::Progress progress("qbank: checking links", progress_enabled(cli->output));
    links::LinkRun run = links::run_links(std::move(found), settings, skip,
                                          [&progress](std::size_t done, std::size_t total) { progress.update(done, total); });
    progress.finish();
    for (const auto& warning : run.warnings) std::cerr << "qbank: warning: " << warning << "\n";

    links::ReportScope scope;
    for (const auto& loaded : banks) {
      scope.files += loaded.files;
      scope.questions += loaded.bank.question_count();
    }
    const std::string format = chosen_format(cli->output);
    std::vector<Diagnostic> diagnostics = links::link_diagnostics(run.results);
    lint::finish_diagnostics(diagnostics, config);
    if (format == "json") write_output(links::render_json(run, scope, diagnostics), cli->output.output);
    else if (format == "markdown") write_output(links::render_markdown(run, scope), cli->output.output);
    else {
      output::RenderContext context;
      context.color = color_for_stdout(cli->output);
      context.quiet = cli->output.quiet;
      context.summary = {scope.files, scope.questions};
      write_output(
          [&](std::ostream& out) {
            if (format == "github") return output::write_github(diagnostics, context, out);
            output::write_text(diagnostics, context, out);
            if (!cli->output.quiet) out << links::summary_line(run);
          },
          cli->output.output);
    }
    return links::fails(run.results, settings.fail_on) ? 1 : 0;
  };
}

}  // namespace qbank::cli
