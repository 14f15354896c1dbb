"""subprocess -- run child processes and talk to them through pipes (refpy).

Popen starts the child with posix._fork_exec, which converts every argument
before fork() and execs without running Python in the child; an exec
failure comes back through a close-on-exec "error pipe" as "errno:step".
communicate() reads stdout and stderr on threads (refpy has no select), so a
child filling one pipe while we read the other cannot deadlock.
"""
import os
import sys
import signal
import threading
import time
import types
import posix as _posix

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput",
           "getoutput", "check_output", "run", "CalledProcessError", "DEVNULL",
           "SubprocessError", "TimeoutExpired", "CompletedProcess"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

_PIPE_BUF = 512
_USE_POSIX_SPAWN = False
_USE_VFORK = False


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """Raised when run() with check=True (or check_call/check_output) sees a
    non-zero exit status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            try:
                return "Command '%s' died with %r." % (
                    self.cmd, signal.Signals(-self.returncode))
            except ValueError:
                return "Command '%s' died with unknown signal %d." % (
                    self.cmd, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (
            self.cmd, self.returncode)

    @property
    def stdout(self):
        """Alias for output attribute, to match stderr"""
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """Raised when the timeout expires while waiting for a child process."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return ("Command '%s' timed out after %s seconds" %
                (self.cmd, self.timeout))

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess(object):
    """A process that has finished running: what run() returns."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ['args={!r}'.format(self.args),
                'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            args.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            args.append('stderr={!r}'.format(self.stderr))
        return "{}({})".format(type(self).__name__, ', '.join(args))

    __class_getitem__ = classmethod(types.GenericAlias)

    def check_returncode(self):
        """Raise CalledProcessError if the exit code is non-zero."""
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout,
                                     self.stderr)


# Popen objects dropped while their child still ran: reaped later so that
# no zombie outlives the next Popen.
_active = []


def _cleanup():
    for inst in _active[:]:
        if inst._internal_poll(_deadstate=sys.maxsize) is not None:
            try:
                _active.remove(inst)
            except ValueError:
                pass


def call(*popenargs, timeout=None, **kwargs):
    """Run a command, wait for it, return its return code."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    """Run a command; raise CalledProcessError on a non-zero exit status."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Run a command and return its output; CalledProcessError on failure."""
    for kw in ('stdout', 'check'):
        if kw in kwargs:
            raise ValueError(f'{kw} argument not allowed, it will be overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        # An explicit input=None means "empty stdin", not "inherit it".
        if kwargs.get('universal_newlines') or kwargs.get('text') or \
                kwargs.get('encoding') or kwargs.get('errors'):
            empty = ''
        else:
            empty = b''
        kwargs['input'] = empty
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True,
               **kwargs).stdout


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False,
        **kwargs):
    """Run a command, wait for it and return a CompletedProcess."""
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used '
                             'with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired as exc:
            process.kill()
            exc.stdout, exc.stderr = process.communicate()
            raise
        except:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args,
                                     output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """(exitcode, output) of a shell command; a trailing newline is dropped."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    """The output (stdout and stderr) of a shell command."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


def list2cmdline(seq):
    """Windows command-line quoting (MS C runtime rules)."""
    result = []
    for arg in map(os.fsdecode, seq):
        bs_buf = []
        if result:
            result.append(' ')
        needquote = (" " in arg) or ("\t" in arg) or not arg
        if needquote:
            result.append('"')
        for c in arg:
            if c == '\\':
                bs_buf.append(c)
            elif c == '"':
                result.append('\\' * len(bs_buf) * 2)
                bs_buf = []
                result.append('\\"')
            else:
                if bs_buf:
                    result.extend(bs_buf)
                    bs_buf = []
                result.append(c)
        if bs_buf:
            result.extend(bs_buf)
        if needquote:
            result.extend(bs_buf)
            result.append('"')
    return ''.join(result)


def _reader(f, out):
    """Thread body: read a pipe to its end."""
    out.append(f.read())
    f.close()


def _writer(f, data):
    """Thread body: feed the child's stdin, then close it."""
    try:
        if data:
            f.write(data)
    except BrokenPipeError:
        pass
    except OSError as e:
        if e.errno != 22:   # EINVAL: the child is gone
            raise
    try:
        f.close()
    except BrokenPipeError:
        pass


class Popen:
    """Execute a child program in a new process."""

    _child_created = False

    def __init__(self, args, bufsize=-1, executable=None,
                 stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True,
                 shell=False, cwd=None, env=None, universal_newlines=None,
                 startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False,
                 pass_fds=(), *, user=None, group=None, extra_groups=None,
                 encoding=None, errors=None, text=None, umask=-1, pipesize=-1,
                 process_group=None):
        _cleanup()
        self._waitpid_lock = threading.Lock()
        self._input = None
        self._communication_started = False
        self._comm = None
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError("bufsize must be an integer")
        if pass_fds and not close_fds:
            close_fds = True
        if startupinfo is not None:
            raise ValueError("startupinfo is only supported on Windows "
                             "platforms")
        if creationflags != 0:
            raise ValueError("creationflags is only supported on Windows "
                             "platforms")
        self.args = args
        self.stdin = None
        self.stdout = None
        self.stderr = None
        self.pid = None
        self.returncode = None
        self.encoding = encoding
        self.errors = errors
        self.pipesize = pipesize
        if (text is not None and universal_newlines is not None
                and bool(universal_newlines) != bool(text)):
            raise SubprocessError('Cannot disambiguate when both text '
                                  'and universal_newlines are supplied but '
                                  'different. Pass one or the other.')
        self.text_mode = encoding or errors or text or universal_newlines
        self._shell = shell

        handles = self._get_handles(stdin, stdout, stderr)
        p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite = handles
        mode = '' if self.text_mode else 'b'
        if p2cwrite != -1:
            self.stdin = open(p2cwrite, 'w' + mode, bufsize)
        if c2pread != -1:
            self.stdout = open(c2pread, 'r' + mode, bufsize)
        if errread != -1:
            self.stderr = open(errread, 'r' + mode, bufsize)
        try:
            self._execute_child(args, executable, preexec_fn, close_fds,
                                pass_fds, cwd, env, start_new_session, handles)
        except:
            for f in filter(None, (self.stdin, self.stdout, self.stderr)):
                try:
                    f.close()
                except OSError:
                    pass
            raise

    @property
    def universal_newlines(self):
        return self.text_mode

    @universal_newlines.setter
    def universal_newlines(self, universal_newlines):
        self.text_mode = bool(universal_newlines)

    def __repr__(self):
        obj_repr = (f"<{self.__class__.__name__}: "
                    f"returncode: {self.returncode} args: {self.args!r}>")
        if len(obj_repr) > 80:
            obj_repr = obj_repr[:76] + "...>"
        return obj_repr

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                self.stdin.close()
        except BrokenPipeError:
            pass
        finally:
            self.wait()

    def __del__(self):
        if not self._child_created:
            return
        if self.returncode is None:
            # The child still runs: reap it at a later Popen.
            _active.append(self)

    # ---- starting the child ------------------------------------------------

    def _get_handles(self, stdin, stdout, stderr):
        """The six descriptors (-1 when unused) connecting parent and child."""
        self._devnull = None
        p2cwrite, p2cread = self._one_handle(stdin, True)
        c2pread, c2pwrite = self._one_handle(stdout, False)
        if stderr == STDOUT:
            errread = -1
            errwrite = c2pwrite if c2pwrite != -1 else sys.__stdout__.fileno()
        else:
            errread, errwrite = self._one_handle(stderr, False)
        return p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite

    def _one_handle(self, spec, child_reads):
        """(parent end, child end) for stdin (child_reads) or an output."""
        if spec is None:
            return -1, -1
        if spec == PIPE:
            r, w = os.pipe()
            return (w, r) if child_reads else (r, w)
        if spec == DEVNULL:
            if self._devnull is None:
                self._devnull = os.open(os.devnull, os.O_RDWR)
            return -1, self._devnull
        if isinstance(spec, int):
            return -1, spec
        return -1, spec.fileno()

    def _executables(self, executable, args, env):
        if os.path.dirname(executable):
            return [executable]
        return [os.path.join(d, executable) for d in os.get_exec_path(env)]

    def _execute_child(self, args, executable, preexec_fn, close_fds, pass_fds,
                       cwd, env, start_new_session, handles):
        if isinstance(args, (str, bytes)):
            args = [args]
        elif isinstance(args, os.PathLike):
            if self._shell:
                raise TypeError('path-like args is not allowed when '
                                'shell is true')
            args = [args]
        else:
            args = list(args)
        if self._shell:
            unix_shell = '/bin/sh'
            args = [unix_shell, "-c"] + args
            if executable:
                args[0] = executable
        args = [os.fspath(a) for a in args]
        if executable is None:
            executable = args[0]
        executable = os.fspath(executable)
        if cwd is not None:
            cwd = os.fspath(cwd)
        if env is not None:
            env = {os.fsdecode(k) if isinstance(k, bytes) else k:
                   os.fsdecode(v) if isinstance(v, bytes) else v
                   for k, v in env.items()}
        exes = self._executables(executable, args, env)
        errpipe_read, errpipe_write = os.pipe()
        try:
            try:
                self.pid = _posix._fork_exec(args, exes, env, cwd, tuple(handles),
                                             errpipe_write, close_fds,
                                             start_new_session)
                self._child_created = True
            finally:
                os.close(errpipe_write)
            self._close_child_ends(handles)
            data = bytearray()
            while True:
                part = os.read(errpipe_read, 50000)
                data += part
                if not part or len(data) > 50000:
                    break
        finally:
            os.close(errpipe_read)
        if data:
            self._raise_child_error(bytes(data), args[0], cwd)

    def _close_child_ends(self, handles):
        p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite = handles
        if p2cread != -1 and p2cwrite != -1:
            os.close(p2cread)
        if c2pwrite != -1 and c2pread != -1:
            os.close(c2pwrite)
        if errwrite != -1 and errread != -1:
            os.close(errwrite)
        if self._devnull is not None:
            os.close(self._devnull)

    def _raise_child_error(self, data, orig_executable, cwd):
        """The child could not exec: reap it and raise its OSError here."""
        try:
            pid, sts = os.waitpid(self.pid, 0)
            if pid == self.pid:
                self._handle_exitstatus(sts)
            else:
                self.returncode = sys.maxsize
        except ChildProcessError:
            pass
        hexerr, _, where = data.decode('ascii', 'replace').partition(':')
        errno_num = int(hexerr, 16)
        if where == 'noexec:chdir':
            filename = cwd
        elif where == 'noexec':
            filename = None
        else:
            filename = orig_executable
        if filename is None:
            raise OSError(errno_num, os.strerror(errno_num))
        raise OSError(errno_num, os.strerror(errno_num), filename)

    # ---- waiting -------------------------------------------------------------

    def _handle_exitstatus(self, sts):
        if os.WIFSTOPPED(sts):
            self.returncode = -os.WSTOPSIG(sts)
        else:
            self.returncode = os.waitstatus_to_exitcode(sts)

    def _internal_poll(self, _deadstate=None):
        if self.returncode is None:
            if not self._waitpid_lock.acquire(False):
                return None
            try:
                if self.returncode is not None:
                    return self.returncode
                pid, sts = os.waitpid(self.pid, os.WNOHANG)
                if pid == self.pid:
                    self._handle_exitstatus(sts)
            except ChildProcessError:
                if _deadstate is not None:
                    self.returncode = _deadstate
            finally:
                self._waitpid_lock.release()
        return self.returncode

    def poll(self):
        """Return the returncode if the child has ended, else None."""
        return self._internal_poll()

    def _try_wait(self, wait_flags):
        try:
            return os.waitpid(self.pid, wait_flags)
        except ChildProcessError:
            return self.pid, 0

    def wait(self, timeout=None):
        """Wait for the child to end; TimeoutExpired after `timeout` s."""
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            while self.returncode is None:
                with self._waitpid_lock:
                    if self.returncode is not None:
                        break
                    pid, sts = self._try_wait(0)
                    if pid == self.pid:
                        self._handle_exitstatus(sts)
            return self.returncode
        endtime = time.monotonic() + timeout
        delay = 0.0005
        while True:
            if self._waitpid_lock.acquire(False):
                try:
                    if self.returncode is not None:
                        break
                    pid, sts = self._try_wait(os.WNOHANG)
                    if pid == self.pid:
                        self._handle_exitstatus(sts)
                        break
                finally:
                    self._waitpid_lock.release()
            remaining = endtime - time.monotonic()
            if remaining <= 0:
                raise TimeoutExpired(self.args, timeout)
            delay = min(delay * 2, remaining, .05)
            time.sleep(delay)
        return self.returncode

    # ---- signals ---------------------------------------------------------------

    def send_signal(self, sig):
        """Send a signal to the process (not if it has been reaped)."""
        self.poll()
        if self.returncode is not None:
            return
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        self.send_signal(signal.SIGTERM)

    def kill(self):
        self.send_signal(signal.SIGKILL)

    # ---- communicate ------------------------------------------------------------

    def communicate(self, input=None, timeout=None):
        """Send input, read stdout and stderr to their end, wait; returns
        (stdout, stderr), None for a stream that is not a pipe."""
        if self._communication_started and input:
            raise ValueError("Cannot send input after starting communication")
        if (timeout is None and not self._communication_started and
                [self.stdin, self.stdout, self.stderr].count(None) >= 2):
            return self._communicate_simple(input)
        if timeout is not None:
            endtime = time.monotonic() + timeout
        else:
            endtime = None
        try:
            stdout, stderr = self._communicate(input, endtime, timeout)
        finally:
            self._communication_started = True
        self.wait(timeout=self._remaining_time(endtime))
        return (stdout, stderr)

    def _communicate_simple(self, input):
        stdout = stderr = None
        if self.stdin:
            _writer(self.stdin, input)
        elif self.stdout:
            stdout = self.stdout.read()
            self.stdout.close()
        elif self.stderr:
            stderr = self.stderr.read()
            self.stderr.close()
        self.wait()
        return (stdout, stderr)

    def _remaining_time(self, endtime):
        if endtime is None:
            return None
        return endtime - time.monotonic()

    def _start_threads(self, input):
        """The threads of a communicate(), kept across a timeout."""
        if self.stdin and not self._communication_started:
            try:
                self.stdin.flush()
            except BrokenPipeError:
                pass
        comm = {'threads': [], 'out': None, 'err': None}
        if self.stdin:
            if input is None:
                _writer(self.stdin, None)
            else:
                t = threading.Thread(target=_writer, args=(self.stdin, input),
                                     daemon=True)
                comm['threads'].append(t)
        for name, f in (('out', self.stdout), ('err', self.stderr)):
            if f:
                comm[name] = []
                comm['threads'].append(threading.Thread(
                    target=_reader, args=(f, comm[name]), daemon=True))
        for t in comm['threads']:
            t.start()
        return comm

    def _communicate(self, input, endtime, orig_timeout):
        if self._comm is None:
            self._comm = self._start_threads(input)
        comm = self._comm
        for t in comm['threads']:
            t.join(self._remaining_time(endtime))
            if t.is_alive():
                raise TimeoutExpired(self.args, orig_timeout)
        stdout = comm['out'][0] if comm['out'] else None
        stderr = comm['err'][0] if comm['err'] else None
        return stdout, stderr

