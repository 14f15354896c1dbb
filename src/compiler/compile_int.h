/* compile_int.h -- the code generator's private interface, shared by
 * compile.c (units, names, constants, scopes, functions, classes),
 * compile_stmt.c, compile_expr.c, compile_pattern.c and assemble.c.
 *
 * Code is emitted linearly into the current unit.  Jumps name labels;
 * assemble.c turns labels into absolute instruction indices.  Each
 * instruction records the exception handler in force when it was emitted
 * (the compiler keeps the handler stack as a linked list), so the
 * exception table is just the runs of equal handlers: nested ranges come
 * out split, never overlapping.  A handler's stack depth is the depth at
 * the point it was pushed, found by the assembler's flow analysis.
 */
#ifndef RP_COMPILE_INT_H
#define RP_COMPILE_INT_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "rp.h"
#include "symtable.h"

/* how an instruction's argument is to be resolved by the assembler */
enum { ARG_PLAIN, ARG_LABEL, ARG_CELL, ARG_FREE };

typedef struct RpInstr {
    uint8_t op, argkind;
    int32_t arg;
    int32_t lineno;
    int32_t handler;          /* index into the unit's handlers, -1 none */
} RpInstr;

typedef struct RpHandler {
    int label;                /* where the handler code starts */
    int parent;               /* the enclosing handler, -1 none */
    int lasti;                /* push the raising instruction's index */
    int setup;                /* instruction index at the push */
    int adjust;               /* depth = depth at `setup` + adjust */
} RpHandler;

/* Frame blocks: what a `return`, `break` or `continue` must unwind. */
typedef enum {
    FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH,
    FB_HANDLER_CLEANUP, FB_EXCEPTION_HANDLER, FB_POP_VALUE, FB_ASYNC_FOR, FB_ASYNC_WITH,
    FB_EXCEPT_STAR
} RpFBKind;

typedef struct RpFBlock {
    RpFBKind kind;
    int start, exit;          /* labels: loop start (continue), loop exit (break) */
    void *datum;              /* finally body / except name / with stmt */
    int outer_handler;        /* the handler in force outside this block */
} RpFBlock;
#define RP_MAX_FBLOCKS 20

typedef enum { U_MODULE, U_CLASS, U_FUNCTION, U_LAMBDA, U_COMPREHENSION } RpUnitKind;

typedef struct RpUnit {
    RpSTEntry *ste;
    RpUnitKind kind;
    RpObject *name, *qualname;
    RpObject *consts;         /* list */
    RpObject *const_index;    /* dict: constant key -> index */
    RpObject *names;          /* dict: str -> index (co_names) */
    RpObject *varnames;       /* dict: str -> index (locals, args first) */
    RpObject *cellvars;       /* dict: str -> index */
    RpObject *freevars;       /* dict: str -> index */
    RpObject *private_;       /* class name for mangling (borrowed) */
    RpInstr *instrs;
    int ninstrs, capinstrs;
    int *labels;              /* label -> instruction index, -1 unbound */
    int nlabels, caplabels;
    RpHandler *handlers;
    int nhandlers, caphandlers;
    int cur_handler;
    RpFBlock fblocks[RP_MAX_FBLOCKS];
    int nfblocks;
    int argcount, posonlyargcount, kwonlyargcount;
    int firstlineno, lineno;
    int col, end_lineno, end_col;   /* position of the node being compiled */
    struct RpUnit *parent;
} RpUnit;

typedef struct RpCompiler {
    RpSymtable *st;
    RpObject *filename;
    RpUnit *u;
    int optimize;
    int interactive;
    int depth;                /* recursion guard */
} RpCompiler;

/* ---- compile.c: units, emission, names, constants ---- */
int rc_addop(RpCompiler *c, int op, int arg);
int rc_addop_kind(RpCompiler *c, int op, int arg, int argkind);
int rc_new_label(RpCompiler *c);                 /* -1 on error */
int rc_bind(RpCompiler *c, int label);
int rc_jump(RpCompiler *c, int op, int label);
int rc_add_const(RpCompiler *c, RpObject *o);    /* index or -1 */
int rc_load_const(RpCompiler *c, RpObject *o);
int rc_addop_name(RpCompiler *c, int op, RpObject *name);  /* mangled into co_names */
int rc_nameop(RpCompiler *c, RpObject *name, expr_context_ty ctx);
int rc_push_handler(RpCompiler *c, int label, int lasti, int adjust);
void rc_pop_handler(RpCompiler *c);
int rc_push_fblock(RpCompiler *c, RpFBKind kind, int start, int exit, void *datum);
void rc_pop_fblock(RpCompiler *c);
int rc_error(RpCompiler *c, const char *fmt, ...);   /* SyntaxError at the current node; -1 */
int rc_enter_scope(RpCompiler *c, RpObject *name, RpUnitKind kind, void *key, int lineno);
void rc_exit_scope(RpCompiler *c);
RpObject *rc_assemble(RpCompiler *c);            /* the unit's code object (new ref) */
int rc_make_closure(RpCompiler *c, RpObject *code, int flags);
int rc_load_global_for_call(RpCompiler *c, RpObject *name);  /* 1 done, 0 not global, -1 */
int rc_function(RpCompiler *c, stmt_ty s, int is_async);
int rc_lambda(RpCompiler *c, expr_ty e);
int rc_class(RpCompiler *c, stmt_ty s);
RpObject *rc_docstring(asdl_seq *body);          /* borrowed str or NULL */
void rc_set_loc_stmt(RpCompiler *c, stmt_ty s);
void rc_set_loc_expr(RpCompiler *c, expr_ty e);

/* ---- compile_stmt.c ---- */
int rc_stmt(RpCompiler *c, stmt_ty s);
int rc_body(RpCompiler *c, asdl_seq *stmts);
int rc_unwind_fblock_stack(RpCompiler *c, int preserve_tos, RpFBlock **loop);

/* ---- compile_expr.c ---- */
int rc_expr(RpCompiler *c, expr_ty e);
int rc_store(RpCompiler *c, expr_ty target);     /* TOS -> target */
int rc_jump_if(RpCompiler *c, expr_ty e, int label, int cond);
int rc_call_helper(RpCompiler *c, int nprefix, asdl_seq *args, asdl_seq *keywords);
int rc_comprehension(RpCompiler *c, expr_ty e);
int rc_await(RpCompiler *c, int oparg);          /* TOS -> await TOS */
RpObject *rc_const_value(RpCompiler *c, expr_ty e);   /* folded constant (new ref) or NULL, no error */

/* ---- compile_pattern.c ---- */
int rc_match(RpCompiler *c, stmt_ty s);

#define RC_TRY(x) do { if ((x) < 0) return -1; } while (0)
#define EMIT(c, op, arg) RC_TRY(rc_addop((c), OP_##op, (arg)))
#define EMIT0(c, op) RC_TRY(rc_addop((c), OP_##op, 0))
#define EMIT_JUMP(c, op, label) RC_TRY(rc_jump((c), OP_##op, (label)))
#define EMIT_NAME(c, op, name) RC_TRY(rc_addop_name((c), OP_##op, (name)))
#define EMIT_CONST(c, o) RC_TRY(rc_load_const((c), (o)))
#define BIND(c, label) RC_TRY(rc_bind((c), (label)))
#define NEW_LABEL(c, var) do { if (((var) = rc_new_label(c)) < 0) return -1; } while (0)

#endif
