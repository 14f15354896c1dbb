/* atexitmodule.c -- the `atexit` module.  Callbacks run at interpreter
 * exit, last registered first, before modules are torn down. */
#include "rp.h"

static RpObject **callbacks(void)
{
    return &RpInterp_Get()->atexit_callbacks;
}

static RpObject *atexit_register(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                                 RpObject *kwnames)
{
    if (nargs < 1)
        return RpErr_Format(RpExc_TypeError, "register() takes at least 1 argument (0 given)");
    if (!RpCallable_Check(args[0]))
        return RpErr_Format(RpExc_TypeError, "the first argument must be callable");
    RpObject **list = callbacks();
    if (*list == NULL && (*list = RpList_New(0)) == NULL)
        return NULL;
    RpObject *pargs = _RpTuple_FromArray(args + 1, nargs - 1);
    RpObject *kw = kwnames ? _RpStack_AsDict(args + nargs, kwnames) : Rp_NewRef(Rp_None);
    RpObject *entry = pargs && kw ? RpTuple_Pack(3, args[0], pargs, kw) : NULL;
    Rp_XDECREF(pargs);
    Rp_XDECREF(kw);
    if (entry == NULL || RpList_Append(*list, entry) < 0) {
        Rp_XDECREF(entry);
        return NULL;
    }
    Rp_DECREF(entry);
    return Rp_NewRef(args[0]);
}

static RpObject *atexit_unregister(RpObject *self, RpObject *func)
{
    RpObject *list = *callbacks();
    for (Rp_ssize_t i = list ? RpList_GET_SIZE(list) : 0; i-- > 0;) {
        RpObject *f = RpTuple_GET_ITEM(RpList_GET_ITEM(list, i), 0);
        int eq = RpObject_RichCompareBool(f, func, Rp_EQ);
        if (eq < 0)
            return NULL;
        if (eq && RpList_SetSlice(list, i, i + 1, NULL) < 0)
            return NULL;
    }
    Rp_RETURN_NONE;
}

static void run_one(RpObject *entry)
{
    RpObject *func = RpTuple_GET_ITEM(entry, 0);
    RpObject *kw = RpTuple_GET_ITEM(entry, 2);
    RpObject *r = RpObject_Call(func, RpTuple_GET_ITEM(entry, 1), kw == Rp_None ? NULL : kw);
    if (r != NULL) {
        Rp_DECREF(r);
        return;
    }
    if (RpErr_ExceptionMatches(RpExc_SystemExit)) {
        RpErr_Clear();
        return;
    }
    RpObject *exc = RpErr_GetRaisedException();
    RpObject *fr = RpObject_Repr(func);
    RpSys_WriteStderr("Exception ignored in atexit callback: %s\n",
                      fr ? RpUnicode_AsUTF8(fr) : "<callback>");
    Rp_XDECREF(fr);
    RpErr_Clear();
    RpErr_Display(exc);
    Rp_DECREF(exc);
}

void _RpAtExit_Call(void)
{
    RpObject **slot = callbacks();
    RpObject *list = *slot;
    *slot = NULL;   /* callbacks registered while running are dropped */
    if (list == NULL)
        return;
    for (Rp_ssize_t i = RpList_GET_SIZE(list); i-- > 0;) {
        if (i >= RpList_GET_SIZE(list))
            continue;
        RpObject *entry = Rp_NewRef(RpList_GET_ITEM(list, i));
        run_one(entry);
        Rp_DECREF(entry);
    }
    Rp_DECREF(list);
    Rp_CLEAR(*slot);
}

static RpObject *atexit_run(RpObject *self, RpObject *unused)
{
    _RpAtExit_Call();
    Rp_RETURN_NONE;
}

static RpObject *atexit_clear(RpObject *self, RpObject *unused)
{
    Rp_CLEAR(*callbacks());
    Rp_RETURN_NONE;
}

static RpObject *atexit_ncallbacks(RpObject *self, RpObject *unused)
{
    RpObject *list = *callbacks();
    return RpLong_FromSsize_t(list ? RpList_GET_SIZE(list) : 0);
}

static RpMethodDef atexit_methods[] = {
    {"register", (RpCFunction)(void (*)(void))atexit_register,
     RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"unregister", atexit_unregister, RP_METH_O, NULL},
    {"_run_exitfuncs", atexit_run, RP_METH_NOARGS, NULL},
    {"_clear", atexit_clear, RP_METH_NOARGS, NULL},
    {"_ncallbacks", atexit_ncallbacks, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

RpObject *RpInit_atexit(void)
{
    RpObject *m = RpModule_New("atexit");
    if (m != NULL && RpModule_AddFunctions(m, atexit_methods) < 0)
        Rp_CLEAR(m);
    return m;
}
