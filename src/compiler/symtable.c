/* symtable.c -- scopes and name resolution.
 *
 * Two passes, as in CPython: (1) walk the AST, opening one RpSTEntry per
 * scope and recording how each name is used there (DEF_* flags); (2)
 * analyze the tree top-down with the sets of names bound in enclosing
 * function scopes, deciding local / global (explicit or implicit) / free /
 * cell for every name.  Class scopes are skipped when resolving names of
 * nested functions, except for the implicit `__class__` cell.
 */
#include "rp.h"
#include "symtable.h"

/* ---- errors -------------------------------------------------------------- */

static int st_error_at(RpSymtable *st, int lineno, int col, int end_lineno,
                       int end_col, const char *fmt, RpObject *name)
{
    _RpCompile_SyntaxError(RpExc_SyntaxError, st->filename, lineno, col + 1,
                           end_lineno, end_col + 1, NULL, fmt, name);
    return -1;
}

/* Report an error at the global/nonlocal statement that declared `name`. */
static int st_error_directive(RpSymtable *st, RpSTEntry *ste, RpObject *name,
                              const char *fmt)
{
    RpObject *loc = ste->directives ? RpDict_GetItemWithError(ste->directives, name) : NULL;
    int l = ste->lineno, c = ste->col_offset, el = l, ec = c;
    if (loc != NULL) {
        l = (int)RpLong_AsLong(RpTuple_GET_ITEM(loc, 0));
        c = (int)RpLong_AsLong(RpTuple_GET_ITEM(loc, 1));
        el = (int)RpLong_AsLong(RpTuple_GET_ITEM(loc, 2));
        ec = (int)RpLong_AsLong(RpTuple_GET_ITEM(loc, 3));
    }
    return st_error_at(st, l, c, el, ec, fmt, name);
}

/* ---- entries ------------------------------------------------------------- */

static void ste_free(RpSTEntry *ste)
{
    if (ste == NULL)
        return;
    for (int i = 0; i < ste->nchildren; i++)
        ste_free(ste->children[i]);
    RpMem_Free(ste->children);
    Rp_XDECREF(ste->name);
    Rp_XDECREF(ste->symbols);
    Rp_XDECREF(ste->varnames);
    Rp_XDECREF(ste->directives);
    RpMem_Free(ste);
}

static int ste_add_child(RpSTEntry *parent, RpSTEntry *child)
{
    if (parent->nchildren == parent->capchildren) {
        int cap = parent->capchildren ? parent->capchildren * 2 : 4;
        RpSTEntry **n = RpMem_Realloc(parent->children, cap * sizeof(*n));
        if (n == NULL) {
            RpErr_NoMemory();
            return -1;
        }
        parent->children = n;
        parent->capchildren = cap;
    }
    parent->children[parent->nchildren++] = child;
    return 0;
}

static RpSTEntry *ste_new(RpSymtable *st, RpObject *name, RpSTBlockType type,
                          void *key, int lineno, int col)
{
    RpSTEntry *ste = RpMem_Calloc(1, sizeof(RpSTEntry));
    if (ste == NULL) {
        RpErr_NoMemory();
        return NULL;
    }
    ste->name = Rp_NewRef(name);
    ste->type = type;
    ste->key = key;
    ste->lineno = lineno;
    ste->col_offset = col;
    ste->parent = st->cur;
    ste->symbols = RpDict_New();
    ste->varnames = RpList_New(0);
    if (ste->symbols == NULL || ste->varnames == NULL) {
        ste_free(ste);
        return NULL;
    }
    /* a scope inside a function (at any depth) is nested */
    if (st->cur && (st->cur->nested || st->cur->type == ST_FUNCTION))
        ste->nested = 1;
    return ste;
}

static int enter_block(RpSymtable *st, RpObject *name, RpSTBlockType type,
                       void *key, int lineno, int col)
{
    RpSTEntry *ste = ste_new(st, name, type, key, lineno, col);
    if (ste == NULL)
        return -1;
    if (st->cur == NULL) {
        st->top = ste;
    } else if (ste_add_child(st->cur, ste) < 0) {
        ste_free(ste);
        return -1;
    }
    st->cur = ste;
    return 0;
}

static int enter_block_str(RpSymtable *st, const char *name, RpSTBlockType type,
                           void *key, int lineno, int col)
{
    RpObject *n = RpUnicode_InternFromString(name);
    if (n == NULL)
        return -1;
    int r = enter_block(st, n, type, key, lineno, col);
    Rp_DECREF(n);
    return r;
}

static void exit_block(RpSymtable *st)
{
    st->cur = st->cur->parent;
}

RpSTEntry *RpSymtable_Child(RpSTEntry *parent, void *key)
{
    for (int i = 0; i < parent->nchildren; i++)
        if (parent->children[i]->key == key)
            return parent->children[i];
    return NULL;
}

long RpST_GetSymbol(RpSTEntry *ste, RpObject *name)
{
    RpObject *v = RpDict_GetItemWithError(ste->symbols, name);
    if (v == NULL) {
        RpErr_Clear();
        return 0;
    }
    return RpLong_AsLong(v);
}

int RpST_GetScope(RpSTEntry *ste, RpObject *name)
{
    return (int)((RpST_GetSymbol(ste, name) >> SCOPE_OFFSET) & SCOPE_MASK);
}

/* ---- mangling ------------------------------------------------------------ */

RpObject *_RpST_Mangle(RpObject *private_, RpObject *name)
{
    const char *n = RpUnicode_AsUTF8(name);
    size_t nlen = strlen(n);
    if (private_ == NULL || nlen < 2 || n[0] != '_' || n[1] != '_')
        return Rp_NewRef(name);
    /* dunder names and dotted (import) names are left alone */
    if ((nlen >= 4 && n[nlen - 1] == '_' && n[nlen - 2] == '_') || strchr(n, '.'))
        return Rp_NewRef(name);
    const char *p = RpUnicode_AsUTF8(private_);
    while (*p == '_')
        p++;
    if (*p == '\0')   /* class named only with underscores */
        return Rp_NewRef(name);
    RpObject *r = RpUnicode_FromFormat("_%s%s", p, n);
    if (r != NULL)
        RpUnicode_InternInPlace(&r);
    return r;
}

/* ---- recording definitions ----------------------------------------------- */

static int set_flags(RpObject *dict, RpObject *name, long flags)
{
    RpObject *v = RpLong_FromLong(flags);
    if (v == NULL)
        return -1;
    int r = RpDict_SetItem(dict, name, v);
    Rp_DECREF(v);
    return r;
}

static long get_flags(RpObject *dict, RpObject *name)
{
    RpObject *v = RpDict_GetItemWithError(dict, name);
    if (v == NULL)
        return RpErr_Occurred() ? -1 : 0;
    return RpLong_AsLong(v);
}

/* Record a use of `name` with `flag` in scope `ste`; the position is for
 * errors. */
static int add_def_in(RpSymtable *st, RpSTEntry *ste, RpObject *name, long flag,
                      int lineno, int col, int end_lineno, int end_col)
{
    RpObject *mangled = _RpST_Mangle(st->private_, name);
    if (mangled == NULL)
        return -1;
    int r = -1;
    long val = get_flags(ste->symbols, mangled);
    if (val < 0)
        goto done;
    if ((flag & DEF_PARAM) && (val & DEF_PARAM)) {
        st_error_at(st, lineno, col, end_lineno, end_col,
                    "duplicate argument '%U' in function definition", mangled);
        goto done;
    }
    val |= flag;
    if (ste->comp_iter_target) {
        /* the target of a comprehension's `for` */
        if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
            st_error_at(st, lineno, col, end_lineno, end_col,
                        "comprehension inner loop cannot rebind assignment "
                        "expression target '%U'", mangled);
            goto done;
        }
        val |= DEF_COMP_ITER;
    }
    if (set_flags(ste->symbols, mangled, val) < 0)
        goto done;
    if ((flag & DEF_PARAM) && RpList_Append(ste->varnames, mangled) < 0)
        goto done;
    if (flag & DEF_GLOBAL) {
        /* the module scope learns about explicit globals too */
        long g = get_flags(st->top->symbols, mangled);
        if (g < 0 || set_flags(st->top->symbols, mangled, g | flag) < 0)
            goto done;
    }
    r = 0;
done:
    Rp_DECREF(mangled);
    return r;
}

#define POS(n) (n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset

static int add_def(RpSymtable *st, RpObject *name, long flag, int lineno, int col,
                   int end_lineno, int end_col)
{
    return add_def_in(st, st->cur, name, flag, lineno, col, end_lineno, end_col);
}

static int add_def_str(RpSymtable *st, const char *name, long flag, int lineno, int col)
{
    RpObject *n = RpUnicode_InternFromString(name);
    if (n == NULL)
        return -1;
    int r = add_def(st, n, flag, lineno, col, lineno, col);
    Rp_DECREF(n);
    return r;
}

static int record_directive(RpSymtable *st, RpSTEntry *ste, RpObject *name,
                            int lineno, int col, int end_lineno, int end_col)
{
    if (ste->directives == NULL && (ste->directives = RpDict_New()) == NULL)
        return -1;
    RpObject *mangled = _RpST_Mangle(st->private_, name);
    if (mangled == NULL)
        return -1;
    RpObject *a = RpLong_FromLong(lineno), *b = RpLong_FromLong(col);
    RpObject *c = RpLong_FromLong(end_lineno), *d = RpLong_FromLong(end_col);
    RpObject *t = (a && b && c && d) ? RpTuple_Pack(4, a, b, c, d) : NULL;
    int r = t ? RpDict_SetItem(ste->directives, mangled, t) : -1;
    Rp_XDECREF(a);
    Rp_XDECREF(b);
    Rp_XDECREF(c);
    Rp_XDECREF(d);
    Rp_XDECREF(t);
    Rp_DECREF(mangled);
    return r;
}

static long lookup(RpSymtable *st, RpSTEntry *ste, RpObject *name)
{
    RpObject *mangled = _RpST_Mangle(st->private_, name);
    if (mangled == NULL)
        return -1;
    long v = get_flags(ste->symbols, mangled);
    Rp_DECREF(mangled);
    return v;
}

/* ---- pass 1: visiting the AST -------------------------------------------- */

static int visit_stmt(RpSymtable *st, stmt_ty s);
static int visit_expr(RpSymtable *st, expr_ty e);
static int visit_pattern(RpSymtable *st, pattern_ty p);

static int visit_stmts(RpSymtable *st, asdl_seq *seq)
{
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(seq); i++)
        if (visit_stmt(st, asdl_seq_GET(seq, i)) < 0)
            return -1;
    return 0;
}

static int visit_exprs(RpSymtable *st, asdl_seq *seq)
{
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
        expr_ty e = asdl_seq_GET(seq, i);
        if (e != NULL && visit_expr(st, e) < 0)
            return -1;
    }
    return 0;
}

static int visit_params(RpSymtable *st, asdl_seq *args)
{
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty a = asdl_seq_GET(args, i);
        if (add_def(st, a->arg, DEF_PARAM, POS(a)) < 0)
            return -1;
    }
    return 0;
}

/* Parameters in CPython's order: positional, keyword-only, *args, **kw. */
static int visit_arguments(RpSymtable *st, arguments_ty a)
{
    if (visit_params(st, a->posonlyargs) < 0 || visit_params(st, a->args) < 0 ||
        visit_params(st, a->kwonlyargs) < 0)
        return -1;
    if (a->vararg) {
        if (add_def(st, a->vararg->arg, DEF_PARAM, POS(a->vararg)) < 0)
            return -1;
        st->cur->varargs = 1;
    }
    if (a->kwarg) {
        if (add_def(st, a->kwarg->arg, DEF_PARAM, POS(a->kwarg)) < 0)
            return -1;
        st->cur->varkeywords = 1;
    }
    return 0;
}

static int visit_arg_annotations(RpSymtable *st, asdl_seq *args)
{
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty a = asdl_seq_GET(args, i);
        if (a->annotation && visit_expr(st, a->annotation) < 0)
            return -1;
    }
    return 0;
}

/* Annotations are evaluated in the enclosing scope. */
static int visit_annotations(RpSymtable *st, arguments_ty a, expr_ty returns)
{
    if (visit_arg_annotations(st, a->posonlyargs) < 0 ||
        visit_arg_annotations(st, a->args) < 0 ||
        (a->vararg && a->vararg->annotation && visit_expr(st, a->vararg->annotation) < 0) ||
        visit_arg_annotations(st, a->kwonlyargs) < 0 ||
        (a->kwarg && a->kwarg->annotation && visit_expr(st, a->kwarg->annotation) < 0))
        return -1;
    return returns ? visit_expr(st, returns) : 0;
}

static int visit_defaults(RpSymtable *st, arguments_ty a)
{
    return visit_exprs(st, a->defaults) < 0 ? -1 : visit_exprs(st, a->kw_defaults);
}

static int visit_function(RpSymtable *st, stmt_ty s, int is_async)
{
    if (add_def(st, s->v.FunctionDef.name, DEF_LOCAL, POS(s)) < 0)
        return -1;
    if (visit_defaults(st, s->v.FunctionDef.args) < 0 ||
        visit_annotations(st, s->v.FunctionDef.args, s->v.FunctionDef.returns) < 0 ||
        visit_exprs(st, s->v.FunctionDef.decorator_list) < 0)
        return -1;
    if (enter_block(st, s->v.FunctionDef.name, ST_FUNCTION, s, s->lineno, s->col_offset) < 0)
        return -1;
    if (is_async)
        st->cur->is_coroutine = 1;
    if (visit_arguments(st, s->v.FunctionDef.args) < 0 ||
        visit_stmts(st, s->v.FunctionDef.body) < 0)
        return -1;
    exit_block(st);
    return 0;
}

static int visit_class(RpSymtable *st, stmt_ty s)
{
    if (add_def(st, s->v.ClassDef.name, DEF_LOCAL, POS(s)) < 0)
        return -1;
    if (visit_exprs(st, s->v.ClassDef.bases) < 0)
        return -1;
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(s->v.ClassDef.keywords); i++) {
        keyword_ty k = asdl_seq_GET(s->v.ClassDef.keywords, i);
        if (visit_expr(st, k->value) < 0)
            return -1;
    }
    if (visit_exprs(st, s->v.ClassDef.decorator_list) < 0)
        return -1;
    if (enter_block(st, s->v.ClassDef.name, ST_CLASS, s, s->lineno, s->col_offset) < 0)
        return -1;
    RpObject *saved = st->private_;
    st->private_ = s->v.ClassDef.name;
    int r = visit_stmts(st, s->v.ClassDef.body);
    st->private_ = saved;
    if (r < 0)
        return -1;
    exit_block(st);
    return 0;
}

static const char *const global_msgs[] = {
    "name '%U' is parameter and global",
    "name '%U' is used prior to global declaration",
    "annotated name '%U' can't be global",
    "name '%U' is assigned to before global declaration",
};
static const char *const nonlocal_msgs[] = {
    "name '%U' is parameter and nonlocal",
    "name '%U' is used prior to nonlocal declaration",
    "annotated name '%U' can't be nonlocal",
    "name '%U' is assigned to before nonlocal declaration",
};

/* `global x` / `nonlocal x`: the name must not be used before. */
static int visit_declaration(RpSymtable *st, stmt_ty s, asdl_seq *names, int is_global)
{
    const char *const *msgs = is_global ? global_msgs : nonlocal_msgs;
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(names); i++) {
        RpObject *name = asdl_seq_GET(names, i);
        long cur = lookup(st, st->cur, name);
        if (cur < 0)
            return -1;
        if (cur & (DEF_PARAM | DEF_LOCAL | DEF_USE | DEF_ANNOT)) {
            const char *msg = (cur & DEF_PARAM) ? msgs[0] : (cur & DEF_USE) ? msgs[1]
                            : (cur & DEF_ANNOT) ? msgs[2] : msgs[3];
            return st_error_at(st, POS(s), msg, name);
        }
        if (add_def(st, name, is_global ? DEF_GLOBAL : DEF_NONLOCAL, POS(s)) < 0 ||
            record_directive(st, st->cur, name, POS(s)) < 0)
            return -1;
    }
    return 0;
}

static int visit_alias(RpSymtable *st, alias_ty a)
{
    RpObject *store = a->asname ? a->asname : a->name;
    const char *n = RpUnicode_AsUTF8(store);
    if (strcmp(n, "*") == 0) {
        if (st->cur->type != ST_MODULE)
            return st_error_at(st, POS(a), "import * only allowed at module level", NULL);
        return 0;
    }
    const char *dot = strchr(n, '.');
    if (dot == NULL)
        return add_def(st, store, DEF_IMPORT, POS(a));
    /* `import a.b.c` binds `a` */
    RpObject *first = RpUnicode_FromStringAndSize(n, dot - n);
    if (first == NULL)
        return -1;
    RpUnicode_InternInPlace(&first);
    int r = first ? add_def(st, first, DEF_IMPORT, POS(a)) : -1;
    Rp_XDECREF(first);
    return r;
}

static int visit_annassign(RpSymtable *st, stmt_ty s)
{
    expr_ty t = s->v.AnnAssign.target;
    if (t->kind == Name_kind) {
        long cur = lookup(st, st->cur, t->v.Name.id);
        if (cur < 0)
            return -1;
        if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) && st->cur != st->top && s->v.AnnAssign.simple)
            return st_error_at(st, POS(s), (cur & DEF_GLOBAL) ? global_msgs[2] : nonlocal_msgs[2],
                               t->v.Name.id);
        if (s->v.AnnAssign.simple) {
            if (add_def(st, t->v.Name.id, DEF_ANNOT | DEF_LOCAL, POS(t)) < 0)
                return -1;
        } else if (s->v.AnnAssign.value && add_def(st, t->v.Name.id, DEF_LOCAL, POS(t)) < 0) {
            return -1;
        }
    } else if (visit_expr(st, t) < 0) {
        return -1;
    }
    if (visit_expr(st, s->v.AnnAssign.annotation) < 0)
        return -1;
    return s->v.AnnAssign.value ? visit_expr(st, s->v.AnnAssign.value) : 0;
}

static int visit_try(RpSymtable *st, stmt_ty s)
{
    if (visit_stmts(st, s->v.Try.body) < 0)
        return -1;
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(s->v.Try.handlers); i++) {
        excepthandler_ty h = asdl_seq_GET(s->v.Try.handlers, i);
        if (h->type && visit_expr(st, h->type) < 0)
            return -1;
        if (h->name && add_def(st, h->name, DEF_LOCAL, POS(h)) < 0)
            return -1;
        if (visit_stmts(st, h->body) < 0)
            return -1;
    }
    if (visit_stmts(st, s->v.Try.orelse) < 0)
        return -1;
    return visit_stmts(st, s->v.Try.finalbody);
}

static int visit_with(RpSymtable *st, stmt_ty s)
{
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(s->v.With.items); i++) {
        withitem_ty w = asdl_seq_GET(s->v.With.items, i);
        if (visit_expr(st, w->context_expr) < 0)
            return -1;
        if (w->optional_vars && visit_expr(st, w->optional_vars) < 0)
            return -1;
    }
    return visit_stmts(st, s->v.With.body);
}

static int visit_match(RpSymtable *st, stmt_ty s)
{
    if (visit_expr(st, s->v.Match.subject) < 0)
        return -1;
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(s->v.Match.cases); i++) {
        match_case_ty mc = asdl_seq_GET(s->v.Match.cases, i);
        if (visit_pattern(st, mc->pattern) < 0)
            return -1;
        if (mc->guard && visit_expr(st, mc->guard) < 0)
            return -1;
        if (visit_stmts(st, mc->body) < 0)
            return -1;
    }
    return 0;
}

static int visit_stmt_inner(RpSymtable *st, stmt_ty s)
{
    switch (s->kind) {
    case FunctionDef_kind:
        return visit_function(st, s, 0);
    case AsyncFunctionDef_kind:
        return visit_function(st, s, 1);
    case ClassDef_kind:
        return visit_class(st, s);
    case Return_kind:
        return s->v.Return.value ? visit_expr(st, s->v.Return.value) : 0;
    case Delete_kind:
        return visit_exprs(st, s->v.Delete.targets);
    case Assign_kind:
        if (visit_exprs(st, s->v.Assign.targets) < 0)
            return -1;
        return visit_expr(st, s->v.Assign.value);
    case AugAssign_kind:
        if (visit_expr(st, s->v.AugAssign.target) < 0)
            return -1;
        return visit_expr(st, s->v.AugAssign.value);
    case AnnAssign_kind:
        return visit_annassign(st, s);
    case For_kind:
    case AsyncFor_kind:
        if (visit_expr(st, s->v.For.target) < 0 || visit_expr(st, s->v.For.iter) < 0 ||
            visit_stmts(st, s->v.For.body) < 0)
            return -1;
        return visit_stmts(st, s->v.For.orelse);
    case While_kind:
    case If_kind:
        if (visit_expr(st, s->v.While.test) < 0 || visit_stmts(st, s->v.While.body) < 0)
            return -1;
        return visit_stmts(st, s->v.While.orelse);
    case With_kind:
    case AsyncWith_kind:
        return visit_with(st, s);
    case Match_kind:
        return visit_match(st, s);
    case Raise_kind:
        if (s->v.Raise.exc && visit_expr(st, s->v.Raise.exc) < 0)
            return -1;
        return s->v.Raise.cause ? visit_expr(st, s->v.Raise.cause) : 0;
    case Try_kind:
    case TryStar_kind:
        return visit_try(st, s);
    case Assert_kind:
        if (visit_expr(st, s->v.Assert.test) < 0)
            return -1;
        return s->v.Assert.msg ? visit_expr(st, s->v.Assert.msg) : 0;
    case Import_kind:
    case ImportFrom_kind: {
        asdl_seq *names = s->kind == Import_kind ? s->v.Import.names : s->v.ImportFrom.names;
        for (Rp_ssize_t i = 0; i < asdl_seq_LEN(names); i++)
            if (visit_alias(st, asdl_seq_GET(names, i)) < 0)
                return -1;
        return 0;
    }
    case Global_kind:
        return visit_declaration(st, s, s->v.Global.names, 1);
    case Nonlocal_kind:
        return visit_declaration(st, s, s->v.Nonlocal.names, 0);
    case Expr_kind:
        return visit_expr(st, s->v.Expr.value);
    case Pass_kind:
    case Break_kind:
    case Continue_kind:
        return 0;
    }
    return 0;
}

static int enter_rec(RpSymtable *st)
{
    if (++st->depth > 2000) {
        RpErr_SetString(RpExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        return -1;
    }
    return 0;
}

static int visit_stmt(RpSymtable *st, stmt_ty s)
{
    if (enter_rec(st) < 0)
        return -1;
    int r = visit_stmt_inner(st, s);
    st->depth--;
    return r;
}

/* ---- expressions ---- */

static const char *comp_desc(int kind)
{
    switch (kind) {
    case COMP_LIST: return "list comprehension";
    case COMP_SET: return "set comprehension";
    case COMP_DICT: return "dict comprehension";
    default: return "generator expression";
    }
}

/* PEP 572: `(x := v)` inside a comprehension binds x in the nearest
 * enclosing function (or module) scope. */
static int extend_namedexpr_scope(RpSymtable *st, expr_ty target)
{
    RpObject *name = target->v.Name.id;
    for (RpSTEntry *ste = st->cur; ste != NULL; ste = ste->parent) {
        if (ste->comprehension) {
            long f = lookup(st, ste, name);
            if (f < 0)
                return -1;
            if (f & DEF_COMP_ITER)
                return st_error_at(st, POS(target), "assignment expression cannot rebind "
                                   "comprehension iteration variable '%U'", name);
            continue;
        }
        if (ste->type == ST_FUNCTION) {
            long f = lookup(st, ste, name);
            if (f < 0)
                return -1;
            if (add_def(st, name, (f & DEF_GLOBAL) ? DEF_GLOBAL : DEF_NONLOCAL, POS(target)) < 0 ||
                record_directive(st, st->cur, name, POS(target)) < 0)
                return -1;
            return add_def_in(st, ste, name, DEF_LOCAL, POS(target));
        }
        if (ste->type == ST_MODULE) {
            if (add_def(st, name, DEF_GLOBAL, POS(target)) < 0)
                return -1;
            return add_def_in(st, ste, name, DEF_GLOBAL, POS(target));
        }
        return st_error_at(st, POS(target), "assignment expression within a comprehension "
                           "cannot be used in a class body", NULL);
    }
    return 0;
}

static int visit_namedexpr(RpSymtable *st, expr_ty e)
{
    if (st->cur->comp_iter_expr > 0)
        return st_error_at(st, POS(e), "assignment expression cannot be used in a "
                           "comprehension iterable expression", NULL);
    if (visit_expr(st, e->v.NamedExpr.value) < 0)
        return -1;
    if (st->cur->comprehension)
        return extend_namedexpr_scope(st, e->v.NamedExpr.target);
    return visit_expr(st, e->v.NamedExpr.target);
}

static int visit_comp_target(RpSymtable *st, expr_ty target)
{
    st->cur->comp_iter_target = 1;
    int r = visit_expr(st, target);
    st->cur->comp_iter_target = 0;
    return r;
}

/* The first iterable is evaluated in the enclosing scope and passed as
 * the implicit argument `.0`; the rest lives in the new function scope. */
static int visit_comprehension(RpSymtable *st, expr_ty e, asdl_seq *gens,
                               expr_ty elt, expr_ty value, int kind)
{
    static const char *const names[] = {"", "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
    comprehension_ty first = asdl_seq_GET(gens, 0);
    st->cur->comp_iter_expr++;
    int r = visit_expr(st, first->iter);
    st->cur->comp_iter_expr--;
    if (r < 0)
        return -1;
    if (enter_block_str(st, names[kind], ST_FUNCTION, e, e->lineno, e->col_offset) < 0)
        return -1;
    st->cur->comprehension = kind;
    if (kind == COMP_GENEXP)
        st->cur->is_generator = 1;
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(gens); i++)
        if (((comprehension_ty)asdl_seq_GET(gens, i))->is_async)
            st->cur->is_coroutine = 1;
    if (add_def_str(st, ".0", DEF_PARAM, e->lineno, e->col_offset) < 0 ||
        visit_comp_target(st, first->target) < 0 || visit_exprs(st, first->ifs) < 0)
        return -1;
    for (Rp_ssize_t i = 1; i < asdl_seq_LEN(gens); i++) {
        comprehension_ty g = asdl_seq_GET(gens, i);
        if (visit_comp_target(st, g->target) < 0)
            return -1;
        st->cur->comp_iter_expr++;
        r = visit_expr(st, g->iter);
        st->cur->comp_iter_expr--;
        if (r < 0 || visit_exprs(st, g->ifs) < 0)
            return -1;
    }
    if (value && visit_expr(st, value) < 0)
        return -1;
    if (visit_expr(st, elt) < 0)
        return -1;
    RpSTEntry *comp = st->cur;
    exit_block(st);
    /* An async list/set/dict comprehension is awaited where it stands: only
     * an async function or another comprehension may hold it. */
    if (comp->is_coroutine && kind != COMP_GENEXP) {
        if (!st->cur->is_coroutine && !st->cur->comprehension)
            return st_error_at(st, POS(e), "asynchronous comprehension outside of an "
                               "asynchronous function", NULL);
        st->cur->is_coroutine = 1;
    }
    return 0;
}

static int visit_lambda(RpSymtable *st, expr_ty e)
{
    if (visit_defaults(st, e->v.Lambda.args) < 0)
        return -1;
    if (enter_block_str(st, "<lambda>", ST_FUNCTION, e, e->lineno, e->col_offset) < 0)
        return -1;
    st->cur->is_lambda = 1;
    if (visit_arguments(st, e->v.Lambda.args) < 0 || visit_expr(st, e->v.Lambda.body) < 0)
        return -1;
    exit_block(st);
    return 0;
}

static int visit_yield(RpSymtable *st, expr_ty e, expr_ty value)
{
    if (value && visit_expr(st, value) < 0)
        return -1;
    if (st->cur->comprehension)
        return _RpCompile_SyntaxError(RpExc_SyntaxError, st->filename, e->lineno,
                                      e->col_offset + 1, e->end_lineno, e->end_col_offset + 1,
                                      NULL, "'yield' inside %s",
                                      comp_desc(st->cur->comprehension)) ? 0 : -1;
    if (st->cur->type != ST_FUNCTION)
        return st_error_at(st, POS(e), "'yield' outside function", NULL);
    st->cur->is_generator = 1;
    return 0;
}

static int visit_name(RpSymtable *st, expr_ty e)
{
    if (add_def(st, e->v.Name.id, e->v.Name.ctx == Load ? DEF_USE : DEF_LOCAL, POS(e)) < 0)
        return -1;
    /* zero-argument super() needs the implicit __class__ cell */
    if (e->v.Name.ctx == Load && st->cur->type == ST_FUNCTION &&
        _RpUnicode_EqualToASCIIString(e->v.Name.id, "super"))
        return add_def_str(st, "__class__", DEF_USE, e->lineno, e->col_offset);
    return 0;
}

static int visit_call(RpSymtable *st, expr_ty e)
{
    if (visit_expr(st, e->v.Call.func) < 0 || visit_exprs(st, e->v.Call.args) < 0)
        return -1;
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(e->v.Call.keywords); i++) {
        keyword_ty k = asdl_seq_GET(e->v.Call.keywords, i);
        if (visit_expr(st, k->value) < 0)
            return -1;
    }
    return 0;
}

static int visit_expr_inner(RpSymtable *st, expr_ty e)
{
    switch (e->kind) {
    case NamedExpr_kind:
        return visit_namedexpr(st, e);
    case BoolOp_kind:
        return visit_exprs(st, e->v.BoolOp.values);
    case BinOp_kind:
        return visit_expr(st, e->v.BinOp.left) < 0 ? -1 : visit_expr(st, e->v.BinOp.right);
    case UnaryOp_kind:
        return visit_expr(st, e->v.UnaryOp.operand);
    case Lambda_kind:
        return visit_lambda(st, e);
    case IfExp_kind:
        if (visit_expr(st, e->v.IfExp.test) < 0 || visit_expr(st, e->v.IfExp.body) < 0)
            return -1;
        return visit_expr(st, e->v.IfExp.orelse);
    case Dict_kind:
        return visit_exprs(st, e->v.Dict.keys) < 0 ? -1 : visit_exprs(st, e->v.Dict.values);
    case Set_kind:
        return visit_exprs(st, e->v.Set.elts);
    case ListComp_kind:
        return visit_comprehension(st, e, e->v.ListComp.generators, e->v.ListComp.elt, NULL, COMP_LIST);
    case SetComp_kind:
        return visit_comprehension(st, e, e->v.ListComp.generators, e->v.ListComp.elt, NULL, COMP_SET);
    case GeneratorExp_kind:
        return visit_comprehension(st, e, e->v.ListComp.generators, e->v.ListComp.elt, NULL, COMP_GENEXP);
    case DictComp_kind:
        return visit_comprehension(st, e, e->v.DictComp.generators, e->v.DictComp.key,
                                   e->v.DictComp.value, COMP_DICT);
    case Yield_kind:
        return visit_yield(st, e, e->v.Yield.value);
    case YieldFrom_kind:
        return visit_yield(st, e, e->v.YieldFrom.value);
    case Await_kind:
        if (visit_expr(st, e->v.Await.value) < 0)
            return -1;
        if (st->cur->comprehension && st->cur->parent)
            st->cur->is_coroutine = 1;
        return 0;
    case Compare_kind:
        if (visit_expr(st, e->v.Compare.left) < 0)
            return -1;
        return visit_exprs(st, e->v.Compare.comparators);
    case Call_kind:
        return visit_call(st, e);
    case FormattedValue_kind:
        if (visit_expr(st, e->v.FormattedValue.value) < 0)
            return -1;
        return e->v.FormattedValue.format_spec ? visit_expr(st, e->v.FormattedValue.format_spec) : 0;
    case JoinedStr_kind:
        return visit_exprs(st, e->v.JoinedStr.values);
    case Constant_kind:
        return 0;
    case Attribute_kind:
        return visit_expr(st, e->v.Attribute.value);
    case Subscript_kind:
        return visit_expr(st, e->v.Subscript.value) < 0 ? -1 : visit_expr(st, e->v.Subscript.slice);
    case Starred_kind:
        return visit_expr(st, e->v.Starred.value);
    case Name_kind:
        return visit_name(st, e);
    case List_kind:
    case Tuple_kind:
        return visit_exprs(st, e->v.List.elts);
    case Slice_kind:
        if (e->v.Slice.lower && visit_expr(st, e->v.Slice.lower) < 0)
            return -1;
        if (e->v.Slice.upper && visit_expr(st, e->v.Slice.upper) < 0)
            return -1;
        return e->v.Slice.step ? visit_expr(st, e->v.Slice.step) : 0;
    }
    return 0;
}

static int visit_expr(RpSymtable *st, expr_ty e)
{
    if (enter_rec(st) < 0)
        return -1;
    int r = visit_expr_inner(st, e);
    st->depth--;
    return r;
}

static int visit_patterns(RpSymtable *st, asdl_seq *ps)
{
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(ps); i++)
        if (visit_pattern(st, asdl_seq_GET(ps, i)) < 0)
            return -1;
    return 0;
}

static int visit_pattern(RpSymtable *st, pattern_ty p)
{
    switch (p->kind) {
    case MatchValue_kind:
        return visit_expr(st, p->v.MatchValue.value);
    case MatchSingleton_kind:
        return 0;
    case MatchSequence_kind:
        return visit_patterns(st, p->v.MatchSequence.patterns);
    case MatchStar_kind:
        return p->v.MatchStar.name ? add_def(st, p->v.MatchStar.name, DEF_LOCAL, POS(p)) : 0;
    case MatchMapping_kind:
        if (visit_exprs(st, p->v.MatchMapping.keys) < 0 ||
            visit_patterns(st, p->v.MatchMapping.patterns) < 0)
            return -1;
        return p->v.MatchMapping.rest ? add_def(st, p->v.MatchMapping.rest, DEF_LOCAL, POS(p)) : 0;
    case MatchClass_kind:
        if (visit_expr(st, p->v.MatchClass.cls) < 0 ||
            visit_patterns(st, p->v.MatchClass.patterns) < 0)
            return -1;
        return visit_patterns(st, p->v.MatchClass.kwd_patterns);
    case MatchAs_kind:
        if (p->v.MatchAs.pattern && visit_pattern(st, p->v.MatchAs.pattern) < 0)
            return -1;
        return p->v.MatchAs.name ? add_def(st, p->v.MatchAs.name, DEF_LOCAL, POS(p)) : 0;
    case MatchOr_kind:
        return visit_patterns(st, p->v.MatchOr.patterns);
    }
    return 0;
}

/* ---- pass 2: analysis ------------------------------------------------------ */

static int set_scope(RpObject *scopes, RpObject *name, int scope)
{
    return set_flags(scopes, name, scope);
}

static int set_has(RpObject *set, RpObject *name)
{
    return set != NULL && RpSet_Contains(set, name) == 1;
}

static int analyze_name(RpSymtable *st, RpSTEntry *ste, RpObject *scopes, RpObject *name,
                        long flags, RpObject *bound, RpObject *local, RpObject *free,
                        RpObject *global)
{
    if (flags & DEF_GLOBAL) {
        if (flags & DEF_NONLOCAL)
            return st_error_directive(st, ste, name, "name '%U' is nonlocal and global");
        if (set_scope(scopes, name, SC_GLOBAL_EXPLICIT) < 0 || RpSet_Add(global, name) < 0)
            return -1;
        return (bound && RpSet_Discard(bound, name) < 0) ? -1 : 0;
    }
    if (flags & DEF_NONLOCAL) {
        if (bound == NULL)
            return st_error_directive(st, ste, name, "nonlocal declaration not allowed at module level");
        if (!set_has(bound, name))
            return st_error_directive(st, ste, name, "no binding for nonlocal '%U' found");
        ste->has_free = 1;
        return set_scope(scopes, name, SC_FREE) < 0 ? -1 : RpSet_Add(free, name);
    }
    if (flags & DEF_BOUND) {
        if (set_scope(scopes, name, SC_LOCAL) < 0 || RpSet_Add(local, name) < 0)
            return -1;
        return (global && RpSet_Discard(global, name) < 0) ? -1 : 0;
    }
    if (set_has(bound, name)) {
        ste->has_free = 1;
        return set_scope(scopes, name, SC_FREE) < 0 ? -1 : RpSet_Add(free, name);
    }
    if (!set_has(global, name) && ste->nested)
        ste->has_free = 1;
    return set_scope(scopes, name, SC_GLOBAL_IMPLICIT);
}

/* A local of a function that a child uses freely becomes a cell. */
static int analyze_cells(RpObject *scopes, RpObject *free)
{
    RpObject *keys = RpDict_Keys(scopes);   /* a copy: we write while walking */
    if (keys == NULL)
        return -1;
    int r = 0;
    for (Rp_ssize_t i = 0; i < RpList_GET_SIZE(keys) && r == 0; i++) {
        RpObject *name = RpList_GET_ITEM(keys, i);
        if (get_flags(scopes, name) != SC_LOCAL || !set_has(free, name))
            continue;
        if (set_scope(scopes, name, SC_CELL) < 0 || RpSet_Discard(free, name) < 0)
            r = -1;
    }
    Rp_DECREF(keys);
    return r;
}

/* Write the scopes into the symbol flags; add names that are free in a
 * child and merely pass through this scope. */
static int update_symbols(RpSTEntry *ste, RpObject *scopes, RpObject *bound, RpObject *free)
{
    Rp_ssize_t pos = 0;
    RpObject *name, *v;
    while (RpDict_Next(scopes, &pos, &name, &v)) {
        long flags = get_flags(ste->symbols, name);
        if (set_flags(ste->symbols, name, flags | (RpLong_AsLong(v) << SCOPE_OFFSET)) < 0)
            return -1;
    }
    RpObject *items = RpSequence_List(free);   /* sorted for deterministic order */
    if (items == NULL || RpList_Sort(items) < 0) {
        Rp_XDECREF(items);
        return -1;
    }
    int r = 0;
    for (Rp_ssize_t i = 0; i < RpList_GET_SIZE(items) && r == 0; i++) {
        name = RpList_GET_ITEM(items, i);
        long flags = get_flags(ste->symbols, name);
        if (flags != 0) {
            if (ste->type == ST_CLASS && (flags & (DEF_BOUND | DEF_GLOBAL)))
                r = set_flags(ste->symbols, name, flags | DEF_FREE_CLASS);
            continue;
        }
        if (bound && !set_has(bound, name))
            continue;   /* a global */
        r = set_flags(ste->symbols, name, (long)SC_FREE << SCOPE_OFFSET);
    }
    Rp_DECREF(items);
    return r;
}

static int analyze_block(RpSymtable *st, RpSTEntry *ste, RpObject *bound,
                         RpObject *free, RpObject *global);

static RpObject *set_copy(RpObject *s)
{
    return RpSet_New(s);
}

static int analyze_child(RpSymtable *st, RpSTEntry *child, RpObject *bound,
                         RpObject *global, RpObject *allfree)
{
    RpObject *b = set_copy(bound), *f = RpSet_New(NULL), *g = set_copy(global);
    int r = -1;
    if (b && f && g && analyze_block(st, child, b, f, g) == 0)
        r = _RpSet_Update(allfree, f);
    Rp_XDECREF(b);
    Rp_XDECREF(f);
    Rp_XDECREF(g);
    return r;
}

static int analyze_names(RpSymtable *st, RpSTEntry *ste, RpObject *scopes, RpObject *bound,
                         RpObject *local, RpObject *free, RpObject *global)
{
    Rp_ssize_t pos = 0;
    RpObject *name, *v;
    while (RpDict_Next(ste->symbols, &pos, &name, &v))
        if (analyze_name(st, ste, scopes, name, RpLong_AsLong(v), bound, local, free, global) < 0)
            return -1;
    return 0;
}

/* What the children of `ste` see as bound in enclosing functions and as
 * explicitly global. */
static int child_context(RpSTEntry *ste, RpObject *bound, RpObject *local,
                         RpObject *global, RpObject *newbound, RpObject *newglobal)
{
    if (_RpSet_Update(newglobal, global) < 0)
        return -1;
    if (bound && _RpSet_Update(newbound, bound) < 0)
        return -1;
    if (ste->type == ST_FUNCTION && _RpSet_Update(newbound, local) < 0)
        return -1;
    if (ste->type == ST_CLASS) {
        /* methods may refer to the implicit __class__ cell */
        RpObject *cls = RpUnicode_InternFromString("__class__");
        int r = cls ? RpSet_Add(newbound, cls) : -1;
        Rp_XDECREF(cls);
        return r;
    }
    return 0;
}

static int analyze_block(RpSymtable *st, RpSTEntry *ste, RpObject *bound,
                         RpObject *free, RpObject *global)
{
    RpObject *local = RpSet_New(NULL), *scopes = RpDict_New();
    RpObject *newglobal = RpSet_New(NULL), *newbound = RpSet_New(NULL);
    RpObject *newfree = RpSet_New(NULL);
    int r = -1;
    if (!local || !scopes || !newglobal || !newbound || !newfree)
        goto done;
    if (analyze_names(st, ste, scopes, bound, local, free, global) < 0)
        goto done;
    if (child_context(ste, bound, local, global, newbound, newglobal) < 0)
        goto done;
    for (int i = 0; i < ste->nchildren; i++) {
        RpSTEntry *child = ste->children[i];
        if (analyze_child(st, child, newbound, newglobal, newfree) < 0)
            goto done;
        if (child->has_free || child->child_free)
            ste->child_free = 1;
    }
    if (ste->type == ST_FUNCTION && analyze_cells(scopes, newfree) < 0)
        goto done;
    if (ste->type == ST_CLASS) {
        RpObject *cls = RpUnicode_InternFromString("__class__");
        int found = cls ? RpSet_Discard(newfree, cls) : -1;
        Rp_XDECREF(cls);
        if (found < 0)
            goto done;
        if (found)
            ste->needs_class_closure = 1;
    }
    if (update_symbols(ste, scopes, bound, newfree) < 0)
        goto done;
    r = _RpSet_Update(free, newfree);
done:
    Rp_XDECREF(local);
    Rp_XDECREF(scopes);
    Rp_XDECREF(newglobal);
    Rp_XDECREF(newbound);
    Rp_XDECREF(newfree);
    return r;
}

/* ---- entry points -------------------------------------------------------- */

void RpSymtable_Free(RpSymtable *st)
{
    if (st == NULL)
        return;
    ste_free(st->top);
    RpMem_Free(st);
}

static int visit_module(RpSymtable *st, mod_ty mod)
{
    if (enter_block_str(st, "top", ST_MODULE, mod, 0, 0) < 0)
        return -1;
    if (mod->kind == Expression_kind)
        return visit_expr(st, mod->expr);
    return visit_stmts(st, mod->body);
}

RpSymtable *RpSymtable_Build(mod_ty mod, RpObject *filename)
{
    RpSymtable *st = RpMem_Calloc(1, sizeof(RpSymtable));
    if (st == NULL) {
        RpErr_NoMemory();
        return NULL;
    }
    st->filename = filename;
    if (visit_module(st, mod) < 0)
        goto error;
    st->cur = NULL;
    RpObject *free = RpSet_New(NULL), *global = RpSet_New(NULL);
    int r = (free && global) ? analyze_block(st, st->top, NULL, free, global) : -1;
    Rp_XDECREF(free);
    Rp_XDECREF(global);
    if (r < 0)
        goto error;
    return st;
error:
    RpSymtable_Free(st);
    return NULL;
}
