# struct: pack/unpack/calcsize, every format char, byte orders, errors.
import struct

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

# sizes and native alignment
for fmt in ['b', 'B', '?', 'c', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N', 'e', 'f',
            'd', 'P', 's', 'p', 'x', '@bhiqd', 'bi0q', 'x3xi', 'ci?P', '=bhiqd', '<bhiqd',
            '>bhiqd', '!bhiqd', '3e f', '2s', '10p', 'hq', 'bd', 'cH', '0s', '3x', '5i', '@2c3h']:
    print(fmt, struct.calcsize(fmt))

vals = [('b', -128), ('b', 127), ('B', 255), ('h', -32768), ('H', 65535), ('i', -2**31),
        ('I', 2**32 - 1), ('l', -2**63), ('L', 2**64 - 1), ('q', 2**63 - 1), ('Q', 2**64 - 1),
        ('n', -5), ('N', 7), ('?', True), ('?', 0), ('c', b'z'), ('e', 1.5), ('e', -0.0),
        ('e', 65504.0), ('e', 1e-7), ('e', 6.1e-5), ('f', 3.14), ('d', 2.718281828), ('P', 0x1234)]
for order in ['@', '=', '<', '>', '!']:
    for code, v in vals:
        fmt = order + code
        try:
            b = struct.pack(fmt, v)
        except struct.error as e:
            print(fmt, 'error', e)
            continue
        print(fmt, b, struct.unpack(fmt, b))

print(struct.pack('<hhl', 1, 2, 3), struct.pack('>hhl', 1, 2, 3), struct.pack('hhl', 1, 2, 3))
print(struct.pack('5s', b'ab'), struct.pack('2s', b'abcdef'), struct.pack('5p', b'abcdefg'),
      struct.pack('3p', b'a'), struct.pack('1p', b'abc'))
print(struct.unpack('5p', b'\x04abcd'), struct.unpack('5p', b'\x09abcd'), struct.unpack('3s', b'xyz'))
print(struct.unpack('<e', b'\x00\x7c'), struct.unpack('<e', b'\x00\xfc'), struct.unpack('<e', b'\x00\x01'))
print(struct.pack('<e', float('inf')), struct.pack('<e', float('-inf')), struct.pack('<e', 0.333))
print(struct.pack('<e', 2049.0), struct.pack('<e', 2051.0), struct.pack('<e', 65519.0))
print(struct.pack('f', 1e300), struct.pack('<d', float('inf')))
print(struct.pack('<i', True), struct.pack('?', 'x'), struct.pack('?', []))

class Idx:
    def __index__(self):
        return 42
print(struct.pack('<H', Idx()), struct.pack('<d', 3))

# Struct objects
s = struct.Struct('<ihb')
print(s.format, s.size, s.pack(1, -2, 3), s.unpack(b'\x01\x00\x00\x00\xfe\xff\x03'))
print(struct.Struct(b'>I').format, struct.Struct(format='<h').size)
buf = bytearray(12)
s.pack_into(buf, 2, 7, 8, 9)
print(buf)
struct.pack_into('<h', buf, -2, 0x4142)
print(buf, s.unpack_from(buf, 2), s.unpack_from(buf, offset=2))
print(struct.unpack_from('<h', b'\x00\x01\x02\x03', 1), struct.unpack_from(b'<h', buffer=b'\x01\x02\x03', offset=1))
print(struct.unpack_from('<i', b'abcdefgh', -4))
print(list(struct.iter_unpack('<hb', b'\x01\x00\x02\x03\x00\x04')))
it = struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it))
print(struct.unpack('<i', memoryview(b'abcd')), struct.unpack('<i', bytearray(b'abcd')))
print(isinstance(struct.error('x'), Exception), struct.error.__module__, struct.error.__name__)

# errors
for f, a in [('b', 200), ('B', -1), ('B', 256), ('h', 40000), ('H', -1), ('i', 2**31), ('I', -1),
             ('l', 2**63), ('L', -1), ('q', 2**63), ('Q', -1), ('Q', 2**64), ('n', 2**63),
             ('N', -1), ('<b', 200), ('<h', 40000), ('<i', 2**31), ('<I', 2**32), ('<l', 2**31),
             ('<L', 2**32), ('<L', -1), ('<q', 2**63), ('>q', 2**63), ('>Q', -1), ('I', 2**32),
             ('<i', 1.5), ('<i', 'x'), ('c', b'ab'), ('c', 1), ('s', 1), ('p', 'x'), ('e', 1e6),
             ('<f', 1e300), ('d', 'x'), ('b', 2**64), ('P', 2**64)]:
    show(lambda: struct.pack(f, a))
show(lambda: struct.pack('ii', 1))
show(lambda: struct.pack('i', 1, 2))
show(lambda: struct.pack('zz'))
show(lambda: struct.pack('<n', 1))
show(lambda: struct.calcsize('5'))
show(lambda: struct.unpack('i', b'abc'))
show(lambda: struct.unpack_from('i', b'ab', 0))
show(lambda: struct.unpack_from('i', b'abcdef', 4))
show(lambda: struct.unpack_from('i', b'abcdefgh', -10))
show(lambda: struct.unpack_from('i', b'abcdefgh', -2))
show(lambda: struct.pack_into('i', bytearray(2), 0, 1))
show(lambda: struct.pack_into('i', bytearray(8), 6, 1))
show(lambda: struct.pack_into('i', bytearray(8), -10, 7))
show(lambda: struct.pack_into('i', bytearray(8), -2, 7))
show(lambda: struct.pack_into('i', b'abcd', 0, 1))
show(lambda: struct.pack_into('i', bytearray(4)))
show(lambda: struct.iter_unpack('i', b'abcde'))
show(lambda: struct.iter_unpack('', b'abcde'))
show(lambda: struct.pack())
show(lambda: struct.unpack('i', 'abcd'))
show(lambda: struct.Struct(1))
show(lambda: struct.Struct())
show(lambda: struct.unpack('i'))
try:
    struct.pack('b', 1000)
except struct.error as e:
    print('caught', type(e).__name__, e)
