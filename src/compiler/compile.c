/* compile.c -- AST + symbol table -> code objects: the compiler's driver.
 *
 * Here: compilation units (one per code object), instruction emission,
 * names and constants, name resolution to *_FAST / *_DEREF / *_GLOBAL /
 * *_NAME, functions, lambdas, classes, closures, SyntaxError reporting and
 * the entry points.  Statements are in compile_stmt.c, expressions in
 * compile_expr.c, `match` in compile_pattern.c, and the final layout in
 * assemble.c.
 */
#include "compile_int.h"
#include <math.h>
#include <stdarg.h>

/* ---- SyntaxError ---------------------------------------------------------
 * _RpCompile_SyntaxError lives in syntaxerror.c (shared with the parser);
 * it reads the offending line from the file when no text is given. */

int rc_error(RpCompiler *c, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, va);
    va_end(va);
    RpUnit *u = c->u;
    _RpCompile_SyntaxError(RpExc_SyntaxError, c->filename, u->lineno, u->col + 1,
                           u->end_lineno, u->end_col + 1, NULL, "%s", buf);
    return -1;
}

void rc_set_loc_stmt(RpCompiler *c, stmt_ty s)
{
    c->u->lineno = s->lineno;
    c->u->col = s->col_offset;
    c->u->end_lineno = s->end_lineno;
    c->u->end_col = s->end_col_offset;
}

void rc_set_loc_expr(RpCompiler *c, expr_ty e)
{
    c->u->lineno = e->lineno;
    c->u->col = e->col_offset;
    c->u->end_lineno = e->end_lineno;
    c->u->end_col = e->end_col_offset;
}

/* ---- emission ------------------------------------------------------------ */

static int grow(void **arr, int *cap, int need, size_t elsize)
{
    if (need <= *cap)
        return 0;
    int ncap = *cap ? *cap * 2 : 64;
    while (ncap < need)
        ncap *= 2;
    void *n = RpMem_Realloc(*arr, (size_t)ncap * elsize);
    if (n == NULL) {
        RpErr_NoMemory();
        return -1;
    }
    *arr = n;
    *cap = ncap;
    return 0;
}

int rc_addop_kind(RpCompiler *c, int op, int arg, int argkind)
{
    RpUnit *u = c->u;
    if (arg < 0 || arg > RP_MAX_ARG) {
        RpErr_SetString(RpExc_SystemError, "instruction argument out of range");
        return -1;
    }
    if (grow((void **)&u->instrs, &u->capinstrs, u->ninstrs + 1, sizeof(RpInstr)) < 0)
        return -1;
    RpInstr *i = &u->instrs[u->ninstrs++];
    i->op = (uint8_t)op;
    i->argkind = (uint8_t)argkind;
    i->arg = arg;
    i->lineno = u->lineno;
    i->handler = u->cur_handler;
    return 0;
}

int rc_addop(RpCompiler *c, int op, int arg)
{
    return rc_addop_kind(c, op, arg, ARG_PLAIN);
}

int rc_new_label(RpCompiler *c)
{
    RpUnit *u = c->u;
    if (grow((void **)&u->labels, &u->caplabels, u->nlabels + 1, sizeof(int)) < 0)
        return -1;
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

int rc_bind(RpCompiler *c, int label)
{
    c->u->labels[label] = c->u->ninstrs;
    return 0;
}

int rc_jump(RpCompiler *c, int op, int label)
{
    return rc_addop_kind(c, op, label, ARG_LABEL);
}

int rc_push_handler(RpCompiler *c, int label, int lasti, int adjust)
{
    RpUnit *u = c->u;
    if (grow((void **)&u->handlers, &u->caphandlers, u->nhandlers + 1, sizeof(RpHandler)) < 0)
        return -1;
    RpHandler *h = &u->handlers[u->nhandlers];
    h->label = label;
    h->parent = u->cur_handler;
    h->lasti = lasti;
    h->setup = u->ninstrs;
    h->adjust = adjust;
    u->cur_handler = u->nhandlers++;
    return 0;
}

void rc_pop_handler(RpCompiler *c)
{
    c->u->cur_handler = c->u->handlers[c->u->cur_handler].parent;
}

int rc_push_fblock(RpCompiler *c, RpFBKind kind, int start, int exit, void *datum)
{
    RpUnit *u = c->u;
    if (u->nfblocks >= RP_MAX_FBLOCKS)
        return rc_error(c, "too many statically nested blocks");
    RpFBlock *f = &u->fblocks[u->nfblocks++];
    f->kind = kind;
    f->start = start;
    f->exit = exit;
    f->datum = datum;
    f->outer_handler = u->cur_handler;
    return 0;
}

void rc_pop_fblock(RpCompiler *c)
{
    c->u->nfblocks--;
}

/* ---- constants ------------------------------------------------------------ */

/* Constants are shared by (type, value): 1, 1.0 and True stay distinct,
 * and so do 0.0 and -0.0; code objects are never merged. */
static RpObject *const_key(RpObject *o)
{
    if (o == Rp_None || o == Rp_Ellipsis)
        return Rp_NewRef(o);
    if (RpCode_Check(o)) {
        RpObject *id = RpLong_FromSsize_t((Rp_ssize_t)(uintptr_t)o);
        RpObject *k = id ? RpTuple_Pack(3, (RpObject *)Rp_TYPE(o), id, Rp_None) : NULL;
        Rp_XDECREF(id);
        return k;
    }
    if (RpFloat_CheckExact(o) && RpFloat_AS_DOUBLE(o) == 0.0 && signbit(RpFloat_AS_DOUBLE(o)))
        return RpTuple_Pack(3, (RpObject *)Rp_TYPE(o), o, Rp_None);
    if (RpTuple_CheckExact(o)) {
        Rp_ssize_t n = RpTuple_GET_SIZE(o);
        RpObject *keys = RpTuple_New(n);
        if (keys == NULL)
            return NULL;
        for (Rp_ssize_t i = 0; i < n; i++) {
            RpObject *k = const_key(RpTuple_GET_ITEM(o, i));
            if (k == NULL) {
                Rp_DECREF(keys);
                return NULL;
            }
            RpTuple_SET_ITEM(keys, i, k);
        }
        RpObject *r = RpTuple_Pack(3, (RpObject *)Rp_TYPE(o), o, keys);
        Rp_DECREF(keys);
        return r;
    }
    return RpTuple_Pack(2, (RpObject *)Rp_TYPE(o), o);
}

int rc_add_const(RpCompiler *c, RpObject *o)
{
    RpUnit *u = c->u;
    RpObject *key = const_key(o);
    if (key == NULL)
        return -1;
    RpObject *v = RpDict_GetItemWithError(u->const_index, key);
    int idx = -1;
    if (v != NULL) {
        idx = (int)RpLong_AsLong(v);
    } else if (!RpErr_Occurred()) {
        RpObject *n = RpLong_FromSsize_t(RpList_GET_SIZE(u->consts));
        if (n != NULL && RpDict_SetItem(u->const_index, key, n) == 0 &&
            RpList_Append(u->consts, o) == 0)
            idx = (int)RpList_GET_SIZE(u->consts) - 1;
        Rp_XDECREF(n);
    }
    Rp_DECREF(key);
    return idx;
}

int rc_load_const(RpCompiler *c, RpObject *o)
{
    int idx = rc_add_const(c, o);
    return idx < 0 ? -1 : rc_addop(c, OP_LOAD_CONST, idx);
}

/* ---- names ----------------------------------------------------------------- */

/* Index of `name` in an insertion-ordered str -> int dict, adding it. */
static int dict_index(RpObject *dict, RpObject *name)
{
    RpObject *v = RpDict_GetItemWithError(dict, name);
    if (v != NULL)
        return (int)RpLong_AsLong(v);
    if (RpErr_Occurred())
        return -1;
    RpObject *n = RpLong_FromSsize_t(RpDict_GET_SIZE(dict));
    if (n == NULL)
        return -1;
    int r = RpDict_SetItem(dict, name, n);
    Rp_DECREF(n);
    return r < 0 ? -1 : (int)RpDict_GET_SIZE(dict) - 1;
}

static int dict_lookup(RpObject *dict, RpObject *name)
{
    RpObject *v = RpDict_GetItemWithError(dict, name);
    if (v == NULL) {
        RpErr_Clear();
        return -1;
    }
    return (int)RpLong_AsLong(v);
}

int rc_addop_name(RpCompiler *c, int op, RpObject *name)
{
    RpObject *mangled = _RpST_Mangle(c->u->private_, name);
    if (mangled == NULL)
        return -1;
    int idx = dict_index(c->u->names, mangled);
    Rp_DECREF(mangled);
    if (idx < 0)
        return -1;
    if (op == OP_LOAD_GLOBAL)
        idx <<= 1;
    return rc_addop(c, op, idx);
}

enum { NOP_FAST, NOP_DEREF, NOP_GLOBAL, NOP_NAME };

static int name_optype(RpCompiler *c, RpObject *mangled, int *scope)
{
    RpUnit *u = c->u;
    *scope = RpST_GetScope(u->ste, mangled);
    int optimized = u->ste->type == ST_FUNCTION;
    switch (*scope) {
    case SC_FREE:
    case SC_CELL:
        return NOP_DEREF;
    case SC_LOCAL:
        return optimized ? NOP_FAST : NOP_NAME;
    case SC_GLOBAL_IMPLICIT:
        return optimized ? NOP_GLOBAL : NOP_NAME;
    case SC_GLOBAL_EXPLICIT:
        return NOP_GLOBAL;
    default:
        return NOP_NAME;
    }
}

static int deref_op(RpCompiler *c, RpObject *mangled, int scope, expr_context_ty ctx)
{
    RpUnit *u = c->u;
    int kind = scope == SC_CELL ? ARG_CELL : ARG_FREE;
    int idx = dict_lookup(kind == ARG_CELL ? u->cellvars : u->freevars, mangled);
    if (idx < 0) {
        RpErr_Format(RpExc_SystemError, "compiler: no cell for name '%U'", mangled);
        return -1;
    }
    int op = ctx == Load ? (u->ste->type == ST_CLASS ? OP_LOAD_CLASSDEREF : OP_LOAD_DEREF)
           : ctx == Store ? OP_STORE_DEREF : OP_DELETE_DEREF;
    return rc_addop_kind(c, op, idx, kind);
}

int rc_nameop(RpCompiler *c, RpObject *name, expr_context_ty ctx)
{
    RpObject *mangled = _RpST_Mangle(c->u->private_, name);
    if (mangled == NULL)
        return -1;
    int scope, r = -1, idx;
    int optype = name_optype(c, mangled, &scope);
    static const int ops[4][3] = {
        {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST},
        {0, 0, 0},
        {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL},
        {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME},
    };
    switch (optype) {
    case NOP_DEREF:
        r = deref_op(c, mangled, scope, ctx);
        break;
    case NOP_FAST:
        idx = dict_index(c->u->varnames, mangled);
        r = idx < 0 ? -1 : rc_addop(c, ops[0][ctx - 1], idx);
        break;
    default:
        idx = dict_index(c->u->names, mangled);
        if (idx >= 0 && ops[optype][ctx - 1] == OP_LOAD_GLOBAL)
            idx <<= 1;
        r = idx < 0 ? -1 : rc_addop(c, ops[optype][ctx - 1], idx);
        break;
    }
    Rp_DECREF(mangled);
    return r;
}

/* For calls: load a global name with the NULL pushed by LOAD_GLOBAL
 * itself (arg low bit).  Returns 1 if done, 0 if the name is not global. */
int rc_load_global_for_call(RpCompiler *c, RpObject *name)
{
    RpObject *mangled = _RpST_Mangle(c->u->private_, name);
    if (mangled == NULL)
        return -1;
    int scope, r = 0;
    if (name_optype(c, mangled, &scope) == NOP_GLOBAL) {
        int idx = dict_index(c->u->names, mangled);
        r = idx < 0 ? -1 : rc_addop(c, OP_LOAD_GLOBAL, (idx << 1) | 1) < 0 ? -1 : 1;
    }
    Rp_DECREF(mangled);
    return r;
}

/* ---- units ----------------------------------------------------------------- */

static void unit_free(RpUnit *u)
{
    Rp_XDECREF(u->name);
    Rp_XDECREF(u->qualname);
    Rp_XDECREF(u->consts);
    Rp_XDECREF(u->const_index);
    Rp_XDECREF(u->names);
    Rp_XDECREF(u->varnames);
    Rp_XDECREF(u->cellvars);
    Rp_XDECREF(u->freevars);
    RpMem_Free(u->instrs);
    RpMem_Free(u->labels);
    RpMem_Free(u->handlers);
    RpMem_Free(u);
}

/* dict name -> index of the symbols whose scope is `scope` (or that carry
 * `flag`), sorted by name as CPython does. */
static RpObject *names_by_scope(RpSTEntry *ste, int scope, long flag)
{
    RpObject *list = RpList_New(0), *dict = RpDict_New();
    Rp_ssize_t pos = 0;
    RpObject *k, *v;
    if (list == NULL || dict == NULL)
        goto error;
    while (RpDict_Next(ste->symbols, &pos, &k, &v)) {
        long f = RpLong_AsLong(v);
        if ((((f >> SCOPE_OFFSET) & SCOPE_MASK) == scope || (f & flag)) && RpList_Append(list, k) < 0)
            goto error;
    }
    if (RpList_Sort(list) < 0)
        goto error;
    for (Rp_ssize_t i = 0; i < RpList_GET_SIZE(list); i++)
        if (dict_index(dict, RpList_GET_ITEM(list, i)) < 0)
            goto error;
    Rp_DECREF(list);
    return dict;
error:
    Rp_XDECREF(list);
    Rp_XDECREF(dict);
    return NULL;
}

static RpObject *make_qualname(RpCompiler *c, RpObject *name, RpUnitKind kind)
{
    RpUnit *parent = c->u;
    if (parent == NULL || parent->kind == U_MODULE)
        return Rp_NewRef(name);
    if (kind == U_FUNCTION || kind == U_CLASS) {
        RpObject *mangled = _RpST_Mangle(parent->private_, name);
        if (mangled == NULL)
            return NULL;
        int scope = RpST_GetScope(parent->ste, mangled);
        Rp_DECREF(mangled);
        if (scope == SC_GLOBAL_EXPLICIT)
            return Rp_NewRef(name);
    }
    if (parent->kind == U_FUNCTION || parent->kind == U_LAMBDA)
        return RpUnicode_FromFormat("%U.<locals>.%U", parent->qualname, name);
    return RpUnicode_FromFormat("%U.%U", parent->qualname, name);
}

static int unit_init_names(RpUnit *u)
{
    u->varnames = RpDict_New();
    if (u->varnames == NULL)
        return -1;
    for (Rp_ssize_t i = 0; i < RpList_GET_SIZE(u->ste->varnames); i++)
        if (dict_index(u->varnames, RpList_GET_ITEM(u->ste->varnames, i)) < 0)
            return -1;
    if (u->ste->needs_class_closure) {
        u->cellvars = RpDict_New();
        RpObject *cls = RpUnicode_InternFromString("__class__");
        int r = (u->cellvars && cls) ? dict_index(u->cellvars, cls) : -1;
        Rp_XDECREF(cls);
        if (r < 0)
            return -1;
    } else if ((u->cellvars = names_by_scope(u->ste, SC_CELL, 0)) == NULL) {
        return -1;
    }
    u->freevars = names_by_scope(u->ste, SC_FREE, DEF_FREE_CLASS);
    return u->freevars ? 0 : -1;
}

/* MAKE_CELL for every cell, COPY_FREE_VARS for the closure. */
static int unit_prefix(RpCompiler *c)
{
    RpUnit *u = c->u;
    for (Rp_ssize_t i = 0; i < RpDict_GET_SIZE(u->cellvars); i++)
        RC_TRY(rc_addop_kind(c, OP_MAKE_CELL, (int)i, ARG_CELL));
    if (RpDict_GET_SIZE(u->freevars) > 0)
        EMIT(c, COPY_FREE_VARS, (int)RpDict_GET_SIZE(u->freevars));
    return 0;
}

int rc_enter_scope(RpCompiler *c, RpObject *name, RpUnitKind kind, void *key, int lineno)
{
    RpUnit *u = RpMem_Calloc(1, sizeof(RpUnit));
    if (u == NULL) {
        RpErr_NoMemory();
        return -1;
    }
    u->ste = c->u ? RpSymtable_Child(c->u->ste, key) : c->st->top;
    if (u->ste == NULL) {
        RpMem_Free(u);
        RpErr_SetString(RpExc_SystemError, "compiler: unknown scope");
        return -1;
    }
    u->kind = kind;
    u->name = Rp_NewRef(name);
    u->qualname = make_qualname(c, name, kind);
    u->consts = RpList_New(0);
    u->const_index = RpDict_New();
    u->names = RpDict_New();
    u->private_ = c->u ? c->u->private_ : NULL;
    u->cur_handler = -1;
    u->firstlineno = u->lineno = lineno;
    u->end_lineno = lineno;
    u->parent = c->u;
    if (!u->qualname || !u->consts || !u->const_index || !u->names || unit_init_names(u) < 0) {
        unit_free(u);
        return -1;
    }
    c->u = u;
    if (unit_prefix(c) < 0) {
        rc_exit_scope(c);
        return -1;
    }
    return 0;
}

void rc_exit_scope(RpCompiler *c)
{
    RpUnit *u = c->u;
    c->u = u->parent;
    unit_free(u);
}

/* ---- docstrings and annotations ------------------------------------------ */

RpObject *rc_docstring(asdl_seq *body)
{
    if (asdl_seq_LEN(body) == 0)
        return NULL;
    stmt_ty s = asdl_seq_GET(body, 0);
    if (s->kind != Expr_kind || s->v.Expr.value->kind != Constant_kind)
        return NULL;
    RpObject *v = s->v.Expr.value->v.Constant.value;
    return RpUnicode_CheckExact(v) ? v : NULL;
}

/* Does a module or class body contain an annotated assignment (not
 * counting nested scopes)?  Then it needs SETUP_ANNOTATIONS. */
static int find_ann(asdl_seq *stmts)
{
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(stmts); i++) {
        stmt_ty s = asdl_seq_GET(stmts, i);
        switch (s->kind) {
        case AnnAssign_kind:
            return 1;
        case For_kind:
        case AsyncFor_kind:
            if (find_ann(s->v.For.body) || find_ann(s->v.For.orelse))
                return 1;
            break;
        case While_kind:
        case If_kind:
            if (find_ann(s->v.While.body) || find_ann(s->v.While.orelse))
                return 1;
            break;
        case With_kind:
        case AsyncWith_kind:
            if (find_ann(s->v.With.body))
                return 1;
            break;
        case Try_kind:
        case TryStar_kind:
            for (Rp_ssize_t j = 0; j < asdl_seq_LEN(s->v.Try.handlers); j++) {
                excepthandler_ty h = asdl_seq_GET(s->v.Try.handlers, j);
                if (find_ann(h->body))
                    return 1;
            }
            if (find_ann(s->v.Try.body) || find_ann(s->v.Try.orelse) ||
                find_ann(s->v.Try.finalbody))
                return 1;
            break;
        case Match_kind:
            for (Rp_ssize_t j = 0; j < asdl_seq_LEN(s->v.Match.cases); j++) {
                match_case_ty m = asdl_seq_GET(s->v.Match.cases, j);
                if (find_ann(m->body))
                    return 1;
            }
            break;
        default:
            break;
        }
    }
    return 0;
}

/* A module or class body: the docstring goes to __doc__. */
static int body_with_doc(RpCompiler *c, asdl_seq *stmts, int use_doc)
{
    Rp_ssize_t start = 0;
    if (find_ann(stmts))
        EMIT0(c, SETUP_ANNOTATIONS);
    RpObject *doc = use_doc && c->optimize < 2 ? rc_docstring(stmts) : NULL;
    if (use_doc && rc_docstring(stmts) != NULL) {
        stmt_ty s = asdl_seq_GET(stmts, 0);
        rc_set_loc_stmt(c, s);
        start = 1;
        if (doc != NULL) {
            EMIT_CONST(c, doc);
            EMIT_NAME(c, STORE_NAME, RP_ID(__doc__));
        }
    }
    for (Rp_ssize_t i = start; i < asdl_seq_LEN(stmts); i++)
        RC_TRY(rc_stmt(c, asdl_seq_GET(stmts, i)));
    return 0;
}

/* ---- functions ------------------------------------------------------------- */

/* Emit the closure tuple (if the code has free variables) and
 * MAKE_FUNCTION. */
int rc_make_closure(RpCompiler *c, RpObject *code, int flags)
{
    RpCodeObject *co = (RpCodeObject *)code;
    RpUnit *u = c->u;
    int nfree = co->co_nfreevars;
    for (int i = co->co_nlocalsplus - nfree; i < co->co_nlocalsplus; i++) {
        RpObject *name = RpTuple_GET_ITEM(co->co_localsplusnames, i);
        int is_cell = (u->kind == U_CLASS && _RpUnicode_EqualToASCIIString(name, "__class__")) ||
                      RpST_GetScope(u->ste, name) == SC_CELL;
        int idx = dict_lookup(is_cell ? u->cellvars : u->freevars, name);
        if (idx < 0) {
            RpErr_Format(RpExc_SystemError, "compiler: no closure cell for '%U'", name);
            return -1;
        }
        RC_TRY(rc_addop_kind(c, OP_LOAD_CLOSURE, idx, is_cell ? ARG_CELL : ARG_FREE));
    }
    if (nfree > 0) {
        EMIT(c, BUILD_TUPLE, nfree);
        flags |= 8;
    }
    EMIT_CONST(c, code);
    EMIT(c, MAKE_FUNCTION, flags);
    return 0;
}

/* The positional defaults: one constant when they all are. */
static int default_tuple(RpCompiler *c, asdl_seq *defaults)
{
    Rp_ssize_t n = asdl_seq_LEN(defaults);
    RpObject *t = RpTuple_New(n);
    if (t == NULL)
        return -1;
    for (Rp_ssize_t i = 0; i < n; i++) {
        RpObject *v = rc_const_value(c, asdl_seq_GET(defaults, i));
        if (v == NULL) {
            Rp_CLEAR(t);
            break;
        }
        RpTuple_SET_ITEM(t, i, v);
    }
    if (t != NULL) {
        int r = rc_load_const(c, t);
        Rp_DECREF(t);
        return r;
    }
    for (Rp_ssize_t i = 0; i < n; i++)
        RC_TRY(rc_expr(c, asdl_seq_GET(defaults, i)));
    EMIT(c, BUILD_TUPLE, (int)n);
    return 0;
}

/* Positional defaults as one tuple (a constant when it can be), keyword
 * defaults as a dict.  Returns the MAKE_FUNCTION flags or -1. */
static int function_defaults(RpCompiler *c, arguments_ty a)
{
    int flags = 0;
    Rp_ssize_t nd = asdl_seq_LEN(a->defaults);
    if (nd > 0) {
        RC_TRY(default_tuple(c, a->defaults));
        flags |= 1;
    }
    int nkw = 0;
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(a->kwonlyargs); i++) {
        expr_ty d = asdl_seq_GET(a->kw_defaults, i);
        if (d == NULL)
            continue;
        arg_ty arg = asdl_seq_GET(a->kwonlyargs, i);
        RpObject *mangled = _RpST_Mangle(c->u->private_, arg->arg);
        if (mangled == NULL)
            return -1;
        int r = rc_load_const(c, mangled);
        Rp_DECREF(mangled);
        RC_TRY(r);
        RC_TRY(rc_expr(c, d));
        nkw++;
    }
    if (nkw > 0) {
        EMIT(c, BUILD_MAP, nkw);
        flags |= 2;
    }
    return flags;
}

static int annotation_one(RpCompiler *c, RpObject *name, expr_ty ann, int *count)
{
    if (ann == NULL)
        return 0;
    RpObject *mangled = _RpST_Mangle(c->u->private_, name);
    if (mangled == NULL)
        return -1;
    int r = rc_load_const(c, mangled);
    Rp_DECREF(mangled);
    RC_TRY(r);
    RC_TRY(rc_expr(c, ann));
    (*count)++;
    return 0;
}

static int annotation_args(RpCompiler *c, asdl_seq *args, int *count)
{
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty a = asdl_seq_GET(args, i);
        RC_TRY(annotation_one(c, a->arg, a->annotation, count));
    }
    return 0;
}

/* __annotations__ as a dict (MAKE_FUNCTION flag 4), in CPython 3.11's
 * order.  Returns 4, 0 (none) or -1. */
static int function_annotations(RpCompiler *c, arguments_ty a, expr_ty returns)
{
    int n = 0;
    RC_TRY(annotation_args(c, a->args, &n));
    RC_TRY(annotation_args(c, a->posonlyargs, &n));
    if (a->vararg)
        RC_TRY(annotation_one(c, a->vararg->arg, a->vararg->annotation, &n));
    RC_TRY(annotation_args(c, a->kwonlyargs, &n));
    if (a->kwarg)
        RC_TRY(annotation_one(c, a->kwarg->arg, a->kwarg->annotation, &n));
    if (returns) {
        RpObject *r = RpUnicode_InternFromString("return");
        int rr = r ? annotation_one(c, r, returns, &n) : -1;
        Rp_XDECREF(r);
        RC_TRY(rr);
    }
    if (n == 0)
        return 0;
    EMIT(c, BUILD_MAP, n);
    return 4;
}

static void set_argcounts(RpUnit *u, arguments_ty a)
{
    u->posonlyargcount = (int)asdl_seq_LEN(a->posonlyargs);
    u->argcount = u->posonlyargcount + (int)asdl_seq_LEN(a->args);
    u->kwonlyargcount = (int)asdl_seq_LEN(a->kwonlyargs);
}

static int decorators(RpCompiler *c, asdl_seq *decos)
{
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(decos); i++) {
        EMIT0(c, PUSH_NULL);
        RC_TRY(rc_expr(c, asdl_seq_GET(decos, i)));
    }
    return 0;
}

static int apply_decorators(RpCompiler *c, asdl_seq *decos)
{
    for (Rp_ssize_t i = asdl_seq_LEN(decos) - 1; i >= 0; i--) {
        expr_ty d = asdl_seq_GET(decos, i);
        rc_set_loc_expr(c, d);
        EMIT(c, CALL, 1);
    }
    return 0;
}

/* The body of a function: co_consts[0] is always the docstring or None. */
static RpObject *function_body(RpCompiler *c, stmt_ty s, int firstlineno)
{
    RpObject *doc = c->optimize < 2 ? rc_docstring(s->v.FunctionDef.body) : NULL;
    if (rc_enter_scope(c, s->v.FunctionDef.name, U_FUNCTION, s, firstlineno) < 0)
        return NULL;
    RpObject *co = NULL;
    if (rc_add_const(c, doc ? doc : Rp_None) < 0)
        goto done;
    set_argcounts(c->u, s->v.FunctionDef.args);
    asdl_seq *body = s->v.FunctionDef.body;
    Rp_ssize_t start = rc_docstring(body) != NULL ? 1 : 0;
    for (Rp_ssize_t i = start; i < asdl_seq_LEN(body); i++)
        if (rc_stmt(c, asdl_seq_GET(body, i)) < 0)
            goto done;
    /* the implicit `return None` */
    c->u->lineno = -1;
    if (rc_load_const(c, Rp_None) < 0 || rc_addop(c, OP_RETURN_VALUE, 0) < 0)
        goto done;
    co = rc_assemble(c);
done:
    rc_exit_scope(c);
    return co;
}

int rc_function(RpCompiler *c, stmt_ty s, int is_async)
{
    asdl_seq *decos = s->v.FunctionDef.decorator_list;
    int firstlineno = s->lineno;
    if (asdl_seq_LEN(decos) > 0)
        firstlineno = ((expr_ty)asdl_seq_GET(decos, 0))->lineno;
    RC_TRY(decorators(c, decos));
    int flags = function_defaults(c, s->v.FunctionDef.args);
    RC_TRY(flags);
    int ann = function_annotations(c, s->v.FunctionDef.args, s->v.FunctionDef.returns);
    RC_TRY(ann);
    RpObject *co = function_body(c, s, firstlineno);
    if (co == NULL)
        return -1;
    rc_set_loc_stmt(c, s);
    int r = rc_make_closure(c, co, flags | ann);
    Rp_DECREF(co);
    RC_TRY(r);
    RC_TRY(apply_decorators(c, decos));
    return rc_nameop(c, s->v.FunctionDef.name, Store);
}

int rc_lambda(RpCompiler *c, expr_ty e)
{
    int flags = function_defaults(c, e->v.Lambda.args);
    RC_TRY(flags);
    RpObject *name = RpUnicode_InternFromString("<lambda>");
    if (name == NULL)
        return -1;
    int r = rc_enter_scope(c, name, U_LAMBDA, e, e->lineno);
    Rp_DECREF(name);
    RC_TRY(r);
    RpObject *co = NULL;
    set_argcounts(c->u, e->v.Lambda.args);
    /* None first, so a lambda never has a docstring */
    if (rc_add_const(c, Rp_None) < 0 || rc_expr(c, e->v.Lambda.body) < 0)
        goto done;
    if (c->u->ste->is_generator) {
        if (rc_addop(c, OP_POP_TOP, 0) < 0 || rc_load_const(c, Rp_None) < 0)
            goto done;
    }
    if (rc_addop(c, OP_RETURN_VALUE, 0) < 0)
        goto done;
    co = rc_assemble(c);
done:
    rc_exit_scope(c);
    if (co == NULL)
        return -1;
    r = rc_make_closure(c, co, flags);
    Rp_DECREF(co);
    return r;
}

/* ---- classes --------------------------------------------------------------- */

static int class_body_prologue(RpCompiler *c)
{
    EMIT_NAME(c, LOAD_NAME, RP_ID(__name__));
    EMIT_NAME(c, STORE_NAME, RP_ID(__module__));
    EMIT_CONST(c, c->u->qualname);
    EMIT_NAME(c, STORE_NAME, RP_ID(__qualname__));
    return 0;
}

/* Return the __class__ cell (stored as __classcell__ for type.__new__)
 * when a method needs it, else None. */
static int class_body_epilogue(RpCompiler *c)
{
    c->u->lineno = -1;
    if (c->u->ste->needs_class_closure) {
        RC_TRY(rc_addop_kind(c, OP_LOAD_CLOSURE, 0, ARG_CELL));
        EMIT(c, COPY, 1);
        RpObject *cc = RpUnicode_InternFromString("__classcell__");
        int r = cc ? rc_addop_name(c, OP_STORE_NAME, cc) : -1;
        Rp_XDECREF(cc);
        RC_TRY(r);
    } else {
        EMIT_CONST(c, Rp_None);
    }
    EMIT0(c, RETURN_VALUE);
    return 0;
}

static RpObject *class_body(RpCompiler *c, stmt_ty s, int firstlineno)
{
    if (rc_enter_scope(c, s->v.ClassDef.name, U_CLASS, s, firstlineno) < 0)
        return NULL;
    c->u->private_ = s->v.ClassDef.name;
    RpObject *co = NULL;
    if (class_body_prologue(c) == 0 && body_with_doc(c, s->v.ClassDef.body, 1) == 0 &&
        class_body_epilogue(c) == 0)
        co = rc_assemble(c);
    rc_exit_scope(c);
    return co;
}

int rc_class(RpCompiler *c, stmt_ty s)
{
    asdl_seq *decos = s->v.ClassDef.decorator_list;
    int firstlineno = s->lineno;
    if (asdl_seq_LEN(decos) > 0)
        firstlineno = ((expr_ty)asdl_seq_GET(decos, 0))->lineno;
    RC_TRY(decorators(c, decos));
    RpObject *co = class_body(c, s, firstlineno);
    if (co == NULL)
        return -1;
    rc_set_loc_stmt(c, s);
    int r = rc_addop(c, OP_PUSH_NULL, 0);
    if (r == 0)
        r = rc_addop(c, OP_LOAD_BUILD_CLASS, 0);
    if (r == 0)
        r = rc_make_closure(c, co, 0);
    Rp_DECREF(co);
    RC_TRY(r);
    EMIT_CONST(c, s->v.ClassDef.name);
    RC_TRY(rc_call_helper(c, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords));
    RC_TRY(apply_decorators(c, decos));
    return rc_nameop(c, s->v.ClassDef.name, Store);
}

/* ---- entry points ---------------------------------------------------------- */

static int compile_module_body(RpCompiler *c, mod_ty mod, RpCompileMode mode)
{
    switch (mod->kind) {
    case Module_kind:
        RC_TRY(body_with_doc(c, mod->body, mode == RP_FILE_INPUT));
        break;
    case Interactive_kind:
        c->interactive = 1;
        RC_TRY(body_with_doc(c, mod->body, 0));
        break;
    case Expression_kind:
        RC_TRY(rc_expr(c, mod->expr));
        EMIT0(c, RETURN_VALUE);
        return 0;
    }
    c->u->lineno = -1;
    EMIT_CONST(c, Rp_None);
    EMIT0(c, RETURN_VALUE);
    return 0;
}

RpObject *RpCompile_AST(mod_ty mod, RpObject *filename, RpCompileMode mode,
                        int optimize, RpArena *a)
{
    RpCompiler c;
    memset(&c, 0, sizeof c);
    c.filename = filename;
    c.optimize = optimize;
    c.st = RpSymtable_Build(mod, filename);
    if (c.st == NULL)
        return NULL;
    RpObject *co = NULL;
    RpObject *name = RpUnicode_InternFromString("<module>");
    if (name != NULL && rc_enter_scope(&c, name, U_MODULE, mod, 1) == 0) {
        if (compile_module_body(&c, mod, mode) == 0)
            co = rc_assemble(&c);
        while (c.u != NULL)
            rc_exit_scope(&c);
    }
    Rp_XDECREF(name);
    RpSymtable_Free(c.st);
    return co;
}

RpObject *RpCompile_String(const char *source, Rp_ssize_t len, const char *filename,
                           RpCompileMode mode, int optimize)
{
    RpObject *fn = RpUnicode_DecodeUTF8(filename, (Rp_ssize_t)strlen(filename), "surrogateescape");
    if (fn == NULL)
        return NULL;
    RpArena *arena = RpArena_New();
    RpObject *co = NULL;
    if (arena != NULL) {
        mod_ty mod = RpParser_ParseString(source, len, fn, mode, arena);
        if (mod != NULL)
            co = RpCompile_AST(mod, fn, mode, optimize, arena);
        RpArena_Free(arena);
    }
    Rp_DECREF(fn);
    return co;
}
