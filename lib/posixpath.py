"""posixpath -- os.path for POSIX systems (refpy's subset)."""
import posix as _posix

sep = '/'
curdir = '.'
pardir = '..'


def _check(p):
    if not isinstance(p, str):
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + type(p).__name__)
    return p


def isabs(s):
    return _check(s).startswith('/')


def join(a, *p):
    path = _check(a)
    for b in p:
        _check(b)
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    _check(p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def splitext(p):
    _check(p)
    sep_index = p.rfind('/')
    dot_index = p.rfind('.')
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != '.':
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, ''


def basename(p):
    return split(p)[1]


def dirname(p):
    return split(p)[0]


def _stat(p):
    try:
        return _posix.stat(p)
    except (OSError, ValueError):
        return None


def exists(p):
    return _stat(p) is not None


def isfile(p):
    st = _stat(p)
    return st is not None and (st.st_mode & 0o170000) == 0o100000


def isdir(s):
    st = _stat(s)
    return st is not None and (st.st_mode & 0o170000) == 0o040000


def islink(p):
    try:
        st = _posix.lstat(p)
    except (OSError, ValueError):
        return False
    return (st.st_mode & 0o170000) == 0o120000


def getsize(p):
    return _posix.stat(p).st_size


def getmtime(p):
    return _posix.stat(p).st_mtime


def normpath(path):
    _check(path)
    if path == '':
        return '.'
    initial = 2 if path.startswith('//') and not path.startswith('///') else (
        1 if path.startswith('/') else 0)
    comps = path.split('/')
    new = []
    for comp in comps:
        if comp in ('', '.'):
            continue
        if comp != '..' or (not initial and not new) or (new and new[-1] == '..'):
            new.append(comp)
        elif new:
            new.pop()
    path = '/'.join(new)
    if initial:
        path = '/' * initial + path
    return path or '.'


def abspath(path):
    _check(path)
    if not isabs(path):
        path = join(_posix.getcwd(), path)
    return normpath(path)


def realpath(path, *, strict=False):
    return abspath(path)


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    start = curdir if start is None else start
    start_list = [x for x in abspath(start).split('/') if x]
    path_list = [x for x in abspath(path).split('/') if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)


def commonprefix(m):
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def expanduser(path):
    _check(path)
    if not path.startswith('~'):
        return path
    i = path.find('/', 1)
    if i < 0:
        i = len(path)
    if i == 1:
        home = _posix.environ.get('HOME', '/')
    else:
        return path
    return (home.rstrip('/') or '/') + path[i:]


# ---- added for the standard modules in lib/ (fnmatch, glob, pathlib, shutil)
extsep = '.'
altsep = None
pathsep = ':'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'


def normcase(s):
    return _check(s)


def splitdrive(p):
    return p[:0], p


def lexists(path):
    try:
        _posix.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def getatime(p):
    return _posix.stat(p).st_atime


def getctime(p):
    return _posix.stat(p).st_ctime


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    return samestat(_posix.stat(f1), _posix.stat(f2))


def ismount(path):
    try:
        s1 = _posix.lstat(path)
        s2 = _posix.lstat(join(path, '..'))
    except (OSError, ValueError):
        return False
    if (s1.st_mode & 0o170000) == 0o120000:
        return False
    return s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino


def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(paths)
    try:
        split_paths = [p.split(sep) for p in paths]
        try:
            isabs_, = set(p[:1] == sep for p in paths)
        except ValueError:
            raise ValueError("Can't mix absolute and relative paths") from None
        split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
        s1 = min(split_paths)
        s2 = max(split_paths)
        common = s1
        for i, c in enumerate(s1):
            if c != s2[i]:
                common = s1[:i]
                break
        prefix = sep if isabs_ else sep[:0]
        return prefix + sep.join(common)
    except (TypeError, AttributeError):
        raise


def expandvars(path):
    """Replace $name and ${name} by the environment's values."""
    if '$' not in path:
        return path
    import re
    env = _posix.environ

    def repl(m):
        name = m.group(1) or m.group(2)
        key = name
        if isinstance(next(iter(env), ''), bytes):
            key = name.encode()
        if key in env:
            val = env[key]
            return val.decode() if isinstance(val, bytes) else val
        return m.group(0)
    return re.sub(r'\$(\w+)|\$\{([^}]*)\}', repl, path)
