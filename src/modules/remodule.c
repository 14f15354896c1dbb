/* remodule.c -- the `_re` module: the C core under lib/re.py.
 *
 *   compile(pattern, flags) -> (program, groups, groupindex, flags)
 *                              or (message, position) for a bad pattern
 *   match(program, string, pos, endpos, mode, must_advance)
 *        -> None or (lastindex, start0, end0, start1, end1, ...)
 *   scan(program, string, pos, endpos, count)
 *        -> list of such tuples: successive matches as re.finditer sees them
 *   findall(program, string, pos, endpos) -> re.findall's list
 *
 * Programs are bytes objects (see re_int.h).  Positions given and returned
 * are code-point indices for str, byte indices for bytes; inside, the
 * matcher works on UTF-8 byte offsets and converts at the edges.
 */
#include "re_int.h"

typedef struct Subject {
    ReSubject r;
    RpObject *obj;
    int is_str, ascii;
    Rp_ssize_t ncp;           /* length in code points (or bytes) */
    /* conversion anchor: byte offset <-> code point index */
    Rp_ssize_t anchor_b, anchor_cp;
} Subject;

static const ReHeader *get_prog(RpObject *o)
{
    if (!RpBytes_Check(o) || RpBytes_GET_SIZE(o) < (Rp_ssize_t)sizeof(ReHeader)) {
        RpErr_SetString(RpExc_TypeError, "_re: bad program");
        return NULL;
    }
    const ReHeader *h = (const ReHeader *)RpBytes_AS_STRING(o);
    if (((uintptr_t)h & 3) != 0 || h->magic != RE_MAGIC) {
        RpErr_SetString(RpExc_TypeError, "_re: bad program");
        return NULL;
    }
    return h;
}

static Rp_ssize_t cp_to_byte(Subject *S, Rp_ssize_t cp)
{
    if (!S->is_str || S->ascii)
        return cp;
    return _RpUnicode_Offset(S->obj, cp);
}

/* Code point index of byte offset b, counting from the anchor. */
static Rp_ssize_t byte_to_cp(Subject *S, Rp_ssize_t b)
{
    if (!S->is_str || S->ascii || b < 0)
        return b;
    const char *s = (const char *)S->r.s;
    if (b >= S->anchor_b)
        return S->anchor_cp + _RpUTF8_Count(s + S->anchor_b, b - S->anchor_b);
    return S->anchor_cp - _RpUTF8_Count(s + b, S->anchor_b - b);
}

static int get_subject(const ReHeader *h, RpObject *string, Subject *S)
{
    S->obj = string;
    if (RpUnicode_Check(string)) {
        if (h->hflags & HF_BYTES) {
            RpErr_SetString(RpExc_TypeError, "cannot use a bytes pattern on a string-like object");
            return -1;
        }
        S->is_str = 1;
        S->ascii = RpUnicode_IS_ASCII(string);
        S->r.s = (const unsigned char *)RpUnicode_UTF8(string);
        S->r.utf8 = !S->ascii;
        S->ncp = RpUnicode_GET_LENGTH(string);
        return 0;
    }
    const char *p;
    Rp_ssize_t n;
    if (!_RpBytes_View(string, &p, &n)) {
        RpErr_Format(RpExc_TypeError, "expected string or bytes-like object, got '%s'",
                     _RpType_Name(Rp_TYPE(string)));
        return -1;
    }
    if (!(h->hflags & HF_BYTES)) {
        RpErr_SetString(RpExc_TypeError, "cannot use a string pattern on a bytes-like object");
        return -1;
    }
    S->is_str = 0;
    S->ascii = 1;
    S->r.s = (const unsigned char *)p;
    S->r.utf8 = 0;
    S->ncp = n;
    return 0;
}

/* Clamp pos/endpos as CPython does and set the subject's end; returns the
 * start byte offset. */
static Rp_ssize_t set_range(Subject *S, Rp_ssize_t pos, Rp_ssize_t endpos)
{
    if (pos < 0)
        pos = 0;
    if (pos > S->ncp)
        pos = S->ncp;
    if (endpos > S->ncp)
        endpos = S->ncp;
    if (endpos < pos)
        endpos = pos;
    S->r.end = cp_to_byte(S, endpos);
    Rp_ssize_t b = cp_to_byte(S, pos);
    S->anchor_b = b;
    S->anchor_cp = pos;
    return b;
}

static RpObject *result_tuple(const ReHeader *h, Subject *S, Rp_ssize_t *regs)
{
    int nslots = 2 * (h->ngroups + 1);
    RpObject *t = RpTuple_New(nslots + 1);
    if (t == NULL)
        return NULL;
    Rp_ssize_t li = regs[nslots];
    RpObject *v = RpLong_FromSsize_t(li > 0 ? li : -1);
    if (v == NULL)
        goto error;
    RpTuple_SET_ITEM(t, 0, v);
    for (int k = 0; k < nslots; k += 2) {
        Rp_ssize_t a = regs[k], b = regs[k + 1];
        if (a < 0 || b < 0 || b < a)
            a = b = -1;
        RpObject *x = RpLong_FromSsize_t(byte_to_cp(S, a));
        RpObject *y = RpLong_FromSsize_t(byte_to_cp(S, b));
        RpTuple_SET_ITEM(t, k + 1, x);
        RpTuple_SET_ITEM(t, k + 2, y);
        if (x == NULL || y == NULL)
            goto error;
    }
    return t;
error:
    Rp_DECREF(t);
    return NULL;
}

static int parse_ssize(RpObject *o, Rp_ssize_t *v, Rp_ssize_t dflt)
{
    if (o == NULL || o == Rp_None) {
        *v = dflt;
        return 0;
    }
    *v = RpNumber_AsSsize_t(o, NULL);
    return (*v == -1 && RpErr_Occurred()) ? -1 : 0;
}

static Rp_ssize_t *alloc_regs(const ReHeader *h)
{
    Rp_ssize_t *r = RpMem_Malloc(sizeof(Rp_ssize_t) * (h->nregs + 1));
    if (r == NULL)
        RpErr_NoMemory();
    return r;
}

static RpObject *re_compile(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("compile", nargs, 2, 2))
        return NULL;
    long flags = RpLong_AsLong(args[1]);
    if (flags == -1 && RpErr_Occurred())
        return NULL;
    return _RpRe_Compile(args[0], flags);
}

static RpObject *re_match(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("match", nargs, 6, 6))
        return NULL;
    const ReHeader *h = get_prog(args[0]);
    Subject S;
    Rp_ssize_t pos, endpos, mode, must;
    if (h == NULL || get_subject(h, args[1], &S) < 0 || parse_ssize(args[2], &pos, 0) < 0 ||
        parse_ssize(args[3], &endpos, RP_SSIZE_T_MAX) < 0 || parse_ssize(args[4], &mode, 0) < 0 ||
        parse_ssize(args[5], &must, 0) < 0)
        return NULL;
    Rp_ssize_t start = set_range(&S, pos, endpos);
    Rp_ssize_t *regs = alloc_regs(h);
    if (regs == NULL)
        return NULL;
    int r = _RpRe_Exec(h, &S.r, start, (int)mode, (int)must, regs);
    RpObject *res = r < 0 ? NULL : r == 0 ? Rp_NewRef(Rp_None) : result_tuple(h, &S, regs);
    RpMem_Free(regs);
    return res;
}

/* Successive matches from pos (the finditer/sub/split iteration: after an
 * empty match the next one must not be empty at the same place).  For each
 * match, `each` is called; it returns 0 to go on, -1 on error. */
typedef int (*scan_fn)(void *ctx, const ReHeader *h, Subject *S, Rp_ssize_t *regs);

static int scan_all(const ReHeader *h, Subject *S, Rp_ssize_t start, Rp_ssize_t count,
                    scan_fn each, void *ctx)
{
    Rp_ssize_t *regs = alloc_regs(h);
    if (regs == NULL)
        return -1;
    int must = 0, rc = 0;
    Rp_ssize_t n = 0;
    while (count <= 0 || n < count) {
        if (start > S->r.end)
            break;
        int r = _RpRe_Exec(h, &S->r, start, RE_SEARCH, must, regs);
        if (r < 0) {
            rc = -1;
            break;
        }
        if (r == 0)
            break;
        if (each(ctx, h, S, regs) < 0) {
            rc = -1;
            break;
        }
        n++;
        must = regs[0] == regs[1];
        /* move the conversion anchor forward so counting stays linear */
        S->anchor_cp = byte_to_cp(S, regs[1]);
        S->anchor_b = regs[1];
        start = regs[1];
    }
    RpMem_Free(regs);
    return rc;
}

static int scan_collect(void *ctx, const ReHeader *h, Subject *S, Rp_ssize_t *regs)
{
    RpObject *t = result_tuple(h, S, regs);
    if (t == NULL)
        return -1;
    int r = RpList_Append((RpObject *)ctx, t);
    Rp_DECREF(t);
    return r;
}

static RpObject *substr(Subject *S, Rp_ssize_t a, Rp_ssize_t b)
{
    if (a < 0 || b < 0)
        return S->is_str ? _RpUnicode_Empty() : RpBytes_FromStringAndSize("", 0);
    if (S->is_str)
        return RpUnicode_FromStringAndSize((const char *)S->r.s + a, b - a);
    return RpBytes_FromStringAndSize((const char *)S->r.s + a, b - a);
}

static int findall_each(void *ctx, const ReHeader *h, Subject *S, Rp_ssize_t *regs)
{
    RpObject *item;
    int ng = h->ngroups;
    if (ng == 0)
        item = substr(S, regs[0], regs[1]);
    else if (ng == 1)
        item = substr(S, regs[2], regs[3]);
    else {
        item = RpTuple_New(ng);
        for (int g = 1; item != NULL && g <= ng; g++) {
            RpObject *x = substr(S, regs[2 * g], regs[2 * g + 1]);
            if (x == NULL)
                Rp_CLEAR(item);
            else
                RpTuple_SET_ITEM(item, g - 1, x);
        }
    }
    if (item == NULL)
        return -1;
    int r = RpList_Append((RpObject *)ctx, item);
    Rp_DECREF(item);
    return r;
}

static RpObject *scan_common(RpObject *const *args, Rp_ssize_t nargs, const char *name,
                             scan_fn each, Rp_ssize_t count)
{
    const ReHeader *h = get_prog(args[0]);
    Subject S;
    Rp_ssize_t pos, endpos;
    if (h == NULL || get_subject(h, args[1], &S) < 0 || parse_ssize(args[2], &pos, 0) < 0 ||
        parse_ssize(args[3], &endpos, RP_SSIZE_T_MAX) < 0)
        return NULL;
    Rp_ssize_t start = set_range(&S, pos, endpos);
    RpObject *list = RpList_New(0);
    if (list == NULL)
        return NULL;
    /* the subject must outlive the scan: hold it (bytearray could resize) */
    Rp_INCREF(args[1]);
    int r = scan_all(h, &S, start, count, each, list);
    Rp_DECREF(args[1]);
    if (r < 0)
        Rp_CLEAR(list);
    (void)name;
    return list;
}

static RpObject *re_scan(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("scan", nargs, 5, 5))
        return NULL;
    Rp_ssize_t count;
    if (parse_ssize(args[4], &count, 0) < 0)
        return NULL;
    return scan_common(args, nargs, "scan", scan_collect, count);
}

static RpObject *re_findall(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("findall", nargs, 4, 4))
        return NULL;
    return scan_common(args, nargs, "findall", findall_each, 0);
}

/* ---- sub and split in C (the per-match work stays out of the eval loop) -- */

typedef struct Buf {
    char *p;
    Rp_ssize_t len, cap;
} Buf;

static int buf_add(Buf *b, const char *s, Rp_ssize_t n)
{
    if (n <= 0)
        return 0;
    if (b->len + n > b->cap) {
        Rp_ssize_t nc = (b->len + n) * 2 + 64;
        char *q = RpMem_Realloc(b->p, nc);
        if (q == NULL) {
            RpErr_NoMemory();
            return -1;
        }
        b->p = q;
        b->cap = nc;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}

typedef struct SubCtx {
    Buf out;
    RpObject *items;   /* list of str/bytes literals and int group numbers */
    Rp_ssize_t last;   /* byte offset copied up to */
    Rp_ssize_t n;
} SubCtx;

static int sub_each(void *ctx, const ReHeader *h, Subject *S, Rp_ssize_t *regs)
{
    SubCtx *c = ctx;
    const char *s = (const char *)S->r.s;
    if (buf_add(&c->out, s + c->last, regs[0] - c->last) < 0)
        return -1;
    Rp_ssize_t ni = RpList_GET_SIZE(c->items);
    for (Rp_ssize_t k = 0; k < ni; k++) {
        RpObject *it = RpList_GET_ITEM(c->items, k);
        const char *p;
        Rp_ssize_t n;
        if (RpUnicode_Check(it)) {
            p = RpUnicode_UTF8(it);
            n = RpUnicode_UTF8_SIZE(it);
        } else if (RpBytes_Check(it)) {
            p = RpBytes_AS_STRING(it);
            n = RpBytes_GET_SIZE(it);
        } else {
            long g = RpLong_AsLong(it);
            if (g < 0 || g > h->ngroups) {
                if (!RpErr_Occurred())
                    RpErr_SetString(RpExc_IndexError, "no such group");
                return -1;
            }
            Rp_ssize_t a = regs[2 * g], b = regs[2 * g + 1];
            if (a < 0 || b < a)
                continue;
            p = s + a;
            n = b - a;
        }
        if (buf_add(&c->out, p, n) < 0)
            return -1;
    }
    c->last = regs[1];
    c->n++;
    return 0;
}

static RpObject *re_sub(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("sub", nargs, 4, 4))
        return NULL;
    const ReHeader *h = get_prog(args[0]);
    Subject S;
    Rp_ssize_t count;
    if (h == NULL || get_subject(h, args[2], &S) < 0 || parse_ssize(args[3], &count, 0) < 0)
        return NULL;
    if (!RpList_Check(args[1])) {
        RpErr_SetString(RpExc_TypeError, "_re.sub: items must be a list");
        return NULL;
    }
    Rp_ssize_t start = set_range(&S, 0, RP_SSIZE_T_MAX);
    SubCtx c = {{NULL, 0, 0}, args[1], 0, 0};
    RpObject *res = NULL, *str = NULL;
    Rp_INCREF(args[2]);
    if (scan_all(h, &S, start, count, sub_each, &c) < 0)
        goto done;
    if (buf_add(&c.out, (const char *)S.r.s + c.last, S.r.end - c.last) < 0)
        goto done;
    str = S.is_str ? RpUnicode_FromStringAndSize(c.out.p ? c.out.p : "", c.out.len)
                   : RpBytes_FromStringAndSize(c.out.p ? c.out.p : "", c.out.len);
    if (str == NULL)
        goto done;
    res = RpTuple_New(2);
    RpObject *nv = RpLong_FromSsize_t(c.n);
    if (res == NULL || nv == NULL) {
        Rp_XDECREF(nv);
        Rp_CLEAR(res);
        goto done;
    }
    RpTuple_SET_ITEM(res, 0, str);
    RpTuple_SET_ITEM(res, 1, nv);
    str = NULL;
done:
    Rp_XDECREF(str);
    Rp_DECREF(args[2]);
    RpMem_Free(c.out.p);
    return res;
}

typedef struct SplitCtx {
    RpObject *list;
    Rp_ssize_t last;
} SplitCtx;

static int append_new(RpObject *list, RpObject *v)
{
    if (v == NULL)
        return -1;
    int r = RpList_Append(list, v);
    Rp_DECREF(v);
    return r;
}

static int split_each(void *ctx, const ReHeader *h, Subject *S, Rp_ssize_t *regs)
{
    SplitCtx *c = ctx;
    if (append_new(c->list, substr(S, c->last, regs[0])) < 0)
        return -1;
    for (int g = 1; g <= h->ngroups; g++) {
        Rp_ssize_t a = regs[2 * g], b = regs[2 * g + 1];
        RpObject *v = (a < 0 || b < a) ? Rp_NewRef(Rp_None) : substr(S, a, b);
        if (append_new(c->list, v) < 0)
            return -1;
    }
    c->last = regs[1];
    return 0;
}

static RpObject *re_split(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("split", nargs, 3, 3))
        return NULL;
    const ReHeader *h = get_prog(args[0]);
    Subject S;
    Rp_ssize_t count;
    if (h == NULL || get_subject(h, args[1], &S) < 0 || parse_ssize(args[2], &count, 0) < 0)
        return NULL;
    Rp_ssize_t start = set_range(&S, 0, RP_SSIZE_T_MAX);
    SplitCtx c = {RpList_New(0), 0};
    if (c.list == NULL)
        return NULL;
    Rp_INCREF(args[1]);
    if (scan_all(h, &S, start, count, split_each, &c) < 0 ||
        append_new(c.list, substr(&S, c.last, S.r.end)) < 0)
        Rp_CLEAR(c.list);
    Rp_DECREF(args[1]);
    return c.list;
}

static RpMethodDef re_methods[] = {
    {"compile", (RpCFunction)(void (*)(void))re_compile, RP_METH_FASTCALL, NULL},
    {"match", (RpCFunction)(void (*)(void))re_match, RP_METH_FASTCALL, NULL},
    {"scan", (RpCFunction)(void (*)(void))re_scan, RP_METH_FASTCALL, NULL},
    {"findall", (RpCFunction)(void (*)(void))re_findall, RP_METH_FASTCALL, NULL},
    {"sub", (RpCFunction)(void (*)(void))re_sub, RP_METH_FASTCALL, NULL},
    {"split", (RpCFunction)(void (*)(void))re_split, RP_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

RpObject *RpInit__re(void)
{
    RpObject *m = RpModule_New("_re");
    if (m != NULL && RpModule_AddFunctions(m, re_methods) < 0)
        Rp_CLEAR(m);
    return m;
}
