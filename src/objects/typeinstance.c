/* typeinstance.c -- instances of classes: their memory layout, inline
 * attributes, dealloc/traverse/clear, and RpType_GenericAlloc.
 *
 * Layout of an instance of a class (a heap type) made by `class`:
 *
 *     [GC head][ob_refcnt, ob_type][base type's fields][__slots__ ...]
 *     [dict][values][weaklist]
 *
 * `dict` and `values` are the "managed attribute block", present when the
 * class (not one of its bases) introduced per-instance attributes; the type
 * then has RP_TPFLAGS_MANAGED_ATTRS and tp_dictoffset is the offset of
 * `dict`.  `values` sits in the word right after it.  For a base with
 * variable-size items (tuple, str) the block lives after the items instead
 * and tp_dictoffset is negative, counted from the end of the object, as in
 * CPython.
 *
 * Inline attributes (CPython 3.11 behaviour, and observable): attributes are
 * kept in `values`, a small table owned by the instance -- an array of
 * (interned name, value) pairs in insertion order, malloc'd with RpMem_Malloc
 * -- and no dict object exists.  Only when something asks for the instance's
 * __dict__ (obj.__dict__, vars(obj), _RpObject_GetDictPtr) is a real dict
 * built from the pairs; from then on the instance uses the dict and `values`
 * is NULL.  So the two-Node cycle of the seed is 2 objects for gc.collect(),
 * not 4.  A table that would grow past INLINE_MAX pairs, or a name that is
 * not an exact str, also switches the instance to a dict.
 *
 * Invariant: at most one of `dict` and `values` is non-NULL.
 */
#include "rp.h"

#define INLINE_MAX 30

typedef struct InlinePair {
    RpObject *key;   /* interned exact str (strong) */
    RpObject *value; /* strong */
} InlinePair;

typedef struct InlineAttrs {
    Rp_ssize_t len, cap;
    InlinePair e[];
} InlineAttrs;

/* ---- locating the dict slot ---------------------------------------------- */

/* Number of items in the variable part of o (for negative dictoffsets). */
static Rp_ssize_t var_items(RpObject *o, RpTypeObject *tp)
{
    /* str keeps no ob_size: its items are its UTF-8 bytes plus the NUL. */
    if (RpType_HasFeature(tp, RP_TPFLAGS_UNICODE_SUBCLASS))
        return RpUnicode_UTF8_SIZE(o) + 1;
    Rp_ssize_t n = Rp_SIZE(o);
    return n < 0 ? -n : n;
}

/* Address of the dict pointer of o, or NULL when its type has none. */
static RpObject **dict_slot(RpObject *o)
{
    RpTypeObject *tp = Rp_TYPE(o);
    Rp_ssize_t off = tp->tp_dictoffset;
    if (off == 0)
        return NULL;
    if (off < 0) {
        size_t size = (size_t)tp->tp_basicsize + (size_t)var_items(o, tp) * (size_t)tp->tp_itemsize;
        size = (size + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
        off += (Rp_ssize_t)size;
    }
    return (RpObject **)((char *)o + off);
}

static inline InlineAttrs **values_slot(RpObject **dp)
{
    return (InlineAttrs **)(dp + 1);
}

/* The inline table of o, or NULL (no table, or o uses a dict). */
static InlineAttrs **managed_values(RpObject *o, RpObject **dp)
{
    if (dp == NULL || !RpType_HasFeature(Rp_TYPE(o), RP_TPFLAGS_MANAGED_ATTRS))
        return NULL;
    return values_slot(dp);
}

/* ---- the inline table ------------------------------------------------------ */

static RpObject **inline_find(InlineAttrs *a, RpObject *name)
{
    if (a == NULL)
        return NULL;
    /* Keys are interned, so a pointer match settles most lookups. */
    for (Rp_ssize_t i = 0; i < a->len; i++)
        if (a->e[i].key == name)
            return &a->e[i].value;
    if (((RpUnicodeObject *)name)->interned)
        return NULL;
    for (Rp_ssize_t i = 0; i < a->len; i++)
        if (_RpUnicode_Equal(a->e[i].key, name))
            return &a->e[i].value;
    return NULL;
}

/* Release every pair, in insertion order (users print from __del__). */
static void inline_free(InlineAttrs *a)
{
    if (a == NULL)
        return;
    for (Rp_ssize_t i = 0; i < a->len; i++) {
        Rp_DECREF(a->e[i].key);
        Rp_XDECREF(a->e[i].value);
    }
    RpMem_Free(a);
}

/* Detach o's table before releasing it, so that a __del__ run by the
 * releases sees an instance without attributes rather than a half-freed
 * table. */
static void inline_clear(InlineAttrs **pa)
{
    InlineAttrs *a = *pa;
    *pa = NULL;
    inline_free(a);
}

static RpObject *inline_to_dict(InlineAttrs *a)
{
    RpObject *d = RpDict_New();
    if (d == NULL)
        return NULL;
    for (Rp_ssize_t i = 0; a != NULL && i < a->len; i++) {
        if (RpDict_SetItem(d, a->e[i].key, a->e[i].value) < 0) {
            Rp_DECREF(d);
            return NULL;
        }
    }
    return d;
}

/* Switch o from its inline table to a real dict. 0 / -1. */
static int materialize(RpObject **dp)
{
    InlineAttrs **pa = values_slot(dp);
    RpObject *d = inline_to_dict(*pa);
    if (d == NULL)
        return -1;
    inline_clear(pa);
    /* a __del__ run by inline_clear may have created a dict meanwhile */
    Rp_XSETREF(*dp, d);
    return 0;
}

static int inline_append(InlineAttrs **pa, RpObject *name, RpObject *v)
{
    InlineAttrs *a = *pa;
    if (a == NULL || a->len == a->cap) {
        Rp_ssize_t cap = a == NULL ? 4 : a->cap * 2;
        if (cap > INLINE_MAX)
            cap = INLINE_MAX;
        InlineAttrs *na = RpMem_Realloc(a, sizeof(InlineAttrs) + (size_t)cap * sizeof(InlinePair));
        if (na == NULL) {
            RpErr_NoMemory();
            return -1;
        }
        if (a == NULL)
            na->len = 0;
        na->cap = cap;
        *pa = a = na;
    }
    a->e[a->len].key = Rp_NewRef(name);
    a->e[a->len].value = Rp_NewRef(v);
    a->len++;
    return 0;
}

/* Remove the pair holding *slot; the shift happens before the value is
 * released so that a __del__ sees a consistent table. */
static void inline_remove(InlineAttrs *a, RpObject **slot)
{
    InlinePair *p = (InlinePair *)((char *)slot - offsetof(InlinePair, value));
    RpObject *key = p->key, *value = p->value;
    Rp_ssize_t i = p - a->e;
    memmove(&a->e[i], &a->e[i + 1], (size_t)(a->len - i - 1) * sizeof(InlinePair));
    a->len--;
    Rp_DECREF(key);
    Rp_DECREF(value);
}

/* ---- the instance-attribute API used by object.c ------------------------- */

int _RpObject_HasInstanceDict(RpObject *o)
{
    return Rp_TYPE(o)->tp_dictoffset != 0;
}

int _RpObject_InstanceLookup(RpObject *o, RpObject *name, RpObject **res)
{
    *res = NULL;
    RpObject **dp = dict_slot(o);
    if (dp == NULL)
        return 0;
    InlineAttrs **pa = managed_values(o, dp);
    if (pa != NULL && *pa != NULL) {
        RpObject **slot = inline_find(*pa, name);
        if (slot == NULL)
            return 0;
        *res = Rp_NewRef(*slot);
        return 1;
    }
    if (*dp == NULL)
        return 0;
    RpObject *d = Rp_NewRef(*dp);   /* a __eq__ run by the lookup may drop it */
    RpObject *v = RpDict_GetItemWithError(d, name);
    if (v != NULL)
        *res = Rp_NewRef(v);
    Rp_DECREF(d);
    if (v == NULL)
        return RpErr_Occurred() ? -1 : 0;
    return 1;
}

RpObject **_RpObject_InstanceSlot(RpObject *o, RpObject *name, unsigned int *hint)
{
    InlineAttrs **pa = managed_values(o, dict_slot(o));
    if (pa == NULL || *pa == NULL)
        return NULL;
    InlineAttrs *a = *pa;
    if (*hint < (unsigned int)a->len && a->e[*hint].key == name)
        return &a->e[*hint].value;
    RpObject **slot = inline_find(a, name);
    if (slot != NULL)
        *hint = (unsigned int)(((char *)slot - (char *)&a->e[0].value) / sizeof(InlinePair));
    return slot;
}

static int dict_store(RpObject *d, RpObject *name, RpObject *v)
{
    if (v != NULL)
        return RpDict_SetItem(d, name, v);
    int r = RpDict_Contains(d, name);
    if (r <= 0)
        return r < 0 ? -1 : 2;
    return RpDict_DelItem(d, name);
}

static int inline_store(InlineAttrs **pa, RpObject *name, RpObject *v)
{
    RpObject **slot = inline_find(*pa, name);
    if (v == NULL) {
        if (slot == NULL)
            return 2;
        inline_remove(*pa, slot);
        return 0;
    }
    if (slot != NULL) {
        RpObject *old = *slot;
        *slot = Rp_NewRef(v);
        Rp_DECREF(old);
        return 0;
    }
    return inline_append(pa, name, v);
}

/* Inline storage is used while the instance has no dict yet, the name is
 * an exact str and the table has room; anything else goes to a dict. */
static int can_stay_inline(RpObject **dp, InlineAttrs **pa, RpObject *name)
{
    if (pa == NULL || *dp != NULL || !RpUnicode_CheckExact(name))
        return 0;
    return *pa == NULL || (*pa)->len < INLINE_MAX || inline_find(*pa, name) != NULL;
}

int _RpObject_InstanceStore(RpObject *o, RpObject *name, RpObject *v)
{
    RpObject **dp = dict_slot(o);
    if (dp == NULL)
        return 1;
    InlineAttrs **pa = managed_values(o, dp);
    if (can_stay_inline(dp, pa, name)) {
        /* Callers that bypass RpObject_SetAttr (slot wrappers, C code) may
         * pass a name that is not interned; the table relies on it. */
        Rp_INCREF(name);
        RpUnicode_InternInPlace(&name);
        int r = inline_store(pa, name, v);
        Rp_DECREF(name);
        return r;
    }
    if (pa != NULL && *pa != NULL && materialize(dp) < 0)
        return -1;
    if (*dp == NULL) {
        if (v == NULL)
            return 2;
        if ((*dp = RpDict_New()) == NULL)
            return -1;
    }
    RpObject *d = Rp_NewRef(*dp);
    int r = dict_store(d, name, v);
    Rp_DECREF(d);
    return r;
}

RpObject **_RpObject_GetDictPtr(RpObject *o)
{
    RpObject **dp = dict_slot(o);
    if (dp == NULL)
        return NULL;
    InlineAttrs **pa = managed_values(o, dp);
    if (pa != NULL && *pa != NULL && materialize(dp) < 0)
        return NULL;
    return dp;
}

RpObject *RpObject_GenericGetDict(RpObject *o, void *closure)
{
    RpObject **dp = _RpObject_GetDictPtr(o);
    if (dp == NULL) {
        if (!RpErr_Occurred())
            RpErr_SetString(RpExc_AttributeError, "This object has no __dict__");
        return NULL;
    }
    if (*dp == NULL && (*dp = RpDict_New()) == NULL)
        return NULL;
    return Rp_NewRef(*dp);
}

static int subtype_setdict(RpObject *o, RpObject *value, void *closure)
{
    if (value != NULL && !RpDict_Check(value)) {
        RpErr_Format(RpExc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                     Rp_TYPE(value)->tp_name);
        return -1;
    }
    RpObject **dp = dict_slot(o);
    if (dp == NULL) {
        RpErr_SetString(RpExc_AttributeError, "This object has no __dict__");
        return -1;
    }
    InlineAttrs **pa = managed_values(o, dp);
    if (pa != NULL)
        inline_clear(pa);
    Rp_XSETREF(*dp, Rp_XNewRef(value));
    return 0;
}

static RpObject *subtype_getweakref(RpObject *o, void *closure)
{
    RpTypeObject *tp = Rp_TYPE(o);
    if (tp->tp_weaklistoffset <= 0) {
        RpErr_SetString(RpExc_AttributeError, "This object has no __weakref__");
        return NULL;
    }
    RpObject *ref = *(RpObject **)((char *)o + tp->tp_weaklistoffset);
    return Rp_NewRef(ref != NULL ? ref : Rp_None);
}

RpGetSetDef _RpSubtype_GetSets_Full[] = {
    {"__dict__", RpObject_GenericGetDict, subtype_setdict, NULL, NULL},
    {"__weakref__", subtype_getweakref, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
RpGetSetDef _RpSubtype_GetSets_DictOnly[] = {
    {"__dict__", RpObject_GenericGetDict, subtype_setdict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
RpGetSetDef _RpSubtype_GetSets_WeakrefOnly[] = {
    {"__weakref__", subtype_getweakref, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- allocation ------------------------------------------------------------ */

/* Items to allocate beyond the request: room for the alignment padding in
 * front of a negative-offset attribute block, plus CPython's sentinel. */
static Rp_ssize_t extra_items(RpTypeObject *t)
{
    if (t->tp_itemsize == 0)
        return 0;
    return (Rp_ssize_t)((sizeof(void *) + (size_t)t->tp_itemsize - 1) / (size_t)t->tp_itemsize) + 1;
}

static RpObject *alloc_gc(RpTypeObject *t, Rp_ssize_t nitems, size_t *size)
{
    Rp_ssize_t n = nitems + extra_items(t);
    *size = (size_t)t->tp_basicsize + (size_t)n * (size_t)t->tp_itemsize;
    if (t->tp_itemsize == 0)
        return _RpObject_GC_New(t);
    return (RpObject *)_RpObject_GC_NewVar(t, n);
}

RpObject *RpType_GenericAlloc(RpTypeObject *t, Rp_ssize_t nitems)
{
    size_t size;
    RpObject *o;
    int heap = RpType_HasFeature(t, RP_TPFLAGS_HEAPTYPE);
    Rp_ssize_t type_refs = Rp_REFCNT(t);
    if (RpType_IS_GC(t)) {
        o = alloc_gc(t, nitems, &size);
        if (o == NULL)
            return NULL;
        /* gc.h does not say whether _RpObject_GC_New takes the reference to
         * a heap type that every instance owns; take it unless it did. */
        if (heap && Rp_REFCNT(t) == type_refs)
            Rp_INCREF(t);
    } else {
        size = (size_t)t->tp_basicsize + (size_t)(nitems + extra_items(t)) * (size_t)t->tp_itemsize;
        o = RpObject_Malloc(size);
        if (o == NULL)
            return RpErr_NoMemory();
        RpObject_Init(o, t);
    }
    memset((char *)o + sizeof(RpObject), 0, size - sizeof(RpObject));
    if (t->tp_itemsize != 0)
        Rp_SET_SIZE(o, nitems);
    if (RpType_IS_GC(t))
        RpObject_GC_Track(o);
    return o;
}

RpObject *RpType_GenericNew(RpTypeObject *t, RpObject *args, RpObject *kwds)
{
    return t->tp_alloc(t, 0);
}

/* ---- traverse / clear / dealloc of instances ---------------------------- */

/* The __slots__ members a heap type added itself live after its struct. */
static RpMemberDef *own_members(RpTypeObject *t)
{
    return (RpMemberDef *)((char *)t + Rp_TYPE(t)->tp_basicsize);
}

static int is_slot_member(const RpMemberDef *m)
{
    return m->type == RP_T_OBJECT_EX && !(m->flags & RP_READONLY);
}

static RpObject **member_addr(RpObject *self, const RpMemberDef *m)
{
    return (RpObject **)((char *)self + m->offset);
}

/* The first base (walking tp_base) that is not a class made here. */
static RpTypeObject *solid_dealloc_base(RpTypeObject *t)
{
    while (t->tp_dealloc == _RpSubtype_Dealloc)
        t = t->tp_base;
    return t;
}

static int visit_slots(RpObject *self, RpTypeObject *t, visitproc visit, void *arg)
{
    for (RpMemberDef *m = own_members(t); Rp_SIZE(t) > 0 && m->name != NULL; m++)
        if (is_slot_member(m))
            Rp_VISIT(*member_addr(self, m));
    return 0;
}

/* Whether the managed/dict block of self belongs to a class made here
 * (and so must be visited/cleared by us, not by the base). */
static int owns_dict(RpTypeObject *t, RpTypeObject *base)
{
    return t->tp_dictoffset != 0 && base->tp_dictoffset == 0;
}

int _RpSubtype_Traverse(RpObject *self, visitproc visit, void *arg)
{
    RpTypeObject *type = Rp_TYPE(self), *base = type;
    for (; base->tp_traverse == _RpSubtype_Traverse; base = base->tp_base) {
        if (RpType_HasFeature(base, RP_TPFLAGS_HEAPTYPE)) {
            int r = visit_slots(self, base, visit, arg);
            if (r)
                return r;
        }
    }
    if (owns_dict(type, base)) {
        RpObject **dp = dict_slot(self);
        Rp_VISIT(*dp);
        InlineAttrs **pa = managed_values(self, dp);
        for (Rp_ssize_t i = 0; pa != NULL && *pa != NULL && i < (*pa)->len; i++)
            Rp_VISIT((*pa)->e[i].value);
    }
    /* Instances own a reference to their class. */
    if (RpType_HasFeature(type, RP_TPFLAGS_HEAPTYPE))
        Rp_VISIT(type);
    return base->tp_traverse ? base->tp_traverse(self, visit, arg) : 0;
}

static void clear_slots(RpObject *self, RpTypeObject *t)
{
    for (RpMemberDef *m = own_members(t); Rp_SIZE(t) > 0 && m->name != NULL; m++)
        if (is_slot_member(m))
            Rp_CLEAR(*member_addr(self, m));
}

static void clear_dict(RpObject *self)
{
    RpObject **dp = dict_slot(self);
    InlineAttrs **pa = managed_values(self, dp);
    if (pa != NULL)
        inline_clear(pa);
    Rp_CLEAR(*dp);
}

int _RpSubtype_Clear(RpObject *self)
{
    RpTypeObject *type = Rp_TYPE(self), *base = type;
    for (; base->tp_clear == _RpSubtype_Clear; base = base->tp_base)
        if (RpType_HasFeature(base, RP_TPFLAGS_HEAPTYPE))
            clear_slots(self, base);
    if (owns_dict(type, base))
        clear_dict(self);
    return base->tp_clear ? base->tp_clear(self) : 0;
}

/* Runs __del__ with the object temporarily tracked (so that a resurrected
 * object stays known to the collector).  1 if it was resurrected. */
static int run_finalizer(RpObject *self)
{
    if (RpObject_IS_GC(self))
        RpObject_GC_Track(self);
    if (RpObject_CallFinalizerFromDealloc(self) < 0)
        return 1;
    if (RpObject_IS_GC(self))
        RpObject_GC_UnTrack(self);
    return 0;
}

static void subtype_dealloc_body(RpObject *self)
{
    RpTypeObject *type = Rp_TYPE(self);
    RpTypeObject *base = solid_dealloc_base(type);
    if (type->tp_finalize != NULL && run_finalizer(self))
        return;
    /* weak references die before the attributes they might observe */
    if (type->tp_weaklistoffset > 0 && base->tp_weaklistoffset == 0)
        RpObject_ClearWeakRefs(self);
    for (RpTypeObject *t = type; t != base; t = t->tp_base)
        if (RpType_HasFeature(t, RP_TPFLAGS_HEAPTYPE))
            clear_slots(self, t);
    if (owns_dict(type, base))
        clear_dict(self);
    /* the base frees the memory; the class reference goes last */
    base->tp_dealloc(self);
    if (RpType_HasFeature(type, RP_TPFLAGS_HEAPTYPE))
        Rp_DECREF(type);
}

void _RpSubtype_Dealloc(RpObject *self)
{
    if (RpObject_IS_GC(self))
        RpObject_GC_UnTrack(self);
    RP_TRASHCAN_BEGIN(self, _RpSubtype_Dealloc)
    subtype_dealloc_body(self);
    RP_TRASHCAN_END
}

/* ---- the type `object` ------------------------------------------------------ */

static int excess_args(RpObject *args, RpObject *kwds)
{
    return RpTuple_GET_SIZE(args) > 0 || (kwds != NULL && RpDict_Check(kwds) && RpDict_GET_SIZE(kwds) > 0);
}

/* CPython's rule: excess arguments are an error unless the class
 * overrides exactly the other one of __new__/__init__. */
int _RpObject_InitSlot(RpObject *self, RpObject *args, RpObject *kwds)
{
    RpTypeObject *type = Rp_TYPE(self);
    if (!excess_args(args, kwds))
        return 0;
    if (type->tp_init != _RpObject_InitSlot) {
        RpErr_SetString(RpExc_TypeError,
                        "object.__init__() takes exactly one argument (the instance to initialize)");
        return -1;
    }
    if (type->tp_new == _RpObject_NewSlot) {
        RpErr_Format(RpExc_TypeError,
                     "%.200s.__init__() takes exactly one argument (the instance to initialize)",
                     type->tp_name);
        return -1;
    }
    return 0;
}

/* "Can't instantiate abstract class A with abstract methods f, g" */
static void abstract_error(RpTypeObject *type)
{
    RpObject *key = RpUnicode_InternFromString("__abstractmethods__");
    RpObject *am = key ? RpObject_GetAttr((RpObject *)type, key) : NULL;
    Rp_XDECREF(key);
    RpObject *sorted = am ? RpSequence_List(am) : NULL;
    Rp_XDECREF(am);
    if (sorted == NULL || RpList_Sort(sorted) < 0) {
        Rp_XDECREF(sorted);
        return;
    }
    RpObject *sep = RpUnicode_FromString(", ");
    RpObject *joined = sep ? RpUnicode_Join(sep, sorted) : NULL;
    if (joined != NULL)
        RpErr_Format(RpExc_TypeError, "Can't instantiate abstract class %s with abstract method%s %U",
                     type->tp_name, RpList_GET_SIZE(sorted) > 1 ? "s" : "", joined);
    Rp_XDECREF(sep);
    Rp_XDECREF(joined);
    Rp_DECREF(sorted);
}

RpObject *_RpObject_NewSlot(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    if (excess_args(args, kwds)) {
        if (type->tp_new != _RpObject_NewSlot) {
            RpErr_SetString(RpExc_TypeError,
                            "object.__new__() takes exactly one argument (the type to instantiate)");
            return NULL;
        }
        if (type->tp_init == _RpObject_InitSlot) {
            RpErr_Format(RpExc_TypeError, "%.200s() takes no arguments", type->tp_name);
            return NULL;
        }
    }
    if (RpType_HasFeature(type, RP_TPFLAGS_IS_ABSTRACT)) {
        abstract_error(type);
        return NULL;
    }
    return type->tp_alloc(type, 0);
}

static void object_dealloc(RpObject *self)
{
    Rp_TYPE(self)->tp_free(self);
}

/* <__main__.A object at 0x7f...> ; the module is left out for builtins. */
static RpObject *object_repr(RpObject *self)
{
    RpTypeObject *t = Rp_TYPE(self);
    RpObject *mod = _RpType_GetModuleName(t);
    if (mod == NULL)
        RpErr_Clear();
    else if (!RpUnicode_Check(mod))
        Rp_CLEAR(mod);
    RpObject *qn = _RpType_GetQualName(t);
    if (qn == NULL) {
        Rp_XDECREF(mod);
        return NULL;
    }
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)self);
    RpObject *r;
    if (mod != NULL && !_RpUnicode_EqualToASCIIString(mod, "builtins"))
        r = RpUnicode_FromFormat("<%U.%U object at %s>", mod, qn, addr);
    else
        r = RpUnicode_FromFormat("<%U object at %s>", qn, addr);
    Rp_XDECREF(mod);
    Rp_DECREF(qn);
    return r;
}

static RpObject *object_str(RpObject *self)
{
    reprfunc f = Rp_TYPE(self)->tp_repr;
    return f != NULL ? f(self) : object_repr(self);
}

static Rp_hash_t object_hash(RpObject *self)
{
    return _Rp_HashPointer(self);
}

/* == by identity; != as the negation of the type's own ==. */
static RpObject *object_richcompare(RpObject *self, RpObject *other, int op)
{
    if (op == Rp_EQ) {
        if (self == other)
            Rp_RETURN_TRUE;
        Rp_RETURN_NOTIMPLEMENTED;
    }
    if (op == Rp_NE && Rp_TYPE(self)->tp_richcompare != NULL) {
        RpObject *res = Rp_TYPE(self)->tp_richcompare(self, other, Rp_EQ);
        if (res == NULL || res == Rp_NotImplemented)
            return res;
        int ok = RpObject_IsTrue(res);
        Rp_DECREF(res);
        return ok < 0 ? NULL : RpBool_FromLong(!ok);
    }
    Rp_RETURN_NOTIMPLEMENTED;
}

static RpObject *object_get_class(RpObject *self, void *c)
{
    return Rp_NewRef(Rp_TYPE(self));
}

/* Two classes may swap instances only when their layouts agree. */
static int compatible_layout(RpTypeObject *a, RpTypeObject *b)
{
    return a->tp_basicsize == b->tp_basicsize && a->tp_itemsize == b->tp_itemsize &&
           a->tp_dictoffset == b->tp_dictoffset && a->tp_weaklistoffset == b->tp_weaklistoffset &&
           RpType_IS_GC(a) == RpType_IS_GC(b) &&
           ((a->tp_flags ^ b->tp_flags) & RP_TPFLAGS_MANAGED_ATTRS) == 0 &&
           solid_dealloc_base(a) == solid_dealloc_base(b) &&
           (a->ht_slots == b->ht_slots ||
            (a->ht_slots && b->ht_slots &&
             RpObject_RichCompareBool(a->ht_slots, b->ht_slots, Rp_EQ) == 1));
}

static int object_set_class(RpObject *self, RpObject *value, void *c)
{
    if (value == NULL) {
        RpErr_SetString(RpExc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!RpType_Check(value)) {
        RpErr_Format(RpExc_TypeError, "__class__ must be set to a class, not '%s' object",
                     Rp_TYPE(value)->tp_name);
        return -1;
    }
    RpTypeObject *old = Rp_TYPE(self), *nt = (RpTypeObject *)value;
    if (!RpType_HasFeature(old, RP_TPFLAGS_HEAPTYPE) || !RpType_HasFeature(nt, RP_TPFLAGS_HEAPTYPE)) {
        RpErr_Format(RpExc_TypeError,
                     "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (!compatible_layout(old, nt)) {
        RpErr_Format(RpExc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                     nt->tp_name, old->tp_name);
        return -1;
    }
    Rp_INCREF(nt);
    Rp_SET_TYPE(self, nt);
    Rp_DECREF(old);
    return 0;
}

static RpObject *object_format(RpObject *self, RpObject *spec)
{
    if (!RpUnicode_Check(spec)) {
        RpErr_Format(RpExc_TypeError, "__format__() argument must be str, not %.200s",
                     Rp_TYPE(spec)->tp_name);
        return NULL;
    }
    if (RpUnicode_GET_LENGTH(spec) > 0) {
        RpErr_Format(RpExc_TypeError, "unsupported format string passed to %.200s.__format__",
                     Rp_TYPE(self)->tp_name);
        return NULL;
    }
    return RpObject_Str(self);
}

static RpObject *object_sizeof(RpObject *self, RpObject *unused)
{
    RpTypeObject *t = Rp_TYPE(self);
    Rp_ssize_t size = t->tp_basicsize;
    if (t->tp_itemsize != 0) {
        Rp_ssize_t n = Rp_SIZE(self);
        size += (n < 0 ? -n : n) * t->tp_itemsize;
    }
    return RpLong_FromSsize_t(size);
}

/* dir(obj): the instance's attributes plus everything its class offers. */
static RpObject *object_dir(RpObject *self, RpObject *unused)
{
    RpObject *dict = RpDict_New(), *keys = NULL, *d = NULL, *cls = NULL;
    if (dict == NULL)
        return NULL;
    if (_RpObject_LookupAttr(self, RP_ID(__dict__), &d) < 0)
        goto done;
    if (d != NULL && RpDict_Check(d) && RpDict_Update(dict, d) < 0)
        goto done;
    if (_RpObject_LookupAttr(self, RP_ID(__class__), &cls) < 0)
        goto done;
    if (cls != NULL && RpType_Check(cls)) {
        RpObject *mro = ((RpTypeObject *)cls)->tp_mro;
        for (Rp_ssize_t i = 0; mro != NULL && i < RpTuple_GET_SIZE(mro); i++) {
            RpObject *cd = ((RpTypeObject *)RpTuple_GET_ITEM(mro, i))->tp_dict;
            if (cd != NULL && RpDict_Update(dict, cd) < 0)
                goto done;
        }
    }
    keys = RpDict_Keys(dict);
done:
    Rp_XDECREF(d);
    Rp_XDECREF(cls);
    Rp_DECREF(dict);
    return keys;
}

static RpObject *object_init_subclass(RpObject *cls, RpObject *args, RpObject *kwds)
{
    if (kwds != NULL && RpDict_GET_SIZE(kwds) > 0) {
        RpErr_Format(RpExc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                     ((RpTypeObject *)cls)->tp_name);
        return NULL;
    }
    if (RpTuple_GET_SIZE(args) > 0) {
        RpErr_Format(RpExc_TypeError, "%s.__init_subclass__() takes no arguments (%zd given)",
                     ((RpTypeObject *)cls)->tp_name, RpTuple_GET_SIZE(args));
        return NULL;
    }
    Rp_RETURN_NONE;
}

static RpObject *object_subclasshook(RpObject *cls, RpObject *args)
{
    Rp_RETURN_NOTIMPLEMENTED;
}

/* ---- copy/pickle support: __getstate__, __reduce_ex__ ---------------------- */

static RpObject *copyreg_attr(const char *name)
{
    RpObject *copyreg = RpImport_ImportModule("copyreg");
    if (copyreg == NULL)
        return NULL;
    RpObject *r = RpObject_GetAttrString(copyreg, name);
    Rp_DECREF(copyreg);
    return r;
}

/* {slot name: value} for the __slots__ values that are set, or NULL
 * (no exception) when there are none. */
static RpObject *slot_state(RpObject *obj)
{
    RpObject *f = copyreg_attr("_slotnames");
    RpObject *names = f == NULL ? NULL : RpObject_CallOneArg(f, (RpObject *)Rp_TYPE(obj));
    Rp_XDECREF(f);
    if (names == NULL)
        return NULL;
    RpObject *slots = RpDict_New(), *it = slots ? RpObject_GetIter(names) : NULL, *name;
    Rp_DECREF(names);
    if (it == NULL) {
        Rp_XDECREF(slots);
        return NULL;
    }
    while ((name = RpIter_Next(it)) != NULL) {
        RpObject *v = NULL;
        int r = _RpObject_LookupAttr(obj, name, &v);
        if (r > 0)
            r = RpDict_SetItem(slots, name, v);
        Rp_XDECREF(v);
        Rp_DECREF(name);
        if (r < 0)
            break;
    }
    Rp_DECREF(it);
    if (RpErr_Occurred() || RpDict_GET_SIZE(slots) == 0)
        Rp_CLEAR(slots);
    return slots;
}

/* object.__getstate__(): the instance dict (None when empty), paired with
 * the set __slots__ values when there are some. */
static RpObject *object_getstate(RpObject *obj, RpObject *unused)
{
    RpObject **dp = _RpObject_GetDictPtr(obj);
    if (dp == NULL && RpErr_Occurred())
        return NULL;
    RpObject *state = (dp != NULL && *dp != NULL && RpDict_GET_SIZE(*dp) > 0) ? Rp_NewRef(*dp)
                                                                             : Rp_NewRef(Rp_None);
    RpObject *slots = slot_state(obj);
    if (slots == NULL)
        return RpErr_Occurred() ? (Rp_DECREF(state), NULL) : state;
    RpObject *pair = RpTuple_Pack(2, state, slots);
    Rp_DECREF(state);
    Rp_DECREF(slots);
    return pair;
}

/* Arguments for cls.__new__: __getnewargs_ex__ or __getnewargs__. */
static int newargs(RpObject *obj, RpObject **args, RpObject **kwargs)
{
    *args = *kwargs = NULL;
    RpObject *f = RpUnicode_InternFromString("__getnewargs_ex__");
    RpObject *m = f ? _RpObject_LookupSpecial(obj, f) : NULL;
    Rp_XDECREF(f);
    if (m != NULL) {
        RpObject *r = RpObject_CallNoArgs(m);
        Rp_DECREF(m);
        if (r == NULL || !RpTuple_Check(r) || RpTuple_GET_SIZE(r) != 2) {
            if (r != NULL)
                RpErr_SetString(RpExc_TypeError, "__getnewargs_ex__ should return a tuple of length 2");
            Rp_XDECREF(r);
            return -1;
        }
        *args = Rp_NewRef(RpTuple_GET_ITEM(r, 0));
        *kwargs = Rp_NewRef(RpTuple_GET_ITEM(r, 1));
        Rp_DECREF(r);
        return 0;
    }
    if (RpErr_Occurred())
        return -1;
    f = RpUnicode_InternFromString("__getnewargs__");
    m = f ? _RpObject_LookupSpecial(obj, f) : NULL;
    Rp_XDECREF(f);
    *args = m != NULL ? RpObject_CallNoArgs(m) : (RpErr_Occurred() ? NULL : RpTuple_New(0));
    Rp_XDECREF(m);
    return *args == NULL ? -1 : 0;
}

static RpObject *iter_if(RpObject *obj, int cond, const char *method)
{
    if (!cond)
        return Rp_NewRef(Rp_None);
    if (method == NULL)
        return RpObject_GetIter(obj);
    RpObject *items = RpObject_CallMethod0(obj, method);
    RpObject *it = items == NULL ? NULL : RpObject_GetIter(items);
    Rp_XDECREF(items);
    return it;
}

/* (copyreg.__newobj__, (cls, *args), state, listitems, dictitems) */
static RpObject *reduce_newobj(RpObject *obj)
{
    RpTypeObject *cls = Rp_TYPE(obj);
    if (cls->tp_new == NULL) {
        RpErr_Format(RpExc_TypeError, "cannot pickle '%.200s' object", cls->tp_name);
        return NULL;
    }
    RpObject *args, *kwargs, *newobj = NULL, *nargs = NULL, *state = NULL, *li = NULL, *di = NULL, *res = NULL;
    if (newargs(obj, &args, &kwargs) < 0)
        return NULL;
    if (kwargs != NULL && RpObject_IsTrue(kwargs) == 1) {
        newobj = copyreg_attr("__newobj_ex__");
        nargs = RpTuple_Pack(3, (RpObject *)cls, args, kwargs);
    } else {
        RpObject *t = RpSequence_Tuple(args);
        newobj = copyreg_attr("__newobj__");
        nargs = t == NULL ? NULL : RpTuple_New(RpTuple_GET_SIZE(t) + 1);
        for (Rp_ssize_t i = 0; nargs != NULL && i <= RpTuple_GET_SIZE(t); i++)
            RpTuple_SET_ITEM(nargs, i, Rp_NewRef(i == 0 ? (RpObject *)cls : RpTuple_GET_ITEM(t, i - 1)));
        Rp_XDECREF(t);
    }
    if (newobj == NULL || nargs == NULL)
        goto done;
    state = RpObject_CallMethod0(obj, "__getstate__");
    li = state ? iter_if(obj, RpList_Check(obj), NULL) : NULL;
    di = li ? iter_if(obj, RpDict_Check(obj), "items") : NULL;
    if (di != NULL)
        res = RpTuple_Pack(5, newobj, nargs, state, li, di);
done:
    Rp_XDECREF(args);
    Rp_XDECREF(kwargs);
    Rp_XDECREF(newobj);
    Rp_XDECREF(nargs);
    Rp_XDECREF(state);
    Rp_XDECREF(li);
    Rp_XDECREF(di);
    return res;
}

static RpObject *object_reduce(RpObject *self, RpObject *unused)
{
    return reduce_newobj(self);
}

/* A class that overrides __reduce__ gets it called; otherwise the
 * protocol-2 reduction (used for every protocol here). */
static RpObject *object_reduce_ex(RpObject *self, RpObject *protocol)
{
    RpObject *name = RpUnicode_InternFromString("__reduce__");
    if (name == NULL)
        return NULL;
    RpObject *mine = _RpType_Lookup(&RpBaseObject_Type, name);
    RpObject *theirs = _RpType_Lookup(Rp_TYPE(self), name);
    RpObject *res;
    if (theirs != NULL && theirs != mine)
        res = RpObject_CallMethodObjArgs(self, name, NULL);
    else
        res = reduce_newobj(self);
    Rp_DECREF(name);
    return res;
}

static RpMethodDef object_methods[] = {
    {"__reduce_ex__", (RpCFunction)object_reduce_ex, RP_METH_O, "Helper for pickle."},
    {"__reduce__", (RpCFunction)object_reduce, RP_METH_NOARGS, "Helper for pickle."},
    {"__getstate__", (RpCFunction)object_getstate, RP_METH_NOARGS, "Helper for pickle."},
    {"__subclasshook__", (RpCFunction)object_subclasshook, RP_METH_CLASS | RP_METH_VARARGS,
     "Abstract classes can override this to customize issubclass()."},
    {"__init_subclass__", (RpCFunction)(void (*)(void))object_init_subclass,
     RP_METH_CLASS | RP_METH_VARARGS | RP_METH_KEYWORDS,
     "This method is called when a class is subclassed."},
    {"__format__", (RpCFunction)object_format, RP_METH_O, "Default object formatter."},
    {"__sizeof__", (RpCFunction)object_sizeof, RP_METH_NOARGS, "Size of object in memory, in bytes."},
    {"__dir__", (RpCFunction)object_dir, RP_METH_NOARGS, "Default dir() implementation."},
    {NULL, NULL, 0, NULL},
};

static RpGetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

RpTypeObject RpBaseObject_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "object",
    .tp_basicsize = sizeof(RpObject),
    .tp_dealloc = object_dealloc,
    .tp_hash = object_hash,
    .tp_repr = object_repr,
    .tp_str = object_str,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_setattro = RpObject_GenericSetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_BASETYPE,
    .tp_doc = "The base class of the class hierarchy.\n\n"
              "When called, it accepts no arguments and returns a new featureless\n"
              "instance that has no instance attributes and cannot be given any.\n",
    .tp_richcompare = object_richcompare,
    .tp_methods = object_methods,
    .tp_getset = object_getsets,
    .tp_init = _RpObject_InitSlot,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = _RpObject_NewSlot,
    .tp_free = RpObject_Free,
};
