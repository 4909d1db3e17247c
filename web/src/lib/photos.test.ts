import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES, formatBytes, photoProblem, sniffImageType } from './photos';

describe('photo checks', () => {
  it('knows PNG and JPEG by their first bytes, not by their names', () => {
    expect(sniffImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg');
    expect(sniffImageType(new TextEncoder().encode('GIF89a...'))).toBeNull();
    expect(sniffImageType(new Uint8Array([]))).toBeNull();
  });

  it('refuses a fourth photo, a non-image and one over 5 MB, in that order', () => {
    expect(photoProblem('image/png', 10, 3)).toBe('too_many');
    expect(photoProblem(null, 10, 0)).toBe('not_image');
    expect(photoProblem('image/jpeg', MAX_PHOTO_BYTES + 1, 0)).toBe('too_large');
    expect(photoProblem('image/jpeg', MAX_PHOTO_BYTES, 2)).toBeNull();
    // Adding to a request that has two already: one more at most.
    expect(photoProblem('image/jpeg', 10, 1, 1)).toBe('too_many');
  });

  it('writes sizes people read', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(2.5 * 1024 * 1024)).toBe('2.5 MB');
  });
});
