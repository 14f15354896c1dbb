/* timemodule.c -- the `time` module: clocks and sleep.  sleep() releases
 * the GIL so that other threads run while this one waits. */
#include "rp.h"
#include <errno.h>
#include <math.h>
#include <time.h>

static RpObject *clock_float(clockid_t id)
{
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0)
        return RpErr_SetFromErrno(RpExc_OSError);
    return RpFloat_FromDouble((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}

static RpObject *clock_ns(clockid_t id)
{
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0)
        return RpErr_SetFromErrno(RpExc_OSError);
    return RpLong_FromLongLong((long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
}

static RpObject *t_time(RpObject *s, RpObject *u) { return clock_float(CLOCK_REALTIME); }
static RpObject *t_time_ns(RpObject *s, RpObject *u) { return clock_ns(CLOCK_REALTIME); }
static RpObject *t_mono(RpObject *s, RpObject *u) { return clock_float(CLOCK_MONOTONIC); }
static RpObject *t_mono_ns(RpObject *s, RpObject *u) { return clock_ns(CLOCK_MONOTONIC); }
static RpObject *t_proc(RpObject *s, RpObject *u) { return clock_float(CLOCK_PROCESS_CPUTIME_ID); }
static RpObject *t_proc_ns(RpObject *s, RpObject *u) { return clock_ns(CLOCK_PROCESS_CPUTIME_ID); }
static RpObject *t_thread(RpObject *s, RpObject *u) { return clock_float(CLOCK_THREAD_CPUTIME_ID); }

static RpObject *t_sleep(RpObject *self, RpObject *arg)
{
    double secs = RpFloat_AsDouble(arg);
    if (secs == -1.0 && RpErr_Occurred()) {
        RpErr_Clear();
        return RpErr_Format(RpExc_TypeError, "'%s' object cannot be interpreted as an integer",
                            _RpType_Name(Rp_TYPE(arg)));
    }
    if (isnan(secs))
        return RpErr_Format(RpExc_ValueError, "Invalid value NaN (not a number)");
    if (secs < 0)
        return RpErr_Format(RpExc_ValueError, "sleep length must be non-negative");
    struct timespec req = {(time_t)secs, (long)((secs - floor(secs)) * 1e9)};
    for (;;) {
        int r;
        RP_BEGIN_ALLOW_THREADS
        r = nanosleep(&req, &req);
        RP_END_ALLOW_THREADS
        if (r == 0)
            break;
        if (errno != EINTR)
            return RpErr_SetFromErrno(RpExc_OSError);
        /* A signal (Ctrl-C) may have to raise before sleeping on. */
        if (_RpEval_HandleBreaker(RpThreadState_Get()) < 0)
            return NULL;
    }
    Rp_RETURN_NONE;
}

static RpMethodDef time_methods[] = {
    {"time", t_time, RP_METH_NOARGS, NULL},
    {"time_ns", t_time_ns, RP_METH_NOARGS, NULL},
    {"perf_counter", t_mono, RP_METH_NOARGS, NULL},
    {"perf_counter_ns", t_mono_ns, RP_METH_NOARGS, NULL},
    {"monotonic", t_mono, RP_METH_NOARGS, NULL},
    {"monotonic_ns", t_mono_ns, RP_METH_NOARGS, NULL},
    {"process_time", t_proc, RP_METH_NOARGS, NULL},
    {"process_time_ns", t_proc_ns, RP_METH_NOARGS, NULL},
    {"thread_time", t_thread, RP_METH_NOARGS, NULL},
    {"sleep", t_sleep, RP_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

RpObject *RpInit_time(void)
{
    RpObject *m = RpModule_New("time");
    if (m != NULL && RpModule_AddFunctions(m, time_methods) < 0)
        Rp_CLEAR(m);
    return m;
}
