/* memoryobject.c -- memoryview over bytes and bytearray (one-dimensional,
 * format 'B').  A view holds its object and reads the buffer pointer on
 * every access, so a bytearray that is resized meanwhile is still read
 * safely (CPython forbids the resize instead; refpy bounds-checks). */
#include "rp.h"
#include "objects/memoryview.h"

typedef struct {
    RpObject_HEAD
    RpObject *obj;          /* bytes, bytearray, or NULL once released */
    Rp_ssize_t start, len;  /* the window into obj's bytes */
    int readonly;
    RpObject *weakreflist;
} mvobject;

/* The bytes of the underlying object, or NULL with ValueError if released. */
static char *mv_data(mvobject *v, Rp_ssize_t *len)
{
    if (v->obj == NULL) {
        RpErr_SetString(RpExc_ValueError, "operation forbidden on released memoryview object");
        return NULL;
    }
    const char *p;
    Rp_ssize_t n;
    _RpBytes_View(v->obj, &p, &n);
    Rp_ssize_t avail = n - v->start;
    *len = v->len < avail ? v->len : (avail > 0 ? avail : 0);
    return (char *)p + v->start;
}

int _RpMemoryView_View(RpObject *o, const char **p, Rp_ssize_t *n)
{
    if (!Rp_IS_TYPE(o, &RpMemoryView_Type))
        return 0;
    char *d = mv_data((mvobject *)o, n);
    if (d == NULL) {
        RpErr_Clear();
        *n = 0;
        *p = "";
        return 1;
    }
    *p = d;
    return 1;
}

static RpObject *new_view(RpObject *obj, Rp_ssize_t start, Rp_ssize_t len, int readonly)
{
    mvobject *v = RpObject_GC_New(mvobject, &RpMemoryView_Type);
    if (v == NULL)
        return NULL;
    v->obj = Rp_NewRef(obj);
    v->start = start;
    v->len = len;
    v->readonly = readonly;
    RpObject_GC_Track(v);
    return (RpObject *)v;
}

RpObject *RpMemoryView_FromObject(RpObject *o)
{
    if (Rp_IS_TYPE(o, &RpMemoryView_Type)) {
        mvobject *src = (mvobject *)o;
        Rp_ssize_t n;
        if (mv_data(src, &n) == NULL)
            return NULL;
        return new_view(src->obj, src->start, n, src->readonly);
    }
    const char *p;
    Rp_ssize_t n;
    if (!_RpBytes_View(o, &p, &n))
        return RpErr_Format(RpExc_TypeError,
                            "memoryview: a bytes-like object is required, not '%s'",
                            _RpType_Name(Rp_TYPE(o)));
    return new_view(o, 0, n, !RpByteArray_Check(o));
}

static RpObject *mv_new(RpTypeObject *t, RpObject *args, RpObject *kwds)
{
    if (kwds && RpDict_GET_SIZE(kwds) && !(RpDict_GET_SIZE(kwds) == 1 &&
                                          RpDict_GetItemString(kwds, "object")))
        return RpErr_Format(RpExc_TypeError, "memoryview() got an unexpected keyword argument");
    RpObject *o = RpTuple_GET_SIZE(args) == 1 ? RpTuple_GET_ITEM(args, 0)
                  : kwds ? RpDict_GetItemString(kwds, "object") : NULL;
    if (o == NULL || RpTuple_GET_SIZE(args) > 1)
        return RpErr_Format(RpExc_TypeError, "memoryview() takes exactly one argument");
    return RpMemoryView_FromObject(o);
}

static int mv_traverse(RpObject *self, visitproc visit, void *arg)
{
    Rp_VISIT(((mvobject *)self)->obj);
    return 0;
}

static int mv_clear(RpObject *self)
{
    Rp_CLEAR(((mvobject *)self)->obj);
    return 0;
}

static void mv_dealloc(RpObject *self)
{
    RpObject_GC_UnTrack(self);
    if (((mvobject *)self)->weakreflist)
        RpObject_ClearWeakRefs(self);
    mv_clear(self);
    RpObject_GC_Del(self);
}

static Rp_ssize_t mv_length(RpObject *self)
{
    Rp_ssize_t n;
    return mv_data((mvobject *)self, &n) ? n : -1;
}

static RpObject *mv_item(RpObject *self, Rp_ssize_t i)
{
    Rp_ssize_t n;
    char *d = mv_data((mvobject *)self, &n);
    if (d == NULL)
        return NULL;
    if (i < 0 || i >= n)
        return RpErr_Format(RpExc_IndexError, "index out of bounds on dimension 1");
    return RpLong_FromLong((unsigned char)d[i]);
}

static RpObject *mv_subscript(RpObject *self, RpObject *key)
{
    mvobject *v = (mvobject *)self;
    Rp_ssize_t n;
    if (mv_data(v, &n) == NULL)
        return NULL;
    if (RpSlice_Check(key)) {
        Rp_ssize_t start, stop, step;
        if (RpSlice_Unpack(key, &start, &stop, &step) < 0)
            return NULL;
        Rp_ssize_t len = RpSlice_AdjustIndices(n, &start, &stop, step);
        if (step != 1) {
            /* a strided view: refpy copies it into new bytes */
            RpObject *b = RpBytes_FromStringAndSize(NULL, len);
            char *d = mv_data(v, &n);
            if (b == NULL || d == NULL) {
                Rp_XDECREF(b);
                return NULL;
            }
            for (Rp_ssize_t i = 0; i < len; i++)
                RpBytes_AS_STRING(b)[i] = d[start + i * step];
            RpObject *r = new_view(b, 0, len, 1);
            Rp_DECREF(b);
            return r;
        }
        return new_view(v->obj, v->start + start, len, v->readonly);
    }
    Rp_ssize_t i = RpNumber_AsSsize_t(key, RpExc_IndexError);
    if (i == -1 && RpErr_Occurred()) {
        if (RpErr_ExceptionMatches(RpExc_TypeError)) {
            RpErr_Clear();
            RpErr_SetString(RpExc_TypeError, "memoryview: invalid slice key");
        }
        return NULL;
    }
    return mv_item(self, i < 0 ? i + n : i);
}

static int mv_ass_subscript(RpObject *self, RpObject *key, RpObject *value)
{
    mvobject *v = (mvobject *)self;
    Rp_ssize_t n;
    char *d = mv_data(v, &n);
    if (d == NULL)
        return -1;
    if (v->readonly) {
        RpErr_SetString(RpExc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (value == NULL) {
        RpErr_SetString(RpExc_TypeError, "cannot delete memory");
        return -1;
    }
    if (RpSlice_Check(key)) {
        Rp_ssize_t start, stop, step, m;
        const char *src;
        if (RpSlice_Unpack(key, &start, &stop, &step) < 0)
            return -1;
        Rp_ssize_t len = RpSlice_AdjustIndices(n, &start, &stop, step);
        if (!_RpBytes_View(value, &src, &m) && !_RpMemoryView_View(value, &src, &m)) {
            RpErr_Format(RpExc_TypeError, "a bytes-like object is required, not '%s'",
                         _RpType_Name(Rp_TYPE(value)));
            return -1;
        }
        if (m != len) {
            RpErr_SetString(RpExc_ValueError,
                            "memoryview assignment: lvalue and rvalue have different structures");
            return -1;
        }
        for (Rp_ssize_t i = 0; i < len; i++)
            d[start + i * step] = src[i];
        return 0;
    }
    Rp_ssize_t i = RpNumber_AsSsize_t(key, RpExc_IndexError);
    if (i == -1 && RpErr_Occurred())
        return -1;
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        RpErr_SetString(RpExc_IndexError, "index out of bounds on dimension 1");
        return -1;
    }
    long b = RpLong_AsLong(value);
    if (b == -1 && RpErr_Occurred())
        return -1;
    if (b < 0 || b > 255) {
        RpErr_SetString(RpExc_ValueError, "memoryview: invalid value for format 'B'");
        return -1;
    }
    d[i] = (char)b;
    return 0;
}

static RpObject *mv_tobytes(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                            RpObject *kwnames)
{
    Rp_ssize_t n;
    char *d = mv_data((mvobject *)self, &n);
    return d ? RpBytes_FromStringAndSize(d, n) : NULL;
}

static RpObject *mv_tolist(RpObject *self, RpObject *unused)
{
    Rp_ssize_t n;
    char *d = mv_data((mvobject *)self, &n);
    if (d == NULL)
        return NULL;
    RpObject *l = RpList_New(n);
    for (Rp_ssize_t i = 0; l && i < n; i++) {
        RpObject *b = RpLong_FromLong((unsigned char)d[i]);
        if (b == NULL) {
            Rp_CLEAR(l);
            break;
        }
        RpList_SET_ITEM(l, i, b);
    }
    return l;
}

static RpObject *mv_hex(RpObject *self, RpObject *unused)
{
    RpObject *b = mv_tobytes(self, NULL, 0, NULL);
    if (b == NULL)
        return NULL;
    RpObject *r = RpObject_CallMethod0(b, "hex");
    Rp_DECREF(b);
    return r;
}

static RpObject *mv_release(RpObject *self, RpObject *unused)
{
    Rp_CLEAR(((mvobject *)self)->obj);
    Rp_RETURN_NONE;
}

static RpObject *mv_enter(RpObject *self, RpObject *unused)
{
    Rp_ssize_t n;
    if (mv_data((mvobject *)self, &n) == NULL)
        return NULL;
    return Rp_NewRef(self);
}

static RpObject *mv_exit(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    return mv_release(self, NULL);
}

static RpObject *mv_richcompare(RpObject *a, RpObject *b, int op)
{
    if (op != Rp_EQ && op != Rp_NE)
        Rp_RETURN_NOTIMPLEMENTED;
    const char *pa, *pb;
    Rp_ssize_t na, nb;
    if (!_RpMemoryView_View(a, &pa, &na) ||
        (!_RpBytes_View(b, &pb, &nb) && !_RpMemoryView_View(b, &pb, &nb)))
        Rp_RETURN_NOTIMPLEMENTED;
    int eq = na == nb && memcmp(pa, pb, (size_t)na) == 0;
    return RpBool_FromLong(op == Rp_EQ ? eq : !eq);
}

static RpObject *mv_repr(RpObject *self)
{
    if (((mvobject *)self)->obj == NULL)
        return RpUnicode_FromFormat("<released memory at %p>", (void *)self);
    return RpUnicode_FromFormat("<memory at %p>", (void *)self);
}

static RpObject *mv_iter(RpObject *self)
{
    Rp_ssize_t n;
    if (mv_data((mvobject *)self, &n) == NULL)
        return NULL;
    return RpSeqIter_New(self);
}

#define FAST(f) ((RpCFunction)(void (*)(void))(f))
static RpMethodDef mv_methods[] = {
    {"tobytes", FAST(mv_tobytes), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"tolist", mv_tolist, RP_METH_NOARGS, NULL},
    {"hex", mv_hex, RP_METH_NOARGS, NULL},
    {"release", mv_release, RP_METH_NOARGS, NULL},
    {"__enter__", mv_enter, RP_METH_NOARGS, NULL},
    {"__exit__", FAST(mv_exit), RP_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

static RpObject *get_obj(RpObject *self, void *c)
{
    RpObject *o = ((mvobject *)self)->obj;
    if (o == NULL)
        return RpErr_Format(RpExc_ValueError, "operation forbidden on released memoryview object");
    return Rp_NewRef(o);
}
static RpObject *get_nbytes(RpObject *self, void *c)
{
    Rp_ssize_t n;
    return mv_data((mvobject *)self, &n) ? RpLong_FromSsize_t(n) : NULL;
}
static RpObject *get_readonly(RpObject *self, void *c) { return RpBool_FromLong(((mvobject *)self)->readonly); }
static RpObject *get_one(RpObject *self, void *c) { return RpLong_FromLong(1); }
static RpObject *get_format(RpObject *self, void *c) { return RpUnicode_FromString("B"); }
static RpObject *get_shape(RpObject *self, void *c)
{
    Rp_ssize_t n;
    if (mv_data((mvobject *)self, &n) == NULL)
        return NULL;
    RpObject *len = RpLong_FromSsize_t(n);
    RpObject *t = len ? RpTuple_Pack(1, len) : NULL;
    Rp_XDECREF(len);
    return t;
}
static RpObject *get_strides(RpObject *self, void *c)
{
    RpObject *one = RpLong_FromLong(1);
    RpObject *t = one ? RpTuple_Pack(1, one) : NULL;
    Rp_XDECREF(one);
    return t;
}
static RpObject *get_released(RpObject *self, void *c) { return RpBool_FromLong(((mvobject *)self)->obj == NULL); }

static RpGetSetDef mv_getset[] = {
    {"obj", get_obj, NULL, NULL, NULL},
    {"nbytes", get_nbytes, NULL, NULL, NULL},
    {"readonly", get_readonly, NULL, NULL, NULL},
    {"itemsize", get_one, NULL, NULL, NULL},
    {"ndim", get_one, NULL, NULL, NULL},
    {"format", get_format, NULL, NULL, NULL},
    {"shape", get_shape, NULL, NULL, NULL},
    {"strides", get_strides, NULL, NULL, NULL},
    {"released", get_released, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static RpSequenceMethods mv_as_sequence = {.sq_length = mv_length, .sq_item = mv_item};
static RpMappingMethods mv_as_mapping = {.mp_length = mv_length, .mp_subscript = mv_subscript,
                                         .mp_ass_subscript = mv_ass_subscript};

RpTypeObject RpMemoryView_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "memoryview",
    .tp_basicsize = sizeof(mvobject),
    .tp_dealloc = mv_dealloc,
    .tp_as_sequence = &mv_as_sequence,
    .tp_as_mapping = &mv_as_mapping,
    .tp_hash = RpObject_HashNotImplemented,
    .tp_repr = mv_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = mv_traverse,
    .tp_clear = mv_clear,
    .tp_richcompare = mv_richcompare,
    .tp_weaklistoffset = offsetof(mvobject, weakreflist),
    .tp_iter = mv_iter,
    .tp_methods = mv_methods,
    .tp_getset = mv_getset,
    .tp_new = mv_new,
};
