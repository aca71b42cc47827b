import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tempDbPath } from './db';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface RunningServer {
  url: string;
  databasePath: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * The command `npm start` serves with, after its build step: `node <flags> build/start.js`, read from
 * package.json so that tests run the compiled server with the same heap cap (README D34). The test run's
 * global setup has built it.
 */
export function startCommand(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const serve = pkg.scripts.start.split('&&').pop()!.trim().split(/\s+/);
  if (serve[0] !== 'node') throw new Error(`npm start should end in "node … build/start.js", not "${pkg.scripts.start}"`);
  return serve.slice(1);
}

/** Starts the platform exactly as `npm start` does, on a free port against a temporary database. */
export async function startProductionServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const databasePath = env.DATABASE_PATH ?? tempDbPath('server');
  const child: ChildProcess = spawn(process.execPath, startCommand(), {
    cwd: root,
    env: { ...process.env, VITEST: '', PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: databasePath, RESEND_API_KEY: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), 90_000);
    const check = () => {
      const match = output.match(/running at (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    databasePath,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      for (const suffix of ['', '-wal', '-shm', '.mail-key']) fs.rmSync(databasePath + suffix, { force: true });
    },
  };
}

/** Runs a command the way an operator would and collects its output. */
export function runCommand(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), args, {
      cwd: root,
      env: { ...process.env, VITEST: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
