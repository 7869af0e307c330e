import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type FSWatcher, watch } from 'chokidar';

export interface FolderWatcher {
  /** Resolves once the folder has been read and changes from then on are seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface WatchHandlers {
  /** Something in the folder changed and has settled: time to reload. */
  onChange(): void;
  /** The file system reported a problem; the watcher has re-armed itself. */
  onError(error: Error): void;
}

/** Editors often save a file in several writes, and tools write many files at once: wait for them to settle. */
const SETTLE_MS = 150;
/** How often the folder's own path is resolved again, to notice it swapped for another folder or a symlink. */
const SWAP_CHECK_MS = 1_000;

/**
 * Watches a knowledge folder, its subfolders and files, through every way editors and tools save:
 * in place, by renaming a temporary file over the old one, by deleting, by swapping the whole folder
 * for another or for a symlink. One settled burst of changes gives one `onChange`. A watcher error
 * (a folder removed while being read, one made unreadable) never escapes: it is reported, and the
 * watcher is set up afresh.
 */
export function watchFolder(dir: string, { onChange, onError }: WatchHandlers, settleMs = SETTLE_MS): FolderWatcher {
  const path = resolve(dir);
  let content: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let rearm = false;
  let closed = false;

  const settle = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (closed) return;
      if (rearm) {
        rearm = false;
        await armContent();
      }
      onChange();
    }, settleMs);
  };
  const failed = (error: unknown) => {
    onError(error instanceof Error ? error : new Error(String(error)));
    rearm = true;
    settle();
  };
  const armContent = async () => {
    const previous = content;
    // The resolved folder, not the path. After a rename swap both watch the same path: chokidar
    // sets its watches up asynchronously, so the old watcher is closed before the new one's are made.
    const next = watch(watched?.real ?? path, { ignoreInitial: true, followSymlinks: true, ignorePermissionErrors: true })
      .on('all', settle)
      .on('error', failed);
    content = next;
    await previous?.close().catch(() => {});
    await new Promise<void>((resolve) => next.once('ready', () => resolve()));
  };
  // A watcher follows the folder it was given; a swap of the whole folder shows only in what its
  // path resolves to (a symlink swapped) or in the folder found there (another one renamed to it,
  // or one deleted and made again).
  const identify = () => {
    try {
      const real = realpathSync(path);
      // A folder deleted and made again may get the same inode back: its birth time tells them apart.
      const { dev, ino, birthtimeMs } = statSync(real);
      return { real, id: `${dev}:${ino}:${birthtimeMs}:${real}` };
    } catch {
      return undefined;
    }
  };
  let watched = identify();
  const swapCheck = setInterval(() => {
    const now = identify();
    if (now?.id === watched?.id) return;
    watched = now;
    rearm = true;
    settle();
  }, SWAP_CHECK_MS).unref();
  const ready = armContent();

  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(swapCheck);
      await content?.close();
    },
  };
}
