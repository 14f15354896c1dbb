# os additions: exec*, links, chmod/utime/umask, scandir, uname/times,
# terminal size, PathLike, fsencode/fsdecode, constants.
import os
import stat
import sys
import tempfile

d = tempfile.mkdtemp()
a = os.path.join(d, 'a.txt')
with open(a, 'w') as f:
    f.write('hello')

# links
os.symlink('a.txt', os.path.join(d, 'ln'))
print(os.readlink(os.path.join(d, 'ln')), os.readlink(os.fsencode(os.path.join(d, 'ln'))))
os.link(a, os.path.join(d, 'hard'))
print(os.stat(a).st_nlink, os.path.islink(os.path.join(d, 'ln')))
try:
    os.readlink(a)
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    os.symlink('x', os.path.join(d, 'ln'))
except FileExistsError as e:
    print('FileExistsError', e.errno)

# permissions and times
os.chmod(a, 0o600)
print(oct(stat.S_IMODE(os.stat(a).st_mode)))
os.chmod(a, stat.S_IRUSR)
print(oct(stat.S_IMODE(os.stat(a).st_mode)))
os.chmod(a, 0o644)
os.utime(a, (1000000000, 1234567890))
print(os.stat(a).st_mtime, os.stat(a).st_atime)
os.utime(a, ns=(5_000_000_000, 7_500_000_000))
print(os.stat(a).st_mtime)
os.utime(a)
print(os.stat(a).st_mtime > 1600000000)
for bad in (dict(times=(1, 2), ns=(1, 2)), dict(times=5), dict(ns=[1, 2])):
    try:
        os.utime(a, **bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
old = os.umask(0o077)
print(oct(os.umask(old)))
try:
    os.chmod(os.path.join(d, 'missing'), 0o600)
except FileNotFoundError as e:
    print(e.strerror, os.path.basename(e.filename))

# scandir
os.mkdir(os.path.join(d, 'sub'))
with os.scandir(d) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path == os.path.join(d, e.name), e.is_file(), e.is_dir(),
          e.is_symlink(), e.is_file(follow_symlinks=False), os.fspath(e) == e.path)
print(entries[0].stat().st_size, isinstance(entries[0], os.PathLike))
print(sorted(e.name for e in os.scandir(os.fsencode(d))))

# struct sequences
u = os.uname()
print(type(u).__name__, len(u), u.sysname == u[0], isinstance(u, tuple), u.sysname)
print(repr(u).startswith("posix.uname_result(sysname='"))
t = os.times()
print(type(t).__name__, len(t), t.user == t[0], all(isinstance(x, float) for x in t))
print(repr(t).startswith('posix.times_result(user='))
try:
    os.get_terminal_size(99)
except OSError as e:
    print('get_terminal_size', e.errno)
ts = os.terminal_size((100, 40))
print(ts, ts.columns, ts.lines, tuple(ts))
import shutil
print(shutil.get_terminal_size((70, 20)) if not sys.stdout.isatty() else 'tty')

# PathLike, fspath, fsencode/fsdecode
class P:
    def __fspath__(self):
        return '/p/q'
class NotP:
    __fspath__ = None
print(isinstance(P(), os.PathLike), isinstance('x', os.PathLike), issubclass(NotP, os.PathLike))
print(os.fspath(P()), os.fsencode(P()), os.fsdecode(b'caf\xc3\xa9'), os.fsencode('caf\xe9'))
print(ascii(os.fsdecode(b'\xff')), os.fsencode('\udcff'))
try:
    os.fspath(3)
except TypeError as e:
    print(e)
print(os.PathLike[str])

# constants
print(os.WNOHANG, os.WUNTRACED, os.WCONTINUED, os.EX_OK, os.EX_USAGE, os.O_NOFOLLOW > 0)
print(os.get_exec_path({'PATH': '/a:/b'}), os.get_exec_path({})[:1])
print(os.getgid() >= 0, os.geteuid() >= 0, os.getegid() >= 0)

# exec family in forked children
def child(fn):
    pid = os.fork()
    if pid == 0:
        try:
            fn()
        except OSError as e:
            print('child error', type(e).__name__, e.errno, flush=True)
            os._exit(9)
        os._exit(8)
    _, st = os.waitpid(pid, 0)
    print('exit', os.waitstatus_to_exitcode(st))

sys.stdout.flush()
child(lambda: os.execv('/bin/sh', ['sh', '-c', 'echo execv; exit 3']))
child(lambda: os.execve('/bin/sh', ['sh', '-c', 'echo $V'], {'V': 'execve'}))
child(lambda: os.execvp('sh', ['sh', '-c', 'echo execvp']))
child(lambda: os.execvpe('sh', ['sh', '-c', 'echo $V'], {'V': 'execvpe', 'PATH': '/bin:/usr/bin'}))
child(lambda: os.execl('/bin/sh', 'sh', '-c', 'echo execl'))
child(lambda: os.execlp('echo', 'echo', 'execlp'))
child(lambda: os.execle('/bin/sh', 'sh', '-c', 'echo $V', {'V': 'execle'}))
child(lambda: os.execvp('no-such-program-zz', ['x']))
child(lambda: os.execv('/nonexistent', ['x']))
for bad in ([], ['']):
    try:
        os.execv('/bin/sh', bad)
    except ValueError as e:
        print(e)
try:
    os.execv('/bin/sh', 'sh')
except TypeError as e:
    print(e)
print(os.WEXITSTATUS(os.system('exit 5')))

for root, dirs, files in os.walk(d, topdown=False):
    for n in files:
        os.remove(os.path.join(root, n))
    for n in dirs:
        os.rmdir(os.path.join(root, n))
os.rmdir(d)
print(os.path.exists(d))
