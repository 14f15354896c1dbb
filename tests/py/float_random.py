# Seeded differential test of float <-> text and float arithmetic: a
# self-contained LCG builds a few thousand doubles from raw bits over the
# whole range (subnormals, powers of two, integers, values near 10**k,
# halfway decimal strings) and prints what repr, str, float(), %-format,
# format(), round(), hex() and the arithmetic operators make of them.
# The expected output is CPython's, so every digit is pinned down.
import math

state = 19700101

def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state >> 11

def below(n):
    return rnd() % n

def rand_double():
    k = below(12)
    if k == 0:   # subnormal
        return math.ldexp(below(2**52) + 1, -1074)
    if k == 1:   # power of two
        return math.ldexp(1.0, below(2098) - 1074)
    if k == 2:   # small integer
        return float(below(10**below(17)))
    if k == 3:   # short decimal
        return float("%d.%de%d" % (below(1000), below(1000), below(40) - 20))
    if k == 4:   # near a power of ten
        p = 10.0 ** (below(600) - 300)
        for _ in range(below(3)):
            p = math.nextafter(p, math.inf if below(2) else 0.0)
        return p
    m = below(2**53) | 1 << 52
    return math.ldexp(m, below(2046) - 1074 - 52 + 1) if below(4) else math.ldexp(m, below(120) - 112)

def signed(v):
    return -v if below(4) == 0 else v

def rand_text():
    nd = 1 + below(25) if below(8) else 1 + below(400)
    digits = "".join(str(below(10)) for _ in range(nd))
    point = below(nd + 1)
    s = digits[:point] + "." + digits[point:]
    return s + "e%d" % (below(700) - 350)

def halfway_text(v):
    # the exact midpoint between v and its successor, as a decimal string,
    # and a string a hair above it
    up = math.nextafter(v, math.inf)
    if math.isinf(up):
        return []
    n1, d1 = v.as_integer_ratio()
    n2, d2 = up.as_integer_ratio()
    num, den = n1 * d2 + n2 * d1, 2 * d1 * d2
    # num/den = 10**e * digits: den is a power of two
    k = den.bit_length() - 1
    digits = str(num * 5**k)
    return [digits + "e-%d" % k, digits + "1e-%d" % (k + 1)]

FORMATS = ["%.0e", "%.3e", "%.16e", "%.0f", "%.2f", "%.10f", "%g", "%.3g", "%.17g",
           "%#g", "%#.0f", "%+.5e", "%r", "%s", "%.25g", "%12.4f", "%-12.3e|"]
SPECS = ["", ".0", ".1", ".5", ".17", "e", ".2e", "E", "f", ".3f", "F", "g", ".12g", "G",
         "%", ".1%", ",.2f", "_.3f", "+.4g", "#.3g", ">20.6", "^15.2e", "n", "z.1f"]

def fmt_line(v):
    out = [repr(v), str(v)]
    out.append(FORMATS[below(len(FORMATS))] % v)
    spec = SPECS[below(len(SPECS))]
    out.append(spec + "=" + format(v, spec))
    return " ".join(out)

count = 0
for i in range(1000):
    v = signed(rand_double())
    line = fmt_line(v)
    assert float(repr(v)) == v
    r = below(30) - 8
    line += " r%d=%r" % (r, round(v, r))
    line += " " + v.hex()
    assert float.fromhex(v.hex()) == v
    print(line)
    count += 1

for i in range(800):
    t = rand_text()
    v = float(t)
    print(t[:40], repr(v), repr(float("-" + t)))
    count += 1

for i in range(300):
    v = rand_double()
    for t in halfway_text(v):
        print(repr(float(t)))
        count += 1

def safe(f, *a):
    try:
        r = f(*a)
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        return type(e).__name__
    return repr(r)

for i in range(600):
    a, b = signed(rand_double()), signed(rand_double())
    if below(3) == 0:
        b = float(below(20) - 10)
    res = [safe(lambda: a + b), safe(lambda: a - b), safe(lambda: a * b),
           safe(lambda: a / b), safe(lambda: a // b), safe(lambda: a % b),
           safe(divmod, a, b), safe(lambda: a ** (below(7) - 3)),
           str(a < b) + str(a == b), safe(math.fmod, a, b),
           safe(math.hypot, a, b), safe(math.atan2, a, b)]
    print(" ".join(res))
    count += 1

for i in range(200):
    v = rand_double()
    res = [repr(hash(v)), safe(int, v), repr(v.is_integer()), safe(math.sqrt, v),
           safe(math.log, v), safe(math.exp, v % 700 if v < 1e300 else v),
           safe(math.floor, v), repr(math.frexp(v)), repr(v.as_integer_ratio()[1].bit_length())]
    print(" ".join(res))
    count += 1

vals = [rand_double() for _ in range(500)]
print(repr(math.fsum(vals)), repr(sum(vals)), repr(math.fsum(v * (-1) ** i for i, v in enumerate(vals))))
print(count, "cases")
