/* randommodule.c -- _random.Random: the Mersenne Twister (MT19937) core
 * of the random module.
 *
 * lib/random.py builds every distribution on random() and getrandbits(),
 * as CPython's does; this type supplies those two plus seeding and state.
 * The stream is MT19937 as published by Matsumoto and Nishimura, seeded
 * by init_by_array with the 32-bit words of abs(seed), least significant
 * first, so that the same integer seed gives CPython's exact numbers.
 */
#include "rp.h"
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#define N 624
#define M 397
#define UPPER 0x80000000u
#define LOWER 0x7fffffffu

typedef struct {
    RpObject_HEAD
    int index;
    uint32_t state[N];
} randomobject;

extern RpTypeObject RpRandom_Type;

/* ---- the generator --------------------------------------------------------- */

static void init_genrand(randomobject *r, uint32_t s)
{
    uint32_t *mt = r->state;
    mt[0] = s;
    for (int i = 1; i < N; i++)
        mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    r->index = N;
}

static void init_by_array(randomobject *r, const uint32_t *key, size_t klen)
{
    uint32_t *mt = r->state;
    init_genrand(r, 19650218u);
    size_t i = 1, j = 0;
    for (size_t k = N > klen ? N : klen; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++, j++;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
        if (j >= klen)
            j = 0;
    }
    for (size_t k = N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u;
}

static void twist(uint32_t *mt)
{
    for (int k = 0; k < N; k++) {
        uint32_t y = (mt[k] & UPPER) | (mt[(k + 1) % N] & LOWER);
        mt[k] = mt[(k + M) % N] ^ (y >> 1) ^ ((y & 1) ? 0x9908b0dfu : 0);
    }
}

static uint32_t genrand(randomobject *r)
{
    if (r->index >= N) {
        twist(r->state);
        r->index = 0;
    }
    uint32_t y = r->state[r->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    return y ^ (y >> 18);
}

/* ---- seeding ----------------------------------------------------------------- */

static void seed_from_os(randomobject *r)
{
    uint32_t key[4] = {0, 0, 0, 0};
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    ssize_t got = fd >= 0 ? read(fd, key, sizeof key) : -1;
    if (fd >= 0)
        close(fd);
    if (got != (ssize_t)sizeof key) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        key[0] = (uint32_t)ts.tv_nsec;
        key[1] = (uint32_t)ts.tv_sec;
        key[2] = (uint32_t)getpid();
    }
    init_by_array(r, key, 4);
}

/* The 32-bit words of abs(n), least significant first (at least one). */
static int seed_from_int(randomobject *r, RpObject *n)
{
    RpObject *a = RpNumber_Absolute(n);
    if (a == NULL)
        return -1;
    uint64_t bits = _RpLong_NumBits(a);
    size_t nwords = bits ? (size_t)((bits + 31) / 32) : 1;
    uint32_t *key = RpMem_Malloc(nwords * sizeof(uint32_t));
    if (key == NULL) {
        Rp_DECREF(a);
        RpErr_NoMemory();
        return -1;
    }
    RpObject *mask = RpLong_FromUnsignedLongLong(0xffffffffu);
    RpObject *shift = RpLong_FromLongLong(32);
    RpObject *cur = a;
    int ok = mask != NULL && shift != NULL;
    for (size_t i = 0; ok && i < nwords; i++) {
        RpObject *w = RpNumber_And(cur, mask);
        RpObject *next = w ? RpNumber_Rshift(cur, shift) : NULL;
        if (next == NULL) {
            Rp_XDECREF(w);
            ok = 0;
            break;
        }
        key[i] = (uint32_t)RpLong_AsLongLong(w);
        Rp_DECREF(w);
        Rp_DECREF(cur);
        cur = next;
    }
    Rp_DECREF(cur);
    Rp_XDECREF(mask);
    Rp_XDECREF(shift);
    if (ok) {
        if (bits == 0)
            key[0] = 0;
        init_by_array(r, key, nwords);
    }
    RpMem_Free(key);
    return ok ? 0 : -1;
}

static RpObject *random_seed(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("seed", nargs, 0, 1))
        return NULL;
    randomobject *r = (randomobject *)self;
    if (nargs == 0 || args[0] == Rp_None) {
        seed_from_os(r);
        Rp_RETURN_NONE;
    }
    RpObject *n = args[0];
    if (RpLong_Check(n)) {
        Rp_INCREF(n);
    } else {
        Rp_hash_t h = RpObject_Hash(n);
        if (h == -1)
            return NULL;
        n = RpLong_FromLongLong((long long)h);
        if (n == NULL)
            return NULL;
    }
    int rc = seed_from_int(r, n);
    Rp_DECREF(n);
    if (rc < 0)
        return NULL;
    Rp_RETURN_NONE;
}

/* ---- outputs ----------------------------------------------------------------- */

static RpObject *random_random(RpObject *self, RpObject *unused)
{
    randomobject *r = (randomobject *)self;
    uint32_t a = genrand(r) >> 5, b = genrand(r) >> 6;
    return RpFloat_FromDouble((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

/* k random bits: whole 32-bit words, least significant first, the last
 * one cut down to what is left (CPython's order, so streams agree). */
static RpObject *random_getrandbits(RpObject *self, RpObject *arg)
{
    randomobject *r = (randomobject *)self;
    long long k = RpLong_AsLongLong(arg);
    if (k == -1 && RpErr_Occurred())
        return NULL;
    if (k < 0) {
        RpErr_SetString(RpExc_ValueError, "number of bits must be non-negative");
        return NULL;
    }
    if (k == 0)
        return RpLong_FromLongLong(0);
    if (k <= 32)
        return RpLong_FromUnsignedLongLong(genrand(r) >> (32 - k));
    if (k <= 64) {
        uint64_t lo = genrand(r);
        uint64_t hi = genrand(r) >> (64 - k);
        return RpLong_FromUnsignedLongLong(lo | hi << 32);
    }
    size_t nwords = (size_t)((k + 31) / 32);
    RpObject *bytes = RpBytes_FromStringAndSize(NULL, (Rp_ssize_t)(nwords * 4));
    if (bytes == NULL)
        return NULL;
    unsigned char *p = (unsigned char *)RpBytes_AS_STRING(bytes);
    for (size_t i = 0; i < nwords; i++, k -= 32) {
        uint32_t w = genrand(r);
        if (k < 32)
            w >>= 32 - k;
        p[4 * i] = (unsigned char)w;
        p[4 * i + 1] = (unsigned char)(w >> 8);
        p[4 * i + 2] = (unsigned char)(w >> 16);
        p[4 * i + 3] = (unsigned char)(w >> 24);
    }
    RpObject *order = RpUnicode_FromString("little");
    RpObject *name = RpUnicode_InternFromString("from_bytes");
    RpObject *res = order && name ? RpObject_CallMethodObjArgs((RpObject *)&RpLong_Type, name,
                                                                bytes, order, NULL)
                                  : NULL;
    Rp_XDECREF(order);
    Rp_XDECREF(name);
    Rp_DECREF(bytes);
    return res;
}

/* ---- state ------------------------------------------------------------------- */

static RpObject *random_getstate(RpObject *self, RpObject *unused)
{
    randomobject *r = (randomobject *)self;
    RpObject *t = RpTuple_New(N + 1);
    if (t == NULL)
        return NULL;
    for (int i = 0; i < N + 1; i++) {
        RpObject *v = RpLong_FromLongLong(i < N ? (long long)r->state[i] : r->index);
        if (v == NULL) {
            Rp_DECREF(t);
            return NULL;
        }
        RpTuple_SET_ITEM(t, i, v);
    }
    return t;
}

static RpObject *random_setstate(RpObject *self, RpObject *state)
{
    randomobject *r = (randomobject *)self;
    if (!RpTuple_Check(state)) {
        RpErr_SetString(RpExc_TypeError, "state vector must be a tuple");
        return NULL;
    }
    if (RpTuple_GET_SIZE(state) != N + 1) {
        RpErr_SetString(RpExc_ValueError, "state vector is the wrong size");
        return NULL;
    }
    uint32_t mt[N];
    for (int i = 0; i < N; i++) {
        long long v = RpLong_AsLongLong(RpTuple_GET_ITEM(state, i));
        if (v == -1 && RpErr_Occurred())
            return NULL;
        mt[i] = (uint32_t)v;
    }
    long long index = RpLong_AsLongLong(RpTuple_GET_ITEM(state, N));
    if (index == -1 && RpErr_Occurred())
        return NULL;
    if (index < 0 || index > N) {
        RpErr_SetString(RpExc_ValueError, "invalid state");
        return NULL;
    }
    memcpy(r->state, mt, sizeof mt);
    r->index = (int)index;
    Rp_RETURN_NONE;
}

/* ---- the type ---------------------------------------------------------------- */

/* Random(x) seeds from x; a subclass is seeded from the OS here and by
 * its own __init__ (which may take other arguments). */
static RpObject *random_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    Rp_ssize_t n = args ? RpTuple_GET_SIZE(args) : 0;
    if (type == &RpRandom_Type) {
        if (kwds && RpDict_GET_SIZE(kwds)) {
            RpErr_SetString(RpExc_TypeError, "Random() takes no keyword arguments");
            return NULL;
        }
        if (n > 1) {
            RpErr_Format(RpExc_TypeError, "Random() expected at most 1 argument, got %zd", n);
            return NULL;
        }
    } else {
        n = 0;
    }
    randomobject *r = (randomobject *)type->tp_alloc(type, 0);
    if (r == NULL)
        return NULL;
    RpObject *res = random_seed((RpObject *)r, n ? &RpTuple_GET_ITEM(args, 0) : NULL, n);
    if (res == NULL) {
        Rp_DECREF(r);
        return NULL;
    }
    Rp_DECREF(res);
    return (RpObject *)r;
}

static void random_dealloc(RpObject *self) { Rp_TYPE(self)->tp_free(self); }

static RpMethodDef random_methods[] = {
    {"random", random_random, RP_METH_NOARGS, NULL},
    {"getrandbits", random_getrandbits, RP_METH_O, NULL},
    {"seed", (RpCFunction)(void (*)(void))random_seed, RP_METH_FASTCALL, NULL},
    {"getstate", random_getstate, RP_METH_NOARGS, NULL},
    {"setstate", random_setstate, RP_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpRandom_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "_random.Random",
    .tp_basicsize = sizeof(randomobject),
    .tp_dealloc = random_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_BASETYPE,
    .tp_methods = random_methods,
    .tp_new = random_new,
};

RpObject *RpInit__random(void)
{
    RpObject *m = RpModule_New("_random");
    if (m != NULL && RpModule_AddObjectRef(m, "Random", (RpObject *)&RpRandom_Type) < 0)
        Rp_CLEAR(m);
    return m;
}
