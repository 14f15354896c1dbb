# String processing: split/join/strip/replace/translate, slicing with steps, unicode.

text = "  The Quick Brown Fox -- jumps over the LAZY dog!  \t\n"
print(repr(text.strip()), repr(text.lstrip()), repr(text.rstrip(" \n\t!")))
print(text.split(), text.split(" ", 3), text.strip().split("--"))
print(text.strip().rsplit(" ", 2), "a,b,,c".split(","), "a,b,,c".split(",", 1))
print("line1\nline2\r\nline3\n".splitlines(), "x\ny\n".splitlines(keepends=True))
print("-".join(["a", "b", "c"]), "".join(reversed("stressed")), ", ".join(map(str, range(5))))
s = "Mississippi"
print(s.replace("ss", "SS"), s.replace("i", "!", 2), s.count("ss"), s.count("i", 5))
print(s.find("ss"), s.rfind("ss"), s.find("xx"), s.index("pp"), s.startswith(("Mi", "x")), s.endswith("pi"))
try:
    s.index("zz")
except ValueError as e:
    print("ValueError:", e)
print(s[::2], s[::-1], s[1:8:3], s[-3:], s[:-3], s[100:], s[-100:2], s[5:1:-1])
print(s.upper(), s.lower(), s.swapcase(), s.casefold(), "hello world".title(), "hello".capitalize())
print(s.partition("ss"), s.rpartition("ss"), s.partition("zz"))
print("42".zfill(6), "-42".zfill(6), "abc".center(9, "*"), "abc".ljust(6, ".") + "|", "abc".rjust(6) + "|")
print("a\tb\tc".expandtabs(4), "isdigit", "123".isdigit(), "12.3".isdigit(), "abc".isalpha(),
      "ab1".isalnum(), "   ".isspace(), "Title Case".istitle(), "UP".isupper(), "low".islower())
print("hello"[1], "hello"[-1], len("héllo"), "héllo".encode("utf-8"), b"h\xc3\xa9llo".decode("utf-8"))

rot13 = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                      "nopqrstuvwxyzabcdefghijklmNOPQRSTUVWXYZABCDEFGHIJKLM")
secret = "Hello, World!".translate(rot13)
print(secret, secret.translate(rot13))
strip_vowels = str.maketrans("", "", "aeiouAEIOU")
print("Programming in Python".translate(strip_vowels))
print("abc".translate({ord("a"): "AA", ord("b"): None, ord("c"): 120}))

uni = "naïve café — 日本語 😀 Ωmega"
print(len(uni), uni.upper(), uni[::-1], [c for c in uni if ord(c) > 127])
print([hex(ord(c)) for c in "é日😀"], chr(0x1F600), chr(233), "\u00e9" == "é", "\N{GREEK SMALL LETTER ALPHA}")
print(uni.encode("utf-8")[:12], len(uni.encode("utf-8")), uni.encode("ascii", "replace")[:14])
print(uni.encode("ascii", "ignore"), ascii(uni)[:30], repr("tab\there"), repr("quote'"), repr('both\'"'))
print("ß".upper(), "ǅ".lower(), "İ".lower().encode(), "ﬁ".upper(), "Straße".casefold())
print(sorted(["banana", "Apple", "cherry", "apple"]), sorted(["banana", "Apple", "cherry"], key=str.lower))
print("é" < "z", "Z" < "a", max("hello"), min("hello"), "abc" * 3, "-" * 20)


def caesar(msg, shift):
    out = []
    for ch in msg:
        if ch.isalpha() and ch.isascii():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)


enc = caesar("Attack at Dawn, 5am!", 3)
print(enc, caesar(enc, -3))


def wrap(text, width):
    words, lines, cur = text.split(), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    if cur:
        lines.append(cur)
    return lines


para = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore"
for ln in wrap(para, 28):
    print(f"|{ln:<28}|")


def is_palindrome(s):
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]


for p in ["A man, a plan, a canal: Panama", "race a car", "No 'x' in Nixon", ""]:
    print(f"{p!r:>35} -> {is_palindrome(p)}")

csv = "name;age;city\nAnn;34;Oslo\nBob;27;Rome\n;;\nCid;41;Paris"
rows = [line.split(";") for line in csv.splitlines()]
header, *body = rows
records = [dict(zip(header, r)) for r in body if any(r)]
print(records)
print(" | ".join(h.upper().ljust(5) for h in header))
for r in records:
    print(" | ".join(r[h].ljust(5) for h in header))
print("%s is %d" % ("x", 5), "{0}{1}{0}".format("ab", "cd"), "{name}-{n:03}".format(name="id", n=7))
print(str(123), str(1.5), str(None), str([1, "a"]), repr(1.0), int("  42 "), float(" -1.5e3 "))
print("a b".split(" "), " a  b ".split(" "), "".split(), "".split(","), "abc".split("abc"))
print("x".join("abc"), "hello world".removeprefix("hello "), "file.tar.gz".removesuffix(".gz"))
print("%-10s|" % "é", f"{'日本':>6}|", "{:^7}|".format("ü"), "tschüß".encode("latin-1"))
b = bytearray(b"hello")
b[0] = ord("J")
b.extend(b" world")
print(b, bytes(b).upper(), b.find(b"o"), b[1:4], list(b[:3]), b.hex(), bytes.fromhex("414243"))
print(str(b"bytes"), b"a,b".split(b","), b"  x ".strip(), b"abc" + b"def", b"%d-%s" % (5, b"x"))
