// Progress lines on stderr, so stdout holds only the figures (and can be piped or diffed).
export type Progress = (message: string) => void;

export const progressFor =
  (section: string): Progress =>
  (message) =>
    process.stderr.write(`[bench ${section}] ${message}\n`);
