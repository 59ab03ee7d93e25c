/** The part of storage.session this module needs; Firefox's lacks setAccessLevel. */
export interface SessionStorageArea {
  setAccessLevel?: (options: {
    accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS';
  }) => Promise<void>;
}

/** How storage.session was kept from content scripts: by the call, or by the browser's own rule. */
export type SessionAccess = 'trusted-contexts' | 'never-shared';

/**
 * Keeps storage.session (each tab's record, the panel tokens, a PIN sign-in's request token)
 * from content scripts in every browser. Chrome and Edge share it with content scripts once
 * anything calls setAccessLevel with TRUSTED_AND_UNTRUSTED_CONTEXTS, so the worker sets
 * TRUSTED_CONTEXTS itself at every start (developer.chrome.com, chrome.storage,
 * "StorageArea.setAccessLevel", Chrome 102). Firefox has no setAccessLevel (Bugzilla 1724754)
 * and never gives storage.session to content scripts (MDN, storage.session), so there is
 * nothing to set.
 * @returns `trusted-contexts` after the call, `never-shared` in a browser without it
 * @throws Error when the browser has setAccessLevel and refuses: the caller must not go on as
 *   if the area were closed
 */
export async function keepSessionFromContentScripts(session: SessionStorageArea): Promise<SessionAccess> {
  if (typeof session.setAccessLevel !== 'function') return 'never-shared';
  await session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  return 'trusted-contexts';
}
