#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs commands in alternating rounds and prints what each cost: CPU and wall time, memory.

    bench/measure.py RUNS REFERENCE 'NAME|[VAR=VALUE…] PROGRAM ARG…' …

Each round runs every command once, in the order given, its output thrown away. For each
run it records the wall time and, through /usr/bin/time (the kernel's account of the
child, from wait4), its user and system CPU time (every thread, and whatever the program
became by exec) and its peak resident memory. (Not wait4 here: a child of Python starts
as a copy of Python, whose resident memory the kernel counts in the child's peak.) It
prints, per command, the median and the range over the rounds,
then each command's ratio to REFERENCE (one of the names): the ratio of the medians and
the range of the ratios within a round (the two runs of a round are next to each other,
so they share the machine's load).
"""
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time


def parse(spec):
    name, _, words = spec.partition("|")
    argv = shlex.split(words)
    env = dict(os.environ)
    while argv and "=" in argv[0] and "/" not in argv[0].split("=", 1)[0]:
        key, _, value = argv.pop(0).partition("=")
        env[key] = value
    return name, argv, env


def run(argv, env):
    with tempfile.NamedTemporaryFile("r") as account:
        start = time.monotonic()
        status = subprocess.call(["/usr/bin/time", "-f", "%U %S %M", "-o", account.name, *argv],
                                 env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        wall = time.monotonic() - start
        if status != 0:
            sys.exit(f"{argv[0]} exited with {status}")
        user, system, rss = account.read().split()[-3:]
    return {"wall": wall, "user": float(user), "sys": float(system),
            "cpu": float(user) + float(system), "rss": int(rss) / 1024.0}


def spread(values, fmt):
    return f"{fmt % statistics.median(values)} ({fmt % min(values)}–{fmt % max(values)})"


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    runs = int(sys.argv[1])
    reference = sys.argv[2]
    commands = [parse(spec) for spec in sys.argv[3:]]
    names = [name for name, _, _ in commands]
    if reference not in names:
        sys.exit(f"no command is named {reference}")
    results = {name: [] for name in names}
    for _ in range(runs):
        for name, argv, env in commands:
            results[name].append(run(argv, env))

    width = max(len(name) for name in names)
    print(f"{runs} alternating round(s); median (min–max); CPU = user + system, all threads")
    for name in names:
        r = results[name]
        print(f"  {name:<{width}}  CPU {spread([x['cpu'] for x in r], '%.2f')} s"
              f"  [user {statistics.median(x['user'] for x in r):.2f},"
              f" sys {statistics.median(x['sys'] for x in r):.2f}]"
              f"  wall {spread([x['wall'] for x in r], '%.2f')} s"
              f"  peak RSS {max(x['rss'] for x in r):.1f} MiB")
    ref = results[reference]
    for name in names:
        if name == reference:
            continue
        r = results[name]
        for what in ("cpu", "wall"):
            mine = statistics.median(x[what] for x in r)
            theirs = statistics.median(x[what] for x in ref)
            per_round = [a[what] / b[what] for a, b in zip(r, ref)]
            print(f"  {name} / {reference}, {'CPU' if what == 'cpu' else 'wall'}:"
                  f" {mine / theirs:.2f} (per round {min(per_round):.2f}–{max(per_round):.2f})")


if __name__ == "__main__":
    main()
