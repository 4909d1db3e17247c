// Photos on a request (/api/v1/requests/{id}/photos): sent one by one as the image's bytes
// after the request exists, and shown from their own address (the cookie goes with it).
import { API_BASE, upload } from './client';
import type { Answer, With } from './types';

export type PhotoInfo = With<
  Answer<'post', '/api/v1/requests/{id}/photos', 201>,
  { content_type: 'image/jpeg' | 'image/png' }
>;

/** Where the image of photo `n` is; the browser sends the session cookie with it. */
export function photoUrl(requestId: number, n: number): string {
  return `${API_BASE}/requests/${requestId}/photos/${n}`;
}

export const attachmentsApi = {
  /** One image as the raw body, in the file's own type. */
  uploadPhoto: (requestId: number, file: Blob) => upload<PhotoInfo>(`/requests/${requestId}/photos`, file),
};
