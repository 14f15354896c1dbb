/* unicode_format.c -- string formatting: the format-spec mini-language
 * (parser and padding shared with int/float __format__), str.__format__,
 * `format % args`, str.format / format_map, and RpUnicode_FromFormat.
 */
#include "rp.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* ==== the format-spec mini-language ===================================== */

static int is_align(int c)
{
    return c == '<' || c == '>' || c == '^' || c == '=';
}

static void spec_defaults(RpFormatSpec *f)
{
    f->fill = ' ';
    f->align = 0;
    f->sign = 0;
    f->alternate = 0;
    f->zero_pad = 0;
    f->no_neg_zero = 0;
    f->width = -1;
    f->grouping = 0;
    f->precision = -1;
    f->type = 0;
}

/* Decimal digits at s[*i]; -1 absent, -2 overflow (ValueError set). */
static Rp_ssize_t parse_number(const char *s, Rp_ssize_t n, Rp_ssize_t *i)
{
    Rp_ssize_t v = -1;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
        int d = s[*i] - '0';
        if (v < 0)
            v = 0;
        if (v > (PTRDIFF_MAX - d) / 10) {
            RpErr_SetString(RpExc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        v = v * 10 + d;
        (*i)++;
    }
    return v;
}

static int comma_and_underscore(void)
{
    RpErr_SetString(RpExc_ValueError, "Cannot specify both ',' and '_'.");
    return -1;
}

/* ',' and '_' only combine with the numeric presentation types. */
static int check_grouping(const RpFormatSpec *f)
{
    switch (f->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        return 0;
    case 'b': case 'o': case 'x': case 'X':
        if (f->grouping == '_')
            return 0;
        /* fall through */
    default:
        if (f->type > 32 && f->type < 127)
            RpErr_Format(RpExc_ValueError, "Cannot specify '%c' with '%c'.", f->grouping, f->type);
        else
            RpErr_Format(RpExc_ValueError, "Cannot specify '%c' with '\\x%x'.", f->grouping,
                         (unsigned int)(unsigned char)f->type);
        return -1;
    }
}

static int parse_fill_align(const char *s, Rp_ssize_t n, Rp_ssize_t *i, RpFormatSpec *f,
                            int *fill_given)
{
    Rp_ssize_t j = 0;
    int first = n > 0 ? _RpUTF8_Next(s, &j) : 0;
    if (j < n && is_align((unsigned char)s[j])) {
        f->fill = first;
        f->align = s[j];
        *fill_given = 1;
        *i = j + 1;
    } else if (n > 0 && is_align(first)) {
        f->align = (char)first;
        *i = 1;
    }
    return 0;
}

static int spec_parse(RpObject *spec, RpFormatSpec *f, RpObject *obj)
{
    spec_defaults(f);
    if (spec == NULL)
        return 0;
    const char *s = RpUnicode_UTF8(spec);
    Rp_ssize_t n = RpUnicode_UTF8_SIZE(spec), i = 0;
    int fill_given = 0;
    parse_fill_align(s, n, &i, f, &fill_given);
    if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' '))
        f->sign = s[i++];
    if (i < n && s[i] == 'z') {
        f->no_neg_zero = 1;
        i++;
    }
    if (i < n && s[i] == '#') {
        f->alternate = 1;
        i++;
    }
    if (i < n && s[i] == '0') {
        f->zero_pad = 1;
        if (!fill_given)
            f->fill = '0';
        i++;
    }
    f->width = parse_number(s, n, &i);
    if (f->width == -2)
        return -1;
    if (i < n && s[i] == ',') {
        f->grouping = ',';
        i++;
    }
    if (i < n && s[i] == '_') {
        if (f->grouping)
            return comma_and_underscore();
        f->grouping = '_';
        i++;
    }
    if (i < n && s[i] == ',') {
        if (f->grouping == '_')
            return comma_and_underscore();
        RpErr_SetString(RpExc_ValueError, "Cannot specify ',' with ','.");
        return -1;
    }
    if (i < n && s[i] == '.') {
        i++;
        f->precision = parse_number(s, n, &i);
        if (f->precision == -2)
            return -1;
        if (f->precision == -1) {
            RpErr_SetString(RpExc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (n - i > 1 || (n - i == 1 && (unsigned char)s[i] >= 0x80)) {
        if (obj != NULL)
            RpErr_Format(RpExc_ValueError,
                         "Invalid format specifier '%U' for object of type '%.200s'", spec,
                         Rp_TYPE(obj)->tp_name);
        else
            RpErr_Format(RpExc_ValueError, "Invalid format specifier '%U'", spec);
        return -1;
    }
    if (n - i == 1)
        f->type = s[i];
    if (f->grouping && check_grouping(f) < 0)
        return -1;
    return 0;
}

int _RpFormatSpec_Parse(RpObject *spec, RpFormatSpec *f)
{
    return spec_parse(spec, f, NULL);
}

int _RpFormatSpec_ParseFor(RpObject *spec, RpFormatSpec *f, RpObject *obj)
{
    return spec_parse(spec, f, obj);
}

RpObject *_RpFormatSpec_Pad(const RpFormatSpec *f, const char *body, Rp_ssize_t body_len,
                            Rp_ssize_t sign_len, char default_align)
{
    Rp_ssize_t len = _RpUTF8_Count(body, body_len);
    Rp_ssize_t width = f->width;
    if (width <= len)
        return RpUnicode_FromStringAndSize(body, body_len);
    char align = f->align ? f->align
                 : (f->zero_pad && default_align == '>') ? '=' : default_align;
    Rp_ssize_t padn = width - len, left = 0, right = 0;
    switch (align) {
    case '<': right = padn; break;
    case '^': left = padn / 2; right = padn - left; break;
    default: left = padn; break;
    }
    if (align != '=')
        sign_len = 0;
    char fb[4];
    int fl = _RpUTF8_Write(fb, f->fill);
    RpObject *r = _RpUnicode_New(body_len + (left + right) * fl);
    if (r == NULL)
        return NULL;
    char *p = RpUnicode_UTF8(r);
    memcpy(p, body, (size_t)sign_len);
    p += sign_len;
    for (Rp_ssize_t k = 0; k < left; k++, p += fl)
        memcpy(p, fb, (size_t)fl);
    memcpy(p, body + sign_len, (size_t)(body_len - sign_len));
    p += body_len - sign_len;
    for (Rp_ssize_t k = 0; k < right; k++, p += fl)
        memcpy(p, fb, (size_t)fl);
    return _RpUnicode_Finish(r);
}

/* The checks str.__format__ makes, in CPython's order. */
static int check_str_spec(const RpFormatSpec *f)
{
    const char *msg = NULL;
    if (f->type != 0 && f->type != 's') {
        RpErr_Format(RpExc_ValueError, "Unknown format code '%c' for object of type 'str'",
                     f->type);
        return -1;
    }
    if (f->grouping) {
        RpErr_Format(RpExc_ValueError, "Cannot specify '%c' with 's'.", f->grouping);
        return -1;
    }
    if (f->sign == ' ')
        msg = "Space not allowed in string format specifier";
    else if (f->sign)
        msg = "Sign not allowed in string format specifier";
    else if (f->no_neg_zero)
        msg = "Negative zero coercion (z) not allowed in string format specifier";
    else if (f->alternate)
        msg = "Alternate form (#) not allowed in string format specifier";
    else if (f->align == '=')
        msg = "'=' alignment not allowed in string format specifier";
    if (msg != NULL) {
        RpErr_SetString(RpExc_ValueError, msg);
        return -1;
    }
    return 0;
}

RpObject *_RpUnicode_FormatSpec(RpObject *s, RpObject *spec)
{
    if (spec == NULL || RpUnicode_UTF8_SIZE(spec) == 0) {
        if (RpUnicode_CheckExact(s))
            return Rp_NewRef(s);
        return RpUnicode_FromStringAndSize(RpUnicode_UTF8(s), RpUnicode_UTF8_SIZE(s));
    }
    RpFormatSpec f;
    if (_RpFormatSpec_ParseFor(spec, &f, s) < 0 || check_str_spec(&f) < 0)
        return NULL;
    Rp_ssize_t n = RpUnicode_UTF8_SIZE(s);
    if (f.precision >= 0 && f.precision < RpUnicode_GET_LENGTH(s))
        n = _RpUnicode_Offset(s, f.precision);
    return _RpFormatSpec_Pad(&f, RpUnicode_UTF8(s), n, 0, '<');
}

/* ==== RpUnicode_FromFormat =============================================== */

/* Append text (n bytes) with printf-style width/precision (precision in
 * code points). */
static void append_field(RpStrBuf *b, const char *s, Rp_ssize_t n, int width, int prec)
{
    if (prec >= 0) {
        Rp_ssize_t i = 0, k = 0;
        while (i < n && k < prec) {
            _RpUTF8_Next(s, &i);
            k++;
        }
        n = i;
    }
    Rp_ssize_t len = _RpUTF8_Count(s, n);
    for (Rp_ssize_t k = len; k < width; k++)
        RpStrBuf_AppendChar(b, ' ');
    RpStrBuf_Append(b, s, n);
}

static void append_object(RpStrBuf *b, RpObject *o, int width, int prec)
{
    if (o == NULL) {
        b->error = 1;
        return;
    }
    append_field(b, RpUnicode_UTF8(o), RpUnicode_UTF8_SIZE(o), width, prec);
}

/* A formatted integer; the '0' flag ("%02x") pads with zeros after the sign. */
static void append_number(RpStrBuf *b, const char *s, int width, int zero)
{
    Rp_ssize_t n = (Rp_ssize_t)strlen(s);
    if (!zero || n >= width) {
        append_field(b, s, n, width, -1);
        return;
    }
    int neg = s[0] == '-';
    if (neg)
        RpStrBuf_AppendChar(b, '-');
    for (Rp_ssize_t k = n; k < width; k++)
        RpStrBuf_AppendChar(b, '0');
    RpStrBuf_Append(b, s + neg, n - neg);
}

/* One conversion starting after '%'; returns the pointer past it. */
static const char *format_one(RpStrBuf *b, const char *f, va_list *va)
{
    int width = 0, prec = -1, lng = 0, size_t_mod = 0, zero = 0;
    char tmp[64];
    if (*f == '0') {
        zero = 1;
        f++;
    }
    while (*f >= '0' && *f <= '9')
        width = width * 10 + (*f++ - '0');
    if (*f == '.') {
        f++;
        prec = 0;
        while (*f >= '0' && *f <= '9')
            prec = prec * 10 + (*f++ - '0');
    }
    if (*f == 'l') {
        lng = 1;
        if (*++f == 'l') {
            lng = 2;
            f++;
        }
    } else if (*f == 'z') {
        size_t_mod = 1;
        f++;
    }
    switch (*f) {
    case 'd': case 'i':
        if (lng == 2)
            snprintf(tmp, sizeof tmp, "%lld", va_arg(*va, long long));
        else if (lng == 1)
            snprintf(tmp, sizeof tmp, "%ld", va_arg(*va, long));
        else if (size_t_mod)
            snprintf(tmp, sizeof tmp, "%zd", va_arg(*va, Rp_ssize_t));
        else
            snprintf(tmp, sizeof tmp, "%d", va_arg(*va, int));
        append_number(b, tmp, width, zero);
        break;
    case 'u': case 'x':
        if (lng == 2)
            snprintf(tmp, sizeof tmp, *f == 'u' ? "%llu" : "%llx", va_arg(*va, unsigned long long));
        else if (lng == 1)
            snprintf(tmp, sizeof tmp, *f == 'u' ? "%lu" : "%lx", va_arg(*va, unsigned long));
        else if (size_t_mod)
            snprintf(tmp, sizeof tmp, *f == 'u' ? "%zu" : "%zx", va_arg(*va, size_t));
        else
            snprintf(tmp, sizeof tmp, *f == 'u' ? "%u" : "%x", va_arg(*va, unsigned int));
        append_number(b, tmp, width, zero);
        break;
    case 'c':
        RpStrBuf_AppendCodePoint(b, va_arg(*va, int));
        break;
    case 'p':
        snprintf(tmp, sizeof tmp, "%p", va_arg(*va, void *));
        append_field(b, tmp, (Rp_ssize_t)strlen(tmp), width, -1);
        break;
    case 's': {
        const char *s = va_arg(*va, const char *);
        if (s == NULL)
            s = "(null)";
        append_field(b, s, (Rp_ssize_t)strlen(s), width, prec);
        break;
    }
    case 'U':
        append_object(b, va_arg(*va, RpObject *), width, prec);
        break;
    case 'S': case 'R': case 'A': {
        RpObject *o = va_arg(*va, RpObject *);
        RpObject *t = *f == 'S' ? RpObject_Str(o) : *f == 'R' ? RpObject_Repr(o) : RpObject_ASCII(o);
        append_object(b, t, width, prec);
        Rp_XDECREF(t);
        break;
    }
    case 'T': {
        RpObject *o = va_arg(*va, RpObject *);
        const char *name = Rp_TYPE(o)->tp_name;
        append_field(b, name, (Rp_ssize_t)strlen(name), width, prec);
        break;
    }
    case '%':
        RpStrBuf_AppendChar(b, '%');
        break;
    default:
        /* Unknown code: copy the rest verbatim, like CPython. */
        RpStrBuf_AppendStr(b, f);
        return f + strlen(f);
    }
    return f + 1;
}

RpObject *RpUnicode_FromFormatV(const char *fmt, va_list va)
{
    RpStrBuf b;
    va_list ap;
    RpStrBuf_Init(&b);
    va_copy(ap, va);
    const char *f = fmt;
    while (*f) {
        const char *pct = strchr(f, '%');
        if (pct == NULL) {
            RpStrBuf_AppendStr(&b, f);
            break;
        }
        RpStrBuf_Append(&b, f, pct - f);
        f = format_one(&b, pct + 1, &ap);
        if (b.error)
            break;
    }
    va_end(ap);
    if (b.error) {
        RpStrBuf_Discard(&b);
        return NULL;
    }
    return RpStrBuf_Finish(&b);
}

RpObject *RpUnicode_FromFormat(const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    RpObject *r = RpUnicode_FromFormatV(fmt, va);
    va_end(va);
    return r;
}

/* ==== format % args ======================================================== */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef RpFmtArgs FmtArgs;

void _RpFmtArgs_Init(RpFmtArgs *a, RpObject *args, int is_mapping)
{
    a->args = args;
    a->argidx = 0;
    a->arglen = RpTuple_Check(args) ? RpTuple_GET_SIZE(args) : -1;
    a->dict = is_mapping ? args : NULL;
    a->used_single = 0;
    a->owned = NULL;
}

int _RpFmtArgs_Unused(const RpFmtArgs *a)
{
    return a->dict == NULL && ((a->arglen >= 0 && a->argidx < a->arglen) ||
                               (a->arglen < 0 && !a->used_single));
}

void _RpFmtArgs_Fini(RpFmtArgs *a)
{
    Rp_CLEAR(a->owned);
}

/* Borrowed next argument or NULL with TypeError. */
RpObject *_RpFmtArgs_Next(RpFmtArgs *a)
{
    if (a->arglen < 0) {
        if (!a->used_single) {
            a->used_single = 1;
            return a->args;
        }
    } else if (a->argidx < a->arglen)
        return RpTuple_GET_ITEM(a->args, a->argidx++);
    RpErr_SetString(RpExc_TypeError, "not enough arguments for format string");
    return NULL;
}

/* Pad `body` to width; zero padding goes after the sign/prefix. */
static int emit_padded(RpStrBuf *b, const char *body, Rp_ssize_t n, Rp_ssize_t prefix,
                       int flags, Rp_ssize_t width)
{
    Rp_ssize_t len = _RpUTF8_Count(body, n);
    Rp_ssize_t padn = width > len ? width - len : 0;
    if (flags & F_LJUST) {
        RpStrBuf_Append(b, body, n);
        while (padn-- > 0)
            RpStrBuf_AppendChar(b, ' ');
        return b->error ? -1 : 0;
    }
    if (flags & F_ZERO) {
        RpStrBuf_Append(b, body, prefix);
        while (padn-- > 0)
            RpStrBuf_AppendChar(b, '0');
        RpStrBuf_Append(b, body + prefix, n - prefix);
        return b->error ? -1 : 0;
    }
    while (padn-- > 0)
        RpStrBuf_AppendChar(b, ' ');
    RpStrBuf_Append(b, body, n);
    return b->error ? -1 : 0;
}

static int has_number_slots(RpObject *v)
{
    RpNumberMethods *nb = Rp_TYPE(v)->tp_as_number;
    return nb != NULL && (nb->nb_index || nb->nb_int || nb->nb_float);
}

/* Decimal digits of v into buf (at least 21 bytes); returns the length. */
static int int64_to_decimal(int64_t v, char *buf)
{
    char tmp[24];
    int n = 0;
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[n++] = (char)('0' + m % 10);
        m /= 10;
    } while (m != 0);
    int len = 0;
    if (v < 0)
        buf[len++] = '-';
    while (n > 0)
        buf[len++] = tmp[--n];
    return len;
}

/* %d %i %u %x %X %o */
static int format_int(RpStrBuf *b, RpObject *v, char c, int flags, Rp_ssize_t width,
                      Rp_ssize_t prec)
{
    RpObject *iobj;
    int64_t iv;
    if (c == 'd' && flags == 0 && width < 0 && prec < 0 && RpLong_CheckExact(v) &&
        _RpLong_AsInt64(v, &iv)) {
        /* plain "%d" of a machine-sized int, the common case: digits
         * straight into the buffer, no temporary str */
        char buf[24];
        RpStrBuf_Append(b, buf, int64_to_decimal(iv, buf));
        return b->error ? -1 : 0;
    }
    if (RpLong_Check(v))
        iobj = Rp_NewRef(v);
    else {
        iobj = NULL;
        if (has_number_slots(v))
            iobj = (c == 'x' || c == 'X' || c == 'o') ? RpNumber_Index(v) : RpNumber_Long(v);
        if (iobj == NULL) {
            if (has_number_slots(v) && !RpErr_ExceptionMatches(RpExc_TypeError))
                return -1;
            RpErr_Clear();
            RpErr_Format(RpExc_TypeError, "%%%c format: %s is required, not %.200s", c,
                         (c == 'x' || c == 'X' || c == 'o') ? "an integer" : "a real number",
                         Rp_TYPE(v)->tp_name);
            return -1;
        }
    }
    int base = c == 'o' ? 8 : (c == 'x' || c == 'X') ? 16 : 10;
    RpObject *digits = _RpLong_Format(iobj, base);
    Rp_DECREF(iobj);
    if (digits == NULL)
        return -1;
    const char *d = RpUnicode_UTF8(digits);
    int neg = d[0] == '-';
    if (neg)
        d++;
    if (base != 10 && d[0] == '0' && (d[1] == 'x' || d[1] == 'o'))
        d += 2;
    Rp_ssize_t nd = (Rp_ssize_t)strlen(d);
    RpStrBuf body;
    RpStrBuf_Init(&body);
    if (neg)
        RpStrBuf_AppendChar(&body, '-');
    else if (flags & F_SIGN)
        RpStrBuf_AppendChar(&body, '+');
    else if (flags & F_BLANK)
        RpStrBuf_AppendChar(&body, ' ');
    if ((flags & F_ALT) && base != 10)
        RpStrBuf_AppendStr(&body, c == 'o' ? "0o" : c == 'x' ? "0x" : "0X");
    Rp_ssize_t prefix = body.len;
    for (Rp_ssize_t k = nd; k < prec; k++)
        RpStrBuf_AppendChar(&body, '0');
    for (Rp_ssize_t k = 0; k < nd; k++)
        RpStrBuf_AppendChar(&body, c == 'X' && d[k] >= 'a' ? (char)(d[k] - 32) : d[k]);
    Rp_DECREF(digits);
    int r = body.error ? -1 : emit_padded(b, body.buf, body.len, prefix, flags, width);
    RpStrBuf_Discard(&body);
    return r;
}

/* %e %E %f %F %g %G */
static int format_float(RpStrBuf *b, RpObject *v, char c, int flags, Rp_ssize_t width,
                        Rp_ssize_t prec)
{
    double x;
    if (RpFloat_Check(v))
        x = RpFloat_AS_DOUBLE(v);
    else {
        if (!has_number_slots(v)) {
            RpErr_Format(RpExc_TypeError, "must be real number, not %.200s", Rp_TYPE(v)->tp_name);
            return -1;
        }
        x = RpFloat_AsDouble(v);
        if (x == -1.0 && RpErr_Occurred())
            return -1;
    }
    char lower = (char)(c | 32);
    int dflags = ((flags & F_ALT) ? RP_DTOA_ALT : 0) | ((flags & F_SIGN) ? RP_DTOA_SIGN : 0);
    char *s = _RpFloat_FormatDouble(x, lower, prec < 0 ? 6 : (int)prec, dflags);
    if (s == NULL)
        return -1;
    RpStrBuf body;
    RpStrBuf_Init(&body);
    if ((flags & F_BLANK) && !(flags & F_SIGN) && s[0] != '-')
        RpStrBuf_AppendChar(&body, ' ');
    for (char *p = s; *p; p++)
        RpStrBuf_AppendChar(&body, (c != lower && *p >= 'a' && *p <= 'z') ? (char)(*p - 32) : *p);
    RpMem_Free(s);
    Rp_ssize_t prefix = body.len > 0 && (body.buf[0] == '-' || body.buf[0] == '+' || body.buf[0] == ' ');
    int r = body.error ? -1 : emit_padded(b, body.buf, body.len, prefix, flags, width);
    RpStrBuf_Discard(&body);
    return r;
}

static int format_char(RpStrBuf *b, RpObject *v, int flags, Rp_ssize_t width)
{
    char tmp[4];
    int n;
    if (RpUnicode_Check(v)) {
        if (RpUnicode_GET_LENGTH(v) != 1)
            goto wrong;
        return emit_padded(b, RpUnicode_UTF8(v), RpUnicode_UTF8_SIZE(v), 0, flags & F_LJUST,
                           width);
    }
    if (!RpIndex_Check(v))
        goto wrong;
    long cp = RpLong_AsLong(v);
    if (cp == -1 && RpErr_Occurred()) {
        if (!RpErr_ExceptionMatches(RpExc_OverflowError))
            return -1;
        RpErr_Clear();
        cp = -1;
    }
    if (cp < 0 || cp > 0x10FFFF) {
        RpErr_SetString(RpExc_OverflowError, "%c arg not in range(0x110000)");
        return -1;
    }
    n = _RpUTF8_Write(tmp, (int)cp);
    return emit_padded(b, tmp, n, 0, flags & F_LJUST, width);
wrong:
    RpErr_SetString(RpExc_TypeError, "%c requires int or char");
    return -1;
}

/* %s %r %a */
static int format_text(RpStrBuf *b, RpObject *v, char c, int flags, Rp_ssize_t width,
                       Rp_ssize_t prec)
{
    RpObject *t = c == 's' ? RpObject_Str(v) : c == 'r' ? RpObject_Repr(v) : RpObject_ASCII(v);
    if (t == NULL)
        return -1;
    Rp_ssize_t n = RpUnicode_UTF8_SIZE(t);
    if (prec >= 0 && prec < RpUnicode_GET_LENGTH(t))
        n = _RpUnicode_Offset(t, prec);
    int r = emit_padded(b, RpUnicode_UTF8(t), n, 0, flags & F_LJUST, width);
    Rp_DECREF(t);
    return r;
}

/* '*' width/precision: an int argument. */
int _RpFmtArgs_Star(RpFmtArgs *a, Rp_ssize_t *out)
{
    RpObject *v = _RpFmtArgs_Next(a);
    if (v == NULL)
        return -1;
    if (!RpLong_Check(v)) {
        RpErr_SetString(RpExc_TypeError, "* wants int");
        return -1;
    }
    *out = RpLong_AsSsize_t(v);
    return (*out == -1 && RpErr_Occurred()) ? -1 : 0;
}

/* %(key): like CPython, the looked-up value replaces the argument list
 * as a single unused argument, so '*' and the conversion itself both draw
 * from it ("%(a)*d" % {'a': 1} runs out) and a later plain %s finds it
 * used ("%(a)s %s" % {'a': 1} is "not enough arguments"). */
int _RpFmtArgs_Key(RpFmtArgs *a, RpObject *key)
{
    if (a->dict == NULL) {
        RpErr_SetString(RpExc_TypeError, "format requires a mapping");
        return -1;
    }
    RpObject *v = RpObject_GetItem(a->dict, key);
    if (v == NULL)
        return -1;
    Rp_XSETREF(a->owned, v);
    a->args = v;
    a->arglen = -1;
    a->used_single = 0;
    return 0;
}

/* The value for a conversion (new reference). */
static RpObject *get_value(FmtArgs *a)
{
    RpObject *v = _RpFmtArgs_Next(a);
    return v ? Rp_NewRef(v) : NULL;
}

typedef struct {
    int flags;
    Rp_ssize_t width, prec;
    const char *key;
    Rp_ssize_t keylen;
} ConvSpec;

/* Parse "(key)flags width .prec [hlL]" at s[*i]; 0 / -1. */
static int parse_conv(const char *s, Rp_ssize_t n, Rp_ssize_t *i, FmtArgs *a, ConvSpec *cs)
{
    cs->flags = 0;
    cs->width = -1;
    cs->prec = -1;
    cs->key = NULL;
    if (*i < n && s[*i] == '(') {
        Rp_ssize_t depth = 1, start = ++*i;
        while (*i < n && depth > 0) {
            if (s[*i] == '(')
                depth++;
            else if (s[*i] == ')')
                depth--;
            ++*i;
        }
        if (depth > 0) {
            RpErr_SetString(RpExc_ValueError, "incomplete format key");
            return -1;
        }
        cs->key = s + start;
        cs->keylen = *i - 1 - start;
        RpObject *k = RpUnicode_FromStringAndSize(cs->key, cs->keylen);
        int kr = k ? _RpFmtArgs_Key(a, k) : -1;
        Rp_XDECREF(k);
        if (kr < 0)
            return -1;
    }
    for (; *i < n; ++*i) {
        char c = s[*i];
        int fl = c == '-' ? F_LJUST : c == '+' ? F_SIGN : c == ' ' ? F_BLANK
                 : c == '#' ? F_ALT : c == '0' ? F_ZERO : 0;
        if (!fl)
            break;
        cs->flags |= fl;
    }
    if (*i < n && s[*i] == '*') {
        ++*i;
        if (_RpFmtArgs_Star(a, &cs->width) < 0)
            return -1;
        if (cs->width < 0) {
            cs->flags |= F_LJUST;
            cs->width = -cs->width;
        }
    } else {
        while (*i < n && s[*i] >= '0' && s[*i] <= '9')
            cs->width = (cs->width < 0 ? 0 : cs->width * 10) + (s[(*i)++] - '0');
    }
    if (*i < n && s[*i] == '.') {
        ++*i;
        cs->prec = 0;
        if (*i < n && s[*i] == '*') {
            ++*i;
            if (_RpFmtArgs_Star(a, &cs->prec) < 0)
                return -1;
            if (cs->prec < 0)
                cs->prec = 0;
        } else {
            while (*i < n && s[*i] >= '0' && s[*i] <= '9')
                cs->prec = cs->prec * 10 + (s[(*i)++] - '0');
        }
    }
    if (*i < n && (s[*i] == 'h' || s[*i] == 'l' || s[*i] == 'L'))
        ++*i;
    if (*i >= n) {
        RpErr_SetString(RpExc_ValueError, "incomplete format");
        return -1;
    }
    return 0;
}

static int convert_one(RpStrBuf *b, RpObject *v, char c, ConvSpec *cs, Rp_ssize_t at)
{
    if (cs->flags & F_LJUST)
        cs->flags &= ~F_ZERO;
    switch (c) {
    case 's': case 'r': case 'a':
        return format_text(b, v, c, cs->flags, cs->width, cs->prec);
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
        return format_int(b, v, c == 'i' || c == 'u' ? 'd' : c, cs->flags, cs->width, cs->prec);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        return format_float(b, v, c, cs->flags, cs->width, cs->prec);
    case 'c':
        return format_char(b, v, cs->flags, cs->width);
    default:
        RpErr_Format(RpExc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                     (c >= 32 && c <= 126) ? c : '?', (unsigned int)(unsigned char)c, at);
        return -1;
    }
}

/* The message names the int/float type in %d's "%d format" text
 * correctly only for 'd'; 'i' and 'u' report their own letter. */
static int convert_dispatch(RpStrBuf *b, RpObject *v, char c, ConvSpec *cs, Rp_ssize_t at)
{
    if (c == 'i' || c == 'u') {
        int r = convert_one(b, v, c, cs, at);
        if (r < 0 && RpErr_ExceptionMatches(RpExc_TypeError) && !RpLong_Check(v)
            && !has_number_slots(v)) {
            RpErr_Clear();
            RpErr_Format(RpExc_TypeError, "%%%c format: a real number is required, not %.200s",
                         c, Rp_TYPE(v)->tp_name);
        }
        return r;
    }
    return convert_one(b, v, c, cs, at);
}

RpObject *RpUnicode_Format(RpObject *format, RpObject *args)
{
    const char *s = RpUnicode_UTF8(format);
    Rp_ssize_t n = RpUnicode_UTF8_SIZE(format), i = 0;
    FmtArgs a;
    _RpFmtArgs_Init(&a, args, RpMapping_Check(args) && !RpTuple_Check(args) &&
                                  !RpUnicode_Check(args));
    RpStrBuf b;
    RpStrBuf_Init(&b);
    while (i < n) {
        const char *pct = memchr(s + i, '%', (size_t)(n - i));
        if (pct == NULL) {
            RpStrBuf_Append(&b, s + i, n - i);
            break;
        }
        RpStrBuf_Append(&b, s + i, pct - (s + i));
        i = pct - s + 1;
        if (i < n && s[i] == '%') {
            RpStrBuf_AppendChar(&b, '%');
            i++;
            continue;
        }
        ConvSpec cs;
        if (parse_conv(s, n, &i, &a, &cs) < 0)
            goto error;
        RpObject *v = get_value(&a);
        if (v == NULL)
            goto error;
        Rp_ssize_t at = _RpUTF8_Count(s, i);
        Rp_ssize_t k = i;
        int c = _RpUTF8_Next(s, &k);
        int r = c < 128 ? convert_dispatch(&b, v, (char)c, &cs, at) : -1;
        if (c >= 128)
            RpErr_Format(RpExc_ValueError, "unsupported format character '?' (0x%x) at index %zd",
                         (unsigned int)c, at);
        Rp_DECREF(v);
        if (r < 0)
            goto error;
        i = k;
    }
    if (_RpFmtArgs_Unused(&a)) {
        RpErr_SetString(RpExc_TypeError, "not all arguments converted during string formatting");
        goto error;
    }
    _RpFmtArgs_Fini(&a);
    return RpStrBuf_Finish(&b);
error:
    _RpFmtArgs_Fini(&a);
    RpStrBuf_Discard(&b);
    return NULL;
}

/* ==== str.format ============================================================ */

typedef struct {
    RpObject *args;      /* tuple or NULL (format_map) */
    RpObject *kwargs;    /* dict, mapping, or NULL */
    int auto_state;      /* 0 unknown, 1 automatic, 2 manual */
    Rp_ssize_t auto_next;
    int is_map;
} FmtCtx;

static int render(RpStrBuf *out, FmtCtx *ctx, const char *s, Rp_ssize_t n, int depth);

static int all_digits(const char *s, Rp_ssize_t n, Rp_ssize_t *value)
{
    if (n == 0)
        return 0;
    Rp_ssize_t v = 0;
    for (Rp_ssize_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        if (v > (PTRDIFF_MAX - 9) / 10)
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *value = v;
    return 1;
}

/* The object named by the first part of a field name (new ref). */
static RpObject *lookup_first(FmtCtx *ctx, const char *s, Rp_ssize_t n)
{
    Rp_ssize_t index;
    int numeric = all_digits(s, n, &index);
    if (n == 0) {
        if (ctx->auto_state == 2) {
            RpErr_SetString(RpExc_ValueError,
                            "cannot switch from manual field specification to automatic field numbering");
            return NULL;
        }
        ctx->auto_state = 1;
        index = ctx->auto_next++;
        numeric = 1;
    } else if (numeric) {
        if (ctx->auto_state == 1) {
            RpErr_SetString(RpExc_ValueError,
                            "cannot switch from automatic field numbering to manual field specification");
            return NULL;
        }
        ctx->auto_state = 2;
    }
    if (numeric) {
        if (ctx->is_map) {
            RpErr_SetString(RpExc_ValueError, "Format string contains positional fields");
            return NULL;
        }
        if (ctx->args == NULL || index >= RpTuple_GET_SIZE(ctx->args)) {
            RpErr_Format(RpExc_IndexError,
                         "Replacement index %zd out of range for positional args tuple", index);
            return NULL;
        }
        return Rp_NewRef(RpTuple_GET_ITEM(ctx->args, index));
    }
    RpObject *key = RpUnicode_FromStringAndSize(s, n);
    if (key == NULL)
        return NULL;
    RpObject *v = NULL;
    if (ctx->kwargs == NULL)
        RpErr_SetObject(RpExc_KeyError, key);
    else if (ctx->is_map)
        v = RpObject_GetItem(ctx->kwargs, key);
    else {
        v = RpDict_GetItemWithError(ctx->kwargs, key);
        if (v != NULL)
            Rp_INCREF(v);
        else if (!RpErr_Occurred())
            RpErr_SetObject(RpExc_KeyError, key);
    }
    Rp_DECREF(key);
    return v;
}

/* Apply ".attr" / "[key]" parts of a field name to obj (steals obj). */
static RpObject *apply_accessors(RpObject *obj, const char *s, Rp_ssize_t n)
{
    Rp_ssize_t i = 0;
    while (obj != NULL && i < n) {
        char c = s[i++];
        Rp_ssize_t start = i;
        RpObject *next = NULL;
        if (c == '.') {
            while (i < n && s[i] != '.' && s[i] != '[')
                i++;
            if (i == start) {
                RpErr_SetString(RpExc_ValueError, "Empty attribute in format string");
                goto fail;
            }
            RpObject *name = RpUnicode_FromStringAndSize(s + start, i - start);
            if (name == NULL)
                goto fail;
            next = RpObject_GetAttr(obj, name);
            Rp_DECREF(name);
        } else if (c == '[') {
            while (i < n && s[i] != ']')
                i++;
            if (i >= n) {
                RpErr_SetString(RpExc_ValueError, "Missing ']' in format string");
                goto fail;
            }
            if (i == start) {
                RpErr_SetString(RpExc_ValueError, "Empty attribute in format string");
                goto fail;
            }
            Rp_ssize_t idx;
            RpObject *key = all_digits(s + start, i - start, &idx)
                ? RpLong_FromSsize_t(idx) : RpUnicode_FromStringAndSize(s + start, i - start);
            i++;
            if (key == NULL)
                goto fail;
            next = RpObject_GetItem(obj, key);
            Rp_DECREF(key);
            if (next != NULL && i < n && s[i] != '.' && s[i] != '[') {
                Rp_DECREF(next);
                RpErr_SetString(RpExc_ValueError,
                                "Only '.' or '[' may follow ']' in format field specifier");
                next = NULL;
            }
        } else {
            RpErr_SetString(RpExc_ValueError,
                            "Only '.' or '[' may follow ']' in format field specifier");
            goto fail;
        }
        Rp_DECREF(obj);
        obj = next;
    }
    return obj;
fail:
    Rp_DECREF(obj);
    return NULL;
}

static RpObject *get_field(FmtCtx *ctx, const char *s, Rp_ssize_t n)
{
    Rp_ssize_t i = 0;
    while (i < n && s[i] != '.' && s[i] != '[')
        i++;
    RpObject *obj = lookup_first(ctx, s, i);
    if (obj == NULL)
        return NULL;
    return apply_accessors(obj, s + i, n - i);
}

static RpObject *convert(RpObject *obj, int conv)
{
    switch (conv) {
    case 'r': return RpObject_Repr(obj);
    case 's': return RpObject_Str(obj);
    case 'a': return RpObject_ASCII(obj);
    default:
        if (conv > 32 && conv < 127)
            RpErr_Format(RpExc_ValueError, "Unknown conversion specifier %c", conv);
        else
            RpErr_Format(RpExc_ValueError, "Unknown conversion specifier \\x%x", (unsigned int)conv);
        return NULL;
    }
}

/* Format one parsed field into out. */
static int emit_field(RpStrBuf *out, FmtCtx *ctx, const char *name, Rp_ssize_t nlen, int conv,
                      const char *spec, Rp_ssize_t slen, int expand, int depth)
{
    RpObject *obj = get_field(ctx, name, nlen), *specobj = NULL, *r = NULL;
    if (obj == NULL)
        return -1;
    if (conv) {
        Rp_SETREF(obj, convert(obj, conv));
        if (obj == NULL)
            return -1;
    }
    if (expand) {
        RpStrBuf sb;
        RpStrBuf_Init(&sb);
        if (render(&sb, ctx, spec, slen, depth - 1) < 0) {
            RpStrBuf_Discard(&sb);
            goto done;
        }
        specobj = RpStrBuf_Finish(&sb);
    } else
        specobj = RpUnicode_FromStringAndSize(spec, slen);
    if (specobj == NULL)
        goto done;
    if (slen == 0 && RpUnicode_CheckExact(obj))
        r = Rp_NewRef(obj);
    else
        r = RpObject_Format(obj, specobj);
    if (r != NULL)
        RpStrBuf_AppendObject(out, r);
done:
    Rp_DECREF(obj);
    Rp_XDECREF(specobj);
    Rp_XDECREF(r);
    return r == NULL || out->error ? -1 : 0;
}

/* Parse a field starting after '{' at s[*i] (CPython's parse_field) and
 * emit it; *i ends after the closing '}'. */
static int do_field(RpStrBuf *out, FmtCtx *ctx, const char *s, Rp_ssize_t n, Rp_ssize_t *i,
                    int depth)
{
    Rp_ssize_t start = *i, p = *i;
    char c = 0;
    while (p < n) {
        c = s[p++];
        if (c == '{') {
            RpErr_SetString(RpExc_ValueError, "unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (p < n && s[p] != ']')
                p++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!')
            break;
    }
    Rp_ssize_t name_end = p - 1;
    int conv = 0, expand = 0;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (p >= n) {
                RpErr_SetString(RpExc_ValueError,
                                "end of string while looking for conversion specifier");
                return -1;
            }
            Rp_ssize_t k = p;
            conv = _RpUTF8_Next(s, &k);
            p = k;
            if (p < n) {
                char c2 = s[p++];
                if (c2 == '}') {
                    *i = p;
                    return emit_field(out, ctx, s + start, name_end - start, conv, "", 0, 0, depth);
                }
                if (c2 != ':') {
                    RpErr_SetString(RpExc_ValueError, "expected ':' after conversion specifier");
                    return -1;
                }
            }
        }
        Rp_ssize_t spec_start = p, count = 1;
        while (p < n) {
            char d = s[p++];
            if (d == '{') {
                expand = 1;
                count++;
            } else if (d == '}' && --count == 0) {
                *i = p;
                return emit_field(out, ctx, s + start, name_end - start, conv, s + spec_start,
                                  p - 1 - spec_start, expand, depth);
            }
        }
        RpErr_SetString(RpExc_ValueError, "unmatched '{' in format spec");
        return -1;
    }
    if (c != '}' || p > n) {
        RpErr_SetString(RpExc_ValueError, "expected '}' before end of string");
        return -1;
    }
    *i = p;
    return emit_field(out, ctx, s + start, name_end - start, 0, "", 0, 0, depth);
}

static int render(RpStrBuf *out, FmtCtx *ctx, const char *s, Rp_ssize_t n, int depth)
{
    if (depth <= 0) {
        RpErr_SetString(RpExc_ValueError, "Max string recursion exceeded");
        return -1;
    }
    Rp_ssize_t i = 0;
    while (i < n) {
        Rp_ssize_t start = i;
        while (i < n && s[i] != '{' && s[i] != '}')
            i++;
        RpStrBuf_Append(out, s + start, i - start);
        if (i >= n)
            break;
        char c = s[i++];
        if (i < n && s[i] == c) {       /* '{{' or '}}' */
            RpStrBuf_AppendChar(out, c);
            i++;
            continue;
        }
        if (c == '}') {
            RpErr_SetString(RpExc_ValueError, "Single '}' encountered in format string");
            return -1;
        }
        if (i >= n) {
            RpErr_SetString(RpExc_ValueError, "Single '{' encountered in format string");
            return -1;
        }
        if (do_field(out, ctx, s, n, &i, depth) < 0)
            return -1;
    }
    return out->error ? -1 : 0;
}

static RpObject *format_impl(RpObject *self, FmtCtx *ctx)
{
    RpStrBuf b;
    RpStrBuf_Init(&b);
    if (render(&b, ctx, RpUnicode_UTF8(self), RpUnicode_UTF8_SIZE(self), 2) < 0) {
        RpStrBuf_Discard(&b);
        return NULL;
    }
    return RpStrBuf_Finish(&b);
}

RpObject *_RpUnicode_FormatMethod(RpObject *self, RpObject *args, RpObject *kwargs)
{
    FmtCtx ctx = {args, kwargs, 0, 0, 0};
    return format_impl(self, &ctx);
}

RpObject *_RpUnicode_FormatMap(RpObject *self, RpObject *mapping)
{
    FmtCtx ctx = {NULL, mapping, 0, 0, 1};
    return format_impl(self, &ctx);
}
