/* bytesobject.c -- bytes (immutable, inline data) and bytearray (mutable,
 * separate buffer).  Most methods work on a (pointer, length) view and are
 * shared: `make_like(self, p, n)` builds a result of self's kind, so
 * b'x'.upper() is bytes and bytearray(b'x').upper() is a bytearray.
 */
#include "rp.h"
#include <stddef.h>
#include <stdint.h>

#define BYTES_HDR offsetof(RpBytesObject, ob_sval)
#define NO_LIMIT PTRDIFF_MAX

static RpObject *bytes_empty;
static RpObject *bytes_chars[256];

/* ==== construction ========================================================= */

static RpObject *bytes_alloc(Rp_ssize_t n)
{
    if (n < 0 || n > PTRDIFF_MAX / 2) {
        RpErr_NoMemory();
        return NULL;
    }
    RpBytesObject *b = RpObject_Malloc(BYTES_HDR + (size_t)n + 1);
    if (b == NULL)
        return RpErr_NoMemory();
    RpObject_Init((RpObject *)b, &RpBytes_Type);
    Rp_SET_SIZE(b, n);
    b->ob_shash = -1;
    b->ob_sval[n] = '\0';
    return (RpObject *)b;
}

RpObject *RpBytes_FromStringAndSize(const char *s, Rp_ssize_t n)
{
    if (n < 0) {
        RpErr_SetString(RpExc_SystemError, "Negative size passed to RpBytes_FromStringAndSize");
        return NULL;
    }
    if (s != NULL && n <= 1) {
        /* Shared singletons, as in CPython: bytes([65]) is bytes([65]). */
        RpObject **slot = n == 0 ? &bytes_empty : &bytes_chars[(unsigned char)s[0]];
        if (*slot == NULL) {
            *slot = bytes_alloc(n);
            if (*slot == NULL)
                return NULL;
            if (n)
                RpBytes_AS_STRING(*slot)[0] = s[0];
        }
        return Rp_NewRef(*slot);
    }
    RpObject *b = bytes_alloc(n);
    if (b != NULL && s != NULL)
        memcpy(RpBytes_AS_STRING(b), s, (size_t)n);
    return b;
}

RpObject *RpBytes_FromString(const char *s)
{
    return RpBytes_FromStringAndSize(s, (Rp_ssize_t)strlen(s));
}

int _RpBytes_Resize(RpObject **pv, Rp_ssize_t newsize)
{
    RpObject *v = *pv;
    if (newsize < 0 || !RpBytes_CheckExact(v) || Rp_REFCNT(v) != 1 || v == bytes_empty) {
        RpObject *r = newsize < 0 ? NULL
            : RpBytes_FromStringAndSize(NULL, newsize);
        if (r != NULL)
            memcpy(RpBytes_AS_STRING(r), RpBytes_AS_STRING(v),
                   (size_t)(newsize < Rp_SIZE(v) ? newsize : Rp_SIZE(v)));
        else if (newsize < 0)
            RpErr_BadInternalCall();
        *pv = r;
        Rp_DECREF(v);
        return r ? 0 : -1;
    }
    RpBytesObject *b = RpObject_Realloc(v, BYTES_HDR + (size_t)newsize + 1);
    if (b == NULL) {
        *pv = NULL;
        Rp_DECREF(v);
        RpErr_NoMemory();
        return -1;
    }
    Rp_SET_SIZE(b, newsize);
    b->ob_sval[newsize] = '\0';
    b->ob_shash = -1;
    *pv = (RpObject *)b;
    return 0;
}

int _RpBytes_View(RpObject *o, const char **p, Rp_ssize_t *n)
{
    if (RpBytes_Check(o)) {
        *p = RpBytes_AS_STRING(o);
        *n = Rp_SIZE(o);
        return 1;
    }
    if (RpByteArray_Check(o)) {
        RpByteArrayObject *ba = (RpByteArrayObject *)o;
        *p = ba->ob_bytes ? ba->ob_bytes : "";
        *n = Rp_SIZE(o);
        return 1;
    }
    /* array.array exports its items as bytes too (the buffer protocol) */
    char *w;
    if (RpStd_ArrayView(o, &w, n)) {
        *p = w;
        return 1;
    }
    *p = "";
    *n = 0;
    return 0;
}

RpObject *RpByteArray_FromStringAndSize(const char *s, Rp_ssize_t n)
{
    RpByteArrayObject *ba = RpObject_Malloc(sizeof *ba);
    if (ba == NULL)
        return RpErr_NoMemory();
    RpObject_Init((RpObject *)ba, &RpByteArray_Type);
    Rp_SET_SIZE(ba, 0);
    ba->ob_alloc = 0;
    ba->ob_bytes = NULL;
    ba->ob_exports = 0;
    if (n > 0) {
        ba->ob_bytes = RpMem_Malloc((size_t)n + 1);
        if (ba->ob_bytes == NULL) {
            Rp_DECREF(ba);
            return RpErr_NoMemory();
        }
        if (s)
            memcpy(ba->ob_bytes, s, (size_t)n);
        else
            memset(ba->ob_bytes, 0, (size_t)n);
        ba->ob_bytes[n] = '\0';
        ba->ob_alloc = n + 1;
        Rp_SET_SIZE(ba, n);
    }
    return (RpObject *)ba;
}

/* Make room for n bytes (+ NUL) with amortized growth. 0 / -1. */
static int ba_reserve(RpByteArrayObject *ba, Rp_ssize_t n)
{
    if (n + 1 <= ba->ob_alloc)
        return 0;
    Rp_ssize_t cap = n + (n >> 3) + 8;
    char *p = RpMem_Realloc(ba->ob_bytes, (size_t)cap);
    if (p == NULL) {
        RpErr_NoMemory();
        return -1;
    }
    ba->ob_bytes = p;
    ba->ob_alloc = cap;
    return 0;
}

static int ba_resize(RpByteArrayObject *ba, Rp_ssize_t n)
{
    if (ba_reserve(ba, n) < 0)
        return -1;
    Rp_SET_SIZE(ba, n);
    if (ba->ob_bytes)
        ba->ob_bytes[n] = '\0';
    return 0;
}

/* A result of self's kind (bytes or bytearray). */
static RpObject *make_like(RpObject *self, const char *p, Rp_ssize_t n)
{
    if (RpByteArray_Check(self))
        return RpByteArray_FromStringAndSize(p, n);
    return RpBytes_FromStringAndSize(p, n);
}

#define VIEW(o, p, n) (_RpBytes_View((o), &(p), &(n)))

/* Writable data of a freshly made bytes or bytearray. */
static char *wbuf(RpObject *o)
{
    if (RpBytes_Check(o))
        return RpBytes_AS_STRING(o);
    return ((RpByteArrayObject *)o)->ob_bytes;
}

static int need_bytes(RpObject *o, const char **p, Rp_ssize_t *n)
{
    if (_RpBytes_View(o, p, n))
        return 0;
    RpErr_Format(RpExc_TypeError, "a bytes-like object is required, not '%.100s'",
                 Rp_TYPE(o)->tp_name);
    return -1;
}

/* A byte value from an int-like object. -1 with error; `what` names the
 * value in the range error (bytes() says "bytes", everything else "byte"). */
static int byte_value_named(RpObject *o, const char *what)
{
    if (!RpIndex_Check(o)) {
        RpErr_Format(RpExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Rp_TYPE(o)->tp_name);
        return -1;
    }
    Rp_ssize_t v = RpNumber_AsSsize_t(o, NULL);
    if (v == -1 && RpErr_Occurred())
        return -1;
    if (v < 0 || v > 255) {
        RpErr_Format(RpExc_ValueError, "%s must be in range(0, 256)", what);
        return -1;
    }
    return (int)v;
}

static int byte_value(RpObject *o)
{
    return byte_value_named(o, "byte");
}

/* Collect the bytes of any iterable of ints into a bytearray. */
static int extend_from_iterable(RpByteArrayObject *ba, RpObject *iterable, const char *what)
{
    const char *p;
    Rp_ssize_t n;
    if (VIEW(iterable, p, n)) {
        Rp_ssize_t old = Rp_SIZE(ba);
        /* Copy first: iterable may be ba itself. */
        char *tmp = RpMem_Malloc((size_t)n + 1);
        if (tmp == NULL) {
            RpErr_NoMemory();
            return -1;
        }
        memcpy(tmp, p, (size_t)n);
        int r = ba_resize(ba, old + n);
        if (r == 0 && n)
            memcpy(ba->ob_bytes + old, tmp, (size_t)n);
        RpMem_Free(tmp);
        return r;
    }
    RpObject *it = RpObject_GetIter(iterable);
    if (it == NULL)
        return -1;
    RpObject *item;
    while ((item = RpIter_Next(it)) != NULL) {
        int v = byte_value_named(item, what);
        Rp_DECREF(item);
        if (v < 0 || ba_resize(ba, Rp_SIZE(ba) + 1) < 0) {
            Rp_DECREF(it);
            return -1;
        }
        ba->ob_bytes[Rp_SIZE(ba) - 1] = (char)v;
    }
    Rp_DECREF(it);
    return RpErr_Occurred() ? -1 : 0;
}

/* bytes(x) for x not str and not an int count. */
static RpObject *bytes_from_iterable(RpObject *o, const char *what)
{
    RpObject *tmp = RpByteArray_FromStringAndSize(NULL, 0);
    if (tmp == NULL)
        return NULL;
    if (extend_from_iterable((RpByteArrayObject *)tmp, o, what) < 0) {
        Rp_DECREF(tmp);
        return NULL;
    }
    RpObject *r = RpBytes_FromStringAndSize(((RpByteArrayObject *)tmp)->ob_bytes
                                            ? ((RpByteArrayObject *)tmp)->ob_bytes : "",
                                            Rp_SIZE(tmp));
    Rp_DECREF(tmp);
    return r;
}

/* bytes(o) for a buffer or iterable; `what` as for byte_value_named. */
static RpObject *bytes_from_object(RpObject *o, const char *what)
{
    const char *p;
    Rp_ssize_t n;
    if (RpBytes_CheckExact(o))
        return Rp_NewRef(o);
    if (VIEW(o, p, n))
        return RpBytes_FromStringAndSize(p, n);
    if (RpUnicode_Check(o)) {
        RpErr_SetString(RpExc_TypeError, "cannot convert 'str' object to bytes");
        return NULL;
    }
    RpObject *it = RpObject_GetIter(o);
    if (it == NULL) {
        if (RpErr_ExceptionMatches(RpExc_TypeError)) {
            RpErr_Clear();
            RpErr_Format(RpExc_TypeError, "cannot convert '%.200s' object to bytes",
                         Rp_TYPE(o)->tp_name);
        }
        return NULL;
    }
    Rp_DECREF(it);
    return bytes_from_iterable(o, what);
}

RpObject *RpBytes_FromObject(RpObject *o)
{
    return bytes_from_object(o, "bytes");
}

/* Shared argument handling of bytes() and bytearray(): the initial
 * contents as a new bytes object. */
static RpObject *initial_contents(const char *fname, RpObject *args, RpObject *kwds)
{
    static const char *const names[] = {"source", "encoding", "errors"};
    RpObject *v[3] = {NULL, NULL, NULL};
    Rp_ssize_t nargs = RpTuple_GET_SIZE(args);
    if (nargs > 3) {
        RpErr_Format(RpExc_TypeError, "%s() takes at most 3 arguments (%zd given)", fname, nargs);
        return NULL;
    }
    for (Rp_ssize_t i = 0; i < nargs; i++)
        v[i] = RpTuple_GET_ITEM(args, i);
    Rp_ssize_t pos = 0;
    RpObject *k, *val;
    while (kwds != NULL && RpDict_Next(kwds, &pos, &k, &val)) {
        int j = 0;
        while (j < 3 && !(RpUnicode_Check(k) && _RpUnicode_EqualToASCIIString(k, names[j])))
            j++;
        if (j == 3 || v[j] != NULL) {
            RpErr_Format(RpExc_TypeError, "'%U' is an invalid keyword argument for %s()", k, fname);
            return NULL;
        }
        v[j] = val;
    }
    for (int j = 1; j < 3; j++) {
        if (v[j] != NULL && !RpUnicode_Check(v[j])) {
            RpErr_Format(RpExc_TypeError, "%s() argument '%s' must be str, not %.100s", fname,
                         names[j], Rp_TYPE(v[j])->tp_name);
            return NULL;
        }
    }
    if (v[0] == NULL) {
        if (v[1] || v[2]) {
            RpErr_SetString(RpExc_TypeError, v[1] ? "encoding without a string argument"
                                                  : "errors without a string argument");
            return NULL;
        }
        return RpBytes_FromStringAndSize("", 0);
    }
    if (RpUnicode_Check(v[0])) {
        if (v[1] == NULL) {
            RpErr_SetString(RpExc_TypeError, "string argument without an encoding");
            return NULL;
        }
        return RpUnicode_AsEncodedString(v[0], RpUnicode_UTF8(v[1]),
                                         v[2] ? RpUnicode_UTF8(v[2]) : NULL);
    }
    if (v[1] || v[2]) {
        RpErr_SetString(RpExc_TypeError, v[1] ? "encoding without a string argument"
                                              : "errors without a string argument");
        return NULL;
    }
    if (RpIndex_Check(v[0])) {
        Rp_ssize_t n = RpNumber_AsSsize_t(v[0], RpExc_OverflowError);
        if (n == -1 && RpErr_Occurred())
            return NULL;
        if (n < 0) {
            RpErr_SetString(RpExc_ValueError, "negative count");
            return NULL;
        }
        RpObject *r = RpBytes_FromStringAndSize(NULL, n);
        if (r)
            memset(RpBytes_AS_STRING(r), 0, (size_t)n);
        return r;
    }
    RpObject *name = RpUnicode_InternFromString("__bytes__");
    if (name == NULL)
        return NULL;
    RpObject *meth = _RpType_Lookup(Rp_TYPE(v[0]), name);
    Rp_DECREF(name);
    if (meth != NULL) {
        RpObject *r = RpObject_CallMethod0(v[0], "__bytes__");
        if (r != NULL && !RpBytes_Check(r)) {
            RpErr_Format(RpExc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                         Rp_TYPE(r)->tp_name);
            Rp_CLEAR(r);
        }
        return r;
    }
    return bytes_from_object(v[0], strcmp(fname, "bytes") == 0 ? "bytes" : "byte");
}

static RpObject *bytes_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    RpObject *b = initial_contents("bytes", args, kwds);
    if (b == NULL || type == &RpBytes_Type)
        return b;
    RpObject *r = type->tp_alloc(type, Rp_SIZE(b));
    if (r != NULL) {
        memcpy(RpBytes_AS_STRING(r), RpBytes_AS_STRING(b), (size_t)Rp_SIZE(b) + 1);
        ((RpBytesObject *)r)->ob_shash = -1;
    }
    Rp_DECREF(b);
    return r;
}

static RpObject *bytearray_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    if (type == &RpByteArray_Type)
        return RpByteArray_FromStringAndSize(NULL, 0);
    RpObject *o = type->tp_alloc(type, 0);
    if (o != NULL) {
        RpByteArrayObject *ba = (RpByteArrayObject *)o;
        Rp_SET_SIZE(ba, 0);
        ba->ob_alloc = 0;
        ba->ob_bytes = NULL;
        ba->ob_exports = 0;
    }
    return o;
}

static int bytearray_init(RpObject *self, RpObject *args, RpObject *kwds)
{
    RpObject *b = initial_contents("bytearray", args, kwds);
    if (b == NULL)
        return -1;
    RpByteArrayObject *ba = (RpByteArrayObject *)self;
    int r = ba_resize(ba, Rp_SIZE(b));
    if (r == 0 && Rp_SIZE(b))
        memcpy(ba->ob_bytes, RpBytes_AS_STRING(b), (size_t)Rp_SIZE(b));
    Rp_DECREF(b);
    return r;
}

/* ==== repr, hash, compare ===================================================== */

static int bytes_repr_into(RpStrBuf *sb, const char *p, Rp_ssize_t n, int smartquotes)
{
    char quote = '\'';
    if (smartquotes && memchr(p, '\'', (size_t)n) && !memchr(p, '"', (size_t)n))
        quote = '"';
    RpStrBuf_AppendChar(sb, 'b');
    RpStrBuf_AppendChar(sb, quote);
    for (Rp_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        char tmp[8];
        if (c == quote || c == '\\') {
            tmp[0] = '\\';
            tmp[1] = (char)c;
            tmp[2] = 0;
        } else if (c == '\t')
            strcpy(tmp, "\\t");
        else if (c == '\n')
            strcpy(tmp, "\\n");
        else if (c == '\r')
            strcpy(tmp, "\\r");
        else if (c < 0x20 || c >= 0x7F)
            snprintf(tmp, sizeof tmp, "\\x%02x", c);
        else {
            tmp[0] = (char)c;
            tmp[1] = 0;
        }
        RpStrBuf_AppendStr(sb, tmp);
    }
    return RpStrBuf_AppendChar(sb, quote);
}

RpObject *RpBytes_Repr(RpObject *b, int smartquotes)
{
    RpStrBuf sb;
    RpStrBuf_Init(&sb);
    bytes_repr_into(&sb, RpBytes_AS_STRING(b), Rp_SIZE(b), smartquotes);
    return RpStrBuf_Finish(&sb);
}

static RpObject *bytes_repr(RpObject *b)
{
    return RpBytes_Repr(b, 1);
}

static RpObject *bytearray_repr(RpObject *self)
{
    const char *p;
    Rp_ssize_t n;
    VIEW(self, p, n);
    RpStrBuf sb;
    RpStrBuf_Init(&sb);
    RpStrBuf_AppendStr(&sb, _RpType_Name(Rp_TYPE(self)));
    RpStrBuf_AppendChar(&sb, '(');
    bytes_repr_into(&sb, p, n, 1);
    RpStrBuf_AppendChar(&sb, ')');
    return RpStrBuf_Finish(&sb);
}

static RpObject *bytes_str(RpObject *self)
{
    return RpObject_Repr(self);
}

static Rp_hash_t bytes_hash(RpObject *o)
{
    RpBytesObject *b = (RpBytesObject *)o;
    if (b->ob_shash == -1)
        b->ob_shash = _Rp_HashBytes(b->ob_sval, Rp_SIZE(b));
    return b->ob_shash;
}

static RpObject *bytes_richcompare(RpObject *a, RpObject *b, int op)
{
    const char *p, *q;
    Rp_ssize_t n, m;
    if (!VIEW(a, p, n) || !VIEW(b, q, m))
        Rp_RETURN_NOTIMPLEMENTED;
    /* bytes compares only with bytes; bytearray with any buffer (an array) */
    if (!RpByteArray_Check(a) && !RpByteArray_Check(b) && (!RpBytes_Check(a) || !RpBytes_Check(b)))
        Rp_RETURN_NOTIMPLEMENTED;
    int c = memcmp(p, q, (size_t)(n < m ? n : m));
    if (c == 0)
        c = n < m ? -1 : n > m ? 1 : 0;
    int r;
    switch (op) {
    case Rp_LT: r = c < 0; break;
    case Rp_LE: r = c <= 0; break;
    case Rp_EQ: r = c == 0; break;
    case Rp_NE: r = c != 0; break;
    case Rp_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return RpBool_FromLong(r);
}

/* ==== sequence protocol ============================================================ */

static Rp_ssize_t bytes_length(RpObject *o)
{
    return Rp_SIZE(o);
}

static RpObject *concat_any(RpObject *a, RpObject *b)
{
    const char *p, *q;
    Rp_ssize_t n, m;
    if (!VIEW(a, p, n) || !VIEW(b, q, m)) {
        RpErr_Format(RpExc_TypeError, "can't concat %.100s to %.100s", Rp_TYPE(b)->tp_name,
                     Rp_TYPE(a)->tp_name);
        return NULL;
    }
    RpObject *r = make_like(a, NULL, n + m);
    if (r == NULL)
        return NULL;
    char *d = wbuf(r);
    memcpy(d, p, (size_t)n);
    memcpy(d + n, q, (size_t)m);
    return r;
}

static RpObject *repeat_any(RpObject *a, Rp_ssize_t count)
{
    const char *p;
    Rp_ssize_t n;
    VIEW(a, p, n);
    if (count < 0)
        count = 0;
    if (n && count > PTRDIFF_MAX / 4 / n) {
        RpErr_NoMemory();
        return NULL;
    }
    RpObject *r = make_like(a, NULL, n * count);
    if (r == NULL)
        return NULL;
    char *d = wbuf(r);
    for (Rp_ssize_t i = 0; i < count; i++)
        memcpy(d + i * n, p, (size_t)n);
    return r;
}

static RpObject *item_any(RpObject *a, Rp_ssize_t i)
{
    const char *p;
    Rp_ssize_t n;
    VIEW(a, p, n);
    if (i < 0 || i >= n) {
        RpErr_SetString(RpExc_IndexError, RpByteArray_Check(a) ? "bytearray index out of range"
                                                               : "index out of range");
        return NULL;
    }
    return RpLong_FromLong((unsigned char)p[i]);
}

static Rp_ssize_t find_bytes(const char *p, Rp_ssize_t n, const char *q, Rp_ssize_t m, int dir)
{
    if (m > n)
        return -1;
    if (dir > 0) {
        if (m == 0)
            return 0;
        const char *hit = memmem(p, (size_t)n, q, (size_t)m);
        return hit ? hit - p : -1;
    }
    for (Rp_ssize_t i = n - m; i >= 0; i--)
        if (memcmp(p + i, q, (size_t)m) == 0)
            return i;
    return -1;
}

/* The needle of `in`/find/count: bytes-like or an int byte. */
static int needle(RpObject *o, char *one, const char **q, Rp_ssize_t *m)
{
    if (VIEW(o, *q, *m))
        return 0;
    if (RpIndex_Check(o)) {
        int v = byte_value(o);
        if (v < 0)
            return -1;
        *one = (char)v;
        *q = one;
        *m = 1;
        return 0;
    }
    RpErr_Format(RpExc_TypeError, "argument should be integer or bytes-like object, not '%.200s'",
                 Rp_TYPE(o)->tp_name);
    return -1;
}

static int contains_any(RpObject *self, RpObject *arg)
{
    const char *p, *q;
    Rp_ssize_t n, m;
    char one;
    VIEW(self, p, n);
    if (!RpIndex_Check(arg) && !VIEW(arg, q, m)) {
        RpErr_Format(RpExc_TypeError, "a bytes-like object is required, not '%.100s'",
                     Rp_TYPE(arg)->tp_name);
        return -1;
    }
    if (needle(arg, &one, &q, &m) < 0)
        return -1;
    return find_bytes(p, n, q, m, 1) >= 0;
}

static RpObject *subscript_any(RpObject *self, RpObject *key)
{
    const char *p;
    Rp_ssize_t n;
    VIEW(self, p, n);
    if (RpIndex_Check(key)) {
        Rp_ssize_t i = RpNumber_AsSsize_t(key, RpExc_IndexError);
        if (i == -1 && RpErr_Occurred())
            return NULL;
        return item_any(self, i < 0 ? i + n : i);
    }
    if (RpSlice_Check(key)) {
        Rp_ssize_t start, stop, step;
        if (RpSlice_Unpack(key, &start, &stop, &step) < 0)
            return NULL;
        Rp_ssize_t len = RpSlice_AdjustIndices(n, &start, &stop, step);
        if (step == 1)
            return make_like(self, p + start, len);
        RpObject *r = make_like(self, NULL, len);
        if (r == NULL)
            return NULL;
        char *d = wbuf(r);
        for (Rp_ssize_t k = 0; k < len; k++)
            d[k] = p[start + k * step];
        return r;
    }
    RpErr_Format(RpExc_TypeError, "%s indices must be integers or slices, not %.200s",
                 RpByteArray_Check(self) ? "bytearray" : "byte", Rp_TYPE(key)->tp_name);
    return NULL;
}

static RpObject *bytes_mod(RpObject *a, RpObject *b)
{
    if (!RpBytes_Check(a) && !RpByteArray_Check(a))
        Rp_RETURN_NOTIMPLEMENTED;
    return _RpBytes_Format(a, b);
}

/* ==== bytearray mutation ============================================================= */

static int ba_ass_item(RpObject *self, Rp_ssize_t i, RpObject *v)
{
    RpByteArrayObject *ba = (RpByteArrayObject *)self;
    Rp_ssize_t n = Rp_SIZE(self);
    if (i < 0 || i >= n) {
        RpErr_SetString(RpExc_IndexError, "bytearray index out of range");
        return -1;
    }
    if (v == NULL) {
        memmove(ba->ob_bytes + i, ba->ob_bytes + i + 1, (size_t)(n - i - 1));
        return ba_resize(ba, n - 1);
    }
    int b = byte_value(v);
    if (b < 0)
        return -1;
    ba->ob_bytes[i] = (char)b;
    return 0;
}

/* Replace [lo, hi) by q[0..m). */
static int ba_replace_range(RpByteArrayObject *ba, Rp_ssize_t lo, Rp_ssize_t hi,
                            const char *q, Rp_ssize_t m)
{
    Rp_ssize_t n = Rp_SIZE(ba), newn = n - (hi - lo) + m;
    char *copy = NULL;
    if (m) {
        copy = RpMem_Malloc((size_t)m);   /* q may alias our buffer */
        if (copy == NULL) {
            RpErr_NoMemory();
            return -1;
        }
        memcpy(copy, q, (size_t)m);
    }
    if (newn > n && ba_reserve(ba, newn) < 0) {
        RpMem_Free(copy);
        return -1;
    }
    if (ba->ob_bytes)
        memmove(ba->ob_bytes + lo + m, ba->ob_bytes + hi, (size_t)(n - hi));
    if (m)
        memcpy(ba->ob_bytes + lo, copy, (size_t)m);
    RpMem_Free(copy);
    return ba_resize(ba, newn);
}

static int ba_ass_slice(RpByteArrayObject *ba, RpObject *key, RpObject *v)
{
    Rp_ssize_t start, stop, step, n = Rp_SIZE(ba);
    if (RpSlice_Unpack(key, &start, &stop, &step) < 0)
        return -1;
    Rp_ssize_t len = RpSlice_AdjustIndices(n, &start, &stop, step);
    RpObject *src = NULL;
    const char *q = "";
    Rp_ssize_t m = 0;
    if (v != NULL) {
        if (RpUnicode_Check(v)) {
            RpErr_SetString(RpExc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return -1;
        }
        src = RpIndex_Check(v) ? NULL : bytes_from_object(v, "byte");
        if (src == NULL) {
            if (!RpErr_Occurred())
                RpErr_SetString(RpExc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return -1;
        }
        q = RpBytes_AS_STRING(src);
        m = Rp_SIZE(src);
    }
    int r = 0;
    if (step == 1)
        r = ba_replace_range(ba, start, stop < start ? start : stop, q, m);
    else if (v == NULL) {
        /* Delete every step-th byte: compact in one pass. */
        if (step < 0) {
            start = start + step * (len - 1);
            step = -step;
        }
        Rp_ssize_t w = start, k = 0;
        for (Rp_ssize_t i = start; i < n; i++) {
            if (k < len && i == start + k * step) {
                k++;
                continue;
            }
            ba->ob_bytes[w++] = ba->ob_bytes[i];
        }
        r = ba_resize(ba, w);
    } else if (m != len) {
        RpErr_Format(RpExc_ValueError,
                     "attempt to assign bytes of size %zd to extended slice of size %zd", m, len);
        r = -1;
    } else {
        for (Rp_ssize_t k = 0; k < len; k++)
            ba->ob_bytes[start + k * step] = q[k];
    }
    Rp_XDECREF(src);
    return r;
}

static int ba_ass_subscript(RpObject *self, RpObject *key, RpObject *v)
{
    if (RpIndex_Check(key)) {
        Rp_ssize_t i = RpNumber_AsSsize_t(key, RpExc_IndexError);
        if (i == -1 && RpErr_Occurred())
            return -1;
        return ba_ass_item(self, i < 0 ? i + Rp_SIZE(self) : i, v);
    }
    if (RpSlice_Check(key))
        return ba_ass_slice((RpByteArrayObject *)self, key, v);
    RpErr_Format(RpExc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                 Rp_TYPE(key)->tp_name);
    return -1;
}

static RpObject *ba_inplace_concat(RpObject *self, RpObject *other)
{
    const char *q;
    Rp_ssize_t m;
    if (!VIEW(other, q, m)) {
        RpErr_Format(RpExc_TypeError, "can't concat %.100s to %.100s", Rp_TYPE(other)->tp_name,
                     Rp_TYPE(self)->tp_name);
        return NULL;
    }
    Rp_ssize_t n = Rp_SIZE(self);
    if (ba_replace_range((RpByteArrayObject *)self, n, n, q, m) < 0)
        return NULL;
    return Rp_NewRef(self);
}

static RpObject *ba_inplace_repeat(RpObject *self, Rp_ssize_t count)
{
    RpObject *r = repeat_any(self, count);
    if (r == NULL)
        return NULL;
    RpByteArrayObject *ba = (RpByteArrayObject *)self, *rb = (RpByteArrayObject *)r;
    /* Swap buffers: self takes the repeated contents. */
    char *tb = ba->ob_bytes;
    Rp_ssize_t ta = ba->ob_alloc, ts = Rp_SIZE(ba);
    ba->ob_bytes = rb->ob_bytes;
    ba->ob_alloc = rb->ob_alloc;
    Rp_SET_SIZE(ba, Rp_SIZE(rb));
    rb->ob_bytes = tb;
    rb->ob_alloc = ta;
    Rp_SET_SIZE(rb, ts);
    Rp_DECREF(r);
    return Rp_NewRef(self);
}

static void bytearray_dealloc(RpObject *self)
{
    RpMem_Free(((RpByteArrayObject *)self)->ob_bytes);
    Rp_TYPE(self)->tp_free(self);
}

static void bytes_dealloc(RpObject *self)
{
    Rp_TYPE(self)->tp_free(self);
}

/* ==== methods shared by bytes and bytearray ========================================== */

#define SELF_VIEW const char *p; Rp_ssize_t n; VIEW(self, p, n)

static RpObject *m_decode(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                          RpObject *kwnames)
{
    static const char *const names[] = {"encoding", "errors"};
    RpObject *out[2] = {NULL, NULL};
    if (_RpArg_ParseVector("decode", args, nargs, kwnames, names, 2, 0, out) < 0)
        return NULL;
    for (int i = 0; i < 2; i++) {
        if (out[i] && !RpUnicode_Check(out[i])) {
            RpErr_Format(RpExc_TypeError, "decode() argument '%s' must be str, not %.100s",
                         names[i], Rp_TYPE(out[i])->tp_name);
            return NULL;
        }
    }
    SELF_VIEW;
    return _RpUnicode_Decode(p, n, out[0] ? RpUnicode_UTF8(out[0]) : NULL,
                             out[1] ? RpUnicode_UTF8(out[1]) : NULL);
}

static RpObject *m_hex(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    static const char digits[] = "0123456789abcdef";
    if (!_RpArg_CheckPositional("hex", nargs, 0, 1))
        return NULL;
    const char *sep = NULL;
    Rp_ssize_t seplen = 0;
    if (nargs == 1) {
        if (RpUnicode_Check(args[0])) {
            sep = RpUnicode_UTF8(args[0]);
            seplen = RpUnicode_UTF8_SIZE(args[0]);
        } else if (!_RpBytes_View(args[0], &sep, &seplen)) {
            RpErr_SetString(RpExc_TypeError, "sep must be str or bytes.");
            return NULL;
        }
        if (seplen != 1) {
            RpErr_SetString(RpExc_ValueError, "sep must be length 1.");
            return NULL;
        }
    }
    SELF_VIEW;
    RpStrBuf b;
    RpStrBuf_Init(&b);
    for (Rp_ssize_t i = 0; i < n; i++) {
        if (i && sep)
            RpStrBuf_AppendChar(&b, sep[0]);
        RpStrBuf_AppendChar(&b, digits[(unsigned char)p[i] >> 4]);
        RpStrBuf_AppendChar(&b, digits[(unsigned char)p[i] & 15]);
    }
    return RpStrBuf_Finish(&b);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 32);
    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

static RpObject *m_fromhex(RpObject *cls, RpObject *arg)
{
    if (!RpUnicode_Check(arg)) {
        RpErr_Format(RpExc_TypeError, "fromhex() argument must be str, not %.100s",
                     Rp_TYPE(arg)->tp_name);
        return NULL;
    }
    const char *s = RpUnicode_UTF8(arg);
    Rp_ssize_t n = RpUnicode_UTF8_SIZE(arg), i = 0;
    RpStrBuf b;
    RpStrBuf_Init(&b);
    while (i < n) {
        if (s[i] == ' ' || (s[i] >= 9 && s[i] <= 13)) {
            i++;
            continue;
        }
        int hi = hexval(s[i]), lo = i + 1 < n ? hexval(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            RpStrBuf_Discard(&b);
            RpErr_Format(RpExc_ValueError,
                         "non-hexadecimal number found in fromhex() arg at position %zd",
                         hi < 0 ? i : i + 1);
            return NULL;
        }
        RpStrBuf_AppendChar(&b, (char)(hi * 16 + lo));
        i += 2;
    }
    RpObject *r = (RpTypeObject *)cls == &RpByteArray_Type
        ? RpByteArray_FromStringAndSize(b.buf, b.len)
        : RpBytes_FromStringAndSize(b.buf ? b.buf : "", b.len);
    RpStrBuf_Discard(&b);
    if (r != NULL && (RpTypeObject *)cls != &RpBytes_Type
        && (RpTypeObject *)cls != &RpByteArray_Type)
        Rp_SETREF(r, RpObject_CallOneArg(cls, r));
    return r;
}

static int slice_arg(RpObject *o, Rp_ssize_t *out)
{
    if (o == NULL || o == Rp_None)
        return 0;
    if (!RpIndex_Check(o)) {
        RpErr_SetString(RpExc_TypeError,
                        "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    *out = RpNumber_AsSsize_t(o, NULL);
    return (*out == -1 && RpErr_Occurred()) ? -1 : 0;
}

/* Parse (sub[, start[, end]]) and clamp the range to [*a, *b). */
static int sub_range(const char *name, RpObject *const *args, Rp_ssize_t nargs, Rp_ssize_t n,
                     Rp_ssize_t *a, Rp_ssize_t *b)
{
    if (!_RpArg_CheckPositional(name, nargs, 1, 3))
        return -1;
    *a = 0;
    *b = NO_LIMIT;
    if ((nargs > 1 && slice_arg(args[1], a) < 0) || (nargs > 2 && slice_arg(args[2], b) < 0))
        return -1;
    if (*b > n)
        *b = n;
    else if (*b < 0 && (*b += n) < 0)
        *b = 0;
    if (*a < 0 && (*a += n) < 0)
        *a = 0;
    return 0;
}

static RpObject *find_common(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                             const char *name, int dir, int raise)
{
    SELF_VIEW;
    Rp_ssize_t a, b, m;
    const char *q;
    char one;
    if (sub_range(name, args, nargs, n, &a, &b) < 0 || needle(args[0], &one, &q, &m) < 0)
        return NULL;
    Rp_ssize_t r = a > n || b - a < m ? -1 : find_bytes(p + a, b - a, q, m, dir);
    if (r >= 0)
        r += a;
    if (r < 0 && raise) {
        RpErr_SetString(RpExc_ValueError, "subsection not found");
        return NULL;
    }
    if (r < 0 && dir < 0 && m == 0 && a <= n && b >= a)
        r = b;
    return RpLong_FromSsize_t(r);
}

static RpObject *m_find(RpObject *s, RpObject *const *a, Rp_ssize_t n) { return find_common(s, a, n, "find", 1, 0); }
static RpObject *m_rfind(RpObject *s, RpObject *const *a, Rp_ssize_t n) { return find_common(s, a, n, "rfind", -1, 0); }
static RpObject *m_index(RpObject *s, RpObject *const *a, Rp_ssize_t n) { return find_common(s, a, n, "index", 1, 1); }
static RpObject *m_rindex(RpObject *s, RpObject *const *a, Rp_ssize_t n) { return find_common(s, a, n, "rindex", -1, 1); }

static Rp_ssize_t count_in(const char *p, Rp_ssize_t n, const char *q, Rp_ssize_t m, Rp_ssize_t max)
{
    Rp_ssize_t c = 0, i = 0;
    if (m == 0)
        return n + 1 < max ? n + 1 : max;
    while (c < max && i + m <= n) {
        const char *hit = memmem(p + i, (size_t)(n - i), q, (size_t)m);
        if (hit == NULL)
            break;
        c++;
        i = hit - p + m;
    }
    return c;
}

static RpObject *m_count(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    SELF_VIEW;
    Rp_ssize_t a, b, m;
    const char *q;
    char one;
    if (sub_range("count", args, nargs, n, &a, &b) < 0 || needle(args[0], &one, &q, &m) < 0)
        return NULL;
    if (a > n || b < a)
        return RpLong_FromLong(0);
    return RpLong_FromSsize_t(count_in(p + a, b - a, q, m, NO_LIMIT));
}

static RpObject *xwith_common(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                              const char *name, int end)
{
    SELF_VIEW;
    Rp_ssize_t a, b;
    if (sub_range(name, args, nargs, n, &a, &b) < 0)
        return NULL;
    RpObject *sub = args[0];
    Rp_ssize_t count = RpTuple_Check(sub) ? RpTuple_GET_SIZE(sub) : 1;
    for (Rp_ssize_t i = 0; i < count; i++) {
        RpObject *item = RpTuple_Check(sub) ? RpTuple_GET_ITEM(sub, i) : sub;
        const char *q;
        Rp_ssize_t m;
        if (!VIEW(item, q, m)) {
            if (RpTuple_Check(sub))
                RpErr_Format(RpExc_TypeError, "a bytes-like object is required, not '%.100s'",
                             Rp_TYPE(item)->tp_name);
            else
                RpErr_Format(RpExc_TypeError,
                             "%s first arg must be bytes or a tuple of bytes, not %.100s", name,
                             Rp_TYPE(item)->tp_name);
            return NULL;
        }
        if (a <= n && b - a >= m && memcmp(p + (end ? b - m : a), q, (size_t)m) == 0)
            Rp_RETURN_TRUE;
    }
    Rp_RETURN_FALSE;
}

static RpObject *m_startswith(RpObject *s, RpObject *const *a, Rp_ssize_t n) { return xwith_common(s, a, n, "startswith", 0); }
static RpObject *m_endswith(RpObject *s, RpObject *const *a, Rp_ssize_t n) { return xwith_common(s, a, n, "endswith", 1); }

static RpObject *m_replace(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    SELF_VIEW;
    const char *o, *w;
    Rp_ssize_t on, wn, count = -1;
    if (!_RpArg_CheckPositional("replace", nargs, 2, 3) || need_bytes(args[0], &o, &on) < 0
        || need_bytes(args[1], &w, &wn) < 0)
        return NULL;
    if (nargs == 3) {
        if (slice_arg(args[2], &count) < 0)
            return NULL;
    }
    if (count < 0)
        count = NO_LIMIT;
    RpStrBuf b;
    RpStrBuf_Init(&b);
    Rp_ssize_t i = 0;
    if (on == 0) {
        for (; i <= n; i++) {
            if (count > 0) {
                RpStrBuf_Append(&b, w, wn);
                count--;
            }
            if (i < n)
                RpStrBuf_AppendChar(&b, p[i]);
        }
    } else {
        while (count-- > 0) {
            Rp_ssize_t at = i + on <= n ? find_bytes(p + i, n - i, o, on, 1) : -1;
            if (at < 0)
                break;
            RpStrBuf_Append(&b, p + i, at);
            RpStrBuf_Append(&b, w, wn);
            i += at + on;
        }
        RpStrBuf_Append(&b, p + i, n - i);
    }
    RpObject *r = b.error ? NULL : make_like(self, b.buf ? b.buf : "", b.len);
    RpStrBuf_Discard(&b);
    return r;
}

static int is_ws(unsigned char c)
{
    return c == ' ' || (c >= 9 && c <= 13);
}

static int append_like(RpObject *list, RpObject *self, const char *p, Rp_ssize_t n)
{
    RpObject *x = make_like(self, p, n);
    if (x == NULL)
        return -1;
    int r = RpList_Append(list, x);
    Rp_DECREF(x);
    return r;
}

static RpObject *split_common(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                              RpObject *kwnames, const char *name, int rev)
{
    static const char *const names[] = {"sep", "maxsplit"};
    RpObject *out[2] = {NULL, NULL};
    if (_RpArg_ParseVector(name, args, nargs, kwnames, names, 2, 0, out) < 0)
        return NULL;
    Rp_ssize_t maxsplit = -1;
    if (out[1] && slice_arg(out[1], &maxsplit) < 0)
        return NULL;
    if (maxsplit < 0)
        maxsplit = NO_LIMIT;
    const char *q = NULL;
    Rp_ssize_t m = 0;
    if (out[0] && out[0] != Rp_None) {
        if (need_bytes(out[0], &q, &m) < 0)
            return NULL;
        if (m == 0) {
            RpErr_SetString(RpExc_ValueError, "empty separator");
            return NULL;
        }
    }
    SELF_VIEW;
    RpObject *list = RpList_New(0);
    if (list == NULL)
        return NULL;
    if (q == NULL) {
        /* Whitespace runs separate; ends are trimmed. */
        Rp_ssize_t i = rev ? n : 0;
        while (1) {
            if (!rev) {
                while (i < n && is_ws((unsigned char)p[i]))
                    i++;
                if (i >= n)
                    break;
                Rp_ssize_t j = i;
                if (maxsplit-- == 0)
                    j = n;   /* the rest, trailing whitespace kept */
                else
                    while (j < n && !is_ws((unsigned char)p[j]))
                        j++;
                if (append_like(list, self, p + i, j - i) < 0)
                    goto error;
                i = j;
            } else {
                while (i > 0 && is_ws((unsigned char)p[i - 1]))
                    i--;
                if (i <= 0)
                    break;
                Rp_ssize_t j = i;
                if (maxsplit-- == 0)
                    j = 0;   /* the rest, leading whitespace kept */
                else
                    while (j > 0 && !is_ws((unsigned char)p[j - 1]))
                        j--;
                if (append_like(list, self, p + j, i - j) < 0)
                    goto error;
                i = j;
            }
        }
    } else if (!rev) {
        Rp_ssize_t i = 0, at;
        while (maxsplit-- > 0 && (at = find_bytes(p + i, n - i, q, m, 1)) >= 0) {
            if (append_like(list, self, p + i, at) < 0)
                goto error;
            i += at + m;
        }
        if (append_like(list, self, p + i, n - i) < 0)
            goto error;
    } else {
        Rp_ssize_t e = n, at;
        while (maxsplit-- > 0 && (at = find_bytes(p, e, q, m, -1)) >= 0) {
            if (append_like(list, self, p + at + m, e - at - m) < 0)
                goto error;
            e = at;
        }
        if (append_like(list, self, p, e) < 0)
            goto error;
    }
    if (rev && RpList_Reverse(list) < 0)
        goto error;
    return list;
error:
    Rp_DECREF(list);
    return NULL;
}

static RpObject *m_split(RpObject *s, RpObject *const *a, Rp_ssize_t n, RpObject *k) { return split_common(s, a, n, k, "split", 0); }
static RpObject *m_rsplit(RpObject *s, RpObject *const *a, Rp_ssize_t n, RpObject *k) { return split_common(s, a, n, k, "rsplit", 1); }

static RpObject *m_join(RpObject *self, RpObject *iterable)
{
    SELF_VIEW;
    RpObject *seq = RpSequence_Fast(iterable, "can only join an iterable");
    if (seq == NULL)
        return NULL;
    Rp_ssize_t cnt = RpSequence_Fast_GET_SIZE(seq);
    RpObject **items = RpSequence_Fast_ITEMS(seq);
    RpStrBuf b;
    RpStrBuf_Init(&b);
    RpObject *r = NULL;
    for (Rp_ssize_t i = 0; i < cnt; i++) {
        const char *q;
        Rp_ssize_t m;
        if (!VIEW(items[i], q, m)) {
            RpErr_Format(RpExc_TypeError,
                         "sequence item %zd: expected a bytes-like object, %.80s found", i,
                         Rp_TYPE(items[i])->tp_name);
            goto done;
        }
        if (i)
            RpStrBuf_Append(&b, p, n);
        RpStrBuf_Append(&b, q, m);
    }
    if (!b.error)
        r = make_like(self, b.buf ? b.buf : "", b.len);
done:
    RpStrBuf_Discard(&b);
    Rp_DECREF(seq);
    return r;
}

static RpObject *strip_common(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                              const char *name, int left, int right)
{
    if (!_RpArg_CheckPositional(name, nargs, 0, 1))
        return NULL;
    const char *chars = NULL;
    Rp_ssize_t cn = 0;
    if (nargs && args[0] != Rp_None && need_bytes(args[0], &chars, &cn) < 0)
        return NULL;
    SELF_VIEW;
    Rp_ssize_t a = 0, b = n;
#define STRIPPABLE(c) (chars ? memchr(chars, (c), (size_t)cn) != NULL : is_ws((unsigned char)(c)))
    while (left && a < b && STRIPPABLE(p[a]))
        a++;
    while (right && b > a && STRIPPABLE(p[b - 1]))
        b--;
#undef STRIPPABLE
    return make_like(self, p + a, b - a);
}

static RpObject *m_strip(RpObject *s, RpObject *const *a, Rp_ssize_t n) { return strip_common(s, a, n, "strip", 1, 1); }
static RpObject *m_lstrip(RpObject *s, RpObject *const *a, Rp_ssize_t n) { return strip_common(s, a, n, "lstrip", 1, 0); }
static RpObject *m_rstrip(RpObject *s, RpObject *const *a, Rp_ssize_t n) { return strip_common(s, a, n, "rstrip", 0, 1); }

enum { B_UPPER, B_LOWER, B_SWAP, B_TITLE, B_CAP };

static RpObject *case_common(RpObject *self, int mode)
{
    SELF_VIEW;
    RpObject *r = make_like(self, p, n);
    if (r == NULL)
        return NULL;
    char *d = wbuf(r);
    int prev_cased = 0;
    for (Rp_ssize_t i = 0; i < n; i++) {
        char c = d[i];
        int up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        int to_up = mode == B_UPPER || (mode == B_SWAP && lo)
                    || (mode == B_TITLE && !prev_cased) || (mode == B_CAP && i == 0);
        if (to_up && lo)
            d[i] = (char)(c - 32);
        else if (!to_up && up && mode != B_UPPER)
            d[i] = (char)(c + 32);
        prev_cased = up || lo;
    }
    return r;
}

static RpObject *m_upper(RpObject *s, RpObject *u) { return case_common(s, B_UPPER); }
static RpObject *m_lower(RpObject *s, RpObject *u) { return case_common(s, B_LOWER); }
static RpObject *m_swapcase(RpObject *s, RpObject *u) { return case_common(s, B_SWAP); }
static RpObject *m_title(RpObject *s, RpObject *u) { return case_common(s, B_TITLE); }
static RpObject *m_capitalize(RpObject *s, RpObject *u) { return case_common(s, B_CAP); }

static int c_digit(int c) { return c >= '0' && c <= '9'; }
static int c_alpha(int c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static int c_alnum(int c) { return c_digit(c) || c_alpha(c); }
static int c_space(int c) { return is_ws((unsigned char)c); }

static RpObject *all_of(RpObject *self, int (*pred)(int))
{
    SELF_VIEW;
    if (n == 0)
        Rp_RETURN_FALSE;
    for (Rp_ssize_t i = 0; i < n; i++)
        if (!pred((unsigned char)p[i]))
            Rp_RETURN_FALSE;
    Rp_RETURN_TRUE;
}

static RpObject *m_isdigit(RpObject *s, RpObject *u) { return all_of(s, c_digit); }
static RpObject *m_isalpha(RpObject *s, RpObject *u) { return all_of(s, c_alpha); }
static RpObject *m_isalnum(RpObject *s, RpObject *u) { return all_of(s, c_alnum); }
static RpObject *m_isspace(RpObject *s, RpObject *u) { return all_of(s, c_space); }

static RpObject *m_isascii(RpObject *self, RpObject *u)
{
    SELF_VIEW;
    for (Rp_ssize_t i = 0; i < n; i++)
        if ((unsigned char)p[i] >= 128)
            Rp_RETURN_FALSE;
    Rp_RETURN_TRUE;
}

static RpObject *case_check(RpObject *self, int want_upper)
{
    SELF_VIEW;
    int cased = 0;
    for (Rp_ssize_t i = 0; i < n; i++) {
        int up = p[i] >= 'A' && p[i] <= 'Z', lo = p[i] >= 'a' && p[i] <= 'z';
        if (want_upper ? lo : up)
            Rp_RETURN_FALSE;
        cased |= want_upper ? up : lo;
    }
    return RpBool_FromLong(cased);
}

static RpObject *m_isupper(RpObject *s, RpObject *u) { return case_check(s, 1); }
static RpObject *m_islower(RpObject *s, RpObject *u) { return case_check(s, 0); }

static RpObject *m_istitle(RpObject *self, RpObject *u)
{
    SELF_VIEW;
    int cased = 0, prev = 0;
    for (Rp_ssize_t i = 0; i < n; i++) {
        int up = p[i] >= 'A' && p[i] <= 'Z', lo = p[i] >= 'a' && p[i] <= 'z';
        if ((up && prev) || (lo && !prev))
            Rp_RETURN_FALSE;
        prev = up || lo;
        cased |= prev;
    }
    return RpBool_FromLong(cased);
}

static RpObject *partition_common(RpObject *self, RpObject *sep, int rev)
{
    SELF_VIEW;
    const char *q;
    Rp_ssize_t m;
    if (need_bytes(sep, &q, &m) < 0)
        return NULL;
    if (m == 0) {
        RpErr_SetString(RpExc_ValueError, "empty separator");
        return NULL;
    }
    Rp_ssize_t at = find_bytes(p, n, q, m, rev ? -1 : 1);
    RpObject *a, *b, *c;
    if (at < 0) {
        a = make_like(self, rev ? "" : p, rev ? 0 : n);
        b = make_like(self, "", 0);
        c = make_like(self, rev ? p : "", rev ? n : 0);
    } else {
        a = make_like(self, p, at);
        b = make_like(self, q, m);
        c = make_like(self, p + at + m, n - at - m);
    }
    RpObject *t = (a && b && c) ? RpTuple_Pack(3, a, b, c) : NULL;
    Rp_XDECREF(a);
    Rp_XDECREF(b);
    Rp_XDECREF(c);
    return t;
}

static RpObject *m_partition(RpObject *s, RpObject *a) { return partition_common(s, a, 0); }
static RpObject *m_rpartition(RpObject *s, RpObject *a) { return partition_common(s, a, 1); }

static RpObject *pad_common(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                            const char *name, int mode)
{
    if (!_RpArg_CheckPositional(name, nargs, 1, 2))
        return NULL;
    Rp_ssize_t width = 0;
    if (!RpIndex_Check(args[0])) {
        RpErr_Format(RpExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Rp_TYPE(args[0])->tp_name);
        return NULL;
    }
    if (slice_arg(args[0], &width) < 0)
        return NULL;
    char fill = ' ';
    if (nargs == 2) {
        const char *f;
        Rp_ssize_t fn;
        if (!VIEW(args[1], f, fn) || fn != 1) {
            RpErr_Format(RpExc_TypeError,
                         "%s() argument 2 must be a byte string of length 1, not %.100s", name,
                         Rp_TYPE(args[1])->tp_name);
            return NULL;
        }
        fill = f[0];
    }
    SELF_VIEW;
    Rp_ssize_t marg = width - n;
    if (marg <= 0)
        return make_like(self, p, n);
    Rp_ssize_t left = mode == 0 ? marg / 2 + (marg & width & 1) : mode == 1 ? 0 : marg;
    RpObject *r = make_like(self, NULL, width);
    if (r == NULL)
        return NULL;
    char *d = wbuf(r);
    memset(d, fill, (size_t)width);
    memcpy(d + left, p, (size_t)n);
    return r;
}

static RpObject *m_center(RpObject *s, RpObject *const *a, Rp_ssize_t n) { return pad_common(s, a, n, "center", 0); }
static RpObject *m_ljust(RpObject *s, RpObject *const *a, Rp_ssize_t n) { return pad_common(s, a, n, "ljust", 1); }
static RpObject *m_rjust(RpObject *s, RpObject *const *a, Rp_ssize_t n) { return pad_common(s, a, n, "rjust", 2); }

static RpObject *m_zfill(RpObject *self, RpObject *arg)
{
    Rp_ssize_t width = 0;
    if (!RpIndex_Check(arg)) {
        RpErr_Format(RpExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Rp_TYPE(arg)->tp_name);
        return NULL;
    }
    if (slice_arg(arg, &width) < 0)
        return NULL;
    SELF_VIEW;
    if (width <= n)
        return make_like(self, p, n);
    RpObject *r = make_like(self, NULL, width);
    if (r == NULL)
        return NULL;
    char *d = wbuf(r);
    memset(d, '0', (size_t)(width - n));
    memcpy(d + width - n, p, (size_t)n);
    if (n && (p[0] == '+' || p[0] == '-')) {
        d[0] = p[0];
        d[width - n] = '0';
    }
    return r;
}

static RpObject *m_splitlines(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                              RpObject *kwnames)
{
    static const char *const names[] = {"keepends"};
    RpObject *out[1] = {NULL};
    if (_RpArg_ParseVector("splitlines", args, nargs, kwnames, names, 1, 0, out) < 0)
        return NULL;
    int keep = out[0] ? RpObject_IsTrue(out[0]) : 0;
    if (keep < 0)
        return NULL;
    SELF_VIEW;
    RpObject *list = RpList_New(0);
    if (list == NULL)
        return NULL;
    Rp_ssize_t i = 0;
    while (i < n) {
        Rp_ssize_t s0 = i;
        while (i < n && p[i] != '\n' && p[i] != '\r')
            i++;
        Rp_ssize_t eol = i;
        if (i < n)
            i += (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n') ? 2 : 1;
        if (append_like(list, self, p + s0, (keep ? i : eol) - s0) < 0) {
            Rp_DECREF(list);
            return NULL;
        }
    }
    return list;
}

static RpObject *m_expandtabs(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                              RpObject *kwnames)
{
    static const char *const names[] = {"tabsize"};
    RpObject *out[1] = {NULL};
    if (_RpArg_ParseVector("expandtabs", args, nargs, kwnames, names, 1, 0, out) < 0)
        return NULL;
    Rp_ssize_t tab = 8;
    if (out[0] && slice_arg(out[0], &tab) < 0)
        return NULL;
    SELF_VIEW;
    RpStrBuf b;
    RpStrBuf_Init(&b);
    Rp_ssize_t col = 0;
    for (Rp_ssize_t i = 0; i < n; i++) {
        if (p[i] == '\t') {
            if (tab > 0) {
                Rp_ssize_t k = tab - col % tab;
                col += k;
                while (k-- > 0)
                    RpStrBuf_AppendChar(&b, ' ');
            }
        } else {
            RpStrBuf_AppendChar(&b, p[i]);
            col = (p[i] == '\n' || p[i] == '\r') ? 0 : col + 1;
        }
    }
    RpObject *r = b.error ? NULL : make_like(self, b.buf ? b.buf : "", b.len);
    RpStrBuf_Discard(&b);
    return r;
}

static RpObject *affix_common(RpObject *self, RpObject *arg, int suffix)
{
    SELF_VIEW;
    const char *q;
    Rp_ssize_t m;
    if (need_bytes(arg, &q, &m) < 0)
        return NULL;
    if (m <= n && memcmp(suffix ? p + n - m : p, q, (size_t)m) == 0)
        return make_like(self, suffix ? p : p + m, n - m);
    return make_like(self, p, n);
}

static RpObject *m_removeprefix(RpObject *s, RpObject *a) { return affix_common(s, a, 0); }
static RpObject *m_removesuffix(RpObject *s, RpObject *a) { return affix_common(s, a, 1); }

static RpObject *m_translate(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("translate", nargs, 1, 2))
        return NULL;
    const char *table = NULL, *del = "";
    Rp_ssize_t tn = 0, dn = 0;
    if (args[0] != Rp_None) {
        if (need_bytes(args[0], &table, &tn) < 0)
            return NULL;
        if (tn != 256) {
            RpErr_SetString(RpExc_ValueError, "translation table must be 256 characters long");
            return NULL;
        }
    }
    if (nargs == 2 && need_bytes(args[1], &del, &dn) < 0)
        return NULL;
    SELF_VIEW;
    RpStrBuf b;
    RpStrBuf_Init(&b);
    for (Rp_ssize_t i = 0; i < n; i++) {
        if (dn && memchr(del, p[i], (size_t)dn))
            continue;
        RpStrBuf_AppendChar(&b, table ? table[(unsigned char)p[i]] : p[i]);
    }
    RpObject *r = b.error ? NULL : make_like(self, b.buf ? b.buf : "", b.len);
    RpStrBuf_Discard(&b);
    return r;
}

static RpObject *m_maketrans(RpObject *unused, RpObject *const *args, Rp_ssize_t nargs)
{
    const char *f, *t;
    Rp_ssize_t fn, tn;
    if (!_RpArg_CheckPositional("maketrans", nargs, 2, 2) || need_bytes(args[0], &f, &fn) < 0
        || need_bytes(args[1], &t, &tn) < 0)
        return NULL;
    if (fn != tn) {
        RpErr_SetString(RpExc_ValueError, "maketrans arguments must have same length");
        return NULL;
    }
    RpObject *r = RpBytes_FromStringAndSize(NULL, 256);
    if (r == NULL)
        return NULL;
    for (int i = 0; i < 256; i++)
        RpBytes_AS_STRING(r)[i] = (char)i;
    for (Rp_ssize_t i = 0; i < fn; i++)
        RpBytes_AS_STRING(r)[(unsigned char)f[i]] = t[i];
    return r;
}

static RpObject *bytes_getnewargs(RpObject *self, RpObject *u)
{
    SELF_VIEW;
    RpObject *b = RpBytes_FromStringAndSize(p, n);
    if (b == NULL)
        return NULL;
    RpObject *t = RpTuple_Pack(1, b);
    Rp_DECREF(b);
    return t;
}

/* ==== bytearray-only methods =============================================================== */

#define BA(o) ((RpByteArrayObject *)(o))

static RpObject *ba_append(RpObject *self, RpObject *arg)
{
    int v = byte_value(arg);
    if (v < 0 || ba_resize(BA(self), Rp_SIZE(self) + 1) < 0)
        return NULL;
    BA(self)->ob_bytes[Rp_SIZE(self) - 1] = (char)v;
    Rp_RETURN_NONE;
}

static RpObject *ba_extend(RpObject *self, RpObject *arg)
{
    if (RpUnicode_Check(arg)) {
        RpErr_SetString(RpExc_TypeError, "expected iterable of integers; got: 'str'");
        return NULL;
    }
    if (extend_from_iterable(BA(self), arg, "byte") < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *ba_pop(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("pop", nargs, 0, 1))
        return NULL;
    Rp_ssize_t n = Rp_SIZE(self), i = -1;
    if (nargs && slice_arg(args[0], &i) < 0)
        return NULL;
    if (n == 0) {
        RpErr_SetString(RpExc_IndexError, "pop from empty bytearray");
        return NULL;
    }
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        RpErr_SetString(RpExc_IndexError, "pop index out of range");
        return NULL;
    }
    int v = (unsigned char)BA(self)->ob_bytes[i];
    if (ba_ass_item(self, i, NULL) < 0)
        return NULL;
    return RpLong_FromLong(v);
}

static RpObject *ba_insert(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("insert", nargs, 2, 2))
        return NULL;
    Rp_ssize_t n = Rp_SIZE(self), i = 0;
    if (slice_arg(args[0], &i) < 0)
        return NULL;
    int v = byte_value(args[1]);
    if (v < 0)
        return NULL;
    if (i < 0 && (i += n) < 0)
        i = 0;
    if (i > n)
        i = n;
    char c = (char)v;
    if (ba_replace_range(BA(self), i, i, &c, 1) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *ba_remove(RpObject *self, RpObject *arg)
{
    int v = byte_value(arg);
    if (v < 0)
        return NULL;
    const char *p = BA(self)->ob_bytes;
    const char *hit = p ? memchr(p, v, (size_t)Rp_SIZE(self)) : NULL;
    if (hit == NULL) {
        RpErr_SetString(RpExc_ValueError, "value not found in bytearray");
        return NULL;
    }
    if (ba_ass_item(self, hit - p, NULL) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *ba_reverse(RpObject *self, RpObject *u)
{
    char *p = BA(self)->ob_bytes;
    for (Rp_ssize_t i = 0, j = Rp_SIZE(self) - 1; i < j; i++, j--) {
        char t = p[i];
        p[i] = p[j];
        p[j] = t;
    }
    Rp_RETURN_NONE;
}

static RpObject *ba_clear(RpObject *self, RpObject *u)
{
    if (ba_resize(BA(self), 0) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *ba_copy(RpObject *self, RpObject *u)
{
    return RpByteArray_FromStringAndSize(BA(self)->ob_bytes, Rp_SIZE(self));
}

/* ==== bytes % args ============================================================================ */

/* bytes % args walks its arguments with str %'s cursor (RpFmtArgs, where
 * %(key) replaces the argument list with the looked-up value) and has
 * bytes-specific conversions:
 * %s/%b take a buffer or __bytes__, %r/%a give ascii(), %c an int < 256 or
 * one byte.  Numeric conversions are delegated to str % one at a time;
 * their output is ASCII. */
typedef struct {
    int ljust;
    char flags[8];       /* the flag characters, for delegating to str % */
    Rp_ssize_t width, prec;
} BConv;

/* Parse "(key)flags width .prec [hlL]" at p[*i]; leaves *i on the type. */
static int bf_parse(const char *p, Rp_ssize_t n, Rp_ssize_t *i, RpFmtArgs *a, BConv *cv)
{
    cv->ljust = 0;
    cv->width = cv->prec = -1;
    int nf = 0;
    if (*i < n && p[*i] == '(') {
        Rp_ssize_t depth = 1, start = ++*i;
        for (; *i < n && depth > 0; ++*i)
            depth += p[*i] == '(' ? 1 : p[*i] == ')' ? -1 : 0;
        if (depth > 0) {
            RpErr_SetString(RpExc_ValueError, "incomplete format key");
            return -1;
        }
        RpObject *k = RpBytes_FromStringAndSize(p + start, *i - 1 - start);
        int kr = k ? _RpFmtArgs_Key(a, k) : -1;
        Rp_XDECREF(k);
        if (kr < 0)
            return -1;
    }
    for (; *i < n && strchr("-+ #0", p[*i]) && p[*i]; ++*i) {
        if (p[*i] == '-')
            cv->ljust = 1;
        if (nf < 6 && !memchr(cv->flags, p[*i], (size_t)nf))
            cv->flags[nf++] = p[*i];
    }
    cv->flags[nf] = '\0';
    if (*i < n && p[*i] == '*') {
        ++*i;
        if (_RpFmtArgs_Star(a, &cv->width) < 0)
            return -1;
        if (cv->width < 0) {
            cv->ljust = 1;
            cv->width = -cv->width;
        }
    } else {
        while (*i < n && p[*i] >= '0' && p[*i] <= '9')
            cv->width = (cv->width < 0 ? 0 : cv->width * 10) + (p[(*i)++] - '0');
    }
    if (*i < n && p[*i] == '.') {
        ++*i;
        cv->prec = 0;
        if (*i < n && p[*i] == '*') {
            ++*i;
            if (_RpFmtArgs_Star(a, &cv->prec) < 0)
                return -1;
            if (cv->prec < 0)
                cv->prec = 0;
        } else {
            while (*i < n && p[*i] >= '0' && p[*i] <= '9')
                cv->prec = cv->prec * 10 + (p[(*i)++] - '0');
        }
    }
    if (*i < n && (p[*i] == 'h' || p[*i] == 'l' || p[*i] == 'L'))
        ++*i;
    if (*i >= n) {
        RpErr_SetString(RpExc_ValueError, "incomplete format");
        return -1;
    }
    return 0;
}

/* Append q[0..m) padded to the width (spaces; '-' pads on the right). */
static int bf_emit(RpStrBuf *b, const char *q, Rp_ssize_t m, const BConv *cv)
{
    Rp_ssize_t pad = cv->width > m ? cv->width - m : 0;
    if (!cv->ljust)
        for (; pad > 0; pad--)
            RpStrBuf_AppendChar(b, ' ');
    RpStrBuf_Append(b, q, m);
    for (; pad > 0; pad--)
        RpStrBuf_AppendChar(b, ' ');
    return b->error ? -1 : 0;
}

/* %s / %b: the bytes of a buffer or of __bytes__(). New bytes object. */
static RpObject *bf_bytes_of(RpObject *v)
{
    const char *q;
    Rp_ssize_t m;
    if (VIEW(v, q, m) || _RpMemoryView_View(v, &q, &m))
        return RpBytes_FromStringAndSize(q, m);
    if (!RpUnicode_Check(v)) {
        RpObject *name = RpUnicode_InternFromString("__bytes__");
        RpObject *meth = name ? _RpType_Lookup(Rp_TYPE(v), name) : NULL;
        Rp_XDECREF(name);
        if (meth != NULL) {
            RpObject *r = RpObject_CallMethod0(v, "__bytes__");
            if (r != NULL && !RpBytes_Check(r)) {
                RpErr_Format(RpExc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                             Rp_TYPE(r)->tp_name);
                Rp_CLEAR(r);
            }
            return r;
        }
    }
    RpErr_Format(RpExc_TypeError,
                 "%%b requires a bytes-like object, or an object that implements __bytes__, "
                 "not '%.200s'", Rp_TYPE(v)->tp_name);
    return NULL;
}

static int bf_char(RpStrBuf *b, RpObject *v, const BConv *cv)
{
    const char *q;
    Rp_ssize_t m;
    char c;
    if (VIEW(v, q, m) && m == 1)
        c = q[0];
    else if (RpLong_Check(v)) {
        long x = RpLong_AsLong(v);
        int overflow = x == -1 && RpErr_Occurred();
        if (overflow) {
            if (!RpErr_ExceptionMatches(RpExc_OverflowError))
                return -1;
            RpErr_Clear();
        }
        if (overflow || x < 0 || x > 255) {
            RpErr_SetString(RpExc_OverflowError, "%c arg not in range(256)");
            return -1;
        }
        c = (char)x;
    } else {
        RpErr_SetString(RpExc_TypeError,
                        "%c requires an integer in range(256) or a single byte");
        return -1;
    }
    return bf_emit(b, &c, 1, cv);
}

/* Numbers: format with str % and copy the ASCII result. */
static int bf_number(RpStrBuf *b, RpObject *v, char type, const BConv *cv)
{
    if (strchr("eEfFgG", type) && !RpFloat_Check(v) && !RpLong_Check(v)) {
        RpNumberMethods *nb = Rp_TYPE(v)->tp_as_number;
        if (nb == NULL || (nb->nb_float == NULL && nb->nb_index == NULL)) {
            RpErr_Format(RpExc_TypeError, "float argument required, not %.200s",
                         Rp_TYPE(v)->tp_name);
            return -1;
        }
    }
    char spec[80];
    int k = snprintf(spec, sizeof spec, "%%%s%s", cv->ljust ? "-" : "", cv->flags);
    if (cv->width >= 0)
        k += snprintf(spec + k, sizeof spec - (size_t)k, "%zd", cv->width);
    if (cv->prec >= 0)
        k += snprintf(spec + k, sizeof spec - (size_t)k, ".%zd", cv->prec);
    snprintf(spec + k, sizeof spec - (size_t)k, "%c", type);
    RpObject *fmt = RpUnicode_FromString(spec);
    RpObject *tup = fmt ? RpTuple_Pack(1, v) : NULL;
    RpObject *r = tup ? RpUnicode_Format(fmt, tup) : NULL;
    Rp_XDECREF(fmt);
    Rp_XDECREF(tup);
    if (r == NULL)
        return -1;
    int rc = RpStrBuf_Append(b, RpUnicode_UTF8(r), RpUnicode_UTF8_SIZE(r));
    Rp_DECREF(r);
    return rc;
}

static int bf_convert(RpStrBuf *b, RpObject *v, char type, const BConv *cv, Rp_ssize_t at)
{
    RpObject *t;
    switch (type) {
    case 's': case 'b':
        t = bf_bytes_of(v);
        break;
    case 'r': case 'a': {
        RpObject *u = RpObject_ASCII(v);
        t = u ? RpBytes_FromStringAndSize(RpUnicode_UTF8(u), RpUnicode_UTF8_SIZE(u)) : NULL;
        Rp_XDECREF(u);
        break;
    }
    case 'c':
        return bf_char(b, v, cv);
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        return bf_number(b, v, type, cv);
    default:
        RpErr_Format(RpExc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                     (type >= 32 && type <= 126) ? type : '?',
                     (unsigned int)(unsigned char)type, at);
        return -1;
    }
    if (t == NULL)
        return -1;
    Rp_ssize_t m = Rp_SIZE(t);
    if (cv->prec >= 0 && cv->prec < m)
        m = cv->prec;
    int r = bf_emit(b, RpBytes_AS_STRING(t), m, cv);
    Rp_DECREF(t);
    return r;
}

static int bf_is_mapping(RpObject *args)
{
    RpMappingMethods *mp = Rp_TYPE(args)->tp_as_mapping;
    return mp != NULL && mp->mp_subscript != NULL && !RpTuple_Check(args)
           && !RpBytes_Check(args) && !RpUnicode_Check(args) && !RpByteArray_Check(args);
}

RpObject *_RpBytes_Format(RpObject *format, RpObject *args)
{
    const char *p;
    Rp_ssize_t n, i = 0;
    VIEW(format, p, n);
    RpFmtArgs a;
    _RpFmtArgs_Init(&a, args, bf_is_mapping(args));
    RpStrBuf b;     /* raw bytes, not UTF-8 */
    RpStrBuf_Init(&b);
    while (i < n) {
        const char *pct = memchr(p + i, '%', (size_t)(n - i));
        if (pct == NULL) {
            RpStrBuf_Append(&b, p + i, n - i);
            break;
        }
        RpStrBuf_Append(&b, p + i, pct - (p + i));
        i = pct - p + 1;
        if (i < n && p[i] == '%') {
            RpStrBuf_AppendChar(&b, '%');
            i++;
            continue;
        }
        BConv cv;
        if (bf_parse(p, n, &i, &a, &cv) < 0)
            goto error;
        RpObject *v = _RpFmtArgs_Next(&a);
        if (v == NULL || bf_convert(&b, v, p[i], &cv, i) < 0)
            goto error;
        i++;
    }
    if (_RpFmtArgs_Unused(&a)) {
        RpErr_SetString(RpExc_TypeError, "not all arguments converted during bytes formatting");
        goto error;
    }
    if (b.error)
        goto error;
    _RpFmtArgs_Fini(&a);
    RpObject *out = RpByteArray_Check(format)
        ? RpByteArray_FromStringAndSize(b.buf ? b.buf : "", b.len)
        : RpBytes_FromStringAndSize(b.buf ? b.buf : "", b.len);
    RpStrBuf_Discard(&b);
    return out;
error:
    _RpFmtArgs_Fini(&a);
    RpStrBuf_Discard(&b);
    return NULL;
}

/* ==== finalization =============================================================================== */

void _RpBytes_Fini(void)
{
    Rp_CLEAR(bytes_empty);
    for (int i = 0; i < 256; i++)
        Rp_CLEAR(bytes_chars[i]);
}

/* ==== type objects =================================================================================== */

#define FAST RP_METH_FASTCALL
#define FASTKW (RP_METH_FASTCALL | RP_METH_KEYWORDS)
#define M(name, fn, flags) {name, (RpCFunction)(void (*)(void))(fn), flags, NULL}

#define SHARED_METHODS \
    M("decode", m_decode, FASTKW), M("hex", m_hex, FAST), \
    M("fromhex", m_fromhex, RP_METH_O | RP_METH_CLASS), \
    M("count", m_count, FAST), M("find", m_find, FAST), M("rfind", m_rfind, FAST), \
    M("index", m_index, FAST), M("rindex", m_rindex, FAST), \
    M("startswith", m_startswith, FAST), M("endswith", m_endswith, FAST), \
    M("replace", m_replace, FAST), M("split", m_split, FASTKW), M("rsplit", m_rsplit, FASTKW), \
    M("join", m_join, RP_METH_O), M("strip", m_strip, FAST), M("lstrip", m_lstrip, FAST), \
    M("rstrip", m_rstrip, FAST), M("upper", m_upper, RP_METH_NOARGS), \
    M("lower", m_lower, RP_METH_NOARGS), M("swapcase", m_swapcase, RP_METH_NOARGS), \
    M("title", m_title, RP_METH_NOARGS), M("capitalize", m_capitalize, RP_METH_NOARGS), \
    M("isdigit", m_isdigit, RP_METH_NOARGS), M("isalpha", m_isalpha, RP_METH_NOARGS), \
    M("isalnum", m_isalnum, RP_METH_NOARGS), M("isspace", m_isspace, RP_METH_NOARGS), \
    M("isascii", m_isascii, RP_METH_NOARGS), M("isupper", m_isupper, RP_METH_NOARGS), \
    M("islower", m_islower, RP_METH_NOARGS), M("istitle", m_istitle, RP_METH_NOARGS), \
    M("partition", m_partition, RP_METH_O), M("rpartition", m_rpartition, RP_METH_O), \
    M("center", m_center, FAST), M("ljust", m_ljust, FAST), M("rjust", m_rjust, FAST), \
    M("zfill", m_zfill, RP_METH_O), M("splitlines", m_splitlines, FASTKW), \
    M("expandtabs", m_expandtabs, FASTKW), M("removeprefix", m_removeprefix, RP_METH_O), \
    M("removesuffix", m_removesuffix, RP_METH_O), M("translate", m_translate, FAST), \
    M("maketrans", m_maketrans, FAST | RP_METH_STATIC)

static RpMethodDef bytes_methods[] = {
    SHARED_METHODS,
    M("__getnewargs__", bytes_getnewargs, RP_METH_NOARGS),
    {NULL, NULL, 0, NULL},
};

static RpMethodDef bytearray_methods[] = {
    SHARED_METHODS,
    M("append", ba_append, RP_METH_O), M("extend", ba_extend, RP_METH_O),
    M("pop", ba_pop, FAST), M("insert", ba_insert, FAST), M("remove", ba_remove, RP_METH_O),
    M("reverse", ba_reverse, RP_METH_NOARGS), M("clear", ba_clear, RP_METH_NOARGS),
    M("copy", ba_copy, RP_METH_NOARGS),
    {NULL, NULL, 0, NULL},
};

static RpSequenceMethods bytes_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = concat_any,
    .sq_repeat = repeat_any,
    .sq_item = item_any,
    .sq_contains = contains_any,
};

static RpMappingMethods bytes_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = subscript_any,
};

static RpNumberMethods bytes_as_number = {
    .nb_remainder = bytes_mod,
};

static RpSequenceMethods bytearray_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = concat_any,
    .sq_repeat = repeat_any,
    .sq_item = item_any,
    .sq_ass_item = ba_ass_item,
    .sq_contains = contains_any,
    .sq_inplace_concat = ba_inplace_concat,
    .sq_inplace_repeat = ba_inplace_repeat,
};

static RpMappingMethods bytearray_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = subscript_any,
    .mp_ass_subscript = ba_ass_subscript,
};

static RpObject *bytes_iter(RpObject *self)
{
    return RpSeqIter_New(self);
}

RpTypeObject RpBytes_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "bytes",
    .tp_basicsize = BYTES_HDR + 1,
    .tp_itemsize = 1,
    .tp_dealloc = bytes_dealloc,
    .tp_as_number = &bytes_as_number,
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_hash = bytes_hash,
    .tp_repr = bytes_repr,
    .tp_str = bytes_str,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_BASETYPE | RP_TPFLAGS_BYTES_SUBCLASS,
    .tp_doc = "bytes(iterable_of_ints) -> bytes",
    .tp_richcompare = bytes_richcompare,
    .tp_iter = bytes_iter,
    .tp_methods = bytes_methods,
    .tp_base = &RpBaseObject_Type,
    .tp_new = bytes_new,
    .tp_free = RpObject_Free,
};

RpTypeObject RpByteArray_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(RpByteArrayObject),
    .tp_dealloc = bytearray_dealloc,
    .tp_as_number = &bytes_as_number,
    .tp_as_sequence = &bytearray_as_sequence,
    .tp_as_mapping = &bytearray_as_mapping,
    .tp_hash = RpObject_HashNotImplemented,
    .tp_repr = bytearray_repr,
    .tp_str = bytearray_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_BASETYPE,
    .tp_doc = "bytearray(iterable_of_ints) -> bytearray",
    .tp_richcompare = bytes_richcompare,
    .tp_iter = bytes_iter,
    .tp_methods = bytearray_methods,
    .tp_base = &RpBaseObject_Type,
    .tp_new = bytearray_new,
    .tp_init = bytearray_init,
    .tp_free = RpObject_Free,
};
