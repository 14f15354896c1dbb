/* test_containers.c -- C-level checks of the containers: hashes that must
 * equal CPython 3.11's, set iteration order, dict order after deletions,
 * list slicing and sorting, tuple resizing, GC tracking rules.
 * Expected numbers were printed by CPython 3.11 (see comments). */
#include "rp.h"
#include <stdio.h>

static int failures;

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                    \
        }                                                                  \
    } while (0)

static RpObject *ints_tuple(int n, const long long *v)
{
    RpObject *t = RpTuple_New(n);
    for (int i = 0; i < n; i++)
        RpTuple_SET_ITEM(t, i, RpLong_FromLongLong(v[i]));
    return t;
}

static void test_hashes(void)
{
    long long a[] = {1, 2};
    RpObject *t = ints_tuple(2, a);
    CHECK(RpObject_Hash(t) == -3550055125485641917LL);   /* hash((1, 2)) */
    RpObject *e = RpTuple_New(0);
    CHECK(RpObject_Hash(e) == 5740354900026072187LL);    /* hash(()) */
    RpObject *fs = RpFrozenSet_New(t);
    CHECK(RpObject_Hash(fs) == -1826646154956904602LL);  /* hash(frozenset({1, 2})) */
    RpObject *fe = RpFrozenSet_New(NULL);
    CHECK(RpObject_Hash(fe) == 133146708735736LL);       /* hash(frozenset()) */
    RpObject *r = _RpRange_New(0, 10, 2);
    CHECK(RpObject_Hash(r) == -6143170332311272345LL);   /* hash(range(0, 10, 2)) */
    Rp_DECREF(t);
    Rp_DECREF(e);
    Rp_DECREF(fs);
    Rp_DECREF(fe);
    Rp_DECREF(r);
}

/* Compare the iteration order of set s with expected[]. */
static int set_order_is(RpObject *s, int n, const long long *expected)
{
    Rp_ssize_t pos = 0;
    RpObject *key;
    Rp_hash_t h;
    int i = 0;
    while (_RpSet_NextEntry(s, &pos, &key, &h)) {
        if (i >= n || RpLong_AsLongLong(key) != expected[i])
            return 0;
        i++;
    }
    return i == n;
}

static void test_set_order(void)
{
    long long ins[] = {5, 13, 21, 100, 3, 1000000, -7, 64, 8, 16, 29};
    long long exp1[] = {1000000, 64, 3, 100, 5, 8, 13, 16, 21, -7, 29};
    long long exp2[] = {1000000, 64, 3, 5, 37, 8, 45, 16, 21, -7, 29};
    RpObject *s = RpSet_New(NULL);
    for (int i = 0; i < 11; i++) {
        RpObject *v = RpLong_FromLongLong(ins[i]);
        RpSet_Add(s, v);
        Rp_DECREF(v);
    }
    CHECK(set_order_is(s, 11, exp1));
    long long del[] = {13, 100}, add[] = {37, 45};
    for (int i = 0; i < 2; i++) {
        RpObject *v = RpLong_FromLongLong(del[i]);
        CHECK(RpSet_Discard(s, v) == 1);
        Rp_DECREF(v);
    }
    for (int i = 0; i < 2; i++) {
        RpObject *v = RpLong_FromLongLong(add[i]);
        RpSet_Add(s, v);
        Rp_DECREF(v);
    }
    CHECK(set_order_is(s, 11, exp2));
    Rp_DECREF(s);
}

static void test_dict_order(void)
{
    RpObject *d = RpDict_New();
    CHECK(!RpObject_GC_IsTracked(d));
    for (long long i = 0; i < 100; i++) {
        RpObject *k = RpLong_FromLongLong(i * 7), *v = RpLong_FromLongLong(i);
        CHECK(RpDict_SetItem(d, k, v) == 0);
        Rp_DECREF(k);
        Rp_DECREF(v);
    }
    CHECK(!RpObject_GC_IsTracked(d));   /* only atoms inside */
    for (long long i = 0; i < 100; i += 2) {
        RpObject *k = RpLong_FromLongLong(i * 7);
        CHECK(RpDict_DelItem(d, k) == 0);
        Rp_DECREF(k);
    }
    RpObject *k0 = RpLong_FromLongLong(0), *l = RpList_New(0);
    RpDict_SetItem(d, k0, l);            /* re-inserted: goes last */
    CHECK(RpObject_GC_IsTracked(d));     /* a list may form a cycle */
    Rp_ssize_t pos = 0;
    RpObject *k, *v;
    long long expect = 7;
    int n = 0;
    while (RpDict_Next(d, &pos, &k, &v)) {
        if (n < 50) {
            CHECK(RpLong_AsLongLong(k) == expect);
            expect += 14;
        } else {
            CHECK(k == k0 || RpLong_AsLongLong(k) == 0);
        }
        n++;
    }
    CHECK(n == 51 && RpDict_Size(d) == 51);
    Rp_DECREF(k0);
    Rp_DECREF(l);
    Rp_DECREF(d);
}

static void test_list(void)
{
    RpObject *l = RpList_New(0);
    /* 10,000 items: ascending runs with a descending tail. */
    for (long long i = 0; i < 10000; i++) {
        long long v = i < 6000 ? (i * 37) % 6000 : 20000 - i;
        RpObject *o = RpLong_FromLongLong(v);
        RpList_Append(l, o);
        Rp_DECREF(o);
    }
    CHECK(RpList_Sort(l) == 0);
    int sorted = 1;
    for (Rp_ssize_t i = 1; i < RpList_GET_SIZE(l); i++)
        if (RpLong_AsLongLong(RpList_GET_ITEM(l, i - 1)) > RpLong_AsLongLong(RpList_GET_ITEM(l, i)))
            sorted = 0;
    CHECK(sorted);
    /* del l[10:], then l[2:5] = () */
    CHECK(RpList_SetSlice(l, 10, RP_SSIZE_T_MAX, NULL) == 0);
    CHECK(RpList_GET_SIZE(l) == 10);
    RpObject *empty = RpTuple_New(0);
    CHECK(RpList_SetSlice(l, 2, 5, empty) == 0);
    CHECK(RpList_GET_SIZE(l) == 7);
    CHECK(RpList_Reverse(l) == 0);
    RpObject *t = RpList_AsTuple(l);
    CHECK(RpTuple_GET_SIZE(t) == 7);
    Rp_DECREF(t);
    Rp_DECREF(empty);
    Rp_DECREF(l);
}

static void test_tuple_resize(void)
{
    RpObject *t = RpTuple_New(3);
    for (int i = 0; i < 3; i++)
        RpTuple_SET_ITEM(t, i, RpLong_FromLong(i));
    CHECK(_RpTuple_Resize(&t, 5) == 0);
    CHECK(RpTuple_GET_SIZE(t) == 5 && RpTuple_GET_ITEM(t, 3) == NULL);
    CHECK(_RpTuple_Resize(&t, 2) == 0);
    CHECK(RpTuple_GET_SIZE(t) == 2);
    _RpTuple_MaybeUntrack(t);
    CHECK(!RpObject_GC_IsTracked(t));
    Rp_DECREF(t);
}

int main(void)
{
    if (Rp_Initialize() < 0) {
        fprintf(stderr, "Rp_Initialize failed\n");
        return 1;
    }
    test_hashes();
    test_set_order();
    test_dict_order();
    test_list();
    test_tuple_resize();
    if (RpErr_Occurred()) {
        RpErr_Print();
        failures++;
    }
    Rp_Finalize();
    if (failures)
        fprintf(stderr, "%d failure(s)\n", failures);
    return failures != 0;
}
