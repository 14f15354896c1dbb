/* numbers.h -- int (RpLong_), bool (RpBool_), float (RpFloat_).
 * intobject.c, boolobject.c, floatobject.c, plus the None/NotImplemented/
 * Ellipsis singletons in object.c.
 *
 * int has arbitrary precision (intobject.c + bigint.c); values that fit
 * int64 are stored inline and take machine-word fast paths.  The layout
 * is private to intobject.c.  Small ints -5..256 are preallocated
 * and shared; their counts are still counted, they are never freed.
 */
#ifndef RP_NUMBERS_H
#define RP_NUMBERS_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "object.h"

extern RpTypeObject RpLong_Type, RpBool_Type, RpFloat_Type;
#define RpLong_Check(o) RpType_FastSubclass(Rp_TYPE(o), RP_TPFLAGS_LONG_SUBCLASS)
#define RpLong_CheckExact(o) Rp_IS_TYPE(o, &RpLong_Type)
#define RpBool_Check(o) Rp_IS_TYPE(o, &RpBool_Type)
#define RpFloat_Check(o) RpObject_TypeCheck(o, &RpFloat_Type)
#define RpFloat_CheckExact(o) Rp_IS_TYPE(o, &RpFloat_Type)

#define RP_SMALL_INT_MIN (-5)
#define RP_SMALL_INT_MAX 256

RpObject *RpLong_FromLong(long v);
RpObject *RpLong_FromLongLong(long long v);
RpObject *RpLong_FromSsize_t(Rp_ssize_t v);
RpObject *RpLong_FromSize_t(size_t v);
RpObject *RpLong_FromUnsignedLongLong(unsigned long long v);
RpObject *RpLong_FromDouble(double v);    /* int(float): truncates; inf/nan raise */
/* Parse like int(s, base): whitespace, sign, underscores, base 0 prefixes.
 * *pend (if not NULL) gets the end pointer. ValueError "invalid literal for
 * int() with base 10: 'x'" on junk. */
RpObject *RpLong_FromString(const char *s, char **pend, int base);
RpObject *RpLong_FromUnicodeObject(RpObject *u, int base);
long RpLong_AsLong(RpObject *v);          /* -1 + OverflowError/TypeError; uses __index__ */
long long RpLong_AsLongLong(RpObject *v);
Rp_ssize_t RpLong_AsSsize_t(RpObject *v);
/* Without exceptions: 1 and *out set if v is an int that fits. */
int _RpLong_AsInt64(RpObject *v, int64_t *out);
double RpLong_AsDouble(RpObject *v);
int _RpLong_Sign(RpObject *v);            /* -1, 0, 1 */
RpObject *_RpLong_Format(RpObject *v, int base); /* "0x1f" / "0o17" / "0b1" / decimal */
/* Direct fast-path helpers for the VM (a, b exact ints); NULL + exception
 * on overflow.  The generic path is RpNumber_*. */
RpObject *_RpLong_Add(RpObject *a, RpObject *b);
RpObject *_RpLong_Subtract(RpObject *a, RpObject *b);
RpObject *_RpLong_Multiply(RpObject *a, RpObject *b);
int _RpLong_Compare(RpObject *a, RpObject *b);  /* <0, 0, >0 */
void _RpLong_Fini(void);
int _RpLong_Init(void);
/* Hash of a C integer/double consistent with Python's numeric hash
 * (modulus 2**61 - 1), so hash(1) == hash(1.0) == hash(True). */
Rp_hash_t _Rp_HashInt64(int64_t v);
Rp_hash_t _Rp_HashDouble(RpObject *inst, double v);

/* bool: the two singletons, subclass of int. */
extern RpObject _Rp_TrueStruct, _Rp_FalseStruct;  /* really int objects */
#define Rp_True ((RpObject *)&_Rp_TrueStruct)
#define Rp_False ((RpObject *)&_Rp_FalseStruct)
#define Rp_RETURN_TRUE return Rp_NewRef(Rp_True)
#define Rp_RETURN_FALSE return Rp_NewRef(Rp_False)
static inline RpObject *RpBool_FromLong(long v) { return Rp_NewRef(v ? Rp_True : Rp_False); }

typedef struct { RpObject_HEAD double ob_fval; } RpFloatObject;
#define RpFloat_AS_DOUBLE(o) (((RpFloatObject *)(o))->ob_fval)
RpObject *RpFloat_FromDouble(double v);
RpObject *RpFloat_FromString(RpObject *str);    /* float("1.5"), ValueError on junk */
double RpFloat_AsDouble(RpObject *o);           /* __float__ / __index__ */
/* Shortest repr that round-trips ('0.1', '1e+22', 'inf', 'nan'); new str. */
RpObject *_RpFloat_Repr(double v);
/* Format a double with a printf-style spec char ('e','f','g','r'=repr) and
 * precision, following Python's rules for 'g' (no '.0' stripping issues);
 * returns a malloc'd (RpMem_Malloc) C string, or NULL + MemoryError. */
char *_RpFloat_FormatDouble(double v, char spec, int precision, int flags);
#define RP_DTOA_ADD_DOT_0 1   /* make sure it looks like a float */
#define RP_DTOA_ALT 2         /* '#' */
#define RP_DTOA_SIGN 4        /* always a sign */
void _RpFloat_Fini(void);

/* ---- additions (numbers engineer) ---- */
struct RpFormatSpec;
/* float.__format__ for an already parsed spec (also int's 'e','f','g','%'
 * presentation types).  The spec may be normalized in place. */
RpObject *_RpFloat_FormatSpec(double v, struct RpFormatSpec *spec);
/* Assemble a formatted number: sign + prefix + digits (grouped every
 * `group` digits per spec->grouping, zero-filled into the padding when
 * fill '0' and align '=') + rest, then pad to spec's width. New str. */
RpObject *_RpLong_FormatParts(const struct RpFormatSpec *spec, const char *sign,
                              const char *prefix, const char *digits, Rp_ssize_t ndigits,
                              const char *rest, int group);
/* Apply the '0' flag: fill '0' and '=' alignment unless given. */
void _RpLong_NormalizeSpec(struct RpFormatSpec *spec);
/* ---- additions (arbitrary-precision int) ---- */
/* Compare int v with the double x (not NaN) exactly: <0, 0, >0. */
int _RpLong_CompareDouble(RpObject *v, double x);
/* v ~= m * 2**e with 0.5 <= |m| < 1 (m correctly rounded); v != 0. For
 * logarithms of ints too large for a double. */
double _RpLong_Frexp(RpObject *v, int64_t *e);
/* Number of bits of |v| (v.bit_length()). */
uint64_t _RpLong_NumBits(RpObject *v);
/* gcd(|a|, |b|) of two ints, any size (Lehmer's algorithm). */
RpObject *_RpLong_GCD(RpObject *a, RpObject *b);
/* float(s) on a UTF-8 buffer (any whitespace/underscore rules applied);
 * `obj` is the original object quoted in the ValueError. */
RpObject *_RpFloat_FromStringAndSize(const char *s, Rp_ssize_t n, RpObject *obj);

#endif
