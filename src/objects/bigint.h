/* bigint.h -- magnitude arithmetic for intobject.c (private).
 *
 * A magnitude is an array of 32-bit digits, least significant first, with
 * a length; it is normalized when its top digit is non-zero (zero has
 * length 0).  These functions know nothing about objects, signs or
 * errors: callers allocate every output buffer with the documented
 * capacity.  Sizes are size_t; digit counts of real ints stay < 2**31.
 */
#ifndef RP_BIGINT_H
#define RP_BIGINT_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"/* Decimal digits of a normalized magnitude (subquadratic): a
 * NUL-terminated RpMem string, *len its length; NULL when out of memory
 * (no exception set). */
char *bn_to_decimal(const bn_digit *a, size_t n, size_t *len);
/* Limbs to allocate for the value of an nd-digit decimal string. */
size_t bn_dec_limbs(size_t nd);
/* out[0..bn_dec_limbs(nd)) = the value of the ASCII digits s[0..nd);
 * *nout gets the normalized length.  0, or -1 when out of memory. */
int bn_from_decimal(bn_digit *out, const char *s, size_t nd, size_t *nout);
/* r = gcd(a, b) by Lehmer's algorithm; r has room for max(na, nb, 2)
 * digits.  Returns the length, or (size_t)-1 when out of memory. */
size_t bn_gcd(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb);
/* Free the cached powers of ten (interpreter shutdown). */
void bn_release_cache(void);

#endif
#include <stddef.h>
#include <stdint.h>

typedef uint32_t bn_digit;
typedef uint64_t bn_twodigits;
#define BN_SHIFT 32

/* Length of a[0..n) without leading zero digits. */
size_t bn_norm(const bn_digit *a, size_t n);
/* Compare magnitudes: <0, 0, >0. */
int bn_cmp(const bn_digit *a, size_t na, const bn_digit *b, size_t nb);
/* r = a + b; r has room for max(na, nb) + 1 digits (may alias a or b).
 * Returns the normalized length. */
size_t bn_add(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb);
/* r = a - b with a >= b; r has room for na digits (may alias a). */
size_t bn_sub(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb);
/* r = a * b; r has room for na + nb digits and must not alias a or b.
 * Karatsuba above a threshold.  Returns the normalized length. */
size_t bn_mul(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb);
/* a = a * m + add in place; a has room for n + 1 digits. Returns length. */
size_t bn_muladd1(bn_digit *a, size_t n, bn_digit m, bn_digit add);
/* q = a / d (q has room for n digits, may alias a); returns a % d. */
bn_digit bn_divrem1(bn_digit *q, const bn_digit *a, size_t n, bn_digit d);
/* Knuth's algorithm D: q = a / b (room for na - nb + 1 digits), r = a % b
 * (room for nb digits); na >= nb >= 2, b normalized.  q or r may be NULL.
 * Burnikel-Ziegler recursion when both the divisor and the quotient are
 * long.
 * Returns 0, or -1 if scratch memory could not be allocated. */
int bn_divrem(bn_digit *q, bn_digit *r, const bn_digit *a, size_t na,
              const bn_digit *b, size_t nb);
/* r = a << bits (room for na + bits/32 + 1 digits). Returns length. */
size_t bn_lshift(bn_digit *r, const bn_digit *a, size_t na, size_t bits);
/* r = a >> bits (room for na digits; may alias a). Returns length. */
size_t bn_rshift(bn_digit *r, const bn_digit *a, size_t na, size_t bits);
/* Number of significant bits of a normalized magnitude. */
uint64_t bn_bit_length(const bn_digit *a, size_t n);
/* 1 if any of the low `bits` bits of a is set. */
int bn_low_bits_nonzero(const bn_digit *a, size_t n, uint64_t bits);
/* Decimal digits of a normalized magnitude (subquadratic): a
 * NUL-terminated RpMem string, *len its length; NULL when out of memory
 * (no exception set). */
char *bn_to_decimal(const bn_digit *a, size_t n, size_t *len);
/* Limbs to allocate for the value of an nd-digit decimal string. */
size_t bn_dec_limbs(size_t nd);
/* out[0..bn_dec_limbs(nd)) = the value of the ASCII digits s[0..nd);
 * *nout gets the normalized length.  0, or -1 when out of memory. */
int bn_from_decimal(bn_digit *out, const char *s, size_t nd, size_t *nout);
/* r = gcd(a, b) by Lehmer's algorithm; r has room for max(na, nb, 2)
 * digits.  Returns the length, or (size_t)-1 when out of memory. */
size_t bn_gcd(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb);
/* Free the cached powers of ten (interpreter shutdown). */
void bn_release_cache(void);

#endif
