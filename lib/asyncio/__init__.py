"""asyncio -- a small event loop for coroutines, written for refpy.

Tasks, futures, timers (call_soon/call_later), sleep, gather, wait_for,
wait, as_completed, shield, timeout, TaskGroup, queues and locks behave as
CPython 3.11's; there is no I/O (no sockets, pipes or subprocesses): when
nothing is ready the loop sleeps until its next timer.
"""

import types as _types

from .exceptions import *
from .events import *
from .futures import *
from .tasks import *
from .locks import *
from .queues import *
from .runners import *
from .timeouts import *
from .taskgroups import *

from . import events, exceptions, futures, locks, queues, runners, tasks

AbstractEventLoop = events.AbstractEventLoop


def iscoroutine(obj):
    return obj.__class__ is _types.CoroutineType or tasks._is_coroutine(obj)


def iscoroutinefunction(func):
    code = getattr(func, '__code__', None)
    return code is not None and bool(code.co_flags & 0x80)


__all__ = (exceptions.__all__ + events.__all__ + futures.__all__ +
           tasks.__all__ + locks.__all__ + queues.__all__ + runners.__all__ +
           timeouts.__all__ + taskgroups.__all__ +
           ('iscoroutine', 'iscoroutinefunction'))
