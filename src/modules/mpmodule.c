/* mpmodule.c -- the `_multiprocessing` module: what lib/multiprocessing
 * needs from the OS and cannot write in Python.
 *
 *   SemLock   a POSIX semaphore in an anonymous MAP_SHARED page, so every
 *             process forked after its creation shares it (Lock, RLock,
 *             Semaphore, the queues' reader/writer locks).
 *   Shm       a block of anonymous shared memory with typed get/set, under
 *             Value and Array.
 *   socketpair, wait, send_bytes, recv_bytes
 *             the wire of Connection and Queue: a message is a 4-byte
 *             big-endian length and the payload; waiting uses poll().
 * Everything that can block releases the GIL.
 */
#include "rp.h"
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define FAST(f) ((RpCFunction)(void (*)(void))(f))
#define FASTKW (RP_METH_FASTCALL | RP_METH_KEYWORDS)
enum { RECURSIVE_MUTEX = 0, SEMAPHORE = 1 };

/* A zeroed anonymous shared mapping, or NULL with MemoryError/OSError. */
static void *shared_map(size_t size)
{
    void *p = mmap(NULL, size ? size : 1, PROT_READ | PROT_WRITE,
                   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        RpErr_SetFromErrno(RpExc_OSError);
        return NULL;
    }
    return p;
}

/* ---- SemLock ------------------------------------------------------------- */

typedef struct {
    RpObject_HEAD
    sem_t *sem;               /* in shared memory */
    int kind, maxvalue;
    int count;                /* acquisitions held by this process */
    pid_t last_pid;           /* who holds it (recursive ownership) */
    unsigned long last_tid;
    RpObject *weakreflist;
} semlockobject;

static int is_mine(semlockobject *s)
{
    return s->count > 0 && s->last_pid == getpid() &&
           s->last_tid == (unsigned long)pthread_self();
}

static RpObject *semlock_new(RpTypeObject *t, RpObject *args, RpObject *kwds)
{
    int kind, value, maxvalue;
    RpObject *a = RpTuple_Check(args) && RpTuple_GET_SIZE(args) == 3 ? args : NULL;
    if (a == NULL)
        return RpErr_Format(RpExc_TypeError, "SemLock(kind, value, maxvalue)");
    long k = RpLong_AsLong(RpTuple_GET_ITEM(a, 0)), v = RpLong_AsLong(RpTuple_GET_ITEM(a, 1));
    long m = RpLong_AsLong(RpTuple_GET_ITEM(a, 2));
    if (RpErr_Occurred())
        return NULL;
    if ((k != RECURSIVE_MUTEX && k != SEMAPHORE) || v < 0 || m < 1)
        return RpErr_Format(RpExc_ValueError, "invalid SemLock arguments");
    kind = (int)k;
    value = (int)v;
    maxvalue = m > INT_MAX ? INT_MAX : (int)m;
    sem_t *sem = shared_map(sizeof(sem_t));
    if (sem == NULL)
        return NULL;
    if (sem_init(sem, 1, (unsigned)value) != 0) {
        munmap(sem, sizeof(sem_t));
        return RpErr_SetFromErrno(RpExc_OSError);
    }
    semlockobject *self = (semlockobject *)t->tp_alloc(t, 0);
    if (self == NULL) {
        munmap(sem, sizeof(sem_t));
        return NULL;
    }
    self->sem = sem;
    self->kind = kind;
    self->maxvalue = maxvalue;
    return (RpObject *)self;
}

static void semlock_dealloc(RpObject *o)
{
    semlockobject *s = (semlockobject *)o;
    if (s->weakreflist)
        RpObject_ClearWeakRefs(o);
    /* Other processes may still use the semaphore: only unmap our view. */
    if (s->sem)
        munmap(s->sem, sizeof(sem_t));
    Rp_TYPE(o)->tp_free(o);
}

/* Wait for the semaphore with the GIL released; timeout < 0: forever.
 * 1 acquired, 0 timed out, -1 error set. */
static int sem_take(sem_t *sem, double timeout)
{
    if (sem_trywait(sem) == 0)
        return 1;
    if (errno != EAGAIN && errno != EINTR) {
        RpErr_SetFromErrno(RpExc_OSError);
        return -1;
    }
    if (timeout == 0)
        return 0;
    struct timespec dl;
    clock_gettime(CLOCK_REALTIME, &dl);
    if (timeout > 0) {
        double whole = floor(timeout);
        dl.tv_sec += (time_t)whole;
        dl.tv_nsec += (long)((timeout - whole) * 1e9);
        if (dl.tv_nsec >= 1000000000) {
            dl.tv_sec++;
            dl.tv_nsec -= 1000000000;
        }
    }
    int r, err;
    do {
        RP_BEGIN_ALLOW_THREADS
        r = timeout < 0 ? sem_wait(sem) : sem_timedwait(sem, &dl);
        err = errno;
        RP_END_ALLOW_THREADS
    } while (r != 0 && err == EINTR);
    if (r == 0)
        return 1;
    if (err == ETIMEDOUT)
        return 0;
    errno = err;
    RpErr_SetFromErrno(RpExc_OSError);
    return -1;
}

static RpObject *semlock_acquire(RpObject *o, RpObject *const *args, Rp_ssize_t nargs,
                                 RpObject *kwnames)
{
    static const char *const names[] = {"block", "timeout", NULL};
    RpObject *a[2] = {NULL, NULL};
    if (_RpArg_ParseVector("acquire", args, nargs, kwnames, names, 2, 0, a) < 0)
        return NULL;
    semlockobject *s = (semlockobject *)o;
    int block = a[0] ? RpObject_IsTrue(a[0]) : 1;
    double timeout = -1;
    if (block < 0)
        return NULL;
    if (a[1] != NULL && a[1] != Rp_None) {
        timeout = RpFloat_AsDouble(a[1]);
        if (timeout == -1 && RpErr_Occurred())
            return NULL;
        if (timeout < 0)
            timeout = 0;
    }
    if (!block)
        timeout = 0;
    if (s->kind == RECURSIVE_MUTEX && is_mine(s)) {
        s->count++;
        Rp_RETURN_TRUE;
    }
    int r = sem_take(s->sem, timeout);
    if (r < 0)
        return NULL;
    if (r == 0)
        Rp_RETURN_FALSE;
    s->count++;
    s->last_pid = getpid();
    s->last_tid = (unsigned long)pthread_self();
    Rp_RETURN_TRUE;
}

static RpObject *semlock_release(RpObject *o, RpObject *unused)
{
    semlockobject *s = (semlockobject *)o;
    if (s->kind == RECURSIVE_MUTEX) {
        if (!is_mine(s))
            return RpErr_Format(RpExc_AssertionError,
                                "attempt to release recursive lock not owned by thread");
        if (s->count > 1) {
            s->count--;
            Rp_RETURN_NONE;
        }
    } else {
        int v = 0;
        if (sem_getvalue(s->sem, &v) != 0)
            return RpErr_SetFromErrno(RpExc_OSError);
        if (v >= s->maxvalue)
            return RpErr_Format(RpExc_ValueError, "semaphore or lock released too many times");
    }
    if (sem_post(s->sem) != 0)
        return RpErr_SetFromErrno(RpExc_OSError);
    if (s->count > 0)
        s->count--;
    Rp_RETURN_NONE;
}

static RpObject *semlock_exit(RpObject *o, RpObject *const *args, Rp_ssize_t nargs)
{
    return semlock_release(o, NULL);
}

static RpObject *semlock_count(RpObject *o, RpObject *u)
{
    return RpLong_FromLong(((semlockobject *)o)->count);
}

static RpObject *semlock_is_mine(RpObject *o, RpObject *u)
{
    return RpBool_FromLong(is_mine((semlockobject *)o));
}

static RpObject *semlock_get_value(RpObject *o, RpObject *u)
{
    int v = 0;
    if (sem_getvalue(((semlockobject *)o)->sem, &v) != 0)
        return RpErr_SetFromErrno(RpExc_OSError);
    return RpLong_FromLong(v < 0 ? 0 : v);
}

static RpObject *semlock_is_zero(RpObject *o, RpObject *u)
{
    int v = 0;
    if (sem_getvalue(((semlockobject *)o)->sem, &v) != 0)
        return RpErr_SetFromErrno(RpExc_OSError);
    return RpBool_FromLong(v <= 0);
}

static RpObject *semlock_after_fork(RpObject *o, RpObject *u)
{
    ((semlockobject *)o)->count = 0;
    Rp_RETURN_NONE;
}

static RpObject *semlock_kind(RpObject *o, RpObject *u)
{
    return RpLong_FromLong(((semlockobject *)o)->kind);
}

static RpObject *semlock_maxvalue(RpObject *o, RpObject *u)
{
    return RpLong_FromLong(((semlockobject *)o)->maxvalue);
}

static RpMethodDef semlock_methods[] = {
    {"acquire", FAST(semlock_acquire), FASTKW, NULL},
    {"__enter__", FAST(semlock_acquire), FASTKW, NULL},
    {"release", semlock_release, RP_METH_NOARGS, NULL},
    {"__exit__", FAST(semlock_exit), RP_METH_FASTCALL, NULL},
    {"_count", semlock_count, RP_METH_NOARGS, NULL},
    {"_is_mine", semlock_is_mine, RP_METH_NOARGS, NULL},
    {"_get_value", semlock_get_value, RP_METH_NOARGS, NULL},
    {"_is_zero", semlock_is_zero, RP_METH_NOARGS, NULL},
    {"_after_fork", semlock_after_fork, RP_METH_NOARGS, NULL},
    {"_kind", semlock_kind, RP_METH_NOARGS, NULL},
    {"_maxvalue", semlock_maxvalue, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static RpTypeObject SemLock_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "_multiprocessing.SemLock",
    .tp_basicsize = sizeof(semlockobject),
    .tp_dealloc = semlock_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT,
    .tp_weaklistoffset = offsetof(semlockobject, weakreflist),
    .tp_methods = semlock_methods,
    .tp_new = semlock_new,
};

/* ---- Shm: typed shared memory ------------------------------------------- */

typedef struct {
    RpObject_HEAD
    char *data;
    Rp_ssize_t size;
} shmobject;

static RpObject *shm_new(RpTypeObject *t, RpObject *args, RpObject *kwds)
{
    if (!RpTuple_Check(args) || RpTuple_GET_SIZE(args) != 1)
        return RpErr_Format(RpExc_TypeError, "Shm(size)");
    Rp_ssize_t n = RpNumber_AsSsize_t(RpTuple_GET_ITEM(args, 0), RpExc_OverflowError);
    if (n == -1 && RpErr_Occurred())
        return NULL;
    if (n < 0)
        return RpErr_Format(RpExc_ValueError, "negative size");
    char *p = shared_map((size_t)n);
    if (p == NULL)
        return NULL;
    shmobject *self = (shmobject *)t->tp_alloc(t, 0);
    if (self == NULL) {
        munmap(p, n ? (size_t)n : 1);
        return NULL;
    }
    self->data = p;
    self->size = n;
    return (RpObject *)self;
}

static void shm_dealloc(RpObject *o)
{
    shmobject *s = (shmobject *)o;
    if (s->data)
        munmap(s->data, s->size ? (size_t)s->size : 1);
    Rp_TYPE(o)->tp_free(o);
}

static Rp_ssize_t code_size(char c)
{
    switch (c) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': return sizeof(short);
    case 'i': case 'I': return sizeof(int);
    case 'l': case 'L': return sizeof(long);
    case 'q': case 'Q': return sizeof(long long);
    case 'f': return sizeof(float);
    case 'd': return sizeof(double);
    default: return 0;
    }
}

/* (typecode, index) -> address of the element, or NULL with an error. */
static char *shm_addr(shmobject *s, RpObject *code, RpObject *index, char *c)
{
    const char *cs = RpUnicode_Check(code) ? RpUnicode_AsUTF8(code) : NULL;
    Rp_ssize_t sz = cs && cs[0] && !cs[1] ? code_size(cs[0]) : 0;
    if (sz == 0) {
        RpErr_SetString(RpExc_TypeError, "unsupported type code");
        return NULL;
    }
    Rp_ssize_t i = RpNumber_AsSsize_t(index, RpExc_IndexError);
    if (i == -1 && RpErr_Occurred())
        return NULL;
    if (i < 0 || (i + 1) * sz > s->size) {
        RpErr_SetString(RpExc_IndexError, "invalid index");
        return NULL;
    }
    *c = cs[0];
    return s->data + i * sz;
}

static RpObject *shm_get(RpObject *o, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("get", nargs, 2, 2))
        return NULL;
    char c;
    char *p = shm_addr((shmobject *)o, args[0], args[1], &c);
    if (p == NULL)
        return NULL;
    switch (c) {
    case 'c': return RpBytes_FromStringAndSize(p, 1);
    case 'b': return RpLong_FromLong(*(signed char *)p);
    case 'B': return RpLong_FromLong(*(unsigned char *)p);
    case '?': return RpBool_FromLong(*(unsigned char *)p != 0);
    case 'h': return RpLong_FromLong(*(short *)p);
    case 'H': return RpLong_FromLong(*(unsigned short *)p);
    case 'i': return RpLong_FromLong(*(int *)p);
    case 'I': return RpLong_FromLongLong(*(unsigned int *)p);
    case 'l': return RpLong_FromLong(*(long *)p);
    case 'q': return RpLong_FromLongLong(*(long long *)p);
    case 'L': case 'Q': {
        unsigned long long v = *(unsigned long long *)p;
        if (v > LLONG_MAX)
            return RpErr_Format(RpExc_OverflowError, "value too large");
        return RpLong_FromLongLong((long long)v);
    }
    case 'f': return RpFloat_FromDouble(*(float *)p);
    default: return RpFloat_FromDouble(*(double *)p);
    }
}

static RpObject *shm_set(RpObject *o, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("set", nargs, 3, 3))
        return NULL;
    char c;
    char *p = shm_addr((shmobject *)o, args[0], args[1], &c);
    if (p == NULL)
        return NULL;
    RpObject *v = args[2];
    if (c == 'c') {
        if (!RpBytes_Check(v) || RpBytes_GET_SIZE(v) != 1)
            return RpErr_Format(RpExc_TypeError, "one character bytes, bytearray or integer expected");
        *p = RpBytes_AS_STRING(v)[0];
        Rp_RETURN_NONE;
    }
    if (c == 'f' || c == 'd') {
        double d = RpFloat_AsDouble(v);
        if (d == -1 && RpErr_Occurred())
            return NULL;
        if (c == 'f')
            *(float *)p = (float)d;
        else
            *(double *)p = d;
        Rp_RETURN_NONE;
    }
    if (c == '?') {
        int t = RpObject_IsTrue(v);
        if (t < 0)
            return NULL;
        *(unsigned char *)p = (unsigned char)t;
        Rp_RETURN_NONE;
    }
    if (!RpLong_Check(v))
        return RpErr_Format(RpExc_TypeError, "int expected instead of %s",
                            _RpType_Name(Rp_TYPE(v)));
    /* ctypes semantics: integers wrap silently to the field's width. */
    long long x = RpLong_AsLongLong(v);
    if (x == -1 && RpErr_Occurred())
        return NULL;
    switch (c) {
    case 'b': case 'B': *(unsigned char *)p = (unsigned char)x; break;
    case 'h': case 'H': *(unsigned short *)p = (unsigned short)x; break;
    case 'i': case 'I': *(unsigned int *)p = (unsigned int)x; break;
    case 'l': case 'L': *(unsigned long *)p = (unsigned long)x; break;
    default: *(unsigned long long *)p = (unsigned long long)x; break;
    }
    Rp_RETURN_NONE;
}

/* getbytes(start, stop) and setbytes(start, data): raw access for 'c'. */
static RpObject *shm_getbytes(RpObject *o, RpObject *const *args, Rp_ssize_t nargs)
{
    shmobject *s = (shmobject *)o;
    if (!_RpArg_CheckPositional("getbytes", nargs, 2, 2))
        return NULL;
    Rp_ssize_t a = RpNumber_AsSsize_t(args[0], NULL), b = RpNumber_AsSsize_t(args[1], NULL);
    if (RpErr_Occurred())
        return NULL;
    if (a < 0 || b > s->size || a > b)
        return RpErr_Format(RpExc_IndexError, "invalid range");
    return RpBytes_FromStringAndSize(s->data + a, b - a);
}

static RpObject *shm_setbytes(RpObject *o, RpObject *const *args, Rp_ssize_t nargs)
{
    shmobject *s = (shmobject *)o;
    if (!_RpArg_CheckPositional("setbytes", nargs, 2, 2))
        return NULL;
    Rp_ssize_t a = RpNumber_AsSsize_t(args[0], NULL);
    if (a == -1 && RpErr_Occurred())
        return NULL;
    if (!RpBytes_Check(args[1]))
        return RpErr_Format(RpExc_TypeError, "bytes expected");
    Rp_ssize_t n = RpBytes_GET_SIZE(args[1]);
    if (a < 0 || a + n > s->size)
        return RpErr_Format(RpExc_ValueError, "byte string too long");
    memcpy(s->data + a, RpBytes_AS_STRING(args[1]), (size_t)n);
    Rp_RETURN_NONE;
}

static RpObject *shm_size(RpObject *o, RpObject *u)
{
    return RpLong_FromSsize_t(((shmobject *)o)->size);
}

static RpMethodDef shm_methods[] = {
    {"get", FAST(shm_get), RP_METH_FASTCALL, NULL},
    {"set", FAST(shm_set), RP_METH_FASTCALL, NULL},
    {"getbytes", FAST(shm_getbytes), RP_METH_FASTCALL, NULL},
    {"setbytes", FAST(shm_setbytes), RP_METH_FASTCALL, NULL},
    {"size", shm_size, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static RpTypeObject Shm_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "_multiprocessing.Shm",
    .tp_basicsize = sizeof(shmobject),
    .tp_dealloc = shm_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT,
    .tp_methods = shm_methods,
    .tp_new = shm_new,
};

/* ---- the wire ------------------------------------------------------------ */

static int int_arg(RpObject *o, int *out)
{
    long v = RpLong_AsLong(o);
    if (v == -1 && RpErr_Occurred())
        return -1;
    *out = (int)v;
    return 0;
}

static RpObject *mp_socketpair(RpObject *self, RpObject *unused)
{
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        return RpErr_SetFromErrno(RpExc_OSError);
    RpObject *a = RpLong_FromLong(fds[0]), *b = RpLong_FromLong(fds[1]);
    RpObject *t = a && b ? RpTuple_Pack(2, a, b) : NULL;
    Rp_XDECREF(a);
    Rp_XDECREF(b);
    return t;
}

/* wait(fds, timeout=None) -> the fds that are readable or at EOF. */
static RpObject *mp_wait(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("wait", nargs, 1, 2))
        return NULL;
    RpObject *seq = RpSequence_Fast(args[0], "wait() expects a sequence of fds");
    if (seq == NULL)
        return NULL;
    Rp_ssize_t n = RpSequence_Fast_GET_SIZE(seq);
    int ms = -1;
    if (nargs == 2 && args[1] != Rp_None) {
        double t = RpFloat_AsDouble(args[1]);
        if (t == -1 && RpErr_Occurred()) {
            Rp_DECREF(seq);
            return NULL;
        }
        ms = t <= 0 ? 0 : t > 1e9 ? 1000000000 : (int)ceil(t * 1000);
    }
    struct pollfd *p = RpMem_Malloc(sizeof(struct pollfd) * (size_t)(n ? n : 1));
    RpObject *res = NULL;
    if (p == NULL) {
        Rp_DECREF(seq);
        return RpErr_NoMemory();
    }
    for (Rp_ssize_t i = 0; i < n; i++) {
        if (int_arg(RpSequence_Fast_ITEMS(seq)[i], &p[i].fd) < 0)
            goto done;
        p[i].events = POLLIN;
        p[i].revents = 0;
    }
    int r, err;
    do {
        RP_BEGIN_ALLOW_THREADS
        r = poll(p, (nfds_t)n, ms);
        err = errno;
        RP_END_ALLOW_THREADS
    } while (r < 0 && err == EINTR);
    if (r < 0) {
        errno = err;
        RpErr_SetFromErrno(RpExc_OSError);
        goto done;
    }
    res = RpList_New(0);
    for (Rp_ssize_t i = 0; res != NULL && i < n; i++) {
        if (p[i].revents == 0)
            continue;
        if (RpList_Append(res, RpSequence_Fast_ITEMS(seq)[i]) < 0)
            Rp_CLEAR(res);
    }
done:
    RpMem_Free(p);
    Rp_DECREF(seq);
    return res;
}

/* Write all of buf; sockets get MSG_NOSIGNAL so a vanished peer is an
 * EPIPE error and not a SIGPIPE death. 0 or -1 with errno. */
static int write_all(int fd, const char *buf, size_t n)
{
    while (n > 0) {
        ssize_t w = send(fd, buf, n, MSG_NOSIGNAL);
        if (w < 0 && errno == ENOTSOCK)
            w = write(fd, buf, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        buf += w;
        n -= (size_t)w;
    }
    return 0;
}

static RpObject *mp_send_bytes(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    int fd;
    if (!_RpArg_CheckPositional("send_bytes", nargs, 2, 2) || int_arg(args[0], &fd) < 0)
        return NULL;
    if (!RpBytes_Check(args[1]))
        return RpErr_Format(RpExc_TypeError, "a bytes-like object is required, not '%s'",
                            _RpType_Name(Rp_TYPE(args[1])));
    Rp_ssize_t n = RpBytes_GET_SIZE(args[1]);
    if (n > 0x7fffffff)
        return RpErr_Format(RpExc_ValueError, "message too long");
    unsigned char hdr[4] = {(unsigned char)(n >> 24), (unsigned char)(n >> 16),
                            (unsigned char)(n >> 8), (unsigned char)n};
    int r, err;
    /* The bytes object stays alive: the caller holds a reference. */
    RP_BEGIN_ALLOW_THREADS
    r = write_all(fd, (const char *)hdr, 4);
    if (r == 0)
        r = write_all(fd, RpBytes_AS_STRING(args[1]), (size_t)n);
    err = errno;
    RP_END_ALLOW_THREADS
    if (r < 0) {
        errno = err;
        return RpErr_SetFromErrno(RpExc_OSError);
    }
    Rp_RETURN_NONE;
}

/* Read exactly n bytes. n read, or fewer at EOF, or -1 with errno. */
static ssize_t read_all(int fd, char *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (r == 0)
            break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

static RpObject *mp_recv_bytes(RpObject *self, RpObject *arg)
{
    int fd;
    if (int_arg(arg, &fd) < 0)
        return NULL;
    unsigned char hdr[4];
    ssize_t r;
    int err;
    RP_BEGIN_ALLOW_THREADS
    r = read_all(fd, (char *)hdr, 4);
    err = errno;
    RP_END_ALLOW_THREADS
    if (r < 0) {
        errno = err;
        return RpErr_SetFromErrno(RpExc_OSError);
    }
    if (r < 4) {
        RpErr_SetNone(RpExc_EOFError);
        return NULL;
    }
    Rp_ssize_t n = ((Rp_ssize_t)hdr[0] << 24) | (hdr[1] << 16) | (hdr[2] << 8) | hdr[3];
    RpObject *b = RpBytes_FromStringAndSize(NULL, n);
    if (b == NULL)
        return NULL;
    RP_BEGIN_ALLOW_THREADS
    r = read_all(fd, RpBytes_AS_STRING(b), (size_t)n);
    err = errno;
    RP_END_ALLOW_THREADS
    if (r < 0 || r < n) {
        Rp_DECREF(b);
        if (r < 0) {
            errno = err;
            return RpErr_SetFromErrno(RpExc_OSError);
        }
        RpErr_SetNone(RpExc_EOFError);
        return NULL;
    }
    return b;
}

static RpMethodDef mp_methods[] = {
    {"socketpair", mp_socketpair, RP_METH_NOARGS, NULL},
    {"wait", FAST(mp_wait), RP_METH_FASTCALL, NULL},
    {"send_bytes", FAST(mp_send_bytes), RP_METH_FASTCALL, NULL},
    {"recv_bytes", mp_recv_bytes, RP_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

RpObject *RpInit__multiprocessing(void)
{
    if (!(SemLock_Type.tp_flags & RP_TPFLAGS_READY) && RpType_Ready(&SemLock_Type) < 0)
        return NULL;
    if (!(Shm_Type.tp_flags & RP_TPFLAGS_READY) && RpType_Ready(&Shm_Type) < 0)
        return NULL;
    RpObject *m = RpModule_New("_multiprocessing");
    if (m == NULL)
        return NULL;
    int bad = RpModule_AddFunctions(m, mp_methods) < 0 ||
              RpModule_AddObjectRef(m, "SemLock", (RpObject *)&SemLock_Type) < 0 ||
              RpModule_AddObjectRef(m, "Shm", (RpObject *)&Shm_Type) < 0 ||
              RpModule_AddIntConstant(m, "RECURSIVE_MUTEX", RECURSIVE_MUTEX) < 0 ||
              RpModule_AddIntConstant(m, "SEMAPHORE", SEMAPHORE) < 0 ||
              RpModule_AddIntConstant(m, "SEM_VALUE_MAX", INT_MAX) < 0;
    if (bad)
        Rp_CLEAR(m);
    return m;
}
