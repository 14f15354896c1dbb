/* refpymodule.c -- the `refpy` module: refpy's own tools for *seeing*
 * memory, the reason this interpreter exists.  An object's header (type,
 * reference count, value, id), the graph of names -> objects, the
 * collector's view of an object and the allocator's statistics.
 *
 * Counts are reported without the reference held by the call itself, so
 * refpy.refcount(x) is what the seed's tables show (sys.getrefcount(x) - 1).
 */
#include "rp.h"

static Rp_ssize_t own_count(RpObject *o)
{
    return Rp_REFCNT(o) - 1;   /* minus the argument on the caller's stack */
}

static RpObject *r_refcount(RpObject *self, RpObject *o)
{
    return RpLong_FromSsize_t(own_count(o));
}

static RpObject *r_generation(RpObject *self, RpObject *o)
{
    int g = _RpObject_IS_GC(o) ? _RpGC_GenerationOf(o) : -1;
    if (g < 0)
        Rp_RETURN_NONE;
    return RpLong_FromLong(g);
}

static RpObject *short_repr(RpObject *o, Rp_ssize_t limit)
{
    RpObject *r = RpObject_Repr(o);
    if (r == NULL || RpUnicode_GET_LENGTH(r) <= limit)
        return r;
    RpObject *cut = RpUnicode_Substring(r, 0, limit - 3);
    Rp_DECREF(r);
    if (cut == NULL)
        return NULL;
    RpObject *res = RpUnicode_FromFormat("%U...", cut);
    Rp_DECREF(cut);
    return res;
}

static int set_item(RpObject *d, const char *k, RpObject *v)
{
    int r = v ? RpDict_SetItemString(d, k, v) : -1;
    Rp_XDECREF(v);
    return r;
}

/* header(obj) -> dict with what the object's header and the collector
 * know about it. */
static RpObject *r_header(RpObject *self, RpObject *o)
{
    RpObject *d = RpDict_New();
    if (d == NULL)
        return NULL;
    int g = _RpObject_IS_GC(o) ? _RpGC_GenerationOf(o) : -1;
    Rp_ssize_t size = Rp_TYPE(o)->tp_basicsize +
                      (Rp_TYPE(o)->tp_itemsize ? Rp_TYPE(o)->tp_itemsize * Rp_SIZE(o) : 0);
    if (set_item(d, "type", RpUnicode_FromString(_RpType_Name(Rp_TYPE(o)))) < 0 ||
        set_item(d, "refcount", RpLong_FromSsize_t(own_count(o))) < 0 ||
        set_item(d, "value", short_repr(o, 60)) < 0 ||
        set_item(d, "id", RpLong_FromLongLong((long long)(uintptr_t)o)) < 0 ||
        set_item(d, "size", RpLong_FromSsize_t(size)) < 0 ||
        set_item(d, "container", RpBool_FromLong(_RpObject_IS_GC(o))) < 0 ||
        set_item(d, "tracked", RpBool_FromLong(_RpObject_IS_GC(o) && RpObject_GC_IsTracked(o))) < 0 ||
        set_item(d, "generation", g < 0 ? Rp_NewRef(Rp_None) : RpLong_FromLong(g)) < 0) {
        Rp_DECREF(d);
        return NULL;
    }
    return d;
}

/* show(obj, ids=True): print the header as the seed's table. */
static RpObject *r_show(RpObject *self, RpObject *const *args, Rp_ssize_t nargs, RpObject *kwnames)
{
    static const char *const names[] = {"obj", "ids", NULL};
    RpObject *a[2] = {NULL};
    if (_RpArg_ParseVector("show", args, nargs, kwnames, names, 2, 1, a) < 0)
        return NULL;
    int ids = a[1] ? RpObject_IsTrue(a[1]) : 1;
    if (ids < 0)
        return NULL;
    RpObject *o = a[0];
    RpObject *val = short_repr(o, 60);
    if (val == NULL)
        return NULL;
    /* the vector holds o too: this call's own reference is not the user's */
    RpObject *text = RpUnicode_FromFormat(
        "|RpObject||\n|---|---|\n|type|%s|\n|refcount|%zd|\n|value|%U|\n",
        _RpType_Name(Rp_TYPE(o)), own_count(o), val);
    Rp_DECREF(val);
    if (text == NULL)
        return NULL;
    if (ids) {
        RpObject *more = RpUnicode_FromFormat("%U|id|%p|\n", text, (void *)o);
        Rp_SETREF(text, more);
        if (text == NULL)
            return NULL;
    }
    RpObject *out = RpSys_GetObject("stdout");
    int r = out ? RpFile_WriteObject(text, out, RP_PRINT_RAW) : -1;
    Rp_DECREF(text);
    if (r < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static int is_plumbing(RpObject *name, RpObject *v)
{
    const char *s = RpUnicode_AsUTF8(name);
    return (s[0] == '_' && s[1] == '_') || RpModule_Check(v);
}

/* Names bound to each object: {id: (obj, [names])}, in first-seen order. */
static RpObject *group_names(RpObject *ns)
{
    RpObject *groups = RpDict_New(), *k, *v;
    Rp_ssize_t pos = 0;
    if (groups == NULL)
        return NULL;
    while (RpDict_Next(ns, &pos, &k, &v)) {
        if (!RpUnicode_Check(k) || is_plumbing(k, v))
            continue;
        RpObject *key = RpLong_FromLongLong((long long)(uintptr_t)v);
        RpObject *entry = key ? RpDict_GetItemWithError(groups, key) : NULL;
        if (key && entry == NULL && !RpErr_Occurred()) {
            RpObject *names = RpList_New(0);
            entry = names ? RpTuple_Pack(2, v, names) : NULL;
            Rp_XDECREF(names);
            if (entry == NULL || RpDict_SetItem(groups, key, entry) < 0) {
                Rp_XDECREF(entry);
                entry = NULL;
            } else {
                Rp_DECREF(entry);   /* the dict holds it */
            }
        }
        Rp_XDECREF(key);
        if (entry == NULL || RpList_Append(RpTuple_GET_ITEM(entry, 1), k) < 0) {
            Rp_DECREF(groups);
            return NULL;
        }
    }
    return groups;
}

static int write_line(RpObject *out, RpObject *line)
{
    if (line == NULL)
        return -1;
    int r = RpFile_WriteObject(line, out, RP_PRINT_RAW);
    Rp_DECREF(line);
    return r;
}

/* One object: "[x, y] -> int 300  (refcount 2)" then its referents. */
static int draw_object(RpObject *out, RpObject *obj, RpObject *names, int ids)
{
    RpObject *sep = RpUnicode_FromString(", ");
    RpObject *joined = sep ? RpUnicode_Join(sep, names) : NULL;
    Rp_XDECREF(sep);
    RpObject *val = short_repr(obj, 50);
    if (joined == NULL || val == NULL) {
        Rp_XDECREF(joined);
        Rp_XDECREF(val);
        return -1;
    }
    /* the group tuple holds one reference that the program did not make */
    Rp_ssize_t count = Rp_REFCNT(obj) - 1;
    RpObject *line = ids ? RpUnicode_FromFormat("%U -> %s %U at %p  (refcount %zd)\n", joined,
                                                _RpType_Name(Rp_TYPE(obj)), val, (void *)obj, count)
                         : RpUnicode_FromFormat("%U -> %s %U  (refcount %zd)\n", joined,
                                                _RpType_Name(Rp_TYPE(obj)), val, count);
    Rp_DECREF(joined);
    Rp_DECREF(val);
    return write_line(out, line);
}

/* graph(namespace=None, ids=False): print which names point at which
 * objects, grouped by object, with each object's count.  Defaults to the
 * caller's globals. */
static RpObject *r_graph(RpObject *self, RpObject *const *args, Rp_ssize_t nargs, RpObject *kwnames)
{
    static const char *const names[] = {"namespace", "ids", NULL};
    RpObject *a[2] = {NULL};
    if (_RpArg_ParseVector("graph", args, nargs, kwnames, names, 2, 0, a) < 0)
        return NULL;
    RpObject *ns = a[0] && a[0] != Rp_None ? a[0] : RpEval_GetGlobals();
    int ids = a[1] ? RpObject_IsTrue(a[1]) : 0;
    if (ns == NULL || !RpDict_Check(ns))
        return RpErr_Format(RpExc_TypeError, "graph() namespace must be a dict");
    RpObject *out = RpSys_GetObject("stdout");
    RpObject *groups = group_names(ns);
    if (groups == NULL || out == NULL) {
        Rp_XDECREF(groups);
        return NULL;
    }
    Rp_ssize_t pos = 0;
    RpObject *k, *entry;
    while (RpDict_Next(groups, &pos, &k, &entry)) {
        if (draw_object(out, RpTuple_GET_ITEM(entry, 0), RpTuple_GET_ITEM(entry, 1), ids) < 0) {
            Rp_DECREF(groups);
            return NULL;
        }
    }
    Rp_DECREF(groups);
    Rp_RETURN_NONE;
}

static RpObject *r_mem_stats(RpObject *self, RpObject *unused)
{
    RpMemStats st;
    RpMem_GetStats(&st);
    RpObject *d = RpDict_New();
    if (d == NULL)
        return NULL;
    if (set_item(d, "arenas_allocated", RpLong_FromSize_t(st.arenas_allocated)) < 0 ||
        set_item(d, "arenas_freed", RpLong_FromSize_t(st.arenas_freed)) < 0 ||
        set_item(d, "arenas_live", RpLong_FromSize_t(st.arenas_live)) < 0 ||
        set_item(d, "pools_in_use", RpLong_FromSize_t(st.pools_in_use)) < 0 ||
        set_item(d, "blocks_in_use", RpLong_FromSize_t(st.blocks_in_use)) < 0 ||
        set_item(d, "bytes_in_small_blocks", RpLong_FromSize_t(st.bytes_in_small_blocks)) < 0 ||
        set_item(d, "large_allocs_live", RpLong_FromSize_t(st.large_allocs_live)) < 0 ||
        set_item(d, "using_malloc", RpBool_FromLong(st.using_malloc)) < 0) {
        Rp_DECREF(d);
        return NULL;
    }
    return d;
}

#define FASTKW (RP_METH_FASTCALL | RP_METH_KEYWORDS)
static RpMethodDef refpy_methods[] = {
    {"refcount", r_refcount, RP_METH_O, "references to obj, not counting this call's argument"},
    {"generation", r_generation, RP_METH_O, "the collector generation of obj, or None"},
    {"header", r_header, RP_METH_O, "dict of the object's header: type, refcount, value, id..."},
    {"show", (RpCFunction)(void (*)(void))r_show, FASTKW, "print the object's header as a table"},
    {"graph", (RpCFunction)(void (*)(void))r_graph, FASTKW, "print names -> objects"},
    {"mem_stats", r_mem_stats, RP_METH_NOARGS, "the small-object allocator's statistics"},
    {NULL, NULL, 0, NULL}
};

RpObject *RpInit__refpy(void)
{
    RpObject *m = RpModule_New("refpy");
    if (m != NULL && (RpModule_AddFunctions(m, refpy_methods) < 0 ||
                      RpModule_AddIntConstant(m, "SMALL_INT_MIN", RP_SMALL_INT_MIN) < 0 ||
                      RpModule_AddIntConstant(m, "SMALL_INT_MAX", RP_SMALL_INT_MAX) < 0))
        Rp_CLEAR(m);
    return m;
}
