# urllib.parse: split/parse/unsplit/join, quoting, query strings.
from urllib.parse import (urlparse, urlsplit, urlunparse, urlunsplit, urljoin, urldefrag,
                          quote, quote_plus, unquote, unquote_plus, quote_from_bytes,
                          unquote_to_bytes, urlencode, parse_qs, parse_qsl)
import urllib.parse

urls = ['http://user:pw@Host.COM:8080/a/b;p?q=1&r=2#frag', 'https://example.org',
        'ftp://ftp.x.org/pub/file.txt', 'file:///etc/passwd', 'mailto:joe@x.org',
        '//netloc/only', '/just/a/path?x', 'relative/path#f', 'HTTP://X.ORG/A',
        'http://[::1]:80/ipv6', 'http://[fe80::1%25eth0]/zone', 'urn:isbn:0451450523',
        'news:comp.lang.python', 'tel:+1-816-555-1212', 'svn+ssh://h/repo', '',
        '  http://spaces.org/ ', 'http://a/b\tc\nd', 'path;params', 'sip:alice@x.com;tr=u',
        'http://h/p;a;b', 'http://h/x;y/z', 'x:y', '1http://a/b', 'a.b+c-d://h/p']
for u in urls:
    p = urlparse(u)
    s = urlsplit(u)
    print(repr(u))
    print('  ', p)
    print('  ', s)
    print('  ', urlunparse(p), urlunsplit(s), p.geturl() == urlunparse(p))
    print('  ', p.username, p.password, p.hostname, p.port)
print(urlparse('path', scheme='https'), urlsplit('x#y', allow_fragments=False))
print(urlparse(b'http://h/p?q#f'), urlsplit(b'//h/p').hostname)
print(urlparse('http://h/p').encode(), urlsplit(b'http://h/').decode())
for bad in ('http://[::1/x', 'http://h:99999/', 'http://h:port/'):
    try:
        urlsplit(bad).port
    except ValueError as e:
        print('ValueError', e)
try:
    urljoin('http://a', b'b')
except TypeError as e:
    print('TypeError', e)

# RFC 3986 section 5.4 examples, and more
base = 'http://a/b/c/d;p?q'
for rel in ['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x',
            'g;x', 'g;x?y#s', '', '.', './', '..', '../', '../g', '../..', '../../',
            '../../g', '../../../g', '../../../../g', '/./g', '/../g', 'g.', '.g', 'g..',
            '..g', './../g', './g/.', 'g/./h', 'g/../h', 'g;x=1/./y', 'g;x=1/../y',
            'g?y/./x', 'g?y/../x', 'g#s/./x', 'g#s/../x', 'http:g', 'https:g']:
    print(repr(rel), urljoin(base, rel))
print(urljoin('http://a/b/', 'c'), urljoin('http://a/b', '../../c'), urljoin('', 'x'),
      urljoin('x', ''), urljoin('mailto:a', 'b'), urljoin('http://a/b/c', 'g', False))
print(urljoin(b'http://a/b/c', b'../d'), urljoin('file:///tmp/x', 'y'))
print(urldefrag('http://h/p?q#frag'), urldefrag('http://h/p'), urldefrag(b'a#b'))
print(urldefrag('http://h/p#f').geturl())

# quoting
for s in ['abc', 'a b', 'a/b c', '~user_.-', 'ü€', '100%', '', '?&=#+', 'a\x00b']:
    print(repr(s), quote(s), quote(s, safe=''), quote_plus(s), quote_plus(s, safe='/'))
print(quote(b'a b\xff'), quote('é', encoding='latin-1'), quote('\udcff', errors='surrogateescape'))
print(quote_from_bytes(b'/x y'), quote_from_bytes(b''), quote_plus(b'a b&'))
try:
    quote(b'x', encoding='utf-8')
except TypeError as e:
    print(e)
try:
    quote_from_bytes('s')
except TypeError as e:
    print(e)
for s in ['abc', 'a%20b', '%C3%BC', '%zz%4', '%e2%82%ac!', '%FF', 'a+b', '%', '%%41', 'ü%20']:
    print(repr(s), repr(unquote(s)), repr(unquote_plus(s)), unquote_to_bytes(s))
print(unquote('%E9', encoding='latin-1'), unquote(b'a%20b'), unquote('%FF', errors='ignore'))

# query strings
qs = 'a=1&b=2&a=3&empty=&noval&sp=x+y%21&&enc=%C3%A9'
print(parse_qsl(qs))
print(parse_qsl(qs, keep_blank_values=True))
print(parse_qs(qs), parse_qs(qs, keep_blank_values=True))
print(parse_qsl('a=1;b=2', separator=';'), parse_qsl(b'x=1&y=%20'), parse_qsl(''))
for kw in (dict(strict_parsing=True), dict(max_num_fields=2), dict(separator='')):
    try:
        parse_qsl('a=1&b&c=3', **kw)
    except ValueError as e:
        print('ValueError', e)
print(urlencode({'a': 1, 'b': 'x y', 'c': 'é&='}))
print(urlencode([('k', 'v1'), ('k', 'v2'), (b'bk', b'b v')]))
print(urlencode({'l': [1, 2, 'x y']}), urlencode({'l': [1, 2]}, doseq=True),
      urlencode({'n': 5, 's': 'ab'}, doseq=True))
print(urlencode({'p': '/a b/'}, safe='/'), urlencode({'q': 'a b'}, quote_via=quote))
try:
    urlencode('abc')
except TypeError as e:
    print(e)
print(urllib.parse.uses_netloc[:3], 'sftp' in urllib.parse.uses_relative)
r = urlparse('http://h/p')
print(r._replace(scheme='https').geturl(), r.scheme, r[1], len(r), type(r).__name__)
