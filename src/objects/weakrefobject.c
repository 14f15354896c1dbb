/* weakrefobject.c -- weakref.ref (ReferenceType), weakref.proxy
 * (ProxyType, CallableProxyType), and clearing the references of a dying
 * object.
 *
 * Each referent keeps, at its type's tp_weaklistoffset, the head of a
 * doubly linked list of the weak references to it.  The list order is
 * CPython's: the callback-less basic ref (exact ReferenceType) first, then
 * the callback-less basic proxy, then every other reference, the newest
 * first.  ref(o) / proxy(o) without a callback return the existing basic
 * object, which is why the first two positions are reserved.
 *
 * A dead reference has wr_object == Rp_None (not counted).  Reference
 * objects are GC containers: their callback may close over the referent.
 */
#include "rp.h"
#include <stddef.h>

#define ERR_DEAD "weakly-referenced object no longer exists"

static RpWeakReference **weaklist_ptr(RpObject *ob)
{
    return (RpWeakReference **)((char *)ob + Rp_TYPE(ob)->tp_weaklistoffset);
}

/* ---- list maintenance ----------------------------------------------------- */

static void insert_head(RpWeakReference *self, RpWeakReference **list)
{
    RpWeakReference *next = *list;
    self->wr_prev = NULL;
    self->wr_next = next;
    if (next)
        next->wr_prev = self;
    *list = self;
}

static void insert_after(RpWeakReference *self, RpWeakReference *prev)
{
    self->wr_prev = prev;
    self->wr_next = prev->wr_next;
    if (prev->wr_next)
        prev->wr_next->wr_prev = self;
    prev->wr_next = self;
}

/* The callback-less basic ref and proxy, if the list starts with them. */
static void get_basic_refs(RpWeakReference *head, RpWeakReference **refp,
                           RpWeakReference **proxyp)
{
    *refp = *proxyp = NULL;
    if (head != NULL && head->wr_callback == NULL) {
        if (Rp_IS_TYPE(head, &RpWeakref_RefType)) {
            *refp = head;
            head = head->wr_next;
        }
        if (head != NULL && head->wr_callback == NULL && RpWeakref_CheckProxy(head))
            *proxyp = head;
    }
}

/* Unlink from the referent's list and mark dead; the callback stays. */
void _RpWeakref_ClearRef(RpWeakReference *self)
{
    if (self->wr_object == Rp_None || self->wr_object == NULL)
        return;
    RpWeakReference **list = weaklist_ptr(self->wr_object);
    if (*list == self)
        *list = self->wr_next;
    if (self->wr_prev)
        self->wr_prev->wr_next = self->wr_next;
    if (self->wr_next)
        self->wr_next->wr_prev = self->wr_prev;
    self->wr_object = Rp_None;
    self->wr_prev = self->wr_next = NULL;
}

static void clear_weakref(RpWeakReference *self)
{
    _RpWeakref_ClearRef(self);
    Rp_CLEAR(self->wr_callback);
}

Rp_ssize_t _RpWeakref_GetWeakrefCount(RpObject *ob)
{
    if (!RpType_SUPPORTS_WEAKREFS(Rp_TYPE(ob)))
        return 0;
    Rp_ssize_t n = 0;
    for (RpWeakReference *r = *weaklist_ptr(ob); r; r = r->wr_next)
        n++;
    return n;
}

/* ---- the reference object's basic slots ----------------------------------- */

static RpObject *weakref_vectorcall(RpObject *self, RpObject *const *args,
                                    size_t nargsf, RpObject *kwnames);

static void init_weakref(RpWeakReference *self, RpObject *ob, RpObject *callback)
{
    self->hash = -1;
    self->wr_object = ob;
    self->wr_prev = self->wr_next = NULL;
    self->wr_callback = Rp_XNewRef(callback);
    self->vectorcall = weakref_vectorcall;
}

static int weakref_traverse(RpObject *self, visitproc visit, void *arg)
{
    Rp_VISIT(((RpWeakReference *)self)->wr_callback);
    return 0;
}

static int weakref_tp_clear(RpObject *self)
{
    clear_weakref((RpWeakReference *)self);
    return 0;
}

static void weakref_dealloc(RpObject *self)
{
    RpObject_GC_UnTrack(self);
    clear_weakref((RpWeakReference *)self);
    Rp_TYPE(self)->tp_free(self);
}

static int check_weakrefable(RpObject *ob)
{
    if (RpType_SUPPORTS_WEAKREFS(Rp_TYPE(ob)))
        return 0;
    RpErr_Format(RpExc_TypeError, "cannot create weak reference to '%s' object",
                 Rp_TYPE(ob)->tp_name);
    return -1;
}

/* ob(*args) must be called with no argument at all. */
static RpObject *weakref_vectorcall(RpObject *self, RpObject *const *args,
                                    size_t nargsf, RpObject *kwnames)
{
    Rp_ssize_t nargs = RpVectorcall_NARGS(nargsf);
    if (kwnames != NULL && RpTuple_GET_SIZE(kwnames) > 0) {
        RpErr_SetString(RpExc_TypeError, "weakref() takes no keyword arguments");
        return NULL;
    }
    if (nargs != 0) {
        RpErr_Format(RpExc_TypeError, "weakref expected 0 arguments, got %zd", nargs);
        return NULL;
    }
    return Rp_NewRef(((RpWeakReference *)self)->wr_object);
}

static RpObject *weakref_call(RpObject *self, RpObject *args, RpObject *kw)
{
    Rp_ssize_t nkw = (kw != NULL) ? RpDict_GET_SIZE(kw) : 0;
    if (nkw > 0) {
        RpErr_SetString(RpExc_TypeError, "weakref() takes no keyword arguments");
        return NULL;
    }
    return weakref_vectorcall(self, NULL, (size_t)RpTuple_GET_SIZE(args), NULL);
}

static Rp_hash_t weakref_hash(RpObject *op)
{
    RpWeakReference *self = (RpWeakReference *)op;
    if (self->hash != -1)
        return self->hash;
    RpObject *obj = self->wr_object;
    if (obj == Rp_None) {
        RpErr_SetString(RpExc_TypeError, "weak object has gone away");
        return -1;
    }
    Rp_INCREF(obj);
    self->hash = RpObject_Hash(obj);
    Rp_DECREF(obj);
    return self->hash;
}

static RpObject *weakref_repr(RpObject *op)
{
    RpObject *obj = ((RpWeakReference *)op)->wr_object, *name = NULL, *repr;
    if (obj == Rp_None)
        return RpUnicode_FromFormat("<weakref at %p; dead>", (void *)op);
    Rp_INCREF(obj);
    if (_RpObject_LookupAttr(obj, RP_ID(__name__), &name) < 0) {
        Rp_DECREF(obj);
        return NULL;
    }
    if (name == NULL || !RpUnicode_Check(name))
        repr = RpUnicode_FromFormat("<weakref at %p; to '%s' at %p>", (void *)op,
                                    Rp_TYPE(obj)->tp_name, (void *)obj);
    else
        repr = RpUnicode_FromFormat("<weakref at %p; to '%s' at %p (%U)>", (void *)op,
                                    Rp_TYPE(obj)->tp_name, (void *)obj, name);
    Rp_XDECREF(name);
    Rp_DECREF(obj);
    return repr;
}

/* Equal when both referents are alive and equal; dead refs compare by
 * identity. */
static RpObject *weakref_richcompare(RpObject *self, RpObject *other, int op)
{
    if ((op != Rp_EQ && op != Rp_NE) || !RpWeakref_CheckRef(self) || !RpWeakref_CheckRef(other))
        Rp_RETURN_NOTIMPLEMENTED;
    RpObject *a = ((RpWeakReference *)self)->wr_object;
    RpObject *b = ((RpWeakReference *)other)->wr_object;
    if (a == Rp_None || b == Rp_None) {
        int same = self == other;
        return RpBool_FromLong(op == Rp_EQ ? same : !same);
    }
    Rp_INCREF(a);
    Rp_INCREF(b);
    RpObject *res = RpObject_RichCompare(a, b, op);
    Rp_DECREF(a);
    Rp_DECREF(b);
    return res;
}

/* ref(ob[, callback]) -- accepts exactly like CPython: 1 or 2 positional
 * arguments, keywords ignored (subclasses may take their own). */
static int unpack_args(const char *fname, RpObject *args, RpObject **ob, RpObject **callback)
{
    Rp_ssize_t n = RpTuple_GET_SIZE(args);
    if (n < 1) {
        RpErr_Format(RpExc_TypeError, "%s expected at least 1 argument, got %zd", fname, n);
        return -1;
    }
    if (n > 2) {
        RpErr_Format(RpExc_TypeError, "%s expected at most 2 arguments, got %zd", fname, n);
        return -1;
    }
    *ob = RpTuple_GET_ITEM(args, 0);
    *callback = n == 2 ? RpTuple_GET_ITEM(args, 1) : NULL;
    if (*callback == Rp_None)
        *callback = NULL;
    return 0;
}

/* Link a fresh reference (ref or proxy) in its place in the list. */
static void link_new(RpWeakReference *self, RpWeakReference **list, int basic, int is_proxy)
{
    RpWeakReference *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    if (basic && !is_proxy) {
        insert_head(self, list);
        return;
    }
    RpWeakReference *prev = basic ? ref : (proxy ? proxy : ref);
    if (prev == NULL)
        insert_head(self, list);
    else
        insert_after(self, prev);
}

static RpObject *weakref_new(RpTypeObject *type, RpObject *args, RpObject *kwargs)
{
    RpObject *ob, *callback;
    if (unpack_args("__new__", args, &ob, &callback) < 0 || check_weakrefable(ob) < 0)
        return NULL;
    RpWeakReference **list = weaklist_ptr(ob);
    RpWeakReference *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    if (type == &RpWeakref_RefType && callback == NULL && ref != NULL)
        return Rp_NewRef(ref);
    RpWeakReference *self = (RpWeakReference *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    init_weakref(self, ob, callback);
    link_new(self, list, callback == NULL && type == &RpWeakref_RefType, 0);
    if (!RpObject_GC_IsTracked((RpObject *)self))
        RpObject_GC_Track(self);
    return (RpObject *)self;
}

static int weakref_init(RpObject *self, RpObject *args, RpObject *kwargs)
{
    RpObject *ob, *callback;
    return unpack_args("__init__", args, &ob, &callback);
}

static RpMemberDef weakref_members[] = {
    {"__callback__", RP_T_OBJECT, offsetof(RpWeakReference, wr_callback), RP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

RpTypeObject RpWeakref_RefType = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(RpWeakReference),
    .tp_dealloc = weakref_dealloc,
    .tp_vectorcall_offset = offsetof(RpWeakReference, vectorcall),
    .tp_call = weakref_call,
    .tp_repr = weakref_repr,
    .tp_hash = weakref_hash,
    .tp_flags = RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_BASETYPE,
    .tp_traverse = weakref_traverse,
    .tp_clear = weakref_tp_clear,
    .tp_richcompare = weakref_richcompare,
    .tp_members = weakref_members,
    .tp_init = weakref_init,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = weakref_new,
    .tp_free = RpObject_GC_Del,
};

/* ---- creating references from C ------------------------------------------- */

static RpWeakReference *alloc_ref(RpTypeObject *type, RpObject *ob, RpObject *callback)
{
    RpWeakReference *self = RpObject_GC_New(RpWeakReference, type);
    if (self != NULL)
        init_weakref(self, ob, callback);
    return self;
}

RpObject *RpWeakref_NewRef(RpObject *ob, RpObject *callback)
{
    if (check_weakrefable(ob) < 0)
        return NULL;
    if (callback == Rp_None)
        callback = NULL;
    RpWeakReference **list = weaklist_ptr(ob);
    RpWeakReference *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    if (callback == NULL && ref != NULL)
        return Rp_NewRef(ref);
    RpWeakReference *self = alloc_ref(&RpWeakref_RefType, ob, callback);
    if (self == NULL)
        return NULL;
    link_new(self, list, callback == NULL, 0);
    RpObject_GC_Track(self);
    return (RpObject *)self;
}

RpObject *RpWeakref_NewProxy(RpObject *ob, RpObject *callback)
{
    if (check_weakrefable(ob) < 0)
        return NULL;
    if (callback == Rp_None)
        callback = NULL;
    RpWeakReference **list = weaklist_ptr(ob);
    RpWeakReference *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    if (callback == NULL && proxy != NULL)
        return Rp_NewRef(proxy);
    RpTypeObject *type = RpCallable_Check(ob) ? &RpWeakref_CallableProxyType
                                              : &RpWeakref_ProxyType;
    RpWeakReference *self = alloc_ref(type, ob, callback);
    if (self == NULL)
        return NULL;
    link_new(self, list, callback == NULL, 1);
    RpObject_GC_Track(self);
    return (RpObject *)self;
}

RpObject *RpWeakref_GetObject(RpObject *ref)
{
    if (ref == NULL || !(RpWeakref_CheckRef(ref) || RpWeakref_CheckProxy(ref))) {
        RpErr_BadInternalCall();
        return NULL;
    }
    return ((RpWeakReference *)ref)->wr_object;
}

/* ---- clearing when the referent dies -------------------------------------- */

static void handle_callback(RpWeakReference *ref, RpObject *callback)
{
    RpObject *r = RpObject_CallOneArg(callback, (RpObject *)ref);
    if (r == NULL)
        RpErr_WriteUnraisable(callback);
    else
        Rp_DECREF(r);
}

/* Several references with callbacks: clear them all first, then call the
 * callbacks in list order.  Each pending reference is held meanwhile. */
static void clear_and_call_many(RpWeakReference **list, Rp_ssize_t count)
{
    RpObject **pending = RpMem_Malloc(sizeof(RpObject *) * 2 * (size_t)count);
    Rp_ssize_t n = 0;
    while (*list != NULL) {
        RpWeakReference *cur = *list;
        RpObject *cb = cur->wr_callback;
        cur->wr_callback = NULL;
        /* A reference already being freed (count 0) gets no callback. */
        if (pending != NULL && cb != NULL && Rp_REFCNT(cur) > 0) {
            pending[n++] = Rp_NewRef(cur);
            pending[n++] = cb;
        } else {
            Rp_XDECREF(cb);
        }
        clear_weakref(cur);
    }
    for (Rp_ssize_t i = 0; i < n; i += 2) {
        handle_callback((RpWeakReference *)pending[i], pending[i + 1]);
        Rp_DECREF(pending[i + 1]);
        Rp_DECREF(pending[i]);
    }
    RpMem_Free(pending);
}

void RpObject_ClearWeakRefs(RpObject *ob)
{
    if (ob == NULL || !RpType_SUPPORTS_WEAKREFS(Rp_TYPE(ob)))
        return;
    RpWeakReference **list = weaklist_ptr(ob);
    /* The basic ref and proxy have no callback: just clear them. */
    if (*list != NULL && (*list)->wr_callback == NULL) {
        clear_weakref(*list);
        if (*list != NULL && (*list)->wr_callback == NULL)
            clear_weakref(*list);
    }
    if (*list == NULL)
        return;
    RpObject *exc = RpErr_GetRaisedException();
    Rp_ssize_t count = 0;
    for (RpWeakReference *r = *list; r; r = r->wr_next)
        count++;
    if (count == 1) {
        RpWeakReference *cur = *list;
        RpObject *cb = cur->wr_callback;
        cur->wr_callback = NULL;
        clear_weakref(cur);
        if (cb != NULL) {
            if (Rp_REFCNT(cur) > 0) {
                Rp_INCREF(cur);
                handle_callback(cur, cb);
                Rp_DECREF(cur);
            }
            Rp_DECREF(cb);
        }
    } else {
        clear_and_call_many(list, count);
    }
    RpErr_SetRaisedException(exc);
}

/* ---- proxies -------------------------------------------------------------- */

/* Replace *o (borrowed) with a new reference to what it stands for: the
 * referent of a proxy, or itself. -1 with ReferenceError if dead. */
static int unwrap(RpObject **o)
{
    RpObject *x = *o;
    if (RpWeakref_CheckProxy(x)) {
        x = ((RpWeakReference *)x)->wr_object;
        if (x == Rp_None) {
            RpErr_SetString(RpExc_ReferenceError, ERR_DEAD);
            return -1;
        }
    }
    *o = Rp_NewRef(x);
    return 0;
}

static int unwrap2(RpObject **a, RpObject **b)
{
    if (unwrap(a) < 0)
        return -1;
    if (unwrap(b) < 0) {
        Rp_DECREF(*a);
        return -1;
    }
    return 0;
}

#define WRAP_UNARY(name, generic)                       \
    static RpObject *name(RpObject *x)                  \
    {                                                   \
        if (unwrap(&x) < 0)                             \
            return NULL;                                \
        RpObject *res = generic(x);                     \
        Rp_DECREF(x);                                   \
        return res;                                     \
    }

#define WRAP_BINARY(name, generic)                      \
    static RpObject *name(RpObject *x, RpObject *y)     \
    {                                                   \
        if (unwrap2(&x, &y) < 0)                        \
            return NULL;                                \
        RpObject *res = generic(x, y);                  \
        Rp_DECREF(x);                                   \
        Rp_DECREF(y);                                   \
        return res;                                     \
    }

#define WRAP_TERNARY(name, generic)                                 \
    static RpObject *name(RpObject *x, RpObject *y, RpObject *z)    \
    {                                                               \
        if (unwrap2(&x, &y) < 0)                                    \
            return NULL;                                            \
        RpObject *res = NULL;                                       \
        if (unwrap(&z) == 0) {                                      \
            res = generic(x, y, z);                                 \
            Rp_DECREF(z);                                           \
        }                                                           \
        Rp_DECREF(x);                                               \
        Rp_DECREF(y);                                               \
        return res;                                                 \
    }

WRAP_UNARY(proxy_str, RpObject_Str)
WRAP_UNARY(proxy_neg, RpNumber_Negative)
WRAP_UNARY(proxy_pos, RpNumber_Positive)
WRAP_UNARY(proxy_abs, RpNumber_Absolute)
WRAP_UNARY(proxy_invert, RpNumber_Invert)
WRAP_UNARY(proxy_int, RpNumber_Long)
WRAP_UNARY(proxy_float, RpNumber_Float)
WRAP_UNARY(proxy_index, RpNumber_Index)
WRAP_UNARY(proxy_iter, RpObject_GetIter)
WRAP_BINARY(proxy_add, RpNumber_Add)
WRAP_BINARY(proxy_sub, RpNumber_Subtract)
WRAP_BINARY(proxy_mul, RpNumber_Multiply)
WRAP_BINARY(proxy_mod, RpNumber_Remainder)
WRAP_BINARY(proxy_divmod, RpNumber_Divmod)
WRAP_BINARY(proxy_lshift, RpNumber_Lshift)
WRAP_BINARY(proxy_rshift, RpNumber_Rshift)
WRAP_BINARY(proxy_and, RpNumber_And)
WRAP_BINARY(proxy_xor, RpNumber_Xor)
WRAP_BINARY(proxy_or, RpNumber_Or)
WRAP_BINARY(proxy_floordiv, RpNumber_FloorDivide)
WRAP_BINARY(proxy_truediv, RpNumber_TrueDivide)
WRAP_BINARY(proxy_matmul, RpNumber_MatrixMultiply)
WRAP_BINARY(proxy_iadd, RpNumber_InPlaceAdd)
WRAP_BINARY(proxy_isub, RpNumber_InPlaceSubtract)
WRAP_BINARY(proxy_imul, RpNumber_InPlaceMultiply)
WRAP_BINARY(proxy_imod, RpNumber_InPlaceRemainder)
WRAP_BINARY(proxy_ilshift, RpNumber_InPlaceLshift)
WRAP_BINARY(proxy_irshift, RpNumber_InPlaceRshift)
WRAP_BINARY(proxy_iand, RpNumber_InPlaceAnd)
WRAP_BINARY(proxy_ixor, RpNumber_InPlaceXor)
WRAP_BINARY(proxy_ior, RpNumber_InPlaceOr)
WRAP_BINARY(proxy_ifloordiv, RpNumber_InPlaceFloorDivide)
WRAP_BINARY(proxy_itruediv, RpNumber_InPlaceTrueDivide)
WRAP_BINARY(proxy_imatmul, RpNumber_InPlaceMatrixMultiply)
WRAP_BINARY(proxy_getitem, RpObject_GetItem)
WRAP_BINARY(proxy_getattr, RpObject_GetAttr)
WRAP_TERNARY(proxy_pow, RpNumber_Power)
WRAP_TERNARY(proxy_ipow, RpNumber_InPlacePower)

static RpObject *proxy_richcompare(RpObject *x, RpObject *y, int op)
{
    if (unwrap2(&x, &y) < 0)
        return NULL;
    RpObject *res = RpObject_RichCompare(x, y, op);
    Rp_DECREF(x);
    Rp_DECREF(y);
    return res;
}

static int proxy_setattr(RpObject *x, RpObject *name, RpObject *v)
{
    if (unwrap(&x) < 0)
        return -1;
    int r = v ? RpObject_SetAttr(x, name, v) : RpObject_DelAttr(x, name);
    Rp_DECREF(x);
    return r;
}

static int proxy_bool(RpObject *x)
{
    if (unwrap(&x) < 0)
        return -1;
    int r = RpObject_IsTrue(x);
    Rp_DECREF(x);
    return r;
}

static Rp_ssize_t proxy_length(RpObject *x)
{
    if (unwrap(&x) < 0)
        return -1;
    Rp_ssize_t r = RpObject_Size(x);
    Rp_DECREF(x);
    return r;
}

static int proxy_contains(RpObject *x, RpObject *v)
{
    if (unwrap(&x) < 0)
        return -1;
    int r = RpSequence_Contains(x, v);
    Rp_DECREF(x);
    return r;
}

static int proxy_setitem(RpObject *x, RpObject *key, RpObject *v)
{
    if (unwrap(&x) < 0)
        return -1;
    int r = v ? RpObject_SetItem(x, key, v) : RpObject_DelItem(x, key);
    Rp_DECREF(x);
    return r;
}

static RpObject *proxy_iternext(RpObject *x)
{
    if (unwrap(&x) < 0)
        return NULL;
    RpObject *res = NULL;
    if (!RpIter_Check(x))
        RpErr_Format(RpExc_TypeError,
                     "Weakref proxy referenced a non-iterator '%.200s' object",
                     Rp_TYPE(x)->tp_name);
    else
        res = Rp_TYPE(x)->tp_iternext(x);
    Rp_DECREF(x);
    return res;
}

static RpObject *proxy_call(RpObject *x, RpObject *args, RpObject *kw)
{
    if (unwrap(&x) < 0)
        return NULL;
    RpObject *res = RpObject_Call(x, args, kw);
    Rp_DECREF(x);
    return res;
}

static RpObject *proxy_repr(RpObject *proxy)
{
    RpObject *obj = ((RpWeakReference *)proxy)->wr_object;
    return RpUnicode_FromFormat("<weakproxy at %p to %s at %p>", (void *)proxy,
                                Rp_TYPE(obj)->tp_name, (void *)obj);
}

static RpObject *proxy_bytes(RpObject *x, RpObject *unused)
{
    if (unwrap(&x) < 0)
        return NULL;
    RpObject *res = RpObject_CallMethod0(x, "__bytes__");
    Rp_DECREF(x);
    return res;
}

static RpObject *proxy_reversed(RpObject *x, RpObject *unused)
{
    if (unwrap(&x) < 0)
        return NULL;
    RpObject *res = RpObject_CallMethod0(x, "__reversed__");
    Rp_DECREF(x);
    return res;
}

static RpMethodDef proxy_methods[] = {
    {"__bytes__", (RpCFunction)proxy_bytes, RP_METH_NOARGS, NULL},
    {"__reversed__", (RpCFunction)proxy_reversed, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static RpNumberMethods proxy_as_number = {
    .nb_add = proxy_add, .nb_subtract = proxy_sub, .nb_multiply = proxy_mul,
    .nb_remainder = proxy_mod, .nb_divmod = proxy_divmod, .nb_power = proxy_pow,
    .nb_negative = proxy_neg, .nb_positive = proxy_pos, .nb_absolute = proxy_abs,
    .nb_bool = proxy_bool, .nb_invert = proxy_invert,
    .nb_lshift = proxy_lshift, .nb_rshift = proxy_rshift, .nb_and = proxy_and,
    .nb_xor = proxy_xor, .nb_or = proxy_or, .nb_int = proxy_int, .nb_float = proxy_float,
    .nb_inplace_add = proxy_iadd, .nb_inplace_subtract = proxy_isub,
    .nb_inplace_multiply = proxy_imul, .nb_inplace_remainder = proxy_imod,
    .nb_inplace_power = proxy_ipow, .nb_inplace_lshift = proxy_ilshift,
    .nb_inplace_rshift = proxy_irshift, .nb_inplace_and = proxy_iand,
    .nb_inplace_xor = proxy_ixor, .nb_inplace_or = proxy_ior,
    .nb_floor_divide = proxy_floordiv, .nb_true_divide = proxy_truediv,
    .nb_inplace_floor_divide = proxy_ifloordiv, .nb_inplace_true_divide = proxy_itruediv,
    .nb_index = proxy_index, .nb_matrix_multiply = proxy_matmul,
    .nb_inplace_matrix_multiply = proxy_imatmul,
};

static RpSequenceMethods proxy_as_sequence = {
    .sq_contains = proxy_contains,
};

static RpMappingMethods proxy_as_mapping = {
    .mp_length = proxy_length,
    .mp_subscript = proxy_getitem,
    .mp_ass_subscript = proxy_setitem,
};

#define PROXY_TYPE_BODY                                         \
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),          \
    .tp_basicsize = sizeof(RpWeakReference),                    \
    .tp_dealloc = weakref_dealloc,                              \
    .tp_as_number = &proxy_as_number,                           \
    .tp_as_sequence = &proxy_as_sequence,                       \
    .tp_as_mapping = &proxy_as_mapping,                         \
    .tp_hash = RpObject_HashNotImplemented,                     \
    .tp_repr = proxy_repr,                                      \
    .tp_str = proxy_str,                                        \
    .tp_getattro = proxy_getattr,                               \
    .tp_setattro = proxy_setattr,                               \
    .tp_flags = RP_TPFLAGS_HAVE_GC,                             \
    .tp_traverse = weakref_traverse,                            \
    .tp_clear = weakref_tp_clear,                               \
    .tp_richcompare = proxy_richcompare,                        \
    .tp_iter = proxy_iter,                                      \
    .tp_iternext = proxy_iternext,                              \
    .tp_methods = proxy_methods,                                \
    .tp_free = RpObject_GC_Del

RpTypeObject RpWeakref_ProxyType = {
    PROXY_TYPE_BODY,
    .tp_name = "weakref.ProxyType",
};

RpTypeObject RpWeakref_CallableProxyType = {
    PROXY_TYPE_BODY,
    .tp_name = "weakref.CallableProxyType",
    .tp_call = proxy_call,
};
