// The query lexer: turns query text into tokens, each with its source span. Keywords are not
// told apart here (the parser compares identifiers case-insensitively), so `match` and `MATCH`
// are one keyword and a backquoted `MATCH` is a name. Bad input (an unterminated string, an
// unknown character, invalid UTF-8) is a QueryError at the culprit.
#pragma once

#include "query/error.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vnkg::query {

enum class Tok {
    End,
    Ident,   ///< a name or keyword; `quoted` when written in backquotes
    String,  ///< text holds the decoded string
    Integer, ///< integer holds the value
    Float,   ///< number holds the value
    Param,   ///< `$name`; text holds the name
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Comma,
    Dot,
    DotDot,
    Colon,
    Pipe,
    Semicolon,
    Eq,
    Neq,
    Lt,
    Le,
    Gt,
    Ge,
    RegexMatch,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Caret,
};

struct Token {
    Tok kind = Tok::End;
    std::string text;
    std::int64_t integer = 0;
    double number = 0;
    bool quoted = false;
    Span span;
};

/// How a token kind is named in "expected ..." messages: "')'", "a name", "a string".
std::string describe(Tok kind);

/// Splits `query` into tokens, ending with one Tok::End token. Throws QueryError.
std::vector<Token> tokenize(std::string_view query);

} // namespace vnkg::query
