#include "cli/extract_pipeline.hpp"

#include "extract/extractor.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace vnkg::cli {

namespace {

/// Work shared by the reading thread, the workers and the ordered hand-over.
class Pipeline {
  public:
    /// `jobs` threads in all: the caller, which reads and also extracts when work piles up,
    /// and jobs - 1 workers.
    Pipeline(const extract::Extractor& extractor, unsigned jobs,
             const std::function<void(const extract::Extraction&)>& on_result)
        : extractor_(extractor), on_result_(on_result), limit_(std::max(4u, jobs * 8u)),
          backlog_(jobs) {
        for (unsigned k = 1; k < jobs; ++k) {
            workers_.emplace_back([this] { work(); });
        }
    }

    ~Pipeline() { finish(); }

    void push(extract::Article&& article) {
        std::unique_lock lock(mutex_);
        // Bound what is in flight: queued, being extracted, or waiting for its turn.
        room_.wait(lock, [this] { return next_seq_ - next_out_ < limit_; });
        queue_.emplace_back(next_seq_++, std::move(article));
        if (queue_.size() <= backlog_) {
            ready_.notify_one();
            return;
        }
        // The workers are behind: the reading thread takes the oldest article itself.
        Item item = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        process(std::move(item));
    }

    void finish() {
        {
            std::lock_guard lock(mutex_);
            if (closed_) {
                return;
            }
            closed_ = true;
        }
        ready_.notify_all();
        // The caller helps drain what is left, then waits for the workers.
        while (true) {
            std::unique_lock lock(mutex_);
            if (queue_.empty()) {
                break;
            }
            Item item = std::move(queue_.front());
            queue_.pop_front();
            lock.unlock();
            process(std::move(item));
        }
        for (std::thread& t : workers_) {
            t.join();
        }
    }

    std::size_t failed() const { return failed_; }

  private:
    using Item = std::pair<std::size_t, extract::Article>;

    void work() {
        while (true) {
            Item item;
            {
                std::unique_lock lock(mutex_);
                ready_.wait(lock, [this] { return closed_ || !queue_.empty(); });
                if (queue_.empty()) {
                    return;
                }
                item = std::move(queue_.front());
                queue_.pop_front();
            }
            process(std::move(item));
        }
    }

    void process(Item item) {
        std::string source = item.second.source;
        std::optional<extract::Extraction> result;
        try {
            result = extractor_.run(std::move(item.second));
        } catch (const std::exception& e) {
            std::lock_guard lock(out_mutex_);
            std::cerr << "vnkg: " << source << ": extraction failed: " << e.what() << '\n';
        }
        std::unique_lock lock(mutex_);
        done_.emplace(item.first, std::move(result));
        // Whoever holds the next result in order hands on everything ready after it.
        while (!handing_ && done_.count(next_out_) > 0) {
            handing_ = true;
            auto node = done_.extract(next_out_);
            lock.unlock();
            if (node.mapped()) {
                std::lock_guard out(out_mutex_);
                on_result_(*node.mapped());
            } else {
                ++failed_;
            }
            lock.lock();
            ++next_out_;
            handing_ = false;
            room_.notify_all();
        }
    }

    const extract::Extractor& extractor_;
    const std::function<void(const extract::Extraction&)>& on_result_;
    std::size_t limit_;
    std::size_t backlog_;
    std::mutex mutex_;
    std::mutex out_mutex_;
    std::condition_variable ready_;
    std::condition_variable room_;
    std::deque<std::pair<std::size_t, extract::Article>> queue_;
    std::map<std::size_t, std::optional<extract::Extraction>> done_;
    std::size_t next_seq_ = 0;
    std::size_t next_out_ = 0;
    bool handing_ = false;
    bool closed_ = false;
    std::size_t failed_ = 0;
    std::vector<std::thread> workers_;
};

} // namespace

ExtractRunCounts run_extraction(const ExtractRunOptions& options,
                                const std::function<void(const extract::Extraction&)>& on_result) {
    extract::Extractor extractor(options.lexicon);
    auto diagnostic = [](const extract::Diagnostic& d) {
        std::cerr << "vnkg: " << d.message() << '\n';
    };
    if (options.jobs <= 1) {
        // One thread does everything, so -j 1 is one core's work.
        std::size_t failed = 0;
        extract::ReadCounts counts = extract::read_inputs(
            options.inputs, options.reader,
            [&](extract::Article&& a) {
                std::string source = a.source;
                try {
                    on_result(extractor.run(std::move(a)));
                } catch (const std::exception& e) {
                    ++failed;
                    std::cerr << "vnkg: " << source << ": extraction failed: " << e.what() << '\n';
                }
            },
            diagnostic);
        return {counts.read - failed, counts.skipped + failed, counts.bytes};
    }
    Pipeline pipeline(extractor, options.jobs, on_result);
    extract::ReadCounts counts = extract::read_inputs(
        options.inputs, options.reader,
        [&pipeline](extract::Article&& a) { pipeline.push(std::move(a)); }, diagnostic);
    pipeline.finish();
    ExtractRunCounts out;
    out.read = counts.read - pipeline.failed();
    out.skipped = counts.skipped + pipeline.failed();
    out.bytes = counts.bytes;
    return out;
}

} // namespace vnkg::cli
