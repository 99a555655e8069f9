// Functions that run inside the page (passed to page.evaluate). They must not use anything
// from the Node side.
'use strict';

/** Defines window.__describe(el): a short, readable description such as a.button[href="/x/"] "Text". */
const describeInit = `window.__describe = (el) => {
  let s = el.tagName.toLowerCase();
  if (el.id) s += '#' + el.id;
  for (const c of el.classList) s += '.' + c;
  const href = el.getAttribute && el.getAttribute('href');
  if (href) s += '[href="' + href + '"]';
  const text = (el.innerText || el.textContent || '').trim().replace(/\\s+/g, ' ');
  if (text) s += ' "' + (text.length > 40 ? text.slice(0, 40) + '…' : text) + '"';
  return s;
};`;

/** Horizontal scrolling and clipped text at the current viewport. Returns a list of problems. */
function reflowProblems() {
  const describe = window.__describe;
  const problems = [];
  const root = document.documentElement;
  const width = window.innerWidth;
  if (root.scrollWidth > width) {
    problems.push(`the page scrolls horizontally: it is ${root.scrollWidth}px wide in a ${width}px window`);
    // Name the innermost elements that stick out on the right.
    const wide = [...document.body.querySelectorAll('*')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > width + 1 &&
        ![...el.children].some((c) => c.getBoundingClientRect().right > width + 1);
    });
    for (const el of wide.slice(0, 8)) {
      problems.push(`  sticks out to ${Math.round(el.getBoundingClientRect().right)}px: ${describe(el)}`);
    }
  }
  for (const el of document.body.querySelectorAll('*')) {
    const cs = getComputedStyle(el);
    const clipX = cs.overflowX === 'hidden' || cs.overflowX === 'clip';
    const clipY = cs.overflowY === 'hidden' || cs.overflowY === 'clip';
    if (!clipX && !clipY) continue;
    if (!(el.textContent || '').trim()) continue;
    // Visually hidden text for screen readers (1px boxes) is meant to be clipped.
    if (el.clientWidth <= 1 && el.clientHeight <= 1) continue;
    if (clipX && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`text is cut off (overflow-x: ${cs.overflowX}, ${el.scrollWidth}px of text in ${el.clientWidth}px): ${describe(el)}`);
    } else if (clipY && el.scrollHeight > el.clientHeight + 1) {
      problems.push(`text is cut off (overflow-y: ${cs.overflowY}, ${el.scrollHeight}px of text in ${el.clientHeight}px): ${describe(el)}`);
    }
  }
  return problems;
}

/**
 * Collects the elements Tab should reach, in DOM order, into window.__focusables and returns
 * their descriptions (and problems such as a positive tabindex).
 */
function collectFocusables() {
  const describe = window.__describe;
  const selector = [
    'a[href]', 'area[href]', 'button:not([disabled])', 'input:not([disabled]):not([type="hidden"])',
    'select:not([disabled])', 'textarea:not([disabled])', 'iframe', 'summary',
    '[tabindex]', '[contenteditable=""]', '[contenteditable="true"]',
  ].join(',');
  const problems = [];
  const list = [...document.querySelectorAll(selector)].filter((el) => {
    if (el.tabIndex > 0) problems.push(`positive tabindex ${el.tabIndex} changes the tab order: ${describe(el)}`);
    return el.tabIndex >= 0 && el.checkVisibility({ visibilityProperty: true });
  });
  window.__focusables = list;
  return { items: list.map(describe), problems };
}

/** Where document.activeElement is in window.__focusables, and how its focus is shown. */
function focusState() {
  const describe = window.__describe;
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) {
    return { index: -1, what: el ? el.tagName.toLowerCase() : 'nothing' };
  }
  const cs = getComputedStyle(el);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
  const shadow = cs.boxShadow && cs.boxShadow !== 'none';
  const r = el.getBoundingClientRect();
  const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
    r.top < window.innerHeight && r.left < window.innerWidth;
  return {
    index: window.__focusables.indexOf(el),
    what: describe(el),
    id: el.id,
    tag: el.tagName.toLowerCase(),
    indicator: outline || shadow,
    style: `outline: ${cs.outlineStyle} ${cs.outlineWidth}; box-shadow: ${cs.boxShadow}`,
    onScreen,
  };
}

module.exports = { describeInit, reflowProblems, collectFocusables, focusState };
