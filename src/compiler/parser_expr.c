/* parser_expr.c -- expressions, assignment targets, call arguments,
 * comprehensions and parameter lists, following the precedence levels of
 * Python 3.11's grammar (expression > disjunction > ... > primary > atom).
 *
 * Binary operators are parsed with loops, so `x+x+...` does not recurse;
 * prefix operators (`-`, `not`) and brackets do, under the depth guard.
 * Targets are parsed as expressions and then converted (ctx set, validity
 * checked), which keeps the parser free of backtracking.
 */
#include "rp.h"
#include "tokenizer.h"
#include <stdlib.h>

static expr_ty atom(RpParser *p);
static expr_ty factor(RpParser *p);
static asdl_seq *for_if_clauses(RpParser *p);
static expr_ty lambdef(RpParser *p);

int _RpParser_StartsExpression(RpToken *t)
{
    switch (t->type) {
    case TOK_NAME:
        return t->kw == KW_NONE_ || t->kw == KW_None || t->kw == KW_True || t->kw == KW_False ||
               t->kw == KW_not || t->kw == KW_lambda || t->kw == KW_await;
    case TOK_NUMBER: case TOK_STRING: case TOK_LPAR: case TOK_LSQB: case TOK_LBRACE:
    case TOK_MINUS: case TOK_PLUS: case TOK_TILDE: case TOK_ELLIPSIS:
        return 1;
    default:
        return 0;
    }
}

static expr_ty new_from(RpParser *p, expr_kind k, RpToken *st)
{
    return _RpParser_NewExpr(p, k, st->lineno, st->col);
}

/* A node spanning [a.start, b.end]. */
static expr_ty new_span(RpParser *p, expr_kind k, expr_ty a, expr_ty b)
{
    return RpAST_NewExpr(k, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset, p->arena);
}

static expr_ty name_expr(RpParser *p, RpToken *t, expr_context_ty ctx)
{
    identifier id = _RpParser_Identifier(p, t);
    if (id == NULL)
        return NULL;
    expr_ty e = RpAST_NewExpr(Name_kind, t->lineno, t->col, t->end_lineno, t->end_col, p->arena);
    if (e == NULL)
        return NULL;
    e->v.Name.id = id;
    e->v.Name.ctx = ctx;
    return e;
}

/* ---- names of expressions in messages ------------------------------------ */

const char *_RpParser_ExprName(expr_ty e)
{
    switch (e->kind) {
    case Attribute_kind: return "attribute";
    case Subscript_kind: return "subscript";
    case Starred_kind: return "starred";
    case Name_kind: return "name";
    case List_kind: return "list";
    case Tuple_kind: return "tuple";
    case Lambda_kind: return "lambda";
    case Call_kind: return "function call";
    case BoolOp_kind: case BinOp_kind: case UnaryOp_kind: return "expression";
    case GeneratorExp_kind: return "generator expression";
    case Yield_kind: case YieldFrom_kind: return "yield expression";
    case Await_kind: return "await expression";
    case ListComp_kind: return "list comprehension";
    case SetComp_kind: return "set comprehension";
    case DictComp_kind: return "dict comprehension";
    case Dict_kind: return "dict literal";
    case Set_kind: return "set display";
    case JoinedStr_kind: case FormattedValue_kind: return "f-string expression";
    case Compare_kind: return "comparison";
    case IfExp_kind: return "conditional expression";
    case NamedExpr_kind: return "named expression";
    case Slice_kind: return "slice";
    case Constant_kind: {
        RpObject *v = e->v.Constant.value;
        if (v == Rp_None) return "None";
        if (v == Rp_True) return "True";
        if (v == Rp_False) return "False";
        if (v == Rp_Ellipsis) return "ellipsis";
        return "literal";
    }
    }
    return "expression";
}

/* ---- targets ------------------------------------------------------------- */

expr_ty _RpParser_InvalidTarget(expr_ty e, expr_context_ty ctx)
{
    switch (e->kind) {
    case Name_kind: case Attribute_kind: case Subscript_kind:
        return NULL;
    case Starred_kind:
        if (ctx == Del)
            return e;
        return _RpParser_InvalidTarget(e->v.Starred.value, ctx);
    case List_kind: case Tuple_kind:
        for (Rp_ssize_t i = 0; i < asdl_seq_LEN(e->v.List.elts); i++) {
            expr_ty bad = _RpParser_InvalidTarget(asdl_seq_GET(e->v.List.elts, i), ctx);
            if (bad)
                return bad;
        }
        return NULL;
    default:
        return e;
    }
}

static void set_ctx(expr_ty e, expr_context_ty ctx)
{
    switch (e->kind) {
    case Name_kind: e->v.Name.ctx = ctx; break;
    case Attribute_kind: e->v.Attribute.ctx = ctx; break;
    case Subscript_kind: e->v.Subscript.ctx = ctx; break;
    case Starred_kind:
        e->v.Starred.ctx = ctx;
        set_ctx(e->v.Starred.value, ctx);
        break;
    case List_kind: case Tuple_kind:
        e->v.List.ctx = ctx;
        for (Rp_ssize_t i = 0; i < asdl_seq_LEN(e->v.List.elts); i++)
            set_ctx(asdl_seq_GET(e->v.List.elts, i), ctx);
        break;
    default:
        break;
    }
}

int _RpParser_SetContext(RpParser *p, expr_ty e, expr_context_ty ctx)
{
    expr_ty bad = _RpParser_InvalidTarget(e, ctx);
    if (bad != NULL) {
        _RpParser_ErrorExpr(p, bad, ctx == Del ? "cannot delete %s" : "cannot assign to %s",
                            _RpParser_ExprName(bad));
        return -1;
    }
    set_ctx(e, ctx);
    return 0;
}

static expr_ty star_target(RpParser *p)
{
    RpToken *st = PEEK();
    if (ACCEPT(TOK_STAR)) {
        if (IS(TOK_STAR))
            return _RpParser_InvalidSyntax(p);
        if (_RpParser_Enter(p) < 0)
            return NULL;
        expr_ty v = star_target(p);
        LEAVE(p);
        if (v == NULL)
            return NULL;
        expr_ty e = new_from(p, Starred_kind, st);
        if (e) {
            e->v.Starred.value = v;
            e->v.Starred.ctx = Store;
        }
        return e;
    }
    return _RpParser_Primary(p);
}

static int starts_target(RpParser *p)
{
    return IS(TOK_STAR) || IS_NAME() || IS(TOK_LPAR) || IS(TOK_LSQB) ||
           _RpParser_StartsExpression(PEEK());
}

expr_ty _RpParser_TargetList(RpParser *p, int single)
{
    RpToken *st = PEEK();
    expr_ty e = star_target(p);
    if (e == NULL || single || !IS(TOK_COMMA))
        return e;
    RpPtrVec v;
    _RpPtrVec_Init(&v);
    if (_RpPtrVec_Push(&v, e) < 0)
        goto error;
    while (ACCEPT(TOK_COMMA)) {
        if (!starts_target(p))
            break;
        e = star_target(p);
        if (e == NULL || _RpPtrVec_Push(&v, e) < 0)
            goto error;
    }
    asdl_seq *elts = _RpPtrVec_Finish(&v, p);
    if (elts == NULL)
        return NULL;
    e = new_from(p, Tuple_kind, st);
    if (e) {
        e->v.List.elts = elts;
        e->v.List.ctx = Store;
    }
    return e;
error:
    _RpPtrVec_Free(&v);
    return NULL;
}

/* ---- atoms --------------------------------------------------------------- */

static expr_ty constant_expr(RpParser *p, RpToken *t, RpObject *value)
{
    expr_ty e = RpAST_NewExpr(Constant_kind, t->lineno, t->col, t->end_lineno, t->end_col, p->arena);
    if (e)
        e->v.Constant.value = value;
    return e;
}

/* Numbers: underscores go; a trailing j makes an imaginary literal. */
static expr_ty number(RpParser *p)
{
    RpToken *t = NEXT();
    Rp_ssize_t n = t->end - t->start;
    char small[64];
    char *buf = n < (Rp_ssize_t)sizeof small ? small : RpMem_Malloc((size_t)n + 1);
    if (buf == NULL) {
        RpErr_NoMemory();
        return NULL;
    }
    Rp_ssize_t k = 0;
    for (const char *s = t->start; s < t->end; s++)
        if (*s != '_')
            buf[k++] = *s;
    buf[k] = '\0';
    int is_hex = k > 1 && buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X');
    int imag = buf[k - 1] == 'j' || buf[k - 1] == 'J';
    int is_float = imag || (!is_hex && strpbrk(buf, ".eE") != NULL);
    RpObject *v;
    if (is_float) {
        if (imag)
            buf[k - 1] = '\0';
        const char *end;
        double d = RpDtoa_Strtod(buf, &end);
        v = imag ? RpComplex_FromDoubles(0.0, d) : RpFloat_FromDouble(d);
    } else {
        v = RpLong_FromString(buf, NULL, 0);
    }
    if (buf != small)
        RpMem_Free(buf);
    if (_RpParser_Own(p, v) < 0)
        return NULL;
    return constant_expr(p, t, v);
}

static expr_ty keyword_constant(RpParser *p)
{
    RpToken *t = NEXT();
    RpObject *v = t->kw == KW_None ? Rp_None : t->kw == KW_True ? Rp_True : Rp_False;
    if (_RpParser_Own(p, Rp_NewRef(v)) < 0)
        return NULL;
    return constant_expr(p, t, v);
}

static expr_ty ellipsis(RpParser *p)
{
    RpToken *t = NEXT();
    if (_RpParser_Own(p, Rp_NewRef(Rp_Ellipsis)) < 0)
        return NULL;
    return constant_expr(p, t, Rp_Ellipsis);
}

/* A comprehension whose element(s) were already parsed. */
static expr_ty comprehension_node(RpParser *p, expr_kind k, RpToken *st, expr_ty elt,
                                  expr_ty value, int closer)
{
    asdl_seq *gens = for_if_clauses(p);
    if (gens == NULL || !_RpParser_Expect(p, closer, NULL))
        return NULL;
    expr_ty e = new_from(p, k, st);
    if (e == NULL)
        return NULL;
    if (k == DictComp_kind) {
        e->v.DictComp.key = elt;
        e->v.DictComp.value = value;
        e->v.DictComp.generators = gens;
    } else {
        e->v.ListComp.elt = elt;
        e->v.ListComp.generators = gens;
    }
    return e;
}

static int starts_comprehension(RpParser *p)
{
    return IS_KW(for) || (IS_KW(async) && _RpParser_PeekN(p, 1)->type == TOK_NAME &&
                          _RpParser_PeekN(p, 1)->kw == KW_for);
}

/* Elements after the first of a list/tuple/set display, up to `closer`. */
static asdl_seq *display_rest(RpParser *p, expr_ty first, int closer)
{
    RpPtrVec v;
    _RpPtrVec_Init(&v);
    if (_RpPtrVec_Push(&v, first) < 0)
        goto error;
    while (ACCEPT(TOK_COMMA)) {
        if (IS(closer))
            break;
        expr_ty e = _RpParser_StarNamedExpression(p);
        if (e == NULL || _RpPtrVec_Push(&v, e) < 0)
            goto error;
    }
    if (!_RpParser_Expect(p, closer, NULL))
        goto error;
    return _RpPtrVec_Finish(&v, p);
error:
    _RpPtrVec_Free(&v);
    return NULL;
}

static expr_ty seq_node(RpParser *p, expr_kind k, RpToken *st, asdl_seq *elts)
{
    expr_ty e = new_from(p, k, st);
    if (e) {
        e->v.List.elts = elts;
        e->v.List.ctx = Load;
    }
    return e;
}

static expr_ty paren_atom(RpParser *p)
{
    RpToken *st = NEXT();
    if (ACCEPT(TOK_RPAR))
        return seq_node(p, Tuple_kind, st, asdl_seq_new(0, p->arena));
    if (IS_KW(yield)) {
        expr_ty y = _RpParser_YieldExpr(p);
        if (y == NULL || !_RpParser_Expect(p, TOK_RPAR, NULL))
            return NULL;
        return y;
    }
    expr_ty first = _RpParser_StarNamedExpression(p);
    if (first == NULL)
        return NULL;
    if (starts_comprehension(p))
        return comprehension_node(p, GeneratorExp_kind, st, first, NULL, TOK_RPAR);
    if (IS(TOK_COMMA)) {
        asdl_seq *elts = display_rest(p, first, TOK_RPAR);
        return elts ? seq_node(p, Tuple_kind, st, elts) : NULL;
    }
    if (!_RpParser_Expect(p, TOK_RPAR, NULL))
        return NULL;
    if (first->kind == Starred_kind)
        return _RpParser_ErrorExpr(p, first, "cannot use starred expression here");
    return first;
}

static expr_ty list_atom(RpParser *p)
{
    RpToken *st = NEXT();
    if (ACCEPT(TOK_RSQB))
        return seq_node(p, List_kind, st, asdl_seq_new(0, p->arena));
    expr_ty first = _RpParser_StarNamedExpression(p);
    if (first == NULL)
        return NULL;
    if (starts_comprehension(p))
        return comprehension_node(p, ListComp_kind, st, first, NULL, TOK_RSQB);
    asdl_seq *elts = display_rest(p, first, TOK_RSQB);
    return elts ? seq_node(p, List_kind, st, elts) : NULL;
}

/* key: value | **mapping, one dict entry; key NULL for ** */
static int dict_item(RpParser *p, expr_ty *key, expr_ty *value)
{
    if (ACCEPT(TOK_DOUBLESTAR)) {
        *key = NULL;
        *value = _RpParser_BitwiseOr(p);
        return *value ? 0 : -1;
    }
    *key = _RpParser_Expression(p);
    if (*key == NULL)
        return -1;
    if (!IS(TOK_COLON)) {
        _RpParser_ErrorExpr(p, *key, "':' expected after dictionary key");
        return -1;
    }
    RpToken *colon = NEXT();
    if (IS(TOK_RBRACE) || IS(TOK_COMMA)) {
        _RpParser_ErrorTok(p, colon, "expression expected after dictionary key and ':'");
        return -1;
    }
    *value = _RpParser_Expression(p);
    return *value ? 0 : -1;
}

static expr_ty dict_rest(RpParser *p, RpToken *st, expr_ty k0, expr_ty v0)
{
    RpPtrVec keys, vals;
    _RpPtrVec_Init(&keys);
    _RpPtrVec_Init(&vals);
    if (_RpPtrVec_Push(&keys, k0) < 0 || _RpPtrVec_Push(&vals, v0) < 0)
        goto error;
    while (ACCEPT(TOK_COMMA)) {
        if (IS(TOK_RBRACE))
            break;
        expr_ty k, v;
        if (dict_item(p, &k, &v) < 0 || _RpPtrVec_Push(&keys, k) < 0 ||
            _RpPtrVec_Push(&vals, v) < 0)
            goto error;
    }
    if (!_RpParser_Expect(p, TOK_RBRACE, NULL))
        goto error;
    expr_ty e = new_from(p, Dict_kind, st);
    if (e == NULL)
        goto error;
    e->v.Dict.keys = _RpPtrVec_Finish(&keys, p);
    e->v.Dict.values = _RpPtrVec_Finish(&vals, p);
    return e->v.Dict.keys && e->v.Dict.values ? e : NULL;
error:
    _RpPtrVec_Free(&keys);
    _RpPtrVec_Free(&vals);
    return NULL;
}

static expr_ty brace_atom(RpParser *p)
{
    RpToken *st = NEXT();
    if (ACCEPT(TOK_RBRACE)) {
        expr_ty e = new_from(p, Dict_kind, st);
        if (e) {
            e->v.Dict.keys = asdl_seq_new(0, p->arena);
            e->v.Dict.values = asdl_seq_new(0, p->arena);
        }
        return e;
    }
    if (IS(TOK_DOUBLESTAR)) {
        expr_ty k, v;
        if (dict_item(p, &k, &v) < 0)
            return NULL;
        return dict_rest(p, st, k, v);
    }
    expr_ty first = _RpParser_StarNamedExpression(p);
    if (first == NULL)
        return NULL;
    if (first->kind != Starred_kind && ACCEPT(TOK_COLON)) {
        if (IS(TOK_RBRACE) || IS(TOK_COMMA))
            return _RpParser_ErrorTok(p, LAST(), "expression expected after dictionary key and ':'");
        expr_ty value = _RpParser_Expression(p);
        if (value == NULL)
            return NULL;
        if (starts_comprehension(p))
            return comprehension_node(p, DictComp_kind, st, first, value, TOK_RBRACE);
        return dict_rest(p, st, first, value);
    }
    if (starts_comprehension(p))
        return comprehension_node(p, SetComp_kind, st, first, NULL, TOK_RBRACE);
    asdl_seq *elts = display_rest(p, first, TOK_RBRACE);
    if (elts == NULL)
        return NULL;
    expr_ty e = new_from(p, Set_kind, st);
    if (e)
        e->v.Set.elts = elts;
    return e;
}

static expr_ty atom(RpParser *p)
{
    RpToken *t = PEEK();
    switch (t->type) {
    case TOK_NAME:
        if (t->kw == KW_NONE_)
            return name_expr(p, NEXT(), Load);
        if (t->kw == KW_None || t->kw == KW_True || t->kw == KW_False)
            return keyword_constant(p);
        return _RpParser_InvalidSyntax(p);
    case TOK_NUMBER:
        return number(p);
    case TOK_STRING:
        return _RpParser_Strings(p);
    case TOK_LPAR:
        return paren_atom(p);
    case TOK_LSQB:
        return list_atom(p);
    case TOK_LBRACE:
        return brace_atom(p);
    case TOK_ELLIPSIS:
        return ellipsis(p);
    default:
        return _RpParser_InvalidSyntax(p);
    }
}

/* ---- primary: atom followed by .name, (args), [slices] ------------------- */

static expr_ty slice_item(RpParser *p)
{
    RpToken *st = PEEK();
    expr_ty lower = NULL, upper = NULL, step = NULL;
    if (IS(TOK_STAR)) {
        NEXT();
        expr_ty v = _RpParser_BitwiseOr(p);
        if (v == NULL)
            return NULL;
        expr_ty e = new_from(p, Starred_kind, st);
        if (e) {
            e->v.Starred.value = v;
            e->v.Starred.ctx = Load;
        }
        return e;
    }
    if (!IS(TOK_COLON)) {
        lower = _RpParser_NamedExpression(p);
        if (lower == NULL || !IS(TOK_COLON))
            return lower;
    }
    NEXT();
    if (!IS(TOK_COLON) && !IS(TOK_RSQB) && !IS(TOK_COMMA)) {
        if ((upper = _RpParser_Expression(p)) == NULL)
            return NULL;
    }
    if (ACCEPT(TOK_COLON) && !IS(TOK_RSQB) && !IS(TOK_COMMA)) {
        if ((step = _RpParser_Expression(p)) == NULL)
            return NULL;
    }
    expr_ty e = new_from(p, Slice_kind, st);
    if (e) {
        e->v.Slice.lower = lower;
        e->v.Slice.upper = upper;
        e->v.Slice.step = step;
    }
    return e;
}

static expr_ty slices(RpParser *p)
{
    RpToken *st = PEEK();
    expr_ty first = slice_item(p);
    if (first == NULL)
        return NULL;
    if (!IS(TOK_COMMA)) {
        if (first->kind != Starred_kind)
            return first;
        /* a[*b] subscripts with a one-element tuple */
        asdl_seq *one = asdl_seq_new(1, p->arena);
        if (one == NULL)
            return NULL;
        asdl_seq_SET(one, 0, first);
        return seq_node(p, Tuple_kind, st, one);
    }
    RpPtrVec v;
    _RpPtrVec_Init(&v);
    if (_RpPtrVec_Push(&v, first) < 0)
        goto error;
    while (ACCEPT(TOK_COMMA)) {
        if (IS(TOK_RSQB))
            break;
        expr_ty e = slice_item(p);
        if (e == NULL || _RpPtrVec_Push(&v, e) < 0)
            goto error;
    }
    asdl_seq *elts = _RpPtrVec_Finish(&v, p);
    return elts ? seq_node(p, Tuple_kind, st, elts) : NULL;
error:
    _RpPtrVec_Free(&v);
    return NULL;
}

static expr_ty trailer(RpParser *p, expr_ty e)
{
    RpToken *t = NEXT();
    expr_ty r;
    if (t->type == TOK_DOT) {
        if (!IS_NAME())
            return _RpParser_InvalidSyntax(p);
        identifier attr = _RpParser_Identifier(p, NEXT());
        if (attr == NULL || (r = new_span(p, Attribute_kind, e, e)) == NULL)
            return NULL;
        r->v.Attribute.value = e;
        r->v.Attribute.attr = attr;
        r->v.Attribute.ctx = Load;
    } else if (t->type == TOK_LPAR) {
        asdl_seq *kws = NULL;
        asdl_seq *args = _RpParser_CallArgs(p, &kws);
        if (args == NULL || (r = new_span(p, Call_kind, e, e)) == NULL)
            return NULL;
        r->v.Call.func = e;
        r->v.Call.args = args;
        r->v.Call.keywords = kws;
    } else {
        expr_ty s = slices(p);
        if (s == NULL || !_RpParser_Expect(p, TOK_RSQB, NULL))
            return NULL;
        if ((r = new_span(p, Subscript_kind, e, e)) == NULL)
            return NULL;
        r->v.Subscript.value = e;
        r->v.Subscript.slice = s;
        r->v.Subscript.ctx = Load;
    }
    r->end_lineno = LAST()->end_lineno;
    r->end_col_offset = LAST()->end_col;
    return r;
}

expr_ty _RpParser_Primary(RpParser *p)
{
    if (_RpParser_Enter(p) < 0)
        return NULL;
    expr_ty e = atom(p);
    while (e != NULL && (IS(TOK_DOT) || IS(TOK_LPAR) || IS(TOK_LSQB)))
        e = trailer(p, e);
    LEAVE(p);
    return e;
}

/* ---- call arguments ------------------------------------------------------ */

typedef struct {
    RpPtrVec args, kws;
    int seen_kw, seen_dstar;
} callargs;

static keyword_ty new_keyword(RpParser *p, RpToken *st, identifier arg, expr_ty value)
{
    keyword_ty k = RpArena_Malloc(p->arena, sizeof *k);
    if (k == NULL)
        return NULL;
    k->arg = arg;
    k->value = value;
    k->lineno = st->lineno;
    k->col_offset = st->col;
    k->end_lineno = value->end_lineno;
    k->end_col_offset = value->end_col_offset;
    return k;
}

static int starred_arg(RpParser *p, callargs *c, RpToken *st)
{
    expr_ty v = _RpParser_Expression(p);
    if (v == NULL)
        return -1;
    expr_ty e = new_from(p, Starred_kind, st);
    if (e == NULL)
        return -1;
    e->v.Starred.value = v;
    e->v.Starred.ctx = Load;
    if (c->seen_dstar) {
        _RpParser_ErrorExpr(p, e, "iterable argument unpacking follows keyword argument unpacking");
        return -1;
    }
    return _RpPtrVec_Push(&c->args, e);
}

static int keyword_arg(RpParser *p, callargs *c, RpToken *st, int dstar)
{
    identifier name = NULL;
    if (!dstar) {
        if ((name = _RpParser_Identifier(p, NEXT())) == NULL)
            return -1;
        NEXT();    /* '=' */
    }
    expr_ty v = _RpParser_Expression(p);
    if (v == NULL)
        return -1;
    keyword_ty k = new_keyword(p, st, name, v);
    if (k == NULL)
        return -1;
    c->seen_kw = 1;
    c->seen_dstar |= dstar;
    return _RpPtrVec_Push(&c->kws, k);
}

/* A plain positional argument (maybe a sole generator expression). */
static int positional_arg(RpParser *p, callargs *c, RpToken *open)
{
    RpToken *st = PEEK();
    expr_ty e = _RpParser_NamedExpression(p);
    if (e == NULL)
        return -1;
    if (starts_comprehension(p)) {
        asdl_seq *gens = for_if_clauses(p);
        if (gens == NULL)
            return -1;
        expr_ty g = new_from(p, GeneratorExp_kind, st);
        if (g == NULL)
            return -1;
        g->v.ListComp.elt = e;
        g->v.ListComp.generators = gens;
        if (!IS(TOK_RPAR) || c->args.n > 0 || c->kws.n > 0) {
            _RpParser_ErrorExpr(p, g, "Generator expression must be parenthesized");
            return -1;
        }
        /* a sole generator argument spans the call's parentheses */
        g->lineno = open->lineno;
        g->col_offset = open->col;
        RpToken *close = PEEK();
        g->end_lineno = close->end_lineno;
        g->end_col_offset = close->end_col;
        e = g;
    } else if (IS(TOK_EQUAL)) {
        NEXT();
        expr_ty v = _RpParser_Expression(p);
        if (v != NULL)
            _RpParser_ErrorRange(p, e, v, "expression cannot contain assignment, perhaps you meant \"==\"?");
        return -1;
    }
    if (c->seen_kw) {
        /* CPython reports this at the token after the argument */
        _RpParser_ErrorTok(p, PEEK(), c->seen_dstar ? "positional argument follows keyword argument unpacking"
                                               : "positional argument follows keyword argument");
        return -1;
    }
    return _RpPtrVec_Push(&c->args, e);
}

static int one_arg(RpParser *p, callargs *c, RpToken *open)
{
    RpToken *st = PEEK();
    if (ACCEPT(TOK_STAR))
        return starred_arg(p, c, st);
    if (ACCEPT(TOK_DOUBLESTAR))
        return keyword_arg(p, c, st, 1);
    if (IS_NAME() && _RpParser_PeekN(p, 1)->type == TOK_EQUAL)
        return keyword_arg(p, c, st, 0);
    return positional_arg(p, c, open);
}

asdl_seq *_RpParser_CallArgs(RpParser *p, asdl_seq **keywords)
{
    RpToken *open = LAST();
    callargs c;
    _RpPtrVec_Init(&c.args);
    _RpPtrVec_Init(&c.kws);
    c.seen_kw = c.seen_dstar = 0;
    while (!IS(TOK_RPAR)) {
        if (one_arg(p, &c, open) < 0)
            goto error;
        if (!ACCEPT(TOK_COMMA))
            break;
    }
    if (!_RpParser_Expect(p, TOK_RPAR, NULL))
        goto error;
    *keywords = _RpPtrVec_Finish(&c.kws, p);
    asdl_seq *args = _RpPtrVec_Finish(&c.args, p);
    return *keywords ? args : NULL;
error:
    _RpPtrVec_Free(&c.args);
    _RpPtrVec_Free(&c.kws);
    return NULL;
}

/* ---- operators ----------------------------------------------------------- */

static expr_ty await_primary(RpParser *p)
{
    RpToken *st = PEEK();
    if (!ACCEPT_KW(await))
        return _RpParser_Primary(p);
    expr_ty v = _RpParser_Primary(p);
    if (v == NULL)
        return NULL;
    expr_ty e = new_from(p, Await_kind, st);
    if (e)
        e->v.Await.value = v;
    return e;
}

static expr_ty binop(RpParser *p, expr_ty l, operator_ty op, expr_ty r)
{
    expr_ty e = new_span(p, BinOp_kind, l, r);
    if (e) {
        e->v.BinOp.left = l;
        e->v.BinOp.op = op;
        e->v.BinOp.right = r;
    }
    return e;
}

static expr_ty power(RpParser *p)
{
    expr_ty a = await_primary(p);
    if (a == NULL || !ACCEPT(TOK_DOUBLESTAR))
        return a;
    expr_ty b = factor(p);
    return b ? binop(p, a, Pow, b) : NULL;
}

static expr_ty factor(RpParser *p)
{
    RpToken *st = PEEK();
    unaryop_ty op = st->type == TOK_PLUS ? UAdd : st->type == TOK_MINUS ? USub
                  : st->type == TOK_TILDE ? Invert : 0;
    if (op == 0)
        return power(p);
    if (_RpParser_Enter(p) < 0)
        return NULL;
    NEXT();
    expr_ty v = factor(p);
    LEAVE(p);
    if (v == NULL)
        return NULL;
    expr_ty e = new_from(p, UnaryOp_kind, st);
    if (e) {
        e->v.UnaryOp.op = op;
        e->v.UnaryOp.operand = v;
    }
    return e;
}

/* The left-associative binary levels, lowest binding last. */
typedef struct { int tok; operator_ty op; } opmap;
static const opmap term_ops[] = { { TOK_STAR, Mult }, { TOK_SLASH, Div },
    { TOK_DOUBLESLASH, FloorDiv }, { TOK_PERCENT, Mod }, { TOK_AT, MatMult }, { 0, 0 } };
static const opmap sum_ops[] = { { TOK_PLUS, Add }, { TOK_MINUS, Sub }, { 0, 0 } };
static const opmap shift_ops[] = { { TOK_LEFTSHIFT, LShift }, { TOK_RIGHTSHIFT, RShift }, { 0, 0 } };
static const opmap and_ops[] = { { TOK_AMPER, BitAnd }, { 0, 0 } };
static const opmap xor_ops[] = { { TOK_CIRCUMFLEX, BitXor }, { 0, 0 } };
static const opmap or_ops[] = { { TOK_VBAR, BitOr }, { 0, 0 } };
static const opmap *const levels[] = { or_ops, xor_ops, and_ops, shift_ops, sum_ops, term_ops };
#define NLEVELS 6

static operator_ty match_op(RpParser *p, const opmap *m)
{
    int t = PEEK()->type;
    for (; m->tok; m++)
        if (m->tok == t)
            return m->op;
    return 0;
}

static expr_ty binary_level(RpParser *p, int level)
{
    if (level == NLEVELS)
        return factor(p);
    expr_ty a = binary_level(p, level + 1);
    operator_ty op;
    while (a != NULL && (op = match_op(p, levels[level])) != 0) {
        NEXT();
        expr_ty b = binary_level(p, level + 1);
        a = b ? binop(p, a, op, b) : NULL;
    }
    return a;
}

expr_ty _RpParser_BitwiseOr(RpParser *p)
{
    return binary_level(p, 0);
}

/* One comparison operator, consumed; 0 if none. */
static cmpop_ty comp_op(RpParser *p)
{
    RpToken *t = PEEK();
    cmpop_ty op = 0;
    switch (t->type) {
    case TOK_EQEQUAL: op = Eq; break;
    case TOK_NOTEQUAL: op = t->start[0] == '<' ? 0 : NotEq; break;  /* no '<>' */
    case TOK_LESS: op = Lt; break;
    case TOK_LESSEQUAL: op = LtE; break;
    case TOK_GREATER: op = Gt; break;
    case TOK_GREATEREQUAL: op = GtE; break;
    case TOK_NAME:
        if (t->kw == KW_in) {
            op = In;
        } else if (t->kw == KW_not && _RpParser_PeekN(p, 1)->kw == KW_in &&
                   _RpParser_PeekN(p, 1)->type == TOK_NAME) {
            NEXT();
            op = NotIn;
        } else if (t->kw == KW_is) {
            if (_RpParser_PeekN(p, 1)->type == TOK_NAME && _RpParser_PeekN(p, 1)->kw == KW_not) {
                NEXT();
                op = IsNot;
            } else {
                op = Is;
            }
        }
        break;
    default:
        break;
    }
    if (op)
        NEXT();
    return op;
}

static expr_ty comparison(RpParser *p)
{
    expr_ty a = _RpParser_BitwiseOr(p);
    if (a == NULL)
        return NULL;
    cmpop_ty op = comp_op(p);
    if (op == 0)
        return a;
    RpPtrVec ops, comps;
    _RpPtrVec_Init(&ops);
    _RpPtrVec_Init(&comps);
    for (; op != 0; op = comp_op(p)) {
        expr_ty b = _RpParser_BitwiseOr(p);
        if (b == NULL || _RpPtrVec_Push(&ops, (void *)(intptr_t)op) < 0 ||
            _RpPtrVec_Push(&comps, b) < 0)
            goto error;
    }
    int *opv = RpArena_Malloc(p->arena, (size_t)ops.n * sizeof(int));
    if (opv == NULL)
        goto error;
    for (Rp_ssize_t i = 0; i < ops.n; i++)
        opv[i] = (int)(intptr_t)ops.items[i];
    _RpPtrVec_Free(&ops);
    expr_ty last = comps.items[comps.n - 1];
    expr_ty e = new_span(p, Compare_kind, a, last);
    if (e == NULL)
        goto error;
    e->v.Compare.left = a;
    e->v.Compare.ops = opv;
    e->v.Compare.comparators = _RpPtrVec_Finish(&comps, p);
    return e->v.Compare.comparators ? e : NULL;
error:
    _RpPtrVec_Free(&ops);
    _RpPtrVec_Free(&comps);
    return NULL;
}

static expr_ty inversion(RpParser *p)
{
    RpToken *st = PEEK();
    if (!(st->type == TOK_NAME && st->kw == KW_not))
        return comparison(p);
    if (_RpParser_Enter(p) < 0)
        return NULL;
    NEXT();
    expr_ty v = inversion(p);
    LEAVE(p);
    if (v == NULL)
        return NULL;
    expr_ty e = new_from(p, UnaryOp_kind, st);
    if (e) {
        e->v.UnaryOp.op = Not;
        e->v.UnaryOp.operand = v;
    }
    return e;
}

static expr_ty boolop(RpParser *p, int kw, boolop_ty op, expr_ty (*sub)(RpParser *))
{
    expr_ty a = sub(p);
    if (a == NULL || !(IS(TOK_NAME) && PEEK()->kw == kw))
        return a;
    RpPtrVec v;
    _RpPtrVec_Init(&v);
    if (_RpPtrVec_Push(&v, a) < 0)
        goto error;
    while (IS(TOK_NAME) && PEEK()->kw == kw) {
        NEXT();
        expr_ty b = sub(p);
        if (b == NULL || _RpPtrVec_Push(&v, b) < 0)
            goto error;
    }
    expr_ty last = v.items[v.n - 1];
    expr_ty e = new_span(p, BoolOp_kind, a, last);
    if (e == NULL)
        goto error;
    e->v.BoolOp.op = op;
    e->v.BoolOp.values = _RpPtrVec_Finish(&v, p);
    return e->v.BoolOp.values ? e : NULL;
error:
    _RpPtrVec_Free(&v);
    return NULL;
}

static expr_ty conjunction(RpParser *p)
{
    return boolop(p, KW_and, And, inversion);
}

expr_ty _RpParser_Disjunction(RpParser *p)
{
    return boolop(p, KW_or, Or, conjunction);
}

/* Inside brackets, `a b` is almost always a missing comma (CPython's
 * invalid_expression rule). */
static expr_ty forgot_comma(RpParser *p, RpToken *st, expr_ty a)
{
    RpToken *t = PEEK();
    if (t->level == 0 || !_RpParser_StartsExpression(t))
        return a;
    if (_RpParser_IsSoftKw(st, "match") || _RpParser_IsSoftKw(st, "case") ||
        _RpParser_IsSoftKw(st, "_"))
        return a;
    if (st->type == TOK_NAME && t->type == TOK_STRING && a->kind == Name_kind)
        return a;
    expr_ty b = _RpParser_Expression(p);
    if (b == NULL)
        return NULL;
    return _RpParser_ErrorRange(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
}

expr_ty _RpParser_Expression(RpParser *p)
{
    if (IS_KW(lambda))
        return lambdef(p);
    if (_RpParser_Enter(p) < 0)
        return NULL;
    RpToken *st = PEEK();
    expr_ty a = _RpParser_Disjunction(p), r = a;
    if (a != NULL && ACCEPT_KW(if)) {
        expr_ty b = _RpParser_Disjunction(p), c = NULL;
        if (b != NULL && !ACCEPT_KW(else)) {
            r = _RpParser_ErrorRange(p, a, b, "expected 'else' after 'if' expression");
        } else if (b != NULL && (c = _RpParser_Expression(p)) != NULL &&
                   (r = new_span(p, IfExp_kind, a, c)) != NULL) {
            r->v.IfExp.test = b;
            r->v.IfExp.body = a;
            r->v.IfExp.orelse = c;
        } else {
            r = NULL;
        }
    } else if (a != NULL) {
        r = forgot_comma(p, st, a);
    }
    LEAVE(p);
    return r;
}

/* NAME ':=' expression | expression */
expr_ty _RpParser_NamedExpression(RpParser *p)
{
    if (IS_NAME() && _RpParser_PeekN(p, 1)->type == TOK_COLONEQUAL) {
        expr_ty target = name_expr(p, NEXT(), Store);
        NEXT();
        expr_ty value = target ? _RpParser_Expression(p) : NULL;
        expr_ty e = value ? new_span(p, NamedExpr_kind, target, value) : NULL;
        if (e) {
            e->v.NamedExpr.target = target;
            e->v.NamedExpr.value = value;
        }
        return e;
    }
    expr_ty e = _RpParser_Expression(p);
    if (e != NULL && IS(TOK_COLONEQUAL))
        return _RpParser_ErrorExpr(p, e, "cannot use assignment expressions with %s",
                                   _RpParser_ExprName(e));
    return e;
}

static expr_ty starred(RpParser *p)
{
    RpToken *st = NEXT();
    expr_ty v = _RpParser_BitwiseOr(p);
    if (v == NULL)
        return NULL;
    expr_ty e = new_from(p, Starred_kind, st);
    if (e) {
        e->v.Starred.value = v;
        e->v.Starred.ctx = Load;
    }
    return e;
}

expr_ty _RpParser_StarNamedExpression(RpParser *p)
{
    return IS(TOK_STAR) ? starred(p) : _RpParser_NamedExpression(p);
}

static expr_ty star_expression(RpParser *p)
{
    return IS(TOK_STAR) ? starred(p) : _RpParser_Expression(p);
}

expr_ty _RpParser_StarExpressions(RpParser *p)
{
    RpToken *st = PEEK();
    expr_ty e = star_expression(p);
    if (e == NULL || !IS(TOK_COMMA))
        return e;
    RpPtrVec v;
    _RpPtrVec_Init(&v);
    if (_RpPtrVec_Push(&v, e) < 0)
        goto error;
    while (ACCEPT(TOK_COMMA)) {
        if (!IS(TOK_STAR) && !_RpParser_StartsExpression(PEEK()))
            break;
        e = star_expression(p);
        if (e == NULL || _RpPtrVec_Push(&v, e) < 0)
            goto error;
    }
    asdl_seq *elts = _RpPtrVec_Finish(&v, p);
    return elts ? seq_node(p, Tuple_kind, st, elts) : NULL;
error:
    _RpPtrVec_Free(&v);
    return NULL;
}

expr_ty _RpParser_YieldExpr(RpParser *p)
{
    RpToken *st = NEXT();   /* 'yield' */
    if (ACCEPT_KW(from)) {
        expr_ty v = _RpParser_Expression(p);
        expr_ty e = v ? new_from(p, YieldFrom_kind, st) : NULL;
        if (e)
            e->v.YieldFrom.value = v;
        return e;
    }
    expr_ty v = NULL;
    if (IS(TOK_STAR) || _RpParser_StartsExpression(PEEK())) {
        if ((v = _RpParser_StarExpressions(p)) == NULL)
            return NULL;
    }
    expr_ty e = new_from(p, Yield_kind, st);
    if (e)
        e->v.Yield.value = v;
    return e;
}

/* ---- comprehensions ------------------------------------------------------ */

/* The target of `for` in a comprehension or statement, stopping before
 * `in`; a malformed one gets CPython's "cannot assign to ..." message. */
static expr_ty for_target(RpParser *p)
{
    int start = p->pos;
    expr_ty t = _RpParser_TargetList(p, 0);
    if (t == NULL)
        return NULL;
    if (!IS_KW(in) && !p->tok_failed) {
        /* `for a + 1 in x`: reparse as an expression to name the culprit */
        p->pos = start;
        expr_ty e = _RpParser_BitwiseOr(p);
        if (e == NULL)
            return NULL;
        expr_ty bad = _RpParser_InvalidTarget(e, Store);
        if (bad != NULL)
            return _RpParser_ErrorExpr(p, bad, "cannot assign to %s", _RpParser_ExprName(bad));
        return _RpParser_InvalidSyntax(p);
    }
    return _RpParser_SetContext(p, t, Store) < 0 ? NULL : t;
}

expr_ty _RpParser_ForTarget(RpParser *p)
{
    return for_target(p);
}

static comprehension_ty one_clause(RpParser *p)
{
    comprehension_ty c = RpArena_Malloc(p->arena, sizeof *c);
    if (c == NULL)
        return NULL;
    c->is_async = ACCEPT_KW(async);
    NEXT();    /* 'for' */
    if ((c->target = for_target(p)) == NULL)
        return NULL;
    if (!ACCEPT_KW(in))
        return _RpParser_InvalidSyntax(p);
    if ((c->iter = _RpParser_Disjunction(p)) == NULL)
        return NULL;
    RpPtrVec ifs;
    _RpPtrVec_Init(&ifs);
    while (ACCEPT_KW(if)) {
        expr_ty cond = _RpParser_Disjunction(p);
        if (cond == NULL || _RpPtrVec_Push(&ifs, cond) < 0) {
            _RpPtrVec_Free(&ifs);
            return NULL;
        }
    }
    c->ifs = _RpPtrVec_Finish(&ifs, p);
    return c->ifs ? c : NULL;
}

static asdl_seq *for_if_clauses(RpParser *p)
{
    RpPtrVec v;
    _RpPtrVec_Init(&v);
    while (starts_comprehension(p)) {
        comprehension_ty c = one_clause(p);
        if (c == NULL || _RpPtrVec_Push(&v, c) < 0) {
            _RpPtrVec_Free(&v);
            return NULL;
        }
    }
    return _RpPtrVec_Finish(&v, p);
}

/* ---- parameters ---------------------------------------------------------- */

typedef struct {
    RpPtrVec posonly, args, defaults, kwonly, kwdefaults;
    arg_ty vararg, kwarg;
    int star_seen, slash_seen;
    RpToken *bare_star;
} params;

static arg_ty param(RpParser *p, int is_lambda, int star)
{
    if (!IS_NAME())
        return _RpParser_InvalidSyntax(p);
    RpToken *t = NEXT();
    arg_ty a = RpArena_Malloc(p->arena, sizeof *a);
    if (a == NULL || (a->arg = _RpParser_Identifier(p, t)) == NULL)
        return NULL;
    if (!is_lambda && ACCEPT(TOK_COLON)) {
        a->annotation = star && IS(TOK_STAR) ? starred(p) : _RpParser_Expression(p);
        if (a->annotation == NULL)
            return NULL;
    }
    RpToken *e = LAST();
    a->lineno = t->lineno;
    a->col_offset = t->col;
    a->end_lineno = e->end_lineno;
    a->end_col_offset = e->end_col;
    return a;
}

static int slash(RpParser *p, params *ps)
{
    RpToken *t = LAST();
    if (ps->slash_seen) {
        _RpParser_ErrorTok(p, t, "/ may appear only once");
        return -1;
    }
    if (ps->star_seen) {
        _RpParser_ErrorTok(p, t, "/ must be ahead of *");
        return -1;
    }
    if (ps->args.n == 0) {
        _RpParser_ErrorTok(p, t, "at least one argument must precede /");
        return -1;
    }
    ps->slash_seen = 1;
    /* everything so far was positional-only */
    for (Rp_ssize_t i = 0; i < ps->args.n; i++)
        if (_RpPtrVec_Push(&ps->posonly, ps->args.items[i]) < 0)
            return -1;
    ps->args.n = 0;
    return 0;
}

static int star_param(RpParser *p, params *ps, int is_lambda, int close)
{
    RpToken *t = LAST();
    if (ps->star_seen) {
        _RpParser_ErrorTok(p, t, "* argument may appear only once");
        return -1;
    }
    ps->star_seen = 1;
    if (IS(TOK_COMMA) || IS(close)) {
        ps->bare_star = t;
        return 0;
    }
    ps->vararg = param(p, is_lambda, 1);
    if (ps->vararg && IS(TOK_EQUAL)) {
        _RpParser_ErrorTok(p, PEEK(), "var-positional argument cannot have default value");
        return -1;
    }
    return ps->vararg ? 0 : -1;
}

static int plain_param(RpParser *p, params *ps, int is_lambda)
{
    arg_ty a = param(p, is_lambda, 0);
    if (a == NULL)
        return -1;
    expr_ty dflt = NULL;
    if (ACCEPT(TOK_EQUAL) && (dflt = _RpParser_Expression(p)) == NULL)
        return -1;
    if (ps->star_seen)
        return _RpPtrVec_Push(&ps->kwonly, a) < 0 || _RpPtrVec_Push(&ps->kwdefaults, dflt) < 0 ? -1 : 0;
    if (dflt == NULL && ps->defaults.n > 0) {
        _RpParser_ErrorAt(p, RpExc_SyntaxError, a->lineno, a->col_offset, a->end_lineno,
                          a->end_col_offset, "non-default argument follows default argument");
        return -1;
    }
    if (dflt != NULL && _RpPtrVec_Push(&ps->defaults, dflt) < 0)
        return -1;
    return _RpPtrVec_Push(&ps->args, a);
}

static int one_param(RpParser *p, params *ps, int is_lambda, int close)
{
    if (ACCEPT(TOK_SLASH))
        return slash(p, ps);
    if (ACCEPT(TOK_STAR))
        return star_param(p, ps, is_lambda, close);
    if (ACCEPT(TOK_DOUBLESTAR)) {
        ps->kwarg = param(p, is_lambda, 0);
        if (ps->kwarg == NULL)
            return -1;
        if (IS(TOK_EQUAL)) {
            _RpParser_ErrorTok(p, PEEK(), "var-keyword argument cannot have default value");
            return -1;
        }
        if (IS(TOK_COMMA) && _RpParser_PeekN(p, 1)->type != close) {
            _RpParser_ErrorTok(p, _RpParser_PeekN(p, 1), "arguments cannot follow var-keyword argument");
            return -1;
        }
        return 0;
    }
    return plain_param(p, ps, is_lambda);
}

static void params_free(params *ps)
{
    _RpPtrVec_Free(&ps->posonly);
    _RpPtrVec_Free(&ps->args);
    _RpPtrVec_Free(&ps->defaults);
    _RpPtrVec_Free(&ps->kwonly);
    _RpPtrVec_Free(&ps->kwdefaults);
}

static arguments_ty params_finish(RpParser *p, params *ps)
{
    arguments_ty a = RpArena_Malloc(p->arena, sizeof *a);
    if (a == NULL) {
        params_free(ps);
        return NULL;
    }
    a->posonlyargs = _RpPtrVec_Finish(&ps->posonly, p);
    a->args = _RpPtrVec_Finish(&ps->args, p);
    a->defaults = _RpPtrVec_Finish(&ps->defaults, p);
    a->kwonlyargs = _RpPtrVec_Finish(&ps->kwonly, p);
    a->kw_defaults = _RpPtrVec_Finish(&ps->kwdefaults, p);
    a->vararg = ps->vararg;
    a->kwarg = ps->kwarg;
    if (!a->posonlyargs || !a->args || !a->defaults || !a->kwonlyargs || !a->kw_defaults)
        return NULL;
    return a;
}

/* The parameter list of a def (up to ')') or a lambda (up to ':'). */
arguments_ty _RpParser_Parameters(RpParser *p, int is_lambda)
{
    int close = is_lambda ? TOK_COLON : TOK_RPAR;
    params ps;
    memset(&ps, 0, sizeof ps);
    _RpPtrVec_Init(&ps.posonly);
    _RpPtrVec_Init(&ps.args);
    _RpPtrVec_Init(&ps.defaults);
    _RpPtrVec_Init(&ps.kwonly);
    _RpPtrVec_Init(&ps.kwdefaults);
    while (!IS(close)) {
        if (one_param(p, &ps, is_lambda, close) < 0)
            goto error;
        if (!ACCEPT(TOK_COMMA))
            break;
    }
    if (ps.bare_star && ps.kwonly.n == 0) {
        _RpParser_ErrorTok(p, ps.bare_star, "named arguments must follow bare *");
        goto error;
    }
    if (!IS(close)) {
        _RpParser_InvalidSyntax(p);
        goto error;
    }
    return params_finish(p, &ps);
error:
    params_free(&ps);
    return NULL;
}

static expr_ty lambdef(RpParser *p)
{
    RpToken *st = NEXT();
    arguments_ty args = _RpParser_Parameters(p, 1);
    if (args == NULL || !_RpParser_Expect(p, TOK_COLON, NULL))
        return NULL;
    if (_RpParser_Enter(p) < 0)
        return NULL;
    expr_ty body = _RpParser_Expression(p);
    LEAVE(p);
    if (body == NULL)
        return NULL;
    expr_ty e = new_from(p, Lambda_kind, st);
    if (e) {
        e->v.Lambda.args = args;
        e->v.Lambda.body = body;
    }
    return e;
}
