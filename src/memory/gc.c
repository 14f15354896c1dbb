/* gc.c -- the generational cycle collector (CPython 3.11's algorithm).
 *
 * Every GC object carries an RpGC_Head just before its RpObject header.
 *
 * _gc_next  Next object in the object's list, or 0 when the object is not
 *           tracked (that is the definition of "tracked").  Bit 0
 *           (NEXT_UNREACHABLE) is set only inside move_unreachable(), on the
 *           links of the temporary `unreachable` list, so that visit_reachable
 *           can tell "tentatively unreachable" from "not yet scanned".
 *
 * _gc_prev  Bits 0-1 are flags, the rest a pointer (heads are 16-aligned):
 *           bit 0 FINALIZED   tp_finalize already ran (PEP 442); kept for
 *                             the object's whole life, tracked or not;
 *           bit 1 COLLECTING  the object belongs to the collection running
 *                             now; set by update_refs, cleared when it is
 *                             proven reachable.  After move_unreachable only
 *                             the unreachable objects have it.
 *           From update_refs until move_unreachable has passed an object,
 *           the bits above the flags hold gc_refs (refcount minus internal
 *           references) instead of the prev pointer: the list under scan is
 *           then singly linked and move_unreachable rebuilds the back links.
 *           Objects parked by the trashcan are untracked and use _gc_prev
 *           (with the FINALIZED bit preserved) to chain to the next one.
 *
 * A collection of generation g: merge the younger lists into g, copy the
 * counts (update_refs), subtract references internal to the set
 * (subtract_refs), split off what nothing outside reaches
 * (move_unreachable), promote the survivors, clear weak references to the
 * unreachable objects and run the callbacks that must run
 * (handle_weakrefs), call finalizers once (finalize_garbage), drop what
 * the finalizers resurrected (handle_resurrected_objects), then break the
 * cycles with tp_clear (delete_garbage).
 */
#include "rp.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define PREV_FINALIZED ((uintptr_t)1)
#define PREV_COLLECTING ((uintptr_t)2)
#define PREV_FLAGS ((uintptr_t)3)
#define PREV_SHIFT 2
#define NEXT_UNREACHABLE ((uintptr_t)1)

static inline RpGCState *gcstate(void) { return &RpInterp_Get()->gc; }

/* ---- GC head helpers ------------------------------------------------------ */

static inline RpGC_Head *gc_next(RpGC_Head *g) { return (RpGC_Head *)g->_gc_next; }
static inline RpGC_Head *gc_prev(RpGC_Head *g)
{
    return (RpGC_Head *)(g->_gc_prev & ~PREV_FLAGS);
}
static inline void gc_set_prev(RpGC_Head *g, RpGC_Head *p)
{
    g->_gc_prev = (uintptr_t)p | (g->_gc_prev & PREV_FLAGS);
}
static inline int gc_is_collecting(RpGC_Head *g) { return (g->_gc_prev & PREV_COLLECTING) != 0; }
static inline Rp_ssize_t gc_get_refs(RpGC_Head *g) { return (Rp_ssize_t)(g->_gc_prev >> PREV_SHIFT); }
static inline void gc_set_refs(RpGC_Head *g, Rp_ssize_t refs)
{
    g->_gc_prev = (g->_gc_prev & PREV_FLAGS) | ((uintptr_t)refs << PREV_SHIFT);
}
/* Start of a collection: count = refcount, mark as part of it. */
static inline void gc_reset_refs(RpGC_Head *g, Rp_ssize_t refs)
{
    g->_gc_prev = (g->_gc_prev & PREV_FINALIZED) | PREV_COLLECTING
                  | ((uintptr_t)refs << PREV_SHIFT);
}
static inline void gc_decref(RpGC_Head *g) { g->_gc_prev -= (uintptr_t)1 << PREV_SHIFT; }

/* Static type objects have RP_TPFLAGS_HAVE_GC through `type` but no GC head;
 * only heap types do (CPython's tp_is_gc for types). */
static inline int is_gc(RpObject *o)
{
    RpTypeObject *t = Rp_TYPE(o);
    if (!RpType_IS_GC(t))
        return 0;
    if (RpType_FastSubclass(t, RP_TPFLAGS_TYPE_SUBCLASS))
        return (((RpTypeObject *)o)->tp_flags & RP_TPFLAGS_HEAPTYPE) != 0;
    return 1;
}

static inline int is_tracked(RpObject *o) { return _Rp_AS_GC(o)->_gc_next != 0; }

/* ---- lists ---------------------------------------------------------------- */

static void list_init(RpGC_Head *h)
{
    h->_gc_next = (uintptr_t)h;
    h->_gc_prev = (uintptr_t)h;
}

static int list_is_empty(RpGC_Head *h) { return gc_next(h) == h; }

static void list_append(RpGC_Head *node, RpGC_Head *list)
{
    RpGC_Head *last = gc_prev(list);
    gc_set_prev(node, last);
    last->_gc_next = (uintptr_t)node;
    node->_gc_next = (uintptr_t)list;
    gc_set_prev(list, node);
}

/* Unlink; the node becomes untracked (FINALIZED survives). */
static void list_remove(RpGC_Head *node)
{
    RpGC_Head *prev = gc_prev(node), *next = gc_next(node);
    prev->_gc_next = (uintptr_t)next;
    gc_set_prev(next, prev);
    node->_gc_next = 0;
    node->_gc_prev &= PREV_FINALIZED;
}

static void list_move(RpGC_Head *node, RpGC_Head *list)
{
    RpGC_Head *prev = gc_prev(node), *next = gc_next(node);
    prev->_gc_next = (uintptr_t)next;
    gc_set_prev(next, prev);
    list_append(node, list);
}

/* Append all of `from` to `to`; `from` becomes empty. */
static void list_merge(RpGC_Head *from, RpGC_Head *to)
{
    if (list_is_empty(from))
        return;
    RpGC_Head *tail = gc_prev(to), *first = gc_next(from), *last = gc_prev(from);
    tail->_gc_next = (uintptr_t)first;
    gc_set_prev(first, tail);
    last->_gc_next = (uintptr_t)to;
    gc_set_prev(to, last);
    list_init(from);
}

static Rp_ssize_t list_size(RpGC_Head *h)
{
    Rp_ssize_t n = 0;
    for (RpGC_Head *g = gc_next(h); g != h; g = gc_next(g))
        n++;
    return n;
}

static void list_clear_collecting(RpGC_Head *h)
{
    for (RpGC_Head *g = gc_next(h); g != h; g = gc_next(g))
        g->_gc_prev &= ~PREV_COLLECTING;
}

static RpGC_Head *gen_head(RpGCState *gcs, int i) { return &gcs->generations[i].head; }

/* ---- init ----------------------------------------------------------------- */

void RpGC_InitState(RpGCState *gcs)
{
    static const int thresholds[RP_GC_NGENERATIONS] = {700, 10, 10};
    memset(gcs, 0, sizeof *gcs);
    gcs->enabled = 1;
    for (int i = 0; i < RP_GC_NGENERATIONS; i++) {
        list_init(gen_head(gcs, i));
        gcs->generations[i].threshold = thresholds[i];
    }
    list_init(&gcs->permanent_generation);
}

/* ---- allocation and tracking ---------------------------------------------- */

static RpObject *gc_alloc(RpTypeObject *t, size_t body)
{
    size_t size = sizeof(RpGC_Head) + body;
    RpGC_Head *g = RpObject_Malloc(size);
    if (g == NULL)
        return RpErr_NoMemory();
    memset(g, 0, size);
    RpObject *o = _Rp_FROM_GC(g);
    Rp_SET_TYPE(o, t);
    _Rp_NewReference(o);
    /* Instances keep their class alive; the type's dealloc drops it. */
    if (t->tp_flags & RP_TPFLAGS_HEAPTYPE)
        Rp_INCREF(t);
    _RpGC_MaybeCollect();
    return o;
}

/* tp_basicsize + n * tp_itemsize, rounded to pointer size; 0 on overflow. */
static size_t var_size(RpTypeObject *t, Rp_ssize_t n)
{
    if (n < 0 || (t->tp_itemsize && (size_t)n > (SIZE_MAX / 2) / (size_t)t->tp_itemsize))
        return 0;
    size_t s = (size_t)t->tp_basicsize + (size_t)n * (size_t)t->tp_itemsize;
    return (s + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
}

RpObject *_RpObject_GC_New(RpTypeObject *t)
{
    return gc_alloc(t, (size_t)t->tp_basicsize);
}

RpVarObject *_RpObject_GC_NewVar(RpTypeObject *t, Rp_ssize_t n)
{
    size_t body = var_size(t, n);
    if (body == 0)
        return (RpVarObject *)RpErr_NoMemory();
    RpObject *o = gc_alloc(t, body);
    if (o != NULL)
        Rp_SET_SIZE(o, n);
    return (RpVarObject *)o;
}

RpVarObject *_RpObject_GC_Resize(RpVarObject *o, Rp_ssize_t n)
{
    size_t body = var_size(Rp_TYPE(o), n);
    if (body == 0)
        return (RpVarObject *)RpErr_NoMemory();
    RpGC_Head *g = _Rp_AS_GC(o);
    RpGC_Head *ng = RpObject_Realloc(g, sizeof(RpGC_Head) + body);
    if (ng == NULL)
        return (RpVarObject *)RpErr_NoMemory();
    if (ng != g && ng->_gc_next != 0) {
        /* A tracked object moved: its neighbours must point at the copy. */
        gc_prev(ng)->_gc_next = (uintptr_t)ng;
        gc_set_prev(gc_next(ng), ng);
    }
    RpVarObject *r = (RpVarObject *)_Rp_FROM_GC(ng);
    Rp_SET_SIZE(r, n);
    return r;
}

void _RpGC_MaybeCollect(void)
{
    RpInterpreterState *interp = RpInterp_Get();
    if (interp == NULL)
        return;
    RpGCState *gcs = &interp->gc;
    struct RpGCGeneration *g0 = &gcs->generations[0];
    g0->count++;
    if (g0->count > g0->threshold && g0->threshold && gcs->enabled && !gcs->collecting)
        _RpEval_SignalBreaker(RP_EVAL_GC);
}

void _RpObject_GC_AssertUntracked(RpObject *o)
{
#ifdef RP_GC_DEBUG
    if (is_tracked(o)) {
        fprintf(stderr, "refpy: fatal: freeing tracked object %p of type %s\n",
                (void *)o, Rp_TYPE(o)->tp_name);
        abort();
    }
#else
    (void)o;
#endif
}

void RpObject_GC_Del(void *op)
{
    RpObject *o = op;
    RpGC_Head *g = _Rp_AS_GC(o);
    if (g->_gc_next != 0) {
        _RpObject_GC_AssertUntracked(o);
        list_remove(g);   /* release builds: stay consistent anyway */
    }
    RpInterpreterState *interp = RpInterp_Get();
    if (interp && interp->gc.generations[0].count > 0)
        interp->gc.generations[0].count--;
    RpObject_Free(g);
}

void RpObject_GC_Track(void *op)
{
    RpObject *o = op;
    RpGC_Head *g = _Rp_AS_GC(o);
    if (g->_gc_next != 0) {
#ifdef RP_GC_DEBUG
        fprintf(stderr, "refpy: fatal: object %p (%s) already tracked\n",
                (void *)o, Rp_TYPE(o)->tp_name);
        abort();
#endif
        return;
    }
    list_append(g, gen_head(gcstate(), 0));
}

void RpObject_GC_UnTrack(void *op)
{
    RpGC_Head *g = _Rp_AS_GC((RpObject *)op);
    if (g->_gc_next != 0)
        list_remove(g);
}

int RpObject_GC_IsTracked(RpObject *o) { return is_gc(o) && is_tracked(o); }

int RpObject_GC_IsFinalized(RpObject *o)
{
    return is_gc(o) && (_Rp_AS_GC(o)->_gc_prev & PREV_FINALIZED) != 0;
}

/* ---- finalizers (PEP 442) ------------------------------------------------- */

void RpObject_CallFinalizer(RpObject *self)
{
    destructor fin = Rp_TYPE(self)->tp_finalize;
    if (fin == NULL)
        return;
    if (is_gc(self)) {
        RpGC_Head *g = _Rp_AS_GC(self);
        if (g->_gc_prev & PREV_FINALIZED)
            return;
        fin(self);
        g->_gc_prev |= PREV_FINALIZED;
        return;
    }
    fin(self);
}

int RpObject_CallFinalizerFromDealloc(RpObject *self)
{
    /* Resurrect for the call; no _Rp_RefTotal change: the finalizer's own
     * increfs/decrefs balance it (see the debug total in refpy.h). */
    self->ob_refcnt = 1;
    RpObject_CallFinalizer(self);
    if (--self->ob_refcnt == 0)
        return 0;
    return -1;   /* resurrected: the dealloc must stop here */
}

/* ---- the phases ----------------------------------------------------------- */

static void update_refs(RpGC_Head *list)
{
    for (RpGC_Head *g = gc_next(list); g != list; g = gc_next(g))
        gc_reset_refs(g, Rp_REFCNT(_Rp_FROM_GC(g)));
}

static int visit_decref(RpObject *op, void *parent)
{
    if (is_gc(op)) {
        RpGC_Head *g = _Rp_AS_GC(op);
        if (gc_is_collecting(g))
            gc_decref(g);
    }
    return 0;
}

/* Subtract the references that objects of the set hold on each other. */
static void subtract_refs(RpGC_Head *list)
{
    for (RpGC_Head *g = gc_next(list); g != list; g = gc_next(g)) {
        RpObject *op = _Rp_FROM_GC(g);
        traverseproc trav = Rp_TYPE(op)->tp_traverse;
        if (trav)
            trav(op, visit_decref, op);
    }
}

/* Reached from a reachable object: make sure `op` is scanned as reachable. */
static int visit_reachable(RpObject *op, void *arg)
{
    RpGC_Head *young = arg;
    if (!is_gc(op))
        return 0;
    RpGC_Head *g = _Rp_AS_GC(op);
    if (!gc_is_collecting(g))
        return 0;   /* outside this collection, or already proven reachable */
    if (g->_gc_next & NEXT_UNREACHABLE) {
        /* Tentatively unreachable: unlink by hand (the links carry the
         * mask) and put it back at the end of young to be scanned. */
        RpGC_Head *prev = gc_prev(g);
        RpGC_Head *next = (RpGC_Head *)(g->_gc_next & ~NEXT_UNREACHABLE);
        prev->_gc_next = g->_gc_next;
        gc_set_prev(next, prev);
        list_append(g, young);
        gc_set_refs(g, 1);
    } else if (gc_get_refs(g) == 0) {
        gc_set_refs(g, 1);   /* not scanned yet; will be, as reachable */
    }
    return 0;
}

static void move_unreachable(RpGC_Head *young, RpGC_Head *unreachable)
{
    RpGC_Head *prev = young;   /* last object proven reachable */
    RpGC_Head *g = gc_next(young);
    while (g != young) {
        if (gc_get_refs(g)) {
            RpObject *op = _Rp_FROM_GC(g);
            traverseproc trav = Rp_TYPE(op)->tp_traverse;
            if (trav)
                trav(op, visit_reachable, young);
            g->_gc_prev = (uintptr_t)prev | (g->_gc_prev & PREV_FINALIZED);
            prev = g;
        } else {
            prev->_gc_next = g->_gc_next;
            RpGC_Head *last = gc_prev(unreachable);
            last->_gc_next = NEXT_UNREACHABLE | (uintptr_t)g;
            gc_set_prev(g, last);
            g->_gc_next = NEXT_UNREACHABLE | (uintptr_t)unreachable;
            unreachable->_gc_prev = (uintptr_t)g;
        }
        g = gc_next(prev);
    }
    young->_gc_prev = (uintptr_t)prev;
}

static void clear_unreachable_mask(RpGC_Head *unreachable)
{
    unreachable->_gc_next &= ~NEXT_UNREACHABLE;
    for (RpGC_Head *g = gc_next(unreachable); g != unreachable; g = gc_next(g))
        g->_gc_next &= ~NEXT_UNREACHABLE;
}

/* base -> (reachable stay in base, COLLECTING cleared) + unreachable (flag
 * still set, masks cleared). */
static void deduce_unreachable(RpGC_Head *base, RpGC_Head *unreachable)
{
    update_refs(base);
    subtract_refs(base);
    list_init(unreachable);
    move_unreachable(base, unreachable);
    clear_unreachable_mask(unreachable);
}

static void untrack_tuples(RpGC_Head *list)
{
    RpGC_Head *next;
    for (RpGC_Head *g = gc_next(list); g != list; g = next) {
        next = gc_next(g);
        RpObject *op = _Rp_FROM_GC(g);
        if (RpTuple_CheckExact(op))
            _RpTuple_MaybeUntrack(op);
    }
}

static int may_be_tracked(RpObject *o)
{
    if (!is_gc(o))
        return 0;
    if (RpTuple_CheckExact(o))
        return is_tracked(o);
    return 1;
}

/* Full collections untrack exact dicts that only hold atoms (CPython does
 * it there to avoid quadratic work); dict insertion re-tracks them. */
static void untrack_dicts(RpGC_Head *list)
{
    RpGC_Head *next;
    for (RpGC_Head *g = gc_next(list); g != list; g = next) {
        next = gc_next(g);
        RpObject *op = _Rp_FROM_GC(g), *k, *v;
        if (!RpDict_CheckExact(op))
            continue;
        Rp_ssize_t pos = 0;
        int atoms_only = 1;
        while (atoms_only && RpDict_Next(op, &pos, &k, &v))
            atoms_only = !may_be_tracked(k) && !may_be_tracked(v);
        if (atoms_only)
            list_remove(g);
    }
}

static RpWeakReference **weaklist_of(RpObject *op)
{
    return (RpWeakReference **)((char *)op + Rp_TYPE(op)->tp_weaklistoffset);
}

static int is_weakref(RpObject *op)
{
    return RpWeakref_CheckRef(op) || RpWeakref_CheckProxy(op);
}

/* Clear every weak reference to an unreachable object.  A weakref that is
 * itself unreachable loses its callback silently; the callbacks of
 * reachable weakrefs run after all clearing.  Returns how many of those
 * weakref objects died after their callback (CPython counts them). */
static Rp_ssize_t handle_weakrefs(RpGC_Head *unreachable, RpGC_Head *old)
{
    RpGC_Head wrcb_to_call;
    Rp_ssize_t freed = 0;
    list_init(&wrcb_to_call);
    for (RpGC_Head *g = gc_next(unreachable); g != unreachable; g = gc_next(g)) {
        RpObject *op = _Rp_FROM_GC(g);
        if (is_weakref(op))
            _RpWeakref_ClearRef((RpWeakReference *)op);
        if (!RpType_SUPPORTS_WEAKREFS(Rp_TYPE(op)))
            continue;
        RpWeakReference **list = weaklist_of(op);
        while (*list != NULL) {
            RpWeakReference *wr = *list;
            _RpWeakref_ClearRef(wr);   /* unlinks wr from *list */
            if (wr->wr_callback == NULL)
                continue;
            RpGC_Head *wg = _Rp_AS_GC(wr);
            if (wg->_gc_next == 0 || gc_is_collecting(wg))
                continue;
            Rp_INCREF(wr);
            list_move(wg, &wrcb_to_call);
        }
    }
    while (!list_is_empty(&wrcb_to_call)) {
        RpGC_Head *wg = gc_next(&wrcb_to_call);
        RpObject *op = _Rp_FROM_GC(wg);
        RpObject *cb = ((RpWeakReference *)op)->wr_callback;
        RpObject *res = cb ? RpObject_CallOneArg(cb, op) : Rp_NewRef(Rp_None);
        if (res == NULL)
            RpErr_WriteUnraisable(cb);
        else
            Rp_DECREF(res);
        Rp_DECREF(op);
        if (gc_next(&wrcb_to_call) == wg)
            list_move(wg, old);   /* still alive */
        else
            freed++;
    }
    return freed;
}

/* Call tp_finalize once per object.  Objects are moved to `seen` first so
 * that a finalizer freeing other members of the list is harmless. */
static void finalize_garbage(RpGC_Head *collectable)
{
    RpGC_Head seen;
    list_init(&seen);
    while (!list_is_empty(collectable)) {
        RpGC_Head *g = gc_next(collectable);
        RpObject *op = _Rp_FROM_GC(g);
        destructor fin = Rp_TYPE(op)->tp_finalize;
        list_move(g, &seen);
        if (!(g->_gc_prev & PREV_FINALIZED) && fin != NULL) {
            g->_gc_prev |= PREV_FINALIZED;
            Rp_INCREF(op);
            fin(op);
            if (RpErr_Occurred())
                RpErr_WriteUnraisable(op);
            Rp_DECREF(op);
        }
    }
    list_merge(&seen, collectable);
}

/* After finalizers: whatever became reachable again goes to `old`; the
 * rest stays in still_unreachable. */
static void handle_resurrected_objects(RpGC_Head *unreachable,
                                       RpGC_Head *still_unreachable, RpGC_Head *old)
{
    list_clear_collecting(unreachable);
    deduce_unreachable(unreachable, still_unreachable);
    list_merge(unreachable, old);
}

static RpObject *garbage_list(RpGCState *gcs)
{
    if (gcs->garbage == NULL)
        gcs->garbage = RpList_New(0);
    return gcs->garbage;
}

/* Break the cycles: tp_clear on each object (or save it in gc.garbage). */
static void delete_garbage(RpGCState *gcs, RpGC_Head *collectable, RpGC_Head *old)
{
    while (!list_is_empty(collectable)) {
        RpGC_Head *g = gc_next(collectable);
        RpObject *op = _Rp_FROM_GC(g);
        if (gcs->debug & RP_GC_DEBUG_SAVEALL) {
            RpObject *garbage = garbage_list(gcs);
            if (garbage == NULL || RpList_Append(garbage, op) < 0)
                RpErr_Clear();
        } else if (Rp_TYPE(op)->tp_clear != NULL) {
            Rp_INCREF(op);
            (void)Rp_TYPE(op)->tp_clear(op);
            if (RpErr_Occurred())
                RpErr_WriteUnraisable((RpObject *)Rp_TYPE(op));
            Rp_DECREF(op);
        }
        if (gc_next(collectable) == g) {
            /* Still alive; it may die later. */
            g->_gc_prev &= ~PREV_COLLECTING;
            list_move(g, old);
        }
    }
}

/* ---- debugging output ----------------------------------------------------- */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void show_stats_each_generation(RpGCState *gcs)
{
    RpSys_WriteStderr("gc: objects in each generation: %zd %zd %zd\n",
                      list_size(gen_head(gcs, 0)), list_size(gen_head(gcs, 1)),
                      list_size(gen_head(gcs, 2)));
    RpSys_WriteStderr("gc: objects in permanent generation: %zd\n",
                      list_size(&gcs->permanent_generation));
}

static void debug_collectable(RpGC_Head *list)
{
    for (RpGC_Head *g = gc_next(list); g != list; g = gc_next(g)) {
        RpObject *op = _Rp_FROM_GC(g);
        RpSys_WriteStderr("gc: collectable <%s %p>\n", Rp_TYPE(op)->tp_name, (void *)op);
    }
}

/* ---- a collection --------------------------------------------------------- */

/* CPython 3.11 empties the freelists after every full collection.  Their
 * objects leave through RpObject_GC_Del, which lowers generation 0's count,
 * and the next allocations are fresh ones that raise it: gc.get_count()
 * after gc.collect() then moves exactly as CPython's does. */
static void clear_freelists(void)
{
    _RpList_ClearFreeList();
    _RpDict_ClearFreeList();
    _RpTuple_ClearFreeLists();
    _RpFloat_Fini();
}

static void prepare_generations(RpGCState *gcs, int generation)
{
    if (generation + 1 < RP_GC_NGENERATIONS)
        gcs->generations[generation + 1].count += 1;
    for (int i = 0; i <= generation; i++)
        gcs->generations[i].count = 0;
    for (int i = 0; i < generation; i++)
        list_merge(gen_head(gcs, i), gen_head(gcs, generation));
}

/* Promote the survivors: young -> old, with CPython's bookkeeping for the
 * 25% rule and dict untracking on full collections. */
static void promote_survivors(RpGCState *gcs, int generation, RpGC_Head *young, RpGC_Head *old)
{
    if (young != old) {
        if (generation == RP_GC_NGENERATIONS - 2)
            gcs->long_lived_pending += list_size(young);
        list_merge(young, old);
    } else {
        untrack_dicts(young);
        gcs->long_lived_pending = 0;
        gcs->long_lived_total = list_size(young);
    }
}

static Rp_ssize_t collect_main(RpGCState *gcs, int generation)
{
    RpGC_Head unreachable, final_unreachable;
    double t0 = 0;
    if (gcs->debug & RP_GC_DEBUG_STATS) {
        RpSys_WriteStderr("gc: collecting generation %d...\n", generation);
        show_stats_each_generation(gcs);
        t0 = now_seconds();
    }
#ifdef RP_GC_DEBUG
    _RpGC_CheckInvariants();
#endif
    prepare_generations(gcs, generation);
    RpGC_Head *young = gen_head(gcs, generation);
    RpGC_Head *old = generation < RP_GC_NGENERATIONS - 1 ? gen_head(gcs, generation + 1) : young;

    deduce_unreachable(young, &unreachable);
    untrack_tuples(young);
    promote_survivors(gcs, generation, young, old);

    /* tp_del (legacy finalizers) is not supported: nothing is uncollectable.
     * As in CPython 3.11, the count is what is still unreachable after the
     * finalizers ran (resurrected objects are not counted), plus the weakref
     * objects that died after their callback. */
    Rp_ssize_t m = 0, n = 0;
    if (gcs->debug & RP_GC_DEBUG_COLLECTABLE)
        debug_collectable(&unreachable);
    m += handle_weakrefs(&unreachable, old);
    finalize_garbage(&unreachable);
    handle_resurrected_objects(&unreachable, &final_unreachable, old);
    m += list_size(&final_unreachable);
    delete_garbage(gcs, &final_unreachable, old);

    if (gcs->debug & RP_GC_DEBUG_STATS)
        RpSys_WriteStderr("gc: done, %zd unreachable, %zd uncollectable, %.4fs elapsed\n",
                          n + m, n, now_seconds() - t0);
    gcs->stats[generation].collections++;
    gcs->stats[generation].collected += m;
    gcs->stats[generation].uncollectable += n;
    if (generation == RP_GC_NGENERATIONS - 1)
        clear_freelists();
#ifdef RP_GC_DEBUG
    _RpGC_CheckInvariants();
#endif
    return n + m;
}

/* gc.callbacks: each is called with (phase, info). Errors are unraisable. */
static void invoke_callbacks(RpGCState *gcs, const char *phase, int generation,
                             Rp_ssize_t collected, Rp_ssize_t uncollectable)
{
    if (gcs->callbacks == NULL || RpList_GET_SIZE(gcs->callbacks) == 0)
        return;
    RpObject *cbs = RpList_GetSlice(gcs->callbacks, 0, RpList_GET_SIZE(gcs->callbacks));
    RpObject *info = RpDict_New();
    RpObject *ph = RpUnicode_FromString(phase);
    RpObject *g = RpLong_FromLong(generation);
    RpObject *c = RpLong_FromSsize_t(collected);
    RpObject *u = RpLong_FromSsize_t(uncollectable);
    if (!cbs || !info || !ph || !g || !c || !u
        || RpDict_SetItemString(info, "generation", g) < 0
        || RpDict_SetItemString(info, "collected", c) < 0
        || RpDict_SetItemString(info, "uncollectable", u) < 0) {
        RpErr_WriteUnraisable(NULL);
        goto done;
    }
    for (Rp_ssize_t i = 0; i < RpList_GET_SIZE(cbs); i++) {
        RpObject *cb = RpList_GET_ITEM(cbs, i);
        RpObject *r = RpObject_CallFunctionObjArgs(cb, ph, info, NULL);
        if (r == NULL)
            RpErr_WriteUnraisable(cb);
        else
            Rp_DECREF(r);
    }
done:
    Rp_XDECREF(cbs);
    Rp_XDECREF(info);
    Rp_XDECREF(ph);
    Rp_XDECREF(g);
    Rp_XDECREF(c);
    Rp_XDECREF(u);
}

/* One collection with callbacks, under the reentrancy guard; a pending
 * exception (there should be none) is kept aside meanwhile. */
static Rp_ssize_t collect_with_callbacks(RpGCState *gcs, int generation, int callbacks)
{
    if (gcs->collecting)
        return -1;
    gcs->collecting = 1;
    RpObject *exc = RpErr_GetRaisedException();
    if (callbacks)
        invoke_callbacks(gcs, "start", generation, 0, 0);
    Rp_ssize_t n = collect_main(gcs, generation);
    if (callbacks)
        invoke_callbacks(gcs, "stop", generation, n, 0);
    RpErr_SetRaisedException(exc);
    gcs->collecting = 0;
    return n;
}

Rp_ssize_t RpGC_Collect(int gen)
{
    if (gen < 0 || gen >= RP_GC_NGENERATIONS)
        gen = RP_GC_NGENERATIONS - 1;
    return collect_with_callbacks(gcstate(), gen, 1);
}

Rp_ssize_t RpGC_CollectIfEnabled(void)
{
    RpGCState *gcs = gcstate();
    if (!gcs->enabled)
        return 0;
    return RpGC_Collect(RP_GC_NGENERATIONS - 1);
}

/* The oldest generation over its threshold; the full collection only when
 * enough objects were promoted since the last one (CPython's 25% rule). */
Rp_ssize_t _RpGC_CollectScheduled(void)
{
    RpGCState *gcs = gcstate();
    if (!gcs->enabled || gcs->collecting)
        return 0;
    for (int i = RP_GC_NGENERATIONS - 1; i >= 0; i--) {
        if (gcs->generations[i].count <= gcs->generations[i].threshold)
            continue;
        if (i == RP_GC_NGENERATIONS - 1
            && gcs->long_lived_pending < gcs->long_lived_total / 4)
            continue;
        Rp_ssize_t n = collect_with_callbacks(gcs, i, 1);
        return n < 0 ? 0 : n;
    }
    return 0;
}

void _RpGC_Fini(void)
{
    RpGCState *gcs = gcstate();
    if (gcs->collecting)
        return;
    /* Frozen objects are freed too: everything goes at exit. */
    list_merge(&gcs->permanent_generation, gen_head(gcs, RP_GC_NGENERATIONS - 1));
    gcs->debug &= ~RP_GC_DEBUG_SAVEALL;
    for (int round = 0; round < 32; round++)
        if (collect_with_callbacks(gcs, RP_GC_NGENERATIONS - 1, 0) <= 0)
            break;
    Rp_CLEAR(gcs->garbage);
    Rp_CLEAR(gcs->callbacks);
    for (int round = 0; round < 32; round++)
        if (collect_with_callbacks(gcs, RP_GC_NGENERATIONS - 1, 0) <= 0)
            break;
    gcs->enabled = 0;
    gcs->collecting = 1;   /* dead: no further collection until InitState */
}

/* ---- introspection -------------------------------------------------------- */

int _RpGC_GenerationOf(RpObject *o)
{
    if (!is_gc(o) || !is_tracked(o))
        return -1;
    RpGCState *gcs = gcstate();
    RpGC_Head *start = _Rp_AS_GC(o);
    for (RpGC_Head *g = gc_next(start); g != start; g = gc_next(g)) {
        for (int i = 0; i < RP_GC_NGENERATIONS; i++)
            if (g == gen_head(gcs, i))
                return i;
        if (g == &gcs->permanent_generation)
            return 3;
    }
    return -1;
}

static void invariant_fail(const char *what, RpGC_Head *g)
{
    fprintf(stderr, "refpy: GC invariant violated: %s (head %p)\n", what, (void *)g);
    abort();
}

static void check_list(RpGC_Head *head)
{
    RpGC_Head *prev = head;
    for (RpGC_Head *g = gc_next(head); g != head; prev = g, g = gc_next(g)) {
        if (g == NULL || (g->_gc_next & NEXT_UNREACHABLE))
            invariant_fail("bad next link", g);
        if (gc_prev(g) != prev)
            invariant_fail("prev link does not match", g);
        if (g->_gc_prev & PREV_COLLECTING)
            invariant_fail("COLLECTING flag outside a collection", g);
        RpObject *op = _Rp_FROM_GC(g);
        if (Rp_REFCNT(op) <= 0)
            invariant_fail("tracked object with refcount <= 0", g);
        if (!is_gc(op))
            invariant_fail("non-GC object on a GC list", g);
    }
    if (gc_prev(head) != prev)
        invariant_fail("head prev is not the last element", head);
}

void _RpGC_CheckInvariants(void)
{
    RpGCState *gcs = gcstate();
    for (int i = 0; i < RP_GC_NGENERATIONS; i++)
        check_list(gen_head(gcs, i));
    check_list(&gcs->permanent_generation);
}

int _RpObject_IS_GC(RpObject *o) { return is_gc(o); }

void _RpGC_Freeze(void)
{
    RpGCState *gcs = gcstate();
    /* CPython 3.11 resets only generation 0's count here. */
    for (int i = 0; i < RP_GC_NGENERATIONS; i++)
        list_merge(gen_head(gcs, i), &gcs->permanent_generation);
    gcs->generations[0].count = 0;
}

void _RpGC_Unfreeze(void)
{
    RpGCState *gcs = gcstate();
    list_merge(&gcs->permanent_generation, gen_head(gcs, RP_GC_NGENERATIONS - 1));
}

Rp_ssize_t _RpGC_GetFreezeCount(void)
{
    return list_size(&gcstate()->permanent_generation);
}

int _RpGC_ForEach(int generation, int (*fn)(RpObject *, void *), void *arg)
{
    RpGCState *gcs = gcstate();
    int lo = generation < 0 ? 0 : generation;
    int hi = generation < 0 ? RP_GC_NGENERATIONS - 1 : generation;
    for (int i = lo; i <= hi; i++) {
        RpGC_Head *h = gen_head(gcs, i);
        for (RpGC_Head *g = gc_next(h); g != h; g = gc_next(g)) {
            int r = fn(_Rp_FROM_GC(g), arg);
            if (r)
                return r;
        }
    }
    return 0;
}
