/* compile_pattern.c -- the `match` statement.
 *
 * A pattern is compiled with its subject on top of the stack; on success
 * the subject has been consumed.  Captured values are not stored as they
 * match: as in CPython, each one sinks below the values still being
 * matched (and below the captures before it), and only when the whole
 * pattern has matched are they popped into their names, in capture order
 * -- a failed pattern binds nothing.  (A guard runs after the stores, so
 * names of a pattern whose guard fails stay bound, as in CPython.)
 *
 * On failure control jumps to fail_pop[n], where n is the number of values
 * the pattern left above the case's base (working values plus captures):
 * the chain of POP_TOPs at the end of the case drops exactly those.
 */
#include "compile_int.h"

#define MAX_FAIL_POP 256
#define MAX_STORES 128

typedef struct {
    int fail_pop[MAX_FAIL_POP];   /* label per stack height, -1 unused */
    int on_top;                   /* working values above the captures */
    int allow_irrefutable;
    int nstores;                  /* captured values on the stack */
    RpObject *stores[MAX_STORES]; /* their names (borrowed), first capture first */
} PatternCtx;

static int pattern(RpCompiler *c, pattern_ty p, PatternCtx *pc);

static void ctx_init(PatternCtx *pc, int on_top, int allow_irrefutable)
{
    for (int i = 0; i < MAX_FAIL_POP; i++)
        pc->fail_pop[i] = -1;
    pc->on_top = on_top;
    pc->allow_irrefutable = allow_irrefutable;
    pc->nstores = 0;
}

/* Jump (with `op`, after its pop) to the failure path of this height. */
static int jump_to_fail(RpCompiler *c, PatternCtx *pc, int op)
{
    int height = pc->on_top + pc->nstores;
    if (height >= MAX_FAIL_POP)
        return rc_error(c, "too many sub-patterns");
    if (pc->fail_pop[height] < 0)
        NEW_LABEL(c, pc->fail_pop[height]);
    return rc_jump(c, op, pc->fail_pop[height]);
}

/* The failure landing pads: pop what each height left, highest first. */
static int emit_fail_pop(RpCompiler *c, PatternCtx *pc)
{
    int top = MAX_FAIL_POP - 1;
    while (top > 0 && pc->fail_pop[top] < 0)
        top--;
    for (int k = top; k > 0; k--) {
        if (pc->fail_pop[k] >= 0)
            BIND(c, pc->fail_pop[k]);
        EMIT0(c, POP_TOP);
    }
    if (pc->fail_pop[0] >= 0)
        BIND(c, pc->fail_pop[0]);
    return 0;
}

/* Move TOS down to depth n (1 = stays), keeping the order of the rest. */
static int rotate_down(RpCompiler *c, int n)
{
    for (int k = n; k > 1; k--)
        EMIT(c, SWAP, k);
    return 0;
}

/* Bring the item at depth n to the top, keeping the order of the rest. */
static int rotate_up(RpCompiler *c, int n)
{
    for (int k = 2; k <= n; k++)
        EMIT(c, SWAP, k);
    return 0;
}

static int store_index(PatternCtx *pc, RpObject *name)
{
    for (int i = 0; i < pc->nstores; i++)
        if (_RpUnicode_Equal(pc->stores[i], name))
            return i;
    return -1;
}

/* Record a capture of the value on top of the stack (sinking it below the
 * working values and the earlier captures). */
static int add_store(RpCompiler *c, PatternCtx *pc, RpObject *name)
{
    if (store_index(pc, name) >= 0)
        return rc_error(c, "multiple assignments to name '%s' in pattern",
                        RpUnicode_AsUTF8(name));
    if (pc->nstores >= MAX_STORES)
        return rc_error(c, "too many sub-patterns");
    RC_TRY(rotate_down(c, pc->on_top + pc->nstores + 1));
    pc->stores[pc->nstores++] = name;
    return 0;
}

static int store_capture(RpCompiler *c, PatternCtx *pc, RpObject *name)
{
    pc->on_top--;
    if (name == NULL) {
        EMIT0(c, POP_TOP);
        return 0;
    }
    if (_RpUnicode_EqualToASCIIString(name, "_"))
        return rc_error(c, "cannot use '_' as a target");
    return add_store(c, pc, name);
}

static void set_loc_pattern(RpCompiler *c, pattern_ty p)
{
    c->u->lineno = p->lineno;
    c->u->col = p->col_offset;
    c->u->end_lineno = p->end_lineno;
    c->u->end_col = p->end_col_offset;
}

static int pattern_as(RpCompiler *c, pattern_ty p, PatternCtx *pc)
{
    if (p->v.MatchAs.pattern == NULL) {
        if (!pc->allow_irrefutable) {
            if (p->v.MatchAs.name == NULL)
                return rc_error(c, "wildcard makes remaining patterns unreachable");
            return rc_error(c, "name capture '%s' makes remaining patterns unreachable",
                            RpUnicode_AsUTF8(p->v.MatchAs.name));
        }
        return store_capture(c, pc, p->v.MatchAs.name);
    }
    EMIT(c, COPY, 1);
    pc->on_top++;
    int allow = pc->allow_irrefutable;
    pc->allow_irrefutable = 1;
    RC_TRY(pattern(c, p->v.MatchAs.pattern, pc));
    pc->allow_irrefutable = allow;
    return store_capture(c, pc, p->v.MatchAs.name);
}

/* Reorder the captures of an alternative (top: stores[0]) into the
 * order of the first alternative's, so that every alternative leaves its
 * values in the same slots. */
static int reorder_stores(RpCompiler *c, PatternCtx *alt, PatternCtx *first)
{
    int k = alt->nstores;
    RpObject *cur[MAX_STORES];          /* cur[d-1]: the name at depth d */
    for (int i = 0; i < k; i++)
        cur[i] = alt->stores[i];
    /* settle the deepest slot first: it holds first->stores[k-1] */
    for (int u = k; u > 1; u--) {
        RpObject *want = first->stores[u - 1];
        int d = 1;
        while (d <= u && !_RpUnicode_Equal(cur[d - 1], want))
            d++;
        if (d == u)
            continue;
        RC_TRY(rotate_up(c, d));
        RC_TRY(rotate_down(c, u));
        RpObject *moved = cur[d - 1];
        for (int i = d - 1; i < u - 1; i++)
            cur[i] = cur[i + 1];
        cur[u - 1] = moved;
    }
    return 0;
}

static int same_names(PatternCtx *a, PatternCtx *b)
{
    if (a->nstores != b->nstores)
        return 0;
    for (int i = 0; i < a->nstores; i++)
        if (store_index(b, a->stores[i]) < 0)
            return 0;
    return 1;
}

/* One alternative of an or-pattern, on a copy of the subject; on success
 * its captures sit above the subject in the first alternative's order. */
static int or_alternative(RpCompiler *c, pattern_ty alt_p, PatternCtx *alt,
                          PatternCtx *first, int allow, int end)
{
    ctx_init(alt, 1, allow);
    EMIT(c, COPY, 1);
    RC_TRY(pattern(c, alt_p, alt));
    if (first != NULL) {
        if (!same_names(alt, first))
            return rc_error(c, "alternative patterns bind different names");
        RC_TRY(reorder_stores(c, alt, first));
    }
    EMIT_JUMP(c, JUMP, end);
    return emit_fail_pop(c, alt);
}

/* Each alternative works on a copy of the subject with its own failure
 * path, which lands back on the subject; when all fail, the subject is
 * dropped and the enclosing pattern fails. */
static int pattern_or(RpCompiler *c, pattern_ty p, PatternCtx *pc)
{
    asdl_seq *alts = p->v.MatchOr.patterns;
    Rp_ssize_t n = asdl_seq_LEN(alts);
    int end;
    NEW_LABEL(c, end);
    PatternCtx *ctxs = RpMem_Malloc(2 * sizeof(PatternCtx));
    if (ctxs == NULL) {
        RpErr_NoMemory();
        return -1;
    }
    PatternCtx *first = &ctxs[0], *alt = &ctxs[1];
    int r = 0;
    for (Rp_ssize_t i = 0; r == 0 && i < n; i++) {
        int allow = i == n - 1 && pc->allow_irrefutable;
        r = or_alternative(c, asdl_seq_GET(alts, i), i == 0 ? first : alt,
                           i == 0 ? NULL : first, allow, end);
    }
    int k = first->nstores;
    RpObject *names[MAX_STORES];
    for (int i = 0; i < k; i++)
        names[i] = first->stores[i];
    RpMem_Free(ctxs);
    RC_TRY(r);
    /* every alternative failed: drop the subject */
    EMIT0(c, POP_TOP);
    pc->on_top--;
    RC_TRY(jump_to_fail(c, pc, OP_JUMP));
    pc->on_top++;
    /* matched: stack is ... subject c_k .. c_1 (c_1 = names[0] on top);
     * sink each capture into the enclosing pattern's captures */
    BIND(c, end);
    for (int j = 0; j < k; j++) {
        if (store_index(pc, names[j]) >= 0)
            return rc_error(c, "multiple assignments to name '%s' in pattern",
                            RpUnicode_AsUTF8(names[j]));
        if (pc->nstores >= MAX_STORES)
            return rc_error(c, "too many sub-patterns");
        RC_TRY(rotate_down(c, pc->on_top + (k - 1 - j) + pc->nstores + 1));
        pc->stores[pc->nstores++] = names[j];
    }
    EMIT0(c, POP_TOP);         /* the subject */
    pc->on_top--;
    return 0;
}

static int load_int(RpCompiler *c, Rp_ssize_t v)
{
    RpObject *o = RpLong_FromSsize_t(v);
    if (o == NULL)
        return -1;
    int r = rc_load_const(c, o);
    Rp_DECREF(o);
    return r;
}

/* len(subject) == n (or >= n): keeps the subject. */
static int check_len(RpCompiler *c, PatternCtx *pc, Rp_ssize_t n, int at_least)
{
    EMIT0(c, GET_LEN);
    RC_TRY(load_int(c, n));
    EMIT(c, COMPARE_OP, at_least ? Rp_GE : Rp_EQ);
    return jump_to_fail(c, pc, OP_POP_JUMP_IF_FALSE);
}

static int subpatterns(RpCompiler *c, asdl_seq *ps, PatternCtx *pc)
{
    int allow = pc->allow_irrefutable;
    pc->allow_irrefutable = 1;
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(ps); i++)
        RC_TRY(pattern(c, asdl_seq_GET(ps, i), pc));
    pc->allow_irrefutable = allow;
    return 0;
}

static int pattern_sequence(RpCompiler *c, pattern_ty p, PatternCtx *pc)
{
    asdl_seq *ps = p->v.MatchSequence.patterns;
    Rp_ssize_t n = asdl_seq_LEN(ps), star = -1;
    for (Rp_ssize_t i = 0; i < n; i++) {
        if (((pattern_ty)asdl_seq_GET(ps, i))->kind != MatchStar_kind)
            continue;
        if (star >= 0)
            return rc_error(c, "multiple starred names in sequence pattern");
        star = i;
    }
    EMIT0(c, MATCH_SEQUENCE);
    RC_TRY(jump_to_fail(c, pc, OP_POP_JUMP_IF_FALSE));
    RC_TRY(check_len(c, pc, star < 0 ? n : n - 1, star >= 0));
    if (star < 0)
        EMIT(c, UNPACK_SEQUENCE, (int)n);
    else
        EMIT(c, UNPACK_EX, (int)(star | ((n - star - 1) << 8)));
    pc->on_top += (int)n - 1;
    return subpatterns(c, ps, pc);
}

static int pattern_mapping(RpCompiler *c, pattern_ty p, PatternCtx *pc)
{
    asdl_seq *keys = p->v.MatchMapping.keys;
    Rp_ssize_t n = asdl_seq_LEN(keys);
    RpObject *rest = p->v.MatchMapping.rest;
    EMIT0(c, MATCH_MAPPING);
    RC_TRY(jump_to_fail(c, pc, OP_POP_JUMP_IF_FALSE));
    if (n == 0 && rest == NULL) {
        EMIT0(c, POP_TOP);
        pc->on_top--;
        return 0;
    }
    if (n > 0)
        RC_TRY(check_len(c, pc, n, 1));
    for (Rp_ssize_t i = 0; i < n; i++)
        RC_TRY(rc_expr(c, asdl_seq_GET(keys, i)));
    EMIT(c, BUILD_TUPLE, (int)n);           /* subject keys */
    pc->on_top++;
    if (n > 0) {
        EMIT0(c, MATCH_KEYS);               /* subject keys values|None */
        pc->on_top++;
        EMIT(c, COPY, 1);
        RC_TRY(jump_to_fail(c, pc, OP_POP_JUMP_IF_NONE));
        EMIT(c, UNPACK_SEQUENCE, (int)n);
        pc->on_top += (int)n - 1;
        RC_TRY(subpatterns(c, p->v.MatchMapping.patterns, pc));
    }
    if (rest != NULL) {
        EMIT0(c, COPY_DICT_WITHOUT_KEYS);   /* subject keys rest */
        pc->on_top++;
        RC_TRY(store_capture(c, pc, rest));
    }
    EMIT0(c, POP_TOP);
    EMIT0(c, POP_TOP);
    pc->on_top -= 2;
    return 0;
}

static int pattern_class(RpCompiler *c, pattern_ty p, PatternCtx *pc)
{
    asdl_seq *pos = p->v.MatchClass.patterns, *attrs = p->v.MatchClass.kwd_attrs;
    Rp_ssize_t npos = asdl_seq_LEN(pos), nkw = asdl_seq_LEN(attrs);
    RpObject *names = RpTuple_New(nkw);
    if (names == NULL)
        return -1;
    for (Rp_ssize_t i = 0; i < nkw; i++)
        RpTuple_SET_ITEM(names, i, Rp_NewRef((RpObject *)asdl_seq_GET(attrs, i)));
    int r = rc_expr(c, p->v.MatchClass.cls);
    if (r == 0)
        r = rc_load_const(c, names);
    Rp_DECREF(names);
    RC_TRY(r);
    EMIT(c, MATCH_CLASS, (int)npos);        /* attrs|None replaces the subject */
    EMIT(c, COPY, 1);
    RC_TRY(jump_to_fail(c, pc, OP_POP_JUMP_IF_NONE));
    EMIT(c, UNPACK_SEQUENCE, (int)(npos + nkw));
    pc->on_top += (int)(npos + nkw) - 1;
    RC_TRY(subpatterns(c, pos, pc));
    return subpatterns(c, p->v.MatchClass.kwd_patterns, pc);
}

static int pattern(RpCompiler *c, pattern_ty p, PatternCtx *pc)
{
    set_loc_pattern(c, p);
    switch (p->kind) {
    case MatchValue_kind:
        RC_TRY(rc_expr(c, p->v.MatchValue.value));
        EMIT(c, COMPARE_OP, Rp_EQ);
        pc->on_top--;
        return jump_to_fail(c, pc, OP_POP_JUMP_IF_FALSE);
    case MatchSingleton_kind:
        EMIT_CONST(c, p->v.MatchSingleton.value);
        EMIT(c, IS_OP, 0);
        pc->on_top--;
        return jump_to_fail(c, pc, OP_POP_JUMP_IF_FALSE);
    case MatchSequence_kind:
        return pattern_sequence(c, p, pc);
    case MatchMapping_kind:
        return pattern_mapping(c, p, pc);
    case MatchClass_kind:
        return pattern_class(c, p, pc);
    case MatchStar_kind:
        return store_capture(c, pc, p->v.MatchStar.name);
    case MatchAs_kind:
        return pattern_as(c, p, pc);
    case MatchOr_kind:
        return pattern_or(c, p, pc);
    }
    return 0;
}

static int match_case_body(RpCompiler *c, match_case_ty m, int last, int end, PatternCtx *pc)
{
    ctx_init(pc, 1, last || m->guard != NULL);
    if (!last)
        EMIT(c, COPY, 1);      /* keep the subject for the next case */
    RC_TRY(pattern(c, m->pattern, pc));
    /* It matched: now the captures (first one on top) go to their names. */
    set_loc_pattern(c, m->pattern);
    for (int i = 0; i < pc->nstores; i++)
        RC_TRY(rc_nameop(c, pc->stores[i], Store));
    pc->nstores = 0;
    if (m->guard) {
        if (pc->fail_pop[0] < 0)
            NEW_LABEL(c, pc->fail_pop[0]);
        RC_TRY(rc_jump_if(c, m->guard, pc->fail_pop[0], 0));
    }
    if (!last)
        EMIT0(c, POP_TOP);
    RC_TRY(rc_body(c, m->body));
    EMIT_JUMP(c, JUMP, end);
    return emit_fail_pop(c, pc);
}

static int match_case(RpCompiler *c, match_case_ty m, int last, int end)
{
    PatternCtx *pc = RpMem_Malloc(sizeof(PatternCtx));
    if (pc == NULL) {
        RpErr_NoMemory();
        return -1;
    }
    int r = match_case_body(c, m, last, end, pc);
    RpMem_Free(pc);
    return r;
}

int rc_match(RpCompiler *c, stmt_ty s)
{
    asdl_seq *cases = s->v.Match.cases;
    Rp_ssize_t n = asdl_seq_LEN(cases);
    int end;
    NEW_LABEL(c, end);
    RC_TRY(rc_expr(c, s->v.Match.subject));
    for (Rp_ssize_t i = 0; i < n; i++)
        RC_TRY(match_case(c, asdl_seq_GET(cases, i), i == n - 1, end));
    BIND(c, end);
    return 0;
}
