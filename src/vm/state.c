/* state.c -- the interpreter state, thread states, the per-thread data
 * stack that frames are carved from, and the recursion guard.
 *
 * There is one interpreter per process.  Each OS thread that runs Python
 * code has an RpThreadState; the running one is found through a C11
 * thread-local, so RpThreadState_Get() is a single load.
 */
#include "rp.h"
#include <stdlib.h>

static _Thread_local RpThreadState *current_ts;

/* ---- interpreter ---------------------------------------------------------- */

static RpInterpreterState *main_interp;

/* Create the interpreter (called once by Rp_Initialize). */
RpInterpreterState *_RpInterp_New(void)
{
    RpInterpreterState *interp = RpMem_RawCalloc(1, sizeof(*interp));
    if (interp == NULL)
        return NULL;
    interp->recursion_limit = 1000;
    interp->int_max_str_digits = 4300;
    atomic_init(&interp->eval_breaker, 0);
    main_interp = interp;
    return interp;
}

/* Free the interpreter struct; its objects were released by Rp_Finalize. */
void _RpInterp_Delete(RpInterpreterState *interp)
{
    if (interp == main_interp)
        main_interp = NULL;
    RpMem_RawFree(interp);
}

RpInterpreterState *RpInterp_Get(void)
{
    return current_ts != NULL ? current_ts->interp : main_interp;
}

/* ---- thread states -------------------------------------------------------- */

RpThreadState *RpThreadState_Get(void)
{
    return current_ts;
}

RpThreadState *RpThreadState_New(RpInterpreterState *interp)
{
    RpThreadState *ts = RpMem_RawCalloc(1, sizeof(*ts));
    if (ts == NULL)
        return NULL;
    ts->interp = interp;
    ts->exc_info = &ts->exc_state;
    ts->thread_id = (unsigned long)pthread_self();
    /* Newest first, like CPython's list of thread states. */
    ts->next = interp->threads;
    if (interp->threads != NULL)
        interp->threads->prev = ts;
    interp->threads = ts;
    return ts;
}

/* A chunk of the data stack (RpDataChunk, state.h); frames follow the header. */
typedef RpDataChunk DataChunk;
#define DATA_CHUNK_SIZE (64 * 1024)
#define CHUNK_DATA(c) RP_CHUNK_DATA(c)

static void free_datastack(RpThreadState *ts)
{
    DataChunk *c = (DataChunk *)ts->datastack_chunk;
    while (c != NULL) {
        DataChunk *prev = c->prev;
        RpMem_RawFree(c);
        c = prev;
    }
    ts->datastack_chunk = ts->datastack_top = ts->datastack_limit = NULL;
}

void RpThreadState_Clear(RpThreadState *ts)
{
    Rp_CLEAR(ts->current_exception);
    Rp_CLEAR(ts->exc_state.exc_value);
    Rp_CLEAR(ts->dict);
    free_datastack(ts);
}

void RpThreadState_Delete(RpThreadState *ts)
{
    RpInterpreterState *interp = ts->interp;
    if (ts->prev != NULL)
        ts->prev->next = ts->next;
    else if (interp != NULL && interp->threads == ts)
        interp->threads = ts->next;
    if (ts->next != NULL)
        ts->next->prev = ts->prev;
    free_datastack(ts);
    if (current_ts == ts)
        current_ts = NULL;
    RpMem_RawFree(ts);
}

void RpThreadState_Swap(RpThreadState *ts)
{
    current_ts = ts;
}

/* ---- the data stack ------------------------------------------------------- */

/* Start a new chunk big enough for `size` bytes; NULL on memory failure. */
static char *push_chunk(RpThreadState *ts, size_t size)
{
    size_t need = size + sizeof(DataChunk);
    size_t csize = need > DATA_CHUNK_SIZE ? need : DATA_CHUNK_SIZE;
    DataChunk *c = RpMem_RawMalloc(csize);
    if (c == NULL)
        return NULL;
    c->prev = (DataChunk *)ts->datastack_chunk;
    c->prev_top = ts->datastack_top;
    c->size = csize;
    ts->datastack_chunk = (char *)c;
    ts->datastack_top = CHUNK_DATA(c);
    ts->datastack_limit = (char *)c + csize;
    return ts->datastack_top;
}

/* Slow path of _RpThreadState_PushFrame (size already rounded): a new chunk. */
void *_RpThreadState_PushFrameSlow(RpThreadState *ts, size_t size)
{
    char *p = ts->datastack_top;
    if (p == NULL || (size_t)(ts->datastack_limit - p) < size) {
        p = push_chunk(ts, size);
        if (p == NULL) {
            RpErr_NoMemory();
            return NULL;
        }
    }
    ts->datastack_top = p + size;
    return p;
}

/* Frames are popped in LIFO order: the top simply moves back.  A chunk
 * that becomes empty is returned to the system, except the first one. */
void _RpThreadState_PopFrameSlow(RpThreadState *ts, void *frame)
{
    DataChunk *c = (DataChunk *)ts->datastack_chunk;
    ts->datastack_top = frame;
    if ((char *)frame == CHUNK_DATA(c) && c->prev != NULL) {
        ts->datastack_chunk = (char *)c->prev;
        ts->datastack_top = c->prev_top;
        ts->datastack_limit = (char *)c->prev + c->prev->size;
        RpMem_RawFree(c);
    }
}

/* ---- recursion ------------------------------------------------------------ */

/* While a RecursionError is being created (recursion_headroom > 0) a few
 * more levels are allowed, so that building and raising the error cannot
 * itself fail; running out of those too is fatal, as in CPython. */
int _Rp_CheckRecursion(RpThreadState *ts, const char *where)
{
    int limit = ts->interp->recursion_limit;
    if (ts->recursion_headroom) {
        if (ts->recursion_depth > limit + 50) {
            fprintf(stderr, "Fatal Python error: Cannot recover from stack overflow.\n");
            abort();
        }
        return 0;
    }
    if (ts->recursion_depth > limit) {
        ts->recursion_headroom++;
        RpErr_Format(RpExc_RecursionError, "maximum recursion depth exceeded%s", where);
        ts->recursion_headroom--;
        ts->recursion_depth--;
        return -1;
    }
    return 0;
}

int Rp_EnterRecursiveCall(const char *where)
{
    RpThreadState *ts = current_ts;
    if (++ts->recursion_depth > ts->interp->recursion_limit)
        return _Rp_CheckRecursion(ts, where);
    return 0;
}

void Rp_LeaveRecursiveCall(void)
{
    current_ts->recursion_depth--;
}
