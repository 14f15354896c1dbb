# A traffic light / order processing state machine with enum.
from enum import Enum, IntEnum, Flag, auto, unique


@unique
class Light(Enum):
    RED = 1
    GREEN = 2
    YELLOW = 3

    def next(self):
        order = list(Light)
        return order[(order.index(self) + 1) % len(order)]

    @property
    def duration(self):
        return {Light.RED: 30, Light.GREEN: 25, Light.YELLOW: 5}[self]


class OrderState(Enum):
    NEW = auto()
    PAID = auto()
    SHIPPED = auto()
    DELIVERED = auto()
    CANCELLED = auto()


class Priority(IntEnum):
    LOW = 1
    NORMAL = 2
    HIGH = 3


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()


TRANSITIONS = {
    (OrderState.NEW, "pay"): OrderState.PAID,
    (OrderState.NEW, "cancel"): OrderState.CANCELLED,
    (OrderState.PAID, "ship"): OrderState.SHIPPED,
    (OrderState.PAID, "cancel"): OrderState.CANCELLED,
    (OrderState.SHIPPED, "deliver"): OrderState.DELIVERED,
}


class InvalidTransition(Exception):
    pass


class Order:
    def __init__(self, oid, priority=Priority.NORMAL):
        self.oid = oid
        self.state = OrderState.NEW
        self.priority = priority
        self.trail = [self.state]

    def fire(self, event):
        key = (self.state, event)
        if key not in TRANSITIONS:
            raise InvalidTransition(f"order {self.oid}: cannot {event!r} when {self.state.name}")
        self.state = TRANSITIONS[key]
        self.trail.append(self.state)
        return self.state


light = Light.RED
timeline = []
t = 0
for _ in range(7):
    timeline.append(f"{t:>3}s {light.name:<6}")
    t += light.duration
    light = light.next()
print("\n".join(timeline))

print(Light.RED, repr(Light.GREEN), Light(3), Light["YELLOW"], Light.RED.value)
print([m.name for m in Light], len(Light), Light.RED in Light, Light.RED is Light(1))
print(list(OrderState.__members__), OrderState.SHIPPED.value)
try:
    Light(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Light["BLUE"]
except KeyError as e:
    print("KeyError:", e)

orders = [Order(1), Order(2, Priority.HIGH), Order(3, Priority.LOW)]
scripts = {1: ["pay", "ship", "deliver"], 2: ["pay", "cancel", "ship"], 3: ["ship", "pay", "ship"]}
for order in sorted(orders, key=lambda o: o.priority, reverse=True):
    for event in scripts[order.oid]:
        try:
            order.fire(event)
        except InvalidTransition as e:
            print("  !", e)
    print(order.oid, order.priority.name, int(order.priority), "->", order.state.name,
          [s.name for s in order.trail])

print(Priority.HIGH > Priority.LOW, Priority.NORMAL + 1, Priority(3) == 3, sorted([3, Priority.LOW, 2]))
print(f"{Priority.HIGH:d} {Priority.HIGH!r} {Priority.LOW.name.lower()}")
rw = Perm.READ | Perm.WRITE
print(rw, Perm.READ in rw, Perm.EXEC in rw, bool(Perm.READ & Perm.EXEC), rw.value)
print(Perm.READ, repr(Perm.WRITE), Perm(5))
print({Light.RED: "stop", Light.GREEN: "go"}[Light.RED])
counts = {}
for o in orders:
    counts[o.state] = counts.get(o.state, 0) + 1
print({k.name: v for k, v in counts.items()})
print(isinstance(Light.RED, Light), type(Light.RED).__name__, Light.RED.__class__ is Light)

try:
    class Dup(Enum):
        A = 1
        A = 2
except TypeError as e:
    print("TypeError:", e)

try:
    @unique
    class Alias(Enum):
        X = 1
        Y = 1
except ValueError as e:
    print("ValueError:", e)

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)

for p in Planet:
    print(f"{p.name:<8} {p.surface_gravity:.2f}")
