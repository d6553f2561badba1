// Runs a command in a real pseudo-terminal (util-linux `script`) for bench/ui-bench.mjs: waits for text to be
// painted, sends keys, times each key to the next paint that shows it, and reads the process's memory.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[()][0-9A-Za-z]|\u001b[=>78]/g;
const BOUND_MS = 20_000;

/** Whether util-linux `script` is there to give the app a pseudo-terminal. */
export const hasScript = () => spawnSync('script', ['--version']).status === 0;

/**
 * Starts `command` in an 80x24 pseudo-terminal and resolves once `marker` is painted, with the time from
 * launch (the first frame) and a handle: `send`, `waitFor(text)`, `keyToPaint(key, text)`, `rssMb()`, `stop()`.
 */
export function startInTerminal(command, marker, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('script', ['-qfec', `stty rows 24 cols 80; exec ${command}`, '/dev/null'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    // Painted text without escape sequences, and where each chunk began, so a wait can start at a given moment.
    let output = '';
    const chunks = [];
    let watchers = [];
    child.stdout.on('data', (data) => {
      chunks.push({ at: performance.now(), from: output.length });
      output += String(data).replace(ANSI, '');
      for (const watcher of [...watchers]) watcher();
    });
    const textSince = (since) => {
      const chunk = chunks.find((candidate) => candidate.at >= since);
      return chunk ? output.slice(chunk.from) : '';
    };
    /** Resolves with the moment `text` was first painted at or after `since`. */
    const paintedAfter = (text, since) =>
      new Promise((done, fail) => {
        const bound = setTimeout(() => fail(new Error(`${command}: "${text}" never appeared; output:\n${output.slice(-1500)}`)), BOUND_MS);
        const watcher = () => {
          if (!textSince(since).includes(text)) return;
          watchers = watchers.filter((other) => other !== watcher);
          clearTimeout(bound);
          done(chunks.at(-1).at);
        };
        watchers.push(watcher);
        watcher();
      });
    const send = (keys) => child.stdin.write(keys);
    let pid;
    const handle = {
      child,
      startedAt: started,
      send,
      get pid() {
        return (pid ??= childPid(child.pid));
      },
      waitFor: async (text) => (await paintedAfter(text, 0)) - started,
      /** Sends `key` and resolves with the milliseconds until a paint after it shows `text`. */
      async keyToPaint(key, text) {
        const sent = performance.now();
        send(key);
        return (await paintedAfter(text, sent)) - sent;
      },
      rssMb: () => memoryMb(handle.pid, 'VmRSS:'),
      cpuMs: () => cpuMs(handle.pid),
      peakMb: () => memoryMb(handle.pid, 'VmHWM:'),
      stop(keys = '\u0003') {
        if (child.exitCode !== null) return Promise.resolve(child.exitCode);
        send(keys);
        return new Promise((done) => child.on('exit', (code) => done(code)));
      },
    };
    paintedAfter(marker, 0).then((at) => resolve({ ...handle, ms: at - started, pid: handle.pid }), reject);
    child.on('error', reject);
  });
}

function childPid(scriptPid) {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const pid = readFileSync(`/proc/${scriptPid}/task/${scriptPid}/children`, 'utf8').trim().split(/\s+/)[0];
      if (pid) return Number(pid);
    } catch {
      // script has not started its child yet
    }
    spawnSync('sleep', ['0.01']);
  }
  return undefined;
}

function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function memoryMb(pid, field) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((text) => text.startsWith(field));
  return Number(/(\d+) kB/.exec(line)[1]) / 1024;
}
