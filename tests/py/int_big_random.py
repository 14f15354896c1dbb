# Seeded differential test of big-int arithmetic: a self-contained LCG
# drives a few thousand operations on random ints (up to ~600 digits,
# negative values, edges at 2**32, 2**63, 2**64); every result is printed
# compactly (value mod a prime, bit length, sign) so that the expected
# output from CPython pins it down without being huge.
import math

state = 20240601

def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state >> 11

def below(n):
    return rnd() % n

EDGES = [0, 1, -1, 2, -2, 2**31, 2**32 - 1, 2**32, 2**32 + 1, -2**32,
         2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64 - 1, 2**64, 2**64 + 1,
         -2**64, 2**96, 2**128 - 1, 10**18, 10**19, -10**20, 3**40]
SIZES = [1, 3, 9, 18, 19, 20, 25, 40, 80, 150, 300, 600]

def rand_int():
    k = below(10)
    if k == 0:
        v = EDGES[below(len(EDGES))]
        return v + below(3) - 1 if below(2) else v
    nd = SIZES[below(len(SIZES))]
    nd = max(1, nd - below(nd // 2 + 1))
    v = 0
    while nd > 0:
        take = min(nd, 15)
        v = v * 10**take + below(10**take)
        nd -= take
    if below(7) == 0:
        v = (v | (2**(below(700)) - 1))      # long runs of one bits
    return -v if below(2) else v

M = 1000000007

def show(i, tag, r):
    if isinstance(r, tuple):
        print(i, tag, *[(x % M, x.bit_length()) for x in r])
    elif isinstance(r, float):
        print(i, tag, repr(r))
    elif isinstance(r, bool):
        print(i, tag, r)
    else:
        print(i, tag, r % M, r.bit_length(), (r > 0) - (r < 0))

def err(i, tag, f):
    try:
        show(i, tag, f())
    except (ZeroDivisionError, ValueError, OverflowError) as e:
        print(i, tag, type(e).__name__, e)

checks = 0
for i in range(700):
    a, b = rand_int(), rand_int()
    op = below(12)
    if op == 0:
        show(i, '+-', (a + b, a - b, b - a))
    elif op == 1:
        show(i, '*', a * b)
        assert (a * b) // (b or 1) == (a if b else a * b)
    elif op == 2:
        err(i, 'divmod', lambda: divmod(a, b))
        if b:
            q, r = divmod(a, b)
            assert q * b + r == a and (r == 0 or (r < 0) == (b < 0)) and abs(r) < abs(b)
            checks += 1
    elif op == 3:
        err(i, '//%', lambda: (a // b, a % b))
    elif op == 4:
        err(i, '/', lambda: a / b)
    elif op == 5:
        e = below(40)
        show(i, '**', a ** e if abs(a) < 10**40 else a ** (e % 5))
    elif op == 6:
        m = b if b else 7
        err(i, 'powmod', lambda: pow(a, abs(rand_int()) % 10**30, m))
        err(i, 'inv', lambda: pow(a, -1, m))
    elif op == 7:
        show(i, '&|^', (a & b, a | b, a ^ b, ~a))
    elif op == 8:
        s = below(200)
        show(i, '<<>>', (a << s, a >> s, b >> (s // 3)))
    elif op == 9:
        print(i, 'cmp', a < b, a <= b, a == b, a != b, a > b, a >= b, a == a + 0)
        print(i, 'hash', hash(a), hash(b), hash(-a))
    elif op == 10:
        s = str(a)
        print(i, 'str', len(s), s[:20], s[-20:], int(s) == a, int(hex(a), 16) == a,
              int(oct(a), 0) == a, int(bin(a), 0) == a)
        n = (a.bit_length() + 8) // 8
        print(i, 'bytes', int.from_bytes(a.to_bytes(n, 'little', signed=True), 'little', signed=True) == a,
              abs(a).to_bytes(n, 'big')[:6])
    else:
        err(i, 'float', lambda: float(a))
        print(i, 'fcmp', a < 1e300, a == float(a) if abs(a) < 10**308 else None, a > -1e19)
        print(i, 'gcd', math.gcd(a, b) % M, math.isqrt(abs(a)) % M, round(a, -5) % M)

print('checks', checks)
