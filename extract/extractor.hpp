// The extractor: one normalised Article in, one Extraction out (persons, organisations,
// provinces, directives, meetings and their dated relations, each with its sentence), following
// shared/spec/extraction.md. It fills the article's title and published date from the text when
// the reader had no metadata for them. Lexicons come from extract/lexicon/ (compiled in) plus
// any folder the user names.
#pragma once

#include "extract/extraction.hpp"

#include <memory>
#include <string>

namespace vnkg::extract {

class Lexicon;

class Extractor {
public:
    /// Uses the compiled-in lexicons, then adds those of `user_lexicon_dir` when not empty.
    /// Throws std::runtime_error naming the file and line of a malformed lexicon entry.
    explicit Extractor(const std::string& user_lexicon_dir = {});
    ~Extractor();
    Extractor(Extractor&&) noexcept;
    Extractor& operator=(Extractor&&) noexcept;

    /// Extracts one article. Safe to call from several threads at once.
    Extraction run(Article article) const;

private:
    std::unique_ptr<const Lexicon> lexicon_;
};

} // namespace vnkg::extract
