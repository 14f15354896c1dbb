/* hashmodule.c -- the `_hashlib` module behind lib/hashlib.py: MD5 (RFC
 * 1321), SHA-1, SHA-224/256 and SHA-384/512 (FIPS 180-4), SHA-3 and SHAKE
 * (FIPS 202), BLAKE2b/2s (RFC 7693), as incremental hash objects with
 * update/digest/hexdigest/copy.
 *
 * The first six are Merkle-Damgard hashes, so one object type serves them:
 * a descriptor gives the block size, the compression function, the initial
 * state, the byte order of the length and of the output words.  The state
 * is kept as 64-bit words (the 32-bit hashes use the low halves).  SHA-3
 * uses the same buffering with the sponge's rate as its block size; BLAKE2
 * has its own, since its last block is compressed differently.
 * sha512module.c's `_sha512.digest` (random's string seeds) uses the same
 * code through RpStd_Sha512.
 */
#include "stdmod.h"
#include <stddef.h>
#include <stdint.h>
#include <strings.h>

#define FAST(f) ((RpCFunction)(void (*)(void))(f))

struct hdesc;
typedef struct {
    RpObject_HEAD
    const struct hdesc *d;
    uint64_t h[25];             /* chaining state; all 25 lanes for Keccak */
    uint64_t length;            /* bytes hashed so far */
    unsigned char buf[200];     /* a partial block */
    size_t nbuf;
    int outlen;                 /* digest size (BLAKE2's is chosen per object) */
} hashobject;

typedef struct hdesc {
    const char *name;
    int digest_size, block_size;  /* SHA-3: block_size is the sponge's rate */
    int words64;                /* state words are 64-bit (SHA-384/512) */
    int little;                 /* MD5: little-endian length and output */
    void (*compress)(uint64_t h[25], const unsigned char *block);
    uint64_t init[8];
    int sponge;                 /* SHA-3/SHAKE: the domain padding byte, else 0 */
    int blake;                  /* BLAKE2: 'b' or 's', else 0 */
} hdesc;

static uint32_t rol32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
static uint32_t ror32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
static uint64_t ror64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* ---- MD5 ----------------------------------------------------------------- */

static const uint32_t md5_k[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};
static const int md5_r[16] = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};

static void md5_compress(uint64_t h[25], const unsigned char *p)
{
    uint32_t m[16], a = (uint32_t)h[0], b = (uint32_t)h[1], c = (uint32_t)h[2], d = (uint32_t)h[3];
    for (int i = 0; i < 16; i++)
        m[i] = le32(p + 4 * i);
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g, round = i / 16;
        switch (round) {
        case 0: f = (b & c) | (~b & d); g = i; break;
        case 1: f = (d & b) | (~d & c); g = (5 * i + 1) & 15; break;
        case 2: f = b ^ c ^ d; g = (3 * i + 5) & 15; break;
        default: f = c ^ (b | ~d); g = (7 * i) & 15; break;
        }
        uint32_t t = d;
        d = c;
        c = b;
        b = b + rol32(a + f + md5_k[i] + m[g], md5_r[round * 4 + (i & 3)]);
        a = t;
    }
    h[0] = (uint32_t)(h[0] + a);
    h[1] = (uint32_t)(h[1] + b);
    h[2] = (uint32_t)(h[2] + c);
    h[3] = (uint32_t)(h[3] + d);
}

/* ---- SHA-1 ----------------------------------------------------------------- */

static void sha1_compress(uint64_t h[25], const unsigned char *p)
{
    uint32_t w[80], v[5];
    for (int i = 0; i < 16; i++)
        w[i] = be32(p + 4 * i);
    for (int i = 16; i < 80; i++)
        w[i] = rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    for (int i = 0; i < 5; i++)
        v[i] = (uint32_t)h[i];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) {
            f = (v[1] & v[2]) | (~v[1] & v[3]);
            k = 0x5a827999;
        } else if (i < 40) {
            f = v[1] ^ v[2] ^ v[3];
            k = 0x6ed9eba1;
        } else if (i < 60) {
            f = (v[1] & v[2]) | (v[1] & v[3]) | (v[2] & v[3]);
            k = 0x8f1bbcdc;
        } else {
            f = v[1] ^ v[2] ^ v[3];
            k = 0xca62c1d6;
        }
        uint32_t t = rol32(v[0], 5) + f + v[4] + k + w[i];
        v[4] = v[3];
        v[3] = v[2];
        v[2] = rol32(v[1], 30);
        v[1] = v[0];
        v[0] = t;
    }
    for (int i = 0; i < 5; i++)
        h[i] = (uint32_t)(h[i] + v[i]);
}

/* ---- SHA-256 ----------------------------------------------------------------- */

static const uint32_t k256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static void sha256_compress(uint64_t h[25], const unsigned char *p)
{
    uint32_t w[64], v[8];
    for (int i = 0; i < 16; i++)
        w[i] = be32(p + 4 * i);
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror32(w[i - 15], 7) ^ ror32(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror32(w[i - 2], 17) ^ ror32(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    for (int i = 0; i < 8; i++)
        v[i] = (uint32_t)h[i];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = v[7] + (ror32(v[4], 6) ^ ror32(v[4], 11) ^ ror32(v[4], 25)) +
                      ((v[4] & v[5]) ^ (~v[4] & v[6])) + k256[i] + w[i];
        uint32_t t2 = (ror32(v[0], 2) ^ ror32(v[0], 13) ^ ror32(v[0], 22)) +
                      ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
        memmove(v + 1, v, 7 * sizeof v[0]);
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        h[i] = (uint32_t)(h[i] + v[i]);
}

/* ---- SHA-512 ----------------------------------------------------------------- */

static const uint64_t k512[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

static void sha512_compress(uint64_t h[25], const unsigned char *p)
{
    uint64_t w[80], v[8];
    for (int i = 0; i < 16; i++)
        w[i] = (uint64_t)be32(p + 8 * i) << 32 | be32(p + 8 * i + 4);
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ror64(w[i - 15], 1) ^ ror64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ror64(w[i - 2], 19) ^ ror64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    memcpy(v, h, sizeof v);
    for (int i = 0; i < 80; i++) {
        uint64_t t1 = v[7] + (ror64(v[4], 14) ^ ror64(v[4], 18) ^ ror64(v[4], 41)) +
                      ((v[4] & v[5]) ^ (~v[4] & v[6])) + k512[i] + w[i];
        uint64_t t2 = (ror64(v[0], 28) ^ ror64(v[0], 34) ^ ror64(v[0], 39)) +
                      ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
        memmove(v + 1, v, 7 * sizeof v[0]);
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        h[i] += v[i];
}

/* ---- SHA-3 (FIPS 202): Keccak-f[1600] ------------------------------------------ */

static const uint64_t keccak_rc[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
    0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL,
};

/* rotation of lane (x, y), indexed x + 5y */
static const int keccak_rot[25] = {
    0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14,
};

static uint64_t rol64(uint64_t x, int n) { return n ? (x << n) | (x >> (64 - n)) : x; }

static void keccak_f(uint64_t a[25])
{
    for (int round = 0; round < 24; round++) {
        uint64_t c[5], b[25];
        for (int x = 0; x < 5; x++)                                  /* theta */
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (int x = 0; x < 5; x++) {
            uint64_t d = c[(x + 4) % 5] ^ rol64(c[(x + 1) % 5], 1);
            for (int y = 0; y < 25; y += 5)
                a[x + y] ^= d;
        }
        for (int x = 0; x < 5; x++)                                  /* rho, pi */
            for (int y = 0; y < 5; y++)
                b[y + 5 * ((2 * x + 3 * y) % 5)] = rol64(a[x + 5 * y], keccak_rot[x + 5 * y]);
        for (int y = 0; y < 25; y += 5)                              /* chi */
            for (int x = 0; x < 5; x++)
                a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
        a[0] ^= keccak_rc[round];                                    /* iota */
    }
}

/* Absorb one rate-sized block (bytes are little-endian lanes). */
static void sponge_absorb(uint64_t a[25], const unsigned char *p, int rate)
{
    for (int i = 0; i < rate; i++)
        a[i / 8] ^= (uint64_t)p[i] << (8 * (i % 8));
    keccak_f(a);
}

/* ---- BLAKE2b and BLAKE2s (RFC 7693) ----------------------------------------------- */

static const uint8_t blake_sigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

static const uint64_t blake2b_iv[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};
static const uint32_t blake2s_iv[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

/* The mixing function G on the 64-bit working vector. */
static void g64(uint64_t *v, int a, int b, int c, int d, uint64_t x, uint64_t y)
{
    v[a] += v[b] + x;
    v[d] = ror64(v[d] ^ v[a], 32);
    v[c] += v[d];
    v[b] = ror64(v[b] ^ v[c], 24);
    v[a] += v[b] + y;
    v[d] = ror64(v[d] ^ v[a], 16);
    v[c] += v[d];
    v[b] = ror64(v[b] ^ v[c], 63);
}

static void g32(uint32_t *v, int a, int b, int c, int d, uint32_t x, uint32_t y)
{
    v[a] += v[b] + x;
    v[d] = ror32(v[d] ^ v[a], 16);
    v[c] += v[d];
    v[b] = ror32(v[b] ^ v[c], 12);
    v[a] += v[b] + y;
    v[d] = ror32(v[d] ^ v[a], 8);
    v[c] += v[d];
    v[b] = ror32(v[b] ^ v[c], 7);
}

/* The eight G applications of a round: columns, then diagonals. */
static const uint8_t blake_g[8][4] = {
    {0, 4, 8, 12}, {1, 5, 9, 13}, {2, 6, 10, 14}, {3, 7, 11, 15},
    {0, 5, 10, 15}, {1, 6, 11, 12}, {2, 7, 8, 13}, {3, 4, 9, 14},
};

static void blake2b_compress(uint64_t h[25], const unsigned char *p, uint64_t t, int last)
{
    uint64_t m[16], v[16];
    for (int i = 0; i < 16; i++)
        m[i] = (uint64_t)le32(p + 8 * i + 4) << 32 | le32(p + 8 * i);
    memcpy(v, h, 8 * sizeof v[0]);
    memcpy(v + 8, blake2b_iv, sizeof blake2b_iv);
    v[12] ^= t;                 /* the counter's high word stays 0 below 2**64 bytes */
    if (last)
        v[14] = ~v[14];
    for (int r = 0; r < 12; r++) {
        const uint8_t *s = blake_sigma[r % 10];
        for (int k = 0; k < 8; k++)
            g64(v, blake_g[k][0], blake_g[k][1], blake_g[k][2], blake_g[k][3], m[s[2 * k]],
                m[s[2 * k + 1]]);
    }
    for (int i = 0; i < 8; i++)
        h[i] ^= v[i] ^ v[i + 8];
}

static void blake2s_compress(uint64_t h[25], const unsigned char *p, uint64_t t, int last)
{
    uint32_t m[16], v[16];
    for (int i = 0; i < 16; i++)
        m[i] = le32(p + 4 * i);
    for (int i = 0; i < 8; i++) {
        v[i] = (uint32_t)h[i];
        v[i + 8] = blake2s_iv[i];
    }
    v[12] ^= (uint32_t)t;
    v[13] ^= (uint32_t)(t >> 32);
    if (last)
        v[14] = ~v[14];
    for (int r = 0; r < 10; r++) {
        const uint8_t *s = blake_sigma[r];
        for (int k = 0; k < 8; k++)
            g32(v, blake_g[k][0], blake_g[k][1], blake_g[k][2], blake_g[k][3], m[s[2 * k]],
                m[s[2 * k + 1]]);
    }
    for (int i = 0; i < 8; i++)
        h[i] = (uint32_t)(h[i] ^ v[i] ^ v[i + 8]);
}

static void blake_compress(hashobject *o, const unsigned char *p, int last)
{
    if (o->d->blake == 'b')
        blake2b_compress(o->h, p, o->length, last);
    else
        blake2s_compress(o->h, p, o->length, last);
}

/* BLAKE2 compresses a block only once more input follows it: the last
 * block is compressed in the final step with its flag set.  `length`
 * counts the bytes compressed so far (the counter t). */
static void blake_update(hashobject *o, const unsigned char *p, size_t n)
{
    size_t bs = (size_t)o->d->block_size;
    while (n > 0) {
        if (o->nbuf == bs) {
            o->length += bs;
            blake_compress(o, o->buf, 0);
            o->nbuf = 0;
        }
        size_t take = bs - o->nbuf < n ? bs - o->nbuf : n;
        memcpy(o->buf + o->nbuf, p, take);
        o->nbuf += take;
        p += take;
        n -= take;
    }
}

static void blake_final(const hashobject *o, unsigned char *out)
{
    hashobject t = *o;
    size_t bs = (size_t)t.d->block_size;
    t.length += t.nbuf;
    memset(t.buf + t.nbuf, 0, bs - t.nbuf);
    blake_compress(&t, t.buf, 1);
    int wsize = t.d->blake == 'b' ? 8 : 4;
    for (int i = 0; i < t.outlen; i++)
        out[i] = (unsigned char)(t.h[i / wsize] >> (8 * (i % wsize)));
}

/* Parameter block: digest and key lengths, fanout = depth = 1, salt and
 * personalization XORed into the IV (words 4..7). */
static void blake_init(hashobject *o, int outlen, const unsigned char *key, size_t keylen,
                       const unsigned char *salt, size_t saltlen, const unsigned char *person,
                       size_t personlen)
{
    int b = o->d->blake == 'b', wsize = b ? 8 : 4;
    unsigned char param[64] = {0};
    param[0] = (unsigned char)outlen;
    param[1] = (unsigned char)keylen;
    param[2] = param[3] = 1;
    if (saltlen)
        memcpy(param + (b ? 32 : 16), salt, saltlen);
    if (personlen)
        memcpy(param + (b ? 48 : 24), person, personlen);
    for (int i = 0; i < 8; i++) {
        uint64_t w = 0;
        for (int k = wsize - 1; k >= 0; k--)
            w = w << 8 | param[i * wsize + k];
        o->h[i] = (b ? blake2b_iv[i] : blake2s_iv[i]) ^ w;
    }
    o->outlen = outlen;
    o->length = 0;
    o->nbuf = 0;
    if (keylen > 0) {            /* the key, zero-padded, is the first block */
        memset(o->buf, 0, (size_t)o->d->block_size);
        memcpy(o->buf, key, keylen);
        o->nbuf = (size_t)o->d->block_size;
    }
}

/* ---- the algorithms ---------------------------------------------------------- */

static const hdesc algos[] = {
    {"md5", 16, 64, 0, 1, md5_compress,
     {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476}},
    {"sha1", 20, 64, 0, 0, sha1_compress,
     {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0}},
    {"sha224", 28, 64, 0, 0, sha256_compress,
     {0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7,
      0xbefa4fa4}},
    {"sha256", 32, 64, 0, 0, sha256_compress,
     {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
      0x5be0cd19}},
    {"sha384", 48, 128, 1, 0, sha512_compress,
     {0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL, 0x152fecd8f70e5939ULL,
      0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL, 0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL}},
    {"sha512", 64, 128, 1, 0, sha512_compress,
     {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
      0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL}},
    {"sha3_224", 28, 144, 1, 1, NULL, {0}, 0x06},
    {"sha3_256", 32, 136, 1, 1, NULL, {0}, 0x06},
    {"sha3_384", 48, 104, 1, 1, NULL, {0}, 0x06},
    {"sha3_512", 64, 72, 1, 1, NULL, {0}, 0x06},
    {"shake_128", 0, 168, 1, 1, NULL, {0}, 0x1f},
    {"shake_256", 0, 136, 1, 1, NULL, {0}, 0x1f},
    {"blake2b", 64, 128, 1, 1, NULL, {0}, 0, 'b'},
    {"blake2s", 32, 64, 0, 1, NULL, {0}, 0, 's'},
};
#define NALGOS ((int)(sizeof algos / sizeof algos[0]))

static void h_init(hashobject *o, const hdesc *d)
{
    o->d = d;
    o->outlen = d->digest_size;
    memset(o->h, 0, sizeof o->h);
    memcpy(o->h, d->init, sizeof d->init);
    if (d->blake) {
        blake_init(o, d->digest_size, NULL, 0, NULL, 0, NULL, 0);
        return;
    }
    o->length = 0;
    o->nbuf = 0;
}

static void compress_block(hashobject *o, const unsigned char *p)
{
    if (o->d->sponge)
        sponge_absorb(o->h, p, o->d->block_size);
    else
        o->d->compress(o->h, p);
}

static void h_update(hashobject *o, const unsigned char *p, size_t n)
{
    size_t bs = (size_t)o->d->block_size;
    if (o->d->blake) {
        blake_update(o, p, n);
        return;
    }
    o->length += n;
    if (o->nbuf) {
        size_t take = bs - o->nbuf < n ? bs - o->nbuf : n;
        memcpy(o->buf + o->nbuf, p, take);
        o->nbuf += take;
        p += take;
        n -= take;
        if (o->nbuf < bs)
            return;
        compress_block(o, o->buf);
        o->nbuf = 0;
    }
    for (; n >= bs; p += bs, n -= bs)
        compress_block(o, p);
    memcpy(o->buf, p, n);
    o->nbuf = n;
}

/* SHA-3/SHAKE: pad, then squeeze outlen bytes. */
static void sponge_final(const hashobject *o, unsigned char *out, size_t outlen)
{
    hashobject t = *o;
    int rate = t.d->block_size;
    memset(t.buf + t.nbuf, 0, (size_t)rate - t.nbuf);
    t.buf[t.nbuf] ^= (unsigned char)t.d->sponge;
    t.buf[rate - 1] ^= 0x80;
    sponge_absorb(t.h, t.buf, rate);
    for (size_t i = 0; i < outlen; i++) {
        if (i > 0 && i % (size_t)rate == 0)
            keccak_f(t.h);
        size_t k = i % (size_t)rate;
        out[i] = (unsigned char)(t.h[k / 8] >> (8 * (k % 8)));
    }
}

/* The digest of what was hashed so far; o itself is left unchanged.
 * outlen matters only for SHAKE. */
static void h_final(const hashobject *o, unsigned char *out, size_t outlen)
{
    if (o->d->sponge) {
        sponge_final(o, out, o->d->digest_size ? (size_t)o->d->digest_size : outlen);
        return;
    }
    if (o->d->blake) {
        blake_final(o, out);
        return;
    }
    hashobject t = *o;
    size_t bs = (size_t)t.d->block_size, lenbytes = bs / 8;  /* 8 or 16 */
    uint64_t bits = t.length * 8;
    unsigned char pad[256] = {0x80};
    size_t npad = bs - (t.nbuf + lenbytes) % bs;   /* 0x80 and zeros */
    unsigned char len[16] = {0};
    for (int j = 0; j < 8; j++)
        len[t.d->little ? (size_t)j : lenbytes - 1 - (size_t)j] = (unsigned char)(bits >> (8 * j));
    h_update(&t, pad, npad);
    h_update(&t, len, lenbytes);
    int wsize = t.d->words64 ? 8 : 4;
    for (int i = 0; i < t.d->digest_size; i++) {
        int w = i / wsize, b = i % wsize;
        int shift = t.d->little ? 8 * b : 8 * (wsize - 1 - b);
        out[i] = (unsigned char)(t.h[w] >> shift);
    }
}

void RpStd_Sha512(const unsigned char *p, size_t n, unsigned char out[64])
{
    hashobject o;
    h_init(&o, &algos[5]);   /* sha512 */
    h_update(&o, p, n);
    h_final(&o, out, 64);
}

/* ---- the HASH type ------------------------------------------------------------ */

extern RpTypeObject RpHash_Type;

/* Hash the bytes of a data argument; str is refused as CPython does. */
static int update_from(hashobject *o, RpObject *data)
{
    const char *p;
    Rp_ssize_t n;
    if (RpUnicode_Check(data)) {
        RpErr_SetString(RpExc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    if (_RpBytes_View(data, &p, &n) || _RpMemoryView_View(data, &p, &n)) {
        h_update(o, (const unsigned char *)p, (size_t)n);
        return 0;
    }
    RpErr_Format(RpExc_TypeError, "object supporting the buffer API required");
    return -1;
}

static RpObject *new_hash(const hdesc *d, RpObject *data)
{
    hashobject *o = (hashobject *)RpObject_Malloc(sizeof(hashobject));
    if (o == NULL)
        return RpErr_NoMemory();
    RpObject_Init((RpObject *)o, &RpHash_Type);
    h_init(o, d);
    if (data != NULL && update_from(o, data) < 0) {
        Rp_DECREF(o);
        return NULL;
    }
    return (RpObject *)o;
}

static void hash_dealloc(RpObject *self)
{
    RpObject_Free(self);
}

static RpObject *hash_update(RpObject *self, RpObject *data)
{
    if (update_from((hashobject *)self, data) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

/* The digest bytes as a new bytes object; SHAKE takes the length as its
 * one argument, the fixed-size hashes take none. */
static RpObject *digest_bytes(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                              const char *fname)
{
    const hdesc *d = ((hashobject *)self)->d;
    Rp_ssize_t n = ((hashobject *)self)->outlen;
    if (d->digest_size == 0) {   /* SHAKE */
        if (nargs != 1)
            return RpErr_Format(RpExc_TypeError, nargs ? "%s() takes exactly one argument (%zd given)"
                                : "%s() missing required argument 'length' (pos 1)", fname, nargs);
        n = RpNumber_AsSsize_t(args[0], RpExc_OverflowError);
        if (n == -1 && RpErr_Occurred())
            return NULL;
        if (n < 0) {
            RpErr_SetString(RpExc_ValueError, "negative digest length");
            return NULL;
        }
    } else if (!_RpArg_CheckPositional(fname, nargs, 0, 0)) {
        return NULL;
    }
    RpObject *r = RpBytes_FromStringAndSize(NULL, n);
    if (r != NULL)
        h_final((hashobject *)self, (unsigned char *)RpBytes_AS_STRING(r), (size_t)n);
    return r;
}

static RpObject *hash_digest(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    return digest_bytes(self, args, nargs, "digest");
}

static RpObject *hash_hexdigest(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    RpObject *b = digest_bytes(self, args, nargs, "hexdigest");
    if (b == NULL)
        return NULL;
    Rp_ssize_t n = RpBytes_GET_SIZE(b);
    const unsigned char *p = (const unsigned char *)RpBytes_AS_STRING(b);
    RpObject *r = _RpUnicode_New(2 * n);
    if (r != NULL) {
        char *hex = RpUnicode_UTF8(r);
        for (Rp_ssize_t i = 0; i < n; i++) {
            hex[2 * i] = "0123456789abcdef"[p[i] >> 4];
            hex[2 * i + 1] = "0123456789abcdef"[p[i] & 15];
        }
        r = _RpUnicode_Finish(r);
    }
    Rp_DECREF(b);
    return r;
}

static RpObject *hash_copy(RpObject *self, RpObject *unused)
{
    hashobject *o = (hashobject *)RpObject_Malloc(sizeof(hashobject));
    if (o == NULL)
        return RpErr_NoMemory();
    memcpy((char *)o + sizeof(RpObject), (char *)self + sizeof(RpObject),
           sizeof(hashobject) - sizeof(RpObject));
    RpObject_Init((RpObject *)o, &RpHash_Type);
    return (RpObject *)o;
}

static RpObject *hash_repr(RpObject *self)
{
    return RpUnicode_FromFormat("<%s _hashlib.HASH object @ %p>", ((hashobject *)self)->d->name,
                                (void *)self);
}

static RpObject *get_name(RpObject *self, void *c)
{
    return RpUnicode_FromString(((hashobject *)self)->d->name);
}

static RpObject *get_digest_size(RpObject *self, void *c)
{
    return RpLong_FromLong(((hashobject *)self)->outlen);
}

static RpObject *get_block_size(RpObject *self, void *c)
{
    return RpLong_FromLong(((hashobject *)self)->d->block_size);
}

static RpGetSetDef hash_getset[] = {
    {"name", get_name, NULL, NULL, NULL},
    {"digest_size", get_digest_size, NULL, NULL, NULL},
    {"block_size", get_block_size, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static RpMethodDef hash_methods[] = {
    {"update", hash_update, RP_METH_O, NULL},
    {"digest", FAST(hash_digest), RP_METH_FASTCALL, NULL},
    {"hexdigest", FAST(hash_hexdigest), RP_METH_FASTCALL, NULL},
    {"copy", hash_copy, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

RpTypeObject RpHash_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "_hashlib.HASH",
    .tp_basicsize = sizeof(hashobject),
    .tp_dealloc = hash_dealloc,
    .tp_repr = hash_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT,
    .tp_methods = hash_methods,
    .tp_getset = hash_getset,
};

/* ---- constructors -------------------------------------------------------------- */

/* The (data=b'', *, usedforsecurity=True) arguments; data may be NULL. */
static int parse_data(const char *fname, RpObject *const *args, Rp_ssize_t nargs,
                      RpObject *kwnames, RpObject **data)
{
    static const char *const names[] = {"string", "usedforsecurity"};
    RpObject *a[2] = {NULL, NULL};
    if (_RpArg_ParseVector(fname, args, nargs, kwnames, names, 1, 0, a) < 0)
        return -1;
    *data = a[0];
    return 0;
}

#define CONSTRUCTOR(ix, nm)                                                             \
    static RpObject *new_##nm(RpObject *m, RpObject *const *args, Rp_ssize_t nargs,     \
                              RpObject *kwnames)                                        \
    {                                                                                   \
        RpObject *data;                                                                 \
        if (parse_data(#nm, args, nargs, kwnames, &data) < 0)                           \
            return NULL;                                                                \
        return new_hash(&algos[ix], data);                                              \
    }
CONSTRUCTOR(0, md5)
CONSTRUCTOR(1, sha1)
CONSTRUCTOR(2, sha224)
CONSTRUCTOR(3, sha256)
CONSTRUCTOR(4, sha384)
CONSTRUCTOR(5, sha512)
CONSTRUCTOR(6, sha3_224)
CONSTRUCTOR(7, sha3_256)
CONSTRUCTOR(8, sha3_384)
CONSTRUCTOR(9, sha3_512)
CONSTRUCTOR(10, shake_128)
CONSTRUCTOR(11, shake_256)

/* A bytes-like BLAKE2 parameter of at most `max` bytes. */
static int blake_param(RpObject *o, const char *what, size_t max, const char **p, Rp_ssize_t *n)
{
    *p = "";
    *n = 0;
    if (o == NULL)
        return 0;
    if (RpStd_Buffer(o, p, n) < 0)
        return -1;
    if ((size_t)*n > max) {
        RpErr_Format(RpExc_ValueError, "maximum %s length is %zu bytes", what, max);
        return -1;
    }
    return 0;
}

/* blake2b/blake2s(data=b'', *, digest_size, key, salt, person, usedforsecurity) */
static RpObject *new_blake(int ix, RpObject *const *args, Rp_ssize_t nargs, RpObject *kwnames)
{
    static const char *const names[] = {"data", "digest_size", "key", "salt", "person",
                                        "usedforsecurity"};
    RpObject *a[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
    const hdesc *d = &algos[ix];
    if (_RpArg_ParseVector(d->name, args, nargs, kwnames, names, 1, 0, a) < 0)
        return NULL;
    long size = d->digest_size;
    if (a[1] != NULL && (size = RpLong_AsLong(a[1])) == -1 && RpErr_Occurred())
        return NULL;
    if (size < 1 || size > d->digest_size)
        return RpErr_Format(RpExc_ValueError, "digest_size must be between 1 and %d bytes",
                            d->digest_size);
    const char *key, *salt, *person;
    Rp_ssize_t nkey, nsalt, nperson;
    size_t half = (size_t)d->digest_size / 4;   /* salt/person: 16 (b) or 8 (s) */
    if (blake_param(a[2], "key", (size_t)d->digest_size, &key, &nkey) < 0 ||
        blake_param(a[3], "salt", half, &salt, &nsalt) < 0 ||
        blake_param(a[4], "person", half, &person, &nperson) < 0)
        return NULL;
    hashobject *o = (hashobject *)new_hash(d, NULL);
    if (o == NULL)
        return NULL;
    blake_init(o, (int)size, (const unsigned char *)key, (size_t)nkey,
               (const unsigned char *)salt, (size_t)nsalt, (const unsigned char *)person,
               (size_t)nperson);
    if (a[0] != NULL && update_from(o, a[0]) < 0) {
        Rp_DECREF(o);
        return NULL;
    }
    return (RpObject *)o;
}

static RpObject *new_blake2b(RpObject *m, RpObject *const *args, Rp_ssize_t nargs, RpObject *kwnames)
{
    return new_blake(12, args, nargs, kwnames);
}

static RpObject *new_blake2s(RpObject *m, RpObject *const *args, Rp_ssize_t nargs, RpObject *kwnames)
{
    return new_blake(13, args, nargs, kwnames);
}

/* new(name, data=b'', *, usedforsecurity=True); names are case-insensitive. */
static RpObject *hl_new(RpObject *m, RpObject *const *args, Rp_ssize_t nargs, RpObject *kwnames)
{
    static const char *const names[] = {"name", "string", "usedforsecurity"};
    RpObject *a[3] = {NULL, NULL, NULL};
    if (_RpArg_ParseVector("new", args, nargs, kwnames, names, 2, 1, a) < 0)
        return NULL;
    if (!RpUnicode_Check(a[0]))
        return RpErr_Format(RpExc_TypeError, "new() argument 'name' must be str, not %.100s",
                            Rp_TYPE(a[0])->tp_name);
    const char *name = RpUnicode_AsUTF8(a[0]);
    if (name == NULL)
        return NULL;
    for (int i = 0; i < NALGOS; i++)
        if (strcasecmp(name, algos[i].name) == 0)
            return new_hash(&algos[i], a[1]);
    return RpErr_Format(RpExc_ValueError, "unsupported hash type %s", name);
}

static RpMethodDef hashlib_functions[] = {
    {"new", FAST(hl_new), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"md5", FAST(new_md5), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"sha1", FAST(new_sha1), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"sha224", FAST(new_sha224), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"sha256", FAST(new_sha256), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"sha384", FAST(new_sha384), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"sha512", FAST(new_sha512), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"sha3_224", FAST(new_sha3_224), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"sha3_256", FAST(new_sha3_256), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"sha3_384", FAST(new_sha3_384), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"sha3_512", FAST(new_sha3_512), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"shake_128", FAST(new_shake_128), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"shake_256", FAST(new_shake_256), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"blake2b", FAST(new_blake2b), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {"blake2s", FAST(new_blake2s), RP_METH_FASTCALL | RP_METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

RpObject *RpInit__hashlib(void)
{
    RpObject *m = RpModule_New("_hashlib");
    if (m == NULL)
        return NULL;
    if (RpModule_AddFunctions(m, hashlib_functions) < 0 ||
        RpModule_AddObjectRef(m, "HASH", (RpObject *)&RpHash_Type) < 0)
        Rp_CLEAR(m);
    return m;
}
