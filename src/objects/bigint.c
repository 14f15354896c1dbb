/* bigint.c -- magnitude arithmetic behind int (see bigint.h).
 *
 * Digits are 32 bits wide so that every digit product and every
 * two-digit dividend fits a uint64_t; no __int128 is needed here.
 * Multiplication is schoolbook below KARATSUBA_CUTOFF digits and
 * Karatsuba above (unbalanced operands are cut into balanced slices);
 * division is Knuth's algorithm D on normalized operands.
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

int bn_divrem(bn_digit *q, bn_digit *r, const bn_digit *a, size_t na,
              const bn_digit *b, size_t nb)
{
    bn_digit *vn = RpMem_Malloc((nb + na + 1) * sizeof(bn_digit));
    if (vn == NULL)
        return -1;
    bn_digit *un = vn + nb;
    /* normalize: the divisor's top bit set keeps qhat within 2 of q */
    int s = __builtin_clz(b[nb - 1]);
    shl_small(vn, b, nb, s);
    un[na] = shl_small(un, a, na, s);
    const bn_twodigits B = (bn_twodigits)1 << BN_SHIFT;
    bn_twodigits vtop = vn[nb - 1], vnext = vn[nb - 2];
    for (size_t j = na - nb + 1; j-- > 0;) {
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
