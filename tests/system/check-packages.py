#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-packages.py SOURCE_ROOT [RUN]: every external program that the build, the tests,
./run and the scripts call is installed by a job of ./run (RUN, by default SOURCE_ROOT/run).

./run installs with --no-install-recommends, so a program that only a recommended package
brings, or that somebody installed by hand, is there on our machines and missing on a fresh
one. This test finds the programs (meson's find_program, dependency() and the programs its
modules run; subprocess calls and imports in Python; command words in shell scripts;
spawned argv in C), finds the file each resolves to in the system's directories, asks dpkg
which package owns it, and accepts it only when that package is Essential, is named in the
job's package list in RUN, or is a hard dependency (Depends, Pre-Depends) of one named
there. The build's programs must come from BUILD_PACKAGES; the tests', tools' and fuzzers'
from BUILD_PACKAGES and TEST_PACKAGES; the benchmarks' from BUILD_PACKAGES and
BENCH_PACKAGES. A program it cannot attribute is a failure that names it.

`check-packages.py --self-test SOURCE_ROOT` checks the checker: the scanner finds commands
where shell puts them, and a copy of ./run without a package that a test needs fails.
TAP output."""
import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile

SYSTEM_PATH = "/usr/sbin:/usr/bin:/sbin:/bin"   # what ./run puts first on PATH
SKIP_DIRS = {".git", "__pycache__", ".flatpak-builder", "node_modules"}
SETS = {"build": ("BUILD",), "test": ("BUILD", "TEST"), "bench": ("BUILD", "BENCH")}

# ---------------------------------------------------------------------------------------------
# Where a file's programs must come from

def job_of(rel):
    """The job that needs a file's programs: build, test or bench."""
    top = rel.split("/", 1)[0]
    if top in ("tests", "fuzz", "tools", ".ci") or rel == "run":
        return "test"
    if top == "bench":
        return "bench"
    return "build"


def project_files(root):
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("build"))
        for name in sorted(files):
            path = os.path.join(folder, name)
            yield os.path.relpath(path, root), path


def shebang(path):
    try:
        with open(path, "rb") as f:
            first = f.readline(200)
    except OSError:
        return None
    if first.startswith(b"#!"):
        return first[2:].decode(errors="replace").split()
    return None

# ---------------------------------------------------------------------------------------------
# Shell: the words in command position

BUILTINS = set("""
if then else elif fi for in do done while until case esac function select time { } [[ ]] !
. : source alias bg bind break builtin caller cd command compgen complete continue declare
dirs disown echo enable eval exec exit export false fc fg getopts hash help history jobs
kill let local logout mapfile popd printf pushd pwd read readarray readonly return set
shift shopt suspend test [ times trap true type typeset ulimit umask unalias unset wait
""".split())
KEYWORDS_THEN_COMMAND = {"then", "do", "else", "elif", "if", "while", "until", "!", "time",
                         "{", "builtin"}
# Programs that run the command after their options, and their options that take a value.
WRAPPERS = {
    "exec": {"-a"},
    "command": set(),                    # command -v NAME looks NAME up: NAME is needed
    "env": {"-u", "--unset", "-C", "--chdir"},
    "timeout": {"-s", "--signal", "-k", "--kill-after"},
    "xvfb-run": {"-s", "--server-args", "-n", "--server-num", "-e", "--error-file", "-f",
                 "--auth-file", "-p", "--xauth-protocol", "-w", "--wait"},
    "dbus-run-session": {"--config-file", "--dbus-daemon"},
    "sudo": {"-u", "-g"},
    "nice": {"-n"},
    "nohup": set(),
    "setsid": set(),
    "stdbuf": {"-i", "-o", "-e"},
    "unshare": set(),
    "strace": {"-e", "-o", "-p", "-s", "-E", "-u"},
    "valgrind": set(),
    "xargs": {"-n", "-P", "-I", "-d", "-a", "-s", "-E", "-L"},
}
ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\[[^]]*\])?\+?=")
TRANSPARENT = re.compile(r'^"?\$\{[A-Za-z_][A-Za-z0-9_]*\[@\]\}"?$')   # "${sudo[@]}": maybe empty


class ShellScanner:
    """A small shell lexer: enough of POSIX sh and bash to say which words are commands."""

    def __init__(self, text):
        self.s = text
        self.i = 0
        self.commands = []      # (word, line)
        self.functions = set()

    def line(self):
        return self.s.count("\n", 0, self.i) + 1

    def scan(self):
        self.sequence(end=None)
        return [(w, ln) for w, ln in self.commands if w not in self.functions]

    def skip_heredocs(self, pending):
        # after a newline: skip each pending here-document body up to its delimiter line
        for delim in pending:
            while self.i < len(self.s):
                end = self.s.find("\n", self.i)
                end = len(self.s) if end < 0 else end
                body_line = self.s[self.i:end]
                self.i = end + 1
                if body_line.strip() == delim:
                    break
        pending.clear()

    def word(self):
        """Reads one word from here; returns (text, dynamic): dynamic when it holds an
        unquoted or double-quoted expansion, so its value is not known here."""
        out, dynamic = [], False
        s = self.s
        while self.i < len(s):
            c = s[self.i]
            if c == "(" and out and out[-1] == "=":   # name=(…): an array, one word
                end = self.matching(self.i, "(", ")")
                out.append(s[self.i:end + 1])
                self.i = end + 1
                continue
            if c in " \t\n;&|()<>":
                break
            if c == "\\" and self.i + 1 < len(s):
                if s[self.i + 1] == "\n":
                    self.i += 2
                    continue
                out.append(s[self.i + 1])
                self.i += 2
            elif c == "'":
                end = s.find("'", self.i + 1)
                end = len(s) if end < 0 else end
                out.append(s[self.i + 1:end])
                self.i = end + 1
            elif c == '"':
                self.i += 1
                while self.i < len(s) and s[self.i] != '"':
                    if s[self.i] == "\\":
                        out.append(s[self.i + 1:self.i + 2])
                        self.i += 2
                    elif s[self.i] == "$":
                        dynamic = True
                        self.dollar(out)
                    elif s[self.i] == "`":
                        dynamic = True
                        self.backtick()
                    else:
                        out.append(s[self.i])
                        self.i += 1
                self.i += 1
            elif c == "$":
                dynamic = True
                self.dollar(out)
            elif c == "`":
                dynamic = True
                self.backtick()
            else:
                out.append(c)
                self.i += 1
        return "".join(out), dynamic

    def dollar(self, out):
        s = self.s
        if s.startswith("$((", self.i):          # arithmetic
            self.i = self.matching(self.i + 1, "(", ")") + 1
        elif s.startswith("$(", self.i):
            self.i += 2
            self.sequence(end=")")
        elif s.startswith("${", self.i):
            self.i = self.matching(self.i + 1, "{", "}") + 1
        else:
            out.append("$")
            self.i += 1
            m = re.match(r"[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-]", s[self.i:])
            if m:
                self.i += m.end()

    def backtick(self):
        end = self.s.find("`", self.i + 1)
        end = len(self.s) if end < 0 else end
        inner = ShellScanner(self.s[self.i + 1:end])
        base = self.line() - 1
        self.commands += [(w, ln + base) for w, ln in inner.scan()]
        self.functions |= inner.functions
        self.i = end + 1

    def matching(self, start, open_c, close_c):
        depth, j = 0, start
        while j < len(self.s):
            if self.s[j] == open_c:
                depth += 1
            elif self.s[j] == close_c:
                depth -= 1
                if depth == 0:
                    return j
            j += 1
        return len(self.s)

    def sequence(self, end):
        """Reads commands until the closing `end` character (or the end of the text)."""
        s = self.s
        command_position = True
        wrapper = None          # options of the wrapper whose command comes next
        skip_value = False      # the next word is a wrapper option's value
        redirect = False        # the next word is a redirection target
        skip_words_until = None  # for/case/select: words until this are not commands
        last_command = None
        pending_heredocs = []
        depth = 0
        while self.i < len(s):
            c = s[self.i]
            if c == "\n":
                self.i += 1
                self.skip_heredocs(pending_heredocs)
                command_position, wrapper, skip_words_until = True, None, None
                continue
            if c in " \t":
                self.i += 1
                continue
            if c == "\\" and s.startswith("\\\n", self.i):
                self.i += 2
                continue
            if c == "#" and (self.i == 0 or s[self.i - 1] in " \t\n;(|&"):
                nl = s.find("\n", self.i)
                self.i = len(s) if nl < 0 else nl
                continue
            if end and c == end and depth == 0:
                self.i += 1
                return
            if s.startswith("((", self.i):       # arithmetic: (( … )) and for (( … ))
                self.i = self.matching(self.i, "(", ")") + 1
                continue
            if s.startswith("<<", self.i) and not s.startswith("<<<", self.i):
                m = re.match(r"<<-?\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\1", s[self.i:])
                if m:
                    pending_heredocs.append(m.group(2))
                    self.i += m.end()
                    continue
            if s.startswith("<(", self.i) or s.startswith(">(", self.i):
                self.i += 2
                self.sequence(end=")")
                redirect = False                 # it was the redirection's target
                continue
            if c in "<>":
                self.i += 1
                while self.i < len(s) and s[self.i] in "<>&|":
                    self.i += 1
                redirect = True
                continue
            if c in ";&|":
                self.i += 1
                while self.i < len(s) and s[self.i] in ";&|":
                    self.i += 1
                command_position, wrapper, skip_words_until = True, None, None
                continue
            if c == "(":
                self.i += 1
                depth += 1
                command_position = True
                continue
            if c == ")":
                self.i += 1
                if depth > 0:
                    depth -= 1
                elif last_command is not None and self.commands and \
                        self.commands[-1] == last_command:
                    self.commands.pop()          # a case pattern, "name)": not a command
                command_position = True
                continue
            start = self.i
            text, dynamic = self.word()
            if self.i == start:                  # nothing readable: step over it
                self.i += 1
                continue
            if redirect:
                redirect = False
                continue
            if skip_words_until is not None:
                if text == skip_words_until:
                    skip_words_until = None
                    command_position = text == "do"
                continue
            if not command_position:
                continue
            if re.match(r"\s*\(\s*\)", s[self.i:]) and not dynamic:   # "name ()" defines it
                self.functions.add(text)
                self.i = s.index(")", self.i) + 1
                continue
            if ASSIGNMENT.match(text) and not text.startswith("="):
                if s.startswith("(", self.i):    # an array: its words are not commands
                    self.i = self.matching(self.i, "(", ")") + 1
                continue                          # still in command position
            if dynamic and TRANSPARENT.match(s[start:self.i]):
                continue
            if wrapper is not None and dynamic:  # "$@" after env or valgrind: options
                continue
            if wrapper is not None:
                if skip_value:
                    skip_value = False
                    continue
                if text.startswith("-") or text.isdigit() or (text and text[0] == "+"):
                    skip_value = text in wrapper
                    continue
            if text in ("for", "select"):
                skip_words_until, command_position = "do", False
                continue
            if text == "case":
                skip_words_until, command_position = "in", False
                continue
            if text in KEYWORDS_THEN_COMMAND or text == "function":
                wrapper = None
                continue
            command_position = False
            wrapper = None
            if dynamic:
                continue
            last_command = (text, self.line())
            self.commands.append(last_command)
            if text in WRAPPERS:
                wrapper, command_position = WRAPPERS[text], True


def shell_programs(text):
    return [(w, ln) for w, ln in ShellScanner(text).scan() if w not in BUILTINS]

# ---------------------------------------------------------------------------------------------
# Python: subprocess calls, shutil.which, imports

SPAWNERS = {("subprocess", n) for n in ("run", "Popen", "call", "check_call", "check_output")}
SPAWNERS |= {("os", n) for n in ("execv", "execvp", "execve", "execvpe", "execl", "execlp",
                                 "spawnv", "spawnvp")}


def python_programs(text, path):
    tree = ast.parse(text, path)
    lists = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, (ast.List, ast.BinOp)):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    lists.setdefault(target.id, []).append(node.value)
    found = []

    def first_of(value, seen=()):
        if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
            return first_of(value.left, seen)
        if isinstance(value, (ast.List, ast.Tuple)) and value.elts:
            return first_of(value.elts[0], seen)
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            return [value.value]
        if isinstance(value, ast.Name) and value.id in lists and value.id not in seen:
            return [p for v in lists[value.id] for p in first_of(v, seen + (value.id,))]
        return []

    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and
                isinstance(node.func.value, ast.Name)) or not node.args:
            continue
        key = (node.func.value.id, node.func.attr)
        if key in SPAWNERS or key == ("shutil", "which"):
            for program in first_of(node.args[0]):
                found.append((program, node.lineno))
        elif key == ("os", "system"):
            for command in first_of(node.args[0]):
                found += [(w, node.lineno) for w, _ in shell_programs(command)]
    return found


def python_imports(text, path, root):
    here = os.path.dirname(path)
    shared = os.path.join(root, "tests", "lib")
    modules = []
    for node in ast.walk(ast.parse(text, path)):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        for name in names:
            top = name.split(".")[0]
            if top in sys.stdlib_module_names or any(
                    os.path.exists(os.path.join(d, top + ".py")) for d in (here, shared)):
                continue
            modules.append((top, node.lineno))
    return modules

# ---------------------------------------------------------------------------------------------
# meson

MESON_MODULE_PROGRAMS = [
    (r"gnome\.compile_resources\s*\(", ["glib-compile-resources"]),
    (r"gnome\.compile_schemas\s*\(|glib_compile_schemas\s*:\s*true", ["glib-compile-schemas"]),
    (r"gtk_update_icon_cache\s*:\s*true", ["gtk4-update-icon-cache"]),
    (r"update_desktop_database\s*:\s*true", ["update-desktop-database"]),
    (r"gnome\.yelp\s*\(", ["itstool"]),
    (r"i18n\.merge_file\s*\(", ["msgfmt"]),
    (r"i18n\.gettext\s*\(", ["msgfmt", "xgettext", "msgmerge", "msginit"]),
    (r"^project\s*\(", ["meson", "ninja", "cc", "pkg-config"]),
]


def meson_uses(text):
    programs, modules = [], []
    for m in re.finditer(r"find_program\s*\(\s*'([^']+)'", text):
        programs.append((m.group(1), text.count("\n", 0, m.start()) + 1))
    for m in re.finditer(r"dependency\s*\(\s*'([^']+)'", text):
        modules.append((m.group(1), text.count("\n", 0, m.start()) + 1))
    for pattern, names in MESON_MODULE_PROGRAMS:
        for m in re.finditer(pattern, text, re.M):
            programs += [(n, text.count("\n", 0, m.start()) + 1) for n in names]
    return programs, modules

# ---------------------------------------------------------------------------------------------
# C: literal argv[0] of spawned programs

C_SPAWN = [
    re.compile(r'argv\s*\[\s*\]\s*=\s*\{\s*"([^"]+)"'),
    re.compile(r'g_subprocess_new\s*\(\s*[^,]+,\s*[^,]+,\s*"([^"]+)"'),
    re.compile(r'g_subprocess_launcher_spawn\s*\(\s*[^,]+,\s*[^,]+,\s*"([^"]+)"'),
    re.compile(r'g_spawn_command_line_\w+\s*\(\s*"([^" ]+)'),
]


def c_programs(text):
    found = []
    for pattern in C_SPAWN:
        for m in pattern.finditer(text):
            found.append((m.group(1), text.count("\n", 0, m.start()) + 1))
    return found

# ---------------------------------------------------------------------------------------------
# Every use, with where it is and which job needs it

def uses(root):
    """Yields (kind, name, where, job): kind is program, path, module or pkg-config."""
    for rel, path in project_files(root):
        job = job_of(rel)
        name = os.path.basename(rel)
        try:
            text = open(path, encoding="utf-8").read()
        except (UnicodeDecodeError, OSError):
            continue
        interpreter = shebang(path)
        if interpreter:
            program = interpreter[1] if os.path.basename(interpreter[0]) == "env" and \
                len(interpreter) > 1 else interpreter[0]
            yield "program", program, f"{rel}:1", job
            if os.path.basename(interpreter[0]) == "env":
                yield "program", interpreter[0], f"{rel}:1", job
        is_shell = rel in ("run", ".ci/run") or name.endswith(".sh") or \
            (interpreter and os.path.basename(interpreter[-1]) in ("sh", "bash"))
        if name == "meson.build":
            programs, modules = meson_uses(text)
            for p, ln in programs:
                yield "program", p, f"{rel}:{ln}", job
            for m, ln in modules:
                yield "pkg-config", m, f"{rel}:{ln}", job
        elif is_shell:
            for p, ln in shell_programs(text):
                yield "program", p, f"{rel}:{ln}", job
        elif name.endswith(".py"):
            for p, ln in python_programs(text, path):
                yield "program", p, f"{rel}:{ln}", job
            for m, ln in python_imports(text, path, root):
                yield "module", m, f"{rel}:{ln}", job
        elif name.endswith(".c") and job != "build":
            for p, ln in c_programs(text):
                yield "program", p, f"{rel}:{ln}", job

# ---------------------------------------------------------------------------------------------
# Packages: what ./run names, what dpkg says

def run_lists(run_path):
    text = open(run_path).read()
    lists = {}
    for m in re.finditer(r"^([A-Z]+)_PACKAGES=\(([^)]*)\)", text, re.M):
        words = [w for line in m.group(2).splitlines() for w in line.split("#", 1)[0].split()]
        lists[m.group(1)] = words
    return lists


class Dpkg:
    def __init__(self):
        out = subprocess.run(["dpkg-query", "-W", "-f",
                              "${Package}\t${Status}\t${Essential}\t${Depends}\t"
                              "${Pre-Depends}\t${Provides}\n"],
                             capture_output=True, text=True, check=True).stdout
        self.installed, self.essential, self.depends, self.providers = set(), set(), {}, {}
        for line in out.splitlines():
            name, status, essential, depends, pre, provides = (line.split("\t") + [""] * 6)[:6]
            if not status.endswith("ok installed"):
                continue
            self.installed.add(name)
            if essential == "yes":
                self.essential.add(name)
            self.depends[name] = [alt for field in (depends, pre) for alt in field.split(",")
                                  if alt.strip()]
            for p in provides.split(","):
                if p.strip():
                    self.providers.setdefault(self.bare(p), set()).add(name)
        self.owners = {}

    @staticmethod
    def bare(spec):
        return spec.strip().split(" ")[0].split(":")[0]

    def satisfiers(self, alternatives):
        names = set()
        for alt in alternatives.split("|"):
            n = self.bare(alt)
            if n in self.installed:
                names.add(n)
            names |= self.providers.get(n, set()) & self.installed
        return names

    def closure(self, packages):
        seen, todo = set(), [p for p in packages if p in self.installed]
        while todo:
            p = todo.pop()
            if p in seen:
                continue
            seen.add(p)
            for dep in self.depends.get(p, []):
                todo += sorted(self.satisfiers(dep) - seen)
        return seen

    def owner(self, path):
        """The packages that own a file, trying the path, /usr merged, and its target."""
        candidates = [path]
        for a, b in (("/bin/", "/usr/bin/"), ("/sbin/", "/usr/sbin/"), ("/lib/", "/usr/lib/")):
            if path.startswith(a):
                candidates.append(b + path[len(a):])
            elif path.startswith(b):
                candidates.append(a + path[len(b):])
        candidates.append(os.path.realpath(path))
        for p in candidates:
            if p not in self.owners:
                run = subprocess.run(["dpkg-query", "-S", p], capture_output=True, text=True)
                owners = set()
                if run.returncode == 0:
                    for line in run.stdout.splitlines():
                        pkgs, _, owned = line.partition(": ")
                        if owned.strip() == p and not pkgs.startswith("diversion by"):
                            owners |= {self.bare(x) for x in pkgs.split(",")}
                self.owners[p] = owners
            if self.owners[p]:
                return self.owners[p]
        return set()


def locate(kind, name, root):
    """The file behind a use, or (None, why)."""
    if kind == "program":
        if "/" in name:
            if os.path.isabs(name):
                return (name, None) if os.path.exists(name) else (None, f"{name} does not exist")
            return ("", None)                       # one of the project's own files
        found = shutil.which(name, path=SYSTEM_PATH)
        if found:
            return found, None
        elsewhere = shutil.which(name)
        return None, (f"found only at {elsewhere}, which no Debian package installed"
                      if elsewhere else "not installed")
    if kind == "module":
        run = subprocess.run(["/usr/bin/python3", "-c",
                              "import importlib.util, sys\n"
                              "s = importlib.util.find_spec(sys.argv[1])\n"
                              "print(s.origin if s and s.origin else '')", name],
                             capture_output=True, text=True)
        origin = run.stdout.strip()
        if run.returncode == 0 and origin.startswith("/"):
            return origin, None
        return None, "the system's python3 cannot import it"
    run = subprocess.run(["pkg-config", "--variable=pcfiledir", name], capture_output=True,
                         text=True)
    pc = os.path.join(run.stdout.strip(), name + ".pc")
    if run.returncode == 0 and os.path.exists(pc):
        return pc, None
    return None, "pkg-config does not find it"


def check(root, run_path, out):
    """Prints a TAP line for each distinct (name, job); returns (failures, names seen)."""
    lists = run_lists(run_path)
    dpkg = Dpkg()
    allowed = {job: dpkg.closure([p for key in keys for p in lists.get(key, [])])
               for job, keys in SETS.items()}
    grouped = {}
    for kind, name, where, job in uses(root):
        grouped.setdefault((kind, name, job), []).append(where)
    failures, n = [], 0
    for (kind, name, job), wheres in sorted(grouped.items(), key=lambda k: (k[0][2], k[0][1])):
        path, why = locate(kind, name, root)
        if path == "":
            continue
        n += 1
        lists_named = " + ".join(f"{k}_PACKAGES" for k in SETS[job])
        label = f"{kind} {name} ({job}; {', '.join(wheres[:3])}" + \
            (f" and {len(wheres) - 3} more" if len(wheres) > 3 else "") + ")"
        if path is None:
            ok, detail = False, why
        else:
            owners = dpkg.owner(path)
            good = sorted(o for o in owners if o in dpkg.essential or o in allowed[job])
            if good:
                ok, detail = True, f"{path} from {good[0]}"
            elif owners:
                ok, detail = False, (f"{path} is from {', '.join(sorted(owners))}, which "
                                     f"{lists_named} in {os.path.basename(run_path)} do not "
                                     "install")
            else:
                ok, detail = False, f"{path} belongs to no Debian package"
        print(f"{'ok' if ok else 'not ok'} {n} {label}: {detail}", file=out)
        if not ok:
            failures.append(name)
    return failures, {name for _, name, _ in grouped}, n

# ---------------------------------------------------------------------------------------------

SHELL_FIXTURE = r'''
say () { printf '%s\n' "$*"; }
PACKAGES=(notacommand-a notacommand-b)
local list=() notacommand-i
X=1 Y=2 first-cmd --flag "$(second-cmd -x "$(third-cmd)")" | fourth-cmd && fifth-cmd || { sixth-cmd; }
"${sudo[@]}" seventh-cmd install
for word in notacommand-c notacommand-d; do eighth-cmd "$word"; done
case "$1" in
  notacommand-e) ninth-cmd ;;
  *) say hello ;;
esac
cat <<'EOF'
notacommand-f here-document body
EOF
xvfb-run -a -s "-screen 0 8x8x24" dbus-run-session -- tenth-cmd
timeout 5 env A=B eleventh-cmd > notacommand-g 2>/dev/null
value=$(( 1 + 2 )) ; [ -x twelfth ] && exec thirteenth-cmd "$@"
for ((i = 0; i < 3; i++)); do command -v fifteenth-cmd >/dev/null; done
read -r a b < <(fourteenth-cmd)
echo "x" # notacommand-h in a comment
'''


def self_test(root):
    print("1..3")
    status = 0
    found = [w for w, _ in shell_programs(SHELL_FIXTURE)]
    want = ["first-cmd", "second-cmd", "third-cmd", "fourth-cmd", "fifth-cmd", "sixth-cmd",
            "seventh-cmd", "eighth-cmd", "ninth-cmd", "cat", "xvfb-run", "dbus-run-session",
            "tenth-cmd", "timeout", "env", "eleventh-cmd", "thirteenth-cmd", "fourteenth-cmd",
            "fifteenth-cmd"]
    extra = [w for w in found if w.startswith("notacommand") or w in ("say", "word")]
    ok = sorted(set(found)) == sorted(want) and not extra
    print(f"{'ok' if ok else 'not ok'} 1 the shell scanner finds every command and nothing "
          f"else (missing {sorted(set(want) - set(found))}, extra {sorted(set(found) - set(want))})")
    status |= not ok

    # The programs this project is known to call are all found by the scan.
    names = {name for _, name, _, _ in uses(root)}
    known = {"gtk4-builder-tool", "xvfb-run", "dbus-run-session", "meson", "pdftotext",
             "valgrind", "strace", "flatpak-builder", "yelp-check", "appstreamcli",
             "desktop-file-validate", "glib-compile-schemas", "msgfmt", "xgettext", "unshare",
             "mount", "apt-get", "dpkg-query", "/usr/bin/python3", "jq", "Xvfb", "git",
             "gtk4", "pyatspi"}
    ok = known <= names
    print(f"{'ok' if ok else 'not ok'} 2 the scan finds the programs, modules and libraries "
          f"the project is known to use (missing: {sorted(known - names)})")
    status |= not ok

    # A ./run that does not name the package of a program a test calls fails, naming it.
    run_text = open(os.path.join(root, "run")).read()
    stripped = re.sub(r"(TEST_PACKAGES=\([^)]*?)\bpoppler-utils\b", r"\1", run_text)
    with tempfile.TemporaryDirectory() as tmp:
        fake = os.path.join(tmp, "run")
        with open(fake, "w") as f:
            f.write(stripped)
        with open(os.devnull, "w") as null:
            failures, _, _ = check(root, fake, null)
    ok = stripped != run_text and "pdftotext" in failures
    print(f"{'ok' if ok else 'not ok'} 3 without poppler-utils in TEST_PACKAGES the check "
          f"fails and names pdftotext (it named {failures})")
    status |= not ok
    return status


def main():
    if sys.argv[1] == "--self-test":
        sys.exit(self_test(os.path.abspath(sys.argv[2])))
    root = os.path.abspath(sys.argv[1])
    run_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "run")
    lines = []

    class Collect:
        def write(self, s):
            lines.append(s)

    collector = Collect()
    failures, _, n = check(root, run_path, collector)
    print(f"1..{n}")
    sys.stdout.write("".join(lines))
    if failures:
        print(f"# not installed by ./run: {', '.join(sorted(set(failures)))}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
