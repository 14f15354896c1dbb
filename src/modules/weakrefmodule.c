/* weakrefmodule.c -- the `_weakref` module that lib/weakref.py builds on:
 * ref / ReferenceType, proxy, ProxyType, CallableProxyType,
 * getweakrefcount, getweakrefs, _remove_dead_weakref. */
#include "rp.h"

static RpObject *wr_getweakrefcount(RpObject *m, RpObject *ob)
{
    return RpLong_FromSsize_t(_RpWeakref_GetWeakrefCount(ob));
}

static RpObject *wr_getweakrefs(RpObject *m, RpObject *ob)
{
    RpObject *result = RpList_New(0);
    if (result == NULL || !RpType_SUPPORTS_WEAKREFS(Rp_TYPE(ob)))
        return result;
    RpWeakReference **list =
        (RpWeakReference **)((char *)ob + Rp_TYPE(ob)->tp_weaklistoffset);
    for (RpWeakReference *r = *list; r != NULL; r = r->wr_next) {
        if (RpList_Append(result, (RpObject *)r) < 0) {
            Rp_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static RpObject *wr_proxy(RpObject *m, RpObject *args)
{
    Rp_ssize_t n = RpTuple_GET_SIZE(args);
    if (n < 1 || n > 2) {
        RpErr_Format(RpExc_TypeError, n < 1 ? "proxy expected at least 1 argument, got %zd"
                                            : "proxy expected at most 2 arguments, got %zd", n);
        return NULL;
    }
    return RpWeakref_NewProxy(RpTuple_GET_ITEM(args, 0),
                              n == 2 ? RpTuple_GET_ITEM(args, 1) : NULL);
}

/* Delete dct[key] if it is a dead weak reference (WeakValueDictionary's
 * callback uses it so a replaced value is never removed by mistake). */
static RpObject *wr_remove_dead_weakref(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    if (nargs != 2) {
        RpErr_Format(RpExc_TypeError, "_remove_dead_weakref expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    RpObject *dct = args[0], *key = args[1];
    if (!RpDict_Check(dct)) {
        RpErr_Format(RpExc_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %.200s",
                     Rp_TYPE(dct)->tp_name);
        return NULL;
    }
    RpObject *value = RpDict_GetItemWithError(dct, key);
    if (value == NULL) {
        if (RpErr_Occurred())
            return NULL;
        Rp_RETURN_NONE;   /* already gone */
    }
    if (!(RpWeakref_CheckRef(value) || RpWeakref_CheckProxy(value))) {
        RpErr_SetString(RpExc_TypeError, "not a weakref");
        return NULL;
    }
    if (((RpWeakReference *)value)->wr_object == Rp_None && RpDict_DelItem(dct, key) < 0) {
        if (!RpErr_ExceptionMatches(RpExc_KeyError))
            return NULL;
        RpErr_Clear();
    }
    Rp_RETURN_NONE;
}

static RpMethodDef weakref_functions[] = {
    {"getweakrefcount", wr_getweakrefcount, RP_METH_O,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", wr_getweakrefs, RP_METH_O,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"proxy", wr_proxy, RP_METH_VARARGS,
     "Create a proxy object that weakly references 'object'."},
    {"_remove_dead_weakref", (RpCFunction)(void (*)(void))wr_remove_dead_weakref,
     RP_METH_FASTCALL, "Atomically remove key from dict if it points to a dead weakref."},
    {NULL, NULL, 0, NULL},
};

static int ready(RpTypeObject *t)
{
    return (t->tp_flags & RP_TPFLAGS_READY) ? 0 : RpType_Ready(t);
}

RpObject *RpInit__weakref(void)
{
    if (ready(&RpWeakref_RefType) < 0 || ready(&RpWeakref_ProxyType) < 0
        || ready(&RpWeakref_CallableProxyType) < 0)
        return NULL;
    RpObject *m = RpModule_New("_weakref");
    if (m == NULL)
        return NULL;
    if (RpModule_AddFunctions(m, weakref_functions) < 0
        || RpModule_AddObjectRef(m, "ref", (RpObject *)&RpWeakref_RefType) < 0
        || RpModule_AddObjectRef(m, "ReferenceType", (RpObject *)&RpWeakref_RefType) < 0
        || RpModule_AddObjectRef(m, "ProxyType", (RpObject *)&RpWeakref_ProxyType) < 0
        || RpModule_AddObjectRef(m, "CallableProxyType",
                                 (RpObject *)&RpWeakref_CallableProxyType) < 0) {
        Rp_DECREF(m);
        return NULL;
    }
    return m;
}
