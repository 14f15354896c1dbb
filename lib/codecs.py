"""codecs -- codec registry and base classes (refpy).

The text codecs are the ones str.encode/bytes.decode implement in C
(utf-8, ascii, latin-1, utf-16/32 and their byte orders); lookup() wraps
them in CodecInfo objects and adds the incremental and stream classes.
register() lets programs add their own search functions."""
import sys

__all__ = ["register", "lookup", "open", "EncodedFile", "BOM", "BOM_BE",
           "BOM_LE", "BOM32_BE", "BOM32_LE", "BOM64_BE", "BOM64_LE",
           "BOM_UTF8", "BOM_UTF16", "BOM_UTF16_LE", "BOM_UTF16_BE",
           "BOM_UTF32", "BOM_UTF32_LE", "BOM_UTF32_BE", "CodecInfo", "Codec",
           "IncrementalEncoder", "IncrementalDecoder", "StreamReader",
           "StreamWriter", "StreamReaderWriter", "StreamRecoder",
           "getencoder", "getdecoder", "getincrementalencoder",
           "getincrementaldecoder", "getreader", "getwriter", "encode", "decode",
           "iterencode", "iterdecode", "strict_errors", "ignore_errors",
           "replace_errors", "xmlcharrefreplace_errors",
           "backslashreplace_errors", "namereplace_errors",
           "register_error", "lookup_error", "unregister"]

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
if sys.byteorder == 'little':
    BOM = BOM_UTF16 = BOM_UTF16_LE
    BOM_UTF32 = BOM_UTF32_LE
else:
    BOM = BOM_UTF16 = BOM_UTF16_BE
    BOM_UTF32 = BOM_UTF32_BE
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE


class CodecInfo(tuple):
    """Codec details when looking up the codec registry."""
    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % (
            self.__class__.__module__, self.__class__.__qualname__, self.name, id(self))


class Codec:
    def encode(self, input, errors='strict'):
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        raise NotImplementedError


class IncrementalEncoder(object):
    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ""

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class IncrementalDecoder(object):
    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b"", 0)

    def setstate(self, state):
        pass


class BufferedIncrementalDecoder(IncrementalDecoder):
    """Keeps the bytes of an incomplete character for the next call."""

    def __init__(self, errors='strict'):
        IncrementalDecoder.__init__(self, errors)
        self.buffer = b""

    def _buffer_decode(self, input, errors, final):
        raise NotImplementedError

    def decode(self, input, final=False):
        data = self.buffer + input
        (result, consumed) = self._buffer_decode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalDecoder.reset(self)
        self.buffer = b""

    def getstate(self):
        return (self.buffer, 0)

    def setstate(self, state):
        self.buffer = state[0]


class StreamWriter(Codec):
    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors

    def write(self, object):
        data, consumed = self.encode(object, self.errors)
        self.stream.write(data)

    def writelines(self, list):
        self.write(''.join(list))

    def reset(self):
        pass

    def __getattr__(self, name, getattr=getattr):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReader(Codec):
    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors
        self.bytebuffer = b""

    def read(self, size=-1, chars=-1, firstline=False):
        data = self.bytebuffer + self.stream.read() if size < 0 else self.bytebuffer + self.stream.read(size)
        text, consumed = self.decode(data, self.errors)
        self.bytebuffer = data[consumed:]
        return text

    def readline(self, size=None, keepends=True):
        line = []
        while True:
            ch = self.read(1)
            if not ch:
                break
            line.append(ch)
            if ch == '\n':
                break
        text = ''.join(line)
        return text if keepends else text.rstrip('\r\n')

    def readlines(self, sizehint=None, keepends=True):
        return self.read().splitlines(keepends)

    def reset(self):
        self.bytebuffer = b""

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if line:
            return line
        raise StopIteration

    def __getattr__(self, name, getattr=getattr):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReaderWriter:
    encoding = 'unknown'

    def __init__(self, stream, Reader, Writer, errors='strict'):
        self.stream = stream
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=None):
        return self.reader.readline(size)

    def readlines(self, sizehint=None):
        return self.reader.readlines(sizehint)

    def __next__(self):
        return next(self.reader)

    def __iter__(self):
        return self

    def write(self, data):
        return self.writer.write(data)

    def writelines(self, list):
        return self.writer.writelines(list)

    def __getattr__(self, name, getattr=getattr):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


StreamRecoder = StreamReaderWriter


# ---------------------------------------------------------------- the codecs

_CANONICAL = {
    'utf_8': 'utf-8', 'utf8': 'utf-8', 'u8': 'utf-8', 'utf': 'utf-8', 'cp65001': 'utf-8',
    'utf_8_sig': 'utf-8-sig', 'utf8_sig': 'utf-8-sig',
    'ascii': 'ascii', 'us_ascii': 'ascii', '646': 'ascii', 'us': 'ascii',
    'latin_1': 'iso8859-1', 'latin1': 'iso8859-1', 'latin': 'iso8859-1', 'l1': 'iso8859-1',
    'iso8859_1': 'iso8859-1', 'iso_8859_1': 'iso8859-1', '8859': 'iso8859-1',
    'cp819': 'iso8859-1', 'iso_ir_100': 'iso8859-1',
    'utf_16': 'utf-16', 'utf16': 'utf-16', 'u16': 'utf-16',
    'utf_16_le': 'utf-16-le', 'utf_16le': 'utf-16-le', 'utf_16_be': 'utf-16-be',
    'utf_16be': 'utf-16-be',
    'utf_32': 'utf-32', 'utf32': 'utf-32', 'u32': 'utf-32',
    'utf_32_le': 'utf-32-le', 'utf_32le': 'utf-32-le', 'utf_32_be': 'utf-32-be',
    'utf_32be': 'utf-32-be',
}

# the C name str.encode understands for each canonical name
_C_NAME = {'utf-8': 'utf-8', 'ascii': 'ascii', 'iso8859-1': 'latin-1',
           'utf-16': 'utf-16', 'utf-16-le': 'utf-16-le', 'utf-16-be': 'utf-16-be',
           'utf-32': 'utf-32', 'utf-32-le': 'utf-32-le', 'utf-32-be': 'utf-32-be'}

_UNIT = {'utf-16': 2, 'utf-16-le': 2, 'utf-16-be': 2, 'utf-32': 4, 'utf-32-le': 4,
         'utf-32-be': 4}


def _normalize(encoding):
    chars = []
    punct = False
    for c in encoding.strip():
        if c.isalnum() or c == '.':
            if punct and chars:
                chars.append('_')
            chars.append(c)
            punct = False
        else:
            punct = True
    return ''.join(chars).lower()


def _complete_prefix(cname, data, final):
    """How many bytes of DATA form complete characters (all if FINAL)."""
    if final:
        return len(data)
    unit = _UNIT.get(cname)
    if unit:
        return len(data) - len(data) % unit
    if cname != 'utf-8':
        return len(data)
    # back off an incomplete UTF-8 sequence at the end
    n = len(data)
    for back in range(1, min(4, n) + 1):
        b = data[n - back]
        if b & 0xC0 == 0x80:
            continue
        if b & 0x80 == 0:
            return n
        need = 2 if b & 0xE0 == 0xC0 else 3 if b & 0xF0 == 0xE0 else 4 if b & 0xF8 == 0xF0 else 1
        return n - back if back < need else n
    return n


def _make_codec(name):
    cname = _C_NAME.get(name, name)
    sig = name == 'utf-8-sig'
    if sig:
        cname = 'utf-8'

    def encode(input, errors='strict'):
        data = input.encode(cname, errors)
        if sig:
            data = BOM_UTF8 + data
        return data, len(input)

    def decode(input, errors='strict', final=True):
        data = bytes(input)
        prefix = b''
        if sig and data[:3] == BOM_UTF8:
            prefix, data = data[:3], data[3:]
        n = _complete_prefix(cname, data, final)
        return data[:n].decode(cname, errors), n + len(prefix)

    class _IncEncoder(IncrementalEncoder):
        def encode(self, input, final=False):
            return encode(input, self.errors)[0]

    class _IncDecoder(BufferedIncrementalDecoder):
        def _buffer_decode(self, input, errors, final):
            return decode(input, errors, final)

    class _Writer(StreamWriter):
        def encode(self, input, errors='strict'):
            return encode(input, errors)

    class _Reader(StreamReader):
        def decode(self, input, errors='strict'):
            return decode(input, errors, False)

    return CodecInfo(name=name, encode=encode, decode=lambda input, errors='strict': decode(input, errors),
                     incrementalencoder=_IncEncoder, incrementaldecoder=_IncDecoder,
                     streamreader=_Reader, streamwriter=_Writer)


def _rot13(name):
    table = str.maketrans('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
                          'NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm')

    def rot(input, errors='strict'):
        return str.translate(input, table), len(input)
    return CodecInfo(name=name, encode=rot, decode=rot, _is_text_encoding=False)


def _bytes_codec(name, enc, dec):
    def encode(input, errors='strict'):
        return enc(input), len(input)

    def decode(input, errors='strict'):
        return dec(input), len(input)
    return CodecInfo(name=name, encode=encode, decode=decode, _is_text_encoding=False)


def _special(norm):
    if norm in ('rot13', 'rot_13'):
        return _rot13('rot-13')
    if norm in ('hex', 'hex_codec'):
        return _bytes_codec('hex', lambda b: bytes(b).hex().encode(),
                            lambda b: bytes.fromhex(bytes(b).decode()))
    if norm in ('base64', 'base64_codec', 'base_64'):
        import base64
        return _bytes_codec('base64', base64.encodebytes, base64.decodebytes)
    return None


_cache = {}
_search_functions = []


def register(search_function):
    _search_functions.append(search_function)


def unregister(search_function):
    try:
        _search_functions.remove(search_function)
    except ValueError:
        pass
    _cache.clear()


def lookup(encoding):
    """The CodecInfo of ENCODING (LookupError if unknown)."""
    norm = _normalize(encoding)
    try:
        return _cache[norm]
    except KeyError:
        pass
    for func in _search_functions:
        result = func(norm)
        if result is not None:
            if not isinstance(result, CodecInfo):
                result = CodecInfo(*result)
            _cache[norm] = result
            return result
    name = _CANONICAL.get(norm)
    if name is None and norm.replace('_', '-') in _C_NAME:
        name = norm.replace('_', '-')
    if name is not None:
        info = _make_codec(name)
    else:
        info = _special(norm)
    if info is None:
        raise LookupError('unknown encoding: %s' % encoding)
    _cache[norm] = info
    return info


def encode(obj, encoding='utf-8', errors='strict'):
    info = lookup(encoding)
    return info.encode(obj, errors)[0]


def decode(obj, encoding='utf-8', errors='strict'):
    info = lookup(encoding)
    return info.decode(obj, errors)[0]


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def getincrementalencoder(encoding):
    encoder = lookup(encoding).incrementalencoder
    if encoder is None:
        raise LookupError(encoding)
    return encoder


def getincrementaldecoder(encoding):
    decoder = lookup(encoding).incrementaldecoder
    if decoder is None:
        raise LookupError(encoding)
    return decoder


def getreader(encoding):
    return lookup(encoding).streamreader


def getwriter(encoding):
    return lookup(encoding).streamwriter


def iterencode(iterator, encoding, errors='strict', **kwargs):
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    import builtins
    if encoding is not None and 'b' not in mode:
        mode = mode + 'b'
    file = builtins.open(filename, mode, buffering)
    if encoding is None:
        return file
    info = lookup(encoding)
    srw = StreamReaderWriter(file, info.streamreader, info.streamwriter, errors)
    srw.encoding = encoding
    return srw


def EncodedFile(file, data_encoding, file_encoding=None, errors='strict'):
    info = lookup(data_encoding)
    return StreamReaderWriter(file, info.streamreader, info.streamwriter, errors)


_error_handlers = {}


def register_error(name, error_handler):
    _error_handlers[name] = error_handler


def lookup_error(name):
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError('unknown error handler name %r' % name) from None


def strict_errors(exception):
    raise exception


def ignore_errors(exception):
    return ('', exception.end)


def replace_errors(exception):
    if isinstance(exception, UnicodeEncodeError):
        return ('?' * (exception.end - exception.start), exception.end)
    return ('\ufffd', exception.end)


def xmlcharrefreplace_errors(exception):
    s = exception.object[exception.start:exception.end]
    return (''.join('&#%d;' % ord(c) for c in s), exception.end)


def backslashreplace_errors(exception):
    obj = exception.object[exception.start:exception.end]
    if isinstance(exception, UnicodeDecodeError):
        return (''.join('\\x%02x' % b for b in obj), exception.end)
    out = []
    for c in obj:
        o = ord(c)
        if o < 0x100:
            out.append('\\x%02x' % o)
        elif o < 0x10000:
            out.append('\\u%04x' % o)
        else:
            out.append('\\U%08x' % o)
    return (''.join(out), exception.end)


def namereplace_errors(exception):
    return backslashreplace_errors(exception)


for _name, _func in (('strict', strict_errors), ('ignore', ignore_errors),
                     ('replace', replace_errors),
                     ('xmlcharrefreplace', xmlcharrefreplace_errors),
                     ('backslashreplace', backslashreplace_errors),
                     ('namereplace', namereplace_errors)):
    _error_handlers[_name] = _func
del _name, _func
