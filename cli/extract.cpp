// `vnkg extract`: articles in, one JSON record per article out (shared/spec/extraction.md), in
// input order whatever -j is, streaming.
#include "cli/commands.hpp"
#include "cli/extract_pipeline.hpp"

#include "extract/jsonl.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <thread>

namespace vnkg::cli {

namespace {

struct ExtractOptions {
    ExtractRunOptions run;
    std::string format = "jsonl";
    std::string output;
    bool strict = false;
    unsigned jobs = 0;
};

int run_extract(ExtractOptions& options) {
    if (options.run.inputs.empty()) {
        std::cerr << "vnkg extract: no inputs: name files, folders, or - for stdin\n"
                     "Run `vnkg extract --help` for the options.\n";
        return 2;
    }
    options.run.jobs = options.jobs != 0 ? options.jobs : 1;
    std::ofstream file;
    std::ostream* out = &std::cout;
    std::string tmp;
    if (!options.output.empty()) {
        tmp = options.output + ".tmp";
        file.open(tmp, std::ios::binary | std::ios::trunc);
        if (!file) {
            throw std::runtime_error(options.output + ": cannot write");
        }
        out = &file;
    }
    std::string line;
    ExtractRunCounts counts = run_extraction(options.run, [&](const extract::Extraction& e) {
        line = extract::to_json_line(e);
        line += '\n';
        out->write(line.data(), static_cast<std::streamsize>(line.size()));
    });
    out->flush();
    if (!*out) {
        throw std::runtime_error((options.output.empty() ? "stdout" : options.output) +
                                 ": write failed");
    }
    if (file.is_open()) {
        file.close();
        if (std::rename(tmp.c_str(), options.output.c_str()) != 0) {
            throw std::runtime_error(options.output + ": cannot replace");
        }
    }
    if (!options.run.quiet) {
        std::cerr << counts.read << (counts.read == 1 ? " article" : " articles") << " read, "
                  << counts.skipped << " skipped\n";
    }
    if (counts.read == 0) {
        return 1;
    }
    return options.strict && counts.skipped != 0 ? 1 : 0;
}

} // namespace

void setup_extract(CLI::App& app, int& status) {
    auto options = std::make_shared<ExtractOptions>();
    CLI::App* sub = app.add_subcommand(
        "extract", "Extract persons, bodies, provinces, directives and meetings as JSON lines");
    sub->footer("Examples:\n"
                "  vnkg extract ../shared/seeds > seeds.jsonl\n"
                "  vnkg extract -j 2 ../shared/corpus -o corpus.jsonl\n"
                "One record per article, in input order: {\"article\": ..., \"entities\": [...],\n"
                "\"relations\": [...]}, each fact with the sentence it came from.");
    sub->add_option("inputs", options->run.inputs,
                    "Files (.txt/.md: one article; .jsonl: one a line), folders (read "
                    "recursively, in sorted order) or - for stdin");
    sub->add_option("--format", options->format, "Output format")->check(CLI::IsMember({"jsonl"}));
    sub->add_option("-o,--output", options->output, "Write to this file instead of stdout");
    sub->add_option("-j,--jobs", options->jobs, "Extraction threads (default 1); order is kept")
        ->check(CLI::Range(1u, 256u));
    sub->add_option("--lexicon", options->run.lexicon,
                    "A folder of lexicon files to add to the built-in ones")
        ->check(CLI::ExistingDirectory);
    sub->add_option("--text-field", options->run.reader.text_field,
                    "JSONL field holding the text (default: text, content, body or sapo, with a lead such as sapo before the text when both are there)");
    sub->add_option("--title-field", options->run.reader.title_field,
                    "JSONL field holding the title (default: title)");
    sub->add_option("--date-field", options->run.reader.date_field,
                    "JSONL field holding the date (default: published, publish_date or date)");
    sub->add_option("--id-field", options->run.reader.id_field,
                    "JSONL field holding the id (default: id, then url)");
    sub->add_flag("--strict", options->strict, "Exit 1 if any article is skipped");
    sub->add_flag("-q,--quiet", options->run.quiet, "Print only problems, no summary");
    sub->callback([options, &status] { status = run_extract(*options); });
}

} // namespace vnkg::cli
