// Material files: GET /files/<UploadedFile global id> with the bearer token (never a bare link, the
// token is not in a cookie), fetched as a blob and opened in a new tab.
import { UploadScanDocument } from '../gql/graphql';
import { operationName } from './graphql';
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

/** The answer of uploadMaterial (src/graphql/bundles.graphql: UploadScan). */
export interface UploadAnswer {
  upload: { id: string; filename: string } | null;
  errors: readonly { field?: readonly string[] | null; message: string; code: string }[];
}

/** Uploads one scanned material (uploadMaterial, the typed UploadScan document) as a GraphQL
 * multipart request with the bearer token, which also satisfies the server's CSRF rule. */
export async function uploadScan(file: File, doFetch: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<UploadAnswer> {
  const body = new FormData();
  const operations = { query: UploadScanDocument.toString(), operationName: operationName(UploadScanDocument), variables: { input: { file: null } } };
  body.append('operations', JSON.stringify(operations));
  body.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  body.append('0', file, file.name);
  const token = session.tokens?.token;
  let response: Response;
  try {
    response = await doFetch('/graphql', {
      method: 'POST', body, credentials: 'same-origin',
      headers: { Accept: 'application/graphql-response+json, application/json;q=0.9', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    });
  } catch (err) {
    throw new Error(`无法连接服务器：${(err as Error).message}`);
  }
  const answer = await response.json().catch(() => null) as { data?: { uploadMaterial?: UploadAnswer }; errors?: { message: string }[] } | null;
  if (answer?.errors?.length) throw new Error(answer.errors.map((e) => e.message).join('；'));
  if (!response.ok || !answer?.data?.uploadMaterial) throw new Error(`上传失败（HTTP ${response.status}）`);
  return answer.data.uploadMaterial;
}
