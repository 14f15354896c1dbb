/* intobject.c -- the int type.
 *
 * An int holds a signed 64-bit value for now.  Every operation whose exact
 * result leaves that range raises OverflowError("integer overflow") -- a
 * refpy-specific message that disappears with arbitrary precision.  The
 * struct is private to this file so that bigints can replace it.
 *
 * bool is a subclass whose two instances are bare RpObject headers
 * (numbers.h declares them as RpObject): their value is their identity, so
 * every read of an int's value goes through ival().
 *
 * Small ints -5..256 live in a static array and are never freed; other
 * exact ints are recycled through a small freelist.
 */
#include "rp.h"
#include <math.h>
#include <limits.h>
#include <errno.h>

typedef struct {
    RpObject_HEAD
    int64_t ob_ival;
} RpLongObject;

#define NSMALL (RP_SMALL_INT_MAX - RP_SMALL_INT_MIN + 1)
static RpLongObject small_ints[NSMALL];
static int small_ready;

#define FREELIST_MAX 100
static RpLongObject *freelist[FREELIST_MAX];
static int nfree;

/* The value of any int (or bool, or int subclass instance). */
static inline int64_t ival(RpObject *o)
{
    if (RP_UNLIKELY(Rp_TYPE(o) == &RpBool_Type))
        return o == Rp_True;
    return ((RpLongObject *)o)->ob_ival;
}

static RpObject *overflow(void)
{
    RpErr_SetString(RpExc_OverflowError, "integer overflow");
    return NULL;
}

static void init_small(void)
{
    for (int i = 0; i < NSMALL; i++) {
        small_ints[i].ob_base.ob_refcnt = 1;
        small_ints[i].ob_base.ob_type = &RpLong_Type;
        small_ints[i].ob_ival = i + RP_SMALL_INT_MIN;
    }
    small_ready = 1;
}

int _RpLong_Init(void)
{
    if (!small_ready)
        init_small();
    return 0;
}

void _RpLong_Fini(void)
{
    while (nfree > 0)
        RpObject_Free(freelist[--nfree]);
}

/* ---- construction --------------------------------------------------------- */

RpObject *RpLong_FromLongLong(long long v)
{
    if (v >= RP_SMALL_INT_MIN && v <= RP_SMALL_INT_MAX) {
        if (RP_UNLIKELY(!small_ready))
            init_small();
        RpObject *o = (RpObject *)&small_ints[v - RP_SMALL_INT_MIN];
        Rp_INCREF(o);
        return o;
    }
    RpLongObject *o;
    if (nfree > 0) {
        o = freelist[--nfree];
    } else {
        o = RpObject_Malloc(sizeof(RpLongObject));
        if (o == NULL)
            return RpErr_NoMemory();
    }
    RpObject_Init((RpObject *)o, &RpLong_Type);
    o->ob_ival = v;
    return (RpObject *)o;
}

RpObject *RpLong_FromLong(long v) { return RpLong_FromLongLong(v); }
RpObject *RpLong_FromSsize_t(Rp_ssize_t v) { return RpLong_FromLongLong(v); }

RpObject *RpLong_FromUnsignedLongLong(unsigned long long v)
{
    if (v > (unsigned long long)INT64_MAX)
        return overflow();
    return RpLong_FromLongLong((long long)v);
}

RpObject *RpLong_FromSize_t(size_t v) { return RpLong_FromUnsignedLongLong(v); }

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
    if (t >= 9223372036854775808.0 || t < -9223372036854775808.0)
        return overflow();
    return RpLong_FromLongLong((long long)t);
}

/* A new int of type `type` (an int subclass) holding v. */
static RpObject *long_subtype_from(RpTypeObject *type, int64_t v)
{
    if (type == &RpLong_Type)
        return RpLong_FromLongLong(v);
    RpObject *o = type->tp_alloc(type, 0);
    if (o != NULL)
        ((RpLongObject *)o)->ob_ival = v;
    return o;
}

static void long_dealloc(RpObject *o)
{
    RpLongObject *l = (RpLongObject *)o;
    if (l >= small_ints && l < small_ints + NSMALL)
        return; /* never freed: the count was unbalanced by a caller */
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
    *out = ival(v);
    return 1;
}

long long RpLong_AsLongLong(RpObject *v)
{
    if (v == NULL) {
        RpErr_BadInternalCall();
        return -1;
    }
    if (RpLong_Check(v))
        return ival(v);
    RpObject *i = RpNumber_Index(v);
    if (i == NULL)
        return -1;
    long long r = ival(i);
    Rp_DECREF(i);
    return r;
}

long RpLong_AsLong(RpObject *v) { return (long)RpLong_AsLongLong(v); }

Rp_ssize_t RpLong_AsSsize_t(RpObject *v)
{
    if (v == NULL || !RpLong_Check(v)) {
        RpErr_SetString(RpExc_TypeError, "an integer is required");
        return -1;
    }
    return (Rp_ssize_t)ival(v);
}

double RpLong_AsDouble(RpObject *v)
{
    if (!RpLong_Check(v)) {
        RpErr_SetString(RpExc_TypeError, "an integer is required");
        return -1.0;
    }
    return (double)ival(v);  /* the FPU rounds half-to-even, as Python does */
}

int _RpLong_Sign(RpObject *v)
{
    int64_t x = ival(v);
    return (x > 0) - (x < 0);
}

int _RpLong_Compare(RpObject *a, RpObject *b)
{
    int64_t x = ival(a), y = ival(b);
    return (x > y) - (x < y);
}

/* ---- text ------------------------------------------------------------- */

/* Write |v| in base 2..36 into buf (right-aligned ending at end); returns
 * the start.  Works on the unsigned magnitude so INT64_MIN is fine. */
static char *digits_of(uint64_t u, int base, int upper, char *end)
{
    const char *d = upper ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                          : "0123456789abcdefghijklmnopqrstuvwxyz";
    char *p = end;
    *p = '\0';
    do {
        *--p = d[u % (unsigned)base];
        u /= (unsigned)base;
    } while (u);
    return p;
}

static uint64_t magnitude(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

RpObject *_RpLong_Format(RpObject *v, int base)
{
    char buf[80];
    int64_t x = ival(v);
    char *p = digits_of(magnitude(x), base, 0, buf + sizeof buf - 1);
    const char *prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
    size_t pl = strlen(prefix);
    p -= pl;
    memcpy(p, prefix, pl);
    if (x < 0)
        *--p = '-';
    return RpUnicode_FromString(p);
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

/* Parse the digits (with single underscores between them) in `base`;
 * returns 1 and *out, 0 on bad syntax, -1 on overflow.  *pp advances. */
static int parse_digits(const char **pp, int base, int after_prefix, uint64_t *out)
{
    const char *p = *pp;
    uint64_t acc = 0;
    int ndig = 0, ovf = 0;
    if (after_prefix && *p == '_')
        p++;  /* "0x_1f" is valid */
    for (;; p++) {
        if (*p == '_') {
            if (ndig == 0 || digit_value((unsigned char)p[1]) >= base)
                return 0;
            continue;
        }
        int d = digit_value((unsigned char)*p);
        if (d >= base)
            break;
        if (__builtin_mul_overflow(acc, (uint64_t)base, &acc) ||
            __builtin_add_overflow(acc, (uint64_t)d, &acc))
            ovf = 1;
        ndig++;
    }
    *pp = p;
    *out = acc;
    if (ndig == 0)
        return 0;
    return ovf ? -1 : 1;
}

static RpObject *invalid_literal(const char *s, Rp_ssize_t n, int base)
{
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
 * `whole` says whether trailing junk is an error (int()) or allowed
 * (RpLong_FromString with pend). */
static RpObject *parse_int(const char *s, Rp_ssize_t n, char **pend, int base)
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
    uint64_t mag;
    const char *dstart = p;
    int r = parse_digits(&p, base, had_prefix, &mag);
    /* base 0 forbids leading zeros on a non-zero decimal ("010") */
    if (r == 1 && orig_base == 0 && !had_prefix && *dstart == '0' && mag != 0)
        r = 0;
    if (r != 0 && pend == NULL) {
        while (is_space((unsigned char)*p))
            p++;
        if (p != s + n)
            r = 0;
    }
    if (pend != NULL)
        *pend = (char *)p;
    if (r == 0)
        return invalid_literal(s, n, orig_base);
    if (r < 0 || mag > (uint64_t)INT64_MAX + (uint64_t)neg)
        return overflow();
    return RpLong_FromLongLong(neg ? (int64_t)(0 - mag) : (int64_t)mag);
}

RpObject *RpLong_FromString(const char *s, char **pend, int base)
{
    return parse_int(s, (Rp_ssize_t)strlen(s), pend, base);
}

RpObject *RpLong_FromUnicodeObject(RpObject *u, int base)
{
    Rp_ssize_t n;
    const char *s = RpUnicode_AsUTF8AndSize(u, &n);
    if (s == NULL)
        return NULL;
    return parse_int(s, n, NULL, base);
}

/* ---- arithmetic ------------------------------------------------------- */

#define CHECK_BINOP(a, b)                                       \
    do {                                                        \
        if (!RpLong_Check(a) || !RpLong_Check(b))               \
            Rp_RETURN_NOTIMPLEMENTED;                           \
    } while (0)

static RpObject *long_add(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    int64_t r;
    if (__builtin_add_overflow(ival(a), ival(b), &r))
        return overflow();
    return RpLong_FromLongLong(r);
}

static RpObject *long_sub(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    int64_t r;
    if (__builtin_sub_overflow(ival(a), ival(b), &r))
        return overflow();
    return RpLong_FromLongLong(r);
}

static RpObject *long_mul(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    int64_t r;
    if (__builtin_mul_overflow(ival(a), ival(b), &r))
        return overflow();
    return RpLong_FromLongLong(r);
}

RpObject *_RpLong_Add(RpObject *a, RpObject *b) { return long_add(a, b); }
RpObject *_RpLong_Subtract(RpObject *a, RpObject *b) { return long_sub(a, b); }
RpObject *_RpLong_Multiply(RpObject *a, RpObject *b) { return long_mul(a, b); }

/* Floor division and modulo, rounding toward negative infinity.
 * 0 ok, -1 on overflow (INT64_MIN // -1).  y != 0. */
static int floor_divmod(int64_t x, int64_t y, int64_t *q, int64_t *r)
{
    if (y == -1) {
        if (x == INT64_MIN)
            return -1;
        *q = -x;
        *r = 0;
        return 0;
    }
    int64_t qq = x / y, rr = x % y;
    if (rr != 0 && ((rr < 0) != (y < 0))) {
        qq -= 1;
        rr += y;
    }
    *q = qq;
    *r = rr;
    return 0;
}

static RpObject *long_floordiv(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    int64_t q, r;
    if (ival(b) == 0) {
        RpErr_SetString(RpExc_ZeroDivisionError, "integer division or modulo by zero");
        return NULL;
    }
    if (floor_divmod(ival(a), ival(b), &q, &r) < 0)
        return overflow();
    return RpLong_FromLongLong(q);
}

static RpObject *long_mod(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    int64_t q, r;
    if (ival(b) == 0) {
        RpErr_SetString(RpExc_ZeroDivisionError, "integer modulo by zero");
        return NULL;
    }
    if (ival(b) == -1)
        return RpLong_FromLongLong(0);
    floor_divmod(ival(a), ival(b), &q, &r);
    return RpLong_FromLongLong(r);
}

static RpObject *long_divmod(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    int64_t q, r;
    if (ival(b) == 0) {
        RpErr_SetString(RpExc_ZeroDivisionError, "integer division or modulo by zero");
        return NULL;
    }
    if (floor_divmod(ival(a), ival(b), &q, &r) < 0)
        return overflow();
    RpObject *qo = RpLong_FromLongLong(q), *ro = RpLong_FromLongLong(r), *t = NULL;
    if (qo != NULL && ro != NULL)
        t = RpTuple_Pack(2, qo, ro);
    Rp_XDECREF(qo);
    Rp_XDECREF(ro);
    return t;
}

/* n / d correctly rounded, for n, d > 0 of any size: compute a quotient
 * with at least two bits beyond double's 53, fold the remainder into a
 * sticky bit, and let the (round-half-even) int->double conversion round
 * once.  Quotients of 64-bit ints never underflow or overflow a double. */
static double exact_ratio(uint64_t n, uint64_t d)
{
    int ln = 64 - __builtin_clzll(n), ld = 64 - __builtin_clzll(d);
    int s = 55 - (ln - ld);
    unsigned __int128 num = n, den = d;
    if (s >= 0)
        num <<= s;
    else
        den <<= -s;
    uint64_t q = (uint64_t)(num / den);
    q |= (num % den) != 0;
    return ldexp((double)q, -s);
}

static RpObject *long_truediv(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    int64_t x = ival(a), y = ival(b);
    if (y == 0) {
        RpErr_SetString(RpExc_ZeroDivisionError, "division by zero");
        return NULL;
    }
    const int64_t lim = (int64_t)1 << 53;
    if (x >= -lim && x <= lim && y >= -lim && y <= lim)
        return RpFloat_FromDouble((double)x / (double)y);
    if (x == 0)
        return RpFloat_FromDouble((y < 0) ? -0.0 : 0.0);
    double r = exact_ratio(magnitude(x), magnitude(y));
    return RpFloat_FromDouble((x < 0) != (y < 0) ? -r : r);
}

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

static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m)
{
    return (uint64_t)(((unsigned __int128)a * b) % m);
}

/* Inverse of a modulo m (0 <= a < m) by the extended Euclidean algorithm;
 * returns 0 if gcd(a, m) != 1. */
static int modinv(uint64_t a, uint64_t m, uint64_t *out)
{
    __int128 t = 0, nt = 1, r = m, nr = a;
    while (nr != 0) {
        __int128 q = r / nr, tmp;
        tmp = t - q * nt; t = nt; nt = tmp;
        tmp = r - q * nr; r = nr; nr = tmp;
    }
    if (r != 1)
        return 0;
    if (t < 0)
        t += m;
    *out = (uint64_t)t;
    return 1;
}

static RpObject *long_powmod(int64_t x, int64_t e, int64_t m)
{
    if (m == 0) {
        RpErr_SetString(RpExc_ValueError, "pow() 3rd argument cannot be 0");
        return NULL;
    }
    uint64_t um = magnitude(m);
    /* reduce the base into [0, |m|) first */
    __int128 bm = (__int128)x % (__int128)um;
    if (bm < 0)
        bm += um;
    uint64_t base = (uint64_t)bm;
    if (e < 0) {
        if (!modinv(base, um, &base)) {
            RpErr_SetString(RpExc_ValueError,
                            "base is not invertible for the given modulus");
            return NULL;
        }
        e = -e;
    }
    uint64_t r = um == 1 ? 0 : 1;
    while (e > 0) {
        if (e & 1)
            r = mulmod(r, base, um);
        base = mulmod(base, base, um);
        e >>= 1;
    }
    /* the result takes the sign of the modulus */
    if (m < 0 && r != 0)
        return RpLong_FromLongLong((int64_t)(r - um));
    return RpLong_FromLongLong((int64_t)r);
}

static RpObject *long_pow(RpObject *a, RpObject *b, RpObject *c)
{
    CHECK_BINOP(a, b);
    if (c != Rp_None && !RpLong_Check(c))
        Rp_RETURN_NOTIMPLEMENTED;
    int64_t x = ival(a), e = ival(b), r;
    if (c != Rp_None)
        return long_powmod(x, e, ival(c));
    if (e < 0) {
        if (x == 0) {
            RpErr_SetString(RpExc_ZeroDivisionError,
                            "0.0 cannot be raised to a negative power");
            return NULL;
        }
        return RpFloat_FromDouble(pow((double)x, (double)e));
    }
    if (ipow(x, e, &r) < 0)
        return overflow();
    return RpLong_FromLongLong(r);
}

static RpObject *long_neg(RpObject *a)
{
    int64_t x = ival(a);
    if (x == INT64_MIN)
        return overflow();
    return RpLong_FromLongLong(-x);
}

/* int(self) as an exact int: self itself when exact, else a copy. */
static RpObject *long_long(RpObject *a)
{
    if (RpLong_CheckExact(a))
        return Rp_NewRef(a);
    return RpLong_FromLongLong(ival(a));
}

static RpObject *long_abs(RpObject *a)
{
    return ival(a) < 0 ? long_neg(a) : long_long(a);
}

static int long_bool(RpObject *a) { return ival(a) != 0; }
static RpObject *long_invert(RpObject *a) { return RpLong_FromLongLong(~ival(a)); }
static RpObject *long_float(RpObject *a) { return RpFloat_FromDouble((double)ival(a)); }

static RpObject *long_lshift(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    int64_t x = ival(a), n = ival(b);
    if (n < 0) {
        RpErr_SetString(RpExc_ValueError, "negative shift count");
        return NULL;
    }
    if (x == 0 || n == 0)
        return long_long(a);
    if (n > 63)
        return overflow();
    /* x << n fits iff -2**(63-n) <= x < 2**(63-n) */
    int64_t lim = (int64_t)((uint64_t)1 << (63 - n));
    if (x < -lim || x >= lim)
        return overflow();
    int64_t r = (int64_t)((uint64_t)x << n);
    return RpLong_FromLongLong(r);
}

static RpObject *long_rshift(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    int64_t x = ival(a), n = ival(b);
    if (n < 0) {
        RpErr_SetString(RpExc_ValueError, "negative shift count");
        return NULL;
    }
    if (n >= 64)
        return RpLong_FromLongLong(x < 0 ? -1 : 0);
    /* floor semantics without relying on implementation-defined >> */
    return RpLong_FromLongLong(x >= 0 ? x >> n : ~(~x >> n));
}

static RpObject *long_and(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    return RpLong_FromLongLong(ival(a) & ival(b));
}

static RpObject *long_or(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    return RpLong_FromLongLong(ival(a) | ival(b));
}

static RpObject *long_xor(RpObject *a, RpObject *b)
{
    CHECK_BINOP(a, b);
    return RpLong_FromLongLong(ival(a) ^ ival(b));
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

/* ---- hashing ------------------------------------------------------------ */

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

Rp_hash_t _Rp_HashInt64(int64_t v)
{
    uint64_t m = magnitude(v) % HASH_MODULUS;
    Rp_hash_t h = v < 0 ? -(Rp_hash_t)m : (Rp_hash_t)m;
    return h == -1 ? -2 : h;
}

static Rp_hash_t long_hash(RpObject *a) { return _Rp_HashInt64(ival(a)); }

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
        r = parse_int(copy, n, NULL, base);
        /* bytes are reported as their repr, b'...' */
        if (r == NULL && RpErr_ExceptionMatches(RpExc_ValueError)) {
            RpObject *rep = RpObject_Repr(x);
            if (rep != NULL) {
                RpErr_Clear();
                RpErr_Format(RpExc_ValueError, "invalid literal for int() with base %d: %U",
                             base, rep);
                Rp_DECREF(rep);
            }
        }
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
    RpObject *e = RpLong_FromLongLong(ival(r));
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
    RpObject *sub = long_subtype_from(type, ival(r));
    Rp_DECREF(r);
    return sub;
}

/* ---- methods ----------------------------------------------------------- */

static RpObject *int_bit_length(RpObject *self, RpObject *unused)
{
    uint64_t m = magnitude(ival(self));
    return RpLong_FromLongLong(m ? 64 - __builtin_clzll(m) : 0);
}

static RpObject *int_bit_count(RpObject *self, RpObject *unused)
{
    return RpLong_FromLongLong(__builtin_popcountll(magnitude(ival(self))));
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
    return RpLong_FromSsize_t(Rp_TYPE(self)->tp_basicsize);
}

/* round(n, ndigits) for negative ndigits: round half to even at 10**-nd.
 * 128-bit arithmetic keeps the intermediate 10**k exact up to 10**38. */
static RpObject *round_int(int64_t v, int64_t nd)
{
    if (nd >= 0)
        return RpLong_FromLongLong(v);
    if (nd < -38)
        return RpLong_FromLongLong(0);
    __int128 p = 1, x = v;
    for (int64_t i = 0; i < -nd; i++)
        p *= 10;
    __int128 q = x / p, r = x % p;
    if (r < 0) {
        q -= 1;
        r += p;
    }
    /* now x = q*p + r with 0 <= r < p */
    if (2 * r > p || (2 * r == p && (q & 1)))
        q += 1;
    __int128 res = q * p;
    if (res > INT64_MAX || res < INT64_MIN)
        return overflow();
    return RpLong_FromLongLong((int64_t)res);
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
    int64_t n = ival(nd);
    Rp_DECREF(nd);
    return round_int(ival(self), n);
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

/* Minimal byte count for v (two's complement when signed). */
static Rp_ssize_t bytes_needed(int64_t v, int is_signed)
{
    Rp_ssize_t n = 0;
    if (!is_signed) {
        while (n < 8 && ((uint64_t)v >> (8 * n)) != 0)
            n++;
        return n;
    }
    if (v == 0)
        return 0;
    for (n = 1; n < 8; n++) {
        int64_t half = (int64_t)1 << (8 * n - 1);
        if (v >= -half && v < half)
            break;
    }
    return n;
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
    int64_t v = ival(self);
    if (v < 0 && !is_signed) {
        RpErr_SetString(RpExc_OverflowError, "can't convert negative int to unsigned");
        return NULL;
    }
    if (len < bytes_needed(v, is_signed)) {
        RpErr_SetString(RpExc_OverflowError, "int too big to convert");
        return NULL;
    }
    RpObject *b = RpBytes_FromStringAndSize(NULL, len);
    if (b == NULL)
        return NULL;
    unsigned char *p = (unsigned char *)RpBytes_AS_STRING(b);
    uint64_t u = (uint64_t)v;
    for (Rp_ssize_t i = 0; i < len; i++) {
        unsigned char byte = i < 8 ? (unsigned char)(u >> (8 * i)) : (v < 0 ? 0xff : 0);
        p[little ? i : len - 1 - i] = byte;
    }
    return b;
}

/* Decode n bytes; 0 if the value does not fit in 64 bits.  Leading bytes
 * beyond the last 9 must be pure sign extension. */
static int bytes_to_int64(const unsigned char *p, Rp_ssize_t n, int little, int is_signed,
                          int64_t *out)
{
#define BYTE(i) p[little ? n - 1 - (i) : (i)]   /* i-th most significant */
    int neg = is_signed && n > 0 && (BYTE(0) & 0x80);
    unsigned char fill = neg ? 0xff : 0x00;
    Rp_ssize_t i = 0;
    for (; n - i > 9; i++)
        if (BYTE(i) != fill)
            return 0;
    unsigned __int128 acc = 0;
    Rp_ssize_t m = n - i;
    for (; i < n; i++)
        acc = (acc << 8) | BYTE(i);
#undef BYTE
    __int128 val = (__int128)acc;
    if (neg)
        val -= (__int128)1 << (8 * m);
    if (val > INT64_MAX || val < INT64_MIN)
        return 0;
    *out = (int64_t)val;
    return 1;
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
    int64_t val;
    int ok = bytes_to_int64((const unsigned char *)RpBytes_AS_STRING(b),
                            RpBytes_GET_SIZE(b), little, is_signed, &val);
    Rp_DECREF(b);
    if (!ok)
        return overflow();
    if ((RpTypeObject *)type == &RpLong_Type)
        return RpLong_FromLongLong(val);
    RpObject *i = RpLong_FromLongLong(val);
    if (i == NULL)
        return NULL;
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

static RpObject *format_char(int64_t v, const RpFormatSpec *spec)
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

static RpObject *format_int(int64_t v, RpFormatSpec *spec)
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
        return format_char(v, spec);
    char buf[80];
    char *d = digits_of(magnitude(v), base, type == 'X', buf + sizeof buf - 1);
    _RpLong_NormalizeSpec(spec);
    return _RpLong_FormatParts(spec, sign_of(v < 0, spec->sign),
                               spec->alternate ? prefix : "", d,
                               (Rp_ssize_t)strlen(d), "", group);
}

static RpObject *int_format(RpObject *self, RpObject *fmt)
{
    if (!RpUnicode_Check(fmt))
        return RpErr_Format(RpExc_TypeError, "__format__() argument must be str, not %.200s",
                            Rp_TYPE(fmt)->tp_name);
    if (RpUnicode_GET_LENGTH(fmt) == 0)
        return RpObject_Str(self);
    RpFormatSpec spec;
    if (_RpFormatSpec_Parse(fmt, &spec) < 0)
        return NULL;
    switch (spec.type) {
    case 0: case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
        return format_int(ival(self), &spec);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
        return _RpFloat_FormatSpec((double)ival(self), &spec);
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
