# gettext: identity fallbacks, NullTranslations, a .mo catalog with plural
# forms and contexts, translation()/install().
import builtins
import gettext
import os
import struct
import tempfile

os.environ.pop('LANGUAGE', None)
print(gettext.gettext('Hello'), gettext.ngettext('file', 'files', 1),
      gettext.ngettext('file', 'files', 3), gettext.pgettext('menu', 'Open'),
      gettext.npgettext('c', 'one', 'many', 0))
print(gettext.dgettext('nodomain', 'x'), gettext.dngettext('nodomain', 'a', 'b', 2),
      gettext.textdomain(), gettext.textdomain('myapp'), gettext.textdomain())
print(gettext.bindtextdomain('myapp', '/nonexistent') == '/nonexistent', gettext.gettext('still'))
print(gettext.find('nodomain', '/nonexistent', ['de']), gettext.find('x', '/nonexistent', ['de'], all=True))
try:
    gettext.translation('nodomain', '/nonexistent', ['de'])
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
t = gettext.translation('nodomain', '/nonexistent', ['de'], fallback=True)
print(type(t).__name__, t.gettext('msg'), t.ngettext('a', 'b', 1), t.info(), t.charset())
t.install()
print(_('installed'))
t.install(names=['ngettext'])
print(builtins.ngettext('x', 'y', 5))
del builtins._, builtins.ngettext


def make_mo(entries):
    """A little msgfmt: entries are (msgid, msgstr) byte strings."""
    entries = sorted(entries)
    n = len(entries)
    ids = b''
    strs = b''
    offsets = []
    for k, v in entries:
        offsets.append((len(ids), len(k), len(strs), len(v)))
        ids += k + b'\0'
        strs += v + b'\0'
    keystart = 7 * 4 + 16 * n
    valuestart = keystart + len(ids)
    koffsets = []
    voffsets = []
    for o1, l1, o2, l2 in offsets:
        koffsets += [l1, o1 + keystart]
        voffsets += [l2, o2 + valuestart]
    out = struct.pack('Iiiiiii', 0x950412de, 0, n, 7 * 4, 7 * 4 + n * 8, 0, 0)
    out += struct.pack('%di' % len(koffsets), *koffsets)
    out += struct.pack('%di' % len(voffsets), *voffsets)
    return out + ids + strs


header = (b'Project-Id-Version: test\nContent-Type: text/plain; charset=UTF-8\n'
          b'Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : '
          b'n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n')
entries = [(b'', header), (b'Hello', b'Privet'), (b'apple\0apples', b'yabloko\0yabloka\0yablok'),
           (b'menu\x04Open', b'Otkryt'), (b'ctx\x04day\0days', b'den\0dnya\0dney'),
           (b'caf\xc3\xa9', b'kafe \xe2\x98\x95')]
d = tempfile.mkdtemp()
os.makedirs(os.path.join(d, 'ru', 'LC_MESSAGES'))
mo = os.path.join(d, 'ru', 'LC_MESSAGES', 'app.mo')
with open(mo, 'wb') as f:
    f.write(make_mo(entries))
print(gettext.find('app', d, ['ru']) == mo, gettext.find('app', d, ['ru_RU.UTF-8']) == mo)
t = gettext.translation('app', d, ['ru'])
print(type(t).__name__, t.charset(), t.info()['project-id-version'], sorted(t.info()))
print(t.gettext('Hello'), t.gettext('unknown'), t.gettext('café'), t.gettext('apple'))
print([t.ngettext('apple', 'apples', n) for n in (0, 1, 2, 5, 11, 21, 22, 25, 101, 111)])
print(t.ngettext('pear', 'pears', 1), t.ngettext('pear', 'pears', 2))
print(t.pgettext('menu', 'Open'), t.pgettext('other', 'Open'),
      [t.npgettext('ctx', 'day', 'days', n) for n in (1, 3, 7)], t.npgettext('x', 'd', 'ds', 2))
try:
    t.ngettext('apple', 'apples', 1.5)
except TypeError as e:
    print('TypeError', e)
t.add_fallback(gettext.NullTranslations())
print(t.gettext('fallback-to-null'))
gettext.bindtextdomain('app', d)
gettext.textdomain('app')
os.environ['LANGUAGE'] = 'ru'
print(gettext.gettext('Hello'), gettext.ngettext('apple', 'apples', 3),
      gettext.dgettext('app', 'Hello'), gettext.pgettext('menu', 'Open'))
gettext.install('app', d)
print(_('Hello'))
del builtins._

# the plural-form compiler
for expr in ('n != 1', 'n>1', '0', 'n==1 ? 0 : n==2 ? 1 : 2', '(n % 10 == 1) ? 0 : 1',
             'n/2', '!n', 'n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2'):
    f = gettext.c2py(expr)
    print(expr, [f(n) for n in (0, 1, 2, 3, 5, 11, 21, 100)])
for bad in ('n +', '(n', 'n)', 'x', 'n ? 1', 'import os'):
    try:
        gettext.c2py(bad)
    except ValueError as e:
        print('ValueError', bad)
for root, dirs, files in os.walk(d, topdown=False):
    for n in files:
        os.remove(os.path.join(root, n))
    for n in dirs:
        os.rmdir(os.path.join(root, n))
os.rmdir(d)
