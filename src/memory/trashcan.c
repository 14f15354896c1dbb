/* trashcan.c -- the deep-dealloc guard (CPython's "trashcan").
 *
 * Freeing the head of a long chain (a list holding a list holding ...)
 * recurses once per link through the deallocs.  Each dealloc that can nest
 * runs inside RP_TRASHCAN_BEGIN/END, which counts the nesting depth in the
 * thread state.  Past TRASH_LIMIT levels the object is not freed now: it is
 * pushed on the thread's trash_delete_later stack and the dealloc returns,
 * unwinding the C stack.  When the outermost guarded dealloc finishes, the
 * parked objects are freed one by one, each starting again at a shallow
 * depth.
 *
 * Parked objects have refcount 0 and are untracked, so their GC head is
 * free: the stack is chained through _gc_prev (bit 0, the FINALIZED flag,
 * is preserved; heads are 16-aligned so the pointer never uses it).
 */
#include "rp.h"

#define TRASH_LIMIT 50
#define FINALIZED_BIT ((uintptr_t)1)

static void deposit(RpThreadState *ts, RpObject *op)
{
    RpGC_Head *g = _Rp_AS_GC(op);
    RpObject_GC_UnTrack(op);   /* deallocs untrack first; be safe anyway */
    g->_gc_prev = (uintptr_t)ts->trash_delete_later | (g->_gc_prev & FINALIZED_BIT);
    ts->trash_delete_later = op;
}

/* Free the parked objects.  The nesting count is raised around each
 * dealloc so that it does not drain the stack recursively itself. */
static void destroy_chain(RpThreadState *ts)
{
    while (ts->trash_delete_later != NULL) {
        RpObject *op = ts->trash_delete_later;
        RpGC_Head *g = _Rp_AS_GC(op);
        ts->trash_delete_later = (RpObject *)(g->_gc_prev & ~FINALIZED_BIT);
        g->_gc_prev &= FINALIZED_BIT;
        ts->trash_delete_nesting++;
        Rp_TYPE(op)->tp_dealloc(op);
        ts->trash_delete_nesting--;
    }
}

int _RpTrash_Begin(RpObject *op, destructor dealloc)
{
    RpThreadState *ts = RpThreadState_Get();
    /* A subclass instance (tp_dealloc differs) is guarded by the subclass's
     * own dealloc; parking it here would run the wrong function later.
     * Only GC objects have a head to chain through. */
    if (ts->trash_delete_nesting >= TRASH_LIMIT && Rp_TYPE(op)->tp_dealloc == dealloc
        && _RpObject_IS_GC(op)) {
        deposit(ts, op);
        return 1;
    }
    ts->trash_delete_nesting++;
    return 0;
}

void _RpTrash_End(void)
{
    RpThreadState *ts = RpThreadState_Get();
    ts->trash_delete_nesting--;
    if (ts->trash_delete_nesting <= 0 && ts->trash_delete_later != NULL)
        destroy_chain(ts);
}
