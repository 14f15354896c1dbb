"""multiprocessing.pool -- Pool: worker processes fed tasks one at a time.

Each worker is a forked Process holding one end of its own socketpair.
A handler thread in the parent hands a task to every idle worker, reads
results, and notices a worker that died (its socket reaches EOF): the task
it was running fails with WorkerLostError (so Pool.map raises instead of
hanging) and a new worker replaces it.  Tasks and results are pickled.
A worker's exception reaches the parent as the same type, with the
worker's traceback attached as __cause__ (RemoteTraceback), as CPython.
"""
import os
import sys
import itertools
import threading
import collections
import pickle
import _multiprocessing as _mp

from . import util, process
from .context import ProcessError, TimeoutError
from .connection import Connection

__all__ = ['Pool', 'ThreadPool']

INIT, RUN, CLOSE, TERMINATE = 'INIT', 'RUN', 'CLOSE', 'TERMINATE'
APPLY, MAP, STARMAP = 0, 1, 2
job_counter = itertools.count()


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class ExceptionWithTraceback:
    def __init__(self, exc, tb):
        self.exc = exc
        self.tb = '\n"""\n%s"""' % tb

    def __reduce__(self):
        return rebuild_exc, (self.exc, self.tb)


def rebuild_exc(exc, tb):
    exc.__cause__ = RemoteTraceback(tb)
    return exc


class MaybeEncodingError(Exception):
    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (type(self).__name__, self)


class WorkerLostError(ProcessError):
    """A worker process died (e.g. killed by a signal) while running a task."""


# ---- the worker side ---------------------------------------------------------

def _run_task(func, mode, chunk):
    if mode == APPLY:
        args, kwds = chunk
        return func(*args, **kwds)
    if mode == MAP:
        return [func(x) for x in chunk]
    return [func(*x) for x in chunk]


def worker(fd, close_fds, initializer=None, initargs=(), maxtasks=None):
    for f in close_fds:
        try:
            os.close(f)
        except OSError:
            pass
    conn = Connection(fd)
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or completed < maxtasks:
        try:
            msg = conn.recv_bytes()
        except (EOFError, OSError):
            break
        if not msg:
            break
        job, i, mode, payload = pickle.loads(msg)
        try:
            func, chunk = pickle.loads(payload)
            result = (True, _run_task(func, mode, chunk))
        except Exception as e:
            result = (False, ExceptionWithTraceback(e, util.format_exception(e)))
        try:
            data = pickle.dumps((job, i, result))
        except Exception as e:
            wrapped = MaybeEncodingError(e, result[1])
            data = pickle.dumps((job, i, (False, wrapped)))
        try:
            conn.send_bytes(data)
        except OSError:
            break
        completed += 1
        del result, data
    conn.close()


class _Worker:
    def __init__(self, proc, conn):
        self.proc = proc
        self.conn = conn
        self.task = None


# ---- the parent side -----------------------------------------------------------

class Pool:
    _wrap_exception = True

    def __init__(self, processes=None, initializer=None, initargs=(),
                 maxtasksperchild=None, context=None):
        self._state = INIT
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._initializer = initializer
        self._initargs = initargs
        self._maxtasksperchild = maxtasksperchild
        self._lock = threading.Lock()
        self._taskqueue = collections.deque()
        self._cache = {}
        self._workers = []
        self._wake_r, self._wake_w = os.pipe()
        self._state = RUN
        for _ in range(processes):
            self._add_worker()
        self._handler = threading.Thread(target=self._handle, name='PoolHandler',
                                         daemon=True)
        self._handler.start()
        util._pools.add(self)

    @property
    def _pool(self):
        return [w.proc for w in self._workers]

    def _add_worker(self):
        parent_fd, child_fd = _mp.socketpair()
        close_fds = [parent_fd, self._wake_r, self._wake_w] + \
            [w.conn.fileno() for w in self._workers]
        p = process.BaseProcess(target=worker, args=(child_fd, close_fds, self._initializer,
                                                     self._initargs, self._maxtasksperchild))
        p.name = p.name.replace('BaseProcess', 'ForkPoolWorker')
        p.daemon = True
        p.start()
        os.close(child_fd)
        self._workers.append(_Worker(p, Connection(parent_fd)))

    def _wake(self):
        try:
            os.write(self._wake_w, b'x')
        except OSError:
            pass

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    # -- the handler thread ---------------------------------------------------
    def _handle(self):
        try:
            while self._handle_once():
                pass
        finally:
            for w in self._workers:
                w.conn.close()

    def _handle_once(self):
        with self._lock:
            if self._state == TERMINATE:
                return False
            self._dispatch()
            if self._state == CLOSE and not self._taskqueue and \
                    all(w.task is None for w in self._workers):
                for w in self._workers:
                    try:
                        w.conn.send_bytes(b'')
                    except OSError:
                        pass
                return False
            fds = [self._wake_r] + [w.conn.fileno() for w in self._workers]
        ready = _mp.wait(fds, None)
        with self._lock:
            if self._wake_r in ready:
                os.read(self._wake_r, 4096)
            for w in list(self._workers):
                if w.conn.fileno() in ready and self._state != TERMINATE:
                    self._receive(w)
        return True

    def _dispatch(self):
        for w in self._workers:
            if not self._taskqueue:
                return
            if w.task is None:
                task = self._taskqueue.popleft()
                w.task = task
                try:
                    w.conn.send_bytes(task[0])
                except OSError:
                    pass      # the worker died: its EOF will fail the task

    def _receive(self, w):
        try:
            data = w.conn.recv_bytes()
        except (EOFError, OSError):
            self._worker_died(w)
            return
        w.task = None
        job, i, (ok, value) = pickle.loads(data)
        result = self._cache.get(job)
        if result is not None:
            result._set(i, (ok, value))

    def _worker_died(self, w):
        self._workers.remove(w)
        w.conn.close()
        w.proc.join()
        if w.task is not None:
            job, i = w.task[1], w.task[2]
            result = self._cache.get(job)
            if result is not None:
                err = WorkerLostError("worker process exited unexpectedly with exitcode %s "
                                      "while running a task" % (w.proc.exitcode,))
                result._set(i, (False, err))
        if self._state != TERMINATE and not util._exiting:
            self._add_worker()

    # -- submitting -------------------------------------------------------------
    def _submit(self, result, i, func, mode, chunk):
        try:
            payload = pickle.dumps((func, chunk))
            msg = pickle.dumps((result._job, i, mode, payload))
        except Exception as e:
            result._set(i, (False, e))
            return
        with self._lock:
            self._taskqueue.append((msg, result._job, i))
        self._wake()

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._submit(result, 0, func, APPLY, (tuple(args), dict(kwds)))
        return result

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, MAP, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, STARMAP, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, MAP, chunksize, callback, error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        return self._map_async(func, iterable, STARMAP, chunksize, callback, error_callback)

    def _chunks(self, items, chunksize):
        return [items[i:i + chunksize] for i in range(0, len(items), chunksize)]

    def _map_async(self, func, iterable, mode, chunksize=None, callback=None,
                   error_callback=None):
        self._check_running()
        items = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(items), len(self._workers) * 4)
            if extra:
                chunksize += 1
        if len(items) == 0:
            chunksize = 0
        elif chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        chunks = self._chunks(items, chunksize) if items else []
        result = MapResult(self, chunksize, len(items), callback, error_callback)
        for i, chunk in enumerate(chunks):
            self._submit(result, i, func, mode, chunk)
        return result

    def imap(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, IMapIterator)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, IMapUnorderedIterator)

    def _imap(self, func, iterable, chunksize, cls):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0!r}".format(chunksize))
        chunks = self._chunks(list(iterable), chunksize)
        result = cls(self, len(chunks))
        for i, chunk in enumerate(chunks):
            self._submit(result, i, func, MAP, chunk)
        return result

    # -- shutting down ------------------------------------------------------------
    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            self._wake()

    def terminate(self):
        with self._lock:
            if self._state == TERMINATE:
                return
            self._state = TERMINATE
            self._taskqueue.clear()
        self._wake()
        for w in list(self._workers):
            if w.proc.exitcode is None:
                w.proc.terminate()
        self._join_all()

    def _terminate_at_exit(self):
        if self._state != TERMINATE:
            self.terminate()

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        self._join_all()

    def _join_all(self):
        if self._handler is not threading.current_thread():
            self._handler.join()
        for w in list(self._workers):
            w.proc.join()
        for fd in (self._wake_r, self._wake_w):
            try:
                os.close(fd)
            except OSError:
                pass
        self._wake_r = self._wake_w = -1

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()

    def __reduce__(self):
        raise NotImplementedError('pool objects cannot be passed between processes '
                                  'or pickled')

    def __repr__(self):
        return '<%s.%s state=%s pool_size=%d>' % (type(self).__module__,
                                                  type(self).__qualname__,
                                                  self._state, len(self._workers))


# ---- results -------------------------------------------------------------------

class ApplyResult:
    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = next(job_counter)
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        self._cache.pop(self._job, None)
        self._pool = None


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            self._cache.pop(self._job, None)
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                self._cache.pop(self._job, None)
                self._event.set()
                self._pool = None
        else:
            if not success and self._success:
                self._success = False
                self._value = result
            if self._number_left == 0:
                if self._error_callback:
                    self._error_callback(self._value)
                self._cache.pop(self._job, None)
                self._event.set()
                self._pool = None
            elif not success and self._error_callback is None:
                # fail fast, as CPython: the caller sees the first error now
                self._event.set()


class IMapIterator:
    def __init__(self, pool, nchunks):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = next(job_counter)
        self._cache = pool._cache
        self._items = collections.deque()
        self._index = 0
        self._length = nchunks
        self._unsorted = {}
        self._pending = []       # values of the chunk being yielded
        self._cache[self._job] = self
        if nchunks == 0:
            self._cache.pop(self._job, None)

    def __iter__(self):
        return self

    def next(self, timeout=None):
        while True:
            if self._pending:
                ok, value = self._pending.pop(0)
                if ok:
                    return value
                raise value
            with self._cond:
                try:
                    chunk = self._items.popleft()
                except IndexError:
                    if self._index == self._length:
                        self._pool = None
                        raise StopIteration from None
                    self._cond.wait(timeout)
                    try:
                        chunk = self._items.popleft()
                    except IndexError:
                        if self._index == self._length:
                            self._pool = None
                            raise StopIteration from None
                        raise TimeoutError from None
            ok, value = chunk
            if ok:
                self._pending = [(True, v) for v in value]
            else:
                self._pending = [(False, value)]

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    self._items.append(self._unsorted.pop(self._index))
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = obj
            if self._index == self._length:
                self._cache.pop(self._job, None)


class IMapUnorderedIterator(IMapIterator):
    def _set(self, i, obj):
        with self._cond:
            self._items.append(obj)
            self._index += 1
            self._cond.notify()
            if self._index == self._length:
                self._cache.pop(self._job, None)


def ThreadPool(processes=None, initializer=None, initargs=()):
    raise NotImplementedError("refpy: multiprocessing.pool.ThreadPool is not implemented")
