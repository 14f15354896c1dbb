# Non-ASCII identifiers in source code: XID_Start/XID_Continue checks with
# CPython's "invalid character" errors, NFKC normalization (PEP 3131), and
# \N{...} escapes resolved through the Unicode name database.
ℕ = 1
ﬁle = 2
print(N, file, ℕ)


class K:
    ℌ = 3
    µ = 4      # MICRO SIGN normalizes to GREEK SMALL LETTER MU


print(K.H, getattr(K, "H"), K.μ, sorted(k for k in vars(K) if not k.startswith("_")))
ŝ = "s with circumflex"
print(ŝ, ascii(sorted(k for k in globals() if not k.isascii())))
def fonction_à_accents(paramètre, 変数=2):
    return paramètre + 変数
print(fonction_à_accents(paramètre=40), fonction_à_accents.__code__.co_varnames)

for src in ["x€ = 1", "a = 1 ⁄ 2", "ab\u200b = 1", "def f():\n    return 1 → 2",
            "١ = 3", "x١ = 3\nprint(x١)", "_\u0301 = 1", "\u0301x = 1", "a·b = 5\nprint(a·b)",
            "℘ = 1\nprint(℘)", "x = '\\N{no such name}'", "x = '\\N{DIGIT ONE'",
            "𝔘𝔫𝔦 = 7\nprint(Uni)", "ⅷ = 8\nprint(viii)", "Ⅻ = 12\nprint(XII)",
            "\u3000x = 1", "x = 1\u00a0+ 2", "print('\\N{LATIN SMALL LETTER SHARP S}')"]:
    try:
        exec(src, {})
    except SyntaxError as e:
        print(ascii(src), "SyntaxError", ascii(e.msg), e.lineno, e.offset, ascii(e.text))
    except NameError as e:
        print(ascii(src), "NameError", e)

print(ascii("\N{LATIN SMALL LETTER SHARP S}\N{EM DASH}\N{NULL}\N{CJK UNIFIED IDEOGRAPH-4E00}"),
      ascii("\N{HANGUL SYLLABLE GAG}\N{greek small letter alpha}\N{SNOWMAN}\N{GRINNING FACE}"),
      ascii(f"\N{BLACK STAR} {1 + 1}"), ascii("\N{KHITAN SMALL SCRIPT CHARACTER-18B00}\N{LINE FEED}"))
