"""zipfile -- read and write ZIP archives (stored and deflated), as
CPython 3.11's module for the common cases.

Layout of an archive: for each member a local header (signature PK\\3\\4,
versions, flags, method, DOS time/date, CRC-32, sizes, name, extra) and
its data; then the central directory (one PK\\1\\2 record per member,
which also holds attributes and the local header's offset) and the
end-of-central-directory record (PK\\5\\6: entry count, directory size
and offset, archive comment).  Readers find the end record by scanning
back from the end of the file.  Writing keeps each member's data until
the member is complete, then writes header and data with the final CRC
and sizes (the bytes CPython writes to a seekable file).  ZIP64,
encryption, bzip2 and lzma are not supported.
"""
import io
import os
import shutil
import stat
import struct
import sys
import threading
import time
import zlib

__all__ = ["BadZipFile", "BadZipfile", "error", "ZIP_STORED", "ZIP_DEFLATED", "ZIP_BZIP2",
           "ZIP_LZMA", "is_zipfile", "ZipInfo", "ZipFile", "PyZipFile", "LargeZipFile"]


class BadZipFile(Exception):
    pass


class LargeZipFile(Exception):
    """Raised when writing a zipfile would need ZIP64 extensions."""


error = BadZipfile = BadZipFile

ZIP64_LIMIT = (1 << 31) - 1
ZIP_FILECOUNT_LIMIT = (1 << 16) - 1
ZIP_MAX_COMMENT = (1 << 16) - 1
ZIP_STORED = 0
ZIP_DEFLATED = 8
ZIP_BZIP2 = 12
ZIP_LZMA = 14
DEFAULT_VERSION = 20
ZIP64_VERSION = 45
BZIP2_VERSION = 46
LZMA_VERSION = 63
MAX_EXTRACT_VERSION = 63

structEndArchive = b"<4s4H2LH"
stringEndArchive = b"PK\005\006"
sizeEndCentDir = struct.calcsize(structEndArchive)
structCentralDir = "<4s4B4HL2L5H2L"
stringCentralDir = b"PK\001\002"
sizeCentralDir = struct.calcsize(structCentralDir)
structFileHeader = "<4s2B4HL2L2H"
stringFileHeader = b"PK\003\004"
sizeFileHeader = struct.calcsize(structFileHeader)
_MASK_ENCRYPTED = 1 << 0
_MASK_USE_DATA_DESCRIPTOR = 1 << 3
_MASK_UTF_FILENAME = 1 << 11

compressor_names = {0: 'store', 1: 'shrink', 2: 'reduce', 3: 'reduce', 4: 'reduce',
                    5: 'reduce', 6: 'implode', 7: 'tokenize', 8: 'deflate', 9: 'deflate64',
                    10: 'implode', 12: 'bzip2', 14: 'lzma', 18: 'terse', 19: 'lz77',
                    97: 'wavpack', 98: 'ppmd'}


def _check_compression(compression):
    if compression in (ZIP_STORED, ZIP_DEFLATED):
        return
    if compression == ZIP_BZIP2:
        raise RuntimeError("Compression requires the (missing) bz2 module")
    if compression == ZIP_LZMA:
        raise RuntimeError("Compression requires the (missing) lzma module")
    raise NotImplementedError("That compression method is not supported")


def _EndRecData(fpin):
    """The end-of-central-directory record as a list (plus the comment and
    the record's offset), or None if there is none."""
    fpin.seek(0, 2)
    filesize = fpin.tell()
    try:
        fpin.seek(-sizeEndCentDir, 2)
    except (OSError, ValueError):
        return None
    data = fpin.read()
    if (len(data) == sizeEndCentDir and data[0:4] == stringEndArchive and
            data[-2:] == b"\000\000"):
        endrec = list(struct.unpack(structEndArchive, data))
        endrec.append(b"")
        endrec.append(filesize - sizeEndCentDir)
        return endrec
    # An archive comment follows the record: search the last 64 KiB.
    max_comment_start = max(filesize - (1 << 16) - sizeEndCentDir, 0)
    fpin.seek(max_comment_start, 0)
    data = fpin.read()
    start = data.rfind(stringEndArchive)
    if start >= 0:
        rec = data[start:start + sizeEndCentDir]
        if len(rec) != sizeEndCentDir:
            return None
        endrec = list(struct.unpack(structEndArchive, rec))
        comment_size = endrec[7]
        endrec.append(data[start + sizeEndCentDir:start + sizeEndCentDir + comment_size])
        endrec.append(max_comment_start + start)
        return endrec
    return None


def _check_zipfile(fp):
    try:
        if _EndRecData(fp):
            return True
    except OSError:
        pass
    return False


def is_zipfile(filename):
    """Whether filename (a path or file object) looks like a ZIP archive."""
    result = False
    try:
        if hasattr(filename, "read"):
            result = _check_zipfile(fp=filename)
        else:
            with open(filename, "rb") as fp:
                result = _check_zipfile(fp)
    except OSError:
        pass
    return result


def _dos_datetime(dt):
    dosdate = (dt[0] - 1980) << 9 | dt[1] << 5 | dt[2]
    dostime = dt[3] << 11 | dt[4] << 5 | (dt[5] // 2)
    return dosdate, dostime


class ZipInfo(object):
    """Information about one member of an archive."""

    __slots__ = ('orig_filename', 'filename', 'date_time', 'compress_type', '_compresslevel',
                 'comment', 'extra', 'create_system', 'create_version', 'extract_version',
                 'reserved', 'flag_bits', 'volume', 'internal_attr', 'external_attr',
                 'header_offset', 'CRC', 'compress_size', 'file_size', '_raw_time')

    def __init__(self, filename="NoName", date_time=(1980, 1, 1, 0, 0, 0)):
        self.orig_filename = filename
        null_byte = filename.find(chr(0))
        if null_byte >= 0:
            filename = filename[0:null_byte]     # names stop at a NUL
        if os.sep != "/" and os.sep in filename:
            filename = filename.replace(os.sep, "/")
        self.filename = filename
        self.date_time = date_time
        if date_time[0] < 1980:
            raise ValueError('ZIP does not support timestamps before 1980')
        self.compress_type = ZIP_STORED
        self._compresslevel = None
        self.comment = b""
        self.extra = b""
        self.create_system = 0 if sys.platform == 'win32' else 3
        self.create_version = DEFAULT_VERSION
        self.extract_version = DEFAULT_VERSION
        self.reserved = 0
        self.flag_bits = 0
        self.volume = 0
        self.internal_attr = 0
        self.external_attr = 0
        self.compress_size = 0
        self.file_size = 0
        # CRC and header_offset are set when the member is written or read.

    def __repr__(self):
        result = ['<%s filename=%r' % (self.__class__.__name__, self.filename)]
        if self.compress_type != ZIP_STORED:
            result.append(' compress_type=%s' %
                          compressor_names.get(self.compress_type, self.compress_type))
        hi = self.external_attr >> 16
        lo = self.external_attr & 0xFFFF
        if hi:
            result.append(' filemode=%r' % stat.filemode(hi))
        if lo:
            result.append(' external_attr=%#x' % lo)
        isdir = self.is_dir()
        if not isdir or self.file_size:
            result.append(' file_size=%r' % self.file_size)
        if ((not isdir or self.compress_size) and
                (self.compress_type != ZIP_STORED or self.file_size != self.compress_size)):
            result.append(' compress_size=%r' % self.compress_size)
        result.append('>')
        return ''.join(result)

    def FileHeader(self, zip64=None):
        """The local file header, name and extra included."""
        dosdate, dostime = _dos_datetime(self.date_time)
        if self.flag_bits & _MASK_USE_DATA_DESCRIPTOR:
            CRC = compress_size = file_size = 0
        else:
            CRC = self.CRC
            compress_size = self.compress_size
            file_size = self.file_size
        if compress_size > ZIP64_LIMIT or file_size > ZIP64_LIMIT:
            raise LargeZipFile("Filesize would require ZIP64 extensions")
        filename, flag_bits = self._encodeFilenameFlags()
        header = struct.pack(structFileHeader, stringFileHeader, self.extract_version,
                             self.reserved, flag_bits, self.compress_type, dostime, dosdate,
                             CRC, compress_size, file_size, len(filename), len(self.extra))
        return header + filename + self.extra

    def _encodeFilenameFlags(self):
        try:
            return self.filename.encode('ascii'), self.flag_bits
        except UnicodeEncodeError:
            return self.filename.encode('utf-8'), self.flag_bits | _MASK_UTF_FILENAME

    @classmethod
    def from_file(cls, filename, arcname=None, *, strict_timestamps=True):
        """A ZipInfo for a file on disk (its mtime and mode)."""
        if isinstance(filename, os.PathLike):
            filename = os.fspath(filename)
        st = os.stat(filename)
        isdir = stat.S_ISDIR(st.st_mode)
        mtime = time.localtime(st.st_mtime)
        date_time = mtime[0:6]
        if not strict_timestamps and date_time[0] < 1980:
            date_time = (1980, 1, 1, 0, 0, 0)
        elif not strict_timestamps and date_time[0] > 2107:
            date_time = (2107, 12, 31, 23, 59, 59)
        if arcname is None:
            arcname = filename
        arcname = os.path.normpath(os.path.splitdrive(arcname)[1])
        while arcname[0] in (os.sep, os.altsep):
            arcname = arcname[1:]
        if isdir:
            arcname += '/'
        zinfo = cls(arcname, date_time)
        zinfo.external_attr = (st.st_mode & 0xFFFF) << 16
        if isdir:
            zinfo.file_size = 0
            zinfo.external_attr |= 0x10   # MS-DOS directory flag
        else:
            zinfo.file_size = st.st_size
        return zinfo

    def is_dir(self):
        """Return True if this archive member is a directory."""
        return self.filename[-1] == '/'


class ZipExtFile(io.BufferedIOBase):
    """A member opened for reading: its data, decompressed when opened;
    a bad CRC-32 is reported once the end is read, as CPython."""

    def __init__(self, name, mode, zipinfo, data, crc_ok):
        self.name = name
        self.mode = mode
        self._compress_type = zipinfo.compress_type
        self._data = data
        self._pos = 0
        self._crc_ok = crc_ok
        self._closed = False

    def __repr__(self):
        result = ['<%s.%s' % (self.__class__.__module__, self.__class__.__qualname__)]
        if not self.closed:
            result.append(' name=%r mode=%r' % (self.name, self.mode))
            if self._compress_type != ZIP_STORED:
                result.append(' compress_type=%s' % compressor_names.get(
                    self._compress_type, self._compress_type))
        else:
            result.append(' [closed]')
        result.append('>')
        return ''.join(result)

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def _take(self, n):
        end = len(self._data) if n is None or n < 0 else min(len(self._data), self._pos + n)
        data = self._data[self._pos:end]
        self._pos = end
        if end == len(self._data) and not self._crc_ok:
            raise BadZipFile("Bad CRC-32 for file %r" % self.name)
        return data

    def read(self, n=-1):
        self._check()
        return self._take(n)

    def read1(self, n=-1):
        return self.read(n)

    def peek(self, n=1):
        return self._data[self._pos:self._pos + max(n, 512)]

    def readline(self, limit=-1):
        self._check()
        end = self._data.find(b'\n', self._pos) + 1 or len(self._data)
        if limit is not None and limit >= 0:
            end = min(end, self._pos + limit)
        return self._take(end - self._pos)

    def readlines(self, hint=-1):
        return list(self)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def seek(self, offset, whence=0):
        self._check()
        if whence == 0:
            pos = offset
        elif whence == 1:
            pos = self._pos + offset
        elif whence == 2:
            pos = len(self._data) + offset
        else:
            raise ValueError("whence must be os.SEEK_SET (0), "
                             "os.SEEK_CUR (1), or os.SEEK_END (2)")
        self._pos = max(0, min(pos, len(self._data)))
        return self._pos

    def tell(self):
        self._check()
        return self._pos

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


class _ZipWriteFile(io.BufferedIOBase):
    """A member opened for writing; the entry is written when it closes."""

    def __init__(self, zf, zinfo):
        self._zipfile = zf
        self._zinfo = zinfo
        self._parts = []
        self._file_size = 0
        self._crc = 0
        self._closed = False

    def writable(self):
        return True

    def write(self, data):
        if self._closed:
            raise ValueError('I/O operation on closed file.')
        if isinstance(data, (bytes, bytearray)):
            nbytes = len(data)
        else:
            data = memoryview(data)
            nbytes = data.nbytes
            data = bytes(data)
        self._file_size += nbytes
        self._crc = zlib.crc32(data, self._crc)
        self._parts.append(bytes(data))
        return nbytes

    @property
    def closed(self):
        return self._closed

    def close(self):
        if self._closed:
            return
        self._closed = True
        zinfo = self._zinfo
        data = b''.join(self._parts)
        if zinfo.compress_type == ZIP_DEFLATED:
            level = zinfo._compresslevel
            comp = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION if level is None else level,
                                    zlib.DEFLATED, -15)
            data = comp.compress(data) + comp.flush()
        zinfo.compress_size = len(data)
        zinfo.CRC = self._crc
        zinfo.file_size = self._file_size
        self._zipfile._add_entry(zinfo, data)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


class ZipFile:
    """A ZIP archive: ZipFile(file, mode='r'|'w'|'x'|'a', compression)."""

    fp = None

    def __init__(self, file, mode="r", compression=ZIP_STORED, allowZip64=True,
                 compresslevel=None, *, strict_timestamps=True, metadata_encoding=None):
        if mode not in ('r', 'w', 'x', 'a'):
            raise ValueError("ZipFile requires mode 'r', 'w', 'x', or 'a'")
        _check_compression(compression)
        self._allowZip64 = allowZip64
        self._didModify = False
        self.debug = 0
        self.NameToInfo = {}
        self.filelist = []
        self.compression = compression
        self.compresslevel = compresslevel
        self.mode = mode
        self.pwd = None
        self._comment = b''
        self._strict_timestamps = strict_timestamps
        self.metadata_encoding = metadata_encoding
        self._writing = False
        self._lock = threading.RLock()
        if isinstance(file, os.PathLike):
            file = os.fspath(file)
        if isinstance(file, str):
            self._filePassed = 0
            self.filename = file
            mode_dict = {'r': 'rb', 'w': 'w+b', 'x': 'x+b', 'a': 'r+b'}
            filemode = mode_dict[mode]
            try:
                self.fp = io.open(file, filemode)
            except FileNotFoundError:
                if mode != 'a':
                    raise
                mode = self.mode = 'w'
                self.fp = io.open(file, 'w+b')
        else:
            self._filePassed = 1
            self.fp = file
            self.filename = getattr(file, 'name', None)
        try:
            if mode == 'r':
                self._RealGetContents()
            elif mode in ('w', 'x'):
                self._didModify = True
                self.start_dir = self.fp.tell()
            else:
                try:
                    self._RealGetContents()
                    self.fp.seek(self.start_dir)
                except BadZipFile:
                    self.fp.seek(0, 2)   # not an archive yet: add one at the end
                    self._didModify = True
                    self.start_dir = self.fp.tell()
        except:
            fp = self.fp
            self.fp = None
            if not self._filePassed:
                fp.close()
            raise

    def __enter__(self):
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def __repr__(self):
        result = ['<%s.%s' % (self.__class__.__module__, self.__class__.__qualname__)]
        if self.fp is not None:
            if self._filePassed:
                result.append(' file=%r' % self.fp)
            elif self.filename is not None:
                result.append(' filename=%r' % self.filename)
            result.append(' mode=%r' % self.mode)
        else:
            result.append(' [closed]')
        result.append('>')
        return ''.join(result)

    # -- reading the central directory -------------------------------------------
    def _RealGetContents(self):
        fp = self.fp
        try:
            endrec = _EndRecData(fp)
        except OSError:
            raise BadZipFile("File is not a zip file")
        if not endrec:
            raise BadZipFile("File is not a zip file")
        size_cd = endrec[5]
        offset_cd = endrec[6]
        self._comment = endrec[8]
        # Data prepended to the archive (a self-extractor) shifts offsets.
        concat = endrec[9] - size_cd - offset_cd
        self.start_dir = offset_cd + concat
        if self.start_dir < 0:
            raise BadZipFile("Bad offset for central directory")
        fp.seek(self.start_dir, 0)
        data = fp.read(size_cd)
        pos = 0
        while pos < len(data):
            centdir = data[pos:pos + sizeCentralDir]
            if len(centdir) != sizeCentralDir:
                raise BadZipFile("Truncated central directory")
            centdir = struct.unpack(structCentralDir, centdir)
            if centdir[0] != stringCentralDir:
                raise BadZipFile("Bad magic number for central directory")
            pos += sizeCentralDir
            filename = data[pos:pos + centdir[12]]
            flags = centdir[5]
            x = ZipInfo(self._decode_name(filename, flags))
            pos += centdir[12]
            x.extra = data[pos:pos + centdir[13]]
            pos += centdir[13]
            x.comment = data[pos:pos + centdir[14]]
            pos += centdir[14]
            (x.create_version, x.create_system, x.extract_version, x.reserved,
             x.flag_bits, x.compress_type, t, d, x.CRC, x.compress_size,
             x.file_size) = centdir[1:12]
            if x.extract_version > MAX_EXTRACT_VERSION:
                raise NotImplementedError("zip file version %.1f" % (x.extract_version / 10))
            x.volume, x.internal_attr, x.external_attr = centdir[15:18]
            x.header_offset = centdir[18] + concat
            x._raw_time = t
            x.date_time = ((d >> 9) + 1980, (d >> 5) & 0xF, d & 0x1F,
                           t >> 11, (t >> 5) & 0x3F, (t & 0x1F) * 2)
            self.filelist.append(x)
            self.NameToInfo[x.filename] = x

    def _decode_name(self, raw, flags):
        if flags & _MASK_UTF_FILENAME:
            return raw.decode('utf-8')
        try:
            return raw.decode(self.metadata_encoding or 'cp437')
        except LookupError:
            # No cp437 codec: ASCII names read the same; others as Latin-1.
            return raw.decode('latin-1')

    # -- queries ---------------------------------------------------------------------
    def namelist(self):
        return [data.filename for data in self.filelist]

    def infolist(self):
        return self.filelist

    def printdir(self, file=None):
        print("%-46s %19s %12s" % ("File Name", "Modified    ", "Size"), file=file)
        for zinfo in self.filelist:
            date = "%d-%02d-%02d %02d:%02d:%02d" % zinfo.date_time[:6]
            print("%-46s %s %12d" % (zinfo.filename, date, zinfo.file_size), file=file)

    def testzip(self):
        """The name of the first member with a bad CRC, or None."""
        for zinfo in self.filelist:
            try:
                with self.open(zinfo.filename, "r") as f:
                    f.read()
            except BadZipFile:
                return zinfo.filename
        return None

    def getinfo(self, name):
        info = self.NameToInfo.get(name)
        if info is None:
            raise KeyError('There is no item named %r in the archive' % name)
        return info

    def setpassword(self, pwd):
        if pwd and not isinstance(pwd, bytes):
            raise TypeError("pwd: expected bytes, got %s" % type(pwd).__name__)
        self.pwd = pwd or None

    @property
    def comment(self):
        return self._comment

    @comment.setter
    def comment(self, comment):
        if not isinstance(comment, bytes):
            raise TypeError("comment: expected bytes, got %s" % type(comment).__name__)
        if len(comment) > ZIP_MAX_COMMENT:
            import warnings
            warnings.warn('Archive comment is too long; truncating to %d bytes'
                          % ZIP_MAX_COMMENT, stacklevel=2)
            comment = comment[:ZIP_MAX_COMMENT]
        self._comment = comment
        self._didModify = True

    # -- reading members -------------------------------------------------------------
    def read(self, name, pwd=None):
        """The bytes of member `name`."""
        with self.open(name, "r", pwd) as fp:
            return fp.read()

    def open(self, name, mode="r", pwd=None, *, force_zip64=False):
        """A file object for member `name` (a ZipInfo or name): 'r' reads
        it, 'w' writes a new member."""
        if mode not in {"r", "w"}:
            raise ValueError('open() requires mode "r" or "w"')
        if pwd and (mode == "w"):
            raise ValueError("pwd is only supported for reading files")
        if not self.fp:
            raise ValueError("Attempt to use ZIP archive that was already closed")
        if isinstance(name, ZipInfo):
            zinfo = name
        elif mode == 'w':
            zinfo = ZipInfo(name)
            zinfo.compress_type = self.compression
            zinfo._compresslevel = self.compresslevel
        else:
            zinfo = self.getinfo(name)
        if mode == 'w':
            return self._open_to_write(zinfo)
        if self._writing:
            raise ValueError("Can't read from the ZIP file while there "
                             "is an open writing handle on it. "
                             "Close the writing handle before trying to read.")
        with self._lock:
            return self._open_to_read(zinfo)

    def _open_to_read(self, zinfo):
        self.fp.seek(zinfo.header_offset)
        fheader = self.fp.read(sizeFileHeader)
        if len(fheader) != sizeFileHeader:
            raise BadZipFile("Truncated file header")
        fheader = struct.unpack(structFileHeader, fheader)
        if fheader[0] != stringFileHeader:
            raise BadZipFile("Bad magic number for file header")
        fname = self.fp.read(fheader[10])
        if fheader[11]:
            self.fp.read(fheader[11])
        if zinfo.flag_bits & _MASK_ENCRYPTED:
            raise RuntimeError("File %r is encrypted, password required for extraction"
                               % zinfo.orig_filename)
        fname_str = self._decode_name(fname, zinfo.flag_bits)
        if fname_str != zinfo.orig_filename:
            raise BadZipFile('File name in directory %r and header %r differ.'
                             % (zinfo.orig_filename, fname))
        raw = self.fp.read(zinfo.compress_size)
        if zinfo.compress_type == ZIP_STORED:
            data = raw
        elif zinfo.compress_type == ZIP_DEFLATED:
            data = zlib.decompressobj(-15).decompress(raw)
        else:
            descr = compressor_names.get(zinfo.compress_type)
            if descr:
                raise NotImplementedError("compression type %d (%s)"
                                          % (zinfo.compress_type, descr))
            raise NotImplementedError("compression type %d" % (zinfo.compress_type,))
        crc_ok = zlib.crc32(data) == zinfo.CRC
        return ZipExtFile(zinfo.filename, 'r', zinfo, data, crc_ok)

    # -- writing members -------------------------------------------------------------
    def _writecheck(self, zinfo):
        if zinfo.filename in self.NameToInfo:
            import warnings
            warnings.warn('Duplicate name: %r' % zinfo.filename, stacklevel=4)
        if self.mode not in ('w', 'x', 'a'):
            raise ValueError("write() requires mode 'w', 'x', or 'a'")
        if not self.fp:
            raise ValueError("Attempt to write ZIP archive that was already closed")
        _check_compression(zinfo.compress_type)

    def _open_to_write(self, zinfo):
        if self._writing:
            raise ValueError("Can't write to the ZIP file while there is "
                             "another write handle open on it. "
                             "Close the first handle before opening another.")
        zinfo.compress_size = 0
        zinfo.CRC = 0
        zinfo.flag_bits = 0x00
        if not zinfo.external_attr:
            zinfo.external_attr = 0o600 << 16   # ?rw-------
        self._writecheck(zinfo)
        self._didModify = True
        self._writing = True
        return _ZipWriteFile(self, zinfo)

    def _add_entry(self, zinfo, data):
        """Write a complete member (header and data) at the end of the
        members and record it in the directory."""
        self._writing = False
        self.fp.seek(self.start_dir)
        zinfo.header_offset = self.fp.tell()
        self.fp.write(zinfo.FileHeader(False))
        self.fp.write(data)
        self.filelist.append(zinfo)
        self.NameToInfo[zinfo.filename] = zinfo
        self.start_dir = self.fp.tell()

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        """Add the file `filename` (or a directory entry) as `arcname`."""
        if not self.fp:
            raise ValueError("Attempt to write to ZIP archive that was already closed")
        if self._writing:
            raise ValueError("Can't write to ZIP archive while an open writing handle exists")
        zinfo = ZipInfo.from_file(filename, arcname,
                                  strict_timestamps=self._strict_timestamps)
        if zinfo.is_dir():
            zinfo.compress_size = 0
            zinfo.CRC = 0
            self.mkdir(zinfo)
            return
        zinfo.compress_type = compress_type if compress_type is not None else self.compression
        zinfo._compresslevel = compresslevel if compresslevel is not None else \
            self.compresslevel
        with open(filename, "rb") as src, self.open(zinfo, 'w') as dest:
            shutil.copyfileobj(src, dest, 1024 * 8)

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        """Add a member holding `data` (bytes, or str written as UTF-8)."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        if not isinstance(zinfo_or_arcname, ZipInfo):
            zinfo = ZipInfo(filename=zinfo_or_arcname,
                            date_time=time.localtime(time.time())[:6])
            zinfo.compress_type = self.compression
            zinfo._compresslevel = self.compresslevel
            if zinfo.filename[-1] == '/':
                zinfo.external_attr = 0o40775 << 16   # drwxrwxr-x
                zinfo.external_attr |= 0x10           # MS-DOS directory flag
            else:
                zinfo.external_attr = 0o600 << 16     # ?rw-------
        else:
            zinfo = zinfo_or_arcname
        if not self.fp:
            raise ValueError("Attempt to write to ZIP archive that was already closed")
        if self._writing:
            raise ValueError("Can't write to ZIP archive while an open writing handle exists.")
        if compress_type is not None:
            zinfo.compress_type = compress_type
        if compresslevel is not None:
            zinfo._compresslevel = compresslevel
        zinfo.file_size = len(data)
        with self._lock:
            with self.open(zinfo, mode='w') as dest:
                dest.write(data)

    def mkdir(self, zinfo_or_directory_name, mode=511):
        """Create a directory inside the archive."""
        if isinstance(zinfo_or_directory_name, ZipInfo):
            zinfo = zinfo_or_directory_name
            if not zinfo.is_dir():
                raise ValueError("The given ZipInfo does not describe a directory")
        elif isinstance(zinfo_or_directory_name, str):
            directory_name = zinfo_or_directory_name
            if not directory_name.endswith("/"):
                directory_name += "/"
            zinfo = ZipInfo(directory_name)
            zinfo.compress_size = 0
            zinfo.CRC = 0
            zinfo.external_attr = ((0o40000 | mode) & 0xFFFF) << 16
            zinfo.file_size = 0
            zinfo.external_attr |= 0x10
        else:
            raise TypeError("Expected type str or ZipInfo")
        with self._lock:
            if self._writing:
                raise ValueError("Can't write to ZIP archive while an open writing "
                                 "handle exists.")
            zinfo.compress_type = ZIP_STORED
            self._writecheck(zinfo)
            self._didModify = True
            self._add_entry(zinfo, b'')

    # -- extracting ------------------------------------------------------------------
    def extract(self, member, path=None, pwd=None):
        """Extract a member into path (default: the current directory);
        returns the path written."""
        if path is None:
            path = os.getcwd()
        else:
            path = os.fspath(path)
        return self._extract_member(member, path, pwd)

    def extractall(self, path=None, members=None, pwd=None):
        """Extract all members (or those listed) into path."""
        if members is None:
            members = self.namelist()
        if path is None:
            path = os.getcwd()
        else:
            path = os.fspath(path)
        for zipinfo in members:
            self._extract_member(zipinfo, path, pwd)

    def _extract_member(self, member, targetpath, pwd):
        if not isinstance(member, ZipInfo):
            member = self.getinfo(member)
        # Absolute names become relative; '', '.' and '..' parts are dropped
        # so that nothing lands outside targetpath.
        arcname = member.filename.replace('/', os.path.sep)
        invalid = ('', os.path.curdir, os.path.pardir)
        arcname = os.path.sep.join(x for x in arcname.split(os.path.sep) if x not in invalid)
        targetpath = os.path.normpath(os.path.join(targetpath, arcname))
        upperdirs = os.path.dirname(targetpath)
        if upperdirs and not os.path.exists(upperdirs):
            os.makedirs(upperdirs)
        if member.is_dir():
            if not os.path.isdir(targetpath):
                os.mkdir(targetpath)
            return targetpath
        with self.open(member, pwd=pwd) as source, open(targetpath, "wb") as target:
            shutil.copyfileobj(source, target)
        return targetpath

    # -- closing ---------------------------------------------------------------------
    def close(self):
        """Write the central directory (if anything changed) and close."""
        if self.fp is None:
            return
        if self._writing:
            raise ValueError("Can't close the ZIP file while there is "
                             "an open writing handle on it. "
                             "Close the writing handle before closing the zip.")
        try:
            if self.mode in ('w', 'x', 'a') and self._didModify:
                with self._lock:
                    self.fp.seek(self.start_dir)
                    self._write_end_record()
        finally:
            fp = self.fp
            self.fp = None
            if not self._filePassed:
                fp.close()

    def _write_end_record(self):
        for zinfo in self.filelist:
            dosdate, dostime = _dos_datetime(zinfo.date_time)
            filename, flag_bits = zinfo._encodeFilenameFlags()
            centdir = struct.pack(structCentralDir, stringCentralDir, zinfo.create_version,
                                  zinfo.create_system, zinfo.extract_version, zinfo.reserved,
                                  flag_bits, zinfo.compress_type, dostime, dosdate,
                                  zinfo.CRC, zinfo.compress_size, zinfo.file_size,
                                  len(filename), len(zinfo.extra), len(zinfo.comment),
                                  0, zinfo.internal_attr, zinfo.external_attr,
                                  zinfo.header_offset)
            self.fp.write(centdir)
            self.fp.write(filename)
            self.fp.write(zinfo.extra)
            self.fp.write(zinfo.comment)
        pos2 = self.fp.tell()
        count = len(self.filelist)
        if count > ZIP_FILECOUNT_LIMIT:
            raise LargeZipFile("Files count would require ZIP64 extensions")
        endrec = struct.pack(structEndArchive, stringEndArchive, 0, 0, count, count,
                             pos2 - self.start_dir, self.start_dir, len(self._comment))
        self.fp.write(endrec)
        self.fp.write(self._comment)
        if self.mode == "a":
            self.fp.truncate()
        self.fp.flush()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


PyZipFile = ZipFile
