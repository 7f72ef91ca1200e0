#include "cli/commands.hpp"

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    CLI::App app{"vnkg: a knowledge graph of Vietnamese news about the Party's work.\n"
                 "Reads articles, extracts people, bodies, provinces, directives and meetings,\n"
                 "and answers questions about how they are connected."};
    app.name("vnkg");
    app.require_subcommand(1);
    app.set_version_flag("--version", "vnkg 0.1.0");
    app.footer("Run `vnkg COMMAND --help` for a command's options and examples.");

    int status = 0;
    // Each subcommand registers itself here, in the order `vnkg --help` lists them.
    vnkg::cli::setup_build(app, status);
    vnkg::cli::setup_stats(app, status);
    vnkg::cli::setup_show(app, status);
    vnkg::cli::setup_extract(app, status);
    vnkg::cli::setup_eval(app, status);
    vnkg::cli::setup_query(app, status);
    vnkg::cli::setup_shell(app, status);
    vnkg::cli::setup_export(app, status);
    vnkg::cli::setup_import(app, status);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    } catch (const std::exception& e) {
        std::cerr << "vnkg: error: " << e.what() << '\n';
        return 1;
    }
    return status;
}
