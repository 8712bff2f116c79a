import type { PlanResult } from './offline-plan';
import type { Measurement } from './run';
import type { OutputShape, TouchedStacks } from './shape';

export interface SizeResult {
  readonly accounts: number;
  readonly backend: 'local' | 'cloud';
  readonly validate?: Measurement;
  /** `lz synth` with its default worker count. */
  readonly synth?: Measurement;
  /** `lz synth --workers 1` (local backend only). */
  readonly synthOneProcess?: Measurement;
  /** `lz synth` of the organization with one more account, over the output of the first synth. */
  readonly resynthAfterAdd?: Measurement;
  readonly baseline?: Measurement;
  readonly shape?: OutputShape;
  readonly oneAccountAdd?: TouchedStacks;
  readonly plans?: { readonly missing: string } | { readonly terraform: string; readonly awsVersion: string; readonly results: PlanResult[] };
  /** The first failure of this size, when a step failed. */
  readonly error?: string;
}

export interface Report {
  readonly date: string;
  readonly machine: Record<string, string | number>;
  readonly runs: number;
  readonly results: SizeResult[];
}

const time = (m?: Measurement) => (m ? `${m.seconds.median.toFixed(2)} s` + (m.seconds.min !== m.seconds.max ? ` (${m.seconds.min.toFixed(2)}-${m.seconds.max.toFixed(2)})` : '') : '-');
/** CPU time of the first run's processes: less sensitive than wall time to a busy machine. */
const cpu = (m?: Measurement) => (m ? `${m.cpuSeconds.main.toFixed(1)} s` + (m.cpuSeconds.children.length ? ` + workers ${m.cpuSeconds.children.map((c) => c.toFixed(1)).join(', ')} s` : '') : '-');
const memory = (m?: Measurement) => (m ? `${m.totalPeakMb.max.toFixed(0)} MB` + (m.processes > 1 ? ` in ${m.processes} processes (main ${m.peakMb.max.toFixed(0)} MB)` : '') : '-');

function touched(t: TouchedStacks): string {
  const list = (s: ReadonlyArray<{ name: string; resources: number }>) => s.map((x) => `${x.name} (${x.resources})`).join(', ') || 'none';
  return `${t.changed.length} changed: ${list(t.changed)}; ${t.added.length} added: ${list(t.added)}${t.dropped.length ? `; ${t.dropped.length} dropped` : ''}`;
}

export function renderMarkdown(report: Report): string {
  const m = report.machine;
  const lines = [
    `Machine: \`nproc\` ${m.nproc}, ${m.cpuModel}, ${m.memoryGb} GiB (\`free -h\`: ${String(m.free).split('\n')[1]?.replace(/\s+/g, ' ').trim() ?? ''}), Node ${m.node}, ${m.platform}; ${report.runs} run(s) each, median (min-max); ${report.date.slice(0, 16).replace('T', ' ')} UTC.`,
    `Load: at start \`${m.loadAtStart}\`; at end \`${m.loadAtEnd}\`.`,
    '',
    '| backend | accounts | lz validate | lz synth | CPU | synth memory | synth --workers 1 | CPU | memory | re-synth after a one-account add | memory | stacks | largest stack | median stack | busiest stack (provider configurations) | adding one account touches | resources touched |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of report.results) {
    if (r.error || !r.shape || !r.oneAccountAdd) {
      lines.push(`| ${r.backend} | ${r.accounts} | ${time(r.validate)} | failed: ${(r.error ?? 'no output').replace(/\|/g, '\\|').slice(0, 300)} | | | | | | | | | | | | | |`);
      continue;
    }
    const s = r.shape;
    lines.push(
      `| ${r.backend} | ${r.accounts} | ${time(r.validate)} | ${time(r.synth)} | ${cpu(r.synth)} | ${memory(r.synth)} | ${time(r.synthOneProcess)} | ${cpu(r.synthOneProcess)} | ${memory(r.synthOneProcess)} | ${time(r.resynthAfterAdd)} | ${memory(r.resynthAfterAdd)} | ${s.stacks} | ${s.largestStack.name} (${s.largestStack.resources}) | ${s.medianStackResources} | ${s.busiestStack.name} (${s.busiestStack.providers}) | ${touched(r.oneAccountAdd)} | ${r.oneAccountAdd.resources} |`,
    );
  }
  const withBaseline = report.results.filter((r) => r.baseline && r.synth);
  if (withBaseline.length > 0) {
    lines.push('', '| accounts | bare cdktf baseline | lz synth / baseline |', '|---|---|---|');
    for (const r of withBaseline) lines.push(`| ${r.accounts} | ${time(r.baseline)} | ${(r.synth!.seconds.median / r.baseline!.seconds.median).toFixed(2)}x |`);
  }
  const planned = report.results.filter((r) => r.plans);
  if (planned.length > 0) {
    lines.push('', 'Offline `terraform plan -refresh=false -lock=false` of each stack that adding one account touches (a copy of the stack; see bench/offline-plan.ts for what the copy replaces):', '');
    lines.push('| backend | accounts | stack | resources | plan wall time | peak memory (terraform + provider processes) | outcome |', '|---|---|---|---|---|---|---|');
    for (const r of planned) {
      const plans = r.plans!;
      if ('missing' in plans) {
        lines.push(`| ${r.backend} | ${r.accounts} | - | - | not measured | not measured | ${plans.missing} |`);
        continue;
      }
      for (const p of plans.results)
        lines.push(`| ${r.backend} | ${r.accounts} | ${p.stack} | ${p.resources} | ${p.seconds === undefined ? '-' : `${p.seconds.toFixed(1)} s`} | ${p.peakMb === undefined ? '-' : `${p.peakMb.toFixed(0)} MB`} | ${p.outcome} (hashicorp/aws ${plans.awsVersion}) |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
