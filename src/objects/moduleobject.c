/* moduleobject.c -- the module type and the RpModule_* helpers that C
 * modules use to fill themselves.
 *
 * A module is little more than its dict (md_dict, also its __dict__ via
 * tp_dictoffset).  Attribute lookup falls back to a __getattr__ function
 * in that dict (PEP 562) before raising "module 'm' has no attribute 'x'".
 */
#include "rp.h"
#include <stddef.h>

/* __name__, __doc__ and the import attributes every module starts with. */
static int init_dict(RpObject *dict, RpObject *name, RpObject *doc)
{
    if (RpDict_SetItem(dict, RP_ID(__name__), name) < 0 ||
        RpDict_SetItem(dict, RP_ID(__doc__), doc) < 0 ||
        RpDict_SetItem(dict, RP_ID(__package__), Rp_None) < 0 ||
        RpDict_SetItem(dict, RP_ID(__loader__), Rp_None) < 0 ||
        RpDict_SetItem(dict, RP_ID(__spec__), Rp_None) < 0)
        return -1;
    return 0;
}

/* An empty, untracked module of `type` with a fresh dict. */
static RpModuleObject *new_module(RpTypeObject *type)
{
    RpModuleObject *m = (RpModuleObject *)type->tp_alloc(type, 0);
    if (m == NULL)
        return NULL;
    m->md_name = NULL;
    m->md_weaklist = NULL;
    m->md_state = NULL;
    m->md_dict = RpDict_New();
    if (m->md_dict == NULL) {
        Rp_DECREF(m);
        return NULL;
    }
    return m;
}

RpObject *RpModule_NewObject(RpObject *name)
{
    RpModuleObject *m = RpObject_GC_New(RpModuleObject, &RpModule_Type);
    if (m == NULL)
        return NULL;
    m->md_name = Rp_NewRef(name);
    m->md_weaklist = NULL;
    m->md_state = NULL;
    m->md_dict = RpDict_New();
    if (m->md_dict == NULL || init_dict(m->md_dict, name, Rp_None) < 0) {
        Rp_DECREF(m);
        return NULL;
    }
    RpObject_GC_Track(m);
    return (RpObject *)m;
}

RpObject *RpModule_New(const char *name)
{
    RpObject *n = RpUnicode_FromString(name);
    if (n == NULL)
        return NULL;
    RpObject *m = RpModule_NewObject(n);
    Rp_DECREF(n);
    return m;
}

RpObject *RpModule_GetDict(RpObject *m)
{
    if (!RpModule_Check(m)) {
        RpErr_BadInternalCall();
        return NULL;
    }
    return ((RpModuleObject *)m)->md_dict;
}

/* ---- helpers for C modules ------------------------------------------------- */

int RpModule_AddObjectRef(RpObject *m, const char *name, RpObject *v)
{
    if (v == NULL) {
        if (!RpErr_Occurred())
            RpErr_Format(RpExc_SystemError, "RpModule_AddObjectRef() %s: NULL value", name);
        return -1;
    }
    RpObject *d = RpModule_GetDict(m);
    return d == NULL ? -1 : RpDict_SetItemString(d, name, v);
}

int RpModule_AddFunctions(RpObject *m, RpMethodDef *defs)
{
    RpObject *d = RpModule_GetDict(m);
    if (d == NULL)
        return -1;
    RpObject *modname = RpDict_GetItemWithError(d, RP_ID(__name__));
    if (modname == NULL && RpErr_Occurred())
        return -1;
    for (RpMethodDef *ml = defs; ml->ml_name != NULL; ml++) {
        if (ml->ml_flags & (RP_METH_CLASS | RP_METH_STATIC)) {
            RpErr_SetString(RpExc_ValueError, "module functions cannot set METH_CLASS or METH_STATIC");
            return -1;
        }
        RpObject *f = RpCFunction_NewEx(ml, m, modname);
        if (f == NULL)
            return -1;
        int r = RpDict_SetItemString(d, ml->ml_name, f);
        Rp_DECREF(f);
        if (r < 0)
            return -1;
    }
    return 0;
}

int RpModule_AddIntConstant(RpObject *m, const char *name, long v)
{
    RpObject *o = RpLong_FromLong(v);
    int r = RpModule_AddObjectRef(m, name, o);
    Rp_XDECREF(o);
    return r;
}

int RpModule_AddStringConstant(RpObject *m, const char *name, const char *v)
{
    RpObject *o = RpUnicode_FromString(v);
    int r = RpModule_AddObjectRef(m, name, o);
    Rp_XDECREF(o);
    return r;
}

int RpModule_AddType(RpObject *m, RpTypeObject *t)
{
    if (!(t->tp_flags & RP_TPFLAGS_READY) && RpType_Ready(t) < 0)
        return -1;
    return RpModule_AddObjectRef(m, _RpType_Name(t), (RpObject *)t);
}

/* ---- lifetime ------------------------------------------------------------ */

static int module_traverse(RpObject *o, visitproc visit, void *arg)
{
    Rp_VISIT(((RpModuleObject *)o)->md_dict);
    return 0;
}

static int module_clear(RpObject *o)
{
    Rp_CLEAR(((RpModuleObject *)o)->md_dict);
    return 0;
}

static void module_dealloc(RpObject *o)
{
    RpModuleObject *m = (RpModuleObject *)o;
    RpObject_GC_UnTrack(o);
    if (m->md_weaklist != NULL)
        RpObject_ClearWeakRefs(o);
    Rp_CLEAR(m->md_dict);
    Rp_CLEAR(m->md_name);
    Rp_TYPE(o)->tp_free(o);
}

/* ---- module(name, doc=None) --------------------------------------------- */

static RpObject *module_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    RpModuleObject *m = new_module(type);
    if (m != NULL && !RpObject_GC_IsTracked((RpObject *)m))
        RpObject_GC_Track(m);
    return (RpObject *)m;
}

static int module_init(RpObject *self, RpObject *args, RpObject *kwds)
{
    static const char *const names[] = {"name", "doc"};
    RpObject *a[2] = {NULL, NULL};
    RpObject *kwnames = NULL, *stack[4];
    Rp_ssize_t nargs = RpTuple_GET_SIZE(args), nkw = 0;
    if (nargs > 2) {
        RpErr_Format(RpExc_TypeError, "module() takes at most 2 arguments (%zd given)", nargs);
        return -1;
    }
    for (Rp_ssize_t i = 0; i < nargs; i++)
        stack[i] = RpTuple_GET_ITEM(args, i);
    if (kwds != NULL && RpDict_GET_SIZE(kwds) > 0) {
        RpObject *k, *v;
        Rp_ssize_t pos = 0;
        if (RpDict_GET_SIZE(kwds) + nargs > 4) {
            RpErr_SetString(RpExc_TypeError, "module() takes at most 2 arguments");
            return -1;
        }
        if ((kwnames = RpTuple_New(RpDict_GET_SIZE(kwds))) == NULL)
            return -1;
        while (RpDict_Next(kwds, &pos, &k, &v)) {
            RpTuple_SET_ITEM(kwnames, nkw, Rp_NewRef(k));
            stack[nargs + nkw++] = v;
        }
    }
    int rc = _RpArg_ParseVector("module", stack, nargs, kwnames, names, 2, 1, a);
    Rp_XDECREF(kwnames);
    if (rc < 0)
        return -1;
    if (!RpUnicode_Check(a[0])) {
        RpErr_Format(RpExc_TypeError, "module.__init__() argument 'name' must be str, not %.200s",
                     Rp_TYPE(a[0])->tp_name);
        return -1;
    }
    RpModuleObject *m = (RpModuleObject *)self;
    if (m->md_dict == NULL && (m->md_dict = RpDict_New()) == NULL)
        return -1;
    Rp_XSETREF(m->md_name, Rp_NewRef(a[0]));
    return init_dict(m->md_dict, a[0], a[1] != NULL ? a[1] : Rp_None);
}

/* ---- attributes ---------------------------------------------------------- */

/* The module's __name__ if it is a str (borrowed), else NULL. */
static RpObject *module_name(RpModuleObject *m)
{
    if (m->md_dict == NULL)
        return NULL;
    RpObject *n = RpDict_GetItemWithError(m->md_dict, RP_ID(__name__));
    if (n == NULL || !RpUnicode_Check(n)) {
        RpErr_Clear();
        return NULL;
    }
    return n;
}

static RpObject *module_getattro(RpObject *o, RpObject *name)
{
    RpModuleObject *m = (RpModuleObject *)o;
    RpObject *r = RpObject_GenericGetAttr(o, name);
    if (r != NULL || !RpErr_ExceptionMatches(RpExc_AttributeError))
        return r;
    if (m->md_dict != NULL) {
        RpObject *getattr = RpDict_GetItemWithError(m->md_dict, RP_ID(__getattr__));
        if (getattr != NULL) {
            RpErr_Clear();
            return RpObject_CallOneArg(getattr, name);
        }
        if (RpErr_Occurred() && !RpErr_ExceptionMatches(RpExc_AttributeError))
            return NULL;
    }
    RpErr_Clear();
    RpObject *modname = module_name(m);
    if (modname != NULL)
        return RpErr_Format(RpExc_AttributeError, "module '%U' has no attribute '%U'",
                            modname, name);
    return RpErr_Format(RpExc_AttributeError, "module has no attribute '%U'", name);
}

/* Built-in modules are those in the C table (plus builtins and sys). */
static int is_builtin_name(RpObject *name)
{
    if (_RpUnicode_EqualToASCIIString(name, "builtins") ||
        _RpUnicode_EqualToASCIIString(name, "sys"))
        return 1;
    for (const RpBuiltinModule *b = _RpModules_Table; b->name != NULL; b++)
        if (_RpUnicode_EqualToASCIIString(name, b->name))
            return 1;
    return 0;
}

static RpObject *module_repr(RpObject *o)
{
    RpModuleObject *m = (RpModuleObject *)o;
    RpObject *name = module_name(m);
    RpObject *file = m->md_dict ? RpDict_GetItemWithError(m->md_dict, RP_ID(__file__)) : NULL;
    if (file == NULL && RpErr_Occurred())
        return NULL;
    if (name == NULL)
        return file && RpUnicode_Check(file)
                   ? RpUnicode_FromFormat("<module '?' from %R>", file)
                   : RpUnicode_FromString("<module '?'>");
    if (file != NULL && RpUnicode_Check(file))
        return RpUnicode_FromFormat("<module %R from %R>", name, file);
    if (is_builtin_name(name))
        return RpUnicode_FromFormat("<module %R (built-in)>", name);
    return RpUnicode_FromFormat("<module %R>", name);
}

/* dir(module): the __dir__ function in its dict if any, else its keys. */
static RpObject *module_dir(RpObject *self, RpObject *unused)
{
    RpObject *d = ((RpModuleObject *)self)->md_dict;
    if (d == NULL)
        return RpList_New(0);
    RpObject *fn = RpDict_GetItemString(d, "__dir__");
    if (fn != NULL)
        return RpObject_CallNoArgs(fn);
    return RpDict_Keys(d);
}

static RpMemberDef module_members[] = {
    {"__dict__", RP_T_OBJECT, offsetof(RpModuleObject, md_dict), RP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static RpMethodDef module_methods[] = {
    {"__dir__", module_dir, RP_METH_NOARGS, "__dir__() -> list\nspecialized dir() implementation"},
    {NULL, NULL, 0, NULL}
};

RpTypeObject RpModule_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "module",
    .tp_basicsize = sizeof(RpModuleObject),
    .tp_dealloc = module_dealloc,
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_setattro = RpObject_GenericSetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_BASETYPE,
    .tp_doc = "Create a module object.\n\nThe name must be a string; the optional doc argument can have any type.",
    .tp_traverse = module_traverse,
    .tp_clear = module_clear,
    .tp_weaklistoffset = offsetof(RpModuleObject, md_weaklist),
    .tp_methods = module_methods,
    .tp_members = module_members,
    .tp_dictoffset = offsetof(RpModuleObject, md_dict),
    .tp_init = module_init,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = module_new,
    .tp_free = RpObject_GC_Del,
};
