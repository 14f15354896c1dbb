/* cellobject.c -- cells: the boxes through which closures share variables.
 * A cell holds one reference or nothing ("empty", before assignment or
 * after `del`).  Cells are GC containers: a closure referring to its own
 * function makes a cycle through one.
 */
#include "rp.h"
#include <stddef.h>

RpObject *RpCell_New(RpObject *v)
{
    RpCellObject *c = RpObject_GC_New(RpCellObject, &RpCell_Type);
    if (c == NULL)
        return NULL;
    c->ob_ref = Rp_XNewRef(v);
    RpObject_GC_Track(c);
    return (RpObject *)c;
}

int RpCell_Set(RpObject *cell, RpObject *v)
{
    if (!RpCell_Check(cell)) {
        RpErr_BadInternalCall();
        return -1;
    }
    Rp_XSETREF(((RpCellObject *)cell)->ob_ref, Rp_XNewRef(v));
    return 0;
}

static int cell_traverse(RpObject *o, visitproc visit, void *arg)
{
    Rp_VISIT(((RpCellObject *)o)->ob_ref);
    return 0;
}

static int cell_clear(RpObject *o)
{
    Rp_CLEAR(((RpCellObject *)o)->ob_ref);
    return 0;
}

static void cell_dealloc(RpObject *o)
{
    RpObject_GC_UnTrack(o);
    Rp_CLEAR(((RpCellObject *)o)->ob_ref);
    RpObject_GC_Del(o);
}

static RpObject *cell_repr(RpObject *o)
{
    RpObject *v = RpCell_GET(o);
    if (v == NULL)
        return RpUnicode_FromFormat("<cell at %p: empty>", o);
    return RpUnicode_FromFormat("<cell at %p: %.80s object at %p>", o, Rp_TYPE(v)->tp_name, v);
}

/* Compare contents; an empty cell sorts before a full one. */
static RpObject *cell_richcompare(RpObject *a, RpObject *b, int op)
{
    if (!RpCell_Check(a) || !RpCell_Check(b))
        Rp_RETURN_NOTIMPLEMENTED;
    RpObject *x = RpCell_GET(a), *y = RpCell_GET(b);
    if (x != NULL && y != NULL)
        return RpObject_RichCompare(x, y, op);
    int l = x != NULL, r = y != NULL, res;
    switch (op) {
    case Rp_LT: res = l < r; break;
    case Rp_LE: res = l <= r; break;
    case Rp_EQ: res = l == r; break;
    case Rp_NE: res = l != r; break;
    case Rp_GT: res = l > r; break;
    default: res = l >= r; break;
    }
    return RpBool_FromLong(res);
}

static RpObject *cell_get_contents(RpObject *o, void *c)
{
    RpObject *v = RpCell_GET(o);
    if (v == NULL) {
        RpErr_SetString(RpExc_ValueError, "Cell is empty");
        return NULL;
    }
    return Rp_NewRef(v);
}

static int cell_set_contents(RpObject *o, RpObject *v, void *c)
{
    Rp_XSETREF(((RpCellObject *)o)->ob_ref, Rp_XNewRef(v));
    return 0;
}

/* cell([contents]) */
static RpObject *cell_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    if (kwds != NULL && RpDict_GET_SIZE(kwds) > 0) {
        RpErr_SetString(RpExc_TypeError, "cell() takes no keyword arguments");
        return NULL;
    }
    Rp_ssize_t n = RpTuple_GET_SIZE(args);
    if (n > 1)
        return RpErr_Format(RpExc_TypeError, "cell expected at most 1 argument, got %zd", n);
    return RpCell_New(n == 1 ? RpTuple_GET_ITEM(args, 0) : NULL);
}

static RpGetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

RpTypeObject RpCell_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "cell",
    .tp_basicsize = sizeof(RpCellObject),
    .tp_dealloc = cell_dealloc,
    .tp_hash = RpObject_HashNotImplemented,
    .tp_repr = cell_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a new cell object.\n\n  contents\n    the contents of the cell. If not specified, the cell will be empty,\n    and \n further attempts to access its cell_contents attribute will\n    raise a ValueError.",
    .tp_traverse = cell_traverse,
    .tp_clear = cell_clear,
    .tp_richcompare = cell_richcompare,
    .tp_getset = cell_getset,
    .tp_new = cell_new,
};
