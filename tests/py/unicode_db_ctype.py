# str predicates over a sample of all code points, against CPython's
# Unicode 14.0 database; checksums keep the output short.
from _unicode_ck import report


def flags(c):
    return (c.isalpha() | c.isdecimal() << 1 | c.isdigit() << 2
            | c.isnumeric() << 3 | c.islower() << 4 | c.isupper() << 5
            | c.istitle() << 6 | c.isprintable() << 7 | c.isspace() << 8
            | c.isalnum() << 9 | c.isidentifier() << 10
            | ("a" + c).isidentifier() << 11)


report("flags", flags)
report("flags2", flags, 3)
report("lines", lambda c: len(("a" + c + "b").splitlines()))
report("repr", repr)
report("decimal", lambda c: int(c) if c.isdecimal() else -1)

# readable examples
samples = ["straße", "ﬁﬂ ﬀ", "İstanbul", "ΣΊΣΥΦΟΣ", "ὈΔΥΣΣΕΎΣ", "ǆemal ǈ ǋ",
           "ŉ ǰ ΐ", "ᾳ ᾼ ῼ", "Ⴀ ა ᲀ", "ꭰ Ꭰ", "𐐀𐐨", "𞤀𞤢", "ǅungla",
           "μ µ ſ", "Ǳ ǲ ǳ"]
for s in samples:
    print(ascii(s), ascii(s.upper()), ascii(s.lower()), ascii(s.title()),
          ascii(s.casefold()), ascii(s.swapcase()), ascii(s.capitalize()))
for s in ["ΑΣ", "ΑΣ.", "Α'Σ", "ΣΑ", "Σ", "ΑΣΑ", "Α.Σ.Α", "ΑΣ\u0301", "A\u0301Σ b"]:
    print(ascii(s), ascii(s.lower()), ascii(s.swapcase()), ascii(s.title()))
for s in ["Ⅻ", "①", "٣", "²", "½", "〇", "𝟘", "ǅ", "ᾈ", "Ⓐ", "ⓐ"]:
    print(ascii(s), s.isalpha(), s.isdecimal(), s.isdigit(), s.isnumeric(),
          s.islower(), s.isupper(), s.istitle())
print("ǅ".istitle(), "Ǆǅ".istitle(), "ǅa".istitle(), "ᾈa ᾈ".istitle())
print("\u2028".join("ab"), ascii("a\u2028b\u2029c\x85d\x1ce".splitlines()))
print(ascii(" \u3000\u2003x\u00a0".strip()), ascii("a\u2003b".split()))
