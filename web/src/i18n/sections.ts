// Translations come one file per section and language (`zh-CN/<section>.json`,
// `en/<section>.json`), so a new page adds its own section without touching the others'.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Messages = Record<string, any>;

/** The files of a glob import as one message tree, each file under its section's name. */
export function bySection(files: Record<string, Messages>): Messages {
  const messages: Messages = {};
  for (const [file, content] of Object.entries(files)) {
    const section = file.replace(/^.*\//, '').replace(/\.json$/, '');
    messages[section] = content;
  }
  return messages;
}
