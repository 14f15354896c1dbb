/* test_gc.c -- the cycle collector seen from C: a small container type,
 * cycles of it collected, finalizers run once (PEP 442), resurrection,
 * promotion through the generations, weak references cleared, and a
 * 1,000,000-long chain freed through the trashcan. */
#include "rp.h"
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    RpObject_HEAD
    RpObject *a, *b;
    RpObject *weakreflist;
    int id;
} Node;

static int freed, finalized, resurrect_id = -1, failures;
static RpObject *resurrected;

#define CHECK(c)                                                        \
    do {                                                                \
        if (!(c)) {                                                     \
            fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); \
            failures++;                                                 \
        }                                                               \
    } while (0)

static int node_traverse(RpObject *o, visitproc visit, void *arg)
{
    Node *n = (Node *)o;
    Rp_VISIT(n->a);
    Rp_VISIT(n->b);
    return 0;
}

static int node_clear(RpObject *o)
{
    Node *n = (Node *)o;
    Rp_CLEAR(n->a);
    Rp_CLEAR(n->b);
    return 0;
}

static void node_finalize(RpObject *o)
{
    finalized++;
    if (((Node *)o)->id == resurrect_id) {
        resurrected = o;
        Rp_INCREF(o);
    }
}

static void node_dealloc(RpObject *o);

static RpTypeObject NodeType = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "test.Node",
    .tp_basicsize = sizeof(Node),
    .tp_dealloc = node_dealloc,
    .tp_flags = RP_TPFLAGS_HAVE_GC,
    .tp_traverse = node_traverse,
    .tp_clear = node_clear,
    .tp_weaklistoffset = offsetof(Node, weakreflist),
    .tp_finalize = node_finalize,
    .tp_free = RpObject_GC_Del,
};

static void node_dealloc(RpObject *o)
{
    RpObject_GC_UnTrack(o);
    if (RpObject_CallFinalizerFromDealloc(o) < 0)
        return;
    RP_TRASHCAN_BEGIN(o, node_dealloc)
    if (((Node *)o)->weakreflist != NULL)
        RpObject_ClearWeakRefs(o);
    node_clear(o);
    freed++;
    RpObject_GC_Del(o);
    RP_TRASHCAN_END
}

static Node *mk(int id)
{
    Node *n = RpObject_GC_New(Node, &NodeType);
    if (n == NULL)
        abort();
    n->id = id;
    RpObject_GC_Track(n);
    return n;
}

static void reset(void) { freed = finalized = 0; }

/* The seed's example: root -> left <-> right. */
static void test_seed_cycle(void)
{
    reset();
    Node *root = mk(1), *left = mk(2), *right = mk(3);
    root->a = Rp_NewRef(left);
    left->a = Rp_NewRef(right);
    right->a = Rp_NewRef(left);
    CHECK(RpGC_Collect(2) == 0);
    CHECK(_RpGC_GenerationOf((RpObject *)root) == 2);
    Rp_DECREF(root);
    Rp_DECREF(left);
    Rp_DECREF(right);
    CHECK(freed == 1);
    CHECK(RpGC_Collect(2) == 2);
    CHECK(freed == 3 && finalized == 3);
}

static void test_promotion(void)
{
    reset();
    Node *keep = mk(10), *c1 = mk(11);
    keep->a = Rp_NewRef(c1);
    c1->a = Rp_NewRef(keep);
    CHECK(_RpGC_GenerationOf((RpObject *)c1) == 0);
    CHECK(RpGC_Collect(0) == 0);
    CHECK(_RpGC_GenerationOf((RpObject *)c1) == 1);
    CHECK(RpGC_Collect(1) == 0);
    CHECK(_RpGC_GenerationOf((RpObject *)c1) == 2);
    Rp_DECREF(c1);
    Rp_DECREF(keep);
    CHECK(RpGC_Collect(2) == 2 && freed == 2);
}

static void test_resurrection(void)
{
    reset();
    Node *x = mk(20), *y = mk(21);
    x->a = Rp_NewRef(y);
    y->a = Rp_NewRef(x);
    Rp_DECREF(x);
    Rp_DECREF(y);
    resurrect_id = 20;
    CHECK(RpGC_Collect(0) == 0);   /* both resurrected: nothing counted */
    CHECK(freed == 0 && finalized == 2 && resurrected != NULL);
    CHECK(RpObject_GC_IsFinalized(resurrected));
    resurrect_id = -1;
    Rp_DECREF(resurrected);
    CHECK(RpGC_Collect(2) == 2);
    CHECK(freed == 2 && finalized == 2);   /* finalizers ran only once */
}

static void test_weakref_cleared(void)
{
    reset();
    Node *x = mk(30);
    x->a = Rp_NewRef(x);
    RpObject *wr = RpWeakref_NewRef((RpObject *)x, NULL);
    CHECK(wr != NULL && RpWeakref_GetObject(wr) == (RpObject *)x);
    CHECK(_RpWeakref_GetWeakrefCount((RpObject *)x) == 1);
    Rp_DECREF(x);
    CHECK(RpGC_Collect(2) == 1);
    CHECK(RpWeakref_GetObject(wr) == Rp_None);
    Rp_DECREF(wr);
}

static void test_deep_chain(void)
{
    reset();
    Node *head = mk(0), *cur = head;
    for (int i = 0; i < 1000000; i++) {
        Node *nx = mk(1);
        cur->a = (RpObject *)nx;
        cur = nx;
    }
    Rp_DECREF(head);
    CHECK(freed == 1000001);
}

int main(void)
{
    if (Rp_Initialize() < 0) {
        fprintf(stderr, "cannot initialize\n");
        return 1;
    }
    RpType_Ready(&NodeType);
    RpGC_Collect(2);
    test_seed_cycle();
    test_promotion();
    test_resurrection();
    test_weakref_cleared();
    test_deep_chain();
    _RpGC_CheckInvariants();
    Rp_Finalize();
    if (failures) {
        fprintf(stderr, "%d failures\n", failures);
        return 1;
    }
    printf("test_gc: ok\n");
    return 0;
}
