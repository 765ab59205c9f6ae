"""Gunicorn settings shared by every environment, read by each master at its start.

Besides the settings, each worker reports once it has loaded the application: it runs one
request for the health path (with the environment's main domain as Host) through the
loaded WSGI application and writes the outcome to VERDANDI_READY_DIR/<master>.<worker>.
The deploy waits for these reports from a new master before it retires the old one. A
worker of such a new master whose request fails exits before it accepts any connection,
so a release that cannot boot or answer never receives traffic.

While VERDANDI_READY_DIR/hold exists (the deploy is still checking the release's other
processes), a ready worker of a new master waits for VERDANDI_READY_DIR/go.<master>
before it accepts connections: a release whose worker or beat fails never serves a page.
"""
import io
import os
import sys
import time

# Logs go to standard output and error: the journal under systemd.
accesslog = "-"
errorlog = "-"
# The front (NGINX, over the private network) sets X-Forwarded-*; only it can reach the port.
forwarded_allow_ips = "*"
timeout = 60
graceful_timeout = 30
# How long a ready worker of a new master waits for the deploy's go (see above).
HOLD_SECONDS = 120


def _probe(app):
    host = os.environ.get("VERDANDI_HEALTH_HOST", "localhost")
    path, _, query = os.environ.get("VERDANDI_HEALTH_PATH", "/").partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": host,
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": host,
        "HTTP_USER_AGENT": "verdandi-readiness",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"] = status
        return lambda data: None

    try:
        body = app(environ, start_response)
        try:
            for _ in body:
                pass
        finally:
            if hasattr(body, "close"):
                body.close()
    except Exception as e:  # the outcome is reported, the worker keeps running
        return "fail %s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")
    status = seen.get("status", "000 none")
    code = int(status.split()[0])
    return ("ok " if code < 400 else "fail ") + status


def post_worker_init(worker):
    ready_dir = os.environ.get("VERDANDI_READY_DIR")
    if not ready_dir:
        return
    outcome = _probe(worker.wsgi)
    path = os.path.join(ready_dir, "%d.%d" % (os.getppid(), os.getpid()))
    try:
        with open(path + ".tmp", "w") as f:
            f.write(outcome + "\n")
        os.replace(path + ".tmp", path)
    except OSError as e:
        worker.log.warning("cannot write the readiness report %s: %s", path, e)
    if not outcome.startswith("ok"):
        worker.log.error("readiness check of %s failed: %s",
                         os.environ.get("VERDANDI_HEALTH_PATH", "/"), outcome)
        if os.environ.get("GUNICORN_PID"):
            # A master started by a deploy (USR2) while the previous one still serves: this
            # worker must not take a request. Exiting with gunicorn's boot error stops the
            # new master; the previous one never stopped serving.
            from gunicorn.arbiter import Arbiter
            sys.exit(Arbiter.WORKER_BOOT_ERROR)
    elif os.environ.get("GUNICORN_PID"):
        _hold(worker, ready_dir)


def _held_by(hold):
    """The master the deploy is replacing (the hold file names it), or None."""
    try:
        with open(hold) as f:
            return int(f.read().strip() or 0)
    except (OSError, ValueError):
        return None


def _hold(worker, ready_dir):
    hold = os.path.join(ready_dir, "hold")
    go = os.path.join(ready_dir, "go.%d" % os.getppid())
    if _held_by(hold) == os.getppid():
        return  # a worker the serving master replaces keeps serving
    deadline = time.monotonic() + HOLD_SECONDS
    while os.path.exists(hold) and not os.path.exists(go):
        if time.monotonic() > deadline:
            worker.log.error("no go from the deploy within %ds: this worker does not serve", HOLD_SECONDS)
            from gunicorn.arbiter import Arbiter
            sys.exit(Arbiter.WORKER_BOOT_ERROR)
        worker.notify()
        time.sleep(0.05)
