import io
import sys

s = io.StringIO()
print(s.write('hello\n'), s.write('world\n'), s.tell())
s.write('third line')
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read(3)), repr(s.read()), repr(s.read()), s.tell())
s.seek(0)
print(list(s), s.readlines())
s.seek(0)
print(s.readlines())
s.seek(6); s.write('WORLD'); print(repr(s.getvalue()))
s.seek(0, 2); s.write('!'); print(repr(s.getvalue()), s.tell())
s.truncate(5); print(repr(s.getvalue()))
s2 = io.StringIO('initial\ntext')
print(repr(s2.read()), s2.tell(), repr(io.StringIO('a\nb\n').readlines()))
s3 = io.StringIO('abc'); s3.seek(10); s3.write('X'); print(repr(s3.getvalue()))
print(s2.readable(), s2.writable(), s2.seekable(), s2.closed)
with io.StringIO() as f:
    print('to file', 1, 2, sep='-', file=f)
    print('x', end='', file=f)
    print(repr(f.getvalue()))
print(f.closed)
try:
    f.getvalue()
except ValueError as e:
    print('ValueError', e)
try:
    io.StringIO().write(5)
except TypeError as e:
    print('TypeError', e)
for line in io.StringIO('l1\nl2\nl3'):
    print(repr(line))
sw = io.StringIO(); sw.writelines(['a', 'b', 'c']); print(sw.getvalue())
print(repr(io.StringIO('x\r\ny', newline=None).getvalue()), repr(io.StringIO('one\ntwo').readline(2)))

b = io.BytesIO()
print(b.write(b'abc'), b.write(bytearray(b'def')), b.getvalue(), b.tell())
b.seek(1)
print(b.read(2), b.read(), b.read(), b.tell())
b.seek(0); print(b.readline(), list(io.BytesIO(b'x\ny\n')))
b.seek(-2, 2); print(b.read())
b.seek(2); b.write(b'ZZ'); print(b.getvalue())
b.truncate(3); print(b.getvalue(), bytes(b.getbuffer()))
bb = io.BytesIO(b'initial'); print(bb.read(3), bb.getvalue())
try:
    bb.write('str')
except TypeError as e:
    print('TypeError', e)
with io.BytesIO(b'data') as bf:
    print(bf.read())
print(bf.closed)

print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(isinstance(sys.stdout, io.TextIOWrapper), io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
old = sys.stdout
sys.stdout = io.StringIO()
print('captured text')
val = sys.stdout.getvalue()
sys.stdout = old
print(repr(val))
