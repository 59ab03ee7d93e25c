// `npm start`: builds the production extension and says where it is.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
console.log(`
The extension is built in ${resolve('.output/chrome-mv3')}.
Load it in Chrome or Edge: open chrome://extensions, turn on Developer mode,
choose "Load unpacked" and pick that folder. Then open a lead in Zoho CRM.`);
