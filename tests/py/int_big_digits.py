# 10,000-digit ints: the default 4300-digit limit on str()/int() (and its
# exact error texts, at the boundary), then sys.set_int_max_str_digits(0)
# and full conversions of numbers of 10**4 digits and more, checked
# against arithmetic done in binary.
import sys


def err(f):
    try:
        r = f()
        return r if isinstance(r, (int, bool)) else len(r)
    except ValueError as e:
        return "ValueError: %s" % e


print(sys.get_int_max_str_digits())
x = 10 ** 4299
print(len(str(x)), len(str(-x)), err(lambda: str(x * 10)), err(lambda: str(x * 10 - 1)))
print(err(lambda: str(-x * 10)), err(lambda: repr(x * 10)), err(lambda: "%d" % (x * 10)))
print(err(lambda: f"{x * 10:,}"), err(lambda: format(x * 10, "_d")), len(hex(x * 10 ** 10)))
print(err(lambda: int("9" * 4300) > 0), err(lambda: int("9" * 4301)), err(lambda: int("-" + "1" * 4301)))
print(err(lambda: int("1_" * 4300 + "1")), err(lambda: int("f" * 5000, 16) > 0), err(lambda: int("7" * 5000, 8) > 0))
print(err(lambda: int("1" * 5000, 36)), err(lambda: int(b"5" * 4301)))
print(err(lambda: sys.set_int_max_str_digits(639)))
sys.set_int_max_str_digits(640)
print(err(lambda: str(10 ** 640)), err(lambda: str(10 ** 639)), err(lambda: int("1" * 641)))

sys.set_int_max_str_digits(0)
big = 7 ** 11834             # 10001 digits
s = str(big)
print(len(s), s[:30], s[-30:], s.count("7"), sum(map(int, s)))
print(int(s) == big, int("-" + s) == -big, int(s + "0") == big * 10, int("0" * 50 + s) == big)
print(str(10 ** 10000)[:3], len(str(10 ** 10000)), str(10 ** 10000 - 1).count("9"), str(-(10 ** 10000) + 1)[:4])
t = str(2 ** 33219 - 1)
print(len(t), t[:20], t[-20:], int(t) + 1 == 2 ** 33219)
u = "1234567890" * 1000
v = int(u)
print(v % 1000000007, v.bit_length(), str(v) == u, str(v * v)[-25:], len(str(v * v)))
print(int("1_2_3" * 2000) % 999999937, int(" -" + "9" * 10000 + " ") == -(10 ** 10000 - 1))
f = 1
for k in range(2, 3250):
    f *= k
fs = str(f)
print(len(fs), fs[:25], len(fs) - len(fs.rstrip("0")), int(fs) == f)
print(format(big, ",")[:27], format(big, ",")[-27:], len(format(-big, "_")), len(f"{big:>20010}"))
for d in (9000, 10000, 10001, 12345, 19000, 20000):
    n = 10 ** d - 3
    print(d, str(n)[-3:], len(str(n)), int(str(n)) == n, str(n // 7)[-9:], str(n * n)[:5], len(str(n * n)))
print(repr(-big)[:12], ascii(big)[-5:], "%x" % big == hex(big)[2:])
