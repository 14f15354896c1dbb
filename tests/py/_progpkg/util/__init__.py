DEFAULT_BASE = 10
from . import convert
