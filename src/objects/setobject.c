/* setobject.c -- set and frozenset, and their iterator.
 *
 * An open-addressing hash table of (key, hash) entries, mirroring
 * CPython's so that programs printing sets see the same order: a table of
 * 8 slots to start with, probing a run of up to LINEAR_PROBES neighbours
 * before jumping along the perturbed sequence i = 5*i + 1 + perturb, a
 * resize to used*4 (used*2 beyond 50000) once fill*5 >= mask*3, and the
 * same growth paths for bulk operations (update from a set or a dict
 * resizes once up front, an empty target copies the other table).
 * Deleted slots hold the `dummy` marker with hash -1 and are reused by
 * later insertions along the same probe path.
 */
#include "rp.h"

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef struct {
    RpObject *key;     /* NULL: never used; dummy: deleted */
    Rp_hash_t hash;    /* 0 when unused, -1 when deleted */
} setentry;

typedef struct {
    RpObject_HEAD
    Rp_ssize_t fill;     /* active + dummy entries */
    Rp_ssize_t used;     /* active entries */
    Rp_ssize_t mask;     /* table size - 1 */
    setentry *table;     /* smalltable or a heap block */
    Rp_hash_t hash;      /* frozenset only; -1 until computed */
    Rp_ssize_t finger;   /* where pop() resumes its search */
    setentry smalltable[SET_MINSIZE];
    RpObject *weakreflist;
} RpSetObject;

/* The deleted-slot marker: never visible to Python, never counted. */
static RpObject dummy_struct = {1, &RpNone_Type};
#define dummy (&dummy_struct)

#define SO(o) ((RpSetObject *)(o))

static int set_table_resize(RpSetObject *so, Rp_ssize_t minused);

/* ---- hashing ---------------------------------------------------------------- */

static Rp_hash_t key_hash(RpObject *key)
{
    if (RpUnicode_CheckExact(key)) {
        Rp_hash_t h = ((RpUnicodeObject *)key)->hash;
        if (h != -1)
            return h;
    }
    return RpObject_Hash(key);
}

/* ---- the table ---------------------------------------------------------------- */

/* Entry holding key, or the empty entry ending its probe run (key NULL);
 * NULL on a comparison error.  Restarts if a comparison mutated the set. */
static setentry *set_lookkey(RpSetObject *so, RpObject *key, Rp_hash_t hash)
{
restart:;
    size_t mask = (size_t)so->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        setentry *entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                return entry;
            if (entry->hash == hash) {
                RpObject *startkey = entry->key;
                if (startkey == key)
                    return entry;
                if (RpUnicode_CheckExact(startkey) && RpUnicode_CheckExact(key)) {
                    if (_RpUnicode_Equal(startkey, key))
                        return entry;
                } else {
                    setentry *table = so->table;
                    Rp_INCREF(startkey);
                    int cmp = RpObject_RichCompareBool(startkey, key, Rp_EQ);
                    Rp_DECREF(startkey);
                    if (cmp < 0)
                        return NULL;
                    if (table != so->table || entry->key != startkey)
                        goto restart;
                    if (cmp > 0)
                        return entry;
                    mask = (size_t)so->mask;
                }
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Add key (borrowed; the set takes its own reference). 0 / -1. */
static int set_add_entry(RpSetObject *so, RpObject *key, Rp_hash_t hash)
{
    setentry *freeslot, *entry;
    Rp_INCREF(key);
restart:;
    size_t mask = (size_t)so->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    freeslot = NULL;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                goto found_unused_or_dummy;
            if (entry->hash == hash) {
                RpObject *startkey = entry->key;
                if (startkey == key)
                    goto found_active;
                if (RpUnicode_CheckExact(startkey) && RpUnicode_CheckExact(key)) {
                    if (_RpUnicode_Equal(startkey, key))
                        goto found_active;
                } else {
                    setentry *table = so->table;
                    Rp_INCREF(startkey);
                    int cmp = RpObject_RichCompareBool(startkey, key, Rp_EQ);
                    Rp_DECREF(startkey);
                    if (cmp > 0)
                        goto found_active;
                    if (cmp < 0)
                        goto comparison_error;
                    if (table != so->table || entry->key != startkey)
                        goto restart;
                    mask = (size_t)so->mask;
                }
            } else if (entry->hash == -1) {
                /* CPython 3.11 remembers the *last* deleted slot on the
                 * path (observable in iteration order). */
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot != NULL) {
        /* Reuse a deleted slot: fill does not change. */
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3)
        return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
    Rp_DECREF(key);
    return 0;
comparison_error:
    Rp_DECREF(key);
    return -1;
}

/* Insert into a table known to hold neither key nor dummies. */
static void set_insert_clean(setentry *table, size_t mask, RpObject *key, Rp_hash_t hash)
{
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        setentry *entry = &table[i];
        if (entry->key == NULL)
            goto found_null;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL)
                    goto found_null;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found_null:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

/* Rebuild the table with room for more than minused entries, dropping
 * dummies; entries are re-inserted in old-table order. */
static int set_table_resize(RpSetObject *so, Rp_ssize_t minused)
{
    setentry small_copy[SET_MINSIZE];
    size_t newsize = SET_MINSIZE;
    while (newsize <= (size_t)minused)
        newsize <<= 1;
    setentry *oldtable = so->table, *newtable;
    int oldtable_malloced = oldtable != so->smalltable;
    size_t oldmask = (size_t)so->mask;
    if (newsize == SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used)
                return 0;   /* no dummies: nothing to gain */
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        newtable = RpMem_Malloc(newsize * sizeof(setentry));
        if (newtable == NULL) {
            RpErr_NoMemory();
            return -1;
        }
    }
    memset(newtable, 0, newsize * sizeof(setentry));
    so->mask = (Rp_ssize_t)newsize - 1;
    so->table = newtable;
    so->fill = so->used;
    for (size_t i = 0; i <= oldmask; i++) {
        setentry *e = &oldtable[i];
        if (e->key != NULL && e->key != dummy)
            set_insert_clean(newtable, newsize - 1, e->key, e->hash);
    }
    if (oldtable_malloced)
        RpMem_Free(oldtable);
    return 0;
}

static int set_contains_entry(RpSetObject *so, RpObject *key, Rp_hash_t hash)
{
    setentry *entry = set_lookkey(so, key, hash);
    if (entry == NULL)
        return -1;
    return entry->key != NULL;
}

#define DISCARD_NOTFOUND 0
#define DISCARD_FOUND 1

static int set_discard_entry(RpSetObject *so, RpObject *key, Rp_hash_t hash)
{
    setentry *entry = set_lookkey(so, key, hash);
    if (entry == NULL)
        return -1;
    if (entry->key == NULL)
        return DISCARD_NOTFOUND;
    RpObject *old = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    so->used--;
    Rp_DECREF(old);
    return DISCARD_FOUND;
}

static int set_add_key(RpSetObject *so, RpObject *key)
{
    Rp_hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    return set_add_entry(so, key, hash);
}

static int set_contains_key(RpSetObject *so, RpObject *key)
{
    Rp_hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    return set_contains_entry(so, key, hash);
}

static int set_discard_key(RpSetObject *so, RpObject *key)
{
    Rp_hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    return set_discard_entry(so, key, hash);
}

static void set_empty_to_minsize(RpSetObject *so)
{
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->fill = 0;
    so->used = 0;
    so->mask = SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
}

/* Empty the set, then drop the references (in table order). */
static int set_clear_internal(RpSetObject *so)
{
    setentry *table = so->table, small_copy[SET_MINSIZE];
    int table_malloced = table != so->smalltable;
    Rp_ssize_t fill = so->fill;
    if (!table_malloced) {
        memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
    }
    set_empty_to_minsize(so);
    for (setentry *e = table; fill > 0; e++) {
        if (e->key != NULL) {
            fill--;
            if (e->key != dummy)
                Rp_DECREF(e->key);
        }
    }
    if (table_malloced)
        RpMem_Free(table);
    return 0;
}

/* Next active entry at or after *pos; 0 when done. */
static int set_next(RpSetObject *so, Rp_ssize_t *pos, setentry **entry_ptr)
{
    Rp_ssize_t i = *pos;
    setentry *entry = &so->table[i];
    while (i <= so->mask && (entry->key == NULL || entry->key == dummy)) {
        i++;
        entry++;
    }
    *pos = i + 1;
    if (i > so->mask)
        return 0;
    *entry_ptr = entry;
    return 1;
}

/* ---- bulk insertion ---------------------------------------------------------- */

static int set_merge(RpSetObject *so, RpObject *otherset)
{
    RpSetObject *other = SO(otherset);
    if (other == so || other->used == 0)
        return 0;
    /* One big resize up front: expect few overlapping keys. */
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (set_table_resize(so, (so->used + other->used) * 2) != 0)
            return -1;
    }
    setentry *so_entry = so->table, *other_entry = other->table;
    /* Empty target of the same size, no dummies in the source: copy. */
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (Rp_ssize_t i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            if (other_entry->key != NULL) {
                so_entry->key = Rp_NewRef(other_entry->key);
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    /* Empty target: no duplicates possible, insert cleanly. */
    if (so->fill == 0) {
        so->fill = other->used;
        so->used = other->used;
        for (Rp_ssize_t i = 0; i <= other->mask; i++, other_entry++) {
            RpObject *key = other_entry->key;
            if (key != NULL && key != dummy)
                set_insert_clean(so->table, (size_t)so->mask, Rp_NewRef(key), other_entry->hash);
        }
        return 0;
    }
    for (Rp_ssize_t i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        RpObject *key = other_entry->key;
        if (key != NULL && key != dummy && set_add_entry(so, key, other_entry->hash))
            return -1;
    }
    return 0;
}

static int set_update_internal(RpSetObject *so, RpObject *other)
{
    if (RpAnySet_Check(other))
        return set_merge(so, other);
    if (RpDict_CheckExact(other)) {
        Rp_ssize_t dictsize = RpDict_GET_SIZE(other);
        if ((so->fill + dictsize) * 5 >= so->mask * 3) {
            if (set_table_resize(so, (so->used + dictsize) * 2) != 0)
                return -1;
        }
        Rp_ssize_t pos = 0;
        RpObject *key, *value;
        Rp_hash_t hash;
        while (_RpDict_Next(other, &pos, &key, &value, &hash))
            if (set_add_entry(so, key, hash))
                return -1;
        return 0;
    }
    RpObject *it = RpObject_GetIter(other);
    if (it == NULL)
        return -1;
    RpObject *key;
    while ((key = RpIter_Next(it)) != NULL) {
        int st = set_add_key(so, key);
        Rp_DECREF(key);
        if (st) {
            Rp_DECREF(it);
            return -1;
        }
    }
    Rp_DECREF(it);
    return RpErr_Occurred() ? -1 : 0;
}

/* ---- allocation --------------------------------------------------------------- */

static RpObject *make_new_set(RpTypeObject *type, RpObject *iterable)
{
    RpSetObject *so;
    if (type == &RpSet_Type || type == &RpFrozenSet_Type) {
        so = RpObject_GC_New(RpSetObject, type);
        if (so == NULL)
            return NULL;
    } else {
        so = (RpSetObject *)type->tp_alloc(type, 0);
        if (so == NULL)
            return NULL;
        RpObject_GC_UnTrack(so);   /* re-tracked below, once consistent */
    }
    set_empty_to_minsize(so);
    so->finger = 0;
    so->weakreflist = NULL;
    RpObject_GC_Track(so);
    if (iterable != NULL && set_update_internal(so, iterable)) {
        Rp_DECREF(so);
        return NULL;
    }
    return (RpObject *)so;
}

/* Results of set operations are plain set/frozenset, not the subclass. */
static RpObject *make_new_set_basetype(RpTypeObject *type, RpObject *iterable)
{
    if (type != &RpSet_Type && type != &RpFrozenSet_Type)
        type = RpType_IsSubtype(type, &RpSet_Type) ? &RpSet_Type : &RpFrozenSet_Type;
    return make_new_set(type, iterable);
}

RpObject *RpSet_New(RpObject *iterable) { return make_new_set(&RpSet_Type, iterable); }
RpObject *RpFrozenSet_New(RpObject *iterable) { return make_new_set(&RpFrozenSet_Type, iterable); }

/* ---- GC trio -------------------------------------------------------------------- */

static int set_traverse(RpObject *self, visitproc visit, void *arg)
{
    Rp_ssize_t pos = 0;
    setentry *entry;
    while (set_next(SO(self), &pos, &entry))
        Rp_VISIT(entry->key);
    return 0;
}

static int set_tp_clear(RpObject *self)
{
    return set_clear_internal(SO(self));
}

static void set_dealloc(RpObject *self)
{
    RpSetObject *so = SO(self);
    RpObject_GC_UnTrack(so);
    RP_TRASHCAN_BEGIN(so, set_dealloc)
    if (so->weakreflist != NULL)
        RpObject_ClearWeakRefs(self);
    Rp_ssize_t used = so->fill;
    for (setentry *e = so->table; used > 0; e++) {
        if (e->key != NULL) {
            used--;
            if (e->key != dummy)
                Rp_DECREF(e->key);
        }
    }
    if (so->table != so->smalltable)
        RpMem_Free(so->table);
    Rp_TYPE(so)->tp_free(so);
    RP_TRASHCAN_END
}

/* ---- C API ------------------------------------------------------------------------ */

int RpSet_Add(RpObject *s, RpObject *key)
{
    if (!RpAnySet_Check(s)) {
        RpErr_BadInternalCall();
        return -1;
    }
    return set_add_key(SO(s), key);
}

int RpSet_Discard(RpObject *s, RpObject *key)
{
    if (!RpSet_Check(s)) {
        RpErr_BadInternalCall();
        return -1;
    }
    return set_discard_key(SO(s), key);
}

int RpSet_Contains(RpObject *s, RpObject *key)
{
    if (!RpAnySet_Check(s)) {
        RpErr_BadInternalCall();
        return -1;
    }
    return set_contains_key(SO(s), key);
}

Rp_ssize_t RpSet_Size(RpObject *s)
{
    if (!RpAnySet_Check(s)) {
        RpErr_BadInternalCall();
        return -1;
    }
    return SO(s)->used;
}

int _RpSet_Update(RpObject *s, RpObject *iterable)
{
    return set_update_internal(SO(s), iterable);
}

int _RpSet_NextEntry(RpObject *s, Rp_ssize_t *pos, RpObject **key, Rp_hash_t *hash)
{
    setentry *entry;
    if (!set_next(SO(s), pos, &entry))
        return 0;
    *key = entry->key;
    *hash = entry->hash;
    return 1;
}

static RpObject *set_copy(RpObject *so, RpObject *unused)
{
    return make_new_set_basetype(Rp_TYPE(so), so);
}

RpObject *_RpSet_Copy(RpObject *s) { return set_copy(s, NULL); }

static RpObject *frozenset_copy(RpObject *so, RpObject *unused)
{
    if (Rp_IS_TYPE(so, &RpFrozenSet_Type))
        return Rp_NewRef(so);
    return set_copy(so, NULL);
}

/* ---- key helpers that accept a set where a frozenset is meant ------------------- */

/* Run op(so, key); if key is an (unhashable) set, retry with frozenset(key). */
static int with_frozen_retry(RpSetObject *so, RpObject *key, int (*op)(RpSetObject *, RpObject *))
{
    int rv = op(so, key);
    if (rv >= 0 || !RpSet_Check(key) || !RpErr_ExceptionMatches(RpExc_TypeError))
        return rv;
    RpErr_Clear();
    RpObject *tmp = make_new_set(&RpFrozenSet_Type, key);
    if (tmp == NULL)
        return -1;
    rv = op(so, tmp);
    Rp_DECREF(tmp);
    return rv;
}

static int set_contains(RpObject *so, RpObject *key)
{
    return with_frozen_retry(SO(so), key, set_contains_key);
}

static void set_key_error(RpObject *key)
{
    RpObject *tup = RpTuple_Pack(1, key);
    if (tup != NULL) {
        RpErr_SetObject(RpExc_KeyError, tup);
        Rp_DECREF(tup);
    }
}

/* ---- methods: single elements ----------------------------------------------------- */

static RpObject *set_add(RpObject *so, RpObject *key)
{
    if (set_add_key(SO(so), key))
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *set_remove(RpObject *so, RpObject *key)
{
    int rv = with_frozen_retry(SO(so), key, set_discard_key);
    if (rv < 0)
        return NULL;
    if (rv == DISCARD_NOTFOUND) {
        set_key_error(key);
        return NULL;
    }
    Rp_RETURN_NONE;
}

static RpObject *set_discard(RpObject *so, RpObject *key)
{
    if (with_frozen_retry(SO(so), key, set_discard_key) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *set_pop(RpObject *self, RpObject *unused)
{
    RpSetObject *so = SO(self);
    if (so->used == 0) {
        RpErr_SetString(RpExc_KeyError, "pop from an empty set");
        return NULL;
    }
    /* Resume where the last pop stopped, so repeated pops stay O(1). */
    setentry *entry = so->table + (so->finger & so->mask);
    setentry *limit = so->table + so->mask;
    while (entry->key == NULL || entry->key == dummy) {
        entry++;
        if (entry > limit)
            entry = so->table;
    }
    RpObject *key = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

static RpObject *set_clear_meth(RpObject *so, RpObject *unused)
{
    set_clear_internal(SO(so));
    Rp_RETURN_NONE;
}

/* ---- methods: whole sets ----------------------------------------------------------- */

static RpObject *set_update(RpObject *so, RpObject *const *args, Rp_ssize_t nargs)
{
    for (Rp_ssize_t i = 0; i < nargs; i++)
        if (set_update_internal(SO(so), args[i]))
            return NULL;
    Rp_RETURN_NONE;
}

static RpObject *set_union(RpObject *so, RpObject *const *args, Rp_ssize_t nargs)
{
    RpObject *result = set_copy(so, NULL);
    if (result == NULL)
        return NULL;
    for (Rp_ssize_t i = 0; i < nargs; i++) {
        if (args[i] == so)
            continue;
        if (set_update_internal(SO(result), args[i])) {
            Rp_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static RpObject *set_intersection(RpSetObject *so, RpObject *other)
{
    if ((RpObject *)so == other)
        return set_copy((RpObject *)so, NULL);
    RpObject *result = make_new_set_basetype(Rp_TYPE(so), NULL);
    if (result == NULL)
        return NULL;
    if (RpAnySet_Check(other)) {
        /* Iterate over the smaller set, probe the larger. */
        if (SO(other)->used > so->used) {
            RpObject *t = (RpObject *)so;
            so = SO(other);
            other = t;
        }
        Rp_ssize_t pos = 0;
        setentry *entry;
        while (set_next(SO(other), &pos, &entry)) {
            RpObject *key = entry->key;
            Rp_hash_t hash = entry->hash;
            Rp_INCREF(key);
            int rv = set_contains_entry(so, key, hash);
            if (rv > 0)
                rv = set_add_entry(SO(result), key, hash);
            Rp_DECREF(key);
            if (rv < 0)
                goto error;
        }
        return result;
    }
    RpObject *it = RpObject_GetIter(other);
    if (it == NULL)
        goto error;
    RpObject *key;
    while ((key = RpIter_Next(it)) != NULL) {
        Rp_hash_t hash = key_hash(key);
        int rv = hash == -1 ? -1 : set_contains_entry(so, key, hash);
        if (rv > 0)
            rv = set_add_entry(SO(result), key, hash);
        Rp_DECREF(key);
        if (rv < 0) {
            Rp_DECREF(it);
            goto error;
        }
    }
    Rp_DECREF(it);
    if (RpErr_Occurred())
        goto error;
    return result;
error:
    Rp_DECREF(result);
    return NULL;
}

static RpObject *set_intersection_multi(RpObject *so, RpObject *const *args, Rp_ssize_t nargs)
{
    if (nargs == 0)
        return set_copy(so, NULL);
    RpObject *result = Rp_NewRef(so);
    for (Rp_ssize_t i = 0; i < nargs; i++) {
        RpObject *newresult = set_intersection(SO(result), args[i]);
        Rp_DECREF(result);
        if (newresult == NULL)
            return NULL;
        result = newresult;
    }
    return result;
}

/* Replace so's table by tmp's (tmp gets so's old one and dies with it). */
static void set_swap_bodies(RpSetObject *a, RpSetObject *b)
{
    RpSetObject t;
    t.fill = a->fill; t.used = a->used; t.mask = a->mask; t.hash = a->hash;
    memcpy(t.smalltable, a->smalltable, sizeof(t.smalltable));
    setentry *atable = a->table == a->smalltable ? NULL : a->table;
    setentry *btable = b->table == b->smalltable ? NULL : b->table;
    a->fill = b->fill; a->used = b->used; a->mask = b->mask; a->hash = b->hash;
    memcpy(a->smalltable, b->smalltable, sizeof(a->smalltable));
    a->table = btable ? btable : a->smalltable;
    b->fill = t.fill; b->used = t.used; b->mask = t.mask; b->hash = t.hash;
    memcpy(b->smalltable, t.smalltable, sizeof(b->smalltable));
    b->table = atable ? atable : b->smalltable;
}

static RpObject *set_intersection_update_multi(RpObject *so, RpObject *const *args,
                                               Rp_ssize_t nargs)
{
    RpObject *tmp = set_intersection_multi(so, args, nargs);
    if (tmp == NULL)
        return NULL;
    set_swap_bodies(SO(so), SO(tmp));
    Rp_DECREF(tmp);
    Rp_RETURN_NONE;
}

static int set_difference_update_internal(RpSetObject *so, RpObject *other)
{
    if ((RpObject *)so == other)
        return set_clear_internal(so);
    if (RpAnySet_Check(other)) {
        /* A much larger other: only the common part matters. */
        if ((SO(other)->used >> 3) > so->used) {
            other = set_intersection(so, other);
            if (other == NULL)
                return -1;
        } else {
            Rp_INCREF(other);
        }
        Rp_ssize_t pos = 0;
        setentry *entry;
        while (set_next(SO(other), &pos, &entry)) {
            RpObject *key = Rp_NewRef(entry->key);
            int rv = set_discard_entry(so, key, entry->hash);
            Rp_DECREF(key);
            if (rv < 0) {
                Rp_DECREF(other);
                return -1;
            }
        }
        Rp_DECREF(other);
    } else {
        RpObject *it = RpObject_GetIter(other);
        if (it == NULL)
            return -1;
        RpObject *key;
        while ((key = RpIter_Next(it)) != NULL) {
            int rv = set_discard_key(so, key);
            Rp_DECREF(key);
            if (rv < 0) {
                Rp_DECREF(it);
                return -1;
            }
        }
        Rp_DECREF(it);
        if (RpErr_Occurred())
            return -1;
    }
    /* More than 1/4 dummies: squeeze them out. */
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4)
        return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static RpObject *set_copy_and_difference(RpSetObject *so, RpObject *other)
{
    RpObject *result = set_copy((RpObject *)so, NULL);
    if (result != NULL && set_difference_update_internal(SO(result), other) < 0)
        Rp_CLEAR(result);
    return result;
}

static RpObject *set_difference(RpSetObject *so, RpObject *other)
{
    Rp_ssize_t other_size;
    if (RpAnySet_Check(other))
        other_size = SO(other)->used;
    else if (RpDict_CheckExact(other))
        other_size = RpDict_GET_SIZE(other);
    else
        return set_copy_and_difference(so, other);
    /* A much smaller other: copying and removing is cheaper. */
    if ((so->used >> 2) > other_size)
        return set_copy_and_difference(so, other);
    RpObject *result = make_new_set_basetype(Rp_TYPE(so), NULL);
    if (result == NULL)
        return NULL;
    Rp_ssize_t pos = 0;
    setentry *entry;
    while (set_next(so, &pos, &entry)) {
        RpObject *key = Rp_NewRef(entry->key);
        Rp_hash_t hash = entry->hash;
        int rv = RpDict_CheckExact(other) ? _RpDict_Contains_KnownHash(other, key, hash)
                                          : set_contains_entry(SO(other), key, hash);
        if (rv == 0)
            rv = set_add_entry(SO(result), key, hash);
        Rp_DECREF(key);
        if (rv < 0) {
            Rp_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static RpObject *set_difference_multi(RpObject *so, RpObject *const *args, Rp_ssize_t nargs)
{
    if (nargs == 0)
        return set_copy(so, NULL);
    RpObject *result = set_difference(SO(so), args[0]);
    for (Rp_ssize_t i = 1; result != NULL && i < nargs; i++)
        if (set_difference_update_internal(SO(result), args[i]) < 0)
            Rp_CLEAR(result);
    return result;
}

static RpObject *set_difference_update(RpObject *so, RpObject *const *args, Rp_ssize_t nargs)
{
    for (Rp_ssize_t i = 0; i < nargs; i++)
        if (set_difference_update_internal(SO(so), args[i]) < 0)
            return NULL;
    Rp_RETURN_NONE;
}

/* Toggle every entry of otherset in so. */
static int symmetric_update_entries(RpSetObject *so, RpSetObject *otherset)
{
    Rp_ssize_t pos = 0;
    setentry *entry;
    while (set_next(otherset, &pos, &entry)) {
        RpObject *key = Rp_NewRef(entry->key);
        Rp_hash_t hash = entry->hash;
        int rv = set_discard_entry(so, key, hash);
        if (rv == DISCARD_NOTFOUND)
            rv = set_add_entry(so, key, hash);
        Rp_DECREF(key);
        if (rv < 0)
            return -1;
    }
    return 0;
}

static RpObject *set_symmetric_difference_update(RpObject *self, RpObject *other)
{
    RpSetObject *so = SO(self);
    if (self == other)
        return set_clear_meth(self, NULL);
    if (RpDict_CheckExact(other)) {
        Rp_ssize_t pos = 0;
        RpObject *key, *value;
        Rp_hash_t hash;
        while (_RpDict_Next(other, &pos, &key, &value, &hash)) {
            Rp_INCREF(key);
            int rv = set_discard_entry(so, key, hash);
            if (rv == DISCARD_NOTFOUND)
                rv = set_add_entry(so, key, hash);
            Rp_DECREF(key);
            if (rv < 0)
                return NULL;
        }
        Rp_RETURN_NONE;
    }
    RpObject *otherset = RpAnySet_Check(other) ? Rp_NewRef(other)
                                               : make_new_set_basetype(Rp_TYPE(so), other);
    if (otherset == NULL)
        return NULL;
    int rv = symmetric_update_entries(so, SO(otherset));
    Rp_DECREF(otherset);
    if (rv < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *set_symmetric_difference(RpObject *so, RpObject *other)
{
    RpObject *otherset = make_new_set_basetype(Rp_TYPE(so), other);
    if (otherset == NULL)
        return NULL;
    RpObject *rv = set_symmetric_difference_update(otherset, so);
    if (rv == NULL) {
        Rp_DECREF(otherset);
        return NULL;
    }
    Rp_DECREF(rv);
    return otherset;
}

static RpObject *set_issubset(RpObject *so, RpObject *other);

static RpObject *set_issuperset(RpObject *so, RpObject *other)
{
    if (RpAnySet_Check(other))
        return set_issubset(other, so);
    RpObject *it = RpObject_GetIter(other);
    if (it == NULL)
        return NULL;
    RpObject *key;
    while ((key = RpIter_Next(it)) != NULL) {
        int rv = set_contains_key(SO(so), key);
        Rp_DECREF(key);
        if (rv <= 0) {
            Rp_DECREF(it);
            return rv < 0 ? NULL : Rp_NewRef(Rp_False);
        }
    }
    Rp_DECREF(it);
    if (RpErr_Occurred())
        return NULL;
    Rp_RETURN_TRUE;
}

static RpObject *set_issubset(RpObject *so, RpObject *other)
{
    if (!RpAnySet_Check(other)) {
        RpObject *tmp = make_new_set(&RpSet_Type, other);
        if (tmp == NULL)
            return NULL;
        RpObject *result = set_issubset(so, tmp);
        Rp_DECREF(tmp);
        return result;
    }
    if (SO(so)->used > SO(other)->used)
        Rp_RETURN_FALSE;
    Rp_ssize_t pos = 0;
    setentry *entry;
    while (set_next(SO(so), &pos, &entry)) {
        RpObject *key = Rp_NewRef(entry->key);
        int rv = set_contains_entry(SO(other), key, entry->hash);
        Rp_DECREF(key);
        if (rv <= 0)
            return rv < 0 ? NULL : Rp_NewRef(Rp_False);
    }
    Rp_RETURN_TRUE;
}

static RpObject *set_isdisjoint(RpObject *so, RpObject *other)
{
    if (so == other)
        return RpBool_FromLong(SO(so)->used == 0);
    if (RpAnySet_Check(other)) {
        if (SO(other)->used > SO(so)->used) {
            RpObject *t = so;
            so = other;
            other = t;
        }
        Rp_ssize_t pos = 0;
        setentry *entry;
        while (set_next(SO(other), &pos, &entry)) {
            RpObject *key = Rp_NewRef(entry->key);
            int rv = set_contains_entry(SO(so), key, entry->hash);
            Rp_DECREF(key);
            if (rv != 0)
                return rv < 0 ? NULL : Rp_NewRef(Rp_False);
        }
        Rp_RETURN_TRUE;
    }
    RpObject *it = RpObject_GetIter(other);
    if (it == NULL)
        return NULL;
    RpObject *key;
    while ((key = RpIter_Next(it)) != NULL) {
        int rv = set_contains_key(SO(so), key);
        Rp_DECREF(key);
        if (rv != 0) {
            Rp_DECREF(it);
            return rv < 0 ? NULL : Rp_NewRef(Rp_False);
        }
    }
    Rp_DECREF(it);
    if (RpErr_Occurred())
        return NULL;
    Rp_RETURN_TRUE;
}

/* ---- operators ----------------------------------------------------------------------- */

#define BOTH_SETS(a, b) (RpAnySet_Check(a) && RpAnySet_Check(b))

static RpObject *set_or(RpObject *so, RpObject *other)
{
    if (!BOTH_SETS(so, other))
        Rp_RETURN_NOTIMPLEMENTED;
    RpObject *result = set_copy(so, NULL);
    if (result == NULL || so == other)
        return result;
    if (set_update_internal(SO(result), other)) {
        Rp_DECREF(result);
        return NULL;
    }
    return result;
}

static RpObject *set_and(RpObject *so, RpObject *other)
{
    if (!BOTH_SETS(so, other))
        Rp_RETURN_NOTIMPLEMENTED;
    return set_intersection(SO(so), other);
}

static RpObject *set_sub(RpObject *so, RpObject *other)
{
    if (!BOTH_SETS(so, other))
        Rp_RETURN_NOTIMPLEMENTED;
    return set_difference(SO(so), other);
}

static RpObject *set_xor(RpObject *so, RpObject *other)
{
    if (!BOTH_SETS(so, other))
        Rp_RETURN_NOTIMPLEMENTED;
    return set_symmetric_difference(so, other);
}

static RpObject *set_ior(RpObject *so, RpObject *other)
{
    if (!RpAnySet_Check(other))
        Rp_RETURN_NOTIMPLEMENTED;
    if (set_update_internal(SO(so), other))
        return NULL;
    return Rp_NewRef(so);
}

static RpObject *set_iand(RpObject *so, RpObject *other)
{
    if (!RpAnySet_Check(other))
        Rp_RETURN_NOTIMPLEMENTED;
    RpObject *r = set_intersection_update_multi(so, &other, 1);
    if (r == NULL)
        return NULL;
    Rp_DECREF(r);
    return Rp_NewRef(so);
}

static RpObject *set_isub(RpObject *so, RpObject *other)
{
    if (!RpAnySet_Check(other))
        Rp_RETURN_NOTIMPLEMENTED;
    if (set_difference_update_internal(SO(so), other) < 0)
        return NULL;
    return Rp_NewRef(so);
}

static RpObject *set_ixor(RpObject *so, RpObject *other)
{
    if (!RpAnySet_Check(other))
        Rp_RETURN_NOTIMPLEMENTED;
    RpObject *r = set_symmetric_difference_update(so, other);
    if (r == NULL)
        return NULL;
    Rp_DECREF(r);
    return Rp_NewRef(so);
}

static RpObject *set_richcompare(RpObject *v, RpObject *w, int op)
{
    if (!RpAnySet_Check(w))
        Rp_RETURN_NOTIMPLEMENTED;
    Rp_ssize_t vs = SO(v)->used, ws = SO(w)->used;
    switch (op) {
    case Rp_EQ:
        if (vs != ws)
            Rp_RETURN_FALSE;
        if (SO(v)->hash != -1 && SO(w)->hash != -1 && SO(v)->hash != SO(w)->hash)
            Rp_RETURN_FALSE;
        return set_issubset(v, w);
    case Rp_NE: {
        RpObject *r = set_richcompare(v, w, Rp_EQ);
        if (r == NULL)
            return NULL;
        int t = RpObject_IsTrue(r);
        Rp_DECREF(r);
        return t < 0 ? NULL : RpBool_FromLong(!t);
    }
    case Rp_LE: return set_issubset(v, w);
    case Rp_GE: return set_issuperset(v, w);
    case Rp_LT:
        if (vs >= ws)
            Rp_RETURN_FALSE;
        return set_issubset(v, w);
    case Rp_GT:
        if (vs <= ws)
            Rp_RETURN_FALSE;
        return set_issuperset(v, w);
    }
    Rp_RETURN_NOTIMPLEMENTED;
}

/* ---- repr, hash, length --------------------------------------------------------------- */

static RpObject *set_repr(RpObject *self)
{
    const char *name = _RpType_Name(Rp_TYPE(self));
    int rc = Rp_ReprEnter(self);
    if (rc != 0)
        return rc < 0 ? NULL : RpUnicode_FromFormat("%s(...)", name);
    RpObject *result = NULL, *keys = NULL, *lr = NULL, *inner = NULL;
    if (SO(self)->used == 0) {
        result = RpUnicode_FromFormat("%s()", name);
        goto done;
    }
    keys = RpSequence_List(self);
    if (keys == NULL || (lr = RpObject_Repr(keys)) == NULL)
        goto done;
    /* Strip the list's brackets. */
    inner = RpUnicode_Substring(lr, 1, RpUnicode_GET_LENGTH(lr) - 1);
    if (inner == NULL)
        goto done;
    if (Rp_IS_TYPE(self, &RpSet_Type))
        result = RpUnicode_FromFormat("{%U}", inner);
    else
        result = RpUnicode_FromFormat("%s({%U})", name, inner);
done:
    Rp_XDECREF(keys);
    Rp_XDECREF(lr);
    Rp_XDECREF(inner);
    Rp_ReprLeave(self);
    return result;
}

static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
}

/* CPython's frozenset hash: order-independent xor of shuffled entry
 * hashes, then dispersed. */
static Rp_hash_t frozenset_hash(RpObject *self)
{
    RpSetObject *so = SO(self);
    if (so->hash != -1)
        return so->hash;
    uint64_t hash = 0;
    Rp_ssize_t pos = 0;
    setentry *entry;
    while (set_next(so, &pos, &entry))
        hash ^= shuffle_bits((uint64_t)entry->hash);
    hash ^= ((uint64_t)so->used + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == (uint64_t)-1)
        hash = 590923713ULL;
    so->hash = (Rp_hash_t)hash;
    return so->hash;
}

static Rp_ssize_t set_len(RpObject *so) { return SO(so)->used; }

static RpObject *set_sizeof(RpObject *so, RpObject *unused)
{
    size_t res = sizeof(RpSetObject);
    if (SO(so)->table != SO(so)->smalltable)
        res += ((size_t)SO(so)->mask + 1) * sizeof(setentry);
    return RpLong_FromSize_t(res);
}

/* ---- construction ------------------------------------------------------------------- */

static RpObject *set_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    if (type == &RpSet_Type && !_RpArg_NoKeywords("set", kwds))
        return NULL;
    return make_new_set(type, NULL);
}

static int set_init(RpObject *self, RpObject *args, RpObject *kwds)
{
    if (!_RpArg_NoKeywords("set", kwds))
        return -1;
    if (!_RpArg_CheckPositional("set", Rp_SIZE(args), 0, 1))
        return -1;
    if (SO(self)->fill)
        set_clear_internal(SO(self));
    SO(self)->hash = -1;
    if (Rp_SIZE(args) == 0)
        return 0;
    return set_update_internal(SO(self), RpTuple_GET_ITEM(args, 0));
}

static RpObject *set_vectorcall(RpObject *type, RpObject *const *args, size_t nargsf,
                                RpObject *kwnames)
{
    Rp_ssize_t nargs = RpVectorcall_NARGS(nargsf);
    if (!_RpArg_NoKwnames("set", kwnames))
        return NULL;
    if (!_RpArg_CheckPositional("set", nargs, 0, 1))
        return NULL;
    return make_new_set((RpTypeObject *)type, nargs ? args[0] : NULL);
}

static RpObject *frozenset_make(RpTypeObject *type, RpObject *iterable)
{
    if (type == &RpFrozenSet_Type && iterable != NULL && Rp_IS_TYPE(iterable, &RpFrozenSet_Type))
        return Rp_NewRef(iterable);   /* immutable: share it */
    return make_new_set(type, iterable);
}

static RpObject *frozenset_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    if (type == &RpFrozenSet_Type && !_RpArg_NoKeywords("frozenset", kwds))
        return NULL;
    if (!_RpArg_CheckPositional("frozenset", Rp_SIZE(args), 0, 1))
        return NULL;
    return frozenset_make(type, Rp_SIZE(args) ? RpTuple_GET_ITEM(args, 0) : NULL);
}

static RpObject *frozenset_vectorcall(RpObject *type, RpObject *const *args, size_t nargsf,
                                      RpObject *kwnames)
{
    Rp_ssize_t nargs = RpVectorcall_NARGS(nargsf);
    if (!_RpArg_NoKwnames("frozenset", kwnames))
        return NULL;
    if (!_RpArg_CheckPositional("frozenset", nargs, 0, 1))
        return NULL;
    return frozenset_make((RpTypeObject *)type, nargs ? args[0] : NULL);
}

/* ---- iterator -------------------------------------------------------------------------- */

typedef struct {
    RpObject_HEAD
    RpSetObject *si_set;   /* NULL once exhausted */
    Rp_ssize_t si_used;
    Rp_ssize_t si_pos;
    Rp_ssize_t len;
} setiterobject;

static RpObject *set_iter(RpObject *so)
{
    setiterobject *si = RpObject_GC_New(setiterobject, &RpSetIter_Type);
    if (si == NULL)
        return NULL;
    si->si_set = (RpSetObject *)Rp_NewRef(so);
    si->si_used = SO(so)->used;
    si->si_pos = 0;
    si->len = SO(so)->used;
    RpObject_GC_Track(si);
    return (RpObject *)si;
}

static void setiter_dealloc(RpObject *self)
{
    setiterobject *si = (setiterobject *)self;
    RpObject_GC_UnTrack(si);
    Rp_XDECREF(si->si_set);
    RpObject_GC_Del(si);
}

static int setiter_traverse(RpObject *self, visitproc visit, void *arg)
{
    Rp_VISIT(((setiterobject *)self)->si_set);
    return 0;
}

static int setiter_clear(RpObject *self)
{
    Rp_CLEAR(((setiterobject *)self)->si_set);
    return 0;
}

static RpObject *setiter_len(RpObject *self, RpObject *unused)
{
    setiterobject *si = (setiterobject *)self;
    Rp_ssize_t len = 0;
    if (si->si_set != NULL && si->si_used == si->si_set->used)
        len = si->len;
    return RpLong_FromSsize_t(len);
}

static RpObject *setiter_next(RpObject *self)
{
    setiterobject *si = (setiterobject *)self;
    RpSetObject *so = si->si_set;
    if (so == NULL)
        return NULL;
    if (si->si_used != so->used) {
        RpErr_SetString(RpExc_RuntimeError, "Set changed size during iteration");
        si->si_used = -1;   /* make the state sticky */
        return NULL;
    }
    Rp_ssize_t i = si->si_pos;
    setentry *entry = so->table + i;
    while (i <= so->mask && (entry->key == NULL || entry->key == dummy)) {
        i++;
        entry++;
    }
    si->si_pos = i + 1;
    if (i > so->mask) {
        si->si_set = NULL;
        Rp_DECREF(so);
        return NULL;
    }
    si->len--;
    return Rp_NewRef(entry->key);
}

static RpMethodDef setiter_methods[] = {
    {"__length_hint__", (RpCFunction)setiter_len, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpSetIter_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(setiterobject),
    .tp_dealloc = setiter_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = setiter_traverse,
    .tp_clear = setiter_clear,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = setiter_next,
    .tp_methods = setiter_methods,
};

/* ---- the types ---------------------------------------------------------------------------- */

#define FAST(f) (RpCFunction)(void (*)(void))(f)

static RpMethodDef set_methods[] = {
    {"add", (RpCFunction)set_add, RP_METH_O, "Add an element to a set."},
    {"clear", (RpCFunction)set_clear_meth, RP_METH_NOARGS, "Remove all elements from this set."},
    {"copy", (RpCFunction)set_copy, RP_METH_NOARGS, "Return a shallow copy of a set."},
    {"discard", (RpCFunction)set_discard, RP_METH_O, NULL},
    {"difference", FAST(set_difference_multi), RP_METH_FASTCALL, NULL},
    {"difference_update", FAST(set_difference_update), RP_METH_FASTCALL, NULL},
    {"intersection", FAST(set_intersection_multi), RP_METH_FASTCALL, NULL},
    {"intersection_update", FAST(set_intersection_update_multi), RP_METH_FASTCALL, NULL},
    {"isdisjoint", (RpCFunction)set_isdisjoint, RP_METH_O, NULL},
    {"issubset", (RpCFunction)set_issubset, RP_METH_O, NULL},
    {"issuperset", (RpCFunction)set_issuperset, RP_METH_O, NULL},
    {"pop", (RpCFunction)set_pop, RP_METH_NOARGS, NULL},
    {"remove", (RpCFunction)set_remove, RP_METH_O, NULL},
    {"__sizeof__", (RpCFunction)set_sizeof, RP_METH_NOARGS, NULL},
    {"symmetric_difference", (RpCFunction)set_symmetric_difference, RP_METH_O, NULL},
    {"symmetric_difference_update", (RpCFunction)set_symmetric_difference_update, RP_METH_O, NULL},
    {"union", FAST(set_union), RP_METH_FASTCALL, NULL},
    {"update", FAST(set_update), RP_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static RpMethodDef frozenset_methods[] = {
    {"copy", (RpCFunction)frozenset_copy, RP_METH_NOARGS, NULL},
    {"difference", FAST(set_difference_multi), RP_METH_FASTCALL, NULL},
    {"intersection", FAST(set_intersection_multi), RP_METH_FASTCALL, NULL},
    {"isdisjoint", (RpCFunction)set_isdisjoint, RP_METH_O, NULL},
    {"issubset", (RpCFunction)set_issubset, RP_METH_O, NULL},
    {"issuperset", (RpCFunction)set_issuperset, RP_METH_O, NULL},
    {"__sizeof__", (RpCFunction)set_sizeof, RP_METH_NOARGS, NULL},
    {"symmetric_difference", (RpCFunction)set_symmetric_difference, RP_METH_O, NULL},
    {"union", FAST(set_union), RP_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static RpNumberMethods set_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
    .nb_inplace_subtract = set_isub,
    .nb_inplace_and = set_iand,
    .nb_inplace_xor = set_ixor,
    .nb_inplace_or = set_ior,
};

static RpNumberMethods frozenset_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
};

static RpSequenceMethods set_as_sequence = {
    .sq_length = set_len,
    .sq_contains = set_contains,
};

RpTypeObject RpSet_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "set",
    .tp_basicsize = sizeof(RpSetObject),
    .tp_dealloc = set_dealloc,
    .tp_as_number = &set_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = RpObject_HashNotImplemented,
    .tp_repr = set_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_BASETYPE,
    .tp_doc = "Build an unordered collection of unique elements.",
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_richcompare = set_richcompare,
    .tp_weaklistoffset = offsetof(RpSetObject, weakreflist),
    .tp_iter = set_iter,
    .tp_methods = set_methods,
    .tp_init = set_init,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = set_new,
    .tp_free = RpObject_GC_Del,
    .tp_vectorcall = set_vectorcall,
};

RpTypeObject RpFrozenSet_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(RpSetObject),
    .tp_dealloc = set_dealloc,
    .tp_as_number = &frozenset_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = frozenset_hash,
    .tp_repr = set_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_BASETYPE,
    .tp_doc = "Build an immutable unordered collection of unique elements.",
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_richcompare = set_richcompare,
    .tp_weaklistoffset = offsetof(RpSetObject, weakreflist),
    .tp_iter = set_iter,
    .tp_methods = frozenset_methods,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = frozenset_new,
    .tp_free = RpObject_GC_Del,
    .tp_vectorcall = frozenset_vectorcall,
};
