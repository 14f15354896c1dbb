# unicodedata.normalize / is_normalized: every sampled code point alone and
# in small sequences with combining marks (NFC, NFD; unicode_db_normalize2
# does NFKC, NFKD), examples, and random strings in all four forms.
import unicodedata as ud
from _unicode_ck import report

FORMS = ("NFC", "NFD", "NFKC", "NFKD")
for form in FORMS[:2]:
    report(form, lambda c: ud.normalize(form, c))
    report(form + "+marks", lambda c: ud.normalize(form, "a" + c + "\u0323\u0301" + c + "\u0307"))
    report(form + "?", lambda c: ud.is_normalized(form, c + "\u0301"))

tests = ["e\u0301", "\u00e9", "A\u030a", "\u212b", "\u1e9b\u0323", "ﬁ", "x²", "①",
         "\u1100\u1161\u11a8", "\uac00\u11a8", "가각", "\u1100\u1161", "\u1100\u0301\u1161",
         "a\u0323\u0302", "a\u0302\u0323", "\u0344", "\u0f73", "\u0958", "q\u0307\u0323",
         "\u00c5\u0327", "\u1026\u102e", "\u0b47\u0b3e", "\u0cc6\u0cc2\u0cd5", "\U0001d15e",
         "\u3131\u314f", "Äffin ﬃ Å", "\u0627\u0653", "\u05d0\u05b7", "", "abc",
         "\u1e0a\u0323", "\u1e0c\u0307", "\u0041\u0300\u0315\u0300", "\u03d3", "\u2126",
         "\u3070", "\u306f\u3099", "\uff8a\uff9e", "\u0300a", "\u00a8\u0301"]
for t in tests:
    print(ascii(t), " ".join(ascii(ud.normalize(f, t)) for f in FORMS),
          "".join("1" if ud.is_normalized(f, t) else "0" for f in FORMS))
for expr in ["ud.normalize('nfc', 'a')", "ud.normalize('NFC', 1)", "ud.normalize(1, 'a')",
             "ud.is_normalized('NFX', 'a')", "ud.normalize('NFC')"]:
    try:
        print(expr, repr(eval(expr)))
    except Exception as e:
        print(expr, type(e).__name__, e)

# Random strings over characters that interact in composition: starters
# with decompositions, marks of several classes, jamo, composition
# exclusions, non-starter decompositions.  A fixed LCG keeps it determinate.
POOL = ("aeoAEOuUnNsScCgGkK\u00c5\u00e9\u00f4\u1e9b\u212b\u0300\u0301\u0302\u0303\u0308"
        "\u030a\u0323\u0327\u0328\u0331\u0345\u0315\u031b\u0344\u0340\u0f73\u0f71\u0f72"
        "\u1100\u1101\u1161\u1175\u11a8\u11c2\u11a7\uac00\uac01\ud7a3\u3099\u309a\u306f"
        "\u30cf\u0915\u093c\u0958\u05b7\u05d0\ufb2e\u0627\u0653\u0654\u0655\u1026\u102e"
        "\u0b47\u0b3e\u0b56\u0cc6\u0cc2\u0cd5\u0dd9\u0dcf\u0ddf\u1b05\u1b35\u03b1\u0391"
        "\u1f00\u0313\u0314\u0342\u03a9\u2126\ufb01\u00bd\u2460\u3131\uff76\uff9e\u00a8")
seed = 12345
results = []
for n in range(3000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    length = 1 + seed % 7
    s = ""
    for k in range(length):
        seed = (seed * 1103515245 + 12345) % 2147483648
        s += POOL[(seed >> 8) % len(POOL)]
    results.append("|".join(ud.normalize(f, s) for f in FORMS))
    if n < 8:
        print(ascii(s), ascii(results[-1]))
from _unicode_ck import checksum
print("random", checksum(results))
