/* re_match.c -- the backtracking machine of the `_re` engine.
 *
 * Positions are byte offsets into the subject (UTF-8 text for str, raw
 * bytes for bytes); code points are decoded on the fly.  Every choice point
 * and every register write goes on one explicit heap stack, so nesting and
 * long inputs never recurse in C.  Popping a RESTORE entry undoes a write;
 * popping a CHOICE resumes there.  Lookarounds and atomic groups push a
 * barrier and, on success, cut the choice points above it (keeping the
 * undo records).
 *
 * Single-character repeats (\d+, .*, [^"]*) are one instruction with one
 * stack entry however many characters they take.  Loops of unbounded
 * repeats memoize (loop, position) failures once a search has backtracked
 * a lot, which keeps nested quantifiers like (a+)+b polynomial.
 */
#include "re_int.h"

enum { BT_CHOICE, BT_RESTORE, BT_REP_GREEDY, BT_REP_LAZY, BT_LOOK, BT_ATOMIC };

typedef struct BT {
    int32_t kind;
    int32_t pc;          /* RESTORE: register */
    Rp_ssize_t pos;      /* RESTORE: old value */
    Rp_ssize_t extra;
} BT;

#define SMALL_STACK 64
#define MEMO_AFTER 20000

typedef struct M {
    const ReHeader *h;
    const int32_t *code;
    const unsigned char *s;
    Rp_ssize_t end;
    int utf8;
    int mode, must_advance;
    Rp_ssize_t origin;
    Rp_ssize_t *regs;
    int nregs;
    BT *st;
    Rp_ssize_t sp, cap;
    BT small[SMALL_STACK];
    long backtracks;
    unsigned char *memo;
} M;

static int grow(M *m)
{
    Rp_ssize_t nc = m->cap * 2;
    BT *n;
    if (m->st == m->small) {
        n = RpMem_Malloc(sizeof(BT) * nc);
        if (n != NULL)
            memcpy(n, m->small, sizeof(BT) * m->sp);
    } else
        n = RpMem_Realloc(m->st, sizeof(BT) * nc);
    if (n == NULL) {
        RpErr_NoMemory();
        return -1;
    }
    m->st = n;
    m->cap = nc;
    return 0;
}

static inline int push(M *m, int kind, int pc, Rp_ssize_t pos, Rp_ssize_t extra)
{
    if (m->sp == m->cap && grow(m) < 0)
        return -1;
    BT *e = &m->st[m->sp++];
    e->kind = kind;
    e->pc = pc;
    e->pos = pos;
    e->extra = extra;
    return 0;
}

static inline int set_reg(M *m, int r, Rp_ssize_t v)
{
    if (push(m, BT_RESTORE, r, m->regs[r], 0) < 0)
        return -1;
    m->regs[r] = v;
    return 0;
}

/* Decode the character at *pos (< end) and advance. */
static inline int next_char(const M *m, Rp_ssize_t *pos)
{
    const unsigned char *s = m->s;
    if (!m->utf8 || s[*pos] < 0x80)
        return s[(*pos)++];
    return _RpUTF8_Next((const char *)s, pos);
}

static inline Rp_ssize_t prev_pos(const M *m, Rp_ssize_t pos)
{
    pos--;
    if (m->utf8)
        while (pos > 0 && (m->s[pos] & 0xC0) == 0x80)
            pos--;
    return pos;
}

static inline int char_before(const M *m, Rp_ssize_t pos)
{
    Rp_ssize_t p = prev_pos(m, pos);
    return next_char(m, &p);
}

/* Does the single-character instruction at ins match c? */
static inline int one_ok(const M *m, const int32_t *ins, int c)
{
    switch (ins[0]) {
    case OP_CHAR: return c == ins[1];
    case OP_CHARI: return c == ins[1] || c == ins[2] || c == ins[3] ||
                          _RpRe_Lower(c, m->h->hflags & HF_BYTES) == ins[2];
    case OP_ANY: return c != '\n';
    case OP_ANYALL: return 1;
    case OP_CLASS: return _RpRe_ClassMatch(m->code + ins[1], c);
    }
    return 0;
}

static int one(const M *m, const int32_t *ins, Rp_ssize_t *pos)
{
    if (*pos >= m->end)
        return 0;
    Rp_ssize_t p = *pos;
    int c = next_char(m, &p);
    if (!one_ok(m, ins, c))
        return 0;
    *pos = p;
    return 1;
}

static int ins_size(int op)
{
    return op == OP_CHARI ? 4 : (op == OP_ANY || op == OP_ANYALL) ? 1 : 2;
}

/* Take up to max characters matching ins from pos; *minpos receives the
 * position after `min` of them.  Returns the count. */
static Rp_ssize_t scan(const M *m, const int32_t *ins, Rp_ssize_t *pos, Rp_ssize_t min,
                       Rp_ssize_t max, Rp_ssize_t *minpos)
{
    Rp_ssize_t p = *pos, n = 0, end = m->end;
    const unsigned char *s = m->s;
    *minpos = min == 0 ? p : -1;
    if (!m->utf8) {
        Rp_ssize_t lim = (max == RE_INF || end - p < max) ? end : p + max;
        switch (ins[0]) {
        case OP_ANYALL:
            p = lim;
            break;
        case OP_ANY: {
            const unsigned char *nl = memchr(s + p, '\n', lim - p);
            p = nl ? nl - s : lim;
            break;
        }
        case OP_CHAR:
            while (p < lim && s[p] == ins[1])
                p++;
            break;
        case OP_CLASS: {
            const uint32_t *bm = (const uint32_t *)(m->code + ins[1]);
            while (p < lim && ((bm[s[p] >> 5] >> (s[p] & 31)) & 1))
                p++;
            break;
        }
        default:
            while (p < lim && one_ok(m, ins, s[p]))
                p++;
        }
        n = p - *pos;
        if (n >= min)
            *minpos = *pos + min;
        *pos = p;
        return n;
    }
    while (n < max && p < end) {
        Rp_ssize_t q = p;
        int c = next_char(m, &q);
        if (!one_ok(m, ins, c))
            break;
        p = q;
        if (++n == min)
            *minpos = p;
    }
    *pos = p;
    return n;
}

static int is_word_at(const M *m, Rp_ssize_t pos, int before, int ascii)
{
    if (before) {
        if (pos <= 0)
            return 0;
        return _RpRe_IsWord(char_before(m, pos), ascii);
    }
    if (pos >= m->end)
        return 0;
    Rp_ssize_t p = pos;
    return _RpRe_IsWord(next_char(m, &p), ascii);
}

static int at_ok(const M *m, int kind, Rp_ssize_t pos)
{
    const unsigned char *s = m->s;
    int ascii = 0;
    switch (kind) {
    case AT_BEG: case AT_BEG_STR:
        return pos == 0;
    case AT_BEG_LINE:
        return pos == 0 || s[pos - 1] == '\n';
    case AT_END:
        return pos == m->end || (pos == m->end - 1 && s[pos] == '\n');
    case AT_END_LINE:
        return pos == m->end || s[pos] == '\n';
    case AT_END_STR:
        return pos == m->end;
    case AT_BOUND_A:
        ascii = 1;
        /* fall through */
    case AT_BOUND:
        return is_word_at(m, pos, 1, ascii) != is_word_at(m, pos, 0, ascii);
    case AT_NONBOUND_A:
        ascii = 1;
        /* fall through */
    case AT_NONBOUND:
        if (m->end == 0)
            return 0;
        return is_word_at(m, pos, 1, ascii) == is_word_at(m, pos, 0, ascii);
    }
    return 0;
}

static int backref(const M *m, int g, int ic, Rp_ssize_t *pos)
{
    Rp_ssize_t a = m->regs[2 * g], b = m->regs[2 * g + 1];
    if (a < 0 || b < 0)
        return 0;
    if (!ic) {
        if (m->end - *pos < b - a || memcmp(m->s + a, m->s + *pos, b - a) != 0)
            return 0;
        *pos += b - a;
        return 1;
    }
    int ascii = m->h->hflags & HF_BYTES;
    Rp_ssize_t p = *pos;
    while (a < b) {
        if (p >= m->end)
            return 0;
        int c1 = next_char(m, &a), c2 = next_char(m, &p);
        if (c1 != c2 && _RpRe_Lower(c1, ascii) != _RpRe_Lower(c2, ascii) &&
            _RpRe_Upper(c1, ascii) != _RpRe_Upper(c2, ascii))
            return 0;
    }
    *pos = p;
    return 1;
}

/* Index of the innermost open barrier of `kind` on the stack. */
static Rp_ssize_t find_barrier(M *m, int kind)
{
    Rp_ssize_t k = m->sp - 1;
    while (k >= 0 && m->st[k].kind != kind)
        k--;
    return k;
}

/* Drop the barrier at b and the choice points above it, keeping the undo
 * records (they still apply if we later backtrack past this point). */
static void cut(M *m, Rp_ssize_t b)
{
    Rp_ssize_t w = b;
    for (Rp_ssize_t k = b + 1; k < m->sp; k++)
        if (m->st[k].kind == BT_RESTORE)
            m->st[w++] = m->st[k];
    m->sp = w;
}

/* Pop down to and including index b, undoing register writes. */
static void unwind(M *m, Rp_ssize_t b)
{
    while (m->sp > b) {
        BT *e = &m->st[--m->sp];
        if (e->kind == BT_RESTORE)
            m->regs[e->pc] = e->pos;
    }
}

static int memo_alloc(M *m)
{
    size_t bits = (size_t)m->h->nloops * (size_t)(m->end + 1);
    if (bits > ((size_t)1 << 33))
        return 0;
    m->memo = RpMem_Calloc(bits / 8 + 1, 1);
    return 0;
}

/* Run the program from `start`.  1 match, 0 none, -1 error. */
static int run(M *m, Rp_ssize_t start)
{
    const int32_t *code = m->code;
    Rp_ssize_t pos = start;
    int pc = 0;
    for (int k = 0; k < m->nregs; k++)
        m->regs[k] = -1;
    m->sp = 0;
    for (;;) {
        const int32_t *ins = code + pc;
        switch (ins[0]) {
        case OP_MATCH:
            if (m->mode == RE_FULLMATCH && pos != m->end)
                goto fail;
            if (m->must_advance && pos == m->origin)
                goto fail;
            return 1;
        case OP_CHAR:
            if (pos >= m->end)
                goto fail;
            if (!m->utf8 || m->s[pos] < 0x80) {
                if (m->s[pos] != ins[1])
                    goto fail;
                pos++;
            } else if (next_char(m, &pos) != ins[1])
                goto fail;
            pc += 2;
            break;
        case OP_CHARI: case OP_ANY: case OP_ANYALL: case OP_CLASS:
            if (!one(m, ins, &pos))
                goto fail;
            pc += ins_size(ins[0]);
            break;
        case OP_AT:
            if (!at_ok(m, ins[1], pos))
                goto fail;
            pc += 2;
            break;
        case OP_SPLIT:
            if (push(m, BT_CHOICE, ins[2], pos, 0) < 0)
                return -1;
            pc = ins[1];
            break;
        case OP_JMP:
            pc = ins[1];
            break;
        case OP_SAVE:
            if (set_reg(m, ins[1], pos) < 0)
                return -1;
            if ((ins[1] & 1) && ins[1] > 1 &&
                set_reg(m, 2 * (m->h->ngroups + 1), ins[1] / 2) < 0)
                return -1;
            pc += 2;
            break;
        case OP_REPCHAR: {
            Rp_ssize_t min = ins[1], max = ins[2], minpos;
            const int32_t *ch = ins + 4;
            int next = pc + 4 + ins_size(ch[0]);
            if (ins[3] == REP_LAZY) {
                Rp_ssize_t p0 = pos;
                if (scan(m, ch, &p0, min, min, &minpos) < min)
                    goto fail;
                pos = p0;
                if (max > min && push(m, BT_REP_LAZY, pc, pos, min) < 0)
                    return -1;
                pc = next;
                break;
            }
            Rp_ssize_t p0 = pos;
            Rp_ssize_t n = scan(m, ch, &p0, min, max, &minpos);
            if (n < min)
                goto fail;
            if (ins[3] == REP_GREEDY && n > min &&
                push(m, BT_REP_GREEDY, next, p0, minpos) < 0)
                return -1;
            pos = p0;
            pc = next;
            break;
        }
        case OP_LOOPINIT:
            if (set_reg(m, ins[1], 0) < 0 || set_reg(m, ins[1] + 1, -1) < 0)
                return -1;
            pc += 2;
            break;
        case OP_LOOP: {
            int reg = ins[1];
            Rp_ssize_t cnt = m->regs[reg];
            if (cnt < ins[2]) {
                /* a required iteration: it does not arm the empty-iteration
                 * check (only optional ones record where they began) */
                if (set_reg(m, reg, cnt + 1) < 0)
                    return -1;
                pc += 9;
                break;
            }
            if (cnt >= ins[3] || pos == m->regs[reg + 1]) {
                pc = ins[5];
                break;
            }
            if (ins[6] >= 0 && m->memo) {
                size_t bit = (size_t)ins[6] * (size_t)(m->end + 1) + (size_t)pos;
                if (m->memo[bit >> 3] & (1 << (bit & 7)))
                    goto fail;
                m->memo[bit >> 3] |= (unsigned char)(1 << (bit & 7));
            }
            if (ins[4]) {
                if (push(m, BT_CHOICE, ins[5], pos, 0) < 0)
                    return -1;
                pc += 7;
            } else {
                if (push(m, BT_CHOICE, pc + 7, pos, 0) < 0)
                    return -1;
                pc = ins[5];
            }
            break;
        }
        case OP_ENTER:
            if (set_reg(m, ins[1] + 1, pos) < 0 ||
                set_reg(m, ins[1], m->regs[ins[1]] + 1) < 0)
                return -1;
            pc += 2;
            break;
        case OP_BACKREF:
            if (!backref(m, ins[1], ins[2], &pos))
                goto fail;
            pc += 3;
            break;
        case OP_LOOK: {
            Rp_ssize_t p0 = pos;
            if (ins[2]) {
                for (int k = 0; k < ins[3]; k++) {
                    if (p0 <= 0) {
                        p0 = -1;
                        break;
                    }
                    p0 = prev_pos(m, p0);
                }
                if (p0 < 0) {
                    if (ins[1]) {
                        pc = ins[4];
                        break;
                    }
                    goto fail;
                }
            }
            if (push(m, BT_LOOK, pc, pos, 0) < 0)
                return -1;
            pos = p0;
            pc += 5;
            break;
        }
        case OP_LOOKEND: {
            Rp_ssize_t b = find_barrier(m, BT_LOOK);
            const int32_t *look = code + m->st[b].pc;
            Rp_ssize_t saved = m->st[b].pos;
            if (look[2] && pos != saved)
                goto fail;
            if (look[1]) {
                unwind(m, b);
                goto fail;
            }
            cut(m, b);
            pos = saved;
            pc += 1;
            break;
        }
        case OP_ATOMIC:
            if (push(m, BT_ATOMIC, pc, pos, 0) < 0)
                return -1;
            pc += 1;
            break;
        case OP_ATOMICEND:
            cut(m, find_barrier(m, BT_ATOMIC));
            pc += 1;
            break;
        case OP_GREF_EXISTS:
            if (m->regs[2 * ins[1]] >= 0 && m->regs[2 * ins[1] + 1] >= 0)
                pc += 3;
            else
                pc = ins[2];
            break;
        default:
            goto fail;
        }
        continue;
    fail:
        for (;;) {
            if (m->sp == 0)
                return 0;
            BT *e = &m->st[m->sp - 1];
            if (e->kind == BT_RESTORE) {
                m->regs[e->pc] = e->pos;
                m->sp--;
                continue;
            }
            if (++m->backtracks == MEMO_AFTER && m->h->nloops && (m->h->hflags & HF_MEMO_OK) &&
                m->memo == NULL && memo_alloc(m) < 0)
                return -1;
            if (e->kind == BT_CHOICE) {
                pc = e->pc;
                pos = e->pos;
                m->sp--;
                break;
            }
            if (e->kind == BT_REP_GREEDY) {
                /* give back one character (or, before a literal, up to it) */
                Rp_ssize_t p = e->pos, minpos = e->extra;
                const int32_t *nx = code + e->pc;
                p = prev_pos(m, p);
                if (nx[0] == OP_CHAR && nx[1] < 128) {
                    while (p > minpos && m->s[p] != nx[1])
                        p = prev_pos(m, p);
                    if (m->s[p] != nx[1]) {
                        m->sp--;
                        continue;
                    }
                }
                if (p <= minpos)
                    m->sp--;
                else
                    e->pos = p;
                pc = e->pc;
                pos = p;
                break;
            }
            if (e->kind == BT_REP_LAZY) {
                const int32_t *rep = code + e->pc;
                Rp_ssize_t p = e->pos;
                if (!one(m, rep + 4, &p)) {
                    m->sp--;
                    continue;
                }
                e->extra++;
                e->pos = p;
                int pcn = e->pc + 4 + ins_size(rep[4]);
                if (e->extra >= rep[2])
                    m->sp--;
                pc = pcn;
                pos = p;
                break;
            }
            if (e->kind == BT_LOOK) {
                const int32_t *look = code + e->pc;
                m->sp--;
                if (look[1]) {
                    /* the negative assertion's body failed: it holds */
                    pos = e->pos;
                    pc = look[4];
                    break;
                }
                continue;
            }
            m->sp--; /* BT_ATOMIC: the atomic group failed as a whole */
        }
    }
}

static int first_ok(const ReHeader *h, unsigned char b)
{
    return (h->first[b >> 5] >> (b & 31)) & 1;
}

int _RpRe_Exec(const ReHeader *prog, const ReSubject *subj, Rp_ssize_t start,
               int mode, int must_advance, Rp_ssize_t *regs)
{
    M m;
    m.h = prog;
    m.code = RE_CODE(prog);
    m.s = subj->s;
    m.end = subj->end;
    m.utf8 = subj->utf8;
    m.mode = mode;
    m.must_advance = must_advance;
    m.origin = start;
    m.regs = regs;
    m.nregs = prog->nregs;
    m.st = m.small;
    m.sp = 0;
    m.cap = SMALL_STACK;
    m.backtracks = 0;
    m.memo = NULL;
    int r = 0;
    if (mode != RE_SEARCH) {
        r = run(&m, start);
        goto done;
    }
    if (prog->hflags & HF_ANCHORED) {
        r = start == 0 ? run(&m, 0) : 0;
        goto done;
    }
    int single = -1;
    if (prog->hflags & HF_FIRSTSET) {
        int cnt = 0;
        for (int b = 0; b < 256; b++)
            if (first_ok(prog, (unsigned char)b)) {
                cnt++;
                single = b;
            }
        if (cnt != 1)
            single = -1;
    }
    Rp_ssize_t p = start;
    for (;;) {
        if (prog->hflags & HF_FIRSTSET) {
            if (single >= 0) {
                const unsigned char *q = memchr(m.s + p, single, m.end - p);
                if (q == NULL)
                    break;
                p = q - m.s;
            } else {
                while (p < m.end && (!first_ok(prog, m.s[p]) ||
                                     (m.utf8 && (m.s[p] & 0xC0) == 0x80)))
                    p++;
                if (p >= m.end)
                    break;
            }
        }
        r = run(&m, p);
        if (r != 0 || p >= m.end)
            break;
        p++;
        if (m.utf8)
            while (p < m.end && (m.s[p] & 0xC0) == 0x80)
                p++;
    }
done:
    if (m.st != m.small)
        RpMem_Free(m.st);
    RpMem_Free(m.memo);
    return r;
}
