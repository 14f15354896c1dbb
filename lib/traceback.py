"""traceback -- format and print exceptions and their tracebacks (refpy).

The output matches CPython 3.11's except for the ^~~ lines under the failing
expression, which refpy's own traceback printer does not produce either."""
import sys

__all__ = ["extract_tb", "extract_stack", "format_exc", "format_exception",
           "format_exception_only", "format_list", "format_tb", "print_exc",
           "print_exception", "print_tb", "print_stack", "format_stack",
           "FrameSummary", "StackSummary"]


def _getline(filename, lineno):
    try:
        with open(filename, encoding="utf-8") as f:
            for i, line in enumerate(f, 1):
                if i == lineno:
                    return line.strip()
    except (OSError, UnicodeDecodeError, ValueError):
        pass
    return ""


class FrameSummary:
    __slots__ = ("filename", "lineno", "name", "_line", "locals")

    def __init__(self, filename, lineno, name, *, line=None, locals=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = locals

    @property
    def line(self):
        if self._line is None:
            self._line = _getline(self.filename, self.lineno)
        return self._line

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __getitem__(self, i):
        return (self.filename, self.lineno, self.name, self.line)[i]

    def __len__(self):
        return 4

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno and
                    self.name == other.name and self.line == other.line)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __repr__(self):
        return "<FrameSummary file {}, line {} in {}>".format(self.filename, self.lineno, self.name)


class StackSummary(list):
    @classmethod
    def from_list(cls, a_list):
        result = cls()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format(self):
        out = []
        for fs in self:
            row = '  File "{}", line {}, in {}\n'.format(fs.filename, fs.lineno, fs.name)
            if fs.line:
                row += "    {}\n".format(fs.line)
            out.append(row)
        return out


def extract_tb(tb, limit=None):
    frames = StackSummary()
    while tb is not None and (limit is None or len(frames) < limit):
        code = tb.tb_frame.f_code
        frames.append(FrameSummary(code.co_filename, tb.tb_lineno, code.co_name))
        tb = tb.tb_next
    return frames


def extract_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    frames = StackSummary()
    while f is not None:
        frames.append(FrameSummary(f.f_code.co_filename, f.f_lineno, f.f_code.co_name))
        f = f.f_back
    frames.reverse()
    if limit is not None:
        del frames[:-limit]
    return frames


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def format_tb(tb, limit=None):
    return extract_tb(tb, limit).format()


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit))


def _exc_name(etype):
    mod = getattr(etype, "__module__", None)
    name = getattr(etype, "__qualname__", etype.__name__)
    if mod not in (None, "__main__", "builtins"):
        name = mod + "." + name
    return name


def format_exception_only(exc, value=None):
    if value is None and isinstance(exc, BaseException):
        exc, value = type(exc), exc
    if value is None:
        return ["{}\n".format(_exc_name(exc))]
    name = _exc_name(type(value))
    if isinstance(value, SyntaxError):
        out = []
        if value.filename is not None or value.lineno is not None:
            out.append('  File "{}", line {}\n'.format(value.filename or "<string>", value.lineno))
        if value.text:
            text = value.text.rstrip("\n")
            stripped = text.lstrip()
            out.append("    {}\n".format(stripped))
            if value.offset is not None:
                col = max(value.offset - 1 - (len(text) - len(stripped)), 0)
                out.append("    {}^\n".format(" " * col))
        out.append("{}: {}\n".format(name, value.msg or "<no detail available>"))
        return out
    try:
        text = str(value)
    except Exception:
        text = "<exception str() failed>"
    return ["{}: {}\n".format(name, text) if text else "{}\n".format(name)]


def _chain(value, seen):
    out = []
    seen.add(id(value))
    cause, context = value.__cause__, value.__context__
    if cause is not None and id(cause) not in seen:
        out += _chain(cause, seen)
        out.append("\nThe above exception was the direct cause of the following exception:\n\n")
    elif (context is not None and not value.__suppress_context__ and id(context) not in seen):
        out += _chain(context, seen)
        out.append("\nDuring handling of the above exception, another exception occurred:\n\n")
    if value.__traceback__ is not None:
        out.append("Traceback (most recent call last):\n")
        out += format_tb(value.__traceback__)
    out += format_exception_only(type(value), value)
    return out


def format_exception(exc, value=None, tb=None, limit=None, chain=True):
    if value is None and isinstance(exc, BaseException):
        value = exc
    if value is None:
        return format_exception_only(exc)
    if chain:
        return _chain(value, set())
    out = []
    if value.__traceback__ is not None:
        out.append("Traceback (most recent call last):\n")
        out += format_tb(value.__traceback__, limit)
    return out + format_exception_only(type(value), value)


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exc_info()[1], limit=limit, chain=chain)) \
        if sys.exc_info()[1] is not None else "NoneType: None\n"


def print_exception(exc, value=None, tb=None, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit, chain):
        print(line, file=file, end="")


def print_exc(limit=None, file=None, chain=True):
    print(format_exc(limit, chain), file=sys.stderr if file is None else file, end="")


def print_tb(tb, limit=None, file=None):
    print("".join(format_tb(tb, limit)), file=sys.stderr if file is None else file, end="")


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe().f_back
    print("".join(format_stack(f, limit)), file=sys.stderr if file is None else file, end="")
