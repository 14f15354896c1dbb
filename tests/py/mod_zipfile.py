# zipfile: read a CPython-made archive, write stored and deflated
# archives (byte-exact for stored members), append, extract, errors.
import io
import os
import tempfile
import warnings
import zipfile
from _gz_zip_data import ZIPDATA

zf = zipfile.ZipFile(io.BytesIO(ZIPDATA))
print(zf.namelist(), zf.comment, repr(zf)[:22])
for info in zf.infolist():
    print(info, info.date_time, info.CRC, info.file_size, info.compress_type, info.is_dir(),
          oct(info.external_attr >> 16), info.create_system, info.extract_version)
print(zf.read('dir/hello.txt')[:32], len(zf.read('dir/hello.txt')), zf.read('stored.bin'))
with zf.open('dir/hello.txt') as f:
    print(f.readline(), f.read(5), f.tell(), len(f.readlines()), f.read())
    f.seek(0)
    print(next(iter(f)), f.seek(-3, 2), f.read())
print(repr(zf.open('stored.bin')))
print(zf.testzip(), zf.getinfo('stored.bin').filename)
try:
    zf.getinfo('missing')
except KeyError as e:
    print('KeyError', e)
zf.printdir()
zf.close()
print(repr(zf))

# a stored archive is byte-for-byte CPython's
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w') as z:
    z.writestr(zipfile.ZipInfo('a.txt', (2021, 2, 3, 4, 5, 6)), 'alpha\n')
    z.writestr(zipfile.ZipInfo('sub/b.bin', (2022, 12, 31, 23, 59, 59)), b'\x00\x01\x02')
    zi = zipfile.ZipInfo('ünï.txt', (2000, 1, 1, 0, 0, 0))
    zi.comment = b'member comment'
    z.writestr(zi, b'utf8 name')
    z.mkdir('emptydir')
    with z.open(zipfile.ZipInfo('streamed.txt', (2010, 10, 10, 10, 10, 10)), 'w') as w:
        w.write(b'part one, ')
        w.write(bytearray(b'part two'))
    z.comment = b'the end'
raw = buf.getvalue()
print(len(raw), raw)
with zipfile.ZipFile(io.BytesIO(raw)) as z:
    print([(i.filename, i.flag_bits, i.comment) for i in z.infolist()], z.read('ünï.txt'))
    print([repr(i) for i in z.infolist()])

# deflated round trip, with str names and data
buf = io.BytesIO()
text = ''.join('row %d, some repetitive text\n' % i for i in range(300))
with zipfile.ZipFile(buf, mode='w', compression=zipfile.ZIP_DEFLATED) as z:
    z.writestr('big.txt', text)
    z.writestr('level1.txt', text, compresslevel=1)
    z.writestr('plain.txt', 'stored despite the default', compress_type=zipfile.ZIP_STORED)
    z.writestr('folder/', '')
with zipfile.ZipFile(buf) as z:
    print(z.read('big.txt').decode() == text, z.read('level1.txt') == text.encode(),
          z.read('plain.txt'), [i.compress_type for i in z.infolist()],
          [i.compress_size < i.file_size for i in z.infolist()][:2], z.getinfo('folder/').is_dir())
    print(oct(z.getinfo('big.txt').external_attr >> 16), oct(z.getinfo('folder/').external_attr))

# files on disk: write(), append mode, extract, extractall
d = tempfile.mkdtemp()
src = os.path.join(d, 'src')
os.makedirs(os.path.join(src, 'inner'))
with open(os.path.join(src, 'one.txt'), 'w') as f:
    f.write('first file\n')
with open(os.path.join(src, 'inner', 'two.txt'), 'w') as f:
    f.write('second file\n')
archive = os.path.join(d, 'out.zip')
with zipfile.ZipFile(archive, 'w', zipfile.ZIP_DEFLATED) as z:
    z.write(os.path.join(src, 'one.txt'), 'one.txt')
    z.write(os.path.join(src, 'inner'), 'inner')
    z.write(os.path.join(src, 'inner', 'two.txt'), arcname='/inner/two.txt')
print(zipfile.is_zipfile(archive), zipfile.is_zipfile(os.path.join(src, 'one.txt')),
      zipfile.is_zipfile(io.BytesIO(ZIPDATA)), zipfile.is_zipfile(os.path.join(d, 'nope')))
with zipfile.ZipFile(archive, 'a') as z:
    z.writestr('added.txt', b'appended later')
with zipfile.ZipFile(archive) as z:
    print(z.namelist(), z.read('inner/two.txt'), z.getinfo('inner/').file_size)
    dest = os.path.join(d, 'dest')
    z.extractall(dest)
    print(os.path.relpath(z.extract('one.txt', os.path.join(d, 'single')), d))
    print(z.extract('inner/', os.path.join(d, 'single')) == os.path.join(d, 'single', 'inner'))
for root, dirs, files in sorted(os.walk(dest)):
    print(os.path.relpath(root, d), sorted(dirs), sorted(files))
with open(os.path.join(dest, 'inner', 'two.txt')) as f:
    print(f.read())
with zipfile.ZipFile(os.path.join(d, 'fresh.zip'), 'a') as z:
    z.writestr('x', 'y')
with zipfile.ZipFile(os.path.join(d, 'fresh.zip')) as z:
    print(z.mode, z.namelist())
evil = io.BytesIO()
with zipfile.ZipFile(evil, 'w') as z:
    z.writestr('../../escape.txt', 'no')
    z.writestr('/abs/path.txt', 'no')
with zipfile.ZipFile(evil) as z:
    z.extractall(os.path.join(d, 'safe'))
print(sorted(os.listdir(os.path.join(d, 'safe'))), os.path.exists(os.path.join(d, 'escape.txt')))

# errors
for bad in (b'', b'not a zip file at all', ZIPDATA[:-30]):
    try:
        zipfile.ZipFile(io.BytesIO(bad))
    except zipfile.BadZipFile as e:
        print('BadZipFile', e)
corrupt = bytearray(ZIPDATA)
corrupt[ZIPDATA.index(bytes(range(10)))] = 99
with zipfile.ZipFile(io.BytesIO(bytes(corrupt))) as z:
    print(z.testzip())
    try:
        z.read('stored.bin')
    except zipfile.BadZipFile as e:
        print('BadZipFile', e)
for call in (lambda: zipfile.ZipFile(io.BytesIO(), 'q'),
             lambda: zipfile.ZipFile(io.BytesIO(), 'w', compression=99),
             lambda: zipfile.ZipInfo('old', (1979, 1, 1, 0, 0, 0)),
             lambda: zipfile.ZipFile(io.BytesIO(ZIPDATA)).writestr('x', 'y'),
             lambda: zipfile.ZipFile(io.BytesIO(ZIPDATA)).open('x', 'a')):
    try:
        call()
    except (ValueError, NotImplementedError) as e:
        print(type(e).__name__, e)
z = zipfile.ZipFile(io.BytesIO(), 'w')
z.close()
try:
    z.writestr('late', 'x')
except ValueError as e:
    print('ValueError', e)
try:
    z.comment = 'str'
except TypeError as e:
    print('TypeError', e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    with zipfile.ZipFile(io.BytesIO(), 'w') as z:
        z.writestr('dup', 'a')
        z.writestr('dup', 'b')
    print([str(x.message) for x in w], [x.category.__name__ for x in w])
print(zipfile.BadZipfile is zipfile.BadZipFile, zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED)
for root, dirs, files in os.walk(d, topdown=False):
    for n in files:
        os.remove(os.path.join(root, n))
    for n in dirs:
        os.rmdir(os.path.join(root, n))
os.rmdir(d)
