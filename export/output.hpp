// Writing export files safely: through a temporary file beside the target that is renamed over
// it only when everything was written, so an error (unwritable folder, full disk) never leaves a
// half-written file at the target.
#pragma once

#include "export/writers.hpp"

#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace vnkg::exporter {

/// A file that could not be written; the message names the path and the reason.
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A file written atomically: stream() writes to a temporary beside `path`; commit() flushes,
/// syncs and renames it over `path`. Destroyed without commit(), it removes the temporary and
/// leaves `path` as it was. Throws OutputError.
class AtomicFile {
public:
    explicit AtomicFile(std::string path);
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();

    std::ostream& stream() { return out_; }
    void commit();

private:
    std::string path_;
    std::string temp_;
    std::unique_ptr<char[]> buffer_;
    std::ofstream out_;
    bool done_ = false;
};

/// Writes `files` into the folder `dir` (created when missing), each one atomically.
void write_folder(const std::string& dir, const std::vector<CsvFile>& files);

} // namespace vnkg::exporter
