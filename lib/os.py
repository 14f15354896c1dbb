"""os -- operating system interfaces (refpy's subset), over the C module posix."""
import sys
from posix import *
import posix as _posix
import posixpath as path
_exit = _posix._exit   # `from posix import *` skips names starting with _

sys.modules['os.path'] = path
name = 'posix'
sep = path.sep
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
devnull = '/dev/null'
defpath = '/bin:/usr/bin'
from _collections_abc import MutableMapping as _MutableMapping


class _Environ(_MutableMapping):
    """os.environ: a mapping that also updates the process environment."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        if not isinstance(key, str) or not isinstance(value, str):
            raise TypeError("str expected, not " + type(value if isinstance(key, str) else key).__name__)
        _posix.putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        _posix.unsetenv(key)
        del self._data[key]

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __repr__(self):
        return "environ({%s})" % ", ".join("%r: %r" % kv for kv in self._data.items())

    def copy(self):
        return dict(self._data)


environ = _Environ(_posix.environ)
SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    _posix.putenv(key, value)


def fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    method = getattr(type(p), '__fspath__', None)
    if method is None:
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + type(p).__name__)
    return method(p)


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def walk(top, topdown=True, onerror=None, followlinks=False):
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    names.sort()
    dirs, nondirs = [], []
    for n in names:
        (dirs if path.isdir(path.join(top, n)) else nondirs).append(n)
    if topdown:
        yield top, dirs, nondirs
    for d in dirs:
        new = path.join(top, d)
        if followlinks or not path.islink(new):
            yield from walk(new, topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, nondirs


# ---- added for the standard modules in lib/ (pathlib, glob, shutil, tempfile)

def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    return open(fd, mode, buffering, encoding, *args, **kwargs)


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


class DirEntry:
    """An entry of scandir(): name, path, and the file type the directory
    listing reported (d_type), so is_dir()/is_file() usually need no stat."""

    def __init__(self, dirpath, name, d_type, ino):
        self.name = name
        slash = b'/' if isinstance(dirpath, bytes) else '/'
        self.path = dirpath + name if dirpath.endswith(slash) else dirpath + slash + name
        self._d_type = d_type
        self._ino = ino
        self._stat = None
        self._lstat = None

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)

    def __fspath__(self):
        return self.path

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks and self.is_symlink():
            if self._stat is None:
                self._stat = stat(self.path)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def _test_mode(self, follow_symlinks, want, dtype):
        # d_type answers unless it is unknown or a link we must follow.
        if self._d_type != 0 and not (follow_symlinks and self._d_type == 10):
            return self._d_type == dtype
        try:
            st = self.stat(follow_symlinks=follow_symlinks)
        except FileNotFoundError:
            return False
        return (st.st_mode & 0o170000) == want

    def is_dir(self, *, follow_symlinks=True):
        return self._test_mode(follow_symlinks, 0o040000, 4)

    def is_file(self, *, follow_symlinks=True):
        return self._test_mode(follow_symlinks, 0o100000, 8)

    def is_symlink(self):
        if self._d_type != 0:
            return self._d_type == 10
        try:
            st = self.stat(follow_symlinks=False)
        except FileNotFoundError:
            return False
        return (st.st_mode & 0o170000) == 0o120000

    def inode(self):
        return self._ino


class _ScandirIterator:
    """scandir()'s iterator; a context manager whose close() ends it."""

    def __init__(self, dirpath):
        self._dirpath = dirpath
        self._it = iter(_posix._scandir(dirpath))

    def __iter__(self):
        return self

    def __next__(self):
        name, d_type, ino = next(self._it)
        return DirEntry(self._dirpath, name, d_type, ino)

    def close(self):
        self._it = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def scandir(path=None):
    """Iterate over the DirEntry objects of the directory PATH."""
    if path is None:
        path = '.'
    return _ScandirIterator(fspath(path))



# ---- process, terminal and system information (h_std3) -------------------
from abc import ABCMeta as _ABCMeta, abstractmethod as _abstractmethod


class PathLike(metaclass=_ABCMeta):
    """Abstract base class for implementing the file system path protocol."""

    @_abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return any('__fspath__' in B.__dict__ and B.__dict__['__fspath__'] is not None
                       for B in subclass.__mro__) or NotImplemented
        return NotImplemented

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


def _structseq(name, module, fields):
    """A tuple subclass with named fields, like CPython's struct sequences."""
    def __new__(cls, seq):
        seq = tuple(seq)
        if len(seq) != len(fields):
            raise TypeError("%s.%s() takes a %d-sequence (%d-sequence given)"
                            % (module, name, len(fields), len(seq)))
        return tuple.__new__(cls, seq)

    def __repr__(self):
        return '%s.%s(%s)' % (module, name, ', '.join(
            '%s=%r' % (f, v) for f, v in zip(fields, self)))

    def __reduce__(self):
        return (type(self), (tuple(self),))

    ns = {'__new__': __new__, '__repr__': __repr__, '__reduce__': __reduce__,
          '__slots__': (), '__module__': module, 'n_fields': len(fields),
          'n_sequence_fields': len(fields), 'n_unnamed_fields': 0,
          '_fields': tuple(fields)}
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: self[i])
    return type(name, (tuple,), ns)


terminal_size = _structseq('terminal_size', 'os', ('columns', 'lines'))
uname_result = _structseq('uname_result', 'posix',
                          ('sysname', 'nodename', 'release', 'version', 'machine'))
times_result = _structseq('times_result', 'posix',
                          ('user', 'system', 'children_user', 'children_system', 'elapsed'))


def get_terminal_size(fd=1):
    """Return the size of the terminal window as (columns, lines)."""
    return terminal_size(_posix._get_terminal_size(fd))


def uname():
    return uname_result(_posix._uname())


def times():
    return times_result(_posix._times())


def get_exec_path(env=None):
    """The directories searched for an executable, from env's PATH."""
    if env is None:
        env = environ
    path_list = env.get('PATH') if hasattr(env, 'get') else None
    if path_list is None:
        path_list = defpath
    if isinstance(path_list, bytes):
        path_list = fsdecode(path_list)
    return path_list.split(pathsep)


def execl(file, *args):
    execv(file, args)


def execle(file, *args):
    execve(file, args[:-1], args[-1])


def execlp(file, *args):
    execvp(file, args)


def execlpe(file, *args):
    execvpe(file, args[:-1], args[-1])


def execvp(file, args):
    _execvpe(file, args)


def execvpe(file, args, env):
    _execvpe(file, args, env)


def _execvpe(file, args, env=None):
    """Try file in each PATH directory; raise the most telling error."""
    run = (lambda p: execve(p, args, env)) if env is not None else (lambda p: execv(p, args))
    if path.dirname(file):
        run(file)
        return
    saved = None
    for d in get_exec_path(env):
        full = path.join(fsencode(d), fsencode(file)) if isinstance(file, bytes) \
            else path.join(d, file)
        try:
            run(full)
        except (FileNotFoundError, NotADirectoryError) as e:
            last = e
        except OSError as e:
            last = e
            if saved is None:
                saved = e
    raise saved if saved is not None else last


class _wrap_close:
    """popen()'s file: close() waits for the command and returns its status."""

    def __init__(self, stream, proc):
        self._stream = stream
        self._proc = proc

    def close(self):
        self._stream.close()
        returncode = self._proc.wait()
        if returncode == 0:
            return None
        return returncode << 8

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def __iter__(self):
        return iter(self._stream)


def popen(cmd, mode="r", buffering=-1):
    if not isinstance(cmd, str):
        raise TypeError("invalid cmd type (%s, expected string)" % type(cmd))
    if mode not in ("r", "w"):
        raise ValueError("invalid mode %r" % mode)
    if buffering == 0 or buffering is None:
        raise ValueError("popen() does not support unbuffered streams")
    import subprocess
    if mode == "r":
        proc = subprocess.Popen(cmd, shell=True, text=True, stdout=subprocess.PIPE,
                                bufsize=buffering)
        return _wrap_close(proc.stdout, proc)
    proc = subprocess.Popen(cmd, shell=True, text=True, stdin=subprocess.PIPE,
                            bufsize=buffering)
    return _wrap_close(proc.stdin, proc)
