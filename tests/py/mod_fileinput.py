# fileinput over files, stdin ('-'), in-place rewriting and the module state.
import fileinput
import os
import sys
import tempfile

d = tempfile.mkdtemp()
names = []
for i, content in enumerate(['a1\na2\n', '', 'c1\nc2\nc3 no newline']):
    p = os.path.join(d, 'f%d.txt' % i)
    with open(p, 'w') as f:
        f.write(content)
    names.append(p)


def short(p):
    return os.path.basename(p) if p else p


for line in fileinput.input(names):
    print(repr(line), short(fileinput.filename()), fileinput.lineno(), fileinput.filelineno(),
          fileinput.isfirstline(), fileinput.isstdin(), fileinput.fileno() > 2)
fileinput.close()

# nextfile() skips the rest of a file; FileInput as a context manager
with fileinput.FileInput(files=names, mode='rb') as fi:
    for line in fi:
        print(line, fi.lineno())
        if line == b'c1\n':
            fi.nextfile()
print(fi.lineno())

# stdin, then a file
with fileinput.input(['-', names[0]]) as fi:
    for line in fi:
        print(repr(line), short(fi.filename()), fi.isstdin(), fi.lineno())

# readline()
fi = fileinput.FileInput(names[2])
print(repr(fi.readline()), repr(fi.readline()), fi.filelineno())
fi.close()

# in place: print() writes the new content, with and without a backup
with fileinput.input(names[0], inplace=True) as fi:
    for line in fi:
        print(line.rstrip().upper() + '!')
print(open(names[0]).read(), os.path.exists(names[0] + '.bak'))
with fileinput.input(names[2], inplace=True, backup='.orig') as fi:
    for line in fi:
        sys.stdout.write('%d:%s' % (fi.filelineno(), line))
print(open(names[2]).read())
print(open(names[2] + '.orig').read())

# hooks
enc = os.path.join(d, 'latin.txt')
with open(enc, 'wb') as f:
    f.write('caf\xe9\n'.encode('utf-8'))
with fileinput.input(enc, openhook=fileinput.hook_encoded('utf-8')) as fi:
    print([l for l in fi])

# errors
for call in (lambda: fileinput.filename(), lambda: fileinput.nextfile(),
             lambda: fileinput.FileInput(mode='w'),
             lambda: fileinput.FileInput(inplace=True, openhook=open),
             lambda: fileinput.FileInput(openhook=3)):
    try:
        call()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)
fi = fileinput.input(names)
next(fi)
try:
    fileinput.input(names)
except RuntimeError as e:
    print('RuntimeError', e)
fileinput.close()
print(list(fileinput.input([])) if False else 'done')

for n in os.listdir(d):
    os.remove(os.path.join(d, n))
os.rmdir(d)
