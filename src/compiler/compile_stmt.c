/* compile_stmt.c -- code generation for statements.
 *
 * Exception handling follows CPython 3.11's layout: a protected range is
 * recorded by pushing a handler (rc_push_handler), the handler code starts
 * with PUSH_EXC_INFO under a "cleanup" handler that restores the previous
 * handled exception (COPY 3; POP_EXCEPT; RERAISE 1).  `finally` bodies are
 * emitted twice: on the normal path and in the exception handler, and once
 * more before each return/break/continue that leaves the try (see
 * rc_unwind_fblock_stack).
 */
#include "compile_int.h"

int rc_body(RpCompiler *c, asdl_seq *stmts)
{
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(stmts); i++)
        RC_TRY(rc_stmt(c, asdl_seq_GET(stmts, i)));
    return 0;
}

static int in_function(RpCompiler *c)
{
    return c->u->ste->type == ST_FUNCTION;
}

/* ---- unwinding for return / break / continue ----------------------------- */

static int call_exit_with_nones(RpCompiler *c)
{
    EMIT_CONST(c, Rp_None);
    EMIT_CONST(c, Rp_None);
    EMIT_CONST(c, Rp_None);
    /* stack: exit None None None -- CALL 2 calls exit(None, None, None)
     * (the "method" form of CALL, as CPython 3.11 does) */
    EMIT(c, CALL, 2);
    return 0;
}

static int clear_name(RpCompiler *c, RpObject *name)
{
    EMIT_CONST(c, Rp_None);
    RC_TRY(rc_nameop(c, name, Store));
    return rc_nameop(c, name, Del);
}

static int unwind_fblock(RpCompiler *c, RpFBlock *fb, int preserve_tos)
{
    switch (fb->kind) {
    case FB_WHILE:
    case FB_TRY_EXCEPT:
    case FB_EXCEPTION_HANDLER:
        return 0;
    case FB_FOR:
    case FB_ASYNC_FOR:
    case FB_POP_VALUE:
        if (preserve_tos)
            EMIT(c, SWAP, 2);
        EMIT0(c, POP_TOP);
        return 0;
    case FB_FINALLY_TRY:
        if (preserve_tos)
            RC_TRY(rc_push_fblock(c, FB_POP_VALUE, -1, -1, NULL));
        RC_TRY(rc_body(c, fb->datum));
        if (preserve_tos)
            rc_pop_fblock(c);
        return 0;
    case FB_FINALLY_END:
        if (preserve_tos)
            EMIT(c, SWAP, 2);
        EMIT0(c, POP_TOP);     /* the exception */
        if (preserve_tos)
            EMIT(c, SWAP, 2);
        EMIT0(c, POP_EXCEPT);
        return 0;
    case FB_EXCEPT_STAR:
        return rc_error(c, "'break', 'continue' and 'return' cannot appear in an except* block");
    case FB_WITH:
    case FB_ASYNC_WITH: {
        int saved = c->u->lineno;
        c->u->lineno = ((stmt_ty)fb->datum)->lineno;
        if (preserve_tos)
            EMIT(c, SWAP, 2);
        RC_TRY(call_exit_with_nones(c));
        if (fb->kind == FB_ASYNC_WITH)
            RC_TRY(rc_await(c, 2));
        EMIT0(c, POP_TOP);
        c->u->lineno = saved;
        return 0;
    }
    case FB_HANDLER_CLEANUP:
        if (preserve_tos)
            EMIT(c, SWAP, 2);
        EMIT0(c, POP_EXCEPT);
        if (fb->datum)
            RC_TRY(clear_name(c, fb->datum));
        return 0;
    }
    return 0;
}

/* Emit the cleanup of every block up to the innermost loop (if `loop` is
 * given) or all of them; each cleanup runs outside its block's handler. */
int rc_unwind_fblock_stack(RpCompiler *c, int preserve_tos, RpFBlock **loop)
{
    RpUnit *u = c->u;
    if (u->nfblocks == 0)
        return 0;
    RpFBlock *top = &u->fblocks[u->nfblocks - 1];
    if (loop != NULL && (top->kind == FB_WHILE || top->kind == FB_FOR ||
                         top->kind == FB_ASYNC_FOR)) {
        *loop = top;
        return 0;
    }
    RpFBlock copy = *top;
    int saved_handler = u->cur_handler;
    u->nfblocks--;
    u->cur_handler = copy.outer_handler;
    int r = unwind_fblock(c, &copy, preserve_tos);
    if (r == 0)
        r = rc_unwind_fblock_stack(c, preserve_tos, loop);
    u->cur_handler = saved_handler;
    u->fblocks[u->nfblocks++] = copy;
    return r;
}

static int compile_return(RpCompiler *c, stmt_ty s)
{
    expr_ty v = s->v.Return.value;
    if (!in_function(c))
        return rc_error(c, "'return' outside function");
    if (v && c->u->ste->is_coroutine && c->u->ste->is_generator)
        return rc_error(c, "'return' with value in async generator");
    RpObject *cst = v ? rc_const_value(c, v) : NULL;
    int preserve = v != NULL && cst == NULL;
    int r = 0;
    if (preserve)
        r = rc_expr(c, v);
    if (r == 0)
        r = rc_unwind_fblock_stack(c, preserve, NULL);
    rc_set_loc_stmt(c, s);
    if (r == 0 && !preserve)
        r = rc_load_const(c, cst ? cst : Rp_None);
    Rp_XDECREF(cst);
    RC_TRY(r);
    EMIT0(c, RETURN_VALUE);
    return 0;
}

static int compile_break(RpCompiler *c, stmt_ty s)
{
    RpFBlock *loop = NULL;
    RC_TRY(rc_unwind_fblock_stack(c, 0, &loop));
    rc_set_loc_stmt(c, s);
    if (loop == NULL)
        return rc_error(c, "'break' outside loop");
    RC_TRY(unwind_fblock(c, loop, 0));
    EMIT_JUMP(c, JUMP, loop->exit);
    return 0;
}

static int compile_continue(RpCompiler *c, stmt_ty s)
{
    RpFBlock *loop = NULL;
    RC_TRY(rc_unwind_fblock_stack(c, 0, &loop));
    rc_set_loc_stmt(c, s);
    if (loop == NULL)
        return rc_error(c, "'continue' not properly in loop");
    EMIT_JUMP(c, JUMP, loop->start);
    return 0;
}

/* ---- control flow ---------------------------------------------------------- */

/* 1 / 0 for a constant test, -1 when not constant. */
static int const_truth(expr_ty e)
{
    if (e->kind != Constant_kind)
        return -1;
    int t = RpObject_IsTrue(e->v.Constant.value);
    if (t < 0) {
        RpErr_Clear();
        return -1;
    }
    return t;
}

static int compile_if(RpCompiler *c, stmt_ty s)
{
    int truth = const_truth(s->v.If.test);
    if (truth == 1)
        return rc_body(c, s->v.If.body);
    if (truth == 0)
        return rc_body(c, s->v.If.orelse);
    int end, next;
    NEW_LABEL(c, end);
    next = end;
    if (asdl_seq_LEN(s->v.If.orelse) > 0)
        NEW_LABEL(c, next);
    RC_TRY(rc_jump_if(c, s->v.If.test, next, 0));
    RC_TRY(rc_body(c, s->v.If.body));
    if (next != end) {
        EMIT_JUMP(c, JUMP, end);
        BIND(c, next);
        RC_TRY(rc_body(c, s->v.If.orelse));
    }
    BIND(c, end);
    return 0;
}

static int compile_while(RpCompiler *c, stmt_ty s)
{
    int truth = const_truth(s->v.While.test);
    if (truth == 0)
        return rc_body(c, s->v.While.orelse);
    int start, end, orelse;
    NEW_LABEL(c, start);
    NEW_LABEL(c, end);
    NEW_LABEL(c, orelse);
    BIND(c, start);
    RC_TRY(rc_push_fblock(c, FB_WHILE, start, end, NULL));
    if (truth != 1)
        RC_TRY(rc_jump_if(c, s->v.While.test, orelse, 0));
    RC_TRY(rc_body(c, s->v.While.body));
    rc_set_loc_stmt(c, s);
    EMIT_JUMP(c, JUMP, start);
    rc_pop_fblock(c);
    BIND(c, orelse);
    RC_TRY(rc_body(c, s->v.While.orelse));
    BIND(c, end);
    return 0;
}

/* Is an `await` allowed here (async function, or an async comprehension)? */
static int in_coroutine(RpCompiler *c)
{
    return c->u->ste->type == ST_FUNCTION && c->u->ste->is_coroutine;
}

/*   <iter> GET_AITER
 * start: [handler except] GET_ANEXT <await> [end handler] <store> <body> JUMP start
 * except: END_ASYNC_FOR  (StopAsyncIteration: pops aiter; else re-raises)
 *   <orelse>
 * end: */
static int compile_async_for(RpCompiler *c, stmt_ty s)
{
    if (!in_coroutine(c))
        return rc_error(c, "'async for' outside async function");
    int start, except, end;
    NEW_LABEL(c, start);
    NEW_LABEL(c, except);
    NEW_LABEL(c, end);
    RC_TRY(rc_expr(c, s->v.For.iter));
    rc_set_loc_stmt(c, s);
    EMIT0(c, GET_AITER);
    BIND(c, start);
    RC_TRY(rc_push_fblock(c, FB_ASYNC_FOR, start, end, NULL));
    RC_TRY(rc_push_handler(c, except, 0, 0));
    EMIT0(c, GET_ANEXT);
    RC_TRY(rc_await(c, 0));
    rc_pop_handler(c);
    RC_TRY(rc_store(c, s->v.For.target));
    RC_TRY(rc_body(c, s->v.For.body));
    rc_set_loc_stmt(c, s);
    EMIT_JUMP(c, JUMP, start);
    rc_pop_fblock(c);
    BIND(c, except);
    c->u->lineno = s->lineno;
    EMIT0(c, END_ASYNC_FOR);
    RC_TRY(rc_body(c, s->v.For.orelse));
    BIND(c, end);
    return 0;
}

static int compile_for(RpCompiler *c, stmt_ty s)
{
    if (s->kind == AsyncFor_kind)
        return compile_async_for(c, s);
    int start, cleanup, end;
    NEW_LABEL(c, start);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, end);
    RC_TRY(rc_expr(c, s->v.For.iter));
    rc_set_loc_stmt(c, s);
    EMIT0(c, GET_ITER);
    BIND(c, start);
    EMIT_JUMP(c, FOR_ITER, cleanup);
    RC_TRY(rc_push_fblock(c, FB_FOR, start, end, NULL));
    RC_TRY(rc_store(c, s->v.For.target));
    RC_TRY(rc_body(c, s->v.For.body));
    rc_set_loc_stmt(c, s);
    EMIT_JUMP(c, JUMP, start);
    rc_pop_fblock(c);
    BIND(c, cleanup);
    RC_TRY(rc_body(c, s->v.For.orelse));
    BIND(c, end);
    return 0;
}

/* ---- try ------------------------------------------------------------------- */

/* The landing pad shared by every handler: restore the previously handled
 * exception and re-raise.  stack: prev lasti exc */
static int pop_except_and_reraise(RpCompiler *c)
{
    EMIT(c, COPY, 3);
    EMIT0(c, POP_EXCEPT);
    EMIT(c, RERAISE, 1);
    return 0;
}

/* One `except` clause; stack on entry: prev exc. */
static int except_clause(RpCompiler *c, excepthandler_ty h, int end, int outer, int last)
{
    int next;
    NEW_LABEL(c, next);
    c->u->lineno = h->lineno;
    c->u->col = h->col_offset;
    if (h->type == NULL && !last)
        return rc_error(c, "default 'except:' must be last");
    if (h->type) {
        RC_TRY(rc_expr(c, h->type));
        EMIT0(c, CHECK_EXC_MATCH);
        EMIT_JUMP(c, POP_JUMP_IF_FALSE, next);
    }
    int cleanup_body = -1;
    if (h->name) {
        RC_TRY(rc_nameop(c, h->name, Store));
        NEW_LABEL(c, cleanup_body);
        RC_TRY(rc_push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, h->name));
        c->u->fblocks[c->u->nfblocks - 1].outer_handler = outer;
        RC_TRY(rc_push_handler(c, cleanup_body, 1, 0));
    } else {
        EMIT0(c, POP_TOP);
        RC_TRY(rc_push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, NULL));
        c->u->fblocks[c->u->nfblocks - 1].outer_handler = outer;
    }
    RC_TRY(rc_body(c, h->body));
    rc_pop_fblock(c);
    if (h->name)
        rc_pop_handler(c);
    /* leaving the handler normally: outside every handler of this try */
    int saved = c->u->cur_handler;
    c->u->cur_handler = outer;
    c->u->lineno = -1;
    EMIT0(c, POP_EXCEPT);
    if (h->name)
        RC_TRY(clear_name(c, h->name));
    EMIT_JUMP(c, JUMP, end);
    c->u->cur_handler = saved;
    if (h->name) {
        /* an exception escaping the body: `del name`, then re-raise */
        BIND(c, cleanup_body);
        RC_TRY(clear_name(c, h->name));
        EMIT(c, RERAISE, 1);
    }
    BIND(c, next);
    return 0;
}

static int compile_try_except(RpCompiler *c, stmt_ty s)
{
    int except, end, cleanup;
    NEW_LABEL(c, except);
    NEW_LABEL(c, end);
    NEW_LABEL(c, cleanup);
    RC_TRY(rc_push_fblock(c, FB_TRY_EXCEPT, -1, -1, NULL));
    RC_TRY(rc_push_handler(c, except, 0, 0));
    RC_TRY(rc_body(c, s->v.Try.body));
    rc_pop_handler(c);
    rc_pop_fblock(c);
    RC_TRY(rc_body(c, s->v.Try.orelse));
    EMIT_JUMP(c, JUMP, end);

    BIND(c, except);
    int outer = c->u->cur_handler;
    RC_TRY(rc_push_fblock(c, FB_EXCEPTION_HANDLER, -1, -1, NULL));
    RC_TRY(rc_push_handler(c, cleanup, 1, 0));
    c->u->lineno = -1;
    EMIT0(c, PUSH_EXC_INFO);
    Rp_ssize_t n = asdl_seq_LEN(s->v.Try.handlers);
    for (Rp_ssize_t i = 0; i < n; i++)
        RC_TRY(except_clause(c, asdl_seq_GET(s->v.Try.handlers, i), end, outer, i == n - 1));
    rc_pop_fblock(c);
    c->u->lineno = -1;
    EMIT(c, RERAISE, 0);     /* no clause matched */
    rc_pop_handler(c);
    BIND(c, cleanup);
    RC_TRY(pop_except_and_reraise(c));
    BIND(c, end);
    return 0;
}

/* One `except*` clause; stack on entry and exit: prev orig list rest.
 * What its body raises is appended to the list; the rest goes on. */
static int except_star_clause(RpCompiler *c, excepthandler_ty h)
{
    int next, no_match, cleanup_body;
    NEW_LABEL(c, next);
    NEW_LABEL(c, no_match);
    NEW_LABEL(c, cleanup_body);
    c->u->lineno = h->lineno;
    c->u->col = h->col_offset;
    if (h->type == NULL)
        return rc_error(c, "expected one or more exception types");
    RC_TRY(rc_expr(c, h->type));
    EMIT0(c, CHECK_EG_MATCH);               /* prev orig list rest match */
    EMIT(c, COPY, 1);
    EMIT_JUMP(c, POP_JUMP_IF_NONE, no_match);
    if (h->name)
        RC_TRY(rc_nameop(c, h->name, Store));
    else
        EMIT0(c, POP_TOP);
    RC_TRY(rc_push_fblock(c, FB_EXCEPT_STAR, -1, -1, NULL));
    RC_TRY(rc_push_handler(c, cleanup_body, 1, 0));
    RC_TRY(rc_body(c, h->body));
    rc_pop_handler(c);
    rc_pop_fblock(c);
    c->u->lineno = -1;
    if (h->name)
        RC_TRY(clear_name(c, h->name));
    EMIT_JUMP(c, JUMP, next);
    /* the body raised: prev orig list rest lasti exc */
    BIND(c, cleanup_body);
    if (h->name)
        RC_TRY(clear_name(c, h->name));
    EMIT(c, LIST_APPEND, 3);
    EMIT0(c, POP_TOP);
    EMIT_JUMP(c, JUMP, next);
    BIND(c, no_match);
    EMIT0(c, POP_TOP);
    BIND(c, next);
    return 0;
}

/* try/except*: each clause handles its part of the exception group; then
 * PREP_RERAISE_STAR decides what (if anything) the statement raises. */
static int compile_try_star_except(RpCompiler *c, stmt_ty s)
{
    int except, end, cleanup, reraise;
    NEW_LABEL(c, except);
    NEW_LABEL(c, end);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, reraise);
    RC_TRY(rc_push_fblock(c, FB_TRY_EXCEPT, -1, -1, NULL));
    RC_TRY(rc_push_handler(c, except, 0, 0));
    RC_TRY(rc_body(c, s->v.Try.body));
    rc_pop_handler(c);
    rc_pop_fblock(c);
    RC_TRY(rc_body(c, s->v.Try.orelse));
    EMIT_JUMP(c, JUMP, end);

    BIND(c, except);
    RC_TRY(rc_push_fblock(c, FB_EXCEPTION_HANDLER, -1, -1, NULL));
    RC_TRY(rc_push_handler(c, cleanup, 1, 0));
    c->u->lineno = -1;
    EMIT0(c, PUSH_EXC_INFO);                /* prev exc */
    EMIT(c, COPY, 1);
    EMIT(c, BUILD_LIST, 0);
    EMIT(c, SWAP, 2);                       /* prev orig list exc */
    Rp_ssize_t n = asdl_seq_LEN(s->v.Try.handlers);
    for (Rp_ssize_t i = 0; i < n; i++)
        RC_TRY(except_star_clause(c, asdl_seq_GET(s->v.Try.handlers, i)));
    c->u->lineno = -1;
    EMIT(c, LIST_APPEND, 1);                /* prev orig list */
    EMIT0(c, PREP_RERAISE_STAR);            /* prev exc|None */
    EMIT(c, COPY, 1);
    EMIT_JUMP(c, POP_JUMP_IF_NOT_NONE, reraise);
    EMIT0(c, POP_TOP);
    rc_pop_handler(c);
    rc_pop_fblock(c);
    EMIT0(c, POP_EXCEPT);
    EMIT_JUMP(c, JUMP, end);
    BIND(c, reraise);
    EMIT(c, SWAP, 2);
    EMIT0(c, POP_EXCEPT);
    EMIT(c, RERAISE, 0);
    BIND(c, cleanup);
    RC_TRY(pop_except_and_reraise(c));
    BIND(c, end);
    return 0;
}

static int compile_try_finally(RpCompiler *c, stmt_ty s)
{
    int handler, exit, cleanup;
    NEW_LABEL(c, handler);
    NEW_LABEL(c, exit);
    NEW_LABEL(c, cleanup);
    asdl_seq *finalbody = s->v.Try.finalbody;
    RC_TRY(rc_push_fblock(c, FB_FINALLY_TRY, -1, -1, finalbody));
    RC_TRY(rc_push_handler(c, handler, 0, 0));
    if (asdl_seq_LEN(s->v.Try.handlers) > 0 && s->kind == TryStar_kind)
        RC_TRY(compile_try_star_except(c, s));
    else if (asdl_seq_LEN(s->v.Try.handlers) > 0)
        RC_TRY(compile_try_except(c, s));
    else
        RC_TRY(rc_body(c, s->v.Try.body));
    rc_pop_handler(c);
    rc_pop_fblock(c);
    RC_TRY(rc_body(c, finalbody));
    EMIT_JUMP(c, JUMP, exit);

    BIND(c, handler);
    RC_TRY(rc_push_fblock(c, FB_FINALLY_END, -1, -1, NULL));
    RC_TRY(rc_push_handler(c, cleanup, 1, 0));
    c->u->lineno = -1;
    EMIT0(c, PUSH_EXC_INFO);
    RC_TRY(rc_body(c, finalbody));
    c->u->lineno = -1;
    EMIT(c, RERAISE, 0);
    rc_pop_handler(c);
    rc_pop_fblock(c);
    BIND(c, cleanup);
    RC_TRY(pop_except_and_reraise(c));
    BIND(c, exit);
    return 0;
}

static int compile_try(RpCompiler *c, stmt_ty s)
{
    if (asdl_seq_LEN(s->v.Try.finalbody) > 0)
        return compile_try_finally(c, s);
    if (s->kind == TryStar_kind)
        return compile_try_star_except(c, s);
    return compile_try_except(c, s);
}

/* ---- with ------------------------------------------------------------------ */

/* `with` and `async with` share one layout; the async form awaits the
 * results of __aenter__ and __aexit__. */
static int compile_with_item(RpCompiler *c, stmt_ty s, Rp_ssize_t pos)
{
    withitem_ty item = asdl_seq_GET(s->v.With.items, pos);
    int is_async = s->kind == AsyncWith_kind;
    int final, exit, cleanup, suppress;
    NEW_LABEL(c, final);
    NEW_LABEL(c, exit);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, suppress);
    RC_TRY(rc_expr(c, item->context_expr));
    rc_set_loc_stmt(c, s);
    if (is_async) {
        EMIT0(c, BEFORE_ASYNC_WITH);
        RC_TRY(rc_await(c, 1));
    } else {
        EMIT0(c, BEFORE_WITH);
    }
    RC_TRY(rc_push_fblock(c, is_async ? FB_ASYNC_WITH : FB_WITH, -1, -1, s));
    /* the handler's depth excludes __enter__'s result (stack: exit) */
    RC_TRY(rc_push_handler(c, final, 1, -1));
    if (item->optional_vars)
        RC_TRY(rc_store(c, item->optional_vars));
    else
        EMIT0(c, POP_TOP);
    if (pos + 1 < asdl_seq_LEN(s->v.With.items))
        RC_TRY(compile_with_item(c, s, pos + 1));
    else
        RC_TRY(rc_body(c, s->v.With.body));
    rc_pop_handler(c);
    rc_pop_fblock(c);
    rc_set_loc_stmt(c, s);
    RC_TRY(call_exit_with_nones(c));
    if (is_async)
        RC_TRY(rc_await(c, 2));
    EMIT0(c, POP_TOP);
    EMIT_JUMP(c, JUMP, exit);

    /* stack: exit lasti exc */
    BIND(c, final);
    RC_TRY(rc_push_handler(c, cleanup, 1, 0));
    EMIT0(c, PUSH_EXC_INFO);
    EMIT0(c, WITH_EXCEPT_START);
    if (is_async)
        RC_TRY(rc_await(c, 2));
    EMIT_JUMP(c, POP_JUMP_IF_TRUE, suppress);
    EMIT(c, RERAISE, 2);
    rc_pop_handler(c);
    BIND(c, cleanup);
    RC_TRY(pop_except_and_reraise(c));
    BIND(c, suppress);        /* stack: exit lasti prev exc */
    EMIT0(c, POP_TOP);
    EMIT0(c, POP_EXCEPT);
    EMIT0(c, POP_TOP);
    EMIT0(c, POP_TOP);
    BIND(c, exit);
    return 0;
}

static int compile_with(RpCompiler *c, stmt_ty s)
{
    if (s->kind == AsyncWith_kind && !in_coroutine(c))
        return rc_error(c, "'async with' outside async function");
    return compile_with_item(c, s, 0);
}

/* ---- simple statements ------------------------------------------------------ */

static int compile_assign(RpCompiler *c, stmt_ty s)
{
    asdl_seq *targets = s->v.Assign.targets;
    RC_TRY(rc_expr(c, s->v.Assign.value));
    Rp_ssize_t n = asdl_seq_LEN(targets);
    for (Rp_ssize_t i = 0; i < n; i++) {
        if (i < n - 1)
            EMIT(c, COPY, 1);
        RC_TRY(rc_store(c, asdl_seq_GET(targets, i)));
    }
    return 0;
}

static const int inplace_ops[] = {
    [Add] = RP_NB_ADD, [Sub] = RP_NB_SUBTRACT, [Mult] = RP_NB_MULTIPLY,
    [MatMult] = RP_NB_MATRIX_MULTIPLY, [Div] = RP_NB_TRUE_DIVIDE,
    [Mod] = RP_NB_REMAINDER, [Pow] = RP_NB_POWER, [LShift] = RP_NB_LSHIFT,
    [RShift] = RP_NB_RSHIFT, [BitOr] = RP_NB_OR, [BitXor] = RP_NB_XOR,
    [BitAnd] = RP_NB_AND, [FloorDiv] = RP_NB_FLOOR_DIVIDE,
};

/* The target is evaluated once: its object (and key) are kept with COPY
 * and put back in place with SWAP for the store. */
static int compile_augassign(RpCompiler *c, stmt_ty s)
{
    expr_ty t = s->v.AugAssign.target;
    int op = RP_NB_INPLACE + inplace_ops[s->v.AugAssign.op];
    switch (t->kind) {
    case Name_kind:
        RC_TRY(rc_nameop(c, t->v.Name.id, Load));
        RC_TRY(rc_expr(c, s->v.AugAssign.value));
        rc_set_loc_stmt(c, s);
        EMIT(c, BINARY_OP, op);
        return rc_nameop(c, t->v.Name.id, Store);
    case Attribute_kind:
        RC_TRY(rc_expr(c, t->v.Attribute.value));
        EMIT(c, COPY, 1);
        EMIT_NAME(c, LOAD_ATTR, t->v.Attribute.attr);
        RC_TRY(rc_expr(c, s->v.AugAssign.value));
        rc_set_loc_stmt(c, s);
        EMIT(c, BINARY_OP, op);
        EMIT(c, SWAP, 2);
        EMIT_NAME(c, STORE_ATTR, t->v.Attribute.attr);
        return 0;
    case Subscript_kind:
        RC_TRY(rc_expr(c, t->v.Subscript.value));
        RC_TRY(rc_expr(c, t->v.Subscript.slice));
        EMIT(c, COPY, 2);
        EMIT(c, COPY, 2);
        EMIT0(c, BINARY_SUBSCR);
        RC_TRY(rc_expr(c, s->v.AugAssign.value));
        rc_set_loc_stmt(c, s);
        EMIT(c, BINARY_OP, op);
        EMIT(c, SWAP, 3);
        EMIT(c, SWAP, 2);
        EMIT0(c, STORE_SUBSCR);
        return 0;
    default:
        return rc_error(c, "'%s' is an illegal expression for augmented assignment", "expression");
    }
}

static int compile_annassign(RpCompiler *c, stmt_ty s)
{
    expr_ty t = s->v.AnnAssign.target;
    int module_or_class = c->u->kind == U_MODULE || c->u->kind == U_CLASS;
    if (s->v.AnnAssign.value) {
        RC_TRY(rc_expr(c, s->v.AnnAssign.value));
        RC_TRY(rc_store(c, t));
    }
    if (t->kind == Name_kind) {
        if (s->v.AnnAssign.simple && module_or_class) {
            RC_TRY(rc_expr(c, s->v.AnnAssign.annotation));
            EMIT_NAME(c, LOAD_NAME, RP_ID(__annotations__));
            RpObject *mangled = _RpST_Mangle(c->u->private_, t->v.Name.id);
            if (mangled == NULL)
                return -1;
            int r = rc_load_const(c, mangled);
            Rp_DECREF(mangled);
            RC_TRY(r);
            EMIT0(c, STORE_SUBSCR);
        }
        return 0;
    }
    if (!s->v.AnnAssign.value) {
        /* `a.b: int` / `a[i]: int` still evaluate the object (and key) */
        expr_ty obj = t->kind == Attribute_kind ? t->v.Attribute.value : t->v.Subscript.value;
        RC_TRY(rc_expr(c, obj));
        EMIT0(c, POP_TOP);
        if (t->kind == Subscript_kind) {
            RC_TRY(rc_expr(c, t->v.Subscript.slice));
            EMIT0(c, POP_TOP);
        }
    }
    if (module_or_class) {
        RC_TRY(rc_expr(c, s->v.AnnAssign.annotation));
        EMIT0(c, POP_TOP);
    }
    return 0;
}

static int compile_assert(RpCompiler *c, stmt_ty s)
{
    if (c->optimize > 0)
        return 0;
    int end;
    NEW_LABEL(c, end);
    RC_TRY(rc_jump_if(c, s->v.Assert.test, end, 1));
    rc_set_loc_stmt(c, s);
    if (s->v.Assert.msg) {
        EMIT0(c, PUSH_NULL);
        EMIT0(c, LOAD_ASSERTION_ERROR);
        RC_TRY(rc_expr(c, s->v.Assert.msg));
        rc_set_loc_stmt(c, s);
        EMIT(c, CALL, 1);
    } else {
        EMIT0(c, LOAD_ASSERTION_ERROR);
    }
    EMIT(c, RAISE_VARARGS, 1);
    BIND(c, end);
    return 0;
}

static int compile_raise(RpCompiler *c, stmt_ty s)
{
    int n = 0;
    if (s->v.Raise.exc) {
        RC_TRY(rc_expr(c, s->v.Raise.exc));
        n++;
        if (s->v.Raise.cause) {
            RC_TRY(rc_expr(c, s->v.Raise.cause));
            n++;
        }
    }
    rc_set_loc_stmt(c, s);
    EMIT(c, RAISE_VARARGS, n);
    return 0;
}

static int compile_delete(RpCompiler *c, stmt_ty s)
{
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(s->v.Delete.targets); i++)
        RC_TRY(rc_expr(c, asdl_seq_GET(s->v.Delete.targets, i)));
    return 0;
}

static int compile_expr_stmt(RpCompiler *c, stmt_ty s)
{
    expr_ty v = s->v.Expr.value;
    if (c->interactive && c->u->kind == U_MODULE) {
        RC_TRY(rc_expr(c, v));
        rc_set_loc_stmt(c, s);
        EMIT0(c, PRINT_EXPR);
        return 0;
    }
    if (v->kind == Constant_kind)
        return 0;     /* a docstring-like constant does nothing */
    RC_TRY(rc_expr(c, v));
    rc_set_loc_stmt(c, s);
    EMIT0(c, POP_TOP);
    return 0;
}

/* ---- imports --------------------------------------------------------------- */

static int import_name(RpCompiler *c, int level, RpObject *fromlist, RpObject *name)
{
    RpObject *lvl = RpLong_FromLong(level);
    if (lvl == NULL)
        return -1;
    int r = rc_load_const(c, lvl);
    Rp_DECREF(lvl);
    RC_TRY(r);
    EMIT_CONST(c, fromlist);
    EMIT_NAME(c, IMPORT_NAME, name);
    return 0;
}

/* `import a.b.c as d`: IMPORT_NAME returns the top package; walk down to
 * c with IMPORT_FROM (which also finds submodules in sys.modules). */
static int import_as(RpCompiler *c, RpObject *name, RpObject *asname)
{
    const char *n = RpUnicode_AsUTF8(name);
    const char *dot = strchr(n, '.');
    while (dot != NULL) {
        const char *start = dot + 1;
        dot = strchr(start, '.');
        Rp_ssize_t len = dot ? dot - start : (Rp_ssize_t)strlen(start);
        RpObject *attr = RpUnicode_FromStringAndSize(start, len);
        if (attr == NULL)
            return -1;
        int r = rc_addop_name(c, OP_IMPORT_FROM, attr);
        Rp_DECREF(attr);
        RC_TRY(r);
        if (dot != NULL) {
            EMIT(c, SWAP, 2);
            EMIT0(c, POP_TOP);
        }
    }
    RC_TRY(rc_nameop(c, asname, Store));
    if (strchr(n, '.') != NULL)
        EMIT0(c, POP_TOP);
    return 0;
}

static int compile_import(RpCompiler *c, stmt_ty s)
{
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(s->v.Import.names); i++) {
        alias_ty a = asdl_seq_GET(s->v.Import.names, i);
        RC_TRY(import_name(c, 0, Rp_None, a->name));
        if (a->asname) {
            RC_TRY(import_as(c, a->name, a->asname));
            continue;
        }
        /* `import a.b.c` binds the top-level package `a` */
        const char *n = RpUnicode_AsUTF8(a->name);
        const char *dot = strchr(n, '.');
        RpObject *store = dot ? RpUnicode_FromStringAndSize(n, dot - n) : Rp_NewRef(a->name);
        if (store == NULL)
            return -1;
        int r = rc_nameop(c, store, Store);
        Rp_DECREF(store);
        RC_TRY(r);
    }
    return 0;
}

static int compile_import_from(RpCompiler *c, stmt_ty s)
{
    asdl_seq *names = s->v.ImportFrom.names;
    Rp_ssize_t n = asdl_seq_LEN(names);
    RpObject *fromlist = RpTuple_New(n);
    if (fromlist == NULL)
        return -1;
    for (Rp_ssize_t i = 0; i < n; i++) {
        alias_ty a = asdl_seq_GET(names, i);
        RpTuple_SET_ITEM(fromlist, i, Rp_NewRef(a->name));
    }
    RpObject *module = s->v.ImportFrom.module;
    RpObject *empty = module ? NULL : RpUnicode_FromString("");
    int r = (module || empty) ? import_name(c, s->v.ImportFrom.level, fromlist,
                                            module ? module : empty) : -1;
    Rp_DECREF(fromlist);
    Rp_XDECREF(empty);
    RC_TRY(r);
    for (Rp_ssize_t i = 0; i < n; i++) {
        alias_ty a = asdl_seq_GET(names, i);
        if (i == 0 && _RpUnicode_EqualToASCIIString(a->name, "*")) {
            EMIT0(c, IMPORT_STAR);
            return 0;
        }
        EMIT_NAME(c, IMPORT_FROM, a->name);
        RC_TRY(rc_nameop(c, a->asname ? a->asname : a->name, Store));
    }
    EMIT0(c, POP_TOP);
    return 0;
}

/* ---- dispatch -------------------------------------------------------------- */

static int stmt_inner(RpCompiler *c, stmt_ty s)
{
    switch (s->kind) {
    case FunctionDef_kind:
        return rc_function(c, s, 0);
    case AsyncFunctionDef_kind:
        return rc_function(c, s, 1);
    case ClassDef_kind:
        return rc_class(c, s);
    case Return_kind:
        return compile_return(c, s);
    case Delete_kind:
        return compile_delete(c, s);
    case Assign_kind:
        return compile_assign(c, s);
    case AugAssign_kind:
        return compile_augassign(c, s);
    case AnnAssign_kind:
        return compile_annassign(c, s);
    case For_kind:
    case AsyncFor_kind:
        return compile_for(c, s);
    case While_kind:
        return compile_while(c, s);
    case If_kind:
        return compile_if(c, s);
    case With_kind:
    case AsyncWith_kind:
        return compile_with(c, s);
    case Match_kind:
        return rc_match(c, s);
    case Raise_kind:
        return compile_raise(c, s);
    case Try_kind:
    case TryStar_kind:
        return compile_try(c, s);
    case Assert_kind:
        return compile_assert(c, s);
    case Import_kind:
        return compile_import(c, s);
    case ImportFrom_kind:
        return compile_import_from(c, s);
    case Global_kind:
    case Nonlocal_kind:
    case Pass_kind:
        return 0;
    case Expr_kind:
        return compile_expr_stmt(c, s);
    case Break_kind:
        return compile_break(c, s);
    case Continue_kind:
        return compile_continue(c, s);
    }
    return 0;
}

int rc_stmt(RpCompiler *c, stmt_ty s)
{
    if (++c->depth > 2000) {
        RpErr_SetString(RpExc_RecursionError, "maximum recursion depth exceeded during compilation");
        c->depth--;
        return -1;
    }
    rc_set_loc_stmt(c, s);
    int r = stmt_inner(c, s);
    c->depth--;
    return r;
}
