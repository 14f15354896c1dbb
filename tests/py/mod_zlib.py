# zlib: checksums, decompressing CPython-made streams, round trips.
import zlib
from _zlib_cases import CASES

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

def make_data(n, seed):
    words = [b'alpha', b'beta', b'gamma', b'delta', b'epsilon', b'zeta', b'eta', b'theta',
             b'\n', b' ', b'0123456789', b'\x00\xff\x10']
    x = seed
    out = bytearray()
    while len(out) < n:
        x = (x * 1103515245 + 12345) & 0x7fffffff
        out += words[x % len(words)]
        if x % 7 == 0:
            out.append(x & 0xff)
    return bytes(out[:n])

print(zlib.crc32(b''), zlib.crc32(b'hello'), zlib.crc32(b'world', zlib.crc32(b'hello ')),
      zlib.crc32(b'abc', 0xffffffff), zlib.crc32(memoryview(b'abc')))
print(zlib.adler32(b''), zlib.adler32(b'hello'), zlib.adler32(b'world', zlib.adler32(b'hello ')),
      zlib.adler32(b'\xff' * 100000), zlib.adler32(b'abc', 0))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.Z_BEST_COMPRESSION, zlib.Z_FINISH, zlib.Z_SYNC_FLUSH,
      zlib.ZLIB_VERSION[:2], issubclass(zlib.error, Exception), zlib.error.__module__)

wbits_for = {'raw': -15, 'gzip': 31, 'wbits9': 9}
for name, (n, crc), comp in CASES:
    out = zlib.decompress(comp, wbits_for.get(name, 15))
    print(name, len(out) == n, zlib.crc32(out) == crc)
    # the same stream fed in pieces
    d = zlib.decompressobj(wbits_for.get(name, 15))
    pieces = []
    for i in range(0, len(comp), 97):
        pieces.append(d.decompress(comp[i:i + 97]))
    pieces.append(d.flush())
    got = b''.join(pieces)
    print('  stream', zlib.crc32(got) == crc, d.eof, d.unused_data)
    # auto-detection of zlib/gzip headers
    if name in ('gzip', 'level6'):
        print('  auto', zlib.decompress(comp, 47) == out)

d1 = make_data(3000, 1)
d2 = make_data(70000, 2)
samples = [b'', b'a', b'abc' * 1000, bytes(range(256)) * 40, d1, d2, bytes(5000)]
for data in samples:
    for level in (-1, 0, 1, 6, 9):
        c = zlib.compress(data, level)
        ok = zlib.decompress(c) == data
        print(len(data), level, ok, len(c) <= len(data) + 64)
    for wbits in (-15, 31, 9, -9, 25):
        c = zlib.compress(data, 6, wbits)
        print(' wbits', wbits, zlib.decompress(c, wbits) == data)
print(len(zlib.compress(d2)) < len(d2) // 2)

co = zlib.compressobj(6, zlib.DEFLATED, 15)
parts = [co.compress(d1[:100]), co.flush(zlib.Z_SYNC_FLUSH)]
print(parts[1][-4:])
parts += [co.compress(d1[100:]), co.compress(d2), co.flush()]
print(zlib.decompress(b''.join(parts)) == d1 + d2)
show(lambda: co.compress(b'x'))
cp = zlib.compressobj()
head = cp.compress(b'abc')
cp2 = cp.copy()
head2 = head + cp2.compress(b'def')
print(zlib.decompress(head + cp.flush()), zlib.decompress(head2 + cp2.flush()))

comp = zlib.compress(b'hello world' * 10)
d = zlib.decompressobj()
a = d.decompress(comp[:5])
print(d.eof, d.unused_data, d.unconsumed_tail)
b = d.decompress(comp[5:] + b'xyz')
print(a + b == b'hello world' * 10, d.eof, d.unused_data)
print(d.decompress(b'more'), d.unused_data)
print(zlib.decompress(comp + b'garbage'))
print(zlib.decompress(bytearray(comp)), zlib.decompress(b'x\x01\x01\x00\x00\xff\xff\x00\x00\x00\x01'))
show(lambda: zlib.decompress(comp[:-3]))
show(lambda: zlib.decompress(b'abc'))
show(lambda: zlib.decompress(comp[:2] + b'\xff' + comp[3:]))
show(lambda: zlib.decompress(comp[:-1] + bytes([comp[-1] ^ 1])))
show(lambda: zlib.decompress(b''))
show(lambda: zlib.decompress(zlib.compress(b'x', wbits=31)))
show(lambda: zlib.decompress(b'\x78\x9c\x07'))
show(lambda: zlib.compress(b'x', 10))
show(lambda: zlib.compress('x'))
show(lambda: zlib.decompressobj().flush())
g = zlib.compress(b'gz' * 50, wbits=31)
show(lambda: zlib.decompress(g[:-8] + b'\0\0\0\0' + g[-4:], 31))
show(lambda: zlib.decompress(g[:-4] + b'\0\0\0\0', 31))

# max_length: output in slices, the rest of the input handed back in unconsumed_tail
big = b''.join(b'line %d of some text data with repeats\n' % i for i in range(5000))
cbig = zlib.compress(big)
for ml in (1000, 4096, 50000):
    d = zlib.decompressobj()
    out = d.decompress(cbig, ml)
    sizes_ok = len(out) <= ml
    while d.unconsumed_tail:
        piece = d.decompress(d.unconsumed_tail, ml)
        sizes_ok = sizes_ok and len(piece) <= ml
        out += piece
    print(ml, out == big, d.eof, sizes_ok)
d = zlib.decompressobj()
out = d.decompress(cbig, 1000)
out += d.flush()
print(out == big, d.eof)
d = zlib.decompressobj()
out = b''
for i in range(0, len(cbig), 1000):
    out += d.decompress(cbig[i:i + 1000], 300)
    while d.unconsumed_tail:
        out += d.decompress(d.unconsumed_tail, 300)
print(out == big, d.eof)
show(lambda: zlib.decompressobj().decompress(b'x', -1))
