import { afterAll, beforeAll, expect, it } from 'vitest';
import { pngSize } from './png';
import { type FakeX, startFakeX } from './server';

let fake: FakeX;
beforeAll(async () => {
  fake = await startFakeX();
});
afterAll(() => fake.close());

it('serves plain HTTP on 127.0.0.1 with image URLs on that origin', async () => {
  expect(fake.origin).toBe(`http://127.0.0.1:${fake.port}`);
  const info = await (await fetch(`${fake.origin}/__fakex/info`)).json();
  expect(info.app.clientId).toBe(fake.app.clientId);
  const token = fake.issueOAuth1Token('samrep_crm');
  expect(token.accessToken.startsWith(`${token.userId}-`)).toBe(true);
  const unauthenticated = await fetch(`${fake.origin}/2/users/me`);
  expect(unauthenticated.status).toBe(401);
  const user = fake.state.userByUsername('hanako_sato');
  const image = await fetch(`${fake.origin}/profile_images/${user?.id}/${user?.imageName}_bigger.png`);
  expect(image.headers.get('content-type')).toBe('image/png');
  expect(pngSize(Buffer.from(await image.arrayBuffer()))).toEqual({ width: 73, height: 73 });
  expect((await fetch(`${fake.origin}/profile_images/${user?.id}/wrong_normal.png`)).status).toBe(404);
});
