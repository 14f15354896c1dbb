# Big-integer arithmetic: a pidigits spigot (Gibbons' unbounded algorithm)
# and factorials -- multiplication, division and int->str of big ints.
import math


def pidigits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = (q * k, (2 * q + r) * x, t * x, k + 1,
                                (q * (7 * k + 2) + r * x) // (t * x), x + 2)
    return "".join(map(str, out))


digits = pidigits(4000)
print(digits[:20], digits[-10:])
f = math.factorial(20000)
print(f.bit_length(), len(str(math.factorial(1000))))
print(sum(int(c) for c in str(3 ** 5000)))

# int <-> str near the default 4300-digit limit, and big division.
x = 7 ** 4700                       # 3972 digits
n = 0
for _ in range(300):
    s = str(x)
    n += int(s) == x
print(n, len(s), len(format(x, ",")))
a, b = 3 ** 20000, 7 ** 4000
print(sum(divmod(a, b)[1] % 1000 for _ in range(50)))
