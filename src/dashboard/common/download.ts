/**
 * Saves text as a file through the browser's own download: a Blob, an object
 * URL and a hidden <a download>. Nothing leaves the device unless the
 * clinician then sends the file on.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Long enough for the browser to start the download.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
