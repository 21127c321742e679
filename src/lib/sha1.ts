/** SHA-1 digests: the content hashes of digest files, cached texts and page views (change detection, not security). */
import { createHash } from 'node:crypto';

/** SHA-1 of a text or bytes, hex (default) or base64url (shorter keys). */
export function sha1(data: string | Uint8Array, encoding: 'hex' | 'base64url' = 'hex'): string {
  return createHash('sha1').update(data).digest(encoding);
}
