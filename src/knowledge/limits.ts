/**
 * What one knowledge folder may hold. Past these a reload would hold memory and time that the bot
 * needs for answering, so the loader and kb:check refuse the folder, naming the file.
 */
export const KNOWLEDGE_LIMITS = {
  /** One file's size. The longest real passage is a few kilobytes. */
  fileBytes: 256 * 1024,
  /** Files in the folder, all kinds together. */
  files: 20_000,
  /** One passage (a story's or topic's text, a mission's achievement). */
  passageChars: 20_000,
} as const;

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
