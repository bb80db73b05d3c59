// `npm run web`: builds the UI, then serves it with the app's services (electron/web/cli.ts).
import { spawn, spawnSync } from 'node:child_process';

const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'error'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn('npx', ['tsx', 'electron/web/cli.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
