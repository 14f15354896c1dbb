/* intobject.c -- the int type, arbitrary precision.
 *
 * Representation.  An int object is a fixed-size header:
 *   ob_size == 0   the value fits int64_t and lives inline in u.v;
 *   ob_size == +-n the value does NOT fit int64_t; |value| is n 32-bit
 *                  digits (least significant first, top digit non-zero)
 *                  in a separate RpMem buffer u.d, and the sign of
 *                  ob_size is the sign of the value.
 * The form is canonical: a value that fits int64 is always stored inline,
 * so the VM's hot paths (_RpLong_Add/_Subtract/_Multiply/_Compare,
 * _RpLong_AsInt64) test ob_size and use machine arithmetic, falling back
 * to the magnitude routines of bigint.c only when a result overflows.
 * Keeping the header fixed-size (32 bytes, the allocator's size class the
 * int64 int already used) keeps int subclasses, the freelist and the
 * small-int table exactly as they were.
 *
 * Signed operations work on a `num` view (digits, length, sign) that any
 * int -- inline, big or bool -- can produce without allocating; results
 * are built in a fresh RpMem digit buffer and canonicalized by
 * from_digits().
 *
 * bool is a subclass whose two instances are bare RpObject headers
 * (numbers.h declares them as RpObject): their value is their identity, so
 * every read of an int goes through small_val()/get_num(), which check
 * for bool first and never touch the missing fields.
 *
 * Small ints -5..256 live in a static array and are never freed; other
 * exact ints are recycled through a small freelist.
 */
#include "rp.h"
#include "objects/bigint.h"
#include "objects/unicodedb.h"
#include <math.h>
#include <limits.h>
#include <errno.h>

typedef struct {
    RpObject_HEAD
    union {
        int64_t v;      /* ob_size == 0 */
        bn_digit *d;    /* ob_size != 0 */
    } u;
    int32_t ob_size;
} RpLongObject;

#define NSMALL (RP_SMALL_INT_MAX - RP_SMALL_INT_MIN + 1)
static RpLongObject small_ints[NSMALL];
static int small_ready;

#define FREELIST_MAX 100
static RpLongObject *freelist[FREELIST_MAX];
static int nfree;

/* Largest digit count we agree to build (2**31 digits = 2**36 bits). */
#define MAX_DIGITS ((size_t)INT32_MAX)

/* 1 and *v if o (an int or bool) is stored inline. */
static inline int small_val(RpObject *o, int64_t *v)
{
    if (RP_UNLIKELY(Rp_TYPE(o) == &RpBool_Type)) {
        *v = o == Rp_True;
        return 1;
    }
    RpLongObject *l = (RpLongObject *)o;
    if (RP_LIKELY(l->ob_size == 0)) {
        *v = l->u.v;
        return 1;
    }
    return 0;
}

static inline uint64_t magnitude(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* A read-only signed view of any int; `buf` backs inline values, so a
 * num must not be copied while in use. */
typedef struct {
    const bn_digit *d;
    size_t n;
    int neg;
    bn_digit buf[2];
} num;

static void num_from_u64(num *x, uint64_t m, int neg)
{
    x->buf[0] = (bn_digit)m;
    x->buf[1] = (bn_digit)(m >> 32);
    x->n = m == 0 ? 0 : (m >> 32) ? 2 : 1;
    x->d = x->buf;
    x->neg = neg && m != 0;
}

static void get_num(RpObject *o, num *x)
{
    int64_t v;
    if (small_val(o, &v)) {
        num_from_u64(x, magnitude(v), v < 0);
        return;
    }
    RpLongObject *l = (RpLongObject *)o;
    x->d = l->u.d;
    x->n = (size_t)(l->ob_size < 0 ? -(int64_t)l->ob_size : l->ob_size);
    x->neg = l->ob_size < 0;
}

static bn_digit *alloc_digits(size_t n)
{
    bn_digit *d = RpMem_Malloc((n ? n : 1) * sizeof(bn_digit));
    if (d == NULL)
        RpErr_NoMemory();
    return d;
}

static RpObject *too_big(void)
{
    RpErr_SetString(RpExc_OverflowError, "too many digits in integer");
    return NULL;
}

static void init_small(void)
{
    for (int i = 0; i < NSMALL; i++) {
        small_ints[i].ob_base.ob_refcnt = 1;
        small_ints[i].ob_base.ob_type = &RpLong_Type;
        small_ints[i].u.v = i + RP_SMALL_INT_MIN;
        small_ints[i].ob_size = 0;
    }
    small_ready = 1;
}

int _RpLong_Init(void)
{
    if (!small_ready)
        init_small();
    RpInterpreterState *interp = RpInterp_Get();
    if (interp != NULL && interp->int_max_str_digits == 0)
        interp->int_max_str_digits = 4300;
    return 0;
}

void _RpLong_Fini(void)
{
    bn_release_cache();
    while (nfree > 0)
        RpObject_Free(freelist[--nfree]);
}

/* ---- construction --------------------------------------------------------- */

static RpLongObject *alloc_long(void)
{
    RpLongObject *o;
    if (RP_LIKELY(nfree > 0)) {
        o = freelist[--nfree];
    } else {
        o = RpObject_Malloc(sizeof(RpLongObject));
        if (o == NULL) {
            RpErr_NoMemory();
            return NULL;
        }
    }
    /* RpObject_Init inlined: int is a static type (no reference to take),
     * and this is the hottest allocation of arithmetic loops. */
    Rp_SET_TYPE(o, &RpLong_Type);
#ifdef RP_REF_DEBUG
    _Rp_NewReference((RpObject *)o);
#else
    o->ob_base.ob_refcnt = 1;
#endif
    return o;
}

RpObject *RpLong_FromLongLong(long long v)
{
    if (v >= RP_SMALL_INT_MIN && v <= RP_SMALL_INT_MAX) {
        if (RP_UNLIKELY(!small_ready))
            init_small();
        RpObject *o = (RpObject *)&small_ints[v - RP_SMALL_INT_MIN];
        Rp_INCREF(o);
        return o;
    }
    RpLongObject *o = alloc_long();
    if (o == NULL)
        return NULL;
    o->u.v = v;
    o->ob_size = 0;
    return (RpObject *)o;
}

RpObject *RpLong_FromLong(long v) { return RpLong_FromLongLong(v); }
RpObject *RpLong_FromSsize_t(Rp_ssize_t v) { return RpLong_FromLongLong(v); }

/* The int -value or value of a 64-bit magnitude (any size up to 2**64-1). */
static RpObject *from_u64(uint64_t m, int neg)
{
    if (m <= (uint64_t)INT64_MAX + (uint64_t)neg)
        return RpLong_FromLongLong(neg ? (int64_t)(0 - m) : (int64_t)m);
    bn_digit *d = alloc_digits(2);
    if (d == NULL)
        return NULL;
    RpLongObject *o = alloc_long();
    if (o == NULL) {
        RpMem_Free(d);
        return NULL;
    }
    d[0] = (bn_digit)m;
    d[1] = (bn_digit)(m >> 32);
    o->u.d = d;
    o->ob_size = neg ? -2 : 2;
    return (RpObject *)o;
}

/* Build an int from a digit buffer d[0..n) (RpMem, stolen; NULL means
 * its allocation failed and the error is set). */
static RpObject *from_digits(bn_digit *d, size_t n, int neg)
{
    if (d == NULL)
        return NULL;
    n = bn_norm(d, n);
    if (n <= 2) {
        uint64_t m = n == 0 ? 0 : n == 1 ? d[0] : ((uint64_t)d[1] << 32 | d[0]);
        if (m <= (uint64_t)INT64_MAX + (uint64_t)neg) {
            RpMem_Free(d);
            return RpLong_FromLongLong(neg ? (int64_t)(0 - m) : (int64_t)m);
        }
    }
    if (n > MAX_DIGITS) {
        RpMem_Free(d);
        return too_big();
    }
    RpLongObject *o = alloc_long();
    if (o == NULL) {
        RpMem_Free(d);
        return NULL;
    }
    o->u.d = d;
    o->ob_size = neg ? -(int32_t)n : (int32_t)n;
    return (RpObject *)o;
}

/* A copy of a view's magnitude with room for `extra` more digits. */
static bn_digit *copy_digits(const num *x, size_t extra)
{
    bn_digit *d = alloc_digits(x->n + extra);
    if (d != NULL && x->n)
        memcpy(d, x->d, x->n * sizeof(bn_digit));
    return d;
}

static RpObject *from_num(const num *x, int neg)
{
    if (x->n <= 2)
        return from_u64(x->n == 0 ? 0 : x->n == 1 ? x->d[0] : ((uint64_t)x->d[1] << 32 | x->d[0]),
                        neg);
    return from_digits(copy_digits(x, 0), x->n, neg);
}

RpObject *RpLong_FromUnsignedLongLong(unsigned long long v) { return from_u64(v, 0); }
RpObject *RpLong_FromSize_t(size_t v) { return from_u64(v, 0); }

RpObject *RpLong_FromDouble(double v)
{
    if (isnan(v)) {
        RpErr_SetString(RpExc_ValueError, "cannot convert float NaN to integer");
        return NULL;
    }
    if (isinf(v)) {
        RpErr_SetString(RpExc_OverflowError, "cannot convert float infinity to integer");
        return NULL;
    }
    double t = trunc(v);
    /* 2**63 is exactly representable; int64 is [-2**63, 2**63). */
    if (t < 9223372036854775808.0 && t >= -9223372036854775808.0)
        return RpLong_FromLongLong((long long)t);
    /* |t| = mant * 2**(e-53) exactly, with e >= 64 */
    int e;
    double m = frexp(fabs(t), &e);
    uint64_t mant = (uint64_t)ldexp(m, 53);
    size_t shift = (size_t)(e - 53);
    bn_digit *d = alloc_digits(2 + shift / 32 + 1);
    if (d == NULL)
        return NULL;
    bn_digit src[2] = {(bn_digit)mant, (bn_digit)(mant >> 32)};
    size_t n = bn_lshift(d, src, 2, shift);
    return from_digits(d, n, t < 0);
}

/* An exact int (type int) equal to o (an int, bool or int subclass). */
static RpObject *exact_copy(RpObject *o)
{
    int64_t v;
    if (small_val(o, &v))
        return RpLong_FromLongLong(v);
    if (RpLong_CheckExact(o))
        return Rp_NewRef(o);
    num x;
    get_num(o, &x);
    return from_num(&x, x.neg);
}

/* A new int of type `type` (an int subclass) with the value of the exact
 * int v. */
static RpObject *long_subtype_from(RpTypeObject *type, RpObject *v)
{
    if (type == &RpLong_Type)
        return Rp_NewRef(v);
    RpLongObject *o = (RpLongObject *)type->tp_alloc(type, 0);
    if (o == NULL)
        return NULL;
    int64_t sv;
    if (small_val(v, &sv)) {
        o->u.v = sv;
        o->ob_size = 0;
        return (RpObject *)o;
    }
    num x;
    get_num(v, &x);
    bn_digit *d = copy_digits(&x, 0);
    if (d == NULL) {
        Rp_DECREF(o);
        return NULL;
    }
    o->u.d = d;
    o->ob_size = ((RpLongObject *)v)->ob_size;
    return (RpObject *)o;
}

static void long_dealloc(RpObject *o)
{
    RpLongObject *l = (RpLongObject *)o;
    if (l >= small_ints && l < small_ints + NSMALL)
        return; /* never freed: the count was unbalanced by a caller */
    if (l->ob_size != 0) {
        RpMem_Free(l->u.d);
        l->ob_size = 0;
    }
    if (Rp_TYPE(o) != &RpLong_Type) {
        Rp_TYPE(o)->tp_free(o);
        return;
    }
    if (nfree < FREELIST_MAX)
        freelist[nfree++] = l;
    else
        RpObject_Free(o);
}

/* ---- conversions to C --------------------------------------------------- */

int _RpLong_AsInt64(RpObject *v, int64_t *out)
{
    if (!RpLong_Check(v))
        return 0;
    return small_val(v, out);
}

/* The exact int behind v (int or __index__); NULL + error. */
static RpObject *index_of(RpObject *v)
{
    if (v == NULL) {
        RpErr_BadInternalCall();
        return NULL;
    }
    if (RpLong_Check(v))
        return Rp_NewRef(v);
    return RpNumber_Index(v);
}

/* v as int64 or OverflowError(msg). */
static int64_t as_int64(RpObject *v, const char *msg)
{
    int64_t r;
    if (RpLong_Check(v) && small_val(v, &r))
        return r;
    RpObject *i = index_of(v);
    if (i == NULL)
        return -1;
    if (!small_val(i, &r)) {
        RpErr_SetString(RpExc_OverflowError, msg);
        r = -1;
    }
    Rp_DECREF(i);
    return r;
}

long long RpLong_AsLongLong(RpObject *v)
{
    return as_int64(v, "Python int too large to convert to C long long");
}

long RpLong_AsLong(RpObject *v)
{
    return (long)as_int64(v, "Python int too large to convert to C long");
}

Rp_ssize_t RpLong_AsSsize_t(RpObject *v)
{
    if (v == NULL || !RpLong_Check(v)) {
        RpErr_SetString(RpExc_TypeError, "an integer is required");
        return -1;
    }
    return (Rp_ssize_t)as_int64(v, "Python int too large to convert to C ssize_t");
}

/* |x| as a double and a binary exponent: |x| ~= m * 2**e with m holding
 * the top 64 bits plus a sticky bit for the rest, so that converting m
 * (one rounding) and scaling by 2**e is correctly rounded while the
 * result stays normal. */
static double top_bits(const num *x, int64_t *e)
{
    uint64_t nb = bn_bit_length(x->d, x->n);
    if (nb <= 64) {
        *e = 0;
        uint64_t m = x->n == 0 ? 0 : x->n == 1 ? x->d[0] : ((uint64_t)x->d[1] << 32 | x->d[0]);
        return (double)m;
    }
    uint64_t shift = nb - 64;
    size_t w = (size_t)(shift / 32);
    int s = (int)(shift % 32);
    /* bits [shift, shift+64) span digits w..w+2 */
    unsigned __int128 acc = 0;
    for (size_t i = w + 3; i-- > w;)
        acc = (acc << 32) | (i < x->n ? x->d[i] : 0);
    uint64_t m = (uint64_t)(acc >> s);
    /* bit 0 is far below double's 53: use it as the sticky bit */
    if (bn_low_bits_nonzero(x->d, x->n, shift))
        m |= 1;
    *e = (int64_t)shift;
    return (double)m;
}

static double num_to_double(const num *x)
{
    int64_t e;
    double m = top_bits(x, &e);
    if (e > 1024) {
        RpErr_SetString(RpExc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    double r = ldexp(m, (int)e);
    if (isinf(r)) {
        RpErr_SetString(RpExc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return x->neg ? -r : r;
}

double RpLong_AsDouble(RpObject *v)
{
    if (!RpLong_Check(v)) {
        RpErr_SetString(RpExc_TypeError, "an integer is required");
        return -1.0;
    }
    int64_t s;
    if (small_val(v, &s))
        return (double)s;   /* the FPU rounds half-to-even, as Python does */
    num x;
    get_num(v, &x);
    return num_to_double(&x);
}

double _RpLong_Frexp(RpObject *v, int64_t *e)
{
    num x;
    get_num(v, &x);
    int64_t sh;
    double m = top_bits(&x, &sh);
    int fe;
    m = frexp(m, &fe);
    *e = sh + fe;
    return x.neg ? -m : m;
}

uint64_t _RpLong_NumBits(RpObject *v)
{
    num x;
    get_num(v, &x);
    return bn_bit_length(x.d, x.n);
}

int _RpLong_Sign(RpObject *v)
{
    num x;
    get_num(v, &x);
    return x.n == 0 ? 0 : x.neg ? -1 : 1;
}

static int num_cmp(const num *a, const num *b)
{
    if (a->neg != b->neg)
        return a->neg ? -1 : 1;
    int c = bn_cmp(a->d, a->n, b->d, b->n);
    return a->neg ? -c : c;
}

int _RpLong_Compare(RpObject *a, RpObject *b)
{
    int64_t x, y;
    if (RP_LIKELY(small_val(a, &x) && small_val(b, &y)))
        return (x > y) - (x < y);
    num na, nb;
    get_num(a, &na);
    get_num(b, &nb);
    return num_cmp(&na, &nb);
}

/* Compare int v with the double x (not NaN) exactly: <0, 0, >0. */
int _RpLong_CompareDouble(RpObject *v, double x)
{
    if (isinf(x))
        return x > 0 ? -1 : 1;
    int64_t i;
    if (small_val(v, &i)) {
        const int64_t lim = (int64_t)1 << 53;
        if (i >= -lim && i <= lim) {
            double y = (double)i;
            return (y > x) - (y < x);
        }
        if (x >= 9223372036854775808.0)
            return -1;
        if (x < -9223372036854775808.0)
            return 1;
        double t = trunc(x);
        int64_t ti = (int64_t)t;
        if (ti != i)
            return (i > ti) - (i < ti);
        double frac = x - t;
        return (frac < 0) - (frac > 0);
    }
    /* v does not fit int64: a float inside int64 range is smaller in
     * magnitude; otherwise x is integral and converts exactly. */
    if (x < 9223372036854775808.0 && x >= -9223372036854775808.0)
        return _RpLong_Sign(v);
    RpObject *xi = RpLong_FromDouble(x);
    if (xi == NULL) {
        RpErr_Clear();
        return 0;
    }
    int c = _RpLong_Compare(v, xi);
    Rp_DECREF(xi);
    return c;
}

/* ---- text ------------------------------------------------------------- */

static const char lower_digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
static const char upper_digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

static int64_t max_str_digits(void)
{
    RpInterpreterState *interp = RpInterp_Get();
    return interp != NULL ? interp->int_max_str_digits : 0;
}

static void *limit_to_str(void)
{
    RpErr_Format(RpExc_ValueError,
                 "Exceeds the limit (%lld digits) for integer string conversion; "
                 "use sys.set_int_max_str_digits() to increase the limit",
                 (long long)max_str_digits());
    return NULL;
}

/* Decimal digits of |x| (bigint.c's subquadratic conversion), checked
 * against the digit limit. */
static char *decimal_digits(const num *x, Rp_ssize_t *len)
{
    size_t n;
    char *s = bn_to_decimal(x->d, x->n, &n);
    if (s == NULL) {
        RpErr_NoMemory();
        return NULL;
    }
    if (max_str_digits() > 0 && (int64_t)n > max_str_digits()) {
        RpMem_Free(s);
        return limit_to_str();
    }
    *len = (Rp_ssize_t)n;
    return s;
}

/* Digits of |x| in base 2..36 as a NUL-terminated RpMem string; *len gets
 * its length.  Decimal output obeys sys.get_int_max_str_digits().
 * Powers of two read bits directly; decimal goes to bigint.c; other
 * bases peel off chunks of base**k < 2**32 by single-digit division
 * (quadratic, but rare). */
static char *num_digits(const num *x, int base, int upper, Rp_ssize_t *len)
{
    const char *dg = upper ? upper_digits : lower_digits;
    uint64_t nbits = bn_bit_length(x->d, x->n);
    if (base == 10 && max_str_digits() > 0 && nbits > 1 &&
        (double)(nbits - 1) * 0.30102999566398120 >= (double)max_str_digits() + 1)
        return limit_to_str();
    if ((base & (base - 1)) == 0) {
        int k = __builtin_ctz((unsigned)base);
        size_t nch = nbits ? (size_t)((nbits + (uint64_t)k - 1) / (uint64_t)k) : 1;
        char *s = RpMem_Malloc(nch + 1);
        if (s == NULL) {
            RpErr_NoMemory();
            return NULL;
        }
        for (size_t i = 0; i < nch; i++) {
            uint64_t bit = (uint64_t)i * (uint64_t)k;
            size_t w = (size_t)(bit / 32);
            int sh = (int)(bit % 32);
            uint64_t two = (w < x->n ? x->d[w] : 0) |
                           ((uint64_t)(w + 1 < x->n ? x->d[w + 1] : 0) << 32);
            s[nch - 1 - i] = dg[(two >> sh) & (uint64_t)(base - 1)];
        }
        s[nch] = '\0';
        *len = (Rp_ssize_t)nch;
        return s;
    }
    if (base == 10)
        return decimal_digits(x, len);
    /* chunk = base**k, the largest power below 2**32 */
    bn_digit chunk = (bn_digit)base;
    int k = 1;
    while ((uint64_t)chunk * (uint64_t)base <= UINT32_MAX) {
        chunk *= (bn_digit)base;
        k++;
    }
    size_t cap = (size_t)((double)nbits / log2((double)base)) + (size_t)k + 2;
    char *s = RpMem_Malloc(cap + 1);
    bn_digit *t = copy_digits(x, 0);
    if (s == NULL || t == NULL) {
        RpMem_Free(s);
        if (t != NULL)
            RpErr_NoMemory();
        RpMem_Free(t);
        return NULL;
    }
    char *p = s + cap;
    *p = '\0';
    size_t n = x->n;
    do {
        bn_digit r = bn_divrem1(t, t, n, chunk);
        n = bn_norm(t, n);
        for (int i = 0; i < k && (n > 0 || r > 0 || i == 0); i++) {
            *--p = dg[r % (bn_digit)base];
            r /= (bn_digit)base;
        }
        if (n > 0)   /* a middle chunk keeps its leading zeros */
            while ((size_t)(s + cap - p) % (size_t)k)
                *--p = '0';
    } while (n > 0);
    RpMem_Free(t);
    Rp_ssize_t l = (Rp_ssize_t)(s + cap - p);
    memmove(s, p, (size_t)l + 1);
    *len = l;
    if (base == 10 && max_str_digits() > 0 && l > max_str_digits()) {
        RpMem_Free(s);
        return limit_to_str();
    }
    return s;
}

RpObject *_RpLong_Format(RpObject *v, int base)
{
    int64_t sv;
    if (small_val(v, &sv) && base == 10) {
        /* str() of a machine int is hot (formatting, joins): write the
         * digits backwards instead of going through snprintf */
        char buf[32], *p = buf + sizeof buf;
        uint64_t m = magnitude(sv);
        do {
            *--p = (char)('0' + m % 10);
            m /= 10;
        } while (m != 0);
        if (sv < 0)
            *--p = '-';
        return RpUnicode_FromStringAndSize(p, buf + sizeof buf - p);
    }
    num x;
    get_num(v, &x);
    Rp_ssize_t n;
    char *d = num_digits(&x, base, 0, &n);
    if (d == NULL)
        return NULL;
    const char *prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
    RpStrBuf b;
    RpStrBuf_Init(&b);
    if (x.neg)
        RpStrBuf_AppendStr(&b, "-");
    RpStrBuf_AppendStr(&b, prefix);
    RpStrBuf_Append(&b, d, n);
    RpMem_Free(d);
    if (b.error) {
        RpStrBuf_Discard(&b);
        return RpErr_NoMemory();
    }
    return RpStrBuf_Finish(&b);
}

static RpObject *long_repr(RpObject *v) { return _RpLong_Format(v, 10); }

/* ---- parsing ---------------------------------------------------------------- */

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

static int is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

/* Skip a base prefix matching `base` ("0x" for 16...); for base 0 also
 * decide the base.  Returns the new position. */
static const char *parse_prefix(const char *p, int *base)
{
    if (p[0] != '0')
        return p;
    char c = (char)(p[1] | 0x20);
    int b = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
    if (b == 0 || (*base != 0 && *base != b))
        return p;
    *base = b;
    return p + 2;
}

/* Scan the digits (with single underscores between them) in `base`;
 * returns the digit count (0 on bad syntax); *pp advances past them. */
static Rp_ssize_t scan_digits(const char **pp, int base, int after_prefix)
{
    const char *p = *pp;
    Rp_ssize_t ndig = 0;
    if (after_prefix && *p == '_')
        p++;  /* "0x_1f" is valid */
    for (;; p++) {
        if (*p == '_') {
            if (ndig == 0 || digit_value((unsigned char)p[1]) >= base)
                return 0;
            continue;
        }
        if (digit_value((unsigned char)*p) >= base)
            break;
        ndig++;
    }
    *pp = p;
    return ndig;
}

/* The value of ndig decimal digits at p (underscores skipped) through
 * bigint.c's subquadratic conversion. */
static RpObject *decimal_value(const char *p, Rp_ssize_t ndig, int neg)
{
    char *copy = NULL;
    const char *s = p;
    if (memchr(p, '_', (size_t)ndig) != NULL) {
        /* underscores: gather the digits alone */
        if ((copy = RpMem_Malloc((size_t)ndig)) == NULL)
            return RpErr_NoMemory();
        for (Rp_ssize_t i = 0; i < ndig; p++)
            if (*p != '_')
                copy[i++] = *p;
        s = copy;
    }
    bn_digit *d = alloc_digits(bn_dec_limbs((size_t)ndig));
    size_t n = 0;
    if (d != NULL && bn_from_decimal(d, s, (size_t)ndig, &n) < 0) {
        RpMem_Free(d);
        d = NULL;
        RpErr_NoMemory();
    }
    RpMem_Free(copy);
    return from_digits(d, n, neg);
}

/* The value of the ndig digits starting at p (underscores skipped). */
static RpObject *digits_value(const char *p, Rp_ssize_t ndig, int base, int neg)
{
    if (ndig <= 12 && base <= 36) {  /* 36**12 < 2**63: the common case */
        int64_t acc = 0;
        for (Rp_ssize_t i = 0; i < ndig; p++) {
            if (*p == '_')
                continue;
            acc = acc * base + digit_value((unsigned char)*p);
            i++;
        }
        return RpLong_FromLongLong(neg ? -acc : acc);
    }
    if (base == 10)
        return decimal_value(p, ndig, neg);
    /* Each digit adds at most log2(36) < 6 bits. */
    double bits_per = log2((double)base);
    size_t nd = (size_t)((double)ndig * bits_per / 32.0) + 2;
    bn_digit *d = alloc_digits(nd);
    if (d == NULL)
        return NULL;
    size_t n = 0;
    if ((base & (base - 1)) == 0) {
        int k = __builtin_ctz((unsigned)base);
        memset(d, 0, nd * sizeof(bn_digit));
        uint64_t bit = 0;
        const char *q = p;
        while (*q == '_' || digit_value((unsigned char)*q) < base)
            q++;
        for (; q-- > p;) {   /* least significant digit first */
            if (*q == '_')
                continue;
            uint64_t v = (uint64_t)digit_value((unsigned char)*q) << (bit % 32);
            d[bit / 32] |= (bn_digit)v;
            if (v >> 32)
                d[bit / 32 + 1] |= (bn_digit)(v >> 32);
            bit += (uint64_t)k;
        }
        return from_digits(d, nd, neg);
    }
    bn_digit chunk = 1, acc = 0;
    for (Rp_ssize_t i = 0; i < ndig; p++) {
        if (*p == '_')
            continue;
        acc = acc * (bn_digit)base + (bn_digit)digit_value((unsigned char)*p);
        chunk *= (bn_digit)base;
        i++;
        if ((uint64_t)chunk * (uint64_t)base > UINT32_MAX || i == ndig) {
            n = bn_muladd1(d, n, chunk, acc);
            chunk = 1;
            acc = 0;
        }
    }
    return from_digits(d, n, neg);
}

static RpObject *invalid_literal(const char *s, Rp_ssize_t n, int base, RpObject *src)
{
    if (src != NULL) {  /* bytes and bytearray are quoted as their repr */
        RpErr_Format(RpExc_ValueError, "invalid literal for int() with base %d: %R", base, src);
        return NULL;
    }
    /* CPython quotes at most 200 characters of the input */
    RpObject *str = RpUnicode_DecodeUTF8(s, n > 200 ? 200 : n, "replace");
    if (str == NULL)
        return NULL;
    RpErr_Format(RpExc_ValueError, "invalid literal for int() with base %d: %R",
                 base, str);
    Rp_DECREF(str);
    return NULL;
}

/* The core of int(s, base) on a NUL-terminated buffer of length n.
 * With pend == NULL trailing junk is an error (int()); otherwise *pend
 * gets the end of the number. */
static RpObject *parse_int(const char *s, Rp_ssize_t n, char **pend, int base, RpObject *src)
{
    if ((base != 0 && base < 2) || base > 36) {
        RpErr_SetString(RpExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    const char *p = s;
    int orig_base = base, neg = 0;
    while (is_space((unsigned char)*p))
        p++;
    if (*p == '+' || *p == '-')
        neg = *p++ == '-';
    const char *start = p;
    p = parse_prefix(p, &base);
    int had_prefix = p != start;
    if (base == 0)
        base = 10;
    const char *dstart = p;
    if (had_prefix && *dstart == '_')
        dstart++;
    Rp_ssize_t ndig = scan_digits(&p, base, had_prefix);
    int ok = ndig > 0;
    /* base 0 forbids leading zeros on a non-zero decimal ("010") */
    if (ok && orig_base == 0 && !had_prefix && *dstart == '0') {
        for (const char *q = dstart; q < p; q++)
            if (*q != '0' && *q != '_')
                ok = 0;
    }
    if (ok && (base & (base - 1)) != 0 && max_str_digits() > 0 && ndig > max_str_digits()) {
        RpErr_Format(RpExc_ValueError,
                     "Exceeds the limit (%lld digits) for integer string conversion: "
                     "value has %zd digits; use sys.set_int_max_str_digits() to increase "
                     "the limit", (long long)max_str_digits(), ndig);
        return NULL;
    }
    if (ok && pend == NULL) {
        while (is_space((unsigned char)*p))
            p++;
        if (p != s + n)
            ok = 0;
    }
    if (pend != NULL)
        *pend = (char *)p;
    if (!ok)
        return invalid_literal(s, n, orig_base, src);
    return digits_value(dstart, ndig, base, neg);
}

RpObject *RpLong_FromString(const char *s, char **pend, int base)
{
    return parse_int(s, (Rp_ssize_t)strlen(s), pend, base, NULL);
}

RpObject *RpLong_FromUnicodeObject(RpObject *u, int base)
{
    Rp_ssize_t n;
    const char *s = RpUnicode_AsUTF8AndSize(u, &n);
    if (s == NULL)
        return NULL;
    if (RpUnicode_IS_ASCII(u))
        return parse_int(s, n, NULL, base, NULL);
    /* Unicode digits and spaces count as their ASCII forms: int('٣') == 3 */
    RpObject *a = RpUnicodeDB_ToASCIIDigits(u);
    if (a == NULL)
        return NULL;
    RpObject *r = parse_int(RpUnicode_UTF8(a), RpUnicode_UTF8_SIZE(a), NULL, base, u);
    Rp_DECREF(a);
    return r;
}

/* ---- signed arithmetic on views ------------------------------------------ */

/* a + b, or a - b when negate_b. */
static RpObject *num_add(const num *a, const num *b, int negate_b)
{
    int bneg = b->neg ^ (negate_b && b->n > 0);
    if (a->neg == bneg) {
        size_t n = (a->n > b->n ? a->n : b->n) + 1;
        bn_digit *r = alloc_digits(n);
        if (r == NULL)
            return NULL;
        return from_digits(r, bn_add(r, a->d, a->n, b->d, b->n), a->neg);
    }
    int c = bn_cmp(a->d, a->n, b->d, b->n);
    if (c == 0)
        return RpLong_FromLongLong(0);
    if (c < 0) {
        const num *t = a; a = b; b = t;
    }
    bn_digit *r = alloc_digits(a->n);
    if (r == NULL)
        return NULL;
    return from_digits(r, bn_sub(r, a->d, a->n, b->d, b->n), c > 0 ? a->neg : bneg);
}

static RpObject *num_mul(const num *a, const num *b)
{
    if (a->n == 0 || b->n == 0)
        return RpLong_FromLongLong(0);
    if (a->n + b->n > MAX_DIGITS)
        return too_big();
    bn_digit *r = alloc_digits(a->n + b->n);
    if (r == NULL)
        return NULL;
    return from_digits(r, bn_mul(r, a->d, a->n, b->d, b->n), a->neg != b->neg);
}

/* Floor division and modulo of views (b != 0); *pq and/or *pr get new
 * ints.  Returns 0 or -1. */
static int num_divmod(const num *a, const num *b, RpObject **pq, RpObject **pr)
{
    bn_digit *q = NULL, *r = NULL;
    size_t nq = 0, nr = 0;
    if (bn_cmp(a->d, a->n, b->d, b->n) < 0) {
        r = copy_digits(a, 1);
        nr = a->n;
        q = alloc_digits(1);
    } else if (b->n == 1) {
        q = alloc_digits(a->n);
        r = alloc_digits(2);
        if (q != NULL && r != NULL) {
            r[0] = bn_divrem1(q, a->d, a->n, b->d[0]);
            nr = 1;
            nq = a->n;
        }
    } else {
        q = alloc_digits(a->n - b->n + 2);
        r = alloc_digits(b->n + 1);
        if (q != NULL && r != NULL) {
            if (bn_divrem(q, r, a->d, a->n, b->d, b->n) < 0) {
                RpMem_Free(q);
                q = NULL;
                RpErr_NoMemory();
            }
            nq = a->n - b->n + 1;
            nr = b->n;
        }
    }
    if (q == NULL || r == NULL) {
        RpMem_Free(q);
        RpMem_Free(r);
        return -1;
    }
    nq = bn_norm(q, nq);
    nr = bn_norm(r, nr);
    int qneg = a->neg != b->neg;
    if (qneg && nr > 0) {
        /* round toward -inf: q += 1 (in magnitude), r = |b| - r */
        bn_digit one = 1;
        bn_digit *q2 = alloc_digits(nq + 2);
        bn_digit *r2 = alloc_digits(b->n);
        if (q2 == NULL || r2 == NULL) {
            RpMem_Free(q); RpMem_Free(r); RpMem_Free(q2); RpMem_Free(r2);
            return -1;
        }
        nq = bn_add(q2, q, nq, &one, 1);
        nr = bn_sub(r2, b->d, b->n, r, nr);
        RpMem_Free(q);
        RpMem_Free(r);
        q = q2;
        r = r2;
    }
    RpObject *qo = NULL, *ro = NULL;
    if (pq != NULL) {
        qo = from_digits(q, nq, qneg);
        q = NULL;
        if (qo == NULL)
            goto error;
    }
    if (pr != NULL) {
        ro = from_digits(r, nr, b->neg);
        r = NULL;
        if (ro == NULL)
            goto error;
    }
    RpMem_Free(q);
    RpMem_Free(r);
    if (pq != NULL)
        *pq = qo;
    if (pr != NULL)
        *pr = ro;
    return 0;
error:
    RpMem_Free(q);
    RpMem_Free(r);
    Rp_XDECREF(qo);
    return -1;
}

/* Object-level helpers for the algorithms built from the above. */
static RpObject *obj_add(RpObject *a, RpObject *b, int negate_b)
{
    num x, y;
    get_num(a, &x);
    get_num(b, &y);
    return num_add(&x, &y, negate_b);
}

static RpObject *obj_mul(RpObject *a, RpObject *b)
{
    num x, y;
    get_num(a, &x);
    get_num(b, &y);
    return num_mul(&x, &y);
}

static int obj_divmod(RpObject *a, RpObject *b, RpObject **q, RpObject **r)
{
    num x, y;
    get_num(a, &x);
    get_num(b, &y);
    return num_divmod(&x, &y, q, r);
}

static RpObject *obj_mod(RpObject *a, RpObject *b)
{
    RpObject *r;
    return obj_divmod(a, b, NULL, &r) < 0 ? NULL : r;
}

/* ---- arithmetic ------------------------------------------------------- */

#define CHECK_BINOP(a, b)                                       \
    do {                                                        \
        if (!RpLong_Check(a) || !RpLong_Check(b))               \
            Rp_RETURN_NOTIMPLEMENTED;                           \
    } while (0)

RpObject *_RpLong_Add(RpObject *a, RpObject *b)
{
    int64_t x, y, r;
    if (RP_LIKELY(small_val(a, &x) && small_val(b, &y)) && !__builtin_add_overflow(x, y, &r))
        return RpLong_FromLongLong(r);
    return obj_add(a, b, 0);
}

RpObject *_RpLong_Subtract(RpObject *a, RpObject *b)
{
    int64_t x, y, r;
    if (RP_LIKELY(small_val(a, &x) && small_val(b, &y)) && !__builtin_sub_overflow(x, y, &r))
        return RpLong_FromLongLong(r);
    return obj_add(a, b, 1);
}

RpObject *_RpLong_Multiply(RpObject *a, RpObject *b)
{
    int64_t x, y, r;
    if (RP_LIKELY(small_val(a, &x) && small_val(b, &y)) && !__builtin_mul_overflow(x, y, &r))
        return RpLong_FromLongLong(r);
    return obj_mul(a, b);
}

static RpObject *long_add(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    return _RpLong_Add(a, b);
}

static RpObject *long_sub(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    return _RpLong_Subtract(a, b);
}

static RpObject *long_mul(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    return _RpLong_Multiply(a, b);
}

/* Floor division and modulo of int64s, rounding toward negative infinity.
 * 0 ok, -1 when the quotient overflows (INT64_MIN // -1).  y != 0. */
static int floor_divmod(int64_t x, int64_t y, int64_t *q, int64_t *r)
{
    if (y == -1) {
        if (x == INT64_MIN)
            return -1;
        *q = -x;
        *r = 0;
        return 0;
    }
    int64_t qq, rr;
    if (((uint64_t)x | (uint64_t)y) <= UINT32_MAX) {
        /* both non-negative and below 2**32: a 32-bit divide is several
         * times cheaper than a 64-bit one, and no floor correction */
        *q = (uint32_t)x / (uint32_t)y;
        *r = (uint32_t)x % (uint32_t)y;
        return 0;
    }
    qq = x / y;
    rr = x % y;
    if (rr != 0 && ((rr < 0) != (y < 0))) {
        qq -= 1;
        rr += y;
    }
    *q = qq;
    *r = rr;
    return 0;
}

/* Shared body of // % divmod: *pq / *pr as requested. */
static int long_divmod_impl(RpObject *a, RpObject *b, RpObject **pq, RpObject **pr,
                            const char *zmsg)
{
    int64_t x, y, q, r;
    if (small_val(b, &y) && y == 0) {
        RpErr_SetString(RpExc_ZeroDivisionError, zmsg);
        return -1;
    }
    if (small_val(a, &x) && small_val(b, &y) && floor_divmod(x, y, &q, &r) == 0) {
        RpObject *qo = NULL, *ro = NULL;
        if (pq != NULL && (qo = RpLong_FromLongLong(q)) == NULL)
            return -1;
        if (pr != NULL && (ro = RpLong_FromLongLong(r)) == NULL) {
            Rp_XDECREF(qo);
            return -1;
        }
        if (pq != NULL)
            *pq = qo;
        if (pr != NULL)
            *pr = ro;
        return 0;
    }
    return obj_divmod(a, b, pq, pr);
}

static RpObject *long_floordiv(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    RpObject *q;
    return long_divmod_impl(a, b, &q, NULL, "integer division or modulo by zero") < 0 ? NULL : q;
}

static RpObject *long_mod(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    RpObject *r;
    return long_divmod_impl(a, b, NULL, &r, "integer modulo by zero") < 0 ? NULL : r;
}

static RpObject *long_divmod(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    RpObject *q, *r;
    if (long_divmod_impl(a, b, &q, &r, "integer division or modulo by zero") < 0)
        return NULL;
    RpObject *t = RpTuple_Pack(2, q, r);
    Rp_DECREF(q);
    Rp_DECREF(r);
    return t;
}

/* |a| / |b| correctly rounded (a, b non-zero views).  The quotient is
 * computed with at least 55 significant bits (fewer when the result is
 * subnormal, so that the final scaling rounds exactly once), the
 * remainder folds into a sticky bit, and the conversion to double does
 * the single rounding. */
static int num_truediv(const num *a, const num *b, double *out)
{
    int64_t la = (int64_t)bn_bit_length(a->d, a->n), lb = (int64_t)bn_bit_length(b->d, b->n);
    int64_t diff = la - lb;   /* 2**(diff-1) < a/b < 2**(diff+1) */
    if (diff > 1025) {
        RpErr_SetString(RpExc_OverflowError, "integer division result too large for a float");
        return -1;
    }
    if (diff < -1080) {
        *out = 0.0;
        return 0;
    }
    int64_t s = 55 - diff;        /* scale so that the quotient has 55..56 bits */
    if (s > 1074 + 2)             /* subnormal: keep only the bits that exist */
        s = 1074 + 2;
    if (s < 0 && -s > 0x7fffffff)
        s = 0;
    bn_digit *n = NULL, *d = NULL, *q = NULL, *r = NULL;
    size_t nn, nd;
    if (s >= 0) {
        n = alloc_digits(a->n + (size_t)s / 32 + 2);
        d = copy_digits(b, 0);
        if (n == NULL || d == NULL)
            goto fail;
        nn = a->n ? bn_lshift(n, a->d, a->n, (size_t)s) : 0;
        nd = b->n;
    } else {
        n = copy_digits(a, 0);
        d = alloc_digits(b->n + (size_t)(-s) / 32 + 2);
        if (n == NULL || d == NULL)
            goto fail;
        nn = a->n;
        nd = bn_lshift(d, b->d, b->n, (size_t)(-s));
    }
    uint64_t qv;
    int sticky;
    if (nn < nd) {
        qv = 0;
        sticky = nn > 0;
    } else if (nd == 1) {
        q = alloc_digits(nn);
        if (q == NULL)
            goto fail;
        sticky = bn_divrem1(q, n, nn, d[0]) != 0;
        size_t nq = bn_norm(q, nn);
        qv = nq == 0 ? 0 : nq == 1 ? q[0] : ((uint64_t)q[1] << 32 | q[0]);
    } else {
        q = alloc_digits(nn - nd + 2);
        r = alloc_digits(nd);
        if (q == NULL || r == NULL || bn_divrem(q, r, n, nn, d, nd) < 0)
            goto fail;
        size_t nq = bn_norm(q, nn - nd + 1);
        qv = nq == 0 ? 0 : nq == 1 ? q[0] : ((uint64_t)q[1] << 32 | q[0]);
        sticky = bn_norm(r, nd) != 0;
    }
    RpMem_Free(n); RpMem_Free(d); RpMem_Free(q); RpMem_Free(r);
    /* Round qv * 2**-s (sticky: the bits below qv) to a double by hand,
     * half to even: 53 bits when normal, fewer when subnormal. */
    int bl = qv ? 64 - __builtin_clzll(qv) : 0;
    int64_t drop = bl - 1 - s >= -1022 ? bl - 53 : s - 1074;
    uint64_t m = qv;
    if (drop > 0) {
        m = qv >> drop;
        uint64_t rem = qv & (((uint64_t)1 << drop) - 1), half = (uint64_t)1 << (drop - 1);
        if (rem > half || (rem == half && (sticky || (m & 1))))
            m++;
    } else {
        drop = 0;
    }
    double v = ldexp((double)m, (int)(drop - s));
    if (isinf(v)) {
        RpErr_SetString(RpExc_OverflowError, "integer division result too large for a float");
        return -1;
    }
    *out = v;
    return 0;
fail:
    RpMem_Free(n); RpMem_Free(d); RpMem_Free(q); RpMem_Free(r);
    if (!RpErr_Occurred())
        RpErr_NoMemory();
    return -1;
}

static RpObject *long_truediv(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    int64_t x, y;
    num na, nb;
    get_num(a, &na);
    get_num(b, &nb);
    if (nb.n == 0) {
        RpErr_SetString(RpExc_ZeroDivisionError, "division by zero");
        return NULL;
    }
    const int64_t lim = (int64_t)1 << 53;
    if (small_val(a, &x) && small_val(b, &y) && x >= -lim && x <= lim && y >= -lim && y <= lim)
        return RpFloat_FromDouble((double)x / (double)y);
    int neg = na.neg != nb.neg;
    if (na.n == 0)
        return RpFloat_FromDouble(neg ? -0.0 : 0.0);
    double r;
    if (num_truediv(&na, &nb, &r) < 0)
        return NULL;
    return RpFloat_FromDouble(neg ? -r : r);
}

/* ---- power -------------------------------------------------------------- */

/* x ** e (e >= 0) by repeated squaring; -1 on overflow. */
static int ipow(int64_t x, int64_t e, int64_t *out)
{
    int64_t r = 1;
    while (e > 0) {
        if ((e & 1) && __builtin_mul_overflow(r, x, &r))
            return -1;
        e >>= 1;
        if (e > 0 && __builtin_mul_overflow(x, x, &x))
            return -1;
    }
    *out = r;
    return 0;
}

/* a ** e for a big-or-overflowing case, e >= 0 fitting uint64: left to
 * right binary exponentiation on magnitudes. */
static RpObject *num_pow(const num *a, uint64_t e)
{
    int neg = a->neg && (e & 1);
    if (a->n == 0 || e == 0)
        return RpLong_FromLongLong(e == 0);
    if (a->n == 1 && a->d[0] == 1)
        return RpLong_FromLongLong(neg ? -1 : 1);
    uint64_t bits = bn_bit_length(a->d, a->n);
    if (e > ((uint64_t)MAX_DIGITS * 32) / bits)
        return too_big();
    size_t cap = (size_t)((bits * e) / 32 + 2);
    bn_digit *r = alloc_digits(cap), *t = alloc_digits(cap);
    if (r == NULL || t == NULL) {
        RpMem_Free(r);
        RpMem_Free(t);
        return NULL;
    }
    memcpy(r, a->d, a->n * sizeof(bn_digit));
    size_t nr = a->n;
    int top = 63 - __builtin_clzll(e);
    for (int i = top - 1; i >= 0; i--) {
        nr = bn_mul(t, r, nr, r, nr);
        bn_digit *sw = r; r = t; t = sw;
        if ((e >> i) & 1) {
            nr = bn_mul(t, r, nr, a->d, a->n);
            sw = r; r = t; t = sw;
        }
    }
    RpMem_Free(t);
    return from_digits(r, nr, neg);
}

/* Inverse of a modulo m (m > 1, 0 <= a < m) by the extended Euclidean
 * algorithm; NULL + ValueError if gcd(a, m) != 1. */
static RpObject *mod_inverse(RpObject *a, RpObject *m)
{
    RpObject *r0 = Rp_NewRef(m), *r1 = Rp_NewRef(a);
    RpObject *t0 = RpLong_FromLongLong(0), *t1 = RpLong_FromLongLong(1);
    RpObject *q = NULL, *rr = NULL, *qt = NULL, *nt = NULL, *res = NULL;
    while (t0 != NULL && t1 != NULL && _RpLong_Sign(r1) != 0) {
        if (obj_divmod(r0, r1, &q, &rr) < 0)
            goto done;
        qt = obj_mul(q, t1);
        Rp_CLEAR(q);
        if (qt == NULL) {
            Rp_DECREF(rr);
            goto done;
        }
        nt = obj_add(t0, qt, 1);
        Rp_CLEAR(qt);
        Rp_SETREF(r0, r1);
        r1 = rr;
        Rp_SETREF(t0, t1);
        t1 = nt;
    }
    if (t0 == NULL || t1 == NULL)
        goto done;
    if (!(_RpLong_Sign(r0) > 0 && _RpLong_Compare(r0, (RpObject *)&small_ints[1 - RP_SMALL_INT_MIN]) == 0)) {
        RpErr_SetString(RpExc_ValueError, "base is not invertible for the given modulus");
        goto done;
    }
    res = obj_mod(t0, m);
done:
    Rp_XDECREF(r0);
    Rp_XDECREF(r1);
    Rp_XDECREF(t0);
    Rp_XDECREF(t1);
    return res;
}

static uint64_t mulmod64(uint64_t a, uint64_t b, uint64_t m)
{
    return (uint64_t)(((unsigned __int128)a * b) % m);
}

/* pow(a, e, m) with m != 0. */
static RpObject *long_powmod(RpObject *a, RpObject *e, RpObject *m)
{
    RpObject *am = NULL, *base = NULL, *res = NULL, *t = NULL, *ee = NULL;
    int mneg = _RpLong_Sign(m) < 0;
    if ((am = mneg ? obj_add((RpObject *)&small_ints[-RP_SMALL_INT_MIN], m, 1) : exact_copy(m)) == NULL)
        return NULL;
    if ((base = obj_mod(a, am)) == NULL)
        goto done;
    if (_RpLong_Sign(e) < 0) {
        Rp_SETREF(base, mod_inverse(base, am));
        if (base == NULL)
            goto done;
        ee = obj_add((RpObject *)&small_ints[-RP_SMALL_INT_MIN], e, 1);
    } else {
        ee = exact_copy(e);
    }
    if (ee == NULL)
        goto done;
    int64_t sm, sb;
    num ne;
    get_num(ee, &ne);
    uint64_t ebits = bn_bit_length(ne.d, ne.n);
    if (small_val(am, &sm) && small_val(base, &sb)) {
        /* everything below 2**63: machine words */
        uint64_t um = (uint64_t)sm, b = (uint64_t)sb, r = um == 1 ? 0 : 1;
        for (uint64_t i = ebits; i-- > 0;) {
            r = mulmod64(r, r, um);
            if ((ne.d[i / 32] >> (i % 32)) & 1)
                r = mulmod64(r, b, um);
        }
        res = RpLong_FromLongLong((int64_t)r);
    } else {
        res = obj_mod((RpObject *)&small_ints[1 - RP_SMALL_INT_MIN], am);
        for (uint64_t i = ebits; res != NULL && i-- > 0;) {
            t = obj_mul(res, res);
            Rp_SETREF(res, t ? obj_mod(t, am) : NULL);
            Rp_CLEAR(t);
            if (res != NULL && ((ne.d[i / 32] >> (i % 32)) & 1)) {
                t = obj_mul(res, base);
                Rp_SETREF(res, t ? obj_mod(t, am) : NULL);
                Rp_CLEAR(t);
            }
        }
    }
    /* the result takes the sign of the modulus */
    if (res != NULL && mneg && _RpLong_Sign(res) != 0)
        Rp_SETREF(res, obj_add(res, am, 1));
done:
    Rp_XDECREF(am);
    Rp_XDECREF(base);
    Rp_XDECREF(ee);
    return res;
}

static RpObject *long_pow(RpObject *a, RpObject *b, RpObject *c)
{
    CHECK_BINOP(a, b);
    if (c != Rp_None && !RpLong_Check(c))
        Rp_RETURN_NOTIMPLEMENTED;
    if (c != Rp_None) {
        if (_RpLong_Sign(c) == 0) {
            RpErr_SetString(RpExc_ValueError, "pow() 3rd argument cannot be 0");
            return NULL;
        }
        return long_powmod(a, b, c);
    }
    int64_t x, e, r;
    if (_RpLong_Sign(b) < 0) {
        if (_RpLong_Sign(a) == 0) {
            RpErr_SetString(RpExc_ZeroDivisionError,
                            "0.0 cannot be raised to a negative power");
            return NULL;
        }
        double dx = RpLong_AsDouble(a), de;
        if (dx == -1.0 && RpErr_Occurred())
            return NULL;
        de = RpLong_AsDouble(b);
        if (de == -1.0 && RpErr_Occurred())
            return NULL;
        return RpFloat_FromDouble(pow(dx, de));
    }
    int bsmall = small_val(b, &e);
    if (small_val(a, &x) && bsmall && ipow(x, e, &r) == 0)
        return RpLong_FromLongLong(r);
    num na;
    get_num(a, &na);
    if (!bsmall) {
        /* a huge exponent: only 0, 1 and -1 give a representable result */
        if (na.n == 0 || (na.n == 1 && na.d[0] == 1))
            return num_pow(&na, 2 + (((RpLongObject *)b)->u.d[0] & 1));
        return too_big();
    }
    return num_pow(&na, (uint64_t)e);
}

/* ---- unary ------------------------------------------------------------- */

static RpObject *long_neg(RpObject *a)
{
    int64_t x;
    if (small_val(a, &x) && x != INT64_MIN)
        return RpLong_FromLongLong(-x);
    num na;
    get_num(a, &na);
    return from_num(&na, !na.neg && na.n > 0);
}

/* int(self) as an exact int: self itself when exact, else a copy. */
static RpObject *long_long(RpObject *a)
{
    if (RpLong_CheckExact(a))
        return Rp_NewRef(a);
    return exact_copy(a);
}

static RpObject *long_abs(RpObject *a)
{
    return _RpLong_Sign(a) < 0 ? long_neg(a) : long_long(a);
}

static int long_bool(RpObject *a) { return _RpLong_Sign(a) != 0; }

static RpObject *long_invert(RpObject *a)
{
    int64_t x;
    if (small_val(a, &x))
        return RpLong_FromLongLong(~x);
    /* ~x == -(x + 1) */
    num na, one;
    get_num(a, &na);
    num_from_u64(&one, 1, 0);
    RpObject *t = num_add(&na, &one, 0);
    if (t == NULL)
        return NULL;
    RpObject *r = long_neg(t);
    Rp_DECREF(t);
    return r;
}

static RpObject *long_float(RpObject *a)
{
    double d = RpLong_AsDouble(a);
    if (d == -1.0 && RpErr_Occurred())
        return NULL;
    return RpFloat_FromDouble(d);
}

/* ---- shifts and bitwise ------------------------------------------------- */

/* The shift count of b: 0 ok (*n set, or *huge when it exceeds int64),
 * -1 on a negative count. */
static int shift_count(RpObject *b, int64_t *n, int *huge)
{
    *huge = 0;
    if (_RpLong_Sign(b) < 0) {
        RpErr_SetString(RpExc_ValueError, "negative shift count");
        return -1;
    }
    if (!small_val(b, n))
        *huge = 1;
    return 0;
}

static RpObject *long_lshift(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    int64_t x, n;
    int huge;
    if (shift_count(b, &n, &huge) < 0)
        return NULL;
    if (_RpLong_Sign(a) == 0)
        return RpLong_FromLongLong(0);
    if (huge || (uint64_t)n > (uint64_t)MAX_DIGITS * 32)
        return too_big();
    if (small_val(a, &x) && n == 0)
        return RpLong_FromLongLong(x);
    if (small_val(a, &x) && n < 63) {
        /* x << n fits iff -2**(63-n) <= x < 2**(63-n), n >= 1 */
        int64_t lim = (int64_t)((uint64_t)1 << (63 - n));
        if (x >= -lim && x < lim)
            return RpLong_FromLongLong((int64_t)((uint64_t)x << n));
    }
    num na;
    get_num(a, &na);
    bn_digit *r = alloc_digits(na.n + (size_t)n / 32 + 1);
    if (r == NULL)
        return NULL;
    return from_digits(r, bn_lshift(r, na.d, na.n, (size_t)n), na.neg);
}

static RpObject *long_rshift(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    int64_t x, n;
    int huge;
    if (shift_count(b, &n, &huge) < 0)
        return NULL;
    int sign = _RpLong_Sign(a);
    if (huge || (uint64_t)n >= _RpLong_NumBits(a))
        return RpLong_FromLongLong(sign < 0 ? -1 : 0);
    if (small_val(a, &x))   /* floor semantics without implementation-defined >> */
        return RpLong_FromLongLong(x >= 0 ? x >> n : ~(~x >> n));
    num na;
    get_num(a, &na);
    bn_digit *r = copy_digits(&na, 1);
    if (r == NULL)
        return NULL;
    size_t nr = na.n;
    if (!na.neg)
        return from_digits(r, bn_rshift(r, r, nr, (size_t)n), 0);
    /* floor for negatives: -(((|a| - 1) >> n) + 1) */
    bn_digit one = 1;
    nr = bn_sub(r, r, nr, &one, 1);
    nr = bn_rshift(r, r, nr, (size_t)n);
    nr = bn_add(r, r, nr, &one, 1);
    return from_digits(r, nr, 1);
}

/* Two's complement of a view over n digits (n > x->n). */
static bn_digit *twos(const num *x, size_t n)
{
    bn_digit *d = alloc_digits(n);
    if (d == NULL)
        return NULL;
    memset(d, 0, n * sizeof(bn_digit));
    if (x->n)
        memcpy(d, x->d, x->n * sizeof(bn_digit));
    if (x->neg) {   /* -m == ~(m - 1) */
        bn_digit one = 1;
        bn_sub(d, d, n, &one, 1);
        for (size_t i = 0; i < n; i++)
            d[i] = ~d[i];
    }
    return d;
}

static RpObject *bitwise(RpObject *a, RpObject *b, char op)
{
    num na, nb;
    get_num(a, &na);
    get_num(b, &nb);
    size_t n = (na.n > nb.n ? na.n : nb.n) + 1;
    bn_digit *x = twos(&na, n), *y = twos(&nb, n);
    if (x == NULL || y == NULL) {
        RpMem_Free(x);
        RpMem_Free(y);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        x[i] = op == '&' ? x[i] & y[i] : op == '|' ? x[i] | y[i] : x[i] ^ y[i];
    RpMem_Free(y);
    int neg = (x[n - 1] >> 31) != 0;
    if (neg) {      /* back to sign-magnitude: m == ~t + 1 */
        for (size_t i = 0; i < n; i++)
            x[i] = ~x[i];
        bn_digit one = 1;
        bn_add(x, x, n - 1, &one, 1);   /* the top digit was all sign */
    }
    return from_digits(x, n, neg);
}

static RpObject *long_and(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    int64_t x, y;
    if (small_val(a, &x) && small_val(b, &y))
        return RpLong_FromLongLong(x & y);
    return bitwise(a, b, '&');
}

static RpObject *long_or(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    int64_t x, y;
    if (small_val(a, &x) && small_val(b, &y))
        return RpLong_FromLongLong(x | y);
    return bitwise(a, b, '|');
}

static RpObject *long_xor(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    int64_t x, y;
    if (small_val(a, &x) && small_val(b, &y))
        return RpLong_FromLongLong(x ^ y);
    return bitwise(a, b, '^');
}

static RpObject *long_richcompare(RpObject *a, RpObject *b, int op)
{
    CHECK_BINOP(a, b);
    int c = _RpLong_Compare(a, b);
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

/* gcd(|a|, |b|) of two ints (bigint.c's Lehmer algorithm). */
RpObject *_RpLong_GCD(RpObject *a, RpObject *b)
{
    num x, y;
    get_num(a, &x);
    get_num(b, &y);
    bn_digit *r = alloc_digits((x.n > y.n ? x.n : y.n) + 2);
    if (r == NULL)
        return NULL;
    size_t n = bn_gcd(r, x.d, x.n, y.d, y.n);
    if (n == (size_t)-1) {
        RpMem_Free(r);
        return RpErr_NoMemory();
    }
    return from_digits(r, n, 0);
}

/* ---- hashing ------------------------------------------------------------ */

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

Rp_hash_t _Rp_HashInt64(int64_t v)
{
    uint64_t m = magnitude(v) % HASH_MODULUS;
    Rp_hash_t h = v < 0 ? -(Rp_hash_t)m : (Rp_hash_t)m;
    return h == -1 ? -2 : h;
}

static Rp_hash_t long_hash(RpObject *a)
{
    int64_t v;
    if (small_val(a, &v))
        return _Rp_HashInt64(v);
    num x;
    get_num(a, &x);
    /* Horner's rule modulo 2**61 - 1, most significant digit first */
    uint64_t h = 0;
    for (size_t i = x.n; i-- > 0;)
        h = (uint64_t)((((unsigned __int128)h << 32) | x.d[i]) % HASH_MODULUS);
    Rp_hash_t r = x.neg ? -(Rp_hash_t)h : (Rp_hash_t)h;
    return r == -1 ? -2 : r;
}

/* ---- constructor ------------------------------------------------------- */

static RpObject *parse_buffer_obj(RpObject *x, int base)
{
    if (RpUnicode_Check(x))
        return RpLong_FromUnicodeObject(x, base);
    const char *s;
    Rp_ssize_t n;
    if (RpBytes_Check(x)) {
        s = RpBytes_AS_STRING(x);
        n = RpBytes_GET_SIZE(x);
    } else {
        s = ((RpByteArrayObject *)x)->ob_bytes;
        n = Rp_SIZE(x);
        if (s == NULL)
            s = "";
    }
    /* parse_int needs a NUL-terminated copy (bytearray is not) */
    char *copy = RpMem_Malloc((size_t)n + 1);
    if (copy == NULL)
        return RpErr_NoMemory();
    memcpy(copy, s, (size_t)n);
    copy[n] = '\0';
    RpObject *r;
    if ((Rp_ssize_t)strlen(copy) != n) {
        RpObject *rep = RpObject_Repr(x);
        r = NULL;
        if (rep != NULL) {
            RpErr_Format(RpExc_ValueError, "invalid literal for int() with base %d: %U",
                         base, rep);
            Rp_DECREF(rep);
        }
    } else {
        r = parse_int(copy, n, NULL, base, x);
    }
    RpMem_Free(copy);
    return r;
}

static int is_buffer_like(RpObject *x)
{
    return RpUnicode_Check(x) || RpBytes_Check(x) || RpByteArray_Check(x);
}

/* Check that a conversion dunder returned an int. Steals r. */
static RpObject *check_int_result(RpObject *x, RpObject *r, const char *dunder)
{
    if (r == NULL || RpLong_CheckExact(r))
        return r;
    if (!RpLong_Check(r)) {
        RpErr_Format(RpExc_TypeError, "%.200s returned non-int (type %.200s)",
                     dunder, Rp_TYPE(r)->tp_name);
        Rp_DECREF(r);
        return NULL;
    }
    RpObject *e = exact_copy(r);
    Rp_DECREF(r);
    return e;
}

/* int(x) with no base: __int__, __index__, __trunc__, then text. */
static RpObject *long_from_object(RpObject *x)
{
    RpNumberMethods *nb = Rp_TYPE(x)->tp_as_number;
    if (RpLong_CheckExact(x))
        return Rp_NewRef(x);
    if (nb != NULL && nb->nb_int != NULL)
        return check_int_result(x, nb->nb_int(x), "__int__");
    if (nb != NULL && nb->nb_index != NULL)
        return check_int_result(x, nb->nb_index(x), "__index__");
    RpObject *trunc = _RpType_Lookup(Rp_TYPE(x), RP_ID(__trunc__));
    if (trunc != NULL) {
        if (RpErr_WarnEx(RpExc_DeprecationWarning,
                         "The delegation of int() to __trunc__ is deprecated.", 1) < 0)
            return NULL;
        RpObject *r = RpObject_CallOneArg(trunc, x);
        if (r == NULL || RpLong_Check(r))
            return check_int_result(x, r, "__trunc__");
        /* __trunc__ may return an Integral that has __index__ */
        RpObject *i = RpNumber_Index(r);
        Rp_DECREF(r);
        if (i == NULL && RpErr_ExceptionMatches(RpExc_TypeError)) {
            RpErr_Clear();
            RpErr_Format(RpExc_TypeError, "__trunc__ returned non-Integral (type %.200s)",
                         Rp_TYPE(x)->tp_name);
        }
        return i;
    }
    if (is_buffer_like(x))
        return parse_buffer_obj(x, 10);
    return RpErr_Format(RpExc_TypeError,
                        "int() argument must be a string, a bytes-like object or a "
                        "real number, not '%.200s'", Rp_TYPE(x)->tp_name);
}

static RpObject *long_new_impl(RpObject *x, RpObject *obase)
{
    if (x == NULL) {
        if (obase != NULL) {
            RpErr_SetString(RpExc_TypeError, "int() missing string argument");
            return NULL;
        }
        return RpLong_FromLongLong(0);
    }
    if (obase == NULL)
        return long_from_object(x);
    int64_t base = RpLong_AsLongLong(obase);
    if (base == -1 && RpErr_Occurred())
        return NULL;
    if ((base != 0 && base < 2) || base > 36) {
        RpErr_SetString(RpExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    if (!is_buffer_like(x)) {
        RpErr_SetString(RpExc_TypeError, "int() can't convert non-string with explicit base");
        return NULL;
    }
    return parse_buffer_obj(x, (int)base);
}

/* Only `base` may be passed by keyword; x is positional-only. */
static int long_new_kwds(RpObject *kwds, RpObject **base)
{
    Rp_ssize_t pos = 0;
    RpObject *k, *v;
    while (RpDict_Next(kwds, &pos, &k, &v)) {
        if (RpUnicode_Check(k) && _RpUnicode_EqualToASCIIString(k, "base")) {
            *base = v;
            continue;
        }
        RpErr_Format(RpExc_TypeError, "%R is an invalid keyword argument for int()", k);
        return -1;
    }
    return 0;
}

static RpObject *long_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    Rp_ssize_t n = RpTuple_GET_SIZE(args);
    if (n > 2)
        return RpErr_Format(RpExc_TypeError, "int() takes at most 2 arguments (%zd given)", n);
    RpObject *x = n > 0 ? RpTuple_GET_ITEM(args, 0) : NULL;
    RpObject *base = n > 1 ? RpTuple_GET_ITEM(args, 1) : NULL;
    if (kwds != NULL && long_new_kwds(kwds, &base) < 0)
        return NULL;
    RpObject *r = long_new_impl(x, base);
    if (r == NULL || type == &RpLong_Type)
        return r;
    RpObject *sub = long_subtype_from(type, r);
    Rp_DECREF(r);
    return sub;
}

/* ---- methods ----------------------------------------------------------- */

static RpObject *int_bit_length(RpObject *self, RpObject *unused)
{
    return RpLong_FromUnsignedLongLong(_RpLong_NumBits(self));
}

static RpObject *int_bit_count(RpObject *self, RpObject *unused)
{
    num x;
    get_num(self, &x);
    uint64_t c = 0;
    for (size_t i = 0; i < x.n; i++)
        c += (uint64_t)__builtin_popcount(x.d[i]);
    return RpLong_FromUnsignedLongLong(c);
}

static RpObject *int_conjugate(RpObject *self, RpObject *unused) { return long_long(self); }

static RpObject *int_as_integer_ratio(RpObject *self, RpObject *unused)
{
    RpObject *n = long_long(self);
    if (n == NULL)
        return NULL;
    RpObject *one = RpLong_FromLongLong(1);
    RpObject *t = one != NULL ? RpTuple_Pack(2, n, one) : NULL;
    Rp_XDECREF(one);
    Rp_DECREF(n);
    return t;
}

static RpObject *int_getnewargs(RpObject *self, RpObject *unused)
{
    RpObject *n = long_long(self);
    if (n == NULL)
        return NULL;
    RpObject *t = RpTuple_Pack(1, n);
    Rp_DECREF(n);
    return t;
}

static RpObject *int_sizeof(RpObject *self, RpObject *unused)
{
    num x;
    get_num(self, &x);
    return RpLong_FromSsize_t(Rp_TYPE(self)->tp_basicsize +
                              (Rp_ssize_t)(x.n > 2 ? x.n * sizeof(bn_digit) : 0));
}

/* round(v, nd) for nd < 0: round half to even at 10**-nd. */
static RpObject *round_int(RpObject *v, RpObject *nd)
{
    RpObject *ten = RpLong_FromLongLong(10), *p = NULL, *q = NULL, *r = NULL;
    RpObject *twice = NULL, *res = NULL;
    RpObject *e = obj_add((RpObject *)&small_ints[-RP_SMALL_INT_MIN], nd, 1);
    if (ten == NULL || e == NULL)
        goto done;
    /* 10**e > |v| * 2 once e exceeds v's bit count: the result is 0 */
    int64_t ev;
    if (!small_val(e, &ev) || (uint64_t)ev > _RpLong_NumBits(v) + 1) {
        res = RpLong_FromLongLong(0);
        goto done;
    }
    if ((p = long_pow(ten, e, Rp_None)) == NULL || obj_divmod(v, p, &q, &r) < 0)
        goto done;
    /* v = q*p + r with 0 <= r < p: go up when 2r > p, or 2r == p and q odd */
    if ((twice = obj_add(r, r, 0)) == NULL)
        goto done;
    int c = _RpLong_Compare(twice, p);
    num nq;
    get_num(q, &nq);
    if (c > 0 || (c == 0 && nq.n > 0 && (nq.d[0] & 1))) {
        RpObject *one = (RpObject *)&small_ints[1 - RP_SMALL_INT_MIN];
        Rp_SETREF(q, obj_add(q, one, 0));
        if (q == NULL)
            goto done;
    }
    res = obj_mul(q, p);
done:
    Rp_XDECREF(ten); Rp_XDECREF(e); Rp_XDECREF(p); Rp_XDECREF(q);
    Rp_XDECREF(r); Rp_XDECREF(twice);
    return res;
}

static RpObject *int_round(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("__round__", nargs, 0, 1))
        return NULL;
    if (nargs == 0)
        return long_long(self);
    RpObject *nd = RpNumber_Index(args[0]);
    if (nd == NULL)
        return NULL;
    RpObject *r = _RpLong_Sign(nd) >= 0 ? long_long(self) : round_int(self, nd);
    Rp_DECREF(nd);
    return r;
}

static RpObject *int_trunc(RpObject *self, RpObject *unused) { return long_long(self); }

/* byteorder argument: 1 little, 0 big, -1 error */
static int parse_byteorder(RpObject *o)
{
    if (o == NULL)
        return 0;
    if (!RpUnicode_Check(o)) {
        RpErr_Format(RpExc_TypeError, "to_bytes() argument 'byteorder' must be str, not %.200s",
                     Rp_TYPE(o)->tp_name);
        return -1;
    }
    if (_RpUnicode_EqualToASCIIString(o, "little"))
        return 1;
    if (_RpUnicode_EqualToASCIIString(o, "big"))
        return 0;
    RpErr_SetString(RpExc_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

/* Byte i (least significant first) of the magnitude x. */
static unsigned char mag_byte(const bn_digit *d, size_t n, size_t i)
{
    return i / 4 < n ? (unsigned char)(d[i / 4] >> (8 * (i % 4))) : 0;
}

static RpObject *int_to_bytes(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                              RpObject *kwnames)
{
    static const char *const names[] = {"length", "byteorder", "signed"};
    RpObject *a[3] = {NULL, NULL, NULL};
    if (_RpArg_ParseVector("to_bytes", args, nargs, kwnames, names, 2, 0, a) < 0)
        return NULL;
    Rp_ssize_t len = 1;
    if (a[0] != NULL && (len = RpNumber_AsSsize_t(a[0], RpExc_OverflowError)) == -1 &&
        RpErr_Occurred())
        return NULL;
    if (len < 0) {
        RpErr_SetString(RpExc_ValueError, "length argument must be non-negative");
        return NULL;
    }
    int little = parse_byteorder(a[1]);
    int is_signed = a[2] != NULL ? RpObject_IsTrue(a[2]) : 0;
    if (little < 0 || is_signed < 0)
        return NULL;
    num x;
    get_num(self, &x);
    if (x.neg && !is_signed) {
        RpErr_SetString(RpExc_OverflowError, "can't convert negative int to unsigned");
        return NULL;
    }
    /* Negative values are written as ~(|v| - 1), the two's complement. */
    bn_digit *m = NULL;
    size_t nm = x.n;
    const bn_digit *src = x.d;
    if (x.neg) {
        bn_digit one = 1;
        if ((m = copy_digits(&x, 0)) == NULL)
            return NULL;
        nm = bn_sub(m, m, x.n, &one, 1);
        src = m;
    }
    /* bits needed: the magnitude's, plus a sign bit when signed */
    uint64_t bits = bn_bit_length(src, nm) + (is_signed && (x.n > 0) ? 1 : 0);
    if ((uint64_t)len * 8 < bits) {
        RpMem_Free(m);
        RpErr_SetString(RpExc_OverflowError, "int too big to convert");
        return NULL;
    }
    RpObject *b = RpBytes_FromStringAndSize(NULL, len);
    if (b == NULL) {
        RpMem_Free(m);
        return NULL;
    }
    unsigned char *p = (unsigned char *)RpBytes_AS_STRING(b);
    unsigned char flip = x.neg ? 0xff : 0;
    for (Rp_ssize_t i = 0; i < len; i++)
        p[little ? i : len - 1 - i] = mag_byte(src, nm, (size_t)i) ^ flip;
    RpMem_Free(m);
    return b;
}

/* The int encoded by n bytes. */
static RpObject *bytes_to_long(const unsigned char *p, Rp_ssize_t n, int little, int is_signed)
{
#define BYTE(i) p[little ? (i) : n - 1 - (i)]   /* i-th least significant */
    int neg = is_signed && n > 0 && (BYTE(n - 1) & 0x80);
    size_t nd = (size_t)n / 4 + 2;
    bn_digit *d = alloc_digits(nd);
    if (d == NULL)
        return NULL;
    memset(d, 0, nd * sizeof(bn_digit));
    unsigned char flip = neg ? 0xff : 0;
    for (Rp_ssize_t i = 0; i < n; i++)
        d[i / 4] |= (bn_digit)(unsigned char)(BYTE(i) ^ flip) << (8 * (i % 4));
#undef BYTE
    size_t len = bn_norm(d, nd);
    if (neg) {      /* |v| = ~bytes + 1 */
        bn_digit one = 1;
        len = bn_add(d, d, len, &one, 1);
    }
    return from_digits(d, len, neg);
}

static RpObject *int_from_bytes(RpObject *type, RpObject *const *args, Rp_ssize_t nargs,
                                RpObject *kwnames)
{
    static const char *const names[] = {"bytes", "byteorder", "signed"};
    RpObject *a[3] = {NULL, NULL, NULL};
    if (_RpArg_ParseVector("from_bytes", args, nargs, kwnames, names, 2, 1, a) < 0)
        return NULL;
    int little = parse_byteorder(a[1]);
    int is_signed = a[2] != NULL ? RpObject_IsTrue(a[2]) : 0;
    if (little < 0 || is_signed < 0)
        return NULL;
    RpObject *b = RpBytes_FromObject(a[0]);
    if (b == NULL)
        return NULL;
    RpObject *i = bytes_to_long((const unsigned char *)RpBytes_AS_STRING(b),
                                RpBytes_GET_SIZE(b), little, is_signed);
    Rp_DECREF(b);
    if (i == NULL || (RpTypeObject *)type == &RpLong_Type)
        return i;
    RpObject *r = RpObject_CallOneArg(type, i);
    Rp_DECREF(i);
    return r;
}

static RpObject *int_get_self(RpObject *self, void *c) { return long_long(self); }
static RpObject *int_get_zero(RpObject *self, void *c) { return RpLong_FromLongLong(0); }
static RpObject *int_get_one(RpObject *self, void *c) { return RpLong_FromLongLong(1); }

/* ---- __format__ ------------------------------------------------------------ */

/* Insert grouping separators into digits[0..n) every `group` digits,
 * padding with leading zeros until the result is at least min_width long
 * (CPython's rule for '0' fill with '=' alignment).  Appends to b. */
static int group_digits(RpStrBuf *b, const char *digits, Rp_ssize_t n, char sep,
                        int group, Rp_ssize_t min_width)
{
    /* Build right to left in a temporary buffer, then append. */
    Rp_ssize_t cap = n + n / (group ? group : 1) + min_width + 8;
    char *tmp = RpMem_Malloc((size_t)cap);
    if (tmp == NULL) {
        RpErr_NoMemory();
        return -1;
    }
    char *p = tmp + cap;
    Rp_ssize_t remaining = n;
    for (;;) {
        Rp_ssize_t want = remaining > min_width ? remaining : min_width;
        Rp_ssize_t l = want < 1 ? 1 : want;
        if (sep && l > group)
            l = group;
        for (Rp_ssize_t i = 0; i < l; i++) {
            *--p = remaining > 0 ? digits[--remaining] : '0';
        }
        min_width -= l;
        if ((remaining <= 0 && min_width <= 0) || !sep)
            break;
        *--p = sep;
        min_width -= 1;
    }
    int r = RpStrBuf_Append(b, p, tmp + cap - p);
    RpMem_Free(tmp);
    return r;
}

RpObject *_RpLong_FormatParts(const RpFormatSpec *spec, const char *sign,
                              const char *prefix, const char *digits, Rp_ssize_t ndigits,
                              const char *rest, int group)
{
    RpStrBuf b;
    RpStrBuf_Init(&b);
    Rp_ssize_t lead = (Rp_ssize_t)(strlen(sign) + strlen(prefix));
    Rp_ssize_t restlen = (Rp_ssize_t)strlen(rest);
    RpStrBuf_AppendStr(&b, sign);
    RpStrBuf_AppendStr(&b, prefix);
    int zero_fill = spec->fill == '0' && spec->align == '=';
    Rp_ssize_t min_width = 0;
    if (zero_fill && spec->width > lead + restlen)
        min_width = spec->width - lead - restlen;
    int rc = 0;
    if (ndigits == 0 && min_width == 0)
        ;   /* inf/nan: nothing to group */
    else if (spec->grouping || min_width > 0)
        rc = group_digits(&b, digits, ndigits, spec->grouping, group, min_width);
    else
        rc = RpStrBuf_Append(&b, digits, ndigits);
    RpStrBuf_AppendStr(&b, rest);
    if (rc < 0 || b.error) {
        RpStrBuf_Discard(&b);
        return rc < 0 ? NULL : RpErr_NoMemory();
    }
    RpObject *body = RpStrBuf_Finish(&b);
    if (body == NULL)
        return NULL;
    RpObject *r = _RpFormatSpec_Pad(spec, RpUnicode_UTF8(body), RpUnicode_UTF8_SIZE(body),
                                    lead, '>');
    Rp_DECREF(body);
    return r;
}

/* The '0' flag means fill '0' and '=' alignment unless they were given. */
void _RpLong_NormalizeSpec(RpFormatSpec *spec)
{
    if (spec->zero_pad) {
        if (spec->align == 0) {
            spec->align = '=';
            if (spec->fill == ' ')
                spec->fill = '0';
        } else if (spec->fill == ' ') {
            spec->fill = '0';
        }
    }
}

static const char *sign_of(int neg, char sign)
{
    if (neg)
        return "-";
    return sign == '+' ? "+" : sign == ' ' ? " " : "";
}

static RpObject *format_char(RpObject *self, const RpFormatSpec *spec)
{
    if (spec->sign) {
        RpErr_SetString(RpExc_ValueError, "Sign not allowed with integer format specifier 'c'");
        return NULL;
    }
    if (spec->alternate) {
        RpErr_SetString(RpExc_ValueError,
                        "Alternate form (#) not allowed with integer format specifier 'c'");
        return NULL;
    }
    int64_t v;
    if (!small_val(self, &v)) {
        RpErr_SetString(RpExc_OverflowError, "Python int too large to convert to C long");
        return NULL;
    }
    if (v < 0 || v >= 0x110000) {
        RpErr_SetString(RpExc_OverflowError, "%c arg not in range(0x110000)");
        return NULL;
    }
    RpObject *ch = RpUnicode_FromOrdinal((int)v);
    if (ch == NULL)
        return NULL;
    RpObject *r = _RpFormatSpec_Pad(spec, RpUnicode_UTF8(ch), RpUnicode_UTF8_SIZE(ch), 0, '>');
    Rp_DECREF(ch);
    return r;
}

static RpObject *grouping_error(char g, char type)
{
    return RpErr_Format(RpExc_ValueError, "Cannot specify '%c' with '%c'.", g, type);
}

static RpObject *format_int(RpObject *self, RpFormatSpec *spec)
{
    char type = spec->type ? spec->type : 'd';
    int base = 10, group = 3;
    const char *prefix = "";
    switch (type) {
    case 'b': base = 2; prefix = "0b"; group = 4; break;
    case 'o': base = 8; prefix = "0o"; group = 4; break;
    case 'x': base = 16; prefix = "0x"; group = 4; break;
    case 'X': base = 16; prefix = "0X"; group = 4; break;
    case 'n':
        if (spec->grouping)
            return grouping_error(spec->grouping, 'n');
        break;
    }
    if (spec->grouping == ',' && base != 10)
        return grouping_error(',', type);
    if (spec->no_neg_zero) {
        RpErr_SetString(RpExc_ValueError,
                        "Negative zero coercion (z) not allowed in integer format specifier");
        return NULL;
    }
    if (spec->precision >= 0) {
        RpErr_SetString(RpExc_ValueError, "Precision not allowed in integer format specifier");
        return NULL;
    }
    if (type == 'c')
        return format_char(self, spec);
    num x;
    get_num(self, &x);
    Rp_ssize_t nd;
    char *d = num_digits(&x, base, type == 'X', &nd);
    if (d == NULL)
        return NULL;
    _RpLong_NormalizeSpec(spec);
    RpObject *r = _RpLong_FormatParts(spec, sign_of(x.neg, spec->sign),
                                      spec->alternate ? prefix : "", d, nd, "", group);
    RpMem_Free(d);
    return r;
}

static RpObject *int_format(RpObject *self, RpObject *fmt)
{
    if (!RpUnicode_Check(fmt))
        return RpErr_Format(RpExc_TypeError, "__format__() argument must be str, not %.200s",
                            Rp_TYPE(fmt)->tp_name);
    if (RpUnicode_GET_LENGTH(fmt) == 0)
        return RpObject_Str(self);
    RpFormatSpec spec;
    if (_RpFormatSpec_ParseFor(fmt, &spec, self) < 0)
        return NULL;
    switch (spec.type) {
    case 0: case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
        return format_int(self, &spec);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = RpLong_AsDouble(self);
        if (d == -1.0 && RpErr_Occurred())
            return NULL;
        return _RpFloat_FormatSpec(d, &spec);
    }
    default:
        return RpErr_Format(RpExc_ValueError,
                            "Unknown format code '%c' for object of type '%.200s'",
                            spec.type, Rp_TYPE(self)->tp_name);
    }
}

/* ---- the type ---------------------------------------------------------- */

static RpMethodDef long_methods[] = {
    {"conjugate", int_conjugate, RP_METH_NOARGS, "Returns self, the complex conjugate of any int."},
    {"bit_length", int_bit_length, RP_METH_NOARGS, "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, RP_METH_NOARGS, "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes", (RpCFunction)(void (*)(void))int_to_bytes, RP_METH_FASTCALL | RP_METH_KEYWORDS,
     "Return an array of bytes representing an integer."},
    {"from_bytes", (RpCFunction)(void (*)(void))int_from_bytes,
     RP_METH_FASTCALL | RP_METH_KEYWORDS | RP_METH_CLASS,
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", int_as_integer_ratio, RP_METH_NOARGS,
     "Return integer ratio."},
    {"__trunc__", int_trunc, RP_METH_NOARGS, "Truncating an Integral returns itself."},
    {"__floor__", int_trunc, RP_METH_NOARGS, "Flooring an Integral returns itself."},
    {"__ceil__", int_trunc, RP_METH_NOARGS, "Ceiling of an Integral returns itself."},
    {"__round__", (RpCFunction)(void (*)(void))int_round, RP_METH_FASTCALL,
     "Rounding an Integral returns itself."},
    {"__getnewargs__", int_getnewargs, RP_METH_NOARGS, NULL},
    {"__format__", int_format, RP_METH_O, "Convert to a string according to format_spec."},
    {"__sizeof__", int_sizeof, RP_METH_NOARGS, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL}
};

static RpGetSetDef long_getset[] = {
    {"real", int_get_self, NULL, "the real part of a complex number", NULL},
    {"imag", int_get_zero, NULL, "the imaginary part of a complex number", NULL},
    {"numerator", int_get_self, NULL, "the numerator of a rational number in lowest terms", NULL},
    {"denominator", int_get_one, NULL, "the denominator of a rational number in lowest terms", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static RpNumberMethods long_as_number = {
    .nb_add = long_add,
    .nb_subtract = long_sub,
    .nb_multiply = long_mul,
    .nb_remainder = long_mod,
    .nb_divmod = long_divmod,
    .nb_power = long_pow,
    .nb_negative = long_neg,
    .nb_positive = long_long,
    .nb_absolute = long_abs,
    .nb_bool = long_bool,
    .nb_invert = long_invert,
    .nb_lshift = long_lshift,
    .nb_rshift = long_rshift,
    .nb_and = long_and,
    .nb_xor = long_xor,
    .nb_or = long_or,
    .nb_int = long_long,
    .nb_float = long_float,
    .nb_floor_divide = long_floordiv,
    .nb_true_divide = long_truediv,
    .nb_index = long_long,
};

RpTypeObject RpLong_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "int",
    .tp_basicsize = sizeof(RpLongObject),
    .tp_dealloc = long_dealloc,
    .tp_as_number = &long_as_number,
    .tp_hash = long_hash,
    .tp_repr = long_repr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_BASETYPE | RP_TPFLAGS_LONG_SUBCLASS,
    .tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer\n\n"
              "Convert a number or string to an integer, or return 0 if no arguments\n"
              "are given.",
    .tp_richcompare = long_richcompare,
    .tp_methods = long_methods,
    .tp_getset = long_getset,
    .tp_new = long_new,
    .tp_free = RpObject_Free,
};
