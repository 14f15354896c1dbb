"""pathlib -- object-oriented filesystem paths (refpy: POSIX flavour only).

A path is kept as its root ('', '/' or '//') and a tuple of components;
str() joins them, so 'a//b/./c' becomes 'a/b/c' as in CPython."""
import fnmatch
import functools
import os
import posixpath
import re
import sys

__all__ = ["PurePath", "PurePosixPath", "PureWindowsPath", "Path", "PosixPath", "WindowsPath"]


def _parse(parts):
    """(root, components) of the joined string PARTS: a later absolute
    part discards what comes before it."""
    root = ''
    comps = []
    for part in parts:
        if not part:
            continue
        if part.startswith('/'):
            # POSIX keeps exactly two leading slashes, collapses more
            if part.startswith('//') and not part.startswith('///'):
                root = '//'
            else:
                root = '/'
            comps = []
        comps.extend(c for c in part.split('/') if c and c != '.')
    return root, tuple(comps)


def _fspath_of(arg):
    if isinstance(arg, PurePath):
        return str(arg)
    a = os.fspath(arg)
    if isinstance(a, str):
        return a
    raise TypeError("argument should be a str or an os.PathLike object "
                    "where __fspath__ returns a str, not %r" % type(a).__name__)


class _PathParents:
    """The logical ancestors of a path, as a sequence."""
    __slots__ = ('_path', '_len')

    def __init__(self, path):
        self._path = path
        self._len = len(path._parts)

    def __len__(self):
        return self._len

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(len(self))))
        if idx >= len(self) or idx < -len(self):
            raise IndexError(idx)
        if idx < 0:
            idx += len(self)
        return self._path._from_parsed(self._path._root, self._path._parts[:-idx - 1])

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


@functools.total_ordering
class PurePath(object):
    """A path without I/O: parsing, joining and comparing."""
    __slots__ = ('_root', '_parts', '_str', '_hash')

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_parts(args)

    def __reduce__(self):
        return (self.__class__, tuple(self._parts_with_root()))

    @classmethod
    def _from_parts(cls, args):
        self = object.__new__(cls)
        self._root, self._parts = _parse([_fspath_of(a) for a in args])
        return self

    def _from_parsed(self, root, parts):
        new = object.__new__(type(self))
        new._root = root
        new._parts = tuple(parts)
        return new

    def _parts_with_root(self):
        return ((self._root,) if self._root else ()) + self._parts

    def __str__(self):
        try:
            return self._str
        except AttributeError:
            s = self._root + '/'.join(self._parts)
            self._str = s or '.'
            return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __bytes__(self):
        return os.fsencode(self)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self.as_posix())

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        from urllib.parse import quote_from_bytes
        return 'file://' + quote_from_bytes(os.fsencode(str(self)))

    def _key(self):
        return (self._root, self._parts)

    def __eq__(self, other):
        if not isinstance(other, PurePath) or type(self)._flavour != type(other)._flavour:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        try:
            return self._hash
        except AttributeError:
            self._hash = hash(str(self))
            return self._hash

    def __lt__(self, other):
        if not isinstance(other, PurePath) or type(self)._flavour != type(other)._flavour:
            return NotImplemented
        return self._parts_with_root() < other._parts_with_root()

    _flavour = 'posix'

    @property
    def drive(self):
        return ''

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def parts(self):
        return self._parts_with_root()

    @property
    def name(self):
        if not self._parts:
            return ''
        return self._parts[-1]

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + suffix for suffix in name.split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        root, parts = _parse([name])
        if (not name or name[-1] == '/' or root or len(parts) != 1 or parts[0] != name):
            raise ValueError("Invalid name %r" % (name))
        return self._from_parsed(self._root, self._parts[:-1] + (name,))

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if '/' in suffix:
            raise ValueError("Invalid suffix %r" % (suffix,))
        if suffix and not suffix.startswith('.') or suffix == '.':
            raise ValueError("Invalid suffix %r" % (suffix))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old_suffix = self.suffix
        if not old_suffix:
            name = name + suffix
        else:
            name = name[:-len(old_suffix)] + suffix
        return self._from_parsed(self._root, self._parts[:-1] + (name,))

    def relative_to(self, *other):
        if not other:
            raise TypeError("need at least one argument")
        base = type(self)(*other)
        n = len(base._parts)
        if base._root != self._root or self._parts[:n] != base._parts:
            formatted = str(base)
            raise ValueError("{!r} is not in the subpath of {!r}"
                             " OR one path is relative and the other is absolute."
                             .format(str(self), formatted))
        return self._from_parsed('', self._parts[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def joinpath(self, *args):
        return type(self)(self, *args)

    def __truediv__(self, key):
        try:
            return type(self)(self, key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)(key, self)
        except TypeError:
            return NotImplemented

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._from_parsed(self._root, self._parts[:-1])

    @property
    def parents(self):
        return _PathParents(self)

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def match(self, path_pattern):
        """Match this path against a glob-style pattern, from the right
        (or the whole path if the pattern is absolute)."""
        pat = type(self)(path_pattern)
        if not pat._parts and not pat._root:
            raise ValueError("empty pattern")
        if pat._root:
            if self._root != pat._root or len(self._parts) != len(pat._parts):
                return False
        elif len(pat._parts) > len(self._parts):
            return False
        for part, pat_part in zip(reversed(self._parts), reversed(pat._parts)):
            if not fnmatch.fnmatchcase(part, pat_part):
                return False
        return True


class PurePosixPath(PurePath):
    __slots__ = ()


class PureWindowsPath(PurePath):
    """Not supported by refpy beyond the name."""
    __slots__ = ()
    _flavour = 'windows'


class Path(PurePath):
    """A concrete path: PurePath plus file system operations."""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return cls._from_parts(args)

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        pass

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls("~").expanduser()

    def samefile(self, other_path):
        st = self.stat()
        try:
            other_st = other_path.stat()
        except AttributeError:
            other_st = os.stat(_fspath_of(other_path))
        return st.st_ino == other_st.st_ino and st.st_dev == other_st.st_dev

    def iterdir(self):
        for name in os.listdir(str(self)):
            yield self._make_child_relpath(name)

    def _make_child_relpath(self, part):
        return self._from_parsed(self._root, self._parts + (part,))

    def glob(self, pattern):
        """Yield the existing paths matching the relative PATTERN."""
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        root, parts = _parse([pattern])
        if root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        if pattern[-1] == '/':
            parts = parts + ('',)
        yield from self._glob_parts(self, parts)

    def rglob(self, pattern):
        root, parts = _parse([pattern])
        if root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        if pattern and pattern[-1] == '/':
            parts = parts + ('',)
        yield from self._glob_parts(self, ('**',) + parts)

    def _glob_parts(self, base, parts):
        if not parts:
            yield base
            return
        head, rest = parts[0], parts[1:]
        if head == '':
            if base.is_dir():
                yield base
            return
        if head == '**':
            seen = set()
            for d in _walk_dirs(base):
                for p in self._glob_parts(d, rest):
                    if p not in seen:
                        seen.add(p)
                        yield p
            return
        if not any(c in head for c in '*?['):
            child = base._make_child_relpath(head)
            if rest:
                if child.is_dir():
                    yield from self._glob_parts(child, rest)
            elif child.exists() or child.is_symlink():
                yield child
            return
        try:
            names = os.listdir(str(base))
        except OSError:
            return
        match = re.compile(fnmatch.translate(head)).fullmatch
        for name in names:
            if match(name):
                child = base._make_child_relpath(name)
                if rest:
                    if child.is_dir():
                        yield from self._glob_parts(child, rest)
                else:
                    yield child

    def absolute(self):
        if self.is_absolute():
            return self
        return self._from_parsed('/', _parse([os.getcwd()])[1] + self._parts)

    def resolve(self, strict=False):
        """The absolute path with '..' and symbolic links resolved."""
        s = str(self.absolute())
        out = []
        for part in s.split('/'):
            if not part or part == '.':
                continue
            if part == '..':
                if out:
                    out.pop()
                continue
            out.append(part)
            cur = '/' + '/'.join(out)
            for _ in range(40):
                if not os.path.islink(cur):
                    break
                target = os.readlink(cur) if hasattr(os, 'readlink') else None
                if target is None:
                    break
                out.pop()
                base = '/' + '/'.join(out)
                cur = posixpath.normpath(posixpath.join(base, target))
                out = [p for p in cur.split('/') if p]
        result = self._from_parsed('/', tuple(out))
        if strict:
            result.stat()
        return result

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            return os.stat(str(self))
        return os.lstat(str(self))

    def owner(self):
        import pwd
        return pwd.getpwuid(self.stat().st_uid).pw_name

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        return open(str(self), mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open(mode='rb') as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        with self.open(mode='r', encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        data = bytes(memoryview(data))   # any bytes-like object
        with self.open(mode='wb') as f:
            return f.write(data)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % data.__class__.__name__)
        with self.open(mode='w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def touch(self, mode=0o666, exist_ok=True):
        if exist_ok and self.exists():
            if hasattr(os, 'utime'):
                os.utime(str(self), None)
            return
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        fd = os.open(str(self), flags, mode)
        os.close(fd)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(str(self), mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(str(self), mode)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(str(self))
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(str(self))

    def rename(self, target):
        os.rename(str(self), _fspath_of(target))
        return type(self)(target)

    def replace(self, target):
        os.replace(str(self), _fspath_of(target))
        return type(self)(target)

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(_fspath_of(target), str(self))

    def exists(self):
        try:
            self.stat()
        except (OSError, ValueError):
            return False
        return True

    def _mode_is(self, bits, follow=True):
        try:
            return (self.stat(follow_symlinks=follow).st_mode & 0o170000) == bits
        except (OSError, ValueError):
            return False

    def is_dir(self):
        return self._mode_is(0o040000)

    def is_file(self):
        return self._mode_is(0o100000)

    def is_symlink(self):
        return self._mode_is(0o120000, follow=False)

    def is_mount(self):
        return posixpath.ismount(str(self))

    def is_fifo(self):
        return self._mode_is(0o010000)

    def is_socket(self):
        return self._mode_is(0o140000)

    def is_block_device(self):
        return self._mode_is(0o060000)

    def is_char_device(self):
        return self._mode_is(0o020000)

    def expanduser(self):
        if not self._root and self._parts and self._parts[0][:1] == '~':
            homedir = os.path.expanduser(self._parts[0])
            if homedir[:1] == "~":
                raise RuntimeError("Could not determine home directory.")
            return type(self)(homedir, *self._parts[1:])
        return self


def _walk_dirs(base):
    """BASE and every directory below it (not following symlinks)."""
    yield base
    try:
        names = os.listdir(str(base))
    except OSError:
        return
    for name in names:
        child = base._make_child_relpath(name)
        if child.is_dir() and not child.is_symlink():
            yield from _walk_dirs(child)


class PosixPath(Path, PurePosixPath):
    __slots__ = ()


class WindowsPath(Path, PureWindowsPath):
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise NotImplementedError("cannot instantiate %r on your system" % (cls.__name__,))
