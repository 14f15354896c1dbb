/* unicodedatamodule.c -- the `unicodedata` module over the Unicode 14.0
 * database of objects/unicodedb.c: character properties and names, and
 * the four normalization forms (UAX #15).  Aliases and named sequences of
 * lookup(), and ucd_3_2_0, are not provided.
 */
#include "stdmod.h"
#include "objects/unicodedb.h"
#include <string.h>

#define FAST(f) ((RpCFunction)(void (*)(void))(f))

/* ---- arguments ----------------------------------------------------------- */

/* The code point of a one-character str, or -1 with CPython's TypeError
 * ("category() argument must be..." / "name() argument 1 must be..."). */
static int char_arg(const char *fname, const char *argpos, RpObject *o)
{
    if (RpUnicode_Check(o) && RpUnicode_GET_LENGTH(o) == 1) {
        Rp_ssize_t i = 0;
        return _RpUTF8_Next(RpUnicode_UTF8(o), &i);
    }
    RpErr_Format(RpExc_TypeError, "%s() argument %smust be a unicode character, not %.50s",
                 fname, argpos, Rp_TYPE(o)->tp_name);
    return -1;
}

/* The (chr, default=None) functions: the code point, or -1 with an error. */
static int char_default_args(const char *fname, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional(fname, nargs, 1, 2))
        return -1;
    return char_arg(fname, "1 ", args[0]);
}

/* The default when given, else ValueError(msg). */
static RpObject *default_or(RpObject *const *args, Rp_ssize_t nargs, const char *msg)
{
    if (nargs < 2) {
        RpErr_SetString(RpExc_ValueError, msg);
        return NULL;
    }
    Rp_INCREF(args[1]);
    return args[1];
}

/* ---- properties ------------------------------------------------------------ */

static RpObject *ud_decimal(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    int c = char_default_args("decimal", args, nargs);
    if (c < 0)
        return NULL;
    int d = RpUnicodeDB_Decimal(c);
    return d >= 0 ? RpLong_FromLong(d) : default_or(args, nargs, "not a decimal");
}

static RpObject *ud_digit(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    int c = char_default_args("digit", args, nargs);
    if (c < 0)
        return NULL;
    int d = RpUnicodeDB_Digit(c);
    return d >= 0 ? RpLong_FromLong(d) : default_or(args, nargs, "not a digit");
}

static RpObject *ud_numeric(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    int c = char_default_args("numeric", args, nargs);
    if (c < 0)
        return NULL;
    double v;
    if (RpUnicodeDB_Numeric(c, &v))
        return RpFloat_FromDouble(v);
    return default_or(args, nargs, "not a numeric character");
}

static RpObject *ud_category(RpObject *m, RpObject *o)
{
    int c = char_arg("category", "", o);
    return c < 0 ? NULL : RpUnicode_FromString(RpUnicodeDB_Category(c));
}

static RpObject *ud_bidirectional(RpObject *m, RpObject *o)
{
    int c = char_arg("bidirectional", "", o);
    return c < 0 ? NULL : RpUnicode_FromString(RpUnicodeDB_Bidirectional(c));
}

static RpObject *ud_east_asian_width(RpObject *m, RpObject *o)
{
    int c = char_arg("east_asian_width", "", o);
    return c < 0 ? NULL : RpUnicode_FromString(RpUnicodeDB_EastAsianWidth(c));
}

static RpObject *ud_combining(RpObject *m, RpObject *o)
{
    int c = char_arg("combining", "", o);
    return c < 0 ? NULL : RpLong_FromLong(RpUnicodeDB_Combining(c));
}

static RpObject *ud_mirrored(RpObject *m, RpObject *o)
{
    int c = char_arg("mirrored", "", o);
    return c < 0 ? NULL : RpLong_FromLong(RpUnicodeDB_Mirrored(c));
}

/* "<compat> 0020 0308": the tag, then the code points in 4+ hex digits. */
static RpObject *ud_decomposition(RpObject *m, RpObject *o)
{
    int c = char_arg("decomposition", "", o);
    if (c < 0)
        return NULL;
    const char *tag = "";
    const uint32_t *cps = NULL;
    int n = RpUnicodeDB_Decomposition(c, &tag, &cps);
    char buf[160];
    size_t len = (size_t)snprintf(buf, sizeof buf, "%s", tag);
    for (int i = 0; i < n && len < sizeof buf - 12; i++)
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%04X", len ? " " : "",
                                (unsigned)cps[i]);
    return RpUnicode_FromStringAndSize(buf, (Rp_ssize_t)len);
}

/* ---- names ------------------------------------------------------------------- */

static RpObject *ud_name(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    int c = char_default_args("name", args, nargs);
    if (c < 0)
        return NULL;
    char buf[RpUnicodeDB_NAME_MAX];
    size_t n = RpUnicodeDB_Name(c, buf);
    if (n == 0)
        return default_or(args, nargs, "no such name");
    return RpUnicode_FromStringAndSize(buf, (Rp_ssize_t)n);
}

static RpObject *ud_lookup(RpObject *m, RpObject *o)
{
    const char *s;
    Rp_ssize_t n;
    if (RpUnicode_Check(o)) {
        s = RpUnicode_UTF8(o);
        n = RpUnicode_UTF8_SIZE(o);
    } else if (RpStd_Buffer(o, &s, &n) < 0)
        return NULL;
    if (n > 256) {
        RpErr_SetString(RpExc_KeyError, "name too long");
        return NULL;
    }
    int c = RpUnicodeDB_Lookup(s, (size_t)n);
    if (c < 0) {
        RpObject *text = RpUnicode_DecodeUTF8(s, n, "replace");
        if (text != NULL) {
            RpErr_Format(RpExc_KeyError, "undefined character name '%U'", text);
            Rp_DECREF(text);
        }
        return NULL;
    }
    char out[4];
    int len = _RpUTF8_Write(out, c);
    return RpUnicode_FromStringAndSize(out, len);
}

/* ---- normalization (done by unicodedb.c) ---------------------------------- */

/* form: 0 NFC, 1 NFKC, 2 NFD, 3 NFKD; -1 with ValueError if unknown. */
static int form_arg(RpObject *form)
{
    static const char *const names[] = {"NFC", "NFKC", "NFD", "NFKD"};
    if (RpUnicode_Check(form)) {
        for (int i = 0; i < 4; i++) {
            if (strcmp(RpUnicode_UTF8(form), names[i]) == 0)
                return i;
        }
    }
    RpErr_SetString(RpExc_ValueError, "invalid normalization form");
    return -1;
}

static RpObject *normalize_impl(int form, RpObject *s)
{
    return RpUnicodeDB_Normalize(s, form == 1 || form == 3, form < 2);
}

/* (form, unistr): the form's index and the str, or -1 with an error. */
static int normalize_args(const char *fname, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional(fname, nargs, 2, 2))
        return -1;
    if (!RpUnicode_Check(args[0])) {
        RpErr_Format(RpExc_TypeError, "%s() argument 1 must be str, not %.50s", fname,
                     Rp_TYPE(args[0])->tp_name);
        return -1;
    }
    if (!RpUnicode_Check(args[1])) {
        RpErr_Format(RpExc_TypeError, "%s() argument 2 must be str, not %.50s", fname,
                     Rp_TYPE(args[1])->tp_name);
        return -1;
    }
    return form_arg(args[0]);
}

static RpObject *ud_normalize(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    int form = normalize_args("normalize", args, nargs);
    return form < 0 ? NULL : normalize_impl(form, args[1]);
}

static RpObject *ud_is_normalized(RpObject *m, RpObject *const *args, Rp_ssize_t nargs)
{
    int form = normalize_args("is_normalized", args, nargs);
    if (form < 0)
        return NULL;
    RpObject *r = normalize_impl(form, args[1]);
    if (r == NULL)
        return NULL;
    int same = RpUnicode_UTF8_SIZE(r) == RpUnicode_UTF8_SIZE(args[1])
               && memcmp(RpUnicode_UTF8(r), RpUnicode_UTF8(args[1]),
                         (size_t)RpUnicode_UTF8_SIZE(r)) == 0;
    Rp_DECREF(r);
    return RpBool_FromLong(same);
}

/* ---- module ------------------------------------------------------------------- */

static RpMethodDef unicodedata_functions[] = {
    {"lookup", (RpCFunction)ud_lookup, RP_METH_O, NULL},
    {"name", FAST(ud_name), RP_METH_FASTCALL, NULL},
    {"decimal", FAST(ud_decimal), RP_METH_FASTCALL, NULL},
    {"digit", FAST(ud_digit), RP_METH_FASTCALL, NULL},
    {"numeric", FAST(ud_numeric), RP_METH_FASTCALL, NULL},
    {"category", (RpCFunction)ud_category, RP_METH_O, NULL},
    {"bidirectional", (RpCFunction)ud_bidirectional, RP_METH_O, NULL},
    {"combining", (RpCFunction)ud_combining, RP_METH_O, NULL},
    {"east_asian_width", (RpCFunction)ud_east_asian_width, RP_METH_O, NULL},
    {"mirrored", (RpCFunction)ud_mirrored, RP_METH_O, NULL},
    {"decomposition", (RpCFunction)ud_decomposition, RP_METH_O, NULL},
    {"normalize", FAST(ud_normalize), RP_METH_FASTCALL, NULL},
    {"is_normalized", FAST(ud_is_normalized), RP_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

RpObject *RpInit_unicodedata(void)
{
    RpObject *m = RpModule_New("unicodedata");
    if (m == NULL)
        return NULL;
    if (RpModule_AddFunctions(m, unicodedata_functions) < 0
        || RpModule_AddStringConstant(m, "unidata_version", RpUnicodeDB_Version) < 0)
        Rp_CLEAR(m);
    return m;
}
