/* tokenizer.c -- UTF-8 source text to tokens.
 *
 * Indentation is tracked with two stacks, as CPython does: one measuring
 * tabs to the next multiple of 8, the other counting a tab as 1 column.
 * A line whose two measures order differently from the stack top mixes
 * tabs and spaces ambiguously: TabError.  Inside brackets, newlines and
 * indentation mean nothing.  Error messages and positions follow CPython
 * 3.11 (whose tokenizer reports the column just past what it consumed).
 */
#include "rp.h"
#include "objects/unicodedb.h"
#include "tokenizer.h"
#include <ctype.h>

static const char *const kwnames[] = {
    NULL,
#define RP_KW_NAME(k) #k,
    RP_KEYWORDS(RP_KW_NAME)
#undef RP_KW_NAME
};

const char *RpTokenizer_KeywordName(int kw)
{
    return (kw > 0 && kw < KW_COUNT_) ? kwnames[kw] : "";
}

/* ---- lines and errors ---------------------------------------------------- */

const char *RpTokenizer_Line(const RpTokenizer *t, int lineno, Rp_ssize_t *len)
{
    const char *s = t->buf;
    for (int l = 1; l < lineno; l++) {
        const char *nl = memchr(s, '\n', (size_t)(t->end - s));
        if (nl == NULL)
            return NULL;
        s = nl + 1;
    }
    if (s > t->end || (s == t->end && lineno > 1))
        return NULL;
    const char *nl = memchr(s, '\n', (size_t)(t->end - s));
    *len = (nl ? nl : t->end) - s;
    return s;
}

/* Raise `type` on the current line; returns -1.  cols are 1-based byte columns
 * (converted to characters by _RpCompile_SyntaxError); a value <= 0 is
 * passed on unchanged.  The text is the line without its newline, which
 * is what CPython's tokenizer reports. */
static int tok_error_cols(RpTokenizer *t, RpObject *type, int lineno, int col,
                          int end_col, const char *msg)
{
    Rp_ssize_t n = 0;
    const char *line = RpTokenizer_Line(t, lineno, &n);
    char *text = NULL;
    if (line != NULL) {
        text = RpMem_Malloc((size_t)n + 1);
        if (text == NULL) {
            RpErr_NoMemory();
            return -1;
        }
        memcpy(text, line, (size_t)n);
        text[n] = '\0';
    }
    _RpCompile_SyntaxError(type, t->filename, lineno, col, lineno, end_col, text, "%s", msg);
    RpMem_Free(text);
    return -1;
}

/* The common case: the caret goes on the last consumed byte. */
static int tok_error(RpTokenizer *t, const char *msg)
{
    int col = (int)(t->cur - t->line_start);
    return tok_error_cols(t, RpExc_SyntaxError, t->lineno, col, col, msg);
}

/* ---- UTF-8 checking and coding cookies ----------------------------------- */

/* Length of the valid UTF-8 sequence at s, or 0 with *why set. */
static int utf8_seq(const unsigned char *s, const unsigned char *end, const char **why)
{
    unsigned c = s[0];
    int n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
          : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (n == 0) {
        *why = "invalid start byte";
        return 0;
    }
    for (int i = 1; i < n; i++) {
        if (s + i >= end) {
            *why = "unexpected end of data";
            return 0;
        }
        unsigned d = s[i];
        int lo = 0x80, hi = 0xBF;
        if (i == 1 && c == 0xE0) lo = 0xA0;
        if (i == 1 && c == 0xED) hi = 0x9F;   /* no surrogates */
        if (i == 1 && c == 0xF0) lo = 0x90;
        if (i == 1 && c == 0xF4) hi = 0x8F;
        if ((int)d < lo || (int)d > hi) {
            *why = "invalid continuation byte";
            return 0;
        }
    }
    return n;
}

/* A file gets CPython's PEP 263 message; a string (filename "<...>") the
 * codec's message. */
static int bad_utf8(RpTokenizer *t, const char *at, const char *why)
{
    const char *fname = t->filename ? RpUnicode_AsUTF8(t->filename) : "<string>";
    int lineno = 1;
    const char *ls = t->buf;
    for (const char *s = t->buf; s < at; s++)
        if (*s == '\n') {
            lineno++;
            ls = s + 1;
        }
    unsigned byte = (unsigned char)*at;
    if (fname && fname[0] != '<') {
        RpErr_Format(RpExc_SyntaxError,
                     "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
                     "but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                     byte, fname, lineno);
        return -1;
    }
    /* CPython decodes a string literal's body on its own, so the position
     * counts from the body's start there, from the line's start elsewhere */
    const char *base = ls;
    char quote = 0;
    for (const char *s = ls; s < at; s++) {
        if (quote && *s == '\\' && s + 1 < at) {
            s++;
        } else if (quote ? *s == quote : (*s == '\'' || *s == '"')) {
            quote = quote ? 0 : *s;
            base = quote ? s + 1 : ls;
        }
    }
    char msg[160];
    snprintf(msg, sizeof msg, "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: %s",
             byte, (int)(at - base), why);
    _RpCompile_SyntaxError(RpExc_SyntaxError, t->filename, lineno, 1, lineno, 1, NULL, "%s", msg);
    return -1;
}

static int check_utf8(RpTokenizer *t)
{
    const unsigned char *s = (const unsigned char *)t->buf, *e = (const unsigned char *)t->end;
    while (s < e) {
        if (*s < 0x80) {
            s++;
            continue;
        }
        const char *why = NULL;
        int n = utf8_seq(s, e, &why);
        if (n == 0)
            return bad_utf8(t, (const char *)s, why);
        s += n;
    }
    return 0;
}

/* Find "coding[:=]\s*NAME" in a comment line; copy NAME to out. */
static int find_cookie(const char *s, const char *e, char *out, size_t outsz)
{
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\f'))
        s++;
    if (s >= e || *s != '#')
        return 0;
    for (; s + 7 < e; s++) {
        if (memcmp(s, "coding", 6) != 0 || (s[6] != ':' && s[6] != '='))
            continue;
        const char *v = s + 7;
        while (v < e && (*v == ' ' || *v == '\t'))
            v++;
        size_t n = 0;
        while (v + n < e && (isalnum((unsigned char)v[n]) || v[n] == '-' || v[n] == '_' || v[n] == '.'))
            n++;
        if (n == 0 || n >= outsz)
            return 0;
        for (size_t i = 0; i < n; i++)
            out[i] = (char)tolower((unsigned char)v[i]);
        out[n] = '\0';
        return 1;
    }
    return 0;
}

/* Look at the first two lines for a cookie (the second only if the first
 * is blank or a comment, as PEP 263 says). */
static int get_cookie(const char *buf, const char *end, char *out, size_t outsz)
{
    const char *s = buf;
    for (int line = 0; line < 2 && s < end; line++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *le = nl ? nl : end;
        if (find_cookie(s, le, out, outsz))
            return 1;
        const char *q = s;
        while (q < le && (*q == ' ' || *q == '\t' || *q == '\f' || *q == '\r'))
            q++;
        if (q < le && *q != '#')
            return 0;
        s = le + 1;
    }
    return 0;
}

static int is_utf8_name(const char *c)
{
    return !strcmp(c, "utf-8") || !strcmp(c, "utf8") || !strcmp(c, "utf_8") ||
           !strncmp(c, "utf-8-", 6) || !strncmp(c, "utf_8_", 6) ||
           !strcmp(c, "ascii") || !strcmp(c, "us-ascii");
}

static int is_latin1_name(const char *c)
{
    return !strcmp(c, "latin-1") || !strcmp(c, "latin1") || !strcmp(c, "latin_1") ||
           !strcmp(c, "iso-8859-1") || !strcmp(c, "iso8859-1") || !strcmp(c, "iso_8859_1") ||
           !strncmp(c, "latin-1-", 8) || !strncmp(c, "iso-8859-1-", 11);
}

/* Re-encode latin-1 bytes as UTF-8 into a buffer the tokenizer owns. */
static int transcode_latin1(RpTokenizer *t)
{
    Rp_ssize_t n = t->end - t->buf;
    char *out = RpMem_Malloc((size_t)n * 2 + 1);
    if (out == NULL) {
        RpErr_NoMemory();
        return -1;
    }
    char *o = out;
    for (const unsigned char *s = (const unsigned char *)t->buf; s < (const unsigned char *)t->end; s++) {
        if (*s < 0x80) {
            *o++ = (char)*s;
        } else {
            *o++ = (char)(0xC0 | (*s >> 6));
            *o++ = (char)(0x80 | (*s & 0x3F));
        }
    }
    *o = '\0';
    t->owned = out;
    t->buf = out;
    t->end = o;
    return 0;
}

static int handle_encoding(RpTokenizer *t)
{
    char cookie[64];
    if (!get_cookie(t->buf, t->end, cookie, sizeof cookie) || is_utf8_name(cookie))
        return check_utf8(t);
    if (is_latin1_name(cookie))
        return transcode_latin1(t);
    RpErr_Format(RpExc_SyntaxError, "unknown encoding: %s", cookie);
    return -1;
}

/* Universal newlines: \r\n and lone \r become \n, in an owned copy. */
static int normalize_newlines(RpTokenizer *t)
{
    if (memchr(t->buf, '\r', (size_t)(t->end - t->buf)) == NULL)
        return 0;
    char *out = RpMem_Malloc((size_t)(t->end - t->buf) + 1);
    if (out == NULL) {
        RpErr_NoMemory();
        return -1;
    }
    char *o = out;
    for (const char *s = t->buf; s < t->end; s++) {
        if (*s == '\r') {
            *o++ = '\n';
            if (s + 1 < t->end && s[1] == '\n')
                s++;
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
    if (t->owned)
        RpMem_Free(t->owned);
    t->owned = out;
    t->buf = out;
    t->end = o;
    return 0;
}

int RpTokenizer_Init(RpTokenizer *t, const char *src, Rp_ssize_t len, RpObject *filename)
{
    memset(t, 0, sizeof *t);
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        len -= 3;
    }
    t->buf = src;
    t->end = src + len;
    t->filename = filename;
    if (handle_encoding(t) < 0 || normalize_newlines(t) < 0) {
        RpTokenizer_Fini(t);
        return -1;
    }
    t->cur = t->line_start = t->buf;
    t->stop = t->end;
    t->lineno = 1;
    t->atbol = 1;
    return 0;
}

void RpTokenizer_InitSub(RpTokenizer *t, const RpTokenizer *parent,
                         const char *start, const char *stop,
                         int lineno, const char *line_start)
{
    memset(t, 0, sizeof *t);
    t->buf = parent->buf;
    t->end = parent->end;
    t->filename = parent->filename;
    t->cur = start;
    t->stop = stop;
    t->line_start = line_start;
    t->lineno = lineno;
    /* as if inside an implicit '(' : no NEWLINE/INDENT, no unmatched ')' */
    t->level = t->base_level = 1;
    t->parenstack[0] = '(';
}

void RpTokenizer_Fini(RpTokenizer *t)
{
    if (t->owned) {
        RpMem_Free(t->owned);
        t->owned = NULL;
    }
}

/* ---- characters ---------------------------------------------------------- */

static int peekc(RpTokenizer *t, int k)
{
    return t->cur + k < t->stop ? (unsigned char)t->cur[k] : -1;
}

static void newline_at(RpTokenizer *t, const char *after_nl)
{
    t->lineno++;
    t->line_start = after_nl;
}

static int is_id_start(int c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 128;
}

static int is_id_char(int c)
{
    return is_id_start(c) || (c >= '0' && c <= '9');
}

static void set_pos(RpTokenizer *t, RpToken *tk, const char *start, int type)
{
    tk->type = type;
    tk->kw = KW_NONE_;
    tk->start = start;
    tk->end = t->cur;
    tk->end_lineno = t->lineno;
    tk->end_col = (int)(t->cur - t->line_start);
}

/* ---- indentation --------------------------------------------------------- */

/* Measure the indentation of the line at cur; *blank set for lines that
 * carry no token (empty, comment only, or backslash-newline?). */
static const char *measure_indent(RpTokenizer *t, int *col, int *altcol)
{
    const char *s = t->cur;
    int c = 0, a = 0;
    for (; s < t->stop; s++) {
        if (*s == ' ') {
            c++;
            a++;
        } else if (*s == '\t') {
            c = (c / 8 + 1) * 8;
            a++;
        } else if (*s == '\f') {
            c = a = 0;
        } else {
            break;
        }
    }
    *col = c;
    *altcol = a;
    return s;
}

static int indent_error(RpTokenizer *t, int tab)
{
    if (tab)
        return tok_error_cols(t, RpExc_TabError, t->lineno, 1, 0,
                              "inconsistent use of tabs and spaces in indentation");
    Rp_ssize_t n = 0;
    const char *line = RpTokenizer_Line(t, t->lineno, &n);
    (void)line;
    /* CPython puts the caret past the whole line (its newline included) */
    return tok_error_cols(t, RpExc_IndentationError, t->lineno, (int)n + 1, -1,
                          "unindent does not match any outer indentation level");
}

/* Compare the new line's indentation with the stack; queue INDENT/DEDENTs. */
static int do_indent(RpTokenizer *t, int col, int altcol)
{
    if (col == t->indstack[t->indent]) {
        if (altcol != t->altstack[t->indent])
            return indent_error(t, 1);
    } else if (col > t->indstack[t->indent]) {
        if (t->indent + 1 >= RP_TOK_MAXINDENT) {
            return tok_error_cols(t, RpExc_IndentationError, t->lineno, -1, -1,
                                  "too many levels of indentation");
        }
        if (altcol <= t->altstack[t->indent])
            return indent_error(t, 1);
        t->pendin++;
        t->indent++;
        t->indstack[t->indent] = col;
        t->altstack[t->indent] = altcol;
    } else {
        while (t->indent > 0 && col < t->indstack[t->indent]) {
            t->pendin--;
            t->indent--;
        }
        if (col != t->indstack[t->indent])
            return indent_error(t, 0);
        if (altcol != t->altstack[t->indent])
            return indent_error(t, 1);
    }
    return 0;
}

/* At the start of a line: skip blank and comment-only lines, then handle
 * the indentation.  Returns 0, or TOK_ERROR. */
static int begin_line(RpTokenizer *t)
{
    for (;;) {
        int col, altcol;
        const char *s = measure_indent(t, &col, &altcol);
        int c = s < t->stop ? (unsigned char)*s : -1;
        if (c == '#' || c == '\n') {
            const char *nl = memchr(s, '\n', (size_t)(t->stop - s));
            if (nl == NULL) {
                t->cur = t->stop;
                return 0;
            }
            t->cur = nl + 1;
            newline_at(t, t->cur);
            continue;
        }
        t->cur = s;
        if (c == -1)
            return 0;       /* EOF: the EOF path produces the DEDENTs */
        t->indent_line = t->lineno;
        t->indent_ws = (int)(s - t->line_start);
        return do_indent(t, col, altcol) < 0 ? TOK_ERROR : 0;
    }
}

/* ---- numbers ------------------------------------------------------------- */

static int number_end_error(RpTokenizer *t, const char *kind)
{
    char msg[64];
    snprintf(msg, sizeof msg, "invalid %s literal", kind);
    return tok_error(t, msg);
}

/* After a number, a letter means a malformed literal ("1abc"); like
 * CPython, any non-ASCII character counts as a letter here. */
static int verify_end(RpTokenizer *t, const char *kind)
{
    int c = peekc(t, 0);
    if (c >= 0 && is_id_start(c)) {
        return number_end_error(t, kind);
    }
    return 0;
}

/* Digits accepted by `isdig`, single underscores between them. */
static int digits_tail(RpTokenizer *t, int (*isdig)(int), const char *kind)
{
    for (;;) {
        while (peekc(t, 0) >= 0 && isdig(peekc(t, 0)))
            t->cur++;
        if (peekc(t, 0) != '_')
            return 0;
        t->cur++;
        if (peekc(t, 0) < 0 || !isdig(peekc(t, 0)))
            return number_end_error(t, kind);
    }
}

static int isdec(int c) { return c >= '0' && c <= '9'; }
static int ishex(int c) { return isxdigit(c) != 0; }
static int isoct(int c) { return c >= '0' && c <= '7'; }
static int isbin(int c) { return c == '0' || c == '1'; }

static int radix_number(RpTokenizer *t, int (*isdig)(int), const char *kind, int maxdig)
{
    t->cur += 2;    /* 0x / 0o / 0b */
    if (peekc(t, 0) == '_')
        t->cur++;
    int c = peekc(t, 0);
    if (c < 0 || !isdig(c)) {
        if (c >= '0' && c <= '9' && maxdig) {
            t->cur++;
            char msg[64];
            snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
            return tok_error(t, msg);
        }
        t->cur++;
        if (c < 0 || !is_id_char(c))
            t->cur--;
        return number_end_error(t, kind);
    }
    if (digits_tail(t, isdig, kind) < 0)
        return -1;
    c = peekc(t, 0);
    if (maxdig && c >= '0' && c <= '9') {
        t->cur++;
        char msg[64];
        snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
        return tok_error(t, msg);
    }
    return verify_end(t, kind);
}

/* fraction / exponent / imaginary suffix after the integer part */
static int float_tail(RpTokenizer *t, int seen_dot)
{
    if (!seen_dot && peekc(t, 0) == '.') {
        t->cur++;
        seen_dot = 1;
        if (isdec(peekc(t, 0)) && digits_tail(t, isdec, "decimal") < 0)
            return -1;
    }
    int c = peekc(t, 0);
    if (c == 'e' || c == 'E') {
        const char *save = t->cur;
        t->cur++;
        if (peekc(t, 0) == '+' || peekc(t, 0) == '-')
            t->cur++;
        if (!isdec(peekc(t, 0))) {
            t->cur = save;
            return number_end_error(t, "decimal");
        }
        if (digits_tail(t, isdec, "decimal") < 0)
            return -1;
    }
    c = peekc(t, 0);
    if (c == 'j' || c == 'J')
        t->cur++;
    return verify_end(t, "decimal");
}

/* A decimal literal starting with 0: only zeros unless it is a float. */
static int zero_number(RpTokenizer *t)
{
    const char *start = t->cur;
    t->cur++;
    const char *nonzero = NULL;
    for (;;) {
        int c = peekc(t, 0);
        if (c == '_') {
            t->cur++;
            if (!isdec(peekc(t, 0)))
                return number_end_error(t, "decimal");
        } else if (c == '0') {
            t->cur++;
        } else if (isdec(c)) {
            if (!nonzero)
                nonzero = t->cur;
            t->cur++;
        } else {
            break;
        }
    }
    int c = peekc(t, 0);
    if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J')
        return float_tail(t, 0);
    if (nonzero) {
        return tok_error_cols(t, RpExc_SyntaxError, t->lineno,
                              (int)(start - t->line_start) + 1,
                              (int)(nonzero - t->line_start) + 1,
                              "leading zeros in decimal integer literals are not permitted; "
                              "use an 0o prefix for octal integers");
    }
    return verify_end(t, "decimal");
}

static int lex_number(RpTokenizer *t)
{
    int c0 = peekc(t, 0), c1 = peekc(t, 1);
    if (c0 == '0') {
        if (c1 == 'x' || c1 == 'X')
            return radix_number(t, ishex, "hexadecimal", 0);
        if (c1 == 'o' || c1 == 'O')
            return radix_number(t, isoct, "octal", 1);
        if (c1 == 'b' || c1 == 'B')
            return radix_number(t, isbin, "binary", 1);
        return zero_number(t);
    }
    if (c0 == '.') {       /* ".5" */
        t->cur++;
        if (digits_tail(t, isdec, "decimal") < 0)
            return -1;
        return float_tail(t, 1);
    }
    if (digits_tail(t, isdec, "decimal") < 0)
        return -1;
    return float_tail(t, 0);
}

/* ---- strings ------------------------------------------------------------- */

/* Is [s, e) a valid string prefix (r, b, u, f and their legal pairs)? */
static int string_prefix(const char *s, const char *e)
{
    int r = 0, b = 0, u = 0, f = 0;
    for (; s < e; s++) {
        switch (*s) {
        case 'r': case 'R': r++; break;
        case 'b': case 'B': b++; break;
        case 'u': case 'U': u++; break;
        case 'f': case 'F': f++; break;
        default: return 0;
        }
    }
    if (r > 1 || b > 1 || u > 1 || f > 1)
        return 0;
    if (u && (r || b || f))
        return 0;
    if (b && f)
        return 0;
    return 1;
}

static int unterminated(RpTokenizer *t, const char *start, int start_line,
                        const char *start_ls, int triple)
{
    char msg[96];
    snprintf(msg, sizeof msg, triple ? "unterminated triple-quoted string literal (detected at line %d)"
                                     : "unterminated string literal (detected at line %d)",
             t->lineno);
    int col = (int)(start - start_ls) + 1;
    return tok_error_cols(t, RpExc_SyntaxError, start_line, col, col, msg);
}

/* The body of a string starting at cur (the opening quote). */
static int lex_string_body(RpTokenizer *t, const char *tokstart)
{
    int q = peekc(t, 0);
    int triple = peekc(t, 1) == q && peekc(t, 2) == q;
    int start_line = t->lineno;
    const char *start_ls = t->line_start;
    t->cur += triple ? 3 : 1;
    for (;;) {
        int c = peekc(t, 0);
        if (c < 0) {
            if (t->cur > t->buf && t->cur[-1] == '\n')
                t->lineno--;    /* no line after the final newline */
            return unterminated(t, tokstart, start_line, start_ls, triple);
        }
        t->cur++;
        if (c == q) {
            if (!triple)
                return 0;
            if (peekc(t, 0) == q && peekc(t, 1) == q) {
                t->cur += 2;
                return 0;
            }
        } else if (c == '\\') {
            int d = peekc(t, 0);
            if (d < 0)
                continue;
            t->cur++;
            if (d == '\n')
                newline_at(t, t->cur);
        } else if (c == '\n') {
            if (!triple) {
                t->cur--;
                return unterminated(t, tokstart, start_line, start_ls, 0);
            }
            newline_at(t, t->cur);
        }
    }
}

/* ---- operators ----------------------------------------------------------- */

static int op3(int a, int b, int c)
{
    if (a == '*' && b == '*' && c == '=') return TOK_DOUBLESTAREQUAL;
    if (a == '/' && b == '/' && c == '=') return TOK_DOUBLESLASHEQUAL;
    if (a == '<' && b == '<' && c == '=') return TOK_LEFTSHIFTEQUAL;
    if (a == '>' && b == '>' && c == '=') return TOK_RIGHTSHIFTEQUAL;
    if (a == '.' && b == '.' && c == '.') return TOK_ELLIPSIS;
    return -1;
}

static int op2(int a, int b)
{
    switch (a) {
    case '=': return b == '=' ? TOK_EQEQUAL : -1;
    case '!': return b == '=' ? TOK_NOTEQUAL : -1;
    case '<': return b == '=' ? TOK_LESSEQUAL : b == '<' ? TOK_LEFTSHIFT : b == '>' ? TOK_NOTEQUAL : -1;
    case '>': return b == '=' ? TOK_GREATEREQUAL : b == '>' ? TOK_RIGHTSHIFT : -1;
    case '*': return b == '*' ? TOK_DOUBLESTAR : b == '=' ? TOK_STAREQUAL : -1;
    case '/': return b == '/' ? TOK_DOUBLESLASH : b == '=' ? TOK_SLASHEQUAL : -1;
    case '-': return b == '=' ? TOK_MINEQUAL : b == '>' ? TOK_RARROW : -1;
    case '+': return b == '=' ? TOK_PLUSEQUAL : -1;
    case '%': return b == '=' ? TOK_PERCENTEQUAL : -1;
    case '&': return b == '=' ? TOK_AMPEREQUAL : -1;
    case '|': return b == '=' ? TOK_VBAREQUAL : -1;
    case '^': return b == '=' ? TOK_CIRCUMFLEXEQUAL : -1;
    case '@': return b == '=' ? TOK_ATEQUAL : -1;
    case ':': return b == '=' ? TOK_COLONEQUAL : -1;
    }
    return -1;
}

static int op1(int a)
{
    switch (a) {
    case '(': return TOK_LPAR;   case ')': return TOK_RPAR;
    case '[': return TOK_LSQB;   case ']': return TOK_RSQB;
    case '{': return TOK_LBRACE; case '}': return TOK_RBRACE;
    case ':': return TOK_COLON;  case ',': return TOK_COMMA;
    case ';': return TOK_SEMI;   case '+': return TOK_PLUS;
    case '-': return TOK_MINUS;  case '*': return TOK_STAR;
    case '/': return TOK_SLASH;  case '|': return TOK_VBAR;
    case '&': return TOK_AMPER;  case '<': return TOK_LESS;
    case '>': return TOK_GREATER; case '=': return TOK_EQUAL;
    case '.': return TOK_DOT;    case '%': return TOK_PERCENT;
    case '~': return TOK_TILDE;  case '^': return TOK_CIRCUMFLEX;
    case '@': return TOK_AT;     case '!': return TOK_BANG;
    }
    return -1;
}

/* Bracket bookkeeping: nesting limit, matching, unmatched closers. */
static int open_bracket(RpTokenizer *t, int c)
{
    if (t->level >= RP_TOK_MAXLEVEL)
        return tok_error(t, "too many nested parentheses");
    t->parenstack[t->level] = (char)c;
    t->parenline[t->level] = t->lineno;
    t->parencol[t->level] = (int)(t->cur - 1 - t->line_start);
    t->level++;
    return 0;
}

static int close_bracket(RpTokenizer *t, int c)
{
    char msg[100];
    if (t->level <= t->base_level) {
        snprintf(msg, sizeof msg, "unmatched '%c'", c);
        return tok_error(t, msg);
    }
    int o = t->parenstack[t->level - 1];
    int want = o == '(' ? ')' : o == '[' ? ']' : '}';
    if (c != want) {
        if (t->parenline[t->level - 1] != t->lineno)
            snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                     c, o, t->parenline[t->level - 1]);
        else
            snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, o);
        return tok_error(t, msg);
    }
    t->level--;
    return 0;
}

static int lex_operator(RpTokenizer *t, RpToken *tk, const char *start)
{
    int a = peekc(t, 0), b = peekc(t, 1), c = peekc(t, 2);
    int type = op3(a, b, c);
    int n = 3;
    if (type < 0) {
        type = op2(a, b);
        n = 2;
    }
    if (type < 0) {
        type = op1(a);
        n = 1;
    }
    if (type < 0) {
        t->cur++;
        set_pos(t, tk, start, TOK_BADCHAR);
        return TOK_BADCHAR;
    }
    t->cur += n;
    if (type == TOK_LPAR || type == TOK_LSQB || type == TOK_LBRACE) {
        if (open_bracket(t, a) < 0)
            return TOK_ERROR;
    } else if (type == TOK_RPAR || type == TOK_RSQB || type == TOK_RBRACE) {
        if (close_bracket(t, a) < 0)
            return TOK_ERROR;
    }
    set_pos(t, tk, start, type);
    return type;
}

/* ---- the main loop ------------------------------------------------------- */

static int classify_name(const char *s, const char *e)
{
    size_t n = (size_t)(e - s);
    for (int k = 1; k < KW_COUNT_; k++)
        if (strlen(kwnames[k]) == n && memcmp(kwnames[k], s, n) == 0)
            return k;
    return KW_NONE_;
}

/* A name with non-ASCII characters must be an identifier (XID_Start or '_',
 * then XID_Continue); the error points at the first character that is
 * not. */
static int verify_identifier(RpTokenizer *t, const char *start)
{
    Rp_ssize_t i = 0, n = t->cur - start;
    while (i < n) {
        Rp_ssize_t at = i;
        int c = _RpUTF8_Next(start, &i);
        if (c == '_' || RpUnicodeDB_Has(c, at == 0 ? RpUnicodeDB_XID_START
                                                 : RpUnicodeDB_XID_CONTINUE))
            continue;
        char msg[64];
        if (RpUnicodeDB_Has(c, RpUnicodeDB_PRINTABLE)) {
            char ch[5] = {0};
            _RpUTF8_Write(ch, c);
            snprintf(msg, sizeof msg, "invalid character '%s' (U+%04X)", ch, (unsigned)c);
        } else {
            snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", (unsigned)c);
        }
        t->cur = start + at + 1;   /* 1-based column of its first byte */
        return tok_error(t, msg);
    }
    return 0;
}

static int lex_name_or_string(RpTokenizer *t, RpToken *tk, const char *start)
{
    int ascii = 1;
    for (int c; (c = peekc(t, 0)) >= 0 && is_id_char(c); t->cur++)
        ascii &= c < 128;
    int c = peekc(t, 0);
    if ((c == '\'' || c == '"') && t->cur - start <= 2 && string_prefix(start, t->cur)) {
        if (lex_string_body(t, start) < 0)
            return TOK_ERROR;
        set_pos(t, tk, start, TOK_STRING);
        return TOK_STRING;
    }
    if (!ascii && verify_identifier(t, start) < 0)
        return TOK_ERROR;
    set_pos(t, tk, start, TOK_NAME);
    tk->kw = classify_name(start, t->cur);
    return TOK_NAME;
}

static int emit_eof(RpTokenizer *t, RpToken *tk)
{
    if (t->level > t->base_level) {
        int l = t->level - 1;
        char msg[40];
        snprintf(msg, sizeof msg, "'%c' was never closed", t->parenstack[l]);
        t->eof_in_parens = 1;
        tok_error_cols(t, RpExc_SyntaxError, t->parenline[l], t->parencol[l] + 1, 0, msg);
        return TOK_ERROR;
    }
    tk->start = tk->end = t->cur;
    tk->lineno = tk->end_lineno = t->lineno;
    tk->col = tk->end_col = (int)(t->cur - t->line_start);
    tk->level = t->level;
    tk->kw = KW_NONE_;
    if (t->saw_token && t->base_level == 0) {
        /* the implicit NEWLINE ending the last line */
        t->saw_token = 0;
        tk->type = TOK_NEWLINE;
        return TOK_NEWLINE;
    }
    if (t->indent > 0) {
        t->indent--;
        tk->type = TOK_DEDENT;
        return TOK_DEDENT;
    }
    t->done = 1;
    tk->type = TOK_ENDMARKER;
    return TOK_ENDMARKER;
}

/* Skip spaces, comments and backslash continuations inside a line. */
static int skip_space(RpTokenizer *t)
{
    for (;;) {
        int c = peekc(t, 0);
        if (c == ' ' || c == '\t' || c == '\f') {
            t->cur++;
        } else if (c == '#') {
            while (peekc(t, 0) >= 0 && peekc(t, 0) != '\n')
                t->cur++;
        } else if (c == '\\') {
            int col = (int)(t->cur - t->line_start) + 2;
            int d = peekc(t, 1);
            if (d == '\n') {
                t->cur += 2;
                if (peekc(t, 0) < 0)
                    return tok_error_cols(t, RpExc_SyntaxError, t->lineno, col, -1,
                                          "unexpected EOF while parsing");
                newline_at(t, t->cur);
                continue;
            }
            if (d < 0) {
                t->cur++;
                return tok_error_cols(t, RpExc_SyntaxError, t->lineno, col, -1,
                                      "unexpected EOF while parsing");
            }
            t->cur += 2;
            return tok_error_cols(t, RpExc_SyntaxError, t->lineno, col, 0,
                                  "unexpected character after line continuation character");
        } else {
            return 0;
        }
    }
}

/* A pending INDENT or DEDENT, positioned at the line's first token. */
static int emit_pending(RpTokenizer *t, RpToken *tk)
{
    int type = t->pendin > 0 ? TOK_INDENT : TOK_DEDENT;
    t->pendin += t->pendin > 0 ? -1 : 1;
    tk->type = type;
    tk->kw = KW_NONE_;
    tk->start = tk->end = t->cur;
    tk->lineno = tk->end_lineno = t->lineno;
    tk->col = 0;
    tk->end_col = (int)(t->cur - t->line_start);
    tk->level = t->level;
    return type;
}

int RpTokenizer_Get(RpTokenizer *t, RpToken *tk)
{
    if (t->atbol) {
        t->atbol = 0;
        if (begin_line(t) == TOK_ERROR)
            return tk->type = TOK_ERROR;
    }
    if (t->pendin != 0)
        return emit_pending(t, tk);
    if (skip_space(t) < 0)
        return tk->type = TOK_ERROR;
    const char *start = t->cur;
    tk->lineno = t->lineno;
    tk->col = (int)(start - t->line_start);
    tk->level = t->level;
    int c = peekc(t, 0);
    if (c < 0) {
        int r = emit_eof(t, tk);
        if (r == TOK_ERROR)
            tk->type = TOK_ERROR;
        return r;
    }
    if (c == '\n') {
        t->cur++;
        if (t->level > 0) {
            newline_at(t, t->cur);
            return RpTokenizer_Get(t, tk);
        }
        /* NEWLINE tokens are zero-width, at the end of the line */
        set_pos(t, tk, start, TOK_NEWLINE);
        tk->end = start;
        tk->end_col = tk->col;
        newline_at(t, t->cur);
        t->atbol = 1;
        t->saw_token = 0;
        return TOK_NEWLINE;
    }
    t->saw_token = 1;
    int type;
    if (is_id_start(c)) {
        type = lex_name_or_string(t, tk, start);
    } else if (isdec(c) || (c == '.' && isdec(peekc(t, 1)))) {
        type = lex_number(t) < 0 ? TOK_ERROR : TOK_NUMBER;
        if (type == TOK_NUMBER)
            set_pos(t, tk, start, TOK_NUMBER);
    } else if (c == '\'' || c == '"') {
        type = lex_string_body(t, start) < 0 ? TOK_ERROR : TOK_STRING;
        if (type == TOK_STRING)
            set_pos(t, tk, start, TOK_STRING);
    } else {
        type = lex_operator(t, tk, start);
    }
    if (type == TOK_ERROR)
        tk->type = TOK_ERROR;
    return type;
}
