/* test_numbers.c -- C-level checks of int, float and the math helpers:
 * overflow detection, parsing, repr/format text, hashes. Exits 0 on
 * success; prints every failed check. */
#include "rp.h"
#include <math.h>
#include <stdio.h>

static int failures;

#define CHECK(cond)                                                          \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
                    #cond);                                                  \
            failures++;                                                      \
        }                                                                    \
    } while (0)

/* str(o) equals text; consumes o. */
static void check_text(RpObject *o, const char *text, int line)
{
    if (o == NULL) {
        fprintf(stderr, "line %d: NULL (expected %s)\n", line, text);
        RpErr_Clear();
        failures++;
        return;
    }
    const char *s = RpUnicode_AsUTF8(o);
    if (s == NULL || strcmp(s, text) != 0) {
        fprintf(stderr, "line %d: got '%s', expected '%s'\n", line, s ? s : "?", text);
        failures++;
    }
    Rp_DECREF(o);
}
#define TEXT(o, t) check_text((o), (t), __LINE__)

/* The call failed with an exception of type exc; clears it. */
static void check_raises(RpObject *r, RpObject *exc, int line)
{
    if (r != NULL || !RpErr_ExceptionMatches(exc)) {
        fprintf(stderr, "line %d: expected an exception\n", line);
        failures++;
        Rp_XDECREF(r);
    }
    RpErr_Clear();
}
#define RAISES(r, exc) check_raises((r), (exc), __LINE__)

/* repr(o), consuming o. */
static RpObject *repr(RpObject *o)
{
    if (o == NULL)
        return NULL;
    RpObject *r = RpObject_Repr(o);  /* consumes o below */
    Rp_DECREF(o);
    return r;
}

static RpObject *fmt_double(double v, char spec, int prec, int flags)
{
    char *s = _RpFloat_FormatDouble(v, spec, prec, flags);
    if (s == NULL)
        return NULL;
    RpObject *r = RpUnicode_FromString(s);
    RpMem_Free(s);
    return r;
}

static RpObject *format(RpObject *o, const char *spec)
{
    RpObject *s = RpUnicode_FromString(spec);
    RpObject *r = RpObject_Format(o, s);
    Rp_DECREF(s);
    Rp_DECREF(o);
    return r;
}

static void test_int(void)
{
    RpObject *a = RpLong_FromLongLong(INT64_MAX), *one = RpLong_FromLongLong(1);
    TEXT(repr(RpNumber_Add(a, one)), "9223372036854775808");   /* no overflow: ints are unbounded */
    RpObject *m7 = RpLong_FromLongLong(-7), *two = RpLong_FromLongLong(2);
    TEXT(repr(RpNumber_FloorDivide(m7, two)), "-4");
    TEXT(repr(RpNumber_Remainder(m7, two)), "1");
    TEXT(repr(RpNumber_TrueDivide(a, two)), "4.611686018427388e+18");
    RpObject *f1 = RpLong_FromLongLong(5), *f2 = RpLong_FromLongLong(5);
    CHECK(f1 == f2); /* small-int cache */
    Rp_DECREF(f1);
    Rp_DECREF(f2);
    CHECK(_Rp_HashInt64(-1) == -2);
    CHECK(_Rp_HashInt64((int64_t)1 << 61) == 1);
    TEXT(repr(RpLong_FromString(" -0x_1f ", NULL, 0)), "-31");
    RAISES(RpLong_FromString("010", NULL, 0), RpExc_ValueError);
    RAISES(RpLong_FromString("1__0", NULL, 10), RpExc_ValueError);
    TEXT(repr(RpLong_FromString("1_000", NULL, 10)), "1000");
    TEXT(format(RpLong_FromLongLong(1234), "010,"), "00,001,234");
    TEXT(format(RpLong_FromLongLong(255), "#010_x"), "0x000_00ff");
    TEXT(format(RpLong_FromLongLong(-255), "#X"), "-0XFF");
    TEXT(format(RpLong_FromLongLong(10), "%"), "1000.000000%");
    RAISES(RpLong_FromDouble(INFINITY), RpExc_OverflowError);
    RAISES(RpLong_FromDouble(NAN), RpExc_ValueError);
    Rp_DECREF(a);
    Rp_DECREF(one);
    Rp_DECREF(m7);
    Rp_DECREF(two);
}

static void test_float(void)
{
    TEXT(_RpFloat_Repr(0.1), "0.1");
    TEXT(_RpFloat_Repr(1.0 / 3.0), "0.3333333333333333");
    TEXT(_RpFloat_Repr(1e22), "1e+22");
    TEXT(_RpFloat_Repr(1e-7), "1e-07");
    TEXT(_RpFloat_Repr(123456789012345678.0), "1.2345678901234568e+17");
    TEXT(_RpFloat_Repr(1e16), "1e+16");
    TEXT(_RpFloat_Repr(9999999999999998.0), "9999999999999998.0");
    TEXT(_RpFloat_Repr(2.5), "2.5");
    TEXT(_RpFloat_Repr(-0.0), "-0.0");
    TEXT(_RpFloat_Repr(0.0001), "0.0001");
    TEXT(_RpFloat_Repr(5e-324), "5e-324");
    TEXT(_RpFloat_Repr(INFINITY), "inf");
    TEXT(_RpFloat_Repr(-INFINITY), "-inf");
    TEXT(_RpFloat_Repr(NAN), "nan");
    TEXT(fmt_double(1.0, 'g', 6, 0), "1");
    TEXT(fmt_double(1.0, 'g', 6, RP_DTOA_ALT), "1.00000");
    TEXT(fmt_double(-0.0, 'e', 3, 0), "-0.000e+00");
    TEXT(fmt_double(2.0, 'r', 0, 0), "2.0");
    TEXT(fmt_double(1.5, 'f', 2, RP_DTOA_SIGN), "+1.50");
    TEXT(format(RpFloat_FromDouble(1234.5), "012,.1f"), "00,001,234.5");
    TEXT(format(RpFloat_FromDouble(123.0), ".3"), "1.23e+02");
    TEXT(format(RpFloat_FromDouble(1.0), ".3"), "1.0");
    TEXT(format(RpFloat_FromDouble(1234567.0), ","), "1,234,567.0");
    TEXT(format(RpFloat_FromDouble(-0.04), "z.1f"), "0.0");
    TEXT(format(RpFloat_FromDouble(INFINITY), "010"), "0000000inf");
    TEXT(format(RpFloat_FromDouble(0.5), ">10.3g"), "       0.5");
    CHECK(_Rp_HashDouble(NULL, 0.5) == (Rp_hash_t)1152921504606846976LL);
    CHECK(_Rp_HashDouble(NULL, 1e100) == (Rp_hash_t)1822893315824342674LL);
    CHECK(_Rp_HashDouble(NULL, -2.5) == (Rp_hash_t)-1152921504606846978LL);
    CHECK(_Rp_HashDouble(NULL, 3.0) == _Rp_HashInt64(3));
    RpObject *s = RpUnicode_FromString(" 1_000.5 ");
    TEXT(repr(RpFloat_FromString(s)), "1000.5");
    Rp_DECREF(s);
    s = RpUnicode_FromString("1_.5");
    RAISES(RpFloat_FromString(s), RpExc_ValueError);
    Rp_DECREF(s);
    s = RpUnicode_FromString("-InFiNiTy");
    TEXT(repr(RpFloat_FromString(s)), "-inf");
    Rp_DECREF(s);
}

int main(void)
{
    if (Rp_Initialize() < 0) {
        fprintf(stderr, "Rp_Initialize failed\n");
        return 1;
    }
    test_int();
    test_float();
    Rp_Finalize();
    if (failures)
        fprintf(stderr, "%d failures\n", failures);
    return failures != 0;
}
