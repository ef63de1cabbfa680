#!/usr/bin/env python3
"""lint:layers_catches - layers.py fails on a crossing and on a stale baseline line, and passes on a clean tree.

Runs the script over a tiny temporary tree (no .git, so it also walks folders the way a source tarball is checked).
"""
import os
import subprocess
import sys
import tempfile
import unittest

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'layers.py')

RULES = """\
domain    | domain | wx/
client/ui | client/ui domain | soci/
tests     | * |
"""


class LayersLint(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = self.tmp.name
        self.write('rules.txt', RULES)
        self.write('domain/money.h', '#pragma once\n#include <string>\n')
        self.write('client/ui/page.cpp',
                   '#include "client/ui/page.h"\n#include "domain/money.h"\n#include <soci/soci.h>\n')
        self.write('client/ui/page.h', '#pragma once\n')
        self.write('tests/anything.cpp', '#include "client/store/outbox.h"\n#include <soci/soci.h>\n')
        # An old crossing the baseline allows.
        self.write('baseline.txt', '# header comment\nclient/ui/page.cpp: <soci/soci.h>\n')

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, path, text):
        full = os.path.join(self.root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, 'w', encoding='utf-8') as f:
            f.write(text)

    def run_lint(self):
        done = subprocess.run([sys.executable, SCRIPT, '--root', self.root, '--rules', 'rules.txt', '--baseline',
                               os.path.join(self.root, 'baseline.txt')], cwd=self.root, capture_output=True,
                              text=True)
        return done.returncode, done.stdout

    def test_clean_tree_passes(self):
        code, out = self.run_lint()
        self.assertEqual(code, 0, out)

    def test_crossings_fail_with_file_line_include_and_rule(self):
        self.write('client/ui/page.h', '#pragma once\n#include "client/store/outbox.h"\n')
        self.write('client/ui/relative.cpp', '#include "../store/outbox.h"\n')
        self.write('domain/money.h', '#pragma once\n#include <wx/string.h>\n')
        code, out = self.run_lint()
        self.assertEqual(code, 1, out)
        self.assertIn('client/ui/page.h:2: includes client/store/outbox.h, but client/ui may include only '
                      'client/ui, domain', out)
        self.assertIn('client/ui/relative.cpp:1: includes ../store/outbox.h, but client/ui may include only', out)
        self.assertIn('domain/money.h:2: includes <wx/string.h>, but domain may not include <wx/…>', out)
        self.assertNotIn('tests/', out)
        self.assertNotIn('soci', out)

    def test_stale_baseline_line_fails(self):
        self.write('client/ui/page.cpp', '#include "client/ui/page.h"\n')
        code, out = self.run_lint()
        self.assertEqual(code, 1, out)
        self.assertIn('baseline.txt:2: "client/ui/page.cpp: <soci/soci.h>" no longer occurs: remove it from the '
                      'baseline', out)

    def test_folder_without_rule_fails(self):
        self.write('forms/loader.cpp', '#include "domain/money.h"\n')
        code, out = self.run_lint()
        self.assertEqual(code, 1, out)
        self.assertIn('forms/loader.cpp: no rule in layers.txt covers forms: add one', out)


if __name__ == '__main__':
    unittest.main()
