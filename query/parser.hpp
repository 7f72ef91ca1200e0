// The query parser: recursive descent over the lexer's tokens into a Query (ast.hpp). It checks
// syntax only; names are checked by the binder. Syntax outside the supported read-only subset
// (CREATE, MERGE, SET, CALL, UNION, CASE, ...) is a QueryError saying so, at the keyword.
#pragma once

#include "query/ast.hpp"

#include <string_view>

namespace vnkg::query {

/// Parses one query (an optional trailing `;` allowed). Throws QueryError.
Query parse(std::string_view text);

} // namespace vnkg::query
