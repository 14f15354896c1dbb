/* parser.c -- the parser's token buffer, error reporting and entry point.
 * The grammar lives in parser_expr.c (expressions, targets, parameters),
 * parser_stmt.c (statements, patterns) and parser_fstring.c (literals).
 *
 * Recursive descent with one token of lookahead almost everywhere; the
 * token array lets two constructs rewind a bounded distance.  Errors: the
 * first one raised wins (later helpers see RpErr_Occurred and keep it),
 * and after a parser error the rest of the source is still tokenized,
 * because CPython reports a tokenizer error (an unclosed bracket, an
 * unterminated string) in preference to the parser's complaint.
 */
#include "rp.h"
#include "objects/unicodedb.h"
#include "tokenizer.h"
#include <stdarg.h>

/* ---- tokens -------------------------------------------------------------- */

/* Tokens live in fixed blocks so that a pointer to one stays valid while
 * more are read (the grammar functions hold on to start tokens). */
#define TOKBLOCK 256

static RpToken *tok_at(RpParser *p, int i)
{
    return &p->toks[i / TOKBLOCK][i % TOKBLOCK];
}

static int grow(RpParser *p)
{
    if (p->ntoks < p->cap)
        return 0;
    int nblocks = p->cap / TOKBLOCK;
    RpToken **blocks = RpMem_Realloc(p->toks, (size_t)(nblocks + 1) * sizeof *blocks);
    if (blocks == NULL) {
        RpErr_NoMemory();
        return -1;
    }
    p->toks = blocks;
    blocks[nblocks] = RpMem_Malloc(TOKBLOCK * sizeof(RpToken));
    if (blocks[nblocks] == NULL) {
        RpErr_NoMemory();
        return -1;
    }
    p->cap += TOKBLOCK;
    return 0;
}

void _RpParser_FreeTokens(RpParser *p)
{
    for (int i = 0; i < p->cap / TOKBLOCK; i++)
        RpMem_Free(p->toks[i]);
    RpMem_Free(p->toks);
    p->toks = NULL;
    p->cap = p->ntoks = 0;
}

static int fill_one(RpParser *p)
{
    if (grow(p) < 0)
        return -1;
    RpToken *tk = tok_at(p, p->ntoks);
    /* after ENDMARKER or an error, keep handing out the same token */
    if (p->ntoks > 0) {
        RpToken *prev = tok_at(p, p->ntoks - 1);
        if (prev->type == TOK_ENDMARKER || prev->type == TOK_ERROR) {
            *tk = *prev;
            p->ntoks++;
            return 0;
        }
    }
    memset(tk, 0, sizeof *tk);
    if (RpTokenizer_Get(p->tok, tk) == TOK_ERROR) {
        tk->type = TOK_ERROR;
        tk->lineno = tk->end_lineno = p->tok->lineno;
        p->tok_failed = 1;
    }
    p->ntoks++;
    return 0;
}

static RpToken error_token = { TOK_ERROR, 0, NULL, NULL, 1, 0, 1, 0, 0 };

RpToken *_RpParser_PeekN(RpParser *p, int n)
{
    while (p->ntoks <= p->pos + n) {
        if (fill_one(p) < 0) {
            p->tok_failed = 1;
            return &error_token;
        }
    }
    return tok_at(p, p->pos + n);
}

RpToken *_RpParser_Peek(RpParser *p)
{
    return _RpParser_PeekN(p, 0);
}

RpToken *_RpParser_Next(RpParser *p)
{
    RpToken *t = _RpParser_Peek(p);
    if (t->type != TOK_ERROR && t->type != TOK_ENDMARKER)
        p->pos++;
    return t;
}

RpToken *_RpParser_Last(RpParser *p)
{
    return p->pos > 0 ? tok_at(p, p->pos - 1) : _RpParser_Peek(p);
}

int _RpParser_Accept(RpParser *p, int type)
{
    if (_RpParser_Peek(p)->type != type)
        return 0;
    p->pos++;
    return 1;
}

int _RpParser_AcceptKw(RpParser *p, int kw)
{
    RpToken *t = _RpParser_Peek(p);
    if (t->type != TOK_NAME || t->kw != kw)
        return 0;
    p->pos++;
    return 1;
}

int _RpParser_IsSoftKw(RpToken *t, const char *word)
{
    size_t n = strlen(word);
    return t->type == TOK_NAME && t->kw == KW_NONE_ && (size_t)(t->end - t->start) == n &&
           memcmp(t->start, word, n) == 0;
}

int _RpParser_Enter(RpParser *p)
{
    if (++p->depth > RP_PARSER_MAXDEPTH) {
        if (!RpErr_Occurred())
            RpErr_NoMemory();
        return -1;
    }
    return 0;
}

int _RpParser_Own(RpParser *p, RpObject *o)
{
    if (o == NULL)
        return -1;
    return RpArena_AddObject(p->arena, o);
}

identifier _RpParser_Identifier(RpParser *p, RpToken *t)
{
    RpObject *s = RpUnicode_FromStringAndSize(t->start, t->end - t->start);
    if (s == NULL)
        return NULL;
    if (!RpUnicode_IS_ASCII(s))   /* PEP 3131: names are compared in NFKC */
        Rp_SETREF(s, RpUnicodeDB_Normalize(s, 1, 1));
    if (s == NULL)
        return NULL;
    RpUnicode_InternInPlace(&s);
    if (RpArena_AddObject(p->arena, s) < 0)
        return NULL;
    return s;
}

/* ---- node helpers -------------------------------------------------------- */

expr_ty _RpParser_NewExpr(RpParser *p, expr_kind k, int lineno, int col)
{
    RpToken *e = _RpParser_Last(p);
    return RpAST_NewExpr(k, lineno, col, e->end_lineno, e->end_col, p->arena);
}

stmt_ty _RpParser_NewStmt(RpParser *p, stmt_kind k, int lineno, int col)
{
    RpToken *e = _RpParser_Last(p);
    return RpAST_NewStmt(k, lineno, col, e->end_lineno, e->end_col, p->arena);
}

pattern_ty _RpParser_NewPattern(RpParser *p, pattern_kind k, int lineno, int col)
{
    RpToken *e = _RpParser_Last(p);
    return RpAST_NewPattern(k, lineno, col, e->end_lineno, e->end_col, p->arena);
}

asdl_seq *_RpParser_SeqFromArray(RpParser *p, void **items, Rp_ssize_t n)
{
    asdl_seq *s = asdl_seq_new(n, p->arena);
    if (s != NULL && n > 0)
        memcpy(s->elts, items, (size_t)n * sizeof(void *));
    return s;
}

void _RpPtrVec_Init(RpPtrVec *v)
{
    v->items = v->small;
    v->n = 0;
    v->cap = 8;
}

int _RpPtrVec_Push(RpPtrVec *v, void *x)
{
    if (v->n == v->cap) {
        Rp_ssize_t cap = v->cap * 2;
        void **items;
        if (v->items == v->small) {
            items = RpMem_Malloc((size_t)cap * sizeof(void *));
            if (items != NULL)
                memcpy(items, v->small, sizeof v->small);
        } else {
            items = RpMem_Realloc(v->items, (size_t)cap * sizeof(void *));
        }
        if (items == NULL) {
            RpErr_NoMemory();
            return -1;
        }
        v->items = items;
        v->cap = cap;
    }
    v->items[v->n++] = x;
    return 0;
}

void _RpPtrVec_Free(RpPtrVec *v)
{
    if (v->items != v->small)
        RpMem_Free(v->items);
    v->items = v->small;
    v->n = 0;
}

asdl_seq *_RpPtrVec_Finish(RpPtrVec *v, RpParser *p)
{
    asdl_seq *s = _RpParser_SeqFromArray(p, v->items, v->n);
    _RpPtrVec_Free(v);
    return s;
}

/* ---- errors -------------------------------------------------------------- */

/* The line's text plus "\n", as CPython's parser errors carry it. */
static char *line_text(RpParser *p, int lineno)
{
    Rp_ssize_t n = 0;
    const char *line = RpTokenizer_Line(p->tok, lineno, &n);
    if (line == NULL)
        return NULL;
    char *text = RpMem_Malloc((size_t)n + 2);
    if (text == NULL)
        return NULL;
    memcpy(text, line, (size_t)n);
    text[n] = '\n';
    text[n + 1] = '\0';
    return text;
}

/* Line `lineno` of "(expr)" for an f-string sub-parser. */
static char *fstring_text(RpParser *p, int lineno)
{
    const char *s = p->fs_start, *e = p->fs_end;
    int l = 1;
    for (; s < e && l < lineno; s++)
        if (*s == '\n')
            l++;
    const char *le = memchr(s, '\n', (size_t)(e - s));
    int last = le == NULL;
    if (le == NULL)
        le = e;
    size_t n = (size_t)(le - s);
    char *text = RpMem_Malloc(n + 4);
    if (text == NULL)
        return NULL;
    char *o = text;
    if (lineno == 1)
        *o++ = '(';
    memcpy(o, s, n);
    o += n;
    if (last)
        *o++ = ')';
    *o++ = '\n';
    *o = '\0';
    return text;
}

static void *error_v(RpParser *p, RpObject *type, int lineno, int col, int end_lineno,
                     int end_col, const char *fmt, va_list va)
{
    if (RpErr_Occurred())
        return NULL;   /* the first error wins */
    char msg[512];
    int off = 0;
    if (p->in_fstring)
        off = snprintf(msg, sizeof msg, "f-string: ");
    vsnprintf(msg + off, sizeof msg - (size_t)off, fmt, va);
    char *text;
    if (p->fs_start != NULL) {
        /* inside an f-string: positions within "(expr)", as CPython 3.11 */
        if (lineno == p->fs_line) {
            col = col - p->fs_col + 1;
            end_col = end_lineno == lineno && end_col >= 0 ? end_col - p->fs_col + 1 : end_col;
        }
        lineno -= p->fs_line - 1;
        end_lineno -= p->fs_line - 1;
        text = fstring_text(p, lineno);
    } else {
        text = line_text(p, lineno);
    }
    _RpCompile_SyntaxError(type, p->filename, lineno, col + 1, end_lineno,
                           end_col < 0 ? end_col : end_col + 1, text, "%s", msg);
    RpMem_Free(text);
    return NULL;
}

void *_RpParser_ErrorAt(RpParser *p, RpObject *type, int lineno, int col,
                        int end_lineno, int end_col, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    error_v(p, type, lineno, col, end_lineno, end_col, fmt, va);
    va_end(va);
    return NULL;
}

void *_RpParser_ErrorTok(RpParser *p, RpToken *t, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    error_v(p, RpExc_SyntaxError, t->lineno, t->col, t->end_lineno, t->end_col, fmt, va);
    va_end(va);
    return NULL;
}

void *_RpParser_ErrorExpr(RpParser *p, expr_ty e, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    error_v(p, RpExc_SyntaxError, e->lineno, e->col_offset, e->end_lineno,
            e->end_col_offset, fmt, va);
    va_end(va);
    return NULL;
}

void *_RpParser_ErrorRange(RpParser *p, expr_ty a, expr_ty b, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    error_v(p, RpExc_SyntaxError, a->lineno, a->col_offset, b->end_lineno,
            b->end_col_offset, fmt, va);
    va_end(va);
    return NULL;
}

void *_RpParser_InvalidSyntax(RpParser *p)
{
    RpToken *t = _RpParser_Peek(p);
    if (t->type == TOK_ERROR || RpErr_Occurred())
        return NULL;
    if (t->type == TOK_INDENT) {
        /* caret after the indentation, no end (CPython's -1) */
        return _RpParser_ErrorAt(p, RpExc_IndentationError, t->lineno, t->end_col - 1,
                                 t->lineno, -1, "unexpected indent");
    }
    if (t->type == TOK_DEDENT)
        return _RpParser_ErrorAt(p, RpExc_IndentationError, t->lineno, t->end_col - 1,
                                 t->lineno, -1, "unexpected unindent");
    return _RpParser_ErrorTok(p, t, "invalid syntax");
}

void *_RpParser_Expect(RpParser *p, int type, const char *what)
{
    if (_RpParser_Accept(p, type))
        return (void *)1;
    RpToken *t = _RpParser_Peek(p);
    if (what == NULL || t->type == TOK_ERROR || t->type == TOK_INDENT || t->type == TOK_DEDENT)
        return _RpParser_InvalidSyntax(p);
    /* CPython puts "expected ':'" just after the previous token */
    RpToken *l = _RpParser_Last(p);
    return _RpParser_ErrorAt(p, RpExc_SyntaxError, l->end_lineno, l->end_col,
                             l->end_lineno, l->end_col, "expected '%s'", what);
}

/* ---- the entry point ----------------------------------------------------- */

/* After a parser error: tokenize the rest.  A tokenizer error there
 * replaces the parser's, except an unclosed bracket opened at or after
 * the line where the parser stopped. */
static void check_rest(RpParser *p)
{
    if (p->tok_failed || !RpErr_ExceptionMatches(RpExc_SyntaxError))
        return;
    int err_line = p->ntoks > 0 ? tok_at(p, p->ntoks - 1)->lineno : 1;
    RpObject *saved = RpErr_GetRaisedException();
    RpToken tk;
    int type;
    do {
        type = RpTokenizer_Get(p->tok, &tk);
    } while (type != TOK_ERROR && type != TOK_ENDMARKER);
    if (type == TOK_ERROR) {
        int keep_ours = p->tok->eof_in_parens &&
                        err_line <= p->tok->parenline[p->tok->level - 1];
        if (!keep_ours) {
            Rp_XDECREF(saved);
            return;
        }
        RpErr_Clear();
    }
    RpErr_SetRaisedException(saved);
}

static mod_ty parse_mode(RpParser *p, RpCompileMode mode)
{
    mod_ty m = RpArena_Malloc(p->arena, sizeof *m);
    if (m == NULL)
        return NULL;
    if (mode == RP_EVAL_INPUT) {
        m->kind = Expression_kind;
        while (_RpParser_Accept(p, TOK_NEWLINE))
            ;
        m->expr = _RpParser_StarExpressions(p);
        if (m->expr == NULL)
            return NULL;
        while (_RpParser_Accept(p, TOK_NEWLINE))
            ;
        if (_RpParser_Peek(p)->type != TOK_ENDMARKER)
            return _RpParser_InvalidSyntax(p);
        return m;
    }
    m->kind = mode == RP_SINGLE_INPUT ? Interactive_kind : Module_kind;
    m->body = _RpParser_FileInput(p);
    return m->body ? m : NULL;
}

mod_ty RpParser_ParseString(const char *source, Rp_ssize_t len, RpObject *filename,
                            RpCompileMode mode, RpArena *a)
{
    RpTokenizer tok;
    if (RpTokenizer_Init(&tok, source, len, filename) < 0)
        return NULL;
    RpParser p;
    memset(&p, 0, sizeof p);
    p.tok = &tok;
    p.arena = a;
    p.filename = filename;
    mod_ty m = parse_mode(&p, mode);
    if (m == NULL) {
        if (!RpErr_Occurred())
            _RpParser_InvalidSyntax(&p);
        check_rest(&p);
    }
    _RpParser_FreeTokens(&p);
    RpTokenizer_Fini(&tok);
    return m;
}
