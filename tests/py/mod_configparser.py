# configparser: reading, getting, interpolation, writing, errors.
import configparser
import io
import os
import tempfile

TEXT = """
[DEFAULT]
ServerAliveInterval = 45
Compression = yes
CompressionLevel = 9
ForwardX11 = yes

[bitbucket.org]
User = hg

[topsecret.server.com]
Port = 50022
ForwardX11 = no
# a comment
; another comment
multi = first line
    second line

    fourth after blank
ratio: 0.75
empty =
"""

cp = configparser.ConfigParser()
cp.read_string(TEXT)
print(cp.sections(), cp.defaults())
print(list(cp), len(cp), 'bitbucket.org' in cp, 'DEFAULT' in cp, 'nope' in cp)
print(cp['bitbucket.org']['User'], cp['bitbucket.org']['user'], cp['DEFAULT']['compression'])
top = cp['topsecret.server.com']
print(repr(top), top.name, top['port'], top.getint('port'), top.getboolean('forwardx11'))
print(repr(top['multi']), repr(top['empty']), top.getfloat('ratio'))
print(cp.getint('topsecret.server.com', 'Port'), cp.getboolean('bitbucket.org', 'compression'))
print(cp.get('bitbucket.org', 'missing', fallback='fb'), top.get('missing'), top.get('missing', 'x'))
print(cp.getint('bitbucket.org', 'nope', fallback=7), cp.get('nosect', 'x', fallback=None))
print(cp.options('bitbucket.org'), list(top), list(top.keys()))
print(cp.items('topsecret.server.com'))
print([(name, repr(proxy)) for name, proxy in cp.items()])
print(cp.has_option('bitbucket.org', 'user'), cp.has_option('bitbucket.org', 'serveraliveinterval'),
      cp.has_option('nope', 'x'), cp.has_option('', 'compression'), cp.has_section('DEFAULT'))
for state in ['1', 'yes', 'TRUE', 'On', '0', 'no', 'false', 'OFF']:
    cp.set('bitbucket.org', 'flag', state)
    print(state, cp.getboolean('bitbucket.org', 'flag'), end='; ')
print()
cp.set('bitbucket.org', 'flag', 'maybe')
try:
    cp.getboolean('bitbucket.org', 'flag')
except ValueError as e:
    print('ValueError', e)

# errors
for call in (lambda: cp.get('nosection', 'a'), lambda: cp.get('bitbucket.org', 'zzz'),
             lambda: cp.add_section('bitbucket.org'), lambda: cp.add_section('DEFAULT'),
             lambda: cp.options('nope'), lambda: cp.set('nope', 'a', 'b'),
             lambda: cp['nope'], lambda: cp.set('bitbucket.org', 'a', 5),
             lambda: cp.add_section(3), lambda: cp.items('nope')):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, '|', e, '|', e.args)
for text in ['key = v\n[s]\n', '[s]\na = 1\n[s]\n', '[s]\na = 1\nA = 2\n',
             '[s]\n= novalue\njunk line\nok = 1\nalso junk\n', '[s]\nbare\n']:
    try:
        configparser.ConfigParser().read_string(text, source='src.ini')
        print('ok')
    except configparser.Error as e:
        print(type(e).__name__, repr(str(e)), e.args)
p = configparser.ConfigParser(strict=False)
p.read_string('[s]\na = 1\na = 2\n[s]\nb = 3\n')
print(dict(p['s']))
try:
    p.read_dict({'t': {'k': 1, 'K': 2}})
except configparser.DuplicateOptionError as e:
    print('DuplicateOptionError', e)

# interpolation
basic = configparser.ConfigParser()
basic.read_string("""
[paths]
home = /home/%(user)s
user = alice
data = %(home)s/data
pct = 100%%
bad = %(missing)s
syntax = 5%
loop = %(loop)s
ref = %(user
""")
print(basic['paths']['data'], basic['paths']['pct'], basic.get('paths', 'data', raw=True))
print(basic.get('paths', 'home', vars={'user': 'bob'}))
print(basic.items('paths', raw=True)[:2])
for opt in ('bad', 'syntax', 'loop', 'ref'):
    try:
        basic.get('paths', opt)
    except configparser.InterpolationError as e:
        print(type(e).__name__, '|', e, '|', e.args)
try:
    basic.set('paths', 'x', 'a % b')
except ValueError as e:
    print('ValueError', e)
ext = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
ext.read_string("""
[common]
root = /usr
lib = ${root}/lib
dollars = $$5

[app]
path = ${common:lib}/app
self = ${path}/x
bad = ${nosuch:opt}
toomany = ${a:b:c}
syntax = $oops
""")
print(ext['common']['lib'], ext['common']['dollars'], ext['app']['path'], ext['app']['self'])
for opt in ('bad', 'toomany', 'syntax'):
    try:
        ext.get('app', opt)
    except configparser.InterpolationError as e:
        print(type(e).__name__, '|', e)
raw = configparser.RawConfigParser()
raw.read_string('[s]\nv = %(x)s and 100%\n')
raw.set('s', 'n', 5)
print(raw.get('s', 'v'), raw.get('s', 'n'))

# options and features
nv = configparser.ConfigParser(allow_no_value=True, delimiters=('=',),
                               comment_prefixes=('#',), inline_comment_prefixes=(';',))
nv.read_string('[flags]\nskip-bdb\nkey = value ; inline comment\ncolon: kept = yes\n')
print(dict(nv['flags']))
ne = configparser.ConfigParser(empty_lines_in_values=False, default_section='common')
ne.read_string('[common]\nshared = 1\n[s]\nv = a\n  b\n\n  c = 2\n')
print(dict(ne['s']), ne.default_section)
cs = configparser.ConfigParser()
cs.optionxform = str
cs.read_string('[S]\nCamelKey = 1\n')
print(cs.options('S'))
d = configparser.ConfigParser(defaults={'a': '1', 'B': 2})
d.read_dict({'sec': {'x': 1, 'z': 'zz'}, 'other': {}})
print(d.defaults(), dict(d['sec']), d.sections())
conv = configparser.ConfigParser(converters={'list': lambda v: v.split(',')})
conv.read_string('[s]\nitems = a,b,c\n')
print(conv.getlist('s', 'items'), conv['s'].getlist('items'), sorted(conv.converters))

# mapping protocol changes, removal
cp['new'] = {'k': 'v', 'n': '1'}
cp['new']['extra'] = 'e'
del cp['new']['n']
print(dict(cp['new']), cp.remove_option('new', 'k'), cp.remove_option('new', 'k'))
print(cp.remove_section('new'), cp.remove_section('new'))
try:
    del cp['DEFAULT']
except ValueError as e:
    print(e)
try:
    del top['nonexistent']
except KeyError as e:
    print('KeyError', e)

# write and read back through a file
out = io.StringIO()
cp.write(out)
print(out.getvalue())
out = io.StringIO()
nv.write(out, space_around_delimiters=False)
print(out.getvalue())
fd, path = tempfile.mkstemp(suffix='.ini')
os.close(fd)
with open(path, 'w') as f:
    cp.write(f)
again = configparser.ConfigParser()
print(again.read([path, '/nonexistent/file.ini']) == [path], again['topsecret.server.com']['multi'])
with open(path) as f:
    third = configparser.ConfigParser()
    third.read_file(f)
print(third.sections() == cp.sections())
os.remove(path)
print(configparser.DEFAULTSECT, configparser.MAX_INTERPOLATION_DEPTH)
