/* errors.c -- the RpErr_ API: raising, inspecting and clearing the
 * thread's current exception.
 *
 * The current exception is always an exception *instance* stored in
 * tstate->current_exception; raising from C with a type and a message
 * builds the instance immediately.  Like CPython, raising while an
 * exception is being handled (inside an except block, as seen in
 * tstate->exc_info) records the handled one as __context__, which is what
 * makes "During handling of the above exception..." appear in tracebacks
 * for errors raised by C code.
 */
#include "rp.h"
#include <errno.h>

static RpObject *handled_exception(RpThreadState *ts)
{
    for (RpExcInfo *ei = ts->exc_info; ei != NULL; ei = ei->previous) {
        if (ei->exc_value != NULL && ei->exc_value != Rp_None)
            return ei->exc_value;
    }
    return NULL;
}

/* Set exc.__context__ = ctx unless that would create a cycle; a chain that
 * already contains exc is cut just before it, as CPython does. */
static void chain_context(RpObject *exc, RpObject *ctx)
{
    if (ctx == NULL || ctx == exc)
        return;
    RpObject *o = ctx;
    for (;;) {
        RpObject *next = ((RpBaseExceptionObject *)o)->context;
        if (next == NULL)
            break;
        if (next == exc) {
            ((RpBaseExceptionObject *)o)->context = NULL;
            Rp_DECREF(next);
            break;
        }
        o = next;
    }
    RpException_SetContext(exc, Rp_NewRef(ctx));
}

void RpErr_SetRaisedException(RpObject *exc)
{
    RpThreadState *ts = RpThreadState_Get();
    RpObject *old = ts->current_exception;
    ts->current_exception = exc;
    Rp_XDECREF(old);
}

RpObject *RpErr_GetRaisedException(void)
{
    RpThreadState *ts = RpThreadState_Get();
    RpObject *exc = ts->current_exception;
    ts->current_exception = NULL;
    return exc;
}

/* Build type(value) the way `raise type(value)` would. */
RpObject *_RpExc_Create(RpObject *type, RpObject *value)
{
    if (value != NULL && RpExceptionInstance_Check(value) &&
        RpObject_TypeCheck(value, (RpTypeObject *)type))
        return Rp_NewRef(value);
    if (value == NULL || value == Rp_None)
        return RpObject_CallNoArgs(type);
    if (RpTuple_Check(value))
        return RpObject_Call(type, value, NULL);
    return RpObject_CallOneArg(type, value);
}

void RpErr_SetObject(RpObject *type, RpObject *value)
{
    if (type == NULL || !RpExceptionClass_Check(type)) {
        RpErr_Format(RpExc_SystemError,
                     "_RpErr_SetObject: exception %R is not a BaseException subclass",
                     type ? type : Rp_None);
        return;
    }
    RpThreadState *ts = RpThreadState_Get();
    RpObject *exc = _RpExc_Create(type, value);
    if (exc == NULL)
        return;   /* the constructor's own error is now current */
    if (!RpExceptionInstance_Check(exc)) {
        Rp_DECREF(exc);
        RpErr_Format(RpExc_TypeError,
                     "calling %R should have returned an instance of BaseException, not %T",
                     type, exc);
        return;
    }
    chain_context(exc, handled_exception(ts));
    RpErr_SetRaisedException(exc);
}

void RpErr_SetString(RpObject *type, const char *msg)
{
    RpObject *s = RpUnicode_FromString(msg);
    if (s == NULL)
        return;
    RpErr_SetObject(type, s);
    Rp_DECREF(s);
}

void RpErr_SetNone(RpObject *type)
{
    RpErr_SetObject(type, NULL);
}

RpObject *RpErr_FormatV(RpObject *type, const char *fmt, va_list va)
{
    RpObject *s = RpUnicode_FromFormatV(fmt, va);
    if (s != NULL) {
        RpErr_SetObject(type, s);
        Rp_DECREF(s);
    }
    return NULL;
}

RpObject *RpErr_Format(RpObject *type, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    RpErr_FormatV(type, fmt, va);
    va_end(va);
    return NULL;
}

/* A MemoryError instance made at startup, so that running out of memory
 * can always be reported without allocating. */
static RpObject *prealloc_memerror;
static RpObject *seen;   /* warnings already shown */

int _RpErr_Init(void)
{
    prealloc_memerror = RpObject_CallNoArgs(RpExc_MemoryError);
    return prealloc_memerror ? 0 : -1;
}

void _RpErr_Fini(void)
{
    Rp_CLEAR(prealloc_memerror);
    Rp_CLEAR(seen);
}

RpObject *RpErr_NoMemory(void)
{
    if (prealloc_memerror == NULL) {
        /* Before startup finished: nothing better is possible. */
        fprintf(stderr, "refpy: out of memory during startup\n");
        abort();
    }
    RpBaseExceptionObject *e = (RpBaseExceptionObject *)prealloc_memerror;
    Rp_CLEAR(e->traceback);   /* reused: drop the previous traceback */
    Rp_CLEAR(e->context);
    Rp_CLEAR(e->cause);
    RpErr_SetRaisedException(Rp_NewRef(prealloc_memerror));
    return NULL;
}

int RpErr_BadArgument(void)
{
    RpErr_SetString(RpExc_TypeError, "bad argument type for built-in operation");
    return 0;
}

void RpErr_BadInternalCall(void)
{
    RpErr_SetString(RpExc_SystemError, "bad argument to internal function");
}

static RpObject *oserror_from_errno(RpObject *type, int err, const char *filename)
{
    RpObject *msg = RpUnicode_FromString(strerror(err));
    RpObject *args;
    if (msg == NULL)
        return NULL;
    if (filename != NULL) {
        RpObject *fn = RpUnicode_FromString(filename);
        if (fn == NULL) {
            Rp_DECREF(msg);
            return NULL;
        }
        RpObject *code = RpLong_FromLong(err);
        args = code ? RpTuple_Pack(3, code, msg, fn) : NULL;
        Rp_XDECREF(code);
        Rp_DECREF(fn);
    } else {
        RpObject *code = RpLong_FromLong(err);
        args = code ? RpTuple_Pack(2, code, msg) : NULL;
        Rp_XDECREF(code);
    }
    Rp_DECREF(msg);
    if (args != NULL) {
        RpErr_SetObject(type, args);
        Rp_DECREF(args);
    }
    return NULL;
}

RpObject *RpErr_SetFromErrno(RpObject *type)
{
    int err = errno;
    if (err == ENOMEM)
        return RpErr_NoMemory();
    return oserror_from_errno(type, err, NULL);
}

RpObject *RpErr_SetFromErrnoWithFilename(RpObject *type, const char *filename)
{
    int err = errno;
    return oserror_from_errno(type, err, filename);
}

RpObject *RpErr_Occurred(void)
{
    RpThreadState *ts = RpThreadState_Get();
    if (ts == NULL || ts->current_exception == NULL)
        return NULL;
    return (RpObject *)Rp_TYPE(ts->current_exception);
}

int RpErr_GivenExceptionMatches(RpObject *given, RpObject *exc_type)
{
    if (given == NULL || exc_type == NULL)
        return 0;
    if (RpTuple_Check(exc_type)) {
        for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(exc_type); i++)
            if (RpErr_GivenExceptionMatches(given, RpTuple_GET_ITEM(exc_type, i)))
                return 1;
        return 0;
    }
    if (RpExceptionInstance_Check(given))
        given = (RpObject *)Rp_TYPE(given);
    if (RpExceptionClass_Check(given) && RpExceptionClass_Check(exc_type))
        return RpType_IsSubtype((RpTypeObject *)given, (RpTypeObject *)exc_type);
    return given == exc_type;
}

int RpErr_ExceptionMatches(RpObject *exc_type)
{
    return RpErr_GivenExceptionMatches(RpErr_Occurred(), exc_type);
}

void RpErr_Clear(void)
{
    RpErr_SetRaisedException(NULL);
}

void _RpErr_ChainExceptions(RpObject *context)
{
    if (context == NULL)
        return;
    RpThreadState *ts = RpThreadState_Get();
    if (ts->current_exception == NULL) {
        RpErr_SetRaisedException(context);
        return;
    }
    chain_context(ts->current_exception, context);
    Rp_DECREF(context);
}

void RpErr_Print(void)
{
    RpObject *exc = RpErr_GetRaisedException();
    if (exc == NULL)
        return;
    RpSys_SetObject("last_value", exc);
    RpObject *hook = RpSys_GetObject("excepthook");
    int done = 0;
    if (hook != NULL && !RpCFunction_Check(hook)) {
        /* A Python-level sys.excepthook replaces the default printer. */
        RpObject *tb = RpException_GetTraceback(exc);
        RpObject *res = RpObject_CallFunctionObjArgs(
            hook, (RpObject *)Rp_TYPE(exc), exc, tb ? tb : Rp_None, NULL);
        Rp_XDECREF(tb);
        if (res != NULL) {
            Rp_DECREF(res);
            done = 1;
        } else {
            RpObject *err = RpErr_GetRaisedException();
            RpSys_WriteStderr("Error in sys.excepthook:\n");
            RpErr_Display(err);
            RpSys_WriteStderr("\nOriginal exception was:\n");
            Rp_XDECREF(err);
        }
    }
    if (!done)
        RpErr_Display(exc);
    Rp_DECREF(exc);
}

void RpErr_WriteUnraisable(RpObject *where)
{
    RpObject *exc = RpErr_GetRaisedException();
    if (exc == NULL)
        return;
    if (where != NULL) {
        RpObject *r = RpObject_Repr(where);
        if (r != NULL) {
            RpSys_WriteStderr("Exception ignored in: %s\n", RpUnicode_AsUTF8(r));
            Rp_DECREF(r);
        } else {
            RpErr_Clear();
            RpSys_WriteStderr("Exception ignored in: <object repr() failed>\n");
        }
    }
    RpErr_Display(exc);
    Rp_DECREF(exc);
}

/* The warnings module (lib/warnings.py), imported on first use as CPython's
 * C side consults its filters; NULL without exception while finalizing or
 * if it cannot be imported. */
static RpObject *warnings_module(void)
{
    RpObject *name = RpUnicode_FromString("warnings");
    if (name == NULL)
        return NULL;
    RpObject *mod = RpImport_GetModule(name);
    Rp_DECREF(name);
    if (mod != NULL || RpErr_Occurred() || RpInterp_Get()->finalizing)
        return mod;
    if ((mod = RpImport_ImportModule("warnings")) == NULL)
        RpErr_Clear();
    return mod;
}

/* The warnings module's filters decide: the warning goes to
 * warnings.warn(msg, category, stacklevel).  Returns 1 if it was handed
 * over, 0 if the module is unavailable, -1 on error (e.g. the "error"
 * action raised). */
static int warn_via_module(RpObject *category, const char *msg, Rp_ssize_t stacklevel)
{
    RpObject *mod = warnings_module();
    if (mod == NULL)
        return RpErr_Occurred() ? -1 : 0;
    RpObject *warn = RpObject_GetAttrString(mod, "warn");
    Rp_DECREF(mod);
    if (warn == NULL) {
        RpErr_Clear();
        return 0;
    }
    RpObject *text = RpUnicode_FromString(msg);
    RpObject *level = RpLong_FromSsize_t(stacklevel);
    RpObject *res = NULL;
    if (text != NULL && level != NULL)
        res = RpObject_CallFunctionObjArgs(warn, text, category, level, NULL);
    Rp_XDECREF(text);
    Rp_XDECREF(level);
    Rp_DECREF(warn);
    if (res == NULL)
        return -1;
    Rp_DECREF(res);
    return 1;
}

/* Without the warnings module (at shutdown), warnings are printed once per
 * (category, message), as its "default" action would. */
int RpErr_WarnEx(RpObject *category, const char *msg, Rp_ssize_t stacklevel)
{
    if (category == NULL)
        category = RpExc_UserWarning;
    int handed = warn_via_module(category, msg, stacklevel);
    if (handed != 0)
        return handed < 0 ? -1 : 0;
    if (seen == NULL && (seen = RpSet_New(NULL)) == NULL)
        return -1;
    RpObject *key = RpUnicode_FromFormat("%s:%s", ((RpTypeObject *)category)->tp_name, msg);
    if (key == NULL)
        return -1;
    int known = RpSet_Contains(seen, key);
    if (known == 0 && RpSet_Add(seen, key) == 0) {
        RpFrame *f = RpThreadState_Get()->frame;
        if (f != NULL) {
            /* "file:line: Category: message" and the source line, as the
             * warnings module shows them */
            const char *file = RpUnicode_AsUTF8(f->f_code->co_filename);
            int line = RpCode_Addr2Line(f->f_code, RpFrame_Lasti(f));
            RpStrBuf b;
            RpStrBuf_Init(&b);
            _RpTraceBack_AppendSourceLine(&b, file, line, 2);
            RpObject *src = RpStrBuf_Finish(&b);
            RpSys_WriteStderr("%s:%d: %s: %s\n%s", file, line,
                              _RpType_Name((RpTypeObject *)category), msg,
                              src ? RpUnicode_AsUTF8(src) : "");
            Rp_XDECREF(src);
        } else {
            RpSys_WriteStderr("%s: %s\n", _RpType_Name((RpTypeObject *)category), msg);
        }
    }
    Rp_DECREF(key);
    return known < 0 ? -1 : 0;
}
