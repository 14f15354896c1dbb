/* binasciimodule.c -- the `binascii` module: hex and base64 codecs and the
 * CRC-32 / CRC-CCITT checksums (lib/base64.py is written over it).  The
 * CRC-32 table is shared with zlib through RpStd_Crc32.
 *
 * Decoders accept bytes-like objects or ASCII-only str; they raise
 * binascii.Error (a ValueError) on malformed input, with CPython's texts.
 */
#include "stdmod.h"
#include <stdint.h>

#define FAST(f) ((RpCFunction)(void (*)(void))(f))

static RpObject *berr(const char *msg)
{
    return RpStd_Raise("binascii", "Error", "%s", msg);
}

/* ---- CRCs -------------------------------------------------------------- */

/* Reflected CRC-32 (polynomial 0xEDB88320), the one zlib and PNG use. */
uint32_t RpStd_Crc32(uint32_t crc, const unsigned char *p, size_t n)
{
    static uint32_t table[256];
    static int ready;
    if (!ready) {
        /* benign race: every thread computes the same table */
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        ready = 1;
    }
    crc = ~crc;
    for (size_t i = 0; i < n; i++)
        crc = table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}

/* A starting CRC argument: any int, reduced modulo 2**32. */
static int get_crc(RpObject *o, uint32_t *out)
{
    if (!RpLong_Check(o)) {
        RpErr_Format(RpExc_TypeError, "'%.100s' object cannot be interpreted as an integer",
                     Rp_TYPE(o)->tp_name);
        return -1;
    }
    RpObject *mask = RpLong_FromUnsignedLongLong(0xffffffffULL);
    RpObject *v = mask ? RpNumber_And(o, mask) : NULL;
    Rp_XDECREF(mask);
    if (v == NULL)
        return -1;
    int64_t x = 0;
    _RpLong_AsInt64(v, &x);
    Rp_DECREF(v);
    *out = (uint32_t)x;
    return 0;
}

static RpObject *b_crc32(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("crc32", nargs, 1, 2))
        return NULL;
    const char *p;
    Rp_ssize_t n;
    uint32_t crc = 0;
    if (RpStd_Buffer(args[0], &p, &n) < 0 || (nargs > 1 && get_crc(args[1], &crc) < 0))
        return NULL;
    return RpLong_FromUnsignedLongLong(RpStd_Crc32(crc, (const unsigned char *)p, (size_t)n));
}

/* CRC-CCITT as used by BinHex: polynomial 0x1021, MSB first. */
static RpObject *b_crc_hqx(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("crc_hqx", nargs, 2, 2))
        return NULL;
    const char *p;
    Rp_ssize_t n;
    uint32_t crc32;
    if (RpStd_Buffer(args[0], &p, &n) < 0 || get_crc(args[1], &crc32) < 0)
        return NULL;
    unsigned crc = crc32 & 0xffff;
    for (Rp_ssize_t i = 0; i < n; i++) {
        crc ^= (unsigned)(unsigned char)p[i] << 8;
        for (int k = 0; k < 8; k++)
            crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
    return RpLong_FromLong((long)crc);
}

/* ---- hex ----------------------------------------------------------------- */

static const char hexdigits[] = "0123456789abcdef";

/* The separator arguments of hexlify: 0 and *sep = 0 for none. */
static int get_sep(RpObject *sep, char *out)
{
    const char *p;
    Rp_ssize_t n;
    *out = 0;
    if (sep == NULL || sep == Rp_None)
        return 0;
    if (RpUnicode_Check(sep)) {
        p = RpUnicode_AsUTF8AndSize(sep, &n);
        if (p == NULL)
            return -1;
        if (RpUnicode_GET_LENGTH(sep) == 1 && (unsigned char)p[0] >= 0x80) {
            RpErr_SetString(RpExc_ValueError, "sep must be ASCII.");
            return -1;
        }
        n = RpUnicode_GET_LENGTH(sep);
    } else if (!_RpBytes_View(sep, &p, &n)) {
        /* CPython asks for len(sep) first */
        if (RpObject_Size(sep) < 0)
            return -1;
        RpErr_SetString(RpExc_TypeError, "sep must be str or bytes.");
        return -1;
    }
    if (n != 1) {
        RpErr_SetString(RpExc_ValueError, "sep must be length 1.");
        return -1;
    }
    *out = p[0];
    return 0;
}

/* Hex of p[0..n) with `sep` every |group| bytes, counted from the right
 * when group > 0 and from the left when group < 0. */
static RpObject *to_hex(const unsigned char *p, Rp_ssize_t n, char sep, Rp_ssize_t group)
{
    Rp_ssize_t g = group < 0 ? -group : group;
    Rp_ssize_t nsep = sep && g && n ? (n - 1) / g : 0;
    RpObject *r = RpBytes_FromStringAndSize(NULL, 2 * n + nsep);
    if (r == NULL)
        return NULL;
    char *o = RpBytes_AS_STRING(r);
    for (Rp_ssize_t i = 0; i < n; i++) {
        if (nsep && i > 0) {
            Rp_ssize_t pos = group > 0 ? n - i : i;   /* bytes on the grouping side */
            if (pos % g == 0)
                *o++ = sep;
        }
        *o++ = hexdigits[p[i] >> 4];
        *o++ = hexdigits[p[i] & 15];
    }
    return r;
}

static RpObject *b_hexlify(RpObject *m, RpObject *const *args, Rp_ssize_t nargs, RpObject *kwnames)
{
    static const char *const names[] = {"data", "sep", "bytes_per_sep"};
    RpObject *a[3] = {NULL, NULL, NULL};
    if (_RpArg_ParseVector("hexlify", args, nargs, kwnames, names, 3, 1, a) < 0)
        return NULL;
    const char *p;
    Rp_ssize_t n, group = 1;
    char sep;
    if (RpStd_Buffer(a[0], &p, &n) < 0 || get_sep(a[1], &sep) < 0)
        return NULL;
    if (a[2] != NULL) {
        group = RpNumber_AsSsize_t(a[2], RpExc_OverflowError);
        if (group == -1 && RpErr_Occurred())
            return NULL;
    }
    return to_hex((const unsigned char *)p, n, sep, group);
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static RpObject *b_unhexlify(RpObject *m, RpObject *arg)
{
    const char *p;
    Rp_ssize_t n;
    if (RpStd_AsciiBuffer(arg, &p, &n) < 0)
        return NULL;
    if (n % 2)
        return berr("Odd-length string");
    RpObject *r = RpBytes_FromStringAndSize(NULL, n / 2);
    if (r == NULL)
        return NULL;
    for (Rp_ssize_t i = 0; i < n; i += 2) {
        int hi = hexval((unsigned char)p[i]), lo = hexval((unsigned char)p[i + 1]);
        if (hi < 0 || lo < 0) {
            Rp_DECREF(r);
            return berr("Non-hexadecimal digit found");
        }
        RpBytes_AS_STRING(r)[i / 2] = (char)(hi << 4 | lo);
    }
    return r;
}

/* ---- base64 -------------------------------------------------------------- */

static const char b64chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static RpObject *b_b2a_base64(RpObject *m, RpObject *const *args, Rp_ssize_t nargs,
                              RpObject *kwnames)
{
    static const char *const names[] = {"data", "newline"};
    RpObject *a[2] = {NULL, NULL};
    if (_RpArg_ParseVector("b2a_base64", args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    const unsigned char *p;
    Rp_ssize_t n;
    int newline = a[1] ? RpObject_IsTrue(a[1]) : 1;
    if (newline < 0 || RpStd_Buffer(a[0], (const char **)&p, &n) < 0)
        return NULL;
    RpObject *r = RpBytes_FromStringAndSize(NULL, (n + 2) / 3 * 4 + newline);
    if (r == NULL)
        return NULL;
    char *o = RpBytes_AS_STRING(r);
    Rp_ssize_t i = 0;
    for (; i + 2 < n; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
        *o++ = b64chars[v >> 18];
        *o++ = b64chars[(v >> 12) & 63];
        *o++ = b64chars[(v >> 6) & 63];
        *o++ = b64chars[v & 63];
    }
    if (i < n) {   /* one or two bytes left: pad with '=' */
        uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0);
        *o++ = b64chars[v >> 18];
        *o++ = b64chars[(v >> 12) & 63];
        *o++ = i + 1 < n ? b64chars[(v >> 6) & 63] : '=';
        *o++ = '=';
    }
    if (newline)
        *o++ = '\n';
    return r;
}

static int b64val(int c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* The decoder's state: a quad of 6-bit digits accumulates into bytes. */
typedef struct {
    unsigned char *out;
    Rp_ssize_t nout;
    int quad;            /* digits of the current quad seen (0..3) */
    unsigned acc;        /* their bits not yet written */
} b64state;

static void b64_digit(b64state *s, int v)
{
    switch (s->quad) {
    case 0: s->acc = (unsigned)v; break;
    case 1: s->out[s->nout++] = (unsigned char)(s->acc << 2 | v >> 4); s->acc = v & 15; break;
    case 2: s->out[s->nout++] = (unsigned char)(s->acc << 4 | v >> 2); s->acc = v & 3; break;
    default: s->out[s->nout++] = (unsigned char)(s->acc << 6 | v); break;
    }
    s->quad = (s->quad + 1) & 3;
}

/* The error of a stream with one digit too many; its text needs a count. */
static const char LONE_DIGIT[] = "lone digit";

/* Decode; returns the error text or NULL.  Non-strict mode skips
 * characters outside the alphabet and stops at the padding that completes
 * a quad, as CPython does. */
static const char *b64_decode(b64state *s, const unsigned char *p, Rp_ssize_t n, int strict)
{
    int pads = 0, padding = 0;
    if (strict && n > 0 && p[0] == '=')
        return "Leading padding not allowed";
    for (Rp_ssize_t i = 0; i < n; i++) {
        if (p[i] == '=') {
            padding = 1;
            if (strict && s->quad == 0)
                return "Excess padding not allowed";
            if (s->quad >= 2 && s->quad + ++pads >= 4) {
                if (strict && i + 1 < n)
                    return "Excess data after padding";
                s->quad = 0;
                return NULL;
            }
            continue;
        }
        int v = b64val(p[i]);
        if (v < 0) {
            if (strict)
                return "Only base64 data is allowed";
            continue;
        }
        if (strict && padding)
            return "Discontinuous padding not allowed";
        pads = 0;
        b64_digit(s, v);
    }
    if (s->quad == 1)
        return LONE_DIGIT;
    if (s->quad != 0)
        return "Incorrect padding";
    return NULL;
}

static RpObject *b_a2b_base64(RpObject *m, RpObject *const *args, Rp_ssize_t nargs,
                              RpObject *kwnames)
{
    static const char *const names[] = {"data", "strict_mode"};
    RpObject *a[2] = {NULL, NULL};
    if (_RpArg_ParseVector("a2b_base64", args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    const char *p;
    Rp_ssize_t n;
    int strict = a[1] ? RpObject_IsTrue(a[1]) : 0;
    if (strict < 0 || RpStd_AsciiBuffer(a[0], &p, &n) < 0)
        return NULL;
    RpObject *r = RpBytes_FromStringAndSize(NULL, n / 4 * 3 + 3);
    if (r == NULL)
        return NULL;
    b64state s = {(unsigned char *)RpBytes_AS_STRING(r), 0, 0, 0};
    const char *err = b64_decode(&s, (const unsigned char *)p, n, strict);
    if (err != NULL) {
        Rp_DECREF(r);
        if (err == LONE_DIGIT)
            return RpStd_Raise("binascii", "Error",
                               "Invalid base64-encoded string: number of data characters (%zd) "
                               "cannot be 1 more than a multiple of 4", s.nout / 3 * 4 + 1);
        return berr(err);
    }
    _RpBytes_Resize(&r, s.nout);
    return r;
}

static RpMethodDef binascii_functions[] = {
    {"crc32", FAST(b_crc32), RP_METH_FASTCALL, NULL},
    {"crc_hqx", FAST(b_crc_hqx), RP_METH_FASTCALL, NULL},
    {"hexlify", FAST(b_hexlify), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"b2a_hex", FAST(b_hexlify), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"unhexlify", b_unhexlify, RP_METH_O, NULL},
    {"a2b_hex", b_unhexlify, RP_METH_O, NULL},
    {"b2a_base64", FAST(b_b2a_base64), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"a2b_base64", FAST(b_a2b_base64), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

RpObject *RpInit_binascii(void)
{
    RpObject *m = RpModule_New("binascii");
    if (m == NULL)
        return NULL;
    if (RpModule_AddFunctions(m, binascii_functions) < 0 ||
        RpStd_AddError(m, "Error", "binascii", RpExc_ValueError) < 0 ||
        RpStd_AddError(m, "Incomplete", "binascii", RpExc_Exception) < 0)
        Rp_CLEAR(m);
    return m;
}
