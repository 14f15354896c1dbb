"""sched -- a general event scheduler.

A scheduler keeps a heap of Events ordered by (time, priority, sequence);
run() waits with `delayfunc` until the earliest is due and calls it.  The
clock and the delay are parameters, so simulated time works as well as
time.monotonic/time.sleep.  Lower priority numbers run first."""
import heapq
import threading
import time
from collections import namedtuple
from itertools import count
from time import monotonic as _time

__all__ = ["scheduler"]

Event = namedtuple('Event', 'time, priority, sequence, action, argument, kwargs')
_sentinel = object()


class scheduler:

    def __init__(self, timefunc=_time, delayfunc=time.sleep):
        """Initialize a new instance, passing the time and delay functions"""
        self._queue = []
        self._lock = threading.RLock()
        self.timefunc = timefunc
        self.delayfunc = delayfunc
        self._sequence_generator = count()

    def enterabs(self, time, priority, action, argument=(), kwargs=_sentinel):
        """Schedule action(*argument, **kwargs) at absolute `time`; returns
        the Event, which cancel() accepts."""
        if kwargs is _sentinel:
            kwargs = {}
        with self._lock:
            event = Event(time, priority, next(self._sequence_generator),
                          action, argument, kwargs)
            heapq.heappush(self._queue, event)
        return event

    def enter(self, delay, priority, action, argument=(), kwargs=_sentinel):
        """Schedule an event `delay` time units from now."""
        return self.enterabs(self.timefunc() + delay, priority, action, argument, kwargs)

    def cancel(self, event):
        """Remove an event from the queue (ValueError if it is not there)."""
        with self._lock:
            self._queue.remove(event)
            heapq.heapify(self._queue)

    def empty(self):
        """Check whether the queue is empty."""
        with self._lock:
            return not self._queue

    def run(self, blocking=True):
        """Run events as they fall due until none is left.  With
        blocking=False, run what is due now and return the delay until the
        next event (None if the queue is empty).  Actions may add or cancel
        events; the lock is not held while one runs."""
        q = self._queue
        while True:
            with self._lock:
                if not q:
                    return None
                when = q[0].time
                now = self.timefunc()
                due = when <= now
                if due:
                    event = heapq.heappop(q)
            if not due:
                if not blocking:
                    return when - now
                self.delayfunc(when - now)
                continue
            event.action(*event.argument, **event.kwargs)
            self.delayfunc(0)   # let other threads run

    @property
    def queue(self):
        """The upcoming events, in the order they will run."""
        with self._lock:
            events = self._queue[:]
        return [heapq.heappop(events) for _ in range(len(events))]
