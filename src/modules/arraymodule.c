/* arraymodule.c -- the `array` module: array.array, a compact sequence of
 * C numbers of one type (typecodes b B u h H i I l L q Q f d, sizes as on
 * x86-64 Linux: 'u' is a 4-byte wchar_t, 'l' 8 bytes).
 *
 * The items live in one RpMem buffer (`data`, `alloc` items long) that
 * grows by about 1/16.  Each typecode has a descriptor with its size and
 * its get/set functions; everything else works on raw bytes.  The storage
 * is exposed to bytes(), memoryview() and the modules that take bytes-like
 * objects through RpStd_ArrayView (see stdmod.h); a memoryview re-reads the
 * pointer on every access, so resizing an array under it is safe.
 */
#include "stdmod.h"
#include <math.h>
#include <stddef.h>
#include <stdint.h>

#define FAST(f) ((RpCFunction)(void (*)(void))(f))

struct adesc;
typedef struct {
    RpObject_VAR_HEAD       /* ob_size: number of items */
    char *data;
    Rp_ssize_t alloc;       /* items allocated */
    const struct adesc *d;
    RpObject *weakreflist;
} arrayobject;

typedef struct adesc {
    char tc;
    int size;
    int kind;               /* 'i' integer, 'f' float, 'u' character */
    int is_signed;
    const char *big_msg, *small_msg;   /* OverflowError texts for i-kinds */
} adesc;

static const adesc descs[] = {
    {'b', 1, 'i', 1, "signed char is greater than maximum", "signed char is less than minimum"},
    {'B', 1, 'i', 0, "unsigned byte integer is greater than maximum",
     "unsigned byte integer is less than minimum"},
    {'u', 4, 'u', 0, NULL, NULL},
    {'h', 2, 'i', 1, "signed short integer is greater than maximum",
     "signed short integer is less than minimum"},
    {'H', 2, 'i', 0, "unsigned short is greater than maximum", "unsigned short is less than minimum"},
    {'i', 4, 'i', 1, "signed integer is greater than maximum", "signed integer is less than minimum"},
    {'I', 4, 'i', 0, "unsigned int is greater than maximum",
     "can't convert negative value to unsigned int"},
    {'l', 8, 'i', 1, "Python int too large to convert to C long",
     "Python int too large to convert to C long"},
    {'L', 8, 'i', 0, "Python int too large to convert to C unsigned long",
     "can't convert negative value to unsigned int"},
    {'q', 8, 'i', 1, "int too big to convert", "int too big to convert"},
    {'Q', 8, 'i', 0, "int too big to convert", "can't convert negative int to unsigned"},
    {'f', 4, 'f', 1, NULL, NULL},
    {'d', 8, 'f', 1, NULL, NULL},
};
#define NDESCS ((int)(sizeof descs / sizeof descs[0]))

extern RpTypeObject RpArray_Type, RpArrayIter_Type;
#define ARR(o) ((arrayobject *)(o))
#define Array_Check(o) RpObject_TypeCheck(o, &RpArray_Type)

int RpStd_ArrayView(RpObject *o, char **p, Rp_ssize_t *n)
{
    if (!Array_Check(o))
        return 0;
    *p = ARR(o)->data ? ARR(o)->data : (char *)"";
    *n = Rp_SIZE(o) * ARR(o)->d->size;
    return 1;
}

static const adesc *find_desc(int tc)
{
    for (int i = 0; i < NDESCS; i++)
        if (descs[i].tc == tc)
            return &descs[i];
    return NULL;
}

/* ---- one item ------------------------------------------------------------ */

/* Sign- or zero-extended integer of `size` bytes at p (native order). */
static RpObject *get_int(const adesc *d, const char *p)
{
    if (d->is_signed) {
        int64_t v = d->size == 1 ? *(const int8_t *)p : d->size == 2 ? *(const int16_t *)p
                  : d->size == 4 ? *(const int32_t *)p : *(const int64_t *)p;
        return RpLong_FromLongLong(v);
    }
    uint64_t v = d->size == 1 ? *(const uint8_t *)p : d->size == 2 ? *(const uint16_t *)p
               : d->size == 4 ? *(const uint32_t *)p : *(const uint64_t *)p;
    return RpLong_FromUnsignedLongLong(v);
}

static RpObject *getitem_raw(const adesc *d, const char *p)
{
    if (d->kind == 'i')
        return get_int(d, p);
    if (d->kind == 'u')
        return RpUnicode_FromOrdinal((int)*(const uint32_t *)p);
    return RpFloat_FromDouble(d->size == 4 ? *(const float *)p : *(const double *)p);
}

/* The OverflowError text when an int does not fit the item, or NULL.
 * b B h H i l go through a C long first, I L Q through an unsigned long,
 * q through a long long -- hence CPython's mixture of messages. */
static const char *range_error(const adesc *d, uint64_t bits, int fit, int neg)
{
    int via_unsigned = d->tc == 'I' || d->tc == 'L' || d->tc == 'Q';
    if (!via_unsigned) {
        if (fit != RPSTD_FIT_S)
            return d->tc == 'q' ? "int too big to convert" : "Python int too large to convert to C long";
        int64_t x = (int64_t)bits;
        int64_t lo = !d->is_signed ? 0 : d->size == 8 ? INT64_MIN : -((int64_t)1 << (d->size * 8 - 1));
        int64_t hi = d->size == 8 ? INT64_MAX
                   : ((int64_t)1 << (d->size * 8 - d->is_signed)) - 1;
        return x > hi ? d->big_msg : x < lo ? d->small_msg : NULL;
    }
    if (neg)
        return d->small_msg;
    if (fit == RPSTD_FIT_NONE)
        return d->tc == 'Q' ? "int too big to convert"
                            : "Python int too large to convert to C unsigned long";
    uint64_t hi = d->size == 8 ? UINT64_MAX : ((uint64_t)1 << (d->size * 8)) - 1;
    return bits > hi ? d->big_msg : NULL;
}

static int set_int(const adesc *d, char *p, RpObject *v)
{
    if (!RpIndex_Check(v)) {
        RpErr_Format(RpExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Rp_TYPE(v)->tp_name);
        return -1;
    }
    RpObject *iv = RpNumber_Index(v);
    if (iv == NULL)
        return -1;
    uint64_t bits;
    int fit;
    int r = RpStd_IntBits(iv, &bits, &fit);
    int neg = _RpLong_Sign(iv) < 0;
    Rp_DECREF(iv);
    if (r < 0)
        return -1;
    const char *msg = range_error(d, bits, fit, neg);
    if (msg != NULL) {
        RpErr_SetString(RpExc_OverflowError, msg);
        return -1;
    }
    switch (d->size) {
    case 1: *(uint8_t *)p = (uint8_t)bits; break;
    case 2: *(uint16_t *)p = (uint16_t)bits; break;
    case 4: *(uint32_t *)p = (uint32_t)bits; break;
    default: *(uint64_t *)p = bits; break;
    }
    return 0;
}

/* A single code point of a one-character str, or -1 with TypeError. */
static int one_char(RpObject *v)
{
    if (!RpUnicode_Check(v) || RpUnicode_GET_LENGTH(v) != 1) {
        RpErr_SetString(RpExc_TypeError, "array item must be unicode character");
        return -1;
    }
    return RpUnicode_ReadChar(v, 0);
}

/* Store v at p; 0 / -1 (nothing written on error). */
static int setitem_raw(const adesc *d, char *p, RpObject *v)
{
    if (d->kind == 'i')
        return set_int(d, p, v);
    if (d->kind == 'u') {
        int c = one_char(v);
        if (c < 0)
            return -1;
        *(uint32_t *)p = (uint32_t)c;
        return 0;
    }
    double x = RpFloat_AsDouble(v);
    if (x == -1.0 && RpErr_Occurred()) {
        if (RpErr_ExceptionMatches(RpExc_TypeError)) {
            RpErr_Clear();
            RpErr_Format(RpExc_TypeError, "must be real number, not %.200s", Rp_TYPE(v)->tp_name);
        }
        return -1;
    }
    if (d->size == 4)
        *(float *)p = (float)x;
    else
        *(double *)p = x;
    return 0;
}

/* ---- storage ---------------------------------------------------------------- */

/* Resize to n items, keeping the contents; growth is amortized. */
static int array_resize(arrayobject *a, Rp_ssize_t n)
{
    if (n <= a->alloc && n >= a->alloc / 2) {
        Rp_SET_SIZE(a, n);
        return 0;
    }
    Rp_ssize_t cap = n + (n >> 4) + (n < 8 ? 3 : 7);
    if (n == 0)
        cap = 0;
    if (cap > RP_SSIZE_T_MAX / a->d->size) {
        RpErr_NoMemory();
        return -1;
    }
    char *p = cap ? RpMem_Realloc(a->data, (size_t)(cap * a->d->size)) : NULL;
    if (cap && p == NULL) {
        RpErr_NoMemory();
        return -1;
    }
    if (!cap)
        RpMem_Free(a->data);
    a->data = p;
    a->alloc = cap;
    Rp_SET_SIZE(a, n);
    return 0;
}

static arrayobject *new_array(RpTypeObject *t, const adesc *d, Rp_ssize_t n)
{
    arrayobject *a = (arrayobject *)t->tp_alloc(t, 0);
    if (a == NULL)
        return NULL;
    a->d = d;
    a->data = NULL;
    a->alloc = 0;
    Rp_SET_SIZE(a, 0);
    if (n > 0 && array_resize(a, n) < 0) {
        Rp_DECREF(a);
        return NULL;
    }
    return a;
}

static RpObject *from_raw(const adesc *d, const char *p, Rp_ssize_t n)
{
    arrayobject *a = new_array(&RpArray_Type, d, n);
    if (a != NULL && n > 0)
        memcpy(a->data, p, (size_t)(n * d->size));
    return (RpObject *)a;
}

static void array_dealloc(RpObject *self)
{
    if (ARR(self)->weakreflist)
        RpObject_ClearWeakRefs(self);
    RpMem_Free(ARR(self)->data);
    Rp_TYPE(self)->tp_free(self);
}

#define ITEM(a, i) ((a)->data + (i) * (a)->d->size)

/* Append raw bytes (a whole number of items). */
static int append_raw(arrayobject *a, const char *p, Rp_ssize_t nitems)
{
    Rp_ssize_t old = Rp_SIZE(a);
    char *tmp = NULL;
    if (nitems == 0)
        return 0;
    /* p may point into a itself, which the resize may move */
    if (p >= a->data && p < a->data + a->alloc * a->d->size) {
        tmp = RpMem_Malloc((size_t)(nitems * a->d->size));
        if (tmp == NULL) {
            RpErr_NoMemory();
            return -1;
        }
        memcpy(tmp, p, (size_t)(nitems * a->d->size));
        p = tmp;
    }
    int r = array_resize(a, old + nitems);
    if (r == 0)
        memcpy(ITEM(a, old), p, (size_t)(nitems * a->d->size));
    RpMem_Free(tmp);
    return r;
}

static int append_obj(arrayobject *a, RpObject *v)
{
    char item[8];
    if (setitem_raw(a->d, item, v) < 0)
        return -1;
    return append_raw(a, item, 1);
}

/* ---- construction ------------------------------------------------------------ */

static int extend_iter(arrayobject *a, RpObject *iterable)
{
    RpObject *it = RpObject_GetIter(iterable);
    if (it == NULL)
        return -1;
    RpObject *v;
    while ((v = RpIter_Next(it)) != NULL) {
        int r = append_obj(a, v);
        Rp_DECREF(v);
        if (r < 0)
            break;
    }
    Rp_DECREF(it);
    return RpErr_Occurred() ? -1 : 0;
}

static int from_bytes(arrayobject *a, const char *p, Rp_ssize_t n)
{
    if (n % a->d->size != 0) {
        RpErr_SetString(RpExc_ValueError, "bytes length not a multiple of item size");
        return -1;
    }
    return append_raw(a, p, n / a->d->size);
}

/* Decode UTF-8 str s into code points appended to a ('u' arrays). */
static int from_unicode(arrayobject *a, RpObject *s)
{
    Rp_ssize_t n = RpUnicode_GET_LENGTH(s);
    for (Rp_ssize_t i = 0; i < n; i++) {
        uint32_t c = (uint32_t)RpUnicode_ReadChar(s, i);
        if (append_raw(a, (const char *)&c, 1) < 0)
            return -1;
    }
    return 0;
}

static int init_from(arrayobject *a, RpObject *init)
{
    const char *p;
    Rp_ssize_t n;
    if (RpUnicode_Check(init)) {
        if (a->d->tc != 'u') {
            RpErr_Format(RpExc_TypeError,
                         "cannot use a str to initialize an array with typecode '%c'", a->d->tc);
            return -1;
        }
        return from_unicode(a, init);
    }
    if (Array_Check(init)) {
        if ((ARR(init)->d->tc == 'u') != (a->d->tc == 'u')) {
            RpErr_Format(RpExc_TypeError,
                         "cannot use a unicode array to initialize an array with typecode '%c'",
                         a->d->tc);
            return -1;
        }
        if (ARR(init)->d == a->d)
            return append_raw(a, ARR(init)->data, Rp_SIZE(init));
        return extend_iter(a, init);
    }
    if (_RpBytes_View(init, &p, &n) || _RpMemoryView_View(init, &p, &n))
        return from_bytes(a, p, n);
    return extend_iter(a, init);
}

static RpObject *array_new(RpTypeObject *t, RpObject *args, RpObject *kwds)
{
    if (t == &RpArray_Type && !_RpArg_NoKeywords("array.array", kwds))
        return NULL;
    if (!_RpArg_CheckPositional("array", RpTuple_GET_SIZE(args), 1, 2))
        return NULL;
    RpObject *tc = RpTuple_GET_ITEM(args, 0);
    if (!RpUnicode_Check(tc) || RpUnicode_GET_LENGTH(tc) != 1)
        return RpErr_Format(RpExc_TypeError, "array() argument 1 must be a unicode character, not %.100s",
                            Rp_TYPE(tc)->tp_name);
    const adesc *d = find_desc(RpUnicode_ReadChar(tc, 0));
    if (d == NULL)
        return RpErr_Format(RpExc_ValueError,
                            "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    arrayobject *a = new_array(t, d, 0);
    if (a != NULL && RpTuple_GET_SIZE(args) == 2 && init_from(a, RpTuple_GET_ITEM(args, 1)) < 0)
        Rp_CLEAR(a);
    return (RpObject *)a;
}

/* ---- sequence protocol ------------------------------------------------------ */

static Rp_ssize_t array_length(RpObject *self)
{
    return Rp_SIZE(self);
}

static RpObject *array_item(RpObject *self, Rp_ssize_t i)
{
    arrayobject *a = ARR(self);
    if (i < 0 || i >= Rp_SIZE(a)) {
        RpErr_SetString(RpExc_IndexError, "array index out of range");
        return NULL;
    }
    return getitem_raw(a->d, ITEM(a, i));
}

/* Delete items [lo, hi). */
static int delete_range(arrayobject *a, Rp_ssize_t lo, Rp_ssize_t hi)
{
    Rp_ssize_t n = Rp_SIZE(a), sz = a->d->size;
    if (hi <= lo)
        return 0;
    if (n > hi)
        memmove(a->data + lo * sz, a->data + hi * sz, (size_t)((n - hi) * sz));
    return array_resize(a, n - (hi - lo));
}

static int array_ass_item(RpObject *self, Rp_ssize_t i, RpObject *v)
{
    arrayobject *a = ARR(self);
    if (i < 0 || i >= Rp_SIZE(a)) {
        RpErr_SetString(RpExc_IndexError, "array assignment index out of range");
        return -1;
    }
    if (v == NULL)
        return delete_range(a, i, i + 1);
    return setitem_raw(a->d, ITEM(a, i), v);
}

static RpObject *array_concat(RpObject *self, RpObject *other)
{
    if (!Array_Check(other))
        return RpErr_Format(RpExc_TypeError, "can only append array (not \"%.200s\") to array",
                            Rp_TYPE(other)->tp_name);
    if (ARR(other)->d != ARR(self)->d) {
        RpErr_BadArgument();
        return NULL;
    }
    Rp_ssize_t n = Rp_SIZE(self), m = Rp_SIZE(other);
    arrayobject *r = new_array(&RpArray_Type, ARR(self)->d, n + m);
    if (r == NULL)
        return NULL;
    if (n)
        memcpy(r->data, ARR(self)->data, (size_t)(n * r->d->size));
    if (m)
        memcpy(ITEM(r, n), ARR(other)->data, (size_t)(m * r->d->size));
    return (RpObject *)r;
}

static RpObject *array_repeat(RpObject *self, Rp_ssize_t k)
{
    arrayobject *a = ARR(self);
    Rp_ssize_t n = Rp_SIZE(a);
    if (k < 0)
        k = 0;
    if (n && k > RP_SSIZE_T_MAX / n / a->d->size)
        return RpErr_NoMemory();
    arrayobject *r = new_array(&RpArray_Type, a->d, n * k);
    if (r == NULL)
        return NULL;
    for (Rp_ssize_t i = 0; n > 0 && i < k; i++)
        memcpy(ITEM(r, i * n), a->data, (size_t)(n * a->d->size));
    return (RpObject *)r;
}

static int array_contains(RpObject *self, RpObject *v)
{
    for (Rp_ssize_t i = 0; i < Rp_SIZE(self); i++) {
        RpObject *x = getitem_raw(ARR(self)->d, ITEM(ARR(self), i));
        if (x == NULL)
            return -1;
        int c = RpObject_RichCompareBool(x, v, Rp_EQ);
        Rp_DECREF(x);
        if (c != 0)
            return c;
    }
    return 0;
}

static int do_extend(arrayobject *a, RpObject *other)
{
    if (!Array_Check(other))
        return extend_iter(a, other);
    if (ARR(other)->d != a->d) {
        RpErr_SetString(RpExc_TypeError, "can only extend with array of same kind");
        return -1;
    }
    return append_raw(a, ARR(other)->data, Rp_SIZE(other));
}

static RpObject *array_inplace_concat(RpObject *self, RpObject *other)
{
    if (!Array_Check(other))
        return RpErr_Format(RpExc_TypeError, "can only extend array with array (not \"%.200s\")",
                            Rp_TYPE(other)->tp_name);
    if (do_extend(ARR(self), other) < 0)
        return NULL;
    return Rp_NewRef(self);
}

static RpObject *array_inplace_repeat(RpObject *self, Rp_ssize_t k)
{
    arrayobject *a = ARR(self);
    Rp_ssize_t n = Rp_SIZE(a);
    if (k <= 0 || n == 0) {
        if (array_resize(a, 0) < 0)
            return NULL;
        return Rp_NewRef(self);
    }
    if (k > RP_SSIZE_T_MAX / n / a->d->size)
        return RpErr_NoMemory();
    if (array_resize(a, n * k) < 0)
        return NULL;
    for (Rp_ssize_t i = 1; i < k; i++)
        memcpy(ITEM(a, i * n), a->data, (size_t)(n * a->d->size));
    return Rp_NewRef(self);
}

/* ---- slices ------------------------------------------------------------------ */

static RpObject *array_subscript(RpObject *self, RpObject *key)
{
    arrayobject *a = ARR(self);
    if (RpIndex_Check(key)) {
        Rp_ssize_t i = RpNumber_AsSsize_t(key, RpExc_IndexError);
        if (i == -1 && RpErr_Occurred())
            return NULL;
        return array_item(self, i < 0 ? i + Rp_SIZE(a) : i);
    }
    if (!RpSlice_Check(key)) {
        RpErr_SetString(RpExc_TypeError, "array indices must be integers");
        return NULL;
    }
    Rp_ssize_t start, stop, step;
    if (RpSlice_Unpack(key, &start, &stop, &step) < 0)
        return NULL;
    Rp_ssize_t n = RpSlice_AdjustIndices(Rp_SIZE(a), &start, &stop, step);
    arrayobject *r = new_array(&RpArray_Type, a->d, n);
    if (r == NULL)
        return NULL;
    for (Rp_ssize_t i = 0, j = start; i < n; i++, j += step)
        memcpy(ITEM(r, i), ITEM(a, j), (size_t)a->d->size);
    return (RpObject *)r;
}

/* a[start:stop] = raw items (count m), resizing the array. */
static int replace_range(arrayobject *a, Rp_ssize_t lo, Rp_ssize_t hi, const char *src,
                         Rp_ssize_t m)
{
    Rp_ssize_t n = Rp_SIZE(a), sz = a->d->size;
    if (hi < lo)
        hi = lo;
    Rp_ssize_t newn = n - (hi - lo) + m;
    if (newn > n && array_resize(a, newn) < 0)
        return -1;
    if (n > hi)
        memmove(a->data + (lo + m) * sz, a->data + hi * sz, (size_t)((n - hi) * sz));
    if (m)
        memcpy(a->data + lo * sz, src, (size_t)(m * sz));
    return newn < n ? array_resize(a, newn) : 0;
}

/* Delete the items of an extended slice. */
static int delete_extended(arrayobject *a, Rp_ssize_t start, Rp_ssize_t step, Rp_ssize_t n)
{
    Rp_ssize_t sz = a->d->size, len = Rp_SIZE(a), w = 0;
    if (step < 0) {
        start += (n - 1) * step;   /* walk upwards */
        step = -step;
    }
    for (Rp_ssize_t i = 0; i < len; i++) {
        int gone = i >= start && (i - start) % step == 0 && (i - start) / step < n;
        if (!gone)
            memmove(a->data + w++ * sz, a->data + i * sz, (size_t)sz);
    }
    return array_resize(a, w);
}

static int array_ass_subscript(RpObject *self, RpObject *key, RpObject *v)
{
    arrayobject *a = ARR(self);
    if (RpIndex_Check(key)) {
        Rp_ssize_t i = RpNumber_AsSsize_t(key, RpExc_IndexError);
        if (i == -1 && RpErr_Occurred())
            return -1;
        return array_ass_item(self, i < 0 ? i + Rp_SIZE(a) : i, v);
    }
    if (!RpSlice_Check(key)) {
        RpErr_SetString(RpExc_TypeError, "array indices must be integers");
        return -1;
    }
    Rp_ssize_t start, stop, step;
    if (RpSlice_Unpack(key, &start, &stop, &step) < 0)
        return -1;
    Rp_ssize_t n = RpSlice_AdjustIndices(Rp_SIZE(a), &start, &stop, step);
    if (v == NULL)
        return step == 1 ? delete_range(a, start, stop) : delete_extended(a, start, step, n);
    if (!Array_Check(v)) {
        RpErr_Format(RpExc_TypeError, "can only assign array (not \"%.200s\") to array slice",
                     Rp_TYPE(v)->tp_name);
        return -1;
    }
    if (ARR(v)->d != a->d) {
        RpErr_BadArgument();
        return -1;
    }
    Rp_ssize_t m = Rp_SIZE(v);
    if (step == 1) {
        /* copy first: v may be a itself */
        char *tmp = RpMem_Malloc((size_t)(m * a->d->size) + 1);
        if (tmp == NULL) {
            RpErr_NoMemory();
            return -1;
        }
        memcpy(tmp, ARR(v)->data ? ARR(v)->data : "", (size_t)(m * a->d->size));
        int r = replace_range(a, start, stop, tmp, m);
        RpMem_Free(tmp);
        return r;
    }
    if (m != n) {
        RpErr_Format(RpExc_ValueError, "attempt to assign array of size %zd to extended slice of size %zd",
                     m, n);
        return -1;
    }
    for (Rp_ssize_t i = 0, j = start; i < n; i++, j += step)
        memmove(ITEM(a, j), ITEM(ARR(v), i), (size_t)a->d->size);
    return 0;
}

/* ---- repr, comparison, iteration -------------------------------------------- */

static RpObject *array_tolist(RpObject *self, RpObject *unused);
static RpObject *array_tounicode(RpObject *self, RpObject *unused);

static RpObject *array_repr(RpObject *self)
{
    char tc = ARR(self)->d->tc;
    if (Rp_SIZE(self) == 0)
        return RpUnicode_FromFormat("%s('%c')", _RpType_Name(Rp_TYPE(self)), tc);
    RpObject *body = tc == 'u' ? array_tounicode(self, NULL) : array_tolist(self, NULL);
    if (body == NULL)
        return NULL;
    RpObject *r = RpUnicode_FromFormat("%s('%c', %R)", _RpType_Name(Rp_TYPE(self)), tc, body);
    Rp_DECREF(body);
    return r;
}

static RpObject *array_richcompare(RpObject *a, RpObject *b, int op)
{
    if (!Array_Check(a) || !Array_Check(b))
        Rp_RETURN_NOTIMPLEMENTED;
    Rp_ssize_t na = Rp_SIZE(a), nb = Rp_SIZE(b);
    if (na != nb && (op == Rp_EQ || op == Rp_NE))
        return RpBool_FromLong(op == Rp_NE);
    /* first differing item decides, as for lists */
    for (Rp_ssize_t i = 0; i < na && i < nb; i++) {
        RpObject *x = array_item(a, i), *y = x ? array_item(b, i) : NULL;
        int eq = y ? RpObject_RichCompareBool(x, y, Rp_EQ) : -1;
        RpObject *r = NULL;
        if (eq == 0)
            r = RpObject_RichCompare(x, y, op);
        Rp_XDECREF(x);
        Rp_XDECREF(y);
        if (eq < 0)
            return NULL;
        if (eq == 0)
            return r;
    }
    int c = na < nb ? -1 : na > nb;
    int r = op == Rp_LT ? c < 0 : op == Rp_LE ? c <= 0 : op == Rp_EQ ? c == 0
          : op == Rp_NE ? c != 0 : op == Rp_GT ? c > 0 : c >= 0;
    return RpBool_FromLong(r);
}

typedef struct {
    RpObject_HEAD
    RpObject *arr;       /* NULL once exhausted */
    Rp_ssize_t index;
} aiterobject;

static RpObject *array_iter(RpObject *self)
{
    aiterobject *it = RpObject_GC_New(aiterobject, &RpArrayIter_Type);
    if (it == NULL)
        return NULL;
    it->arr = Rp_NewRef(self);
    it->index = 0;
    RpObject_GC_Track(it);
    return (RpObject *)it;
}

static int aiter_traverse(RpObject *self, visitproc visit, void *arg)
{
    Rp_VISIT(((aiterobject *)self)->arr);
    return 0;
}

static int aiter_clear(RpObject *self)
{
    Rp_CLEAR(((aiterobject *)self)->arr);
    return 0;
}

static void aiter_dealloc(RpObject *self)
{
    RpObject_GC_UnTrack(self);
    aiter_clear(self);
    RpObject_GC_Del(self);
}

static RpObject *aiter_next(RpObject *self)
{
    aiterobject *it = (aiterobject *)self;
    if (it->arr == NULL)
        return NULL;
    if (it->index >= Rp_SIZE(it->arr)) {
        Rp_CLEAR(it->arr);
        return NULL;
    }
    return array_item(it->arr, it->index++);
}

RpTypeObject RpArrayIter_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "array.arrayiterator",
    .tp_basicsize = sizeof(aiterobject),
    .tp_dealloc = aiter_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = aiter_traverse,
    .tp_clear = aiter_clear,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = aiter_next,
};

/* ---- methods ------------------------------------------------------------------ */

static RpObject *array_append(RpObject *self, RpObject *v)
{
    if (append_obj(ARR(self), v) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *array_extend(RpObject *self, RpObject *v)
{
    if (do_extend(ARR(self), v) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *array_insert(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("insert", nargs, 2, 2))
        return NULL;
    arrayobject *a = ARR(self);
    Rp_ssize_t i = RpNumber_AsSsize_t(args[0], RpExc_OverflowError), n = Rp_SIZE(a);
    if (i == -1 && RpErr_Occurred())
        return NULL;
    if (i < 0 && (i += n) < 0)
        i = 0;
    if (i > n)
        i = n;
    char item[8];
    if (setitem_raw(a->d, item, args[1]) < 0 || replace_range(a, i, i, item, 1) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *array_pop(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("pop", nargs, 0, 1))
        return NULL;
    arrayobject *a = ARR(self);
    Rp_ssize_t i = -1, n = Rp_SIZE(a);
    if (nargs == 1) {
        i = RpNumber_AsSsize_t(args[0], RpExc_OverflowError);
        if (i == -1 && RpErr_Occurred())
            return NULL;
    }
    if (n == 0) {
        RpErr_SetString(RpExc_IndexError, "pop from empty array");
        return NULL;
    }
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        RpErr_SetString(RpExc_IndexError, "pop index out of range");
        return NULL;
    }
    RpObject *v = getitem_raw(a->d, ITEM(a, i));
    if (v != NULL && delete_range(a, i, i + 1) < 0)
        Rp_CLEAR(v);
    return v;
}

/* Index of the first item == v in [lo, hi), -1 if none, -2 on error. */
static Rp_ssize_t find_item(arrayobject *a, RpObject *v, Rp_ssize_t lo, Rp_ssize_t hi)
{
    for (Rp_ssize_t i = lo; i < hi && i < Rp_SIZE(a); i++) {
        RpObject *x = getitem_raw(a->d, ITEM(a, i));
        int c = x ? RpObject_RichCompareBool(x, v, Rp_EQ) : -1;
        Rp_XDECREF(x);
        if (c != 0)
            return c < 0 ? -2 : i;
    }
    return -1;
}

static RpObject *array_remove(RpObject *self, RpObject *v)
{
    Rp_ssize_t i = find_item(ARR(self), v, 0, Rp_SIZE(self));
    if (i == -2)
        return NULL;
    if (i == -1) {
        RpErr_SetString(RpExc_ValueError, "array.remove(x): x not in array");
        return NULL;
    }
    if (delete_range(ARR(self), i, i + 1) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

/* A start/stop bound of index(), clamped like slice indices. */
static int get_bound(RpObject *o, Rp_ssize_t n, Rp_ssize_t *out)
{
    Rp_ssize_t i = RpNumber_AsSsize_t(o, NULL);
    if (i == -1 && RpErr_Occurred())
        return -1;
    if (i < 0 && (i += n) < 0)
        i = 0;
    *out = i;
    return 0;
}

static RpObject *array_index(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("index", nargs, 1, 3))
        return NULL;
    Rp_ssize_t n = Rp_SIZE(self), lo = 0, hi = n;
    if ((nargs > 1 && get_bound(args[1], n, &lo) < 0) || (nargs > 2 && get_bound(args[2], n, &hi) < 0))
        return NULL;
    Rp_ssize_t i = find_item(ARR(self), args[0], lo, hi);
    if (i == -2)
        return NULL;
    if (i == -1) {
        RpErr_SetString(RpExc_ValueError, "array.index(x): x not in array");
        return NULL;
    }
    return RpLong_FromSsize_t(i);
}

static RpObject *array_count(RpObject *self, RpObject *v)
{
    Rp_ssize_t count = 0;
    for (Rp_ssize_t i = 0; i < Rp_SIZE(self); i++) {
        RpObject *x = array_item(self, i);
        int c = x ? RpObject_RichCompareBool(x, v, Rp_EQ) : -1;
        Rp_XDECREF(x);
        if (c < 0)
            return NULL;
        count += c;
    }
    return RpLong_FromSsize_t(count);
}

static RpObject *array_reverse(RpObject *self, RpObject *unused)
{
    arrayobject *a = ARR(self);
    Rp_ssize_t sz = a->d->size;
    char tmp[8];
    for (Rp_ssize_t i = 0, j = Rp_SIZE(a) - 1; i < j; i++, j--) {
        memcpy(tmp, ITEM(a, i), (size_t)sz);
        memcpy(ITEM(a, i), ITEM(a, j), (size_t)sz);
        memcpy(ITEM(a, j), tmp, (size_t)sz);
    }
    Rp_RETURN_NONE;
}

static RpObject *array_byteswap(RpObject *self, RpObject *unused)
{
    arrayobject *a = ARR(self);
    Rp_ssize_t sz = a->d->size;
    for (Rp_ssize_t i = 0; i < Rp_SIZE(a); i++) {
        char *p = ITEM(a, i);
        for (Rp_ssize_t k = 0; k < sz / 2; k++) {
            char t = p[k];
            p[k] = p[sz - 1 - k];
            p[sz - 1 - k] = t;
        }
    }
    Rp_RETURN_NONE;
}

static RpObject *array_tolist(RpObject *self, RpObject *unused)
{
    RpObject *l = RpList_New(Rp_SIZE(self));
    if (l == NULL)
        return NULL;
    for (Rp_ssize_t i = 0; i < Rp_SIZE(self); i++) {
        RpObject *v = array_item(self, i);
        if (v == NULL) {
            Rp_DECREF(l);
            return NULL;
        }
        RpList_SET_ITEM(l, i, v);
    }
    return l;
}

static RpObject *array_tobytes(RpObject *self, RpObject *unused)
{
    return RpBytes_FromStringAndSize(ARR(self)->data, Rp_SIZE(self) * ARR(self)->d->size);
}

static RpObject *array_frombytes(RpObject *self, RpObject *v)
{
    const char *p;
    Rp_ssize_t n;
    if (RpStd_Buffer(v, &p, &n) < 0 || from_bytes(ARR(self), p, n) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *array_fromlist(RpObject *self, RpObject *v)
{
    if (!RpList_Check(v)) {
        RpErr_SetString(RpExc_TypeError, "arg must be list");
        return NULL;
    }
    /* all or nothing: convert into a scratch array first */
    arrayobject *tmp = new_array(&RpArray_Type, ARR(self)->d, 0);
    if (tmp == NULL)
        return NULL;
    int r = 0;
    for (Rp_ssize_t i = 0; r == 0 && i < RpList_GET_SIZE(v); i++)
        r = append_obj(tmp, RpList_GET_ITEM(v, i));
    if (r == 0)
        r = append_raw(ARR(self), tmp->data, Rp_SIZE(tmp));
    Rp_DECREF(tmp);
    if (r < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *array_fromunicode(RpObject *self, RpObject *v)
{
    if (!RpUnicode_Check(v))
        return RpErr_Format(RpExc_TypeError, "fromunicode() argument must be str, not %.100s",
                            Rp_TYPE(v)->tp_name);
    if (ARR(self)->d->tc != 'u') {
        RpErr_SetString(RpExc_ValueError, "fromunicode() may only be called on unicode type arrays");
        return NULL;
    }
    if (from_unicode(ARR(self), v) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *array_tounicode(RpObject *self, RpObject *unused)
{
    arrayobject *a = ARR(self);
    if (a->d->tc != 'u') {
        RpErr_SetString(RpExc_ValueError, "tounicode() may only be called on unicode type arrays");
        return NULL;
    }
    RpStrBuf b;
    RpStrBuf_Init(&b);
    for (Rp_ssize_t i = 0; i < Rp_SIZE(a); i++) {
        uint32_t c = *(uint32_t *)ITEM(a, i);
        if (c > 0x10ffff) {
            RpStrBuf_Discard(&b);
            return RpErr_Format(RpExc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]",
                                (unsigned)c);
        }
        RpStrBuf_AppendCodePoint(&b, (int)c);
    }
    return RpStrBuf_Finish(&b);
}

static RpObject *array_buffer_info(RpObject *self, RpObject *unused)
{
    RpObject *addr = RpLong_FromUnsignedLongLong((uintptr_t)ARR(self)->data);
    RpObject *len = RpLong_FromSsize_t(Rp_SIZE(self));
    RpObject *t = addr && len ? RpTuple_Pack(2, addr, len) : NULL;
    Rp_XDECREF(addr);
    Rp_XDECREF(len);
    return t;
}

static RpObject *array_copy(RpObject *self, RpObject *unused)
{
    return from_raw(ARR(self)->d, ARR(self)->data, Rp_SIZE(self));
}

static RpObject *array_deepcopy(RpObject *self, RpObject *memo)
{
    return array_copy(self, NULL);
}

static RpObject *array_sizeof(RpObject *self, RpObject *unused)
{
    return RpLong_FromSsize_t((Rp_ssize_t)sizeof(arrayobject) + ARR(self)->alloc * ARR(self)->d->size);
}

/* Pickling: (array, (typecode, list)) -- what CPython uses for protocol < 3
 * and what every protocol can load. */
static RpObject *array_reduce_ex(RpObject *self, RpObject *proto)
{
    RpObject *list = ARR(self)->d->tc == 'u' ? array_tounicode(self, NULL) : array_tolist(self, NULL);
    RpObject *tc = RpUnicode_FromOrdinal(ARR(self)->d->tc);
    RpObject *args = list && tc ? RpTuple_Pack(2, tc, list) : NULL;
    RpObject *dict = NULL;
    RpObject **dp = _RpObject_GetDictPtr(self);
    dict = dp && *dp ? *dp : Rp_None;
    RpObject *r = args ? RpTuple_Pack(3, (RpObject *)Rp_TYPE(self), args, dict) : NULL;
    Rp_XDECREF(list);
    Rp_XDECREF(tc);
    Rp_XDECREF(args);
    return r;
}

static RpObject *array_tofile(RpObject *self, RpObject *f)
{
    RpObject *b = array_tobytes(self, NULL);
    RpObject *r = b ? RpObject_CallMethod1(f, "write", b) : NULL;
    Rp_XDECREF(b);
    if (r == NULL)
        return NULL;
    Rp_DECREF(r);
    Rp_RETURN_NONE;
}

static RpObject *array_fromfile(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("fromfile", nargs, 2, 2))
        return NULL;
    Rp_ssize_t n = RpNumber_AsSsize_t(args[1], RpExc_OverflowError);
    if (n == -1 && RpErr_Occurred())
        return NULL;
    if (n < 0) {
        RpErr_SetString(RpExc_ValueError, "negative count");
        return NULL;
    }
    Rp_ssize_t want = n * ARR(self)->d->size;
    RpObject *cnt = RpLong_FromSsize_t(want);
    RpObject *b = cnt ? RpObject_CallMethod1(args[0], "read", cnt) : NULL;
    Rp_XDECREF(cnt);
    if (b == NULL)
        return NULL;
    if (!RpBytes_Check(b)) {
        Rp_DECREF(b);
        RpErr_SetString(RpExc_TypeError, "read() didn't return bytes");
        return NULL;
    }
    Rp_ssize_t got = RpBytes_GET_SIZE(b) / ARR(self)->d->size;
    int r = append_raw(ARR(self), RpBytes_AS_STRING(b), got);
    Rp_DECREF(b);
    if (r < 0)
        return NULL;
    if (got < n) {
        RpErr_SetString(RpExc_EOFError, "read() didn't return enough bytes");
        return NULL;
    }
    Rp_RETURN_NONE;
}

static RpObject *get_typecode(RpObject *self, void *c)
{
    return RpUnicode_FromOrdinal(ARR(self)->d->tc);
}

static RpObject *get_itemsize(RpObject *self, void *c)
{
    return RpLong_FromLong(ARR(self)->d->size);
}

static RpGetSetDef array_getset[] = {
    {"typecode", get_typecode, NULL, NULL, NULL},
    {"itemsize", get_itemsize, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static RpMethodDef array_methods[] = {
    {"append", array_append, RP_METH_O, NULL},
    {"buffer_info", array_buffer_info, RP_METH_NOARGS, NULL},
    {"byteswap", array_byteswap, RP_METH_NOARGS, NULL},
    {"count", array_count, RP_METH_O, NULL},
    {"extend", array_extend, RP_METH_O, NULL},
    {"frombytes", array_frombytes, RP_METH_O, NULL},
    {"fromfile", FAST(array_fromfile), RP_METH_FASTCALL, NULL},
    {"fromlist", array_fromlist, RP_METH_O, NULL},
    {"fromunicode", array_fromunicode, RP_METH_O, NULL},
    {"index", FAST(array_index), RP_METH_FASTCALL, NULL},
    {"insert", FAST(array_insert), RP_METH_FASTCALL, NULL},
    {"pop", FAST(array_pop), RP_METH_FASTCALL, NULL},
    {"remove", array_remove, RP_METH_O, NULL},
    {"reverse", array_reverse, RP_METH_NOARGS, NULL},
    {"tobytes", array_tobytes, RP_METH_NOARGS, NULL},
    {"tofile", array_tofile, RP_METH_O, NULL},
    {"tolist", array_tolist, RP_METH_NOARGS, NULL},
    {"tounicode", array_tounicode, RP_METH_NOARGS, NULL},
    {"__copy__", array_copy, RP_METH_NOARGS, NULL},
    {"__deepcopy__", array_deepcopy, RP_METH_O, NULL},
    {"__reduce_ex__", array_reduce_ex, RP_METH_O, NULL},
    {"__sizeof__", array_sizeof, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static RpSequenceMethods array_as_sequence = {
    .sq_length = array_length,
    .sq_concat = array_concat,
    .sq_repeat = array_repeat,
    .sq_item = array_item,
    .sq_ass_item = array_ass_item,
    .sq_contains = array_contains,
    .sq_inplace_concat = array_inplace_concat,
    .sq_inplace_repeat = array_inplace_repeat,
};

static RpMappingMethods array_as_mapping = {
    .mp_length = array_length,
    .mp_subscript = array_subscript,
    .mp_ass_subscript = array_ass_subscript,
};

RpTypeObject RpArray_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "array.array",
    .tp_basicsize = sizeof(arrayobject),
    .tp_dealloc = array_dealloc,
    .tp_as_sequence = &array_as_sequence,
    .tp_as_mapping = &array_as_mapping,
    .tp_hash = RpObject_HashNotImplemented,
    .tp_repr = array_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_BASETYPE,
    .tp_richcompare = array_richcompare,
    .tp_weaklistoffset = offsetof(arrayobject, weakreflist),
    .tp_iter = array_iter,
    .tp_methods = array_methods,
    .tp_getset = array_getset,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = array_new,
    .tp_free = RpObject_Free,
};

RpObject *RpInit_array(void)
{
    RpObject *m = RpModule_New("array");
    if (m == NULL)
        return NULL;
    if (RpModule_AddObjectRef(m, "array", (RpObject *)&RpArray_Type) < 0 ||
        RpModule_AddObjectRef(m, "ArrayType", (RpObject *)&RpArray_Type) < 0 ||
        RpModule_AddStringConstant(m, "typecodes", "bBuhHiIlLqQfd") < 0)
        Rp_CLEAR(m);
    return m;
}
