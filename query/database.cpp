#include "query/database.hpp"

#include "graph/text.hpp"

#include <set>

namespace vnkg::query {

namespace {

std::vector<std::string> keys_of(const std::map<std::string, std::map<std::string, std::size_t>>& m) {
    std::set<std::string> keys;
    for (const auto& [owner, props] : m) {
        for (const auto& [key, count] : props) {
            keys.insert(key);
        }
    }
    return {keys.begin(), keys.end()};
}

Value article_ids(const std::vector<graph::Provenance>& list) {
    List out;
    std::set<std::string> seen;
    for (const graph::Provenance& p : list) {
        if (seen.insert(p.article).second) {
            out.emplace_back(p.article);
        }
    }
    return out;
}

Value sentences(const std::vector<graph::Provenance>& list) {
    List out;
    std::set<std::string> seen;
    for (const graph::Provenance& p : list) {
        if (!p.sentence.empty() && seen.insert(p.sentence).second) {
            out.emplace_back(p.sentence);
        }
    }
    return out;
}

} // namespace

std::vector<std::string> Schema::node_keys() const { return keys_of(node_props); }
std::vector<std::string> Schema::rel_keys() const { return keys_of(rel_props); }

bool is_virtual_node_key(std::string_view key) {
    return key == "name" || key == "scope" || key == "sources" || key == "evidence";
}

bool is_virtual_rel_key(std::string_view key) { return key == "sources" || key == "evidence"; }

Value node_property(const graph::Graph& g, graph::NodeId id, std::string_view key) {
    const graph::Node& n = g.node(id);
    if (key == "name") {
        return n.name;
    }
    if (key == "scope") {
        return n.scope.empty() ? Value() : Value(n.scope);
    }
    if (key == "sources") {
        return article_ids(n.mentions);
    }
    if (key == "evidence") {
        return sentences(n.mentions);
    }
    auto it = n.props.find(key);
    return it == n.props.end() ? Value() : from_property(it->second);
}

Value rel_property(const graph::Graph& g, graph::EdgeId id, std::string_view key) {
    const graph::Edge& e = g.edge(id);
    if (key == "sources") {
        return article_ids(e.sources);
    }
    if (key == "evidence") {
        return sentences(e.sources);
    }
    auto it = e.props.find(key);
    return it == e.props.end() ? Value() : from_property(it->second);
}

Database::Database(const graph::Graph& graph) : graph_(graph) {}

const Schema& Database::schema() {
    if (schema_) {
        return *schema_;
    }
    auto s = std::make_unique<Schema>();
    for (graph::NodeId id = 0; id < graph_.node_count(); ++id) {
        const graph::Node& n = graph_.node(id);
        for (const std::string& l : n.labels) {
            ++s->labels[l];
            auto& props = s->node_props[l];
            ++props["name"];
            if (!n.scope.empty()) {
                ++props["scope"];
            }
            if (!n.mentions.empty()) {
                ++props["sources"];
                ++props["evidence"];
            }
            for (const auto& [key, value] : n.props) {
                if (!std::holds_alternative<std::monostate>(value)) {
                    ++props[key];
                }
            }
        }
    }
    for (graph::EdgeId id = 0; id < graph_.edge_count(); ++id) {
        const graph::Edge& e = graph_.edge(id);
        ++s->types[e.type];
        auto& props = s->rel_props[e.type];
        if (!e.sources.empty()) {
            ++props["sources"];
            ++props["evidence"];
        }
        for (const auto& [key, value] : e.props) {
            if (!std::holds_alternative<std::monostate>(value)) {
                ++props[key];
            }
        }
    }
    int bit = 0;
    for (const auto& [label, count] : s->labels) {
        label_bits_[label] = bit < 64 ? std::uint64_t{1} << bit : 0;
        ++bit;
    }
    int number = 0;
    for (const auto& [type, count] : s->types) {
        type_numbers_[type] = number++;
    }
    node_bits_.assign(graph_.node_count(), 0);
    for (graph::NodeId id = 0; id < graph_.node_count(); ++id) {
        for (const std::string& l : graph_.node(id).labels) {
            node_bits_[id] |= label_bits_[l];
        }
    }
    edge_types_.assign(graph_.edge_count(), 0);
    for (graph::EdgeId id = 0; id < graph_.edge_count(); ++id) {
        edge_types_[id] = type_numbers_[graph_.edge(id).type];
    }
    schema_ = std::move(s);
    return *schema_;
}

const std::vector<graph::NodeId>& Database::by_folded_name(const std::string& folded) {
    if (!folded_) {
        folded_ = std::make_unique<Index>();
        for (graph::NodeId id = 0; id < graph_.node_count(); ++id) {
            (*folded_)[graph::fold(graph_.node(id).name)].push_back(id);
        }
    }
    auto it = folded_->find(folded);
    return it == folded_->end() ? empty_ : it->second;
}

const std::vector<graph::NodeId>& Database::by_name(const std::string& name) {
    if (!exact_) {
        exact_ = std::make_unique<Index>();
        for (graph::NodeId id = 0; id < graph_.node_count(); ++id) {
            (*exact_)[graph_.node(id).name].push_back(id);
        }
    }
    auto it = exact_->find(name);
    return it == exact_->end() ? empty_ : it->second;
}

const std::vector<graph::NodeId>& Database::by_property(const std::string& label,
                                                        const std::string& key,
                                                        const Value& value) {
    auto slot = props_.find({label, key});
    if (slot == props_.end()) {
        Index index;
        for (graph::NodeId id : with_label(label)) {
            const graph::Node& n = graph_.node(id);
            auto it = n.props.find(key);
            if (it != n.props.end()) {
                index[group_key(from_property(it->second))].push_back(id);
            }
        }
        slot = props_.emplace(std::make_pair(label, key), std::move(index)).first;
    }
    auto it = slot->second.find(group_key(value));
    return it == slot->second.end() ? empty_ : it->second;
}

std::uint64_t Database::label_bit(std::string_view label) {
    schema();
    auto it = label_bits_.find(label);
    return it == label_bits_.end() ? 0 : it->second;
}

bool Database::has_label_bits() { return schema().labels.size() <= 64; }

int Database::type_number(std::string_view type) {
    schema();
    auto it = type_numbers_.find(type);
    return it == type_numbers_.end() ? -1 : it->second;
}

const std::vector<graph::NodeId>& Database::with_label(const std::string& label) {
    auto it = labels_.find(label);
    if (it == labels_.end()) {
        it = labels_.emplace(label, graph_.nodes_with_label(label)).first;
    }
    return it->second;
}

} // namespace vnkg::query
