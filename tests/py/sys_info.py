# The struct sequences of sys: values, field access, tuple behaviour, repr.
import sys
print(sys.thread_info.name, len(sys.thread_info))
for name in ("float_info", "int_info", "hash_info", "flags"):
    v = getattr(sys, name)
    print(name, isinstance(v, tuple), len(v), v)
print(sys.float_info.epsilon, sys.float_info.max, sys.float_info.dig, sys.float_info[0])
print(sys.hash_info.modulus == 2**61 - 1, hash(2**61 - 1), hash(float('inf')) == sys.hash_info.inf)
print(sys.float_repr_style, sys.flags.optimize, sys.flags.dev_mode, sys.int_info.default_max_str_digits)
print(1.0 + sys.float_info.epsilon > 1.0, 1.0 + sys.float_info.epsilon / 2 == 1.0)
