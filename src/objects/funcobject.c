/* funcobject.c -- Python function objects: what MAKE_FUNCTION builds from a
 * code object plus globals, defaults and closure.
 *
 * Calling goes through the `vectorcall` field (the VM's
 * RpEval_FunctionVectorcall); a function is a non-data descriptor whose
 * __get__ makes a bound method.  Arbitrary attributes live in func_dict
 * (tp_dictoffset), created lazily.
 */
#include "rp.h"
#include <stddef.h>

/* The builtins a function sees: globals['__builtins__'] (a module or a
 * dict), else the interpreter's.  Borrowed. */
static RpObject *builtins_from_globals(RpObject *globals)
{
    RpObject *b = RpDict_GetItemWithError(globals, RP_ID(__builtins__));
    if (b == NULL) {
        if (RpErr_Occurred())
            return NULL;
        return RpEval_GetBuiltins();
    }
    if (RpModule_Check(b))
        return RpModule_GetDict(b);
    return b;
}

RpObject *RpFunction_New(RpObject *code, RpObject *globals, RpObject *qualname)
{
    RpCodeObject *co = (RpCodeObject *)code;
    RpObject *builtins = builtins_from_globals(globals);
    if (builtins == NULL) {
        if (!RpErr_Occurred())
            RpErr_SetString(RpExc_RuntimeError, "no builtins");
        return NULL;
    }
    RpObject *module = RpDict_GetItemWithError(globals, RP_ID(__name__));
    if (module == NULL && RpErr_Occurred())
        return NULL;
    RpFunctionObject *f = RpObject_GC_New(RpFunctionObject, &RpFunction_Type);
    if (f == NULL)
        return NULL;
    f->vectorcall = RpEval_FunctionVectorcall;
    f->func_code = Rp_NewRef(code);
    f->func_globals = Rp_NewRef(globals);
    f->func_builtins = Rp_NewRef(builtins);
    f->func_name = Rp_NewRef(co->co_name);
    f->func_qualname = Rp_NewRef(qualname != NULL ? qualname : co->co_qualname);
    f->func_defaults = NULL;
    f->func_kwdefaults = NULL;
    f->func_closure = NULL;
    /* the compiler leaves the docstring (or None) in co_consts[0] */
    RpObject *doc = Rp_None;
    if (RpTuple_GET_SIZE(co->co_consts) > 0 && RpUnicode_Check(RpTuple_GET_ITEM(co->co_consts, 0)))
        doc = RpTuple_GET_ITEM(co->co_consts, 0);
    f->func_doc = Rp_NewRef(doc);
    f->func_dict = NULL;
    f->func_module = Rp_XNewRef(module);
    f->func_annotations = NULL;
    f->func_weakreflist = NULL;
    RpObject_GC_Track(f);
    return (RpObject *)f;
}

/* ---- lifetime ------------------------------------------------------------ */

static int func_traverse(RpObject *o, visitproc visit, void *arg)
{
    RpFunctionObject *f = (RpFunctionObject *)o;
    Rp_VISIT(f->func_code);
    Rp_VISIT(f->func_globals);
    Rp_VISIT(f->func_builtins);
    Rp_VISIT(f->func_module);
    Rp_VISIT(f->func_defaults);
    Rp_VISIT(f->func_kwdefaults);
    Rp_VISIT(f->func_doc);
    Rp_VISIT(f->func_name);
    Rp_VISIT(f->func_qualname);
    Rp_VISIT(f->func_dict);
    Rp_VISIT(f->func_closure);
    Rp_VISIT(f->func_annotations);
    return 0;
}

/* Break cycles; code, name and qualname (which cannot lead back here)
 * stay so that the function remains printable. */
static int func_clear(RpObject *o)
{
    RpFunctionObject *f = (RpFunctionObject *)o;
    Rp_CLEAR(f->func_globals);
    Rp_CLEAR(f->func_builtins);
    Rp_CLEAR(f->func_module);
    Rp_CLEAR(f->func_defaults);
    Rp_CLEAR(f->func_kwdefaults);
    Rp_CLEAR(f->func_doc);
    Rp_CLEAR(f->func_dict);
    Rp_CLEAR(f->func_closure);
    Rp_CLEAR(f->func_annotations);
    return 0;
}

static void func_dealloc(RpObject *o)
{
    RpFunctionObject *f = (RpFunctionObject *)o;
    RpObject_GC_UnTrack(o);
    if (f->func_weakreflist != NULL)
        RpObject_ClearWeakRefs(o);
    func_clear(o);
    Rp_CLEAR(f->func_code);
    Rp_CLEAR(f->func_name);
    Rp_CLEAR(f->func_qualname);
    RpObject_GC_Del(o);
}

static RpObject *func_repr(RpObject *o)
{
    RpFunctionObject *f = (RpFunctionObject *)o;
    return RpUnicode_FromFormat("<function %U at %p>", f->func_qualname, o);
}

/* f.__get__(obj): a bound method, or f itself when looked up on a class. */
static RpObject *func_descr_get(RpObject *func, RpObject *obj, RpObject *type)
{
    if (obj == NULL || obj == Rp_None)
        return Rp_NewRef(func);
    return RpMethod_New(func, obj);
}

/* ---- attributes ---------------------------------------------------------- */

#define OFF(x) offsetof(RpFunctionObject, x)

static RpMemberDef func_members[] = {
    {"__closure__", RP_T_OBJECT, OFF(func_closure), RP_READONLY, NULL},
    {"__doc__", RP_T_OBJECT, OFF(func_doc), 0, NULL},
    {"__globals__", RP_T_OBJECT, OFF(func_globals), RP_READONLY, NULL},
    {"__module__", RP_T_OBJECT, OFF(func_module), 0, NULL},
    {"__builtins__", RP_T_OBJECT, OFF(func_builtins), RP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static int bad_attr_type(const char *what)
{
    RpErr_Format(RpExc_TypeError, "%s must be set to a %s object",
                 what, strcmp(what, "__code__") == 0 ? "code" : "string");
    return -1;
}

static RpObject *func_get_code(RpObject *o, void *c)
{
    return Rp_NewRef(((RpFunctionObject *)o)->func_code);
}

static int func_set_code(RpObject *o, RpObject *v, void *c)
{
    if (v == NULL || !RpCode_Check(v))
        return bad_attr_type("__code__");
    RpFunctionObject *f = (RpFunctionObject *)o;
    RpCodeObject *co = (RpCodeObject *)v;
    Rp_ssize_t nclosure = f->func_closure ? RpTuple_GET_SIZE(f->func_closure) : 0;
    if (co->co_nfreevars != nclosure) {
        RpErr_Format(RpExc_ValueError,
                     "%U() requires a code object with %zd free vars, not %d",
                     f->func_name, nclosure, co->co_nfreevars);
        return -1;
    }
    Rp_SETREF(f->func_code, Rp_NewRef(v));
    return 0;
}

static RpObject *func_get_name(RpObject *o, void *c)
{
    return Rp_NewRef(((RpFunctionObject *)o)->func_name);
}

static int func_set_name(RpObject *o, RpObject *v, void *c)
{
    if (v == NULL || !RpUnicode_Check(v))
        return bad_attr_type("__name__");
    Rp_SETREF(((RpFunctionObject *)o)->func_name, Rp_NewRef(v));
    return 0;
}

static RpObject *func_get_qualname(RpObject *o, void *c)
{
    return Rp_NewRef(((RpFunctionObject *)o)->func_qualname);
}

static int func_set_qualname(RpObject *o, RpObject *v, void *c)
{
    if (v == NULL || !RpUnicode_Check(v))
        return bad_attr_type("__qualname__");
    Rp_SETREF(((RpFunctionObject *)o)->func_qualname, Rp_NewRef(v));
    return 0;
}

static RpObject *func_get_defaults(RpObject *o, void *c)
{
    RpObject *d = ((RpFunctionObject *)o)->func_defaults;
    return Rp_NewRef(d != NULL ? d : Rp_None);
}

static int func_set_defaults(RpObject *o, RpObject *v, void *c)
{
    if (v == Rp_None)
        v = NULL;
    if (v != NULL && !RpTuple_Check(v)) {
        RpErr_SetString(RpExc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    Rp_XSETREF(((RpFunctionObject *)o)->func_defaults, Rp_XNewRef(v));
    return 0;
}

static RpObject *func_get_kwdefaults(RpObject *o, void *c)
{
    RpObject *d = ((RpFunctionObject *)o)->func_kwdefaults;
    return Rp_NewRef(d != NULL ? d : Rp_None);
}

static int func_set_kwdefaults(RpObject *o, RpObject *v, void *c)
{
    if (v == Rp_None)
        v = NULL;
    if (v != NULL && !RpDict_Check(v)) {
        RpErr_SetString(RpExc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    Rp_XSETREF(((RpFunctionObject *)o)->func_kwdefaults, Rp_XNewRef(v));
    return 0;
}

static RpObject *func_get_annotations(RpObject *o, void *c)
{
    RpFunctionObject *f = (RpFunctionObject *)o;
    if (f->func_annotations == NULL && (f->func_annotations = RpDict_New()) == NULL)
        return NULL;
    /* MAKE_FUNCTION may store a flat tuple (name, value, ...) */
    if (RpTuple_Check(f->func_annotations)) {
        RpObject *t = f->func_annotations, *d = RpDict_New();
        if (d == NULL)
            return NULL;
        for (Rp_ssize_t i = 0; i + 1 < RpTuple_GET_SIZE(t); i += 2)
            if (RpDict_SetItem(d, RpTuple_GET_ITEM(t, i), RpTuple_GET_ITEM(t, i + 1)) < 0) {
                Rp_DECREF(d);
                return NULL;
            }
        Rp_SETREF(f->func_annotations, d);
    }
    return Rp_NewRef(f->func_annotations);
}

static int func_set_annotations(RpObject *o, RpObject *v, void *c)
{
    if (v == Rp_None)
        v = NULL;
    if (v != NULL && !RpDict_Check(v)) {
        RpErr_SetString(RpExc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    Rp_XSETREF(((RpFunctionObject *)o)->func_annotations, Rp_XNewRef(v));
    return 0;
}

static int func_set_dict(RpObject *o, RpObject *v, void *c)
{
    if (v == NULL) {
        RpErr_SetString(RpExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!RpDict_Check(v)) {
        RpErr_Format(RpExc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                     Rp_TYPE(v)->tp_name);
        return -1;
    }
    Rp_XSETREF(((RpFunctionObject *)o)->func_dict, Rp_NewRef(v));
    return 0;
}

static RpGetSetDef func_getset[] = {
    {"__code__", func_get_code, func_set_code, NULL, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL, NULL},
    {"__dict__", RpObject_GenericGetDict, func_set_dict, NULL, NULL},
    {"__name__", func_get_name, func_set_name, NULL, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

/* ---- function(code, globals, name=None, argdefs=None, closure=None) ---- */

static int check_closure(RpCodeObject *co, RpObject *closure)
{
    Rp_ssize_t n = closure == NULL ? 0 : RpTuple_GET_SIZE(closure);
    if (closure != NULL && !RpTuple_Check(closure)) {
        RpErr_SetString(RpExc_TypeError, "arg 5 (closure) must be tuple");
        return -1;
    }
    if (co->co_nfreevars != n) {
        RpErr_Format(RpExc_ValueError, "%U requires closure of length %d, not %zd",
                     co->co_name, co->co_nfreevars, n);
        return -1;
    }
    for (Rp_ssize_t i = 0; i < n; i++)
        if (!RpCell_Check(RpTuple_GET_ITEM(closure, i))) {
            RpErr_Format(RpExc_TypeError, "arg 5 (closure) expected cell, found %.200s",
                         Rp_TYPE(RpTuple_GET_ITEM(closure, i))->tp_name);
            return -1;
        }
    return 0;
}

static RpObject *func_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    static const char *const names[] = {"code", "globals", "name", "argdefs", "closure"};
    RpObject *a[5] = {NULL, NULL, NULL, NULL, NULL};
    RpObject *kwnames = NULL, *stack[10];
    Rp_ssize_t nargs = RpTuple_GET_SIZE(args), nkw = 0;
    if (nargs > 5)
        return RpErr_Format(RpExc_TypeError,
                            "function() takes at most 5 arguments (%zd given)", nargs);
    for (Rp_ssize_t i = 0; i < nargs; i++)
        stack[i] = RpTuple_GET_ITEM(args, i);
    if (kwds != NULL && RpDict_GET_SIZE(kwds) > 0) {
        RpObject *k, *v;
        Rp_ssize_t pos = 0;
        if (RpDict_GET_SIZE(kwds) + nargs > 10)
            return RpErr_Format(RpExc_TypeError, "function() got too many arguments");
        kwnames = RpTuple_New(RpDict_GET_SIZE(kwds));
        if (kwnames == NULL)
            return NULL;
        while (RpDict_Next(kwds, &pos, &k, &v)) {
            RpTuple_SET_ITEM(kwnames, nkw, Rp_NewRef(k));
            stack[nargs + nkw++] = v;
        }
    }
    int rc = _RpArg_ParseVector("function", stack, nargs, kwnames, names, 5, 2, a);
    Rp_XDECREF(kwnames);
    if (rc < 0)
        return NULL;
    if (!RpCode_Check(a[0]))
        return RpErr_Format(RpExc_TypeError, "function() argument 'code' must be code, not %.200s",
                            Rp_TYPE(a[0])->tp_name);
    if (!RpDict_Check(a[1]))
        return RpErr_Format(RpExc_TypeError, "function() argument 'globals' must be dict, not %.200s",
                            Rp_TYPE(a[1])->tp_name);
    RpObject *name = a[2] == Rp_None ? NULL : a[2];
    RpObject *defs = a[3] == Rp_None ? NULL : a[3];
    RpObject *closure = a[4] == Rp_None ? NULL : a[4];
    if (name != NULL && !RpUnicode_Check(name)) {
        RpErr_SetString(RpExc_TypeError, "arg 3 (name) must be None or string");
        return NULL;
    }
    if (defs != NULL && !RpTuple_Check(defs)) {
        RpErr_SetString(RpExc_TypeError, "arg 4 (defaults) must be None or tuple");
        return NULL;
    }
    if (check_closure((RpCodeObject *)a[0], closure) < 0)
        return NULL;
    RpFunctionObject *f = (RpFunctionObject *)RpFunction_New(a[0], a[1], NULL);
    if (f == NULL)
        return NULL;
    if (name != NULL)
        Rp_SETREF(f->func_name, Rp_NewRef(name));
    f->func_defaults = Rp_XNewRef(defs);
    f->func_closure = Rp_XNewRef(closure);
    return (RpObject *)f;
}

RpTypeObject RpFunction_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "function",
    .tp_basicsize = sizeof(RpFunctionObject),
    .tp_dealloc = func_dealloc,
    .tp_vectorcall_offset = offsetof(RpFunctionObject, vectorcall),
    .tp_call = RpVectorcall_Call,
    .tp_repr = func_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_setattro = RpObject_GenericSetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_doc = "Create a function object.",
    .tp_traverse = func_traverse,
    .tp_clear = func_clear,
    .tp_weaklistoffset = offsetof(RpFunctionObject, func_weakreflist),
    .tp_members = func_members,
    .tp_getset = func_getset,
    .tp_descr_get = func_descr_get,
    .tp_dictoffset = offsetof(RpFunctionObject, func_dict),
    .tp_new = func_new,
};
