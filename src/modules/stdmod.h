/* stdmod.h -- the standard-library modules written in C (struct, array,
 * binascii, hashlib's core, cmath, zlib) and the little helpers they share
 * (prefix RpStd_).  stdmodsupport.c holds the helpers; each module has its
 * own file.
 *
 * Module-specific exception classes (struct.error, zlib.error,
 * binascii.Error) are ordinary classes stored in the C module's dict.  C
 * code finds them again through sys.modules when it raises, so no static
 * reference outlives the module at shutdown.
 */
#ifndef RP_STDMOD_H
#define RP_STDMOD_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "rp.h"
#include <stdint.h>

RpObject *RpInit__struct(void);   /* structmodule.c: behind lib/struct.py */
RpObject *RpInit_array(void);     /* arraymodule.c */
RpObject *RpInit_binascii(void);  /* binasciimodule.c */
RpObject *RpInit__hashlib(void);  /* hashmodule.c: behind lib/hashlib.py */
RpObject *RpInit_cmath(void);     /* cmathmodule.c */
RpObject *RpInit_zlib(void);      /* zlibmodule.c */
RpObject *RpInit_unicodedata(void); /* unicodedatamodule.c */
/* Their static types (readied with the others by object.c). */
extern RpTypeObject RpStruct_Type, RpStructIter_Type, RpArray_Type, RpArrayIter_Type,
    RpHash_Type, RpZCompress_Type, RpZDecompress_Type;

/* Create class `name`(base) with __module__ = `module` and store it in m
 * under `name`.  0 / -1. */
int RpStd_AddError(RpObject *m, const char *name, const char *module, RpObject *base);
/* Raise sys.modules[cmod].<name> (ValueError if the module is gone) with a
 * printf-like message (RpErr_Format's codes).  Returns NULL. */
RpObject *RpStd_Raise(const char *cmod, const char *name, const char *fmt, ...);
/* The bytes of a bytes-like object (bytes, bytearray, memoryview, array).
 * 0 ok; -1 with TypeError "a bytes-like object is required, not 'T'". */
int RpStd_Buffer(RpObject *o, const char **p, Rp_ssize_t *n);
/* The same, and also accepting an ASCII-only str (binascii's a2b_*):
 * ValueError "string argument should contain only ASCII characters". */
int RpStd_AsciiBuffer(RpObject *o, const char **p, Rp_ssize_t *n);
/* A writable buffer (bytearray or array); -1 with TypeError
 * "argument must be read-write bytes-like object, not T". */
int RpStd_WritableBuffer(RpObject *o, char **p, Rp_ssize_t *n);
/* An exact int as 64 raw bits and how it fits: RPSTD_FIT_S (int64_t),
 * RPSTD_FIT_U (only uint64_t), RPSTD_FIT_NONE (*bits 0).  0 / -1. */
enum { RPSTD_FIT_S, RPSTD_FIT_U, RPSTD_FIT_NONE };
int RpStd_IntBits(RpObject *v, uint64_t *bits, int *fit);
/* CRC-32 as zlib computes it (binasciimodule.c): crc of p[0..n) continuing
 * from `crc` (0 to start). */
uint32_t RpStd_Crc32(uint32_t crc, const unsigned char *p, size_t n);
/* SHA-512 of p[0..n) (hashmodule.c). */
void RpStd_Sha512(const unsigned char *p, size_t n, unsigned char out[64]);
/* array.array's storage for the buffer users above (arraymodule.c): 1 and
 * the bytes if o is an array, else 0. */
int RpStd_ArrayView(RpObject *o, char **p, Rp_ssize_t *n);

#endif
