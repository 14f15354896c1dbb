/* typeslots.c -- the two directions between C slots and dunder methods.
 *
 *   C slot -> Python: a static type that fills nb_add gets `__add__` and
 *   `__radd__` in its dict, as slot wrapper descriptors (int.__add__),
 *   built by _RpType_AddOperators from the table below.
 *
 *   Python -> C slot: a class that defines __add__ (or __radd__) gets its
 *   nb_add pointed at slot_nb_add, which looks the method up on the type
 *   and calls it.  _RpType_FixupSlots does this at class creation and
 *   _RpType_UpdateSlot when a class attribute is assigned later.  When
 *   the name resolves to a slot wrapper of a C type (a class that
 *   inherits list.__len__), the slot gets the wrapped C function itself,
 *   so subclasses of builtins keep their speed.
 *
 * The table lists every (name, slot) pair; several names may feed one
 * slot (__add__/__radd__ -> nb_add, __lt__..__ge__ -> tp_richcompare) and
 * one name may feed several slots (__len__ -> mp_length and sq_length).
 */
#include "rp.h"

enum { IN_TYPE, IN_NUMBER, IN_SEQUENCE, IN_MAPPING };

typedef struct SlotDef {
    const char *name;
    int where;              /* which struct holds the slot */
    size_t offset;          /* of the slot inside that struct */
    void *function;         /* heap-type implementation (calls the method), or NULL */
    wrapperfunc wrapper;    /* exposes the C slot as a method */
    int flags;              /* RP_WRAPPER_KEYWORDS */
    const char *doc;
    RpObject *name_obj;     /* interned name (set by _RpType_InitSlotDefs) */
} SlotDef;

/* ---- helpers for the slot functions ------------------------------------------ */

/* Look name up on type(self) and bind it if it is not a plain method.
 * *unbound tells the caller to pass self as first argument.  New reference,
 * or NULL without exception when the type lacks the name. */
static RpObject *lookup_maybe_method(RpObject *self, RpObject *name, int *unbound)
{
    RpObject *res = _RpType_Lookup(Rp_TYPE(self), name);
    if (res == NULL)
        return NULL;
    if (RpType_HasFeature(Rp_TYPE(res), RP_TPFLAGS_METHOD_DESCRIPTOR)) {
        *unbound = 1;
        return Rp_NewRef(res);
    }
    *unbound = 0;
    descrgetfunc f = Rp_TYPE(res)->tp_descr_get;
    if (f == NULL)
        return Rp_NewRef(res);
    return f(res, self, (RpObject *)Rp_TYPE(self));
}

/* self.name(*args) with special-method lookup; nargs <= 3. */
static RpObject *call_method_args(RpObject *self, RpObject *func, int unbound,
                                  RpObject *const *args, Rp_ssize_t nargs)
{
    RpObject *stack[4];
    Rp_ssize_t n = 0;
    if (unbound)
        stack[n++] = self;
    for (Rp_ssize_t i = 0; i < nargs; i++)
        stack[n++] = args[i];
    return RpObject_Vectorcall(func, stack, (size_t)n, NULL);
}

/* Call a special method that must exist (AttributeError otherwise). */
static RpObject *vcall_method(RpObject *self, RpObject *name, RpObject *const *args, Rp_ssize_t nargs)
{
    int unbound;
    RpObject *func = lookup_maybe_method(self, name, &unbound);
    if (func == NULL) {
        if (!RpErr_Occurred())
            RpErr_SetObject(RpExc_AttributeError, name);
        return NULL;
    }
    RpObject *res = call_method_args(self, func, unbound, args, nargs);
    Rp_DECREF(func);
    return res;
}

/* Like vcall_method but a missing method gives NotImplemented. */
static RpObject *vcall_maybe(RpObject *self, RpObject *name, RpObject *const *args, Rp_ssize_t nargs)
{
    int unbound;
    RpObject *func = lookup_maybe_method(self, name, &unbound);
    if (func == NULL) {
        if (RpErr_Occurred())
            return NULL;
        Rp_RETURN_NOTIMPLEMENTED;
    }
    RpObject *res = call_method_args(self, func, unbound, args, nargs);
    Rp_DECREF(func);
    return res;
}

static RpObject *call0(RpObject *self, RpObject *name)
{
    return vcall_method(self, name, NULL, 0);
}

static RpObject *call1(RpObject *self, RpObject *name, RpObject *a)
{
    return vcall_method(self, name, &a, 1);
}

static RpObject *call2(RpObject *self, RpObject *name, RpObject *a, RpObject *b)
{
    RpObject *args[2] = {a, b};
    return vcall_method(self, name, args, 2);
}

/* ---- slot functions of classes: binary operators ---------------------------- */

static void **nb_slot_ptr(RpTypeObject *t, size_t off)
{
    return t->tp_as_number ? (void **)((char *)t->tp_as_number + off) : NULL;
}

/* Does `right` override `name` differently from `left`? */
static int method_is_overloaded(RpTypeObject *left, RpTypeObject *right, RpObject *name)
{
    RpObject *b = _RpType_Lookup(right, name);
    if (b == NULL)
        return 0;
    return _RpType_Lookup(left, name) != b;
}

/* CPython's rule for `a + b` when a class is involved: the slot is shared by
 * __add__ and __radd__, and the function finds out which side it is on. */
static RpObject *binary_slot(RpObject *self, RpObject *other, size_t off, void *me,
                             RpObject *name, RpObject *rname)
{
    RpTypeObject *ts = Rp_TYPE(self), *to = Rp_TYPE(other);
    void **po = nb_slot_ptr(to, off);
    int do_other = ts != to && po != NULL && *po == me;
    void **ps = nb_slot_ptr(ts, off);
    if (ps != NULL && *ps == me) {
        if (do_other && RpType_IsSubtype(to, ts) && method_is_overloaded(ts, to, rname)) {
            RpObject *r = vcall_maybe(other, rname, &self, 1);
            if (r != Rp_NotImplemented)
                return r;
            Rp_DECREF(r);
            do_other = 0;
        }
        RpObject *r = vcall_maybe(self, name, &other, 1);
        if (r != Rp_NotImplemented || to == ts)
            return r;
        Rp_DECREF(r);
    }
    if (do_other)
        return vcall_maybe(other, rname, &self, 1);
    Rp_RETURN_NOTIMPLEMENTED;
}

#define NB_OFF(f) offsetof(RpNumberMethods, f)

#define BINARY_SLOT(fn, slot, op, rop)                                       \
    static RpObject *fn(RpObject *self, RpObject *other)                     \
    {                                                                         \
        return binary_slot(self, other, NB_OFF(slot), (void *)fn, RP_ID(op), RP_ID(rop)); \
    }

BINARY_SLOT(slot_nb_add, nb_add, __add__, __radd__)
BINARY_SLOT(slot_nb_subtract, nb_subtract, __sub__, __rsub__)
BINARY_SLOT(slot_nb_multiply, nb_multiply, __mul__, __rmul__)
BINARY_SLOT(slot_nb_remainder, nb_remainder, __mod__, __rmod__)
BINARY_SLOT(slot_nb_divmod, nb_divmod, __divmod__, __rdivmod__)
BINARY_SLOT(slot_nb_lshift, nb_lshift, __lshift__, __rlshift__)
BINARY_SLOT(slot_nb_rshift, nb_rshift, __rshift__, __rrshift__)
BINARY_SLOT(slot_nb_and, nb_and, __and__, __rand__)
BINARY_SLOT(slot_nb_xor, nb_xor, __xor__, __rxor__)
BINARY_SLOT(slot_nb_or, nb_or, __or__, __ror__)
BINARY_SLOT(slot_nb_floor_divide, nb_floor_divide, __floordiv__, __rfloordiv__)
BINARY_SLOT(slot_nb_true_divide, nb_true_divide, __truediv__, __rtruediv__)
BINARY_SLOT(slot_nb_matrix_multiply, nb_matrix_multiply, __matmul__, __rmatmul__)

/* pow(a, b[, m]).  Three-argument pow never uses __rpow__. */
static RpObject *slot_nb_power(RpObject *self, RpObject *other, RpObject *mod)
{
    if (mod == Rp_None) {
        RpTypeObject *ts = Rp_TYPE(self), *to = Rp_TYPE(other);
        void **po = nb_slot_ptr(to, NB_OFF(nb_power));
        void **ps = nb_slot_ptr(ts, NB_OFF(nb_power));
        int do_other = ts != to && po != NULL && *po == (void *)slot_nb_power;
        if (ps != NULL && *ps == (void *)slot_nb_power) {
            if (do_other && RpType_IsSubtype(to, ts) && method_is_overloaded(ts, to, RP_ID(__rpow__))) {
                RpObject *r = vcall_maybe(other, RP_ID(__rpow__), &self, 1);
                if (r != Rp_NotImplemented)
                    return r;
                Rp_DECREF(r);
                do_other = 0;
            }
            RpObject *r = vcall_maybe(self, RP_ID(__pow__), &other, 1);
            if (r != Rp_NotImplemented || to == ts)
                return r;
            Rp_DECREF(r);
        }
        if (do_other)
            return vcall_maybe(other, RP_ID(__rpow__), &self, 1);
        Rp_RETURN_NOTIMPLEMENTED;
    }
    void **ps = nb_slot_ptr(Rp_TYPE(self), NB_OFF(nb_power));
    if (ps != NULL && *ps == (void *)slot_nb_power) {
        RpObject *args[2] = {other, mod};
        return vcall_maybe(self, RP_ID(__pow__), args, 2);
    }
    Rp_RETURN_NOTIMPLEMENTED;
}

#define INPLACE_SLOT(fn, op)                                                 \
    static RpObject *fn(RpObject *self, RpObject *other)                     \
    {                                                                         \
        return vcall_maybe(self, RP_ID(op), &other, 1);                      \
    }

INPLACE_SLOT(slot_nb_inplace_add, __iadd__)
INPLACE_SLOT(slot_nb_inplace_subtract, __isub__)
INPLACE_SLOT(slot_nb_inplace_multiply, __imul__)
INPLACE_SLOT(slot_nb_inplace_remainder, __imod__)
INPLACE_SLOT(slot_nb_inplace_lshift, __ilshift__)
INPLACE_SLOT(slot_nb_inplace_rshift, __irshift__)
INPLACE_SLOT(slot_nb_inplace_and, __iand__)
INPLACE_SLOT(slot_nb_inplace_xor, __ixor__)
INPLACE_SLOT(slot_nb_inplace_or, __ior__)
INPLACE_SLOT(slot_nb_inplace_floor_divide, __ifloordiv__)
INPLACE_SLOT(slot_nb_inplace_true_divide, __itruediv__)
INPLACE_SLOT(slot_nb_inplace_matrix_multiply, __imatmul__)

static RpObject *slot_nb_inplace_power(RpObject *self, RpObject *other, RpObject *mod)
{
    return vcall_maybe(self, RP_ID(__ipow__), &other, 1);
}

#define UNARY_SLOT(fn, op)                                                   \
    static RpObject *fn(RpObject *self) { return call0(self, RP_ID(op)); }

UNARY_SLOT(slot_nb_negative, __neg__)
UNARY_SLOT(slot_nb_positive, __pos__)
UNARY_SLOT(slot_nb_absolute, __abs__)
UNARY_SLOT(slot_nb_invert, __invert__)
UNARY_SLOT(slot_nb_int, __int__)
UNARY_SLOT(slot_nb_float, __float__)
UNARY_SLOT(slot_nb_index, __index__)
UNARY_SLOT(slot_tp_iternext_raw, __next__)

/* ---- slot functions: truth, length, items -------------------------------------- */

/* __len__() as a C size, with CPython's checks on the result. */
static Rp_ssize_t len_result(RpObject *res)
{
    if (res == NULL)
        return -1;
    if (!RpIndex_Check(res)) {
        RpErr_Format(RpExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Rp_TYPE(res)->tp_name);
        Rp_DECREF(res);
        return -1;
    }
    Rp_ssize_t n = RpNumber_AsSsize_t(res, RpExc_OverflowError);
    int neg = n < 0 && !RpErr_Occurred();
    Rp_DECREF(res);
    if (neg) {
        RpErr_SetString(RpExc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static Rp_ssize_t slot_sq_length(RpObject *self)
{
    return len_result(call0(self, RP_ID(__len__)));
}

static int slot_nb_bool(RpObject *self)
{
    int unbound, using_len = 0;
    RpObject *func = lookup_maybe_method(self, RP_ID(__bool__), &unbound);
    if (func == NULL) {
        if (RpErr_Occurred())
            return -1;
        func = lookup_maybe_method(self, RP_ID(__len__), &unbound);
        if (func == NULL)
            return RpErr_Occurred() ? -1 : 1;
        using_len = 1;
    }
    RpObject *res = call_method_args(self, func, unbound, NULL, 0);
    Rp_DECREF(func);
    if (using_len) {
        Rp_ssize_t n = len_result(res);
        return n < 0 ? -1 : n > 0;
    }
    if (res == NULL)
        return -1;
    if (!RpBool_Check(res)) {
        RpErr_Format(RpExc_TypeError, "__bool__ should return bool, returned %.200s",
                     Rp_TYPE(res)->tp_name);
        Rp_DECREF(res);
        return -1;
    }
    int r = res == Rp_True;
    Rp_DECREF(res);
    return r;
}

static RpObject *slot_sq_item(RpObject *self, Rp_ssize_t i)
{
    RpObject *idx = RpLong_FromSsize_t(i);
    if (idx == NULL)
        return NULL;
    RpObject *r = call1(self, RP_ID(__getitem__), idx);
    Rp_DECREF(idx);
    return r;
}

static RpObject *slot_mp_subscript(RpObject *self, RpObject *key)
{
    return call1(self, RP_ID(__getitem__), key);
}

static int none_result(RpObject *r)
{
    if (r == NULL)
        return -1;
    Rp_DECREF(r);
    return 0;
}

static int slot_mp_ass_subscript(RpObject *self, RpObject *key, RpObject *value)
{
    if (value == NULL)
        return none_result(call1(self, RP_ID(__delitem__), key));
    return none_result(call2(self, RP_ID(__setitem__), key, value));
}

static int slot_sq_ass_item(RpObject *self, Rp_ssize_t i, RpObject *value)
{
    RpObject *idx = RpLong_FromSsize_t(i);
    if (idx == NULL)
        return -1;
    int r = slot_mp_ass_subscript(self, idx, value);
    Rp_DECREF(idx);
    return r;
}

/* `x in self`: __contains__, or iterate when the class has none. */
static int slot_sq_contains(RpObject *self, RpObject *value)
{
    int unbound;
    RpObject *func = lookup_maybe_method(self, RP_ID(__contains__), &unbound);
    if (func == Rp_None) {
        Rp_DECREF(func);
        RpErr_Format(RpExc_TypeError, "'%.200s' object is not a container", Rp_TYPE(self)->tp_name);
        return -1;
    }
    if (func == NULL) {
        if (RpErr_Occurred())
            return -1;
        RpObject *it = RpObject_GetIter(self);
        if (it == NULL)
            return -1;
        int found = 0;
        RpObject *item;
        while (!found && (item = RpIter_Next(it)) != NULL) {
            found = RpObject_RichCompareBool(item, value, Rp_EQ);
            Rp_DECREF(item);
        }
        Rp_DECREF(it);
        return (found == 0 && RpErr_Occurred()) ? -1 : found;
    }
    RpObject *res = call_method_args(self, func, unbound, &value, 1);
    Rp_DECREF(func);
    if (res == NULL)
        return -1;
    int r = RpObject_IsTrue(res);
    Rp_DECREF(res);
    return r;
}

/* ---- slot functions: tp_* ----------------------------------------------------- */

static RpObject *slot_tp_repr(RpObject *self)
{
    return call0(self, RP_ID(__repr__));
}

static RpObject *slot_tp_str(RpObject *self)
{
    return call0(self, RP_ID(__str__));
}

static Rp_hash_t slot_tp_hash(RpObject *self)
{
    int unbound;
    RpObject *func = lookup_maybe_method(self, RP_ID(__hash__), &unbound);
    if (func == Rp_None || func == NULL) {
        Rp_XDECREF(func);
        return RpErr_Occurred() ? -1 : RpObject_HashNotImplemented(self);
    }
    RpObject *res = call_method_args(self, func, unbound, NULL, 0);
    Rp_DECREF(func);
    if (res == NULL)
        return -1;
    if (!RpLong_Check(res)) {
        RpErr_SetString(RpExc_TypeError, "__hash__ method should return an integer");
        Rp_DECREF(res);
        return -1;
    }
    /* A result that fits a hash is kept as is (hash(x) == x.__hash__());
     * only larger ones are reduced the way int's own hash reduces them. */
    Rp_hash_t h = RpLong_AsSsize_t(res);
    if (h == -1 && RpErr_Occurred()) {
        RpErr_Clear();
        h = RpObject_Hash(res);
    }
    Rp_DECREF(res);
    return h == -1 ? -2 : h;
}

static RpObject *slot_tp_call(RpObject *self, RpObject *args, RpObject *kwds)
{
    int unbound;
    RpObject *func = lookup_maybe_method(self, RP_ID(__call__), &unbound);
    if (func == NULL) {
        if (!RpErr_Occurred())
            RpErr_SetObject(RpExc_AttributeError, RP_ID(__call__));
        return NULL;
    }
    RpObject *res;
    if (unbound) {
        Rp_ssize_t n = RpTuple_GET_SIZE(args);
        RpObject *full = RpTuple_New(n + 1);
        if (full == NULL) {
            Rp_DECREF(func);
            return NULL;
        }
        RpTuple_SET_ITEM(full, 0, Rp_NewRef(self));
        for (Rp_ssize_t i = 0; i < n; i++)
            RpTuple_SET_ITEM(full, i + 1, Rp_NewRef(RpTuple_GET_ITEM(args, i)));
        res = RpObject_Call(func, full, kwds);
        Rp_DECREF(full);
    } else {
        res = RpObject_Call(func, args, kwds);
    }
    Rp_DECREF(func);
    return res;
}

static RpObject *slot_tp_getattro(RpObject *self, RpObject *name)
{
    return call1(self, RP_ID(__getattribute__), name);
}

static int is_wrapper_of(RpObject *descr, void *cfunc)
{
    return descr != NULL && RpWrapperDescr_Check(descr) &&
           ((RpWrapperDescrObject *)descr)->d_wrapped == cfunc;
}

/* __getattribute__, then __getattr__ when that raised AttributeError. */
static RpObject *slot_tp_getattr_hook(RpObject *self, RpObject *name)
{
    RpTypeObject *tp = Rp_TYPE(self);
    RpObject *getattr = _RpType_Lookup(tp, RP_ID(__getattr__));
    if (getattr == NULL)
        return slot_tp_getattro(self, name);
    Rp_INCREF(getattr);
    RpObject *getattribute = _RpType_Lookup(tp, RP_ID(__getattribute__));
    RpObject *res;
    if (getattribute == NULL || is_wrapper_of(getattribute, (void *)RpObject_GenericGetAttr))
        res = RpObject_GenericGetAttr(self, name);
    else
        res = slot_tp_getattro(self, name);
    if (res == NULL && RpErr_ExceptionMatches(RpExc_AttributeError)) {
        RpErr_Clear();
        descrgetfunc f = Rp_TYPE(getattr)->tp_descr_get;
        if (RpType_HasFeature(Rp_TYPE(getattr), RP_TPFLAGS_METHOD_DESCRIPTOR) || f == NULL) {
            RpObject *args[2] = {self, name};
            res = RpObject_Vectorcall(getattr, f == NULL ? args + 1 : args, f == NULL ? 1 : 2, NULL);
        } else {
            RpObject *bound = f(getattr, self, (RpObject *)tp);
            res = bound == NULL ? NULL : RpObject_CallOneArg(bound, name);
            Rp_XDECREF(bound);
        }
    }
    Rp_DECREF(getattr);
    return res;
}

static int slot_tp_setattro(RpObject *self, RpObject *name, RpObject *value)
{
    if (value == NULL)
        return none_result(call1(self, RP_ID(__delattr__), name));
    return none_result(call2(self, RP_ID(__setattr__), name, value));
}

static RpObject *richcmp_names[6];

static RpObject *slot_tp_richcompare(RpObject *self, RpObject *other, int op)
{
    return vcall_maybe(self, richcmp_names[op], &other, 1);
}

static RpObject *slot_tp_iter(RpObject *self)
{
    int unbound;
    RpObject *func = lookup_maybe_method(self, RP_ID(__iter__), &unbound);
    if (func == Rp_None) {
        Rp_DECREF(func);
        RpErr_Format(RpExc_TypeError, "'%.200s' object is not iterable", Rp_TYPE(self)->tp_name);
        return NULL;
    }
    if (func == NULL)
        return RpErr_Occurred() ? NULL : RpSeqIter_New(self);
    RpObject *res = call_method_args(self, func, unbound, NULL, 0);
    Rp_DECREF(func);
    return res;
}

/* StopIteration from a Python __next__ means exhaustion: report it the way
 * C iterators do (NULL without exception), which every caller handles. */
static RpObject *slot_tp_iternext(RpObject *self)
{
    RpObject *r = slot_tp_iternext_raw(self);
    if (r == NULL && RpErr_ExceptionMatches(RpExc_StopIteration))
        RpErr_Clear();
    return r;
}

static RpObject *slot_tp_descr_get(RpObject *self, RpObject *obj, RpObject *type)
{
    RpObject *get = _RpType_Lookup(Rp_TYPE(self), RP_ID(__get__));
    if (get == NULL)
        return Rp_NewRef(self);
    return call2(self, RP_ID(__get__), obj ? obj : Rp_None, type ? type : Rp_None);
}

static int slot_tp_descr_set(RpObject *self, RpObject *target, RpObject *value)
{
    if (value == NULL)
        return none_result(call1(self, RP_ID(__delete__), target));
    return none_result(call2(self, RP_ID(__set__), target, value));
}

static int slot_tp_init(RpObject *self, RpObject *args, RpObject *kwds);

/* Whether instances are initialized by a Python-level __init__. */
int _RpType_InitIsSlot(RpTypeObject *t)
{
    return t->tp_init == slot_tp_init;
}

/* self.__init__(*args, **kwds); the result must be None. */
static int slot_tp_init(RpObject *self, RpObject *args, RpObject *kwds)
{
    int unbound;
    RpObject *func = lookup_maybe_method(self, RP_ID(__init__), &unbound);
    if (func == NULL) {
        if (!RpErr_Occurred())
            RpErr_SetObject(RpExc_AttributeError, RP_ID(__init__));
        return -1;
    }
    RpObject *res;
    if (unbound) {
        /* The common case: a Python __init__; call it without a bound method. */
        Rp_ssize_t n = RpTuple_GET_SIZE(args);
        RpObject *small[8], **stack = n + 1 <= 8 ? small : RpMem_Malloc(sizeof(RpObject *) * (size_t)(n + 1));
        if (stack == NULL) {
            Rp_DECREF(func);
            RpErr_NoMemory();
            return -1;
        }
        stack[0] = self;
        for (Rp_ssize_t i = 0; i < n; i++)
            stack[i + 1] = RpTuple_GET_ITEM(args, i);
        res = RpObject_VectorcallDict(func, stack, (size_t)(n + 1), kwds);
        if (stack != small)
            RpMem_Free(stack);
    } else {
        res = RpObject_Call(func, args, kwds);
    }
    Rp_DECREF(func);
    if (res == NULL)
        return -1;
    if (res != Rp_None) {
        RpErr_Format(RpExc_TypeError, "__init__() should return None, not '%.200s'",
                     Rp_TYPE(res)->tp_name);
        Rp_DECREF(res);
        return -1;
    }
    Rp_DECREF(res);
    return 0;
}

/* type.__new__ is a staticmethod: call it as cls.__new__(cls, *args). */
static RpObject *slot_tp_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    RpObject *func = RpObject_GetAttr((RpObject *)type, RP_ID(__new__));
    if (func == NULL)
        return NULL;
    Rp_ssize_t n = RpTuple_GET_SIZE(args);
    RpObject *full = RpTuple_New(n + 1);
    RpObject *res = NULL;
    if (full != NULL) {
        RpTuple_SET_ITEM(full, 0, Rp_NewRef(type));
        for (Rp_ssize_t i = 0; i < n; i++)
            RpTuple_SET_ITEM(full, i + 1, Rp_NewRef(RpTuple_GET_ITEM(args, i)));
        res = RpObject_Call(func, full, kwds);
        Rp_DECREF(full);
    }
    Rp_DECREF(func);
    return res;
}

/* __del__: errors cannot propagate; they are reported as unraisable. */
static void slot_tp_finalize(RpObject *self)
{
    RpObject *saved = RpErr_GetRaisedException();
    int unbound;
    RpObject *del = lookup_maybe_method(self, RP_ID(__del__), &unbound);
    if (del != NULL) {
        RpObject *res = call_method_args(self, del, unbound, NULL, 0);
        if (res == NULL)
            RpErr_WriteUnraisable(del);
        Rp_XDECREF(res);
        Rp_DECREF(del);
    } else if (RpErr_Occurred()) {
        RpErr_Clear();
    }
    RpErr_SetRaisedException(saved);
}

/* ---- wrappers: C slots seen as methods -------------------------------------------- */

static int check_args(RpObject *args, Rp_ssize_t n)
{
    Rp_ssize_t got = RpTuple_GET_SIZE(args);
    if (got == n)
        return 1;
    RpErr_Format(RpExc_TypeError, "expected %zd argument%s, got %zd", n, n == 1 ? "" : "s", got);
    return 0;
}

static RpObject *wrap_binaryfunc_l(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 1))
        return NULL;
    return ((binaryfunc)wrapped)(self, RpTuple_GET_ITEM(args, 0));
}

/* Same as wrap_binaryfunc_l, but a distinct function: the wrapper tells
 * resolve_slot which slot a name came from, and sq_concat's __add__ must
 * not be mistaken for nb_add's (their calling conventions differ). */
static RpObject *wrap_binaryfunc(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 1))
        return NULL;
    return ((binaryfunc)wrapped)(self, RpTuple_GET_ITEM(args, 0));
}

static RpObject *wrap_binaryfunc_r(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 1))
        return NULL;
    return ((binaryfunc)wrapped)(RpTuple_GET_ITEM(args, 0), self);
}

/* __pow__(other[, mod]) */
static int unpack_pow(RpObject *args, RpObject **other, RpObject **mod)
{
    Rp_ssize_t n = RpTuple_GET_SIZE(args);
    if (n < 1 || n > 2) {
        RpErr_Format(RpExc_TypeError, "expected %s argument%s, got %zd", n < 1 ? "at least 1" : "at most 2",
                     n < 1 ? "" : "s", n);
        return 0;
    }
    *other = RpTuple_GET_ITEM(args, 0);
    *mod = n == 2 ? RpTuple_GET_ITEM(args, 1) : Rp_None;
    return 1;
}

static RpObject *wrap_ternaryfunc(RpObject *self, RpObject *args, void *wrapped)
{
    RpObject *other, *mod;
    if (!unpack_pow(args, &other, &mod))
        return NULL;
    return ((ternaryfunc)wrapped)(self, other, mod);
}

static RpObject *wrap_ternaryfunc_r(RpObject *self, RpObject *args, void *wrapped)
{
    RpObject *other, *mod;
    if (!unpack_pow(args, &other, &mod))
        return NULL;
    return ((ternaryfunc)wrapped)(other, self, mod);
}

static RpObject *wrap_unaryfunc(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 0))
        return NULL;
    return ((unaryfunc)wrapped)(self);
}

static RpObject *wrap_inquirypred(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 0))
        return NULL;
    int r = ((inquiry)wrapped)(self);
    return r < 0 ? NULL : RpBool_FromLong(r);
}

static RpObject *wrap_lenfunc(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 0))
        return NULL;
    Rp_ssize_t n = ((lenfunc)wrapped)(self);
    return n < 0 && RpErr_Occurred() ? NULL : RpLong_FromSsize_t(n);
}

/* Sequence index: normalized against len() when negative, as sq_item wants. */
static Rp_ssize_t seq_index(RpObject *self, RpObject *arg)
{
    Rp_ssize_t i = RpNumber_AsSsize_t(arg, RpExc_OverflowError);
    if (i == -1 && RpErr_Occurred())
        return -1;
    if (i < 0) {
        RpSequenceMethods *sq = Rp_TYPE(self)->tp_as_sequence;
        if (sq != NULL && sq->sq_length != NULL) {
            Rp_ssize_t n = sq->sq_length(self);
            if (n < 0)
                return -1;
            i += n;
        }
    }
    return i;
}

static RpObject *wrap_indexargfunc(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 1))
        return NULL;
    Rp_ssize_t i = RpNumber_AsSsize_t(RpTuple_GET_ITEM(args, 0), RpExc_OverflowError);
    if (i == -1 && RpErr_Occurred())
        return NULL;
    return ((ssizeargfunc)wrapped)(self, i);
}

static RpObject *wrap_sq_item(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 1))
        return NULL;
    RpObject *arg = RpTuple_GET_ITEM(args, 0);
    if (!RpIndex_Check(arg)) {
        RpErr_Format(RpExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Rp_TYPE(arg)->tp_name);
        return NULL;
    }
    Rp_ssize_t i = seq_index(self, arg);
    if (i == -1 && RpErr_Occurred())
        return NULL;
    return ((ssizeargfunc)wrapped)(self, i);
}

static RpObject *wrap_sq_setitem(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 2))
        return NULL;
    Rp_ssize_t i = seq_index(self, RpTuple_GET_ITEM(args, 0));
    if (i == -1 && RpErr_Occurred())
        return NULL;
    if (((ssizeobjargproc)wrapped)(self, i, RpTuple_GET_ITEM(args, 1)) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *wrap_sq_delitem(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 1))
        return NULL;
    Rp_ssize_t i = seq_index(self, RpTuple_GET_ITEM(args, 0));
    if (i == -1 && RpErr_Occurred())
        return NULL;
    if (((ssizeobjargproc)wrapped)(self, i, NULL) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *wrap_objobjproc(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 1))
        return NULL;
    int r = ((objobjproc)wrapped)(self, RpTuple_GET_ITEM(args, 0));
    return r < 0 ? NULL : RpBool_FromLong(r);
}

static RpObject *wrap_objobjargproc(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 2))
        return NULL;
    if (((objobjargproc)wrapped)(self, RpTuple_GET_ITEM(args, 0), RpTuple_GET_ITEM(args, 1)) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *wrap_delitem(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 1))
        return NULL;
    if (((objobjargproc)wrapped)(self, RpTuple_GET_ITEM(args, 0), NULL) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *wrap_setattr(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 2))
        return NULL;
    if (((setattrofunc)wrapped)(self, RpTuple_GET_ITEM(args, 0), RpTuple_GET_ITEM(args, 1)) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *wrap_delattr(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 1))
        return NULL;
    if (((setattrofunc)wrapped)(self, RpTuple_GET_ITEM(args, 0), NULL) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *wrap_hashfunc(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 0))
        return NULL;
    Rp_hash_t h = ((hashfunc)wrapped)(self);
    return h == -1 && RpErr_Occurred() ? NULL : RpLong_FromSsize_t(h);
}

static RpObject *wrap_call(RpObject *self, RpObject *args, void *wrapped, RpObject *kwds)
{
    return ((ternaryfunc)wrapped)(self, args, kwds);
}

static RpObject *wrap_init(RpObject *self, RpObject *args, void *wrapped, RpObject *kwds)
{
    if (((initproc)wrapped)(self, args, kwds) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *wrap_next(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 0))
        return NULL;
    RpObject *r = ((iternextfunc)wrapped)(self);
    if (r == NULL && !RpErr_Occurred())
        RpErr_SetNone(RpExc_StopIteration);
    return r;
}

static RpObject *wrap_descr_get(RpObject *self, RpObject *args, void *wrapped)
{
    Rp_ssize_t n = RpTuple_GET_SIZE(args);
    if (n < 1 || n > 2) {
        RpErr_Format(RpExc_TypeError, "expected 1 or 2 arguments, got %zd", n);
        return NULL;
    }
    RpObject *obj = RpTuple_GET_ITEM(args, 0);
    RpObject *type = n == 2 ? RpTuple_GET_ITEM(args, 1) : Rp_None;
    if (obj == Rp_None)
        obj = NULL;
    if (type == Rp_None)
        type = NULL;
    if (obj == NULL && type == NULL) {
        RpErr_SetString(RpExc_TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    return ((descrgetfunc)wrapped)(self, obj, type);
}

static RpObject *wrap_descr_set(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 2))
        return NULL;
    if (((descrsetfunc)wrapped)(self, RpTuple_GET_ITEM(args, 0), RpTuple_GET_ITEM(args, 1)) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *wrap_descr_delete(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 1))
        return NULL;
    if (((descrsetfunc)wrapped)(self, RpTuple_GET_ITEM(args, 0), NULL) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *wrap_del(RpObject *self, RpObject *args, void *wrapped)
{
    if (!check_args(args, 0))
        return NULL;
    ((destructor)wrapped)(self);
    Rp_RETURN_NONE;
}

#define RICHCMP_WRAPPER(fn, op)                                              \
    static RpObject *fn(RpObject *self, RpObject *args, void *wrapped)       \
    {                                                                         \
        if (!check_args(args, 1))                                             \
            return NULL;                                                      \
        return ((richcmpfunc)wrapped)(self, RpTuple_GET_ITEM(args, 0), op);  \
    }
RICHCMP_WRAPPER(richcmp_lt, Rp_LT)
RICHCMP_WRAPPER(richcmp_le, Rp_LE)
RICHCMP_WRAPPER(richcmp_eq, Rp_EQ)
RICHCMP_WRAPPER(richcmp_ne, Rp_NE)
RICHCMP_WRAPPER(richcmp_gt, Rp_GT)
RICHCMP_WRAPPER(richcmp_ge, Rp_GE)

/* ---- the table ------------------------------------------------------------------ */

#define W(f) ((wrapperfunc)(void (*)(void))(f))
#define TP(n, f, fn, w, doc) {n, IN_TYPE, offsetof(RpTypeObject, f), (void *)(fn), W(w), 0, doc, NULL}
#define TPK(n, f, fn, w, doc) {n, IN_TYPE, offsetof(RpTypeObject, f), (void *)(fn), W(w), RP_WRAPPER_KEYWORDS, doc, NULL}
#define NB(n, f, fn, w, doc) {n, IN_NUMBER, offsetof(RpNumberMethods, f), (void *)(fn), W(w), 0, doc, NULL}
#define SQ(n, f, fn, w, doc) {n, IN_SEQUENCE, offsetof(RpSequenceMethods, f), (void *)(fn), W(w), 0, doc, NULL}
#define MP(n, f, fn, w, doc) {n, IN_MAPPING, offsetof(RpMappingMethods, f), (void *)(fn), W(w), 0, doc, NULL}
#define BIN(n, rn, f, fn, op)                                                             \
    NB(n, f, fn, wrap_binaryfunc_l, "Return self" op "value."),                           \
    NB(rn, f, fn, wrap_binaryfunc_r, "Return value" op "self.")

/* CPython's order: it decides which wrapper a shared name gets. */
static SlotDef slotdefs[] = {
    TP("__repr__", tp_repr, slot_tp_repr, wrap_unaryfunc, "Return repr(self)."),
    TP("__hash__", tp_hash, slot_tp_hash, wrap_hashfunc, "Return hash(self)."),
    TPK("__call__", tp_call, slot_tp_call, wrap_call, "Call self as a function."),
    TP("__str__", tp_str, slot_tp_str, wrap_unaryfunc, "Return str(self)."),
    TP("__getattribute__", tp_getattro, slot_tp_getattr_hook, wrap_binaryfunc_l,
       "Return getattr(self, name)."),
    TP("__getattr__", tp_getattro, slot_tp_getattr_hook, NULL, NULL),
    TP("__setattr__", tp_setattro, slot_tp_setattro, wrap_setattr, "Implement setattr(self, name, value)."),
    TP("__delattr__", tp_setattro, slot_tp_setattro, wrap_delattr, "Implement delattr(self, name)."),
    TP("__lt__", tp_richcompare, slot_tp_richcompare, richcmp_lt, "Return self<value."),
    TP("__le__", tp_richcompare, slot_tp_richcompare, richcmp_le, "Return self<=value."),
    TP("__eq__", tp_richcompare, slot_tp_richcompare, richcmp_eq, "Return self==value."),
    TP("__ne__", tp_richcompare, slot_tp_richcompare, richcmp_ne, "Return self!=value."),
    TP("__gt__", tp_richcompare, slot_tp_richcompare, richcmp_gt, "Return self>value."),
    TP("__ge__", tp_richcompare, slot_tp_richcompare, richcmp_ge, "Return self>=value."),
    TP("__iter__", tp_iter, slot_tp_iter, wrap_unaryfunc, "Implement iter(self)."),
    TP("__next__", tp_iternext, slot_tp_iternext, wrap_next, "Implement next(self)."),
    TP("__get__", tp_descr_get, slot_tp_descr_get, wrap_descr_get,
       "Return an attribute of instance, which is of type owner."),
    TP("__set__", tp_descr_set, slot_tp_descr_set, wrap_descr_set, "Set an attribute of instance to value."),
    TP("__delete__", tp_descr_set, slot_tp_descr_set, wrap_descr_delete, "Delete an attribute of instance."),
    TPK("__init__", tp_init, slot_tp_init, wrap_init, "Initialize self.  See help(type(self)) for accurate signature."),
    TP("__new__", tp_new, slot_tp_new, NULL, NULL),
    TP("__del__", tp_finalize, slot_tp_finalize, wrap_del, "Called when the instance is about to be destroyed."),

    BIN("__add__", "__radd__", nb_add, slot_nb_add, "+"),
    BIN("__sub__", "__rsub__", nb_subtract, slot_nb_subtract, "-"),
    BIN("__mul__", "__rmul__", nb_multiply, slot_nb_multiply, "*"),
    BIN("__mod__", "__rmod__", nb_remainder, slot_nb_remainder, "%"),
    NB("__divmod__", nb_divmod, slot_nb_divmod, wrap_binaryfunc_l, "Return divmod(self, value)."),
    NB("__rdivmod__", nb_divmod, slot_nb_divmod, wrap_binaryfunc_r, "Return divmod(value, self)."),
    NB("__pow__", nb_power, slot_nb_power, wrap_ternaryfunc, "Return pow(self, value, mod)."),
    NB("__rpow__", nb_power, slot_nb_power, wrap_ternaryfunc_r, "Return pow(value, self, mod)."),
    NB("__neg__", nb_negative, slot_nb_negative, wrap_unaryfunc, "-self"),
    NB("__pos__", nb_positive, slot_nb_positive, wrap_unaryfunc, "+self"),
    NB("__abs__", nb_absolute, slot_nb_absolute, wrap_unaryfunc, "abs(self)"),
    NB("__bool__", nb_bool, slot_nb_bool, wrap_inquirypred, "True if self else False"),
    NB("__invert__", nb_invert, slot_nb_invert, wrap_unaryfunc, "~self"),
    BIN("__lshift__", "__rlshift__", nb_lshift, slot_nb_lshift, "<<"),
    BIN("__rshift__", "__rrshift__", nb_rshift, slot_nb_rshift, ">>"),
    BIN("__and__", "__rand__", nb_and, slot_nb_and, "&"),
    BIN("__xor__", "__rxor__", nb_xor, slot_nb_xor, "^"),
    BIN("__or__", "__ror__", nb_or, slot_nb_or, "|"),
    NB("__int__", nb_int, slot_nb_int, wrap_unaryfunc, "int(self)"),
    NB("__float__", nb_float, slot_nb_float, wrap_unaryfunc, "float(self)"),
    NB("__iadd__", nb_inplace_add, slot_nb_inplace_add, wrap_binaryfunc_l, "Return self+=value."),
    NB("__isub__", nb_inplace_subtract, slot_nb_inplace_subtract, wrap_binaryfunc_l, "Return self-=value."),
    NB("__imul__", nb_inplace_multiply, slot_nb_inplace_multiply, wrap_binaryfunc_l, "Return self*=value."),
    NB("__imod__", nb_inplace_remainder, slot_nb_inplace_remainder, wrap_binaryfunc_l, "Return self%=value."),
    NB("__ipow__", nb_inplace_power, slot_nb_inplace_power, wrap_ternaryfunc, "Return self**=value."),
    NB("__ilshift__", nb_inplace_lshift, slot_nb_inplace_lshift, wrap_binaryfunc_l, "Return self<<=value."),
    NB("__irshift__", nb_inplace_rshift, slot_nb_inplace_rshift, wrap_binaryfunc_l, "Return self>>=value."),
    NB("__iand__", nb_inplace_and, slot_nb_inplace_and, wrap_binaryfunc_l, "Return self&=value."),
    NB("__ixor__", nb_inplace_xor, slot_nb_inplace_xor, wrap_binaryfunc_l, "Return self^=value."),
    NB("__ior__", nb_inplace_or, slot_nb_inplace_or, wrap_binaryfunc_l, "Return self|=value."),
    BIN("__floordiv__", "__rfloordiv__", nb_floor_divide, slot_nb_floor_divide, "//"),
    BIN("__truediv__", "__rtruediv__", nb_true_divide, slot_nb_true_divide, "/"),
    NB("__ifloordiv__", nb_inplace_floor_divide, slot_nb_inplace_floor_divide, wrap_binaryfunc_l,
       "Return self//=value."),
    NB("__itruediv__", nb_inplace_true_divide, slot_nb_inplace_true_divide, wrap_binaryfunc_l,
       "Return self/=value."),
    NB("__index__", nb_index, slot_nb_index, wrap_unaryfunc,
       "Return self converted to an integer, if self is suitable for use as an index into a list."),
    BIN("__matmul__", "__rmatmul__", nb_matrix_multiply, slot_nb_matrix_multiply, "@"),
    NB("__imatmul__", nb_inplace_matrix_multiply, slot_nb_inplace_matrix_multiply, wrap_binaryfunc_l,
       "Return self@=value."),

    MP("__len__", mp_length, slot_sq_length, wrap_lenfunc, "Return len(self)."),
    MP("__getitem__", mp_subscript, slot_mp_subscript, wrap_binaryfunc, "Return self[key]."),
    MP("__setitem__", mp_ass_subscript, slot_mp_ass_subscript, wrap_objobjargproc, "Set self[key] to value."),
    MP("__delitem__", mp_ass_subscript, slot_mp_ass_subscript, wrap_delitem, "Delete self[key]."),

    SQ("__len__", sq_length, slot_sq_length, wrap_lenfunc, "Return len(self)."),
    /* sq_concat/sq_repeat have no Python-calling version: a class that
     * defines __add__ uses nb_add, and these become NULL. */
    SQ("__add__", sq_concat, NULL, wrap_binaryfunc, "Return self+value."),
    SQ("__mul__", sq_repeat, NULL, wrap_indexargfunc, "Return self*value."),
    SQ("__rmul__", sq_repeat, NULL, wrap_indexargfunc, "Return value*self."),
    SQ("__getitem__", sq_item, slot_sq_item, wrap_sq_item, "Return self[key]."),
    SQ("__setitem__", sq_ass_item, slot_sq_ass_item, wrap_sq_setitem, "Set self[key] to value."),
    SQ("__delitem__", sq_ass_item, slot_sq_ass_item, wrap_sq_delitem, "Delete self[key]."),
    SQ("__contains__", sq_contains, slot_sq_contains, wrap_objobjproc, "Return key in self."),
    SQ("__iadd__", sq_inplace_concat, NULL, wrap_binaryfunc, "Implement self+=value."),
    SQ("__imul__", sq_inplace_repeat, NULL, wrap_indexargfunc, "Implement self*=value."),
    {NULL, 0, 0, NULL, NULL, 0, NULL, NULL},
};

int _RpType_InitSlotDefs(void)
{
    for (SlotDef *p = slotdefs; p->name != NULL; p++) {
        if (p->name_obj == NULL && (p->name_obj = RpUnicode_InternFromString(p->name)) == NULL)
            return -1;
    }
    static const char *cmp[6] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
    for (int i = 0; i < 6; i++)
        if (richcmp_names[i] == NULL && (richcmp_names[i] = RpUnicode_InternFromString(cmp[i])) == NULL)
            return -1;
    return 0;
}

void _RpType_FiniSlotDefs(void)
{
    for (SlotDef *p = slotdefs; p->name != NULL; p++)
        Rp_CLEAR(p->name_obj);
    for (int i = 0; i < 6; i++)
        Rp_CLEAR(richcmp_names[i]);
}

/* Address of the slot p describes in t, or NULL when t lacks that struct. */
static void **slot_ptr(RpTypeObject *t, const SlotDef *p)
{
    char *base;
    switch (p->where) {
    case IN_NUMBER: base = (char *)t->tp_as_number; break;
    case IN_SEQUENCE: base = (char *)t->tp_as_sequence; break;
    case IN_MAPPING: base = (char *)t->tp_as_mapping; break;
    default: base = (char *)t; break;
    }
    return base == NULL ? NULL : (void **)(base + p->offset);
}

/* ---- static types: add the wrappers -------------------------------------------- */

int _RpType_AddOperators(RpTypeObject *t)
{
    if (_RpType_InitSlotDefs() < 0)
        return -1;
    for (SlotDef *p = slotdefs; p->name != NULL; p++) {
        void **ptr = slot_ptr(t, p);
        if (ptr == NULL || *ptr == NULL || p->wrapper == NULL)
            continue;
        RpObject *have = RpDict_GetItemWithError(t->tp_dict, p->name_obj);
        if (have != NULL)
            continue;
        if (RpErr_Occurred())
            return -1;
        RpObject *d;
        if (*ptr == (void *)RpObject_HashNotImplemented)
            d = Rp_NewRef(Rp_None);
        else
            d = RpDescr_NewWrapperEx(t, p->name, p->wrapper, *ptr, p->doc, p->flags);
        if (d == NULL)
            return -1;
        int r = RpDict_SetItem(t->tp_dict, p->name_obj, d);
        Rp_DECREF(d);
        if (r < 0)
            return -1;
    }
    return 0;
}

/* ---- classes: point the slots at the methods --------------------------------- */

/* Is descr the C function of a static type's tp_new, seen as __new__? */
static void *static_new_of(RpObject *descr)
{
    if (!RpCFunction_Check(descr))
        return NULL;
    RpCFunctionObject *f = (RpCFunctionObject *)descr;
    if (f->m_ml != &_RpType_NewWrapperDef || f->m_self == NULL || !RpType_Check(f->m_self))
        return NULL;
    return (void *)((RpTypeObject *)f->m_self)->tp_new;
}

/* The value for the slot of `first` in t, considering every name that
 * feeds that slot.  A lone C implementation found through wrappers is used
 * directly; any Python override selects the generic slot function. */
static void *resolve_slot(RpTypeObject *t, const SlotDef *first)
{
    void *specific = NULL, *generic = NULL;
    int use_generic = 0;
    for (const SlotDef *p = first; p->name != NULL; p++) {
        if (p->where != first->where || p->offset != first->offset)
            continue;
        RpObject *descr = _RpType_Lookup(t, p->name_obj);
        if (descr == NULL)
            continue;
        void *c = NULL;
        if (RpWrapperDescr_Check(descr) && ((RpWrapperDescrObject *)descr)->d_wrapper == p->wrapper &&
            RpType_IsSubtype(t, ((RpDescrObject *)descr)->d_type))
            c = ((RpWrapperDescrObject *)descr)->d_wrapped;
        else if (p->where == IN_TYPE && p->offset == offsetof(RpTypeObject, tp_new))
            c = static_new_of(descr);
        else if (descr == Rp_None && p->where == IN_TYPE && p->offset == offsetof(RpTypeObject, tp_hash))
            c = (void *)RpObject_HashNotImplemented;
        if (c != NULL && (specific == NULL || specific == c)) {
            specific = c;
        } else {
            use_generic = 1;
            generic = p->function;
        }
    }
    if (specific != NULL && !use_generic)
        return specific;
    return generic;
}

static void update_one_slot(RpTypeObject *t, const SlotDef *p)
{
    void **ptr = slot_ptr(t, p);
    if (ptr == NULL)
        return;
    void *v = resolve_slot(t, p);
    /* tp_new and tp_init of a class must never be NULL when inherited */
    if (v == NULL && p->where == IN_TYPE &&
        (p->offset == offsetof(RpTypeObject, tp_new) || p->offset == offsetof(RpTypeObject, tp_init)))
        return;
    *ptr = v;
}

/* The first table entry of each distinct slot. */
static int first_of_slot(const SlotDef *p)
{
    for (const SlotDef *q = slotdefs; q != p; q++)
        if (q->where == p->where && q->offset == p->offset)
            return 0;
    return 1;
}

void _RpType_FixupSlots(RpTypeObject *t)
{
    for (SlotDef *p = slotdefs; p->name != NULL; p++)
        if (first_of_slot(p))
            update_one_slot(t, p);
}

static void update_slots_recursive(RpTypeObject *t, const SlotDef *p)
{
    /* Resolve from the slot's first entry so every name feeding it is seen. */
    const SlotDef *first = slotdefs;
    while (first->where != p->where || first->offset != p->offset)
        first++;
    update_one_slot(t, first);
    if (t->tp_subclasses == NULL)
        return;
    Rp_ssize_t pos = 0;
    RpObject *key, *value;
    while (RpDict_Next(t->tp_subclasses, &pos, &key, &value)) {
        RpTypeObject *sub = (RpTypeObject *)(intptr_t)RpLong_AsLongLong(key);
        if (RpType_HasFeature(sub, RP_TPFLAGS_HEAPTYPE))
            update_slots_recursive(sub, p);
    }
}

void _RpType_UpdateSlot(RpTypeObject *t, RpObject *name)
{
    for (SlotDef *p = slotdefs; p->name != NULL; p++)
        if (p->name_obj == name)
            update_slots_recursive(t, p);
}
