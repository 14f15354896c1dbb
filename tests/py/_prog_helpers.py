"""Helpers for prog_mypkg."""
VERSION = "0.3"
helper_calls = 0


def slugify(text):
    global helper_calls
    helper_calls += 1
    cleaned = "".join(c.lower() if c.isalnum() else " " for c in text)
    return "-".join(cleaned.split())


class Registry:
    def __init__(self):
        self._fns = {}

    def register(self, name=None):
        def deco(fn):
            self._fns[name or fn.__name__] = fn
            return fn
        return deco

    def names(self):
        return sorted(self._fns)

    def call(self, name, *args):
        global helper_calls
        helper_calls += 1
        try:
            fn = self._fns[name]
        except KeyError:
            raise LookupError(f"no function named {name!r}") from None
        return fn(*args)
