import { homedir, hostname, tmpdir } from 'node:os';

/** A finding of the scan: which file, what kind of leak, and the offending text (shortened). */
export interface Leak {
  readonly file: string;
  readonly kind: string;
  readonly text: string;
}

/** Credentials and tokens that must never reach synthesized output, each anchored on its own shape. */
const SECRET_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['AWS access key id', /(?<![A-Z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Z0-9])/g],
  ['AWS secret access key', /(?:aws_?secret_?access_?key|secretAccessKey|secret_key)["'\s:=]+[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/gi],
  ['AWS session token', /(?:aws_?session_?token|sessionToken)["'\s:=]+[A-Za-z0-9/+=]{100,}/gi],
  ['private key', /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/g],
  ['GitHub token', /\b(?:ghp|gho|ghu|ghs|ghr|github_pat)_[A-Za-z0-9_]{30,}\b/g],
  ['Terraform Cloud token', /\b[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_-]{60,}\b/g],
  ['Slack token', /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g],
  ['JWT', /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g],
  ['password or token literal', /"(?:password|passwd|secret|token|api_?key|access_?token|client_?secret)"\s*:\s*"[^"$]{8,}"/gi],
];

/** Absolute paths that reveal the machine or the run: home and temp directories, working directories. */
const GENERIC_PATHS: ReadonlyArray<[string, RegExp]> = [
  ['home directory path', /(?:^|["'\s=:(])\/(?:home|Users|root)\/[^\s"']+/g],
  ['temporary directory path', /(?:^|["'\s=:(])\/(?:tmp|var\/folders|private\/var)\/[^\s"']+/g],
  ['Windows absolute path', /\b[A-Za-z]:\\(?:Users|Windows|Temp)\\[^\s"']*/g],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Scans synthesized files for secrets and machine-local paths. `machinePaths` are the directories
 * of this run (project, output, temp dirs), matched literally; the home and temp directories, the
 * user and host names of this machine are added.
 */
export function scanForLeaks(files: Readonly<Record<string, string>>, machinePaths: readonly string[] = []): Leak[] {
  const local = [...new Set([...machinePaths, tmpdir(), homedir(), process.cwd()].filter((p) => p.length > 1))];
  const patterns: Array<[string, RegExp]> = [
    ...SECRET_PATTERNS,
    ...GENERIC_PATHS,
    ...local.map((p): [string, RegExp] => ['path of this machine', new RegExp(escape(p), 'g')]),
  ];
  // The host name, when it is distinctive enough not to be an ordinary word of the output.
  const host = hostname();
  if (host.length >= 8) patterns.push(['host name of this machine', new RegExp(`(?<![A-Za-z0-9-])${escape(host)}(?![A-Za-z0-9-])`, 'g')]);
  const leaks: Leak[] = [];
  for (const [file, content] of Object.entries(files))
    for (const [kind, re] of patterns)
      for (const m of content.matchAll(re)) leaks.push({ file, kind, text: m[0].trim().slice(0, 60) });
  return leaks;
}
