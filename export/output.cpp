#include "export/output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vnkg::exporter {

namespace {

constexpr std::size_t kBuffer = 1 << 20;

std::string reason(int err) { return std::strerror(err); }

} // namespace

Format parse_format(std::string_view name) {
    if (name == "graphml") {
        return Format::graphml;
    }
    if (name == "gexf") {
        return Format::gexf;
    }
    if (name == "dot") {
        return Format::dot;
    }
    if (name == "csv") {
        return Format::csv;
    }
    if (name == "json") {
        return Format::json;
    }
    throw std::invalid_argument("unknown format '" + std::string(name) +
                                "' (expected graphml, gexf, dot, csv or json)");
}

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
    if (std::filesystem::is_directory(path_)) {
        throw OutputError("cannot write " + path_ + ": it is a folder");
    }
    std::string pattern = path_ + ".tmp-XXXXXX";
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
        throw OutputError("cannot write " + path_ + ": " + reason(errno));
    }
    ::close(fd);
    temp_ = pattern;
    buffer_ = std::make_unique<char[]>(kBuffer);
    out_.rdbuf()->pubsetbuf(buffer_.get(), kBuffer);
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) {
        int err = errno;
        std::remove(temp_.c_str());
        throw OutputError("cannot write " + path_ + ": " + reason(err));
    }
}

AtomicFile::~AtomicFile() {
    if (!done_) {
        out_.close();
        std::remove(temp_.c_str());
    }
}

void AtomicFile::commit() {
    out_.flush();
    bool ok = static_cast<bool>(out_);
    out_.close();
    ok = ok && !out_.fail();
    if (!ok) {
        throw OutputError("cannot write " + path_ + ": writing failed (disk full?)");
    }
    int fd = ::open(temp_.c_str(), O_RDONLY);
    if (fd >= 0) {
        int rc = ::fsync(fd);
        int err = errno;
        ::close(fd);
        if (rc != 0) {
            throw OutputError("cannot write " + path_ + ": " + reason(err));
        }
    }
    // mkstemp creates the file 0600; an export is an ordinary file for the user.
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(temp_.c_str(), 0666 & ~mask);
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
        throw OutputError("cannot write " + path_ + ": " + reason(errno));
    }
    done_ = true;
}

void write_folder(const std::string& dir, const std::vector<CsvFile>& files) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        throw OutputError("cannot create the folder " + dir + ": " + ec.message());
    }
    if (!std::filesystem::is_directory(dir)) {
        throw OutputError("cannot write CSV files into " + dir + ": it is not a folder");
    }
    for (const CsvFile& f : files) {
        AtomicFile out((std::filesystem::path(dir) / f.name).string());
        out.stream().write(f.text.data(), static_cast<std::streamsize>(f.text.size()));
        out.commit();
    }
}

} // namespace vnkg::exporter
