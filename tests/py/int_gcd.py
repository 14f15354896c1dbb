# math.gcd / math.lcm on big ints (Lehmer's algorithm in bigint.c): random
# multiples of a common factor, all-ones numbers, consecutive Fibonacci
# numbers (the worst case for Euclid), zeros, signs and powers of two.
import math, random
r = random.Random(99)
acc = 0
fib = [0, 1]
while len(fib) < 3000: fib.append(fib[-1] + fib[-2])
cases = [(0, 0), (0, 5), (2**200, 0), (2**200, 2**100), (3**300, 3**200 * 2), (fib[2999], fib[2998]), (fib[1500] * 7, fib[1499] * 7),
         (2**64 - 1, 2**32 + 1), (-(2**300), 6**100), (10**300, -(10**299) * 3)]
for _ in range(2000):
    g = r.getrandbits(r.choice([1, 30, 64, 100, 500, 3000]))
    a = g * r.getrandbits(r.choice([1, 31, 33, 64, 65, 200, 1000, 4000]))
    b = g * r.getrandbits(r.choice([1, 31, 33, 64, 65, 200, 1000, 4000]))
    cases.append((a, b))
    cases.append(((1 << r.randrange(2000)) - 1, (1 << r.randrange(2000)) - 1))
for a, b in cases:
    acc = (acc * 1000003 + math.gcd(a, b)) % (2**61 - 1)
print(acc, math.gcd(fib[2999], fib[2998]), math.gcd(*[6 * 2**200, 10 * 2**150, 15 * 2**100]), math.lcm(2**70, 3**50, 6**40) % 10**9)
