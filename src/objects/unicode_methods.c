/* unicode_methods.c -- the methods of str (split, join, strip, find,
 * case mapping, predicates, padding, encode, translate, ...), the codecs
 * (utf-8, ascii, latin-1) and the character classes.
 *
 * Character classes and case mappings beyond ASCII come from the Unicode
 * 14.0 database (unicodedb.c).
 */
#include "rp.h"
#include "objects/unicodedb.h"
#include <stddef.h>
#include <stdint.h>

/* "no limit" for counts and end indices */
#define RP_SSIZE_T_MAX_METHODS PTRDIFF_MAX

/* ==== character classes ==================================================
 * ASCII is answered inline; every other code point goes to the Unicode
 * database (unicodedb.c), generated from CPython's own. */

static int udb(int c, uint32_t flag)
{
    return RpUnicodeDB_Has(c, flag);
}

int _RpUnicode_IsSpace(int c)
{
    if (c < 128)
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    return udb(c, RpUnicodeDB_SPACE);
}

int _RpUnicode_IsLinebreak(int c)
{
    if (c < 128)
        return (c >= 0x0A && c <= 0x0D) || (c >= 0x1C && c <= 0x1E);
    return udb(c, RpUnicodeDB_LINEBREAK);
}

int _RpUnicode_IsPrintable(int c)
{
    if (c < 128)
        return c >= 0x20 && c < 0x7F;
    return udb(c, RpUnicodeDB_PRINTABLE);
}

/* Simple (one to one) mappings; str's methods use the full ones below. */
int _RpUnicode_ToLower(int c)
{
    if (c < 128)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return RpUnicodeDB_ToLower(c);
}

int _RpUnicode_ToUpper(int c)
{
    if (c < 128)
        return (c >= 'a' && c <= 'z') ? c - 32 : c;
    return RpUnicodeDB_ToUpper(c);
}

int _RpUnicode_IsLower(int c)
{
    if (c < 128)
        return c >= 'a' && c <= 'z';
    return udb(c, RpUnicodeDB_LOWER);
}

int _RpUnicode_IsUpper(int c)
{
    if (c < 128)
        return c >= 'A' && c <= 'Z';
    return udb(c, RpUnicodeDB_UPPER);
}

/* Titlecase letters (Lt: Dž, Lj, ᾈ, ...) are neither upper nor lower. */
static int is_title(int c)
{
    return c >= 128 && udb(c, RpUnicodeDB_TITLE);
}

static int is_cased(int c)
{
    if (c < 128)
        return (c | 32) >= 'a' && (c | 32) <= 'z';
    return udb(c, RpUnicodeDB_CASED);
}

/* Skipped when looking for the letters around a capital sigma. */
static int is_case_ignorable(int c)
{
    if (c < 128)
        return c == '\'' || c == '.' || c == ':' || c == '^' || c == '`';
    return udb(c, RpUnicodeDB_CASE_IGNORABLE);
}

int _RpUnicode_IsDecimal(int c)
{
    if (c < 128)
        return (c >= '0' && c <= '9') ? c - '0' : -1;
    return RpUnicodeDB_Decimal(c);
}

int _RpUnicode_IsDigit(int c)
{
    if (c < 128)
        return c >= '0' && c <= '9';
    return udb(c, RpUnicodeDB_DIGIT);
}

int _RpUnicode_IsNumeric(int c)
{
    if (c < 128)
        return c >= '0' && c <= '9';
    return udb(c, RpUnicodeDB_NUMERIC);
}

int _RpUnicode_IsAlpha(int c)
{
    if (c < 128)
        return (c | 32) >= 'a' && (c | 32) <= 'z';
    return udb(c, RpUnicodeDB_ALPHA);
}

/* Identifiers: XID_Start or '_' first, XID_Continue after. */
static int is_xid_start(int c)
{
    if (c < 128)
        return c == '_' || ((c | 32) >= 'a' && (c | 32) <= 'z');
    return udb(c, RpUnicodeDB_XID_START);
}

static int is_xid_continue(int c)
{
    if (c < 128)
        return c == '_' || ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9');
    return udb(c, RpUnicodeDB_XID_CONTINUE);
}

/* ==== small helpers =========================================================== */

#define S_DATA(o) RpUnicode_UTF8(o)
#define S_SIZE(o) RpUnicode_UTF8_SIZE(o)

static RpObject *str_from(const char *p, Rp_ssize_t n)
{
    return RpUnicode_FromStringAndSize(p, n);
}

/* The code point ending just before byte position *i; moves *i back. */
static int prev_cp(const char *s, Rp_ssize_t *i)
{
    Rp_ssize_t j = *i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
        j--;
    *i = j;
    Rp_ssize_t k = j;
    return _RpUTF8_Next(s, &k);
}

/* Return self (exact) or an exact copy: methods never return a subclass. */
static RpObject *return_self(RpObject *self)
{
    if (RpUnicode_CheckExact(self))
        return Rp_NewRef(self);
    return str_from(S_DATA(self), S_SIZE(self));
}

static int check_str_arg(RpObject *o, const char *what)
{
    if (RpUnicode_Check(o))
        return 0;
    RpErr_Format(RpExc_TypeError, "%s must be str, not %.100s", what, Rp_TYPE(o)->tp_name);
    return -1;
}

/* A slice index argument (None keeps the default). 0 / -1. */
static int slice_index(RpObject *o, Rp_ssize_t *out)
{
    if (o == NULL || o == Rp_None)
        return 0;
    if (!RpIndex_Check(o)) {
        RpErr_SetString(RpExc_TypeError,
                        "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    Rp_ssize_t v = RpNumber_AsSsize_t(o, NULL);
    if (v == -1 && RpErr_Occurred())
        return -1;
    *out = v;
    return 0;
}

/* The find family parses with CPython's old-style "O|OO:name" format, whose
 * arity errors read "find() takes at least 1 argument (0 given)" rather
 * than _RpArg_CheckPositional's "find expected at least 1 argument, got 0". */
static int check_sub_arity(const char *name, Rp_ssize_t nargs)
{
    if (nargs < 1) {
        RpErr_Format(RpExc_TypeError, "%s() takes at least 1 argument (%zd given)",
                     name, nargs);
        return -1;
    }
    if (nargs > 3) {
        RpErr_Format(RpExc_TypeError, "%s() takes at most 3 arguments (%zd given)",
                     name, nargs);
        return -1;
    }
    return 0;
}

/* (sub[, start[, end]]) */
static int parse_sub_args(const char *name, RpObject *const *args, Rp_ssize_t nargs,
                          RpObject **sub, Rp_ssize_t *start, Rp_ssize_t *end)
{
    if (check_sub_arity(name, nargs) < 0)
        return -1;
    *sub = args[0];
    *start = 0;
    *end = RP_SSIZE_T_MAX_METHODS;
    if (nargs > 1 && slice_index(args[1], start) < 0)
        return -1;
    if (nargs > 2 && slice_index(args[2], end) < 0)
        return -1;
    return 0;
}

static Rp_ssize_t index_arg(RpObject *o)
{
    if (!RpIndex_Check(o)) {
        RpErr_Format(RpExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Rp_TYPE(o)->tp_name);
        return -1;
    }
    return RpNumber_AsSsize_t(o, RpExc_OverflowError);
}

/* ==== find family ================================================================ */

static RpObject *find_impl(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                           const char *name, int dir, int raise)
{
    RpObject *sub;
    Rp_ssize_t start, end;
    if (parse_sub_args(name, args, nargs, &sub, &start, &end) < 0)
        return NULL;
    if (check_str_arg(sub, "must be") < 0) {
        RpErr_Clear();
        RpErr_Format(RpExc_TypeError, "must be str, not %.100s", Rp_TYPE(sub)->tp_name);
        return NULL;
    }
    Rp_ssize_t r = RpUnicode_Find(self, sub, start, end, dir);
    if (r == -2)
        return NULL;
    if (r == -1 && raise) {
        RpErr_SetString(RpExc_ValueError, "substring not found");
        return NULL;
    }
    return RpLong_FromSsize_t(r);
}

static RpObject *str_find(RpObject *s, RpObject *const *a, Rp_ssize_t n)
{
    return find_impl(s, a, n, "find", 1, 0);
}
static RpObject *str_rfind(RpObject *s, RpObject *const *a, Rp_ssize_t n)
{
    return find_impl(s, a, n, "rfind", -1, 0);
}
static RpObject *str_index(RpObject *s, RpObject *const *a, Rp_ssize_t n)
{
    return find_impl(s, a, n, "index", 1, 1);
}
static RpObject *str_rindex(RpObject *s, RpObject *const *a, Rp_ssize_t n)
{
    return find_impl(s, a, n, "rindex", -1, 1);
}

/* Non-overlapping occurrences of sub's bytes in p[0..n). */
static Rp_ssize_t count_bytes(const char *p, Rp_ssize_t n, const char *sub, Rp_ssize_t m,
                              Rp_ssize_t max)
{
    Rp_ssize_t count = 0, i = 0;
    while (count < max && i + m <= n) {
        const char *hit = _RpUnicode_SearchBytes(p + i, n - i, sub, m);
        if (hit == NULL)
            break;
        count++;
        i = (hit - p) + m;
    }
    return count;
}

static RpObject *str_count(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    RpObject *sub;
    Rp_ssize_t start, end, len = RpUnicode_GET_LENGTH(self);
    if (parse_sub_args("count", args, nargs, &sub, &start, &end) < 0)
        return NULL;
    if (!RpUnicode_Check(sub)) {
        RpErr_Format(RpExc_TypeError, "must be str, not %.100s", Rp_TYPE(sub)->tp_name);
        return NULL;
    }
    if (end > len)
        end = len;
    else if (end < 0 && (end += len) < 0)
        end = 0;
    if (start < 0 && (start += len) < 0)
        start = 0;
    if (start > len || end < start)
        return RpLong_FromLong(0);
    if (RpUnicode_GET_LENGTH(sub) == 0)
        return RpLong_FromSsize_t(end - start + 1);
    Rp_ssize_t a = _RpUnicode_Offset(self, start), b = _RpUnicode_Offset(self, end);
    return RpLong_FromSsize_t(count_bytes(S_DATA(self) + a, b - a, S_DATA(sub), S_SIZE(sub),
                                          RP_SSIZE_T_MAX_METHODS));
}

/* ==== startswith / endswith ====================================================== */

static int tail_match(RpObject *self, RpObject *sub, Rp_ssize_t start, Rp_ssize_t end, int dir)
{
    Rp_ssize_t len = RpUnicode_GET_LENGTH(self), sl = RpUnicode_GET_LENGTH(sub);
    if (end > len)
        end = len;
    else if (end < 0 && (end += len) < 0)
        end = 0;
    if (start < 0 && (start += len) < 0)
        start = 0;
    if (start > len || end - start < sl)
        return 0;
    Rp_ssize_t first = dir < 0 ? start : end - sl;
    Rp_ssize_t at = _RpUnicode_Offset(self, first);
    /* the window's byte length differs from sub's when one side has
     * multi-byte characters that the other lacks: then they differ */
    if (_RpUnicode_Offset(self, first + sl) - at != S_SIZE(sub))
        return 0;
    return memcmp(S_DATA(self) + at, S_DATA(sub), (size_t)S_SIZE(sub)) == 0;
}

static RpObject *xwith(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                       const char *name, int dir)
{
    RpObject *sub;
    Rp_ssize_t start, end;
    if (parse_sub_args(name, args, nargs, &sub, &start, &end) < 0)
        return NULL;
    if (RpTuple_Check(sub)) {
        for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(sub); i++) {
            RpObject *item = RpTuple_GET_ITEM(sub, i);
            if (!RpUnicode_Check(item)) {
                RpErr_Format(RpExc_TypeError,
                             "tuple for %s must only contain str, not %.100s", name,
                             Rp_TYPE(item)->tp_name);
                return NULL;
            }
            if (tail_match(self, item, start, end, dir))
                Rp_RETURN_TRUE;
        }
        Rp_RETURN_FALSE;
    }
    if (!RpUnicode_Check(sub)) {
        RpErr_Format(RpExc_TypeError,
                     "%s first arg must be str or a tuple of str, not %.100s", name,
                     Rp_TYPE(sub)->tp_name);
        return NULL;
    }
    return RpBool_FromLong(tail_match(self, sub, start, end, dir));
}

static RpObject *str_startswith(RpObject *s, RpObject *const *a, Rp_ssize_t n)
{
    return xwith(s, a, n, "startswith", -1);
}
static RpObject *str_endswith(RpObject *s, RpObject *const *a, Rp_ssize_t n)
{
    return xwith(s, a, n, "endswith", 1);
}

/* ==== split family ================================================================= */

static int append_piece(RpObject *list, const char *p, Rp_ssize_t n)
{
    RpObject *piece = str_from(p, n);
    if (piece == NULL)
        return -1;
    int r = RpList_Append(list, piece);
    Rp_DECREF(piece);
    return r;
}

/* Whether the code point at byte i is whitespace; *j gets the next
 * position.  ASCII bytes, nearly all of split()'s input, are answered
 * inline with _RpUnicode_IsSpace's ASCII rule. */
static inline int space_at(const char *s, Rp_ssize_t i, Rp_ssize_t *j)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *j = i + 1;
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    }
    *j = i;
    return _RpUnicode_IsSpace(_RpUTF8_Next(s, j));
}

static RpObject *split_whitespace(RpObject *self, Rp_ssize_t maxsplit)
{
    const char *s = S_DATA(self);
    Rp_ssize_t n = S_SIZE(self), i = 0;
    RpObject *list = RpList_New(0);
    if (list == NULL)
        return NULL;
    while (i < n) {
        Rp_ssize_t j = i;
        while (i < n) {           /* skip whitespace */
            if (!space_at(s, i, &j))
                break;
            i = j;
        }
        if (i >= n)
            break;
        if (maxsplit-- == 0) {
            /* The rest becomes the last piece, trailing whitespace kept. */
            if (append_piece(list, s + i, n - i) < 0)
                goto error;
            break;
        }
        Rp_ssize_t start = i;
        while (i < n) {
            if (space_at(s, i, &j))
                break;
            i = j;
        }
        if (append_piece(list, s + start, i - start) < 0)
            goto error;
    }
    return list;
error:
    Rp_DECREF(list);
    return NULL;
}

static RpObject *rsplit_whitespace(RpObject *self, Rp_ssize_t maxsplit)
{
    const char *s = S_DATA(self);
    Rp_ssize_t i = S_SIZE(self);
    RpObject *list = RpList_New(0);
    if (list == NULL)
        return NULL;
    while (i > 0) {
        Rp_ssize_t k;
        while (i > 0) {
            k = i;
            if (!_RpUnicode_IsSpace(prev_cp(s, &k)))
                break;
            i = k;
        }
        if (i <= 0)
            break;
        Rp_ssize_t end = i;
        if (maxsplit-- == 0) {
            /* The rest becomes the first piece, leading whitespace kept. */
            if (append_piece(list, s, end) < 0)
                goto error;
            break;
        }
        while (i > 0) {
            k = i;
            if (_RpUnicode_IsSpace(prev_cp(s, &k)))
                break;
            i = k;
        }
        if (append_piece(list, s + i, end - i) < 0)
            goto error;
    }
    if (RpList_Reverse(list) < 0)
        goto error;
    return list;
error:
    Rp_DECREF(list);
    return NULL;
}

static RpObject *split_sep(RpObject *self, RpObject *sep, Rp_ssize_t maxsplit, int reverse)
{
    const char *s = S_DATA(self), *d = S_DATA(sep);
    Rp_ssize_t n = S_SIZE(self), m = S_SIZE(sep);
    if (m == 0) {
        RpErr_SetString(RpExc_ValueError, "empty separator");
        return NULL;
    }
    RpObject *list = RpList_New(0);
    if (list == NULL)
        return NULL;
    if (!reverse) {
        Rp_ssize_t i = 0;
        while (maxsplit-- != 0) {
            const char *hit = _RpUnicode_SearchBytes(s + i, n - i, d, m);
            if (hit == NULL)
                break;
            if (append_piece(list, s + i, hit - (s + i)) < 0)
                goto error;
            i = hit - s + m;
        }
        if (append_piece(list, s + i, n - i) < 0)
            goto error;
        return list;
    }
    Rp_ssize_t end = n;
    while (maxsplit-- != 0) {
        Rp_ssize_t pos = -1;
        for (Rp_ssize_t k = end - m; k >= 0; k--) {
            if (s[k] == d[0] && memcmp(s + k, d, (size_t)m) == 0) {
                pos = k;
                break;
            }
        }
        if (pos < 0)
            break;
        if (append_piece(list, s + pos + m, end - pos - m) < 0)
            goto error;
        end = pos;
    }
    if (append_piece(list, s, end) < 0 || RpList_Reverse(list) < 0)
        goto error;
    return list;
error:
    Rp_DECREF(list);
    return NULL;
}

RpObject *RpUnicode_Split(RpObject *s, RpObject *sep, Rp_ssize_t maxsplit)
{
    if (maxsplit < 0)
        maxsplit = RP_SSIZE_T_MAX_METHODS;
    if (sep == NULL || sep == Rp_None)
        return split_whitespace(s, maxsplit);
    if (!RpUnicode_Check(sep)) {
        RpErr_Format(RpExc_TypeError, "must be str or None, not %.100s", Rp_TYPE(sep)->tp_name);
        return NULL;
    }
    return split_sep(s, sep, maxsplit, 0);
}

static int parse_split_args(const char *name, RpObject *const *args, Rp_ssize_t nargs,
                            RpObject *kwnames, RpObject **sep, Rp_ssize_t *maxsplit)
{
    static const char *const names[] = {"sep", "maxsplit"};
    RpObject *out[2] = {NULL, NULL};
    if (_RpArg_ParseVector(name, args, nargs, kwnames, names, 2, 0, out) < 0)
        return -1;
    *sep = out[0];
    *maxsplit = -1;
    if (out[1] != NULL) {
        *maxsplit = index_arg(out[1]);
        if (*maxsplit == -1 && RpErr_Occurred())
            return -1;
    }
    return 0;
}

static RpObject *str_split(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                           RpObject *kwnames)
{
    RpObject *sep;
    Rp_ssize_t maxsplit;
    if (parse_split_args("split", args, nargs, kwnames, &sep, &maxsplit) < 0)
        return NULL;
    return RpUnicode_Split(self, sep, maxsplit);
}

static RpObject *str_rsplit(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                            RpObject *kwnames)
{
    RpObject *sep;
    Rp_ssize_t maxsplit;
    if (parse_split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit) < 0)
        return NULL;
    if (maxsplit < 0)
        maxsplit = RP_SSIZE_T_MAX_METHODS;
    if (sep == NULL || sep == Rp_None)
        return rsplit_whitespace(self, maxsplit);
    if (!RpUnicode_Check(sep)) {
        RpErr_Format(RpExc_TypeError, "must be str or None, not %.100s", Rp_TYPE(sep)->tp_name);
        return NULL;
    }
    return split_sep(self, sep, maxsplit, 1);
}

static RpObject *str_splitlines(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                                RpObject *kwnames)
{
    static const char *const names[] = {"keepends"};
    RpObject *out[1] = {NULL};
    if (_RpArg_ParseVector("splitlines", args, nargs, kwnames, names, 1, 0, out) < 0)
        return NULL;
    int keep = 0;
    if (out[0] != NULL) {
        keep = RpObject_IsTrue(out[0]);
        if (keep < 0)
            return NULL;
    }
    const char *s = S_DATA(self);
    Rp_ssize_t n = S_SIZE(self), i = 0;
    RpObject *list = RpList_New(0);
    if (list == NULL)
        return NULL;
    while (i < n) {
        Rp_ssize_t start = i, eol = n, next = n;
        while (i < n) {
            Rp_ssize_t j = i;
            int c = _RpUTF8_Next(s, &j);
            if (_RpUnicode_IsLinebreak(c)) {
                eol = i;
                next = (c == '\r' && j < n && s[j] == '\n') ? j + 1 : j;
                break;
            }
            i = j;
        }
        if (append_piece(list, s + start, (keep ? next : eol) - start) < 0) {
            Rp_DECREF(list);
            return NULL;
        }
        i = next;
    }
    return list;
}

/* ==== join ====================================================================== */

RpObject *RpUnicode_Join(RpObject *sep, RpObject *iterable)
{
    RpObject *seq = RpSequence_Fast(iterable, "can only join an iterable");
    if (seq == NULL)
        return NULL;
    Rp_ssize_t n = RpSequence_Fast_GET_SIZE(seq);
    RpObject **items = RpSequence_Fast_ITEMS(seq);
    RpObject *r = NULL;
    if (n == 1 && RpUnicode_CheckExact(items[0])) {
        r = Rp_NewRef(items[0]);
        goto done;
    }
    Rp_ssize_t total = 0, seplen = S_SIZE(sep);
    for (Rp_ssize_t i = 0; i < n; i++) {
        if (!RpUnicode_Check(items[i])) {
            RpErr_Format(RpExc_TypeError, "sequence item %zd: expected str instance, %.80s found",
                         i, Rp_TYPE(items[i])->tp_name);
            goto done;
        }
        total += S_SIZE(items[i]) + (i ? seplen : 0);
    }
    r = _RpUnicode_New(total);
    if (r == NULL)
        goto done;
    char *p = RpUnicode_UTF8(r);
    for (Rp_ssize_t i = 0; i < n; i++) {
        if (i && seplen) {
            memcpy(p, S_DATA(sep), (size_t)seplen);
            p += seplen;
        }
        memcpy(p, S_DATA(items[i]), (size_t)S_SIZE(items[i]));
        p += S_SIZE(items[i]);
    }
    r = _RpUnicode_Finish(r);
done:
    Rp_DECREF(seq);
    return r;
}

static RpObject *str_join(RpObject *self, RpObject *iterable)
{
    return RpUnicode_Join(self, iterable);
}

/* ==== strip ====================================================================== */

static int in_chars(RpObject *chars, int c)
{
    if (chars == NULL)
        return _RpUnicode_IsSpace(c);
    const char *s = S_DATA(chars);
    Rp_ssize_t i = 0, n = S_SIZE(chars);
    while (i < n) {
        if (_RpUTF8_Next(s, &i) == c)
            return 1;
    }
    return 0;
}

static RpObject *strip_impl(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                            const char *name, int left, int right)
{
    if (!_RpArg_CheckPositional(name, nargs, 0, 1))
        return NULL;
    RpObject *chars = nargs ? args[0] : NULL;
    if (chars == Rp_None)
        chars = NULL;
    if (chars != NULL && !RpUnicode_Check(chars)) {
        RpErr_Format(RpExc_TypeError, "%s arg must be None or str", name);
        return NULL;
    }
    const char *s = S_DATA(self);
    Rp_ssize_t a = 0, b = S_SIZE(self);
    while (left && a < b) {
        Rp_ssize_t k = a;
        if (!in_chars(chars, _RpUTF8_Next(s, &k)))
            break;
        a = k;
    }
    while (right && b > a) {
        Rp_ssize_t k = b;
        if (!in_chars(chars, prev_cp(s, &k)))
            break;
        b = k;
    }
    if (a == 0 && b == S_SIZE(self))
        return return_self(self);
    return str_from(s + a, b - a);
}

static RpObject *str_strip(RpObject *s, RpObject *const *a, Rp_ssize_t n)
{
    return strip_impl(s, a, n, "strip", 1, 1);
}
static RpObject *str_lstrip(RpObject *s, RpObject *const *a, Rp_ssize_t n)
{
    return strip_impl(s, a, n, "lstrip", 1, 0);
}
static RpObject *str_rstrip(RpObject *s, RpObject *const *a, Rp_ssize_t n)
{
    return strip_impl(s, a, n, "rstrip", 0, 1);
}

/* ==== replace ====================================================================== */

static RpObject *replace_empty(RpObject *self, RpObject *new, Rp_ssize_t count)
{
    RpStrBuf b;
    RpStrBuf_Init(&b);
    const char *s = S_DATA(self);
    Rp_ssize_t i = 0, n = S_SIZE(self);
    for (;;) {
        if (count != 0) {
            RpStrBuf_AppendObject(&b, new);
            count--;
        }
        if (i >= n)
            break;
        Rp_ssize_t j = i;
        _RpUTF8_Next(s, &j);
        if (count == 0) {
            RpStrBuf_Append(&b, s + i, n - i);
            break;
        }
        RpStrBuf_Append(&b, s + i, j - i);
        i = j;
    }
    return RpStrBuf_Finish(&b);
}

static RpObject *replace_impl(RpObject *self, RpObject *old, RpObject *new, Rp_ssize_t count)
{
    if (count < 0)
        count = RP_SSIZE_T_MAX_METHODS;
    if (S_SIZE(old) == 0)
        return replace_empty(self, new, count);
    const char *s = S_DATA(self);
    Rp_ssize_t n = S_SIZE(self), m = S_SIZE(old);
    Rp_ssize_t found = count_bytes(s, n, S_DATA(old), m, count);
    if (found == 0)
        return return_self(self);
    RpObject *r = _RpUnicode_New(n + found * (S_SIZE(new) - m));
    if (r == NULL)
        return NULL;
    char *p = RpUnicode_UTF8(r);
    Rp_ssize_t i = 0;
    for (Rp_ssize_t k = 0; k < found; k++) {
        const char *hit = _RpUnicode_SearchBytes(s + i, n - i, S_DATA(old), m);
        Rp_ssize_t at = hit - s;
        memcpy(p, s + i, (size_t)(at - i));
        p += at - i;
        memcpy(p, S_DATA(new), (size_t)S_SIZE(new));
        p += S_SIZE(new);
        i = at + m;
    }
    memcpy(p, s + i, (size_t)(n - i));
    return _RpUnicode_Finish(r);
}

static RpObject *str_replace(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("replace", nargs, 2, 3))
        return NULL;
    for (int i = 0; i < 2; i++) {
        if (!RpUnicode_Check(args[i])) {
            RpErr_Format(RpExc_TypeError, "replace() argument %d must be str, not %.100s",
                         i + 1, Rp_TYPE(args[i])->tp_name);
            return NULL;
        }
    }
    Rp_ssize_t count = -1;
    if (nargs == 3) {
        count = index_arg(args[2]);
        if (count == -1 && RpErr_Occurred())
            return NULL;
    }
    return replace_impl(self, args[0], args[1], count);
}

/* ==== case mapping ================================================================== */

/* Final_Sigma (Unicode 3.13): a capital sigma at byte `at` lowers to final
 * 'ς' when a cased letter precedes it and none follows it, looking past
 * case-ignorable characters (apostrophes, combining marks) both ways. */
static int final_sigma(const char *s, Rp_ssize_t n, Rp_ssize_t at)
{
    Rp_ssize_t k = at;
    int c = 0;
    while (k > 0 && is_case_ignorable(c = prev_cp(s, &k)))
        ;
    if (!is_cased(c) || is_case_ignorable(c))
        return 0;
    k = at;
    _RpUTF8_Next(s, &k);
    while (k < n) {
        c = _RpUTF8_Next(s, &k);
        if (!is_case_ignorable(c))
            return !is_cased(c);
    }
    return 1;
}

/* Full lowercase of the char at byte `at` (the sigma needs its context). */
static int lower_full(const char *s, Rp_ssize_t n, Rp_ssize_t at, int c, int out[3])
{
    if (c == 0x3A3) {
        out[0] = final_sigma(s, n, at) ? 0x3C2 : 0x3C3;
        return 1;
    }
    return RpUnicodeDB_LowerFull(c, out);
}

enum { CASE_UPPER, CASE_LOWER, CASE_FOLD, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE };

/* Map one character at byte `at` according to the mode and word state. */
static int map_char(int mode, const char *s, Rp_ssize_t n, Rp_ssize_t at, int c,
                    int *prev_cased, Rp_ssize_t index, int out[3])
{
    int k;
    switch (mode) {
    case CASE_UPPER:
        return RpUnicodeDB_UpperFull(c, out);
    case CASE_LOWER:
        return lower_full(s, n, at, c, out);
    case CASE_FOLD:
        return RpUnicodeDB_FoldFull(c, out);
    case CASE_SWAP:
        if (_RpUnicode_IsUpper(c))
            return lower_full(s, n, at, c, out);
        if (_RpUnicode_IsLower(c))
            return RpUnicodeDB_UpperFull(c, out);
        out[0] = c;
        return 1;
    case CASE_TITLE:
        k = *prev_cased ? lower_full(s, n, at, c, out) : RpUnicodeDB_TitleFull(c, out);
        *prev_cased = is_cased(c);
        return k;
    default: /* CASE_CAPITALIZE */
        return index == 0 ? RpUnicodeDB_TitleFull(c, out) : lower_full(s, n, at, c, out);
    }
}

static RpObject *case_map(RpObject *self, int mode)
{
    const char *s = S_DATA(self);
    Rp_ssize_t n = S_SIZE(self), i = 0, index = 0;
    int prev_cased = 0, out[3];
    RpStrBuf b;
    RpStrBuf_Init(&b);
    if (RpUnicode_IS_ASCII(self) && mode != CASE_TITLE && mode != CASE_CAPITALIZE) {
        /* ASCII fast path: one byte in, one byte out. */
        RpObject *r = _RpUnicode_New(n);
        if (r == NULL)
            return NULL;
        char *p = RpUnicode_UTF8(r);
        for (i = 0; i < n; i++) {
            /* ASCII letters differ from their other case by bit 0x20
             * alone; no per-character call */
            unsigned char c = (unsigned char)s[i];
            int lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z';
            if (mode == CASE_UPPER ? lower : mode == CASE_SWAP ? (lower || upper) : upper)
                c ^= 0x20;
            p[i] = (char)c;
        }
        /* still ASCII of the same length, as _RpUnicode_New assumed: no
         * rescan, except that "" and one character are shared singletons */
        return n <= 1 ? _RpUnicode_Finish(r) : r;
    }
    while (i < n) {
        Rp_ssize_t at = i;
        int c = _RpUTF8_Next(s, &i);
        int k = map_char(mode, s, n, at, c, &prev_cased, index++, out);
        for (int j = 0; j < k; j++)
            RpStrBuf_AppendCodePoint(&b, out[j]);
    }
    return RpStrBuf_Finish(&b);
}

static RpObject *str_upper(RpObject *s, RpObject *u) { return case_map(s, CASE_UPPER); }
static RpObject *str_lower(RpObject *s, RpObject *u) { return case_map(s, CASE_LOWER); }
static RpObject *str_casefold(RpObject *s, RpObject *u) { return case_map(s, CASE_FOLD); }
static RpObject *str_swapcase(RpObject *s, RpObject *u) { return case_map(s, CASE_SWAP); }
static RpObject *str_title(RpObject *s, RpObject *u) { return case_map(s, CASE_TITLE); }
static RpObject *str_capitalize(RpObject *s, RpObject *u) { return case_map(s, CASE_CAPITALIZE); }

/* ==== predicates ====================================================================== */

/* True if every code point passes `pred` and the string is not empty. */
static RpObject *all_chars(RpObject *self, int (*pred)(int))
{
    const char *s = S_DATA(self);
    Rp_ssize_t i = 0, n = S_SIZE(self);
    if (n == 0)
        Rp_RETURN_FALSE;
    while (i < n) {
        if (!pred(_RpUTF8_Next(s, &i)))
            Rp_RETURN_FALSE;
    }
    Rp_RETURN_TRUE;
}

static int p_decimal(int c) { return _RpUnicode_IsDecimal(c) >= 0; }
static int p_alnum(int c)
{
    return _RpUnicode_IsAlpha(c) || _RpUnicode_IsNumeric(c);
}

static RpObject *str_isdigit(RpObject *s, RpObject *u) { return all_chars(s, _RpUnicode_IsDigit); }
static RpObject *str_isdecimal(RpObject *s, RpObject *u) { return all_chars(s, p_decimal); }
static RpObject *str_isnumeric(RpObject *s, RpObject *u) { return all_chars(s, _RpUnicode_IsNumeric); }
static RpObject *str_isalpha(RpObject *s, RpObject *u) { return all_chars(s, _RpUnicode_IsAlpha); }
static RpObject *str_isalnum(RpObject *s, RpObject *u) { return all_chars(s, p_alnum); }
static RpObject *str_isspace(RpObject *s, RpObject *u) { return all_chars(s, _RpUnicode_IsSpace); }

static RpObject *str_isprintable(RpObject *self, RpObject *u)
{
    if (S_SIZE(self) == 0)
        Rp_RETURN_TRUE;
    return all_chars(self, _RpUnicode_IsPrintable);
}

static RpObject *str_isascii(RpObject *self, RpObject *u)
{
    return RpBool_FromLong(RpUnicode_IS_ASCII(self));
}

/* islower/isupper: some cased char, and none of the opposite case. */
static RpObject *case_pred(RpObject *self, int want_upper)
{
    const char *s = S_DATA(self);
    Rp_ssize_t i = 0, n = S_SIZE(self);
    int cased = 0;
    while (i < n) {
        int c = _RpUTF8_Next(s, &i);
        int up = _RpUnicode_IsUpper(c), lo = _RpUnicode_IsLower(c);
        if ((want_upper && (lo || is_title(c))) || (!want_upper && (up || is_title(c))))
            Rp_RETURN_FALSE;
        cased |= want_upper ? up : lo;
    }
    return RpBool_FromLong(cased);
}

static RpObject *str_islower(RpObject *s, RpObject *u) { return case_pred(s, 0); }
static RpObject *str_isupper(RpObject *s, RpObject *u) { return case_pred(s, 1); }

static RpObject *str_istitle(RpObject *self, RpObject *u)
{
    const char *s = S_DATA(self);
    Rp_ssize_t i = 0, n = S_SIZE(self);
    int cased = 0, prev_cased = 0;
    while (i < n) {
        int c = _RpUTF8_Next(s, &i);
        if (_RpUnicode_IsUpper(c) || is_title(c)) {
            if (prev_cased)
                Rp_RETURN_FALSE;
            prev_cased = cased = 1;
        } else if (_RpUnicode_IsLower(c)) {
            if (!prev_cased)
                Rp_RETURN_FALSE;
            prev_cased = cased = 1;
        } else
            prev_cased = 0;
    }
    return RpBool_FromLong(cased);
}

static RpObject *str_isidentifier(RpObject *self, RpObject *u)
{
    const char *s = S_DATA(self);
    Rp_ssize_t i = 0, n = S_SIZE(self);
    if (n == 0)
        Rp_RETURN_FALSE;
    if (!is_xid_start(_RpUTF8_Next(s, &i)))
        Rp_RETURN_FALSE;
    while (i < n) {
        if (!is_xid_continue(_RpUTF8_Next(s, &i)))
            Rp_RETURN_FALSE;
    }
    Rp_RETURN_TRUE;
}

/* ==== partition ======================================================================== */

static RpObject *partition_impl(RpObject *self, RpObject *sep, int reverse)
{
    if (!RpUnicode_Check(sep)) {
        RpErr_Format(RpExc_TypeError, "must be str, not %.100s", Rp_TYPE(sep)->tp_name);
        return NULL;
    }
    if (S_SIZE(sep) == 0) {
        RpErr_SetString(RpExc_ValueError, "empty separator");
        return NULL;
    }
    const char *s = S_DATA(self);
    Rp_ssize_t n = S_SIZE(self), m = S_SIZE(sep), pos = -1;
    if (!reverse) {
        const char *hit = _RpUnicode_SearchBytes(s, n, S_DATA(sep), m);
        pos = hit ? hit - s : -1;
    } else {
        for (Rp_ssize_t k = n - m; k >= 0; k--) {
            if (memcmp(s + k, S_DATA(sep), (size_t)m) == 0) {
                pos = k;
                break;
            }
        }
    }
    RpObject *a, *b, *c;
    if (pos < 0) {
        RpObject *whole = return_self(self);
        RpObject *e1 = _RpUnicode_Empty(), *e2 = _RpUnicode_Empty();
        if (!reverse) {
            a = whole; b = e1; c = e2;
        } else {
            a = e1; b = e2; c = whole;
        }
    } else {
        a = str_from(s, pos);
        b = Rp_NewRef(sep);
        c = str_from(s + pos + m, n - pos - m);
    }
    RpObject *t = NULL;
    if (a && b && c)
        t = RpTuple_Pack(3, a, b, c);
    Rp_XDECREF(a);
    Rp_XDECREF(b);
    Rp_XDECREF(c);
    return t;
}

static RpObject *str_partition(RpObject *s, RpObject *sep) { return partition_impl(s, sep, 0); }
static RpObject *str_rpartition(RpObject *s, RpObject *sep) { return partition_impl(s, sep, 1); }

/* ==== padding =========================================================================== */

static RpObject *pad(RpObject *self, Rp_ssize_t left, Rp_ssize_t right, int fill)
{
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    if (left == 0 && right == 0)
        return return_self(self);
    char f[4];
    int fl = _RpUTF8_Write(f, fill);
    RpObject *r = _RpUnicode_New((left + right) * fl + S_SIZE(self));
    if (r == NULL)
        return NULL;
    char *p = RpUnicode_UTF8(r);
    for (Rp_ssize_t i = 0; i < left; i++, p += fl)
        memcpy(p, f, (size_t)fl);
    memcpy(p, S_DATA(self), (size_t)S_SIZE(self));
    p += S_SIZE(self);
    for (Rp_ssize_t i = 0; i < right; i++, p += fl)
        memcpy(p, f, (size_t)fl);
    return _RpUnicode_Finish(r);
}

/* (width[, fillchar]) -> 0 / -1 */
static int parse_pad_args(const char *name, RpObject *const *args, Rp_ssize_t nargs,
                          Rp_ssize_t *width, int *fill)
{
    if (!_RpArg_CheckPositional(name, nargs, 1, 2))
        return -1;
    *width = index_arg(args[0]);
    if (*width == -1 && RpErr_Occurred())
        return -1;
    *fill = ' ';
    if (nargs == 2) {
        if (!RpUnicode_Check(args[1])) {
            RpErr_Format(RpExc_TypeError,
                         "The fill character must be a unicode character, not %.100s",
                         Rp_TYPE(args[1])->tp_name);
            return -1;
        }
        if (RpUnicode_GET_LENGTH(args[1]) != 1) {
            RpErr_SetString(RpExc_TypeError,
                            "The fill character must be exactly one character long");
            return -1;
        }
        Rp_ssize_t i = 0;
        *fill = _RpUTF8_Next(S_DATA(args[1]), &i);
    }
    return 0;
}

static RpObject *str_center(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    Rp_ssize_t width;
    int fill;
    if (parse_pad_args("center", args, nargs, &width, &fill) < 0)
        return NULL;
    Rp_ssize_t marg = width - RpUnicode_GET_LENGTH(self);
    if (marg <= 0)
        return return_self(self);
    /* CPython puts the odd extra column on the left when width is odd. */
    Rp_ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static RpObject *str_ljust(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    Rp_ssize_t width;
    int fill;
    if (parse_pad_args("ljust", args, nargs, &width, &fill) < 0)
        return NULL;
    return pad(self, 0, width - RpUnicode_GET_LENGTH(self), fill);
}

static RpObject *str_rjust(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    Rp_ssize_t width;
    int fill;
    if (parse_pad_args("rjust", args, nargs, &width, &fill) < 0)
        return NULL;
    return pad(self, width - RpUnicode_GET_LENGTH(self), 0, fill);
}

static RpObject *str_zfill(RpObject *self, RpObject *arg)
{
    Rp_ssize_t width = index_arg(arg);
    if (width == -1 && RpErr_Occurred())
        return NULL;
    Rp_ssize_t fill = width - RpUnicode_GET_LENGTH(self);
    if (fill <= 0)
        return return_self(self);
    RpObject *r = pad(self, fill, 0, '0');
    if (r == NULL)
        return NULL;
    char *p = RpUnicode_UTF8(r);
    /* Move a leading sign in front of the zeros. */
    if (p[fill] == '+' || p[fill] == '-') {
        p[0] = p[fill];
        p[fill] = '0';
    }
    return r;
}

static RpObject *str_expandtabs(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                                RpObject *kwnames)
{
    static const char *const names[] = {"tabsize"};
    RpObject *out[1] = {NULL};
    if (_RpArg_ParseVector("expandtabs", args, nargs, kwnames, names, 1, 0, out) < 0)
        return NULL;
    Rp_ssize_t tab = 8;
    if (out[0] != NULL) {
        tab = index_arg(out[0]);
        if (tab == -1 && RpErr_Occurred())
            return NULL;
    }
    const char *s = S_DATA(self);
    Rp_ssize_t n = S_SIZE(self), i = 0, col = 0;
    if (memchr(s, '\t', (size_t)n) == NULL)
        return return_self(self);
    RpStrBuf b;
    RpStrBuf_Init(&b);
    while (i < n) {
        Rp_ssize_t at = i;
        int c = _RpUTF8_Next(s, &i);
        if (c == '\t') {
            if (tab > 0) {
                Rp_ssize_t spaces = tab - col % tab;
                col += spaces;
                while (spaces-- > 0)
                    RpStrBuf_AppendChar(&b, ' ');
            }
        } else {
            RpStrBuf_Append(&b, s + at, i - at);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
    }
    return RpStrBuf_Finish(&b);
}

/* ==== removeprefix / removesuffix ======================================================= */

static RpObject *remove_affix(RpObject *self, RpObject *arg, const char *name, int suffix)
{
    if (!RpUnicode_Check(arg)) {
        RpErr_Format(RpExc_TypeError, "%s() argument must be str, not %.100s", name,
                     Rp_TYPE(arg)->tp_name);
        return NULL;
    }
    Rp_ssize_t n = S_SIZE(self), m = S_SIZE(arg);
    if (m == 0 || m > n)
        return return_self(self);
    if (!suffix && memcmp(S_DATA(self), S_DATA(arg), (size_t)m) == 0)
        return str_from(S_DATA(self) + m, n - m);
    if (suffix && memcmp(S_DATA(self) + n - m, S_DATA(arg), (size_t)m) == 0)
        return str_from(S_DATA(self), n - m);
    return return_self(self);
}

static RpObject *str_removeprefix(RpObject *s, RpObject *a) { return remove_affix(s, a, "removeprefix", 0); }
static RpObject *str_removesuffix(RpObject *s, RpObject *a) { return remove_affix(s, a, "removesuffix", 1); }

/* ==== codecs ============================================================================= */

/* The UTF-16/32 codecs come in three flavours each: plain (BOM written on
 * encode, honoured on decode, little-endian otherwise) and explicit -le/-be. */
enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1, CODEC_UTF16, CODEC_UTF16LE, CODEC_UTF16BE,
       CODEC_UTF32, CODEC_UTF32LE, CODEC_UTF32BE, CODEC_UNKNOWN };
#define CODEC_IS_WIDE(c) ((c) >= CODEC_UTF16 && (c) <= CODEC_UTF32BE)
#define CODEC_UNIT(c) ((c) >= CODEC_UTF32 ? 4 : 2)

/* Normalize an encoding name like CPython (both its C fast path and the
 * codec registry): lower case, each run of characters other than letters,
 * digits and '.' one '-' (CPython uses '_'), none leading or trailing.
 * 0 if the name is too long to be any known codec. */
static int normalize_encoding(const char *name, char *buf, size_t size)
{
    size_t k = 0;
    int punct = 0;
    for (const char *p = name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        int alnum = (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
        if (!alnum && c != '.') {
            punct = 1;
            continue;
        }
        if (k + 2 >= size)
            return 0;
        if (punct && k > 0)
            buf[k++] = '-';
        punct = 0;
        buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    buf[k] = '\0';
    return 1;
}

static int codec_lookup(const char *name)
{
    char buf[32];
    if (!normalize_encoding(name, buf, sizeof buf))
        return CODEC_UNKNOWN;
    static const char *const utf8[] = {"utf-8", "utf8", "u8", "utf", "cp65001", NULL};
    static const char *const ascii[] = {"ascii", "us-ascii", "646", "us", NULL};
    static const char *const latin1[] = {"latin-1", "latin1", "iso-8859-1", "iso8859-1",
                                         "8859", "cp819", "latin", "l1", "iso-ir-100", NULL};
    for (int k = 0; utf8[k]; k++)
        if (strcmp(buf, utf8[k]) == 0)
            return CODEC_UTF8;
    for (int k = 0; ascii[k]; k++)
        if (strcmp(buf, ascii[k]) == 0)
            return CODEC_ASCII;
    for (int k = 0; latin1[k]; k++)
        if (strcmp(buf, latin1[k]) == 0)
            return CODEC_LATIN1;
    static const struct { const char *name; int codec; } wide[] = {
        {"utf-16", CODEC_UTF16}, {"utf16", CODEC_UTF16}, {"u16", CODEC_UTF16},
        {"utf-16-le", CODEC_UTF16LE}, {"utf-16le", CODEC_UTF16LE},
        {"utf-16-be", CODEC_UTF16BE}, {"utf-16be", CODEC_UTF16BE},
        {"utf-32", CODEC_UTF32}, {"utf32", CODEC_UTF32}, {"u32", CODEC_UTF32},
        {"utf-32-le", CODEC_UTF32LE}, {"utf-32le", CODEC_UTF32LE},
        {"utf-32-be", CODEC_UTF32BE}, {"utf-32be", CODEC_UTF32BE},
    };
    for (size_t k = 0; k < sizeof wide / sizeof wide[0]; k++)
        if (strcmp(buf, wide[k].name) == 0)
            return wide[k].codec;
    return CODEC_UNKNOWN;
}

static const char *const codec_names[] = {"utf-8", "ascii", "latin-1", "utf-16", "utf-16-le",
                                          "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"};

/* ---- UTF-16 / UTF-32 decoding ---- */

static int known_handler(const char *h);

static unsigned long read_unit(const unsigned char *p, int size, int big)
{
    unsigned long v = 0;
    for (int k = 0; k < size; k++)
        v |= (unsigned long)p[big ? size - 1 - k : k] << (8 * k);
    return v;
}

/* Apply decode error handler h to bytes s[start..end); 0 or -1.  Decoding
 * resumes at *resume: end, unless the handler says otherwise. */
static int wide_decode_error(RpStrBuf *b, const char *h, const char *enc, const char *s,
                             Rp_ssize_t n, Rp_ssize_t start, Rp_ssize_t end,
                             const char *reason, Rp_ssize_t *resume)
{
    *resume = end;
    if (strcmp(h, "replace") == 0)
        return RpStrBuf_AppendCodePoint(b, 0xFFFD);
    if (strcmp(h, "ignore") == 0)
        return 0;
    if (strcmp(h, "backslashreplace") == 0) {
        for (Rp_ssize_t k = start; k < end; k++) {
            char tmp[8];
            snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned char)s[k]);
            RpStrBuf_AppendStr(b, tmp);
        }
        return b->error ? -1 : 0;
    }
    if (strcmp(h, "surrogateescape") == 0) {
        /* Escapes the leading run of bytes >= 128 (at most 4); decoding
         * resumes after them. */
        Rp_ssize_t k = start;
        while (k < end && k - start < 4 && (unsigned char)s[k] >= 128)
            RpStrBuf_AppendCodePoint(b, 0xDC00 + (unsigned char)s[k++]);
        if (k > start) {
            *resume = k;
            return b->error ? -1 : 0;
        }
    } else if (!known_handler(h)) {
        RpErr_Format(RpExc_LookupError, "unknown error handler name '%s'", h);
        return -1;
    }
    _RpUnicode_RaiseDecodeError(enc, s, n, start, end, reason);
    return -1;
}

/* One UTF-16 code unit sequence at s[*i]; -1 with an error set. */
static int utf16_step(RpStrBuf *b, const char *h, const char *enc, const char *s, Rp_ssize_t n,
                      Rp_ssize_t *i, int big)
{
    const unsigned char *p = (const unsigned char *)s;
    Rp_ssize_t at = *i;
    if (n - at < 2) {
        *i = n;
        return wide_decode_error(b, h, enc, s, n, at, n, "truncated data", i);
    }
    unsigned long u = read_unit(p + at, 2, big);
    if (u < 0xD800 || u > 0xDFFF) {
        *i = at + 2;
        return RpStrBuf_AppendCodePoint(b, (int)u);
    }
    int pass = strcmp(h, "surrogatepass") == 0;
    if (u < 0xDC00 && n - at < 4 && !pass) {
        *i = n;
        return wide_decode_error(b, h, enc, s, n, at, n, "unexpected end of data", i);
    }
    unsigned long u2 = u < 0xDC00 && n - at >= 4 ? read_unit(p + at + 2, 2, big) : 0;
    if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
        *i = at + 4;
        return RpStrBuf_AppendCodePoint(b, (int)(0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00)));
    }
    *i = at + 2;
    if (pass)
        return RpStrBuf_AppendCodePoint(b, (int)u);
    return wide_decode_error(b, h, enc, s, n, at, at + 2,
                             u < 0xDC00 ? "illegal UTF-16 surrogate" : "illegal encoding", i);
}

static int utf32_step(RpStrBuf *b, const char *h, const char *enc, const char *s, Rp_ssize_t n,
                      Rp_ssize_t *i, int big)
{
    Rp_ssize_t at = *i;
    if (n - at < 4) {
        *i = n;
        return wide_decode_error(b, h, enc, s, n, at, n, "truncated data", i);
    }
    unsigned long cp = read_unit((const unsigned char *)s + at, 4, big);
    *i = at + 4;
    if (cp > 0x10FFFF)
        return wide_decode_error(b, h, enc, s, n, at, at + 4, "code point not in range(0x110000)", i);
    if (cp >= 0xD800 && cp <= 0xDFFF && strcmp(h, "surrogatepass") != 0)
        return wide_decode_error(b, h, enc, s, n, at, at + 4,
                                 "code point in surrogate code point range(0xd800, 0xe000)", i);
    return RpStrBuf_AppendCodePoint(b, (int)cp);
}

static RpObject *decode_wide(const char *s, Rp_ssize_t n, int codec, const char *errors)
{
    const char *h = errors ? errors : "strict";
    int unit = CODEC_UNIT(codec), base = unit == 2 ? CODEC_UTF16 : CODEC_UTF32;
    int big = codec == base + 2;
    Rp_ssize_t i = 0;
    if (codec == base && n >= unit) {
        /* A byte order mark picks the order and is not part of the text. */
        unsigned long bom = read_unit((const unsigned char *)s, unit, 0);
        if (bom == 0xFEFF)
            i = unit;
        else if (bom == (unit == 2 ? 0xFFFEul : 0xFFFE0000ul)) {
            i = unit;
            big = 1;
        }
    }
    const char *enc = codec_names[base + 1 + big];
    RpStrBuf b;
    RpStrBuf_Init(&b);
    while (i < n) {
        int r = unit == 2 ? utf16_step(&b, h, enc, s, n, &i, big)
                          : utf32_step(&b, h, enc, s, n, &i, big);
        if (r < 0) {
            RpStrBuf_Discard(&b);
            return NULL;
        }
    }
    return RpStrBuf_Finish(&b);
}

/* CPython encodes/decodes a few spellings directly in C; every other name
 * goes through the codec registry, which rewraps a failure to find the
 * error handler as "encoding with 'l1' codec failed (LookupError: ...)".
 * The test is on CPython's normalized name: lower case, each run of
 * punctuation one '_'. */
static int is_fast_path_name(const char *name)
{
    char buf[32];
    if (!normalize_encoding(name, buf, sizeof buf))
        return 0;
    static const char *const fast[] = {"utf8", "utf-8", "utf16", "utf-16", "utf32", "utf-32",
                                       "ascii", "us-ascii", "latin1", "latin-1",
                                       "iso-8859-1", "iso8859-1", NULL};
    for (int i = 0; fast[i]; i++)
        if (strcmp(buf, fast[i]) == 0)
            return 1;
    return 0;
}

/* Pass r through, rewrapping a LookupError as the codec registry would. */
static RpObject *registry_wrap(RpObject *r, const char *op, const char *encoding)
{
    if (r != NULL || encoding == NULL || is_fast_path_name(encoding)
        || !RpErr_ExceptionMatches(RpExc_LookupError))
        return r;
    RpObject *exc = RpErr_GetRaisedException();
    RpErr_Format(RpExc_LookupError, "%s with '%s' codec failed (%s: %S)", op, encoding,
                 Rp_TYPE(exc)->tp_name, exc);
    Rp_DECREF(exc);
    return NULL;
}

static int unknown_encoding(const char *enc)
{
    RpErr_Format(RpExc_LookupError, "unknown encoding: %s", enc);
    return -1;
}

static RpObject *decode_impl(const char *s, Rp_ssize_t n, int codec, const char *errors);

RpObject *_RpUnicode_Decode(const char *s, Rp_ssize_t n, const char *encoding,
                            const char *errors)
{
    int codec = encoding ? codec_lookup(encoding) : CODEC_UTF8;
    if (codec == CODEC_UNKNOWN) {
        unknown_encoding(encoding);
        return NULL;
    }
    return registry_wrap(decode_impl(s, n, codec, errors), "decoding", encoding);
}

static RpObject *decode_impl(const char *s, Rp_ssize_t n, int codec, const char *errors)
{
    if (codec == CODEC_UTF8)
        return RpUnicode_DecodeUTF8(s, n, errors);
    if (CODEC_IS_WIDE(codec))
        return decode_wide(s, n, codec, errors);
    RpStrBuf b;
    RpStrBuf_Init(&b);
    for (Rp_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 128 || codec == CODEC_LATIN1) {
            RpStrBuf_AppendCodePoint(&b, c);
            continue;
        }
        /* ASCII decoding error for this single byte. */
        const char *h = errors ? errors : "strict";
        if (strcmp(h, "replace") == 0)
            RpStrBuf_AppendCodePoint(&b, 0xFFFD);
        else if (strcmp(h, "surrogateescape") == 0)
            RpStrBuf_AppendCodePoint(&b, 0xDC00 + c);
        else if (strcmp(h, "backslashreplace") == 0) {
            char tmp[8];
            snprintf(tmp, sizeof tmp, "\\x%02x", c);
            RpStrBuf_AppendStr(&b, tmp);
        } else if (strcmp(h, "ignore") != 0) {
            if (strcmp(h, "strict") == 0 || strcmp(h, "surrogatepass") == 0
                || strcmp(h, "xmlcharrefreplace") == 0)
                _RpUnicode_RaiseDecodeError("ascii", s, n, i, i + 1, "ordinal not in range(128)");
            else
                RpErr_Format(RpExc_LookupError, "unknown error handler name '%s'", h);
            RpStrBuf_Discard(&b);
            return NULL;
        }
    }
    return RpStrBuf_Finish(&b);
}

/* Append the replacement for unencodable cp to the byte buffer. */
static int encode_replacement(RpStrBuf *b, const char *h, int cp, int codec)
{
    char tmp[16];
    if (strcmp(h, "replace") == 0)
        return RpStrBuf_AppendChar(b, '?');
    if (strcmp(h, "ignore") == 0)
        return 0;
    if (strcmp(h, "xmlcharrefreplace") == 0) {
        snprintf(tmp, sizeof tmp, "&#%d;", cp);
        return RpStrBuf_AppendStr(b, tmp);
    }
    if (strcmp(h, "backslashreplace") == 0) {
        if (cp < 0x100)
            snprintf(tmp, sizeof tmp, "\\x%02x", cp);
        else if (cp < 0x10000)
            snprintf(tmp, sizeof tmp, "\\u%04x", cp);
        else
            snprintf(tmp, sizeof tmp, "\\U%08x", cp);
        return RpStrBuf_AppendStr(b, tmp);
    }
    if (strcmp(h, "surrogateescape") == 0 && cp >= 0xDC80 && cp <= 0xDCFF)
        return RpStrBuf_AppendChar(b, (char)(cp - 0xDC00));
    if (strcmp(h, "surrogatepass") == 0 && codec == CODEC_UTF8 && cp >= 0xD800 && cp <= 0xDFFF) {
        int k = _RpUTF8_Write(tmp, cp);
        return RpStrBuf_Append(b, tmp, k);
    }
    return 1;   /* not handled: strict behaviour */
}

static int known_handler(const char *h)
{
    static const char *const names[] = {"strict", "replace", "ignore", "xmlcharrefreplace",
                                        "backslashreplace", "surrogateescape",
                                        "surrogatepass", "namereplace", NULL};
    for (int i = 0; names[i]; i++)
        if (strcmp(h, names[i]) == 0)
            return 1;
    return 0;
}

/* Is cp encodable by codec without an error handler? */
static int encodable(int cp, int codec)
{
    if (codec == CODEC_ASCII)
        return cp < 128;
    if (codec == CODEC_LATIN1)
        return cp < 256;
    return cp < 0xD800 || cp > 0xDFFF;
}

/* Append cp to b in a UTF-16/32 codec's byte order; a lone surrogate is one unit. */
static void emit_wide(RpStrBuf *b, int codec, unsigned long cp)
{
    int unit = CODEC_UNIT(codec), big = codec == CODEC_UTF16BE || codec == CODEC_UTF32BE;
    unsigned long units[2] = {cp, 0};
    int count = 1;
    if (unit == 2 && cp >= 0x10000) {
        units[0] = 0xD800 + ((cp - 0x10000) >> 10);
        units[1] = 0xDC00 + ((cp - 0x10000) & 0x3FF);
        count = 2;
    }
    for (int u = 0; u < count; u++) {
        char tmp[4];
        for (int k = 0; k < unit; k++)
            tmp[big ? unit - 1 - k : k] = (char)((units[u] >> (8 * k)) & 0xFF);
        RpStrBuf_Append(b, tmp, unit);
    }
}

/* The error handler's replacement for cp, in a wide codec's units. */
static int wide_replacement(RpStrBuf *b, const char *h, int cp, int codec)
{
    if (strcmp(h, "surrogatepass") == 0) {
        emit_wide(b, codec, (unsigned long)cp);
        return b->error ? -1 : 0;
    }
    if (strcmp(h, "surrogateescape") == 0)
        return 1;   /* would yield a raw byte, which these codecs cannot hold */
    RpStrBuf ascii;
    RpStrBuf_Init(&ascii);
    int r = encode_replacement(&ascii, h, cp, CODEC_ASCII);
    for (Rp_ssize_t k = 0; r == 0 && k < ascii.len; k++)
        emit_wide(b, codec, (unsigned char)ascii.buf[k]);
    RpStrBuf_Discard(&ascii);
    return r == 0 && b->error ? -1 : r;
}

static RpObject *encode_slow(RpObject *u, int codec, const char *errors)
{
    const char *s = S_DATA(u), *h = errors ? errors : "strict";
    Rp_ssize_t n = S_SIZE(u), i = 0, index = 0;
    const char *reason = codec == CODEC_UTF8 || CODEC_IS_WIDE(codec) ? "surrogates not allowed"
                         : codec == CODEC_ASCII ? "ordinal not in range(128)"
                                                : "ordinal not in range(256)";
    int wide = CODEC_IS_WIDE(codec);
    RpStrBuf b;
    RpStrBuf_Init(&b);
    if (codec == CODEC_UTF16 || codec == CODEC_UTF32)
        emit_wide(&b, codec, 0xFEFF);   /* BOM, then little-endian */
    while (i < n) {
        Rp_ssize_t at = i;
        int cp = _RpUTF8_Next(s, &i);
        if (encodable(cp, codec)) {
            if (wide)
                emit_wide(&b, codec, (unsigned long)cp);
            else if (codec == CODEC_UTF8)
                RpStrBuf_Append(&b, s + at, i - at);
            else
                RpStrBuf_AppendChar(&b, (char)cp);
            index++;
            continue;
        }
        if (!known_handler(h)) {
            RpErr_Format(RpExc_LookupError, "unknown error handler name '%s'", h);
            goto error;
        }
        int r = wide ? wide_replacement(&b, h, cp, codec) : encode_replacement(&b, h, cp, codec);
        if (r < 0)
            goto error;
        if (r > 0) {
            /* Strict: report the whole run of unencodable characters
             * (the UTF-16/32 encoders report just the first). */
            Rp_ssize_t end = index + 1, j = i;
            while (!wide && j < n && !encodable(_RpUTF8_Next(s, &j), codec))
                end++;
            _RpUnicode_RaiseEncodeError(codec_names[codec], u, index, end, reason);
            goto error;
        }
        index++;
    }
    if (b.error)
        goto error;
    RpObject *res = RpBytes_FromStringAndSize(b.buf ? b.buf : "", b.len);
    RpStrBuf_Discard(&b);
    return res;
error:
    RpStrBuf_Discard(&b);
    return NULL;
}

/* Does UTF-8 text contain an encoded surrogate (ED A0..BF)? */
static int has_surrogate(const char *s, Rp_ssize_t n)
{
    const char *p = s;
    while ((p = memchr(p, '\xED', (size_t)(n - (p - s)))) != NULL) {
        if (p + 1 < s + n && (unsigned char)p[1] >= 0xA0)
            return 1;
        p++;
    }
    return 0;
}

RpObject *RpUnicode_AsEncodedString(RpObject *u, const char *encoding, const char *errors)
{
    int codec = encoding ? codec_lookup(encoding) : CODEC_UTF8;
    if (codec == CODEC_UNKNOWN) {
        unknown_encoding(encoding);
        return NULL;
    }
    if (!CODEC_IS_WIDE(codec) && (RpUnicode_IS_ASCII(u)
        || (codec == CODEC_UTF8 && !has_surrogate(S_DATA(u), S_SIZE(u)))))
        return RpBytes_FromStringAndSize(S_DATA(u), S_SIZE(u));
    return registry_wrap(encode_slow(u, codec, errors), "encoding", encoding);
}

static RpObject *str_encode(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                            RpObject *kwnames)
{
    static const char *const names[] = {"encoding", "errors"};
    RpObject *out[2] = {NULL, NULL};
    if (_RpArg_ParseVector("encode", args, nargs, kwnames, names, 2, 0, out) < 0)
        return NULL;
    for (int i = 0; i < 2; i++) {
        if (out[i] != NULL && !RpUnicode_Check(out[i])) {
            RpErr_Format(RpExc_TypeError, "encode() argument '%s' must be str, not %.100s",
                         names[i], Rp_TYPE(out[i])->tp_name);
            return NULL;
        }
    }
    return RpUnicode_AsEncodedString(self, out[0] ? S_DATA(out[0]) : NULL,
                                     out[1] ? S_DATA(out[1]) : NULL);
}

/* ==== maketrans / translate ================================================================ */

static int set_ord(RpObject *d, int cp, RpObject *v)
{
    RpObject *k = RpLong_FromLong(cp);
    if (k == NULL)
        return -1;
    int r = RpDict_SetItem(d, k, v);
    Rp_DECREF(k);
    return r;
}

static int maketrans_from_dict(RpObject *res, RpObject *x)
{
    Rp_ssize_t pos = 0;
    RpObject *k, *v;
    while (RpDict_Next(x, &pos, &k, &v)) {
        if (RpUnicode_Check(k)) {
            if (RpUnicode_GET_LENGTH(k) != 1) {
                RpErr_SetString(RpExc_ValueError,
                                "string keys in translate table must be of length 1");
                return -1;
            }
            Rp_ssize_t i = 0;
            if (set_ord(res, _RpUTF8_Next(S_DATA(k), &i), v) < 0)
                return -1;
        } else if (RpLong_Check(k)) {
            if (RpDict_SetItem(res, k, v) < 0)
                return -1;
        } else {
            RpErr_SetString(RpExc_TypeError, "keys in translate table must be strings or integers");
            return -1;
        }
    }
    return 0;
}

static int maketrans_from_strings(RpObject *res, RpObject *const *args, Rp_ssize_t nargs)
{
    for (Rp_ssize_t i = 0; i < nargs; i++) {
        if (!RpUnicode_Check(args[i])) {
            RpErr_Format(RpExc_TypeError, "maketrans() argument %zd must be str, not %.100s",
                         i + 1, Rp_TYPE(args[i])->tp_name);
            return -1;
        }
    }
    if (RpUnicode_GET_LENGTH(args[0]) != RpUnicode_GET_LENGTH(args[1])) {
        RpErr_SetString(RpExc_ValueError,
                        "the first two maketrans arguments must have equal length");
        return -1;
    }
    Rp_ssize_t i = 0, j = 0, n = S_SIZE(args[0]);
    while (i < n) {
        int from = _RpUTF8_Next(S_DATA(args[0]), &i);
        int to = _RpUTF8_Next(S_DATA(args[1]), &j);
        RpObject *v = RpLong_FromLong(to);
        if (v == NULL || set_ord(res, from, v) < 0) {
            Rp_XDECREF(v);
            return -1;
        }
        Rp_DECREF(v);
    }
    if (nargs == 3) {
        i = 0;
        while (i < S_SIZE(args[2])) {
            if (set_ord(res, _RpUTF8_Next(S_DATA(args[2]), &i), Rp_None) < 0)
                return -1;
        }
    }
    return 0;
}

static RpObject *str_maketrans(RpObject *unused, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("maketrans", nargs, 1, 3))
        return NULL;
    RpObject *res = RpDict_New();
    if (res == NULL)
        return NULL;
    int r;
    if (nargs == 1) {
        if (!RpDict_Check(args[0])) {
            RpErr_SetString(RpExc_TypeError,
                            "if you give only one argument to maketrans it must be a dict");
            r = -1;
        } else
            r = maketrans_from_dict(res, args[0]);
    } else
        r = maketrans_from_strings(res, args, nargs);
    if (r < 0)
        Rp_CLEAR(res);
    return res;
}

/* Translate one code point: 1 appended, 0 keep as is, -1 error. */
static int translate_one(RpStrBuf *b, RpObject *table, int cp)
{
    RpObject *key = RpLong_FromLong(cp);
    if (key == NULL)
        return -1;
    RpObject *v = RpObject_GetItem(table, key);
    Rp_DECREF(key);
    if (v == NULL) {
        if (RpErr_ExceptionMatches(RpExc_LookupError)) {
            RpErr_Clear();
            return 0;
        }
        return -1;
    }
    int r = 1;
    if (v == Rp_None)
        ;
    else if (RpLong_Check(v)) {
        long c = RpLong_AsLong(v);
        if (c == -1 && RpErr_Occurred())
            r = -1;
        else if (c < 0 || c > 0x10FFFF) {
            RpErr_SetString(RpExc_ValueError, "character mapping must be in range(0x110000)");
            r = -1;
        } else
            RpStrBuf_AppendCodePoint(b, (int)c);
    } else if (RpUnicode_Check(v))
        RpStrBuf_AppendObject(b, v);
    else {
        RpErr_SetString(RpExc_TypeError, "character mapping must return integer, None or str");
        r = -1;
    }
    Rp_DECREF(v);
    return r;
}

static RpObject *str_translate(RpObject *self, RpObject *table)
{
    const char *s = S_DATA(self);
    Rp_ssize_t n = S_SIZE(self), i = 0;
    RpStrBuf b;
    RpStrBuf_Init(&b);
    while (i < n) {
        Rp_ssize_t at = i;
        int cp = _RpUTF8_Next(s, &i);
        int r = translate_one(&b, table, cp);
        if (r < 0) {
            RpStrBuf_Discard(&b);
            return NULL;
        }
        if (r == 0)
            RpStrBuf_Append(&b, s + at, i - at);
    }
    return RpStrBuf_Finish(&b);
}

/* ==== misc dunders ========================================================================= */

static RpObject *str_format_dunder(RpObject *self, RpObject *spec)
{
    if (!RpUnicode_Check(spec)) {
        RpErr_Format(RpExc_TypeError, "__format__() argument must be str, not %.100s",
                     Rp_TYPE(spec)->tp_name);
        return NULL;
    }
    return _RpUnicode_FormatSpec(self, spec);
}

/* CPython 3.11's figure, so programs printing sizes match: a compact ASCII
 * str is a 48-byte header plus len+1 bytes; other exact strs a 72-byte
 * header plus (len+1) code units of 1, 2 or 4 bytes (by the widest code
 * point); subclass instances an 80-byte header plus their code units. */
static RpObject *str_sizeof(RpObject *self, RpObject *u)
{
    (void)u;
    Rp_ssize_t len = RpUnicode_GET_LENGTH(self), kind = 1;
    if (!RpUnicode_IS_ASCII(self)) {
        const char *p = S_DATA(self);
        for (Rp_ssize_t i = 0; i < S_SIZE(self) && kind < 4;) {
            int cp = _RpUTF8_Next(p, &i);
            if (cp > 0xFFFF)
                kind = 4;
            else if (cp > 0xFF)
                kind = 2;
        }
    }
    if (!RpUnicode_CheckExact(self))
        return RpLong_FromSsize_t(80 + (len + 1) * kind);
    if (RpUnicode_IS_ASCII(self))
        return RpLong_FromSsize_t(48 + len + 1);
    return RpLong_FromSsize_t(72 + (len + 1) * kind);
}

static RpObject *str_getnewargs(RpObject *self, RpObject *u)
{
    RpObject *copy = str_from(S_DATA(self), S_SIZE(self));
    if (copy == NULL)
        return NULL;
    RpObject *t = RpTuple_Pack(1, copy);
    Rp_DECREF(copy);
    return t;
}

static RpObject *str_format(RpObject *self, RpObject *args, RpObject *kwargs)
{
    return _RpUnicode_FormatMethod(self, args, kwargs);
}

static RpObject *str_format_map(RpObject *self, RpObject *mapping)
{
    return _RpUnicode_FormatMap(self, mapping);
}

#define FAST RP_METH_FASTCALL
#define FASTKW (RP_METH_FASTCALL | RP_METH_KEYWORDS)

RpMethodDef _RpUnicode_Methods[] = {
    {"encode", (RpCFunction)(void (*)(void))str_encode, FASTKW, NULL},
    {"replace", (RpCFunction)(void (*)(void))str_replace, FAST, NULL},
    {"split", (RpCFunction)(void (*)(void))str_split, FASTKW, NULL},
    {"rsplit", (RpCFunction)(void (*)(void))str_rsplit, FASTKW, NULL},
    {"join", (RpCFunction)str_join, RP_METH_O, NULL},
    {"capitalize", (RpCFunction)str_capitalize, RP_METH_NOARGS, NULL},
    {"casefold", (RpCFunction)str_casefold, RP_METH_NOARGS, NULL},
    {"title", (RpCFunction)str_title, RP_METH_NOARGS, NULL},
    {"center", (RpCFunction)(void (*)(void))str_center, FAST, NULL},
    {"count", (RpCFunction)(void (*)(void))str_count, FAST, NULL},
    {"expandtabs", (RpCFunction)(void (*)(void))str_expandtabs, FASTKW, NULL},
    {"find", (RpCFunction)(void (*)(void))str_find, FAST, NULL},
    {"partition", (RpCFunction)str_partition, RP_METH_O, NULL},
    {"index", (RpCFunction)(void (*)(void))str_index, FAST, NULL},
    {"ljust", (RpCFunction)(void (*)(void))str_ljust, FAST, NULL},
    {"lower", (RpCFunction)str_lower, RP_METH_NOARGS, NULL},
    {"lstrip", (RpCFunction)(void (*)(void))str_lstrip, FAST, NULL},
    {"rfind", (RpCFunction)(void (*)(void))str_rfind, FAST, NULL},
    {"rindex", (RpCFunction)(void (*)(void))str_rindex, FAST, NULL},
    {"rjust", (RpCFunction)(void (*)(void))str_rjust, FAST, NULL},
    {"rstrip", (RpCFunction)(void (*)(void))str_rstrip, FAST, NULL},
    {"rpartition", (RpCFunction)str_rpartition, RP_METH_O, NULL},
    {"splitlines", (RpCFunction)(void (*)(void))str_splitlines, FASTKW, NULL},
    {"strip", (RpCFunction)(void (*)(void))str_strip, FAST, NULL},
    {"swapcase", (RpCFunction)str_swapcase, RP_METH_NOARGS, NULL},
    {"translate", (RpCFunction)str_translate, RP_METH_O, NULL},
    {"upper", (RpCFunction)str_upper, RP_METH_NOARGS, NULL},
    {"startswith", (RpCFunction)(void (*)(void))str_startswith, FAST, NULL},
    {"endswith", (RpCFunction)(void (*)(void))str_endswith, FAST, NULL},
    {"removeprefix", (RpCFunction)str_removeprefix, RP_METH_O, NULL},
    {"removesuffix", (RpCFunction)str_removesuffix, RP_METH_O, NULL},
    {"isascii", (RpCFunction)str_isascii, RP_METH_NOARGS, NULL},
    {"islower", (RpCFunction)str_islower, RP_METH_NOARGS, NULL},
    {"isupper", (RpCFunction)str_isupper, RP_METH_NOARGS, NULL},
    {"istitle", (RpCFunction)str_istitle, RP_METH_NOARGS, NULL},
    {"isspace", (RpCFunction)str_isspace, RP_METH_NOARGS, NULL},
    {"isdecimal", (RpCFunction)str_isdecimal, RP_METH_NOARGS, NULL},
    {"isdigit", (RpCFunction)str_isdigit, RP_METH_NOARGS, NULL},
    {"isnumeric", (RpCFunction)str_isnumeric, RP_METH_NOARGS, NULL},
    {"isalpha", (RpCFunction)str_isalpha, RP_METH_NOARGS, NULL},
    {"isalnum", (RpCFunction)str_isalnum, RP_METH_NOARGS, NULL},
    {"isidentifier", (RpCFunction)str_isidentifier, RP_METH_NOARGS, NULL},
    {"isprintable", (RpCFunction)str_isprintable, RP_METH_NOARGS, NULL},
    {"zfill", (RpCFunction)str_zfill, RP_METH_O, NULL},
    {"format", (RpCFunction)(void (*)(void))str_format, RP_METH_VARARGS | RP_METH_KEYWORDS, NULL},
    {"format_map", (RpCFunction)str_format_map, RP_METH_O, NULL},
    {"__format__", (RpCFunction)str_format_dunder, RP_METH_O, NULL},
    {"maketrans", (RpCFunction)(void (*)(void))str_maketrans, FAST | RP_METH_STATIC, NULL},
    {"__sizeof__", (RpCFunction)str_sizeof, RP_METH_NOARGS, NULL},
    {"__getnewargs__", (RpCFunction)str_getnewargs, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
