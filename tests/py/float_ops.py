# float repr, parsing, arithmetic, rounding, formatting
vals = [0.1, 1/3, 1e22, 1e-7, 123456789012345678.0, 2.5, -0.0, 0.0, 1e16, 9999999999999998.0,
        1.5e300, 5e-324, 1.7976931348623157e308, 0.0001, 0.00001, 100.0, 2**0.5,
        float("inf"), float("-inf"), float("nan")]
for v in vals:
    print(repr(v), str(v))
for s in ["1.5", " 1_000.5 ", "1e1_0", "-InFiNiTy", "+nan", "1.", ".5", "1e400", "-1e-400",
          "  -3  ", "1E5", "+.5e2"]:
    print(repr(s), float(s))
for s in [".", "1e", "0x10", "1_.5", "1._5", "", "abc", "1__0", "nan1"]:
    try:
        float(s)
    except ValueError as e:
        print(e)
for a in (7.5, -7.5, 0.0, 1e308, 3.0):
    for b in (2.0, -2.0, 0.5, 3):
        print(a, b, a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(2.0 ** 10, 2.0 ** -1, (-2.0) ** 3, 0.0 ** 0, float("inf") ** 0, 4 ** 0.5, 1.0 ** float("nan"))
for expr in ("1.0 / 0", "1.0 // 0", "1.0 % 0", "divmod(1.0, 0)", "0.0 ** -1", "10.0 ** 400",
             "pow(2.0, 3, 4)"):
    try:
        print(eval(expr))
    except (ZeroDivisionError, OverflowError, TypeError) as e:
        print(expr, type(e).__name__, e)
print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5), round(25.0, -1),
      round(123.456, -2), round(-123.456, -5), round(1e300, 2), round(0.125, 2), round(0.375, 2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, None))
for expr in ("round(float('inf'))", "round(float('nan'))", "round(1.7e308, -308)"):
    try:
        print(eval(expr))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(1.0 == 1, 0.1 + 0.2 == 0.3, 0.5 < 1, float("nan") == float("nan"), float("nan") != 1,
      float("inf") > 10**18, -0.0 == 0.0, 9007199254740993 == 9007199254740992.0)
print(hash(1.0), hash(0.5), hash(-2.5), hash(1e100), hash(-0.0), hash(float("inf")), hash(1.5) == hash(1.5))
print((3.0).is_integer(), (3.5).is_integer(), (0.1).as_integer_ratio(), (-2.5).as_integer_ratio())
print((0.1).hex(), (1.0).hex(), (-0.0).hex(), (5e-324).hex(), float.fromhex("0x1.8p1"),
      float.fromhex(" -0X1P-2 "), float.fromhex("inf"))
print(int(2.9), int(-2.9), (2.5).__trunc__(), (2.5).__floor__(), (-2.5).__ceil__(), abs(-2.5), -(2.5))
print(float(), float(3), float(True), float("  7 "), (1.5).real, (1.5).imag, (1.5).conjugate())
print(f"{3.14159:.2f}", "{:e}".format(12345.678), "{:,.2f}".format(1234567.891),
      "{:>10.3g}|".format(0.000123456), format(0.5, "%"), format(1234.5, "012,.1f"))
for v in (0.0, -0.0, 1.0, 123.0, 1234567.0, 1e20, 0.1, -1.5, 12345.678, float("inf"), float("nan")):
    print([format(v, s) for s in ("", ".3", ".0", "e", ".2e", "f", ".1f", "#.0f", "g", "G", "#g",
                                  "%", ",", "_", "z.1f", "010", "+", "^12", "n", "E")])
print("%.2f %e %g %r %s %10.3f|%-8.2e|" % (2.675, 0.0001, 1e-5, 0.1, 1.5, 3.14159, 12.5))
class MyFloat(float):
    pass
f = MyFloat(2.5)
print(f, f * 2, type(f * 2).__name__, isinstance(f, float))
