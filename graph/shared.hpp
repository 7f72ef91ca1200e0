// Copy-on-write containers for the data model. Copies share one buffer until one of them is
// changed, so a graph holds each distinct label list, property set and provenance list once
// however many nodes and edges carry it (the loader hands the same one to all of them): on a
// graph of millions of edges that is most of its memory and most of its allocations.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnkg::graph {

/// A list used like a std::vector whose copies share their elements until one is changed.
/// Const access never copies. Non-const access (begin(), find(), operator[], push_back(), ...)
/// first makes the elements this object's own, even when it only reads: use std::as_const to
/// read a list that may be shared. Unlike a std::vector's, a reference or iterator into a list
/// holds only until the list is next copied, inserted into or erased from: after a copy, writing
/// through it would change the copy too. Converts to `const std::vector<T>&`. Distinct copies
/// may be used from different threads at once; one object, even through non-const access that
/// only reads, from one thread at a time.
template <class T> class SharedList {
public:
    using value_type = T;
    using size_type = std::size_t;
    using difference_type = std::ptrdiff_t;
    using reference = T&;
    using const_reference = const T&;
    using iterator = typename std::vector<T>::iterator;
    using const_iterator = typename std::vector<T>::const_iterator;

    SharedList() = default;
    SharedList(std::initializer_list<T> items) { assign(std::vector<T>(items)); }
    SharedList(std::vector<T> items) { assign(std::move(items)); }
    SharedList& operator=(std::initializer_list<T> items) {
        assign(std::vector<T>(items));
        return *this;
    }
    SharedList& operator=(std::vector<T> items) {
        assign(std::move(items));
        return *this;
    }

    /// The elements as a vector (an empty one for an empty list).
    const std::vector<T>& vector() const { return rep_ ? *rep_ : empty_vector(); }
    operator const std::vector<T>&() const { return vector(); }

    size_type size() const { return rep_ ? rep_->size() : 0; }
    bool empty() const { return size() == 0; }

    const_iterator begin() const { return vector().begin(); }
    const_iterator end() const { return vector().end(); }
    const_iterator cbegin() const { return begin(); }
    const_iterator cend() const { return end(); }
    const T& operator[](size_type i) const { return vector()[i]; }
    const T& front() const { return vector().front(); }
    const T& back() const { return vector().back(); }

    // An empty list stays unallocated: its iterators are those of one shared empty vector,
    // through which nothing can be written.
    iterator begin() { return rep_ ? own().begin() : empty_vector().begin(); }
    iterator end() { return rep_ ? own().end() : empty_vector().end(); }
    T& operator[](size_type i) { return own()[i]; }
    T& front() { return own().front(); }
    T& back() { return own().back(); }

    void push_back(T item) { own().push_back(std::move(item)); }
    template <class... Args> T& emplace_back(Args&&... args) {
        return own().emplace_back(std::forward<Args>(args)...);
    }
    iterator insert(const_iterator pos, T item) {
        difference_type at = pos - cbegin();
        std::vector<T>& v = own();
        return v.insert(v.begin() + at, std::move(item));
    }
    iterator erase(const_iterator pos) { return erase(pos, pos + 1); }
    iterator erase(const_iterator first, const_iterator last) {
        difference_type from = first - cbegin();
        difference_type to = last - cbegin();
        std::vector<T>& v = own();
        return v.erase(v.begin() + from, v.begin() + to);
    }
    /// Removes the elements for which `pred` is true; returns how many.
    template <class Pred> size_type erase_if(Pred pred) {
        if (std::none_of(cbegin(), cend(), pred)) {
            return 0; // a shared list is not copied for nothing
        }
        std::vector<T>& v = own();
        size_type before = v.size();
        std::erase_if(v, pred);
        return before - v.size();
    }
    void pop_back() { own().pop_back(); }
    void reserve(size_type n) { own().reserve(n); }
    void resize(size_type n) { own().resize(n); }
    void clear() { rep_.reset(); }

    /// True when both share one buffer (or are both empty): equal without comparing elements.
    bool same_as(const SharedList& other) const { return rep_ == other.rep_; }

    friend bool operator==(const SharedList& a, const SharedList& b) {
        return a.rep_ == b.rep_ || a.vector() == b.vector();
    }
    friend bool operator==(const SharedList& a, const std::vector<T>& b) { return a.vector() == b; }

private:
    static std::vector<T>& empty_vector() {
        static std::vector<T> none; // never changed
        return none;
    }
    void assign(std::vector<T>&& items) {
        if (items.empty()) {
            rep_.reset();
        } else {
            rep_ = std::make_shared<std::vector<T>>(std::move(items));
        }
    }
    std::vector<T>& own() {
        if (!rep_) {
            rep_ = std::make_shared<std::vector<T>>();
        } else if (rep_.use_count() > 1) {
            rep_ = std::make_shared<std::vector<T>>(*rep_);
        } else {
            // The last other owner may have just let go on another thread: see its reads
            // before this one writes (use_count() alone is a relaxed load).
            std::atomic_thread_fence(std::memory_order_acquire);
        }
        return *rep_;
    }

    std::shared_ptr<std::vector<T>> rep_;
};

/// A map from names to values used like a std::map<std::string, V, std::less<>>: entries sorted
/// by name, one per name, found by any string type. Kept as a SharedList of pairs, so copies
/// share their entries until one is changed, with the same rules for references, and inserting
/// or erasing invalidates iterators and references (as in a sorted vector, unlike a std::map):
/// `m["b"] = m["a"]` reads a moved entry. Names must not be changed through an iterator.
template <class V> class SharedMap {
public:
    using key_type = std::string;
    using mapped_type = V;
    using value_type = std::pair<std::string, V>;
    using size_type = std::size_t;
    using iterator = typename SharedList<value_type>::iterator;
    using const_iterator = typename SharedList<value_type>::const_iterator;

    SharedMap() = default;
    /// As std::map's: the first of two entries with the same name is kept.
    SharedMap(std::initializer_list<value_type> items) {
        for (const value_type& item : items) {
            emplace(item.first, item.second);
        }
    }

    size_type size() const { return items_.size(); }
    bool empty() const { return items_.empty(); }
    const_iterator begin() const { return items_.begin(); }
    const_iterator end() const { return items_.end(); }
    const_iterator cbegin() const { return items_.begin(); }
    const_iterator cend() const { return items_.end(); }
    iterator begin() { return items_.begin(); }
    iterator end() { return items_.end(); }

    const_iterator lower_bound(std::string_view key) const {
        const_iterator first = begin();
        size_type n = size();
        while (n > 0) { // binary search; the lists are short, so no call to std::lower_bound
            size_type half = n / 2;
            if (std::string_view(first[static_cast<std::ptrdiff_t>(half)].first) < key) {
                first += static_cast<std::ptrdiff_t>(half) + 1;
                n -= half + 1;
            } else {
                n = half;
            }
        }
        return first;
    }
    iterator lower_bound(std::string_view key) { return to_mutable(lower_bound_const(key)); }
    const_iterator find(std::string_view key) const {
        const_iterator it = lower_bound(key);
        return it != end() && it->first == key ? it : end();
    }
    iterator find(std::string_view key) {
        const_iterator it = lower_bound_const(key);
        if (it == cend() || it->first != key) {
            return end();
        }
        return to_mutable(it);
    }
    size_type count(std::string_view key) const { return find(key) != end() ? 1 : 0; }
    bool contains(std::string_view key) const { return find(key) != end(); }

    const V& at(std::string_view key) const {
        const_iterator it = find(key);
        if (it == end()) {
            throw std::out_of_range("no property " + std::string(key));
        }
        return it->second;
    }
    V& at(std::string_view key) {
        const_iterator it = std::as_const(*this).find(key);
        if (it == cend()) {
            throw std::out_of_range("no property " + std::string(key));
        }
        return to_mutable(it)->second;
    }
    V& operator[](std::string_view key) { return try_emplace(key).first->second; }

    template <class K, class... Args> std::pair<iterator, bool> try_emplace(K&& key, Args&&... args) {
        std::string_view k(key);
        const_iterator it = lower_bound_const(k);
        if (it != cend() && it->first == k) {
            return {to_mutable(it), false};
        }
        return {items_.insert(it, value_type(std::string(std::forward<K>(key)),
                                             V(std::forward<Args>(args)...))),
                true};
    }
    template <class K, class A> std::pair<iterator, bool> emplace(K&& key, A&& value) {
        return try_emplace(std::forward<K>(key), std::forward<A>(value));
    }
    std::pair<iterator, bool> insert(value_type item) {
        return try_emplace(std::move(item.first), std::move(item.second));
    }
    /// As emplace(); fast when `hint` is end() and the key comes after every present one.
    template <class K, class A> iterator emplace_hint(const_iterator hint, K&& key, A&& value) {
        std::string_view k(key);
        if (hint == cend() && (empty() || std::string_view(items_.back().first) < k)) {
            items_.emplace_back(std::string(std::forward<K>(key)), V(std::forward<A>(value)));
            return end() - 1;
        }
        return emplace(std::forward<K>(key), std::forward<A>(value)).first;
    }
    template <class K, class A> std::pair<iterator, bool> insert_or_assign(K&& key, A&& value) {
        auto [it, inserted] = try_emplace(std::forward<K>(key));
        it->second = std::forward<A>(value);
        return {it, inserted};
    }
    size_type erase(std::string_view key) {
        const_iterator it = lower_bound_const(key);
        if (it == cend() || it->first != key) {
            return 0;
        }
        items_.erase(it);
        return 1;
    }
    iterator erase(const_iterator pos) { return items_.erase(pos); }
    void clear() { items_.clear(); }
    void reserve(size_type n) { items_.reserve(n); }

    /// True when both share one buffer (or are both empty): equal without comparing entries.
    bool same_as(const SharedMap& other) const { return items_.same_as(other.items_); }

    friend bool operator==(const SharedMap& a, const SharedMap& b) { return a.items_ == b.items_; }

private:
    // Positions are found through const access (no copy), then the entries are made this
    // object's own and the position carried over by its offset.
    const_iterator lower_bound_const(std::string_view key) const { return lower_bound(key); }
    iterator to_mutable(const_iterator it) {
        auto at = it - cbegin();
        return begin() + at;
    }

    SharedList<value_type> items_;
};

} // namespace vnkg::graph
