/* dtoa.c -- correctly rounded conversion between doubles and decimal text.
 *
 * Every double is m * 2**k with an integer m < 2**53, so every double has
 * a finite decimal expansion and every question here ("which double is
 * nearest this decimal?", "which digits are nearest this double?") has
 * an exact answer in integer arithmetic.  Two layers answer them:
 *
 *  - Exact: fixed-capacity big naturals (bn).  strtod compares the
 *    decimal value with the halfway points between neighbouring doubles;
 *    shortest output is Steele & White's / Burger & Dybvig's free-format
 *    algorithm; rounding to n digits rounds the full expansion in decimal.
 *  - Fast: v * 10**q with a 128-bit approximation of 10**q (a table built
 *    once, exact for 0 <= q <= 55, relative error below 2**-117 elsewhere).
 *    The 190-bit product decides a rounding unless the bits that decide
 *    it lie within the error bound of the halfway point; then, and for
 *    subnormals and powers of two, the exact layer decides.  The fast
 *    layer is only ever a shortcut to the exact answer.
 */
#include "rp.h"
#include <math.h>
#include <float.h>
#include <stdint.h>
#include <string.h>
#include <pthread.h>

/* ---- big naturals ------------------------------------------------------ */

/* The largest number built is about 10**1130 * 2**55 (strtod of 800
 * digits near the subnormal range): under 3800 bits. */
#define BN_WORDS 160

typedef struct {
    int n;                  /* words used; w[n-1] != 0 */
    uint32_t w[BN_WORDS];   /* little-endian */
} bn;

static void bn_set(bn *a, uint64_t x)
{
    a->n = 0;
    while (x) {
        a->w[a->n++] = (uint32_t)x;
        x >>= 32;
    }
}

static void bn_copy(bn *dst, const bn *src)
{
    dst->n = src->n;
    memcpy(dst->w, src->w, (size_t)src->n * sizeof(uint32_t));
}

static void bn_trim(bn *a)
{
    while (a->n > 0 && a->w[a->n - 1] == 0)
        a->n--;
}

/* a = a * m + add */
static void bn_mul_add(bn *a, uint32_t m, uint32_t add)
{
    uint64_t carry = add;
    for (int i = 0; i < a->n; i++) {
        uint64_t t = (uint64_t)a->w[i] * m + carry;
        a->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry)
        a->w[a->n++] = (uint32_t)carry;
}

static void bn_mul(bn *out, const bn *a, const bn *b)
{
    out->n = a->n + b->n;
    memset(out->w, 0, (size_t)out->n * sizeof(uint32_t));
    for (int i = 0; i < a->n; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < b->n; j++) {
            uint64_t t = (uint64_t)a->w[i] * b->w[j] + out->w[i + j] + carry;
            out->w[i + j] = (uint32_t)t;
            carry = t >> 32;
        }
        out->w[i + b->n] = (uint32_t)carry;
    }
    bn_trim(out);
}

static void bn_shl(bn *a, int bits)
{
    if (a->n == 0 || bits == 0)
        return;
    int words = bits / 32, b = bits % 32;
    if (b) {
        uint32_t carry = 0;
        for (int i = 0; i < a->n; i++) {
            uint32_t w = a->w[i];
            a->w[i] = (w << b) | carry;
            carry = w >> (32 - b);
        }
        if (carry)
            a->w[a->n++] = carry;
    }
    if (words) {
        memmove(a->w + words, a->w, (size_t)a->n * sizeof(uint32_t));
        memset(a->w, 0, (size_t)words * sizeof(uint32_t));
        a->n += words;
    }
}

/* a >>= bits, truncating */
static void bn_shr(bn *a, int bits)
{
    int words = bits / 32, b = bits % 32;
    if (words >= a->n) {
        a->n = 0;
        return;
    }
    memmove(a->w, a->w + words, (size_t)(a->n - words) * sizeof(uint32_t));
    a->n -= words;
    if (b) {
        for (int i = 0; i < a->n; i++) {
            uint32_t hi = i + 1 < a->n ? a->w[i + 1] << (32 - b) : 0;
            a->w[i] = (a->w[i] >> b) | hi;
        }
    }
    bn_trim(a);
}

static int bn_cmp(const bn *a, const bn *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--)
        if (a->w[i] != b->w[i])
            return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}

/* a += b */
static void bn_add(bn *a, const bn *b)
{
    int n = a->n > b->n ? a->n : b->n;
    uint64_t carry = 0;
    for (int i = 0; i < n; i++) {
        uint64_t t = carry + (i < a->n ? a->w[i] : 0) + (i < b->n ? b->w[i] : 0);
        a->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    a->n = n;
    if (carry)
        a->w[a->n++] = (uint32_t)carry;
}

/* a -= b, with a >= b */
static void bn_sub(bn *a, const bn *b)
{
    uint32_t borrow = 0;
    for (int i = 0; i < a->n; i++) {
        uint64_t sub = (uint64_t)(i < b->n ? b->w[i] : 0) + borrow;
        borrow = a->w[i] < sub;
        a->w[i] = (uint32_t)((uint64_t)a->w[i] - sub);
    }
    bn_trim(a);
}

/* a /= d; returns the remainder */
static uint32_t bn_divmod(bn *a, uint32_t d)
{
    uint64_t rem = 0;
    for (int i = a->n - 1; i >= 0; i--) {
        uint64_t cur = (rem << 32) | a->w[i];
        a->w[i] = (uint32_t)(cur / d);
        rem = cur % d;
    }
    bn_trim(a);
    return (uint32_t)rem;
}

static int bit_length32(uint32_t x)
{
    int n = 0;
    while (x) {
        n++;
        x >>= 1;
    }
    return n;
}

static int bn_bitlen(const bn *a)
{
    return a->n ? 32 * (a->n - 1) + bit_length32(a->w[a->n - 1]) : 0;
}

static uint32_t bn_word(const bn *a, int i) { return i >= 0 && i < a->n ? a->w[i] : 0; }

/* Bits lo .. lo+63 of a (lo >= 0). */
static uint64_t bn_bits64(const bn *a, int lo)
{
    int wi = lo / 32, sh = lo % 32;
    uint64_t low = ((uint64_t)bn_word(a, wi + 1) << 32) | bn_word(a, wi);
    low >>= sh;
    if (sh)
        low |= (uint64_t)bn_word(a, wi + 2) << (64 - sh);
    return low;
}

static void bn_mul_pow5(bn *a, int k)
{
    static const uint32_t pow5[14] = {1, 5, 25, 125, 625, 3125, 15625, 78125, 390625,
                                      1953125, 9765625, 48828125, 244140625, 1220703125};
    for (; k >= 13; k -= 13)
        bn_mul_add(a, pow5[13], 0);
    if (k)
        bn_mul_add(a, pow5[k], 0);
}

static void bn_mul_pow10(bn *a, int k)
{
    bn_mul_pow5(a, k);
    bn_shl(a, k);
}

/* ---- doubles as m * 2**k ------------------------------------------------- */

/* v finite > 0: v = m * 2**k, m < 2**53, and m >= 2**52 unless v is
 * subnormal (then k = -1074). */
static uint64_t decompose(double v, int *k)
{
    int e;
    double f = frexp(v, &e);            /* v = f * 2**e, 0.5 <= f < 1 */
    if (e - 53 < -1074) {
        *k = -1074;
        return (uint64_t)ldexp(v, 1074);
    }
    *k = e - 53;
    return (uint64_t)ldexp(f, 53);
}

static double compose(uint64_t m, int k) { return ldexp((double)m, k); }

/* ---- 128-bit powers of ten --------------------------------------------- */

/* 10**q ~= t * 2**b with 2**127 <= t < 2**128 (truncated). */
#define P10_MIN (-350)
#define P10_MAX 350

typedef struct {
    uint32_t t[4];
    int b;
} pow10_entry;

static pow10_entry p10_table[P10_MAX - P10_MIN + 1];
static pthread_once_t p10_once = PTHREAD_ONCE_INIT;

static void p10_store(int q, bn *x, int *b)
{
    int len = bn_bitlen(x);
    if (len > 128) {
        bn_shr(x, len - 128);
        *b += len - 128;
    } else if (len < 128) {
        bn_shl(x, 128 - len);
        *b -= 128 - len;
    }
    pow10_entry *e = &p10_table[q - P10_MIN];
    memcpy(e->t, x->w, sizeof e->t);
    e->b = *b;
}

/* Each step multiplies or divides the previous (normalised) entry by 10
 * and truncates: the relative error grows by at most 2**-127 per step. */
static void p10_build(void)
{
    bn x;
    int b = 0;
    bn_set(&x, 1);
    p10_store(0, &x, &b);
    for (int q = 1; q <= P10_MAX; q++) {
        bn_mul_add(&x, 10, 0);
        p10_store(q, &x, &b);
    }
    b = 0;
    bn_set(&x, 1);
    p10_store(0, &x, &b);
    for (int q = -1; q >= P10_MIN; q--) {
        bn_shl(&x, 32);
        b -= 32;
        bn_divmod(&x, 10);
        p10_store(q, &x, &b);
    }
}

static const pow10_entry *p10_get(int q)
{
    pthread_once(&p10_once, p10_build);
    return &p10_table[q - P10_MIN];
}

/* X = m * t(q); returns b(q).  Product of a 64-bit and a 128-bit number. */
static int p10_mul(uint64_t m, int q, bn *X)
{
    const pow10_entry *e = p10_get(q);
    bn M, T;
    bn_set(&M, m);
    T.n = 4;
    memcpy(T.w, e->t, sizeof e->t);
    bn_mul(X, &M, &T);
    return e->b;
}

/* The 64-bit window of a fraction is trusted when it is this far (in
 * units of its last bit) from the halfway point; the product's error is
 * below 2**6 such units. */
#ifndef MARGIN
#define MARGIN 512
#endif

static int near_half(uint64_t w)
{
    uint64_t half = (uint64_t)1 << 63;
    uint64_t d = w > half ? w - half : half - w;
    return d <= MARGIN;
}

/* ---- decimal text -> double ---------------------------------------------- */

#define MAXSIG 800   /* digits beyond these only matter as "non-zero" */

static const double exact_pow10[23] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* M * 10**e by the fast layer.  Sets *sure when the rounding is certain;
 * always leaves a guess within one unit in the last place (or an
 * infinity/zero guess outside the normal range). */
static double fast_decimal(uint64_t M, int e, int *sure)
{
    bn X;
    *sure = 0;
    int b = p10_mul(M, e, &X);
    int len = bn_bitlen(&X);
    int lead = len - 1 + b;             /* value's leading bit: 2**lead */
    int cut = len - 53;                 /* bits below the mantissa (>= 76) */
    uint64_t mant = bn_bits64(&X, cut) & (((uint64_t)1 << 53) - 1);
    uint64_t rest = bn_bits64(&X, cut - 64);
    if (rest >= (uint64_t)1 << 63)
        mant++;
    if (lead > 1023)
        return INFINITY;
    if (lead < -1022)
        return compose(mant, lead - 52);
    *sure = !near_half(rest);
    return compose(mant, lead - 52);
}

/* D * 10**e compared with hm * 2**hk, exactly. */
static int cmp_dec_bin(const bn *D, int e, uint64_t hm, int hk)
{
    bn a, h;
    bn_copy(&a, D);
    bn_set(&h, hm);
    if (e >= 0)
        bn_mul_pow10(&a, e);
    else
        bn_mul_pow10(&h, -e);
    if (hk >= 0)
        bn_shl(&h, hk);
    else
        bn_shl(&a, -hk);
    return bn_cmp(&a, &h);
}

static void bn_from_digits(bn *D, const char *dig, int nd)
{
    bn_set(D, 0);
    for (int i = 0; i < nd;) {
        uint32_t chunk = 0, scale = 1;
        for (int j = 0; j < 9 && i < nd; j++, i++) {
            chunk = chunk * 10 + (uint32_t)(dig[i] - '0');
            scale *= 10;
        }
        bn_mul_add(D, scale, chunk);
    }
}

/* Walk from the guess to the double nearest D * 10**e (+ a little when
 * sticky), comparing with the halfway points on either side. */
static double exact_decimal(const char *dig, int nd, int e, int sticky, double g)
{
    bn D;
    bn_from_digits(&D, dig, nd);
    if (isinf(g))
        g = DBL_MAX;
    for (;;) {
        int k = -1074;
        uint64_t m = g > 0 ? decompose(g, &k) : 0;
        int c = cmp_dec_bin(&D, e, 2 * m + 1, k - 1);
        if (c > 0 || (c == 0 && sticky)) {
            if (g == DBL_MAX)
                return INFINITY;
            g = nextafter(g, INFINITY);
            continue;
        }
        if (c == 0)
            return (m & 1) ? nextafter(g, INFINITY) : g;
        if (g == 0)
            return 0.0;
        if (m == (uint64_t)1 << 52 && k > -1074)
            c = cmp_dec_bin(&D, e, 4 * m - 1, k - 2);
        else
            c = cmp_dec_bin(&D, e, 2 * m - 1, k - 1);
        if (c < 0) {
            g = nextafter(g, 0.0);
            continue;
        }
        if (c == 0 && !sticky)
            return (m & 1) ? nextafter(g, 0.0) : g;
        return g;
    }
}

static uint64_t digits_value(const char *dig, int n)
{
    uint64_t M = 0;
    for (int i = 0; i < n; i++)
        M = M * 10 + (uint64_t)(dig[i] - '0');
    return M;
}

/* dig[0..nd) (no leading or trailing zeros) * 10**e, nd >= 1. */
static double decimal_to_double(const char *dig, int nd, int e, int sticky)
{
    if (nd <= 15 && !sticky) {
        double M = (double)digits_value(dig, nd);   /* exact */
        if (e >= 0 && e <= 22)
            return M * exact_pow10[e];
        if (e < 0 && e >= -22)
            return M / exact_pow10[-e];
        if (e > 22 && e <= 22 + 15 - nd)
            return (M * exact_pow10[e - 22]) * 1e22;
    }
    int n19 = nd < 19 ? nd : 19;
    uint64_t M = digits_value(dig, n19);
    int e19 = e + (nd - n19);
    int sure;
    double g = fast_decimal(M, e19, &sure);
    if (sure && (nd > 19 || sticky)) {
        /* the value lies in [M, M+1) * 10**e19 */
        int sure2;
        double g2 = fast_decimal(M + 1, e19, &sure2);
        sure = sure2 && g2 == g;
    }
    if (sure)
        return g;
    return exact_decimal(dig, nd, e, sticky, g);
}

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int match_word(const char *p, const char *word)
{
    int i = 0;
    for (; word[i]; i++)
        if (lower((unsigned char)p[i]) != word[i])
            return 0;
    return i;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

double RpDtoa_Strtod(const char *s, const char **end)
{
    const char *p = s;
    int neg = 0;
    if (*p == '+' || *p == '-')
        neg = *p++ == '-';
    if (match_word(p, "inf")) {
        p += 3;
        if (match_word(p, "inity"))
            p += 5;
        *end = p;
        return neg ? -INFINITY : INFINITY;
    }
    if (match_word(p, "nan")) {
        *end = p + 3;
        return neg ? -NAN : NAN;
    }
    char dig[MAXSIG];
    int nd = 0, sticky = 0, seen = 0;
    long exp10 = 0;
    for (; *p == '0'; p++)
        seen = 1;
    for (; is_digit(*p); p++) {
        seen = 1;
        if (nd < MAXSIG)
            dig[nd++] = *p;
        else {
            exp10++;
            sticky |= *p != '0';
        }
    }
    if (*p == '.') {
        p++;
        if (nd == 0)
            for (; *p == '0'; p++, exp10--)
                seen = 1;
        for (; is_digit(*p); p++) {
            seen = 1;
            if (nd < MAXSIG) {
                dig[nd++] = *p;
                exp10--;
            } else {
                sticky |= *p != '0';
            }
        }
    }
    if (!seen) {
        *end = s;
        return 0.0;
    }
    if (*p == 'e' || *p == 'E') {
        const char *q = p + 1;
        int eneg = 0;
        if (*q == '+' || *q == '-')
            eneg = *q++ == '-';
        if (is_digit(*q)) {
            long ev = 0;
            for (; is_digit(*q); q++)
                if (ev < 100000000)
                    ev = ev * 10 + (*q - '0');
            exp10 += eneg ? -ev : ev;
            p = q;
        }
    }
    *end = p;
    while (nd > 0 && dig[nd - 1] == '0') {
        nd--;
        exp10++;
    }
    double r;
    long top = nd + exp10;              /* 10**(top-1) <= value < 10**top */
    if (nd == 0 || top < -323)
        r = 0.0;
    else if (top > 310)
        r = INFINITY;
    else
        r = decimal_to_double(dig, nd, (int)exp10, sticky);
    return neg ? -r : r;
}

/* ---- double -> digits: exact layer ---------------------------------------- */

static int strip_zeros(const char *d, int n)
{
    while (n > 0 && d[n - 1] == '0')
        n--;
    return n;
}

/* The whole decimal expansion of v > 0; returns the exponent. */
static int exact_digits(double v, char *out, int *nout)
{
    int k;
    uint64_t m = decompose(v, &k);
    bn N;
    bn_set(&N, m);
    int scale = 0;                      /* v = N * 10**scale */
    if (k >= 0)
        bn_shl(&N, k);
    else {
        bn_mul_pow5(&N, -k);
        scale = k;
    }
    char tmp[RP_DTOA_BUFSIZE + 16];
    int pos = (int)sizeof tmp;
    while (N.n > 0) {
        uint32_t chunk = bn_divmod(&N, 1000000000);
        for (int j = 0; j < 9; j++, chunk /= 10)
            tmp[--pos] = (char)('0' + chunk % 10);
    }
    while (tmp[pos] == '0')
        pos++;
    int len = (int)sizeof tmp - pos;
    memcpy(out, tmp + pos, (size_t)len);
    *nout = strip_zeros(out, len);
    return len - 1 + scale;
}

/* Steele & White / Burger & Dybvig: generate digits of r/s until the
 * digits so far, rounded, lie strictly inside (or, for an even mantissa,
 * on the edge of) the interval of values that read back as v. */
static int exact_shortest(double v, char *d, int *nd)
{
    int k;
    uint64_t m = decompose(v, &k);
    int even = !(m & 1);
    int bnd = m == (uint64_t)1 << 52 && k > -1074;  /* lower gap is half */
    bn r, s, mp, mm;
    bn_set(&r, m);
    bn_shl(&r, 1 + bnd);
    if (k >= 0) {
        bn_shl(&r, k);
        bn_set(&s, 2u << bnd);
        bn_set(&mp, 1);
        bn_shl(&mp, k + bnd);
        bn_set(&mm, 1);
        bn_shl(&mm, k);
    } else {
        bn_set(&s, 1);
        bn_shl(&s, 1 - k + bnd);
        bn_set(&mp, 1u << bnd);
        bn_set(&mm, 1);
    }
    int k10 = (int)floor(log10(v)) + 1;
    if (k10 >= 0)
        bn_mul_pow10(&s, k10);
    else {
        bn_mul_pow10(&r, -k10);
        bn_mul_pow10(&mp, -k10);
        bn_mul_pow10(&mm, -k10);
    }
    bn t;
    for (;;) {   /* make 1/10 < (r + mp) / s <= 1, with even's inclusivity */
        bn_copy(&t, &r);
        bn_add(&t, &mp);
        int c = bn_cmp(&t, &s);
        if (even ? c >= 0 : c > 0) {
            bn_mul_add(&s, 10, 0);
            k10++;
            continue;
        }
        bn_mul_add(&t, 10, 0);
        c = bn_cmp(&t, &s);
        if (even ? c < 0 : c <= 0) {
            bn_mul_add(&r, 10, 0);
            bn_mul_add(&mp, 10, 0);
            bn_mul_add(&mm, 10, 0);
            k10--;
            continue;
        }
        break;
    }
    int n = 0;
    for (;;) {
        bn_mul_add(&r, 10, 0);
        bn_mul_add(&mp, 10, 0);
        bn_mul_add(&mm, 10, 0);
        int digit = 0;
        while (bn_cmp(&r, &s) >= 0) {
            bn_sub(&r, &s);
            digit++;
        }
        int c = bn_cmp(&r, &mm);
        int low = even ? c <= 0 : c < 0;
        bn_copy(&t, &r);
        bn_add(&t, &mp);
        c = bn_cmp(&t, &s);
        int high = even ? c >= 0 : c > 0;
        if (!low && !high) {
            d[n++] = (char)('0' + digit);
            continue;
        }
        if (low && high) {
            bn_copy(&t, &r);
            bn_shl(&t, 1);
            c = bn_cmp(&t, &s);
            if (c > 0 || (c == 0 && (digit & 1)))
                digit++;
        } else if (high) {
            digit++;
        }
        d[n++] = (char)('0' + digit);
        break;
    }
    *nd = strip_zeros(d, n);
    return k10 - 1;
}

/* ---- double -> digits: fast layer ------------------------------------------ */

static const uint64_t upow10[20] = {
    1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull,
    100000000ull, 1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull,
    10000000000000ull, 100000000000000ull, 1000000000000000ull,
    10000000000000000ull, 100000000000000000ull, 1000000000000000000ull,
    10000000000000000000ull};

static int write_u64(uint64_t x, char *d)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + x % 10);
        x /= 10;
    } while (x);
    for (int i = 0; i < n; i++)
        d[i] = tmp[n - 1 - i];
    return n;
}

/* N = v * 10**(P-1-e10) rounded, a P-digit integer; a wrong estimate
 * e10 is corrected when `adjust`, else answered with 0.  When rt is not
 * NULL, *rt tells whether N * 10**(e10-P+1) reads back as v (then v must
 * be normal and not a power of two: a symmetric rounding interval).
 * Returns 0 when an answer is uncertain.  1 <= P <= 17. */
static int fast_round(uint64_t m, int k, int P, int *e10, uint64_t *N, int *rt, int adjust)
{
    for (int tries = 0; tries < 4; tries++) {
        int q = P - 1 - *e10;
        if (q < P10_MIN || q > P10_MAX)
            return 0;
        bn X;
        int b = p10_mul(m, q, &X);
        int sh = -(k + b);              /* v * 10**q = X / 2**sh */
        if (sh < 64 || bn_bitlen(&X) - sh > 63)
            return 0;
        uint64_t F = bn_bits64(&X, sh);
        if (F >= upow10[P] || F < upow10[P - 1]) {
            if (!adjust)
                return 0;
            *e10 += F >= upow10[P] ? 1 : -1;
            continue;
        }
        uint64_t W = bn_bits64(&X, sh - 64);    /* the fraction, top bits */
        if (near_half(W))
            return 0;
        int up = W > (uint64_t)1 << 63;
        uint64_t dist = up ? (uint64_t)0 - W : W;
        /* half an ulp of v, in the units of W: t * 2**(63 - sh) */
        const pow10_entry *e = p10_get(q);
        if (rt == NULL) {
            /* rounding only */
        } else if (190 - sh >= 64) {
            *rt = 1;                    /* more than a whole digit */
        } else {
            bn T;
            T.n = 4;
            memcpy(T.w, e->t, sizeof e->t);
            uint64_t hw = bn_bits64(&T, sh - 63);
            if (dist + MARGIN < hw)
                *rt = 1;
            else if (dist > hw + MARGIN)
                *rt = 0;
            else
                return 0;
        }
        *N = F + up;
        if (*N == upow10[P]) {
            *N = upow10[P - 1];
            (*e10)++;
        }
        return 1;
    }
    return 0;
}

int RpDtoa_Shortest(double v, char *d, int *nd)
{
    int k;
    uint64_t m = decompose(v, &k);
    if (k <= 0 && k > -53 && (m & (((uint64_t)1 << -k) - 1)) == 0) {
        int n = write_u64(m >> -k, d);  /* an integer below 2**53: exact */
        *nd = strip_zeros(d, n);
        return n - 1;
    }
    if (m > (uint64_t)1 << 52) {
        int e10 = (int)floor(log10(v));
        for (int P = 15; P <= 17; P++) {
            uint64_t N;
            int rt;
            if (!fast_round(m, k, P, &e10, &N, &rt, 1))
                break;
            if (rt) {
                int n = write_u64(N, d);
                *nd = strip_zeros(d, n);
                return e10;
            }
        }
    }
    return exact_shortest(v, d, nd);
}

/* ---- rounding to n digits ------------------------------------------------ */

/* Round d[0..len) (exponent exp) to keep digits, half to even. */
static int round_digits(char *d, int len, int keep, int exp, int *nd)
{
    if (keep >= len) {
        *nd = len;
        return exp;
    }
    if (keep < 0) {
        *nd = 0;
        return exp;
    }
    int first = d[keep] - '0';
    int sticky = strip_zeros(d + keep + 1, len - keep - 1) > 0;
    int last_odd = keep > 0 && ((d[keep - 1] - '0') & 1);
    int up = first > 5 || (first == 5 && (sticky || last_odd));
    int n = keep;
    if (up) {
        while (n > 0 && d[n - 1] == '9')
            n--;
        if (n == 0) {
            d[0] = '1';
            *nd = 1;
            return exp + 1;
        }
        d[n - 1]++;
    }
    *nd = strip_zeros(d, n);
    return exp;
}

int RpDtoa_Round(double v, char mode, int n, char *d, int *nd)
{
    if (v == 0) {
        *nd = 0;
        return 0;
    }
    int k;
    uint64_t m = decompose(v, &k);
    int e10 = (int)floor(log10(v));
    int P = mode == 's' ? n : e10 + 1 + n;
    if (P <= -2) {
        /* v < 10**(e10+2) <= 10**-n / 10 even if e10 is one too small */
        *nd = 0;
        return 0;
    }
    uint64_t N;
    if (P >= 1 && P <= 17 && fast_round(m, k, P, &e10, &N, NULL, mode == 's')) {
        int len = write_u64(N, d);
        *nd = strip_zeros(d, len);
        return e10;
    }
    int len, exp = exact_digits(v, d, &len);
    int keep = mode == 's' ? n : exp + 1 + n;
    return round_digits(d, len, keep, exp, nd);
}
