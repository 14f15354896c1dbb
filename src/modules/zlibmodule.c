/* zlibmodule.c -- the `zlib` module: DEFLATE (RFC 1951) in the zlib (RFC
 * 1950), gzip (RFC 1952) and raw wrappers, written from the RFCs.
 *
 * Decompression is a canonical-Huffman inflater that works on the whole
 * input it has and can be resumed: after every complete block it records a
 * checkpoint (bit position, last 32 KiB of output).  A Decompress object
 * that runs out of input keeps the input from the checkpoint on and, next
 * time, decodes again from there, skipping the output it already returned.
 * A block is thus decoded at most a few times however the input is split.
 *
 * Compression is LZ77 over a 32 KiB window with hash chains (greedy
 * matching, chain length by level) coded with the fixed Huffman codes;
 * level 0 writes stored blocks.  The output is valid DEFLATE that any
 * inflater reads, but it is not byte-identical to zlib's.
 */
#include "stdmod.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#define FAST(f) ((RpCFunction)(void (*)(void))(f))
#define WSIZE 32768
#define MAX_MATCH 258
#define MIN_MATCH 3

extern RpTypeObject RpZCompress_Type, RpZDecompress_Type;

static RpObject *zerr(const char *fmt, ...);

/* ---- growable byte buffers ------------------------------------------------ */

typedef struct {
    unsigned char *p;
    size_t n, cap;
} zbuf;

static int zb_reserve(zbuf *b, size_t extra)
{
    if (b->n + extra <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->n + extra)
        cap *= 2;
    unsigned char *p = RpMem_Realloc(b->p, cap);
    if (p == NULL) {
        RpErr_NoMemory();
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

static int zb_append(zbuf *b, const void *p, size_t n)
{
    if (n == 0)
        return 0;
    if (zb_reserve(b, n) < 0)
        return -1;
    memcpy(b->p + b->n, p, n);
    b->n += n;
    return 0;
}

static void zb_free(zbuf *b)
{
    RpMem_Free(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
}

/* Drop the first k bytes. */
static void zb_consume(zbuf *b, size_t k)
{
    if (k == 0)
        return;
    memmove(b->p, b->p + k, b->n - k);
    b->n -= k;
}

static uint32_t adler32(uint32_t a, const unsigned char *p, size_t n)
{
    uint32_t s1 = a & 0xffff, s2 = a >> 16;
    while (n > 0) {
        size_t k = n < 5552 ? n : 5552;   /* no overflow before the modulo */
        n -= k;
        while (k--) {
            s1 += *p++;
            s2 += s1;
        }
        s1 %= 65521;
        s2 %= 65521;
    }
    return s2 << 16 | s1;
}

/* ---- the code tables of RFC 1951 ------------------------------------------ */

static const uint16_t len_base[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                      35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t len_extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t dist_base[30] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129,
                                       193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
                                       6145, 8193, 12289, 16385, 24577};
static const uint8_t dist_extra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6,
                                       6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
/* the order code-length code lengths are sent in */
static const uint8_t clen_order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5,
                                       11, 4, 12, 3, 13, 2, 14, 1, 15};

/* ---- inflate -------------------------------------------------------------------- */

/* A canonical Huffman code: how many codes of each length, and the symbols
 * in code order.  Decoding walks the lengths one bit at a time. */
typedef struct {
    uint16_t count[16];
    uint16_t symbol[288];
} huff;

/* Build h from code lengths; -1 if over-subscribed, 1 if incomplete. */
static int huff_build(huff *h, const uint8_t *lengths, int n)
{
    uint16_t offs[16];
    memset(h->count, 0, sizeof h->count);
    for (int i = 0; i < n; i++)
        h->count[lengths[i]]++;
    if (h->count[0] == n)
        return 1;
    int left = 1;
    for (int len = 1; len < 16; len++) {
        left = left * 2 - h->count[len];
        if (left < 0)
            return -1;
    }
    offs[1] = 0;
    for (int len = 1; len < 15; len++)
        offs[len + 1] = (uint16_t)(offs[len] + h->count[len]);
    for (int i = 0; i < n; i++)
        if (lengths[i])
            h->symbol[offs[lengths[i]]++] = (uint16_t)i;
    return left > 0;
}

enum { INF_DONE, INF_MORE, INF_ERR };

typedef struct {
    const unsigned char *in;
    size_t inbits;          /* total bits available */
    size_t bit;             /* next bit to read */
    zbuf out;               /* history prefix + everything decoded */
    const char *err;
    size_t ck_bit, ck_out;  /* checkpoint after the last complete block */
    int final_done;
    zbuf cks;               /* every checkpoint of this run, as ckpoint */
    size_t stop_at;         /* stop once this much output exists (max_length) */
    int stopped;
} inflater;

typedef struct {
    size_t bit, out;
} ckpoint;

/* Read n bits (LSB first); -1 when the input runs out. */
static long getbits(inflater *s, int n)
{
    if (s->bit + (size_t)n > s->inbits)
        return -1;
    long v = 0;
    for (int i = 0; i < n; i++, s->bit++)
        v |= (long)((s->in[s->bit >> 3] >> (s->bit & 7)) & 1) << i;
    return v;
}

/* Decode one symbol: -1 out of input, -2 invalid code. */
static int decode(inflater *s, const huff *h)
{
    int code = 0, first = 0, index = 0;
    for (int len = 1; len < 16; len++) {
        long b = getbits(s, 1);
        if (b < 0)
            return -1;
        code |= (int)b;
        int count = h->count[len];
        if (code - first < count)
            return h->symbol[index + (code - first)];
        index += count;
        first = (first + count) << 1;
        code <<= 1;
    }
    return -2;
}

static int fail(inflater *s, const char *msg)
{
    s->err = msg;
    return INF_ERR;
}

static int put_byte(inflater *s, unsigned char c)
{
    if (s->out.n == s->out.cap && zb_reserve(&s->out, 1) < 0)
        return fail(s, NULL);
    s->out.p[s->out.n++] = c;
    return INF_DONE;
}

static int stored_block(inflater *s)
{
    s->bit = (s->bit + 7) & ~(size_t)7;    /* to a byte boundary */
    long len = getbits(s, 16), nlen = getbits(s, 16);
    if (nlen < 0)
        return INF_MORE;
    if ((len ^ 0xffff) != nlen)
        return fail(s, "invalid stored block lengths");
    if (s->bit + (size_t)len * 8 > s->inbits)
        return INF_MORE;
    if (zb_append(&s->out, s->in + (s->bit >> 3), (size_t)len) < 0)
        return fail(s, NULL);
    s->bit += (size_t)len * 8;
    return INF_DONE;
}

/* Literals and back-references until end of block. */
static int codes(inflater *s, const huff *lit, const huff *dist)
{
    for (;;) {
        int sym = decode(s, lit);
        if (sym == -1)
            return INF_MORE;
        if (sym < 0)
            return fail(s, "invalid literal/length code");
        if (s->out.n >= s->stop_at) {
            s->stopped = 1;   /* enough for the caller's max_length */
            return INF_MORE;
        }
        if (sym < 256) {
            if (put_byte(s, (unsigned char)sym) != INF_DONE)
                return INF_ERR;
            continue;
        }
        if (sym == 256)
            return INF_DONE;
        sym -= 257;
        if (sym >= 29)
            return fail(s, "invalid literal/length code");
        long e = getbits(s, len_extra[sym]);
        int ds = e < 0 ? -1 : decode(s, dist);
        if (ds == -1)
            return INF_MORE;
        if (ds < 0 || ds >= 30)
            return fail(s, "invalid distance code");
        long de = getbits(s, dist_extra[ds]);
        if (de < 0)
            return INF_MORE;
        size_t len = len_base[sym] + (size_t)e, d = dist_base[ds] + (size_t)de;
        if (d > s->out.n)
            return fail(s, "invalid distance too far back");
        if (zb_reserve(&s->out, len) < 0)
            return fail(s, NULL);
        for (size_t i = 0; i < len; i++, s->out.n++)   /* may overlap: byte by byte */
            s->out.p[s->out.n] = s->out.p[s->out.n - d];
    }
}

static int fixed_block(inflater *s)
{
    static huff lit, dist;
    static int ready;
    if (!ready) {
        uint8_t l[288];
        for (int i = 0; i < 288; i++)
            l[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
        huff_build(&lit, l, 288);
        for (int i = 0; i < 30; i++)
            l[i] = 5;
        huff_build(&dist, l, 30);
        ready = 1;
    }
    return codes(s, &lit, &dist);
}

/* Read the code lengths of a dynamic block into lengths[0..n). */
static int read_lengths(inflater *s, const huff *lencode, uint8_t *lengths, int n)
{
    for (int i = 0; i < n;) {
        int sym = decode(s, lencode);
        if (sym == -1)
            return INF_MORE;
        if (sym < 0)
            return fail(s, "invalid code lengths set");
        if (sym < 16) {
            lengths[i++] = (uint8_t)sym;
            continue;
        }
        int prev = 0;
        long rep;
        if (sym == 16) {
            if (i == 0)
                return fail(s, "invalid bit length repeat");
            prev = lengths[i - 1];
            rep = getbits(s, 2) + 3;
        } else {
            rep = sym == 17 ? getbits(s, 3) + 3 : getbits(s, 7) + 11;
        }
        if (rep < 3)
            return INF_MORE;
        if (i + rep > n)
            return fail(s, "invalid bit length repeat");
        while (rep--)
            lengths[i++] = (uint8_t)prev;
    }
    return INF_DONE;
}

static int dynamic_block(inflater *s)
{
    long nlen = getbits(s, 5), ndist = getbits(s, 5), ncode = getbits(s, 4);
    if (ncode < 0)
        return INF_MORE;
    nlen += 257;
    ndist += 1;
    ncode += 4;
    if (nlen > 286 || ndist > 30)
        return fail(s, "too many length or distance symbols");
    uint8_t lengths[320] = {0};
    for (int i = 0; i < ncode; i++) {
        long v = getbits(s, 3);
        if (v < 0)
            return INF_MORE;
        lengths[clen_order[i]] = (uint8_t)v;
    }
    huff lencode, lit, dist;
    if (huff_build(&lencode, lengths, 19) != 0)
        return fail(s, "invalid code lengths set");
    memset(lengths, 0, sizeof lengths);
    int r = read_lengths(s, &lencode, lengths, (int)(nlen + ndist));
    if (r != INF_DONE)
        return r;
    if (lengths[256] == 0)
        return fail(s, "invalid code -- missing end-of-block");
    int lr = huff_build(&lit, lengths, (int)nlen);
    if (lr < 0 || (lr > 0 && nlen - lit.count[0] != 1))
        return fail(s, "invalid literal/lengths set");
    int dr = huff_build(&dist, lengths + nlen, (int)ndist);
    if (dr < 0 || (dr > 0 && ndist - dist.count[0] != 1))
        return fail(s, "invalid distances set");
    return codes(s, &lit, &dist);
}

/* Decode blocks until the final one ends (INF_DONE), the input runs out
 * (INF_MORE, checkpoint at the last block boundary) or an error. */
static int inflate_blocks(inflater *s)
{
    for (;;) {
        long last = getbits(s, 1), type = getbits(s, 2);
        int r;
        if (type < 0)
            return INF_MORE;
        switch (type) {
        case 0: r = stored_block(s); break;
        case 1: r = fixed_block(s); break;
        case 2: r = dynamic_block(s); break;
        default: return fail(s, "invalid block type");
        }
        if (r != INF_DONE)
            return r;
        s->ck_bit = s->bit;
        s->ck_out = s->out.n;
        ckpoint ck = {s->bit, s->out.n};
        if (zb_append(&s->cks, &ck, sizeof ck) < 0)
            return fail(s, NULL);
        if (last) {
            s->final_done = 1;
            return INF_DONE;
        }
    }
}

/* ---- the Decompress state ----------------------------------------------------- */

enum { W_ZLIB, W_GZIP, W_RAW, W_AUTO };
enum { ST_HEADER, ST_BLOCKS, ST_TRAILER, ST_EOF };

typedef struct {
    RpObject_HEAD
    int wrap, state;
    zbuf in;                 /* input from the current checkpoint on */
    size_t in_bit;           /* bit offset of the checkpoint in in.p[0] */
    unsigned char *hist;     /* last WSIZE bytes output at the checkpoint */
    size_t hlen;
    size_t skip;             /* bytes past the checkpoint already returned */
    uint32_t check;          /* adler32 or crc32 of the output */
    uint32_t total;          /* output length modulo 2**32 (gzip ISIZE) */
    RpObject *unused_data, *unconsumed_tail, *zdict;
    int eof;
} zdecomp;

static int wrap_of_wbits(long wbits, int *wrap)
{
    long w = wbits < 0 ? -wbits : wbits;
    if (wbits == 0)
        *wrap = W_ZLIB;
    else if (wbits >= 8 && wbits <= 15)
        *wrap = W_ZLIB;
    else if (wbits <= -8 && wbits >= -15)
        *wrap = W_RAW;
    else if (w >= 24 && w <= 31)
        *wrap = W_GZIP;
    else if (w >= 40 && w <= 47)
        *wrap = W_AUTO;
    else
        return -1;
    return 0;
}

/* Parse a zlib or gzip header at the start of in: its length, 0 if more
 * input is needed, -1 with *err on a bad header. */
static long parse_header(zdecomp *d, const char **err)
{
    const unsigned char *p = d->in.p;
    size_t n = d->in.n;
    if (d->wrap == W_AUTO) {
        if (n < 2)
            return 0;
        d->wrap = (p[0] == 0x1f && p[1] == 0x8b) ? W_GZIP : W_ZLIB;
    }
    if (d->wrap == W_RAW)
        return 0x7fffffff;   /* marker: no header */
    if (d->wrap == W_ZLIB) {
        if (n < 2)
            return 0;
        if (((unsigned)p[0] << 8 | p[1]) % 31 != 0)
            return *err = "incorrect header check", -1;
        if ((p[0] & 15) != 8)
            return *err = "unknown compression method", -1;
        if ((p[0] >> 4) > 7)
            return *err = "invalid window size", -1;
        if (p[1] & 0x20)
            return *err = "need dictionary", -1;
        d->check = 1;
        return 2;
    }
    /* gzip: magic, method, flags, mtime, xfl, os, then optional fields */
    if (n < 10)
        return 0;
    if (p[0] != 0x1f || p[1] != 0x8b)
        return *err = "incorrect header check", -1;
    if (p[2] != 8)
        return *err = "unknown compression method", -1;
    int flags = p[3];
    size_t pos = 10;
    if (flags & 4) {            /* FEXTRA */
        if (n < pos + 2)
            return 0;
        pos += 2 + (size_t)(p[pos] | p[pos + 1] << 8);
    }
    for (int bit = 8; bit <= 16; bit <<= 1) {   /* FNAME, FCOMMENT: NUL-terminated */
        if (!(flags & bit))
            continue;
        while (pos < n && p[pos] != 0)
            pos++;
        if (pos >= n)
            return 0;
        pos++;
    }
    if (flags & 2)              /* FHCRC */
        pos += 2;
    if (n < pos)
        return 0;
    d->check = 0;
    return (long)pos;
}

static void update_check(zdecomp *d, const unsigned char *p, size_t n)
{
    if (d->wrap == W_ZLIB)
        d->check = adler32(d->check, p, n);
    else if (d->wrap == W_GZIP)
        d->check = RpStd_Crc32(d->check, p, n);
    d->total += (uint32_t)n;
}

/* The latest checkpoint whose output ends at or before `upto`. */
static ckpoint pick_checkpoint(const inflater *s, ckpoint first, size_t upto)
{
    const ckpoint *cks = (const ckpoint *)s->cks.p;
    ckpoint best = first;
    for (size_t i = 0; i < s->cks.n / sizeof(ckpoint); i++)
        if (cks[i].out <= upto)
            best = cks[i];
    return best;
}

/* Run the inflater over the buffered input and append at most `limit` new
 * bytes to res.  Output held back by the limit is decoded again next time:
 * the input from the chosen checkpoint on becomes unconsumed_tail, which
 * the caller passes back (CPython's max_length protocol). */
static int run_blocks(zdecomp *d, zbuf *res, size_t limit)
{
    inflater s;
    memset(&s, 0, sizeof s);
    s.in = d->in.p;
    s.inbits = d->in.n * 8;
    s.bit = d->in_bit;
    if (zb_append(&s.out, d->hist, d->hlen) < 0)
        return -1;
    ckpoint first = {s.bit, s.out.n};
    s.stop_at = limit == SIZE_MAX ? SIZE_MAX : d->hlen + d->skip + limit;
    int r = inflate_blocks(&s);
    if (r == INF_ERR) {
        zb_free(&s.out);
        zb_free(&s.cks);
        if (s.err == NULL)
            return -1;
        zerr("Error -3 while decompressing data: %s", s.err);
        return -1;
    }
    /* new output: everything after the history, minus what was returned */
    size_t from = d->hlen + d->skip, avail = r == INF_DONE ? s.ck_out : s.out.n;
    size_t end = avail - from > limit ? from + limit : avail;
    if (end > from) {
        update_check(d, s.out.p + from, end - from);
        if (zb_append(res, s.out.p + from, end - from) < 0) {
            zb_free(&s.out);
            zb_free(&s.cks);
            return -1;
        }
    }
    ckpoint ck = pick_checkpoint(&s, first, end);
    int finished = r == INF_DONE && ck.out == s.ck_out && ck.bit == s.ck_bit;
    d->skip = end - ck.out;
    /* move the checkpoint: keep the last WSIZE bytes as history */
    size_t keep = ck.out < WSIZE ? ck.out : WSIZE;
    if (keep)
        memcpy(d->hist, s.out.p + ck.out - keep, keep);
    d->hlen = keep;
    zb_consume(&d->in, ck.bit >> 3);
    d->in_bit = ck.bit & 7;
    zb_free(&s.out);
    zb_free(&s.cks);
    if (end < avail || s.stopped) {
        /* held back: hand the input back to the caller */
        RpObject *tail = RpBytes_FromStringAndSize((const char *)d->in.p, (Rp_ssize_t)d->in.n);
        if (tail == NULL)
            return -1;
        Rp_SETREF(d->unconsumed_tail, tail);
        d->in.n = 0;
        return 0;
    }
    if (finished) {
        if (d->in_bit) {     /* the trailer starts at the next byte */
            zb_consume(&d->in, 1);
            d->in_bit = 0;
        }
        d->state = d->wrap == W_RAW ? ST_EOF : ST_TRAILER;
    }
    return 0;
}

static uint32_t get_be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t get_le32(const unsigned char *p)
{
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* Check the trailer once enough input is there.  0 ok / -1 error. */
static int check_trailer(zdecomp *d)
{
    size_t need = d->wrap == W_GZIP ? 8 : 4;
    if (d->in.n < need)
        return 0;
    if (d->wrap == W_ZLIB && get_be32(d->in.p) != d->check)
        return zerr("Error -3 while decompressing data: incorrect data check"), -1;
    if (d->wrap == W_GZIP && get_le32(d->in.p) != d->check)
        return zerr("Error -3 while decompressing data: incorrect data check"), -1;
    if (d->wrap == W_GZIP && get_le32(d->in.p + 4) != d->total)
        return zerr("Error -3 while decompressing data: incorrect length check"), -1;
    zb_consume(&d->in, need);
    d->state = ST_EOF;
    return 0;
}

/* Feed p[0..n) and append at most `limit` bytes of output to res.  0 / -1. */
static int feed(zdecomp *d, const char *p, Rp_ssize_t n, zbuf *res, size_t limit)
{
    if (zb_append(&d->in, p, (size_t)n) < 0)
        return -1;
    if (RpBytes_GET_SIZE(d->unconsumed_tail) > 0) {
        RpObject *empty = RpBytes_FromStringAndSize("", 0);
        if (empty == NULL)
            return -1;
        Rp_SETREF(d->unconsumed_tail, empty);
    }
    if (d->state == ST_HEADER) {
        const char *err = NULL;
        long h = parse_header(d, &err);
        if (h < 0) {
            if (strcmp(err, "need dictionary") == 0)
                return zerr("Error 2 while decompressing data"), -1;
            return zerr("Error -3 while decompressing data: %s", err), -1;
        }
        if (h == 0)
            return 0;
        if (h != 0x7fffffff)
            zb_consume(&d->in, (size_t)h);
        d->state = ST_BLOCKS;
    }
    if (d->state == ST_BLOCKS && run_blocks(d, res, limit) < 0)
        return -1;
    if (d->state == ST_TRAILER && check_trailer(d) < 0)
        return -1;
    return 0;
}

static zdecomp *zd_new(long wbits)
{
    int wrap;
    if (wrap_of_wbits(wbits, &wrap) < 0) {
        RpErr_SetString(RpExc_ValueError, "Invalid initialization option");
        return NULL;
    }
    zdecomp *d = (zdecomp *)RpObject_Malloc(sizeof(zdecomp));
    if (d == NULL)
        return (zdecomp *)RpErr_NoMemory();
    memset((char *)d + sizeof(RpObject), 0, sizeof *d - sizeof(RpObject));
    RpObject_Init((RpObject *)d, &RpZDecompress_Type);
    d->wrap = wrap;
    d->hist = RpMem_Malloc(WSIZE);
    d->unused_data = RpBytes_FromStringAndSize("", 0);
    d->unconsumed_tail = RpBytes_FromStringAndSize("", 0);
    if (d->hist == NULL || d->unused_data == NULL || d->unconsumed_tail == NULL) {
        Rp_DECREF(d);
        return (zdecomp *)RpErr_NoMemory();
    }
    return d;
}

static void zd_dealloc(RpObject *self)
{
    zdecomp *d = (zdecomp *)self;
    zb_free(&d->in);
    RpMem_Free(d->hist);
    Rp_XDECREF(d->unused_data);
    Rp_XDECREF(d->unconsumed_tail);
    Rp_XDECREF(d->zdict);
    RpObject_Free(self);
}

/* After end of stream, leftover input becomes unused_data. */
static int settle_eof(zdecomp *d)
{
    if (d->state != ST_EOF)
        return 0;
    d->eof = 1;
    if (d->in.n) {
        RpObject *extra = RpBytes_FromStringAndSize((const char *)d->in.p, (Rp_ssize_t)d->in.n);
        if (extra == NULL)
            return -1;
        RpObject *u = RpNumber_Add(d->unused_data, extra);
        Rp_DECREF(extra);
        if (u == NULL)
            return -1;
        Rp_SETREF(d->unused_data, u);
        d->in.n = 0;
    }
    return 0;
}

static RpObject *finish_buf(zbuf *res)
{
    RpObject *r = RpBytes_FromStringAndSize((const char *)res->p, (Rp_ssize_t)res->n);
    zb_free(res);
    return r;
}

static RpObject *zd_decompress(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                               RpObject *kwnames)
{
    static const char *const names[] = {"", "max_length"};
    RpObject *a[2] = {NULL, NULL};
    if (_RpArg_ParseVector("decompress", args, nargs, kwnames, names, 2, 1, a) < 0)
        return NULL;
    zdecomp *d = (zdecomp *)self;
    const char *p;
    Rp_ssize_t n;
    if (RpStd_Buffer(a[0], &p, &n) < 0)
        return NULL;
    size_t limit = SIZE_MAX;
    if (a[1] != NULL) {
        Rp_ssize_t ml = RpNumber_AsSsize_t(a[1], RpExc_OverflowError);
        if (ml == -1 && RpErr_Occurred())
            return NULL;
        if (ml < 0) {
            RpErr_SetString(RpExc_ValueError, "max_length must be non-negative");
            return NULL;
        }
        if (ml > 0)
            limit = (size_t)ml;
    }
    zbuf res = {0};
    if (d->eof) {
        d->state = ST_EOF;
        if (zb_append(&d->in, p, (size_t)n) < 0 || settle_eof(d) < 0)
            return NULL;
        return RpBytes_FromStringAndSize("", 0);
    }
    if (feed(d, p, n, &res, limit) < 0 || settle_eof(d) < 0) {
        zb_free(&res);
        return NULL;
    }
    return finish_buf(&res);
}

static RpObject *zd_flush(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("flush", nargs, 0, 1))
        return NULL;
    /* all that can be left is output held back by max_length */
    zdecomp *d = (zdecomp *)self;
    RpObject *tail = Rp_NewRef(d->unconsumed_tail);
    zbuf res = {0};
    int r = d->eof || RpBytes_GET_SIZE(tail) == 0 ? 0
            : feed(d, RpBytes_AS_STRING(tail), RpBytes_GET_SIZE(tail), &res, SIZE_MAX);
    Rp_DECREF(tail);
    if (r < 0 || settle_eof(d) < 0) {
        zb_free(&res);
        return NULL;
    }
    return finish_buf(&res);
}

static RpObject *zd_copy(RpObject *self, RpObject *unused)
{
    zdecomp *s = (zdecomp *)self, *d = zd_new(15);
    if (d == NULL)
        return NULL;
    zbuf in = d->in;
    unsigned char *hist = d->hist;
    RpObject *ud = d->unused_data, *ut = d->unconsumed_tail;
    memcpy((char *)d + sizeof(RpObject), (char *)s + sizeof(RpObject), sizeof *d - sizeof(RpObject));
    d->in = in;
    d->in.n = 0;
    d->hist = hist;
    memcpy(d->hist, s->hist, s->hlen);
    Rp_DECREF(ud);
    Rp_DECREF(ut);
    Rp_INCREF(d->unused_data);
    Rp_INCREF(d->unconsumed_tail);
    Rp_XINCREF(d->zdict);
    if (zb_append(&d->in, s->in.p, s->in.n) < 0) {
        Rp_DECREF(d);
        return NULL;
    }
    return (RpObject *)d;
}

static RpObject *zd_get_eof(RpObject *self, void *c) { return RpBool_FromLong(((zdecomp *)self)->eof); }
static RpObject *zd_get_unused(RpObject *self, void *c) { return Rp_NewRef(((zdecomp *)self)->unused_data); }
static RpObject *zd_get_tail(RpObject *self, void *c) { return Rp_NewRef(((zdecomp *)self)->unconsumed_tail); }

static RpGetSetDef zd_getset[] = {
    {"eof", zd_get_eof, NULL, NULL, NULL},
    {"unused_data", zd_get_unused, NULL, NULL, NULL},
    {"unconsumed_tail", zd_get_tail, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static RpMethodDef zd_methods[] = {
    {"decompress", FAST(zd_decompress), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"flush", FAST(zd_flush), RP_METH_FASTCALL, NULL},
    {"copy", zd_copy, RP_METH_NOARGS, NULL},
    {"__copy__", zd_copy, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

RpTypeObject RpZDecompress_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "zlib.Decompress",
    .tp_basicsize = sizeof(zdecomp),
    .tp_dealloc = zd_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT,
    .tp_methods = zd_methods,
    .tp_getset = zd_getset,
};

/* ---- deflate ---------------------------------------------------------------------- */

typedef struct {
    zbuf out;
    uint64_t acc;     /* bits not yet written, LSB first */
    int nacc;
} bitwriter;

static int put_bits(bitwriter *w, uint32_t v, int n)
{
    w->acc |= (uint64_t)v << w->nacc;
    w->nacc += n;
    while (w->nacc >= 8) {
        unsigned char c = (unsigned char)w->acc;
        if (zb_append(&w->out, &c, 1) < 0)
            return -1;
        w->acc >>= 8;
        w->nacc -= 8;
    }
    return 0;
}

/* Huffman codes go MSB first: reverse them into the LSB-first stream. */
static int put_code(bitwriter *w, uint32_t code, int len)
{
    uint32_t r = 0;
    for (int i = 0; i < len; i++)
        r |= ((code >> i) & 1) << (len - 1 - i);
    return put_bits(w, r, len);
}

static int align_byte(bitwriter *w)
{
    return w->nacc ? put_bits(w, 0, 8 - w->nacc) : 0;
}

static int stored_blocks(bitwriter *w, const unsigned char *p, size_t n, int last)
{
    do {
        size_t k = n < 65535 ? n : 65535;
        int fin = last && k == n;
        unsigned char hdr[4] = {(unsigned char)k, (unsigned char)(k >> 8),
                                (unsigned char)~k, (unsigned char)(~k >> 8)};
        if (put_bits(w, (uint32_t)fin, 1) < 0 || put_bits(w, 0, 2) < 0 || align_byte(w) < 0 ||
            zb_append(&w->out, hdr, 4) < 0 || zb_append(&w->out, p, k) < 0)
            return -1;
        p += k;
        n -= k;
    } while (n > 0);
    return 0;
}

#define HBITS 15
#define HSIZE (1 << HBITS)
#define BLOCK_IN 65536       /* input bytes per block */

static unsigned hash3(const unsigned char *p)
{
    return ((unsigned)p[0] << 10 ^ (unsigned)p[1] << 5 ^ p[2]) & (HSIZE - 1);
}

/* The LZ77 state of one deflate_data call: hash chains over the whole
 * input, so matches may reach back into the previous block. */
typedef struct {
    const unsigned char *p;
    size_t n;
    int32_t *head, *prev;
    int chain;
    size_t maxdist;   /* what a decoder with the stream's window can reach */
} lz77;

/* The longest earlier match for position i (not past `end`). */
static int longest_match(const lz77 *z, size_t i, size_t end, int *dist)
{
    const unsigned char *p = z->p;
    int best = 0, chain = z->chain;
    size_t maxlen = end - i < MAX_MATCH ? end - i : MAX_MATCH;
    for (int32_t j = z->head[hash3(p + i)]; j >= 0 && chain-- > 0; j = z->prev[j & (WSIZE - 1)]) {
        if (i - (size_t)j > z->maxdist)
            break;
        if (p[j + best] != p[i + best])
            continue;
        size_t k = 0;
        while (k < maxlen && p[j + k] == p[i + k])
            k++;
        if ((int)k > best) {
            best = (int)k;
            *dist = (int)(i - (size_t)j);
            if (k == maxlen)
                break;
        }
    }
    return best;
}

static void insert_hash(lz77 *z, size_t k)
{
    if (k + MIN_MATCH > z->n)
        return;
    unsigned h = hash3(z->p + k);
    z->prev[k & (WSIZE - 1)] = z->head[h];
    z->head[h] = (int32_t)k;
}

/* One symbol of a block: a literal (dist 0) or a (length, distance) pair. */
typedef struct {
    uint16_t len;    /* literal byte, or match length */
    uint16_t dist;
} lzsym;

/* Greedy LZ77 of p[start, end) into syms; returns the count. */
static size_t lz77_block(lz77 *z, size_t start, size_t end, lzsym *syms)
{
    size_t ns = 0;
    for (size_t i = start; i < end;) {
        int dist = 0, len = 0;
        if (i + MIN_MATCH <= end)
            len = longest_match(z, i, end, &dist);
        if (len >= MIN_MATCH) {
            syms[ns].len = (uint16_t)len;
            syms[ns++].dist = (uint16_t)dist;
        } else {
            len = 1;
            syms[ns].len = z->p[i];
            syms[ns++].dist = 0;
        }
        for (size_t k = i; k < i + (size_t)len; k++)
            insert_hash(z, k);
        i += (size_t)len;
    }
    return ns;
}

static int len_code(int len)
{
    int lc = 28;
    while (len_base[lc] > len)
        lc--;
    return lc;
}

static int dist_code(int dist)
{
    int dc = 29;
    while (dist_base[dc] > dist)
        dc--;
    return dc;
}

/* ---- Huffman code construction ---- */

/* Code lengths (at most maxbits) for freq[0..n): Huffman's algorithm on the
 * used symbols; if the tree is too deep, the counts are flattened and it
 * is built again.  A lone symbol gets a partner so the code is complete. */
static void build_lengths(const uint32_t *freq, int n, int maxbits, uint8_t *lens)
{
    uint32_t f[320];
    int used = 0;
    if (n <= 0 || n > 320)
        return;
    for (int i = 0; i < n; i++) {
        f[i] = freq[i];
        used += freq[i] != 0;
    }
    memset(lens, 0, (size_t)n);
    if (used <= 1) {
        int a = 0, b = 1;
        for (int i = 0; i < n; i++)
            if (freq[i])
                a = i, b = i == 0 ? 1 : 0;
        lens[a] = lens[b] = 1;
        return;
    }
    for (;;) {
        /* nodes 0..n-1 are leaves, n.. are internal; parent links give depths */
        uint32_t w[640];
        int parent[640], alive[640], nn = n, maxd = 0;
        for (int i = 0; i < n; i++) {
            w[i] = f[i];
            alive[i] = f[i] != 0;
        }
        for (int left = used; left > 1; left--) {
            int a = -1, b = -1;
            for (int i = 0; i < nn; i++) {
                if (!alive[i])
                    continue;
                if (a < 0 || w[i] < w[a]) {
                    b = a;
                    a = i;
                } else if (b < 0 || w[i] < w[b]) {
                    b = i;
                }
            }
            w[nn] = w[a] + w[b];
            alive[nn] = 1;
            alive[a] = alive[b] = 0;
            parent[a] = parent[b] = nn;
            nn++;
        }
        for (int i = 0; i < n; i++) {
            if (!f[i])
                continue;
            int d = 0;
            for (int j = i; j != nn - 1; j = parent[j])
                d++;
            lens[i] = (uint8_t)d;
            if (d > maxd)
                maxd = d;
        }
        if (maxd <= maxbits)
            return;
        for (int i = 0; i < n; i++)
            if (f[i])
                f[i] = (f[i] >> 1) | 1;
    }
}

/* Canonical codes from lengths (RFC 1951 3.2.2). */
static void make_codes(const uint8_t *lens, int n, uint16_t *codes)
{
    int count[16] = {0}, next[16];
    for (int i = 0; i < n; i++)
        count[lens[i]]++;
    count[0] = 0;
    next[0] = 0;
    for (int b = 1, code = 0; b < 16; b++) {
        code = (code + count[b - 1]) << 1;
        next[b] = code;
    }
    for (int i = 0; i < n; i++)
        codes[i] = lens[i] ? (uint16_t)next[lens[i]]++ : 0;
}

/* The code lengths of a dynamic block, run-length coded with the symbols
 * 16 (repeat previous 3-6), 17 (zeros 3-10) and 18 (zeros 11-138). */
typedef struct {
    uint8_t sym[320], extra[320];
    int n;
} rle_lengths;

static void rle_encode(const uint8_t *lens, int n, rle_lengths *r)
{
    r->n = 0;
    for (int i = 0; i < n;) {
        int v = lens[i], run = 1;
        while (i + run < n && lens[i + run] == v)
            run++;
        if (v == 0 && run >= 3) {
            int k = run > 138 ? 138 : run;
            r->sym[r->n] = k >= 11 ? 18 : 17;
            r->extra[r->n++] = (uint8_t)(k >= 11 ? k - 11 : k - 3);
            i += k;
        } else if (v != 0 && run >= 4) {
            r->sym[r->n] = (uint8_t)v;
            r->extra[r->n++] = 0;
            int k = run - 1 > 6 ? 6 : run - 1;
            r->sym[r->n] = 16;
            r->extra[r->n++] = (uint8_t)(k - 3);
            i += 1 + k;
        } else {
            r->sym[r->n] = (uint8_t)v;
            r->extra[r->n++] = 0;
            i++;
        }
    }
}

/* The two codes of a block and what its header costs. */
typedef struct {
    uint8_t llen[288], dlen[30];      /* 288: the fixed code counts 286, 287 */
    uint16_t lcode[288], dcode[30];
    int hlit, hdist, hclen;
    uint8_t clen[19];
    uint16_t ccode[19];
    rle_lengths rle;
} dyncodes;

static void fixed_codes(dyncodes *c)
{
    for (int i = 0; i < 288; i++)
        c->llen[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
    for (int i = 0; i < 30; i++)
        c->dlen[i] = 5;
    make_codes(c->llen, 288, c->lcode);
    make_codes(c->dlen, 30, c->dcode);
}

static void dynamic_codes(dyncodes *c, const uint32_t *lf, const uint32_t *df)
{
    build_lengths(lf, 286, 15, c->llen);
    build_lengths(df, 30, 15, c->dlen);
    make_codes(c->llen, 286, c->lcode);
    make_codes(c->dlen, 30, c->dcode);
    c->hlit = 286;
    while (c->hlit > 257 && c->llen[c->hlit - 1] == 0)
        c->hlit--;
    c->hdist = 30;
    while (c->hdist > 1 && c->dlen[c->hdist - 1] == 0)
        c->hdist--;
    uint8_t all[316];
    memcpy(all, c->llen, (size_t)c->hlit);
    memcpy(all + c->hlit, c->dlen, (size_t)c->hdist);
    rle_encode(all, c->hlit + c->hdist, &c->rle);
    uint32_t cf[19] = {0};
    for (int i = 0; i < c->rle.n; i++)
        cf[c->rle.sym[i]]++;
    build_lengths(cf, 19, 7, c->clen);
    make_codes(c->clen, 19, c->ccode);
    c->hclen = 19;
    while (c->hclen > 4 && c->clen[clen_order[c->hclen - 1]] == 0)
        c->hclen--;
}

static const uint8_t rle_extra_bits[19] = {[16] = 2, [17] = 3, [18] = 7};

/* Bits the block's symbols take with codes c (header excluded). */
static uint64_t data_bits(const dyncodes *c, const uint32_t *lf, const uint32_t *df)
{
    uint64_t bits = 0;
    for (int i = 0; i < 286; i++)
        bits += (uint64_t)lf[i] * (c->llen[i] + (i >= 257 ? len_extra[i - 257] : 0));
    for (int i = 0; i < 30; i++)
        bits += (uint64_t)df[i] * (c->dlen[i] + dist_extra[i]);
    return bits;
}

static uint64_t header_bits(const dyncodes *c)
{
    uint64_t bits = 14 + 3 * (uint64_t)c->hclen;
    for (int i = 0; i < c->rle.n; i++)
        bits += c->clen[c->rle.sym[i]] + rle_extra_bits[c->rle.sym[i]];
    return bits;
}

static int put_dynamic_header(bitwriter *w, const dyncodes *c)
{
    if (put_bits(w, (uint32_t)(c->hlit - 257), 5) < 0 || put_bits(w, (uint32_t)(c->hdist - 1), 5) < 0 ||
        put_bits(w, (uint32_t)(c->hclen - 4), 4) < 0)
        return -1;
    for (int i = 0; i < c->hclen; i++)
        if (put_bits(w, c->clen[clen_order[i]], 3) < 0)
            return -1;
    for (int i = 0; i < c->rle.n; i++) {
        int sym = c->rle.sym[i];
        if (put_code(w, c->ccode[sym], c->clen[sym]) < 0 ||
            put_bits(w, c->rle.extra[i], rle_extra_bits[sym]) < 0)
            return -1;
    }
    return 0;
}

static int put_symbols(bitwriter *w, const dyncodes *c, const lzsym *syms, size_t ns)
{
    for (size_t i = 0; i < ns; i++) {
        int r;
        if (syms[i].dist == 0) {
            r = put_code(w, c->lcode[syms[i].len], c->llen[syms[i].len]);
        } else {
            int lc = len_code(syms[i].len), dc = dist_code(syms[i].dist);
            r = put_code(w, c->lcode[257 + lc], c->llen[257 + lc]);
            if (r == 0)
                r = put_bits(w, (uint32_t)(syms[i].len - len_base[lc]), len_extra[lc]);
            if (r == 0)
                r = put_code(w, c->dcode[dc], c->dlen[dc]);
            if (r == 0)
                r = put_bits(w, (uint32_t)(syms[i].dist - dist_base[dc]), dist_extra[dc]);
        }
        if (r < 0)
            return -1;
    }
    return put_code(w, c->lcode[256], c->llen[256]);
}

/* Write p[start, end) as one block: dynamic, fixed or stored, whichever is
 * the smallest. */
static int write_block(bitwriter *w, lz77 *z, size_t start, size_t end, int last, lzsym *syms,
                       dyncodes *dyn, dyncodes *fix)
{
    size_t ns = lz77_block(z, start, end, syms);
    uint32_t lf[286] = {0}, df[30] = {0};
    for (size_t i = 0; i < ns; i++) {
        if (syms[i].dist == 0) {
            lf[syms[i].len]++;
        } else {
            lf[257 + len_code(syms[i].len)]++;
            df[dist_code(syms[i].dist)]++;
        }
    }
    lf[256] = 1;
    dynamic_codes(dyn, lf, df);
    uint64_t dyn_bits = header_bits(dyn) + data_bits(dyn, lf, df);
    uint64_t fix_bits = data_bits(fix, lf, df);
    uint64_t stored_bits = (uint64_t)(end - start) * 8 + 40;
    if (stored_bits <= dyn_bits && stored_bits <= fix_bits)
        return stored_blocks(w, z->p + start, end - start, last);
    const dyncodes *c = dyn_bits < fix_bits ? dyn : fix;
    if (put_bits(w, (uint32_t)last, 1) < 0 || put_bits(w, c == dyn ? 2 : 1, 2) < 0)
        return -1;
    if (c == dyn && put_dynamic_header(w, dyn) < 0)
        return -1;
    return put_symbols(w, c, syms, ns);
}

static int chain_for_level(int level)
{
    static const int chains[10] = {0, 4, 8, 16, 32, 64, 128, 256, 1024, 4096};
    return chains[level < 0 ? 6 : level];
}

/* Compress one segment p[0..n) as blocks of at most BLOCK_IN bytes. */
static int deflate_data(bitwriter *w, const unsigned char *p, size_t n, int level, int wbits,
                        int last)
{
    if (n == 0 && last && level != 0)   /* a fixed block holding only end-of-block */
        return put_bits(w, 3, 3) < 0 ? -1 : put_bits(w, 0, 7);
    if (level == 0 || n == 0)
        return n || last ? stored_blocks(w, p, n, last) : 0;
    /* like zlib, keep MAX_MATCH + MIN_MATCH + 1 bytes of the window spare */
    lz77 z = {p, n, RpMem_Malloc(sizeof(int32_t) * HSIZE), RpMem_Malloc(sizeof(int32_t) * WSIZE),
              chain_for_level(level), ((size_t)1 << wbits) - (MAX_MATCH + MIN_MATCH + 1)};
    lzsym *syms = RpMem_Malloc(sizeof(lzsym) * BLOCK_IN);
    dyncodes *dyn = RpMem_Malloc(sizeof(dyncodes)), *fix = RpMem_Malloc(sizeof(dyncodes));
    int r = -1;
    if (z.head == NULL || z.prev == NULL || syms == NULL || dyn == NULL || fix == NULL) {
        RpErr_NoMemory();
        goto done;
    }
    memset(z.head, 0xff, sizeof(int32_t) * HSIZE);
    fixed_codes(fix);
    for (size_t start = 0; start < n;) {
        size_t end = n - start < BLOCK_IN ? n : start + BLOCK_IN;
        if (write_block(w, &z, start, end, last && end == n, syms, dyn, fix) < 0)
            goto done;
        start = end;
    }
    r = 0;
done:
    RpMem_Free(z.head);
    RpMem_Free(z.prev);
    RpMem_Free(syms);
    RpMem_Free(dyn);
    RpMem_Free(fix);
    return r;
}

/* ---- the Compress state ------------------------------------------------------------- */

typedef struct {
    RpObject_HEAD
    int level, wrap, wbits, finished, header_done;   /* wbits: 9..15 */
    zbuf pending;            /* input not yet compressed */
    bitwriter w;
    uint32_t check, total;
} zcomp;

static int put_header(zcomp *c)
{
    if (c->header_done)
        return 0;
    c->header_done = 1;
    if (c->wrap == W_ZLIB) {
        int lvl = c->level;
        int flevel = lvl == 0 || lvl == 1 ? 0 : lvl >= 2 && lvl <= 5 ? 1 : lvl == 6 || lvl < 0 ? 2 : 3;
        unsigned cmf = (unsigned)(c->wbits - 8) << 4 | 8, flg = (unsigned)flevel << 6;
        flg += 31 - (cmf * 256 + flg) % 31;
        unsigned char h[2] = {(unsigned char)cmf, (unsigned char)flg};
        return zb_append(&c->w.out, h, 2);
    }
    if (c->wrap == W_GZIP) {
        unsigned char h[10] = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, c->level == 9 ? 2 : c->level == 1 ? 4 : 0, 3};
        return zb_append(&c->w.out, h, 10);
    }
    return 0;
}

static int put_trailer(zcomp *c)
{
    unsigned char t[8];
    if (c->wrap == W_ZLIB) {
        for (int i = 0; i < 4; i++)
            t[i] = (unsigned char)(c->check >> (24 - 8 * i));
        return zb_append(&c->w.out, t, 4);
    }
    if (c->wrap == W_GZIP) {
        for (int i = 0; i < 4; i++) {
            t[i] = (unsigned char)(c->check >> (8 * i));
            t[4 + i] = (unsigned char)(c->total >> (8 * i));
        }
        return zb_append(&c->w.out, t, 8);
    }
    return 0;
}

/* Compress everything pending; mode is a Z_* flush constant. */
static int zc_run(zcomp *c, int mode)
{
    if (put_header(c) < 0)
        return -1;
    int last = mode == 4;
    if (c->pending.n || last) {
        if (deflate_data(&c->w, c->pending.p, c->pending.n, c->level, c->wbits, last) < 0)
            return -1;
        c->pending.n = 0;
    }
    if (mode == 2 || mode == 3) {   /* sync/full flush: empty stored block */
        if (stored_blocks(&c->w, NULL, 0, 0) < 0)
            return -1;
    }
    if (last) {
        if (align_byte(&c->w) < 0 || put_trailer(c) < 0)
            return -1;
        c->finished = 1;
    }
    return 0;
}

static int zc_feed(zcomp *c, const unsigned char *p, size_t n)
{
    if (c->wrap == W_ZLIB)
        c->check = adler32(c->check, p, n);
    else if (c->wrap == W_GZIP)
        c->check = RpStd_Crc32(c->check, p, n);
    c->total += (uint32_t)n;
    if (zb_append(&c->pending, p, n) < 0)
        return -1;
    /* big inputs are compressed as they come, in 64 KiB blocks */
    if (c->pending.n >= 4 * 65536)
        return zc_run(c, 0);
    return 0;
}

/* The bytes written so far, taken out of the writer. */
static RpObject *take_output(zcomp *c)
{
    RpObject *r = RpBytes_FromStringAndSize((const char *)c->w.out.p, (Rp_ssize_t)c->w.out.n);
    c->w.out.n = 0;
    return r;
}

static int check_level(long level)
{
    if (level < -1 || level > 9) {
        zerr("Bad compression level");
        return -1;
    }
    return 0;
}

static zcomp *zc_new(long level, long wbits)
{
    int wrap;
    if (check_level(level) < 0)
        return NULL;
    long aw = wbits < 0 ? -wbits : wbits;
    if (wbits == 0 || wrap_of_wbits(wbits, &wrap) < 0 || wrap == W_AUTO || (aw & 15) < 9) {
        if (wbits >= 8 && wbits <= 15)   /* zlib accepts 8 and uses 9 */
            wrap = W_ZLIB;
        else if (wbits >= -15 && wbits <= -9)
            wrap = W_RAW;
        else {
            RpErr_SetString(RpExc_ValueError, "Invalid initialization option");
            return NULL;
        }
    }
    zcomp *c = (zcomp *)RpObject_Malloc(sizeof(zcomp));
    if (c == NULL)
        return (zcomp *)RpErr_NoMemory();
    memset((char *)c + sizeof(RpObject), 0, sizeof *c - sizeof(RpObject));
    RpObject_Init((RpObject *)c, &RpZCompress_Type);
    c->level = (int)level;
    c->wrap = wrap;
    c->wbits = aw & 15;
    if (c->wbits < 9)
        c->wbits = 9;   /* zlib turns 8 into 9 */
    c->check = wrap == W_ZLIB ? 1 : 0;   /* adler32 starts at 1, crc32 at 0 */
    return c;
}

static void zc_dealloc(RpObject *self)
{
    zcomp *c = (zcomp *)self;
    zb_free(&c->pending);
    zb_free(&c->w.out);
    RpObject_Free(self);
}

static RpObject *zc_compress(RpObject *self, RpObject *data)
{
    zcomp *c = (zcomp *)self;
    const char *p;
    Rp_ssize_t n;
    if (RpStd_Buffer(data, &p, &n) < 0)
        return NULL;
    if (c->finished)
        return zerr("Error -2 while compressing data: inconsistent stream state");
    if (zc_feed(c, (const unsigned char *)p, (size_t)n) < 0)
        return NULL;
    return take_output(c);
}

static RpObject *zc_flush(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    zcomp *c = (zcomp *)self;
    long mode = 4;
    if (!_RpArg_CheckPositional("flush", nargs, 0, 1))
        return NULL;
    if (nargs == 1 && (mode = RpLong_AsLong(args[0])) == -1 && RpErr_Occurred())
        return NULL;
    if (mode == 0)
        return RpBytes_FromStringAndSize("", 0);
    if (c->finished)
        return zerr("Error -2 while flushing: inconsistent stream state");
    if (zc_run(c, (int)mode) < 0)
        return NULL;
    return take_output(c);
}

static RpObject *zc_copy(RpObject *self, RpObject *unused)
{
    zcomp *s = (zcomp *)self, *c = zc_new(s->level, 15);
    if (c == NULL)
        return NULL;
    memcpy((char *)c + sizeof(RpObject), (char *)s + sizeof(RpObject), sizeof *c - sizeof(RpObject));
    memset(&c->pending, 0, sizeof c->pending);
    memset(&c->w.out, 0, sizeof c->w.out);
    if (zb_append(&c->pending, s->pending.p, s->pending.n) < 0 ||
        zb_append(&c->w.out, s->w.out.p, s->w.out.n) < 0) {
        Rp_DECREF(c);
        return NULL;
    }
    return (RpObject *)c;
}

static RpMethodDef zc_methods[] = {
    {"compress", zc_compress, RP_METH_O, NULL},
    {"flush", FAST(zc_flush), RP_METH_FASTCALL, NULL},
    {"copy", zc_copy, RP_METH_NOARGS, NULL},
    {"__copy__", zc_copy, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

RpTypeObject RpZCompress_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "zlib.Compress",
    .tp_basicsize = sizeof(zcomp),
    .tp_dealloc = zc_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT,
    .tp_methods = zc_methods,
};

/* ---- module functions --------------------------------------------------------------- */

static RpObject *zerr(const char *fmt, ...)
{
    char buf[200];
    va_list va;
    va_start(va, fmt);
    vsnprintf(buf, sizeof buf, fmt, va);
    va_end(va);
    return RpStd_Raise("zlib", "error", "%s", buf);
}

/* An optional int argument (default dflt). -1 with error. */
static int opt_long(RpObject *o, long dflt, long *out)
{
    *out = dflt;
    if (o == NULL)
        return 0;
    *out = RpLong_AsLong(o);
    return (*out == -1 && RpErr_Occurred()) ? -1 : 0;
}

static RpObject *z_compress(RpObject *m, RpObject *const *args, Rp_ssize_t nargs, RpObject *kwnames)
{
    static const char *const names[] = {"", "level", "wbits"};
    RpObject *a[3] = {NULL, NULL, NULL};
    long level, wbits;
    const char *p;
    Rp_ssize_t n;
    if (_RpArg_ParseVector("compress", args, nargs, kwnames, names, 3, 1, a) < 0 ||
        RpStd_Buffer(a[0], &p, &n) < 0 || opt_long(a[1], -1, &level) < 0 ||
        opt_long(a[2], 15, &wbits) < 0)
        return NULL;
    if (check_level(level) < 0)
        return NULL;
    if (!((wbits >= 9 && wbits <= 15) || (wbits >= -15 && wbits <= -9) ||
          (wbits >= 25 && wbits <= 31)))
        return zerr("Bad compression level");   /* what CPython's deflateInit2 check says */
    zcomp *c = zc_new(level, wbits);
    if (c == NULL)
        return NULL;
    RpObject *r = NULL;
    if (zc_feed(c, (const unsigned char *)p, (size_t)n) == 0 && zc_run(c, 4) == 0)
        r = take_output(c);
    Rp_DECREF(c);
    return r;
}

static RpObject *z_decompress(RpObject *m, RpObject *const *args, Rp_ssize_t nargs,
                              RpObject *kwnames)
{
    static const char *const names[] = {"", "wbits", "bufsize"};
    RpObject *a[3] = {NULL, NULL, NULL};
    long wbits, bufsize;
    const char *p;
    Rp_ssize_t n;
    if (_RpArg_ParseVector("decompress", args, nargs, kwnames, names, 3, 1, a) < 0 ||
        RpStd_Buffer(a[0], &p, &n) < 0 || opt_long(a[1], 15, &wbits) < 0 ||
        opt_long(a[2], 16384, &bufsize) < 0)
        return NULL;
    if (bufsize < 0) {
        RpErr_SetString(RpExc_ValueError, "bufsize must be non-negative");
        return NULL;
    }
    zdecomp *d = zd_new(wbits);
    if (d == NULL)
        return NULL;
    zbuf res = {0};
    RpObject *r = NULL;
    if (feed(d, p, n, &res, SIZE_MAX) == 0) {
        if (d->state != ST_EOF)
            zerr("Error -5 while decompressing data: incomplete or truncated stream");
        else
            r = RpBytes_FromStringAndSize((const char *)res.p, (Rp_ssize_t)res.n);
    }
    zb_free(&res);
    Rp_DECREF(d);
    return r;
}

static RpObject *z_compressobj(RpObject *m, RpObject *const *args, Rp_ssize_t nargs,
                               RpObject *kwnames)
{
    static const char *const names[] = {"level", "method", "wbits", "memLevel", "strategy", "zdict"};
    RpObject *a[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
    long level, method, wbits;
    if (_RpArg_ParseVector("compressobj", args, nargs, kwnames, names, 6, 0, a) < 0 ||
        opt_long(a[0], -1, &level) < 0 || opt_long(a[1], 8, &method) < 0 ||
        opt_long(a[2], 15, &wbits) < 0)
        return NULL;
    if (method != 8) {
        RpErr_SetString(RpExc_ValueError, "Invalid initialization option");
        return NULL;
    }
    if (a[5] != NULL) {
        RpErr_SetString(RpExc_NotImplementedError, "zdict is not supported");
        return NULL;
    }
    return (RpObject *)zc_new(level, wbits);
}

static RpObject *z_decompressobj(RpObject *m, RpObject *const *args, Rp_ssize_t nargs,
                                 RpObject *kwnames)
{
    static const char *const names[] = {"wbits", "zdict"};
    RpObject *a[2] = {NULL, NULL};
    long wbits;
    if (_RpArg_ParseVector("decompressobj", args, nargs, kwnames, names, 2, 0, a) < 0 ||
        opt_long(a[0], 15, &wbits) < 0)
        return NULL;
    zdecomp *d = zd_new(wbits);
    if (d != NULL && a[1] != NULL)
        d->zdict = Rp_NewRef(a[1]);
    return (RpObject *)d;
}

/* crc32/adler32(data, value): the running value is any int mod 2**32. */
static RpObject *checksum(RpObject *const *args, Rp_ssize_t nargs, const char *name, int is_crc)
{
    if (!_RpArg_CheckPositional(name, nargs, 1, 2))
        return NULL;
    const char *p;
    Rp_ssize_t n;
    if (RpStd_Buffer(args[0], &p, &n) < 0)
        return NULL;
    uint32_t v = is_crc ? 0 : 1;
    if (nargs == 2) {
        RpObject *mask = RpLong_FromUnsignedLongLong(0xffffffffULL);
        RpObject *x = mask ? RpNumber_And(args[1], mask) : NULL;
        Rp_XDECREF(mask);
        int64_t iv = 0;
        if (x == NULL)
            return NULL;
        _RpLong_AsInt64(x, &iv);
        Rp_DECREF(x);
        v = (uint32_t)iv;
    }
    v = is_crc ? RpStd_Crc32(v, (const unsigned char *)p, (size_t)n)
               : adler32(v, (const unsigned char *)p, (size_t)n);
    return RpLong_FromUnsignedLongLong(v);
}

static RpObject *z_crc32(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    return checksum(args, nargs, "crc32", 1);
}

static RpObject *z_adler32(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    return checksum(args, nargs, "adler32", 0);
}

static RpMethodDef zlib_functions[] = {
    {"compress", FAST(z_compress), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"decompress", FAST(z_decompress), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"compressobj", FAST(z_compressobj), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"decompressobj", FAST(z_decompressobj), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"crc32", FAST(z_crc32), RP_METH_FASTCALL, NULL},
    {"adler32", FAST(z_adler32), RP_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

static const struct {
    const char *name;
    long value;
} zconsts[] = {
    {"MAX_WBITS", 15}, {"DEFLATED", 8}, {"DEF_MEM_LEVEL", 8}, {"DEF_BUF_SIZE", 16384},
    {"Z_NO_COMPRESSION", 0}, {"Z_BEST_SPEED", 1}, {"Z_BEST_COMPRESSION", 9},
    {"Z_DEFAULT_COMPRESSION", -1}, {"Z_FILTERED", 1}, {"Z_HUFFMAN_ONLY", 2}, {"Z_RLE", 3},
    {"Z_FIXED", 4}, {"Z_DEFAULT_STRATEGY", 0}, {"Z_NO_FLUSH", 0}, {"Z_PARTIAL_FLUSH", 1},
    {"Z_SYNC_FLUSH", 2}, {"Z_FULL_FLUSH", 3}, {"Z_FINISH", 4}, {"Z_BLOCK", 5}, {"Z_TREES", 6},
};

RpObject *RpInit_zlib(void)
{
    RpObject *m = RpModule_New("zlib");
    if (m == NULL)
        return NULL;
    if (RpModule_AddFunctions(m, zlib_functions) < 0 ||
        RpStd_AddError(m, "error", "zlib", RpExc_Exception) < 0 ||
        RpModule_AddStringConstant(m, "ZLIB_VERSION", "1.2.13") < 0 ||
        RpModule_AddStringConstant(m, "ZLIB_RUNTIME_VERSION", "1.2.13") < 0)
        goto error;
    for (size_t i = 0; i < sizeof zconsts / sizeof zconsts[0]; i++)
        if (RpModule_AddIntConstant(m, zconsts[i].name, zconsts[i].value) < 0)
            goto error;
    return m;
error:
    Rp_DECREF(m);
    return NULL;
}
