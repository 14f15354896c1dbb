/* containers.h -- list (RpList_), tuple (RpTuple_), dict (RpDict_),
 * set/frozenset (RpSet_, RpFrozenSet_), range, slice, and the iterator
 * types (sequence iterator, enumerate, zip, map, filter, reversed).
 * listobject.c, tupleobject.c, dictobject.c, setobject.c, rangeobject.c,
 * sliceobject.c, iterobject.c.
 *
 * All of them except range/slice are GC containers with traverse/clear.
 * dict is insertion ordered (compact entries + index table); set uses
 * open addressing with CPython's probe sequence so that iteration order of
 * int-only sets matches CPython's (programs print sets).
 */
#ifndef RP_CONTAINERS_H
#define RP_CONTAINERS_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "object.h"

/* ---- list ---- */
typedef struct RpListObject {
    RpObject_VAR_HEAD
    RpObject **ob_item;
    Rp_ssize_t allocated;
} RpListObject;
extern RpTypeObject RpList_Type, RpListIter_Type, RpListRevIter_Type;
#define RpList_Check(o) RpType_FastSubclass(Rp_TYPE(o), RP_TPFLAGS_LIST_SUBCLASS)
#define RpList_CheckExact(o) Rp_IS_TYPE(o, &RpList_Type)
#define RpList_GET_ITEM(o, i) (((RpListObject *)(o))->ob_item[i])      /* borrowed */
#define RpList_SET_ITEM(o, i, v) (((RpListObject *)(o))->ob_item[i] = (v)) /* steals */
#define RpList_GET_SIZE(o) Rp_SIZE(o)
RpObject *RpList_New(Rp_ssize_t size);   /* items NULL: fill with SET_ITEM */
Rp_ssize_t RpList_Size(RpObject *l);
RpObject *RpList_GetItem(RpObject *l, Rp_ssize_t i);   /* borrowed; IndexError */
int RpList_SetItem(RpObject *l, Rp_ssize_t i, RpObject *v);  /* steals v */
int RpList_Insert(RpObject *l, Rp_ssize_t i, RpObject *v);
int RpList_Append(RpObject *l, RpObject *v);
RpObject *RpList_GetSlice(RpObject *l, Rp_ssize_t lo, Rp_ssize_t hi);
int RpList_SetSlice(RpObject *l, Rp_ssize_t lo, Rp_ssize_t hi, RpObject *v);
int RpList_Sort(RpObject *l);
int RpList_Reverse(RpObject *l);
RpObject *RpList_AsTuple(RpObject *l);
RpObject *_RpList_Extend(RpListObject *self, RpObject *iterable); /* None / NULL */
/* sorted()/list.sort(key=, reverse=): stable merge sort (runs + galloping). */
int _RpList_SortImpl(RpObject *l, RpObject *key, int reverse);

/* ---- tuple ---- */
typedef struct RpTupleObject {
    RpObject_VAR_HEAD
    Rp_hash_t ob_hash;       /* cached; -1 not computed */
    RpObject *ob_item[1];
} RpTupleObject;
extern RpTypeObject RpTuple_Type, RpTupleIter_Type;
#define RpTuple_Check(o) RpType_FastSubclass(Rp_TYPE(o), RP_TPFLAGS_TUPLE_SUBCLASS)
#define RpTuple_CheckExact(o) Rp_IS_TYPE(o, &RpTuple_Type)
#define RpTuple_GET_ITEM(o, i) (((RpTupleObject *)(o))->ob_item[i])  /* borrowed */
#define RpTuple_SET_ITEM(o, i, v) (((RpTupleObject *)(o))->ob_item[i] = (v)) /* steals */
#define RpTuple_GET_SIZE(o) Rp_SIZE(o)
RpObject *RpTuple_New(Rp_ssize_t size);  /* () is a shared singleton */
Rp_ssize_t RpTuple_Size(RpObject *t);
RpObject *RpTuple_GetItem(RpObject *t, Rp_ssize_t i);   /* borrowed */
RpObject *RpTuple_GetSlice(RpObject *t, Rp_ssize_t lo, Rp_ssize_t hi);
RpObject *RpTuple_Pack(Rp_ssize_t n, ...);              /* does not steal */
RpObject *_RpTuple_FromArray(RpObject *const *items, Rp_ssize_t n);  /* increfs */
RpObject *_RpTuple_FromArraySteal(RpObject *const *items, Rp_ssize_t n);
int _RpTuple_Resize(RpObject **pt, Rp_ssize_t newsize);
/* The collector untracks tuples that hold only atoms (CPython does too). */
void _RpTuple_MaybeUntrack(RpObject *t);

/* Fast access to a list or tuple (as returned by RpSequence_Fast). */
#define RpSequence_Fast_GET_SIZE(o) Rp_SIZE(o)
#define RpSequence_Fast_ITEMS(o) \
    (RpList_Check(o) ? ((RpListObject *)(o))->ob_item : ((RpTupleObject *)(o))->ob_item)

/* ---- dict ---- */
typedef struct RpDictKeys RpDictKeys;   /* private to dictobject.c */
typedef struct RpDictObject {
    RpObject_HEAD
    Rp_ssize_t ma_used;        /* number of items */
    uint64_t ma_version_tag;   /* changes on every mutation (inline caches) */
    RpDictKeys *ma_keys;
} RpDictObject;
extern RpTypeObject RpDict_Type, RpDictKeys_Type, RpDictValues_Type, RpDictItems_Type,
    RpDictIterKey_Type, RpDictIterValue_Type, RpDictIterItem_Type;
#define RpDict_Check(o) RpType_FastSubclass(Rp_TYPE(o), RP_TPFLAGS_DICT_SUBCLASS)
#define RpDict_CheckExact(o) Rp_IS_TYPE(o, &RpDict_Type)
#define RpDict_GET_SIZE(o) (((RpDictObject *)(o))->ma_used)
RpObject *RpDict_New(void);
/* Borrowed or NULL; errors (e.g. unhashable key) are raised, and NULL
 * without exception means missing. */
RpObject *RpDict_GetItemWithError(RpObject *d, RpObject *key);
RpObject *RpDict_GetItemString(RpObject *d, const char *key);  /* borrowed; never raises */
RpObject *_RpDict_GetItem_KnownHash(RpObject *d, RpObject *key, Rp_hash_t h);
int RpDict_SetItem(RpObject *d, RpObject *key, RpObject *v);   /* does not steal */
int RpDict_SetItemString(RpObject *d, const char *key, RpObject *v);
int _RpDict_SetItem_KnownHash(RpObject *d, RpObject *key, RpObject *v, Rp_hash_t h);
int RpDict_DelItem(RpObject *d, RpObject *key);                /* KeyError if missing */
int RpDict_DelItemString(RpObject *d, const char *key);
/* Remove and return (new ref) or NULL (no exception) if missing. */
RpObject *_RpDict_Pop(RpObject *d, RpObject *key, RpObject *dflt);
int RpDict_Contains(RpObject *d, RpObject *key);               /* 1, 0, -1 */
void RpDict_Clear(RpObject *d);
/* Iterate: *pos starts at 0; *key and *value are borrowed. 0 when done. */
int RpDict_Next(RpObject *d, Rp_ssize_t *pos, RpObject **key, RpObject **value);
RpObject *RpDict_Keys(RpObject *d);     /* lists */
RpObject *RpDict_Values(RpObject *d);
RpObject *RpDict_Items(RpObject *d);
Rp_ssize_t RpDict_Size(RpObject *d);
RpObject *RpDict_Copy(RpObject *d);
int RpDict_Update(RpObject *d, RpObject *other);               /* mapping */
int RpDict_Merge(RpObject *d, RpObject *other, int override);  /* override 2: KeyError on dup (f(**a, **b)) */
int RpDict_MergeFromSeq2(RpObject *d, RpObject *seq2, int override);
RpObject *RpDict_SetDefault(RpObject *d, RpObject *key, RpObject *dflt); /* borrowed */

/* ---- set / frozenset ---- */
extern RpTypeObject RpSet_Type, RpFrozenSet_Type, RpSetIter_Type;
#define RpAnySet_Check(o) (RpObject_TypeCheck(o, &RpSet_Type) || RpObject_TypeCheck(o, &RpFrozenSet_Type))
#define RpFrozenSet_Check(o) RpObject_TypeCheck(o, &RpFrozenSet_Type)
#define RpSet_Check(o) RpObject_TypeCheck(o, &RpSet_Type)
RpObject *RpSet_New(RpObject *iterable);        /* iterable may be NULL */
RpObject *RpFrozenSet_New(RpObject *iterable);
int RpSet_Add(RpObject *s, RpObject *key);
int RpSet_Discard(RpObject *s, RpObject *key);  /* 1 found, 0 not, -1 */
int RpSet_Contains(RpObject *s, RpObject *key);
Rp_ssize_t RpSet_Size(RpObject *s);
int _RpSet_Update(RpObject *s, RpObject *iterable);
int _RpSet_NextEntry(RpObject *s, Rp_ssize_t *pos, RpObject **key, Rp_hash_t *hash);

/* ---- range, slice ---- */
extern RpTypeObject RpRange_Type, RpRangeIter_Type, RpLongRangeIter_Type, RpSlice_Type;
typedef struct RpSliceObject { RpObject_HEAD RpObject *start, *stop, *step; } RpSliceObject;
#define RpSlice_Check(o) Rp_IS_TYPE(o, &RpSlice_Type)
RpObject *RpSlice_New(RpObject *start, RpObject *stop, RpObject *step); /* NULL = None */
/* Normalize against a length: 0 ok, -1 error (step 0: ValueError). */
int RpSlice_Unpack(RpObject *slice, Rp_ssize_t *start, Rp_ssize_t *stop, Rp_ssize_t *step);
Rp_ssize_t RpSlice_AdjustIndices(Rp_ssize_t length, Rp_ssize_t *start, Rp_ssize_t *stop, Rp_ssize_t step);
RpObject *_RpRange_New(long long start, long long stop, long long step);

/* ---- iterators (iterobject.c) ---- */
/* Iterators that walk a sequence by index (list, tuple, classes with only
 * __getitem__) share this layout -- their own structs start the same way --
 * and its dealloc/traverse/clear (iterobject.c). */
typedef struct RpIndexIterObject {
    RpObject_HEAD
    Rp_ssize_t it_index;
    RpObject *it_seq;            /* NULL once exhausted */
} RpIndexIterObject;
void _RpIndexIter_Dealloc(RpObject *self);
int _RpIndexIter_Traverse(RpObject *self, visitproc visit, void *arg);
int _RpIndexIter_Clear(RpObject *self);

extern RpTypeObject RpSeqIter_Type, RpCallIter_Type, RpEnum_Type, RpZip_Type,
    RpMap_Type, RpFilter_Type, RpReversed_Type;
RpObject *RpSeqIter_New(RpObject *seq);            /* iter() over __getitem__ */
RpObject *RpCallIter_New(RpObject *callable, RpObject *sentinel);


#define RP_SSIZE_T_MAX ((Rp_ssize_t)PTRDIFF_MAX)
#define RP_SSIZE_T_MIN ((Rp_ssize_t)PTRDIFF_MIN)

/* ---- helpers shared by the container files (added by the containers
 * engineer; not part of CPython's API) ---- */
/* Slice/argument index: None leaves *pi unchanged (returns 1), an
 * __index__-able value is stored clamped to the Rp_ssize_t range.  0 on
 * TypeError "slice indices must be integers or None or have an __index__
 * method". */
int _RpSlice_Index(RpObject *v, Rp_ssize_t *pi);
/* Same for index()'s start/stop, where None is an error ("slice indices
 * must be integers or have an __index__ method"). 1 ok, 0 error. */
int _RpSlice_IndexNotNone(RpObject *v, Rp_ssize_t *pi);
/* Extra iterator types: reversed dict iterators, the list/range
 * reversed iterators, the dict views' iterators. */
extern RpTypeObject RpDictRevIterKey_Type, RpDictRevIterValue_Type,
    RpDictRevIterItem_Type;
#define RpDictKeys_Check(o) Rp_IS_TYPE(o, &RpDictKeys_Type)
#define RpDictItems_Check(o) Rp_IS_TYPE(o, &RpDictItems_Type)
#define RpDictValues_Check(o) Rp_IS_TYPE(o, &RpDictValues_Type)
#define RpDictViewSet_Check(o) (RpDictKeys_Check(o) || RpDictItems_Check(o))
/* Like RpDict_Next, also giving the stored hash. */
int _RpDict_Next(RpObject *d, Rp_ssize_t *pos, RpObject **key, RpObject **value,
                 Rp_hash_t *hash);
int _RpDict_Contains_KnownHash(RpObject *d, RpObject *key, Rp_hash_t hash);
/* The collector calls this during full collections: untrack a dict whose
 * keys and values can never be part of a cycle (CPython does the same). */
void _RpDict_MaybeUntrack(RpObject *d);
/* dict built from a vectorcall's keyword part, and from n (key, value)
 * pairs laid out as keys[i*kstep], values[i*vstep] (BUILD_MAP). */
RpObject *_RpDict_FromItems(RpObject *const *keys, Rp_ssize_t kstep,
                            RpObject *const *values, Rp_ssize_t vstep, Rp_ssize_t n);
/* The mutation counter behind ma_version_tag (never 0 for a live dict). */
uint64_t _RpDict_NextVersion(void);
/* set(): a fresh empty set of exactly `set` type; frozenset(iterable) reuse. */
RpObject *_RpSet_Copy(RpObject *s);
/* The range iterator's values as C integers when they fit (the VM's FOR_ITER
 * fast path): 1 and *out set, 0 exhausted. */
int _RpRangeIter_Next(RpObject *it, long long *out);
/* Per-file freelist release, called by _RpContainers_Fini (listobject.c). */
void _RpTuple_ClearFreeLists(void);
void _RpList_ClearFreeList(void);
void _RpDict_ClearFreeList(void);

void _RpContainers_Fini(void);   /* free freelists and the empty tuple */

#endif
