/* parser_stmt.c -- statements (simple and compound), blocks, and the
 * patterns of `match`.  A compound statement ends where its last inner
 * statement ends, as in CPython's AST positions.
 */
#include "rp.h"
#include "tokenizer.h"

static int statement(RpParser *p, RpPtrVec *out);
static asdl_seq *block(RpParser *p, const char *what, int line);
static pattern_ty pattern(RpParser *p);

/* ---- helpers ------------------------------------------------------------- */

static stmt_ty new_stmt(RpParser *p, stmt_kind k, RpToken *st)
{
    return _RpParser_NewStmt(p, k, st->lineno, st->col);
}

/* Extend a compound statement's end to its last inner statement. */
static void end_at(stmt_ty s, asdl_seq *body)
{
    Rp_ssize_t n = asdl_seq_LEN(body);
    if (n == 0)
        return;
    stmt_ty last = asdl_seq_GET(body, n - 1);
    s->end_lineno = last->end_lineno;
    s->end_col_offset = last->end_col_offset;
}

static int expect_colon(RpParser *p)
{
    return _RpParser_Expect(p, TOK_COLON, ":") != NULL;
}

static asdl_seq *empty(RpParser *p)
{
    return asdl_seq_new(0, p->arena);
}

/* `if x = 1:` and friends: CPython's invalid_named_expression. */
static void *misplaced_equal(RpParser *p, expr_ty a)
{
    NEXT();   /* '=' */
    expr_ty b = _RpParser_BitwiseOr(p);
    if (b == NULL)
        return NULL;
    if (IS(TOK_EQUAL) || IS(TOK_COLONEQUAL))
        return _RpParser_InvalidSyntax(p);
    if (a->kind == Name_kind)
        return _RpParser_ErrorRange(p, a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    return _RpParser_ErrorExpr(p, a, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                               _RpParser_ExprName(a));
}

/* a condition: named_expression, with the '=' diagnosis */
static expr_ty condition(RpParser *p)
{
    expr_ty e = _RpParser_NamedExpression(p);
    if (e != NULL && IS(TOK_EQUAL))
        return misplaced_equal(p, e);
    return e;
}

static identifier name_tok(RpParser *p)
{
    if (!IS_NAME())
        return _RpParser_InvalidSyntax(p);
    return _RpParser_Identifier(p, NEXT());
}

/* ---- simple statements --------------------------------------------------- */

static expr_ty value_expr(RpParser *p)
{
    return IS_KW(yield) ? _RpParser_YieldExpr(p) : _RpParser_StarExpressions(p);
}

static int is_bitwise_level(expr_ty e)
{
    switch (e->kind) {
    case BoolOp_kind: case Compare_kind: case IfExp_kind: case Lambda_kind:
    case NamedExpr_kind: case Starred_kind: case List_kind: case Tuple_kind:
    case GeneratorExp_kind:
        return 0;
    case UnaryOp_kind:
        return e->v.UnaryOp.op != Not;
    case Constant_kind: {
        RpObject *v = e->v.Constant.value;
        return v != Rp_None && v != Rp_True && v != Rp_False;
    }
    default:
        return 1;
    }
}

static int parenthesized_tuple(expr_ty e)
{
    if (e->kind != Tuple_kind || asdl_seq_LEN(e->v.List.elts) == 0)
        return 1;
    expr_ty first = asdl_seq_GET(e->v.List.elts, 0);
    return first->lineno != e->lineno || first->col_offset != e->col_offset;
}

/* An assignment target was not assignable: pick CPython's message. */
static void *bad_assignment(RpParser *p, expr_ty target, expr_ty value, int ntargets, int first)
{
    if (target->kind == Yield_kind || target->kind == YieldFrom_kind)
        return _RpParser_ErrorExpr(p, target, "assignment to yield expression not possible");
    if (first && ntargets == 1) {
        /* the element just before '=' in `a, b = v` is checked the way
         * CPython's invalid_named_expression rule sees it */
        expr_ty last = target;
        if (!parenthesized_tuple(target))
            last = asdl_seq_GET(target->v.List.elts, asdl_seq_LEN(target->v.List.elts) - 1);
        expr_ty vfirst = value;
        if (value->kind == Tuple_kind && !parenthesized_tuple(value))
            vfirst = asdl_seq_GET(value->v.List.elts, 0);
        if (last->kind == Name_kind && last != target)
            return _RpParser_ErrorRange(p, last, vfirst,
                                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        if (last->kind != Name_kind && is_bitwise_level(last))
            return _RpParser_ErrorExpr(p, last, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                       _RpParser_ExprName(last));
    }
    expr_ty bad = _RpParser_InvalidTarget(target, Store);
    if (bad == NULL)
        bad = target;
    return _RpParser_ErrorExpr(p, bad, "cannot assign to %s", _RpParser_ExprName(bad));
}

static stmt_ty assignment(RpParser *p, RpToken *st, expr_ty first)
{
    RpPtrVec v;
    _RpPtrVec_Init(&v);
    if (_RpPtrVec_Push(&v, first) < 0)
        goto error;
    while (ACCEPT(TOK_EQUAL)) {
        expr_ty e = value_expr(p);
        if (e == NULL || _RpPtrVec_Push(&v, e) < 0)
            goto error;
    }
    expr_ty value = v.items[v.n - 1];
    for (Rp_ssize_t i = 0; i < v.n - 1; i++) {
        expr_ty t = v.items[i];
        if (t->kind == Yield_kind || t->kind == YieldFrom_kind ||
            _RpParser_InvalidTarget(t, Store) != NULL) {
            bad_assignment(p, t, v.items[i + 1], (int)v.n - 1, i == 0);
            goto error;
        }
        _RpParser_SetContext(p, t, Store);
    }
    v.n--;
    stmt_ty s = new_stmt(p, Assign_kind, st);
    if (s == NULL)
        goto error;
    s->v.Assign.value = value;
    s->v.Assign.targets = _RpPtrVec_Finish(&v, p);
    return s->v.Assign.targets ? s : NULL;
error:
    _RpPtrVec_Free(&v);
    return NULL;
}

static stmt_ty ann_assign(RpParser *p, RpToken *st, expr_ty target)
{
    if (target->kind == Tuple_kind || target->kind == List_kind)
        return _RpParser_ErrorExpr(p, target, "only single target (not %s) can be annotated",
                                   target->kind == Tuple_kind ? "tuple" : "list");
    if (target->kind != Name_kind && target->kind != Attribute_kind && target->kind != Subscript_kind)
        return _RpParser_ErrorExpr(p, target, "illegal target for annotation");
    expr_ty ann = _RpParser_Expression(p);
    if (ann == NULL)
        return NULL;
    expr_ty value = NULL;
    if (ACCEPT(TOK_EQUAL) && (value = value_expr(p)) == NULL)
        return NULL;
    _RpParser_SetContext(p, target, Store);
    stmt_ty s = new_stmt(p, AnnAssign_kind, st);
    if (s) {
        s->v.AnnAssign.target = target;
        s->v.AnnAssign.annotation = ann;
        s->v.AnnAssign.value = value;
        s->v.AnnAssign.simple = target->kind == Name_kind && st->type != TOK_LPAR;
    }
    return s;
}

static operator_ty augassign_op(int t)
{
    switch (t) {
    case TOK_PLUSEQUAL: return Add;
    case TOK_MINEQUAL: return Sub;
    case TOK_STAREQUAL: return Mult;
    case TOK_ATEQUAL: return MatMult;
    case TOK_SLASHEQUAL: return Div;
    case TOK_PERCENTEQUAL: return Mod;
    case TOK_AMPEREQUAL: return BitAnd;
    case TOK_VBAREQUAL: return BitOr;
    case TOK_CIRCUMFLEXEQUAL: return BitXor;
    case TOK_LEFTSHIFTEQUAL: return LShift;
    case TOK_RIGHTSHIFTEQUAL: return RShift;
    case TOK_DOUBLESTAREQUAL: return Pow;
    case TOK_DOUBLESLASHEQUAL: return FloorDiv;
    default: return 0;
    }
}

static stmt_ty aug_assign(RpParser *p, RpToken *st, expr_ty target, operator_ty op)
{
    if (target->kind != Name_kind && target->kind != Attribute_kind && target->kind != Subscript_kind)
        return _RpParser_ErrorExpr(p, target, "'%s' is an illegal expression for augmented assignment",
                                   _RpParser_ExprName(target));
    NEXT();
    expr_ty value = value_expr(p);
    if (value == NULL)
        return NULL;
    _RpParser_SetContext(p, target, Store);
    stmt_ty s = new_stmt(p, AugAssign_kind, st);
    if (s) {
        s->v.AugAssign.target = target;
        s->v.AugAssign.op = op;
        s->v.AugAssign.value = value;
    }
    return s;
}

/* `print x`: the Python 2 statement forms get CPython's hint. */
static int legacy_print(RpParser *p, expr_ty e)
{
    if (e->kind != Name_kind || !_RpParser_StartsExpression(PEEK()))
        return 0;
    const char *n = RpUnicode_AsUTF8(e->v.Name.id);
    if (n == NULL || (strcmp(n, "print") != 0 && strcmp(n, "exec") != 0))
        return 0;
    expr_ty rest = _RpParser_StarExpressions(p);
    if (rest != NULL)
        _RpParser_ErrorRange(p, e, rest, "Missing parentheses in call to '%s'. Did you mean %s(...)?", n, n);
    return 1;
}

static stmt_ty expr_stmt(RpParser *p)
{
    RpToken *st = PEEK();
    expr_ty e = value_expr(p);
    if (e == NULL)
        return NULL;
    if (ACCEPT(TOK_COLON))
        return ann_assign(p, st, e);
    operator_ty op = augassign_op(PEEK()->type);
    if (op)
        return aug_assign(p, st, e, op);
    if (IS(TOK_EQUAL))
        return assignment(p, st, e);
    if (legacy_print(p, e))
        return NULL;
    stmt_ty s = new_stmt(p, Expr_kind, st);
    if (s)
        s->v.Expr.value = e;
    return s;
}

static stmt_ty return_stmt(RpParser *p, RpToken *st)
{
    expr_ty v = NULL;
    if ((IS(TOK_STAR) || _RpParser_StartsExpression(PEEK())) &&
        (v = _RpParser_StarExpressions(p)) == NULL)
        return NULL;
    stmt_ty s = new_stmt(p, Return_kind, st);
    if (s)
        s->v.Return.value = v;
    return s;
}

static stmt_ty raise_stmt(RpParser *p, RpToken *st)
{
    expr_ty exc = NULL, cause = NULL;
    if (_RpParser_StartsExpression(PEEK())) {
        if ((exc = _RpParser_Expression(p)) == NULL)
            return NULL;
        if (ACCEPT_KW(from) && (cause = _RpParser_Expression(p)) == NULL)
            return NULL;
    }
    stmt_ty s = new_stmt(p, Raise_kind, st);
    if (s) {
        s->v.Raise.exc = exc;
        s->v.Raise.cause = cause;
    }
    return s;
}

static stmt_ty global_stmt(RpParser *p, RpToken *st, stmt_kind k)
{
    RpPtrVec v;
    _RpPtrVec_Init(&v);
    do {
        identifier n = name_tok(p);
        if (n == NULL || _RpPtrVec_Push(&v, n) < 0) {
            _RpPtrVec_Free(&v);
            return NULL;
        }
    } while (ACCEPT(TOK_COMMA));
    stmt_ty s = new_stmt(p, k, st);
    if (s == NULL) {
        _RpPtrVec_Free(&v);
        return NULL;
    }
    s->v.Global.names = _RpPtrVec_Finish(&v, p);
    return s->v.Global.names ? s : NULL;
}

static stmt_ty del_stmt(RpParser *p, RpToken *st)
{
    expr_ty t = _RpParser_StarExpressions(p);
    if (t == NULL || _RpParser_SetContext(p, t, Del) < 0)
        return NULL;
    stmt_ty s = new_stmt(p, Delete_kind, st);
    if (s == NULL)
        return NULL;
    /* `del a, b` deletes two targets, `del (a, b)` one tuple */
    if (t->kind == Tuple_kind && !parenthesized_tuple(t))
        s->v.Delete.targets = t->v.List.elts;
    else if ((s->v.Delete.targets = asdl_seq_new(1, p->arena)) != NULL)
        asdl_seq_SET(s->v.Delete.targets, 0, t);
    return s->v.Delete.targets ? s : NULL;
}

static stmt_ty assert_stmt(RpParser *p, RpToken *st)
{
    expr_ty test = _RpParser_Expression(p), msg = NULL;
    if (test == NULL)
        return NULL;
    if (ACCEPT(TOK_COMMA) && (msg = _RpParser_Expression(p)) == NULL)
        return NULL;
    stmt_ty s = new_stmt(p, Assert_kind, st);
    if (s) {
        s->v.Assert.test = test;
        s->v.Assert.msg = msg;
    }
    return s;
}

/* ---- import -------------------------------------------------------------- */

/* a.b.c as one interned identifier (spaces around the dots dropped) */
static identifier dotted_name(RpParser *p)
{
    if (!IS_NAME())
        return _RpParser_InvalidSyntax(p);
    RpToken *first = NEXT();
    if (!IS(TOK_DOT))
        return _RpParser_Identifier(p, first);
    RpStrBuf b;
    RpStrBuf_Init(&b);
    RpStrBuf_Append(&b, first->start, first->end - first->start);
    while (ACCEPT(TOK_DOT)) {
        if (!IS_NAME()) {
            RpStrBuf_Discard(&b);
            return _RpParser_InvalidSyntax(p);
        }
        RpToken *t = NEXT();
        RpStrBuf_AppendChar(&b, '.');
        RpStrBuf_Append(&b, t->start, t->end - t->start);
    }
    RpObject *s = RpStrBuf_Finish(&b);
    if (s == NULL)
        return NULL;
    RpUnicode_InternInPlace(&s);
    return _RpParser_Own(p, s) < 0 ? NULL : s;
}

static alias_ty new_alias(RpParser *p, RpToken *st, identifier name, identifier asname)
{
    alias_ty a = RpArena_Malloc(p->arena, sizeof *a);
    if (a == NULL)
        return NULL;
    RpToken *e = LAST();
    a->name = name;
    a->asname = asname;
    a->lineno = st->lineno;
    a->col_offset = st->col;
    a->end_lineno = e->end_lineno;
    a->end_col_offset = e->end_col;
    return a;
}

static alias_ty import_alias(RpParser *p, int dotted)
{
    RpToken *st = PEEK();
    identifier name = dotted ? dotted_name(p) : name_tok(p);
    if (name == NULL)
        return NULL;
    identifier asname = NULL;
    if (ACCEPT_KW(as) && (asname = name_tok(p)) == NULL)
        return NULL;
    return new_alias(p, st, name, asname);
}

static asdl_seq *alias_list(RpParser *p, int dotted, int parens)
{
    RpPtrVec v;
    _RpPtrVec_Init(&v);
    for (;;) {
        alias_ty a = import_alias(p, dotted);
        if (a == NULL || _RpPtrVec_Push(&v, a) < 0)
            goto error;
        if (!ACCEPT(TOK_COMMA))
            break;
        if (parens && IS(TOK_RPAR))
            break;
        if (!parens && !dotted && (IS(TOK_NEWLINE) || IS(TOK_SEMI))) {
            _RpParser_ErrorTok(p, PEEK(), "trailing comma not allowed without surrounding parentheses");
            goto error;
        }
    }
    return _RpPtrVec_Finish(&v, p);
error:
    _RpPtrVec_Free(&v);
    return NULL;
}

static stmt_ty import_stmt(RpParser *p, RpToken *st)
{
    asdl_seq *names = alias_list(p, 1, 0);
    if (names == NULL)
        return NULL;
    stmt_ty s = new_stmt(p, Import_kind, st);
    if (s)
        s->v.Import.names = names;
    return s;
}

static asdl_seq *star_import(RpParser *p)
{
    RpToken *t = NEXT();
    identifier star = _RpParser_Identifier(p, t);
    alias_ty a = star ? new_alias(p, t, star, NULL) : NULL;
    asdl_seq *s = a ? asdl_seq_new(1, p->arena) : NULL;
    if (s)
        asdl_seq_SET(s, 0, a);
    return s;
}

static stmt_ty from_stmt(RpParser *p, RpToken *st)
{
    int level = 0;
    for (;;) {
        if (ACCEPT(TOK_DOT))
            level++;
        else if (ACCEPT(TOK_ELLIPSIS))
            level += 3;
        else
            break;
    }
    identifier module = NULL;
    if (!(level > 0 && IS_KW(import)) && (module = dotted_name(p)) == NULL)
        return NULL;
    if (!ACCEPT_KW(import))
        return _RpParser_InvalidSyntax(p);
    asdl_seq *names;
    if (IS(TOK_STAR)) {
        names = star_import(p);
    } else if (ACCEPT(TOK_LPAR)) {
        names = alias_list(p, 0, 1);
        if (names && !_RpParser_Expect(p, TOK_RPAR, NULL))
            return NULL;
    } else {
        names = alias_list(p, 0, 0);
    }
    if (names == NULL)
        return NULL;
    stmt_ty s = new_stmt(p, ImportFrom_kind, st);
    if (s) {
        s->v.ImportFrom.module = module;
        s->v.ImportFrom.names = names;
        s->v.ImportFrom.level = level;
    }
    return s;
}

static stmt_ty keyword_simple(RpParser *p, int kw, RpToken *st)
{
    switch (kw) {
    case KW_pass: NEXT(); return new_stmt(p, Pass_kind, st);
    case KW_break: NEXT(); return new_stmt(p, Break_kind, st);
    case KW_continue: NEXT(); return new_stmt(p, Continue_kind, st);
    case KW_return: NEXT(); return return_stmt(p, st);
    case KW_raise: NEXT(); return raise_stmt(p, st);
    case KW_global: NEXT(); return global_stmt(p, st, Global_kind);
    case KW_nonlocal: NEXT(); return global_stmt(p, st, Nonlocal_kind);
    case KW_del: NEXT(); return del_stmt(p, st);
    case KW_assert: NEXT(); return assert_stmt(p, st);
    case KW_import: NEXT(); return import_stmt(p, st);
    case KW_from: NEXT(); return from_stmt(p, st);
    default: return expr_stmt(p);
    }
}

static stmt_ty simple_stmt(RpParser *p)
{
    RpToken *st = PEEK();
    if (st->type == TOK_NAME && st->kw != KW_NONE_)
        return keyword_simple(p, st->kw, st);
    return expr_stmt(p);
}

/* simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static int simple_stmts(RpParser *p, RpPtrVec *out)
{
    for (;;) {
        stmt_ty s = simple_stmt(p);
        if (s == NULL || _RpPtrVec_Push(out, s) < 0)
            return -1;
        if (!ACCEPT(TOK_SEMI))
            break;
        if (IS(TOK_NEWLINE))
            break;
    }
    if (!ACCEPT(TOK_NEWLINE)) {
        _RpParser_InvalidSyntax(p);
        return -1;
    }
    return 0;
}

/* ---- blocks -------------------------------------------------------------- */

/* "expected an indented block" where CPython puts it: on the offending
 * token, or past the end of the last line at end of file. */
static void *no_indent(RpParser *p, const char *what, int line)
{
    RpToken *t = PEEK();
    if (t->type == TOK_ERROR)
        return NULL;
    char msg[160];
    if (what)
        snprintf(msg, sizeof msg, "expected an indented block after %s on line %d", what, line);
    else
        snprintf(msg, sizeof msg, "expected an indented block");
    if (t->type == TOK_ENDMARKER || t->type == TOK_DEDENT) {
        int l = t->lineno;
        Rp_ssize_t n = 0;
        while (l > 1 && (RpTokenizer_Line(p->tok, l, &n) == NULL || n == 0))
            l--;
        if (RpTokenizer_Line(p->tok, l, &n) == NULL)
            n = 0;
        return _RpParser_ErrorAt(p, RpExc_IndentationError, l, (int)n, l, -1, "%s", msg);
    }
    return _RpParser_ErrorAt(p, RpExc_IndentationError, t->lineno, t->col, t->end_lineno,
                             t->end_col, "%s", msg);
}

static asdl_seq *block(RpParser *p, const char *what, int line)
{
    RpPtrVec v;
    _RpPtrVec_Init(&v);
    if (!ACCEPT(TOK_NEWLINE)) {
        if (simple_stmts(p, &v) < 0)
            goto error;
        return _RpPtrVec_Finish(&v, p);
    }
    if (!ACCEPT(TOK_INDENT)) {
        no_indent(p, what, line);
        goto error;
    }
    if (_RpParser_Enter(p) < 0)
        goto error;
    while (!ACCEPT(TOK_DEDENT)) {
        if (statement(p, &v) < 0) {
            LEAVE(p);
            goto error;
        }
    }
    LEAVE(p);
    return _RpPtrVec_Finish(&v, p);
error:
    _RpPtrVec_Free(&v);
    return NULL;
}

/* ':' block -- the common tail of every compound statement */
static asdl_seq *colon_block(RpParser *p, const char *what, RpToken *kw)
{
    if (!expect_colon(p))
        return NULL;
    return block(p, what, kw->lineno);
}

/* ---- compound statements ------------------------------------------------- */

static stmt_ty if_stmt(RpParser *p, RpToken *st, const char *what)
{
    NEXT();
    stmt_ty s = NULL;
    expr_ty test = condition(p);
    asdl_seq *body = test ? colon_block(p, what, st) : NULL;
    if (body == NULL || (s = new_stmt(p, If_kind, st)) == NULL)
        return NULL;
    s->v.If.test = test;
    s->v.If.body = body;
    end_at(s, body);
    RpToken *t = PEEK();
    if (t->type == TOK_NAME && t->kw == KW_elif) {
        stmt_ty inner = if_stmt(p, t, "'elif' statement");
        if (inner == NULL || (s->v.If.orelse = asdl_seq_new(1, p->arena)) == NULL)
            return NULL;
        asdl_seq_SET(s->v.If.orelse, 0, inner);
        s->end_lineno = inner->end_lineno;
        s->end_col_offset = inner->end_col_offset;
        return s;
    }
    if (t->type == TOK_NAME && t->kw == KW_else) {
        NEXT();
        if ((s->v.If.orelse = colon_block(p, "'else' statement", t)) == NULL)
            return NULL;
        end_at(s, s->v.If.orelse);
        return s;
    }
    s->v.If.orelse = empty(p);
    return s->v.If.orelse ? s : NULL;
}

/* [else ':' block] for while/for; updates the end position */
static int else_block(RpParser *p, stmt_ty s, asdl_seq **orelse)
{
    RpToken *t = PEEK();
    if (!(t->type == TOK_NAME && t->kw == KW_else)) {
        *orelse = empty(p);
        return *orelse ? 0 : -1;
    }
    NEXT();
    if ((*orelse = colon_block(p, "'else' statement", t)) == NULL)
        return -1;
    end_at(s, *orelse);
    return 0;
}

static stmt_ty while_stmt(RpParser *p, RpToken *st)
{
    NEXT();
    stmt_ty s = NULL;
    expr_ty test = condition(p);
    asdl_seq *body = test ? colon_block(p, "'while' statement", st) : NULL;
    if (body == NULL || (s = new_stmt(p, While_kind, st)) == NULL)
        return NULL;
    s->v.While.test = test;
    s->v.While.body = body;
    end_at(s, body);
    return else_block(p, s, &s->v.While.orelse) < 0 ? NULL : s;
}

static stmt_ty for_stmt(RpParser *p, RpToken *st, int is_async)
{
    RpToken *kw = NEXT();   /* 'for' */
    stmt_ty s = NULL;
    expr_ty target = _RpParser_ForTarget(p);
    if (target == NULL)
        return NULL;
    if (!ACCEPT_KW(in))
        return _RpParser_InvalidSyntax(p);
    expr_ty iter = _RpParser_StarExpressions(p);
    asdl_seq *body = iter ? colon_block(p, "'for' statement", kw) : NULL;
    if (body == NULL || (s = new_stmt(p, is_async ? AsyncFor_kind : For_kind, st)) == NULL)
        return NULL;
    s->v.For.target = target;
    s->v.For.iter = iter;
    s->v.For.body = body;
    end_at(s, body);
    return else_block(p, s, &s->v.For.orelse) < 0 ? NULL : s;
}

static withitem_ty with_item(RpParser *p)
{
    withitem_ty w = RpArena_Malloc(p->arena, sizeof *w);
    if (w == NULL || (w->context_expr = _RpParser_Expression(p)) == NULL)
        return NULL;
    if (ACCEPT_KW(as)) {
        w->optional_vars = _RpParser_TargetList(p, 1);
        if (w->optional_vars == NULL)
            return NULL;
        if (w->optional_vars->kind == Tuple_kind && parenthesized_tuple(w->optional_vars) == 0)
            return _RpParser_InvalidSyntax(p);
        if (!IS(TOK_COMMA) && !IS(TOK_COLON) && !IS(TOK_RPAR)) {
            expr_ty bad = _RpParser_InvalidTarget(w->optional_vars, Store);
            return bad ? _RpParser_ErrorExpr(p, bad, "cannot assign to %s", _RpParser_ExprName(bad))
                       : _RpParser_InvalidSyntax(p);
        }
        if (_RpParser_SetContext(p, w->optional_vars, Store) < 0)
            return NULL;
    }
    return w;
}

static asdl_seq *with_items(RpParser *p, int parens)
{
    RpPtrVec v;
    _RpPtrVec_Init(&v);
    do {
        if (parens && IS(TOK_RPAR))
            break;
        withitem_ty w = with_item(p);
        if (w == NULL || _RpPtrVec_Push(&v, w) < 0) {
            _RpPtrVec_Free(&v);
            return NULL;
        }
    } while (ACCEPT(TOK_COMMA));
    return _RpPtrVec_Finish(&v, p);
}

/* `with (a as b, c):` -- try the parenthesized form, else rewind and read
 * the parenthesis as part of an expression.  One bounded retry. */
static asdl_seq *with_header(RpParser *p)
{
    if (!IS(TOK_LPAR))
        return with_items(p, 0);
    int save = p->pos;
    NEXT();
    asdl_seq *items = with_items(p, 1);
    if (items != NULL && ACCEPT(TOK_RPAR) && IS(TOK_COLON))
        return items;
    if (p->tok_failed || (RpErr_Occurred() && !RpErr_ExceptionMatches(RpExc_SyntaxError)))
        return NULL;
    if (!RpErr_Occurred())
        _RpParser_InvalidSyntax(p);
    /* keep whichever reading got further: CPython reports that one */
    int reached = p->pos;
    RpObject *first_error = RpErr_GetRaisedException();
    p->pos = save;
    items = with_items(p, 0);
    if (items == NULL && !p->tok_failed && p->pos < reached &&
        RpErr_ExceptionMatches(RpExc_SyntaxError)) {
        RpErr_Clear();
        RpErr_SetRaisedException(first_error);
        return NULL;
    }
    Rp_XDECREF(first_error);
    return items;
}

static stmt_ty with_stmt(RpParser *p, RpToken *st, int is_async)
{
    RpToken *kw = NEXT();
    stmt_ty s = NULL;
    asdl_seq *items = with_header(p);
    asdl_seq *body = items ? colon_block(p, "'with' statement", kw) : NULL;
    if (body == NULL || (s = new_stmt(p, is_async ? AsyncWith_kind : With_kind, st)) == NULL)
        return NULL;
    s->v.With.items = items;
    s->v.With.body = body;
    end_at(s, body);
    return s;
}

static excepthandler_ty except_clause(RpParser *p, int *star)
{
    RpToken *kw = NEXT();
    excepthandler_ty h = RpArena_Malloc(p->arena, sizeof *h);
    if (h == NULL)
        return NULL;
    *star = ACCEPT(TOK_STAR);
    if (*star && IS(TOK_COLON))
        return _RpParser_ErrorTok(p, PEEK(), "expected one or more exception types");
    if (!IS(TOK_COLON)) {
        if ((h->type = _RpParser_Expression(p)) == NULL)
            return NULL;
        if (IS(TOK_COMMA)) {
            NEXT();
            expr_ty more = _RpParser_Expression(p);
            return more ? _RpParser_ErrorRange(p, h->type, more,
                                               "multiple exception types must be parenthesized") : NULL;
        }
        if (ACCEPT_KW(as) && (h->name = name_tok(p)) == NULL)
            return NULL;
    }
    h->body = colon_block(p, *star ? "'except*' statement" : "'except' statement", kw);
    if (h->body == NULL)
        return NULL;
    stmt_ty last = asdl_seq_GET(h->body, asdl_seq_LEN(h->body) - 1);
    h->lineno = kw->lineno;
    h->col_offset = kw->col;
    h->end_lineno = last->end_lineno;
    h->end_col_offset = last->end_col_offset;
    return h;
}

static asdl_seq *handlers(RpParser *p, int *kind)
{
    RpPtrVec v;
    _RpPtrVec_Init(&v);
    while (IS_KW(except)) {
        RpToken *t = PEEK();
        int star = 0;
        excepthandler_ty h = except_clause(p, &star);
        if (h == NULL)
            goto error;
        if (*kind != 0 && *kind != (star ? 2 : 1)) {
            _RpParser_ErrorTok(p, t, "cannot have both 'except' and 'except*' on the same 'try'");
            goto error;
        }
        *kind = star ? 2 : 1;
        if (_RpPtrVec_Push(&v, h) < 0)
            goto error;
    }
    return _RpPtrVec_Finish(&v, p);
error:
    _RpPtrVec_Free(&v);
    return NULL;
}

static int finally_block(RpParser *p, stmt_ty s)
{
    RpToken *t = PEEK();
    if (!(t->type == TOK_NAME && t->kw == KW_finally)) {
        s->v.Try.finalbody = empty(p);
        return s->v.Try.finalbody ? 0 : -1;
    }
    NEXT();
    if ((s->v.Try.finalbody = colon_block(p, "'finally' statement", t)) == NULL)
        return -1;
    end_at(s, s->v.Try.finalbody);
    return 0;
}

static stmt_ty try_stmt(RpParser *p, RpToken *st)
{
    NEXT();
    asdl_seq *body = colon_block(p, "'try' statement", st);
    if (body == NULL)
        return NULL;
    int kind = 0;
    asdl_seq *hs = handlers(p, &kind);
    if (hs == NULL)
        return NULL;
    stmt_ty s = new_stmt(p, kind == 2 ? TryStar_kind : Try_kind, st);
    if (s == NULL)
        return NULL;
    s->v.Try.body = body;
    s->v.Try.handlers = hs;
    end_at(s, body);
    if (asdl_seq_LEN(hs) > 0) {
        excepthandler_ty h = asdl_seq_GET(hs, asdl_seq_LEN(hs) - 1);
        s->end_lineno = h->end_lineno;
        s->end_col_offset = h->end_col_offset;
    }
    if (asdl_seq_LEN(hs) > 0 && else_block(p, s, &s->v.Try.orelse) < 0)
        return NULL;
    if (asdl_seq_LEN(hs) == 0 && (s->v.Try.orelse = empty(p)) == NULL)
        return NULL;
    if (finally_block(p, s) < 0)
        return NULL;
    if (asdl_seq_LEN(hs) == 0 && asdl_seq_LEN(s->v.Try.finalbody) == 0) {
        stmt_ty last = asdl_seq_GET(body, asdl_seq_LEN(body) - 1);
        return _RpParser_ErrorAt(p, RpExc_SyntaxError, last->end_lineno, last->end_col_offset,
                                 last->end_lineno, -1, "expected 'except' or 'finally' block");
    }
    return s;
}

static stmt_ty funcdef(RpParser *p, RpToken *st, int is_async, asdl_seq *decorators)
{
    RpToken *kw = NEXT();  /* 'def' */
    identifier name = name_tok(p);
    if (name == NULL)
        return NULL;
    if (!IS(TOK_LPAR))
        return _RpParser_ErrorTok(p, PEEK(), "expected '('");
    NEXT();
    arguments_ty args = _RpParser_Parameters(p, 0);
    if (args == NULL || !_RpParser_Expect(p, TOK_RPAR, NULL))
        return NULL;
    expr_ty returns = NULL;
    if (ACCEPT(TOK_RARROW) && (returns = _RpParser_Expression(p)) == NULL)
        return NULL;
    asdl_seq *body = colon_block(p, "function definition", kw);
    stmt_ty s = body ? new_stmt(p, is_async ? AsyncFunctionDef_kind : FunctionDef_kind, st) : NULL;
    if (s == NULL)
        return NULL;
    s->v.FunctionDef.name = name;
    s->v.FunctionDef.args = args;
    s->v.FunctionDef.body = body;
    s->v.FunctionDef.decorator_list = decorators;
    s->v.FunctionDef.returns = returns;
    end_at(s, body);
    return s;
}

static stmt_ty classdef(RpParser *p, RpToken *st, asdl_seq *decorators)
{
    NEXT();
    identifier name = name_tok(p);
    if (name == NULL)
        return NULL;
    asdl_seq *bases = NULL, *keywords = NULL;
    if (ACCEPT(TOK_LPAR)) {
        RpToken *open = LAST();
        if ((bases = _RpParser_CallArgs(p, &keywords)) == NULL)
            return NULL;
        /* a call may take a bare generator argument; a class may not */
        expr_ty g = asdl_seq_LEN(bases) == 1 ? asdl_seq_GET(bases, 0) : NULL;
        if (g && g->kind == GeneratorExp_kind && g->col_offset == open->col && g->lineno == open->lineno) {
            expr_ty elt = g->v.ListComp.elt;
            return _RpParser_ErrorAt(p, RpExc_SyntaxError, elt->end_lineno, elt->end_col_offset + 1,
                                     elt->end_lineno, elt->end_col_offset + 4, "invalid syntax");
        }
    } else if ((bases = empty(p)) == NULL || (keywords = empty(p)) == NULL) {
        return NULL;
    }
    asdl_seq *body = colon_block(p, "class definition", st);
    stmt_ty s = body ? new_stmt(p, ClassDef_kind, st) : NULL;
    if (s == NULL)
        return NULL;
    s->v.ClassDef.name = name;
    s->v.ClassDef.bases = bases;
    s->v.ClassDef.keywords = keywords;
    s->v.ClassDef.body = body;
    s->v.ClassDef.decorator_list = decorators;
    end_at(s, body);
    return s;
}

static stmt_ty decorated(RpParser *p)
{
    RpPtrVec v;
    _RpPtrVec_Init(&v);
    while (ACCEPT(TOK_AT)) {
        expr_ty d = _RpParser_NamedExpression(p);
        if (d == NULL || _RpPtrVec_Push(&v, d) < 0 || !_RpParser_Expect(p, TOK_NEWLINE, NULL)) {
            _RpPtrVec_Free(&v);
            return NULL;
        }
    }
    asdl_seq *decs = _RpPtrVec_Finish(&v, p);
    if (decs == NULL)
        return NULL;
    RpToken *st = PEEK();
    if (IS_KW(class))
        return classdef(p, st, decs);
    if (IS_KW(async) && _RpParser_PeekN(p, 1)->kw == KW_def) {
        NEXT();
        return funcdef(p, st, 1, decs);
    }
    if (IS_KW(def))
        return funcdef(p, st, 0, decs);
    return _RpParser_InvalidSyntax(p);
}

static stmt_ty async_stmt(RpParser *p, RpToken *st)
{
    NEXT();
    RpToken *t = PEEK();
    if (t->type == TOK_NAME && t->kw == KW_def) {
        asdl_seq *decs = empty(p);
        return decs ? funcdef(p, st, 1, decs) : NULL;
    }
    if (t->type == TOK_NAME && t->kw == KW_for)
        return for_stmt(p, st, 1);
    if (t->type == TOK_NAME && t->kw == KW_with)
        return with_stmt(p, st, 1);
    return _RpParser_InvalidSyntax(p);
}

/* ---- match --------------------------------------------------------------- */

static pattern_ty new_pat(RpParser *p, pattern_kind k, RpToken *st)
{
    return _RpParser_NewPattern(p, k, st->lineno, st->col);
}

/* -1, 1, 1.5, 1+2j, -1-2j as an expression for MatchValue */
static expr_ty signed_number(RpParser *p)
{
    RpToken *st = PEEK();
    int neg = ACCEPT(TOK_MINUS);
    if (!IS(TOK_NUMBER))
        return _RpParser_InvalidSyntax(p);
    expr_ty e = _RpParser_Primary(p);
    if (e == NULL || !neg)
        return e;
    expr_ty u = _RpParser_NewExpr(p, UnaryOp_kind, st->lineno, st->col);
    if (u) {
        u->v.UnaryOp.op = USub;
        u->v.UnaryOp.operand = e;
    }
    return u;
}

static expr_ty literal_expr(RpParser *p)
{
    expr_ty real = signed_number(p);
    if (real == NULL || !(IS(TOK_PLUS) || IS(TOK_MINUS)))
        return real;
    operator_ty op = NEXT()->type == TOK_PLUS ? Add : Sub;
    if (!IS(TOK_NUMBER))
        return _RpParser_InvalidSyntax(p);
    expr_ty imag = _RpParser_Primary(p);
    if (imag == NULL)
        return NULL;
    expr_ty e = RpAST_NewExpr(BinOp_kind, real->lineno, real->col_offset, imag->end_lineno,
                              imag->end_col_offset, p->arena);
    if (e) {
        e->v.BinOp.left = real;
        e->v.BinOp.op = op;
        e->v.BinOp.right = imag;
    }
    return e;
}

/* a.b.c as an Attribute chain (value patterns, class names) */
static expr_ty name_or_attr(RpParser *p)
{
    RpToken *st = PEEK();
    expr_ty e = _RpParser_NewExpr(p, Name_kind, st->lineno, st->col);
    if (e == NULL || (e->v.Name.id = _RpParser_Identifier(p, NEXT())) == NULL)
        return NULL;
    e->end_lineno = st->end_lineno;
    e->end_col_offset = st->end_col;
    e->v.Name.ctx = Load;
    while (ACCEPT(TOK_DOT)) {
        identifier attr = name_tok(p);
        if (attr == NULL)
            return NULL;
        expr_ty a = _RpParser_NewExpr(p, Attribute_kind, st->lineno, st->col);
        if (a == NULL)
            return NULL;
        a->v.Attribute.value = e;
        a->v.Attribute.attr = attr;
        a->v.Attribute.ctx = Load;
        e = a;
    }
    return e;
}

static asdl_seq *pattern_list(RpParser *p, int closer, RpPtrVec *v);

static pattern_ty value_pattern(RpParser *p, RpToken *st, expr_ty value)
{
    pattern_ty r = new_pat(p, MatchValue_kind, st);
    if (r)
        r->v.MatchValue.value = value;
    return r;
}

static pattern_ty literal_pattern(RpParser *p)
{
    RpToken *st = PEEK();
    if (st->type == TOK_NAME) {    /* None, True, False */
        NEXT();
        pattern_ty r = new_pat(p, MatchSingleton_kind, st);
        if (r)
            r->v.MatchSingleton.value = st->kw == KW_None ? Rp_None : st->kw == KW_True ? Rp_True : Rp_False;
        return r;
    }
    expr_ty e = st->type == TOK_STRING ? _RpParser_Strings(p) : literal_expr(p);
    if (e == NULL)
        return NULL;
    if (e->kind == JoinedStr_kind)
        return _RpParser_ErrorExpr(p, e, "patterns may only match literals and attribute lookups");
    return value_pattern(p, st, e);
}

/* Class pattern arguments: positional patterns, then NAME=pattern. */
static pattern_ty class_pattern(RpParser *p, RpToken *st, expr_ty cls)
{
    RpPtrVec pos, attrs, kwpats;
    _RpPtrVec_Init(&pos);
    _RpPtrVec_Init(&attrs);
    _RpPtrVec_Init(&kwpats);
    while (!IS(TOK_RPAR)) {
        if (IS_NAME() && _RpParser_PeekN(p, 1)->type == TOK_EQUAL) {
            identifier a = _RpParser_Identifier(p, NEXT());
            NEXT();
            pattern_ty pt = a ? pattern(p) : NULL;
            if (pt == NULL || _RpPtrVec_Push(&attrs, a) < 0 || _RpPtrVec_Push(&kwpats, pt) < 0)
                goto error;
        } else {
            pattern_ty pt = pattern(p);
            if (pt == NULL)
                goto error;
            if (attrs.n > 0) {
                _RpParser_ErrorAt(p, RpExc_SyntaxError, pt->lineno, pt->col_offset, pt->end_lineno,
                                  pt->end_col_offset, "positional patterns follow keyword patterns");
                goto error;
            }
            if (_RpPtrVec_Push(&pos, pt) < 0)
                goto error;
        }
        if (!ACCEPT(TOK_COMMA))
            break;
    }
    if (!_RpParser_Expect(p, TOK_RPAR, NULL))
        goto error;
    pattern_ty r = new_pat(p, MatchClass_kind, st);
    if (r == NULL)
        goto error;
    r->v.MatchClass.cls = cls;
    r->v.MatchClass.patterns = _RpPtrVec_Finish(&pos, p);
    r->v.MatchClass.kwd_attrs = _RpPtrVec_Finish(&attrs, p);
    r->v.MatchClass.kwd_patterns = _RpPtrVec_Finish(&kwpats, p);
    return r->v.MatchClass.patterns && r->v.MatchClass.kwd_attrs && r->v.MatchClass.kwd_patterns ? r : NULL;
error:
    _RpPtrVec_Free(&pos);
    _RpPtrVec_Free(&attrs);
    _RpPtrVec_Free(&kwpats);
    return NULL;
}

static pattern_ty name_pattern(RpParser *p)
{
    RpToken *st = PEEK();
    int dotted = _RpParser_PeekN(p, 1)->type == TOK_DOT;
    int call = _RpParser_PeekN(p, 1)->type == TOK_LPAR;
    if (!dotted && !call) {
        NEXT();
        pattern_ty r = new_pat(p, MatchAs_kind, st);
        if (r && !_RpParser_IsSoftKw(st, "_") && (r->v.MatchAs.name = _RpParser_Identifier(p, st)) == NULL)
            return NULL;
        return r;
    }
    expr_ty e = name_or_attr(p);
    if (e == NULL)
        return NULL;
    if (ACCEPT(TOK_LPAR))
        return class_pattern(p, st, e);
    return value_pattern(p, st, e);
}

static pattern_ty sequence_pattern(RpParser *p)
{
    RpToken *st = NEXT();
    int closer = st->type == TOK_LPAR ? TOK_RPAR : TOK_RSQB;
    if (closer == TOK_RPAR && !IS(TOK_RPAR) && !IS(TOK_STAR)) {
        /* a group `(p)` unless a comma follows the first pattern */
        pattern_ty first = pattern(p);
        if (first == NULL)
            return NULL;
        if (ACCEPT(TOK_RPAR))
            return first;
        if (!IS(TOK_COMMA))
            return _RpParser_InvalidSyntax(p);
        NEXT();
        RpPtrVec v;
        _RpPtrVec_Init(&v);
        if (_RpPtrVec_Push(&v, first) < 0)
            return NULL;
        asdl_seq *pats = pattern_list(p, closer, &v);
        pattern_ty r = pats ? new_pat(p, MatchSequence_kind, st) : NULL;
        if (r)
            r->v.MatchSequence.patterns = pats;
        return r;
    }
    RpPtrVec v;
    _RpPtrVec_Init(&v);
    asdl_seq *pats = pattern_list(p, closer, &v);
    pattern_ty r = pats ? new_pat(p, MatchSequence_kind, st) : NULL;
    if (r)
        r->v.MatchSequence.patterns = pats;
    return r;
}

static pattern_ty mapping_pattern(RpParser *p)
{
    RpToken *st = NEXT();
    RpPtrVec keys, pats;
    _RpPtrVec_Init(&keys);
    _RpPtrVec_Init(&pats);
    identifier rest = NULL;
    while (!IS(TOK_RBRACE)) {
        if (ACCEPT(TOK_DOUBLESTAR)) {
            if ((rest = name_tok(p)) == NULL)
                goto error;
        } else {
            if (rest != NULL) {
                _RpParser_InvalidSyntax(p);
                goto error;
            }
            expr_ty k = IS_NAME() ? name_or_attr(p) : NULL;
            if (k == NULL && !RpErr_Occurred()) {
                pattern_ty lit = literal_pattern(p);
                if (lit == NULL)
                    goto error;
                k = lit->kind == MatchValue_kind ? lit->v.MatchValue.value : NULL;
                if (k == NULL) {
                    k = RpAST_NewExpr(Constant_kind, lit->lineno, lit->col_offset, lit->end_lineno,
                                      lit->end_col_offset, p->arena);
                    if (k == NULL || _RpParser_Own(p, Rp_NewRef(lit->v.MatchSingleton.value)) < 0)
                        goto error;
                    k->v.Constant.value = lit->v.MatchSingleton.value;
                }
            }
            if (k == NULL || !_RpParser_Expect(p, TOK_COLON, NULL))
                goto error;
            pattern_ty v = pattern(p);
            if (v == NULL || _RpPtrVec_Push(&keys, k) < 0 || _RpPtrVec_Push(&pats, v) < 0)
                goto error;
        }
        if (!ACCEPT(TOK_COMMA))
            break;
    }
    if (!_RpParser_Expect(p, TOK_RBRACE, NULL))
        goto error;
    pattern_ty r = new_pat(p, MatchMapping_kind, st);
    if (r == NULL)
        goto error;
    r->v.MatchMapping.keys = _RpPtrVec_Finish(&keys, p);
    r->v.MatchMapping.patterns = _RpPtrVec_Finish(&pats, p);
    r->v.MatchMapping.rest = rest;
    return r->v.MatchMapping.keys && r->v.MatchMapping.patterns ? r : NULL;
error:
    _RpPtrVec_Free(&keys);
    _RpPtrVec_Free(&pats);
    return NULL;
}

static pattern_ty closed_pattern(RpParser *p)
{
    RpToken *t = PEEK();
    switch (t->type) {
    case TOK_NAME:
        if (t->kw == KW_None || t->kw == KW_True || t->kw == KW_False)
            return literal_pattern(p);
        if (t->kw != KW_NONE_)
            return _RpParser_InvalidSyntax(p);
        return name_pattern(p);
    case TOK_NUMBER: case TOK_MINUS: case TOK_STRING:
        return literal_pattern(p);
    case TOK_LPAR: case TOK_LSQB:
        return sequence_pattern(p);
    case TOK_LBRACE:
        return mapping_pattern(p);
    default:
        return _RpParser_InvalidSyntax(p);
    }
}

static pattern_ty or_pattern(RpParser *p)
{
    RpToken *st = PEEK();
    pattern_ty first = closed_pattern(p);
    if (first == NULL || !IS(TOK_VBAR))
        return first;
    RpPtrVec v;
    _RpPtrVec_Init(&v);
    if (_RpPtrVec_Push(&v, first) < 0)
        return NULL;
    while (ACCEPT(TOK_VBAR)) {
        pattern_ty alt = closed_pattern(p);
        if (alt == NULL || _RpPtrVec_Push(&v, alt) < 0) {
            _RpPtrVec_Free(&v);
            return NULL;
        }
    }
    pattern_ty r = new_pat(p, MatchOr_kind, st);
    if (r == NULL) {
        _RpPtrVec_Free(&v);
        return NULL;
    }
    r->v.MatchOr.patterns = _RpPtrVec_Finish(&v, p);
    return r->v.MatchOr.patterns ? r : NULL;
}

static pattern_ty pattern(RpParser *p)
{
    if (_RpParser_Enter(p) < 0)
        return NULL;
    RpToken *st = PEEK();
    pattern_ty r = or_pattern(p);
    if (r != NULL && ACCEPT_KW(as)) {
        RpToken *n = PEEK();
        if (_RpParser_IsSoftKw(n, "_")) {
            r = _RpParser_ErrorTok(p, n, "cannot use '_' as a target");
        } else if (!IS_NAME()) {
            r = _RpParser_ErrorTok(p, n, "invalid pattern target");
        } else {
            pattern_ty inner = r;
            identifier name = _RpParser_Identifier(p, NEXT());
            r = name ? new_pat(p, MatchAs_kind, st) : NULL;
            if (r) {
                r->v.MatchAs.pattern = inner;
                r->v.MatchAs.name = name;
            }
        }
    }
    LEAVE(p);
    return r;
}

static pattern_ty maybe_star_pattern(RpParser *p)
{
    RpToken *st = PEEK();
    if (!ACCEPT(TOK_STAR))
        return pattern(p);
    if (!IS_NAME())
        return _RpParser_InvalidSyntax(p);
    RpToken *n = NEXT();
    pattern_ty r = new_pat(p, MatchStar_kind, st);
    if (r && !_RpParser_IsSoftKw(n, "_") && (r->v.MatchStar.name = _RpParser_Identifier(p, n)) == NULL)
        return NULL;
    return r;
}

/* the rest of a sequence pattern up to `closer`; v may hold a first item */
static asdl_seq *pattern_list(RpParser *p, int closer, RpPtrVec *v)
{
    while (!IS(closer)) {
        pattern_ty pt = maybe_star_pattern(p);
        if (pt == NULL || _RpPtrVec_Push(v, pt) < 0)
            goto error;
        if (!ACCEPT(TOK_COMMA))
            break;
    }
    if (!_RpParser_Expect(p, closer, NULL))
        goto error;
    return _RpPtrVec_Finish(v, p);
error:
    _RpPtrVec_Free(v);
    return NULL;
}

/* case a, *b:  -- an open sequence at the top of a case */
static pattern_ty case_patterns(RpParser *p)
{
    RpToken *st = PEEK();
    pattern_ty first = maybe_star_pattern(p);
    if (first == NULL)
        return NULL;
    if (!IS(TOK_COMMA) && first->kind != MatchStar_kind)
        return first;
    RpPtrVec v;
    _RpPtrVec_Init(&v);
    if (_RpPtrVec_Push(&v, first) < 0)
        return NULL;
    while (ACCEPT(TOK_COMMA) && !IS(TOK_COLON) && !IS_KW(if)) {
        pattern_ty pt = maybe_star_pattern(p);
        if (pt == NULL || _RpPtrVec_Push(&v, pt) < 0) {
            _RpPtrVec_Free(&v);
            return NULL;
        }
    }
    pattern_ty r = new_pat(p, MatchSequence_kind, st);
    if (r == NULL) {
        _RpPtrVec_Free(&v);
        return NULL;
    }
    r->v.MatchSequence.patterns = _RpPtrVec_Finish(&v, p);
    return r->v.MatchSequence.patterns ? r : NULL;
}

static match_case_ty case_block(RpParser *p)
{
    RpToken *kw = NEXT();    /* 'case' */
    match_case_ty c = RpArena_Malloc(p->arena, sizeof *c);
    if (c == NULL || (c->pattern = case_patterns(p)) == NULL)
        return NULL;
    if (ACCEPT_KW(if) && (c->guard = _RpParser_NamedExpression(p)) == NULL)
        return NULL;
    c->body = colon_block(p, "'case' statement", kw);
    return c->body ? c : NULL;
}

static expr_ty subject_expr(RpParser *p)
{
    RpToken *st = PEEK();
    expr_ty first = _RpParser_StarNamedExpression(p);
    if (first == NULL || !IS(TOK_COMMA))
        return first;
    RpPtrVec v;
    _RpPtrVec_Init(&v);
    if (_RpPtrVec_Push(&v, first) < 0)
        return NULL;
    while (ACCEPT(TOK_COMMA) && !IS(TOK_COLON)) {
        expr_ty e = _RpParser_StarNamedExpression(p);
        if (e == NULL || _RpPtrVec_Push(&v, e) < 0) {
            _RpPtrVec_Free(&v);
            return NULL;
        }
    }
    expr_ty t = _RpParser_NewExpr(p, Tuple_kind, st->lineno, st->col);
    if (t == NULL) {
        _RpPtrVec_Free(&v);
        return NULL;
    }
    t->v.List.ctx = Load;
    t->v.List.elts = _RpPtrVec_Finish(&v, p);
    return t->v.List.elts ? t : NULL;
}

static stmt_ty match_body(RpParser *p, RpToken *st, expr_ty subject)
{
    if (!ACCEPT(TOK_NEWLINE))
        return _RpParser_InvalidSyntax(p);
    if (!ACCEPT(TOK_INDENT))
        return no_indent(p, "'match' statement", st->lineno);
    RpPtrVec v;
    _RpPtrVec_Init(&v);
    while (!ACCEPT(TOK_DEDENT)) {
        if (!_RpParser_IsSoftKw(PEEK(), "case")) {
            _RpParser_InvalidSyntax(p);
            goto error;
        }
        match_case_ty c = case_block(p);
        if (c == NULL || _RpPtrVec_Push(&v, c) < 0)
            goto error;
    }
    stmt_ty s = new_stmt(p, Match_kind, st);
    if (s == NULL)
        goto error;
    s->v.Match.subject = subject;
    s->v.Match.cases = _RpPtrVec_Finish(&v, p);
    if (s->v.Match.cases == NULL)
        return NULL;
    match_case_ty last = asdl_seq_GET(s->v.Match.cases, asdl_seq_LEN(s->v.Match.cases) - 1);
    end_at(s, last->body);
    return s;
error:
    _RpPtrVec_Free(&v);
    return NULL;
}

/* `match` is a soft keyword: try `match subject:` and otherwise rewind
 * and parse the line as an ordinary statement (one bounded retry). */
static int try_match(RpParser *p, RpPtrVec *out)
{
    int save = p->pos;
    RpToken *st = NEXT();
    expr_ty subject = NULL;
    if (_RpParser_StartsExpression(PEEK()) || IS(TOK_STAR))
        subject = subject_expr(p);
    if (subject != NULL && ACCEPT(TOK_COLON)) {
        stmt_ty s = match_body(p, st, subject);
        return s == NULL || _RpPtrVec_Push(out, s) < 0 ? -1 : 1;
    }
    if (p->tok_failed || (RpErr_Occurred() && !RpErr_ExceptionMatches(RpExc_SyntaxError)))
        return -1;
    RpErr_Clear();
    p->pos = save;
    return 0;
}

/* ---- statements ---------------------------------------------------------- */

static stmt_ty compound(RpParser *p, RpToken *t)
{
    switch (t->kw) {
    case KW_if: return if_stmt(p, t, "'if' statement");
    case KW_while: return while_stmt(p, t);
    case KW_for: return for_stmt(p, t, 0);
    case KW_with: return with_stmt(p, t, 0);
    case KW_try: return try_stmt(p, t);
    case KW_def: {
        asdl_seq *decs = empty(p);
        return decs ? funcdef(p, t, 0, decs) : NULL;
    }
    case KW_class: {
        asdl_seq *decs = empty(p);
        return decs ? classdef(p, t, decs) : NULL;
    }
    case KW_async: return async_stmt(p, t);
    default: return NULL;
    }
}

static int is_compound_kw(int kw)
{
    return kw == KW_if || kw == KW_while || kw == KW_for || kw == KW_with || kw == KW_try ||
           kw == KW_def || kw == KW_class || kw == KW_async;
}

static int statement(RpParser *p, RpPtrVec *out)
{
    RpToken *t = PEEK();
    stmt_ty s = NULL;
    if (t->type == TOK_NAME && is_compound_kw(t->kw)) {
        s = compound(p, t);
    } else if (t->type == TOK_AT) {
        s = decorated(p);
    } else {
        if (_RpParser_IsSoftKw(t, "match")) {
            int r = try_match(p, out);
            if (r != 0)
                return r < 0 ? -1 : 0;
        }
        return simple_stmts(p, out);
    }
    if (s == NULL)
        return -1;
    return _RpPtrVec_Push(out, s);
}

asdl_seq *_RpParser_FileInput(RpParser *p)
{
    RpPtrVec v;
    _RpPtrVec_Init(&v);
    for (;;) {
        while (ACCEPT(TOK_NEWLINE))
            ;
        if (IS(TOK_ENDMARKER))
            break;
        if (statement(p, &v) < 0) {
            _RpPtrVec_Free(&v);
            return NULL;
        }
    }
    return _RpPtrVec_Finish(&v, p);
}

asdl_seq *_RpParser_Statements(RpParser *p)
{
    return _RpParser_FileInput(p);
}
