#!/usr/bin/env python3
"""Checks the sample exports with the tools users open them in.

Usage: check_formats.py WRITE_SAMPLES SCHEMAS_DIR
Runs WRITE_SAMPLES into a temporary folder, then checks: GraphML and GEXF against their schemas
(xmllint), GraphML in networkx and igraph, node-link JSON in networkx, the CSV files with the csv
module, and every DOT file with dot, neato and sfdp. A missing tool or module is reported as a
skip; any failed check exits 1.
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def skip(what):
    print("skip:", what)


def main():
    writer, schemas = sys.argv[1], sys.argv[2]
    out = tempfile.mkdtemp(prefix="vnkg-export-")
    try:
        subprocess.run([writer, out], check=True)
        run_checks(out, schemas)
    finally:
        shutil.rmtree(out)
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


def run_checks(out, schemas):
    with open(os.path.join(out, "expected.txt")) as f:
        n_nodes, n_edges = map(int, f.read().split())
    p = lambda name: os.path.join(out, name)

    # Schemas.
    if not os.path.isdir(schemas):
        skip(f"schema validation: no schemas at {schemas} (../shared is not beside the project)")
    elif shutil.which("xmllint"):
        for name, xsd in [("sample.graphml", "graphml/graphml.xsd"),
                          ("empty.graphml", "graphml/graphml.xsd"),
                          ("sample.gexf", "gexf-1.3/gexf.xsd"),
                          ("empty.gexf", "gexf-1.3/gexf.xsd")]:
            r = subprocess.run(["xmllint", "--nonet", "--noout", "--schema",
                                os.path.join(schemas, xsd), p(name)],
                               capture_output=True, text=True)
            check(r.returncode == 0, f"{name} valid against {xsd}: {r.stderr.strip()}")
    else:
        skip("xmllint not installed")

    with open(p("sample.graphml"), encoding="utf-8") as f:
        text = f.read()
    check('for="graph"' not in text, "no graph-level GraphML keys")

    json_nodes = None
    try:
        import networkx as nx
    except ImportError:
        skip("networkx not installed")
    else:
        g = nx.read_graphml(p("sample.graphml"))
        check(g.number_of_nodes() == n_nodes, f"networkx GraphML nodes {g.number_of_nodes()} == {n_nodes}")
        check(g.number_of_edges() == n_edges, f"networkx GraphML edges {g.number_of_edges()} == {n_edges}")
        by_label = {d["label"]: d for _, d in g.nodes(data=True)}
        check('Lê "Thị" C\\' in by_label, "name with quotes and a final backslash survives")
        check('Ban <Tuyên> & "giáo" Tỉnh ủy' in by_label, "XML specials kept, control characters dropped")
        d = by_label.get("Kết luận số 01-KL/TW", {})
        check(d.get("pages") == 12 and d.get("score") == 0.1 and d.get("binding") is True,
              f"typed properties read back: {d}")
        check(d.get("type") == "Directive" and d.get("labels") == ":Directive", "type and labels keys")
        odd = by_label.get('Lê "Thị" C\\', {})
        check(odd.get("labels") == ":Person:Delegate", "multi-label node")
        check(odd.get("note") == "line one\nline two\ttab", f"newline and tab kept: {odd.get('note')!r}")
        van = by_label.get("Đào Hồng Vận", {})
        check(van.get("titles") == "Ủy viên Thường vụ; Trưởng ban Tuyên giáo", "lists joined with '; '")
        weights = sorted(d["weight"] for _, _, d in g.edges(data=True))
        check(weights[-1] == 2.0 and weights[0] == 1.0, f"edge weights {weights}")

        data = json.load(open(p("sample.json"), encoding="utf-8"))
        try:
            j = nx.node_link_graph(data, edges="links")
        except TypeError:
            j = nx.node_link_graph(data)
        check(j.number_of_nodes() == n_nodes and j.number_of_edges() == n_edges,
              "node-link JSON loads with the same counts")
        check(set(j.nodes) == set(g.nodes), "JSON and GraphML use the same node ids")
        for n, d in j.nodes(data=True):
            check(d["label"] == g.nodes[n]["label"], f"JSON label of {n} matches GraphML")
        json_nodes = j
        empty = json.load(open(p("empty.json"), encoding="utf-8"))
        check(empty["nodes"] == [] and empty["links"] == [], "empty JSON is valid and empty")

    try:
        import igraph
    except ImportError:
        skip("igraph not installed")
    else:
        ig = igraph.Graph.Read_GraphML(p("sample.graphml"))
        check(ig.vcount() == n_nodes and ig.ecount() == n_edges, "igraph reads the same counts")
        labels = set(ig.vs["label"])
        check('Lê "Thị" C\\' in labels, "igraph reads the awkward name")
        vs = ig.vs.find(label="Kết luận số 01-KL/TW")
        check(vs["pages"] == 12 and abs(vs["score"] - 0.1) < 1e-12 and vs["binding"],
              "igraph reads typed properties")

    # CSV.
    folder = p("csv")
    node_ids, rows, rels = set(), 0, 0
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
            if name.startswith("nodes_"):
                r = list(csv.reader(f))
                check(r[0][:3] == ["id:ID", ":LABEL", "name"], f"{name} header {r[0][:3]}")
                check(all(len(row) == len(r[0]) for row in r), f"{name}: every row as wide as the header")
                node_ids.update(row[0] for row in r[1:])
                rows += len(r) - 1
            elif name.startswith("rels_"):
                r = list(csv.reader(f))
                check(r[0][:3] == [":START_ID", ":END_ID", ":TYPE"], f"{name} header")
                check(all(len(row) == len(r[0]) for row in r), f"{name}: every row as wide as the header")
                rels += len(r) - 1
                for row in r[1:]:
                    check(row[0] in node_ids and row[1] in node_ids,
                          f"{name}: both ends are exported nodes")
    check(rows == n_nodes, f"CSV node rows {rows} == {n_nodes}")
    check(rels == n_edges, f"CSV relationship rows {rels} == {n_edges}")
    if json_nodes is not None:
        check(node_ids == set(json_nodes.nodes), "CSV ids are the same stable ids")
    kuzu = open(os.path.join(folder, "kuzu-import.cypher"), encoding="utf-8").read()
    check("CREATE NODE TABLE `Person`" in kuzu and "COPY `ATTENDED`" in kuzu, "Kuzu script")
    neo = open(os.path.join(folder, "neo4j-import.sh"), encoding="utf-8").read()
    check("neo4j-admin database import full" in neo and "--nodes=nodes_Person.csv" in neo,
          "neo4j-admin command")

    # DOT.
    for tool in ["dot", "neato", "sfdp"]:
        if not shutil.which(tool):
            skip(f"{tool} not installed")
            continue
        for name in ["sample.dot", "sample_province.dot", "sample_type.dot", "empty.dot"]:
            r = subprocess.run([tool, "-Tsvg", p(name)], capture_output=True, text=True)
            check(r.returncode == 0 and "<svg" in r.stdout,
                  f"{tool} renders {name}: {r.stderr.strip()[:300]}")
            if name == "sample.dot" and r.returncode == 0:
                check("Đào Hồng" in r.stdout, f"{tool}: UTF-8 label in the SVG")


if __name__ == "__main__":
    sys.exit(main())
