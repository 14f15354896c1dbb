/* rangeobject.c -- range and its iterator.
 *
 * refpy's ints are 64-bit, so a range keeps start/stop/step and its
 * length as C integers.  Arithmetic that may pass through values outside
 * the int64 range (the length of range(-2**63, 2**63-1), the next value
 * after the last one) is done on uint64_t, where wrap-around is defined;
 * every value actually produced lies between start and stop and is
 * therefore exact.  Neither type holds references to other objects, so
 * neither is a GC container.
 */
#include "rp.h"

typedef struct {
    RpObject_HEAD
    long long start, stop, step;
    unsigned long long length;
} rangeobject;

typedef struct {
    RpObject_HEAD
    long long start;         /* next value */
    long long step;
    unsigned long long len;  /* values left */
} rangeiterobject;

#define R(o) ((rangeobject *)(o))

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

static RpObject *make_range(RpTypeObject *type, long long start, long long stop, long long step)
{
    rangeobject *r = (rangeobject *)RpObject_New(type);
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

/* An argument of range(): anything with __index__. */
static int range_arg(RpObject *o, long long *out)
{
    RpObject *i = RpNumber_Index(o);
    if (i == NULL)
        return -1;
    *out = RpLong_AsLongLong(i);
    Rp_DECREF(i);
    return (*out == -1 && RpErr_Occurred()) ? -1 : 0;
}

static RpObject *range_from_array(RpTypeObject *type, RpObject *const *args, Rp_ssize_t n)
{
    long long start = 0, stop, step = 1;
    if (n == 0) {
        RpErr_SetString(RpExc_TypeError, "range expected at least 1 argument, got 0");
        return NULL;
    }
    if (n > 3) {
        RpErr_Format(RpExc_TypeError, "range expected at most 3 arguments, got %zd", n);
        return NULL;
    }
    if (n == 1) {
        if (range_arg(args[0], &stop) < 0)
            return NULL;
    } else {
        if (range_arg(args[0], &start) < 0 || range_arg(args[1], &stop) < 0)
            return NULL;
        if (n == 3 && range_arg(args[2], &step) < 0)
            return NULL;
    }
    if (step == 0) {
        RpErr_SetString(RpExc_ValueError, "range() arg 3 must not be zero");
        return NULL;
    }
    return make_range(type, start, stop, step);
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
    RpObject_Free(self);
}

/* ---- sequence behaviour ------------------------------------------------------------ */

static Rp_ssize_t range_len(RpObject *self)
{
    if (R(self)->length > (unsigned long long)RP_SSIZE_T_MAX) {
        RpErr_SetString(RpExc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (Rp_ssize_t)R(self)->length;
}

static int range_bool(RpObject *self) { return R(self)->length != 0; }

static RpObject *range_item(RpObject *self, Rp_ssize_t i)
{
    if (i < 0 || (unsigned long long)i >= R(self)->length) {
        RpErr_SetString(RpExc_IndexError, "range object index out of range");
        return NULL;
    }
    return RpLong_FromLongLong(range_value(R(self), (unsigned long long)i));
}

/* start + i*step for a slice index i, which may lie just outside [0, len]. */
static int slice_point(rangeobject *r, Rp_ssize_t i, long long *out)
{
    long long prod;
    if (__builtin_mul_overflow((long long)i, r->step, &prod) ||
        __builtin_add_overflow(r->start, prod, out)) {
        RpErr_SetString(RpExc_OverflowError, "integer overflow");
        return -1;
    }
    return 0;
}

static RpObject *range_slice(rangeobject *r, RpObject *slice)
{
    Rp_ssize_t start, stop, step;
    if (RpSlice_Unpack(slice, &start, &stop, &step) < 0)
        return NULL;
    if (range_len((RpObject *)r) < 0)
        return NULL;
    RpSlice_AdjustIndices((Rp_ssize_t)r->length, &start, &stop, step);
    long long nstart, nstop, nstep;
    if (slice_point(r, start, &nstart) < 0 || slice_point(r, stop, &nstop) < 0)
        return NULL;
    if (__builtin_mul_overflow(r->step, (long long)step, &nstep)) {
        RpErr_SetString(RpExc_OverflowError, "integer overflow");
        return NULL;
    }
    return make_range(&RpRange_Type, nstart, nstop, nstep);
}

static RpObject *range_subscript(RpObject *self, RpObject *item)
{
    if (RpIndex_Check(item)) {
        Rp_ssize_t i = RpNumber_AsSsize_t(item, RpExc_IndexError);
        if (i == -1 && RpErr_Occurred())
            return NULL;
        if (i < 0)
            i += (Rp_ssize_t)R(self)->length;
        return range_item(self, i);
    }
    if (RpSlice_Check(item))
        return range_slice(R(self), item);
    RpErr_Format(RpExc_TypeError, "range indices must be integers or slices, not %.200s",
                 Rp_TYPE(item)->tp_name);
    return NULL;
}

/* For exact ints (and bools): is v one of the range's values? */
static int range_contains_int(rangeobject *r, RpObject *ob)
{
    int64_t v;
    if (!_RpLong_AsInt64(ob, &v))
        return 0;   /* an int outside int64 cannot be in a C range */
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

static int is_plain_int(RpObject *o)
{
    return RpLong_CheckExact(o) || RpBool_Check(o);
}

/* Linear search through the values with ==: count (want_index 0) or the
 * first index (want_index 1; -1 when absent). -2 on error. */
static Rp_ssize_t range_search(rangeobject *r, RpObject *ob, int want_index)
{
    Rp_ssize_t count = 0;
    for (unsigned long long i = 0; i < r->length; i++) {
        RpObject *v = RpLong_FromLongLong(range_value(r, i));
        if (v == NULL)
            return -2;
        int cmp = RpObject_RichCompareBool(v, ob, Rp_EQ);
        Rp_DECREF(v);
        if (cmp < 0)
            return -2;
        if (cmp > 0) {
            if (want_index)
                return (Rp_ssize_t)i;
            count++;
        }
    }
    return want_index ? -1 : count;
}

static int range_contains(RpObject *self, RpObject *ob)
{
    if (is_plain_int(ob))
        return range_contains_int(R(self), ob);
    Rp_ssize_t r = range_search(R(self), ob, 1);
    return r == -2 ? -1 : r >= 0;
}

static RpObject *range_count(RpObject *self, RpObject *ob)
{
    if (is_plain_int(ob))
        return RpLong_FromLong(range_contains_int(R(self), ob));
    Rp_ssize_t n = range_search(R(self), ob, 0);
    return n == -2 ? NULL : RpLong_FromSsize_t(n);
}

static RpObject *range_index(RpObject *self, RpObject *ob)
{
    rangeobject *r = R(self);
    if (is_plain_int(ob)) {
        if (!range_contains_int(r, ob)) {
            RpErr_Format(RpExc_ValueError, "%R is not in range", ob);
            return NULL;
        }
        int64_t v;
        _RpLong_AsInt64(ob, &v);
        unsigned long long diff = (unsigned long long)v - (unsigned long long)r->start;
        if (r->step < 0)
            return RpLong_FromUnsignedLongLong((0ULL - diff) / (0ULL - (unsigned long long)r->step));
        return RpLong_FromUnsignedLongLong(diff / (unsigned long long)r->step);
    }
    Rp_ssize_t i = range_search(r, ob, 1);
    if (i == -2)
        return NULL;
    if (i < 0) {
        RpErr_SetString(RpExc_ValueError, "sequence.index(x): x not in sequence");
        return NULL;
    }
    return RpLong_FromSsize_t(i);
}

/* ---- comparison, hash, repr ---------------------------------------------------------- */

/* Ranges are equal when they produce the same values. */
static int range_equals(rangeobject *a, rangeobject *b)
{
    if (a == b)
        return 1;
    if (a->length != b->length)
        return 0;
    if (a->length == 0)
        return 1;
    if (a->start != b->start)
        return 0;
    if (a->length == 1)
        return 1;
    return a->step == b->step;
}

static RpObject *range_richcompare(RpObject *self, RpObject *other, int op)
{
    if (!Rp_IS_TYPE(other, &RpRange_Type) || (op != Rp_EQ && op != Rp_NE))
        Rp_RETURN_NOTIMPLEMENTED;
    int eq = range_equals(R(self), R(other));
    return RpBool_FromLong(op == Rp_EQ ? eq : !eq);
}

/* Same values as CPython: hash((len, start, step)) with None standing for
 * whatever does not affect the values. */
static Rp_hash_t range_hash(RpObject *self)
{
    rangeobject *r = R(self);
    RpObject *len = RpLong_FromUnsignedLongLong(r->length);
    RpObject *start = NULL, *step = NULL, *t = NULL;
    Rp_hash_t h = -1;
    if (len == NULL)
        return -1;
    if (r->length == 0) {
        t = RpTuple_Pack(3, len, Rp_None, Rp_None);
    } else {
        start = RpLong_FromLongLong(r->start);
        if (start != NULL && r->length == 1)
            t = RpTuple_Pack(3, len, start, Rp_None);
        else if (start != NULL && (step = RpLong_FromLongLong(r->step)) != NULL)
            t = RpTuple_Pack(3, len, start, step);
    }
    if (t != NULL)
        h = RpObject_Hash(t);
    Rp_XDECREF(t);
    Rp_XDECREF(start);
    Rp_XDECREF(step);
    Rp_DECREF(len);
    return h;
}

static RpObject *range_repr(RpObject *self)
{
    rangeobject *r = R(self);
    if (r->step == 1)
        return RpUnicode_FromFormat("range(%lld, %lld)", r->start, r->stop);
    return RpUnicode_FromFormat("range(%lld, %lld, %lld)", r->start, r->stop, r->step);
}

static RpObject *range_get_start(RpObject *self, void *c) { return RpLong_FromLongLong(R(self)->start); }
static RpObject *range_get_stop(RpObject *self, void *c) { return RpLong_FromLongLong(R(self)->stop); }
static RpObject *range_get_step(RpObject *self, void *c) { return RpLong_FromLongLong(R(self)->step); }

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

static RpObject *range_iter(RpObject *self)
{
    rangeobject *r = R(self);
    return rangeiter_make(r->start, r->step, r->length);
}

static RpObject *range_reversed(RpObject *self, RpObject *unused)
{
    rangeobject *r = R(self);
    if (r->length == 0)
        return rangeiter_make(r->start, 1, 0);
    /* Last value first, walking back; -step is computed mod 2**64. */
    long long last = range_value(r, r->length - 1);
    return rangeiter_make(last, (long long)(0ULL - (unsigned long long)r->step), r->length);
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

static RpMethodDef rangeiter_methods[] = {
    {"__length_hint__", (RpCFunction)rangeiter_len, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpRangeIter_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(rangeiterobject),
    .tp_dealloc = range_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
};

/* ---- the type ---------------------------------------------------------------------------- */

static RpMethodDef range_methods[] = {
    {"__reversed__", (RpCFunction)range_reversed, RP_METH_NOARGS,
     "Return a reverse iterator."},
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
