# int arithmetic: floor division/modulo signs, pow, shifts, bit ops, bool
for a in (7, -7, 0, 1, -1, 13):
    for b in (2, -2, 3, -3, 1):
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b), a / b)
print(2 ** 10, (-2) ** 3, 2 ** -1, 10 ** 0, 0 ** 0, 3 ** 39)
print(pow(2, 10, 1000), pow(3, -1, 7), pow(-2, 3, 5), pow(2, 3, -5), pow(5, 0, 1))
print(1 << 10, 1 << 62, -1 << 3, 1024 >> 3, -1024 >> 3, -1 >> 100, 5 >> 70)
print(6 & 3, 6 | 3, 6 ^ 3, ~5, ~-1, -6 & 3, -6 | 3, -6 ^ 3)
print(abs(-5), -(-5), +5, abs(0))
print(7 == 7.0, 7 < 7.5, 2**53 + 1 == float(2**53 + 1), 9007199254740993 > 9007199254740992.0)
print(True + True, True * 3, True & False, True | False, True ^ True, -True, ~True)
print(type(True & False).__name__, type(True & 1).__name__, type(True + True).__name__)
print(True == 1, False == 0, hash(True), hash(False), True is bool(1), bool(0), bool([]), bool())
print(int(True), str(True), repr(False), f"{True}", format(True, "d"), format(False, ">6"))
for expr in ("1 // 0", "1 % 0", "divmod(1, 0)", "1 / 0", "0 ** -1", "pow(2, -1, 4)",
             "pow(2, 3, 0)", "1 << -1", "1 >> -1"):
    try:
        print(expr, "->", eval(expr))
    except (ZeroDivisionError, ValueError) as e:
        print(expr, "->", type(e).__name__, e)
    except OverflowError as e:
        print(expr, "-> OverflowError")
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x %= 3; x **= 3; x <<= 2; x |= 1; x ^= 3; x &= 7; x >>= 1
print(x)
print((255).bit_length(), (-255).bit_length(), (0).bit_length(), (255).bit_count(), (-7).bit_count())
print((10).as_integer_ratio(), (5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print(round(1255, -1), round(1265, -1), round(15, -1), round(25, -1), round(-25, -1), round(7, 2), round(7))
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\xff\xff", "little", signed=True),
      int.from_bytes([1, 2, 3], "big"))
print(isinstance(True, int), issubclass(bool, int), (3).__index__(), (3).__trunc__(), (3).__floor__())
import math
print(math.floor(5), math.ceil(-5), math.trunc(7), int.__round__(17, -1))
