// `vnkg build`: read articles, extract their facts and save the graph. Reading is sequential,
// extraction runs on -j threads a batch at a time, and the batch is merged in input order, so
// the graph is the same whatever -j is.
#include "cli/commands.hpp"

#include "extract/extractor.hpp"
#include "extract/reader.hpp"
#include "extract/to_graph.hpp"
#include "graph/file.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace vnkg::cli {

namespace {

struct BuildOptions {
    std::vector<std::string> inputs;
    std::string output;
    std::string into;
    bool strict = false;
    bool quiet = false;
    bool read_only = false;
    std::string lexicon;
    unsigned jobs = 0;
    extract::ReaderOptions reader;
};

/// Articles extracted together; fixed, so that batch boundaries never depend on -j.
constexpr std::size_t kBatch = 128;

using Clock = std::chrono::steady_clock;

std::string megabytes(std::size_t bytes) {
    std::ostringstream out;
    out.precision(1);
    out << std::fixed << static_cast<double>(bytes) / 1e6 << " MB";
    return out.str();
}

/// Progress and diagnostics on stderr. On a terminal one line is redrawn every two seconds;
/// otherwise (a log, a pipe) a line is written every 500 articles.
class Reporter {
public:
    explicit Reporter(bool quiet) : quiet_(quiet), tty_(::isatty(STDERR_FILENO) != 0) {}

    void diagnostic(const extract::Diagnostic& d) {
        clear_line();
        std::cerr << "vnkg: " << d.message() << '\n';
    }

    void note(const std::string& text) {
        clear_line();
        std::cerr << "vnkg: " << text << '\n';
    }

    void progress(std::size_t articles, std::size_t bytes) {
        if (quiet_) {
            return;
        }
        if (tty_) {
            auto now = Clock::now();
            if (now - last_ < std::chrono::seconds(2)) {
                return;
            }
            last_ = now;
            std::cerr << "\r\033[Kvnkg: " << articles << " articles read (" << megabytes(bytes)
                      << ")..." << std::flush;
            drawn_ = true;
        } else if (articles % 500 == 0) {
            std::cerr << "vnkg: " << articles << " articles read (" << megabytes(bytes) << ")\n";
        }
    }

    void clear_line() {
        if (drawn_) {
            std::cerr << "\r\033[K" << std::flush;
            drawn_ = false;
        }
    }

private:
    bool quiet_;
    bool tty_;
    bool drawn_ = false;
    Clock::time_point last_ = Clock::now();
};

/// Extracts a batch on several threads; results keep the batch's order.
class BatchExtractor {
public:
    BatchExtractor(const extract::Extractor& extractor, unsigned jobs)
        : extractor_(extractor), jobs_(std::max(1u, jobs)) {}

    struct Outcome {
        std::optional<extract::Extraction> extraction;
        std::string error;
    };

    std::vector<Outcome> run(std::vector<extract::Article>& batch) const {
        std::vector<Outcome> out(batch.size());
        std::atomic<std::size_t> next{0};
        auto work = [&] {
            for (std::size_t i = next++; i < batch.size(); i = next++) {
                try {
                    out[i].extraction = extractor_.run(std::move(batch[i]));
                } catch (const std::exception& e) {
                    out[i].error = e.what();
                }
            }
        };
        unsigned threads = static_cast<unsigned>(std::min<std::size_t>(jobs_, batch.size()));
        if (threads <= 1) {
            work();
            return out;
        }
        std::vector<std::thread> pool;
        pool.reserve(threads);
        for (unsigned t = 0; t < threads; ++t) {
            pool.emplace_back(work);
        }
        for (std::thread& t : pool) {
            t.join();
        }
        return out;
    }

private:
    const extract::Extractor& extractor_;
    unsigned jobs_;
};

struct Tally {
    std::size_t fresh = 0;
    std::size_t unchanged = 0;
    std::size_t replaced = 0;
    std::size_t failed = 0;
    std::size_t dropped_relations = 0;
};

/// Decides for each article whether it is new, unchanged or a replacement, and merges batches.
class GraphBuilder {
public:
    GraphBuilder(graph::Graph& graph, const BatchExtractor& extractor, Reporter& reporter)
        : graph_(graph), extractor_(extractor), reporter_(reporter) {}

    void add(extract::Article&& article) {
        auto pending = pending_.find(article.id);
        if (pending != pending_.end()) {
            if (pending->second == article.hash) {
                ++tally_.unchanged;
                return;
            }
            // The earlier version must be in the graph before this one can replace it.
            flush();
        }
        bool replace = false;
        if (const graph::ArticleInfo* known = graph_.article(article.id)) {
            if (known->hash == article.hash) {
                ++tally_.unchanged;
                return;
            }
            replace = true;
        }
        pending_.emplace(article.id, article.hash);
        replace_.push_back(replace);
        batch_.push_back(std::move(article));
        if (batch_.size() >= kBatch) {
            flush();
        }
    }

    void flush() {
        if (batch_.empty()) {
            return;
        }
        std::vector<std::string> sources;
        sources.reserve(batch_.size());
        for (const extract::Article& a : batch_) {
            sources.push_back(a.source);
        }
        auto outcomes = extractor_.run(batch_);
        std::set<std::string, std::less<>> replaced;
        for (std::size_t i = 0; i < outcomes.size(); ++i) {
            if (outcomes[i].extraction && replace_[i]) {
                replaced.insert(outcomes[i].extraction->article.id);
            }
        }
        if (!replaced.empty()) {
            graph_.remove_articles(replaced);
            // A gazetteer fact that an article also stated goes with the article's provenance.
            extract::add_gazetteer_facts(graph_);
        }
        for (std::size_t i = 0; i < outcomes.size(); ++i) {
            if (!outcomes[i].extraction) {
                ++tally_.failed;
                reporter_.note(sources[i] + ": extraction failed: " + outcomes[i].error);
                continue;
            }
            extract::AddCounts c = extract::add_to_graph(graph_, *outcomes[i].extraction);
            tally_.dropped_relations += c.dropped_relations;
            ++(replace_[i] ? tally_.replaced : tally_.fresh);
        }
        batch_.clear();
        replace_.clear();
        pending_.clear();
    }

    const Tally& tally() const { return tally_; }

private:
    graph::Graph& graph_;
    const BatchExtractor& extractor_;
    Reporter& reporter_;
    std::vector<extract::Article> batch_;
    std::vector<bool> replace_;
    std::unordered_map<std::string, std::string> pending_; ///< id -> hash of the batch's articles
    Tally tally_;
};

int usage_error(const std::string& message) {
    std::cerr << "vnkg build: " << message << "\nRun `vnkg build --help` for the options.\n";
    return 2;
}

/// The hidden --read-only mode: reading and normalising alone, for bench/build_throughput.sh.
int run_read_only(const BuildOptions& options) {
    Reporter reporter(options.quiet);
    std::size_t text_bytes = 0;
    auto start = Clock::now();
    extract::ReadCounts counts = extract::read_inputs(
        options.inputs, options.reader,
        [&text_bytes](extract::Article&& a) { text_bytes += a.text.size(); },
        [&reporter](const extract::Diagnostic& d) { reporter.diagnostic(d); });
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    // CPU time as well: on a busy machine the wall clock says more about the neighbours.
    double cpu = static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
    double mb = static_cast<double>(counts.bytes) / 1e6;
    std::cout << counts.read << " articles read, " << counts.skipped << " skipped; "
              << counts.bytes << " bytes in " << seconds << " s (" << cpu << " s CPU): "
              << mb / std::max(seconds, 1e-9) << " MB/s, " << mb / std::max(cpu, 1e-9)
              << " MB/s of CPU time\n";
    return counts.read > 0 ? 0 : 1;
}

int run_build(const BuildOptions& options) {
    if (options.inputs.empty()) {
        return usage_error("no inputs: name files, folders, or - for stdin");
    }
    if (options.read_only) {
        return run_read_only(options);
    }
    if (options.output.empty() == options.into.empty()) {
        return usage_error(options.output.empty()
                               ? "say where the graph goes: -o GRAPH, or --into GRAPH to add to one"
                               : "-o and --into exclude each other");
    }
    const std::string& target = options.output.empty() ? options.into : options.output;
    std::filesystem::path folder = std::filesystem::path(target).parent_path();
    if (!folder.empty() && !std::filesystem::is_directory(folder)) {
        throw std::runtime_error(target + ": folder " + folder.string() + " does not exist");
    }

    Reporter reporter(options.quiet);
    graph::Graph graph = options.into.empty() ? graph::Graph() : graph::load(options.into);
    extract::add_gazetteer_facts(graph);
    extract::Extractor extractor(options.lexicon);
    unsigned jobs = options.jobs != 0 ? options.jobs
                                      : std::min(4u, std::max(1u, std::thread::hardware_concurrency()));
    BatchExtractor batch_extractor(extractor, jobs);
    GraphBuilder builder(graph, batch_extractor, reporter);

    std::size_t articles = 0;
    std::size_t bytes = 0;
    extract::ReadCounts counts = extract::read_inputs(
        options.inputs, options.reader,
        [&](extract::Article&& a) {
            ++articles;
            bytes += a.text.size();
            builder.add(std::move(a));
            reporter.progress(articles, bytes);
        },
        [&reporter](const extract::Diagnostic& d) { reporter.diagnostic(d); });
    builder.flush();
    reporter.clear_line();

    const Tally& t = builder.tally();
    std::size_t skipped = counts.skipped + t.failed;
    std::size_t read = counts.read - t.failed;
    std::ostringstream summary;
    summary << read << (read == 1 ? " article" : " articles") << " read, " << skipped
            << " skipped (" << t.fresh << " new, " << t.unchanged << " unchanged, " << t.replaced
            << " replaced)";
    if (t.dropped_relations != 0) {
        reporter.note(std::to_string(t.dropped_relations) +
                      " relations named unknown entities and were left out");
    }
    if (read == 0) {
        std::cerr << "vnkg: " << summary.str() << "; nothing could be read, " << target
                  << " not written\n";
        return 1;
    }
    if (options.strict && skipped != 0) {
        std::cerr << "vnkg: " << summary.str() << "; --strict: " << target << " not written\n";
        return 1;
    }
    graph::save(graph, target);
    if (!options.quiet) {
        std::cerr << summary.str() << "; graph: " << graph.node_count() << " nodes, "
                  << graph.edge_count() << " edges \u2192 " << target << '\n';
    }
    return 0;
}

} // namespace

void setup_build(CLI::App& app, int& status) {
    auto options = std::make_shared<BuildOptions>();
    CLI::App* sub = app.add_subcommand("build", "Read articles and build (or add to) a graph file");
    sub->footer("Examples:\n"
                "  vnkg build ../shared/seeds ../shared/corpus -o g.vnkg\n"
                "  vnkg build --into g.vnkg new_articles/\n"
                "  curl -s URL | vnkg build - -o g.vnkg\n"
                "An article's id is its path under the folder given, after the folder's own name\n"
                "(seeds/001.txt; a file given alone takes its folder's name), or a JSONL line's\n"
                "id or url. An article already in the graph (same id and content) is skipped; a\n"
                "changed one replaces its earlier facts.");
    sub->add_option("inputs", options->inputs,
                    "Files (.txt/.md: one article; .jsonl: one a line), folders (read "
                    "recursively, in sorted order) or - for stdin")
        ->type_name("INPUT");
    sub->add_option("-o,--output", options->output, "Write a new graph to this file")
        ->type_name("GRAPH");
    sub->add_option("--into", options->into, "Add the articles to this existing graph file")
        ->type_name("GRAPH");
    sub->add_flag("--strict", options->strict,
                  "Fail (exit 1, nothing written) if any article is skipped");
    sub->add_option("--text-field", options->reader.text_field,
                    "JSONL field holding the text (default: text, content, body or sapo, with a lead such as sapo before the text when both are there)")
        ->type_name("FIELD");
    sub->add_option("--title-field", options->reader.title_field,
                    "JSONL field holding the title (default: title)")
        ->type_name("FIELD");
    sub->add_option("--date-field", options->reader.date_field,
                    "JSONL field holding the date (default: published, publish_date or date)")
        ->type_name("FIELD");
    sub->add_option("--id-field", options->reader.id_field,
                    "JSONL field holding the id (default: id, then url)")
        ->type_name("FIELD");
    sub->add_option("--lexicon", options->lexicon,
                    "A folder of lexicon files to add to the built-in ones")
        ->check(CLI::ExistingDirectory);
    sub->add_option("-j,--jobs", options->jobs,
                    "Extraction threads (default: the cores, at most 4); the result is the same")
        ->check(CLI::Range(1u, 256u));
    sub->add_flag("-q,--quiet", options->quiet, "Print only problems, no progress or summary");
    sub->add_flag("--read-only", options->read_only,
                  "Only read and normalise the inputs and report the speed (for benchmarks)")
        ->group("");
    sub->callback([options, &status] { status = run_build(*options); });
}

} // namespace vnkg::cli
