"""multiprocessing.connection -- Connection, Pipe and wait.

A Connection wraps one end of an AF_UNIX socketpair (so that writing to a
vanished peer is an EPIPE error rather than a SIGPIPE death).  Messages are
framed by _multiprocessing.send_bytes: a 4-byte big-endian length, then
the payload; send()/recv() carry pickle.dumps() payloads.
"""
import os
import pickle
import _multiprocessing as _mp

__all__ = ['Connection', 'Pipe', 'wait']


class Connection:
    def __init__(self, handle, readable=True, writable=True):
        if not readable and not writable:
            raise ValueError("at least one of `readable` and `writable` must be True")
        self._handle = handle
        self._readable = readable
        self._writable = writable

    def __del__(self):
        if getattr(self, '_handle', None) is not None:
            try:
                os.close(self._handle)
            except OSError:
                pass
            self._handle = None

    def _check_closed(self):
        if self._handle is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._handle is None

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def fileno(self):
        self._check_closed()
        return self._handle

    def close(self):
        if self._handle is not None:
            h = self._handle
            self._handle = None
            os.close(h)

    def send_bytes(self, buf, offset=0, size=None):
        self._check_closed()
        self._check_writable()
        data = bytes(buf)
        n = len(data)
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        _mp.send_bytes(self._handle, data[offset:offset + size])

    def send(self, obj):
        self._check_closed()
        self._check_writable()
        _mp.send_bytes(self._handle, pickle.dumps(obj))

    def recv_bytes(self, maxlength=None):
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        data = _mp.recv_bytes(self._handle)
        if maxlength is not None and len(data) > maxlength:
            self.close()
            raise OSError("bad message length")
        return data

    def recv_bytes_into(self, buf, offset=0):
        data = self.recv_bytes()
        buf[offset:offset + len(data)] = data
        return len(data)

    def recv(self):
        self._check_closed()
        self._check_readable()
        return pickle.loads(_mp.recv_bytes(self._handle))

    def poll(self, timeout=0.0):
        self._check_closed()
        self._check_readable()
        return bool(_mp.wait([self._handle], timeout))

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __reduce__(self):
        raise TypeError("refpy: a Connection can only be shared with a process "
                        "by inheritance (create it before Process.start())")


def Pipe(duplex=True):
    """(conn1, conn2): two ends of a socketpair; one-way when not duplex."""
    a, b = _mp.socketpair()
    if duplex:
        return Connection(a), Connection(b)
    return Connection(a, writable=False), Connection(b, readable=False)


def _fd_of(obj):
    if isinstance(obj, int):
        return obj
    return obj.fileno()


def wait(object_list, timeout=None):
    """The objects of object_list (Connections, sentinels, objects with a
    fileno()) that are ready to read, waiting at most timeout seconds."""
    objs = list(object_list)
    fds = [_fd_of(o) for o in objs]
    ready = set(_mp.wait(fds, timeout))
    return [o for o, fd in zip(objs, fds) if fd in ready]
