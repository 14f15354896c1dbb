/* test_str.c -- C-level checks of the str/bytes core: hashing (equal to
 * CPython 3.11 with PYTHONHASHSEED=0), UTF-8 decoding errors, indexing of
 * non-ASCII text, interning, RpStrBuf, the format-spec parser and padding,
 * and RpUnicode_FromFormat. */
#include "rp.h"

static int failures;

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                    \
        }                                                                  \
    } while (0)

static int str_is(RpObject *o, const char *expect)
{
    int ok = o != NULL && strcmp(RpUnicode_UTF8(o), expect) == 0;
    if (!ok)
        fprintf(stderr, "  got %s, want %s\n", o ? RpUnicode_UTF8(o) : "(null)", expect);
    Rp_XDECREF(o);
    RpErr_Clear();
    return ok;
}

static void test_hash(void)
{
    static const struct { const char *s; long long h; } cases[] = {
        {"", 0}, {"a", 4644417185603328019LL}, {"abc", -4594863902769663758LL},
        {"\xc3\xa9", 6047309291227476195LL}, {"\xe2\x82\xacuro", 7542247858446192590LL},
        {"\xf0\x9f\x98\x80", -3536540696076613844LL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        RpObject *s = RpUnicode_FromString(cases[i].s);
        CHECK(s != NULL && (long long)_RpUnicode_Hash(s) == cases[i].h);
        Rp_XDECREF(s);
    }
    RpObject *b = RpBytes_FromString("abc");
    CHECK(RpObject_Hash(b) == -4594863902769663758LL);
    Rp_DECREF(b);
}

static void test_decode(void)
{
    RpObject *s = RpUnicode_DecodeUTF8("\xff", 1, NULL);
    CHECK(s == NULL && RpErr_ExceptionMatches(RpExc_UnicodeDecodeError));
    RpErr_Clear();
    CHECK(str_is(RpUnicode_DecodeUTF8("a\xff" "b\xe4", 4, "replace"), "a\xef\xbf\xbd" "b\xef\xbf\xbd"));
    CHECK(str_is(RpUnicode_DecodeUTF8("a\xff" "b", 3, "ignore"), "ab"));
    s = RpUnicode_DecodeUTF8("h\xc3\xa9llo", 6, NULL);
    CHECK(s && RpUnicode_GET_LENGTH(s) == 5 && !RpUnicode_IS_ASCII(s));
    CHECK(RpUnicode_ReadChar(s, 1) == 0xE9);
    Rp_XDECREF(s);
}

static void test_index_and_append(void)
{
    RpObject *acc = _RpUnicode_Empty();
    for (int i = 0; i < 200; i++) {
        RpObject *piece = RpUnicode_FromString(i % 2 ? "x" : "\xe2\x82\xac");
        RpUnicode_Append(&acc, piece);
        Rp_DECREF(piece);
    }
    CHECK(acc && RpUnicode_GET_LENGTH(acc) == 200);
    CHECK(RpUnicode_ReadChar(acc, 150) == 0x20AC && RpUnicode_ReadChar(acc, 199) == 'x');
    CHECK(str_is(RpUnicode_Substring(acc, 97, 100), "x\xe2\x82\xacx"));
    Rp_XDECREF(acc);
}

static void test_intern(void)
{
    RpObject *a = RpUnicode_InternFromString("refpy_intern_test");
    RpObject *b = RpUnicode_FromString("refpy_intern_test");
    RpUnicode_InternInPlace(&b);
    CHECK(a == b);
    Rp_DECREF(a);
    Rp_DECREF(b);
    CHECK(str_is(Rp_NewRef(RP_ID(default_)), "default"));
    CHECK(str_is(Rp_NewRef(RP_ID(__init__)), "__init__"));
}

static void test_format(void)
{
    RpFormatSpec f;
    RpObject *spec = RpUnicode_FromString("*^9.3");
    CHECK(_RpFormatSpec_Parse(spec, &f) == 0 && f.fill == '*' && f.align == '^' && f.width == 9
          && f.precision == 3);
    Rp_DECREF(spec);
    spec = RpUnicode_FromString("08");
    CHECK(_RpFormatSpec_Parse(spec, &f) == 0);
    CHECK(str_is(_RpFormatSpec_Pad(&f, "-42", 3, 1, '>'), "-0000042"));
    Rp_DECREF(spec);
    CHECK(str_is(RpUnicode_FromFormat("%s|%d|%zd|%.3s|%5d|%x|%%|%c", "ab", -3, (Rp_ssize_t)7,
                                      "abcdef", 42, 255, 0xE9),
                 "ab|-3|7|abc|   42|ff|%|\xc3\xa9"));
    RpStrBuf b;
    RpStrBuf_Init(&b);
    RpStrBuf_AppendStr(&b, "x=");
    RpStrBuf_AppendCodePoint(&b, 0x1F600);
    CHECK(str_is(RpStrBuf_Finish(&b), "x=\xf0\x9f\x98\x80"));
}

int main(void)
{
    if (Rp_Initialize() < 0)
        return 1;
    test_hash();
    test_decode();
    test_index_and_append();
    test_intern();
    test_format();
    Rp_Finalize();
    if (failures)
        fprintf(stderr, "test_str: %d failures\n", failures);
    return failures != 0;
}
