/* ast.h -- the abstract syntax tree (prefix RpAST_, node kinds AST_*).
 * ast.c.  Node names and fields follow Python 3.11's `ast` module, so the
 * grammar docs read straight onto these structs.
 *
 * Every node lives in an RpArena and is freed with it in one go.  Constant
 * values and identifiers are RpObject* (str, int, float, bytes, ...) whose
 * references the arena owns (RpArena_AddObject) and drops on free.
 */
#ifndef RP_AST_H
#define RP_AST_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "../objects/object.h"

/* ---- arena ---- */
typedef struct RpArena RpArena;
RpArena *RpArena_New(void);
void RpArena_Free(RpArena *a);           /* frees every node and drops every object */
void *RpArena_Malloc(RpArena *a, size_t n); /* zeroed; NULL + MemoryError */
int RpArena_AddObject(RpArena *a, RpObject *o); /* steals o; -1 on failure (o dropped) */

/* A growable array of node pointers allocated in the arena. */
typedef struct { Rp_ssize_t size; void *elts[1]; } asdl_seq;
asdl_seq *asdl_seq_new(Rp_ssize_t n, RpArena *a);
#define asdl_seq_LEN(s) ((s) == NULL ? 0 : (s)->size)
#define asdl_seq_GET(s, i) ((s)->elts[i])
#define asdl_seq_SET(s, i, v) ((s)->elts[i] = (v))

typedef RpObject *identifier;   /* interned str */
typedef RpObject *constant;

typedef enum { Load = 1, Store, Del } expr_context_ty;
typedef enum { And = 1, Or } boolop_ty;
typedef enum { Add = 1, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr,
               BitXor, BitAnd, FloorDiv } operator_ty;
typedef enum { Invert = 1, Not, UAdd, USub } unaryop_ty;
typedef enum { Eq = 1, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn } cmpop_ty;

typedef struct _expr *expr_ty;
typedef struct _stmt *stmt_ty;
typedef struct _pattern *pattern_ty;

/* position of every node: 1-based lines, 0-based UTF-8 byte columns */
#define RP_AST_POS int lineno, col_offset, end_lineno, end_col_offset

typedef struct _arg { identifier arg; expr_ty annotation; RP_AST_POS; } *arg_ty;
typedef struct _arguments {
    asdl_seq *posonlyargs, *args;   /* arg_ty */
    arg_ty vararg;
    asdl_seq *kwonlyargs;           /* arg_ty */
    asdl_seq *kw_defaults;          /* expr_ty, NULL entries for no default */
    arg_ty kwarg;
    asdl_seq *defaults;             /* expr_ty, for the last len(defaults) positional */
} *arguments_ty;
typedef struct _keyword { identifier arg; /* NULL for **x */ expr_ty value; RP_AST_POS; } *keyword_ty;
typedef struct _alias { identifier name; identifier asname; RP_AST_POS; } *alias_ty;
typedef struct _withitem { expr_ty context_expr; expr_ty optional_vars; } *withitem_ty;
typedef struct _comprehension {
    expr_ty target, iter;
    asdl_seq *ifs;                  /* expr_ty */
    int is_async;
} *comprehension_ty;
typedef struct _excepthandler {
    expr_ty type;                   /* may be NULL */
    identifier name;                /* may be NULL */
    asdl_seq *body;                 /* stmt_ty */
    RP_AST_POS;
} *excepthandler_ty;
typedef struct _match_case { pattern_ty pattern; expr_ty guard; asdl_seq *body; } *match_case_ty;

typedef enum {
    FunctionDef_kind = 1, AsyncFunctionDef_kind, ClassDef_kind, Return_kind,
    Delete_kind, Assign_kind, AugAssign_kind, AnnAssign_kind, For_kind,
    AsyncFor_kind, While_kind, If_kind, With_kind, AsyncWith_kind, Match_kind,
    Raise_kind, Try_kind, TryStar_kind, Assert_kind, Import_kind,
    ImportFrom_kind, Global_kind, Nonlocal_kind, Expr_kind, Pass_kind,
    Break_kind, Continue_kind
} stmt_kind;

struct _stmt {
    stmt_kind kind;
    union {
        struct { identifier name; arguments_ty args; asdl_seq *body, *decorator_list;
                 expr_ty returns; } FunctionDef;          /* also AsyncFunctionDef */
        struct { identifier name; asdl_seq *bases, *keywords, *body, *decorator_list; } ClassDef;
        struct { expr_ty value; } Return;                 /* value may be NULL */
        struct { asdl_seq *targets; } Delete;
        struct { asdl_seq *targets; expr_ty value; } Assign;
        struct { expr_ty target; operator_ty op; expr_ty value; } AugAssign;
        struct { expr_ty target, annotation, value; int simple; } AnnAssign;
        struct { expr_ty target, iter; asdl_seq *body, *orelse; } For; /* also AsyncFor */
        struct { expr_ty test; asdl_seq *body, *orelse; } While;
        struct { expr_ty test; asdl_seq *body, *orelse; } If;
        struct { asdl_seq *items, *body; } With;           /* withitem_ty; also AsyncWith */
        struct { expr_ty subject; asdl_seq *cases; } Match; /* match_case_ty */
        struct { expr_ty exc, cause; } Raise;
        struct { asdl_seq *body, *handlers, *orelse, *finalbody; } Try; /* also TryStar */
        struct { expr_ty test, msg; } Assert;
        struct { asdl_seq *names; } Import;                /* alias_ty */
        struct { identifier module; asdl_seq *names; int level; } ImportFrom;
        struct { asdl_seq *names; } Global;                /* identifier */
        struct { asdl_seq *names; } Nonlocal;
        struct { expr_ty value; } Expr;
    } v;
    RP_AST_POS;
};

typedef enum {
    BoolOp_kind = 1, NamedExpr_kind, BinOp_kind, UnaryOp_kind, Lambda_kind,
    IfExp_kind, Dict_kind, Set_kind, ListComp_kind, SetComp_kind, DictComp_kind,
    GeneratorExp_kind, Await_kind, Yield_kind, YieldFrom_kind, Compare_kind,
    Call_kind, FormattedValue_kind, JoinedStr_kind, Constant_kind,
    Attribute_kind, Subscript_kind, Starred_kind, Name_kind, List_kind,
    Tuple_kind, Slice_kind
} expr_kind;

struct _expr {
    expr_kind kind;
    union {
        struct { boolop_ty op; asdl_seq *values; } BoolOp;
        struct { expr_ty target, value; } NamedExpr;
        struct { expr_ty left; operator_ty op; expr_ty right; } BinOp;
        struct { unaryop_ty op; expr_ty operand; } UnaryOp;
        struct { arguments_ty args; expr_ty body; } Lambda;
        struct { expr_ty test, body, orelse; } IfExp;
        struct { asdl_seq *keys, *values; } Dict;   /* a NULL key means **value */
        struct { asdl_seq *elts; } Set;
        struct { expr_ty elt; asdl_seq *generators; } ListComp;  /* also SetComp, GeneratorExp */
        struct { expr_ty key, value; asdl_seq *generators; } DictComp;
        struct { expr_ty value; } Await;
        struct { expr_ty value; } Yield;             /* value may be NULL */
        struct { expr_ty value; } YieldFrom;
        struct { expr_ty left; int *ops; /* cmpop_ty, n = len(comparators) */
                 asdl_seq *comparators; } Compare;
        struct { expr_ty func; asdl_seq *args, *keywords; } Call;
        struct { expr_ty value; int conversion; /* -1, 's', 'r', 'a' */
                 expr_ty format_spec; } FormattedValue;
        struct { asdl_seq *values; } JoinedStr;
        struct { constant value; RpObject *kind; /* 'u' prefix or NULL */ } Constant;
        struct { expr_ty value; identifier attr; expr_context_ty ctx; } Attribute;
        struct { expr_ty value, slice; expr_context_ty ctx; } Subscript;
        struct { expr_ty value; expr_context_ty ctx; } Starred;
        struct { identifier id; expr_context_ty ctx; } Name;
        struct { asdl_seq *elts; expr_context_ty ctx; } List;  /* also Tuple */
        struct { expr_ty lower, upper, step; } Slice;
    } v;
    RP_AST_POS;
};

typedef enum {
    MatchValue_kind = 1, MatchSingleton_kind, MatchSequence_kind, MatchMapping_kind,
    MatchClass_kind, MatchStar_kind, MatchAs_kind, MatchOr_kind
} pattern_kind;
struct _pattern {
    pattern_kind kind;
    union {
        struct { expr_ty value; } MatchValue;
        struct { constant value; } MatchSingleton;
        struct { asdl_seq *patterns; } MatchSequence;
        struct { asdl_seq *keys, *patterns; identifier rest; } MatchMapping;
        struct { expr_ty cls; asdl_seq *patterns, *kwd_attrs, *kwd_patterns; } MatchClass;
        struct { identifier name; } MatchStar;
        struct { pattern_ty pattern; identifier name; } MatchAs;
        struct { asdl_seq *patterns; } MatchOr;
    } v;
    RP_AST_POS;
};

typedef enum { Module_kind = 1, Interactive_kind, Expression_kind } mod_kind;
typedef struct _mod {
    mod_kind kind;
    asdl_seq *body;      /* stmt_ty for Module and Interactive */
    expr_ty expr;        /* for Expression */
} *mod_ty;

/* Constructors used by the parser are in ast.c; they allocate in the arena
 * and return NULL (MemoryError) on failure. */
stmt_ty RpAST_NewStmt(stmt_kind k, int lineno, int col, int end_lineno, int end_col, RpArena *a);
expr_ty RpAST_NewExpr(expr_kind k, int lineno, int col, int end_lineno, int end_col, RpArena *a);
pattern_ty RpAST_NewPattern(pattern_kind k, int lineno, int col, int end_lineno, int end_col, RpArena *a);
/* Debug dump in the format of Python's ast.dump() (used by tests). */
void RpAST_Dump(mod_ty m, FILE *out);

#endif
