/* unicodeobject.c -- the str type's core: allocation and the singletons,
 * UTF-8 decoding/validation, code point indexing (lazy index table),
 * hashing, interning and the RP_ID identifiers, RpStrBuf, repr,
 * comparison, concatenation, slicing, iteration, `in`, `*`, and str().
 *
 * Representation: UTF-8 inline after the header (surrogates are stored as
 * 3-byte "WTF-8" so '\ud800' is representable), length in code points, and
 * an `ascii` flag.  Non-ASCII strings build, on first random access, a table
 * with the byte offset of every 32nd code point.
 *
 * Interning: a private open-addressing set of borrowed pointers.  Dealloc of
 * an interned string removes it, so nothing is immortal; the RP_ID table and
 * the cached singletons hold strong references that _RpUnicode_Fini drops.
 */
#include "rp.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define UNI_HDR offsetof(RpUnicodeObject, data)
#define INDEX_STRIDE 32   /* one index entry per this many code points */
/* Upper bound on a text size: keeps size arithmetic far from overflow. */
#define RP_SSIZE_MAX_STR (PTRDIFF_MAX / 4)

RpIdentifiers _Rp_ID;
static RpObject *empty_str;          /* '' */
static RpObject *latin1_cache[256];  /* one-character strings < U+0100 */

/* ---- hashing: SipHash-1-3, key 0 ------------------------------------- */

#define ROTL64(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND()                                                  \
    do {                                                            \
        v0 += v1; v1 = ROTL64(v1, 13); v1 ^= v0; v0 = ROTL64(v0, 32); \
        v2 += v3; v3 = ROTL64(v3, 16); v3 ^= v2;                    \
        v0 += v3; v3 = ROTL64(v3, 21); v3 ^= v0;                    \
        v2 += v1; v1 = ROTL64(v1, 17); v1 ^= v2; v2 = ROTL64(v2, 32); \
    } while (0)

static uint64_t load_le64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

/* CPython hashes bytes and str with SipHash-1-3; with PYTHONHASHSEED=0 the
 * key is zero.  Matching it makes the iteration order of sets and dicts
 * of strings identical to CPython's under that seed. */
static uint64_t siphash13(const unsigned char *p, Rp_ssize_t n)
{
    uint64_t v0 = 0x736f6d6570736575ULL, v1 = 0x646f72616e646f6dULL;
    uint64_t v2 = 0x6c7967656e657261ULL, v3 = 0x7465646279746573ULL;
    uint64_t b = (uint64_t)n << 56;
    Rp_ssize_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t m = load_le64(p + i);
        v3 ^= m;
        SIPROUND();
        v0 ^= m;
    }
    for (int k = 0; i + k < n; k++)
        b |= (uint64_t)p[i + k] << (8 * k);
    v3 ^= b;
    SIPROUND();
    v0 ^= b;
    v2 ^= 0xff;
    SIPROUND();
    SIPROUND();
    SIPROUND();
    return v0 ^ v1 ^ v2 ^ v3;
}

Rp_hash_t _Rp_HashBytes(const void *p, Rp_ssize_t n)
{
    if (n == 0)
        return 0;
    Rp_hash_t h = (Rp_hash_t)siphash13(p, n);
    return h == -1 ? -2 : h;
}

/* Hash the code units CPython would store (1, 2 or 4 bytes each). */
static Rp_hash_t hash_nonascii(RpUnicodeObject *u)
{
    int maxcp = 0, width;
    Rp_ssize_t i = 0;
    while (i < u->utf8_len) {
        int cp = _RpUTF8_Next(u->data, &i);
        if (cp > maxcp)
            maxcp = cp;
    }
    width = maxcp < 0x100 ? 1 : maxcp < 0x10000 ? 2 : 4;
    unsigned char *buf = RpMem_Malloc((size_t)(u->length * width));
    if (buf == NULL) {
        RpErr_NoMemory();
        return -1;
    }
    unsigned char *q = buf;
    i = 0;
    while (i < u->utf8_len) {
        unsigned int cp = (unsigned int)_RpUTF8_Next(u->data, &i);
        for (int k = 0; k < width; k++)
            *q++ = (unsigned char)(cp >> (8 * k));
    }
    Rp_hash_t h = _Rp_HashBytes(buf, u->length * width);
    RpMem_Free(buf);
    return h;
}

Rp_hash_t _RpUnicode_Hash(RpObject *o)
{
    RpUnicodeObject *u = (RpUnicodeObject *)o;
    if (u->hash != -1)
        return u->hash;
    Rp_hash_t h = u->ascii ? _Rp_HashBytes(u->data, u->utf8_len) : hash_nonascii(u);
    u->hash = h;
    return h;
}

/* ---- UTF-8 helpers --------------------------------------------------- */

int _RpUTF8_Write(char *out, int cp)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

#define HIGH_BITS 0x8080808080808080ULL

/* Code points in s[0..n) (bytes that are not continuation bytes 10xxxxxx),
 * eight bytes at a time; *ascii (if given) says whether all are < 0x80.
 * Every new str passes through here, so the word loop matters. */
static Rp_ssize_t count_code_points(const char *s, Rp_ssize_t n, int *ascii)
{
    Rp_ssize_t count = 0, i = 0;
    uint64_t high = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        high |= w;
        /* bit 7 of each byte: set for a continuation byte (bit 7 set,
         * bit 6 clear); w << 1 moves each byte's bit 6 under its bit 7 */
        uint64_t cont = w & ~(w << 1) & HIGH_BITS;
        count += 8 - __builtin_popcountll(cont);
    }
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        high |= c;
        count += (c & 0xC0) != 0x80;
    }
    if (ascii != NULL)
        *ascii = (high & HIGH_BITS) == 0;
    return count;
}

Rp_ssize_t _RpUTF8_Count(const char *s, Rp_ssize_t n)
{
    return count_code_points(s, n, NULL);
}

/* Build the table of byte offsets of code points 0, 32, 64, ... */
static int build_index(RpUnicodeObject *u)
{
    Rp_ssize_t n = u->length / INDEX_STRIDE + 1;
    Rp_ssize_t *idx = RpMem_Malloc((size_t)n * sizeof(Rp_ssize_t));
    if (idx == NULL)
        return -1;
    Rp_ssize_t pos = 0, cp = 0, k = 0;
    while (k < n) {
        if (cp % INDEX_STRIDE == 0)
            idx[k++] = pos;
        if (pos >= u->utf8_len)
            break;
        _RpUTF8_Next(u->data, &pos);
        cp++;
    }
    u->index = idx;
    return 0;
}

/* Walk forward from a byte position over `count` code points. */
static Rp_ssize_t skip_forward(const char *s, Rp_ssize_t pos, Rp_ssize_t count)
{
    const unsigned char *p = (const unsigned char *)s;
    while (count-- > 0) {
        unsigned char c = p[pos];
        pos += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    return pos;
}

Rp_ssize_t _RpUnicode_Offset(RpObject *o, Rp_ssize_t i)
{
    RpUnicodeObject *u = (RpUnicodeObject *)o;
    if (u->ascii)
        return i;
    if (i >= u->length)
        return u->utf8_len;
    if (i < INDEX_STRIDE)
        return skip_forward(u->data, 0, i);
    if (u->index == NULL && build_index(u) < 0) {
        /* Out of memory for the table: a linear walk is still correct. */
        return skip_forward(u->data, 0, i);
    }
    return skip_forward(u->data, u->index[i / INDEX_STRIDE], i % INDEX_STRIDE);
}

/* ---- allocation and singletons ---------------------------------------- */

RpObject *_RpUnicode_New(Rp_ssize_t utf8_len)
{
    if (utf8_len < 0 || (size_t)utf8_len > (size_t)RP_SSIZE_MAX_STR) {
        RpErr_NoMemory();
        return NULL;
    }
    RpUnicodeObject *u = RpObject_Malloc(UNI_HDR + (size_t)utf8_len + 1);
    if (u == NULL)
        return RpErr_NoMemory();
    RpObject_Init((RpObject *)u, &RpUnicode_Type);
    u->length = utf8_len;
    u->utf8_len = utf8_len;
    u->hash = -1;
    u->interned = 0;
    u->ascii = 1;
    u->index = NULL;
    u->data[utf8_len] = '\0';
    return (RpObject *)u;
}

RpObject *_RpUnicode_Empty(void)
{
    if (empty_str == NULL) {
        empty_str = _RpUnicode_New(0);
        if (empty_str == NULL)
            return NULL;
    }
    return Rp_NewRef(empty_str);
}

/* The shared one-character string for cp < 256 (new ref). */
static RpObject *latin1_char(int cp)
{
    RpObject *s = latin1_cache[cp];
    if (s == NULL) {
        char buf[2];
        int n = _RpUTF8_Write(buf, cp);
        s = _RpUnicode_New(n);
        if (s == NULL)
            return NULL;
        memcpy(RpUnicode_UTF8(s), buf, (size_t)n);
        ((RpUnicodeObject *)s)->length = 1;
        ((RpUnicodeObject *)s)->ascii = cp < 0x80;
        latin1_cache[cp] = s;
    }
    return Rp_NewRef(s);
}

/* Compute length/ascii; swap in a singleton for '' and Latin-1 chars. */
RpObject *_RpUnicode_Finish(RpObject *o)
{
    RpUnicodeObject *u = (RpUnicodeObject *)o;
    Rp_ssize_t n = u->utf8_len;
    int ascii;
    Rp_ssize_t count = count_code_points(u->data, n, &ascii);
    u->length = count;
    u->ascii = (unsigned char)ascii;
    u->hash = -1;
    if (!RpUnicode_CheckExact(o) || Rp_REFCNT(o) != 1)
        return o;
    if (n == 0) {
        Rp_DECREF(o);
        return _RpUnicode_Empty();
    }
    if (count == 1 && n <= 2) {
        Rp_ssize_t i = 0;
        int cp = _RpUTF8_Next(u->data, &i);
        if (cp < 256) {
            Rp_DECREF(o);
            return latin1_char(cp);
        }
    }
    return o;
}

RpObject *RpUnicode_FromStringAndSize(const char *s, Rp_ssize_t n)
{
    if (n < 0) {
        RpErr_SetString(RpExc_SystemError, "Negative size passed to RpUnicode_FromStringAndSize");
        return NULL;
    }
    if (n == 0)
        return _RpUnicode_Empty();
    if (n == 1 && (unsigned char)s[0] < 0x80)
        return latin1_char((unsigned char)s[0]);
    RpObject *u = _RpUnicode_New(n);
    if (u == NULL)
        return NULL;
    memcpy(RpUnicode_UTF8(u), s, (size_t)n);
    return _RpUnicode_Finish(u);
}

RpObject *RpUnicode_FromString(const char *s)
{
    return RpUnicode_FromStringAndSize(s, (Rp_ssize_t)strlen(s));
}

RpObject *RpUnicode_FromOrdinal(int cp)
{
    if (cp < 0 || cp > 0x10FFFF) {
        RpErr_SetString(RpExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    if (cp < 256)
        return latin1_char(cp);
    char buf[4];
    int n = _RpUTF8_Write(buf, cp);
    RpObject *u = _RpUnicode_New(n);
    if (u == NULL)
        return NULL;
    memcpy(RpUnicode_UTF8(u), buf, (size_t)n);
    ((RpUnicodeObject *)u)->length = 1;
    ((RpUnicodeObject *)u)->ascii = 0;
    return u;
}

RpObject *_RpUnicode_NewSubtype(RpTypeObject *type, RpObject *s)
{
    Rp_ssize_t n = RpUnicode_UTF8_SIZE(s);
    /* data lives inline at the same offset as for exact str; tp_itemsize
     * is 1, so the allocator reserves the text after the base header. */
    RpObject *o = type->tp_alloc(type, n + 1);
    if (o == NULL)
        return NULL;
    RpUnicodeObject *u = (RpUnicodeObject *)o;
    u->length = RpUnicode_GET_LENGTH(s);
    u->utf8_len = n;
    u->hash = -1;
    u->interned = 0;
    u->ascii = RpUnicode_IS_ASCII(s);
    u->index = NULL;
    memcpy(u->data, RpUnicode_UTF8(s), (size_t)n + 1);
    return o;
}

/* ---- decoding UTF-8 ----------------------------------------------------- */

void _RpUnicode_RaiseDecodeError(const char *encoding, const char *s, Rp_ssize_t n,
                                 Rp_ssize_t start, Rp_ssize_t end, const char *reason)
{
    RpObject *enc = RpUnicode_FromString(encoding);
    RpObject *obj = RpBytes_FromStringAndSize(s, n);
    RpObject *st = RpLong_FromSsize_t(start);
    RpObject *en = RpLong_FromSsize_t(end);
    RpObject *rs = RpUnicode_FromString(reason);
    if (enc && obj && st && en && rs) {
        RpObject *exc = RpObject_CallFunctionObjArgs(RpExc_UnicodeDecodeError,
                                                     enc, obj, st, en, rs, NULL);
        if (exc != NULL)
            RpErr_SetRaisedException(exc);
    }
    Rp_XDECREF(enc);
    Rp_XDECREF(obj);
    Rp_XDECREF(st);
    Rp_XDECREF(en);
    Rp_XDECREF(rs);
}

void _RpUnicode_RaiseEncodeError(const char *encoding, RpObject *u, Rp_ssize_t start,
                                 Rp_ssize_t end, const char *reason)
{
    RpObject *enc = RpUnicode_FromString(encoding);
    RpObject *st = RpLong_FromSsize_t(start);
    RpObject *en = RpLong_FromSsize_t(end);
    RpObject *rs = RpUnicode_FromString(reason);
    if (enc && st && en && rs) {
        RpObject *exc = RpObject_CallFunctionObjArgs(RpExc_UnicodeEncodeError,
                                                     enc, u, st, en, rs, NULL);
        if (exc != NULL)
            RpErr_SetRaisedException(exc);
    }
    Rp_XDECREF(enc);
    Rp_XDECREF(st);
    Rp_XDECREF(en);
    Rp_XDECREF(rs);
}

/* Length of the valid sequence at p[0..avail), or 0 with *reason and
 * *bad (bytes consumed by the error) set.  allow_surr accepts WTF-8
 * surrogates (ED A0..BF). */
static int utf8_check_seq(const unsigned char *p, Rp_ssize_t avail, int allow_surr,
                          const char **reason, int *bad)
{
    unsigned char c = p[0];
    int need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        need = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED && !allow_surr)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        *reason = "invalid start byte";
        *bad = 1;
        return 0;
    }
    for (int k = 1; k < need; k++) {
        if (k >= avail) {
            *reason = "unexpected end of data";
            *bad = (int)avail;
            return 0;
        }
        unsigned char lim_lo = k == 1 ? lo : 0x80, lim_hi = k == 1 ? hi : 0xBF;
        if (p[k] < lim_lo || p[k] > lim_hi) {
            *reason = "invalid continuation byte";
            *bad = k;
            return 0;
        }
    }
    return need;
}

enum { ERR_STRICT, ERR_REPLACE, ERR_IGNORE, ERR_SURROGATEESCAPE, ERR_BACKSLASH,
       ERR_SURROGATEPASS, ERR_XMLCHARREF };

/* Like CPython, an unknown handler is only looked up when an error occurs. */
static int error_handler(const char *errors)
{
    if (errors == NULL || strcmp(errors, "strict") == 0)
        return ERR_STRICT;
    if (strcmp(errors, "replace") == 0)
        return ERR_REPLACE;
    if (strcmp(errors, "ignore") == 0)
        return ERR_IGNORE;
    if (strcmp(errors, "surrogateescape") == 0)
        return ERR_SURROGATEESCAPE;
    if (strcmp(errors, "backslashreplace") == 0)
        return ERR_BACKSLASH;
    if (strcmp(errors, "surrogatepass") == 0)
        return ERR_SURROGATEPASS;
    if (strcmp(errors, "xmlcharrefreplace") == 0)
        return ERR_XMLCHARREF;
    return -1;
}

static int unknown_handler(const char *errors)
{
    RpErr_Format(RpExc_LookupError, "unknown error handler name '%s'", errors);
    return -1;
}

/* Handle one decoding error covering s[start..end): append the
 * replacement to b.  0 ok, -1 error raised. */
static int decode_error(RpStrBuf *b, const char *enc, const char *errors, const char *s,
                        Rp_ssize_t n, Rp_ssize_t start, Rp_ssize_t end, const char *reason)
{
    int h = error_handler(errors);
    char tmp[8];
    switch (h) {
    case ERR_STRICT:
        _RpUnicode_RaiseDecodeError(enc, s, n, start, end, reason);
        return -1;
    case ERR_REPLACE:
        return RpStrBuf_AppendCodePoint(b, 0xFFFD);
    case ERR_IGNORE:
        return 0;
    case ERR_SURROGATEESCAPE:
        for (Rp_ssize_t k = start; k < end; k++) {
            unsigned char c = (unsigned char)s[k];
            if (c < 128) {
                _RpUnicode_RaiseDecodeError(enc, s, n, start, end, reason);
                return -1;
            }
            if (RpStrBuf_AppendCodePoint(b, 0xDC00 + c) < 0)
                return -1;
        }
        return 0;
    case ERR_BACKSLASH:
        for (Rp_ssize_t k = start; k < end; k++) {
            snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned char)s[k]);
            if (RpStrBuf_AppendStr(b, tmp) < 0)
                return -1;
        }
        return 0;
    case -1:
        return unknown_handler(errors);
    default:
        _RpUnicode_RaiseDecodeError(enc, s, n, start, end, reason);
        return -1;
    }
}

static RpObject *decode_utf8_slow(const char *s, Rp_ssize_t n, const char *errors,
                                  Rp_ssize_t start)
{
    RpStrBuf b;
    RpStrBuf_Init(&b);
    if (RpStrBuf_Append(&b, s, start) < 0)
        goto error;
    Rp_ssize_t i = start;
    int surrpass = errors != NULL && strcmp(errors, "surrogatepass") == 0;
    while (i < n) {
        const char *reason = NULL;
        int bad = 0;
        int k = utf8_check_seq((const unsigned char *)s + i, n - i, surrpass, &reason, &bad);
        if (k > 0) {
            if (RpStrBuf_Append(&b, s + i, k) < 0)
                goto error;
            i += k;
            continue;
        }
        if (decode_error(&b, "utf-8", errors, s, n, i, i + bad, reason) < 0)
            goto error;
        i += bad;
    }
    return RpStrBuf_Finish(&b);
error:
    RpStrBuf_Discard(&b);
    return NULL;
}

RpObject *RpUnicode_DecodeUTF8(const char *s, Rp_ssize_t n, const char *errors)
{
    Rp_ssize_t i = 0;
    /* Fast scan: valid input is copied once. */
    while (i < n) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        const char *reason;
        int bad;
        int k = utf8_check_seq((const unsigned char *)s + i, n - i, 0, &reason, &bad);
        if (k == 0)
            return decode_utf8_slow(s, n, errors, i);
        i += k;
    }
    return RpUnicode_FromStringAndSize(s, n);
}

/* ---- accessors ----------------------------------------------------------- */

static int bad_str_arg(RpObject *u)
{
    RpErr_Format(RpExc_TypeError, "bad argument type for built-in operation");
    return -1;
}

const char *RpUnicode_AsUTF8AndSize(RpObject *u, Rp_ssize_t *size)
{
    if (!RpUnicode_Check(u)) {
        bad_str_arg(u);
        return NULL;
    }
    if (size)
        *size = RpUnicode_UTF8_SIZE(u);
    return RpUnicode_UTF8(u);
}

const char *RpUnicode_AsUTF8(RpObject *u)
{
    return RpUnicode_AsUTF8AndSize(u, NULL);
}

Rp_ssize_t RpUnicode_GetLength(RpObject *u)
{
    if (!RpUnicode_Check(u))
        return bad_str_arg(u);
    return RpUnicode_GET_LENGTH(u);
}

int RpUnicode_ReadChar(RpObject *u, Rp_ssize_t index)
{
    if (!RpUnicode_Check(u))
        return bad_str_arg(u);
    if (index < 0 || index >= RpUnicode_GET_LENGTH(u)) {
        RpErr_SetString(RpExc_IndexError, "string index out of range");
        return -1;
    }
    Rp_ssize_t off = _RpUnicode_Offset(u, index);
    return _RpUTF8_Next(RpUnicode_UTF8(u), &off);
}

/* Code points [start, end), clamped; returns u itself when whole. */
RpObject *RpUnicode_Substring(RpObject *u, Rp_ssize_t start, Rp_ssize_t end)
{
    Rp_ssize_t len = RpUnicode_GET_LENGTH(u);
    if (start < 0)
        start = 0;
    if (end > len)
        end = len;
    if (start >= end)
        return _RpUnicode_Empty();
    if (start == 0 && end == len && RpUnicode_CheckExact(u))
        return Rp_NewRef(u);
    Rp_ssize_t a = _RpUnicode_Offset(u, start);
    Rp_ssize_t b = RpUnicode_IS_ASCII(u) ? end : skip_forward(RpUnicode_UTF8(u), a, end - start);
    if (end - start == 1) {
        Rp_ssize_t p = a;
        int cp = _RpUTF8_Next(RpUnicode_UTF8(u), &p);
        if (cp < 256)
            return latin1_char(cp);
    }
    RpObject *r = _RpUnicode_New(b - a);
    if (r == NULL)
        return NULL;
    memcpy(RpUnicode_UTF8(r), RpUnicode_UTF8(u) + a, (size_t)(b - a));
    ((RpUnicodeObject *)r)->length = end - start;
    ((RpUnicodeObject *)r)->ascii = RpUnicode_IS_ASCII(u) || (b - a) == end - start;
    return r;
}

/* ---- comparison ---------------------------------------------------------- */

/* Bytewise order of UTF-8 (and WTF-8) equals code point order. */
static int compare_text(RpObject *a, RpObject *b)
{
    Rp_ssize_t la = RpUnicode_UTF8_SIZE(a), lb = RpUnicode_UTF8_SIZE(b);
    int c = memcmp(RpUnicode_UTF8(a), RpUnicode_UTF8(b), (size_t)(la < lb ? la : lb));
    if (c != 0)
        return c < 0 ? -1 : 1;
    return la < lb ? -1 : la > lb ? 1 : 0;
}

int RpUnicode_Compare(RpObject *a, RpObject *b)
{
    if (!RpUnicode_Check(a) || !RpUnicode_Check(b)) {
        RpErr_Format(RpExc_TypeError, "Can't compare %.100s and %.100s",
                     Rp_TYPE(a)->tp_name, Rp_TYPE(b)->tp_name);
        return -1;
    }
    return compare_text(a, b);
}

int RpUnicode_CompareWithASCIIString(RpObject *a, const char *s)
{
    Rp_ssize_t lb = (Rp_ssize_t)strlen(s), la = RpUnicode_UTF8_SIZE(a);
    int c = memcmp(RpUnicode_UTF8(a), s, (size_t)(la < lb ? la : lb));
    if (c != 0)
        return c < 0 ? -1 : 1;
    return la < lb ? -1 : la > lb ? 1 : 0;
}

int _RpUnicode_Equal(RpObject *a, RpObject *b)
{
    if (a == b)
        return 1;
    RpUnicodeObject *x = (RpUnicodeObject *)a, *y = (RpUnicodeObject *)b;
    if (x->utf8_len != y->utf8_len)
        return 0;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash)
        return 0;
    return memcmp(x->data, y->data, (size_t)x->utf8_len) == 0;
}

int _RpUnicode_EqualToASCIIString(RpObject *a, const char *s)
{
    size_t n = strlen(s);
    return (size_t)RpUnicode_UTF8_SIZE(a) == n && memcmp(RpUnicode_UTF8(a), s, n) == 0;
}

static RpObject *unicode_richcompare(RpObject *a, RpObject *b, int op)
{
    if (!RpUnicode_Check(a) || !RpUnicode_Check(b))
        Rp_RETURN_NOTIMPLEMENTED;
    int r;
    if (op == Rp_EQ || op == Rp_NE) {
        r = _RpUnicode_Equal(a, b);
        return RpBool_FromLong(op == Rp_EQ ? r : !r);
    }
    int c = compare_text(a, b);
    switch (op) {
    case Rp_LT: r = c < 0; break;
    case Rp_LE: r = c <= 0; break;
    case Rp_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return RpBool_FromLong(r);
}

/* ---- concatenation, repetition ----------------------------------------- */

static RpObject *concat_exact(RpObject *a, RpObject *b)
{
    Rp_ssize_t la = RpUnicode_UTF8_SIZE(a), lb = RpUnicode_UTF8_SIZE(b);
    if (la > RP_SSIZE_MAX_STR - lb) {
        RpErr_SetString(RpExc_OverflowError, "strings are too large to concat");
        return NULL;
    }
    RpObject *r = _RpUnicode_New(la + lb);
    if (r == NULL)
        return NULL;
    memcpy(RpUnicode_UTF8(r), RpUnicode_UTF8(a), (size_t)la);
    memcpy(RpUnicode_UTF8(r) + la, RpUnicode_UTF8(b), (size_t)lb);
    ((RpUnicodeObject *)r)->length = RpUnicode_GET_LENGTH(a) + RpUnicode_GET_LENGTH(b);
    ((RpUnicodeObject *)r)->ascii = RpUnicode_IS_ASCII(a) && RpUnicode_IS_ASCII(b);
    return r;
}

RpObject *RpUnicode_Concat(RpObject *a, RpObject *b)
{
    if (!RpUnicode_Check(a)) {
        RpErr_Format(RpExc_TypeError, "must be str, not %.100s", Rp_TYPE(a)->tp_name);
        return NULL;
    }
    if (!RpUnicode_Check(b)) {
        RpErr_Format(RpExc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                     Rp_TYPE(b)->tp_name);
        return NULL;
    }
    if (RpUnicode_UTF8_SIZE(a) == 0 && RpUnicode_CheckExact(b))
        return Rp_NewRef(b);
    if (RpUnicode_UTF8_SIZE(b) == 0 && RpUnicode_CheckExact(a))
        return Rp_NewRef(a);
    return concat_exact(a, b);
}

/* A string nobody else can observe may be grown where it is. */
static int can_resize_in_place(RpObject *s)
{
    return RpUnicode_CheckExact(s) && Rp_REFCNT(s) == 1
           && !((RpUnicodeObject *)s)->interned && s != empty_str;
}

void RpUnicode_Append(RpObject **pleft, RpObject *right)
{
    RpObject *left = *pleft;
    if (left == NULL)
        return;
    if (!RpUnicode_Check(left) || !RpUnicode_Check(right)) {
        RpObject *r = RpUnicode_Concat(left, right);
        Rp_SETREF(*pleft, r);
        return;
    }
    Rp_ssize_t la = RpUnicode_UTF8_SIZE(left), lb = RpUnicode_UTF8_SIZE(right);
    if (lb == 0)
        return;
    if (!can_resize_in_place(left) || right == left || la > RP_SSIZE_MAX_STR - lb) {
        RpObject *r = RpUnicode_Concat(left, right);
        Rp_SETREF(*pleft, r);
        return;
    }
    RpUnicodeObject *u = RpObject_Realloc(left, UNI_HDR + (size_t)(la + lb) + 1);
    if (u == NULL) {
        Rp_CLEAR(*pleft);
        RpErr_NoMemory();
        return;
    }
    memcpy(u->data + la, RpUnicode_UTF8(right), (size_t)lb + 1);
    u->utf8_len = la + lb;
    u->length += RpUnicode_GET_LENGTH(right);
    u->ascii = u->ascii && RpUnicode_IS_ASCII(right);
    u->hash = -1;
    if (u->index != NULL) {
        RpMem_Free(u->index);
        u->index = NULL;
    }
    *pleft = (RpObject *)u;
}

static RpObject *unicode_repeat(RpObject *s, Rp_ssize_t n)
{
    if (n <= 0)
        return _RpUnicode_Empty();
    if (n == 1 && RpUnicode_CheckExact(s))
        return Rp_NewRef(s);
    Rp_ssize_t len = RpUnicode_UTF8_SIZE(s);
    if (len == 0)
        return _RpUnicode_Empty();
    if (len > RP_SSIZE_MAX_STR / n) {
        RpErr_SetString(RpExc_OverflowError, "repeated string is too long");
        return NULL;
    }
    RpObject *r = _RpUnicode_New(len * n);
    if (r == NULL)
        return NULL;
    char *d = RpUnicode_UTF8(r);
    Rp_ssize_t total = len * n, done = len;
    memcpy(d, RpUnicode_UTF8(s), (size_t)len);
    /* Doubling copies: O(log n) memcpy calls. */
    while (done < total) {
        Rp_ssize_t chunk = done < total - done ? done : total - done;
        memcpy(d + done, d, (size_t)chunk);
        done += chunk;
    }
    ((RpUnicodeObject *)r)->length = RpUnicode_GET_LENGTH(s) * n;
    ((RpUnicodeObject *)r)->ascii = RpUnicode_IS_ASCII(s);
    return r;
}

/* ---- searching ----------------------------------------------------------- */

/* Byte position of needle in hay[0..hn) searching backwards, or -1. */
static Rp_ssize_t find_last(const char *hay, Rp_ssize_t hn, const char *nd, Rp_ssize_t nn)
{
    if (nn == 0)
        return hn;
    for (Rp_ssize_t i = hn - nn; i >= 0; i--) {
        if (hay[i] == nd[0] && memcmp(hay + i, nd, (size_t)nn) == 0)
            return i;
    }
    return -1;
}

/* The first occurrence of nd[0..nn) (nn >= 1) in hay[0..hn), or NULL.
 * glibc's memmem pays a set-up cost per call that dominates on the short
 * strings most programs search (words, lines, separators): for short
 * needles, memchr to the candidates and compare the rest.  The needle
 * length bounds the work per candidate, so the loop stays linear. */
const char *_RpUnicode_SearchBytes(const char *hay, Rp_ssize_t hn, const char *nd,
                                   Rp_ssize_t nn)
{
    if (nn > hn)
        return NULL;
    if (nn == 1)
        return memchr(hay, nd[0], (size_t)hn);
    if (nn > 8)
        return memmem(hay, (size_t)hn, nd, (size_t)nn);
    const char *end = hay + hn - nn + 1, *p = hay;   /* candidates: [hay, end) */
    while (p < end) {
        p = memchr(p, nd[0], (size_t)(end - p));
        if (p == NULL)
            return NULL;
        if (p[nn - 1] == nd[nn - 1] && memcmp(p + 1, nd + 1, (size_t)(nn - 2)) == 0)
            return p;
        p++;
    }
    return NULL;
}

static Rp_ssize_t find_first(const char *hay, Rp_ssize_t hn, const char *nd, Rp_ssize_t nn)
{
    if (nn == 0)
        return 0;
    if (nn > hn)
        return -1;
    const char *p = _RpUnicode_SearchBytes(hay, hn, nd, nn);
    return p == NULL ? -1 : p - hay;
}

/* Clamp start/end like a slice over len. */
static void adjust_range(Rp_ssize_t len, Rp_ssize_t *start, Rp_ssize_t *end)
{
    if (*end > len)
        *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0)
            *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
}

Rp_ssize_t RpUnicode_Find(RpObject *s, RpObject *sub, Rp_ssize_t start, Rp_ssize_t end,
                          int direction)
{
    if (!RpUnicode_Check(s) || !RpUnicode_Check(sub)) {
        bad_str_arg(s);
        return -2;
    }
    Rp_ssize_t len = RpUnicode_GET_LENGTH(s);
    adjust_range(len, &start, &end);
    if (end - start < RpUnicode_GET_LENGTH(sub))
        return -1;
    Rp_ssize_t a = _RpUnicode_Offset(s, start), b = _RpUnicode_Offset(s, end);
    const char *d = RpUnicode_UTF8(s);
    Rp_ssize_t pos = direction > 0
        ? find_first(d + a, b - a, RpUnicode_UTF8(sub), RpUnicode_UTF8_SIZE(sub))
        : find_last(d + a, b - a, RpUnicode_UTF8(sub), RpUnicode_UTF8_SIZE(sub));
    if (pos < 0)
        return -1;
    if (RpUnicode_IS_ASCII(s))
        return start + pos;
    return start + _RpUTF8_Count(d + a, pos);
}

int RpUnicode_Contains(RpObject *container, RpObject *element)
{
    if (!RpUnicode_Check(element)) {
        RpErr_Format(RpExc_TypeError,
                     "'in <string>' requires string as left operand, not %.100s",
                     Rp_TYPE(element)->tp_name);
        return -1;
    }
    return find_first(RpUnicode_UTF8(container), RpUnicode_UTF8_SIZE(container),
                      RpUnicode_UTF8(element), RpUnicode_UTF8_SIZE(element)) >= 0;
}

/* ---- interning ------------------------------------------------------------- */

/* Open addressing over borrowed pointers; TOMBSTONE marks deleted slots. */
static RpUnicodeObject **intern_table;
static size_t intern_mask, intern_used, intern_filled;
static RpUnicodeObject intern_tombstone_obj;
#define TOMBSTONE (&intern_tombstone_obj)

static int intern_resize(size_t newsize)
{
    RpUnicodeObject **old = intern_table;
    size_t oldsize = old ? intern_mask + 1 : 0;
    RpUnicodeObject **t = RpMem_Calloc(newsize, sizeof(*t));
    if (t == NULL)
        return -1;
    intern_table = t;
    intern_mask = newsize - 1;
    intern_filled = intern_used;
    for (size_t i = 0; i < oldsize; i++) {
        RpUnicodeObject *u = old[i];
        if (u == NULL || u == TOMBSTONE)
            continue;
        size_t j = (size_t)u->hash & intern_mask;
        while (t[j] != NULL)
            j = (j + 1) & intern_mask;
        t[j] = u;
    }
    RpMem_Free(old);
    return 0;
}

/* Slot holding text equal to u, or NULL. */
static RpUnicodeObject **intern_find(RpUnicodeObject *u)
{
    if (intern_table == NULL)
        return NULL;
    size_t j = (size_t)u->hash & intern_mask;
    for (RpUnicodeObject *e; (e = intern_table[j]) != NULL; j = (j + 1) & intern_mask) {
        if (e != TOMBSTONE && e->hash == u->hash && _RpUnicode_Equal((RpObject *)e, (RpObject *)u))
            return &intern_table[j];
    }
    return NULL;
}

static int intern_insert(RpUnicodeObject *u)
{
    if (intern_table == NULL || (intern_filled + 1) * 3 >= (intern_mask + 1) * 2) {
        size_t size = intern_table ? intern_mask + 1 : 1024;
        while ((intern_used + 1) * 3 >= size)
            size *= 2;
        if (intern_resize(size) < 0)
            return -1;
    }
    size_t j = (size_t)u->hash & intern_mask;
    while (intern_table[j] != NULL && intern_table[j] != TOMBSTONE)
        j = (j + 1) & intern_mask;
    if (intern_table[j] == NULL)
        intern_filled++;
    intern_table[j] = u;
    intern_used++;
    u->interned = 1;
    return 0;
}

static void intern_remove(RpUnicodeObject *u)
{
    if (intern_table == NULL)
        return;
    size_t j = (size_t)u->hash & intern_mask;
    for (RpUnicodeObject *e; (e = intern_table[j]) != NULL; j = (j + 1) & intern_mask) {
        if (e == u) {
            intern_table[j] = TOMBSTONE;
            intern_used--;
            return;
        }
    }
}

void RpUnicode_InternInPlace(RpObject **p)
{
    RpObject *s = *p;
    if (s == NULL || !RpUnicode_CheckExact(s) || ((RpUnicodeObject *)s)->interned)
        return;
    if (_RpUnicode_Hash(s) == -1) {
        RpErr_Clear();
        return;
    }
    RpUnicodeObject **slot = intern_find((RpUnicodeObject *)s);
    if (slot != NULL) {
        Rp_INCREF(*slot);
        Rp_SETREF(*p, (RpObject *)*slot);
        return;
    }
    /* Out of memory only means this string stays uninterned. */
    if (intern_insert((RpUnicodeObject *)s) < 0)
        RpErr_Clear();
}

RpObject *RpUnicode_InternFromString(const char *s)
{
    RpObject *u = RpUnicode_FromString(s);
    if (u != NULL)
        RpUnicode_InternInPlace(&u);
    return u;
}

/* ---- identifiers, init, fini --------------------------------------------- */

/* Field name -> text: drop one trailing underscore (default_ -> "default"). */
static RpObject *make_identifier(const char *field)
{
    char buf[64];
    size_t n = strlen(field);
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, field, n);
    if (n > 1 && buf[n - 1] == '_' && buf[n - 2] != '_')
        n--;
    buf[n] = '\0';
    return RpUnicode_InternFromString(buf);
}

int _RpUnicode_Init(void)
{
#define RP_ID_INIT(n)                                   \
    if (_Rp_ID.n == NULL) {                             \
        _Rp_ID.n = make_identifier(#n);                 \
        if (_Rp_ID.n == NULL)                           \
            return -1;                                  \
    }
    RP_IDENTIFIERS(RP_ID_INIT)
#undef RP_ID_INIT
    RpObject *e = _RpUnicode_Empty();
    if (e == NULL)
        return -1;
    Rp_DECREF(e);
    return 0;
}

void _RpUnicode_Fini(void)
{
#define RP_ID_FINI(n) Rp_CLEAR(_Rp_ID.n);
    RP_IDENTIFIERS(RP_ID_FINI)
#undef RP_ID_FINI
    for (int i = 0; i < 256; i++)
        Rp_CLEAR(latin1_cache[i]);
    Rp_CLEAR(empty_str);
    _RpBytes_Fini();
    /* Whatever is still interned is owned elsewhere (or leaked); detach it
     * so a later dealloc does not touch the freed table. */
    if (intern_table != NULL) {
        for (size_t i = 0; i <= intern_mask; i++) {
            RpUnicodeObject *u = intern_table[i];
            if (u != NULL && u != TOMBSTONE)
                u->interned = 0;
        }
        RpMem_Free(intern_table);
        intern_table = NULL;
        intern_mask = intern_used = intern_filled = 0;
    }
}

/* ---- RpStrBuf ---------------------------------------------------------------- */

void RpStrBuf_Init(RpStrBuf *b)
{
    b->buf = NULL;
    b->len = b->cap = 0;
    b->error = 0;
}

static int strbuf_grow(RpStrBuf *b, Rp_ssize_t need)
{
    if (b->error)
        return -1;
    if (need > RP_SSIZE_MAX_STR - b->len) {
        b->error = 1;
        RpErr_NoMemory();
        return -1;
    }
    Rp_ssize_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + need)
        cap = cap < RP_SSIZE_MAX_STR / 2 ? cap * 2 : RP_SSIZE_MAX_STR;
    char *p = RpMem_Realloc(b->buf, (size_t)cap + 1);
    if (p == NULL) {
        b->error = 1;
        RpErr_NoMemory();
        return -1;
    }
    b->buf = p;
    b->cap = cap;
    return 0;
}

int RpStrBuf_Append(RpStrBuf *b, const char *s, Rp_ssize_t n)
{
    if (n <= 0)
        return b->error ? -1 : 0;
    if (b->len + n > b->cap && strbuf_grow(b, n) < 0)
        return -1;
    memcpy(b->buf + b->len, s, (size_t)n);
    b->len += n;
    return 0;
}

int RpStrBuf_AppendStr(RpStrBuf *b, const char *s)
{
    return RpStrBuf_Append(b, s, (Rp_ssize_t)strlen(s));
}

int RpStrBuf_AppendChar(RpStrBuf *b, char c)
{
    if (b->len + 1 > b->cap && strbuf_grow(b, 1) < 0)
        return -1;
    b->buf[b->len++] = c;
    return 0;
}

int RpStrBuf_AppendCodePoint(RpStrBuf *b, int cp)
{
    char tmp[4];
    return RpStrBuf_Append(b, tmp, _RpUTF8_Write(tmp, cp));
}

int RpStrBuf_AppendObject(RpStrBuf *b, RpObject *str)
{
    return RpStrBuf_Append(b, RpUnicode_UTF8(str), RpUnicode_UTF8_SIZE(str));
}

RpObject *RpStrBuf_Finish(RpStrBuf *b)
{
    RpObject *r = NULL;
    if (!b->error)
        r = RpUnicode_FromStringAndSize(b->buf ? b->buf : "", b->len);
    RpStrBuf_Discard(b);
    return r;
}

void RpStrBuf_Discard(RpStrBuf *b)
{
    RpMem_Free(b->buf);
    b->buf = NULL;
    b->len = b->cap = 0;
}

/* ---- repr ------------------------------------------------------------------ */

static int append_escape(RpStrBuf *b, int cp)
{
    char tmp[12];
    if (cp < 0x100)
        snprintf(tmp, sizeof tmp, "\\x%02x", cp);
    else if (cp < 0x10000)
        snprintf(tmp, sizeof tmp, "\\u%04x", cp);
    else
        snprintf(tmp, sizeof tmp, "\\U%08x", cp);
    return RpStrBuf_AppendStr(b, tmp);
}

/* Shared by repr() and ascii(): ascii_only escapes every non-ASCII char. */
static RpObject *repr_impl(RpObject *u, int ascii_only)
{
    const char *s = RpUnicode_UTF8(u);
    Rp_ssize_t n = RpUnicode_UTF8_SIZE(u);
    /* CPython: single quotes unless the text has ' and no ". */
    char quote = (memchr(s, '\'', (size_t)n) && !memchr(s, '"', (size_t)n)) ? '"' : '\'';
    RpStrBuf b;
    RpStrBuf_Init(&b);
    RpStrBuf_AppendChar(&b, quote);
    Rp_ssize_t i = 0;
    while (i < n) {
        Rp_ssize_t at = i;
        int cp = _RpUTF8_Next(s, &i);
        if (cp == quote || cp == '\\') {
            RpStrBuf_AppendChar(&b, '\\');
            RpStrBuf_AppendChar(&b, (char)cp);
        } else if (cp == '\n')
            RpStrBuf_AppendStr(&b, "\\n");
        else if (cp == '\r')
            RpStrBuf_AppendStr(&b, "\\r");
        else if (cp == '\t')
            RpStrBuf_AppendStr(&b, "\\t");
        else if (cp < 0x20 || cp == 0x7f)
            append_escape(&b, cp);
        else if (cp < 0x7f)
            RpStrBuf_AppendChar(&b, (char)cp);
        else if (ascii_only || !_RpUnicode_IsPrintable(cp))
            append_escape(&b, cp);
        else
            RpStrBuf_Append(&b, s + at, i - at);
    }
    RpStrBuf_AppendChar(&b, quote);
    return RpStrBuf_Finish(&b);
}

RpObject *RpUnicode_Repr(RpObject *u)
{
    return repr_impl(u, 0);
}

RpObject *_RpUnicode_ASCIIRepr(RpObject *u)
{
    return repr_impl(u, 1);
}

/* ---- type slots ----------------------------------------------------------- */

static void unicode_dealloc(RpObject *o)
{
    RpUnicodeObject *u = (RpUnicodeObject *)o;
    if (u->interned)
        intern_remove(u);
    if (u->index != NULL)
        RpMem_Free(u->index);
    if (RpUnicode_CheckExact(o))
        RpObject_Free(o);
    else
        Rp_TYPE(o)->tp_free(o);
}

static Rp_hash_t unicode_hash(RpObject *o)
{
    return _RpUnicode_Hash(o);
}

static RpObject *unicode_str(RpObject *o)
{
    if (RpUnicode_CheckExact(o))
        return Rp_NewRef(o);
    return RpUnicode_FromStringAndSize(RpUnicode_UTF8(o), RpUnicode_UTF8_SIZE(o));
}

static Rp_ssize_t unicode_length(RpObject *o)
{
    return RpUnicode_GET_LENGTH(o);
}

static RpObject *unicode_item(RpObject *o, Rp_ssize_t i)
{
    if (i < 0 || i >= RpUnicode_GET_LENGTH(o)) {
        RpErr_SetString(RpExc_IndexError, "string index out of range");
        return NULL;
    }
    return RpUnicode_Substring(o, i, i + 1);
}

static RpObject *unicode_concat(RpObject *a, RpObject *b)
{
    return RpUnicode_Concat(a, b);
}

static int unicode_contains(RpObject *c, RpObject *e)
{
    return RpUnicode_Contains(c, e);
}

/* s[start:stop:step] with step != 1. */
static RpObject *slice_stepped(RpObject *u, Rp_ssize_t start, Rp_ssize_t step, Rp_ssize_t count)
{
    const char *s = RpUnicode_UTF8(u);
    if (RpUnicode_IS_ASCII(u)) {
        RpObject *r = _RpUnicode_New(count);
        if (r == NULL)
            return NULL;
        for (Rp_ssize_t k = 0; k < count; k++)
            RpUnicode_UTF8(r)[k] = s[start + k * step];
        return _RpUnicode_Finish(r);
    }
    RpStrBuf b;
    RpStrBuf_Init(&b);
    Rp_ssize_t pos = _RpUnicode_Offset(u, start), cur = start;
    for (Rp_ssize_t k = 0; k < count; k++) {
        Rp_ssize_t want = start + k * step;
        if (want >= cur)
            pos = skip_forward(s, pos, want - cur);
        else
            pos = _RpUnicode_Offset(u, want);
        cur = want;
        Rp_ssize_t end = pos;
        _RpUTF8_Next(s, &end);
        RpStrBuf_Append(&b, s + pos, end - pos);
    }
    return RpStrBuf_Finish(&b);
}

static RpObject *unicode_subscript(RpObject *o, RpObject *key)
{
    if (RpIndex_Check(key)) {
        Rp_ssize_t i = RpNumber_AsSsize_t(key, RpExc_IndexError);
        if (i == -1 && RpErr_Occurred())
            return NULL;
        if (i < 0)
            i += RpUnicode_GET_LENGTH(o);
        return unicode_item(o, i);
    }
    if (RpSlice_Check(key)) {
        Rp_ssize_t start, stop, step;
        if (RpSlice_Unpack(key, &start, &stop, &step) < 0)
            return NULL;
        Rp_ssize_t n = RpSlice_AdjustIndices(RpUnicode_GET_LENGTH(o), &start, &stop, step);
        if (n <= 0)
            return _RpUnicode_Empty();
        if (step == 1)
            return RpUnicode_Substring(o, start, stop);
        return slice_stepped(o, start, step, n);
    }
    RpErr_Format(RpExc_TypeError, "string indices must be integers, not '%.200s'",
                 Rp_TYPE(key)->tp_name);
    return NULL;
}

static RpObject *unicode_mod(RpObject *a, RpObject *b)
{
    if (!RpUnicode_Check(a))
        Rp_RETURN_NOTIMPLEMENTED;
    return RpUnicode_Format(a, b);
}

/* str(object='') / str(object=b'', encoding='utf-8', errors='strict') */
static RpObject *unicode_from_args(RpObject *args, RpObject *kwds)
{
    static const char *const names[] = {"object", "encoding", "errors"};
    RpObject *vals[3] = {NULL, NULL, NULL};
    Rp_ssize_t nargs = RpTuple_GET_SIZE(args);
    if (nargs > 3) {
        RpErr_Format(RpExc_TypeError, "str() takes at most 3 arguments (%zd given)", nargs);
        return NULL;
    }
    for (Rp_ssize_t i = 0; i < nargs; i++)
        vals[i] = RpTuple_GET_ITEM(args, i);
    if (kwds != NULL) {
        Rp_ssize_t pos = 0;
        RpObject *k, *v;
        while (RpDict_Next(kwds, &pos, &k, &v)) {
            int found = 0;
            for (int j = 0; j < 3; j++) {
                if (RpUnicode_Check(k) && _RpUnicode_EqualToASCIIString(k, names[j])) {
                    if (vals[j] != NULL) {
                        RpErr_Format(RpExc_TypeError,
                                     "argument for str() given by name ('%s') and position (%d)",
                                     names[j], j + 1);
                        return NULL;
                    }
                    vals[j] = v;
                    found = 1;
                }
            }
            if (!found) {
                RpErr_Format(RpExc_TypeError, "'%U' is an invalid keyword argument for str()", k);
                return NULL;
            }
        }
    }
    if (vals[1] == NULL && vals[2] == NULL)
        return vals[0] ? RpObject_Str(vals[0]) : _RpUnicode_Empty();
    const char *enc = NULL, *err = NULL;
    for (int j = 1; j < 3; j++) {
        if (vals[j] != NULL && !RpUnicode_Check(vals[j])) {
            RpErr_Format(RpExc_TypeError, "str() argument '%s' must be str, not %.100s",
                         names[j], Rp_TYPE(vals[j])->tp_name);
            return NULL;
        }
    }
    if (vals[1])
        enc = RpUnicode_UTF8(vals[1]);
    if (vals[2])
        err = RpUnicode_UTF8(vals[2]);
    if (vals[0] == NULL)
        return _RpUnicode_Empty();
    if (RpUnicode_Check(vals[0])) {
        RpErr_SetString(RpExc_TypeError, "decoding str is not supported");
        return NULL;
    }
    const char *p;
    Rp_ssize_t n;
    if (!_RpBytes_View(vals[0], &p, &n)) {
        RpErr_Format(RpExc_TypeError, "decoding to str: need a bytes-like object, %.100s found",
                     Rp_TYPE(vals[0])->tp_name);
        return NULL;
    }
    return _RpUnicode_Decode(p, n, enc, err);
}

static RpObject *unicode_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    RpObject *s = unicode_from_args(args, kwds);
    if (s == NULL || type == &RpUnicode_Type)
        return s;
    if (!RpUnicode_Check(s)) {
        Rp_DECREF(s);
        RpErr_SetString(RpExc_TypeError, "__str__ returned non-string");
        return NULL;
    }
    RpObject *r = _RpUnicode_NewSubtype(type, s);
    Rp_DECREF(s);
    return r;
}

/* ---- iterator ---------------------------------------------------------------- */

typedef struct {
    RpObject_HEAD
    RpObject *str;          /* NULL once exhausted */
    Rp_ssize_t pos;         /* byte offset of the next code point */
    Rp_ssize_t index;       /* code point index of the next one */
} unicodeiterobject;

static RpObject *unicode_iter(RpObject *s)
{
    unicodeiterobject *it = RpObject_Malloc(sizeof *it);
    if (it == NULL)
        return RpErr_NoMemory();
    RpObject_Init((RpObject *)it, &RpUnicodeIter_Type);
    it->str = Rp_NewRef(s);
    it->pos = 0;
    it->index = 0;
    return (RpObject *)it;
}

static void unicodeiter_dealloc(RpObject *o)
{
    unicodeiterobject *it = (unicodeiterobject *)o;
    Rp_XDECREF(it->str);
    RpObject_Free(o);
}

static RpObject *unicodeiter_next(RpObject *o)
{
    unicodeiterobject *it = (unicodeiterobject *)o;
    RpObject *s = it->str;
    if (s == NULL)
        return NULL;
    if (it->pos >= RpUnicode_UTF8_SIZE(s)) {
        it->str = NULL;
        Rp_DECREF(s);
        return NULL;
    }
    const char *d = RpUnicode_UTF8(s);
    Rp_ssize_t at = it->pos;
    int cp = _RpUTF8_Next(d, &it->pos);
    it->index++;
    if (cp < 256)
        return latin1_char(cp);
    return RpUnicode_FromStringAndSize(d + at, it->pos - at);
}

static RpObject *unicodeiter_length_hint(RpObject *o, RpObject *unused)
{
    unicodeiterobject *it = (unicodeiterobject *)o;
    Rp_ssize_t n = it->str ? RpUnicode_GET_LENGTH(it->str) - it->index : 0;
    return RpLong_FromSsize_t(n);
}

static RpMethodDef unicodeiter_methods[] = {
    {"__length_hint__", (RpCFunction)unicodeiter_length_hint, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpUnicodeIter_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "str_ascii_iterator",
    .tp_basicsize = sizeof(unicodeiterobject),
    .tp_dealloc = unicodeiter_dealloc,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = unicodeiter_next,
    .tp_methods = unicodeiter_methods,
    .tp_free = RpObject_Free,
};

/* ---- the str type ------------------------------------------------------------ */

static RpSequenceMethods unicode_as_sequence = {
    .sq_length = unicode_length,
    .sq_concat = unicode_concat,
    .sq_repeat = unicode_repeat,
    .sq_item = unicode_item,
    .sq_contains = unicode_contains,
};

static RpMappingMethods unicode_as_mapping = {
    .mp_length = unicode_length,
    .mp_subscript = unicode_subscript,
};

static RpNumberMethods unicode_as_number = {
    .nb_remainder = unicode_mod,
};

RpTypeObject RpUnicode_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "str",
    .tp_basicsize = UNI_HDR,
    .tp_itemsize = 1,
    .tp_dealloc = unicode_dealloc,
    .tp_as_number = &unicode_as_number,
    .tp_as_sequence = &unicode_as_sequence,
    .tp_as_mapping = &unicode_as_mapping,
    .tp_hash = unicode_hash,
    .tp_repr = RpUnicode_Repr,
    .tp_str = unicode_str,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_BASETYPE | RP_TPFLAGS_UNICODE_SUBCLASS,
    .tp_doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str",
    .tp_richcompare = unicode_richcompare,
    .tp_iter = unicode_iter,
    .tp_methods = _RpUnicode_Methods,
    .tp_base = &RpBaseObject_Type,
    .tp_new = unicode_new,
    .tp_free = RpObject_Free,
};
