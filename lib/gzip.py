"""gzip -- read and write gzip files (RFC 1952) over the zlib module.

A gzip member is a 10-byte header (magic 1f 8b, method 8 = deflate,
flags, mtime, extra flags, OS), optional fields (extra, file name,
comment, header CRC) chosen by the flags, a raw deflate stream, and a
trailer of CRC-32 and length mod 2**32.  A file may hold several members
one after the other; reading concatenates them.

GzipFile decompresses lazily in chunks when reading and streams into a
compressobj when writing.  Text mode (gzip.open(..., 'rt'/'wt')) wraps it
in a small UTF-8 text layer with universal newlines.
"""
import builtins
import io
import os
import struct
import sys
import time
import zlib

__all__ = ["BadGzipFile", "GzipFile", "open", "compress", "decompress"]

FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT = 1, 2, 4, 8, 16
READ, WRITE = 1, 2
_COMPRESS_LEVEL_FAST = 1
_COMPRESS_LEVEL_TRADEOFF = 6
_COMPRESS_LEVEL_BEST = 9
_CHUNK = 64 * 1024


class BadGzipFile(OSError):
    """Exception raised in some cases for invalid gzip files."""


def open(filename, mode="rb", compresslevel=_COMPRESS_LEVEL_BEST, encoding=None,
         errors=None, newline=None):
    """Open a gzip file (a path or a file object) in binary or text mode."""
    if "t" in mode:
        if "b" in mode:
            raise ValueError("Invalid mode: %r" % (mode,))
    else:
        if encoding is not None:
            raise ValueError("Argument 'encoding' not supported in binary mode")
        if errors is not None:
            raise ValueError("Argument 'errors' not supported in binary mode")
        if newline is not None:
            raise ValueError("Argument 'newline' not supported in binary mode")
    gz_mode = mode.replace("t", "")
    if isinstance(filename, (str, bytes, os.PathLike)):
        binary_file = GzipFile(filename, gz_mode, compresslevel)
    elif hasattr(filename, "read") or hasattr(filename, "write"):
        binary_file = GzipFile(None, gz_mode, compresslevel, filename)
    else:
        raise TypeError("filename must be a str or bytes object, or a file")
    if "t" in mode:
        return _TextWrapper(binary_file, encoding or 'utf-8', errors or 'strict', newline)
    return binary_file


def _read_exact(fp, n):
    data = fp.read(n)
    while len(data) < n:
        b = fp.read(n - len(data))
        if not b:
            raise EOFError("Compressed file ended before the end-of-stream marker was reached")
        data += b
    return data


def _skip_cstring(fp):
    while True:
        s = fp.read(1)
        if not s or s == b'\000':
            return


def _read_gzip_header(fp):
    """Read a member's header; its mtime, or None at a clean end of file."""
    magic = fp.read(2)
    if magic == b'':
        return None
    if magic != b'\037\213':
        raise BadGzipFile('Not a gzipped file (%r)' % magic)
    method, flag, last_mtime = struct.unpack("<BBIxx", _read_exact(fp, 8))
    if method != 8:
        raise BadGzipFile('Unknown compression method')
    if flag & FEXTRA:
        extra_len, = struct.unpack("<H", _read_exact(fp, 2))
        _read_exact(fp, extra_len)
    if flag & FNAME:
        _skip_cstring(fp)
    if flag & FCOMMENT:
        _skip_cstring(fp)
    if flag & FHCRC:
        _read_exact(fp, 2)
    return last_mtime


def _create_simple_gzip_header(compresslevel, mtime=None):
    if mtime is None:
        mtime = time.time()
    xfl = {_COMPRESS_LEVEL_BEST: 2, _COMPRESS_LEVEL_FAST: 4}.get(compresslevel, 0)
    return struct.pack("<BBBBLBB", 0x1f, 0x8b, 8, 0, int(mtime), xfl, 255)


class GzipFile(io.BufferedIOBase):
    """A file-like object over a gzip file, in binary mode."""

    myfileobj = None

    def __init__(self, filename=None, mode=None, compresslevel=_COMPRESS_LEVEL_BEST,
                 fileobj=None, mtime=None):
        if mode and ('t' in mode or 'U' in mode):
            raise ValueError("Invalid mode: {!r}".format(mode))
        if mode and 'b' not in mode:
            mode += 'b'
        if fileobj is None:
            fileobj = self.myfileobj = builtins.open(filename, mode or 'rb')
        if filename is None:
            filename = getattr(fileobj, 'name', '')
            if not isinstance(filename, (str, bytes)):
                filename = ''
        else:
            filename = os.fspath(filename)
        origmode = mode
        if mode is None:
            mode = getattr(fileobj, 'mode', 'rb')
        self._closed = False
        if mode.startswith('r'):
            self.mode = READ
            self.name = filename
            self._buffer = b''       # decompressed, not yet returned
            self._pos = 0            # offset in the uncompressed stream
            self._decomp = None      # decompressobj of the current member
            self._crc = 0
            self._stream_size = 0
            self._eof = False
            self._last_mtime = None
        elif mode.startswith(('w', 'a', 'x')):
            if origmode is None:
                import warnings
                warnings.warn("GzipFile was opened for writing, but this will "
                              "change in future Python releases.  "
                              "Specify the mode argument for opening it for writing.",
                              FutureWarning, 2)
            self.mode = WRITE
            self._init_write(filename)
            self.compress = zlib.compressobj(compresslevel, zlib.DEFLATED, -zlib.MAX_WBITS,
                                             zlib.DEF_MEM_LEVEL, 0)
            self._write_mtime = mtime
        else:
            raise ValueError("Invalid mode: {!r}".format(mode))
        self.fileobj = fileobj
        if self.mode == WRITE:
            self._write_gzip_header(compresslevel)

    @property
    def filename(self):
        import warnings
        warnings.warn("use the name attribute", DeprecationWarning, 2)
        if self.mode == WRITE and self.name[-3:] != ".gz":
            return self.name + ".gz"
        return self.name

    @property
    def mtime(self):
        """Last modification time read from stream, or None"""
        return self._last_mtime if self.mode == READ else None

    def __repr__(self):
        s = repr(self.fileobj)
        return '<gzip ' + s[1:-1] + ' ' + hex(id(self)) + '>'

    # -- writing -------------------------------------------------------------------
    def _init_write(self, filename):
        self.name = filename
        self.crc = zlib.crc32(b"")
        self.size = 0
        self.writebuf = []
        self.bufsize = 0
        self.offset = 0

    def _write_gzip_header(self, compresslevel):
        self.fileobj.write(b'\037\213')
        self.fileobj.write(b'\010')
        try:
            # The member's name: the file name without its .gz, in Latin-1.
            fname = os.path.basename(self.name)
            if not isinstance(fname, bytes):
                fname = fname.encode('latin-1')
            if fname.endswith(b'.gz'):
                fname = fname[:-3]
        except UnicodeEncodeError:
            fname = b''
        flags = FNAME if fname else 0
        self.fileobj.write(chr(flags).encode('latin-1'))
        mtime = self._write_mtime
        if mtime is None:
            mtime = time.time()
        self.fileobj.write(struct.pack("<L", int(mtime) & 0xffffffff))
        xfl = {_COMPRESS_LEVEL_BEST: b'\002', _COMPRESS_LEVEL_FAST: b'\004'}.get(
            compresslevel, b'\000')
        self.fileobj.write(xfl)
        self.fileobj.write(b'\377')
        if fname:
            self.fileobj.write(fname + b'\000')

    def write(self, data):
        self._check_not_closed()
        if self.mode != WRITE:
            import errno
            raise OSError(errno.EBADF, "write() on read-only GzipFile object")
        if self.fileobj is None:
            raise ValueError("write() on closed GzipFile object")
        if isinstance(data, (bytes, bytearray)):
            length = len(data)
        else:
            data = memoryview(data)
            length = data.nbytes
            data = bytes(data)
        if length > 0:
            self.fileobj.write(self.compress.compress(data))
            self.size += length
            self.crc = zlib.crc32(data, self.crc)
            self.offset += length
        return length

    # -- reading -------------------------------------------------------------------
    def _fill(self):
        """Decompress more of the file into _buffer; False at the end."""
        while not self._eof:
            if self._decomp is None:
                mtime = _read_gzip_header(self.fileobj)
                if mtime is None:
                    self._eof = True
                    return False
                self._last_mtime = mtime
                self._decomp = zlib.decompressobj(-zlib.MAX_WBITS)
                self._crc = 0
                self._stream_size = 0
            raw = self.fileobj.read(_CHUNK)
            data = self._decomp.decompress(raw) if raw else self._decomp.flush()
            self._crc = zlib.crc32(data, self._crc)
            self._stream_size += len(data)
            if self._decomp.eof:
                self._end_member()
            elif not raw:
                raise EOFError("Compressed file ended before the "
                               "end-of-stream marker was reached")
            if data:
                self._buffer += data
                return True
        return False

    def _end_member(self):
        """Check the member's trailer and get ready for the next one."""
        rest = self._decomp.unused_data
        if len(rest) < 8:
            rest += _read_exact(self.fileobj, 8 - len(rest))
        crc32, isize = struct.unpack("<II", rest[:8])
        if crc32 != self._crc:
            raise BadGzipFile("CRC check failed %s != %s" % (hex(crc32), hex(self._crc)))
        if isize != (self._stream_size & 0xffffffff):
            raise BadGzipFile("Incorrect length of data produced")
        rest = rest[8:]
        # Members may be followed by zero padding, then maybe another member.
        while True:
            rest = rest.lstrip(b'\x00')
            if rest:
                break
            more = self.fileobj.read(_CHUNK)
            if not more:
                break
            rest = more
        self._push_back(rest)
        self._decomp = None

    def _push_back(self, data):
        if data:
            self.fileobj = _Prepended(self.fileobj, data)

    def read(self, size=-1):
        self._check_not_closed()
        if self.mode != READ:
            import errno
            raise OSError(errno.EBADF, "read() on write-only GzipFile object")
        if size is None or size < 0:
            while self._fill():
                pass
            data, self._buffer = self._buffer, b''
        else:
            while len(self._buffer) < size and self._fill():
                pass
            data, self._buffer = self._buffer[:size], self._buffer[size:]
        self._pos += len(data)
        return data

    def read1(self, size=-1):
        self._check_not_closed()
        if not self._buffer:
            self._fill()
        if size < 0:
            size = len(self._buffer)
        data, self._buffer = self._buffer[:size], self._buffer[size:]
        self._pos += len(data)
        return data

    def peek(self, n):
        self._check_not_closed()
        if not self._buffer:
            self._fill()
        return self._buffer

    def readline(self, size=-1):
        self._check_not_closed()
        while b'\n' not in self._buffer and (size < 0 or len(self._buffer) < size):
            if not self._fill():
                break
        end = self._buffer.find(b'\n') + 1 or len(self._buffer)
        if size >= 0:
            end = min(end, size)
        data, self._buffer = self._buffer[:end], self._buffer[end:]
        self._pos += len(data)
        return data

    def readlines(self, hint=-1):
        return list(self)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    # -- the file protocol -------------------------------------------------------------
    def _check_not_closed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    @property
    def closed(self):
        return self.fileobj is None

    def close(self):
        fileobj = self.fileobj
        if fileobj is None:
            return
        self.fileobj = None
        try:
            if self.mode == WRITE:
                fileobj.write(self.compress.flush())
                fileobj.write(struct.pack("<L", self.crc & 0xffffffff))
                fileobj.write(struct.pack("<L", self.size & 0xffffffff))
        finally:
            myfileobj = self.myfileobj
            if myfileobj:
                self.myfileobj = None
                myfileobj.close()

    def flush(self, zlib_mode=zlib.Z_SYNC_FLUSH):
        self._check_not_closed()
        if self.mode == WRITE:
            self.fileobj.write(self.compress.flush(zlib_mode))
            self.fileobj.flush()

    def fileno(self):
        return self.fileobj.fileno()

    def rewind(self):
        """Return the uncompressed stream file position indicator to the
        beginning of the file"""
        if self.mode != READ:
            raise OSError("Can't rewind in write mode")
        fileobj = self.fileobj
        while isinstance(fileobj, _Prepended):
            fileobj = fileobj.inner
        fileobj.seek(0)
        self.fileobj = fileobj
        self._buffer = b''
        self._pos = 0
        self._decomp = None
        self._eof = False

    def readable(self):
        return self.mode == READ

    def writable(self):
        return self.mode == WRITE

    def seekable(self):
        return True

    def seek(self, offset, whence=io.SEEK_SET):
        if self.mode == WRITE:
            if whence != io.SEEK_SET:
                if whence == io.SEEK_CUR:
                    offset = self.offset + offset
                else:
                    raise ValueError('Seek from end not supported')
            if offset < self.offset:
                raise OSError('Negative seek in write mode')
            self.write(b'\0' * (offset - self.offset))
            return self.offset
        if whence == io.SEEK_CUR:
            offset = self._pos + offset
        elif whence == io.SEEK_END:
            while self._fill():
                pass
            offset = self._pos + len(self._buffer) + offset
        if offset < self._pos:
            self.rewind()
        self.read(offset - self._pos)
        return self._pos

    def tell(self):
        return self.offset if self.mode == WRITE else self._pos

    def __enter__(self):
        self._check_not_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


class _Prepended:
    """A file whose next reads first return some pushed-back bytes."""

    def __init__(self, inner, data):
        self.inner = inner
        self.data = data

    def read(self, n=-1):
        if self.data:
            if n < 0 or n >= len(self.data):
                data, self.data = self.data, b''
                if n >= 0:
                    n -= len(data)
                if n != 0:
                    data += self.inner.read(n)
                return data
            data, self.data = self.data[:n], self.data[n:]
            return data
        return self.inner.read(n)

    def __getattr__(self, name):
        return getattr(self.inner, name)


class _TextWrapper:
    """Text mode over a GzipFile: encode on write, decode on read, with
    universal newlines (newline=None) as io.TextIOWrapper."""

    def __init__(self, buffer, encoding, errors, newline):
        self.buffer = buffer
        self.encoding = encoding
        self.errors = errors
        self._newline = newline
        self._pending = ''

    def _translate(self, text):
        if self._newline is None:
            return text.replace('\r\n', '\n').replace('\r', '\n')
        return text

    def read(self, size=-1):
        raw = self.buffer.read()
        text = self._pending + raw.decode(self.encoding, self.errors)
        self._pending = ''
        text = self._translate(text)
        if size is not None and size >= 0:
            self._pending, text = text[size:], text[:size]
        return text

    def readline(self, size=-1):
        while '\n' not in self._pending and '\r' not in self._pending[:-1]:
            data = self.buffer.read(_CHUNK)
            if not data:
                break
            self._pending += data.decode(self.encoding, self.errors)
        text = self._translate(self._pending) if self._newline is None else self._pending
        end = text.find('\n') + 1 or len(text)
        if size is not None and size >= 0:
            end = min(end, size)
        line = text[:end]
        self._pending = text[end:]
        return line

    def readlines(self, hint=-1):
        return list(self)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        text = s
        if self._newline not in (None, '', '\n'):
            text = text.replace('\n', self._newline)
        self.buffer.write(text.encode(self.encoding, self.errors))
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def name(self):
        return self.buffer.name

    def close(self):
        self.buffer.close()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def compress(data, compresslevel=_COMPRESS_LEVEL_BEST, *, mtime=None):
    """Compress data in one shot and return the compressed string."""
    if mtime == 0:
        return zlib.compress(data, level=compresslevel, wbits=31)
    header = _create_simple_gzip_header(compresslevel, mtime)
    trailer = struct.pack("<LL", zlib.crc32(data), (len(data) & 0xffffffff))
    return header + zlib.compress(data, level=compresslevel, wbits=-15) + trailer


def decompress(data):
    """Decompress a gzip compressed string in one shot (all members)."""
    decompressed_members = []
    while True:
        fp = io.BytesIO(data)
        if _read_gzip_header(fp) is None:
            return b"".join(decompressed_members)
        do = zlib.decompressobj(wbits=-zlib.MAX_WBITS)
        decompressed = do.decompress(data[fp.tell():])
        if not do.eof or len(do.unused_data) < 8:
            raise EOFError("Compressed file ended before the end-of-stream "
                           "marker was reached")
        crc, length = struct.unpack("<II", do.unused_data[:8])
        if crc != zlib.crc32(decompressed):
            raise BadGzipFile("CRC check failed")
        if length != (len(decompressed) & 0xffffffff):
            raise BadGzipFile("Incorrect length of data produced")
        decompressed_members.append(decompressed)
        data = do.unused_data[8:].lstrip(b"\x00")
