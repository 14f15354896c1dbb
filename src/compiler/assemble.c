/* assemble.c -- from a compilation unit to a code object.
 *
 *   1. resolve labels to absolute instruction indices (JUMP becomes
 *      JUMP_BACKWARD when the target is not ahead);
 *   2. resolve cell/free variable numbers to localsplus slots, once the
 *      number of plain locals is final;
 *   3. flow analysis: the stack depth at the entry of every reachable
 *      instruction (which gives co_stacksize and each handler's depth);
 *   4. the exception table: runs of instructions with the same innermost
 *      handler -- entries never overlap, nested ranges come out split;
 *   5. the line table: runs of instructions on the same source line.
 */
#include "compile_int.h"

/* ---- stack effects ----------------------------------------------------------- */

static int popcount4(int x)
{
    return (x & 1) + ((x >> 1) & 1) + ((x >> 2) & 1) + ((x >> 3) & 1);
}

/* Effect of `op` on the stack depth; `jump` selects the branch taken. */
static int stack_effect(int op, int arg, int jump)
{
    switch (op) {
    case OP_NOP: case OP_SWAP: case OP_DELETE_FAST: case OP_MAKE_CELL:
    case OP_COPY_FREE_VARS: case OP_DELETE_DEREF: case OP_DELETE_NAME:
    case OP_DELETE_GLOBAL: case OP_LOAD_ATTR: case OP_UNARY_NEGATIVE:
    case OP_UNARY_POSITIVE: case OP_UNARY_INVERT: case OP_UNARY_NOT:
    case OP_LIST_TO_TUPLE: case OP_JUMP: case OP_JUMP_BACKWARD: case OP_GET_ITER:
    case OP_YIELD_VALUE: case OP_GET_YIELD_FROM_ITER: case OP_KW_NAMES:
    case OP_CHECK_EXC_MATCH: case OP_SETUP_ANNOTATIONS:
    case OP_GET_AWAITABLE: case OP_GET_AITER: case OP_ASYNC_GEN_WRAP: case OP_CHECK_EG_MATCH:
        return 0;
    case OP_POP_TOP: case OP_STORE_FAST: case OP_STORE_DEREF: case OP_STORE_NAME:
    case OP_STORE_GLOBAL: case OP_DELETE_ATTR: case OP_BINARY_SUBSCR: case OP_BINARY_OP:
    case OP_COMPARE_OP: case OP_IS_OP: case OP_CONTAINS_OP: case OP_LIST_APPEND:
    case OP_SET_ADD: case OP_LIST_EXTEND: case OP_SET_UPDATE: case OP_DICT_UPDATE:
    case OP_DICT_MERGE: case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE:
    case OP_POP_JUMP_IF_NONE: case OP_POP_JUMP_IF_NOT_NONE: case OP_RETURN_VALUE:
    case OP_RERAISE: case OP_POP_EXCEPT: case OP_IMPORT_NAME: case OP_IMPORT_STAR:
    case OP_PRINT_EXPR: case OP_PREP_RERAISE_STAR:
        return -1;
    case OP_END_ASYNC_FOR:
        return -2;
    case OP_PUSH_NULL: case OP_COPY: case OP_LOAD_CONST: case OP_LOAD_FAST:
    case OP_LOAD_CLOSURE: case OP_LOAD_DEREF: case OP_LOAD_CLASSDEREF:
    case OP_LOAD_NAME: case OP_LOAD_METHOD: case OP_LOAD_BUILD_CLASS:
    case OP_PUSH_EXC_INFO: case OP_BEFORE_WITH: case OP_WITH_EXCEPT_START:
    case OP_LOAD_ASSERTION_ERROR: case OP_IMPORT_FROM: case OP_GET_LEN:
    case OP_MATCH_MAPPING: case OP_MATCH_SEQUENCE: case OP_MATCH_KEYS:
    case OP_COPY_DICT_WITHOUT_KEYS: case OP_GET_ANEXT: case OP_BEFORE_ASYNC_WITH:
        return 1;
    case OP_LOAD_GLOBAL:
        return 1 + (arg & 1);
    case OP_STORE_ATTR: case OP_DELETE_SUBSCR: case OP_MAP_ADD: case OP_MATCH_CLASS:
        return -2;
    case OP_STORE_SUBSCR:
        return -3;
    case OP_BUILD_SLICE:
        return 1 - arg;
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING:
        return 1 - arg;
    case OP_BUILD_MAP:
        return 1 - 2 * arg;
    case OP_BUILD_CONST_KEY_MAP:
        return -arg;
    case OP_FORMAT_VALUE:
        return (arg & 4) ? -1 : 0;
    case OP_UNPACK_SEQUENCE:
        return arg - 1;
    case OP_UNPACK_EX:
        return (arg & 0xFF) + (arg >> 8);
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP:
        return jump ? 0 : -1;
    case OP_FOR_ITER:
        return jump ? -1 : 1;
    case OP_SEND:
        return jump ? -1 : 0;
    case OP_CALL:
        return -(arg + 1);
    case OP_CALL_FUNCTION_EX:
        return -2 - (arg & 1);
    case OP_MAKE_FUNCTION:
        return -popcount4(arg);
    case OP_RAISE_VARARGS:
        return -arg;
    default:
        return 0;
    }
}

static int is_jump(int op)
{
    switch (op) {
    case OP_JUMP: case OP_JUMP_BACKWARD: case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE: case OP_POP_JUMP_IF_NONE: case OP_POP_JUMP_IF_NOT_NONE:
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: case OP_FOR_ITER:
    case OP_SEND:
        return 1;
    default:
        return 0;
    }
}

static int is_terminator(int op)
{
    return op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS || op == OP_RERAISE ||
           op == OP_JUMP || op == OP_JUMP_BACKWARD;
}

/* ---- step 1 and 2: resolving arguments ---------------------------------------- */

static int resolve_labels(RpUnit *u)
{
    for (int i = 0; i < u->ninstrs; i++) {
        RpInstr *in = &u->instrs[i];
        if (in->argkind != ARG_LABEL)
            continue;
        int target = u->labels[in->arg];
        if (target < 0 || target >= u->ninstrs) {
            RpErr_SetString(RpExc_SystemError, "compiler: jump to an unbound label");
            return -1;
        }
        in->arg = target;
        in->argkind = ARG_PLAIN;
        if (in->op == OP_JUMP && target <= i)
            in->op = OP_JUMP_BACKWARD;
    }
    return 0;
}

/* localsplus: [varnames | cells that are not arguments | frees] */
static int resolve_cells(RpUnit *u, int *cell_slots, int *free_slots)
{
    int nlocals = (int)RpDict_GET_SIZE(u->varnames);
    int next = nlocals;
    Rp_ssize_t pos = 0;
    RpObject *name, *v;
    while (RpDict_Next(u->cellvars, &pos, &name, &v)) {
        RpObject *local = RpDict_GetItemWithError(u->varnames, name);
        if (local == NULL && RpErr_Occurred())
            return -1;
        cell_slots[RpLong_AsLong(v)] = local ? (int)RpLong_AsLong(local) : next++;
    }
    for (Rp_ssize_t i = 0; i < RpDict_GET_SIZE(u->freevars); i++)
        free_slots[i] = next + (int)i;
    for (int i = 0; i < u->ninstrs; i++) {
        RpInstr *in = &u->instrs[i];
        if (in->argkind == ARG_CELL)
            in->arg = cell_slots[in->arg];
        else if (in->argkind == ARG_FREE)
            in->arg = free_slots[in->arg];
        in->argkind = ARG_PLAIN;
    }
    return next + (int)RpDict_GET_SIZE(u->freevars);
}

/* ---- step 3: stack depth ---------------------------------------------------------- */

typedef struct {
    int *depth;          /* per instruction, -1 unreached */
    int *hdepth;         /* per handler, -1 unknown */
    int *work;
    int nwork;
    int maxdepth;
} Flow;

static int flow_push(Flow *f, int i, int d)
{
    if (f->depth[i] >= 0) {
        if (f->depth[i] != d) {
            RpErr_Format(RpExc_SystemError, "compiler: inconsistent stack depth at %d (%d vs %d)",
                         i, f->depth[i], d);
            return -1;
        }
        return 0;
    }
    if (d < 0) {
        RpErr_Format(RpExc_SystemError, "compiler: negative stack depth at %d", i);
        return -1;
    }
    f->depth[i] = d;
    f->work[f->nwork++] = i;
    return 0;
}

/* An instruction protected by handler h can jump to the handler with
 * the stack cut to h's depth, plus lasti and the exception. */
static int flow_handler(Flow *f, RpUnit *u, int h)
{
    RpHandler *hd = &u->handlers[h];
    if (f->hdepth[h] < 0) {
        if (hd->setup >= u->ninstrs || f->depth[hd->setup] < 0)
            return 0;      /* resolved by a later pass */
        f->hdepth[h] = f->depth[hd->setup] + hd->adjust;
    }
    int d = f->hdepth[h] + hd->lasti + 1;
    if (d > f->maxdepth)
        f->maxdepth = d;
    return flow_push(f, u->labels[hd->label], d);
}

static int flow_run(Flow *f, RpUnit *u)
{
    while (f->nwork > 0) {
        int i = f->work[--f->nwork];
        int d = f->depth[i];
        for (;;) {
            RpInstr *in = &u->instrs[i];
            if (in->handler >= 0 && flow_handler(f, u, in->handler) < 0)
                return -1;
            if (is_jump(in->op) &&
                flow_push(f, in->arg, d + stack_effect(in->op, in->arg, 1)) < 0)
                return -1;
            int nd = d + stack_effect(in->op, in->arg, 0);
            if (nd > f->maxdepth)
                f->maxdepth = nd;
            if (is_terminator(in->op) || ++i >= u->ninstrs)
                break;
            if (f->depth[i] >= 0) {
                if (flow_push(f, i, nd) < 0)
                    return -1;
                break;
            }
            f->depth[i] = d = nd;
        }
    }
    return 0;
}

/* Repeat until no handler whose setup point became known is left out. */
static int stack_depth(Flow *f, RpUnit *u)
{
    if (u->ninstrs == 0)
        return 0;
    if (flow_push(f, 0, 0) < 0)
        return -1;
    for (;;) {
        if (flow_run(f, u) < 0)
            return -1;
        int before = f->nwork;
        for (int i = 0; i < u->ninstrs; i++) {
            int h = u->instrs[i].handler;
            if (f->depth[i] >= 0 && h >= 0 && f->hdepth[h] < 0 && flow_handler(f, u, h) < 0)
                return -1;
        }
        if (f->nwork == before)
            return 0;
    }
}

/* ---- step 4 and 5: tables -------------------------------------------------------- */

static RpExceptionTableEntry *exception_table(RpUnit *u, Flow *f, int *count)
{
    RpExceptionTableEntry *t = RpMem_Malloc(sizeof(*t) * (size_t)(u->ninstrs + 1));
    if (t == NULL) {
        RpErr_NoMemory();
        return NULL;
    }
    int n = 0;
    for (int i = 0; i < u->ninstrs;) {
        int h = u->instrs[i].handler, j = i + 1;
        while (j < u->ninstrs && u->instrs[j].handler == h)
            j++;
        if (h >= 0) {
            RpHandler *hd = &u->handlers[h];
            t[n].start = (uint32_t)i;
            t[n].end = (uint32_t)j;
            t[n].target = (uint32_t)u->labels[hd->label];
            t[n].depth = (uint16_t)(f->hdepth[h] < 0 ? 0 : f->hdepth[h]);
            t[n].lasti = (uint8_t)hd->lasti;
            n++;
        }
        i = j;
    }
    *count = n;
    return t;
}

static RpLineEntry *line_table(RpUnit *u, int *count)
{
    RpLineEntry *t = RpMem_Malloc(sizeof(*t) * (size_t)(u->ninstrs + 1));
    if (t == NULL) {
        RpErr_NoMemory();
        return NULL;
    }
    int n = 0;
    for (int i = 0; i < u->ninstrs; i++) {
        int line = u->instrs[i].lineno;
        if (n > 0 && t[n - 1].line == line)
            continue;
        t[n].start = (uint32_t)i;
        t[n].line = line;
        n++;
    }
    *count = n;
    return t;
}

/* ---- the code object ---------------------------------------------------------- */

static int compute_flags(RpUnit *u)
{
    RpSTEntry *ste = u->ste;
    int flags = 0;
    if (ste->type == ST_FUNCTION) {
        flags |= RP_CO_OPTIMIZED | RP_CO_NEWLOCALS;
        if (ste->nested)
            flags |= RP_CO_NESTED;
        if (ste->is_generator && ste->is_coroutine)
            flags |= RP_CO_ASYNC_GENERATOR;
        else if (ste->is_generator)
            flags |= RP_CO_GENERATOR;
        else if (ste->is_coroutine)
            flags |= RP_CO_COROUTINE;
        if (ste->varargs)
            flags |= RP_CO_VARARGS;
        if (ste->varkeywords)
            flags |= RP_CO_VARKEYWORDS;
    }
    return flags;
}

static RpObject *dict_keys_tuple(RpObject *d)
{
    RpObject *keys = RpDict_Keys(d);
    if (keys == NULL)
        return NULL;
    RpObject *t = RpList_AsTuple(keys);
    Rp_DECREF(keys);
    return t;
}

/* Names and kinds of the localsplus slots. */
static int localsplus(RpUnit *u, int n, RpObject **pnames, unsigned char **pkinds)
{
    RpObject *names = RpTuple_New(n);
    unsigned char *kinds = RpMem_Calloc((size_t)n + 1, 1);
    if (names == NULL || kinds == NULL)
        goto error;
    for (int i = 0; i < n; i++)
        RpTuple_SET_ITEM(names, i, NULL);
    Rp_ssize_t pos = 0;
    RpObject *k, *v;
    int nlocals = (int)RpDict_GET_SIZE(u->varnames), next = nlocals;
    while (RpDict_Next(u->varnames, &pos, &k, &v)) {
        int i = (int)RpLong_AsLong(v);
        RpTuple_SET_ITEM(names, i, Rp_NewRef(k));
        kinds[i] = RP_CO_FAST_LOCAL;
    }
    pos = 0;
    while (RpDict_Next(u->cellvars, &pos, &k, &v)) {
        RpObject *local = RpDict_GetItemWithError(u->varnames, k);
        if (local != NULL) {
            kinds[RpLong_AsLong(local)] |= RP_CO_FAST_CELL;
            continue;
        }
        RpTuple_SET_ITEM(names, next, Rp_NewRef(k));
        kinds[next++] = RP_CO_FAST_CELL;
    }
    pos = 0;
    while (RpDict_Next(u->freevars, &pos, &k, &v)) {
        RpTuple_SET_ITEM(names, next, Rp_NewRef(k));
        kinds[next++] = RP_CO_FAST_FREE;
    }
    *pnames = names;
    *pkinds = kinds;
    return 0;
error:
    Rp_XDECREF(names);
    RpMem_Free(kinds);
    if (!RpErr_Occurred())
        RpErr_NoMemory();
    return -1;
}

static uint32_t *encode(RpUnit *u)
{
    uint32_t *code = RpMem_Malloc(sizeof(uint32_t) * (size_t)(u->ninstrs + 1));
    if (code == NULL) {
        RpErr_NoMemory();
        return NULL;
    }
    for (int i = 0; i < u->ninstrs; i++)
        code[i] = RP_INSTR(u->instrs[i].op, (uint32_t)u->instrs[i].arg);
    return code;
}

typedef struct {
    int *cell_slots, *free_slots;
    Flow flow;
    RpObject *consts, *names, *lpnames;
    unsigned char *kinds;
    uint32_t *code;
    RpLineEntry *lines;
    RpExceptionTableEntry *exc;
} Asm;

static void asm_free(Asm *a)
{
    RpMem_Free(a->cell_slots);
    RpMem_Free(a->free_slots);
    RpMem_Free(a->flow.depth);
    RpMem_Free(a->flow.hdepth);
    RpMem_Free(a->flow.work);
    Rp_XDECREF(a->consts);
    Rp_XDECREF(a->names);
    Rp_XDECREF(a->lpnames);
    RpMem_Free(a->kinds);
    RpMem_Free(a->code);
    RpMem_Free(a->lines);
    RpMem_Free(a->exc);
}

static int asm_alloc(Asm *a, RpUnit *u)
{
    size_t n = (size_t)u->ninstrs + 1;
    a->cell_slots = RpMem_Malloc(sizeof(int) * (size_t)(RpDict_GET_SIZE(u->cellvars) + 1));
    a->free_slots = RpMem_Malloc(sizeof(int) * (size_t)(RpDict_GET_SIZE(u->freevars) + 1));
    a->flow.depth = RpMem_Malloc(sizeof(int) * n);
    a->flow.hdepth = RpMem_Malloc(sizeof(int) * (size_t)(u->nhandlers + 1));
    /* every instruction enters the worklist at most once */
    a->flow.work = RpMem_Malloc(sizeof(int) * n);
    if (!a->cell_slots || !a->free_slots || !a->flow.depth || !a->flow.hdepth || !a->flow.work) {
        RpErr_NoMemory();
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        a->flow.depth[i] = -1;
    for (int i = 0; i <= u->nhandlers; i++)
        a->flow.hdepth[i] = -1;
    return 0;
}

RpObject *rc_assemble(RpCompiler *c)
{
    RpUnit *u = c->u;
    Asm a;
    memset(&a, 0, sizeof a);
    RpObject *co = NULL;
    int nlines = 0, nexc = 0, nlocalsplus;
    if (asm_alloc(&a, u) < 0 || resolve_labels(u) < 0)
        goto done;
    if ((nlocalsplus = resolve_cells(u, a.cell_slots, a.free_slots)) < 0)
        goto done;
    if (stack_depth(&a.flow, u) < 0)
        goto done;
    if ((a.exc = exception_table(u, &a.flow, &nexc)) == NULL ||
        (a.lines = line_table(u, &nlines)) == NULL || (a.code = encode(u)) == NULL)
        goto done;
    if ((a.consts = RpList_AsTuple(u->consts)) == NULL ||
        (a.names = dict_keys_tuple(u->names)) == NULL ||
        localsplus(u, nlocalsplus, &a.lpnames, &a.kinds) < 0)
        goto done;
    co = (RpObject *)RpCode_New(u->argcount, u->posonlyargcount, u->kwonlyargcount,
                                compute_flags(u), a.flow.maxdepth, a.code, u->ninstrs,
                                a.consts, a.names, a.lpnames, a.kinds, c->filename,
                                u->name, u->qualname, u->firstlineno, a.lines, nlines,
                                a.exc, nexc);
    /* RpCode_New owns the arrays now, even when it fails */
    a.code = NULL;
    a.kinds = NULL;
    a.lines = NULL;
    a.exc = NULL;
done:
    asm_free(&a);
    return co;
}
