/**
 * Saves text the browser already holds as a file: the export was fetched
 * through the authenticated fetchApi, so a plain link to the API (which
 * would carry no Backstage token) cannot be used.
 */
export function downloadText(text: string, filename: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
