"""fileinput -- iterate over the lines of several files (or stdin, '-'),
as CPython 3.11's module.

    for line in fileinput.input():        # the files named in sys.argv[1:]
        process(line)

The module-level functions (filename(), lineno(), ...) ask the FileInput
that input() created.  With inplace=True each file is moved to a backup and
sys.stdout is redirected to a new file of the original name while its
lines are read, so print() rewrites the file.
"""
import io
import os
import sys

__all__ = ["input", "close", "nextfile", "filename", "lineno", "filelineno",
           "fileno", "isfirstline", "isstdin", "FileInput", "hook_compressed",
           "hook_encoded"]

_state = None


def input(files=None, inplace=False, backup="", *, mode="r", openhook=None,
          encoding=None, errors=None):
    """Create the FileInput that the module functions use, and return it."""
    global _state
    if _state and _state._file:
        raise RuntimeError("input() already active")
    _state = FileInput(files, inplace, backup, mode=mode, openhook=openhook,
                       encoding=encoding, errors=errors)
    return _state


def close():
    """Close the sequence."""
    global _state
    state = _state
    _state = None
    if state:
        state.close()


def _active():
    if not _state:
        raise RuntimeError("no active input()")
    return _state


def nextfile():
    """Skip the rest of the current file."""
    return _active().nextfile()


def filename():
    """The name of the file being read (None before the first line)."""
    return _active().filename()


def lineno():
    """The cumulative line number of the line just read."""
    return _active().lineno()


def filelineno():
    """The line number within the current file."""
    return _active().filelineno()


def fileno():
    """The file descriptor of the current file (-1 when none is open)."""
    return _active().fileno()


def isfirstline():
    return _active().isfirstline()


def isstdin():
    return _active().isstdin()


class FileInput:
    """The lines of a sequence of files, read one after the other."""

    def __init__(self, files=None, inplace=False, backup="", *, mode="r",
                 openhook=None, encoding=None, errors=None):
        if isinstance(files, str):
            files = (files,)
        elif isinstance(files, os.PathLike):
            files = (os.fspath(files),)
        else:
            if files is None:
                files = sys.argv[1:]
            if not files:
                files = ('-',)
            else:
                files = tuple(files)
        self._files = files
        self._inplace = inplace
        self._backup = backup
        self._savestdout = None
        self._output = None
        self._filename = None
        self._startlineno = 0
        self._filelineno = 0
        self._file = None
        self._isstdin = False
        self._backupfilename = None
        self._encoding = encoding
        self._errors = errors
        if mode not in ('r', 'rb'):
            raise ValueError("FileInput opening mode must be 'r' or 'rb'")
        self._mode = mode
        self._write_mode = mode.replace('r', 'w')
        if openhook:
            if inplace:
                raise ValueError("FileInput cannot use an opening hook in inplace mode")
            if not callable(openhook):
                raise ValueError("FileInput openhook must be callable")
        self._openhook = openhook

    def __del__(self):
        self.close()

    def close(self):
        try:
            self.nextfile()
        finally:
            self._files = ()

    def __enter__(self):
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            line = self._readline()
            if line:
                self._filelineno += 1
                return line
            if not self._file:
                raise StopIteration
            self.nextfile()

    def nextfile(self):
        """Close the current file (restoring stdout after an in-place
        rewrite, deleting the backup unless one was asked for)."""
        savestdout = self._savestdout
        self._savestdout = None
        if savestdout:
            sys.stdout = savestdout
        output = self._output
        self._output = None
        try:
            if output:
                output.close()
        finally:
            file = self._file
            self._file = None
            try:
                if file and not self._isstdin:
                    file.close()
            finally:
                backupfilename = self._backupfilename
                self._backupfilename = None
                if backupfilename and not self._backup:
                    try:
                        os.unlink(backupfilename)
                    except OSError:
                        pass
                self._isstdin = False

    def readline(self):
        while True:
            line = self._readline()
            if line:
                self._filelineno += 1
                return line
            if not self._file:
                return line
            self.nextfile()

    def _readline(self):
        """The next line of the current file, opening the next file first
        if none is open; '' at the end of a file or of everything."""
        if self._file is None:
            if not self._files:
                return b'' if 'b' in self._mode else ''
            self._open_next()
        return self._file.readline()

    def _open_next(self):
        self._filename = self._files[0]
        self._files = self._files[1:]
        self._startlineno = self.lineno()
        self._filelineno = 0
        self._isstdin = False
        self._backupfilename = None
        encoding = self._encoding
        if encoding is None and 'b' not in self._mode:
            encoding = "locale"
        if self._filename == '-':
            self._filename = '<stdin>'
            self._file = sys.stdin.buffer if 'b' in self._mode else sys.stdin
            self._isstdin = True
        elif self._inplace:
            self._open_inplace(encoding)
        elif self._openhook:
            if self._encoding is None:
                self._file = self._openhook(self._filename, self._mode)
            else:
                self._file = self._openhook(self._filename, self._mode,
                                            encoding=self._encoding, errors=self._errors)
        else:
            self._file = self._open(self._filename, self._mode, encoding)

    def _open(self, name, mode, encoding):
        if 'b' in mode:
            return open(name, mode)
        return open(name, mode, encoding=None if encoding == "locale" else encoding,
                    errors=self._errors)

    def _open_inplace(self, encoding):
        name = os.fspath(self._filename)
        self._backupfilename = name + (self._backup or ".bak")
        try:
            os.unlink(self._backupfilename)
        except OSError:
            pass
        os.rename(name, self._backupfilename)
        self._file = self._open(self._backupfilename, self._mode, encoding)
        try:
            perm = os.stat(self._file.fileno()).st_mode
        except OSError:
            perm = None
        self._output = self._open(name, self._write_mode, encoding)
        if perm is not None:
            try:
                os.chmod(name, perm)
            except OSError:
                pass
        self._savestdout = sys.stdout
        sys.stdout = self._output

    def filename(self):
        return self._filename

    def lineno(self):
        return self._startlineno + self._filelineno

    def filelineno(self):
        return self._filelineno

    def fileno(self):
        if self._file:
            try:
                return self._file.fileno()
            except ValueError:
                return -1
        return -1

    def isfirstline(self):
        return self._filelineno == 1

    def isstdin(self):
        return self._isstdin

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


def hook_compressed(filename, mode, *, encoding=None, errors=None):
    """An openhook that reads .gz (and .bz2) files transparently."""
    if encoding is None and "b" not in mode:
        encoding = "locale"
    ext = os.path.splitext(filename)[1]
    if ext == '.gz':
        import gzip
        stream = gzip.open(filename, mode)
    elif ext == '.bz2':
        import bz2
        stream = bz2.BZ2File(filename, mode)
    else:
        return open(filename, mode, encoding=None if encoding == "locale" else encoding,
                    errors=errors)
    if "b" not in mode:
        stream = io.TextIOWrapper(stream, encoding=encoding, errors=errors)
    return stream


def hook_encoded(encoding, errors=None):
    """An openhook that opens files with the given encoding."""
    def openhook(filename, mode):
        return open(filename, mode, encoding=encoding, errors=errors)
    return openhook
