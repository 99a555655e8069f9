// Instant search on /sok/. Loads the index omtanke builds (sok/index.json, see
// src/output/search.rs) and lists what matches while the visitor types. Words are normalised
// exactly as the index's were, so terms() must stay in step with the Rust side: the word list in
// tests/fixtures/search-terms.tsv is checked against both. Without this script the page shows the
// filter lists, which it keeps showing below the results.
'use strict';
(function () {
  const FOLDS = [['àáâãäåā', 'a'], ['æ', 'ae'], ['ç', 'c'], ['èéêëē', 'e'], ['ìíîï', 'i'], ['ñ', 'n'],
    ['òóôõöøō', 'o'], ['ùúûüū', 'u'], ['ýÿ', 'y'], ['ß', 'ss']];
  const FOLD = new Map(FOLDS.flatMap(([from, to]) => [...from].map((c) => [c, to])));
  const STOP = new Set(('alla an ar att av da de dem den dig din ditt du en er ett for fran har hon hos han jag ' +
    'kan man med men mig min na nar nu och om pa sa sig sin ska som till ut vad var vi vid').split(' '));
  const SUFFIXES = ('arnas ernas ornas heten arna erna orna ande ende aste are ast het ens ets ar er or en et ' +
    'na s a e').split(' ');
  const MIN_STEM = 3;
  // Enough for any sensible search; more would make the page long to read through.
  const MAX_SHOWN = 50;

  // One word as a search term, or null when it is too short or too common to search for.
  function term(word) {
    const w = [...word.toLowerCase()].map((c) => FOLD.get(c) ?? c).join('');
    const letters = [...w].length;
    if (letters < 2 || STOP.has(w)) return null;
    const s = SUFFIXES.find((x) => w.endsWith(x) && letters >= x.length + MIN_STEM);
    return s ? w.slice(0, w.length - s.length) : w;
  }

  /** The normalised search terms of a text, in order. */
  function terms(text) {
    return (text.match(/[\p{Alphabetic}\p{N}]+/gu) || []).map(term).filter((t) => t !== null);
  }

  // How well an index term answers a query term: whole word, beginning (the word being typed, or
  // an inflection), or inside a compound ("fika" in "söndagsfika") for words of four letters or more.
  function fit(t, q, long) {
    if (t === q) return 3;
    if (t.startsWith(q)) return 2;
    return long && t.includes(q) ? 1 : 0;
  }

  /** The documents that match every word of `query`, best first. */
  function search(index, query) {
    const words = (query.match(/[\p{Alphabetic}\p{N}]+/gu) || [])
      .map((w) => ({ q: term(w), long: [...w].length >= 4 })).filter((w) => w.q !== null);
    if (!words.length) return null;
    index.keys ??= Object.keys(index.terms);
    index.titles ??= index.docs.map((d) => terms(d.t));
    let scores = null;
    for (const { q, long } of words) {
      const best = new Map();
      for (const t of index.keys) {
        const f = fit(t, q, long);
        if (f) for (const d of index.terms[t]) best.set(d, Math.max(best.get(d) || 0, f));
      }
      const next = new Map();
      for (const [d, f] of best) {
        if (scores && !scores.has(d)) continue;
        // A word in the title counts as much again, so "fika" puts "Intresse: fika" before "Julfika".
        const inTitle = Math.max(0, ...index.titles[d].map((t) => fit(t, q, long)));
        next.set(d, (scores ? scores.get(d) : 0) + f + inTitle);
      }
      scores = next;
    }
    return [...scores]
      .map(([d, score]) => ({ d, score: index.docs[d].e ? score - 100 : score }))
      .sort((a, b) => b.score - a.score || a.d - b.d)
      .map(({ d }) => index.docs[d]);
  }

  if (typeof module === 'object' && module.exports) module.exports = { terms, search };
  if (typeof document === 'undefined') return;

  const form = document.querySelector('form[data-index]');
  const input = form && form.querySelector('input[name="q"]');
  const status = document.getElementById('sok-status');
  const list = document.getElementById('sok-traffar');
  if (!input || !status || !list) return;
  document.getElementById('sok-utan-js').hidden = true;

  let index = null;
  let timer = 0;

  function show() {
    const query = input.value.trim();
    history.replaceState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
    const found = index && search(index, query);
    list.replaceChildren();
    list.hidden = !found || !found.length;
    if (!index || !found) {
      status.textContent = index || !query ? '' : 'Söker …';
      return;
    }
    const count = found.length === 1 ? '1 träff' : `${found.length} träffar`;
    status.textContent = found.length
      ? `${count} för ”${query}”.${found.length > MAX_SHOWN ? ` Här visas de ${MAX_SHOWN} bästa.` : ''}`
      : `Inga träffar för ”${query}”. Prova ett annat ord, eller hitta via listorna nedanför.`;
    for (const doc of found.slice(0, MAX_SHOWN)) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = doc.u;
      a.textContent = doc.t;
      const kind = document.createElement('span');
      kind.className = 'search-kind';
      kind.textContent = doc.e ? `${doc.k}, avslutad` : doc.k;
      const text = document.createElement('p');
      text.textContent = doc.s;
      li.append(a, ' ', kind, text);
      list.append(li);
    }
  }

  input.value = new URLSearchParams(location.search).get('q') || '';
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(show, 150);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    show();
  });
  fetch(form.dataset.index)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.statusText))))
    .then((data) => {
      index = data;
      if (input.value.trim()) show();
    })
    .catch(() => {
      document.getElementById('sok-utan-js').hidden = false;
      status.textContent = 'Sökningen kunde inte laddas just nu. Hitta via listorna nedanför.';
    });
  if (input.value.trim()) show();
})();
