/* gc.h -- the cycle collector (prefix RpGC_ / RpObject_GC_).
 *
 * Reference counting frees most objects; this collector frees the rest:
 * groups of containers that only reference each other.  It is CPython
 * 3.11's algorithm (see gc.c for the phases and the header-bit layout).
 *
 * Every object whose type has RP_TPFLAGS_HAVE_GC carries an RpGC_Head
 * immediately *before* its RpObject header.  Such types must:
 *   - allocate with RpObject_GC_New/NewVar (or RpType_GenericAlloc),
 *   - call RpObject_GC_Track once the object is fully initialized,
 *   - in dealloc: RpObject_GC_UnTrack first, then drop references (inside
 *     RP_TRASHCAN_BEGIN/END for types that can nest deeply), then
 *     RpObject_GC_Del,
 *   - provide tp_traverse (visit every RpObject* it owns) and, if it can be
 *     part of a cycle, tp_clear (drop them, leaving the object valid).
 * The collector never runs inside a dealloc.
 */
#ifndef RP_GC_H
#define RP_GC_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "../objects/object.h"

typedef struct RpGC_Head {
    uintptr_t _gc_next;   /* next in generation list; during a collection also flags */
    uintptr_t _gc_prev;   /* prev in list (low 2 bits: flags); holds gc_refs while collecting */
} RpGC_Head;

#define _Rp_AS_GC(o) ((RpGC_Head *)(o) - 1)
#define _Rp_FROM_GC(g) ((RpObject *)((RpGC_Head *)(g) + 1))

#define RP_GC_NGENERATIONS 3

RpObject *_RpObject_GC_New(RpTypeObject *t);                 /* refcnt 1, untracked */
RpVarObject *_RpObject_GC_NewVar(RpTypeObject *t, Rp_ssize_t n);
RpVarObject *_RpObject_GC_Resize(RpVarObject *o, Rp_ssize_t n);
#define RpObject_GC_New(T, typeobj) ((T *)_RpObject_GC_New(typeobj))
#define RpObject_GC_NewVar(T, typeobj, n) ((T *)_RpObject_GC_NewVar((typeobj), (n)))
void RpObject_GC_Del(void *o);       /* frees memory; object must be untracked */
void RpObject_GC_Track(void *o);     /* debug builds assert not already tracked */
void RpObject_GC_UnTrack(void *o);   /* no-op if not tracked */
int RpObject_GC_IsTracked(RpObject *o);
int RpObject_GC_IsFinalized(RpObject *o);
/* Debug builds: abort if a tracked object is about to be freed. */
void _RpObject_GC_AssertUntracked(RpObject *o);

/* visit helper for tp_traverse */
#define Rp_VISIT(op)                                            \
    do {                                                        \
        if (op) {                                               \
            int _vret = visit(_RpObject_CAST(op), arg);         \
            if (_vret)                                          \
                return _vret;                                   \
        }                                                       \
    } while (0)

/* State of the collector, one per interpreter (lives in RpInterpreterState). */
struct RpGCGeneration {
    RpGC_Head head;      /* circular list sentinel */
    int threshold;
    int count;           /* gen0: allocations - deallocations; others: collections of the younger */
};
struct RpGCStats { Rp_ssize_t collections, collected, uncollectable; };
typedef struct RpGCState {
    int enabled;
    int debug;                       /* DEBUG_* flags */
    int collecting;                  /* reentrancy guard */
    struct RpGCGeneration generations[RP_GC_NGENERATIONS];
    RpGC_Head permanent_generation;  /* gc.freeze() */
    struct RpGCStats stats[RP_GC_NGENERATIONS];
    Rp_ssize_t long_lived_total;     /* objects in the oldest gen after a full collection */
    Rp_ssize_t long_lived_pending;   /* promoted to the oldest gen since */
    RpObject *garbage;               /* gc.garbage list */
    RpObject *callbacks;             /* gc.callbacks list */
} RpGCState;

#define RP_GC_DEBUG_STATS 1
#define RP_GC_DEBUG_COLLECTABLE 2
#define RP_GC_DEBUG_UNCOLLECTABLE 4
#define RP_GC_DEBUG_SAVEALL 32
#define RP_GC_DEBUG_LEAK (2 | 4 | 32)

void RpGC_InitState(RpGCState *gcs);
/* Collect generation `gen` (0..2) and younger; returns number of
 * unreachable objects found, or -1 if a collection is already running. */
Rp_ssize_t RpGC_Collect(int gen);
Rp_ssize_t RpGC_CollectIfEnabled(void);
/* Called from allocation: counts containers and triggers a collection
 * when generation 0 passes its threshold (deferred to a safe point: the VM's
 * eval-breaker, never inside a dealloc). */
void _RpGC_MaybeCollect(void);
/* Run the collection that the thresholds ask for (the youngest generation
 * whose count passed its threshold, with CPython's 25% rule for a full
 * collection).  The VM calls it from the eval breaker after
 * _RpGC_MaybeCollect signalled RP_EVAL_GC. Returns number found. */
Rp_ssize_t _RpGC_CollectScheduled(void);
/* At finalization: collect until nothing more is found, then mark the
 * collector dead. */
void _RpGC_Fini(void);
/* Debug builds: walk every list, check links and counts; abort on error. */
void _RpGC_CheckInvariants(void);

/* PEP 442 finalizers (tp_finalize, i.e. __del__): run at most once per
 * object, whether the count reached zero or the collector found it. */
void RpObject_CallFinalizer(RpObject *self);
/* For a dealloc: temporarily resurrects self, runs its finalizer if not yet
 * run, and returns -1 if the finalizer resurrected it (dealloc must then
 * return at once), else 0. */
int RpObject_CallFinalizerFromDealloc(RpObject *self);
/* Which generation a tracked object is in: 0..2, 3 for frozen (gc.freeze),
 * -1 if untracked.  For refpy's memory-inspection tools. */
int _RpGC_GenerationOf(RpObject *o);

/* Added for gcmodule.c (gc.freeze/get_objects/get_referrers): */
/* Move every tracked object to the permanent generation / back to the
 * oldest generation; count of frozen objects. */
void _RpGC_Freeze(void);
void _RpGC_Unfreeze(void);
Rp_ssize_t _RpGC_GetFreezeCount(void);
/* Call fn(obj, arg) for every object tracked in `generation` (0..2), or in
 * all three when generation < 0 (not the permanent one).  Stops and returns
 * fn's value when it is non-zero.  fn must not track or untrack objects. */
int _RpGC_ForEach(int generation, int (*fn)(RpObject *, void *), void *arg);
/* Whether o carries a GC head (false for static type objects). */
int _RpObject_IS_GC(RpObject *o);

/* ---- deep dealloc guard (CPython's trashcan) ----------------------------
 * Containers that can nest (list, tuple, dict, instances) wrap their
 * dealloc body so that freeing a 1,000,000-long chain does not overflow
 * the C stack: beyond a nesting depth, the object is put on a pending list
 * and freed when the outermost dealloc returns. */
int _RpTrash_Begin(RpObject *op, destructor dealloc);  /* 1: deferred, return now */
void _RpTrash_End(void);
#define RP_TRASHCAN_BEGIN(op, dealloc)                                   \
    do {                                                                \
        if (_RpTrash_Begin(_RpObject_CAST(op), (destructor)(dealloc)))  \
            break;
#define RP_TRASHCAN_END                                                  \
        _RpTrash_End();                                                 \
    } while (0);

#endif
