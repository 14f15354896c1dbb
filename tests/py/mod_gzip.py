# gzip: compress/decompress, GzipFile and gzip.open in binary and text
# mode, multi-member files, errors.  Compressed bytes differ between zlib
# implementations, so only round trips and CPython-made data are shown.
import gzip
import io
import os
import tempfile
from _gz_zip_data import GZ, TWO, NAMED

data = b''.join(b'line %d: the quick brown fox\n' % i for i in range(40))
print(gzip.decompress(GZ) == data, gzip.decompress(TWO), gzip.decompress(NAMED))
for level in (0, 1, 5, 9):
    c = gzip.compress(data, compresslevel=level, mtime=1234567890)
    print(level, c[:10], c[-8:], gzip.decompress(c) == data)
c = gzip.compress(b'', mtime=0)
print(c[:10], gzip.decompress(c))
print(gzip.decompress(gzip.compress(b'x' * 100000)) == b'x' * 100000)
print(gzip.decompress(GZ + b'\x00\x00\x00' + TWO)[-28:])
print(gzip.decompress(b''))

for bad in (b'not gzip data', GZ[:20], GZ[:-4] + b'\x00\x00\x00\x00', GZ[:-8] + b'\x00' * 8,
            b'\x1f\x8b\x07' + GZ[3:]):
    try:
        gzip.decompress(bad)
    except (gzip.BadGzipFile, EOFError) as e:
        print(type(e).__name__, e)

# GzipFile over a BytesIO
buf = io.BytesIO(GZ)
with gzip.GzipFile(fileobj=buf) as f:
    print(f.mode == gzip.READ, f.readable(), f.writable(), f.mtime)
    print(f.read(10), f.readline(), f.tell())
    print(f.peek(1)[:1], f.read1(5))
    f.seek(0)
    print(f.readline(), len(f.read()), f.read(), f.tell())
    f.seek(100)
    print(f.read(8), f.seek(-5, io.SEEK_CUR), f.read(3))
with gzip.GzipFile(fileobj=io.BytesIO(TWO)) as f:
    print(list(f), f.mtime)
with gzip.GzipFile(fileobj=io.BytesIO(NAMED)) as f:
    print([line for line in f], f.mtime)

out = io.BytesIO()
with gzip.GzipFile(filename='report.txt.gz', mode='wb', fileobj=out, mtime=99) as f:
    print(f.write(b'hello '), f.write(bytearray(b'world\n')), f.write(memoryview(b'!')),
          f.tell(), f.mode == gzip.WRITE, f.name)
raw = out.getvalue()
print(raw[:4], raw[4:8], raw[10:21], gzip.decompress(raw))
try:
    f.write(b'x')
except ValueError as e:
    print('ValueError', e)

# files on disk, binary and text
d = tempfile.mkdtemp()
p = os.path.join(d, 'data.gz')
with gzip.open(p, 'wb') as f:
    f.write(data)
with gzip.open(p) as f:
    print(f.read() == data, f.closed)
print(f.closed)
with gzip.open(p, 'ab') as f:
    f.write(b'appended member\n')
with gzip.open(p, 'rb') as f:
    lines = f.readlines()
print(len(lines), lines[-1])
with gzip.open(p, 'wt') as f:
    f.write('text line one\nzwei é\r\nthree\n')
    f.writelines(['a\n', 'b\n'])
with gzip.open(p, 'rt') as f:
    print(f.readline(), f.read())
with gzip.open(p, 'rt', encoding='utf-8') as f:
    print([line for line in f])
with gzip.open(p, 'rt', newline='') as f:
    print(repr(f.read()))
with open(p, 'rb') as raw_file:
    with gzip.GzipFile(fileobj=raw_file) as f:
        print(f.read(4))
with gzip.open(open(p, 'rb')) as f:
    print(f.read(4))

for call in (lambda: gzip.open(p, 'rbt'), lambda: gzip.open(p, 'rb', encoding='x'),
             lambda: gzip.open(p, 'rb', errors='x'), lambda: gzip.open(p, 'rb', newline='x'),
             lambda: gzip.open(3.5), lambda: gzip.GzipFile(p, 'z'),
             lambda: gzip.GzipFile(p, 'rt')):
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
with gzip.open(p, 'rb') as f:
    try:
        f.write(b'x')
    except OSError as e:
        print('OSError', e.errno)
with gzip.open(p, 'wb') as f:
    try:
        f.read()
    except OSError as e:
        print('OSError', e.errno)
bad = os.path.join(d, 'bad.gz')
with open(bad, 'wb') as f:
    f.write(b'plain text, not gzip')
try:
    with gzip.open(bad) as f:
        f.read()
except gzip.BadGzipFile as e:
    print('BadGzipFile', e, isinstance(e, OSError))
for n in os.listdir(d):
    os.remove(os.path.join(d, n))
os.rmdir(d)
