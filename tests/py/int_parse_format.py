# int() parsing and errors, formatting, hashing, repr
print(int(), int("42"), int("  -17  "), int("1_000_000"), int("0x1f", 16), int("1f", 16),
      int("0b101", 0), int("0o17", 0), int(" 0x_1f ", 0), int("z", 36), int("00", 0), int(b"12"))
print(int(3.99), int(-3.99), int("+5"), int(True), int(7.0))
class WithInt:
    def __int__(self):
        return 9
class WithIndex:
    def __index__(self):
        return 11
class WithTrunc:
    def __trunc__(self):
        return 13
print(int(WithInt()), int(WithIndex()), int(WithTrunc()))
for args in [("abc",), ("12", 1), (None,), (1, 2), ("",), ("1__0",), ("_1",), ("010", 0),
             ("09", 0), ("0x", 16), ("12", 37), (float("inf"),), (float("nan"),), ([],)]:
    try:
        print(args, int(*args))
    except (ValueError, TypeError, OverflowError) as e:
        print(args, type(e).__name__, e)
try:
    int(x=5)
except TypeError as e:
    print(e)
for v in (0, 1, -1, 255, 1234567, -1234567, 65):
    print(v, [format(v, s) for s in ("", "d", "x", "X", "#x", "#o", "#b", ",", "_", "+", " ",
                                     "010,", "08,", "#010_x", ">8", "<8", "^8", "=+8", "0=12,",
                                     "x=12,", "e", ".2e", "f", "%", "g", "n", "_b")])
print(format(65, "c"), format(9731, "c"), "{:>5c}|".format(66), "{:*^9}".format(42), f"{1234567:,}")
print("%d %5d %-5d| %x %X %o %05d %+d" % (42, 42, 42, 255, 255, 8, 42, 42))
for spec in (".2d", ",x", "+c", "#c", "q", "z", ",n", "_n"):
    try:
        format(5, spec)
    except ValueError as e:
        print(spec, e)
print(hash(0), hash(1), hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(10**18))
print(repr(-5), str(123), hex(255), oct(8), bin(5), hex(-255), bin(0))
class MyInt(int):
    pass
m = MyInt(7)
print(m, m + 1, type(m + 1).__name__, isinstance(m, int), m == 7, hash(m) == hash(7))
