"""multiprocessing.queues -- Queue, SimpleQueue, JoinableQueue.

A Queue is a one-way socketpair shared by every process forked after its
creation, a reader lock and a writer lock (shared semaphores) so messages
never interleave, and a bounded semaphore counting free slots.  put()
pickles at once and hands the bytes to a feeder thread, so put() never
blocks on a full pipe (CPython's design); a process flushes its feeder
before it exits.
"""
import os
import time
import threading
import collections
import pickle
import _multiprocessing as _mp
from queue import Empty, Full

from . import connection, util
from .synchronize import Lock, BoundedSemaphore, Semaphore, Condition

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']

_SENTINEL = object()


class Queue:
    def __init__(self, maxsize=0, *, ctx=None):
        if maxsize <= 0:
            maxsize = _mp.SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = Lock()
        self._wlock = Lock()
        self._sem = BoundedSemaphore(maxsize)
        self._ignore_epipe = False
        self._reset()

    def _reset(self):
        self._pid = os.getpid()
        self._notempty = threading.Condition(threading.Lock())
        self._buffer = collections.deque()
        self._thread = None
        self._closed = False
        self._joincancelled = False

    def _check_pid(self):
        if self._pid != os.getpid():       # forked: the feeder stayed behind
            self._reset()

    def _check_closed(self):
        if self._closed:
            raise ValueError("Queue %r is closed" % (self,))

    def put(self, obj, block=True, timeout=None):
        self._check_pid()
        self._check_closed()
        data = pickle.dumps(obj)
        if not self._sem.acquire(block, timeout):
            raise Full
        with self._notempty:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(data)
            self._notempty.notify()

    def put_nowait(self, obj):
        return self.put(obj, False)

    def get(self, block=True, timeout=None):
        self._check_pid()
        self._check_closed()
        if block and timeout is None:
            with self._rlock:
                res = _mp.recv_bytes(self._reader._handle)
            self._sem.release()
        else:
            if block:
                deadline = time.monotonic() + timeout
            if not self._rlock.acquire(block, timeout):
                raise Empty
            try:
                if block:
                    timeout = deadline - time.monotonic()
                    if not self._reader.poll(max(timeout, 0)):
                        raise Empty
                elif not self._reader.poll():
                    raise Empty
                res = _mp.recv_bytes(self._reader._handle)
                self._sem.release()
            finally:
                self._rlock.release()
        return pickle.loads(res)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return self._maxsize - self._sem._semlock._get_value()

    def empty(self):
        return not self._reader.poll()

    def full(self):
        return self._sem._semlock._is_zero()

    def close(self):
        self._check_pid()
        self._closed = True
        with self._notempty:
            if self._thread is not None:
                self._buffer.append(_SENTINEL)
                self._notempty.notify()
            else:
                self._close_writer()

    def _close_writer(self):
        pass      # the other processes still use the pipe: keep it open

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)
        if self._thread is not None and self._pid == os.getpid():
            self._thread.join()

    def cancel_join_thread(self):
        self._joincancelled = True

    def _flush_at_exit(self):
        """At process exit: push what put() buffered, as CPython's
        finalizer joining the feeder thread."""
        if self._pid != os.getpid() or self._thread is None or self._joincancelled:
            return
        if not self._closed:
            self.close()
        self._thread.join()

    def _start_thread(self):
        self._thread = threading.Thread(target=Queue._feed,
                                        args=(self._buffer, self._notempty,
                                              self._wlock, self._writer._handle),
                                        name='QueueFeederThread', daemon=True)
        self._thread.start()
        util._queues.add(self)

    @staticmethod
    def _feed(buffer, notempty, wlock, fd):
        while True:
            with notempty:
                while not buffer:
                    notempty.wait()
                items = list(buffer)
                buffer.clear()
            for data in items:
                if data is _SENTINEL:
                    return
                try:
                    with wlock:
                        _mp.send_bytes(fd, data)
                except OSError:
                    return

    def __reduce__(self):
        raise RuntimeError('Queue objects should only be shared between processes '
                           'through inheritance')

    def __repr__(self):
        return '<%s.%s object>' % (type(self).__module__, type(self).__qualname__)


class JoinableQueue(Queue):
    def __init__(self, maxsize=0, *, ctx=None):
        Queue.__init__(self, maxsize)
        self._unfinished_tasks = Semaphore(0)
        self._cond = Condition()

    def put(self, obj, block=True, timeout=None):
        self._check_closed()
        with self._cond:
            self._unfinished_tasks.release()
        Queue.put(self, obj, block, timeout)

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished_tasks._semlock._is_zero():
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if not self._unfinished_tasks._semlock._is_zero():
                self._cond.wait()


class SimpleQueue:
    def __init__(self, *, ctx=None):
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = Lock()
        self._wlock = Lock()

    def close(self):
        self._reader.close()
        self._writer.close()

    def empty(self):
        return not self._reader.poll()

    def get(self):
        with self._rlock:
            res = self._reader.recv_bytes()
        return pickle.loads(res)

    def put(self, obj):
        data = pickle.dumps(obj)
        with self._wlock:
            self._writer.send_bytes(data)

    def __reduce__(self):
        raise RuntimeError('SimpleQueue objects should only be shared between '
                           'processes through inheritance')
