# Readiness of mangaki-NAME@PROCESS.service (Type=notify; docs/deploy.md, "Readiness").
# Loaded by Python's site module through PYTHONPATH (process-start, Celery commands only):
# READY=1 (sd_notify) on Celery's worker_init (the app and its task modules loaded; not
# worker_ready, which waits for the broker: a worker keeps retrying while Redis is down) or
# beat_init signal. Run as a script with a command: READY=1, then `bash -c COMMAND`.
import importlib.machinery, importlib.util, os, socket, sys


def ready(**_):
    path = os.environ.pop("NOTIFY_SOCKET", "")
    if path:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as s:
            s.connect("\0" + path[1:] if path[0] == "@" else path)
            s.sendall(b"READY=1")


if __name__ == "__main__":
    ready()
    os.execvp("bash", ["bash", "-c", sys.argv[1]])
try:
    from celery import signals
except ImportError:
    pass
else:
    signals.worker_init.connect(ready, weak=False)
    signals.beat_init.connect(ready, weak=False)
# then the sitecustomize this one hides, if any
here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.machinery.PathFinder.find_spec("sitecustomize", [p for p in sys.path if os.path.abspath(p or ".") != here])
if spec and spec.loader:
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
