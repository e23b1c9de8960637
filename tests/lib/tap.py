# SPDX-License-Identifier: GPL-3.0-or-later
"""tap.py: what the Python test scripts share: TAP lines, and the exit status they add up to."""
import sys


class Tap:
    def __init__(self, planned):
        print(f"1..{planned}")
        self.status = 0

    def report(self, n, ok, text):
        print(("ok" if ok else "not ok") + f" {n} {text}")
        self.status |= not ok

    def exit(self):
        sys.exit(self.status)
