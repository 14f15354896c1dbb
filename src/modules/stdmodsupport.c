/* stdmodsupport.c -- helpers shared by the C standard modules (see
 * stdmod.h): their exception classes and bytes-like arguments. */
#include "stdmod.h"
#include <stdarg.h>

int RpStd_AddError(RpObject *m, const char *name, const char *module, RpObject *base)
{
    RpObject *n = RpUnicode_FromString(name);
    RpObject *bases = RpTuple_Pack(1, base);
    RpObject *dict = RpDict_New();
    RpObject *mod = RpUnicode_FromString(module);
    RpObject *cls = NULL;
    int r = -1;
    if (n == NULL || bases == NULL || dict == NULL || mod == NULL)
        goto done;
    if (RpDict_SetItemString(dict, "__module__", mod) < 0)
        goto done;
    cls = RpType_FromSpec3(n, bases, dict);
    if (cls != NULL)
        r = RpModule_AddObjectRef(m, name, cls);
done:
    Rp_XDECREF(n);
    Rp_XDECREF(bases);
    Rp_XDECREF(dict);
    Rp_XDECREF(mod);
    Rp_XDECREF(cls);
    return r;
}

/* sys.modules[cmod].name, borrowed, or ValueError when it is gone. */
static RpObject *find_error(const char *cmod, const char *name)
{
    RpObject *mods = RpSys_GetObject("modules");
    RpObject *m = mods && RpDict_Check(mods) ? RpDict_GetItemString(mods, cmod) : NULL;
    RpObject *d = m && RpModule_Check(m) ? RpModule_GetDict(m) : NULL;
    RpObject *cls = d ? RpDict_GetItemString(d, name) : NULL;
    return cls && RpExceptionClass_Check(cls) ? cls : RpExc_ValueError;
}

RpObject *RpStd_Raise(const char *cmod, const char *name, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    RpErr_FormatV(find_error(cmod, name), fmt, va);
    va_end(va);
    return NULL;
}

static int view_any(RpObject *o, const char **p, Rp_ssize_t *n)
{
    char *w;
    if (_RpBytes_View(o, p, n) || _RpMemoryView_View(o, p, n))
        return 1;
    if (RpStd_ArrayView(o, &w, n)) {
        *p = w;
        return 1;
    }
    return 0;
}

int RpStd_Buffer(RpObject *o, const char **p, Rp_ssize_t *n)
{
    if (view_any(o, p, n))
        return 0;
    RpErr_Format(RpExc_TypeError, "a bytes-like object is required, not '%.100s'",
                 Rp_TYPE(o)->tp_name);
    return -1;
}

int RpStd_AsciiBuffer(RpObject *o, const char **p, Rp_ssize_t *n)
{
    if (!RpUnicode_Check(o)) {
        if (view_any(o, p, n))
            return 0;
        RpErr_Format(RpExc_TypeError, "argument should be bytes, buffer or ASCII string, not '%.100s'",
                     Rp_TYPE(o)->tp_name);
        return -1;
    }
    Rp_ssize_t len;
    const char *s = RpUnicode_AsUTF8AndSize(o, &len);
    if (s == NULL)
        return -1;
    for (Rp_ssize_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80) {
            RpErr_SetString(RpExc_ValueError, "string argument should contain only ASCII characters");
            return -1;
        }
    *p = s;
    *n = len;
    return 0;
}

int RpStd_WritableBuffer(RpObject *o, char **p, Rp_ssize_t *n)
{
    const char *c;
    if (RpByteArray_Check(o) && _RpBytes_View(o, &c, n)) {
        *p = (char *)c;
        return 0;
    }
    if (RpStd_ArrayView(o, p, n))
        return 0;
    RpErr_Format(RpExc_TypeError, "argument must be read-write bytes-like object, not %.100s",
                 Rp_TYPE(o)->tp_name);
    return -1;
}

int RpStd_IntBits(RpObject *v, uint64_t *bits, int *fit)
{
    int64_t x;
    *bits = 0;
    *fit = RPSTD_FIT_NONE;
    if (_RpLong_AsInt64(v, &x)) {
        *bits = (uint64_t)x;
        *fit = RPSTD_FIT_S;
        return 0;
    }
    if (_RpLong_Sign(v) <= 0 || _RpLong_NumBits(v) > 64)
        return 0;
    /* 2**63 <= v < 2**64: split it into two 32-bit halves that fit */
    RpObject *sh = RpLong_FromLong(32), *mask = RpLong_FromLong(0xffffffffL);
    RpObject *hi = sh ? RpNumber_Rshift(v, sh) : NULL;
    RpObject *lo = mask ? RpNumber_And(v, mask) : NULL;
    int64_t h = 0, l = 0;
    int ok = hi && lo && _RpLong_AsInt64(hi, &h) && _RpLong_AsInt64(lo, &l);
    Rp_XDECREF(sh);
    Rp_XDECREF(mask);
    Rp_XDECREF(hi);
    Rp_XDECREF(lo);
    if (!ok)
        return -1;
    *bits = ((uint64_t)h << 32) | (uint64_t)l;
    *fit = RPSTD_FIT_U;
    return 0;
}
