/** One thing `lz import` did not express in org.yaml as it is, or will change on the first apply. */
export interface ReportEntry {
  /** left-out: not in org.yaml, so lz never touches it; change: the first plan changes it; note: for the reader. */
  readonly kind: 'left-out' | 'change' | 'note';
  /** What, in AWS's words (`SCP DenyRoot (p-1234)`). */
  readonly subject: string;
  readonly reason: string;
}

/** What the mapper produced: org.yaml as data, the import record, the files beside org.yaml, and the report. */
export interface MappedImport {
  readonly document: Record<string, unknown>;
  /** `<resource type>.<address>` to import id: lz.lock.json `imports`. */
  readonly imports: ReadonlyMap<string, string>;
  /** Paths relative to org.yaml (policies/<key>.json) and their text. */
  readonly files: ReadonlyMap<string, string>;
  readonly report: readonly ReportEntry[];
}

/** Keys the organization part decided, which the Identity Center and network parts refer to. */
export interface OrganizationKeys {
  readonly accountKeyById: ReadonlyMap<string, string>;
  /** OU path by OU id; the root id maps to `Root`. */
  readonly ouPathById: ReadonlyMap<string, string>;
  readonly managementAccountKey: string;
}

export const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Pretty JSON with a final newline: how lz import writes policy documents. */
export function jsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
