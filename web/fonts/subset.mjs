// Picks the @fontsource/noto-sans-tc (weight 400) files whose unicode-range holds a character
// that the pages use, copies them into the webapp and writes the @font-face rules for them.
// Run by update.sh; the result is committed, so builds need no npm.
import fs from 'node:fs';
import path from 'node:path';

const [pkg, webDir] = process.argv.slice(2);
const out = path.join(webDir, 'src/main/webapp/resources/fonts');

function filesUnder(dir, ext) {
  return fs.readdirSync(dir, {withFileTypes: true}).flatMap(e => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p, ext) : (p.endsWith(ext) ? [p] : []);
  });
}

// every non-ASCII character of the bundles (zh, en, default) and of the pages
const sources = [...filesUnder(path.join(webDir, 'src/main/resources'), '.properties'),
                 ...filesUnder(path.join(webDir, 'src/main/webapp'), '.xhtml')];
const used = new Set();
for (const f of sources) {
  for (const ch of fs.readFileSync(f, 'utf8')) {
    const cp = ch.codePointAt(0);
    if (cp > 0x7e) used.add(cp);
  }
}

const css = fs.readFileSync(path.join(pkg, '400.css'), 'utf8');
const faces = [...css.matchAll(/@font-face \{[^}]*\}/g)].map(m => m[0]);
const ranges = face => face.match(/unicode-range: ([^;]+);/)[1].split(',').map(r => {
  const [a, b] = r.trim().slice(2).split('-').map(h => parseInt(h, 16));
  return [a, b ?? a];
});
const wanted = faces.filter(face => ranges(face).some(([a, b]) => [...used].some(cp => cp >= a && cp <= b)));

fs.rmSync(out, {recursive: true, force: true});
fs.mkdirSync(out, {recursive: true});
const rules = wanted.map(face => {
  const file = face.match(/url\(\.\/files\/([^)]+\.woff2)\)/)[1];
  fs.copyFileSync(path.join(pkg, 'files', file), path.join(out, file));
  return face.replace(/src: [^;]+;/, `src: url("#{resource['fonts/${file}']}") format('woff2');`);
});
fs.copyFileSync(path.join(pkg, 'LICENSE'), path.join(out, 'OFL.txt'));
fs.writeFileSync(path.join(out, 'noto-sans-tc.css'),
  `/* Noto Sans TC 400 (SIL Open Font License 1.1, see OFL.txt) from @fontsource/noto-sans-tc ${
    JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'))).version}: only the files whose\n` +
  `   unicode-range covers a character of the bundles or pages. Regenerate: web/fonts/update.sh */\n` +
  rules.join('\n') + '\n');
console.log(`${used.size} characters used, ${wanted.length} of ${faces.length} font files kept`);
