"""gettext -- message catalogs (GNU .mo files) for internationalization,
as CPython 3.11's module.

Without a catalog every function hands back its argument (the identity
fallback: NullTranslations).  GNUTranslations reads a compiled .mo file:
a header of offsets to the original and translated strings; the entry
with an empty msgid holds metadata, among it the C expression of the
language's plural rule, which c2py turns into a Python function.
"""
import os
import re
import sys

__all__ = ['NullTranslations', 'GNUTranslations', 'Catalog', 'bindtextdomain', 'find',
           'translation', 'install', 'textdomain', 'dgettext', 'dngettext', 'gettext',
           'ngettext', 'pgettext', 'dpgettext', 'npgettext', 'dnpgettext']

_default_localedir = os.path.join(getattr(sys, 'base_prefix', getattr(sys, 'prefix', '/usr')),
                                  'share', 'locale')


# ---- plural forms: a C expression over n ---------------------------------

_token_re = re.compile(r"""
        (?P<WHITESPACES>[ \t]+)                    |
        (?P<NUMBER>[0-9]+\b)                       |
        (?P<NAME>n\b)                              |
        (?P<PARENTHESIS>[()])                      |
        (?P<OPERATOR>[-*/%+?:]|[><!]=?|==|&&|\|\|) |
        (?P<INVALID>\w+|.)
    """, re.VERBOSE | re.DOTALL)

# Binary operators by precedence level, loosest first (C's order).
_LEVELS = (('||',), ('&&',), ('==', '!='), ('<', '>', '<=', '>='), ('+', '-'),
           ('*', '/', '%'))


def _tokenize(plural):
    for mo in _token_re.finditer(plural):
        kind = mo.lastgroup
        if kind == 'WHITESPACES':
            continue
        value = mo.group(kind)
        if kind == 'INVALID':
            raise ValueError('invalid token in plural form: %s' % value)
        yield value
    yield ''


def _c_div(a, b):
    return a // b


def _binop(op, a, b):
    if op == '||':
        return lambda n: 1 if (a(n) or b(n)) else 0
    if op == '&&':
        return lambda n: 1 if (a(n) and b(n)) else 0
    fn = {'==': lambda x, y: int(x == y), '!=': lambda x, y: int(x != y),
          '<': lambda x, y: int(x < y), '>': lambda x, y: int(x > y),
          '<=': lambda x, y: int(x <= y), '>=': lambda x, y: int(x >= y),
          '+': lambda x, y: x + y, '-': lambda x, y: x - y, '*': lambda x, y: x * y,
          '/': _c_div, '%': lambda x, y: x % y}[op]
    return lambda n: fn(a(n), b(n))


class _PluralParser:
    """Recursive descent over the tokens; builds nested closures."""

    def __init__(self, plural):
        self.tokens = _tokenize(plural)
        self.tok = next(self.tokens)
        self.depth = 0

    def advance(self):
        # Past the end the token stays '' (every rule rejects it).
        self.tok = next(self.tokens, '')

    def ternary(self):
        cond = self.binary(0)
        if self.tok != '?':
            return cond
        self.depth += 1
        if self.depth > 20:
            raise ValueError('plural form expression is too complex')
        self.advance()
        yes = self.ternary()
        if self.tok != ':':
            raise ValueError('syntax error in plural form: %s' % (self.tok or 'end of string'))
        self.advance()
        no = self.ternary()
        self.depth -= 1
        return lambda n: yes(n) if cond(n) else no(n)

    def binary(self, level):
        if level == len(_LEVELS):
            return self.unary()
        left = self.binary(level + 1)
        while self.tok in _LEVELS[level]:
            op = self.tok
            self.advance()
            left = _binop(op, left, self.binary(level + 1))
        return left

    def unary(self):
        tok = self.tok
        self.advance()
        if tok == '!':
            inner = self.unary()
            return lambda n: int(not inner(n))
        if tok == '(':
            self.depth += 1
            inner = self.ternary()
            if self.tok != ')':
                raise ValueError('unbalanced parenthesis in plural form')
            self.depth -= 1
            self.advance()
            return inner
        if tok == 'n':
            return lambda n: n
        if tok.isdigit():
            value = int(tok)
            return lambda n: value
        raise ValueError('unexpected token in plural form: %s' % (tok or 'end of string'))


def _as_int(n):
    """A non-int plural count: a number still works (deprecated)."""
    try:
        round(n)
    except TypeError:
        raise TypeError('Plural value must be an integer, got %s' %
                        (n.__class__.__name__,)) from None
    import warnings
    warnings.warn('Plural value must be an integer, got %s' % (n.__class__.__name__,),
                  DeprecationWarning, 4)
    return n


def c2py(plural):
    """Gets a C expression as used in PO files for plural forms and returns a
    Python function that implements an equivalent expression."""
    if len(plural) > 1000:
        raise ValueError('plural form expression is too long')
    try:
        parser = _PluralParser(plural)
        expr = parser.ternary()
        if parser.tok:
            if parser.tok == ')':
                raise ValueError('unbalanced parenthesis in plural form')
            raise ValueError('syntax error in plural form: %s' % parser.tok)
    except RecursionError:
        raise ValueError('plural form expression is too complex')

    def func(n):
        if not isinstance(n, int):
            n = _as_int(n)
        return int(expr(n))
    return func


# ---- languages and catalog files --------------------------------------------------

def _expand_lang(loc):
    """'de_DE.UTF-8@euro' -> the names to try, most specific first."""
    try:
        import locale
        loc = locale.normalize(loc)
    except (ImportError, AttributeError):
        pass
    COMPONENT_CODESET, COMPONENT_TERRITORY, COMPONENT_MODIFIER = 1 << 0, 1 << 1, 1 << 2
    pos = loc.find('@')
    modifier = loc[pos:] if pos >= 0 else ''
    loc = loc[:pos] if pos >= 0 else loc
    mask = COMPONENT_MODIFIER if modifier else 0
    pos = loc.find('.')
    codeset = loc[pos:] if pos >= 0 else ''
    loc = loc[:pos] if pos >= 0 else loc
    if codeset:
        mask |= COMPONENT_CODESET
    pos = loc.find('_')
    territory = loc[pos:] if pos >= 0 else ''
    language = loc[:pos] if pos >= 0 else loc
    if territory:
        mask |= COMPONENT_TERRITORY
    ret = []
    for i in range(mask + 1):
        if not (i & ~mask):
            val = language
            if i & COMPONENT_TERRITORY:
                val += territory
            if i & COMPONENT_CODESET:
                val += codeset
            if i & COMPONENT_MODIFIER:
                val += modifier
            ret.append(val)
    ret.reverse()
    return ret


def find(domain, localedir=None, languages=None, all=False):
    """The .mo file(s) of domain for the languages (from the environment
    when not given): one path or None, or with all=True a list."""
    if localedir is None:
        localedir = _default_localedir
    if languages is None:
        languages = []
        for envar in ('LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG'):
            val = os.environ.get(envar)
            if val:
                languages = val.split(':')
                break
        if 'C' not in languages:
            languages.append('C')
    nelangs = []
    for lang in languages:
        for nelang in _expand_lang(lang):
            if nelang not in nelangs:
                nelangs.append(nelang)
    result = [] if all else None
    for lang in nelangs:
        if lang == 'C':
            break
        mofile = os.path.join(localedir, lang, 'LC_MESSAGES', '%s.mo' % domain)
        if os.path.exists(mofile):
            if all:
                result.append(mofile)
            else:
                return mofile
    return result


# ---- translation objects ----------------------------------------------------------

class NullTranslations:
    """No catalog: messages come back unchanged (or from the fallback)."""

    def __init__(self, fp=None):
        self._info = {}
        self._charset = None
        self._output_charset = None
        self._fallback = None
        if fp is not None:
            self._parse(fp)

    def _parse(self, fp):
        pass

    def add_fallback(self, fallback):
        if self._fallback:
            self._fallback.add_fallback(fallback)
        else:
            self._fallback = fallback

    def gettext(self, message):
        if self._fallback:
            return self._fallback.gettext(message)
        return message

    def ngettext(self, msgid1, msgid2, n):
        if self._fallback:
            return self._fallback.ngettext(msgid1, msgid2, n)
        return msgid1 if n == 1 else msgid2

    def pgettext(self, context, message):
        if self._fallback:
            return self._fallback.pgettext(context, message)
        return message

    def npgettext(self, context, msgid1, msgid2, n):
        if self._fallback:
            return self._fallback.npgettext(context, msgid1, msgid2, n)
        return msgid1 if n == 1 else msgid2

    def info(self):
        return self._info

    def charset(self):
        return self._charset

    def install(self, names=None):
        """Make _() (and the named methods) builtins."""
        import builtins
        builtins.__dict__['_'] = self.gettext
        if names is not None:
            allowed = {'gettext', 'ngettext', 'npgettext', 'pgettext'}
            for name in allowed & set(names):
                builtins.__dict__[name] = getattr(self, name)


class GNUTranslations(NullTranslations):
    """A catalog read from a GNU .mo file."""
    LE_MAGIC = 0x950412de
    BE_MAGIC = 0xde120495
    CONTEXT = "%s\x04%s"
    VERSIONS = (0, 1)

    def _get_versions(self, version):
        return (version >> 16, version & 0xffff)

    def _parse(self, fp):
        from struct import unpack
        filename = getattr(fp, 'name', '')
        self._catalog = catalog = {}
        self.plural = lambda n: int(n != 1)   # germanic plural by default
        buf = fp.read()
        buflen = len(buf)
        magic = unpack('<I', buf[:4])[0]
        if magic == self.LE_MAGIC:
            ii = '<II'
            version, msgcount, masteridx, transidx = unpack('<4I', buf[4:20])
        elif magic == self.BE_MAGIC:
            ii = '>II'
            version, msgcount, masteridx, transidx = unpack('>4I', buf[4:20])
        else:
            raise OSError(0, 'Bad magic number', filename)
        major_version, minor_version = self._get_versions(version)
        if major_version not in self.VERSIONS:
            raise OSError(0, 'Bad version number ' + str(major_version), filename)
        for i in range(0, msgcount):
            mlen, moff = unpack(ii, buf[masteridx:masteridx + 8])
            mend = moff + mlen
            tlen, toff = unpack(ii, buf[transidx:transidx + 8])
            tend = toff + tlen
            if mend < buflen and tend < buflen:
                msg = buf[moff:mend]
                tmsg = buf[toff:tend]
            else:
                raise OSError(0, 'File is corrupt', filename)
            if mlen == 0:
                self._parse_header(tmsg)
            charset = self._charset or 'ascii'
            if b'\x00' in msg:
                msgid1, msgid2 = msg.split(b'\x00')
                tmsg = tmsg.split(b'\x00')
                msgid1 = str(msgid1, charset)
                for n, x in enumerate(tmsg):
                    catalog[(msgid1, n)] = str(x, charset)
            else:
                catalog[str(msg, charset)] = str(tmsg, charset)
            masteridx += 8
            transidx += 8

    def _parse_header(self, tmsg):
        """The metadata entry: 'Key: value' lines."""
        lastk = None
        for b_item in tmsg.split(b'\n'):
            item = b_item.decode().strip()
            if not item:
                continue
            if item.startswith('#-#-#-#-#') and item.endswith('#-#-#-#-#'):
                continue
            k = v = None
            if ':' in item:
                k, v = item.split(':', 1)
                k = k.strip().lower()
                v = v.strip()
                self._info[k] = v
                lastk = k
            elif lastk:
                self._info[lastk] += '\n' + item
            if k == 'content-type':
                self._charset = v.split('charset=')[1]
            elif k == 'plural-forms':
                v = v.split(';')
                plural = v[1].split('plural=')[1]
                self.plural = c2py(plural)

    def gettext(self, message):
        missing = object()
        tmsg = self._catalog.get(message, missing)
        if tmsg is missing:
            if self._fallback:
                return self._fallback.gettext(message)
            return message
        return tmsg

    def ngettext(self, msgid1, msgid2, n):
        try:
            return self._catalog[(msgid1, self.plural(n))]
        except KeyError:
            if self._fallback:
                return self._fallback.ngettext(msgid1, msgid2, n)
            return msgid1 if n == 1 else msgid2

    def pgettext(self, context, message):
        ctxt_msg_id = self.CONTEXT % (context, message)
        missing = object()
        tmsg = self._catalog.get(ctxt_msg_id, missing)
        if tmsg is missing:
            if self._fallback:
                return self._fallback.pgettext(context, message)
            return message
        return tmsg

    def npgettext(self, context, msgid1, msgid2, n):
        ctxt_msg_id = self.CONTEXT % (context, msgid1)
        try:
            return self._catalog[ctxt_msg_id, self.plural(n)]
        except KeyError:
            if self._fallback:
                return self._fallback.npgettext(context, msgid1, msgid2, n)
            return msgid1 if n == 1 else msgid2


_translations = {}


def translation(domain, localedir=None, languages=None, class_=None, fallback=False):
    """The translations of domain (catalogs of several languages chained as
    fallbacks); NullTranslations with fallback=True when none is found."""
    if class_ is None:
        class_ = GNUTranslations
    mofiles = find(domain, localedir, languages, all=True)
    if not mofiles:
        if fallback:
            return NullTranslations()
        from errno import ENOENT
        raise FileNotFoundError(ENOENT, 'No translation file found for domain', domain)
    import copy
    result = None
    for mofile in mofiles:
        key = (class_, os.path.abspath(mofile))
        t = _translations.get(key)
        if t is None:
            with open(mofile, 'rb') as fp:
                t = _translations.setdefault(key, class_(fp))
        t = copy.copy(t)
        if result is None:
            result = t
        else:
            result.add_fallback(t)
    return result


def install(domain, localedir=None, *, names=None):
    t = translation(domain, localedir, fallback=True)
    t.install(names)


_localedirs = {}
_current_domain = 'messages'


def textdomain(domain=None):
    global _current_domain
    if domain is not None:
        _current_domain = domain
    return _current_domain


def bindtextdomain(domain, localedir=None):
    if localedir is not None:
        _localedirs[domain] = localedir
    return _localedirs.get(domain, _default_localedir)


def _domain_translation(domain):
    try:
        return translation(domain, _localedirs.get(domain, None))
    except OSError:
        return None


def dgettext(domain, message):
    t = _domain_translation(domain)
    return message if t is None else t.gettext(message)


def dngettext(domain, msgid1, msgid2, n):
    t = _domain_translation(domain)
    if t is None:
        return msgid1 if n == 1 else msgid2
    return t.ngettext(msgid1, msgid2, n)


def dpgettext(domain, context, message):
    t = _domain_translation(domain)
    return message if t is None else t.pgettext(context, message)


def dnpgettext(domain, context, msgid1, msgid2, n):
    t = _domain_translation(domain)
    if t is None:
        return msgid1 if n == 1 else msgid2
    return t.npgettext(context, msgid1, msgid2, n)


def gettext(message):
    return dgettext(_current_domain, message)


def ngettext(msgid1, msgid2, n):
    return dngettext(_current_domain, msgid1, msgid2, n)


def pgettext(context, message):
    return dpgettext(_current_domain, context, message)


def npgettext(context, msgid1, msgid2, n):
    return dnpgettext(_current_domain, context, msgid1, msgid2, n)


Catalog = translation
