#include "graph/file.hpp"

#include "graph/threads.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <bit>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <limits>
#include <random>
#include <string_view>
#include <unordered_map>

namespace vnkg::graph {

namespace {

static_assert(std::endian::native == std::endian::little,
              "the file is little-endian; a big-endian port needs byte swaps here");

constexpr char kMagic[8] = {'\x89', 'V', 'N', 'K', 'G', '\r', '\n', '\x1a'};
constexpr std::size_t kHeaderSize = 24; // magic, version, flags, payload length
constexpr std::size_t kTrailerSize = 8; // FNV-1a 64 of the payload

enum class Tag : std::uint8_t { none = 0, boolean = 1, integer = 2, real = 3, string = 4, list = 5 };

constexpr std::uint64_t kFnvOffset = 14695981039346656037ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;

std::uint64_t fnv1a(std::uint64_t h, const char* data, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        h ^= static_cast<unsigned char>(data[i]);
        h *= kFnvPrime;
    }
    return h;
}

std::string reason(int err) { return std::strerror(err); }

// What the identity rule (identity_key(), name_key()) makes of names that exercise each of its
// steps: case, tone placement, NFC, odd and repeated spaces, dashes. A file from version 2 on
// records it. When it matches on loading, the saved nodes are still distinct under this build's
// rule, so they are appended without computing a key each (a graph that is only read never
// needs them). When it differs, the rule has changed since the file was saved, and nodes are
// merged as they are read, as they are for a version 1 file, which does not record it.
// A change to name_key() must show in these keys: add a name that shows it.
std::uint64_t identity_rule_print() {
    static const std::uint64_t print = [] {
        constexpr std::string_view kProbes[] = {
            "Đào Hồng Vận",
            "ĐÀO HỒNG VẬN",
            "  Nguyễn   Văn\tAn \n",
            "Nguyễn\u00a0Văn\u2009An\u200b",
            "Uỷ ban nhân dân tỉnh Hoà Bình",
            "Ủy ban Thuỵ Khuê, hoàng, quý, QUẢ",
            "Vie\u0323\u0302t Nam, Hà Nội",
            "Bà Rịa - Vũng Tàu",
            "Kế hoạch số 10-KH/TU, Chỉ thị số 05 -CT/TW, 12- NQ/TW",
            "Đắk Lắk, Thừa Thiên Huế, TP. Hồ Chí Minh",
            "İSTANBUL Straße ΣΊΣΥΦΟΣ ﬁ Ⅻ",
        };
        std::uint64_t h = kFnvOffset;
        for (std::string_view probe : kProbes) {
            std::string key = identity_key("Person", probe, probe);
            h = fnv1a(h, key.data(), key.size() + 1); // with the terminating NUL between keys
        }
        return h;
    }();
    return print;
}

[[noreturn]] void fail(const std::string& path, const std::string& why) {
    throw FileError(path + ": " + why);
}

// ---- writing ----

// Every string in the payload is an index into one table, so labels, types, property names,
// article ids and the sentences shared by many facts are stored once.
class StringTable {
public:
    std::uint64_t add(std::string_view s) {
        auto [it, inserted] = index_.try_emplace(s, strings_.size());
        if (inserted) {
            strings_.push_back(s);
        }
        return it->second;
    }
    const std::vector<std::string_view>& strings() const { return strings_; }

private:
    std::unordered_map<std::string_view, std::uint64_t> index_;
    std::vector<std::string_view> strings_;
};

// Buffered writer to a file descriptor that keeps the payload's checksum as it goes.
class Writer {
public:
    Writer(int fd, const std::string& path) : fd_(fd), path_(path) { buf_.reserve(kBufSize); }

    void bytes(const char* data, std::size_t n) {
        hash_ = fnv1a(hash_, data, n);
        size_ += n;
        if (buf_.size() + n > kBufSize) {
            flush();
        }
        if (n >= kBufSize) {
            write_all(data, n);
        } else {
            buf_.append(data, n);
        }
    }
    void byte(std::uint8_t b) {
        char c = static_cast<char>(b);
        bytes(&c, 1);
    }
    void varint(std::uint64_t v) {
        char tmp[10];
        std::size_t n = 0;
        while (v >= 0x80) {
            tmp[n++] = static_cast<char>((v & 0x7f) | 0x80);
            v >>= 7;
        }
        tmp[n++] = static_cast<char>(v);
        bytes(tmp, n);
    }
    void flush() {
        write_all(buf_.data(), buf_.size());
        buf_.clear();
    }
    // Writes outside the checksummed payload (header and trailer).
    void raw_at(off_t offset, const char* data, std::size_t n) {
        while (n > 0) {
            ssize_t w = ::pwrite(fd_, data, n, offset);
            if (w < 0) {
                if (errno == EINTR) {
                    continue;
                }
                fail(path_, "cannot write: " + reason(errno));
            }
            data += w;
            n -= static_cast<std::size_t>(w);
            offset += w;
        }
    }
    std::uint64_t hash() const { return hash_; }
    std::uint64_t size() const { return size_; }

private:
    static constexpr std::size_t kBufSize = std::size_t{1} << 20;

    void write_all(const char* data, std::size_t n) {
        while (n > 0) {
            ssize_t w = ::write(fd_, data, n);
            if (w < 0) {
                if (errno == EINTR) {
                    continue;
                }
                fail(path_, "cannot write: " + reason(errno));
            }
            data += w;
            n -= static_cast<std::size_t>(w);
        }
    }

    int fd_;
    const std::string& path_;
    std::string buf_;
    std::uint64_t hash_ = kFnvOffset;
    std::uint64_t size_ = 0;
};

// The payload after the string table, encoded in memory in one pass: each string gets its
// table index on first use, so every string is hashed once.
class Body {
public:
    void byte(std::uint8_t b) { out_.push_back(static_cast<char>(b)); }
    void varint(std::uint64_t v) {
        while (v >= 0x80) {
            out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
            v >>= 7;
        }
        out_.push_back(static_cast<char>(v));
    }
    void bytes(const char* data, std::size_t n) { out_.append(data, n); }
    void ref(std::string_view s) { varint(table_.add(s)); }

    const StringTable& table() const { return table_; }
    const std::string& encoded() const { return out_; }

private:
    StringTable table_;
    std::string out_;
};

void write_props(Body& w, const Properties& props) {
    w.varint(props.size());
    for (const auto& [name, value] : props) {
        w.ref(name);
        if (const auto* b = std::get_if<bool>(&value)) {
            w.byte(static_cast<std::uint8_t>(Tag::boolean));
            w.byte(*b ? 1 : 0);
        } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
            w.byte(static_cast<std::uint8_t>(Tag::integer));
            auto u = static_cast<std::uint64_t>(*i);
            w.varint((u << 1) ^ (*i < 0 ? ~std::uint64_t{0} : 0)); // zigzag
        } else if (const auto* d = std::get_if<double>(&value)) {
            w.byte(static_cast<std::uint8_t>(Tag::real));
            auto bits = std::bit_cast<std::uint64_t>(*d);
            char tmp[8];
            std::memcpy(tmp, &bits, 8);
            w.bytes(tmp, 8);
        } else if (const auto* str = std::get_if<std::string>(&value)) {
            w.byte(static_cast<std::uint8_t>(Tag::string));
            w.ref(*str);
        } else if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
            w.byte(static_cast<std::uint8_t>(Tag::list));
            w.varint(list->size());
            for (const std::string& item : *list) {
                w.ref(item);
            }
        } else {
            w.byte(static_cast<std::uint8_t>(Tag::none));
        }
    }
}

void write_provenance(Body& w, const std::vector<Provenance>& list) {
    w.varint(list.size());
    for (const Provenance& p : list) {
        w.ref(p.article);
        w.ref(p.sentence);
    }
}

void write_graph(Writer& w, const Graph& graph) {
    std::uint64_t print = identity_rule_print();
    char print_bytes[8];
    std::memcpy(print_bytes, &print, 8);
    w.bytes(print_bytes, 8);

    Body body;
    body.varint(graph.articles().size());
    for (const auto& [id, info] : graph.articles()) {
        for (const std::string* str : {&info.id, &info.title, &info.published, &info.source,
                                       &info.hash}) {
            body.ref(*str);
        }
    }
    body.varint(graph.node_count());
    for (NodeId id = 0; id < graph.node_count(); ++id) {
        const Node& n = graph.node(id);
        body.varint(n.labels.size());
        for (const std::string& l : n.labels) {
            body.ref(l);
        }
        body.ref(n.name);
        body.ref(n.scope);
        write_props(body, n.props);
        write_provenance(body, n.mentions);
    }
    body.varint(graph.edge_count());
    for (EdgeId id = 0; id < graph.edge_count(); ++id) {
        const Edge& e = graph.edge(id);
        body.varint(graph.edge_source(id));
        body.varint(graph.edge_target(id));
        body.ref(e.type);
        write_props(body, e.props);
        write_provenance(body, e.sources);
    }

    const std::vector<std::string_view>& strings = body.table().strings();
    w.varint(strings.size());
    for (std::string_view str : strings) {
        w.varint(str.size());
        w.bytes(str.data(), str.size());
    }
    w.bytes(body.encoded().data(), body.encoded().size());
}

std::string directory_of(const std::string& path) {
    auto slash = path.rfind('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
}

// Opens a new temporary file beside `path`. The name is unique per process, call and chance,
// so two saves (even of the same target) never share a temporary file.
int open_temp(const std::string& path, std::string& temp) {
    static std::atomic<unsigned> counter{0};
    std::random_device rd;
    for (int attempt = 0; attempt < 16; ++attempt) {
        temp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) +
               "-" + std::to_string(rd() % 1000000);
        int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            return fd;
        }
        if (errno != EEXIST) {
            int err = errno;
            fail(path, "cannot create a temporary file in " + directory_of(path) + ": " +
                           reason(err));
        }
    }
    fail(path, "cannot create a unique temporary file in " + directory_of(path));
}

// ---- reading ----

class Reader {
public:
    Reader(const std::string& path, std::string_view data) : path_(path), data_(data) {}

    std::uint8_t byte() {
        need(1);
        return static_cast<std::uint8_t>(data_[pos_++]);
    }
    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            std::uint8_t b = byte();
            v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        corrupt("a number is too long");
    }
    // A count of items that each take at least `min_size` bytes: checked against what is left,
    // so a damaged count cannot make us allocate more than the file could hold.
    std::size_t count(std::size_t min_size = 1) {
        std::uint64_t n = varint();
        if (n > remaining() / min_size) {
            corrupt("a count of " + std::to_string(n) + " is larger than the file");
        }
        return static_cast<std::size_t>(n);
    }
    std::string_view bytes(std::size_t n) {
        need(n);
        std::string_view s = data_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    std::size_t remaining() const { return data_.size() - pos_; }
    std::size_t offset() const { return pos_; }
    /// The bytes from `start` to the current offset.
    std::string_view since(std::size_t start) const { return data_.substr(start, pos_ - start); }
    void rewind(std::size_t to) { pos_ = to; }
    [[noreturn]] void corrupt(const std::string& what) const {
        fail(path_, "corrupted graph file (" + what + " at payload offset " +
                        std::to_string(pos_) + ")");
    }

private:
    void need(std::size_t n) const {
        if (n > remaining()) {
            corrupt("unexpected end of data");
        }
    }

    const std::string& path_;
    std::string_view data_;
    std::size_t pos_ = 0;
};

/// The distinct encodings seen so far of one kind of value (a label list, a property map, a
/// provenance list) and the value each decodes to. An open-addressing table of 64-bit hashes
/// whose keys are copied side by side: a lookup touches one slot and one short key, not a
/// chain of nodes and the far-away file bytes a std::unordered_map of views would compare.
template <class T> class SeenTable {
public:
    /// The value `bytes` decoded to, or null when they have not been seen.
    const T* find(std::string_view bytes, std::uint64_t hash) const {
        if (slots_.empty()) {
            return nullptr;
        }
        for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
            const Slot& slot = slots_[i];
            if (slot.entry == 0) {
                return nullptr;
            }
            const Entry& e = entries_[slot.entry - 1];
            if (slot.hash == hash && key(e) == bytes) {
                return &e.value;
            }
        }
    }

    /// Records that `bytes` (not seen before) decode to `value`.
    void insert(std::string_view bytes, std::uint64_t hash, const T& value) {
        if (2 * (entries_.size() + 1) > slots_.size()) {
            grow();
        }
        entries_.push_back(Entry{keys_.size(), bytes.size(), value});
        keys_.append(bytes);
        place(hash, entries_.size());
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::size_t entry = 0; // 1-based index into entries_; 0: empty
    };
    struct Entry {
        std::size_t offset;
        std::size_t size;
        T value;
    };

    std::string_view key(const Entry& e) const {
        return std::string_view(keys_).substr(e.offset, e.size);
    }
    void place(std::uint64_t hash, std::size_t entry) {
        std::size_t i = hash & mask_;
        while (slots_[i].entry != 0) {
            i = (i + 1) & mask_;
        }
        slots_[i] = Slot{hash, entry};
    }
    void grow() {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(std::max<std::size_t>(64, 2 * old.size()), Slot{});
        mask_ = slots_.size() - 1;
        for (const Slot& slot : old) {
            if (slot.entry != 0) {
                place(slot.hash, slot.entry);
            }
        }
    }

    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::string keys_;
    std::vector<Entry> entries_;
};

class GraphReader {
public:
    GraphReader(const std::string& path, std::string_view payload)
        : in_(path, payload), strings_(&own_strings_) {}
    /// A reader of the same payload from `offset` on, using the string table `other` has read.
    GraphReader(const GraphReader& other, std::size_t offset)
        : in_(other.in_), strings_(other.strings_) {
        in_.rewind(offset);
    }

    /// Decodes the payload into `graph`, which is empty. (The caller's graph is filled in place
    /// because moving a Graph copies its Boost graph, which has no move constructor.)
    void read(std::uint32_t version, Graph& graph) {
        // Nodes saved under the identity rule of this build are distinct: see identity_rule_print().
        bool distinct = false;
        if (version >= 2) {
            std::uint64_t print = 0;
            std::memcpy(&print, in_.bytes(8).data(), 8);
            distinct = print == identity_rule_print();
        }
        std::size_t n_strings = in_.count();
        own_strings_.reserve(n_strings);
        for (std::size_t i = 0; i < n_strings; ++i) {
            own_strings_.push_back(in_.bytes(in_.count()));
        }
        std::size_t n_articles = in_.count(5);
        for (std::size_t i = 0; i < n_articles; ++i) {
            ArticleInfo info;
            info.id = str();
            info.title = str();
            info.published = str();
            info.source = str();
            info.hash = str();
            graph.add_article(std::move(info));
        }
        std::size_t n_nodes = in_.count(5);
        // A node whose identity now equals an earlier one's (after a change to name_key) is
        // merged into it; edges follow through this map.
        std::vector<NodeId> node_id(n_nodes);
        graph.reserve(n_nodes, 0);
        bool nodes_merged = false;
        auto read_nodes = [&] {
            for (std::size_t i = 0; i < n_nodes; ++i) {
                Node n;
                read_labels(n.labels);
                n.name = str();
                n.scope = str();
                read_props(n.props);
                read_provenance(n.mentions);
                try {
                    node_id[i] = distinct ? graph.append_node(std::move(n))
                                          : graph.merge_node(std::move(n));
                    nodes_merged = nodes_merged || node_id[i] != i;
                } catch (const std::invalid_argument& e) {
                    in_.corrupt(e.what());
                }
            }
        };
        std::vector<Graph::EdgeRecord> edges;
        // In a large file the edges are decoded on a second thread while this one decodes the
        // nodes: a quick walk over the nodes finds where the edges start. An error in the nodes
        // is the one reported, as it comes first in the file.
        constexpr std::size_t kTwoThreadsFrom = 8u << 20;
        std::size_t edges_at = in_.remaining() >= kTwoThreadsFrom ? skip_nodes(n_nodes) : 0;
        if (edges_at != 0) {
            GraphReader edge_reader(*this, edges_at);
            on_two_threads(read_nodes, [&] { edges = edge_reader.read_edges(n_nodes); });
        } else {
            read_nodes();
            edges = read_edges(n_nodes);
        }
        if (nodes_merged) {
            for (Graph::EdgeRecord& e : edges) {
                graph.merge_edge(node_id[e.from], node_id[e.to], std::move(e.data));
            }
        } else {
            graph.append_edges(std::move(edges));
        }
    }

private:
    // Label lists, property maps and provenance lists are shared (graph/shared.hpp) by every
    // node and edge whose bytes for them are the same: equal bytes mean equal values, since
    // strings are table indexes. So each distinct one is decoded and allocated once, which on
    // a large graph is most of the loading work and memory. `skip` moves past one without
    // decoding it and returns false for bytes it cannot walk (which `decode` then reports).
    template <class T, class Skip, class Decode>
    void shared(SeenTable<T>& seen, T& out, Skip skip, Decode decode) {
        std::size_t start = in_.offset();
        if (skip()) {
            std::string_view bytes = in_.since(start);
            std::uint64_t hash = std::hash<std::string_view>{}(bytes);
            if (const T* found = seen.find(bytes, hash)) {
                out = *found;
                return;
            }
            in_.rewind(start);
            decode(out);
            seen.insert(bytes, hash, out);
            return;
        }
        in_.rewind(start);
        decode(out); // reports what skip() could not walk
        seen.insert(in_.since(start), std::hash<std::string_view>{}(in_.since(start)), out);
    }

    /// The edge section, from the current offset to the end of the payload.
    std::vector<Graph::EdgeRecord> read_edges(std::size_t n_nodes) {
        std::size_t n_edges = in_.count(4);
        std::vector<Graph::EdgeRecord> edges;
        edges.reserve(n_edges);
        for (std::size_t i = 0; i < n_edges; ++i) {
            std::uint64_t from = in_.varint();
            std::uint64_t to = in_.varint();
            if (from >= n_nodes || to >= n_nodes) {
                in_.corrupt("an edge to node " + std::to_string(std::max(from, to)) + " of " +
                            std::to_string(n_nodes));
            }
            Edge e;
            e.type = str();
            read_props(e.props);
            read_provenance(e.sources);
            edges.push_back(Graph::EdgeRecord{from, to, std::move(e)});
        }
        if (in_.remaining() != 0) {
            in_.corrupt("unexpected data after the last edge");
        }
        return edges;
    }

    /// The offset after `n` nodes from the current one, found without decoding them; 0 when
    /// the bytes cannot be walked (the decoding then says why). Leaves the offset as it was.
    std::size_t skip_nodes(std::size_t n) {
        std::size_t start = in_.offset();
        std::size_t end = 0;
        try {
            bool walked = true;
            for (std::size_t i = 0; i < n && walked; ++i) {
                skip_labels();
                in_.varint(); // name
                in_.varint(); // scope
                walked = skip_props() && skip_provenance();
            }
            end = walked ? in_.offset() : 0;
        } catch (const FileError&) {
            end = 0;
        }
        in_.rewind(start);
        return end;
    }

    bool skip_labels() {
        for (std::size_t n = in_.count(); n > 0; --n) {
            in_.varint();
        }
        return true;
    }

    bool skip_provenance() {
        for (std::size_t n = in_.count(2); n > 0; --n) {
            in_.varint();
            in_.varint();
        }
        return true;
    }

    void read_labels(SharedList<std::string>& labels) {
        shared(
            labels_seen_, labels, [this] { return skip_labels(); },
            [this](SharedList<std::string>& out) {
                std::size_t n = in_.count();
                if (n == 0) {
                    in_.corrupt("a node without a label");
                }
                std::vector<std::string> list;
                list.reserve(n);
                for (std::size_t l = 0; l < n; ++l) {
                    list.emplace_back(str());
                }
                out = std::move(list);
            });
    }

    void read_props(Properties& props) {
        shared(props_seen_, props, [this] { return skip_props(); },
               [this](Properties& out) { decode_props(out); });
    }

    void read_provenance(SharedList<Provenance>& list) {
        shared(provenance_seen_, list, [this] { return skip_provenance(); },
               [this](SharedList<Provenance>& out) { decode_provenance(out); });
    }

    bool skip_props() {
        for (std::size_t n = in_.count(2); n > 0; --n) {
            in_.varint();
            switch (static_cast<Tag>(in_.byte())) {
            case Tag::none:
                break;
            case Tag::boolean:
                in_.byte();
                break;
            case Tag::integer:
            case Tag::string:
                in_.varint();
                break;
            case Tag::real:
                in_.bytes(8);
                break;
            case Tag::list:
                for (std::size_t k = in_.count(); k > 0; --k) {
                    in_.varint();
                }
                break;
            default:
                return false;
            }
        }
        return true;
    }

    std::string_view str() {
        std::uint64_t i = in_.varint();
        if (i >= strings_->size()) {
            in_.corrupt("string " + std::to_string(i) + " of " + std::to_string(strings_->size()));
        }
        return (*strings_)[i];
    }

    void decode_props(Properties& props) {
        std::size_t n = in_.count(2);
        if (n != 0) {
            props.reserve(n);
        }
        for (std::size_t i = 0; i < n; ++i) {
            std::string_view name = str();
            Value value;
            switch (static_cast<Tag>(in_.byte())) {
            case Tag::none:
                break;
            case Tag::boolean:
                value = in_.byte() != 0;
                break;
            case Tag::integer: {
                std::uint64_t z = in_.varint();
                value = static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1));
                break;
            }
            case Tag::real: {
                std::uint64_t bits = 0;
                std::memcpy(&bits, in_.bytes(8).data(), 8);
                value = std::bit_cast<double>(bits);
                break;
            }
            case Tag::string:
                value = std::string(str());
                break;
            case Tag::list: {
                std::vector<std::string> list(in_.count());
                for (std::string& item : list) {
                    item = str();
                }
                value = std::move(list);
                break;
            }
            default:
                in_.corrupt("an unknown value type");
            }
            props.emplace_hint(props.end(), name, std::move(value));
        }
    }

    void decode_provenance(SharedList<Provenance>& out) {
        std::size_t n = in_.count(2);
        std::vector<Provenance> list;
        list.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            std::string_view article = str();
            std::string_view sentence = str();
            list.push_back(Provenance{std::string(article), std::string(sentence)});
        }
        out = std::move(list);
    }

    Reader in_;
    std::vector<std::string_view> own_strings_;
    const std::vector<std::string_view>* strings_; // own_strings_, or another reader's
    SeenTable<SharedList<std::string>> labels_seen_;
    SeenTable<Properties> props_seen_;
    SeenTable<SharedList<Provenance>> provenance_seen_;
};

std::uint32_t read_u32(const char* p) {
    std::uint32_t v = 0;
    std::memcpy(&v, p, 4);
    return v;
}

std::uint64_t read_u64(const char* p) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, 8);
    return v;
}

std::string read_whole_file(const std::string& path) {
    // O_NONBLOCK so that a FIFO given by mistake is refused below instead of waiting for a writer.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        fail(path, "cannot open: " + reason(errno));
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        int err = errno;
        ::close(fd);
        fail(path, "cannot read: " + reason(err));
    }
    if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        fail(path, "is a directory, not a graph file");
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        fail(path, "not a regular file, so not a vnkg graph file");
    }
    std::string data;
    data.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (true) {
        if (got == data.size()) {
            // A file that grew (or a pipe-like file with no size): read on until the end.
            data.resize(data.size() + (std::size_t{1} << 16));
        }
        ssize_t r = ::read(fd, data.data() + got, data.size() - got);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            int err = errno;
            ::close(fd);
            fail(path, "cannot read: " + reason(err));
        }
        if (r == 0) {
            break;
        }
        got += static_cast<std::size_t>(r);
    }
    ::close(fd);
    data.resize(got);
    return data;
}

} // namespace

void save(const Graph& graph, const std::string& path) {
    if (path.empty()) {
        throw FileError("cannot save a graph: no file name given");
    }
    std::string temp;
    int fd = open_temp(path, temp);
    try {
        // A graph saved over an older one keeps that file's permissions.
        struct stat old {};
        if (::stat(path.c_str(), &old) == 0 && S_ISREG(old.st_mode)) {
            ::fchmod(fd, old.st_mode & 07777);
        }
        Writer w(fd, path);
        char header[kHeaderSize] = {};
        w.raw_at(0, header, kHeaderSize); // placeholder until the payload's length is known
        if (::lseek(fd, static_cast<off_t>(kHeaderSize), SEEK_SET) < 0) {
            fail(path, "cannot write: " + reason(errno));
        }
        write_graph(w, graph);
        w.flush();

        std::uint64_t checksum = w.hash();
        std::uint64_t payload = w.size();
        char trailer[kTrailerSize];
        std::memcpy(trailer, &checksum, 8);
        w.raw_at(static_cast<off_t>(kHeaderSize + payload), trailer, kTrailerSize);

        std::memcpy(header, kMagic, 8);
        std::uint32_t version = kFormatVersion;
        std::uint32_t flags = 0;
        std::memcpy(header + 8, &version, 4);
        std::memcpy(header + 12, &flags, 4);
        std::memcpy(header + 16, &payload, 8);
        w.raw_at(0, header, kHeaderSize);

        if (::fsync(fd) != 0) {
            fail(path, "cannot write: " + reason(errno));
        }
        int fd_to_close = fd;
        fd = -1;
        if (::close(fd_to_close) != 0) {
            fail(path, "cannot write: " + reason(errno));
        }
        if (::rename(temp.c_str(), path.c_str()) != 0) {
            fail(path, "cannot replace: " + reason(errno));
        }
    } catch (...) {
        if (fd >= 0) {
            ::close(fd);
        }
        ::unlink(temp.c_str());
        throw;
    }
    // The rename is done; syncing the directory makes it survive a power cut. A file system that
    // cannot sync a directory still has the new file in place, so that is not an error.
    int dir = ::open(directory_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

Graph load(const std::string& path) {
    std::string data = read_whole_file(path);
    if (data.empty()) {
        fail(path, "empty file, not a vnkg graph file");
    }
    if (data.size() < sizeof kMagic && std::memcmp(data.data(), kMagic, data.size()) == 0) {
        fail(path, "truncated graph file (" + std::to_string(data.size()) +
                       " bytes, shorter than the header)");
    }
    if (data.size() < sizeof kMagic || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0) {
        fail(path, "not a vnkg graph file");
    }
    if (data.size() < kHeaderSize) {
        fail(path, "truncated graph file (" + std::to_string(data.size()) +
                       " bytes, shorter than the header)");
    }
    std::uint32_t version = read_u32(data.data() + 8);
    if (version > kFormatVersion) {
        fail(path, "was written by a newer vnkg (format " + std::to_string(version) +
                       ", this one reads up to " + std::to_string(kFormatVersion) + ")");
    }
    if (version == 0) {
        fail(path, "corrupted graph file (format version 0)");
    }
    if (read_u32(data.data() + 12) != 0) {
        fail(path, "corrupted graph file (unknown flags in the header)");
    }
    std::uint64_t payload = read_u64(data.data() + 16);
    std::uint64_t expected = kHeaderSize + kTrailerSize + payload;
    if (payload > std::numeric_limits<std::uint64_t>::max() - kHeaderSize - kTrailerSize ||
        data.size() < expected) {
        fail(path, "truncated graph file (" + std::to_string(data.size()) + " bytes, expected " +
                       std::to_string(expected) + ")");
    }
    if (data.size() > expected) {
        fail(path, "corrupted graph file (" + std::to_string(data.size() - expected) +
                       " bytes after the end)");
    }
    std::string_view body(data.data() + kHeaderSize, static_cast<std::size_t>(payload));
    std::uint64_t stored = read_u64(data.data() + kHeaderSize + payload);
    auto check = [&] {
        if (fnv1a(kFnvOffset, body.data(), body.size()) != stored) {
            fail(path, "corrupted graph file (checksum mismatch)");
        }
    };
    // A large file is checked on a second thread while it is decoded (the decoder stops cleanly
    // at damaged bytes, so nothing depends on the check having passed first); a failed check is
    // the error to report, whatever the decoder made of the bytes.
    constexpr std::size_t kCheckAsideFrom = 8u << 20;
    Graph graph;
    GraphReader reader(path, body);
    if (body.size() < kCheckAsideFrom) {
        check();
        reader.read(version, graph);
    } else {
        std::exception_ptr decoding;
        on_two_threads(check, [&] {
            try {
                reader.read(version, graph);
            } catch (...) {
                decoding = std::current_exception();
            }
        });
        if (decoding) {
            std::rethrow_exception(decoding);
        }
    }
    return graph; // the one return, so the graph is built where the caller keeps it
}

} // namespace vnkg::graph
