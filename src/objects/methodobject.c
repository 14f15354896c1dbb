/* methodobject.c -- bound methods (a function plus the instance it was
 * looked up on) and built-in functions (a C RpMethodDef plus an optional
 * self: the module, or the instance for "built-in method append of list").
 *
 * Both are called through vectorcall.  A bound method prepends self; when
 * the caller allows it (RP_VECTORCALL_ARGS_OFFSET) it borrows the slot
 * before args[0] instead of copying the arguments.
 */
#include "rp.h"
#include <stddef.h>

/* ==== bound methods ======================================================= */

#define SMALL_STACK 8

static RpObject *method_vectorcall(RpObject *m, RpObject *const *args, size_t nargsf,
                                   RpObject *kwnames)
{
    RpMethodObject *im = (RpMethodObject *)m;
    Rp_ssize_t nargs = RpVectorcall_NARGS(nargsf);
    Rp_ssize_t total = nargs + (kwnames ? RpTuple_GET_SIZE(kwnames) : 0);
    RpObject *r;
    if (nargsf & RP_VECTORCALL_ARGS_OFFSET) {
        /* the caller lent us args[-1]: put self there, restore afterwards */
        RpObject **newargs = (RpObject **)args - 1;
        RpObject *saved = newargs[0];
        newargs[0] = im->im_self;
        r = RpObject_Vectorcall(im->im_func, newargs, (size_t)(nargs + 1), kwnames);
        newargs[0] = saved;
        return r;
    }
    RpObject *small[SMALL_STACK + 1], **stack = small;
    if (total + 1 > SMALL_STACK + 1) {
        stack = RpMem_Malloc(sizeof(RpObject *) * (size_t)(total + 2));
        if (stack == NULL)
            return RpErr_NoMemory();
    }
    /* leave stack[0] free so the callee may in turn use the offset trick */
    stack[1] = im->im_self;
    if (total > 0)
        memcpy(stack + 2, args, sizeof(RpObject *) * (size_t)total);
    r = RpObject_Vectorcall(im->im_func, stack + 1,
                            (size_t)(nargs + 1) | RP_VECTORCALL_ARGS_OFFSET, kwnames);
    if (stack != small)
        RpMem_Free(stack);
    return r;
}

RpObject *RpMethod_New(RpObject *func, RpObject *self)
{
    if (self == NULL) {
        RpErr_BadInternalCall();
        return NULL;
    }
    RpMethodObject *im = RpObject_GC_New(RpMethodObject, &RpMethod_Type);
    if (im == NULL)
        return NULL;
    im->vectorcall = method_vectorcall;
    im->im_func = Rp_NewRef(func);
    im->im_self = Rp_NewRef(self);
    im->im_weakreflist = NULL;
    RpObject_GC_Track(im);
    return (RpObject *)im;
}

static int method_traverse(RpObject *o, visitproc visit, void *arg)
{
    RpMethodObject *im = (RpMethodObject *)o;
    Rp_VISIT(im->im_func);
    Rp_VISIT(im->im_self);
    return 0;
}

static void method_dealloc(RpObject *o)
{
    RpMethodObject *im = (RpMethodObject *)o;
    RpObject_GC_UnTrack(o);
    if (im->im_weakreflist != NULL)
        RpObject_ClearWeakRefs(o);
    Rp_CLEAR(im->im_func);
    Rp_CLEAR(im->im_self);
    RpObject_GC_Del(o);
}

/* "<bound method A.f of <__main__.A object at 0x...>>" */
static RpObject *method_repr(RpObject *o)
{
    RpMethodObject *im = (RpMethodObject *)o;
    RpObject *name = NULL, *r;
    if (_RpObject_LookupAttr(im->im_func, RP_ID(__qualname__), &name) < 0)
        return NULL;
    if (name == NULL && _RpObject_LookupAttr(im->im_func, RP_ID(__name__), &name) < 0)
        return NULL;
    if (name != NULL && !RpUnicode_Check(name))
        Rp_CLEAR(name);
    if (name != NULL)
        r = RpUnicode_FromFormat("<bound method %U of %R>", name, im->im_self);
    else
        r = RpUnicode_FromFormat("<bound method ? of %R>", im->im_self);
    Rp_XDECREF(name);
    return r;
}

/* Equal when the functions are equal and self is the same object. */
static RpObject *method_richcompare(RpObject *a, RpObject *b, int op)
{
    if ((op != Rp_EQ && op != Rp_NE) || !RpMethod_Check(a) || !RpMethod_Check(b))
        Rp_RETURN_NOTIMPLEMENTED;
    RpMethodObject *x = (RpMethodObject *)a, *y = (RpMethodObject *)b;
    int eq = x->im_self == y->im_self;
    if (eq && (eq = RpObject_RichCompareBool(x->im_func, y->im_func, Rp_EQ)) < 0)
        return NULL;
    return RpBool_FromLong(op == Rp_EQ ? eq : !eq);
}

static Rp_hash_t pointer_hash(void *p)
{
    uintptr_t y = (uintptr_t)p;
    y = (y >> 4) | (y << (8 * sizeof(y) - 4));
    Rp_hash_t h = (Rp_hash_t)y;
    return h == -1 ? -2 : h;
}

static Rp_hash_t method_hash(RpObject *o)
{
    RpMethodObject *im = (RpMethodObject *)o;
    Rp_hash_t y = RpObject_Hash(im->im_func);
    if (y == -1)
        return -1;
    Rp_hash_t x = pointer_hash(im->im_self) ^ y;
    return x == -1 ? -2 : x;
}

/* Attributes not defined on the method type come from the function. */
static RpObject *method_getattro(RpObject *o, RpObject *name)
{
    RpMethodObject *im = (RpMethodObject *)o;
    RpTypeObject *tp = Rp_TYPE(o);
    RpObject *descr = _RpType_Lookup(tp, name);
    if (descr != NULL) {
        descrgetfunc f = Rp_TYPE(descr)->tp_descr_get;
        if (f != NULL)
            return f(descr, o, (RpObject *)tp);
        return Rp_NewRef(descr);
    }
    return RpObject_GetAttr(im->im_func, name);
}

static RpObject *method_get_doc(RpObject *o, void *c)
{
    return RpObject_GetAttr(((RpMethodObject *)o)->im_func, RP_ID(__doc__));
}

static RpObject *method_reduce(RpObject *o, RpObject *unused)
{
    RpMethodObject *im = (RpMethodObject *)o;
    RpObject *getattr = RpDict_GetItemString(RpEval_GetBuiltins(), "getattr");
    RpObject *name = RpObject_GetAttr(im->im_func, RP_ID(__name__));
    if (getattr == NULL || name == NULL) {
        Rp_XDECREF(name);
        if (!RpErr_Occurred())
            RpErr_SetString(RpExc_RuntimeError, "getattr not found");
        return NULL;
    }
    RpObject *args = RpTuple_Pack(2, im->im_self, name);
    RpObject *r = args != NULL ? RpTuple_Pack(2, getattr, args) : NULL;
    Rp_XDECREF(args);
    Rp_DECREF(name);
    return r;
}

static RpObject *method_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    if (kwds != NULL && RpDict_GET_SIZE(kwds) > 0) {
        RpErr_SetString(RpExc_TypeError, "method() takes no keyword arguments");
        return NULL;
    }
    if (!_RpArg_CheckPositional("method", RpTuple_GET_SIZE(args), 2, 2))
        return NULL;
    RpObject *func = RpTuple_GET_ITEM(args, 0), *self = RpTuple_GET_ITEM(args, 1);
    if (!RpCallable_Check(func)) {
        RpErr_SetString(RpExc_TypeError, "first argument must be callable");
        return NULL;
    }
    if (self == Rp_None) {
        RpErr_SetString(RpExc_TypeError, "instance must not be None");
        return NULL;
    }
    return RpMethod_New(func, self);
}

static RpMemberDef method_members[] = {
    {"__func__", RP_T_OBJECT, offsetof(RpMethodObject, im_func), RP_READONLY,
     "the function (or other callable) implementing a method"},
    {"__self__", RP_T_OBJECT, offsetof(RpMethodObject, im_self), RP_READONLY,
     "the instance to which a method is bound"},
    {NULL, 0, 0, 0, NULL}
};

static RpGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static RpMethodDef method_methods[] = {
    {"__reduce__", method_reduce, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

RpTypeObject RpMethod_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "method",
    .tp_basicsize = sizeof(RpMethodObject),
    .tp_dealloc = method_dealloc,
    .tp_vectorcall_offset = offsetof(RpMethodObject, vectorcall),
    .tp_hash = method_hash,
    .tp_call = RpVectorcall_Call,
    .tp_repr = method_repr,
    .tp_getattro = method_getattro,
    .tp_setattro = RpObject_GenericSetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a bound instance method object.",
    .tp_traverse = method_traverse,
    .tp_richcompare = method_richcompare,
    .tp_weaklistoffset = offsetof(RpMethodObject, im_weakreflist),
    .tp_methods = method_methods,
    .tp_members = method_members,
    .tp_getset = method_getset,
    .tp_new = method_new,
};

/* ==== calling a method table entry ======================================== */

/* The name used in argument errors: "len()", "math.sqrt()",
 * "list.append()" (prefix = owner type or module, NULL for none). */
static RpObject *arg_error(const char *prefix, const char *name, const char *fmt,
                           Rp_ssize_t n)
{
    char full[256];
    snprintf(full, sizeof full, "%s%s%s()", prefix ? prefix : "", prefix ? "." : "", name);
    return RpErr_Format(RpExc_TypeError, fmt, full, n);
}

static int no_kwnames(RpObject *kwnames)
{
    return kwnames == NULL || RpTuple_GET_SIZE(kwnames) == 0;
}

/* METH_VARARGS: pack into a tuple (and a dict with METH_KEYWORDS). */
static RpObject *call_varargs(RpMethodDef *ml, RpObject *self, RpObject *const *args,
                              Rp_ssize_t nargs, RpObject *kwnames)
{
    RpObject *tuple = _RpTuple_FromArray(args, nargs), *kwargs = NULL, *r = NULL;
    if (tuple == NULL)
        return NULL;
    if (!no_kwnames(kwnames) && (kwargs = _RpStack_AsDict(args + nargs, kwnames)) == NULL)
        goto done;
    if (ml->ml_flags & RP_METH_KEYWORDS)
        r = ((RpCFunctionWithKeywords)(void (*)(void))ml->ml_meth)(self, tuple, kwargs);
    else
        r = ml->ml_meth(self, tuple);
done:
    Rp_DECREF(tuple);
    Rp_XDECREF(kwargs);
    return r;
}

RpObject *_RpMethodDef_CallEx(RpMethodDef *ml, RpObject *self, RpObject *const *args,
                              Rp_ssize_t nargs, RpObject *kwnames, const char *prefix)
{
    int flags = ml->ml_flags & ~(RP_METH_CLASS | RP_METH_STATIC);
    const char *name = ml->ml_name;
    if (flags == (RP_METH_FASTCALL | RP_METH_KEYWORDS))
        return ((RpCFunctionFastWithKeywords)(void (*)(void))ml->ml_meth)(self, args, nargs,
                                                                          kwnames);
    if (flags == (RP_METH_VARARGS | RP_METH_KEYWORDS))
        return call_varargs(ml, self, args, nargs, kwnames);
    if (!no_kwnames(kwnames))
        return arg_error(prefix, name, "%s takes no keyword arguments", 0);
    switch (flags) {
    case RP_METH_NOARGS:
        if (nargs != 0)
            return arg_error(prefix, name, "%s takes no arguments (%zd given)", nargs);
        return ml->ml_meth(self, NULL);
    case RP_METH_O:
        if (nargs != 1)
            return arg_error(prefix, name, "%s takes exactly one argument (%zd given)", nargs);
        return ml->ml_meth(self, args[0]);
    case RP_METH_FASTCALL:
        return ((RpCFunctionFast)(void (*)(void))ml->ml_meth)(self, args, nargs);
    case RP_METH_VARARGS:
        return call_varargs(ml, self, args, nargs, NULL);
    default:
        RpErr_Format(RpExc_SystemError, "%s() method: bad call flags", name);
        return NULL;
    }
}

RpObject *_RpMethodDef_Call(RpMethodDef *ml, RpObject *self, RpObject *const *args,
                            Rp_ssize_t nargs, RpObject *kwnames)
{
    return _RpMethodDef_CallEx(ml, self, args, nargs, kwnames, NULL);
}

/* ==== built-in functions ================================================== */

/* True when self is absent or a module: "built-in function", not method. */
static int is_function_like(RpCFunctionObject *f)
{
    return f->m_self == NULL || RpModule_Check(f->m_self);
}

/* The prefix for error messages: the module name unless builtins, or the
 * type of the bound instance. */
static const char *error_prefix(RpCFunctionObject *f, char *buf, size_t n)
{
    if (!is_function_like(f)) {
        RpTypeObject *t = RpType_Check(f->m_self) ? (RpTypeObject *)f->m_self : Rp_TYPE(f->m_self);
        snprintf(buf, n, "%s", _RpType_Name(t));
        return buf;
    }
    if (f->m_module == NULL || !RpUnicode_Check(f->m_module) ||
        _RpUnicode_EqualToASCIIString(f->m_module, "builtins"))
        return NULL;
    snprintf(buf, n, "%s", RpUnicode_UTF8(f->m_module));
    return buf;
}

static RpObject *cfunction_vectorcall(RpObject *o, RpObject *const *args, size_t nargsf,
                                      RpObject *kwnames)
{
    RpCFunctionObject *f = (RpCFunctionObject *)o;
    int flags = f->m_ml->ml_flags;
    /* the common cases skip building the error prefix */
    if (flags == RP_METH_FASTCALL && no_kwnames(kwnames))
        return ((RpCFunctionFast)(void (*)(void))f->m_ml->ml_meth)(
            f->m_self, args, RpVectorcall_NARGS(nargsf));
    if (flags == (RP_METH_FASTCALL | RP_METH_KEYWORDS))
        return ((RpCFunctionFastWithKeywords)(void (*)(void))f->m_ml->ml_meth)(
            f->m_self, args, RpVectorcall_NARGS(nargsf), kwnames);
    if (flags == RP_METH_O && RpVectorcall_NARGS(nargsf) == 1 && no_kwnames(kwnames))
        return f->m_ml->ml_meth(f->m_self, args[0]);
    if (flags == RP_METH_NOARGS && RpVectorcall_NARGS(nargsf) == 0 && no_kwnames(kwnames))
        return f->m_ml->ml_meth(f->m_self, NULL);
    char buf[200];
    return _RpMethodDef_CallEx(f->m_ml, f->m_self, args, RpVectorcall_NARGS(nargsf), kwnames,
                               error_prefix(f, buf, sizeof buf));
}

RpObject *RpCFunction_NewEx(RpMethodDef *ml, RpObject *self, RpObject *module)
{
    RpCFunctionObject *f = RpObject_GC_New(RpCFunctionObject, &RpCFunction_Type);
    if (f == NULL)
        return NULL;
    f->vectorcall = cfunction_vectorcall;
    f->m_ml = ml;
    f->m_self = Rp_XNewRef(self);
    f->m_module = Rp_XNewRef(module);
    f->m_weakreflist = NULL;
    RpObject_GC_Track(f);
    return (RpObject *)f;
}

static int cfunction_traverse(RpObject *o, visitproc visit, void *arg)
{
    RpCFunctionObject *f = (RpCFunctionObject *)o;
    Rp_VISIT(f->m_self);
    Rp_VISIT(f->m_module);
    return 0;
}

static void cfunction_dealloc(RpObject *o)
{
    RpCFunctionObject *f = (RpCFunctionObject *)o;
    RpObject_GC_UnTrack(o);
    if (f->m_weakreflist != NULL)
        RpObject_ClearWeakRefs(o);
    Rp_CLEAR(f->m_self);
    Rp_CLEAR(f->m_module);
    RpObject_GC_Del(o);
}

static RpObject *cfunction_repr(RpObject *o)
{
    RpCFunctionObject *f = (RpCFunctionObject *)o;
    if (is_function_like(f))
        return RpUnicode_FromFormat("<built-in function %s>", f->m_ml->ml_name);
    return RpUnicode_FromFormat("<built-in method %s of %s object at %p>", f->m_ml->ml_name,
                                Rp_TYPE(f->m_self)->tp_name, f->m_self);
}

static RpObject *cfunction_richcompare(RpObject *a, RpObject *b, int op)
{
    if ((op != Rp_EQ && op != Rp_NE) || !RpCFunction_Check(a) || !RpCFunction_Check(b))
        Rp_RETURN_NOTIMPLEMENTED;
    RpCFunctionObject *x = (RpCFunctionObject *)a, *y = (RpCFunctionObject *)b;
    int eq = x->m_self == y->m_self && x->m_ml->ml_meth == y->m_ml->ml_meth;
    return RpBool_FromLong(op == Rp_EQ ? eq : !eq);
}

static Rp_hash_t cfunction_hash(RpObject *o)
{
    RpCFunctionObject *f = (RpCFunctionObject *)o;
    Rp_hash_t x = pointer_hash(f->m_self) ^ pointer_hash((void *)(uintptr_t)f->m_ml->ml_meth);
    return x == -1 ? -2 : x;
}

static RpObject *cfunction_get_name(RpObject *o, void *c)
{
    return RpUnicode_FromString(((RpCFunctionObject *)o)->m_ml->ml_name);
}

static RpObject *cfunction_get_qualname(RpObject *o, void *c)
{
    RpCFunctionObject *f = (RpCFunctionObject *)o;
    if (is_function_like(f))
        return RpUnicode_FromString(f->m_ml->ml_name);
    RpObject *owner = RpType_Check(f->m_self) ? f->m_self : (RpObject *)Rp_TYPE(f->m_self);
    RpObject *q = RpObject_GetAttr(owner, RP_ID(__qualname__));
    if (q == NULL)
        return NULL;
    RpObject *r = RpUnicode_FromFormat("%U.%s", q, f->m_ml->ml_name);
    Rp_DECREF(q);
    return r;
}

static RpObject *cfunction_get_doc(RpObject *o, void *c)
{
    const char *doc = ((RpCFunctionObject *)o)->m_ml->ml_doc;
    if (doc == NULL)
        Rp_RETURN_NONE;
    return RpUnicode_FromString(doc);
}

static RpObject *cfunction_get_self(RpObject *o, void *c)
{
    RpObject *self = ((RpCFunctionObject *)o)->m_self;
    return Rp_NewRef(self != NULL ? self : Rp_None);
}

static RpObject *cfunction_reduce(RpObject *o, RpObject *unused)
{
    RpCFunctionObject *f = (RpCFunctionObject *)o;
    if (is_function_like(f))
        return RpUnicode_FromString(f->m_ml->ml_name);
    RpObject *getattr = RpDict_GetItemString(RpEval_GetBuiltins(), "getattr");
    RpObject *name = RpUnicode_FromString(f->m_ml->ml_name), *r = NULL;
    if (getattr != NULL && name != NULL) {
        RpObject *args = RpTuple_Pack(2, f->m_self, name);
        if (args != NULL)
            r = RpTuple_Pack(2, getattr, args);
        Rp_XDECREF(args);
    }
    Rp_XDECREF(name);
    return r;
}

static RpMemberDef cfunction_members[] = {
    {"__module__", RP_T_OBJECT, offsetof(RpCFunctionObject, m_module), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

static RpGetSetDef cfunction_getset[] = {
    {"__name__", cfunction_get_name, NULL, NULL, NULL},
    {"__qualname__", cfunction_get_qualname, NULL, NULL, NULL},
    {"__doc__", cfunction_get_doc, NULL, NULL, NULL},
    {"__self__", cfunction_get_self, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static RpMethodDef cfunction_methods[] = {
    {"__reduce__", cfunction_reduce, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

RpTypeObject RpCFunction_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(RpCFunctionObject),
    .tp_dealloc = cfunction_dealloc,
    .tp_vectorcall_offset = offsetof(RpCFunctionObject, vectorcall),
    .tp_hash = cfunction_hash,
    .tp_call = RpVectorcall_Call,
    .tp_repr = cfunction_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = cfunction_traverse,
    .tp_richcompare = cfunction_richcompare,
    .tp_weaklistoffset = offsetof(RpCFunctionObject, m_weakreflist),
    .tp_methods = cfunction_methods,
    .tp_members = cfunction_members,
    .tp_getset = cfunction_getset,
};
