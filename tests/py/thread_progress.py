# The GIL is handed over on request: a thread spinning in pure Python
# cannot starve a thread that sleeps, and both make progress.
import sys, threading, time

stop = False
spins = 0
naps = 0

def spinner():
    global spins
    while not stop:
        spins += 1

def sleeper():
    global naps
    while not stop:
        time.sleep(0.001)
        naps += 1

print(sys.getswitchinterval())
a = threading.Thread(target=spinner)
b = threading.Thread(target=sleeper)
a.start(); b.start()
deadline = time.monotonic() + 30   # generous: valgrind schedules threads slowly
while (spins < 1000 or naps < 20) and time.monotonic() < deadline:
    time.sleep(0.01)
stop = True
a.join(); b.join()
print("spinner progressed:", spins >= 1000)
print("sleeper progressed:", naps >= 20)
print("main thread progressed:", True)
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
