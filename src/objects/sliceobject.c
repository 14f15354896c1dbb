/* sliceobject.c -- the slice type and slice-index arithmetic.
 *
 * A slice holds three arbitrary objects.  RpSlice_Unpack turns them into
 * C integers (clamped to the Rp_ssize_t range, None replaced by the
 * defaults for the step's direction) and RpSlice_AdjustIndices clips them
 * against a length; every sequence type slices through this pair, so
 * a[::-1], a[-100:] and friends behave alike everywhere.
 *
 * Slices are GC-tracked (as in CPython): a slice may hold a list that
 * holds the slice.
 */
#include "rp.h"

int _RpSlice_Index(RpObject *v, Rp_ssize_t *pi)
{
    if (v == Rp_None)
        return 1;
    if (!RpIndex_Check(v)) {
        RpErr_SetString(RpExc_TypeError,
                        "slice indices must be integers or None or have an __index__ method");
        return 0;
    }
    Rp_ssize_t x = RpNumber_AsSsize_t(v, NULL);   /* clamps on overflow */
    if (x == -1 && RpErr_Occurred())
        return 0;
    *pi = x;
    return 1;
}

int _RpSlice_IndexNotNone(RpObject *v, Rp_ssize_t *pi)
{
    if (!RpIndex_Check(v)) {
        RpErr_SetString(RpExc_TypeError,
                        "slice indices must be integers or have an __index__ method");
        return 0;
    }
    Rp_ssize_t x = RpNumber_AsSsize_t(v, NULL);
    if (x == -1 && RpErr_Occurred())
        return 0;
    *pi = x;
    return 1;
}

RpObject *RpSlice_New(RpObject *start, RpObject *stop, RpObject *step)
{
    RpSliceObject *obj = RpObject_GC_New(RpSliceObject, &RpSlice_Type);
    if (obj == NULL)
        return NULL;
    obj->start = Rp_NewRef(start ? start : Rp_None);
    obj->stop = Rp_NewRef(stop ? stop : Rp_None);
    obj->step = Rp_NewRef(step ? step : Rp_None);
    RpObject_GC_Track(obj);
    return (RpObject *)obj;
}

int RpSlice_Unpack(RpObject *_r, Rp_ssize_t *start, Rp_ssize_t *stop, Rp_ssize_t *step)
{
    RpSliceObject *r = (RpSliceObject *)_r;
    *step = 1;
    if (!_RpSlice_Index(r->step, step))
        return -1;
    if (*step == 0) {
        RpErr_SetString(RpExc_ValueError, "slice step cannot be zero");
        return -1;
    }
    /* Keep -step representable. */
    if (*step < -RP_SSIZE_T_MAX)
        *step = -RP_SSIZE_T_MAX;
    *start = *step < 0 ? RP_SSIZE_T_MAX : 0;
    if (!_RpSlice_Index(r->start, start))
        return -1;
    *stop = *step < 0 ? RP_SSIZE_T_MIN : RP_SSIZE_T_MAX;
    if (!_RpSlice_Index(r->stop, stop))
        return -1;
    return 0;
}

static void adjust_one(Rp_ssize_t length, Rp_ssize_t *v, Rp_ssize_t step)
{
    if (*v < 0) {
        *v += length;
        if (*v < 0)
            *v = step < 0 ? -1 : 0;
    } else if (*v >= length) {
        *v = step < 0 ? length - 1 : length;
    }
}

Rp_ssize_t RpSlice_AdjustIndices(Rp_ssize_t length, Rp_ssize_t *start, Rp_ssize_t *stop,
                                 Rp_ssize_t step)
{
    adjust_one(length, start, step);
    adjust_one(length, stop, step);
    if (step < 0) {
        if (*stop < *start)
            return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

/* ---- the type ------------------------------------------------------------------- */

static void slice_dealloc(RpObject *self)
{
    RpSliceObject *r = (RpSliceObject *)self;
    RpObject_GC_UnTrack(r);
    Rp_DECREF(r->step);
    Rp_DECREF(r->start);
    Rp_DECREF(r->stop);
    RpObject_GC_Del(r);
}

static int slice_traverse(RpObject *self, visitproc visit, void *arg)
{
    RpSliceObject *r = (RpSliceObject *)self;
    Rp_VISIT(r->start);
    Rp_VISIT(r->stop);
    Rp_VISIT(r->step);
    return 0;
}

/* Slices are immutable, so a cycle through one is broken by clearing its
 * fields to None (keeps the object valid for anyone still looking). */
static int slice_clear(RpObject *self)
{
    RpSliceObject *r = (RpSliceObject *)self;
    Rp_SETREF(r->start, Rp_NewRef(Rp_None));
    Rp_SETREF(r->stop, Rp_NewRef(Rp_None));
    Rp_SETREF(r->step, Rp_NewRef(Rp_None));
    return 0;
}

static RpObject *slice_repr(RpObject *self)
{
    RpSliceObject *r = (RpSliceObject *)self;
    return RpUnicode_FromFormat("slice(%R, %R, %R)", r->start, r->stop, r->step);
}

static RpObject *slice_as_tuple(RpObject *s)
{
    RpSliceObject *r = (RpSliceObject *)s;
    return RpTuple_Pack(3, r->start, r->stop, r->step);
}

static RpObject *slice_richcompare(RpObject *v, RpObject *w, int op)
{
    if (!RpSlice_Check(v) || !RpSlice_Check(w))
        Rp_RETURN_NOTIMPLEMENTED;
    RpObject *t1 = slice_as_tuple(v), *t2 = t1 ? slice_as_tuple(w) : NULL;
    RpObject *res = t2 ? RpObject_RichCompare(t1, t2, op) : NULL;
    Rp_XDECREF(t1);
    Rp_XDECREF(t2);
    return res;
}

static RpObject *slice_indices(RpObject *self, RpObject *len)
{
    Rp_ssize_t length = RpNumber_AsSsize_t(len, RpExc_OverflowError);
    if (length == -1 && RpErr_Occurred())
        return NULL;
    if (length < 0) {
        RpErr_SetString(RpExc_ValueError, "length should not be negative");
        return NULL;
    }
    Rp_ssize_t start, stop, step;
    if (RpSlice_Unpack(self, &start, &stop, &step) < 0)
        return NULL;
    RpSlice_AdjustIndices(length, &start, &stop, step);
    RpObject *a = RpLong_FromSsize_t(start), *b = RpLong_FromSsize_t(stop);
    RpObject *c = RpLong_FromSsize_t(step), *res = NULL;
    if (a && b && c)
        res = RpTuple_Pack(3, a, b, c);
    Rp_XDECREF(a);
    Rp_XDECREF(b);
    Rp_XDECREF(c);
    return res;
}

static RpObject *slice_reduce(RpObject *self, RpObject *unused)
{
    RpObject *args = slice_as_tuple(self);
    if (args == NULL)
        return NULL;
    RpObject *res = RpTuple_Pack(2, (RpObject *)Rp_TYPE(self), args);
    Rp_DECREF(args);
    return res;
}

static RpObject *slice_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    if (!_RpArg_NoKeywords("slice", kwds))
        return NULL;
    Rp_ssize_t n = Rp_SIZE(args);
    if (!_RpArg_CheckPositional("slice", n, 1, 3))
        return NULL;
    if (n == 1)
        return RpSlice_New(NULL, RpTuple_GET_ITEM(args, 0), NULL);
    return RpSlice_New(RpTuple_GET_ITEM(args, 0), RpTuple_GET_ITEM(args, 1),
                       n > 2 ? RpTuple_GET_ITEM(args, 2) : NULL);
}

static RpMemberDef slice_members[] = {
    {"start", RP_T_OBJECT, offsetof(RpSliceObject, start), RP_READONLY, NULL},
    {"stop", RP_T_OBJECT, offsetof(RpSliceObject, stop), RP_READONLY, NULL},
    {"step", RP_T_OBJECT, offsetof(RpSliceObject, step), RP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static RpMethodDef slice_methods[] = {
    {"indices", (RpCFunction)slice_indices, RP_METH_O,
     "Assuming a sequence of length len, calculate the start and stop indices, and the "
     "stride length of the extended slice described by S."},
    {"__reduce__", (RpCFunction)slice_reduce, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpSlice_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "slice",
    .tp_basicsize = sizeof(RpSliceObject),
    .tp_dealloc = slice_dealloc,
    .tp_hash = RpObject_HashNotImplemented,
    .tp_repr = slice_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])",
    .tp_traverse = slice_traverse,
    .tp_clear = slice_clear,
    .tp_richcompare = slice_richcompare,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
    .tp_new = slice_new,
    .tp_free = RpObject_GC_Del,
};
