/* threadmodule.c -- the `_thread` module: OS threads, locks and
 * thread-local data, under which lib/threading.py is written.
 *
 * A new thread gets its own RpThreadState (made by the parent, which holds
 * the GIL) and takes the GIL before running any Python code; it releases
 * it for good when the function returns.  Waiting on a lock releases the
 * GIL, so a thread blocked in acquire() never stops the others.
 *
 * A lock is a binary semaphore (any thread may release it), built from a
 * mutex and a condition variable.  thread-local data lives in each thread
 * state's dict, so it is freed when the thread's state is cleared.
 */
#include "rp.h"
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define FAST(f) ((RpCFunction)(void (*)(void))(f))
#define TIMEOUT_MAX_SECONDS 9223372036.0   /* as CPython on Linux */

static atomic_int thread_count;   /* threads started here and still running */

/* ---- locks -------------------------------------------------------------- */

typedef struct {
    RpObject_HEAD
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    int locked;
    RpObject *weakreflist;
} lockobject;

typedef struct {
    RpObject_HEAD
    lockobject *lock;          /* the underlying binary lock */
    unsigned long owner;       /* thread id, 0 when free */
    unsigned long count;
    RpObject *weakreflist;
} rlockobject;

static struct timespec deadline(double secs)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    double whole = floor(secs);
    ts.tv_sec += (time_t)whole;
    ts.tv_nsec += (long)((secs - whole) * 1e9);
    if (ts.tv_nsec >= 1000000000) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
    }
    return ts;
}

/* Take the lock, waiting at most `timeout` seconds (< 0: forever) with
 * the GIL released.  1 acquired, 0 timed out. */
static int lock_take(lockobject *l, double timeout)
{
    int got;
    pthread_mutex_lock(&l->mutex);
    if (!l->locked) {
        l->locked = 1;
        pthread_mutex_unlock(&l->mutex);
        return 1;
    }
    pthread_mutex_unlock(&l->mutex);
    if (timeout == 0)
        return 0;
    struct timespec dl = deadline(timeout > 0 ? timeout : 0);
    RP_BEGIN_ALLOW_THREADS
    pthread_mutex_lock(&l->mutex);
    int rc = 0;
    while (l->locked && rc != ETIMEDOUT)
        rc = timeout < 0 ? pthread_cond_wait(&l->cond, &l->mutex)
                         : pthread_cond_timedwait(&l->cond, &l->mutex, &dl);
    got = !l->locked;
    if (got)
        l->locked = 1;
    pthread_mutex_unlock(&l->mutex);
    RP_END_ALLOW_THREADS
    return got;
}

static void lock_give(lockobject *l)
{
    pthread_mutex_lock(&l->mutex);
    l->locked = 0;
    pthread_cond_signal(&l->cond);
    pthread_mutex_unlock(&l->mutex);
}

/* acquire(blocking=True, timeout=-1) arguments -> seconds (-1 forever). */
static int parse_acquire(RpObject *const *args, Rp_ssize_t nargs, RpObject *kwnames,
                         double *timeout)
{
    static const char *const names[] = {"blocking", "timeout", NULL};
    RpObject *a[2] = {NULL, NULL};
    if (_RpArg_ParseVector("acquire", args, nargs, kwnames, names, 2, 0, a) < 0)
        return -1;
    int blocking = a[0] ? RpObject_IsTrue(a[0]) : 1;
    double t = a[1] ? RpFloat_AsDouble(a[1]) : -1.0;
    if (blocking < 0 || (t == -1.0 && RpErr_Occurred()))
        return -1;
    if (!blocking && t != -1.0) {
        RpErr_SetString(RpExc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (t < 0 && t != -1.0) {
        RpErr_SetString(RpExc_ValueError, "timeout value must be a non-negative number");
        return -1;
    }
    if (t > TIMEOUT_MAX_SECONDS) {
        RpErr_SetString(RpExc_OverflowError, "timeout value is too large");
        return -1;
    }
    *timeout = blocking ? t : 0.0;
    return 0;
}

static RpObject *lock_new_raw(void)
{
    lockobject *l = (lockobject *)RpObject_Malloc(sizeof(lockobject));
    if (l == NULL)
        return RpErr_NoMemory();
    memset(l, 0, sizeof *l);
    RpObject_Init((RpObject *)l, &RpLock_Type);
    pthread_mutex_init(&l->mutex, NULL);
    pthread_cond_init(&l->cond, NULL);
    return (RpObject *)l;
}

static void lock_dealloc(RpObject *self)
{
    lockobject *l = (lockobject *)self;
    if (l->weakreflist)
        RpObject_ClearWeakRefs(self);
    pthread_mutex_destroy(&l->mutex);
    pthread_cond_destroy(&l->cond);
    RpObject_Free(self);
}

static RpObject *lock_acquire(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                              RpObject *kwnames)
{
    double timeout;
    if (parse_acquire(args, nargs, kwnames, &timeout) < 0)
        return NULL;
    return RpBool_FromLong(lock_take((lockobject *)self, timeout));
}

static RpObject *lock_release(RpObject *self, RpObject *unused)
{
    lockobject *l = (lockobject *)self;
    if (!l->locked)
        return RpErr_Format(RpExc_RuntimeError, "release unlocked lock");
    lock_give(l);
    Rp_RETURN_NONE;
}

static RpObject *lock_exit(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    return lock_release(self, NULL);
}

static RpObject *lock_locked(RpObject *self, RpObject *unused)
{
    return RpBool_FromLong(((lockobject *)self)->locked);
}

static RpObject *lock_repr(RpObject *self)
{
    return RpUnicode_FromFormat("<%s %s object at %p>",
                                ((lockobject *)self)->locked ? "locked" : "unlocked",
                                _RpType_Name(Rp_TYPE(self)), (void *)self);
}

/* After fork() in the child: a lock held by a thread that no longer exists
 * would stay locked forever; threading re-creates its own locks. */
static RpObject *lock_at_fork_reinit(RpObject *self, RpObject *unused)
{
    lockobject *l = (lockobject *)self;
    pthread_mutex_init(&l->mutex, NULL);
    pthread_cond_init(&l->cond, NULL);
    l->locked = 0;
    Rp_RETURN_NONE;
}

#define FASTKW (RP_METH_FASTCALL | RP_METH_KEYWORDS)
static RpMethodDef lock_methods[] = {
    {"acquire", FAST(lock_acquire), FASTKW, NULL},
    {"acquire_lock", FAST(lock_acquire), FASTKW, NULL},
    {"__enter__", FAST(lock_acquire), FASTKW, NULL},
    {"release", lock_release, RP_METH_NOARGS, NULL},
    {"release_lock", lock_release, RP_METH_NOARGS, NULL},
    {"__exit__", FAST(lock_exit), RP_METH_FASTCALL, NULL},
    {"locked", lock_locked, RP_METH_NOARGS, NULL},
    {"locked_lock", lock_locked, RP_METH_NOARGS, NULL},
    {"_at_fork_reinit", lock_at_fork_reinit, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

RpTypeObject RpLock_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "_thread.lock",
    .tp_basicsize = sizeof(lockobject),
    .tp_dealloc = lock_dealloc,
    .tp_repr = lock_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT,
    .tp_weaklistoffset = offsetof(lockobject, weakreflist),
    .tp_methods = lock_methods,
};

/* ---- reentrant locks ----------------------------------------------------- */

static unsigned long self_id(void)
{
    return (unsigned long)pthread_self();
}

static RpObject *rlock_new(RpTypeObject *t, RpObject *args, RpObject *kwds)
{
    RpObject *self = t->tp_alloc(t, 0);
    if (self == NULL)
        return NULL;
    ((rlockobject *)self)->lock = (lockobject *)lock_new_raw();
    if (((rlockobject *)self)->lock == NULL) {
        Rp_DECREF(self);
        return NULL;
    }
    return self;
}

static void rlock_dealloc(RpObject *self)
{
    rlockobject *r = (rlockobject *)self;
    if (r->weakreflist)
        RpObject_ClearWeakRefs(self);
    Rp_XDECREF(r->lock);
    Rp_TYPE(self)->tp_free(self);
}

static RpObject *rlock_acquire(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                               RpObject *kwnames)
{
    rlockobject *r = (rlockobject *)self;
    double timeout;
    if (parse_acquire(args, nargs, kwnames, &timeout) < 0)
        return NULL;
    unsigned long me = self_id();
    if (r->count > 0 && r->owner == me) {
        if (r->count == ULONG_MAX)
            return RpErr_Format(RpExc_OverflowError, "Internal lock count overflowed");
        r->count++;
        Rp_RETURN_TRUE;
    }
    if (!lock_take(r->lock, timeout))
        Rp_RETURN_FALSE;
    r->owner = me;
    r->count = 1;
    Rp_RETURN_TRUE;
}

static RpObject *rlock_release(RpObject *self, RpObject *unused)
{
    rlockobject *r = (rlockobject *)self;
    if (r->count == 0 || r->owner != self_id())
        return RpErr_Format(RpExc_RuntimeError, "cannot release un-acquired lock");
    if (--r->count == 0) {
        r->owner = 0;
        lock_give(r->lock);
    }
    Rp_RETURN_NONE;
}

static RpObject *rlock_exit(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    return rlock_release(self, NULL);
}

static RpObject *rlock_is_owned(RpObject *self, RpObject *unused)
{
    rlockobject *r = (rlockobject *)self;
    return RpBool_FromLong(r->count > 0 && r->owner == self_id());
}

/* Condition.wait() support: release completely, remembering the depth. */
static RpObject *rlock_release_save(RpObject *self, RpObject *unused)
{
    rlockobject *r = (rlockobject *)self;
    if (r->count == 0)
        return RpErr_Format(RpExc_RuntimeError, "cannot release un-acquired lock");
    RpObject *cnt = RpLong_FromUnsignedLongLong(r->count);
    RpObject *own = RpLong_FromUnsignedLongLong(r->owner);
    RpObject *state = cnt && own ? RpTuple_Pack(2, cnt, own) : NULL;
    Rp_XDECREF(cnt);
    Rp_XDECREF(own);
    if (state == NULL)
        return NULL;
    r->count = 0;
    r->owner = 0;
    lock_give(r->lock);
    return state;
}

static RpObject *rlock_acquire_restore(RpObject *self, RpObject *state)
{
    rlockobject *r = (rlockobject *)self;
    if (!RpTuple_Check(state) || RpTuple_GET_SIZE(state) != 2)
        return RpErr_Format(RpExc_TypeError, "_acquire_restore() argument must be a 2-tuple");
    long long cnt = RpLong_AsLongLong(RpTuple_GET_ITEM(state, 0));
    long long own = RpLong_AsLongLong(RpTuple_GET_ITEM(state, 1));
    if (RpErr_Occurred())
        return NULL;
    lock_take(r->lock, -1);
    r->owner = (unsigned long)own;
    r->count = (unsigned long)cnt;
    Rp_RETURN_NONE;
}

static RpObject *rlock_repr(RpObject *self)
{
    rlockobject *r = (rlockobject *)self;
    return RpUnicode_FromFormat("<%s %s object owner=%lu count=%lu at %p>",
                                r->count ? "locked" : "unlocked", Rp_TYPE(self)->tp_name,
                                r->owner, r->count, (void *)self);
}

static RpObject *rlock_at_fork_reinit(RpObject *self, RpObject *unused)
{
    rlockobject *r = (rlockobject *)self;
    r->owner = 0;
    r->count = 0;
    return lock_at_fork_reinit((RpObject *)r->lock, NULL);
}

static RpMethodDef rlock_methods[] = {
    {"acquire", FAST(rlock_acquire), FASTKW, NULL},
    {"__enter__", FAST(rlock_acquire), FASTKW, NULL},
    {"release", rlock_release, RP_METH_NOARGS, NULL},
    {"__exit__", FAST(rlock_exit), RP_METH_FASTCALL, NULL},
    {"_is_owned", rlock_is_owned, RP_METH_NOARGS, NULL},
    {"_release_save", rlock_release_save, RP_METH_NOARGS, NULL},
    {"_acquire_restore", rlock_acquire_restore, RP_METH_O, NULL},
    {"_at_fork_reinit", rlock_at_fork_reinit, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

RpTypeObject RpRLock_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "_thread.RLock",
    .tp_basicsize = sizeof(rlockobject),
    .tp_dealloc = rlock_dealloc,
    .tp_repr = rlock_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_BASETYPE,
    .tp_weaklistoffset = offsetof(rlockobject, weakreflist),
    .tp_methods = rlock_methods,
    .tp_new = rlock_new,
};

/* ---- thread-local data -------------------------------------------------- */

typedef struct {
    RpObject_HEAD
    RpObject *key;        /* unique str naming this local in thread dicts */
    RpObject *args, *kw;  /* for a subclass's __init__ in each new thread */
    RpObject *dict;       /* the current thread's dict (swapped in on access) */
    RpObject *weakreflist;
} localobject;

static RpObject *local_new(RpTypeObject *t, RpObject *args, RpObject *kw)
{
    if (t->tp_init == RpBaseObject_Type.tp_init &&
        ((args && RpTuple_GET_SIZE(args)) || (kw && RpDict_GET_SIZE(kw))))
        return RpErr_Format(RpExc_TypeError, "Initialization arguments are not supported");
    localobject *self = (localobject *)t->tp_alloc(t, 0);
    if (self == NULL)
        return NULL;
    self->args = Rp_XNewRef(args);
    self->kw = Rp_XNewRef(kw);
    self->key = RpUnicode_FromFormat("_thread._local.%p", (void *)self);
    if (self->key == NULL) {
        Rp_DECREF(self);
        return NULL;
    }
    return (RpObject *)self;
}

/* This thread's dict for the local (made, and __init__ run, on first use
 * in each thread).  Borrowed from the thread state's dict. */
static RpObject *local_dict(localobject *self)
{
    RpThreadState *ts = RpThreadState_Get();
    if (ts->dict == NULL && (ts->dict = RpDict_New()) == NULL)
        return NULL;
    RpObject *d = RpDict_GetItemWithError(ts->dict, self->key);
    if (d != NULL || RpErr_Occurred())
        return d;
    d = RpDict_New();
    if (d == NULL || RpDict_SetItem(ts->dict, self->key, d) < 0) {
        Rp_XDECREF(d);
        return NULL;
    }
    Rp_DECREF(d);   /* the thread's dict holds it */
    Rp_XSETREF(self->dict, Rp_NewRef(d));
    if (Rp_TYPE(self)->tp_init != RpBaseObject_Type.tp_init) {
        RpObject *args = self->args ? Rp_NewRef(self->args) : RpTuple_New(0);
        int r = args ? Rp_TYPE(self)->tp_init((RpObject *)self, args, self->kw) : -1;
        Rp_XDECREF(args);
        if (r < 0) {
            RpDict_DelItem(ts->dict, self->key);
            return NULL;
        }
    }
    return d;
}

static int select_dict(localobject *self)
{
    RpObject *d = local_dict(self);
    if (d == NULL)
        return -1;
    if (self->dict != d)
        Rp_XSETREF(self->dict, Rp_NewRef(d));
    return 0;
}

static RpObject *local_getattro(RpObject *self, RpObject *name)
{
    if (select_dict((localobject *)self) < 0)
        return NULL;
    return RpObject_GenericGetAttr(self, name);
}

static int local_setattro(RpObject *self, RpObject *name, RpObject *v)
{
    if (RpUnicode_Check(name) && _RpUnicode_EqualToASCIIString(name, "__dict__")) {
        RpErr_Format(RpExc_AttributeError, "'%s' object attribute '__dict__' is read-only",
                     _RpType_Name(Rp_TYPE(self)));
        return -1;
    }
    if (select_dict((localobject *)self) < 0)
        return -1;
    return RpObject_GenericSetAttr(self, name, v);
}

static int local_traverse(RpObject *self, visitproc visit, void *arg)
{
    localobject *l = (localobject *)self;
    Rp_VISIT(l->args);
    Rp_VISIT(l->kw);
    Rp_VISIT(l->dict);
    return 0;
}

/* Every thread's dict entry for this local goes when the local goes. */
static void local_forget(localobject *l)
{
    RpInterpreterState *interp = RpInterp_Get();
    for (RpThreadState *t = interp ? interp->threads : NULL; t && l->key; t = t->next) {
        if (t->dict && RpDict_DelItem(t->dict, l->key) < 0)
            RpErr_Clear();
    }
}

static int local_clear(RpObject *self)
{
    localobject *l = (localobject *)self;
    Rp_CLEAR(l->args);
    Rp_CLEAR(l->kw);
    Rp_CLEAR(l->dict);
    return 0;
}

static void local_dealloc(RpObject *self)
{
    localobject *l = (localobject *)self;
    RpObject_GC_UnTrack(self);
    if (l->weakreflist)
        RpObject_ClearWeakRefs(self);
    local_forget(l);
    local_clear(self);
    Rp_CLEAR(l->key);
    Rp_TYPE(self)->tp_free(self);
}

RpTypeObject RpLocal_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "_thread._local",
    .tp_basicsize = sizeof(localobject),
    .tp_dealloc = local_dealloc,
    .tp_getattro = local_getattro,
    .tp_setattro = local_setattro,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_BASETYPE | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = local_traverse,
    .tp_clear = local_clear,
    .tp_weaklistoffset = offsetof(localobject, weakreflist),
    .tp_dictoffset = offsetof(localobject, dict),
    .tp_new = local_new,
};

/* ---- threads ------------------------------------------------------------- */

typedef struct bootstate {
    RpThreadState *ts;
    RpObject *func, *args, *kwargs;
    struct bootstate *prev, *next;
} bootstate;

/* Threads started and not finished.  Linked here (under the GIL) so that
 * a child forked meanwhile, in which those threads do not exist, still
 * reaches their boot state instead of leaking it unreachably. */
static bootstate *pending;

static void pending_add(bootstate *b)
{
    b->prev = NULL;
    b->next = pending;
    if (pending)
        pending->prev = b;
    pending = b;
}

static void pending_remove(bootstate *b)
{
    if (b->prev)
        b->prev->next = b->next;
    else
        pending = b->next;
    if (b->next)
        b->next->prev = b->prev;
}

/* A thread that finds the interpreter finalizing never runs Python code
 * again (CPython does the same for daemon threads at exit). */
static void exit_if_finalizing(RpThreadState *ts)
{
    if (ts->interp->finalizing) {
        RpGIL_Release(ts);
        pthread_exit(NULL);
    }
}

static void report_thread_error(RpObject *func)
{
    if (RpErr_ExceptionMatches(RpExc_SystemExit)) {
        RpErr_Clear();
        return;
    }
    RpObject *exc = RpErr_GetRaisedException();
    RpObject *r = RpObject_Repr(func);
    RpSys_WriteStderr("Exception ignored in thread started by: %s\n",
                      r ? RpUnicode_AsUTF8(r) : "<function>");
    Rp_XDECREF(r);
    RpErr_Clear();
    RpErr_Display(exc);
    Rp_DECREF(exc);
}

static void *thread_main(void *arg)
{
    bootstate *b = arg;
    RpThreadState *ts = b->ts;
    RpGIL_Acquire(ts);
    exit_if_finalizing(ts);
    ts->thread_id = (unsigned long)pthread_self();
    RpObject *r = RpObject_Call(b->func, b->args, b->kwargs);
    if (r == NULL)
        report_thread_error(b->func);
    Rp_XDECREF(r);
    Rp_DECREF(b->func);
    Rp_DECREF(b->args);
    Rp_XDECREF(b->kwargs);
    pending_remove(b);
    RpMem_RawFree(b);
    RpThreadState_Clear(ts);
    atomic_fetch_sub(&thread_count, 1);
    /* The state must leave the interpreter's list while the GIL is held;
     * afterwards only the interpreter is needed to give the GIL back. */
    RpInterpreterState *interp = ts->interp;
    RpThreadState_Delete(ts);
    RpThreadState gone = {.interp = interp};
    RpGIL_Release(&gone);
    return NULL;
}

static RpObject *thread_start_new(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("start_new_thread", nargs, 2, 3))
        return NULL;
    RpObject *func = args[0], *fargs = args[1], *kw = nargs > 2 ? args[2] : NULL;
    if (!RpCallable_Check(func))
        return RpErr_Format(RpExc_TypeError, "first arg must be callable");
    if (!RpTuple_Check(fargs))
        return RpErr_Format(RpExc_TypeError, "2nd arg must be a tuple");
    if (kw != NULL && !RpDict_Check(kw))
        return RpErr_Format(RpExc_TypeError, "optional 3rd arg must be a dictionary");
    bootstate *b = RpMem_RawMalloc(sizeof *b);
    if (b == NULL)
        return RpErr_NoMemory();
    b->ts = RpThreadState_New(RpInterp_Get());
    if (b->ts == NULL) {
        RpMem_RawFree(b);
        return RpErr_NoMemory();
    }
    b->func = Rp_NewRef(func);
    b->args = Rp_NewRef(fargs);
    b->kwargs = Rp_XNewRef(kw);
    pthread_t tid;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    atomic_fetch_add(&thread_count, 1);
    pending_add(b);
    int rc = pthread_create(&tid, &attr, thread_main, b);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        pending_remove(b);
        atomic_fetch_sub(&thread_count, 1);
        Rp_DECREF(b->func);
        Rp_DECREF(b->args);
        Rp_XDECREF(b->kwargs);
        RpThreadState_Delete(b->ts);
        RpMem_RawFree(b);
        return RpErr_Format(RpExc_RuntimeError, "can't start new thread");
    }
    return RpLong_FromUnsignedLongLong((unsigned long long)tid);
}

static RpObject *thread_get_ident(RpObject *self, RpObject *unused)
{
    return RpLong_FromUnsignedLongLong((unsigned long long)pthread_self());
}

static RpObject *thread_get_native_id(RpObject *self, RpObject *unused)
{
    return RpLong_FromLong((long)syscall(SYS_gettid));
}

static RpObject *thread_count_fn(RpObject *self, RpObject *unused)
{
    return RpLong_FromLong(atomic_load(&thread_count));
}

static RpObject *thread_allocate_lock(RpObject *self, RpObject *unused)
{
    return lock_new_raw();
}

static RpObject *thread_exit(RpObject *self, RpObject *unused)
{
    RpErr_SetNone(RpExc_SystemExit);
    return NULL;
}

static RpObject *thread_stack_size(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("stack_size", nargs, 0, 1))
        return NULL;
    return RpLong_FromLong(0);
}

static RpObject *thread_interrupt_main(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    _RpEval_SignalBreaker(RP_EVAL_SIGNALS);
    Rp_RETURN_NONE;
}

static RpMethodDef thread_methods[] = {
    {"start_new_thread", FAST(thread_start_new), RP_METH_FASTCALL, NULL},
    {"start_new", FAST(thread_start_new), RP_METH_FASTCALL, NULL},
    {"get_ident", thread_get_ident, RP_METH_NOARGS, NULL},
    {"get_native_id", thread_get_native_id, RP_METH_NOARGS, NULL},
    {"_count", thread_count_fn, RP_METH_NOARGS, NULL},
    {"allocate_lock", thread_allocate_lock, RP_METH_NOARGS, NULL},
    {"allocate", thread_allocate_lock, RP_METH_NOARGS, NULL},
    {"exit", thread_exit, RP_METH_NOARGS, NULL},
    {"stack_size", FAST(thread_stack_size), RP_METH_FASTCALL, NULL},
    {"interrupt_main", FAST(thread_interrupt_main), RP_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

RpObject *RpInit__thread(void)
{
    RpObject *m = RpModule_New("_thread");
    if (m == NULL)
        return NULL;
    RpObject *tmax = RpFloat_FromDouble(TIMEOUT_MAX_SECONDS);
    int bad = tmax == NULL || RpModule_AddFunctions(m, thread_methods) < 0 ||
              RpModule_AddObjectRef(m, "LockType", (RpObject *)&RpLock_Type) < 0 ||
              RpModule_AddObjectRef(m, "lock", (RpObject *)&RpLock_Type) < 0 ||
              RpModule_AddObjectRef(m, "RLock", (RpObject *)&RpRLock_Type) < 0 ||
              RpModule_AddObjectRef(m, "_local", (RpObject *)&RpLocal_Type) < 0 ||
              RpModule_AddObjectRef(m, "error", RpExc_RuntimeError) < 0 ||
              RpModule_AddObjectRef(m, "TIMEOUT_MAX", tmax) < 0;
    Rp_XDECREF(tmax);
    if (bad)
        Rp_CLEAR(m);
    return m;
}
