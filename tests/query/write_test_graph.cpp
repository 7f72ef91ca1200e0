// Writes the query tests' graph to a file, for the CLI tests: write_test_graph OUT.vnkg
#include "test_graph.hpp"

#include "graph/file.hpp"

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: write_test_graph OUT.vnkg\n";
        return 2;
    }
    vnkg::graph::save(vnkg::query::testing::make_test_graph(), argv[1]);
    return 0;
}
