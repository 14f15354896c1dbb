/* typeobject.c -- the type `type`: readying static types (inheritance,
 * MRO, the type's dict), creating classes (type.__new__), attribute access
 * on types, and the method cache.
 *
 * Related files: typeslots.c (the slot <-> dunder-method tables: slot
 * wrappers like int.__add__ and the slot functions that call a class's
 * Python methods), typeinstance.c (instances of classes, object layout).
 *
 * Method cache: _RpType_Lookup is the hottest function of attribute
 * access.  Each type carries a version tag that changes whenever its dict
 * or the dict of an ancestor changes (RpType_Modified walks the subclass
 * registry).  A global 4096-entry table maps (version tag, interned name)
 * to the borrowed result, misses included.  Invariant: a type with a valid
 * tag has bases with valid tags, so invalidating a type invalidates all
 * of its subclasses by walking down from it.
 */
#include "rp.h"

/* ---- method cache ---------------------------------------------------------- */

#define MCACHE_SIZE 4096
typedef struct {
    unsigned int version;
    RpObject *name;     /* strong: keeps the pointer from being reused */
    RpObject *value;    /* borrowed from the type's dict; NULL = miss */
} MCacheEntry;
static MCacheEntry mcache[MCACHE_SIZE];
static unsigned int next_version_tag = 1;

static inline size_t mcache_hash(unsigned int version, RpObject *name)
{
    return ((size_t)version ^ ((size_t)(uintptr_t)name >> 4)) & (MCACHE_SIZE - 1);
}

static int assign_version_tag(RpTypeObject *t)
{
    if (RpType_HasFeature(t, RP_TPFLAGS_VALID_VERSION_TAG))
        return 1;
    if (!RpType_HasFeature(t, RP_TPFLAGS_READY) || next_version_tag == 0)
        return 0;   /* not ready yet, or the counter wrapped: no caching */
    RpObject *bases = t->tp_bases;
    for (Rp_ssize_t i = 0; bases != NULL && i < RpTuple_GET_SIZE(bases); i++)
        if (!assign_version_tag((RpTypeObject *)RpTuple_GET_ITEM(bases, i)))
            return 0;
    t->tp_version_tag = next_version_tag++;
    t->tp_flags |= RP_TPFLAGS_VALID_VERSION_TAG;
    return 1;
}

static RpObject *subclass_at(RpObject *key);

void RpType_Modified(RpTypeObject *t)
{
    if (!RpType_HasFeature(t, RP_TPFLAGS_VALID_VERSION_TAG))
        return;   /* by the invariant, no subclass has a valid tag either */
    if (t->tp_subclasses != NULL) {
        Rp_ssize_t pos = 0;
        RpObject *key, *value;
        while (RpDict_Next(t->tp_subclasses, &pos, &key, &value))
            RpType_Modified((RpTypeObject *)subclass_at(key));
    }
    t->tp_flags &= ~RP_TPFLAGS_VALID_VERSION_TAG;
    t->tp_version_tag = 0;
}

/* Look name up in one dict without raising (class dicts have str keys). */
static RpObject *dict_get(RpObject *dict, RpObject *name)
{
    if (dict == NULL)
        return NULL;
    RpObject *v = RpDict_GetItemWithError(dict, name);
    if (v == NULL && RpErr_Occurred())
        RpErr_Clear();
    return v;
}

static RpObject *find_name_in_mro(RpTypeObject *t, RpObject *name)
{
    RpObject *mro = t->tp_mro;
    if (mro == NULL) {
        /* not ready yet (or cleared by the collector): walk tp_base */
        for (; t != NULL; t = t->tp_base) {
            RpObject *v = dict_get(t->tp_dict, name);
            if (v != NULL)
                return v;
        }
        return NULL;
    }
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(mro); i++) {
        RpObject *v = dict_get(((RpTypeObject *)RpTuple_GET_ITEM(mro, i))->tp_dict, name);
        if (v != NULL)
            return v;
    }
    return NULL;
}

RpObject *_RpType_Lookup(RpTypeObject *t, RpObject *name)
{
    int cacheable = RpUnicode_CheckExact(name) && ((RpUnicodeObject *)name)->interned;
    if (!cacheable || !assign_version_tag(t))
        return find_name_in_mro(t, name);
    MCacheEntry *e = &mcache[mcache_hash(t->tp_version_tag, name)];
    if (e->version == t->tp_version_tag && e->name == name)
        return e->value;
    RpObject *res = find_name_in_mro(t, name);
    e->version = t->tp_version_tag;
    Rp_XSETREF(e->name, Rp_NewRef(name));
    e->value = res;
    return res;
}

static void mcache_clear(void)
{
    for (size_t i = 0; i < MCACHE_SIZE; i++) {
        mcache[i].version = 0;
        mcache[i].value = NULL;
        Rp_CLEAR(mcache[i].name);
    }
}

/* ---- small queries ----------------------------------------------------------- */

int RpType_IsSubtype(RpTypeObject *a, RpTypeObject *b)
{
    RpObject *mro = a->tp_mro;
    if (mro != NULL) {
        for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(mro); i++)
            if (RpTuple_GET_ITEM(mro, i) == (RpObject *)b)
                return 1;
        return 0;
    }
    for (; a != NULL; a = a->tp_base)
        if (a == b)
            return 1;
    return b == &RpBaseObject_Type;
}

const char *_RpType_Name(RpTypeObject *t)
{
    const char *s = strrchr(t->tp_name, '.');
    return s != NULL ? s + 1 : t->tp_name;
}

RpObject *_RpType_GetQualName(RpTypeObject *t)
{
    if (RpType_HasFeature(t, RP_TPFLAGS_HEAPTYPE) && t->ht_qualname != NULL)
        return Rp_NewRef(t->ht_qualname);
    return RpUnicode_FromString(_RpType_Name(t));
}

RpObject *_RpType_GetModuleName(RpTypeObject *t)
{
    if (RpType_HasFeature(t, RP_TPFLAGS_HEAPTYPE)) {
        RpObject *m = dict_get(t->tp_dict, RP_ID(__module__));
        if (m != NULL)
            return Rp_NewRef(m);
        return RpUnicode_FromString("builtins");
    }
    const char *dot = strrchr(t->tp_name, '.');
    if (dot != NULL)
        return RpUnicode_FromStringAndSize(t->tp_name, dot - t->tp_name);
    return RpUnicode_FromString("builtins");
}

static RpObject *type_name_obj(RpTypeObject *t)
{
    if (RpType_HasFeature(t, RP_TPFLAGS_HEAPTYPE) && t->ht_name != NULL)
        return Rp_NewRef(t->ht_name);
    return RpUnicode_FromString(_RpType_Name(t));
}

/* ---- the subclass registry ------------------------------------------------
 * tp_subclasses maps id(subclass) -> None.  It holds no reference: a
 * subclass removes itself from its bases' registries when it dies. */

static RpObject *subclass_key(RpTypeObject *t)
{
    return RpLong_FromLongLong((long long)(intptr_t)t);
}

static RpObject *subclass_at(RpObject *key)
{
    return (RpObject *)(intptr_t)RpLong_AsLongLong(key);
}

static int add_subclass(RpTypeObject *base, RpTypeObject *t)
{
    if (base->tp_subclasses == NULL && (base->tp_subclasses = RpDict_New()) == NULL)
        return -1;
    RpObject *key = subclass_key(t);
    if (key == NULL)
        return -1;
    int r = RpDict_SetItem(base->tp_subclasses, key, Rp_None);
    Rp_DECREF(key);
    return r;
}

static void remove_subclass(RpTypeObject *base, RpTypeObject *t)
{
    if (base->tp_subclasses == NULL)
        return;
    /* Runs from deallocs: must not disturb a pending exception, so no
     * KeyError for a class that never got registered (failed creation). */
    RpObject *saved = RpErr_GetRaisedException();
    RpObject *key = subclass_key(t);
    RpObject *old = key != NULL ? _RpDict_Pop(base->tp_subclasses, key, NULL) : NULL;
    Rp_XDECREF(old);
    Rp_XDECREF(key);
    RpErr_SetRaisedException(saved);
    if (RpDict_GET_SIZE(base->tp_subclasses) == 0)
        Rp_CLEAR(base->tp_subclasses);
}

static void remove_from_bases(RpTypeObject *t)
{
    RpObject *bases = t->tp_bases;
    for (Rp_ssize_t i = 0; bases != NULL && i < RpTuple_GET_SIZE(bases); i++)
        remove_subclass((RpTypeObject *)RpTuple_GET_ITEM(bases, i), t);
}

/* ---- MRO (C3 linearization) ----------------------------------------------- */

static int tail_contains(RpObject *seq, Rp_ssize_t whence, RpObject *o)
{
    for (Rp_ssize_t j = whence + 1; j < RpTuple_GET_SIZE(seq); j++)
        if (RpTuple_GET_ITEM(seq, j) == o)
            return 1;
    return 0;
}

/* "Cannot create a consistent method resolution\norder (MRO) for bases A, B"
 * naming the heads that are still waiting, once each, in order. */
static void set_mro_error(RpObject **to_merge, Rp_ssize_t n, Rp_ssize_t *remain)
{
    RpStrBuf b;
    RpStrBuf_Init(&b);
    RpStrBuf_AppendStr(&b, "Cannot create a consistent method resolution\norder (MRO) for bases");
    RpObject *seen = RpList_New(0);
    for (Rp_ssize_t i = 0; seen != NULL && i < n; i++) {
        if (remain[i] >= RpTuple_GET_SIZE(to_merge[i]))
            continue;
        RpObject *head = RpTuple_GET_ITEM(to_merge[i], remain[i]);
        if (RpSequence_Contains(seen, head) != 0)
            continue;
        RpList_Append(seen, head);
        RpObject *name = type_name_obj((RpTypeObject *)head);
        RpStrBuf_AppendStr(&b, RpList_GET_SIZE(seen) > 1 ? ", " : " ");
        if (name != NULL)
            RpStrBuf_AppendObject(&b, name);
        Rp_XDECREF(name);
    }
    Rp_XDECREF(seen);
    RpObject *msg = RpStrBuf_Finish(&b);
    if (msg != NULL) {
        RpErr_SetObject(RpExc_TypeError, msg);
        Rp_DECREF(msg);
    }
}

/* Is the head of list i free of appearing in any list's tail? */
static int good_head(RpObject **to_merge, Rp_ssize_t n, Rp_ssize_t *remain, RpObject *cand)
{
    for (Rp_ssize_t j = 0; j < n; j++)
        if (tail_contains(to_merge[j], remain[j], cand))
            return 0;
    return 1;
}

static int pmerge(RpObject *acc, RpObject **to_merge, Rp_ssize_t n)
{
    Rp_ssize_t *remain = RpMem_Calloc((size_t)n, sizeof(Rp_ssize_t));
    if (remain == NULL) {
        RpErr_NoMemory();
        return -1;
    }
    int res = 0;
again:;
    Rp_ssize_t empty = 0;
    for (Rp_ssize_t i = 0; i < n; i++) {
        if (remain[i] >= RpTuple_GET_SIZE(to_merge[i])) {
            empty++;
            continue;
        }
        RpObject *cand = RpTuple_GET_ITEM(to_merge[i], remain[i]);
        if (!good_head(to_merge, n, remain, cand))
            continue;
        if (RpList_Append(acc, cand) < 0) {
            res = -1;
            goto done;
        }
        for (Rp_ssize_t j = 0; j < n; j++)
            if (remain[j] < RpTuple_GET_SIZE(to_merge[j]) &&
                RpTuple_GET_ITEM(to_merge[j], remain[j]) == cand)
                remain[j]++;
        goto again;
    }
    if (empty != n) {
        set_mro_error(to_merge, n, remain);
        res = -1;
    }
done:
    RpMem_Free(remain);
    return res;
}

static int check_duplicates(RpObject *bases)
{
    Rp_ssize_t n = RpTuple_GET_SIZE(bases);
    for (Rp_ssize_t i = 0; i < n; i++) {
        for (Rp_ssize_t j = i + 1; j < n; j++) {
            if (RpTuple_GET_ITEM(bases, i) == RpTuple_GET_ITEM(bases, j)) {
                RpObject *name = type_name_obj((RpTypeObject *)RpTuple_GET_ITEM(bases, i));
                if (name != NULL)
                    RpErr_Format(RpExc_TypeError, "duplicate base class %U", name);
                Rp_XDECREF(name);
                return -1;
            }
        }
    }
    return 0;
}

static RpObject *mro_implementation(RpTypeObject *t)
{
    RpObject *bases = t->tp_bases;
    Rp_ssize_t n = RpTuple_GET_SIZE(bases);
    for (Rp_ssize_t i = 0; i < n; i++) {
        RpTypeObject *b = (RpTypeObject *)RpTuple_GET_ITEM(bases, i);
        if (b->tp_mro == NULL) {
            RpErr_Format(RpExc_TypeError, "Cannot extend an incomplete type '%.100s'", b->tp_name);
            return NULL;
        }
    }
    if (n == 0)
        return RpTuple_Pack(1, (RpObject *)t);
    if (check_duplicates(bases) < 0)
        return NULL;
    RpObject **to_merge = RpMem_Malloc(sizeof(RpObject *) * (size_t)(n + 1));
    RpObject *acc = RpList_New(0);
    if (to_merge == NULL || acc == NULL)
        goto error;
    for (Rp_ssize_t i = 0; i < n; i++)
        to_merge[i] = ((RpTypeObject *)RpTuple_GET_ITEM(bases, i))->tp_mro;
    to_merge[n] = bases;
    if (RpList_Append(acc, (RpObject *)t) < 0 || pmerge(acc, to_merge, n + 1) < 0)
        goto error;
    RpMem_Free(to_merge);
    RpObject *res = RpList_AsTuple(acc);
    Rp_DECREF(acc);
    return res;
error:
    if (to_merge == NULL)
        RpErr_NoMemory();
    RpMem_Free(to_merge);
    Rp_XDECREF(acc);
    return NULL;
}

static RpObject *type_mro_method(RpObject *self, RpObject *unused)
{
    RpObject *tup = mro_implementation((RpTypeObject *)self);
    if (tup == NULL)
        return NULL;
    RpObject *list = RpSequence_List(tup);
    Rp_DECREF(tup);
    return list;
}

static RpMethodDef type_methods[];

/* A metaclass may override mro(); its result must be a sequence of types. */
static RpObject *custom_mro(RpTypeObject *t)
{
    RpObject *res = RpObject_CallMethod0((RpObject *)t, "mro");
    if (res == NULL)
        return NULL;
    RpObject *tup = RpSequence_Tuple(res);
    Rp_DECREF(res);
    if (tup == NULL)
        return NULL;
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(tup); i++) {
        RpObject *c = RpTuple_GET_ITEM(tup, i);
        if (!RpType_Check(c)) {
            RpErr_Format(RpExc_TypeError, "mro() returned a non-class ('%.500s')", Rp_TYPE(c)->tp_name);
            Rp_DECREF(tup);
            return NULL;
        }
    }
    return tup;
}

/* Is mro() of t's metaclass the one of `type`? */
static int has_default_mro(RpTypeObject *t)
{
    if (Rp_TYPE(t) == &RpType_Type)
        return 1;
    RpObject *meth = _RpType_Lookup(Rp_TYPE(t), RP_ID(mro));
    return meth == NULL || (Rp_IS_TYPE(meth, &RpMethodDescr_Type) &&
                            ((RpMethodDescrObject *)meth)->d_method == &type_methods[0]);
}

static int type_ready_mro(RpTypeObject *t)
{
    RpObject *mro = has_default_mro(t) ? mro_implementation(t) : custom_mro(t);
    if (mro == NULL)
        return -1;
    Rp_XSETREF(t->tp_mro, mro);
    return 0;
}

/* ---- inheritance ----------------------------------------------------------- */

#define SUBCLASS_FLAGS                                                          \
    (RP_TPFLAGS_LONG_SUBCLASS | RP_TPFLAGS_LIST_SUBCLASS | RP_TPFLAGS_TUPLE_SUBCLASS | \
     RP_TPFLAGS_BYTES_SUBCLASS | RP_TPFLAGS_UNICODE_SUBCLASS | RP_TPFLAGS_DICT_SUBCLASS | \
     RP_TPFLAGS_BASE_EXC_SUBCLASS | RP_TPFLAGS_TYPE_SUBCLASS)

/* The fast-subclass bit of the builtin roots, in case a static definition
 * forgot it (RpList_Check and friends rely on it). */
static void set_root_flags(RpTypeObject *t)
{
    if (t == &RpLong_Type)
        t->tp_flags |= RP_TPFLAGS_LONG_SUBCLASS;
    else if (t == &RpList_Type)
        t->tp_flags |= RP_TPFLAGS_LIST_SUBCLASS;
    else if (t == &RpTuple_Type)
        t->tp_flags |= RP_TPFLAGS_TUPLE_SUBCLASS;
    else if (t == &RpBytes_Type)
        t->tp_flags |= RP_TPFLAGS_BYTES_SUBCLASS;
    else if (t == &RpUnicode_Type)
        t->tp_flags |= RP_TPFLAGS_UNICODE_SUBCLASS;
    else if (t == &RpDict_Type)
        t->tp_flags |= RP_TPFLAGS_DICT_SUBCLASS;
    else if (t == &RpType_Type)
        t->tp_flags |= RP_TPFLAGS_TYPE_SUBCLASS;
}

/* What only the primary base (tp_base) passes on: layout and flags. */
static void inherit_special(RpTypeObject *t, RpTypeObject *base)
{
    if (!RpType_IS_GC(t) && RpType_IS_GC(base) && t->tp_traverse == NULL && t->tp_clear == NULL) {
        t->tp_flags |= RP_TPFLAGS_HAVE_GC;
        t->tp_traverse = base->tp_traverse;
        t->tp_clear = base->tp_clear;
    }
    if (t->tp_basicsize == 0)
        t->tp_basicsize = base->tp_basicsize;
    if (t->tp_itemsize == 0)
        t->tp_itemsize = base->tp_itemsize;
    if (t->tp_weaklistoffset == 0)
        t->tp_weaklistoffset = base->tp_weaklistoffset;
    if (t->tp_dictoffset == 0) {
        t->tp_dictoffset = base->tp_dictoffset;
        t->tp_flags |= base->tp_flags & RP_TPFLAGS_MANAGED_ATTRS;
    }
    t->tp_flags |= base->tp_flags & SUBCLASS_FLAGS;
    if (t->tp_as_number == NULL)
        t->tp_as_number = base->tp_as_number;
    if (t->tp_as_sequence == NULL)
        t->tp_as_sequence = base->tp_as_sequence;
    if (t->tp_as_mapping == NULL)
        t->tp_as_mapping = base->tp_as_mapping;
}

#define COPY(dst, src, f) do { if ((dst)->f == NULL) (dst)->f = (src)->f; } while (0)

static void inherit_number(RpNumberMethods *d, RpNumberMethods *s)
{
    COPY(d, s, nb_add); COPY(d, s, nb_subtract); COPY(d, s, nb_multiply);
    COPY(d, s, nb_remainder); COPY(d, s, nb_divmod); COPY(d, s, nb_power);
    COPY(d, s, nb_negative); COPY(d, s, nb_positive); COPY(d, s, nb_absolute);
    COPY(d, s, nb_bool); COPY(d, s, nb_invert); COPY(d, s, nb_lshift);
    COPY(d, s, nb_rshift); COPY(d, s, nb_and); COPY(d, s, nb_xor); COPY(d, s, nb_or);
    COPY(d, s, nb_int); COPY(d, s, nb_float);
    COPY(d, s, nb_inplace_add); COPY(d, s, nb_inplace_subtract);
    COPY(d, s, nb_inplace_multiply); COPY(d, s, nb_inplace_remainder);
    COPY(d, s, nb_inplace_power); COPY(d, s, nb_inplace_lshift);
    COPY(d, s, nb_inplace_rshift); COPY(d, s, nb_inplace_and);
    COPY(d, s, nb_inplace_xor); COPY(d, s, nb_inplace_or);
    COPY(d, s, nb_floor_divide); COPY(d, s, nb_true_divide);
    COPY(d, s, nb_inplace_floor_divide); COPY(d, s, nb_inplace_true_divide);
    COPY(d, s, nb_index); COPY(d, s, nb_matrix_multiply);
    COPY(d, s, nb_inplace_matrix_multiply);
}

static void inherit_sequence(RpSequenceMethods *d, RpSequenceMethods *s)
{
    COPY(d, s, sq_length); COPY(d, s, sq_concat); COPY(d, s, sq_repeat);
    COPY(d, s, sq_item); COPY(d, s, sq_ass_item); COPY(d, s, sq_contains);
    COPY(d, s, sq_inplace_concat); COPY(d, s, sq_inplace_repeat);
}

static void inherit_mapping(RpMappingMethods *d, RpMappingMethods *s)
{
    COPY(d, s, mp_length); COPY(d, s, mp_subscript); COPY(d, s, mp_ass_subscript);
}

/* A type that defines __eq__ or __hash__ itself inherits neither. */
static int overrides_hash(RpTypeObject *t)
{
    return dict_get(t->tp_dict, RP_ID(__eq__)) != NULL ||
           dict_get(t->tp_dict, RP_ID(__hash__)) != NULL;
}

static void inherit_slots(RpTypeObject *t, RpTypeObject *b)
{
    if (t->tp_as_number != NULL && b->tp_as_number != NULL && t->tp_as_number != b->tp_as_number)
        inherit_number(t->tp_as_number, b->tp_as_number);
    if (t->tp_as_sequence != NULL && b->tp_as_sequence != NULL && t->tp_as_sequence != b->tp_as_sequence)
        inherit_sequence(t->tp_as_sequence, b->tp_as_sequence);
    if (t->tp_as_mapping != NULL && b->tp_as_mapping != NULL && t->tp_as_mapping != b->tp_as_mapping)
        inherit_mapping(t->tp_as_mapping, b->tp_as_mapping);
    COPY(t, b, tp_dealloc);
    COPY(t, b, tp_repr); COPY(t, b, tp_str); COPY(t, b, tp_call);
    COPY(t, b, tp_getattro); COPY(t, b, tp_setattro);
    if (t->tp_richcompare == NULL && t->tp_hash == NULL && !overrides_hash(t)) {
        t->tp_richcompare = b->tp_richcompare;
        t->tp_hash = b->tp_hash;
    }
    COPY(t, b, tp_iter); COPY(t, b, tp_iternext);
    COPY(t, b, tp_descr_get); COPY(t, b, tp_descr_set);
    COPY(t, b, tp_init); COPY(t, b, tp_alloc); COPY(t, b, tp_is_gc);
    COPY(t, b, tp_finalize);
    if (!RpType_HasFeature(t, RP_TPFLAGS_HEAPTYPE) && t->tp_vectorcall_offset == 0)
        t->tp_vectorcall_offset = b->tp_vectorcall_offset;
    if (t->tp_free == NULL) {
        /* a GC type cannot use its non-GC base's free */
        if (RpType_IS_GC(t) && !RpType_IS_GC(b) && b->tp_free == RpObject_Free)
            t->tp_free = RpObject_GC_Del;
        else
            t->tp_free = b->tp_free;
    }
}

static void type_inherit(RpTypeObject *t)
{
    if (t->tp_base != NULL)
        inherit_special(t, t->tp_base);
    RpObject *mro = t->tp_mro;
    for (Rp_ssize_t i = 1; i < RpTuple_GET_SIZE(mro); i++)
        inherit_slots(t, (RpTypeObject *)RpTuple_GET_ITEM(mro, i));
}

/* ---- filling the dict from the C tables ------------------------------------ */

static int dict_add_new(RpObject *dict, const char *name, RpObject *v)
{
    if (v == NULL)
        return -1;
    RpObject *key = RpUnicode_InternFromString(name);
    int r = key == NULL ? -1 : 0;
    if (r == 0 && dict_get(dict, key) == NULL)
        r = RpDict_SetItem(dict, key, v);
    Rp_XDECREF(key);
    Rp_DECREF(v);
    return r;
}

static RpObject *method_object(RpTypeObject *t, RpMethodDef *ml)
{
    if (ml->ml_flags & RP_METH_CLASS)
        return RpDescr_NewClassMethod(t, ml);
    if (ml->ml_flags & RP_METH_STATIC) {
        RpObject *f = RpCFunction_NewEx(ml, NULL, NULL);
        if (f == NULL)
            return NULL;
        RpObject *sm = RpStaticMethod_New(f);
        Rp_DECREF(f);
        return sm;
    }
    return RpDescr_NewMethod(t, ml);
}

static int add_methods(RpTypeObject *t)
{
    for (RpMethodDef *ml = t->tp_methods; ml != NULL && ml->ml_name != NULL; ml++)
        if (dict_add_new(t->tp_dict, ml->ml_name, method_object(t, ml)) < 0)
            return -1;
    return 0;
}

static int add_members(RpTypeObject *t)
{
    for (RpMemberDef *m = t->tp_members; m != NULL && m->name != NULL; m++)
        if (dict_add_new(t->tp_dict, m->name, RpDescr_NewMember(t, m)) < 0)
            return -1;
    return 0;
}

static int add_getsets(RpTypeObject *t)
{
    for (RpGetSetDef *g = t->tp_getset; g != NULL && g->name != NULL; g++)
        if (dict_add_new(t->tp_dict, g->name, RpDescr_NewGetSet(t, g)) < 0)
            return -1;
    return 0;
}

static int type_ready_doc(RpTypeObject *t)
{
    if (dict_get(t->tp_dict, RP_ID(__doc__)) != NULL)
        return 0;
    RpObject *doc = t->tp_doc != NULL ? RpUnicode_FromString(t->tp_doc) : Rp_NewRef(Rp_None);
    if (doc == NULL)
        return -1;
    int r = RpDict_SetItem(t->tp_dict, RP_ID(__doc__), doc);
    Rp_DECREF(doc);
    return r;
}

/* Static types: T.__new__ for a type that defines tp_new itself;
 * everything else inherits tp_new, except a static type directly under
 * object without one: it cannot be instantiated from Python. */
static int type_ready_new(RpTypeObject *t)
{
    RpTypeObject *base = t->tp_base;
    if (t->tp_new != NULL) {
        if (RpType_HasFeature(t, RP_TPFLAGS_HEAPTYPE))
            return 0;
        return dict_add_new(t->tp_dict, "__new__",
                            RpCFunction_NewEx(&_RpType_NewWrapperDef, (RpObject *)t, NULL));
    }
    if (base != NULL && (base != &RpBaseObject_Type || RpType_HasFeature(t, RP_TPFLAGS_HEAPTYPE)))
        t->tp_new = base->tp_new;
    return 0;
}

/* __eq__ without __hash__ makes instances unhashable (CPython's rule). */
static int type_ready_hash(RpTypeObject *t)
{
    if (t->tp_hash != NULL)
        return 0;
    if (dict_get(t->tp_dict, RP_ID(__hash__)) == NULL &&
        RpDict_SetItem(t->tp_dict, RP_ID(__hash__), Rp_None) < 0)
        return -1;
    t->tp_hash = RpObject_HashNotImplemented;
    return 0;
}

static int type_ready_base(RpTypeObject *t)
{
    if (t->tp_base == NULL && t != &RpBaseObject_Type)
        t->tp_base = &RpBaseObject_Type;
    if (t->tp_base != NULL && !RpType_HasFeature(t->tp_base, RP_TPFLAGS_READY))
        if (RpType_Ready(t->tp_base) < 0)
            return -1;
    if (t->tp_bases == NULL) {
        t->tp_bases = t->tp_base == NULL ? RpTuple_New(0) : RpTuple_Pack(1, (RpObject *)t->tp_base);
        if (t->tp_bases == NULL)
            return -1;
    }
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(t->tp_bases); i++) {
        RpTypeObject *b = (RpTypeObject *)RpTuple_GET_ITEM(t->tp_bases, i);
        if (!RpType_HasFeature(b, RP_TPFLAGS_READY) && RpType_Ready(b) < 0)
            return -1;
    }
    return 0;
}

static int type_fill_dict(RpTypeObject *t)
{
    if (add_methods(t) < 0 || add_members(t) < 0 || add_getsets(t) < 0)
        return -1;
    if (!RpType_HasFeature(t, RP_TPFLAGS_HEAPTYPE) && _RpType_AddOperators(t) < 0)
        return -1;
    return 0;
}

static int type_ready_subclasses(RpTypeObject *t)
{
    RpObject *bases = t->tp_bases;
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(bases); i++)
        if (add_subclass((RpTypeObject *)RpTuple_GET_ITEM(bases, i), t) < 0)
            return -1;
    return 0;
}

static int type_ready_steps(RpTypeObject *t)
{
    if (Rp_TYPE(t) == NULL)
        Rp_SET_TYPE(t, &RpType_Type);
    set_root_flags(t);
    if (type_ready_base(t) < 0)
        return -1;
    if (t->tp_dict == NULL && (t->tp_dict = RpDict_New()) == NULL)
        return -1;
    if (type_ready_mro(t) < 0 || type_ready_new(t) < 0 || type_fill_dict(t) < 0)
        return -1;
    type_inherit(t);
    if (type_ready_hash(t) < 0 || type_ready_doc(t) < 0)
        return -1;
    return type_ready_subclasses(t);
}

int RpType_Ready(RpTypeObject *t)
{
    if (RpType_HasFeature(t, RP_TPFLAGS_READY))
        return 0;
    t->tp_flags |= RP_TPFLAGS_READYING;
    int r = type_ready_steps(t);
    t->tp_flags &= ~RP_TPFLAGS_READYING;
    if (r == 0)
        t->tp_flags |= RP_TPFLAGS_READY;
    return r;
}

/* ---- T.__new__ for static types -------------------------------------------- */

static RpObject *tp_new_wrapper(RpObject *self, RpObject *args, RpObject *kwds)
{
    RpTypeObject *type = (RpTypeObject *)self;
    if (RpTuple_GET_SIZE(args) < 1) {
        RpErr_Format(RpExc_TypeError, "%s.__new__(): not enough arguments", type->tp_name);
        return NULL;
    }
    RpObject *arg0 = RpTuple_GET_ITEM(args, 0);
    if (!RpType_Check(arg0)) {
        RpErr_Format(RpExc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                     type->tp_name, Rp_TYPE(arg0)->tp_name);
        return NULL;
    }
    RpTypeObject *sub = (RpTypeObject *)arg0;
    if (!RpType_IsSubtype(sub, type)) {
        RpErr_Format(RpExc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                     type->tp_name, sub->tp_name, sub->tp_name, type->tp_name);
        return NULL;
    }
    /* The nearest static base of sub must use this very tp_new, or the
     * object would be built with the wrong layout. */
    RpTypeObject *sb = sub;
    while (sb != NULL && RpType_HasFeature(sb, RP_TPFLAGS_HEAPTYPE))
        sb = sb->tp_base;
    if (sb != NULL && sb->tp_new != type->tp_new) {
        RpErr_Format(RpExc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                     type->tp_name, sub->tp_name, sb->tp_name);
        return NULL;
    }
    RpObject *rest = RpTuple_GetSlice(args, 1, RpTuple_GET_SIZE(args));
    if (rest == NULL)
        return NULL;
    RpObject *res = type->tp_new(sub, rest, kwds);
    Rp_DECREF(rest);
    return res;
}

RpMethodDef _RpType_NewWrapperDef = {
    "__new__", (RpCFunction)(void (*)(void))tp_new_wrapper, RP_METH_VARARGS | RP_METH_KEYWORDS,
    "Create and return a new object."};

/* ---- class creation: type.__new__ ------------------------------------------ */

typedef struct {
    RpTypeObject *metatype;
    RpObject *name, *bases, *dict, *kwds;
    RpTypeObject *base;        /* the best base: decides the layout */
    RpObject *slots;           /* tuple of mangled slot names, or NULL */
    Rp_ssize_t nslots;
    int add_dict, add_weak, may_add_dict, may_add_weak;
} TypeNewCtx;

/* The metaclass of the new class: the most derived of metatype and the
 * bases' metaclasses, which must form a chain. */
static RpTypeObject *calculate_metaclass(RpTypeObject *meta, RpObject *bases)
{
    RpTypeObject *winner = meta;
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(bases); i++) {
        RpTypeObject *t = Rp_TYPE(RpTuple_GET_ITEM(bases, i));
        if (RpType_IsSubtype(winner, t))
            continue;
        if (RpType_IsSubtype(t, winner)) {
            winner = t;
            continue;
        }
        RpErr_SetString(RpExc_TypeError,
                        "metaclass conflict: the metaclass of a derived class must be a "
                        "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* Does t add fields to base, not counting a __dict__/__weakref__ that a
 * class statement appended at the end? */
static int extra_ivars(RpTypeObject *t, RpTypeObject *base)
{
    Rp_ssize_t ts = t->tp_basicsize, bs = base->tp_basicsize;
    if (t->tp_itemsize || base->tp_itemsize)
        return ts != bs || t->tp_itemsize != base->tp_itemsize;
    int heap = RpType_HasFeature(t, RP_TPFLAGS_HEAPTYPE);
    if (heap && t->tp_weaklistoffset && base->tp_weaklistoffset == 0 &&
        t->tp_weaklistoffset + (Rp_ssize_t)sizeof(RpObject *) == ts)
        ts -= sizeof(RpObject *);
    if (heap && t->tp_dictoffset > 0 && base->tp_dictoffset == 0 &&
        t->tp_dictoffset + 2 * (Rp_ssize_t)sizeof(RpObject *) == ts)
        ts -= 2 * sizeof(RpObject *);
    return ts != bs;
}

static RpTypeObject *solid_base(RpTypeObject *t)
{
    RpTypeObject *base = t->tp_base ? solid_base(t->tp_base) : &RpBaseObject_Type;
    return extra_ivars(t, base) ? t : base;
}

static RpTypeObject *best_base(RpObject *bases)
{
    RpTypeObject *base = NULL, *winner = NULL;
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(bases); i++) {
        RpObject *b = RpTuple_GET_ITEM(bases, i);
        if (!RpType_Check(b)) {
            RpErr_SetString(RpExc_TypeError, "bases must be types");
            return NULL;
        }
        RpTypeObject *bt = (RpTypeObject *)b;
        if (!RpType_HasFeature(bt, RP_TPFLAGS_BASETYPE)) {
            RpErr_Format(RpExc_TypeError, "type '%.100s' is not an acceptable base type", bt->tp_name);
            return NULL;
        }
        RpTypeObject *cand = solid_base(bt);
        if (winner == NULL) {
            winner = cand;
            base = bt;
        } else if (RpType_IsSubtype(winner, cand)) {
            ;
        } else if (RpType_IsSubtype(cand, winner)) {
            winner = cand;
            base = bt;
        } else {
            RpErr_SetString(RpExc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

static int valid_identifier(RpObject *s)
{
    const unsigned char *p = (const unsigned char *)RpUnicode_UTF8(s);
    Rp_ssize_t n = RpUnicode_UTF8_SIZE(s);
    if (n == 0 || (p[0] >= '0' && p[0] <= '9'))
        return 0;
    for (Rp_ssize_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (!(c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9')))
            return 0;
    }
    return 1;
}

/* Private names in __slots__ are mangled like the compiler mangles them. */
static RpObject *mangle(RpObject *classname, RpObject *name)
{
    const char *n = RpUnicode_UTF8(name), *c = RpUnicode_UTF8(classname);
    Rp_ssize_t nl = RpUnicode_UTF8_SIZE(name);
    if (nl < 3 || n[0] != '_' || n[1] != '_' || (n[nl - 1] == '_' && n[nl - 2] == '_') ||
        strchr(n, '.') != NULL)
        return Rp_NewRef(name);
    while (*c == '_')
        c++;
    if (*c == '\0')
        return Rp_NewRef(name);
    return RpUnicode_FromFormat("_%s%s", c, n);
}

static int slot_name_check(TypeNewCtx *ctx, RpObject *s)
{
    if (!RpUnicode_Check(s)) {
        RpErr_Format(RpExc_TypeError, "__slots__ items must be strings, not '%.200s'",
                     Rp_TYPE(s)->tp_name);
        return -1;
    }
    if (!valid_identifier(s)) {
        RpErr_SetString(RpExc_TypeError, "__slots__ must be identifiers");
        return -1;
    }
    if (_RpUnicode_EqualToASCIIString(s, "__dict__")) {
        if (!ctx->may_add_dict || ctx->add_dict) {
            RpErr_SetString(RpExc_TypeError, "__dict__ slot disallowed: we already got one");
            return -1;
        }
        ctx->add_dict++;
        return 1;
    }
    if (_RpUnicode_EqualToASCIIString(s, "__weakref__")) {
        if (!ctx->may_add_weak || ctx->add_weak) {
            RpErr_SetString(RpExc_TypeError, "__weakref__ slot disallowed: either we already got "
                                             "one, or the base type does not support weakrefs");
            return -1;
        }
        ctx->add_weak++;
        return 1;
    }
    return 0;
}

/* Build the sorted tuple of mangled slot names (without __dict__ and
 * __weakref__), checking each against the class namespace. */
static int collect_slots(TypeNewCtx *ctx, RpObject *names)
{
    RpObject *list = RpList_New(0);
    if (list == NULL)
        return -1;
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(names); i++) {
        RpObject *s = RpTuple_GET_ITEM(names, i);
        int special = slot_name_check(ctx, s);
        if (special < 0)
            goto error;
        if (special)
            continue;
        RpObject *m = mangle(ctx->name, s);
        if (m == NULL)
            goto error;
        RpUnicode_InternInPlace(&m);
        if (dict_get(ctx->dict, m) != NULL) {
            RpErr_Format(RpExc_ValueError, "%R in __slots__ conflicts with class variable", s);
            Rp_DECREF(m);
            goto error;
        }
        int r = RpList_Append(list, m);
        Rp_DECREF(m);
        if (r < 0)
            goto error;
    }
    if (RpList_Sort(list) < 0)
        goto error;
    ctx->slots = RpList_AsTuple(list);
    Rp_DECREF(list);
    if (ctx->slots == NULL)
        return -1;
    ctx->nslots = RpTuple_GET_SIZE(ctx->slots);
    return 0;
error:
    Rp_DECREF(list);
    return -1;
}

/* Secondary bases may bring a __dict__ or __weakref__ the primary lacks. */
static void secondary_bases_features(TypeNewCtx *ctx)
{
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(ctx->bases); i++) {
        RpTypeObject *b = (RpTypeObject *)RpTuple_GET_ITEM(ctx->bases, i);
        if (ctx->may_add_dict && !ctx->add_dict && b->tp_dictoffset != 0)
            ctx->add_dict = 1;
        if (ctx->may_add_weak && !ctx->add_weak && b->tp_weaklistoffset != 0)
            ctx->add_weak = 1;
    }
}

static int type_new_slots(TypeNewCtx *ctx)
{
    RpTypeObject *base = ctx->base;
    ctx->may_add_dict = base->tp_dictoffset == 0;
    ctx->may_add_weak = base->tp_weaklistoffset == 0 && base->tp_itemsize == 0;
    RpObject *slots = dict_get(ctx->dict, RP_ID(__slots__));
    if (slots == NULL) {
        ctx->add_dict = ctx->may_add_dict;
        ctx->add_weak = ctx->may_add_weak;
        return 0;
    }
    RpObject *names = RpUnicode_Check(slots) ? RpTuple_Pack(1, slots) : RpSequence_Tuple(slots);
    if (names == NULL)
        return -1;
    int r = collect_slots(ctx, names);
    Rp_DECREF(names);
    if (r < 0)
        return -1;
    /* int is variable-size in CPython (not here): keep its rule visible */
    if (ctx->nslots > 0 && (base->tp_itemsize != 0 || RpType_HasFeature(base, RP_TPFLAGS_LONG_SUBCLASS))) {
        RpErr_Format(RpExc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                     base->tp_name);
        return -1;
    }
    if (RpTuple_GET_SIZE(ctx->bases) > 1)
        secondary_bases_features(ctx);
    return 0;
}

/* Members for the slots, the managed attribute block, the weaklist. */
static void type_new_layout(RpTypeObject *t, TypeNewCtx *ctx)
{
    RpTypeObject *base = ctx->base;
    Rp_ssize_t off = base->tp_basicsize;
    RpMemberDef *m = (RpMemberDef *)((char *)t + Rp_TYPE(t)->tp_basicsize);
    for (Rp_ssize_t i = 0; i < ctx->nslots; i++, m++) {
        m->name = RpUnicode_UTF8(RpTuple_GET_ITEM(ctx->slots, i));
        m->type = RP_T_OBJECT_EX;
        m->offset = off;
        off += sizeof(RpObject *);
    }
    if (ctx->add_dict) {
        t->tp_flags |= RP_TPFLAGS_MANAGED_ATTRS;
        t->tp_dictoffset = base->tp_itemsize ? -2 * (Rp_ssize_t)sizeof(RpObject *) : off;
        off += 2 * sizeof(RpObject *);
    }
    if (ctx->add_weak) {
        t->tp_weaklistoffset = off;
        off += sizeof(RpObject *);
    }
    t->tp_basicsize = off;
    t->tp_itemsize = base->tp_itemsize;
    t->tp_members = (RpMemberDef *)((char *)t + Rp_TYPE(t)->tp_basicsize);
    if (ctx->add_dict && ctx->add_weak)
        t->tp_getset = _RpSubtype_GetSets_Full;
    else if (ctx->add_dict)
        t->tp_getset = _RpSubtype_GetSets_DictOnly;
    else if (ctx->add_weak)
        t->tp_getset = _RpSubtype_GetSets_WeakrefOnly;
}

static RpObject *current_module_name(void)
{
    RpObject *globals = RpEval_GetGlobals();
    if (globals == NULL)
        return NULL;
    RpObject *n = RpDict_GetItemWithError(globals, RP_ID(__name__));
    if (n == NULL && RpErr_Occurred())
        RpErr_Clear();
    return n;
}

/* __module__, __qualname__ and __doc__ of the new class. */
static int type_new_names(RpTypeObject *t, TypeNewCtx *ctx)
{
    RpObject *dict = t->tp_dict;
    if (dict_get(dict, RP_ID(__module__)) == NULL) {
        RpObject *mod = current_module_name();
        if (mod != NULL && RpDict_SetItem(dict, RP_ID(__module__), mod) < 0)
            return -1;
    }
    RpObject *qn = dict_get(dict, RP_ID(__qualname__));
    if (qn != NULL) {
        if (!RpUnicode_Check(qn)) {
            RpErr_Format(RpExc_TypeError, "type __qualname__ must be a str, not %s",
                         Rp_TYPE(qn)->tp_name);
            return -1;
        }
        t->ht_qualname = Rp_NewRef(qn);
        if (RpDict_DelItem(dict, RP_ID(__qualname__)) < 0)
            return -1;
    } else {
        t->ht_qualname = Rp_NewRef(ctx->name);
    }
    RpObject *doc = dict_get(dict, RP_ID(__doc__));
    if (doc != NULL && RpUnicode_Check(doc)) {
        size_t n = (size_t)RpUnicode_UTF8_SIZE(doc) + 1;
        char *copy = RpMem_Malloc(n);
        if (copy == NULL) {
            RpErr_NoMemory();
            return -1;
        }
        memcpy(copy, RpUnicode_UTF8(doc), n);
        t->tp_doc = copy;
    }
    return 0;
}

/* __new__ is implicitly a staticmethod; __init_subclass__ and
 * __class_getitem__ implicitly classmethods. */
static int wrap_special(RpObject *dict, RpObject *name, RpObject *(*wrap)(RpObject *))
{
    RpObject *f = dict_get(dict, name);
    if (f == NULL || !RpFunction_Check(f))
        return 0;
    RpObject *w = wrap(f);
    if (w == NULL)
        return -1;
    int r = RpDict_SetItem(dict, name, w);
    Rp_DECREF(w);
    return r;
}

static int type_new_specials(RpObject *dict)
{
    if (wrap_special(dict, RP_ID(__new__), RpStaticMethod_New) < 0 ||
        wrap_special(dict, RP_ID(__init_subclass__), RpClassMethod_New) < 0 ||
        wrap_special(dict, RP_ID(__class_getitem__), RpClassMethod_New) < 0)
        return -1;
    return 0;
}

static int type_new_classcell(RpTypeObject *t)
{
    RpObject *key = RpUnicode_InternFromString("__classcell__");
    if (key == NULL)
        return -1;
    RpObject *cell = dict_get(t->tp_dict, key);
    int r = 0;
    if (cell != NULL) {
        if (!RpCell_Check(cell)) {
            RpErr_Format(RpExc_TypeError, "__classcell__ must be a nonlocal cell, not %.200R",
                         (RpObject *)Rp_TYPE(cell));
            r = -1;
        } else {
            RpCell_Set(cell, (RpObject *)t);
            r = RpDict_DelItem(t->tp_dict, key);
        }
    }
    Rp_DECREF(key);
    return r;
}

/* Allocate the type object and fill what type_ready does not compute. */
static RpTypeObject *type_new_alloc(TypeNewCtx *ctx)
{
    RpTypeObject *t = (RpTypeObject *)ctx->metatype->tp_alloc(ctx->metatype, ctx->nslots);
    if (t == NULL)
        return NULL;
    t->tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HEAPTYPE | RP_TPFLAGS_BASETYPE |
                  RP_TPFLAGS_HAVE_GC;
    t->ht_name = Rp_NewRef(ctx->name);
    t->tp_name = RpUnicode_UTF8(ctx->name);
    t->tp_as_number = &t->ht_as_number;
    t->tp_as_sequence = &t->ht_as_sequence;
    t->tp_as_mapping = &t->ht_as_mapping;
    t->tp_bases = Rp_NewRef(ctx->bases);
    t->tp_base = (RpTypeObject *)Rp_NewRef(ctx->base);
    t->tp_dealloc = _RpSubtype_Dealloc;
    t->tp_traverse = _RpSubtype_Traverse;
    t->tp_clear = _RpSubtype_Clear;
    t->tp_alloc = RpType_GenericAlloc;
    t->tp_free = RpObject_GC_Del;
    t->ht_slots = Rp_XNewRef(ctx->slots);
    type_new_layout(t, ctx);
    return t;
}

/* Call __set_name__(owner, name) on every attribute that defines it. */
static int type_new_set_names(RpTypeObject *t)
{
    RpObject *items = RpDict_Items(t->tp_dict);   /* a copy: callbacks may mutate */
    if (items == NULL)
        return -1;
    for (Rp_ssize_t i = 0; i < RpList_GET_SIZE(items); i++) {
        RpObject *kv = RpList_GET_ITEM(items, i);
        RpObject *key = RpTuple_GET_ITEM(kv, 0), *value = RpTuple_GET_ITEM(kv, 1);
        RpObject *f = _RpObject_LookupSpecial(value, RP_ID(__set_name__));
        if (f == NULL) {
            if (RpErr_Occurred())
                goto error;
            continue;
        }
        RpObject *r = RpObject_CallFunctionObjArgs(f, (RpObject *)t, key, NULL);
        Rp_DECREF(f);
        if (r == NULL) {
            RpObject *cause = RpErr_GetRaisedException();
            RpErr_Format(RpExc_RuntimeError, "Error calling __set_name__ on '%.100s' instance %R in '%.100s'",
                         Rp_TYPE(value)->tp_name, key, t->tp_name);
            RpObject *exc = RpErr_GetRaisedException();
            if (exc != NULL) {
                RpException_SetCause(exc, Rp_NewRef(cause));
                RpException_SetContext(exc, cause);
                cause = NULL;
            }
            Rp_XDECREF(cause);
            RpErr_SetRaisedException(exc);
            goto error;
        }
        Rp_DECREF(r);
    }
    Rp_DECREF(items);
    return 0;
error:
    Rp_DECREF(items);
    return -1;
}

/* super(t, t).__init_subclass__(**kwds) */
static int type_new_init_subclass(RpTypeObject *t, RpObject *kwds)
{
    RpObject *sup = RpObject_CallFunctionObjArgs((RpObject *)&RpSuper_Type, (RpObject *)t,
                                                 (RpObject *)t, NULL);
    if (sup == NULL)
        return -1;
    RpObject *f = RpObject_GetAttr(sup, RP_ID(__init_subclass__));
    Rp_DECREF(sup);
    if (f == NULL)
        return -1;
    RpObject *empty = RpTuple_New(0);
    RpObject *r = empty == NULL ? NULL : RpObject_Call(f, empty, kwds);
    Rp_XDECREF(empty);
    Rp_DECREF(f);
    if (r == NULL)
        return -1;
    Rp_DECREF(r);
    return 0;
}

static RpObject *type_new_impl(TypeNewCtx *ctx)
{
    RpTypeObject *t = NULL;
    if ((ctx->base = best_base(ctx->bases)) == NULL)
        return NULL;
    if (type_new_slots(ctx) < 0)
        return NULL;
    if ((t = type_new_alloc(ctx)) == NULL)
        return NULL;
    t->tp_dict = ctx->dict;
    ctx->dict = NULL;
    if (type_new_names(t, ctx) < 0 || type_new_specials(t->tp_dict) < 0 ||
        type_new_classcell(t) < 0)
        goto error;
    if (RpType_Ready(t) < 0)
        goto error;
    _RpType_FixupSlots(t);
    if (type_new_set_names(t) < 0 || type_new_init_subclass(t, ctx->kwds) < 0)
        goto error;
    return (RpObject *)t;
error:
    Rp_DECREF(t);
    return NULL;
}

static int type_new_args(RpObject *args, TypeNewCtx *ctx)
{
    if (RpTuple_GET_SIZE(args) != 3) {
        RpErr_SetString(RpExc_TypeError, "type() takes 1 or 3 arguments");
        return -1;
    }
    ctx->name = RpTuple_GET_ITEM(args, 0);
    ctx->bases = RpTuple_GET_ITEM(args, 1);
    RpObject *dict = RpTuple_GET_ITEM(args, 2);
    if (!RpUnicode_Check(ctx->name)) {
        RpErr_Format(RpExc_TypeError, "type.__new__() argument 1 must be str, not %T", ctx->name);
        return -1;
    }
    if (!RpTuple_Check(ctx->bases)) {
        RpErr_Format(RpExc_TypeError, "type.__new__() argument 2 must be tuple, not %T", ctx->bases);
        return -1;
    }
    if (!RpDict_Check(dict)) {
        RpErr_Format(RpExc_TypeError, "type.__new__() argument 3 must be dict, not %T", dict);
        return -1;
    }
    return 0;
}

static RpObject *type_vectorcall(RpObject *callable, RpObject *const *args, size_t nargsf,
                                 RpObject *kwnames);

static RpObject *type_new(RpTypeObject *metatype, RpObject *args, RpObject *kwds)
{
    TypeNewCtx ctx;
    memset(&ctx, 0, sizeof ctx);
    if (metatype == &RpType_Type && RpTuple_GET_SIZE(args) == 1 &&
        (kwds == NULL || RpDict_GET_SIZE(kwds) == 0))
        return Rp_NewRef(Rp_TYPE(RpTuple_GET_ITEM(args, 0)));
    if (type_new_args(args, &ctx) < 0)
        return NULL;
    RpTypeObject *winner = calculate_metaclass(metatype, ctx.bases);
    if (winner == NULL)
        return NULL;
    if (winner != metatype && winner->tp_new != type_new)
        return winner->tp_new(winner, args, kwds);
    ctx.metatype = winner;
    ctx.kwds = kwds;
    RpObject *bases = ctx.bases;
    if (RpTuple_GET_SIZE(bases) == 0)
        bases = RpTuple_Pack(1, (RpObject *)&RpBaseObject_Type);
    else
        Rp_INCREF(bases);
    if (bases == NULL)
        return NULL;
    ctx.bases = bases;
    ctx.dict = RpDict_Copy(RpTuple_GET_ITEM(args, 2));
    RpObject *res = ctx.dict == NULL ? NULL : type_new_impl(&ctx);
    /* Classes of plain `type` are called through type_vectorcall; a custom
     * metaclass keeps the generic path so that its __call__ is honoured. */
    if (res != NULL && Rp_TYPE(res) == &RpType_Type)
        ((RpTypeObject *)res)->tp_vectorcall = type_vectorcall;
    Rp_XDECREF(ctx.dict);
    Rp_XDECREF(ctx.slots);
    Rp_DECREF(bases);
    return res;
}

RpObject *RpType_FromSpec3(RpObject *name, RpObject *bases, RpObject *dict)
{
    return RpObject_CallFunctionObjArgs((RpObject *)&RpType_Type, name, bases, dict, NULL);
}

/* ---- calling a type --------------------------------------------------------- */

static RpObject *type_call(RpObject *callable, RpObject *args, RpObject *kwds)
{
    RpTypeObject *type = (RpTypeObject *)callable;
    if (type == &RpType_Type) {
        Rp_ssize_t n = RpTuple_GET_SIZE(args);
        if (n == 1 && (kwds == NULL || RpDict_GET_SIZE(kwds) == 0))
            return Rp_NewRef(Rp_TYPE(RpTuple_GET_ITEM(args, 0)));
        if (n != 1 && n != 3) {
            RpErr_SetString(RpExc_TypeError, "type() takes 1 or 3 arguments");
            return NULL;
        }
    }
    if (type->tp_new == NULL) {
        RpErr_Format(RpExc_TypeError, "cannot create '%s' instances", type->tp_name);
        return NULL;
    }
    RpObject *obj = type->tp_new(type, args, kwds);
    if (obj == NULL || !RpObject_TypeCheck(obj, type))
        return obj;
    RpTypeObject *t = Rp_TYPE(obj);
    if (t->tp_init != NULL && t->tp_init(obj, args, kwds) < 0) {
        Rp_DECREF(obj);
        return NULL;
    }
    return obj;
}

/* Instantiating a class whose __new__ is object's and whose __init__ is a
 * Python function: allocate, then call __init__ straight from the vector,
 * with no argument tuple or dict.  NULL with no exception: not applicable. */
static RpObject *call_python_init(RpTypeObject *type, RpObject *const *args, Rp_ssize_t n,
                                  RpObject *kwnames)
{
    if (type->tp_new != RpBaseObject_Type.tp_new || !_RpType_InitIsSlot(type))
        return NULL;
    RpObject *init = _RpType_Lookup(type, RP_ID(__init__));   /* borrowed */
    Rp_ssize_t total = n + (kwnames ? RpTuple_GET_SIZE(kwnames) : 0);
    if (init == NULL || !RpFunction_Check(init) || total + 1 > 8)
        return NULL;
    RpObject *stack[8];
    RpObject *obj = type->tp_alloc(type, 0);
    if (obj == NULL)
        return NULL;
    Rp_INCREF(init);   /* __init__ may rebind itself on the class */
    stack[0] = obj;
    memcpy(stack + 1, args, (size_t)total * sizeof(RpObject *));
    RpObject *res = RpObject_Vectorcall(init, stack, (size_t)n + 1, kwnames);
    Rp_DECREF(init);
    if (res != Rp_None) {
        if (res != NULL) {
            RpErr_Format(RpExc_TypeError, "__init__() should return None, not '%.200s'",
                         Rp_TYPE(res)->tp_name);
            Rp_DECREF(res);
        }
        Rp_DECREF(obj);
        return NULL;
    }
    Rp_DECREF(res);
    return obj;
}

/* type(x) and calls of classes without building an argument tuple. */
static RpObject *type_vectorcall(RpObject *callable, RpObject *const *args, size_t nargsf,
                                 RpObject *kwnames)
{
    Rp_ssize_t n = RpVectorcall_NARGS(nargsf);
    if (n == 1 && kwnames == NULL && callable == (RpObject *)&RpType_Type)
        return Rp_NewRef(Rp_TYPE(args[0]));
    if (Rp_TYPE(callable) == &RpType_Type &&
        RpType_HasFeature((RpTypeObject *)callable, RP_TPFLAGS_HEAPTYPE)) {
        RpObject *obj = call_python_init((RpTypeObject *)callable, args, n, kwnames);
        if (obj != NULL || RpErr_Occurred())
            return obj;
    }
    RpObject *tuple = _RpTuple_FromArray(args, n);
    if (tuple == NULL)
        return NULL;
    RpObject *kw = NULL;
    if (kwnames != NULL && RpTuple_GET_SIZE(kwnames) > 0) {
        kw = _RpStack_AsDict(args + n, kwnames);
        if (kw == NULL) {
            Rp_DECREF(tuple);
            return NULL;
        }
    }
    RpObject *res = type_call(callable, tuple, kw);
    Rp_DECREF(tuple);
    Rp_XDECREF(kw);
    return res;
}

static int type_init(RpObject *self, RpObject *args, RpObject *kwds)
{
    Rp_ssize_t n = RpTuple_GET_SIZE(args);
    if (n != 1 && n != 3) {
        RpErr_SetString(RpExc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

/* ---- attribute access on types ----------------------------------------------- */

static RpObject *type_getattro(RpObject *o, RpObject *name)
{
    RpTypeObject *type = (RpTypeObject *)o, *meta = Rp_TYPE(o);
    if (!RpUnicode_Check(name)) {
        RpErr_Format(RpExc_TypeError, "attribute name must be string, not '%.200s'",
                     Rp_TYPE(name)->tp_name);
        return NULL;
    }
    RpObject *meta_attr = _RpType_Lookup(meta, name);
    descrgetfunc meta_get = NULL;
    if (meta_attr != NULL) {
        Rp_INCREF(meta_attr);
        meta_get = Rp_TYPE(meta_attr)->tp_descr_get;
        if (meta_get != NULL && Rp_TYPE(meta_attr)->tp_descr_set != NULL) {
            RpObject *r = meta_get(meta_attr, o, (RpObject *)meta);
            Rp_DECREF(meta_attr);
            return r;
        }
    }
    RpObject *attr = _RpType_Lookup(type, name);
    if (attr != NULL) {
        Rp_XDECREF(meta_attr);
        descrgetfunc local_get = Rp_TYPE(attr)->tp_descr_get;
        if (local_get != NULL)
            return local_get(attr, NULL, o);
        return Rp_NewRef(attr);
    }
    if (meta_get != NULL) {
        RpObject *r = meta_get(meta_attr, o, (RpObject *)meta);
        Rp_DECREF(meta_attr);
        return r;
    }
    if (meta_attr != NULL)
        return meta_attr;
    RpErr_Format(RpExc_AttributeError, "type object '%.50s' has no attribute '%U'",
                 type->tp_name, name);
    _RpObject_SetAttributeErrorContext(o, name);
    return NULL;
}

static int type_dict_store(RpTypeObject *type, RpObject *name, RpObject *value)
{
    if (value != NULL)
        return RpDict_SetItem(type->tp_dict, name, value);
    if (dict_get(type->tp_dict, name) == NULL) {
        RpErr_Format(RpExc_AttributeError, "type object '%.50s' has no attribute '%U'",
                     type->tp_name, name);
        return -1;
    }
    return RpDict_DelItem(type->tp_dict, name);
}

static int is_dunder(RpObject *name)
{
    const char *s = RpUnicode_UTF8(name);
    Rp_ssize_t n = RpUnicode_UTF8_SIZE(name);
    return n > 4 && s[0] == '_' && s[1] == '_' && s[n - 1] == '_' && s[n - 2] == '_';
}

static int type_setattro(RpObject *o, RpObject *name, RpObject *value)
{
    RpTypeObject *type = (RpTypeObject *)o;
    if (!RpUnicode_Check(name)) {
        RpErr_Format(RpExc_TypeError, "attribute name must be string, not '%.200s'",
                     Rp_TYPE(name)->tp_name);
        return -1;
    }
    if (!RpType_HasFeature(type, RP_TPFLAGS_HEAPTYPE)) {
        RpErr_Format(RpExc_TypeError, "cannot set %R attribute of immutable type '%s'",
                     name, type->tp_name);
        return -1;
    }
    Rp_INCREF(name);
    if (RpUnicode_CheckExact(name))
        RpUnicode_InternInPlace(&name);
    int r;
    RpObject *meta_attr = _RpType_Lookup(Rp_TYPE(o), name);
    descrsetfunc f = meta_attr != NULL ? Rp_TYPE(meta_attr)->tp_descr_set : NULL;
    if (f != NULL) {
        Rp_INCREF(meta_attr);
        r = f(meta_attr, o, value);
        Rp_DECREF(meta_attr);
    } else {
        r = type_dict_store(type, name, value);
    }
    if (r == 0) {
        RpType_Modified(type);
        if (RpUnicode_CheckExact(name) && is_dunder(name))
            _RpType_UpdateSlot(type, name);
    }
    Rp_DECREF(name);
    return r;
}

/* ---- getsets of type ---------------------------------------------------------- */

static int check_heap_set(RpTypeObject *t, RpObject *value, const char *what)
{
    if (!RpType_HasFeature(t, RP_TPFLAGS_HEAPTYPE)) {
        RpErr_Format(RpExc_TypeError, "cannot set '%s' attribute of immutable type '%s'", what,
                     t->tp_name);
        return -1;
    }
    if (value == NULL) {
        RpErr_Format(RpExc_TypeError, "cannot delete '%s' attribute of immutable type '%s'", what,
                     t->tp_name);
        return -1;
    }
    return 0;
}

static RpObject *type_get_name(RpObject *o, void *c)
{
    return type_name_obj((RpTypeObject *)o);
}

static int type_set_name(RpObject *o, RpObject *value, void *c)
{
    RpTypeObject *t = (RpTypeObject *)o;
    if (check_heap_set(t, value, "__name__") < 0)
        return -1;
    if (!RpUnicode_Check(value)) {
        RpErr_Format(RpExc_TypeError, "can only assign string to %s.__name__, not '%s'",
                     t->tp_name, Rp_TYPE(value)->tp_name);
        return -1;
    }
    if (strlen(RpUnicode_UTF8(value)) != (size_t)RpUnicode_UTF8_SIZE(value)) {
        RpErr_SetString(RpExc_ValueError, "type name must not contain null characters");
        return -1;
    }
    Rp_INCREF(value);
    Rp_SETREF(t->ht_name, value);
    t->tp_name = RpUnicode_UTF8(value);
    return 0;
}

static RpObject *type_get_qualname(RpObject *o, void *c)
{
    return _RpType_GetQualName((RpTypeObject *)o);
}

static int type_set_qualname(RpObject *o, RpObject *value, void *c)
{
    RpTypeObject *t = (RpTypeObject *)o;
    if (check_heap_set(t, value, "__qualname__") < 0)
        return -1;
    if (!RpUnicode_Check(value)) {
        RpErr_Format(RpExc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                     t->tp_name, Rp_TYPE(value)->tp_name);
        return -1;
    }
    Rp_INCREF(value);
    Rp_SETREF(t->ht_qualname, value);
    return 0;
}

static RpObject *type_get_module(RpObject *o, void *c)
{
    RpTypeObject *t = (RpTypeObject *)o;
    if (RpType_HasFeature(t, RP_TPFLAGS_HEAPTYPE)) {
        RpObject *m = dict_get(t->tp_dict, RP_ID(__module__));
        if (m == NULL) {
            RpErr_SetObject(RpExc_AttributeError, RP_ID(__module__));
            return NULL;
        }
        return Rp_NewRef(m);
    }
    return _RpType_GetModuleName(t);
}

static int type_set_module(RpObject *o, RpObject *value, void *c)
{
    RpTypeObject *t = (RpTypeObject *)o;
    if (check_heap_set(t, value, "__module__") < 0)
        return -1;
    RpType_Modified(t);
    return RpDict_SetItem(t->tp_dict, RP_ID(__module__), value);
}

static RpObject *type_get_bases(RpObject *o, void *c)
{
    return Rp_NewRef(((RpTypeObject *)o)->tp_bases);
}

static RpObject *type_get_mro(RpObject *o, void *c)
{
    RpObject *mro = ((RpTypeObject *)o)->tp_mro;
    return Rp_NewRef(mro != NULL ? mro : Rp_None);
}

static RpObject *type_get_base(RpObject *o, void *c)
{
    RpTypeObject *b = ((RpTypeObject *)o)->tp_base;
    return Rp_NewRef(b != NULL ? (RpObject *)b : Rp_None);
}

static RpObject *type_get_dict(RpObject *o, void *c)
{
    RpTypeObject *t = (RpTypeObject *)o;
    if (t->tp_dict == NULL)
        Rp_RETURN_NONE;
    return RpDictProxy_New(t->tp_dict);
}

static RpObject *type_get_doc(RpObject *o, void *c)
{
    RpTypeObject *t = (RpTypeObject *)o;
    if (!RpType_HasFeature(t, RP_TPFLAGS_HEAPTYPE) && t->tp_doc != NULL)
        return RpUnicode_FromString(t->tp_doc);
    RpObject *r = dict_get(t->tp_dict, RP_ID(__doc__));
    if (r == NULL)
        Rp_RETURN_NONE;
    descrgetfunc g = Rp_TYPE(r)->tp_descr_get;
    return g != NULL ? g(r, NULL, o) : Rp_NewRef(r);
}

static int type_set_doc(RpObject *o, RpObject *value, void *c)
{
    RpTypeObject *t = (RpTypeObject *)o;
    if (check_heap_set(t, value, "__doc__") < 0)
        return -1;
    RpType_Modified(t);
    return RpDict_SetItem(t->tp_dict, RP_ID(__doc__), value);
}

static RpObject *abstract_key(void)
{
    return RpUnicode_InternFromString("__abstractmethods__");
}

static RpObject *type_get_abstract(RpObject *o, void *c)
{
    RpTypeObject *t = (RpTypeObject *)o;
    RpObject *key = abstract_key();
    RpObject *r = (key != NULL && t != &RpType_Type) ? dict_get(t->tp_dict, key) : NULL;
    if (r == NULL && key != NULL)
        RpErr_SetObject(RpExc_AttributeError, key);
    Rp_XDECREF(key);
    return Rp_XNewRef(r);
}

static int type_set_abstract(RpObject *o, RpObject *value, void *c)
{
    RpTypeObject *t = (RpTypeObject *)o;
    RpObject *key = abstract_key();
    if (key == NULL)
        return -1;
    int abstract = 0, r;
    if (value != NULL) {
        abstract = RpObject_IsTrue(value);
        r = abstract < 0 ? -1 : RpDict_SetItem(t->tp_dict, key, value);
    } else {
        r = type_dict_store(t, key, NULL);
    }
    Rp_DECREF(key);
    if (r < 0)
        return -1;
    RpType_Modified(t);
    if (abstract)
        t->tp_flags |= RP_TPFLAGS_IS_ABSTRACT;
    else
        t->tp_flags &= ~RP_TPFLAGS_IS_ABSTRACT;
    return 0;
}

static RpObject *type_get_annotations(RpObject *o, void *c)
{
    RpTypeObject *t = (RpTypeObject *)o;
    if (!RpType_HasFeature(t, RP_TPFLAGS_HEAPTYPE)) {
        RpErr_Format(RpExc_AttributeError, "type object '%s' has no attribute '__annotations__'",
                     t->tp_name);
        return NULL;
    }
    RpObject *a = dict_get(t->tp_dict, RP_ID(__annotations__));
    if (a != NULL) {
        descrgetfunc g = Rp_TYPE(a)->tp_descr_get;
        return g != NULL ? g(a, NULL, o) : Rp_NewRef(a);
    }
    a = RpDict_New();
    if (a != NULL && RpDict_SetItem(t->tp_dict, RP_ID(__annotations__), a) < 0)
        Rp_CLEAR(a);
    RpType_Modified(t);
    return a;
}

static int type_set_annotations(RpObject *o, RpObject *value, void *c)
{
    RpTypeObject *t = (RpTypeObject *)o;
    if (check_heap_set(t, value == NULL ? Rp_None : value, "__annotations__") < 0)
        return -1;
    int r = type_dict_store(t, RP_ID(__annotations__), value);
    RpType_Modified(t);
    return r;
}

static RpObject *type_get_basicsize(RpObject *o, void *c)
{
    return RpLong_FromSsize_t(((RpTypeObject *)o)->tp_basicsize);
}
static RpObject *type_get_itemsize(RpObject *o, void *c)
{
    return RpLong_FromSsize_t(((RpTypeObject *)o)->tp_itemsize);
}
static RpObject *type_get_flags(RpObject *o, void *c)
{
    return RpLong_FromUnsignedLongLong(((RpTypeObject *)o)->tp_flags);
}
static RpObject *type_get_dictoffset(RpObject *o, void *c)
{
    return RpLong_FromSsize_t(((RpTypeObject *)o)->tp_dictoffset);
}
static RpObject *type_get_weakrefoffset(RpObject *o, void *c)
{
    return RpLong_FromSsize_t(((RpTypeObject *)o)->tp_weaklistoffset);
}

static RpGetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name, NULL, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL, NULL},
    {"__bases__", type_get_bases, NULL, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL, NULL},
    {"__abstractmethods__", type_get_abstract, type_set_abstract, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL, NULL},
    {"__annotations__", type_get_annotations, type_set_annotations, NULL, NULL},
    {"__basicsize__", type_get_basicsize, NULL, NULL, NULL},
    {"__itemsize__", type_get_itemsize, NULL, NULL, NULL},
    {"__flags__", type_get_flags, NULL, NULL, NULL},
    {"__dictoffset__", type_get_dictoffset, NULL, NULL, NULL},
    {"__weakrefoffset__", type_get_weakrefoffset, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- methods of type ------------------------------------------------------------ */

static RpObject *type_subclasses(RpObject *self, RpObject *unused)
{
    RpTypeObject *t = (RpTypeObject *)self;
    RpObject *list = RpList_New(0);
    if (list == NULL || t->tp_subclasses == NULL)
        return list;
    Rp_ssize_t pos = 0;
    RpObject *key, *value;
    while (RpDict_Next(t->tp_subclasses, &pos, &key, &value)) {
        if (RpList_Append(list, subclass_at(key)) < 0) {
            Rp_DECREF(list);
            return NULL;
        }
    }
    return list;
}

static RpObject *type_prepare(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                              RpObject *kwnames)
{
    return RpDict_New();
}

static RpObject *type_instancecheck(RpObject *self, RpObject *inst)
{
    /* the plain check, without recursing into __instancecheck__ */
    if (RpObject_TypeCheck(inst, (RpTypeObject *)self))
        Rp_RETURN_TRUE;
    RpObject *cls = NULL;
    if (_RpObject_LookupAttr(inst, RP_ID(__class__), &cls) < 0)
        return NULL;
    int r = cls != NULL && cls != (RpObject *)Rp_TYPE(inst) && RpType_Check(cls) &&
            RpType_IsSubtype((RpTypeObject *)cls, (RpTypeObject *)self);
    Rp_XDECREF(cls);
    return RpBool_FromLong(r);
}

static RpObject *type_subclasscheck(RpObject *self, RpObject *sub)
{
    if (!RpType_Check(sub)) {
        RpErr_SetString(RpExc_TypeError, "issubclass() arg 1 must be a class");
        return NULL;
    }
    return RpBool_FromLong(RpType_IsSubtype((RpTypeObject *)sub, (RpTypeObject *)self));
}

/* dir(cls): the names in the dicts of cls and all its bases. */
static int merge_class_dict(RpObject *dict, RpObject *cls)
{
    RpObject *mro = ((RpTypeObject *)cls)->tp_mro;
    for (Rp_ssize_t i = 0; mro != NULL && i < RpTuple_GET_SIZE(mro); i++) {
        RpObject *d = ((RpTypeObject *)RpTuple_GET_ITEM(mro, i))->tp_dict;
        if (d != NULL && RpDict_Update(dict, d) < 0)
            return -1;
    }
    return 0;
}

static RpObject *type_dir(RpObject *self, RpObject *unused)
{
    RpObject *dict = RpDict_New();
    if (dict == NULL)
        return NULL;
    RpObject *res = merge_class_dict(dict, self) < 0 ? NULL : RpDict_Keys(dict);
    Rp_DECREF(dict);
    return res;
}

static RpObject *type_sizeof(RpObject *self, RpObject *unused)
{
    RpTypeObject *t = (RpTypeObject *)self;
    Rp_ssize_t size = Rp_TYPE(t)->tp_basicsize;
    if (RpType_HasFeature(t, RP_TPFLAGS_HEAPTYPE))
        size += (Rp_SIZE(t) + 1) * (Rp_ssize_t)sizeof(RpMemberDef);
    return RpLong_FromSsize_t(size);
}

static RpMethodDef type_methods[] = {
    {"mro", (RpCFunction)type_mro_method, RP_METH_NOARGS, "Return a type's method resolution order."},
    {"__subclasses__", (RpCFunction)type_subclasses, RP_METH_NOARGS,
     "Return a list of immediate subclasses."},
    {"__prepare__", (RpCFunction)(void (*)(void))type_prepare,
     RP_METH_FASTCALL | RP_METH_KEYWORDS | RP_METH_CLASS,
     "Create the namespace for the class statement"},
    {"__instancecheck__", (RpCFunction)type_instancecheck, RP_METH_O,
     "Check if an object is an instance."},
    {"__subclasscheck__", (RpCFunction)type_subclasscheck, RP_METH_O,
     "Check if a class is a subclass."},
    {"__dir__", (RpCFunction)type_dir, RP_METH_NOARGS, "Specialized __dir__ implementation for types."},
    {"__sizeof__", (RpCFunction)type_sizeof, RP_METH_NOARGS,
     "Return memory consumption of the type object."},
    {NULL, NULL, 0, NULL},
};

/* ---- repr, lifetime ---------------------------------------------------------------- */

static RpObject *type_repr(RpObject *o)
{
    RpTypeObject *t = (RpTypeObject *)o;
    RpObject *mod = _RpType_GetModuleName(t);
    if (mod == NULL)
        RpErr_Clear();
    RpObject *qn = _RpType_GetQualName(t);
    if (qn == NULL) {
        Rp_XDECREF(mod);
        return NULL;
    }
    RpObject *r;
    if (mod != NULL && RpUnicode_Check(mod) && !_RpUnicode_EqualToASCIIString(mod, "builtins"))
        r = RpUnicode_FromFormat("<class '%U.%U'>", mod, qn);
    else
        r = RpUnicode_FromFormat("<class '%s'>", t->tp_name);
    Rp_XDECREF(mod);
    Rp_DECREF(qn);
    return r;
}

static int type_is_gc(RpObject *o)
{
    return RpType_HasFeature((RpTypeObject *)o, RP_TPFLAGS_HEAPTYPE);
}

static int type_traverse(RpObject *o, visitproc visit, void *arg)
{
    RpTypeObject *t = (RpTypeObject *)o;
    if (!RpType_HasFeature(t, RP_TPFLAGS_HEAPTYPE))
        return 0;
    Rp_VISIT(t->tp_dict);
    Rp_VISIT(t->tp_mro);
    Rp_VISIT(t->tp_bases);
    Rp_VISIT(t->tp_base);
    Rp_VISIT(t->ht_module);
    return 0;
}

/* Breaking a cycle through a class empties its dict and drops its MRO;
 * bases stay so that the class can still unregister from them. */
static int type_clear(RpObject *o)
{
    RpTypeObject *t = (RpTypeObject *)o;
    RpType_Modified(t);
    if (t->tp_dict != NULL)
        RpDict_Clear(t->tp_dict);
    Rp_CLEAR(t->tp_mro);
    return 0;
}

static void type_dealloc(RpObject *o)
{
    RpTypeObject *t = (RpTypeObject *)o;
    RpObject_GC_UnTrack(o);
    remove_from_bases(t);
    RpType_Modified(t);
    if (t->tp_weaklist != NULL)
        RpObject_ClearWeakRefs(o);
    Rp_XDECREF(t->tp_base);
    Rp_XDECREF(t->tp_dict);
    Rp_XDECREF(t->tp_bases);
    Rp_XDECREF(t->tp_mro);
    Rp_XDECREF(t->tp_subclasses);
    Rp_XDECREF(t->ht_name);
    Rp_XDECREF(t->ht_qualname);
    Rp_XDECREF(t->ht_slots);
    Rp_XDECREF(t->ht_module);
    RpMem_Free((void *)t->tp_doc);
    Rp_TYPE(o)->tp_free(o);
}

/* int | None builds a types.UnionType (genericalias.c). */
static RpNumberMethods type_as_number = {.nb_or = _RpUnion_Or};

RpTypeObject RpType_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_as_number = &type_as_number,
    .tp_name = "type",
    .tp_basicsize = sizeof(RpTypeObject),
    .tp_itemsize = sizeof(RpMemberDef),
    .tp_dealloc = type_dealloc,
    .tp_vectorcall_offset = offsetof(RpTypeObject, tp_vectorcall),
    .tp_call = type_call,
    .tp_repr = type_repr,
    .tp_getattro = type_getattro,
    .tp_setattro = type_setattro,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_BASETYPE |
                RP_TPFLAGS_TYPE_SUBCLASS,
    .tp_doc = "type(object) -> the object's type\n"
              "type(name, bases, dict, **kwds) -> a new type",
    .tp_traverse = type_traverse,
    .tp_clear = type_clear,
    .tp_weaklistoffset = offsetof(RpTypeObject, tp_weaklist),
    .tp_methods = type_methods,
    .tp_getset = type_getsets,
    .tp_base = &RpBaseObject_Type,
    .tp_dictoffset = offsetof(RpTypeObject, tp_dict),
    .tp_init = type_init,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = type_new,
    .tp_free = RpObject_GC_Del,
    .tp_vectorcall = type_vectorcall,
    .tp_is_gc = type_is_gc,
};

/* ---- finalization ------------------------------------------------------------------ */

void _RpType_Fini(void)
{
    mcache_clear();
    _RpType_FiniSlotDefs();
}
