/* cmathmodule.c -- the `cmath` module: elementary functions of a complex
 * variable.
 *
 * Finite arguments use the formulas of W. Kahan, "Branch Cuts for Complex
 * Elementary Functions" (the ones CPython uses too, so results agree to
 * the last bit): square roots scaled to avoid overflow, log1p near the
 * unit circle, and the inverse functions written through two square
 * roots.  sin, cos, tan, asin and atan are derived from their hyperbolic
 * twins (sin z = -i sinh(iz) ...), which also fixes the signs of zeros.
 * Infinite and NaN parts go to the C99 Annex G functions of libm, except
 * the few entries where CPython's special-value tables pick other signs.
 *
 * Errors follow CPython's errno rules: a NaN produced from non-NaN input
 * is a ValueError ("math domain error"); an infinity from finite input is
 * an OverflowError ("math range error") for exp-like functions and a
 * ValueError for poles (log 0, atanh 1).
 */
#include "stdmod.h"
#include <complex.h>
#include <float.h>
#include <math.h>

#define FAST(f) ((RpCFunction)(void (*)(void))(f))

typedef struct {
    double re, im;
} cx;

#define LARGE (DBL_MAX / 4.)
#define SQRT_LARGE 1.3407807929942596e+154     /* sqrt(DBL_MAX / 4) */
#define LOG_LARGE 708.3893345270474            /* log(DBL_MAX / 4) */
#define SQRT_DBL_MIN 1.4916681462400413e-154   /* sqrt(DBL_MIN) */

enum { ON_INF_OVERFLOW, ON_INF_POLE, ON_INF_NONE };

static int finite_cx(cx z) { return isfinite(z.re) && isfinite(z.im); }
static cx mk(double re, double im) { cx r = {re, im}; return r; }
static cx neg(cx z) { return mk(-z.re, -z.im); }
static cx from_c99(double complex c) { return mk(creal(c), cimag(c)); }
/* re + im*I without arithmetic (which would turn inf*0 into NaN); a
 * complex double is laid out as double[2] (C11 6.2.5). */
static double complex make_c99(double re, double im)
{
    union {
        double complex c;
        double d[2];
    } u;
    u.d[0] = re;
    u.d[1] = im;
    return u.c;
}

/* NaN signs are dropped: CPython's tables ignore them, libm propagates them. */
static double complex to_c99(cx z)
{
    return make_c99(isnan(z.re) ? NAN : z.re, isnan(z.im) ? NAN : z.im);
}

/* ---- the functions on C values ------------------------------------------- */

static cx c_sqrt(cx z)
{
    if (!finite_cx(z))
        return from_c99(csqrt(to_c99(z)));
    if (z.re == 0 && z.im == 0)
        return mk(0.0, z.im);
    double ax = fabs(z.re), ay = fabs(z.im), s;
    if (ax < DBL_MIN && ay < DBL_MIN) {
        /* subnormal: scale up by 2**53 first */
        ax = ldexp(ax, DBL_MANT_DIG);
        s = ldexp(sqrt(ax + hypot(ax, ldexp(ay, DBL_MANT_DIG))), -(DBL_MANT_DIG + 1) / 2);
    } else {
        ax /= 8.;
        s = 2. * sqrt(ax + hypot(ax, ay / 8.));
    }
    double d = ay / (2. * s);
    return z.re >= 0 ? mk(s, copysign(d, z.im)) : mk(d, copysign(s, z.im));
}

static cx c_exp(cx z)
{
    if (z.re == -INFINITY && !isfinite(z.im))
        return mk(0.0, 0.0);   /* Annex G leaves the zeros' signs open */
    if (!finite_cx(z))
        return from_c99(cexp(to_c99(z)));
    if (z.re > LOG_LARGE) {
        double l = exp(z.re - 1.);
        return mk(l * cos(z.im) * M_E, l * sin(z.im) * M_E);
    }
    double l = exp(z.re);
    return mk(l * cos(z.im), l * sin(z.im));
}

static cx c_log(cx z)
{
    if (!finite_cx(z))
        return from_c99(clog(to_c99(z)));
    double ax = fabs(z.re), ay = fabs(z.im), re;
    if (ax > LARGE || ay > LARGE) {
        re = log(hypot(ax / 2., ay / 2.)) + M_LN2;
    } else if (ax < DBL_MIN && ay < DBL_MIN) {
        if (ax == 0 && ay == 0)
            return mk(-INFINITY, atan2(z.im, z.re));
        re = log(hypot(ldexp(ax, DBL_MANT_DIG), ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * M_LN2;
    } else {
        double h = hypot(ax, ay);
        if (0.71 <= h && h <= 1.73) {
            /* near the unit circle log(h) loses digits; use log1p */
            double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
            re = log1p((am - 1) * (am + 1) + an * an) / 2.;
        } else {
            re = log(h);
        }
    }
    return mk(re, atan2(z.im, z.re));
}

static cx c_cosh(cx z)
{
    if (isnan(z.re) && z.im == 0)
        return mk(NAN, 0.0);   /* CPython's table: +0, whatever the sign */
    if (!finite_cx(z))
        return from_c99(ccosh(to_c99(z)));
    if (fabs(z.re) > LOG_LARGE) {
        double x1 = z.re - copysign(1., z.re);
        return mk(cos(z.im) * cosh(x1) * M_E, sin(z.im) * sinh(x1) * M_E);
    }
    return mk(cos(z.im) * cosh(z.re), sin(z.im) * sinh(z.re));
}

static cx c_sinh(cx z)
{
    if (z.re == 0 && isnan(z.im))
        return mk(0.0, NAN);
    if (!finite_cx(z))
        return from_c99(csinh(to_c99(z)));
    if (fabs(z.re) > LOG_LARGE) {
        double x1 = z.re - copysign(1., z.re);
        return mk(cos(z.im) * sinh(x1) * M_E, sin(z.im) * cosh(x1) * M_E);
    }
    return mk(cos(z.im) * sinh(z.re), sin(z.im) * cosh(z.re));
}

static cx c_tanh(cx z)
{
    if (isinf(z.re) && !isfinite(z.im))
        return mk(copysign(1., z.re), 0.0);
    if (z.re == 0 && isnan(z.im))
        return mk(NAN, NAN);
    if (!finite_cx(z))
        return from_c99(ctanh(to_c99(z)));
    if (fabs(z.re) > LOG_LARGE)
        return mk(copysign(1., z.re), 4. * sin(z.im) * cos(z.im) * exp(-2. * fabs(z.re)));
    double tx = tanh(z.re), ty = tan(z.im), cx_ = 1. / cosh(z.re);
    double txty = tx * ty, denom = 1. + txty * txty;
    return mk(tx * (1. + ty * ty) / denom, ((ty / denom) * cx_) * cx_);
}

static cx c_asinh(cx z)
{
    if (!finite_cx(z))
        return from_c99(casinh(to_c99(z)));
    if (fabs(z.re) > LARGE || fabs(z.im) > LARGE) {
        double re = z.im >= 0 ? copysign(log(hypot(z.re / 2., z.im / 2.)) + M_LN2 * 2., z.re)
                              : -copysign(log(hypot(z.re / 2., z.im / 2.)) + M_LN2 * 2., -z.re);
        return mk(re, atan2(z.im, fabs(z.re)));
    }
    cx s1 = c_sqrt(mk(1. + z.im, -z.re)), s2 = c_sqrt(mk(1. - z.im, z.re));
    return mk(asinh(s1.re * s2.im - s2.re * s1.im), atan2(z.im, s1.re * s2.re - s1.im * s2.im));
}

static cx c_acosh(cx z)
{
    if (z.re == 0 && isnan(z.im))
        return mk(NAN, NAN);
    if (!finite_cx(z))
        return from_c99(cacosh(to_c99(z)));
    if (fabs(z.re) > LARGE || fabs(z.im) > LARGE)
        return mk(log(hypot(z.re / 2., z.im / 2.)) + M_LN2 * 2., atan2(z.im, z.re));
    cx s1 = c_sqrt(mk(z.re - 1., z.im)), s2 = c_sqrt(mk(z.re + 1., z.im));
    return mk(asinh(s1.re * s2.re + s1.im * s2.im), 2. * atan2(s1.im, s2.re));
}

static cx c_acos(cx z)
{
    if (isinf(z.re) && isnan(z.im))
        return mk(NAN, INFINITY);
    if (!finite_cx(z))
        return from_c99(cacos(to_c99(z)));
    if (fabs(z.re) > LARGE || fabs(z.im) > LARGE) {
        double l = log(hypot(z.re / 2., z.im / 2.)) + M_LN2 * 2.;
        double im = z.re < 0 ? -copysign(l, z.im) : copysign(l, -z.im);
        return mk(atan2(fabs(z.im), z.re), im);
    }
    cx s1 = c_sqrt(mk(1. - z.re, -z.im)), s2 = c_sqrt(mk(1. + z.re, z.im));
    return mk(2. * atan2(s1.re, s2.re), asinh(s2.re * s1.im - s2.im * s1.re));
}

static cx c_atanh(cx z)
{
    if (!finite_cx(z))
        return from_c99(catanh(to_c99(z)));
    if (z.re < 0)   /* odd function: work in the right half-plane */
        return neg(c_atanh(neg(z)));
    double ay = fabs(z.im);
    if (z.re > SQRT_LARGE || ay > SQRT_LARGE) {
        double h = hypot(z.re / 2., z.im / 2.);
        return mk(z.re / 4. / h / h, -copysign(M_PI / 2., -z.im));
    }
    if (z.re == 1. && ay < SQRT_DBL_MIN) {
        if (ay == 0)
            return mk(INFINITY, z.im);   /* the pole: the caller raises */
        return mk(-log(sqrt(ay) / sqrt(hypot(ay, 2.))), copysign(atan2(2., -ay) / 2, z.im));
    }
    return mk(log1p(4. * z.re / ((1 - z.re) * (1 - z.re) + ay * ay)) / 4.,
              -atan2(-2. * z.im, (1 - z.re) * (1 + z.re) - ay * ay) / 2.);
}

/* i*z and -i*z, for the circular functions. */
static cx mul_i(cx z) { return mk(-z.im, z.re); }
static cx mul_negi(cx z) { return mk(z.im, -z.re); }

static cx c_sin(cx z) { return mul_negi(c_sinh(mul_i(z))); }
static cx c_cos(cx z) { return c_cosh(mul_i(z)); }
static cx c_tan(cx z) { return mul_negi(c_tanh(mul_i(z))); }
static cx c_asin(cx z) { return mul_negi(c_asinh(mul_i(z))); }
static cx c_atan(cx z) { return mul_negi(c_atanh(mul_i(z))); }

static cx c_log10(cx z)
{
    cx r = c_log(z);
    return mk(r.re / M_LN10, r.im / M_LN10);
}

/* ---- Python glue --------------------------------------------------------------- */

/* z from a complex, an object with __complex__, or a real number. */
static int get_cx(RpObject *o, cx *z)
{
    if (RpComplex_Check(o)) {
        *z = mk(RpComplex_RealAsDouble(o), RpComplex_ImagAsDouble(o));
        return 0;
    }
    RpObject *meth = RpUnicode_FromString("__complex__");
    RpObject *f = meth ? _RpType_Lookup(Rp_TYPE(o), meth) : NULL;
    Rp_XDECREF(meth);
    if (f != NULL) {
        RpObject *c = RpObject_CallMethod0(o, "__complex__");
        if (c == NULL)
            return -1;
        int r = RpComplex_Check(c) ? 0 : -1;
        if (r == 0)
            *z = mk(RpComplex_RealAsDouble(c), RpComplex_ImagAsDouble(c));
        else
            RpErr_Format(RpExc_TypeError, "__complex__ returned non-complex (type %.200s)",
                         Rp_TYPE(c)->tp_name);
        Rp_DECREF(c);
        return r;
    }
    double x = RpFloat_AsDouble(o);
    if (x == -1.0 && RpErr_Occurred()) {
        if (RpErr_ExceptionMatches(RpExc_TypeError)) {
            RpErr_Clear();
            RpErr_Format(RpExc_TypeError, "must be real number, not %.200s", Rp_TYPE(o)->tp_name);
        }
        return -1;
    }
    *z = mk(x, 0.0);
    return 0;
}

/* Apply CPython's error rules to r = f(z), then box it. */
static RpObject *finish(cx z, cx r, int on_inf)
{
    int nan_in = isnan(z.re) || isnan(z.im);
    /* an infinity from finite input is checked first: exp(1000+0j) gives
     * (inf, inf*0 = nan) and is still an overflow */
    if (finite_cx(z) && (isinf(r.re) || isinf(r.im)) && on_inf != ON_INF_NONE)
        return RpErr_Format(on_inf == ON_INF_OVERFLOW ? RpExc_OverflowError : RpExc_ValueError,
                            on_inf == ON_INF_OVERFLOW ? "math range error" : "math domain error");
    if (!nan_in && (isnan(r.re) || isnan(r.im)))
        return RpErr_Format(RpExc_ValueError, "math domain error");
    return RpComplex_FromDoubles(r.re, r.im);
}

static RpObject *apply(RpObject *arg, cx (*f)(cx), int on_inf)
{
    cx z;
    if (get_cx(arg, &z) < 0)
        return NULL;
    return finish(z, f(z), on_inf);
}

#define CMATH_1(name, on_inf)                                    \
    static RpObject *cm_##name(RpObject *m, RpObject *arg)       \
    {                                                            \
        return apply(arg, c_##name, on_inf);                     \
    }
CMATH_1(sqrt, ON_INF_NONE)
CMATH_1(exp, ON_INF_OVERFLOW)
CMATH_1(log10, ON_INF_POLE)
CMATH_1(sin, ON_INF_OVERFLOW)
CMATH_1(cos, ON_INF_OVERFLOW)
CMATH_1(tan, ON_INF_OVERFLOW)
CMATH_1(asin, ON_INF_NONE)
CMATH_1(acos, ON_INF_NONE)
CMATH_1(atan, ON_INF_POLE)
CMATH_1(sinh, ON_INF_OVERFLOW)
CMATH_1(cosh, ON_INF_OVERFLOW)
CMATH_1(tanh, ON_INF_OVERFLOW)
CMATH_1(asinh, ON_INF_NONE)
CMATH_1(acosh, ON_INF_NONE)
CMATH_1(atanh, ON_INF_POLE)

/* log(z[, base]) = log(z) / log(base), dividing as complex numbers do. */
static RpObject *cm_log(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("log", nargs, 1, 2))
        return NULL;
    cx z, b;
    if (get_cx(args[0], &z) < 0)
        return NULL;
    RpObject *num = finish(z, c_log(z), ON_INF_POLE);
    if (num == NULL || nargs == 1)
        return num;
    RpObject *den = get_cx(args[1], &b) < 0 ? NULL : finish(b, c_log(b), ON_INF_POLE);
    RpObject *r = den ? RpNumber_TrueDivide(num, den) : NULL;
    Rp_DECREF(num);
    Rp_XDECREF(den);
    if (r == NULL && RpErr_ExceptionMatches(RpExc_ZeroDivisionError)) {
        RpErr_Clear();
        RpErr_SetString(RpExc_ValueError, "math domain error");
    }
    return r;
}

static RpObject *cm_phase(RpObject *m, RpObject *arg)
{
    cx z;
    if (get_cx(arg, &z) < 0)
        return NULL;
    return RpFloat_FromDouble(atan2(z.im, z.re));
}

static RpObject *cm_polar(RpObject *m, RpObject *arg)
{
    cx z;
    if (get_cx(arg, &z) < 0)
        return NULL;
    double r = hypot(z.re, z.im);
    if (isinf(r) && finite_cx(z))
        return RpErr_Format(RpExc_OverflowError, "absolute value too large");
    RpObject *a = RpFloat_FromDouble(r), *p = RpFloat_FromDouble(atan2(z.im, z.re));
    RpObject *t = a && p ? RpTuple_Pack(2, a, p) : NULL;
    Rp_XDECREF(a);
    Rp_XDECREF(p);
    return t;
}

static RpObject *cm_rect(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("rect", nargs, 2, 2))
        return NULL;
    double r = RpFloat_AsDouble(args[0]), phi;
    if (r == -1.0 && RpErr_Occurred())
        return NULL;
    phi = RpFloat_AsDouble(args[1]);
    if (phi == -1.0 && RpErr_Occurred())
        return NULL;
    cx in = mk(r, phi), out;
    if (isfinite(r) && isfinite(phi))
        out = mk(r * cos(phi), r * sin(phi));
    else if (isinf(r) && phi == 0)   /* a real infinity stays real */
        out = mk(r, r > 0 ? phi : -phi);
    else
        out = from_c99(r * cexp(make_c99(0.0, phi)));
    if (isinf(r) && isfinite(phi) && phi != 0)   /* inf * (cos, sin): no NaN from 0 * inf */
        out = mk(copysign(INFINITY, r * cos(phi)), copysign(INFINITY, r * sin(phi)));
    return finish(in, out, ON_INF_OVERFLOW);
}

static RpObject *bool_test(RpObject *arg, int which)
{
    cx z;
    if (get_cx(arg, &z) < 0)
        return NULL;
    int r = which == 0 ? finite_cx(z) : which == 1 ? isinf(z.re) || isinf(z.im)
                                                    : isnan(z.re) || isnan(z.im);
    return RpBool_FromLong(r);
}

static RpObject *cm_isfinite(RpObject *m, RpObject *arg) { return bool_test(arg, 0); }
static RpObject *cm_isinf(RpObject *m, RpObject *arg) { return bool_test(arg, 1); }
static RpObject *cm_isnan(RpObject *m, RpObject *arg) { return bool_test(arg, 2); }

static RpObject *cm_isclose(RpObject *m, RpObject *const *args, Rp_ssize_t nargs,
                            RpObject *kwnames)
{
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    RpObject *o[4] = {NULL, NULL, NULL, NULL};
    if (_RpArg_ParseVector("isclose", args, nargs, kwnames, names, 2, 2, o) < 0)
        return NULL;
    cx a, b;
    double rel = 1e-09, abs_tol = 0.0;
    if (get_cx(o[0], &a) < 0 || get_cx(o[1], &b) < 0)
        return NULL;
    if ((o[2] && (rel = RpFloat_AsDouble(o[2])) == -1.0 && RpErr_Occurred()) ||
        (o[3] && (abs_tol = RpFloat_AsDouble(o[3])) == -1.0 && RpErr_Occurred()))
        return NULL;
    if (rel < 0.0 || abs_tol < 0.0) {
        RpErr_SetString(RpExc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (a.re == b.re && a.im == b.im)
        Rp_RETURN_TRUE;
    if (!finite_cx(a) || !finite_cx(b))
        Rp_RETURN_FALSE;
    double diff = hypot(a.re - b.re, a.im - b.im);
    double ha = hypot(a.re, a.im), hb = hypot(b.re, b.im);
    return RpBool_FromLong(diff <= rel * hb || diff <= rel * ha || diff <= abs_tol);
}

static RpMethodDef cmath_functions[] = {
    {"sqrt", cm_sqrt, RP_METH_O, NULL},
    {"exp", cm_exp, RP_METH_O, NULL},
    {"log", FAST(cm_log), RP_METH_FASTCALL, NULL},
    {"log10", cm_log10, RP_METH_O, NULL},
    {"sin", cm_sin, RP_METH_O, NULL},
    {"cos", cm_cos, RP_METH_O, NULL},
    {"tan", cm_tan, RP_METH_O, NULL},
    {"asin", cm_asin, RP_METH_O, NULL},
    {"acos", cm_acos, RP_METH_O, NULL},
    {"atan", cm_atan, RP_METH_O, NULL},
    {"sinh", cm_sinh, RP_METH_O, NULL},
    {"cosh", cm_cosh, RP_METH_O, NULL},
    {"tanh", cm_tanh, RP_METH_O, NULL},
    {"asinh", cm_asinh, RP_METH_O, NULL},
    {"acosh", cm_acosh, RP_METH_O, NULL},
    {"atanh", cm_atanh, RP_METH_O, NULL},
    {"phase", cm_phase, RP_METH_O, NULL},
    {"polar", cm_polar, RP_METH_O, NULL},
    {"rect", FAST(cm_rect), RP_METH_FASTCALL, NULL},
    {"isfinite", cm_isfinite, RP_METH_O, NULL},
    {"isinf", cm_isinf, RP_METH_O, NULL},
    {"isnan", cm_isnan, RP_METH_O, NULL},
    {"isclose", FAST(cm_isclose), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static int add_float(RpObject *m, const char *name, double v)
{
    RpObject *f = RpFloat_FromDouble(v);
    int r = f ? RpModule_AddObjectRef(m, name, f) : -1;
    Rp_XDECREF(f);
    return r;
}

static int add_complex(RpObject *m, const char *name, double re, double im)
{
    RpObject *c = RpComplex_FromDoubles(re, im);
    int r = c ? RpModule_AddObjectRef(m, name, c) : -1;
    Rp_XDECREF(c);
    return r;
}

RpObject *RpInit_cmath(void)
{
    RpObject *m = RpModule_New("cmath");
    if (m == NULL)
        return NULL;
    if (RpModule_AddFunctions(m, cmath_functions) < 0 || add_float(m, "pi", M_PI) < 0 ||
        add_float(m, "e", M_E) < 0 || add_float(m, "tau", 2 * M_PI) < 0 ||
        add_float(m, "inf", INFINITY) < 0 || add_float(m, "nan", NAN) < 0 ||
        add_complex(m, "infj", 0.0, INFINITY) < 0 || add_complex(m, "nanj", 0.0, NAN) < 0)
        Rp_CLEAR(m);
    return m;
}
