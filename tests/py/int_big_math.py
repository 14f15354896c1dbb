# math's integer functions and logs on big ints, int <-> bytes, and
# hashing/dict behaviour of big values.
import math

f1000 = math.factorial(1000)
print(len(str(f1000)), f1000 % (10**9 + 7), f1000 // 10**2560)
print(math.factorial(25), math.factorial(0), math.factorial(20), math.factorial(21))
f5000 = math.factorial(5000)
print(f5000.bit_length(), f5000 % 1000003)
f10k = math.factorial(10**4)
print(f10k.bit_length(), f10k % 998244353)
print(math.comb(100, 50), math.comb(2**70, 3), math.comb(10**20, 0), math.comb(5, 9), math.comb(1000, 500) % 10**9)
print(math.perm(50, 30), math.perm(2**64, 2), math.perm(30), math.perm(3, 5))
print(math.gcd(2**100, 6**50), math.gcd(-(3**100), 3**90 * 2), math.gcd(), math.gcd(0, -(2**80)), math.gcd(7**40, 11**40))
print(math.lcm(2**70, 3**40), math.lcm(-(2**65), 6), math.lcm(0, 2**100), math.lcm())
print(math.isqrt(10**100), math.isqrt(2**127), math.isqrt(10**100 - 1), math.isqrt(2**64 - 1), math.isqrt(2**64))
r = math.isqrt(3**401)
print(r, r * r <= 3**401 < (r + 1) ** 2)
print(math.log(10**400), math.log2(2**5000), math.log10(10**1000), math.log(2**3000, 2), math.log(2**100))
print(math.log10(3**2000), math.log1p(2**100), math.sqrt(2**200), math.exp(-(2**10)))
print(math.prod(range(1, 40)), math.prod([2**64] * 4), math.prod([2**64, 0.5]))
print(math.floor(2**100), math.ceil(-(2**100)), math.trunc(2**100), math.fabs(-(2**100)))
for f in [lambda: math.factorial(-1), lambda: math.factorial(2**64), lambda: math.comb(-1, 2),
          lambda: math.comb(2**64, 2**63), lambda: math.perm(5, -1), lambda: math.isqrt(-(2**100)),
          lambda: math.log(-(2**100)), lambda: math.log(0), lambda: math.sqrt(10**400), lambda: math.ldexp(1.0, 2**70),
          lambda: math.ldexp(1.0, -(2**70))]:
    try:
        print(f())
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print((2**100).to_bytes(13, 'big'), (-(2**100)).to_bytes(14, 'little', signed=True))
print((2**64 - 1).to_bytes(8, 'little'), (-(2**63)).to_bytes(8, 'big', signed=True), (255).to_bytes(1, 'big'))
print((-1).to_bytes(20, 'big', signed=True), (0).to_bytes(0, 'big'), (128).to_bytes(2, 'big', signed=True))
for args in [(2**64, 8, 'big', False), (2**63, 8, 'big', True), (-(2**63) - 1, 8, 'big', True), (-1, 30, 'big', False)]:
    try:
        print(args[0].to_bytes(args[1], args[2], signed=args[3]))
    except OverflowError as e:
        print('OverflowError', e)
print(int.from_bytes(b'\xff' * 20, 'big', signed=True), int.from_bytes(b'\x01' + b'\x00' * 20, 'big'))
print(int.from_bytes(b'\x80' + b'\x00' * 15, 'big', signed=True), int.from_bytes(bytes(range(40)), 'little'))
print(int.from_bytes(b'\x00\x00\x80' + b'\xff' * 9, 'little', signed=True), int.from_bytes(b'', 'big', signed=True))
for n in [2**200 + 12345, -(3**150), -(2**64), 2**64 - 1, -(2**63)]:
    b = n.to_bytes(40, 'big', signed=True)
    print(int.from_bytes(b, 'big', signed=True) == n, int.from_bytes(b[::-1], 'little', signed=True) == n)
d = {}
for i in range(50):
    d[2**(64 + i) + i] = i
    d[-(2**(64 + i))] = -i
print(len(d), d[2**100 + 36], d[-(2**90)], sum(d.values()))
print(sorted({2**65, 2**64, -(2**64), 2**63, 1.5, 2**64 + 0.0}))
print([hash(v) for v in [2**61 - 2, 2**61 - 1, 2**61, 2**62, 2**64, -(2**64), 2**122 - 1, 10**100, -(10**100)]])
print(hash(2.0**70) == hash(2**70), hash(-(2.0**100)) == hash(-(2**100)), hash(1e300) == hash(int(1e300)))
print(divmod(2.0**70, 2**35), 2**70 % 3.5, 2**100 * 1.5, 1.5 + 2**80, 2**80 - 0.5)
print((2**100).__round__(-10), 1e30 == 10**30, float(10**30) == 10**30, 10**22 == 1e22, 10**23 == 1e23)
