# A tiny text adventure with a command parser, driven by a script of commands.

class GameError(Exception):
    pass


class Room:
    def __init__(self, name, description):
        self.name = name
        self.description = description
        self.exits = {}
        self.items = []

    def connect(self, direction, other, back=None):
        self.exits[direction] = other
        if back:
            other.exits[back] = self

    def __repr__(self):
        return f"Room({self.name!r})"


class Player:
    def __init__(self, start):
        self.location = start
        self.inventory = []
        self.moves = 0
        self.score = 0

    def move(self, direction):
        try:
            self.location = self.location.exits[direction]
        except KeyError:
            raise GameError(f"You can't go {direction} from the {self.location.name}.") from None
        self.moves += 1
        return self.location

    def take(self, item):
        if item not in self.location.items:
            raise GameError(f"There is no {item} here.")
        self.location.items.remove(item)
        self.inventory.append(item)
        self.score += 10 * len(item)

    def drop(self, item):
        if item not in self.inventory:
            raise GameError("You don't have that.")
        self.inventory.remove(item)
        self.location.items.append(item)


OPPOSITE = {"north": "south", "south": "north", "east": "west", "west": "east",
            "up": "down", "down": "up"}
ALIASES = {"n": "north", "s": "south", "e": "east", "w": "west", "u": "up", "d": "down",
           "get": "take", "grab": "take", "i": "inventory", "l": "look"}


def build_world():
    hall = Room("hall", "A draughty hall with portraits.")
    kitchen = Room("kitchen", "Smells of old bread.")
    cellar = Room("cellar", "Dark and damp.")
    garden = Room("garden", "Overgrown roses everywhere.")
    tower = Room("tower", "Wind howls through the slits.")
    hall.connect("east", kitchen, "west")
    kitchen.connect("down", cellar, "up")
    hall.connect("north", garden, "south")
    garden.connect("up", tower, "down")
    kitchen.items += ["knife", "bread"]
    cellar.items.append("lantern")
    tower.items.append("crown")
    return hall


def parse(line):
    words = line.lower().split()
    if not words:
        return None, []
    verb, *rest = words
    verb = ALIASES.get(verb, verb)
    rest = [w for w in rest if w not in ("the", "a", "an")]
    if verb in OPPOSITE:
        return "go", [verb]
    if verb == "go" and rest:
        rest[0] = ALIASES.get(rest[0], rest[0])
    return verb, rest


def describe(room):
    out = [f"== {room.name.title()} ==", room.description]
    if room.items:
        out.append("You see: " + ", ".join(sorted(room.items)))
    out.append("Exits: " + " ".join(sorted(room.exits)))
    return "\n".join(out)


def run(commands):
    player = Player(build_world())
    print(describe(player.location))
    handlers = {}

    def command(name):
        def register(fn):
            handlers[name] = fn
            return fn
        return register

    @command("go")
    def do_go(args):
        if not args:
            raise GameError("Go where?")
        print(describe(player.move(args[0])))

    @command("take")
    def do_take(args):
        for item in args:
            player.take(item)
            print(f"Taken: {item}")

    @command("drop")
    def do_drop(args):
        player.drop(" ".join(args))
        print("Dropped.")

    @command("inventory")
    def do_inv(args):
        if player.inventory:
            for n, item in enumerate(player.inventory, 1):
                print(f"  {n:>2}. {item:<10}|")
        else:
            print("You are empty-handed.")

    @command("look")
    def do_look(args):
        print(describe(player.location))

    for line in commands:
        print(f"> {line}")
        verb, args = parse(line)
        if verb is None:
            continue
        if verb == "quit":
            break
        handler = handlers.get(verb)
        try:
            if handler is None:
                raise GameError(f"I don't know how to {verb!r}.")
            handler(args)
        except GameError as e:
            print("!!", e)
    print(f"Moves: {player.moves}, score: {player.score}, carrying {len(player.inventory)} item(s)")
    return player


script = ["look", "e", "get the knife", "take bread spoon", "i", "go down", "grab lantern",
          "w", "u", "west", "dance", "", "go", "drop knife", "drop sword", "l",
          "u", "n", "go up", "take crown", "inventory", "quit", "look"]
p = run(script)
print(p.location, sorted(p.inventory))
