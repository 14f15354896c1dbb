"""multiprocessing.process -- Process: a forked child with its own interpreter.

start() forks; the child runs the target, then util._exit_function(),
flushes stdout/stderr and leaves with posix._exit(code) (no atexit handlers
in the child, as CPython's fork start method).  The parent keeps the read
end of a pipe whose write end only the child holds: it becomes readable
when the child exits (the sentinel), so join(timeout) is a poll().
"""
import os
import sys
import itertools
import posix as _posix
import _multiprocessing as _mp
import signal as _signal

__all__ = ['BaseProcess', 'current_process', 'active_children', 'parent_process']

_children = set()
_counter = itertools.count(1)


def current_process():
    return _current_process


def parent_process():
    return _parent_process


def active_children():
    _cleanup()
    return list(_children)


def _cleanup():
    for p in list(_children):
        if p._returncode is None and p._pid is not None:
            p._poll()
        if p._returncode is not None:
            _children.discard(p)


class BaseProcess:
    _start_method = 'fork'

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={},
                 *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = next(_counter)
        self._identity = _current_process._identity + (count,)
        self._config = dict(_current_process._config)
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._pid = None
        self._sentinel = None
        self._returncode = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + \
            ':'.join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def start(self):
        self._check_closed()
        assert self._pid is None, 'cannot start a process twice'
        assert self._parent_pid == os.getpid(), \
            'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), \
            'daemonic processes are not allowed to have children'
        _cleanup()
        from multiprocessing import util
        util._flush_std_streams()
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            code = 1
            try:
                code = self._bootstrap()
            finally:
                _posix._exit(code)
        os.close(w)
        self._pid = pid
        self._sentinel = r
        _children.add(self)

    # -- waiting ------------------------------------------------------------
    def _poll(self, flag=os.WNOHANG):
        if self._returncode is None:
            try:
                pid, sts = os.waitpid(self._pid, flag)
            except ChildProcessError:
                return None
            except OSError:
                return None
            if pid == self._pid:
                self._returncode = os.waitstatus_to_exitcode(sts)
                self._close_sentinel()
        return self._returncode

    def _close_sentinel(self):
        if self._sentinel is not None:
            try:
                os.close(self._sentinel)
            except OSError:
                pass
            self._sentinel = None

    def join(self, timeout=None):
        self._check_closed()
        assert self._parent_pid == os.getpid(), 'can only join a child process'
        assert self._pid is not None, 'can only join a started process'
        if self._returncode is None:
            if timeout is not None and self._sentinel is not None:
                if not _mp.wait([self._sentinel], timeout):
                    return
            self._poll(0)
        if self._returncode is not None:
            _children.discard(self)

    def is_alive(self):
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), 'can only test a child process'
        if self._pid is None:
            return False
        self._poll()
        if self._returncode is None:
            return True
        _children.discard(self)
        return False

    def _send_signal(self, sig):
        self._check_closed()
        if self._pid is not None and self._poll() is None:
            try:
                os.kill(self._pid, sig)
            except OSError:
                pass

    def terminate(self):
        self._send_signal(_signal.SIGTERM)

    def kill(self):
        self._send_signal(_signal.SIGKILL)

    def close(self):
        if self._pid is not None and self._returncode is None and self._poll() is None:
            raise ValueError("Cannot close a process while it is still running. "
                             "You should first call join() or terminate().")
        self._close_sentinel()
        _children.discard(self)
        self._closed = True

    # -- attributes ---------------------------------------------------------
    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._pid is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def authkey(self):
        return self._config.get('authkey', b'')

    @authkey.setter
    def authkey(self, authkey):
        self._config['authkey'] = bytes(authkey)

    @property
    def exitcode(self):
        self._check_closed()
        if self._pid is None:
            return None
        return self._poll()

    @property
    def ident(self):
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._pid

    pid = ident

    @property
    def sentinel(self):
        self._check_closed()
        if self._sentinel is None:
            raise ValueError('process not started')
        return self._sentinel

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != os.getpid():
            status = 'unknown'
        elif self._pid is None:
            status = 'initial'
        else:
            exitcode = self._poll()
            status = 'started' if exitcode is None else 'stopped'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._pid is not None:
            info.append('pid=%s' % self._pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            info.append('exitcode=%s' % _exitcode_name(exitcode))
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    # -- in the child ---------------------------------------------------------
    def _bootstrap(self):
        global _current_process, _parent_process, _children, _counter
        from multiprocessing import util
        exitcode = 1
        try:
            _parent_process = _ParentProcess(self._parent_name, self._parent_pid)
            _children = set()
            _counter = itertools.count(1)
            _current_process = self
            self._pid = os.getpid()
            util._run_after_forkers()
            try:
                self.run()
                exitcode = 0
            finally:
                util._exit_function()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except BaseException as e:
            exitcode = 1
            sys.stderr.write('Process %s:\n' % self.name)
            sys.stderr.write(util.format_exception(e))
        finally:
            try:
                import threading
                threading._shutdown()
            except Exception:
                pass
            util._flush_std_streams()
        return exitcode


def _exitcode_name(code):
    if code < 0:
        for name in dir(_signal):
            if name.startswith('SIG') and not name.startswith('SIG_') and \
                    getattr(_signal, name) == -code:
                return name
    return code


class _MainProcess(BaseProcess):
    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._pid = None
        self._sentinel = None
        self._returncode = None
        self._closed = False
        self._target = None
        self._config = {'authkey': os.urandom(32)}

    def close(self):
        pass


class _ParentProcess(BaseProcess):
    def __init__(self, name, pid):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._sentinel = None
        self._returncode = None
        self._closed = False
        self._config = {}

    def is_alive(self):
        try:
            os.kill(self._pid, 0)
        except OSError:
            return False
        return True

    @property
    def ident(self):
        return self._pid

    pid = ident

    def join(self, timeout=None):
        import time
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.is_alive():
            if deadline is not None and time.monotonic() >= deadline:
                return
            time.sleep(0.01)


_current_process = _MainProcess()
_parent_process = None
