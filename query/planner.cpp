#include "query/planner.hpp"

#include "query/binder.hpp"

#include <algorithm>
#include <limits>

namespace vnkg::query {

namespace {

void split_and(const Expr* e, std::vector<const Expr*>& out) {
    if (!e) {
        return;
    }
    if (e->kind == ExprKind::And) {
        split_and(e->args[0].get(), out);
        split_and(e->args[1].get(), out);
    } else {
        out.push_back(e);
    }
}

bool all_bound(const Expr& e, const std::vector<bool>& bound) {
    std::vector<int> deps;
    collect_slots(e, deps);
    return std::all_of(deps.begin(), deps.end(), [&](int s) { return bound[s]; });
}

/// `n.key` for the node in `slot`.
bool is_property_of(const Expr& e, int slot, std::string* key) {
    if (e.kind != ExprKind::Property || e.args[0]->kind != ExprKind::Variable ||
        e.args[0]->slot != slot) {
        return false;
    }
    *key = e.name;
    return true;
}

bool is_id_of(const Expr& e, int slot) {
    return e.kind == ExprKind::Function && e.func == static_cast<int>(Fn::Id) &&
           e.args[0]->kind == ExprKind::Variable && e.args[0]->slot == slot;
}

bool is_fold_of_name(const Expr& e, int slot) {
    std::string key;
    return e.kind == ExprKind::Function && e.func == static_cast<int>(Fn::Fold) &&
           is_property_of(*e.args[0], slot, &key) && key == "name";
}

struct Choice {
    double cost = std::numeric_limits<double>::max();
    Source source = Source::All;
    std::vector<std::string> labels;
    std::string key;
    const Expr* value = nullptr;
};

class Planner {
public:
    Planner(const Clause& c, Database& db, const std::vector<bool>& bound)
        : c_(c), db_(db), bound_(bound) {
        split_and(c.where.get(), conj_);
        placed_.assign(conj_.size(), false);
    }

    MatchPlan run() {
        std::vector<bool> before = bound_;
        place_filters();
        std::vector<bool> done(c_.patterns.size(), false);
        for (std::size_t n = 0; n < c_.patterns.size(); ++n) {
            std::size_t pick = 0;
            double best = std::numeric_limits<double>::max();
            for (std::size_t i = 0; i < c_.patterns.size(); ++i) {
                if (done[i]) {
                    continue;
                }
                for (const NodePattern& node : c_.patterns[i].nodes) {
                    double cost = choose(node).cost;
                    if (cost < best) {
                        best = cost;
                        pick = i;
                    }
                }
            }
            done[pick] = true;
            plan_pattern(c_.patterns[pick]);
        }
        for (std::size_t i = 0; i < conj_.size(); ++i) {
            if (!placed_[i]) {
                add_filter(conj_[i]);
            }
        }
        for (std::size_t s = 0; s < bound_.size(); ++s) {
            if (bound_[s] && !before[s]) {
                plan_.new_slots.push_back(static_cast<int>(s));
            }
        }
        return std::move(plan_);
    }

private:
    void add_filter(const Expr* e) {
        Step s;
        s.kind = StepKind::Filter;
        s.pred = e;
        plan_.steps.push_back(s);
    }

    void place_filters() {
        for (std::size_t i = 0; i < conj_.size(); ++i) {
            if (!placed_[i] && all_bound(*conj_[i], bound_)) {
                placed_[i] = true;
                add_filter(conj_[i]);
            }
        }
    }

    void bind(int slot) {
        if (slot >= 0) {
            bound_[static_cast<std::size_t>(slot)] = true;
        }
    }

    double label_cost(const std::vector<std::vector<Name>>& labels, std::vector<std::string>* pick) {
        double best = static_cast<double>(db_.graph().node_count());
        for (const auto& any : labels) {
            double sum = 0;
            std::vector<std::string> names;
            for (const Name& l : any) {
                sum += static_cast<double>(db_.with_label(l.text).size());
                names.push_back(l.text);
            }
            if (sum <= best) {
                best = sum;
                if (pick) {
                    *pick = names;
                }
            }
        }
        return best;
    }

    Choice choose(const NodePattern& n) {
        Choice c;
        if (bound_[static_cast<std::size_t>(n.slot)]) {
            c.cost = 0;
            return c;
        }
        c.source = n.labels.empty() ? Source::All : Source::Label;
        c.cost = label_cost(n.labels, &c.labels);
        std::string single_label;
        if (!n.labels.empty()) {
            for (const auto& any : n.labels) {
                if (any.size() == 1) {
                    single_label = any.front().text;
                    break;
                }
            }
        }
        double label_count =
            single_label.empty() ? 0 : static_cast<double>(db_.with_label(single_label).size());
        auto consider = [&](Source s, const std::string& key, const Expr* value) {
            if (!all_bound(*value, bound_)) {
                return;
            }
            double cost = 1.5;
            if (s == Source::Id) {
                cost = 1;
            } else if (s == Source::Name) {
                cost = 1.2;
            } else if (s == Source::FoldedName) {
                cost = 1.1;
            } else if (s == Source::Property) {
                if (single_label.empty() || is_virtual_node_key(key)) {
                    return;
                }
                cost = label_count / 10 + 2;
            }
            if (cost < c.cost) {
                c.cost = cost;
                c.source = s;
                c.key = key;
                c.value = value;
                c.labels = {single_label};
            }
        };
        for (std::size_t i = 0; i < n.props.keys.size(); ++i) {
            const std::string& key = n.props.keys[i].text;
            consider(key == "name" ? Source::Name : Source::Property, key, n.props.values[i].get());
        }
        for (const Expr* e : conj_) {
            if (e->kind != ExprKind::Compare || e->op != Op::Eq) {
                continue;
            }
            for (int side = 0; side < 2; ++side) {
                const Expr& a = *e->args[static_cast<std::size_t>(side)];
                const Expr* other = e->args[static_cast<std::size_t>(1 - side)].get();
                std::string key;
                if (is_id_of(a, n.slot)) {
                    consider(Source::Id, "", other);
                } else if (is_fold_of_name(a, n.slot)) {
                    consider(Source::FoldedName, "name", other);
                } else if (is_property_of(a, n.slot, &key)) {
                    consider(key == "name" ? Source::Name : Source::Property, key, other);
                }
            }
        }
        return c;
    }

    void start_at(const NodePattern& n) {
        Step s;
        s.node_slot = n.slot;
        s.node = &n;
        if (bound_[static_cast<std::size_t>(n.slot)]) {
            s.kind = StepKind::Check;
        } else {
            Choice c = choose(n);
            s.kind = StepKind::Scan;
            s.source = c.source;
            s.labels = c.labels;
            s.key = c.key;
            s.value = c.value;
        }
        plan_.steps.push_back(std::move(s));
        bind(n.slot);
        place_filters();
    }

    void expand(const PathPattern& p, std::size_t rel, bool reversed) {
        const RelPattern& r = p.rels[rel];
        const NodePattern& from = reversed ? p.nodes[rel + 1] : p.nodes[rel];
        const NodePattern& to = reversed ? p.nodes[rel] : p.nodes[rel + 1];
        Step s;
        s.kind = StepKind::Expand;
        s.from_slot = from.slot;
        s.node_slot = to.slot;
        s.node = &to;
        s.rel = &r;
        s.reversed = reversed;
        s.dir = r.dir;
        if (reversed && r.dir != Direction::Both) {
            s.dir = r.dir == Direction::Out ? Direction::In : Direction::Out;
        }
        s.to_bound = bound_[static_cast<std::size_t>(to.slot)];
        s.prior_rels = rels_;
        plan_.steps.push_back(std::move(s));
        bind(to.slot);
        bind(r.slot);
        bind(r.seg_slot);
        rels_.push_back(r.slot);
        place_filters();
    }

    void plan_pattern(const PathPattern& p) {
        if (p.shortest != Shortest::None) {
            const NodePattern& a = p.nodes[0];
            const NodePattern& b = p.nodes[1];
            if (choose(b).cost < choose(a).cost) {
                start_at(b);
                start_at(a);
            } else {
                start_at(a);
                start_at(b);
            }
            Step s;
            s.kind = StepKind::Shortest;
            s.from_slot = a.slot;
            s.node_slot = b.slot;
            s.rel = &p.rels[0];
            s.dir = p.rels[0].dir;
            s.path = &p;
            plan_.steps.push_back(std::move(s));
            bind(p.rels[0].slot);
            bind(p.rels[0].seg_slot);
            bind(p.slot);
            place_filters();
            return;
        }
        std::size_t start = 0;
        double best = std::numeric_limits<double>::max();
        for (std::size_t i = 0; i < p.nodes.size(); ++i) {
            double cost = choose(p.nodes[i]).cost;
            if (cost < best) {
                best = cost;
                start = i;
            }
        }
        start_at(p.nodes[start]);
        for (std::size_t r = start; r < p.rels.size(); ++r) {
            expand(p, r, false);
        }
        for (std::size_t r = start; r-- > 0;) {
            expand(p, r, true);
        }
        if (p.slot >= 0) {
            Step s;
            s.kind = StepKind::BuildPath;
            s.path = &p;
            plan_.steps.push_back(std::move(s));
            bind(p.slot);
            place_filters();
        }
    }

    const Clause& c_;
    Database& db_;
    std::vector<bool> bound_;
    std::vector<const Expr*> conj_;
    std::vector<bool> placed_;
    std::vector<int> rels_;
    MatchPlan plan_;
};

std::string node_text(const NodePattern* n) {
    std::string out = "(";
    out += n->var.text.empty() ? std::string("_") : n->var.text;
    for (const auto& any : n->labels) {
        out += ':';
        for (std::size_t i = 0; i < any.size(); ++i) {
            out += (i ? "|" : "") + any[i].text;
        }
    }
    return out + ")";
}

} // namespace

void collect_slots(const Expr& e, std::vector<int>& out) {
    if (e.kind == ExprKind::Variable && e.slot >= 0) {
        out.push_back(e.slot);
    }
    std::size_t before = out.size();
    for (const auto& a : e.args) {
        collect_slots(*a, out);
    }
    if (e.kind == ExprKind::Comprehension) {
        // The comprehension's own variable is bound by it, not by the pattern.
        out.erase(std::remove(out.begin() + static_cast<std::ptrdiff_t>(before), out.end(), e.slot),
                  out.end());
    }
}

MatchPlan plan_match(const Clause& clause, Database& db, const std::vector<bool>& bound) {
    return Planner(clause, db, bound).run();
}

std::string describe(const MatchPlan& plan) {
    std::string out;
    for (const Step& s : plan.steps) {
        switch (s.kind) {
        case StepKind::Scan: {
            static const char* sources[] = {"all nodes",  "label",          "folded name index",
                                            "name index", "property index", "id"};
            out += "scan " + node_text(s.node) + " by " + sources[static_cast<int>(s.source)];
            if (s.source == Source::Property) {
                out += " (" + s.labels.front() + "." + s.key + ")";
            }
            break;
        }
        case StepKind::Check:
            out += "check " + node_text(s.node);
            break;
        case StepKind::Expand: {
            std::string rel = "[";
            rel += s.rel->var.text.empty() ? std::string("_") : s.rel->var.text;
            for (std::size_t i = 0; i < s.rel->types.size(); ++i) {
                rel += (i ? "|" : ":") + s.rel->types[i].text;
            }
            if (s.rel->var_length) {
                rel += '*';
                rel += std::to_string(s.rel->min_hops);
                rel += "..";
                rel += std::to_string(s.rel->max_hops);
            }
            rel += "]";
            const char* l = s.dir == Direction::In ? "<-" : "-";
            const char* r = s.dir == Direction::Out ? "->" : "-";
            out += std::string("expand ") + l + rel + r + node_text(s.node);
            if (s.to_bound) {
                out += " (into bound node)";
            }
            break;
        }
        case StepKind::Shortest:
            out += s.path->shortest == Shortest::One ? "shortest path" : "all shortest paths";
            break;
        case StepKind::Filter:
            out += "filter";
            break;
        case StepKind::BuildPath:
            out += "build path " + s.path->var.text;
            break;
        }
        out += '\n';
    }
    return out;
}

} // namespace vnkg::query
