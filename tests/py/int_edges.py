# Ints at machine-word boundaries (2**31, 2**32, 2**63, 2**64, 2**127,
# their neighbours and negatives, zero and int(-0.0)) through every
# operator, conversion and formatting path.  Binary results are printed
# as (value mod a prime, bit length, sign); unary ones in full.
import sys

base = [0, int(-0.0), 1, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1,
        2 ** 63 - 1, 2 ** 63, 2 ** 63 + 1, 2 ** 64 - 1, 2 ** 64, 2 ** 64 + 1, 2 ** 127]
V = []
for v in base:
    for w in (v, -v):
        if w not in V:
            V.append(w)
print(len(V), V[:3], int(-0.0), repr(int(-0.0)), str(-0) == "0")
M = 999983


def c(x):
    if isinstance(x, tuple):
        return "(" + ",".join(c(y) for y in x) + ")"
    if isinstance(x, float):
        return repr(x)
    return "%d/%d%s" % (x % M, x.bit_length(), "-" if x < 0 else "")


def t(f):
    try:
        return c(f())
    except Exception as e:
        return type(e).__name__


for v in V:
    print(v, -v, +v, ~v, abs(v), bool(v), v.bit_length(), v.bit_count(), hash(v), hash(-v) == -hash(v) or v in (0, 1, -1),
          float(v), v == float(v), v < float(v) + 1)
    print("  fmt", format(v, ","), format(v, "_"), format(v, "x"), format(v, "#X"), format(v, "b"),
          format(v, "o"), format(v, "_x"), format(v, "_b")[-20:], format(v, "#_o"), format(v, "+30,"),
          format(v, "^40_d"), format(v, "0=25,"), format(v, "e"), "%x %o %d %i" % (v, v, v, v))
    for signed in (False, True):
        for order in ("little", "big"):
            try:
                n = (v.bit_length() + 8 + signed) // 8
                b = v.to_bytes(n, order, signed=signed)
                back = int.from_bytes(b, order, signed=signed)
                print("  bytes", signed, order, b.hex(), back == v)
            except OverflowError as e:
                print("  bytes", signed, order, "OverflowError", e)
            try:
                print("  tight", v.to_bytes((v.bit_length() + 7) // 8 or 1, order, signed=signed).hex())
            except OverflowError as e:
                print("  tight", "OverflowError", e)

for a in V:
    row = []
    for b in V:
        row.append(" ".join([
            t(lambda: a + b), t(lambda: a - b), t(lambda: a * b), t(lambda: a // b),
            t(lambda: a % b), t(lambda: divmod(a, b)), t(lambda: a / b),
            t(lambda: a & b), t(lambda: a | b), t(lambda: a ^ b),
            t(lambda: pow(a, b, 2 ** 61 - 1) if b >= 0 else pow(a, b, 97)),
            t(lambda: pow(a, 5, b)),
            str(a < b) [0] + str(a == b)[0] + str(a >= b)[0]]))
    print(a)
    for line in row:
        print(" ", line)

for a in V:
    print(a, [t(lambda: a << s) for s in (0, 1, 31, 32, 33, 63, 64, 65, 127, 128)],
          [t(lambda: a >> s) for s in (0, 1, 31, 32, 33, 63, 64, 65, 127, 128, 2 ** 70)],
          [t(lambda: a ** e) for e in (0, 1, 2, 3, 5)])
print(t(lambda: 1 << -1), t(lambda: 1 >> -1), t(lambda: 2 ** 64 << 2 ** 70), 0 << 2 ** 70, -1 >> 2 ** 70)
print(t(lambda: pow(2 ** 64, -1, 2 ** 64 + 1)), t(lambda: pow(2 ** 64, -1, 2 ** 64)), pow(-2 ** 63, 3, -2 ** 32 - 1))
print(int.from_bytes(b"\xff" * 8, "big", signed=True), int.from_bytes(b"\x80" + b"\x00" * 7, "big", signed=True),
      int.from_bytes(b"\x00" * 8 + b"\x80", "little", signed=True), int.from_bytes(b"", "big", signed=True))
print((2 ** 63).to_bytes(8, "big"), t(lambda: (2 ** 63).to_bytes(8, "big", signed=True)),
      (-2 ** 63).to_bytes(8, "big", signed=True), t(lambda: (-1).to_bytes(8, "big")))
