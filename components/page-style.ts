/**
 * Puts a page's stylesheet text (a `?inline` CSS import) into the page as one `<style>`.
 * The popup's and the manager's scripts carry their styles this way instead of as .css files:
 * the browser serves an extension page's files one after another, and each file it waits
 * for delays the page's first frame (in a Chrome trace of the popup, each took 10 to 20 ms of
 * the browser's time on a busy machine). Extension pages' default CSP restricts scripts, not
 * styles, so an inline style applies in Chrome and Firefox.
 */
export function addPageStyle(...sheets: string[]): void {
  const style = document.createElement('style');
  style.textContent = sheets.join('\n');
  document.head.append(style);
}
