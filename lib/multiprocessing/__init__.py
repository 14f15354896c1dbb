"""multiprocessing -- processes with their own interpreter (fork, Linux).

Each Process is a fork() of the current interpreter: it has its own GIL,
so CPU-bound work in N processes runs on N processors.  Values cross
processes pickled (refpy's own format, see pickle's docstring) through
socketpairs; Lock/Value/Array live in MAP_SHARED memory and are shared by
inheritance.  Only the 'fork' start method exists.
"""
import os
import atexit as _atexit

from .context import (ProcessError, BufferTooShort, TimeoutError, AuthenticationError,
                      get_context, get_start_method, set_start_method,
                      get_all_start_methods)
from .process import current_process, active_children, parent_process, BaseProcess
from . import util as _util
from . import process as _process

__all__ = ['Array', 'AuthenticationError', 'Barrier', 'BoundedSemaphore', 'BufferTooShort',
           'Condition', 'Event', 'JoinableQueue', 'Lock', 'Pipe', 'Pool', 'Process',
           'ProcessError', 'Queue', 'RLock', 'RawArray', 'RawValue', 'Semaphore',
           'SimpleQueue', 'TimeoutError', 'Value', 'active_children', 'cpu_count',
           'current_process', 'freeze_support', 'get_all_start_methods', 'get_context',
           'get_start_method', 'parent_process', 'set_start_method']

SUBDEBUG = 5
SUBWARNING = 25


class Process(BaseProcess):
    _start_method = 'fork'


def cpu_count():
    num = os.cpu_count()
    if num is None:
        raise NotImplementedError('cannot determine number of cpus')
    return num


def freeze_support():
    pass


def Lock():
    from .synchronize import Lock
    return Lock()


def RLock():
    from .synchronize import RLock
    return RLock()


def Condition(lock=None):
    from .synchronize import Condition
    return Condition(lock)


def Semaphore(value=1):
    from .synchronize import Semaphore
    return Semaphore(value)


def BoundedSemaphore(value=1):
    from .synchronize import BoundedSemaphore
    return BoundedSemaphore(value)


def Event():
    from .synchronize import Event
    return Event()


def Barrier(parties, action=None, timeout=None):
    from .synchronize import Barrier
    return Barrier(parties, action, timeout)


def Queue(maxsize=0):
    from .queues import Queue
    return Queue(maxsize)


def JoinableQueue(maxsize=0):
    from .queues import JoinableQueue
    return JoinableQueue(maxsize)


def SimpleQueue():
    from .queues import SimpleQueue
    return SimpleQueue()


def Pipe(duplex=True):
    from .connection import Pipe
    return Pipe(duplex)


def Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None):
    from .pool import Pool
    return Pool(processes, initializer, initargs, maxtasksperchild)


def RawValue(typecode_or_type, *args):
    from .sharedctypes import RawValue
    return RawValue(typecode_or_type, *args)


def RawArray(typecode_or_type, size_or_initializer):
    from .sharedctypes import RawArray
    return RawArray(typecode_or_type, size_or_initializer)


def Value(typecode_or_type, *args, lock=True):
    from .sharedctypes import Value
    return Value(typecode_or_type, *args, lock=lock)


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    from .sharedctypes import Array
    return Array(typecode_or_type, size_or_initializer, lock=lock)


_atexit.register(_util._exit_function)
