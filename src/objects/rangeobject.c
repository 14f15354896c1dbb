/* rangeobject.c -- range and its iterators.
 *
 * Two representations share one struct.  The common one keeps start,
 * stop, step as int64 and the length as uint64: arithmetic that may pass
 * through values outside int64 (the length of range(-2**63, 2**63-1), the
 * value after the last one) is done on uint64_t, where wrap-around is
 * defined; every value actually produced lies between start and stop and
 * is therefore exact.  When start, stop or step does not fit int64 the
 * range is "big": it holds four exact int objects (start, stop, step,
 * length) and every operation goes through int arithmetic, as CPython's
 * range always does.  Ints cannot refer to other objects, so neither
 * form can be part of a cycle and range is not a GC container (nor is
 * CPython's).
 *
 * Iteration: range_iterator walks C integers (the VM's FOR_ITER has a
 * fast path for it); longrange_iterator walks int objects for the ranges
 * whose values leave int64.
 */
#include "rp.h"

typedef struct {
    RpObject_HEAD
    long long start, stop, step;     /* when big[0] == NULL */
    unsigned long long length;
    RpObject *big[4];                /* start, stop, step, length or NULLs */
} rangeobject;

enum { START, STOP, STEP, LENGTH };

typedef struct {
    RpObject_HEAD
    long long start;         /* next value */
    long long step;
    unsigned long long len;  /* values left */
} rangeiterobject;

typedef struct {
    RpObject_HEAD
    RpObject *next, *step, *left;    /* exact ints */
} longrangeiterobject;

#define R(o) ((rangeobject *)(o))
#define IS_BIG(r) ((r)->big[0] != NULL)

static RpObject *longrangeiter_make(RpObject *start, RpObject *step, RpObject *len);

/* Number of values of range(lo, hi, step), step != 0. */
static unsigned long long range_length(long long lo, long long hi, long long step)
{
    if (step > 0) {
        if (lo >= hi)
            return 0;
        return ((unsigned long long)hi - (unsigned long long)lo - 1) / (unsigned long long)step + 1;
    }
    if (lo <= hi)
        return 0;
    return ((unsigned long long)lo - (unsigned long long)hi - 1) /
               (0ULL - (unsigned long long)step) + 1;
}

static long long range_value(rangeobject *r, unsigned long long i)
{
    return (long long)((unsigned long long)r->start + i * (unsigned long long)r->step);
}

static rangeobject *range_alloc(RpTypeObject *type)
{
    rangeobject *r = (rangeobject *)RpObject_New(type);
    if (r != NULL)
        memset(r->big, 0, sizeof r->big);
    return r;
}

static RpObject *make_range(RpTypeObject *type, long long start, long long stop, long long step)
{
    rangeobject *r = range_alloc(type);
    if (r == NULL)
        return NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = range_length(start, stop, step);
    return (RpObject *)r;
}

RpObject *_RpRange_New(long long start, long long stop, long long step)
{
    if (step == 0) {
        RpErr_SetString(RpExc_ValueError, "range() arg 3 must not be zero");
        return NULL;
    }
    return make_range(&RpRange_Type, start, stop, step);
}

/* ---- int object helpers (the big representation) ---------------------------------------- */

static RpObject *small(long long v) { return RpLong_FromLongLong(v); }

/* The length of range(start, stop, step) as an int: (hi - lo - 1) // |step| + 1
 * when lo < hi, else 0. */
static RpObject *length_obj(RpObject *start, RpObject *stop, RpObject *step)
{
    int up = _RpLong_Sign(step) > 0;
    RpObject *lo = up ? start : stop, *hi = up ? stop : start;
    if (_RpLong_Compare(lo, hi) >= 0)
        return small(0);
    RpObject *one = small(1), *ast = up ? Rp_NewRef(step) : RpNumber_Negative(step);
    RpObject *d = NULL, *d1 = NULL, *q = NULL, *res = NULL;
    if (one != NULL && ast != NULL && (d = RpNumber_Subtract(hi, lo)) != NULL &&
        (d1 = RpNumber_Subtract(d, one)) != NULL && (q = RpNumber_FloorDivide(d1, ast)) != NULL)
        res = RpNumber_Add(q, one);
    Rp_XDECREF(one); Rp_XDECREF(ast); Rp_XDECREF(d); Rp_XDECREF(d1); Rp_XDECREF(q);
    return res;
}

/* A range from exact ints: the C form when they all fit int64. */
static RpObject *range_from_objects(RpTypeObject *type, RpObject *start, RpObject *stop,
                                    RpObject *step)
{
    int64_t a, b, c;
    if (_RpLong_AsInt64(start, &a) && _RpLong_AsInt64(stop, &b) && _RpLong_AsInt64(step, &c))
        return make_range(type, a, b, c);
    RpObject *len = length_obj(start, stop, step);
    if (len == NULL)
        return NULL;
    rangeobject *r = range_alloc(type);
    if (r == NULL) {
        Rp_DECREF(len);
        return NULL;
    }
    r->big[START] = Rp_NewRef(start);
    r->big[STOP] = Rp_NewRef(stop);
    r->big[STEP] = Rp_NewRef(step);
    r->big[LENGTH] = len;
    r->start = r->stop = r->step = 0;
    r->length = 0;
    return (RpObject *)r;
}

/* start, stop, step or length as an int (new reference) in either form. */
static RpObject *field(rangeobject *r, int which)
{
    if (IS_BIG(r))
        return Rp_NewRef(r->big[which]);
    switch (which) {
    case START: return small(r->start);
    case STOP: return small(r->stop);
    case STEP: return small(r->step);
    default: return RpLong_FromUnsignedLongLong(r->length);
    }
}

/* start + i*step for an int i (no bounds check). */
static RpObject *item_at(rangeobject *r, RpObject *i)
{
    RpObject *start = field(r, START), *step = field(r, STEP), *p = NULL, *res = NULL;
    if (start != NULL && step != NULL && (p = RpNumber_Multiply(i, step)) != NULL)
        res = RpNumber_Add(start, p);
    Rp_XDECREF(start); Rp_XDECREF(step); Rp_XDECREF(p);
    return res;
}

/* ---- construction --------------------------------------------------------------------- */

static RpObject *range_from_array(RpTypeObject *type, RpObject *const *args, Rp_ssize_t n)
{
    if (n == 0) {
        RpErr_SetString(RpExc_TypeError, "range expected at least 1 argument, got 0");
        return NULL;
    }
    if (n > 3) {
        RpErr_Format(RpExc_TypeError, "range expected at most 3 arguments, got %zd", n);
        return NULL;
    }
    /* every argument through __index__, in order, as CPython does */
    RpObject *v[3] = {NULL, NULL, NULL}, *res = NULL;
    for (Rp_ssize_t i = 0; i < n; i++)
        if ((v[i] = RpNumber_Index(args[i])) == NULL)
            goto done;
    RpObject *start = n == 1 ? NULL : v[0], *stop = n == 1 ? v[0] : v[1];
    RpObject *step = n == 3 ? v[2] : NULL;
    if (step != NULL && _RpLong_Sign(step) == 0) {
        RpErr_SetString(RpExc_ValueError, "range() arg 3 must not be zero");
        goto done;
    }
    if (start == NULL && (start = v[1] = small(0)) == NULL)
        goto done;
    if (step == NULL && (step = v[2] = small(1)) == NULL)
        goto done;
    res = range_from_objects(type, start, stop, step);
done:
    Rp_XDECREF(v[0]); Rp_XDECREF(v[1]); Rp_XDECREF(v[2]);
    return res;
}

static RpObject *range_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    if (!_RpArg_NoKeywords("range", kwds))
        return NULL;
    return range_from_array(type, ((RpTupleObject *)args)->ob_item, Rp_SIZE(args));
}

static RpObject *range_vectorcall(RpObject *type, RpObject *const *args, size_t nargsf,
                                  RpObject *kwnames)
{
    if (!_RpArg_NoKwnames("range", kwnames))
        return NULL;
    return range_from_array((RpTypeObject *)type, args, RpVectorcall_NARGS(nargsf));
}

static void range_dealloc(RpObject *self)
{
    for (int i = 0; i < 4; i++)
        Rp_XDECREF(R(self)->big[i]);
    Rp_TYPE(self)->tp_free(self);
}

/* ---- sequence behaviour ------------------------------------------------------------ */

static Rp_ssize_t range_len(RpObject *self)
{
    rangeobject *r = R(self);
    if (IS_BIG(r))
        return RpLong_AsSsize_t(r->big[LENGTH]);
    if (r->length > (unsigned long long)RP_SSIZE_T_MAX) {
        RpErr_SetString(RpExc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (Rp_ssize_t)r->length;
}

static int range_bool(RpObject *self)
{
    rangeobject *r = R(self);
    return IS_BIG(r) ? _RpLong_Sign(r->big[LENGTH]) != 0 : r->length != 0;
}

static RpObject *index_error(void)
{
    RpErr_SetString(RpExc_IndexError, "range object index out of range");
    return NULL;
}

/* r[i] for an exact int i, negative i counting from the end. */
static RpObject *range_item_obj(rangeobject *r, RpObject *i)
{
    int64_t v;
    if (!IS_BIG(r) && _RpLong_AsInt64(i, &v)) {
        unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
        if (v < 0 ? u > r->length : u >= r->length)
            return index_error();
        return small(range_value(r, v < 0 ? r->length - u : u));
    }
    RpObject *len = field(r, LENGTH), *j = Rp_NewRef(i), *res = NULL;
    if (len == NULL)
        goto done;
    if (_RpLong_Sign(j) < 0)
        Rp_SETREF(j, RpNumber_Add(j, len));
    if (j == NULL)
        goto done;
    if (_RpLong_Sign(j) < 0 || _RpLong_Compare(j, len) >= 0)
        index_error();
    else
        res = item_at(r, j);
done:
    Rp_XDECREF(len);
    Rp_XDECREF(j);
    return res;
}

static RpObject *range_item(RpObject *self, Rp_ssize_t i)
{
    rangeobject *r = R(self);
    if (!IS_BIG(r)) {
        if (i < 0 || (unsigned long long)i >= r->length)
            return index_error();
        return small(range_value(r, (unsigned long long)i));
    }
    RpObject *io = RpLong_FromSsize_t(i);
    if (io == NULL)
        return NULL;
    RpObject *res = _RpLong_Sign(io) < 0 ? index_error() : range_item_obj(r, io);
    Rp_DECREF(io);
    return res;
}

/* A slice bound clamped into [lower, upper] the way slice.indices() does,
 * on ints of any size: None gives `dflt`. */
static RpObject *slice_bound(RpObject *v, RpObject *len, RpObject *lower, RpObject *upper,
                             RpObject *dflt)
{
    if (v == Rp_None)
        return Rp_NewRef(dflt);
    if (!RpIndex_Check(v)) {
        RpErr_SetString(RpExc_TypeError,
                        "slice indices must be integers or None or have an __index__ method");
        return NULL;
    }
    RpObject *i = RpNumber_Index(v);
    if (i == NULL)
        return NULL;
    if (_RpLong_Sign(i) < 0) {
        Rp_SETREF(i, RpNumber_Add(i, len));
        if (i != NULL && _RpLong_Compare(i, lower) < 0)
            Rp_SETREF(i, Rp_NewRef(lower));
    } else if (_RpLong_Compare(i, upper) > 0) {
        Rp_SETREF(i, Rp_NewRef(upper));
    }
    return i;
}

/* The slice's step as an int (None is 1); NULL + error on 0. */
static RpObject *slice_step(RpObject *v)
{
    if (v == Rp_None)
        return small(1);
    if (!RpIndex_Check(v)) {
        RpErr_SetString(RpExc_TypeError,
                        "slice indices must be integers or None or have an __index__ method");
        return NULL;
    }
    RpObject *s = RpNumber_Index(v);
    if (s != NULL && _RpLong_Sign(s) == 0) {
        RpErr_SetString(RpExc_ValueError, "slice step cannot be zero");
        Rp_CLEAR(s);
    }
    return s;
}

/* r[start:stop:step]: slice.indices() against the length with ints of any
 * size, then the values at those indices. */
static RpObject *range_slice(rangeobject *r, RpObject *slice)
{
    RpSliceObject *sl = (RpSliceObject *)slice;
    RpObject *step = NULL, *len = NULL, *lower = NULL, *upper = NULL;
    RpObject *start = NULL, *stop = NULL, *nstart = NULL, *nstop = NULL, *nstep = NULL;
    RpObject *res = NULL, *rstep = NULL;
    if ((step = slice_step(sl->step)) == NULL || (len = field(r, LENGTH)) == NULL)
        goto done;
    int neg = _RpLong_Sign(step) < 0;
    /* a negative step walks [len-1 .. -1], a positive one [0 .. len] */
    if ((lower = small(neg ? -1 : 0)) == NULL ||
        (upper = neg ? RpNumber_Add(len, lower) : Rp_NewRef(len)) == NULL)
        goto done;
    if ((start = slice_bound(sl->start, len, lower, upper, neg ? upper : lower)) == NULL ||
        (stop = slice_bound(sl->stop, len, lower, upper, neg ? lower : upper)) == NULL)
        goto done;
    if ((rstep = field(r, STEP)) == NULL || (nstep = RpNumber_Multiply(step, rstep)) == NULL ||
        (nstart = item_at(r, start)) == NULL || (nstop = item_at(r, stop)) == NULL)
        goto done;
    res = range_from_objects(&RpRange_Type, nstart, nstop, nstep);
done:
    Rp_XDECREF(step); Rp_XDECREF(len); Rp_XDECREF(lower); Rp_XDECREF(upper);
    Rp_XDECREF(start); Rp_XDECREF(stop); Rp_XDECREF(rstep);
    Rp_XDECREF(nstart); Rp_XDECREF(nstop); Rp_XDECREF(nstep);
    return res;
}

static RpObject *range_subscript(RpObject *self, RpObject *item)
{
    if (RpIndex_Check(item)) {
        RpObject *i = RpNumber_Index(item);
        if (i == NULL)
            return NULL;
        RpObject *res = range_item_obj(R(self), i);
        Rp_DECREF(i);
        return res;
    }
    if (RpSlice_Check(item))
        return range_slice(R(self), item);
    RpErr_Format(RpExc_TypeError, "range indices must be integers or slices, not %.200s",
                 Rp_TYPE(item)->tp_name);
    return NULL;
}

/* Is the int v one of a C range's values? */
static int contains_c(rangeobject *r, int64_t v)
{
    if (r->step > 0) {
        if (v < r->start || v >= r->stop)
            return 0;
    } else if (v > r->start || v <= r->stop) {
        return 0;
    }
    unsigned long long diff = (unsigned long long)v - (unsigned long long)r->start;
    unsigned long long ustep = r->step > 0 ? (unsigned long long)r->step
                                           : 0ULL - (unsigned long long)r->step;
    if (r->step < 0)
        diff = 0ULL - diff;
    return diff % ustep == 0;
}

/* The same for a big range: start <= v < stop (or the mirror) and
 * (v - start) % step == 0.  -1 on error. */
static int contains_big(rangeobject *r, RpObject *v)
{
    RpObject **b = r->big;
    int up = _RpLong_Sign(b[STEP]) > 0;
    int inside = up ? _RpLong_Compare(b[START], v) <= 0 && _RpLong_Compare(v, b[STOP]) < 0
                    : _RpLong_Compare(v, b[START]) <= 0 && _RpLong_Compare(b[STOP], v) < 0;
    if (!inside)
        return 0;
    RpObject *d = RpNumber_Subtract(v, b[START]);
    RpObject *m = d != NULL ? RpNumber_Remainder(d, b[STEP]) : NULL;
    int res = m == NULL ? -1 : _RpLong_Sign(m) == 0;
    Rp_XDECREF(d);
    Rp_XDECREF(m);
    return res;
}

/* For exact ints (and bools): is v one of the range's values? -1 on error. */
static int range_contains_int(rangeobject *r, RpObject *ob)
{
    if (IS_BIG(r))
        return contains_big(r, ob);
    int64_t v;
    if (!_RpLong_AsInt64(ob, &v))
        return 0;   /* an int outside int64 is not in a C range */
    return contains_c(r, v);
}

static int is_plain_int(RpObject *o)
{
    return RpLong_CheckExact(o) || RpBool_Check(o);
}

/* Linear search through the values with ==: count (want_index 0) or the
 * first index (want_index 1; -1 when absent). -2 on error. */
static Rp_ssize_t range_search(RpObject *self, RpObject *ob, int want_index)
{
    RpObject *it = RpObject_GetIter(self), *v;
    if (it == NULL)
        return -2;
    Rp_ssize_t count = 0, i = 0;
    for (;; i++) {
        if ((v = RpIter_Next(it)) == NULL)
            break;
        int cmp = RpObject_RichCompareBool(v, ob, Rp_EQ);
        Rp_DECREF(v);
        if (cmp < 0)
            break;
        if (cmp > 0) {
            if (want_index)
                break;
            count++;
        }
    }
    Rp_DECREF(it);
    if (RpErr_Occurred())
        return -2;
    if (want_index)
        return v != NULL ? i : -1;
    return count;
}

static int range_contains(RpObject *self, RpObject *ob)
{
    if (is_plain_int(ob))
        return range_contains_int(R(self), ob);
    Rp_ssize_t r = range_search(self, ob, 1);
    return r == -2 ? -1 : r >= 0;
}

static RpObject *range_count(RpObject *self, RpObject *ob)
{
    if (is_plain_int(ob)) {
        int c = range_contains_int(R(self), ob);
        return c < 0 ? NULL : RpLong_FromLong(c);
    }
    Rp_ssize_t n = range_search(self, ob, 0);
    return n == -2 ? NULL : RpLong_FromSsize_t(n);
}

/* (v - start) // step for a value known to be in the range. */
static RpObject *index_of_value(rangeobject *r, RpObject *ob)
{
    int64_t v;
    if (!IS_BIG(r) && _RpLong_AsInt64(ob, &v)) {
        unsigned long long diff = (unsigned long long)v - (unsigned long long)r->start;
        if (r->step < 0)
            return RpLong_FromUnsignedLongLong((0ULL - diff) / (0ULL - (unsigned long long)r->step));
        return RpLong_FromUnsignedLongLong(diff / (unsigned long long)r->step);
    }
    RpObject *start = field(r, START), *step = field(r, STEP), *d = NULL, *res = NULL;
    if (start != NULL && step != NULL && (d = RpNumber_Subtract(ob, start)) != NULL)
        res = RpNumber_FloorDivide(d, step);
    Rp_XDECREF(start); Rp_XDECREF(step); Rp_XDECREF(d);
    return res;
}

static RpObject *range_index(RpObject *self, RpObject *ob)
{
    rangeobject *r = R(self);
    if (is_plain_int(ob)) {
        int c = range_contains_int(r, ob);
        if (c < 0)
            return NULL;
        if (c == 0) {
            RpErr_Format(RpExc_ValueError, "%R is not in range", ob);
            return NULL;
        }
        return index_of_value(r, ob);
    }
    Rp_ssize_t i = range_search(self, ob, 1);
    if (i == -2)
        return NULL;
    if (i < 0) {
        RpErr_SetString(RpExc_ValueError, "sequence.index(x): x not in sequence");
        return NULL;
    }
    return RpLong_FromSsize_t(i);
}

/* ---- comparison, hash, repr ---------------------------------------------------------- */

/* Is the same field of a and b equal? -1 on error. */
static int field_equal(rangeobject *a, rangeobject *b, int which)
{
    RpObject *x = field(a, which), *y = field(b, which);
    int eq = x != NULL && y != NULL ? _RpLong_Compare(x, y) == 0 : -1;
    Rp_XDECREF(x);
    Rp_XDECREF(y);
    return eq;
}

/* Ranges are equal when they produce the same values: same length, and
 * (when not empty) same start, and (when longer than 1) same step. */
static int range_equals(rangeobject *a, rangeobject *b)
{
    if (a == b)
        return 1;
    if (!IS_BIG(a) && !IS_BIG(b)) {
        if (a->length != b->length)
            return 0;
        if (a->length == 0)
            return 1;
        if (a->start != b->start)
            return 0;
        return a->length == 1 || a->step == b->step;
    }
    int eq = field_equal(a, b, LENGTH);
    if (eq <= 0)
        return eq;
    RpObject *len = field(a, LENGTH);
    if (len == NULL)
        return -1;
    int64_t n;
    int sign = _RpLong_Sign(len), one = _RpLong_AsInt64(len, &n) && n == 1;
    Rp_DECREF(len);
    if (sign == 0)
        return 1;
    eq = field_equal(a, b, START);
    if (eq <= 0 || one)
        return eq;
    return field_equal(a, b, STEP);
}

static RpObject *range_richcompare(RpObject *self, RpObject *other, int op)
{
    if (!Rp_IS_TYPE(other, &RpRange_Type) || (op != Rp_EQ && op != Rp_NE))
        Rp_RETURN_NOTIMPLEMENTED;
    int eq = range_equals(R(self), R(other));
    if (eq < 0)
        return NULL;
    return RpBool_FromLong(op == Rp_EQ ? eq : !eq);
}

/* Same values as CPython: hash((len, start, step)) with None standing for
 * whatever does not affect the values. */
static Rp_hash_t range_hash(RpObject *self)
{
    rangeobject *r = R(self);
    RpObject *len = field(r, LENGTH), *start = NULL, *step = NULL, *t = NULL, *one = NULL;
    Rp_hash_t h = -1;
    if (len == NULL)
        return -1;
    if (_RpLong_Sign(len) == 0) {
        t = RpTuple_Pack(3, len, Rp_None, Rp_None);
    } else if ((start = field(r, START)) != NULL && (one = small(1)) != NULL) {
        if (_RpLong_Compare(len, one) == 0)
            t = RpTuple_Pack(3, len, start, Rp_None);
        else if ((step = field(r, STEP)) != NULL)
            t = RpTuple_Pack(3, len, start, step);
    }
    if (t != NULL)
        h = RpObject_Hash(t);
    Rp_XDECREF(t); Rp_XDECREF(start); Rp_XDECREF(step); Rp_XDECREF(one);
    Rp_DECREF(len);
    return h;
}

static RpObject *range_repr(RpObject *self)
{
    rangeobject *r = R(self);
    if (!IS_BIG(r)) {
        if (r->step == 1)
            return RpUnicode_FromFormat("range(%lld, %lld)", r->start, r->stop);
        return RpUnicode_FromFormat("range(%lld, %lld, %lld)", r->start, r->stop, r->step);
    }
    int64_t st;
    if (_RpLong_AsInt64(r->big[STEP], &st) && st == 1)
        return RpUnicode_FromFormat("range(%R, %R)", r->big[START], r->big[STOP]);
    return RpUnicode_FromFormat("range(%R, %R, %R)", r->big[START], r->big[STOP], r->big[STEP]);
}

static RpObject *range_get_start(RpObject *self, void *c) { return field(R(self), START); }
static RpObject *range_get_stop(RpObject *self, void *c) { return field(R(self), STOP); }
static RpObject *range_get_step(RpObject *self, void *c) { return field(R(self), STEP); }

/* range(start, stop, step) rebuilds it (pickle, copy). */
static RpObject *range_reduce(RpObject *self, RpObject *unused)
{
    rangeobject *r = R(self);
    RpObject *a = field(r, START), *b = field(r, STOP), *c = field(r, STEP), *res = NULL;
    RpObject *args = a != NULL && b != NULL && c != NULL ? RpTuple_Pack(3, a, b, c) : NULL;
    if (args != NULL)
        res = RpTuple_Pack(2, (RpObject *)Rp_TYPE(self), args);
    Rp_XDECREF(a); Rp_XDECREF(b); Rp_XDECREF(c); Rp_XDECREF(args);
    return res;
}

/* ---- iteration ------------------------------------------------------------------------- */

static RpObject *rangeiter_make(long long start, long long step, unsigned long long len)
{
    rangeiterobject *it = (rangeiterobject *)RpObject_New(&RpRangeIter_Type);
    if (it == NULL)
        return NULL;
    it->start = start;
    it->step = step;
    it->len = len;
    return (RpObject *)it;
}

/* CPython hands out its C iterator only when the length fits a C long and
 * the step past the end cannot overflow; the iterator's type is visible
 * (type(iter(r)).__name__), so the same rule picks ours. */
static int c_iter_ok(rangeobject *r)
{
    if (r->length > (unsigned long long)INT64_MAX)
        return 0;
    if (r->length == 0)
        return 1;
    if (r->step > 0)
        return r->stop <= INT64_MAX - (r->step - 1);
    return r->stop >= INT64_MIN + (-1 - r->step);
}

/* The same for reversed(): -step and start - step must fit as well. */
static int c_reviter_ok(rangeobject *r)
{
    if (r->step == INT64_MIN || r->length > (unsigned long long)INT64_MAX)
        return 0;
    unsigned long long us = (unsigned long long)r->start;
    if (r->step > 0)
        return us - (unsigned long long)INT64_MIN >= (unsigned long long)r->step;
    return (unsigned long long)INT64_MAX - us >= 0ULL - (unsigned long long)r->step;
}

static RpObject *range_iter(RpObject *self)
{
    rangeobject *r = R(self);
    if (!IS_BIG(r) && c_iter_ok(r))
        return rangeiter_make(r->start, r->step, r->length);
    RpObject *start = field(r, START), *step = field(r, STEP), *len = field(r, LENGTH);
    RpObject *res = NULL;
    if (start != NULL && step != NULL && len != NULL)
        res = longrangeiter_make(start, step, len);
    Rp_XDECREF(start); Rp_XDECREF(step); Rp_XDECREF(len);
    return res;
}

static RpObject *range_reversed(RpObject *self, RpObject *unused)
{
    rangeobject *r = R(self);
    if (!IS_BIG(r) && c_reviter_ok(r)) {
        if (r->length == 0)
            return rangeiter_make(r->start, 1, 0);
        /* Last value first, walking back; -step is computed mod 2**64. */
        long long last = range_value(r, r->length - 1);
        return rangeiter_make(last, (long long)(0ULL - (unsigned long long)r->step), r->length);
    }
    RpObject *len = field(r, LENGTH), *step = field(r, STEP), *one = small(1);
    RpObject *k = NULL, *last = NULL, *neg = NULL, *res = NULL;
    if (len != NULL && step != NULL && one != NULL && (k = RpNumber_Subtract(len, one)) != NULL &&
        (last = item_at(r, k)) != NULL && (neg = RpNumber_Negative(step)) != NULL)
        res = longrangeiter_make(last, neg, len);
    Rp_XDECREF(len); Rp_XDECREF(step); Rp_XDECREF(one);
    Rp_XDECREF(k); Rp_XDECREF(last); Rp_XDECREF(neg);
    return res;
}

int _RpRangeIter_Next(RpObject *self, long long *out)
{
    rangeiterobject *it = (rangeiterobject *)self;
    if (it->len == 0)
        return 0;
    *out = it->start;
    it->start = (long long)((unsigned long long)it->start + (unsigned long long)it->step);
    it->len--;
    return 1;
}

static RpObject *rangeiter_next(RpObject *self)
{
    long long v;
    if (!_RpRangeIter_Next(self, &v))
        return NULL;
    return RpLong_FromLongLong(v);
}

static RpObject *rangeiter_len(RpObject *self, RpObject *unused)
{
    return RpLong_FromUnsignedLongLong(((rangeiterobject *)self)->len);
}

static void rangeiter_dealloc(RpObject *self)
{
    RpObject_Free(self);
}

static RpMethodDef rangeiter_methods[] = {
    {"__length_hint__", (RpCFunction)rangeiter_len, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpRangeIter_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(rangeiterobject),
    .tp_dealloc = rangeiter_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
};

/* ---- longrange_iterator: values as int objects ------------------------------------------ */

static RpObject *longrangeiter_make(RpObject *start, RpObject *step, RpObject *len)
{
    longrangeiterobject *it = (longrangeiterobject *)RpObject_New(&RpLongRangeIter_Type);
    if (it == NULL)
        return NULL;
    it->next = Rp_NewRef(start);
    it->step = Rp_NewRef(step);
    it->left = Rp_NewRef(len);
    return (RpObject *)it;
}

static RpObject *longrangeiter_next(RpObject *self)
{
    longrangeiterobject *it = (longrangeiterobject *)self;
    if (_RpLong_Sign(it->left) <= 0)
        return NULL;
    RpObject *one = small(1);
    RpObject *left = one != NULL ? RpNumber_Subtract(it->left, one) : NULL;
    RpObject *next = left != NULL ? RpNumber_Add(it->next, it->step) : NULL;
    Rp_XDECREF(one);
    if (next == NULL) {
        Rp_XDECREF(left);
        return NULL;
    }
    Rp_SETREF(it->left, left);
    RpObject *v = it->next;
    it->next = next;
    return v;
}

static RpObject *longrangeiter_len(RpObject *self, RpObject *unused)
{
    return Rp_NewRef(((longrangeiterobject *)self)->left);
}

static void longrangeiter_dealloc(RpObject *self)
{
    longrangeiterobject *it = (longrangeiterobject *)self;
    Rp_DECREF(it->next);
    Rp_DECREF(it->step);
    Rp_DECREF(it->left);
    RpObject_Free(self);
}

static RpMethodDef longrangeiter_methods[] = {
    {"__length_hint__", (RpCFunction)longrangeiter_len, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpLongRangeIter_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(longrangeiterobject),
    .tp_dealloc = longrangeiter_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = longrangeiter_next,
    .tp_methods = longrangeiter_methods,
};

/* ---- the type ---------------------------------------------------------------------------- */

static RpMethodDef range_methods[] = {
    {"__reversed__", (RpCFunction)range_reversed, RP_METH_NOARGS,
     "Return a reverse iterator."},
    {"__reduce__", (RpCFunction)range_reduce, RP_METH_NOARGS, NULL},
    {"count", (RpCFunction)range_count, RP_METH_O, "rangeobject.count(value) -> integer"},
    {"index", (RpCFunction)range_index, RP_METH_O, "rangeobject.index(value) -> integer"},
    {NULL, NULL, 0, NULL},
};

static RpGetSetDef range_getset[] = {
    {"start", range_get_start, NULL, NULL, NULL},
    {"stop", range_get_stop, NULL, NULL, NULL},
    {"step", range_get_step, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static RpNumberMethods range_as_number = {
    .nb_bool = range_bool,
};

static RpSequenceMethods range_as_sequence = {
    .sq_length = range_len,
    .sq_item = range_item,
    .sq_contains = range_contains,
};

static RpMappingMethods range_as_mapping = {
    .mp_length = range_len,
    .mp_subscript = range_subscript,
};

RpTypeObject RpRange_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "range",
    .tp_basicsize = sizeof(rangeobject),
    .tp_dealloc = range_dealloc,
    .tp_as_number = &range_as_number,
    .tp_as_sequence = &range_as_sequence,
    .tp_as_mapping = &range_as_mapping,
    .tp_hash = range_hash,
    .tp_repr = range_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT,
    .tp_doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object",
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_methods = range_methods,
    .tp_getset = range_getset,
    .tp_new = range_new,
    .tp_free = RpObject_Free,
    .tp_vectorcall = range_vectorcall,
};
