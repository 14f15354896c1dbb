/* jsonmodule.c -- `_json`, the C accelerator behind lib/json: scanstring
 * (the string literal parser of the decoder) and encode_basestring /
 * encode_basestring_ascii (the string quoting of the encoder).
 *
 * str is UTF-8 (WTF-8 for surrogates) while every position json reports is
 * a code point index, so the scanner walks bytes and counts code points on
 * the side: a byte starts a code point unless it is a continuation byte
 * (10xxxxxx).  Only ASCII bytes are ever special to JSON, which keeps the
 * byte loop simple.  Errors are json.decoder.JSONDecodeError with the
 * messages and positions of CPython's C scanner; the class is looked up at
 * raise time so this module holds no reference to it (json.decoder imports
 * us, not the other way round).
 */
#include "rp.h"
#include "modules/modules.h"

#define IS_CONT(b) (((unsigned char)(b) & 0xC0) == 0x80)

/* Raise JSONDecodeError(msg, doc, pos).  Returns NULL. */
static RpObject *raise_errmsg(const char *msg, RpObject *doc, Rp_ssize_t pos)
{
    RpObject *mod = RpImport_ImportModule("json.decoder");
    if (mod == NULL)
        return NULL;
    RpObject *cls = RpObject_GetAttrString(mod, "JSONDecodeError");
    Rp_DECREF(mod);
    if (cls == NULL)
        return NULL;
    RpObject *m = RpUnicode_FromString(msg);
    RpObject *p = RpLong_FromSsize_t(pos);
    RpObject *args = m && p ? RpTuple_Pack(3, m, doc, p) : NULL;
    Rp_XDECREF(m);
    Rp_XDECREF(p);
    RpObject *exc = args ? RpObject_Call(cls, args, NULL) : NULL;
    Rp_XDECREF(args);
    if (exc != NULL) {
        RpErr_SetObject(cls, exc);
        Rp_DECREF(exc);
    }
    Rp_DECREF(cls);
    return NULL;
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The value of 4 hex digits at p, or -1. */
static int hex4(const char *p)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        int d = hexval((unsigned char)p[i]);
        if (d < 0)
            return -1;
        v = (v << 4) | d;
    }
    return v;
}

/* One scan in progress: the document, the cursor as a byte offset plus
 * the code point index it corresponds to. */
typedef struct Scan {
    RpObject *doc;
    const char *s;      /* UTF-8 of doc */
    Rp_ssize_t nbytes;
    Rp_ssize_t len;     /* length in code points */
    Rp_ssize_t pos;     /* byte offset */
    Rp_ssize_t idx;     /* code point index of pos */
    Rp_ssize_t begin;   /* index of the opening quote, for errors */
} Scan;

/* Advance over plain characters up to the next '"' or '\\' (or the end).
 * 0, or -1 with an error for a control character when strict. */
static int scan_chunk(Scan *sc, int strict)
{
    const char *s = sc->s;
    Rp_ssize_t p = sc->pos, i = sc->idx, n = sc->nbytes;
    for (; p < n; p++) {
        unsigned char c = (unsigned char)s[p];
        if (c == '"' || c == '\\')
            break;
        if (c <= 0x1f && strict) {
            raise_errmsg("Invalid control character at", sc->doc, i);
            return -1;
        }
        i += !IS_CONT(c);
    }
    sc->pos = p;
    sc->idx = i;
    return 0;
}

/* A one-character escape (the character after the backslash), or 0. */
static int simple_escape(unsigned char c)
{
    switch (c) {
    case '"': return '"';
    case '\\': return '\\';
    case '/': return '/';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: return 0;
    }
}

/* At the 'u' of a \uXXXX escape (ASCII from here on, so bytes and code
 * points advance together): decode it, joining a following low-surrogate
 * escape.  Positions and bounds checks are CPython's, including needing a
 * character after the digits.  The code point, or -1 with an error. */
static int scan_unicode(Scan *sc)
{
    Rp_ssize_t upos = sc->idx;           /* index of 'u' */
    if (upos + 5 >= sc->len) {
        raise_errmsg("Invalid \\uXXXX escape", sc->doc, upos);
        return -1;
    }
    int c = hex4(sc->s + sc->pos + 1);
    if (c < 0) {
        raise_errmsg("Invalid \\uXXXX escape", sc->doc, upos);
        return -1;
    }
    sc->pos += 5;
    sc->idx += 5;
    const char *q = sc->s + sc->pos;
    if (c >= 0xD800 && c <= 0xDBFF && sc->idx + 6 < sc->len && q[0] == '\\' && q[1] == 'u') {
        int c2 = hex4(q + 2);
        if (c2 < 0) {
            raise_errmsg("Invalid \\uXXXX escape", sc->doc, sc->idx + 1);
            return -1;
        }
        if (c2 >= 0xDC00 && c2 <= 0xDFFF) {
            c = 0x10000 + (((c - 0xD800) << 10) | (c2 - 0xDC00));
            sc->pos += 6;
            sc->idx += 6;
        }
    }
    return c;
}

/* At a backslash: decode the escape into buf.  0 / -1. */
static int scan_escape(Scan *sc, RpStrBuf *buf)
{
    sc->pos++;
    sc->idx++;
    if (sc->pos >= sc->nbytes) {
        raise_errmsg("Unterminated string starting at", sc->doc, sc->begin);
        return -1;
    }
    unsigned char e = (unsigned char)sc->s[sc->pos];
    if (e == 'u') {
        int c = scan_unicode(sc);
        return c < 0 ? -1 : RpStrBuf_AppendCodePoint(buf, c);
    }
    int c = simple_escape(e);
    if (c == 0) {
        raise_errmsg("Invalid \\escape", sc->doc, sc->idx - 1);
        return -1;
    }
    sc->pos++;
    sc->idx++;
    return RpStrBuf_AppendChar(buf, (char)c);
}

/* A str of the bytes s[a..b) (valid UTF-8 taken from a str). */
static RpObject *slice_bytes(const char *s, Rp_ssize_t a, Rp_ssize_t b)
{
    RpObject *u = _RpUnicode_New(b - a);
    if (u == NULL)
        return NULL;
    memcpy(RpUnicode_UTF8(u), s + a, (size_t)(b - a));
    RpUnicode_UTF8(u)[b - a] = '\0';
    return _RpUnicode_Finish(u);
}

/* The decoded string whose body starts at sc->pos; leaves sc after the
 * closing quote.  NULL on error. */
static RpObject *scan_string(Scan *sc, int strict)
{
    Rp_ssize_t start = sc->pos;
    if (scan_chunk(sc, strict) < 0)
        return NULL;
    if (sc->pos >= sc->nbytes)
        return raise_errmsg("Unterminated string starting at", sc->doc, sc->begin);
    if (sc->s[sc->pos] == '"') {         /* no escapes: one copy */
        sc->pos++;
        sc->idx++;
        return slice_bytes(sc->s, start, sc->pos - 1);
    }
    RpStrBuf buf;
    RpStrBuf_Init(&buf);
    for (;;) {
        if (RpStrBuf_Append(&buf, sc->s + start, sc->pos - start) < 0)
            break;
        if (sc->s[sc->pos] == '"') {
            sc->pos++;
            sc->idx++;
            return RpStrBuf_Finish(&buf);
        }
        if (scan_escape(sc, &buf) < 0)
            break;
        start = sc->pos;
        if (scan_chunk(sc, strict) < 0)
            break;
        if (sc->pos >= sc->nbytes) {
            raise_errmsg("Unterminated string starting at", sc->doc, sc->begin);
            break;
        }
    }
    RpStrBuf_Discard(&buf);
    return NULL;
}

/* scanstring(s, end, strict=True) -> (str, end): parse the JSON string
 * whose opening quote is at end - 1. */
static RpObject *json_scanstring(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                                 RpObject *kwnames)
{
    (void)self;
    if (!_RpArg_NoKwnames("scanstring", kwnames) ||
        !_RpArg_CheckPositional("scanstring", nargs, 2, 3))
        return NULL;
    RpObject *doc = args[0];
    if (!RpUnicode_Check(doc))
        return RpErr_Format(RpExc_TypeError, "first argument must be a string, not %.80s",
                            Rp_TYPE(doc)->tp_name);
    Rp_ssize_t end = RpNumber_AsSsize_t(args[1], RpExc_OverflowError);
    if (end == -1 && RpErr_Occurred())
        return NULL;
    int strict = 1;
    if (nargs > 2 && (strict = RpObject_IsTrue(args[2])) < 0)
        return NULL;
    Scan sc = {doc, RpUnicode_UTF8(doc), RpUnicode_UTF8_SIZE(doc), RpUnicode_GET_LENGTH(doc),
               0, end, end - 1};
    if (end < 0 || end > sc.len) {
        RpErr_SetString(RpExc_ValueError, "end is out of bounds");
        return NULL;
    }
    sc.pos = _RpUnicode_Offset(doc, end);
    RpObject *str = scan_string(&sc, strict);
    if (str == NULL)
        return NULL;
    RpObject *e = RpLong_FromSsize_t(sc.idx);
    RpObject *r = e ? RpTuple_Pack(2, str, e) : NULL;
    Rp_DECREF(str);
    Rp_XDECREF(e);
    return r;
}

/* ---- encoding ----------------------------------------------------------- */

static const char hexdig[] = "0123456789abcdef";

/* The two-character escape of an ASCII byte, or 0 if it has none. */
static char short_escape(unsigned char c)
{
    switch (c) {
    case '"': return '"';
    case '\\': return '\\';
    case '\n': return 'n';
    case '\r': return 'r';
    case '\t': return 't';
    case '\b': return 'b';
    case '\f': return 'f';
    default: return 0;
    }
}

/* Output size of the ASCII byte c: 1 as is, 2 short escape, 6 \u00XX. */
static int ascii_cost(unsigned char c, int escape_del)
{
    if (short_escape(c))
        return 2;
    if (c < 0x20 || (escape_del && c == 0x7f))
        return 6;
    return 1;
}

static char *put_u(char *o, int cp)
{
    o[0] = '\\';
    o[1] = 'u';
    o[2] = hexdig[(cp >> 12) & 15];
    o[3] = hexdig[(cp >> 8) & 15];
    o[4] = hexdig[(cp >> 4) & 15];
    o[5] = hexdig[cp & 15];
    return o + 6;
}

/* Write ASCII byte c escaped as needed; returns the new end. */
static char *put_ascii(char *o, unsigned char c, int escape_del)
{
    char e = short_escape(c);
    if (e) {
        o[0] = '\\';
        o[1] = e;
        return o + 2;
    }
    if (c < 0x20 || (escape_del && c == 0x7f))
        return put_u(o, c);
    *o = (char)c;
    return o + 1;
}

/* Decode the (WTF-8) code point starting at s; *len gets its byte count. */
static int utf8_decode(const unsigned char *s, int *len)
{
    if (s[0] < 0xE0) {
        *len = 2;
        return ((s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (s[0] < 0xF0) {
        *len = 3;
        return ((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    *len = 4;
    return ((s[0] & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

static RpObject *not_a_string(RpObject *o)
{
    return RpErr_Format(RpExc_TypeError, "first argument must be a string, not %.80s",
                        Rp_TYPE(o)->tp_name);
}

/* The size of the ascii-mode output, quotes included: a lead byte of a
 * 4-byte sequence becomes a surrogate pair (12), any other lead byte one
 * \uXXXX (6), continuation bytes nothing. */
static Rp_ssize_t ascii_size(const unsigned char *s, Rp_ssize_t n)
{
    Rp_ssize_t size = 2;
    for (Rp_ssize_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c < 0x80)
            size += ascii_cost(c, 1);
        else if (c >= 0xF0)
            size += 12;
        else if (c >= 0xC0)
            size += 6;
    }
    return size;
}

/* encode_basestring_ascii(s): '"' + s + '"' with JSON escapes and every
 * non-ASCII character as \uXXXX (non-BMP ones as a surrogate pair). */
static RpObject *json_encode_basestring_ascii(RpObject *self, RpObject *str)
{
    (void)self;
    if (!RpUnicode_Check(str))
        return not_a_string(str);
    const unsigned char *s = (const unsigned char *)RpUnicode_UTF8(str);
    Rp_ssize_t n = RpUnicode_UTF8_SIZE(str);
    RpObject *r = _RpUnicode_New(ascii_size(s, n));
    if (r == NULL)
        return NULL;
    char *o = RpUnicode_UTF8(r);
    *o++ = '"';
    for (Rp_ssize_t i = 0; i < n;) {
        if (s[i] < 0x80) {
            o = put_ascii(o, s[i++], 1);
            continue;
        }
        int len, cp = utf8_decode(s + i, &len);
        i += len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            o = put_u(o, 0xD800 | (cp >> 10));
            cp = 0xDC00 | (cp & 0x3FF);
        }
        o = put_u(o, cp);
    }
    *o++ = '"';
    *o = '\0';
    return r;   /* _RpUnicode_New already says: ASCII, length = size */
}

/* encode_basestring(s): '"' + s + '"' escaping only '"', '\\' and control
 * characters; other characters are kept. */
static RpObject *json_encode_basestring(RpObject *self, RpObject *str)
{
    (void)self;
    if (!RpUnicode_Check(str))
        return not_a_string(str);
    const unsigned char *s = (const unsigned char *)RpUnicode_UTF8(str);
    Rp_ssize_t n = RpUnicode_UTF8_SIZE(str), size = 2;
    for (Rp_ssize_t i = 0; i < n; i++)
        size += s[i] < 0x80 ? ascii_cost(s[i], 0) : 1;
    RpObject *r = _RpUnicode_New(size);
    if (r == NULL)
        return NULL;
    char *o = RpUnicode_UTF8(r);
    *o++ = '"';
    for (Rp_ssize_t i = 0; i < n; i++)
        o = s[i] < 0x80 ? put_ascii(o, s[i], 0) : (*o = (char)s[i], o + 1);
    *o++ = '"';
    *o = '\0';
    return _RpUnicode_Finish(r);
}

#define FAST(f) ((RpCFunction)(void (*)(void))(f))

static RpMethodDef json_functions[] = {
    {"scanstring", FAST(json_scanstring), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"encode_basestring_ascii", json_encode_basestring_ascii, RP_METH_O, NULL},
    {"encode_basestring", json_encode_basestring, RP_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

RpObject *RpInit__json(void)
{
    RpObject *m = RpModule_New("_json");
    if (m != NULL && RpModule_AddFunctions(m, json_functions) < 0)
        Rp_CLEAR(m);
    return m;
}
