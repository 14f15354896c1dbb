from ..square import Square
from ...import_helper_missing import nothing
