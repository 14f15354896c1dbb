"""io -- in-memory streams StringIO/BytesIO and the io names (refpy)."""
import sys as _sys
from builtins import open

__all__ = ["BlockingIOError", "open", "IOBase", "RawIOBase", "FileIO",
           "BytesIO", "StringIO", "BufferedIOBase", "BufferedReader",
           "BufferedWriter", "BufferedRWPair", "BufferedRandom", "TextIOBase",
           "TextIOWrapper", "UnsupportedOperation", "SEEK_SET", "SEEK_CUR",
           "SEEK_END", "DEFAULT_BUFFER_SIZE", "text_encoding"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192
BlockingIOError = BlockingIOError
open_code = open


class UnsupportedOperation(OSError, ValueError):
    pass


TextIOWrapper = type(_sys.stdout)
try:
    FileIO = BufferedReader = BufferedWriter = BufferedRandom = type(_sys.stdout.buffer)
except AttributeError:
    FileIO = BufferedReader = BufferedWriter = BufferedRandom = TextIOWrapper
BufferedRWPair = BufferedRandom


def text_encoding(encoding, stacklevel=2):
    return 'utf-8' if encoding is None else encoding


class IOBase:
    """Base class for the in-memory streams."""

    _closed = False

    _closed_msg = 'I/O operation on closed file.'

    def _check_closed(self):
        if self._closed:
            raise ValueError(self._closed_msg)

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def flush(self):
        self._check_closed()

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def isatty(self):
        self._check_closed()
        return False

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)


RawIOBase = BufferedIOBase = TextIOBase = IOBase


class StringIO(IOBase):
    """Text I/O implementation using an in-memory buffer.

    The text is a str plus a list of pending appends, so repeated writes at
    the end stay linear."""
    _closed_msg = 'I/O operation on closed file'

    def __init__(self, initial_value='', newline='\n'):
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %r' % (newline,))
        self._newline = newline
        self._text = ''
        self._pending = []
        self._len = 0
        self._pos = 0
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not %s'
                            % type(initial_value).__name__)
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _value(self):
        if self._pending:
            self._text += ''.join(self._pending)
            self._pending = []
        return self._text

    def getvalue(self):
        self._check_closed()
        return self._value()

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % type(s).__name__)
        n = len(s)
        if self._newline is None:
            s = s.replace('\r\n', '\n').replace('\r', '\n')
        elif self._newline in ('\r', '\r\n'):
            s = s.replace('\n', self._newline)
        pos = self._pos
        if pos == self._len:
            self._pending.append(s)
        else:
            text = self._value()
            if pos > len(text):
                text += '\0' * (pos - len(text))
            self._text = text[:pos] + s + text[pos + len(s):]
        self._pos = pos + len(s)
        self._len = max(self._len, self._pos)
        return n

    def read(self, size=-1):
        self._check_closed()
        text = self._value()
        pos = self._pos
        if size is None or size < 0:
            end = len(text)
        else:
            end = min(pos + size, len(text))
        if pos >= end:
            self._pos = max(pos, self._pos)
            return ''
        self._pos = end
        return text[pos:end]

    def readline(self, size=-1):
        self._check_closed()
        text = self._value()
        pos = self._pos
        if pos >= len(text):
            return ''
        if self._newline == '\r':
            i = text.find('\r', pos)
            end = len(text) if i < 0 else i + 1
        elif self._newline == '\r\n':
            i = text.find('\r\n', pos)
            end = len(text) if i < 0 else i + 2
        else:
            i = text.find('\n', pos)
            end = len(text) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, pos + size)
        self._pos = end
        return text[pos:end]

    def tell(self):
        self._check_closed()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._len
        else:
            raise ValueError('Invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError('Negative size value %d' % size)
        text = self._value()
        if size < len(text):
            self._text = text[:size]
            self._len = size
        return size

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    def detach(self):
        raise UnsupportedOperation('detach')

    def __getstate__(self):
        return (self.getvalue(), self._newline, self._pos, None)


class BytesIO(IOBase):
    """Buffered I/O implementation using an in-memory bytes buffer."""

    def __init__(self, initial_bytes=b''):
        self._buf = bytearray(initial_bytes) if initial_bytes else bytearray()
        self._pos = 0

    def getvalue(self):
        self._check_closed()
        return bytes(self._buf)

    def getbuffer(self):
        self._check_closed()
        return memoryview(self._buf)

    def write(self, b):
        self._check_closed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        b = bytes(b)
        n = len(b)
        pos = self._pos
        buf = self._buf
        if pos == len(buf):
            buf += b
        else:
            if pos > len(buf):
                buf += b'\0' * (pos - len(buf))
            buf[pos:pos + n] = b
        self._pos = pos + n
        return n

    def read(self, size=-1):
        self._check_closed()
        buf = self._buf
        pos = self._pos
        if size is None or size < 0:
            end = len(buf)
        else:
            end = min(pos + size, len(buf))
        if pos >= end:
            return b''
        self._pos = end
        return bytes(buf[pos:end])

    read1 = read

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def readline(self, size=-1):
        self._check_closed()
        buf = self._buf
        pos = self._pos
        if pos >= len(buf):
            return b''
        i = buf.find(b'\n', pos)
        end = len(buf) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, pos + size)
        self._pos = end
        return bytes(buf[pos:end])

    def tell(self):
        self._check_closed()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value %d' % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError('negative size value %d' % size)
        del self._buf[size:]
        return size
