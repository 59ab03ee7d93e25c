// Public entry of the X API emulator.
export { EmulatorAgent, emulatorAgent } from './node-agent';
export { pngSize } from './png';
export type { CallRecord, FakeX, FakeXOptions, SeededAccount } from './server';
export { startFakeX } from './server';
export { DEFAULT_SIGN_IN_USERNAME, SEEDED_APP } from './world';
