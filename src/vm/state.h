/* state.h -- interpreter state and thread state (prefix RpInterp_,
 * RpThreadState_), and the GIL (RpGIL_).  state.c, gil.c.
 *
 * One interpreter per process.  The interpreter owns what is shared by all
 * threads (modules, builtins, the collector, the GIL); each thread owns its
 * current exception, its handled-exception stack, its frames and its
 * recursion depth.  They are separate structs from the first line so that
 * threads can arrive without reshaping anything.
 */
#ifndef RP_STATE_H
#define RP_STATE_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "../objects/object.h"
#include "../memory/gc.h"
#include <pthread.h>
#include <stdatomic.h>

struct RpFrame;
struct RpThreadState;

typedef struct RpGIL {
    pthread_mutex_t mutex;
    pthread_cond_t cond;          /* signalled when the lock is released */
    pthread_cond_t switched;      /* signalled when another thread took it */
    atomic_int locked;
    struct RpThreadState *holder;
    unsigned long switch_number;
    long interval_us;             /* sys.setswitchinterval, default 5000 */
    atomic_int drop_request;
} RpGIL;

/* Reasons to leave the fast path of the eval loop, as bits. */
#define RP_EVAL_GIL_DROP 1
#define RP_EVAL_SIGNALS 2
#define RP_EVAL_PENDING 4
#define RP_EVAL_GC 8

typedef struct RpInterpreterState {
    RpObject *modules;         /* sys.modules dict */
    RpObject *sysdict;         /* borrowed from the sys module */
    RpObject *builtins;        /* builtins module dict */
    RpObject *builtins_module;
    RpObject *importlib;       /* reserved */
    RpObject *atexit_callbacks;/* list of (func, args, kwargs) */
    RpObject *interned;        /* managed by unicodeobject.c */
    RpGCState gc;
    RpGIL gil;
    atomic_int eval_breaker;   /* RP_EVAL_* bits; checked at backward jumps and calls */
    struct RpThreadState *threads;  /* linked list of all thread states */
    int recursion_limit;       /* sys.getrecursionlimit(), default 1000 */
    int finalizing;
    int64_t int_max_str_digits;
} RpInterpreterState;

/* A handled exception (sys.exc_info()): one per active except block. */
typedef struct RpExcInfo {
    RpObject *exc_value;          /* exception instance or NULL/None */
    struct RpExcInfo *previous;
} RpExcInfo;

typedef struct RpThreadState {
    struct RpThreadState *next, *prev;
    RpInterpreterState *interp;
    struct RpFrame *frame;        /* the executing frame (innermost) */
    RpObject *current_exception;  /* raised, not yet handled; or NULL */
    RpExcInfo exc_state;          /* base entry of the handled stack */
    RpExcInfo *exc_info;          /* top of the handled stack */
    int recursion_depth;          /* Python calls + C recursion guards */
    int recursion_headroom;       /* > 0 while handling a RecursionError */
    unsigned long thread_id;
    RpObject *dict;               /* threading.local storage and friends */
    /* Per-thread stack from which frames are carved (see frame.h). */
    char *datastack_chunk, *datastack_top, *datastack_limit;
    int trash_delete_nesting;     /* trashcan depth */
    RpObject *trash_delete_later; /* pending deallocs (linked through ob_type) */
} RpThreadState;

/* The running thread's state (thread-local). Never NULL while the
 * interpreter is initialized and the GIL is held. */
RpThreadState *RpThreadState_Get(void);
RpInterpreterState *RpInterp_Get(void);
RpThreadState *RpThreadState_New(RpInterpreterState *interp);
void RpThreadState_Clear(RpThreadState *ts);
void RpThreadState_Delete(RpThreadState *ts);
void RpThreadState_Swap(RpThreadState *ts);
/* Create / free the (one) interpreter; Rp_Initialize and Rp_Finalize. */
RpInterpreterState *_RpInterp_New(void);
void _RpInterp_Delete(RpInterpreterState *interp);
/* The data stack: carve `size` bytes for a frame (MemoryError -> NULL);
 * pop it again (strict LIFO).  The common cases (room left in the current
 * chunk; the frame is not the first of its chunk) are inline, since every
 * Python-to-Python call does both. */
typedef struct RpDataChunk {
    struct RpDataChunk *prev;
    char *prev_top;       /* datastack_top of the previous chunk when this one was added */
    size_t size;          /* total bytes including this header */
} RpDataChunk;
#define RP_CHUNK_DATA(c) ((char *)(c) + sizeof(RpDataChunk))
void *_RpThreadState_PushFrameSlow(RpThreadState *ts, size_t size);
void _RpThreadState_PopFrameSlow(RpThreadState *ts, void *frame);
static inline void *_RpThreadState_PushFrame(RpThreadState *ts, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    char *p = ts->datastack_top;
    if (p != NULL && (size_t)(ts->datastack_limit - p) >= size) {
        ts->datastack_top = p + size;
        return p;
    }
    return _RpThreadState_PushFrameSlow(ts, size);
}
static inline void _RpThreadState_PopFrame(RpThreadState *ts, void *frame)
{
    if ((char *)frame != RP_CHUNK_DATA(ts->datastack_chunk)) {
        ts->datastack_top = frame;
        return;
    }
    _RpThreadState_PopFrameSlow(ts, frame);
}
/* Slow path of the recursion guard once recursion_depth passed the limit
 * (depth already incremented; on error it is decremented again). */
int _Rp_CheckRecursion(RpThreadState *ts, const char *where);

/* Recursion guard for C code that recurses (repr of nested containers,
 * comparisons, the compiler): raises RecursionError
 * "maximum recursion depth exceeded<where>" and returns -1 past the limit. */
int Rp_EnterRecursiveCall(const char *where);
void Rp_LeaveRecursiveCall(void);

/* GIL: taken by the thread that runs Python code; dropped around blocking
 * calls with RP_BEGIN_ALLOW_THREADS / RP_END_ALLOW_THREADS. */
void RpGIL_Init(RpGIL *gil);
void RpGIL_Acquire(RpThreadState *ts);
void RpGIL_Release(RpThreadState *ts);
void RpGIL_AfterFork(RpInterpreterState *interp);  /* child side of fork() */
/* Drop and retake the GIL at once when another thread asked for it
 * (the eval breaker's RP_EVAL_GIL_DROP). */
void _RpGIL_Yield(RpThreadState *ts);
RpThreadState *RpEval_SaveThread(void);
void RpEval_RestoreThread(RpThreadState *ts);
#define RP_BEGIN_ALLOW_THREADS { RpThreadState *_save = RpEval_SaveThread();
#define RP_END_ALLOW_THREADS RpEval_RestoreThread(_save); }

#endif
