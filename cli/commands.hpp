// The vnkg program's subcommands. Each `setup_x` adds one subcommand to the app, with its
// options in a struct of its own, and a callback that runs it and stores the exit status in
// `status` (0 success, 1 a file or data error, 2 a usage error). Errors that end a command are
// thrown as exceptions and printed once, by main().
#pragma once

#include <CLI/CLI.hpp>

namespace vnkg::cli {

void setup_build(CLI::App& app, int& status);
void setup_stats(CLI::App& app, int& status);
void setup_show(CLI::App& app, int& status);
void setup_extract(CLI::App& app, int& status);
void setup_eval(CLI::App& app, int& status);
void setup_query(CLI::App& app, int& status);
void setup_shell(CLI::App& app, int& status);
void setup_export(CLI::App& app, int& status);
void setup_import(CLI::App& app, int& status);

} // namespace vnkg::cli
