/* exceptions.c -- the built-in exception types.
 *
 * Every type in RP_FOR_EACH_EXCEPTION (errors.h) is a static type object
 * generated here from the X-macro.  Types that share a C struct share a
 * "family" of slot functions named after the struct (init_RpOSErrorObject,
 * members_RpOSErrorObject ...); the handful of types whose str() differs
 * from their family (KeyError, the Unicode errors) are patched in
 * _RpExc_Init.  All of them are GC containers: a traceback refers to
 * frames, whose locals often refer back to the exception.
 */
#include "rp.h"
#include <stddef.h>
#include <errno.h>

#define BASE(o) ((RpBaseExceptionObject *)(o))

/* ---- the generic part: BaseException ------------------------------------ */

/* Number of RpObject* fields after the BaseException part, for the static
 * type that defines the C layout (heap subclasses add their own slots,
 * which subtype_traverse handles). */
static RpTypeObject *solid_base(RpTypeObject *t)
{
    while (t->tp_flags & RP_TPFLAGS_HEAPTYPE)
        t = t->tp_base;
    return t;
}

static int is_unicode_family(RpTypeObject *t)
{
    return t->tp_basicsize == (Rp_ssize_t)sizeof(RpUnicodeErrorObject) &&
           RpType_IsSubtype(t, (RpTypeObject *)RpExc_UnicodeError);
}

/* Visit (or clear) the object fields that follow BaseException's. */
static RpObject **extra_fields(RpObject *self, Rp_ssize_t *n)
{
    RpTypeObject *t = solid_base(Rp_TYPE(self));
    if (is_unicode_family(t)) {
        *n = 2;   /* encoding, object; reason handled by the caller */
        return &((RpUnicodeErrorObject *)self)->encoding;
    }
    *n = (t->tp_basicsize - (Rp_ssize_t)sizeof(RpBaseExceptionObject)) /
         (Rp_ssize_t)sizeof(RpObject *);
    return (RpObject **)((char *)self + sizeof(RpBaseExceptionObject));
}

static int exc_traverse(RpObject *self, visitproc visit, void *arg)
{
    RpBaseExceptionObject *e = BASE(self);
    Rp_VISIT(e->dict);
    Rp_VISIT(e->args);
    Rp_VISIT(e->notes);
    Rp_VISIT(e->traceback);
    Rp_VISIT(e->context);
    Rp_VISIT(e->cause);
    Rp_ssize_t n;
    RpObject **f = extra_fields(self, &n);
    for (Rp_ssize_t i = 0; i < n; i++)
        Rp_VISIT(f[i]);
    if (is_unicode_family(solid_base(Rp_TYPE(self))))
        Rp_VISIT(((RpUnicodeErrorObject *)self)->reason);
    return 0;
}

static int exc_clear(RpObject *self)
{
    RpBaseExceptionObject *e = BASE(self);
    Rp_CLEAR(e->dict);
    Rp_CLEAR(e->args);
    Rp_CLEAR(e->notes);
    Rp_CLEAR(e->traceback);
    Rp_CLEAR(e->context);
    Rp_CLEAR(e->cause);
    Rp_ssize_t n;
    RpObject **f = extra_fields(self, &n);
    for (Rp_ssize_t i = 0; i < n; i++)
        Rp_CLEAR(f[i]);
    if (is_unicode_family(solid_base(Rp_TYPE(self))))
        Rp_CLEAR(((RpUnicodeErrorObject *)self)->reason);
    return 0;
}

static void exc_dealloc(RpObject *self)
{
    RpObject_GC_UnTrack(self);
    RP_TRASHCAN_BEGIN(self, exc_dealloc)
    exc_clear(self);
    Rp_TYPE(self)->tp_free(self);
    RP_TRASHCAN_END
}

static RpObject *exc_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    RpObject *self = type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    BASE(self)->args = args ? Rp_NewRef(args) : RpTuple_New(0);
    if (BASE(self)->args == NULL) {
        Rp_DECREF(self);
        return NULL;
    }
    return self;
}

static int no_keywords(RpObject *self, RpObject *kwds)
{
    if (kwds != NULL && RpDict_GET_SIZE(kwds) != 0) {
        RpErr_Format(RpExc_TypeError, "%s() takes no keyword arguments",
                     _RpType_Name(Rp_TYPE(self)));
        return -1;
    }
    return 0;
}

static int set_args(RpObject *self, RpObject *args)
{
    Rp_XSETREF(BASE(self)->args, Rp_NewRef(args));
    return 0;
}

static int init_RpBaseExceptionObject(RpObject *self, RpObject *args, RpObject *kwds)
{
    if (no_keywords(self, kwds) < 0)
        return -1;
    return set_args(self, args);
}

static RpObject *exc_str(RpObject *self)
{
    RpObject *args = BASE(self)->args;
    Rp_ssize_t n = args ? RpTuple_GET_SIZE(args) : 0;
    if (n == 0)
        return RpUnicode_FromString("");
    if (n == 1)
        return RpObject_Str(RpTuple_GET_ITEM(args, 0));
    return RpObject_Str(args);
}

static RpObject *exc_repr(RpObject *self)
{
    const char *name = _RpType_Name(Rp_TYPE(self));
    RpObject *args = BASE(self)->args;
    if (args != NULL && RpTuple_GET_SIZE(args) == 1)
        return RpUnicode_FromFormat("%s(%R)", name, RpTuple_GET_ITEM(args, 0));
    if (args == NULL || RpTuple_GET_SIZE(args) == 0)
        return RpUnicode_FromFormat("%s()", name);
    return RpUnicode_FromFormat("%s%R", name, args);
}

static RpObject *exc_with_traceback(RpObject *self, RpObject *tb)
{
    if (RpException_SetTraceback(self, tb) < 0)
        return NULL;
    return Rp_NewRef(self);
}

static RpObject *exc_add_note(RpObject *self, RpObject *note)
{
    if (!RpUnicode_Check(note))
        return RpErr_Format(RpExc_TypeError, "note must be a str, not '%s'",
                            _RpType_Name(Rp_TYPE(note)));
    RpObject *name = RpUnicode_InternFromString("__notes__");
    RpObject *notes = NULL;
    if (name == NULL)
        return NULL;
    int r = _RpObject_LookupAttr(self, name, &notes);
    if (r == 0) {
        notes = RpList_New(0);
        if (notes == NULL || RpObject_SetAttr(self, name, notes) < 0)
            r = -1;
    } else if (r > 0 && !RpList_Check(notes)) {
        RpErr_SetString(RpExc_TypeError, "Cannot add note: __notes__ is not a list");
        r = -1;
    }
    Rp_DECREF(name);
    if (r < 0 || RpList_Append(notes, note) < 0) {
        Rp_XDECREF(notes);
        return NULL;
    }
    Rp_DECREF(notes);
    Rp_RETURN_NONE;
}

static RpMethodDef exc_methods[] = {
    {"with_traceback", (RpCFunction)exc_with_traceback, RP_METH_O, NULL},
    {"add_note", (RpCFunction)exc_add_note, RP_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static RpObject *get_args(RpObject *self, void *c)
{
    return Rp_NewRef(BASE(self)->args ? BASE(self)->args : Rp_None);
}

static int set_args_attr(RpObject *self, RpObject *v, void *c)
{
    if (v == NULL) {
        RpErr_SetString(RpExc_TypeError, "args may not be deleted");
        return -1;
    }
    RpObject *t = RpSequence_Tuple(v);
    if (t == NULL)
        return -1;
    Rp_XSETREF(BASE(self)->args, t);
    return 0;
}

static RpObject *get_tb(RpObject *self, void *c)
{
    return Rp_NewRef(BASE(self)->traceback ? BASE(self)->traceback : Rp_None);
}

static int set_tb(RpObject *self, RpObject *v, void *c)
{
    if (v == NULL) {
        RpErr_SetString(RpExc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    return RpException_SetTraceback(self, v);
}

static RpObject *get_context(RpObject *self, void *c)
{
    return Rp_NewRef(BASE(self)->context ? BASE(self)->context : Rp_None);
}

static int check_exc_or_none(RpObject *v, const char *what)
{
    if (v == NULL) {
        RpErr_Format(RpExc_TypeError, "%s may not be deleted", what);
        return -1;
    }
    if (v != Rp_None && !RpExceptionInstance_Check(v)) {
        RpErr_Format(RpExc_TypeError, "exception %s must be None or derive from BaseException",
                     strcmp(what, "__cause__") == 0 ? "cause" : "context");
        return -1;
    }
    return 0;
}

static int set_context(RpObject *self, RpObject *v, void *c)
{
    if (check_exc_or_none(v, "__context__") < 0)
        return -1;
    RpException_SetContext(self, v == Rp_None ? NULL : Rp_NewRef(v));
    return 0;
}

static RpObject *get_cause(RpObject *self, void *c)
{
    return Rp_NewRef(BASE(self)->cause ? BASE(self)->cause : Rp_None);
}

static int set_cause(RpObject *self, RpObject *v, void *c)
{
    if (check_exc_or_none(v, "__cause__") < 0)
        return -1;
    RpException_SetCause(self, v == Rp_None ? NULL : Rp_NewRef(v));
    return 0;
}

static RpGetSetDef exc_getset[] = {
    {"args", get_args, set_args_attr, NULL, NULL},
    {"__traceback__", get_tb, set_tb, NULL, NULL},
    {"__context__", get_context, set_context, NULL, NULL},
    {"__cause__", get_cause, set_cause, NULL, NULL},
    {"__dict__", RpObject_GenericGetDict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static RpMemberDef members_RpBaseExceptionObject[] = {
    {"__suppress_context__", RP_T_BOOL, offsetof(RpBaseExceptionObject, suppress_context), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

/* ---- families ------------------------------------------------------------ */

static RpObject *first_arg_or_none(RpObject *args)
{
    return Rp_NewRef(RpTuple_GET_SIZE(args) > 0 ? RpTuple_GET_ITEM(args, 0) : Rp_None);
}

/* StopIteration.value */
static int init_RpStopIterationObject(RpObject *self, RpObject *args, RpObject *kwds)
{
    if (init_RpBaseExceptionObject(self, args, kwds) < 0)
        return -1;
    Rp_XSETREF(((RpStopIterationObject *)self)->value, first_arg_or_none(args));
    return 0;
}
static RpMemberDef members_RpStopIterationObject[] = {
    {"value", RP_T_OBJECT, offsetof(RpStopIterationObject, value), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

/* SystemExit.code: None, the one argument, or the args tuple */
static int init_RpSystemExitObject(RpObject *self, RpObject *args, RpObject *kwds)
{
    if (init_RpBaseExceptionObject(self, args, kwds) < 0)
        return -1;
    RpObject *code = RpTuple_GET_SIZE(args) == 1 ? Rp_NewRef(RpTuple_GET_ITEM(args, 0))
                     : RpTuple_GET_SIZE(args) == 0 ? Rp_NewRef(Rp_None) : Rp_NewRef(args);
    Rp_XSETREF(((RpSystemExitObject *)self)->code, code);
    return 0;
}
static RpMemberDef members_RpSystemExitObject[] = {
    {"code", RP_T_OBJECT, offsetof(RpSystemExitObject, code), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

/* OSError(errno, strerror[, filename]): args keeps the first two. */
static RpObject *oserror_subclass_for(long err)
{
    switch (err) {
    case ENOENT: return RpExc_FileNotFoundError;
    case EEXIST: return RpExc_FileExistsError;
    case EISDIR: return RpExc_IsADirectoryError;
    case ENOTDIR: return RpExc_NotADirectoryError;
    case EACCES: case EPERM: return RpExc_PermissionError;
    case ESRCH: return RpExc_ProcessLookupError;
    case ECHILD: return RpExc_ChildProcessError;
    case EINTR: return RpExc_InterruptedError;
    case EPIPE: case ESHUTDOWN: return RpExc_BrokenPipeError;
    case ECONNABORTED: return RpExc_ConnectionAbortedError;
    case ECONNREFUSED: return RpExc_ConnectionRefusedError;
    case ECONNRESET: return RpExc_ConnectionResetError;
    case ETIMEDOUT: return RpExc_TimeoutError;
    case EAGAIN: case EALREADY: case EINPROGRESS: return RpExc_BlockingIOError;
    default: return NULL;
    }
}

static RpObject *oserror_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    /* OSError(ENOENT, ...) builds a FileNotFoundError, as CPython does. */
    if (type == (RpTypeObject *)RpExc_OSError && args && RpTuple_GET_SIZE(args) >= 2 &&
        RpLong_Check(RpTuple_GET_ITEM(args, 0))) {
        long err = RpLong_AsLong(RpTuple_GET_ITEM(args, 0));
        if (err == -1 && RpErr_Occurred())
            RpErr_Clear();
        RpObject *sub = oserror_subclass_for(err);
        if (sub != NULL)
            type = (RpTypeObject *)sub;
    }
    return exc_new(type, args, kwds);
}

static int init_RpOSErrorObject(RpObject *self, RpObject *args, RpObject *kwds)
{
    RpOSErrorObject *e = (RpOSErrorObject *)self;
    Rp_ssize_t n = RpTuple_GET_SIZE(args);
    if (no_keywords(self, kwds) < 0)
        return -1;
    if (n >= 2 && n <= 5) {
        Rp_XSETREF(e->myerrno, Rp_NewRef(RpTuple_GET_ITEM(args, 0)));
        Rp_XSETREF(e->strerror, Rp_NewRef(RpTuple_GET_ITEM(args, 1)));
        if (n >= 3) {
            Rp_XSETREF(e->filename, Rp_NewRef(RpTuple_GET_ITEM(args, 2)));
            RpObject *two = RpTuple_GetSlice(args, 0, 2);
            if (two == NULL)
                return -1;
            Rp_XSETREF(BASE(self)->args, two);
            return 0;
        }
    }
    return set_args(self, args);
}

static RpObject *oserror_str(RpObject *self)
{
    RpOSErrorObject *e = (RpOSErrorObject *)self;
    if (e->filename && e->filename != Rp_None)
        return RpUnicode_FromFormat("[Errno %S] %S: %R", e->myerrno, e->strerror, e->filename);
    if (e->myerrno && e->strerror)
        return RpUnicode_FromFormat("[Errno %S] %S", e->myerrno, e->strerror);
    return exc_str(self);
}

static RpMemberDef members_RpOSErrorObject[] = {
    {"errno", RP_T_OBJECT, offsetof(RpOSErrorObject, myerrno), 0, NULL},
    {"strerror", RP_T_OBJECT, offsetof(RpOSErrorObject, strerror), 0, NULL},
    {"filename", RP_T_OBJECT, offsetof(RpOSErrorObject, filename), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

/* SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])) */
static int init_RpSyntaxErrorObject(RpObject *self, RpObject *args, RpObject *kwds)
{
    RpSyntaxErrorObject *e = (RpSyntaxErrorObject *)self;
    Rp_ssize_t n = RpTuple_GET_SIZE(args);
    if (init_RpBaseExceptionObject(self, args, kwds) < 0)
        return -1;
    if (n >= 1)
        Rp_XSETREF(e->msg, Rp_NewRef(RpTuple_GET_ITEM(args, 0)));
    if (n == 2) {
        RpObject *info = RpSequence_Tuple(RpTuple_GET_ITEM(args, 1));
        if (info == NULL)
            return -1;
        Rp_ssize_t m = RpTuple_GET_SIZE(info);
        if (m < 4 || m > 6) {
            Rp_DECREF(info);
            RpErr_SetString(RpExc_IndexError, "tuple index out of range");
            return -1;
        }
        RpObject **dst[6] = {&e->filename, &e->lineno, &e->offset, &e->text,
                             &e->end_lineno, &e->end_offset};
        for (Rp_ssize_t i = 0; i < m; i++)
            Rp_XSETREF(*dst[i], Rp_NewRef(RpTuple_GET_ITEM(info, i)));
        Rp_DECREF(info);
    }
    return 0;
}

static RpObject *syntaxerror_str(RpObject *self)
{
    RpSyntaxErrorObject *e = (RpSyntaxErrorObject *)self;
    RpObject *msg = e->msg ? RpObject_Str(e->msg) : exc_str(self);
    if (msg == NULL)
        return NULL;
    int have_file = e->filename && RpUnicode_Check(e->filename);
    int have_line = e->lineno && RpLong_Check(e->lineno);
    RpObject *res;
    if (have_file) {
        const char *fn = RpUnicode_AsUTF8(e->filename);
        const char *slash = strrchr(fn, '/');
        fn = slash ? slash + 1 : fn;
        if (have_line)
            res = RpUnicode_FromFormat("%U (%s, line %S)", msg, fn, e->lineno);
        else
            res = RpUnicode_FromFormat("%U (%s)", msg, fn);
    } else if (have_line) {
        res = RpUnicode_FromFormat("%U (line %S)", msg, e->lineno);
    } else {
        res = Rp_NewRef(msg);
    }
    Rp_DECREF(msg);
    return res;
}

static RpMemberDef members_RpSyntaxErrorObject[] = {
    {"msg", RP_T_OBJECT, offsetof(RpSyntaxErrorObject, msg), 0, NULL},
    {"filename", RP_T_OBJECT, offsetof(RpSyntaxErrorObject, filename), 0, NULL},
    {"lineno", RP_T_OBJECT, offsetof(RpSyntaxErrorObject, lineno), 0, NULL},
    {"offset", RP_T_OBJECT, offsetof(RpSyntaxErrorObject, offset), 0, NULL},
    {"text", RP_T_OBJECT, offsetof(RpSyntaxErrorObject, text), 0, NULL},
    {"end_lineno", RP_T_OBJECT, offsetof(RpSyntaxErrorObject, end_lineno), 0, NULL},
    {"end_offset", RP_T_OBJECT, offsetof(RpSyntaxErrorObject, end_offset), 0, NULL},
    {"print_file_and_line", RP_T_OBJECT, offsetof(RpSyntaxErrorObject, print_file_and_line), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

/* Keyword-only attributes (AttributeError(name=, obj=), NameError(name=),
 * ImportError(name=, path=)). */
static int take_keywords(RpObject *self, RpObject *kwds, const char *const *names,
                         RpObject **slots[], int n)
{
    if (kwds == NULL)
        return 0;
    Rp_ssize_t pos = 0;
    RpObject *k, *v;
    while (RpDict_Next(kwds, &pos, &k, &v)) {
        int i;
        for (i = 0; i < n; i++)
            if (RpUnicode_Check(k) && _RpUnicode_EqualToASCIIString(k, names[i]))
                break;
        if (i == n) {
            RpErr_Format(RpExc_TypeError, "%s() got an unexpected keyword argument '%S'",
                         _RpType_Name(Rp_TYPE(self)), k);
            return -1;
        }
        Rp_XSETREF(*slots[i], Rp_NewRef(v));
    }
    return 0;
}

static int init_RpAttributeErrorObject(RpObject *self, RpObject *args, RpObject *kwds)
{
    RpAttributeErrorObject *e = (RpAttributeErrorObject *)self;
    static const char *const names[] = {"name", "obj"};
    RpObject **slots[] = {&e->name, &e->obj};
    if (take_keywords(self, kwds, names, slots, 2) < 0)
        return -1;
    return set_args(self, args);
}
static RpMemberDef members_RpAttributeErrorObject[] = {
    {"name", RP_T_OBJECT, offsetof(RpAttributeErrorObject, name), 0, NULL},
    {"obj", RP_T_OBJECT, offsetof(RpAttributeErrorObject, obj), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

static int init_RpNameErrorObject(RpObject *self, RpObject *args, RpObject *kwds)
{
    static const char *const names[] = {"name"};
    RpObject **slots[] = {&((RpNameErrorObject *)self)->name};
    if (take_keywords(self, kwds, names, slots, 1) < 0)
        return -1;
    return set_args(self, args);
}
static RpMemberDef members_RpNameErrorObject[] = {
    {"name", RP_T_OBJECT, offsetof(RpNameErrorObject, name), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

static int init_RpImportErrorObject(RpObject *self, RpObject *args, RpObject *kwds)
{
    RpImportErrorObject *e = (RpImportErrorObject *)self;
    static const char *const names[] = {"name", "path"};
    RpObject **slots[] = {&e->name, &e->path};
    if (take_keywords(self, kwds, names, slots, 2) < 0)
        return -1;
    if (RpTuple_GET_SIZE(args) == 1)
        Rp_XSETREF(e->msg, Rp_NewRef(RpTuple_GET_ITEM(args, 0)));
    return set_args(self, args);
}
static RpObject *importerror_str(RpObject *self)
{
    RpImportErrorObject *e = (RpImportErrorObject *)self;
    if (e->msg && RpUnicode_Check(e->msg))
        return Rp_NewRef(e->msg);
    return exc_str(self);
}
static RpMemberDef members_RpImportErrorObject[] = {
    {"msg", RP_T_OBJECT, offsetof(RpImportErrorObject, msg), 0, NULL},
    {"name", RP_T_OBJECT, offsetof(RpImportErrorObject, name), 0, NULL},
    {"path", RP_T_OBJECT, offsetof(RpImportErrorObject, path), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

/* UnicodeDecodeError(encoding, object, start, end, reason) and friends */
static int init_RpUnicodeErrorObject(RpObject *self, RpObject *args, RpObject *kwds)
{
    RpUnicodeErrorObject *e = (RpUnicodeErrorObject *)self;
    if (init_RpBaseExceptionObject(self, args, kwds) < 0)
        return -1;
    if (Rp_TYPE(self) == (RpTypeObject *)RpExc_UnicodeError ||
        !RpType_IsSubtype(Rp_TYPE(self), (RpTypeObject *)RpExc_UnicodeError) ||
        RpTuple_GET_SIZE(args) != 5)
        return 0;
    Rp_ssize_t start = RpLong_AsSsize_t(RpTuple_GET_ITEM(args, 2));
    Rp_ssize_t end = RpLong_AsSsize_t(RpTuple_GET_ITEM(args, 3));
    if ((start == -1 || end == -1) && RpErr_Occurred())
        return -1;
    Rp_XSETREF(e->encoding, Rp_NewRef(RpTuple_GET_ITEM(args, 0)));
    Rp_XSETREF(e->object, Rp_NewRef(RpTuple_GET_ITEM(args, 1)));
    Rp_XSETREF(e->reason, Rp_NewRef(RpTuple_GET_ITEM(args, 4)));
    e->start = start;
    e->end = end;
    return 0;
}

static RpObject *unicode_decode_str(RpObject *self)
{
    RpUnicodeErrorObject *e = (RpUnicodeErrorObject *)self;
    if (e->object == NULL || !RpBytes_Check(e->object) || e->reason == NULL)
        return exc_str(self);
    if (e->end == e->start + 1 && e->start < RpBytes_GET_SIZE(e->object)) {
        int byte = (unsigned char)RpBytes_AS_STRING(e->object)[e->start];
        return RpUnicode_FromFormat("'%S' codec can't decode byte 0x%02x in position %zd: %S",
                                    e->encoding, byte, e->start, e->reason);
    }
    return RpUnicode_FromFormat("'%S' codec can't decode bytes in position %zd-%zd: %S",
                                e->encoding, e->start, e->end - 1, e->reason);
}

static RpObject *unicode_encode_str(RpObject *self)
{
    RpUnicodeErrorObject *e = (RpUnicodeErrorObject *)self;
    if (e->object == NULL || !RpUnicode_Check(e->object) || e->reason == NULL)
        return exc_str(self);
    if (e->end == e->start + 1 && e->start < RpUnicode_GET_LENGTH(e->object)) {
        int cp = RpUnicode_ReadChar(e->object, e->start);
        const char *fmt = cp < 0x100 ? "'%S' codec can't encode character '\\x%02x' in position %zd: %S"
                        : cp < 0x10000 ? "'%S' codec can't encode character '\\u%04x' in position %zd: %S"
                        : "'%S' codec can't encode character '\\U%08x' in position %zd: %S";
        return RpUnicode_FromFormat(fmt, e->encoding, cp, e->start, e->reason);
    }
    return RpUnicode_FromFormat("'%S' codec can't encode characters in position %zd-%zd: %S",
                                e->encoding, e->start, e->end - 1, e->reason);
}

static RpMemberDef members_RpUnicodeErrorObject[] = {
    {"encoding", RP_T_OBJECT, offsetof(RpUnicodeErrorObject, encoding), 0, NULL},
    {"object", RP_T_OBJECT, offsetof(RpUnicodeErrorObject, object), 0, NULL},
    {"start", RP_T_SSIZE, offsetof(RpUnicodeErrorObject, start), 0, NULL},
    {"end", RP_T_SSIZE, offsetof(RpUnicodeErrorObject, end), 0, NULL},
    {"reason", RP_T_OBJECT, offsetof(RpUnicodeErrorObject, reason), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

static RpObject *keyerror_str(RpObject *self)
{
    RpObject *args = BASE(self)->args;
    if (args && RpTuple_GET_SIZE(args) == 1)
        return RpObject_Repr(RpTuple_GET_ITEM(args, 0));
    return exc_str(self);
}

/* BaseExceptionGroup: __new__ (excgroup.c) sets message and exceptions;
 * __init__ only checks for keywords and keeps args, as BaseException's. */
#define init_RpBaseExceptionGroupObject init_RpBaseExceptionObject
static RpMemberDef members_RpBaseExceptionGroupObject[] = {
    {"message", RP_T_OBJECT, offsetof(RpBaseExceptionGroupObject, msg), RP_READONLY,
     "exception message"},
    {"exceptions", RP_T_OBJECT, offsetof(RpBaseExceptionGroupObject, excs), RP_READONLY,
     "nested exceptions"},
    {NULL, 0, 0, 0, NULL}
};

/* ---- the static type objects --------------------------------------------- */

#define EXC_TYPE(name, base, st)                                              \
    static RpTypeObject _RpExc_##name##_Type = {                              \
        RpVarObject_HEAD_INIT(&RpType_Type, 0),                               \
        .tp_name = #name,                                                     \
        .tp_basicsize = sizeof(st),                                           \
        .tp_dealloc = exc_dealloc,                                            \
        .tp_repr = exc_repr,                                                  \
        .tp_str = exc_str,                                                    \
        .tp_getattro = RpObject_GenericGetAttr,                               \
        .tp_setattro = RpObject_GenericSetAttr,                               \
        .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_BASETYPE |                \
                    RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_BASE_EXC_SUBCLASS,        \
        .tp_traverse = exc_traverse,                                          \
        .tp_clear = exc_clear,                                                \
        .tp_members = members_##st,                                           \
        .tp_dictoffset = offsetof(RpBaseExceptionObject, dict),               \
        .tp_init = init_##st,                                                 \
        .tp_new = exc_new,                                                    \
    };                                                                        \
    RpObject *RpExc_##name = (RpObject *)&_RpExc_##name##_Type;
RP_FOR_EACH_EXCEPTION(EXC_TYPE)
#undef EXC_TYPE

typedef struct { RpTypeObject *type; RpTypeObject *base; } exc_link;
#define EXC_LINK(name, base, st) {&_RpExc_##name##_Type, (RpTypeObject *)EXC_BASE_##base},
#define EXC_BASE_NULL NULL
#define EXC_BASE_BaseException &_RpExc_BaseException_Type
#define EXC_BASE_Exception &_RpExc_Exception_Type
#define EXC_BASE_ArithmeticError &_RpExc_ArithmeticError_Type
#define EXC_BASE_ImportError &_RpExc_ImportError_Type
#define EXC_BASE_LookupError &_RpExc_LookupError_Type
#define EXC_BASE_NameError &_RpExc_NameError_Type
#define EXC_BASE_OSError &_RpExc_OSError_Type
#define EXC_BASE_ConnectionError &_RpExc_ConnectionError_Type
#define EXC_BASE_RuntimeError &_RpExc_RuntimeError_Type
#define EXC_BASE_SyntaxError &_RpExc_SyntaxError_Type
#define EXC_BASE_IndentationError &_RpExc_IndentationError_Type
#define EXC_BASE_ValueError &_RpExc_ValueError_Type
#define EXC_BASE_UnicodeError &_RpExc_UnicodeError_Type
#define EXC_BASE_Warning &_RpExc_Warning_Type
#define EXC_BASE_BaseExceptionGroup &_RpExc_BaseExceptionGroup_Type
static const exc_link exc_links[] = { RP_FOR_EACH_EXCEPTION(EXC_LINK) };

static int derives_from(RpTypeObject *t, RpTypeObject *base)
{
    for (; t != NULL; t = t->tp_base)
        if (t == base)
            return 1;
    return 0;
}

/* Exceptions share a few methods and getsets from BaseException; every
 * type gets its own family's str where it differs.  Runs before the types
 * are readied, so the generated __str__/__new__ wrappers see the result. */
static void patch_families(void)
{
    _RpExc_BaseException_Type.tp_methods = exc_methods;
    _RpExc_BaseException_Type.tp_getset = exc_getset;
    _RpExc_KeyError_Type.tp_str = keyerror_str;
    _RpExc_UnicodeDecodeError_Type.tp_str = unicode_decode_str;
    _RpExc_UnicodeEncodeError_Type.tp_str = unicode_encode_str;
    for (size_t i = 0; i < sizeof exc_links / sizeof exc_links[0]; i++) {
        RpTypeObject *t = exc_links[i].type;
        if (derives_from(t, &_RpExc_OSError_Type)) {
            t->tp_new = oserror_new;
            t->tp_str = oserror_str;
        }
    }
    _RpExc_BaseExceptionGroup_Type.tp_new = _RpExcGroup_New;
    _RpExc_BaseExceptionGroup_Type.tp_str = _RpExcGroup_Str;
    _RpExc_BaseExceptionGroup_Type.tp_methods = _RpExcGroup_Methods;
    _RpExc_ExceptionGroup_Type.tp_new = _RpExcGroup_New;
    _RpExc_ExceptionGroup_Type.tp_str = _RpExcGroup_Str;
    for (size_t i = 0; i < sizeof exc_links / sizeof exc_links[0]; i++) {
        RpTypeObject *t = exc_links[i].type;
        if (t->tp_init == init_RpSyntaxErrorObject)
            t->tp_str = syntaxerror_str;
        if (t->tp_init == init_RpImportErrorObject)
            t->tp_str = importerror_str;
    }
}

int _RpExc_Init(void)
{
    size_t n = sizeof exc_links / sizeof exc_links[0];
    for (size_t i = 0; i < n; i++)
        exc_links[i].type->tp_base = exc_links[i].base;
    /* ExceptionGroup(BaseExceptionGroup, Exception): the only built-in
     * exception with two bases; BaseExceptionGroup gives the layout. */
    _RpExc_ExceptionGroup_Type.tp_bases =
        RpTuple_Pack(2, RpExc_BaseExceptionGroup, RpExc_Exception);
    if (_RpExc_ExceptionGroup_Type.tp_bases == NULL)
        return -1;
    patch_families();
    for (size_t i = 0; i < n; i++)
        if (RpType_Ready(exc_links[i].type) < 0)
            return -1;
    return _RpErr_Init();
}

void _RpExc_Fini(void)
{
    _RpErr_Fini();
    _RpTraceBack_Fini();
    size_t n = sizeof exc_links / sizeof exc_links[0];
    for (size_t i = n; i-- > 0;) {
        RpTypeObject *t = exc_links[i].type;
        Rp_CLEAR(t->tp_dict);
        Rp_CLEAR(t->tp_mro);
        Rp_CLEAR(t->tp_bases);
        Rp_CLEAR(t->tp_subclasses);
        t->tp_flags &= ~RP_TPFLAGS_READY;
    }
}

/* ---- accessors ----------------------------------------------------------- */

RpObject *RpException_GetTraceback(RpObject *exc)
{
    return Rp_XNewRef(BASE(exc)->traceback);
}

int RpException_SetTraceback(RpObject *exc, RpObject *tb)
{
    if (tb == NULL || (tb != Rp_None && !Rp_IS_TYPE(tb, &RpTraceBack_Type))) {
        RpErr_SetString(RpExc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    Rp_XSETREF(BASE(exc)->traceback, tb == Rp_None ? NULL : Rp_NewRef(tb));
    return 0;
}

RpObject *RpException_GetContext(RpObject *exc)
{
    return Rp_XNewRef(BASE(exc)->context);
}

void RpException_SetContext(RpObject *exc, RpObject *ctx)
{
    Rp_XSETREF(BASE(exc)->context, ctx);
}

RpObject *RpException_GetCause(RpObject *exc)
{
    return Rp_XNewRef(BASE(exc)->cause);
}

void RpException_SetCause(RpObject *exc, RpObject *cause)
{
    BASE(exc)->suppress_context = 1;
    Rp_XSETREF(BASE(exc)->cause, cause);
}

int _RpGen_SetStopIterationValue(RpObject *value)
{
    /* A tuple or exception value must be wrapped, or StopIteration(*value)
     * would unpack it. */
    RpObject *exc = RpObject_CallOneArg(RpExc_StopIteration, value);
    if (exc == NULL)
        return -1;
    RpErr_SetRaisedException(exc);
    return 0;
}

int _RpGen_FetchStopIterationValue(RpObject **pvalue)
{
    *pvalue = NULL;
    if (RpErr_Occurred() == NULL) {
        *pvalue = Rp_NewRef(Rp_None);
        return 0;
    }
    if (!RpErr_ExceptionMatches(RpExc_StopIteration))
        return -1;
    RpObject *exc = RpErr_GetRaisedException();
    RpObject *v = ((RpStopIterationObject *)exc)->value;
    *pvalue = Rp_NewRef(v ? v : Rp_None);
    Rp_DECREF(exc);
    return 0;
}
