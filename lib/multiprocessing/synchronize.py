"""multiprocessing.synchronize -- locks and semaphores shared by forked
processes (POSIX semaphores in MAP_SHARED memory, see _multiprocessing)."""
import os
import time
import threading
import _multiprocessing as _mp

__all__ = ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier']

RECURSIVE_MUTEX, SEMAPHORE = _mp.RECURSIVE_MUTEX, _mp.SEMAPHORE
SEM_VALUE_MAX = _mp.SEM_VALUE_MAX


class SemLock:
    def __init__(self, kind, value, maxvalue, *, ctx=None):
        self._semlock = _mp.SemLock(kind, value, maxvalue)
        self.acquire = self._semlock.acquire
        self.release = self._semlock.release
        from multiprocessing import util
        util.register_after_fork(self, SemLock._after_fork)

    def _after_fork(self):
        self._semlock._after_fork()

    def __enter__(self):
        return self._semlock.__enter__()

    def __exit__(self, *args):
        return self._semlock.__exit__(*args)

    def __reduce__(self):
        raise RuntimeError('%s objects should only be shared between processes '
                           'through inheritance' % type(self).__name__)


class Semaphore(SemLock):
    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, value, SEM_VALUE_MAX)

    def get_value(self):
        return self._semlock._get_value()

    def __repr__(self):
        return '<%s(value=%s)>' % (type(self).__name__, self._semlock._get_value())


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, value, value)

    def __repr__(self):
        return '<%s(value=%s, maxvalue=%s)>' % (type(self).__name__,
                                                self._semlock._get_value(),
                                                self._semlock._maxvalue())


class Lock(SemLock):
    def __init__(self, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, 1, 1)

    def __repr__(self):
        if self._semlock._is_mine():
            name = 'MainProcess'
            from multiprocessing import process
            name = process.current_process().name
            if threading.current_thread().name != 'MainThread':
                name += '|' + threading.current_thread().name
        elif self._semlock._get_value() == 1:
            name = 'None'
        elif self._semlock._count() > 0:
            name = 'SomeOtherThread'
        else:
            name = 'SomeOtherProcess'
        return '<%s(owner=%s)>' % (type(self).__name__, name)


class RLock(SemLock):
    def __init__(self, *, ctx=None):
        SemLock.__init__(self, RECURSIVE_MUTEX, 1, 1)

    def __repr__(self):
        if self._semlock._is_mine():
            from multiprocessing import process
            name = process.current_process().name
            count = self._semlock._count()
        elif self._semlock._get_value() == 1:
            name, count = 'None', 0
        else:
            name, count = 'SomeOtherProcess', 'nonzero'
        return '<%s(%s, %s)>' % (type(self).__name__, name, count)


class Condition:
    """A condition variable across processes: waiters sleep on a semaphore;
    notify() wakes as many as are counted sleeping."""

    def __init__(self, lock=None, *, ctx=None):
        self._lock = lock or RLock()
        self._sleeping_count = Semaphore(0)
        self._woken_count = Semaphore(0)
        self._wait_semaphore = Semaphore(0)
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def wait(self, timeout=None):
        assert self._lock._semlock._is_mine(), \
            'must acquire() condition before using wait()'
        self._sleeping_count.release()
        count = self._lock._semlock._count()
        for i in range(count):
            self._lock.release()
        try:
            return self._wait_semaphore.acquire(True, timeout)
        finally:
            self._woken_count.release()
            for i in range(count):
                self._lock.acquire()

    def notify(self, n=1):
        assert self._lock._semlock._is_mine(), 'lock is not owned'
        assert not self._wait_semaphore.acquire(False)
        # absorb the woken counts of waiters that timed out
        while self._woken_count.acquire(False):
            res = self._sleeping_count.acquire(False)
            assert res, 'notify: Bug in sleeping_count.acquire'
        sleepers = 0
        while sleepers < n and self._sleeping_count.acquire(False):
            self._wait_semaphore.release()
            sleepers += 1
        if sleepers:
            for i in range(sleepers):
                self._woken_count.acquire()
            while self._wait_semaphore.acquire(False):
                pass

    def notify_all(self):
        self.notify(n=SEM_VALUE_MAX)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        endtime = None if timeout is None else time.monotonic() + timeout
        waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class Event:
    def __init__(self, *, ctx=None):
        self._cond = Condition(Lock())
        self._flag = Semaphore(0)

    def is_set(self):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def set(self):
        with self._cond:
            self._flag.acquire(False)
            self._flag.release()
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.acquire(False)

    def wait(self, timeout=None):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
            else:
                self._cond.wait(timeout)
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False


class Barrier(threading.Barrier):
    def __init__(self, parties, action=None, timeout=None, *, ctx=None):
        raise NotImplementedError("refpy: multiprocessing.Barrier is not implemented")
