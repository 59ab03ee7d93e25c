// Run the emulator on its own: `npx tsx tests/fake-x/cli.ts --port 8443 --https`.
import { startFakeX } from './server';

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

const port = Number(argValue('--port') ?? 0);
const fake = await startFakeX({ https: process.argv.includes('--https'), port });
const signIn = fake.accounts[0];
console.log(`fake X listening on ${fake.origin}`);
console.log(`consumer key:    ${fake.app.consumerKey}`);
console.log(`consumer secret: ${fake.app.consumerSecret}`);
console.log(`OAuth 2.0 client id: ${fake.app.clientId}`);
console.log(`redirect URIs:   ${fake.app.redirectUris.join(', ')}`);
if (signIn) console.log(`signs in as:     ${signIn.name} (@${signIn.username}, id ${signIn.userId})`);
console.log(`control API:     ${fake.origin}/__fakex/`);
if (fake.https) {
  console.log(`certificate SPKI: ${fake.certificateSpki ?? ''}`);
  console.log(
    'browser: --host-resolver-rules="MAP api.x.com 127.0.0.1:PORT, MAP x.com 127.0.0.1:PORT"'.replaceAll(
      'PORT',
      String(fake.port),
    ),
  );
}

const stop = (): void => {
  fake.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
