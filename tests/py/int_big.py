# Arbitrary-precision int: construction, arithmetic, comparisons, hashing
# and identity of small ints.
import sys

print(2**100, -2**100, 2**64, 2**63, -2**63, 2**63 - 1, 2**64 - 1)
print(type(2**100), (2**100).__class__ is int)
print(int('300') is int('300'), int('256') is int('256'), int('-5') is int('-5'))
print(9223372036854775807 + 1, -9223372036854775808 - 1, 4294967296 * 4294967296)
print(-(-2**63), abs(-2**63), (-2**63) * -1, (-2**63) // -1, divmod(-2**63, -1))
x = 1
for i in range(1, 60):
    x *= i
print(x)
print(x // 10**20, x % 10**20, -x // 10**20, -x % 10**20)
print(divmod(10**40, -3**30), divmod(-10**40, 3**30), divmod(-10**40, -3**30))
print(3**200)
print((3**200) // (7**50), (3**200) % (7**50))
print(2**10000 % 1000007, len(str(2**10000)))
E = 10**30   # a variable: the compiler's constant folder leaves huge exponents alone
print(2**-2, (-2)**63, (-2)**64, (-3)**41, 0**0, 1**E, (-1)**(E + 1), 0**E, (2**100)**0)
print(10**30 / 7, (2**1000 + 1) / 2**999, 1 / 3**700, 2**2000 / 3**1000, -(10**400) / 10**399)
print(1 / 2**1074, 1 / 2**1075, 3 / 2**1076, (2**1080 + 1) / 2**2154, 2**1024 // 3 / 2**1000)
try:
    print(10**400 / 3)
except OverflowError as e:
    print('OverflowError', e)
try:
    print(10 ** 10 / 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
print(hash(2**100), hash(-2**100), hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(-1), hash(-2))
print(hash(2**64) == hash(2.0**64), hash(10**30) == hash(float(10**30)), hash(2**200 - 1))
print({2**100: 'a', 2.0**100: 'b'}, len({2**70, 2**70 + 0, float(2**70)}))
print(2**100 > 2**99, -2**100 < -2**99, 2**100 == 2**100, 2**100 != 2**100 + 1)
print(2**64 < 2**63, -2**64 < 2**63, sorted([2**70, -2**70, 5, 2**65, -3, 0, 2**64 - 1]))
print(max(2**100, 3**60), min(-2**100, -(3**70)))
print(2**53 + 1 == float(2**53), 2**53 == float(2**53), 2**64 == 2.0**64, 2**64 + 1 > 2.0**64)
print(2**100 > 1e30, 2**100 < 1e31, 1e300 < 10**301, 10**400 > 1e308, -10**400 < -1e308)
print(10**400 < float('inf'), -10**400 > float('-inf'), 10**400 == float('nan'), 2**63 == 9.223372036854775808e18)
print(2**63 - 1 < 9.223372036854775808e18, 2**63 + 1 > 9.223372036854775808e18)
print(float(2**100), float(10**300), float(-(2**64 + 1)), float(2**53 + 1), float(2**54 + 3))
print(float(2**1024 - 2**971), float(10**308 + 10**291), float(2**1024 - 2**970 - 1))
try:
    print(float(10**400))
except OverflowError as e:
    print('OverflowError', e)
try:
    print(float(2**1024 - 2**970))
except OverflowError as e:
    print('OverflowError', e)
print(int(1e300) == 10**300, int(1e300), int(-1e20), int(2.0**64), int(-2.0**63), int(1.5e19))
print(int(9.999e22), int(float(2**1023)))
print((2**100) & (2**99 + 5), -2**100 | 3, -2**100 ^ -5, ~2**100, ~-2**100)
print((-2**100) >> 3, (-2**100 - 1) >> 99, (-2**100 - 1) >> 100, (-2**100 - 1) >> 101, -(2**100) >> 1000)
print(1 << 100, (2**100) >> 50, -1 >> 1000, -1 << 100, 5 << 63, -5 << 62, 2**63 >> 1)
print(-2**64 & 0xffffffffffffffffff, (2**64 - 1) & -2**32, -(2**70) & -(2**65 + 1), -(2**70) | -(2**65 + 1))
print((2**128 - 1) ^ (2**64 - 1), (-1) ^ 2**100, 0 & 2**100, 0 | -2**100)
print(True + 2**64, 2**64 * True, 2**64 & True, (2**64 + 1) & True, -True * 2**63)
try:
    print(1 >> -1)
except ValueError as e:
    print('ValueError', e)
try:
    print(2**100 << -1)
except ValueError as e:
    print('ValueError', e)
print(pow(3, 10**20, 10**9 + 7), pow(3, -1, 7), pow(2**100, -1, 10**9 + 7), pow(-3, 5, -7))
print(pow(2**100 + 3, 2**80 + 1, 3**50), pow(-(2**90), 3**30, -(5**40)), pow(5, -3, 2**70 + 3))
print(pow(7, 0, 1), pow(7, -1, 1), pow(2**100, 0, -5))
for args in [(2, -1, 4), (2**70, -1, 2**71), (2, 5, 0)]:
    try:
        print(pow(*args))
    except ValueError as e:
        print('ValueError', e)
print(-(2**100), +(2**100), abs(-(2**100)), bool(2**100), bool(-(2**100)), not 2**100)
print((2**100).bit_length(), (-(2**100)).bit_length(), (2**100 - 1).bit_length(), (2**100 - 1).bit_count(),
      (-(2**100 - 1)).bit_count(), (2**64).bit_length())
print((-2**100).as_integer_ratio(), (2**100).real, (2**100).imag, (2**100).numerator, (2**100).denominator)
print((2**100).conjugate(), (2**100).__trunc__(), (2**100).__floor__(), (2**100).__ceil__())
print(round(12345678901234567890123, -5), round(-2**80, -3), round(2**80, -30), round(10**25 + 5 * 10**4, -5),
      round(10**25 + 15 * 10**4, -5), round(-(10**25 + 5 * 10**4), -5), round(2**100, 5), round(5 * 10**20, -21))
print(round(2**100, -200), round(2**100, 2**70), round(-5, -1), round(15, -1), round(25, -1))
print(sum(range(10**6)), sum([2**64] * 3), sum([2**63 - 1, 1, -(2**64)]))
a = 2**63 - 10
for i in range(20):
    a += 1
print(a, a - 2**63)
lst = [1, 2, 3]
for idx in [2**100, -2**100, 2**63]:
    try:
        lst[idx]
    except IndexError as e:
        print('IndexError', e)
try:
    'abc' * 2**100
except OverflowError as e:
    print('OverflowError', e)
print([1, 2, 3][-2**1], (1, 2)[2**0])
print(list(range(2**64, 2**64 + 3)) if False else 'skip-range')
class MyInt(int):
    pass
m = MyInt(2**100)
print(m, type(m).__name__, m + 1, type(m + 1).__name__, m == 2**100, hash(m) == hash(2**100), -m, int(m))
print(MyInt('1' * 30), MyInt(-(2**70)) // 3, MyInt(5) * 2**64)
print(isinstance(2**100, int), (2**100).__sizeof__() > (5).__sizeof__())
print(int.__new__(int, 2**80), int(2**80), int(MyInt(2**90)), type(int(MyInt(2**90))).__name__)
print(2**100 in {2**100}, {2**100: 1}[2**100], [2**70, 1].index(2**70), (2**64).__index__())
print(sys.maxsize + 1, -sys.maxsize - 2, sys.maxsize * 2)
