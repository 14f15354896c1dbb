/* bigint.c -- magnitude arithmetic behind int (see bigint.h).
 *
 * Digits are 32 bits wide so that every digit product and every
 * two-digit dividend fits a uint64_t (__int128 appears only where 64-bit
 * limbs pay off: decimal conversion and Lehmer's gcd).
 * Multiplication is schoolbook below KARATSUBA_CUTOFF digits and
 * Karatsuba above (unbalanced operands are cut into balanced slices);
 * division is Knuth's algorithm D on normalized operands, or
 * Burnikel-Ziegler recursion when divisor and quotient are both long.
 * Decimal conversion is divide-and-conquer over cached powers
 * 10**(19 * 2**k), so str(int) and int(str) are subquadratic.
 */
#include "rp.h"
#include "objects/bigint.h"
#include <string.h>

#define KARATSUBA_CUTOFF 48

size_t bn_norm(const bn_digit *a, size_t n)
{
    while (n > 0 && a[n - 1] == 0)
        n--;
    return n;
}

int bn_cmp(const bn_digit *a, size_t na, const bn_digit *b, size_t nb)
{
    if (na != nb)
        return na < nb ? -1 : 1;
    while (na-- > 0) {
        if (a[na] != b[na])
            return a[na] < b[na] ? -1 : 1;
    }
    return 0;
}

size_t bn_add(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb)
{
    if (na < nb) {
        const bn_digit *t = a; a = b; b = t;
        size_t tn = na; na = nb; nb = tn;
    }
    bn_twodigits carry = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        carry += (bn_twodigits)a[i] + b[i];
        r[i] = (bn_digit)carry;
        carry >>= BN_SHIFT;
    }
    for (; i < na; i++) {
        carry += a[i];
        r[i] = (bn_digit)carry;
        carry >>= BN_SHIFT;
    }
    r[i] = (bn_digit)carry;
    return bn_norm(r, na + 1);
}

size_t bn_sub(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb)
{
    bn_digit borrow = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        bn_twodigits t = (bn_twodigits)a[i] - b[i] - borrow;
        r[i] = (bn_digit)t;
        borrow = (bn_digit)(t >> 63);   /* 1 when it wrapped */
    }
    for (; i < na; i++) {
        bn_twodigits t = (bn_twodigits)a[i] - borrow;
        r[i] = (bn_digit)t;
        borrow = (bn_digit)(t >> 63);
    }
    return bn_norm(r, na);
}

/* r[0..na+nb) = a * b, schoolbook; r need not be zeroed. */
static void school_mul(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb)
{
    memset(r, 0, (na + nb) * sizeof(bn_digit));
    for (size_t i = 0; i < nb; i++) {
        bn_twodigits carry = 0, m = b[i];
        if (m == 0)
            continue;
        for (size_t j = 0; j < na; j++) {
            carry += m * a[j] + r[i + j];
            r[i + j] = (bn_digit)carry;
            carry >>= BN_SHIFT;
        }
        r[i + na] = (bn_digit)carry;
    }
}

/* r[0..n) += a[0..na), na <= n; the true sum fits in n digits. */
static void add_into(bn_digit *r, size_t n, const bn_digit *a, size_t na)
{
    bn_twodigits carry = 0;
    size_t i = 0;
    for (; i < na; i++) {
        carry += (bn_twodigits)r[i] + a[i];
        r[i] = (bn_digit)carry;
        carry >>= BN_SHIFT;
    }
    for (; carry && i < n; i++) {
        carry += r[i];
        r[i] = (bn_digit)carry;
        carry >>= BN_SHIFT;
    }
}

static void kmul(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb);

/* a much longer than b: multiply b by nb-digit slices of a. */
static void kmul_unbalanced(bn_digit *r, const bn_digit *a, size_t na,
                            const bn_digit *b, size_t nb)
{
    bn_digit *tmp = RpMem_Malloc(2 * nb * sizeof(bn_digit));
    if (tmp == NULL) {
        school_mul(r, a, na, b, nb);
        return;
    }
    memset(r, 0, (na + nb) * sizeof(bn_digit));
    for (size_t off = 0; off < na; off += nb) {
        size_t len = na - off < nb ? na - off : nb;
        if (len >= nb)
            kmul(tmp, a + off, len, b, nb);
        else
            kmul(tmp, b, nb, a + off, len);
        add_into(r + off, na + nb - off, tmp, len + nb);
    }
    RpMem_Free(tmp);
}

/* r[0..na+nb) = a * b with na >= nb; inputs may carry leading zeros. */
static void kmul(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb)
{
    if (nb < KARATSUBA_CUTOFF) {
        school_mul(r, a, na, b, nb);
        return;
    }
    if (na >= 2 * nb) {
        kmul_unbalanced(r, a, na, b, nb);
        return;
    }
    /* a = a1*B^h + a0, b = b1*B^h + b0; nb > h because 2*nb > na. */
    size_t h = na / 2, n1 = na - h + 1, n2 = (nb - h > h ? nb - h : h) + 1;
    bn_digit *s1 = RpMem_Malloc((n1 + n2 + n1 + n2) * sizeof(bn_digit));
    if (s1 == NULL) {
        school_mul(r, a, na, b, nb);
        return;
    }
    bn_digit *s2 = s1 + n1, *z1 = s2 + n2;
    kmul(r, a, h, b, h);                               /* z0 in r[0..2h) */
    if (na - h >= nb - h)                              /* z2 in r[2h..) */
        kmul(r + 2 * h, a + h, na - h, b + h, nb - h);
    else
        kmul(r + 2 * h, b + h, nb - h, a + h, na - h);
    size_t l1 = bn_add(s1, a, h, a + h, na - h);
    size_t l2 = bn_add(s2, b, h, b + h, nb - h);
    memset(z1, 0, (n1 + n2) * sizeof(bn_digit));
    if (l1 > 0 && l2 > 0) {
        if (l1 >= l2)
            kmul(z1, s1, l1, s2, l2);
        else
            kmul(z1, s2, l2, s1, l1);
    }
    size_t lz = bn_norm(z1, l1 + l2);
    lz = bn_sub(z1, z1, lz, r, bn_norm(r, 2 * h));
    lz = bn_sub(z1, z1, lz, r + 2 * h, bn_norm(r + 2 * h, na + nb - 2 * h));
    add_into(r + h, na + nb - h, z1, lz);
    RpMem_Free(s1);
}

size_t bn_mul(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb)
{
    if (na == 0 || nb == 0)
        return 0;
    if (na >= nb)
        kmul(r, a, na, b, nb);
    else
        kmul(r, b, nb, a, na);
    return bn_norm(r, na + nb);
}

size_t bn_muladd1(bn_digit *a, size_t n, bn_digit m, bn_digit add)
{
    bn_twodigits carry = add;
    for (size_t i = 0; i < n; i++) {
        carry += (bn_twodigits)a[i] * m;
        a[i] = (bn_digit)carry;
        carry >>= BN_SHIFT;
    }
    a[n] = (bn_digit)carry;
    return bn_norm(a, n + 1);
}

bn_digit bn_divrem1(bn_digit *q, const bn_digit *a, size_t n, bn_digit d)
{
    bn_twodigits rem = 0;
    while (n-- > 0) {
        rem = (rem << BN_SHIFT) | a[n];
        q[n] = (bn_digit)(rem / d);
        rem %= d;
    }
    return (bn_digit)rem;
}

/* r = a << s for 0 <= s < 32 over n digits; returns the carry-out digit. */
static bn_digit shl_small(bn_digit *r, const bn_digit *a, size_t n, int s)
{
    bn_digit carry = 0;
    for (size_t i = 0; i < n; i++) {
        bn_twodigits t = ((bn_twodigits)a[i] << s) | carry;
        r[i] = (bn_digit)t;
        carry = (bn_digit)(t >> BN_SHIFT);
    }
    return carry;
}

/* Knuth's algorithm D on a normalized divisor vn[0..nb) (top bit set):
 * divides un[0..nu) in place, leaving the remainder in un[0..nb) (the
 * limbs above become zero) and nu - nb quotient digits in q (q may be
 * NULL).  Requires the top nb limbs of un to be < vn, so that every
 * quotient digit fits one limb. */
static void knuth_core(bn_digit *q, bn_digit *un, size_t nu, const bn_digit *vn, size_t nb)
{
    const bn_twodigits B = (bn_twodigits)1 << BN_SHIFT;
    bn_twodigits vtop = vn[nb - 1], vnext = vn[nb - 2];
    for (size_t j = nu - nb; j-- > 0;) {
        bn_twodigits num = ((bn_twodigits)un[j + nb] << BN_SHIFT) | un[j + nb - 1];
        bn_twodigits qhat = num / vtop, rhat = num % vtop;
        while (qhat >= B || qhat * vnext > ((rhat << BN_SHIFT) | un[j + nb - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat >= B)
                break;
        }
        /* un[j..j+nb] -= qhat * vn */
        int64_t t;
        bn_twodigits k = 0;
        for (size_t i = 0; i < nb; i++) {
            bn_twodigits p = qhat * vn[i];
            t = (int64_t)un[i + j] - (int64_t)k - (int64_t)(p & 0xffffffffu);
            un[i + j] = (bn_digit)t;
            k = (p >> BN_SHIFT) - (bn_twodigits)(t >> BN_SHIFT);
        }
        t = (int64_t)un[j + nb] - (int64_t)k;
        un[j + nb] = (bn_digit)t;
        if (t < 0) {    /* qhat was one too large: add the divisor back */
            qhat--;
            bn_twodigits c = 0;
            for (size_t i = 0; i < nb; i++) {
                c += (bn_twodigits)un[i + j] + vn[i];
                un[i + j] = (bn_digit)c;
                c >>= BN_SHIFT;
            }
            un[j + nb] += (bn_digit)c;
        }
        if (q != NULL)
            q[j] = (bn_digit)qhat;
    }
}

/* ---- Burnikel-Ziegler recursive division ----------------------------------
 *
 * Knuth's algorithm is quadratic.  Burnikel and Ziegler ("Fast Recursive
 * Division", MPI-I-98-1-022) divide a 2n-limb number by an n-limb one
 * with two 3n/2-by-n divisions, each of which is one n/2-limb recursive
 * division plus one n/2 x n/2 multiplication, so the cost is a small
 * multiple of Karatsuba's.  Everything works in place on the dividend,
 * whose low limbs end up holding the remainder. */

#define BZ_CUTOFF 64

static int div2n1n(bn_digit *q, bn_digit *a, const bn_digit *b, size_t n);

/* q[0..h) -= 1 (q > 0). */
static void decrement(bn_digit *q, size_t h)
{
    for (size_t i = 0; i < h && q[i]-- == 0; i++)
        ;
}

/* [A1 A2 A3] / [B1 B2] where a = a[0..3h) with A1 = a[2h..3h) on top,
 * b = b[0..2h) normalized, and a < b * BASE**h.  q gets h limbs; the
 * remainder is left in a[0..2h) and a[2h..3h) becomes zero. */
static int div3n2n(bn_digit *q, bn_digit *a, const bn_digit *b, size_t h)
{
    const bn_digit *b1 = b + h;
    if (bn_cmp(a + 2 * h, h, b1, h) < 0) {
        if (div2n1n(q, a + h, b1, h) < 0)   /* R1 = [A1 A2] mod B1 */
            return -1;
    } else {
        /* A1 == B1: the quotient estimate is BASE**h - 1, and
         * R1 = [A1 A2] - (BASE**h - 1) * B1 = [A1 A2] - B1*BASE**h + B1 */
        memset(q, 0xff, h * sizeof(bn_digit));
        bn_sub(a + 2 * h, a + 2 * h, h, b1, h);
        add_into(a + h, 2 * h, b1, h);
    }
    /* The true remainder is [R1 A3] - Q*B2; add B back while negative
     * (at most twice, by the analysis in the paper). */
    bn_digit *d = RpMem_Malloc(2 * h * sizeof(bn_digit));
    if (d == NULL)
        return -1;
    size_t nd = bn_mul(d, q, bn_norm(q, h), b, bn_norm(b, h));
    size_t nl = bn_norm(a, 3 * h);
    while (bn_cmp(a, nl, d, nd) < 0) {
        add_into(a, 3 * h, b, 2 * h);
        nl = bn_norm(a, 3 * h);
        decrement(q, h);
    }
    bn_sub(a, a, nl, d, nd);
    RpMem_Free(d);
    return 0;
}

/* a[0..2n) / b[0..n) with b normalized and a < b * BASE**n: q gets n
 * limbs, the remainder is left in a[0..n), a[n..2n) becomes zero. */
static int div2n1n(bn_digit *q, bn_digit *a, const bn_digit *b, size_t n)
{
    if ((n & 1) || n <= BZ_CUTOFF) {
        knuth_core(q, a, 2 * n, b, n);
        return 0;
    }
    size_t h = n / 2;
    if (div3n2n(q + h, a + h, b, h) < 0)
        return -1;
    return div3n2n(q, a, b, h);
}

/* Burnikel-Ziegler driver: pad the divisor to n = j * 2**k limbs with
 * j <= BZ_CUTOFF (so every recursion level splits evenly), shift both
 * operands by the same amount, then divide block by block. */
static int bz_divrem(bn_digit *q, bn_digit *r, const bn_digit *a, size_t na,
                     const bn_digit *b, size_t nb)
{
    size_t m = 1;
    while ((nb + m - 1) / m > BZ_CUTOFF)
        m *= 2;
    size_t n = (nb + m - 1) / m * m;
    size_t pad = n - nb;
    int s = __builtin_clz(b[nb - 1]);
    /* blocks of n limbs; the top one must stay below the divisor, so
     * leave room for a clear top bit */
    size_t t = (na + pad + 1 + n) / n;
    if (t < 2)
        t = 2;
    bn_digit *w = RpMem_Malloc((t * n + n + (t - 1) * n) * sizeof(bn_digit));
    if (w == NULL)
        return -1;
    bn_digit *bn = w + t * n, *qq = bn + n;
    memset(w, 0, t * n * sizeof(bn_digit));
    memset(bn, 0, pad * sizeof(bn_digit));
    shl_small(bn + pad, b, nb, s);
    w[na + pad] = shl_small(w + pad, a, na, s);
    int rc = 0;
    for (size_t i = t - 1; i-- > 0 && rc == 0;)
        rc = div2n1n(qq + i * n, w + i * n, bn, n);
    if (rc == 0) {
        if (q != NULL)
            memcpy(q, qq, (na - nb + 1) * sizeof(bn_digit));
        if (r != NULL) {
            for (size_t i = 0; i < nb; i++) {
                bn_digit lo = w[pad + i], hi = w[pad + i + 1];
                r[i] = s ? (lo >> s) | (bn_digit)((bn_twodigits)hi << (BN_SHIFT - s)) : lo;
            }
        }
    }
    RpMem_Free(w);
    return rc;
}

int bn_divrem(bn_digit *q, bn_digit *r, const bn_digit *a, size_t na,
              const bn_digit *b, size_t nb)
{
    if (nb > BZ_CUTOFF && na - nb > BZ_CUTOFF)
        return bz_divrem(q, r, a, na, b, nb);
    bn_digit *vn = RpMem_Malloc((nb + na + 1) * sizeof(bn_digit));
    if (vn == NULL)
        return -1;
    bn_digit *un = vn + nb;
    /* normalize: the divisor's top bit set keeps qhat within 2 of q */
    int s = __builtin_clz(b[nb - 1]);
    shl_small(vn, b, nb, s);
    un[na] = shl_small(un, a, na, s);
    knuth_core(q, un, na + 1, vn, nb);
    if (r != NULL) {
        for (size_t i = 0; i < nb; i++)
            r[i] = s ? (un[i] >> s) | (bn_digit)((bn_twodigits)un[i + 1] << (BN_SHIFT - s)) : un[i];
    }
    RpMem_Free(vn);
    return 0;
}

size_t bn_lshift(bn_digit *r, const bn_digit *a, size_t na, size_t bits)
{
    size_t w = bits / BN_SHIFT;
    int s = (int)(bits % BN_SHIFT);
    /* copy high to low so that r may alias a */
    r[na + w] = s ? a[na - 1] >> (BN_SHIFT - s) : 0;
    for (size_t i = na; i-- > 0;) {
        bn_digit lo = (s && i > 0) ? a[i - 1] >> (BN_SHIFT - s) : 0;
        r[i + w] = (bn_digit)(a[i] << s) | lo;
    }
    memset(r, 0, w * sizeof(bn_digit));
    return bn_norm(r, na + w + 1);
}

size_t bn_rshift(bn_digit *r, const bn_digit *a, size_t na, size_t bits)
{
    size_t w = bits / BN_SHIFT;
    int s = (int)(bits % BN_SHIFT);
    if (w >= na)
        return 0;
    size_t n = na - w;
    for (size_t i = 0; i < n; i++) {
        bn_digit hi = (s && i + 1 < n) ? (bn_digit)(a[i + w + 1] << (BN_SHIFT - s)) : 0;
        r[i] = (a[i + w] >> s) | hi;
    }
    return bn_norm(r, n);
}

uint64_t bn_bit_length(const bn_digit *a, size_t n)
{
    if (n == 0)
        return 0;
    return (uint64_t)(n - 1) * BN_SHIFT + (uint64_t)(BN_SHIFT - __builtin_clz(a[n - 1]));
}

int bn_low_bits_nonzero(const bn_digit *a, size_t n, uint64_t bits)
{
    size_t w = (size_t)(bits / BN_SHIFT);
    for (size_t i = 0; i < w && i < n; i++)
        if (a[i])
            return 1;
    int s = (int)(bits % BN_SHIFT);
    return w < n && s && (a[w] & (((bn_digit)1 << s) - 1)) != 0;
}

/* ---- decimal conversion ----------------------------------------------------
 *
 * Small numbers are converted 19 decimal digits at a time on 64-bit
 * limbs: to text by repeated division by 10**19 (whose top bit is set,
 * so Moller and Granlund's division by a precomputed reciprocal needs no
 * normalization shift), from text by Horner's rule.  Larger numbers are
 * split at a power 10**(19 * 2**k) -- by a division (Burnikel-Ziegler
 * above its cutoff) when printing, by a Karatsuba multiplication when
 * parsing -- so both directions are subquadratic.  The powers are kept
 * in a cache until bn_release_cache(). */

#define DEC_UNIT 19
#define TEN19 10000000000000000000ULL
#define TO_DEC_LEAF 120         /* limbs: below this, repeated division */
#define FROM_DEC_LEAF (DEC_UNIT * 64)   /* digits: below this, Horner */

typedef unsigned __int128 bn_u128;

static struct {
    bn_digit *d;
    size_t n;
} pow_cache[40];
static int npow;

void bn_release_cache(void)
{
    while (npow > 0) {
        npow--;
        RpMem_Free(pow_cache[npow].d);
    }
}

/* 10**(19 * 2**k): a borrowed magnitude, NULL when out of memory. */
static const bn_digit *pow10_unit(int k, size_t *n)
{
    while (npow <= k) {
        bn_digit *d;
        size_t nd;
        if (npow == 0) {
            if ((d = RpMem_Malloc(2 * sizeof(bn_digit))) == NULL)
                return NULL;
            d[0] = (bn_digit)TEN19;
            d[1] = (bn_digit)(TEN19 >> 32);
            nd = 2;
        } else {
            size_t pn = pow_cache[npow - 1].n;
            if ((d = RpMem_Malloc(2 * pn * sizeof(bn_digit))) == NULL)
                return NULL;
            nd = bn_mul(d, pow_cache[npow - 1].d, pn, pow_cache[npow - 1].d, pn);
        }
        pow_cache[npow].d = d;
        pow_cache[npow].n = nd;
        npow++;
    }
    *n = pow_cache[k].n;
    return pow_cache[k].d;
}

/* The reciprocal of 10**19 for division by it: floor((B**2 - 1) / d) - B
 * with B = 2**64. */
static uint64_t ten19_inverse(void)
{
    static uint64_t v;
    if (v == 0)
        v = (uint64_t)((((bn_u128)~TEN19) << 64 | ~(uint64_t)0) / TEN19);
    return v;
}

/* (u1 B + u0) / 10**19 with u1 < 10**19: the quotient, *r the remainder. */
static inline uint64_t div_ten19(uint64_t u1, uint64_t u0, uint64_t v, uint64_t *r)
{
    bn_u128 p = (bn_u128)v * u1 + (((bn_u128)u1 << 64) | u0);
    uint64_t q1 = (uint64_t)(p >> 64) + 1, q0 = (uint64_t)p;
    uint64_t rr = u0 - q1 * TEN19;
    if (rr > q0) {
        q1--;
        rr += TEN19;
    }
    if (rr >= TEN19) {
        q1++;
        rr -= TEN19;
    }
    *r = rr;
    return q1;
}

/* Write v as exactly `w` digits (w <= 19) ending just before end. */
static void put_digits(char *end, uint64_t v, size_t w)
{
    while (w >= 2) {
        uint64_t t = v / 100;
        unsigned two = (unsigned)(v - t * 100);
        *--end = (char)('0' + two % 10);
        *--end = (char)('0' + two / 10);
        v = t;
        w -= 2;
    }
    if (w)
        *--end = (char)('0' + v % 10);
}

/* Digits of x[0..nx) (nx <= TO_DEC_LEAF), zero padded to `width`,
 * ending just before end; x < 10**width. */
static void leaf_to_dec(const bn_digit *x, size_t nx, char *end, size_t width)
{
    uint64_t w[TO_DEC_LEAF / 2 + 1];
    size_t m = (nx + 1) / 2;
    for (size_t i = 0; i < m; i++)
        w[i] = x[2 * i] | (2 * i + 1 < nx ? (uint64_t)x[2 * i + 1] << 32 : 0);
    while (m > 0 && w[m - 1] == 0)
        m--;
    uint64_t v = ten19_inverse();
    while (m > 0 && width > 0) {
        uint64_t rem = 0;
        for (size_t i = m; i-- > 0;)
            w[i] = div_ten19(rem, w[i], v, &rem);
        if (w[m - 1] == 0)
            m--;
        size_t k = width < DEC_UNIT ? width : DEC_UNIT;
        put_digits(end, rem, k);
        end -= k;
        width -= k;
    }
    memset(end - width, '0', width);
}

/* Split point for an nx-limb number: the largest k with 10**(19*2**k)
 * no longer than about half of it. */
static int split_power(size_t nx)
{
    int k = 0;
    /* 10**(19*2**k) has about 1.97 * 2**k limbs */
    while ((double)(4u << k) * 1.98 <= (double)nx)
        k++;
    return k;
}

/* Digits of x[0..nx) zero padded to `width`, ending before end. */
static int to_dec(const bn_digit *x, size_t nx, char *end, size_t width)
{
    if (nx <= TO_DEC_LEAF) {
        leaf_to_dec(x, nx, end, width);
        return 0;
    }
    int k = split_power(nx);
    size_t np;
    const bn_digit *p = pow10_unit(k, &np);
    if (p == NULL)
        return -1;
    size_t w = (size_t)DEC_UNIT << k;
    bn_digit *q = RpMem_Malloc((nx - np + 1 + np) * sizeof(bn_digit));
    if (q == NULL)
        return -1;
    bn_digit *r = q + nx - np + 1;
    int rc = bn_divrem(q, r, x, nx, p, np);
    if (rc == 0)
        rc = to_dec(r, bn_norm(r, np), end, w);
    if (rc == 0)
        rc = to_dec(q, bn_norm(q, nx - np + 1), end - w, width - w);
    RpMem_Free(q);
    return rc;
}

char *bn_to_decimal(const bn_digit *a, size_t n, size_t *len)
{
    /* digits <= bits * log10(2) + 1; round up to whole 19-digit units
     * so that the top piece never runs out of room */
    size_t cap = (size_t)((double)bn_bit_length(a, n) * 0.30102999566398120) + 2;
    cap = (cap + DEC_UNIT - 1) / DEC_UNIT * DEC_UNIT;
    char *s = RpMem_Malloc(cap + 1);
    if (s == NULL)
        return NULL;
    if (to_dec(a, n, s + cap, cap) < 0) {
        RpMem_Free(s);
        return NULL;
    }
    size_t i = 0;
    while (i + 1 < cap && s[i] == '0')
        i++;
    *len = cap - i;
    memmove(s, s + i, *len);
    s[*len] = '\0';
    return s;
}

/* The value of the w <= 19 digits at s. */
static uint64_t digits_u64(const char *s, size_t w)
{
    uint64_t v = 0;
    for (size_t i = 0; i < w; i++)
        v = v * 10 + (uint64_t)(s[i] - '0');
    return v;
}

/* Horner's rule on 64-bit limbs, 19 digits per step; out has room for
 * (nd / 19 + 1) * 2 limbs.  Returns the length. */
static size_t leaf_from_dec(bn_digit *out, const char *s, size_t nd)
{
    uint64_t w[FROM_DEC_LEAF / DEC_UNIT + 2];
    size_t m = 0, first = nd % DEC_UNIT ? nd % DEC_UNIT : DEC_UNIT;
    if (nd > 0) {
        w[0] = digits_u64(s, first);
        m = w[0] != 0;
    }
    for (size_t pos = first; pos < nd; pos += DEC_UNIT) {
        uint64_t carry = digits_u64(s + pos, DEC_UNIT);
        for (size_t i = 0; i < m; i++) {
            bn_u128 t = (bn_u128)w[i] * TEN19 + carry;
            w[i] = (uint64_t)t;
            carry = (uint64_t)(t >> 64);
        }
        if (carry)
            w[m++] = carry;
    }
    for (size_t i = 0; i < m; i++) {
        out[2 * i] = (bn_digit)w[i];
        out[2 * i + 1] = (bn_digit)(w[i] >> 32);
    }
    return bn_norm(out, 2 * m);
}

size_t bn_dec_limbs(size_t nd)
{
    return (size_t)((double)nd * 0.10381025296523008) + 4;
}

/* out[0..bn_dec_limbs(nd)) = the value of digits s[0..nd); *nout its length. */
static int from_dec(bn_digit *out, const char *s, size_t nd, size_t *nout)
{
    if (nd <= FROM_DEC_LEAF) {
        *nout = leaf_from_dec(out, s, nd);
        return 0;
    }
    int k = 0;
    while (((size_t)DEC_UNIT << (k + 1)) < nd)
        k++;
    size_t w = (size_t)DEC_UNIT << k, np, nh, nl;
    const bn_digit *p = pow10_unit(k, &np);
    if (p == NULL)
        return -1;
    size_t ch = bn_dec_limbs(nd - w), cl = bn_dec_limbs(w);
    bn_digit *h = RpMem_Malloc((ch + cl + ch + np) * sizeof(bn_digit));
    if (h == NULL)
        return -1;
    bn_digit *l = h + ch, *prod = l + cl;
    int rc = from_dec(h, s, nd - w, &nh);
    if (rc == 0)
        rc = from_dec(l, s + nd - w, w, &nl);
    if (rc == 0) {
        /* hi * 10**w + lo */
        size_t n = bn_mul(prod, h, nh, p, np);
        if (n < nl) {
            memset(prod + n, 0, (nl - n) * sizeof(bn_digit));
            n = nl;
        }
        prod[n] = 0;
        add_into(prod, n + 1, l, nl);
        *nout = bn_norm(prod, n + 1);
        memcpy(out, prod, *nout * sizeof(bn_digit));
    }
    RpMem_Free(h);
    return rc;
}

int bn_from_decimal(bn_digit *out, const char *s, size_t nd, size_t *nout)
{
    return from_dec(out, s, nd, nout);
}

/* ---- gcd -------------------------------------------------------------------
 *
 * Lehmer's algorithm (Knuth 4.5.2, algorithm L): the leading 32 bits of
 * u and v drive a run of Euclid steps done in machine words, which are
 * then applied to the full numbers at once as u, v = A*u + B*v, C*u + D*v.
 * One multi-limb pass replaces about a dozen divisions. */

/* r = x*u + y*v for cofactors of opposite signs whose result is known to
 * be in [0, u) (all arrays n limbs, r may alias u or v).  Returns length. */
static size_t lin_comb(bn_digit *r, int64_t x, const bn_digit *u, int64_t y,
                       const bn_digit *v, size_t n)
{
    __int128 acc = 0;
    for (size_t i = 0; i < n; i++) {
        acc += (__int128)x * u[i] + (__int128)y * v[i];
        r[i] = (bn_digit)acc;
        acc >>= BN_SHIFT;   /* arithmetic: borrows propagate */
    }
    return bn_norm(r, n);
}

/* The top 32 bits of u (nu limbs) and the bits of v at the same place. */
static void leading_bits(const bn_digit *u, size_t nu, const bn_digit *v,
                         uint64_t *x, uint64_t *y)
{
    int s = __builtin_clz(u[nu - 1]);
    uint64_t hu = ((uint64_t)u[nu - 1] << 32) | u[nu - 2];
    uint64_t hv = ((uint64_t)v[nu - 1] << 32) | v[nu - 2];    /* zero above nv */
    *x = (hu << s) >> 32;
    *y = (hv << s) >> 32;
}

/* u = u mod v in place (nu >= nv >= 1), zeroing the limbs above the
 * result; returns the new length, or (size_t)-1 when out of memory. */
static size_t mod_in_place(bn_digit *u, size_t nu, const bn_digit *v, size_t nv)
{
    if (bn_cmp(u, nu, v, nv) < 0)
        return nu;
    if (nv == 1) {
        bn_digit rem = bn_divrem1(u, u, nu, v[0]);
        memset(u, 0, nu * sizeof(bn_digit));
        u[0] = rem;
        return bn_norm(u, 1);
    }
    bn_digit *r = RpMem_Malloc(nv * sizeof(bn_digit));
    if (r == NULL || bn_divrem(NULL, r, u, nu, v, nv) < 0) {
        RpMem_Free(r);
        return (size_t)-1;
    }
    memset(u, 0, nu * sizeof(bn_digit));
    memcpy(u, r, nv * sizeof(bn_digit));
    RpMem_Free(r);
    return bn_norm(u, nv);
}

static uint64_t gcd64(uint64_t a, uint64_t b)
{
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* Invariant: the limbs of u and v above their lengths are zero, and
 * u >= v. */
size_t bn_gcd(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb)
{
    size_t n = na > nb ? na : nb;
    bn_digit *u = RpMem_Malloc(2 * (n + 1) * sizeof(bn_digit));
    if (u == NULL)
        return (size_t)-1;
    bn_digit *v = u + n + 1;
    memset(u, 0, 2 * (n + 1) * sizeof(bn_digit));
    int swap = bn_cmp(a, na, b, nb) < 0;
    memcpy(u, swap ? b : a, (swap ? nb : na) * sizeof(bn_digit));
    memcpy(v, swap ? a : b, (swap ? na : nb) * sizeof(bn_digit));
    size_t nu = swap ? nb : na, nv = swap ? na : nb;
    while (nv > 2) {    /* u >= v */
        uint64_t x, y;
        leading_bits(u, nu, v, &x, &y);
        int64_t A = 1, B = 0, C = 0, D = 1;
        /* Euclid on the leading words while both quotient bounds agree */
        while ((int64_t)y + C != 0 && (int64_t)y + D != 0) {
            int64_t q = ((int64_t)x + A) / ((int64_t)y + C);
            if (q != ((int64_t)x + B) / ((int64_t)y + D))
                break;
            int64_t t = A - q * C; A = C; C = t;
            t = B - q * D; B = D; D = t;
            t = (int64_t)x - q * (int64_t)y; x = y; y = (uint64_t)t;
        }
        if (B == 0) {   /* no progress in words: one full division */
            size_t nr = mod_in_place(u, nu, v, nv);
            if (nr == (size_t)-1) {
                RpMem_Free(u);
                return nr;
            }
            bn_digit *t = u; u = v; v = t;
            nu = nv;
            nv = nr;
            continue;
        }
        /* the new v goes to scratch first: u is overwritten in place */
        size_t nn = nu;
        bn_digit *w = RpMem_Malloc(nn * sizeof(bn_digit));
        if (w == NULL) {
            RpMem_Free(u < v ? u : v);
            return (size_t)-1;
        }
        size_t nw = lin_comb(w, C, u, D, v, nn);
        nu = lin_comb(u, A, u, B, v, nn);
        memcpy(v, w, nn * sizeof(bn_digit));
        nv = nw;
        RpMem_Free(w);
    }
    /* v fits 64 bits: one reduction of u, then machine words */
    uint64_t vv = nv == 0 ? 0 : nv == 1 ? v[0] : ((uint64_t)v[1] << 32 | v[0]), g;
    if (vv == 0) {
        memcpy(r, u, nu * sizeof(bn_digit));
        RpMem_Free(u < v ? u : v);
        return nu;
    }
    nu = mod_in_place(u, nu, v, nv);
    if (nu == (size_t)-1) {
        RpMem_Free(u < v ? u : v);
        return nu;
    }
    g = gcd64(vv, nu == 0 ? 0 : nu == 1 ? u[0] : ((uint64_t)u[1] << 32 | u[0]));
    RpMem_Free(u < v ? u : v);
    r[0] = (bn_digit)g;
    r[1] = (bn_digit)(g >> 32);
    return bn_norm(r, 2);
}
