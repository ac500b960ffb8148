// The export benchmark's peer: anki-apkg-export (npm) building an .apkg from the same notes
// qbank exports. Reads qbank's anki-text file (quoted, tab-separated, HTML fields) so both
// tools get identical fronts, backs and tags.
// Usage: node anki_peer.js NOTES.txt OUT.apkg  (NODE_PATH must reach anki-apkg-export)
'use strict';
const fs = require('fs');
// The sql.js build anki-apkg-export loads has a fixed 16 MiB heap and aborts after a few
// thousand realistic notes; the same sql.js release ships a memory-growth build, used instead.
const growth = require.resolve('sql.js/js/sql-memory-growth.js');
require(growth);
require.cache[require.resolve('sql.js')] = require.cache[growth];
const AnkiExport = require('anki-apkg-export').default;

function parseRecords(text) {
  const records = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '#') { i = text.indexOf('\n', i) + 1; continue; }  // header lines
    const fields = [];
    for (;;) {
      let field = '';
      i++;  // opening quote
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') { field += '"'; i += 2; }
        else if (text[i] === '"') { i++; break; }
        else field += text[i++];
      }
      fields.push(field);
      if (text[i++] === '\n') break;
    }
    records.push(fields);
  }
  return records;
}

const [notesFile, outFile] = process.argv.slice(2);
const records = parseRecords(fs.readFileSync(notesFile, 'utf8'));
const apkg = new AnkiExport('qbank benchmark');
for (const r of records) {
  // Columns: guid, deck, Question, Answer, Resources, Id, tags.
  apkg.addCard(r[2], r[3] + r[4], { tags: r[6].split(' ').filter(Boolean) });
}
apkg.save()
  .then((zip) => { fs.writeFileSync(outFile, zip, 'binary'); console.log(`${records.length} notes`); })
  .catch((error) => { console.error(error); process.exit(1); });
