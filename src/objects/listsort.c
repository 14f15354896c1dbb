/* listsort.c -- list.sort(): a stable, adaptive merge sort (TimSort).
 *
 * The list is cut into natural runs (strictly descending runs are
 * reversed in place, which keeps the sort stable); runs shorter than
 * `minrun` are extended with a binary insertion sort.  Runs wait on a stack
 * and are merged following the powersort policy (CPython 3.11's): each
 * boundary between two runs gets a "power", and a run is merged as soon
 * as its left boundary is more powerful than the new one, which keeps the
 * merges balanced.  Merging copies the shorter run to a temporary area and
 * switches to galloping (exponential search) when one run keeps winning.
 *
 * Only `<` is ever used.  With key=, the keys are computed first and moved
 * in tandem with the values.  While sorting, the list looks empty to
 * Python code; if it is changed meanwhile, "list modified during sort".
 */
#include "rp.h"

#define MAX_MERGE_PENDING 85
#define MIN_GALLOP 7
#define MERGESTATE_TEMP_SIZE 256

/* A pair of parallel arrays: keys (what is compared) and values (what is
 * sorted; NULL when the items are their own keys). */
typedef struct {
    RpObject **keys;
    RpObject **values;
} sortslice;

struct run {
    sortslice base;
    Rp_ssize_t len;
    int power;
};

typedef struct MergeState MergeState;
struct MergeState {
    Rp_ssize_t min_gallop;
    Rp_ssize_t listlen;
    RpObject **basekeys;
    sortslice a;              /* temp area, alloced entries */
    Rp_ssize_t alloced;
    int n;                    /* runs pending */
    struct run pending[MAX_MERGE_PENDING];
    RpObject *temparray[MERGESTATE_TEMP_SIZE];
    /* key < other: 1, 0, -1 on error; chosen from the key types */
    int (*lt)(RpObject *, RpObject *);
};

/* ---- comparison ------------------------------------------------------------- */

static int lt_generic(RpObject *a, RpObject *b)
{
    return RpObject_RichCompareBool(a, b, Rp_LT);
}

/* The fast comparisons below are only chosen when every key has exactly
 * that type, where they agree with the generic `<`. */
static int lt_int(RpObject *a, RpObject *b) { return _RpLong_Compare(a, b) < 0; }
static int lt_float(RpObject *a, RpObject *b)
{
    return RpFloat_AS_DOUBLE(a) < RpFloat_AS_DOUBLE(b);
}
static int lt_str(RpObject *a, RpObject *b) { return RpUnicode_Compare(a, b) < 0; }

static void choose_compare(MergeState *ms, RpObject **keys, Rp_ssize_t n)
{
    ms->lt = lt_generic;
    if (n < 2)
        return;
    RpTypeObject *t = Rp_TYPE(keys[0]);
    for (Rp_ssize_t i = 1; i < n; i++)
        if (Rp_TYPE(keys[i]) != t)
            return;
    if (t == &RpLong_Type)
        ms->lt = lt_int;
    else if (t == &RpFloat_Type)
        ms->lt = lt_float;
    else if (t == &RpUnicode_Type)
        ms->lt = lt_str;
}

#define ISLT(X, Y) (*(ms->lt))(X, Y)
/* Evaluate X < Y; jump to fail on error, else k = result. */
#define IFLT(X, Y)                       \
    if ((k = ISLT(X, Y)) < 0)            \
        goto fail;                       \
    if (k)

/* ---- sortslice helpers -------------------------------------------------------- */

static void ss_copy(sortslice *dst, Rp_ssize_t di, sortslice *src, Rp_ssize_t si)
{
    dst->keys[di] = src->keys[si];
    if (dst->values != NULL)
        dst->values[di] = src->values[si];
}

static void ss_copy_incr(sortslice *dst, sortslice *src)
{
    *dst->keys++ = *src->keys++;
    if (dst->values != NULL)
        *dst->values++ = *src->values++;
}

static void ss_copy_decr(sortslice *dst, sortslice *src)
{
    *dst->keys-- = *src->keys--;
    if (dst->values != NULL)
        *dst->values-- = *src->values--;
}

static void ss_memcpy(sortslice *dst, Rp_ssize_t di, sortslice *src, Rp_ssize_t si, Rp_ssize_t n)
{
    memcpy(&dst->keys[di], &src->keys[si], sizeof(RpObject *) * (size_t)n);
    if (dst->values != NULL)
        memcpy(&dst->values[di], &src->values[si], sizeof(RpObject *) * (size_t)n);
}

static void ss_memmove(sortslice *dst, Rp_ssize_t di, sortslice *src, Rp_ssize_t si, Rp_ssize_t n)
{
    memmove(&dst->keys[di], &src->keys[si], sizeof(RpObject *) * (size_t)n);
    if (dst->values != NULL)
        memmove(&dst->values[di], &src->values[si], sizeof(RpObject *) * (size_t)n);
}

static void ss_advance(sortslice *s, Rp_ssize_t n)
{
    s->keys += n;
    if (s->values != NULL)
        s->values += n;
}

static void reverse_range(RpObject **lo, RpObject **hi)
{
    for (--hi; lo < hi; lo++, hi--) {
        RpObject *t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

static void ss_reverse(sortslice *s, Rp_ssize_t n)
{
    reverse_range(s->keys, s->keys + n);
    if (s->values != NULL)
        reverse_range(s->values, s->values + n);
}

/* ---- runs ---------------------------------------------------------------------- */

/* Sort lo[0:n] where lo[0:start] is already sorted, by binary insertion. */
static int binarysort(MergeState *ms, sortslice lo, Rp_ssize_t n, Rp_ssize_t start)
{
    int k;
    for (; start < n; ++start) {
        RpObject *pivot = lo.keys[start];
        Rp_ssize_t l = 0, r = start;
        /* Invariant: pivot >= everything in [0, l) and < everything in [r, start). */
        while (l < r) {
            Rp_ssize_t p = l + ((r - l) >> 1);
            IFLT(pivot, lo.keys[p])
                r = p;
            else
                l = p + 1;
        }
        memmove(&lo.keys[l + 1], &lo.keys[l], (size_t)(start - l) * sizeof(RpObject *));
        lo.keys[l] = pivot;
        if (lo.values != NULL) {
            RpObject *pv = lo.values[start];
            memmove(&lo.values[l + 1], &lo.values[l], (size_t)(start - l) * sizeof(RpObject *));
            lo.values[l] = pv;
        }
    }
    return 0;
fail:
    return -1;
}

/* Length of the run starting at keys[0] (n items available): a
 * non-descending run, or a strictly descending one (*descending = 1). */
static Rp_ssize_t count_run(MergeState *ms, RpObject **keys, Rp_ssize_t n, int *descending)
{
    int k;
    Rp_ssize_t len = 2;
    *descending = 0;
    if (n == 1)
        return 1;
    IFLT(keys[1], keys[0]) {
        *descending = 1;
        for (; len < n; len++) {
            IFLT(keys[len], keys[len - 1])
                continue;
            break;
        }
    } else {
        for (; len < n; len++) {
            IFLT(keys[len], keys[len - 1])
                break;
        }
    }
    return len;
fail:
    return -1;
}

/* ---- galloping -------------------------------------------------------------------- */

/* Leftmost position k in a[0:n] with a[k-1] < key <= a[k], searching
 * outward from a[hint]. */
static Rp_ssize_t gallop_left(MergeState *ms, RpObject *key, RpObject **a, Rp_ssize_t n,
                              Rp_ssize_t hint)
{
    Rp_ssize_t ofs = 1, lastofs = 0, maxofs;
    int k;
    IFLT(a[hint], key) {
        /* a[hint] < key: look right until a[hint+lastofs] < key <= a[hint+ofs]. */
        maxofs = n - hint;
        while (ofs < maxofs) {
            IFLT(a[hint + ofs], key) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
                if (ofs <= 0)
                    ofs = maxofs;
            } else
                break;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    } else {
        /* key <= a[hint]: look left until a[hint-ofs] < key <= a[hint-lastofs]. */
        maxofs = hint + 1;
        while (ofs < maxofs) {
            IFLT(a[hint - ofs], key)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0)
                ofs = maxofs;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        Rp_ssize_t t = lastofs;
        lastofs = hint - ofs;
        ofs = hint - t;
    }
    /* a[lastofs] < key <= a[ofs]: binary search in between. */
    ++lastofs;
    while (lastofs < ofs) {
        Rp_ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        IFLT(a[m], key)
            lastofs = m + 1;
        else
            ofs = m;
    }
    return ofs;
fail:
    return -1;
}

/* Rightmost position k in a[0:n] with a[k-1] <= key < a[k]. */
static Rp_ssize_t gallop_right(MergeState *ms, RpObject *key, RpObject **a, Rp_ssize_t n,
                               Rp_ssize_t hint)
{
    Rp_ssize_t ofs = 1, lastofs = 0, maxofs;
    int k;
    IFLT(key, a[hint]) {
        /* key < a[hint]: look left until a[hint-ofs] <= key < a[hint-lastofs]. */
        maxofs = hint + 1;
        while (ofs < maxofs) {
            IFLT(key, a[hint - ofs]) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
                if (ofs <= 0)
                    ofs = maxofs;
            } else
                break;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        Rp_ssize_t t = lastofs;
        lastofs = hint - ofs;
        ofs = hint - t;
    } else {
        /* a[hint] <= key: look right until a[hint+lastofs] <= key < a[hint+ofs]. */
        maxofs = n - hint;
        while (ofs < maxofs) {
            IFLT(key, a[hint + ofs])
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0)
                ofs = maxofs;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    ++lastofs;
    while (lastofs < ofs) {
        Rp_ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        IFLT(key, a[m])
            ofs = m;
        else
            lastofs = m + 1;
    }
    return ofs;
fail:
    return -1;
}

/* ---- temp memory ---------------------------------------------------------------- */

static void merge_init(MergeState *ms, Rp_ssize_t list_size, int has_keyfunc, RpObject **keys)
{
    ms->alloced = MERGESTATE_TEMP_SIZE;
    if (has_keyfunc) {
        /* The temp area holds keys and values: split it in two. */
        if (list_size < MERGESTATE_TEMP_SIZE / 2)
            ms->alloced = list_size;
        else
            ms->alloced = MERGESTATE_TEMP_SIZE / 2;
        ms->a.values = &ms->temparray[ms->alloced];
    } else {
        ms->a.values = NULL;
    }
    ms->a.keys = ms->temparray;
    ms->n = 0;
    ms->min_gallop = MIN_GALLOP;
    ms->listlen = list_size;
    ms->basekeys = keys;
}

static void merge_freemem(MergeState *ms)
{
    if (ms->a.keys != ms->temparray) {
        RpMem_Free(ms->a.keys);
        ms->a.keys = NULL;
    }
}

/* Make room for `need` temp entries (keys, and values if there are any). */
static int merge_getmem(MergeState *ms, Rp_ssize_t need)
{
    if (need <= ms->alloced)
        return 0;
    int multiplier = ms->a.values != NULL ? 2 : 1;
    merge_freemem(ms);
    if ((size_t)need > (size_t)RP_SSIZE_T_MAX / sizeof(RpObject *) / (size_t)multiplier) {
        RpErr_NoMemory();
        return -1;
    }
    ms->a.keys = RpMem_Malloc((size_t)multiplier * (size_t)need * sizeof(RpObject *));
    if (ms->a.keys == NULL) {
        ms->a.keys = ms->temparray;   /* keep merge_freemem safe */
        RpErr_NoMemory();
        return -1;
    }
    ms->alloced = need;
    if (ms->a.values != NULL)
        ms->a.values = &ms->a.keys[need];
    return 0;
}

/* ---- merging ------------------------------------------------------------------- */

/* Merge the na items of ssa with the nb items of ssb, in place (ssb
 * follows ssa).  The caller trimmed both ends, so ssb[0] < ssa[0] and
 * ssa[na-1] is greater than every item of ssb.  Copies run A to temp and fills from the left. */
static int merge_lo(MergeState *ms, sortslice ssa, Rp_ssize_t na, sortslice ssb, Rp_ssize_t nb)
{
    int k, result = -1;
    sortslice dest;
    Rp_ssize_t min_gallop, acount, bcount;
    if (merge_getmem(ms, na) < 0)
        return -1;
    ss_memcpy(&ms->a, 0, &ssa, 0, na);
    dest = ssa;
    ssa = ms->a;
    ss_copy_incr(&dest, &ssb);
    --nb;
    if (nb == 0)
        goto succeed;
    if (na == 1)
        goto copy_b;
    min_gallop = ms->min_gallop;
    for (;;) {
        acount = bcount = 0;
        /* One-at-a-time merging until one run wins min_gallop times. */
        for (;;) {
            IFLT(ssb.keys[0], ssa.keys[0]) {
                ss_copy_incr(&dest, &ssb);
                ++bcount;
                acount = 0;
                if (--nb == 0)
                    goto succeed;
                if (bcount >= min_gallop)
                    break;
            } else {
                ss_copy_incr(&dest, &ssa);
                ++acount;
                bcount = 0;
                if (--na == 1)
                    goto copy_b;
                if (acount >= min_gallop)
                    break;
            }
        }
        /* Galloping: move whole chunks while it pays off. */
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            Rp_ssize_t g = gallop_right(ms, ssb.keys[0], ssa.keys, na, 0);
            if (g < 0)
                goto fail;
            acount = g;
            if (g) {
                ss_memcpy(&dest, 0, &ssa, 0, g);
                ss_advance(&dest, g);
                ss_advance(&ssa, g);
                na -= g;
                if (na == 1)
                    goto copy_b;
                /* na == 0 only with an inconsistent comparison. */
                if (na == 0)
                    goto succeed;
            }
            ss_copy_incr(&dest, &ssb);
            if (--nb == 0)
                goto succeed;
            g = gallop_left(ms, ssa.keys[0], ssb.keys, nb, 0);
            if (g < 0)
                goto fail;
            bcount = g;
            if (g) {
                ss_memmove(&dest, 0, &ssb, 0, g);
                ss_advance(&dest, g);
                ss_advance(&ssb, g);
                nb -= g;
                if (nb == 0)
                    goto succeed;
            }
            ss_copy_incr(&dest, &ssa);
            if (--na == 1)
                goto copy_b;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    /* Whatever is left of A goes back into the hole before B. */
    if (na)
        ss_memcpy(&dest, 0, &ssa, 0, na);
    return result;
copy_b:
    /* The last item of A belongs after all of B. */
    ss_memmove(&dest, 0, &ssb, 0, nb);
    ss_copy(&dest, nb, &ssa, 0);
    return 0;
}

/* Mirror image of merge_lo for na >= nb: copies B to temp and fills from
 * the right end. */
static int merge_hi(MergeState *ms, sortslice ssa, Rp_ssize_t na, sortslice ssb, Rp_ssize_t nb)
{
    int k, result = -1;
    sortslice dest, basea, baseb;
    Rp_ssize_t min_gallop, acount, bcount;
    if (merge_getmem(ms, nb) < 0)
        return -1;
    dest = ssb;
    ss_advance(&dest, nb - 1);
    ss_memcpy(&ms->a, 0, &ssb, 0, nb);
    basea = ssa;
    baseb = ms->a;
    ssb.keys = ms->a.keys + nb - 1;
    if (ssb.values != NULL)
        ssb.values = ms->a.values + nb - 1;
    ss_advance(&ssa, na - 1);
    ss_copy_decr(&dest, &ssa);
    --na;
    if (na == 0)
        goto succeed;
    if (nb == 1)
        goto copy_a;
    min_gallop = ms->min_gallop;
    for (;;) {
        acount = bcount = 0;
        for (;;) {
            IFLT(ssb.keys[0], ssa.keys[0]) {
                ss_copy_decr(&dest, &ssa);
                ++acount;
                bcount = 0;
                if (--na == 0)
                    goto succeed;
                if (acount >= min_gallop)
                    break;
            } else {
                ss_copy_decr(&dest, &ssb);
                ++bcount;
                acount = 0;
                if (--nb == 1)
                    goto copy_a;
                if (bcount >= min_gallop)
                    break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            Rp_ssize_t g = gallop_right(ms, ssb.keys[0], basea.keys, na, na - 1);
            if (g < 0)
                goto fail;
            g = na - g;   /* items of A greater than B's current last */
            acount = g;
            if (g) {
                ss_advance(&dest, -g);
                ss_advance(&ssa, -g);
                ss_memmove(&dest, 1, &ssa, 1, g);
                na -= g;
                if (na == 0)
                    goto succeed;
            }
            ss_copy_decr(&dest, &ssb);
            if (--nb == 1)
                goto copy_a;
            g = gallop_left(ms, ssa.keys[0], baseb.keys, nb, nb - 1);
            if (g < 0)
                goto fail;
            g = nb - g;   /* items of B not less than A's current last */
            bcount = g;
            if (g) {
                ss_advance(&dest, -g);
                ss_advance(&ssb, -g);
                ss_memcpy(&dest, 1, &ssb, 1, g);
                nb -= g;
                if (nb == 1)
                    goto copy_a;
                /* nb == 0 only with an inconsistent comparison. */
                if (nb == 0)
                    goto succeed;
            }
            ss_copy_decr(&dest, &ssa);
            if (--na == 0)
                goto succeed;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (nb)
        ss_memcpy(&dest, -(nb - 1), &baseb, 0, nb);
    (void)k;
    return result;
copy_a:
    /* The first item of B belongs before all that is left of A. */
    ss_advance(&dest, -na);
    ss_advance(&ssa, -na);
    ss_memmove(&dest, 1, &ssa, 1, na);
    ss_copy(&dest, 0, &ssb, 0);
    return 0;
}

/* Merge pending runs i and i+1. */
static int merge_at(MergeState *ms, int i)
{
    sortslice ssa = ms->pending[i].base, ssb = ms->pending[i + 1].base;
    Rp_ssize_t na = ms->pending[i].len, nb = ms->pending[i + 1].len;
    ms->pending[i].len = na + nb;
    if (i == ms->n - 3)
        ms->pending[i + 1] = ms->pending[i + 2];
    --ms->n;
    /* Items of A not greater than B[0] are already in place. */
    Rp_ssize_t k = gallop_right(ms, ssb.keys[0], ssa.keys, na, 0);
    if (k < 0)
        return -1;
    ss_advance(&ssa, k);
    na -= k;
    if (na == 0)
        return 0;
    /* Items of B not less than A[-1] are already in place. */
    nb = gallop_left(ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
    if (nb <= 0)
        return (int)nb;
    if (na <= nb)
        return merge_lo(ms, ssa, na, ssb, nb);
    return merge_hi(ms, ssa, na, ssb, nb);
}

/* Powersort's node power of the boundary between run 1 (at s1, length
 * n1) and run 2 (length n2) in a list of length n: the depth in a
 * perfectly balanced merge tree at which the two midpoints separate. */
static int powerloop(Rp_ssize_t s1, Rp_ssize_t n1, Rp_ssize_t n2, Rp_ssize_t n)
{
    int result = 0;
    Rp_ssize_t a = 2 * s1 + n1;   /* 2 * midpoint of run 1 */
    Rp_ssize_t b = a + n1 + n2;   /* 2 * midpoint of run 2 */
    for (;;) {
        ++result;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n) {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

/* A new run of n2 items follows the top of the stack: merge what the
 * powers say must be merged first. */
static int found_new_run(MergeState *ms, Rp_ssize_t n2)
{
    if (ms->n) {
        struct run *top = &ms->pending[ms->n - 1];
        Rp_ssize_t s1 = top->base.keys - ms->basekeys;
        int power = powerloop(s1, top->len, n2, ms->listlen);
        while (ms->n > 1 && ms->pending[ms->n - 2].power > power) {
            if (merge_at(ms, ms->n - 2) < 0)
                return -1;
        }
        ms->pending[ms->n - 1].power = power;
    }
    return 0;
}

static int merge_force_collapse(MergeState *ms)
{
    while (ms->n > 1) {
        int n = ms->n - 2;
        if (n > 0 && ms->pending[n - 1].len < ms->pending[n + 1].len)
            --n;
        if (merge_at(ms, n) < 0)
            return -1;
    }
    return 0;
}

/* Good minimum run length for n items: between 32 and 64, chosen so that
 * n / minrun is a power of two or just below. */
static Rp_ssize_t merge_compute_minrun(Rp_ssize_t n)
{
    Rp_ssize_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

/* Sort lo (n items) in place. 0 / -1 with the exception set. */
static int timsort(MergeState *ms, sortslice lo, Rp_ssize_t nremaining)
{
    if (nremaining < 2)
        return 0;
    Rp_ssize_t minrun = merge_compute_minrun(nremaining);
    do {
        int descending;
        Rp_ssize_t n = count_run(ms, lo.keys, nremaining, &descending);
        if (n < 0)
            return -1;
        if (descending)
            ss_reverse(&lo, n);
        if (n < minrun) {
            Rp_ssize_t force = nremaining <= minrun ? nremaining : minrun;
            if (binarysort(ms, lo, force, n) < 0)
                return -1;
            n = force;
        }
        if (found_new_run(ms, n) < 0)
            return -1;
        ms->pending[ms->n].base = lo;
        ms->pending[ms->n].len = n;
        ++ms->n;
        ss_advance(&lo, n);
        nremaining -= n;
    } while (nremaining);
    return merge_force_collapse(ms);
}

/* ---- entry point ------------------------------------------------------------------ */

/* Compute key(item) for every item into keys[]; on error release them. */
static int compute_keys(RpObject *keyfunc, RpObject **items, RpObject **keys, Rp_ssize_t n)
{
    for (Rp_ssize_t i = 0; i < n; i++) {
        keys[i] = RpObject_CallOneArg(keyfunc, items[i]);
        if (keys[i] == NULL) {
            while (--i >= 0)
                Rp_DECREF(keys[i]);
            return -1;
        }
    }
    return 0;
}

int _RpList_SortImpl(RpObject *l, RpObject *keyfunc, int reverse)
{
    RpListObject *self = (RpListObject *)l;
    MergeState ms;
    RpObject *keys_on_stack[MERGESTATE_TEMP_SIZE / 2];
    RpObject **keys = NULL;
    int result = -1;

    /* Empty the list while sorting, so that mutation can be detected and
     * cannot crash us. */
    Rp_ssize_t saved_size = Rp_SIZE(self), saved_alloc = self->allocated;
    RpObject **saved_items = self->ob_item;
    Rp_SET_SIZE(self, 0);
    self->ob_item = NULL;
    self->allocated = -1;

    sortslice lo;
    lo.values = NULL;
    if (keyfunc == NULL) {
        keys = saved_items;
    } else {
        if (saved_size < MERGESTATE_TEMP_SIZE / 2) {
            keys = keys_on_stack;
        } else {
            keys = RpMem_Malloc((size_t)saved_size * sizeof(RpObject *));
            if (keys == NULL) {
                RpErr_NoMemory();
                goto keyfunc_fail;
            }
        }
        if (compute_keys(keyfunc, saved_items, keys, saved_size) < 0)
            goto keyfunc_fail;
        lo.values = saved_items;
    }
    lo.keys = keys;

    /* Reverse, sort, reverse back: stable for reverse=True too. */
    if (reverse && saved_size > 1)
        ss_reverse(&lo, saved_size);
    merge_init(&ms, saved_size, keyfunc != NULL, keys);
    choose_compare(&ms, keys, saved_size);
    result = timsort(&ms, lo, saved_size);
    if (reverse && saved_size > 1)
        ss_reverse(&lo, saved_size);
    merge_freemem(&ms);

    if (keyfunc != NULL)
        for (Rp_ssize_t i = 0; i < saved_size; i++)
            Rp_DECREF(keys[i]);

keyfunc_fail:
    if (keys != saved_items && keys != keys_on_stack)
        RpMem_Free(keys);
    if (self->allocated != -1 && result == 0) {
        RpErr_SetString(RpExc_ValueError, "list modified during sort");
        result = -1;
    }
    /* Put the sorted items back, dropping whatever Python code stored in
     * the list meanwhile. */
    RpObject **final_items = self->ob_item;
    Rp_ssize_t final_size = Rp_SIZE(self);
    Rp_SET_SIZE(self, saved_size);
    self->ob_item = saved_items;
    self->allocated = saved_alloc;
    if (final_items != NULL) {
        while (--final_size >= 0)
            Rp_XDECREF(final_items[final_size]);
        RpMem_Free(final_items);
    }
    return result;
}
