/* genericalias.c -- the objects behind type hints written with builtins:
 * `list[int]` (types.GenericAlias) and `int | None` (types.UnionType).
 * Both only describe types; calling list[int]() makes a plain list, and
 * isinstance(x, int | str) checks each member of the union. */
#include "rp.h"
#include "objects/genericalias.h"

typedef struct { RpObject_HEAD RpObject *origin, *args; } gaobject;
typedef struct { RpObject_HEAD RpObject *args; } unionobject;

/* ---- shared: how a type hint prints -------------------------------------- */

/* int -> "int", a class -> "module.Qualname", ... -> "...", else repr. */
static int append_hint(RpStrBuf *b, RpObject *o)
{
    if (o == Rp_Ellipsis)
        return RpStrBuf_AppendStr(b, "...");
    if (o == (RpObject *)&RpNone_Type || o == Rp_None)
        return RpStrBuf_AppendStr(b, "None");
    RpObject *r = NULL;
    if (RpType_Check(o) && !Rp_IS_TYPE(o, &RpGenericAlias_Type)) {
        RpObject *qn = RpObject_GetAttr(o, RP_ID(__qualname__));
        RpObject *mod = qn ? RpObject_GetAttr(o, RP_ID(__module__)) : NULL;
        if (mod && RpUnicode_Check(mod) && !_RpUnicode_EqualToASCIIString(mod, "builtins"))
            r = RpUnicode_FromFormat("%U.%U", mod, qn);
        else if (qn)
            r = Rp_NewRef(qn);
        Rp_XDECREF(qn);
        Rp_XDECREF(mod);
    } else {
        r = RpObject_Repr(o);
    }
    if (r == NULL)
        return -1;
    int res = RpStrBuf_AppendObject(b, r);
    Rp_DECREF(r);
    return res;
}

/* ---- GenericAlias ------------------------------------------------------------ */

RpObject *RpGenericAlias_New(RpObject *origin, RpObject *args)
{
    gaobject *g = RpObject_GC_New(gaobject, &RpGenericAlias_Type);
    if (g == NULL)
        return NULL;
    g->origin = Rp_NewRef(origin);
    g->args = RpTuple_Check(args) ? Rp_NewRef(args) : RpTuple_Pack(1, args);
    if (g->args == NULL) {
        Rp_DECREF(g);
        return NULL;
    }
    RpObject_GC_Track(g);
    return (RpObject *)g;
}

static int ga_traverse(RpObject *self, visitproc visit, void *arg)
{
    Rp_VISIT(((gaobject *)self)->origin);
    Rp_VISIT(((gaobject *)self)->args);
    return 0;
}

static int ga_clear(RpObject *self)
{
    Rp_CLEAR(((gaobject *)self)->origin);
    Rp_CLEAR(((gaobject *)self)->args);
    return 0;
}

static void ga_dealloc(RpObject *self)
{
    RpObject_GC_UnTrack(self);
    ga_clear(self);
    RpObject_GC_Del(self);
}

static RpObject *ga_repr(RpObject *self)
{
    gaobject *g = (gaobject *)self;
    RpStrBuf b;
    RpStrBuf_Init(&b);
    int bad = append_hint(&b, g->origin) < 0 || RpStrBuf_AppendChar(&b, '[') < 0;
    Rp_ssize_t n = RpTuple_GET_SIZE(g->args);
    if (n == 0)
        bad = bad || RpStrBuf_AppendStr(&b, "()") < 0;
    for (Rp_ssize_t i = 0; i < n && !bad; i++)
        bad = (i && RpStrBuf_AppendStr(&b, ", ") < 0) ||
              append_hint(&b, RpTuple_GET_ITEM(g->args, i)) < 0;
    if (bad || RpStrBuf_AppendChar(&b, ']') < 0) {
        RpStrBuf_Discard(&b);
        return NULL;
    }
    return RpStrBuf_Finish(&b);
}

static RpObject *ga_call(RpObject *self, RpObject *args, RpObject *kwds)
{
    return RpObject_Call(((gaobject *)self)->origin, args, kwds);
}

/* Everything but the alias's own attributes comes from the origin, so
 * list[int].append is list.append. */
static RpObject *ga_getattro(RpObject *self, RpObject *name)
{
    static const char *const own[] = {"__origin__", "__args__", "__parameters__",
                                      "__mro_entries__", "__reduce__", "__class__",
                                      "__or__", "__ror__", "__repr__", "__eq__", "__hash__",
                                      "__getattribute__", "__unpacked__", NULL};
    for (int i = 0; own[i]; i++)
        if (RpUnicode_Check(name) && _RpUnicode_EqualToASCIIString(name, own[i]))
            return RpObject_GenericGetAttr(self, name);
    return RpObject_GetAttr(((gaobject *)self)->origin, name);
}

static RpObject *ga_richcompare(RpObject *a, RpObject *b, int op)
{
    if ((op != Rp_EQ && op != Rp_NE) || !Rp_IS_TYPE(b, &RpGenericAlias_Type))
        Rp_RETURN_NOTIMPLEMENTED;
    gaobject *x = (gaobject *)a, *y = (gaobject *)b;
    int eq = RpObject_RichCompareBool(x->origin, y->origin, Rp_EQ);
    if (eq > 0)
        eq = RpObject_RichCompareBool(x->args, y->args, Rp_EQ);
    if (eq < 0)
        return NULL;
    return RpBool_FromLong(op == Rp_EQ ? eq : !eq);
}

static Rp_hash_t ga_hash(RpObject *self)
{
    Rp_hash_t h0 = RpObject_Hash(((gaobject *)self)->origin);
    Rp_hash_t h1 = h0 == -1 ? -1 : RpObject_Hash(((gaobject *)self)->args);
    if (h1 == -1)
        return -1;
    Rp_hash_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static RpObject *ga_mro_entries(RpObject *self, RpObject *bases)
{
    return RpTuple_Pack(1, ((gaobject *)self)->origin);
}

static RpObject *ga_instancecheck(RpObject *self, RpObject *o)
{
    return RpErr_Format(RpExc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}

static RpObject *ga_subclasscheck(RpObject *self, RpObject *o)
{
    return RpErr_Format(RpExc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

static RpObject *get_origin(RpObject *self, void *c) { return Rp_NewRef(((gaobject *)self)->origin); }
static RpObject *get_args(RpObject *self, void *c) { return Rp_NewRef(((gaobject *)self)->args); }
static RpObject *get_params(RpObject *self, void *c) { return RpTuple_New(0); }

static RpMethodDef ga_methods[] = {
    {"__mro_entries__", ga_mro_entries, RP_METH_O, NULL},
    {"__instancecheck__", ga_instancecheck, RP_METH_O, NULL},
    {"__subclasscheck__", ga_subclasscheck, RP_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static RpGetSetDef ga_getset[] = {
    {"__origin__", get_origin, NULL, NULL, NULL},
    {"__args__", get_args, NULL, NULL, NULL},
    {"__parameters__", get_params, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static RpObject *ga_new(RpTypeObject *t, RpObject *args, RpObject *kwds)
{
    if (!_RpArg_NoKeywords("GenericAlias", kwds))
        return NULL;
    if (RpTuple_GET_SIZE(args) != 2)
        return RpErr_Format(RpExc_TypeError, "GenericAlias expected 2 arguments, got %zd",
                            RpTuple_GET_SIZE(args));
    return RpGenericAlias_New(RpTuple_GET_ITEM(args, 0), RpTuple_GET_ITEM(args, 1));
}

static RpNumberMethods ga_as_number = {.nb_or = _RpUnion_Or};

RpTypeObject RpGenericAlias_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "types.GenericAlias",
    .tp_basicsize = sizeof(gaobject),
    .tp_dealloc = ga_dealloc,
    .tp_as_number = &ga_as_number,
    .tp_hash = ga_hash,
    .tp_call = ga_call,
    .tp_repr = ga_repr,
    .tp_getattro = ga_getattro,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = ga_traverse,
    .tp_clear = ga_clear,
    .tp_richcompare = ga_richcompare,
    .tp_methods = ga_methods,
    .tp_getset = ga_getset,
    .tp_new = ga_new,
};

/* cls[args] for the builtin containers: a classmethod in their dicts. */
static RpObject *class_getitem(RpObject *cls, RpObject *args)
{
    return RpGenericAlias_New(cls, args);
}

static RpMethodDef class_getitem_def = {"__class_getitem__", class_getitem,
                                        RP_METH_O | RP_METH_CLASS, NULL};

int _RpGenericAlias_Init(void)
{
    RpTypeObject *types[] = {&RpList_Type, &RpDict_Type, &RpTuple_Type, &RpSet_Type,
                             &RpFrozenSet_Type, &RpType_Type, &RpDictKeys_Type,
                             &RpDictValues_Type, &RpDictItems_Type, &RpEnum_Type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        RpObject *d = RpDescr_NewClassMethod(types[i], &class_getitem_def);
        if (d == NULL || RpDict_SetItem(types[i]->tp_dict, RP_ID(__class_getitem__), d) < 0) {
            Rp_XDECREF(d);
            return -1;
        }
        Rp_DECREF(d);
        RpType_Modified(types[i]);
    }
    return 0;
}

/* ---- UnionType ------------------------------------------------------------------- */

static int is_unionable(RpObject *o)
{
    return o == Rp_None || RpType_Check(o) || Rp_IS_TYPE(o, &RpUnion_Type);
}

/* Append o's members (flattening unions; None as NoneType) to list,
 * skipping duplicates. */
static int add_members(RpObject *list, RpObject *o)
{
    if (Rp_IS_TYPE(o, &RpUnion_Type)) {
        RpObject *args = ((unionobject *)o)->args;
        for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(args); i++)
            if (add_members(list, RpTuple_GET_ITEM(args, i)) < 0)
                return -1;
        return 0;
    }
    if (o == Rp_None)
        o = (RpObject *)&RpNone_Type;
    for (Rp_ssize_t i = 0; i < RpList_GET_SIZE(list); i++) {
        int eq = RpObject_RichCompareBool(RpList_GET_ITEM(list, i), o, Rp_EQ);
        if (eq != 0)
            return eq < 0 ? -1 : 0;
    }
    return RpList_Append(list, o);
}

RpObject *_RpUnion_Or(RpObject *a, RpObject *b)
{
    if (!is_unionable(a) || !is_unionable(b))
        Rp_RETURN_NOTIMPLEMENTED;
    RpObject *list = RpList_New(0);
    if (list == NULL || add_members(list, a) < 0 || add_members(list, b) < 0) {
        Rp_XDECREF(list);
        return NULL;
    }
    if (RpList_GET_SIZE(list) == 1) {
        RpObject *only = Rp_NewRef(RpList_GET_ITEM(list, 0));
        Rp_DECREF(list);
        return only;
    }
    unionobject *u = RpObject_GC_New(unionobject, &RpUnion_Type);
    if (u == NULL) {
        Rp_DECREF(list);
        return NULL;
    }
    u->args = RpList_AsTuple(list);
    Rp_DECREF(list);
    if (u->args == NULL) {
        Rp_DECREF(u);
        return NULL;
    }
    RpObject_GC_Track(u);
    return (RpObject *)u;
}

static int un_traverse(RpObject *self, visitproc visit, void *arg)
{
    Rp_VISIT(((unionobject *)self)->args);
    return 0;
}

static int un_clear(RpObject *self)
{
    Rp_CLEAR(((unionobject *)self)->args);
    return 0;
}

static void un_dealloc(RpObject *self)
{
    RpObject_GC_UnTrack(self);
    un_clear(self);
    RpObject_GC_Del(self);
}

static RpObject *un_repr(RpObject *self)
{
    RpObject *args = ((unionobject *)self)->args;
    RpStrBuf b;
    RpStrBuf_Init(&b);
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(args); i++) {
        if ((i && RpStrBuf_AppendStr(&b, " | ") < 0) ||
            append_hint(&b, RpTuple_GET_ITEM(args, i)) < 0) {
            RpStrBuf_Discard(&b);
            return NULL;
        }
    }
    return RpStrBuf_Finish(&b);
}

static RpObject *un_richcompare(RpObject *a, RpObject *b, int op)
{
    if ((op != Rp_EQ && op != Rp_NE) || !Rp_IS_TYPE(b, &RpUnion_Type))
        Rp_RETURN_NOTIMPLEMENTED;
    RpObject *sa = RpFrozenSet_New(((unionobject *)a)->args);
    RpObject *sb = sa ? RpFrozenSet_New(((unionobject *)b)->args) : NULL;
    RpObject *r = sb ? RpObject_RichCompare(sa, sb, op) : NULL;
    Rp_XDECREF(sa);
    Rp_XDECREF(sb);
    return r;
}

static Rp_hash_t un_hash(RpObject *self)
{
    RpObject *s = RpFrozenSet_New(((unionobject *)self)->args);
    if (s == NULL)
        return -1;
    Rp_hash_t h = RpObject_Hash(s);
    Rp_DECREF(s);
    return h;
}

/* isinstance(x, int | str): any member; parameterized generics refused. */
static RpObject *un_check(RpObject *self, RpObject *o, int (*f)(RpObject *, RpObject *),
                          const char *fn)
{
    RpObject *args = ((unionobject *)self)->args;
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(args); i++)
        if (Rp_IS_TYPE(RpTuple_GET_ITEM(args, i), &RpGenericAlias_Type))
            return RpErr_Format(RpExc_TypeError,
                                "%s() argument 2 cannot contain a parameterized generic", fn);
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(args); i++) {
        int r = f(o, RpTuple_GET_ITEM(args, i));
        if (r != 0)
            return r < 0 ? NULL : Rp_NewRef(Rp_True);
    }
    Rp_RETURN_FALSE;
}

static RpObject *un_instancecheck(RpObject *self, RpObject *o)
{
    return un_check(self, o, RpObject_IsInstance, "isinstance");
}

static RpObject *un_subclasscheck(RpObject *self, RpObject *o)
{
    return un_check(self, o, RpObject_IsSubclass, "issubclass");
}

static RpObject *un_get_args(RpObject *self, void *c) { return Rp_NewRef(((unionobject *)self)->args); }

static RpMethodDef un_methods[] = {
    {"__instancecheck__", un_instancecheck, RP_METH_O, NULL},
    {"__subclasscheck__", un_subclasscheck, RP_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static RpGetSetDef un_getset[] = {
    {"__args__", un_get_args, NULL, NULL, NULL},
    {"__parameters__", get_params, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static RpNumberMethods un_as_number = {.nb_or = _RpUnion_Or};

RpTypeObject RpUnion_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "types.UnionType",
    .tp_basicsize = sizeof(unionobject),
    .tp_dealloc = un_dealloc,
    .tp_as_number = &un_as_number,
    .tp_hash = un_hash,
    .tp_repr = un_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = un_traverse,
    .tp_clear = un_clear,
    .tp_richcompare = un_richcompare,
    .tp_methods = un_methods,
    .tp_getset = un_getset,
};
