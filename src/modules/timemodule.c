/* timemodule.c -- the `time` module: clocks, sleep, struct_time and the
 * calendar conversions (gmtime, localtime, mktime, strftime, asctime).
 * sleep() releases the GIL so that other threads run while this one waits.
 * strptime is written in Python (lib/_strptime.py) and imported lazily,
 * as CPython does, because datetime shares it. */
#include "rp.h"
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <string.h>
#include <time.h>

/* ---- clocks ---------------------------------------------------------------- */

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
static RpObject *t_thread_ns(RpObject *s, RpObject *u) { return clock_ns(CLOCK_THREAD_CPUTIME_ID); }

static int clock_id_arg(RpObject *arg, clockid_t *out)
{
    long v = RpLong_AsLong(arg);
    if (v == -1 && RpErr_Occurred())
        return -1;
    *out = (clockid_t)v;
    return 0;
}

static RpObject *t_clock_gettime(RpObject *s, RpObject *arg)
{
    clockid_t id;
    return clock_id_arg(arg, &id) < 0 ? NULL : clock_float(id);
}

static RpObject *t_clock_gettime_ns(RpObject *s, RpObject *arg)
{
    clockid_t id;
    return clock_id_arg(arg, &id) < 0 ? NULL : clock_ns(id);
}

static RpObject *t_clock_getres(RpObject *s, RpObject *arg)
{
    clockid_t id;
    struct timespec ts;
    if (clock_id_arg(arg, &id) < 0)
        return NULL;
    if (clock_getres(id, &ts) != 0)
        return RpErr_SetFromErrno(RpExc_OSError);
    return RpFloat_FromDouble((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}

/* How argument errors name a value's type: "None" rather than NoneType. */
static const char *arg_type(RpObject *v)
{
    return v == Rp_None ? "None" : _RpType_Name(Rp_TYPE(v));
}

/* get_clock_info(name): what each clock is built on, in CPython's words. */
static RpObject *t_get_clock_info(RpObject *s, RpObject *arg)
{
    static const struct { const char *name, *impl; clockid_t id; int mono, adj; } clocks[] = {
        {"time", "clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, 0, 1},
        {"monotonic", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, 1, 0},
        {"perf_counter", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, 1, 0},
        {"process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", CLOCK_PROCESS_CPUTIME_ID, 1, 0},
        {"thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", CLOCK_THREAD_CPUTIME_ID, 1, 0},
    };
    const char *name = RpUnicode_Check(arg) ? RpUnicode_AsUTF8(arg) : NULL;
    if (name == NULL)
        return RpErr_Format(RpExc_TypeError, "get_clock_info() argument must be str, not %s",
                            arg_type(arg));
    for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
        if (strcmp(name, clocks[i].name) != 0)
            continue;
        RpObject *kw = RpDict_New(), *res = NULL;
        if (kw == NULL)
            return NULL;
        RpObject *impl = RpUnicode_FromString(clocks[i].impl);
        struct timespec res_ts = {0, 1};
        clock_getres(clocks[i].id, &res_ts);
        RpObject *resol = RpFloat_FromDouble((double)res_ts.tv_sec + res_ts.tv_nsec * 1e-9);
        if (impl && resol && RpDict_SetItemString(kw, "implementation", impl) == 0 &&
            RpDict_SetItemString(kw, "monotonic", clocks[i].mono ? Rp_True : Rp_False) == 0 &&
            RpDict_SetItemString(kw, "adjustable", clocks[i].adj ? Rp_True : Rp_False) == 0 &&
            RpDict_SetItemString(kw, "resolution", resol) == 0)
            res = _RpNamespace_New(kw);
        Rp_XDECREF(impl);
        Rp_XDECREF(resol);
        Rp_DECREF(kw);
        return res;
    }
    return RpErr_Format(RpExc_ValueError, "unknown clock");
}

/* Seconds (int or float) to time_t, rounding floats toward -inf as
 * gmtime/localtime/ctime do. */
static int obj_to_time_t(RpObject *obj, time_t *out)
{
    if (RpFloat_Check(obj)) {
        double d = RpFloat_AsDouble(obj);
        if (isnan(d)) {
            RpErr_Format(RpExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = floor(d);
        /* 2**63 is exact as a double; anything at or past it overflows */
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
            RpErr_Format(RpExc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    RpObject *idx = RpNumber_Index(obj);
    if (idx == NULL)
        return -1;
    long long v = RpLong_AsLongLong(idx);
    Rp_DECREF(idx);
    if (v == -1 && RpErr_Occurred()) {
        if (RpErr_ExceptionMatches(RpExc_OverflowError)) {
            RpErr_Clear();
            RpErr_Format(RpExc_OverflowError, "timestamp out of range for platform time_t");
        }
        return -1;
    }
    *out = (time_t)v;
    return 0;
}

/* An optional seconds argument: absent or None means now. */
static int secs_or_now(RpObject *const *args, Rp_ssize_t nargs, const char *fname, time_t *out)
{
    if (!_RpArg_CheckPositional(fname, nargs, 0, 1))
        return -1;
    if (nargs == 0 || args[0] == Rp_None) {
        *out = time(NULL);
        return 0;
    }
    return obj_to_time_t(args[0], out);
}

/* ---- struct_time ------------------------------------------------------------
 * A tuple subclass like CPython's struct sequence: nine visible items and
 * two more (tm_zone, tm_gmtoff) reachable only by name.  The instance holds
 * all eleven items but reports a size of nine, so every tuple operation
 * sees the visible part; dealloc and traverse restore the full count. */

#define ST_VISIBLE 9
#define ST_FIELDS 11

static const char *const st_names[ST_FIELDS] = {
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
    "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff",
};

RpTypeObject _RpStructTime_Type;

static void st_dealloc(RpObject *self)
{
    Rp_SET_SIZE(self, ST_FIELDS);
    RpTuple_Type.tp_dealloc(self);
}

static int st_traverse(RpObject *self, visitproc visit, void *arg)
{
    for (Rp_ssize_t i = 0; i < ST_FIELDS; i++)
        Rp_VISIT(((RpTupleObject *)self)->ob_item[i]);
    return 0;
}

/* Build a struct_time from eleven new references (stolen; NULL = error). */
static RpObject *st_from_items(RpTypeObject *type, RpObject **items)
{
    RpObject *res = NULL;
    for (int i = 0; i < ST_FIELDS; i++)
        if (items[i] == NULL)
            goto done;
    res = type->tp_alloc(type, ST_FIELDS);
    if (res == NULL)
        goto done;
    ((RpTupleObject *)res)->ob_hash = -1;
    for (int i = 0; i < ST_FIELDS; i++) {
        RpTuple_SET_ITEM(res, i, items[i]);
        items[i] = NULL;
    }
    Rp_SET_SIZE(res, ST_VISIBLE);
done:
    for (int i = 0; i < ST_FIELDS; i++)
        Rp_XDECREF(items[i]);
    return res;
}

static RpObject *st_from_tm(const struct tm *p)
{
    /* Python numbers weekdays from Monday, C from Sunday */
    RpObject *items[ST_FIELDS] = {
        RpLong_FromLong((long)p->tm_year + 1900), RpLong_FromLong(p->tm_mon + 1),
        RpLong_FromLong(p->tm_mday), RpLong_FromLong(p->tm_hour),
        RpLong_FromLong(p->tm_min), RpLong_FromLong(p->tm_sec),
        RpLong_FromLong((p->tm_wday + 6) % 7), RpLong_FromLong(p->tm_yday + 1),
        RpLong_FromLong(p->tm_isdst),
        p->tm_zone ? RpUnicode_DecodeUTF8(p->tm_zone, (Rp_ssize_t)strlen(p->tm_zone),
                                          "surrogateescape")
                   : Rp_NewRef(Rp_None),
        RpLong_FromLong(p->tm_gmtoff),
    };
    return st_from_items(&_RpStructTime_Type, items);
}

/* struct_time(sequence, dict=None): 9 to 11 items; the hidden ones may
 * also come from the dict, by name. */
static RpObject *st_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    static const char *const names[] = {"sequence", "dict"};
    RpObject *a[2] = {NULL, NULL};
    if (_RpArg_ParseTupleAndKeywords("structseq", args, kwds, names, 2, 1, a) < 0)
        return NULL;
    RpObject *dict = a[1] == Rp_None ? NULL : a[1];
    if (dict != NULL && !RpDict_Check(dict))
        return RpErr_Format(RpExc_TypeError, "%s() takes a dict as second arg, if any",
                            type->tp_name);
    RpObject *seq = RpSequence_Tuple(a[0]);
    if (seq == NULL) {
        if (RpErr_ExceptionMatches(RpExc_TypeError)) {
            RpErr_Clear();
            RpErr_Format(RpExc_TypeError, "constructor requires a sequence");
        }
        return NULL;
    }
    Rp_ssize_t n = RpTuple_GET_SIZE(seq);
    if (n < ST_VISIBLE || n > ST_FIELDS) {
        RpErr_Format(RpExc_TypeError, "%s() takes an at %s %d-sequence (%zd-sequence given)",
                     type->tp_name, n < ST_VISIBLE ? "least" : "most",
                     n < ST_VISIBLE ? ST_VISIBLE : ST_FIELDS, n);
        Rp_DECREF(seq);
        return NULL;
    }
    RpObject *items[ST_FIELDS];
    for (Rp_ssize_t i = 0; i < ST_FIELDS; i++) {
        RpObject *v = i < n ? RpTuple_GET_ITEM(seq, i) : NULL;
        if (v == NULL && dict != NULL)
            v = RpDict_GetItemString(dict, st_names[i]);
        items[i] = Rp_NewRef(v ? v : Rp_None);
    }
    Rp_DECREF(seq);
    return st_from_items(type, items);
}

static RpObject *st_get(RpObject *self, void *closure)
{
    return Rp_NewRef(((RpTupleObject *)self)->ob_item[(intptr_t)closure]);
}

static RpObject *st_repr(RpObject *self)
{
    RpStrBuf sb;
    RpStrBuf_Init(&sb);
    RpStrBuf_AppendStr(&sb, "time.struct_time(");
    for (int i = 0; i < ST_VISIBLE; i++) {
        RpObject *r = RpObject_Repr(RpTuple_GET_ITEM(self, i));
        if (r == NULL) {
            RpStrBuf_Discard(&sb);
            return NULL;
        }
        RpStrBuf_AppendStr(&sb, i ? ", " : "");
        RpStrBuf_AppendStr(&sb, st_names[i]);
        RpStrBuf_AppendStr(&sb, "=");
        RpStrBuf_AppendStr(&sb, RpUnicode_AsUTF8(r));
        Rp_DECREF(r);
    }
    RpStrBuf_AppendStr(&sb, ")");
    return RpStrBuf_Finish(&sb);
}

/* (struct_time, (visible-tuple, {hidden fields})) -- what pickle needs. */
static RpObject *st_reduce(RpObject *self, RpObject *unused)
{
    RpObject *vis = RpTuple_GetSlice(self, 0, ST_VISIBLE);
    RpObject *d = RpDict_New(), *res = NULL;
    if (vis == NULL || d == NULL)
        goto done;
    for (int i = ST_VISIBLE; i < ST_FIELDS; i++)
        if (RpDict_SetItemString(d, st_names[i], ((RpTupleObject *)self)->ob_item[i]) < 0)
            goto done;
    RpObject *args = RpTuple_Pack(2, vis, d);
    if (args != NULL)
        res = RpTuple_Pack(2, (RpObject *)Rp_TYPE(self), args);
    Rp_XDECREF(args);
done:
    Rp_XDECREF(vis);
    Rp_XDECREF(d);
    return res;
}

static RpMethodDef st_methods[] = {
    {"__reduce__", st_reduce, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static RpGetSetDef st_getset[] = {
    {"tm_year", st_get, NULL, "year, for example, 1993", (void *)0},
    {"tm_mon", st_get, NULL, "month of year, range [1, 12]", (void *)1},
    {"tm_mday", st_get, NULL, "day of month, range [1, 31]", (void *)2},
    {"tm_hour", st_get, NULL, "hours, range [0, 23]", (void *)3},
    {"tm_min", st_get, NULL, "minutes, range [0, 59]", (void *)4},
    {"tm_sec", st_get, NULL, "seconds, range [0, 61])", (void *)5},
    {"tm_wday", st_get, NULL, "day of week, range [0, 6], Monday is 0", (void *)6},
    {"tm_yday", st_get, NULL, "day of year, range [1, 366]", (void *)7},
    {"tm_isdst", st_get, NULL, "1 if summer time is in effect, 0 if not, and -1 if unknown",
     (void *)8},
    {"tm_zone", st_get, NULL, "abbreviation of timezone name", (void *)9},
    {"tm_gmtoff", st_get, NULL, "offset from UTC in seconds", (void *)10},
    {NULL, NULL, NULL, NULL, NULL}
};

RpTypeObject _RpStructTime_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "time.struct_time",
    .tp_dealloc = st_dealloc,
    .tp_repr = st_repr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_doc = "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
              " accepted by asctime(), mktime() and strftime().  May be considered as a\n"
              " sequence of 9 integers.",
    .tp_traverse = st_traverse,
    .tp_methods = st_methods,
    .tp_getset = st_getset,
    .tp_base = &RpTuple_Type,
    .tp_new = st_new,
};

/* ---- time tuple -> struct tm ------------------------------------------------ */

static int item_int(RpObject *t, Rp_ssize_t i, int *out)
{
    long v = RpLong_AsLong(RpTuple_GET_ITEM(t, i));
    if (v == -1 && RpErr_Occurred())
        return -1;
    if (v < INT_MIN || v > INT_MAX) {
        RpErr_Format(RpExc_OverflowError, "signed integer is %s",
                     v < INT_MIN ? "less than minimum" : "greater than maximum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* Read a 9-tuple (or struct_time) into *p the way CPython does: year
 * offset by 1900, month and yday made 0-based, weekday shifted to start on
 * Sunday.  tm_zone/tm_gmtoff come along only from a struct_time. */
static int gettmarg(RpObject *args, struct tm *p, const char *fname)
{
    memset(p, 0, sizeof *p);
    if (!RpTuple_Check(args)) {
        RpErr_Format(RpExc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (RpTuple_GET_SIZE(args) != ST_VISIBLE) {
        RpErr_Format(RpExc_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int y, f[8];
    if (item_int(args, 0, &y) < 0)
        return -1;
    for (int i = 0; i < 8; i++)
        if (item_int(args, i + 1, &f[i]) < 0)
            return -1;
    if (y < INT_MIN + 1900) {
        RpErr_Format(RpExc_OverflowError, "year out of range");
        return -1;
    }
    p->tm_year = y - 1900;
    p->tm_mon = f[0] - 1;
    p->tm_mday = f[1];
    p->tm_hour = f[2];
    p->tm_min = f[3];
    p->tm_sec = f[4];
    /* wraps like CPython's int arithmetic, so INT_MAX is out of range */
    p->tm_wday = (int)((unsigned)f[5] + 1u) % 7;
    p->tm_yday = f[6] - 1;
    p->tm_isdst = f[7];
    if (Rp_IS_TYPE(args, &_RpStructTime_Type)) {
        RpObject *zone = ((RpTupleObject *)args)->ob_item[9];
        RpObject *off = ((RpTupleObject *)args)->ob_item[10];
        if (zone != Rp_None && (p->tm_zone = RpUnicode_AsUTF8(zone)) == NULL)
            return -1;
        if (off != Rp_None) {
            p->tm_gmtoff = RpLong_AsLong(off);
            if (p->tm_gmtoff == -1 && RpErr_Occurred())
                return -1;
        }
    }
    return 0;
}

/* Validate (and gently normalise) a struct tm for strftime and asctime:
 * zero month/day/yday mean "the first", isdst is clamped. */
static int checktm(struct tm *p)
{
    static const struct { const char *msg; int lo, hi; } r[] = {
        {"month out of range", 0, 11}, {"day of month out of range", 0, 31},
        {"hour out of range", 0, 23}, {"minute out of range", 0, 59},
        {"seconds out of range", 0, 61}, {"day of week out of range", 0, 6},
        {"day of year out of range", 0, 365},
    };
    if (p->tm_mon == -1)
        p->tm_mon = 0;
    if (p->tm_mday == 0)
        p->tm_mday = 1;
    if (p->tm_yday == -1)
        p->tm_yday = 0;
    int v[7] = {p->tm_mon, p->tm_mday, p->tm_hour, p->tm_min, p->tm_sec, p->tm_wday,
                p->tm_yday};
    for (int i = 0; i < 7; i++)
        if (v[i] < r[i].lo || v[i] > r[i].hi) {
            RpErr_Format(RpExc_ValueError, "%s", r[i].msg);
            return -1;
        }
    if (p->tm_isdst < -1)
        p->tm_isdst = -1;
    else if (p->tm_isdst > 1)
        p->tm_isdst = 1;
    return 0;
}

/* ---- gmtime, localtime, mktime ------------------------------------------- */

static RpObject *t_gmtime(RpObject *s, RpObject *const *args, Rp_ssize_t nargs)
{
    time_t t;
    struct tm buf;
    if (secs_or_now(args, nargs, "gmtime", &t) < 0)
        return NULL;
    errno = 0;
    if (gmtime_r(&t, &buf) == NULL) {
        if (errno == EOVERFLOW || errno == 0)
            return RpErr_Format(RpExc_OverflowError, "timestamp out of range for platform time_t");
        return RpErr_SetFromErrno(RpExc_OSError);
    }
    return st_from_tm(&buf);
}

static int local_tm(time_t t, struct tm *buf)
{
    errno = 0;
    if (localtime_r(&t, buf) != NULL)
        return 0;
    if (errno == EOVERFLOW || errno == 0)
        RpErr_Format(RpExc_OverflowError, "timestamp out of range for platform time_t");
    else
        RpErr_SetFromErrno(RpExc_OSError);
    return -1;
}

static RpObject *t_localtime(RpObject *s, RpObject *const *args, Rp_ssize_t nargs)
{
    time_t t;
    struct tm buf;
    if (secs_or_now(args, nargs, "localtime", &t) < 0 || local_tm(t, &buf) < 0)
        return NULL;
    return st_from_tm(&buf);
}

static RpObject *t_mktime(RpObject *s, RpObject *arg)
{
    struct tm buf;
    if (gettmarg(arg, &buf, "mktime") < 0)
        return NULL;
    /* -1 is also a valid result (one second before the epoch); mktime
     * fills tm_wday only on success, so a sentinel there tells them apart */
    buf.tm_wday = -1;
    time_t tt = mktime(&buf);
    if (tt == (time_t)-1 && buf.tm_wday == -1)
        return RpErr_Format(RpExc_OverflowError, "mktime argument out of range");
    return RpFloat_FromDouble((double)tt);
}

/* ---- strftime, asctime, ctime ---------------------------------------------- */

/* The current local time, or the tuple argument validated for formatting. */
static int tm_arg_or_now(RpObject *const *args, Rp_ssize_t nargs, Rp_ssize_t at,
                         const char *fname, struct tm *buf)
{
    if (nargs <= at) {
        time_t t = time(NULL);
        return local_tm(t, buf);
    }
    if (gettmarg(args[at], buf, fname) < 0)
        return -1;
    return checktm(buf);
}

/* strftime returns 0 both for "too small" and for an empty result: grow
 * the buffer, and past 256 bytes per format byte accept the empty string. */
static RpObject *format_tm(const char *fmt, size_t fmtlen, const struct tm *buf)
{
    size_t cap = 1024;
    for (;;) {
        char *out = RpMem_Malloc(cap);
        if (out == NULL)
            return RpErr_NoMemory();
        size_t n = strftime(out, cap, fmt, buf);
        if (n > 0 || cap >= 256 * fmtlen) {
            RpObject *res = RpUnicode_DecodeUTF8(out, (Rp_ssize_t)n, "surrogateescape");
            RpMem_Free(out);
            return res;
        }
        RpMem_Free(out);
        cap *= 2;
    }
}

static RpObject *t_strftime(RpObject *s, RpObject *const *args, Rp_ssize_t nargs)
{
    struct tm buf;
    if (!_RpArg_CheckPositional("strftime", nargs, 1, 2))
        return NULL;
    if (!RpUnicode_Check(args[0]))
        return RpErr_Format(RpExc_TypeError, "strftime() argument 1 must be str, not %s",
                            arg_type(args[0]));
    if (tm_arg_or_now(args, nargs, 1, "strftime", &buf) < 0)
        return NULL;
    Rp_ssize_t len;
    const char *fmt = RpUnicode_AsUTF8AndSize(args[0], &len);
    if (fmt == NULL)
        return NULL;
    if ((Rp_ssize_t)strlen(fmt) != len)
        return RpErr_Format(RpExc_ValueError, "embedded null character");
    return format_tm(fmt, (size_t)len, &buf);
}

/* asctime's fixed English layout, independent of the locale. */
static RpObject *format_asctime(const struct tm *p)
{
    static const char wday[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %ld", wday[p->tm_wday],
             mon[p->tm_mon], p->tm_mday, p->tm_hour, p->tm_min, p->tm_sec,
             1900L + p->tm_year);
    return RpUnicode_FromString(buf);
}

static RpObject *t_asctime(RpObject *s, RpObject *const *args, Rp_ssize_t nargs)
{
    struct tm buf;
    if (!_RpArg_CheckPositional("asctime", nargs, 0, 1) ||
        tm_arg_or_now(args, nargs, 0, "asctime", &buf) < 0)
        return NULL;
    return format_asctime(&buf);
}

static RpObject *t_ctime(RpObject *s, RpObject *const *args, Rp_ssize_t nargs)
{
    time_t t;
    struct tm buf;
    if (secs_or_now(args, nargs, "ctime", &t) < 0 || local_tm(t, &buf) < 0)
        return NULL;
    return format_asctime(&buf);
}

static RpObject *t_strptime(RpObject *s, RpObject *const *args, Rp_ssize_t nargs)
{
    /* the arguments go through unchecked: _strptime_time reports misuse */
    RpObject *mod = RpImport_ImportModule("_strptime");
    if (mod == NULL)
        return NULL;
    RpObject *fn = RpObject_GetAttrString(mod, "_strptime_time");
    Rp_DECREF(mod);
    if (fn == NULL)
        return NULL;
    RpObject *argt = _RpTuple_FromArray(args, nargs);
    RpObject *res = argt != NULL ? RpObject_Call(fn, argt, NULL) : NULL;
    Rp_XDECREF(argt);
    Rp_DECREF(fn);
    return res;
}

/* ---- sleep ------------------------------------------------------------------ */

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

/* ---- time zone ---------------------------------------------------------------
 * timezone/altzone/daylight/tzname, computed as CPython does on glibc: from
 * the local offsets of early January and of half a year later, so that
 * southern-hemisphere zones (summer in January) come out right. */

static int zone_of(time_t t, long *off, RpObject **name)
{
    struct tm p;
    if (local_tm(t, &p) < 0)
        return -1;
    *off = -p.tm_gmtoff;
    const char *z = p.tm_zone ? p.tm_zone : "";
    *name = RpUnicode_DecodeUTF8(z, (Rp_ssize_t)strlen(z), "surrogateescape");
    return *name == NULL ? -1 : 0;
}

static int init_timezone(RpObject *m)
{
    const time_t YEAR = (365 * 24 + 6) * 3600;
    time_t t = (time(NULL) / YEAR) * YEAR;
    long janoff, juloff;
    RpObject *jan = NULL, *jul = NULL, *names = NULL;
    int rc = -1;
    tzset();
    if (zone_of(t, &janoff, &jan) < 0 || zone_of(t + YEAR / 2, &juloff, &jul) < 0)
        goto done;
    int south = janoff < juloff;   /* DST in January: the zones swap roles */
    names = south ? RpTuple_Pack(2, jul, jan) : RpTuple_Pack(2, jan, jul);
    if (names == NULL ||
        RpModule_AddIntConstant(m, "timezone", south ? juloff : janoff) < 0 ||
        RpModule_AddIntConstant(m, "altzone", south ? janoff : juloff) < 0 ||
        RpModule_AddIntConstant(m, "daylight", janoff != juloff) < 0 ||
        RpModule_AddObjectRef(m, "tzname", names) < 0)
        goto done;
    rc = 0;
done:
    Rp_XDECREF(jan);
    Rp_XDECREF(jul);
    Rp_XDECREF(names);
    return rc;
}

/* tzset() re-reads TZ; the module's zone constants follow. */
static RpObject *t_tzset(RpObject *self, RpObject *unused)
{
    RpObject *m = RpImport_ImportModule("time");
    if (m == NULL)
        return NULL;
    int rc = init_timezone(m);
    Rp_DECREF(m);
    if (rc < 0)
        return NULL;
    Rp_RETURN_NONE;
}

#define FASTCALL(f) ((RpCFunction)(void (*)(void))(f))

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
    {"thread_time_ns", t_thread_ns, RP_METH_NOARGS, NULL},
    {"clock_gettime", t_clock_gettime, RP_METH_O, NULL},
    {"clock_gettime_ns", t_clock_gettime_ns, RP_METH_O, NULL},
    {"clock_getres", t_clock_getres, RP_METH_O, NULL},
    {"get_clock_info", t_get_clock_info, RP_METH_O, NULL},
    {"sleep", t_sleep, RP_METH_O, NULL},
    {"gmtime", FASTCALL(t_gmtime), RP_METH_FASTCALL, NULL},
    {"localtime", FASTCALL(t_localtime), RP_METH_FASTCALL, NULL},
    {"mktime", t_mktime, RP_METH_O, NULL},
    {"strftime", FASTCALL(t_strftime), RP_METH_FASTCALL, NULL},
    {"strptime", FASTCALL(t_strptime), RP_METH_FASTCALL, NULL},
    {"asctime", FASTCALL(t_asctime), RP_METH_FASTCALL, NULL},
    {"ctime", FASTCALL(t_ctime), RP_METH_FASTCALL, NULL},
    {"tzset", t_tzset, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static int add_constants(RpObject *m)
{
    static const struct { const char *name; long v; } c[] = {
        {"CLOCK_REALTIME", CLOCK_REALTIME}, {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
        {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
        {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
        {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID},
        {"CLOCK_BOOTTIME", CLOCK_BOOTTIME}, {"CLOCK_TAI", CLOCK_TAI},
        {"_STRUCT_TM_ITEMS", ST_FIELDS},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
        if (RpModule_AddIntConstant(m, c[i].name, c[i].v) < 0)
            return -1;
    return 0;
}

/* struct_time's class attributes, as CPython's struct sequences have. */
static int add_struct_time(RpObject *m)
{
    RpObject *d = _RpStructTime_Type.tp_dict;
    static const struct { const char *name; long v; } c[] = {
        {"n_sequence_fields", ST_VISIBLE}, {"n_fields", ST_FIELDS}, {"n_unnamed_fields", 0},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        RpObject *v = RpLong_FromLong(c[i].v);
        int rc = v == NULL ? -1 : RpDict_SetItemString(d, c[i].name, v);
        Rp_XDECREF(v);
        if (rc < 0)
            return -1;
    }
    RpType_Modified(&_RpStructTime_Type);
    return RpModule_AddObjectRef(m, "struct_time", (RpObject *)&_RpStructTime_Type);
}

RpObject *RpInit_time(void)
{
    RpObject *m = RpModule_New("time");
    if (m == NULL)
        return NULL;
    if (RpModule_AddFunctions(m, time_methods) < 0 || add_constants(m) < 0 ||
        add_struct_time(m) < 0 || init_timezone(m) < 0)
        Rp_CLEAR(m);
    return m;
}
