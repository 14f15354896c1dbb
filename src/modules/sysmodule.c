/* sysmodule.c -- the `sys` module: the interpreter's own state as seen from
 * Python (argv, modules, path, the standard streams, the recursion limit)
 * and the memory tools the seed talks about (getrefcount, getsizeof,
 * intern).  Also a small SimpleNamespace type for sys.implementation.
 */
#include "rp.h"
#include <float.h>
#include "modules/fileobject.h"
#include <stdarg.h>
#include <unistd.h>

/* ---- a minimal SimpleNamespace ------------------------------------------- */

typedef struct { RpObject_HEAD RpObject *dict; } nsobject;

static int ns_traverse(RpObject *self, visitproc visit, void *arg)
{
    Rp_VISIT(((nsobject *)self)->dict);
    return 0;
}

static int ns_clear(RpObject *self)
{
    Rp_CLEAR(((nsobject *)self)->dict);
    return 0;
}

static void ns_dealloc(RpObject *self)
{
    RpObject_GC_UnTrack(self);
    ns_clear(self);
    Rp_TYPE(self)->tp_free(self);
}

static int ns_init(RpObject *self, RpObject *args, RpObject *kwds)
{
    if (args && RpTuple_GET_SIZE(args) != 0) {
        RpErr_Format(RpExc_TypeError, "no positional arguments expected");
        return -1;
    }
    nsobject *ns = (nsobject *)self;
    if (ns->dict == NULL && (ns->dict = RpDict_New()) == NULL)
        return -1;
    return kwds ? RpDict_Update(ns->dict, kwds) : 0;
}

static RpObject *ns_repr(RpObject *self)
{
    nsobject *ns = (nsobject *)self;
    const char *name = Rp_IS_TYPE(self, &_RpNamespace_Type) ? "namespace"
                                                             : _RpType_Name(Rp_TYPE(self));
    int r = Rp_ReprEnter(self);
    if (r != 0)
        return r > 0 ? RpUnicode_FromFormat("%s(...)", name) : NULL;
    RpStrBuf b;
    RpStrBuf_Init(&b);
    RpStrBuf_AppendStr(&b, name);
    RpStrBuf_AppendChar(&b, '(');
    Rp_ssize_t pos = 0;
    RpObject *k, *v;
    int first = 1;
    while (ns->dict && RpDict_Next(ns->dict, &pos, &k, &v)) {
        RpObject *item = RpUnicode_FromFormat("%s%S=%R", first ? "" : ", ", k, v);
        if (item == NULL) {
            RpStrBuf_Discard(&b);
            Rp_ReprLeave(self);
            return NULL;
        }
        RpStrBuf_AppendObject(&b, item);
        Rp_DECREF(item);
        first = 0;
    }
    RpStrBuf_AppendChar(&b, ')');
    Rp_ReprLeave(self);
    return RpStrBuf_Finish(&b);
}

static RpObject *ns_richcompare(RpObject *a, RpObject *b, int op)
{
    if ((op == Rp_EQ || op == Rp_NE) && RpObject_TypeCheck(b, &_RpNamespace_Type) &&
        RpObject_TypeCheck(a, &_RpNamespace_Type))
        return RpObject_RichCompare(((nsobject *)a)->dict, ((nsobject *)b)->dict, op);
    Rp_RETURN_NOTIMPLEMENTED;
}

static RpGetSetDef ns_getset[] = {
    {"__dict__", RpObject_GenericGetDict, NULL, NULL, NULL},
    {NULL},
};

RpTypeObject _RpNamespace_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(nsobject),
    .tp_dealloc = ns_dealloc,
    .tp_repr = ns_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_setattro = RpObject_GenericSetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_BASETYPE,
    .tp_traverse = ns_traverse,
    .tp_clear = ns_clear,
    .tp_richcompare = ns_richcompare,
    .tp_dictoffset = offsetof(nsobject, dict),
    .tp_getset = ns_getset,
    .tp_init = ns_init,
    .tp_new = RpType_GenericNew,
};

RpObject *_RpNamespace_New(RpObject *kwds)
{
    if (!(_RpNamespace_Type.tp_flags & RP_TPFLAGS_READY) && RpType_Ready(&_RpNamespace_Type) < 0)
        return NULL;
    RpObject *ns = RpType_GenericNew(&_RpNamespace_Type, NULL, NULL);
    if (ns != NULL && ns_init(ns, NULL, kwds) < 0)
        Rp_CLEAR(ns);
    return ns;
}

/* ---- functions ------------------------------------------------------------- */

static RpObject *sys_getrefcount(RpObject *self, RpObject *o)
{
    /* The argument itself holds one reference (it is on the caller's
     * stack), which is why the seed's counts are printed "- 1". */
    return RpLong_FromSsize_t(Rp_REFCNT(o));
}

static RpObject *sys_getsizeof(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("getsizeof", nargs, 1, 2))
        return NULL;
    RpObject *o = args[0];
    RpObject *res = RpObject_CallMethod0(o, "__sizeof__");
    if (res == NULL) {
        if (nargs == 2 && RpErr_ExceptionMatches(RpExc_TypeError)) {
            RpErr_Clear();
            return Rp_NewRef(args[1]);
        }
        return NULL;
    }
    Rp_ssize_t n = RpLong_AsSsize_t(res);
    Rp_DECREF(res);
    if (n == -1 && RpErr_Occurred())
        return NULL;
    if (n < 0)
        return RpErr_Format(RpExc_ValueError, "__sizeof__() should return >= 0");
    if (_RpObject_IS_GC(o))
        n += (Rp_ssize_t)sizeof(RpGC_Head);
    return RpLong_FromSsize_t(n);
}

static RpObject *sys_intern(RpObject *self, RpObject *s)
{
    if (!RpUnicode_CheckExact(s))
        return RpErr_Format(RpExc_TypeError, "intern() argument must be str, not %s",
                            _RpType_Name(Rp_TYPE(s)));
    Rp_INCREF(s);
    RpUnicode_InternInPlace(&s);
    return s;
}

static RpObject *sys_exit(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("exit", nargs, 0, 1))
        return NULL;
    RpErr_SetObject(RpExc_SystemExit, nargs ? args[0] : Rp_None);
    return NULL;
}

static RpObject *handled_exc(void)
{
    for (RpExcInfo *ei = RpThreadState_Get()->exc_info; ei; ei = ei->previous)
        if (ei->exc_value && ei->exc_value != Rp_None)
            return ei->exc_value;
    return NULL;
}

static RpObject *sys_exc_info(RpObject *self, RpObject *unused)
{
    RpObject *e = handled_exc();
    if (e == NULL)
        return RpTuple_Pack(3, Rp_None, Rp_None, Rp_None);
    RpObject *tb = RpException_GetTraceback(e);
    RpObject *r = RpTuple_Pack(3, (RpObject *)Rp_TYPE(e), e, tb ? tb : Rp_None);
    Rp_XDECREF(tb);
    return r;
}

static RpObject *sys_exception(RpObject *self, RpObject *unused)
{
    RpObject *e = handled_exc();
    return Rp_NewRef(e ? e : Rp_None);
}

static RpObject *sys_getrecursionlimit(RpObject *self, RpObject *unused)
{
    return RpLong_FromLong(RpInterp_Get()->recursion_limit);
}

static RpObject *sys_setrecursionlimit(RpObject *self, RpObject *arg)
{
    if (RpFloat_Check(arg))
        return RpErr_Format(RpExc_TypeError, "'float' object cannot be interpreted as an integer");
    long n = RpLong_AsLong(arg);
    if (n == -1 && RpErr_Occurred())
        return NULL;
    if (n < 1)
        return RpErr_Format(RpExc_ValueError, "recursion limit must be greater or equal than 1");
    RpThreadState *ts = RpThreadState_Get();
    if (n <= ts->recursion_depth)
        return RpErr_Format(RpExc_RecursionError,
                            "cannot set the recursion limit to %ld at the recursion depth %d: "
                            "the limit is too low", n, ts->recursion_depth);
    RpInterp_Get()->recursion_limit = (int)(n > 1000000 ? 1000000 : n);
    Rp_RETURN_NONE;
}

static RpObject *sys_getswitchinterval(RpObject *self, RpObject *unused)
{
    return RpFloat_FromDouble(RpInterp_Get()->gil.interval_us / 1e6);
}

static RpObject *sys_setswitchinterval(RpObject *self, RpObject *arg)
{
    double d = RpFloat_AsDouble(arg);
    if (d == -1.0 && RpErr_Occurred())
        return NULL;
    if (d <= 0.0)
        return RpErr_Format(RpExc_ValueError, "switch interval must be strictly positive");
    RpInterp_Get()->gil.interval_us = (long)(d * 1e6) > 0 ? (long)(d * 1e6) : 1;
    Rp_RETURN_NONE;
}

static RpObject *sys_get_int_max_str_digits(RpObject *self, RpObject *unused)
{
    return RpLong_FromLongLong(RpInterp_Get()->int_max_str_digits);
}

static RpObject *sys_set_int_max_str_digits(RpObject *self, RpObject *const *args,
                                            Rp_ssize_t nargs, RpObject *kwnames)
{
    static const char *const names[] = {"maxdigits", NULL};
    RpObject *a[1] = {NULL};
    if (_RpArg_ParseVector("set_int_max_str_digits", args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    long long n = RpLong_AsLongLong(a[0]);
    if (n == -1 && RpErr_Occurred())
        return NULL;
    if (n != 0 && n < 640)
        return RpErr_Format(RpExc_ValueError, "maxdigits must be 0 or larger than %d", 640);
    RpInterp_Get()->int_max_str_digits = n;
    Rp_RETURN_NONE;
}

static RpObject *sys_getframe(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("_getframe", nargs, 0, 1))
        return NULL;
    long depth = nargs ? RpLong_AsLong(args[0]) : 0;
    if (depth == -1 && RpErr_Occurred())
        return NULL;
    RpFrame *f = RpThreadState_Get()->frame;
    while (f != NULL && depth-- > 0)
        f = f->previous;
    if (f == NULL)
        return RpErr_Format(RpExc_ValueError, "call stack is not deep enough");
    RpFrameObject *fo = _RpFrame_GetFrameObject(f);
    return fo ? Rp_NewRef(fo) : NULL;
}

static RpObject *sys_displayhook(RpObject *self, RpObject *o)
{
    if (o == Rp_None)
        Rp_RETURN_NONE;
    RpObject *b = RpInterp_Get()->builtins;
    if (RpDict_SetItemString(b, "_", Rp_None) < 0)
        return NULL;
    RpObject *out = RpSys_GetObject("stdout");
    if (out == NULL || out == Rp_None)
        return RpErr_Format(RpExc_RuntimeError, "lost sys.stdout");
    if (RpFile_WriteObject(o, out, 0) < 0 || RpFile_WriteString("\n", out) < 0)
        return NULL;
    if (RpDict_SetItemString(b, "_", o) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *sys_excepthook(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("excepthook", nargs, 3, 3))
        return NULL;
    if (RpExceptionInstance_Check(args[1]))
        RpErr_Display(args[1]);
    Rp_RETURN_NONE;
}

static RpObject *sys_getdefaultencoding(RpObject *self, RpObject *unused)
{
    return RpUnicode_FromString("utf-8");
}

static RpObject *sys_is_finalizing(RpObject *self, RpObject *unused)
{
    return RpBool_FromLong(RpInterp_Get()->finalizing);
}

#define FAST(f) ((RpCFunction)(void (*)(void))(f))
static RpMethodDef sys_methods[] = {
    {"getrefcount", sys_getrefcount, RP_METH_O, NULL},
    {"getsizeof", FAST(sys_getsizeof), RP_METH_FASTCALL, NULL},
    {"intern", sys_intern, RP_METH_O, NULL},
    {"exit", FAST(sys_exit), RP_METH_FASTCALL, NULL},
    {"exc_info", sys_exc_info, RP_METH_NOARGS, NULL},
    {"exception", sys_exception, RP_METH_NOARGS, NULL},
    {"getrecursionlimit", sys_getrecursionlimit, RP_METH_NOARGS, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, RP_METH_O, NULL},
    {"getswitchinterval", sys_getswitchinterval, RP_METH_NOARGS, NULL},
    {"setswitchinterval", sys_setswitchinterval, RP_METH_O, NULL},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, RP_METH_NOARGS, NULL},
    {"set_int_max_str_digits", FAST(sys_set_int_max_str_digits),
     RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"_getframe", FAST(sys_getframe), RP_METH_FASTCALL, NULL},
    {"displayhook", sys_displayhook, RP_METH_O, NULL},
    {"excepthook", FAST(sys_excepthook), RP_METH_FASTCALL, NULL},
    {"getdefaultencoding", sys_getdefaultencoding, RP_METH_NOARGS, NULL},
    {"getfilesystemencoding", sys_getdefaultencoding, RP_METH_NOARGS, NULL},
    {"is_finalizing", sys_is_finalizing, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

/* ---- the module ---------------------------------------------------------- */

static int set_str(RpObject *d, const char *name, const char *v)
{
    RpObject *s = RpUnicode_FromString(v);
    int r = s ? RpDict_SetItemString(d, name, s) : -1;
    Rp_XDECREF(s);
    return r;
}

static int set_new(RpObject *d, const char *name, RpObject *v)
{
    int r = v ? RpDict_SetItemString(d, name, v) : -1;
    Rp_XDECREF(v);
    return r;
}

static RpObject *version_tuple(long a, long b, long c, const char *level, long serial)
{
    RpObject *items[5] = {RpLong_FromLong(a), RpLong_FromLong(b), RpLong_FromLong(c),
                          RpUnicode_FromString(level), RpLong_FromLong(serial)};
    for (int i = 0; i < 5; i++)
        if (items[i] == NULL) {
            for (int j = 0; j < 5; j++)
                Rp_XDECREF(items[j]);
            return NULL;
        }
    return _RpTuple_FromArraySteal(items, 5);
}

static RpObject *make_implementation(void)
{
    RpObject *kw = RpDict_New();
    if (kw == NULL)
        return NULL;
    RpObject *res = NULL;
    if (set_str(kw, "name", "refpy") == 0 &&
        set_new(kw, "version", version_tuple(0, 1, 0, "alpha", 0)) == 0 &&
        set_str(kw, "_multiarch", "x86_64-linux-gnu") == 0 &&
        RpDict_SetItemString(kw, "cache_tag", Rp_None) == 0 &&
        set_new(kw, "hexversion", RpLong_FromLong(0x000100a0)) == 0)
        res = _RpNamespace_New(kw);
    Rp_DECREF(kw);
    return res;
}

/* sys.version_info: a tuple whose items are also named, like CPython's
 * struct sequence (sys.version_info.major, its repr with field names). */
static const char *const version_fields[] = {"major", "minor", "micro", "releaselevel", "serial"};

static RpObject *vi_get(RpObject *self, void *closure)
{
    return Rp_NewRef(RpTuple_GET_ITEM(self, (Rp_ssize_t)(intptr_t)closure));
}

static RpObject *vi_repr(RpObject *self)
{
    RpObject *r = RpUnicode_FromFormat("sys.version_info(%s=%R, %s=%R, %s=%R, %s=%R, %s=%R)",
                                       version_fields[0], RpTuple_GET_ITEM(self, 0),
                                       version_fields[1], RpTuple_GET_ITEM(self, 1),
                                       version_fields[2], RpTuple_GET_ITEM(self, 2),
                                       version_fields[3], RpTuple_GET_ITEM(self, 3),
                                       version_fields[4], RpTuple_GET_ITEM(self, 4));
    return r;
}

static RpGetSetDef vi_getset[] = {
    {"major", vi_get, NULL, NULL, (void *)0},
    {"minor", vi_get, NULL, NULL, (void *)1},
    {"micro", vi_get, NULL, NULL, (void *)2},
    {"releaselevel", vi_get, NULL, NULL, (void *)3},
    {"serial", vi_get, NULL, NULL, (void *)4},
    {NULL, NULL, NULL, NULL, NULL}
};

RpTypeObject _RpVersionInfo_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "sys.version_info",
    .tp_repr = vi_repr,
    .tp_flags = RP_TPFLAGS_DEFAULT,
    .tp_getset = vi_getset,
    .tp_base = &RpTuple_Type,
};

/* sys.float_info, int_info, hash_info, thread_info, flags: more struct
 * sequences.  One getter and one repr serve them all: the fields are the
 * type's getset entries, in order. */
static RpObject *seq_repr(RpObject *self)
{
    RpStrBuf b;
    RpStrBuf_Init(&b);
    RpStrBuf_AppendStr(&b, Rp_TYPE(self)->tp_name);
    RpStrBuf_AppendChar(&b, '(');
    RpGetSetDef *g = Rp_TYPE(self)->tp_getset;
    for (Rp_ssize_t i = 0; g[i].name != NULL; i++) {
        RpObject *r = RpObject_Repr(RpTuple_GET_ITEM(self, i));
        if (r == NULL) {
            RpStrBuf_Discard(&b);
            return NULL;
        }
        if (i)
            RpStrBuf_AppendStr(&b, ", ");
        RpStrBuf_AppendStr(&b, g[i].name);
        RpStrBuf_AppendChar(&b, '=');
        RpStrBuf_AppendObject(&b, r);
        Rp_DECREF(r);
    }
    RpStrBuf_AppendChar(&b, ')');
    return RpStrBuf_Finish(&b);
}

#define F(name, i) {name, vi_get, NULL, NULL, (void *)(i)}
static RpGetSetDef float_info_fields[] = {
    F("max", 0), F("max_exp", 1), F("max_10_exp", 2), F("min", 3), F("min_exp", 4),
    F("min_10_exp", 5), F("dig", 6), F("mant_dig", 7), F("epsilon", 8), F("radix", 9),
    F("rounds", 10), {NULL, NULL, NULL, NULL, NULL}};
static RpGetSetDef int_info_fields[] = {
    F("bits_per_digit", 0), F("sizeof_digit", 1), F("default_max_str_digits", 2),
    F("str_digits_check_threshold", 3), {NULL, NULL, NULL, NULL, NULL}};
static RpGetSetDef hash_info_fields[] = {
    F("width", 0), F("modulus", 1), F("inf", 2), F("nan", 3), F("imag", 4),
    F("algorithm", 5), F("hash_bits", 6), F("seed_bits", 7), F("cutoff", 8),
    {NULL, NULL, NULL, NULL, NULL}};
static RpGetSetDef thread_info_fields[] = {
    F("name", 0), F("lock", 1), F("version", 2), {NULL, NULL, NULL, NULL, NULL}};
static RpGetSetDef flags_fields[] = {
    F("debug", 0), F("inspect", 1), F("interactive", 2), F("optimize", 3),
    F("dont_write_bytecode", 4), F("no_user_site", 5), F("no_site", 6),
    F("ignore_environment", 7), F("verbose", 8), F("bytes_warning", 9), F("quiet", 10),
    F("hash_randomization", 11), F("isolated", 12), F("dev_mode", 13), F("utf8_mode", 14),
    F("warn_default_encoding", 15), F("safe_path", 16), F("int_max_str_digits", 17),
    {NULL, NULL, NULL, NULL, NULL}};
#undef F

#define SEQ_TYPE(var, name, fields)                 \
    RpTypeObject var = {                            \
        RpVarObject_HEAD_INIT(&RpType_Type, 0),     \
        .tp_name = name,                            \
        .tp_repr = seq_repr,                        \
        .tp_flags = RP_TPFLAGS_DEFAULT,             \
        .tp_getset = fields,                        \
        .tp_base = &RpTuple_Type,                   \
    }
SEQ_TYPE(_RpFloatInfo_Type, "sys.float_info", float_info_fields);
SEQ_TYPE(_RpIntInfo_Type, "sys.int_info", int_info_fields);
SEQ_TYPE(_RpHashInfo_Type, "sys.hash_info", hash_info_fields);
SEQ_TYPE(_RpThreadInfo_Type, "sys.thread_info", thread_info_fields);
SEQ_TYPE(_RpFlags_Type, "sys.flags", flags_fields);
#undef SEQ_TYPE

/* An instance of a struct sequence type from n new references (stolen;
 * any NULL means an error is set). */
static RpObject *make_seq(RpTypeObject *type, int n, RpObject **items)
{
    RpObject *t = RpTuple_New(n);
    for (int i = 0; i < n; i++) {
        if (t == NULL || items[i] == NULL) {
            Rp_CLEAR(t);
            Rp_XDECREF(items[i]);
            continue;
        }
        RpTuple_SET_ITEM(t, i, items[i]);
    }
    if (t == NULL)
        return NULL;
    RpObject *args = RpTuple_Pack(1, t);
    Rp_DECREF(t);
    RpObject *res = args != NULL ? RpTuple_Type.tp_new(type, args, NULL) : NULL;
    Rp_XDECREF(args);
    return res;
}

#define I(v) RpLong_FromLongLong((long long)(v))
#define D(v) RpFloat_FromDouble(v)
#define S(v) RpUnicode_FromString(v)

static RpObject *make_float_info(void)
{
    RpObject *v[] = {D(DBL_MAX), I(DBL_MAX_EXP), I(DBL_MAX_10_EXP), D(DBL_MIN), I(DBL_MIN_EXP),
                     I(DBL_MIN_10_EXP), I(DBL_DIG), I(DBL_MANT_DIG), D(DBL_EPSILON),
                     I(FLT_RADIX), I(1)};
    return make_seq(&_RpFloatInfo_Type, 11, v);
}

/* CPython's values: programs print them, and ints behave the same
 * whatever digit size refpy uses inside. */
static RpObject *make_int_info(void)
{
    RpObject *v[] = {I(30), I(4), I(4300), I(640)};
    return make_seq(&_RpIntInfo_Type, 4, v);
}

static RpObject *make_hash_info(void)
{
    RpObject *v[] = {I(64), I(((long long)1 << 61) - 1), I(314159), I(0), I(1000003),
                     S("siphash13"), I(64), I(128), I(0)};
    return make_seq(&_RpHashInfo_Type, 9, v);
}

static RpObject *make_thread_info(void)
{
    RpObject *v[] = {S("pthread"), S("mutex+cond"), Rp_NewRef(Rp_None)};
    return make_seq(&_RpThreadInfo_Type, 3, v);
}

static RpObject *make_flags(void)
{
    RpObject *v[18];
    for (int i = 0; i < 18; i++)
        v[i] = I(0);
    Rp_SETREF(v[4], I(1));                        /* dont_write_bytecode: never written */
    Rp_SETREF(v[13], Rp_NewRef(Rp_False));        /* dev_mode */
    Rp_SETREF(v[16], Rp_NewRef(Rp_False));        /* safe_path */
    Rp_SETREF(v[17], I(-1));                      /* int_max_str_digits */
    return make_seq(&_RpFlags_Type, 18, v);
}
#undef I
#undef D
#undef S

static RpObject *make_version_info(void)
{
    RpObject *t = version_tuple(3, 11, 0, "final", 0);
    RpObject *args = t != NULL ? RpTuple_Pack(1, t) : NULL;
    RpObject *res = args != NULL ? RpTuple_Type.tp_new(&_RpVersionInfo_Type, args, NULL) : NULL;
    Rp_XDECREF(args);
    Rp_XDECREF(t);
    return res;
}

static int add_streams(RpObject *d)
{
    static const struct { const char *name, *dunder, *mode; int fd; } s[] = {
        {"stdin", "__stdin__", "r", 0}, {"stdout", "__stdout__", "w", 1},
        {"stderr", "__stderr__", "w", 2},
    };
    const char *unbuf = getenv("PYTHONUNBUFFERED");
    if (unbuf != NULL && *unbuf != '\0')
        _RpFile_SetUnbuffered(1);
    for (int i = 0; i < 3; i++) {
        char name[16];
        snprintf(name, sizeof name, "<%s>", s[i].name);
        RpObject *f = RpFile_FromFd(s[i].fd, name, s[i].mode, 0);
        if (f == NULL || RpDict_SetItemString(d, s[i].name, f) < 0 ||
            RpDict_SetItemString(d, s[i].dunder, f) < 0) {
            Rp_XDECREF(f);
            return -1;
        }
        Rp_DECREF(f);
    }
    return 0;
}

static int add_builtin_names(RpObject *d)
{
    Rp_ssize_t n = 0;
    while (_RpModules_Table[n].name)
        n++;
    RpObject *t = RpTuple_New(n);
    if (t == NULL)
        return -1;
    for (Rp_ssize_t i = 0; i < n; i++) {
        RpObject *s = RpUnicode_FromString(_RpModules_Table[i].name);
        if (s == NULL) {
            Rp_DECREF(t);
            return -1;
        }
        RpTuple_SET_ITEM(t, i, s);
    }
    return set_new(d, "builtin_module_names", t);
}

static int fill_sys(RpObject *m, RpObject *d)
{
    RpInterpreterState *interp = RpInterp_Get();
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = '\0';
    if (RpDict_SetItemString(d, "modules", interp->modules) < 0 ||
        set_new(d, "path", RpList_New(0)) < 0 || set_new(d, "argv", RpList_New(0)) < 0 ||
        set_new(d, "orig_argv", RpList_New(0)) < 0 ||
        set_new(d, "warnoptions", RpList_New(0)) < 0 ||
        set_new(d, "meta_path", RpList_New(0)) < 0 ||
        set_new(d, "path_hooks", RpList_New(0)) < 0 ||
        set_new(d, "path_importer_cache", RpDict_New()) < 0 ||
        set_str(d, "platform", "linux") < 0 || set_str(d, "byteorder", "little") < 0 ||
        set_str(d, "executable", exe) < 0 || set_str(d, "prefix", "/usr/local") < 0 ||
        set_str(d, "exec_prefix", "/usr/local") < 0 ||
        set_str(d, "base_prefix", "/usr/local") < 0 ||
        set_str(d, "base_exec_prefix", "/usr/local") < 0 ||
        set_str(d, "version", "3.11.0 (refpy " REFPY_VERSION ", reference-counted Python in C)") < 0 ||
        set_new(d, "version_info", make_version_info()) < 0 ||
        set_new(d, "float_info", make_float_info()) < 0 ||
        set_new(d, "int_info", make_int_info()) < 0 ||
        set_new(d, "hash_info", make_hash_info()) < 0 ||
        set_new(d, "thread_info", make_thread_info()) < 0 ||
        set_new(d, "flags", make_flags()) < 0 ||
        set_new(d, "float_repr_style", RpUnicode_FromString("short")) < 0 ||
        set_new(d, "hexversion", RpLong_FromLong(0x030b00f0)) < 0 ||
        set_new(d, "implementation", make_implementation()) < 0 ||
        set_new(d, "maxsize", RpLong_FromSsize_t(PTRDIFF_MAX)) < 0 ||
        set_new(d, "maxunicode", RpLong_FromLong(0x10FFFF)) < 0 ||
        set_new(d, "api_version", RpLong_FromLong(1013)) < 0 ||
        RpDict_SetItemString(d, "dont_write_bytecode", Rp_True) < 0 ||
        set_str(d, "copyright", "refpy: written from scratch; Python is a trademark of the PSF.") < 0 ||
        add_builtin_names(d) < 0 || add_streams(d) < 0)
        return -1;
    RpObject *hook = RpDict_GetItemString(d, "displayhook");
    RpObject *ehook = RpDict_GetItemString(d, "excepthook");
    if (hook == NULL || RpDict_SetItemString(d, "__displayhook__", hook) < 0 ||
        ehook == NULL || RpDict_SetItemString(d, "__excepthook__", ehook) < 0)
        return -1;
    interp->sysdict = d;
    return 0;
}

RpObject *RpInit_sys(void)
{
    RpObject *m = RpModule_New("sys");
    if (m == NULL)
        return NULL;
    if (RpModule_AddFunctions(m, sys_methods) < 0 || fill_sys(m, RpModule_GetDict(m)) < 0) {
        Rp_DECREF(m);
        return NULL;
    }
    return m;
}

/* ---- C helpers --------------------------------------------------------------- */

RpObject *RpSys_GetObject(const char *name)
{
    RpInterpreterState *interp = RpInterp_Get();
    if (interp == NULL || interp->sysdict == NULL)
        return NULL;
    return RpDict_GetItemString(interp->sysdict, name);
}

int RpSys_SetObject(const char *name, RpObject *v)
{
    RpInterpreterState *interp = RpInterp_Get();
    if (interp == NULL || interp->sysdict == NULL)
        return 0;
    if (v == NULL) {
        int r = RpDict_DelItemString(interp->sysdict, name);
        if (r < 0 && RpErr_ExceptionMatches(RpExc_KeyError)) {
            RpErr_Clear();
            r = 0;
        }
        return r;
    }
    return RpDict_SetItemString(interp->sysdict, name, v);
}

static void write_std(const char *name, FILE *fallback, const char *fmt, va_list va)
{
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, va);
    RpObject *pending = RpErr_GetRaisedException();
    RpObject *f = RpSys_GetObject(name);
    if (f == NULL || f == Rp_None || _RpFile_WriteUTF8(f, buf, (Rp_ssize_t)strlen(buf)) < 0) {
        RpErr_Clear();
        fputs(buf, fallback);
    }
    RpErr_SetRaisedException(pending);
}

void RpSys_WriteStdout(const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    write_std("stdout", stdout, fmt, va);
    va_end(va);
}

void RpSys_WriteStderr(const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    write_std("stderr", stderr, fmt, va);
    va_end(va);
}
