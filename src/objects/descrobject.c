/* descrobject.c -- descriptors: the objects in a type's dict that make
 * `obj.name` do something (CPython's descrobject.c and funcobject.c parts).
 *
 *   method descriptor     list.append         -> bound builtin method
 *   classmethod descr     dict.fromkeys       -> builtin bound to the class
 *   member descriptor     __slots__ entries, C struct fields
 *   getset descriptor     computed attributes of C types (__dict__, __name__)
 *   wrapper descriptor    int.__add__ (a C slot seen as a method), and the
 *                         method-wrapper it binds to: (1).__add__
 *   mappingproxy          the read-only A.__dict__
 *   classmethod, staticmethod, property, super
 *
 * All hold a strong reference to their defining type, which may be a class
 * (member descriptors of __slots__), so they are GC containers.
 */
#include "rp.h"

/* ---- common descriptor part --------------------------------------------------- */

static RpObject *descr_new(RpTypeObject *dtype, RpTypeObject *owner, const char *name)
{
    RpDescrObject *d = (RpDescrObject *)RpType_GenericAlloc(dtype, 0);
    if (d == NULL)
        return NULL;
    d->d_type = (RpTypeObject *)Rp_NewRef(owner);
    d->d_name = RpUnicode_InternFromString(name);
    if (d->d_name == NULL) {
        Rp_DECREF(d);
        return NULL;
    }
    return (RpObject *)d;
}

static void descr_dealloc(RpObject *o)
{
    RpDescrObject *d = (RpDescrObject *)o;
    RpObject_GC_UnTrack(o);
    Rp_XDECREF(d->d_type);
    Rp_XDECREF(d->d_name);
    Rp_XDECREF(d->d_qualname);
    RpObject_GC_Del(o);
}

static int descr_traverse(RpObject *o, visitproc visit, void *arg)
{
    Rp_VISIT(((RpDescrObject *)o)->d_type);
    return 0;
}

static const char *descr_tname(RpObject *o)
{
    return ((RpDescrObject *)o)->d_type->tp_name;
}

/* Does descr apply to obj?  0 yes; -1 with TypeError. */
static int descr_check(RpObject *descr, RpObject *obj)
{
    RpDescrObject *d = (RpDescrObject *)descr;
    if (RpObject_TypeCheck(obj, d->d_type))
        return 0;
    RpErr_Format(RpExc_TypeError, "descriptor '%U' for '%.100s' objects doesn't apply to a '%.100s' object",
                 d->d_name, d->d_type->tp_name, Rp_TYPE(obj)->tp_name);
    return -1;
}

static RpObject *descr_get_qualname(RpObject *o, void *c)
{
    RpDescrObject *d = (RpDescrObject *)o;
    if (d->d_qualname == NULL) {
        RpObject *tq = _RpType_GetQualName(d->d_type);
        if (tq == NULL)
            return NULL;
        d->d_qualname = RpUnicode_FromFormat("%U.%U", tq, d->d_name);
        Rp_DECREF(tq);
        if (d->d_qualname == NULL)
            return NULL;
    }
    return Rp_NewRef(d->d_qualname);
}

static RpObject *descr_get_name(RpObject *o, void *c)
{
    return Rp_NewRef(((RpDescrObject *)o)->d_name);
}

static RpObject *descr_get_objclass(RpObject *o, void *c)
{
    return Rp_NewRef(((RpDescrObject *)o)->d_type);
}

static RpObject *doc_or_none(const char *doc)
{
    if (doc == NULL)
        Rp_RETURN_NONE;
    return RpUnicode_FromString(doc);
}

#define DESCR_COMMON_GETSETS                                              \
    {"__name__", descr_get_name, NULL, NULL, NULL},                       \
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},               \
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL}

static RpObject *descr_repr(RpObject *o, const char *kind)
{
    return RpUnicode_FromFormat("<%s '%U' of '%s' objects>", kind, ((RpDescrObject *)o)->d_name,
                                descr_tname(o));
}

/* ---- method descriptors ----------------------------------------------------- */

static RpObject *method_vectorcall(RpObject *o, RpObject *const *args, size_t nargsf, RpObject *kwnames)
{
    RpMethodDescrObject *d = (RpMethodDescrObject *)o;
    Rp_ssize_t n = RpVectorcall_NARGS(nargsf);
    if (n < 1) {
        RpObject *qn = descr_get_qualname(o, NULL);
        if (qn != NULL)
            RpErr_Format(RpExc_TypeError, "unbound method %U() needs an argument", qn);
        Rp_XDECREF(qn);
        return NULL;
    }
    if (descr_check(o, args[0]) < 0)
        return NULL;
    return _RpMethodDef_Call(d->d_method, args[0], args + 1, n - 1, kwnames);
}

static RpObject *method_get(RpObject *o, RpObject *obj, RpObject *type)
{
    if (obj == NULL)
        return Rp_NewRef(o);
    if (descr_check(o, obj) < 0)
        return NULL;
    return RpCFunction_NewEx(((RpMethodDescrObject *)o)->d_method, obj, NULL);
}

static RpObject *method_repr(RpObject *o)
{
    return descr_repr(o, "method");
}

static RpObject *method_get_doc(RpObject *o, void *c)
{
    return doc_or_none(((RpMethodDescrObject *)o)->d_method->ml_doc);
}

static RpGetSetDef method_getsets[] = {
    DESCR_COMMON_GETSETS,
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

RpObject *RpDescr_NewMethod(RpTypeObject *t, RpMethodDef *ml)
{
    RpMethodDescrObject *d = (RpMethodDescrObject *)descr_new(&RpMethodDescr_Type, t, ml->ml_name);
    if (d != NULL) {
        d->d_method = ml;
        d->vectorcall = method_vectorcall;
    }
    return (RpObject *)d;
}

RpTypeObject RpMethodDescr_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(RpMethodDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_vectorcall_offset = offsetof(RpMethodDescrObject, vectorcall),
    .tp_call = RpVectorcall_Call,
    .tp_repr = method_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_getset = method_getsets,
    .tp_descr_get = method_get,
};

/* ---- classmethod descriptors (C methods with RP_METH_CLASS) ---------------- */

static RpObject *classmethod_descr_get(RpObject *o, RpObject *obj, RpObject *type)
{
    RpDescrObject *d = (RpDescrObject *)o;
    if (type == NULL)
        type = (RpObject *)Rp_TYPE(obj);
    if (!RpType_Check(type)) {
        RpErr_Format(RpExc_TypeError, "descriptor '%U' for type '%.100s' needs a type, not a '%.100s' as arg 2",
                     d->d_name, d->d_type->tp_name, Rp_TYPE(type)->tp_name);
        return NULL;
    }
    if (!RpType_IsSubtype((RpTypeObject *)type, d->d_type)) {
        RpErr_Format(RpExc_TypeError, "descriptor '%U' requires a subtype of '%.100s' but received '%.100s'",
                     d->d_name, d->d_type->tp_name, ((RpTypeObject *)type)->tp_name);
        return NULL;
    }
    return RpCFunction_NewEx(((RpMethodDescrObject *)o)->d_method, type, NULL);
}

static RpObject *classmethod_descr_vectorcall(RpObject *o, RpObject *const *args, size_t nargsf,
                                              RpObject *kwnames)
{
    Rp_ssize_t n = RpVectorcall_NARGS(nargsf);
    RpDescrObject *d = (RpDescrObject *)o;
    if (n < 1) {
        RpErr_Format(RpExc_TypeError, "descriptor '%U' of '%.100s' object needs an argument", d->d_name,
                     d->d_type->tp_name);
        return NULL;
    }
    RpObject *bound = classmethod_descr_get(o, NULL, args[0]);
    if (bound == NULL)
        return NULL;
    RpObject *res = RpObject_Vectorcall(bound, args + 1, (size_t)(n - 1), kwnames);
    Rp_DECREF(bound);
    return res;
}

static RpObject *classmethod_descr_repr(RpObject *o)
{
    return descr_repr(o, "method");
}

RpObject *RpDescr_NewClassMethod(RpTypeObject *t, RpMethodDef *ml)
{
    RpMethodDescrObject *d = (RpMethodDescrObject *)descr_new(&RpClassMethodDescr_Type, t, ml->ml_name);
    if (d != NULL) {
        d->d_method = ml;
        d->vectorcall = classmethod_descr_vectorcall;
    }
    return (RpObject *)d;
}

RpTypeObject RpClassMethodDescr_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(RpMethodDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_vectorcall_offset = offsetof(RpMethodDescrObject, vectorcall),
    .tp_call = RpVectorcall_Call,
    .tp_repr = classmethod_descr_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_getset = method_getsets,
    .tp_descr_get = classmethod_descr_get,
};

/* ---- member descriptors ------------------------------------------------------- */

static RpObject *member_read(RpObject *obj, RpMemberDef *m)
{
    char *addr = (char *)obj + m->offset;
    switch (m->type) {
    case RP_T_OBJECT: {
        RpObject *v = *(RpObject **)addr;
        return Rp_NewRef(v != NULL ? v : Rp_None);
    }
    case RP_T_OBJECT_EX: {
        RpObject *v = *(RpObject **)addr;
        if (v == NULL) {
            RpErr_Format(RpExc_AttributeError, "'%.200s' object has no attribute '%s'",
                         Rp_TYPE(obj)->tp_name, m->name);
            return NULL;
        }
        return Rp_NewRef(v);
    }
    case RP_T_INT: return RpLong_FromLong(*(int *)addr);
    case RP_T_SSIZE: return RpLong_FromSsize_t(*(Rp_ssize_t *)addr);
    case RP_T_BOOL: return RpBool_FromLong(*(char *)addr);
    case RP_T_DOUBLE: return RpFloat_FromDouble(*(double *)addr);
    default:
        RpErr_SetString(RpExc_SystemError, "bad memberdescr type");
        return NULL;
    }
}

static int member_write_number(char *addr, RpMemberDef *m, RpObject *v)
{
    if (m->type == RP_T_DOUBLE) {
        double d = RpFloat_AsDouble(v);
        if (d == -1.0 && RpErr_Occurred())
            return -1;
        *(double *)addr = d;
        return 0;
    }
    if (m->type == RP_T_BOOL && !RpBool_Check(v)) {
        RpErr_SetString(RpExc_TypeError, "attribute value type must be bool");
        return -1;
    }
    long long x = RpLong_AsLongLong(v);
    if (x == -1 && RpErr_Occurred())
        return -1;
    if (m->type == RP_T_INT)
        *(int *)addr = (int)x;
    else if (m->type == RP_T_SSIZE)
        *(Rp_ssize_t *)addr = (Rp_ssize_t)x;
    else
        *(char *)addr = (char)(x != 0);
    return 0;
}

static int member_write(RpObject *obj, RpMemberDef *m, RpObject *v)
{
    char *addr = (char *)obj + m->offset;
    if (m->flags & RP_READONLY) {
        RpErr_SetString(RpExc_AttributeError, "readonly attribute");
        return -1;
    }
    if (m->type == RP_T_OBJECT || m->type == RP_T_OBJECT_EX) {
        RpObject **slot = (RpObject **)addr;
        if (v == NULL && m->type == RP_T_OBJECT_EX && *slot == NULL) {
            RpErr_SetString(RpExc_AttributeError, m->name);
            return -1;
        }
        Rp_XSETREF(*slot, Rp_XNewRef(v));
        return 0;
    }
    if (v == NULL) {
        RpErr_SetString(RpExc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    return member_write_number(addr, m, v);
}

static RpObject *member_get(RpObject *o, RpObject *obj, RpObject *type)
{
    if (obj == NULL)
        return Rp_NewRef(o);
    if (descr_check(o, obj) < 0)
        return NULL;
    return member_read(obj, ((RpMemberDescrObject *)o)->d_member);
}

static int member_set(RpObject *o, RpObject *obj, RpObject *v)
{
    if (descr_check(o, obj) < 0)
        return -1;
    return member_write(obj, ((RpMemberDescrObject *)o)->d_member, v);
}

static RpObject *member_repr(RpObject *o)
{
    return descr_repr(o, "member");
}

static RpObject *member_get_doc(RpObject *o, void *c)
{
    return doc_or_none(((RpMemberDescrObject *)o)->d_member->doc);
}

static RpGetSetDef member_getsets[] = {
    DESCR_COMMON_GETSETS,
    {"__doc__", member_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

RpObject *RpDescr_NewMember(RpTypeObject *t, RpMemberDef *m)
{
    RpMemberDescrObject *d = (RpMemberDescrObject *)descr_new(&RpMemberDescr_Type, t, m->name);
    if (d != NULL)
        d->d_member = m;
    return (RpObject *)d;
}

RpTypeObject RpMemberDescr_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(RpMemberDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = member_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_getset = member_getsets,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
};

/* ---- getset descriptors ------------------------------------------------------------ */

static RpObject *getset_get(RpObject *o, RpObject *obj, RpObject *type)
{
    RpGetSetDescrObject *d = (RpGetSetDescrObject *)o;
    if (obj == NULL)
        return Rp_NewRef(o);
    if (descr_check(o, obj) < 0)
        return NULL;
    if (d->d_getset->get == NULL) {
        RpErr_Format(RpExc_AttributeError, "attribute '%U' of '%.100s' objects is not readable",
                     d->d_common.d_name, descr_tname(o));
        return NULL;
    }
    return d->d_getset->get(obj, d->d_getset->closure);
}

static int getset_set(RpObject *o, RpObject *obj, RpObject *v)
{
    RpGetSetDescrObject *d = (RpGetSetDescrObject *)o;
    if (descr_check(o, obj) < 0)
        return -1;
    if (d->d_getset->set == NULL) {
        RpErr_Format(RpExc_AttributeError, "attribute '%U' of '%.100s' objects is not writable",
                     d->d_common.d_name, descr_tname(o));
        return -1;
    }
    return d->d_getset->set(obj, v, d->d_getset->closure);
}

static RpObject *getset_repr(RpObject *o)
{
    return descr_repr(o, "attribute");
}

static RpObject *getset_get_doc(RpObject *o, void *c)
{
    return doc_or_none(((RpGetSetDescrObject *)o)->d_getset->doc);
}

static RpGetSetDef getset_getsets[] = {
    DESCR_COMMON_GETSETS,
    {"__doc__", getset_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

RpObject *RpDescr_NewGetSet(RpTypeObject *t, RpGetSetDef *g)
{
    RpGetSetDescrObject *d = (RpGetSetDescrObject *)descr_new(&RpGetSetDescr_Type, t, g->name);
    if (d != NULL)
        d->d_getset = g;
    return (RpObject *)d;
}

RpTypeObject RpGetSetDescr_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(RpGetSetDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = getset_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_getset = getset_getsets,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
};

/* ---- wrapper descriptors (slot wrappers) and method-wrappers ----------------- */

static RpObject *call_wrapper(RpWrapperDescrObject *d, RpObject *self, RpObject *args, RpObject *kwds)
{
    if (d->d_flags & RP_WRAPPER_KEYWORDS)
        return ((wrapperfunc_kwds)(void (*)(void))d->d_wrapper)(self, args, d->d_wrapped, kwds);
    if (kwds != NULL && RpDict_GET_SIZE(kwds) != 0) {
        RpErr_Format(RpExc_TypeError, "wrapper %U() takes no keyword arguments", d->d_common.d_name);
        return NULL;
    }
    return d->d_wrapper(self, args, d->d_wrapped);
}

static RpObject *wrapperdescr_call(RpObject *o, RpObject *args, RpObject *kwds)
{
    RpWrapperDescrObject *d = (RpWrapperDescrObject *)o;
    Rp_ssize_t n = RpTuple_GET_SIZE(args);
    if (n < 1) {
        RpErr_Format(RpExc_TypeError, "descriptor '%U' of '%.100s' object needs an argument",
                     d->d_common.d_name, descr_tname(o));
        return NULL;
    }
    RpObject *self = RpTuple_GET_ITEM(args, 0);
    if (!RpObject_TypeCheck(self, d->d_common.d_type)) {
        RpErr_Format(RpExc_TypeError, "descriptor '%U' requires a '%.100s' object but received a '%.100s'",
                     d->d_common.d_name, descr_tname(o), Rp_TYPE(self)->tp_name);
        return NULL;
    }
    RpObject *rest = RpTuple_GetSlice(args, 1, n);
    if (rest == NULL)
        return NULL;
    RpObject *res = call_wrapper(d, self, rest, kwds);
    Rp_DECREF(rest);
    return res;
}

static RpObject *wrapperdescr_get(RpObject *o, RpObject *obj, RpObject *type);

static RpObject *wrapperdescr_repr(RpObject *o)
{
    return descr_repr(o, "slot wrapper");
}

static RpObject *wrapperdescr_get_doc(RpObject *o, void *c)
{
    return doc_or_none(((RpWrapperDescrObject *)o)->d_doc);
}

static RpGetSetDef wrapperdescr_getsets[] = {
    DESCR_COMMON_GETSETS,
    {"__doc__", wrapperdescr_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

RpObject *RpDescr_NewWrapperEx(RpTypeObject *t, const char *name, wrapperfunc w, void *wrapped,
                               const char *doc, int flags)
{
    RpWrapperDescrObject *d = (RpWrapperDescrObject *)descr_new(&RpWrapperDescr_Type, t, name);
    if (d != NULL) {
        d->d_wrapper = w;
        d->d_wrapped = wrapped;
        d->d_doc = doc;
        d->d_flags = flags;
    }
    return (RpObject *)d;
}

RpObject *RpDescr_NewWrapper(RpTypeObject *t, const char *name, wrapperfunc w, void *wrapped,
                             const char *doc)
{
    return RpDescr_NewWrapperEx(t, name, w, wrapped, doc, 0);
}

RpTypeObject RpWrapperDescr_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(RpWrapperDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_call = wrapperdescr_call,
    .tp_repr = wrapperdescr_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_getset = wrapperdescr_getsets,
    .tp_descr_get = wrapperdescr_get,
};

typedef struct {
    RpObject_HEAD
    RpWrapperDescrObject *descr;
    RpObject *self;
} MethodWrapper;

static RpObject *wrapperdescr_get(RpObject *o, RpObject *obj, RpObject *type)
{
    if (obj == NULL)
        return Rp_NewRef(o);
    if (descr_check(o, obj) < 0)
        return NULL;
    MethodWrapper *mw = (MethodWrapper *)RpType_GenericAlloc(&RpMethodWrapper_Type, 0);
    if (mw == NULL)
        return NULL;
    mw->descr = (RpWrapperDescrObject *)Rp_NewRef(o);
    mw->self = Rp_NewRef(obj);
    return (RpObject *)mw;
}

static void methodwrapper_dealloc(RpObject *o)
{
    MethodWrapper *mw = (MethodWrapper *)o;
    RpObject_GC_UnTrack(o);
    Rp_XDECREF(mw->descr);
    Rp_XDECREF(mw->self);
    RpObject_GC_Del(o);
}

static int methodwrapper_traverse(RpObject *o, visitproc visit, void *arg)
{
    Rp_VISIT(((MethodWrapper *)o)->descr);
    Rp_VISIT(((MethodWrapper *)o)->self);
    return 0;
}

static RpObject *methodwrapper_call(RpObject *o, RpObject *args, RpObject *kwds)
{
    MethodWrapper *mw = (MethodWrapper *)o;
    return call_wrapper(mw->descr, mw->self, args, kwds);
}

static RpObject *methodwrapper_repr(RpObject *o)
{
    MethodWrapper *mw = (MethodWrapper *)o;
    return RpUnicode_FromFormat("<method-wrapper '%U' of %s object at %p>", mw->descr->d_common.d_name,
                                Rp_TYPE(mw->self)->tp_name, (void *)mw->self);
}

static RpObject *methodwrapper_richcompare(RpObject *a, RpObject *b, int op)
{
    if ((op != Rp_EQ && op != Rp_NE) || !Rp_IS_TYPE(b, &RpMethodWrapper_Type))
        Rp_RETURN_NOTIMPLEMENTED;
    MethodWrapper *x = (MethodWrapper *)a, *y = (MethodWrapper *)b;
    int eq = x->descr == y->descr && x->self == y->self;
    return RpBool_FromLong(op == Rp_EQ ? eq : !eq);
}

static Rp_hash_t methodwrapper_hash(RpObject *o)
{
    MethodWrapper *mw = (MethodWrapper *)o;
    Rp_hash_t h = _Rp_HashPointer(mw->self) ^ _Rp_HashPointer(mw->descr);
    return h == -1 ? -2 : h;
}

static RpObject *mw_get_self(RpObject *o, void *c)
{
    return Rp_NewRef(((MethodWrapper *)o)->self);
}

static RpObject *mw_get_name(RpObject *o, void *c)
{
    return Rp_NewRef(((MethodWrapper *)o)->descr->d_common.d_name);
}

static RpObject *mw_get_qualname(RpObject *o, void *c)
{
    return descr_get_qualname((RpObject *)((MethodWrapper *)o)->descr, NULL);
}

static RpObject *mw_get_objclass(RpObject *o, void *c)
{
    return Rp_NewRef(((MethodWrapper *)o)->descr->d_common.d_type);
}

static RpObject *mw_get_doc(RpObject *o, void *c)
{
    return doc_or_none(((MethodWrapper *)o)->descr->d_doc);
}

static RpGetSetDef methodwrapper_getsets[] = {
    {"__self__", mw_get_self, NULL, NULL, NULL},
    {"__name__", mw_get_name, NULL, NULL, NULL},
    {"__qualname__", mw_get_qualname, NULL, NULL, NULL},
    {"__objclass__", mw_get_objclass, NULL, NULL, NULL},
    {"__doc__", mw_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

RpTypeObject RpMethodWrapper_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(MethodWrapper),
    .tp_dealloc = methodwrapper_dealloc,
    .tp_hash = methodwrapper_hash,
    .tp_call = methodwrapper_call,
    .tp_repr = methodwrapper_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = methodwrapper_traverse,
    .tp_richcompare = methodwrapper_richcompare,
    .tp_getset = methodwrapper_getsets,
};

/* ---- mappingproxy --------------------------------------------------------------- */

typedef struct {
    RpObject_HEAD
    RpObject *mapping;
} MappingProxy;

static RpObject *mp_mapping(RpObject *o)
{
    return ((MappingProxy *)o)->mapping;
}

static Rp_ssize_t proxy_len(RpObject *o)
{
    return RpObject_Size(mp_mapping(o));
}

static RpObject *proxy_getitem(RpObject *o, RpObject *key)
{
    return RpObject_GetItem(mp_mapping(o), key);
}

static int proxy_contains(RpObject *o, RpObject *key)
{
    if (RpDict_CheckExact(mp_mapping(o)))
        return RpDict_Contains(mp_mapping(o), key);
    return RpSequence_Contains(mp_mapping(o), key);
}

static RpObject *proxy_iter(RpObject *o)
{
    return RpObject_GetIter(mp_mapping(o));
}

static RpObject *proxy_call(RpObject *o, const char *name)
{
    return RpObject_CallMethod0(mp_mapping(o), name);
}

static RpObject *proxy_keys(RpObject *o, RpObject *unused)
{
    return proxy_call(o, "keys");
}

static RpObject *proxy_values(RpObject *o, RpObject *unused)
{
    return proxy_call(o, "values");
}

static RpObject *proxy_items(RpObject *o, RpObject *unused)
{
    return proxy_call(o, "items");
}

static RpObject *proxy_copy(RpObject *o, RpObject *unused)
{
    return proxy_call(o, "copy");
}

static RpObject *proxy_get(RpObject *o, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("get", nargs, 1, 2))
        return NULL;
    RpObject *get = RpObject_GetAttr(mp_mapping(o), RP_ID(get));
    if (get == NULL)
        return NULL;
    RpObject *res = RpObject_Vectorcall(get, args, (size_t)nargs, NULL);
    Rp_DECREF(get);
    return res;
}

static RpObject *proxy_repr(RpObject *o)
{
    return RpUnicode_FromFormat("mappingproxy(%R)", mp_mapping(o));
}

static RpObject *proxy_str(RpObject *o)
{
    return RpObject_Str(mp_mapping(o));
}

static RpObject *proxy_richcompare(RpObject *o, RpObject *w, int op)
{
    return RpObject_RichCompare(mp_mapping(o), w, op);
}

static void proxy_dealloc(RpObject *o)
{
    RpObject_GC_UnTrack(o);
    Rp_XDECREF(mp_mapping(o));
    RpObject_GC_Del(o);
}

static int proxy_traverse(RpObject *o, visitproc visit, void *arg)
{
    Rp_VISIT(mp_mapping(o));
    return 0;
}

static int is_mapping_like(RpObject *m)
{
    RpMappingMethods *mp = Rp_TYPE(m)->tp_as_mapping;
    return mp != NULL && mp->mp_subscript != NULL && !RpList_Check(m) && !RpTuple_Check(m);
}

RpObject *RpDictProxy_New(RpObject *mapping)
{
    if (!is_mapping_like(mapping)) {
        RpErr_Format(RpExc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                     Rp_TYPE(mapping)->tp_name);
        return NULL;
    }
    MappingProxy *p = (MappingProxy *)RpType_GenericAlloc(&RpDictProxy_Type, 0);
    if (p != NULL)
        p->mapping = Rp_NewRef(mapping);
    return (RpObject *)p;
}

static RpObject *proxy_new(RpTypeObject *t, RpObject *args, RpObject *kwds)
{
    static const char *const names[] = {"mapping", NULL};
    RpObject *m;
    if (_RpArg_ParseTupleAndKeywords("mappingproxy", args, kwds, names, 1, 1, &m) < 0)
        return NULL;
    return RpDictProxy_New(m);
}

static RpMappingMethods proxy_as_mapping = {.mp_length = proxy_len, .mp_subscript = proxy_getitem};
static RpSequenceMethods proxy_as_sequence = {.sq_contains = proxy_contains};
static RpMethodDef proxy_methods[] = {
    {"get", (RpCFunction)(void (*)(void))proxy_get, RP_METH_FASTCALL,
     "D.get(k[,d]) -> D[k] if k in D, else d.  d defaults to None."},
    {"keys", (RpCFunction)proxy_keys, RP_METH_NOARGS, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", (RpCFunction)proxy_values, RP_METH_NOARGS, "D.values() -> an object providing a view on D's values"},
    {"items", (RpCFunction)proxy_items, RP_METH_NOARGS, "D.items() -> a set-like object providing a view on D's items"},
    {"copy", (RpCFunction)proxy_copy, RP_METH_NOARGS, "D.copy() -> a shallow copy of D"},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpDictProxy_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(MappingProxy),
    .tp_dealloc = proxy_dealloc,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_hash = RpObject_HashNotImplemented,
    .tp_repr = proxy_repr,
    .tp_str = proxy_str,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = proxy_traverse,
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_methods = proxy_methods,
    .tp_new = proxy_new,
};

/* ---- classmethod and staticmethod ------------------------------------------------ */

typedef struct {
    RpObject_HEAD
    RpObject *callable;
    RpObject *dict;       /* __wrapped__-style copied attributes, lazily a dict */
} FuncWrapper;

static void funcwrapper_dealloc(RpObject *o)
{
    FuncWrapper *w = (FuncWrapper *)o;
    RpObject_GC_UnTrack(o);
    Rp_XDECREF(w->callable);
    Rp_XDECREF(w->dict);
    Rp_TYPE(o)->tp_free(o);
}

static int funcwrapper_traverse(RpObject *o, visitproc visit, void *arg)
{
    Rp_VISIT(((FuncWrapper *)o)->callable);
    Rp_VISIT(((FuncWrapper *)o)->dict);
    return 0;
}

static int funcwrapper_clear(RpObject *o)
{
    Rp_CLEAR(((FuncWrapper *)o)->callable);
    Rp_CLEAR(((FuncWrapper *)o)->dict);
    return 0;
}

/* 3.10+: classmethod/staticmethod copy __module__, __name__, __qualname__,
 * __doc__ and __annotations__ of what they wrap (functools.wraps). */
static int copy_wrapped_attrs(RpObject *self, RpObject *wrapped)
{
    static const char *const names[] = {"__module__", "__name__", "__qualname__", "__doc__",
                                        "__annotations__"};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        RpObject *name = RpUnicode_InternFromString(names[i]), *v = NULL;
        int r = name == NULL ? -1 : _RpObject_LookupAttr(wrapped, name, &v);
        if (r > 0)
            r = RpObject_SetAttr(self, name, v);
        Rp_XDECREF(v);
        Rp_XDECREF(name);
        if (r < 0)
            return -1;
    }
    return 0;
}

static int funcwrapper_init_common(RpObject *self, RpObject *args, RpObject *kwds, const char *fname)
{
    if (!_RpArg_NoKeywords(fname, kwds) || !_RpArg_CheckPositional(fname, RpTuple_GET_SIZE(args), 1, 1))
        return -1;
    RpObject *callable = RpTuple_GET_ITEM(args, 0);
    Rp_XSETREF(((FuncWrapper *)self)->callable, Rp_NewRef(callable));
    return copy_wrapped_attrs(self, callable);
}

static int cm_init(RpObject *self, RpObject *args, RpObject *kwds)
{
    return funcwrapper_init_common(self, args, kwds, "classmethod");
}

static int sm_init(RpObject *self, RpObject *args, RpObject *kwds)
{
    return funcwrapper_init_common(self, args, kwds, "staticmethod");
}

static RpObject *cm_get(RpObject *self, RpObject *obj, RpObject *type)
{
    RpObject *callable = ((FuncWrapper *)self)->callable;
    if (callable == NULL) {
        RpErr_SetString(RpExc_RuntimeError, "uninitialized classmethod object");
        return NULL;
    }
    if (type == NULL)
        type = (RpObject *)Rp_TYPE(obj);
    /* 3.11 still chains: classmethod(property(...)) binds through __get__ */
    descrgetfunc f = Rp_TYPE(callable)->tp_descr_get;
    if (f != NULL && !RpFunction_Check(callable))
        return f(callable, type, type);
    return RpMethod_New(callable, type);
}

static RpObject *sm_get(RpObject *self, RpObject *obj, RpObject *type)
{
    RpObject *callable = ((FuncWrapper *)self)->callable;
    if (callable == NULL) {
        RpErr_SetString(RpExc_RuntimeError, "uninitialized staticmethod object");
        return NULL;
    }
    return Rp_NewRef(callable);
}

static RpObject *sm_call(RpObject *self, RpObject *args, RpObject *kwds)
{
    return RpObject_Call(((FuncWrapper *)self)->callable, args, kwds);
}

static RpObject *fw_get_func(RpObject *self, void *c)
{
    RpObject *f = ((FuncWrapper *)self)->callable;
    return Rp_NewRef(f != NULL ? f : Rp_None);
}

static RpObject *fw_get_isabstract(RpObject *self, void *c)
{
    RpObject *f = ((FuncWrapper *)self)->callable, *v = NULL;
    RpObject *name = RpUnicode_InternFromString("__isabstractmethod__");
    int r = (name == NULL || f == NULL) ? 0 : _RpObject_LookupAttr(f, name, &v);
    Rp_XDECREF(name);
    if (r < 0)
        return NULL;
    int t = v != NULL ? RpObject_IsTrue(v) : 0;
    Rp_XDECREF(v);
    return t < 0 ? NULL : RpBool_FromLong(t);
}

static RpObject *cm_repr(RpObject *self)
{
    return RpUnicode_FromFormat("<classmethod(%R)>", ((FuncWrapper *)self)->callable);
}

static RpObject *sm_repr(RpObject *self)
{
    return RpUnicode_FromFormat("<staticmethod(%R)>", ((FuncWrapper *)self)->callable);
}

static RpGetSetDef funcwrapper_getsets[] = {
    {"__func__", fw_get_func, NULL, NULL, NULL},
    {"__wrapped__", fw_get_func, NULL, NULL, NULL},
    {"__isabstractmethod__", fw_get_isabstract, NULL, NULL, NULL},
    {"__dict__", RpObject_GenericGetDict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

RpTypeObject RpClassMethod_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(FuncWrapper),
    .tp_dealloc = funcwrapper_dealloc,
    .tp_repr = cm_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_setattro = RpObject_GenericSetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_BASETYPE,
    .tp_doc = "classmethod(function) -> method\n\nConvert a function to be a class method.",
    .tp_traverse = funcwrapper_traverse,
    .tp_clear = funcwrapper_clear,
    .tp_getset = funcwrapper_getsets,
    .tp_descr_get = cm_get,
    .tp_dictoffset = offsetof(FuncWrapper, dict),
    .tp_init = cm_init,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = RpType_GenericNew,
    .tp_free = RpObject_GC_Del,
};

RpTypeObject RpStaticMethod_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(FuncWrapper),
    .tp_dealloc = funcwrapper_dealloc,
    .tp_call = sm_call,
    .tp_repr = sm_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_setattro = RpObject_GenericSetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_BASETYPE,
    .tp_doc = "staticmethod(function) -> method\n\nConvert a function to be a static method.",
    .tp_traverse = funcwrapper_traverse,
    .tp_clear = funcwrapper_clear,
    .tp_getset = funcwrapper_getsets,
    .tp_descr_get = sm_get,
    .tp_dictoffset = offsetof(FuncWrapper, dict),
    .tp_init = sm_init,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = RpType_GenericNew,
    .tp_free = RpObject_GC_Del,
};

static RpObject *funcwrapper_new(RpTypeObject *t, RpObject *callable, initproc init)
{
    RpObject *args = RpTuple_Pack(1, callable);
    if (args == NULL)
        return NULL;
    RpObject *self = t->tp_alloc(t, 0);
    if (self != NULL && init(self, args, NULL) < 0)
        Rp_CLEAR(self);
    Rp_DECREF(args);
    return self;
}

RpObject *RpClassMethod_New(RpObject *callable)
{
    return funcwrapper_new(&RpClassMethod_Type, callable, cm_init);
}

RpObject *RpStaticMethod_New(RpObject *callable)
{
    return funcwrapper_new(&RpStaticMethod_Type, callable, sm_init);
}

/* ---- property -------------------------------------------------------------------- */

typedef struct {
    RpObject_HEAD
    RpObject *fget, *fset, *fdel, *doc;
    RpObject *name;       /* set by __set_name__, for error messages */
    int getter_doc;       /* doc was taken from fget.__doc__ */
} Property;

static RpMemberDef property_members[] = {
    {"fget", RP_T_OBJECT, offsetof(Property, fget), RP_READONLY, NULL},
    {"fset", RP_T_OBJECT, offsetof(Property, fset), RP_READONLY, NULL},
    {"fdel", RP_T_OBJECT, offsetof(Property, fdel), RP_READONLY, NULL},
    {"__doc__", RP_T_OBJECT, offsetof(Property, doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* "property 'x' of 'A' object has no setter" (3.11 wording). */
static void property_error(Property *p, RpObject *obj, const char *what)
{
    RpObject *qn = obj != NULL ? _RpType_GetQualName(Rp_TYPE(obj)) : NULL;
    if (qn == NULL && obj != NULL)
        return;
    if (p->name != NULL && qn != NULL)
        RpErr_Format(RpExc_AttributeError, "property %R of %R object has no %s", p->name, qn, what);
    else if (qn != NULL)
        RpErr_Format(RpExc_AttributeError, "property of %R object has no %s", qn, what);
    else
        RpErr_Format(RpExc_AttributeError, "property has no %s", what);
    Rp_XDECREF(qn);
}

static RpObject *property_get(RpObject *self, RpObject *obj, RpObject *type)
{
    Property *p = (Property *)self;
    if (obj == NULL || obj == Rp_None)
        return Rp_NewRef(self);
    if (p->fget == NULL) {
        property_error(p, obj, "getter");
        return NULL;
    }
    return RpObject_CallOneArg(p->fget, obj);
}

static int property_set(RpObject *self, RpObject *obj, RpObject *value)
{
    Property *p = (Property *)self;
    RpObject *func = value == NULL ? p->fdel : p->fset;
    if (func == NULL) {
        property_error(p, obj, value == NULL ? "deleter" : "setter");
        return -1;
    }
    RpObject *res = value == NULL ? RpObject_CallOneArg(func, obj)
                                  : RpObject_CallFunctionObjArgs(func, obj, value, NULL);
    if (res == NULL)
        return -1;
    Rp_DECREF(res);
    return 0;
}

static RpObject *none_to_null(RpObject *o)
{
    return o == Rp_None ? NULL : o;
}

/* The doc of a property: given, or taken from the getter. */
static int property_init_doc(Property *p, RpObject *doc)
{
    RpObject *d = none_to_null(doc);
    Rp_XINCREF(d);
    if (d == NULL && p->fget != NULL) {
        if (_RpObject_LookupAttr(p->fget, RP_ID(__doc__), &d) < 0)
            return -1;
        if (d != NULL)
            p->getter_doc = 1;
    }
    if (Rp_IS_TYPE(p, &RpProperty_Type)) {
        Rp_XSETREF(p->doc, d);
        return 0;
    }
    /* subclasses keep __doc__ in the instance, or the class's __doc__
     * would shadow it */
    int r = RpObject_SetAttr((RpObject *)p, RP_ID(__doc__), d != NULL ? d : Rp_None);
    Rp_XDECREF(d);
    return r;
}

static int property_init(RpObject *self, RpObject *args, RpObject *kwds)
{
    static const char *const names[] = {"fget", "fset", "fdel", "doc", NULL};
    RpObject *v[4];
    Property *p = (Property *)self;
    if (_RpArg_ParseTupleAndKeywords("property", args, kwds, names, 4, 0, v) < 0)
        return -1;
    Rp_XSETREF(p->fget, Rp_XNewRef(none_to_null(v[0])));
    Rp_XSETREF(p->fset, Rp_XNewRef(none_to_null(v[1])));
    Rp_XSETREF(p->fdel, Rp_XNewRef(none_to_null(v[2])));
    p->getter_doc = 0;
    return property_init_doc(p, v[3]);
}

static RpObject *property_copy(RpObject *self, RpObject *get, RpObject *set, RpObject *del)
{
    Property *p = (Property *)self;
    RpObject *doc = (p->getter_doc && get != Rp_None) ? Rp_None : (p->doc ? p->doc : Rp_None);
    RpObject *args[4] = {get ? get : (p->fget ? p->fget : Rp_None),
                         set ? set : (p->fset ? p->fset : Rp_None),
                         del ? del : (p->fdel ? p->fdel : Rp_None), doc};
    RpObject *np = RpObject_Vectorcall((RpObject *)Rp_TYPE(self), args, 4, NULL);
    if (np != NULL && RpObject_TypeCheck(np, &RpProperty_Type))
        Rp_XSETREF(((Property *)np)->name, Rp_XNewRef(p->name));
    return np;
}

static RpObject *property_getter(RpObject *self, RpObject *f)
{
    return property_copy(self, f, NULL, NULL);
}

static RpObject *property_setter(RpObject *self, RpObject *f)
{
    return property_copy(self, NULL, f, NULL);
}

static RpObject *property_deleter(RpObject *self, RpObject *f)
{
    return property_copy(self, NULL, NULL, f);
}

static RpObject *property_set_name(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("__set_name__", nargs, 2, 2))
        return NULL;
    Rp_XSETREF(((Property *)self)->name, Rp_NewRef(args[1]));
    Rp_RETURN_NONE;
}

static RpObject *property_get_isabstract(RpObject *self, void *c)
{
    Property *p = (Property *)self;
    RpObject *fs[3] = {p->fget, p->fset, p->fdel};
    RpObject *name = RpUnicode_InternFromString("__isabstractmethod__");
    if (name == NULL)
        return NULL;
    int found = 0;
    for (int i = 0; i < 3 && !found; i++) {
        RpObject *v = NULL;
        int r = fs[i] == NULL ? 0 : _RpObject_LookupAttr(fs[i], name, &v);
        if (r > 0)
            found = RpObject_IsTrue(v);
        Rp_XDECREF(v);
        if (r < 0 || found < 0) {
            Rp_DECREF(name);
            return NULL;
        }
    }
    Rp_DECREF(name);
    return RpBool_FromLong(found);
}

static RpGetSetDef property_getsets[] = {
    {"__isabstractmethod__", property_get_isabstract, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static RpMethodDef property_methods[] = {
    {"getter", (RpCFunction)property_getter, RP_METH_O, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", (RpCFunction)property_setter, RP_METH_O, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", (RpCFunction)property_deleter, RP_METH_O, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", (RpCFunction)(void (*)(void))property_set_name, RP_METH_FASTCALL, "Method to set name of a property."},
    {NULL, NULL, 0, NULL},
};

static void property_dealloc(RpObject *self)
{
    Property *p = (Property *)self;
    RpObject_GC_UnTrack(self);
    Rp_XDECREF(p->fget);
    Rp_XDECREF(p->fset);
    Rp_XDECREF(p->fdel);
    Rp_XDECREF(p->doc);
    Rp_XDECREF(p->name);
    Rp_TYPE(self)->tp_free(self);
}

static int property_traverse(RpObject *self, visitproc visit, void *arg)
{
    Property *p = (Property *)self;
    Rp_VISIT(p->fget);
    Rp_VISIT(p->fset);
    Rp_VISIT(p->fdel);
    Rp_VISIT(p->doc);
    Rp_VISIT(p->name);
    return 0;
}

static int property_clear(RpObject *self)
{
    Rp_CLEAR(((Property *)self)->doc);
    return 0;
}

RpTypeObject RpProperty_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "property",
    .tp_basicsize = sizeof(Property),
    .tp_dealloc = property_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_BASETYPE,
    .tp_doc = "Property attribute.",
    .tp_traverse = property_traverse,
    .tp_clear = property_clear,
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_getset = property_getsets,
    .tp_descr_get = property_get,
    .tp_descr_set = property_set,
    .tp_init = property_init,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = RpType_GenericNew,
    .tp_free = RpObject_GC_Del,
};

/* ---- super -------------------------------------------------------------------------- */

typedef struct {
    RpObject_HEAD
    RpTypeObject *type;      /* the class whose successors are searched */
    RpObject *obj;           /* the instance or class, or NULL (unbound) */
    RpTypeObject *obj_type;  /* where the MRO comes from */
} Super;

/* The type whose MRO super() walks: obj itself (a class) or its class. */
static RpTypeObject *supercheck(RpTypeObject *type, RpObject *obj)
{
    if (RpType_Check(obj) && RpType_IsSubtype((RpTypeObject *)obj, type))
        return (RpTypeObject *)Rp_NewRef(obj);
    if (RpType_IsSubtype(Rp_TYPE(obj), type))
        return (RpTypeObject *)Rp_NewRef(Rp_TYPE(obj));
    RpObject *cls = NULL;
    if (_RpObject_LookupAttr(obj, RP_ID(__class__), &cls) < 0)
        return NULL;
    if (cls != NULL && RpType_Check(cls) && cls != (RpObject *)Rp_TYPE(obj) &&
        RpType_IsSubtype((RpTypeObject *)cls, type))
        return (RpTypeObject *)cls;
    Rp_XDECREF(cls);
    RpErr_SetString(RpExc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

/* Zero-argument super(): the caller's first argument and its __class__ cell. */
static int super_from_frame(RpTypeObject **ptype, RpObject **pobj)
{
    RpFrame *f = RpThreadState_Get()->frame;
    if (f == NULL) {
        RpErr_SetString(RpExc_RuntimeError, "super(): no current frame");
        return -1;
    }
    RpCodeObject *co = f->f_code;
    if (co->co_argcount == 0) {
        RpErr_SetString(RpExc_RuntimeError, "super(): no arguments");
        return -1;
    }
    RpObject *first = f->localsplus[0];
    if (first != NULL && (co->co_localspluskinds[0] & RP_CO_FAST_CELL) && RpCell_Check(first))
        first = RpCell_GET(first);
    if (first == NULL) {
        RpErr_SetString(RpExc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        RpObject *name = RpTuple_GET_ITEM(co->co_localsplusnames, i);
        if (!(co->co_localspluskinds[i] & RP_CO_FAST_FREE) ||
            !_RpUnicode_EqualToASCIIString(name, "__class__"))
            continue;
        RpObject *cell = f->localsplus[i];
        if (cell == NULL || !RpCell_Check(cell)) {
            RpErr_SetString(RpExc_RuntimeError, "super(): bad __class__ cell");
            return -1;
        }
        RpObject *type = RpCell_GET(cell);
        if (type == NULL) {
            RpErr_SetString(RpExc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!RpType_Check(type)) {
            RpErr_Format(RpExc_RuntimeError, "super(): __class__ is not a type (%s)", Rp_TYPE(type)->tp_name);
            return -1;
        }
        *ptype = (RpTypeObject *)type;
        *pobj = first;
        return 0;
    }
    RpErr_SetString(RpExc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

static int super_init(RpObject *self, RpObject *args, RpObject *kwds)
{
    Super *su = (Super *)self;
    RpTypeObject *type = NULL, *obj_type = NULL;
    RpObject *obj = NULL;
    Rp_ssize_t n = RpTuple_GET_SIZE(args);
    if (!_RpArg_NoKeywords("super", kwds) || !_RpArg_CheckPositional("super", n, 0, 2))
        return -1;
    if (n == 0) {
        if (super_from_frame(&type, &obj) < 0)
            return -1;
    } else {
        RpObject *t = RpTuple_GET_ITEM(args, 0);
        if (!RpType_Check(t)) {
            RpErr_Format(RpExc_TypeError, "super() argument 1 must be a type, not %.200s", Rp_TYPE(t)->tp_name);
            return -1;
        }
        type = (RpTypeObject *)t;
        obj = n == 2 ? RpTuple_GET_ITEM(args, 1) : NULL;
        if (obj == Rp_None)
            obj = NULL;
    }
    if (obj != NULL && (obj_type = supercheck(type, obj)) == NULL)
        return -1;
    Rp_XSETREF(su->type, (RpTypeObject *)Rp_NewRef(type));
    Rp_XSETREF(su->obj, Rp_XNewRef(obj));
    Rp_XSETREF(su->obj_type, obj_type);
    return 0;
}

/* Look name up in the MRO of obj_type, starting after `type`. */
static RpObject *super_lookup(Super *su, RpObject *name)
{
    RpTypeObject *start = su->obj_type;
    RpObject *mro = start != NULL ? start->tp_mro : NULL;
    if (mro == NULL)
        return NULL;
    Rp_ssize_t n = RpTuple_GET_SIZE(mro), i = 0;
    while (i + 1 < n && RpTuple_GET_ITEM(mro, i) != (RpObject *)su->type)
        i++;
    for (i++; i < n; i++) {
        RpObject *dict = ((RpTypeObject *)RpTuple_GET_ITEM(mro, i))->tp_dict;
        RpObject *res = dict != NULL ? RpDict_GetItemWithError(dict, name) : NULL;
        if (res == NULL) {
            if (RpErr_Occurred())
                return NULL;
            continue;
        }
        Rp_INCREF(res);
        descrgetfunc f = Rp_TYPE(res)->tp_descr_get;
        if (f != NULL) {
            RpObject *bound = f(res, su->obj == (RpObject *)start ? NULL : su->obj, (RpObject *)start);
            Rp_DECREF(res);
            return bound;
        }
        return res;
    }
    return NULL;
}

static RpObject *super_getattro(RpObject *self, RpObject *name)
{
    Super *su = (Super *)self;
    if (su->obj_type != NULL && !(RpUnicode_Check(name) && _RpUnicode_EqualToASCIIString(name, "__class__"))) {
        RpObject *res = super_lookup(su, name);
        if (res != NULL || RpErr_Occurred())
            return res;
    }
    return RpObject_GenericGetAttr(self, name);
}

static RpObject *super_descr_get(RpObject *self, RpObject *obj, RpObject *type)
{
    Super *su = (Super *)self;
    if (obj == NULL || obj == Rp_None || su->obj != NULL)
        return Rp_NewRef(self);
    return RpObject_CallFunctionObjArgs((RpObject *)Rp_TYPE(self), (RpObject *)su->type, obj, NULL);
}

static RpObject *super_repr(RpObject *self)
{
    Super *su = (Super *)self;
    const char *tn = su->type != NULL ? su->type->tp_name : "NULL";
    if (su->obj_type != NULL)
        return RpUnicode_FromFormat("<super: <class '%s'>, <%s object>>", tn, su->obj_type->tp_name);
    return RpUnicode_FromFormat("<super: <class '%s'>, NULL>", tn);
}

static RpObject *super_get_thisclass(RpObject *self, void *c)
{
    RpObject *t = (RpObject *)((Super *)self)->type;
    return Rp_NewRef(t != NULL ? t : Rp_None);
}

static RpObject *super_get_self(RpObject *self, void *c)
{
    RpObject *o = ((Super *)self)->obj;
    return Rp_NewRef(o != NULL ? o : Rp_None);
}

static RpObject *super_get_self_class(RpObject *self, void *c)
{
    RpObject *t = (RpObject *)((Super *)self)->obj_type;
    return Rp_NewRef(t != NULL ? t : Rp_None);
}

static RpGetSetDef super_getsets[] = {
    {"__thisclass__", super_get_thisclass, NULL, "the class invoking super()", NULL},
    {"__self__", super_get_self, NULL, "the instance invoking super(); may be None", NULL},
    {"__self_class__", super_get_self_class, NULL, "the type of the instance invoking super(); may be None", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static void super_dealloc(RpObject *self)
{
    Super *su = (Super *)self;
    RpObject_GC_UnTrack(self);
    Rp_XDECREF(su->type);
    Rp_XDECREF(su->obj);
    Rp_XDECREF(su->obj_type);
    Rp_TYPE(self)->tp_free(self);
}

static int super_traverse(RpObject *self, visitproc visit, void *arg)
{
    Super *su = (Super *)self;
    Rp_VISIT(su->type);
    Rp_VISIT(su->obj);
    Rp_VISIT(su->obj_type);
    return 0;
}

RpTypeObject RpSuper_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "super",
    .tp_basicsize = sizeof(Super),
    .tp_dealloc = super_dealloc,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_BASETYPE,
    .tp_doc = "super() -> same as super(__class__, <first argument>)\n"
              "super(type) -> unbound super object\n"
              "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
              "super(type, type2) -> bound super object; requires issubclass(type2, type)",
    .tp_traverse = super_traverse,
    .tp_getset = super_getsets,
    .tp_descr_get = super_descr_get,
    .tp_init = super_init,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = RpType_GenericNew,
    .tp_free = RpObject_GC_Del,
};
