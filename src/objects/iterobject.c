/* iterobject.c -- generic iterators and the iterator builtins:
 * the sequence iterator (iter() over a class with only __getitem__), the
 * callable iterator (iter(f, sentinel)), enumerate, zip, map, filter and
 * reversed.
 *
 * Each holds references to other objects, so each is a GC container.
 * enumerate and zip hand out a result tuple and recycle it when the
 * caller dropped it before asking for the next item (a for loop that
 * unpacks it does), which makes `for i, x in enumerate(seq)` allocate
 * nothing per step.  The constructors take the vectorcall path for the
 * exact types and go through tp_new for subclasses.
 */
#include "rp.h"

/* A constructor written for the vectorcall convention. */
typedef RpObject *(*vec_ctor)(RpTypeObject *type, RpObject *const *args, Rp_ssize_t nargs,
                              RpObject *kwnames);

/* Call f with the contents of an (args tuple, kwargs dict) pair. */
static RpObject *new_from_tuple(RpTypeObject *type, RpObject *args, RpObject *kwds, vec_ctor f)
{
    Rp_ssize_t nargs = Rp_SIZE(args), nkw = kwds ? RpDict_GET_SIZE(kwds) : 0;
    RpObject *const *items = ((RpTupleObject *)args)->ob_item;
    if (nkw == 0)
        return f(type, items, nargs, NULL);
    RpObject **stack = RpMem_Malloc((size_t)(nargs + nkw) * sizeof(RpObject *));
    RpObject *kwnames = RpTuple_New(nkw);
    RpObject *res = NULL;
    if (stack == NULL || kwnames == NULL) {
        if (stack == NULL)
            RpErr_NoMemory();
        goto done;
    }
    memcpy(stack, items, (size_t)nargs * sizeof(RpObject *));
    Rp_ssize_t pos = 0, i = 0;
    RpObject *k, *v;
    while (RpDict_Next(kwds, &pos, &k, &v)) {
        stack[nargs + i] = v;
        RpTuple_SET_ITEM(kwnames, i, Rp_NewRef(k));
        i++;
    }
    res = f(type, stack, nargs, kwnames);
done:
    RpMem_Free(stack);
    Rp_XDECREF(kwnames);
    return res;
}

/* Allocate an iterator object of `type` (subclasses through tp_alloc). */
static RpObject *iter_alloc(RpTypeObject *type, RpTypeObject *exact)
{
    if (type == exact)
        return (RpObject *)_RpObject_GC_New(type);
    return type->tp_alloc(type, 0);
}

/* The result tuple of enumerate/zip, recycled if nobody else holds it.
 * Returns a tuple (new ref) whose old items the caller replaces, or NULL
 * if a fresh one must be built. */
static RpObject *reuse_result(RpObject *result)
{
    if (result == NULL || Rp_REFCNT(result) != 1)
        return NULL;
    Rp_INCREF(result);
    ((RpTupleObject *)result)->ob_hash = -1;
    /* The collector may have untracked it while it held only atoms. */
    if (!RpObject_GC_IsTracked(result))
        RpObject_GC_Track(result);
    return result;
}

static void replace_item(RpObject *tuple, Rp_ssize_t i, RpObject *v)
{
    RpObject *old = RpTuple_GET_ITEM(tuple, i);
    RpTuple_SET_ITEM(tuple, i, v);
    Rp_XDECREF(old);
}

/* ======================================================================
 * sequence iterator
 * ====================================================================== */

typedef struct {
    RpObject_HEAD
    Rp_ssize_t it_index;
    RpObject *it_seq;   /* NULL once exhausted */
} seqiterobject;

RpObject *RpSeqIter_New(RpObject *seq)
{
    seqiterobject *it = RpObject_GC_New(seqiterobject, &RpSeqIter_Type);
    if (it == NULL)
        return NULL;
    it->it_index = 0;
    it->it_seq = Rp_NewRef(seq);
    RpObject_GC_Track(it);
    return (RpObject *)it;
}

void _RpIndexIter_Dealloc(RpObject *self)
{
    RpIndexIterObject *it = (RpIndexIterObject *)self;
    RpObject_GC_UnTrack(it);
    Rp_XDECREF(it->it_seq);
    RpObject_GC_Del(it);
}

int _RpIndexIter_Traverse(RpObject *self, visitproc visit, void *arg)
{
    Rp_VISIT(((RpIndexIterObject *)self)->it_seq);
    return 0;
}

int _RpIndexIter_Clear(RpObject *self)
{
    Rp_CLEAR(((RpIndexIterObject *)self)->it_seq);
    return 0;
}

static RpObject *seqiter_next(RpObject *self)
{
    seqiterobject *it = (seqiterobject *)self;
    RpObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index == RP_SSIZE_T_MAX) {
        RpErr_SetString(RpExc_OverflowError, "iter index too large");
        return NULL;
    }
    RpObject *result = RpSequence_GetItem(seq, it->it_index);
    if (result != NULL) {
        it->it_index++;
        return result;
    }
    /* IndexError or StopIteration end the iteration. */
    if (RpErr_ExceptionMatches(RpExc_IndexError) || RpErr_ExceptionMatches(RpExc_StopIteration)) {
        RpErr_Clear();
        it->it_seq = NULL;
        Rp_DECREF(seq);
    }
    return NULL;
}

static int has_len(RpObject *o)
{
    RpTypeObject *t = Rp_TYPE(o);
    return (t->tp_as_sequence && t->tp_as_sequence->sq_length) ||
           (t->tp_as_mapping && t->tp_as_mapping->mp_length);
}

static RpObject *seqiter_len(RpObject *self, RpObject *unused)
{
    seqiterobject *it = (seqiterobject *)self;
    if (it->it_seq != NULL) {
        if (!has_len(it->it_seq))
            Rp_RETURN_NOTIMPLEMENTED;
        Rp_ssize_t size = RpObject_Size(it->it_seq);
        if (size == -1)
            return NULL;
        if (size - it->it_index >= 0)
            return RpLong_FromSsize_t(size - it->it_index);
    }
    return RpLong_FromLong(0);
}

static RpMethodDef seqiter_methods[] = {
    {"__length_hint__", (RpCFunction)seqiter_len, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpSeqIter_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "iterator",
    .tp_basicsize = sizeof(seqiterobject),
    .tp_dealloc = _RpIndexIter_Dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = _RpIndexIter_Traverse,
    .tp_clear = _RpIndexIter_Clear,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = seqiter_next,
    .tp_methods = seqiter_methods,
};

/* ======================================================================
 * callable iterator: iter(callable, sentinel)
 * ====================================================================== */

typedef struct {
    RpObject_HEAD
    RpObject *it_callable;   /* both NULL once exhausted */
    RpObject *it_sentinel;
} calliterobject;

RpObject *RpCallIter_New(RpObject *callable, RpObject *sentinel)
{
    calliterobject *it = RpObject_GC_New(calliterobject, &RpCallIter_Type);
    if (it == NULL)
        return NULL;
    it->it_callable = Rp_NewRef(callable);
    it->it_sentinel = Rp_NewRef(sentinel);
    RpObject_GC_Track(it);
    return (RpObject *)it;
}

static void calliter_dealloc(RpObject *self)
{
    calliterobject *it = (calliterobject *)self;
    RpObject_GC_UnTrack(it);
    Rp_XDECREF(it->it_callable);
    Rp_XDECREF(it->it_sentinel);
    RpObject_GC_Del(it);
}

static int calliter_traverse(RpObject *self, visitproc visit, void *arg)
{
    calliterobject *it = (calliterobject *)self;
    Rp_VISIT(it->it_callable);
    Rp_VISIT(it->it_sentinel);
    return 0;
}

static int calliter_clear(RpObject *self)
{
    calliterobject *it = (calliterobject *)self;
    Rp_CLEAR(it->it_callable);
    Rp_CLEAR(it->it_sentinel);
    return 0;
}

static RpObject *calliter_next(RpObject *self)
{
    calliterobject *it = (calliterobject *)self;
    if (it->it_callable == NULL)
        return NULL;
    RpObject *result = RpObject_CallNoArgs(it->it_callable);
    if (result != NULL) {
        int ok = RpObject_RichCompareBool(it->it_sentinel, result, Rp_EQ);
        if (ok == 0)
            return result;
        Rp_DECREF(result);
        if (ok > 0)
            calliter_clear(self);
    } else if (RpErr_ExceptionMatches(RpExc_StopIteration)) {
        RpErr_Clear();
        calliter_clear(self);
    }
    return NULL;
}

RpTypeObject RpCallIter_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(calliterobject),
    .tp_dealloc = calliter_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = calliter_traverse,
    .tp_clear = calliter_clear,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = calliter_next,
};

/* ======================================================================
 * enumerate(iterable, start=0)
 * ====================================================================== */

typedef struct {
    RpObject_HEAD
    long long en_index;      /* next index to hand out, while en_longindex is NULL */
    RpObject *en_longindex;  /* the next index as an int once it leaves int64 */
    RpObject *en_sit;        /* the underlying iterator */
    RpObject *en_result;     /* recycled (index, item) tuple */
} enumobject;

/* enumerate(iterable, start) once the arguments are sorted out; start may
 * be NULL.  A start outside int64 is kept as an int object. */
static RpObject *enum_impl(RpTypeObject *type, RpObject *iterable, RpObject *startobj)
{
    int64_t start = 0;
    RpObject *big = NULL;
    if (startobj != NULL) {
        RpObject *i = RpNumber_Index(startobj);
        if (i == NULL)
            return NULL;
        if (_RpLong_AsInt64(i, &start))
            Rp_DECREF(i);
        else
            big = i;
    }
    enumobject *en = (enumobject *)iter_alloc(type, &RpEnum_Type);
    if (en == NULL) {
        Rp_XDECREF(big);
        return NULL;
    }
    en->en_index = start;
    en->en_longindex = big;
    en->en_result = NULL;
    en->en_sit = RpObject_GetIter(iterable);
    if (en->en_sit != NULL)
        en->en_result = RpTuple_Pack(2, Rp_None, Rp_None);
    if (en->en_result == NULL) {
        Rp_DECREF(en);
        return NULL;
    }
    if (!RpObject_GC_IsTracked((RpObject *)en))
        RpObject_GC_Track(en);
    return (RpObject *)en;
}

/* enumerate.__new__ (subclasses): CPython parses with Argument Clinic. */
static RpObject *enum_make(RpTypeObject *type, RpObject *const *args, Rp_ssize_t nargs,
                           RpObject *kwnames)
{
    static const char *const names[] = {"iterable", "start"};
    RpObject *out[2] = {NULL, NULL};
    if (_RpArg_ParseVector("enumerate", args, nargs, kwnames, names, 2, 1, out) < 0)
        return NULL;
    return enum_impl(type, out[0], out[1]);
}

static RpObject *enum_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    return new_from_tuple(type, args, kwds, enum_make);
}

/* enumerate(...) itself: CPython 3.11 sorts the arguments by hand, with
 * wordings of its own (enum_vectorcall in Objects/enumobject.c). */
static int enum_check_keyword(RpObject *kwnames, Rp_ssize_t i, const char *name)
{
    RpObject *kw = RpTuple_GET_ITEM(kwnames, i);
    if (_RpUnicode_EqualToASCIIString(kw, name))
        return 1;
    RpErr_Format(RpExc_TypeError, "'%S' is an invalid keyword argument for enumerate()", kw);
    return 0;
}

static RpObject *enum_vectorcall(RpObject *type, RpObject *const *args, size_t nargsf,
                                 RpObject *kwnames)
{
    RpTypeObject *tp = (RpTypeObject *)type;
    Rp_ssize_t nargs = RpVectorcall_NARGS(nargsf);
    Rp_ssize_t nkw = kwnames != NULL ? Rp_SIZE(kwnames) : 0;
    if (nargs + nkw == 2) {
        if (nkw == 1 && !enum_check_keyword(kwnames, 0, "start"))
            return NULL;
        if (nkw == 2) {
            if (_RpUnicode_EqualToASCIIString(RpTuple_GET_ITEM(kwnames, 0), "start")) {
                if (!enum_check_keyword(kwnames, 1, "iterable"))
                    return NULL;
                return enum_impl(tp, args[1], args[0]);
            }
            if (!enum_check_keyword(kwnames, 0, "iterable")
                || !enum_check_keyword(kwnames, 1, "start"))
                return NULL;
        }
        return enum_impl(tp, args[0], args[1]);
    }
    if (nargs + nkw == 1) {
        if (nkw == 1 && !enum_check_keyword(kwnames, 0, "iterable"))
            return NULL;
        return enum_impl(tp, args[0], NULL);
    }
    if (nargs == 0) {
        RpErr_SetString(RpExc_TypeError, "enumerate() missing required argument 'iterable'");
        return NULL;
    }
    RpErr_Format(RpExc_TypeError, "enumerate() takes at most 2 arguments (%zd given)",
                 nargs + nkw);
    return NULL;
}

static void enum_dealloc(RpObject *self)
{
    enumobject *en = (enumobject *)self;
    RpObject_GC_UnTrack(en);
    Rp_XDECREF(en->en_sit);
    Rp_XDECREF(en->en_result);
    Rp_XDECREF(en->en_longindex);
    Rp_TYPE(en)->tp_free(en);
}

static int enum_traverse(RpObject *self, visitproc visit, void *arg)
{
    enumobject *en = (enumobject *)self;
    Rp_VISIT(en->en_sit);
    Rp_VISIT(en->en_result);
    Rp_VISIT(en->en_longindex);
    return 0;
}

static int enum_clear(RpObject *self)
{
    enumobject *en = (enumobject *)self;
    Rp_CLEAR(en->en_sit);
    Rp_CLEAR(en->en_result);
    Rp_CLEAR(en->en_longindex);
    return 0;
}

/* The index to hand out now, advancing the counter: C arithmetic until
 * it would pass INT64_MAX, int objects after that. */
static RpObject *enum_take_index(enumobject *en)
{
    if (en->en_longindex == NULL && en->en_index < INT64_MAX)
        return RpLong_FromLongLong(en->en_index++);
    if (en->en_longindex == NULL &&
        (en->en_longindex = RpLong_FromLongLong(en->en_index)) == NULL)
        return NULL;
    RpObject *one = RpLong_FromLongLong(1);
    RpObject *next = one != NULL ? RpNumber_Add(en->en_longindex, one) : NULL;
    Rp_XDECREF(one);
    if (next == NULL)
        return NULL;
    RpObject *index = en->en_longindex;
    en->en_longindex = next;
    return index;
}

static RpObject *enum_next(RpObject *self)
{
    enumobject *en = (enumobject *)self;
    if (en->en_sit == NULL)
        return NULL;
    RpObject *item = RpIter_Next(en->en_sit);
    if (item == NULL)
        return NULL;
    RpObject *index = enum_take_index(en);
    if (index == NULL) {
        Rp_DECREF(item);
        return NULL;
    }
    RpObject *result = reuse_result(en->en_result);
    if (result != NULL) {
        replace_item(result, 0, index);
        replace_item(result, 1, item);
        return result;
    }
    result = RpTuple_New(2);
    if (result == NULL) {
        Rp_DECREF(index);
        Rp_DECREF(item);
        return NULL;
    }
    RpTuple_SET_ITEM(result, 0, index);
    RpTuple_SET_ITEM(result, 1, item);
    return result;
}

RpTypeObject RpEnum_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(enumobject),
    .tp_dealloc = enum_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_BASETYPE,
    .tp_doc = "Return an enumerate object.",
    .tp_traverse = enum_traverse,
    .tp_clear = enum_clear,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = enum_next,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = enum_new,
    .tp_free = RpObject_GC_Del,
    .tp_vectorcall = enum_vectorcall,
};

/* ======================================================================
 * zip(*iterables, strict=False)
 * ====================================================================== */

typedef struct {
    RpObject_HEAD
    Rp_ssize_t tuplesize;
    RpObject *ittuple;   /* tuple of iterators */
    RpObject *result;    /* recycled result tuple */
    int strict;
} zipobject;

static RpObject *zip_make(RpTypeObject *type, RpObject *const *args, Rp_ssize_t nargs,
                          RpObject *kwnames)
{
    int strict = 0;
    /* CPython parses the keywords with PyArg_ParseTupleAndKeywords("|$p:zip"). */
    if (kwnames != NULL && Rp_SIZE(kwnames) > 1) {
        RpErr_Format(RpExc_TypeError, "zip() takes at most 1 keyword argument (%zd given)",
                     Rp_SIZE(kwnames));
        return NULL;
    }
    for (Rp_ssize_t i = 0; kwnames != NULL && i < Rp_SIZE(kwnames); i++) {
        RpObject *name = RpTuple_GET_ITEM(kwnames, i);
        if (!_RpUnicode_EqualToASCIIString(name, "strict")) {
            RpErr_Format(RpExc_TypeError, "'%U' is an invalid keyword argument for zip()", name);
            return NULL;
        }
        strict = RpObject_IsTrue(args[nargs + i]);
        if (strict < 0)
            return NULL;
    }
    RpObject *ittuple = RpTuple_New(nargs);
    if (ittuple == NULL)
        return NULL;
    for (Rp_ssize_t i = 0; i < nargs; i++) {
        RpObject *it = RpObject_GetIter(args[i]);
        if (it == NULL) {
            Rp_DECREF(ittuple);
            return NULL;
        }
        RpTuple_SET_ITEM(ittuple, i, it);
    }
    RpObject *result = RpTuple_New(nargs);
    for (Rp_ssize_t i = 0; result != NULL && i < nargs; i++)
        RpTuple_SET_ITEM(result, i, Rp_NewRef(Rp_None));
    zipobject *lz = result ? (zipobject *)iter_alloc(type, &RpZip_Type) : NULL;
    if (lz == NULL) {
        Rp_DECREF(ittuple);
        Rp_XDECREF(result);
        return NULL;
    }
    lz->ittuple = ittuple;
    lz->tuplesize = nargs;
    lz->result = result;
    lz->strict = strict;
    if (!RpObject_GC_IsTracked((RpObject *)lz))
        RpObject_GC_Track(lz);
    return (RpObject *)lz;
}

static RpObject *zip_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    return new_from_tuple(type, args, kwds, zip_make);
}

static RpObject *zip_vectorcall(RpObject *type, RpObject *const *args, size_t nargsf,
                                RpObject *kwnames)
{
    return zip_make((RpTypeObject *)type, args, RpVectorcall_NARGS(nargsf), kwnames);
}

static void zip_dealloc(RpObject *self)
{
    zipobject *lz = (zipobject *)self;
    RpObject_GC_UnTrack(lz);
    Rp_XDECREF(lz->ittuple);
    Rp_XDECREF(lz->result);
    Rp_TYPE(lz)->tp_free(lz);
}

static int zip_traverse(RpObject *self, visitproc visit, void *arg)
{
    zipobject *lz = (zipobject *)self;
    Rp_VISIT(lz->ittuple);
    Rp_VISIT(lz->result);
    return 0;
}

static int zip_clear(RpObject *self)
{
    zipobject *lz = (zipobject *)self;
    Rp_CLEAR(lz->ittuple);
    Rp_CLEAR(lz->result);
    return 0;
}

/* strict=True and iterator i (> 0) ran out, or iterator 0 did: make sure
 * all of them ended together. */
static RpObject *zip_strict_check(zipobject *lz, Rp_ssize_t i)
{
    if (RpErr_Occurred())
        return NULL;
    if (i > 0) {
        const char *plural = i == 1 ? " " : "s 1-";
        return RpErr_Format(RpExc_ValueError,
                            "zip() argument %zd is shorter than argument%s%zd", i + 1, plural, i);
    }
    for (i = 1; i < lz->tuplesize; i++) {
        RpObject *item = RpIter_Next(RpTuple_GET_ITEM(lz->ittuple, i));
        if (item != NULL) {
            Rp_DECREF(item);
            const char *plural = i == 1 ? " " : "s 1-";
            return RpErr_Format(RpExc_ValueError,
                                "zip() argument %zd is longer than argument%s%zd", i + 1, plural, i);
        }
        if (RpErr_Occurred())
            return NULL;
    }
    return NULL;
}

static RpObject *zip_next(RpObject *self)
{
    zipobject *lz = (zipobject *)self;
    Rp_ssize_t n = lz->tuplesize;
    if (n == 0 || lz->ittuple == NULL)
        return NULL;
    RpObject *result = reuse_result(lz->result);
    int fresh = result == NULL;
    if (fresh && (result = RpTuple_New(n)) == NULL)
        return NULL;
    for (Rp_ssize_t i = 0; i < n; i++) {
        RpObject *item = RpIter_Next(RpTuple_GET_ITEM(lz->ittuple, i));
        if (item == NULL) {
            Rp_DECREF(result);
            return lz->strict ? zip_strict_check(lz, i) : NULL;
        }
        if (fresh)
            RpTuple_SET_ITEM(result, i, item);
        else
            replace_item(result, i, item);
    }
    return result;
}

RpTypeObject RpZip_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "zip",
    .tp_basicsize = sizeof(zipobject),
    .tp_dealloc = zip_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_BASETYPE,
    .tp_doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.",
    .tp_traverse = zip_traverse,
    .tp_clear = zip_clear,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = zip_next,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = zip_new,
    .tp_free = RpObject_GC_Del,
    .tp_vectorcall = zip_vectorcall,
};

/* ======================================================================
 * map(func, *iterables)
 * ====================================================================== */

typedef struct {
    RpObject_HEAD
    RpObject *iters;   /* tuple of iterators */
    RpObject *func;
} mapobject;

static RpObject *map_make(RpTypeObject *type, RpObject *const *args, Rp_ssize_t nargs,
                          RpObject *kwnames)
{
    if (type == &RpMap_Type && !_RpArg_NoKwnames("map", kwnames))
        return NULL;
    if (nargs < 2) {
        RpErr_SetString(RpExc_TypeError, "map() must have at least two arguments.");
        return NULL;
    }
    RpObject *iters = RpTuple_New(nargs - 1);
    if (iters == NULL)
        return NULL;
    for (Rp_ssize_t i = 1; i < nargs; i++) {
        RpObject *it = RpObject_GetIter(args[i]);
        if (it == NULL) {
            Rp_DECREF(iters);
            return NULL;
        }
        RpTuple_SET_ITEM(iters, i - 1, it);
    }
    mapobject *lz = (mapobject *)iter_alloc(type, &RpMap_Type);
    if (lz == NULL) {
        Rp_DECREF(iters);
        return NULL;
    }
    lz->iters = iters;
    lz->func = Rp_NewRef(args[0]);
    if (!RpObject_GC_IsTracked((RpObject *)lz))
        RpObject_GC_Track(lz);
    return (RpObject *)lz;
}

static RpObject *map_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    if (type == &RpMap_Type && !_RpArg_NoKeywords("map", kwds))
        return NULL;
    return new_from_tuple(type, args, NULL, map_make);
}

static RpObject *map_vectorcall(RpObject *type, RpObject *const *args, size_t nargsf,
                                RpObject *kwnames)
{
    return map_make((RpTypeObject *)type, args, RpVectorcall_NARGS(nargsf), kwnames);
}

static void map_dealloc(RpObject *self)
{
    mapobject *lz = (mapobject *)self;
    RpObject_GC_UnTrack(lz);
    Rp_XDECREF(lz->iters);
    Rp_XDECREF(lz->func);
    Rp_TYPE(lz)->tp_free(lz);
}

static int map_traverse(RpObject *self, visitproc visit, void *arg)
{
    mapobject *lz = (mapobject *)self;
    Rp_VISIT(lz->iters);
    Rp_VISIT(lz->func);
    return 0;
}

static int map_clear(RpObject *self)
{
    mapobject *lz = (mapobject *)self;
    Rp_CLEAR(lz->iters);
    Rp_CLEAR(lz->func);
    return 0;
}

static RpObject *map_next(RpObject *self)
{
    mapobject *lz = (mapobject *)self;
    if (lz->iters == NULL)
        return NULL;
    RpObject *small_stack[5];
    Rp_ssize_t n = Rp_SIZE(lz->iters), got = 0;
    RpObject **stack = small_stack, *result = NULL;
    if (n > 5 && (stack = RpMem_Malloc((size_t)n * sizeof(RpObject *))) == NULL)
        return RpErr_NoMemory();
    for (; got < n; got++) {
        stack[got] = RpIter_Next(RpTuple_GET_ITEM(lz->iters, got));
        if (stack[got] == NULL)
            goto done;
    }
    result = RpObject_Vectorcall(lz->func, stack, (size_t)n, NULL);
done:
    for (Rp_ssize_t i = 0; i < got; i++)
        Rp_DECREF(stack[i]);
    if (stack != small_stack)
        RpMem_Free(stack);
    return result;
}

RpTypeObject RpMap_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "map",
    .tp_basicsize = sizeof(mapobject),
    .tp_dealloc = map_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_BASETYPE,
    .tp_doc = "map(func, *iterables) --> map object",
    .tp_traverse = map_traverse,
    .tp_clear = map_clear,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = map_next,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = map_new,
    .tp_free = RpObject_GC_Del,
    .tp_vectorcall = map_vectorcall,
};

/* ======================================================================
 * filter(function or None, iterable)
 * ====================================================================== */

typedef struct {
    RpObject_HEAD
    RpObject *func;
    RpObject *it;
} filterobject;

static RpObject *filter_make(RpTypeObject *type, RpObject *const *args, Rp_ssize_t nargs,
                             RpObject *kwnames)
{
    if (type == &RpFilter_Type && !_RpArg_NoKwnames("filter", kwnames))
        return NULL;
    if (!_RpArg_CheckPositional("filter", nargs, 2, 2))
        return NULL;
    RpObject *it = RpObject_GetIter(args[1]);
    if (it == NULL)
        return NULL;
    filterobject *lz = (filterobject *)iter_alloc(type, &RpFilter_Type);
    if (lz == NULL) {
        Rp_DECREF(it);
        return NULL;
    }
    lz->func = Rp_NewRef(args[0]);
    lz->it = it;
    if (!RpObject_GC_IsTracked((RpObject *)lz))
        RpObject_GC_Track(lz);
    return (RpObject *)lz;
}

static RpObject *filter_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    if (type == &RpFilter_Type && !_RpArg_NoKeywords("filter", kwds))
        return NULL;
    return new_from_tuple(type, args, NULL, filter_make);
}

static RpObject *filter_vectorcall(RpObject *type, RpObject *const *args, size_t nargsf,
                                   RpObject *kwnames)
{
    return filter_make((RpTypeObject *)type, args, RpVectorcall_NARGS(nargsf), kwnames);
}

static void filter_dealloc(RpObject *self)
{
    filterobject *lz = (filterobject *)self;
    RpObject_GC_UnTrack(lz);
    Rp_XDECREF(lz->func);
    Rp_XDECREF(lz->it);
    Rp_TYPE(lz)->tp_free(lz);
}

static int filter_traverse(RpObject *self, visitproc visit, void *arg)
{
    filterobject *lz = (filterobject *)self;
    Rp_VISIT(lz->it);
    Rp_VISIT(lz->func);
    return 0;
}

static int filter_clear(RpObject *self)
{
    filterobject *lz = (filterobject *)self;
    Rp_CLEAR(lz->it);
    Rp_CLEAR(lz->func);
    return 0;
}

static RpObject *filter_next(RpObject *self)
{
    filterobject *lz = (filterobject *)self;
    if (lz->it == NULL)
        return NULL;
    int truth_only = lz->func == Rp_None || lz->func == (RpObject *)&RpBool_Type;
    for (;;) {
        RpObject *item = RpIter_Next(lz->it);
        if (item == NULL)
            return NULL;
        int ok;
        if (truth_only) {
            ok = RpObject_IsTrue(item);
        } else {
            RpObject *good = RpObject_CallOneArg(lz->func, item);
            if (good == NULL) {
                Rp_DECREF(item);
                return NULL;
            }
            ok = RpObject_IsTrue(good);
            Rp_DECREF(good);
        }
        if (ok > 0)
            return item;
        Rp_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

RpTypeObject RpFilter_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "filter",
    .tp_basicsize = sizeof(filterobject),
    .tp_dealloc = filter_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_BASETYPE,
    .tp_doc = "filter(function or None, iterable) --> filter object",
    .tp_traverse = filter_traverse,
    .tp_clear = filter_clear,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = filter_next,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = filter_new,
    .tp_free = RpObject_GC_Del,
    .tp_vectorcall = filter_vectorcall,
};

/* ======================================================================
 * reversed(sequence)
 * ====================================================================== */

typedef struct {
    RpObject_HEAD
    Rp_ssize_t index;   /* next index to fetch; -1 when done */
    RpObject *seq;      /* NULL once exhausted */
} reversedobject;

/* type(seq).__reversed__ bound to seq, borrowed-lookup + bind; NULL if
 * the type has none (no exception), or on error. */
static RpObject *lookup_reversed(RpObject *seq, int *is_none)
{
    RpObject *meth = _RpType_Lookup(Rp_TYPE(seq), RP_ID(__reversed__));
    *is_none = meth == Rp_None;
    if (meth == NULL || meth == Rp_None)
        return NULL;
    descrgetfunc get = Rp_TYPE(meth)->tp_descr_get;
    if (get == NULL)
        return Rp_NewRef(meth);
    return get(meth, seq, (RpObject *)Rp_TYPE(seq));
}

static RpObject *reversed_make(RpTypeObject *type, RpObject *const *args, Rp_ssize_t nargs,
                               RpObject *kwnames)
{
    if (type == &RpReversed_Type && !_RpArg_NoKwnames("reversed", kwnames))
        return NULL;
    if (!_RpArg_CheckPositional("reversed", nargs, 1, 1))
        return NULL;
    RpObject *seq = args[0];
    int is_none;
    RpObject *meth = lookup_reversed(seq, &is_none);
    if (meth != NULL) {
        RpObject *res = RpObject_CallNoArgs(meth);
        Rp_DECREF(meth);
        return res;
    }
    if (RpErr_Occurred())
        return NULL;
    if (is_none || !RpSequence_Check(seq)) {
        RpErr_Format(RpExc_TypeError, "'%.200s' object is not reversible", Rp_TYPE(seq)->tp_name);
        return NULL;
    }
    Rp_ssize_t n = RpObject_Size(seq);
    if (n == -1)
        return NULL;
    reversedobject *ro = (reversedobject *)iter_alloc(type, &RpReversed_Type);
    if (ro == NULL)
        return NULL;
    ro->index = n - 1;
    ro->seq = Rp_NewRef(seq);
    if (!RpObject_GC_IsTracked((RpObject *)ro))
        RpObject_GC_Track(ro);
    return (RpObject *)ro;
}

static RpObject *reversed_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    if (type == &RpReversed_Type && !_RpArg_NoKeywords("reversed", kwds))
        return NULL;
    return new_from_tuple(type, args, NULL, reversed_make);
}

static RpObject *reversed_vectorcall(RpObject *type, RpObject *const *args, size_t nargsf,
                                     RpObject *kwnames)
{
    return reversed_make((RpTypeObject *)type, args, RpVectorcall_NARGS(nargsf), kwnames);
}

static void reversed_dealloc(RpObject *self)
{
    reversedobject *ro = (reversedobject *)self;
    RpObject_GC_UnTrack(ro);
    Rp_XDECREF(ro->seq);
    Rp_TYPE(ro)->tp_free(ro);
}

static int reversed_traverse(RpObject *self, visitproc visit, void *arg)
{
    Rp_VISIT(((reversedobject *)self)->seq);
    return 0;
}

static int reversed_clear(RpObject *self)
{
    Rp_CLEAR(((reversedobject *)self)->seq);
    return 0;
}

static RpObject *reversed_next(RpObject *self)
{
    reversedobject *ro = (reversedobject *)self;
    if (ro->index >= 0 && ro->seq != NULL) {
        RpObject *item = RpSequence_GetItem(ro->seq, ro->index);
        if (item != NULL) {
            ro->index--;
            return item;
        }
        if (!RpErr_ExceptionMatches(RpExc_IndexError) &&
            !RpErr_ExceptionMatches(RpExc_StopIteration))
            return NULL;
        RpErr_Clear();
    }
    ro->index = -1;
    Rp_CLEAR(ro->seq);
    return NULL;
}

static RpObject *reversed_len(RpObject *self, RpObject *unused)
{
    reversedobject *ro = (reversedobject *)self;
    if (ro->seq == NULL)
        return RpLong_FromLong(0);
    Rp_ssize_t seqsize = RpObject_Size(ro->seq);
    if (seqsize == -1)
        return NULL;
    return RpLong_FromSsize_t(seqsize < ro->index + 1 ? 0 : ro->index + 1);
}

static RpMethodDef reversed_methods[] = {
    {"__length_hint__", (RpCFunction)reversed_len, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpReversed_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "reversed",
    .tp_basicsize = sizeof(reversedobject),
    .tp_dealloc = reversed_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_BASETYPE,
    .tp_doc = "Return a reverse iterator over the values of the given sequence.",
    .tp_traverse = reversed_traverse,
    .tp_clear = reversed_clear,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = reversed_next,
    .tp_methods = reversed_methods,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = reversed_new,
    .tp_free = RpObject_GC_Del,
    .tp_vectorcall = reversed_vectorcall,
};
