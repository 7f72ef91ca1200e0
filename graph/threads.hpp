// Two pieces of work at once, for the few places (loading a large graph) where a second core
// pays for a thread.
#pragma once

#include <exception>
#include <optional>
#include <system_error>
#include <thread>

namespace vnkg::graph {

/// Runs `a` on a second thread and `b` on this one, and returns when both are done; when no
/// thread can be had, runs both here. The first exception of either is thrown after both end.
template <class A, class B> void on_two_threads(A&& a, B&& b) {
    std::exception_ptr failed_a;
    std::optional<std::thread> helper;
    try {
        helper.emplace([&a, &failed_a] {
            try {
                a();
            } catch (...) {
                failed_a = std::current_exception();
            }
        });
    } catch (const std::system_error&) {
        try {
            a(); // no thread to be had
        } catch (...) {
            failed_a = std::current_exception();
        }
    }
    std::exception_ptr failed_b;
    try {
        b();
    } catch (...) {
        failed_b = std::current_exception();
    }
    if (helper) {
        helper->join();
    }
    if (failed_a || failed_b) {
        std::rethrow_exception(failed_a ? failed_a : failed_b);
    }
}

} // namespace vnkg::graph
