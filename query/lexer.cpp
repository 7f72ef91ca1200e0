#include "query/lexer.hpp"

#include "graph/text.hpp"

#include <cstdio>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cerrno>
#include <charconv>
#include <cstdlib>

namespace vnkg::query {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_ident_start(UChar32 c) { return c == '_' || u_isalpha(c) != 0; }

bool is_ident_part(UChar32 c) {
    return c == '_' || u_isalnum(c) != 0 || u_charType(c) == U_NON_SPACING_MARK ||
           u_charType(c) == U_COMBINING_SPACING_MARK;
}

void append_utf8(std::string& out, UChar32 c) {
    char buf[4];
    int32_t n = 0;
    UBool error = false;
    U8_APPEND(buf, n, 4, c, error);
    if (!error) {
        out.append(buf, static_cast<std::size_t>(n));
    }
}

class Lexer {
public:
    explicit Lexer(std::string_view q) : q_(q) {}

    std::vector<Token> run() {
        std::vector<Token> out;
        for (;;) {
            skip_space();
            Token t = next();
            bool end = t.kind == Tok::End;
            out.push_back(std::move(t));
            if (end) {
                return out;
            }
        }
    }

private:
    UChar32 peek_cp(std::size_t at, std::size_t* len) const {
        int32_t i = static_cast<int32_t>(at);
        UChar32 c = 0;
        U8_NEXT(q_.data(), i, static_cast<int32_t>(q_.size()), c);
        *len = static_cast<std::size_t>(i) - at;
        return c;
    }

    void skip_space() {
        while (pos_ < q_.size()) {
            char c = q_[pos_];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
                ++pos_;
            } else if (q_.compare(pos_, 2, "//") == 0) {
                while (pos_ < q_.size() && q_[pos_] != '\n') {
                    ++pos_;
                }
            } else if (q_.compare(pos_, 2, "/*") == 0) {
                std::size_t end = q_.find("*/", pos_ + 2);
                if (end == std::string_view::npos) {
                    throw QueryError("this comment is never closed: expected '*/'", Span{pos_, 2});
                }
                pos_ = end + 2;
            } else if (static_cast<unsigned char>(c) >= 0x80) {
                std::size_t len = 0;
                UChar32 cp = peek_cp(pos_, &len);
                if (cp >= 0 && (u_isUWhiteSpace(cp) || cp == 0xFEFF || cp == 0x200B)) {
                    pos_ += len;
                } else {
                    return;
                }
            } else {
                return;
            }
        }
    }

    Token make(Tok kind, std::size_t start) {
        Token t;
        t.kind = kind;
        t.span = Span{start, pos_ - start};
        return t;
    }

    Token next() {
        std::size_t start = pos_;
        if (pos_ >= q_.size()) {
            return make(Tok::End, start);
        }
        char c = q_[pos_];
        auto two = [&](char second) { return pos_ + 1 < q_.size() && q_[pos_ + 1] == second; };
        switch (c) {
        case '(': ++pos_; return make(Tok::LParen, start);
        case ')': ++pos_; return make(Tok::RParen, start);
        case '[': ++pos_; return make(Tok::LBracket, start);
        case ']': ++pos_; return make(Tok::RBracket, start);
        case '{': ++pos_; return make(Tok::LBrace, start);
        case '}': ++pos_; return make(Tok::RBrace, start);
        case ',': ++pos_; return make(Tok::Comma, start);
        case ':': ++pos_; return make(Tok::Colon, start);
        case '|': ++pos_; return make(Tok::Pipe, start);
        case ';': ++pos_; return make(Tok::Semicolon, start);
        case '+': ++pos_; return make(Tok::Plus, start);
        case '-': ++pos_; return make(Tok::Minus, start);
        case '*': ++pos_; return make(Tok::Star, start);
        case '/': ++pos_; return make(Tok::Slash, start);
        case '%': ++pos_; return make(Tok::Percent, start);
        case '^': ++pos_; return make(Tok::Caret, start);
        case '=':
            pos_ += two('~') ? 2 : 1;
            return make(pos_ - start == 2 ? Tok::RegexMatch : Tok::Eq, start);
        case '<':
            if (two('>')) {
                pos_ += 2;
                return make(Tok::Neq, start);
            }
            pos_ += two('=') ? 2 : 1;
            return make(pos_ - start == 2 ? Tok::Le : Tok::Lt, start);
        case '>':
            pos_ += two('=') ? 2 : 1;
            return make(pos_ - start == 2 ? Tok::Ge : Tok::Gt, start);
        case '!':
            if (two('=')) {
                pos_ += 2;
                return make(Tok::Neq, start);
            }
            break;
        case '.':
            if (two('.')) {
                pos_ += 2;
                return make(Tok::DotDot, start);
            }
            if (pos_ + 1 < q_.size() && is_digit(q_[pos_ + 1])) {
                return number(start);
            }
            ++pos_;
            return make(Tok::Dot, start);
        case '\'':
        case '"':
            return string(start, c);
        case '`':
            return quoted_name(start);
        case '$': {
            ++pos_;
            Token t = name_or_fail(start, "a parameter name after '$'");
            t.kind = Tok::Param;
            t.span = Span{start, pos_ - start};
            return t;
        }
        default:
            break;
        }
        if (is_digit(c)) {
            return number(start);
        }
        std::size_t len = 0;
        UChar32 cp = peek_cp(pos_, &len);
        if (cp < 0) {
            throw QueryError("the query is not valid UTF-8 here", Span{start, 1});
        }
        if (is_ident_start(cp)) {
            return name_or_fail(start, "a name");
        }
        if (cp < 0x20 || cp == 0x7f) {
            char code[8];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
            throw QueryError(std::string("unexpected control character ") + code,
                             Span{start, len});
        }
        throw QueryError("unexpected character '" + std::string(q_.substr(start, len)) + "'",
                         Span{start, len});
    }

    Token name_or_fail(std::size_t start, const char* what) {
        if (pos_ < q_.size() && q_[pos_] == '`') {
            return quoted_name(pos_);
        }
        std::size_t name_start = pos_;
        while (pos_ < q_.size()) {
            std::size_t len = 0;
            UChar32 cp = peek_cp(pos_, &len);
            bool ok = cp >= 0 && (pos_ == name_start ? is_ident_start(cp) : is_ident_part(cp));
            if (!ok) {
                break;
            }
            pos_ += len;
        }
        if (pos_ == name_start) {
            throw QueryError(std::string("expected ") + what, Span{start, pos_ - start + 1});
        }
        Token t = make(Tok::Ident, start);
        t.text = std::string(q_.substr(name_start, pos_ - name_start));
        return t;
    }

    Token quoted_name(std::size_t start) {
        ++pos_;
        std::string text;
        for (;;) {
            if (pos_ >= q_.size()) {
                throw QueryError("this name is never closed: expected '`'", Span{start, 1});
            }
            if (q_[pos_] == '`') {
                if (pos_ + 1 < q_.size() && q_[pos_ + 1] == '`') {
                    text += '`';
                    pos_ += 2;
                    continue;
                }
                ++pos_;
                break;
            }
            text += q_[pos_++];
        }
        if (!graph::is_valid_utf8(text)) {
            throw QueryError("the query is not valid UTF-8 here", Span{start, pos_ - start});
        }
        if (text.empty()) {
            throw QueryError("a name cannot be empty", Span{start, pos_ - start});
        }
        Token t = make(Tok::Ident, start);
        t.text = std::move(text);
        t.quoted = true;
        return t;
    }

    Token number(std::size_t start) {
        bool is_float = false;
        while (pos_ < q_.size() && is_digit(q_[pos_])) {
            ++pos_;
        }
        if (pos_ + 1 < q_.size() && q_[pos_] == '.' && is_digit(q_[pos_ + 1])) {
            is_float = true;
            ++pos_;
            while (pos_ < q_.size() && is_digit(q_[pos_])) {
                ++pos_;
            }
        }
        if (pos_ < q_.size() && (q_[pos_] == 'e' || q_[pos_] == 'E')) {
            std::size_t save = pos_;
            ++pos_;
            if (pos_ < q_.size() && (q_[pos_] == '+' || q_[pos_] == '-')) {
                ++pos_;
            }
            if (pos_ < q_.size() && is_digit(q_[pos_])) {
                is_float = true;
                while (pos_ < q_.size() && is_digit(q_[pos_])) {
                    ++pos_;
                }
            } else {
                pos_ = save;
            }
        }
        if (pos_ < q_.size()) {
            std::size_t len = 0;
            UChar32 cp = peek_cp(pos_, &len);
            if (cp >= 0 && is_ident_part(cp)) {
                throw QueryError("a number cannot run into a name: expected a space or an operator",
                                 Span{pos_, len});
            }
        }
        Token t = make(is_float ? Tok::Float : Tok::Integer, start);
        std::string text(q_.substr(start, pos_ - start));
        if (is_float) {
            errno = 0;
            t.number = std::strtod(text.c_str(), nullptr);
            if (errno == ERANGE) {
                throw QueryError("this number is out of range", t.span);
            }
        } else {
            auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), t.integer);
            if (ec != std::errc() || ptr != text.data() + text.size()) {
                throw QueryError("this integer is too large (at most 9223372036854775807)", t.span);
            }
        }
        return t;
    }

    Token string(std::size_t start, char quote) {
        ++pos_;
        std::string text;
        for (;;) {
            if (pos_ >= q_.size()) {
                throw QueryError(std::string("this string is never closed: expected ") + quote,
                                 Span{start, 1});
            }
            char c = q_[pos_];
            if (c == quote) {
                ++pos_;
                break;
            }
            if (c != '\\') {
                text += c;
                ++pos_;
                continue;
            }
            std::size_t esc = pos_;
            ++pos_;
            if (pos_ >= q_.size()) {
                continue;
            }
            char e = q_[pos_++];
            switch (e) {
            case '\\': text += '\\'; break;
            case '\'': text += '\''; break;
            case '"': text += '"'; break;
            case 'n': text += '\n'; break;
            case 't': text += '\t'; break;
            case 'r': text += '\r'; break;
            case 'b': text += '\b'; break;
            case 'f': text += '\f'; break;
            case 'u':
            case 'U': {
                std::size_t n = e == 'u' ? 4 : 8;
                unsigned long cp = 0;
                bool ok = pos_ + n <= q_.size();
                for (std::size_t i = 0; ok && i < n; ++i) {
                    char h = q_[pos_ + i];
                    int d = is_digit(h) ? h - '0'
                            : (h >= 'a' && h <= 'f') ? h - 'a' + 10
                            : (h >= 'A' && h <= 'F') ? h - 'A' + 10
                                                     : -1;
                    ok = d >= 0;
                    cp = cp * 16 + static_cast<unsigned long>(d < 0 ? 0 : d);
                }
                if (!ok || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    throw QueryError("bad escape: expected \\u and 4 hex digits or \\U and 8",
                                     Span{esc, 2});
                }
                pos_ += n;
                append_utf8(text, static_cast<UChar32>(cp));
                break;
            }
            default:
                throw QueryError(std::string("unknown escape '\\") + e +
                                     "': expected one of \\\\ \\' \\\" \\n \\t \\r \\b \\f \\u",
                                 Span{esc, 2});
            }
        }
        std::size_t bad = 0;
        if (!graph::is_valid_utf8(text, &bad)) {
            throw QueryError("the query is not valid UTF-8 here", Span{start, pos_ - start});
        }
        Token t = make(Tok::String, start);
        t.text = std::move(text);
        return t;
    }

    std::string_view q_;
    std::size_t pos_ = 0;
};

} // namespace

std::string describe(Tok kind) {
    switch (kind) {
    case Tok::End: return "the end of the query";
    case Tok::Ident: return "a name";
    case Tok::String: return "a string";
    case Tok::Integer: return "an integer";
    case Tok::Float: return "a number";
    case Tok::Param: return "a parameter";
    case Tok::LParen: return "'('";
    case Tok::RParen: return "')'";
    case Tok::LBracket: return "'['";
    case Tok::RBracket: return "']'";
    case Tok::LBrace: return "'{'";
    case Tok::RBrace: return "'}'";
    case Tok::Comma: return "','";
    case Tok::Dot: return "'.'";
    case Tok::DotDot: return "'..'";
    case Tok::Colon: return "':'";
    case Tok::Pipe: return "'|'";
    case Tok::Semicolon: return "';'";
    case Tok::Eq: return "'='";
    case Tok::Neq: return "'<>'";
    case Tok::Lt: return "'<'";
    case Tok::Le: return "'<='";
    case Tok::Gt: return "'>'";
    case Tok::Ge: return "'>='";
    case Tok::RegexMatch: return "'=~'";
    case Tok::Plus: return "'+'";
    case Tok::Minus: return "'-'";
    case Tok::Star: return "'*'";
    case Tok::Slash: return "'/'";
    case Tok::Percent: return "'%'";
    case Tok::Caret: return "'^'";
    }
    return "a token";
}

std::vector<Token> tokenize(std::string_view query) { return Lexer(query).run(); }

} // namespace vnkg::query
