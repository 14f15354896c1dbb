/* test_bigint.c -- the magnitude routines of bigint.c checked against
 * their definitions: division (Knuth and Burnikel-Ziegler) must satisfy
 * a == q*b + r with r < b for random and adversarial operands; decimal
 * conversion in both directions (leaf and divide-and-conquer sizes)
 * must agree with digit-by-digit schoolbook conversion.  Exits 0 on
 * success; prints every failed check. */
#include "rp.h"
#include "objects/bigint.h"
#include <stdio.h>
#include <string.h>

static int failures;

#define CHECK(cond, ...)                                                     \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, \
                    #cond);                                                  \
            fprintf(stderr, __VA_ARGS__);                                    \
            fputc('\n', stderr);                                             \
            failures++;                                                      \
        }                                                                    \
    } while (0)

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 16);
}

/* n random limbs of one of several shapes; the top limb is non-zero. */
static void fill(bn_digit *a, size_t n, int shape)
{
    for (size_t i = 0; i < n; i++) {
        switch (shape) {
        case 0: a[i] = rnd(); break;
        case 1: a[i] = 0xffffffffu; break;                 /* all ones */
        case 2: a[i] = i + 1 == n ? 0x80000000u : 0; break;  /* a power of two */
        case 3: a[i] = (i & 3) ? 0 : rnd(); break;         /* sparse */
        default: a[i] = i + 1 == n ? 1 : 0xffffffffu; break;
        }
    }
    if (a[n - 1] == 0)
        a[n - 1] = 1;
}

static bn_digit *limbs(size_t n)
{
    bn_digit *p = RpMem_Malloc((n ? n : 1) * sizeof(bn_digit));
    if (p == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    memset(p, 0, (n ? n : 1) * sizeof(bn_digit));
    return p;
}

/* Divide a by b and check a == q*b + r, r < b. */
static void check_div(const bn_digit *a, size_t na, const bn_digit *b, size_t nb)
{
    bn_digit *q = limbs(na - nb + 1), *r = limbs(nb), *p = limbs(na + 2);
    CHECK(bn_divrem(q, r, a, na, b, nb) == 0, "na=%zu nb=%zu", na, nb);
    size_t nq = bn_norm(q, na - nb + 1), nr = bn_norm(r, nb);
    CHECK(bn_cmp(r, nr, b, nb) < 0, "remainder too big: na=%zu nb=%zu", na, nb);
    size_t np = bn_mul(p, q, nq, b, nb);
    np = bn_add(p, p, np, r, nr);
    CHECK(bn_cmp(p, np, a, na) == 0, "q*b+r != a: na=%zu nb=%zu", na, nb);
    RpMem_Free(q);
    RpMem_Free(r);
    RpMem_Free(p);
}

static void test_division(void)
{
    static const size_t sizes[][2] = {
        {3, 2}, {40, 20}, {130, 65}, {131, 66}, {200, 65}, {260, 129}, {300, 100},
        {513, 256}, {700, 133}, {1000, 400}, {1200, 1100}, {2048, 1024},
    };
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t na = sizes[k][0], nb = sizes[k][1];
        bn_digit *a = limbs(na), *b = limbs(nb);
        for (int sa = 0; sa < 5; sa++) {
            for (int sb = 0; sb < 5; sb++) {
                fill(a, na, sa);
                fill(b, nb, sb);
                check_div(a, na, b, nb);
            }
        }
        /* a = b*c - 1 and a = b*c: the quotient estimates sit on an edge */
        fill(b, nb, 0);
        bn_digit *c = limbs(na - nb), *p = limbs(na + 1);
        fill(c, na - nb, 1);
        size_t np = bn_mul(p, b, nb, c, na - nb);
        check_div(p, np, b, nb);
        bn_digit one = 1;
        np = bn_sub(p, p, np, &one, 1);
        check_div(p, np, b, nb);
        RpMem_Free(a);
        RpMem_Free(b);
        RpMem_Free(c);
        RpMem_Free(p);
    }
}

/* Schoolbook decimal text of a (peel one digit at a time). */
static char *slow_decimal(const bn_digit *a, size_t n)
{
    char *s = RpMem_Malloc(n * 10 + 2), *p = s + n * 10 + 1;
    bn_digit *t = limbs(n);
    memcpy(t, a, n * sizeof(bn_digit));
    *p = '\0';
    do {
        *--p = (char)('0' + bn_divrem1(t, t, n, 10));
        n = bn_norm(t, n);
    } while (n > 0);
    memmove(s, p, strlen(p) + 1);
    RpMem_Free(t);
    return s;
}

static void test_decimal(void)
{
    static const size_t sizes[] = {1, 2, 3, 7, 60, 119, 120, 121, 122, 250, 481, 700, 900};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t n = sizes[k];
        bn_digit *a = limbs(n);
        for (int shape = 0; shape < 5; shape++) {
            fill(a, n, shape);
            size_t len;
            char *fast = bn_to_decimal(a, n, &len);
            char *slow = slow_decimal(a, n);
            CHECK(fast != NULL && strcmp(fast, slow) == 0 && len == strlen(slow),
                  "to_decimal n=%zu shape=%d", n, shape);
            bn_digit *back = limbs(bn_dec_limbs(len));
            size_t nb;
            CHECK(bn_from_decimal(back, slow, len, &nb) == 0 && bn_cmp(back, nb, a, n) == 0,
                  "from_decimal n=%zu shape=%d", n, shape);
            RpMem_Free(fast);
            RpMem_Free(slow);
            RpMem_Free(back);
        }
        RpMem_Free(a);
    }
    /* zero, and leading zeros in the text */
    size_t len, nb;
    char *z = bn_to_decimal(NULL, 0, &len);
    CHECK(z != NULL && strcmp(z, "0") == 0, "zero");
    RpMem_Free(z);
    bn_digit out[8];
    CHECK(bn_from_decimal(out, "0000000000000000000000000042", 28, &nb) == 0 && nb == 1 &&
          out[0] == 42, "leading zeros");
}

int main(void)
{
    if (Rp_Initialize() < 0) {
        fprintf(stderr, "Rp_Initialize failed\n");
        return 1;
    }
    test_division();
    test_decimal();
    Rp_Finalize();
    if (failures)
        fprintf(stderr, "%d failures\n", failures);
    return failures != 0;
}
