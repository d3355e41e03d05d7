#!/usr/bin/env python3
"""Reading callgrind profiles of wbmgp, per decision: what the steps of Benchmarks/README.md were
found and checked with.

Make the profiles (release build, from the package root so that ./Rules is found), a batch and
its first line alone, whose difference is the decisions without the start-up:

    valgrind --tool=callgrind --callgrind-out-file=full.out .build/release/wbmgp decide --jsonl --jobs 1 --role review batch.jsonl >/dev/null
    valgrind --tool=callgrind --callgrind-out-file=one.out  .build/release/wbmgp decide --jsonl --jobs 1 --role review one.jsonl >/dev/null

Then, with N the batch's lines less one:

    Benchmarks/profile.py self     full.out one.out N [TOP]             # instructions of each function's own code
    Benchmarks/profile.py diff     a.out b.out N [TOP]                  # each function's own instructions, build b less build a (the same batch)
    Benchmarks/profile.py callers  full.out one.out N REGEX [TOP]       # who calls the functions matching REGEX: calls and inclusive cost
    Benchmarks/profile.py callees  full.out one.out N REGEX [TOP]       # what the functions matching REGEX call
    Benchmarks/profile.py lines    full.out N FILE [TOP]                # own instructions per source line of FILE (inlined code included)
    Benchmarks/profile.py sites    instr.out N FUNCTION CALLEE          # each call site (address) in FUNCTION of CALLEE, with its count
    Benchmarks/profile.py shares   full.out one.out N                   # reference counting's and malloc/free's share of a decision

`sites` needs a profile made with `--dump-instr=yes`; the addresses are then read with
`objdump -d --no-show-raw-insn .build/release/wbmgp --start-address=0x… --stop-address=0x…`
(which object a call retains is in the instructions before it). All figures are divided by N.
"""
import collections
import re
import sys

POSITION = re.compile(r'\((\d+)\)(?: (.*))?')


def named(table, text):
    """Callgrind's name compression: "(7) name" defines 7, "(7)" refers to it."""
    match = POSITION.match(text)
    if match.group(2):
        table[match.group(1)] = match.group(2)
    return table[match.group(1)]


def walk(path):
    """Yields (file, function, address or line, callee or None, calls, cost) for every cost line."""
    files, functions = {}, {}
    current_file = function = callee = None
    calls = None
    position = 0
    # "positions: line", or "instr line" with --dump-instr=yes: the cost follows them all.
    fields = 1
    for raw in open(path):
        raw = raw.rstrip('\n')
        if raw.startswith('positions:'):
            fields = len(raw.split()) - 1
        elif raw.startswith(('fl=', 'fi=', 'fe=')):
            current_file = named(files, raw[3:])
        elif raw.startswith(('cfi=', 'cfl=')):
            named(files, raw[4:])
        elif raw.startswith('fn='):
            function = named(functions, raw[3:])
        elif raw.startswith('cfn='):
            callee = named(functions, raw[4:])
        elif raw.startswith('calls='):
            calls = int(raw[6:].split()[0])
        elif raw and (raw[0].isdigit() or raw[0] in '+-*'):
            parts = raw.split()
            first = parts[0]
            step = first[1:]
            if first.startswith('0x'):
                position = int(first, 16)
            elif first.startswith('+'):
                position += int(step, 16) if step.startswith('0x') else int(step)
            elif first.startswith('-'):
                position -= int(step, 16) if step.startswith('0x') else int(step)
            elif first != '*':
                position = int(first)
            cost = int(parts[fields]) if len(parts) > fields else 0
            if calls is not None:
                yield current_file, function, position, callee, calls, cost
                calls = None
            else:
                yield current_file, function, position, None, 0, cost


def own_costs(path):
    costs = collections.Counter()
    for _, function, _, callee, _, cost in walk(path):
        if callee is None:
            costs[function] += cost
    return costs


def call_costs(path, match_caller, match_callee):
    found = collections.defaultdict(lambda: [0, 0])
    for _, function, _, callee, calls, cost in walk(path):
        if callee is not None and match_caller(function) and match_callee(callee):
            key = (function, callee)
            found[key][0] += calls
            found[key][1] += cost
    return found


# What issue 16's "reference counting and malloc/free" is measured as: the own instructions of
# the runtime's counting entry points, and of every function named for allocating or freeing
# memory (the C library's malloc and free with their helpers, the Swift runtime's allocation and
# deallocation of objects, arrays and strings).
COUNTING = ('swift_retain', 'swift_release', 'swift_bridgeObjectRetain', 'swift_bridgeObjectRelease',
            'swift_nonatomic_retain', 'swift_nonatomic_release', 'swift_retain_n', 'swift_release_n')
ALLOCATION = ('alloc', 'free', 'malloc')


def show(rows, top):
    for cost, calls, name in sorted(rows, key=lambda row: -abs(row[0]))[:top]:
        calls_text = f'{calls:8.2f}x ' if calls is not None else ''
        print(f'{cost:10.1f} {calls_text} {name[:160]}')


def main(argv):
    if len(argv) < 2 or argv[1] in ('-h', '--help'):
        print(__doc__)
        return 0
    command = argv[1]
    if command in ('self', 'diff'):
        a, b, n = own_costs(argv[2]), own_costs(argv[3]), float(argv[4])
        top = int(argv[5]) if len(argv) > 5 else 40
        sign = -1 if command == 'diff' else 1
        names = set(a) | set(b)
        # self: full less one; diff: b less a
        rows = [((a.get(k, 0) - b.get(k, 0)) * sign / n, None, k) for k in names]
        show(rows, top)
    elif command in ('callers', 'callees'):
        full, one, n, pattern = argv[2], argv[3], float(argv[4]), re.compile(argv[5])
        top = int(argv[6]) if len(argv) > 6 else 25
        if command == 'callers':
            matchers = (lambda f: True, lambda c: bool(pattern.search(c)))
        else:
            matchers = (lambda f: bool(pattern.search(f or '')), lambda c: True)
        a, b = call_costs(full, *matchers), call_costs(one, *matchers)
        rows = []
        for key in set(a) | set(b):
            calls = (a.get(key, [0, 0])[0] - b.get(key, [0, 0])[0]) / n
            cost = (a.get(key, [0, 0])[1] - b.get(key, [0, 0])[1]) / n
            rows.append((cost, calls, f'{key[0]}  ->  {key[1]}'))
        show(rows, top)
    elif command == 'shares':
        a, b, n = own_costs(argv[2]), own_costs(argv[3]), float(argv[4])
        names = set(a) | set(b)
        per = {k: (a.get(k, 0) - b.get(k, 0)) / n for k in names}
        total = sum(per.values())
        counting = sum(per[k] for k in names if k in COUNTING)
        allocation = sum(per[k] for k in names if any(word in k for word in ALLOCATION))
        print(f'{total:10.1f}  instructions a decision')
        print(f'{counting:10.1f}  reference counting ({100 * counting / total:.2f} %)')
        print(f'{allocation:10.1f}  malloc and free ({100 * allocation / total:.2f} %)')
    elif command == 'lines':
        path, n, wanted = argv[2], float(argv[3]), argv[4]
        top = int(argv[5]) if len(argv) > 5 else 40
        costs, source = collections.Counter(), None
        for file, _, line, callee, _, cost in walk(path):
            if callee is None and file and wanted in file:
                costs[line] += cost
                if source is None:
                    try:
                        source = open(file).read().splitlines()
                    except OSError:
                        source = []
        for line, cost in costs.most_common(top):
            text = source[line - 1].strip()[:110] if source and 0 < line <= len(source) else ''
            print(f'{cost / n:10.1f} {line:6d}  {text}')
    elif command == 'sites':
        path, n, function, callee = argv[2], float(argv[3]), re.compile(argv[4]), re.compile(argv[5])
        counts = collections.Counter()
        for _, caller, address, called, calls, _ in walk(path):
            if called is not None and function.search(caller or '') and callee.search(called):
                counts[(address, called)] += calls
        for (address, called), calls in sorted(counts.items()):
            print(f'{address:#x} {calls / n:8.2f}x {called[:80]}')
    else:
        print(f'profile.py: unknown command {command!r}; see --help', file=sys.stderr)
        return 64
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
