/* ast.c -- the arena that owns a parse tree, node constructors, and
 * RpAST_Dump (the text of Python's ast.dump(), used by the unit tests).
 *
 * The arena is a chain of chunks handed out by bumping a pointer; memory
 * is zeroed so every optional field starts NULL.  Objects the tree refers
 * to (identifiers, constants) are recorded once and released when the
 * arena is freed, so a parse error anywhere never leaks.
 */
#include "rp.h"

#define CHUNK_SIZE 8192

typedef struct chunk {
    struct chunk *next;
    size_t used, size;
    max_align_t data[];   /* CHUNK_SIZE bytes follow */
} chunk;

struct RpArena {
    chunk *head;
    RpObject **objs;
    Rp_ssize_t nobjs, capobjs;
};

RpArena *RpArena_New(void)
{
    RpArena *a = RpMem_Calloc(1, sizeof *a);
    if (a == NULL)
        RpErr_NoMemory();
    return a;
}

void RpArena_Free(RpArena *a)
{
    if (a == NULL)
        return;
    /* objects first, in the order they were added */
    for (Rp_ssize_t i = 0; i < a->nobjs; i++)
        Rp_DECREF(a->objs[i]);
    RpMem_Free(a->objs);
    chunk *c = a->head;
    while (c) {
        chunk *next = c->next;
        RpMem_Free(c);
        c = next;
    }
    RpMem_Free(a);
}

static chunk *new_chunk(size_t size)
{
    chunk *c = RpMem_Malloc(sizeof(chunk) + size);
    if (c == NULL)
        return NULL;
    c->next = NULL;
    c->used = 0;
    c->size = size;
    return c;
}

void *RpArena_Malloc(RpArena *a, size_t n)
{
    size_t align = sizeof(max_align_t);
    n = (n + align - 1) / align * align;
    chunk *c = a->head;
    if (c == NULL || c->size - c->used < n) {
        /* big requests get a chunk of their own behind the current one,
         * so the current chunk's free space is not wasted */
        chunk *fresh = new_chunk(n > CHUNK_SIZE / 4 ? n : CHUNK_SIZE);
        if (fresh == NULL) {
            RpErr_NoMemory();
            return NULL;
        }
        if (c != NULL && n > CHUNK_SIZE / 4) {
            fresh->next = c->next;
            c->next = fresh;
        } else {
            fresh->next = c;
            a->head = fresh;
        }
        c = fresh;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

int RpArena_AddObject(RpArena *a, RpObject *o)
{
    if (a->nobjs == a->capobjs) {
        Rp_ssize_t cap = a->capobjs ? a->capobjs * 2 : 64;
        RpObject **objs = RpMem_Realloc(a->objs, (size_t)cap * sizeof *objs);
        if (objs == NULL) {
            Rp_DECREF(o);
            RpErr_NoMemory();
            return -1;
        }
        a->objs = objs;
        a->capobjs = cap;
    }
    a->objs[a->nobjs++] = o;
    return 0;
}

asdl_seq *asdl_seq_new(Rp_ssize_t n, RpArena *a)
{
    size_t sz = sizeof(asdl_seq) + (n > 0 ? (size_t)(n - 1) : 0) * sizeof(void *);
    asdl_seq *s = RpArena_Malloc(a, sz);
    if (s != NULL)
        s->size = n;
    return s;
}

/* ---- constructors -------------------------------------------------------- */

stmt_ty RpAST_NewStmt(stmt_kind k, int lineno, int col, int end_lineno, int end_col, RpArena *a)
{
    stmt_ty s = RpArena_Malloc(a, sizeof *s);
    if (s == NULL)
        return NULL;
    s->kind = k;
    s->lineno = lineno;
    s->col_offset = col;
    s->end_lineno = end_lineno;
    s->end_col_offset = end_col;
    return s;
}

expr_ty RpAST_NewExpr(expr_kind k, int lineno, int col, int end_lineno, int end_col, RpArena *a)
{
    expr_ty e = RpArena_Malloc(a, sizeof *e);
    if (e == NULL)
        return NULL;
    e->kind = k;
    e->lineno = lineno;
    e->col_offset = col;
    e->end_lineno = end_lineno;
    e->end_col_offset = end_col;
    return e;
}

pattern_ty RpAST_NewPattern(pattern_kind k, int lineno, int col, int end_lineno, int end_col, RpArena *a)
{
    pattern_ty p = RpArena_Malloc(a, sizeof *p);
    if (p == NULL)
        return NULL;
    p->kind = k;
    p->lineno = lineno;
    p->col_offset = col;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col;
    return p;
}

/* ---- RpAST_Dump: ast.dump() without attributes -------------------------- *
 * Every field is written as name=value; an optional field holding None is
 * left out, exactly as ast.dump does; lists are always written. */

typedef struct dumper {
    FILE *out;
    int nfields;    /* fields written in the current node */
} dumper;

static void put(dumper *d, const char *s) { fputs(s, d->out); }

static void field(dumper *d, const char *name)
{
    if (d->nfields++)
        put(d, ", ");
    put(d, name);
    put(d, "=");
}

static void dump_obj(dumper *d, RpObject *o)
{
    if (o == NULL) {
        put(d, "None");
        return;
    }
    RpObject *r = RpObject_Repr(o);
    if (r == NULL) {
        RpErr_Clear();
        put(d, "<?>");
        return;
    }
    put(d, RpUnicode_AsUTF8(r));
    Rp_DECREF(r);
}

static void dump_expr(dumper *d, expr_ty e);
static void dump_stmt(dumper *d, stmt_ty s);
static void dump_pattern(dumper *d, pattern_ty p);

typedef void (*dumpfn)(dumper *, void *);

static void begin(dumper *d, const char *name, int *saved)
{
    put(d, name);
    put(d, "(");
    *saved = d->nfields;
    d->nfields = 0;
}

static void end(dumper *d, int saved)
{
    put(d, ")");
    d->nfields = saved;
}

static void dump_seq(dumper *d, asdl_seq *s, dumpfn fn)
{
    put(d, "[");
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(s); i++) {
        if (i)
            put(d, ", ");
        void *x = asdl_seq_GET(s, i);
        if (x == NULL)
            put(d, "None");
        else
            fn(d, x);
    }
    put(d, "]");
}

static void d_expr(dumper *d, void *x) { dump_expr(d, x); }
static void d_stmt(dumper *d, void *x) { dump_stmt(d, x); }
static void d_pattern(dumper *d, void *x) { dump_pattern(d, x); }
static void d_obj(dumper *d, void *x) { dump_obj(d, x); }

static void f_expr(dumper *d, const char *name, expr_ty e, int optional)
{
    if (e == NULL && optional)
        return;
    field(d, name);
    if (e == NULL)
        put(d, "None");
    else
        dump_expr(d, e);
}

static void f_seq(dumper *d, const char *name, asdl_seq *s, dumpfn fn)
{
    field(d, name);
    dump_seq(d, s, fn);
}

static void f_obj(dumper *d, const char *name, RpObject *o, int optional)
{
    if (o == NULL && optional)
        return;
    field(d, name);
    dump_obj(d, o);
}

static void f_int(dumper *d, const char *name, int v)
{
    field(d, name);
    fprintf(d->out, "%d", v);
}

static void f_word(dumper *d, const char *name, const char *word)
{
    field(d, name);
    put(d, word);
    put(d, "()");
}

static const char *const ctx_names[] = { "?", "Load", "Store", "Del" };
static const char *const boolop_names[] = { "?", "And", "Or" };
static const char *const op_names[] = { "?", "Add", "Sub", "Mult", "MatMult", "Div", "Mod",
    "Pow", "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv" };
static const char *const unop_names[] = { "?", "Invert", "Not", "UAdd", "USub" };
static const char *const cmp_names[] = { "?", "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE",
    "Is", "IsNot", "In", "NotIn" };

static void dump_arg(dumper *d, void *x)
{
    arg_ty a = x;
    int sv;
    begin(d, "arg", &sv);
    f_obj(d, "arg", a->arg, 0);
    f_expr(d, "annotation", a->annotation, 1);
    end(d, sv);
}

static void f_arg(dumper *d, const char *name, arg_ty a)
{
    if (a == NULL)
        return;
    field(d, name);
    dump_arg(d, a);
}

static void dump_arguments(dumper *d, arguments_ty a)
{
    int sv;
    begin(d, "arguments", &sv);
    f_seq(d, "posonlyargs", a->posonlyargs, dump_arg);
    f_seq(d, "args", a->args, dump_arg);
    f_arg(d, "vararg", a->vararg);
    f_seq(d, "kwonlyargs", a->kwonlyargs, dump_arg);
    f_seq(d, "kw_defaults", a->kw_defaults, d_expr);
    f_arg(d, "kwarg", a->kwarg);
    f_seq(d, "defaults", a->defaults, d_expr);
    end(d, sv);
}

static void dump_keyword(dumper *d, void *x)
{
    keyword_ty k = x;
    int sv;
    begin(d, "keyword", &sv);
    f_obj(d, "arg", k->arg, 1);
    f_expr(d, "value", k->value, 0);
    end(d, sv);
}

static void dump_alias(dumper *d, void *x)
{
    alias_ty a = x;
    int sv;
    begin(d, "alias", &sv);
    f_obj(d, "name", a->name, 0);
    f_obj(d, "asname", a->asname, 1);
    end(d, sv);
}

static void dump_withitem(dumper *d, void *x)
{
    withitem_ty w = x;
    int sv;
    begin(d, "withitem", &sv);
    f_expr(d, "context_expr", w->context_expr, 0);
    f_expr(d, "optional_vars", w->optional_vars, 1);
    end(d, sv);
}

static void dump_comprehension(dumper *d, void *x)
{
    comprehension_ty c = x;
    int sv;
    begin(d, "comprehension", &sv);
    f_expr(d, "target", c->target, 0);
    f_expr(d, "iter", c->iter, 0);
    f_seq(d, "ifs", c->ifs, d_expr);
    f_int(d, "is_async", c->is_async);
    end(d, sv);
}

static void dump_handler(dumper *d, void *x)
{
    excepthandler_ty h = x;
    int sv;
    begin(d, "ExceptHandler", &sv);
    f_expr(d, "type", h->type, 1);
    f_obj(d, "name", h->name, 1);
    f_seq(d, "body", h->body, d_stmt);
    end(d, sv);
}

static void dump_case(dumper *d, void *x)
{
    match_case_ty c = x;
    int sv;
    begin(d, "match_case", &sv);
    field(d, "pattern");
    dump_pattern(d, c->pattern);
    f_expr(d, "guard", c->guard, 1);
    f_seq(d, "body", c->body, d_stmt);
    end(d, sv);
}

static void dump_ops(dumper *d, expr_ty e)
{
    field(d, "ops");
    put(d, "[");
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(e->v.Compare.comparators); i++) {
        if (i)
            put(d, ", ");
        put(d, cmp_names[e->v.Compare.ops[i]]);
        put(d, "()");
    }
    put(d, "]");
}

static const char *const expr_names[] = { "?", "BoolOp", "NamedExpr", "BinOp", "UnaryOp",
    "Lambda", "IfExp", "Dict", "Set", "ListComp", "SetComp", "DictComp", "GeneratorExp",
    "Await", "Yield", "YieldFrom", "Compare", "Call", "FormattedValue", "JoinedStr",
    "Constant", "Attribute", "Subscript", "Starred", "Name", "List", "Tuple", "Slice" };

/* the fields of the expression kinds that contain only other expressions */
static void dump_expr_fields(dumper *d, expr_ty e)
{
    switch (e->kind) {
    case BoolOp_kind:
        f_word(d, "op", boolop_names[e->v.BoolOp.op]);
        f_seq(d, "values", e->v.BoolOp.values, d_expr);
        break;
    case NamedExpr_kind:
        f_expr(d, "target", e->v.NamedExpr.target, 0);
        f_expr(d, "value", e->v.NamedExpr.value, 0);
        break;
    case BinOp_kind:
        f_expr(d, "left", e->v.BinOp.left, 0);
        f_word(d, "op", op_names[e->v.BinOp.op]);
        f_expr(d, "right", e->v.BinOp.right, 0);
        break;
    case UnaryOp_kind:
        f_word(d, "op", unop_names[e->v.UnaryOp.op]);
        f_expr(d, "operand", e->v.UnaryOp.operand, 0);
        break;
    case Lambda_kind:
        field(d, "args");
        dump_arguments(d, e->v.Lambda.args);
        f_expr(d, "body", e->v.Lambda.body, 0);
        break;
    case IfExp_kind:
        f_expr(d, "test", e->v.IfExp.test, 0);
        f_expr(d, "body", e->v.IfExp.body, 0);
        f_expr(d, "orelse", e->v.IfExp.orelse, 0);
        break;
    case Dict_kind:
        f_seq(d, "keys", e->v.Dict.keys, d_expr);
        f_seq(d, "values", e->v.Dict.values, d_expr);
        break;
    case Set_kind:
        f_seq(d, "elts", e->v.Set.elts, d_expr);
        break;
    case ListComp_kind: case SetComp_kind: case GeneratorExp_kind:
        f_expr(d, "elt", e->v.ListComp.elt, 0);
        f_seq(d, "generators", e->v.ListComp.generators, dump_comprehension);
        break;
    case DictComp_kind:
        f_expr(d, "key", e->v.DictComp.key, 0);
        f_expr(d, "value", e->v.DictComp.value, 0);
        f_seq(d, "generators", e->v.DictComp.generators, dump_comprehension);
        break;
    case Await_kind: case YieldFrom_kind:
        f_expr(d, "value", e->v.Await.value, 0);
        break;
    case Yield_kind:
        f_expr(d, "value", e->v.Yield.value, 1);
        break;
    case Compare_kind:
        f_expr(d, "left", e->v.Compare.left, 0);
        dump_ops(d, e);
        f_seq(d, "comparators", e->v.Compare.comparators, d_expr);
        break;
    default:
        break;
    }
}

static void dump_expr(dumper *d, expr_ty e)
{
    int sv;
    begin(d, expr_names[e->kind], &sv);
    switch (e->kind) {
    case Call_kind:
        f_expr(d, "func", e->v.Call.func, 0);
        f_seq(d, "args", e->v.Call.args, d_expr);
        f_seq(d, "keywords", e->v.Call.keywords, dump_keyword);
        break;
    case FormattedValue_kind:
        f_expr(d, "value", e->v.FormattedValue.value, 0);
        f_int(d, "conversion", e->v.FormattedValue.conversion);
        f_expr(d, "format_spec", e->v.FormattedValue.format_spec, 1);
        break;
    case JoinedStr_kind:
        f_seq(d, "values", e->v.JoinedStr.values, d_expr);
        break;
    case Constant_kind:
        f_obj(d, "value", e->v.Constant.value, 0);
        f_obj(d, "kind", e->v.Constant.kind, 1);
        break;
    case Attribute_kind:
        f_expr(d, "value", e->v.Attribute.value, 0);
        f_obj(d, "attr", e->v.Attribute.attr, 0);
        f_word(d, "ctx", ctx_names[e->v.Attribute.ctx]);
        break;
    case Subscript_kind:
        f_expr(d, "value", e->v.Subscript.value, 0);
        f_expr(d, "slice", e->v.Subscript.slice, 0);
        f_word(d, "ctx", ctx_names[e->v.Subscript.ctx]);
        break;
    case Starred_kind:
        f_expr(d, "value", e->v.Starred.value, 0);
        f_word(d, "ctx", ctx_names[e->v.Starred.ctx]);
        break;
    case Name_kind:
        f_obj(d, "id", e->v.Name.id, 0);
        f_word(d, "ctx", ctx_names[e->v.Name.ctx]);
        break;
    case List_kind: case Tuple_kind:
        f_seq(d, "elts", e->v.List.elts, d_expr);
        f_word(d, "ctx", ctx_names[e->v.List.ctx]);
        break;
    case Slice_kind:
        f_expr(d, "lower", e->v.Slice.lower, 1);
        f_expr(d, "upper", e->v.Slice.upper, 1);
        f_expr(d, "step", e->v.Slice.step, 1);
        break;
    default:
        dump_expr_fields(d, e);
        break;
    }
    end(d, sv);
}

static const char *const stmt_names[] = { "?", "FunctionDef", "AsyncFunctionDef", "ClassDef",
    "Return", "Delete", "Assign", "AugAssign", "AnnAssign", "For", "AsyncFor", "While", "If",
    "With", "AsyncWith", "Match", "Raise", "Try", "TryStar", "Assert", "Import", "ImportFrom",
    "Global", "Nonlocal", "Expr", "Pass", "Break", "Continue" };

/* compound statements */
static void dump_compound(dumper *d, stmt_ty s)
{
    switch (s->kind) {
    case FunctionDef_kind: case AsyncFunctionDef_kind:
        f_obj(d, "name", s->v.FunctionDef.name, 0);
        field(d, "args");
        dump_arguments(d, s->v.FunctionDef.args);
        f_seq(d, "body", s->v.FunctionDef.body, d_stmt);
        f_seq(d, "decorator_list", s->v.FunctionDef.decorator_list, d_expr);
        f_expr(d, "returns", s->v.FunctionDef.returns, 1);
        break;
    case ClassDef_kind:
        f_obj(d, "name", s->v.ClassDef.name, 0);
        f_seq(d, "bases", s->v.ClassDef.bases, d_expr);
        f_seq(d, "keywords", s->v.ClassDef.keywords, dump_keyword);
        f_seq(d, "body", s->v.ClassDef.body, d_stmt);
        f_seq(d, "decorator_list", s->v.ClassDef.decorator_list, d_expr);
        break;
    case For_kind: case AsyncFor_kind:
        f_expr(d, "target", s->v.For.target, 0);
        f_expr(d, "iter", s->v.For.iter, 0);
        f_seq(d, "body", s->v.For.body, d_stmt);
        f_seq(d, "orelse", s->v.For.orelse, d_stmt);
        break;
    case While_kind: case If_kind:
        f_expr(d, "test", s->v.While.test, 0);
        f_seq(d, "body", s->v.While.body, d_stmt);
        f_seq(d, "orelse", s->v.While.orelse, d_stmt);
        break;
    case With_kind: case AsyncWith_kind:
        f_seq(d, "items", s->v.With.items, dump_withitem);
        f_seq(d, "body", s->v.With.body, d_stmt);
        break;
    case Match_kind:
        f_expr(d, "subject", s->v.Match.subject, 0);
        f_seq(d, "cases", s->v.Match.cases, dump_case);
        break;
    case Try_kind: case TryStar_kind:
        f_seq(d, "body", s->v.Try.body, d_stmt);
        f_seq(d, "handlers", s->v.Try.handlers, dump_handler);
        f_seq(d, "orelse", s->v.Try.orelse, d_stmt);
        f_seq(d, "finalbody", s->v.Try.finalbody, d_stmt);
        break;
    default:
        break;
    }
}

static void dump_stmt(dumper *d, stmt_ty s)
{
    int sv;
    begin(d, stmt_names[s->kind], &sv);
    switch (s->kind) {
    case Return_kind:
        f_expr(d, "value", s->v.Return.value, 1);
        break;
    case Delete_kind:
        f_seq(d, "targets", s->v.Delete.targets, d_expr);
        break;
    case Assign_kind:
        f_seq(d, "targets", s->v.Assign.targets, d_expr);
        f_expr(d, "value", s->v.Assign.value, 0);
        break;
    case AugAssign_kind:
        f_expr(d, "target", s->v.AugAssign.target, 0);
        f_word(d, "op", op_names[s->v.AugAssign.op]);
        f_expr(d, "value", s->v.AugAssign.value, 0);
        break;
    case AnnAssign_kind:
        f_expr(d, "target", s->v.AnnAssign.target, 0);
        f_expr(d, "annotation", s->v.AnnAssign.annotation, 0);
        f_expr(d, "value", s->v.AnnAssign.value, 1);
        f_int(d, "simple", s->v.AnnAssign.simple);
        break;
    case Raise_kind:
        f_expr(d, "exc", s->v.Raise.exc, 1);
        f_expr(d, "cause", s->v.Raise.cause, 1);
        break;
    case Assert_kind:
        f_expr(d, "test", s->v.Assert.test, 0);
        f_expr(d, "msg", s->v.Assert.msg, 1);
        break;
    case Import_kind:
        f_seq(d, "names", s->v.Import.names, dump_alias);
        break;
    case ImportFrom_kind:
        f_obj(d, "module", s->v.ImportFrom.module, 1);
        f_seq(d, "names", s->v.ImportFrom.names, dump_alias);
        f_int(d, "level", s->v.ImportFrom.level);
        break;
    case Global_kind: case Nonlocal_kind:
        f_seq(d, "names", s->v.Global.names, d_obj);
        break;
    case Expr_kind:
        f_expr(d, "value", s->v.Expr.value, 0);
        break;
    default:
        dump_compound(d, s);
        break;
    }
    end(d, sv);
}

static void dump_pattern(dumper *d, pattern_ty p)
{
    static const char *const names[] = { "?", "MatchValue", "MatchSingleton", "MatchSequence",
        "MatchMapping", "MatchClass", "MatchStar", "MatchAs", "MatchOr" };
    int sv;
    begin(d, names[p->kind], &sv);
    switch (p->kind) {
    case MatchValue_kind:
        f_expr(d, "value", p->v.MatchValue.value, 0);
        break;
    case MatchSingleton_kind:
        f_obj(d, "value", p->v.MatchSingleton.value, 0);
        break;
    case MatchSequence_kind: case MatchOr_kind:
        f_seq(d, "patterns", p->v.MatchSequence.patterns, d_pattern);
        break;
    case MatchMapping_kind:
        f_seq(d, "keys", p->v.MatchMapping.keys, d_expr);
        f_seq(d, "patterns", p->v.MatchMapping.patterns, d_pattern);
        f_obj(d, "rest", p->v.MatchMapping.rest, 1);
        break;
    case MatchClass_kind:
        f_expr(d, "cls", p->v.MatchClass.cls, 0);
        f_seq(d, "patterns", p->v.MatchClass.patterns, d_pattern);
        f_seq(d, "kwd_attrs", p->v.MatchClass.kwd_attrs, d_obj);
        f_seq(d, "kwd_patterns", p->v.MatchClass.kwd_patterns, d_pattern);
        break;
    case MatchStar_kind:
        f_obj(d, "name", p->v.MatchStar.name, 1);
        break;
    case MatchAs_kind:
        if (p->v.MatchAs.pattern) {
            field(d, "pattern");
            dump_pattern(d, p->v.MatchAs.pattern);
        }
        f_obj(d, "name", p->v.MatchAs.name, 1);
        break;
    }
    end(d, sv);
}

void RpAST_Dump(mod_ty m, FILE *out)
{
    dumper d = { out, 0 };
    int sv;
    if (m->kind == Expression_kind) {
        begin(&d, "Expression", &sv);
        f_expr(&d, "body", m->expr, 0);
    } else if (m->kind == Interactive_kind) {
        begin(&d, "Interactive", &sv);
        f_seq(&d, "body", m->body, d_stmt);
    } else {
        begin(&d, "Module", &sv);
        f_seq(&d, "body", m->body, d_stmt);
        field(&d, "type_ignores");
        put(&d, "[]");
    }
    end(&d, sv);
}
