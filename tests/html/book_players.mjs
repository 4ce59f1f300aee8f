// The trace players in the built book: every chapter page embeds
// player_<chapter>.html in a frame and links to it; the player is the page the
// chapter's program writes with --format html for its default example (its
// trace is, line for line, what `<chapter> --format json` writes), and it is
// under 300 KB. The book's browser test (tests/book/browser_test.mjs) opens
// these pages as it opens every page of the book.
//
//   node book_players.mjs BOOK_HTML_DIR BIN_DIR
// Exit 0 when all holds, 1 with what does not, 77 (skipped) without a built book.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [html, bin] = process.argv.slice(2);
if (!html || !bin) {
  console.error('usage: node book_players.mjs BOOK_HTML_DIR BIN_DIR');
  process.exit(2);
}
if (!existsSync(join(html, 'index.html'))) {
  console.log(`${html}/index.html is missing: build the book first (--target docs); skipped`);
  process.exit(77);
}
const problems = [];
const chapters = readdirSync(bin).filter((f) => /^ch\d\d_/.test(f)).sort();
if (chapters.length !== 10) problems.push(`${chapters.length} chapter programs in ${bin}, expected 10`);
const sizes = [];
for (const chapter of chapters) {
  const player = `player_${chapter}.html`;
  const page = readFileSync(join(html, chapter + '.html'), 'utf8');
  if (!page.includes(`<iframe src="${player}"`)) problems.push(`${chapter}.html does not embed ${player}`);
  if (!page.includes(`href="${player}"`)) problems.push(`${chapter}.html does not link to ${player}`);
  if (!existsSync(join(html, player))) { problems.push(`the book has no ${player}`); continue; }
  const size = statSync(join(html, player)).size;
  sizes.push(`${player} ${(size / 1024).toFixed(1)} KB`);
  if (size >= 300 * 1024) problems.push(`${player} is ${(size / 1024).toFixed(0)} KB, not under 300 KB`);
  const text = readFileSync(join(html, player), 'utf8');
  const trace = text.match(/<script type="application\/x-ndjson" id="trace">\n([\s\S]*?)<\/script>/);
  const json = spawnSync(join(bin, chapter), ['--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (!trace) problems.push(`${player} holds no trace`);
  else if (trace[1].replace(/\\u003c/g, '<') !== json.stdout)
    problems.push(`${player} is not the trace of ${chapter}'s default example (rebuild the book?)`);
}
if (problems.length) {
  console.log(problems.join('\n'));
  process.exit(1);
}
console.log(`the book embeds ${chapters.length} players, each the trace of its chapter's default example:\n  ` +
            sizes.join('\n  '));
