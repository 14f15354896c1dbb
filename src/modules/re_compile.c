/* re_compile.c -- the pattern parser and code generator of the `_re` engine.
 *
 * The pattern (str or bytes) is decoded to code points, parsed by recursive
 * descent into a node tree (nesting is capped, so the C stack stays
 * bounded), and the tree is emitted as a program for re_match.c's
 * backtracking machine.  Error messages and positions follow CPython's
 * sre_parse so that re.error reads the same.
 */
#include "re_int.h"
#include <stdarg.h>
#include <stdio.h>

#define MAX_NEST 200

enum { N_EMPTY, N_CHAR, N_ANY, N_CLASS, N_CAT, N_ALT, N_GROUP, N_REPEAT,
       N_AT, N_BACKREF, N_LOOK, N_ATOMIC, N_COND };

typedef struct Node {
    int type;
    int a, b, c;      /* CHAR: cp; CLASS: offset; GROUP/BACKREF/COND: group;
                         REPEAT: min max mode; AT: kind; LOOK: neg behind */
    int child, child2, next, last; /* children (list), COND's no-branch, sibling */
    int flags;
} Node;

typedef struct P {
    int32_t *pat;
    Rp_ssize_t n, i;
    int is_bytes;
    Node *nodes;
    int nn, ncap;
    int32_t *cls;
    int ncls, clscap;
    int ngroups;
    unsigned char *closed;
    int closedcap;
    RpObject *groupindex;
    int gflags;
    int depth;
    int err;                 /* 1: bad pattern (msg/pos); 2: exception set */
    char msg[256];
    Rp_ssize_t errpos;
    /* code generation */
    int32_t *code;
    int ncode, codecap;
    int nregs, nloops, memo_ok;
    int condref[16], ncondref;
    Rp_ssize_t condpos[16];
} P;

/* ---- errors ----------------------------------------------------------------- */

static int perr(P *p, Rp_ssize_t pos, const char *fmt, ...)
{
    if (p->err)
        return -1;
    va_list va;
    va_start(va, fmt);
    vsnprintf(p->msg, sizeof p->msg, fmt, va);
    va_end(va);
    p->errpos = pos;
    p->err = 1;
    return -1;
}

/* The pattern text [a, b) as UTF-8 (for messages quoting the source). */
static const char *src_text(P *p, Rp_ssize_t a, Rp_ssize_t b, char *buf, size_t cap)
{
    size_t k = 0;
    for (Rp_ssize_t j = a; j < b && j < p->n && k + 5 < cap; j++) {
        int c = p->pat[j];
        if (p->is_bytes && c >= 128) {
            buf[k++] = '?';
            continue;
        }
        k += _RpUTF8_Write(buf + k, c);
    }
    buf[k] = 0;
    return buf;
}

/* ---- node and class storage ---------------------------------------------------- */

static int new_node(P *p, int type, int flags)
{
    if (p->nn == p->ncap) {
        int nc = p->ncap ? p->ncap * 2 : 64;
        Node *nn = RpMem_Realloc(p->nodes, sizeof(Node) * nc);
        if (nn == NULL) {
            RpErr_NoMemory();
            p->err = 2;
            return -1;
        }
        p->nodes = nn;
        p->ncap = nc;
    }
    Node *n = &p->nodes[p->nn];
    memset(n, 0, sizeof *n);
    n->type = type;
    n->flags = flags;
    n->child = n->child2 = n->next = n->last = -1;
    return p->nn++;
}

static void add_child(P *p, int parent, int child)
{
    Node *n = &p->nodes[parent];
    if (n->child < 0)
        n->child = child;
    else
        p->nodes[n->last].next = child;
    p->nodes[parent].last = child;
}

static int cls_reserve(P *p, int words)
{
    if (p->ncls + words > p->clscap) {
        int nc = (p->ncls + words) * 2 + 64;
        int32_t *c = RpMem_Realloc(p->cls, sizeof(int32_t) * nc);
        if (c == NULL) {
            RpErr_NoMemory();
            p->err = 2;
            return -1;
        }
        p->cls = c;
        p->clscap = nc;
    }
    return 0;
}

static int closed_mark(P *p, int g, int v)
{
    if (g >= p->closedcap) {
        int nc = g * 2 + 16;
        unsigned char *c = RpMem_Realloc(p->closed, nc);
        if (c == NULL) {
            RpErr_NoMemory();
            p->err = 2;
            return -1;
        }
        memset(c + p->closedcap, 0, nc - p->closedcap);
        p->closed = c;
        p->closedcap = nc;
    }
    p->closed[g] = (unsigned char)v;
    return 0;
}

/* ---- character predicates ------------------------------------------------------ */

int _RpRe_IsWord(int c, int ascii)
{
    if (c < 128)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (c >= '0' && c <= '9') || c == '_';
    if (ascii)
        return 0;
    return _RpUnicode_IsAlpha(c) || _RpUnicode_IsDecimal(c) >= 0 ||
           _RpUnicode_IsDigit(c) || _RpUnicode_IsNumeric(c);
}

int _RpRe_IsDigit(int c, int ascii)
{
    if (c < 128)
        return c >= '0' && c <= '9';
    return !ascii && _RpUnicode_IsDecimal(c) >= 0;
}

int _RpRe_IsSpace(int c, int ascii)
{
    if (c < 128)
        return c == ' ' || (c >= 9 && c <= 13) || (!ascii && c >= 28 && c <= 31);
    return !ascii && _RpUnicode_IsSpace(c);
}

int _RpRe_Lower(int c, int ascii)
{
    if (c < 128)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return ascii ? c : _RpUnicode_ToLower(c);
}

int _RpRe_Upper(int c, int ascii)
{
    if (c < 128)
        return (c >= 'a' && c <= 'z') ? c - 32 : c;
    return ascii ? c : _RpUnicode_ToUpper(c);
}

/* Does c belong to the class before negation (no case folding)? */
static int class_raw(const int32_t *cls, int c)
{
    int nr = cls[CLS_NR], cats = cls[CLS_CATS], ascii = cls[CLS_ASCII];
    for (int k = 0; k < nr; k++)
        if (c >= cls[CLS_RANGES + 2 * k] && c <= cls[CLS_RANGES + 2 * k + 1])
            return 1;
    if (cats) {
        if ((cats & CAT_DIGIT) && _RpRe_IsDigit(c, ascii)) return 1;
        if ((cats & CAT_NDIGIT) && !_RpRe_IsDigit(c, ascii)) return 1;
        if ((cats & CAT_WORD) && _RpRe_IsWord(c, ascii)) return 1;
        if ((cats & CAT_NWORD) && !_RpRe_IsWord(c, ascii)) return 1;
        if ((cats & CAT_SPACE) && _RpRe_IsSpace(c, ascii)) return 1;
        if ((cats & CAT_NSPACE) && !_RpRe_IsSpace(c, ascii)) return 1;
    }
    return 0;
}

static int class_slow(const int32_t *cls, int c)
{
    int r = class_raw(cls, c);
    if (!r && cls[CLS_IC]) {
        int ascii = cls[CLS_ASCII];
        int lo = _RpRe_Lower(c, ascii), up = _RpRe_Upper(c, ascii);
        r = (lo != c && class_raw(cls, lo)) || (up != c && class_raw(cls, up));
    }
    return r ^ cls[CLS_NEG];
}

int _RpRe_ClassMatch(const int32_t *cls, int c)
{
    if (c < 256)
        return (((const uint32_t *)cls)[c >> 5] >> (c & 31)) & 1;
    return class_slow(cls, c);
}

/* ---- lexing helpers ------------------------------------------------------------ */

static int peek(P *p) { return p->i < p->n ? p->pat[p->i] : -1; }
static int peek_at(P *p, Rp_ssize_t k) { return p->i + k < p->n ? p->pat[p->i + k] : -1; }

static int is_hex(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static int hexval(int c)
{
    return c <= '9' ? c - '0' : (c | 32) - 'a' + 10;
}
static int is_ascii_letter(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_oct(int c) { return c >= '0' && c <= '7'; }

static void skip_verbose(P *p, int flags)
{
    if (!(flags & RE_F_VERBOSE))
        return;
    for (;;) {
        int c = peek(p);
        if (c == ' ' || (c >= 9 && c <= 13))
            p->i++;
        else if (c == '#') {
            while (p->i < p->n && p->pat[p->i] != '\n')
                p->i++;
        } else
            return;
    }
}

/* \x \u \U escapes: p->i is just past the letter.  Returns the code point
 * or -1 (error set).  `start` is the backslash position. */
static int hex_escape(P *p, Rp_ssize_t start, int letter)
{
    int ndig = letter == 'x' ? 2 : letter == 'u' ? 4 : 8;
    long v = 0;
    int k = 0;
    while (k < ndig && is_hex(peek(p))) {
        v = v * 16 + hexval(peek(p));
        p->i++;
        k++;
    }
    char buf[64];
    if (k < ndig)
        return perr(p, start, "incomplete escape %s", src_text(p, start, p->i, buf, sizeof buf));
    if (v > 0x10FFFF)
        return perr(p, start, "bad escape %s", src_text(p, start, p->i, buf, sizeof buf));
    return (int)v;
}

/* Octal escape starting at p->i (digits); max 3 digits total. */
static int octal_escape(P *p, Rp_ssize_t start, int first_done_val, int ndone)
{
    int v = first_done_val, k = ndone;
    while (k < 3 && is_oct(peek(p))) {
        v = v * 8 + (peek(p) - '0');
        p->i++;
        k++;
    }
    if (v > 0377) {
        char buf[64];
        return perr(p, start, "octal escape value %s outside of range 0-0o377",
                    src_text(p, start, p->i, buf, sizeof buf));
    }
    return v;
}

/* ---- character classes ----------------------------------------------------------- */

typedef struct ClassBuf {
    int32_t *ranges;
    int nr, cap;
    int cats;
} ClassBuf;

static int cb_add(P *p, ClassBuf *cb, int lo, int hi)
{
    if (cb->nr == cb->cap) {
        int nc = cb->cap ? cb->cap * 2 : 16;
        int32_t *r = RpMem_Realloc(cb->ranges, sizeof(int32_t) * 2 * nc);
        if (r == NULL) {
            RpErr_NoMemory();
            p->err = 2;
            return -1;
        }
        cb->ranges = r;
        cb->cap = nc;
    }
    cb->ranges[2 * cb->nr] = lo;
    cb->ranges[2 * cb->nr + 1] = hi;
    cb->nr++;
    return 0;
}

static int cat_for(int c)
{
    switch (c) {
    case 'd': return CAT_DIGIT;
    case 'D': return CAT_NDIGIT;
    case 'w': return CAT_WORD;
    case 'W': return CAT_NWORD;
    case 's': return CAT_SPACE;
    case 'S': return CAT_NSPACE;
    }
    return 0;
}

/* Store a finished class in the pool; returns its offset or -1. */
static int class_store(P *p, ClassBuf *cb, int neg, int flags)
{
    int words = CLS_RANGES + 2 * cb->nr;
    if (cls_reserve(p, words) < 0)
        return -1;
    int off = p->ncls;
    int32_t *c = p->cls + off;
    memset(c, 0, sizeof(int32_t) * words);
    c[CLS_NEG] = neg;
    c[CLS_IC] = (flags & RE_F_IGNORECASE) != 0;
    c[CLS_CATS] = cb->cats;
    c[CLS_ASCII] = p->is_bytes || (flags & RE_F_ASCII);
    c[CLS_NR] = cb->nr;
    if (cb->nr)
        memcpy(c + CLS_RANGES, cb->ranges, sizeof(int32_t) * 2 * cb->nr);
    for (int ch = 0; ch < 256; ch++)
        if (class_slow(c, ch))
            ((uint32_t *)c)[ch >> 5] |= 1u << (ch & 31);
    p->ncls += words;
    return off;
}

/* One class item's character (or category: returns -2 with *cat set). */
static int class_atom(P *p, int *cat)
{
    Rp_ssize_t start = p->i;
    int c = p->pat[p->i++];
    *cat = 0;
    if (c != '\\')
        return c;
    if (p->i >= p->n)
        return perr(p, start, "bad escape (end of pattern)");
    c = p->pat[p->i++];
    char buf[64];
    switch (c) {
    case 'a': return 7;
    case 'b': return 8;
    case 'f': return 12;
    case 'n': return 10;
    case 'r': return 13;
    case 't': return 9;
    case 'v': return 11;
    case '\\': return '\\';
    case 'x': return hex_escape(p, start, 'x');
    case 'u': case 'U':
        if (!p->is_bytes)
            return hex_escape(p, start, c);
        break;
    case 'd': case 'D': case 'w': case 'W': case 's': case 'S':
        *cat = cat_for(c);
        return -2;
    }
    if (is_oct(c))
        return octal_escape(p, start, c - '0', 1);
    if (is_digit(c) || is_ascii_letter(c))
        return perr(p, start, "bad escape %s", src_text(p, start, p->i, buf, sizeof buf));
    return c;
}

static int parse_class(P *p, int flags)
{
    Rp_ssize_t start = p->i - 1; /* the '[' */
    ClassBuf cb = {NULL, 0, 0, 0};
    int neg = 0, node = -1;
    if (peek(p) == '^') {
        neg = 1;
        p->i++;
    }
    int first = 1;
    for (;;) {
        if (p->i >= p->n) {
            perr(p, start, "unterminated character set");
            goto done;
        }
        int c = peek(p);
        if (c == ']' && !first) {
            p->i++;
            break;
        }
        first = 0;
        Rp_ssize_t istart = p->i;
        int cat, lo = class_atom(p, &cat);
        if (lo == -1)
            goto done;
        if (peek(p) == '-' && peek_at(p, 1) != ']' && peek_at(p, 1) != -1) {
            p->i++;
            int cat2, hi = class_atom(p, &cat2);
            if (hi == -1)
                goto done;
            char buf[128];
            if (lo == -2 || hi == -2 || hi < lo) {
                perr(p, istart, "bad character range %s",
                     src_text(p, istart, p->i, buf, sizeof buf));
                goto done;
            }
            if (cb_add(p, &cb, lo, hi) < 0)
                goto done;
        } else if (peek(p) == '-' && peek_at(p, 1) == -1) {
            /* "[a-" : the set is unterminated */
            perr(p, start, "unterminated character set");
            goto done;
        } else if (lo == -2)
            cb.cats |= cat;
        else if (cb_add(p, &cb, lo, lo) < 0)
            goto done;
    }
    node = new_node(p, N_CLASS, flags);
    if (node >= 0) {
        int off = class_store(p, &cb, neg, flags);
        if (off < 0)
            node = -1;
        else
            p->nodes[node].a = off;
    }
done:
    RpMem_Free(cb.ranges);
    return p->err ? -1 : node;
}

/* ---- group names ------------------------------------------------------------------ */

static int is_ident_start(int c) { return c == '_' || is_ascii_letter(c) || (c >= 128 && _RpUnicode_IsAlpha(c)); }
static int is_ident_char(int c) { return is_ident_start(c) || is_digit(c) || (c >= 128 && _RpRe_IsWord(c, 0)); }

/* Read a name up to `term`; returns its [start, end) or -1. */
static int read_name(P *p, int term, Rp_ssize_t *a, Rp_ssize_t *b)
{
    *a = p->i;
    while (p->i < p->n && p->pat[p->i] != term)
        p->i++;
    if (p->i >= p->n) {
        if (term == '>')
            return perr(p, *a, "missing >, unterminated name");
        return perr(p, *a, "missing ), unterminated name");
    }
    *b = p->i;
    p->i++;
    if (*a == *b)
        return perr(p, *a, "missing group name");
    return 0;
}

static int name_is_ident(P *p, Rp_ssize_t a, Rp_ssize_t b)
{
    if (!is_ident_start(p->pat[a]))
        return 0;
    for (Rp_ssize_t j = a + 1; j < b; j++)
        if (!is_ident_char(p->pat[j]))
            return 0;
    return 1;
}

/* Group number for a name or number reference; -1 on error. */
static int lookup_group(P *p, Rp_ssize_t a, Rp_ssize_t b, int allow_number)
{
    char buf[256];
    src_text(p, a, b, buf, sizeof buf);
    if (!name_is_ident(p, a, b)) {
        if (allow_number) {
            int all = 1;
            long v = 0;
            for (Rp_ssize_t j = a; j < b; j++) {
                if (!is_digit(p->pat[j]))
                    all = 0;
                else if (v < 100000000)
                    v = v * 10 + (p->pat[j] - '0');
            }
            if (all) {
                if (v >= p->ngroups + 1 || v == 0)
                    ; /* fall through to the error below */
                else
                    return (int)v;
                return perr(p, a, "invalid group reference %ld", v);
            }
        }
        return perr(p, a, "bad character in group name '%s'", buf);
    }
    RpObject *v = p->groupindex ? RpDict_GetItemString(p->groupindex, buf) : NULL;
    if (v == NULL)
        return perr(p, a, "unknown group name '%s'", buf);
    return (int)RpLong_AsLong(v);
}

/* A conditional's group: a name, or a number checked once the whole
 * pattern is parsed (the group may be defined later). */
static int lookup_cond(P *p, Rp_ssize_t a, Rp_ssize_t b)
{
    int all = 1;
    long v = 0;
    for (Rp_ssize_t j = a; j < b; j++) {
        if (!is_digit(p->pat[j]))
            all = 0;
        else if (v < 100000000)
            v = v * 10 + (p->pat[j] - '0');
    }
    if (!all || a == b)
        return lookup_group(p, a, b, 0);
    if (v == 0)
        return perr(p, a, "bad group number");
    if (p->ncondref < 16) {
        p->condref[p->ncondref] = (int)v;
        p->condpos[p->ncondref++] = a;
    }
    return (int)v;
}

/* ---- the parser ---------------------------------------------------------------------- */

static int parse_alt(P *p, int flags, int top);

static int make_char(P *p, int c, int flags)
{
    int n = new_node(p, N_CHAR, flags);
    if (n >= 0)
        p->nodes[n].a = c;
    return n;
}

static int make_at(P *p, int kind, int flags)
{
    int n = new_node(p, N_AT, flags);
    if (n >= 0)
        p->nodes[n].a = kind;
    return n;
}

static int make_cat_class(P *p, int cat, int flags)
{
    ClassBuf cb = {NULL, 0, 0, cat};
    int n = new_node(p, N_CLASS, flags);
    if (n < 0)
        return -1;
    int off = class_store(p, &cb, 0, flags);
    if (off < 0)
        return -1;
    p->nodes[n].a = off;
    return n;
}

static int backref_node(P *p, int g, int flags)
{
    int n = new_node(p, N_BACKREF, flags);
    if (n >= 0)
        p->nodes[n].a = g;
    return n;
}

/* An escape outside a class. */
static int parse_escape(P *p, int flags)
{
    Rp_ssize_t start = p->i - 1;
    char buf[64];
    if (p->i >= p->n)
        return perr(p, start, "bad escape (end of pattern)");
    int c = p->pat[p->i++];
    int ascii = p->is_bytes || (flags & RE_F_ASCII);
    switch (c) {
    case 'a': return make_char(p, 7, flags);
    case 'f': return make_char(p, 12, flags);
    case 'n': return make_char(p, 10, flags);
    case 'r': return make_char(p, 13, flags);
    case 't': return make_char(p, 9, flags);
    case 'v': return make_char(p, 11, flags);
    case 'A': return make_at(p, AT_BEG_STR, flags);
    case 'Z': return make_at(p, AT_END_STR, flags);
    case 'b': return make_at(p, ascii ? AT_BOUND_A : AT_BOUND, flags);
    case 'B': return make_at(p, ascii ? AT_NONBOUND_A : AT_NONBOUND, flags);
    case 'd': case 'D': case 'w': case 'W': case 's': case 'S':
        return make_cat_class(p, cat_for(c), flags);
    case 'x': {
        int v = hex_escape(p, start, 'x');
        return v < 0 ? -1 : make_char(p, v, flags);
    }
    case 'u': case 'U':
        if (!p->is_bytes) {
            int v = hex_escape(p, start, c);
            return v < 0 ? -1 : make_char(p, v, flags);
        }
        break;
    case '0': {
        int v = octal_escape(p, start, 0, 1);
        return v < 0 ? -1 : make_char(p, v, flags);
    }
    }
    if (is_digit(c)) {
        /* three octal digits make an octal escape, otherwise a group ref */
        if (is_oct(c) && is_oct(peek(p)) && is_oct(peek_at(p, 1))) {
            int v = octal_escape(p, start, c - '0', 1);
            return v < 0 ? -1 : make_char(p, v, flags);
        }
        int g = c - '0';
        if (is_digit(peek(p))) {
            g = g * 10 + (peek(p) - '0');
            p->i++;
        }
        if (g < p->ngroups + 1) {
            if (g < p->closedcap && !p->closed[g])
                return perr(p, start, "cannot refer to an open group");
            return backref_node(p, g, flags);
        }
        return perr(p, start + 1, "invalid group reference %d", g);
    }
    if (is_ascii_letter(c))
        return perr(p, start, "bad escape %s", src_text(p, start, p->i, buf, sizeof buf));
    return make_char(p, c, flags);
}

static int flag_of(int c)
{
    switch (c) {
    case 'i': return RE_F_IGNORECASE;
    case 'L': return RE_F_LOCALE;
    case 'm': return RE_F_MULTILINE;
    case 's': return RE_F_DOTALL;
    case 'u': return RE_F_UNICODE;
    case 'x': return RE_F_VERBOSE;
    case 'a': return RE_F_ASCII;
    }
    return 0;
}

/* Parse "(?" flags: returns 1 for a global flag group (fully consumed), 2
 * for a scoped group (p->i after ':'), -1 on error.  p->i is at the first
 * flag letter. */
static int parse_flags(P *p, int *add, int *del)
{
    char buf[64];
    *add = *del = 0;
    while (flag_of(peek(p))) {
        int f = flag_of(peek(p));
        if (f == RE_F_LOCALE && !p->is_bytes) {
            p->i++;
            return perr(p, p->i, "bad inline flags: cannot use 'L' flag with a str pattern");
        }
        if (f == RE_F_UNICODE && p->is_bytes) {
            p->i++;
            return perr(p, p->i, "bad inline flags: cannot use 'u' flag with a bytes pattern");
        }
        *add |= f;
        p->i++;
    }
    if (peek(p) == ')') {
        p->i++;
        return 1;
    }
    if (peek(p) == '-') {
        p->i++;
        if (!flag_of(peek(p))) {
            if (peek(p) == -1)
                return perr(p, p->i, "missing flag");
            if (is_ascii_letter(peek(p)))
                return perr(p, p->i, "unknown flag");
            return perr(p, p->i, "missing flag");
        }
        while (flag_of(peek(p))) {
            int f = flag_of(peek(p));
            p->i++;
            if (f & (RE_F_LOCALE | RE_F_UNICODE | RE_F_ASCII))
                return perr(p, p->i, "bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
            *del |= f;
        }
        if (*add & *del)
            return perr(p, p->i, "bad inline flags: flag turned on and off");
        if (peek(p) != ':')
            return perr(p, p->i, peek(p) == -1 ? "missing :" : "missing :");
        p->i++;
        return 2;
    }
    if (peek(p) == ':') {
        p->i++;
        return 2;
    }
    if (peek(p) == -1)
        return perr(p, p->i, "missing -, : or )");
    if (is_ascii_letter(peek(p)))
        return perr(p, p->i, "unknown flag");
    (void)buf;
    return perr(p, p->i, "missing -, : or )");
}

/* Expect ')' closing a group opened at `open`. */
static int close_group(P *p, Rp_ssize_t open)
{
    if (peek(p) != ')')
        return perr(p, open, "missing ), unterminated subpattern");
    p->i++;
    return 0;
}

static int wrap(P *p, int type, int child, int flags)
{
    int n = new_node(p, type, flags);
    if (n >= 0)
        p->nodes[n].child = child;
    return n;
}

/* A parenthesized construct; p->i is just past '('.  *global set when it
 * was a global-flags group (returns -2 then: no node). */
static int parse_paren(P *p, int *flags, int allow_global)
{
    Rp_ssize_t open = p->i - 1;
    char buf[300];
    if (p->depth >= MAX_NEST)
        return perr(p, open, "too many nested groups");
    p->depth++;
    int node = -1;
    if (peek(p) != '?') {
        int g = ++p->ngroups;
        if (closed_mark(p, g, 0) < 0)
            goto out;
        int body = parse_alt(p, *flags, 0);
        if (body < 0 || close_group(p, open) < 0)
            goto out;
        if (closed_mark(p, g, 1) < 0)
            goto out;
        node = wrap(p, N_GROUP, body, *flags);
        if (node >= 0)
            p->nodes[node].a = g;
        goto out;
    }
    p->i++;
    int c = peek(p);
    if (c == -1) {
        perr(p, p->i, "unexpected end of pattern");
        goto out;
    }
    p->i++;
    if (c == ':' || c == '>') {
        int body = parse_alt(p, *flags, 0);
        if (body < 0 || close_group(p, open) < 0)
            goto out;
        node = c == ':' ? body : wrap(p, N_ATOMIC, body, *flags);
    } else if (c == '#') {
        while (p->i < p->n && p->pat[p->i] != ')')
            p->i++;
        if (p->i >= p->n) {
            perr(p, open, "missing ), unterminated comment");
            goto out;
        }
        p->i++;
        node = new_node(p, N_EMPTY, *flags);
    } else if (c == '=' || c == '!' || (c == '<' && (peek(p) == '=' || peek(p) == '!'))) {
        int behind = c == '<';
        int neg = behind ? peek(p) == '!' : c == '!';
        if (behind)
            p->i++;
        int body = parse_alt(p, *flags, 0);
        if (body < 0 || close_group(p, open) < 0)
            goto out;
        node = wrap(p, N_LOOK, body, *flags);
        if (node >= 0) {
            p->nodes[node].a = neg;
            p->nodes[node].b = behind;
        }
    } else if (c == 'P' && peek(p) == '<') {
        p->i++;
        Rp_ssize_t a, b;
        if (read_name(p, '>', &a, &b) < 0)
            goto out;
        src_text(p, a, b, buf, sizeof buf);
        if (!name_is_ident(p, a, b)) {
            perr(p, a, "bad character in group name '%s'", buf);
            goto out;
        }
        int g = ++p->ngroups;
        RpObject *old = RpDict_GetItemString(p->groupindex, buf);
        if (old != NULL) {
            perr(p, a, "redefinition of group name '%s' as group %d; was group %ld", buf, g,
                 RpLong_AsLong(old));
            goto out;
        }
        RpObject *gv = RpLong_FromLong(g);
        if (gv == NULL || RpDict_SetItemString(p->groupindex, buf, gv) < 0) {
            Rp_XDECREF(gv);
            p->err = 2;
            goto out;
        }
        Rp_DECREF(gv);
        if (closed_mark(p, g, 0) < 0)
            goto out;
        int body = parse_alt(p, *flags, 0);
        if (body < 0 || close_group(p, open) < 0)
            goto out;
        if (closed_mark(p, g, 1) < 0)
            goto out;
        node = wrap(p, N_GROUP, body, *flags);
        if (node >= 0)
            p->nodes[node].a = g;
    } else if (c == 'P' && peek(p) == '=') {
        p->i++;
        Rp_ssize_t a, b;
        if (read_name(p, ')', &a, &b) < 0)
            goto out;
        src_text(p, a, b, buf, sizeof buf);
        if (!name_is_ident(p, a, b)) {
            perr(p, a, "bad character in group name '%s'", buf);
            goto out;
        }
        int g = lookup_group(p, a, b, 0);
        if (g < 0)
            goto out;
        if (g < p->closedcap && !p->closed[g]) {
            perr(p, a, "cannot refer to an open group");
            goto out;
        }
        node = backref_node(p, g, *flags);
    } else if (c == '(') {
        Rp_ssize_t a, b;
        if (read_name(p, ')', &a, &b) < 0)
            goto out;
        int g = lookup_cond(p, a, b);
        if (g < 0)
            goto out;
        int yes = parse_alt(p, *flags, 0);
        if (yes < 0)
            goto out;
        int no = -1;
        if (p->nodes[yes].type == N_ALT) {
            /* split "yes|no" back apart: exactly two branches allowed */
            Node *alt = &p->nodes[yes];
            int b1 = alt->child, b2 = p->nodes[b1].next;
            if (p->nodes[b2].next >= 0) {
                perr(p, p->nodes[p->nodes[b2].next].c,
                     "conditional backref with more than two branches");
                goto out;
            }
            p->nodes[b1].next = -1;
            yes = b1;
            no = b2;
        }
        if (close_group(p, open) < 0)
            goto out;
        node = wrap(p, N_COND, yes, *flags);
        if (node >= 0) {
            p->nodes[node].a = g;
            p->nodes[node].child2 = no;
        }
    } else if (flag_of(c) || c == '-') {
        p->i--;
        int add, del;
        int kind = parse_flags(p, &add, &del);
        if (kind < 0)
            goto out;
        if (kind == 1) {
            if (!allow_global) {
                perr(p, open, "global flags not at the start of the expression");
                goto out;
            }
            p->gflags |= add;
            *flags |= add;
            node = -2;
            goto out;
        }
        int nf = (*flags | add) & ~del;
        if (add & RE_F_ASCII)
            nf &= ~RE_F_UNICODE;
        int body = parse_alt(p, nf, 0);
        if (body < 0 || close_group(p, open) < 0)
            goto out;
        node = body;
    } else if (c == 'P' && peek(p) == -1) {
        perr(p, p->i, "unexpected end of pattern");
    } else {
        if (c == 'P' || c == '<') {
            int d = peek(p);
            Rp_ssize_t e = p->i + (d == -1 ? 0 : 1);
            perr(p, open + 1, "unknown extension ?%s", src_text(p, open + 2, e, buf, sizeof buf));
        } else
            perr(p, open + 1, "unknown extension ?%s", src_text(p, open + 2, p->i, buf, sizeof buf));
    }
out:
    p->depth--;
    return p->err ? -1 : node;
}

static int parse_uint(P *p, long long *v)
{
    int k = 0;
    *v = 0;
    while (is_digit(peek(p))) {
        if (*v < (1LL << 40))
            *v = *v * 10 + (peek(p) - '0');
        p->i++;
        k++;
    }
    return k;
}

/* After an atom: a quantifier at p->i?  Returns 1 and fills min/max, 0
 * if none (p->i unchanged), -1 on error. */
static int parse_quant(P *p, long long *min, long long *max)
{
    int c = peek(p);
    if (c == '*') { *min = 0; *max = RE_INF; p->i++; return 1; }
    if (c == '+') { *min = 1; *max = RE_INF; p->i++; return 1; }
    if (c == '?') { *min = 0; *max = 1; p->i++; return 1; }
    if (c != '{')
        return 0;
    Rp_ssize_t save = p->i;
    p->i++;
    long long lo = 0, hi = 0;
    int nlo = parse_uint(p, &lo), nhi = 0;
    if (peek(p) == ',') {
        p->i++;
        nhi = parse_uint(p, &hi);
        if (!nhi)
            hi = RE_INF;
    } else {
        if (!nlo) {
            p->i = save;
            return 0;
        }
        hi = lo;
    }
    if (peek(p) != '}') {
        p->i = save;
        return 0;
    }
    p->i++;
    if (lo >= 4294967295LL || (nhi && hi >= 4294967295LL)) {
        RpErr_SetString(RpExc_OverflowError, "the repetition number is too large");
        p->err = 2;
        return -1;
    }
    if (hi < lo)
        return perr(p, save + 1, "min repeat greater than max repeat");
    if (lo > RE_INF - 1)
        lo = RE_INF - 1;
    if (hi > RE_INF)
        hi = RE_INF;
    *min = lo;
    *max = hi;
    return 1;
}

/* A sequence (one branch of an alternation). */
static int parse_seq(P *p, int flags, int allow_global)
{
    int cat = new_node(p, N_CAT, flags);
    if (cat < 0)
        return -1;
    int last = -1, last_quant = 0, last_is_at = 0;
    for (;;) {
        skip_verbose(p, flags);
        int c = peek(p);
        if (c == -1 || c == '|' || c == ')')
            break;
        Rp_ssize_t qpos = p->i;
        long long min = 0, max = 0;
        int q = parse_quant(p, &min, &max);
        if (q < 0)
            return -1;
        if (q == 1) {
            if (last < 0 || last_is_at)
                return perr(p, qpos, "nothing to repeat");
            if (last_quant)
                return perr(p, qpos, "multiple repeat");
            int mode = REP_GREEDY;
            if (peek(p) == '?') {
                mode = REP_LAZY;
                p->i++;
            } else if (peek(p) == '+') {
                mode = REP_POSSESSIVE;
                p->i++;
            }
            /* replace `last` in the list by a repeat node wrapping it */
            int r = new_node(p, N_REPEAT, flags);
            if (r < 0)
                return -1;
            Node *rn = &p->nodes[r];
            rn->a = (int)min;
            rn->b = (int)max;
            rn->c = mode;
            rn->child = last;
            Node *cn = &p->nodes[cat];
            if (cn->child == last)
                cn->child = r;
            else {
                int k = cn->child;
                while (p->nodes[k].next != last)
                    k = p->nodes[k].next;
                p->nodes[k].next = r;
            }
            p->nodes[cat].last = r;
            p->nodes[last].next = -1;
            last = r;
            last_quant = 1;
            continue;
        }
        p->i++;
        int item;
        last_is_at = 0;
        switch (c) {
        case '(':
            item = parse_paren(p, &flags, allow_global && p->nodes[cat].child < 0);
            if (item == -2) {
                p->nodes[cat].flags = flags;
                continue;
            }
            break;
        case '[':
            item = parse_class(p, flags);
            break;
        case '.':
            item = new_node(p, N_ANY, flags);
            break;
        case '^':
            item = make_at(p, (flags & RE_F_MULTILINE) ? AT_BEG_LINE : AT_BEG, flags);
            last_is_at = 1;
            break;
        case '$':
            item = make_at(p, (flags & RE_F_MULTILINE) ? AT_END_LINE : AT_END, flags);
            last_is_at = 1;
            break;
        case '\\':
            item = parse_escape(p, flags);
            if (item >= 0 && p->nodes[item].type == N_AT)
                last_is_at = 1;
            break;
        default:
            item = make_char(p, c, flags);
        }
        if (item < 0)
            return -1;
        allow_global = 0;
        add_child(p, cat, item);
        last = item;
        last_quant = 0;
    }
    return cat;
}

static int parse_alt(P *p, int flags, int top)
{
    int first = parse_seq(p, top ? p->gflags | flags : flags, top);
    if (first < 0)
        return -1;
    if (peek(p) != '|')
        return first;
    int alt = new_node(p, N_ALT, flags);
    if (alt < 0)
        return -1;
    add_child(p, alt, first);
    while (peek(p) == '|') {
        Rp_ssize_t bar = p->i++;
        int f = top ? p->gflags | flags : flags;
        int s = parse_seq(p, f, 0);
        if (s < 0)
            return -1;
        p->nodes[s].c = (int)bar; /* for the conditional's error message */
        add_child(p, alt, s);
    }
    return alt;
}

/* ---- analysis ------------------------------------------------------------------------- */

/* Fixed width of a node in characters, or -1. */
static long width(P *p, int n)
{
    Node *nd = &p->nodes[n];
    long w = 0, w1;
    switch (nd->type) {
    case N_CHAR: case N_ANY: case N_CLASS:
        return 1;
    case N_EMPTY: case N_AT: case N_LOOK:
        return 0;
    case N_CAT:
        for (int k = nd->child; k >= 0; k = p->nodes[k].next) {
            long x = width(p, k);
            if (x < 0)
                return -1;
            w += x;
        }
        return w;
    case N_ALT:
        w = -2;
        for (int k = nd->child; k >= 0; k = p->nodes[k].next) {
            long x = width(p, k);
            if (x < 0 || (w != -2 && x != w))
                return -1;
            w = x;
        }
        return w;
    case N_GROUP: case N_ATOMIC:
        return width(p, nd->child);
    case N_REPEAT:
        if (nd->a != nd->b)
            return -1;
        w1 = width(p, nd->child);
        if (w1 < 0 || (w1 && nd->a > 100000000 / w1))
            return -1;
        return w1 * nd->a;
    case N_COND:
        w = width(p, nd->child);
        w1 = nd->child2 >= 0 ? width(p, nd->child2) : 0;
        return (w < 0 || w != w1) ? -1 : w;
    }
    return -1;
}

static int single_char(P *p, int n)
{
    int t = p->nodes[n].type;
    if (t == N_CAT) {
        int k = p->nodes[n].child;
        if (k >= 0 && p->nodes[k].next < 0)
            return single_char(p, k);
        return -1;
    }
    return (t == N_CHAR || t == N_ANY || t == N_CLASS) ? n : -1;
}

/* ---- code generation ------------------------------------------------------------------- */

static int emit(P *p, int nw, ...)
{
    if (p->ncode + nw > p->codecap) {
        int nc = (p->ncode + nw) * 2 + 64;
        int32_t *c = RpMem_Realloc(p->code, sizeof(int32_t) * nc);
        if (c == NULL) {
            RpErr_NoMemory();
            p->err = 2;
            return -1;
        }
        p->code = c;
        p->codecap = nc;
    }
    int at = p->ncode;
    va_list va;
    va_start(va, nw);
    for (int k = 0; k < nw; k++)
        p->code[p->ncode++] = va_arg(va, int);
    va_end(va);
    return at;
}

static int gen(P *p, int n);

static int gen_char(P *p, Node *nd)
{
    int ascii = p->is_bytes || (nd->flags & RE_F_ASCII);
    switch (nd->type) {
    case N_CHAR:
        if (nd->flags & RE_F_IGNORECASE) {
            int lo = _RpRe_Lower(nd->a, ascii), up = _RpRe_Upper(nd->a, ascii);
            if (lo != nd->a || up != nd->a)
                return emit(p, 4, OP_CHARI, nd->a, lo, up);
        }
        return emit(p, 2, OP_CHAR, nd->a);
    case N_ANY:
        return emit(p, 1, (nd->flags & RE_F_DOTALL) ? OP_ANYALL : OP_ANY);
    case N_CLASS:
        return emit(p, 2, OP_CLASS, nd->a); /* fixed up to a code index later */
    }
    return -1;
}

static int gen_repeat(P *p, Node *nd)
{
    int min = nd->a, max = nd->b, mode = nd->c, child = nd->child;
    if (max == 0)
        return 0;
    int sc = single_char(p, child);
    if (sc >= 0) {
        if (emit(p, 4, OP_REPCHAR, min, max, mode) < 0)
            return -1;
        return gen_char(p, &p->nodes[sc]);
    }
    if (mode == REP_POSSESSIVE && emit(p, 1, OP_ATOMIC) < 0)
        return -1;
    if (min == 1 && max == 1) {
        if (gen(p, child) < 0)
            return -1;
    } else if (min == 0 && max == 1) {
        int sp = emit(p, 3, OP_SPLIT, 0, 0);
        if (sp < 0 || gen(p, child) < 0)
            return -1;
        int end = p->ncode;
        p->code[sp + 1] = mode == REP_LAZY ? end : sp + 3;
        p->code[sp + 2] = mode == REP_LAZY ? sp + 3 : end;
    } else {
        int reg = p->nregs;
        p->nregs += 2;
        int id = -1;
        if (max == RE_INF && min <= 1)
            id = p->nloops++;
        else
            p->memo_ok = 0;
        if (emit(p, 2, OP_LOOPINIT, reg) < 0)
            return -1;
        int loop = emit(p, 7, OP_LOOP, reg, min, max, mode == REP_LAZY ? 0 : 1, 0, id);
        if (loop < 0 || emit(p, 2, OP_ENTER, reg) < 0 || gen(p, child) < 0 ||
            emit(p, 2, OP_JMP, loop) < 0)
            return -1;
        p->code[loop + 5] = p->ncode;
    }
    if (mode == REP_POSSESSIVE && emit(p, 1, OP_ATOMICEND) < 0)
        return -1;
    return 0;
}

static int gen(P *p, int n)
{
    Node *nd = &p->nodes[n];
    int k, at;
    switch (nd->type) {
    case N_EMPTY:
        return 0;
    case N_CHAR: case N_ANY: case N_CLASS:
        return gen_char(p, nd) < 0 ? -1 : 0;
    case N_CAT:
        for (k = nd->child; k >= 0; k = p->nodes[k].next)
            if (gen(p, k) < 0)
                return -1;
        return 0;
    case N_ALT: {
        /* SPLIT next-branch chains; each branch but the last jumps to the end */
        int jumps[64], nj = 0, jhead = -1;
        for (k = nd->child; k >= 0; k = p->nodes[k].next) {
            int sp = -1;
            if (p->nodes[k].next >= 0 && (sp = emit(p, 3, OP_SPLIT, 0, 0)) < 0)
                return -1;
            if (sp >= 0)
                p->code[sp + 1] = sp + 3;
            if (gen(p, k) < 0)
                return -1;
            if (p->nodes[k].next >= 0) {
                int j = emit(p, 2, OP_JMP, 0);
                if (j < 0)
                    return -1;
                /* chain the pending jumps through their operand when many */
                if (nj < 64)
                    jumps[nj++] = j;
                else {
                    p->code[j + 1] = -1 - jhead;
                    jhead = j;
                }
                p->code[sp + 2] = p->ncode;
            }
        }
        for (int q = 0; q < nj; q++)
            p->code[jumps[q] + 1] = p->ncode;
        while (jhead >= 0) {
            int nx = -1 - p->code[jhead + 1];
            p->code[jhead + 1] = p->ncode;
            jhead = nx;
        }
        return 0;
    }
    case N_GROUP:
        if (emit(p, 2, OP_SAVE, 2 * nd->a) < 0 || gen(p, nd->child) < 0)
            return -1;
        return emit(p, 2, OP_SAVE, 2 * nd->a + 1) < 0 ? -1 : 0;
    case N_REPEAT:
        return gen_repeat(p, nd);
    case N_AT:
        return emit(p, 2, OP_AT, nd->a) < 0 ? -1 : 0;
    case N_BACKREF:
        p->memo_ok = 0;
        return emit(p, 3, OP_BACKREF, nd->a, (nd->flags & RE_F_IGNORECASE) != 0) < 0 ? -1 : 0;
    case N_LOOK: {
        long w = 0;
        p->memo_ok = 0;
        if (nd->b) {
            w = width(p, nd->child);
            if (w < 0) {
                perr(p, -1, "look-behind requires fixed-width pattern");
                return -1;
            }
        }
        at = emit(p, 5, OP_LOOK, nd->a, nd->b, (int)w, 0);
        if (at < 0 || gen(p, nd->child) < 0 || emit(p, 1, OP_LOOKEND) < 0)
            return -1;
        p->code[at + 4] = p->ncode;
        return 0;
    }
    case N_ATOMIC:
        if (emit(p, 1, OP_ATOMIC) < 0 || gen(p, nd->child) < 0)
            return -1;
        return emit(p, 1, OP_ATOMICEND) < 0 ? -1 : 0;
    case N_COND: {
        p->memo_ok = 0;
        at = emit(p, 3, OP_GREF_EXISTS, nd->a, 0);
        if (at < 0 || gen(p, nd->child) < 0)
            return -1;
        int j = emit(p, 2, OP_JMP, 0);
        if (j < 0)
            return -1;
        p->code[at + 2] = p->ncode;
        if (nd->child2 >= 0 && gen(p, nd->child2) < 0)
            return -1;
        p->code[j + 1] = p->ncode;
        return 0;
    }
    }
    return 0;
}

/* ---- first-byte set -------------------------------------------------------------------- */

static void set_bit(uint32_t *s, int b) { s[b >> 5] |= 1u << (b & 31); }
static void set_range(uint32_t *s, int lo, int hi)
{
    for (int b = lo; b <= hi; b++)
        set_bit(s, b);
}

static void first_cp(P *p, uint32_t *s, int c, int flags)
{
    if (c < 128 || (p->is_bytes && c < 256)) {
        set_bit(s, c);
        return;
    }
    char buf[4];
    _RpUTF8_Write(buf, c);
    set_bit(s, (unsigned char)buf[0]);
}

/* Add the possible first bytes of node n; returns 1 if n can match empty,
 * -1 if no useful set exists. */
static int first(P *p, int n, uint32_t *s)
{
    Node *nd = &p->nodes[n];
    int r, ascii = p->is_bytes || (nd->flags & RE_F_ASCII);
    switch (nd->type) {
    case N_EMPTY: case N_AT: case N_LOOK:
        return 1;
    case N_CHAR:
        first_cp(p, s, nd->a, nd->flags);
        if (nd->flags & RE_F_IGNORECASE) {
            first_cp(p, s, _RpRe_Lower(nd->a, ascii), nd->flags);
            first_cp(p, s, _RpRe_Upper(nd->a, ascii), nd->flags);
            if (!ascii)
                set_range(s, 0x80, 0xFF);
        }
        return 0;
    case N_ANY:
        set_range(s, 0, 9);
        set_range(s, 11, 255);
        if (nd->flags & RE_F_DOTALL)
            set_bit(s, '\n');
        return 0;
    case N_CLASS: {
        const int32_t *cls = p->cls + nd->a;
        int lim = p->is_bytes ? 256 : 128;
        for (int b = 0; b < lim; b++)
            if (_RpRe_ClassMatch(cls, b))
                set_bit(s, b);
        if (!p->is_bytes)
            set_range(s, 0x80, 0xFF);
        return 0;
    }
    case N_CAT:
        for (int k = nd->child; k >= 0; k = p->nodes[k].next) {
            r = first(p, k, s);
            if (r != 1)
                return r;
        }
        return 1;
    case N_ALT: {
        int any_empty = 0;
        for (int k = nd->child; k >= 0; k = p->nodes[k].next) {
            r = first(p, k, s);
            if (r < 0)
                return -1;
            any_empty |= r;
        }
        return any_empty;
    }
    case N_GROUP: case N_ATOMIC:
        return first(p, nd->child, s);
    case N_REPEAT:
        if (nd->b == 0)
            return 1;
        r = first(p, nd->child, s);
        return r < 0 ? -1 : (r || nd->a == 0);
    }
    return -1;
}

static int anchored(P *p, int n)
{
    Node *nd = &p->nodes[n];
    if (nd->type == N_AT)
        return nd->a == AT_BEG || nd->a == AT_BEG_STR;
    if (nd->type == N_CAT || nd->type == N_GROUP || nd->type == N_ATOMIC)
        return nd->child >= 0 && anchored(p, nd->child);
    return 0;
}

/* ---- entry point ----------------------------------------------------------------------- */

static int32_t *decode_pattern(RpObject *pattern, Rp_ssize_t *n, int *is_bytes)
{
    const char *s;
    Rp_ssize_t len;
    if (RpUnicode_Check(pattern)) {
        s = RpUnicode_UTF8(pattern);
        len = RpUnicode_UTF8_SIZE(pattern);
        *is_bytes = 0;
    } else if (_RpBytes_View(pattern, &s, &len)) {
        *is_bytes = 1;
    } else {
        RpErr_Format(RpExc_TypeError, "first argument must be string or compiled pattern");
        return NULL;
    }
    int32_t *out = RpMem_Malloc(sizeof(int32_t) * (len + 1));
    if (out == NULL) {
        RpErr_NoMemory();
        return NULL;
    }
    Rp_ssize_t k = 0, i = 0;
    while (i < len)
        out[k++] = *is_bytes ? (unsigned char)s[i++] : _RpUTF8_Next(s, &i);
    *n = k;
    return out;
}

static RpObject *error_result(P *p)
{
    RpObject *msg = RpUnicode_FromString(p->msg);
    RpObject *pos = p->errpos >= 0 ? RpLong_FromSsize_t(p->errpos) : Rp_NewRef(Rp_None);
    if (msg == NULL || pos == NULL) {
        Rp_XDECREF(msg);
        Rp_XDECREF(pos);
        return NULL;
    }
    RpObject *t = RpTuple_New(2);
    if (t == NULL) {
        Rp_DECREF(msg);
        Rp_DECREF(pos);
        return NULL;
    }
    RpTuple_SET_ITEM(t, 0, msg);
    RpTuple_SET_ITEM(t, 1, pos);
    return t;
}

static RpObject *build_program(P *p, int root, int flags)
{
    p->nregs = 2 * (p->ngroups + 1) + 1;
    p->memo_ok = 1;
    if (emit(p, 2, OP_SAVE, 0) < 0 || gen(p, root) < 0 || emit(p, 3, OP_SAVE, 1, OP_MATCH) < 0)
        return NULL;
    /* class operands become indices into the code array */
    int ncode = p->ncode;
    for (int pc = 0; pc < ncode;) {
        int op = p->code[pc];
        static const int len[] = {
            [OP_MATCH] = 1, [OP_CHAR] = 2, [OP_CHARI] = 4, [OP_ANY] = 1, [OP_ANYALL] = 1,
            [OP_CLASS] = 2, [OP_AT] = 2, [OP_SPLIT] = 3, [OP_JMP] = 2, [OP_SAVE] = 2,
            [OP_REPCHAR] = 4, [OP_LOOPINIT] = 2, [OP_LOOP] = 7, [OP_ENTER] = 2,
            [OP_BACKREF] = 3, [OP_LOOK] = 5, [OP_LOOKEND] = 1, [OP_ATOMIC] = 1,
            [OP_ATOMICEND] = 1, [OP_GREF_EXISTS] = 3, [OP_FAIL] = 1};
        if (op == OP_CLASS)
            p->code[pc + 1] += ncode;
        pc += len[op];
    }
    Rp_ssize_t total = sizeof(ReHeader) + sizeof(int32_t) * (ncode + p->ncls);
    RpObject *b = RpBytes_FromStringAndSize(NULL, total);
    if (b == NULL)
        return NULL;
    ReHeader *h = (ReHeader *)RpBytes_AS_STRING(b);
    memset(h, 0, sizeof *h);
    h->magic = RE_MAGIC;
    h->ncode = ncode;
    h->nwords = ncode + p->ncls;
    h->nregs = p->nregs;
    h->ngroups = p->ngroups;
    h->nloops = p->nloops;
    h->hflags = (p->memo_ok ? HF_MEMO_OK : 0) | (p->is_bytes ? HF_BYTES : 0);
    if (anchored(p, root))
        h->hflags |= HF_ANCHORED;
    uint32_t fs[8] = {0};
    if (first(p, root, fs) == 0) {
        h->hflags |= HF_FIRSTSET;
        memcpy(h->first, fs, sizeof fs);
    }
    int32_t *code = (int32_t *)(h + 1);
    memcpy(code, p->code, sizeof(int32_t) * ncode);
    if (p->ncls)
        memcpy(code + ncode, p->cls, sizeof(int32_t) * p->ncls);
    (void)flags;
    return b;
}

RpObject *_RpRe_Compile(RpObject *pattern, long flags)
{
    P p;
    memset(&p, 0, sizeof p);
    RpObject *result = NULL, *prog = NULL;
    p.pat = decode_pattern(pattern, &p.n, &p.is_bytes);
    if (p.pat == NULL)
        return NULL;
    p.groupindex = RpDict_New();
    if (p.groupindex == NULL)
        goto done;
    if (p.is_bytes && (flags & RE_F_UNICODE)) {
        RpErr_SetString(RpExc_ValueError, "cannot use UNICODE flag with a bytes pattern");
        goto done;
    }
    if (!p.is_bytes && (flags & RE_F_LOCALE)) {
        RpErr_SetString(RpExc_ValueError, "cannot use LOCALE flag with a str pattern");
        goto done;
    }
    if ((flags & RE_F_ASCII) && (flags & RE_F_UNICODE)) {
        RpErr_SetString(RpExc_ValueError, "ASCII and UNICODE flags are incompatible");
        goto done;
    }
    p.gflags = (int)flags;
    int root = parse_alt(&p, 0, 1);
    if (root >= 0 && p.i < p.n) {
        /* only a stray ')' stops the top-level parse early */
        perr(&p, p.i, "unbalanced parenthesis");
        root = -1;
    }
    for (int k = 0; root >= 0 && k < p.ncondref; k++)
        if (p.condref[k] > p.ngroups) {
            perr(&p, p.condpos[k], "invalid group reference %d", p.condref[k]);
            root = -1;
        }
    if (root >= 0) {
        if ((p.gflags & RE_F_ASCII) && (p.gflags & RE_F_UNICODE)) {
            RpErr_SetString(RpExc_ValueError, "ASCII and UNICODE flags are incompatible");
            goto done;
        }
        prog = build_program(&p, root, p.gflags);
    }
    if (p.err == 1) {
        result = error_result(&p);
        goto done;
    }
    if (prog == NULL)
        goto done;
    int fl = p.gflags;
    if (!p.is_bytes && !(fl & RE_F_ASCII))
        fl |= RE_F_UNICODE;
    result = RpTuple_New(4);
    RpObject *ng = RpLong_FromLong(p.ngroups), *fo = RpLong_FromLong(fl);
    if (result == NULL || ng == NULL || fo == NULL) {
        Rp_XDECREF(ng);
        Rp_XDECREF(fo);
        Rp_CLEAR(result);
        goto done;
    }
    RpTuple_SET_ITEM(result, 0, prog);
    prog = NULL;
    RpTuple_SET_ITEM(result, 1, ng);
    RpTuple_SET_ITEM(result, 2, Rp_NewRef(p.groupindex));
    RpTuple_SET_ITEM(result, 3, fo);
done:
    Rp_XDECREF(prog);
    Rp_XDECREF(p.groupindex);
    RpMem_Free(p.pat);
    RpMem_Free(p.nodes);
    RpMem_Free(p.cls);
    RpMem_Free(p.closed);
    RpMem_Free(p.code);
    return result;
}
