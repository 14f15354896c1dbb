/* astmodule.c -- `_ast`: refpy's own parser exposed to lib/ast.py.
 *
 * _ast.parse(source, filename, mode) runs the compiler's parser
 * (src/compiler/parser.c) and converts its arena tree into plain Python
 * data that ast.py turns into node objects:
 *
 *     node     -> (class_name, position, field0, field1, ...)
 *                 position = (lineno, col_offset, end_lineno, end_col_offset)
 *                 or None for nodes without one; fields in the order of
 *                 the class's _fields in Python 3.11's ast module
 *     sequence -> list;  absent optional -> None
 *     operator -> (name, None), e.g. ('Add', None)
 *
 * Identifiers and constants are passed through (new references: the arena
 * owns the originals and is freed before returning).  Converters return
 * a new reference or NULL with an exception set.
 */
#include "rp.h"
#include <stdarg.h>

typedef RpObject *(*conv_fn)(void *);

/* (name, pos, fields...) from n new references (stolen, NULL = failed). */
static RpObject *node(const char *name, RpObject *pos, int n, ...)
{
    va_list ap;
    RpObject *t = RpTuple_New(n + 2);
    RpObject *s = RpUnicode_InternFromString(name);
    int bad = t == NULL || s == NULL || pos == NULL;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        RpObject *f = va_arg(ap, RpObject *);
        if (f == NULL || bad) {
            bad = 1;
            Rp_XDECREF(f);
        } else {
            RpTuple_SET_ITEM(t, i + 2, f);
        }
    }
    va_end(ap);
    if (bad) {
        Rp_XDECREF(t);   /* unset slots are NULL: the tuple dealloc skips them */
        Rp_XDECREF(s);
        Rp_XDECREF(pos);
        return NULL;
    }
    RpTuple_SET_ITEM(t, 0, s);
    RpTuple_SET_ITEM(t, 1, pos);
    return t;
}

static RpObject *pos4(int a, int b, int c, int d)
{
    RpObject *v[4] = {RpLong_FromLong(a), RpLong_FromLong(b), RpLong_FromLong(c),
                      RpLong_FromLong(d)};
    RpObject *t = v[0] && v[1] && v[2] && v[3] ? RpTuple_Pack(4, v[0], v[1], v[2], v[3]) : NULL;
    for (int i = 0; i < 4; i++)
        Rp_XDECREF(v[i]);
    return t;
}

#define POS(x) pos4((x)->lineno, (x)->col_offset, (x)->end_lineno, (x)->end_col_offset)
#define NOPOS() Rp_NewRef(Rp_None)

/* An identifier, constant or other object of the tree; None for NULL. */
static RpObject *obj(RpObject *o)
{
    return Rp_NewRef(o ? o : Rp_None);
}

static RpObject *integer(long v)
{
    return RpLong_FromLong(v);
}

static RpObject *seq(asdl_seq *s, conv_fn conv)
{
    Rp_ssize_t n = asdl_seq_LEN(s);
    RpObject *list = RpList_New(n);
    for (Rp_ssize_t i = 0; list != NULL && i < n; i++) {
        void *e = asdl_seq_GET(s, i);
        RpObject *item = e ? conv(e) : Rp_NewRef(Rp_None);
        if (item == NULL)
            Rp_CLEAR(list);
        else
            RpList_SET_ITEM(list, i, item);
    }
    return list;
}

static RpObject *op_named(const char *name)
{
    return node(name, NOPOS(), 0);
}

static const char *const ctx_names[] = {"?", "Load", "Store", "Del"};
static const char *const boolop_names[] = {"?", "And", "Or"};
static const char *const operator_names[] = {"?", "Add", "Sub", "Mult", "MatMult", "Div",
    "Mod", "Pow", "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"};
static const char *const unaryop_names[] = {"?", "Invert", "Not", "UAdd", "USub"};
static const char *const cmpop_names[] = {"?", "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE",
    "Is", "IsNot", "In", "NotIn"};

static RpObject *conv_expr(void *p);
static RpObject *conv_stmt(void *p);
static RpObject *conv_pattern(void *p);

static RpObject *ex(expr_ty e)
{
    return e ? conv_expr(e) : Rp_NewRef(Rp_None);
}

static RpObject *conv_arg(void *p)
{
    arg_ty a = p;
    return node("arg", POS(a), 3, obj(a->arg), ex(a->annotation), obj(NULL));
}

static RpObject *opt_arg(arg_ty a)
{
    return a ? conv_arg(a) : Rp_NewRef(Rp_None);
}

static RpObject *conv_arguments(arguments_ty a)
{
    return node("arguments", NOPOS(), 7, seq(a->posonlyargs, conv_arg), seq(a->args, conv_arg),
                opt_arg(a->vararg), seq(a->kwonlyargs, conv_arg),
                seq(a->kw_defaults, conv_expr), opt_arg(a->kwarg),
                seq(a->defaults, conv_expr));
}

static RpObject *conv_keyword(void *p)
{
    keyword_ty k = p;
    return node("keyword", POS(k), 2, obj(k->arg), ex(k->value));
}

static RpObject *conv_alias(void *p)
{
    alias_ty a = p;
    return node("alias", POS(a), 2, obj(a->name), obj(a->asname));
}

static RpObject *conv_withitem(void *p)
{
    withitem_ty w = p;
    return node("withitem", NOPOS(), 2, ex(w->context_expr), ex(w->optional_vars));
}

static RpObject *conv_comprehension(void *p)
{
    comprehension_ty c = p;
    return node("comprehension", NOPOS(), 4, ex(c->target), ex(c->iter),
                seq(c->ifs, conv_expr), integer(c->is_async));
}

static RpObject *conv_handler(void *p)
{
    excepthandler_ty h = p;
    return node("ExceptHandler", POS(h), 3, ex(h->type), obj(h->name),
                seq(h->body, conv_stmt));
}

static RpObject *conv_match_case(void *p)
{
    match_case_ty m = p;
    return node("match_case", NOPOS(), 3, conv_pattern(m->pattern), ex(m->guard),
                seq(m->body, conv_stmt));
}

static RpObject *conv_ident(void *p)
{
    return obj((RpObject *)p);
}

/* Compare's operators are a plain int array, one per comparator. */
static RpObject *cmp_ops(int *ops, Rp_ssize_t n)
{
    RpObject *list = RpList_New(n);
    for (Rp_ssize_t i = 0; list != NULL && i < n; i++) {
        RpObject *o = op_named(cmpop_names[ops[i]]);
        if (o == NULL)
            Rp_CLEAR(list);
        else
            RpList_SET_ITEM(list, i, o);
    }
    return list;
}

/* Expressions whose fields are (elt, generators): the comprehensions. */
static RpObject *comp_expr(expr_ty e, const char *name)
{
    return node(name, POS(e), 2, ex(e->v.ListComp.elt),
                seq(e->v.ListComp.generators, conv_comprehension));
}

static RpObject *ctx(expr_context_ty c)
{
    return op_named(ctx_names[c]);
}

static RpObject *conv_expr_ops(expr_ty e)
{
    switch (e->kind) {
    case BoolOp_kind:
        return node("BoolOp", POS(e), 2, op_named(boolop_names[e->v.BoolOp.op]),
                    seq(e->v.BoolOp.values, conv_expr));
    case BinOp_kind:
        return node("BinOp", POS(e), 3, ex(e->v.BinOp.left),
                    op_named(operator_names[e->v.BinOp.op]), ex(e->v.BinOp.right));
    case UnaryOp_kind:
        return node("UnaryOp", POS(e), 2, op_named(unaryop_names[e->v.UnaryOp.op]),
                    ex(e->v.UnaryOp.operand));
    case Compare_kind:
        return node("Compare", POS(e), 3, ex(e->v.Compare.left),
                    cmp_ops(e->v.Compare.ops, asdl_seq_LEN(e->v.Compare.comparators)),
                    seq(e->v.Compare.comparators, conv_expr));
    case NamedExpr_kind:
        return node("NamedExpr", POS(e), 2, ex(e->v.NamedExpr.target), ex(e->v.NamedExpr.value));
    case IfExp_kind:
        return node("IfExp", POS(e), 3, ex(e->v.IfExp.test), ex(e->v.IfExp.body),
                    ex(e->v.IfExp.orelse));
    case Lambda_kind:
        return node("Lambda", POS(e), 2, conv_arguments(e->v.Lambda.args), ex(e->v.Lambda.body));
    default:
        return NULL;
    }
}

static RpObject *conv_expr_displays(expr_ty e)
{
    switch (e->kind) {
    case Dict_kind:
        return node("Dict", POS(e), 2, seq(e->v.Dict.keys, conv_expr),
                    seq(e->v.Dict.values, conv_expr));
    case Set_kind:
        return node("Set", POS(e), 1, seq(e->v.Set.elts, conv_expr));
    case List_kind:
        return node("List", POS(e), 2, seq(e->v.List.elts, conv_expr), ctx(e->v.List.ctx));
    case Tuple_kind:
        return node("Tuple", POS(e), 2, seq(e->v.List.elts, conv_expr), ctx(e->v.List.ctx));
    case ListComp_kind:
        return comp_expr(e, "ListComp");
    case SetComp_kind:
        return comp_expr(e, "SetComp");
    case GeneratorExp_kind:
        return comp_expr(e, "GeneratorExp");
    case DictComp_kind:
        return node("DictComp", POS(e), 3, ex(e->v.DictComp.key), ex(e->v.DictComp.value),
                    seq(e->v.DictComp.generators, conv_comprehension));
    default:
        return NULL;
    }
}

static RpObject *conv_expr_rest(expr_ty e)
{
    switch (e->kind) {
    case Await_kind:
        return node("Await", POS(e), 1, ex(e->v.Await.value));
    case Yield_kind:
        return node("Yield", POS(e), 1, ex(e->v.Yield.value));
    case YieldFrom_kind:
        return node("YieldFrom", POS(e), 1, ex(e->v.YieldFrom.value));
    case Call_kind:
        return node("Call", POS(e), 3, ex(e->v.Call.func), seq(e->v.Call.args, conv_expr),
                    seq(e->v.Call.keywords, conv_keyword));
    case FormattedValue_kind:
        return node("FormattedValue", POS(e), 3, ex(e->v.FormattedValue.value),
                    integer(e->v.FormattedValue.conversion), ex(e->v.FormattedValue.format_spec));
    case JoinedStr_kind:
        return node("JoinedStr", POS(e), 1, seq(e->v.JoinedStr.values, conv_expr));
    case Constant_kind:
        return node("Constant", POS(e), 2, obj(e->v.Constant.value), obj(e->v.Constant.kind));
    case Attribute_kind:
        return node("Attribute", POS(e), 3, ex(e->v.Attribute.value), obj(e->v.Attribute.attr),
                    ctx(e->v.Attribute.ctx));
    case Subscript_kind:
        return node("Subscript", POS(e), 3, ex(e->v.Subscript.value), ex(e->v.Subscript.slice),
                    ctx(e->v.Subscript.ctx));
    case Starred_kind:
        return node("Starred", POS(e), 2, ex(e->v.Starred.value), ctx(e->v.Starred.ctx));
    case Name_kind:
        return node("Name", POS(e), 2, obj(e->v.Name.id), ctx(e->v.Name.ctx));
    case Slice_kind:
        return node("Slice", POS(e), 3, ex(e->v.Slice.lower), ex(e->v.Slice.upper),
                    ex(e->v.Slice.step));
    default:
        return NULL;
    }
}

static RpObject *conv_expr(void *p)
{
    expr_ty e = p;
    RpObject *r = conv_expr_ops(e);
    if (r == NULL && !RpErr_Occurred())
        r = conv_expr_displays(e);
    if (r == NULL && !RpErr_Occurred())
        r = conv_expr_rest(e);
    if (r == NULL && !RpErr_Occurred())
        RpErr_Format(RpExc_SystemError, "_ast: unknown expression kind %d", (int)e->kind);
    return r;
}

/* ---- statements ---- */

static RpObject *body(asdl_seq *s)
{
    return seq(s, conv_stmt);
}

static RpObject *conv_stmt_defs(stmt_ty s)
{
    switch (s->kind) {
    case FunctionDef_kind:
    case AsyncFunctionDef_kind:
        return node(s->kind == FunctionDef_kind ? "FunctionDef" : "AsyncFunctionDef", POS(s), 6,
                    obj(s->v.FunctionDef.name), conv_arguments(s->v.FunctionDef.args),
                    body(s->v.FunctionDef.body), seq(s->v.FunctionDef.decorator_list, conv_expr),
                    ex(s->v.FunctionDef.returns), obj(NULL));
    case ClassDef_kind:
        return node("ClassDef", POS(s), 5, obj(s->v.ClassDef.name),
                    seq(s->v.ClassDef.bases, conv_expr), seq(s->v.ClassDef.keywords, conv_keyword),
                    body(s->v.ClassDef.body), seq(s->v.ClassDef.decorator_list, conv_expr));
    case Return_kind:
        return node("Return", POS(s), 1, ex(s->v.Return.value));
    case Delete_kind:
        return node("Delete", POS(s), 1, seq(s->v.Delete.targets, conv_expr));
    case Assign_kind:
        return node("Assign", POS(s), 3, seq(s->v.Assign.targets, conv_expr),
                    ex(s->v.Assign.value), obj(NULL));
    case AugAssign_kind:
        return node("AugAssign", POS(s), 3, ex(s->v.AugAssign.target),
                    op_named(operator_names[s->v.AugAssign.op]), ex(s->v.AugAssign.value));
    case AnnAssign_kind:
        return node("AnnAssign", POS(s), 4, ex(s->v.AnnAssign.target),
                    ex(s->v.AnnAssign.annotation), ex(s->v.AnnAssign.value),
                    integer(s->v.AnnAssign.simple));
    default:
        return NULL;
    }
}

static RpObject *conv_stmt_blocks(stmt_ty s)
{
    switch (s->kind) {
    case For_kind:
    case AsyncFor_kind:
        return node(s->kind == For_kind ? "For" : "AsyncFor", POS(s), 5, ex(s->v.For.target),
                    ex(s->v.For.iter), body(s->v.For.body), body(s->v.For.orelse), obj(NULL));
    case While_kind:
        return node("While", POS(s), 3, ex(s->v.While.test), body(s->v.While.body),
                    body(s->v.While.orelse));
    case If_kind:
        return node("If", POS(s), 3, ex(s->v.If.test), body(s->v.If.body), body(s->v.If.orelse));
    case With_kind:
    case AsyncWith_kind:
        return node(s->kind == With_kind ? "With" : "AsyncWith", POS(s), 3,
                    seq(s->v.With.items, conv_withitem), body(s->v.With.body), obj(NULL));
    case Match_kind:
        return node("Match", POS(s), 2, ex(s->v.Match.subject),
                    seq(s->v.Match.cases, conv_match_case));
    case Try_kind:
    case TryStar_kind:
        return node(s->kind == Try_kind ? "Try" : "TryStar", POS(s), 4, body(s->v.Try.body),
                    seq(s->v.Try.handlers, conv_handler), body(s->v.Try.orelse),
                    body(s->v.Try.finalbody));
    default:
        return NULL;
    }
}

static RpObject *conv_stmt_simple(stmt_ty s)
{
    switch (s->kind) {
    case Raise_kind:
        return node("Raise", POS(s), 2, ex(s->v.Raise.exc), ex(s->v.Raise.cause));
    case Assert_kind:
        return node("Assert", POS(s), 2, ex(s->v.Assert.test), ex(s->v.Assert.msg));
    case Import_kind:
        return node("Import", POS(s), 1, seq(s->v.Import.names, conv_alias));
    case ImportFrom_kind:
        return node("ImportFrom", POS(s), 3, obj(s->v.ImportFrom.module),
                    seq(s->v.ImportFrom.names, conv_alias), integer(s->v.ImportFrom.level));
    case Global_kind:
        return node("Global", POS(s), 1, seq(s->v.Global.names, conv_ident));
    case Nonlocal_kind:
        return node("Nonlocal", POS(s), 1, seq(s->v.Nonlocal.names, conv_ident));
    case Expr_kind:
        return node("Expr", POS(s), 1, ex(s->v.Expr.value));
    case Pass_kind:
        return node("Pass", POS(s), 0);
    case Break_kind:
        return node("Break", POS(s), 0);
    case Continue_kind:
        return node("Continue", POS(s), 0);
    default:
        return NULL;
    }
}

static RpObject *conv_stmt(void *p)
{
    stmt_ty s = p;
    RpObject *r = conv_stmt_defs(s);
    if (r == NULL && !RpErr_Occurred())
        r = conv_stmt_blocks(s);
    if (r == NULL && !RpErr_Occurred())
        r = conv_stmt_simple(s);
    if (r == NULL && !RpErr_Occurred())
        RpErr_Format(RpExc_SystemError, "_ast: unknown statement kind %d", (int)s->kind);
    return r;
}

/* ---- patterns ---- */

static RpObject *pat(pattern_ty p)
{
    return p ? conv_pattern(p) : Rp_NewRef(Rp_None);
}

static RpObject *conv_pattern(void *vp)
{
    pattern_ty p = vp;
    switch (p->kind) {
    case MatchValue_kind:
        return node("MatchValue", POS(p), 1, ex(p->v.MatchValue.value));
    case MatchSingleton_kind:
        return node("MatchSingleton", POS(p), 1, obj(p->v.MatchSingleton.value));
    case MatchSequence_kind:
        return node("MatchSequence", POS(p), 1, seq(p->v.MatchSequence.patterns, conv_pattern));
    case MatchMapping_kind:
        return node("MatchMapping", POS(p), 3, seq(p->v.MatchMapping.keys, conv_expr),
                    seq(p->v.MatchMapping.patterns, conv_pattern), obj(p->v.MatchMapping.rest));
    case MatchClass_kind:
        return node("MatchClass", POS(p), 4, ex(p->v.MatchClass.cls),
                    seq(p->v.MatchClass.patterns, conv_pattern),
                    seq(p->v.MatchClass.kwd_attrs, conv_ident),
                    seq(p->v.MatchClass.kwd_patterns, conv_pattern));
    case MatchStar_kind:
        return node("MatchStar", POS(p), 1, obj(p->v.MatchStar.name));
    case MatchAs_kind:
        return node("MatchAs", POS(p), 2, pat(p->v.MatchAs.pattern), obj(p->v.MatchAs.name));
    case MatchOr_kind:
        return node("MatchOr", POS(p), 1, seq(p->v.MatchOr.patterns, conv_pattern));
    }
    return RpErr_Format(RpExc_SystemError, "_ast: unknown pattern kind %d", (int)p->kind);
}

static RpObject *conv_mod(mod_ty m)
{
    switch (m->kind) {
    case Module_kind:
        return node("Module", NOPOS(), 2, body(m->body), RpList_New(0));
    case Interactive_kind:
        return node("Interactive", NOPOS(), 1, body(m->body));
    case Expression_kind:
        return node("Expression", NOPOS(), 1, ex(m->expr));
    }
    return RpErr_Format(RpExc_SystemError, "_ast: unknown module kind %d", (int)m->kind);
}

static int mode_arg(RpObject *o, RpCompileMode *mode)
{
    const char *s = o ? RpUnicode_AsUTF8(o) : "exec";
    if (s == NULL)
        return -1;
    if (strcmp(s, "exec") == 0)
        *mode = RP_FILE_INPUT;
    else if (strcmp(s, "eval") == 0)
        *mode = RP_EVAL_INPUT;
    else if (strcmp(s, "single") == 0)
        *mode = RP_SINGLE_INPUT;
    else {
        RpErr_SetString(RpExc_ValueError,
                        "compile() mode must be 'exec', 'eval', 'single' or 'func_type'");
        return -1;
    }
    return 0;
}

/* parse(source, filename='<unknown>', mode='exec') -> the tuple tree. */
static RpObject *ast_parse(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                           RpObject *kwnames)
{
    static const char *const names[] = {"source", "filename", "mode", NULL};
    RpObject *a[3] = {NULL};
    if (_RpArg_ParseVector("parse", args, nargs, kwnames, names, 3, 1, a) < 0)
        return NULL;
    Rp_ssize_t len;
    const char *src = RpBytes_Check(a[0]) ? RpBytes_AS_STRING(a[0])
                                          : RpUnicode_AsUTF8AndSize(a[0], &len);
    if (src == NULL)
        return NULL;
    if (RpBytes_Check(a[0]))
        len = RpBytes_GET_SIZE(a[0]);
    RpCompileMode mode;
    if (mode_arg(a[2], &mode) < 0)
        return NULL;
    RpObject *filename = a[1] ? Rp_NewRef(a[1]) : RpUnicode_FromString("<unknown>");
    RpArena *arena = filename ? RpArena_New() : NULL;
    mod_ty m = arena ? RpParser_ParseString(src, len, filename, mode, arena) : NULL;
    RpObject *res = m ? conv_mod(m) : NULL;
    RpArena_Free(arena);
    Rp_XDECREF(filename);
    return res;
}

static RpMethodDef ast_methods[] = {
    {"parse", (RpCFunction)(void (*)(void))ast_parse, RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

RpObject *RpInit__ast(void)
{
    RpObject *m = RpModule_New("_ast");
    if (m != NULL && RpModule_AddFunctions(m, ast_methods) < 0)
        Rp_CLEAR(m);
    return m;
}
