# Explicit chaining with `from`, and a custom exception class.
class ConfigError(Exception):
    pass

def load():
    try:
        {}["path"]
    except KeyError as e:
        raise ConfigError("missing setting") from e

load()
