# Seeded differential test of big-int arithmetic, driven by random (whose
# Mersenne Twister matches CPython's): 3600 operations on ints from one
# bit to ~12000 bits -- large enough for the recursive (Burnikel-Ziegler)
# division and the divide-and-conquer decimal conversions -- including
# sparse, all-ones and power-of-ten-like operands.  Results print as
# (value mod a prime, bit length, sign) so CPython's output pins them down.
# Each operand costs one 62-bit draw, stretched over a fixed random pool,
# so that the test spends its time in int arithmetic, not in random.
import math
import random
import sys

sys.set_int_max_str_digits(0)
rng = random.Random(31337)
POOL = rng.getrandbits(14000) | 1
M = 1000000007
BITS = [1, 2, 31, 32, 33, 63, 64, 65, 96, 127, 128, 129, 200, 500, 1000, 2047, 2048,
        2049, 2100, 3000, 4100, 6000, 8200, 12000]


def rand_int():
    k = rng.getrandbits(62)
    bits = BITS[k % len(BITS)]
    k //= len(BITS)
    kind, k = k % 8, k // 8
    neg, k = k % 5 < 2, k // 5
    if kind == 0:
        v = (1 << bits) - 1                         # all ones
    elif kind == 1:
        v = (1 << bits) | (POOL >> k % 1000) % (1 << (bits // 3 + 1))   # sparse top
    elif kind == 2:
        v = 10 ** (bits * 3 // 10 + 1) - k % 3      # near a power of ten
    else:
        v = ((POOL * (k | 1)) >> (k % 1500)) % (1 << bits)
    return -v if neg else v


def c(x):
    if isinstance(x, tuple):
        return " ".join(c(y) for y in x)
    if isinstance(x, (bool, float, str)):
        return repr(x)
    return "%d/%d%s" % (x % M, x.bit_length(), "-" if x < 0 else "")


def run(i, tag, f):
    try:
        r = f()
    except (ZeroDivisionError, ValueError, OverflowError) as e:
        r = type(e).__name__
        print(i, tag, r)
        return
    print(i, tag, c(r))


for i in range(3600):
    a, b = rand_int(), rand_int()
    k = rng.getrandbits(40)
    op, k = k % 14, k // 14
    if op == 0:
        run(i, "+-", lambda: (a + b, a - b))
    elif op == 1:
        run(i, "*", lambda: a * b)
    elif op == 2:
        run(i, "divmod", lambda: divmod(a, b))
        if b:
            q, r = divmod(a, b)
            assert q * b + r == a and abs(r) < abs(b) and (r == 0 or (r < 0) == (b < 0)), i
    elif op == 3:
        # a dividend about twice the divisor, as the recursive division likes
        d = b or 3
        n = a * d + (POOL >> k % 500) % (abs(d) or 1)
        run(i, "div2", lambda: (n // d, n % d))
        assert (n // d) * d + n % d == n, i
    elif op == 4:
        run(i, "/", lambda: a / b)
    elif op == 5:
        m = b >> max(0, abs(b).bit_length() - 2500)    # moduli up to 2500 bits
        run(i, "pow", lambda: pow(a, abs(b) % 3000, m))
    elif op == 6:
        s = k % 300
        run(i, "<<>>", lambda: (a << s, a >> s, (a << s) >> s == a))
    elif op == 7:
        run(i, "&|^~", lambda: (a & b, a | b, a ^ b, ~a))
    elif op == 8:
        s = str(a)
        run(i, "str", lambda: (len(s), s[:12], s[-12:], int(s) == a, int(s[::-1].rstrip("-") or "0") % M))
    elif op == 9:
        s = "0" * (k % 3) + str(POOL >> k % 1000)[:k % 4000 + 1]
        if k % 5 == 0 and len(s) > 1:
            s = s[:1] + "_" + s[1:]
        run(i, "int", lambda: int(s))
    elif op == 10:
        x, y = a >> max(0, abs(a).bit_length() - 3000), b >> max(0, abs(b).bit_length() - 2000)
        run(i, "gcd", lambda: (math.gcd(x, y), math.isqrt(abs(x))))
    elif op == 11:
        run(i, "cmp", lambda: (a < b, a == b, a >= b, a == a + 0, hash(a) == hash(a + 0)))
    elif op == 12:
        run(i, "hex", lambda: (hex(a)[-10:], len(format(a, "o")), format(a, "_x")[:14], int(hex(a), 16) == a))
    else:
        e = k % 60
        run(i, "**", lambda: a ** e if abs(a).bit_length() < 300 else a ** (e % 4))
print("done")
