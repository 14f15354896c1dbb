# Class hierarchies: super(), multiple inheritance, __mro__, __slots__, __getattr__ proxies.

class Base:
    registry = []

    def __init_subclass__(cls, **kwargs):
        tag = kwargs.pop("tag", cls.__name__.lower())
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        Base.registry.append(cls.__name__)

    def __init__(self, name):
        self.name = name
        self.trace = ["Base"]

    def describe(self):
        return f"{self.name}"


class Loggable(Base):
    def __init__(self, name, **kw):
        super().__init__(name, **kw)
        self.trace.append("Loggable")

    def describe(self):
        return "[log] " + super().describe()


class Serializable(Base, tag="ser"):
    def __init__(self, name, **kw):
        super().__init__(name, **kw)
        self.trace.append("Serializable")

    def describe(self):
        return "[ser] " + super().describe()

    def to_dict(self):
        return {k: v for k, v in vars(self).items() if k != "trace"}


class Model(Loggable, Serializable):
    def __init__(self, name, version=1):
        super().__init__(name)
        self.version = version
        self.trace.append("Model")

    def describe(self):
        return "[model] " + super().describe()


m = Model("user", 3)
print(m.describe(), m.trace, m.to_dict())
print([c.__name__ for c in Model.__mro__])
print(Model.tag, Serializable.tag, Loggable.tag, Base.registry)
print(isinstance(m, Serializable), issubclass(Model, Base), Model.__bases__)
print(super(Loggable, m).describe())


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B>" + super().who()


class C(A):
    def who(self):
        return "C>" + super().who()


class D(B, C):
    def who(self):
        return "D>" + super().who()


print(D().who(), [k.__name__ for k in D.mro()])
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)


class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"


class Vector3(Vector):
    __slots__ = ("z",)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


v = Vector3(1, 2, 3)
print(v, v.z, Vector.__slots__, Vector3.__slots__, hasattr(v, "__dict__"))
try:
    v.w = 4
except AttributeError as e:
    print("AttributeError:", e)
try:
    Vector(1, 2).__dict__
except AttributeError as e:
    print("AttributeError:", e)
u = Vector(0, 0)
del u.x
try:
    u.x
except AttributeError as e:
    print("AttributeError:", e)


class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", [])

    def __getattr__(self, name):
        self._log.append(f"get {name}")
        return getattr(self._target, name)

    def __setattr__(self, name, value):
        self._log.append(f"set {name}")
        setattr(self._target, name, value)

    def __delattr__(self, name):
        self._log.append(f"del {name}")
        delattr(self._target, name)


class Target:
    def __init__(self):
        self.a = 1

    def hello(self, who):
        return f"hello {who}"


t = Target()
p = Proxy(t)
print(p.a, p.hello("proxy"))
p.b = 2
del p.a
print(vars(t), p._log)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)


class Lazy:
    def __getattribute__(self, name):
        if name.startswith("computed_"):
            return name[9:].upper()
        return super().__getattribute__(name)

    def __getattr__(self, name):
        return f"<fallback {name}>"


lz = Lazy()
lz.real = "real"
print(lz.computed_abc, lz.real, lz.nothing)


class Temperature:
    def __init__(self, celsius=0.0):
        self._c = celsius

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9

    @fahrenheit.deleter
    def fahrenheit(self):
        print("resetting")
        self._c = 0.0

    @staticmethod
    def convert(c):
        return Temperature(c).fahrenheit

    @classmethod
    def boiling(cls):
        return cls(100)


tmp = Temperature(25)
print(tmp.fahrenheit, Temperature.convert(-40), Temperature.boiling().fahrenheit)
tmp.fahrenheit = 212
print(tmp._c)
del tmp.fahrenheit
print(tmp._c)
try:
    Temperature.boiling().fahrenheit = "hot"
except TypeError as e:
    print("TypeError:", e)


class Descriptor:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")

    def __set__(self, obj, value):
        if value < 0:
            raise ValueError(f"{self.name[1:]} must be >= 0")
        setattr(obj, self.name, value)


class Box:
    width = Descriptor()
    height = Descriptor()


bx = Box()
print(bx.width)
bx.width = 5
print(bx.width, type(Box.width).__name__, Box.width.name)
try:
    bx.height = -1
except ValueError as e:
    print("ValueError:", e)


class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["created_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)

    def __repr__(cls):
        return f"<class {cls.__name__} via Meta>"


class WithMeta(metaclass=Meta):
    pass


class Child(WithMeta):
    pass


print(WithMeta.created_by, repr(Child), type(Child).__name__, Child.__mro__)
print(type(m).__name__, type(m).__qualname__, Model.__module__, Model.describe.__qualname__)
