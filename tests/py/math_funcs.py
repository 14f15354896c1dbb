import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.floor(2.5), math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7))
print(math.fabs(-3), math.gcd(12, 18), math.gcd(), math.gcd(0, -4), math.lcm(4, 6), math.lcm(), math.lcm(0, 5))
print(math.factorial(0), math.factorial(10), math.factorial(20), math.comb(10, 3), math.comb(5, 7),
      math.perm(5, 2), math.perm(5), math.isqrt(99), math.isqrt(100), math.isqrt(0))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod([2], start=5))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 2), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.isnan(1))
print(math.copysign(3, -0.0), math.fmod(7, 3), math.fmod(-7, 3), math.modf(3.5), math.modf(-2.25))
print(math.frexp(8.0), math.frexp(0.0), math.ldexp(0.5, 4), math.exp(0), math.exp(1), math.expm1(0))
print(math.log(1), math.log(math.e), math.log(8, 2), math.log(100, 10), math.log2(1024), math.log10(1000),
      math.log1p(0))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(1, math.nan), math.pow(math.nan, 0))
print(math.sin(0), math.cos(0), math.tan(0), math.asin(1), math.acos(1), math.atan(1), math.atan2(1, 1))
print(math.sinh(0), math.cosh(0), math.tanh(0), math.asinh(0), math.acosh(1), math.atanh(0))
print(round(math.erf(1), 12), round(math.erfc(1), 12), math.gamma(5), round(math.lgamma(10), 10))
print(math.hypot(3, 4), math.hypot(), math.hypot(-5), math.dist((0, 0), (3, 4)), math.hypot(1, 2, 2))
print(math.degrees(math.pi), math.radians(180), math.ulp(1.0), math.nextafter(1.0, 2.0))
for expr in ("math.sqrt(-1)", "math.log(0)", "math.log(-1)", "math.exp(1000)", "math.acos(2)",
             "math.factorial(-1)", "math.factorial(1.5)", "math.comb(-1, 2)", "math.perm(3, -1)",
             "math.isqrt(-1)", "math.gamma(0)", "math.gamma(-1)", "math.lgamma(0)",
             "math.fsum([1e308, 1e308])", "math.ldexp(1.0, 2000)", "math.pow(0.0, -1)",
             "math.floor(math.inf)", "math.ceil(math.nan)", "math.trunc('a')", "math.floor('a')",
             "math.sqrt('a')", "math.isclose(1, 2, rel_tol=-1)", "math.dist((1, 2), (1,))",
             "math.log(10, 1)", "math.fmod(math.inf, 1)", "math.fsum([math.inf, -math.inf])"):
    try:
        print(expr, eval(expr))
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
        print(expr, type(e).__name__, e)
print(math.fsum([math.inf, 1.0]), math.floor(True), math.ceil(5), type(math.floor(2.0)).__name__)
