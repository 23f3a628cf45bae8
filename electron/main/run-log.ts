import { appendFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The main process's log: one file in the user-data folder's `logs/`, every line with a timestamp and
 * the run id it belongs to, rotated at 1 MB keeping five old files. Secrets are cut out of each line
 * before it is written, whatever the caller passed.
 */
export class RunLog {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly dir: string,
    private readonly secrets: () => readonly string[] = () => [],
    private readonly maxBytes = 1_000_000,
    private readonly keep = 5,
  ) {}

  private get file(): string {
    return path.join(this.dir, 'hr-provisioner.log');
  }

  /** Write one line; `runId` is null for what belongs to no run. Lines are written in order. */
  write(runId: string | null, level: 'info' | 'warn' | 'error', message: string): Promise<void> {
    let text = message.replace(/\s+/g, ' ');
    for (const secret of this.secrets()) if (secret.length >= 4) text = text.split(secret).join('***');
    const line = `${new Date().toISOString()} ${level.toUpperCase()} [run ${runId ?? '-'}] ${text}\n`;
    this.queue = this.queue.then(() => this.append(line)).catch(() => undefined);
    return this.queue;
  }

  private async append(line: string): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const size = await stat(this.file).then((s) => s.size, () => 0);
    if (size + line.length > this.maxBytes) await this.rotate();
    await appendFile(this.file, line, { mode: 0o600 });
  }

  private async rotate(): Promise<void> {
    await rm(`${this.file}.${this.keep}`, { force: true });
    for (let n = this.keep - 1; n >= 1; n -= 1) await rename(`${this.file}.${n}`, `${this.file}.${n + 1}`).catch(() => undefined);
    await rename(this.file, `${this.file}.1`).catch(() => undefined);
  }
}
