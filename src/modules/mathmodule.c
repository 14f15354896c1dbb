/* mathmodule.c -- the math module: libm wrappers with Python's error
 * rules (ValueError "math domain error" when a finite input gives NaN or
 * an infinity at a pole, OverflowError "math range error" when a finite
 * input overflows), plus the integer functions (gcd, comb, isqrt...) and
 * exact summation (fsum, Shewchuk's algorithm).
 *
 * Integers are 64-bit for now, so factorial/comb/perm raise
 * OverflowError past that range (refpy-specific until bigints).
 */
#include "rp.h"
#include <math.h>
#include <float.h>
#include <errno.h>

static RpObject *domain_error(void)
{
    RpErr_SetString(RpExc_ValueError, "math domain error");
    return NULL;
}

static RpObject *range_error(void)
{
    RpErr_SetString(RpExc_OverflowError, "math range error");
    return NULL;
}

static int get_double(RpObject *o, double *out)
{
    *out = RpFloat_AsDouble(o);
    return (*out == -1.0 && RpErr_Occurred()) ? -1 : 0;
}

/* Apply f with Python's checks.  can_overflow: an infinite result from a
 * finite input is an overflow (exp) rather than a pole (log(0)). */
static RpObject *math_1(RpObject *arg, double (*f)(double), int can_overflow)
{
    double x, r;
    if (get_double(arg, &x) < 0)
        return NULL;
    errno = 0;
    r = f(x);
    if (isnan(r) && !isnan(x))
        return domain_error();
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error() : domain_error();
    return RpFloat_FromDouble(r);
}

#define MATH_1(name, func, ovf)                                             \
    static RpObject *math_##name(RpObject *m, RpObject *arg)                \
    {                                                                       \
        return math_1(arg, func, ovf);                                      \
    }

MATH_1(sqrt, sqrt, 0)
MATH_1(exp, exp, 1)
MATH_1(expm1, expm1, 1)
MATH_1(exp2, exp2, 1)
MATH_1(cbrt, cbrt, 0)
MATH_1(log1p, log1p, 0)
MATH_1(sin, sin, 0)
MATH_1(cos, cos, 0)
MATH_1(tan, tan, 0)
MATH_1(asin, asin, 0)
MATH_1(acos, acos, 0)
MATH_1(atan, atan, 0)
MATH_1(sinh, sinh, 1)
MATH_1(cosh, cosh, 1)
MATH_1(tanh, tanh, 0)
MATH_1(asinh, asinh, 0)
MATH_1(acosh, acosh, 0)
MATH_1(atanh, atanh, 0)
MATH_1(erf, erf, 0)
MATH_1(erfc, erfc, 0)
MATH_1(fabs, fabs, 0)

static int is_nonpositive_integer(double x)
{
    return x <= 0.0 && x == floor(x);
}

static RpObject *math_gamma(RpObject *m, RpObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    if (isnan(x) || x == INFINITY)
        return RpFloat_FromDouble(x);
    if (x == -INFINITY || is_nonpositive_integer(x))
        return domain_error();
    double r = tgamma(x);
    if (isinf(r))
        return range_error();
    return RpFloat_FromDouble(r);
}

static RpObject *math_lgamma(RpObject *m, RpObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    if (isnan(x))
        return RpFloat_FromDouble(x);
    if (isinf(x))
        return RpFloat_FromDouble(INFINITY);
    if (is_nonpositive_integer(x))
        return domain_error();
    double r = lgamma(x);
    if (isinf(r))
        return range_error();
    return RpFloat_FromDouble(r);
}

/* ---- logarithms ---------------------------------------------------------- */

static int log_arg(RpObject *arg, double (*f)(double), double *out)
{
    double x;
    if (RpLong_Check(arg)) {
        /* ints of any size: f(m * 2**e) = f(m) + e * f(2) */
        if (_RpLong_Sign(arg) <= 0) {
            domain_error();
            return -1;
        }
        int64_t e;
        double mm = _RpLong_Frexp(arg, &e);
        if (e > 1000) {
            *out = f(mm) + (double)e * f(2.0);
            return 0;
        }
    }
    if (get_double(arg, &x) < 0)
        return -1;
    if (isnan(x) || x == INFINITY) {
        *out = x;
        return 0;
    }
    if (x <= 0.0) {
        domain_error();
        return -1;
    }
    *out = f(x);
    return 0;
}

static RpObject *math_log(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("log", nargs, 1, 2))
        return NULL;
    double num, den;
    if (log_arg(args[0], log, &num) < 0)
        return NULL;
    if (nargs == 1)
        return RpFloat_FromDouble(num);
    if (log_arg(args[1], log, &den) < 0)
        return NULL;
    if (den == 0.0) {
        RpErr_SetString(RpExc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return RpFloat_FromDouble(num / den);
}

static RpObject *math_log2(RpObject *m, RpObject *arg)
{
    double r;
    return log_arg(arg, log2, &r) < 0 ? NULL : RpFloat_FromDouble(r);
}

static RpObject *math_log10(RpObject *m, RpObject *arg)
{
    double r;
    return log_arg(arg, log10, &r) < 0 ? NULL : RpFloat_FromDouble(r);
}

/* ---- rounding ----------------------------------------------------------- */

/* x.__name__() if the type defines it; 1 done (*out set), 0 not defined. */
static int call_special(RpObject *x, RpObject *name, RpObject **out)
{
    RpObject *meth = _RpType_Lookup(Rp_TYPE(x), name);
    if (meth == NULL)
        return 0;
    *out = RpObject_CallOneArg(meth, x);
    return 1;
}

static RpObject *math_floor(RpObject *m, RpObject *arg)
{
    RpObject *r;
    if (RpLong_CheckExact(arg))
        return Rp_NewRef(arg);
    if (!RpFloat_CheckExact(arg) && call_special(arg, RP_ID(__floor__), &r))
        return r;
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    return RpLong_FromDouble(floor(x));
}

static RpObject *math_ceil(RpObject *m, RpObject *arg)
{
    RpObject *r;
    if (RpLong_CheckExact(arg))
        return Rp_NewRef(arg);
    if (!RpFloat_CheckExact(arg) && call_special(arg, RP_ID(__ceil__), &r))
        return r;
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    return RpLong_FromDouble(ceil(x));
}

static RpObject *math_trunc(RpObject *m, RpObject *arg)
{
    RpObject *r;
    if (RpFloat_CheckExact(arg))
        return RpLong_FromDouble(RpFloat_AS_DOUBLE(arg));
    if (call_special(arg, RP_ID(__trunc__), &r))
        return r;
    return RpErr_Format(RpExc_TypeError, "type %.100s doesn't define __trunc__ method",
                        Rp_TYPE(arg)->tp_name);
}

/* ---- two-argument float functions --------------------------------------- */

static int get_two(const char *name, RpObject *const *args, Rp_ssize_t nargs,
                   double *x, double *y)
{
    if (!_RpArg_CheckPositional(name, nargs, 2, 2))
        return -1;
    if (get_double(args[0], x) < 0 || get_double(args[1], y) < 0)
        return -1;
    return 0;
}

static RpObject *math_copysign(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    double x, y;
    if (get_two("copysign", args, nargs, &x, &y) < 0)
        return NULL;
    return RpFloat_FromDouble(copysign(x, y));
}

static RpObject *math_fmod(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    double x, y;
    if (get_two("fmod", args, nargs, &x, &y) < 0)
        return NULL;
    if (isinf(y) && isfinite(x))
        return RpFloat_FromDouble(x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error();
    return RpFloat_FromDouble(r);
}

static RpObject *math_atan2(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    double y, x;
    if (get_two("atan2", args, nargs, &y, &x) < 0)
        return NULL;
    return RpFloat_FromDouble(atan2(y, x));
}

static RpObject *math_nextafter(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    double x, y;
    if (get_two("nextafter", args, nargs, &x, &y) < 0)
        return NULL;
    return RpFloat_FromDouble(nextafter(x, y));
}

/* math.pow: like ** on floats but never complex, and with C99 special
 * cases (pow(1, nan) == 1, pow(nan, 0) == 1). */
static RpObject *math_pow(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    double x, y, r;
    if (get_two("pow", args, nargs, &x, &y) < 0)
        return NULL;
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x))
            r = y == 0.0 ? 1.0 : x;
        else if (isnan(y))
            r = x == 1.0 ? 1.0 : y;
        else
            r = pow(x, y);  /* the infinities follow C99 exactly */
        return RpFloat_FromDouble(r);
    }
    if (x == 0.0 && y < 0.0)
        return domain_error();
    if (x < 0.0 && y != floor(y))
        return domain_error();
    r = pow(x, y);
    if (isinf(r))
        return range_error();
    return RpFloat_FromDouble(r);
}

static RpObject *math_ldexp(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("ldexp", nargs, 2, 2))
        return NULL;
    double x;
    if (get_double(args[0], &x) < 0)
        return NULL;
    if (!RpLong_Check(args[1])) {
        RpErr_SetString(RpExc_TypeError, "Expected an int as second argument to ldexp.");
        return NULL;
    }
    int64_t e;
    if (!_RpLong_AsInt64(args[1], &e))     /* huge: clamp, like any |e| > 100000 */
        e = _RpLong_Sign(args[1]) < 0 ? -100000 : 100000;
    if (x == 0.0 || !isfinite(x))
        return RpFloat_FromDouble(x);
    if (e > 100000)
        e = 100000;
    else if (e < -100000)
        e = -100000;
    double r = ldexp(x, (int)e);
    if (isinf(r))
        return range_error();
    return RpFloat_FromDouble(r);
}

static RpObject *pair(RpObject *a, RpObject *b)
{
    RpObject *t = NULL;
    if (a != NULL && b != NULL)
        t = RpTuple_Pack(2, a, b);
    Rp_XDECREF(a);
    Rp_XDECREF(b);
    return t;
}

static RpObject *math_frexp(RpObject *m, RpObject *arg)
{
    double x;
    int e = 0;
    if (get_double(arg, &x) < 0)
        return NULL;
    if (isfinite(x))
        x = frexp(x, &e);
    return pair(RpFloat_FromDouble(x), RpLong_FromLong(e));
}

static RpObject *math_modf(RpObject *m, RpObject *arg)
{
    double x, ip;
    if (get_double(arg, &x) < 0)
        return NULL;
    if (isinf(x))
        return pair(RpFloat_FromDouble(copysign(0.0, x)), RpFloat_FromDouble(x));
    double fp = modf(x, &ip);
    return pair(RpFloat_FromDouble(fp), RpFloat_FromDouble(ip));
}

static RpObject *math_degrees(RpObject *m, RpObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    return RpFloat_FromDouble(x * (180.0 / M_PI));
}

static RpObject *math_radians(RpObject *m, RpObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    return RpFloat_FromDouble(x * (M_PI / 180.0));
}

static RpObject *math_ulp(RpObject *m, RpObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    if (isnan(x))
        return RpFloat_FromDouble(x);
    x = fabs(x);
    if (isinf(x))
        return RpFloat_FromDouble(x);
    double next = nextafter(x, INFINITY);
    if (isinf(next))
        return RpFloat_FromDouble(x - nextafter(x, 0.0));
    return RpFloat_FromDouble(next - x);
}

/* ---- predicates ------------------------------------------------------- */

static RpObject *math_isfinite(RpObject *m, RpObject *arg)
{
    double x;
    return get_double(arg, &x) < 0 ? NULL : RpBool_FromLong(isfinite(x));
}

static RpObject *math_isinf(RpObject *m, RpObject *arg)
{
    double x;
    return get_double(arg, &x) < 0 ? NULL : RpBool_FromLong(isinf(x));
}

static RpObject *math_isnan(RpObject *m, RpObject *arg)
{
    double x;
    return get_double(arg, &x) < 0 ? NULL : RpBool_FromLong(isnan(x));
}

static RpObject *math_isclose(RpObject *m, RpObject *const *args, Rp_ssize_t nargs,
                              RpObject *kwnames)
{
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    RpObject *o[4] = {NULL, NULL, NULL, NULL};
    double a, b, rel = 1e-9, abs_tol = 0.0;
    if (_RpArg_ParseVector("isclose", args, nargs, kwnames, names, 2, 2, o) < 0)
        return NULL;
    if (get_double(o[0], &a) < 0 || get_double(o[1], &b) < 0)
        return NULL;
    if ((o[2] && get_double(o[2], &rel) < 0) || (o[3] && get_double(o[3], &abs_tol) < 0))
        return NULL;
    if (rel < 0.0 || abs_tol < 0.0) {
        RpErr_SetString(RpExc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (a == b)
        Rp_RETURN_TRUE;
    if (isinf(a) || isinf(b))
        Rp_RETURN_FALSE;
    double diff = fabs(b - a);
    return RpBool_FromLong((diff <= fabs(rel * b)) || (diff <= fabs(rel * a)) ||
                           diff <= abs_tol);
}

/* ---- integer functions ------------------------------------------------- */

/* Integer functions work on int objects of any size through the number
 * protocol; int64 fast paths cover the common small cases. */

static uint64_t gcd_u64(uint64_t a, uint64_t b)
{
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* gcd of two exact ints (any sign); new reference. */
static RpObject *gcd_obj(RpObject *a, RpObject *b)
{
    int64_t x, y;
    if (_RpLong_AsInt64(a, &x) && _RpLong_AsInt64(b, &y) && x != INT64_MIN && y != INT64_MIN)
        return RpLong_FromLongLong((int64_t)gcd_u64((uint64_t)llabs(x), (uint64_t)llabs(y)));
    return _RpLong_GCD(a, b);
}

static RpObject *math_gcd(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    RpObject *g = RpLong_FromLongLong(0);
    for (Rp_ssize_t i = 0; g != NULL && i < nargs; i++) {
        RpObject *v = RpNumber_Index(args[i]);
        if (v == NULL) {
            Rp_DECREF(g);
            return NULL;
        }
        Rp_SETREF(g, gcd_obj(g, v));
        Rp_DECREF(v);
    }
    return g;
}

static RpObject *math_lcm(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    RpObject *l = RpLong_FromLongLong(1);
    for (Rp_ssize_t i = 0; l != NULL && i < nargs; i++) {
        RpObject *v = RpNumber_Index(args[i]), *a = v ? RpNumber_Absolute(v) : NULL;
        Rp_XDECREF(v);
        if (a == NULL) {
            Rp_DECREF(l);
            return NULL;
        }
        if (_RpLong_Sign(a) == 0 || _RpLong_Sign(l) == 0) {
            Rp_SETREF(l, RpLong_FromLongLong(0));
        } else {
            /* lcm = l // gcd(l, a) * a */
            RpObject *g = gcd_obj(l, a), *q = g ? RpNumber_FloorDivide(l, g) : NULL;
            Rp_XDECREF(g);
            Rp_SETREF(l, q ? RpNumber_Multiply(q, a) : NULL);
            Rp_XDECREF(q);
        }
        Rp_DECREF(a);
    }
    return l;
}

/* The product lo * (lo+1) * ... * hi (lo <= hi), split in halves so that
 * the big multiplications are balanced (Karatsuba-friendly). */
static RpObject *range_product(uint64_t lo, uint64_t hi)
{
    if (hi - lo < 16) {
        /* small runs: accumulate in a machine word while it fits */
        RpObject *acc = RpLong_FromLongLong(1);
        uint64_t w = 1;
        for (uint64_t i = lo; acc != NULL && i <= hi; i++) {
            unsigned __int128 t = (unsigned __int128)w * i;
            if (t >> 63) {
                RpObject *f = RpLong_FromUnsignedLongLong(w);
                Rp_SETREF(acc, f ? RpNumber_Multiply(acc, f) : NULL);
                Rp_XDECREF(f);
                w = i;
            } else {
                w = (uint64_t)t;
            }
        }
        RpObject *f = acc ? RpLong_FromUnsignedLongLong(w) : NULL;
        Rp_SETREF(acc, f ? RpNumber_Multiply(acc, f) : NULL);
        Rp_XDECREF(f);
        return acc;
    }
    uint64_t mid = lo + (hi - lo) / 2;
    RpObject *a = range_product(lo, mid), *b = a ? range_product(mid + 1, hi) : NULL;
    RpObject *r = b ? RpNumber_Multiply(a, b) : NULL;
    Rp_XDECREF(a);
    Rp_XDECREF(b);
    return r;
}

/* o.__index__() as an int64 that must be >= 0: 0 ok, -1 error.  `toobig`
 * is the OverflowError text when it does not fit. */
static int get_count(RpObject *o, int64_t *out, const char *negmsg, const char *toobig)
{
    RpObject *i = RpNumber_Index(o);
    if (i == NULL)
        return -1;
    int sign = _RpLong_Sign(i), fits = _RpLong_AsInt64(i, out);
    Rp_DECREF(i);
    if (sign < 0) {
        RpErr_SetString(RpExc_ValueError, negmsg);
        return -1;
    }
    if (!fits) {
        RpErr_SetString(RpExc_OverflowError, toobig);
        return -1;
    }
    return 0;
}

static RpObject *math_factorial(RpObject *m, RpObject *arg)
{
    int64_t n;
    if (get_count(arg, &n, "factorial() not defined for negative values",
                  "factorial() argument should not exceed 9223372036854775807") < 0)
        return NULL;
    if (n < 2)
        return RpLong_FromLongLong(1);
    return range_product(2, (uint64_t)n);
}

/* n and k as ints (n any size, k >= 0); new references in *n, *k. */
static int get_nk(RpObject *on, RpObject *ok, RpObject **n, RpObject **k)
{
    *n = RpNumber_Index(on);
    *k = *n ? RpNumber_Index(ok) : NULL;
    if (*k == NULL)
        goto error;
    if (_RpLong_Sign(*n) < 0) {
        RpErr_SetString(RpExc_ValueError, "n must be a non-negative integer");
        goto error;
    }
    if (_RpLong_Sign(*k) < 0) {
        RpErr_SetString(RpExc_ValueError, "k must be a non-negative integer");
        goto error;
    }
    return 0;
error:
    Rp_CLEAR(*n);
    Rp_CLEAR(*k);
    return -1;
}

/* n * (n-1) * ... * (n-k+1), and divided step by step by 1..k when comb
 * (r stays C(n, i) at every step, so each division is exact). */
static RpObject *falling(RpObject *n, int64_t k, int comb)
{
    RpObject *r = RpLong_FromLongLong(1);
    for (int64_t i = 0; r != NULL && i < k; i++) {
        RpObject *ii = RpLong_FromLongLong(i), *f = ii ? RpNumber_Subtract(n, ii) : NULL;
        Rp_XDECREF(ii);
        Rp_SETREF(r, f ? RpNumber_Multiply(r, f) : NULL);
        Rp_XDECREF(f);
        if (comb && r != NULL) {
            RpObject *d = RpLong_FromLongLong(i + 1);
            Rp_SETREF(r, d ? RpNumber_FloorDivide(r, d) : NULL);
            Rp_XDECREF(d);
        }
    }
    return r;
}

static RpObject *math_comb(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    RpObject *n, *k, *r = NULL;
    if (!_RpArg_CheckPositional("comb", nargs, 2, 2) || get_nk(args[0], args[1], &n, &k) < 0)
        return NULL;
    if (_RpLong_Compare(k, n) > 0) {
        r = RpLong_FromLongLong(0);
        goto done;
    }
    RpObject *nk = RpNumber_Subtract(n, k);
    if (nk == NULL)
        goto done;
    if (_RpLong_Compare(nk, k) < 0)
        Rp_SETREF(k, nk);
    else
        Rp_DECREF(nk);
    int64_t kk;
    if (!_RpLong_AsInt64(k, &kk)) {
        RpErr_SetString(RpExc_OverflowError, "min(n - k, k) must not exceed 9223372036854775807");
        goto done;
    }
    r = falling(n, kk, 1);
done:
    Rp_DECREF(n);
    Rp_DECREF(k);
    return r;
}

static RpObject *math_perm(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    RpObject *n, *k, *r = NULL;
    if (!_RpArg_CheckPositional("perm", nargs, 1, 2))
        return NULL;
    if (nargs == 1 || args[1] == Rp_None)
        return math_factorial(m, args[0]);
    if (get_nk(args[0], args[1], &n, &k) < 0)
        return NULL;
    int64_t kk, nn;
    if (_RpLong_Compare(k, n) > 0) {
        r = RpLong_FromLongLong(0);
    } else if (!_RpLong_AsInt64(k, &kk)) {
        RpErr_SetString(RpExc_OverflowError, "k must not exceed 9223372036854775807");
    } else if (_RpLong_AsInt64(n, &nn) && kk > 16) {
        r = range_product((uint64_t)(nn - kk + 1), (uint64_t)nn);
    } else {
        r = falling(n, kk, 0);
    }
    Rp_DECREF(n);
    Rp_DECREF(k);
    return r;
}

static RpObject *math_isqrt(RpObject *m, RpObject *arg)
{
    RpObject *n = RpNumber_Index(arg);
    if (n == NULL)
        return NULL;
    if (_RpLong_Sign(n) < 0) {
        Rp_DECREF(n);
        RpErr_SetString(RpExc_ValueError, "isqrt() argument must be nonnegative");
        return NULL;
    }
    int64_t v;
    if (_RpLong_AsInt64(n, &v)) {
        Rp_DECREF(n);
        /* start from the float estimate, then fix it up exactly */
        uint64_t r = (uint64_t)sqrt((double)v);
        while (r > 0 && (unsigned __int128)r * r > (unsigned __int128)v)
            r--;
        while ((unsigned __int128)(r + 1) * (r + 1) <= (unsigned __int128)v)
            r++;
        return RpLong_FromUnsignedLongLong(r);
    }
    /* Newton from above: x0 = 2**ceil(bits/2) >= sqrt(n); the iterates
     * decrease strictly until they reach isqrt(n). */
    RpObject *one = RpLong_FromLongLong(1);
    RpObject *sh = RpLong_FromUnsignedLongLong((_RpLong_NumBits(n) + 1) / 2);
    RpObject *x = one && sh ? RpNumber_Lshift(one, sh) : NULL;
    Rp_XDECREF(sh);
    while (x != NULL) {
        RpObject *q = RpNumber_FloorDivide(n, x), *s = q ? RpNumber_Add(x, q) : NULL;
        RpObject *y = s ? RpNumber_Rshift(s, one) : NULL;
        Rp_XDECREF(q);
        Rp_XDECREF(s);
        if (y == NULL || _RpLong_Compare(y, x) >= 0) {
            Rp_XDECREF(y);
            if (y == NULL)
                Rp_CLEAR(x);
            break;
        }
        Rp_SETREF(x, y);
    }
    Rp_XDECREF(one);
    Rp_DECREF(n);
    return x;
}

/* ---- sums, products, norms ------------------------------------------------ */

static RpObject *math_prod(RpObject *m, RpObject *const *args, Rp_ssize_t nargs,
                           RpObject *kwnames)
{
    static const char *const names[] = {"iterable", "start"};
    RpObject *o[2] = {NULL, NULL};
    if (_RpArg_ParseVector("prod", args, nargs, kwnames, names, 1, 1, o) < 0)
        return NULL;
    RpObject *it = RpObject_GetIter(o[0]);
    if (it == NULL)
        return NULL;
    RpObject *acc = o[1] != NULL ? Rp_NewRef(o[1]) : RpLong_FromLongLong(1), *item;
    while (acc != NULL && (item = RpIter_Next(it)) != NULL) {
        Rp_SETREF(acc, RpNumber_Multiply(acc, item));
        Rp_DECREF(item);
    }
    Rp_DECREF(it);
    if (acc != NULL && RpErr_Occurred())
        Rp_CLEAR(acc);
    return acc;
}

/* Shewchuk's exact summation: `partials` holds non-overlapping doubles
 * whose exact sum is the running total. Returns the new count. */
static Rp_ssize_t add_partial(double *p, Rp_ssize_t n, double x)
{
    Rp_ssize_t i = 0;
    for (Rp_ssize_t j = 0; j < n; j++) {
        double y = p[j];
        if (fabs(x) < fabs(y)) {
            double t = x;
            x = y;
            y = t;
        }
        double hi = x + y, lo = y - (hi - x);
        if (lo != 0.0)
            p[i++] = lo;
        x = hi;
    }
    p[i++] = x;
    return i;
}

/* Round the partials to one double, correctly (half-even). */
static double sum_partials(double *p, Rp_ssize_t n)
{
    if (n == 0)
        return 0.0;
    double hi = p[--n], lo = 0.0;
    while (n > 0) {
        double x = hi, y = p[--n];
        hi = x + y;
        lo = y - (hi - x);
        if (lo != 0.0)
            break;
    }
    /* a half-way case whose tie is broken by the next partial */
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
        double y = lo * 2.0, x = hi + y;
        if (y == x - hi)
            hi = x;
    }
    return hi;
}

static RpObject *math_fsum(RpObject *m, RpObject *arg)
{
    RpObject *it = RpObject_GetIter(arg), *item;
    if (it == NULL)
        return NULL;
    Rp_ssize_t n = 0, cap = 32;
    double *p = RpMem_Malloc(sizeof(double) * (size_t)cap);
    double special = 0.0, inf_sum = 0.0;
    RpObject *result = NULL;
    if (p == NULL) {
        RpErr_NoMemory();
        goto done;
    }
    while ((item = RpIter_Next(it)) != NULL) {
        double x;
        int rc = get_double(item, &x);
        Rp_DECREF(item);
        if (rc < 0)
            goto done;
        if (!isfinite(x)) {
            /* infinities and NaNs bypass the partials */
            if (isinf(x))
                inf_sum += x;
            special += x;
            n = 0;
            continue;
        }
        if (n + 1 >= cap) {
            double *np = RpMem_Realloc(p, sizeof(double) * (size_t)(cap *= 2));
            if (np == NULL) {
                RpErr_NoMemory();
                goto done;
            }
            p = np;
        }
        n = add_partial(p, n, x);
        if (!isfinite(p[n - 1])) {
            RpErr_SetString(RpExc_OverflowError, "intermediate overflow in fsum");
            goto done;
        }
    }
    if (RpErr_Occurred())
        goto done;
    if (special != 0.0) {
        if (isnan(inf_sum)) {
            RpErr_SetString(RpExc_ValueError, "-inf + inf in fsum");
            goto done;
        }
        result = RpFloat_FromDouble(special);
        goto done;
    }
    result = RpFloat_FromDouble(sum_partials(p, n));
done:
    RpMem_Free(p);
    Rp_DECREF(it);
    return result;
}

/* sqrt(sum(x*x)) scaled by the largest magnitude to avoid overflow, with
 * a compensated sum of squares. */
static double vector_norm(const double *v, Rp_ssize_t n, double max, int found_nan)
{
    if (isinf(max))
        return max;
    if (found_nan)
        return NAN;
    if (max == 0.0 || n <= 1)
        return max;
    double sum = 0.0, comp = 0.0;
    for (Rp_ssize_t i = 0; i < n; i++) {
        double x = v[i] / max;
        double sq = x * x;
        double t = sum + sq;
        comp += (sum - t) + sq;   /* error of the addition */
        sum = t;
    }
    return max * sqrt(sum + comp);
}

/* Read n coordinates as absolute values; tracks max and NaNs. */
static int read_coords(RpObject *const *items, Rp_ssize_t n, double *out, double *max,
                       int *nan)
{
    for (Rp_ssize_t i = 0; i < n; i++) {
        double x;
        if (get_double(items[i], &x) < 0)
            return -1;
        x = fabs(x);
        out[i] = x;
        *nan |= isnan(x);
        if (x > *max)
            *max = x;
    }
    return 0;
}

static RpObject *math_hypot(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    double buf[16], max = 0.0;
    int nan = 0;
    double *v = nargs <= 16 ? buf : RpMem_Malloc(sizeof(double) * (size_t)nargs);
    if (v == NULL)
        return RpErr_NoMemory();
    RpObject *r = NULL;
    if (read_coords(args, nargs, v, &max, &nan) == 0)
        r = RpFloat_FromDouble(nargs == 2 && !nan ? hypot(v[0], v[1])
                                                   : vector_norm(v, nargs, max, nan));
    if (v != buf)
        RpMem_Free(v);
    return r;
}

static RpObject *math_dist(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("dist", nargs, 2, 2))
        return NULL;
    RpObject *p = RpSequence_Tuple(args[0]), *q = NULL, *r = NULL;
    double *v = NULL;
    if (p == NULL || (q = RpSequence_Tuple(args[1])) == NULL)
        goto done;
    Rp_ssize_t n = RpTuple_GET_SIZE(p);
    if (RpTuple_GET_SIZE(q) != n) {
        RpErr_SetString(RpExc_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    v = RpMem_Malloc(sizeof(double) * (size_t)(n + 1));
    if (v == NULL) {
        RpErr_NoMemory();
        goto done;
    }
    double max = 0.0;
    int nan = 0;
    for (Rp_ssize_t i = 0; i < n; i++) {
        double a, b;
        if (get_double(RpTuple_GET_ITEM(p, i), &a) < 0 ||
            get_double(RpTuple_GET_ITEM(q, i), &b) < 0)
            goto done;
        double d = fabs(a - b);
        v[i] = d;
        nan |= isnan(d);
        if (d > max)
            max = d;
    }
    r = RpFloat_FromDouble(n == 2 && !nan ? hypot(v[0], v[1]) : vector_norm(v, n, max, nan));
done:
    RpMem_Free(v);
    Rp_XDECREF(p);
    Rp_XDECREF(q);
    return r;
}

/* ---- the module ------------------------------------------------------------ */

#define FAST(f) (RpCFunction)(void (*)(void))(f)

static RpMethodDef math_methods[] = {
    {"acos", math_acos, RP_METH_O, "Return the arc cosine (measured in radians) of x."},
    {"acosh", math_acosh, RP_METH_O, "Return the inverse hyperbolic cosine of x."},
    {"asin", math_asin, RP_METH_O, "Return the arc sine (measured in radians) of x."},
    {"asinh", math_asinh, RP_METH_O, "Return the inverse hyperbolic sine of x."},
    {"atan", math_atan, RP_METH_O, "Return the arc tangent (measured in radians) of x."},
    {"atan2", FAST(math_atan2), RP_METH_FASTCALL, "Return the arc tangent (measured in radians) of y/x."},
    {"atanh", math_atanh, RP_METH_O, "Return the inverse hyperbolic tangent of x."},
    {"ceil", math_ceil, RP_METH_O, "Return the ceiling of x as an Integral."},
    {"comb", FAST(math_comb), RP_METH_FASTCALL, "Number of ways to choose k items from n items without repetition and without order."},
    {"copysign", FAST(math_copysign), RP_METH_FASTCALL, "Return a float with the magnitude (absolute value) of x but the sign of y."},
    {"cos", math_cos, RP_METH_O, "Return the cosine of x (measured in radians)."},
    {"cosh", math_cosh, RP_METH_O, "Return the hyperbolic cosine of x."},
    {"degrees", math_degrees, RP_METH_O, "Convert angle x from radians to degrees."},
    {"dist", FAST(math_dist), RP_METH_FASTCALL, "Return the Euclidean distance between two points p and q."},
    {"erf", math_erf, RP_METH_O, "Error function at x."},
    {"erfc", math_erfc, RP_METH_O, "Complementary error function at x."},
    {"exp", math_exp, RP_METH_O, "Return e raised to the power of x."},
    {"expm1", math_expm1, RP_METH_O, "Return exp(x)-1."},
    {"exp2", math_exp2, RP_METH_O, "Return 2 raised to the power x."},
    {"cbrt", math_cbrt, RP_METH_O, "Return the cube root of x."},
    {"fabs", math_fabs, RP_METH_O, "Return the absolute value of the float x."},
    {"factorial", math_factorial, RP_METH_O, "Find n!."},
    {"floor", math_floor, RP_METH_O, "Return the floor of x as an Integral."},
    {"fmod", FAST(math_fmod), RP_METH_FASTCALL, "Return fmod(x, y), according to platform C."},
    {"frexp", math_frexp, RP_METH_O, "Return the mantissa and exponent of x, as pair (m, e)."},
    {"fsum", math_fsum, RP_METH_O, "Return an accurate floating point sum of values in the iterable seq."},
    {"gamma", math_gamma, RP_METH_O, "Gamma function at x."},
    {"gcd", FAST(math_gcd), RP_METH_FASTCALL, "Greatest Common Divisor."},
    {"hypot", FAST(math_hypot), RP_METH_FASTCALL, "Multidimensional Euclidean distance from the origin to a point."},
    {"isclose", FAST(math_isclose), RP_METH_FASTCALL | RP_METH_KEYWORDS, "Determine whether two floating point numbers are close in value."},
    {"isfinite", math_isfinite, RP_METH_O, "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isinf", math_isinf, RP_METH_O, "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isnan", math_isnan, RP_METH_O, "Return True if x is a NaN (not a number), and False otherwise."},
    {"isqrt", math_isqrt, RP_METH_O, "Return the integer part of the square root of the input."},
    {"lcm", FAST(math_lcm), RP_METH_FASTCALL, "Least Common Multiple."},
    {"ldexp", FAST(math_ldexp), RP_METH_FASTCALL, "Return x * (2**i)."},
    {"lgamma", math_lgamma, RP_METH_O, "Natural logarithm of absolute value of Gamma function at x."},
    {"log", FAST(math_log), RP_METH_FASTCALL, "log(x, [base=math.e])\nReturn the logarithm of x to the given base."},
    {"log10", math_log10, RP_METH_O, "Return the base 10 logarithm of x."},
    {"log1p", math_log1p, RP_METH_O, "Return the natural logarithm of 1+x (base e)."},
    {"log2", math_log2, RP_METH_O, "Return the base 2 logarithm of x."},
    {"modf", math_modf, RP_METH_O, "Return the fractional and integer parts of x."},
    {"nextafter", FAST(math_nextafter), RP_METH_FASTCALL, "Return the next floating-point value after x towards y."},
    {"perm", FAST(math_perm), RP_METH_FASTCALL, "Number of ways to choose k items from n items without repetition and with order."},
    {"pow", FAST(math_pow), RP_METH_FASTCALL, "Return x**y (x to the power of y)."},
    {"prod", FAST(math_prod), RP_METH_FASTCALL | RP_METH_KEYWORDS, "Calculate the product of all the elements in the input iterable."},
    {"radians", math_radians, RP_METH_O, "Convert angle x from degrees to radians."},
    {"sin", math_sin, RP_METH_O, "Return the sine of x (measured in radians)."},
    {"sinh", math_sinh, RP_METH_O, "Return the hyperbolic sine of x."},
    {"sqrt", math_sqrt, RP_METH_O, "Return the square root of x."},
    {"tan", math_tan, RP_METH_O, "Return the tangent of x (measured in radians)."},
    {"tanh", math_tanh, RP_METH_O, "Return the hyperbolic tangent of x."},
    {"trunc", math_trunc, RP_METH_O, "Truncates the Real x to the nearest Integral toward 0."},
    {"ulp", math_ulp, RP_METH_O, "Return the value of the least significant bit of the float x."},
    {NULL, NULL, 0, NULL}
};

static int add_float(RpObject *mod, const char *name, double v)
{
    RpObject *f = RpFloat_FromDouble(v);
    if (f == NULL)
        return -1;
    int r = RpModule_AddObjectRef(mod, name, f);
    Rp_DECREF(f);
    return r;
}

RpObject *RpInit_math(void)
{
    RpObject *mod = RpModule_New("math");
    if (mod == NULL)
        return NULL;
    RpObject *doc = RpUnicode_FromString(
        "This module provides access to the mathematical functions\n"
        "defined by the C standard.");
    if (doc == NULL || RpModule_AddObjectRef(mod, "__doc__", doc) < 0 ||
        RpModule_AddFunctions(mod, math_methods) < 0 ||
        add_float(mod, "pi", M_PI) < 0 || add_float(mod, "e", M_E) < 0 ||
        add_float(mod, "tau", 2.0 * M_PI) < 0 || add_float(mod, "inf", INFINITY) < 0 ||
        add_float(mod, "nan", NAN) < 0) {
        Rp_XDECREF(doc);
        Rp_DECREF(mod);
        return NULL;
    }
    Rp_DECREF(doc);
    return mod;
}
