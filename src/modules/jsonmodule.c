/* jsonmodule.c -- `_json`, the C accelerator behind lib/json: scanstring
 * (the string literal parser of the decoder), make_scanner (the decoder's
 * scan_once: whole values), encode_basestring / encode_basestring_ascii
 * (the string quoting of the encoder) and make_encoder (the one-shot
 * compact encoder of JSONEncoder.iterencode).
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
#include <math.h>

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

/* ---- scanner ------------------------------------------------------------ */

/* make_scanner(context): the decoder's scan_once.  It holds the context's
 * hooks; calling it as scanner(string, idx) parses one value and returns
 * (value, end), or raises StopIteration(idx) when no value starts at idx
 * (json.decoder turns that into "Expecting value").  Outside string
 * literals every valid token is ASCII, so there byte offset and code point
 * index move together; strings go through scan_string, which counts. */
typedef struct {
    RpObject_HEAD
    int strict;
    RpObject *object_hook;
    RpObject *object_pairs_hook;
    RpObject *parse_float;
    RpObject *parse_int;
    RpObject *parse_constant;
    RpObject *memo;     /* key -> key, shares equal keys; emptied per call */
} scannerobject;

extern RpTypeObject RpJSONScanner_Type;

#define IS_WS(c) ((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r')

static void skip_ws(Scan *sc)
{
    while (sc->pos < sc->nbytes && IS_WS(sc->s[sc->pos])) {
        sc->pos++;
        sc->idx++;
    }
}

/* Move both cursors by n ASCII characters. */
static void advance(Scan *sc, Rp_ssize_t n)
{
    sc->pos += n;
    sc->idx += n;
}

static RpObject *stop_iteration(Rp_ssize_t idx)
{
    RpObject *v = RpLong_FromSsize_t(idx);
    if (v != NULL) {
        RpErr_SetObject(RpExc_StopIteration, v);
        Rp_DECREF(v);
    }
    return NULL;
}

static RpObject *scan_value(scannerobject *so, Scan *sc);

/* True if the literal word (ASCII) is at the cursor. */
static int at_word(Scan *sc, const char *w, Rp_ssize_t n)
{
    return sc->nbytes - sc->pos >= n && memcmp(sc->s + sc->pos, w, (size_t)n) == 0;
}

static int is_digit(Scan *sc, Rp_ssize_t p)
{
    return p < sc->nbytes && sc->s[p] >= '0' && sc->s[p] <= '9';
}

/* An int from the digits s[0..n) (optional '-'); small ones without a
 * string round trip, big ones via int()'s parser (and its digit limit). */
static RpObject *make_int(const char *s, Rp_ssize_t n)
{
    if (n <= 18) {
        long long v = 0;
        int neg = s[0] == '-';
        for (Rp_ssize_t i = neg; i < n; i++)
            v = v * 10 + (s[i] - '0');
        return RpLong_FromLongLong(neg ? -v : v);
    }
    char *buf = RpMem_Malloc((size_t)n + 1);
    if (buf == NULL)
        return RpErr_NoMemory();
    memcpy(buf, s, (size_t)n);
    buf[n] = '\0';
    RpObject *r = RpLong_FromString(buf, NULL, 10);
    RpMem_Free(buf);
    return r;
}

/* A float from valid JSON number text s[0..n): short ones are parsed from
 * a stack copy (strtod needs a terminator), saving float()'s cleanup. */
static RpObject *make_float(const char *s, Rp_ssize_t n, RpObject *doc)
{
    char buf[64];
    if (n >= (Rp_ssize_t)sizeof(buf))
        return _RpFloat_FromStringAndSize(s, n, doc);
    memcpy(buf, s, (size_t)n);
    buf[n] = '\0';
    const char *end;
    return RpFloat_FromDouble(RpDtoa_Strtod(buf, &end));
}

/* The end of the number starting at byte p (grammar as CPython's), or -1
 * when none starts there; *is_float says whether it has '.' or exponent. */
static Rp_ssize_t number_end(Scan *sc, Rp_ssize_t p, int *is_float)
{
    const char *s = sc->s;
    *is_float = 0;
    if (p < sc->nbytes && s[p] == '-')
        p++;
    if (p < sc->nbytes && s[p] >= '1' && s[p] <= '9') {
        while (is_digit(sc, ++p))
            ;
    } else if (p < sc->nbytes && s[p] == '0') {
        p++;
    } else {
        return -1;
    }
    if (p < sc->nbytes && s[p] == '.' && is_digit(sc, p + 1)) {
        *is_float = 1;
        for (p += 2; is_digit(sc, p); p++)
            ;
    }
    if (p < sc->nbytes && (s[p] == 'e' || s[p] == 'E')) {
        Rp_ssize_t q = p + 1;
        if (q < sc->nbytes && (s[q] == '-' || s[q] == '+'))
            q++;
        if (is_digit(sc, q)) {
            *is_float = 1;
            for (p = q; is_digit(sc, p); p++)
                ;
        }
    }
    return p;
}

static RpObject *scan_number(scannerobject *so, Scan *sc)
{
    int is_float;
    Rp_ssize_t end = number_end(sc, sc->pos, &is_float);
    if (end < 0)
        return stop_iteration(sc->idx);
    const char *s = sc->s + sc->pos;
    Rp_ssize_t n = end - sc->pos;
    advance(sc, n);
    RpObject *hook = is_float ? so->parse_float : so->parse_int;
    if (is_float && hook == (RpObject *)&RpFloat_Type)
        return make_float(s, n, sc->doc);
    if (!is_float && hook == (RpObject *)&RpLong_Type)
        return make_int(s, n);
    RpObject *text = slice_bytes(s, 0, n);
    if (text == NULL)
        return NULL;
    RpObject *r = RpObject_CallOneArg(hook, text);
    Rp_DECREF(text);
    return r;
}

/* parse_constant(name) for NaN / Infinity / -Infinity. */
static RpObject *scan_constant(scannerobject *so, Scan *sc, const char *name)
{
    Rp_ssize_t n = (Rp_ssize_t)strlen(name);
    advance(sc, n);
    RpObject *text = RpUnicode_FromString(name);
    if (text == NULL)
        return NULL;
    RpObject *r = RpObject_CallOneArg(so->parse_constant, text);
    Rp_DECREF(text);
    return r;
}

/* A string value whose opening quote is at the cursor. */
static RpObject *scan_str(scannerobject *so, Scan *sc)
{
    sc->begin = sc->idx;
    advance(sc, 1);
    return scan_string(sc, so->strict);
}

/* After the elements: ']' ends the array (1), ',' continues (0), else
 * "Expecting ',' delimiter" (-1). */
static int after_item(Scan *sc, char close)
{
    skip_ws(sc);
    if (sc->pos < sc->nbytes && sc->s[sc->pos] == close) {
        advance(sc, 1);
        return 1;
    }
    if (sc->pos >= sc->nbytes || sc->s[sc->pos] != ',') {
        raise_errmsg("Expecting ',' delimiter", sc->doc, sc->idx);
        return -1;
    }
    advance(sc, 1);
    skip_ws(sc);
    return 0;
}

static RpObject *scan_array(scannerobject *so, Scan *sc)
{
    RpObject *list = RpList_New(0);
    if (list == NULL)
        return NULL;
    advance(sc, 1);
    skip_ws(sc);
    if (sc->pos < sc->nbytes && sc->s[sc->pos] == ']') {
        advance(sc, 1);
        return list;
    }
    for (;;) {
        RpObject *v = scan_value(so, sc);
        if (v == NULL)
            goto error;
        int rc = RpList_Append(list, v);
        Rp_DECREF(v);
        if (rc < 0 || (rc = after_item(sc, ']')) < 0)
            goto error;
        if (rc == 1)
            return list;
    }
error:
    Rp_DECREF(list);
    return NULL;
}

/* One "key": value pair at the cursor, as a new 2-tuple. */
static RpObject *scan_pair(scannerobject *so, Scan *sc)
{
    if (sc->pos >= sc->nbytes || sc->s[sc->pos] != '"')
        return raise_errmsg("Expecting property name enclosed in double quotes",
                            sc->doc, sc->idx);
    RpObject *key = scan_str(so, sc);
    if (key == NULL)
        return NULL;
    RpObject *shared = RpDict_SetDefault(so->memo, key, key);   /* borrowed */
    Rp_XINCREF(shared);
    Rp_DECREF(key);
    if (shared == NULL)
        return NULL;
    key = shared;
    skip_ws(sc);
    if (sc->pos >= sc->nbytes || sc->s[sc->pos] != ':') {
        Rp_DECREF(key);
        return raise_errmsg("Expecting ':' delimiter", sc->doc, sc->idx);
    }
    advance(sc, 1);
    skip_ws(sc);
    RpObject *v = scan_value(so, sc);
    RpObject *pair = v ? RpTuple_Pack(2, key, v) : NULL;
    Rp_DECREF(key);
    Rp_XDECREF(v);
    return pair;
}

/* The object from its (key, value) pairs, through the hooks. */
static RpObject *finish_object(scannerobject *so, RpObject *pairs)
{
    if (so->object_pairs_hook != Rp_None)
        return RpObject_CallOneArg(so->object_pairs_hook, pairs);
    RpObject *d = RpDict_New();
    if (d == NULL)
        return NULL;
    for (Rp_ssize_t i = 0; i < RpList_GET_SIZE(pairs); i++) {
        RpObject *p = RpList_GET_ITEM(pairs, i);
        if (RpDict_SetItem(d, RpTuple_GET_ITEM(p, 0), RpTuple_GET_ITEM(p, 1)) < 0) {
            Rp_DECREF(d);
            return NULL;
        }
    }
    if (so->object_hook == Rp_None)
        return d;
    RpObject *r = RpObject_CallOneArg(so->object_hook, d);
    Rp_DECREF(d);
    return r;
}

static RpObject *scan_object(scannerobject *so, Scan *sc)
{
    RpObject *pairs = RpList_New(0), *r = NULL;
    if (pairs == NULL)
        return NULL;
    advance(sc, 1);
    skip_ws(sc);
    if (sc->pos < sc->nbytes && sc->s[sc->pos] == '}') {
        advance(sc, 1);
        goto done;
    }
    for (;;) {
        RpObject *p = scan_pair(so, sc);
        if (p == NULL)
            goto error;
        int rc = RpList_Append(pairs, p);
        Rp_DECREF(p);
        if (rc < 0 || (rc = after_item(sc, '}')) < 0)
            goto error;
        if (rc == 1)
            break;
    }
done:
    r = finish_object(so, pairs);
error:
    Rp_DECREF(pairs);
    return r;
}

/* Containers recurse: guard the C stack like CPython does. */
static RpObject *scan_nested(scannerobject *so, Scan *sc, int array)
{
    if (Rp_EnterRecursiveCall(array ? " while decoding a JSON array from a unicode string"
                                    : " while decoding a JSON object from a unicode string"))
        return NULL;
    RpObject *r = array ? scan_array(so, sc) : scan_object(so, sc);
    Rp_LeaveRecursiveCall();
    return r;
}

static RpObject *scan_value(scannerobject *so, Scan *sc)
{
    if (sc->pos >= sc->nbytes)
        return stop_iteration(sc->idx);
    switch (sc->s[sc->pos]) {
    case '"':
        return scan_str(so, sc);
    case '{':
        return scan_nested(so, sc, 0);
    case '[':
        return scan_nested(so, sc, 1);
    case 'n':
        if (at_word(sc, "null", 4)) {
            advance(sc, 4);
            return Rp_NewRef(Rp_None);
        }
        break;
    case 't':
        if (at_word(sc, "true", 4)) {
            advance(sc, 4);
            return Rp_NewRef(Rp_True);
        }
        break;
    case 'f':
        if (at_word(sc, "false", 5)) {
            advance(sc, 5);
            return Rp_NewRef(Rp_False);
        }
        break;
    case 'N':
        if (at_word(sc, "NaN", 3))
            return scan_constant(so, sc, "NaN");
        break;
    case 'I':
        if (at_word(sc, "Infinity", 8))
            return scan_constant(so, sc, "Infinity");
        break;
    case '-':
        if (at_word(sc, "-Infinity", 9))
            return scan_constant(so, sc, "-Infinity");
        break;
    }
    return scan_number(so, sc);
}

/* scanner(string, idx) -> (value, end) */
static RpObject *scanner_call(RpObject *self, RpObject *args, RpObject *kwds)
{
    scannerobject *so = (scannerobject *)self;
    if (kwds != NULL && RpDict_GET_SIZE(kwds) != 0)
        return RpErr_Format(RpExc_TypeError, "scanner() takes no keyword arguments");
    if (RpTuple_GET_SIZE(args) != 2)
        return RpErr_Format(RpExc_TypeError, "scanner() takes exactly 2 arguments (%zd given)",
                            RpTuple_GET_SIZE(args));
    RpObject *doc = RpTuple_GET_ITEM(args, 0);
    if (!RpUnicode_Check(doc))
        return RpErr_Format(RpExc_TypeError, "first argument must be a string, not %.80s",
                            Rp_TYPE(doc)->tp_name);
    Rp_ssize_t idx = RpNumber_AsSsize_t(RpTuple_GET_ITEM(args, 1), RpExc_OverflowError);
    if (idx == -1 && RpErr_Occurred())
        return NULL;
    if (idx < 0) {
        RpErr_SetString(RpExc_ValueError, "idx cannot be negative");
        return NULL;
    }
    Scan sc = {doc, RpUnicode_UTF8(doc), RpUnicode_UTF8_SIZE(doc), RpUnicode_GET_LENGTH(doc),
               0, idx, idx};
    if (idx >= sc.len)
        return stop_iteration(idx);
    sc.pos = _RpUnicode_Offset(doc, idx);
    RpObject *v = scan_value(so, &sc);
    RpDict_Clear(so->memo);
    if (v == NULL)
        return NULL;
    RpObject *e = RpLong_FromSsize_t(sc.idx);
    RpObject *r = e ? RpTuple_Pack(2, v, e) : NULL;
    Rp_DECREF(v);
    Rp_XDECREF(e);
    return r;
}

/* Fetch context.name into *slot (a new reference); 0 / -1. */
static int get_hook(RpObject *ctx, const char *name, RpObject **slot)
{
    *slot = RpObject_GetAttrString(ctx, name);
    return *slot == NULL ? -1 : 0;
}

static RpObject *scanner_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    if ((kwds != NULL && RpDict_GET_SIZE(kwds) != 0) || RpTuple_GET_SIZE(args) != 1)
        return RpErr_Format(RpExc_TypeError, "make_scanner() takes exactly 1 argument");
    RpObject *ctx = RpTuple_GET_ITEM(args, 0);
    scannerobject *so = RpObject_GC_New(scannerobject, type);
    if (so == NULL)
        return NULL;
    so->object_hook = so->object_pairs_hook = so->parse_float = NULL;
    so->parse_int = so->parse_constant = NULL;
    so->memo = RpDict_New();
    RpObject_GC_Track(so);
    RpObject *strict = NULL;
    if (so->memo == NULL || get_hook(ctx, "strict", &strict) < 0)
        goto error;
    so->strict = RpObject_IsTrue(strict);
    Rp_DECREF(strict);
    if (so->strict < 0 || get_hook(ctx, "object_hook", &so->object_hook) < 0 ||
        get_hook(ctx, "object_pairs_hook", &so->object_pairs_hook) < 0 ||
        get_hook(ctx, "parse_float", &so->parse_float) < 0 ||
        get_hook(ctx, "parse_int", &so->parse_int) < 0 ||
        get_hook(ctx, "parse_constant", &so->parse_constant) < 0)
        goto error;
    return (RpObject *)so;
error:
    Rp_DECREF(so);
    return NULL;
}

static int scanner_traverse(RpObject *self, visitproc visit, void *arg)
{
    scannerobject *so = (scannerobject *)self;
    Rp_VISIT(so->object_hook);
    Rp_VISIT(so->object_pairs_hook);
    Rp_VISIT(so->parse_float);
    Rp_VISIT(so->parse_int);
    Rp_VISIT(so->parse_constant);
    Rp_VISIT(so->memo);
    return 0;
}

static int scanner_clear(RpObject *self)
{
    scannerobject *so = (scannerobject *)self;
    Rp_CLEAR(so->object_hook);
    Rp_CLEAR(so->object_pairs_hook);
    Rp_CLEAR(so->parse_float);
    Rp_CLEAR(so->parse_int);
    Rp_CLEAR(so->parse_constant);
    Rp_CLEAR(so->memo);
    return 0;
}

static void scanner_dealloc(RpObject *self)
{
    RpObject_GC_UnTrack(self);
    scanner_clear(self);
    RpObject_GC_Del(self);
}

RpTypeObject RpJSONScanner_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "_json.Scanner",
    .tp_basicsize = sizeof(scannerobject),
    .tp_dealloc = scanner_dealloc,
    .tp_call = scanner_call,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = scanner_traverse,
    .tp_clear = scanner_clear,
    .tp_new = scanner_new,
};

/* ---- encoder ------------------------------------------------------------ */

/* make_encoder(markers, default, encoder, indent, key_separator,
 * item_separator, sort_keys, skipkeys, allow_nan): JSONEncoder's one-shot
 * compact encoder.  Calling it as encoder(obj, indent_level) returns a
 * one-element list holding the whole document (as CPython 3.11's does).
 * indent is accepted and ignored: json.encoder only uses this without one.
 * markers (a dict, or None to skip the check) maps id(container) to the
 * container while it is being encoded, to detect cycles. */
typedef struct {
    RpObject_HEAD
    RpObject *markers;
    RpObject *defaultfn;
    RpObject *encoder;
    RpObject *indent;
    RpObject *key_separator;
    RpObject *item_separator;
    int sort_keys, skipkeys, allow_nan;
    int fast_encode;    /* 1: encoder is encode_basestring_ascii, 2: encode_basestring */
} encoderobject;

extern RpTypeObject RpJSONEncoder_Type;

static int encode_obj(encoderobject *e, RpStrBuf *b, RpObject *o);

/* The JSON text of a float: repr, or Infinity/-Infinity/NaN if allowed. */
static RpObject *encode_float(encoderobject *e, RpObject *o)
{
    double d = RpFloat_AsDouble(o);
    if (d == -1.0 && RpErr_Occurred())
        return NULL;
    if (isfinite(d))
        return RpFloat_Type.tp_repr(o);
    if (!e->allow_nan) {
        RpErr_SetString(RpExc_ValueError, "Out of range float values are not JSON compliant");
        return NULL;
    }
    return RpUnicode_FromString(d > 0 ? "Infinity" : d < 0 ? "-Infinity" : "NaN");
}

/* The quoted form of the str s, through the encoder hook. */
static RpObject *encode_string(encoderobject *e, RpObject *s)
{
    if (e->fast_encode == 1)
        return json_encode_basestring_ascii(NULL, s);
    if (e->fast_encode == 2)
        return json_encode_basestring(NULL, s);
    RpObject *r = RpObject_CallOneArg(e->encoder, s);
    if (r != NULL && !RpUnicode_Check(r)) {
        RpErr_Format(RpExc_TypeError, "encoder() must return a string, not %.80s",
                     Rp_TYPE(r)->tp_name);
        Rp_CLEAR(r);
    }
    return r;
}

/* Append a new reference str to b and release it; -1 if s is NULL. */
static int append_new(RpStrBuf *b, RpObject *s)
{
    if (s == NULL)
        return -1;
    int rc = RpStrBuf_AppendObject(b, s);
    Rp_DECREF(s);
    return rc;
}

/* Enter o into markers (*ident gets the key, NULL when not checking). */
static int mark(encoderobject *e, RpObject *o, RpObject **ident)
{
    *ident = NULL;
    if (e->markers == Rp_None)
        return 0;
    *ident = RpLong_FromLongLong((long long)(uintptr_t)o);   /* id(o) */
    if (*ident == NULL)
        return -1;
    int has = RpDict_Contains(e->markers, *ident);
    if (has == 0)
        return RpDict_SetItem(e->markers, *ident, o);
    if (has > 0)
        RpErr_SetString(RpExc_ValueError, "Circular reference detected");
    Rp_CLEAR(*ident);
    return -1;
}

/* Leave markers again; releases ident. */
static int unmark(encoderobject *e, RpObject *ident, int ok)
{
    if (ident == NULL)
        return ok;
    if (ok == 0 && RpDict_DelItem(e->markers, ident) < 0)
        ok = -1;
    Rp_DECREF(ident);
    return ok;
}

static int encode_list(encoderobject *e, RpStrBuf *b, RpObject *seq)
{
    RpObject *fast = RpSequence_Fast(seq, "_iterencode_list needs a sequence");
    if (fast == NULL)
        return -1;
    Rp_ssize_t n = RpSequence_Fast_GET_SIZE(fast);
    if (n == 0) {
        Rp_DECREF(fast);
        return RpStrBuf_Append(b, "[]", 2);
    }
    RpObject *ident;
    int rc = mark(e, seq, &ident);
    if (rc == 0)
        rc = RpStrBuf_AppendChar(b, '[');
    /* Re-read the size each time: default() may mutate the list. */
    for (Rp_ssize_t i = 0; rc == 0 && i < RpSequence_Fast_GET_SIZE(fast); i++) {
        if (i > 0 && RpStrBuf_AppendObject(b, e->item_separator) < 0) {
            rc = -1;
            break;
        }
        RpObject *item = Rp_NewRef(RpSequence_Fast_ITEMS(fast)[i]);   /* may be removed meanwhile */
        rc = encode_obj(e, b, item);
        Rp_DECREF(item);
    }
    if (rc == 0)
        rc = RpStrBuf_AppendChar(b, ']');
    Rp_DECREF(fast);
    return ident != NULL ? unmark(e, ident, rc) : rc;
}

/* The key as a str, or NULL with no error set when skipkeys drops it. */
static RpObject *key_string(encoderobject *e, RpObject *key)
{
    if (RpUnicode_Check(key))
        return Rp_NewRef(key);
    if (RpFloat_Check(key))
        return encode_float(e, key);
    if (key == Rp_True || key == Rp_False || key == Rp_None)
        return RpUnicode_FromString(key == Rp_None ? "null" : key == Rp_True ? "true" : "false");
    if (RpLong_Check(key))
        return RpLong_Type.tp_repr(key);
    if (!e->skipkeys)
        RpErr_Format(RpExc_TypeError, "keys must be str, int, float, bool or None, not %.100s",
                     Rp_TYPE(key)->tp_name);
    return NULL;
}

/* One "key": value member; *first tracks the separator. */
static int encode_member(encoderobject *e, RpStrBuf *b, RpObject *key, RpObject *value,
                         int *first)
{
    RpObject *ks = key_string(e, key);
    if (ks == NULL)
        return RpErr_Occurred() ? -1 : 0;
    if (!*first && RpStrBuf_AppendObject(b, e->item_separator) < 0) {
        Rp_DECREF(ks);
        return -1;
    }
    *first = 0;
    RpObject *quoted = encode_string(e, ks);
    Rp_DECREF(ks);
    if (append_new(b, quoted) < 0 || RpStrBuf_AppendObject(b, e->key_separator) < 0)
        return -1;
    return encode_obj(e, b, value);
}

/* The members of a dict subclass or a sorted dict: from items(). */
static int encode_items(encoderobject *e, RpStrBuf *b, RpObject *dct)
{
    RpObject *view = RpObject_CallMethod0(dct, "items");
    RpObject *items = view ? RpSequence_List(view) : NULL;
    Rp_XDECREF(view);
    if (items == NULL || (e->sort_keys && RpList_Sort(items) < 0)) {
        Rp_XDECREF(items);
        return -1;
    }
    int rc = 0, first = 1;
    for (Rp_ssize_t i = 0; rc == 0 && i < RpList_GET_SIZE(items); i++) {
        RpObject *it = RpList_GET_ITEM(items, i);
        if (!RpTuple_Check(it) || RpTuple_GET_SIZE(it) != 2) {
            RpErr_SetString(RpExc_ValueError, "items must return 2-tuples");
            rc = -1;
            break;
        }
        rc = encode_member(e, b, RpTuple_GET_ITEM(it, 0), RpTuple_GET_ITEM(it, 1), &first);
    }
    Rp_DECREF(items);
    return rc;
}

/* The members of a plain dict, in order, without building items. */
static int encode_members(encoderobject *e, RpStrBuf *b, RpObject *dct)
{
    Rp_ssize_t pos = 0;
    RpObject *k, *v;
    int first = 1;
    while (RpDict_Next(dct, &pos, &k, &v)) {
        Rp_INCREF(k);
        Rp_INCREF(v);
        int rc = encode_member(e, b, k, v, &first);
        Rp_DECREF(k);
        Rp_DECREF(v);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static int encode_dict(encoderobject *e, RpStrBuf *b, RpObject *dct)
{
    Rp_ssize_t n = RpObject_Size(dct);
    if (n <= 0)
        return n < 0 ? -1 : RpStrBuf_Append(b, "{}", 2);
    RpObject *ident;
    int rc = mark(e, dct, &ident);
    if (rc == 0)
        rc = RpStrBuf_AppendChar(b, '{');
    if (rc == 0)
        rc = e->sort_keys || !RpDict_CheckExact(dct) ? encode_items(e, b, dct)
                                                      : encode_members(e, b, dct);
    if (rc == 0)
        rc = RpStrBuf_AppendChar(b, '}');
    return ident != NULL ? unmark(e, ident, rc) : rc;
}

/* Anything else: encode default(o) in its place. */
static int encode_default(encoderobject *e, RpStrBuf *b, RpObject *o)
{
    RpObject *ident;
    if (mark(e, o, &ident) < 0)
        return -1;
    RpObject *o2 = RpObject_CallOneArg(e->defaultfn, o);
    int rc = -1;
    if (o2 != NULL && Rp_EnterRecursiveCall(" while encoding a JSON object") == 0) {
        rc = encode_obj(e, b, o2);
        Rp_LeaveRecursiveCall();
    }
    Rp_XDECREF(o2);
    return ident != NULL ? unmark(e, ident, rc) : rc;
}

/* Containers recurse: guard the C stack. */
static int encode_nested(encoderobject *e, RpStrBuf *b, RpObject *o, int is_list)
{
    if (Rp_EnterRecursiveCall(" while encoding a JSON object"))
        return -1;
    int rc = is_list ? encode_list(e, b, o) : encode_dict(e, b, o);
    Rp_LeaveRecursiveCall();
    return rc;
}

static int encode_obj(encoderobject *e, RpStrBuf *b, RpObject *o)
{
    if (o == Rp_None)
        return RpStrBuf_Append(b, "null", 4);
    if (o == Rp_True)
        return RpStrBuf_Append(b, "true", 4);
    if (o == Rp_False)
        return RpStrBuf_Append(b, "false", 5);
    if (RpUnicode_Check(o))
        return append_new(b, encode_string(e, o));
    if (RpLong_Check(o))
        return append_new(b, RpLong_Type.tp_repr(o));
    if (RpFloat_Check(o))
        return append_new(b, encode_float(e, o));
    if (RpList_Check(o) || RpTuple_Check(o))
        return encode_nested(e, b, o, 1);
    if (RpDict_Check(o))
        return encode_nested(e, b, o, 0);
    return encode_default(e, b, o);
}

/* encoder(obj, indent_level) -> [text] */
static RpObject *encoder_call(RpObject *self, RpObject *args, RpObject *kwds)
{
    if ((kwds != NULL && RpDict_GET_SIZE(kwds) != 0) || RpTuple_GET_SIZE(args) != 2)
        return RpErr_Format(RpExc_TypeError, "encoder() takes exactly 2 arguments");
    RpStrBuf b;
    RpStrBuf_Init(&b);
    if (encode_obj((encoderobject *)self, &b, RpTuple_GET_ITEM(args, 0)) < 0) {
        RpStrBuf_Discard(&b);
        return NULL;
    }
    RpObject *s = RpStrBuf_Finish(&b);
    if (s == NULL)
        return NULL;
    RpObject *r = RpList_New(1);
    if (r == NULL) {
        Rp_DECREF(s);
        return NULL;
    }
    RpList_SET_ITEM(r, 0, s);
    return r;
}

/* The flag argument i (truth value) into *out; 0 / -1. */
static int flag_arg(RpObject *args, int i, int *out)
{
    *out = RpObject_IsTrue(RpTuple_GET_ITEM(args, i));
    return *out < 0 ? -1 : 0;
}

/* Argument checks of make_encoder; 0 / -1 with TypeError. */
static int check_encoder_args(RpObject *args)
{
    RpObject *markers = RpTuple_GET_ITEM(args, 0);
    if (markers != Rp_None && !RpDict_Check(markers)) {
        RpErr_Format(RpExc_TypeError, "make_encoder() argument 1 must be dict or None, not %.200s",
                     Rp_TYPE(markers)->tp_name);
        return -1;
    }
    for (int i = 4; i <= 5; i++) {
        RpObject *sep = RpTuple_GET_ITEM(args, i);
        if (!RpUnicode_Check(sep)) {
            RpErr_Format(RpExc_TypeError, "make_encoder() argument %d must be str, not %.200s",
                         i + 1, Rp_TYPE(sep)->tp_name);
            return -1;
        }
    }
    return 0;
}

static RpObject *encoder_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    if ((kwds != NULL && RpDict_GET_SIZE(kwds) != 0) || RpTuple_GET_SIZE(args) != 9)
        return RpErr_Format(RpExc_TypeError, "make_encoder() takes exactly 9 arguments");
    if (check_encoder_args(args) < 0)
        return NULL;
    encoderobject *e = RpObject_GC_New(encoderobject, type);
    if (e == NULL)
        return NULL;
    e->markers = Rp_NewRef(RpTuple_GET_ITEM(args, 0));
    e->defaultfn = Rp_NewRef(RpTuple_GET_ITEM(args, 1));
    e->encoder = Rp_NewRef(RpTuple_GET_ITEM(args, 2));
    e->indent = Rp_NewRef(RpTuple_GET_ITEM(args, 3));
    e->key_separator = Rp_NewRef(RpTuple_GET_ITEM(args, 4));
    e->item_separator = Rp_NewRef(RpTuple_GET_ITEM(args, 5));
    e->fast_encode = 0;
    if (RpCFunction_Check(e->encoder)) {
        RpCFunction fn = ((RpCFunctionObject *)e->encoder)->m_ml->ml_meth;
        e->fast_encode = fn == json_encode_basestring_ascii ? 1
                         : fn == json_encode_basestring ? 2 : 0;
    }
    RpObject_GC_Track(e);
    if (flag_arg(args, 6, &e->sort_keys) < 0 || flag_arg(args, 7, &e->skipkeys) < 0 ||
        flag_arg(args, 8, &e->allow_nan) < 0) {
        Rp_DECREF(e);
        return NULL;
    }
    return (RpObject *)e;
}

static int encoder_traverse(RpObject *self, visitproc visit, void *arg)
{
    encoderobject *e = (encoderobject *)self;
    Rp_VISIT(e->markers);
    Rp_VISIT(e->defaultfn);
    Rp_VISIT(e->encoder);
    Rp_VISIT(e->indent);
    Rp_VISIT(e->key_separator);
    Rp_VISIT(e->item_separator);
    return 0;
}

static int encoder_clear(RpObject *self)
{
    encoderobject *e = (encoderobject *)self;
    Rp_CLEAR(e->markers);
    Rp_CLEAR(e->defaultfn);
    Rp_CLEAR(e->encoder);
    Rp_CLEAR(e->indent);
    Rp_CLEAR(e->key_separator);
    Rp_CLEAR(e->item_separator);
    return 0;
}

static void encoder_dealloc(RpObject *self)
{
    RpObject_GC_UnTrack(self);
    encoder_clear(self);
    RpObject_GC_Del(self);
}

RpTypeObject RpJSONEncoder_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "_json.Encoder",
    .tp_basicsize = sizeof(encoderobject),
    .tp_dealloc = encoder_dealloc,
    .tp_call = encoder_call,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = encoder_traverse,
    .tp_clear = encoder_clear,
    .tp_new = encoder_new,
};

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
    if (m != NULL && (RpModule_AddFunctions(m, json_functions) < 0 ||
                      RpModule_AddObjectRef(m, "make_scanner",
                                            (RpObject *)&RpJSONScanner_Type) < 0 ||
                      RpModule_AddObjectRef(m, "make_encoder",
                                            (RpObject *)&RpJSONEncoder_Type) < 0))
        Rp_CLEAR(m);
    return m;
}
