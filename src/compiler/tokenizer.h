/* tokenizer.h -- private header of the front end (tokenizer.c, parser*.c,
 * syntaxerror.c).  Nothing outside src/compiler/ includes it.
 *
 * The tokenizer turns UTF-8 source into tokens on demand; the parser keeps
 * every token it has read in an array so it can look ahead and, in two
 * bounded places (parenthesized with-items, the `match` soft keyword),
 * rewind.  Positions: 1-based lines, 0-based UTF-8 byte columns, like the
 * AST.  Strings (f-strings included) are lexed whole and decoded by the
 * parser; an f-string's expressions are re-tokenized in place from the
 * original buffer, so their positions and error lines are the real ones.
 */
#ifndef RP_TOKENIZER_H
#define RP_TOKENIZER_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "compiler.h"

typedef enum {
    TOK_ENDMARKER, TOK_NAME, TOK_NUMBER, TOK_STRING, TOK_NEWLINE,
    TOK_INDENT, TOK_DEDENT,
    /* operators */
    TOK_LPAR, TOK_RPAR, TOK_LSQB, TOK_RSQB, TOK_LBRACE, TOK_RBRACE,
    TOK_COLON, TOK_COMMA, TOK_SEMI, TOK_PLUS, TOK_MINUS, TOK_STAR, TOK_SLASH,
    TOK_VBAR, TOK_AMPER, TOK_LESS, TOK_GREATER, TOK_EQUAL, TOK_DOT,
    TOK_PERCENT, TOK_EQEQUAL, TOK_NOTEQUAL, TOK_LESSEQUAL, TOK_GREATEREQUAL,
    TOK_TILDE, TOK_CIRCUMFLEX, TOK_LEFTSHIFT, TOK_RIGHTSHIFT, TOK_DOUBLESTAR,
    TOK_PLUSEQUAL, TOK_MINEQUAL, TOK_STAREQUAL, TOK_SLASHEQUAL,
    TOK_PERCENTEQUAL, TOK_AMPEREQUAL, TOK_VBAREQUAL, TOK_CIRCUMFLEXEQUAL,
    TOK_LEFTSHIFTEQUAL, TOK_RIGHTSHIFTEQUAL, TOK_DOUBLESTAREQUAL,
    TOK_DOUBLESLASH, TOK_DOUBLESLASHEQUAL, TOK_AT, TOK_ATEQUAL, TOK_RARROW,
    TOK_ELLIPSIS, TOK_COLONEQUAL, TOK_BANG,
    TOK_BADCHAR,   /* a character that starts no token ('$', '?'): "invalid syntax" */
    TOK_ERROR      /* the tokenizer raised; the exception is set */
} RpTokType;

/* Hard keywords, recognized by the tokenizer (soft ones stay NAMEs). */
#define RP_KEYWORDS(X) \
    X(False) X(None) X(True) X(and) X(as) X(assert) X(async) X(await) \
    X(break) X(class) X(continue) X(def) X(del) X(elif) X(else) X(except) \
    X(finally) X(for) X(from) X(global) X(if) X(import) X(in) X(is) \
    X(lambda) X(nonlocal) X(not) X(or) X(pass) X(raise) X(return) X(try) \
    X(while) X(with) X(yield)
typedef enum {
    KW_NONE_ = 0,
#define RP_KW_ENUM(k) KW_##k,
    RP_KEYWORDS(RP_KW_ENUM)
#undef RP_KW_ENUM
    KW_COUNT_
} RpKeyword;

typedef struct RpToken {
    int type;                  /* RpTokType */
    int kw;                    /* RpKeyword for NAME tokens */
    const char *start, *end;   /* text, inside the source buffer */
    int lineno, col, end_lineno, end_col;
    int level;                 /* bracket depth at the token */
} RpToken;

#define RP_TOK_MAXINDENT 100
#define RP_TOK_MAXLEVEL 200

typedef struct RpTokenizer {
    const char *buf, *end;     /* the whole UTF-8 source */
    const char *cur;           /* next byte to read */
    const char *stop;          /* end of what this tokenizer reads (f-strings) */
    const char *line_start;    /* first byte of the current line */
    char *owned;               /* transcoded copy of the source, or NULL */
    RpObject *filename;        /* borrowed */
    int lineno;
    int indstack[RP_TOK_MAXINDENT], altstack[RP_TOK_MAXINDENT];
    int indent;                /* top of indstack */
    int pendin;                /* >0 INDENTs, <0 DEDENTs still to emit */
    int atbol;                 /* at the beginning of a logical line */
    int level, base_level;     /* bracket depth; base 1 for f-string parts */
    char parenstack[RP_TOK_MAXLEVEL];
    int parenline[RP_TOK_MAXLEVEL], parencol[RP_TOK_MAXLEVEL];
    int saw_token;             /* a token since the last NEWLINE */
    int done;                  /* ENDMARKER returned */
    int eof_in_parens;         /* error was "'(' was never closed" */
    int indent_line, indent_ws; /* where the last INDENT came from */
} RpTokenizer;

/* Set up over source of `len` bytes: strips a BOM, honours a coding cookie
 * (utf-8, latin-1, ascii), checks the text is valid UTF-8.  0 / -1 with
 * SyntaxError set. */
int RpTokenizer_Init(RpTokenizer *t, const char *src, Rp_ssize_t len, RpObject *filename);
/* A tokenizer over [start, stop) of a parent's buffer, as if it were
 * inside parentheses (f-string replacement fields). */
void RpTokenizer_InitSub(RpTokenizer *t, const RpTokenizer *parent,
                         const char *start, const char *stop,
                         int lineno, const char *line_start);
void RpTokenizer_Fini(RpTokenizer *t);
/* Read the next token into *tk; returns its type (TOK_ERROR: raised). */
int RpTokenizer_Get(RpTokenizer *t, RpToken *tk);
/* Text of line `lineno` (without its newline) and its length in bytes;
 * NULL if there is no such line. */
const char *RpTokenizer_Line(const RpTokenizer *t, int lineno, Rp_ssize_t *len);
/* Keyword spelling for diagnostics. */
const char *RpTokenizer_KeywordName(int kw);

/* ---- shared by the parser files (parser.c, parser_expr.c, parser_stmt.c,
 * parser_fstring.c); not used outside the front end ---- */
typedef struct RpParser {
    RpTokenizer *tok;
    RpToken **toks;            /* every token read so far, in blocks */
    int ntoks, cap, pos;       /* pos: index of the current token */
    RpArena *arena;
    RpObject *filename;
    int depth;                 /* recursion guard (MemoryError past the limit) */
    int tok_failed;            /* a TOK_ERROR was read: its exception stands */
    int in_fstring;            /* prefix messages with "f-string: " */
    int fstring_nest;          /* format-spec nesting inside f-strings */
    /* f-string sub-parsers: CPython 3.11 reports errors relative to the
     * text "(expr)", so keep where the expression starts */
    const char *fs_start, *fs_end;
    int fs_line, fs_col;
} RpParser;

/* CPython 3.11's parser gives up with MemoryError past this depth. */
#define RP_PARSER_MAXDEPTH 6000

/* parser.c: tokens */
RpToken *_RpParser_Peek(RpParser *p);          /* current token (never NULL) */
RpToken *_RpParser_PeekN(RpParser *p, int n);  /* n tokens ahead */
RpToken *_RpParser_Next(RpParser *p);          /* consume; returns it */
RpToken *_RpParser_Last(RpParser *p);          /* last consumed token */
int _RpParser_Accept(RpParser *p, int type);   /* consume if it matches */
int _RpParser_AcceptKw(RpParser *p, int kw);
int _RpParser_IsSoftKw(RpToken *t, const char *word);
int _RpParser_Enter(RpParser *p);              /* -1 (MemoryError) when too deep */
identifier _RpParser_Identifier(RpParser *p, RpToken *t); /* interned, arena-owned */
int _RpParser_Own(RpParser *p, RpObject *o);   /* steals o into the arena; -1 */
/* Errors: 0-based byte columns; the first error raised wins. */
void *_RpParser_ErrorAt(RpParser *p, RpObject *type, int lineno, int col,
                        int end_lineno, int end_col, const char *fmt, ...);
void *_RpParser_ErrorTok(RpParser *p, RpToken *t, const char *fmt, ...);
void *_RpParser_ErrorExpr(RpParser *p, expr_ty e, const char *fmt, ...);
void *_RpParser_ErrorRange(RpParser *p, expr_ty a, expr_ty b, const char *fmt, ...);
void *_RpParser_InvalidSyntax(RpParser *p);    /* "invalid syntax" at the current token */
void *_RpParser_Expect(RpParser *p, int type, const char *what); /* "expected ':'" */
expr_ty _RpParser_NewExpr(RpParser *p, expr_kind k, int lineno, int col); /* ends at Last */
stmt_ty _RpParser_NewStmt(RpParser *p, stmt_kind k, int lineno, int col);
pattern_ty _RpParser_NewPattern(RpParser *p, pattern_kind k, int lineno, int col);
asdl_seq *_RpParser_SeqFromArray(RpParser *p, void **items, Rp_ssize_t n);

/* A growable array of pointers on the C heap, copied into the arena when
 * complete (keeps lists linear-time without wasting arena space). */
typedef struct RpPtrVec { void **items; Rp_ssize_t n, cap; void *small[8]; } RpPtrVec;
void _RpPtrVec_Init(RpPtrVec *v);
int _RpPtrVec_Push(RpPtrVec *v, void *x);        /* -1 MemoryError */
asdl_seq *_RpPtrVec_Finish(RpPtrVec *v, RpParser *p); /* frees v */
void _RpPtrVec_Free(RpPtrVec *v);

/* Shorthands for the grammar files; `p` is the parser in scope. */
#define PEEK() _RpParser_Peek(p)
#define NEXT() _RpParser_Next(p)
#define LAST() _RpParser_Last(p)
#define ACCEPT(t) _RpParser_Accept(p, (t))
#define ACCEPT_KW(k) _RpParser_AcceptKw(p, KW_##k)
#define IS(t) (_RpParser_Peek(p)->type == (t))
#define IS_KW(k) (_RpParser_Peek(p)->type == TOK_NAME && _RpParser_Peek(p)->kw == KW_##k)
#define IS_NAME() (_RpParser_Peek(p)->type == TOK_NAME && _RpParser_Peek(p)->kw == KW_NONE_)
#define LEAVE(p) ((p)->depth--)

/* parser_expr.c */
expr_ty _RpParser_Expression(RpParser *p);
expr_ty _RpParser_NamedExpression(RpParser *p);
expr_ty _RpParser_StarExpressions(RpParser *p);       /* a, *b, c -> Tuple */
expr_ty _RpParser_StarNamedExpression(RpParser *p);
expr_ty _RpParser_YieldExpr(RpParser *p);
expr_ty _RpParser_Disjunction(RpParser *p);
expr_ty _RpParser_BitwiseOr(RpParser *p);
expr_ty _RpParser_Primary(RpParser *p);
expr_ty _RpParser_TargetList(RpParser *p, int single); /* star_targets (or one), unchecked */
expr_ty _RpParser_ForTarget(RpParser *p);   /* star_targets before 'in', ctx Store */
void _RpParser_FreeTokens(RpParser *p);
/* Set ctx (Store/Del) through a target; raise CPython's message if it is
 * not assignable.  `here` adds "here. Maybe you meant '==' instead of '='?" */
int _RpParser_SetContext(RpParser *p, expr_ty e, expr_context_ty ctx);
expr_ty _RpParser_InvalidTarget(expr_ty e, expr_context_ty ctx); /* first bad sub-target or NULL */
const char *_RpParser_ExprName(expr_ty e);
arguments_ty _RpParser_Parameters(RpParser *p, int is_lambda);
int _RpParser_StartsExpression(RpToken *t);
asdl_seq *_RpParser_CallArgs(RpParser *p, asdl_seq **keywords); /* after '(' up to ')' */

/* parser_fstring.c: one or more adjacent string literals */
expr_ty _RpParser_Strings(RpParser *p);
/* Decode one plain (non-f) string/bytes token body; NULL + error. */
RpObject *_RpParser_DecodeString(RpParser *p, RpToken *t, const char *s, const char *e,
                                 int raw, int is_bytes);

/* parser_stmt.c */
asdl_seq *_RpParser_FileInput(RpParser *p);
asdl_seq *_RpParser_Statements(RpParser *p);
#endif
