/* test_types.c -- C-level checks of the type machinery: readiness of the
 * static types, MRO and subtype tests, slot wrappers, classes built from
 * C with RpType_FromSpec3, inline instance attributes (no dict object until
 * __dict__ is asked for), reference counts around attribute storage, the
 * method cache after class mutation, and the abstract call/operator API. */
#include "rp.h"
#include <stdio.h>
#include <string.h>

static int failures;

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                    \
        }                                                                  \
    } while (0)

static RpObject *eval(const char *expr)
{
    RpObject *r = RpRun_Eval(expr);
    if (r == NULL)
        RpErr_Print();
    return r;
}

static void test_static_types(void)
{
    RpTypeObject *ts[] = {&RpBaseObject_Type, &RpType_Type, &RpLong_Type, &RpList_Type,
                          &RpDict_Type, &RpUnicode_Type, &RpProperty_Type, &RpSuper_Type};
    for (size_t i = 0; i < sizeof(ts) / sizeof(ts[0]); i++) {
        CHECK(RpType_HasFeature(ts[i], RP_TPFLAGS_READY));
        CHECK(ts[i]->tp_mro != NULL && ts[i]->tp_dict != NULL);
    }
    CHECK(RpType_IsSubtype(&RpBool_Type, &RpLong_Type));
    CHECK(RpType_IsSubtype(&RpBool_Type, &RpBaseObject_Type));
    CHECK(!RpType_IsSubtype(&RpLong_Type, &RpBool_Type));
    CHECK(RpTuple_GET_SIZE(RpBool_Type.tp_mro) == 3);
    CHECK(strcmp(_RpType_Name(&RpLong_Type), "int") == 0);
    /* static types are not GC objects although `type` is a GC type */
    CHECK(!RpObject_IS_GC((RpObject *)&RpList_Type));
    CHECK(RpObject_IS_GC(RpList_Type.tp_dict));
}

static void test_slot_wrappers(void)
{
    RpObject *add = _RpType_Lookup(&RpLong_Type, RP_ID(__add__));
    CHECK(add != NULL && RpWrapperDescr_Check(add));
    CHECK(_RpType_Lookup(&RpLong_Type, RP_ID(__radd__)) != NULL);
    CHECK(_RpType_Lookup(&RpList_Type, RP_ID(__len__)) != NULL);
    CHECK(_RpType_Lookup(&RpList_Type, RP_ID(__hash__)) == Rp_None);
    RpObject *r = eval("(1).__add__(2) + int.__add__(3, 4)");
    CHECK(r != NULL && RpLong_AsLong(r) == 10);
    Rp_XDECREF(r);
}

/* A class made from C; instances keep attributes inline. */
static void test_fromspec_and_inline_attrs(void)
{
    RpObject *name = RpUnicode_FromString("Point");
    RpObject *bases = RpTuple_New(0);
    RpObject *ns = RpDict_New();
    RpObject *cls = RpType_FromSpec3(name, bases, ns);
    CHECK(cls != NULL && RpType_Check(cls));
    if (cls == NULL) {
        RpErr_Print();
        return;
    }
    RpTypeObject *t = (RpTypeObject *)cls;
    CHECK(RpType_HasFeature(t, RP_TPFLAGS_HEAPTYPE | RP_TPFLAGS_MANAGED_ATTRS));
    Rp_ssize_t cls_refs = Rp_REFCNT(cls);
    RpObject *inst = RpObject_CallNoArgs(cls);
    CHECK(inst != NULL && Rp_REFCNT(cls) == cls_refs + 1);   /* instances own their class */

    RpObject *v = RpList_New(0);
    CHECK(RpObject_SetAttrString(inst, "x", v) == 0);
    CHECK(Rp_REFCNT(v) == 2);
    RpObject **dp = (RpObject **)((char *)inst + t->tp_dictoffset);
    CHECK(*dp == NULL);                        /* no dict object yet */
    RpObject *got = RpObject_GetAttrString(inst, "x");
    CHECK(got == v);
    Rp_XDECREF(got);
    CHECK(_RpObject_GetDictPtr(inst) == dp && *dp != NULL); /* asking materializes it */
    RpObject *d = RpObject_GenericGetDict(inst, NULL);
    CHECK(d != NULL && RpDict_Check(d) && RpDict_GET_SIZE(d) == 1 && *dp == d);
    Rp_XDECREF(d);
    CHECK(RpObject_DelAttr(inst, RP_ID(name)) == -1 && RpErr_ExceptionMatches(RpExc_AttributeError));
    RpErr_Clear();
    CHECK(RpObject_SetAttrString(inst, "x", NULL) == 0);
    CHECK(Rp_REFCNT(v) == 1);
    Rp_DECREF(inst);
    CHECK(Rp_REFCNT(cls) == cls_refs);
    Rp_DECREF(v);
    Rp_DECREF(cls);
    Rp_DECREF(ns);
    Rp_DECREF(bases);
    Rp_DECREF(name);
}

static void test_method_cache_invalidation(void)
{
    CHECK(RpRun_SimpleString("class MC:\n    def f(self): return 1\n"
                             "class MD(MC): pass\n"
                             "o = MD()\nr1 = o.f()\n"
                             "MC.f = lambda self: 2\nr2 = o.f()\n"
                             "MC.__len__ = lambda self: 7\nr3 = len(o)\n") == 0);
    RpObject *r1 = RpMain_GetGlobal("r1"), *r2 = RpMain_GetGlobal("r2"), *r3 = RpMain_GetGlobal("r3");
    CHECK(r1 && RpLong_AsLong(r1) == 1);
    CHECK(r2 && RpLong_AsLong(r2) == 2);
    CHECK(r3 && RpLong_AsLong(r3) == 7);
}

static void test_abstract_api(void)
{
    RpObject *a = RpLong_FromLong(6), *b = RpLong_FromLong(7);
    RpObject *p = RpNumber_Multiply(a, b);
    CHECK(p != NULL && RpLong_AsLong(p) == 42);
    Rp_XDECREF(p);
    RpObject *s = RpUnicode_FromString("ab");
    RpObject *rep = RpNumber_Multiply(a, s);   /* 6 * 'ab': the sequence fallback */
    CHECK(rep != NULL && RpUnicode_GET_LENGTH(rep) == 12);
    Rp_XDECREF(rep);
    CHECK(RpNumber_Add(a, s) == NULL && RpErr_ExceptionMatches(RpExc_TypeError));
    RpErr_Clear();
    CHECK(RpObject_RichCompareBool(a, a, Rp_EQ) == 1);
    CHECK(RpObject_RichCompareBool(a, b, Rp_LT) == 1);
    CHECK(RpObject_IsInstance(a, (RpObject *)&RpLong_Type) == 1);
    CHECK(RpObject_IsSubclass((RpObject *)&RpBool_Type, (RpObject *)&RpLong_Type) == 1);
    RpObject *up = RpObject_CallMethod0(s, "upper");
    CHECK(up != NULL && strcmp(RpUnicode_AsUTF8(up), "AB") == 0);
    Rp_XDECREF(up);
    CHECK(RpObject_Size(s) == 2);
    CHECK(RpObject_Size(a) == -1 && RpErr_ExceptionMatches(RpExc_TypeError));
    RpErr_Clear();
    Rp_DECREF(a);
    Rp_DECREF(b);
    Rp_DECREF(s);
}

int main(void)
{
    if (Rp_Initialize() < 0) {
        fprintf(stderr, "Rp_Initialize failed\n");
        return 1;
    }
    test_static_types();
    test_slot_wrappers();
    test_fromspec_and_inline_attrs();
    test_method_cache_invalidation();
    test_abstract_api();
    Rp_Finalize();
    if (failures)
        fprintf(stderr, "%d failure(s)\n", failures);
    return failures != 0;
}
