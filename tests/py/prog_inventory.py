# Inventory system with classes, properties, class/static methods and validation.

class ValidationError(ValueError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field


class Item:
    _next_sku = 1000
    TAX_RATE = 0.08

    def __init__(self, name, price, qty=0, tags=()):
        self.name = name
        self.price = price
        self.qty = qty
        self.tags = set(tags)
        self.sku = Item._allocate_sku()

    @classmethod
    def _allocate_sku(cls):
        cls._next_sku += 1
        return f"SKU-{cls._next_sku:05d}"

    @classmethod
    def from_string(cls, text):
        name, price, qty = (part.strip() for part in text.split(","))
        return cls(name, float(price), int(qty))

    @staticmethod
    def round_money(x):
        return round(x + 1e-9, 2)

    @property
    def price(self):
        return self._price

    @price.setter
    def price(self, value):
        if not isinstance(value, (int, float)):
            raise ValidationError("price", f"expected number, got {type(value).__name__}")
        if value < 0:
            raise ValidationError("price", "must be non-negative")
        self._price = float(value)

    @property
    def qty(self):
        return self._qty

    @qty.setter
    def qty(self, value):
        if value < 0:
            raise ValidationError("qty", f"cannot be {value}")
        self._qty = value

    @property
    def value(self):
        return self.round_money(self.price * self.qty)

    @property
    def price_with_tax(self):
        return self.round_money(self.price * (1 + self.TAX_RATE))

    def __repr__(self):
        return f"Item({self.name!r}, {self.price!r}, qty={self.qty})"

    def __eq__(self, other):
        if not isinstance(other, Item):
            return NotImplemented
        return (self.name, self.price) == (other.name, other.price)

    def __hash__(self):
        return hash((self.name, self.price))


class PerishableItem(Item):
    TAX_RATE = 0.0

    def __init__(self, name, price, qty=0, days=7):
        super().__init__(name, price, qty, tags=("perishable",))
        self.days = days

    def age(self, n=1):
        self.days -= n
        if self.days <= 0:
            self.qty = 0
        return self.days

    def __repr__(self):
        return super().__repr__()[:-1] + f", days={self.days})"


class Inventory:
    def __init__(self):
        self._items = {}

    def add(self, item):
        if item.name in self._items:
            self._items[item.name].qty += item.qty
        else:
            self._items[item.name] = item
        return self

    def remove(self, name, qty):
        item = self._items[name]
        item.qty -= qty

    def __getitem__(self, name):
        return self._items[name]

    def __contains__(self, name):
        return name in self._items

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(sorted(self._items.values(), key=lambda i: (-i.value, i.name)))

    @property
    def total(self):
        return Item.round_money(sum(i.value for i in self._items.values()))

    def report(self):
        lines = [f"{'SKU':<10}{'Name':<12}{'Price':>8}{'Qty':>5}{'Value':>10}"]
        lines.append("-" * len(lines[0]))
        for it in self:
            lines.append(f"{it.sku:<10}{it.name:<12}{it.price:>8.2f}{it.qty:>5d}{it.value:>10,.2f}")
        lines.append(f"{'TOTAL':<35}{self.total:>10,.2f}")
        return "\n".join(lines)


inv = Inventory()
inv.add(Item("widget", 2.5, 100, tags=["metal", "small"]))
inv.add(Item("gadget", 12.99, 7))
inv.add(Item.from_string(" gizmo , 149.5, 3"))
inv.add(PerishableItem("milk", 1.19, 24, days=3))
inv.add(Item("widget", 2.5, 20))
print(inv.report())
print(len(inv), "gizmo" in inv, "sprocket" in inv)
print(inv["widget"], inv["milk"])
print(inv["gadget"].price_with_tax, inv["milk"].price_with_tax)

for bad in [("price", "free"), ("price", -1), ("qty", -5)]:
    try:
        setattr(inv["gadget"], bad[0], bad[1])
    except ValidationError as e:
        print(type(e).__name__, e, "field =", e.field, isinstance(e, ValueError))

try:
    inv.remove("gizmo", 10)
except ValueError as e:
    print("remove failed:", e)
try:
    inv["sprocket"]
except KeyError as e:
    print("missing:", e, repr(e))

milk = inv["milk"]
while milk.age() > 0:
    print("milk days left", milk.days, "qty", milk.qty)
print(milk, milk.value)
print(sorted(inv["widget"].tags), sorted(milk.tags))
print(Item("a", 1) == Item("a", 1.0), Item("a", 1) == "a", len({Item("a", 1), Item("a", 1.0)}))
print(Item._next_sku, PerishableItem._next_sku, Item.TAX_RATE, PerishableItem.TAX_RATE)
print(type(Item.__dict__["price"]).__name__, Item.price.fget.__name__)
print([c.__name__ for c in PerishableItem.__mro__])
print(inv.report())
