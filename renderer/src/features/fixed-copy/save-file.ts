/**
 * Hands text to the browser as a file download (in the desktop app Electron asks where to save
 * it). An object URL, so nothing leaves the page and no server address is involved.
 */
export function saveTextFile(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; a minute is generous.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
