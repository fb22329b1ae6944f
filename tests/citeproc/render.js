// What citeproc-js (the CSL engine in Zotero and Mendeley) makes of aims's own
// CSL-JSON export, with the official CSL styles: the first citation of each
// item and a second one after it (Chicago: the short note), and the
// bibliography, as text and as HTML.
//
// Usage: node render.js STYLES_DIR LOCALES_DIR ITEMS.json > citeproc.json
const fs = require('fs');
const path = require('path');
const CSL = require('citeproc');

const [stylesDir, localesDir, itemsFile] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(itemsFile, 'utf8'));
const byId = Object.fromEntries(items.map((item) => [item.id, item]));
const styles = {
  mla: 'modern-language-association',
  apa: 'apa',
  chicago: 'chicago-notes-bibliography',
};
// The export it rendered, so that a change to it shows as a change here.
const out = { items };
for (const [name, file] of Object.entries(styles)) {
  const style = fs.readFileSync(path.join(stylesDir, `${file}.csl`), 'utf8');
  const sys = {
    retrieveLocale: (lang) => fs.readFileSync(path.join(localesDir, `locales-${lang}.xml`), 'utf8'),
    retrieveItem: (id) => byId[id],
  };
  out[name] = {};
  for (const format of ['text', 'html']) {
    const engine = new CSL.Engine(sys, style, 'en-US');
    engine.setOutputFormat(format);
    engine.updateItems(items.map((item) => item.id));
    const citations = [];
    const before = [];
    let n = 0;
    for (const item of items) {
      for (let use = 0; use < 2; use += 1) {
        n += 1;
        const citation = {
          citationID: `c${n}`,
          citationItems: [{ id: item.id }],
          properties: { noteIndex: n },
        };
        const [, rendered] = engine.processCitationCluster(citation, before, []);
        before.push([citation.citationID, n]);
        const mine = rendered.find(([, , id]) => id === citation.citationID);
        citations.push(mine[1]);
      }
    }
    const [, bibliography] = engine.makeBibliography();
    out[name][format] = { citations, bibliography: bibliography.map((entry) => entry.trim()) };
  }
}
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
