"""re -- regular expressions over refpy's own engine (the C module _re).

The C core compiles a pattern to a program and runs it; this module gives
it CPython's public API: Pattern and Match objects, sub/split/findall, the
flag constants, re.error and a compiled-pattern cache.
"""

import enum
import _re

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"


class RegexFlag(enum.IntFlag):
    NOFLAG = 0
    ASCII = A = 256
    IGNORECASE = I = 2
    LOCALE = L = 4
    UNICODE = U = 32
    MULTILINE = M = 8
    DOTALL = S = 16
    VERBOSE = X = 64
    TEMPLATE = T = 1
    DEBUG = 128

    def __repr__(self):
        v = int(self)
        if v < 0:
            return "~" + repr(RegexFlag(~v))
        names = []
        for name in _FLAG_ORDER:
            bit = _FLAG_VALUES[name]
            if v & bit:
                names.append("re." + name)
                v &= ~bit
        if v or not names:
            names.append(hex(v))
        return "|".join(names)

    __str__ = __repr__


_FLAG_ORDER = ["TEMPLATE", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL",
               "UNICODE", "VERBOSE", "DEBUG", "ASCII"]
_FLAG_VALUES = {"TEMPLATE": 1, "IGNORECASE": 2, "LOCALE": 4, "MULTILINE": 8,
                "DOTALL": 16, "UNICODE": 32, "VERBOSE": 64, "DEBUG": 128,
                "ASCII": 256}

NOFLAG = RegexFlag.NOFLAG
A = ASCII = RegexFlag.ASCII
I = IGNORECASE = RegexFlag.IGNORECASE
L = LOCALE = RegexFlag.LOCALE
U = UNICODE = RegexFlag.UNICODE
M = MULTILINE = RegexFlag.MULTILINE
S = DOTALL = RegexFlag.DOTALL
X = VERBOSE = RegexFlag.VERBOSE
T = TEMPLATE = RegexFlag.TEMPLATE
DEBUG = RegexFlag.DEBUG


class error(Exception):
    """Exception raised for invalid regular expressions."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            if isinstance(pattern, str):
                newline = "\n"
            else:
                newline = b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = "re"
PatternError = error

_MAXCACHE = 512
_cache = {}


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    try:
        return _cache[type(pattern), pattern, flags]
    except KeyError:
        pass
    except TypeError:
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError(
                "cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    p = Pattern(pattern, flags)
    if len(_cache) >= _MAXCACHE:
        try:
            del _cache[next(iter(_cache))]
        except (StopIteration, RuntimeError, KeyError):
            pass
    _cache[type(pattern), pattern, flags] = p
    return p


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def purge():
    "Clear the regular expression caches"
    _cache.clear()


def template(pattern, flags=0):
    return _compile(pattern, flags | TEMPLATE)


_special_chars = {i: "\\" + chr(i) for i in b"()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars)
    else:
        pattern = str(pattern, "latin1")
        return pattern.translate(_special_chars).encode("latin1")


# ---- Pattern ----------------------------------------------------------------

class Pattern:
    """Compiled regular expression object."""

    __slots__ = ("_prog", "pattern", "flags", "groups", "_groupindex",
                 "__weakref__")

    def __init__(self, pattern, flags):
        r = _re.compile(pattern, flags)
        if len(r) == 2:
            raise error(r[0], None if r[1] is None else pattern, r[1])
        self._prog = r[0]
        self.pattern = pattern
        self.groups = r[1]
        self._groupindex = r[2]
        self.flags = r[3]

    @property
    def groupindex(self):
        if not self._groupindex:
            return {}
        return _MappingProxy(self._groupindex)

    def __repr__(self):
        flags = self.flags
        if isinstance(self.pattern, str):
            flags &= ~UNICODE.value
        p = repr(self.pattern)
        if len(p) > 200:
            p = p[:200]
        if flags:
            return "re.compile(%s, %r)" % (p, RegexFlag(flags))
        return "re.compile(%s)" % p

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.pattern == other.pattern and self.flags == other.flags)

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (_compile, (self.pattern, self.flags))

    def _run(self, string, pos, endpos, mode):
        r = _re.match(self._prog, string, pos, endpos, mode, 0)
        if r is None:
            return None
        return Match(self, string, pos, endpos, r)

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 2)

    def findall(self, string, pos=0, endpos=None):
        return _re.findall(self._prog, string, pos, endpos)

    def finditer(self, string, pos=0, endpos=None):
        return _finditer(self, string, pos, endpos)

    def scanner(self, string, pos=0, endpos=None):
        return _Scanner(self, string, pos, endpos)

    def split(self, string, maxsplit=0):
        if maxsplit < 0:
            return [string[0:0] + string]
        return _re.split(self._prog, string, maxsplit)

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count)

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count)[0]

    def _subx(self, repl, string, count):
        if count < 0:
            return string[0:0] + string, 0
        if not callable(repl):
            items = _parse_template(repl, self)
            if isinstance(string, (str, bytes)):
                return _re.sub(self._prog, items, string, count)
            filt = lambda m: _expand(items, m.string, m._r, repl)
        else:
            filt = repl
        spans = _re.scan(self._prog, string, 0, None, count)
        if not spans:
            return string[0:0] + string, 0
        parts = []
        last = 0
        for t in spans:
            parts.append(string[last:t[1]])
            r = filt(Match(self, string, 0, None, t))
            if r:
                parts.append(r)
            last = t[2]
        parts.append(string[last:])
        if isinstance(string, str):
            return "".join(parts), len(spans)
        return b"".join(parts), len(spans)


def _finditer(pattern, string, pos, endpos):
    prog = pattern._prog
    must = 0
    if endpos is None:
        endpos = len(string)
    while True:
        r = _re.match(prog, string, pos, endpos, 2, must)
        if r is None:
            return
        yield Match(pattern, string, pos, endpos, r)
        b = r[1]
        e = r[2]
        must = 1 if b == e else 0
        pos = e
        if pos > len(string):
            return


class _Scanner:
    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._pos = pos
        self._endpos = len(string) if endpos is None else endpos
        self._must = 0
        self._done = False

    def _next(self, mode):
        if self._done:
            return None
        r = _re.match(self.pattern._prog, self._string, self._pos,
                      self._endpos, mode, self._must)
        if r is None:
            self._done = True
            return None
        m = Match(self.pattern, self._string, self._pos, self._endpos, r)
        self._must = 1 if r[1] == r[2] else 0
        self._pos = r[2]
        return m

    def match(self):
        return self._next(0)

    def search(self):
        return self._next(2)


_MappingProxy = type(type.__dict__)


# ---- replacement templates ------------------------------------------------

_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
            "t": "\t", "v": "\v", "\\": "\\"}


def _parse_template(repl, pattern):
    """Split a replacement template into literal pieces and group numbers."""
    is_bytes = isinstance(repl, bytes)
    if is_bytes:
        s = repl.decode("latin-1")
    elif isinstance(repl, str):
        s = repl
    else:
        raise TypeError("expected str or bytes-like object, got '%s'"
                        % type(repl).__name__)
    if "\\" not in s:
        return [repl]
    items = []
    lit = []
    i = 0
    n = len(s)
    groups = pattern.groups
    gi = pattern._groupindex

    def flush():
        if lit:
            t = "".join(lit)
            items.append(t.encode("latin-1") if is_bytes else t)
            lit.clear()

    while i < n:
        c = s[i]
        if c != "\\":
            j = s.find("\\", i)
            if j < 0:
                j = n
            lit.append(s[i:j])
            i = j
            continue
        if i + 1 >= n:
            raise error("bad escape (end of pattern)", repl, i)
        c = s[i + 1]
        if c == "g":
            if i + 2 >= n or s[i + 2] != "<":
                raise error("missing <", repl, i + 2)
            j = s.find(">", i + 3)
            if j < 0:
                raise error("missing >, unterminated name", repl, i + 3)
            name = s[i + 3:j]
            if not name:
                raise error("missing group name", repl, i + 3)
            if name.isdigit() and name.isascii():
                g = int(name)
                if g > groups:
                    raise error("invalid group reference %d" % g, repl, i + 3)
            elif name.isidentifier():
                if name not in gi:
                    raise IndexError("unknown group name '%s'" % name)
                g = gi[name]
            else:
                raise error("bad character in group name '%s'" % name,
                            repl, i + 3)
            flush()
            items.append(g)
            i = j + 1
        elif c == "0":
            j = i + 2
            v = 0
            while j < n and j < i + 4 and s[j] in "01234567":
                v = v * 8 + ord(s[j]) - 48
                j += 1
            lit.append(chr(v))
            i = j
        elif c in "123456789":
            j = i + 2
            if (j + 1 < n + 0 and c in "01234567" and s[j] in "01234567"
                    and s[j + 1] in "01234567"):
                v = int(s[i + 1:i + 4], 8)
                if v > 0o377:
                    raise error("octal escape value \\%s outside of range 0-0o377"
                                % s[i + 1:i + 4], repl, i)
                lit.append(chr(v))
                i += 4
                continue
            if j < n and s[j] in "0123456789":
                j += 1
            g = int(s[i + 1:j])
            if g > groups:
                raise error("invalid group reference %d" % g, repl, i + 1)
            flush()
            items.append(g)
            i = j
        elif c in _ESCAPES:
            lit.append(_ESCAPES[c])
            i += 2
        elif c.isascii() and c.isalpha():
            raise error("bad escape \\%s" % c, repl, i)
        else:
            lit.append("\\" + c)
            i += 2
    flush()
    return items


def _expand(items, string, t, repl):
    out = []
    for it in items:
        if it.__class__ is int:
            s = t[2 * it + 1]
            if s >= 0:
                out.append(string[s:t[2 * it + 2]])
        else:
            out.append(it)
    if isinstance(repl, bytes):
        return b"".join(out)
    return "".join(out)


# ---- Match -----------------------------------------------------------------

class Match:
    """The result of a successful match."""

    __slots__ = ("re", "string", "pos", "endpos", "_r")

    def __init__(self, pattern, string, pos, endpos, r):
        self.re = pattern
        self.string = string
        n = len(string)
        if pos < 0:
            pos = 0
        elif pos > n:
            pos = n
        if endpos is None or endpos > n:
            endpos = n
        elif endpos < pos:
            endpos = pos
        self.pos = pos
        self.endpos = endpos
        self._r = r

    def _index(self, g):
        if g.__class__ is int or isinstance(g, int):
            try:
                g = g.__index__()
            except Exception:
                raise IndexError("no such group")
            if 0 <= g <= self.re.groups:
                return g
            raise IndexError("no such group")
        try:
            return self.re._groupindex[g]
        except (KeyError, TypeError):
            raise IndexError("no such group")

    def _get(self, i, default=None):
        r = self._r
        s = r[2 * i + 1]
        if s < 0:
            return default
        return self.string[s:r[2 * i + 2]]

    def group(self, *args):
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(self._index(args[0]))
        return tuple(self._get(self._index(g)) for g in args)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(i, default)
                for name, i in self.re._groupindex.items()}

    def start(self, group=0):
        return self._r[2 * self._index(group) + 1]

    def end(self, group=0):
        return self._r[2 * self._index(group) + 2]

    def span(self, group=0):
        i = self._index(group)
        return (self._r[2 * i + 1], self._r[2 * i + 2])

    @property
    def regs(self):
        return tuple((self._r[2 * i + 1], self._r[2 * i + 2])
                     for i in range(self.re.groups + 1))

    @property
    def lastindex(self):
        li = self._r[0]
        return None if li < 0 else li

    @property
    def lastgroup(self):
        li = self._r[0]
        if li < 0:
            return None
        for name, i in self.re._groupindex.items():
            if i == li:
                return name
        return None

    def expand(self, template):
        items = _parse_template(template, self.re)
        return _expand(items, self.string, self._r, template)

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%r>" % (
            self._r[1], self._r[2], self.group(0))

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls
