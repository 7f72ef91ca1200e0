#include "extract/to_graph.hpp"

#include <string_view>
#include <unordered_map>
#include <utility>

namespace vnkg::extract {

namespace {

constexpr std::string_view kArticleLocalId = "article";

graph::Node article_node(const Extraction& extraction) {
    const Article& a = extraction.article;
    graph::Node node;
    node.labels = {std::string(graph::label::article)};
    node.name = a.title.empty() ? a.id : a.title;
    node.scope = a.id;
    if (!a.published.empty()) {
        node.props.emplace("published", a.published);
    }
    if (!a.source.empty()) {
        node.props.emplace("source", a.source);
    }
    node.props.emplace("id", a.id);
    if (!extraction.province.empty()) {
        node.props.emplace("province", extraction.province);
    }
    // The article's own mention makes remove_articles() take the node away with the article.
    node.mentions.push_back(graph::Provenance{a.id, {}});
    return node;
}

} // namespace

AddCounts add_to_graph(graph::Graph& graph, const Extraction& extraction) {
    const std::string& article_id = extraction.article.id;
    AddCounts counts;
    graph.add_article(graph::ArticleInfo{article_id, extraction.article.title,
                                         extraction.article.published, extraction.article.source,
                                         extraction.article.hash});
    graph::Node article = article_node(extraction);
    const std::string article_name = article.name;
    const graph::NodeId article_node_id = graph.merge_node(std::move(article));

    std::unordered_map<std::string_view, graph::NodeId> local;
    local.emplace(kArticleLocalId, article_node_id);
    for (const Entity& e : extraction.entities) {
        if (e.type == graph::label::article) {
            // The extractor's view of the article: its properties go onto the article's node.
            graph::Node extra;
            extra.labels = {std::string(graph::label::article)};
            extra.name = article_name;
            extra.scope = article_id;
            extra.props = e.props;
            local[e.id] = graph.merge_node(std::move(extra));
            continue;
        }
        if (e.type.empty() || e.name.empty()) {
            ++counts.dropped_entities;
            continue;
        }
        graph::Node node;
        node.labels = {e.type};
        node.name = e.name;
        node.scope = e.scope;
        node.props = e.props;
        for (const std::string& sentence : e.sentences) {
            node.mentions.push_back(graph::Provenance{article_id, sentence});
        }
        if (node.mentions.empty()) {
            node.mentions.push_back(graph::Provenance{article_id, {}});
        }
        graph::NodeId id = graph.merge_node(std::move(node));
        local[e.id] = id;

        graph::Edge mention;
        mention.type = std::string(graph::rel::mentions);
        mention.sources.push_back(
            graph::Provenance{article_id, e.sentences.empty() ? std::string() : e.sentences.front()});
        graph.merge_edge(article_node_id, id, std::move(mention));
    }

    for (const Relation& r : extraction.relations) {
        auto from = local.find(r.from);
        auto to = local.find(r.to);
        if (r.type.empty() || from == local.end() || to == local.end()) {
            ++counts.dropped_relations;
            continue;
        }
        graph::Edge edge;
        edge.type = r.type;
        edge.props = r.props;
        edge.sources.push_back(graph::Provenance{article_id, r.sentence});
        graph.merge_edge(from->second, to->second, std::move(edge));
    }
    return counts;
}

} // namespace vnkg::extract
