/* tupleobject.c -- the tuple type and its iterator.
 *
 * Tuples are GC containers tracked from birth (like CPython's); the
 * collector untracks the ones that only hold atoms through
 * _RpTuple_MaybeUntrack.  () is a single shared object, and tuples of fewer
 * than RP_TUPLE_MAXSAVESIZE items are recycled through per-size freelists
 * linked through ob_item[0].  The hash is CPython 3.11's xxHash-style
 * combination so that hash((1, 2)) prints the same number as CPython.
 */
#include "rp.h"

#define RP_TUPLE_MAXSAVESIZE 20
#define RP_TUPLE_MAXFREELIST 2000
/* Largest item count whose byte size still fits an Rp_ssize_t. */
#define RP_SSIZE_MAX_TUPLE ((Rp_ssize_t)(RP_SSIZE_T_MAX / (Rp_ssize_t)sizeof(RpObject *)))

static RpTupleObject *free_list[RP_TUPLE_MAXSAVESIZE];
static int numfree[RP_TUPLE_MAXSAVESIZE];
static RpObject *empty_tuple;

/* ---- allocation ---------------------------------------------------------- */

static RpTupleObject *tuple_alloc(Rp_ssize_t size)
{
    RpTupleObject *op;
    if (size < RP_TUPLE_MAXSAVESIZE && (op = free_list[size]) != NULL) {
        free_list[size] = (RpTupleObject *)op->ob_item[0];
        numfree[size]--;
        _Rp_NewReference((RpObject *)op);
    } else {
        if ((size_t)size > ((size_t)RP_SSIZE_MAX_TUPLE))
            return (RpTupleObject *)RpErr_NoMemory();
        op = RpObject_GC_NewVar(RpTupleObject, &RpTuple_Type, size);
        if (op == NULL)
            return NULL;
    }
    Rp_SET_SIZE(op, size);
    op->ob_hash = -1;
    for (Rp_ssize_t i = 0; i < size; i++)
        op->ob_item[i] = NULL;
    return op;
}

static RpObject *get_empty_tuple(void)
{
    if (empty_tuple == NULL) {
        /* The singleton is never tracked: it can hold nothing. */
        RpTupleObject *op = RpObject_GC_NewVar(RpTupleObject, &RpTuple_Type, 0);
        if (op == NULL)
            return NULL;
        Rp_SET_SIZE(op, 0);
        op->ob_hash = -1;
        empty_tuple = (RpObject *)op;
    }
    return Rp_NewRef(empty_tuple);
}

RpObject *RpTuple_New(Rp_ssize_t size)
{
    if (size < 0) {
        RpErr_BadInternalCall();
        return NULL;
    }
    if (size == 0)
        return get_empty_tuple();
    RpTupleObject *op = tuple_alloc(size);
    if (op == NULL)
        return NULL;
    RpObject_GC_Track(op);
    return (RpObject *)op;
}

RpObject *_RpTuple_FromArray(RpObject *const *items, Rp_ssize_t n)
{
    RpObject *t = RpTuple_New(n);
    if (t == NULL)
        return NULL;
    for (Rp_ssize_t i = 0; i < n; i++)
        RpTuple_SET_ITEM(t, i, Rp_NewRef(items[i]));
    return t;
}

RpObject *_RpTuple_FromArraySteal(RpObject *const *items, Rp_ssize_t n)
{
    RpObject *t = RpTuple_New(n);
    if (t == NULL) {
        for (Rp_ssize_t i = 0; i < n; i++)
            Rp_DECREF(items[i]);
        return NULL;
    }
    for (Rp_ssize_t i = 0; i < n; i++)
        RpTuple_SET_ITEM(t, i, items[i]);
    return t;
}

RpObject *RpTuple_Pack(Rp_ssize_t n, ...)
{
    va_list va;
    RpObject *t = RpTuple_New(n);
    if (t == NULL)
        return NULL;
    va_start(va, n);
    for (Rp_ssize_t i = 0; i < n; i++)
        RpTuple_SET_ITEM(t, i, Rp_NewRef(va_arg(va, RpObject *)));
    va_end(va);
    return t;
}

/* Resize a tuple nobody else sees yet (count 1). On failure *pt is released
 * and set to NULL. */
int _RpTuple_Resize(RpObject **pt, Rp_ssize_t newsize)
{
    RpObject *v = *pt;
    if (v == NULL || !Rp_IS_TYPE(v, &RpTuple_Type) || newsize < 0 ||
        (Rp_SIZE(v) != 0 && Rp_REFCNT(v) != 1)) {
        *pt = NULL;
        Rp_XDECREF(v);
        RpErr_BadInternalCall();
        return -1;
    }
    Rp_ssize_t oldsize = Rp_SIZE(v);
    if (oldsize == newsize)
        return 0;
    if (oldsize == 0 || newsize == 0) {
        /* The empty singleton cannot be resized in place. */
        RpObject *n = RpTuple_New(newsize);
        for (Rp_ssize_t i = 0; n != NULL && i < oldsize && i < newsize; i++)
            RpTuple_SET_ITEM(n, i, Rp_NewRef(RpTuple_GET_ITEM(v, i)));
        Rp_DECREF(v);
        *pt = n;
        return n == NULL ? -1 : 0;
    }
    RpObject_GC_UnTrack(v);
    for (Rp_ssize_t i = newsize; i < oldsize; i++)
        Rp_CLEAR(((RpTupleObject *)v)->ob_item[i]);
    RpTupleObject *sv = (RpTupleObject *)_RpObject_GC_Resize((RpVarObject *)v, newsize);
    if (sv == NULL) {
        *pt = NULL;
        Rp_SET_SIZE(v, newsize < oldsize ? newsize : oldsize);
        Rp_DECREF(v);
        return -1;
    }
    for (Rp_ssize_t i = oldsize; i < newsize; i++)
        sv->ob_item[i] = NULL;
    Rp_SET_SIZE(sv, newsize);
    sv->ob_hash = -1;
    RpObject_GC_Track(sv);
    *pt = (RpObject *)sv;
    return 0;
}

/* ---- simple accessors ---------------------------------------------------- */

Rp_ssize_t RpTuple_Size(RpObject *t)
{
    if (!RpTuple_Check(t)) {
        RpErr_BadInternalCall();
        return -1;
    }
    return Rp_SIZE(t);
}

RpObject *RpTuple_GetItem(RpObject *t, Rp_ssize_t i)
{
    if (!RpTuple_Check(t)) {
        RpErr_BadInternalCall();
        return NULL;
    }
    if (i < 0 || i >= Rp_SIZE(t)) {
        RpErr_SetString(RpExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return RpTuple_GET_ITEM(t, i);
}

RpObject *RpTuple_GetSlice(RpObject *t, Rp_ssize_t lo, Rp_ssize_t hi)
{
    Rp_ssize_t n = Rp_SIZE(t);
    if (lo < 0)
        lo = 0;
    if (hi > n)
        hi = n;
    if (hi < lo)
        hi = lo;
    if (lo == 0 && hi == n && RpTuple_CheckExact(t))
        return Rp_NewRef(t);
    return _RpTuple_FromArray(((RpTupleObject *)t)->ob_item + lo, hi - lo);
}

/* An object that may end up in a cycle: a GC object other than a tuple
 * that the collector already untracked. */
static int may_be_tracked(RpObject *o)
{
    if (!RpObject_IS_GC(o))
        return 0;
    if (RpTuple_CheckExact(o))
        return RpObject_GC_IsTracked(o);
    return 1;
}

void _RpTuple_MaybeUntrack(RpObject *t)
{
    if (!RpTuple_CheckExact(t) || !RpObject_GC_IsTracked(t))
        return;
    for (Rp_ssize_t i = 0; i < Rp_SIZE(t); i++) {
        RpObject *elt = RpTuple_GET_ITEM(t, i);
        /* A half-built tuple (NULL item) may still receive a container. */
        if (elt == NULL || may_be_tracked(elt))
            return;
    }
    RpObject_GC_UnTrack(t);
}

/* ---- GC trio ------------------------------------------------------------- */

static int tuple_traverse(RpObject *self, visitproc visit, void *arg)
{
    for (Rp_ssize_t i = Rp_SIZE(self); --i >= 0;)
        Rp_VISIT(RpTuple_GET_ITEM(self, i));
    return 0;
}

static void tuple_dealloc(RpObject *self)
{
    RpTupleObject *op = (RpTupleObject *)self;
    Rp_ssize_t len = Rp_SIZE(op);
    RpObject_GC_UnTrack(op);
    RP_TRASHCAN_BEGIN(op, tuple_dealloc)
    /* CPython frees the items last to first; __del__ output shows it. */
    for (Rp_ssize_t i = len; --i >= 0;)
        Rp_XDECREF(op->ob_item[i]);
    if (len > 0 && len < RP_TUPLE_MAXSAVESIZE && RpTuple_CheckExact(op) &&
        numfree[len] < RP_TUPLE_MAXFREELIST) {
        op->ob_item[0] = (RpObject *)free_list[len];
        free_list[len] = op;
        numfree[len]++;
    } else {
        Rp_TYPE(op)->tp_free(op);
    }
    RP_TRASHCAN_END
}

/* ---- repr and hash ------------------------------------------------------- */

static RpObject *tuple_repr(RpObject *self)
{
    Rp_ssize_t n = Rp_SIZE(self);
    if (n == 0)
        return RpUnicode_FromString("()");
    int rc = Rp_ReprEnter(self);
    if (rc != 0)
        return rc > 0 ? RpUnicode_FromString("(...)") : NULL;
    RpStrBuf b;
    RpStrBuf_Init(&b);
    RpStrBuf_AppendChar(&b, '(');
    for (Rp_ssize_t i = 0; i < n; i++) {
        if (i > 0)
            RpStrBuf_Append(&b, ", ", 2);
        if (Rp_EnterRecursiveCall(" while getting the repr of an object"))
            goto error;
        RpObject *r = RpObject_Repr(RpTuple_GET_ITEM(self, i));
        Rp_LeaveRecursiveCall();
        if (r == NULL)
            goto error;
        RpStrBuf_AppendObject(&b, r);
        Rp_DECREF(r);
    }
    RpStrBuf_AppendStr(&b, n == 1 ? ",)" : ")");
    Rp_ReprLeave(self);
    return RpStrBuf_Finish(&b);
error:
    Rp_ReprLeave(self);
    RpStrBuf_Discard(&b);
    return NULL;
}

/* xxHash-derived combination used by CPython 3.11 (64-bit constants). */
#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static Rp_hash_t tuple_hash(RpObject *self)
{
    RpTupleObject *t = (RpTupleObject *)self;
    if (t->ob_hash != -1)
        return t->ob_hash;
    Rp_ssize_t len = Rp_SIZE(t);
    uint64_t acc = XXPRIME_5;
    for (Rp_ssize_t i = 0; i < len; i++) {
        Rp_hash_t lane = RpObject_Hash(t->ob_item[i]);
        if (lane == -1)
            return -1;
        acc += (uint64_t)lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)len ^ (XXPRIME_5 ^ 3527539ULL);
    if (acc == (uint64_t)-1)
        acc = 1546275796;
    t->ob_hash = (Rp_hash_t)acc;
    return t->ob_hash;
}

/* ---- sequence protocol --------------------------------------------------- */

static Rp_ssize_t tuple_length(RpObject *self) { return Rp_SIZE(self); }

static RpObject *tuple_item(RpObject *self, Rp_ssize_t i)
{
    if (i < 0 || i >= Rp_SIZE(self)) {
        RpErr_SetString(RpExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return Rp_NewRef(RpTuple_GET_ITEM(self, i));
}

static int tuple_contains(RpObject *self, RpObject *el)
{
    for (Rp_ssize_t i = 0; i < Rp_SIZE(self); i++) {
        int cmp = RpObject_RichCompareBool(RpTuple_GET_ITEM(self, i), el, Rp_EQ);
        if (cmp != 0)
            return cmp;
    }
    return 0;
}

static RpObject *tuple_concat(RpObject *a, RpObject *b)
{
    if (!RpTuple_Check(b)) {
        RpErr_Format(RpExc_TypeError,
                     "can only concatenate tuple (not \"%.200s\") to tuple",
                     Rp_TYPE(b)->tp_name);
        return NULL;
    }
    Rp_ssize_t na = Rp_SIZE(a), nb = Rp_SIZE(b);
    if (nb == 0 && RpTuple_CheckExact(a))
        return Rp_NewRef(a);
    if (na == 0 && RpTuple_CheckExact(b))
        return Rp_NewRef(b);
    if (na > RP_SSIZE_MAX_TUPLE - nb)
        return RpErr_NoMemory();
    RpObject *t = RpTuple_New(na + nb);
    if (t == NULL)
        return NULL;
    for (Rp_ssize_t i = 0; i < na; i++)
        RpTuple_SET_ITEM(t, i, Rp_NewRef(RpTuple_GET_ITEM(a, i)));
    for (Rp_ssize_t i = 0; i < nb; i++)
        RpTuple_SET_ITEM(t, na + i, Rp_NewRef(RpTuple_GET_ITEM(b, i)));
    return t;
}

static RpObject *tuple_repeat(RpObject *self, Rp_ssize_t n)
{
    Rp_ssize_t len = Rp_SIZE(self);
    if (len == 0 || n == 1) {
        if (RpTuple_CheckExact(self))
            return Rp_NewRef(self);
    }
    if (len == 0 || n <= 0)
        return RpTuple_New(0);
    if (n > RP_SSIZE_MAX_TUPLE / len)
        return RpErr_NoMemory();
    RpObject *t = RpTuple_New(len * n);
    if (t == NULL)
        return NULL;
    Rp_ssize_t k = 0;
    for (Rp_ssize_t r = 0; r < n; r++)
        for (Rp_ssize_t i = 0; i < len; i++)
            RpTuple_SET_ITEM(t, k++, Rp_NewRef(RpTuple_GET_ITEM(self, i)));
    return t;
}

static RpObject *tuple_subscript(RpObject *self, RpObject *key)
{
    if (RpIndex_Check(key)) {
        Rp_ssize_t i = RpNumber_AsSsize_t(key, RpExc_IndexError);
        if (i == -1 && RpErr_Occurred())
            return NULL;
        if (i < 0)
            i += Rp_SIZE(self);
        return tuple_item(self, i);
    }
    if (RpSlice_Check(key)) {
        Rp_ssize_t start, stop, step;
        if (RpSlice_Unpack(key, &start, &stop, &step) < 0)
            return NULL;
        Rp_ssize_t n = RpSlice_AdjustIndices(Rp_SIZE(self), &start, &stop, step);
        if (step == 1)
            return RpTuple_GetSlice(self, start, stop);
        RpObject *t = RpTuple_New(n);
        if (t == NULL)
            return NULL;
        for (Rp_ssize_t i = 0, cur = start; i < n; i++, cur += step)
            RpTuple_SET_ITEM(t, i, Rp_NewRef(RpTuple_GET_ITEM(self, cur)));
        return t;
    }
    RpErr_Format(RpExc_TypeError, "tuple indices must be integers or slices, not %.200s",
                 Rp_TYPE(key)->tp_name);
    return NULL;
}

/* ---- comparison ---------------------------------------------------------- */

static RpObject *tuple_richcompare(RpObject *v, RpObject *w, int op)
{
    if (!RpTuple_Check(v) || !RpTuple_Check(w))
        Rp_RETURN_NOTIMPLEMENTED;
    Rp_ssize_t vlen = Rp_SIZE(v), wlen = Rp_SIZE(w), i;
    /* Find the first index where the items differ. */
    for (i = 0; i < vlen && i < wlen; i++) {
        int k = RpObject_RichCompareBool(RpTuple_GET_ITEM(v, i), RpTuple_GET_ITEM(w, i), Rp_EQ);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= vlen || i >= wlen) {
        int r;
        switch (op) {
        case Rp_LT: r = vlen < wlen; break;
        case Rp_LE: r = vlen <= wlen; break;
        case Rp_EQ: r = vlen == wlen; break;
        case Rp_NE: r = vlen != wlen; break;
        case Rp_GT: r = vlen > wlen; break;
        default: r = vlen >= wlen; break;
        }
        return RpBool_FromLong(r);
    }
    if (op == Rp_EQ)
        Rp_RETURN_FALSE;
    if (op == Rp_NE)
        Rp_RETURN_TRUE;
    return RpObject_RichCompare(RpTuple_GET_ITEM(v, i), RpTuple_GET_ITEM(w, i), op);
}

/* ---- methods -------------------------------------------------------------- */

static RpObject *tuple_index(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    Rp_ssize_t start = 0, stop = RP_SSIZE_T_MAX;
    if (!_RpArg_CheckPositional("index", nargs, 1, 3))
        return NULL;
    if (nargs > 1 && !_RpSlice_IndexNotNone(args[1], &start))
        return NULL;
    if (nargs > 2 && !_RpSlice_IndexNotNone(args[2], &stop))
        return NULL;
    Rp_ssize_t n = Rp_SIZE(self);
    if (start < 0 && (start += n) < 0)
        start = 0;
    if (stop < 0)
        stop += n;
    for (Rp_ssize_t i = start; i < stop && i < Rp_SIZE(self); i++) {
        int cmp = RpObject_RichCompareBool(RpTuple_GET_ITEM(self, i), args[0], Rp_EQ);
        if (cmp > 0)
            return RpLong_FromSsize_t(i);
        if (cmp < 0)
            return NULL;
    }
    RpErr_SetString(RpExc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static RpObject *tuple_count(RpObject *self, RpObject *value)
{
    Rp_ssize_t count = 0;
    for (Rp_ssize_t i = 0; i < Rp_SIZE(self); i++) {
        int cmp = RpObject_RichCompareBool(RpTuple_GET_ITEM(self, i), value, Rp_EQ);
        if (cmp < 0)
            return NULL;
        count += cmp;
    }
    return RpLong_FromSsize_t(count);
}

static RpObject *tuple_getnewargs(RpObject *self, RpObject *unused)
{
    RpObject *copy = _RpTuple_FromArray(((RpTupleObject *)self)->ob_item, Rp_SIZE(self));
    if (copy == NULL)
        return NULL;
    RpObject *r = RpTuple_Pack(1, copy);
    Rp_DECREF(copy);
    return r;
}

/* ---- construction --------------------------------------------------------- */

static RpObject *tuple_subtype_new(RpTypeObject *type, RpObject *iterable)
{
    RpObject *tmp = iterable ? RpSequence_Tuple(iterable) : RpTuple_New(0);
    if (tmp == NULL)
        return NULL;
    Rp_ssize_t n = Rp_SIZE(tmp);
    RpObject *newobj = type->tp_alloc(type, n);
    if (newobj != NULL) {
        Rp_SET_SIZE(newobj, n);
        ((RpTupleObject *)newobj)->ob_hash = -1;
        for (Rp_ssize_t i = 0; i < n; i++)
            RpTuple_SET_ITEM(newobj, i, Rp_NewRef(RpTuple_GET_ITEM(tmp, i)));
    }
    Rp_DECREF(tmp);
    return newobj;
}

static RpObject *tuple_new_impl(RpTypeObject *type, RpObject *iterable)
{
    if (type != &RpTuple_Type)
        return tuple_subtype_new(type, iterable);
    if (iterable == NULL)
        return RpTuple_New(0);
    return RpSequence_Tuple(iterable);
}

static RpObject *tuple_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    if (type == &RpTuple_Type && !_RpArg_NoKeywords("tuple", kwds))
        return NULL;
    if (!_RpArg_CheckPositional("tuple", Rp_SIZE(args), 0, 1))
        return NULL;
    return tuple_new_impl(type, Rp_SIZE(args) ? RpTuple_GET_ITEM(args, 0) : NULL);
}

static RpObject *tuple_vectorcall(RpObject *type, RpObject *const *args,
                                  size_t nargsf, RpObject *kwnames)
{
    Rp_ssize_t nargs = RpVectorcall_NARGS(nargsf);
    if (!_RpArg_NoKwnames("tuple", kwnames))
        return NULL;
    if (!_RpArg_CheckPositional("tuple", nargs, 0, 1))
        return NULL;
    return tuple_new_impl((RpTypeObject *)type, nargs ? args[0] : NULL);
}

/* ---- iterator -------------------------------------------------------------- */

typedef struct {
    RpObject_HEAD
    Rp_ssize_t it_index;
    RpObject *it_seq;    /* NULL once exhausted */
} tupleiterobject;

static RpObject *tuple_iter(RpObject *seq)
{
    tupleiterobject *it = RpObject_GC_New(tupleiterobject, &RpTupleIter_Type);
    if (it == NULL)
        return NULL;
    it->it_index = 0;
    it->it_seq = Rp_NewRef(seq);
    RpObject_GC_Track(it);
    return (RpObject *)it;
}

static RpObject *tupleiter_next(RpObject *self)
{
    tupleiterobject *it = (tupleiterobject *)self;
    RpObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index < Rp_SIZE(seq))
        return Rp_NewRef(RpTuple_GET_ITEM(seq, it->it_index++));
    it->it_seq = NULL;
    Rp_DECREF(seq);
    return NULL;
}

static RpObject *tupleiter_len(RpObject *self, RpObject *unused)
{
    tupleiterobject *it = (tupleiterobject *)self;
    Rp_ssize_t n = it->it_seq ? Rp_SIZE(it->it_seq) - it->it_index : 0;
    return RpLong_FromSsize_t(n < 0 ? 0 : n);
}

static RpMethodDef tupleiter_methods[] = {
    {"__length_hint__", (RpCFunction)tupleiter_len, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpTupleIter_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(tupleiterobject),
    .tp_dealloc = _RpIndexIter_Dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = _RpIndexIter_Traverse,
    .tp_clear = _RpIndexIter_Clear,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
};

/* ---- the type ---------------------------------------------------------------- */

static RpMethodDef tuple_methods[] = {
    {"index", (RpCFunction)(void (*)(void))tuple_index, RP_METH_FASTCALL,
     "Return first index of value."},
    {"count", (RpCFunction)tuple_count, RP_METH_O, "Return number of occurrences of value."},
    {"__getnewargs__", (RpCFunction)tuple_getnewargs, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static RpSequenceMethods tuple_as_sequence = {
    .sq_length = tuple_length,
    .sq_concat = tuple_concat,
    .sq_repeat = tuple_repeat,
    .sq_item = tuple_item,
    .sq_contains = tuple_contains,
};

static RpMappingMethods tuple_as_mapping = {
    .mp_length = tuple_length,
    .mp_subscript = tuple_subscript,
};

RpTypeObject RpTuple_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "tuple",
    .tp_basicsize = sizeof(RpTupleObject) - sizeof(RpObject *),
    .tp_itemsize = sizeof(RpObject *),
    .tp_dealloc = tuple_dealloc,
    .tp_as_sequence = &tuple_as_sequence,
    .tp_as_mapping = &tuple_as_mapping,
    .tp_hash = tuple_hash,
    .tp_repr = tuple_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_BASETYPE |
                RP_TPFLAGS_TUPLE_SUBCLASS,
    .tp_doc = "Built-in immutable sequence.",
    .tp_traverse = tuple_traverse,
    .tp_richcompare = tuple_richcompare,
    .tp_iter = tuple_iter,
    .tp_methods = tuple_methods,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = tuple_new,
    .tp_free = RpObject_GC_Del,
    .tp_vectorcall = tuple_vectorcall,
};

/* ---- finalization ------------------------------------------------------------ */

void _RpTuple_ClearFreeLists(void)
{
    for (int size = 1; size < RP_TUPLE_MAXSAVESIZE; size++) {
        RpTupleObject *p = free_list[size];
        while (p != NULL) {
            RpTupleObject *q = p;
            p = (RpTupleObject *)p->ob_item[0];
            RpObject_GC_Del(q);
        }
        free_list[size] = NULL;
        numfree[size] = 0;
    }
}

/* At shutdown only: also release the () singleton if nothing holds it. */
void _RpTuple_Fini(void)
{
    _RpTuple_ClearFreeLists();
    if (empty_tuple != NULL && Rp_REFCNT(empty_tuple) == 1) {
        RpObject_GC_Del(empty_tuple);
        empty_tuple = NULL;
    }
}
