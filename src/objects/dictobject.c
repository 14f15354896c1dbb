/* dictobject.c -- the dict type, its views and its iterators.
 *
 * Layout (CPython's compact dict): a keys object holds an index table of
 * 2**k slots (int8/16/32/64 depending on size) followed by a dense array
 * of entries (hash, key, value) in insertion order.  An index slot is
 * EMPTY (-1), DUMMY (-2, a deleted entry) or the position of an entry.
 * Lookups probe the index table with CPython's perturbation sequence, so
 * iteration order is insertion order, and deletion leaves a hole in the
 * entries that the next resize squeezes out.  ma_keys == NULL stands for
 * an empty dict that has never needed a table.
 *
 * Every mutation stamps ma_version_tag from a global counter; the VM's
 * inline caches compare it.  A dict starts untracked by the collector and
 * becomes tracked when a value that may be in a cycle is inserted (as
 * CPython does); full collections may untrack it again
 * (_RpDict_MaybeUntrack).
 */
#include "rp.h"

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define PERTURB_SHIFT 5
#define DICT_LOG_MINSIZE 3
#define DICT_MAXFREELIST 80

typedef struct {
    Rp_hash_t me_hash;
    RpObject *me_key;
    RpObject *me_value;   /* NULL in a deleted entry */
} DictEntry;

struct RpDictKeys {
    uint8_t dk_log2_size;        /* the index table has 1 << dk_log2_size slots */
    uint8_t dk_log2_index_bytes; /* log2 of the width of one slot (0..3) */
    /* CPython's DICT_KEYS_UNICODE kind: every key put in this table (and in
     * the tables it was resized from) was an exact str.  Sticky: removing
     * the other keys does not bring it back.  tp_traverse then skips the
     * keys, since strings cannot be in a cycle (gc.get_referents shows it). */
    uint8_t dk_unicode;
    Rp_ssize_t dk_usable;        /* entries that can still be appended */
    Rp_ssize_t dk_nentries;      /* entries used, deleted ones included */
    int8_t dk_indices[];         /* index table, then the entries */
};

static uint64_t dict_global_version;
static RpDictObject *free_list[DICT_MAXFREELIST];
static int numfree;
static RpDictKeys *keys_free_list[DICT_MAXFREELIST];
static int numfreekeys;

uint64_t _RpDict_NextVersion(void) { return ++dict_global_version; }

#define USABLE_FRACTION(n) (((n) << 1) / 3)
#define DK_SIZE(k) ((size_t)1 << (k)->dk_log2_size)
#define DK_MASK(k) (DK_SIZE(k) - 1)

static DictEntry *dk_entries(RpDictKeys *k)
{
    size_t index_bytes = (size_t)1 << (k->dk_log2_size + k->dk_log2_index_bytes);
    return (DictEntry *)(void *)((char *)k->dk_indices + index_bytes);
}

static Rp_ssize_t dk_get_index(RpDictKeys *k, size_t i)
{
    switch (k->dk_log2_index_bytes) {
    case 0: return ((int8_t *)k->dk_indices)[i];
    case 1: return ((int16_t *)(void *)k->dk_indices)[i];
    case 2: return ((int32_t *)(void *)k->dk_indices)[i];
    default: return (Rp_ssize_t)((int64_t *)(void *)k->dk_indices)[i];
    }
}

static void dk_set_index(RpDictKeys *k, size_t i, Rp_ssize_t ix)
{
    switch (k->dk_log2_index_bytes) {
    case 0: ((int8_t *)k->dk_indices)[i] = (int8_t)ix; break;
    case 1: ((int16_t *)(void *)k->dk_indices)[i] = (int16_t)ix; break;
    case 2: ((int32_t *)(void *)k->dk_indices)[i] = (int32_t)ix; break;
    default: ((int64_t *)(void *)k->dk_indices)[i] = (int64_t)ix; break;
    }
}

static void set_version(RpDictObject *mp) { mp->ma_version_tag = ++dict_global_version; }

/* ---- keys objects ------------------------------------------------------------- */

static RpDictKeys *new_keys_object(uint8_t log2_size)
{
    uint8_t log2_bytes = log2_size < 8 ? 0 : log2_size < 16 ? 1 : log2_size < 32 ? 2 : 3;
    Rp_ssize_t usable = USABLE_FRACTION((Rp_ssize_t)1 << log2_size);
    RpDictKeys *dk;
    if (log2_size == DICT_LOG_MINSIZE && numfreekeys > 0) {
        dk = keys_free_list[--numfreekeys];
    } else {
        size_t index_bytes = (size_t)1 << (log2_size + log2_bytes);
        dk = RpMem_Malloc(sizeof(RpDictKeys) + index_bytes + sizeof(DictEntry) * (size_t)usable);
        if (dk == NULL) {
            RpErr_NoMemory();
            return NULL;
        }
    }
    dk->dk_log2_size = log2_size;
    dk->dk_log2_index_bytes = log2_bytes;
    dk->dk_usable = usable;
    dk->dk_nentries = 0;
    memset(dk->dk_indices, 0xff, (size_t)1 << (log2_size + log2_bytes));
    return dk;
}

/* Free the table memory only (references already moved or dropped). */
static void free_keys_memory(RpDictKeys *dk)
{
    if (dk->dk_log2_size == DICT_LOG_MINSIZE && numfreekeys < DICT_MAXFREELIST)
        keys_free_list[numfreekeys++] = dk;
    else
        RpMem_Free(dk);
}

/* Drop every reference in a detached table, in insertion order (a __del__
 * observing it sees CPython's order), then free it. */
static void free_keys_object(RpDictKeys *dk)
{
    DictEntry *ep = dk_entries(dk);
    for (Rp_ssize_t i = 0, n = dk->dk_nentries; i < n; i++) {
        Rp_XDECREF(ep[i].me_key);
        Rp_XDECREF(ep[i].me_value);
    }
    free_keys_memory(dk);
}

/* Smallest log2 size whose index table holds minsize slots. */
static uint8_t calculate_log2_keysize(Rp_ssize_t minsize)
{
    uint8_t log2 = DICT_LOG_MINSIZE;
    while (((Rp_ssize_t)1 << log2) < minsize)
        log2++;
    return log2;
}

/* log2 size able to hold n items without resizing. */
static uint8_t estimate_log2_keysize(Rp_ssize_t n)
{
    return calculate_log2_keysize((n * 3 + 1) / 2);
}

/* First EMPTY or DUMMY slot along hash's probe sequence. */
static size_t find_empty_slot(RpDictKeys *k, Rp_hash_t hash)
{
    size_t mask = DK_MASK(k), perturb = (size_t)hash, i = (size_t)hash & mask;
    while (dk_get_index(k, i) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* Move the live entries into a new table of 2**log2 slots, squeezing out
 * deleted entries. */
static int dictresize(RpDictObject *mp, uint8_t log2_newsize, int unicode)
{
    RpDictKeys *oldkeys = mp->ma_keys;
    RpDictKeys *nk = new_keys_object(log2_newsize);
    if (nk == NULL)
        return -1;
    /* A missing table is CPython's empty keys object, of the str kind. */
    nk->dk_unicode = (uint8_t)(unicode && (oldkeys == NULL || oldkeys->dk_unicode));
    DictEntry *dst = dk_entries(nk);
    Rp_ssize_t n = 0;
    if (oldkeys != NULL) {
        DictEntry *src = dk_entries(oldkeys);
        for (Rp_ssize_t i = 0; i < oldkeys->dk_nentries; i++) {
            if (src[i].me_value == NULL)
                continue;
            dst[n] = src[i];
            dk_set_index(nk, find_empty_slot(nk, src[i].me_hash), n);
            n++;
        }
    }
    nk->dk_nentries = n;
    nk->dk_usable -= n;
    mp->ma_keys = nk;
    if (oldkeys != NULL)
        free_keys_memory(oldkeys);
    return 0;
}

static int insertion_resize(RpDictObject *mp)
{
    return dictresize(mp, calculate_log2_keysize(mp->ma_used * 3), 1);
}

/* ---- lookup ----------------------------------------------------------------------- */

static Rp_hash_t key_hash(RpObject *key)
{
    if (RpUnicode_CheckExact(key)) {
        Rp_hash_t h = ((RpUnicodeObject *)key)->hash;
        if (h != -1)
            return h;
    }
    return RpObject_Hash(key);
}

#define DKIX_SLOW (-4)

/* The probe for an exact str key (the common case: names, attributes):
 * pointer equality first (keys are usually interned), then str equality,
 * exactly as the general loop below does for two exact strs.  DKIX_SLOW
 * when an entry of another type has the same hash (its __eq__ must run:
 * the general loop handles that).  One probe loop per index width
 * (int8..int64): the width is fixed for a table, so deciding it once
 * instead of at every probe keeps the hot loop of name lookups (globals,
 * builtins, module code) free of the switch. */
#define DEFINE_LOOKUP_STR(NAME, T)                                                  \
    static inline Rp_ssize_t NAME(RpDictKeys *dk, RpObject *key, Rp_hash_t hash,    \
                                  size_t *slot)                                     \
    {                                                                               \
        size_t mask = DK_MASK(dk), perturb = (size_t)hash, i = (size_t)hash & mask; \
        const T *indices = (const T *)(const void *)dk->dk_indices;                 \
        DictEntry *entries = dk_entries(dk);                                        \
        for (;;) {                                                                  \
            Rp_ssize_t ix = (Rp_ssize_t)indices[i];                                 \
            if (ix == DKIX_EMPTY)                                                   \
                return DKIX_EMPTY;                                                  \
            if (ix >= 0) {                                                          \
                RpObject *startkey = entries[ix].me_key;                            \
                if (startkey == key)                                                \
                    goto found;                                                     \
                if (entries[ix].me_hash == hash) {                                  \
                    if (!RpUnicode_CheckExact(startkey))                            \
                        return DKIX_SLOW;                                           \
                    if (_RpUnicode_Equal(startkey, key))                            \
                        goto found;                                                 \
                }                                                                   \
            }                                                                       \
            perturb >>= PERTURB_SHIFT;                                              \
            i = (i * 5 + perturb + 1) & mask;                                       \
            continue;                                                               \
        found:                                                                      \
            if (slot != NULL)                                                       \
                *slot = i;                                                          \
            return ix;                                                              \
        }                                                                           \
    }

DEFINE_LOOKUP_STR(lookup_str8, int8_t)
DEFINE_LOOKUP_STR(lookup_str16, int16_t)
DEFINE_LOOKUP_STR(lookup_str32, int32_t)
DEFINE_LOOKUP_STR(lookup_str64, int64_t)

static inline Rp_ssize_t lookup_str(RpDictKeys *dk, RpObject *key, Rp_hash_t hash, size_t *slot)
{
    switch (dk->dk_log2_index_bytes) {
    case 0: return lookup_str8(dk, key, hash, slot);
    case 1: return lookup_str16(dk, key, hash, slot);
    case 2: return lookup_str32(dk, key, hash, slot);
    default: return lookup_str64(dk, key, hash, slot);
    }
}

static Rp_ssize_t lookup_general(RpDictObject *mp, RpObject *key, Rp_hash_t hash, size_t *slot);

/* Index of key's entry, DKIX_EMPTY if missing, DKIX_ERROR on error.
 * *slot receives the index-table slot that points at it (may be NULL).
 * A comparison that mutates the dict restarts the search. */
static inline Rp_ssize_t lookup(RpDictObject *mp, RpObject *key, Rp_hash_t hash, size_t *slot)
{
    RpDictKeys *dk = mp->ma_keys;
    if (dk == NULL)
        return DKIX_EMPTY;
    if (RpUnicode_CheckExact(key)) {
        Rp_ssize_t ix = lookup_str(dk, key, hash, slot);
        if (ix != DKIX_SLOW)
            return ix;
    }
    return lookup_general(mp, key, hash, slot);
}

static Rp_ssize_t lookup_general(RpDictObject *mp, RpObject *key, Rp_hash_t hash, size_t *slot)
{
restart:;
    RpDictKeys *dk = mp->ma_keys;
    if (dk == NULL)
        return DKIX_EMPTY;
    size_t mask = DK_MASK(dk), perturb = (size_t)hash, i = (size_t)hash & mask;
    int str_key = RpUnicode_CheckExact(key);
    for (;;) {
        Rp_ssize_t ix = dk_get_index(dk, i);
        if (ix == DKIX_EMPTY)
            return DKIX_EMPTY;
        if (ix >= 0) {
            DictEntry *ep = &dk_entries(dk)[ix];
            RpObject *startkey = ep->me_key;
            if (startkey == key)
                goto found;
            if (ep->me_hash == hash) {
                if (str_key && RpUnicode_CheckExact(startkey)) {
                    if (_RpUnicode_Equal(startkey, key))
                        goto found;
                } else {
                    Rp_INCREF(startkey);
                    int cmp = RpObject_RichCompareBool(startkey, key, Rp_EQ);
                    Rp_DECREF(startkey);
                    if (cmp < 0)
                        return DKIX_ERROR;
                    if (dk != mp->ma_keys || ep->me_key != startkey)
                        goto restart;
                    if (cmp > 0)
                        goto found;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
        continue;
    found:
        if (slot != NULL)
            *slot = i;
        return ix;
    }
}

static RpObject *entry_value(RpDictObject *mp, Rp_ssize_t ix)
{
    return dk_entries(mp->ma_keys)[ix].me_value;
}

/* ---- GC tracking -------------------------------------------------------------- */

static int may_be_tracked(RpObject *o)
{
    if (!RpObject_IS_GC(o))
        return 0;
    if (RpTuple_CheckExact(o))
        return RpObject_GC_IsTracked(o);
    return 1;
}

static void maintain_tracking(RpDictObject *mp, RpObject *key, RpObject *value)
{
    /* the inline type tests first: str keys with int/str values, the
     * common case, then never call into the collector */
    if ((may_be_tracked(key) || may_be_tracked(value)) && !RpObject_GC_IsTracked((RpObject *)mp))
        RpObject_GC_Track(mp);
}

void _RpDict_MaybeUntrack(RpObject *op)
{
    RpDictObject *mp = (RpDictObject *)op;
    if (!RpDict_CheckExact(op) || !RpObject_GC_IsTracked(op))
        return;
    if (mp->ma_keys != NULL) {
        DictEntry *ep = dk_entries(mp->ma_keys);
        for (Rp_ssize_t i = 0; i < mp->ma_keys->dk_nentries; i++) {
            if (ep[i].me_value == NULL)
                continue;
            if (may_be_tracked(ep[i].me_value) || may_be_tracked(ep[i].me_key))
                return;
        }
    }
    RpObject_GC_UnTrack(op);
}

/* ---- insertion and deletion ------------------------------------------------------ */

/* Set key -> value; steals both references (on error too). */
static int insertdict(RpDictObject *mp, RpObject *key, Rp_hash_t hash, RpObject *value)
{
    if (mp->ma_keys == NULL
        && dictresize(mp, DICT_LOG_MINSIZE, RpUnicode_CheckExact(key)) < 0)
        goto fail;
    Rp_ssize_t ix = lookup(mp, key, hash, NULL);
    if (ix == DKIX_ERROR)
        goto fail;
    maintain_tracking(mp, key, value);
    if (ix == DKIX_EMPTY) {
        if (mp->ma_keys->dk_usable <= 0 && insertion_resize(mp) < 0)
            goto fail;
        RpDictKeys *dk = mp->ma_keys;
        if (!RpUnicode_CheckExact(key))
            dk->dk_unicode = 0;
        size_t slot = find_empty_slot(dk, hash);
        DictEntry *ep = &dk_entries(dk)[dk->dk_nentries];
        dk_set_index(dk, slot, dk->dk_nentries);
        ep->me_key = key;
        ep->me_hash = hash;
        ep->me_value = value;
        mp->ma_used++;
        dk->dk_usable--;
        dk->dk_nentries++;
        set_version(mp);
        return 0;
    }
    DictEntry *ep = &dk_entries(mp->ma_keys)[ix];
    RpObject *old = ep->me_value;
    if (old != value) {
        ep->me_value = value;
        set_version(mp);
        Rp_DECREF(old);
    } else {
        Rp_DECREF(value);
    }
    Rp_DECREF(key);
    return 0;
fail:
    Rp_DECREF(key);
    Rp_DECREF(value);
    return -1;
}

/* Remove entry ix found through index slot `slot`; the references are
 * dropped after the dict is consistent. */
static void delitem_common(RpDictObject *mp, size_t slot, Rp_ssize_t ix)
{
    RpDictKeys *dk = mp->ma_keys;
    DictEntry *ep = &dk_entries(dk)[ix];
    RpObject *old_key = ep->me_key, *old_value = ep->me_value;
    dk_set_index(dk, slot, DKIX_DUMMY);
    ep->me_key = NULL;
    ep->me_value = NULL;
    mp->ma_used--;
    set_version(mp);
    Rp_DECREF(old_key);
    Rp_DECREF(old_value);
}

/* Pop key: 1 found (*pvalue new ref), 0 missing, -1 error. */
static int pop_known_hash(RpDictObject *mp, RpObject *key, Rp_hash_t hash, RpObject **pvalue)
{
    size_t slot;
    Rp_ssize_t ix = lookup(mp, key, hash, &slot);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix == DKIX_EMPTY)
        return 0;
    RpDictKeys *dk = mp->ma_keys;
    DictEntry *ep = &dk_entries(dk)[ix];
    RpObject *old_key = ep->me_key;
    *pvalue = ep->me_value;
    dk_set_index(dk, slot, DKIX_DUMMY);
    ep->me_key = NULL;
    ep->me_value = NULL;
    mp->ma_used--;
    set_version(mp);
    Rp_DECREF(old_key);
    return 1;
}

static void set_key_error(RpObject *key)
{
    RpObject *tup = RpTuple_Pack(1, key);
    if (tup != NULL) {
        RpErr_SetObject(RpExc_KeyError, tup);
        Rp_DECREF(tup);
    }
}

/* ---- allocation ------------------------------------------------------------------- */

RpObject *RpDict_New(void)
{
    RpDictObject *mp;
    if (numfree > 0) {
        mp = free_list[--numfree];
        _Rp_NewReference((RpObject *)mp);
    } else {
        mp = RpObject_GC_New(RpDictObject, &RpDict_Type);
        if (mp == NULL)
            return NULL;
    }
    mp->ma_keys = NULL;
    mp->ma_used = 0;
    set_version(mp);
    return (RpObject *)mp;
}

/* An empty dict with room for n items. */
static RpObject *dict_new_presized(Rp_ssize_t n, int unicode)
{
    RpObject *d = RpDict_New();
    if (d != NULL && n > 5
        && dictresize((RpDictObject *)d, estimate_log2_keysize(n), unicode) < 0)
        Rp_CLEAR(d);
    return d;
}

RpObject *_RpDict_FromItems(RpObject *const *keys, Rp_ssize_t kstep,
                            RpObject *const *values, Rp_ssize_t vstep, Rp_ssize_t n)
{
    int unicode = 1;
    for (Rp_ssize_t i = 0; i < n && unicode; i++)
        unicode = RpUnicode_CheckExact(keys[i * kstep]);
    RpObject *d = dict_new_presized(n, unicode);
    if (d == NULL)
        return NULL;
    for (Rp_ssize_t i = 0; i < n; i++) {
        if (RpDict_SetItem(d, keys[i * kstep], values[i * vstep]) < 0) {
            Rp_DECREF(d);
            return NULL;
        }
    }
    return d;
}

void _RpDict_ClearFreeList(void)
{
    while (numfree > 0)
        RpObject_GC_Del(free_list[--numfree]);
    while (numfreekeys > 0)
        RpMem_Free(keys_free_list[--numfreekeys]);
}

/* ---- GC trio ------------------------------------------------------------------------ */

static int dict_traverse(RpObject *op, visitproc visit, void *arg)
{
    RpDictKeys *dk = ((RpDictObject *)op)->ma_keys;
    if (dk == NULL)
        return 0;
    DictEntry *ep = dk_entries(dk);
    for (Rp_ssize_t i = 0; i < dk->dk_nentries; i++) {
        if (ep[i].me_value != NULL) {
            Rp_VISIT(ep[i].me_value);
            if (!dk->dk_unicode)
                Rp_VISIT(ep[i].me_key);
        }
    }
    return 0;
}

void RpDict_Clear(RpObject *op)
{
    if (!RpDict_Check(op))
        return;
    RpDictObject *mp = (RpDictObject *)op;
    RpDictKeys *old = mp->ma_keys;
    if (old == NULL)
        return;
    mp->ma_keys = NULL;
    mp->ma_used = 0;
    set_version(mp);
    free_keys_object(old);
}

static int dict_tp_clear(RpObject *op)
{
    RpDict_Clear(op);
    return 0;
}

static void dict_dealloc(RpObject *self)
{
    RpDictObject *mp = (RpDictObject *)self;
    RpObject_GC_UnTrack(mp);
    RP_TRASHCAN_BEGIN(mp, dict_dealloc)
    if (mp->ma_keys != NULL) {
        RpDictKeys *dk = mp->ma_keys;
        mp->ma_keys = NULL;
        free_keys_object(dk);
    }
    if (numfree < DICT_MAXFREELIST && RpDict_CheckExact(mp))
        free_list[numfree++] = mp;
    else
        Rp_TYPE(mp)->tp_free(mp);
    RP_TRASHCAN_END
}

/* ---- C API ----------------------------------------------------------------------- */

RpObject *_RpDict_GetItem_KnownHash(RpObject *op, RpObject *key, Rp_hash_t hash)
{
    RpDictObject *mp = (RpDictObject *)op;
    Rp_ssize_t ix = lookup(mp, key, hash, NULL);
    if (ix < 0)
        return NULL;
    return entry_value(mp, ix);
}

RpObject *RpDict_GetItemWithError(RpObject *op, RpObject *key)
{
    if (!RpDict_Check(op)) {
        RpErr_BadInternalCall();
        return NULL;
    }
    Rp_hash_t hash = key_hash(key);
    if (hash == -1)
        return NULL;
    return _RpDict_GetItem_KnownHash(op, key, hash);
}

RpObject *RpDict_GetItemString(RpObject *d, const char *key)
{
    RpObject *k = RpUnicode_FromString(key);
    if (k == NULL) {
        RpErr_Clear();
        return NULL;
    }
    RpObject *rv = RpDict_GetItemWithError(d, k);
    Rp_DECREF(k);
    if (rv == NULL && RpErr_Occurred())
        RpErr_Clear();
    return rv;
}

int _RpDict_SetItem_KnownHash(RpObject *op, RpObject *key, RpObject *value, Rp_hash_t hash)
{
    return insertdict((RpDictObject *)op, Rp_NewRef(key), hash, Rp_NewRef(value));
}

int RpDict_SetItem(RpObject *op, RpObject *key, RpObject *value)
{
    if (!RpDict_Check(op)) {
        RpErr_BadInternalCall();
        return -1;
    }
    Rp_hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    return _RpDict_SetItem_KnownHash(op, key, value, hash);
}

int RpDict_SetItemString(RpObject *d, const char *key, RpObject *v)
{
    RpObject *k = RpUnicode_InternFromString(key);
    if (k == NULL)
        return -1;
    int r = RpDict_SetItem(d, k, v);
    Rp_DECREF(k);
    return r;
}

int RpDict_DelItem(RpObject *op, RpObject *key)
{
    if (!RpDict_Check(op)) {
        RpErr_BadInternalCall();
        return -1;
    }
    Rp_hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    size_t slot;
    Rp_ssize_t ix = lookup((RpDictObject *)op, key, hash, &slot);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix == DKIX_EMPTY) {
        set_key_error(key);
        return -1;
    }
    delitem_common((RpDictObject *)op, slot, ix);
    return 0;
}

int RpDict_DelItemString(RpObject *d, const char *key)
{
    RpObject *k = RpUnicode_FromString(key);
    if (k == NULL)
        return -1;
    int r = RpDict_DelItem(d, k);
    Rp_DECREF(k);
    return r;
}

RpObject *_RpDict_Pop(RpObject *op, RpObject *key, RpObject *dflt)
{
    Rp_hash_t hash = key_hash(key);
    if (hash == -1)
        return NULL;
    RpObject *value;
    int r = pop_known_hash((RpDictObject *)op, key, hash, &value);
    if (r < 0)
        return NULL;
    if (r > 0)
        return value;
    return dflt != NULL ? Rp_NewRef(dflt) : NULL;
}

int _RpDict_Contains_KnownHash(RpObject *op, RpObject *key, Rp_hash_t hash)
{
    Rp_ssize_t ix = lookup((RpDictObject *)op, key, hash, NULL);
    if (ix == DKIX_ERROR)
        return -1;
    return ix != DKIX_EMPTY;
}

int RpDict_Contains(RpObject *op, RpObject *key)
{
    Rp_hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    return _RpDict_Contains_KnownHash(op, key, hash);
}

int _RpDict_Next(RpObject *op, Rp_ssize_t *ppos, RpObject **pkey, RpObject **pvalue,
                 Rp_hash_t *phash)
{
    if (!RpDict_Check(op))
        return 0;
    RpDictKeys *dk = ((RpDictObject *)op)->ma_keys;
    Rp_ssize_t i = *ppos;
    if (dk == NULL || i < 0)
        return 0;
    DictEntry *ep = dk_entries(dk);
    while (i < dk->dk_nentries && ep[i].me_value == NULL)
        i++;
    if (i >= dk->dk_nentries)
        return 0;
    *ppos = i + 1;
    if (pkey)
        *pkey = ep[i].me_key;
    if (pvalue)
        *pvalue = ep[i].me_value;
    if (phash)
        *phash = ep[i].me_hash;
    return 1;
}

int RpDict_Next(RpObject *op, Rp_ssize_t *ppos, RpObject **pkey, RpObject **pvalue)
{
    return _RpDict_Next(op, ppos, pkey, pvalue, NULL);
}

Rp_ssize_t RpDict_Size(RpObject *op)
{
    if (!RpDict_Check(op)) {
        RpErr_BadInternalCall();
        return -1;
    }
    return ((RpDictObject *)op)->ma_used;
}

/* keys/values/items as lists; which: 0 keys, 1 values, 2 items. */
static RpObject *dict_to_list(RpObject *op, int which)
{
    RpDictObject *mp = (RpDictObject *)op;
    Rp_ssize_t n = mp->ma_used;
    RpObject *list = RpList_New(n);
    if (list == NULL)
        return NULL;
    Rp_ssize_t pos = 0, j = 0;
    RpObject *k, *v;
    /* No Python code runs in this loop (besides allocation), so the dict
     * cannot change under us. */
    while (j < n && RpDict_Next(op, &pos, &k, &v)) {
        RpObject *item = which == 0 ? Rp_NewRef(k) : which == 1 ? Rp_NewRef(v)
                                                             : RpTuple_Pack(2, k, v);
        if (item == NULL) {
            Rp_DECREF(list);
            return NULL;
        }
        RpList_SET_ITEM(list, j++, item);
    }
    return list;
}

RpObject *RpDict_Keys(RpObject *d) { return dict_to_list(d, 0); }
RpObject *RpDict_Values(RpObject *d) { return dict_to_list(d, 1); }
RpObject *RpDict_Items(RpObject *d) { return dict_to_list(d, 2); }

RpObject *RpDict_SetDefault(RpObject *op, RpObject *key, RpObject *dflt)
{
    RpDictObject *mp = (RpDictObject *)op;
    Rp_hash_t hash = key_hash(key);
    if (hash == -1)
        return NULL;
    Rp_ssize_t ix = lookup(mp, key, hash, NULL);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix >= 0)
        return entry_value(mp, ix);
    if (insertdict(mp, Rp_NewRef(key), hash, Rp_NewRef(dflt)) < 0)
        return NULL;
    return dflt;
}

/* ---- merging --------------------------------------------------------------------- */

/* Another dict whose iteration is the plain one: copy entries directly. */
static int merge_from_dict(RpDictObject *a, RpDictObject *b, int override)
{
    if (b == a || b->ma_used == 0)
        return 0;
    if (a->ma_keys == NULL || a->ma_keys->dk_usable < b->ma_used) {
        int unicode = b->ma_keys == NULL || b->ma_keys->dk_unicode;
        if (dictresize(a, estimate_log2_keysize(a->ma_used + b->ma_used), unicode) < 0)
            return -1;
    }
    RpDictKeys *bk = b->ma_keys;
    Rp_ssize_t used = b->ma_used;
    for (Rp_ssize_t i = 0; bk != NULL && i < bk->dk_nentries; i++) {
        DictEntry *ep = &dk_entries(bk)[i];
        if (ep->me_value == NULL)
            continue;
        RpObject *key = Rp_NewRef(ep->me_key), *value = Rp_NewRef(ep->me_value);
        Rp_hash_t hash = ep->me_hash;
        int err;
        if (override == 1) {
            err = insertdict(a, key, hash, value);
        } else {
            err = _RpDict_Contains_KnownHash((RpObject *)a, key, hash);
            if (err == 0) {
                err = insertdict(a, key, hash, value);
            } else {
                if (err > 0 && override == 2) {
                    set_key_error(key);
                    err = -1;
                } else if (err > 0) {
                    err = 0;
                }
                Rp_DECREF(key);
                Rp_DECREF(value);
            }
        }
        if (err < 0)
            return -1;
        if (bk != b->ma_keys || used != b->ma_used) {
            RpErr_SetString(RpExc_RuntimeError, "dict mutated during update");
            return -1;
        }
    }
    return 0;
}

/* Any mapping: for key in b.keys(): a[key] = b[key]. */
static int merge_from_mapping(RpObject *a, RpObject *b, int override)
{
    RpObject *keys = RpMapping_Keys(b);
    if (keys == NULL)
        return -1;
    RpObject *it = RpObject_GetIter(keys);
    Rp_DECREF(keys);
    if (it == NULL)
        return -1;
    RpObject *key;
    while ((key = RpIter_Next(it)) != NULL) {
        if (override != 1) {
            int r = RpDict_Contains(a, key);
            if (r != 0) {
                if (r > 0 && override == 2)
                    set_key_error(key);
                Rp_DECREF(key);
                if (r < 0 || override == 2)
                    goto error;
                continue;
            }
        }
        RpObject *value = RpObject_GetItem(b, key);
        if (value == NULL) {
            Rp_DECREF(key);
            goto error;
        }
        int st = RpDict_SetItem(a, key, value);
        Rp_DECREF(key);
        Rp_DECREF(value);
        if (st < 0)
            goto error;
    }
    Rp_DECREF(it);
    return RpErr_Occurred() ? -1 : 0;
error:
    Rp_DECREF(it);
    return -1;
}

static RpObject *dict_iter(RpObject *d);

int RpDict_Merge(RpObject *a, RpObject *b, int override)
{
    if (a == NULL || !RpDict_Check(a) || b == NULL) {
        RpErr_BadInternalCall();
        return -1;
    }
    if (RpDict_Check(b) && Rp_TYPE(b)->tp_iter == dict_iter)
        return merge_from_dict((RpDictObject *)a, (RpDictObject *)b, override);
    return merge_from_mapping(a, b, override);
}

int RpDict_Update(RpObject *a, RpObject *b)
{
    return RpDict_Merge(a, b, 1);
}

static int merge_pair(RpObject *d, RpObject *item, Rp_ssize_t i, int override)
{
    RpObject *fast = RpSequence_Fast(item, "");
    if (fast == NULL) {
        if (RpErr_ExceptionMatches(RpExc_TypeError)) {
            RpErr_Clear();
            RpErr_Format(RpExc_TypeError,
                         "cannot convert dictionary update sequence element #%zd to a sequence", i);
        }
        return -1;
    }
    Rp_ssize_t n = RpSequence_Fast_GET_SIZE(fast);
    if (n != 2) {
        RpErr_Format(RpExc_ValueError,
                     "dictionary update sequence element #%zd has length %zd; 2 is required", i, n);
        Rp_DECREF(fast);
        return -1;
    }
    RpObject *key = Rp_NewRef(RpSequence_Fast_ITEMS(fast)[0]);
    RpObject *value = Rp_NewRef(RpSequence_Fast_ITEMS(fast)[1]);
    Rp_DECREF(fast);
    int st = 0;
    if (override)
        st = RpDict_SetItem(d, key, value);
    else if (RpDict_SetDefault(d, key, value) == NULL)
        st = -1;
    Rp_DECREF(key);
    Rp_DECREF(value);
    return st;
}

int RpDict_MergeFromSeq2(RpObject *d, RpObject *seq2, int override)
{
    RpObject *it = RpObject_GetIter(seq2);
    if (it == NULL)
        return -1;
    RpObject *item;
    for (Rp_ssize_t i = 0; (item = RpIter_Next(it)) != NULL; i++) {
        int st = merge_pair(d, item, i, override);
        Rp_DECREF(item);
        if (st < 0) {
            Rp_DECREF(it);
            return -1;
        }
    }
    Rp_DECREF(it);
    return RpErr_Occurred() ? -1 : 0;
}

/* dict.update()'s positional argument: a dict, something with keys(),
 * or an iterable of pairs. */
static int dict_update_arg(RpObject *self, RpObject *arg)
{
    if (RpDict_CheckExact(arg))
        return RpDict_Merge(self, arg, 1);
    RpObject *func;
    int r = _RpObject_LookupAttr(arg, RP_ID(keys), &func);
    if (r < 0)
        return -1;
    if (r > 0) {
        Rp_DECREF(func);
        return RpDict_Merge(self, arg, 1);
    }
    return RpDict_MergeFromSeq2(self, arg, 1);
}

static int dict_update_common(RpObject *self, RpObject *args, RpObject *kwds, const char *name)
{
    Rp_ssize_t nargs = args ? Rp_SIZE(args) : 0;
    if (!_RpArg_CheckPositional(name, nargs, 0, 1))
        return -1;
    if (nargs == 1 && dict_update_arg(self, RpTuple_GET_ITEM(args, 0)) < 0)
        return -1;
    if (kwds != NULL && RpDict_GET_SIZE(kwds) > 0)
        return RpDict_Merge(self, kwds, 1);
    return 0;
}

RpObject *RpDict_Copy(RpObject *o)
{
    if (o == NULL || !RpDict_Check(o)) {
        RpErr_BadInternalCall();
        return NULL;
    }
    RpDictObject *mp = (RpDictObject *)o;
    RpObject *copy = dict_new_presized(mp->ma_used,
                                       mp->ma_keys == NULL || mp->ma_keys->dk_unicode);
    if (copy == NULL)
        return NULL;
    if (RpDict_Merge(copy, o, 1) < 0) {
        Rp_DECREF(copy);
        return NULL;
    }
    /* CPython's copy inherits the tracked state of the original. */
    if (RpObject_GC_IsTracked(o) && !RpObject_GC_IsTracked(copy))
        RpObject_GC_Track(copy);
    return copy;
}

/* ---- repr and comparison ----------------------------------------------------------- */

static int append_repr(RpStrBuf *b, RpObject *o)
{
    RpObject *r = RpObject_Repr(o);
    if (r == NULL)
        return -1;
    RpStrBuf_AppendObject(b, r);
    Rp_DECREF(r);
    return 0;
}

static RpObject *dict_repr(RpObject *self)
{
    RpDictObject *mp = (RpDictObject *)self;
    if (mp->ma_used == 0)
        return RpUnicode_FromString("{}");
    int rc = Rp_ReprEnter(self);
    if (rc != 0)
        return rc > 0 ? RpUnicode_FromString("{...}") : NULL;
    RpStrBuf b;
    RpStrBuf_Init(&b);
    RpStrBuf_AppendChar(&b, '{');
    Rp_ssize_t pos = 0;
    RpObject *k, *v;
    int first = 1;
    /* __repr__ of an item may mutate the dict: hold the pair while
     * printing and re-validate pos through RpDict_Next. */
    while (RpDict_Next(self, &pos, &k, &v)) {
        Rp_INCREF(k);
        Rp_INCREF(v);
        if (!first)
            RpStrBuf_Append(&b, ", ", 2);
        first = 0;
        int st = append_repr(&b, k);
        if (st == 0) {
            RpStrBuf_Append(&b, ": ", 2);
            st = append_repr(&b, v);
        }
        Rp_DECREF(k);
        Rp_DECREF(v);
        if (st < 0)
            goto error;
    }
    RpStrBuf_AppendChar(&b, '}');
    Rp_ReprLeave(self);
    return RpStrBuf_Finish(&b);
error:
    Rp_ReprLeave(self);
    RpStrBuf_Discard(&b);
    return NULL;
}

/* 1 if a and b have the same items, 0 if not, -1 on error. */
static int dict_equal(RpDictObject *a, RpDictObject *b)
{
    if (a->ma_used != b->ma_used)
        return 0;
    for (Rp_ssize_t i = 0; a->ma_keys != NULL && i < a->ma_keys->dk_nentries; i++) {
        DictEntry *ep = &dk_entries(a->ma_keys)[i];
        if (ep->me_value == NULL)
            continue;
        RpObject *key = Rp_NewRef(ep->me_key), *aval = Rp_NewRef(ep->me_value);
        Rp_hash_t hash = ep->me_hash;
        Rp_ssize_t ix = lookup(b, key, hash, NULL);
        int cmp;
        if (ix < 0) {
            cmp = ix == DKIX_ERROR ? -1 : 0;
        } else {
            RpObject *bval = Rp_NewRef(entry_value(b, ix));
            cmp = RpObject_RichCompareBool(aval, bval, Rp_EQ);
            Rp_DECREF(bval);
        }
        Rp_DECREF(key);
        Rp_DECREF(aval);
        if (cmp <= 0)
            return cmp;
    }
    return 1;
}

static RpObject *dict_richcompare(RpObject *v, RpObject *w, int op)
{
    if (!RpDict_Check(v) || !RpDict_Check(w) || (op != Rp_EQ && op != Rp_NE))
        Rp_RETURN_NOTIMPLEMENTED;
    int cmp = dict_equal((RpDictObject *)v, (RpDictObject *)w);
    if (cmp < 0)
        return NULL;
    return RpBool_FromLong(op == Rp_EQ ? cmp : !cmp);
}

/* ---- mapping protocol ------------------------------------------------------------- */

static Rp_ssize_t dict_length(RpObject *self) { return ((RpDictObject *)self)->ma_used; }

/* d[key] for a subclass: call type(d).__missing__(d, key) if defined. */
static RpObject *call_missing(RpObject *self, RpObject *key)
{
    RpObject *missing = _RpType_Lookup(Rp_TYPE(self), RP_ID(__missing__));
    if (missing == NULL) {
        if (!RpErr_Occurred())
            set_key_error(key);
        return NULL;
    }
    descrgetfunc get = Rp_TYPE(missing)->tp_descr_get;
    if (get == NULL)
        return RpObject_CallOneArg(missing, key);
    RpObject *bound = get(missing, self, (RpObject *)Rp_TYPE(self));
    if (bound == NULL)
        return NULL;
    RpObject *res = RpObject_CallOneArg(bound, key);
    Rp_DECREF(bound);
    return res;
}

static RpObject *dict_subscript(RpObject *self, RpObject *key)
{
    Rp_hash_t hash = key_hash(key);
    if (hash == -1)
        return NULL;
    Rp_ssize_t ix = lookup((RpDictObject *)self, key, hash, NULL);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix >= 0)
        return Rp_NewRef(entry_value((RpDictObject *)self, ix));
    if (!RpDict_CheckExact(self))
        return call_missing(self, key);
    set_key_error(key);
    return NULL;
}

static int dict_ass_sub(RpObject *self, RpObject *key, RpObject *value)
{
    if (value == NULL)
        return RpDict_DelItem(self, key);
    return RpDict_SetItem(self, key, value);
}

static int dict_contains(RpObject *self, RpObject *key)
{
    return RpDict_Contains(self, key);
}

/* ---- methods ----------------------------------------------------------------------- */

static RpObject *dict_get(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("get", nargs, 1, 2))
        return NULL;
    Rp_hash_t hash = key_hash(args[0]);
    if (hash == -1)
        return NULL;
    Rp_ssize_t ix = lookup((RpDictObject *)self, args[0], hash, NULL);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix >= 0)
        return Rp_NewRef(entry_value((RpDictObject *)self, ix));
    return Rp_NewRef(nargs > 1 ? args[1] : Rp_None);
}

static RpObject *dict_setdefault(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("setdefault", nargs, 1, 2))
        return NULL;
    RpObject *v = RpDict_SetDefault(self, args[0], nargs > 1 ? args[1] : Rp_None);
    return Rp_XNewRef(v);
}

static RpObject *dict_pop(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("pop", nargs, 1, 2))
        return NULL;
    RpObject *v = _RpDict_Pop(self, args[0], nargs > 1 ? args[1] : NULL);
    if (v == NULL && !RpErr_Occurred())
        set_key_error(args[0]);
    return v;
}

static RpObject *dict_popitem(RpObject *self, RpObject *unused)
{
    RpDictObject *mp = (RpDictObject *)self;
    if (mp->ma_used == 0) {
        RpErr_SetString(RpExc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    RpObject *res = RpTuple_New(2);
    if (res == NULL)
        return NULL;
    RpDictKeys *dk = mp->ma_keys;
    Rp_ssize_t i = dk->dk_nentries - 1;
    DictEntry *ep = dk_entries(dk);
    while (i >= 0 && ep[i].me_value == NULL)
        i--;
    /* Find the index slot pointing at entry i to mark it deleted. */
    size_t mask = DK_MASK(dk), perturb = (size_t)ep[i].me_hash;
    size_t slot = (size_t)ep[i].me_hash & mask;
    while (dk_get_index(dk, slot) != i) {
        perturb >>= PERTURB_SHIFT;
        slot = (slot * 5 + perturb + 1) & mask;
    }
    dk_set_index(dk, slot, DKIX_DUMMY);
    RpTuple_SET_ITEM(res, 0, ep[i].me_key);
    RpTuple_SET_ITEM(res, 1, ep[i].me_value);
    ep[i].me_key = NULL;
    ep[i].me_value = NULL;
    dk->dk_nentries = i;
    mp->ma_used--;
    set_version(mp);
    return res;
}

static RpObject *dict_update(RpObject *self, RpObject *args, RpObject *kwds)
{
    if (dict_update_common(self, args, kwds, "update") < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *dict_clear_meth(RpObject *self, RpObject *unused)
{
    RpDict_Clear(self);
    Rp_RETURN_NONE;
}

static RpObject *dict_copy_meth(RpObject *self, RpObject *unused)
{
    return RpDict_Copy(self);
}

static RpObject *dict_fromkeys(RpObject *cls, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("fromkeys", nargs, 1, 2))
        return NULL;
    RpObject *value = nargs > 1 ? args[1] : Rp_None;
    RpObject *d = RpObject_CallNoArgs(cls);
    if (d == NULL)
        return NULL;
    RpObject *it = RpObject_GetIter(args[0]);
    if (it == NULL)
        goto error;
    RpObject *key;
    int exact = RpDict_CheckExact(d);
    while ((key = RpIter_Next(it)) != NULL) {
        int st = exact ? RpDict_SetItem(d, key, value) : RpObject_SetItem(d, key, value);
        Rp_DECREF(key);
        if (st < 0)
            break;
    }
    Rp_DECREF(it);
    if (RpErr_Occurred())
        goto error;
    return d;
error:
    Rp_DECREF(d);
    return NULL;
}

static RpObject *dict_sizeof(RpObject *self, RpObject *unused)
{
    RpDictKeys *dk = ((RpDictObject *)self)->ma_keys;
    size_t res = sizeof(RpDictObject);
    if (dk != NULL)
        res += sizeof(RpDictKeys) + ((size_t)1 << (dk->dk_log2_size + dk->dk_log2_index_bytes)) +
               sizeof(DictEntry) * (size_t)USABLE_FRACTION((Rp_ssize_t)DK_SIZE(dk));
    return RpLong_FromSize_t(res);
}

static RpObject *dictview_new(RpObject *dict, RpTypeObject *type);
static RpObject *dict_keys(RpObject *self, RpObject *u) { return dictview_new(self, &RpDictKeys_Type); }
static RpObject *dict_values(RpObject *self, RpObject *u) { return dictview_new(self, &RpDictValues_Type); }
static RpObject *dict_items(RpObject *self, RpObject *u) { return dictview_new(self, &RpDictItems_Type); }
static RpObject *dictiter_new(RpDictObject *d, RpTypeObject *type);
static RpObject *dict_reversed(RpObject *self, RpObject *u)
{
    return dictiter_new((RpDictObject *)self, &RpDictRevIterKey_Type);
}

/* d | other and d |= other (PEP 584). */
static RpObject *dict_or(RpObject *self, RpObject *other)
{
    if (!RpDict_Check(self) || !RpDict_Check(other))
        Rp_RETURN_NOTIMPLEMENTED;
    RpObject *res = RpDict_Copy(self);
    if (res != NULL && dict_update_arg(res, other) < 0)
        Rp_CLEAR(res);
    return res;
}

static RpObject *dict_ior(RpObject *self, RpObject *other)
{
    if (dict_update_arg(self, other) < 0)
        return NULL;
    return Rp_NewRef(self);
}

/* ---- construction ----------------------------------------------------------------- */

static RpObject *dict_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    if (type == &RpDict_Type)
        return RpDict_New();
    RpObject *self = type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    RpDictObject *d = (RpDictObject *)self;
    d->ma_used = 0;
    d->ma_keys = NULL;
    set_version(d);
    return self;
}

static int dict_init(RpObject *self, RpObject *args, RpObject *kwds)
{
    return dict_update_common(self, args, kwds, "dict");
}

static RpObject *dict_vectorcall(RpObject *type, RpObject *const *args, size_t nargsf,
                                 RpObject *kwnames)
{
    Rp_ssize_t nargs = RpVectorcall_NARGS(nargsf);
    if (!_RpArg_CheckPositional("dict", nargs, 0, 1))
        return NULL;
    RpObject *self = dict_new((RpTypeObject *)type, NULL, NULL);
    if (self == NULL)
        return NULL;
    if (nargs == 1 && dict_update_arg(self, args[0]) < 0)
        goto error;
    if (kwnames != NULL) {
        for (Rp_ssize_t i = 0; i < Rp_SIZE(kwnames); i++)
            if (RpDict_SetItem(self, RpTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0)
                goto error;
    }
    return self;
error:
    Rp_DECREF(self);
    return NULL;
}

static RpMethodDef dict_methods[] = {
    {"__reversed__", (RpCFunction)dict_reversed, RP_METH_NOARGS, NULL},
    {"__sizeof__", (RpCFunction)dict_sizeof, RP_METH_NOARGS, NULL},
    {"get", (RpCFunction)(void (*)(void))dict_get, RP_METH_FASTCALL,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", (RpCFunction)(void (*)(void))dict_setdefault, RP_METH_FASTCALL, NULL},
    {"pop", (RpCFunction)(void (*)(void))dict_pop, RP_METH_FASTCALL, NULL},
    {"popitem", (RpCFunction)dict_popitem, RP_METH_NOARGS, NULL},
    {"keys", (RpCFunction)dict_keys, RP_METH_NOARGS, NULL},
    {"items", (RpCFunction)dict_items, RP_METH_NOARGS, NULL},
    {"values", (RpCFunction)dict_values, RP_METH_NOARGS, NULL},
    {"update", (RpCFunction)(void (*)(void))dict_update, RP_METH_VARARGS | RP_METH_KEYWORDS, NULL},
    {"fromkeys", (RpCFunction)(void (*)(void))dict_fromkeys, RP_METH_FASTCALL | RP_METH_CLASS,
     NULL},
    {"clear", (RpCFunction)dict_clear_meth, RP_METH_NOARGS, NULL},
    {"copy", (RpCFunction)dict_copy_meth, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static RpSequenceMethods dict_as_sequence = {
    .sq_contains = dict_contains,
};

static RpMappingMethods dict_as_mapping = {
    .mp_length = dict_length,
    .mp_subscript = dict_subscript,
    .mp_ass_subscript = dict_ass_sub,
};

static RpNumberMethods dict_as_number = {
    .nb_or = dict_or,
    .nb_inplace_or = dict_ior,
};

RpTypeObject RpDict_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "dict",
    .tp_basicsize = sizeof(RpDictObject),
    .tp_dealloc = dict_dealloc,
    .tp_as_number = &dict_as_number,
    .tp_as_sequence = &dict_as_sequence,
    .tp_as_mapping = &dict_as_mapping,
    .tp_hash = RpObject_HashNotImplemented,
    .tp_repr = dict_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_BASETYPE |
                RP_TPFLAGS_DICT_SUBCLASS,
    .tp_doc = "dict() -> new empty dictionary",
    .tp_traverse = dict_traverse,
    .tp_clear = dict_tp_clear,
    .tp_richcompare = dict_richcompare,
    .tp_iter = dict_iter,
    .tp_methods = dict_methods,
    .tp_init = dict_init,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = dict_new,
    .tp_free = RpObject_GC_Del,
    .tp_vectorcall = dict_vectorcall,
};

/* ---- iterators ------------------------------------------------------------------- */

typedef struct {
    RpObject_HEAD
    RpDictObject *di_dict;   /* NULL once exhausted */
    Rp_ssize_t di_used;      /* ma_used when created: detects resizing */
    Rp_ssize_t di_pos;       /* next entry to look at */
    RpObject *di_result;     /* reusable (key, value) tuple for items */
    Rp_ssize_t len;          /* items left */
} dictiterobject;

static int is_reversed_iter(RpTypeObject *t)
{
    return t == &RpDictRevIterKey_Type || t == &RpDictRevIterValue_Type ||
           t == &RpDictRevIterItem_Type;
}

static RpObject *dictiter_new(RpDictObject *d, RpTypeObject *type)
{
    dictiterobject *di = RpObject_GC_New(dictiterobject, type);
    if (di == NULL)
        return NULL;
    di->di_dict = (RpDictObject *)Rp_NewRef(d);
    di->di_used = d->ma_used;
    di->len = d->ma_used;
    di->di_pos = 0;
    if (is_reversed_iter(type))
        di->di_pos = d->ma_keys != NULL ? d->ma_keys->dk_nentries - 1 : -1;
    di->di_result = NULL;
    if (type == &RpDictIterItem_Type || type == &RpDictRevIterItem_Type) {
        di->di_result = RpTuple_Pack(2, Rp_None, Rp_None);
        if (di->di_result == NULL) {
            Rp_DECREF(di);
            return NULL;
        }
    }
    RpObject_GC_Track(di);
    return (RpObject *)di;
}

static RpObject *dict_iter(RpObject *d)
{
    return dictiter_new((RpDictObject *)d, &RpDictIterKey_Type);
}

static void dictiter_dealloc(RpObject *self)
{
    dictiterobject *di = (dictiterobject *)self;
    RpObject_GC_UnTrack(di);
    Rp_XDECREF(di->di_dict);
    Rp_XDECREF(di->di_result);
    RpObject_GC_Del(di);
}

static int dictiter_traverse(RpObject *self, visitproc visit, void *arg)
{
    dictiterobject *di = (dictiterobject *)self;
    Rp_VISIT(di->di_dict);
    Rp_VISIT(di->di_result);
    return 0;
}

static int dictiter_clear(RpObject *self)
{
    dictiterobject *di = (dictiterobject *)self;
    Rp_CLEAR(di->di_dict);
    Rp_CLEAR(di->di_result);
    return 0;
}

static RpObject *dictiter_len(RpObject *self, RpObject *unused)
{
    dictiterobject *di = (dictiterobject *)self;
    Rp_ssize_t len = 0;
    if (di->di_dict != NULL && di->di_used == di->di_dict->ma_used)
        len = di->len;
    return RpLong_FromSsize_t(len);
}

/* Advance to the next live entry (forward or backward); NULL when
 * exhausted or on error (exception set). */
static DictEntry *dictiter_step(dictiterobject *di)
{
    RpDictObject *d = di->di_dict;
    if (d == NULL)
        return NULL;
    if (di->di_used != d->ma_used) {
        RpErr_SetString(RpExc_RuntimeError, "dictionary changed size during iteration");
        di->di_used = -1;   /* make the state sticky */
        return NULL;
    }
    RpDictKeys *dk = d->ma_keys;
    Rp_ssize_t i = di->di_pos, n = dk ? dk->dk_nentries : 0;
    DictEntry *ep = dk ? dk_entries(dk) : NULL;
    if (is_reversed_iter(Rp_TYPE(di))) {
        while (i >= 0 && i < n && ep[i].me_value == NULL)
            i--;
        if (i < 0 || i >= n)
            goto exhausted;
        di->di_pos = i - 1;
    } else {
        while (i < n && ep[i].me_value == NULL)
            i++;
        if (i >= n)
            goto exhausted;
        di->di_pos = i + 1;
    }
    if (di->len == 0) {
        RpErr_SetString(RpExc_RuntimeError, "dictionary keys changed during iteration");
        goto exhausted;
    }
    di->len--;
    return &ep[i];
exhausted:
    di->di_dict = NULL;
    Rp_DECREF(d);
    return NULL;
}

static RpObject *dictiter_nextkey(RpObject *self)
{
    DictEntry *ep = dictiter_step((dictiterobject *)self);
    return ep ? Rp_NewRef(ep->me_key) : NULL;
}

static RpObject *dictiter_nextvalue(RpObject *self)
{
    DictEntry *ep = dictiter_step((dictiterobject *)self);
    return ep ? Rp_NewRef(ep->me_value) : NULL;
}

static RpObject *dictiter_nextitem(RpObject *self)
{
    dictiterobject *di = (dictiterobject *)self;
    DictEntry *ep = dictiter_step(di);
    if (ep == NULL)
        return NULL;
    RpObject *key = Rp_NewRef(ep->me_key), *value = Rp_NewRef(ep->me_value);
    RpObject *result = di->di_result;
    if (Rp_REFCNT(result) == 1) {
        /* Nobody kept the previous pair: recycle the tuple. */
        RpObject *oldkey = RpTuple_GET_ITEM(result, 0), *oldvalue = RpTuple_GET_ITEM(result, 1);
        Rp_INCREF(result);
        RpTuple_SET_ITEM(result, 0, key);
        RpTuple_SET_ITEM(result, 1, value);
        ((RpTupleObject *)result)->ob_hash = -1;
        Rp_DECREF(oldkey);
        Rp_DECREF(oldvalue);
        /* The collector may have untracked it while it held atoms. */
        if (!RpObject_GC_IsTracked(result))
            RpObject_GC_Track(result);
        return result;
    }
    result = RpTuple_New(2);
    if (result == NULL) {
        Rp_DECREF(key);
        Rp_DECREF(value);
        return NULL;
    }
    RpTuple_SET_ITEM(result, 0, key);
    RpTuple_SET_ITEM(result, 1, value);
    return result;
}

static RpMethodDef dictiter_methods[] = {
    {"__length_hint__", (RpCFunction)dictiter_len, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

#define DICTITER_TYPE(cname, pyname, nextfn)                      \
    RpTypeObject cname = {                                        \
        .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),        \
        .tp_name = pyname,                                        \
        .tp_basicsize = sizeof(dictiterobject),                   \
        .tp_dealloc = dictiter_dealloc,                           \
        .tp_getattro = RpObject_GenericGetAttr,                   \
        .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,      \
        .tp_traverse = dictiter_traverse,                         \
        .tp_clear = dictiter_clear,                               \
        .tp_iter = RpObject_SelfIter,                             \
        .tp_iternext = nextfn,                                    \
        .tp_methods = dictiter_methods,                           \
    };

DICTITER_TYPE(RpDictIterKey_Type, "dict_keyiterator", dictiter_nextkey)
DICTITER_TYPE(RpDictIterValue_Type, "dict_valueiterator", dictiter_nextvalue)
DICTITER_TYPE(RpDictIterItem_Type, "dict_itemiterator", dictiter_nextitem)
DICTITER_TYPE(RpDictRevIterKey_Type, "dict_reversekeyiterator", dictiter_nextkey)
DICTITER_TYPE(RpDictRevIterValue_Type, "dict_reversevalueiterator", dictiter_nextvalue)
DICTITER_TYPE(RpDictRevIterItem_Type, "dict_reverseitemiterator", dictiter_nextitem)

/* ---- views -------------------------------------------------------------------------- */

typedef struct {
    RpObject_HEAD
    RpDictObject *dv_dict;
} dictviewobject;

static RpObject *dictview_new(RpObject *dict, RpTypeObject *type)
{
    dictviewobject *dv = RpObject_GC_New(dictviewobject, type);
    if (dv == NULL)
        return NULL;
    dv->dv_dict = (RpDictObject *)Rp_NewRef(dict);
    RpObject_GC_Track(dv);
    return (RpObject *)dv;
}

static void dictview_dealloc(RpObject *self)
{
    dictviewobject *dv = (dictviewobject *)self;
    RpObject_GC_UnTrack(dv);
    Rp_XDECREF(dv->dv_dict);
    RpObject_GC_Del(dv);
}

static int dictview_traverse(RpObject *self, visitproc visit, void *arg)
{
    Rp_VISIT(((dictviewobject *)self)->dv_dict);
    return 0;
}

static Rp_ssize_t dictview_len(RpObject *self)
{
    dictviewobject *dv = (dictviewobject *)self;
    return dv->dv_dict ? dv->dv_dict->ma_used : 0;
}

static RpObject *dictview_repr(RpObject *self)
{
    int rc = Rp_ReprEnter(self);
    if (rc != 0)
        return rc > 0 ? RpUnicode_FromString("...") : NULL;
    RpObject *seq = RpSequence_List(self);
    RpObject *res = NULL;
    if (seq != NULL) {
        res = RpUnicode_FromFormat("%s(%R)", Rp_TYPE(self)->tp_name, seq);
        Rp_DECREF(seq);
    }
    Rp_ReprLeave(self);
    return res;
}

static RpObject *dictkeys_iter(RpObject *self)
{
    return dictiter_new(((dictviewobject *)self)->dv_dict, &RpDictIterKey_Type);
}
static RpObject *dictvalues_iter(RpObject *self)
{
    return dictiter_new(((dictviewobject *)self)->dv_dict, &RpDictIterValue_Type);
}
static RpObject *dictitems_iter(RpObject *self)
{
    return dictiter_new(((dictviewobject *)self)->dv_dict, &RpDictIterItem_Type);
}
static RpObject *dictkeys_reversed(RpObject *self, RpObject *u)
{
    return dictiter_new(((dictviewobject *)self)->dv_dict, &RpDictRevIterKey_Type);
}
static RpObject *dictvalues_reversed(RpObject *self, RpObject *u)
{
    return dictiter_new(((dictviewobject *)self)->dv_dict, &RpDictRevIterValue_Type);
}
static RpObject *dictitems_reversed(RpObject *self, RpObject *u)
{
    return dictiter_new(((dictviewobject *)self)->dv_dict, &RpDictRevIterItem_Type);
}

static int dictkeys_contains(RpObject *self, RpObject *key)
{
    return RpDict_Contains((RpObject *)((dictviewobject *)self)->dv_dict, key);
}

static int dictitems_contains(RpObject *self, RpObject *item)
{
    if (!RpTuple_Check(item) || Rp_SIZE(item) != 2)
        return 0;
    RpObject *key = RpTuple_GET_ITEM(item, 0), *value = RpTuple_GET_ITEM(item, 1);
    RpObject *found = RpDict_GetItemWithError((RpObject *)((dictviewobject *)self)->dv_dict, key);
    if (found == NULL)
        return RpErr_Occurred() ? -1 : 0;
    Rp_INCREF(found);
    int r = RpObject_RichCompareBool(found, value, Rp_EQ);
    Rp_DECREF(found);
    return r;
}

/* Every item of `self` (iterated) is in `other`: 1, 0, -1. */
static int all_contained_in(RpObject *self, RpObject *other)
{
    RpObject *it = RpObject_GetIter(self);
    if (it == NULL)
        return -1;
    int ok = 1;
    RpObject *item;
    while (ok == 1 && (item = RpIter_Next(it)) != NULL) {
        ok = RpSequence_Contains(other, item);
        Rp_DECREF(item);
    }
    if (ok == 1 && RpErr_Occurred())
        ok = -1;
    Rp_DECREF(it);
    return ok;
}

static RpObject *dictview_richcompare(RpObject *self, RpObject *other, int op)
{
    if (!RpAnySet_Check(other) && !RpDictViewSet_Check(other))
        Rp_RETURN_NOTIMPLEMENTED;
    Rp_ssize_t ls = RpObject_Size(self), lo = RpObject_Size(other);
    if (ls < 0 || lo < 0)
        return NULL;
    int ok = 0;
    switch (op) {
    case Rp_NE:
    case Rp_EQ:
        if (ls == lo)
            ok = all_contained_in(self, other);
        if (op == Rp_NE && ok >= 0)
            ok = !ok;
        break;
    case Rp_LT: if (ls < lo) ok = all_contained_in(self, other); break;
    case Rp_LE: if (ls <= lo) ok = all_contained_in(self, other); break;
    case Rp_GT: if (ls > lo) ok = all_contained_in(other, self); break;
    case Rp_GE: if (ls >= lo) ok = all_contained_in(other, self); break;
    }
    if (ok < 0)
        return NULL;
    return RpBool_FromLong(ok);
}

/* set(view): a keys view goes through the dict itself, like CPython,
 * which sizes the set's table the same way. */
static RpObject *dictviews_to_set(RpObject *self)
{
    RpObject *left = self;
    if (RpDictKeys_Check(self))
        left = (RpObject *)((dictviewobject *)self)->dv_dict;
    return RpSet_New(left);
}

static RpObject *call_set_method(RpObject *self, const char *name, RpObject *other)
{
    RpObject *result = dictviews_to_set(self);
    if (result == NULL)
        return NULL;
    RpObject *tmp = RpObject_CallMethod1(result, name, other);
    if (tmp == NULL) {
        Rp_DECREF(result);
        return NULL;
    }
    Rp_DECREF(tmp);
    return result;
}

static RpObject *dictviews_sub(RpObject *self, RpObject *other)
{
    return call_set_method(self, "difference_update", other);
}

static RpObject *dictviews_or(RpObject *self, RpObject *other)
{
    RpObject *result = dictviews_to_set(self);
    if (result != NULL && _RpSet_Update(result, other) < 0)
        Rp_CLEAR(result);
    return result;
}

static RpObject *dictviews_and(RpObject *self, RpObject *other)
{
    /* The interpreter swaps the operands when the view is on the right. */
    if (!RpDictViewSet_Check(self)) {
        RpObject *t = self;
        self = other;
        other = t;
    }
    Rp_ssize_t len_self = dictview_len(self);
    if (Rp_IS_TYPE(other, &RpSet_Type) && len_self <= RpSet_Size(other))
        return RpObject_CallMethod1(other, "intersection", self);
    if (RpDictViewSet_Check(other) && dictview_len(other) > len_self) {
        RpObject *t = self;
        self = other;
        other = t;
    }
    RpObject *result = RpSet_New(NULL);
    if (result == NULL)
        return NULL;
    RpObject *it = RpObject_GetIter(other);
    if (it == NULL)
        goto error;
    int (*contains)(RpObject *, RpObject *) =
        RpDictKeys_Check(self) ? dictkeys_contains : dictitems_contains;
    RpObject *key;
    while ((key = RpIter_Next(it)) != NULL) {
        int rv = contains(self, key);
        if (rv > 0)
            rv = RpSet_Add(result, key);
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

/* items ^ items: pairs of one side that the other lacks or maps to a
 * different value (CPython builds it through a copy of the left dict). */
static RpObject *dictitems_xor(RpObject *self, RpObject *other)
{
    RpObject *d1 = (RpObject *)((dictviewobject *)self)->dv_dict;
    RpObject *d2 = (RpObject *)((dictviewobject *)other)->dv_dict;
    RpObject *result = RpSet_New(NULL), *temp = NULL, *remaining = NULL;
    if (result == NULL)
        return NULL;
    temp = RpDict_Copy(d1);
    if (temp == NULL)
        goto error;
    Rp_ssize_t pos = 0;
    RpObject *key, *val2;
    Rp_hash_t hash;
    while (_RpDict_Next(d2, &pos, &key, &val2, &hash)) {
        Rp_INCREF(key);
        Rp_INCREF(val2);
        RpObject *val1 = _RpDict_GetItem_KnownHash(temp, key, hash);
        int to_delete = 0, st = 0;
        if (val1 == NULL) {
            st = RpErr_Occurred() ? -1 : 0;
        } else {
            Rp_INCREF(val1);
            to_delete = RpObject_RichCompareBool(val1, val2, Rp_EQ);
            Rp_DECREF(val1);
            st = to_delete < 0 ? -1 : 0;
        }
        if (st == 0 && to_delete > 0) {
            st = RpDict_DelItem(temp, key);
        } else if (st == 0) {
            RpObject *pair = RpTuple_Pack(2, key, val2);
            st = pair ? RpSet_Add(result, pair) : -1;
            Rp_XDECREF(pair);
        }
        Rp_DECREF(key);
        Rp_DECREF(val2);
        if (st < 0)
            goto error;
    }
    remaining = dictview_new(temp, &RpDictItems_Type);
    if (remaining == NULL || _RpSet_Update(result, remaining) < 0)
        goto error;
    Rp_DECREF(remaining);
    Rp_DECREF(temp);
    return result;
error:
    Rp_XDECREF(remaining);
    Rp_XDECREF(temp);
    Rp_DECREF(result);
    return NULL;
}

static RpObject *dictviews_xor(RpObject *self, RpObject *other)
{
    if (RpDictItems_Check(self) && RpDictItems_Check(other))
        return dictitems_xor(self, other);
    return call_set_method(self, "symmetric_difference_update", other);
}

static RpObject *dictviews_isdisjoint(RpObject *self, RpObject *other)
{
    if (self == other) {
        if (dictview_len(self) == 0)
            Rp_RETURN_TRUE;
        Rp_RETURN_FALSE;
    }
    /* Iterate over the shorter object when it has a length. */
    if (RpAnySet_Check(other) || RpDictViewSet_Check(other)) {
        Rp_ssize_t lo = RpObject_Size(other);
        if (lo < 0)
            return NULL;
        if (dictview_len(self) > lo) {
            RpObject *t = self;
            self = other;
            other = t;
        }
    }
    RpObject *it = RpObject_GetIter(other);
    if (it == NULL)
        return NULL;
    RpObject *item;
    while ((item = RpIter_Next(it)) != NULL) {
        int c = RpSequence_Contains(self, item);
        Rp_DECREF(item);
        if (c != 0) {
            Rp_DECREF(it);
            if (c < 0)
                return NULL;
            Rp_RETURN_FALSE;
        }
    }
    Rp_DECREF(it);
    if (RpErr_Occurred())
        return NULL;
    Rp_RETURN_TRUE;
}

static RpNumberMethods dictviews_as_number = {
    .nb_subtract = dictviews_sub,
    .nb_and = dictviews_and,
    .nb_xor = dictviews_xor,
    .nb_or = dictviews_or,
};

static RpSequenceMethods dictkeys_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = dictkeys_contains,
};
static RpSequenceMethods dictitems_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = dictitems_contains,
};
static RpSequenceMethods dictvalues_as_sequence = {
    .sq_length = dictview_len,
};

static RpMethodDef dictkeys_methods[] = {
    {"isdisjoint", (RpCFunction)dictviews_isdisjoint, RP_METH_O, NULL},
    {"__reversed__", (RpCFunction)dictkeys_reversed, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
static RpMethodDef dictitems_methods[] = {
    {"isdisjoint", (RpCFunction)dictviews_isdisjoint, RP_METH_O, NULL},
    {"__reversed__", (RpCFunction)dictitems_reversed, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
static RpMethodDef dictvalues_methods[] = {
    {"__reversed__", (RpCFunction)dictvalues_reversed, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpDictKeys_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(dictviewobject),
    .tp_dealloc = dictview_dealloc,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictkeys_as_sequence,
    .tp_hash = RpObject_HashNotImplemented,
    .tp_repr = dictview_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictkeys_iter,
    .tp_methods = dictkeys_methods,
};

RpTypeObject RpDictItems_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(dictviewobject),
    .tp_dealloc = dictview_dealloc,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictitems_as_sequence,
    .tp_hash = RpObject_HashNotImplemented,
    .tp_repr = dictview_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictitems_iter,
    .tp_methods = dictitems_methods,
};

RpTypeObject RpDictValues_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(dictviewobject),
    .tp_dealloc = dictview_dealloc,
    .tp_as_sequence = &dictvalues_as_sequence,
    .tp_repr = dictview_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_iter = dictvalues_iter,
    .tp_methods = dictvalues_methods,
};
