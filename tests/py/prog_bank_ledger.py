# Bank ledger with custom exceptions, exception chaining and context.

class LedgerError(Exception):
    """Base class for ledger problems."""


class InsufficientFunds(LedgerError):
    def __init__(self, account, amount, balance):
        super().__init__(account, amount, balance)
        self.account = account
        self.amount = amount
        self.balance = balance

    def __str__(self):
        return (f"account {self.account} cannot withdraw {self.amount:.2f}; "
                f"balance is {self.balance:.2f}")


class AccountNotFound(LedgerError, KeyError):
    pass


class FrozenAccount(LedgerError):
    pass


class TransferFailed(LedgerError):
    pass


class Account:
    def __init__(self, number, owner, balance=0.0):
        self.number = number
        self.owner = owner
        self.balance = balance
        self.frozen = False
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"deposit must be positive, not {amount}")
        self._check()
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        self._check()
        if amount > self.balance:
            raise InsufficientFunds(self.number, amount, self.balance)
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def _check(self):
        if self.frozen:
            raise FrozenAccount(f"account {self.number} is frozen")


class Bank:
    def __init__(self):
        self.accounts = {}
        self.log = []

    def open(self, owner, initial=0.0):
        number = f"AC{len(self.accounts) + 1:03d}"
        self.accounts[number] = Account(number, owner, initial)
        return number

    def get(self, number):
        try:
            return self.accounts[number]
        except KeyError as e:
            raise AccountNotFound(number) from e

    def transfer(self, src, dst, amount):
        a = self.get(src)
        b = self.get(dst)
        try:
            a.withdraw(amount)
            try:
                b.deposit(amount)
            except LedgerError:
                a.balance += amount  # roll back
                raise
        except LedgerError as e:
            self.log.append(f"FAILED {src}->{dst} {amount}")
            raise TransferFailed(f"transfer of {amount} from {src} to {dst} failed") from e
        self.log.append(f"OK {src}->{dst} {amount}")


bank = Bank()
alice = bank.open("alice", 100.0)
bob = bank.open("bob", 50.0)
carol = bank.open("carol")

ops = [
    (alice, bob, 30.0),
    (bob, carol, 100.0),
    (carol, alice, 0.5),
    (alice, "AC999", 1.0),
    (bob, carol, 80.0),
]
for src, dst, amt in ops:
    try:
        bank.transfer(src, dst, amt)
        print(f"transferred {amt} {src}->{dst}")
    except TransferFailed as e:
        print("TransferFailed:", e)
        print("  cause:", type(e.__cause__).__name__, "-", e.__cause__)
        print("  suppress_context:", e.__suppress_context__)
    except AccountNotFound as e:
        print("AccountNotFound:", e, "| is KeyError:", isinstance(e, KeyError))
        print("  cause:", repr(e.__cause__))

bank.get(carol).frozen = True
try:
    bank.transfer(alice, carol, 10)
except TransferFailed as e:
    print("TransferFailed:", e, "<-", repr(e.__cause__))
print("alice after rollback:", bank.get(alice).balance)

# implicit chaining (__context__) when handling code fails
def audit(number):
    try:
        acct = bank.get(number)
        return acct.balance / len(acct.history)
    except ZeroDivisionError:
        raise LedgerError(f"no history for {number}")

for n in [alice, carol]:
    try:
        print(n, "average", audit(n))
    except LedgerError as e:
        ctx = e.__context__
        print("LedgerError:", e, "| context:", type(ctx).__name__, ctx, "| cause:", e.__cause__)

try:
    bank.get(alice).deposit(-5)
except ValueError as e:
    print("ValueError:", e, e.args)

try:
    try:
        bank.get(bob).withdraw(1e6)
    except InsufficientFunds as e:
        print("caught:", e)
        print("args:", e.args)
        raise
except LedgerError as e:
    print("re-raised as same object:", type(e).__name__)

try:
    raise TransferFailed("outer") from None
except TransferFailed as e:
    print(e.__cause__, e.__suppress_context__)

# exception groups-free multi-except and finally ordering
def risky(kind):
    events = []
    try:
        events.append("try")
        if kind == "key":
            {}["nope"]
        elif kind == "index":
            [][3]
        elif kind == "ok":
            return events
    except (KeyError, IndexError) as e:
        events.append(f"except {type(e).__name__}: {e}")
    else:
        events.append("else")
    finally:
        events.append("finally")
    return events

for k in ["key", "index", "ok", "other"]:
    print(k, risky(k))

for number, acct in bank.accounts.items():
    print(f"{number} {acct.owner:<6} {acct.balance:>8.2f} frozen={acct.frozen} {acct.history}")
print(bank.log)
print(LedgerError.__doc__, [c.__name__ for c in AccountNotFound.__mro__])
