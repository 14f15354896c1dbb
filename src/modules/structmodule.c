/* structmodule.c -- the `_struct` module behind lib/struct.py: packing
 * Python values into C structs and back.
 *
 * A format string is compiled once into a Struct object: a list of codes,
 * each with its offset, item size and repeat count.  '@' (the default)
 * uses this machine's sizes and alignment (x86-64: long and pointers are 8
 * bytes, every item aligned to its size); '=', '<', '>' and '!' use the
 * standard sizes with no alignment.  Native byte order is little-endian.
 *
 * Error messages follow CPython 3.11 word for word, including its quirks
 * (native 'b'/'h' name the C type, 'i' names the code, an 8-byte big-endian
 * overflow says "int too large to convert").
 */
#include "stdmod.h"
#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define FAST(f) ((RpCFunction)(void (*)(void))(f))

typedef struct {
    char code;
    Rp_ssize_t count;    /* items; for 's'/'p' the byte length of one item */
    Rp_ssize_t offset;   /* of the first item */
    Rp_ssize_t size;     /* of one item */
} scode;

typedef struct {
    RpObject_HEAD
    Rp_ssize_t size;     /* total bytes */
    Rp_ssize_t nitems;   /* Python values packed/unpacked */
    Rp_ssize_t ncodes;
    scode *codes;
    RpObject *format;    /* str */
    int native;          /* '@': native sizes and alignment */
    int big;             /* big-endian */
    RpObject *weakreflist;
} structobject;

extern RpTypeObject RpStruct_Type, RpStructIter_Type;

/* struct.error with a formatted message; returns NULL. */
static RpObject *serr(const char *fmt, ...)
{
    char buf[256];
    va_list va;
    va_start(va, fmt);
    vsnprintf(buf, sizeof buf, fmt, va);
    va_end(va);
    return RpStd_Raise("_struct", "error", "%s", buf);
}

/* ---- compiling a format ------------------------------------------------- */

/* Item size of code c, 0 if c is not a format character of this mode. */
static Rp_ssize_t item_size(char c, int native)
{
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p':
        return 1;
    case 'h': case 'H': case 'e':
        return 2;
    case 'i': case 'I': case 'f':
        return 4;
    case 'l': case 'L':
        return native ? 8 : 4;
    case 'q': case 'Q': case 'd':
        return 8;
    case 'n': case 'N': case 'P':
        return native ? 8 : 0;
    default:
        return 0;
    }
}

/* Parse the byte-order prefix; returns the first code position. */
static const char *parse_prefix(structobject *s, const char *p)
{
    s->native = 1;
    s->big = 0;
    switch (*p) {
    case '@': p++; break;
    case '=': s->native = 0; p++; break;
    case '<': s->native = 0; p++; break;
    case '>': case '!': s->native = 0; s->big = 1; p++; break;
    }
    return p;
}

/* Read a repeat count at *pp, or 1 if none.  -1 with struct.error. */
static Rp_ssize_t parse_count(const char **pp)
{
    const char *p = *pp;
    if (!isdigit((unsigned char)*p))
        return 1;
    Rp_ssize_t n = 0;
    for (; isdigit((unsigned char)*p); p++) {
        if (n > (RP_SSIZE_T_MAX - 9) / 10) {
            serr("total struct size too long");
            return -1;
        }
        n = n * 10 + (*p - '0');
    }
    if (*p == '\0') {
        serr("repeat count given without format specifier");
        return -1;
    }
    *pp = p;
    return n;
}

/* Compile fmt (NUL-terminated) into s's code list.  0 / -1. */
static int compile_format(structobject *s, const char *fmt)
{
    const char *p = parse_prefix(s, fmt);
    Rp_ssize_t cap = (Rp_ssize_t)strlen(p) + 1, size = 0, nitems = 0, n = 0;
    scode *codes = RpMem_Malloc(sizeof(scode) * (size_t)cap);
    if (codes == NULL) {
        RpErr_NoMemory();
        return -1;
    }
    while (*p) {
        if (isspace((unsigned char)*p)) {
            p++;
            continue;
        }
        Rp_ssize_t count = parse_count(&p);
        if (count < 0)
            goto error;
        char c = *p++;
        Rp_ssize_t isz = item_size(c, s->native);
        if (isz == 0) {
            serr("bad char in struct format");
            goto error;
        }
        /* native mode aligns every item to its own size */
        if (s->native && isz > 1)
            size = (size + isz - 1) / isz * isz;
        Rp_ssize_t bytes = (c == 's' || c == 'p') ? count : count * isz;
        if (count != 0 && bytes / count != ((c == 's' || c == 'p') ? 1 : isz)) {
            serr("total struct size too long");
            goto error;
        }
        if (c != 'x') {
            codes[n].code = c;
            codes[n].count = count;
            codes[n].offset = size;
            codes[n].size = isz;
            n++;
            nitems += (c == 's' || c == 'p') ? 1 : count;
        }
        size += bytes;
    }
    s->codes = codes;
    s->ncodes = n;
    s->size = size;
    s->nitems = nitems;
    return 0;
error:
    RpMem_Free(codes);
    return -1;
}

/* The format as a C string: str or bytes.  Borrowed pointer. */
static const char *format_chars(RpObject *fmt)
{
    if (RpUnicode_Check(fmt))
        return RpUnicode_AsUTF8(fmt);
    if (RpBytes_Check(fmt))
        return RpBytes_AS_STRING(fmt);
    RpErr_Format(RpExc_TypeError, "Struct() argument 1 must be a str or bytes object, not %.100s",
                 Rp_TYPE(fmt)->tp_name);
    return NULL;
}

static RpObject *struct_make(RpTypeObject *t, RpObject *fmt)
{
    const char *chars = format_chars(fmt);
    if (chars == NULL)
        return NULL;
    structobject *s = (structobject *)t->tp_alloc(t, 0);
    if (s == NULL)
        return NULL;
    if (compile_format(s, chars) < 0) {
        Rp_DECREF(s);
        return NULL;
    }
    s->format = RpUnicode_Check(fmt) ? Rp_NewRef(fmt) : RpUnicode_FromString(chars);
    if (s->format == NULL) {
        Rp_DECREF(s);
        return NULL;
    }
    return (RpObject *)s;
}

static RpObject *struct_new(RpTypeObject *t, RpObject *args, RpObject *kwds)
{
    static const char *const names[] = {"format"};
    RpObject *a[1] = {NULL};
    if (_RpArg_ParseTupleAndKeywords("Struct", args, kwds, names, 1, 1, a) < 0)
        return NULL;
    return struct_make(t, a[0]);
}

static void struct_dealloc(RpObject *self)
{
    structobject *s = (structobject *)self;
    if (s->weakreflist)
        RpObject_ClearWeakRefs(self);
    RpMem_Free(s->codes);
    Rp_XDECREF(s->format);
    Rp_TYPE(self)->tp_free(self);
}

/* ---- integers ----------------------------------------------------------- */

/* The value of an integer argument as 64 raw bits and its fit, or -1 with
 * struct.error "required argument is not an integer". */
static int fetch_int(RpObject *o, uint64_t *bits, int *fit)
{
    if (!RpIndex_Check(o)) {
        serr("required argument is not an integer");
        return -1;
    }
    RpObject *v = RpNumber_Index(o);
    if (v == NULL)
        return -1;
    int r = RpStd_IntBits(v, bits, fit);
    Rp_DECREF(v);
    return r;
}

static void put_bytes(char *p, uint64_t v, Rp_ssize_t size, int big)
{
    for (Rp_ssize_t i = 0; i < size; i++) {
        Rp_ssize_t at = big ? size - 1 - i : i;
        p[at] = (char)(v & 0xff);
        v >>= 8;
    }
}

static uint64_t get_bytes(const unsigned char *p, Rp_ssize_t size, int big)
{
    uint64_t v = 0;
    for (Rp_ssize_t i = 0; i < size; i++)
        v = (v << 8) | p[big ? i : size - 1 - i];
    return v;
}

/* Range check of small codes, with the C-type wording CPython uses. */
static int check_small(char c, int64_t x)
{
    switch (c) {
    case 'b':
        if (x < -128 || x > 127)
            return serr("byte format requires -128 <= number <= 127"), -1;
        return 0;
    case 'B':
        if (x < 0 || x > 255)
            return serr("ubyte format requires 0 <= number <= 255"), -1;
        return 0;
    case 'h':
        if (x < -32768 || x > 32767)
            return serr("short format requires -32768 <= number <= 32767"), -1;
        return 0;
    case 'H':
        if (x < 0 || x > 65535)
            return serr("ushort format requires 0 <= number <= 65535"), -1;
        return 0;
    }
    return 0;
}

/* Check that the fetched value fits code c of `size` bytes. 0 / -1. */
static int check_range(const structobject *s, char c, Rp_ssize_t size, uint64_t bits, int fit)
{
    int is_unsigned = isupper((unsigned char)c) || c == 'P';
    int64_t x = (int64_t)bits;
    if (size == 8 && (s->big || c == 'P')) {
        /* CPython packs these through its generic int-to-bytes routine */
        int ok;
        if (c == 'P')
            ok = fit != RPSTD_FIT_NONE;
        else if (is_unsigned)
            ok = fit == RPSTD_FIT_U || (fit == RPSTD_FIT_S && x >= 0);
        else
            ok = fit == RPSTD_FIT_S;
        return ok ? 0 : (serr("int too large to convert"), -1);
    }
    if (fit == RPSTD_FIT_NONE || (fit == RPSTD_FIT_U && !is_unsigned))
        return serr("argument out of range"), -1;
    if (c == 'b' || c == 'B' || c == 'h' || c == 'H')
        return fit == RPSTD_FIT_U ? (serr("argument out of range"), -1) : check_small(c, x);
    if (is_unsigned && fit == RPSTD_FIT_S && x < 0)
        return serr("argument out of range"), -1;
    if (size == 4 && is_unsigned && bits > 0xffffffffULL)
        return serr("'%c' format requires 0 <= number <= 4294967295", c), -1;
    if (size == 4 && !is_unsigned && (x < INT32_MIN || x > INT32_MAX))
        return serr("'%c' format requires -2147483648 <= number <= 2147483647", c), -1;
    return 0;
}

static int pack_int(const structobject *s, char c, Rp_ssize_t size, RpObject *v, char *p)
{
    uint64_t bits;
    int fit;
    if (fetch_int(v, &bits, &fit) < 0 || check_range(s, c, size, bits, fit) < 0)
        return -1;
    put_bytes(p, bits, size, s->big);
    return 0;
}

static RpObject *unpack_int(const structobject *s, char c, Rp_ssize_t size, const unsigned char *p)
{
    uint64_t u = get_bytes(p, size, s->big);
    if (isupper((unsigned char)c) || c == 'P')
        return RpLong_FromUnsignedLongLong(u);
    if (size < 8 && (u >> (size * 8 - 1)) & 1)
        u |= ~0ULL << (size * 8);   /* sign-extend */
    return RpLong_FromLongLong((long long)(int64_t)u);
}

/* ---- floats --------------------------------------------------------------- */

/* IEEE 754 binary16 bits of x, rounding half to even. -1 on overflow. */
static long half_bits(double x)
{
    unsigned sign = signbit(x) ? 0x8000u : 0;
    if (isnan(x))
        return sign | 0x7e00;
    if (isinf(x))
        return sign | 0x7c00;
    double ax = fabs(x);
    if (ax == 0)
        return sign;
    if (ax < ldexp(1.0, -14)) {        /* subnormal: units of 2**-24 */
        long n = (long)rint(ldexp(ax, 24));
        return sign | (unsigned)n;     /* n == 1024 is the smallest normal */
    }
    int e;
    double m = frexp(ax, &e);          /* ax = m * 2**e, 0.5 <= m < 1 */
    e -= 1;                            /* ax = (2m) * 2**e, 1 <= 2m < 2 */
    long mant = (long)rint((2 * m - 1) * 1024);
    if (mant == 1024) {
        mant = 0;
        e++;
    }
    if (e > 15)
        return -1;
    return sign | (unsigned)((e + 15) << 10) | (unsigned)mant;
}

static double half_value(unsigned h)
{
    int e = (h >> 10) & 0x1f;
    unsigned mant = h & 0x3ff;
    double v;
    if (e == 0x1f)
        v = mant ? NAN : INFINITY;
    else if (e == 0)
        v = ldexp((double)mant, -24);
    else
        v = ldexp((double)(mant | 0x400), e - 25);
    return (h & 0x8000) ? -v : v;
}

/* x = float(v), or -1 with struct.error for a non-number. */
static int fetch_double(RpObject *v, double *x)
{
    *x = RpFloat_AsDouble(v);
    if (*x == -1.0 && RpErr_Occurred()) {
        if (!RpErr_ExceptionMatches(RpExc_TypeError))
            return -1;
        RpErr_Clear();
        serr("required argument is not a float");
        return -1;
    }
    return 0;
}

static int pack_float(const structobject *s, char c, RpObject *v, char *p)
{
    double x;
    if (fetch_double(v, &x) < 0)
        return -1;
    if (c == 'd') {
        uint64_t u;
        memcpy(&u, &x, 8);
        put_bytes(p, u, 8, s->big);
    } else if (c == 'f') {
        float f = (float)x;
        if (!s->native && isinf(f) && !isinf(x)) {
            RpErr_SetString(RpExc_OverflowError, "float too large to pack with f format");
            return -1;
        }
        uint32_t u;
        memcpy(&u, &f, 4);
        put_bytes(p, u, 4, s->big);
    } else {
        long h = half_bits(x);
        if (h < 0) {
            RpErr_SetString(RpExc_OverflowError, "float too large to pack with e format");
            return -1;
        }
        put_bytes(p, (uint64_t)h, 2, s->big);
    }
    return 0;
}

static RpObject *unpack_float(const structobject *s, char c, const unsigned char *p)
{
    if (c == 'd') {
        uint64_t u = get_bytes(p, 8, s->big);
        double x;
        memcpy(&x, &u, 8);
        return RpFloat_FromDouble(x);
    }
    if (c == 'f') {
        uint32_t u = (uint32_t)get_bytes(p, 4, s->big);
        float f;
        memcpy(&f, &u, 4);
        return RpFloat_FromDouble(f);
    }
    return RpFloat_FromDouble(half_value((unsigned)get_bytes(p, 2, s->big)));
}

/* ---- one item ------------------------------------------------------------ */

static int pack_bytes(const scode *sc, RpObject *v, char *p)
{
    const char *b;
    Rp_ssize_t n;
    if ((!RpBytes_Check(v) && !RpByteArray_Check(v)) || !_RpBytes_View(v, &b, &n)) {
        serr("argument for '%c' must be a bytes object", sc->code);
        return -1;
    }
    Rp_ssize_t room = sc->code == 'p' ? (sc->count > 0 ? sc->count - 1 : 0) : sc->count;
    if (n > room)
        n = room;
    memcpy(p + (sc->code == 'p'), b, (size_t)n);  /* the rest stays zero */
    if (sc->code == 'p' && sc->count > 0)
        p[0] = (char)(n > 255 ? 255 : n);
    return 0;
}

static int pack_item(const structobject *s, const scode *sc, RpObject *v, char *p)
{
    const char *b;
    Rp_ssize_t n;
    switch (sc->code) {
    case 's': case 'p':
        return pack_bytes(sc, v, p);
    case 'c':
        if ((!RpBytes_Check(v) && !RpByteArray_Check(v)) || !_RpBytes_View(v, &b, &n) || n != 1)
            return serr("char format requires a bytes object of length 1"), -1;
        *p = b[0];
        return 0;
    case '?': {
        int t = RpObject_IsTrue(v);
        if (t < 0)
            return -1;
        *p = (char)t;
        return 0;
    }
    case 'e': case 'f': case 'd':
        return pack_float(s, sc->code, v, p);
    default:
        return pack_int(s, sc->code, sc->size, v, p);
    }
}

static RpObject *unpack_item(const structobject *s, const scode *sc, const unsigned char *p)
{
    switch (sc->code) {
    case 's':
        return RpBytes_FromStringAndSize((const char *)p, sc->count);
    case 'p': {
        Rp_ssize_t n = sc->count > 0 ? p[0] : 0;
        if (n > sc->count - 1)
            n = sc->count > 0 ? sc->count - 1 : 0;
        return RpBytes_FromStringAndSize((const char *)p + 1, n);
    }
    case 'c':
        return RpBytes_FromStringAndSize((const char *)p, 1);
    case '?':
        return RpBool_FromLong(*p != 0);
    case 'e': case 'f': case 'd':
        return unpack_float(s, sc->code, p);
    default:
        return unpack_int(s, sc->code, sc->size, p);
    }
}

/* ---- whole structs ------------------------------------------------------ */

/* Pack nargs values into buf (s->size bytes, zeroed here). 0 / -1. */
static int pack_all(structobject *s, RpObject *const *args, Rp_ssize_t nargs, char *buf)
{
    if (nargs != s->nitems) {
        serr("pack expected %zd items for packing (got %zd)", s->nitems, nargs);
        return -1;
    }
    memset(buf, 0, (size_t)s->size);
    Rp_ssize_t k = 0;
    for (Rp_ssize_t i = 0; i < s->ncodes; i++) {
        const scode *sc = &s->codes[i];
        if (sc->code == 's' || sc->code == 'p') {
            if (pack_item(s, sc, args[k++], buf + sc->offset) < 0)
                return -1;
            continue;
        }
        for (Rp_ssize_t j = 0; j < sc->count; j++)
            if (pack_item(s, sc, args[k++], buf + sc->offset + j * sc->size) < 0)
                return -1;
    }
    return 0;
}

static RpObject *unpack_all(structobject *s, const unsigned char *buf)
{
    RpObject *t = RpTuple_New(s->nitems);
    if (t == NULL)
        return NULL;
    Rp_ssize_t k = 0;
    for (Rp_ssize_t i = 0; i < s->ncodes; i++) {
        const scode *sc = &s->codes[i];
        Rp_ssize_t reps = (sc->code == 's' || sc->code == 'p') ? 1 : sc->count;
        for (Rp_ssize_t j = 0; j < reps; j++) {
            RpObject *v = unpack_item(s, sc, buf + sc->offset + j * sc->size);
            if (v == NULL) {
                Rp_DECREF(t);
                return NULL;
            }
            RpTuple_SET_ITEM(t, k++, v);
        }
    }
    return t;
}

static RpObject *s_pack(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    structobject *s = (structobject *)self;
    RpObject *r = RpBytes_FromStringAndSize(NULL, s->size);
    if (r != NULL && pack_all(s, args, nargs, RpBytes_AS_STRING(r)) < 0)
        Rp_CLEAR(r);
    return r;
}

/* A buffer offset, counted from the end when negative. -1 with error. */
static int get_offset(RpObject *o, Rp_ssize_t *off)
{
    *off = RpNumber_AsSsize_t(o, RpExc_OverflowError);
    return (*off == -1 && RpErr_Occurred()) ? -1 : 0;
}

static RpObject *s_pack_into(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    structobject *s = (structobject *)self;
    if (nargs < 2) {
        if (nargs == 0)
            return serr("pack_into expected buffer argument");
        return serr("pack_into expected offset argument");
    }
    char *buf;
    Rp_ssize_t n, off;
    if (RpStd_WritableBuffer(args[0], &buf, &n) < 0 || get_offset(args[1], &off) < 0)
        return NULL;
    if (off < 0) {
        if (off + s->size > 0)
            return serr("no space to pack %zd bytes at offset %zd", s->size, off);
        if (off + n < 0)
            return serr("offset %zd out of range for %zd-byte buffer", off, n);
        off += n;
    }
    if (n - off < s->size)
        return serr("pack_into requires a buffer of at least %zd bytes for packing %zd bytes "
                    "at offset %zd (actual buffer size is %zd)", s->size + off, s->size, off, n);
    char *tmp = RpMem_Malloc((size_t)s->size + 1);
    if (tmp == NULL)
        return RpErr_NoMemory();
    int r = pack_all(s, args + 2, nargs - 2, tmp);
    if (r == 0)
        memcpy(buf + off, tmp, (size_t)s->size);
    RpMem_Free(tmp);
    if (r < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *s_unpack(RpObject *self, RpObject *arg)
{
    structobject *s = (structobject *)self;
    const char *p;
    Rp_ssize_t n;
    if (RpStd_Buffer(arg, &p, &n) < 0)
        return NULL;
    if (n != s->size)
        return serr("unpack requires a buffer of %zd bytes", s->size);
    return unpack_all(s, (const unsigned char *)p);
}

static RpObject *do_unpack_from(structobject *s, RpObject *buffer, RpObject *offset)
{
    const char *p;
    Rp_ssize_t n, off = 0;
    if (RpStd_Buffer(buffer, &p, &n) < 0 || (offset && get_offset(offset, &off) < 0))
        return NULL;
    if (off < 0) {
        if (off + n < 0)
            return serr("offset %zd out of range for %zd-byte buffer", off, n);
        if (off + s->size > 0)
            return serr("not enough data to unpack %zd bytes at offset %zd", s->size, off);
        off += n;
    }
    if (n - off < s->size)
        return serr("unpack_from requires a buffer of at least %zd bytes for unpacking %zd bytes "
                    "at offset %zd (actual buffer size is %zd)", s->size + off, s->size, off, n);
    return unpack_all(s, (const unsigned char *)p + off);
}

static RpObject *s_unpack_from(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                               RpObject *kwnames)
{
    static const char *const names[] = {"buffer", "offset"};
    RpObject *a[2] = {NULL, NULL};
    if (_RpArg_ParseVector("unpack_from", args, nargs, kwnames, names, 2, 1, a) < 0)
        return NULL;
    return do_unpack_from((structobject *)self, a[0], a[1]);
}

/* ---- iter_unpack ----------------------------------------------------------- */

typedef struct {
    RpObject_HEAD
    structobject *s;
    RpObject *buffer;    /* keeps the bytes alive; re-read on every step */
    Rp_ssize_t pos;
} iterobject;

static RpObject *make_iter(structobject *s, RpObject *buffer)
{
    const char *p;
    Rp_ssize_t n;
    if (s->size == 0)
        return serr("cannot iteratively unpack with a struct of length 0");
    if (RpStd_Buffer(buffer, &p, &n) < 0)
        return NULL;
    if (n % s->size != 0)
        return serr("iterative unpacking requires a buffer of a multiple of %zd bytes", s->size);
    iterobject *it = RpObject_GC_New(iterobject, &RpStructIter_Type);
    if (it == NULL)
        return NULL;
    it->s = (structobject *)Rp_NewRef((RpObject *)s);
    it->buffer = Rp_NewRef(buffer);
    it->pos = 0;
    RpObject_GC_Track(it);
    return (RpObject *)it;
}

static RpObject *s_iter_unpack(RpObject *self, RpObject *buffer)
{
    return make_iter((structobject *)self, buffer);
}

static int iter_traverse(RpObject *self, visitproc visit, void *arg)
{
    Rp_VISIT(((iterobject *)self)->s);
    Rp_VISIT(((iterobject *)self)->buffer);
    return 0;
}

static int iter_clear(RpObject *self)
{
    Rp_CLEAR(((iterobject *)self)->s);
    Rp_CLEAR(((iterobject *)self)->buffer);
    return 0;
}

static void iter_dealloc(RpObject *self)
{
    RpObject_GC_UnTrack(self);
    iter_clear(self);
    RpObject_GC_Del(self);
}

static RpObject *iter_next(RpObject *self)
{
    iterobject *it = (iterobject *)self;
    const char *p;
    Rp_ssize_t n;
    if (it->buffer == NULL || RpStd_Buffer(it->buffer, &p, &n) < 0)
        return NULL;
    if (it->pos + it->s->size > n) {
        Rp_CLEAR(it->buffer);
        return NULL;
    }
    RpObject *r = unpack_all(it->s, (const unsigned char *)p + it->pos);
    it->pos += it->s->size;
    return r;
}

static RpObject *iter_length_hint(RpObject *self, RpObject *unused)
{
    iterobject *it = (iterobject *)self;
    const char *p;
    Rp_ssize_t n = 0;
    if (it->buffer != NULL && RpStd_Buffer(it->buffer, &p, &n) < 0)
        return NULL;
    Rp_ssize_t left = it->buffer ? (n - it->pos) / it->s->size : 0;
    return RpLong_FromSsize_t(left > 0 ? left : 0);
}

static RpMethodDef iter_methods[] = {
    {"__length_hint__", iter_length_hint, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

RpTypeObject RpStructIter_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "_struct.unpack_iterator",
    .tp_basicsize = sizeof(iterobject),
    .tp_dealloc = iter_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = iter_traverse,
    .tp_clear = iter_clear,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = iter_next,
    .tp_methods = iter_methods,
};

/* ---- the Struct type ------------------------------------------------------ */

static RpObject *s_get_format(RpObject *self, void *c)
{
    return Rp_NewRef(((structobject *)self)->format);
}

static RpObject *s_get_size(RpObject *self, void *c)
{
    return RpLong_FromSsize_t(((structobject *)self)->size);
}

static RpObject *s_sizeof(RpObject *self, RpObject *unused)
{
    structobject *s = (structobject *)self;
    return RpLong_FromSsize_t((Rp_ssize_t)(sizeof *s + sizeof(scode) * (size_t)(s->ncodes + 1)));
}

static RpGetSetDef s_getset[] = {
    {"format", s_get_format, NULL, NULL, NULL},
    {"size", s_get_size, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static RpMethodDef s_methods[] = {
    {"pack", FAST(s_pack), RP_METH_FASTCALL, NULL},
    {"pack_into", FAST(s_pack_into), RP_METH_FASTCALL, NULL},
    {"unpack", s_unpack, RP_METH_O, NULL},
    {"unpack_from", FAST(s_unpack_from), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"iter_unpack", s_iter_unpack, RP_METH_O, NULL},
    {"__sizeof__", s_sizeof, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

RpTypeObject RpStruct_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "_struct.Struct",
    .tp_basicsize = sizeof(structobject),
    .tp_dealloc = struct_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_BASETYPE,
    .tp_weaklistoffset = offsetof(structobject, weakreflist),
    .tp_methods = s_methods,
    .tp_getset = s_getset,
    .tp_alloc = RpType_GenericAlloc,
    .tp_new = struct_new,
    .tp_free = RpObject_Free,
};

/* ---- module functions: a temporary Struct per call ------------------------ */

static structobject *get_struct(RpObject *fmt)
{
    if (Rp_IS_TYPE(fmt, &RpStruct_Type))
        return (structobject *)Rp_NewRef(fmt);
    return (structobject *)struct_make(&RpStruct_Type, fmt);
}

static RpObject *m_pack(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    if (nargs == 0) {
        RpErr_SetString(RpExc_TypeError, "missing format argument");
        return NULL;
    }
    structobject *s = get_struct(args[0]);
    RpObject *r = s ? s_pack((RpObject *)s, args + 1, nargs - 1) : NULL;
    Rp_XDECREF(s);
    return r;
}

static RpObject *m_pack_into(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    if (nargs == 0) {
        RpErr_SetString(RpExc_TypeError, "missing format argument");
        return NULL;
    }
    structobject *s = get_struct(args[0]);
    RpObject *r = s ? s_pack_into((RpObject *)s, args + 1, nargs - 1) : NULL;
    Rp_XDECREF(s);
    return r;
}

static RpObject *m_unpack(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("unpack", nargs, 2, 2))
        return NULL;
    structobject *s = get_struct(args[0]);
    RpObject *r = s ? s_unpack((RpObject *)s, args[1]) : NULL;
    Rp_XDECREF(s);
    return r;
}

static RpObject *m_unpack_from(RpObject *m, RpObject *const *args, Rp_ssize_t nargs,
                               RpObject *kwnames)
{
    static const char *const names[] = {"", "buffer", "offset"};
    RpObject *a[3] = {NULL, NULL, NULL};
    if (_RpArg_ParseVector("unpack_from", args, nargs, kwnames, names, 3, 2, a) < 0)
        return NULL;
    structobject *s = get_struct(a[0]);
    RpObject *r = s ? do_unpack_from(s, a[1], a[2]) : NULL;
    Rp_XDECREF(s);
    return r;
}

static RpObject *m_iter_unpack(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("iter_unpack", nargs, 2, 2))
        return NULL;
    structobject *s = get_struct(args[0]);
    RpObject *r = s ? make_iter(s, args[1]) : NULL;
    Rp_XDECREF(s);
    return r;
}

static RpObject *m_calcsize(RpObject *m, RpObject *fmt)
{
    structobject *s = get_struct(fmt);
    RpObject *r = s ? RpLong_FromSsize_t(s->size) : NULL;
    Rp_XDECREF(s);
    return r;
}

static RpObject *m_clearcache(RpObject *m, RpObject *unused)
{
    Rp_RETURN_NONE;   /* nothing is cached */
}

static RpMethodDef struct_functions[] = {
    {"pack", FAST(m_pack), RP_METH_FASTCALL, NULL},
    {"pack_into", FAST(m_pack_into), RP_METH_FASTCALL, NULL},
    {"unpack", FAST(m_unpack), RP_METH_FASTCALL, NULL},
    {"unpack_from", FAST(m_unpack_from), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"iter_unpack", FAST(m_iter_unpack), RP_METH_FASTCALL, NULL},
    {"calcsize", m_calcsize, RP_METH_O, NULL},
    {"_clearcache", m_clearcache, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

RpObject *RpInit__struct(void)
{
    RpObject *m = RpModule_New("_struct");
    if (m == NULL)
        return NULL;
    if (RpModule_AddFunctions(m, struct_functions) < 0 ||
        RpModule_AddObjectRef(m, "Struct", (RpObject *)&RpStruct_Type) < 0 ||
        RpStd_AddError(m, "error", "struct", RpExc_Exception) < 0)
        Rp_CLEAR(m);
    return m;
}
