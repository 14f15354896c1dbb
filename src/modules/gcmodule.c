/* gcmodule.c -- the `gc` module: CPython 3.11's interface to the cycle
 * collector (the collector itself is src/memory/gc.c). */
#include "rp.h"

static RpGCState *gcstate(void) { return &RpInterp_Get()->gc; }

static RpObject *gc_enable(RpObject *m, RpObject *unused)
{
    gcstate()->enabled = 1;
    Rp_RETURN_NONE;
}

static RpObject *gc_disable(RpObject *m, RpObject *unused)
{
    gcstate()->enabled = 0;
    Rp_RETURN_NONE;
}

static RpObject *gc_isenabled(RpObject *m, RpObject *unused)
{
    return RpBool_FromLong(gcstate()->enabled);
}

/* An int argument (via __index__); -1 with the exception on error. */
static int int_arg(RpObject *o, long *out)
{
    long v = RpLong_AsLong(o);
    if (v == -1 && RpErr_Occurred())
        return -1;
    *out = v;
    return 0;
}

static RpObject *gc_collect(RpObject *m, RpObject *const *args, Rp_ssize_t nargs,
                            RpObject *kwnames)
{
    static const char *const names[] = {"generation"};
    RpObject *arg = NULL;
    long gen = RP_GC_NGENERATIONS - 1;
    if (_RpArg_ParseVector("collect", args, nargs, kwnames, names, 1, 0, &arg) < 0)
        return NULL;
    if (arg != NULL && int_arg(arg, &gen) < 0)
        return NULL;
    if (gen < 0 || gen >= RP_GC_NGENERATIONS) {
        RpErr_SetString(RpExc_ValueError, "invalid generation");
        return NULL;
    }
    Rp_ssize_t n = RpGC_Collect((int)gen);
    return RpLong_FromSsize_t(n < 0 ? 0 : n);   /* already collecting: 0 */
}

static RpObject *gc_get_count(RpObject *m, RpObject *unused)
{
    RpGCState *gcs = gcstate();
    /* Read the counts before allocating the result tuple, which is itself
     * counted (CPython's Py_BuildValue("(iii)") does the same). */
    int counts[RP_GC_NGENERATIONS];
    for (int i = 0; i < RP_GC_NGENERATIONS; i++)
        counts[i] = gcs->generations[i].count;
    RpObject *t = RpTuple_New(RP_GC_NGENERATIONS);
    if (t == NULL)
        return NULL;
    for (int i = 0; i < RP_GC_NGENERATIONS; i++) {
        RpObject *v = RpLong_FromLong(counts[i]);
        if (v == NULL) {
            Rp_DECREF(t);
            return NULL;
        }
        RpTuple_SET_ITEM(t, i, v);
    }
    return t;
}

static RpObject *gc_get_threshold(RpObject *m, RpObject *unused)
{
    RpGCState *gcs = gcstate();
    RpObject *t = RpTuple_New(RP_GC_NGENERATIONS);
    if (t == NULL)
        return NULL;
    for (int i = 0; i < RP_GC_NGENERATIONS; i++) {
        RpObject *v = RpLong_FromLong(gcs->generations[i].threshold);
        if (v == NULL) {
            Rp_DECREF(t);
            return NULL;
        }
        RpTuple_SET_ITEM(t, i, v);
    }
    return t;
}

static RpObject *gc_set_threshold(RpObject *m, RpObject *args)
{
    Rp_ssize_t n = RpTuple_GET_SIZE(args);
    if (n < 1) {
        RpErr_Format(RpExc_TypeError, "set_threshold() takes at least 1 argument (%zd given)", n);
        return NULL;
    }
    if (n > RP_GC_NGENERATIONS) {
        RpErr_Format(RpExc_TypeError, "set_threshold() takes at most 3 arguments (%zd given)", n);
        return NULL;
    }
    long v[RP_GC_NGENERATIONS];
    for (Rp_ssize_t i = 0; i < n; i++)
        if (int_arg(RpTuple_GET_ITEM(args, i), &v[i]) < 0)
            return NULL;
    for (Rp_ssize_t i = 0; i < n; i++)
        gcstate()->generations[i].threshold = (int)v[i];
    Rp_RETURN_NONE;
}

static RpObject *gc_get_debug(RpObject *m, RpObject *unused)
{
    return RpLong_FromLong(gcstate()->debug);
}

static RpObject *gc_set_debug(RpObject *m, RpObject *arg)
{
    long flags;
    if (int_arg(arg, &flags) < 0)
        return NULL;
    gcstate()->debug = (int)flags;
    Rp_RETURN_NONE;
}

/* ---- object lists ---- */

struct collect_ctx { RpObject *result; RpObject *skip; };

static int append_object(RpObject *op, void *arg)
{
    struct collect_ctx *c = arg;
    if (op == c->result)
        return 0;
    return RpList_Append(c->result, op) < 0 ? -1 : 0;
}

static RpObject *gc_get_objects(RpObject *m, RpObject *const *args, Rp_ssize_t nargs,
                                RpObject *kwnames)
{
    static const char *const names[] = {"generation"};
    RpObject *arg = NULL;
    long gen = -1;
    if (_RpArg_ParseVector("get_objects", args, nargs, kwnames, names, 1, 0, &arg) < 0)
        return NULL;
    if (arg != NULL && arg != Rp_None && int_arg(arg, &gen) < 0)
        return NULL;
    if (gen >= RP_GC_NGENERATIONS) {
        RpErr_Format(RpExc_ValueError, "generation parameter must be less than the "
                     "number of available generations (%d)", RP_GC_NGENERATIONS);
        return NULL;
    }
    if (gen < -1) {
        RpErr_SetString(RpExc_ValueError, "generation parameter cannot be negative");
        return NULL;
    }
    struct collect_ctx c = {RpList_New(0), NULL};
    if (c.result == NULL)
        return NULL;
    if (_RpGC_ForEach((int)gen, append_object, &c) < 0) {
        Rp_DECREF(c.result);
        return NULL;
    }
    return c.result;
}

static int referent_visit(RpObject *op, void *arg)
{
    return RpList_Append((RpObject *)arg, op) < 0 ? -1 : 0;
}

static RpObject *gc_get_referents(RpObject *m, RpObject *args)
{
    RpObject *result = RpList_New(0);
    if (result == NULL)
        return NULL;
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(args); i++) {
        RpObject *o = RpTuple_GET_ITEM(args, i);
        traverseproc trav = Rp_TYPE(o)->tp_traverse;
        if (!_RpObject_IS_GC(o) || trav == NULL)
            continue;
        if (trav(o, referent_visit, result) < 0) {
            Rp_DECREF(result);
            return NULL;
        }
    }
    return result;
}

/* Stop the traversal (1) as soon as one of the wanted objects shows up. */
static int referrer_visit(RpObject *op, void *arg)
{
    RpObject *objs = arg;
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(objs); i++)
        if (RpTuple_GET_ITEM(objs, i) == op)
            return 1;
    return 0;
}

static int find_referrer(RpObject *op, void *arg)
{
    struct collect_ctx *c = arg;
    traverseproc trav = Rp_TYPE(op)->tp_traverse;
    if (op == c->result || op == c->skip || trav == NULL)
        return 0;
    if (trav(op, referrer_visit, c->skip) == 1 && RpList_Append(c->result, op) < 0)
        return -1;
    return 0;
}

static RpObject *gc_get_referrers(RpObject *m, RpObject *args)
{
    struct collect_ctx c = {RpList_New(0), args};
    if (c.result == NULL)
        return NULL;
    if (_RpGC_ForEach(-1, find_referrer, &c) < 0) {
        Rp_DECREF(c.result);
        return NULL;
    }
    return c.result;
}

static RpObject *stats_dict(struct RpGCStats *st)
{
    RpObject *d = RpDict_New();
    RpObject *a = RpLong_FromSsize_t(st->collections);
    RpObject *b = RpLong_FromSsize_t(st->collected);
    RpObject *c = RpLong_FromSsize_t(st->uncollectable);
    if (!d || !a || !b || !c || RpDict_SetItemString(d, "collections", a) < 0
        || RpDict_SetItemString(d, "collected", b) < 0
        || RpDict_SetItemString(d, "uncollectable", c) < 0)
        Rp_CLEAR(d);
    Rp_XDECREF(a);
    Rp_XDECREF(b);
    Rp_XDECREF(c);
    return d;
}

static RpObject *gc_get_stats(RpObject *m, RpObject *unused)
{
    /* Snapshot first: building the dicts allocates. */
    struct RpGCStats snap[RP_GC_NGENERATIONS];
    memcpy(snap, gcstate()->stats, sizeof snap);
    RpObject *result = RpList_New(0);
    if (result == NULL)
        return NULL;
    for (int i = 0; i < RP_GC_NGENERATIONS; i++) {
        RpObject *d = stats_dict(&snap[i]);
        if (d == NULL || RpList_Append(result, d) < 0) {
            Rp_XDECREF(d);
            Rp_DECREF(result);
            return NULL;
        }
        Rp_DECREF(d);
    }
    return result;
}

static RpObject *gc_is_tracked(RpObject *m, RpObject *o)
{
    return RpBool_FromLong(RpObject_GC_IsTracked(o));
}

static RpObject *gc_is_finalized(RpObject *m, RpObject *o)
{
    return RpBool_FromLong(RpObject_GC_IsFinalized(o));
}

static RpObject *gc_freeze(RpObject *m, RpObject *unused)
{
    _RpGC_Freeze();
    Rp_RETURN_NONE;
}

static RpObject *gc_unfreeze(RpObject *m, RpObject *unused)
{
    _RpGC_Unfreeze();
    Rp_RETURN_NONE;
}

static RpObject *gc_get_freeze_count(RpObject *m, RpObject *unused)
{
    return RpLong_FromSsize_t(_RpGC_GetFreezeCount());
}

#define FASTKW (RP_METH_FASTCALL | RP_METH_KEYWORDS)
static RpMethodDef gc_methods[] = {
    {"enable", gc_enable, RP_METH_NOARGS, "Enable automatic garbage collection."},
    {"disable", gc_disable, RP_METH_NOARGS, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, RP_METH_NOARGS, "Returns true if automatic garbage collection is enabled."},
    {"collect", (RpCFunction)(void (*)(void))gc_collect, FASTKW, "Run the garbage collector."},
    {"get_count", gc_get_count, RP_METH_NOARGS, "Return a three-tuple of the current collection counts."},
    {"get_threshold", gc_get_threshold, RP_METH_NOARGS, "Return the current collection thresholds."},
    {"set_threshold", gc_set_threshold, RP_METH_VARARGS, "Set the collection thresholds."},
    {"get_debug", gc_get_debug, RP_METH_NOARGS, "Get the garbage collection debugging flags."},
    {"set_debug", gc_set_debug, RP_METH_O, "Set the garbage collection debugging flags."},
    {"get_objects", (RpCFunction)(void (*)(void))gc_get_objects, FASTKW,
     "Return a list of objects tracked by the collector (excluding the list returned)."},
    {"get_referents", gc_get_referents, RP_METH_VARARGS, "Return the list of objects that are directly referred to by objs."},
    {"get_referrers", gc_get_referrers, RP_METH_VARARGS, "Return the list of objects that directly refer to any of objs."},
    {"get_stats", gc_get_stats, RP_METH_NOARGS, "Return a list of dictionaries containing per-generation statistics."},
    {"is_tracked", gc_is_tracked, RP_METH_O, "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", gc_is_finalized, RP_METH_O, "Returns true if the object has been already finalized by the GC."},
    {"freeze", gc_freeze, RP_METH_NOARGS, "Freeze all current tracked objects and ignore them for future collections."},
    {"unfreeze", gc_unfreeze, RP_METH_NOARGS, "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_get_freeze_count, RP_METH_NOARGS, "Return the number of objects in the permanent generation."},
    {NULL, NULL, 0, NULL},
};

/* gc.garbage and gc.callbacks are the collector's own lists. */
static int add_state_list(RpObject *m, const char *name, RpObject **slot)
{
    if (*slot == NULL && (*slot = RpList_New(0)) == NULL)
        return -1;
    return RpModule_AddObjectRef(m, name, *slot);
}

RpObject *RpInit_gc(void)
{
    RpGCState *gcs = gcstate();
    RpObject *m = RpModule_New("gc");
    if (m == NULL)
        return NULL;
    if (RpModule_AddFunctions(m, gc_methods) < 0
        || RpModule_AddIntConstant(m, "DEBUG_STATS", RP_GC_DEBUG_STATS) < 0
        || RpModule_AddIntConstant(m, "DEBUG_COLLECTABLE", RP_GC_DEBUG_COLLECTABLE) < 0
        || RpModule_AddIntConstant(m, "DEBUG_UNCOLLECTABLE", RP_GC_DEBUG_UNCOLLECTABLE) < 0
        || RpModule_AddIntConstant(m, "DEBUG_SAVEALL", RP_GC_DEBUG_SAVEALL) < 0
        || RpModule_AddIntConstant(m, "DEBUG_LEAK", RP_GC_DEBUG_LEAK) < 0
        || add_state_list(m, "garbage", &gcs->garbage) < 0
        || add_state_list(m, "callbacks", &gcs->callbacks) < 0) {
        Rp_DECREF(m);
        return NULL;
    }
    return m;
}
