# errno (Linux values, errorcode) and stat (S_IS*, ST_*, filemode).
import errno
import os
import stat

for name in ['EPERM', 'ENOENT', 'EINTR', 'EIO', 'EBADF', 'EAGAIN', 'EWOULDBLOCK', 'ENOMEM',
             'EACCES', 'EEXIST', 'ENOTDIR', 'EISDIR', 'EINVAL', 'EMFILE', 'ENOSPC', 'EPIPE',
             'ERANGE', 'EDEADLK', 'EDEADLOCK', 'ENOTEMPTY', 'ENOSYS', 'ETIMEDOUT',
             'ECONNREFUSED', 'ECONNRESET', 'EOPNOTSUPP', 'ENOTSUP', 'EINPROGRESS', 'EALREADY',
             'EHOSTUNREACH', 'ENOTSOCK', 'EADDRINUSE']:
    v = getattr(errno, name)
    print(name, v, errno.errorcode[v])
print(len(errno.errorcode), sorted(errno.errorcode)[:5], max(errno.errorcode))
print(all(getattr(errno, n) == v for v, n in errno.errorcode.items()))
try:
    os.stat('/nonexistent/path/for/test')
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno])

print(stat.ST_MODE, stat.ST_INO, stat.ST_SIZE, stat.ST_MTIME, stat.ST_CTIME)
modes = [0o040755, 0o100644, 0o120777, 0o020620, 0o060660, 0o010600, 0o140755, 0o104755,
         0o102755, 0o101777, 0o041777, 0o044644, 0o100000, 0o000644, 0o177777]
for m in modes:
    print(oct(m), stat.filemode(m), stat.S_IMODE(m), stat.S_IFMT(m), stat.S_ISDIR(m),
          stat.S_ISREG(m), stat.S_ISLNK(m), stat.S_ISCHR(m), stat.S_ISBLK(m), stat.S_ISFIFO(m),
          stat.S_ISSOCK(m), stat.S_ISDOOR(m), stat.S_ISPORT(m), stat.S_ISWHT(m))
print(stat.S_IRWXU, stat.S_IRUSR | stat.S_IWUSR, stat.S_ISUID, stat.S_ISGID, stat.S_ISVTX,
      stat.S_IREAD, stat.S_IWRITE, stat.S_IEXEC, stat.S_ENFMT, stat.UF_HIDDEN, stat.SF_APPEND)
st = os.stat('.')
print(stat.S_ISDIR(st.st_mode), stat.filemode(st.st_mode)[0])
