"""Run the same code in many threads at once, one database connection each."""

import threading

from django.db import connection


def run_concurrently(target, args_list):
    """Run target(*args) in one thread per args, all released together; return (results, errors)."""
    barrier = threading.Barrier(len(args_list))
    results, errors = [], []
    lock = threading.Lock()

    def worker(*args):
        try:
            barrier.wait()
            value = target(*args)
            with lock:
                results.append(value)
        except Exception as exc:  # noqa: BLE001 — collected and asserted on below
            with lock:
                errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=args) for args in args_list]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)  # a bound for a hung thread; a loaded machine is slow
    return results, errors
