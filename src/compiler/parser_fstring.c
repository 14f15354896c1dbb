/* parser_fstring.c -- string and bytes literals: prefixes, escape
 * sequences, implicit concatenation, and f-strings.
 *
 * An f-string is split here into literal text and replacement fields, as
 * Python 3.11 does: the text of each field's expression is a slice of the
 * original source, parsed by a sub-parser whose tokenizer reads that
 * slice in place (so positions and error lines are real).  Format specs
 * are f-strings themselves, nested at most two deep.
 */
#include "rp.h"
#include "objects/unicodedb.h"
#include "tokenizer.h"

typedef struct {
    int raw, bytes, fstr, u;
    const char *body, *body_end;
} strinfo;

static void string_info(RpToken *t, strinfo *si)
{
    memset(si, 0, sizeof *si);
    const char *s = t->start;
    for (; *s != '\'' && *s != '"'; s++) {
        switch (*s) {
        case 'r': case 'R': si->raw = 1; break;
        case 'b': case 'B': si->bytes = 1; break;
        case 'f': case 'F': si->fstr = 1; break;
        case 'u': case 'U': si->u = 1; break;
        }
    }
    int q = (t->end - s >= 6 && s[1] == s[0] && s[2] == s[0]) ? 3 : 1;
    si->body = s + q;
    si->body_end = t->end - q;
}

/* ---- escape sequences ---------------------------------------------------- */

/* \N{...} names come from the Unicode database; these few aliases (which
 * it does not hold) are kept for control characters and the like. */
static const struct { const char *name; int cp; } char_names[] = {
    { "SPACE", 0x20 }, { "NO-BREAK SPACE", 0xA0 }, { "BULLET", 0x2022 },
    { "EM DASH", 0x2014 }, { "EN DASH", 0x2013 }, { "HORIZONTAL ELLIPSIS", 0x2026 },
    { "DEGREE SIGN", 0xB0 }, { "COPYRIGHT SIGN", 0xA9 }, { "REGISTERED SIGN", 0xAE },
    { "EURO SIGN", 0x20AC }, { "POUND SIGN", 0xA3 }, { "YEN SIGN", 0xA5 },
    { "SNOWMAN", 0x2603 }, { "BLACK STAR", 0x2605 }, { "CHECK MARK", 0x2713 },
    { "GREEK SMALL LETTER ALPHA", 0x3B1 }, { "GREEK SMALL LETTER BETA", 0x3B2 },
    { "GREEK SMALL LETTER PI", 0x3C0 }, { "GREEK CAPITAL LETTER OMEGA", 0x3A9 },
    { "LATIN SMALL LETTER E WITH ACUTE", 0xE9 }, { "RIGHTWARDS ARROW", 0x2192 },
    { "LEFTWARDS ARROW", 0x2190 }, { "INFINITY", 0x221E }, { "MULTIPLICATION SIGN", 0xD7 },
    { "NULL", 0 }, { "LINE FEED", 10 }, { "CHARACTER TABULATION", 9 },
    { "ZERO WIDTH SPACE", 0x200B }, { "GRINNING FACE", 0x1F600 }, { "SNAKE", 0x1F40D },
    { NULL, 0 }
};

static int lookup_name(const char *s, size_t n)
{
    int cp = RpUnicodeDB_Lookup(s, n);
    if (cp >= 0)
        return cp;
    for (int i = 0; char_names[i].name; i++) {
        const char *nm = char_names[i].name;
        if (strlen(nm) != n)
            continue;
        size_t k = 0;
        while (k < n && (s[k] == nm[k] || (s[k] >= 'a' && s[k] <= 'z' && s[k] - 32 == nm[k])))
            k++;
        if (k == n)
            return char_names[i].cp;
    }
    return -1;
}

typedef struct {
    RpParser *p;
    RpToken *t;
    const char *body;   /* start of the literal body, for error positions */
    int is_bytes;
    RpStrBuf sb;        /* output (raw bytes for bytes literals) */
} decoder;

static int escape_error(decoder *d, const char *start, const char *end, const char *what)
{
    RpToken *t = d->t;
    int a = (int)(start - d->body), b = (int)(end - d->body) - 1;
    if (d->is_bytes) {
        _RpParser_ErrorAt(d->p, RpExc_SyntaxError, t->end_lineno, t->end_col, t->end_lineno,
                          t->end_col, "(value error) invalid \\x escape at position %d", a);
    } else if (a == b) {
        _RpParser_ErrorAt(d->p, RpExc_SyntaxError, t->end_lineno, t->end_col, t->end_lineno, t->end_col,
                          "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position %d: %s",
                          a, what);
    } else {
        _RpParser_ErrorAt(d->p, RpExc_SyntaxError, t->end_lineno, t->end_col, t->end_lineno, t->end_col,
                          "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s",
                          a, b, what);
    }
    return -1;
}

static int hexval(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static int put_cp(decoder *d, long cp)
{
    if (d->is_bytes)
        return RpStrBuf_AppendChar(&d->sb, (char)(cp & 0xFF));
    return RpStrBuf_AppendCodePoint(&d->sb, (int)cp);
}

/* \x, \u, \U: exactly n hex digits */
static int hex_escape(decoder *d, const char *bs, const char **ps, const char *e, int n)
{
    static const char *const msgs[] = { "truncated \\xXX escape", "truncated \\uXXXX escape",
                                        "truncated \\UXXXXXXXX escape" };
    const char *msg = msgs[n == 2 ? 0 : n == 4 ? 1 : 2];
    const char *s = *ps;
    long v = 0;
    for (int i = 0; i < n; i++) {
        if (s >= e || hexval((unsigned char)*s) < 0)
            return escape_error(d, bs, s, msg);
        v = v * 16 + hexval((unsigned char)*s++);
    }
    *ps = s;
    if (v > 0x10FFFF)
        return escape_error(d, bs, s, "illegal Unicode character");
    return put_cp(d, v);
}

static int named_escape(decoder *d, const char *bs, const char **ps, const char *e)
{
    const char *s = *ps;
    if (s >= e || *s != '{')
        return escape_error(d, bs, s, "malformed \\N character escape");
    const char *close = memchr(s, '}', (size_t)(e - s));
    if (close == NULL || close == s + 1)
        return escape_error(d, bs, close ? close + 1 : e, "malformed \\N character escape");
    int cp = lookup_name(s + 1, (size_t)(close - s - 1));
    if (cp < 0)
        return escape_error(d, bs, close + 1, "unknown Unicode character name");
    *ps = close + 1;
    return put_cp(d, cp);
}

static int one_escape(decoder *d, const char **ps, const char *e)
{
    const char *bs = *ps;
    const char *s = bs + 1;
    int c = s < e ? (unsigned char)*s++ : -1;
    *ps = s;
    switch (c) {
    case '\n': return 0;
    case '\\': case '\'': case '"': return put_cp(d, c);
    case 'a': return put_cp(d, 7);
    case 'b': return put_cp(d, 8);
    case 'f': return put_cp(d, 12);
    case 'n': return put_cp(d, 10);
    case 'r': return put_cp(d, 13);
    case 't': return put_cp(d, 9);
    case 'v': return put_cp(d, 11);
    case 'x': return hex_escape(d, bs, ps, e, 2);
    default: break;
    }
    if (c >= '0' && c <= '7') {
        long v = c - '0';
        for (int i = 0; i < 2 && s < e && *s >= '0' && *s <= '7'; i++)
            v = v * 8 + (*s++ - '0');
        *ps = s;
        return put_cp(d, v);
    }
    if (!d->is_bytes && c == 'u')
        return hex_escape(d, bs, ps, e, 4);
    if (!d->is_bytes && c == 'U')
        return hex_escape(d, bs, ps, e, 8);
    if (!d->is_bytes && c == 'N')
        return named_escape(d, bs, ps, e);
    /* an unknown escape keeps its backslash (CPython warns; we do not) */
    RpStrBuf_AppendChar(&d->sb, '\\');
    if (c >= 0)
        *ps = bs + 1;
    return 0;
}

static int decode_into(decoder *d, const char *s, const char *e, int raw)
{
    while (s < e) {
        if (d->is_bytes && (unsigned char)*s >= 0x80) {
            _RpParser_ErrorTok(d->p, d->t, "bytes can only contain ASCII literal characters");
            return -1;
        }
        if (*s != '\\' || raw) {
            const char *run = s;
            while (s < e && (*s != '\\' || raw) && !(d->is_bytes && (unsigned char)*s >= 0x80))
                s++;
            if (RpStrBuf_Append(&d->sb, run, s - run) < 0)
                return -1;
            continue;
        }
        if (one_escape(d, &s, e) < 0)
            return -1;
    }
    if (d->sb.error) {
        RpErr_NoMemory();
        return -1;
    }
    return 0;
}

RpObject *_RpParser_DecodeString(RpParser *p, RpToken *t, const char *s, const char *e,
                                 int raw, int is_bytes)
{
    decoder d = { p, t, s, is_bytes, { 0 } };
    RpStrBuf_Init(&d.sb);
    if (decode_into(&d, s, e, raw) < 0) {
        RpStrBuf_Discard(&d.sb);
        return NULL;
    }
    if (!is_bytes)
        return RpStrBuf_Finish(&d.sb);
    RpObject *b = RpBytes_FromStringAndSize(d.sb.buf ? d.sb.buf : "", d.sb.len);
    RpStrBuf_Discard(&d.sb);
    return b;
}

/* ---- f-strings ----------------------------------------------------------- */

typedef struct {
    RpPtrVec values;     /* expr_ty: Constant and FormattedValue */
    RpStrBuf lit;        /* literal text not yet flushed */
    RpToken *first, *last;
} fbuilder;

static expr_ty str_constant(RpParser *p, fbuilder *b, RpObject *s)
{
    if (_RpParser_Own(p, s) < 0)
        return NULL;
    expr_ty e = RpAST_NewExpr(Constant_kind, b->first->lineno, b->first->col,
                              b->last->end_lineno, b->last->end_col, p->arena);
    if (e)
        e->v.Constant.value = s;
    return e;
}

static int flush_literal(RpParser *p, fbuilder *b)
{
    if (b->lit.len == 0)
        return 0;
    RpObject *s = RpStrBuf_Finish(&b->lit);
    RpStrBuf_Init(&b->lit);
    expr_ty e = str_constant(p, b, s);
    return e == NULL ? -1 : _RpPtrVec_Push(&b->values, e);
}

static int append_decoded(RpParser *p, fbuilder *b, RpToken *t, const char *s, const char *e, int raw)
{
    RpObject *u = _RpParser_DecodeString(p, t, s, e, raw, 0);
    if (u == NULL)
        return -1;
    int r = RpStrBuf_AppendObject(&b->lit, u);
    Rp_DECREF(u);
    return r;
}

/* Parse [s, e) -- an f-string replacement field's expression text. */
static expr_ty field_expr(RpParser *p, RpToken *t, const char *s, const char *e)
{
    int lineno = t->lineno;
    const char *ls = t->start - t->col;
    for (const char *c = t->start; c < s; c++)
        if (*c == '\n') {
            lineno++;
            ls = c + 1;
        }
    RpTokenizer sub;
    RpTokenizer_InitSub(&sub, p->tok, s, e, lineno, ls);
    RpParser q;
    memset(&q, 0, sizeof q);
    q.tok = &sub;
    q.arena = p->arena;
    q.filename = p->filename;
    q.in_fstring = 1;
    q.depth = p->depth;
    q.fs_start = s;
    q.fs_end = e;
    q.fs_line = lineno;
    q.fs_col = (int)(s - ls);
    RpParser *qp = &q;
    expr_ty r = _RpParser_Peek(qp)->type == TOK_NAME && _RpParser_Peek(qp)->kw == KW_yield
              ? _RpParser_YieldExpr(qp) : _RpParser_StarExpressions(qp);
    if (r != NULL && _RpParser_Peek(qp)->type != TOK_ENDMARKER)
        r = _RpParser_InvalidSyntax(qp);
    if (r == NULL && !RpErr_Occurred())
        _RpParser_InvalidSyntax(qp);
    _RpParser_FreeTokens(qp);
    RpTokenizer_Fini(&sub);
    return r;
}

static void *fs_error(RpParser *p, RpToken *t, const char *msg)
{
    /* a sub-parser adds the prefix itself */
    return _RpParser_ErrorAt(p, RpExc_SyntaxError, t->end_lineno, t->end_col, t->end_lineno,
                             t->end_col, "%s%s", p->in_fstring ? "" : "f-string: ", msg);
}

/* Find the end of a field's expression: the first top-level '!', ':',
 * '}' or '=' (not part of an operator), outside brackets and strings. */
static const char *scan_expr(RpParser *p, RpToken *t, const char *s, const char *e)
{
    char stack[200];
    int depth = 0;
    int quote = 0, triple = 0;
    for (; s < e; s++) {
        int c = (unsigned char)*s;
        if (c == '\\')
            return fs_error(p, t, "expression part cannot include a backslash"), NULL;
        if (quote) {
            if (c == quote && (!triple || (s + 2 < e && s[1] == c && s[2] == c))) {
                s += triple ? 2 : 0;
                quote = 0;
            }
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            triple = s + 2 < e && s[1] == c && s[2] == c;
            s += triple ? 2 : 0;
        } else if (c == '(' || c == '[' || c == '{') {
            if (depth >= (int)sizeof stack)
                return fs_error(p, t, "too many nested parenthesis"), NULL;
            stack[depth++] = (char)c;
        } else if (c == ')' || c == ']' || (c == '}' && depth > 0)) {
            if (depth == 0) {
                char msg[40];
                snprintf(msg, sizeof msg, "unmatched '%c'", c);
                return fs_error(p, t, msg), NULL;
            }
            int o = stack[--depth];
            if ((o == '(' && c != ')') || (o == '[' && c != ']') || (o == '{' && c != '}')) {
                char msg[96];
                snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, o);
                return fs_error(p, t, msg), NULL;
            }
        } else if (c == '#') {
            return fs_error(p, t, "expression part cannot include '#'"), NULL;
        } else if (depth == 0) {
            if (c == '!' && s + 1 < e && s[1] == '=') {
                s++;
            } else if (c == '=' && s + 1 < e && s[1] == '=') {
                s++;
            } else if (c == '=' && (s[-1] == '<' || s[-1] == '>' || s[-1] == '!' || s[-1] == '=')) {
                continue;
            } else if (c == '!' || c == ':' || c == '}' || c == '=') {
                return s;
            }
        }
    }
    return fs_error(p, t, "expecting '}'"), NULL;
}

static int fstring_body(RpParser *p, fbuilder *b, RpToken *t, const char **ps,
                        const char *e, int raw, int in_spec);

/* The format spec after ':' becomes a JoinedStr of its own. */
static expr_ty format_spec(RpParser *p, RpToken *t, const char **ps, const char *e, int raw)
{
    fbuilder sb;
    _RpPtrVec_Init(&sb.values);
    RpStrBuf_Init(&sb.lit);
    sb.first = t;
    sb.last = t;
    p->fstring_nest++;
    int r = fstring_body(p, &sb, t, ps, e, raw, 1);
    p->fstring_nest--;
    if (r < 0 || flush_literal(p, &sb) < 0) {
        _RpPtrVec_Free(&sb.values);
        RpStrBuf_Discard(&sb.lit);
        return NULL;
    }
    expr_ty j = RpAST_NewExpr(JoinedStr_kind, t->lineno, t->col, t->end_lineno, t->end_col, p->arena);
    if (j == NULL) {
        _RpPtrVec_Free(&sb.values);
        return NULL;
    }
    j->v.JoinedStr.values = _RpPtrVec_Finish(&sb.values, p);
    return j->v.JoinedStr.values ? j : NULL;
}

static int only_space(const char *s, const char *e)
{
    for (; s < e; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\f')
            return 0;
    return 1;
}

/* '{' expr ['='] ['!' conv] [':' spec] '}' with *ps just after the '{' */
static int replacement_field(RpParser *p, fbuilder *b, RpToken *t, const char **ps,
                             const char *e, int raw)
{
    if (p->fstring_nest >= 2) {
        fs_error(p, t, "expressions nested too deeply");
        return -1;
    }
    const char *start = *ps;
    const char *end = scan_expr(p, t, start, e);
    if (end == NULL)
        return -1;
    if (only_space(start, end)) {
        fs_error(p, t, "empty expression not allowed");
        return -1;
    }
    expr_ty value = field_expr(p, t, start, end);
    if (value == NULL)
        return -1;
    const char *s = end;
    int conversion = -1, debug = 0;
    if (*s == '=') {
        s++;
        while (s < e && (*s == ' ' || *s == '\t' || *s == '\n'))
            s++;
        debug = 1;
        if (RpStrBuf_Append(&b->lit, start, s - start) < 0)
            return -1;
    }
    if (s < e && *s == '!') {
        s++;
        if (s >= e || (*s != 's' && *s != 'r' && *s != 'a')) {
            fs_error(p, t, "invalid conversion character: expected 's', 'r', or 'a'");
            return -1;
        }
        conversion = *s++;
        if (s >= e || (*s != ':' && *s != '}')) {
            fs_error(p, t, "expecting '}'");
            return -1;
        }
    }
    expr_ty spec = NULL;
    if (s < e && *s == ':') {
        s++;
        if ((spec = format_spec(p, t, &s, e, raw)) == NULL)
            return -1;
    }
    if (s >= e || *s != '}') {
        fs_error(p, t, "expecting '}'");
        return -1;
    }
    *ps = s + 1;
    if (debug && conversion == -1 && spec == NULL)
        conversion = 'r';
    if (flush_literal(p, b) < 0)
        return -1;
    expr_ty fv = RpAST_NewExpr(FormattedValue_kind, b->first->lineno, b->first->col,
                               b->last->end_lineno, b->last->end_col, p->arena);
    if (fv == NULL)
        return -1;
    fv->v.FormattedValue.value = value;
    fv->v.FormattedValue.conversion = conversion;
    fv->v.FormattedValue.format_spec = spec;
    return _RpPtrVec_Push(&b->values, fv);
}

/* Literal text up to the next brace; \N{...} braces belong to the escape. */
static const char *literal_run(const char *s, const char *e, int raw)
{
    while (s < e && *s != '{' && *s != '}') {
        if (!raw && *s == '\\' && s + 1 < e) {
            if (s[1] == 'N' && s + 2 < e && s[2] == '{') {
                const char *close = memchr(s, '}', (size_t)(e - s));
                s = close ? close + 1 : e;
                continue;
            }
            s += 2;
            continue;
        }
        s++;
    }
    return s;
}

static int fstring_body(RpParser *p, fbuilder *b, RpToken *t, const char **ps,
                        const char *e, int raw, int in_spec)
{
    const char *s = *ps;
    while (s < e) {
        if (*s == '{') {
            if (!in_spec && s + 1 < e && s[1] == '{') {
                RpStrBuf_AppendChar(&b->lit, '{');
                s += 2;
                continue;
            }
            s++;
            if (replacement_field(p, b, t, &s, e, raw) < 0)
                return -1;
        } else if (*s == '}') {
            if (in_spec)
                break;
            if (s + 1 < e && s[1] == '}') {
                RpStrBuf_AppendChar(&b->lit, '}');
                s += 2;
                continue;
            }
            fs_error(p, t, "single '}' is not allowed");
            return -1;
        } else {
            const char *run = s;
            s = literal_run(s, e, raw);
            if (append_decoded(p, b, t, run, s, raw) < 0)
                return -1;
        }
    }
    *ps = s;
    return 0;
}

/* ---- adjacent literals --------------------------------------------------- */

static expr_ty joined(RpParser *p, RpToken *first, RpToken *last, int ntoks)
{
    fbuilder b;
    _RpPtrVec_Init(&b.values);
    RpStrBuf_Init(&b.lit);
    b.first = first;
    b.last = last;
    for (int i = 0; i < ntoks; i++) {
        RpToken *t = NEXT();
        strinfo si;
        string_info(t, &si);
        int r;
        if (si.fstr) {
            const char *s = si.body;
            r = fstring_body(p, &b, t, &s, si.body_end, si.raw, 0);
        } else {
            r = append_decoded(p, &b, t, si.body, si.body_end, si.raw);
        }
        if (r < 0)
            goto error;
    }
    if (flush_literal(p, &b) < 0)
        goto error;
    expr_ty e = _RpParser_NewExpr(p, JoinedStr_kind, first->lineno, first->col);
    if (e == NULL)
        goto error;
    e->v.JoinedStr.values = _RpPtrVec_Finish(&b.values, p);
    return e->v.JoinedStr.values ? e : NULL;
error:
    _RpPtrVec_Free(&b.values);
    RpStrBuf_Discard(&b.lit);
    return NULL;
}

/* Plain str or bytes: decode each piece and concatenate. */
static expr_ty plain(RpParser *p, RpToken *first, int ntoks, int is_bytes, int u)
{
    RpStrBuf acc;
    RpStrBuf_Init(&acc);
    for (int i = 0; i < ntoks; i++) {
        RpToken *t = NEXT();
        strinfo si;
        string_info(t, &si);
        RpObject *piece = _RpParser_DecodeString(p, t, si.body, si.body_end, si.raw, is_bytes);
        if (piece == NULL) {
            RpStrBuf_Discard(&acc);
            return NULL;
        }
        if (is_bytes)
            RpStrBuf_Append(&acc, RpBytes_AS_STRING(piece), RpBytes_GET_SIZE(piece));
        else
            RpStrBuf_AppendObject(&acc, piece);
        Rp_DECREF(piece);
    }
    RpObject *v;
    if (is_bytes) {
        v = RpBytes_FromStringAndSize(acc.buf ? acc.buf : "", acc.len);
        RpStrBuf_Discard(&acc);
    } else {
        v = RpStrBuf_Finish(&acc);
    }
    if (_RpParser_Own(p, v) < 0)
        return NULL;
    expr_ty e = _RpParser_NewExpr(p, Constant_kind, first->lineno, first->col);
    if (e == NULL)
        return NULL;
    e->v.Constant.value = v;
    if (u) {
        RpObject *k = RpUnicode_FromString("u");
        if (_RpParser_Own(p, k) < 0)
            return NULL;
        e->v.Constant.kind = k;
    }
    return e;
}

expr_ty _RpParser_Strings(RpParser *p)
{
    RpToken *first = PEEK();
    int n = 0, nbytes = 0, nf = 0;
    RpToken *last = first;
    while (_RpParser_PeekN(p, n)->type == TOK_STRING) {
        last = _RpParser_PeekN(p, n);
        strinfo si;
        string_info(last, &si);
        nbytes += si.bytes;
        nf += si.fstr;
        n++;
    }
    strinfo fi;
    string_info(first, &fi);
    if (nbytes != 0 && nbytes != n)
        return _RpParser_ErrorAt(p, RpExc_SyntaxError, last->end_lineno, last->end_col,
                                 last->end_lineno, last->end_col,
                                 "cannot mix bytes and nonbytes literals");
    if (nf > 0)
        return joined(p, first, last, n);
    return plain(p, first, n, nbytes > 0, fi.u);
}
