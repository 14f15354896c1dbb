# int(), float(), complex() and identifiers with non-ASCII text: Unicode
# decimal digits and spaces count like their ASCII forms.
for s in ["٣", "١٢٣", " ٤٥ ", "\u3000७\u2003", "𝟗𝟖", "١_٢", "-٣", "+۹", "٣x", "²", "½",
          "٣.٥", "١\u0660", "\u0e51\u0e52", "\u2007\u0661"]:
    for f in (int, float):
        try:
            print(ascii(s), f.__name__, repr(f(s)))
        except ValueError as e:
            print(ascii(s), f.__name__, "ValueError", ascii(str(e)))
print(int("١٠", 16), int("٧", 8), int("0x١٠", 0), float("١e٣"), float("-\u0661.\u0665"))
try:
    int("٣x", 16)
except ValueError as e:
    print(ascii(str(e)))
for s in ["x", "_x", "é", "ﬁ", "x\u0301", "\u0301x", "1x", "x1", "٣", "x٣", "ℕ", "℘", "ⅷ",
          "a·b", "·", "\u2118x", "x\u00b7", "$", "a-b", "\u3005", "𝔸", "x\u200d", ""]:
    print(ascii(s), s.isidentifier())
for s in ["a\u0378b", "\u200b", "\U000e0001", "\U0001f600", "\ue000", "\ud800", "\u00ad",
          "\u2028", "\u3000", "\u0600", "\U00010000", "\U0003134a", "\U0003134b"]:
    print(ascii(s), repr(s).encode("utf-8", "surrogatepass"), s.isprintable())
for s in ["١+٢j", "(٣.٥-\u0661j)", "\u2003٤j\u3000", "٣x", "\u0661e\u0662"]:
    try:
        print(ascii(s), complex(s))
    except ValueError as e:
        print(ascii(s), "ValueError", e)
