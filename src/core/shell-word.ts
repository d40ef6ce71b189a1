// A word as a POSIX shell keeps it whole, for the commands drctl tells people to run next (a plan's run
// command, a hint that names `drctl arc describe ... --write <runbook>`).

/** As it is when the shell would keep it whole, else single-quoted. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
