from fractions import Fraction as F
print(F(3, 4), F(6, -8), F("1/3"), F(" -2.5e-1 "), F("7"), F(0.1), F(F(1, 2)), repr(F(1, 2)))
print(F(1, 3) + F(1, 6), F(1, 2) - 1, 2 * F(3, 4), F(1, 2) / F(3, 4), F(7, 2) // 2, F(7, 2) % 2, divmod(F(7, 2), 1))
print(F(2, 3) ** 2, F(2, 3) ** -2, F(4, 9) ** 0.5, 2 ** F(3, 1), -F(1, 2), abs(F(-1, 2)))
print(F(1, 2) == 0.5, F(1, 3) < 0.34, F(1, 2) > F(1, 3), F(2, 1) == 2, F(1, 2) + 0.25)
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)), hash(F(-1, 3)))
print(F(3.141592653589793).limit_denominator(1000), F(3.141592653589793).limit_denominator(100))
print(int(F(-7, 2)), float(F(1, 8)), round(F(5, 2)), round(F(7, 2)), round(F(22, 7), 3), math_floor := __import__("math").floor(F(-7, 2)))
print(F(10**30, 3) * 3, F(1, 10**20) + F(1, 10**20), F(5, 10).as_integer_ratio(), F(3, 4).numerator, F(3, 4).denominator)
print(sum([F(1, n) for n in range(1, 11)]), sorted([F(1, 2), F(1, 3), 0.4, 1]))
for bad in ["1/0", "abc", "1/-2", "1.2.3"]:
    try:
        F(bad)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
