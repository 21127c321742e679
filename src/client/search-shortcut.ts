/**
 * The one script on every page: `/` focuses the search box (unless typing in a field), Escape leaves it.
 * The box is a plain form, so search works without this; Pagefind is never loaded here.
 */
const editable = (el: Element | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

document.addEventListener('keydown', (e) => {
  const box = document.querySelector<HTMLInputElement>('[data-search-input]');
  if (!box) return;
  if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.defaultPrevented && !editable(document.activeElement)) {
    e.preventDefault();
    box.focus();
    box.select();
  } else if (e.key === 'Escape' && e.target === box) {
    // Leave the box with its text kept (a search field would otherwise clear itself).
    e.preventDefault();
    box.blur();
  }
});
