import sys
eg = ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("sub", [ValueError(3), KeyError(4)])])
print(repr(eg))
print(str(eg), eg.message, eg.exceptions)
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup), issubclass(ExceptionGroup, BaseExceptionGroup))
print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__bases__, ExceptionGroup.__bases__)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(OSError), eg.split(OSError)[0], eg.split(BaseException)[0] is eg)
print(repr(eg.split((KeyError, TypeError))))
print(repr(eg.derive([ValueError(9)])))
b = BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()])
print(type(b).__name__, repr(b))
print(type(BaseExceptionGroup("x", [ValueError()])).__name__)
for args in [("m",), ("m", []), (1, [ValueError()]), ("m", [1]), ("m", 5)]:
    try:
        ExceptionGroup(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
try:
    eg.split(5)
except TypeError as e:
    print(e)

class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + '*', excs)
my = MyEG("mine", [ValueError(1), TypeError(2)])
my.add_note("note1")
try:
    raise my
except MyEG as e:
    caught = e
m, r = caught.split(ValueError)
print(type(m).__name__, repr(m), m.__notes__, m.__traceback__ is caught.__traceback__)
print(ExceptionGroup[int])

def handler_order():
    try:
        raise ExceptionGroup("x", [ValueError('a'), TypeError('b'), KeyError('c'), ValueError('d')])
    except* ValueError as e:
        print('VE', repr(e), repr(sys.exc_info()[1]))
    except* (TypeError, KeyError) as e:
        print('TE/KE', repr(e))
handler_order()

def naked():
    try:
        raise KeyError('k')
    except* KeyError as e:
        print('naked wrapped', repr(e), type(e).__name__)
    try:
        raise OSError('os')
    except* ValueError:
        print('no')
    except* OSError as e:
        print('os', repr(e))
naked()

def unmatched():
    try:
        try:
            raise ExceptionGroup("u", [ValueError(1), TypeError(2)])
        except* ValueError:
            print('handled VE')
    except ExceptionGroup as e:
        print('left', repr(e))
    try:
        try:
            raise KeyError(1)
        except* ValueError:
            print('no')
    except KeyError as e:
        print('naked passes through', repr(e))
unmatched()

def errors_in_handlers():
    try:
        try:
            raise ExceptionGroup("e", [ValueError(1), TypeError(2)])
        except* ValueError:
            raise RuntimeError('in VE handler')
        except* TypeError as e:
            raise
    except ExceptionGroup as e:
        print(repr(e))
        print(repr(e.exceptions[0].__context__))
errors_in_handlers()

for src in ("try: pass\nexcept* ExceptionGroup: pass",):
    try:
        exec(src)
    except TypeError as e:
        print(e)
try:
    try:
        raise ValueError
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)
try:
    try:
        raise ValueError
    except* 42:
        pass
except TypeError as e:
    print(e)
for src in ("for i in []:\n try: pass\n except* E: break",
            "def f():\n try: pass\n except* E: return",
            "try: pass\nexcept* E: pass\nexcept E: pass",
            "try: pass\nexcept*: pass"):
    try:
        compile(src, '<s>', 'exec')
    except SyntaxError as e:
        print('SyntaxError', e.msg)
def loop_in_handler():
    try:
        raise ExceptionGroup('l', [ValueError()])
    except* ValueError:
        for i in range(3):
            if i == 1:
                break
        print('loop ok', i)
    finally:
        print('finally')
loop_in_handler()
