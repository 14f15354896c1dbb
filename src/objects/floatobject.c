/* floatobject.c -- the float type: arithmetic with Python's floor/modulo
 * rules, exact comparison with ints, repr as the shortest string that
 * round-trips, parsing with Python's syntax, and the format mini-language.
 *
 * Text conversion is our own and correctly rounded (dtoa.c): digits come
 * from RpDtoa_Shortest/RpDtoa_Round and are laid out here; text is read
 * by RpDtoa_Strtod after Python's syntax checks (underscores, spaces).
 */
#include "rp.h"
#include "objects/unicodedb.h"
#include <math.h>
#include <float.h>
#include <errno.h>
#include <stdio.h>

#define FREELIST_MAX 100
static RpFloatObject *freelist[FREELIST_MAX];
static int nfree;

RpObject *RpFloat_FromDouble(double v)
{
    RpFloatObject *o;
    if (nfree > 0) {
        o = freelist[--nfree];
    } else {
        o = RpObject_Malloc(sizeof(RpFloatObject));
        if (o == NULL)
            return RpErr_NoMemory();
    }
    RpObject_Init((RpObject *)o, &RpFloat_Type);
    o->ob_fval = v;
    return (RpObject *)o;
}

static RpObject *float_subtype_from(RpTypeObject *type, double v)
{
    if (type == &RpFloat_Type)
        return RpFloat_FromDouble(v);
    RpObject *o = type->tp_alloc(type, 0);
    if (o != NULL)
        ((RpFloatObject *)o)->ob_fval = v;
    return o;
}

static void float_dealloc(RpObject *o)
{
    if (Rp_TYPE(o) != &RpFloat_Type) {
        Rp_TYPE(o)->tp_free(o);
        return;
    }
    if (nfree < FREELIST_MAX)
        freelist[nfree++] = (RpFloatObject *)o;
    else
        RpObject_Free(o);
}

void _RpFloat_Fini(void)
{
    while (nfree > 0)
        RpObject_Free(freelist[--nfree]);
}

/* ---- conversion to C -------------------------------------------------- */

static int check_float_result(RpObject *o, RpObject *r)
{
    if (RpFloat_Check(r))
        return 0;
    RpErr_Format(RpExc_TypeError, "%.50s.__float__ returned non-float (type %.50s)",
                 Rp_TYPE(o)->tp_name, Rp_TYPE(r)->tp_name);
    return -1;
}

double RpFloat_AsDouble(RpObject *o)
{
    if (o == NULL) {
        RpErr_BadInternalCall();
        return -1.0;
    }
    if (RpFloat_Check(o))
        return RpFloat_AS_DOUBLE(o);
    RpNumberMethods *nb = Rp_TYPE(o)->tp_as_number;
    if (nb != NULL && nb->nb_float != NULL) {
        RpObject *r = nb->nb_float(o);
        if (r == NULL)
            return -1.0;
        if (check_float_result(o, r) < 0) {
            Rp_DECREF(r);
            return -1.0;
        }
        double v = RpFloat_AS_DOUBLE(r);
        Rp_DECREF(r);
        return v;
    }
    if (nb != NULL && nb->nb_index != NULL) {
        RpObject *i = RpNumber_Index(o);
        if (i == NULL)
            return -1.0;
        double v = RpLong_AsDouble(i);
        Rp_DECREF(i);
        return v;
    }
    RpErr_Format(RpExc_TypeError, "must be real number, not %.50s", Rp_TYPE(o)->tp_name);
    return -1.0;
}

/* Operand of a binary operator as a double: 1 ok, 0 not a number we
 * handle (-> NotImplemented), -1 error. */
static int to_double(RpObject *o, double *out)
{
    if (RpFloat_Check(o)) {
        *out = RpFloat_AS_DOUBLE(o);
        return 1;
    }
    if (RpLong_Check(o)) {
        *out = RpLong_AsDouble(o);
        return (*out == -1.0 && RpErr_Occurred()) ? -1 : 1;
    }
    return 0;
}

#define CONVERT_BINOP(a, b, x, y)                               \
    do {                                                        \
        int _ra = to_double(a, &x), _rb;                        \
        if (_ra <= 0) {                                         \
            if (_ra < 0)                                        \
                return NULL;                                    \
            Rp_RETURN_NOTIMPLEMENTED;                           \
        }                                                       \
        _rb = to_double(b, &y);                                 \
        if (_rb <= 0) {                                         \
            if (_rb < 0)                                        \
                return NULL;                                    \
            Rp_RETURN_NOTIMPLEMENTED;                           \
        }                                                       \
    } while (0)

/* ---- digits ----------------------------------------------------------- */

/* The digit at decimal position pos (10**pos) of d[0..nd) whose first
 * digit sits at position exp; zeros beyond the digits. */
static char digit_at(const char *d, int nd, int exp, int pos)
{
    int i = exp - pos;
    return i >= 0 && i < nd ? d[i] : '0';
}

/* Positional: the integer part (at least "0"), then frac digits after
 * the point; no point when frac == 0 unless alt. */
static void emit_fixed(RpStrBuf *b, const char *d, int nd, int exp, int frac, int alt)
{
    if (nd == 0 || exp < 0)
        RpStrBuf_AppendChar(b, '0');
    else
        for (int pos = exp; pos >= 0; pos--)
            RpStrBuf_AppendChar(b, digit_at(d, nd, exp, pos));
    if (frac > 0 || alt)
        RpStrBuf_AppendChar(b, '.');
    for (int pos = -1; pos >= -frac; pos--)
        RpStrBuf_AppendChar(b, digit_at(d, nd, exp, pos));
}

/* e+05, e-324: a sign and at least two digits */
static void emit_exponent(RpStrBuf *b, int exp, char echar)
{
    char e[8];
    int n = 0, a = exp < 0 ? -exp : exp;
    e[n++] = echar;
    e[n++] = exp < 0 ? '-' : '+';
    if (a >= 100)
        e[n++] = (char)('0' + a / 100);
    e[n++] = (char)('0' + a / 10 % 10);
    e[n++] = (char)('0' + a % 10);
    RpStrBuf_Append(b, e, n);
}

/* Scientific: one digit, frac digits after the point, the exponent. */
static void emit_sci(RpStrBuf *b, const char *d, int nd, int exp, int frac, int alt,
                     char echar)
{
    RpStrBuf_AppendChar(b, nd ? d[0] : '0');
    if (frac > 0 || alt)
        RpStrBuf_AppendChar(b, '.');
    for (int i = 1; i <= frac; i++)
        RpStrBuf_AppendChar(b, i < nd ? d[i] : '0');
    emit_exponent(b, nd ? exp : 0, echar);
}

/* Lay digits out Python-style: scientific when exp < -4 or exp >= hi,
 * else positional with at least one digit after the point when dot0. */
static void layout(RpStrBuf *b, const char *d, int nd, int exp, int hi, int dot0,
                   int min_digits, int alt, char echar)
{
    if (exp < -4 || exp >= hi) {
        int frac = (nd > min_digits ? nd : min_digits) - 1;
        emit_sci(b, d, nd, exp, frac, alt, echar);
        return;
    }
    int total = nd > min_digits ? nd : min_digits;
    int frac = total - 1 - exp;
    if (frac <= 0)
        frac = dot0 ? 1 : 0;
    emit_fixed(b, d, nd, exp, frac, alt);
}

/* 'g' (and 'n'): p significant digits; positional when -4 <= exp < p;
 * trailing zeros (and a bare point) dropped unless alt. */
static void format_general(RpStrBuf *b, double v, int p, int alt, char echar)
{
    char d[RP_DTOA_BUFSIZE];
    int nd;
    if (p == 0)
        p = 1;
    int exp = RpDtoa_Round(v, 's', p, d, &nd);
    if (nd == 0)
        exp = 0;
    if (exp >= -4 && exp < p) {
        int frac = alt ? p - 1 - exp : nd - 1 - exp;
        emit_fixed(b, d, nd, exp, frac > 0 ? frac : 0, alt);
    } else {
        emit_sci(b, d, nd, exp, alt ? p - 1 : nd - 1, alt, echar);
    }
}

/* Body of a finite, non-negative v for one presentation type, without
 * sign.  type: 'e','E','f','F','g','G','n','%', 'r' (repr), or 0 (the
 * empty type, with prec >= 0).  New RpMem string or NULL. */
static char *format_abs(double v, char type, int prec, int alt)
{
    char d[RP_DTOA_BUFSIZE];
    int nd, exp;
    RpStrBuf b;
    RpStrBuf_Init(&b);
    switch (type) {
    case 'e': case 'E':
        exp = RpDtoa_Round(v, 's', prec + 1, d, &nd);
        emit_sci(&b, d, nd, exp, prec, alt, type);
        break;
    case 'f': case 'F': case '%':
        if (type == '%')
            v *= 100.0;
        if (isinf(v)) {             /* 1e308 as a percentage */
            RpStrBuf_AppendStr(&b, type == 'F' ? "INF" : "inf");
        } else {
            exp = RpDtoa_Round(v, 'f', prec, d, &nd);
            emit_fixed(&b, d, nd, exp, prec, alt);
        }
        if (type == '%')
            RpStrBuf_AppendChar(&b, '%');
        break;
    case 'g': case 'G': case 'n':
        format_general(&b, v, prec, alt, type == 'G' ? 'E' : 'e');
        break;
    case 'r':
        exp = v == 0 ? 0 : RpDtoa_Shortest(v, d, &nd);
        if (v == 0)
            d[0] = '0', nd = 1;
        layout(&b, d, nd, exp, 16, 1, 0, 0, 'e');
        break;
    default:
        /* the empty type with a precision: like 'g' but keeps a digit
         * after the point and switches to exponent notation already at
         * exp >= prec - 1 */
        if (prec == 0)
            prec = 1;
        exp = RpDtoa_Round(v, 's', prec, d, &nd);
        if (nd == 0)
            d[0] = '0', nd = 1, exp = 0;
        layout(&b, d, nd, exp, prec - 1, 1, alt ? prec : 0, alt, 'e');
        break;
    }
    RpStrBuf_AppendChar(&b, '\0');
    if (b.error) {
        RpStrBuf_Discard(&b);
        RpErr_NoMemory();
        return NULL;
    }
    return b.buf;  /* the finished C string is ours; the buffer is RpMem */
}

static char *special_text(double v, int upper)
{
    const char *t = isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    char *s = RpMem_Malloc(strlen(t) + 2);
    if (s == NULL) {
        RpErr_NoMemory();
        return NULL;
    }
    strcpy(s, t);
    return s;
}

static int is_upper_type(char t) { return t == 'E' || t == 'F' || t == 'G'; }

RpObject *_RpFloat_Repr(double v)
{
    if (!isfinite(v))
        return RpUnicode_FromString(isnan(v) ? "nan" : v > 0 ? "inf" : "-inf");
    char *s = format_abs(fabs(v), 'r', 0, 0);
    if (s == NULL)
        return NULL;
    RpObject *r;
    if (signbit(v)) {
        RpStrBuf b;
        RpStrBuf_Init(&b);
        RpStrBuf_AppendChar(&b, '-');
        RpStrBuf_AppendStr(&b, s);
        r = RpStrBuf_Finish(&b);
    } else {
        r = RpUnicode_FromString(s);
    }
    RpMem_Free(s);
    return r;
}

static RpObject *float_repr(RpObject *o) { return _RpFloat_Repr(RpFloat_AS_DOUBLE(o)); }

char *_RpFloat_FormatDouble(double v, char spec, int precision, int flags)
{
    int alt = (flags & RP_DTOA_ALT) != 0;
    char *body;
    if (!isfinite(v))
        body = special_text(v, is_upper_type(spec));
    else if (spec == 'r')
        body = format_abs(fabs(v), 'r', 0, 0);
    else
        body = format_abs(fabs(v), spec, precision < 0 ? 6 : precision, alt);
    if (body == NULL)
        return NULL;
    if ((flags & RP_DTOA_ADD_DOT_0) && isfinite(v) && strpbrk(body, ".eE") == NULL) {
        char *b2 = RpMem_Realloc(body, strlen(body) + 3);
        if (b2 == NULL) {
            RpMem_Free(body);
            RpErr_NoMemory();
            return NULL;
        }
        body = b2;
        strcat(body, ".0");
    }
    int neg = signbit(v) && !isnan(v);
    const char *sign = neg ? "-" : (flags & RP_DTOA_SIGN) ? "+" : "";
    char *out = RpMem_Malloc(strlen(body) + 2);
    if (out == NULL) {
        RpMem_Free(body);
        RpErr_NoMemory();
        return NULL;
    }
    strcpy(out, sign);
    strcat(out, body);
    RpMem_Free(body);
    return out;
}

/* ---- __format__ ------------------------------------------------------------ */

/* True when the formatted body has no non-zero digit (for 'z'). */
static int all_zero(const char *s)
{
    for (; *s && *s != 'e' && *s != 'E'; s++)
        if (*s >= '1' && *s <= '9')
            return 0;
    return 1;
}

RpObject *_RpFloat_FormatSpec(double v, RpFormatSpec *spec)
{
    char type = spec->type;
    int prec = (int)spec->precision;
    if (spec->grouping && type == 'n')
        return RpErr_Format(RpExc_ValueError, "Cannot specify '%c' with 'n'.", spec->grouping);
    if (type == 0 && prec < 0)
        type = 'r';
    else if (prec < 0)
        prec = 6;
    if (prec > 0x7fffffff / 2) {
        RpErr_SetString(RpExc_ValueError, "precision too big");
        return NULL;
    }
    char *body = isfinite(v) ? format_abs(fabs(v), type, prec, spec->alternate)
                             : special_text(v, is_upper_type(type));
    if (body == NULL)
        return NULL;
    if (!isfinite(v) && type == '%') {
        char *b2 = RpMem_Realloc(body, strlen(body) + 2);
        if (b2 == NULL) {
            RpMem_Free(body);
            return RpErr_NoMemory();
        }
        body = b2;
        strcat(body, "%");
    }
    int neg = signbit(v) && !isnan(v);
    if (neg && spec->no_neg_zero && isfinite(v) && all_zero(body))
        neg = 0;
    const char *sign = neg ? "-" : spec->sign == '+' ? "+" : spec->sign == ' ' ? " " : "";
    size_t nint = strspn(body, "0123456789");
    _RpLong_NormalizeSpec(spec);
    if (!isfinite(v))
        spec->grouping = 0;   /* inf and nan are padded but never grouped */
    RpObject *r = _RpLong_FormatParts(spec, sign, "", body, (Rp_ssize_t)nint, body + nint, 3);
    RpMem_Free(body);
    return r;
}

static RpObject *float_format(RpObject *self, RpObject *fmt)
{
    if (!RpUnicode_Check(fmt))
        return RpErr_Format(RpExc_TypeError, "__format__() argument must be str, not %.200s",
                            Rp_TYPE(fmt)->tp_name);
    if (RpUnicode_GET_LENGTH(fmt) == 0)
        return RpObject_Str(self);
    RpFormatSpec spec;
    if (_RpFormatSpec_ParseFor(fmt, &spec, self) < 0)
        return NULL;
    switch (spec.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        return _RpFloat_FormatSpec(RpFloat_AS_DOUBLE(self), &spec);
    default:
        return RpErr_Format(RpExc_ValueError,
                            "Unknown format code '%c' for object of type '%.200s'",
                            spec.type, Rp_TYPE(self)->tp_name);
    }
}

/* ---- parsing ---------------------------------------------------------------- */

static int is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Copy a run of digits with single underscores between digits into *out;
 * returns the number of digits, or -1 on a misplaced underscore. */
static int copy_digits(const char **pp, const char *end, char **out)
{
    const char *p = *pp;
    int n = 0;
    while (p < end) {
        if (is_digit(*p)) {
            *(*out)++ = *p++;
            n++;
        } else if (*p == '_' && n > 0 && p + 1 < end && is_digit(p[1])) {
            p++;
        } else {
            break;
        }
    }
    *pp = p;
    if (p < end && *p == '_')
        return -1;
    return n;
}

static int match_word(const char *p, const char *end, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(end - p) != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((p[i] | 0x20) != w[i])
            return 0;
    return 1;
}

/* Validate Python's float syntax on [p, end) and write the underscore-free
 * text to out (NUL-terminated). 1 ok, 0 bad syntax. */
static int clean_float_text(const char *p, const char *end, char *out)
{
    char *o = out;
    if (p < end && (*p == '+' || *p == '-'))
        *o++ = *p++;
    if (match_word(p, end, "inf") || match_word(p, end, "infinity") ||
        match_word(p, end, "nan")) {
        memcpy(o, p, (size_t)(end - p));
        o[end - p] = '\0';
        return 1;
    }
    int nint = copy_digits(&p, end, &o), nfrac = 0;
    if (nint < 0)
        return 0;
    if (p < end && *p == '.') {
        *o++ = *p++;
        nfrac = copy_digits(&p, end, &o);
        if (nfrac < 0 || (p < end && *p == '_'))
            return 0;
    }
    if (nint + nfrac == 0)
        return 0;
    if (p < end && (*p == 'e' || *p == 'E')) {
        *o++ = *p++;
        if (p < end && (*p == '+' || *p == '-'))
            *o++ = *p++;
        if (copy_digits(&p, end, &o) <= 0)
            return 0;
    }
    *o = '\0';
    return p == end;
}

static RpObject *cannot_convert(RpObject *obj)
{
    return RpErr_Format(RpExc_ValueError, "could not convert string to float: %R", obj);
}

RpObject *_RpFloat_FromStringAndSize(const char *s, Rp_ssize_t n, RpObject *obj)
{
    const char *p = s, *end = s + n;
    while (p < end && is_space((unsigned char)*p))
        p++;
    while (end > p && is_space((unsigned char)end[-1]))
        end--;
    char *clean = RpMem_Malloc((size_t)(end - p) + 1);
    if (clean == NULL)
        return RpErr_NoMemory();
    RpObject *r = NULL;
    if (memchr(p, '\0', (size_t)(end - p)) == NULL && clean_float_text(p, end, clean)) {
        const char *e;
        double v = RpDtoa_Strtod(clean, &e);
        if (*e == '\0')
            r = RpFloat_FromDouble(v);
    }
    RpMem_Free(clean);
    if (r == NULL && !RpErr_Occurred())
        cannot_convert(obj);
    return r;
}

RpObject *RpFloat_FromString(RpObject *str)
{
    if (RpUnicode_Check(str) && !RpUnicode_IS_ASCII(str)) {
        /* Unicode digits and spaces count as their ASCII forms */
        RpObject *a = RpUnicodeDB_ToASCIIDigits(str);
        if (a == NULL)
            return NULL;
        RpObject *r = _RpFloat_FromStringAndSize(RpUnicode_UTF8(a), RpUnicode_UTF8_SIZE(a), str);
        Rp_DECREF(a);
        return r;
    }
    if (RpUnicode_Check(str))
        return _RpFloat_FromStringAndSize(RpUnicode_UTF8(str), RpUnicode_UTF8_SIZE(str), str);
    if (RpBytes_Check(str))
        return _RpFloat_FromStringAndSize(RpBytes_AS_STRING(str), RpBytes_GET_SIZE(str), str);
    if (RpByteArray_Check(str)) {
        const char *b = ((RpByteArrayObject *)str)->ob_bytes;
        return _RpFloat_FromStringAndSize(b ? b : "", Rp_SIZE(str), str);
    }
    return RpErr_Format(RpExc_TypeError,
                        "float() argument must be a string or a real number, not '%.200s'",
                        Rp_TYPE(str)->tp_name);
}

/* ---- constructor --------------------------------------------------------- */

static RpObject *float_from_object(RpObject *x)
{
    if (RpFloat_CheckExact(x))
        return Rp_NewRef(x);
    if (RpUnicode_Check(x) || RpBytes_Check(x) || RpByteArray_Check(x))
        return RpFloat_FromString(x);
    RpNumberMethods *nb = Rp_TYPE(x)->tp_as_number;
    if ((nb == NULL || (nb->nb_float == NULL && nb->nb_index == NULL)) && !RpFloat_Check(x))
        return RpErr_Format(RpExc_TypeError,
                            "float() argument must be a string or a real number, not '%.200s'",
                            Rp_TYPE(x)->tp_name);
    double v = RpFloat_AsDouble(x);
    if (v == -1.0 && RpErr_Occurred())
        return NULL;
    return RpFloat_FromDouble(v);
}

static RpObject *float_new_impl(RpTypeObject *type, RpObject *const *args, Rp_ssize_t n)
{
    if (n > 1)
        return RpErr_Format(RpExc_TypeError, "float expected at most 1 argument, got %zd", n);
    RpObject *r = n == 0 ? RpFloat_FromDouble(0.0) : float_from_object(args[0]);
    if (r == NULL || type == &RpFloat_Type)
        return r;
    RpObject *sub = float_subtype_from(type, RpFloat_AS_DOUBLE(r));
    Rp_DECREF(r);
    return sub;
}

static RpObject *float_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    if (kwds != NULL && RpDict_GET_SIZE(kwds) > 0) {
        RpErr_SetString(RpExc_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    return float_new_impl(type, ((RpTupleObject *)args)->ob_item, RpTuple_GET_SIZE(args));
}

static RpObject *float_vectorcall(RpObject *type, RpObject *const *args, size_t nargsf,
                                  RpObject *kwnames)
{
    if (kwnames != NULL && RpTuple_GET_SIZE(kwnames) > 0) {
        RpErr_SetString(RpExc_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    return float_new_impl((RpTypeObject *)type, args, RpVectorcall_NARGS(nargsf));
}

/* ---- arithmetic ------------------------------------------------------- */

static RpObject *float_add(RpObject *a, RpObject *b)
{
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    return RpFloat_FromDouble(x + y);
}

static RpObject *float_sub(RpObject *a, RpObject *b)
{
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    return RpFloat_FromDouble(x - y);
}

static RpObject *float_mul(RpObject *a, RpObject *b)
{
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    return RpFloat_FromDouble(x * y);
}

static RpObject *float_div(RpObject *a, RpObject *b)
{
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    if (y == 0.0) {
        RpErr_SetString(RpExc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return RpFloat_FromDouble(x / y);
}

/* Python's modulo: the result has the sign of the divisor. */
static double py_fmod(double x, double y)
{
    double m = fmod(x, y);
    if (m != 0.0) {
        if ((y < 0) != (m < 0))
            m += y;
    } else {
        m = copysign(0.0, y);
    }
    return m;
}

/* floor(x / y) computed from the exact remainder, as CPython does, so
 * that x == q*y + m holds as closely as floating point allows. */
static double py_floordiv(double x, double y, double *mod)
{
    double m = fmod(x, y);
    double div = (x - m) / y;
    if (m != 0.0) {
        if ((y < 0) != (m < 0)) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, y);
    }
    double q;
    if (div != 0.0) {
        q = floor(div);
        if (div - q > 0.5)
            q += 1.0;
    } else {
        q = copysign(0.0, x / y);
    }
    *mod = m;
    return q;
}

static RpObject *float_mod(RpObject *a, RpObject *b)
{
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    if (y == 0.0) {
        RpErr_SetString(RpExc_ZeroDivisionError, "float modulo");
        return NULL;
    }
    return RpFloat_FromDouble(py_fmod(x, y));
}

static RpObject *float_floordiv(RpObject *a, RpObject *b)
{
    double x, y, m;
    CONVERT_BINOP(a, b, x, y);
    if (y == 0.0) {
        RpErr_SetString(RpExc_ZeroDivisionError, "float floor division by zero");
        return NULL;
    }
    return RpFloat_FromDouble(py_floordiv(x, y, &m));
}

static RpObject *float_divmod(RpObject *a, RpObject *b)
{
    double x, y, m;
    CONVERT_BINOP(a, b, x, y);
    if (y == 0.0) {
        RpErr_SetString(RpExc_ZeroDivisionError, "float divmod()");
        return NULL;
    }
    double q = py_floordiv(x, y, &m);
    RpObject *qo = RpFloat_FromDouble(q), *mo = RpFloat_FromDouble(m), *t = NULL;
    if (qo != NULL && mo != NULL)
        t = RpTuple_Pack(2, qo, mo);
    Rp_XDECREF(qo);
    Rp_XDECREF(mo);
    return t;
}

static int is_odd_integer(double w)
{
    return fmod(fabs(w), 2.0) == 1.0;
}

/* x ** y following C99 Annex F plus Python's errors.  1 ok, -1 error. */
static int py_pow(double x, double y, double *out)
{
    if (y == 0.0) { *out = 1.0; return 0; }
    if (isnan(x)) { *out = x; return 0; }
    if (isnan(y)) { *out = x == 1.0 ? 1.0 : y; return 0; }
    if (isinf(y)) {
        double ax = fabs(x);
        *out = ax == 1.0 ? 1.0 : ((ax > 1.0) == (y > 0)) ? fabs(y) : 0.0;
        return 0;
    }
    if (isinf(x)) {
        int odd = is_odd_integer(y);
        *out = y > 0 ? (odd ? x : fabs(x)) : (odd ? copysign(0.0, x) : 0.0);
        return 0;
    }
    if (x == 0.0) {
        if (y < 0.0) {
            RpErr_SetString(RpExc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return -1;
        }
        *out = is_odd_integer(y) ? x : 0.0;
        return 0;
    }
    int negate = 0;
    if (x < 0.0) {
        if (y != floor(y)) {
            /* CPython returns a complex here; refpy has no complex type */
            RpErr_SetString(RpExc_ValueError, "math domain error");
            return -1;
        }
        negate = is_odd_integer(y);
        x = -x;
    }
    if (x == 1.0) {
        *out = negate ? -1.0 : 1.0;
        return 0;
    }
    errno = 0;
    double r = pow(x, y);
    if (isinf(r)) {
        RpErr_SetString(RpExc_OverflowError, "(34, 'Numerical result out of range')");
        return -1;
    }
    *out = negate ? -r : r;
    return 0;
}

static RpObject *float_pow(RpObject *a, RpObject *b, RpObject *c)
{
    double x, y, r;
    if (c != Rp_None) {
        RpErr_SetString(RpExc_TypeError,
                        "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    CONVERT_BINOP(a, b, x, y);
    if (x < 0.0 && isfinite(y) && y != floor(y))
        return _RpComplex_PowFromFloats(x, y);   /* (-8) ** (1/3) is complex */
    if (py_pow(x, y, &r) < 0)
        return NULL;
    return RpFloat_FromDouble(r);
}

static RpObject *float_neg(RpObject *a) { return RpFloat_FromDouble(-RpFloat_AS_DOUBLE(a)); }
static RpObject *float_abs(RpObject *a) { return RpFloat_FromDouble(fabs(RpFloat_AS_DOUBLE(a))); }
static int float_bool(RpObject *a) { return RpFloat_AS_DOUBLE(a) != 0.0; }

static RpObject *float_float(RpObject *a)
{
    if (RpFloat_CheckExact(a))
        return Rp_NewRef(a);
    return RpFloat_FromDouble(RpFloat_AS_DOUBLE(a));
}

static RpObject *float_trunc(RpObject *a, RpObject *unused)
{
    return RpLong_FromDouble(RpFloat_AS_DOUBLE(a));
}

static RpObject *float_int(RpObject *a) { return float_trunc(a, NULL); }

/* ---- comparison ------------------------------------------------------- */

static int cmp_result(int c, int op)
{
    switch (op) {
    case Rp_LT: return c < 0;
    case Rp_LE: return c <= 0;
    case Rp_EQ: return c == 0;
    case Rp_NE: return c != 0;
    case Rp_GT: return c > 0;
    default: return c >= 0;
    }
}

static RpObject *float_richcompare(RpObject *a, RpObject *b, int op)
{
    if (!RpFloat_Check(a))
        Rp_RETURN_NOTIMPLEMENTED;
    double x = RpFloat_AS_DOUBLE(a);
    int c;
    if (RpFloat_Check(b)) {
        double y = RpFloat_AS_DOUBLE(b);
        if (isnan(x) || isnan(y))
            return RpBool_FromLong(op == Rp_NE);
        c = (x > y) - (x < y);
    } else if (RpLong_Check(b)) {
        if (isnan(x))
            return RpBool_FromLong(op == Rp_NE);
        c = -_RpLong_CompareDouble(b, x);   /* exact for ints of any size */
    } else {
        Rp_RETURN_NOTIMPLEMENTED;
    }
    return RpBool_FromLong(cmp_result(c, op));
}

/* ---- hashing ------------------------------------------------------------ */

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)

/* Python's numeric hash of a double: the value reduced modulo 2**61-1,
 * computed 28 bits of mantissa at a time so that hash(x) == hash(int(x))
 * for integral x.  NaN hashes by identity (3.10+). */
Rp_hash_t _Rp_HashDouble(RpObject *inst, double v)
{
    if (!isfinite(v)) {
        if (isinf(v))
            return v > 0 ? 314159 : -314159;
        uintptr_t y = (uintptr_t)inst;
        y = (y >> 4) | (y << (8 * sizeof(y) - 4));
        Rp_hash_t h = (Rp_hash_t)y;
        return h == -1 ? -2 : h;
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;  /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    Rp_hash_t h = (Rp_hash_t)x * sign;
    return h == -1 ? -2 : h;
}

static Rp_hash_t float_hash(RpObject *o) { return _Rp_HashDouble(o, RpFloat_AS_DOUBLE(o)); }

/* ---- methods ----------------------------------------------------------- */

static RpObject *float_is_integer(RpObject *self, RpObject *unused)
{
    double x = RpFloat_AS_DOUBLE(self);
    if (!isfinite(x))
        Rp_RETURN_FALSE;
    return RpBool_FromLong(floor(x) == x);
}

static RpObject *float_conjugate(RpObject *self, RpObject *unused) { return float_float(self); }

static RpObject *float_floor(RpObject *self, RpObject *unused)
{
    return RpLong_FromDouble(floor(RpFloat_AS_DOUBLE(self)));
}

static RpObject *float_ceil(RpObject *self, RpObject *unused)
{
    return RpLong_FromDouble(ceil(RpFloat_AS_DOUBLE(self)));
}

static RpObject *float_as_integer_ratio(RpObject *self, RpObject *unused)
{
    double x = RpFloat_AS_DOUBLE(self);
    if (isinf(x)) {
        RpErr_SetString(RpExc_OverflowError, "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(x)) {
        RpErr_SetString(RpExc_ValueError, "cannot convert NaN to integer ratio");
        return NULL;
    }
    int e;
    double m = frexp(x, &e);
    /* scale the mantissa to an integer (at most 300 doublings) */
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    RpObject *num = RpLong_FromDouble(m), *den = NULL, *shift = NULL, *t = NULL;
    RpObject *one = RpLong_FromLongLong(1);
    if (num == NULL || one == NULL)
        goto done;
    shift = RpLong_FromLongLong(e < 0 ? -e : e);
    if (shift == NULL)
        goto done;
    if (e >= 0) {
        /* num <<= e, denominator 1 */
        Rp_SETREF(num, RpNumber_Lshift(num, shift));
        if (num == NULL)
            goto done;
        den = Rp_NewRef(one);
    } else {
        den = RpNumber_Lshift(one, shift);
        if (den == NULL)
            goto done;
    }
    t = RpTuple_Pack(2, num, den);
done:
    Rp_XDECREF(num);
    Rp_XDECREF(den);
    Rp_XDECREF(shift);
    Rp_XDECREF(one);
    return t;
}

/* round(x, n): x's exact decimal expansion rounded half-to-even at
 * 10**-n (n may be negative), read back as the nearest double. */
static RpObject *round_ndigits(double x, int n)
{
    char d[RP_DTOA_BUFSIZE + 16];
    int nd;
    int exp = RpDtoa_Round(fabs(x), 'f', n, d, &nd);
    double r = 0.0;
    if (nd > 0) {
        const char *end;
        snprintf(d + nd, 16, "e%d", exp - nd + 1);
        r = RpDtoa_Strtod(d, &end);
    }
    if (isinf(r)) {
        RpErr_SetString(RpExc_OverflowError, "rounded value too large to represent");
        return NULL;
    }
    return RpFloat_FromDouble(copysign(r, x));
}

static RpObject *round_half_even(double x)
{
    double r = round(x);
    if (fabs(x - r) == 0.5)
        r = 2.0 * round(x / 2.0);
    return RpLong_FromDouble(r);
}

static RpObject *float_round(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("__round__", nargs, 0, 1))
        return NULL;
    double x = RpFloat_AS_DOUBLE(self);
    if (nargs == 0 || args[0] == Rp_None)
        return round_half_even(x);
    Rp_ssize_t n = RpNumber_AsSsize_t(args[0], NULL);
    if (n == -1 && RpErr_Occurred())
        return NULL;
    if (!isfinite(x) || x == 0.0 || n > 323)
        return RpFloat_FromDouble(x);
    if (n < -308)
        return RpFloat_FromDouble(0.0 * x);
    return round_ndigits(x, (int)n);
}

static RpObject *float_hex(RpObject *self, RpObject *unused)
{
    double x = RpFloat_AS_DOUBLE(self);
    if (!isfinite(x))
        return _RpFloat_Repr(x);
    const char *sign = signbit(x) ? "-" : "";
    x = fabs(x);
    if (x == 0.0)
        return RpUnicode_FromFormat("%s0x0.0p+0", sign);
    int e, lead = 1;
    uint64_t frac;
    frexp(x, &e);   /* x = m * 2**e, 0.5 <= m < 1 */
    if (e - 1 >= DBL_MIN_EXP - 1) {
        e -= 1;
        frac = (uint64_t)ldexp(ldexp(x, -e) - 1.0, 52);
    } else {
        /* subnormal: shown as 0x0.xxxp-1022 */
        lead = 0;
        e = DBL_MIN_EXP - 1;
        frac = (uint64_t)ldexp(x, 52 - e);
    }
    char buf[64];
    snprintf(buf, sizeof buf, "%s0x%d.%013llxp%c%d", sign, lead, (unsigned long long)frac,
             e < 0 ? '-' : '+', e < 0 ? -e : e);
    return RpUnicode_FromString(buf);
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 0x20);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static RpObject *invalid_hex(void)
{
    RpErr_SetString(RpExc_ValueError, "invalid hexadecimal floating-point string");
    return NULL;
}

/* Parse [sign] ['0x'] hexdigits ['.' hexdigits] ['p' [sign] digits] or
 * inf/nan.  Collects up to 64 significant bits and lets ldexp scale;
 * the result is rounded once by the final conversion. */
static RpObject *float_fromhex(RpObject *type, RpObject *arg)
{
    Rp_ssize_t n;
    const char *s = RpUnicode_Check(arg) ? RpUnicode_AsUTF8AndSize(arg, &n) : NULL;
    if (s == NULL)
        return RpErr_Format(RpExc_TypeError, "must be str, not %.200s", Rp_TYPE(arg)->tp_name);
    const char *p = s, *end = s + n;
    while (p < end && is_space((unsigned char)*p))
        p++;
    while (end > p && is_space((unsigned char)end[-1]))
        end--;
    RpObject *r;
    if ((r = _RpFloat_FromStringAndSize(p, end - p, arg)) != NULL) {
        double v = RpFloat_AS_DOUBLE(r);
        if (isfinite(v)) {   /* only inf/nan words are accepted as text */
            Rp_DECREF(r);
            r = NULL;
        }
    }
    if (r == NULL) {
        RpErr_Clear();
        int neg = 0;
        if (p < end && (*p == '+' || *p == '-'))
            neg = *p++ == '-';
        if (end - p >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x')
            p += 2;
        uint64_t mant = 0;
        long exp = 0;
        int ndig = 0, sticky = 0, seen_dot = 0;
        for (; p < end; p++) {
            if (*p == '.' && !seen_dot) {
                seen_dot = 1;
                continue;
            }
            int d = hex_digit(*p);
            if (d < 0)
                break;
            ndig++;
            if (mant >> 58) {          /* enough bits: the rest only rounds */
                sticky |= d != 0;
                if (!seen_dot)
                    exp += 4;
            } else {
                mant = mant * 16 + (uint64_t)d;
                if (seen_dot)
                    exp -= 4;
            }
        }
        if (ndig == 0)
            return invalid_hex();
        if (p < end && (*p | 0x20) == 'p') {
            p++;
            char *e2;
            long pe = strtol(p, &e2, 10);
            if (e2 == p || !is_digit(e2[-1]))
                return invalid_hex();
            p = e2;
            exp += pe;
        }
        if (p != end)
            return invalid_hex();
        mant |= (uint64_t)sticky;
        double v = ldexp((double)mant, (int)(exp > 100000 ? 100000 : exp < -100000 ? -100000 : exp));
        if (isinf(v)) {
            RpErr_SetString(RpExc_OverflowError,
                            "hexadecimal value too large to represent as a float");
            return NULL;
        }
        r = RpFloat_FromDouble(neg ? -v : v);
        if (r == NULL)
            return NULL;
    }
    if ((RpTypeObject *)type == &RpFloat_Type)
        return r;
    RpObject *sub = RpObject_CallOneArg(type, r);
    Rp_DECREF(r);
    return sub;
}

static RpObject *float_getnewargs(RpObject *self, RpObject *unused)
{
    RpObject *f = float_float(self);
    if (f == NULL)
        return NULL;
    RpObject *t = RpTuple_Pack(1, f);
    Rp_DECREF(f);
    return t;
}

static RpObject *float_getformat(RpObject *type, RpObject *arg)
{
    if (!RpUnicode_Check(arg))
        return RpErr_Format(RpExc_TypeError,
                            "__getformat__() argument must be str, not %.200s",
                            Rp_TYPE(arg)->tp_name);
    if (!_RpUnicode_EqualToASCIIString(arg, "double") &&
        !_RpUnicode_EqualToASCIIString(arg, "float")) {
        RpErr_SetString(RpExc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
        return NULL;
    }
    return RpUnicode_FromString("IEEE, little-endian");
}

static RpObject *float_get_real(RpObject *self, void *c) { return float_float(self); }
static RpObject *float_get_imag(RpObject *self, void *c) { return RpFloat_FromDouble(0.0); }

static RpMethodDef float_methods[] = {
    {"conjugate", float_conjugate, RP_METH_NOARGS, "Return self, the complex conjugate of any float."},
    {"__trunc__", float_trunc, RP_METH_NOARGS, "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor, RP_METH_NOARGS, "Return the floor as an Integral."},
    {"__ceil__", float_ceil, RP_METH_NOARGS, "Return the ceiling as an Integral."},
    {"__round__", (RpCFunction)(void (*)(void))float_round, RP_METH_FASTCALL,
     "Return the Integral closest to x, rounding half toward even."},
    {"as_integer_ratio", float_as_integer_ratio, RP_METH_NOARGS,
     "Return integer ratio."},
    {"fromhex", float_fromhex, RP_METH_O | RP_METH_CLASS,
     "Create a floating-point number from a hexadecimal string."},
    {"hex", float_hex, RP_METH_NOARGS, "Return a hexadecimal representation of a floating-point number."},
    {"is_integer", float_is_integer, RP_METH_NOARGS, "Return True if the float is an integer."},
    {"__getnewargs__", float_getnewargs, RP_METH_NOARGS, NULL},
    {"__getformat__", float_getformat, RP_METH_O | RP_METH_CLASS,
     "You probably don't want to use this function."},
    {"__format__", float_format, RP_METH_O, "Formats the float according to format_spec."},
    {NULL, NULL, 0, NULL}
};

static RpGetSetDef float_getset[] = {
    {"real", float_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static RpNumberMethods float_as_number = {
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_mod,
    .nb_divmod = float_divmod,
    .nb_power = float_pow,
    .nb_negative = float_neg,
    .nb_positive = float_float,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_int,
    .nb_float = float_float,
    .nb_floor_divide = float_floordiv,
    .nb_true_divide = float_div,
};

RpTypeObject RpFloat_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "float",
    .tp_basicsize = sizeof(RpFloatObject),
    .tp_dealloc = float_dealloc,
    .tp_as_number = &float_as_number,
    .tp_hash = float_hash,
    .tp_repr = float_repr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_BASETYPE,
    .tp_doc = "Convert a string or number to a floating point number, if possible.",
    .tp_richcompare = float_richcompare,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_new = float_new,
    .tp_free = RpObject_Free,
    .tp_vectorcall = float_vectorcall,
};
