# Big ints as text: str/repr/hex/oct/bin, int(str, base) of any length,
# __format__ specs, %-formatting, and sys.set_int_max_str_digits limits.
import sys

big = 3**300
print(str(big), repr(-big))
print(hex(big), oct(-big), bin(2**70 + 5))
print(int(str(big)) == big, int(hex(big), 16) == big, int(oct(big), 8) == big, int(bin(big), 0) == big)
print(int('-' + 'z' * 40, 36), int('1' * 100, 2), int('  0x_dead_beef_' + 'f' * 20 + ' ', 0))
print(int('1_000_000_000_000_000_000_000'), int(b'  -123456789012345678901234567890  '), int(bytearray(b'9' * 30)))
print(int('7' * 50, 8), int('ABCDEF' * 8, 16), int('1' * 60, 3), int('0' * 50), int('-0' * 1))
for s, b in [('1' * 30 + '_', 10), ('1__2' + '0' * 30, 10), ('0' + '1' * 30, 0), ('9' * 30 + 'a', 10)]:
    try:
        int(s, b)
    except ValueError as e:
        print('ValueError', e)
print(f"{big:,}")
print(f"{-big:_}")
print(f"{big:x}", f"{big:X}", f"{big:#o}", f"{2**100:#b}")
print(f"{2**100:_x}", f"{2**100:_b}", f"{2**100:#_o}")
print(f"{2**70:>40}|{-2**70:<40}|{2**70:^40}|")
print(f"{2**70:*^+40,}|{-2**70:=40}|{2**70:040}|{-2**70:040_}|")
print(f"{2**70:+d}", f"{2**70: d}", f"{2**70:n}", f"{2**70:e}", f"{-2**70:.3f}", f"{2**70:g}", f"{2**70:%}")
print(format(10**30, ','), format(-10**30, '_d'), format(2**64, '#x'), format(2**64, '030,'))
for spec in ['c', ',x', 'e']:
    try:
        print(format(2**100 if spec != 'e' else 10**400, spec))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print('%d %i %x %X %o %s %r' % (2**64, -2**63, 2**64, 2**70, 2**64, 10**20, 2**63))
print('%30d|%-30d|%+d|%030d' % (2**64, 2**64, 2**64, -2**64))
print('%#x %#o %e %.2f' % (2**100, 2**100, 2**100, 10**25))
print('{} {!r} {:,}'.format(2**64, -2**64, 10**24))
print(str(2**64 - 1), str(-2**63), str(2**63), str(10**18), str(10**19), str(-10**19 + 1))
print(len(str(2**10000)), str(2**10000)[:30], str(2**10000)[-30:])
print(len(str(3**8000)), str(-(7**3000))[:20])
print(sys.get_int_max_str_digits())
x = 10**4299
print(len(str(x)), len(str(-x)), len(repr(x * 9)))
for f in [lambda: str(10**4300), lambda: repr(-10**4300), lambda: f"{10**4300:,}", lambda: '%d' % 10**5000,
          lambda: int('1' * 5000), lambda: int('1' * 4301), lambda: int('-' + '1_' * 4300 + '1'),
          lambda: int('2' * 5000, 36), lambda: int('1' * 5000 + 'x')]:
    try:
        f()
        print('ok')
    except ValueError as e:
        print('ValueError', e)
print(len(hex(10**5000)), int('f' * 5000, 16) % 1000, len(bin(10**5000)), int('1' * 4300) % 1000)
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits(), len(str(10**4999)), int('9' * 5000) % 1000)
try:
    str(10**5000)
except ValueError as e:
    print('ValueError', e)
sys.set_int_max_str_digits(0)
y = 7**20000
s = str(y)
print(len(s), s[:20], s[-20:], int(s) == y, int(s + '0') == y * 10)
sys.set_int_max_str_digits(4300)
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print('ValueError', e)
print(sys.get_int_max_str_digits())
