# helper for mod_warnings_default: interpreter warnings raised outside __main__
def in_module():
    return bool(NotImplemented)
