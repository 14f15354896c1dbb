"""json.encoder -- JSONEncoder (refpy)."""

__all__ = ['JSONEncoder']

INFINITY = float('inf')

# Escapes for characters that JSON strings must not contain raw.
_ESC = {i: '\\u%04x' % i for i in range(0x20)}
_ESC.update({ord('"'): '\\"', ord('\\'): '\\\\', ord('\n'): '\\n',
             ord('\r'): '\\r', ord('\t'): '\\t', ord('\b'): '\\b',
             ord('\f'): '\\f'})
_ESC_ASCII = dict(_ESC)
_ESC_ASCII[0x7f] = '\\u007f'


def py_encode_basestring(s):
    """'"' + s + '"' with JSON escapes; non-ASCII characters kept."""
    if s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    return '"' + s.translate(_ESC) + '"'


try:
    from _json import encode_basestring as c_encode_basestring
except ImportError:
    c_encode_basestring = None

encode_basestring = c_encode_basestring or py_encode_basestring


def _ascii_char(ch):
    n = ord(ch)
    if n < 0x10000:
        return '\\u%04x' % n
    n -= 0x10000
    return '\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff))


def py_encode_basestring_ascii(s):
    """'"' + s + '"' with JSON escapes and every non-ASCII char as \\uXXXX."""
    if s.isascii():
        if s.isprintable() and '"' not in s and '\\' not in s:
            return '"' + s + '"'
        return '"' + s.translate(_ESC_ASCII) + '"'
    s = s.translate(_ESC)
    return '"' + ''.join([ch if ch < '\x7f' else _ascii_char(ch) for ch in s]) + '"'


try:
    from _json import encode_basestring_ascii as c_encode_basestring_ascii
except ImportError:
    c_encode_basestring_ascii = None

encode_basestring_ascii = c_encode_basestring_ascii or py_encode_basestring_ascii


try:
    from _json import make_encoder as c_make_encoder
except ImportError:
    c_make_encoder = None


class JSONEncoder(object):
    """Extensible JSON encoder for Python data structures."""
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError('Object of type %s is not JSON serializable'
                        % (o.__class__.__name__,))

    def encode(self, o):
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return ''.join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        markers = {} if self.check_circular else None
        _encoder = encode_basestring_ascii if self.ensure_ascii else encode_basestring
        allow_nan = self.allow_nan

        def floatstr(o):
            if o != o:
                text = 'NaN'
            elif o == INFINITY:
                text = 'Infinity'
            elif o == -INFINITY:
                text = '-Infinity'
            else:
                return float.__repr__(o)
            if not allow_nan:
                # (the C encoder's message omits the value)
                raise ValueError('Out of range float values are not JSON '
                                 'compliant: ' + repr(o))
            return text

        if _one_shot and c_make_encoder is not None and self.indent is None:
            # As CPython: the C encoder for compact one-shot encoding.
            return c_make_encoder(markers, self.default, _encoder, self.indent,
                                  self.key_separator, self.item_separator,
                                  self.sort_keys, self.skipkeys,
                                  self.allow_nan)(o, 0)
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        chunks = []
        _encode(o, chunks, 0, markers, self.default, _encoder, indent, floatstr,
                self.key_separator, self.item_separator, self.sort_keys,
                self.skipkeys)
        return iter(chunks)


def _encode(o, out, level, markers, default, encoder, indent, floatstr,
            key_sep, item_sep, sort_keys, skipkeys):
    """Append the encoding of o to the list out."""
    append = out.append
    if isinstance(o, str):
        append(encoder(o))
    elif o is None:
        append('null')
    elif o is True:
        append('true')
    elif o is False:
        append('false')
    elif isinstance(o, int):
        append(int.__repr__(o))
    elif isinstance(o, float):
        append(floatstr(o))
    elif isinstance(o, (list, tuple)):
        if not o:
            append('[]')
            return
        if markers is not None:
            mid = id(o)
            if mid in markers:
                raise ValueError('Circular reference detected')
            markers[mid] = o
        if indent is not None:
            level += 1
            newline_indent = '\n' + indent * level
            separator = item_sep + newline_indent
            append('[' + newline_indent)
        else:
            newline_indent = None
            separator = item_sep
            append('[')
        first = True
        for value in o:
            if first:
                first = False
            else:
                append(separator)
            _encode(value, out, level, markers, default, encoder, indent,
                    floatstr, key_sep, item_sep, sort_keys, skipkeys)
        if newline_indent is not None:
            level -= 1
            append('\n' + indent * level)
        append(']')
        if markers is not None:
            del markers[mid]
    elif isinstance(o, dict):
        if not o:
            append('{}')
            return
        if markers is not None:
            mid = id(o)
            if mid in markers:
                raise ValueError('Circular reference detected')
            markers[mid] = o
        if indent is not None:
            level += 1
            newline_indent = '\n' + indent * level
            separator = item_sep + newline_indent
            append('{' + newline_indent)
        else:
            newline_indent = None
            separator = item_sep
            append('{')
        items = sorted(o.items()) if sort_keys else o.items()
        first = True
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif skipkeys:
                continue
            else:
                raise TypeError('keys must be str, int, float, bool or None, '
                                'not %s' % (key.__class__.__name__,))
            if first:
                first = False
            else:
                append(separator)
            append(encoder(key))
            append(key_sep)
            _encode(value, out, level, markers, default, encoder, indent,
                    floatstr, key_sep, item_sep, sort_keys, skipkeys)
        if newline_indent is not None:
            level -= 1
            append('\n' + indent * level)
        append('}')
        if markers is not None:
            del markers[mid]
    else:
        if markers is not None:
            mid = id(o)
            if mid in markers:
                raise ValueError('Circular reference detected')
            markers[mid] = o
        o2 = default(o)
        _encode(o2, out, level, markers, default, encoder, indent, floatstr,
                key_sep, item_sep, sort_keys, skipkeys)
        if markers is not None:
            del markers[mid]
