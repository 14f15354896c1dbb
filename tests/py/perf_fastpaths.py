# Fast paths added for speed must agree with the general code: int // and %
# near the 32-bit and 64-bit edges, str(int) and "%d", str searching with
# short and long needles, and code-point counting of mixed UTF-8.

vals = [0, 1, 2, 7, 9, 10, 255, 256, 257, 2**31 - 1, 2**31, 2**32 - 1, 2**32,
        2**32 + 1, 2**63 - 1, 2**63, 2**64, 10**20]
vals += [-v for v in vals]
divs = [1, 2, 3, 7, 10, 2**31 - 1, 2**32 - 1, 2**32, 2**33, 2**63 - 1, 2**63]
divs += [-d for d in divs]
acc = 0
for x in vals:
    for y in divs:
        q, r = x // y, x % y
        assert q * y + r == x and divmod(x, y) == (q, r)
        acc = (acc * 31 + q + 7 * r) % 1000000007
print("divmod", acc)
print(7 // 2, 7 % 2, -7 // 2, -7 % 2, 7 // -2, 7 % -2, (2**32 - 1) // 3, (2**32 - 1) % 10)

for v in [0, 1, -1, 9, 10, -10, 99, 100, 12345, -12345, 2**31, 2**63 - 1, -2**63, 2**63, -2**63 - 1]:
    print(str(v), repr(v), "%d" % v, "%i|%u" % (v, v), "%5d|%-5d|%05d|%+d|% d|%.3d" % (v, v, v, v, v, v))
print("%d %d %s" % (True, False, True), "[%d]" % 3.99, "%d%%" % 50)


class MyInt(int):
    def __str__(self):
        return "MyInt!"


print("%d" % MyInt(42), str(MyInt(42)), f"{12345:,}", f"{-7}")

hay = "abracadabra-abracadabra xyzzy-xyzzy " * 3 + "é日本語ünïcödé" * 2
needles = ["a", "ab", "abr", "bra", "cad", "ra-", "abracada", "abracadab",
           "abracadabra-abracadabra", "xyzzy ", "zz", "q", "qq", "日本", "本語ü",
           "dé", "é日", hay, hay + "x", "y-x", " ", "  "]
for nd in needles:
    print(repr(nd[:12]), hay.find(nd), hay.rfind(nd), hay.count(nd), nd in hay,
          hay.index(nd) if nd in hay else None, len(hay.split(nd)),
          hay.partition(nd)[0][-5:], hay.replace(nd, "<>")[-20:])
print("aaaa".count("aa"), "aaaaa".replace("aa", "b"), "abab".find("ab", 1), "ab".find("abc"),
      "".find("ab"), "a".count("ab"), "aXbXc".split("X", 1))

# lengths of strings whose multibyte characters straddle 8-byte words
for n in range(0, 20):
    for ch in ["é", "日", "😀", "a"]:
        s = "x" * n + ch * 3 + "y" * (n // 2)
        assert len(s) == n + 3 + n // 2, (n, ch)
        assert len((s + "!").upper()) == len(s) + 1
        assert s.isascii() == (ch == "a")
print("lengths ok", len("ü" * 1000), len("日本" * 333 + "x"), ("é" * 20).isascii())

# ASCII case mapping touches letters only; split() on ASCII whitespace,
# including the \x1c-\x1f separators str.split() also treats as spaces
edge = "@AZ[`az{ 09_-~\x7f"
print(edge.upper(), edge.lower(), edge.swapcase(), edge.casefold(), "".upper() == "",
      "a".upper() == "A", "Q".lower(), "mIxEd CaSe 123".swapcase(), "ß".upper(), "ǅ".lower())
for s in ["", " ", "a", " a ", "a b", "\t\na\x0bb\x0cc\rd\x1ce\x1df\x1eg\x1fh i\x85j\xa0k\u3000l",
          "  leading", "trailing  ", "one", "é è  ê", "x\u2003y"]:
    print(s.split(), s.split(None, 1), s.rsplit(None, 1), s.strip().split())
