/**
 * Files in and out of the extension, with no `downloads` permission: a download is an
 * `<a download>` pointing at an object URL, and a chosen file is read as text in the page.
 */

export interface PreparedFile {
  /** An object URL for the Blob: valid until `revoke()`, so the page can offer it as a link too. */
  url: string;
  filename: string;
  bytes: number;
  revoke(): void;
}

export function prepareFile(blob: Blob, filename: string, urls: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'> = URL): PreparedFile {
  const url = urls.createObjectURL(blob);
  let revoked = false;
  return {
    url,
    filename,
    bytes: blob.size,
    revoke() {
      if (revoked) return;
      revoked = true;
      urls.revokeObjectURL(url);
    },
  };
}

/** Starts the browser's ordinary download of a prepared file, as if the person clicked a link to it. */
export function startDownload(file: PreparedFile, doc: Document = document): void {
  const link = doc.createElement('a');
  link.href = file.url;
  link.download = file.filename;
  link.rel = 'noopener';
  link.hidden = true;
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
  }
}

export class FileTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`The file is ${bytes} bytes, more than the limit of ${limit}.`);
    this.name = 'FileTooLargeError';
  }
}

/**
 * Reads a chosen file as UTF-8 text. The size is checked first, from the File object alone, so a
 * file over `maxBytes` is refused without reading a byte of it.
 */
export async function readFileText(file: Blob, maxBytes: number): Promise<string> {
  if (file.size > maxBytes) throw new FileTooLargeError(file.size, maxBytes);
  return file.text();
}

/** "digital-friend-journal-2026-05-01.json": the local date, so files sort by name. */
export function datedFilename(stem: string, extension: string, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${stem}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
}

/** "1.2 MB", "340 KB", "12 bytes": sizes as GOV.UK writes them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
