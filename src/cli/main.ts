import { Command, CommanderError } from 'commander';
import { writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { hasErrors, renderDiagnostics, type Diagnostic } from '../config/diagnostics';
import { InputError } from '../config/load';
import { LOCK_FILE_NAME as LOCK_FILE } from '../config/lock-file';
import type { ChangeConfirmations } from '../config/managed-record';
import type { LandingZoneModel } from '../model/types';
import { validateFile, type PhaseListener, type Validation } from '../pipeline';
import type { SynthSummary } from './synth';

export interface Io {
  readonly stdout: { write(text: string): unknown };
  /** Diagnostics of commands whose stdout is data, and the progress of `lz synth` (redrawn in place on a TTY). */
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where `lz init` asks for what its flags did not give; only when it is a terminal. */
  readonly stdin?: NodeJS.ReadableStream & { readonly isTTY?: boolean };
}

type Format = 'text' | 'json' | 'github';

interface ConfirmationOptions {
  allowRemoval: string[];
  acceptEmailChange: string[];
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** The two confirmations of safe-changes, shared by `validate` and `synth` so CI sees what synth will do. */
function withConfirmations(command: Command): Command {
  return command
    .option('--allow-removal <key-or-path>', 'release an account key or OU path recorded in lz.lock.json from management (repeatable); it is not closed or deleted. policies.<key>: a policy detached outside lz from released targets may be deleted', collect, [])
    .option('--accept-email-change <key>', 'accept a root email changed outside Terraform for this account key (repeatable)', collect, []);
}

function confirmationsOf(options: ConfirmationOptions): ChangeConfirmations {
  return { allowRemovals: options.allowRemoval, acceptEmailChanges: options.acceptEmailChange };
}

/** Exit codes: 0 clean (warnings allowed), 1 diagnostics with errors, 2 usage or I/O problem. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = 0;
  const program = new Command('lz')
    .description('Validate org.yaml and compile it into Terraform stacks (CDK for Terraform).')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showSuggestionAfterError(true);

  const display = (file: string) => {
    const rel = relative(io.cwd, resolve(io.cwd, file));
    return rel.startsWith('..') ? file : rel;
  };

  const report = (diagnostics: readonly Diagnostic[], format: Format) => {
    if (format === 'json') io.stdout.write(`${JSON.stringify(diagnostics, null, 2)}\n`);
    else if (format === 'github')
      for (const d of diagnostics)
        io.stdout.write(`::${d.severity} file=${d.file},line=${d.line},col=${d.col},title=${d.code}::${`${d.message} ${d.fix}`.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
    else if (diagnostics.length > 0) io.stdout.write(`${renderDiagnostics(diagnostics)}\n`);
  };

  withConfirmations(program.command('validate'))
    .description('check org.yaml and print every problem with file:line:col')
    .argument('[file]', 'the organization file', 'org.yaml')
    .option('--format <format>', 'text, json or github (workflow annotations)', 'text')
    .action((file: string, options: { format: Format } & ConfirmationOptions) => {
      const result = validateFile(resolve(io.cwd, file), display(file), confirmationsOf(options));
      report(result.diagnostics, options.format);
      if (hasErrors(result.diagnostics)) exitCode = 1;
      else if (options.format === 'text') io.stdout.write(`${display(file)}: valid (${result.model!.accounts.length} accounts, ${result.model!.ous.length} OUs, ${result.model!.policies.length} policies)\n`);
    });

  withConfirmations(program.command('synth'))
    .description('validate org.yaml, then write the Terraform stacks; the previous output is kept on any error')
    .argument('[file]', 'the organization file', 'org.yaml')
    .option('--out <dir>', 'output directory (default: $CDKTF_OUTDIR or cdktf.out)')
    .option('--release <stack:address>', 'stop managing a protected resource that org.yaml no longer declares, leaving it in AWS (repeatable)', collect, [])
    .option('--workers <n>', 'processes that synthesize (default: $LZ_SYNTH_WORKERS, else one process below 100 accounts and two workers from 100)')
    .option('--progress', 'show the phases, the stacks written and a summary with timings on stderr even when it is not a terminal')
    .action(async (file: string, options: { out?: string; release: string[]; workers?: string; progress?: boolean } & ConfirmationOptions) => {
      const { SynthProgress } = await import('./progress');
      const { declaredAccounts, parseWorkerCount, StartedWorkers, workerCount } = await import('./synth-workers');
      const requested = options.workers ?? io.env.LZ_SYNTH_WORKERS;
      const workers = requested === undefined ? undefined : parseWorkerCount(requested, options.workers === undefined ? 'LZ_SYNTH_WORKERS' : '--workers');
      const { synthesize, ProtectedResourcesError, refuseFileAsOutdir, refuseHclOutput } = await import('./synth');
      refuseHclOutput(io.env);
      const outdir = resolve(io.cwd, options.out ?? io.env.CDKTF_OUTDIR ?? 'cdktf.out');
      refuseFileAsOutdir(outdir, display);
      const progress = SynthProgress.for(io.stderr, options.progress === true);
      progress.phase('load');
      // Once org.yaml is read, the workers it will need start loading cdktf while it is validated.
      let started: InstanceType<typeof StartedWorkers> | undefined;
      const onPhase: PhaseListener = (phase, source) => {
        progress.phase(phase);
        if (phase !== 'validate' || source === undefined) return;
        const count = workerCount(workers, declaredAccounts(source.data));
        if (count > 1) started = new StartedWorkers(count);
      };
      let result: Validation;
      try {
        result = validateFile(resolve(io.cwd, file), display(file), confirmationsOf(options), onPhase);
      } catch (e) {
        started?.stop();
        throw e;
      }
      if (!result.model) progress.abandon();
      report(result.diagnostics, 'text');
      if (!result.model) {
        started?.stop();
        exitCode = 1;
        return;
      }
      let summary: SynthSummary;
      try {
        summary = await synthesize(result.model, outdir, dirname(resolve(io.cwd, file)), { releases: options.release, ...(workers ? { workers } : {}), progress, ...(started ? { started } : {}) });
      } catch (e) {
        progress.abandon();
        if (!(e instanceof ProtectedResourcesError)) throw e;
        report(e.findings.map((f) => ({ ...f, file: display(file), line: 1, col: 1 })), 'text');
        exitCode = 1;
        return;
      }
      const peaks = summary.workerPeakRssKb.map((kb) => `${Math.round(kb / 1024)} MB`).join(', ');
      progress.finish(summary.workers === 1 ? `${summary.stacks.length} stacks, 1 process` : `${summary.stacks.length} stacks, ${summary.workers} worker processes, peak memory ${peaks}`);
      const names = summary.stacks.length <= 20 ? summary.stacks.join(', ') : `${summary.stacks.slice(0, 20).join(', ')} and ${summary.stacks.length - 20} more`;
      io.stdout.write(`Synthesized ${summary.stacks.length} stacks into ${display(summary.outdir)}: ${names}\n`);
      const listed = (stacks: readonly string[]) => (stacks.length > 0 && stacks.length <= 20 ? ` (${stacks.join(', ')})` : '');
      const unchanged = summary.stacks.length - summary.changed.length;
      io.stdout.write(`Written: ${summary.changed.length} changed or new${listed(summary.changed)}; ${unchanged} unchanged; ${summary.removed.length} removed${listed(summary.removed)}\n`);
    });

  /**
   * The model of `file`, for a command whose stdout is its output: errors are reported and make the
   * exit code 1 (undefined is returned); warnings go to stderr, so that stdout stays parseable.
   */
  const modelForOutput = (file: string): LandingZoneModel | undefined => {
    const result = validateFile(resolve(io.cwd, file), display(file));
    if (!result.model) {
      report(result.diagnostics, 'text');
      exitCode = 1;
      return undefined;
    }
    if (result.diagnostics.length > 0) io.stderr.write(`${renderDiagnostics(result.diagnostics)}\n`);
    return result.model;
  };

  const network = program.command('network').description('inspect and pin the Transit Gateway network');
  const loadNetwork = (file: string) => {
    const result = validateFile(resolve(io.cwd, file), display(file));
    report(result.diagnostics, 'text');
    if (!result.model) {
      exitCode = 1;
      return undefined;
    }
    if (!result.model.network) io.stdout.write(`${display(file)} has no network section.\n`);
    return result.model.network;
  };
  network
    .command('matrix')
    .description('print which segments may reach which (a TGW route table per row), then every VPC with its CIDR')
    .argument('[file]', 'the organization file', 'org.yaml')
    .action(async (file: string) => {
      const model = loadNetwork(file);
      if (!model) return;
      const { renderSegmentMatrix } = await import('../model/network/reachability');
      const { renderSharedSubnets, renderVpcTable } = await import('./network');
      const shared = renderSharedSubnets(model);
      const segments = model.transitGateway.enabled ? renderSegmentMatrix(model) : 'No Transit Gateway (network.transitGateway.enabled: false): no VPC routes to another.';
      io.stdout.write(`${segments}\n\n${renderVpcTable(model)}\n${shared ? `\n${shared}\n` : ''}`);
    });
  network
    .command('pin')
    .description('write every allocated VPC CIDR into org.yaml as an explicit cidr (comments are kept)')
    .argument('[file]', 'the organization file', 'org.yaml')
    .action(async (file: string) => {
      const model = loadNetwork(file);
      if (!model) return;
      const { pinVpcCidrs } = await import('./network');
      const path = resolve(io.cwd, file);
      const { pinned } = pinVpcCidrs(path, model, dirname(path));
      io.stdout.write(pinned.length === 0 ? 'Every VPC CIDR is already explicit.\n' : `Pinned ${pinned.length} VPC CIDRs in ${display(file)}:\n${pinned.map((p) => `  ${p}`).join('\n')}\n`);
      const byIpam = model.vpcs.filter((v) => v.ipam?.netmask).length;
      if (byIpam > 0) io.stdout.write(`${byIpam} VPC CIDRs are IPAM's to decide at apply time and stay unpinned.\n`);
    });

  program
    .command('plan-order')
    .description('print the stacks in dependency waves: each wave can be planned and applied once the earlier ones are')
    .argument('[file]', 'the organization file', 'org.yaml')
    .option('--format <format>', 'text (one wave per line) or json', 'text')
    .option('--out <dir>', 'the output directory the stacks are deployed from (default: $CDKTF_OUTDIR or cdktf.out)')
    .action(async (file: string, options: { format: string; out?: string }) => {
      if (options.format !== 'text' && options.format !== 'json') throw new InputError(`--format must be text or json, not "${options.format}"`);
      const model = modelForOutput(file);
      if (!model) return;
      const { planOrder, renderWaves } = await import('./plan-order');
      const outdir = resolve(io.cwd, options.out ?? io.env.CDKTF_OUTDIR ?? 'cdktf.out');
      io.stdout.write(renderWaves(planOrder(model, dirname(resolve(io.cwd, file)), outdir), options.format));
    });

  withConfirmations(program.command('diff'))
    .description('what a change of org.yaml means: accounts, guardrails and their effect, access, network paths, stacks (exit 3 when something is flagged)')
    .argument('[base]', 'a git ref (org.yaml at it), <ref>:<path>, or a file (default: origin/main, or HEAD without it)')
    .argument('[head]', 'the same forms (default: org.yaml in the working tree)')
    .option('--file <file>', 'org.yaml\'s path in the working tree and at git refs', 'org.yaml')
    .option('--format <format>', 'text, markdown (a pull-request comment) or json', 'text')
    .option('--no-deployment', 'do not synthesize the stacks of both versions (faster; no deployment section)')
    .option('--out <dir>', 'the output directory the stacks are deployed from (default: $CDKTF_OUTDIR or cdktf.out)')
    .action(async (base: string | undefined, head: string | undefined, options: { file: string; format: string; deployment: boolean; out?: string } & ConfirmationOptions) => {
      const { runDiff } = await import('./diff');
      const outcome = runDiff(base, head, {
        format: options.format,
        file: options.file,
        deployment: options.deployment,
        outdir: options.out ?? io.env.CDKTF_OUTDIR ?? 'cdktf.out',
        confirmations: confirmationsOf(options),
      }, io.cwd);
      io.stderr.write(outcome.stderr);
      io.stdout.write(outcome.stdout);
      exitCode = outcome.exitCode;
    });

  program
    .command('graph')
    .description('draw the OU tree with its policies, the network segments and VPCs, and the deployment waves')
    .argument('[file]', 'the organization file', 'org.yaml')
    .option('--format <format>', 'html (one self-contained page with every view), mermaid or dot', 'html')
    .option('--view <view>', 'mermaid and dot: only organization, network or deployment')
    .option('--out <file>', 'where to write (default: lz-graph.html for html, stdout otherwise)')
    .action(async (file: string, options: { format: string; view?: string; out?: string }) => {
      const { graphOf, parseGraphOptions, renderGraph } = await import('./graph');
      const { format, views } = parseGraphOptions(options.format, options.view);
      const model = modelForOutput(file);
      if (!model) return;
      const graph = graphOf(model, resolve(io.cwd, file), resolve(io.cwd, io.env.CDKTF_OUTDIR ?? 'cdktf.out'));
      const text = renderGraph(graph, format, views, `${model.organization.name}: landing zone`);
      const out = options.out ?? (format === 'html' ? 'lz-graph.html' : undefined);
      if (out === undefined) io.stdout.write(text);
      else {
        writeFileSync(resolve(io.cwd, out), text);
        io.stdout.write(`Wrote ${out}\n`);
      }
    });

  program
    .command('audit')
    .description('check the synthesized landing zone against Security Hub controls (FSBP, CIS) in every account and region; exit 1 when a control org.yaml requires is not satisfied')
    .argument('[file]', 'the organization file', 'org.yaml')
    .option('--out <dir>', 'audit the stacks already written to this output directory (default: synthesize org.yaml now, in memory)')
    .option('--format <format>', 'text or json', 'text')
    .action(async (file: string, options: { out?: string; format: string }) => {
      if (options.format !== 'text' && options.format !== 'json') throw new InputError(`--format must be text or json, not "${options.format}"`);
      const model = modelForOutput(file);
      if (!model) return;
      const { auditModel, renderAudit } = await import('./audit');
      const audit = auditModel(model, dirname(resolve(io.cwd, file)), options.out === undefined ? undefined : resolve(io.cwd, options.out));
      io.stdout.write(renderAudit(audit, options.format));
      if (audit.failedRequired.length > 0) exitCode = 1;
    });

  program
    .command('can')
    .description('may <account> perform <action>? Evaluates the SCPs along the account\'s path and explains the answer (exit 0 allowed, 3 denied, 2 when it cannot be judged)')
    .argument('<account>', 'account key in org.yaml')
    .argument('<action>', 'IAM action, e.g. ec2:RunInstances')
    .option('--resource <arn>', 'resource ARN (default *)')
    .option('--principal-arn <arn>', 'calling principal (default an ordinary role of the account)')
    .option('--region <region>', 'requested region (default the home region)')
    .option('--context <key=value>', 'a condition key of the request, e.g. ec2:MetadataHttpTokens=required (repeatable; a key given twice has both values)', collect, [])
    .option('--file <file>', 'the organization file', 'org.yaml')
    .action(async (account: string, action: string, options: { resource?: string; principalArn?: string; region?: string; context: string[]; file: string }) => {
      const result = validateFile(resolve(io.cwd, options.file), display(options.file));
      report(result.diagnostics, 'text');
      if (!result.model) {
        exitCode = 1;
        return;
      }
      const { runCan } = await import('./can');
      const outcome = runCan(result.model, account, action, options);
      (outcome.exitCode === 2 ? io.stderr : io.stdout).write(`${outcome.text}\n`);
      exitCode = outcome.exitCode;
    });

  program
    .command('import')
    .description('read a live organization with the AWS SDK (standard credential chain) and write org.yaml, lz.lock.json and policies/ so that the first plan imports only')
    .option('--out <file>', 'the org.yaml to write; lz.lock.json and policies/ go next to it', 'org.yaml')
    .option('--region <region>', 'home region, and region of IAM Identity Center and the Transit Gateway (default: $AWS_REGION)')
    .option('--name <name>', 'organization.name, used in the names of resources lz creates (default: the management account key)')
    .option('--access-role-name <name>', 'organization.accessRoleName', 'OrganizationAccountAccessRole')
    .option('--network-account <id>', 'read the Transit Gateway of this account (assuming --network-role-name there)')
    .option('--network-role-name <name>', 'role assumed in the network account (default: --access-role-name)')
    .option('--without <part>', 'leave identity-center or network out (repeatable)', collect, [])
    .option('--force', 'replace existing files', false)
    .action(async (options: { out: string; region?: string; name?: string; accessRoleName: string; networkAccount?: string; networkRoleName?: string; without: string[]; force: boolean }) => {
      const region = options.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
      if (region === undefined) throw new InputError('give --region (or set AWS_REGION): the home region of the organization');
      const { readSnapshot, renderReport, writeImport } = await import('./import');
      const { mapSnapshot } = await import('../import/map-snapshot');
      const { ImportCallError, ImportPermissionError } = await import('../import/aws-call');
      let snapshot;
      try {
        snapshot = await readSnapshot({ ...options, region });
      } catch (e) {
        if (e instanceof ImportPermissionError || e instanceof ImportCallError) throw new InputError(e.message);
        // No credentials, an expired session, an unreachable endpoint: the SDK's words, not a bug report.
        if (e instanceof Error && (e.name === 'CredentialsProviderError' || '$metadata' in e || 'code' in e))
          throw new InputError(`reading the organization failed: ${e.name}: ${e.message}`);
        throw e;
      }
      const out = resolve(io.cwd, options.out);
      const mapped = mapSnapshot(snapshot, { ...(options.name !== undefined ? { name: options.name } : {}), accessRoleName: options.accessRoleName });
      writeImport(mapped, snapshot, out, options.force);
      io.stdout.write(`Wrote ${display(options.out)} (${snapshot.organizations.accounts.length} accounts, ${snapshot.organizations.ous.length} OUs), ${mapped.files.size} policy files and ${mapped.imports.size} recorded import ids in ${LOCK_FILE}.\n${renderReport(mapped.report)}\n`);
      const result = validateFile(out, display(options.out));
      report(result.diagnostics, 'text');
      if (hasErrors(result.diagnostics)) exitCode = 1;
    });

  program
    .command('schema')
    .description('write the JSON Schema of org.yaml (for editor completion)')
    .option('--out <file>', 'where to write it', 'org.schema.json')
    .action(async (options: { out: string }) => {
      const { orgJsonSchema } = await import('../config/json-schema');
      writeFileSync(resolve(io.cwd, options.out), `${JSON.stringify(orgJsonSchema(), null, 2)}\n`);
      io.stdout.write(`Wrote ${options.out}\n`);
    });

  program
    .command('init')
    .description('scaffold a landing-zone repository: org.yaml, package.json, an intent test, .gitignore, .terraformignore, a CI workflow')
    .argument('[dir]', 'the directory to create it in', '.')
    .option('--management-account-id <id>', 'the 12-digit id of the management account (asked when left out)')
    .option('--email-domain <domain>', 'the domain of the accounts\' root emails, aws+<account>@<domain> (asked when left out)')
    .option('--name <name>', 'the organization\'s name in org.yaml (default: the directory\'s name)')
    .action(async (dir: string, options: { managementAccountId?: string; emailDomain?: string; name?: string }) => {
      const { runInit } = await import('./init');
      const ask = async (flag: string, question: string): Promise<string> => {
        if (!io.stdin?.isTTY) throw new InputError(`give ${flag}: lz init asks for it only on a terminal.`);
        const { createInterface } = await import('node:readline/promises');
        const rl = createInterface({ input: io.stdin, output: io.stdout as NodeJS.WritableStream });
        try {
          return (await rl.question(question)).trim();
        } finally {
          rl.close();
        }
      };
      const managementAccountId = options.managementAccountId ?? (await ask('--management-account-id', 'Management account id (12 digits): '));
      const emailDomain = options.emailDomain ?? (await ask('--email-domain', 'Email domain of the accounts (aws+<account>@<domain>): '));
      const target = resolve(io.cwd, dir);
      const written = runInit(target, { managementAccountId, emailDomain, ...(options.name !== undefined ? { name: options.name } : {}) });
      io.stdout.write(`Wrote ${written.length} files into ${display(dir) || '.'}:\n${written.map((f) => `  ${f}`).join('\n')}\n` +
        `Next: cd ${display(dir) || '.'} && npm install && npx lz validate && npm test && npx lz synth\n`);
    });

  try {
    await program.parseAsync(['node', 'lz', ...argv]);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof InputError) {
      io.stderr.write(`lz: ${e.message}\n`);
      return 2;
    }
    io.stderr.write(`lz: internal error (this is a bug in lz, not in your org.yaml): ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
  return exitCode;
}
