"""Speed and memory benchmarks (``nox -s bench``); targets live here, never in timed tests."""
