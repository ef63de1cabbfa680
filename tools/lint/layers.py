#!/usr/bin/env python3
"""lint:layers - every #include follows the folder rules of layers.txt (ARCHITECTURE.md's table).

Fails on a crossing that layers_baseline.txt does not list, and on a baseline line that no longer occurs, so the
baseline can only shrink. Usage: layers.py [--root DIR] [--rules FILE] [--baseline FILE]
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def read_rules(path):
    """{folder: (allowed prefixes or None when exempt, forbidden third-party prefixes)}"""
    rules = {}
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.split('#', 1)[0].strip()
            if not line:
                continue
            parts = [p.split() for p in line.split('|')]
            if len(parts) != 3 or len(parts[0]) != 1:
                sys.exit(f'{path}:{number}: expected "folder | allowed folders | forbidden includes"')
            allowed = None if parts[1] == ['*'] else parts[1]
            rules[parts[0][0]] = (allowed, parts[2])
    return rules


def source_files(root):
    """The C++ files git knows of (tracked or new, not ignored); without git, every one outside build folders."""
    if os.path.exists(os.path.join(root, '.git')):
        out = subprocess.run(['git', 'ls-files', '--cached', '--others', '--exclude-standard', '--', '*.cpp', '*.h'],
                             cwd=root, check=True, capture_output=True, text=True).stdout
        names = out.splitlines()
    else:
        names = []
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith(('.', 'build'))]
            rel = os.path.relpath(folder, root)
            names += [os.path.normpath(os.path.join(rel, f)) for f in files if f.endswith(('.cpp', '.h'))]
    # A file deleted but not yet staged is still listed by git.
    return sorted(n for n in set(names) if os.path.isfile(os.path.join(root, n)))


def under(path, prefix):
    return path == prefix or path.startswith(prefix + '/')


def rule_for(path, rules):
    held = [folder for folder in rules if under(path, folder)]
    return max(held, key=len) if held else None


def crossings(root, rules):
    """(file, line, include as written, message) for every include a rule forbids; files no rule covers too."""
    found = []
    tops = {folder.split('/')[0] for folder in rules}
    for path in source_files(root):
        folder = rule_for(path, rules)
        if folder is None:
            found.append((path, 0, '', f'no rule in layers.txt covers {os.path.dirname(path) or "."}: add one'))
            continue
        allowed, forbidden = rules[folder]
        if allowed is None:
            continue
        with open(os.path.join(root, path), encoding='utf-8', errors='replace') as f:
            for number, line in enumerate(f, 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                name = m.group(2)
                shown = f'<{name}>' if m.group(1) == '<' else name
                if any(name.startswith(p) for p in forbidden):
                    found.append((path, number, shown, f'includes {shown}, but {folder} may not include '
                                  + ', '.join(f'<{p}…>' for p in forbidden)))
                    continue
                if m.group(1) == '<':
                    continue
                if name.startswith('.'):  # "../x.h": judge the file it names
                    name = os.path.normpath(os.path.join(os.path.dirname(path), name))
                # Quoted names outside the project's folders are generated (counter_version.h) or third party.
                if name.split('/')[0] in tops and not any(under(name, p) for p in allowed):
                    found.append((path, number, shown,
                                  f'includes {shown}, but {folder} may include only ' + ', '.join(allowed)))
    return found


def read_baseline(path):
    """{"file: include": line number}"""
    entries = {}
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            for number, line in enumerate(f, 1):
                line = line.strip()
                if line and not line.startswith('#'):
                    entries[line] = number
    return entries


def shown_path(path, root):
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return path if rel.startswith('..') else rel


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--root', default=os.path.dirname(os.path.dirname(HERE)))
    parser.add_argument('--rules', default=os.path.join(HERE, 'layers.txt'))
    parser.add_argument('--baseline', default=os.path.join(HERE, 'layers_baseline.txt'))
    args = parser.parse_args()

    baseline = read_baseline(args.baseline)
    seen = set()
    errors = []
    for path, number, shown, message in crossings(args.root, read_rules(args.rules)):
        key = f'{path}: {shown}'
        if shown and key in baseline:
            seen.add(key)
        else:
            errors.append(f'{path}:{number}: {message}' if number else f'{path}: {message}')
    for key, number in baseline.items():
        if key not in seen:
            errors.append(f'{shown_path(args.baseline, args.root)}:{number}: "{key}" no longer occurs: '
                          'remove it from the baseline')
    for error in errors:
        print(error)
    if errors:
        print(f'lint:layers: {len(errors)} problem(s); the rules are in {shown_path(args.rules, args.root)}')
        return 1
    print(f'lint:layers: every include follows {shown_path(args.rules, args.root)} '
          f'({len(baseline)} old crossings in the baseline)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
