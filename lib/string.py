"""string -- string constants, capwords, Template (refpy; no re module)."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_ID_START = frozenset(ascii_letters + '_')
_ID_CHARS = frozenset(ascii_letters + digits + '_')


class Template:
    """A string class for supporting $-substitutions."""
    delimiter = '$'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """Yield (start, end, kind, name) for each delimiter occurrence;
        kind is 'escaped', 'named', 'braced' or 'invalid'."""
        s = self.template
        delim = self.delimiter
        dl = len(delim)
        n = len(s)
        i = s.find(delim)
        while i >= 0:
            j = i + dl
            if s.startswith(delim, j):
                yield i, j + dl, 'escaped', None
                i = s.find(delim, j + dl)
                continue
            if j < n and s[j] in _ID_START:
                k = j + 1
                while k < n and s[k] in _ID_CHARS:
                    k += 1
                yield i, k, 'named', s[j:k]
                i = s.find(delim, k)
                continue
            if j < n and s[j] == '{' and j + 1 < n and s[j + 1] in _ID_START:
                k = j + 2
                while k < n and s[k] in _ID_CHARS:
                    k += 1
                if k < n and s[k] == '}':
                    yield i, k + 1, 'braced', s[j + 1:k]
                    i = s.find(delim, k + 1)
                    continue
            yield i, j, 'invalid', None
            i = s.find(delim, j)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d'
                         % (lineno, colno))

    def _render(self, mapping, kws, safe):
        if mapping is None:
            mapping = kws
        elif kws:
            base = mapping
            merged = dict(kws)

            class _Chain:
                def __getitem__(self, key):
                    if key in merged:
                        return merged[key]
                    return base[key]
            mapping = _Chain()
        s = self.template
        out = []
        pos = 0
        for start, end, kind, name in self._scan():
            out.append(s[pos:start])
            if kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'invalid':
                if not safe:
                    self._invalid(end)
                out.append(s[start:end])
            else:
                try:
                    out.append('%s' % (mapping[name],))
                except KeyError:
                    if not safe:
                        raise
                    out.append(s[start:end])
            pos = end
        out.append(s[pos:])
        return ''.join(out)

    def substitute(self, mapping=None, /, **kws):
        return self._render(mapping, kws, False)

    def safe_substitute(self, mapping=None, /, **kws):
        return self._render(mapping, kws, True)

    def is_valid(self):
        for start, end, kind, name in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for start, end, kind, name in self._scan():
            if name is not None and name not in ids:
                ids.append(name)
        return ids


class Formatter:
    """Minimal string.Formatter: format()/vformat() via str.format_map."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))
