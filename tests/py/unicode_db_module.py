# The unicodedata module: properties, names and lookup over (almost) every
# code point, plus examples and CPython's error messages.
import unicodedata as ud
from _unicode_ck import report

print(ud.unidata_version)
report("category", ud.category, 1)
report("bidirectional", ud.bidirectional, 1)
report("combining", ud.combining, 1)
report("east_asian_width", ud.east_asian_width, 1)
report("mirrored", ud.mirrored, 1)
report("decimal", lambda c: ud.decimal(c, -1), 1)
report("digit", lambda c: ud.digit(c, -1), 1)
report("numeric", lambda c: repr(ud.numeric(c, None)), 1)
report("decomposition", ud.decomposition, 1)
report("name", lambda c: ud.name(c, ""), 1)


def lookup(n):
    try:
        return ud.lookup(n)
    except KeyError:
        return None


def round_trip(c):
    n = ud.name(c, None)
    return 1 if n is None else int(lookup(n) == c) + 2 * int(lookup(n.lower()) == c)


report("lookup", round_trip, 4)

for c in "aA1 é½Ⅻ١٣\u0301\u200b\u3000가一豈\U00020000\U00017000𝔸😀\U000e0001\uffff\ud800":
    print(ascii(c), ud.category(c), repr(ud.bidirectional(c)), ud.combining(c),
          ud.east_asian_width(c), ud.mirrored(c), ud.decimal(c, None), ud.digit(c, None),
          ud.numeric(c, None), repr(ud.decomposition(c)), ud.name(c, None))
for n in ["LATIN SMALL LETTER SHARP S", "latin small letter sharp s", "EM DASH",
          "HANGUL SYLLABLE GAG", "HANGUL SYLLABLE WAEH", "CJK UNIFIED IDEOGRAPH-4E00",
          "CJK UNIFIED IDEOGRAPH-04E00", "CJK COMPATIBILITY IDEOGRAPH-F900",
          "TANGUT IDEOGRAPH-17000", "SNOWMAN", "GRINNING FACE", "DIGIT ZERO",
          "hangul syllable ga", "cjk unified ideograph-4e00", "CJK UNIFIED IDEOGRAPH-9FFF",
          "CJK UNIFIED IDEOGRAPH-A000", "NO SUCH THING", "", "TIBETAN MARK TSA -PHRU",
          b"BLACK STAR", "LATIN SMALL LETTER A "]:
    try:
        print(repr(n), ascii(ud.lookup(n)))
    except KeyError as e:
        print(repr(n), "KeyError", e)
for expr in ["ud.category('ab')", "ud.category(1)", "ud.name('ab')", "ud.name('ab', 1)",
             "ud.decimal('a')", "ud.digit('x')", "ud.numeric('x')", "ud.name('\\x00')",
             "ud.lookup('a' * 300)", "ud.lookup(1)", "ud.name()", "ud.name('a', 1, 2)",
             "ud.decimal('a', 'd')", "ud.combining('')", "ud.mirrored('(')"]:
    try:
        print(expr, repr(eval(expr)))
    except Exception as e:
        print(expr, type(e).__name__, e)
