# CPython's default filters apply to the interpreter's own warnings even when
# the program never imports warnings: DeprecationWarning only from __main__.
import _mod_warn_helper

print(_mod_warn_helper.in_module())   # ignored: raised in a module


def here():
    return bool(NotImplemented)


print(here())   # shown: raised in __main__
print(here())   # same location: shown once
print(bool(NotImplemented))   # another line: shown again
