// Pure checks of the photos a resident attaches to a request, mirroring the server's rules so
// the reason shows before anything is sent: JPEG or PNG by their first bytes (the server does
// the same and is the judge), at most 5 MB each, at most three per request.
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

export type ImageType = 'image/jpeg' | 'image/png';
export type PhotoProblem = 'not_image' | 'too_large' | 'too_many';

/** "image/png" or "image/jpeg" from the first bytes of a file, else null. */
export function sniffImageType(head: Uint8Array): ImageType | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length > png.length && png.every((byte, i) => head[i] === byte)) return 'image/png';
  if (head.length > 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Why a file of `size` bytes and sniffed type cannot join `count` photos (of `max`), or null. */
export function photoProblem(type: ImageType | null, size: number, count: number, max = MAX_PHOTOS): PhotoProblem | null {
  if (count >= max) return 'too_many';
  if (!type) return 'not_image';
  if (size > MAX_PHOTO_BYTES) return 'too_large';
  return null;
}

/** 1536 → "1.5 KB", 2621440 → "2.5 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
