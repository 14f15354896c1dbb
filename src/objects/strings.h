/* strings.h -- str (RpUnicode_) and bytes (RpBytes_), bytearray (RpByteArray_).
 * unicodeobject.c, unicode_methods.c, unicode_format.c (% and format spec),
 * bytesobject.c.
 *
 * str stores UTF-8 plus its length in code points and a cached hash (-1
 * until computed).  An ASCII string (the common case) indexes in O(1); a
 * non-ASCII one keeps an optional index table.  Identifiers are interned:
 * one object per distinct text, compared by pointer.
 */
#ifndef RP_STRINGS_H
#define RP_STRINGS_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "object.h"

typedef struct RpUnicodeObject {
    RpObject_HEAD
    Rp_ssize_t length;     /* in code points */
    Rp_ssize_t utf8_len;   /* in bytes, excluding the trailing NUL */
    Rp_hash_t hash;        /* -1: not yet computed */
    unsigned char interned; /* 0 no, 1 interned (the intern table holds a
                              borrowed reference; dealloc removes it) */
    unsigned char ascii;   /* 1 if every code point < 128 */
    Rp_ssize_t *index;     /* lazy: byte offset of every 32nd code point, or NULL */
    char data[1];          /* utf8_len bytes + NUL, inline */
} RpUnicodeObject;

extern RpTypeObject RpUnicode_Type, RpBytes_Type, RpByteArray_Type;
extern RpTypeObject RpUnicodeIter_Type;
#define RpUnicode_Check(o) RpType_FastSubclass(Rp_TYPE(o), RP_TPFLAGS_UNICODE_SUBCLASS)
#define RpUnicode_CheckExact(o) Rp_IS_TYPE(o, &RpUnicode_Type)
#define RpUnicode_UTF8(o) (((RpUnicodeObject *)(o))->data)       /* borrowed */
#define RpUnicode_UTF8_SIZE(o) (((RpUnicodeObject *)(o))->utf8_len)
#define RpUnicode_GET_LENGTH(o) (((RpUnicodeObject *)(o))->length)
#define RpUnicode_IS_ASCII(o) (((RpUnicodeObject *)(o))->ascii)

RpObject *RpUnicode_FromString(const char *utf8);          /* must be valid UTF-8 */
RpObject *RpUnicode_FromStringAndSize(const char *utf8, Rp_ssize_t n);
/* Decode bytes as UTF-8; errors "strict" (UnicodeDecodeError), "replace",
 * "ignore", "surrogateescape" (NULL = strict). */
RpObject *RpUnicode_DecodeUTF8(const char *s, Rp_ssize_t n, const char *errors);
RpObject *RpUnicode_FromFormat(const char *fmt, ...);       /* same codes as RpErr_Format */
RpObject *RpUnicode_FromFormatV(const char *fmt, va_list va);
RpObject *RpUnicode_FromOrdinal(int cp);
/* Allocate an uninitialized string of n UTF-8 bytes; fill data, then call
 * _RpUnicode_Finish to compute length/ascii. */
RpObject *_RpUnicode_New(Rp_ssize_t utf8_len);
RpObject *_RpUnicode_Finish(RpObject *u);
const char *RpUnicode_AsUTF8(RpObject *u);                   /* borrowed */
const char *RpUnicode_AsUTF8AndSize(RpObject *u, Rp_ssize_t *size);
Rp_ssize_t RpUnicode_GetLength(RpObject *u);
int RpUnicode_ReadChar(RpObject *u, Rp_ssize_t index);       /* code point; -1 + IndexError */
RpObject *RpUnicode_Substring(RpObject *u, Rp_ssize_t start, Rp_ssize_t end); /* code points */
RpObject *RpUnicode_Concat(RpObject *a, RpObject *b);
void RpUnicode_Append(RpObject **pleft, RpObject *right);   /* *pleft replaced; NULL on error */
RpObject *RpUnicode_Join(RpObject *sep, RpObject *iterable);
RpObject *RpUnicode_Split(RpObject *s, RpObject *sep, Rp_ssize_t maxsplit);
int RpUnicode_Compare(RpObject *a, RpObject *b);           /* <0,0,>0; by code point */
int RpUnicode_CompareWithASCIIString(RpObject *a, const char *s);
int _RpUnicode_Equal(RpObject *a, RpObject *b);            /* exact str objects */
int _RpUnicode_EqualToASCIIString(RpObject *a, const char *s);
Rp_ssize_t RpUnicode_Find(RpObject *s, RpObject *sub, Rp_ssize_t start, Rp_ssize_t end, int direction);
int RpUnicode_Contains(RpObject *container, RpObject *element);
RpObject *RpUnicode_Format(RpObject *format, RpObject *args);  /* format % args */
/* The argument list of a `%` format, shared by str % and bytes %: a tuple,
 * a single value, or a mapping for %(key).  Like CPython, %(key) makes the
 * looked-up value the (single, unused) argument list. */
typedef struct RpFmtArgs {
    RpObject *args;             /* the tuple, or the single argument */
    Rp_ssize_t argidx, arglen;  /* arglen -1: single non-tuple argument */
    RpObject *dict;             /* mapping for %(key), or NULL */
    int used_single;
    RpObject *owned;            /* the value of the last %(key), which is args */
} RpFmtArgs;
void _RpFmtArgs_Init(RpFmtArgs *a, RpObject *args, int is_mapping);
RpObject *_RpFmtArgs_Next(RpFmtArgs *a);          /* borrowed; NULL + TypeError */
int _RpFmtArgs_Star(RpFmtArgs *a, Rp_ssize_t *out); /* '*' width/precision */
int _RpFmtArgs_Key(RpFmtArgs *a, RpObject *key);  /* %(key); 0 / -1 */
int _RpFmtArgs_Unused(const RpFmtArgs *a);        /* arguments left over */
void _RpFmtArgs_Fini(RpFmtArgs *a);
/* format(obj, spec) for str, and the spec mini-language parser shared with
 * int and float formatting. */
RpObject *_RpUnicode_FormatSpec(RpObject *s, RpObject *spec);
/* The format-spec mini-language, parsed once and shared by str, int and
 * float __format__: [[fill]align][sign][z][#][0][width][grouping][.precision][type] */
typedef struct RpFormatSpec {
    int fill;          /* code point, default ' ' */
    char align;        /* '<' '>' '^' '=' or 0 (default for the type) */
    char sign;         /* '+' '-' ' ' or 0 */
    char alternate;    /* '#' */
    char zero_pad;     /* '0' given before width */
    char no_neg_zero;  /* 'z' */
    Rp_ssize_t width;  /* -1 if absent */
    char grouping;     /* ',' '_' or 0 */
    Rp_ssize_t precision; /* -1 if absent */
    char type;         /* presentation type or 0 */
} RpFormatSpec;
/* Parsing notes: when '0' precedes the width and no fill was given, fill
 * becomes '0' (zero_pad is set either way); align stays 0 unless given, and
 * _RpFormatSpec_Pad treats align 0 + zero_pad as '=' when default_align is
 * '>' (numbers), else as default_align (str: '<').  `spec` may be NULL or
 * empty (all defaults).  The type-specific checks ("Unknown format code",
 * "Sign not allowed in string format specifier", ...) are the caller's.
 * 0 ok, -1 with ValueError ("Invalid format specifier", ...). */
int _RpFormatSpec_Parse(RpObject *spec, RpFormatSpec *out);
/* The same, with CPython's full message "Invalid format specifier 'x' for
 * object of type 'int'" naming obj's type.  Prefer this one. */
int _RpFormatSpec_ParseFor(RpObject *spec, RpFormatSpec *out, RpObject *obj);
/* Pad/align an already formatted body (UTF-8) according to spec; for
 * numbers, `sign_len` leading bytes of body are the sign/prefix that '='
 * alignment keeps in front of the padding. New str. */
RpObject *_RpFormatSpec_Pad(const RpFormatSpec *spec, const char *body,
                            Rp_ssize_t body_len, Rp_ssize_t sign_len, char default_align);
RpObject *RpUnicode_AsEncodedString(RpObject *u, const char *encoding, const char *errors);
RpObject *RpUnicode_Repr(RpObject *u);
Rp_hash_t _RpUnicode_Hash(RpObject *u);

/* Interning: returns the canonical object for this text (new ref). */
void RpUnicode_InternInPlace(RpObject **p);
RpObject *RpUnicode_InternFromString(const char *s);
void _RpUnicode_Fini(void);     /* release the intern table, cached singletons */
int _RpUnicode_Init(void);
RpObject *_RpUnicode_Empty(void);  /* '' (new ref) */

/* A growable UTF-8 buffer for building strings without quadratic copies. */
typedef struct RpStrBuf {
    char *buf;
    Rp_ssize_t len, cap;
    int error;      /* set on allocation failure; Finish then returns NULL */
} RpStrBuf;
void RpStrBuf_Init(RpStrBuf *b);
int RpStrBuf_Append(RpStrBuf *b, const char *s, Rp_ssize_t n);   /* 0 / -1 */
int RpStrBuf_AppendStr(RpStrBuf *b, const char *s);
int RpStrBuf_AppendChar(RpStrBuf *b, char c);
int RpStrBuf_AppendCodePoint(RpStrBuf *b, int cp);
int RpStrBuf_AppendObject(RpStrBuf *b, RpObject *str);           /* an str */
RpObject *RpStrBuf_Finish(RpStrBuf *b);   /* new str; frees the buffer */
void RpStrBuf_Discard(RpStrBuf *b);

/* Static-lifetime interned identifier objects, created once at startup.
 * Use RP_ID(__init__) for a borrowed pointer to the interned "__init__". */
#define RP_IDENTIFIERS(X) \
    X(__init__) X(__new__) X(__del__) X(__repr__) X(__str__) X(__hash__) \
    X(__eq__) X(__ne__) X(__lt__) X(__le__) X(__gt__) X(__ge__) X(__bool__) \
    X(__len__) X(__iter__) X(__next__) X(__getitem__) X(__setitem__) \
    X(__delitem__) X(__contains__) X(__call__) X(__getattr__) \
    X(__getattribute__) X(__setattr__) X(__delattr__) X(__get__) X(__set__) \
    X(__delete__) X(__enter__) X(__exit__) X(__name__) X(__qualname__) \
    X(__module__) X(__doc__) X(__dict__) X(__class__) X(__slots__) \
    X(__weakref__) X(__main__) X(__builtins__) X(__file__) X(__all__) \
    X(__index__) X(__int__) X(__float__) X(__format__) X(__mro__) \
    X(__bases__) X(__base__) X(__init_subclass__) X(__set_name__) \
    X(__class_getitem__) X(__missing__) X(__reversed__) X(__length_hint__) \
    X(__import__) X(__spec__) X(__path__) X(__package__) X(__loader__) \
    X(__annotations__) X(__abs__) X(__neg__) X(__pos__) X(__invert__) \
    X(__round__) X(__trunc__) X(__floor__) X(__ceil__) X(__instancecheck__) \
    X(__subclasscheck__) X(__prepare__) X(__traceback__) X(__cause__) \
    X(__context__) X(__build_class__) X(__dir__) X(__sizeof__) \
    X(__reduce__) X(__reduce_ex__) X(__getstate__) X(__setstate__) \
    X(__copy__) X(__deepcopy__) X(__match_args__) X(__aenter__) X(__aexit__) \
    X(__add__) X(__radd__) X(__iadd__) X(__sub__) X(__rsub__) X(__isub__) \
    X(__mul__) X(__rmul__) X(__imul__) X(__truediv__) X(__rtruediv__) \
    X(__itruediv__) X(__floordiv__) X(__rfloordiv__) X(__ifloordiv__) \
    X(__mod__) X(__rmod__) X(__imod__) X(__pow__) X(__rpow__) X(__ipow__) \
    X(__and__) X(__rand__) X(__iand__) X(__or__) X(__ror__) X(__ior__) \
    X(__xor__) X(__rxor__) X(__ixor__) X(__lshift__) X(__rlshift__) \
    X(__ilshift__) X(__rshift__) X(__rrshift__) X(__irshift__) \
    X(__matmul__) X(__rmatmul__) X(__imatmul__) X(__divmod__) X(__rdivmod__) \
    X(__await__) X(__aiter__) X(__anext__) X(__orig_bases__) X(__mro_entries__) \
    X(args) X(append) X(close) X(send) X(throw) X(keys) X(items) X(values) \
    X(update) X(get) X(write) X(read) X(readline) X(flush) X(mro) X(copy) \
    X(encoding) X(errors) X(end) X(sep) X(file) X(key) X(reverse) X(strict) \
    X(name) X(value) X(self) X(stdout) X(stderr) X(stdin) X(path) X(modules) \
    X(builtins) X(metaclass) X(default_) X(fileno) X(excepthook) X(displayhook) \
    X(sort) X(join) X(lineno) X(filename) X(offset) X(text) X(msg) X(code)

typedef struct RpIdentifiers {
#define RP_ID_FIELD(n) RpObject *n;
    RP_IDENTIFIERS(RP_ID_FIELD)
#undef RP_ID_FIELD
} RpIdentifiers;
extern RpIdentifiers _Rp_ID;
/* X(default_) is the text "default" (a C keyword); likewise a trailing _ is dropped. */
#define RP_ID(n) (_Rp_ID.n)

/* ---- bytes ---- */
typedef struct RpBytesObject {
    RpObject_VAR_HEAD            /* ob_size = number of bytes */
    Rp_hash_t ob_shash;
    char ob_sval[1];             /* ob_size + 1 bytes, NUL terminated */
} RpBytesObject;
#define RpBytes_Check(o) RpType_FastSubclass(Rp_TYPE(o), RP_TPFLAGS_BYTES_SUBCLASS)
#define RpBytes_CheckExact(o) Rp_IS_TYPE(o, &RpBytes_Type)
#define RpBytes_AS_STRING(o) (((RpBytesObject *)(o))->ob_sval)
#define RpBytes_GET_SIZE(o) Rp_SIZE(o)
RpObject *RpBytes_FromStringAndSize(const char *s, Rp_ssize_t n); /* s NULL: uninitialized */
RpObject *RpBytes_FromString(const char *s);
RpObject *RpBytes_FromObject(RpObject *o);
int _RpBytes_Resize(RpObject **pv, Rp_ssize_t newsize);
RpObject *RpBytes_Repr(RpObject *b, int smartquotes);

typedef struct RpByteArrayObject {
    RpObject_VAR_HEAD
    Rp_ssize_t ob_alloc;
    char *ob_bytes;
    Rp_ssize_t ob_exports;
} RpByteArrayObject;
#define RpByteArray_Check(o) RpObject_TypeCheck(o, &RpByteArray_Type)
RpObject *RpByteArray_FromStringAndSize(const char *s, Rp_ssize_t n);


/* ---- internals shared by the text files (not a public API) ---- */
/* Decode the code point starting at s[*i] (valid UTF-8/WTF-8); advance *i. */
static inline int _RpUTF8_Next(const char *s, Rp_ssize_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    if (p[0] < 0x80) { *i += 1; return p[0]; }
    if (p[0] < 0xE0) { *i += 2; return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F); }
    if (p[0] < 0xF0) {
        *i += 3;
        return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *i += 4;
    return ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6)
           | (p[3] & 0x3F);
}
/* Encode cp (0..0x10FFFF, surrogates as 3-byte WTF-8) into out; returns 1..4. */
int _RpUTF8_Write(char *out, int cp);
/* Byte offset of code point i (0 <= i <= length) in u. */
Rp_ssize_t _RpUnicode_Offset(RpObject *u, Rp_ssize_t i);
/* Number of code points in UTF-8 text. */
Rp_ssize_t _RpUTF8_Count(const char *s, Rp_ssize_t n);
/* First occurrence of nd[0..nn) (nn >= 1) in hay[0..hn), or NULL. */
const char *_RpUnicode_SearchBytes(const char *hay, Rp_ssize_t hn, const char *nd,
                                   Rp_ssize_t nn);
/* New exact str from UTF-8 bytes already known valid (shares the 1-char and
 * empty singletons). */
#define _RpUnicode_FromUTF8 RpUnicode_FromStringAndSize
/* A str subclass instance holding the same text as the exact str s. */
RpObject *_RpUnicode_NewSubtype(RpTypeObject *type, RpObject *s);
/* Character classes used by methods and repr (unicode_methods.c). */
int _RpUnicode_IsSpace(int cp);
int _RpUnicode_IsPrintable(int cp);
int _RpUnicode_IsAlpha(int cp);
int _RpUnicode_IsDecimal(int cp);     /* value 0..9 or -1 */
int _RpUnicode_IsDigit(int cp);
int _RpUnicode_IsNumeric(int cp);
int _RpUnicode_IsLower(int cp);
int _RpUnicode_IsUpper(int cp);
int _RpUnicode_IsLinebreak(int cp);
int _RpUnicode_ToLower(int cp);
int _RpUnicode_ToUpper(int cp);
/* Method table of str (unicode_methods.c), used by RpUnicode_Type. */
extern RpMethodDef _RpUnicode_Methods[];
/* str.format(*args, **kwargs) and str.format_map (unicode_format.c). */
RpObject *_RpUnicode_FormatMethod(RpObject *self, RpObject *args, RpObject *kwargs);
RpObject *_RpUnicode_FormatMap(RpObject *self, RpObject *mapping);
/* Raise UnicodeEncodeError/UnicodeDecodeError(encoding, object, start, end,
 * reason); positions in code points / bytes. */
void _RpUnicode_RaiseEncodeError(const char *encoding, RpObject *u, Rp_ssize_t start,
                                 Rp_ssize_t end, const char *reason);
void _RpUnicode_RaiseDecodeError(const char *encoding, const char *s, Rp_ssize_t n,
                                 Rp_ssize_t start, Rp_ssize_t end, const char *reason);
/* The hash used by str and bytes: SipHash-1-3 with a zero key over the
 * same bytes CPython 3.11 hashes (Latin-1/UCS-2/UCS-4 code units), so str and
 * bytes hashes equal CPython's under PYTHONHASHSEED=0 (set order matches). */
Rp_hash_t _Rp_HashBytes(const void *p, Rp_ssize_t n);
/* Decode with a codec by name (utf-8, ascii, latin-1 and their aliases;
 * LookupError "unknown encoding: X" otherwise).  unicode_methods.c. */
RpObject *_RpUnicode_Decode(const char *s, Rp_ssize_t n, const char *encoding,
                            const char *errors);
/* repr() with every non-ASCII character escaped (ascii() of a str). */
RpObject *_RpUnicode_ASCIIRepr(RpObject *u);
/* Release the cached empty/one-byte bytes (called by _RpUnicode_Fini). */
void _RpBytes_Fini(void);
/* bytes % args (bytesobject.c). */
RpObject *_RpBytes_Format(RpObject *format, RpObject *args);
/* Contiguous view of a bytes or bytearray object (borrowed pointer). 1 ok,
 * 0 not bytes-like (no exception). */
int _RpBytes_View(RpObject *o, const char **p, Rp_ssize_t *n);
/* array.array's items as bytes (modules/arraymodule.c): 1 if o is an array. */
int RpStd_ArrayView(RpObject *o, char **p, Rp_ssize_t *n);

#endif
