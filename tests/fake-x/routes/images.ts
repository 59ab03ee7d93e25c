// Profile images, served like pbs.twimg.com serves them: `<name>_normal.png` 48 px,
// `_bigger` 73 px, `_mini` 24 px and no suffix for the 400 px original.
import type { Reply, RequestContext } from '../context';
import { solidPng } from '../png';
import type { XState } from '../state';

const SIZES: Record<string, number> = { _normal: 48, _bigger: 73, _mini: 24, '': 400 };
const cache = new Map<string, Buffer>();

export const IMAGE_PATH = /^\/profile_images\/(\d+)\/([A-Za-z0-9]+?)(_normal|_bigger|_mini)?\.png$/;

export function profileImage(ctx: RequestContext, state: XState): Reply | undefined {
  const match = IMAGE_PATH.exec(ctx.path);
  if (!match) return undefined;
  const user = state.users.get(match[1] ?? '');
  if (!user || user.imageName !== match[2]) return undefined;
  const size = SIZES[match[3] ?? ''] ?? 400;
  const key = `${user.color.join(',')}@${size}`;
  let png = cache.get(key);
  if (!png) {
    png = solidPng(size, user.color);
    cache.set(key, png);
  }
  return { kind: 'png', body: png };
}
