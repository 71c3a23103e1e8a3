// Material files: GET /files/<UploadedFile global id> with the bearer token (never a bare link, the
// token is not in a cookie), fetched as a blob and opened in a new tab.
import { session } from './session';

export function fileUrl(uploadId: string): string {
  return `/files/${encodeURIComponent(uploadId)}`;
}

export async function fetchFile(uploadId: string, doFetch: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<Blob> {
  const token = session.tokens?.token;
  const response = await doFetch(fileUrl(uploadId), {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    credentials: 'same-origin',
  });
  if (response.status === 404 || response.status === 403) throw new Error('文件不存在或无权查看');
  if (!response.ok) throw new Error(`下载失败（HTTP ${response.status}）`);
  return response.blob();
}

/** Opens the file in a new tab; the object URL is revoked after a minute. */
export async function openFile(uploadId: string): Promise<void> {
  const blob = await fetchFile(uploadId);
  const url = URL.createObjectURL(blob);
  const win = window.open(url, '_blank');
  if (!win) {
    // Pop-ups blocked: fall back to a download link.
    const a = document.createElement('a');
    a.href = url;
    a.download = '';
    a.click();
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
