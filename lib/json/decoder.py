"""json.decoder -- a recursive-descent JSON parser (refpy).

Error messages and positions follow CPython's C scanner."""

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

_WS = ' \t\n\r'
_DIGITS = '0123456789'
_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f',
            'n': '\n', 'r': '\r', 't': '\t'}
_HEX = '0123456789abcdefABCDEF'


class JSONDecodeError(ValueError):
    """ValueError subclass with msg, doc, pos, lineno, colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


def _skip_ws(s, idx, n):
    while idx < n and s[idx] in _WS:
        idx += 1
    return idx


def _hex4(s, pos):
    h = s[pos:pos + 4]
    if len(h) != 4:
        return -1
    for ch in h:
        if ch not in _HEX:
            return -1
    return int(h, 16)


def py_scanstring(s, end, strict=True):
    """Parse the string whose opening quote is at end-1; return (str, end)."""
    begin = end - 1
    n = len(s)
    chunks = []
    append = chunks.append
    while True:
        q = s.find('"', end)
        b = s.find('\\', end, q if q >= 0 else n)
        stop = b if b >= 0 else q
        if stop < 0:
            # No closing quote: report a control character first if strict.
            stop = n
        chunk = s[end:stop]
        if strict and chunk and not chunk.isprintable():
            for i, ch in enumerate(chunk):
                if ch < ' ':
                    raise JSONDecodeError('Invalid control character at', s, end + i)
        if stop >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        if chunk:
            append(chunk)
        if stop == q:
            return ''.join(chunks), q + 1
        # Backslash escape at b.
        end = b + 1
        if end >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        esc = s[end]
        if esc != 'u':
            ch = _ESCAPES.get(esc)
            if ch is None:
                raise JSONDecodeError('Invalid \\escape', s, b)
            append(ch)
            end += 1
            continue
        uni = _hex4(s, end + 1)
        if uni < 0:
            raise JSONDecodeError('Invalid \\uXXXX escape', s, end)
        end += 5
        if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == '\\u':
            uni2 = _hex4(s, end + 2)
            if uni2 < 0:
                raise JSONDecodeError('Invalid \\uXXXX escape', s, end + 1)
            if 0xdc00 <= uni2 <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                end += 6
        append(chr(uni))


try:
    from _json import scanstring as c_scanstring
except ImportError:
    c_scanstring = None

# The C version when refpy has `_json`, as CPython's json does.
scanstring = c_scanstring or py_scanstring


class _Scanner:
    """Parses one JSON value; holds the decoder's hooks.

    Called as scan_once(string, idx) -> (value, end); raises
    StopIteration(idx) when no value starts at idx."""

    def __init__(self, decoder):
        self.strict = decoder.strict
        self.object_hook = decoder.object_hook
        self.object_pairs_hook = decoder.object_pairs_hook
        self.parse_float = decoder.parse_float
        self.parse_int = decoder.parse_int
        self.parse_constant = decoder.parse_constant

    def __call__(self, s, idx):
        self.s = s
        self.n = len(s)
        try:
            return self.value(idx)
        finally:
            self.s = None

    def value(self, idx):
        s = self.s
        if idx >= self.n:
            raise StopIteration(idx)
        ch = s[idx]
        if ch == '"':
            return scanstring(s, idx + 1, self.strict)
        if ch == '{':
            return self.object(idx + 1)
        if ch == '[':
            return self.array(idx + 1)
        if ch == 'n' and s.startswith('null', idx):
            return None, idx + 4
        if ch == 't' and s.startswith('true', idx):
            return True, idx + 4
        if ch == 'f' and s.startswith('false', idx):
            return False, idx + 5
        if ch == 'N' and s.startswith('NaN', idx):
            return self.parse_constant('NaN'), idx + 3
        if ch == 'I' and s.startswith('Infinity', idx):
            return self.parse_constant('Infinity'), idx + 8
        if ch == '-' and s.startswith('-Infinity', idx):
            return self.parse_constant('-Infinity'), idx + 9
        return self.number(idx)

    def number(self, start):
        s = self.s
        n = self.n
        idx = start
        if idx < n and s[idx] == '-':
            idx += 1
        if idx < n and '1' <= s[idx] <= '9':
            idx += 1
            while idx < n and s[idx] in _DIGITS:
                idx += 1
        elif idx < n and s[idx] == '0':
            idx += 1
        else:
            raise StopIteration(start)
        is_float = False
        if idx + 1 < n and s[idx] == '.' and s[idx + 1] in _DIGITS:
            is_float = True
            idx += 2
            while idx < n and s[idx] in _DIGITS:
                idx += 1
        if idx < n and s[idx] in 'eE':
            e_start = idx
            idx += 1
            if idx < n and s[idx] in '-+':
                idx += 1
            d_start = idx
            while idx < n and s[idx] in _DIGITS:
                idx += 1
            if idx > d_start:
                is_float = True
            else:
                idx = e_start
        text = s[start:idx]
        if is_float:
            return self.parse_float(text), idx
        return self.parse_int(text), idx

    def object(self, idx):
        s = self.s
        n = self.n
        pairs = []
        idx = _skip_ws(s, idx, n)
        if idx < n and s[idx] == '}':
            return self._make_object(pairs), idx + 1
        strict = self.strict
        while True:
            if idx >= n or s[idx] != '"':
                raise JSONDecodeError(
                    'Expecting property name enclosed in double quotes', s, idx)
            key, idx = scanstring(s, idx + 1, strict)
            idx = _skip_ws(s, idx, n)
            if idx >= n or s[idx] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, idx)
            idx = _skip_ws(s, idx + 1, n)
            value, idx = self.value(idx)
            pairs.append((key, value))
            idx = _skip_ws(s, idx, n)
            if idx < n and s[idx] == '}':
                return self._make_object(pairs), idx + 1
            if idx >= n or s[idx] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, idx)
            idx = _skip_ws(s, idx + 1, n)

    def _make_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        obj = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(obj)
        return obj

    def array(self, idx):
        s = self.s
        n = self.n
        values = []
        idx = _skip_ws(s, idx, n)
        if idx < n and s[idx] == ']':
            return values, idx + 1
        value = self.value
        while True:
            v, idx = value(idx)
            values.append(v)
            idx = _skip_ws(s, idx, n)
            if idx < n and s[idx] == ']':
                return values, idx + 1
            if idx >= n or s[idx] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, idx)
            idx = _skip_ws(s, idx + 1, n)


py_make_scanner = _Scanner

try:
    from _json import make_scanner as c_make_scanner
except ImportError:
    c_make_scanner = None

# The C scanner when refpy has it, as CPython's json.scanner does.
make_scanner = c_make_scanner or py_make_scanner


_CONSTANTS = {'-Infinity': NegInf, 'Infinity': PosInf, 'NaN': NaN}


class JSONDecoder(object):
    """Simple JSON decoder."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.memo = {}
        self.scan_once = make_scanner(self)

    def decode(self, s):
        n = len(s)
        obj, end = self.raw_decode(s, idx=_skip_ws(s, 0, n))
        end = _skip_ws(s, end, n)
        if end != n:
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError('Expecting value', s, err.value) from None
