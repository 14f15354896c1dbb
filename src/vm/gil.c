/* gil.c -- the global interpreter lock.
 *
 * Design (the same as CPython's since 3.2):
 *   - `locked` says whether some thread holds the GIL; `mutex` protects it
 *     and the condition variables.
 *   - A thread that wants the GIL waits on `cond` for at most the switch
 *     interval.  If the interval passes and no switch happened meanwhile,
 *     it sets `drop_request` and signals the eval breaker, so the holder
 *     drops the GIL at its next backward jump or call.
 *   - A holder that drops on request waits on `switched` until another
 *     thread actually took the GIL, so the requester is not starved by the
 *     holder immediately taking it back (FORCE_SWITCHING).
 * Reference counts are plain integers: holding the GIL is what makes them
 * safe.
 */
#include "rp.h"
#include <errno.h>
#include <time.h>

void RpGIL_Init(RpGIL *gil)
{
    pthread_mutex_init(&gil->mutex, NULL);
    pthread_cond_init(&gil->cond, NULL);
    pthread_cond_init(&gil->switched, NULL);
    atomic_init(&gil->locked, 0);
    atomic_init(&gil->drop_request, 0);
    gil->holder = NULL;
    gil->switch_number = 0;
    if (gil->interval_us <= 0)
        gil->interval_us = 5000;
}

/* Absolute deadline `us` microseconds from now, for pthread_cond_timedwait. */
static struct timespec deadline_after(long us)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += us / 1000000;
    ts.tv_nsec += (us % 1000000) * 1000;
    if (ts.tv_nsec >= 1000000000) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
    }
    return ts;
}

void RpGIL_Acquire(RpThreadState *ts)
{
    RpGIL *gil = &ts->interp->gil;
    pthread_mutex_lock(&gil->mutex);
    while (atomic_load(&gil->locked)) {
        unsigned long saved = gil->switch_number;
        struct timespec dl = deadline_after(gil->interval_us);
        int rc = pthread_cond_timedwait(&gil->cond, &gil->mutex, &dl);
        /* Timed out and nobody switched: ask the holder to let go. */
        if (rc == ETIMEDOUT && atomic_load(&gil->locked) &&
            gil->switch_number == saved) {
            atomic_store(&gil->drop_request, 1);
            _RpEval_SignalBreaker(RP_EVAL_GIL_DROP);
        }
    }
    atomic_store(&gil->locked, 1);
    gil->holder = ts;
    gil->switch_number++;
    atomic_store(&gil->drop_request, 0);
    pthread_cond_signal(&gil->switched);
    pthread_mutex_unlock(&gil->mutex);
    RpThreadState_Swap(ts);
}

/* Release without waiting for a successor. */
static void release_locked(RpGIL *gil)
{
    atomic_store(&gil->locked, 0);
    gil->holder = NULL;
    pthread_cond_signal(&gil->cond);
}

void RpGIL_Release(RpThreadState *ts)
{
    RpGIL *gil = &ts->interp->gil;
    pthread_mutex_lock(&gil->mutex);
    release_locked(gil);
    pthread_mutex_unlock(&gil->mutex);
}

/* Dropping on request: hand the GIL over and wait until the other thread
 * has it before competing again. */
void _RpGIL_Yield(RpThreadState *ts)
{
    RpGIL *gil = &ts->interp->gil;
    pthread_mutex_lock(&gil->mutex);
    if (!atomic_load(&gil->drop_request)) {
        pthread_mutex_unlock(&gil->mutex);
        return;
    }
    unsigned long before = gil->switch_number;
    release_locked(gil);
    while (gil->switch_number == before) {
        struct timespec dl = deadline_after(gil->interval_us);
        int rc = pthread_cond_timedwait(&gil->switched, &gil->mutex, &dl);
        if (rc == ETIMEDOUT && !atomic_load(&gil->locked))
            break;   /* the requester went away: nobody will switch */
    }
    pthread_mutex_unlock(&gil->mutex);
    RpGIL_Acquire(ts);
}

RpThreadState *RpEval_SaveThread(void)
{
    RpThreadState *ts = RpThreadState_Get();
    RpThreadState_Swap(NULL);
    RpGIL_Release(ts);
    return ts;
}

void RpEval_RestoreThread(RpThreadState *ts)
{
    int err = errno;   /* callers test errno of the blocking call after us */
    RpGIL_Acquire(ts);
    errno = err;
}

/* In the child after fork(): only the forking thread exists.  The GIL's
 * mutex may have been held by a thread that no longer exists, so it is
 * rebuilt from scratch and taken by the current thread, and the states of
 * the vanished threads are dropped. */
void RpGIL_AfterFork(RpInterpreterState *interp)
{
    RpThreadState *me = RpThreadState_Get();
    long interval = interp->gil.interval_us;
    RpGIL_Init(&interp->gil);
    interp->gil.interval_us = interval;
    atomic_store(&interp->gil.locked, 1);
    interp->gil.holder = me;
    /* The other threads' states leave the interpreter but are not freed:
     * frame objects made while those threads ran (tracebacks, generators)
     * may still point into their data stacks, and running their frames'
     * destructors in the child is not what the program expects.  CPython
     * leaks them too; keeping them on a list keeps them reachable. */
    static RpThreadState *orphans;
    RpThreadState *t = interp->threads;
    while (t != NULL) {
        RpThreadState *next = t->next;
        if (t != me) {
            if (t->prev)
                t->prev->next = t->next;
            else
                interp->threads = t->next;
            if (t->next)
                t->next->prev = t->prev;
            t->prev = NULL;
            t->next = orphans;
            orphans = t;
        }
        t = next;
    }
    if (me != NULL)
        me->thread_id = (unsigned long)pthread_self();
}
