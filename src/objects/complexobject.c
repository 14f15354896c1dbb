/* complexobject.c -- the complex type: a pair of doubles.
 *
 * Arithmetic mixes with int and float by converting the other operand;
 * repr follows CPython ("1j", "(1+2j)", "(-0+1j)", "(nan+infj)"), built
 * from the shortest float repr of each part.
 */
#include "rp.h"
#include "objects/complex.h"
#include "objects/unicodedb.h"
#include <errno.h>
#include <math.h>

typedef struct { RpObject_HEAD double real, imag; } complexobject;
#define CREAL(o) (((complexobject *)(o))->real)
#define CIMAG(o) (((complexobject *)(o))->imag)

RpObject *RpComplex_FromDoubles(double real, double imag)
{
    complexobject *c = (complexobject *)RpObject_Malloc(sizeof(complexobject));
    if (c == NULL)
        return RpErr_NoMemory();
    RpObject_Init((RpObject *)c, &RpComplex_Type);
    c->real = real;
    c->imag = imag;
    return (RpObject *)c;
}

double RpComplex_RealAsDouble(RpObject *o) { return CREAL(o); }
double RpComplex_ImagAsDouble(RpObject *o) { return CIMAG(o); }

/* Convert an operand of a mixed operation; 0 ok, 1 not a number we know
 * (the slot then returns NotImplemented), -1 error. */
static int to_complex(RpObject *o, double *re, double *im)
{
    if (RpComplex_Check(o)) {
        *re = CREAL(o);
        *im = CIMAG(o);
        return 0;
    }
    if (RpFloat_Check(o)) {
        *re = RpFloat_AS_DOUBLE(o);
        *im = 0.0;
        return 0;
    }
    if (RpLong_Check(o)) {
        *re = RpLong_AsDouble(o);
        *im = 0.0;
        return *re == -1.0 && RpErr_Occurred() ? -1 : 0;
    }
    return 1;
}

#define BINARY_PROLOGUE(a, b)                                   \
    double ar, ai, br, bi;                                      \
    int _ra = to_complex(a, &ar, &ai);                          \
    int _rb = _ra ? _ra : to_complex(b, &br, &bi);              \
    if (_ra < 0 || _rb < 0)                                     \
        return NULL;                                            \
    if (_ra || _rb)                                             \
        Rp_RETURN_NOTIMPLEMENTED;

static RpObject *c_add(RpObject *a, RpObject *b)
{
    BINARY_PROLOGUE(a, b)
    return RpComplex_FromDoubles(ar + br, ai + bi);
}

static RpObject *c_sub(RpObject *a, RpObject *b)
{
    BINARY_PROLOGUE(a, b)
    return RpComplex_FromDoubles(ar - br, ai - bi);
}

static RpObject *c_mul(RpObject *a, RpObject *b)
{
    BINARY_PROLOGUE(a, b)
    return RpComplex_FromDoubles(ar * br - ai * bi, ar * bi + ai * br);
}

/* Smith's algorithm: scale by the larger component of the divisor to
 * avoid needless overflow. */
static int c_quot(double ar, double ai, double br, double bi, double *qr, double *qi)
{
    double abs_br = fabs(br), abs_bi = fabs(bi);
    if (abs_br >= abs_bi) {
        if (abs_br == 0.0)
            return -1;
        double ratio = bi / br, denom = br + bi * ratio;
        *qr = (ar + ai * ratio) / denom;
        *qi = (ai - ar * ratio) / denom;
    } else if (abs_bi >= abs_br) {
        double ratio = br / bi, denom = br * ratio + bi;
        *qr = (ar * ratio + ai) / denom;
        *qi = (ai * ratio - ar) / denom;
    } else {
        *qr = *qi = NAN;   /* NaNs in the divisor */
    }
    return 0;
}

static RpObject *c_div(RpObject *a, RpObject *b)
{
    BINARY_PROLOGUE(a, b)
    double qr, qi;
    if (c_quot(ar, ai, br, bi, &qr, &qi) < 0)
        return RpErr_Format(RpExc_ZeroDivisionError, "complex division by zero");
    return RpComplex_FromDoubles(qr, qi);
}

static void c_pow_general(double ar, double ai, double br, double bi, double *rr, double *ri)
{
    if (br == 0.0 && bi == 0.0) {
        *rr = 1.0, *ri = 0.0;
        return;
    }
    if (ar == 0.0 && ai == 0.0) {
        *rr = 0.0, *ri = 0.0;
        return;
    }
    double vabs = hypot(ar, ai);
    double len = pow(vabs, br);
    double at = atan2(ai, ar);
    double phase = at * br;
    if (bi != 0.0) {
        len /= exp(at * bi);
        phase += bi * log(vabs);
    }
    *rr = len * cos(phase);
    *ri = len * sin(phase);
}

/* Integer powers by repeated squaring, as CPython does for |n| <= 100. */
static void c_powi(double ar, double ai, long n, double *rr, double *ri)
{
    double xr = 1.0, xi = 0.0, pr = ar, pi = ai;
    long m = n < 0 ? -n : n;
    while (m > 0) {
        if (m & 1) {
            double t = xr * pr - xi * pi;
            xi = xr * pi + xi * pr;
            xr = t;
        }
        double t = pr * pr - pi * pi;
        pi = 2 * pr * pi;
        pr = t;
        m >>= 1;
    }
    if (n < 0)
        c_quot(1.0, 0.0, xr, xi, &xr, &xi);
    *rr = xr, *ri = xi;
}

static RpObject *c_pow(RpObject *a, RpObject *b, RpObject *mod)
{
    if (mod != Rp_None)
        return RpErr_Format(RpExc_ValueError, "complex modulo");
    BINARY_PROLOGUE(a, b)
    double rr, ri;
    if (ar == 0.0 && ai == 0.0 && (bi != 0.0 || br < 0.0))
        return RpErr_Format(RpExc_ZeroDivisionError, "0.0 to a negative or complex power");
    errno = 0;
    if (bi == 0.0 && br == floor(br) && fabs(br) <= 100.0)
        c_powi(ar, ai, (long)br, &rr, &ri);
    else
        c_pow_general(ar, ai, br, bi, &rr, &ri);
    if (isinf(rr) || isinf(ri))
        return RpErr_Format(RpExc_OverflowError, "complex exponentiation");
    return RpComplex_FromDoubles(rr, ri);
}

static RpObject *c_neg(RpObject *a) { return RpComplex_FromDoubles(-CREAL(a), -CIMAG(a)); }
static RpObject *c_pos(RpObject *a) { return RpComplex_FromDoubles(CREAL(a), CIMAG(a)); }
static int c_bool(RpObject *a) { return CREAL(a) != 0.0 || CIMAG(a) != 0.0; }

static RpObject *c_abs(RpObject *a)
{
    double r = hypot(CREAL(a), CIMAG(a));
    if (isinf(r) && isfinite(CREAL(a)) && isfinite(CIMAG(a)))
        return RpErr_Format(RpExc_OverflowError, "absolute value too large");
    return RpFloat_FromDouble(r);
}

static RpObject *c_richcompare(RpObject *a, RpObject *b, int op)
{
    if (op != Rp_EQ && op != Rp_NE)
        Rp_RETURN_NOTIMPLEMENTED;
    int eq;
    if (RpLong_Check(b) || RpFloat_Check(b)) {
        if (CIMAG(a) != 0.0) {
            eq = 0;
        } else {
            /* exact comparison of the real part, through float's rules */
            RpObject *re = RpFloat_FromDouble(CREAL(a));
            if (re == NULL)
                return NULL;
            RpObject *r = RpObject_RichCompare(re, b, op);
            Rp_DECREF(re);
            return r;
        }
    } else if (RpComplex_Check(b)) {
        eq = CREAL(a) == CREAL(b) && CIMAG(a) == CIMAG(b);
    } else {
        Rp_RETURN_NOTIMPLEMENTED;
    }
    return RpBool_FromLong(op == Rp_EQ ? eq : !eq);
}

static Rp_hash_t c_hash(RpObject *a)
{
    Rp_hash_t hr = _Rp_HashDouble(a, CREAL(a)), hi = _Rp_HashDouble(a, CIMAG(a));
    Rp_hash_t h = (Rp_hash_t)((uint64_t)hr + 1000003ULL * (uint64_t)hi);
    return h == -1 ? -2 : h;
}

/* The shortest repr of one part; `sign` forces a leading '+'. */
static int append_part(RpStrBuf *b, double v, int sign)
{
    char *s = _RpFloat_FormatDouble(v, 'r', 0, sign ? RP_DTOA_SIGN : 0);
    if (s == NULL)
        return -1;
    size_t n = strlen(s);
    if (n > 2 && strcmp(s + n - 2, ".0") == 0)
        s[n - 2] = '\0';   /* complex parts print as 1, not 1.0 */
    RpStrBuf_AppendStr(b, s);
    RpMem_Free(s);
    return 0;
}

static RpObject *c_repr(RpObject *a)
{
    RpStrBuf b;
    RpStrBuf_Init(&b);
    double re = CREAL(a), im = CIMAG(a);
    int ok;
    if (re == 0.0 && copysign(1.0, re) == 1.0) {
        ok = append_part(&b, im, 0) == 0;
        RpStrBuf_AppendChar(&b, 'j');
    } else {
        RpStrBuf_AppendChar(&b, '(');
        ok = append_part(&b, re, 0) == 0 && append_part(&b, im, 1) == 0;
        RpStrBuf_AppendStr(&b, "j)");
    }
    if (!ok) {
        RpStrBuf_Discard(&b);
        return NULL;
    }
    return RpStrBuf_Finish(&b);
}

/* ---- construction ------------------------------------------------------ */

static int skip_space(const char **p)
{
    while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r' || **p == '\f' || **p == '\v')
        (*p)++;
    return 0;
}

/* One signed float with Python's syntax (no underscores check); NULL end
 * pointer on failure. */
static const char *parse_float(const char *p, double *out)
{
    const char *end;
    *out = RpDtoa_Strtod(p, &end);
    return end == p ? NULL : end;
}

/* complex("1+2j"), "(1-j)", "3", "-2.5e3j", " 1 " */
static RpObject *from_string(RpTypeObject *type, RpObject *s)
{
    if (!RpUnicode_IS_ASCII(s)) {
        /* Unicode digits and spaces count as their ASCII forms */
        RpObject *a = RpUnicodeDB_ToASCIIDigits(s);
        if (a == NULL)
            return NULL;
        RpObject *r = from_string(type, a);
        Rp_DECREF(a);
        return r;
    }
    const char *p = RpUnicode_AsUTF8(s);
    if (p == NULL)
        return NULL;
    double re = 0.0, im = 0.0, x;
    int paren = 0;
    skip_space(&p);
    if (*p == '(') {
        paren = 1;
        p++;
        skip_space(&p);
    }
    const char *q = parse_float(p, &x);
    if (q == NULL) {
        /* "j", "+j", "-j" */
        if ((*p == '+' || *p == '-') && (p[1] == 'j' || p[1] == 'J'))
            im = *p == '-' ? -1.0 : 1.0, p += 2;
        else if (*p == 'j' || *p == 'J')
            im = 1.0, p++;
        else
            goto malformed;
    } else if (*q == 'j' || *q == 'J') {
        im = x, p = q + 1;
    } else {
        re = x, p = q;
        if (*p == '+' || *p == '-') {
            const char *r = parse_float(p, &x);
            if (r != NULL && (*r == 'j' || *r == 'J'))
                im = x, p = r + 1;
            else if ((p[1] == 'j' || p[1] == 'J'))
                im = *p == '-' ? -1.0 : 1.0, p += 2;
            else
                goto malformed;
        }
    }
    skip_space(&p);
    if (paren) {
        if (*p != ')')
            goto malformed;
        p++;
        skip_space(&p);
    }
    if (*p != '\0')
        goto malformed;
    if (type == &RpComplex_Type)
        return RpComplex_FromDoubles(re, im);
    RpObject *o = type->tp_alloc(type, 0);
    if (o) {
        CREAL(o) = re;
        CIMAG(o) = im;
    }
    return o;
malformed:
    return RpErr_Format(RpExc_ValueError, "complex() arg is a malformed string");
}

/* A number as (real, imag): complex, __complex__, float-like. */
static int number_parts(RpObject *o, double *re, double *im, const char *which)
{
    if (RpComplex_Check(o)) {
        *re = CREAL(o), *im = CIMAG(o);
        return 0;
    }
    RpObject *name = RpUnicode_InternFromString("__complex__");
    if (name == NULL)
        return -1;
    RpObject *meth = _RpType_Lookup(Rp_TYPE(o), name);   /* borrowed */
    Rp_DECREF(name);
    if (meth != NULL) {
        RpObject *r = RpObject_CallOneArg(meth, o);
        if (r == NULL)
            return -1;
        if (!RpComplex_Check(r)) {
            RpErr_Format(RpExc_TypeError, "__complex__ returned non-complex (type %s)",
                         _RpType_Name(Rp_TYPE(r)));
            Rp_DECREF(r);
            return -1;
        }
        *re = CREAL(r), *im = CIMAG(r);
        Rp_DECREF(r);
        return 0;
    }
    if (RpUnicode_Check(o) || (!RpFloat_Check(o) && !RpLong_Check(o) &&
                               Rp_TYPE(o)->tp_as_number == NULL)) {
        RpErr_Format(RpExc_TypeError, "complex() %s must be a number, not '%s'", which,
                     _RpType_Name(Rp_TYPE(o)));
        return -1;
    }
    *re = RpFloat_AsDouble(o);
    *im = 0.0;
    return *re == -1.0 && RpErr_Occurred() ? -1 : 0;
}

static RpObject *c_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    static const char *const names[] = {"real", "imag", NULL};
    RpObject *a[2] = {NULL, NULL};
    RpObject *const *items = ((RpTupleObject *)args)->ob_item;
    RpObject *kwnames = NULL;
    RpObject *stack[4];
    Rp_ssize_t nargs = RpTuple_GET_SIZE(args), nkw = 0;
    if (kwds && RpDict_GET_SIZE(kwds)) {
        /* flatten into a vector for the shared parser */
        if (nargs + RpDict_GET_SIZE(kwds) > 4)
            return RpErr_Format(RpExc_TypeError, "complex() takes at most 2 arguments");
        kwnames = RpTuple_New(RpDict_GET_SIZE(kwds));
        if (kwnames == NULL)
            return NULL;
        for (Rp_ssize_t i = 0; i < nargs; i++)
            stack[i] = items[i];
        Rp_ssize_t pos = 0;
        RpObject *k, *v;
        while (RpDict_Next(kwds, &pos, &k, &v)) {
            RpTuple_SET_ITEM(kwnames, nkw, Rp_NewRef(k));
            stack[nargs + nkw++] = v;
        }
        items = stack;
    }
    int r = _RpArg_ParseVector("complex", items, nargs, kwnames, names, 2, 0, a);
    Rp_XDECREF(kwnames);
    if (r < 0)
        return NULL;
    if (a[0] != NULL && RpUnicode_Check(a[0])) {
        if (a[1] != NULL)
            return RpErr_Format(RpExc_TypeError,
                                "complex() can't take second arg if first is a string");
        return from_string(type, a[0]);
    }
    if (a[1] != NULL && RpUnicode_Check(a[1]))
        return RpErr_Format(RpExc_TypeError, "complex() second arg can't be a string");
    double rr = 0.0, ri = 0.0, ir = 0.0, ii = 0.0;
    if (a[0] && number_parts(a[0], &rr, &ri, "first argument") < 0)
        return NULL;
    if (a[1] && number_parts(a[1], &ir, &ii, "second argument") < 0)
        return NULL;
    if (type == &RpComplex_Type && a[0] && a[1] == NULL && RpComplex_CheckExact(a[0]))
        return Rp_NewRef(a[0]);
    /* only a complex part contributes: adding 0.0 would turn -0.0 into
     * 0.0 (complex(1, -0.0) is (1-0j)) */
    double re = rr, im = ir;
    if (a[1] && RpComplex_Check(a[1]))
        re -= ii;
    if (a[0] && RpComplex_Check(a[0]))
        im = a[1] ? im + ri : ri;
    if (type == &RpComplex_Type)
        return RpComplex_FromDoubles(re, im);
    RpObject *o = type->tp_alloc(type, 0);
    if (o) {
        CREAL(o) = re;
        CIMAG(o) = im;
    }
    return o;
}

static RpObject *c_conjugate(RpObject *self, RpObject *unused)
{
    return RpComplex_FromDoubles(CREAL(self), -CIMAG(self));
}

static RpObject *c_complex(RpObject *self, RpObject *unused)
{
    if (RpComplex_CheckExact(self))
        return Rp_NewRef(self);
    return RpComplex_FromDoubles(CREAL(self), CIMAG(self));
}

static RpObject *c_format(RpObject *self, RpObject *spec)
{
    if (!RpUnicode_Check(spec) || RpUnicode_GET_LENGTH(spec) != 0) {
        RpObject *s = c_repr(self);
        if (s == NULL)
            return NULL;
        RpObject *r = RpObject_Format(s, spec);
        Rp_DECREF(s);
        return r;
    }
    return RpObject_Str(self);
}

static RpMethodDef c_methods[] = {
    {"conjugate", c_conjugate, RP_METH_NOARGS, NULL},
    {"__complex__", c_complex, RP_METH_NOARGS, NULL},
    {"__format__", c_format, RP_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static RpObject *get_real(RpObject *self, void *c) { return RpFloat_FromDouble(CREAL(self)); }
static RpObject *get_imag(RpObject *self, void *c) { return RpFloat_FromDouble(CIMAG(self)); }

static RpGetSetDef c_getset[] = {
    {"real", get_real, NULL, NULL, NULL},
    {"imag", get_imag, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static RpNumberMethods c_as_number = {
    .nb_add = c_add,
    .nb_subtract = c_sub,
    .nb_multiply = c_mul,
    .nb_power = c_pow,
    .nb_negative = c_neg,
    .nb_positive = c_pos,
    .nb_absolute = c_abs,
    .nb_bool = c_bool,
    .nb_true_divide = c_div,
};

static void c_dealloc(RpObject *self)
{
    Rp_TYPE(self)->tp_free(self);
}

RpTypeObject RpComplex_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "complex",
    .tp_basicsize = sizeof(complexobject),
    .tp_dealloc = c_dealloc,
    .tp_as_number = &c_as_number,
    .tp_hash = c_hash,
    .tp_repr = c_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_BASETYPE,
    .tp_richcompare = c_richcompare,
    .tp_methods = c_methods,
    .tp_getset = c_getset,
    .tp_new = c_new,
    .tp_free = RpObject_Free,
};

/* float ** float with a negative base and a fractional exponent. */
RpObject *_RpComplex_PowFromFloats(double base, double exp)
{
    double rr, ri;
    c_pow_general(base, 0.0, exp, 0.0, &rr, &ri);
    return RpComplex_FromDoubles(rr, ri);
}
