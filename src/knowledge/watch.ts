import { basename, dirname, resolve } from 'node:path';
import { type FSWatcher, watch } from 'chokidar';

export interface FolderWatcher {
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
    timer = setTimeout(() => {
      if (closed) return;
      if (rearm) {
        rearm = false;
        void armContent();
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
    content = watch(path, { ignoreInitial: true, followSymlinks: true, ignorePermissionErrors: true })
      .on('all', settle)
      .on('error', failed);
    await previous?.close().catch(() => {});
  };
  // The folder's own entry in its parent: a rename or symlink swap of the whole folder shows here.
  const parent = watch(dirname(path), {
    ignoreInitial: true,
    depth: 0,
    followSymlinks: false,
    ignorePermissionErrors: true,
    ignored: (candidate) => candidate !== dirname(path) && basename(candidate) !== basename(path),
  })
    .on('all', (_event, changed) => {
      if (changed !== path) return;
      rearm = true;
      settle();
    })
    .on('error', failed);
  void armContent();

  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      await Promise.all([content?.close(), parent.close()]);
    },
  };
}
