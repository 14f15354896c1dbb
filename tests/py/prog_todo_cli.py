# A to-do list manager with a command dispatcher, tracebacks and formatted tables.
import traceback
from collections import defaultdict
from dataclasses import dataclass, field
from enum import Enum


class Status(Enum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"


class CommandError(Exception):
    pass


@dataclass(order=True)
class Task:
    priority: int
    title: str = field(compare=False)
    tags: tuple = field(default=(), compare=False)
    status: Status = field(default=Status.TODO, compare=False)
    tid: int = field(default=0, compare=True)


class TodoList:
    def __init__(self):
        self.tasks = {}
        self.next_id = 1
        self.undo_stack = []

    def add(self, title, priority="3", *tags):
        if not title:
            raise CommandError("title required")
        try:
            prio = int(priority)
        except ValueError as exc:
            raise CommandError(f"bad priority {priority!r}") from exc
        task = Task(prio, title.replace("_", " "), tuple(sorted(tags)), tid=self.next_id)
        self.tasks[task.tid] = task
        self.undo_stack.append(("remove", task.tid))
        self.next_id += 1
        return f"added #{task.tid}"

    def _get(self, tid):
        try:
            return self.tasks[int(tid)]
        except (KeyError, ValueError):
            raise CommandError(f"no task {tid}") from None

    def move(self, tid, status):
        task = self._get(tid)
        try:
            new = Status(status)
        except ValueError as e:
            raise CommandError(str(e)) from None
        self.undo_stack.append(("status", task.tid, task.status))
        task.status = new
        return f"#{task.tid} -> {new.value}"

    def undo(self):
        if not self.undo_stack:
            raise CommandError("nothing to undo")
        action, tid, *rest = self.undo_stack.pop()
        if action == "remove":
            del self.tasks[tid]
        else:
            self.tasks[tid].status = rest[0]
        return f"undid {action} on #{tid}"

    def table(self):
        rows = sorted(self.tasks.values())
        if not rows:
            return "(empty)"
        w = max(len(t.title) for t in rows)
        out = [f"{'id':>3} {'p':>2} {'title':<{w}} {'status':<6} tags"]
        for t in rows:
            mark = {"todo": " ", "doing": "~", "done": "x"}[t.status.value]
            out.append(f"{t.tid:>3} {t.priority:>2} {t.title:<{w}} [{mark}]    {','.join(t.tags) or '-'}")
        return "\n".join(out)

    def stats(self):
        by = defaultdict(int)
        for t in self.tasks.values():
            by[t.status.name] += 1
        done = by["DONE"]
        total = len(self.tasks)
        pct = done / total if total else 0
        return f"{total} tasks, {done} done ({pct:.0%}); " + ", ".join(f"{k}={v}" for k, v in sorted(by.items()))

    def tags(self):
        index = defaultdict(list)
        for t in self.tasks.values():
            for tag in t.tags:
                index[tag].append(t.tid)
        return dict(sorted(index.items()))


def dispatch(todo, line):
    name, *args = line.split()
    method = getattr(todo, name, None)
    if method is None or name.startswith("_"):
        raise CommandError(f"unknown command {name!r}")
    return method(*args)


todo = TodoList()
script = """
add buy_milk 2 home errand
add write_report 1 work
add call_mom 2 home
add fix_bike x
add
move 2 doing
move 1 done
move 9 done
move 3 finished
table
stats
tags
undo
undo
table
frobnicate
_get 1
add water_plants 5 home
move 4 done
stats
undo
undo
undo
undo
undo
table
"""
for line in script.strip().splitlines():
    print(f"$ {line}")
    try:
        result = dispatch(todo, line)
    except CommandError as e:
        msg = f"error: {e}"
        if e.__cause__ is not None:
            msg += f" (from {type(e.__cause__).__name__}: {e.__cause__})"
        print(msg)
    except TypeError as e:
        print("usage error:", e)
    else:
        print(result)


def level3(x):
    return {"a": 1}[x]


def level2(x):
    return level3(x) + 1


def level1(x):
    try:
        return level2(x)
    except KeyError as e:
        raise RuntimeError("lookup failed") from e


try:
    level1("zz")
except RuntimeError:
    tb = traceback.format_exc()
    lines = [l for l in tb.splitlines() if l.strip() and not set(l.strip()) <= set("^~")]
    print("\n".join(lines))
try:
    level3("q")
except KeyError as e:
    print("".join(traceback.format_exception_only(type(e), e)), end="")
    frames = traceback.extract_tb(e.__traceback__)
    print([(f.name, f.line) for f in frames])
print("final:", todo.stats())
level1("boom")
