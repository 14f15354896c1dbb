/* listobject.c -- the list type, its iterators, and _RpContainers_Fini.
 *
 * A list is a resizable array of strong references (ob_item, `allocated`
 * slots of which Rp_SIZE are in use), over-allocated like CPython's so
 * that append is amortized O(1).  Whenever items are removed, the list is
 * made consistent *before* the removed references are dropped, because a
 * __del__ run by the decref may look at (or mutate) the list.  The sort
 * lives in listsort.c.
 */
#include "rp.h"

#define RP_LIST_MAXFREELIST 80

static RpListObject *free_list[RP_LIST_MAXFREELIST];
static int numfree;

/* ---- storage -------------------------------------------------------------- */

/* Make room for newsize items.  Shrinking never fails.  The growth pattern
 * is CPython's (0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ...). */
static int list_resize(RpListObject *self, Rp_ssize_t newsize)
{
    Rp_ssize_t allocated = self->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        Rp_SET_SIZE(self, newsize);
        return 0;
    }
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if ((size_t)newsize - (size_t)Rp_SIZE(self) > new_allocated - (size_t)newsize)
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0)
        new_allocated = 0;
    if (new_allocated > (size_t)RP_SSIZE_T_MAX / sizeof(RpObject *)) {
        RpErr_NoMemory();
        return -1;
    }
    RpObject **items = NULL;
    if (new_allocated == 0) {
        RpMem_Free(self->ob_item);
    } else {
        items = RpMem_Realloc(self->ob_item, new_allocated * sizeof(RpObject *));
        if (items == NULL) {
            RpErr_NoMemory();
            return -1;
        }
    }
    self->ob_item = items;
    Rp_SET_SIZE(self, newsize);
    self->allocated = (Rp_ssize_t)new_allocated;
    return 0;
}

/* Reserve exactly `size` slots in an empty list. */
static int list_preallocate_exact(RpListObject *self, Rp_ssize_t size)
{
    RpObject **items = RpMem_Malloc((size_t)size * sizeof(RpObject *));
    if (items == NULL) {
        RpErr_NoMemory();
        return -1;
    }
    self->ob_item = items;
    self->allocated = size;
    return 0;
}

RpObject *RpList_New(Rp_ssize_t size)
{
    if (size < 0) {
        RpErr_BadInternalCall();
        return NULL;
    }
    if ((size_t)size > (size_t)RP_SSIZE_T_MAX / sizeof(RpObject *))
        return RpErr_NoMemory();
    RpListObject *op;
    if (numfree > 0) {
        op = free_list[--numfree];
        _Rp_NewReference((RpObject *)op);
    } else {
        op = RpObject_GC_New(RpListObject, &RpList_Type);
        if (op == NULL)
            return NULL;
    }
    if (size <= 0) {
        op->ob_item = NULL;
    } else {
        op->ob_item = RpMem_Calloc((size_t)size, sizeof(RpObject *));
        if (op->ob_item == NULL) {
            Rp_SET_SIZE(op, 0);
            op->allocated = 0;
            Rp_DECREF(op);
            return RpErr_NoMemory();
        }
    }
    Rp_SET_SIZE(op, size);
    op->allocated = size;
    RpObject_GC_Track(op);
    return (RpObject *)op;
}

/* Drop every item (last first, as CPython) after emptying the list. */
static int list_clear_items(RpListObject *a)
{
    RpObject **item = a->ob_item;
    if (item == NULL)
        return 0;
    Rp_ssize_t i = Rp_SIZE(a);
    Rp_SET_SIZE(a, 0);
    a->ob_item = NULL;
    a->allocated = 0;
    while (--i >= 0)
        Rp_XDECREF(item[i]);
    RpMem_Free(item);
    return 0;
}

/* ---- GC trio ---------------------------------------------------------------- */

static int list_traverse(RpObject *self, visitproc visit, void *arg)
{
    RpListObject *o = (RpListObject *)self;
    for (Rp_ssize_t i = Rp_SIZE(o); --i >= 0;)
        Rp_VISIT(o->ob_item[i]);
    return 0;
}

static int list_tp_clear(RpObject *self)
{
    return list_clear_items((RpListObject *)self);
}

static void list_dealloc(RpObject *self)
{
    RpListObject *op = (RpListObject *)self;
    RpObject_GC_UnTrack(op);
    RP_TRASHCAN_BEGIN(op, list_dealloc)
    if (op->ob_item != NULL) {
        Rp_ssize_t i = Rp_SIZE(op);
        while (--i >= 0)
            Rp_XDECREF(op->ob_item[i]);
        RpMem_Free(op->ob_item);
        op->ob_item = NULL;
    }
    if (numfree < RP_LIST_MAXFREELIST && RpList_CheckExact(op))
        free_list[numfree++] = op;
    else
        Rp_TYPE(op)->tp_free(op);
    RP_TRASHCAN_END
}

void _RpList_ClearFreeList(void)
{
    while (numfree > 0)
        RpObject_GC_Del(free_list[--numfree]);
}

/* tupleobject.c: the freelists plus the () singleton (shutdown only; a full
 * collection calls _RpTuple_ClearFreeLists, which keeps the singleton). */
void _RpTuple_Fini(void);

void _RpContainers_Fini(void)
{
    _RpList_ClearFreeList();
    _RpDict_ClearFreeList();
    _RpTuple_Fini();
}

/* ---- C API ---------------------------------------------------------------- */

static int bad_list(RpObject *l)
{
    if (!RpList_Check(l)) {
        RpErr_BadInternalCall();
        return 1;
    }
    return 0;
}

Rp_ssize_t RpList_Size(RpObject *l)
{
    return bad_list(l) ? -1 : Rp_SIZE(l);
}

static int valid_index(Rp_ssize_t i, Rp_ssize_t limit)
{
    return (size_t)i < (size_t)limit;
}

RpObject *RpList_GetItem(RpObject *l, Rp_ssize_t i)
{
    if (bad_list(l))
        return NULL;
    if (!valid_index(i, Rp_SIZE(l))) {
        RpErr_SetString(RpExc_IndexError, "list index out of range");
        return NULL;
    }
    return RpList_GET_ITEM(l, i);
}

int RpList_SetItem(RpObject *l, Rp_ssize_t i, RpObject *v)
{
    if (bad_list(l)) {
        Rp_XDECREF(v);
        return -1;
    }
    if (!valid_index(i, Rp_SIZE(l))) {
        Rp_XDECREF(v);
        RpErr_SetString(RpExc_IndexError, "list assignment index out of range");
        return -1;
    }
    Rp_XSETREF(((RpListObject *)l)->ob_item[i], v);
    return 0;
}

static int ins1(RpListObject *self, Rp_ssize_t where, RpObject *v)
{
    Rp_ssize_t n = Rp_SIZE(self);
    if (list_resize(self, n + 1) < 0)
        return -1;
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    RpObject **items = self->ob_item;
    memmove(&items[where + 1], &items[where], (size_t)(n - where) * sizeof(RpObject *));
    items[where] = Rp_NewRef(v);
    return 0;
}

int RpList_Insert(RpObject *l, Rp_ssize_t i, RpObject *v)
{
    if (bad_list(l))
        return -1;
    return ins1((RpListObject *)l, i, v);
}

/* append, stealing v (the hot path of list comprehensions). */
static int app_steal(RpListObject *self, RpObject *v)
{
    Rp_ssize_t n = Rp_SIZE(self);
    if (n < self->allocated) {
        self->ob_item[n] = v;
        Rp_SET_SIZE(self, n + 1);
        return 0;
    }
    if (list_resize(self, n + 1) < 0) {
        Rp_DECREF(v);
        return -1;
    }
    self->ob_item[n] = v;
    return 0;
}

int RpList_Append(RpObject *l, RpObject *v)
{
    if (bad_list(l) || v == NULL) {
        if (v == NULL)
            RpErr_BadInternalCall();
        return -1;
    }
    return app_steal((RpListObject *)l, Rp_NewRef(v));
}

static RpObject *list_slice(RpListObject *a, Rp_ssize_t lo, Rp_ssize_t hi)
{
    Rp_ssize_t len = hi - lo;
    RpListObject *np = (RpListObject *)RpList_New(0);
    if (np == NULL)
        return NULL;
    if (len <= 0)
        return (RpObject *)np;
    if (list_preallocate_exact(np, len) < 0) {
        Rp_DECREF(np);
        return NULL;
    }
    for (Rp_ssize_t i = 0; i < len; i++)
        np->ob_item[i] = Rp_NewRef(a->ob_item[lo + i]);
    Rp_SET_SIZE(np, len);
    return (RpObject *)np;
}

static void clamp_slice(Rp_ssize_t size, Rp_ssize_t *lo, Rp_ssize_t *hi)
{
    if (*lo < 0)
        *lo = 0;
    else if (*lo > size)
        *lo = size;
    if (*hi < *lo)
        *hi = *lo;
    else if (*hi > size)
        *hi = size;
}

RpObject *RpList_GetSlice(RpObject *l, Rp_ssize_t lo, Rp_ssize_t hi)
{
    if (bad_list(l))
        return NULL;
    clamp_slice(Rp_SIZE(l), &lo, &hi);
    return list_slice((RpListObject *)l, lo, hi);
}

/* a[lo:hi] = v (v NULL deletes).  The replaced references are dropped
 * only once the list is consistent again, last first. */
static int list_ass_slice(RpListObject *a, Rp_ssize_t lo, Rp_ssize_t hi, RpObject *v)
{
    RpObject *recycle_on_stack[8];
    RpObject **recycle = recycle_on_stack, **vitems = NULL;
    RpObject *seq = NULL;
    Rp_ssize_t n = 0;
    int result = -1;
    if (v != NULL) {
        /* a[i:j] = a copies first: the source changes under our feet. */
        seq = (RpObject *)a == v ? list_slice(a, 0, Rp_SIZE(a))
                                 : RpSequence_Fast(v, "can only assign an iterable");
        if (seq == NULL)
            return -1;
        n = RpSequence_Fast_GET_SIZE(seq);
        vitems = RpSequence_Fast_ITEMS(seq);
    }
    clamp_slice(Rp_SIZE(a), &lo, &hi);
    Rp_ssize_t norig = hi - lo, d = n - norig;
    if (Rp_SIZE(a) + d == 0) {
        Rp_XDECREF(seq);
        return list_clear_items(a);
    }
    if ((size_t)norig > sizeof(recycle_on_stack) / sizeof(RpObject *)) {
        recycle = RpMem_Malloc((size_t)norig * sizeof(RpObject *));
        if (recycle == NULL) {
            RpErr_NoMemory();
            goto done;
        }
    }
    if (norig > 0)
        memcpy(recycle, &a->ob_item[lo], (size_t)norig * sizeof(RpObject *));
    if (d < 0) {
        memmove(&a->ob_item[hi + d], &a->ob_item[hi],
                (size_t)(Rp_SIZE(a) - hi) * sizeof(RpObject *));
        list_resize(a, Rp_SIZE(a) + d);
    } else if (d > 0) {
        Rp_ssize_t k = Rp_SIZE(a);
        if (list_resize(a, k + d) < 0)
            goto done;
        memmove(&a->ob_item[hi + d], &a->ob_item[hi], (size_t)(k - hi) * sizeof(RpObject *));
    }
    for (Rp_ssize_t k = 0; k < n; k++)
        a->ob_item[lo + k] = Rp_NewRef(vitems[k]);
    for (Rp_ssize_t k = norig - 1; k >= 0; --k)
        Rp_XDECREF(recycle[k]);
    result = 0;
done:
    if (recycle != recycle_on_stack)
        RpMem_Free(recycle);
    Rp_XDECREF(seq);
    return result;
}

int RpList_SetSlice(RpObject *l, Rp_ssize_t lo, Rp_ssize_t hi, RpObject *v)
{
    if (bad_list(l))
        return -1;
    return list_ass_slice((RpListObject *)l, lo, hi, v);
}

static void reverse_slice(RpObject **lo, RpObject **hi)
{
    for (--hi; lo < hi; lo++, hi--) {
        RpObject *t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

int RpList_Reverse(RpObject *l)
{
    if (bad_list(l))
        return -1;
    if (Rp_SIZE(l) > 1) {
        RpListObject *o = (RpListObject *)l;
        reverse_slice(o->ob_item, o->ob_item + Rp_SIZE(o));
    }
    return 0;
}

int RpList_Sort(RpObject *l)
{
    if (l == NULL || bad_list(l))
        return -1;
    return _RpList_SortImpl(l, NULL, 0);
}

RpObject *RpList_AsTuple(RpObject *l)
{
    if (bad_list(l))
        return NULL;
    return _RpTuple_FromArray(((RpListObject *)l)->ob_item, Rp_SIZE(l));
}

/* ---- extend ------------------------------------------------------------------ */

static int list_extend_fast(RpListObject *self, RpObject *iterable)
{
    RpObject *seq = RpSequence_Fast(iterable, "argument must be iterable");
    if (seq == NULL)
        return -1;
    Rp_ssize_t n = RpSequence_Fast_GET_SIZE(seq), m = Rp_SIZE(self);
    if (n > 0) {
        if (self->ob_item == NULL) {
            if (list_preallocate_exact(self, n) < 0) {
                Rp_DECREF(seq);
                return -1;
            }
            Rp_SET_SIZE(self, n);
        } else if (list_resize(self, m + n) < 0) {
            Rp_DECREF(seq);
            return -1;
        }
        /* seq may be self: read items only after the resize. */
        RpObject **src = RpSequence_Fast_ITEMS(seq);
        for (Rp_ssize_t i = 0; i < n; i++)
            self->ob_item[m + i] = Rp_NewRef(src[i]);
    }
    Rp_DECREF(seq);
    return 0;
}

static int list_extend_iter(RpListObject *self, RpObject *iterable)
{
    RpObject *it = RpObject_GetIter(iterable);
    if (it == NULL)
        return -1;
    /* Guess the final size to avoid repeated resizes. */
    Rp_ssize_t n = RpObject_LengthHint(iterable, 8);
    if (n < 0) {
        Rp_DECREF(it);
        return -1;
    }
    Rp_ssize_t m = Rp_SIZE(self);
    if (m > RP_SSIZE_T_MAX - n) {
        /* Overflowing guess: let appends grow the list. */
    } else if (m + n > self->allocated) {
        if (list_resize(self, m + n) < 0) {
            Rp_DECREF(it);
            return -1;
        }
        Rp_SET_SIZE(self, m);
    }
    RpObject *item;
    while ((item = RpIter_Next(it)) != NULL) {
        if (app_steal(self, item) < 0)
            goto error;
    }
    if (RpErr_Occurred())
        goto error;
    if (Rp_SIZE(self) < self->allocated)
        list_resize(self, Rp_SIZE(self));   /* give back an over-generous guess */
    Rp_DECREF(it);
    return 0;
error:
    Rp_DECREF(it);
    return -1;
}

static int list_extend_internal(RpListObject *self, RpObject *iterable)
{
    if (RpList_CheckExact(iterable) || RpTuple_CheckExact(iterable) ||
        (RpObject *)self == iterable)
        return list_extend_fast(self, iterable);
    return list_extend_iter(self, iterable);
}

RpObject *_RpList_Extend(RpListObject *self, RpObject *iterable)
{
    if (list_extend_internal(self, iterable) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

/* ---- repr -------------------------------------------------------------------- */

static RpObject *list_repr(RpObject *self)
{
    if (Rp_SIZE(self) == 0)
        return RpUnicode_FromString("[]");
    int rc = Rp_ReprEnter(self);
    if (rc != 0)
        return rc > 0 ? RpUnicode_FromString("[...]") : NULL;
    RpStrBuf b;
    RpStrBuf_Init(&b);
    RpStrBuf_AppendChar(&b, '[');
    /* An item's __repr__ may shrink the list: re-read the size each time. */
    for (Rp_ssize_t i = 0; i < Rp_SIZE(self); i++) {
        if (i > 0)
            RpStrBuf_Append(&b, ", ", 2);
        RpObject *item = Rp_NewRef(RpList_GET_ITEM(self, i));
        RpObject *r = NULL;
        if (Rp_EnterRecursiveCall(" while getting the repr of an object") == 0) {
            r = RpObject_Repr(item);
            Rp_LeaveRecursiveCall();
        }
        Rp_DECREF(item);
        if (r == NULL)
            goto error;
        RpStrBuf_AppendObject(&b, r);
        Rp_DECREF(r);
    }
    RpStrBuf_AppendChar(&b, ']');
    Rp_ReprLeave(self);
    return RpStrBuf_Finish(&b);
error:
    Rp_ReprLeave(self);
    RpStrBuf_Discard(&b);
    return NULL;
}

/* ---- sequence protocol --------------------------------------------------------- */

static Rp_ssize_t list_length(RpObject *self) { return Rp_SIZE(self); }

static int list_contains(RpObject *self, RpObject *el)
{
    int cmp = 0;
    for (Rp_ssize_t i = 0; cmp == 0 && i < Rp_SIZE(self); i++) {
        RpObject *item = Rp_NewRef(RpList_GET_ITEM(self, i));
        cmp = RpObject_RichCompareBool(item, el, Rp_EQ);
        Rp_DECREF(item);
    }
    return cmp;
}

static RpObject *list_item(RpObject *self, Rp_ssize_t i)
{
    if (!valid_index(i, Rp_SIZE(self))) {
        RpErr_SetString(RpExc_IndexError, "list index out of range");
        return NULL;
    }
    return Rp_NewRef(RpList_GET_ITEM(self, i));
}

static RpObject *list_concat(RpObject *a, RpObject *bb)
{
    if (!RpList_Check(bb)) {
        RpErr_Format(RpExc_TypeError, "can only concatenate list (not \"%.200s\") to list",
                     Rp_TYPE(bb)->tp_name);
        return NULL;
    }
    Rp_ssize_t na = Rp_SIZE(a), nb = Rp_SIZE(bb);
    if (na > RP_SSIZE_T_MAX / (Rp_ssize_t)sizeof(RpObject *) - nb)
        return RpErr_NoMemory();
    RpListObject *np = (RpListObject *)RpList_New(0);
    if (np == NULL)
        return NULL;
    if (na + nb == 0)
        return (RpObject *)np;
    if (list_preallocate_exact(np, na + nb) < 0) {
        Rp_DECREF(np);
        return NULL;
    }
    for (Rp_ssize_t i = 0; i < na; i++)
        np->ob_item[i] = Rp_NewRef(RpList_GET_ITEM(a, i));
    for (Rp_ssize_t i = 0; i < nb; i++)
        np->ob_item[na + i] = Rp_NewRef(RpList_GET_ITEM(bb, i));
    Rp_SET_SIZE(np, na + nb);
    return (RpObject *)np;
}

static RpObject *list_repeat(RpObject *self, Rp_ssize_t n)
{
    Rp_ssize_t len = Rp_SIZE(self);
    if (n <= 0 || len == 0)
        return RpList_New(0);
    if (n > RP_SSIZE_T_MAX / (Rp_ssize_t)sizeof(RpObject *) / len)
        return RpErr_NoMemory();
    RpListObject *np = (RpListObject *)RpList_New(0);
    if (np == NULL)
        return NULL;
    if (list_preallocate_exact(np, len * n) < 0) {
        Rp_DECREF(np);
        return NULL;
    }
    RpObject **src = ((RpListObject *)self)->ob_item, **dst = np->ob_item;
    for (Rp_ssize_t r = 0; r < n; r++)
        for (Rp_ssize_t i = 0; i < len; i++)
            *dst++ = Rp_NewRef(src[i]);
    Rp_SET_SIZE(np, len * n);
    return (RpObject *)np;
}

static int list_ass_item(RpObject *self, Rp_ssize_t i, RpObject *v)
{
    RpListObject *a = (RpListObject *)self;
    if (!valid_index(i, Rp_SIZE(a))) {
        RpErr_SetString(RpExc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (v == NULL)
        return list_ass_slice(a, i, i + 1, NULL);
    Rp_SETREF(a->ob_item[i], Rp_NewRef(v));
    return 0;
}

static RpObject *list_inplace_concat(RpObject *self, RpObject *other)
{
    if (list_extend_internal((RpListObject *)self, other) < 0)
        return NULL;
    return Rp_NewRef(self);
}

static RpObject *list_inplace_repeat(RpObject *self, Rp_ssize_t n)
{
    RpListObject *a = (RpListObject *)self;
    Rp_ssize_t size = Rp_SIZE(a);
    if (size == 0 || n == 1)
        return Rp_NewRef(self);
    if (n < 1) {
        list_clear_items(a);
        return Rp_NewRef(self);
    }
    if (size > RP_SSIZE_T_MAX / (Rp_ssize_t)sizeof(RpObject *) / n)
        return RpErr_NoMemory();
    if (list_resize(a, size * n) < 0)
        return NULL;
    RpObject **items = a->ob_item;
    for (Rp_ssize_t r = 1, k = size; r < n; r++)
        for (Rp_ssize_t i = 0; i < size; i++, k++)
            items[k] = Rp_NewRef(items[i]);
    return Rp_NewRef(self);
}

/* ---- subscripts ------------------------------------------------------------------ */

static RpObject *list_subscript(RpObject *self, RpObject *key)
{
    if (RpIndex_Check(key)) {
        Rp_ssize_t i = RpNumber_AsSsize_t(key, RpExc_IndexError);
        if (i == -1 && RpErr_Occurred())
            return NULL;
        if (i < 0)
            i += Rp_SIZE(self);
        return list_item(self, i);
    }
    if (RpSlice_Check(key)) {
        Rp_ssize_t start, stop, step;
        if (RpSlice_Unpack(key, &start, &stop, &step) < 0)
            return NULL;
        Rp_ssize_t n = RpSlice_AdjustIndices(Rp_SIZE(self), &start, &stop, step);
        if (step == 1)
            return list_slice((RpListObject *)self, start, stop);
        RpListObject *np = (RpListObject *)RpList_New(0);
        if (np == NULL || n <= 0)
            return (RpObject *)np;
        if (list_preallocate_exact(np, n) < 0) {
            Rp_DECREF(np);
            return NULL;
        }
        for (Rp_ssize_t i = 0, cur = start; i < n; i++, cur += step)
            np->ob_item[i] = Rp_NewRef(RpList_GET_ITEM(self, cur));
        Rp_SET_SIZE(np, n);
        return (RpObject *)np;
    }
    RpErr_Format(RpExc_TypeError, "list indices must be integers or slices, not %.200s",
                 Rp_TYPE(key)->tp_name);
    return NULL;
}

/* del a[start:stop:step] for step != 1: compact the survivors, then drop
 * the removed references in index order (as CPython). */
static int list_del_extended(RpListObject *self, Rp_ssize_t start, Rp_ssize_t step,
                             Rp_ssize_t slicelen)
{
    if (slicelen <= 0)
        return 0;
    if (step < 0) {
        start = start + step * (slicelen - 1);
        step = -step;
    }
    RpObject **garbage = RpMem_Malloc((size_t)slicelen * sizeof(RpObject *));
    if (garbage == NULL) {
        RpErr_NoMemory();
        return -1;
    }
    RpObject **items = self->ob_item;
    Rp_ssize_t size = Rp_SIZE(self), w = start, g = 0;
    for (Rp_ssize_t r = start; r < size; r++) {
        if (g < slicelen && r == start + g * step)
            garbage[g++] = items[r];
        else
            items[w++] = items[r];
    }
    Rp_SET_SIZE(self, size - slicelen);
    list_resize(self, Rp_SIZE(self));
    for (Rp_ssize_t i = 0; i < slicelen; i++)
        Rp_DECREF(garbage[i]);
    RpMem_Free(garbage);
    return 0;
}

static int list_assign_extended(RpListObject *self, Rp_ssize_t start, Rp_ssize_t step,
                                Rp_ssize_t slicelen, RpObject *value)
{
    /* a[::-1] = a must read a copy. */
    RpObject *seq = (RpObject *)self == value
                        ? list_slice(self, 0, Rp_SIZE(self))
                        : RpSequence_Fast(value, "must assign iterable to extended slice");
    if (seq == NULL)
        return -1;
    if (RpSequence_Fast_GET_SIZE(seq) != slicelen) {
        RpErr_Format(RpExc_ValueError,
                     "attempt to assign sequence of size %zd to extended slice of size %zd",
                     RpSequence_Fast_GET_SIZE(seq), slicelen);
        Rp_DECREF(seq);
        return -1;
    }
    if (slicelen == 0) {
        Rp_DECREF(seq);
        return 0;
    }
    RpObject **garbage = RpMem_Malloc((size_t)slicelen * sizeof(RpObject *));
    if (garbage == NULL) {
        Rp_DECREF(seq);
        RpErr_NoMemory();
        return -1;
    }
    RpObject **src = RpSequence_Fast_ITEMS(seq);
    for (Rp_ssize_t i = 0, cur = start; i < slicelen; i++, cur += step) {
        garbage[i] = self->ob_item[cur];
        self->ob_item[cur] = Rp_NewRef(src[i]);
    }
    for (Rp_ssize_t i = 0; i < slicelen; i++)
        Rp_DECREF(garbage[i]);
    RpMem_Free(garbage);
    Rp_DECREF(seq);
    return 0;
}

static int list_ass_subscript(RpObject *self, RpObject *key, RpObject *value)
{
    RpListObject *a = (RpListObject *)self;
    if (RpIndex_Check(key)) {
        Rp_ssize_t i = RpNumber_AsSsize_t(key, RpExc_IndexError);
        if (i == -1 && RpErr_Occurred())
            return -1;
        if (i < 0)
            i += Rp_SIZE(a);
        return list_ass_item(self, i, value);
    }
    if (RpSlice_Check(key)) {
        Rp_ssize_t start, stop, step;
        if (RpSlice_Unpack(key, &start, &stop, &step) < 0)
            return -1;
        if (value == NULL) {
            Rp_ssize_t n = RpSlice_AdjustIndices(Rp_SIZE(a), &start, &stop, step);
            if (step == 1)
                return list_ass_slice(a, start, stop, NULL);
            return list_del_extended(a, start, step, n);
        }
        /* Conversion of value may run code that resizes the list, so only
         * adjust the indices right before using them. */
        if (step == 1) {
            RpSlice_AdjustIndices(Rp_SIZE(a), &start, &stop, step);
            return list_ass_slice(a, start, stop, value);
        }
        Rp_ssize_t n = RpSlice_AdjustIndices(Rp_SIZE(a), &start, &stop, step);
        return list_assign_extended(a, start, step, n, value);
    }
    RpErr_Format(RpExc_TypeError, "list indices must be integers or slices, not %.200s",
                 Rp_TYPE(key)->tp_name);
    return -1;
}

/* ---- comparison ------------------------------------------------------------------- */

static RpObject *list_richcompare(RpObject *v, RpObject *w, int op)
{
    if (!RpList_Check(v) || !RpList_Check(w))
        Rp_RETURN_NOTIMPLEMENTED;
    if (Rp_SIZE(v) != Rp_SIZE(w) && (op == Rp_EQ || op == Rp_NE))
        return RpBool_FromLong(op == Rp_NE);
    Rp_ssize_t i;
    for (i = 0; i < Rp_SIZE(v) && i < Rp_SIZE(w); i++) {
        RpObject *vi = RpList_GET_ITEM(v, i), *wi = RpList_GET_ITEM(w, i);
        if (vi == wi)
            continue;
        Rp_INCREF(vi);
        Rp_INCREF(wi);
        int k = RpObject_RichCompareBool(vi, wi, Rp_EQ);
        Rp_DECREF(vi);
        Rp_DECREF(wi);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    Rp_ssize_t vs = Rp_SIZE(v), ws = Rp_SIZE(w);
    if (i >= vs || i >= ws) {
        int r;
        switch (op) {
        case Rp_LT: r = vs < ws; break;
        case Rp_LE: r = vs <= ws; break;
        case Rp_EQ: r = vs == ws; break;
        case Rp_NE: r = vs != ws; break;
        case Rp_GT: r = vs > ws; break;
        default: r = vs >= ws; break;
        }
        return RpBool_FromLong(r);
    }
    if (op == Rp_EQ)
        Rp_RETURN_FALSE;
    if (op == Rp_NE)
        Rp_RETURN_TRUE;
    RpObject *vi = Rp_NewRef(RpList_GET_ITEM(v, i));
    RpObject *wi = Rp_NewRef(RpList_GET_ITEM(w, i));
    RpObject *res = RpObject_RichCompare(vi, wi, op);
    Rp_DECREF(vi);
    Rp_DECREF(wi);
    return res;
}

/* ---- methods ----------------------------------------------------------------------- */

static RpObject *list_append(RpObject *self, RpObject *v)
{
    if (app_steal((RpListObject *)self, Rp_NewRef(v)) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *list_extend(RpObject *self, RpObject *iterable)
{
    return _RpList_Extend((RpListObject *)self, iterable);
}

static RpObject *list_insert(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("insert", nargs, 2, 2))
        return NULL;
    Rp_ssize_t i = RpNumber_AsSsize_t(args[0], RpExc_OverflowError);
    if (i == -1 && RpErr_Occurred())
        return NULL;
    if (ins1((RpListObject *)self, i, args[1]) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *list_clear_meth(RpObject *self, RpObject *unused)
{
    list_clear_items((RpListObject *)self);
    Rp_RETURN_NONE;
}

static RpObject *list_copy(RpObject *self, RpObject *unused)
{
    return list_slice((RpListObject *)self, 0, Rp_SIZE(self));
}

static RpObject *list_pop(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    RpListObject *a = (RpListObject *)self;
    Rp_ssize_t i = -1;
    if (!_RpArg_CheckPositional("pop", nargs, 0, 1))
        return NULL;
    if (nargs == 1) {
        i = RpNumber_AsSsize_t(args[0], RpExc_OverflowError);
        if (i == -1 && RpErr_Occurred())
            return NULL;
    }
    if (Rp_SIZE(a) == 0) {
        RpErr_SetString(RpExc_IndexError, "pop from empty list");
        return NULL;
    }
    if (i < 0)
        i += Rp_SIZE(a);
    if (!valid_index(i, Rp_SIZE(a))) {
        RpErr_SetString(RpExc_IndexError, "pop index out of range");
        return NULL;
    }
    RpObject *v = a->ob_item[i];
    Rp_ssize_t size_after = Rp_SIZE(a) - 1;
    memmove(&a->ob_item[i], &a->ob_item[i + 1], (size_t)(size_after - i) * sizeof(RpObject *));
    list_resize(a, size_after);   /* shrinking: cannot fail */
    return v;
}

static RpObject *list_index(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    Rp_ssize_t start = 0, stop = RP_SSIZE_T_MAX;
    if (!_RpArg_CheckPositional("index", nargs, 1, 3))
        return NULL;
    if (nargs > 1 && !_RpSlice_IndexNotNone(args[1], &start))
        return NULL;
    if (nargs > 2 && !_RpSlice_IndexNotNone(args[2], &stop))
        return NULL;
    if (start < 0 && (start += Rp_SIZE(self)) < 0)
        start = 0;
    if (stop < 0 && (stop += Rp_SIZE(self)) < 0)
        stop = 0;
    for (Rp_ssize_t i = start; i < stop && i < Rp_SIZE(self); i++) {
        RpObject *obj = Rp_NewRef(RpList_GET_ITEM(self, i));
        int cmp = RpObject_RichCompareBool(obj, args[0], Rp_EQ);
        Rp_DECREF(obj);
        if (cmp > 0)
            return RpLong_FromSsize_t(i);
        if (cmp < 0)
            return NULL;
    }
    RpErr_Format(RpExc_ValueError, "%R is not in list", args[0]);
    return NULL;
}

static RpObject *list_count(RpObject *self, RpObject *value)
{
    Rp_ssize_t count = 0;
    for (Rp_ssize_t i = 0; i < Rp_SIZE(self); i++) {
        RpObject *obj = RpList_GET_ITEM(self, i);
        if (obj == value) {
            count++;
            continue;
        }
        Rp_INCREF(obj);
        int cmp = RpObject_RichCompareBool(obj, value, Rp_EQ);
        Rp_DECREF(obj);
        if (cmp < 0)
            return NULL;
        count += cmp;
    }
    return RpLong_FromSsize_t(count);
}

static RpObject *list_remove(RpObject *self, RpObject *value)
{
    for (Rp_ssize_t i = 0; i < Rp_SIZE(self); i++) {
        RpObject *obj = Rp_NewRef(RpList_GET_ITEM(self, i));
        int cmp = RpObject_RichCompareBool(obj, value, Rp_EQ);
        Rp_DECREF(obj);
        if (cmp > 0) {
            if (list_ass_slice((RpListObject *)self, i, i + 1, NULL) < 0)
                return NULL;
            Rp_RETURN_NONE;
        }
        if (cmp < 0)
            return NULL;
    }
    RpErr_SetString(RpExc_ValueError, "list.remove(x): x not in list");
    return NULL;
}

static RpObject *list_reverse(RpObject *self, RpObject *unused)
{
    RpList_Reverse(self);
    Rp_RETURN_NONE;
}

static RpObject *list_sort(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                           RpObject *kwnames)
{
    static const char *const names[] = {"key", "reverse"};
    RpObject *out[2] = {NULL, NULL};
    if (nargs > 0) {
        RpErr_SetString(RpExc_TypeError, "sort() takes no positional arguments");
        return NULL;
    }
    if (_RpArg_ParseVector("sort", args, nargs, kwnames, names, 0, 0, out) < 0)
        return NULL;
    int reverse = 0;
    if (out[1] != NULL) {
        long r = RpLong_AsLong(out[1]);
        if (r == -1 && RpErr_Occurred())
            return NULL;
        reverse = r != 0;
    }
    RpObject *key = out[0] == Rp_None ? NULL : out[0];
    if (_RpList_SortImpl(self, key, reverse) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *list_sizeof(RpObject *self, RpObject *unused)
{
    size_t res = sizeof(RpListObject) + (size_t)((RpListObject *)self)->allocated * sizeof(void *);
    return RpLong_FromSize_t(res);
}

static RpObject *list_reversed(RpObject *self, RpObject *unused);

/* list.__init__(iterable=()): clears first, so __init__ can be re-run. */
static int list_init_impl(RpListObject *self, RpObject *iterable)
{
    if (self->ob_item != NULL)
        list_clear_items(self);
    if (iterable == NULL)
        return 0;
    return list_extend_internal(self, iterable);
}

static int list_init(RpObject *self, RpObject *args, RpObject *kwds)
{
    if ((RpList_CheckExact(self) || Rp_TYPE(self)->tp_new == RpList_Type.tp_new) &&
        !_RpArg_NoKeywords("list", kwds))
        return -1;
    if (!_RpArg_CheckPositional("list", Rp_SIZE(args), 0, 1))
        return -1;
    return list_init_impl((RpListObject *)self, Rp_SIZE(args) ? RpTuple_GET_ITEM(args, 0) : NULL);
}

static RpObject *list_vectorcall(RpObject *type, RpObject *const *args, size_t nargsf,
                                 RpObject *kwnames)
{
    Rp_ssize_t nargs = RpVectorcall_NARGS(nargsf);
    if (!_RpArg_NoKwnames("list", kwnames))
        return NULL;
    if (!_RpArg_CheckPositional("list", nargs, 0, 1))
        return NULL;
    RpObject *list = RpList_New(0);
    if (list != NULL && nargs && list_init_impl((RpListObject *)list, args[0]) < 0)
        Rp_CLEAR(list);
    return list;
}

static RpMethodDef list_methods[] = {
    {"__reversed__", (RpCFunction)list_reversed, RP_METH_NOARGS,
     "Return a reverse iterator over the list."},
    {"__sizeof__", (RpCFunction)list_sizeof, RP_METH_NOARGS, NULL},
    {"clear", (RpCFunction)list_clear_meth, RP_METH_NOARGS, "Remove all items from list."},
    {"copy", (RpCFunction)list_copy, RP_METH_NOARGS, "Return a shallow copy of the list."},
    {"append", (RpCFunction)list_append, RP_METH_O, "Append object to the end of the list."},
    {"insert", (RpCFunction)(void (*)(void))list_insert, RP_METH_FASTCALL,
     "Insert object before index."},
    {"extend", (RpCFunction)list_extend, RP_METH_O,
     "Extend list by appending elements from the iterable."},
    {"pop", (RpCFunction)(void (*)(void))list_pop, RP_METH_FASTCALL,
     "Remove and return item at index (default last)."},
    {"remove", (RpCFunction)list_remove, RP_METH_O, "Remove first occurrence of value."},
    {"index", (RpCFunction)(void (*)(void))list_index, RP_METH_FASTCALL,
     "Return first index of value."},
    {"count", (RpCFunction)list_count, RP_METH_O, "Return number of occurrences of value."},
    {"reverse", (RpCFunction)list_reverse, RP_METH_NOARGS, "Reverse *IN PLACE*."},
    {"sort", (RpCFunction)(void (*)(void))list_sort, RP_METH_FASTCALL | RP_METH_KEYWORDS,
     "Sort the list in ascending order and return None."},
    {NULL, NULL, 0, NULL},
};

static RpSequenceMethods list_as_sequence = {
    .sq_length = list_length,
    .sq_concat = list_concat,
    .sq_repeat = list_repeat,
    .sq_item = list_item,
    .sq_ass_item = list_ass_item,
    .sq_contains = list_contains,
    .sq_inplace_concat = list_inplace_concat,
    .sq_inplace_repeat = list_inplace_repeat,
};

static RpMappingMethods list_as_mapping = {
    .mp_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
};

static RpObject *list_iter(RpObject *seq);

RpTypeObject RpList_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "list",
    .tp_basicsize = sizeof(RpListObject),
    .tp_dealloc = list_dealloc,
    .tp_as_sequence = &list_as_sequence,
    .tp_as_mapping = &list_as_mapping,
    .tp_hash = RpObject_HashNotImplemented,
    .tp_repr = list_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC | RP_TPFLAGS_BASETYPE |
                RP_TPFLAGS_LIST_SUBCLASS,
    .tp_doc = "Built-in mutable sequence.",
    .tp_traverse = list_traverse,
    .tp_clear = list_tp_clear,
    .tp_richcompare = list_richcompare,
    .tp_iter = list_iter,
    .tp_methods = list_methods,
    .tp_init = list_init,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = RpType_GenericNew,
    .tp_free = RpObject_GC_Del,
    .tp_vectorcall = list_vectorcall,
};

/* ---- iterators ------------------------------------------------------------------- */

typedef struct {
    RpObject_HEAD
    Rp_ssize_t it_index;
    RpListObject *it_seq;   /* NULL once exhausted */
} listiterobject;

static RpObject *listiter_new(RpTypeObject *type, RpObject *seq, Rp_ssize_t start)
{
    listiterobject *it = RpObject_GC_New(listiterobject, type);
    if (it == NULL)
        return NULL;
    it->it_index = start;
    it->it_seq = (RpListObject *)Rp_NewRef(seq);
    RpObject_GC_Track(it);
    return (RpObject *)it;
}

static RpObject *list_iter(RpObject *seq)
{
    return listiter_new(&RpListIter_Type, seq, 0);
}

static RpObject *list_reversed(RpObject *self, RpObject *unused)
{
    return listiter_new(&RpListRevIter_Type, self, Rp_SIZE(self) - 1);
}

static RpObject *listiter_next(RpObject *self)
{
    listiterobject *it = (listiterobject *)self;
    RpListObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index < Rp_SIZE(seq))
        return Rp_NewRef(seq->ob_item[it->it_index++]);
    it->it_seq = NULL;
    Rp_DECREF(seq);
    return NULL;
}

static RpObject *listiter_len(RpObject *self, RpObject *unused)
{
    listiterobject *it = (listiterobject *)self;
    Rp_ssize_t n = it->it_seq ? Rp_SIZE(it->it_seq) - it->it_index : 0;
    return RpLong_FromSsize_t(n < 0 ? 0 : n);
}

static RpObject *listreviter_next(RpObject *self)
{
    listiterobject *it = (listiterobject *)self;
    RpListObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    Rp_ssize_t i = it->it_index;
    if (i >= 0 && i < Rp_SIZE(seq)) {
        it->it_index--;
        return Rp_NewRef(seq->ob_item[i]);
    }
    it->it_index = -1;
    it->it_seq = NULL;
    Rp_DECREF(seq);
    return NULL;
}

static RpObject *listreviter_len(RpObject *self, RpObject *unused)
{
    listiterobject *it = (listiterobject *)self;
    Rp_ssize_t n = it->it_index + 1;
    if (it->it_seq == NULL || Rp_SIZE(it->it_seq) < n)
        n = 0;
    return RpLong_FromSsize_t(n);
}

static RpMethodDef listiter_methods[] = {
    {"__length_hint__", (RpCFunction)listiter_len, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static RpMethodDef listreviter_methods[] = {
    {"__length_hint__", (RpCFunction)listreviter_len, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpListIter_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(listiterobject),
    .tp_dealloc = _RpIndexIter_Dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = _RpIndexIter_Traverse,
    .tp_clear = _RpIndexIter_Clear,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
};

RpTypeObject RpListRevIter_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(listiterobject),
    .tp_dealloc = _RpIndexIter_Dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = _RpIndexIter_Traverse,
    .tp_clear = _RpIndexIter_Clear,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = listreviter_next,
    .tp_methods = listreviter_methods,
};
