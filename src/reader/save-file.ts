/**
 * Offers text to the reader as a file to save (the browser's download), made in the page: no
 * request leaves it. The link is never added to the document.
 */
export function saveFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has started by the next task; the address is no longer needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
